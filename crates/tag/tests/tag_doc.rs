//! `tag` over segmented documents, and lemmas of what it tags.

use dateline_model::{Block, BlockKind, Doc, Meta, Pos, Segment, Span};

fn segmented(pieces: &[(BlockKind, &str)]) -> Doc {
    let mut body = String::new();
    let mut blocks = Vec::new();
    for (kind, text) in pieces {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        blocks.push(Block {
            span: Span::new(body.len(), body.len() + text.len()),
            kind: *kind,
        });
        body.push_str(text);
    }
    let mut doc = Doc::new(Meta::default(), body);
    doc.blocks = blocks;
    dateline_segment::segment(&mut doc);
    doc
}

fn tagged<'a>(doc: &'a Doc, segment: &Segment) -> Vec<(&'a str, Pos)> {
    segment
        .token_range()
        .map(|idx| (doc.text(doc.tokens[idx].span), doc.tags[idx]))
        .collect()
}

#[test]
fn headings_and_sentences_are_tagged_on_their_own() {
    let mut doc = segmented(&[
        (BlockKind::Heading, "Putin Meets Xi In Beijing"),
        (
            BlockKind::Paragraph,
            "BEIJING (Reuters) - Putin met Xi on Tuesday. The leaders signed 12 agreements.",
        ),
    ]);
    dateline_tag::tag(&mut doc);
    assert_eq!(doc.tags.len(), doc.tokens.len());
    use Pos::*;
    assert_eq!(
        tagged(&doc, &doc.headings[0]),
        [
            ("Putin", Nnp),
            ("Meets", Vbz),
            ("Xi", Nnp),
            ("In", In),
            ("Beijing", Nnp)
        ]
    );
    assert_eq!(
        tagged(&doc, &doc.sentences[0]),
        [
            ("Putin", Nnp),
            ("met", Vbd),
            ("Xi", Nnp),
            ("on", In),
            ("Tuesday", Nnp),
            (".", Period)
        ]
    );
    assert_eq!(
        tagged(&doc, &doc.sentences[1]),
        [
            ("The", Dt),
            ("leaders", Nns),
            ("signed", Vbd),
            ("12", Cd),
            ("agreements", Nns),
            (".", Period)
        ]
    );
    let lemmas: Vec<String> = doc
        .tokens
        .iter()
        .zip(&doc.tags)
        .filter(|(_, tag)| tag.is_verb() || **tag == Pos::Nns)
        .map(|(token, &tag)| dateline_tag::lemma(doc.text(token.span), tag).into_owned())
        .collect();
    assert_eq!(lemmas, ["meet", "meet", "leader", "sign", "agreement"]);
}

#[test]
fn quotes_and_possessives_get_their_penn_tags() {
    let mut doc = segmented(&[(
        BlockKind::Paragraph,
        "\"Kyiv's air defences worked,\" the ministers' spokesman said (on Monday).",
    )]);
    dateline_tag::tag(&mut doc);
    let tags = tagged(&doc, &doc.sentences[0]);
    use Pos::*;
    assert_eq!(tags[0], ("\"", OpenQuote));
    assert_eq!(tags[2], ("'s", PossessiveEnding));
    assert_eq!(tags[7], ("\"", CloseQuote));
    assert_eq!(tags[10], ("'", PossessiveEnding));
    assert_eq!(tags[13], ("(", OpenParen));
    assert_eq!(tags[16], (")", CloseParen));
}

#[test]
fn tokens_outside_segments_and_broken_segments_are_still_tagged() {
    let body = "Rebels attacked. Troops fled.";
    let mut doc = Doc::new(Meta::default(), body.to_string());
    doc.tokens = dateline_segment::tokenize(body);
    // Only the second sentence is a segment, and a bogus one points past the tokens.
    doc.sentences.push(Segment {
        span: Span::new(17, body.len()),
        tokens: 3..6,
        block: 0,
    });
    doc.sentences.push(Segment {
        span: Span::new(0, 1),
        tokens: 4..99,
        block: 0,
    });
    dateline_tag::tag(&mut doc);
    use Pos::*;
    assert_eq!(doc.tags, [Nns, Vbd, Period, Nns, Vbd, Period]);

    let mut empty = Doc::new(Meta::default(), String::new());
    dateline_tag::tag(&mut empty);
    assert!(empty.tags.is_empty());
}
