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

pub mod knowledge;

use std::path::{Path, PathBuf};

use dateline_code::discard::DiscardList;
use dateline_code::issues::IssueList;
use dateline_code::{Coder, CoderConfig, VerbDictionary};
use dateline_kb::Kb;
use dateline_kb::petrarch::{self, KnowledgeFormat};
use dateline_model::{ActorKind, Doc, PlaceKind, PlaceRef, SegmentRef};
use dateline_recognise::Recogniser;

pub use dateline_code::{Engine, Explanation, KeepPolicy, Verdict};

/// How far to take a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Sentences, headings and tokens.
    Segment,
    /// Part-of-speech tags.
    Tag,
    /// Dependency parse of every sentence and heading (`Doc::parse`). Runs
    /// only when asked for: later stages parse what
    /// [`PipelineConfig::parse`] says, nothing by default (the coder does
    /// not read the parse yet).
    Parse,
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
    /// Actor dictionaries (`--actors`): Dateline TSV or PETRARCH/TABARI,
    /// told by their content.
    pub actor_files: Vec<PathBuf>,
    /// Agent dictionaries (`--agents`), in either format.
    pub agent_files: Vec<PathBuf>,
    /// PETRARCH discard lists (`--discards`).
    pub discard_files: Vec<PathBuf>,
    /// PETRARCH issue lists (`--issues`).
    pub issue_files: Vec<PathBuf>,
    /// What a problem in a user dictionary does (`--strict` makes it fatal).
    pub dictionary_problems: ProblemPolicy,
    pub coder: CoderConfig,
    /// Which sentences to parse on the way to recognising and coding.
    pub parse: ParseScope,
}

/// Which sentences the stages after [`Stage::Parse`] parse.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParseScope {
    /// None.
    Skip,
    /// Every sentence and heading.
    All,
    /// Only segments the coder can code: those with at least one actor
    /// mention, when the coder reads the parse. Parsing is the slowest
    /// stage; this keeps the pipeline's speed.
    #[default]
    CoderCandidates,
}

/// What to do when a user dictionary has bad lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProblemPolicy {
    /// Report them and load the rest.
    #[default]
    Report,
    /// Refuse to build the pipeline.
    Fail,
}

/// What a knowledge file given on the command line is meant to hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KnowledgeRole {
    /// `--kb`: any Dateline TSV kind, or a PETRARCH dictionary told by content.
    Any,
    Actors,
    Agents,
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
    /// A bad line in a PETRARCH configuration file.
    #[error("{path}:{line}: {message}")]
    Config {
        path: String,
        line: usize,
        message: String,
    },
    /// Problems in user dictionaries under [`ProblemPolicy::Fail`].
    #[error("{} problem(s) in user dictionaries, first: {}", .0.len(), .0.first().map_or("", String::as_str))]
    Dictionary(Vec<String>),
}

