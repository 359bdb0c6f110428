//! Per-period sums of each country's events (`actor_periods`, migration
//! 4): what a country's timeline by week or month reads instead of every
//! one of its index rows.
//!
//! A row holds, for one country key (`c:RUS`), one period (`m2025-04`, a
//! calendar month, or `w2025-04-14`, the Monday of an ISO week), one root
//! code and one QuadClass, the count of the key's dated events there, their
//! mentions, and the sum and count of their Goldstein scores. The roles
//! are summed together, so the rows answer `actor=` (not `source=` or
//! `target=`).
//!
//! Upkeep is by set statements, not per row: an ingest batch takes the
//! rows of the events it is about to recount away (one aggregate `INSERT
//! ... SELECT ... GROUP BY ... ON CONFLICT DO UPDATE` per chunk of event
//! ids), recounts them, and adds their new rows the same way. The sums are
//! exact, so taking away and adding back leaves what a fresh sum gives:
//! counts are integers, and Goldstein scores are codebook values (`f32`,
//! at most 10 in size), each a whole multiple of 2^-27 unless smaller
//! than 1/16, whose sums stay exact in `f64` in any order up to tens of
//! millions of events. A period whose events all went keeps rows of zero
//! events; readers skip them.

use chrono::{Datelike, NaiveDate};

use crate::StoreError;
use crate::backend::{Backend, Dialect, Value, placeholders};
use crate::query::{EventQuery, is_code};
use crate::summary::Period;

/// Event ids per upkeep statement.
const CHUNK: usize = 500;

/// The period keys of a `date` column (`YYYY-MM-DD` text): the month's and
/// the ISO week's.
fn period_keys(dialect: Dialect) -> [&'static str; 2] {
    match dialect {
        Dialect::Sqlite => [
            "'m' || substr(date, 1, 7)",
            "'w' || date(date, '-' || ((CAST(strftime('%w', date) AS INTEGER) + 6) % 7) || ' days')",
        ],
        Dialect::Postgres => [
            "'m' || substr(date, 1, 7)",
            "'w' || to_char(CAST(date AS date) - (CAST(EXTRACT(ISODOW FROM CAST(date AS date)) AS INTEGER) - 1), 'YYYY-MM-DD')",
        ],
    }
}

/// The actor keys summed: country codes (`c:RUS`), whose timelines read
/// the most rows. A more specific code (`c:RUSGOV`) or a name has fewer
/// events, and summing every key cost ingest a third of its rate (SQLite)
/// and four fifths (PostgreSQL).
const SUMMED_KEYS: &str = "substr(actor_key, 1, 2) = 'c:' AND length(actor_key) = 5";

/// Whether rows go into the sums or come out of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Add,
    Remove,
}

impl Change {
    fn sign(self) -> i64 {
        match self {
            Change::Add => 1,
            Change::Remove => -1,
        }
    }
}

/// Adds the dated `event_actors` rows of the summed keys of `events`
/// (every event when `None`) to the sums, or takes them away, by month and
/// by week.
fn apply(
    backend: &mut dyn Backend,
    events: Option<&[Value]>,
    change: Change,
) -> Result<(), StoreError> {
    let sign = change.sign();
    let ids = match events {
        Some(ids) => format!("event_id IN ({}) AND ", placeholders(ids.len())),
        None => String::new(),
    };
    for period in period_keys(backend.dialect()) {
        let sql = format!(
            "INSERT INTO actor_periods
                 (actor_key, period, root_code, quad_class, events, mentions, goldstein_sum, goldstein_n)
             SELECT actor_key, {period}, COALESCE(root_code, ''), COALESCE(quad_class, 0),
                    {sign} * COUNT(*), {sign} * SUM(num_mentions),
                    {sign} * COALESCE(SUM(goldstein), 0), {sign} * COUNT(goldstein)
             FROM event_actors WHERE {ids}date IS NOT NULL AND {SUMMED_KEYS}
             GROUP BY 1, 2, 3, 4
             ON CONFLICT (actor_key, period, root_code, quad_class) DO UPDATE SET
                 events = actor_periods.events + excluded.events,
                 mentions = actor_periods.mentions + excluded.mentions,
                 goldstein_sum = actor_periods.goldstein_sum + excluded.goldstein_sum,
                 goldstein_n = actor_periods.goldstein_n + excluded.goldstein_n"
        );
        backend.execute(&sql, events.unwrap_or(&[]))?;
    }
    Ok(())
}

