//! Dateline's event store: articles, their sentences and mentions, every
//! report of an event with its evidence, and the merged events, in SQLite
//! (the default, one file) or PostgreSQL.
//!
//! # Brief overview
//! - [`Store::open`] opens `./dateline.db`, `sqlite:PATH` or `postgres://...`
//!   and brings its schema up to date ([`schema`] migrations, versioned).
//! - [`Store::ingest`] writes a batch of [`ArticleInput`]s in one
//!   transaction. An article is stored once (by id, URL or normalised
//!   content hash); a changed text under a known id or URL becomes a
//!   revision. Each report joins an event by `dateline-resolve`'s rule.
//! - [`Store::events`], [`Store::timeline`], [`Store::network`] and
//!   [`Store::event`] answer [`EventQuery`]s; events come back in the public
//!   schema ([`dateline_export::EventRecord`]) with merge counts and mentions.
//!
//! Both databases sit behind one trait ([`backend::Backend`]); everything
//! above it is one code path in portable SQL, so they behave the same. SQLite
//! runs in WAL mode: readers work while an ingest writes, and a process
//! killed mid-ingest loses only its uncommitted batch, which a rerun stores.
//!
//! ```
//! use dateline_model::{Doc, Meta};
//! use dateline_store::{ArticleInput, Store};
//!
//! let mut store = Store::in_memory().unwrap();
//! let meta = Meta { id: "a1".into(), ..Meta::default() };
//! let doc = Doc::new(meta, "Talks resumed in Doha. Both sides attended.".into());
//! let article = ArticleInput::from_doc(&doc, dateline_resolve::EventNouns::builtin());
//! let first = store.ingest(&[article.clone()]).unwrap();
//! let again = store.ingest(&[article]).unwrap();
//! assert_eq!((first.new_articles, again.duplicates), (1, 1));
//! assert_eq!(store.stats().unwrap().articles, 1);
//! ```

#![deny(missing_debug_implementations)]

mod article;
pub mod backend;
mod columns;
mod error;
mod explore;
mod ingest;
mod merge;
mod placement;
mod query;
mod records;
mod rollup;
pub mod schema;
mod summary;
mod text;
mod walk;

use std::path::{Path, PathBuf};

use dateline_export::EventRecord;
use dateline_resolve::MergeRule;

pub use article::{ArticleInput, MentionInput, ReferenceInput, content_hash, url_key};
pub use backend::{Backend, Dialect};
pub use error::StoreError;
pub use explore::{ActorSuggestion, Cursor, Page, PageRequest, PlaceCount, QuadTimelineRow, Sort};
pub use ingest::IngestReport;
pub use query::{BoundingBox, EventQuery, Near};
pub use records::{EventDetail, ReportDetail};
pub use summary::{Dyad, Period, TimelineRow};
pub use text::TextQuery;

use backend::BackendExt;
use backend::postgres::PostgresBackend;
use backend::sqlite::SqliteBackend;

/// The store used when neither `--db` nor `$DATELINE_DB` names one.
pub const DEFAULT_LOCATION: &str = "dateline.db";

/// Whether opening may create a new store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the SQLite file if missing (ingest).
    Create,
    /// The store must exist (queries).
    Existing,
}

/// Where a store lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Location {
    /// `postgres://...` or `postgresql://...` is PostgreSQL; `sqlite:PATH`
    /// or any other text is a SQLite file path.
    pub fn parse(text: &str) -> Result<Location, StoreError> {
        let text = text.trim();
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            return Ok(Location::Postgres(text.to_string()));
        }
        let path = text
            .strip_prefix("sqlite://")
            .or_else(|| text.strip_prefix("sqlite:"))
            .unwrap_or(text);
        if path.is_empty() || path.contains("://") {
            return Err(StoreError::BadLocation(text.to_string()));
        }
        Ok(Location::Sqlite(PathBuf::from(path)))
    }
}

/// Row counts, for reports and tests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub articles: u64,
    /// Superseded article texts kept.
    pub revisions: u64,
    pub sentences: u64,
    pub mentions: u64,
    /// Reports (coded events and references).
    pub reports: u64,
    pub events: u64,
}

/// An open store.
#[derive(Debug)]
pub struct Store {
    backend: Box<dyn Backend>,
    rule: MergeRule,
}

impl Store {
    /// Opens a store by location text (see [`Location::parse`]).
    pub fn open(location: &str, mode: OpenMode) -> Result<Store, StoreError> {
        match Location::parse(location)? {
            Location::Sqlite(path) => Store::open_sqlite(&path, mode),
            Location::Postgres(url) => Store::connect_postgres(&url),
        }
    }

