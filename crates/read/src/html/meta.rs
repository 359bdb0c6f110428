//! Page metadata from `<meta>` tags, `<link rel=canonical>`, `<title>`,
//! `<html lang>` and JSON-LD (`<script type="application/ld+json">`).
//!
//! Several sources often give the same field; each candidate carries a rank
//! and the best-ranked one wins (JSON-LD on the article object first, then
//! Open Graph and `article:` properties, then generic meta names).

use std::cell::RefCell;

use html5ever::local_name;
use memchr::memmem;
use serde_json::Value;

use super::tokens::{
    Tag, TagKind, Token, TokenSink, TokenSinkResult, attribute, raw_text_after, tokenize,
};

/// Metadata found in a page's markup, before any choice between page and extractor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    /// Publication date or timestamp as written.
    pub published: Option<String>,
    pub author: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    /// The declared language (`<html lang>`, `og:locale`, JSON-LD `inLanguage`).
    pub language: Option<String>,
}

/// Scans a page for its metadata.
///
/// Only the places metadata lives are tokenized: the head, JSON-LD scripts and
/// tags carrying `datePublished` in the body. Tokenizing whole pages would
/// cost as much as a third of the main-content extraction.
pub(crate) fn page_meta(html: &str) -> PageMeta {
    let lower = html.as_bytes().to_ascii_lowercase();
    let head_end = memmem::find(&lower, b"</head")
        .or_else(|| memmem::find(&lower, b"<body"))
        .unwrap_or(html.len());
    let mut sink = MetaSink {
        state: RefCell::new(Scan::default()),
    };
    sink = tokenize(&html[..head_end], sink);
    for range in body_meta_ranges(&lower, head_end) {
        sink = tokenize(&html[range], sink);
    }
    sink.state.into_inner().finish()
}

/// Byte ranges after the head that hold metadata: whole JSON-LD `<script>`
/// elements and single tags with a `datePublished` property. Every range
/// starts at a `<` and ends after a `>`, so it is on char boundaries.
fn body_meta_ranges(lower: &[u8], from: usize) -> Vec<std::ops::Range<usize>> {
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let body = &lower[from..];
    for found in memmem::find_iter(body, b"application/ld+json") {
        let at = from + found;
        let Some(start) = memchr::memrchr(b'<', &lower[..at]) else {
            continue;
        };
        let Some(close) = memmem::find(&lower[at..], b"</script") else {
            continue;
        };
        let close = at + close;
        let end = memchr::memchr(b'>', &lower[close..]).map_or(lower.len(), |e| close + e + 1);
        if ranges.last().is_none_or(|last| last.end <= start) {
            ranges.push(start..end);
        }
    }
    for found in memmem::find_iter(body, b"datepublished") {
        let at = from + found;
        let (Some(start), Some(end)) = (
            memchr::memrchr(b'<', &lower[..at]),
            memchr::memchr(b'>', &lower[at..]).map(|e| at + e + 1),
        ) else {
            continue;
        };
        if !ranges.iter().any(|range| range.contains(&start)) {
            ranges.push(start..end);
        }
    }
    ranges.sort_by_key(|range| range.start);
    ranges
}

/// JSON-LD types that describe the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "LiveBlogPosting",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "Recipe",
];

/// Meta names and properties that give the publication date, best first.
const DATE_NAMES: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "og:published_time",
    "original-publish-date",
];

/// Meta names and properties that give the author, best first.
const AUTHOR_NAMES: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
];

// Ranks: lower wins.
const RANK_JSON_LD_ARTICLE: u8 = 0;
const RANK_META: u8 = 10;
const RANK_JSON_LD_OTHER: u8 = 40;
const RANK_FALLBACK: u8 = 60;

#[derive(Debug, Default)]
struct Best {
    rank: u8,
    value: Option<String>,
}

impl Best {
    fn offer(&mut self, rank: u8, value: &str) {
        let value = value.trim();
        if value.is_empty() || (self.value.is_some() && rank >= self.rank) {
            return;
        }
        self.rank = rank;
        self.value = Some(collapse_whitespace(value));
    }
}

/// Titles cut short by the site ("... for Hong Kong leader...") rank below
/// every whole one.
const RANK_TRUNCATED: u8 = 80;

#[derive(Debug, Default)]
struct Scan {
    title: Best,
    published: Best,
    author: Best,
    site_name: Best,
    url: Best,
    language: Best,
    /// Text of the `<title>` or JSON-LD script being read.
    capture: Option<Capture>,
    buffer: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    Title,
    JsonLd,
}

