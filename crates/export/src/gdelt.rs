//! The GDELT 2.0 events export: 61 tab-separated columns, no header.
//!
//! Column order and meaning follow the GDELT 2.0 event codebook. Fields
//! Dateline does not compute (ethnic and religion codes, actor geography,
//! AvgTone) are left empty, or 0 where GDELT always writes a number.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::EventRecord;

/// The 61 GDELT 2.0 column names, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

const FIPS_TSV: &str = include_str!("../../../data/export/fips.tsv");

/// CAMEO actor type codes (the role segments GDELT splits into Type1..3).
const ACTOR_TYPES: &[&str] = &[
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO",
    "IMG", "INS", "INT", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP",
    "PTY", "RAD", "REB", "REF", "SEP", "SET", "SPY", "UAF", "UIS",
];

/// CAMEO regional codes that stand where a country code would.
const REGIONS: &[&str] = &[
    "AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MEA",
    "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SEA", "SCN", "WAF", "WEU", "WST",
];

fn iso3_to_fips() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: LazyLock<HashMap<&str, &str>> = LazyLock::new(|| {
        FIPS_TSV
            .lines()
            .filter(|line| !line.starts_with('#') && !line.starts_with("iso3"))
            .filter_map(|line| line.split_once('\t'))
            .collect()
    });
    &TABLE
}

/// One event as a GDELT 2.0 row (without the trailing newline).
///
/// `date_added` is `YYYYMMDDHHMMSS`, the time the row was produced.
pub fn gdelt_row(event: &EventRecord, date_added: &str) -> String {
    let mut fields: Vec<String> = Vec::with_capacity(61);
    fields.push(numeric_id(&event.event_id).to_string());
    push_dates(&mut fields, event.date.as_deref());
    push_actor(&mut fields, Some(&event.source));
    push_actor(&mut fields, event.target.as_ref());
    fields.push(is_root_event(event).to_string());
    fields.push(event.code.clone());
    fields.push(event.code[..event.code.len().min(3)].to_string());
    fields.push(event.root_code.clone());
    fields.push(event.quad_class.map_or(String::new(), |q| q.to_string()));
    fields.push(event.goldstein.map_or(String::new(), |g| format!("{g:.1}")));
    let (mentions, sources, articles) = event.merge.as_ref().map_or((1, 1, 1), |m| {
        (m.num_mentions, m.num_sources, m.num_articles)
    });
    fields.extend([mentions, sources, articles].map(|n| n.to_string()));
    fields.push("0".into()); // AvgTone: Dateline does not score tone.
    push_empty_geo(&mut fields); // Actor1Geo
    push_empty_geo(&mut fields); // Actor2Geo
    push_geo(&mut fields, event.location.as_ref());
    fields.push(date_added.to_string());
    fields.push(event.url.clone().unwrap_or_default());
    debug_assert_eq!(fields.len(), 61);
    fields
        .iter()
        .map(|field| field.replace(['\t', '\n', '\r'], " "))
        .collect::<Vec<_>>()
        .join("\t")
}

/// GDELT ids are integers: the first 53 bits of the event's hash keep
/// them exact in every JSON and spreadsheet tool.
fn numeric_id(event_id: &str) -> u64 {
    u64::from_str_radix(event_id, 16).unwrap_or(0) >> 11
}

fn push_dates(fields: &mut Vec<String>, date: Option<&str>) {
    use chrono::Datelike;
    match date.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
        Some(date) => {
            fields.push(date.format("%Y%m%d").to_string());
            fields.push(date.format("%Y%m").to_string());
            fields.push(date.year().to_string());
            let fraction = f64::from(date.ordinal()) / 365.0;
            fields.push(format!("{:.4}", f64::from(date.year()) + fraction));
        }
        None => fields.extend(std::iter::repeat_n(String::new(), 4)),
    }
}

