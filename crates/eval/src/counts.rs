//! Precision, recall and F1 counts, and the multiset matching behind them.

use std::collections::HashMap;
use std::hash::Hash;

use serde::Serialize;

/// True-positive, false-positive and false-negative counts. Serialised
/// with their precision, recall and F1, for scripts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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

    /// Adds another set of counts.
    pub fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }

    /// The counts of one multiset comparison.
    pub fn of(matching: &Matching) -> Counts {
        Counts {
            true_positives: matching.matched.len(),
            false_positives: matching.extra.len(),
            false_negatives: matching.missing.len(),
        }
    }
}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Counts", 6)?;
        out.serialize_field("true_positives", &self.true_positives)?;
        out.serialize_field("false_positives", &self.false_positives)?;
        out.serialize_field("false_negatives", &self.false_negatives)?;
        out.serialize_field("precision", &self.precision())?;
        out.serialize_field("recall", &self.recall())?;
        out.serialize_field("f1", &self.f1())?;
        out.end()
    }
}

/// An empty denominator scores 1: nothing expected and nothing produced is right.
pub(crate) fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        1.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// How predicted items met the gold items of one unit (a sentence or an
/// article), as indices into the lists given to [`match_multisets`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matching {
    /// (gold index, predicted index) pairs that agree.
    pub matched: Vec<(usize, usize)>,
    /// Required gold items no prediction matched.
    pub missing: Vec<usize>,
    /// Predictions that matched neither a required nor an optional item.
    pub extra: Vec<usize>,
    /// Predictions that matched an optional gold item: neither right nor wrong.
    pub excused: Vec<usize>,
}

/// Matches predictions against gold items, each used at most once.
///
/// Required items are matched first, so a prediction only falls back on an
/// optional item (and is excused) when no required twin is left; an
/// unmatched optional item is never missing.
pub fn match_multisets<K: Eq + Hash>(gold: &[(K, Requirement)], predicted: &[K]) -> Matching {
    let mut open: HashMap<(&K, Requirement), Vec<usize>> = HashMap::new();
    for (idx, (key, requirement)) in gold.iter().enumerate().rev() {
        open.entry((key, *requirement)).or_default().push(idx);
    }
    let mut matching = Matching::default();
    for (pred_idx, key) in predicted.iter().enumerate() {
        if let Some(gold_idx) = take(&mut open, key, Requirement::Required) {
            matching.matched.push((gold_idx, pred_idx));
        } else if take(&mut open, key, Requirement::Optional).is_some() {
            matching.excused.push(pred_idx);
        } else {
            matching.extra.push(pred_idx);
        }
    }
    matching.missing = gold
        .iter()
        .enumerate()
        .filter(|(idx, (_, requirement))| {
            *requirement == Requirement::Required && !matching.matched.iter().any(|m| m.0 == *idx)
        })
        .map(|(idx, _)| idx)
        .collect();
    matching
}

fn take<'k, K: Eq + Hash>(
    open: &mut HashMap<(&'k K, Requirement), Vec<usize>>,
    key: &'k K,
    requirement: Requirement,
) -> Option<usize> {
    open.get_mut(&(key, requirement)).and_then(Vec::pop)
}

/// Whether a gold item must be found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub enum Requirement {
    #[default]
    Required,
    /// A careful coder could argue either way: neither required nor penalised.
    Optional,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_twins_are_matched_before_optional_ones() {
        let gold = [
            ("a", Requirement::Optional),
            ("a", Requirement::Required),
            ("b", Requirement::Required),
        ];
        let matching = match_multisets(&gold, &["a", "a", "a", "c"]);
        assert_eq!(matching.matched, [(1, 0)]);
        assert_eq!(matching.excused, [1]);
        assert_eq!(matching.extra, [2, 3]);
        assert_eq!(matching.missing, [2]);
        let counts = Counts::of(&matching);
        assert_eq!(
            (
                counts.true_positives,
                counts.false_positives,
                counts.false_negatives
            ),
            (1, 2, 1)
        );
    }

    #[test]
    fn unmatched_optional_items_are_not_missing() {
        let matching = match_multisets(&[("a", Requirement::Optional)], &Vec::<&str>::new());
        assert!(matching.missing.is_empty());
        assert_eq!(Counts::of(&matching).recall(), 1.0);
    }
}
