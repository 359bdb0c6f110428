//! Dateline text and plain text.
//!
//! Dateline text opens with `date YYYY-MM-DD Place: ` and the first paragraph
//! follows on the same line. In both formats paragraphs are separated by blank
//! lines, a short one-line paragraph without final punctuation is a heading,
//! and cross-link and boilerplate lines leave the body.

use std::io::Read;

use chrono::NaiveDate;
use dateline_model::{BlockKind, Meta};

use crate::article::ArticleBuilder;
use crate::cues::{MAX_BOILERPLATE_LINE_BYTES, cues};
use crate::decode::strip_bom;
use crate::document::read_document;
use crate::reading::Reading;

/// Headings are short: at most this many words...
const MAX_HEADING_WORDS: usize = 15;
/// ...and at most this many bytes.
const MAX_HEADING_BYTES: usize = 150;
/// A place name in the header line is at most this long (bytes).
const MAX_PLACE_BYTES: usize = 80;

/// Which of the two text formats an input is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextKind {
    Dateline,
    Plain,
}

/// Reads one text article.
pub(crate) fn read_text(stream: &mut dyn Read, reading: &mut Reading, kind: TextKind) {
    let Some(text) = read_document(stream, reading) else {
        return;
    };
    let text = strip_bom(&text);
    let meta = Meta {
        input: reading.input_ref(None),
        ..Meta::default()
    };
    let mut article = ArticleBuilder::new(meta);
    let body_text = match kind {
        TextKind::Dateline => read_header(text, &mut article, reading),
        TextKind::Plain => text,
    };
    push_paragraphs(&mut article, body_text);
    if kind == TextKind::Plain {
        article.meta.title = article.leading_heading().map(str::to_string);
    }
    reading.emit(article, None);
}

/// True when `head` opens with a dateline header (`date 2024-11-11 ...`).
pub(crate) fn starts_with_dateline_header(head: &[u8]) -> bool {
    if !head
        .get(..5)
        .is_some_and(|word| word.eq_ignore_ascii_case(b"date "))
    {
        return false;
    }
    let digits = head[5..].trim_ascii_start();
    digits.len() >= 10
        && digits[..10]
            .iter()
            .enumerate()
            .all(|(index, byte)| match index {
                4 | 7 => *byte == b'-',
                _ => byte.is_ascii_digit(),
            })
}

/// Reads the header line into the metadata and returns the body text: the
/// rest of the first line after `Place: `, then every following line.
fn read_header<'t>(text: &'t str, article: &mut ArticleBuilder, reading: &mut Reading) -> &'t str {
    let header = parse_header(text.trim_start());
    let Some(header) = header else {
        reading.warning(
            Some(crate::Position::Line(1)),
            "first line is not 'date YYYY-MM-DD Place: ...'; read as plain text",
        );
        return text;
    };
    match header.date {
        Some(date) => article.meta.date = Some(date),
        None => reading.warning(
            Some(crate::Position::Line(1)),
            format!(
                "'{}' is not a valid date; date left unknown",
                header.date_text
            ),
        ),
    }
    article.meta.place = header.place.map(str::to_string);
    header.body
}

struct Header<'t> {
    date_text: &'t str,
    date: Option<NaiveDate>,
    place: Option<&'t str>,
    body: &'t str,
}

fn parse_header(text: &str) -> Option<Header<'_>> {
    if !starts_with_dateline_header(text.as_bytes()) {
        return None;
    }
    let after_word = text[5..].trim_start();
    let date_text = &after_word[..10];
    let date = NaiveDate::parse_from_str(date_text, "%Y-%m-%d").ok();
    let rest = after_word[10..].trim_start_matches([' ', '\t']);
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let (place, body) = match find_place_colon(&rest[..line_end]) {
        Some(colon) => (Some(rest[..colon].trim()), &rest[colon + 1..]),
        None => (None, rest),
    };
    Some(Header {
        date_text,
        date,
        place: place.filter(|place| !place.is_empty()),
        body,
    })
}

