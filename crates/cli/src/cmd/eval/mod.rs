//! `dateline eval`: score the coder against labelled sentences and articles.
//!
//! Sentence records are coded one by one as one-paragraph articles; article
//! records are read like any JSON Lines article, coded whole, and their
//! events placed back in the labelled sentences by span.

mod articles;
mod report;
mod sentences;

use std::process::ExitCode;

use anyhow::Context;
use dateline_eval::{GoldError, GoldSet, parse_gold};

use crate::args::{EvalArgs, ReportFormat};
use crate::cmd::build_pipeline;

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let (gold, errors) = load(&args)?;
    for error in &errors {
        eprintln!("dateline: error: {error}");
    }
    let pipeline = build_pipeline(&args.knowledge, dateline_pipeline::ProblemPolicy::Report)?;
    let sentence_eval =
        (!gold.records.is_empty()).then(|| sentences::evaluate(&pipeline, &gold.records));
    let article_eval = (!gold.articles.is_empty())
        .then(|| articles::evaluate(&pipeline, &gold.articles, args.misses));
    let problems = article_eval.as_ref().map_or(0, |eval| eval.problems.len());
    if let Some(eval) = &article_eval {
        for problem in &eval.problems {
            eprintln!("dateline: error: {problem}");
        }
    }
    let format = if args.json {
        ReportFormat::Json
    } else {
        args.format
    };
    let report = report::Report {
        sentences: sentence_eval.as_ref(),
        articles: article_eval.as_ref(),
        gold: &gold,
        verbose: args.verbose,
        misses: args.misses,
    };
    match format {
        ReportFormat::Text => report.print_text()?,
        ReportFormat::Json => report.print_json()?,
    }
    Ok(if errors.is_empty() && problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Every gold file, parsed; bad lines are errors, the rest is kept.
fn load(args: &EvalArgs) -> anyhow::Result<(GoldSet, Vec<GoldError>)> {
    let mut gold = GoldSet::default();
    let mut errors = Vec::new();
    for path in &args.gold {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {file}"))?;
        let (set, file_errors) = parse_gold(&file, &text);
        gold.records.extend(set.records);
        gold.articles.extend(set.articles);
        errors.extend(file_errors);
    }
    Ok((gold, errors))
}