fn push_actor(fields: &mut Vec<String>, actor: Option<&crate::ParticipantRecord>) {
    let Some(actor) = actor else {
        fields.extend(std::iter::repeat_n(String::new(), 10));
        return;
    };
    let parts = split_actor_code(&actor.code);
    fields.push(actor.code.clone());
    fields.push(actor.name.as_deref().unwrap_or("").to_uppercase());
    fields.push(parts.country.unwrap_or_default());
    fields.push(parts.known_group.unwrap_or_default());
    fields.extend(std::iter::repeat_n(String::new(), 3)); // ethnic, religion 1, religion 2
    for type_idx in 0..3 {
        fields.push(parts.types.get(type_idx).cloned().unwrap_or_default());
    }
}

#[derive(Debug, Default, PartialEq)]
struct ActorParts {
    country: Option<String>,
    known_group: Option<String>,
    types: Vec<String>,
}

/// Splits a CAMEO actor code into GDELT's country / known group / types.
fn split_actor_code(code: &str) -> ActorParts {
    let mut parts = ActorParts::default();
    if !code.len().is_multiple_of(3) || !code.is_ascii() {
        return parts;
    }
    for (segment_idx, segment) in code.as_bytes().chunks(3).enumerate() {
        let segment = std::str::from_utf8(segment).unwrap_or_default();
        let is_country = iso3_to_fips().contains_key(segment) || REGIONS.contains(&segment);
        if segment_idx <= 1 && parts.country.is_none() && is_country {
            parts.country = Some(segment.to_string());
        } else if ACTOR_TYPES.contains(&segment) {
            parts.types.push(segment.to_string());
        } else if segment != "---" && parts.known_group.is_none() {
            parts.known_group = Some(segment.to_string());
        }
    }
    parts
}

/// GDELT marks events from a story's lead as root events.
fn is_root_event(event: &EventRecord) -> u8 {
    u8::from(event.sentence.index.is_some_and(|idx| idx < 2))
}

fn push_empty_geo(fields: &mut Vec<String>) {
    fields.push("0".into());
    fields.extend(std::iter::repeat_n(String::new(), 7));
}

fn push_geo(fields: &mut Vec<String>, location: Option<&crate::LocationRecord>) {
    let Some(location) = location else {
        push_empty_geo(fields);
        return;
    };
    let country = location.country.as_deref();
    let fips = country.and_then(|iso3| iso3_to_fips().get(iso3).copied());
    let in_usa = country == Some("USA");
    let geo_type = match location.kind.as_str() {
        "country" | "continent" => 1,
        "adm1" if in_usa => 2,
        "adm1" => 5,
        _ if in_usa => 3,
        _ => 4,
    };
    // GeoNames admin1 codes ("US.FL") become GDELT's FIPS-prefixed form ("USFL").
    let adm1 = location
        .adm1
        .as_deref()
        .and_then(|adm1| adm1.split_once('.'))
        .map(|(_, region)| format!("{}{region}", fips.unwrap_or("")));
    fields.push(geo_type.to_string());
    fields.push(location.name.clone());
    fields.push(fips.unwrap_or("").to_string());
    fields.push(adm1.unwrap_or_else(|| fips.unwrap_or("").to_string()));
    fields.push(String::new()); // ADM2
    fields.push(format!("{:.4}", location.lat));
    fields.push(format!("{:.4}", location.lon));
    fields.push(
        location
            .geonameid
            .map_or(String::new(), |id| id.to_string()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_actor_codes_like_gdelt() {
        assert_eq!(
            split_actor_code("USAGOV"),
            ActorParts {
                country: Some("USA".into()),
                known_group: None,
                types: vec!["GOV".into()],
            }
        );
        // GDELT writes the EU as country EUR, group EEC, type IGO.
        assert_eq!(
            split_actor_code("IGOEUREEC"),
            ActorParts {
                country: Some("EUR".into()),
                known_group: Some("EEC".into()),
                types: vec!["IGO".into()],
            }
        );
        assert_eq!(split_actor_code("---GOV").types, vec!["GOV".to_string()]);
        assert_eq!(split_actor_code("---GOV").country, None);
    }

    #[test]
    fn fips_table_maps_iso3() {
        assert_eq!(iso3_to_fips().get("USA"), Some(&"US"));
        assert_eq!(iso3_to_fips().get("UKR"), Some(&"UP"));
        assert_eq!(iso3_to_fips().get("BLR"), Some(&"BO"));
    }
}
