//! Recounting what each event merges, once `placement` has put its
//! reports in it: fields, counts and actor keys.

use std::collections::BTreeMap;

use dateline_model::ActorCode;
use dateline_resolve::{Origin, Signature, Tally};

use crate::StoreError;
use crate::backend::{Backend, BackendExt, Row, Value};
use crate::columns::{SIGNATURE_COLUMNS, select_list, signature_from_row, signature_values};

/// Columns computed from the signature: code levels, source head, codebook values.
pub const DERIVED_COLUMNS: &[&str] = &[
    "base_code",
    "root_code",
    "source_head",
    "quad_class",
    "goldstein",
];

pub fn derived_values(signature: &Signature) -> Vec<Value> {
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
/// report order (see `placement`), the counts, the actor keys. Deletes an
/// event left with no report (its reports moved, or its article was revised).
pub fn refresh_event(backend: &mut dyn Backend, event_id: i64) -> Result<(), StoreError> {
    let mut rows = backend.query(
        &format!(
            "SELECT r.id, r.article_id, r.outlet, a.doc_id, {}
             FROM reports r JOIN articles a ON a.id = r.article_id WHERE r.event_id = ?",
            select_list("r")
        ),
        &[event_id.into()],
    )?;
    sort_in_report_order(&mut rows)?;
    if rows.is_empty() {
        delete_actor_keys(backend, event_id)?;
        backend.execute("DELETE FROM events WHERE id = ?", &[event_id.into()])?;
        return Ok(());
    }
    let mut origins = Vec::with_capacity(rows.len());
    let mut signatures = Vec::with_capacity(rows.len());
    for row in &rows {
        let article_id = row.int(1)?;
        let signature = signature_from_row(row, 4, || Ok(article_anchor(article_id)))?;
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
        quad_class: merged.code.quad_class().map(|q| i64::from(q.number())),
        root_code: merged.code.root().to_string(),
    };
    write_actor_keys(backend, event_id, &merged, &signatures, &totals)
}

/// What a timeline sums and what `quad` and a root `code` filter test,
/// stored beside each of the event's actor keys and dyads (the same values
/// as its `events` row: both are written from one merged signature).
#[derive(Clone, Debug)]
struct EventTotals {
    goldstein: Option<f64>,
    num_mentions: i64,
    quad_class: Option<i64>,
    root_code: String,
}

impl EventTotals {
    /// The columns [`EventTotals::values`] fills, after a table's own.
    const COLUMNS: [&'static str; 4] = ["goldstein", "num_mentions", "quad_class", "root_code"];

    fn values(&self) -> [Value; 4] {
        [
            self.goldstein.into(),
            self.num_mentions.into(),
            self.quad_class.into(),
            self.root_code.as_str().into(),
        ]
    }
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

/// Orders report rows (id, article id, outlet, doc id, signature columns)
/// by date, article id, then row id. The ingest queries sort here rather
/// than with `ORDER BY`: SQLite (with STAT4 compiled in) re-prepares a
/// statement that filters on an index and orders by rowid at every
/// execution, which cost a sixth of the ingest time.
fn sort_in_report_order(rows: &mut [Row]) -> Result<(), StoreError> {
    for row in rows.iter() {
        row.int(0)?;
        row.text(3)?;
        row.opt_text(4)?;
    }
    rows.sort_by_cached_key(|row| {
        (
            row.opt_text(4).ok().flatten(),
            row.text(3).unwrap_or_default(),
            row.int(0).unwrap_or_default(),
        )
    });
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
    totals: &EventTotals,
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
            let mut row = vec![
                key.as_str().into(),
                event_id.into(),
                date.clone(),
                roles.into(),
            ];
            row.extend(totals.values());
            row
        })
        .collect();
    let mut actor_columns = vec!["actor_key", "event_id", "date", "roles"];
    actor_columns.extend(EventTotals::COLUMNS);
    backend.insert_rows("event_actors", &actor_columns, &actor_rows)?;
    let code_keys = |role: i64| {
        keys.iter()
            .filter(move |(key, roles)| key.starts_with("c:") && *roles & role != 0)
            .map(|(key, _)| key.as_str())
    };
    let mut dyad_rows: Vec<Vec<Value>> = Vec::new();
    for source in code_keys(1) {
        for target in code_keys(2) {
            let mut row = vec![source.into(), target.into(), event_id.into(), date.clone()];
            row.extend(totals.values());
            dyad_rows.push(row);
        }
    }
    let mut dyad_columns = vec!["source_key", "target_key", "event_id", "date"];
    dyad_columns.extend(EventTotals::COLUMNS);
    backend.insert_rows("event_dyads", &dyad_columns, &dyad_rows)?;
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
