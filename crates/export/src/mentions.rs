//! The record printed by `dateline actors --format jsonl`: one article's
//! mentions and country focus.

use dateline_model::{Doc, EntityGuess, Mention, Resolution, Span};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct MentionsRecord<'a> {
    pub id: &'a str,
    pub input: String,
    pub date: Option<String>,
    /// The dateline place as resolved, if any.
    pub dateline: Option<&'a str>,
    /// Countries the article is about, most prominent first.
    pub focus: Vec<FocusRecord<'a>>,
    pub mentions: Vec<MentionRecordOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct FocusRecord<'a> {
    pub country: &'a str,
    pub score: f32,
    pub mentions: u32,
}

/// One mention: an actor, a place, or an unknown name.
#[derive(Debug, Serialize)]
pub struct MentionRecordOut<'a> {
    pub text: &'a str,
    pub span: Span,
    /// Sentence index, or null for a heading.
    pub sentence: Option<u32>,
    pub code: Option<&'a str>,
    pub name: Option<&'a str>,
    pub country: Option<&'a str>,
    pub role: Option<&'a str>,
    pub kind: Option<&'static str>,
    pub place: Option<PlaceOut<'a>>,
    /// For unknown names: person, organisation or place.
    pub unknown: Option<&'static str>,
    /// How the mention was resolved: name, metonym, demonym, agent,
    /// coreference, pronoun, disambiguated, unknown.
    pub resolved_by: String,
}

#[derive(Debug, Serialize)]
pub struct PlaceOut<'a> {
    pub name: &'a str,
    pub geonameid: Option<u32>,
    pub country: Option<&'a str>,
    pub adm1: Option<&'a str>,
    pub lat: f64,
    pub lon: f64,
}

impl<'a> MentionsRecord<'a> {
    pub fn from_doc(doc: &'a Doc) -> MentionsRecord<'a> {
        MentionsRecord {
            id: &doc.meta.id,
            input: doc.meta.input.to_string(),
            date: doc.meta.date.map(|d| d.format("%Y-%m-%d").to_string()),
            dateline: doc.dateline.as_ref().map(|p| p.name.as_str()),
            focus: doc
                .focus
                .iter()
                .map(|f| FocusRecord {
                    country: &f.country,
                    score: f.score,
                    mentions: f.mentions,
                })
                .collect(),
            mentions: doc.mentions.iter().map(|m| mention(doc, m)).collect(),
        }
    }
}

fn mention<'a>(doc: &'a Doc, mention: &'a Mention) -> MentionRecordOut<'a> {
    use dateline_model::{ActorKind, SegmentRef};
    let actor = mention.actor.as_ref();
    MentionRecordOut {
        text: doc.text(mention.span),
        span: mention.span,
        sentence: match mention.segment {
            SegmentRef::Sentence(idx) => Some(idx),
            SegmentRef::Heading(_) => None,
        },
        code: actor.map(|a| a.code.as_str()),
        name: actor.map(|a| a.name.as_str()),
        country: actor.and_then(|a| a.country.as_deref()),
        role: actor.and_then(|a| a.role.as_deref()),
        kind: actor.map(|a| match a.kind {
            ActorKind::Country => "country",
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Agent => "agent",
        }),
        place: mention.place.as_ref().map(|p| PlaceOut {
            name: &p.name,
            geonameid: p.geonameid,
            country: p.country.as_deref(),
            adm1: p.adm1.as_deref(),
            lat: p.lat,
            lon: p.lon,
        }),
        unknown: mention.unknown.map(|guess| match guess {
            EntityGuess::Person => "person",
            EntityGuess::Organisation => "organisation",
            EntityGuess::Place => "place",
        }),
        resolved_by: resolution_label(&mention.resolution),
    }
}

/// A short label for how a mention was resolved.
pub fn resolution_label(resolution: &Resolution) -> String {
    match resolution {
        Resolution::Name => "name".into(),
        Resolution::Metonym => "metonym".into(),
        Resolution::Demonym => "demonym".into(),
        Resolution::Agent => "agent".into(),
        Resolution::Coreference { antecedent } => format!("coreference to mention {antecedent}"),
        Resolution::Pronoun { antecedent } => format!("pronoun for mention {antecedent}"),
        Resolution::Disambiguated { reason } => format!("disambiguated: {reason}"),
        Resolution::Unknown => "unknown".into(),
    }
}
