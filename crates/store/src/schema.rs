//! Versioned schema migrations.
//!
//! Each migration runs once, in order, inside a write transaction, and is
//! recorded in `schema_migrations`. The DDL is written once with `{id}`,
//! `{int}` and `{real}` for the column types the two databases spell
//! differently; full-text search and the distance function have one
//! version per database. Never edit a released migration: add one.

use crate::StoreError;
use crate::backend::{Backend, BackendExt, Dialect};

/// One schema step.
#[derive(Debug)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    /// Portable DDL.
    pub common: &'static str,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

/// Every migration, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "articles, revisions, sentences, mentions, reports, merged events",
        common: include_str!("schema/001_common.sql"),
        sqlite: include_str!("schema/001_sqlite.sql"),
        postgres: include_str!("schema/001_postgres.sql"),
    },
    Migration {
        version: 2,
        name: "event dyads; Goldstein and mentions beside actor keys",
        common: include_str!("schema/002_common.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 3,
        name: "QuadClass and root code beside actor keys and dyads; covering date index",
        common: include_str!("schema/003_common.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 4,
        name: "per-period sums of each actor key",
        common: "",
        sqlite: include_str!("schema/004_sqlite.sql"),
        postgres: include_str!("schema/004_postgres.sql"),
    },
];

const MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)";

/// The newest migration recorded in the store (0 for a new store).
pub fn applied_version(backend: &mut dyn Backend) -> Result<i64, StoreError> {
    Ok(backend
        .query_int("SELECT MAX(version) FROM schema_migrations", &[])?
        .unwrap_or(0))
}

/// The schema version this build writes.
pub fn current_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// Brings the store up to [`current_version`]; refuses a newer store.
///
/// Several processes may open a new store at once (parallel ingests, Spark
/// tasks): everything, even creating the migrations table, happens under
/// the write lock, so one of them migrates and the others find it done.
pub fn migrate(backend: &mut dyn Backend) -> Result<(), StoreError> {
    // Readers of an up-to-date store never take the write lock. (On a new
    // store the table is missing and the query fails: migrate.)
    if applied_version(backend).ok() == Some(current_version()) {
        return Ok(());
    }
    backend.begin_write()?;
    let result = backend
        .execute_script(MIGRATIONS_TABLE)
        .and_then(|()| apply_missing(backend));
    match result {
        Ok(()) => backend.commit(),
        Err(err) => {
            backend.rollback()?;
            Err(err)
        }
    }
}

fn apply_missing(backend: &mut dyn Backend) -> Result<(), StoreError> {
    let found = applied_version(backend)?;
    if found > current_version() {
        return Err(StoreError::NewerSchema {
            found,
            known: current_version(),
        });
    }
    let dialect = backend.dialect();
    let upgrading = found > 0;
    for migration in MIGRATIONS.iter().filter(|m| m.version > found) {
        backend.execute_script(&dialect.expand_types(migration.common))?;
        let specific = match dialect {
            Dialect::Sqlite => migration.sqlite,
            Dialect::Postgres => migration.postgres,
        };
        backend.execute_script(specific)?;
        backend.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            &[
                migration.version.into(),
                migration.name.into(),
                crate::now().into(),
            ],
        )?;
    }
    // The sums start from the rows an older store holds.
    if upgrading && found < 4 {
        crate::rollup::fill(backend)?;
    }
    // Migrations rebuild indexes; the planner needs their statistics to
    // choose them (a new store has nothing to measure yet).
    if upgrading {
        backend.analyze()?;
    }
    Ok(())
}