struct MetaSink {
    state: RefCell<Scan>,
}

impl TokenSink for MetaSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line_number: u64) -> TokenSinkResult<()> {
        let mut scan = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                scan.tag(&tag);
                return raw_text_after(&tag);
            }
            Token::CharacterTokens(text) if scan.capture.is_some() => scan.buffer.push_str(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl Scan {
    fn offer_title(&mut self, rank: u8, title: &str) {
        let title = title.trim();
        let truncated = title.ends_with("...") || title.ends_with('…');
        self.title
            .offer(if truncated { RANK_TRUNCATED } else { rank }, title);
    }

    fn tag(&mut self, tag: &Tag) {
        if tag.kind == TagKind::EndTag {
            self.end_capture(tag);
            return;
        }
        match tag.name {
            local_name!("meta") => self.meta(tag),
            local_name!("link") => self.link(tag),
            local_name!("html") => {
                if let Some(lang) = attribute(tag, &local_name!("lang")) {
                    self.language.offer(RANK_META, lang);
                }
            }
            local_name!("title") if self.title.value.is_none() => {
                self.start_capture(Capture::Title)
            }
            local_name!("script") => {
                let is_json_ld = attribute(tag, &local_name!("type"))
                    .is_some_and(|kind| kind.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_json_ld {
                    self.start_capture(Capture::JsonLd);
                }
            }
            local_name!("time") => {
                let is_publication = tag.attrs.iter().any(|a| {
                    &*a.name.local == "pubdate"
                        || (a.name.local == local_name!("itemprop") && &*a.value == "datePublished")
                });
                if let Some(datetime) =
                    attribute(tag, &local_name!("datetime")).filter(|_| is_publication)
                {
                    self.published.offer(RANK_META + 5, datetime);
                }
            }
            _ => {}
        }
    }

    fn start_capture(&mut self, capture: Capture) {
        self.capture = Some(capture);
        self.buffer.clear();
    }

    fn end_capture(&mut self, tag: &Tag) {
        let text = std::mem::take(&mut self.buffer);
        match (self.capture, &tag.name) {
            (Some(Capture::Title), &local_name!("title")) => {
                self.offer_title(RANK_FALLBACK, &text);
            }
            (Some(Capture::JsonLd), &local_name!("script")) => self.json_ld(&text),
            _ => {
                self.buffer = text;
                return;
            }
        }
        self.capture = None;
    }

    fn meta(&mut self, tag: &Tag) {
        let Some(content) = attribute(tag, &local_name!("content")) else {
            return;
        };
        let key = [
            local_name!("property"),
            local_name!("name"),
            local_name!("itemprop"),
        ]
        .iter()
        .find_map(|name| attribute(tag, name))
        .map(|key| key.trim().to_ascii_lowercase());
        let Some(key) = key else {
            return;
        };
        if let Some(index) = DATE_NAMES.iter().position(|name| *name == key) {
            self.published.offer(RANK_META + index as u8, content);
        } else if let Some(index) = AUTHOR_NAMES.iter().position(|name| *name == key) {
            // Facebook-style author properties hold profile URLs, not names.
            if !content.starts_with("http") {
                self.author
                    .offer(RANK_META + index as u8, strip_by(content));
            }
        } else {
            match key.as_str() {
                "og:title" | "twitter:title" => {
                    self.offer_title(RANK_META + u8::from(key.starts_with('t')), content)
                }
                "og:site_name" => self.site_name.offer(RANK_JSON_LD_ARTICLE, content),
                "application-name" => self.site_name.offer(RANK_FALLBACK, content),
                "og:url" => self.url.offer(RANK_META + 1, content),
                "og:locale" | "content-language" | "language" => {
                    self.language.offer(RANK_META + 1, content)
                }
                _ => {}
            }
        }
    }

    fn link(&mut self, tag: &Tag) {
        let is_canonical = attribute(tag, &local_name!("rel")).is_some_and(|rel| {
            rel.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
        });
        let href = attribute(tag, &local_name!("href"))
            .filter(|href| is_canonical && href.starts_with("http"));
        if let Some(href) = href {
            self.url.offer(RANK_META, href);
        }
    }

    fn json_ld(&mut self, text: &str) {
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            return;
        };
        // Walk arrays and @graph lists without recursion.
        let mut pending = vec![&value];
        while let Some(value) = pending.pop() {
            match value {
                Value::Array(items) => pending.extend(items.iter().rev()),
                Value::Object(object) => {
                    if let Some(graph) = object.get("@graph") {
                        pending.push(graph);
                    }
                    self.json_ld_object(object);
                }
                _ => {}
            }
        }
    }

    fn json_ld_object(&mut self, object: &serde_json::Map<String, Value>) {
        let rank = if has_type(object, ARTICLE_TYPES) {
            RANK_JSON_LD_ARTICLE
        } else if has_type(object, &["WebPage"]) {
            RANK_JSON_LD_OTHER
        } else {
            return;
        };
        if let Some(headline) = object.get("headline").and_then(Value::as_str) {
            self.offer_title(rank, headline);
        }
        if let Some(date) = object.get("datePublished").and_then(Value::as_str) {
            self.published.offer(rank, date);
        }
        if let Some(author) = object.get("author").and_then(person_names) {
            self.author.offer(rank, &author);
        }
        let publisher = object
            .get("publisher")
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str);
        if let Some(publisher) = publisher {
            self.site_name.offer(rank + 1, publisher);
        }
        if let Some(language) = object.get("inLanguage").and_then(Value::as_str) {
            self.language.offer(rank + 1, language);
        }
    }

    fn finish(self) -> PageMeta {
        PageMeta {
            title: self.title.value,
            published: self.published.value,
            author: self.author.value,
            site_name: self.site_name.value,
            url: self.url.value,
            language: self.language.value,
        }
    }
}

