//! A sentence prepared for coding: lower-cased forms, pattern lemmas, tags,
//! and which tokens belong to actor and place mentions.
//!
//! Indices here are sentence-relative token indices (`0..len`); `first` maps
//! them back to [`Doc::tokens`].

use std::ops::Range;

use dateline_model::{Doc, Pos, SegmentRef, Span};

use crate::cues::{Cue, Cues};
use crate::dictionary::{LemmaId, VerbDictionary};
use crate::forms::lookup_form;

/// A segment's tokens with everything the coder looks up per token.
#[derive(Debug)]
pub struct Sentence<'a> {
    pub doc: &'a Doc,
    pub segment: SegmentRef,
    /// Index of the sentence's first token in `doc.tokens`.
    pub first: usize,
    forms: Vec<String>,
    lemmas: Vec<&'a [LemmaId]>,
    tags: Vec<Option<Pos>>,
    /// Actor mention (index into `doc.mentions`) covering each token.
    actor_at: Vec<Option<u32>>,
    /// Place-only mention covering each token.
    place_at: Vec<Option<u32>>,
    cues: &'a Cues,
}

impl<'a> Sentence<'a> {
    pub fn new(
        doc: &'a Doc,
        segment: SegmentRef,
        dictionary: &'a VerbDictionary,
        cues: &'a Cues,
    ) -> Sentence<'a> {
        let seg = match segment {
            SegmentRef::Sentence(idx) => &doc.sentences[idx as usize],
            SegmentRef::Heading(idx) => &doc.headings[idx as usize],
        };
        let range = seg.token_range();
        let len = range.len();
        let mut forms = Vec::with_capacity(len);
        let mut buffer = String::new();
        for token in &doc.tokens[range.clone()] {
            lookup_form(doc.text(token.span), &mut buffer);
            forms.push(buffer.clone());
        }
        let lemmas = forms
            .iter()
            .map(|form| dictionary.lemmas_of(form))
            .collect();
        let tags = range
            .clone()
            .map(|idx| doc.tags.get(idx).copied())
            .collect();
        let mut actor_at = vec![None; len];
        let mut place_at = vec![None; len];
        for (mention_idx, mention) in doc.mentions.iter().enumerate() {
            if mention.segment != segment {
                continue;
            }
            let slots = if mention.actor.is_some() {
                &mut actor_at
            } else if mention.place.is_some() {
                &mut place_at
            } else {
                continue;
            };
            let start = (mention.tokens.start as usize).saturating_sub(range.start);
            let end = (mention.tokens.end as usize)
                .saturating_sub(range.start)
                .min(len);
            for slot in &mut slots[start..end] {
                *slot = Some(mention_idx as u32);
            }
        }
        Sentence {
            doc,
            segment,
            first: range.start,
            forms,
            lemmas,
            tags,
            actor_at,
            place_at,
            cues,
        }
    }

    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// The lower-cased form of a token.
    pub fn form(&self, idx: usize) -> &str {
        &self.forms[idx]
    }

    /// The token as written.
    pub fn text(&self, idx: usize) -> &'a str {
        self.doc.text(self.token_span(idx))
    }

    pub fn token_span(&self, idx: usize) -> Span {
        self.doc.tokens[self.first + idx].span
    }

    /// The body span covering tokens `range`.
    pub fn span_of(&self, range: Range<usize>) -> Span {
        self.token_span(range.start)
            .cover(self.token_span(range.end - 1))
    }

    pub fn pos(&self, idx: usize) -> Option<Pos> {
        self.tags[idx]
    }

    pub fn lemmas(&self, idx: usize) -> &'a [LemmaId] {
        self.lemmas[idx]
    }

    pub fn has_lemma(&self, idx: usize, lemma: LemmaId) -> bool {
        self.lemmas[idx].contains(&lemma)
    }

    pub fn is(&self, idx: usize, cue: Cue) -> bool {
        self.cues.is(cue, &self.forms[idx])
    }

    pub fn actor_at(&self, idx: usize) -> Option<u32> {
        self.actor_at[idx]
    }

    pub fn place_at(&self, idx: usize) -> Option<u32> {
        self.place_at[idx].or_else(|| {
            self.actor_at[idx].filter(|&m| self.doc.mentions[m as usize].place.is_some())
        })
    }

    /// The sentence-relative token range of a mention.
    pub fn mention_range(&self, mention: u32) -> Range<usize> {
        let tokens = &self.doc.mentions[mention as usize].tokens;
        (tokens.start as usize).saturating_sub(self.first)
            ..(tokens.end as usize)
                .saturating_sub(self.first)
                .min(self.len())
    }

    pub fn is_verb(&self, idx: usize) -> bool {
        self.tags[idx].is_some_and(Pos::is_verb)
    }

    pub fn is_noun(&self, idx: usize) -> bool {
        self.tags[idx].is_some_and(Pos::is_noun)
    }

    /// Punctuation that closes a clause for subject and object search.
    pub fn is_hard_boundary(&self, idx: usize) -> bool {
        matches!(
            self.form(idx),
            ";" | ":" | "—" | "–" | "(" | ")" | "\"" | "“" | "”" | "«" | "»" | "?" | "!"
        )
    }

    /// Words that may stand between pattern words without breaking a match:
    /// determiners, possessive pronouns, adjectives, adverbs, numbers and
    /// lower-case hyphenated modifiers ("follow-up", "40-minute").
    pub fn is_filler(&self, idx: usize) -> bool {
        if self.actor_at[idx].is_some() {
            return false;
        }
        let filler_tag = self.tags[idx].is_some_and(|pos| {
            matches!(
                pos,
                Pos::Dt
                    | Pos::Pdt
                    | Pos::PrpPossessive
                    | Pos::Jj
                    | Pos::Jjr
                    | Pos::Jjs
                    | Pos::Rb
                    | Pos::Rbr
                    | Pos::Rbs
                    | Pos::Cd
            )
        });
        let form = self.form(idx);
        let compound = form.contains('-') && form.chars().any(char::is_alphanumeric);
        (filler_tag || compound) && !self.is(idx, Cue::Negation)
    }

    /// Personal pronouns that can stand for an actor, with what they can
    /// refer to.
    pub fn pronoun(&self, idx: usize) -> Option<PronounKind> {
        Some(match self.form(idx) {
            "he" | "him" | "his" | "she" | "her" => PronounKind::Person,
            "it" | "its" => PronounKind::Thing,
            "they" | "them" | "their" => PronounKind::Plural,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PronounKind {
    Person,
    Thing,
    Plural,
}
