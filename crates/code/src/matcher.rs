//! Matching a pattern around its trigger token.
//!
//! Patterns are flattened into variants (every choice and optional group
//! resolved) when the dictionary loads, so matching is a linear walk: right
//! from the trigger for the elements after it, left for those before it.
//! Between pattern words the walk skips filler words (Dateline patterns) or
//! any words inside the clause (PETRARCH patterns); `a_b` words must touch.

use crate::dictionary::{Flat, Gaps};
use crate::sentence::Sentence;
use crate::slots::{Fill, each_other_at, fill_slot, fill_slot_left};

/// How far a pattern word may sit from the previous one with filler words between.
const MAX_FILLERS: usize = 4;
/// How far apart pattern words may be when any words may stand between.
const MAX_ANY_GAP: usize = 12;
/// How many tokens `^` may skip.
const MAX_SKIP: usize = 4;

/// A successful match of one pattern variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The first token the match used.
    pub start: usize,
    /// One past the last token the match used.
    pub end: usize,
    /// Tokens matched by pattern words (evidence, and blocked for other triggers).
    pub words: Vec<usize>,
    pub source: Option<Fill>,
    pub target: Option<Fill>,
    /// A `%` group whose members act on each other.
    pub compound: Option<Fill>,
}

impl Match {
    fn at(trigger: usize) -> Match {
        Match {
            start: trigger,
            end: trigger + 1,
            words: vec![trigger],
            source: None,
            target: None,
            compound: None,
        }
    }

    fn set_slot(&mut self, slot: Flat, fill: Fill) {
        match slot {
            Flat::Source => self.source = Some(fill),
            Flat::Target => self.target = Some(fill),
            _ => self.compound = Some(fill),
        }
    }
}

/// Matches `before` (leftwards) and `after` (rightwards) around `trigger`.
pub fn match_pattern(
    sentence: &Sentence,
    before: &[Flat],
    after: &[Flat],
    trigger: usize,
    gaps: Gaps,
) -> Option<Match> {
    let state = match_right(sentence, after, Match::at(trigger), gaps)?;
    match_left(sentence, before, state, gaps, false)
}

/// Like [`match_pattern`], with the elements after the trigger matched from
/// token `from` on: a passive verb's "by" agent stands between the verb and
/// the rest of its pattern ("was received by Biden at the White House").
pub fn match_pattern_from(
    sentence: &Sentence,
    before: &[Flat],
    after: &[Flat],
    trigger: usize,
    from: usize,
    gaps: Gaps,
) -> Option<Match> {
    let mut start = Match::at(trigger);
    start.end = from;
    let state = match_right(sentence, after, start, gaps)?;
    match_left(sentence, before, state, gaps, false)
}

fn match_right(sentence: &Sentence, elements: &[Flat], state: Match, gaps: Gaps) -> Option<Match> {
    let Some((element, rest)) = elements.split_first() else {
        return Some(state);
    };
    match *element {
        Flat::Word(lemma, adjacent) => {
            let at = next_with(sentence, state.end, gaps, adjacent, |idx| {
                sentence.has_lemma(idx, lemma)
            })?;
            let mut next = state;
            next.words.push(at);
            next.end = at + 1;
            match_right(sentence, rest, next, gaps)
        }
        slot @ (Flat::Source | Flat::Target | Flat::Compound) => {
            let at = next_with(sentence, state.end, gaps, false, |idx| {
                slot_starts(sentence, idx)
            })?;
            // "one another" is no quantity.
            let at = if each_other_at(sentence, at) {
                at
            } else {
                skip_quantity(sentence, at)
            };
            let (fill, end) = fill_slot(sentence, at)?;
            if slot == Flat::Compound && !fill.is_group() {
                return None;
            }
            let mut next = state;
            next.end = end;
            next.set_slot(slot, fill);
            match_right(sentence, rest, next, gaps)
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
            match_right(sentence, rest, next, gaps)
        }),
    }
}

