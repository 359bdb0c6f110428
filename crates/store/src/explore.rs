//! Queries for interactive exploration (the HTTP API and its page): events a
//! page at a time behind a cursor, event counts per place, per period and
//! QuadClass, and actor suggestions for a few typed letters.
//!
//! Every query takes the same [`EventQuery`] filters as the CLI's and binds
//! every value as a parameter.

use std::collections::BTreeMap;

use crate::StoreError;
use crate::backend::{Backend, BackendExt, Dialect, Row, Value};
use crate::columns::parse_date;
use crate::query::{EventQuery, Filter};
use crate::records;
use crate::rollup;
use crate::summary::{Period, period_label};
use crate::walk;
use dateline_export::EventRecord;

/// The order of a page of events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest first, undated last (as `dateline events`).
    #[default]
    Newest,
    /// Oldest first, undated last.
    Oldest,
    /// Most reports first.
    Mentions,
}

/// Where the previous page ended: the sort key and id of its last event.
/// Opaque to clients: `Display` and [`Cursor::parse`] round-trip it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    sort: Sort,
    /// The date (`None` when undated) or the mention count of the last event.
    key: CursorKey,
    id: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum CursorKey {
    Date(Option<String>),
    Mentions(i64),
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.key {
            CursorKey::Date(Some(date)) => write!(f, "d{date}_{}", self.id),
            CursorKey::Date(None) => write!(f, "u_{}", self.id),
            CursorKey::Mentions(n) => write!(f, "m{n}_{}", self.id),
        }
    }
}

impl Cursor {
    /// Parses a cursor given back by a client for a page in `sort` order.
    pub fn parse(text: &str, sort: Sort) -> Result<Cursor, StoreError> {
        let bad = || StoreError::Query(format!("cursor {text:?} is not one this server gave"));
        let (key, id) = text.rsplit_once('_').ok_or_else(bad)?;
        let id: i64 = id.parse().map_err(|_| bad())?;
        let key = match (sort, key.split_at_checked(1).ok_or_else(bad)?) {
            (Sort::Newest | Sort::Oldest, ("d", date)) => {
                parse_date(date).map_err(|_| bad())?;
                CursorKey::Date(Some(date.to_string()))
            }
            (Sort::Newest | Sort::Oldest, ("u", "")) => CursorKey::Date(None),
            (Sort::Mentions, ("m", n)) => CursorKey::Mentions(n.parse().map_err(|_| bad())?),
            _ => return Err(bad()),
        };
        Ok(Cursor { sort, key, id })
    }
}

/// Which page of events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageRequest {
    pub sort: Sort,
    /// The cursor of the previous page, none for the first.
    pub after: Option<Cursor>,
    /// Events per page.
    pub size: usize,
}

/// A page of events and the cursor of the next one (none on the last page).
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// Each with its first report's evidence and its merge counts, but
    /// `merge.mentions` empty: a list shows one sentence per event, and
    /// [`crate::Store::event`] gives every report.
    pub events: Vec<EventRecord>,
    pub next: Option<Cursor>,
}

/// Events at one point on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceCount {
    pub lat: f64,
    pub lon: f64,
    /// The place's name (one of them, where two share a point).
    pub name: Option<String>,
    pub country: Option<String>,
    pub events: u64,
    pub mean_goldstein: Option<f64>,
}

/// Events of one period, by QuadClass.
#[derive(Clone, Debug, PartialEq)]
pub struct QuadTimelineRow {
    /// `2025-04-14`, `2025-W16` or `2025-04`.
    pub period: String,
    /// Events of QuadClass 1 to 4 (index 0 to 3).
    pub by_quad: [u64; 4],
    /// Every event of the period, with or without a QuadClass.
    pub events: u64,
    pub mentions: u64,
    pub mean_goldstein: Option<f64>,
}

/// What an actor filter could be set to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActorSuggestion {
    /// A stored actor code (`RUS`, `RUSGOV`).
    Code(String),
    /// A stored actor name: `key` (lower case) filters by it, `name` shows it.
    Name { key: String, name: String },
}

