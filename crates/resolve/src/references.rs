//! References back to a reported event from later sentences of the same
//! article: "The call took place while Trump was in Florida", "his recent
//! discussion with Putin", "in connection with the killings".
//!
//! A sentence refers back to an earlier coded event E through a noun from
//! `data/resolve/event_nouns.tsv` when
//!
//! 1. the noun is a noun (by its tag) and not part of a name,
//! 2. E's code starts with one of the noun's code prefixes ("call" names
//!    041 only, "talks" any 04 code),
//! 3. the sentence has no coded event of its own that the noun could name
//!    (then the noun is that event's object: "held a phone conversation"),
//!    and no word such as "next", "new" or "another" shortly before the
//!    noun makes it a different event ("their next round of talks"),
//! 4. and either the sentence names E's source or target (an actor mention
//!    with a compatible code) better than any other candidate's, or the noun
//!    is definite ("the", "this", "his"...) and every candidate event agrees
//!    with E on source, target and code.
//!
//! Each sentence refers to an event at most once.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use dateline_model::{ActorCode, Doc, Event, Pos, SegmentRef, Span, TokenKind};

use crate::rule::actor_codes_compatible;

const EVENT_NOUNS_TSV: &str = include_str!("../../../data/resolve/event_nouns.tsv");

/// Words that make the noun after them definite.
const DEFINITE_WORDS: &[&str] = &[
    "the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
];

/// How far left of the noun its determiner may stand ("the recent phone call").
const MAX_MODIFIERS: usize = 3;

/// Words shortly before a noun that make it another event than one already
/// reported ("their next round of talks", "a new call").
const OTHER_EVENT_WORDS: &[&str] = &[
    "next",
    "new",
    "another",
    "further",
    "future",
    "upcoming",
    "planned",
    "possible",
    "potential",
    "fresh",
    "second",
    "third",
    "follow-up",
    "more",
];

/// How far left of the noun [`OTHER_EVENT_WORDS`] are looked for.
const OTHER_EVENT_WINDOW: usize = 4;

/// Nouns that name events, with the code prefixes each can name.
#[derive(Clone, Debug, Default)]
pub struct EventNouns {
    codes: HashMap<String, Vec<String>>,
}

/// A later sentence that refers to a coded event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// Index into `doc.events` of the event referred to.
    pub event: usize,
    /// Index into `doc.sentences` of the referring sentence.
    pub sentence: u32,
    /// The noun ("call").
    pub noun: Span,
    /// The mention of the event's source in the sentence, if named.
    pub source_span: Option<Span>,
    /// The mention of the event's target in the sentence, if named.
    pub target_span: Option<Span>,
    /// The lexicon form that matched, lower case.
    pub form: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("event_nouns.tsv:{line}: {message}")]
pub struct EventNounsError {
    pub line: usize,
    pub message: String,
}

impl EventNouns {
    /// The built-in list, parsed once.
    pub fn builtin() -> &'static EventNouns {
        static BUILTIN: LazyLock<EventNouns> = LazyLock::new(|| {
            EventNouns::parse(EVENT_NOUNS_TSV)
                .unwrap_or_else(|err| panic!("data/resolve/event_nouns.tsv is corrupt: {err}"))
        });
        &BUILTIN
    }

    /// Parses `form<TAB>codes<TAB>note` lines after a header; `#` starts a comment line.
    pub fn parse(tsv: &str) -> Result<EventNouns, EventNounsError> {
        let mut codes = HashMap::new();
        let rows = tsv
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
            .skip(1);
        for (line_idx, line) in rows {
            let error = |message: &str| EventNounsError {
                line: line_idx + 1,
                message: message.to_string(),
            };
            let mut fields = line.split('\t');
            let form = fields.next().unwrap_or_default().trim();
            let prefixes: Vec<String> = fields
                .next()
                .ok_or_else(|| error("expected form, codes and note"))?
                .split_whitespace()
                .map(str::to_string)
                .collect();
            let valid_prefix = |p: &String| p.len() >= 2 && p.bytes().all(|b| b.is_ascii_digit());
            if form.is_empty() || form.contains(' ') || form != form.to_lowercase() {
                return Err(error("the form must be one lower-case word"));
            }
            if prefixes.is_empty() || !prefixes.iter().all(valid_prefix) {
                return Err(error(
                    "codes must be CAMEO code prefixes of two or more digits",
                ));
            }
            codes.insert(form.to_string(), prefixes);
        }
        Ok(EventNouns { codes })
    }

    /// True when `form` can name an event coded `code`.
    pub fn names(&self, form: &str, code: &str) -> bool {
        self.codes.get(form).is_some_and(|prefixes| {
            prefixes
                .iter()
                .any(|prefix| code.starts_with(prefix.as_str()))
        })
    }

    pub fn contains(&self, form: &str) -> bool {
        self.codes.contains_key(form)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// Every reference back to a coded event in a tagged, recognised and coded document.
pub fn find_references(doc: &Doc, nouns: &EventNouns) -> Vec<Reference> {
    let mut references = Vec::new();
    let mut seen: HashSet<(usize, u32)> = HashSet::new();
    for (sentence_idx, sentence) in doc.sentences.iter().enumerate() {
        let sentence_idx = sentence_idx as u32;
        for token_idx in sentence.token_range() {
            let Some(reference) = reference_at(doc, nouns, sentence_idx, token_idx) else {
                continue;
            };
            if seen.insert((reference.event, sentence_idx)) {
                references.push(reference);
            }
        }
    }
    references
}

fn reference_at(
    doc: &Doc,
    nouns: &EventNouns,
    sentence_idx: u32,
    token_idx: usize,
) -> Option<Reference> {
    let token = doc.tokens[token_idx];
    if token.kind != TokenKind::Word || !is_noun(doc, token_idx) {
        return None;
    }
    let form = doc.text(token.span).to_lowercase();
    if !nouns.contains(&form) || inside_name(doc, token.span) || names_other_event(doc, token_idx) {
        return None;
    }
    let segment = SegmentRef::Sentence(sentence_idx);
    let names = |event: &Event| nouns.names(&form, event.code.as_str());
    if doc.events.iter().any(|e| e.segment == segment && names(e)) {
        return None;
    }
    let candidates: Vec<(usize, &Event)> = doc
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.segment, SegmentRef::Sentence(idx) if idx < sentence_idx))
        .filter(|(_, e)| names(e))
        .collect();
    let actors = sentence_actors(doc, segment);
    let chosen = by_participants(&candidates, &actors)
        .or_else(|| by_definite_noun(doc, token_idx, &candidates))?;
    let event = &doc.events[chosen];
    Some(Reference {
        event: chosen,
        sentence: sentence_idx,
        noun: token.span,
        source_span: named(&actors, &event.source.code),
        target_span: event.target.as_ref().and_then(|t| named(&actors, &t.code)),
        form,
    })
}

