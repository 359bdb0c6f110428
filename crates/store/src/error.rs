//! The store's one error type.

/// Errors from opening, writing or reading a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open store {location}: {message}")]
    Open { location: String, message: String },
    #[error("no store at {0}: run `dateline ingest` first, or pass --db")]
    Missing(String),
    #[error(
        "unsupported store location {0:?}: expected a file path, sqlite:PATH or postgres://..."
    )]
    BadLocation(String),
    #[error(
        "store schema version {found} is newer than this dateline understands ({known}); upgrade dateline"
    )]
    NewerSchema { found: i64, known: i64 },
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL: {}", crate::backend::postgres::describe(.0))]
    Postgres(#[from] postgres::Error),
    #[error("store data is inconsistent: {0}")]
    Corrupt(String),
    #[error("article {article}: {message}")]
    Article { article: String, message: String },
    #[error("bad query: {0}")]
    Query(String),
}

impl StoreError {
    /// True when a query ran past the cap set by `Store::limit_query_time`.
    pub fn is_timeout(&self) -> bool {
        match self {
            StoreError::Sqlite(err) => {
                err.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted)
            }
            StoreError::Postgres(err) => {
                err.code() == Some(&postgres::error::SqlState::QUERY_CANCELED)
            }
            _ => false,
        }
    }
}
