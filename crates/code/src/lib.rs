//! Dateline's event coder: who did what to whom.
//!
//! The coder reads a segmented, tagged document with recognised actors and
//! adds `doc.events`: CAMEO-coded events with source and target actors,
//! negation and modality, attribution, location, and the exact spans of
//! every part, plus the id of the pattern that fired.
//!
//! # Brief overview
//! - [`VerbDictionary`]: verb and phrase patterns (`data/verbs/*.txt`,
//!   syntax in [`dictionary::syntax`]), inflections generated.
//! - [`Coder`]: built once from a dictionary and a [`CoderConfig`], then
//!   [`Coder::code`] per document (it is `Sync`; share it across threads).
//! - [`Explanation`]: with [`Coder::code_explained`], why each candidate was
//!   coded or rejected.
//!
//! Syntax comes from part-of-speech tags and cue words, without a parser:
//! the subject is the noun phrase before the verb group (skipping
//! appositives and relative clauses), voice and negation come from the
//! auxiliaries, intention and refusal from governing verbs ("plans to",
//! "refused to"), reported speech from verbs of saying.

#![deny(missing_debug_implementations)]

mod attribution;
mod background;
mod builtin_verbs;
mod clause;
mod coder;
pub mod comma;
mod cues;
pub mod dictionary;
pub mod discard;
mod discourse;
mod explain;
mod forms;
pub mod issues;
pub mod lexicon;
mod location;
mod matcher;
mod modality;
pub mod parsed;
mod participants;
mod refine;
mod sentence;
mod slots;

use dateline_model::{Doc, PlaceRef, SegmentRef};
use rustc_hash::FxHashMap;

use dictionary::VariantIndex;
pub use dictionary::{DictionaryError, VerbDictionary};
pub use explain::{Explanation, Verdict};

use cues::Cues;
use discourse::Article;
use modality::ModalityTable;
use sentence::{DocIndex, Sentence};

/// What to do with negated or hypothetical actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum KeepPolicy {
    /// No event ("did not meet" is not a meeting).
    #[default]
    Drop,
    /// An event marked `negated: true` or `modality: hypothetical`.
    Mark,
}

/// Coding options.
#[derive(Clone, Debug)]
pub struct CoderConfig {
    /// Only events with both a source and a target (PETRARCH's `require_dyad`).
    pub require_dyad: bool,
    pub negated: KeepPolicy,
    pub hypothetical: KeepPolicy,
    /// PETRARCH's comma options: comma-delimited asides hidden before coding.
    pub commas: comma::CommaRules,
    /// PETRARCH's `new_actor_length`: unknown names of up to this many words
    /// act as actors coded by their text; 0 turns this off.
    pub new_actor_length: usize,
    /// Events whose source or target is an agent of no known country
    /// (`---GOV`): Dateline drops them by default; PETRARCH writes them.
    pub anonymous: KeepPolicy,
    /// Intended, threatened or refused acts take the code of the intent,
    /// threat or refusal ("plans to visit" is 036, not 042). Off when coding
    /// with PETRARCH dictionaries only: their patterns carry their own codes
    /// (`modality` still says `intended`).
    pub recode_modality: bool,
    /// Which coder reads the sentences.
    pub engine: Engine,
}

/// Which coder reads the sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Engine {
    /// Verb patterns matched over tagged tokens (PETRARCH and TABARI
    /// dictionaries, and Dateline's pattern files).
    #[default]
    Patterns,
    /// The event lexicon over the dependency parse; sentences without a
    /// parse get no events.
    Parse,
    /// The parse first, then the patterns for what it left.
    Both,
}

impl Default for CoderConfig {
    fn default() -> CoderConfig {
        CoderConfig {
            require_dyad: true,
            negated: KeepPolicy::Drop,
            hypothetical: KeepPolicy::Drop,
            commas: comma::CommaRules::OFF,
            new_actor_length: 0,
            anonymous: KeepPolicy::Drop,
            recode_modality: true,
            engine: Engine::default(),
        }
    }
}

/// The event coder. Build once, share across threads.
#[derive(Debug)]
pub struct Coder {
    dictionary: VerbDictionary,
    /// The dictionary's variants filed by word, built once.
    variants: VariantIndex,
    cues: &'static Cues,
    modality: ModalityTable,
    refinements: refine::Refinements,
    lexicon: lexicon::EventLexicon,
    config: CoderConfig,
    country_places: FxHashMap<String, PlaceRef>,
    discards: discard::DiscardList,
    issues: issues::IssueList,
}