/// One page of matching events.
pub fn events_page(
    backend: &mut dyn Backend,
    query: &EventQuery,
    page: &PageRequest,
) -> Result<Page, StoreError> {
    if let Some(after) = &page.after
        && after.sort != page.sort
    {
        return Err(StoreError::Query(
            "the cursor belongs to another sort".into(),
        ));
    }
    if page.size == 0 {
        return Ok(Page {
            events: Vec::new(),
            next: None,
        });
    }
    let mut keyed = match text_walk_after(backend.dialect(), query, page) {
        Some(after) => newest_by_text(backend, query, page, after)?,
        None => {
            let filter = Filter::build(backend, query)?;
            if filter.empty {
                return Ok(Page {
                    events: Vec::new(),
                    next: None,
                });
            }
            match page.sort {
                Sort::Newest | Sort::Oldest => dated_then_undated(backend, &filter, page)?,
                Sort::Mentions => most_mentioned(backend, &filter, page)?,
            }
        }
    };
    let next = (keyed.len() > page.size).then(|| {
        keyed.truncate(page.size);
        let (key, id) = keyed.last().cloned().expect("a full page has a last event");
        Cursor {
            sort: page.sort,
            key,
            id,
        }
    });
    let ids: Vec<i64> = keyed.iter().map(|(_, id)| *id).collect();
    Ok(Page {
        events: records::load_summaries(backend, &ids)?,
        next,
    })
}

/// Where a newest-first page of a text-and-dates query starts in SQLite's
/// walk of the full-text index (see `walk`): `Some(None)` at the top,
/// `Some(Some(..))` after a dated event; `None` when the walk does not
/// answer the page (another order, other filters, PostgreSQL, or a cursor
/// among the undated events, which the walk reaches only after every dated
/// article).
fn text_walk_after<'p>(
    dialect: Dialect,
    query: &EventQuery,
    page: &'p PageRequest,
) -> Option<Option<(&'p str, i64)>> {
    if dialect != Dialect::Sqlite || page.sort != Sort::Newest || !walk::suits(query) {
        return None;
    }
    match &page.after {
        None => Some(None),
        Some(Cursor {
            key: CursorKey::Date(Some(date)),
            id,
            ..
        }) => Some(Some((date.as_str(), *id))),
        Some(_) => None,
    }
}

/// A newest-first page of a text query from the walk, one event more than
/// the page holds.
fn newest_by_text(
    backend: &mut dyn Backend,
    query: &EventQuery,
    page: &PageRequest,
    after: Option<(&str, i64)>,
) -> Result<Vec<(CursorKey, i64)>, StoreError> {
    let query = EventQuery {
        limit: Some(page.size + 1),
        ..query.clone()
    };
    Ok(walk::newest_text_matches(backend, &query, after)?
        .into_iter()
        .map(|(date, id)| (CursorKey::Date(date), id))
        .collect())
}

/// Dated events in date order after the cursor, then undated ones by id,
/// one more than the page holds. Each part is one index range, so a deep
/// page costs no more than the first.
fn dated_then_undated(
    backend: &mut dyn Backend,
    filter: &Filter,
    page: &PageRequest,
) -> Result<Vec<(CursorKey, i64)>, StoreError> {
    let wanted = page.size + 1;
    let (date, id) = (filter.date_column(), filter.id_column());
    let (direction, compare) = match page.sort {
        Sort::Oldest => ("ASC", ">"),
        _ => ("DESC", "<"),
    };
    let after = page.after.as_ref().map(|cursor| &cursor.key);
    let after_id = page.after.as_ref().map(|cursor| cursor.id);
    let mut keyed = Vec::with_capacity(wanted);
    if !matches!(after, Some(CursorKey::Date(None))) {
        let mut params = filter.params();
        let mut cursor_condition = String::new();
        if let (Some(CursorKey::Date(Some(last_date))), Some(last_id)) = (after, after_id) {
            cursor_condition = format!(" AND ({date}, {id}) {compare} (?, ?)");
            params.extend([last_date.as_str().into(), last_id.into()]);
        }
        params.push((wanted as i64).into());
        let sql = format!(
            "SELECT {id}, {date} FROM {} WHERE {date} IS NOT NULL{}{cursor_condition}
             ORDER BY {date} {direction}, {id} {direction} LIMIT ?",
            filter.table_clause(),
            filter.and_clause()
        );
        for row in backend.query(&sql, &params)? {
            keyed.push((CursorKey::Date(row.opt_text(1)?), row.int(0)?));
        }
    }
    if keyed.len() < wanted {
        let mut params = filter.params();
        let mut cursor_condition = String::new();
        if let (Some(CursorKey::Date(None)), Some(last_id)) = (after, after_id) {
            cursor_condition = format!(" AND {id} {compare} ?");
            params.push(last_id.into());
        }
        params.push(((wanted - keyed.len()) as i64).into());
        let sql = format!(
            "SELECT {id} FROM {} WHERE {date} IS NULL{}{cursor_condition}
             ORDER BY {id} {direction} LIMIT ?",
            filter.table_clause(),
            filter.and_clause()
        );
        for row in backend.query(&sql, &params)? {
            keyed.push((CursorKey::Date(None), row.int(0)?));
        }
    }
    Ok(keyed)
}

