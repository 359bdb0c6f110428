//! Dateline's public wire formats.
//!
//! Internal types never serialise themselves; this crate (and the store)
//! define every format users see:
//!
//! - [`ArticleRecord`]: one article as `dateline read --format jsonl` prints it.
//! - [`EventRecord`]: one event in the stable public event schema
//!   (`dateline code --format jsonl`), optionally with merge counts from the store.
//! - [`Format`] writers: JSONL, CSV, GDELT 2.0 events TSV (61 columns), PLOVER JSON.
//!
//! ```
//! use dateline_export::EventRecord;
//! use dateline_model::{Doc, Meta};
//!
//! let doc = Doc::new(Meta { id: "a1".into(), ..Meta::default() }, "Quiet day.".into());
//! assert!(EventRecord::from_doc(&doc).is_empty());
//! ```

mod article;
mod csv_format;
mod event;
mod gdelt;
mod mentions;
#[cfg(feature = "parquet")]
pub mod parquet;
mod plover;
mod write;

pub use article::{ArticleRecord, SpanText};
pub use event::{
    AttributionRecord, EventRecord, LocationRecord, MentionRecord, MergeInfo, ParticipantRecord,
    PloverRecord, SentenceRecord, SpanRecord, event_id,
};
pub use gdelt::{GDELT_COLUMNS, gdelt_row};
pub use mentions::{MentionsRecord, resolution_label};
pub use plover::plover_json;
pub use write::{EventWriter, Format, FormatError};

/// Errors while writing an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot encode JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot encode CSV: {0}")]
    Csv(#[from] csv::Error),
}
