//! Cue lists kept as data: cross-link cues ("Also Read: ...") and boilerplate
//! lines ("Advertisement", share prompts, copyright footers).
//!
//! Both lists live in `data/read/` and are compiled into the binary. Matching
//! ignores letter case and treats the typographic apostrophe `’` as `'`.

use std::sync::LazyLock;

/// Lines longer than this are never boilerplate: real paragraphs that quote a
/// cue phrase must stay in the article.
pub(crate) const MAX_BOILERPLATE_LINE_BYTES: usize = 200;

const RELATED_LINK_CUES: &str = include_str!("../../../data/read/related-link-cues.txt");
const BOILERPLATE: &str = include_str!("../../../data/read/boilerplate.tsv");

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    Cues::parse(RELATED_LINK_CUES, BOILERPLATE).expect("built-in cue lists are valid (tested)")
});

/// The built-in cue lists.
pub(crate) fn cues() -> &'static Cues {
    &CUES
}

/// A cross-link line split into its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CrossLink<'a> {
    /// The cue as written in the line ("READ MORE").
    pub label: &'a str,
    /// The linked story's title, without a trailing URL.
    pub title: &'a str,
    pub url: Option<&'a str>,
}

#[derive(Debug)]
pub(crate) struct Cues {
    /// Cross-link cues, longest first so "Related stories" wins over "Related".
    related: Vec<String>,
    boilerplate: Vec<BoilerplatePattern>,
}

#[derive(Debug)]
struct BoilerplatePattern {
    /// The pattern's literal pieces between `*` wildcards, lower-cased.
    pieces: Vec<String>,
    reason: String,
}

impl Cues {
    fn parse(related_text: &str, boilerplate_text: &str) -> Result<Cues, String> {
        let mut related: Vec<String> = data_lines(related_text)
            .map(|(_, line)| normalise(line))
            .collect();
        related.sort_by_key(|cue| std::cmp::Reverse(cue.len()));
        let boilerplate = data_lines(boilerplate_text)
            .map(|(line_no, line)| {
                let (pattern, reason) = line.split_once('\t').ok_or_else(|| {
                    format!("boilerplate.tsv:{line_no}: expected pattern<TAB>reason")
                })?;
                if pattern.trim().is_empty() || reason.trim().is_empty() {
                    return Err(format!(
                        "boilerplate.tsv:{line_no}: empty pattern or reason"
                    ));
                }
                Ok(BoilerplatePattern {
                    pieces: normalise(pattern.trim())
                        .split('*')
                        .map(str::to_string)
                        .collect(),
                    reason: reason.trim().to_string(),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Cues {
            related,
            boilerplate,
        })
    }

    /// Reads `line` as a cross-link ("Also Read: Title https://...") if it is one.
    pub(crate) fn cross_link<'a>(&self, line: &'a str) -> Option<CrossLink<'a>> {
        let line = line.trim();
        // Cues are short; only the line's head needs normalising, and only
        // when a colon follows soon enough to end a cue.
        let head_end = floor_char_boundary(line, 40);
        if !line[..floor_char_boundary(line, 48)].contains(':') {
            return None;
        }
        let head = normalise(&line[..head_end]);
        let cue = self.related.iter().find(|cue| {
            head.starts_with(cue.as_str()) && head[cue.len()..].trim_start().starts_with(':')
        })?;
        let label_end = original_prefix_len(line, cue.chars().count());
        let rest = line[label_end..].trim_start().strip_prefix(':')?.trim();
        if rest.is_empty() {
            return None;
        }
        let (title, url) = split_trailing_url(rest);
        Some(CrossLink {
            label: line[..label_end].trim_end(),
            title,
            url,
        })
    }

    /// The reason `line` is boilerplate, if it is.
    pub(crate) fn boilerplate_reason(&self, line: &str) -> Option<&str> {
        let line = line.trim();
        if line.is_empty() || line.len() > MAX_BOILERPLATE_LINE_BYTES {
            return None;
        }
        let line = normalise(line);
        self.boilerplate
            .iter()
            .find(|pattern| glob_matches(&pattern.pieces, &line))
            .map(|pattern| pattern.reason.as_str())
    }
}

/// Non-empty, non-comment lines with their 1-based line numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
}