/// Events with the most reports first (ties: newest id first).
fn most_mentioned(
    backend: &mut dyn Backend,
    filter: &Filter,
    page: &PageRequest,
) -> Result<Vec<(CursorKey, i64)>, StoreError> {
    let id = filter.id_column();
    let mut params = filter.params();
    let mut cursor_condition = String::new();
    if let Some(Cursor {
        key: CursorKey::Mentions(mentions),
        id: last_id,
        ..
    }) = &page.after
    {
        cursor_condition = format!(" AND (e.num_mentions, {id}) < (?, ?)");
        params.extend([(*mentions).into(), (*last_id).into()]);
    }
    params.push(((page.size + 1) as i64).into());
    let sql = format!(
        "SELECT {id}, e.num_mentions FROM {} WHERE 1 = 1{}{cursor_condition}
         ORDER BY e.num_mentions DESC, {id} DESC LIMIT ?",
        filter.table_clause(),
        filter.and_clause()
    );
    backend
        .query(&sql, &params)?
        .iter()
        .map(|row| Ok((CursorKey::Mentions(row.int(1)?), row.int(0)?)))
        .collect()
}

/// Matching events grouped by their coordinates, most events first, at
/// most `limit` points.
pub fn places(
    backend: &mut dyn Backend,
    query: &EventQuery,
    limit: usize,
) -> Result<Vec<PlaceCount>, StoreError> {
    let filter = Filter::build(backend, query)?;
    if filter.empty {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT e.lat, e.lon, MIN(e.place_name), MIN(e.place_country), COUNT(*),
                SUM(e.goldstein), COUNT(e.goldstein)
         FROM {} WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL{}
         GROUP BY e.lat, e.lon ORDER BY COUNT(*) DESC, e.lat, e.lon LIMIT ?",
        filter.table_clause(),
        filter.and_clause()
    );
    let mut params = filter.params();
    params.push((limit as i64).into());
    backend
        .query(&sql, &params)?
        .iter()
        .map(|row| {
            Ok(PlaceCount {
                lat: row.real(0)?.unwrap_or_default(),
                lon: row.real(1)?.unwrap_or_default(),
                name: row.opt_text(2)?,
                country: row.opt_text(3)?,
                events: count(row, 4)?,
                mean_goldstein: mean(row.real(5)?, count(row, 6)?),
            })
        })
        .collect()
}

/// Matching dated events per period and QuadClass, oldest period first.
///
/// An actor's timeline by week or month (with QuadClass, a root code and
/// dates at most) reads the actor's per-period sums (`crate::rollup`), and
/// the index rows only for the days of a partly asked first or last period;
/// every other timeline reads the rows, as [`timeline_by_quad_from_rows`].
pub fn timeline_by_quad(
    backend: &mut dyn Backend,
    query: &EventQuery,
    period: Period,
) -> Result<Vec<QuadTimelineRow>, StoreError> {
    let Some(plan) = rollup::plan(query, period) else {
        return timeline_by_quad_from_rows(backend, query, period);
    };
    let mut buckets: BTreeMap<String, QuadBucket> = BTreeMap::new();
    for edge in &plan.edges {
        fold_rows(backend, edge, period, &mut buckets)?;
    }
    fold_sums(backend, &plan, period, &mut buckets)?;
    Ok(rows_of(buckets))
}

/// [`timeline_by_quad`] from the rows of the matching events alone.
///
/// The rows are summed here rather than by `GROUP BY`: an actor's or a
/// dyad's rows come straight from its index (see [`Filter::summed_rows`]),
/// and folding them costs a third of what SQLite's grouping of the same
/// rows by day and QuadClass does.
pub fn timeline_by_quad_from_rows(
    backend: &mut dyn Backend,
    query: &EventQuery,
    period: Period,
) -> Result<Vec<QuadTimelineRow>, StoreError> {
    let mut buckets: BTreeMap<String, QuadBucket> = BTreeMap::new();
    fold_rows(backend, query, period, &mut buckets)?;
    Ok(rows_of(buckets))
}

