//! Flat rows of what was recognised, one per mention, for `dateline actors`
//! to print as a table or JSON lines (the CLI owns the formatting).

use dateline_model::{Doc, EntityGuess, PlaceKind, Resolution};

/// One mention, flattened: everything `dateline actors` prints for it.
#[derive(Clone, Debug, PartialEq)]
pub struct MentionRow {
    /// Index in `doc.mentions`.
    pub index: usize,
    pub text: String,
    pub start: u32,
    pub end: u32,
    /// Actor code on the article's date ("USAELI"), if an actor.
    pub code: Option<String>,
    /// Canonical actor name ("Donald Trump").
    pub name: Option<String>,
    pub country: Option<String>,
    pub role: Option<String>,
    /// Knowledge-base id (a Wikidata QID for most people).
    pub entity: Option<String>,
    pub place: Option<String>,
    pub place_kind: Option<PlaceKind>,
    pub geonameid: Option<u32>,
    pub lat_lon: Option<(f64, f64)>,
    pub unknown: Option<EntityGuess>,
    /// How the reading was reached, in words ("coreference to mention 0").
    pub resolution: String,
}

/// The rows of every mention of a recognised document.
pub fn mention_rows(doc: &Doc) -> Vec<MentionRow> {
    doc.mentions
        .iter()
        .enumerate()
        .map(|(index, mention)| {
            let actor = mention.actor.as_ref();
            let place = mention.place.as_ref();
            MentionRow {
                index,
                text: doc.text(mention.span).to_string(),
                start: mention.span.start,
                end: mention.span.end,
                code: actor.map(|a| a.code.as_str().to_string()),
                name: actor.map(|a| a.name.clone()),
                country: actor
                    .and_then(|a| a.country.clone())
                    .or_else(|| place.and_then(|p| p.country.clone())),
                role: actor.and_then(|a| a.role.clone()),
                entity: actor.and_then(|a| a.entity.clone()),
                place: place.map(|p| p.name.clone()),
                place_kind: place.map(|p| p.kind),
                geonameid: place.and_then(|p| p.geonameid),
                lat_lon: place.map(|p| (p.lat, p.lon)),
                unknown: mention.unknown,
                resolution: resolution_label(&mention.resolution),
            }
        })
        .collect()
}

/// A short description of how a mention was resolved.
pub fn resolution_label(resolution: &Resolution) -> String {
    match resolution {
        Resolution::Name => "name".to_string(),
        Resolution::Metonym => "metonym".to_string(),
        Resolution::Demonym => "demonym".to_string(),
        Resolution::Agent => "agent".to_string(),
        Resolution::Coreference { antecedent } => format!("coreference to mention {antecedent}"),
        Resolution::Pronoun { antecedent } => format!("pronoun for mention {antecedent}"),
        Resolution::Disambiguated { reason } => format!("disambiguated: {reason}"),
        Resolution::Unknown => "unknown".to_string(),
    }
}
