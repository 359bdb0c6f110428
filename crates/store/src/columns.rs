//! A signature's columns, shared by the `events` and `reports` tables.

use chrono::NaiveDate;
use dateline_model::{ActorCode, EventCode};
use dateline_resolve::{
    Actor, Anchor, Place, Signature, basis_name, parse_basis, parse_modality, parse_place_kind,
    place_kind_name,
};

use crate::StoreError;
use crate::backend::{Row, Value};

/// The signature columns, in the order of [`signature_values`].
pub const SIGNATURE_COLUMNS: &[&str] = &[
    "date",
    "code",
    "source_code",
    "source_name",
    "source_country",
    "target_code",
    "target_name",
    "target_country",
    "negated",
    "modality",
    "place_name",
    "place_country",
    "place_adm1",
    "place_kind",
    "place_basis",
    "geonameid",
    "lat",
    "lon",
];

/// `prefix.date, prefix.code, ...` for a SELECT list.
pub fn select_list(prefix: &str) -> String {
    SIGNATURE_COLUMNS
        .iter()
        .map(|column| format!("{prefix}.{column}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The values of [`SIGNATURE_COLUMNS`] for a signature.
pub fn signature_values(signature: &Signature) -> Vec<Value> {
    let target = signature.target.as_ref();
    let place = signature.place.as_ref();
    vec![
        signature
            .date()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .into(),
        signature.code.as_str().into(),
        signature.source.code.as_str().into(),
        signature.source.name.clone().into(),
        signature.source.country.clone().into(),
        target.map(|t| t.code.as_str()).into(),
        target.and_then(|t| t.name.clone()).into(),
        target.and_then(|t| t.country.clone()).into(),
        signature.negated.into(),
        signature.modality.name().into(),
        place.map(|p| p.name.clone()).into(),
        place.and_then(|p| p.country.clone()).into(),
        place.and_then(|p| p.adm1.clone()).into(),
        place.map(|p| place_kind_name(p.kind)).into(),
        place.map(|p| basis_name(p.basis)).into(),
        place.and_then(|p| p.geonameid).map(i64::from).into(),
        place.map(|p| p.lat).into(),
        place.map(|p| p.lon).into(),
    ]
}

/// Reads a signature from [`SIGNATURE_COLUMNS`] starting at `offset`;
/// `undated_anchor` names the article an undated signature belongs to.
pub fn signature_from_row(
    row: &Row,
    offset: usize,
    undated_anchor: impl FnOnce() -> Result<String, StoreError>,
) -> Result<Signature, StoreError> {
    let text = |idx: usize| row.opt_text(offset + idx);
    let anchor = match text(0)? {
        Some(date) => Anchor::Date(parse_date(&date)?),
        None => Anchor::Article(undated_anchor()?),
    };
    let code = text(1)?.unwrap_or_default();
    let actor = |code_idx: usize| -> Result<Option<Actor>, StoreError> {
        let Some(code) = text(code_idx)? else {
            return Ok(None);
        };
        Ok(Some(Actor {
            code: ActorCode::parse(&code).map_err(|err| corrupt("actor code", &err.0))?,
            name: text(code_idx + 1)?,
            country: text(code_idx + 2)?,
        }))
    };
    let modality = text(9)?.unwrap_or_default();
    let place = match text(10)? {
        Some(name) => {
            let kind = text(13)?.unwrap_or_default();
            let basis = text(14)?.unwrap_or_default();
            Some(Place {
                name,
                country: text(11)?,
                adm1: text(12)?,
                kind: parse_place_kind(&kind).ok_or_else(|| corrupt("place kind", &kind))?,
                basis: parse_basis(&basis).ok_or_else(|| corrupt("place basis", &basis))?,
                geonameid: row
                    .opt_int(offset + 15)?
                    .and_then(|id| u32::try_from(id).ok()),
                lat: row.real(offset + 16)?.unwrap_or_default(),
                lon: row.real(offset + 17)?.unwrap_or_default(),
            })
        }
        None => None,
    };
    Ok(Signature {
        anchor,
        source: actor(2)?.ok_or_else(|| corrupt("source code", "NULL"))?,
        target: actor(5)?,
        code: EventCode::parse(&code).map_err(|_| corrupt("event code", &code))?,
        place,
        negated: row.int(offset + 8)? != 0,
        modality: parse_modality(&modality).ok_or_else(|| corrupt("modality", &modality))?,
    })
}

pub fn parse_date(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| corrupt("date", text))
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("bad {what} {value:?}"))
}
