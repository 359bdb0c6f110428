//! Tagging throughput in sentences per second.
//!
//! Uses the Reuters-21578 corpus in `../shared/corpora/reuters21578.jsonl`
//! (field `text`) when it is present and generated wire-style text otherwise,
//! segmented by dateline-segment before timing. Run with
//! `cargo bench -p dateline-tag --bench tag`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_model::{Block, BlockKind, Doc, Meta, Pos, Span};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpora/reuters21578.jsonl"
);
const MAX_ARTICLES: usize = 4000;

fn bench_tag(c: &mut Criterion) {
    let (source, mut docs) = load_docs();
    let n_sentences: usize = docs
        .iter()
        .map(|doc| doc.sentences.len() + doc.headings.len())
        .sum();
    let n_tokens: usize = docs.iter().map(|doc| doc.tokens.len()).sum();
    tag_all(&mut docs);
    check(&docs);
    eprintln!(
        "tag bench input: {source}: {} articles, {n_sentences} sentences, {n_tokens} tokens",
        docs.len()
    );

    let mut group = c.benchmark_group("tag");
    group.sample_size(20);
    group.throughput(Throughput::Elements(n_sentences as u64));
    group.bench_function("sentences", |b| b.iter(|| black_box(tag_all(&mut docs))));
    group.finish();
}

fn tag_all(docs: &mut [Doc]) -> usize {
    docs.iter_mut()
        .map(|doc| {
            dateline_tag::tag(doc);
            doc.tags.len()
        })
        .sum()
}

/// One tag per token, and "said" after a subject reads as the past tense
/// almost everywhere, as it does in wire copy.
fn check(docs: &[Doc]) {
    let (mut n_said, mut n_said_past) = (0, 0);
    for doc in docs {
        assert_eq!(doc.tags.len(), doc.tokens.len());
        for (token, &tag) in doc.tokens.iter().zip(&doc.tags) {
            if doc.text(token.span) == "said" {
                n_said += 1;
                n_said_past += usize::from(matches!(tag, Pos::Vbd | Pos::Vbn));
            }
        }
    }
    assert!(n_said > 100, "only {n_said} \"said\"");
    assert!(
        n_said_past * 100 >= n_said * 98,
        "{n_said_past} of {n_said} \"said\" tagged as verbs"
    );
}

fn load_docs() -> (String, Vec<Doc>) {
    let (source, texts) = match std::fs::read_to_string(Path::new(CORPUS)) {
        Ok(content) => (
            "reuters21578.jsonl",
            content
                .lines()
                .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
                .filter_map(|record| record.get("text")?.as_str().map(str::to_string))
                .take(MAX_ARTICLES)
                .collect(),
        ),
        Err(_) => ("generated text", generated_articles()),
    };
    let docs = texts
        .into_iter()
        .map(|text| {
            let mut doc = paragraph_doc(text);
            dateline_segment::segment(&mut doc);
            doc
        })
        .collect();
    (source.to_string(), docs)
}

/// One block per paragraph: a blank line or an indented line starts a new one.
fn paragraph_doc(text: String) -> Doc {
    let mut blocks = Vec::new();
    let mut start = 0;
    for (idx, _) in text.match_indices('\n') {
        if text[idx + 1..].starts_with(['\n', ' ', '\t']) {
            blocks.push(Block {
                span: Span::new(start, idx),
                kind: BlockKind::Paragraph,
            });
            start = idx + 1;
        }
    }
    blocks.push(Block {
        span: Span::new(start, text.len()),
        kind: BlockKind::Paragraph,
    });
    let mut doc = Doc::new(Meta::default(), text);
    doc.blocks = blocks;
    doc
}

/// Wire-style articles built from sentences written for this benchmark.
fn generated_articles() -> Vec<String> {
    let sentences = [
        "Russian forces attacked the port city overnight, officials said.",
        "The two leaders held talks for four hours and agreed to resume military contacts.",
        "\"We will not negotiate under fire,\" the foreign minister told reporters in Kyiv.",
        "The U.N. Security Council condemned the attack in a unanimous statement.",
        "Exports rose 2.4% to $3.5 billion in the third quarter, the agency said.",
        "The prime minister reached out to opposition leaders after the vote.",
    ];
    (0..MAX_ARTICLES)
        .map(|article_idx| {
            let mut text = String::from("WASHINGTON (Reuters) - ");
            for paragraph_idx in 0..6 {
                for offset in 0..3 {
                    text.push_str(
                        sentences[(article_idx + paragraph_idx + offset) % sentences.len()],
                    );
                    text.push(' ');
                }
                text.push_str("\n\n");
            }
            text
        })
        .collect()
}

criterion_group!(benches, bench_tag);
criterion_main!(benches);
