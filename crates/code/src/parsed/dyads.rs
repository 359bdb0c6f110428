//! Step 6, expand dyads: every source with every target (or, for a
//! reciprocal act, every source with every other), agents given their
//! country, the place of the act, and the code refined by what the
//! sentence says (a meeting's place, the weapon, the victims).

use dateline_model::{DepRel, Event, EventCode, Location, LocationBasis, Participant};

use super::clause::Clause;
use super::framing::Framing;
use super::rejection::Rejection;
use super::rule_of;
use super::targets::Parties;
use crate::Coder;
use crate::KeepPolicy;
use crate::cues::Cue;
use crate::discourse::Article;
use crate::lexicon::Entry;
use crate::participants::{
    attacked_place, meeting_code, protested_place, visit_destination, with_nationality,
};

#[allow(clippy::too_many_arguments)]
pub fn events(
    coder: &Coder,
    clause: &Clause,
    word: usize,
    entry: &Entry,
    code: &EventCode,
    parties: Parties,
    framing: &Framing,
    article: &Article,
) -> Result<Vec<Event>, Rejection> {
    let sentence = clause.sentence;
    let Parties {
        sources,
        targets,
        reciprocal,
    } = with_countries(clause, parties);
    let anonymous = |p: &Participant| p.code.is_headless();
    if coder.config.anonymous == KeepPolicy::Drop
        && (sources.iter().all(anonymous) || (!targets.is_empty() && targets.iter().all(anonymous)))
    {
        return Err(Rejection::Anonymous);
    }
    if restates_coded_event(clause, word, &sources, article) {
        return Err(Rejection::RestatingParticiple);
    }
    let pairs = pairs(&sources, &targets, reciprocal);
    if pairs.is_empty() {
        return Err(Rejection::SameActor);
    }
    let location = location(clause, word);
    let clause_words = clause.subtree(
        clause
            .head(word)
            .filter(|_| entry.kind == crate::lexicon::WordKind::Noun)
            .unwrap_or(word),
    );
    let span_range = clause_words.first().copied().unwrap_or(word)
        ..clause_words.last().map_or(word + 1, |&last| last + 1);
    let events = pairs
        .into_iter()
        .map(|(source, target)| {
            let target = Some(target);
            let (target, destination) = visit_destination(sentence, code, target);
            let target = attacked_place(sentence, code, target);
            let target = protested_place(sentence, code, target);
            let location = location.clone().or(destination);
            let code = meeting_code(code, location.as_ref(), &source, target.as_ref())
                .unwrap_or_else(|| code.clone());
            let code = coder
                .refinements
                .refine(
                    &code,
                    sentence,
                    span_range.clone(),
                    &source,
                    target.as_ref(),
                )
                .unwrap_or(code);
            Event {
                segment: sentence.segment,
                source,
                target,
                code,
                trigger: sentence.token_span(word),
                negated: false,
                modality: framing.modality,
                attribution: framing.attribution.clone(),
                location,
                rule: rule_of(entry),
                issues: Vec::new(),
            }
        })
        .collect();
    Ok(events)
}

/// Agents with no country take the sentence's place, else their
/// counterpart's country, else the dateline's.
fn with_countries(clause: &Clause, parties: Parties) -> Parties {
    let sentence = clause.sentence;
    let counterpart = |others: &[Participant]| {
        others
            .iter()
            .filter(|p| !p.code.is_headless())
            .find_map(|p| p.country.clone())
    };
    let target_country = counterpart(&parties.targets);
    let source_country = counterpart(&parties.sources);
    Parties {
        sources: parties
            .sources
            .into_iter()
            .map(|p| with_nationality(sentence, p, target_country.as_deref()))
            .collect(),
        targets: parties
            .targets
            .into_iter()
            .map(|p| with_nationality(sentence, p, source_country.as_deref()))
            .collect(),
        reciprocal: parties.reciprocal,
    }
}

/// Distinct (source, target) pairs; a reciprocal act pairs the sources.
fn pairs(
    sources: &[Participant],
    targets: &[Participant],
    reciprocal: bool,
) -> Vec<(Participant, Participant)> {
    let targets = if reciprocal { sources } else { targets };
    let mut pairs: Vec<(Participant, Participant)> = Vec::new();
    for source in sources {
        for target in targets {
            let repeated = pairs
                .iter()
                .any(|(s, t)| s.code == source.code && t.code == target.code);
            if source.code != target.code && !repeated {
                pairs.push((source.clone(), target.clone()));
            }
        }
    }
    pairs
}

/// "..., killing nine soldiers": a participle clause that tells the toll
/// of an act its source was already coded with in this sentence.
fn restates_coded_event(
    clause: &Clause,
    word: usize,
    sources: &[Participant],
    article: &Article,
) -> bool {
    let participle = clause.rel(word) == DepRel::Advcl && clause.mark(word).is_none();
    participle
        && article.events.iter().any(|event| {
            event.segment == clause.sentence.segment
                && sources.iter().any(|s| s.code == event.source.code)
        })
}

/// A place phrase on the act ("in Nairobi", "near Kharkiv"): an oblique of
/// the trigger (or of the verb asserting an event noun) whose preposition
/// is locative and whose phrase names a place.
fn location(clause: &Clause, word: usize) -> Option<Location> {
    let sentence = clause.sentence;
    let anchors = std::iter::once(word).chain(clause.head(word));
    for anchor in anchors {
        for &child in clause.children(anchor) {
            let locative = matches!(clause.rel(child).universal(), DepRel::Obl | DepRel::Nmod)
                && clause
                    .syntax
                    .preposition(child)
                    .is_some_and(|p| clause.is(p, Cue::Locative));
            if !locative {
                continue;
            }
            let place = clause
                .subtree(child)
                .into_iter()
                .find_map(|w| sentence.place_at(w))
                .map(|m| &sentence.doc.mentions[m as usize]);
            if let Some(mention) = place
                && let Some(place) = mention.place.clone()
            {
                return Some(Location {
                    place,
                    span: Some(mention.span),
                    basis: LocationBasis::Sentence,
                });
            }
        }
    }
    None
}
