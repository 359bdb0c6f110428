//! Aggregates over matching events: a timeline and an actor network.

use std::collections::BTreeMap;

use chrono::Datelike;

use crate::StoreError;
use crate::backend::{Backend, Dialect};
use crate::columns::parse_date;
use crate::query::{EventQuery, Filter};

/// Timeline buckets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    /// ISO weeks, Monday to Sunday, labelled `2025-W16`.
    Week,
    /// Calendar months, labelled `2025-04`.
    Month,
}

/// Events in one period.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    /// `2025-04-14`, `2025-W16` or `2025-04`.
    pub period: String,
    pub events: u64,
    /// Reports over those events.
    pub mentions: u64,
    /// Mean Goldstein score of the events with a CAMEO code.
    pub mean_goldstein: Option<f64>,
}

/// Events from one actor to another.
#[derive(Clone, Debug, PartialEq)]
pub struct Dyad {
    pub source: String,
    pub target: String,
    pub events: u64,
    pub mentions: u64,
    pub mean_goldstein: Option<f64>,
}

/// Sums that roll up into a row.
#[derive(Clone, Copy, Debug, Default)]
struct Sums {
    events: u64,
    mentions: u64,
    goldstein_sum: f64,
    goldstein_n: u64,
}

impl Sums {
    fn add(&mut self, other: Sums) {
        self.events += other.events;
        self.mentions += other.mentions;
        self.goldstein_sum += other.goldstein_sum;
        self.goldstein_n += other.goldstein_n;
    }

    fn mean(&self) -> Option<f64> {
        (self.goldstein_n > 0).then(|| self.goldstein_sum / self.goldstein_n as f64)
    }

    fn read(row: &crate::backend::Row, offset: usize) -> Result<Sums, StoreError> {
        let count = |idx| row.int(offset + idx).map(|n| n.max(0) as u64);
        Ok(Sums {
            events: count(0)?,
            mentions: count(1)?,
            goldstein_sum: row.real(offset + 2)?.unwrap_or(0.0),
            goldstein_n: count(3)?,
        })
    }
}

/// The aggregate columns [`Sums::read`] reads, over the rows aliased `table`.
fn sums(table: &str) -> String {
    format!(
        "COUNT(*), CAST(SUM({table}.num_mentions) AS BIGINT), SUM({table}.goldstein), COUNT({table}.goldstein)"
    )
}

/// Counts and mean Goldstein of matching dated events per period, oldest first.
pub fn timeline(
    backend: &mut dyn Backend,
    query: &EventQuery,
    period: Period,
) -> Result<Vec<TimelineRow>, StoreError> {
    let filter = Filter::build(backend, query)?;
    if filter.empty {
        return Ok(Vec::new());
    }
    let date = filter.date_column();
    // An actor's or a dyad's timeline is one range of its index rows.
    let (table, alias) = filter.summed_rows();
    let sql = format!(
        "SELECT {date}, {} FROM {table} WHERE {date} IS NOT NULL{} GROUP BY {date}",
        sums(alias),
        filter.and_clause()
    );
    let mut buckets: BTreeMap<String, Sums> = BTreeMap::new();
    for row in backend.query(&sql, &filter.params())? {
        let date = parse_date(&row.text(0)?)?;
        buckets
            .entry(period_label(date, period))
            .or_default()
            .add(Sums::read(&row, 1)?);
    }
    Ok(buckets
        .into_iter()
        .map(|(period, sums)| TimelineRow {
            period,
            events: sums.events,
            mentions: sums.mentions,
            mean_goldstein: sums.mean(),
        })
        .collect())
}

pub(crate) fn period_label(date: chrono::NaiveDate, period: Period) -> String {
    match period {
        Period::Day => date.format("%Y-%m-%d").to_string(),
        Period::Week => {
            let week = date.iso_week();
            format!("{}-W{:02}", week.year(), week.week())
        }
        Period::Month => date.format("%Y-%m").to_string(),
    }
}

/// Source-target pairs of matching events, most events first, at most `limit`.
pub fn network(
    backend: &mut dyn Backend,
    query: &EventQuery,
    limit: usize,
) -> Result<Vec<Dyad>, StoreError> {
    let filter = Filter::build(backend, query)?;
    if filter.empty {
        return Ok(Vec::new());
    }
    // Ties are broken by code in byte order on both databases.
    let (source, target) = match backend.dialect() {
        Dialect::Sqlite => ("e.source_code", "e.target_code"),
        Dialect::Postgres => ("e.source_code COLLATE \"C\"", "e.target_code COLLATE \"C\""),
    };
    let sql = format!(
        "SELECT e.source_code, e.target_code, {} FROM {}
         WHERE e.target_code IS NOT NULL{}
         GROUP BY e.source_code, e.target_code
         ORDER BY COUNT(*) DESC, {source}, {target} LIMIT ?",
        sums("e"),
        filter.table_clause(),
        filter.and_clause()
    );
    let mut params = filter.params();
    params.push((limit as i64).into());
    backend
        .query(&sql, &params)?
        .iter()
        .map(|row| {
            let sums = Sums::read(row, 2)?;
            Ok(Dyad {
                source: row.text(0)?,
                target: row.text(1)?,
                events: sums.events,
                mentions: sums.mentions,
                mean_goldstein: sums.mean(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_labelled_by_day_iso_week_and_month() {
        let date = chrono::NaiveDate::from_ymd_opt(2025, 4, 14).unwrap();
        assert_eq!(period_label(date, Period::Day), "2025-04-14");
        assert_eq!(period_label(date, Period::Week), "2025-W16");
        assert_eq!(period_label(date, Period::Month), "2025-04");
        // 2024-12-30 is a Monday in ISO week 1 of 2025.
        let new_year_week = chrono::NaiveDate::from_ymd_opt(2024, 12, 30).unwrap();
        assert_eq!(period_label(new_year_week, Period::Week), "2025-W01");
    }
}
