//! The shared run loop: inputs in, processed articles out, in input order.
//!
//! Small files are read in parallel a chunk at a time; a large file (or
//! standard input) is streamed, its articles processed in parallel batches,
//! so memory stays bounded whatever the input size. Diagnostics go to
//! standard error as they arrive; a progress bar shows on a terminal when
//! there are several inputs.

use std::io::IsTerminal;
use std::panic::AssertUnwindSafe;
use std::process::ExitCode;

use anyhow::Context;
use dateline_model::Doc;
use dateline_read::{Input, InputReport, ReadConfig, Severity, discover, read_input};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::args::InputArgs;

/// How many small files are read together.
const FILES_PER_CHUNK: usize = 32;
/// How many articles are processed together.
const ARTICLES_PER_BATCH: usize = 256;
/// Files above this size are streamed rather than read whole in a chunk.
const STREAM_ABOVE_BYTES: u64 = 4 * 1024 * 1024;

/// What a run read, for the exit status.
#[derive(Debug, Default)]
pub struct Summary {
    pub n_inputs: usize,
    pub n_failed: usize,
    pub n_articles: usize,
}

impl Summary {
    /// 0 when everything was read, 1 (with a count on stderr) when some inputs failed.
    pub fn status(&self) -> ExitCode {
        if self.n_failed == 0 {
            return ExitCode::SUCCESS;
        }
        eprintln!(
            "dateline: {} of {} inputs had errors ({} articles read)",
            self.n_failed, self.n_inputs, self.n_articles
        );
        ExitCode::from(1)
    }
}

/// Reads every input, runs `process` on each article (in parallel), then
/// `emit` on each article in input order.
pub fn for_each_article<T: Send>(
    args: &InputArgs,
    process: impl Fn(&mut Doc) -> T + Sync,
    mut emit: impl FnMut(Doc, T) -> anyhow::Result<()>,
) -> anyhow::Result<Summary> {
    let pool = thread_pool(args.jobs)?;
    let config = args.read_config();
    let (inputs, problems) = discover(&args.inputs);
    let progress = Progress::new(inputs.len());
    let mut summary = Summary {
        n_inputs: inputs.len() + problems.len(),
        n_failed: problems.len(),
        ..Summary::default()
    };
    for problem in &problems {
        progress.report(&problem.to_string(), Severity::Error);
    }
    let mut run = Runner {
        pool: &pool,
        config: &config,
        process: &process,
        emit: &mut emit,
        summary: &mut summary,
        progress: &progress,
    };
    run.all(&inputs)?;
    progress.finish();
    Ok(summary)
}

struct Runner<'a, P, E> {
    pool: &'a rayon::ThreadPool,
    config: &'a ReadConfig,
    process: &'a P,
    emit: &'a mut E,
    summary: &'a mut Summary,
    progress: &'a Progress,
}

impl<T: Send, P, E> Runner<'_, P, E>
where
    P: Fn(&mut Doc) -> T + Sync,
    E: FnMut(Doc, T) -> anyhow::Result<()>,
{
    fn all(&mut self, inputs: &[Input]) -> anyhow::Result<()> {
        let mut start = 0;
        while start < inputs.len() {
            if is_large(&inputs[start]) {
                self.stream(&inputs[start])?;
                start += 1;
                continue;
            }
            let end = (start..inputs.len())
                .take(FILES_PER_CHUNK)
                .take_while(|&idx| !is_large(&inputs[idx]))
                .last()
                .map_or(start + 1, |last| last + 1);
            self.chunk(&inputs[start..end])?;
            start = end;
        }
        Ok(())
    }

    /// Reads small files in parallel, then processes their articles.
    fn chunk(&mut self, inputs: &[Input]) -> anyhow::Result<()> {
        let config = self.config;
        let read: Vec<(InputReport, Vec<Doc>)> = self.pool.install(|| {
            inputs
                .par_iter()
                .map(|input| {
                    let mut docs = Vec::new();
                    let report = read_input(input, config, &mut |doc| docs.push(doc));
                    (report, docs)
                })
                .collect()
        });
        let mut batch = Vec::new();
        for (report, docs) in read {
            self.account(&report);
            batch.extend(docs);
        }
        self.flush(&mut batch)
    }

    /// Streams one large input through batches.
    fn stream(&mut self, input: &Input) -> anyhow::Result<()> {
        let mut batch = Vec::new();
        let mut failure = None;
        let config = self.config;
        let report = read_input(input, config, &mut |doc| {
            if failure.is_some() {
                return;
            }
            batch.push(doc);
            if batch.len() >= ARTICLES_PER_BATCH
                && let Err(err) = self.flush(&mut batch)
            {
                failure = Some(err);
            }
        });
        if let Some(err) = failure {
            return Err(err);
        }
        self.account(&report);
        self.flush(&mut batch)
    }

    fn flush(&mut self, batch: &mut Vec<Doc>) -> anyhow::Result<()> {
        let process = self.process;
        // A bug in a stage must cost one article, not the run: each article
        // is processed behind its own unwind guard.
        let results: Vec<Option<T>> = self.pool.install(|| {
            batch
                .par_iter_mut()
                .map(|doc| std::panic::catch_unwind(AssertUnwindSafe(|| process(doc))).ok())
                .collect()
        });
        for (doc, result) in batch.drain(..).zip(results) {
            let Some(result) = result else {
                let message = format!(
                    "{}: internal error while processing article {}; it was skipped (please report this)",
                    doc.meta.input, doc.meta.id
                );
                self.progress.report(&message, Severity::Error);
                self.summary.n_failed += 1;
                continue;
            };
            self.summary.n_articles += 1;
            (self.emit)(doc, result)?;
        }
        self.progress.set_articles(self.summary.n_articles);
        Ok(())
    }

    fn account(&mut self, report: &InputReport) {
        for diagnostic in &report.diagnostics {
            self.progress
                .report(&diagnostic.to_string(), diagnostic.severity);
        }
        if report.failed() {
            self.summary.n_failed += 1;
        }
        self.progress.input_done();
    }
}

fn is_large(input: &Input) -> bool {
    match input {
        Input::Stdin => true,
        Input::Path(path) => std::fs::metadata(path).is_ok_and(|m| m.len() > STREAM_ABOVE_BYTES),
    }
}

fn thread_pool(jobs: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")
}

/// A progress bar on a terminal, nothing otherwise; diagnostics print above it.
struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    fn new(n_inputs: usize) -> Progress {
        let show = n_inputs > 1 && std::io::stderr().is_terminal();
        let bar = show.then(|| {
            let bar = ProgressBar::new(n_inputs as u64);
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} inputs, {msg} [{elapsed}<{eta}]",
                )
                .expect("valid progress template"),
            );
            bar.set_message("0 articles");
            bar
        });
        Progress { bar }
    }

    fn report(&self, message: &str, severity: Severity) {
        let label = match severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        let line = format!("dateline: {label}: {message}");
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn input_done(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn set_articles(&self, n_articles: usize) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{n_articles} articles"));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// True when the error is a closed pipe (`dateline code ... | head`): not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    }) || err.chain().any(|cause| {
        cause
            .downcast_ref::<dateline_export::ExportError>()
            .is_some_and(|export| matches!(export, dateline_export::ExportError::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
    })
}