    pub fn open_sqlite(path: &Path, mode: OpenMode) -> Result<Store, StoreError> {
        let backend = SqliteBackend::open(path, mode == OpenMode::Create)?;
        Store::with_backend(Box::new(backend))
    }

    /// A private in-memory SQLite store.
    pub fn in_memory() -> Result<Store, StoreError> {
        Store::with_backend(Box::new(SqliteBackend::in_memory()?))
    }

    pub fn connect_postgres(url: &str) -> Result<Store, StoreError> {
        Store::with_backend(Box::new(PostgresBackend::connect(url)?))
    }

    /// Wraps a backend, migrating its schema.
    pub fn with_backend(mut backend: Box<dyn Backend>) -> Result<Store, StoreError> {
        schema::migrate(backend.as_mut())?;
        Ok(Store {
            backend,
            rule: MergeRule::default(),
        })
    }

    /// Uses another merge rule for later ingests.
    pub fn with_rule(mut self, rule: MergeRule) -> Store {
        self.rule = rule;
        self
    }

    pub fn dialect(&self) -> Dialect {
        self.backend.dialect()
    }

    /// Stores a batch of articles in one transaction.
    pub fn ingest(&mut self, batch: &[ArticleInput]) -> Result<IngestReport, StoreError> {
        ingest::ingest_batch(self.backend.as_mut(), &self.rule, batch)
    }

    /// Sums every actor's events per period afresh (as an upgrade to
    /// schema 4 does), in one write transaction. Ingest keeps the sums, so
    /// this is for checking them.
    pub fn refill_summaries(&mut self) -> Result<(), StoreError> {
        self.backend.begin_write()?;
        match rollup::fill(self.backend.as_mut()) {
            Ok(()) => self.backend.commit(),
            Err(err) => {
                self.backend.rollback()?;
                Err(err)
            }
        }
    }

    /// Refreshes the query planner's statistics (after a large ingest).
    pub fn optimize(&mut self) -> Result<(), StoreError> {
        self.backend.analyze()
    }

    pub fn stats(&mut self) -> Result<Stats, StoreError> {
        let mut count = |table: &str| -> Result<u64, StoreError> {
            let n = self
                .backend
                .query_int(&format!("SELECT COUNT(*) FROM {table}"), &[])?
                .unwrap_or(0);
            Ok(n.max(0) as u64)
        };
        Ok(Stats {
            articles: count("articles")?,
            revisions: count("article_revisions")?,
            sentences: count("sentences")?,
            mentions: count("mentions")?,
            reports: count("reports")?,
            events: count("events")?,
        })
    }

    /// Matching events, newest first, with merge counts and mentions.
    pub fn events(&mut self, query: &EventQuery) -> Result<Vec<EventRecord>, StoreError> {
        Ok(self
            .event_details(query)?
            .into_iter()
            .map(|detail| detail.record)
            .collect())
    }

    /// Matching events with where each report came from.
    pub fn event_details(&mut self, query: &EventQuery) -> Result<Vec<EventDetail>, StoreError> {
        let ids = query::matching_ids(self.backend.as_mut(), query)?;
        records::load_details(self.backend.as_mut(), &ids)
    }

    /// Calls `each` on every matching event in order, reading a chunk at a
    /// time, so exports of any size run in bounded memory. Returns the count.
    pub fn for_each_event(
        &mut self,
        query: &EventQuery,
        mut each: impl FnMut(EventDetail) -> Result<(), StoreError>,
    ) -> Result<usize, StoreError> {
        let ids = query::matching_ids(self.backend.as_mut(), query)?;
        for chunk in ids.chunks(records::CHUNK) {
            for detail in records::load_details(self.backend.as_mut(), chunk)? {
                each(detail)?;
            }
        }
        Ok(ids.len())
    }

    /// One event by its public id, with every report.
    pub fn event(&mut self, event_id: &str) -> Result<Option<EventDetail>, StoreError> {
        let id = self.backend.query_int(
            "SELECT id FROM events WHERE event_key = ?",
            &[event_id.into()],
        )?;
        let Some(id) = id else { return Ok(None) };
        Ok(records::load_details(self.backend.as_mut(), &[id])?
            .into_iter()
            .next())
    }

    pub fn timeline(
        &mut self,
        query: &EventQuery,
        period: Period,
    ) -> Result<Vec<TimelineRow>, StoreError> {
        summary::timeline(self.backend.as_mut(), query, period)
    }

