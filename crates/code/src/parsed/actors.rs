//! From argument words to actors: the mention that covers the word, or the
//! actor its phrase names ("Russian strikes": Russian; "Trump's order":
//! Trump), for each coordinated member ("Russia and China"), a pronoun's
//! antecedent, or a place standing for its country ("attacks on Kyiv").

use dateline_model::{ActorCode, DepRel, Participant, SegmentRef, Upos};
use dateline_parse::syntax::Syntax;

use super::clause::Clause;
use crate::cues::Cue;
use crate::participants::{from_mention, kind_matches, resolve_pronoun};

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
    out
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

/// Modifiers that say whose the phrase is: a possessor, a demonym, a
/// country compound, an "of" phrase, a name in apposition.
fn names_phrase_owner(clause: &Clause, child: usize) -> bool {
    match clause.rel(child) {
        DepRel::NmodPoss | DepRel::Amod | DepRel::Compound | DepRel::Flat | DepRel::Appos => true,
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
    let place = sentence.place_at(word)?;
    crate::participants::from_place(sentence.doc, place)
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

/// The subject of a verb of saying above `word` ("X said: 'I ...'").
fn speaker(clause: &Clause, word: usize) -> Option<u32> {
    clause
        .ancestors(word)
        .filter(|&w| clause.is(w, Cue::Say))
        .find_map(|verb| {
            clause
                .syntax
                .verb_group(verb)
                .subjects
                .iter()
                .find_map(|s| clause.sentence.actor_at(s.word))
        })
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
