//! Labelled articles: every sentence of a real article labelled, scored per
//! sentence and per article.
//!
//! Article-level figures compare multisets of events over the whole article,
//! so an event found in another sentence than the one labelled (or twice
//! where the article tells it twice) still counts; sentence-level figures
//! require the right sentence too.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::counts::{Counts, Matching, Requirement, match_multisets};
use crate::sentences::Triple;

/// One labelled article (a line of `data/gold/wikinews/*.jsonl`).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct GoldArticle {
    pub id: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub kind: ArticleKind,
    /// The article as the corpus gives it; read like any JSONL article.
    pub text: String,
    /// Body sentences as labelled, with byte spans into the read body.
    pub sentences: Vec<GoldSentence>,
    pub events: Vec<GoldEvent>,
}

/// Why an article is in the set.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ArticleKind {
    /// Chosen for its political content.
    #[default]
    Political,
    /// Chosen as a negative: no political event expected.
    Negative,
}

/// A labelled sentence.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct GoldSentence {
    pub index: usize,
    /// `[start, end)` byte offsets into the article body.
    pub span: [usize; 2],
    pub text: String,
}

/// A labelled event.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct GoldEvent {
    /// Index into the article's `sentences`.
    pub sentence: usize,
    pub source: String,
    pub target: String,
    pub code: String,
    /// A careful coder could argue either way: neither required nor penalised.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
}

impl GoldEvent {
    pub fn triple(&self) -> Triple {
        Triple::new(&self.source, &self.target, &self.code)
    }

    pub fn requirement(&self) -> Requirement {
        if self.optional {
            Requirement::Optional
        } else {
            Requirement::Required
        }
    }
}

impl GoldArticle {
    /// Checks the labelled spans against the body the reader gives today,
    /// and finds a sentence again by its text when the body moved (a
    /// reader change); returns one message per sentence it cannot place.
    pub fn align(&mut self, body: &str) -> Vec<String> {
        let mut problems = Vec::new();
        let mut from = 0;
        for sentence in &mut self.sentences {
            let [start, end] = sentence.span;
            if body.get(start..end) == Some(sentence.text.as_str()) {
                from = end;
                continue;
            }
            match body.get(from..).and_then(|rest| rest.find(&sentence.text)) {
                Some(offset) => {
                    sentence.span = [from + offset, from + offset + sentence.text.len()];
                    from = sentence.span[1];
                }
                None => problems.push(format!(
                    "{}: sentence {} is no longer in the body: {:?}",
                    self.id, sentence.index, sentence.text
                )),
            }
        }
        problems
    }

    /// The labelled sentence that overlaps a coded sentence's span most.
    pub fn sentence_at(&self, start: usize, end: usize) -> Option<usize> {
        self.sentences
            .iter()
            .map(|s| (s.index, overlap([start, end], s.span)))
            .filter(|&(_, shared)| shared > 0)
            .max_by_key(|&(index, shared)| (shared, std::cmp::Reverse(index)))
            .map(|(index, _)| index)
    }

    /// The text of labelled sentence `index`.
    pub fn sentence_text(&self, index: usize) -> Option<&str> {
        self.sentences
            .iter()
            .find(|s| s.index == index)
            .map(|s| s.text.as_str())
    }
}

fn overlap(a: [usize; 2], b: [usize; 2]) -> usize {
    a[1].min(b[1]).saturating_sub(a[0].max(b[0]))
}

/// A coded event, placed in the labelled sentence it came from (`None` for
/// a heading or a sentence the labels do not have).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Predicted {
    pub sentence: Option<usize>,
    pub triple: Triple,
}

/// What one article got wrong, sentence by sentence.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ArticleResult {
    pub id: String,
    /// Required gold events not coded in their sentence, as indices into the
    /// article's `events`.
    pub missing: Vec<usize>,
    /// Coded events that match no gold event of their sentence, as indices
    /// into the predictions.
    pub extra: Vec<usize>,
}

/// Totals over all articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ArticleScores {
    pub articles: usize,
    /// Required gold events.
    pub gold_events: usize,
    pub optional_events: usize,
    pub predicted_events: usize,
    /// Events coded in articles chosen as negatives (all false positives
    /// unless the labels found events there).
    pub negative_article_events: usize,
    /// (sentence, source, target, code).
    pub sentence_triples: Counts,
    /// (sentence, source country, target country, root).
    pub sentence_countries_roots: Counts,
    /// Multisets of (source, target, code) per article.
    pub article_triples: Counts,
    /// Multisets of (source country, target country, root) per article.
    pub article_countries_roots: Counts,
    /// Article-level (source country, target country, root) counts by root.
    pub roots: BTreeMap<String, Counts>,
}

impl ArticleScores {
    /// Events coded for every required gold event.
    pub fn found_per_gold(&self) -> f64 {
        crate::counts::ratio(self.predicted_events, self.gold_events)
    }
}

/// Accumulates article results.
#[derive(Debug, Default)]
pub struct ArticleScorer {
    scores: ArticleScores,
}

