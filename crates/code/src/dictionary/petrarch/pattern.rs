//! PETRARCH/TABARI pattern text (`$ * &WEAPON AGAINST +`) as pattern
//! elements, with the verb left as a slot filled per verb of the block.

use rustc_hash::FxHashMap;

use crate::dictionary::VerbDictionary;
use crate::dictionary::petrarch::reader::{Synset, Verb};
use crate::dictionary::syntax::Element;

/// A pattern element, or the place of the block's verb (`*`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Element(Element),
    /// `*`; `adjacent` when joined to the word before it (`DON'T_*`).
    Verb {
        adjacent: bool,
    },
}

/// Synset members by label (`&CURRENCY`, without a final `_`), as choices.
/// One-word members are folded into one word set ([`VerbDictionary::add_word_set`]);
/// each multi-word member stays an alternative of its own.
#[derive(Debug, Default)]
pub struct SynsetTable {
    members: FxHashMap<String, Vec<Vec<Element>>>,
}

impl SynsetTable {
    pub fn new(synsets: &[Synset], dictionary: &mut VerbDictionary) -> SynsetTable {
        let mut table = SynsetTable::default();
        for synset in synsets {
            let key = label_key(&synset.name);
            let (single, multi): (Vec<_>, Vec<_>) = synset
                .members
                .iter()
                .partition(|member| member.words.len() == 1);
            let mut alternatives: Vec<Vec<Element>> = Vec::new();
            if !single.is_empty() {
                let set_name = key.to_lowercase();
                let words: Vec<(String, bool)> = single
                    .iter()
                    .map(|member| (member.words[0].to_lowercase(), member.exact))
                    .collect();
                dictionary.add_word_set(&set_name, &words);
                alternatives.push(vec![word_element(&set_name, true, false)]);
            }
            for member in multi {
                let words = member.words.iter().enumerate();
                alternatives.push(
                    words
                        .map(|(idx, word)| word_element(word, member.exact, idx > 0))
                        .collect(),
                );
            }
            table.members.insert(key, alternatives);
        }
        table
    }

    /// Every member as an alternative of its own, with no word sets: for
    /// writing synsets out as text.
    pub fn plain(synsets: &[Synset]) -> SynsetTable {
        let mut table = SynsetTable::default();
        for synset in synsets {
            let alternatives = synset
                .members
                .iter()
                .map(|member| {
                    let words = member.words.iter().enumerate();
                    words
                        .map(|(idx, word)| word_element(word, member.exact, idx > 0))
                        .collect()
                })
                .collect();
            table.members.insert(label_key(&synset.name), alternatives);
        }
        table
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// The synset as a choice; its first words touch the previous element when `adjacent`.
    fn choice(&self, label: &str, adjacent: bool) -> Option<Element> {
        let members = self.members.get(&label_key(label))?;
        if let [only] = members.as_slice()
            && let [Element::Word { text, exact, .. }] = only.as_slice()
        {
            return Some(word_element(text, *exact, adjacent));
        }
        let alternatives = members
            .iter()
            .map(|member| {
                let mut member = member.clone();
                if let Some(Element::Word {
                    adjacent: first, ..
                }) = member.first_mut()
                {
                    *first = adjacent;
                }
                member
            })
            .collect();
        Some(Element::Choice {
            alternatives,
            optional: false,
        })
    }
}

fn label_key(label: &str) -> String {
    label.trim_end_matches('_').to_uppercase()
}

/// Parses the text between `-` and the code. Words joined by `_` must
/// touch; a word ending in `_` matches only as written (TABARI: not a stem).
/// Without a `*`, the verb comes last, as PETRARCH reads it.
pub fn parse_pattern(text: &str, synsets: &SynsetTable) -> Result<Vec<Part>, String> {
    if text.contains(['{', '}', '|']) {
        return Err("TABARI '{...|...}' alternatives are not supported: use a synset".into());
    }
    let mut parts = Vec::new();
    for token in text.split_whitespace() {
        let pieces: Vec<&str> = token.split('_').collect();
        let last_piece = pieces.len() - 1;
        for (idx, piece) in pieces.iter().enumerate() {
            if piece.is_empty() {
                continue;
            }
            let adjacent = idx > 0;
            let exact = idx < last_piece && pieces[idx + 1..].iter().all(|p| p.is_empty());
            parts.push(parse_piece(piece, adjacent, exact, synsets)?);
        }
    }
    let n_verbs = parts
        .iter()
        .filter(|p| matches!(p, Part::Verb { .. }))
        .count();
    match n_verbs {
        0 => parts.push(Part::Verb { adjacent: false }),
        1 => {}
        _ => return Err("a pattern may have only one '*'".into()),
    }
    if parts.len() == 1 {
        return Err("a pattern with nothing but the verb".into());
    }
    Ok(parts)
}

fn parse_piece(
    piece: &str,
    adjacent: bool,
    exact: bool,
    synsets: &SynsetTable,
) -> Result<Part, String> {
    let element = match piece {
        "*" => return Ok(Part::Verb { adjacent }),
        "$" => Element::Source,
        "+" => Element::Target,
        "%" => Element::Compound,
        "^" => Element::Skip,
        label if label.starts_with('&') => synsets
            .choice(label, adjacent)
            .ok_or_else(|| format!("synset {label} is not defined in the file"))?,
        word => {
            let cleaned: String = word.chars().filter(|&c| c != '"').collect();
            let valid = !cleaned.is_empty()
                && cleaned
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '-' | '.' | '/'));
            if !valid {
                return Err(format!("unexpected {word:?} in the pattern"));
            }
            word_element(&cleaned, exact, adjacent)
        }
    };
    Ok(Part::Element(element))
}

