//! End-to-end coding speed: sentences per second through segment -> tag ->
//! recognise -> code, on one core (the documents are processed one after
//! another; the CLI runs one such loop per core); then the same with the
//! dependency parse of every sentence, and of the coder's candidate
//! sentences only (`ParseScope`); and the `both` engine, which codes from
//! the parse of its candidates and then with the patterns.
//!
//! Uses the first 2,000 Reuters-21578 stories beside the repository when
//! present (`../shared/corpora/reuters21578.jsonl`), else the bundled sample
//! articles repeated. Reading is outside the measured loop.
//!
//! ```text
//! cargo bench -p dateline-pipeline --bench pipeline
//! ```

// The allocator the `dateline` binary uses, so the figure is what users get.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use dateline_model::Doc;
use dateline_pipeline::{Engine, ParseScope, Pipeline, PipelineConfig, Stage};
use dateline_read::{Input, ReadConfig, discover, read_bytes, read_input};

const N_STORIES: usize = 2_000;

/// The documents to code, and what they are.
fn corpus() -> (Vec<Doc>, &'static str) {
    let reuters =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/reuters21578.jsonl");
    if let Ok(text) = std::fs::read_to_string(&reuters) {
        let head: String = text
            .lines()
            .take(N_STORIES)
            .map(|line| format!("{line}\n"))
            .collect();
        let mut docs = Vec::new();
        read_bytes(
            "reuters.jsonl",
            head.as_bytes(),
            &ReadConfig::default(),
            &mut |doc| docs.push(doc),
        );
        return (docs, "reuters");
    }
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/samples");
    let (inputs, _) = discover(&[samples]);
    let mut one_round = Vec::new();
    for input in inputs
        .iter()
        .filter(|input| matches!(input, Input::Path(_)))
    {
        read_input(input, &ReadConfig::default(), &mut |doc| {
            one_round.push(doc)
        });
    }
    let docs = (0..100).flat_map(|_| one_round.clone()).collect();
    (docs, "samples x100")
}

fn count_sentences(pipeline: &Pipeline, docs: &[Doc]) -> usize {
    docs.iter()
        .map(|doc| {
            let mut doc = doc.clone();
            pipeline.process(&mut doc, Stage::Segment);
            doc.sentences.len()
        })
        .sum()
}

fn code_all(pipeline: &Pipeline, mut docs: Vec<Doc>) -> usize {
    let mut n_events = 0;
    for doc in &mut docs {
        pipeline.process(doc, Stage::Code);
        n_events += doc.events.len();
    }
    n_events
}

fn bench_pipeline(c: &mut Criterion) {
    let (pipeline, problems) = Pipeline::build(&PipelineConfig::default()).expect("pipeline");
    assert!(problems.is_empty());
    let (docs, name) = corpus();
    let n_sentences = count_sentences(&pipeline, &docs);
    assert!(n_sentences > 1_000, "{n_sentences} sentences");
    // The corpus must yield events, or the benchmark measures nothing useful.
    assert!(code_all(&pipeline, docs.clone()) > 0);
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Elements(n_sentences as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(
        format!("code sentences ({name}, {n_sentences} sentences)"),
        |b| {
            b.iter_batched(
                || docs.clone(),
                |docs| code_all(&pipeline, docs),
                BatchSize::LargeInput,
            )
        },
    );
    group.finish();
}

fn bench_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.bench_function("build (knowledge base, automaton, dictionary)", |b| {
        b.iter(|| Pipeline::build(&PipelineConfig::default()).expect("pipeline"))
    });
    group.finish();
}

/// The pipeline with a parse stage: every sentence, or the coder's
/// candidates only (and how many of the sentences those are).
fn bench_pipeline_with_parse(c: &mut Criterion) {
    let (docs, name) = corpus();
    let plain = Pipeline::build(&PipelineConfig::default())
        .expect("pipeline")
        .0;
    let n_sentences = count_sentences(&plain, &docs);
    let mut n_candidates = 0;
    for doc in &docs {
        let mut doc = doc.clone();
        plain.process(&mut doc, Stage::Recognise);
        n_candidates += plain.coder_candidates(&doc).len();
    }
    eprintln!(
        "pipeline bench: {n_candidates} of {n_sentences} sentences ({:.1}%) are coder candidates",
        100.0 * n_candidates as f64 / n_sentences as f64
    );
    let expected_events = code_all(&plain, docs.clone());
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Elements(n_sentences as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for (scope, label) in [
        (ParseScope::CoderCandidates, "parse candidates"),
        (ParseScope::All, "parse all"),
    ] {
        let config = PipelineConfig {
            parse: scope,
            ..PipelineConfig::default()
        };
        let pipeline = Pipeline::build(&config).expect("pipeline").0;
        // Parsing adds a layer; it must not change the events.
        assert_eq!(code_all(&pipeline, docs.clone()), expected_events);
        group.bench_function(
            format!("code sentences, {label} ({name}, {n_sentences} sentences)"),
            |b| {
                b.iter_batched(
                    || docs.clone(),
                    |docs| code_all(&pipeline, docs),
                    BatchSize::LargeInput,
                )
            },
        );
    }
    group.finish();
}

/// The `both` engine: the parse of every coder candidate (a segment with
/// an actor), coded from the parse and then with the patterns.
fn bench_pipeline_both_engines(c: &mut Criterion) {
    let (docs, name) = corpus();
    let mut config = PipelineConfig::default();
    config.coder.engine = Engine::Both;
    let pipeline = Pipeline::build(&config).expect("pipeline").0;
    let n_sentences = count_sentences(&pipeline, &docs);
    let n_candidates: usize = docs
        .iter()
        .map(|doc| {
            let mut doc = doc.clone();
            pipeline.process(&mut doc, Stage::Recognise);
            pipeline.coder_candidates(&doc).len()
        })
        .sum();
    eprintln!(
        "pipeline bench, both engines: {n_candidates} of {n_sentences} segments ({:.1}%) are parsed",
        100.0 * n_candidates as f64 / n_sentences as f64
    );
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Elements(n_sentences as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(
        format!("code sentences, engine both ({name}, {n_sentences} sentences)"),
        |b| {
            b.iter_batched(
                || docs.clone(),
                |docs| code_all(&pipeline, docs),
                BatchSize::LargeInput,
            )
        },
    );
    group.finish();
}

criterion_group!(
    benches,
    bench_pipeline,
    bench_pipeline_with_parse,
    bench_pipeline_both_engines,
    bench_build
);
criterion_main!(benches);