impl ArticleScorer {
    /// Scores one article's coded events against its labels.
    pub fn add(&mut self, article: &GoldArticle, predicted: &[Predicted]) -> ArticleResult {
        let scores = &mut self.scores;
        scores.articles += 1;
        scores.gold_events += article.events.iter().filter(|e| !e.optional).count();
        scores.optional_events += article.events.iter().filter(|e| e.optional).count();
        scores.predicted_events += predicted.len();
        if article.kind == ArticleKind::Negative {
            scores.negative_article_events += predicted.len();
        }

        let in_sentence = match_by(article, predicted, |sentence, t| (sentence, t.clone()));
        let in_sentence_coarse = match_by(article, predicted, |sentence, t| (sentence, t.coarse()));
        let in_article = match_by(article, predicted, |_, t| t.clone());
        let in_article_coarse = match_by(article, predicted, |_, t| t.coarse());
        scores.sentence_triples.add(Counts::of(&in_sentence));
        scores
            .sentence_countries_roots
            .add(Counts::of(&in_sentence_coarse));
        scores.article_triples.add(Counts::of(&in_article));
        scores
            .article_countries_roots
            .add(Counts::of(&in_article_coarse));
        self.add_roots(article, predicted, &in_article_coarse);

        ArticleResult {
            id: article.id.clone(),
            missing: in_sentence.missing,
            extra: in_sentence.extra,
        }
    }

    fn add_roots(&mut self, article: &GoldArticle, predicted: &[Predicted], matching: &Matching) {
        let root = |code: &str| code.chars().take(2).collect::<String>();
        let roots = &mut self.scores.roots;
        for &(gold_idx, _) in &matching.matched {
            roots
                .entry(root(&article.events[gold_idx].code))
                .or_default()
                .true_positives += 1;
        }
        for &gold_idx in &matching.missing {
            roots
                .entry(root(&article.events[gold_idx].code))
                .or_default()
                .false_negatives += 1;
        }
        for &pred_idx in &matching.extra {
            roots
                .entry(root(&predicted[pred_idx].triple.code))
                .or_default()
                .false_positives += 1;
        }
    }

    pub fn scores(&self) -> ArticleScores {
        self.scores.clone()
    }
}

/// Matches the article's events and the predictions under one key.
fn match_by<K: Eq + std::hash::Hash>(
    article: &GoldArticle,
    predicted: &[Predicted],
    key: impl Fn(Option<usize>, &Triple) -> K,
) -> Matching {
    let gold: Vec<(K, Requirement)> = article
        .events
        .iter()
        .map(|e| (key(Some(e.sentence), &e.triple()), e.requirement()))
        .collect();
    let predicted: Vec<K> = predicted
        .iter()
        .map(|p| key(p.sentence, &p.triple))
        .collect();
    match_multisets(&gold, &predicted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(sentence: usize, source: &str, target: &str, code: &str, optional: bool) -> GoldEvent {
        GoldEvent {
            sentence,
            source: source.into(),
            target: target.into(),
            code: code.into(),
            optional,
        }
    }

    fn article(events: Vec<GoldEvent>) -> GoldArticle {
        let text = "Germany banned the airline. Iran protested. Talks went on.".to_string();
        let sentences = [(0, 27), (28, 43), (44, 58)]
            .iter()
            .enumerate()
            .map(|(index, &(start, end))| GoldSentence {
                index,
                span: [start, end],
                text: text[start..end].to_string(),
            })
            .collect();
        GoldArticle {
            id: "a".into(),
            url: None,
            date: Some("2019-01-23".into()),
            title: None,
            kind: ArticleKind::Political,
            text,
            sentences,
            events,
        }
    }

    fn predicted(sentence: usize, source: &str, target: &str, code: &str) -> Predicted {
        Predicted {
            sentence: Some(sentence),
            triple: Triple::new(source, target, code),
        }
    }

    #[test]
    fn an_event_in_the_wrong_sentence_counts_for_the_article_only() {
        let gold = article(vec![event(0, "DEUGOV", "IRNBUS", "163", false)]);
        let mut scorer = ArticleScorer::default();
        let result = scorer.add(&gold, &[predicted(1, "DEUGOV", "IRNBUS", "163")]);
        assert_eq!(
            (result.missing.clone(), result.extra.clone()),
            (vec![0], vec![0])
        );
        let scores = scorer.scores();
        assert_eq!(scores.sentence_triples.f1(), 0.0);
        assert_eq!(scores.article_triples.f1(), 1.0);
        assert_eq!(scores.roots["16"].true_positives, 1);
    }

    #[test]
    fn roles_and_subcodes_are_forgiven_at_country_root_level() {
        let gold = article(vec![
            event(0, "DEUGOV", "IRNBUS", "163", false),
            event(1, "IRNGOV", "DEUGOV", "111", true),
        ]);
        let mut scorer = ArticleScorer::default();
        scorer.add(
            &gold,
            &[
                predicted(0, "DEU", "IRN", "160"),
                predicted(1, "IRNGOV", "DEUGOV", "111"),
                predicted(2, "IRN", "DEU", "046"),
            ],
        );
        let scores = scorer.scores();
        assert_eq!(
            (
                scores.gold_events,
                scores.optional_events,
                scores.predicted_events
            ),
            (1, 1, 3)
        );
        // The optional protest is excused; the talks are a false positive.
        assert_eq!(
            scores.article_countries_roots,
            Counts {
                true_positives: 1,
                false_positives: 1,
                false_negatives: 0
            }
        );
        assert_eq!(
            scores.article_triples,
            Counts {
                true_positives: 0,
                false_positives: 2,
                false_negatives: 1
            }
        );
        assert_eq!(scores.roots["04"].false_positives, 1);
        assert_eq!(scores.found_per_gold(), 3.0);
    }

    #[test]
    fn spans_are_found_again_when_the_body_moves() {
        let mut gold = article(Vec::new());
        let moved = format!("Friday\n\n{}", gold.text);
        assert!(gold.align(&moved).is_empty());
        assert_eq!(gold.sentences[1].span, [36, 51]);
        assert_eq!(&moved[36..51], "Iran protested.");
        assert_eq!(gold.sentence_at(30, 45), Some(1));
        assert_eq!(gold.sentence_at(0, 6), None);
        let problems = gold.align("Something else entirely.");
        assert_eq!(problems.len(), 3);
    }
}