fn word_element(word: &str, exact: bool, adjacent: bool) -> Element {
    Element::Word {
        text: word.to_lowercase(),
        exact,
        trigger: false,
        adjacent,
    }
}

/// A verb's words as elements: the verb proper is the trigger; the other
/// words of a multi-word verb touch it and match as written.
pub fn verb_elements(verb: &Verb, exact_trigger: bool) -> Vec<Element> {
    verb.words
        .iter()
        .enumerate()
        .map(|(idx, word)| Element::Word {
            text: word.to_lowercase(),
            exact: if idx == verb.trigger {
                exact_trigger
            } else {
                true
            },
            trigger: idx == verb.trigger,
            adjacent: idx > 0,
        })
        .collect()
}

/// The pattern's elements with `verb` in the place of `*`.
pub fn with_verb(parts: &[Part], verb: &[Element]) -> Vec<Element> {
    let mut elements = Vec::with_capacity(parts.len() + verb.len());
    for part in parts {
        match part {
            Part::Element(element) => elements.push(element.clone()),
            Part::Verb { adjacent } => {
                let start = elements.len();
                elements.extend(verb.iter().cloned());
                if let Some(Element::Word {
                    adjacent: first, ..
                }) = elements.get_mut(start)
                {
                    *first = *adjacent;
                }
            }
        }
    }
    elements
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, exact: bool, adjacent: bool) -> Part {
        Part::Element(Element::Word {
            text: text.into(),
            exact,
            trigger: false,
            adjacent,
        })
    }

    #[test]
    fn slots_words_joins_and_exact_words() {
        let parts =
            parse_pattern("^ $ * DIPLOMATIC_TIES WITH_ +", &SynsetTable::default()).unwrap();
        assert_eq!(
            parts,
            vec![
                Part::Element(Element::Skip),
                Part::Element(Element::Source),
                Part::Verb { adjacent: false },
                word("diplomatic", false, false),
                word("ties", false, true),
                word("with", true, false),
                Part::Element(Element::Target),
            ]
        );
    }

    #[test]
    fn errors_name_the_problem() {
        let synsets = SynsetTable::default();
        assert!(
            parse_pattern("* &NOWHERE +", &synsets)
                .unwrap_err()
                .contains("&NOWHERE")
        );
        assert!(parse_pattern("* {A | B} +", &synsets).is_err());
        assert!(parse_pattern("* + *", &synsets).is_err());
        assert!(parse_pattern("*", &synsets).is_err());
        assert_eq!(
            parse_pattern("SAID +", &synsets).unwrap().last(),
            Some(&Part::Verb { adjacent: false })
        );
    }
}
