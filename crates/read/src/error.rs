//! The crate's error type. Reading problems are reported as [`crate::Diagnostic`]s;
//! `ReadError` is what goes wrong with one input or record before it becomes one.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ReadError {
    #[error("unknown input format '{0}' (expected dateline, text, jsonl, html, feed or warc)")]
    UnknownFormat(String),
    #[error("empty input")]
    Empty,
    #[error("binary data, not text ({0})")]
    Binary(String),
    #[error("invalid UTF-8 at byte {offset}; refused (strict UTF-8)")]
    InvalidUtf8 { offset: u64 },
    #[error("article larger than the {limit}-byte limit (max_article_bytes); skipped")]
    TooLarge { limit: usize },
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("malformed JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("not a feed: {0}")]
    Feed(String),
    #[error("malformed WARC record: {0}")]
    Warc(String),
    /// Nothing was left to read as article text, for the reason given if known.
    #[error("no article text{}", reason_suffix(.0))]
    NoText(Option<String>),
}

fn reason_suffix(reason: &Option<String>) -> String {
    reason
        .as_deref()
        .map(|reason| format!(": {reason}"))
        .unwrap_or_default()
}
