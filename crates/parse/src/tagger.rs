//! The part-of-speech tagger: greedy, left to right, an averaged perceptron
//! over word, affix, shape and context features, predicting a Universal and
//! a Penn tag together (one class per pair the treebank uses).
//!
//! Frequent words that the training data always tags alike skip the model
//! (a tag dictionary): faster, and no less accurate.

use rustc_hash::FxHashMap;

use crate::hash::FeatureSet;
use crate::perceptron::{Trainer, Weights};
use crate::rng::Rng;
use crate::tags::Tag;
use crate::words::{START, WordAtoms};
use dateline_model::Upos;

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Tagger {
    pub weights: Weights,
    pub tags: Vec<Tag>,
    /// Unambiguous frequent words: normalised form -> tag.
    pub lexicon: FxHashMap<u64, u16>,
}

/// Training settings of the tagger.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TaggerConfig {
    pub epochs: usize,
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the model.
    pub min_weight: f32,
    /// A word enters the tag dictionary when seen this often ...
    pub lexicon_min_count: u32,
    /// ... with one tag at least this share of the time.
    pub lexicon_min_share: f64,
}

/// Reusable buffers for tagging.
#[derive(Debug, Default)]
pub(crate) struct TagScratch {
    features: FeatureSet,
    scores: Vec<i32>,
}

impl Tagger {
    /// Tags one sentence; `out` gets one class per word.
    pub fn tag(&self, words: &[WordAtoms], scratch: &mut TagScratch, out: &mut Vec<u16>) {
        self.tag_hinted(words, &[], scratch, out);
    }

    /// Tags one sentence, keeping what `hints` know (missing hints are
    /// [`TagHint::Free`]). A fixed tag is in place before the next word is
    /// tagged, so its neighbours see it as context.
    pub fn tag_hinted(
        &self,
        words: &[WordAtoms],
        hints: &[TagHint],
        scratch: &mut TagScratch,
        out: &mut Vec<u16>,
    ) {
        out.clear();
        // Looked up only when there are hints: plain tagging stays as fast.
        let proper_noun = if hints.is_empty() {
            None
        } else {
            self.proper_noun()
        };
        for idx in 0..words.len() {
            let tag = self.lexicon.get(&words[idx].form).copied();
            let tag = tag.unwrap_or_else(|| self.predict(words, idx, out, scratch));
            let tag = match (hints.get(idx), proper_noun) {
                (Some(TagHint::ProperNoun), Some(proper))
                    if self.tags[usize::from(tag)].upos != Upos::Propn =>
                {
                    proper
                }
                _ => tag,
            };
            out.push(tag);
        }
    }

    fn predict(
        &self,
        words: &[WordAtoms],
        idx: usize,
        tags: &[u16],
        scratch: &mut TagScratch,
    ) -> u16 {
        let n_tags = self.tags.len();
        let (prev1, prev2) = previous_tags(tags, idx, n_tags);
        scratch.features.clear();
        features(words, idx, prev1, prev2, &mut scratch.features);
        scratch.scores.clear();
        scratch.scores.resize(n_tags, 0);
        self.weights
            .score(&scratch.features.keys, &mut scratch.scores);
        argmax_i32(&scratch.scores) as u16
    }

    /// The class of a singular proper noun (`PROPN`, `NNP`), when the model
    /// has one.
    fn proper_noun(&self) -> Option<u16> {
        self.tags
            .iter()
            .position(|tag| tag.upos == Upos::Propn && tag.xpos == "NNP")
            .map(|idx| idx as u16)
    }
}

/// What the caller knows of a word's part of speech before tagging.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TagHint {
    /// The tagger decides.
    #[default]
    Free,
    /// Part of a name (the recogniser found a person or an organisation):
    /// a proper noun, whatever the word looks like alone ("Trump", "Mark").
    ProperNoun,
}

/// The two tags before `idx` (padding before the sentence start).
fn previous_tags(tags: &[u16], idx: usize, n_tags: usize) -> (u64, u64) {
    let at = |back: usize| {
        idx.checked_sub(back)
            .map_or((n_tags + back) as u64, |i| u64::from(tags[i]))
    };
    (at(1), at(2))
}

fn word(words: &[WordAtoms], idx: isize) -> WordAtoms {
    if idx < 0 || idx as usize >= words.len() {
        return WordAtoms {
            form: START,
            cased: START,
            suffix: [START; 4],
            prefix: [START; 3],
            shape: START,
            last_part: 0,
            class: START,
        };
    }
    words[idx as usize]
}

