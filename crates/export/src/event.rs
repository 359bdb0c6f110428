//! The public event schema (`dateline code --format jsonl`, the store's exports).

use dateline_model::{Doc, Event, Participant, SegmentRef, Span};
use serde::{Deserialize, Serialize};

/// One event in the stable public schema. `None` serialises as `null`.
///
/// Built from a coded [`Doc`] with [`EventRecord::from_doc`], or by the
/// store from its rows (then with [`MergeInfo`] filled).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// The input record's id.
    pub article_id: String,
    pub event_id: String,
    /// `YYYY-MM-DD`: the article's date (events are dated by their report).
    pub date: Option<String>,
    pub code: String,
    pub root_code: String,
    /// The codebook name of the code, null for codes outside CAMEO.
    pub label: Option<String>,
    pub quad_class: Option<u8>,
    pub goldstein: Option<f32>,
    pub plover: Option<PloverRecord>,
    pub source: ParticipantRecord,
    pub target: Option<ParticipantRecord>,
    pub negated: bool,
    /// `asserted`, `intended` or `hypothetical`.
    pub modality: String,
    pub location: Option<LocationRecord>,
    pub attribution: Option<AttributionRecord>,
    pub sentence: SentenceRecord,
    pub trigger: SpanRecord,
    /// The id of the pattern that fired.
    pub rule: String,
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<String>,
    /// Present on events read back from the store.
    #[serde(flatten, default, skip_serializing_if = "Option::is_none")]
    pub merge: Option<MergeInfo>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PloverRecord {
    #[serde(rename = "type")]
    pub event_type: String,
    pub mode: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantRecord {
    pub code: String,
    pub country: Option<String>,
    pub name: Option<String>,
    /// The words naming the actor in the sentence.
    pub text: Option<String>,
    pub span: Option<Span>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocationRecord {
    pub name: String,
    pub country: Option<String>,
    pub adm1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub geonameid: Option<u32>,
    /// `sentence`, `dateline` or `focus`: where the location came from.
    pub basis: String,
    /// GeoNames-style feature class of the place: `continent`, `country`, `adm1`, `city`, `other`.
    pub kind: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttributionRecord {
    pub text: String,
    pub code: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceRecord {
    /// Index into the article's `sentences` (as `dateline read` prints them);
    /// null when the event came from a heading.
    pub index: Option<u32>,
    pub text: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpanRecord {
    pub text: String,
    pub span: Span,
}

/// How many reports a stored event merges, and where they are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MergeInfo {
    pub num_mentions: u32,
    pub num_sources: u32,
    pub num_articles: u32,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub mentions: Vec<MentionRecord>,
}

/// One report of a merged event: the article, sentence and spans that gave it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    pub article_id: String,
    pub sentence: SentenceRecord,
    pub trigger: Span,
    pub source_span: Option<Span>,
    pub target_span: Option<Span>,
    pub rule: String,
}

impl EventRecord {
    /// Every event of a coded document, in order.
    pub fn from_doc(doc: &Doc) -> Vec<EventRecord> {
        doc.events
            .iter()
            .map(|event| EventRecord::from_event(doc, event))
            .collect()
    }

    pub fn from_event(doc: &Doc, event: &Event) -> EventRecord {
        let info = event.code.info();
        EventRecord {
            article_id: doc.meta.id.clone(),
            event_id: event_id(&doc.meta.id, event),
            date: doc
                .meta
                .date
                .map(|date| date.format("%Y-%m-%d").to_string()),
            code: event.code.to_string(),
            root_code: event.code.root().to_string(),
            label: info.map(|info| info.name.clone()),
            quad_class: event.code.quad_class().map(|quad| quad.number()),
            goldstein: info.map(|info| info.goldstein),
            plover: info
                .and_then(|info| info.plover.as_ref())
                .map(|category| PloverRecord {
                    event_type: category.event_type.name().to_string(),
                    mode: category.mode.clone(),
                }),
            source: participant(doc, &event.source),
            target: event.target.as_ref().map(|target| participant(doc, target)),
            negated: event.negated,
            modality: event.modality.name().to_string(),
            location: event.location.as_ref().map(location),
            attribution: event
                .attribution
                .as_ref()
                .map(|attribution| AttributionRecord {
                    text: attribution.text.clone(),
                    code: attribution.code.as_ref().map(ToString::to_string),
                }),
            sentence: sentence(doc, event.segment),
            trigger: SpanRecord {
                text: doc.text(event.trigger).to_string(),
                span: event.trigger,
            },
            rule: event.rule.clone(),
            url: doc.meta.url.clone(),
            issues: event.issues.clone(),
            merge: None,
        }
    }
}

/// A stable id for an event report: the same article coded the same way
/// always gets the same id, so re-runs and re-ingests line up.
pub fn event_id(article_id: &str, event: &Event) -> String {
    let target = event.target.as_ref().map_or("", |t| t.code.as_str());
    let key = format!(
        "{article_id}\u{1f}{:?}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        event.segment, event.trigger, event.source.code, target, event.code
    );
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
}

fn participant(doc: &Doc, participant: &Participant) -> ParticipantRecord {
    ParticipantRecord {
        code: participant.code.to_string(),
        country: participant.country.clone(),
        name: participant.name.clone(),
        text: participant.span.map(|span| doc.text(span).to_string()),
        span: participant.span,
    }
}

fn location(location: &dateline_model::Location) -> LocationRecord {
    use dateline_model::{LocationBasis, PlaceKind};
    let place = &location.place;
    LocationRecord {
        name: place.name.clone(),
        country: place.country.clone(),
        adm1: place.adm1.clone(),
        lat: place.lat,
        lon: place.lon,
        geonameid: place.geonameid,
        basis: match location.basis {
            LocationBasis::Sentence => "sentence",
            LocationBasis::Dateline => "dateline",
            LocationBasis::Focus => "focus",
        }
        .to_string(),
        kind: match place.kind {
            PlaceKind::Continent => "continent",
            PlaceKind::Country => "country",
            PlaceKind::Adm1 => "adm1",
            PlaceKind::City => "city",
            PlaceKind::Other => "other",
        }
        .to_string(),
    }
}

fn sentence(doc: &Doc, segment: SegmentRef) -> SentenceRecord {
    let (index, span) = match segment {
        SegmentRef::Sentence(idx) => (Some(idx), doc.sentences[idx as usize].span),
        SegmentRef::Heading(idx) => (None, doc.headings[idx as usize].span),
    };
    SentenceRecord {
        index,
        text: doc.text(span).to_string(),
        span,
    }
}
