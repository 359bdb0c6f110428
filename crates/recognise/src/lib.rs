//! Finds actors, agents and places in an article.
//!
//! [`Recogniser::build`] turns a [`Kb`] into one Aho-Corasick automaton over
//! every name (built once, reused for every article). [`Recogniser::recognise`]
//! then reads a segmented [`Doc`] (`doc.tokens`, `doc.sentences`,
//! `doc.headings`; part-of-speech tags help but are optional) and fills:
//!
//! - `doc.mentions`: names on token boundaries, longest first, written the way
//!   their case rules want ("Turkey" not "turkey", "US" not "us"; all-capital
//!   lines match any proper name). Titles join the person ("Israeli Prime
//!   Minister Benjamin Netanyahu" is one mention), countries join agent nouns
//!   ("Iranian security forces" is `IRNCOP`), short names and titles refer
//!   back to the person met earlier, "he"/"his" only when one person fits.
//!   Codes hold on the article's date (`meta.date`). Capitalised names the
//!   knowledge base lacks become unknown mentions with a guess.
//! - `doc.dateline`: the dateline place (`meta.place`) resolved.
//! - `doc.focus`: the countries the article is about, ranked.
//!
//! [`mention_rows`] flattens the mentions for printing (`dateline actors`);
//! [`unknown_names`] counts unknown names over many articles (`dateline kb unknown`).
//!
//! ```
//! use chrono::NaiveDate;
//! use dateline_kb::Kb;
//! use dateline_model::{Block, BlockKind, Doc, Meta, Span};
//! use dateline_recognise::Recogniser;
//!
//! let recogniser = Recogniser::build(&Kb::builtin().unwrap()).unwrap();
//! let body = "Russian President Vladimir Putin spoke to Narendra Modi. Putin said talks would go on.";
//! let meta = Meta { date: NaiveDate::from_ymd_opt(2024, 7, 9), ..Meta::default() };
//! let mut doc = Doc::new(meta, body.to_string());
//! doc.blocks.push(Block { span: Span::new(0, body.len()), kind: BlockKind::Paragraph });
//! dateline_segment::segment(&mut doc);
//! recogniser.recognise(&mut doc);
//!
//! let found: Vec<(&str, &str)> = doc.mentions.iter()
//!     .map(|m| (doc.text(m.span), m.actor.as_ref().unwrap().code.as_str()))
//!     .collect();
//! assert_eq!(found, [
//!     ("Russian President Vladimir Putin", "RUSGOV"),
//!     ("Narendra Modi", "INDGOV"),
//!     ("Putin", "RUSGOV"),
//! ]);
//! assert_eq!(doc.focus[0].country, "RUS");
//! ```

#![deny(missing_debug_implementations)]

mod acronyms;
mod appositive;
mod compose;
mod focus;
mod holders;
mod lexicon;
mod names;
mod nationality;
mod places;
mod pronoun;
mod report;
mod resolve;
mod scan;
mod text;
mod unknown;

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use dateline_kb::{AgentClass, Kb};
use dateline_model::{Doc, Mention, Resolution, SegmentRef, Span, Token, TokenKind};

use crate::compose::Draft;
use crate::lexicon::{Lexicon, Target};
use crate::places::{Context, Setting};
use crate::pronoun::SegmentInfo;
use crate::resolve::{Resolved, Resolver};
use crate::scan::Hit;
use crate::text::SegmentText;
use crate::unknown::UnknownScan;

pub use report::{MentionRow, mention_rows, resolution_label};
pub use unknown::{UnknownName, unknown_names};

/// The recogniser's one error type.
#[derive(Debug, thiserror::Error)]
pub enum RecogniseError {
    #[error("cannot build the name automaton: {0}")]
    Automaton(String),
}

/// A knowledge base compiled for matching; build once, share across threads.
#[derive(Debug)]
pub struct Recogniser {
    kb: Kb,
    lexicon: Lexicon,
}

impl Recogniser {
    /// Compiles every name in `kb` into the automaton (the knowledge base is copied).
    pub fn build(kb: &Kb) -> Result<Recogniser, RecogniseError> {
        Ok(Recogniser {
            lexicon: Lexicon::build(kb)?,
            kb: kb.clone(),
        })
    }

    pub fn kb(&self) -> &Kb {
        &self.kb
    }