fn has_type(object: &serde_json::Map<String, Value>, types: &[&str]) -> bool {
    match object.get("@type") {
        Some(Value::String(kind)) => types.contains(&kind.as_str()),
        Some(Value::Array(kinds)) => kinds
            .iter()
            .filter_map(Value::as_str)
            .any(|kind| types.contains(&kind)),
        _ => false,
    }
}

/// Author names from a JSON-LD `author`: a name, a Person, or a list of them.
fn person_names(author: &Value) -> Option<String> {
    let name_of = |value: &Value| match value {
        Value::String(name) => Some(name.clone()),
        Value::Object(person) => person
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    };
    let names: Vec<String> = match author {
        Value::Array(people) => people.iter().filter_map(name_of).collect(),
        one => name_of(one).into_iter().collect(),
    };
    let names: Vec<&str> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    (!names.is_empty()).then(|| names.join("; "))
}

/// "By Jane Doe" -> "Jane Doe".
fn strip_by(author: &str) -> &str {
    let author = author.trim();
    match author.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => author[3..].trim(),
        _ => author,
    }
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_article_wins_over_meta_tags() {
        let html = r#"<html lang="en-GB"><head><title>Talks resume | Example News</title>
            <meta property="og:title" content="Talks resume in Doha">
            <meta property="article:published_time" content="2024-11-10T22:00:00Z">
            <meta name="author" content="By Jane Doe">
            <meta property="og:site_name" content="Example News">
            <link rel="canonical" href="https://example.com/doha">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Example"},
              {"@type":"NewsArticle","headline":"Ceasefire talks resume in Doha",
               "datePublished":"2024-11-11T09:30:00+03:00",
               "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Omar Ali"}]}]}
            </script></head><body><p>Text</p></body></html>"#;
        let meta = page_meta(html);
        assert_eq!(
            meta.title.as_deref(),
            Some("Ceasefire talks resume in Doha")
        );
        assert_eq!(meta.published.as_deref(), Some("2024-11-11T09:30:00+03:00"));
        assert_eq!(meta.author.as_deref(), Some("Jane Doe; Omar Ali"));
        assert_eq!(meta.site_name.as_deref(), Some("Example News"));
        assert_eq!(meta.url.as_deref(), Some("https://example.com/doha"));
        assert_eq!(meta.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn meta_tags_and_title_when_there_is_no_json_ld() {
        let html = r#"<head><title> Floods hit
            Sindh </title><meta name="author" content="By Jane Doe">
            <meta name="pubdate" content="2022-08-30"></head>"#;
        let meta = page_meta(html);
        assert_eq!(meta.title.as_deref(), Some("Floods hit Sindh"));
        assert_eq!(meta.published.as_deref(), Some("2022-08-30"));
        assert_eq!(meta.author.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let html =
            r#"<script type="application/ld+json">{"headline": </script><title>Kept</title>"#;
        assert_eq!(page_meta(html).title.as_deref(), Some("Kept"));
    }
}
