//! Words that begin sentences and are rarely names ("The", "He", "However").
//! The list is `data/lexicon/sentence-starters.txt`, compiled in.

use std::collections::HashSet;
use std::sync::LazyLock;

static LIST_TEXT: &str = include_str!("../../../data/lexicon/sentence-starters.txt");

static STARTERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    LIST_TEXT
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

/// True when `word` is capitalised ("The", "I", not "THE" or "the") and its
/// lower-case form is a listed sentence starter.
pub(crate) fn is_capitalised_starter(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() || chars.clone().any(char::is_uppercase) {
        return false;
    }
    if word.len() > 16 {
        return false;
    }
    let lower = word.to_lowercase();
    STARTERS.contains(lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_function_words_start_sentences_and_names_do_not() {
        for yes in ["The", "He", "However", "I", "In", "Meanwhile"] {
            assert!(is_capitalised_starter(yes), "{yes}");
        }
        for no in ["the", "THE", "Treasury", "Tolkien", "Bush", "IN", ""] {
            assert!(!is_capitalised_starter(no), "{no}");
        }
    }
}
