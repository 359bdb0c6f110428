//! Wire-style datelines at the start of an article: `WASHINGTON (Reuters) - `,
//! `KYIV, Ukraine (AP) — `, `LONDON, Nov 3 (Reuters) - `, `SALVADOR, Feb 26 - `.
//!
//! The dateline stays in the body (the segmenter skips it); the reader only
//! copies the place and the agency into the metadata.

use regex::Regex;
use std::sync::LazyLock;

/// A dateline found at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WireDateline<'a> {
    /// The place as written ("KYIV", "Washington").
    pub place: &'a str,
    /// The agency in parentheses, when present ("Reuters", "AP").
    pub agency: Option<&'a str>,
}

/// With an agency in parentheses the place may be in any case.
static WITH_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<place>\p{Lu}[\p{L}\p{M}.'’ /-]{0,40}?)(?:,\s*[^()\n]{1,40}?)?\s*\((?P<agency>\p{L}[\p{L}\p{M}\p{N} .&'-]{0,30})\)\s*(?:-{1,2}|–|—)\s",
    )
    .expect("valid dateline pattern")
});

/// Without an agency the place must be in capitals, followed by a dash.
static WITHOUT_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<place>\p{Lu}[\p{Lu}\p{M}.'’ /-]{1,40}?)(?:,\s*[^()\n–—]{1,40}?)?\s+(?:-{1,2}|–|—)\s",
    )
    .expect("valid dateline pattern")
});

/// Finds a wire dateline at the very start of `paragraph`.
pub(crate) fn find_wire_dateline(paragraph: &str) -> Option<WireDateline<'_>> {
    // Every dateline has its dash within the first hundred or so bytes; most
    // paragraphs can be ruled out without running the patterns.
    let mut head_end = paragraph.len().min(140);
    while !paragraph.is_char_boundary(head_end) {
        head_end -= 1;
    }
    if !paragraph[..head_end].contains(['-', '–', '—']) {
        return None;
    }
    if let Some(captures) = WITH_AGENCY.captures(paragraph) {
        return Some(WireDateline {
            place: captures.name("place")?.as_str().trim(),
            agency: captures.name("agency").map(|agency| agency.as_str().trim()),
        });
    }
    let captures = WITHOUT_AGENCY.captures(paragraph)?;
    let place = captures.name("place")?.as_str().trim();
    let n_letters = place.chars().filter(|c| c.is_alphabetic()).count();
    (n_letters >= 2).then_some(WireDateline {
        place,
        agency: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(paragraph: &str, place: &str, agency: Option<&str>) {
        let found = find_wire_dateline(paragraph).unwrap_or_else(|| panic!("{paragraph}"));
        assert_eq!(found, WireDateline { place, agency }, "{paragraph}");
    }

    #[test]
    fn finds_the_common_wire_forms() {
        check(
            "WASHINGTON (Reuters) - The Senate voted on Monday.",
            "WASHINGTON",
            Some("Reuters"),
        );
        check(
            "KYIV, Ukraine (AP) — Russian drones struck the capital.",
            "KYIV",
            Some("AP"),
        );
        check(
            "LONDON, Nov 3 (Reuters) - Sterling rose.",
            "LONDON",
            Some("Reuters"),
        );
        check("SALVADOR, Feb 26 - Showers continued.", "SALVADOR", None);
        check(
            "SAN FRANCISCO/NEW YORK (Reuters) -- Shares fell.",
            "SAN FRANCISCO/NEW YORK",
            Some("Reuters"),
        );
        check(
            "Washington, D.C. (AFP) – Talks resumed.",
            "Washington",
            Some("AFP"),
        );
        check(
            "PORT-AU-PRINCE — Gangs blocked the road.",
            "PORT-AU-PRINCE",
            None,
        );
    }

    #[test]
    fn ordinary_sentences_have_no_dateline() {
        for paragraph in [
            "The Senate voted on Monday - narrowly - to pass the bill.",
            "U.S. President-elect Donald Trump held a phone conversation.",
            "Trump said (in a post) that talks would go on.",
            "A - B testing is common.",
        ] {
            assert_eq!(find_wire_dateline(paragraph), None, "{paragraph}");
        }
    }
}
