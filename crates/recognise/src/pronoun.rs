//! "he", "his", "him" (and "she", "her") tied to a person only when exactly
//! one person can be meant: the people named earlier in the same sentence and
//! in the sentence before. With two candidates ("Trump reminded Putin of his
//! ...") the pronoun stays unresolved.

use rustc_hash::FxHashSet;

use dateline_kb::{Cue, Kb};
use dateline_model::{Doc, Resolution, SegmentRef, Span};

use crate::resolve::Resolved;

/// One segment as the pronoun pass sees it.
#[derive(Clone, Debug)]
pub struct SegmentInfo {
    pub segment: SegmentRef,
    pub span: Span,
    pub tokens: std::ops::Range<usize>,
}

/// Appends a mention for every pronoun with exactly one possible person.
pub fn resolve_pronouns(
    kb: &Kb,
    doc: &Doc,
    segments: &[SegmentInfo],
    resolved: &mut Vec<Resolved>,
) {
    let covered: FxHashSet<u32> = resolved
        .iter()
        .flat_map(|r| r.mention.tokens.clone())
        .collect();
    let mut found = Vec::new();
    for (segment_idx, segment) in segments.iter().enumerate() {
        let window_start = segment_idx
            .checked_sub(1)
            .map_or(segment.span.start, |previous| segments[previous].span.start);
        for token_idx in segment.tokens.clone() {
            let token = doc.tokens[token_idx];
            let word = doc.text(token.span);
            if covered.contains(&(token_idx as u32)) || !kb.has_cue(word, Cue::Pronoun) {
                continue;
            }
            if let Some(pronoun) = only_candidate(resolved, window_start, token.span.start) {
                found.push(Resolved::referring(
                    doc,
                    segment.segment,
                    token_idx,
                    &resolved[pronoun],
                    Resolution::Pronoun {
                        antecedent: first_mention(resolved, pronoun) as u32,
                    },
                ));
            }
        }
    }
    resolved.extend(found);
}

/// The latest mention of the only person named in `[from, before)`.
fn only_candidate(resolved: &[Resolved], from: u32, before: u32) -> Option<usize> {
    let in_window = |r: &Resolved| r.mention.span.start >= from && r.mention.span.end <= before;
    let people: FxHashSet<usize> = resolved
        .iter()
        .filter(|r| in_window(r))
        .filter_map(|r| r.person)
        .collect();
    if people.len() != 1 {
        return None;
    }
    resolved
        .iter()
        .rposition(|r| in_window(r) && r.person.is_some())
}

fn first_mention(resolved: &[Resolved], index: usize) -> usize {
    let person = resolved[index].person;
    resolved
        .iter()
        .position(|r| r.person == person && r.mention.resolution == Resolution::Name)
        .unwrap_or(index)
}
