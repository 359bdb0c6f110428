//! The resolver's rule applied to the `events` table: find the event a
//! report belongs to, or start one; then recount what each event merges.

use std::collections::{BTreeMap, HashSet};

use dateline_model::ActorCode;
use dateline_resolve::{Anchor, MergeRule, Origin, Signature, Tally};

use crate::StoreError;
use crate::backend::{Backend, BackendExt, Row, Value, placeholders};
use crate::columns::{SIGNATURE_COLUMNS, select_list, signature_from_row, signature_values};

/// The event a report joins: an existing one (whose signature absorbed the
/// report's) or a new one. Events in `excluded` hold a report of the same
/// article naming other actors, which the rule keeps apart.
pub fn place_report(
    backend: &mut dyn Backend,
    rule: &MergeRule,
    signature: &Signature,
    report_key: &str,
    excluded: &HashSet<i64>,
) -> Result<(i64, bool), StoreError> {
    let mut candidates = candidates(backend, rule, signature)?;
    candidates.retain(|(id, _)| !excluded.contains(id));
    let chosen = rule.best(candidates.iter().map(|(id, sig)| (*id, sig)), signature);
    match chosen {
        Some(event_id) => {
            let mut merged = candidates
                .into_iter()
                .find(|(id, _)| *id == event_id)
                .map(|(_, sig)| sig)
                .expect("best() returns one of the candidates");
            merged.absorb(signature);
            write_signature(backend, event_id, &merged)?;
            Ok((event_id, false))
        }
        None => Ok((create_event(backend, signature, report_key)?, true)),
    }
}

/// Events that could hold the report: same root, same source head, and
/// within the window (or, undated, in the same article).
fn candidates(
    backend: &mut dyn Backend,
    rule: &MergeRule,
    signature: &Signature,
) -> Result<Vec<(i64, Signature)>, StoreError> {
    let columns = select_list("e");
    let root = signature.code.root().to_string();
    let head = signature.source.code.head().to_string();
    let mut rows = match &signature.anchor {
        Anchor::Date(date) => {
            let (from, to) = rule.window(*date);
            backend.query(
                &format!(
                    "SELECT e.id, e.anchor_article, {columns} FROM events e
                     WHERE e.root_code = ? AND e.source_head = ? AND e.date >= ? AND e.date <= ?"
                ),
                &[root.into(), head.into(), day(from).into(), day(to).into()],
            )?
        }
        Anchor::Article(article) => backend.query(
            &format!(
                "SELECT e.id, e.anchor_article, {columns} FROM events e
                 WHERE e.anchor_article = ? AND e.root_code = ? AND e.source_head = ?"
            ),
            &[article.as_str().into(), root.into(), head.into()],
        )?,
    };
    sort_by_id(&mut rows)?;
    rows.iter()
        .map(|row| {
            let signature = signature_from_row(row, 2, || {
                row.opt_text(1)?
                    .ok_or_else(|| StoreError::Corrupt("undated event without article".into()))
            })?;
            Ok((row.int(0)?, signature))
        })
        .collect()
}

fn create_event(
    backend: &mut dyn Backend,
    signature: &Signature,
    report_key: &str,
) -> Result<i64, StoreError> {
    let key = unique_event_key(backend, report_key)?;
    let anchor_article = match &signature.anchor {
        Anchor::Article(article) => Some(article.clone()),
        Anchor::Date(_) => None,
    };
    let mut columns = vec!["event_key", "anchor_article"];
    columns.extend(SIGNATURE_COLUMNS);
    columns.extend(DERIVED_COLUMNS);
    columns.extend(["num_mentions", "num_sources", "num_articles"]);
    let mut values: Vec<Value> = vec![key.into(), anchor_article.into()];
    values.extend(signature_values(signature));
    values.extend(derived_values(signature));
    values.extend([0i64.into(), 0i64.into(), 0i64.into()]);
    let sql = format!(
        "INSERT INTO events ({}) VALUES ({}) RETURNING id",
        columns.join(", "),
        placeholders(columns.len())
    );
    backend
        .query_int(&sql, &values)?
        .ok_or_else(|| StoreError::Corrupt("event insert returned no id".into()))
}