    pub fn network(&mut self, query: &EventQuery, limit: usize) -> Result<Vec<Dyad>, StoreError> {
        summary::network(self.backend.as_mut(), query, limit)
    }

    /// One page of matching events in the order asked, with the cursor of
    /// the next page (`query.limit` is ignored: the page has its size).
    pub fn events_page(
        &mut self,
        query: &EventQuery,
        page: &PageRequest,
    ) -> Result<Page, StoreError> {
        explore::events_page(self.backend.as_mut(), query, page)
    }

    /// Matching events per point on the map, most first, at most `limit` points.
    pub fn places(
        &mut self,
        query: &EventQuery,
        limit: usize,
    ) -> Result<Vec<PlaceCount>, StoreError> {
        explore::places(self.backend.as_mut(), query, limit)
    }

    /// Matching events per period and QuadClass, with mean Goldstein score.
    pub fn timeline_by_quad(
        &mut self,
        query: &EventQuery,
        period: Period,
    ) -> Result<Vec<QuadTimelineRow>, StoreError> {
        explore::timeline_by_quad(self.backend.as_mut(), query, period)
    }

    /// [`Store::timeline_by_quad`] from the matching events' index rows
    /// alone, never from the per-period sums an actor's timeline reads
    /// (to check one against the other).
    pub fn timeline_by_quad_from_rows(
        &mut self,
        query: &EventQuery,
        period: Period,
    ) -> Result<Vec<QuadTimelineRow>, StoreError> {
        explore::timeline_by_quad_from_rows(self.backend.as_mut(), query, period)
    }

    /// Stored actor codes and names for what a user has typed so far.
    pub fn actor_suggestions(
        &mut self,
        typed: &str,
        limit: usize,
    ) -> Result<Vec<ActorSuggestion>, StoreError> {
        explore::actor_suggestions(self.backend.as_mut(), typed, limit)
    }

    /// Caps query time: on SQLite every query from now until `limit` has
    /// passed (call it again for each request); on PostgreSQL each statement
    /// (`statement_timeout`). A query over the cap fails with an error for
    /// which [`StoreError::is_timeout`] holds. `None` lifts the cap.
    pub fn limit_query_time(
        &mut self,
        limit: Option<std::time::Duration>,
    ) -> Result<(), StoreError> {
        self.backend.set_time_limit(limit)
    }

    /// A number that grows with every ingest batch committed to the store,
    /// by this process or any other (0 for a store never written to).
    /// Answers computed at one generation hold until it changes.
    pub fn generation(&mut self) -> Result<i64, StoreError> {
        Ok(self
            .backend
            .query_int(
                "SELECT value FROM store_settings WHERE name = 'generation'",
                &[],
            )?
            .unwrap_or(0))
    }

    /// Starts a read-only transaction: until [`Store::end_snapshot`], every
    /// query sees the store as it was at the first one (SQLite: a deferred
    /// transaction in WAL mode; PostgreSQL: REPEATABLE READ), so several
    /// queries answer from one state and [`Store::generation`] names it.
    pub fn begin_snapshot(&mut self) -> Result<(), StoreError> {
        let statement = match self.backend.dialect() {
            Dialect::Sqlite => "BEGIN DEFERRED",
            Dialect::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        };
        self.backend.execute_script(statement)
    }

    /// Ends the transaction [`Store::begin_snapshot`] started (it wrote
    /// nothing: rolling back is ending it).
    pub fn end_snapshot(&mut self) -> Result<(), StoreError> {
        self.backend.rollback()
    }

    /// Refuses every write on this connection from now on (a read-only
    /// server's connections), whatever SQL reaches it.
    pub fn forbid_writes(&mut self) -> Result<(), StoreError> {
        let statement = match self.backend.dialect() {
            Dialect::Sqlite => "PRAGMA query_only = ON",
            Dialect::Postgres => "SET default_transaction_read_only = on",
        };
        self.backend.execute_script(statement)
    }
}

/// The current time, as stored in `*_ingested` columns.
pub(crate) fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_pick_the_backend() {
        assert_eq!(
            Location::parse("postgres://u@localhost/db").unwrap(),
            Location::Postgres("postgres://u@localhost/db".into())
        );
        assert_eq!(
            Location::parse("sqlite:/tmp/x.db").unwrap(),
            Location::Sqlite("/tmp/x.db".into())
        );
        assert_eq!(
            Location::parse("events.db").unwrap(),
            Location::Sqlite("events.db".into())
        );
        assert!(Location::parse("mysql://host/db").is_err());
        assert!(Location::parse("").is_err());
    }
}
