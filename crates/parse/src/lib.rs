//! Dateline's own part-of-speech tagger and labelled dependency parser,
//! trained on Universal Dependencies English EWT, and a syntax view for
//! the event coder.
//!
//! # Brief overview
//! - [`Model`]: a trained tagger and parser. [`Model::builtin`] is the
//!   model under `data/parse/`, compiled in; [`Model::from_bytes`] loads
//!   another (a versioned format, checked on load).
//! - [`Model::parse_words`]: tags and parses one tokenised sentence.
//! - [`parse`] and [`parse_segments`]: fill `Doc::parse` for the
//!   segmenter's sentences and headings.
//! - [`syntax::Syntax`]: verb groups with their subjects, objects,
//!   obliques, agents, complements and conjuncts; appositions, relative
//!   clauses and the governing verb of any token.
//! - [`conllu`]: reading and writing CoNLL-U; [`eval::score`] scores a
//!   model against a treebank; [`train::train`] trains one.
//!
//! The tagger is a greedy averaged perceptron; the parser is greedy
//! arc-hybrid with a dynamic oracle, scored by an averaged perceptron over
//! hashed features (see the `tagger` and `parser` modules).
//!
//! ```
//! use dateline_model::DepRel;
//! use dateline_parse::Model;
//!
//! let words = ["Russian", "forces", "shelled", "the", "city", "."];
//! let parse = Model::builtin().parse_words(&words);
//! assert_eq!(parse[2].rel, DepRel::Root);
//! assert_eq!((parse[1].head, parse[1].rel), (Some(2), DepRel::Nsubj));
//! assert_eq!((parse[4].head, parse[4].rel), (Some(2), DepRel::Obj));
//! assert_eq!(parse[2].tag.xpos, "VBD");
//! ```

#![deny(missing_debug_implementations)]

pub mod conllu;
mod doc;
pub mod eval;
mod hash;
mod model;
mod parser;
mod perceptron;
mod rng;
pub mod syntax;
mod tagger;
mod tags;
pub mod train;
mod words;

use std::cell::RefCell;
use std::sync::OnceLock;

use dateline_model::DepRel;

pub use doc::{parse, parse_segments, parse_segments_hinted};
pub use model::{FORMAT_VERSION, ModelError};
pub use tagger::TagHint;
pub use tags::Tag;

use model::Parts;
use parser::{Arcs, Input, ParseScratch};
use tagger::TagScratch;
use words::WordAtoms;

/// The model compiled into the binary (see `data/README.md`).
static BUILTIN: &[u8] = include_bytes!("../../../data/parse/en_ewt.model");

/// A trained tagger and parser.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    parts: Parts,
}

/// One word's analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordParse<'m> {
    pub tag: &'m Tag,
    /// Index of the head word in the sentence; `None` for the root.
    pub head: Option<usize>,
    pub rel: DepRel,
}

impl Model {
    /// The built-in model, decoded on first use.
    ///
    /// # Panics
    /// If the compiled-in model does not load: a build defect that the
    /// crate's tests catch.
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(BUILTIN).expect("the built-in parse model loads"))
    }

    /// Loads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        model::decode(bytes).map(Model::from_parts)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        model::encode(&self.parts)
    }

    pub(crate) fn from_parts(parts: Parts) -> Model {
        Model { parts }
    }

    /// What the model was trained on, its licence and scores.
    pub fn description(&self) -> &str {
        &self.parts.description
    }

    /// The tagger's classes.
    pub fn tags(&self) -> &[Tag] {
        &self.parts.tagger.tags
    }

    /// The relations the parser assigns.
    pub fn labels(&self) -> &[DepRel] {
        &self.parts.labels
    }

    /// Number of (feature, class) weights in the tagger, the parser's move
    /// scorer and its labeller.
    pub fn n_weights(&self) -> (usize, usize, usize) {
        (
            self.parts.tagger.weights.n_entries(),
            self.parts.parser.moves.n_entries(),
            self.parts.parser.labels.n_entries(),
        )
    }

    /// Tags one tokenised sentence.
    pub fn tag_words<S: AsRef<str>>(&self, words: &[S]) -> Vec<&Tag> {
        SCRATCH.with_borrow_mut(|scratch| {
            self.run_tagger(words, &[], scratch);
            scratch
                .tags
                .iter()
                .map(|&tag| &self.parts.tagger.tags[usize::from(tag)])
                .collect()
        })
    }

    /// Tags and parses one tokenised sentence.
    pub fn parse_words<S: AsRef<str>>(&self, words: &[S]) -> Vec<WordParse<'_>> {
        let mut out = Vec::with_capacity(words.len());
        self.parse_words_into(words, &mut out);
        out
    }

    /// Like [`Model::parse_words`], reusing `out`'s allocation.
    pub fn parse_words_into<'m, S: AsRef<str>>(
        &'m self,
        words: &[S],
        out: &mut Vec<WordParse<'m>>,
    ) {
        self.parse_hinted_into(words, &[], out);
    }

    /// Like [`Model::parse_words_into`], keeping the tags that `hints` fix
    /// (one hint per word; missing ones are [`TagHint::Free`]).
    pub fn parse_hinted_into<'m, S: AsRef<str>>(
        &'m self,
        words: &[S],
        hints: &[TagHint],
        out: &mut Vec<WordParse<'m>>,
    ) {
        out.clear();
        SCRATCH.with_borrow_mut(|scratch| {
            self.run_tagger(words, hints, scratch);
            let input = Input {
                words: &scratch.words,
                tags: &scratch.tags,
            };
            self.parts
                .parser
                .parse(input, &mut scratch.parse, &mut scratch.arcs);
            let n = words.len() as u32;
            for (idx, &tag) in scratch.tags.iter().enumerate() {
                let head = scratch.arcs.heads[idx];
                out.push(WordParse {
                    tag: &self.parts.tagger.tags[usize::from(tag)],
                    head: (head < n).then_some(head as usize),
                    rel: self.parts.labels[usize::from(scratch.arcs.labels[idx])],
                });
            }
        });
    }

    fn run_tagger<S: AsRef<str>>(&self, words: &[S], hints: &[TagHint], scratch: &mut Scratch) {
        scratch.words.clear();
        scratch
            .words
            .extend(words.iter().map(|word| WordAtoms::new(word.as_ref())));
        self.parts
            .tagger
            .tag_hinted(&scratch.words, hints, &mut scratch.tag, &mut scratch.tags);
    }
}

/// Per-thread buffers, so parsing a sentence allocates almost nothing.
#[derive(Default)]
struct Scratch {
    words: Vec<WordAtoms>,
    tags: Vec<u16>,
    tag: TagScratch,
    parse: ParseScratch,
    arcs: Arcs,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Model {
    /// The same model without weights smaller than `min_weight` (a smaller
    /// model; see the training example's `--prune`).
    pub fn pruned(&self, min_weight: f32) -> Model {
        let mut parts = self.parts.clone();
        parts.tagger.weights = parts.tagger.weights.pruned(min_weight);
        parts.parser.moves = parts.parser.moves.pruned(min_weight);
        parts.parser.labels = parts.parser.labels.pruned(min_weight);
        Model { parts }
    }

    /// The same model with another description.
    pub fn with_description(mut self, description: &str) -> Model {
        self.parts.description = description.to_string();
        self
    }
}
