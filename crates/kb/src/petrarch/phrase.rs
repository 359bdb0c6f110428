//! PETRARCH phrases (`VLADIMIR_V._PUTIN_`, `THE_WHITE_HOUSE_`) as the names
//! Dateline's recogniser matches.
//!
//! PETRARCH upper-cases everything and matches without regard to case; the
//! recogniser instead reads case from how a name is written (see
//! `data/README.md`). So a phrase is written in title case, which matches
//! "Putin" and, in all-capital lines, "PUTIN", with connecting words in lower
//! case so "Islamic Republic of Afghanistan" matches either way. A one-word
//! phrase of up to six letters is also kept in capitals, so acronyms such as
//! "NATO" match as acronyms. A parenthesised acronym at the end of a phrase
//! (`ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`) becomes a name of its own.
//!
//! Both `_` (words must touch) and a space (PETRARCH lets other words come
//! between) become a space: the recogniser matches names as written, word
//! for word. A final `_` (TABARI: "this word, not a stem") is dropped.

/// Words written in lower case inside names.
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "de", "del", "da", "do", "du",
    "des", "la", "le", "el", "al", "bin", "ibn", "von", "van", "der", "y",
];

/// The longest one-word name also kept in capitals as an acronym.
const MAX_ACRONYM_LETTERS: usize = 6;

/// The names a phrase stands for: its title-cased form first, then any
/// acronym form. Empty when the phrase holds no word.
pub fn names_of_phrase(phrase: &str) -> Vec<String> {
    let (main, acronym) = split_parenthesised(phrase);
    let words = words_of(main);
    let mut names = Vec::new();
    if !words.is_empty() {
        names.push(title_case(&words));
        if let [only] = words.as_slice() {
            push_acronym(&mut names, only);
        }
    }
    if let Some(acronym) = acronym {
        let words = words_of(acronym);
        if let [only] = words.as_slice() {
            names.push(title_case(&words));
            push_acronym(&mut names, only);
        }
    }
    names.dedup();
    names
}

/// The words of a phrase in upper case, split on `_`, spaces and stray `+`.
pub fn words_of(phrase: &str) -> Vec<String> {
    phrase
        .split(['_', ' ', '\t', '+'])
        .filter(|word| !word.is_empty())
        .map(str::to_uppercase)
        .collect()
}

/// A phrase without a final `(ACRONYM)`, and the acronym.
fn split_parenthesised(phrase: &str) -> (&str, Option<&str>) {
    let trimmed = phrase.trim_end_matches(['_', ' ']);
    if let Some(open) = trimmed.rfind('(')
        && trimmed.ends_with(')')
        && open > 0
    {
        return (
            &trimmed[..open],
            Some(&trimmed[open + 1..trimmed.len() - 1]),
        );
    }
    (phrase, None)
}

fn push_acronym(names: &mut Vec<String>, word: &str) {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let plain = word.chars().all(|c| c.is_alphanumeric() || c == '-');
    if plain && (2..=MAX_ACRONYM_LETTERS).contains(&letters) {
        names.push(word.to_string());
    }
}

fn title_case(words: &[String]) -> String {
    words
        .iter()
        .enumerate()
        .map(|(index, word)| title_case_word(word, index == 0))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "PUTIN" gives "Putin", "U.S." stays, "OF" gives "of" inside a name.
fn title_case_word(word: &str, first: bool) -> String {
    let lower = word.to_lowercase();
    if !first && CONNECTORS.contains(&lower.as_str()) {
        return lower;
    }
    if word.contains('.') {
        return word.to_string();
    }
    let mut chars = lower.chars();
    match chars.next() {
        Some(head) => head.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_become_title_case_names() {
        assert_eq!(names_of_phrase("VLADIMIR_V._PUTIN_"), ["Vladimir V. Putin"]);
        assert_eq!(
            names_of_phrase("ISLAMIC_REPUBLIC_OF_ARNOR"),
            ["Islamic Republic of Arnor"]
        );
        assert_eq!(names_of_phrase("THE_WHITE_TOWER_"), ["The White Tower"]);
        assert_eq!(names_of_phrase("U.S."), ["U.S."]);
        assert_eq!(names_of_phrase("NATO"), ["Nato", "NATO"]);
        assert_eq!(names_of_phrase("GONDOR_ARMY ELITE"), ["Gondor Army Elite"]);
        assert!(names_of_phrase("_").is_empty());
    }

    #[test]
    fn parenthesised_acronyms_become_names() {
        assert_eq!(
            names_of_phrase("WHITE_HAND_ARMY_(WHA)_"),
            ["White Hand Army", "Wha", "WHA"]
        );
    }
}
