//! Events as Apache Parquet (feature `parquet`), readable by pandas
//! (pyarrow), DuckDB and Spark.
//!
//! One row per event, Snappy-compressed, in row groups of
//! [`ROW_GROUP_ROWS`]; the full schema is [`SCHEMA`]. Strings are UTF-8
//! (`STRING`), days are `DATE`, byte offsets into the article body `INT64`.
//!
//! | columns | meaning |
//! |---|---|
//! | `event_id`, `article_id`, `date` | the event (its first report's article) and its day |
//! | `code`, `root_code`, `label`, `quad_class`, `goldstein`, `plover_type`, `plover_mode` | CAMEO code with codebook values, PLOVER type and mode |
//! | `source_*`, `target_*` (`code`, `country`, `name`, `text`) | the participants; `text` is the words naming them |
//! | `negated`, `modality` | polarity, and `asserted`/`intended`/`hypothetical` |
//! | `location_name`, `location_country`, `location_adm1`, `lat`, `lon`, `geonameid`, `location_basis` | where, and whether from the `sentence`, `dateline` or `focus` |
//! | `attribution_text`, `attribution_code` | who the report credits |
//! | `sentence_index`, `sentence_text`, `trigger_text`, `trigger_start`, `trigger_end`, `rule`, `url` | the evidence of the first report |
//! | `num_mentions`, `num_sources`, `num_articles`, `first_seen`, `last_seen` | merge counts (null for events not read from a store) |
//! | `mentions` | `LIST<STRUCT<article_id, sentence_index, sentence_text, sentence_start, sentence_end, trigger_start, trigger_end, source_start, source_end, target_start, target_end, rule>>`: every report |
//!
//! The columns follow the event JSONL and CSV exports; pandas reads
//! `mentions` as arrays of dicts, DuckDB as `STRUCT(...)[]`.

use std::io::Write;
use std::sync::Arc;

use ::parquet::basic::Compression;
use ::parquet::column::writer::ColumnWriter;
use ::parquet::data_type::ByteArray;
use ::parquet::file::properties::WriterProperties;
use ::parquet::file::writer::SerializedFileWriter;
use ::parquet::schema::parser::parse_message_type;

use crate::{EventRecord, ExportError, MentionRecord};

/// Rows buffered before a row group is written.
pub const ROW_GROUP_ROWS: usize = 20_000;

/// The Parquet schema, in Parquet's message syntax.
pub const SCHEMA: &str = "
message dateline_event {
  required binary event_id (STRING);
  required binary article_id (STRING);
  optional int32 date (DATE);
  required binary code (STRING);
  required binary root_code (STRING);
  optional binary label (STRING);
  optional int32 quad_class;
  optional double goldstein;
  optional binary plover_type (STRING);
  optional binary plover_mode (STRING);
  required binary source_code (STRING);
  optional binary source_country (STRING);
  optional binary source_name (STRING);
  optional binary source_text (STRING);
  optional binary target_code (STRING);
  optional binary target_country (STRING);
  optional binary target_name (STRING);
  optional binary target_text (STRING);
  required boolean negated;
  required binary modality (STRING);
  optional binary location_name (STRING);
  optional binary location_country (STRING);
  optional binary location_adm1 (STRING);
  optional double lat;
  optional double lon;
  optional int64 geonameid;
  optional binary location_basis (STRING);
  optional binary attribution_text (STRING);
  optional binary attribution_code (STRING);
  optional int32 sentence_index;
  required binary sentence_text (STRING);
  required binary trigger_text (STRING);
  required int64 trigger_start;
  required int64 trigger_end;
  required binary rule (STRING);
  optional binary url (STRING);
  optional int32 num_mentions;
  optional int32 num_sources;
  optional int32 num_articles;
  optional int32 first_seen (DATE);
  optional int32 last_seen (DATE);
  optional group mentions (LIST) {
    repeated group list {
      required group element {
        required binary article_id (STRING);
        optional int32 sentence_index;
        required binary sentence_text (STRING);
        required int64 sentence_start;
        required int64 sentence_end;
        required int64 trigger_start;
        required int64 trigger_end;
        optional int64 source_start;
        optional int64 source_end;
        optional int64 target_start;
        optional int64 target_end;
        required binary rule (STRING);
      }
    }
  }
}
";

