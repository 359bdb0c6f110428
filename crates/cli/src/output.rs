//! Where and how results are printed: standard output, tables on a terminal.

use std::io::{BufWriter, IsTerminal, Stdout, Write};

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::args::{EventFormat, TableOrJsonl};

/// Buffered standard output.
pub fn stdout() -> BufWriter<Stdout> {
    BufWriter::new(std::io::stdout())
}

/// `auto` means a table on a terminal and JSON Lines in a pipe.
pub fn wants_table(format: TableOrJsonl) -> bool {
    match format {
        TableOrJsonl::Auto => std::io::stdout().is_terminal(),
        TableOrJsonl::Table => true,
        TableOrJsonl::Jsonl => false,
    }
}

/// The event format to write, `None` meaning a table.
pub fn event_format(format: EventFormat) -> Option<dateline_export::Format> {
    use dateline_export::Format;
    match format {
        EventFormat::Auto if std::io::stdout().is_terminal() => None,
        EventFormat::Auto | EventFormat::Jsonl => Some(Format::Jsonl),
        EventFormat::Table => None,
        EventFormat::Csv => Some(Format::Csv),
        EventFormat::Gdelt => Some(Format::Gdelt),
        EventFormat::Plover => Some(Format::Plover),
    }
}

/// A table with Dateline's look.
pub fn table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.to_vec());
    // A terminal that reports no usable width (a bare pty, some CI
    // consoles) would squeeze every column to one character.
    if table.width().is_none_or(|width| width < MIN_TERMINAL_WIDTH) {
        table.set_width(FALLBACK_WIDTH);
    }
    table
}

/// Narrower terminals than this get [`FALLBACK_WIDTH`] columns.
const MIN_TERMINAL_WIDTH: u16 = 40;
const FALLBACK_WIDTH: u16 = 120;

/// Writes one value as a JSON line.
pub fn json_line(out: &mut impl Write, value: &impl serde::Serialize) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The article heading printed above its table.
pub fn article_heading(out: &mut impl Write, doc: &dateline_model::Doc) -> std::io::Result<()> {
    let date = doc
        .meta
        .date
        .map_or("date unknown".to_string(), |d| d.to_string());
    let title = doc.meta.title.as_deref().unwrap_or("");
    writeln!(
        out,
        "\n{}  ({}, {})  {}",
        doc.meta.input, doc.meta.id, date, title
    )
}

/// Shortens text for a table cell.
pub fn clip(text: &str, max_chars: usize) -> String {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let clipped: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{clipped}…")
}
