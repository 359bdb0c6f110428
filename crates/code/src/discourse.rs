//! Article-level coding: targets from context, headings that repeat the
//! body, places given later for an event ("The call took place in Florida"),
//! and fallback locations.

use dateline_model::{
    ActorCode, Doc, Event, EventCode, Location, LocationBasis, Participant, PlaceRef, QuadClass,
    SegmentRef, Span,
};
use rustc_hash::FxHashMap;

use crate::clause::Clauses;
use crate::cues::{Cue, Cues};
use crate::parsed::Rejection;
use crate::participants::from_mention;
use crate::sentence::{DocIndex, Sentence};

/// The events coded so far in one article.
#[derive(Debug, Default)]
pub struct Article {
    pub events: Vec<Event>,
    /// Triggers the parse engine read as not asserted (negated, modal,
    /// background, not done), with the reason: with both engines, the
    /// patterns engine does not code them either, since its token windows
    /// see less of the clause than the parse does.
    pub not_asserted: Vec<(Span, Rejection)>,
}

impl Article {
    /// Why the parse engine read the act at `trigger` as not asserted.
    pub fn not_asserted_at(&self, trigger: Span) -> Option<&Rejection> {
        self.not_asserted
            .iter()
            .find(|(span, _)| span.overlaps(trigger))
            .map(|(_, reason)| reason)
    }

    /// True when an event with the same source, target and code was coded
    /// in the same segment.
    pub fn repeats_in_segment(&self, event: &Event) -> bool {
        let target = |e: &Event| e.target.as_ref().map(|t| t.code.clone());
        self.events.iter().any(|e| {
            e.segment == event.segment
                && e.source.code == event.source.code
                && target(e) == target(event)
                && e.code == event.code
        })
    }
}

/// A target for an action whose pattern leaves it out ("Trump expressed
/// interest in follow-up talks"): the one other actor in the sentence, else
/// the target of this source's most recent event in the article.
pub fn implicit_target(
    sentence: &Sentence,
    article: &Article,
    source: &Participant,
    matched: Span,
    attribution: Option<Span>,
    code: &EventCode,
) -> Option<(Participant, String)> {
    let doc = sentence.doc;
    let mut others: Vec<Participant> = Vec::new();
    for &mention_idx in sentence.mentions() {
        let mention = &doc.mentions[mention_idx as usize];
        // An agent with no country, or an adjective ("the North American
        // trade pact"), is too weak to be a context target.
        let anonymous = mention.actor.as_ref().is_none_or(|a| a.code.is_headless())
            || mention.resolution == dateline_model::Resolution::Demonym;
        // The speaker credited for the report is not a party to the act.
        let speaker = attribution.is_some_and(|span| span.overlaps(mention.span));
        // "ministers meet in Belgium": the venue of a meeting is no party;
        // the theatre of fighting ("high in Ukraine, with Russia continuing
        // its offensive") is.
        let start = sentence.mention_range(mention_idx).start;
        let located = start > 0
            && sentence.is(start - 1, Cue::Locative)
            && mention.place.is_some()
            && code.quad_class() != Some(QuadClass::MaterialConflict);
        let speaker = speaker || located;
        if anonymous || speaker || mention.span.overlaps(matched) {
            continue;
        }
        let Some(participant) = from_mention(doc, mention_idx) else {
            continue;
        };
        let new =
            participant.code != source.code && !others.iter().any(|o| o.code == participant.code);
        if new {
            others.push(participant);
        }
    }
    if let [only] = others.as_slice() {
        let why = format!(
            "target from context: the only other actor in the sentence ({})",
            only.code
        );
        return Some((only.clone(), why));
    }
    let previous = article
        .events
        .iter()
        .rev()
        .find(|event| event.source.code == source.code && event.target.is_some())?;
    let target = previous.target.clone()?;
    let why = format!(
        "target from context: {}'s most recent event in the article was with {}",
        source.code, target.code
    );
    Some((target, why))
}

