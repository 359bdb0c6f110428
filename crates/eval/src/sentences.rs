//! Labelled sentences: one record, one sentence, scored PETRARCH-style.

use serde::{Deserialize, Serialize};

use crate::counts::{Counts, Requirement, match_multisets, ratio};

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
        let required = |triples: &[Triple]| {
            triples
                .iter()
                .map(|t| (t.clone(), Requirement::Required))
                .collect::<Vec<_>>()
        };
        let matching = match_multisets(&required(gold), predicted);
        let coarse = |triples: &[Triple]| triples.iter().map(Triple::coarse).collect::<Vec<_>>();
        let coarse_matching = match_multisets(&required(&coarse(gold)), &coarse(predicted));
        let exact = matching.missing.is_empty() && matching.extra.is_empty();
        self.scores.records += 1;
        self.scores.exact_matches += usize::from(exact);
        self.scores.triples.add(Counts::of(&matching));
        self.scores
            .countries_roots
            .add(Counts::of(&coarse_matching));
        let mut missing: Vec<Triple> = matching.missing.iter().map(|&i| gold[i].clone()).collect();
        let mut extra: Vec<Triple> = matching
            .extra
            .iter()
            .map(|&i| predicted[i].clone())
            .collect();
        missing.sort();
        extra.sort();
        RecordResult {
            id: id.to_string(),
            exact,
            missing,
            extra,
        }
    }

    pub fn scores(&self) -> Scores {
        self.scores.clone()
    }
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
}