/// Streams events into a Parquet file.
pub struct ParquetWriter<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    rows: Vec<EventRecord>,
}

impl<W: Write + Send> std::fmt::Debug for ParquetWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetWriter")
            .field("buffered_rows", &self.rows.len())
            .finish()
    }
}

fn parquet_error(err: ::parquet::errors::ParquetError) -> ExportError {
    ExportError::Io(std::io::Error::other(format!("Parquet: {err}")))
}

impl<W: Write + Send> ParquetWriter<W> {
    pub fn new(out: W) -> Result<ParquetWriter<W>, ExportError> {
        let schema = Arc::new(parse_message_type(SCHEMA).map_err(parquet_error)?);
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(concat!("dateline ", env!("CARGO_PKG_VERSION")).to_string())
            .build();
        let writer =
            SerializedFileWriter::new(out, schema, Arc::new(properties)).map_err(parquet_error)?;
        Ok(ParquetWriter {
            writer,
            rows: Vec::new(),
        })
    }

    pub fn write(&mut self, event: &EventRecord) -> Result<(), ExportError> {
        self.rows.push(event.clone());
        if self.rows.len() >= ROW_GROUP_ROWS {
            self.flush_row_group()?;
        }
        Ok(())
    }

    /// Writes the last row group and the footer; the file is unreadable without it.
    pub fn finish(mut self) -> Result<(), ExportError> {
        self.flush_row_group()?;
        let mut out = self.writer.into_inner().map_err(parquet_error)?;
        out.flush()?;
        Ok(())
    }

    fn flush_row_group(&mut self) -> Result<(), ExportError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let columns = columns(&self.rows);
        let mut row_group = self.writer.next_row_group().map_err(parquet_error)?;
        let mut columns = columns.into_iter();
        while let Some(mut column_writer) = row_group.next_column().map_err(parquet_error)? {
            let column = columns
                .next()
                .expect("one buffered column per schema column");
            column.write(column_writer.untyped())?;
            column_writer.close().map_err(parquet_error)?;
        }
        row_group.close().map_err(parquet_error)?;
        self.rows.clear();
        Ok(())
    }
}

/// Values of one leaf column with their definition and repetition levels.
#[derive(Debug)]
struct Column {
    values: Values,
    definition: Option<Vec<i16>>,
    repetition: Option<Vec<i16>>,
}

#[derive(Debug)]
enum Values {
    Text(Vec<ByteArray>),
    Int32(Vec<i32>),
    Int64(Vec<i64>),
    Double(Vec<f64>),
    Bool(Vec<bool>),
}

impl Column {
    fn write(self, writer: &mut ColumnWriter<'_>) -> Result<(), ExportError> {
        let definition = self.definition.as_deref();
        let repetition = self.repetition.as_deref();
        let written = match (self.values, writer) {
            (Values::Text(v), ColumnWriter::ByteArrayColumnWriter(w)) => {
                w.write_batch(&v, definition, repetition)
            }
            (Values::Int32(v), ColumnWriter::Int32ColumnWriter(w)) => {
                w.write_batch(&v, definition, repetition)
            }
            (Values::Int64(v), ColumnWriter::Int64ColumnWriter(w)) => {
                w.write_batch(&v, definition, repetition)
            }
            (Values::Double(v), ColumnWriter::DoubleColumnWriter(w)) => {
                w.write_batch(&v, definition, repetition)
            }
            (Values::Bool(v), ColumnWriter::BoolColumnWriter(w)) => {
                w.write_batch(&v, definition, repetition)
            }
            _ => unreachable!("buffered column types follow SCHEMA"),
        };
        written.map_err(parquet_error)?;
        Ok(())
    }
}

/// A top-level column: required (no levels) or optional (level 1 when present).
struct TopLevel<T> {
    values: Vec<T>,
    definition: Vec<i16>,
    optional: bool,
}

impl<T> TopLevel<T> {
    fn required(rows: &[EventRecord], value: impl Fn(&EventRecord) -> T) -> TopLevel<T> {
        TopLevel {
            values: rows.iter().map(value).collect(),
            definition: Vec::new(),
            optional: false,
        }
    }

