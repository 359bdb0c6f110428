//! Problems with single inputs, and what a call does with them at its end.

use dateline_read::{Diagnostic, Severity};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::{DatelineError, DatelineWarning};

/// A problem with one input, record or article, as the CLI prints it:
/// `error: news.warc.gz#12: ...`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// `input:position: message`.
    pub text: String,
}

impl Problem {
    pub fn of(diagnostic: &Diagnostic) -> Problem {
        Problem {
            severity: diagnostic.severity,
            text: diagnostic.to_string(),
        }
    }

    pub fn error(text: String) -> Problem {
        Problem {
            severity: Severity::Error,
            text,
        }
    }

    pub fn labelled(&self) -> String {
        let label = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        format!("{label}: {}", self.text)
    }
}

/// What to do with problems once everything else is read: `"warn"` (a
/// `DatelineWarning` each), `"raise"` (a `DatelineError` naming the first
/// error, after reading all), or `"ignore"` (kept on the table only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnError {
    Warn,
    Raise,
    Ignore,
}

impl OnError {
    pub fn parse(text: &str) -> PyResult<OnError> {
        match text {
            "warn" => Ok(OnError::Warn),
            "raise" => Ok(OnError::Raise),
            "ignore" => Ok(OnError::Ignore),
            other => Err(PyValueError::new_err(format!(
                "on_error must be \"warn\", \"raise\" or \"ignore\", got {other:?}"
            ))),
        }
    }

    /// Warns about or raises the problems, as asked.
    pub fn apply(self, py: Python<'_>, problems: &[Problem]) -> PyResult<()> {
        match self {
            OnError::Ignore => Ok(()),
            OnError::Warn => {
                let category = py.get_type::<DatelineWarning>();
                for problem in problems {
                    PyErr::warn(
                        py,
                        &category,
                        &std::ffi::CString::new(problem.labelled())?,
                        1,
                    )?;
                }
                Ok(())
            }
            OnError::Raise => {
                let errors: Vec<&Problem> = problems
                    .iter()
                    .filter(|problem| problem.severity == Severity::Error)
                    .collect();
                match errors.first() {
                    None => Ok(()),
                    Some(first) => Err(DatelineError::new_err(format!(
                        "{} input problem(s); first: {}",
                        errors.len(),
                        first.text
                    ))),
                }
            }
        }
    }
}