/// Drops heading events whose actors already act together in the body with
/// the same root code: a heading restates its story.
pub fn drop_repeated_headings(events: &mut Vec<Event>) {
    let body: Vec<(ActorCode, Option<ActorCode>, String)> = events
        .iter()
        .filter(|e| matches!(e.segment, SegmentRef::Sentence(_)))
        .map(|e| {
            (
                e.source.code.clone(),
                e.target.as_ref().map(|t| t.code.clone()),
                e.code.root().to_string(),
            )
        })
        .collect();
    let involved = |code: &ActorCode, root: &str| {
        body.iter()
            .any(|(s, t, r)| r == root && (s == code || t.as_ref() == Some(code)))
    };
    events.retain(|event| {
        let SegmentRef::Heading(_) = event.segment else {
            return true;
        };
        let root = event.code.root();
        let target_seen = event
            .target
            .as_ref()
            .is_none_or(|t| involved(&t.code, root));
        !(involved(&event.source.code, root) && target_seen)
    });
}

/// "The phone call took place while Trump was at his resort in Florida":
/// a definite event noun as subject of a happening verb, with a place,
/// locates the latest earlier event of that kind.
pub fn locate_from_later_sentences(
    doc: &Doc,
    index: &DocIndex,
    cues: &Cues,
    dictionary: &crate::dictionary::VerbDictionary,
    events: &mut [Event],
) {
    for sentence_idx in 0..doc.sentences.len() {
        let segment = SegmentRef::Sentence(sentence_idx as u32);
        if !may_locate_an_earlier_event(doc, index, sentence_idx) {
            continue;
        }
        let sentence = Sentence::new(doc, segment, index, dictionary, cues);
        let Some((roots, place)) = event_noun_with_place(&sentence, cues) else {
            continue;
        };
        let antecedent = events.iter_mut().rev().find(|event| {
            matches!(event.segment, SegmentRef::Sentence(idx) if idx < sentence_idx as u32)
                && roots.iter().any(|root| root == event.code.root())
        });
        if let Some(event) = antecedent
            && event
                .location
                .as_ref()
                .is_none_or(|l| l.basis != LocationBasis::Sentence)
        {
            event.location = Some(place);
        }
    }
}

/// A cheap check before the full analysis: the sentence opens with a
/// definite word and names a place.
fn may_locate_an_earlier_event(doc: &Doc, index: &DocIndex, sentence_idx: usize) -> bool {
    let sentence = &doc.sentences[sentence_idx];
    let Some(first) = doc.segment_tokens(sentence).first() else {
        return false;
    };
    let first = doc.text(first.span).to_lowercase();
    let definite = Cue::DefiniteOpener.matches(&first);
    definite
        && index
            .mentions_in(SegmentRef::Sentence(sentence_idx as u32))
            .iter()
            .any(|&m| doc.mentions[m as usize].place.is_some())
}

fn event_noun_with_place(sentence: &Sentence, cues: &Cues) -> Option<(Vec<String>, Location)> {
    let clauses = Clauses::analyse(sentence);
    let group = clauses.groups.iter().find(|g| g.finite)?;
    if !sentence.is(group.main, Cue::PlaceVerb) {
        return None;
    }
    // The subject: "The (phone) call", "The meeting", "Their talks".
    let definite = sentence.is(0, Cue::DefiniteOpener);
    if !definite {
        return None;
    }
    let roots: Vec<String> = (1..group.start)
        .flat_map(|idx| cues.event_noun_roots(sentence.form(idx)).to_vec())
        .collect();
    if roots.is_empty() {
        return None;
    }
    let place_token = (group.end + 1..sentence.len())
        .find(|&idx| sentence.place_at(idx).is_some() && sentence.is(idx - 1, Cue::Locative))?;
    let mention_idx = sentence.place_at(place_token)?;
    let mention = &sentence.doc.mentions[mention_idx as usize];
    Some((
        roots,
        Location {
            place: mention.place.clone()?,
            span: Some(mention.span),
            basis: LocationBasis::Sentence,
        },
    ))
}

/// Events with no place of their own take the dateline's, else the place of
/// the article's leading focus country.
pub fn fill_fallback_locations(
    doc: &Doc,
    country_places: &FxHashMap<String, PlaceRef>,
    events: &mut [Event],
) {
    let fallback = doc
        .dateline
        .clone()
        .map(|place| (place, LocationBasis::Dateline))
        .or_else(|| {
            let focus = doc.focus.first()?;
            Some((
                country_places.get(&focus.country)?.clone(),
                LocationBasis::Focus,
            ))
        });
    let Some((place, basis)) = fallback else {
        return;
    };
    for event in events.iter_mut().filter(|e| e.location.is_none()) {
        event.location = Some(Location {
            place: place.clone(),
            span: None,
            basis,
        });
    }
}
