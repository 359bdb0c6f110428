//! Sentence segmentation and tokenisation for English news.
//!
//! [`segment`] reads the blocks a reader found in a [`Doc`] (paragraphs,
//! headings, list items) and adds three layers, all as byte spans over the
//! untouched body:
//!
//! - `doc.tokens`: Penn-Treebank-like tokens ([`tokenize`] alone gives them for
//!   any text): clitics split ("Russia" "'s", "did" "n't"), abbreviations keep
//!   their periods ("U.S.", "Mr."), numbers keep their separators ("1,200",
//!   "3.5"), hyphens split between capitalised parts ("Trump" "-" "Putin") but
//!   lower-case compounds stay whole ("de-escalate").
//! - `doc.sentences`: body sentences from paragraph and list-item blocks. Wire
//!   datelines (`WASHINGTON (Reuters) -`) and list bullets belong to no
//!   sentence; all-capital lines inside a paragraph stand alone.
//! - `doc.headings`: one token run per heading block.
//!
//! Abbreviations and sentence-starting words are data
//! (`data/lexicon/abbreviations.tsv`, `data/lexicon/sentence-starters.txt`),
//! compiled in.
//!
//! ```
//! use dateline_model::{Block, BlockKind, Doc, Meta, Span};
//!
//! let body = "KYIV, Ukraine (AP) — Gen. Smith met U.S. envoys. They didn't talk.";
//! let mut doc = Doc::new(Meta::default(), body.to_string());
//! doc.blocks.push(Block { span: Span::new(0, body.len()), kind: BlockKind::Paragraph });
//! dateline_segment::segment(&mut doc);
//!
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.text(s.span)).collect();
//! assert_eq!(sentences, ["Gen. Smith met U.S. envoys.", "They didn't talk."]);
//! let second: Vec<&str> = doc.segment_tokens(&doc.sentences[1]).iter().map(|t| doc.text(t.span)).collect();
//! assert_eq!(second, ["They", "did", "n't", "talk", "."]);
//! ```

#![deny(missing_debug_implementations)]

mod abbreviation;
mod block;
mod boundary;
mod dateline;
mod starter;
mod tokenize;

use dateline_model::{BlockKind, Doc, Segment, Span, Token};

pub use tokenize::tokenize;

/// Fills `doc.tokens`, `doc.sentences` and `doc.headings` from `doc.blocks`.
///
/// Earlier contents of the three layers are replaced. Blocks whose span does
/// not slice the body, or that overlap or precede the block before them, are
/// skipped: a reader's mistake costs that block, never a panic.
pub fn segment(doc: &mut Doc) {
    let mut layers = Layers::with_capacity(doc.body().len());
    let mut covered_until = 0usize;
    for (block_idx, block) in doc.blocks.iter().enumerate() {
        let Some(range) = valid_block_range(doc.body(), block.span, covered_until) else {
            continue;
        };
        covered_until = range.end;
        let block_idx = u32::try_from(block_idx).unwrap_or(u32::MAX);
        match block.kind {
            BlockKind::Heading => layers.add_heading(doc.body(), range, block_idx),
            BlockKind::Paragraph => {
                let regions = block::paragraph_regions(doc.body(), range);
                layers.add_sentences(doc.body(), &regions, block_idx);
            }
            BlockKind::ListItem => {
                let regions = block::list_item_regions(doc.body(), range);
                layers.add_sentences(doc.body(), &regions, block_idx);
            }
        }
    }
    doc.tokens = layers.tokens;
    doc.sentences = layers.sentences;
    doc.headings = layers.headings;
}

/// The three layers under construction, in body order.
#[derive(Default)]
struct Layers {
    tokens: Vec<Token>,
    sentences: Vec<Segment>,
    headings: Vec<Segment>,
}

impl Layers {
    /// Room for a body of `body_len` bytes: news averages a token per five
    /// or six bytes and a sentence per 120 or so.
    fn with_capacity(body_len: usize) -> Layers {
        Layers {
            tokens: Vec::with_capacity(body_len / 5 + 8),
            sentences: Vec::with_capacity(body_len / 100 + 2),
            headings: Vec::new(),
        }
    }

    fn add_heading(&mut self, body: &str, range: std::ops::Range<usize>, block_idx: u32) {
        let first_token = self.tokens.len();
        tokenize::tokenize_into(body, range, &mut self.tokens);
        if let Some(segment) = self.segment_over(first_token, self.tokens.len(), block_idx) {
            self.headings.push(segment);
        }
    }

    fn add_sentences(&mut self, body: &str, regions: &[std::ops::Range<usize>], block_idx: u32) {
        for region in regions {
            let first_token = self.tokens.len();
            tokenize::tokenize_into(body, region.clone(), &mut self.tokens);
            let ends = boundary::sentence_ends(body, &self.tokens[first_token..]);
            if ends.is_empty() {
                // Marks without a word ("-", "...") make no sentence.
                self.tokens.truncate(first_token);
                continue;
            }
            let mut start = first_token;
            for end in ends {
                let end = first_token + end;
                if let Some(segment) = self.segment_over(start, end, block_idx) {
                    self.sentences.push(segment);
                }
                start = end;
            }
        }
    }

    /// The segment covering tokens `start..end`, or `None` when there are none.
    fn segment_over(&self, start: usize, end: usize, block_idx: u32) -> Option<Segment> {
        let first = self.tokens.get(start)?;
        let last = self.tokens.get(end.checked_sub(1)?)?;
        if start >= end {
            return None;
        }
        Some(Segment {
            span: Span {
                start: first.span.start,
                end: last.span.end,
            },
            tokens: token_index(start)..token_index(end),
            block: block_idx,
        })
    }
}

fn token_index(index: usize) -> u32 {
    // Bodies are at most u32::MAX bytes and every token holds at least one
    // byte, so token indices always fit.
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// The block's byte range when it slices the body and starts at or after
/// `covered_until`; blocks must come in body order without overlapping.
fn valid_block_range(
    body: &str,
    span: Span,
    covered_until: usize,
) -> Option<std::ops::Range<usize>> {
    let range = span.range();
    let valid = range.start >= covered_until
        && range.start <= range.end
        && range.end <= body.len()
        && body.is_char_boundary(range.start)
        && body.is_char_boundary(range.end);
    valid.then_some(range)
}
