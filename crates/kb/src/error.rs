//! The crate's error type and the per-line diagnostics of a knowledge-base file.

use std::fmt;

/// Errors that stop a knowledge base from loading at all.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// The built-in data compiled into the binary has bad lines: a build defect.
    #[error("built-in knowledge base is corrupt: {}", first_diagnostic(.0))]
    Builtin(Vec<KbDiagnostic>),
    /// A user file could not be read.
    #[error("{path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

fn first_diagnostic(diagnostics: &[KbDiagnostic]) -> String {
    match diagnostics {
        [] => "no details".to_string(),
        [only] => only.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more)", rest.len()),
    }
}

/// One problem in one line of a knowledge-base file; the rest of the file still loads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KbDiagnostic {
    /// The file as given (a path, or `builtin:data/actors/...`).
    pub source: String,
    /// 1-based line number; 0 when the problem concerns the whole file.
    pub line: usize,
    pub message: String,
}

impl KbDiagnostic {
    pub(crate) fn new(source: &str, line: usize, message: impl Into<String>) -> KbDiagnostic {
        KbDiagnostic {
            source: source.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for KbDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.source, self.message)
        } else {
            write!(f, "{}:{}: {}", self.source, self.line, self.message)
        }
    }
}
