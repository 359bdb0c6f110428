//! Training a model from a treebank: inventories, a tagger, tags predicted
//! by jackknifing (so the parser learns from tags as good as it will get at
//! run time), then the parser.
//!
//! Everything is deterministic: fixed seeds, fixed orders; the jackknife
//! folds run in parallel but each is trained alone and they are joined in
//! order.

use std::collections::BTreeSet;

use dateline_model::{DepRel, Upos};
use rayon::prelude::*;

use crate::Model;
use crate::conllu::Sentence;
use crate::model::Parts;
use crate::parser::{self, ParseExample, ParserConfig};
use crate::tagger::{self, TaggedSentence, Tagger, TaggerConfig};
use crate::tags::Tag;
use crate::words::WordAtoms;

/// How to train.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Jackknife folds for the parser's training tags; 0 or 1 trains the
    /// parser on gold tags.
    pub folds: usize,
    pub seed: u64,
    /// Averaged weights smaller than this are left out of the model.
    pub min_weight: f32,
    /// The parser's exploration probability (see the parser's module doc).
    pub explore: f64,
    /// Parsers trained side by side (one thread each) and mixed into one:
    /// their mean weights score like the mean of their scores.
    pub ensemble: usize,
    /// What the model is, written into it (data, version, licence, scores).
    pub description: String,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            tagger_epochs: 10,
            parser_epochs: 15,
            folds: 10,
            seed: 0x0DA7_E11E,
            min_weight: 0.05,
            explore: 0.9,
            ensemble: 4,
            description: String::new(),
        }
    }
}

/// What training is doing, for a progress display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainProgress {
    /// The jackknife taggers are being trained.
    Jackknife { folds: usize },
    /// The final tagger is trained.
    TaggerDone,
    /// A parser epoch finished.
    ParserEpoch { epoch: usize, of: usize },
}

/// Why training could not start.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("no sentence with heads and relations to train on")]
    NoData,
    #[error("sentence at line {line}: {message}")]
    Sentence { line: usize, message: String },
    #[error(
        "{0} distinct tags or relations; the model format holds at most 255 relations and 65535 tags"
    )]
    TooMany(usize),
}

/// Trains a tagger and parser on annotated sentences (every word must have
/// UPOS, XPOS, head and relation).
pub fn train(
    sentences: &[Sentence],
    config: &TrainConfig,
    progress: &mut dyn FnMut(TrainProgress),
) -> Result<Model, TrainError> {
    let inventory = Inventory::of(sentences)?;
    let examples: Vec<Example> = sentences
        .iter()
        .map(|sentence| inventory.example(sentence))
        .collect::<Result<_, _>>()?;
    if examples.is_empty() {
        return Err(TrainError::NoData);
    }
    let tagger_config = TaggerConfig {
        epochs: config.tagger_epochs,
        seed: config.seed,
        min_weight: config.min_weight,
        lexicon_min_count: 20,
        lexicon_min_share: 0.995,
    };
    let tagged: Vec<TaggedSentence> = examples
        .iter()
        .map(|example| (example.words.clone(), example.tags.clone()))
        .collect();
    progress(TrainProgress::Jackknife {
        folds: config.folds,
    });
    let (tagger, predicted) = rayon::join(
        || tagger::train(&tagged, inventory.tags.clone(), &tagger_config),
        || jackknife(&tagged, &inventory.tags, &tagger_config, config.folds),
    );
    progress(TrainProgress::TaggerDone);
    let parse_examples: Vec<ParseExample> = examples
        .into_iter()
        .zip(predicted)
        .map(|(example, tags)| ParseExample {
            words: example.words,
            tags,
            heads: example.heads,
            labels: example.labels,
        })
        .collect();
    let parser_config = ParserConfig {
        epochs: config.parser_epochs,
        seed: config.seed ^ 0x5041_5253,
        min_weight: config.min_weight,
        explore: config.explore,
        ensemble: config.ensemble,
    };
    let n_labels = inventory.labels.len();
    let root_label = inventory.root_label()?;
    let parser = parser::train(
        &parse_examples,
        n_labels,
        root_label,
        &parser_config,
        &mut |epoch| {
            progress(TrainProgress::ParserEpoch {
                epoch,
                of: config.parser_epochs,
            })
        },
    );
    Ok(Model::from_parts(Parts {
        description: config.description.clone(),
        tagger,
        labels: inventory.labels,
        parser,
    }))
}