/// The features of the word at `idx` given the two tags before it.
fn features(words: &[WordAtoms], idx: usize, prev1: u64, prev2: u64, fs: &mut FeatureSet) {
    let i = idx as isize;
    let w0 = word(words, i);
    let wm1 = word(words, i - 1);
    let wm2 = word(words, i - 2);
    let wp1 = word(words, i + 1);
    let wp2 = word(words, i + 2);
    fs.add1(0, 0);
    fs.add1(1, w0.form);
    fs.add1(2, w0.cased);
    for (n, suffix) in w0.suffix.iter().enumerate() {
        fs.add1(3 + n as u64, *suffix);
    }
    for (n, prefix) in w0.prefix.iter().enumerate() {
        fs.add1(7 + n as u64, *prefix);
    }
    fs.add1(10, w0.shape);
    fs.add2(11, w0.class, u64::from(idx == 0));
    if w0.last_part != 0 {
        fs.add1(12, w0.last_part);
    }
    fs.add1(13, wm1.form);
    fs.add1(14, wm2.form);
    fs.add1(15, wp1.form);
    fs.add1(16, wp2.form);
    fs.add1(17, prev1);
    fs.add1(18, prev2);
    fs.add2(19, prev1, prev2);
    fs.add2(20, prev1, w0.form);
    fs.add2(21, wm1.form, w0.form);
    fs.add2(22, w0.form, wp1.form);
    fs.add1(23, wm1.suffix[2]);
    fs.add1(24, wp1.suffix[2]);
    fs.add1(25, wp1.shape);
    fs.add1(26, wm1.shape);
    fs.add2(27, prev1, w0.suffix[2]);
    fs.add2(28, wp1.form, wp2.form);
    fs.add2(29, prev1, wp1.form);
    fs.add2(30, w0.shape, wp1.shape);
    fs.add2(31, wp1.suffix[1], wp2.suffix[1]);
}

fn argmax_i32(scores: &[i32]) -> usize {
    let mut best = 0;
    for (idx, &score) in scores.iter().enumerate() {
        if score > scores[best] {
            best = idx;
        }
    }
    best
}

fn argmax_f32(scores: &[f32]) -> usize {
    let mut best = 0;
    for (idx, &score) in scores.iter().enumerate() {
        if score > scores[best] {
            best = idx;
        }
    }
    best
}

/// A training sentence for the tagger: words and their gold classes.
pub(crate) type TaggedSentence = (Vec<WordAtoms>, Vec<u16>);

/// Trains a tagger on `sentences` whose classes index `tags`.
pub(crate) fn train(sentences: &[TaggedSentence], tags: Vec<Tag>, config: &TaggerConfig) -> Tagger {
    let n_tags = tags.len();
    let lexicon = build_lexicon(sentences, config);
    let mut trainer = Trainer::new(n_tags);
    let mut rng = Rng::new(config.seed);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut fs = FeatureSet::default();
    let mut scores = Vec::new();
    let mut predicted = Vec::new();
    for _ in 0..config.epochs {
        rng.shuffle(&mut order);
        for &sentence_idx in &order {
            let (words, gold) = &sentences[sentence_idx];
            predicted.clear();
            for idx in 0..words.len() {
                if let Some(&tag) = lexicon.get(&words[idx].form) {
                    predicted.push(tag);
                    continue;
                }
                let (prev1, prev2) = previous_tags(&predicted, idx, n_tags);
                fs.clear();
                features(words, idx, prev1, prev2, &mut fs);
                trainer.score(&fs.keys, &mut scores);
                let guess = argmax_f32(&scores);
                trainer.update(&fs.keys, usize::from(gold[idx]), guess);
                trainer.tick();
                predicted.push(guess as u16);
            }
        }
    }
    Tagger {
        weights: trainer.finish(config.min_weight),
        tags,
        lexicon,
    }
}

fn build_lexicon(sentences: &[TaggedSentence], config: &TaggerConfig) -> FxHashMap<u64, u16> {
    let mut counts: FxHashMap<u64, FxHashMap<u16, u32>> = FxHashMap::default();
    for (words, gold) in sentences {
        for (word, &tag) in words.iter().zip(gold) {
            *counts.entry(word.form).or_default().entry(tag).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(form, by_tag)| {
            let total: u32 = by_tag.values().sum();
            let (&tag, &count) = by_tag
                .iter()
                .max_by_key(|&(&tag, &count)| (count, std::cmp::Reverse(tag)))?;
            let share = f64::from(count) / f64::from(total);
            (total >= config.lexicon_min_count && share >= config.lexicon_min_share)
                .then_some((form, tag))
        })
        .collect()
}
