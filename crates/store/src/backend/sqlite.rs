//! The embedded backend: one SQLite file in WAL mode, so readers keep
//! reading while an ingest writes, and a killed writer loses at most the
//! batch it had not committed.

use std::path::Path;
use std::time::Duration;

use rusqlite::functions::FunctionFlags;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, OpenFlags};

use super::{Backend, Dialect, Row, Value};
use crate::StoreError;

/// How long a writer waits for another writer's batch before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug)]
pub struct SqliteBackend {
    connection: Connection,
}

impl SqliteBackend {
    /// Opens (creating if asked) the database file at `path`.
    pub fn open(path: &Path, create: bool) -> Result<SqliteBackend, StoreError> {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        } else if !path.exists() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
        let connection =
            Connection::open_with_flags(path, flags).map_err(|err| StoreError::Open {
                location: path.display().to_string(),
                message: err.to_string(),
            })?;
        SqliteBackend::configure(connection)
    }

    /// A private in-memory database (tests, examples).
    pub fn in_memory() -> Result<SqliteBackend, StoreError> {
        let connection = Connection::open_in_memory().map_err(|err| StoreError::Open {
            location: ":memory:".into(),
            message: err.to_string(),
        })?;
        SqliteBackend::configure(connection)
    }

    fn configure(connection: Connection) -> Result<SqliteBackend, StoreError> {
        connection.busy_timeout(BUSY_TIMEOUT)?;
        enter_wal_mode(&connection)?;
        // NORMAL sync is durable against a killed process (only a power cut
        // can lose the last batch).
        connection.execute_batch(
            "PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -65536;
             PRAGMA mmap_size = 1073741824;",
        )?;
        connection.set_prepared_statement_cache_capacity(128);
        register_distance(&connection)?;
        Ok(SqliteBackend { connection })
    }
}

/// Puts the file in WAL mode, so readers work during an ingest.
///
/// While another connection switches a new file to WAL, SQLite answers
/// "database is locked" at once, without calling the busy handler; several
/// writers opening one new store (parallel ingests, Spark tasks) meet that,
/// so the switch is retried until the busy timeout.
fn enter_wal_mode(connection: &Connection) -> Result<(), StoreError> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    let mut pause = Duration::from_millis(1);
    loop {
        match connection.pragma_update(None, "journal_mode", "WAL") {
            Err(err) if is_busy(&err) && std::time::Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            result => return Ok(result?),
        }
    }
}

fn is_busy(err: &rusqlite::Error) -> bool {
    err.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
}

/// `dl_distance_km(lat1, lon1, lat2, lon2)`, the same haversine the
/// PostgreSQL schema defines in SQL and the resolver uses.
fn register_distance(connection: &Connection) -> Result<(), StoreError> {
    connection.create_scalar_function(
        "dl_distance_km",
        4,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let arg = |idx| ctx.get::<Option<f64>>(idx);
            let (lat1, lon1, lat2, lon2) = (arg(0)?, arg(1)?, arg(2)?, arg(3)?);
            Ok(match (lat1, lon1, lat2, lon2) {
                (Some(a), Some(b), Some(c), Some(d)) => {
                    Some(dateline_resolve::distance_km(a, b, c, d))
                }
                _ => None,
            })
        },
    )?;
    Ok(())
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(value) => ToSqlOutput::Borrowed(ValueRef::Integer(*value)),
            Value::Real(value) => ToSqlOutput::Borrowed(ValueRef::Real(*value)),
            Value::Text(value) => ToSqlOutput::Borrowed(ValueRef::Text(value.as_bytes())),
        })
    }
}

impl Backend for SqliteBackend {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn execute_script(&mut self, sql: &str) -> Result<(), StoreError> {
        Ok(self.connection.execute_batch(sql)?)
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, StoreError> {
        let mut statement = self.connection.prepare_cached(sql)?;
        let changed = statement.execute(rusqlite::params_from_iter(params))?;
        Ok(changed as u64)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError> {
        let mut out = Vec::new();
        self.query_each(sql, params, &mut |row| {
            out.push(row.clone());
            Ok(())
        })?;
        Ok(out)
    }

    fn query_each(
        &mut self,
        sql: &str,
        params: &[Value],
        each: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut statement = self.connection.prepare_cached(sql)?;
        let n_columns = statement.column_count();
        let mut rows = statement.query(rusqlite::params_from_iter(params))?;
        // One buffer for every row: its text columns keep their capacity.
        let mut buffer = Row(vec![Value::Null; n_columns]);
        while let Some(row) = rows.next()? {
            for (idx, slot) in buffer.0.iter_mut().enumerate() {
                refill(slot, row.get_ref(idx)?)?;
            }
            each(&buffer)?;
        }
        Ok(())
    }

    fn begin_write(&mut self) -> Result<(), StoreError> {
        // IMMEDIATE takes the write lock now, so two writers queue on the
        // busy timeout instead of failing when one upgrades a read lock.
        Ok(self.connection.execute_batch("BEGIN IMMEDIATE")?)
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        Ok(self.connection.execute_batch("COMMIT")?)
    }

    fn rollback(&mut self) -> Result<(), StoreError> {
        Ok(self.connection.execute_batch("ROLLBACK")?)
    }

    fn analyze(&mut self) -> Result<(), StoreError> {
        Ok(self
            .connection
            .execute_batch("PRAGMA analysis_limit = 2000; ANALYZE;")?)
    }

    fn set_time_limit(&mut self, limit: Option<std::time::Duration>) -> Result<(), StoreError> {
        // SQLite calls the handler every thousand steps of a running
        // statement; returning true interrupts it (SQLITE_INTERRUPT).
        const STEPS_PER_CHECK: std::ffi::c_int = 1000;
        match limit {
            Some(limit) => {
                let deadline = std::time::Instant::now() + limit;
                self.connection.progress_handler(
                    STEPS_PER_CHECK,
                    Some(move || std::time::Instant::now() > deadline),
                )?;
            }
            None => self
                .connection
                .progress_handler(STEPS_PER_CHECK, None::<fn() -> bool>)?,
        }
        Ok(())
    }
}

/// Sets `slot` to `value`, reusing the text it held.
fn refill(slot: &mut Value, value: ValueRef<'_>) -> Result<(), StoreError> {
    match (slot, value) {
        (Value::Text(text), ValueRef::Text(bytes)) => {
            text.clear();
            text.push_str(std::str::from_utf8(bytes).map_err(|_| not_utf8())?);
        }
        (slot, value) => *slot = value_of(value)?,
    }
    Ok(())
}

fn not_utf8() -> StoreError {
    StoreError::Corrupt("text column is not UTF-8".into())
}

fn value_of(value: ValueRef<'_>) -> Result<Value, StoreError> {
    Ok(match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(value) => Value::Int(value),
        ValueRef::Real(value) => Value::Real(value),
        ValueRef::Text(bytes) => {
            Value::Text(String::from_utf8(bytes.to_vec()).map_err(|_| not_utf8())?)
        }
        ValueRef::Blob(_) => return Err(StoreError::Corrupt("unexpected blob column".into())),
    })
}
