//! Language detection (whatlang) reported as ISO 639-1 codes.

use std::collections::HashMap;
use std::sync::LazyLock;

const LANGUAGE_CODES: &str = include_str!("../../../data/read/language-codes.tsv");

/// How much of the body detection looks at: enough for a confident guess,
/// bounded so long articles cost no more than short ones.
const DETECTION_BYTES: usize = 2048;

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
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() {
        return None;
    }
    ISO_639_1
        .get(info.lang().code())
        .map(|code| code.to_string())
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
    fn declared_tags_reduce_to_the_primary_subtag() {
        assert_eq!(primary_subtag("en-US").as_deref(), Some("en"));
        assert_eq!(primary_subtag("DE").as_deref(), Some("de"));
        assert_eq!(primary_subtag("x").as_deref(), None);
    }
}