/// The timeline's rows, oldest period first.
fn rows_of(buckets: BTreeMap<String, QuadBucket>) -> Vec<QuadTimelineRow> {
    buckets
        .into_iter()
        .map(|(period, bucket)| bucket.row(period))
        .collect()
}

/// Adds the rows of the events matching `query` to their periods.
fn fold_rows(
    backend: &mut dyn Backend,
    query: &EventQuery,
    period: Period,
    buckets: &mut BTreeMap<String, QuadBucket>,
) -> Result<(), StoreError> {
    let filter = Filter::build(backend, query)?;
    if filter.empty {
        return Ok(());
    }
    let date = filter.date_column();
    let (table, alias) = filter.summed_rows();
    let sql = format!(
        "SELECT {date}, {alias}.quad_class, {alias}.num_mentions, {alias}.goldstein
         FROM {table} WHERE {date} IS NOT NULL{}",
        filter.and_clause()
    );
    // Rows of one day usually come together: they are summed apart and
    // filed under the day's period once the day changes.
    let mut day = DaySums::default();
    backend.query_each(&sql, &filter.params(), &mut |row| {
        let date = row.str(0)?;
        if date != day.date {
            day.file(buckets, period)?;
            day.date.push_str(date);
        }
        day.sums.add(row.opt_int(1)?, count(row, 2)?, row.real(3)?);
        Ok(())
    })?;
    day.file(buckets, period)
}

/// Adds the per-period sums that `plan` names to their periods.
fn fold_sums(
    backend: &mut dyn Backend,
    plan: &rollup::Plan,
    period: Period,
    buckets: &mut BTreeMap<String, QuadBucket>,
) -> Result<(), StoreError> {
    let mut sql = "SELECT period, quad_class, events, mentions, goldstein_sum, goldstein_n
         FROM actor_periods WHERE actor_key = ? AND period >= ? AND period < ?"
        .to_string();
    let mut params: Vec<Value> = vec![
        plan.actor_key.as_str().into(),
        plan.lower.as_str().into(),
        plan.upper.as_str().into(),
    ];
    if let Some(quad) = plan.quad {
        sql.push_str(" AND quad_class = ?");
        params.push(quad.into());
    }
    if let Some(root) = &plan.root_code {
        sql.push_str(" AND root_code = ?");
        params.push(root.as_str().into());
    }
    // Rows of one period come together (the key's order).
    let mut key = String::new();
    let mut label = String::new();
    backend.query_each(&sql, &params, &mut |row| {
        let events = count(row, 2)?;
        if events == 0 {
            return Ok(());
        }
        let stored = row.str(0)?;
        if stored != key {
            key.clear();
            key.push_str(stored);
            label = match period {
                Period::Week => period_label(parse_date(&stored[1..])?, period),
                _ => stored[1..].to_string(),
            };
        }
        let bucket = match buckets.get_mut(&label) {
            Some(bucket) => bucket,
            None => buckets.entry(label.clone()).or_default(),
        };
        bucket.merge(QuadBucket::of_sums(
            row.int(1)?,
            events,
            count(row, 3)?,
            row.real(4)?.unwrap_or(0.0),
            count(row, 5)?,
        ));
        Ok(())
    })
}

/// One day's sums while a timeline is folded.
#[derive(Debug, Default)]
struct DaySums {
    /// `YYYY-MM-DD`, empty before the first row.
    date: String,
    sums: QuadBucket,
}

impl DaySums {
    /// Adds the day's sums to its period's and starts afresh.
    fn file(
        &mut self,
        buckets: &mut BTreeMap<String, QuadBucket>,
        period: Period,
    ) -> Result<(), StoreError> {
        if !self.date.is_empty() {
            let label = period_label(parse_date(&self.date)?, period);
            buckets
                .entry(label)
                .or_default()
                .merge(std::mem::take(&mut self.sums));
        }
        self.date.clear();
        Ok(())
    }
}

/// One period's sums while a timeline is folded.
#[derive(Debug, Default)]
struct QuadBucket {
    by_quad: [u64; 4],
    events: u64,
    mentions: u64,
    goldstein_sum: f64,
    goldstein_n: u64,
}

