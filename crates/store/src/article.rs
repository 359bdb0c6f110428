//! What the store takes in: one coded article, owned, ready to write.

use dateline_export::{EventRecord, resolution_label};
use dateline_model::{ActorKind, Doc, EntityGuess, Meta, SegmentRef, Span};
use dateline_resolve::{EventNouns, find_references};

/// One coded article: metadata, body, sentences, mentions, coded events and
/// the later sentences that refer back to them.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleInput {
    pub meta: Meta,
    pub body: String,
    /// Body sentence spans, in order (`dateline read`'s sentence indexes).
    pub sentences: Vec<Span>,
    pub mentions: Vec<MentionInput>,
    /// Coded events in the public schema.
    pub reports: Vec<EventRecord>,
    pub references: Vec<ReferenceInput>,
}

/// An actor, place or unknown-name mention.
#[derive(Clone, Debug, PartialEq)]
pub struct MentionInput {
    pub span: Span,
    /// Sentence index; `None` in a heading.
    pub sentence: Option<u32>,
    pub actor_code: Option<String>,
    pub actor_name: Option<String>,
    pub actor_country: Option<String>,
    /// `country`, `person`, `organisation` or `agent`.
    pub actor_kind: Option<String>,
    pub place_name: Option<String>,
    pub place_country: Option<String>,
    pub geonameid: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// For unknown names: `person`, `organisation` or `place`.
    pub unknown: Option<String>,
    pub resolved_by: String,
}

/// A later sentence that names a coded event again ("the call").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceInput {
    /// Index into [`ArticleInput::reports`] of the event referred to.
    pub report: usize,
    pub sentence: u32,
    pub noun: Span,
    pub source_span: Option<Span>,
    pub target_span: Option<Span>,
    /// The noun's form in `data/resolve/event_nouns.tsv`.
    pub form: String,
}

impl ArticleInput {
    /// Takes everything the store keeps from a coded document.
    pub fn from_doc(doc: &Doc, nouns: &EventNouns) -> ArticleInput {
        let references = find_references(doc, nouns)
            .into_iter()
            .map(|reference| ReferenceInput {
                report: reference.event,
                sentence: reference.sentence,
                noun: reference.noun,
                source_span: reference.source_span,
                target_span: reference.target_span,
                form: reference.form,
            })
            .collect();
        ArticleInput {
            meta: doc.meta.clone(),
            body: doc.body().to_string(),
            sentences: doc.sentences.iter().map(|s| s.span).collect(),
            mentions: doc.mentions.iter().map(mention_input).collect(),
            reports: EventRecord::from_doc(doc),
            references,
        }
    }
}

fn mention_input(mention: &dateline_model::Mention) -> MentionInput {
    let actor = mention.actor.as_ref();
    let place = mention.place.as_ref();
    MentionInput {
        span: mention.span,
        sentence: match mention.segment {
            SegmentRef::Sentence(idx) => Some(idx),
            SegmentRef::Heading(_) => None,
        },
        actor_code: actor.map(|a| a.code.to_string()),
        actor_name: actor.map(|a| a.name.clone()),
        actor_country: actor.and_then(|a| a.country.clone()),
        actor_kind: actor.map(|a| {
            match a.kind {
                ActorKind::Country => "country",
                ActorKind::Person => "person",
                ActorKind::Organisation => "organisation",
                ActorKind::Agent => "agent",
            }
            .to_string()
        }),
        place_name: place.map(|p| p.name.clone()),
        place_country: place.and_then(|p| p.country.clone()),
        geonameid: place.and_then(|p| p.geonameid),
        lat: place.map(|p| p.lat),
        lon: place.map(|p| p.lon),
        unknown: mention.unknown.map(|guess| {
            match guess {
                EntityGuess::Person => "person",
                EntityGuess::Organisation => "organisation",
                EntityGuess::Place => "place",
            }
            .to_string()
        }),
        resolved_by: resolution_label(&mention.resolution),
    }
}

/// A hash of the body with runs of white space made one space, so a copy
/// re-wrapped or re-indented is still the same article.
pub fn content_hash(body: &str) -> String {
    let mut normalised = String::with_capacity(body.len());
    for word in body.split_whitespace() {
        if !normalised.is_empty() {
            normalised.push(' ');
        }
        normalised.push_str(word);
    }
    format!(
        "{:032x}",
        xxhash_rust::xxh3::xxh3_128(normalised.as_bytes())
    )
}

/// A URL reduced to what identifies the page: no scheme, no `www.`, no
/// fragment, no tracking parameters, no trailing slash, host lower-cased.
pub fn url_key(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.split('#').next().unwrap_or_default();
    let (location, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = location.split_once('/').unwrap_or((location, ""));
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if host.is_empty() {
        return None;
    }
    let kept: Vec<&str> = query
        .split('&')
        .filter(|param| !param.is_empty() && !is_tracking(param))
        .collect();
    let mut key = format!("{host}/{}", path.trim_end_matches('/'));
    if key.ends_with('/') {
        key.pop();
    }
    if !kept.is_empty() {
        key.push('?');
        key.push_str(&kept.join("&"));
    }
    Some(key)
}

fn is_tracking(param: &str) -> bool {
    let name = param
        .split('=')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    name.starts_with("utm_") || matches!(name.as_str(), "fbclid" | "gclid" | "ocid" | "cmpid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_keys_ignore_scheme_www_fragment_tracking_and_trailing_slash() {
        let key = url_key("https://www.News.example.org/2025/04/x/?utm_source=feed&id=3#top");
        assert_eq!(key.as_deref(), Some("news.example.org/2025/04/x?id=3"));
        assert_eq!(
            url_key("http://news.example.org/2025/04/x"),
            url_key("https://news.example.org/2025/04/x/")
        );
        assert_ne!(
            url_key("https://news.example.org/a"),
            url_key("https://news.example.org/b")
        );
        assert_eq!(url_key("https:///nothing"), None);
    }

    #[test]
    fn content_hash_ignores_white_space_layout_only() {
        let a = content_hash("Talks resumed.\n\nBoth sides met in Doha.");
        let b = content_hash("  Talks resumed. Both sides\tmet in Doha.\n");
        assert_eq!(a, b);
        assert_ne!(a, content_hash("Talks resumed. Both sides met in Cairo."));
        assert_eq!(a.len(), 32);
    }
}
