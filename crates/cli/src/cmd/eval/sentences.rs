//! Labelled sentences: each coded as a one-paragraph article of its date.

use dateline_eval::{GoldRecord, RecordResult, Scorer, Scores, Triple};
use dateline_model::{Block, BlockKind, Doc, Meta, Span};
use dateline_pipeline::{Pipeline, Stage};
use rayon::prelude::*;

/// Scores over the sentence records, and the records that did not match.
#[derive(Debug)]
pub struct SentenceEval {
    pub scores: Scores,
    /// Index into the records, and what differed.
    pub mismatches: Vec<(usize, RecordResult)>,
}

pub fn evaluate(pipeline: &Pipeline, records: &[GoldRecord]) -> SentenceEval {
    let predictions: Vec<Vec<Triple>> = records
        .par_iter()
        .map(|r| code_record(pipeline, r))
        .collect();
    let mut scorer = Scorer::default();
    let mut mismatches = Vec::new();
    for (idx, (record, predicted)) in records.iter().zip(&predictions).enumerate() {
        let result = scorer.add(&record.id, &record.events, predicted);
        if !result.exact {
            mismatches.push((idx, result));
        }
    }
    SentenceEval {
        scores: scorer.scores(),
        mismatches,
    }
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
    doc.events.iter().map(super::articles::triple_of).collect()
}
