//! The article document: metadata, the untouched body, and its stand-off layers.

use chrono::NaiveDate;
use std::ops::Range;

use crate::{Event, Mention, PlaceRef, Pos, Span, TokenParse};

/// One article flowing through the pipeline.
///
/// The reader fixes `body` once; later stages only append layers whose spans
/// point into it. Layers are plain vectors indexed by position: a sentence
/// names its tokens by a token index range, an event names its sentence by
/// index, so nothing is cloned and every record traces back to exact bytes.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub meta: Meta,
    body: String,
    /// Paragraphs, headings and list items, in body order, not overlapping.
    pub blocks: Vec<Block>,
    /// Cross-links ("Also Read: ...") taken out of the body.
    pub related_links: Vec<RelatedLink>,
    /// Boilerplate removed from the input before the body was fixed.
    pub dropped: Vec<Dropped>,
    /// Body sentences (from paragraph and list-item blocks), in order.
    pub sentences: Vec<Segment>,
    /// Heading blocks as token runs, in order; not sentences.
    pub headings: Vec<Segment>,
    /// Every token of every sentence and heading, in body order.
    pub tokens: Vec<Token>,
    /// Part-of-speech tags, parallel to `tokens` (empty until tagged).
    pub tags: Vec<Pos>,
    /// Dependency parse, parallel to `tokens` (empty until parsed; `None`
    /// for tokens of sentences the parser was not asked to parse).
    pub parse: Vec<Option<TokenParse>>,
    /// Actor, place and unknown-name mentions, in body order.
    pub mentions: Vec<Mention>,
    /// Countries the article is about, most prominent first.
    pub focus: Vec<CountryFocus>,
    /// The dateline place (`meta.place`) resolved against the gazetteer.
    pub dateline: Option<PlaceRef>,
    /// Coded events.
    pub events: Vec<Event>,
}

impl Doc {
    /// Starts a document over a fixed body. The body never changes after this.
    pub fn new(meta: Meta, body: String) -> Doc {
        Doc {
            meta,
            body,
            ..Doc::default()
        }
    }

    pub fn body(&self) -> &str {
        &self.body
    }

    /// The text under a span of this document.
    pub fn text(&self, span: Span) -> &str {
        &self.body.as_str()[span]
    }

    /// The tokens of a sentence or heading.
    pub fn segment_tokens(&self, segment: &Segment) -> &[Token] {
        &self.tokens[segment.token_range()]
    }

    /// The block kinds that carry body sentences (not headings).
    pub fn body_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind != BlockKind::Heading)
    }
}

/// Article metadata. Unknown stays `None`: a date is never invented.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// Stable id: the given id, else the URL, else a hash of the content.
    pub id: String,
    /// Where the article came from (file path and record).
    pub input: InputRef,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publication date: the calendar day as written in the input's own
    /// time zone when it gives a full timestamp.
    pub date: Option<NaiveDate>,
    /// The full timestamp when the input gives one, as written (RFC 3339).
    pub datetime: Option<String>,
    /// The dateline place as written ("Washington", "KYIV").
    pub place: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    /// ISO 639-1 code, given or detected.
    pub language: Option<String>,
    /// Input fields Dateline has no slot for, kept as they came.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Where an article was read from: a path (or `-`) and, for inputs holding
/// many articles, the 1-based line (JSONL) or record number (WARC, feeds).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct InputRef {
    pub path: String,
    pub record: Option<Record>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Record {
    Line(u64),
    Item(u64),
}

impl std::fmt::Display for InputRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.record {
            None => write!(f, "{}", self.path),
            Some(Record::Line(n)) => write!(f, "{}:{}", self.path, n),
            Some(Record::Item(n)) => write!(f, "{}#{}", self.path, n),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
}

/// A sentence or heading: its span and the tokens inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    /// Index range into [`Doc::tokens`].
    pub tokens: Range<u32>,
    /// Index into [`Doc::blocks`].
    pub block: u32,
}

impl Segment {
    pub fn token_range(&self) -> Range<usize> {
        self.tokens.start as usize..self.tokens.end as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("U.S.", "al-Assad").
    Word,
    /// Digits with separators ("1,200", "3.5", "2024").
    Number,
    /// Punctuation (".", ",", "“", "—").
    Punct,
    /// Anything else (currency signs, emoji).
    Symbol,
}

/// A link to another story that was removed from the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelatedLink {
    /// The cue as written ("Also Read").
    pub label: String,
    /// The linked story's title as written.
    pub text: String,
    pub url: Option<String>,
}

/// Text removed from the input before the body was fixed, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub text: String,
    pub reason: String,
}

/// A country the article is about, with the evidence weight behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryFocus {
    /// CAMEO country code (ISO 3166-1 alpha-3 style).
    pub country: String,
    pub score: f32,
    pub mentions: u32,
}
