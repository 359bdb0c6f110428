//! Scoring a model against a treebank with gold tokens: tagging accuracy
//! and attachment scores over every word, punctuation included (as the
//! CoNLL 2018 shared task's evaluation counts them).

use std::fmt;

use dateline_model::DepRel;

use crate::Model;
use crate::conllu::Sentence;

/// Counts of correct decisions over `words` words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    pub sentences: usize,
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    /// Right head.
    pub uas: usize,
    /// Right head and relation, subtype included (`nsubj:pass`).
    pub las: usize,
    /// Right head and universal relation (`nsubj:pass` counts as `nsubj`),
    /// the CoNLL 2018 LAS.
    pub las_universal: usize,
}

impl Scores {
    fn share(&self, count: usize) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        100.0 * count as f64 / self.words as f64
    }

    pub fn upos_percent(&self) -> f64 {
        self.share(self.upos)
    }

    pub fn xpos_percent(&self) -> f64 {
        self.share(self.xpos)
    }

    pub fn uas_percent(&self) -> f64 {
        self.share(self.uas)
    }

    pub fn las_percent(&self) -> f64 {
        self.share(self.las)
    }

    pub fn las_universal_percent(&self) -> f64 {
        self.share(self.las_universal)
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} sentences, {} words: UPOS {:.2}%, XPOS {:.2}%, UAS {:.2}%, LAS {:.2}% (universal relations: {:.2}%)",
            self.sentences,
            self.words,
            self.upos_percent(),
            self.xpos_percent(),
            self.uas_percent(),
            self.las_percent(),
            self.las_universal_percent()
        )
    }
}

/// Parses each gold sentence's words with `model` and counts agreement.
/// Words without a gold head are not scored.
pub fn score(model: &Model, gold: &[Sentence]) -> Scores {
    let mut scores = Scores::default();
    let mut forms: Vec<&str> = Vec::new();
    let mut parsed = Vec::new();
    for sentence in gold {
        forms.clear();
        forms.extend(sentence.words().map(|word| word.form.as_str()));
        model.parse_words_into(&forms, &mut parsed);
        scores.sentences += 1;
        for (word, predicted) in sentence.words().zip(&parsed) {
            let Some(gold_head) = word.head else {
                continue;
            };
            scores.words += 1;
            scores.upos += usize::from(predicted.tag.upos.as_str() == word.upos);
            scores.xpos += usize::from(predicted.tag.xpos == word.xpos);
            let head = predicted.head.map_or(0, |head| head as u32 + 1);
            if head != gold_head {
                continue;
            }
            scores.uas += 1;
            let gold_rel = word.deprel.parse::<DepRel>().ok();
            scores.las += usize::from(gold_rel == Some(predicted.rel));
            scores.las_universal +=
                usize::from(gold_rel.map(DepRel::universal) == Some(predicted.rel.universal()));
        }
    }
    scores
}
