//! `dateline eval`: score the coder against labelled sentences.

use std::process::ExitCode;

use anyhow::Context;
use dateline_eval::{GoldRecord, RecordResult, Scorer, Triple, parse_gold};
use dateline_model::{Block, BlockKind, Doc, Meta, Span};
use dateline_pipeline::{Pipeline, Stage};
use rayon::prelude::*;

use crate::args::EvalArgs;
use crate::cmd::build_pipeline;

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let file = args.gold.display().to_string();
    let text =
        std::fs::read_to_string(&args.gold).with_context(|| format!("cannot read {file}"))?;
    let (records, errors) = parse_gold(&file, &text);
    for error in &errors {
        eprintln!("dateline: error: {error}");
    }
    let pipeline = build_pipeline(&args.knowledge, dateline_pipeline::ProblemPolicy::Report)?;
    let predictions: Vec<Vec<Triple>> = records
        .par_iter()
        .map(|r| code_record(&pipeline, r))
        .collect();
    let mut scorer = Scorer::default();
    let mut mismatches: Vec<(&GoldRecord, RecordResult)> = Vec::new();
    for (record, predicted) in records.iter().zip(&predictions) {
        let result = scorer.add(&record.id, &record.events, predicted);
        if !result.exact {
            mismatches.push((record, result));
        }
    }
    let scores = scorer.scores();
    if args.json {
        println!("{}", serde_json::to_string(&scores)?);
    } else {
        if args.verbose {
            for (record, result) in &mismatches {
                println!("{}: {}", record.id, record.text);
                println!("    missing: {}", show(&result.missing));
                println!("    extra:   {}", show(&result.extra));
            }
        }
        println!(
            "records: {}  exact match: {:.3} ({} of {})",
            scores.records,
            scores.exact_match_rate(),
            scores.exact_matches,
            scores.records
        );
        for (label, counts) in [
            ("triples (source, target, code)", &scores.triples),
            (
                "(source country, target country, root)",
                &scores.countries_roots,
            ),
        ] {
            println!(
                "{label}: precision {:.3}  recall {:.3}  F1 {:.3}  (tp {} fp {} fn {})",
                counts.precision(),
                counts.recall(),
                counts.f1(),
                counts.true_positives,
                counts.false_positives,
                counts.false_negatives
            );
        }
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Codes one labelled sentence as a one-paragraph article of its date.
fn code_record(pipeline: &Pipeline, record: &GoldRecord) -> Vec<Triple> {
    let meta = Meta {
        id: record.id.clone(),
        date: record
            .date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        ..Meta::default()
    };
    let mut doc = Doc::new(meta, record.text.clone());
    doc.blocks.push(Block {
        span: Span::new(0, record.text.len()),
        kind: BlockKind::Paragraph,
    });
    pipeline.process(&mut doc, Stage::Code);
    doc.events
        .iter()
        .map(|event| {
            let target = event.target.as_ref().map_or("", |t| t.code.as_str());
            Triple::new(event.source.code.as_str(), target, event.code.as_str())
        })
        .collect()
}

fn show(triples: &[Triple]) -> String {
    if triples.is_empty() {
        return "-".into();
    }
    triples
        .iter()
        .map(|t| format!("{} {} {}", t.source, t.target, t.code))
        .collect::<Vec<_>>()
        .join("; ")
}