/// Matches elements before the trigger, last element first, walking left;
/// `must_touch` when the element to the right was joined to this one (`a_b`).
fn match_left(
    sentence: &Sentence,
    elements: &[Flat],
    state: Match,
    gaps: Gaps,
    must_touch: bool,
) -> Option<Match> {
    let Some((element, rest)) = elements.split_last() else {
        return Some(state);
    };
    match *element {
        Flat::Word(lemma, joined_left) => {
            let at = prev_with(sentence, state.start, gaps, must_touch, |idx| {
                sentence.has_lemma(idx, lemma)
            })?;
            let mut next = state;
            next.words.push(at);
            next.start = at;
            match_left(sentence, rest, next, gaps, joined_left)
        }
        slot @ (Flat::Source | Flat::Target | Flat::Compound) => {
            let at = prev_with(sentence, state.start, gaps, false, |idx| {
                sentence.actor_at(idx).is_some()
            })?;
            let (fill, start) = fill_slot_left(sentence, at)?;
            if slot == Flat::Compound && !fill.is_group() {
                return None;
            }
            let mut next = state;
            next.start = start;
            next.set_slot(slot, fill);
            match_left(sentence, rest, next, gaps, false)
        }
        Flat::Skip => (0..=MAX_SKIP).find_map(|skipped| {
            let start = state.start.checked_sub(skipped)?;
            if (start..state.start).any(|idx| sentence.is_hard_boundary(idx)) {
                return None;
            }
            let mut next = state.clone();
            next.start = start;
            match_left(sentence, rest, next, gaps, false)
        }),
    }
}

/// "killed at least 30 villagers": moves past a quantity to the counted
/// noun phrase (its fillers included).
pub fn skip_quantity(sentence: &Sentence, at: usize) -> usize {
    let mut idx = at;
    while idx < sentence.len()
        && sentence.actor_at(idx).is_none()
        && (sentence.is_quantity(idx) || (idx > at && sentence.is_filler(idx)))
    {
        idx += 1;
    }
    if idx < sentence.len() && idx > at {
        idx
    } else {
        at
    }
}

/// Tokens a slot may start on.
fn slot_starts(sentence: &Sentence, idx: usize) -> bool {
    sentence.actor_at(idx).is_some()
        || sentence.place_at(idx).is_some()
        || !sentence.is_filler(idx)
        || each_other_at(sentence, idx)
}

/// The first token at or after `from` satisfying `wanted`, with only the
/// gap words `gaps` allows before it.
fn next_with(
    sentence: &Sentence,
    from: usize,
    gaps: Gaps,
    adjacent: bool,
    wanted: impl Fn(usize) -> bool,
) -> Option<usize> {
    let reach = if adjacent { 0 } else { max_gap(gaps) };
    let mut idx = from;
    while idx < sentence.len() && idx <= from + reach {
        if wanted(idx) {
            return Some(idx);
        }
        if !may_skip(sentence, idx, gaps) {
            return None;
        }
        idx += 1;
    }
    None
}

/// Like [`next_with`], walking left from just before `before`.
fn prev_with(
    sentence: &Sentence,
    before: usize,
    gaps: Gaps,
    adjacent: bool,
    wanted: impl Fn(usize) -> bool,
) -> Option<usize> {
    let reach = if adjacent { 0 } else { max_gap(gaps) };
    let mut idx = before.checked_sub(1)?;
    loop {
        if wanted(idx) {
            return Some(idx);
        }
        if before - idx > reach || !may_skip(sentence, idx, gaps) {
            return None;
        }
        idx = idx.checked_sub(1)?;
    }
}

fn max_gap(gaps: Gaps) -> usize {
    match gaps {
        Gaps::Fillers => MAX_FILLERS,
        Gaps::Any => MAX_ANY_GAP,
    }
}

fn may_skip(sentence: &Sentence, idx: usize, gaps: Gaps) -> bool {
    match gaps {
        Gaps::Fillers => sentence.is_filler(idx),
        Gaps::Any => !sentence.is_hard_boundary(idx),
    }
}
