//! Tagging and parsing speed of the built-in model, in sentences per second
//! on one core, over gold-tokenised sentences: UD English EWT dev when
//! `../shared/ud-ewt/` is beside the repository, else the hand-annotated
//! test fixture repeated.
//!
//! ```text
//! cargo bench -p dateline-parse --bench parse
//! ```

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_parse::{Model, conllu, eval};

/// The sentences to parse as word lists, their name, and the gold treebank.
fn corpus() -> (Vec<conllu::Sentence>, &'static str) {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = manifest.join("../../../shared/ud-ewt/en_ewt-ud-dev.conllu");
    if let Ok(text) = std::fs::read_to_string(&dev) {
        let (sentences, _) = conllu::read("en_ewt-ud-dev.conllu", &text);
        return (sentences, "EWT dev");
    }
    let text = std::fs::read_to_string(manifest.join("tests/fixtures/news.conllu"))
        .expect("the test fixture");
    let (sentences, _) = conllu::read("news.conllu", &text);
    let repeated = (0..100).flat_map(|_| sentences.clone()).collect();
    (repeated, "fixture x100")
}

fn bench_parse(c: &mut Criterion) {
    let model = Model::builtin();
    let (gold, name) = corpus();
    let sentences: Vec<Vec<String>> = gold
        .iter()
        .map(|sentence| sentence.words().map(|word| word.form.clone()).collect())
        .collect();
    let n_words: usize = sentences.iter().map(Vec::len).sum();
    // The benchmark must measure a working model.
    let scores = eval::score(model, &gold);
    eprintln!(
        "parse bench input: {name}: {} sentences, {n_words} words; {scores}",
        sentences.len()
    );
    assert!(scores.uas_percent() > 80.0, "{scores}");

    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Elements(sentences.len() as u64));
    group.sample_size(20);
    group.bench_function(format!("tag ({name})"), |b| {
        b.iter(|| {
            sentences
                .iter()
                .map(|words| black_box(model.tag_words(words)).len())
                .sum::<usize>()
        })
    });
    let mut out = Vec::new();
    group.bench_function(format!("tag and parse ({name})"), |b| {
        b.iter(|| {
            let mut n_roots = 0;
            for words in &sentences {
                model.parse_words_into(words, &mut out);
                n_roots += out.iter().filter(|word| word.head.is_none()).count();
            }
            black_box(n_roots)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
