//! From argument words to actors: the mention that covers the word, or the
//! actor its phrase names ("Russian strikes": Russian; "Trump's order":
//! Trump), for each coordinated member ("Russia and China"), a pronoun's
//! antecedent, or a place standing for its country ("attacks on Kyiv").

use dateline_model::{ActorCode, DepRel, Participant, Upos};

use super::clause::Clause;
use crate::participants::{from_mention, resolve_pronoun};

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
                    Some(participant) => found.push(participant),
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
        DepRel::Nmod => matches!(clause.preposition(child), Some("of" | "from")),
        _ => false,
    }
}

/// The actor (or place's country) covering one word, or a pronoun's antecedent.
fn at_word(clause: &Clause, word: usize, exclude: &[ActorCode]) -> Option<Participant> {
    let sentence = clause.sentence;
    if let Some(mention) = sentence.actor_at(word) {
        return from_mention(sentence.doc, mention);
    }
    if clause.upos(word) == Upos::Pron
        && let Some(kind) = sentence.pronoun(word)
    {
        let antecedent = resolve_pronoun(sentence, word, kind, exclude)?;
        let mut participant = from_mention(sentence.doc, antecedent)?;
        // The evidence is the pronoun; the identity is its antecedent.
        participant.span = Some(sentence.token_span(word));
        return Some(participant);
    }
    let place = sentence.place_at(word)?;
    crate::participants::from_place(sentence.doc, place)
}
