//! The server backend: PostgreSQL through the `postgres` crate (the
//! synchronous face of `tokio-postgres`: pure Rust, no libpq, and the same
//! blocking call shape as rusqlite, so the store above it is one code path).

use std::collections::HashMap;
use std::error::Error as _;

use postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use postgres::{Client, NoTls, Statement};

use super::{Backend, Dialect, Row, Value};
use crate::StoreError;

/// Key of the advisory lock that serialises writers, as SQLite's single
/// writer does ("DL" "ST" in ASCII).
const WRITE_LOCK_KEY: i64 = 0x444c_5354;

pub struct PostgresBackend {
    client: Client,
    statements: HashMap<String, Statement>,
}

impl std::fmt::Debug for PostgresBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresBackend")
            .field("statements", &self.statements.len())
            .finish()
    }
}

impl PostgresBackend {
    /// Connects to a `postgres://` URL.
    pub fn connect(url: &str) -> Result<PostgresBackend, StoreError> {
        let client = Client::connect(url, NoTls).map_err(|err| StoreError::Open {
            location: redact(url),
            message: describe(&err),
        })?;
        Ok(PostgresBackend {
            client,
            statements: HashMap::new(),
        })
    }

    fn statement(&mut self, sql: &str) -> Result<Statement, StoreError> {
        if let Some(statement) = self.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(&numbered_placeholders(sql))?;
        self.statements.insert(sql.to_string(), statement.clone());
        Ok(statement)
    }
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let user_info = &url[scheme_end + 3..at];
            let user = user_info.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}

/// The server's message, which `postgres::Error`'s display leaves out.
pub(crate) fn describe(err: &postgres::Error) -> String {
    match err.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => match err.source() {
            Some(source) => format!("{err}: {source}"),
            None => err.to_string(),
        },
    }
}

/// Rewrites portable `?` placeholders as PostgreSQL's `$1, $2, ...`,
/// leaving quoted text alone.
pub fn numbered_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    let mut in_quote = false;
    for ch in sql.chars() {
        match ch {
            '\'' => {
                in_quote = !in_quote;
                out.push(ch);
            }
            '?' if !in_quote => {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(ch),
        }
    }
    out
}

impl ToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(value) => match *ty {
                Type::INT2 => i16::try_from(*value)?.to_sql(ty, out),
                Type::INT4 => i32::try_from(*value)?.to_sql(ty, out),
                Type::FLOAT8 => (*value as f64).to_sql(ty, out),
                Type::FLOAT4 => (*value as f32).to_sql(ty, out),
                Type::BOOL => (*value != 0).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => value.to_string().to_sql(ty, out),
                _ => value.to_sql(ty, out),
            },
            Value::Real(value) => match *ty {
                Type::FLOAT4 => (*value as f32).to_sql(ty, out),
                _ => value.to_sql(ty, out),
            },
            Value::Text(value) => value.to_sql(ty, out),
        }
    }

    fn accepts(_ty: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

impl Backend for PostgresBackend {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn execute_script(&mut self, sql: &str) -> Result<(), StoreError> {
        Ok(self.client.batch_execute(sql)?)
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, StoreError> {
        let statement = self.statement(sql)?;
        let params: Vec<&(dyn ToSql + Sync)> = params.iter().map(|v| v as _).collect();
        Ok(self.client.execute(&statement, &params)?)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError> {
        let statement = self.statement(sql)?;
        let params: Vec<&(dyn ToSql + Sync)> = params.iter().map(|v| v as _).collect();
        let rows = self.client.query(&statement, &params)?;
        rows.iter().map(row_values).collect()
    }

    fn begin_write(&mut self) -> Result<(), StoreError> {
        // READ COMMITTED whatever the server's default: each statement then
        // sees what writers before the lock committed. (Under REPEATABLE
        // READ or SERIALIZABLE the snapshot would be taken before the lock
        // was granted, and the writer would miss its predecessor's rows.)
        self.client.batch_execute(&format!(
            "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY});"
        ))?;
        Ok(())
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        Ok(self.client.batch_execute("COMMIT")?)
    }

    fn rollback(&mut self) -> Result<(), StoreError> {
        Ok(self.client.batch_execute("ROLLBACK")?)
    }

    fn analyze(&mut self) -> Result<(), StoreError> {
        Ok(self.client.batch_execute("ANALYZE")?)
    }

    fn set_time_limit(&mut self, limit: Option<std::time::Duration>) -> Result<(), StoreError> {
        // 0 turns PostgreSQL's per-statement cap off.
        let millis = limit.map_or(0, |limit| limit.as_millis().max(1));
        Ok(self
            .client
            .batch_execute(&format!("SET statement_timeout = {millis}"))?)
    }
}

fn row_values(row: &postgres::Row) -> Result<Row, StoreError> {
    let mut values = Vec::with_capacity(row.len());
    for (idx, column) in row.columns().iter().enumerate() {
        let value = match *column.type_() {
            Type::INT8 => row.try_get::<_, Option<i64>>(idx)?.into(),
            Type::INT4 => row.try_get::<_, Option<i32>>(idx)?.map(i64::from).into(),
            Type::INT2 => row.try_get::<_, Option<i16>>(idx)?.map(i64::from).into(),
            Type::BOOL => row.try_get::<_, Option<bool>>(idx)?.map(i64::from).into(),
            Type::FLOAT8 => row.try_get::<_, Option<f64>>(idx)?.into(),
            Type::FLOAT4 => row.try_get::<_, Option<f32>>(idx)?.map(f64::from).into(),
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => {
                row.try_get::<_, Option<String>>(idx)?.into()
            }
            ref other => {
                return Err(StoreError::Corrupt(format!(
                    "column {} has unsupported type {other}",
                    column.name()
                )));
            }
        };
        values.push(value);
    }
    Ok(Row(values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_outside_quotes() {
        assert_eq!(
            numbered_placeholders("SELECT '?' , a FROM t WHERE b = ? AND c IN (?, ?)"),
            "SELECT '?' , a FROM t WHERE b = $1 AND c IN ($2, $3)"
        );
    }

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            redact("postgres://dl:secret@db.example:5432/events"),
            "postgres://dl:***@db.example:5432/events"
        );
        assert_eq!(redact("postgres://localhost/x"), "postgres://localhost/x");
    }
}
