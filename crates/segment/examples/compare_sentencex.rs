//! Scores Dateline's sentence splitter against the `sentencex` crate.
//!
//! Run with `cargo run --release -p dateline-segment --features compare-sentencex
//! --example compare_sentencex [CORPUS.jsonl]`.
//!
//! On the tricky set (`tests/data/tricky-sentences.txt`) it prints, for each
//! splitter, the paragraphs split exactly right and the precision and recall
//! of sentence ends (byte offsets, so a dateline kept inside the first
//! sentence costs nothing here). With a JSON Lines corpus (field `text`) it
//! also prints how many sentences each finds and how fast, and the paragraphs
//! where the two disagree most, for eyeballing.

#[path = "../tests/common/tricky_cases.rs"]
mod tricky_cases;

use std::collections::BTreeSet;
use std::time::Instant;

use dateline_model::{Block, BlockKind, Doc, Meta, Span};

fn main() {
    let cases = tricky_cases::tricky_cases();
    let mut dateline_score = Score::default();
    let mut sentencex_score = Score::default();
    for case in &cases {
        let expected: BTreeSet<usize> = case.expected_ends().into_iter().collect();
        let ours = dateline_ends(&case.paragraph);
        let theirs = sentencex_ends(&case.paragraph);
        dateline_score.add(&expected, &ours);
        sentencex_score.add(&expected, &theirs);
        if theirs != expected {
            println!(
                "sentencex differs at line {}: {:?}",
                case.line,
                split_at(&case.paragraph, &theirs)
            );
        }
        if ours != expected {
            println!(
                "dateline differs at line {}: {:?}",
                case.line,
                split_at(&case.paragraph, &ours)
            );
        }
    }
    println!(
        "\ntricky set: {} paragraphs, {} sentences",
        cases.len(),
        dateline_score.n_expected
    );
    dateline_score.print("dateline-segment");
    sentencex_score.print("sentencex");
    if let Some(path) = std::env::args().nth(1) {
        compare_on_corpus(&path);
    }
}

#[derive(Default)]
struct Score {
    n_paragraphs: usize,
    n_exact: usize,
    n_expected: usize,
    n_found: usize,
    n_correct: usize,
}

impl Score {
    fn add(&mut self, expected: &BTreeSet<usize>, found: &BTreeSet<usize>) {
        self.n_paragraphs += 1;
        self.n_exact += usize::from(expected == found);
        self.n_expected += expected.len();
        self.n_found += found.len();
        self.n_correct += expected.intersection(found).count();
    }

    fn print(&self, name: &str) {
        let precision = self.n_correct as f64 / self.n_found as f64;
        let recall = self.n_correct as f64 / self.n_expected as f64;
        let f1 = 2.0 * precision * recall / (precision + recall);
        println!(
            "{name:18} exact paragraphs {}/{}  end precision {precision:.3}  recall {recall:.3}  F1 {f1:.3}",
            self.n_exact, self.n_paragraphs
        );
    }
}

fn paragraph_doc(paragraph: &str) -> Doc {
    let mut doc = Doc::new(Meta::default(), paragraph.to_string());
    doc.blocks.push(Block {
        span: Span::new(0, paragraph.len()),
        kind: BlockKind::Paragraph,
    });
    dateline_segment::segment(&mut doc);
    doc
}

fn dateline_ends(paragraph: &str) -> BTreeSet<usize> {
    let doc = paragraph_doc(paragraph);
    doc.sentences.iter().map(|s| s.span.end as usize).collect()
}

/// Ends of `sentencex`'s sentences with their trailing whitespace left off.
fn sentencex_ends(paragraph: &str) -> BTreeSet<usize> {
    sentencex::segment("en", paragraph)
        .into_iter()
        .filter(|sentence| !sentence.trim().is_empty())
        .map(|sentence| {
            let start = sentence.as_ptr() as usize - paragraph.as_ptr() as usize;
            start + sentence.trim_end().len()
        })
        .collect()
}

fn split_at<'a>(paragraph: &'a str, ends: &BTreeSet<usize>) -> Vec<&'a str> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let piece = paragraph[start..end].trim();
            start = end;
            piece
        })
        .collect()
}

/// Paragraphs of a Reuters-style text: blank lines or indented lines start one.
fn paragraphs(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (idx, _) in text.match_indices('\n') {
        let next = &text[idx + 1..];
        if next.starts_with(['\n', ' ', '\t']) {
            pieces.push(text[start..idx].trim());
            start = idx + 1;
        }
    }
    pieces.push(text[start..].trim());
    pieces.retain(|p| !p.is_empty());
    pieces
}

fn compare_on_corpus(path: &str) {
    let content = std::fs::read_to_string(path).expect("corpus readable");
    let texts: Vec<String> = content
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record.get("text")?.as_str().map(str::to_string))
        .collect();
    let all_paragraphs: Vec<&str> = texts.iter().flat_map(|t| paragraphs(t)).collect();
    let n_bytes: usize = all_paragraphs.iter().map(|p| p.len()).sum();

    let started = Instant::now();
    let n_ours: usize = all_paragraphs.iter().map(|p| dateline_ends(p).len()).sum();
    let ours_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let n_theirs: usize = all_paragraphs.iter().map(|p| sentencex_ends(p).len()).sum();
    let theirs_secs = started.elapsed().as_secs_f64();
    let mb = n_bytes as f64 / 1e6;
    println!(
        "\ncorpus {path}: {} paragraphs, {mb:.1} MB",
        all_paragraphs.len()
    );
    println!(
        "dateline-segment   {n_ours} sentences, {:.1} MB/s (with tokens)",
        mb / ours_secs
    );
    println!(
        "sentencex          {n_theirs} sentences, {:.1} MB/s",
        mb / theirs_secs
    );

    let mut n_disagree = 0;
    for paragraph in &all_paragraphs {
        let ours = dateline_ends(paragraph);
        let theirs = sentencex_ends(paragraph);
        if ours != theirs {
            n_disagree += 1;
            if n_disagree <= 40 {
                println!(
                    "--\n  dateline:  {:?}\n  sentencex: {:?}",
                    split_at(paragraph, &ours),
                    split_at(paragraph, &theirs)
                );
            }
        }
    }
    println!("\nparagraphs where the two disagree: {n_disagree}");
}
