//! Recogniser throughput in MB of article text per second, and the one-off
//! costs: parsing the built-in knowledge base and building the automaton.
//!
//! Input: the `text` field of the first 2,000 stories of the shared Reuters
//! corpus (`../shared/corpora/reuters21578.jsonl`) when present, else
//! generated wire-style paragraphs. Documents are segmented before timing;
//! only `Recogniser::recognise` is timed.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_kb::Kb;
use dateline_model::{Block, BlockKind, Doc, Meta, Span};
use dateline_recognise::Recogniser;

const REUTERS: &str = "../../../shared/corpora/reuters21578.jsonl";
const N_STORIES: usize = 2_000;

fn corpus() -> (Vec<String>, &'static str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(REUTERS);
    let texts: Vec<String> = std::fs::read_to_string(path)
        .map(|jsonl| {
            jsonl
                .lines()
                .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
                .filter_map(|record| record["text"].as_str().map(str::to_string))
                .take(N_STORIES)
                .collect()
        })
        .unwrap_or_default();
    if texts.is_empty() {
        (generated(), "generated")
    } else {
        (texts, "reuters")
    }
}

/// Wire-style paragraphs built from a few templates and names.
fn generated() -> Vec<String> {
    let people = [
        "Vladimir Putin",
        "Narendra Modi",
        "Olaf Scholz",
        "Emmanuel Macron",
    ];
    let places = ["Kyiv", "Paris", "Washington", "Georgia", "New Delhi"];
    (0..N_STORIES)
        .map(|i| {
            let person = people[i % people.len()];
            let place = places[i % places.len()];
            format!(
                "{person} met officials in {place} on Tuesday, the foreign ministry said.\n\n\
                 The talks covered trade and security, and Russian forces near the border \
                 were discussed. {short} said the U.S. military had been briefed.",
                short = person.rsplit(' ').next().unwrap_or(person)
            )
        })
        .collect()
}

fn segmented(text: &str) -> Doc {
    let mut doc = Doc::new(Meta::default(), text.to_string());
    let mut offset = 0;
    for paragraph in text.split("\n\n") {
        doc.blocks.push(Block {
            span: Span::new(offset, offset + paragraph.len()),
            kind: BlockKind::Paragraph,
        });
        offset += paragraph.len() + 2;
    }
    dateline_segment::segment(&mut doc);
    doc
}

fn benches(c: &mut Criterion) {
    let mut setup = c.benchmark_group("setup");
    setup.sample_size(10);
    setup.bench_function("kb_load_builtin", |b| {
        b.iter(|| dateline_kb::load_builtin().expect("built-in data parses"))
    });
    let kb = Kb::builtin().expect("built-in kb");
    setup.bench_function("automaton_build", |b| {
        b.iter(|| Recogniser::build(&kb).expect("automaton"))
    });
    setup.finish();

    let recogniser = Recogniser::build(&kb).expect("automaton");
    let (texts, source) = corpus();
    let docs: Vec<Doc> = texts.iter().map(|text| segmented(text)).collect();
    let n_bytes: usize = texts.iter().map(String::len).sum();
    let mut total_mentions = 0;
    for doc in &docs {
        let mut doc = doc.clone();
        recogniser.recognise(&mut doc);
        total_mentions += doc.mentions.len();
    }
    assert!(
        total_mentions > docs.len(),
        "too few mentions: {total_mentions}"
    );

    let mut group = c.benchmark_group("recognise");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(n_bytes as u64));
    group.bench_function(source, |b| {
        b.iter_batched(
            || docs.clone(),
            |mut docs| {
                for doc in &mut docs {
                    recogniser.recognise(doc);
                }
                docs
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(recognise_benches, benches);
criterion_main!(recognise_benches);
