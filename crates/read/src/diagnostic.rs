//! Problems found while reading, each naming the input and where in it.

use std::fmt;

/// How bad a problem is. An input *failed* when it produced at least one error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Something was read, but not exactly as written (e.g. bad bytes replaced).
    Warning,
    /// Something could not be read (an article, a record, or the rest of the input).
    Error,
}

/// Where in an input a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Position {
    /// 1-based line (JSON Lines).
    Line(u64),
    /// 0-based byte offset into the (decompressed) input.
    Byte(u64),
    /// 1-based item or record number (feeds, WARC).
    Item(u64),
}

/// One problem with one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The input as named by the user (a path or `-`).
    pub input: String,
    pub position: Option<Position>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    /// `path:LINE: message`, `path: byte N: message`, `path#ITEM: message` or `path: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            None => write!(f, "{}: {}", self.input, self.message),
            Some(Position::Line(line)) => write!(f, "{}:{}: {}", self.input, line, self.message),
            Some(Position::Byte(byte)) => {
                write!(f, "{}: byte {}: {}", self.input, byte, self.message)
            }
            Some(Position::Item(item)) => write!(f, "{}#{}: {}", self.input, item, self.message),
        }
    }
}

/// What reading one input gave, besides its articles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InputReport {
    /// Articles passed to the sink.
    pub n_articles: usize,
    /// Records deliberately not read as articles (non-HTML WARC records, items
    /// without text, ...). Records refused for an error are in `diagnostics`.
    pub n_skipped: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl InputReport {
    /// True when at least one error was reported.
    pub fn failed(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|diagnostic| diagnostic.severity == Severity::Error)
    }

    /// Number of error diagnostics.
    pub fn n_errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity == Severity::Error)
            .count()
    }
}
