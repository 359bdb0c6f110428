//! Reading sources and processing their articles on every core.
//!
//! Sources are read in parallel, one task each; within a source, articles
//! are processed in parallel batches while the reader goes on, so one large
//! WARC file and many small files both keep the cores busy. Results come
//! back in input order. A panic in a stage costs one article (reported),
//! never the call.

use std::panic::AssertUnwindSafe;

use dateline_model::Doc;
use dateline_read::{Format, Input, InputReport, ReadConfig, read_bytes, read_input};
use rayon::prelude::*;

use crate::problems::Problem;

/// Articles processed together within one source.
const ARTICLES_PER_BATCH: usize = 64;

/// Where articles come from.
#[derive(Debug)]
pub enum Source {
    /// A file (or standard input) found by `dateline_read::discover`.
    Input(Input),
    /// Text or a JSON line given from Python, named for messages.
    Memory {
        name: String,
        bytes: Vec<u8>,
        format: Option<Format>,
    },
}

/// What reading and processing the sources gave.
#[derive(Debug)]
pub struct Outcome<T> {
    /// One result per article, in input order.
    pub results: Vec<T>,
    pub problems: Vec<Problem>,
    pub n_articles: usize,
    /// Inputs that had at least one error.
    pub n_failed_inputs: usize,
}

/// Reads every source and runs `process` on each article.
pub fn each_article<T: Send>(
    pool: &rayon::ThreadPool,
    sources: &[Source],
    config: &ReadConfig,
    process: &(dyn Fn(Doc) -> T + Sync),
) -> Outcome<T> {
    let per_source: Vec<Outcome<T>> = pool.install(|| {
        sources
            .par_iter()
            .map(|source| {
                let mut results = Vec::new();
                let outcome = one_source(source, config, process, &mut |batch| {
                    results.extend(batch);
                });
                Outcome {
                    results,
                    problems: outcome.problems,
                    n_articles: outcome.n_articles,
                    n_failed_inputs: outcome.n_failed_inputs,
                }
            })
            .collect()
    });
    combine(per_source)
}

/// Reads every source, runs `process` on each article, and hands each
/// processed batch to `emit` (from several threads, in no set order).
pub fn each_batch<T: Send>(
    pool: &rayon::ThreadPool,
    sources: &[Source],
    config: &ReadConfig,
    process: &(dyn Fn(Doc) -> T + Sync),
    emit: &(dyn Fn(Vec<T>) + Sync),
) -> Outcome<()> {
    let per_source: Vec<Outcome<()>> = pool.install(|| {
        sources
            .par_iter()
            .map(|source| one_source(source, config, process, &mut |batch| emit(batch)))
            .collect()
    });
    combine(per_source)
}

/// The sources' outcomes as one, in input order.
fn combine<T>(parts: Vec<Outcome<T>>) -> Outcome<T> {
    let mut outcome = Outcome {
        results: Vec::new(),
        problems: Vec::new(),
        n_articles: 0,
        n_failed_inputs: 0,
    };
    for part in parts {
        outcome.results.extend(part.results);
        outcome.problems.extend(part.problems);
        outcome.n_articles += part.n_articles;
        outcome.n_failed_inputs += part.n_failed_inputs;
    }
    outcome
}

fn one_source<T: Send>(
    source: &Source,
    config: &ReadConfig,
    process: &(dyn Fn(Doc) -> T + Sync),
    emit: &mut dyn FnMut(Vec<T>),
) -> Outcome<()> {
    let mut problems = Vec::new();
    let mut n_articles = 0;
    let mut batch = Vec::with_capacity(ARTICLES_PER_BATCH);
    let mut flush = |batch: &mut Vec<Doc>, problems: &mut Vec<Problem>| {
        let results = process_batch(batch, process, problems);
        n_articles += results.len();
        emit(results);
    };
    let report = read(source, config, &mut |doc: Doc| {
        batch.push(doc);
        if batch.len() >= ARTICLES_PER_BATCH {
            flush(&mut batch, &mut problems);
        }
    });
    flush(&mut batch, &mut problems);
    let mut all_problems: Vec<Problem> = report.diagnostics.iter().map(Problem::of).collect();
    let n_failed = usize::from(report.failed() || !problems.is_empty());
    all_problems.extend(problems);
    Outcome {
        results: Vec::new(),
        problems: all_problems,
        n_articles,
        n_failed_inputs: n_failed,
    }
}

fn read(source: &Source, config: &ReadConfig, sink: &mut dyn FnMut(Doc)) -> InputReport {
    match source {
        Source::Input(input) => read_input(input, config, sink),
        Source::Memory {
            name,
            bytes,
            format,
        } => {
            let config = ReadConfig {
                format: format.or(config.format),
                ..config.clone()
            };
            read_bytes(name, bytes, &config, sink)
        }
    }
}

/// Processes a batch in parallel, each article behind its own unwind guard.
fn process_batch<T: Send>(
    batch: &mut Vec<Doc>,
    process: &(dyn Fn(Doc) -> T + Sync),
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    let done: Vec<Result<T, Problem>> = std::mem::take(batch)
        .into_par_iter()
        .map(|doc| {
            let label = format!("{}: article {}", doc.meta.input, doc.meta.id);
            std::panic::catch_unwind(AssertUnwindSafe(|| process(doc))).map_err(|_| {
                Problem::error(format!(
                    "{label}: internal error while processing it; it was skipped (please report this)"
                ))
            })
        })
        .collect();
    let mut results = Vec::with_capacity(done.len());
    for result in done {
        match result {
            Ok(value) => results.push(value),
            Err(problem) => problems.push(problem),
        }
    }
    results
}