/// The first report's key, or that key with `-2`, `-3`... when a deleted
/// revision's event already used it.
fn unique_event_key(backend: &mut dyn Backend, base: &str) -> Result<String, StoreError> {
    let mut key = base.to_string();
    for n in 2.. {
        let taken = backend.query_int(
            "SELECT id FROM events WHERE event_key = ?",
            &[key.as_str().into()],
        )?;
        if taken.is_none() {
            break;
        }
        key = format!("{base}-{n}");
    }
    Ok(key)
}

/// Columns computed from the signature: code levels, source head, codebook values.
const DERIVED_COLUMNS: &[&str] = &[
    "base_code",
    "root_code",
    "source_head",
    "quad_class",
    "goldstein",
];

fn derived_values(signature: &Signature) -> Vec<Value> {
    let code = &signature.code;
    let info = code.info();
    vec![
        code.base().into(),
        code.root().into(),
        signature.source.code.head().into(),
        code.quad_class().map(|q| i64::from(q.number())).into(),
        info.map(|info| f64::from(info.goldstein)).into(),
    ]
}

fn write_signature(
    backend: &mut dyn Backend,
    event_id: i64,
    signature: &Signature,
) -> Result<(), StoreError> {
    let assignments: Vec<String> = SIGNATURE_COLUMNS
        .iter()
        .chain(DERIVED_COLUMNS)
        .map(|column| format!("{column} = ?"))
        .collect();
    let mut values = signature_values(signature);
    values.extend(derived_values(signature));
    values.push(event_id.into());
    backend.execute(
        &format!("UPDATE events SET {} WHERE id = ?", assignments.join(", ")),
        &values,
    )?;
    Ok(())
}

/// Recomputes an event from its reports: the signature folded over them in
/// ingest order, the counts, the actor keys. Deletes an event left with no
/// report (its article was revised).
pub fn refresh_event(backend: &mut dyn Backend, event_id: i64) -> Result<(), StoreError> {
    let mut rows = backend.query(
        &format!(
            "SELECT r.id, r.article_id, r.outlet, {} FROM reports r WHERE r.event_id = ?",
            select_list("r")
        ),
        &[event_id.into()],
    )?;
    sort_by_id(&mut rows)?;
    if rows.is_empty() {
        delete_actor_keys(backend, event_id)?;
        backend.execute("DELETE FROM events WHERE id = ?", &[event_id.into()])?;
        return Ok(());
    }
    let mut origins = Vec::with_capacity(rows.len());
    let mut signatures = Vec::with_capacity(rows.len());
    for row in &rows {
        let article_id = row.int(1)?;
        let signature = signature_from_row(row, 3, || Ok(article_anchor(article_id)))?;
        origins.push(Origin {
            article_id: article_id.to_string(),
            outlet: row.text(2)?,
            date: signature.date(),
        });
        signatures.push(signature);
    }
    let mut merged = signatures[0].clone();
    for signature in &signatures[1..] {
        merged.absorb(signature);
    }
    write_signature(backend, event_id, &merged)?;
    let tally = Tally::of(&origins);
    let day_text = |d: Option<chrono::NaiveDate>| d.map(day);
    backend.execute(
        "UPDATE events SET num_mentions = ?, num_sources = ?, num_articles = ?,
                           first_seen = ?, last_seen = ?
         WHERE id = ?",
        &[
            i64::from(tally.num_mentions).into(),
            i64::from(tally.num_sources).into(),
            i64::from(tally.num_articles).into(),
            day_text(tally.first_seen).into(),
            day_text(tally.last_seen).into(),
            event_id.into(),
        ],
    )?;
    let totals = EventTotals {
        goldstein: merged.code.info().map(|info| f64::from(info.goldstein)),
        num_mentions: i64::from(tally.num_mentions),
    };
    write_actor_keys(backend, event_id, &merged, &signatures, totals)
}

/// What an actor's timeline sums, stored beside each of the event's keys.
#[derive(Clone, Copy, Debug)]
struct EventTotals {
    goldstein: Option<f64>,
    num_mentions: i64,
}

