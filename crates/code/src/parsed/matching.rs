//! Step 1, match: the words of a sentence that the lexicon knows as events,
//! with the entries that fit them (phrasal particles and multi-word nouns
//! checked against the sentence).

use dateline_model::{DepRel, Upos};

use super::clause::Clause;
use crate::cues::Cue;
use crate::lexicon::{Complement, Entry, EventLexicon, WordKind};

/// A word that may express an event, and the entries that fit it, most
/// specific first.
pub struct Trigger<'l> {
    pub word: usize,
    pub entries: Vec<&'l Entry>,
}

/// The triggers of a clause, heads before their dependents (so a frame
/// verb is coded before the act it embeds).
pub fn triggers<'l>(clause: &Clause, lexicon: &'l EventLexicon) -> Vec<Trigger<'l>> {
    let mut found: Vec<Trigger> = (0..clause.len())
        .filter_map(|word| trigger_at(clause, lexicon, word))
        .collect();
    found.sort_by_key(|trigger| (clause.ancestors(trigger.word).count(), trigger.word));
    found
}

fn trigger_at<'l>(clause: &Clause, lexicon: &'l EventLexicon, word: usize) -> Option<Trigger<'l>> {
    let kind = match clause.upos(word) {
        Upos::Verb => WordKind::Verb,
        Upos::Noun | Upos::Propn => WordKind::Noun,
        _ => return None,
    };
    // An auxiliary is no event, nor is a month's name ("last March").
    let month =
        kind == WordKind::Noun && clause.is(word, Cue::Month) && is_capitalised(clause, word);
    if month
        || matches!(
            clause.rel(word),
            DepRel::Aux | DepRel::AuxPass | DepRel::Cop
        )
    {
        return None;
    }
    let mut entries: Vec<&Entry> = lexicon
        .entries(clause.lemma(word), kind)
        .filter(|entry| fits(clause, word, entry))
        .collect();
    if entries.is_empty() {
        return None;
    }
    // More words spelled is more specific ("carry out" over "carry"), and
    // a row that needed a dependent beats the plain row of its word.
    entries.sort_by_key(|entry| {
        (
            std::cmp::Reverse(entry.words.len()),
            entry.flags.needs.is_empty() && entry.flags.complement.is_none(),
        )
    });
    Some(Trigger { word, entries })
}

fn is_capitalised(clause: &Clause, word: usize) -> bool {
    clause.sentence.text(word).starts_with(char::is_uppercase)
}

/// The entry's other words stand where they must, and a word it needs is
/// among the trigger's dependents.
fn fits(clause: &Clause, word: usize, entry: &Entry) -> bool {
    let spelled = match entry.kind {
        WordKind::Verb => particles_fit(clause, word, &entry.words[1..]),
        WordKind::Noun => phrase_fits(clause, word, entry),
    };
    spelled
        && needs_fit(clause, word, &entry.flags.needs)
        && entry
            .flags
            .complement
            .is_none_or(|Complement::Quoted| quoted_complement(clause, word))
}

/// "called the plan \"a sham\"": a complement (open clause, second object,
/// "as" phrase) that opens with a quotation mark, or, whatever the parser
/// made of the quoted words, a quotation that opens right after the
/// object's head ("called the move a \"smash and grab\"").
fn quoted_complement(clause: &Clause, verb: usize) -> bool {
    let objects: Vec<usize> = clause
        .children(verb)
        .iter()
        .copied()
        .filter(|&c| clause.rel(c) == DepRel::Obj)
        .collect();
    if objects.iter().any(|&object| quote_after(clause, object)) {
        return true;
    }
    let objects = objects.len();
    clause.children(verb).iter().any(|&child| {
        let complement = match clause.rel(child) {
            DepRel::Xcomp => true,
            DepRel::Obj => objects >= 2,
            DepRel::Obl | DepRel::Advcl => clause
                .preposition(child)
                .is_some_and(|preposition| Cue::As.matches(preposition)),
            _ => false,
        };
        let start = clause.subtree(child)[0];
        // The quote opens the complement, or follows its article
        // ("called the move a \"smash and grab\"").
        let quoted = start > 0 && is_quote(clause.form(start - 1).trim())
            || is_quote(clause.form(start))
            || clause.is(start, Cue::Article)
                && start + 1 < clause.len()
                && is_quote(clause.form(start + 1));
        complement && quoted
    })
}

/// A quotation mark right after `word`, or after an article that follows it.
fn quote_after(clause: &Clause, word: usize) -> bool {
    let next = word + 1;
    next < clause.len()
        && (is_quote(clause.form(next))
            || clause.is(next, Cue::Article)
                && next + 1 < clause.len()
                && is_quote(clause.form(next + 1)))
}

fn is_quote(form: &str) -> bool {
    matches!(form, "\"" | "“" | "”" | "'" | "‘" | "``" | "''")
}

/// "carry out": the particle is the verb's `compound:prt` child or the
/// word right after it.
fn particles_fit(clause: &Clause, verb: usize, particles: &[String]) -> bool {
    particles.iter().all(|particle| {
        clause.children(verb).iter().any(|&child| {
            clause.rel(child) == DepRel::CompoundPrt && clause.form(child) == particle
        }) || (verb + 1 < clause.len() && clause.form(verb + 1) == particle)
    })
}

/// "air strike", "state of emergency": the phrase's other words stand
/// around its head in order.
fn phrase_fits(clause: &Clause, head: usize, entry: &Entry) -> bool {
    let head_at = entry
        .words
        .iter()
        .position(|w| w == entry.head())
        .unwrap_or(0);
    let Some(start) = head.checked_sub(head_at) else {
        return false;
    };
    if start + entry.words.len() > clause.len() {
        return false;
    }
    entry.words.iter().enumerate().all(|(offset, word)| {
        let at = start + offset;
        at == head || clause.form(at) == word || clause.lemma(at) == word
    })
}

/// Words the entry needs among the trigger's dependents (and their
/// prepositions: "fire on" needs "on").
fn needs_fit(clause: &Clause, word: usize, needs: &[String]) -> bool {
    if needs.is_empty() {
        return true;
    }
    let has = |idx: usize| {
        needs
            .iter()
            .any(|n| n == clause.form(idx) || n == clause.lemma(idx))
    };
    clause.children(word).iter().any(|&child| {
        has(child)
            || clause
                .children(child)
                .iter()
                .any(|&grandchild| has(grandchild))
    })
}
