//! Choosing an input's format: by file extension first, then by its first bytes.

use crate::Format;

/// How many leading (decompressed) bytes sniffing looks at.
pub(crate) const SNIFF_BYTES: usize = 4096;

/// The format of an input called `name` whose decompressed data starts with `head`.
pub(crate) fn detect_format(name: &str, head: &[u8]) -> Format {
    match extension_hint(name) {
        Some(Hint::Exactly(format)) => format,
        Some(Hint::Text) => text_format(head),
        Some(Hint::Markup) => markup_format(head),
        None => content_format(head),
    }
}

/// True when a directory walk should pick up a file with this name.
pub(crate) fn is_known_extension(name: &str) -> bool {
    extension_hint(name).is_some()
}

enum Hint {
    Exactly(Format),
    /// Dateline or plain text, decided by the first line.
    Text,
    /// A feed or a web page, decided by the root element.
    Markup,
}

fn extension_hint(name: &str) -> Option<Hint> {
    let lower = name.to_ascii_lowercase();
    let stem = lower.strip_suffix(".gz").unwrap_or(&lower);
    let extension = stem.rsplit_once('.')?.1;
    let hint = match extension {
        "txt" | "text" => Hint::Text,
        "jsonl" | "ndjson" | "jsonlines" => Hint::Exactly(Format::Jsonl),
        "html" | "htm" | "xhtml" | "shtml" => Hint::Exactly(Format::Html),
        "rss" | "atom" => Hint::Exactly(Format::Feed),
        "xml" => Hint::Markup,
        "warc" => Hint::Exactly(Format::Warc),
        _ => return None,
    };
    Some(hint)
}

fn content_format(head: &[u8]) -> Format {
    let start = skip_bom_and_space(head);
    if start.starts_with(b"WARC/") {
        Format::Warc
    } else if start.starts_with(b"{") {
        Format::Jsonl
    } else if start.starts_with(b"<") {
        markup_format(start)
    } else {
        text_format(start)
    }
}

fn text_format(head: &[u8]) -> Format {
    if crate::text::starts_with_dateline_header(skip_bom_and_space(head)) {
        Format::DatelineText
    } else {
        Format::PlainText
    }
}

fn markup_format(head: &[u8]) -> Format {
    let lower = head.to_ascii_lowercase();
    let has = |tag: &[u8]| lower.windows(tag.len()).any(|window| window == tag);
    let is_feed = (has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf")) && !has(b"<html");
    if is_feed { Format::Feed } else { Format::Html }
}

fn skip_bom_and_space(head: &[u8]) -> &[u8] {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(head.len());
    &head[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_decides_when_it_is_known() {
        assert_eq!(detect_format("a.jsonl.gz", b"x"), Format::Jsonl);
        assert_eq!(detect_format("CC-NEWS-1.warc.gz", b""), Format::Warc);
        assert_eq!(detect_format("page.HTM", b"plain"), Format::Html);
        assert_eq!(
            detect_format("feed.xml", b"<?xml version='1.0'?><rss>"),
            Format::Feed
        );
        assert_eq!(
            detect_format("page.xml", b"<?xml version='1.0'?><html>"),
            Format::Html
        );
    }

    #[test]
    fn text_files_are_dateline_text_only_with_the_header_line() {
        assert_eq!(
            detect_format("a.txt", b" date 2024-11-11 Washington: U.S. officials said"),
            Format::DatelineText
        );
        assert_eq!(
            detect_format("a.txt", b"date night ideas"),
            Format::PlainText
        );
    }

    #[test]
    fn content_decides_without_an_extension() {
        assert_eq!(detect_format("-", b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(detect_format("-", b"\n{\"id\": 1}"), Format::Jsonl);
        assert_eq!(detect_format("-", b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(
            detect_format("-", b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::Feed
        );
        assert_eq!(
            detect_format("-", b"KYIV (Reuters) - Sirens."),
            Format::PlainText
        );
    }
}
