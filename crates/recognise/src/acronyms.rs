//! "the National Telecommunications Commission (NTC)": an acronym in
//! parentheses after an organisation names it, there and later in the
//! article ("the NTC refused"), as a coreference.

use rustc_hash::{FxHashMap, FxHashSet};

use dateline_model::{Doc, EntityGuess, Mention, TokenKind};

use crate::pronoun::SegmentInfo;
use crate::resolve::Resolved;

/// Letters an acronym has, at least and at most.
const ACRONYM_LETTERS: std::ops::RangeInclusive<usize> = 2..=8;

/// Appends a coreference mention for each acronym an organisation is given
/// in parentheses and for its later uses.
pub fn link_acronyms(doc: &Doc, segments: &[SegmentInfo], resolved: &mut Vec<Resolved>) {
    let covered: FxHashSet<u32> = resolved
        .iter()
        .flat_map(|r| r.mention.tokens.clone())
        .collect();
    let mut defined: FxHashMap<&str, (usize, u32)> = FxHashMap::default();
    for (index, r) in resolved.iter().enumerate() {
        if !is_organisation(&r.mention) {
            continue;
        }
        let Some(acronym) = acronym_in_parentheses(doc, r.mention.tokens.end as usize) else {
            continue;
        };
        if !covered.contains(&(acronym as u32)) {
            let span = doc.tokens[acronym].span;
            defined.entry(doc.text(span)).or_insert((index, span.start));
        }
    }
    if defined.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for segment in segments {
        for token_idx in segment.tokens.clone() {
            let token = doc.tokens[token_idx];
            if covered.contains(&(token_idx as u32)) || token.kind != TokenKind::Word {
                continue;
            }
            let Some(&(antecedent, from)) = defined.get(doc.text(token.span)) else {
                continue;
            };
            if token.span.start < from {
                continue;
            }
            found.push(Resolved::coreferring(
                doc,
                segment.segment,
                token_idx,
                resolved,
                antecedent,
            ));
        }
    }
    resolved.extend(found);
}

fn is_organisation(mention: &Mention) -> bool {
    let named_body = mention
        .actor
        .as_ref()
        .is_some_and(|actor| actor.kind == dateline_model::ActorKind::Organisation);
    named_body || mention.unknown == Some(EntityGuess::Organisation)
}

/// The acronym token of "( NTC )" starting at token `open`.
fn acronym_in_parentheses(doc: &Doc, open: usize) -> Option<usize> {
    let text = |index: usize| doc.tokens.get(index).map(|token| doc.text(token.span));
    if text(open)? != "(" || text(open + 2)? != ")" {
        return None;
    }
    let acronym = text(open + 1)?;
    let letters = acronym.chars().filter(|c| c.is_alphabetic()).count();
    let is_acronym = ACRONYM_LETTERS.contains(&letters)
        && acronym
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&');
    is_acronym.then_some(open + 1)
}