/// The candidate whose participants the sentence names most, if one names
/// more than every other.
fn by_participants(candidates: &[(usize, &Event)], actors: &[(Span, &ActorCode)]) -> Option<usize> {
    let score = |event: &Event| {
        let source = named(actors, &event.source.code).is_some();
        let target = event
            .target
            .as_ref()
            .is_some_and(|t| named(actors, &t.code).is_some());
        usize::from(source) + usize::from(target)
    };
    let mut scored: Vec<(usize, usize)> =
        candidates.iter().map(|&(idx, e)| (score(e), idx)).collect();
    scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    match scored.as_slice() {
        [(best, idx), rest @ ..] if *best > 0 && rest.iter().all(|(s, _)| s < best) => Some(*idx),
        _ => None,
    }
}

/// With a definite noun and no participant named, the earliest candidate,
/// provided every candidate is the same source, target and code.
fn by_definite_noun(doc: &Doc, token_idx: usize, candidates: &[(usize, &Event)]) -> Option<usize> {
    let (first_idx, first) = *candidates.first()?;
    let key = |e: &Event| {
        (
            e.source.code.clone(),
            e.target.as_ref().map(|t| t.code.clone()),
            e.code.clone(),
        )
    };
    let all_same = candidates.iter().all(|(_, e)| key(e) == key(first));
    (all_same && is_definite(doc, token_idx)).then_some(first_idx)
}

/// True when "next", "new", "another"... stands shortly before the noun.
fn names_other_event(doc: &Doc, token_idx: usize) -> bool {
    let start = token_idx.saturating_sub(OTHER_EVENT_WINDOW);
    doc.tokens[start..token_idx].iter().any(|token| {
        let word = doc.text(token.span).to_lowercase();
        OTHER_EVENT_WORDS.contains(&word.as_str())
    })
}

fn is_noun(doc: &Doc, token_idx: usize) -> bool {
    // Untagged documents cannot tell "the call" from "call on"; take no chance.
    doc.tags.get(token_idx).is_some_and(|pos| pos.is_noun())
}

fn inside_name(doc: &Doc, span: Span) -> bool {
    doc.mentions.iter().any(|m| m.span.contains(span))
}

/// The actor mentions of a sentence with their codes.
fn sentence_actors(doc: &Doc, segment: SegmentRef) -> Vec<(Span, &ActorCode)> {
    doc.mentions
        .iter()
        .filter(|m| m.segment == segment)
        .filter_map(|m| Some((m.span, &m.actor.as_ref()?.code)))
        .collect()
}

fn named(actors: &[(Span, &ActorCode)], code: &ActorCode) -> Option<Span> {
    actors
        .iter()
        .find(|(_, mention)| actor_codes_compatible(mention, code))
        .map(|(span, _)| *span)
}

/// True when a determiner or possessive stands before the noun, past at most
/// a few modifiers ("the Trump-Putin call", "his recent discussion").
fn is_definite(doc: &Doc, token_idx: usize) -> bool {
    let start = token_idx.saturating_sub(MAX_MODIFIERS + 1);
    for idx in (start..token_idx).rev() {
        let word = doc.text(doc.tokens[idx].span).to_lowercase();
        if DEFINITE_WORDS.contains(&word.as_str()) {
            return true;
        }
        let pos = doc.tags.get(idx).copied();
        let modifier = pos.is_some_and(|p| {
            p.is_noun()
                || p.is_adjective()
                || matches!(p, Pos::PossessiveEnding | Pos::Vbn | Pos::Cd)
        });
        if !modifier {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_list_parses_and_names_codes() {
        let nouns = EventNouns::builtin();
        assert!(nouns.len() > 30);
        assert!(nouns.names("call", "041"));
        assert!(
            !nouns.names("call", "040"),
            "an unspecified consultation need not be a call"
        );
        assert!(nouns.names("talks", "042"));
        assert!(nouns.names("killings", "1831"));
        assert!(!nouns.names("killings", "173"));
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let err = EventNouns::parse("form\tcodes\tnote\ncall\t041\tok\nPhone Call\t041\tx\n")
            .unwrap_err();
        assert_eq!(err.line, 3);
        let err = EventNouns::parse("form\tcodes\tnote\ncall\t4x\tbad\n").unwrap_err();
        assert_eq!(err.line, 2);
    }
}
