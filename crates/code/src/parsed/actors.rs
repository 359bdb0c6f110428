//! From argument words to actors: the mention that covers the word, or the
//! actor its phrase names ("Russian strikes": Russian; "Trump's order":
//! Trump), for each coordinated member ("Russia and China"), a pronoun's
//! antecedent, or a place standing for its country ("attacks on Kyiv").

use dateline_model::{ActorCode, DepRel, Participant, SegmentRef, Upos};
use dateline_parse::syntax::Syntax;

use super::clause::{Clause, quotation_open};
use crate::cues::Cue;
use crate::participants::{from_mention, kind_matches, resolve_definite, resolve_pronoun};

/// How deep into a phrase to look for the actor it names.
const PHRASE_DEPTH: usize = 2;

/// The participants an argument word stands for, in order, without repeats.
pub fn participants(clause: &Clause, word: usize, exclude: &[ActorCode]) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::new();
    for member in members(clause, word) {
        for participant in of_phrase(clause, member, exclude) {
            if !out
                .iter()
                .any(|p| p.code == participant.code && p.span == participant.span)
            {
                out.push(participant);
            }
        }
    }
    without_bare_owners(out)
}

/// One phrase that names a country and that country's own actor ("the
/// Iranian airline Mahan Air", "United States District Judge X") names one
/// party, the more specific.
fn without_bare_owners(mut participants: Vec<Participant>) -> Vec<Participant> {
    let specific: Vec<String> = participants
        .iter()
        .filter(|p| !p.code.is_bare())
        .map(|p| p.code.head().to_string())
        .collect();
    participants.retain(|p| !(p.code.is_bare() && specific.iter().any(|h| h == p.code.head())));
    participants
}

/// `word` and the words coordinated with it ("Russia, China and Iran").
fn members(clause: &Clause, word: usize) -> Vec<usize> {
    let mut members = vec![word];
    let mut next = 0;
    while next < members.len() {
        let current = members[next];
        for &child in clause.children(current) {
            if clause.rel(child) == DepRel::Conj && !members.contains(&child) {
                members.push(child);
            }
        }
        next += 1;
    }
    members
}

/// The actor one noun phrase names.
fn of_phrase(clause: &Clause, head: usize, exclude: &[ActorCode]) -> Vec<Participant> {
    if let Some(participant) = at_word(clause, head, exclude) {
        if participant.code.is_headless() {
            let owned = owned_agents(clause, head, &participant);
            if !owned.is_empty() {
                return owned;
            }
        }
        return vec![participant];
    }
    let mut frontier = vec![head];
    for _ in 0..PHRASE_DEPTH {
        let mut found = Vec::new();
        let mut deeper = Vec::new();
        for &word in &frontier {
            for &child in clause.children(word) {
                if !names_phrase_owner(clause, child) {
                    continue;
                }
                match at_word(clause, child, exclude) {
                    // "the delegations of Cyprus, Greece and Israel".
                    Some(_) => found.extend(
                        members(clause, child)
                            .into_iter()
                            .filter_map(|member| at_word(clause, member, exclude)),
                    ),
                    None => deeper.push(child),
                }
            }
        }
        if !found.is_empty() {
            return found;
        }
        frontier = deeper;
    }
    Vec::new()
}

/// An agent of no country whose phrase names its owners: "the delegations
/// of Cyprus, Greece and Israel" are each country's.
fn owned_agents(clause: &Clause, head: usize, agent: &Participant) -> Vec<Participant> {
    let owners = clause
        .children(head)
        .iter()
        .filter(|&&child| names_phrase_owner(clause, child))
        .flat_map(|&child| members(clause, child))
        .filter_map(|member| at_word(clause, member, &[]));
    owners
        .filter_map(|owner| {
            let code = agent.code.with_head(owner.code.head()).ok()?;
            Some(Participant {
                code,
                name: agent.name.clone(),
                ..owner
            })
        })
        .collect()
}

/// Modifiers that say whose the phrase is: a possessor, a demonym, a
/// country compound, an "of" phrase, a name in apposition, a title before
/// a name ("opposition leader Jawar Mohammed": `nmod:desc` in UD 2.15).
fn names_phrase_owner(clause: &Clause, child: usize) -> bool {
    match clause.rel(child) {
        DepRel::NmodPoss
        | DepRel::Amod
        | DepRel::Compound
        | DepRel::Flat
        | DepRel::Appos
        | DepRel::NmodDesc => true,
        DepRel::Nmod => clause
            .preposition(child)
            .is_some_and(|preposition| Cue::OwnerPreposition.matches(preposition)),
        _ => false,
    }
}