/// The stages, built once.
#[derive(Debug)]
pub struct Pipeline {
    recogniser: Recogniser,
    coder: Coder,
    parse: ParseScope,
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
        let knowledge = config
            .kb_files
            .iter()
            .map(|path| (path, KnowledgeRole::Any))
            .chain(
                config
                    .actor_files
                    .iter()
                    .map(|path| (path, KnowledgeRole::Actors)),
            )
            .chain(
                config
                    .agent_files
                    .iter()
                    .map(|path| (path, KnowledgeRole::Agents)),
            );
        for (path, role) in knowledge {
            problems.extend(load_knowledge(&mut kb, path, role)?);
        }
        let mut dictionary = if config.no_builtin {
            VerbDictionary::default()
        } else {
            VerbDictionary::builtin()
        };
        for path in &config.verb_files {
            let text = read_text(path)?;
            let (_, errors) = dictionary.add_file_any_format(&path.display().to_string(), &text);
            problems.extend(errors.iter().map(ToString::to_string));
        }
        let mut discards = DiscardList::default();
        for path in &config.discard_files {
            let (list, errors) = DiscardList::parse(&path.display().to_string(), &read_text(path)?);
            discards.extend(list);
            problems.extend(errors.iter().map(ToString::to_string));
        }
        let mut issues = IssueList::default();
        for path in &config.issue_files {
            let (list, errors) = IssueList::parse(&path.display().to_string(), &read_text(path)?);
            issues.extend(list);
            problems.extend(errors.iter().map(ToString::to_string));
        }
        if config.dictionary_problems == ProblemPolicy::Fail && !problems.is_empty() {
            return Err(PipelineError::Dictionary(problems));
        }
        let country_places = country_places(&kb);
        let mut coder_config = config.coder.clone();
        if config.no_builtin {
            // With the user's dictionaries only, write what PETRARCH writes:
            // agents of no known country as `---ROLE`.
            coder_config.anonymous = KeepPolicy::Mark;
            // ... and the codes their patterns give, unrecoded by modality.
            coder_config.recode_modality = false;
            // Their verb patterns are the whole dictionary.
            coder_config.engine = Engine::Patterns;
        } else if !config.verb_files.is_empty() && coder_config.engine == Engine::Parse {
            // The user's patterns beside the built-in lexicon.
            coder_config.engine = Engine::Both;
        }
        let coder = Coder::new(dictionary, coder_config)
            .with_country_places(country_places)
            .with_discards(discards)
            .with_issues(issues);
        let recogniser = Recogniser::build(&kb)?;
        Ok((
            Pipeline {
                recogniser,
                coder,
                parse: config.parse,
            },
            problems,
        ))
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
        if until == Stage::Parse {
            dateline_parse::parse(doc, dateline_parse::Model::builtin());
        }
        if until >= Stage::Recognise {
            self.recogniser.recognise(doc);
            self.parse_for_coder(doc);
        }
    }

    /// Parses what [`PipelineConfig::parse`] asks for; after recognising,
    /// since the coder's candidates need the actor mentions.
    fn parse_for_coder(&self, doc: &mut Doc) {
        let wanted: Box<dyn Fn(SegmentRef) -> bool> = match self.parse {
            ParseScope::Skip => return,
            ParseScope::All => Box::new(|_| true),
            ParseScope::CoderCandidates => {
                let candidates = self.coder_candidates(doc);
                Box::new(move |segment| candidates.contains(&segment))
            }
        };
        // Both scopes parse a sentence alike: with the recogniser's names.
        let names = name_hints(doc);
        let model = dateline_parse::Model::builtin();
        dateline_parse::parse_segments_hinted(doc, model, wanted, |token| names[token]);
    }

    /// Segments with at least one actor mention, when the coder reads the
    /// parse (none when it codes with patterns only).
    pub fn coder_candidates(&self, doc: &Doc) -> Vec<SegmentRef> {
        if !self.coder.reads_parse() {
            return Vec::new();
        }
        let mut with_actor: Vec<SegmentRef> = doc
            .mentions
            .iter()
            .filter(|mention| mention.actor.is_some())
            .map(|mention| mention.segment)
            .collect();
        with_actor.sort_unstable();
        with_actor.dedup();
        with_actor
    }
}

/// A user file as text; bad UTF-8 is replaced (dictionaries are often Latin-1).
fn read_text(path: &Path) -> Result<String, PipelineError> {
    let bytes = std::fs::read(path).map_err(|source| PipelineError::Read {
        path: path.display().to_string(),
        source,
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Loads a knowledge file in whichever format its content shows; returns
/// its problems as `FILE:LINE: message` lines.
fn load_knowledge(
    kb: &mut Kb,
    path: &Path,
    role: KnowledgeRole,
) -> Result<Vec<String>, PipelineError> {
    let text = read_text(path)?;
    let source = path.display().to_string();
    let format = match (petrarch::detect_format(&text), role) {
        (Some(format), _) => format,
        (None, KnowledgeRole::Agents) => KnowledgeFormat::PetrarchAgents,
        (None, KnowledgeRole::Actors) => KnowledgeFormat::PetrarchActors,
        (None, KnowledgeRole::Any) => KnowledgeFormat::DatelineTsv,
    };
    let diagnostics = match format {
        KnowledgeFormat::DatelineTsv => kb.extend_from_str(&source, &text),
        KnowledgeFormat::PetrarchActors => petrarch::load_actors(kb, &source, &text),
        KnowledgeFormat::PetrarchAgents => petrarch::load_agents(kb, &source, &text),
    };
    Ok(diagnostics.iter().map(ToString::to_string).collect())
}

/// Each country's gazetteer entry, to place events by focus country.
fn country_places(kb: &Kb) -> Vec<(String, PlaceRef)> {
    kb.places()
        .iter()
        .filter(|place| place.kind == PlaceKind::Country)
        .filter_map(|place| Some((place.country.clone()?, place.to_place_ref())))
        .collect()
}

/// Capitalised words of the people and organisations the recogniser named
/// are proper nouns, whatever the tagger would make of them alone ("Trump
/// said", "Mark Rutte"): one hint per token of `doc`.
fn name_hints(doc: &Doc) -> Vec<dateline_parse::TagHint> {
    let mut hints = vec![dateline_parse::TagHint::Free; doc.tokens.len()];
    let names = doc.mentions.iter().filter(|mention| {
        mention
            .actor
            .as_ref()
            .is_some_and(|actor| matches!(actor.kind, ActorKind::Person | ActorKind::Organisation))
    });
    for mention in names {
        for token in mention.tokens.clone() {
            let capitalised = doc
                .text(doc.tokens[token as usize].span)
                .starts_with(char::is_uppercase);
            if capitalised && let Some(hint) = hints.get_mut(token as usize) {
                *hint = dateline_parse::TagHint::ProperNoun;
            }
        }
    }
    hints
}
