//! Language detection (whatlang) reported as ISO 639-1 codes.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const LANGUAGE_CODES: &str = include_str!("../../../data/read/language-codes.tsv");
const ENGLISH_FUNCTION_WORDS: &str = include_str!("../../../data/read/english-function-words.txt");

/// Share of words that must be English function words for the fast path.
/// English news prose runs at 25-35 %; other languages stay in single digits.
const ENGLISH_SHARE: f64 = 0.18;
/// The fast path needs at least this many words to judge.
const MIN_WORDS_FOR_FAST_PATH: usize = 20;

static ENGLISH_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    ENGLISH_FUNCTION_WORDS
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

/// How much of the body detection looks at: enough for a confident guess,
/// bounded so long articles cost no more than short ones.
const DETECTION_BYTES: usize = 600;

static ISO_639_1: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    LANGUAGE_CODES
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .collect()
});

/// The ISO 639-1 code of the language of `text`, when whatlang is confident.
pub(crate) fn detect_language(text: &str) -> Option<String> {
    let mut end = text.len().min(DETECTION_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if looks_english(sample) {
        return Some("en".to_string());
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    ISO_639_1
        .get(info.lang().code())
        .map(|code| code.to_string())
}

/// True when English function words make up a large share of the words.
fn looks_english(sample: &str) -> bool {
    let mut n_words = 0usize;
    let mut n_function_words = 0usize;
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        n_words += 1;
        let is_function_word = word.len() <= 6
            && word.bytes().all(|b| b.is_ascii_alphabetic())
            && ENGLISH_WORDS.contains(word.to_ascii_lowercase().as_str());
        n_function_words += usize::from(is_function_word);
    }
    n_words >= MIN_WORDS_FOR_FAST_PATH && n_function_words as f64 >= ENGLISH_SHARE * n_words as f64
}

/// Normalises a declared language tag (`en-US`, `EN`) to its primary subtag.
pub(crate) fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let is_code =
        (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
    is_code.then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_whatlang_language_has_a_two_letter_code() {
        for lang in whatlang::Lang::all() {
            let code = ISO_639_1.get(lang.code());
            assert!(code.is_some_and(|c| c.len() == 2), "{}", lang.code());
        }
    }

    #[test]
    fn detects_english_and_german_news_text() {
        let english = "The foreign ministers of both countries met in Geneva on Tuesday \
                       and agreed to resume talks on the disputed border next month.";
        assert_eq!(detect_language(english).as_deref(), Some("en"));
        let german = "Die Außenminister beider Länder trafen sich am Dienstag in Genf \
                      und vereinbarten, die Gespräche über die umstrittene Grenze fortzusetzen.";
        assert_eq!(detect_language(german).as_deref(), Some("de"));
    }

    #[test]
    fn the_english_fast_path_does_not_claim_other_languages() {
        let english = "The ministry said on Tuesday that the talks with the rebels had been \
                       postponed, and that it would announce a new date after the holiday.";
        assert!(looks_english(english));
        for other in [
            "Die Außenminister beider Länder trafen sich am Dienstag in Genf und vereinbarten, \
             die Gespräche über die umstrittene Grenze im nächsten Monat fortzusetzen.",
            "Los ministros de Exteriores de ambos países se reunieron el martes en Ginebra y \
             acordaron reanudar las conversaciones sobre la frontera en disputa el próximo mes.",
            "De ministers van Buitenlandse Zaken van beide landen kwamen dinsdag in Genève bijeen \
             en spraken af de gesprekken over de betwiste grens volgende maand te hervatten.",
        ] {
            assert!(!looks_english(other), "{other}");
        }
    }

    #[test]
    fn declared_tags_reduce_to_the_primary_subtag() {
        assert_eq!(primary_subtag("en-US").as_deref(), Some("en"));
        assert_eq!(primary_subtag("DE").as_deref(), Some("de"));
        assert_eq!(primary_subtag("x").as_deref(), None);
    }
}