    /// Fills `doc.mentions`, `doc.dateline` and `doc.focus`, replacing earlier contents.
    pub fn recognise(&self, doc: &mut Doc) {
        let segments = ordered_segments(doc);
        let mut drafts: Vec<Draft> = Vec::new();
        let mut covered: FxHashSet<u32> = FxHashSet::default();
        let mut honorific: FxHashSet<u32> = FxHashSet::default();
        let mut skip_unknown: Vec<bool> = Vec::with_capacity(segments.len());
        for segment in &segments {
            let view = SegmentText::new(
                doc,
                segment.tokens.start,
                &doc.tokens[segment.tokens.clone()],
            );
            let hits = scan::scan(&self.lexicon, doc.body(), segment.segment, &view);
            let hits = if view.all_caps {
                hits
            } else {
                names::without_name_parts(&self.kb, doc, segment.tokens.clone(), hits)
            };
            self.note_hits(&hits, &mut covered, &mut honorific);
            drafts.extend(compose::compose(&self.kb, doc, &view, &hits));
            let title_case_heading = matches!(segment.segment, SegmentRef::Heading(_))
                && unknown::is_title_case(doc, segment.tokens.clone());
            skip_unknown.push(view.all_caps || title_case_heading);
        }
        let date = doc.meta.date;
        let dateline = doc
            .meta
            .place
            .as_deref()
            .and_then(|place| self.dateline_place(place));
        let context = resolve::gather_context(&self.kb, &drafts, date, dateline);
        let mut resolver = Resolver {
            kb: &self.kb,
            body: doc.body(),
            date,
            context: &context,
            resolved: Vec::new(),
        };
        for draft in &drafts {
            resolver.resolve(draft);
        }
        let mut resolved = resolver.resolved;
        covered.extend(resolved.iter().flat_map(|r| r.mention.tokens.clone()));
        let place_only: FxHashSet<u32> = resolved
            .iter()
            .filter(|r| r.mention.actor.is_none() && r.mention.place.is_some())
            .flat_map(|r| r.mention.tokens.clone())
            .collect();
        let agent_only: FxHashMap<u32, String> = resolved
            .iter()
            .filter(|r| is_countryless_agent(&r.mention) && r.holder_surname.is_none())
            .flat_map(|r| {
                let role = r.mention.actor.as_ref().and_then(|a| a.role.clone());
                r.mention.tokens.clone().map(move |t| (t, role.clone()))
            })
            .filter_map(|(token, role)| Some((token, role?)))
            .collect();
        let countries_at = country_tokens(&resolved);
        let scan_unknown = UnknownScan {
            kb: &self.kb,
            doc,
            covered: &covered,
            honorific: &honorific,
            place_only: &place_only,
            agent_only: &agent_only,
            countries_at: &countries_at,
        };
        let unknowns: Vec<Resolved> = segments
            .iter()
            .zip(&skip_unknown)
            .flat_map(|(segment, &skip)| scan_unknown.segment(segment, skip))
            .collect();
        drop_places_inside(&mut resolved, &unknowns);
        resolved.extend(unknowns);
        appositive::link_appositives(&self.kb, doc, &mut resolved);
        acronyms::link_acronyms(doc, &segments, &mut resolved);
        holders::resolve_holder_surnames(doc, &segments, &mut resolved);
        pronoun::resolve_pronouns(&self.kb, doc, &segments, &mut resolved);
        let mentions = in_body_order(resolved);
        let title_countries = self.title_countries(doc.meta.title.as_deref(), date);
        doc.dateline = dateline.map(|place| self.kb.places()[place].to_place_ref());
        doc.focus = focus::rank(doc, &mentions, &title_countries);
        doc.mentions = mentions;
        nationality::fill_countries(&self.kb, doc);
    }

    fn note_hits(
        &self,
        hits: &[Hit],
        covered: &mut FxHashSet<u32>,
        honorific: &mut FxHashSet<u32>,
    ) {
        for hit in hits {
            covered.extend(hit.tokens.clone());
            let is_title = hit.readings.iter().any(|reading| match reading.target {
                Target::Agent(agent) => matches!(
                    self.kb.agents()[agent].class,
                    AgentClass::Title | AgentClass::Honorific
                ),
                _ => false,
            });
            if is_title {
                honorific.extend(hit.tokens.clone());
            }
        }
    }

    /// The gazetteer place a dateline names: datelines name cities, so a city
    /// outranks a region of the same name ("Washington" is Washington, D.C.).
    fn dateline_place(&self, place: &str) -> Option<usize> {
        let head = place.split(',').next().unwrap_or(place).trim();
        let candidates = self.place_candidates(place);
        let candidates = if candidates.is_empty() {
            self.place_candidates(head)
        } else {
            candidates
        };
        places::choose(
            &self.kb,
            &candidates,
            &Context::default(),
            Setting::Dateline,
        )
        .map(|(place, _)| place)
    }

    fn place_candidates(&self, name: &str) -> Vec<usize> {
        self.lexicon
            .lookup(name)
            .iter()
            .filter_map(|reading| match reading.target {
                Target::Place(place) => Some(place),
                _ => None,
            })
            .collect()
    }

