//! Parsing a segmented [`Doc`]: each sentence and heading on its own, over
//! the segmenter's tokens, into `Doc::parse`.

use dateline_model::{Doc, Segment, SegmentRef, TokenParse};

use crate::{Model, TagHint, WordParse};

/// Parses every sentence and heading of `doc` (replacing an earlier parse).
///
/// ```
/// use dateline_model::{Block, BlockKind, DepRel, Doc, Meta, Segment, Span, Token, TokenKind};
///
/// let body = "Troops attacked the town.";
/// let mut doc = Doc::new(Meta::default(), body.to_string());
/// for (start, end) in [(0, 6), (7, 15), (16, 19), (20, 24), (24, 25)] {
///     doc.tokens.push(Token { span: Span::new(start, end), kind: TokenKind::Word });
/// }
/// doc.sentences.push(Segment { span: Span::new(0, 25), tokens: 0..5, block: 0 });
/// dateline_parse::parse(&mut doc, dateline_parse::Model::builtin());
/// let subject = doc.parse[0].unwrap();
/// assert_eq!((subject.head, subject.rel), (Some(1), DepRel::Nsubj));
/// assert_eq!(doc.parse[3].unwrap().rel, DepRel::Obj);
/// ```
pub fn parse(doc: &mut Doc, model: &Model) {
    parse_segments(doc, model, |_| true);
}

/// Parses the sentences and headings for which `wanted` is true; tokens
/// of the others get `None`.
pub fn parse_segments(doc: &mut Doc, model: &Model, wanted: impl FnMut(SegmentRef) -> bool) {
    parse_segments_hinted(doc, model, wanted, |_| TagHint::Free);
}

/// Like [`parse_segments`], with what is known of each token's part of
/// speech (`hint` takes an index into `doc.tokens`), such as the names the
/// recogniser found.
pub fn parse_segments_hinted(
    doc: &mut Doc,
    model: &Model,
    mut wanted: impl FnMut(SegmentRef) -> bool,
    hint: impl Fn(usize) -> TagHint,
) {
    let mut layer = vec![None; doc.tokens.len()];
    let mut words: Vec<&str> = Vec::new();
    let mut hints: Vec<TagHint> = Vec::new();
    let mut parsed: Vec<WordParse<'_>> = Vec::new();
    let segments = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(idx, segment)| (SegmentRef::Sentence(idx as u32), segment))
        .chain(
            doc.headings
                .iter()
                .enumerate()
                .map(|(idx, segment)| (SegmentRef::Heading(idx as u32), segment)),
        );
    for (segment_ref, segment) in segments {
        if !wanted(segment_ref) || segment.tokens.is_empty() {
            continue;
        }
        words.clear();
        words.extend(
            doc.segment_tokens(segment)
                .iter()
                .map(|token| doc.text(token.span)),
        );
        hints.clear();
        hints.extend(segment.tokens.clone().map(|token| hint(token as usize)));
        model.parse_hinted_into(&words, &hints, &mut parsed);
        write_segment(segment, &parsed, &mut layer);
    }
    doc.parse = layer;
}

fn write_segment(segment: &Segment, parsed: &[WordParse<'_>], layer: &mut [Option<TokenParse>]) {
    let first = segment.tokens.start;
    for (offset, word) in parsed.iter().enumerate() {
        let Some(slot) = layer.get_mut(first as usize + offset) else {
            return;
        };
        *slot = Some(TokenParse {
            upos: word.tag.upos,
            xpos: word.tag.pos(),
            head: word.head.map(|head| first + head as u32),
            rel: word.rel,
        });
    }
}
