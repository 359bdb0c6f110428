//! Matching a pattern at a trigger token.
//!
//! Patterns are flattened into variants (every choice and optional group
//! resolved) when the dictionary loads, so matching is a linear walk with
//! filler words allowed between pattern words and a small search for `^`.

use crate::dictionary::{Flat, Variant};
use crate::sentence::Sentence;
use crate::slots::{Fill, fill_slot};

/// How far a pattern word may sit from the previous one (filler words between).
const MAX_FILLERS: usize = 4;
/// How many tokens `^` may skip.
const MAX_SKIP: usize = 4;

/// A successful match of one pattern variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// One past the last token the match used.
    pub end: usize,
    /// Tokens matched by pattern words (evidence, and blocked for other triggers).
    pub words: Vec<usize>,
    pub source: Option<Fill>,
    pub target: Option<Fill>,
}

/// Matches `elements` starting right after the trigger at `trigger`.
pub fn match_after(sentence: &Sentence, elements: &[Flat], trigger: usize) -> Option<Match> {
    let start = Match {
        end: trigger + 1,
        words: vec![trigger],
        source: None,
        target: None,
    };
    match_from(sentence, elements, start)
}

fn match_from(sentence: &Sentence, elements: &[Flat], state: Match) -> Option<Match> {
    let Some((element, rest)) = elements.split_first() else {
        return Some(state);
    };
    match element {
        Flat::Word(lemma) => {
            let at = next_with(sentence, state.end, |idx| sentence.has_lemma(idx, *lemma))?;
            let mut next = state;
            next.words.push(at);
            next.end = at + 1;
            match_from(sentence, rest, next)
        }
        Flat::Source | Flat::Target => {
            let at = skip_fillers(sentence, state.end)?;
            let (fill, end) = fill_slot(sentence, at)?;
            let mut next = state;
            next.end = end;
            if matches!(element, Flat::Source) {
                next.source = Some(fill);
            } else {
                next.target = Some(fill);
            }
            match_from(sentence, rest, next)
        }
        Flat::Skip => (0..=MAX_SKIP).find_map(|skipped| {
            let end = state.end + skipped;
            let crosses_boundary =
                (state.end..end).any(|idx| idx >= sentence.len() || sentence.is_hard_boundary(idx));
            if crosses_boundary {
                return None;
            }
            let mut next = state.clone();
            next.end = end;
            match_from(sentence, rest, next)
        }),
    }
}

/// The first token at or after `from` satisfying `wanted`, with only filler
/// words before it.
fn next_with(sentence: &Sentence, from: usize, wanted: impl Fn(usize) -> bool) -> Option<usize> {
    let mut idx = from;
    while idx < sentence.len() && idx <= from + MAX_FILLERS {
        if wanted(idx) {
            return Some(idx);
        }
        if !sentence.is_filler(idx) {
            return None;
        }
        idx += 1;
    }
    None
}

/// Skips determiners and adjectives before a slot ("the", "its",
/// "neighbouring"), but never an actor.
fn skip_fillers(sentence: &Sentence, from: usize) -> Option<usize> {
    next_with(sentence, from, |idx| {
        sentence.actor_at(idx).is_some()
            || sentence.place_at(idx).is_some()
            || !sentence.is_filler(idx)
    })
}

/// How specific a variant is: more pattern words win.
pub fn specificity(variant: &Variant) -> usize {
    variant
        .elements
        .iter()
        .filter(|e| matches!(e, Flat::Word(_)))
        .count()
}
