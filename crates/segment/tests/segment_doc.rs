//! `segment` over whole documents: headings, datelines, list items, capitals
//! lines, the layer invariants, and blocks a reader got wrong.

use dateline_model::{Block, BlockKind, Doc, Meta, Span, TokenKind};

/// A document whose blocks are the given (kind, text) pieces joined by
/// blank lines.
fn doc_of(pieces: &[(BlockKind, &str)]) -> Doc {
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
    doc
}

fn texts<'a>(doc: &'a Doc, segments: &[dateline_model::Segment]) -> Vec<&'a str> {
    segments
        .iter()
        .map(|segment| doc.text(segment.span))
        .collect()
}

/// Every layer invariant the rest of the pipeline relies on.
fn assert_invariants(doc: &Doc) {
    let body = doc.body();
    let mut previous_end = 0;
    for token in &doc.tokens {
        assert!(
            token.span.start as usize >= previous_end,
            "tokens out of order or overlapping"
        );
        assert!(
            body.is_char_boundary(token.span.start as usize)
                && body.is_char_boundary(token.span.end as usize)
        );
        assert!(!token.span.is_empty());
        assert!(
            !doc.text(token.span).contains(char::is_whitespace) || token.kind == TokenKind::Word
        );
        previous_end = token.span.end as usize;
    }
    let mut segments: Vec<_> = doc.sentences.iter().chain(&doc.headings).collect();
    segments.sort_by_key(|segment| segment.tokens.start);
    let mut next_token = 0;
    for segment in segments {
        assert_eq!(
            segment.tokens.start, next_token,
            "every token belongs to exactly one segment"
        );
        assert!(segment.tokens.start < segment.tokens.end);
        let text = doc.text(segment.span);
        assert_eq!(
            text,
            text.trim(),
            "segment spans exclude surrounding whitespace"
        );
        let block = doc.blocks[segment.block as usize];
        assert!(block.span.contains(segment.span));
        let tokens = doc.segment_tokens(segment);
        assert_eq!(tokens[0].span.start, segment.span.start);
        assert_eq!(tokens[tokens.len() - 1].span.end, segment.span.end);
        next_token = segment.tokens.end;
    }
    assert_eq!(next_token as usize, doc.tokens.len());
}

#[test]
fn a_wire_story_splits_into_headings_sentences_and_tokens() {
    let mut doc = doc_of(&[
        (
            BlockKind::Heading,
            "Russia and Ukraine agree to prisoner swap",
        ),
        (
            BlockKind::Paragraph,
            "KYIV, Ukraine (AP) — Russia and Ukraine swapped 200 prisoners on Friday, officials said. \
             The U.N. welcomed the move.",
        ),
        (
            BlockKind::ListItem,
            "• Ukraine's ombudsman said 95 of them were soldiers",
        ),
        (BlockKind::ListItem, "2. Talks resume in Istanbul"),
        (
            BlockKind::Paragraph,
            "ZELENSKYY THANKS MEDIATORS\nPresident Volodymyr Zelenskyy thanked Turkey\nand the U.A.E. for their help.",
        ),
    ]);
    dateline_segment::segment(&mut doc);

    assert_eq!(
        texts(&doc, &doc.headings),
        ["Russia and Ukraine agree to prisoner swap"]
    );
    assert_eq!(
        texts(&doc, &doc.sentences),
        [
            "Russia and Ukraine swapped 200 prisoners on Friday, officials said.",
            "The U.N. welcomed the move.",
            "Ukraine's ombudsman said 95 of them were soldiers",
            "Talks resume in Istanbul",
            "ZELENSKYY THANKS MEDIATORS",
            "President Volodymyr Zelenskyy thanked Turkey\nand the U.A.E. for their help.",
        ]
    );
    let blocks: Vec<u32> = doc.sentences.iter().map(|s| s.block).collect();
    assert_eq!(blocks, [1, 1, 2, 3, 4, 4]);
    assert_eq!(doc.headings[0].block, 0);

    let third: Vec<&str> = doc
        .segment_tokens(&doc.sentences[2])
        .iter()
        .map(|t| doc.text(t.span))
        .collect();
    assert_eq!(
        third,
        [
            "Ukraine",
            "'s",
            "ombudsman",
            "said",
            "95",
            "of",
            "them",
            "were",
            "soldiers"
        ]
    );
    assert_invariants(&doc);
}

#[test]
fn segmenting_again_replaces_the_layers() {
    let mut doc = doc_of(&[(BlockKind::Paragraph, "Talks ended. Both sides left.")]);
    dateline_segment::segment(&mut doc);
    dateline_segment::segment(&mut doc);
    assert_eq!(
        texts(&doc, &doc.sentences),
        ["Talks ended.", "Both sides left."]
    );
    assert_eq!(doc.tokens.len(), 7);
}

#[test]
fn blocks_a_reader_got_wrong_are_skipped_without_panic() {
    let body = "Kyiv’s mayor spoke. Sirens sounded.";
    let mut doc = Doc::new(Meta::default(), body.to_string());
    doc.blocks = vec![
        // Ends inside the three-byte apostrophe.
        Block {
            span: Span::new(0, 5),
            kind: BlockKind::Paragraph,
        },
        // Past the end of the body.
        Block {
            span: Span::new(0, 400),
            kind: BlockKind::Paragraph,
        },
        Block {
            span: Span::new(0, 21),
            kind: BlockKind::Paragraph,
        },
        // Overlaps the block before it.
        Block {
            span: Span::new(10, body.len()),
            kind: BlockKind::Paragraph,
        },
        Block {
            span: Span::new(22, body.len()),
            kind: BlockKind::Paragraph,
        },
    ];
    dateline_segment::segment(&mut doc);
    assert_eq!(
        texts(&doc, &doc.sentences),
        ["Kyiv’s mayor spoke.", "Sirens sounded."]
    );
    let blocks: Vec<u32> = doc.sentences.iter().map(|s| s.block).collect();
    assert_eq!(blocks, [2, 4]);
    assert_invariants(&doc);
}

#[test]
fn empty_and_blank_blocks_give_nothing() {
    let mut doc = doc_of(&[
        (BlockKind::Paragraph, "   "),
        (BlockKind::Heading, ""),
        (BlockKind::ListItem, "- "),
        (BlockKind::Paragraph, "WASHINGTON (Reuters) -"),
    ]);
    dateline_segment::segment(&mut doc);
    assert!(doc.sentences.is_empty() && doc.headings.is_empty() && doc.tokens.is_empty());

    let mut empty = Doc::new(Meta::default(), String::new());
    dateline_segment::segment(&mut empty);
    assert!(empty.tokens.is_empty());
}

#[test]
fn odd_text_never_panics_and_keeps_the_invariants() {
    let pieces = [
        "...",
        "“",
        "’s",
        "n't",
        "U.S.-",
        "-U.S.",
        "$",
        "1,",
        ".5.",
        "😀😀 😀.",
        "a'",
        "'",
        "—",
        "‑",
        "\u{200b}",
        "Mr.",
        "No.",
        "e.g.",
        "WASHINGTON —",
        "1. ",
        "Ω.Ω.",
        "x".repeat(3000).leak(),
        "A. B. C.",
    ];
    for piece in pieces {
        for kind in [
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::ListItem,
        ] {
            let mut doc = doc_of(&[(kind, piece), (kind, &format!("{piece} {piece}\n{piece}"))]);
            dateline_segment::segment(&mut doc);
            assert_invariants(&doc);
        }
    }
}
