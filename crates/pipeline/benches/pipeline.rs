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
    let label = format!("code sentences ({name}, {n_sentences} sentences)");
    bench_coding(c, &pipeline, &docs, n_sentences, &label);
}

/// Times coding `docs` (`n_sentences` in all) with `pipeline`, in
/// sentences a second.
fn bench_coding(
    c: &mut Criterion,
    pipeline: &Pipeline,
    docs: &[Doc],
    n_sentences: usize,
    label: &str,
) {
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Elements(n_sentences as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(label, |b| {
        b.iter_batched(
            || docs.to_vec(),
            |docs| code_all(pipeline, docs),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// How many segments of `docs` the pipeline's coder parses.
fn count_candidates(pipeline: &Pipeline, docs: &[Doc]) -> usize {
    docs.iter()
        .map(|doc| {
            let mut doc = doc.clone();
            pipeline.process(&mut doc, Stage::Recognise);
            pipeline.coder_candidates(&doc).len()
        })
        .sum()
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
/// candidates only (none with the default engine, which reads no parse;
/// `bench_pipeline_both_engines` counts them for an engine that does).
fn bench_pipeline_with_parse(c: &mut Criterion) {
    let (docs, name) = corpus();
    let plain = Pipeline::build(&PipelineConfig::default())
        .expect("pipeline")
        .0;
    let n_sentences = count_sentences(&plain, &docs);
    let expected_events = code_all(&plain, docs.clone());
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
        let label = format!("code sentences, {label} ({name}, {n_sentences} sentences)");
        bench_coding(c, &pipeline, &docs, n_sentences, &label);
    }
}

/// The `both` engine: the parse of every coder candidate (a segment with
/// an actor), coded from the parse and then with the patterns.
fn bench_pipeline_both_engines(c: &mut Criterion) {
    let (docs, name) = corpus();
    let mut config = PipelineConfig::default();
    config.coder.engine = Engine::Both;
    let pipeline = Pipeline::build(&config).expect("pipeline").0;
    let n_sentences = count_sentences(&pipeline, &docs);
    let n_candidates = count_candidates(&pipeline, &docs);
    eprintln!(
        "pipeline bench, both engines: {n_candidates} of {n_sentences} segments ({:.1}%) are parsed",
        100.0 * n_candidates as f64 / n_sentences as f64
    );
    let label = format!("code sentences, engine both ({name}, {n_sentences} sentences)");
    bench_coding(c, &pipeline, &docs, n_sentences, &label);
}

criterion_group!(
    benches,
    bench_pipeline,
    bench_pipeline_with_parse,
    bench_pipeline_both_engines,
    bench_build
);
criterion_main!(benches);
