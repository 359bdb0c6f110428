//! A sentence prepared for coding: lower-cased forms, pattern lemmas, tags,
//! and which tokens belong to actor and place mentions.
//!
//! Indices here are sentence-relative token indices (`0..len`); `first` maps
//! them back to [`Doc::tokens`].

use std::ops::Range;

use dateline_model::{Doc, Pos, SegmentRef, Span};

use rustc_hash::{FxHashMap, FxHashSet};

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
    /// After [`Sentence::hide`]: the `doc.tokens` index of each visible token.
    visible: Option<Vec<u32>>,
    /// Lower-cased forms of every token, back to back; `form_ends` splits them.
    forms: String,
    form_ends: Vec<u32>,
    lemmas: Vec<&'a [LemmaId]>,
    /// Every pattern lemma of the sentence, to rule patterns out quickly.
    lemma_set: FxHashSet<LemmaId>,
    cue_masks: Vec<u128>,
    fillers: Vec<bool>,
    tags: Vec<Option<Pos>>,
    /// Actor mention (index into `doc.mentions`) covering each token.
    actor_at: Vec<Option<u32>>,
    /// Place-only mention covering each token.
    place_at: Vec<Option<u32>>,
    pub index: &'a DocIndex,
}

/// Per-document lookups built once: which mentions sit in which segment.
#[derive(Debug, Default)]
pub struct DocIndex {
    by_segment: FxHashMap<SegmentRef, Vec<u32>>,
}

impl DocIndex {
    pub fn new(doc: &Doc) -> DocIndex {
        let mut by_segment: FxHashMap<SegmentRef, Vec<u32>> = FxHashMap::default();
        for (mention_idx, mention) in doc.mentions.iter().enumerate() {
            by_segment
                .entry(mention.segment)
                .or_default()
                .push(mention_idx as u32);
        }
        DocIndex { by_segment }
    }

    /// The mentions of a segment, in body order.
    pub fn mentions_in(&self, segment: SegmentRef) -> &[u32] {
        self.by_segment.get(&segment).map_or(&[], Vec::as_slice)
    }
}

