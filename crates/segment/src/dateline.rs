//! Wire datelines at the start of a paragraph: `WASHINGTON (Reuters) -`,
//! `KYIV, Ukraine (AP) —`, `LONDON, Nov 3 (Reuters) -`, `SALVADOR, Feb 26 -`.
//! The dateline belongs to no sentence; the first sentence starts after the dash.

use std::sync::LazyLock;

use regex::Regex;

/// Place, optional region or date, optional agency, then a dash.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    let pattern = format!(
        r"^(?:\p{{Lu}}[\p{{L}}\p{{M}}.'’ -]{{0,40}}?)(?:,[ \t]+\p{{Lu}}[\p{{L}}.'’ ]{{0,30}}?)?(?:,[ \t]+(?:{month}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{month})(?:,?[ \t]+\d{{4}})?)?(?:[ \t]*(?:\([^()\n]{{1,40}}\))[ \t]*|[ \t]+)(?:--|[-–—])\s*"
    );
    // The pattern is a constant; a unit test compiles it.
    Regex::new(&pattern).unwrap_or_else(|error| panic!("dateline pattern: {error}"))
});

/// The byte length of the dateline (with its dash and following whitespace)
/// at the start of `paragraph`, if it opens with one.
///
/// Without an agency in brackets the place must be written in capitals, so
/// "Trump - who ..." is not a dateline; with one, title case will do
/// ("Washington (CNN) —") but "The talks (in Geneva) -" is still prose.
pub(crate) fn dateline_len(paragraph: &str) -> Option<usize> {
    let first = paragraph.as_bytes().first()?;
    if !(first.is_ascii_uppercase() || *first >= 0x80) {
        return None;
    }
    // A dateline is short; looking at the head keeps long paragraphs cheap.
    let head = &paragraph[..floor_char_boundary(paragraph, MAX_DATELINE_LEN)];
    if !may_open_with_dateline(head) {
        return None;
    }
    let found = DATELINE.find(head)?;
    let dateline = found.as_str();
    let has_agency = dateline.contains('(');
    let place = dateline[..dateline.find([',', '(']).unwrap_or(dateline.len())]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'));
    let place_in_capitals = !place.chars().any(char::is_lowercase)
        && place.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let place_in_title_case = place
        .split(' ')
        .filter(|word| !word.is_empty())
        .all(|word| word.starts_with(char::is_uppercase));
    (place_in_capitals || (has_agency && place_in_title_case)).then_some(found.end())
}

/// A cheap test that most prose fails: a dash, and before it either a first
/// word in capitals ("SALVADOR, Feb 26 -") or an agency in brackets.
fn may_open_with_dateline(head: &str) -> bool {
    let Some(dash) = head.find(['-', '–', '—']) else {
        return false;
    };
    let before = &head[..dash];
    let first_word = before
        .split([' ', ',', '\t', '\n'])
        .next()
        .unwrap_or_default();
    let first_in_capitals = first_word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first_word.chars().any(char::is_lowercase);
    first_in_capitals || before.contains('(')
}

/// Longest head of a paragraph searched for a dateline, in bytes.
const MAX_DATELINE_LEN: usize = 160;

fn floor_char_boundary(text: &str, index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    (0..=index)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after_dateline(paragraph: &str) -> &str {
        &paragraph[dateline_len(paragraph).unwrap_or(0)..]
    }

    #[test]
    fn wire_datelines_are_recognised() {
        for (paragraph, rest) in [
            (
                "WASHINGTON (Reuters) - The Senate voted.",
                "The Senate voted.",
            ),
            (
                "KYIV, Ukraine (AP) — Air raid sirens sounded.",
                "Air raid sirens sounded.",
            ),
            ("LONDON, Nov 3 (Reuters) - Oil rose.", "Oil rose."),
            (
                "SALVADOR, Feb 26 - Showers continued.",
                "Showers continued.",
            ),
            ("NEW YORK, March  5 - Shares fell.", "Shares fell."),
            ("ST. LOUIS, Mo. (AP) -- A storm hit.", "A storm hit."),
            ("Washington (CNN) — Officials said.", "Officials said."),
            ("UNITED NATIONS —The council met.", "The council met."),
            (
                "GENEVA, 3 November 2023 (Reuters) - Talks began.",
                "Talks began.",
            ),
            (
                "GENEVA, 3 November, 2023 (Reuters) - Talks began.",
                "Talks began.",
            ),
        ] {
            assert_eq!(after_dateline(paragraph), rest, "{paragraph}");
        }
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        for paragraph in [
            "Trump - who met Putin - said so.",
            "U.S.-led forces advanced.",
            "The talks (in Geneva) - failed.",
            "Officials said on Monday that the talks had failed.",
        ] {
            assert_eq!(dateline_len(paragraph), None, "{paragraph}");
        }
    }
}