impl Coder {
    pub fn new(dictionary: VerbDictionary, config: CoderConfig) -> Coder {
        Coder {
            variants: VariantIndex::new(&dictionary),
            dictionary,
            cues: Cues::builtin(),
            modality: ModalityTable::builtin(),
            refinements: refine::Refinements::builtin(),
            lexicon: lexicon::EventLexicon::builtin().0,
            config,
            country_places: FxHashMap::default(),
            discards: discard::DiscardList::default(),
            issues: issues::IssueList::default(),
        }
    }

    /// A discard list: sentences (or stories) holding one of its phrases
    /// yield no events.
    pub fn with_discards(mut self, discards: discard::DiscardList) -> Coder {
        self.discards = discards;
        self
    }

    /// An issue list: events get the issue codes of their sentence.
    pub fn with_issues(mut self, issues: issues::IssueList) -> Coder {
        self.issues = issues;
        self
    }

    /// Places for country codes, used to locate events by the article's
    /// focus country when nothing nearer is known.
    pub fn with_country_places(
        mut self,
        places: impl IntoIterator<Item = (String, PlaceRef)>,
    ) -> Coder {
        self.country_places = places.into_iter().collect();
        self
    }

    /// True when coding reads the dependency parse (the pipeline parses
    /// only then).
    pub fn reads_parse(&self) -> bool {
        matches!(self.config.engine, Engine::Parse | Engine::Both)
    }

    pub fn dictionary(&self) -> &VerbDictionary {
        &self.dictionary
    }

    /// Codes a document: replaces `doc.events`.
    pub fn code(&self, doc: &mut Doc) {
        self.code_with(doc, &mut None);
    }

    /// Codes a document and says why each candidate was coded or rejected.
    pub fn code_explained(&self, doc: &mut Doc) -> Vec<Explanation> {
        let mut explanations = Vec::new();
        self.code_with(doc, &mut Some(&mut explanations));
        explanations
    }

    /// Codes one segment from its dependency parse, if it has one.
    fn code_segment_parsed(
        &self,
        doc: &Doc,
        segment: SegmentRef,
        index: &DocIndex,
        article: &mut Article,
        explanations: &mut Option<&mut Vec<Explanation>>,
    ) {
        let seg = match segment {
            SegmentRef::Sentence(idx) => &doc.sentences[idx as usize],
            SegmentRef::Heading(idx) => &doc.headings[idx as usize],
        };
        let Some(syntax) = dateline_parse::syntax::Syntax::of_segment(doc, seg) else {
            return;
        };
        let sentence = Sentence::new(doc, segment, index, &self.dictionary, self.cues);
        self.code_parsed(&sentence, &syntax, article, explanations);
    }

    fn code_with(&self, doc: &mut Doc, explanations: &mut Option<&mut Vec<Explanation>>) {
        if let Some(discarded) = self.discards.story_discard(doc) {
            explanations
                .iter_mut()
                .for_each(|e| e.push(discarded.clone()));
            doc.events.clear();
            return;
        }
        let index = DocIndex::new(doc);
        let mut article = Article::default();
        let segments = (0..doc.sentences.len())
            .map(|idx| SegmentRef::Sentence(idx as u32))
            .chain((0..doc.headings.len()).map(|idx| SegmentRef::Heading(idx as u32)));
        for segment in segments {
            if let Some(discarded) = self.discards.sentence_discard(doc, segment) {
                explanations
                    .iter_mut()
                    .for_each(|e| e.push(discarded.clone()));
                continue;
            }
            if matches!(self.config.engine, Engine::Parse | Engine::Both) {
                self.code_segment_parsed(doc, segment, &index, &mut article, explanations);
            }
            if matches!(self.config.engine, Engine::Patterns | Engine::Both) {
                self.code_segment(doc, segment, &index, &mut article, explanations);
            }
        }
        let mut events = article.events;
        discourse::drop_repeated_headings(&mut events);
        discourse::locate_from_later_sentences(
            doc,
            &index,
            self.cues,
            &self.dictionary,
            &mut events,
        );
        discourse::fill_fallback_locations(doc, &self.country_places, &mut events);
        self.issues.tag_events(doc, &mut events);
        doc.events = events;
    }
}
