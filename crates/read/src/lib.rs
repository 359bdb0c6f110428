//! Dateline's readers: inputs in, articles ([`Doc`]s) out.
//!
//! Reads files, directories (recursively) and standard input, each possibly
//! gzip-compressed, in six formats chosen by extension and content: dateline
//! text (`date YYYY-MM-DD Place: ...`), plain text, JSON Lines, HTML pages
//! (main-content extraction with `trafilatura`), RSS/Atom feeds, and WARC
//! archives such as Common Crawl's CC-NEWS.
//!
//! Every article's `body` is fixed here: its paragraphs, headings and list
//! items joined by one blank line, with cross-links ("Also Read: ...") moved to
//! `related_links` and boilerplate ("Advertisement", share prompts, copyright
//! lines) to `dropped`. Blocks are spans over the body.
//!
//! Reading never panics on bad input and never stops at the first problem:
//! problems become [`Diagnostic`]s naming the input and the line, byte or
//! record, and the rest is still read.
//!
//! # Brief overview
//! - [`discover`] expands paths into [`Input`]s.
//! - [`read_input`] reads one input, handing each article to a sink, and
//!   returns an [`InputReport`].
//! - [`read_bytes`] does the same for bytes in memory.
//! - [`ReadConfig`] sets the default date, UTF-8 policy, size limit and format.
//!
//! ```
//! use dateline_model::BlockKind;
//! use dateline_read::{ReadConfig, read_bytes};
//!
//! let text = "date 2024-03-05 Kyiv: Ukraine said talks would resume.\n\n\
//!             Also Read: Floods hit Sindh\n\nOfficials gave no date.\n";
//! let mut docs = Vec::new();
//! let report = read_bytes("kyiv.txt", text.as_bytes(), &ReadConfig::default(), &mut |doc| docs.push(doc));
//! assert!(!report.failed());
//! let doc = &docs[0];
//! assert_eq!(doc.meta.place.as_deref(), Some("Kyiv"));
//! assert_eq!(doc.body(), "Ukraine said talks would resume.\n\nOfficials gave no date.");
//! assert_eq!(doc.related_links[0].text, "Floods hit Sindh");
//! assert_eq!(doc.blocks[1].kind, BlockKind::Paragraph);
//! ```

#![deny(missing_debug_implementations)]

mod article;
mod config;
mod cues;
mod dates;
mod decode;
mod diagnostic;
mod document;
mod error;
mod feed;
mod html;
mod input;
mod jsonl;
mod language;
mod lines;
mod reading;
mod sniff;
mod source;
mod text;
mod warc;
mod wire_dateline;

use std::io::Read;

use dateline_model::Doc;

pub use config::{DEFAULT_MAX_ARTICLE_BYTES, Format, ReadConfig, Utf8Policy};
pub use diagnostic::{Diagnostic, InputReport, Position, Severity};
pub use error::ReadError;
pub use input::{Input, discover};

use reading::Reading;
use text::TextKind;

/// Reads one input (a file or standard input), passing each article to `sink`.
pub fn read_input(input: &Input, config: &ReadConfig, sink: &mut dyn FnMut(Doc)) -> InputReport {
    let name = input.name();
    match input {
        Input::Stdin => read_stream(&name, std::io::stdin().lock(), config, sink),
        Input::Path(path) => match std::fs::File::open(path) {
            Ok(file) => read_stream(&name, file, config, sink),
            Err(error) => {
                let mut reading = Reading::new(&name, config, sink);
                reading.error(None, error);
                reading.into_report()
            }
        },
    }
}

/// Reads an input held in memory, named `name` (the name also guides the
/// format choice by its extension).
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    config: &ReadConfig,
    sink: &mut dyn FnMut(Doc),
) -> InputReport {
    read_stream(name, bytes, config, sink)
}

fn read_stream(
    name: &str,
    raw: impl Read,
    config: &ReadConfig,
    sink: &mut dyn FnMut(Doc),
) -> InputReport {
    let mut reading = Reading::new(name, config, sink);
    let stream = source::open(raw);
    let (head, mut stream) = source::peek_stream(stream, sniff::SNIFF_BYTES);
    let format = config
        .format
        .unwrap_or_else(|| sniff::detect_format(name, &head));
    match format {
        Format::DatelineText => text::read_text(&mut stream, &mut reading, TextKind::Dateline),
        Format::PlainText => text::read_text(&mut stream, &mut reading, TextKind::Plain),
        Format::Jsonl => jsonl::read_jsonl(&mut stream, &mut reading),
        Format::Html => html::read_html(&mut stream, &mut reading),
        Format::Feed => feed::read_feed(&mut stream, &mut reading),
        Format::Warc => warc::read_warc(&mut stream, &mut reading),
    }
    reading.into_report()
}