/// The colon ending the place name: the first ": " (or line-final ":") within reach.
fn find_place_colon(line: &str) -> Option<usize> {
    let line = line.trim_end_matches('\r');
    line.match_indices(':')
        .map(|(index, _)| index)
        .take_while(|&index| index <= MAX_PLACE_BYTES)
        .find(|&index| line[index + 1..].is_empty() || line[index + 1..].starts_with([' ', '\t']))
}

/// Splits text into blocks: blank lines separate paragraphs; inside a
/// paragraph the text stays as it came. Cross-link and boilerplate lines are
/// taken out wherever they stand.
pub(crate) fn push_paragraphs(article: &mut ArticleBuilder, text: &str) {
    let mut paragraph: Option<(usize, usize)> = None;
    for (start, line) in lines_with_offsets(text) {
        let end = start + line.len();
        if line.trim().is_empty() {
            flush(article, text, paragraph.take());
        } else if is_special_line(line) {
            flush(article, text, paragraph.take());
            article.push(BlockKind::Paragraph, line);
        } else {
            paragraph = Some(paragraph.map_or((start, end), |(first, _)| (first, end)));
        }
    }
    flush(article, text, paragraph);
}

fn flush(article: &mut ArticleBuilder, text: &str, paragraph: Option<(usize, usize)>) {
    let Some((start, end)) = paragraph else {
        return;
    };
    let paragraph = text[start..end].trim();
    let kind = if looks_like_heading(paragraph) {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    };
    article.push_unchecked(kind, paragraph);
}

/// Lines (without their line break) and the byte offset where each starts.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let line_start = start;
        start += line.len() + 1;
        (line_start, line.strip_suffix('\r').unwrap_or(line))
    })
}

/// A line that leaves the body: a cross-link or boilerplate.
fn is_special_line(line: &str) -> bool {
    let line = line.trim();
    let short = line.len() <= MAX_BOILERPLATE_LINE_BYTES;
    (short && cues().boilerplate_reason(line).is_some()) || cues().cross_link(line).is_some()
}

/// A heading is one short line that starts like a title and does not end like
/// a sentence ("Trump and Putin Talk Peace in Ukraine", "Conclusion").
pub(crate) fn looks_like_heading(paragraph: &str) -> bool {
    if paragraph.len() > MAX_HEADING_BYTES || paragraph.contains('\n') {
        return false;
    }
    if paragraph.split_whitespace().count() > MAX_HEADING_WORDS {
        return false;
    }
    let starts_like_title = paragraph
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    let last = paragraph
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '»'])
        .chars()
        .next_back();
    let ends_like_sentence = last.is_none_or(|c| ".!?…:;,".contains(c));
    starts_like_title && !ends_like_sentence && paragraph.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_gives_date_place_and_the_rest_of_the_line() {
        let header =
            parse_header("date 2024-11-11 Washington: U.S. officials said.\nNext").unwrap();
        assert_eq!(header.date, NaiveDate::from_ymd_opt(2024, 11, 11));
        assert_eq!(header.place, Some("Washington"));
        assert_eq!(header.body, " U.S. officials said.\nNext");
    }

    #[test]
    fn header_place_may_hold_commas_and_dots() {
        let header =
            parse_header("date 2023-02-01 Washington, D.C.: Talks began: slowly.").unwrap();
        assert_eq!(header.place, Some("Washington, D.C."));
        assert_eq!(header.body, " Talks began: slowly.");
    }

    #[test]
    fn headings_are_short_title_lines() {
        assert!(looks_like_heading("Trump and Putin Talk Peace in Ukraine"));
        assert!(looks_like_heading("Conclusion"));
        assert!(looks_like_heading(
            "Call with Putin from Trump’s Florida Resort"
        ));
        assert!(!looks_like_heading("The call lasted an hour."));
        assert!(!looks_like_heading("said the minister"));
        assert!(!looks_like_heading("What happens next?"));
        assert!(!looks_like_heading(
            "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
        ));
    }
}