/// Lower-cases and maps the typographic apostrophe to `'`, so cues match
/// however a site types them. Keeps one output char per input char.
fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Byte length of the first `n_chars` characters of `text`.
fn original_prefix_len(text: &str, n_chars: usize) -> usize {
    text.char_indices()
        .nth(n_chars)
        .map_or(text.len(), |(index, _)| index)
}

/// The largest char boundary of `text` at or below `index`.
fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Matches `text` against a pattern given as its pieces between `*` wildcards.
fn glob_matches(pieces: &[String], text: &str) -> bool {
    let [first, middle @ .., last] = pieces else {
        return pieces.first().is_some_and(|only| only == text);
    };
    let Some(mut rest) = text.strip_prefix(first.as_str()) else {
        return false;
    };
    for piece in middle {
        match rest.find(piece.as_str()) {
            Some(found) => rest = &rest[found + piece.len()..],
            None => return false,
        }
    }
    rest.ends_with(last.as_str())
}

/// Splits "Title https://example.com/story" into the title and the URL.
fn split_trailing_url(text: &str) -> (&str, Option<&str>) {
    let Some(start) = text.rfind("http://").or_else(|| text.rfind("https://")) else {
        return (text, None);
    };
    let url = text[start..].split_whitespace().next().unwrap_or_default();
    let url = url.trim_end_matches([')', ']', '>', '.', ',']);
    let title = text[..start].trim_end_matches([' ', '(', '[', '<', '-', '–', '—', '|', ':']);
    (title.trim(), Some(url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_lists_parse() {
        let cues = Cues::parse(RELATED_LINK_CUES, BOILERPLATE).unwrap();
        assert!(cues.related.len() >= 20);
        assert!(cues.boilerplate.len() >= 30);
    }

    #[test]
    fn cross_links_keep_the_label_as_written_and_split_off_a_url() {
        let link = cues()
            .cross_link("READ MORE: Ceasefire talks resume in Doha https://example.com/doha")
            .unwrap();
        assert_eq!(link.label, "READ MORE");
        assert_eq!(link.title, "Ceasefire talks resume in Doha");
        assert_eq!(link.url, Some("https://example.com/doha"));

        let link = cues()
            .cross_link("Related stories : Floods hit Sindh")
            .unwrap();
        assert_eq!(link.label, "Related stories");
        assert_eq!(link.title, "Floods hit Sindh");
        assert_eq!(link.url, None);
    }

    #[test]
    fn sentences_that_start_like_a_cue_are_not_cross_links() {
        assert_eq!(
            cues().cross_link("Related talks will resume on Monday."),
            None
        );
        assert_eq!(cues().cross_link("More than 40 people were killed."), None);
        assert_eq!(cues().cross_link("Also Read:"), None);
    }

    #[test]
    fn boilerplate_matches_whole_short_lines_only() {
        assert_eq!(
            cues().boilerplate_reason("ADVERTISEMENT"),
            Some("advertisement label")
        );
        assert_eq!(
            cues().boilerplate_reason("© 2024 Example News Agency. All rights reserved."),
            Some("copyright footer")
        );
        assert_eq!(
            cues().boilerplate_reason("The post Floods hit Sindh appeared first on Example Daily."),
            Some("feed footer")
        );
        assert_eq!(
            cues().boilerplate_reason("Share this article"),
            Some("share prompt")
        );
        assert_eq!(
            cues().boilerplate_reason("The minister said advertisement rules would change."),
            None
        );
        let long = format!("{} All rights reserved.", "word ".repeat(50));
        assert_eq!(cues().boilerplate_reason(&long), None);
    }
}
