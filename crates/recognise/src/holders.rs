//! Later mentions, by surname alone, of a person the knowledge base does not
//! know: one a title introduced ("U.S. President-elect Donald Trump ... Trump
//! said" with dictionaries that lack Trump, "Ethiopian Prime Minister Abiy
//! Ahmed ... Ahmed", "Judge Marrero"), one named beside a title ("Bruno
//! Parrilla, the foreign minister of Cuba"), or one named by given name and
//! surname ("Usman Khan ... Khan"). The surname takes that mention's actor,
//! as a coreference, when the earlier people of that surname agree. It
//! replaces a reading of the word as a place ("Jackson") or as a known
//! person's surname met without their full name ("Khan" for Imran Khan).

use rustc_hash::FxHashSet;

use dateline_model::{Doc, Resolution, TokenKind};

use crate::pronoun::SegmentInfo;
use crate::resolve::Resolved;

/// An earlier person a surname may refer back to.
struct Holder<'a> {
    index: usize,
    start: u32,
    surname: &'a str,
}

/// Appends a coreference mention for every capitalised word that is the
/// surname of the earlier unknown people of that name, replacing weaker
/// readings of the word.
pub fn resolve_holder_surnames(doc: &Doc, segments: &[SegmentInfo], resolved: &mut Vec<Resolved>) {
    let holders: Vec<Holder> = resolved
        .iter()
        .enumerate()
        .filter_map(|(index, r)| {
            let surname = r.holder_surname?;
            Some(Holder {
                index,
                start: r.mention.span.start,
                surname: doc.text(surname),
            })
        })
        .collect();
    if holders.is_empty() {
        return;
    }
    let replaceable: FxHashSet<u32> = resolved
        .iter()
        .filter(|r| is_replaceable(r, resolved))
        .map(|r| r.mention.tokens.start)
        .collect();
    let covered: FxHashSet<u32> = resolved
        .iter()
        .filter(|r| !is_replaceable(r, resolved))
        .flat_map(|r| r.mention.tokens.clone())
        .collect();
    let mut found = Vec::new();
    let mut replaced: FxHashSet<u32> = FxHashSet::default();
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
            let Some(antecedent) = agreed_holder(&holders, resolved, token.span.start, word) else {
                continue;
            };
            found.push(Resolved::coreferring(
                doc,
                segment.segment,
                token_idx,
                resolved,
                antecedent,
            ));
            if replaceable.contains(&(token_idx as u32)) {
                replaced.insert(token_idx as u32);
            }
        }
    }
    // Coreference links count positions in `resolved`: replaced mentions
    // are emptied, not removed, and the final ordering drops them.
    let emptied: Vec<usize> = (0..resolved.len())
        .filter(|&index| {
            replaced.contains(&resolved[index].mention.tokens.start)
                && is_replaceable(&resolved[index], resolved)
        })
        .collect();
    for index in emptied {
        resolved[index].empty();
    }
    resolved.extend(found);
}

/// A one-word mention read only as a place ("Jackson"), or as a known
/// person's surname without their full name anywhere before it.
fn is_replaceable(r: &Resolved, resolved: &[Resolved]) -> bool {
    let one_word = |r: &Resolved| r.mention.tokens.len() == 1;
    let place_only = r.mention.actor.is_none() && r.mention.place.is_some();
    let lone_surname = r.person.is_some()
        && match r.mention.resolution {
            Resolution::Name | Resolution::Disambiguated { .. } => true,
            Resolution::Coreference { antecedent } => resolved
                .get(antecedent as usize)
                .is_some_and(|first| one_word(first) && first.person == r.person),
            _ => false,
        };
    one_word(r) && (place_only || lone_surname)
}

/// The latest earlier holder of this surname, when all earlier holders of it
/// agree on the actor.
fn agreed_holder(
    holders: &[Holder],
    resolved: &[Resolved],
    start: u32,
    word: &str,
) -> Option<usize> {
    let mut earlier = holders
        .iter()
        .filter(|holder| holder.start < start && holder.surname == word);
    let first = earlier.next()?;
    let code = |index: usize| {
        resolved[index]
            .mention
            .actor
            .as_ref()
            .map(|a| a.code.clone())
    };
    let mut latest = first.index;
    for holder in earlier {
        if code(holder.index) != code(first.index) {
            return None;
        }
        latest = holder.index;
    }
    Some(latest)
}
