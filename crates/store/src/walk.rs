//! Text-only queries on SQLite: walk the term's matches newest article
//! first and stop as soon as no older article can change the answer.
//!
//! The full-text index's rowid is the article's day in its high 32 bits
//! (see `schema/001_sqlite.sql`), so descending rowids are articles from
//! the newest day back. An event is never dated after an article that
//! reports it (its date is its first report's), so once the walk reaches
//! articles older than the `limit`-th best event found, it is done. A
//! common word stops after a few pages, a rare one after its few matches.
//! With `--to`, the walk starts the store's widest merge window after that
//! day, since an event can be reported that much later than its date.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::StoreError;
use crate::backend::{Backend, BackendExt, Dialect, Value, placeholders};
use crate::columns::parse_date;
use crate::query::EventQuery;
use crate::text::TextQuery;

/// The FTS rowid of the article `t`, as the schema's triggers compute it.
pub const SQLITE_TEXT_KEY: &str =
    "((coalesce(CAST(julianday(t.date) - 2440587.5 AS INTEGER), -1000000) << 32) | t.id)";

/// The day part of an undated article's key: older than any real date.
const UNDATED_DAY: i64 = -1_000_000;

/// Matching articles read per step.
const PAGE: usize = 256;

/// True for queries of text and dates only, which the walk answers.
pub fn suits(query: &EventQuery) -> bool {
    let EventQuery {
        actor,
        source,
        target,
        code,
        quad,
        country,
        from: _,
        to: _,
        near,
        text,
        bbox,
        min_mentions,
        limit: _,
    } = query;
    text.is_some()
        && actor.is_none()
        && source.is_none()
        && target.is_none()
        && code.is_none()
        && quad.is_none()
        && country.is_none()
        && near.is_none()
        && bbox.is_none()
        && min_mentions.is_none()
}

fn days(date: NaiveDate) -> i64 {
    date.signed_duration_since(NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch"))
        .num_days()
}

/// An event's place in the newest-first order: its date (`None`, undated,
/// sorts first here and comes last in the walk's order) and id.
pub type DateKey = (Option<String>, i64);

/// Events reported by articles matching the text, newest first (undated
/// last, by id), as their date and id. With `after` (a dated event's
/// date and id) only events after it in that order: the next page.
pub fn newest_text_matches(
    backend: &mut dyn Backend,
    query: &EventQuery,
    after: Option<(&str, i64)>,
) -> Result<Vec<DateKey>, StoreError> {
    let text = TextQuery::parse(query.text.as_deref().unwrap_or_default())?;
    let match_text = text.to_sql_text(Dialect::Sqlite);
    let from_key = query.from.map_or(i64::MIN, |from| days(from) << 32);
    // An event dated by `to` can be reported up to the merge window later.
    let window = backend
        .query_int(
            "SELECT value FROM store_settings WHERE name = 'max_window_days'",
            &[],
        )?
        .unwrap_or(0);
    // Events dated by the cursor's day or earlier: reported no later than
    // the window after it.
    let last_day = [
        query.to,
        after.map(|(date, _)| parse_date(date)).transpose()?,
    ]
    .into_iter()
    .flatten()
    .min();
    let mut below_key = last_day.map_or(i64::MAX, |day| (days(day) + 1 + window) << 32);
    let after: Option<DateKey> = after.map(|(date, id)| (Some(date.to_string()), id));
    let date_range: Vec<String> = [
        query
            .from
            .map(|d| format!(" AND e.date >= '{}'", crate::merge::day(d))),
        query
            .to
            .map(|d| format!(" AND e.date <= '{}'", crate::merge::day(d))),
    ]
    .into_iter()
    .flatten()
    .collect();
    // Best first: (date, id) in descending order; undated (None) last.
    let mut found: BTreeSet<DateKey> = BTreeSet::new();
    loop {
        let keys: Vec<i64> = backend
            .query(
                "SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND rowid < ? AND rowid >= ?
                 ORDER BY rowid DESC LIMIT ?",
                &[
                    match_text.as_str().into(),
                    below_key.into(),
                    from_key.into(),
                    (PAGE as i64).into(),
                ],
            )?
            .iter()
            .map(|row| row.int(0))
            .collect::<Result<_, _>>()?;
        let Some(&oldest_key) = keys.last() else {
            break;
        };
        let articles: Vec<Value> = keys.iter().map(|key| (key & 0xFFFF_FFFF).into()).collect();
        let sql = format!(
            "SELECT DISTINCT e.id, e.date FROM reports r JOIN events e ON e.id = r.event_id
             WHERE r.article_id IN ({}){}",
            placeholders(articles.len()),
            date_range.concat()
        );
        for row in backend.query(&sql, &articles)? {
            let key = (row.opt_text(1)?, row.int(0)?);
            if after.as_ref().is_none_or(|after| key < *after) {
                found.insert(key);
            }
        }
        below_key = oldest_key;
        if let Some(limit) = query.limit
            && done(&found, limit, oldest_key >> 32)
        {
            break;
        }
        if keys.len() < PAGE {
            break;
        }
    }
    let ordered = found.into_iter().rev();
    Ok(match query.limit {
        Some(limit) => ordered.take(limit).collect(),
        None => ordered.collect(),
    })
}

/// True when `limit` events are found and the walk has reached articles
/// dated before the `limit`-th of them: older articles report older events.
fn done(found: &BTreeSet<DateKey>, limit: usize, oldest_day: i64) -> bool {
    let Some((kth_date, _)) = found.iter().rev().nth(limit.saturating_sub(1)) else {
        return false;
    };
    let kth_day = match kth_date {
        Some(date) => parse_date(date).map_or(UNDATED_DAY, days),
        None => UNDATED_DAY,
    };
    oldest_day < kth_day
}