impl<'a> Sentence<'a> {
    pub fn new(
        doc: &'a Doc,
        segment: SegmentRef,
        index: &'a DocIndex,
        dictionary: &'a VerbDictionary,
        cues: &'a Cues,
    ) -> Sentence<'a> {
        let seg = match segment {
            SegmentRef::Sentence(idx) => &doc.sentences[idx as usize],
            SegmentRef::Heading(idx) => &doc.headings[idx as usize],
        };
        let range = seg.token_range();
        let len = range.len();
        let mut forms = String::with_capacity(seg.span.len() + len);
        let mut form_ends = Vec::with_capacity(len);
        let mut lemmas = Vec::with_capacity(len);
        let mut cue_masks = Vec::with_capacity(len);
        let mut buffer = String::new();
        for token in &doc.tokens[range.clone()] {
            lookup_form(doc.text(token.span), &mut buffer);
            lemmas.push(dictionary.lemmas_of(&buffer));
            cue_masks.push(cues.mask(&buffer));
            forms.push_str(&buffer);
            form_ends.push(forms.len() as u32);
        }
        let tags = range
            .clone()
            .map(|idx| doc.tags.get(idx).copied())
            .collect();
        let mut actor_at = vec![None; len];
        let mut place_at = vec![None; len];
        for &mention_idx in index.mentions_in(segment) {
            let mention = &doc.mentions[mention_idx as usize];
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
                *slot = Some(mention_idx);
            }
        }
        let lemma_set = lemmas
            .iter()
            .flat_map(|l: &&[LemmaId]| l.iter().copied())
            .collect();
        let mut sentence = Sentence {
            doc,
            segment,
            first: range.start,
            visible: None,
            forms,
            form_ends,
            lemmas,
            lemma_set,
            cue_masks,
            fillers: Vec::new(),
            tags,
            actor_at,
            place_at,
            index,
        };
        sentence.fillers = (0..len).map(|idx| sentence.compute_filler(idx)).collect();
        sentence
    }

    /// Takes tokens out of the sentence (PETRARCH's comma rules): matching
    /// and subject search see the remaining tokens as if the hidden ones
    /// were never written; spans still point at the body.
    pub fn hide(&mut self, hidden: &[bool]) {
        let keep = |idx: usize| !hidden.get(idx).copied().unwrap_or(false);
        let kept: Vec<usize> = (0..self.len()).filter(|&idx| keep(idx)).collect();
        if kept.len() == self.len() {
            return;
        }
        let mut forms = String::with_capacity(self.forms.len());
        let mut form_ends = Vec::with_capacity(kept.len());
        for &idx in &kept {
            forms.push_str(self.form(idx));
            form_ends.push(forms.len() as u32);
        }
        self.lemmas = kept.iter().map(|&idx| self.lemmas[idx]).collect();
        self.cue_masks = kept.iter().map(|&idx| self.cue_masks[idx]).collect();
        self.fillers = kept.iter().map(|&idx| self.fillers[idx]).collect();
        self.tags = kept.iter().map(|&idx| self.tags[idx]).collect();
        self.actor_at = kept.iter().map(|&idx| self.actor_at[idx]).collect();
        self.place_at = kept.iter().map(|&idx| self.place_at[idx]).collect();
        self.visible = Some(kept.iter().map(|&idx| self.doc_token(idx) as u32).collect());
        self.forms = forms;
        self.form_ends = form_ends;
        self.lemma_set = self.lemmas.iter().flat_map(|l| l.iter().copied()).collect();
    }

    /// The `doc.tokens` index of sentence token `idx`.
    pub fn doc_token(&self, idx: usize) -> usize {
        match &self.visible {
            Some(visible) => visible[idx] as usize,
            None => self.first + idx,
        }
    }

    /// Every lemma the sentence's words may stand for.
    pub fn lemma_set(&self) -> &FxHashSet<LemmaId> {
        &self.lemma_set
    }

    /// True when the sentence holds a form of every lemma.
    pub fn has_lemmas(&self, lemmas: &[LemmaId]) -> bool {
        lemmas.iter().all(|lemma| self.lemma_set.contains(lemma))
    }

    pub fn len(&self) -> usize {
        self.form_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.form_ends.is_empty()
    }

    /// The lower-cased form of a token.
    pub fn form(&self, idx: usize) -> &str {
        let start = idx
            .checked_sub(1)
            .map_or(0, |prev| self.form_ends[prev] as usize);
        &self.forms[start..self.form_ends[idx] as usize]
    }

    /// The token as written.
    pub fn text(&self, idx: usize) -> &'a str {
        self.doc.text(self.token_span(idx))
    }

    pub fn token_span(&self, idx: usize) -> Span {
        self.doc.tokens[self.doc_token(idx)].span
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
        self.cue_masks[idx] & cue.bit() != 0
    }

    /// The mentions of this sentence (indices into `doc.mentions`).
    pub fn mentions(&self) -> &'a [u32] {
        self.index.mentions_in(self.segment)
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
        if let Some(visible) = &self.visible {
            let start = visible.partition_point(|&t| t < tokens.start);
            let end = visible.partition_point(|&t| t < tokens.end);
            return start..end.max(start);
        }
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
        self.fillers[idx]
    }

    fn compute_filler(&self, idx: usize) -> bool {
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
        (filler_tag || compound || self.is_adjectival_participle(idx))
            && !self.is(idx, Cue::Negation)
    }

    /// "release five detained American citizens", "ousted Syrian President":
    /// a past participle between a determiner, number, preposition or verb
    /// and a noun or name modifies the noun.
    fn is_adjectival_participle(&self, idx: usize) -> bool {
        if self.tags[idx] != Some(Pos::Vbn) || idx == 0 || idx + 1 >= self.len() {
            return false;
        }
        let previous = self.tags[idx - 1];
        let before_ok = !self.is(idx - 1, Cue::ParticipleAuxiliary)
            && previous.is_some_and(|pos| {
                pos.is_verb()
                    || pos.is_adjective()
                    || matches!(
                        pos,
                        Pos::Dt
                            | Pos::Cd
                            | Pos::PrpPossessive
                            | Pos::PossessiveEnding
                            | Pos::To
                            | Pos::In
                    )
            });
        let next = self.tags[idx + 1];
        let after_ok = self.actor_at[idx + 1].is_some()
            || next.is_some_and(|pos| pos.is_noun() || pos.is_adjective());
        before_ok && after_ok
    }

    /// "at least 30", "more than 280", "dozens of": words that count what
    /// follows, skipped before an actor slot.
    pub fn is_quantity(&self, idx: usize) -> bool {
        self.is(idx, Cue::Quantity)
            || self.tags[idx] == Some(Pos::Cd)
            || (self.is(idx, Cue::Genitive) && idx > 0 && self.is(idx - 1, Cue::QuantityOf))
    }

    /// Personal pronouns that can stand for an actor, with what they can
    /// refer to.
    pub fn pronoun(&self, idx: usize) -> Option<PronounKind> {
        if self.is(idx, Cue::PersonPronoun) {
            Some(PronounKind::Person)
        } else if self.is(idx, Cue::ThingPronoun) {
            Some(PronounKind::Thing)
        } else if self.is(idx, Cue::PluralPronoun) {
            Some(PronounKind::Plural)
        } else {
            None
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PronounKind {
    Person,
    Thing,
    Plural,
}
