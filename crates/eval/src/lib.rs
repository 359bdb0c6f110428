//! Scoring a coder against labelled sentences.
//!
//! A gold file is JSON Lines: `{"id", "date", "text", "events": [{"source",
//! "target", "code"}]}`. Each record is scored as PETRARCH's validation
//! suite does: the sorted multiset of (source, target, code) triples must
//! match exactly. Across records, precision, recall and F1 are counted on
//! triples, and again on (source country, target country, root code), which
//! forgives role and subcode slips.
//!
//! ```
//! use dateline_eval::{Scorer, Triple};
//!
//! let gold = vec![Triple::new("USAGOV", "RUSGOV", "041")];
//! let predicted = vec![Triple::new("USAGOV", "RUSGOV", "040")];
//! let mut scorer = Scorer::default();
//! let record = scorer.add("r1", &gold, &predicted);
//! assert!(!record.exact);
//! let scores = scorer.scores();
//! assert_eq!(scores.triples.f1(), 0.0);
//! assert_eq!(scores.countries_roots.f1(), 1.0);
//! ```

#![deny(missing_debug_implementations)]

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// One labelled record.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct GoldRecord {
    pub id: String,
    pub date: Option<String>,
    pub text: String,
    pub events: Vec<Triple>,
}

/// A (source, target, code) triple.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Triple {
    pub source: String,
    pub target: String,
    pub code: String,
}

impl Triple {
    pub fn new(source: &str, target: &str, code: &str) -> Triple {
        Triple {
            source: source.to_string(),
            target: target.to_string(),
            code: code.to_string(),
        }
    }

    /// (source country, target country, root): the first three characters
    /// of each actor code and the first two of the event code.
    pub fn coarse(&self) -> Triple {
        Triple {
            source: prefix(&self.source, 3),
            target: prefix(&self.target, 3),
            code: prefix(&self.code, 2),
        }
    }
}

fn prefix(text: &str, len: usize) -> String {
    text.chars().take(len).collect()
}

/// A problem in a gold file.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GoldError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Parses a gold JSONL text; bad lines are returned as errors, good ones kept.
pub fn parse_gold(file: &str, text: &str) -> (Vec<GoldRecord>, Vec<GoldError>) {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (line_idx, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<GoldRecord>(line) {
            Ok(record) => records.push(record),
            Err(err) => errors.push(GoldError {
                file: file.to_string(),
                line: line_idx + 1,
                message: err.to_string(),
            }),
        }
    }
    (records, errors)
}

/// True-positive, false-positive and false-negative counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add_multisets(&mut self, gold: &[Triple], predicted: &[Triple]) {
        let mut remaining: HashMap<&Triple, usize> = HashMap::new();
        for triple in gold {
            *remaining.entry(triple).or_default() += 1;
        }
        for triple in predicted {
            match remaining.get_mut(triple) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    self.true_positives += 1;
                }
                _ => self.false_positives += 1,
            }
        }
        self.false_negatives += remaining.values().sum::<usize>();
    }
}

/// An empty denominator scores 1: nothing expected and nothing produced is right.
fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        1.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// The result for one record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordResult {
    pub id: String,
    pub exact: bool,
    pub missing: Vec<Triple>,
    pub extra: Vec<Triple>,
}

/// Totals over all records.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    pub records: usize,
    pub exact_matches: usize,
    pub triples: Counts,
    pub countries_roots: Counts,
}

impl Scores {
    pub fn exact_match_rate(&self) -> f64 {
        ratio(self.exact_matches, self.records)
    }
}

/// Accumulates record results.
#[derive(Debug, Default)]
pub struct Scorer {
    scores: Scores,
}

impl Scorer {
    /// Scores one record and adds it to the totals.
    pub fn add(&mut self, id: &str, gold: &[Triple], predicted: &[Triple]) -> RecordResult {
        let mut gold_sorted = gold.to_vec();
        gold_sorted.sort();
        let mut predicted_sorted = predicted.to_vec();
        predicted_sorted.sort();
        let exact = gold_sorted == predicted_sorted;
        self.scores.records += 1;
        self.scores.exact_matches += usize::from(exact);
        self.scores.triples.add_multisets(gold, predicted);
        let coarse = |triples: &[Triple]| triples.iter().map(Triple::coarse).collect::<Vec<_>>();
        self.scores
            .countries_roots
            .add_multisets(&coarse(gold), &coarse(predicted));
        RecordResult {
            id: id.to_string(),
            exact,
            missing: difference(&gold_sorted, &predicted_sorted),
            extra: difference(&predicted_sorted, &gold_sorted),
        }
    }

    pub fn scores(&self) -> Scores {
        self.scores.clone()
    }
}

/// Multiset difference of two sorted lists.
fn difference(left: &[Triple], right: &[Triple]) -> Vec<Triple> {
    let mut right = right.to_vec();
    left.iter()
        .filter(|triple| match right.iter().position(|r| r == *triple) {
            Some(pos) => {
                right.remove(pos);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiset_counts_duplicates_once_each() {
        let gold = [
            Triple::new("RUS", "CHN", "057"),
            Triple::new("CHN", "RUS", "057"),
        ];
        let predicted = [
            Triple::new("RUS", "CHN", "057"),
            Triple::new("RUS", "CHN", "057"),
        ];
        let mut scorer = Scorer::default();
        let result = scorer.add("x", &gold, &predicted);
        assert!(!result.exact);
        assert_eq!(result.missing, [Triple::new("CHN", "RUS", "057")]);
        assert_eq!(result.extra, [Triple::new("RUS", "CHN", "057")]);
        let scores = scorer.scores();
        assert_eq!(
            scores.triples,
            Counts {
                true_positives: 1,
                false_positives: 1,
                false_negatives: 1
            }
        );
        assert_eq!(scores.triples.precision(), 0.5);
    }

    #[test]
    fn empty_records_match_exactly() {
        let mut scorer = Scorer::default();
        assert!(scorer.add("none", &[], &[]).exact);
        assert_eq!(scorer.scores().exact_match_rate(), 1.0);
        assert_eq!(scorer.scores().triples.f1(), 1.0);
    }

    #[test]
    fn gold_lines_report_errors_and_keep_the_rest() {
        let text = "{\"id\":\"a\",\"date\":\"2024-01-02\",\"text\":\"T\",\"events\":[]}\n{broken\n";
        let (records, errors) = parse_gold("gold.jsonl", text);
        assert_eq!(records.len(), 1);
        assert_eq!(errors[0].line, 2);
        assert!(errors[0].to_string().starts_with("gold.jsonl:2:"));
    }
}