    fn optional(rows: &[EventRecord], value: impl Fn(&EventRecord) -> Option<T>) -> TopLevel<T> {
        let mut column = TopLevel {
            values: Vec::new(),
            definition: Vec::with_capacity(rows.len()),
            optional: true,
        };
        for row in rows {
            match value(row) {
                Some(v) => {
                    column.values.push(v);
                    column.definition.push(1);
                }
                None => column.definition.push(0),
            }
        }
        column
    }

    fn into_column(self, wrap: fn(Vec<T>) -> Values) -> Column {
        Column {
            values: wrap(self.values),
            definition: self.optional.then_some(self.definition),
            repetition: None,
        }
    }
}

fn text(value: &str) -> ByteArray {
    ByteArray::from(value.as_bytes().to_vec())
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn days(date: &str) -> Option<i32> {
    let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from(date.signed_duration_since(epoch).num_days()).ok()
}

/// Every leaf column of [`SCHEMA`], in schema order.
fn columns(rows: &[EventRecord]) -> Vec<Column> {
    use Values::{Bool, Double, Int32, Int64, Text};
    let req_text =
        |f: fn(&EventRecord) -> &str| TopLevel::required(rows, |r| text(f(r))).into_column(Text);
    let opt_text = |f: fn(&EventRecord) -> Option<&str>| {
        TopLevel::optional(rows, |r| f(r).map(text)).into_column(Text)
    };
    let opt_i32 =
        |f: fn(&EventRecord) -> Option<i32>| TopLevel::optional(rows, f).into_column(Int32);
    let opt_f64 =
        |f: fn(&EventRecord) -> Option<f64>| TopLevel::optional(rows, f).into_column(Double);
    let merge_i32 = |f: fn(&crate::MergeInfo) -> u32| {
        TopLevel::optional(rows, |r| {
            r.merge.as_ref().map(|m| f(m).min(i32::MAX as u32) as i32)
        })
        .into_column(Int32)
    };
    let mut columns = vec![
        req_text(|r| &r.event_id),
        req_text(|r| &r.article_id),
        opt_i32(|r| r.date.as_deref().and_then(days)),
        req_text(|r| &r.code),
        req_text(|r| &r.root_code),
        opt_text(|r| r.label.as_deref()),
        opt_i32(|r| r.quad_class.map(i32::from)),
        opt_f64(|r| r.goldstein.map(f64::from)),
        opt_text(|r| r.plover.as_ref().map(|p| p.event_type.as_str())),
        opt_text(|r| r.plover.as_ref().and_then(|p| p.mode.as_deref())),
        req_text(|r| &r.source.code),
        opt_text(|r| r.source.country.as_deref()),
        opt_text(|r| r.source.name.as_deref()),
        opt_text(|r| r.source.text.as_deref()),
        opt_text(|r| r.target.as_ref().map(|t| t.code.as_str())),
        opt_text(|r| r.target.as_ref().and_then(|t| t.country.as_deref())),
        opt_text(|r| r.target.as_ref().and_then(|t| t.name.as_deref())),
        opt_text(|r| r.target.as_ref().and_then(|t| t.text.as_deref())),
        TopLevel::required(rows, |r| r.negated).into_column(Bool),
        req_text(|r| &r.modality),
        opt_text(|r| r.location.as_ref().map(|l| l.name.as_str())),
        opt_text(|r| r.location.as_ref().and_then(|l| l.country.as_deref())),
        opt_text(|r| r.location.as_ref().and_then(|l| l.adm1.as_deref())),
        opt_f64(|r| r.location.as_ref().map(|l| l.lat)),
        opt_f64(|r| r.location.as_ref().map(|l| l.lon)),
        TopLevel::optional(rows, |r| {
            r.location.as_ref().and_then(|l| l.geonameid).map(i64::from)
        })
        .into_column(Int64),
        opt_text(|r| r.location.as_ref().map(|l| l.basis.as_str())),
        opt_text(|r| r.attribution.as_ref().map(|a| a.text.as_str())),
        opt_text(|r| r.attribution.as_ref().and_then(|a| a.code.as_deref())),
        opt_i32(|r| r.sentence.index.and_then(|i| i32::try_from(i).ok())),
        req_text(|r| &r.sentence.text),
        req_text(|r| &r.trigger.text),
        TopLevel::required(rows, |r| i64::from(r.trigger.span.start)).into_column(Int64),
        TopLevel::required(rows, |r| i64::from(r.trigger.span.end)).into_column(Int64),
        req_text(|r| &r.rule),
        opt_text(|r| r.url.as_deref()),
        merge_i32(|m| m.num_mentions),
        merge_i32(|m| m.num_sources),
        merge_i32(|m| m.num_articles),
        opt_i32(|r| {
            r.merge
                .as_ref()
                .and_then(|m| m.first_seen.as_deref())
                .and_then(days)
        }),
        opt_i32(|r| {
            r.merge
                .as_ref()
                .and_then(|m| m.last_seen.as_deref())
                .and_then(days)
        }),
    ];
    columns.extend(mention_columns(rows));
    columns
}

/// The leaves of `mentions.list.element`: definition level 0 for an event
/// without merge information, 1 for an empty list, 2 for a mention (3 for
/// a present optional leaf); repetition level 1 after each row's first.
fn mention_columns(rows: &[EventRecord]) -> Vec<Column> {
    let nested =
        |value: &dyn Fn(&MentionRecord) -> Option<LeafValue>, optional: bool, wrap: Wrap| {
            let mut values = Vec::new();
            let mut definition = Vec::new();
            let mut repetition = Vec::new();
            for row in rows {
                let mentions = row.merge.as_ref().map(|m| &m.mentions);
                match mentions {
                    None => {
                        definition.push(0);
                        repetition.push(0);
                    }
                    Some(list) if list.is_empty() => {
                        definition.push(1);
                        repetition.push(0);
                    }
                    Some(list) => {
                        for (idx, mention) in list.iter().enumerate() {
                            repetition.push(i16::from(idx > 0));
                            match value(mention) {
                                Some(v) => {
                                    values.push(v);
                                    definition.push(if optional { 3 } else { 2 });
                                }
                                None => definition.push(2),
                            }
                        }
                    }
                }
            }
            Column {
                values: wrap.build(values),
                definition: Some(definition),
                repetition: Some(repetition),
            }
        };
    let offset = |span: dateline_model::Span, end: bool| {
        Some(LeafValue::Int64(i64::from(if end {
            span.end
        } else {
            span.start
        })))
    };
    vec![
        nested(
            &|m| Some(LeafValue::Text(text(&m.article_id))),
            false,
            Wrap::Text,
        ),
        nested(
            &|m| {
                m.sentence
                    .index
                    .and_then(|i| i32::try_from(i).ok())
                    .map(LeafValue::Int32)
            },
            true,
            Wrap::Int32,
        ),
        nested(
            &|m| Some(LeafValue::Text(text(&m.sentence.text))),
            false,
            Wrap::Text,
        ),
        nested(&|m| offset(m.sentence.span, false), false, Wrap::Int64),
        nested(&|m| offset(m.sentence.span, true), false, Wrap::Int64),
        nested(&|m| offset(m.trigger, false), false, Wrap::Int64),
        nested(&|m| offset(m.trigger, true), false, Wrap::Int64),
        nested(
            &|m| m.source_span.and_then(|s| offset(s, false)),
            true,
            Wrap::Int64,
        ),
        nested(
            &|m| m.source_span.and_then(|s| offset(s, true)),
            true,
            Wrap::Int64,
        ),
        nested(
            &|m| m.target_span.and_then(|s| offset(s, false)),
            true,
            Wrap::Int64,
        ),
        nested(
            &|m| m.target_span.and_then(|s| offset(s, true)),
            true,
            Wrap::Int64,
        ),
        nested(&|m| Some(LeafValue::Text(text(&m.rule))), false, Wrap::Text),
    ]
}

/// One value of a nested leaf before it is sorted into its typed vector.
enum LeafValue {
    Text(ByteArray),
    Int32(i32),
    Int64(i64),
}

#[derive(Clone, Copy)]
enum Wrap {
    Text,
    Int32,
    Int64,
}

impl Wrap {
    fn build(self, values: Vec<LeafValue>) -> Values {
        let mut texts = Vec::new();
        let mut int32s = Vec::new();
        let mut int64s = Vec::new();
        for value in values {
            match value {
                LeafValue::Text(v) => texts.push(v),
                LeafValue::Int32(v) => int32s.push(v),
                LeafValue::Int64(v) => int64s.push(v),
            }
        }
        match self {
            Wrap::Text => Values::Text(texts),
            Wrap::Int32 => Values::Int32(int32s),
            Wrap::Int64 => Values::Int64(int64s),
        }
    }
}