/// Tags each sentence with a tagger trained on the other folds.
fn jackknife(
    tagged: &[TaggedSentence],
    tags: &[Tag],
    config: &TaggerConfig,
    folds: usize,
) -> Vec<Vec<u16>> {
    if folds <= 1 {
        return tagged.iter().map(|(_, gold)| gold.clone()).collect();
    }
    let per_fold: Vec<Vec<(usize, Vec<u16>)>> = (0..folds)
        .into_par_iter()
        .map(|fold| {
            let train: Vec<TaggedSentence> = tagged
                .iter()
                .enumerate()
                .filter(|(idx, _)| idx % folds != fold)
                .map(|(_, sentence)| sentence.clone())
                .collect();
            let tagger = tagger::train(&train, tags.to_vec(), config);
            tag_fold(&tagger, tagged, folds, fold)
        })
        .collect();
    let mut predicted = vec![Vec::new(); tagged.len()];
    for (idx, tags) in per_fold.into_iter().flatten() {
        predicted[idx] = tags;
    }
    predicted
}

fn tag_fold(
    tagger: &Tagger,
    tagged: &[TaggedSentence],
    folds: usize,
    fold: usize,
) -> Vec<(usize, Vec<u16>)> {
    let mut scratch = Default::default();
    tagged
        .iter()
        .enumerate()
        .filter(|(idx, _)| idx % folds == fold)
        .map(|(idx, (words, _))| {
            let mut out = Vec::new();
            tagger.tag(words, &mut scratch, &mut out);
            (idx, out)
        })
        .collect()
}

/// The tag and label classes of a treebank, in sorted order.
struct Inventory {
    tags: Vec<Tag>,
    labels: Vec<DepRel>,
}

/// One training sentence as classes.
struct Example {
    words: Vec<WordAtoms>,
    tags: Vec<u16>,
    heads: Vec<u32>,
    labels: Vec<u8>,
}

impl Inventory {
    fn of(sentences: &[Sentence]) -> Result<Inventory, TrainError> {
        let mut tags = BTreeSet::new();
        let mut labels = BTreeSet::new();
        for sentence in sentences {
            for word in sentence.words() {
                let bad = |message: String| TrainError::Sentence {
                    line: sentence.line_number,
                    message: format!("word {}: {message}", word.id),
                };
                let upos: Upos = word.upos.parse().map_err(bad)?;
                let rel: DepRel = word.deprel.parse().map_err(bad)?;
                tags.insert(Tag {
                    upos,
                    xpos: word.xpos.clone(),
                });
                labels.insert(rel);
            }
        }
        if tags.len() > u16::MAX as usize {
            return Err(TrainError::TooMany(tags.len()));
        }
        if labels.len() > 64 {
            return Err(TrainError::TooMany(labels.len()));
        }
        Ok(Inventory {
            tags: tags.into_iter().collect(),
            labels: labels.into_iter().collect(),
        })
    }

    fn root_label(&self) -> Result<u8, TrainError> {
        self.labels
            .iter()
            .position(|&label| label == DepRel::Root)
            .map(|idx| idx as u8)
            .ok_or(TrainError::NoData)
    }

    fn example(&self, sentence: &Sentence) -> Result<Example, TrainError> {
        let n = sentence.n_words() as u32;
        let mut example = Example {
            words: Vec::new(),
            tags: Vec::new(),
            heads: Vec::new(),
            labels: Vec::new(),
        };
        for word in sentence.words() {
            let bad = |message: &str| TrainError::Sentence {
                line: sentence.line_number,
                message: format!("word {}: {message}", word.id),
            };
            let head = word.head.ok_or_else(|| bad("no head"))?;
            let upos: Upos = word.upos.parse().map_err(|_| bad("bad UPOS"))?;
            let tag = Tag {
                upos,
                xpos: word.xpos.clone(),
            };
            let rel: DepRel = word.deprel.parse().map_err(|_| bad("bad relation"))?;
            example.words.push(WordAtoms::new(&word.form));
            example
                .tags
                .push(self.tags.binary_search(&tag).unwrap_or(0) as u16);
            example
                .labels
                .push(self.labels.binary_search(&rel).unwrap_or(0) as u8);
            // The root word is the extra word after the last one.
            example.heads.push(if head == 0 { n } else { head - 1 });
        }
        Ok(example)
    }
}
