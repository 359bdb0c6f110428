//! The state of reading one input: where articles go and what went wrong.

use dateline_model::{Doc, InputRef, Record};

use crate::article::ArticleBuilder;
use crate::{Diagnostic, InputReport, Position, ReadConfig, ReadError, Severity};

/// One input being read: its name, the configuration, the sink for articles
/// and the report being built.
pub(crate) struct Reading<'a> {
    pub input: &'a str,
    pub config: &'a ReadConfig,
    report: InputReport,
    sink: &'a mut dyn FnMut(Doc),
}

impl<'a> Reading<'a> {
    pub(crate) fn new(
        input: &'a str,
        config: &'a ReadConfig,
        sink: &'a mut dyn FnMut(Doc),
    ) -> Reading<'a> {
        Reading {
            input,
            config,
            report: InputReport::default(),
            sink,
        }
    }

    /// Where an article of this input came from.
    pub(crate) fn input_ref(&self, record: Option<Record>) -> InputRef {
        InputRef {
            path: self.input.to_string(),
            record,
        }
    }

    pub(crate) fn warning(&mut self, position: Option<Position>, message: impl ToString) {
        self.diagnose(Severity::Warning, position, message.to_string());
    }

    pub(crate) fn error(&mut self, position: Option<Position>, message: impl ToString) {
        self.diagnose(Severity::Error, position, message.to_string());
    }

    fn diagnose(&mut self, severity: Severity, position: Option<Position>, message: String) {
        self.report.diagnostics.push(Diagnostic {
            severity,
            input: self.input.to_string(),
            position,
            message,
        });
    }

    /// Counts a record that is deliberately not an article.
    pub(crate) fn skipped(&mut self) {
        self.report.n_skipped += 1;
    }

    /// Finishes an article and hands it to the sink. An article without text
    /// is skipped with a warning.
    pub(crate) fn emit(&mut self, article: ArticleBuilder, position: Option<Position>) {
        match article.finish(self.config) {
            Ok(doc) => {
                self.report.n_articles += 1;
                (self.sink)(doc);
            }
            Err(error @ ReadError::NoText(_)) => {
                self.warning(position, format!("{error}; skipped"));
                self.skipped();
            }
            Err(error) => self.error(position, error),
        }
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.report.failed()
    }

    pub(crate) fn into_report(self) -> InputReport {
        self.report
    }
}
