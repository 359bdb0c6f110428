//! Glue between Dateline's stages, as ripgrep's core is glue between its
//! crates: the one place that knows the order read -> segment -> tag ->
//! recognise -> code.
//!
//! [`Pipeline::build`] loads the knowledge base and the verb dictionary
//! (built-in plus user files) once; [`Pipeline::process`] takes a read
//! [`Doc`] through every stage up to the one asked for. A pipeline is
//! `Sync`: share one across threads.
//!
//! ```
//! use dateline_model::{Block, BlockKind, Doc, Meta, Span};
//! use dateline_pipeline::{Pipeline, PipelineConfig, Stage};
//!
//! let (pipeline, problems) = Pipeline::build(&PipelineConfig::default()).unwrap();
//! assert!(problems.is_empty());
//! let body = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi.";
//! let meta = Meta { date: chrono::NaiveDate::from_ymd_opt(2023, 5, 14), ..Meta::default() };
//! let mut doc = Doc::new(meta, body.to_string());
//! doc.blocks.push(Block { span: Span::new(0, body.len()), kind: BlockKind::Paragraph });
//! pipeline.process(&mut doc, Stage::Code);
//! let event = &doc.events[0];
//! assert_eq!((event.source.code.as_str(), event.target.as_ref().unwrap().code.as_str()), ("KENGOV", "ETHGOV"));
//! ```

#![deny(missing_debug_implementations)]

use std::path::PathBuf;

use dateline_code::{Coder, CoderConfig, VerbDictionary};
use dateline_kb::Kb;
use dateline_model::{Doc, PlaceKind, PlaceRef};
use dateline_recognise::Recogniser;

pub use dateline_code::{Explanation, KeepPolicy, Verdict};

/// How far to take a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Sentences, headings and tokens.
    Segment,
    /// Part-of-speech tags.
    Tag,
    /// Actor and place mentions, dateline place, country focus.
    Recognise,
    /// Events.
    Code,
}

/// What to load and how to code.
#[derive(Clone, Debug, Default)]
pub struct PipelineConfig {
    /// User knowledge-base files (`--kb`), applied in order over the built-in one.
    pub kb_files: Vec<PathBuf>,
    /// User verb pattern files (`--verbs`).
    pub verb_files: Vec<PathBuf>,
    /// Code with the user's dictionaries only (`--no-builtin`).
    pub no_builtin: bool,
    pub coder: CoderConfig,
}

/// Errors that stop the pipeline from being built at all.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("{0}")]
    Kb(#[from] dateline_kb::KbError),
    #[error("{0}")]
    Recognise(#[from] dateline_recognise::RecogniseError),
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
}

/// The stages, built once.
#[derive(Debug)]
pub struct Pipeline {
    recogniser: Recogniser,
    coder: Coder,
}

impl Pipeline {
    /// Builds every stage; returns the problems found in user files (their
    /// other entries still load).
    pub fn build(config: &PipelineConfig) -> Result<(Pipeline, Vec<String>), PipelineError> {
        let mut problems = Vec::new();
        let mut kb = if config.no_builtin {
            Kb::empty()
        } else {
            Kb::builtin()?
        };
        for path in &config.kb_files {
            problems.extend(kb.extend_from(path)?.iter().map(ToString::to_string));
        }
        let mut dictionary = if config.no_builtin {
            VerbDictionary::default()
        } else {
            VerbDictionary::builtin()
        };
        for path in &config.verb_files {
            let text = std::fs::read_to_string(path).map_err(|source| PipelineError::Read {
                path: path.display().to_string(),
                source,
            })?;
            let errors = dictionary.add_file(&path.display().to_string(), &text);
            problems.extend(errors.iter().map(ToString::to_string));
        }
        let country_places = country_places(&kb);
        let coder =
            Coder::new(dictionary, config.coder.clone()).with_country_places(country_places);
        let recogniser = Recogniser::build(&kb)?;
        Ok((Pipeline { recogniser, coder }, problems))
    }

    pub fn recogniser(&self) -> &Recogniser {
        &self.recogniser
    }

    pub fn coder(&self) -> &Coder {
        &self.coder
    }

    /// Runs a read document through every stage up to `until`.
    pub fn process(&self, doc: &mut Doc, until: Stage) {
        self.prepare(doc, until);
        if until >= Stage::Code {
            self.coder.code(doc);
        }
    }

    /// Like [`Pipeline::process`] to [`Stage::Code`], saying why each
    /// candidate event was coded or rejected.
    pub fn process_explained(&self, doc: &mut Doc) -> Vec<Explanation> {
        self.prepare(doc, Stage::Recognise);
        self.coder.code_explained(doc)
    }

    fn prepare(&self, doc: &mut Doc, until: Stage) {
        dateline_segment::segment(doc);
        if until >= Stage::Tag {
            dateline_tag::tag(doc);
        }
        if until >= Stage::Recognise {
            self.recogniser.recognise(doc);
        }
    }
}

/// Each country's gazetteer entry, to place events by focus country.
fn country_places(kb: &Kb) -> Vec<(String, PlaceRef)> {
    kb.places()
        .iter()
        .filter(|place| place.kind == PlaceKind::Country)
        .filter_map(|place| Some((place.country.clone()?, place.to_place_ref())))
        .collect()
}