impl QuadBucket {
    fn add(&mut self, quad: Option<i64>, mentions: u64, goldstein: Option<f64>) {
        if let Some(quad) = quad
            && (1..=4).contains(&quad)
        {
            self.by_quad[quad as usize - 1] += 1;
        }
        self.events += 1;
        self.mentions += mentions;
        if let Some(goldstein) = goldstein {
            self.goldstein_sum += goldstein;
            self.goldstein_n += 1;
        }
    }

    /// The sums of `events` events of QuadClass `quad` (0: none).
    fn of_sums(
        quad: i64,
        events: u64,
        mentions: u64,
        goldstein_sum: f64,
        goldstein_n: u64,
    ) -> QuadBucket {
        let mut by_quad = [0; 4];
        if (1..=4).contains(&quad) {
            by_quad[quad as usize - 1] = events;
        }
        QuadBucket {
            by_quad,
            events,
            mentions,
            goldstein_sum,
            goldstein_n,
        }
    }

    fn merge(&mut self, other: QuadBucket) {
        for (mine, theirs) in self.by_quad.iter_mut().zip(other.by_quad) {
            *mine += theirs;
        }
        self.events += other.events;
        self.mentions += other.mentions;
        self.goldstein_sum += other.goldstein_sum;
        self.goldstein_n += other.goldstein_n;
    }

    fn row(self, period: String) -> QuadTimelineRow {
        QuadTimelineRow {
            period,
            by_quad: self.by_quad,
            events: self.events,
            mentions: self.mentions,
            mean_goldstein: mean(Some(self.goldstein_sum), self.goldstein_n),
        }
    }
}

/// Stored actor codes starting with `typed` (in capitals) and stored names
/// containing it (any case), codes first, at most `limit` in all.
pub fn actor_suggestions(
    backend: &mut dyn Backend,
    typed: &str,
    limit: usize,
) -> Result<Vec<ActorSuggestion>, StoreError> {
    let typed = typed.trim();
    if typed.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let mut suggestions = Vec::with_capacity(limit);
    let code_prefix = typed.to_uppercase();
    let is_code_text = code_prefix
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if is_code_text {
        for code in codes_starting_with(backend, &code_prefix, limit)? {
            suggestions.push(ActorSuggestion::Code(code));
        }
    }
    let names_wanted = limit - suggestions.len();
    if names_wanted > 0 {
        let pattern = format!("%{}%", crate::query::escape_like(&typed.to_lowercase()));
        let rows = backend.query(
            "SELECT name_key, name FROM actor_names WHERE name_key LIKE ? ESCAPE '\\'
             ORDER BY name_key LIMIT ?",
            &[pattern.into(), (names_wanted as i64).into()],
        )?;
        for row in rows {
            suggestions.push(ActorSuggestion::Name {
                key: row.text(0)?,
                name: row.text(1)?,
            });
        }
    }
    Ok(suggestions)
}

/// Distinct `c:` keys with the prefix, in order: one index seek each, so
/// the cost does not grow with the number of events an actor has. Keys are
/// compared in the database's collation; the walk stops at the first key
/// without the prefix.
fn codes_starting_with(
    backend: &mut dyn Backend,
    prefix: &str,
    limit: usize,
) -> Result<Vec<String>, StoreError> {
    let key_prefix = format!("c:{prefix}");
    let mut codes = Vec::new();
    let mut bound = key_prefix.clone();
    let mut next_key = "SELECT MIN(actor_key) FROM event_actors WHERE actor_key >= ?";
    while codes.len() < limit {
        let Some(row) = backend.query_row(next_key, &[bound.as_str().into()])? else {
            break;
        };
        let Some(key) = row.opt_text(0)? else { break };
        let Some(rest) = key.strip_prefix(&key_prefix) else {
            break;
        };
        codes.push(format!("{prefix}{rest}"));
        bound = key;
        next_key = "SELECT MIN(actor_key) FROM event_actors WHERE actor_key > ?";
    }
    Ok(codes)
}

fn count(row: &Row, idx: usize) -> Result<u64, StoreError> {
    Ok(row.int(idx)?.max(0) as u64)
}

fn mean(sum: Option<f64>, n: u64) -> Option<f64> {
    (n > 0).then(|| sum.unwrap_or(0.0) / n as f64)
}
