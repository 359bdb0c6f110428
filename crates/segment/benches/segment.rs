//! Segmentation throughput: MB/s of body text and sentences/s.
//!
//! Uses the Reuters-21578 corpus in `../shared/corpora/reuters21578.jsonl`
//! (field `text`, paragraphs at indented or blank lines) when it is present,
//! and generated wire-style text otherwise. Run with
//! `cargo bench -p dateline-segment --bench segment`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_model::{Block, BlockKind, Doc, Meta, Span};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpora/reuters21578.jsonl"
);
const MAX_ARTICLES: usize = 4000;

fn bench_segment(c: &mut Criterion) {
    let (source, mut docs) = load_docs();
    let n_bytes: usize = docs.iter().map(|doc| doc.body().len()).sum();
    let n_sentences = segment_all(&mut docs);
    check(&docs, n_sentences);
    eprintln!(
        "segment bench input: {source}: {} articles, {:.2} MB, {n_sentences} sentences",
        docs.len(),
        n_bytes as f64 / 1e6
    );

    let mut group = c.benchmark_group("segment");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(n_bytes as u64));
    group.bench_function("bytes", |b| b.iter(|| black_box(segment_all(&mut docs))));
    group.throughput(Throughput::Elements(n_sentences as u64));
    group.bench_function("sentences", |b| {
        b.iter(|| black_box(segment_all(&mut docs)))
    });
    group.finish();
}

fn segment_all(docs: &mut [Doc]) -> usize {
    docs.iter_mut()
        .map(|doc| {
            dateline_segment::segment(doc);
            doc.sentences.len()
        })
        .sum()
}

/// Every sentence slices the body, holds tokens inside its span, and the
/// corpus yields a plausible number of sentences per article.
fn check(docs: &[Doc], n_sentences: usize) {
    assert!(
        n_sentences >= docs.len() * 3,
        "only {n_sentences} sentences in {} articles",
        docs.len()
    );
    for doc in docs {
        for sentence in &doc.sentences {
            let text = doc.text(sentence.span);
            assert_eq!(text, text.trim());
            for token in doc.segment_tokens(sentence) {
                assert!(sentence.span.contains(token.span));
            }
        }
    }
}

fn load_docs() -> (String, Vec<Doc>) {
    let texts = match std::fs::read_to_string(Path::new(CORPUS)) {
        Ok(content) => content
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|record| record.get("text")?.as_str().map(str::to_string))
            .take(MAX_ARTICLES)
            .collect(),
        Err(_) => generated_articles(),
    };
    let source = if Path::new(CORPUS).exists() {
        "reuters21578.jsonl"
    } else {
        "generated text"
    };
    (
        source.to_string(),
        texts.into_iter().map(paragraph_doc).collect(),
    )
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
        "Gen. Mark Lee said the U.S.-led coalition struck 12 targets overnight.",
        "\"We will respond,\" the minister told reporters in Kyiv on Tuesday.",
        "Exports rose 2.4% to $3.5 billion in the third quarter, the agency said.",
        "Talks between the U.N. and the rebels resumed at 9 a.m. on Sept. 3.",
        "Iran imposed new sanctions on the U.S. The move angered Washington.",
        "Acme Corp. cut 1,200 jobs after profit fell 12 percent.",
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

criterion_group!(benches, bench_segment);
criterion_main!(benches);
