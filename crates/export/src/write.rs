//! Streaming writers: one [`EventWriter`] per output, any [`Format`].

use std::io::Write;

use crate::csv_format::{CSV_COLUMNS, csv_fields};
use crate::{EventRecord, ExportError, gdelt_row, plover_json};

/// The machine-readable event formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The public event schema, one JSON object per line.
    Jsonl,
    /// Flat CSV with a header row.
    Csv,
    /// GDELT 2.0 events export: 61 tab-separated columns, no header.
    Gdelt,
    /// PLOVER JSON, one object per line (CAMEO 01/02 events have no PLOVER form and are skipped).
    Plover,
}

#[derive(Debug, thiserror::Error)]
#[error("unknown format {0:?}")]
pub struct FormatError(pub String);

impl std::str::FromStr for Format {
    type Err = FormatError;

    fn from_str(text: &str) -> Result<Format, FormatError> {
        match text {
            "jsonl" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            "gdelt" => Ok(Format::Gdelt),
            "plover" => Ok(Format::Plover),
            _ => Err(FormatError(text.to_string())),
        }
    }
}

/// Writes events to an output in one format, header first where the format has one.
pub struct EventWriter<W: Write> {
    format: Format,
    csv: Option<csv::Writer<W>>,
    out: Option<W>,
    date_added: String,
}

impl<W: Write> std::fmt::Debug for EventWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventWriter")
            .field("format", &self.format)
            .finish()
    }
}

impl<W: Write> EventWriter<W> {
    pub fn new(format: Format, out: W) -> Result<EventWriter<W>, ExportError> {
        let date_added = chrono::Utc::now().format("%Y%m%d%H%M%S").to_string();
        if format == Format::Csv {
            let mut csv = csv::Writer::from_writer(out);
            csv.write_record(CSV_COLUMNS)?;
            return Ok(EventWriter {
                format,
                csv: Some(csv),
                out: None,
                date_added,
            });
        }
        Ok(EventWriter {
            format,
            csv: None,
            out: Some(out),
            date_added,
        })
    }

    pub fn write(&mut self, event: &EventRecord) -> Result<(), ExportError> {
        if let Some(csv) = &mut self.csv {
            csv.write_record(csv_fields(event))?;
            return Ok(());
        }
        let out = self.out.as_mut().expect("non-CSV writer keeps its output");
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, event)?;
                out.write_all(b"\n")?;
            }
            Format::Gdelt => {
                out.write_all(gdelt_row(event, &self.date_added).as_bytes())?;
                out.write_all(b"\n")?;
            }
            Format::Plover => {
                if let Some(record) = plover_json(event) {
                    serde_json::to_writer(&mut *out, &record)?;
                    out.write_all(b"\n")?;
                }
            }
            Format::Csv => unreachable!("CSV writes through the csv writer"),
        }
        Ok(())
    }

    /// Flushes buffered rows; call before dropping to see write errors.
    pub fn finish(mut self) -> Result<(), ExportError> {
        if let Some(csv) = &mut self.csv {
            csv.flush()?;
        }
        if let Some(out) = &mut self.out {
            out.flush()?;
        }
        Ok(())
    }
}
