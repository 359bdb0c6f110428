//! Later mentions, by surname alone, of a person the knowledge base does not
//! know but a title introduced: "U.S. President-elect Donald Trump ... Trump
//! said" (with dictionaries that lack Trump), "Ethiopian Prime Minister Abiy
//! Ahmed ... Ahmed". The surname takes the titled mention's actor, as a
//! coreference, when exactly one titled person of that surname came before.

use rustc_hash::FxHashSet;

use dateline_model::{Doc, Resolution, TokenKind};

use crate::pronoun::SegmentInfo;
use crate::resolve::Resolved;

/// Appends a coreference mention for every uncovered capitalised word that is
/// the surname of exactly one earlier titled unknown person.
pub fn resolve_holder_surnames(doc: &Doc, segments: &[SegmentInfo], resolved: &mut Vec<Resolved>) {
    let holders: Vec<(usize, u32, &str)> = resolved
        .iter()
        .enumerate()
        .filter_map(|(index, r)| {
            let surname = r.holder_surname?;
            Some((index, r.mention.span.start, doc.text(surname)))
        })
        .collect();
    if holders.is_empty() {
        return;
    }
    let covered: FxHashSet<u32> = resolved
        .iter()
        .flat_map(|r| r.mention.tokens.clone())
        .collect();
    let mut found = Vec::new();
    for segment in segments {
        for token_idx in segment.tokens.clone() {
            let token = doc.tokens[token_idx];
            let word = doc.text(token.span);
            if token.kind != TokenKind::Word
                || covered.contains(&(token_idx as u32))
                || !word.starts_with(char::is_uppercase)
            {
                continue;
            }
            let mut earlier = holders
                .iter()
                .filter(|(_, start, surname)| *start < token.span.start && *surname == word);
            let (Some(&(antecedent, _, _)), None) = (earlier.next(), earlier.next()) else {
                continue;
            };
            found.push(Resolved::referring(
                doc,
                segment.segment,
                token_idx,
                &resolved[antecedent],
                Resolution::Coreference {
                    antecedent: antecedent as u32,
                },
            ));
        }
    }
    resolved.extend(found);
}