fn delete_actor_keys(backend: &mut dyn Backend, event_id: i64) -> Result<(), StoreError> {
    for table in ["event_actors", "event_dyads"] {
        backend.execute(
            &format!("DELETE FROM {table} WHERE event_id = ?"),
            &[event_id.into()],
        )?;
    }
    Ok(())
}

/// Orders rows by the id in their first column. The ingest queries sort
/// here rather than with `ORDER BY id`: SQLite (with STAT4 compiled in)
/// re-prepares a statement that filters on an index and orders by rowid
/// at every execution, which cost a sixth of the ingest time.
fn sort_by_id(rows: &mut [Row]) -> Result<(), StoreError> {
    for row in rows.iter() {
        row.int(0)?;
    }
    rows.sort_by_cached_key(|row| row.int(0).unwrap_or_default());
    Ok(())
}

/// The anchor of an undated report: its article's row id.
pub fn article_anchor(article_id: i64) -> String {
    format!("#{article_id}")
}

fn write_actor_keys(
    backend: &mut dyn Backend,
    event_id: i64,
    merged: &Signature,
    signatures: &[Signature],
    totals: EventTotals,
) -> Result<(), StoreError> {
    let mut keys: BTreeMap<String, i64> = BTreeMap::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for signature in signatures {
        let roles = [(Some(&signature.source), 1), (signature.target.as_ref(), 2)];
        for (actor, role) in roles {
            let Some(actor) = actor else { continue };
            for prefix in code_prefixes(&actor.code) {
                *keys.entry(format!("c:{prefix}")).or_default() |= role;
            }
            if let Some(name) = &actor.name {
                let name_key = name.to_lowercase();
                *keys.entry(format!("n:{name_key}")).or_default() |= role;
                names.insert(name_key, name.clone());
            }
        }
    }
    delete_actor_keys(backend, event_id)?;
    let date: Value = merged.date().map(day).into();
    let actor_rows: Vec<Vec<Value>> = keys
        .iter()
        .map(|(key, &roles)| {
            vec![
                key.as_str().into(),
                event_id.into(),
                date.clone(),
                roles.into(),
                totals.goldstein.into(),
                totals.num_mentions.into(),
            ]
        })
        .collect();
    backend.insert_rows(
        "event_actors",
        &[
            "actor_key",
            "event_id",
            "date",
            "roles",
            "goldstein",
            "num_mentions",
        ],
        &actor_rows,
    )?;
    let code_keys = |role: i64| {
        keys.iter()
            .filter(move |(key, roles)| key.starts_with("c:") && *roles & role != 0)
            .map(|(key, _)| key.as_str())
    };
    let mut dyad_rows: Vec<Vec<Value>> = Vec::new();
    for source in code_keys(1) {
        for target in code_keys(2) {
            dyad_rows.push(vec![
                source.into(),
                target.into(),
                event_id.into(),
                date.clone(),
            ]);
        }
    }
    backend.insert_rows(
        "event_dyads",
        &["source_key", "target_key", "event_id", "date"],
        &dyad_rows,
    )?;
    for (name_key, name) in names {
        backend.execute(
            "INSERT INTO actor_names (name_key, name) VALUES (?, ?) ON CONFLICT (name_key) DO NOTHING",
            &[name_key.into(), name.into()],
        )?;
    }
    Ok(())
}

/// Every prefix of a code at a segment boundary: "USAGOV" gives "USA", "USAGOV".
pub fn code_prefixes(code: &ActorCode) -> Vec<&str> {
    let text = code.as_str();
    let mut prefixes: Vec<&str> = (3..text.len()).step_by(3).map(|end| &text[..end]).collect();
    prefixes.push(text);
    prefixes
}

pub fn day(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_stop_at_segment_boundaries() {
        let code = ActorCode::parse("NGAREBBKH").unwrap();
        assert_eq!(code_prefixes(&code), ["NGA", "NGAREB", "NGAREBBKH"]);
        let odd = ActorCode::parse("ABCD").unwrap();
        assert_eq!(code_prefixes(&odd), ["ABC", "ABCD"]);
    }
}