    /// Countries named in the title, which is not part of the body.
    fn title_countries(&self, title: Option<&str>, date: Option<chrono::NaiveDate>) -> Vec<String> {
        let Some(title) = title else {
            return Vec::new();
        };
        let mut doc = Doc::new(Default::default(), title.to_string());
        doc.tokens = simple_tokens(title);
        let view = SegmentText::new(&doc, 0, &doc.tokens);
        let hits = scan::scan(&self.lexicon, title, SegmentRef::Heading(0), &view);
        let drafts = compose::compose(&self.kb, &doc, &view, &hits);
        let context = resolve::gather_context(&self.kb, &drafts, date, None);
        let mut resolver = Resolver {
            kb: &self.kb,
            body: title,
            date,
            context: &context,
            resolved: Vec::new(),
        };
        for draft in &drafts {
            resolver.resolve(draft);
        }
        resolver
            .resolved
            .iter()
            .filter_map(|r| {
                r.mention
                    .actor
                    .as_ref()
                    .and_then(|a| a.country.clone())
                    .or_else(|| r.mention.place.as_ref().and_then(|p| p.country.clone()))
            })
            .collect()
    }
}

/// Sentences and headings in body order, as the passes see them.
fn ordered_segments(doc: &Doc) -> Vec<SegmentInfo> {
    let sentences = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| (SegmentRef::Sentence(i as u32), s));
    let headings = doc
        .headings
        .iter()
        .enumerate()
        .map(|(i, s)| (SegmentRef::Heading(i as u32), s));
    let mut segments: Vec<SegmentInfo> = sentences
        .chain(headings)
        .filter(|(_, s)| s.token_range().end <= doc.tokens.len())
        .map(|(segment, s)| SegmentInfo {
            segment,
            span: s.span,
            tokens: s.token_range(),
        })
        .collect();
    segments.sort_by_key(|s| s.span.start);
    segments
}

/// Removes place and country-less agent mentions that an unknown
/// organisation's name swallowed ("Kharkiv" in "Kharkiv Regional Council").
fn drop_places_inside(resolved: &mut Vec<Resolved>, unknowns: &[Resolved]) {
    resolved.retain(|r| {
        let place_only = r.mention.actor.is_none() && r.mention.place.is_some();
        let absorbable =
            place_only || (is_countryless_agent(&r.mention) && r.holder_surname.is_none());
        !(absorbable
            && unknowns
                .iter()
                .any(|u| u.mention.span.contains(r.mention.span)))
    });
}

fn is_countryless_agent(mention: &Mention) -> bool {
    mention.resolution == Resolution::Agent
        && mention.actor.as_ref().is_some_and(|a| a.country.is_none())
}

/// Tokens of mentions naming a country or a place in one, with its code.
fn country_tokens(resolved: &[Resolved]) -> FxHashMap<u32, String> {
    resolved
        .iter()
        .filter_map(|r| {
            let mention = &r.mention;
            let country = match &mention.actor {
                Some(actor) if actor.kind == dateline_model::ActorKind::Country => {
                    actor.country.clone()
                }
                Some(_) => None,
                None => mention.place.as_ref().and_then(|p| p.country.clone()),
            }?;
            Some(mention.tokens.clone().map(move |t| (t, country.clone())))
        })
        .flatten()
        .collect()
}

/// Sorts mentions by position, leaving out emptied ones, and renumbers
/// coreference links to match.
fn in_body_order(resolved: Vec<Resolved>) -> Vec<Mention> {
    let mut order: Vec<usize> = (0..resolved.len())
        .filter(|&index| !resolved[index].is_empty())
        .collect();
    order.sort_by_key(|&i| (resolved[i].mention.span.start, resolved[i].mention.span.end));
    let new_index: HashMap<usize, u32> = order
        .iter()
        .enumerate()
        .map(|(new, &old)| (old, new as u32))
        .collect();
    let mut mentions: Vec<Mention> = order.iter().map(|&i| resolved[i].mention.clone()).collect();
    for mention in &mut mentions {
        match &mut mention.resolution {
            Resolution::Coreference { antecedent } | Resolution::Pronoun { antecedent } => {
                *antecedent = new_index
                    .get(&(*antecedent as usize))
                    .copied()
                    .unwrap_or(*antecedent);
            }
            _ => {}
        }
    }
    mentions
}

/// Words (letters and digits with inner '.', '-', apostrophes) and single
/// punctuation marks: enough to match names in a title.
fn simple_tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut word_start: Option<usize> = None;
    let is_word_char = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’');
    for (offset, ch) in text.char_indices() {
        match (is_word_char(ch), word_start) {
            (true, None) => word_start = Some(offset),
            (false, Some(start)) => {
                tokens.push(word_token(text, start, offset));
                word_start = None;
            }
            _ => {}
        }
        if !is_word_char(ch) && !ch.is_whitespace() {
            tokens.push(Token {
                span: Span::new(offset, offset + ch.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
    if let Some(start) = word_start {
        tokens.push(word_token(text, start, text.len()));
    }
    tokens
}

fn word_token(text: &str, start: usize, end: usize) -> Token {
    let word = text[start..end].trim_end_matches(['.', '\'', '’', '-']);
    let end = if word.contains('.') || word.is_empty() {
        end
    } else {
        start + word.len()
    };
    Token {
        span: Span::new(start, end),
        kind: TokenKind::Word,
    }
}