/// Adds or takes away the current rows of `events` (see [`apply`]).
pub fn apply_events(
    backend: &mut dyn Backend,
    events: &[i64],
    change: Change,
) -> Result<(), StoreError> {
    for chunk in events.chunks(CHUNK) {
        let ids: Vec<Value> = chunk.iter().map(|&id| id.into()).collect();
        apply(backend, Some(&ids), change)?;
    }
    Ok(())
}

/// Sums every stored event afresh (a store upgraded to migration 4).
pub fn fill(backend: &mut dyn Backend) -> Result<(), StoreError> {
    backend.execute("DELETE FROM actor_periods", &[])?;
    apply(backend, None, Change::Add)
}

/// How a timeline reads the sums: which rows, and which days around them
/// still come from the index (the parts of a partly covered first or last
/// period).
#[derive(Debug)]
pub struct Plan {
    /// `c:CODE`.
    pub actor_key: String,
    pub quad: Option<i64>,
    pub root_code: Option<String>,
    /// The periods summed: `lower <= period < upper`.
    pub lower: String,
    pub upper: String,
    /// The days outside them that the query asks for, as queries over the index.
    pub edges: Vec<EventQuery>,
}

/// The plan for a country's (`actor=RUS`) timeline by week or month,
/// filtered by nothing but QuadClass, a root code and dates; `None` when
/// the sums cannot answer the query (or there are no whole periods in its
/// dates), and the index is read as before.
pub fn plan(query: &EventQuery, period: Period) -> Option<Plan> {
    let EventQuery {
        actor,
        source: None,
        target: None,
        code,
        quad,
        country: None,
        from,
        to,
        near: None,
        text: None,
        bbox: None,
        min_mentions: None,
        limit: _,
    } = query
    else {
        return None;
    };
    let actor = actor.as_deref()?.trim();
    if !is_code(actor) || actor.len() != 3 {
        return None;
    }
    let root_code = match code {
        None => None,
        Some(code) => {
            let code = code.trim().to_ascii_uppercase();
            // Base and full codes are not summed; bad ones fail in `Filter`.
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return None;
            }
            Some(code)
        }
    };
    if quad.is_some_and(|q| !(1..=4).contains(&q)) {
        return None;
    }
    let (prefix, beyond) = match period {
        // By week and month only: few actors have more than a few events a day.
        Period::Day => return None,
        Period::Week => ('w', "x"),
        Period::Month => ('m', "n"),
    };
    let key = |start: NaiveDate| match period {
        Period::Month => format!("m{}", start.format("%Y-%m")),
        _ => format!("w{}", start.format("%Y-%m-%d")),
    };
    // The first whole period on or after `from`, and the first period
    // after the last whole one on or before `to`.
    let first = from.map(|from| {
        let start = period_start(from, period);
        if start == from {
            start
        } else {
            next_period(start, period)
        }
    });
    let after = to.map(|to| {
        let start = period_start(to, period);
        let next = next_period(start, period);
        if to.succ_opt() == Some(next) {
            next
        } else {
            start
        }
    });
    if let (Some(first), Some(after)) = (first, after)
        && first >= after
    {
        return None;
    }
    let mut edges = Vec::new();
    if let (Some(from), Some(first)) = (*from, first)
        && from < first
    {
        edges.push(EventQuery {
            from: Some(from),
            to: first.pred_opt(),
            ..query.clone()
        });
    }
    if let (Some(to), Some(after)) = (*to, after)
        && after <= to
    {
        edges.push(EventQuery {
            from: Some(after),
            to: Some(to),
            ..query.clone()
        });
    }
    Some(Plan {
        actor_key: format!("c:{actor}"),
        quad: quad.map(i64::from),
        root_code,
        lower: first.map_or(prefix.to_string(), key),
        upper: after.map_or(beyond.to_string(), key),
        edges,
    })
}

