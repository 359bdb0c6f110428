//! Part-of-speech tagging and English inflection.
//!
//! [`tag`] fills `doc.tags` with one Penn Treebank tag ([`Pos`]) per token,
//! tagging each sentence and heading on its own with a Brill tagger:
//!
//! 1. a start state: lexicon lookup (Brill's lexicon plus Dateline's news
//!    additions), Penn tags for punctuation, and for unknown words a guess
//!    from spelling by Brill's lexical rules;
//! 2. Brill's contextual rules, then Dateline's, which correct tags from
//!    the words and tags around them ("NN VB PREVTAG TO").
//!
//! Headings and lines in capitals are read knowing that their capitals mark
//! no names ("Trump Meets Putin": "Meets" is a verb).
//!
//! [`verb_forms`], [`noun_plural`] and [`lemma`] inflect and lemmatise, so the
//! event coder can write one pattern per lemma and match every form.
//!
//! All data is compiled in from `data/lexicon/` and parsed on first use.
//!
//! ```
//! use dateline_model::{Block, BlockKind, Doc, Meta, Pos, Segment, Span, Token, TokenKind};
//!
//! let body = "Putin met Modi. They signed a deal.";
//! let mut doc = Doc::new(Meta::default(), body.to_string());
//! // Tokens and sentences come from dateline-segment; here they are by hand.
//! let words = [(0, 5), (6, 9), (10, 14), (14, 15), (16, 20), (21, 27), (28, 29), (30, 34), (34, 35)];
//! for (start, end) in words {
//!     let kind = if start + 1 == end { TokenKind::Punct } else { TokenKind::Word };
//!     let kind = if &body[start..end] == "a" { TokenKind::Word } else { kind };
//!     doc.tokens.push(Token { span: Span::new(start, end), kind });
//! }
//! doc.sentences.push(Segment { span: Span::new(0, 15), tokens: 0..4, block: 0 });
//! doc.sentences.push(Segment { span: Span::new(16, 35), tokens: 4..9, block: 0 });
//!
//! dateline_tag::tag(&mut doc);
//! use Pos::*;
//! assert_eq!(doc.tags, [Nnp, Vbd, Nnp, Period, Prp, Vbd, Dt, Nn, Period]);
//! assert_eq!(dateline_tag::lemma("met", doc.tags[1]), "meet");
//! ```

#![deny(missing_debug_implementations)]

mod constrain;
mod inflect;
mod lexicon;
mod rules;
mod start;

use std::ops::Range;

use dateline_model::{Doc, Pos, Token};

pub use inflect::{VerbForms, lemma, noun_plural, regular, verb_forms};

use rules::context::{CONTEXT_RULES, PADDING, PaddedSentence, pos_of};
use start::{SegmentView, casing_of, start_tag};

/// How a run of tokens is written: as prose, or as a heading whose capitals
/// do not mark names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Sentence,
    Heading,
}

/// Fills `doc.tags` parallel to `doc.tokens`, tagging every sentence and
/// heading on its own. Tokens outside any segment are tagged as one run
/// per gap. Earlier tags are replaced.
pub fn tag(doc: &mut Doc) {
    let mut tags = Vec::with_capacity(doc.tokens.len());
    let mut scratch = PaddedSentence::default();
    for (range, layout) in tagging_runs(doc) {
        let tokens = &doc.tokens[range];
        tag_run(doc.body(), tokens, layout, &mut scratch, &mut tags);
    }
    doc.tags = tags;
}

/// Tags one sentence or heading: `tokens` have spans into `text`.
///
/// ```
/// use dateline_model::Pos;
/// use dateline_tag::{Layout, tag_tokens};
///
/// # use dateline_model::{Span, Token, TokenKind};
/// # let text = "Russia Attacks Port";
/// # let tokens: Vec<Token> = [(0, 6), (7, 14), (15, 19)]
/// #     .into_iter()
/// #     .map(|(s, e)| Token { span: Span::new(s, e), kind: TokenKind::Word })
/// #     .collect();
/// assert_eq!(tag_tokens(text, &tokens, Layout::Heading), [Pos::Nnp, Pos::Vbz, Pos::Nn]);
/// ```
pub fn tag_tokens(text: &str, tokens: &[Token], layout: Layout) -> Vec<Pos> {
    let mut tags = Vec::with_capacity(tokens.len());
    tag_run(
        text,
        tokens,
        layout,
        &mut PaddedSentence::default(),
        &mut tags,
    );
    tags
}

fn tag_run(
    text: &str,
    tokens: &[Token],
    layout: Layout,
    scratch: &mut PaddedSentence,
    tags: &mut Vec<Pos>,
) {
    let rules = &*CONTEXT_RULES;
    let segment = SegmentView {
        text,
        tokens,
        casing: casing_of(text, tokens, layout == Layout::Heading),
    };
    scratch.start();
    for token_idx in 0..tokens.len() {
        let start = start_tag(&segment, token_idx);
        let guard = constrain::guard(segment.casing, start);
        scratch.push(start, guard, &segment.normalised_word(token_idx), rules);
    }
    scratch.finish();
    rules.apply(scratch);
    let tagged = &scratch.tags[PADDING..scratch.tags.len() - PADDING];
    for (token_idx, (&code, &start)) in tagged.iter().zip(&scratch.starts).enumerate() {
        let word = segment.word(token_idx);
        tags.push(constrain::constrain(
            word,
            segment.casing,
            pos_of(code),
            start,
        ));
    }
}

/// Token ranges to tag on their own, covering every token once in order:
/// sentences and headings, and the gaps between them.
fn tagging_runs(doc: &Doc) -> Vec<(Range<usize>, Layout)> {
    let mut segments: Vec<(Range<usize>, Layout)> = doc
        .sentences
        .iter()
        .map(|s| (s.token_range(), Layout::Sentence))
        .chain(
            doc.headings
                .iter()
                .map(|h| (h.token_range(), Layout::Heading)),
        )
        .filter(|(range, _)| range.start < range.end && range.end <= doc.tokens.len())
        .collect();
    segments.sort_by_key(|(range, _)| range.start);
    let mut runs = Vec::with_capacity(segments.len() + 1);
    let mut covered = 0;
    for (range, layout) in segments {
        if range.start < covered {
            // Overlapping segments: the earlier one keeps the shared tokens.
            if range.end > covered {
                runs.push((covered..range.end, layout));
                covered = range.end;
            }
            continue;
        }
        if range.start > covered {
            runs.push((covered..range.start, Layout::Sentence));
        }
        covered = range.end;
        runs.push((range, layout));
    }
    if covered < doc.tokens.len() {
        runs.push((covered..doc.tokens.len(), Layout::Sentence));
    }
    runs
}
