//! Brill's transformation rules, read from `data/lexicon/`.
//!
//! [`lexical`] rules guess tags for words the lexicon does not know from
//! their spelling and neighbours; [`context`] rules then correct every tag
//! from the tags and words around it.

pub(crate) mod context;
pub(crate) mod lexical;

use dateline_model::Pos;

/// Parses a Penn tag as the rule files write it.
fn parse_tag(text: &str, line_number: usize) -> Result<Pos, String> {
    text.parse::<Pos>()
        .map_err(|message| format!("{line_number}: {message}"))
}

/// Non-comment, non-blank lines with 1-based numbers, split at tabs.
fn rule_lines(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(idx, line)| (idx + 1, line.split('\t').collect()))
}
