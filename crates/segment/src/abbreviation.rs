//! Abbreviations that keep their period, and whether that period may also end
//! a sentence. The table is `data/lexicon/abbreviations.tsv`, compiled in.

use std::collections::HashMap;
use std::sync::LazyLock;

/// How an abbreviation's period behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbreviationKind {
    /// Precedes a name ("Gen.", "Mr."): never ends a sentence.
    Title,
    /// Joins two phrases ("vs.", "e.g."): never ends a sentence.
    Connective,
    /// An abbreviation only before a number ("No. 10"); never ends a sentence.
    Number,
    /// A month: no end before a day number, otherwise as `General`.
    Month,
    /// "a.m.", "p.m.": ends a sentence before a capitalised word unless it is
    /// a time zone ("EST", "Moscow time").
    Time,
    /// Ends a sentence only when a sentence-starting word follows.
    General,
}

static TABLE_TEXT: &str = include_str!("../../../data/lexicon/abbreviations.tsv");

static TABLE: LazyLock<HashMap<&'static str, AbbreviationKind>> = LazyLock::new(|| {
    // The table is compiled in and parsed by a unit test, so this cannot fail
    // at run time unless the build itself is broken.
    parse_table(TABLE_TEXT).unwrap_or_else(|message| panic!("abbreviations.tsv: {message}"))
});

/// The kind of a listed abbreviation, written with its final period.
pub(crate) fn listed(word_with_period: &str) -> Option<AbbreviationKind> {
    TABLE.get(word_with_period).copied()
}

/// The kind of an abbreviation token (text ending in a period) at a possible
/// sentence end: listed entries first, then the letter-period rule.
pub(crate) fn kind_of_token(token_text: &str) -> Option<AbbreviationKind> {
    if token_text.len() < 2 || !token_text.ends_with('.') {
        return None;
    }
    if let Some(kind) = listed(token_text) {
        return Some(kind);
    }
    is_letter_period_run(&token_text[..token_text.len() - 1]).then_some(AbbreviationKind::General)
}

/// True for the body of "U.S.", "J.R.R.", "a.m.", "Ph.D." or an initial "W.":
/// letter groups of at most three letters joined by periods, the final period
/// left off. A lone capital is an initial; a lone small letter is not.
pub(crate) fn is_letter_period_run(without_final_period: &str) -> bool {
    let mut n_groups = 0;
    for group in without_final_period.split('.') {
        let n_letters = group.chars().count();
        if n_letters == 0 || n_letters > 3 || !group.chars().all(char::is_alphabetic) {
            return false;
        }
        n_groups += 1;
    }
    if n_groups > 1 {
        return true;
    }
    let mut chars = without_final_period.chars();
    matches!((chars.next(), chars.next()), (Some(first), None) if first.is_uppercase())
}

fn parse_table(text: &'static str) -> Result<HashMap<&'static str, AbbreviationKind>, String> {
    let mut table = HashMap::new();
    for (line_idx, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line_number = line_idx + 1;
        let (word, kind) = line
            .split_once('\t')
            .ok_or_else(|| format!("line {line_number}: expected `abbreviation<TAB>kind`"))?;
        if !word.ends_with('.') {
            return Err(format!(
                "line {line_number}: {word:?} does not end in a period"
            ));
        }
        let kind = match kind {
            "title" => AbbreviationKind::Title,
            "connective" => AbbreviationKind::Connective,
            "number" => AbbreviationKind::Number,
            "month" => AbbreviationKind::Month,
            "time" => AbbreviationKind::Time,
            "general" => AbbreviationKind::General,
            other => return Err(format!("line {line_number}: unknown kind {other:?}")),
        };
        if table.insert(word, kind).is_some() {
            return Err(format!("line {line_number}: {word:?} listed twice"));
        }
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_table_parses_and_has_the_news_staples() {
        let table = parse_table(TABLE_TEXT).unwrap();
        assert!(table.len() > 100);
        assert_eq!(listed("Gen."), Some(AbbreviationKind::Title));
        assert_eq!(listed("Sept."), Some(AbbreviationKind::Month));
        assert_eq!(listed("No."), Some(AbbreviationKind::Number));
        assert_eq!(listed("Corp."), Some(AbbreviationKind::General));
        assert_eq!(listed("vs."), Some(AbbreviationKind::Connective));
        assert_eq!(listed("said."), None);
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        assert_eq!(
            parse_table("# c\nMr.\ttitle\nDr\ttitle\n").unwrap_err(),
            "line 3: \"Dr\" does not end in a period"
        );
        assert_eq!(
            parse_table("Mr.\tboss\n").unwrap_err(),
            "line 1: unknown kind \"boss\""
        );
    }

    #[test]
    fn letter_period_runs_cover_acronyms_and_initials() {
        for yes in ["U.S", "J.R.R", "a.m", "Ph.D", "W", "U.S.A"] {
            assert!(is_letter_period_run(yes), "{yes}");
        }
        for no in ["a", "Amazon.com", "3.5", "said", "", "U..S"] {
            assert!(!is_letter_period_run(no), "{no}");
        }
        assert_eq!(kind_of_token("U.K."), Some(AbbreviationKind::General));
        assert_eq!(kind_of_token("Mr."), Some(AbbreviationKind::Title));
        assert_eq!(kind_of_token("talks."), None);
        assert_eq!(kind_of_token("."), None);
    }
}