/// The first day of the period holding `date`.
fn period_start(date: NaiveDate, period: Period) -> NaiveDate {
    match period {
        Period::Day => date,
        Period::Week => date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday())),
        Period::Month => date.with_day(1).unwrap_or(date),
    }
}

/// The first day of the period after the one starting on `start`.
fn next_period(start: NaiveDate, period: Period) -> NaiveDate {
    match period {
        Period::Day => start + chrono::Days::new(1),
        Period::Week => start + chrono::Days::new(7),
        Period::Month => start + chrono::Months::new(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<NaiveDate> {
        Some(text.parse().unwrap())
    }

    fn actor(actor: &str) -> EventQuery {
        EventQuery {
            actor: Some(actor.into()),
            ..EventQuery::default()
        }
    }

    /// (lower, upper, the edge queries' dates).
    type Shape = (String, String, Vec<(Option<NaiveDate>, Option<NaiveDate>)>);

    fn shape(query: &EventQuery, period: Period) -> Option<Shape> {
        plan(query, period).map(|plan| {
            let edges = plan.edges.iter().map(|edge| (edge.from, edge.to)).collect();
            (plan.lower, plan.upper, edges)
        })
    }

    #[test]
    fn whole_periods_come_from_the_sums_and_the_days_around_them_from_the_index() {
        let russia = actor("RUS");
        assert_eq!(
            shape(&russia, Period::Month),
            Some(("m".into(), "n".into(), vec![]))
        );
        assert_eq!(
            shape(&russia, Period::Week),
            Some(("w".into(), "x".into(), vec![]))
        );
        // 2025-04-14 is a Monday; 2025-06-29 a Sunday.
        let dated = EventQuery {
            from: day("2025-04-14"),
            to: day("2025-06-29"),
            ..russia.clone()
        };
        assert_eq!(
            shape(&dated, Period::Week),
            Some(("w2025-04-14".into(), "w2025-06-30".into(), vec![]))
        );
        assert_eq!(
            shape(&dated, Period::Month),
            Some((
                "m2025-05".into(),
                "m2025-06".into(),
                vec![
                    (day("2025-04-14"), day("2025-04-30")),
                    (day("2025-06-01"), day("2025-06-29"))
                ]
            ))
        );
        let open_end = EventQuery {
            from: day("2024-12-31"),
            ..russia.clone()
        };
        assert_eq!(
            shape(&open_end, Period::Month),
            Some((
                "m2025-01".into(),
                "n".into(),
                vec![(day("2024-12-31"), day("2024-12-31"))]
            ))
        );
        // No whole period inside the dates: the index alone.
        let within = EventQuery {
            from: day("2025-04-15"),
            to: day("2025-04-20"),
            ..russia.clone()
        };
        assert!(plan(&within, Period::Week).is_none());
        assert!(plan(&within, Period::Month).is_none());
    }

    #[test]
    fn only_a_country_code_with_quad_root_code_and_dates_is_summed() {
        let summed = [
            EventQuery {
                quad: Some(4),
                code: Some(" 19".into()),
                ..actor("RUS")
            },
            EventQuery {
                code: Some("04".into()),
                ..actor("---")
            },
        ];
        for query in &summed {
            assert!(plan(query, Period::Month).is_some(), "{query:?}");
            assert!(plan(query, Period::Day).is_none(), "{query:?}");
        }
        let read_from_rows = [
            actor("putin"),
            actor("RUSGOV"),
            EventQuery::default(),
            EventQuery {
                source: Some("RUS".into()),
                ..EventQuery::default()
            },
            EventQuery {
                target: Some("UKR".into()),
                ..actor("RUS")
            },
            EventQuery {
                code: Some("190".into()),
                ..actor("RUS")
            },
            EventQuery {
                quad: Some(5),
                ..actor("RUS")
            },
            EventQuery {
                country: Some("UKR".into()),
                ..actor("RUS")
            },
            EventQuery {
                text: Some("strike".into()),
                ..actor("RUS")
            },
            EventQuery {
                min_mentions: Some(2),
                ..actor("RUS")
            },
            EventQuery {
                min_mentions: Some(2),
                ..EventQuery::default()
            },
        ];
        for query in &read_from_rows {
            assert!(plan(query, Period::Month).is_none(), "{query:?}");
        }
    }
}