/// The actor (or place's country) covering one word, or a pronoun's antecedent.
fn at_word(clause: &Clause, word: usize, exclude: &[ActorCode]) -> Option<Participant> {
    let sentence = clause.sentence;
    if let Some(mention) = sentence.actor_at(word) {
        return from_mention(sentence.doc, mention);
    }
    if clause.upos(word) == Upos::Pron {
        let antecedent = pronoun_antecedent(clause, word, exclude)?;
        let mut participant = from_mention(sentence.doc, antecedent)?;
        // The evidence is the pronoun; the identity is its antecedent.
        participant.span = Some(sentence.token_span(word));
        return Some(participant);
    }
    if let Some(place) = sentence.place_at(word) {
        return crate::participants::from_place(sentence.doc, place);
    }
    let antecedent = bare_definite(clause, word)
        .then(|| resolve_definite(sentence, word, clause.lemma(word), exclude))
        .flatten()?;
    let mut participant = from_mention(sentence.doc, antecedent)?;
    participant.span = Some(sentence.token_span(word));
    Some(participant)
}

/// "the party", "the embassy": a common noun with "the" and no modifier
/// of its own, so that it can only mean one named before.
fn bare_definite(clause: &Clause, word: usize) -> bool {
    let children = clause.children(word);
    clause.upos(word) == Upos::Noun
        && children
            .iter()
            .any(|&c| clause.rel(c) == DepRel::Det && clause.is(c, Cue::Definite))
        && children
            .iter()
            .all(|&c| matches!(clause.rel(c), DepRel::Det | DepRel::Punct | DepRel::Case))
}

/// A pronoun's antecedent, most salient first: for "I" and "we", the speaker
/// whose words they are ("Sanders said: 'I am asking ...'"); for third
/// persons, the subject of a clause above the pronoun's ("Mitsotakis met
/// Trump, where he denounced ..."), else the one compatible actor before
/// it, else the subject of the previous sentence.
fn pronoun_antecedent(clause: &Clause, word: usize, exclude: &[ActorCode]) -> Option<u32> {
    if clause.is(word, Cue::FirstPerson) {
        return speaker(clause, word);
    }
    let kind = clause.sentence.pronoun(word)?;
    let compatible = |mention: u32| {
        let actor = clause.sentence.doc.mentions[mention as usize]
            .actor
            .as_ref();
        actor.is_some_and(|a| kind_matches(kind, a.kind) && !exclude.contains(&a.code))
    };
    subject_above(clause, word)
        .filter(|&m| compatible(m))
        .or_else(|| resolve_pronoun(clause.sentence, word, kind, exclude))
        .or_else(|| previous_subject(clause).filter(|&m| compatible(m)))
}

/// The actor subject of the nearest clause above `word`'s own.
fn subject_above(clause: &Clause, word: usize) -> Option<u32> {
    let own = clause.syntax.governing_verb(word)?;
    clause
        .ancestors(own)
        .skip(1)
        .filter(|&w| clause.syntax.is_predicate(w))
        .find_map(|predicate| {
            clause
                .syntax
                .verb_group(predicate)
                .subjects
                .iter()
                .find_map(|s| clause.sentence.actor_at(s.word))
        })
}

/// Whose words "I" and "we" are: the actor subject of the nearest verb
/// above `word` that introduces it, a verb of saying ("X said: 'I ...'")
/// or, for a pronoun inside quotation marks, any verb outside them ("X
/// responded on Twitter: 'I reject ...'"); for a sentence inside a
/// quotation opened earlier, the previous sentence's speaker.
fn speaker(clause: &Clause, word: usize) -> Option<u32> {
    let quoted = clause.in_quotation(word);
    let introduces =
        |verb: usize| clause.is(verb, Cue::Say) || quoted && !clause.in_quotation(verb);
    clause
        .ancestors(word)
        .skip(1)
        .filter(|&verb| clause.syntax.is_predicate(verb) && introduces(verb))
        .find_map(|verb| {
            clause
                .syntax
                .verb_group(verb)
                .subjects
                .iter()
                .find_map(|s| clause.sentence.actor_at(s.word))
        })
        .or_else(|| {
            quotation_continues(clause)
                .then(|| previous_subject(clause))
                .flatten()
        })
}

/// The sentence goes on with a quotation the previous one left open.
fn quotation_continues(clause: &Clause) -> bool {
    let sentence = clause.sentence;
    let SegmentRef::Sentence(idx) = sentence.segment else {
        return false;
    };
    let Some(previous) = idx
        .checked_sub(1)
        .and_then(|p| sentence.doc.sentences.get(p as usize))
    else {
        return false;
    };
    let doc = sentence.doc;
    quotation_open(
        doc.segment_tokens(previous)
            .iter()
            .map(|t| doc.text(t.span)),
    )
}

/// The actor subject of the previous sentence's main clause.
fn previous_subject(clause: &Clause) -> Option<u32> {
    let sentence = clause.sentence;
    let SegmentRef::Sentence(idx) = sentence.segment else {
        return None;
    };
    let previous = sentence.doc.sentences.get(idx.checked_sub(1)? as usize)?;
    let syntax = Syntax::of_segment(sentence.doc, previous)?;
    let first = previous.tokens.start;
    let root = syntax.roots().next()?;
    let mentions = sentence.index.mentions_in(SegmentRef::Sentence(idx - 1));
    syntax.verb_group(root).subjects.iter().find_map(|subject| {
        let token = first + subject.word as u32;
        mentions.iter().copied().find(|&m| {
            let mention = &sentence.doc.mentions[m as usize];
            mention.actor.is_some() && mention.tokens.contains(&token)
        })
    })
}
