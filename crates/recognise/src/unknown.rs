//! Capitalised names the knowledge base does not know, with a guess of what
//! they are, so users can grow their dictionaries (`dateline kb unknown`).
//!
//! A name is a run of two or more capitalised words (lower-case connectors such
//! as "of" or "bin" may sit inside), or one capitalised word after an honorific
//! ("Mr. Sokolov"), that no mention or dictionary name covers. Runs drop a
//! sentence-initial common word ("The", "According"). Headings in title case and
//! all-capital lines are skipped: there capitals say nothing.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use dateline_kb::{Cue, Kb};
use dateline_model::{
    ActorCode, ActorKind, ActorRef, Doc, EntityGuess, Mention, Resolution, Span, TokenKind,
};

use crate::pronoun::SegmentInfo;
use crate::resolve::Resolved;

/// A name that matched nothing, counted over many articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    pub text: String,
    pub guess: EntityGuess,
    pub count: u32,
}

/// What the unknown-name pass needs besides the document.
#[derive(Debug)]
pub struct UnknownScan<'a> {
    pub kb: &'a Kb,
    pub doc: &'a Doc,
    /// Tokens inside any dictionary name or mention.
    pub covered: &'a FxHashSet<u32>,
    /// Tokens that are a title or honorific ("President", "Mr.").
    pub honorific: &'a FxHashSet<u32>,
    /// Tokens of mentions that are only a place: an organisation's name may
    /// contain one ("Kharkiv Regional Council").
    pub place_only: &'a FxHashSet<u32>,
    /// Tokens of agent nouns without a country, with the agent's role: an
    /// organisation's name may end in one ("Food and Drug Administration").
    pub agent_only: &'a FxHashMap<u32, String>,
    /// Tokens of mentions that name a country or a place in one, with its
    /// code: an organisation's name may say its country ("the United States
    /// Department of Transportation", "the Federal Aviation Office of Germany").
    pub countries_at: &'a FxHashMap<u32, String>,
}

impl UnknownScan<'_> {
    /// Unknown-name mentions of one segment.
    pub fn segment(&self, segment: &SegmentInfo, skip: bool) -> Vec<Resolved> {
        if skip {
            return Vec::new();
        }
        let mut found = Vec::new();
        let mut token_idx = segment.tokens.start;
        while token_idx < segment.tokens.end {
            let run = self.run_at(token_idx, segment);
            if run.is_empty() {
                token_idx += 1;
                continue;
            }
            token_idx = run.end;
            if self.joins_people(run.clone(), segment) {
                found.extend(self.pieces(run, segment, |t| self.is_conjunction(t)));
            } else if let Some(resolved) = self.mention_of(run.clone(), segment) {
                found.push(resolved);
            } else if run.clone().any(|t| self.absorbed(t)) {
                found.extend(self.pieces(run, segment, |t| self.absorbed(t)));
            }
        }
        found
    }

    /// "Barr and Ross", "Darin LaHood and Mike Bost": a person's name has
    /// no "and", so a run of plain name words joined by one that reads as
    /// a person's name is two names, each of which may refer back to
    /// someone named before.
    fn joins_people(&self, run: std::ops::Range<usize>, segment: &SegmentInfo) -> bool {
        run.clone().any(|t| self.is_conjunction(t))
            && run
                .clone()
                .all(|t| self.is_conjunction(t) || (self.is_name_word(t) && !self.absorbed(t)))
            && self.guess(run, segment, false) == EntityGuess::Person
    }

    fn is_conjunction(&self, token_idx: usize) -> bool {
        self.kb.has_cue(self.word(token_idx), Cue::Conjunction)
    }

    /// Unknown names inside a run that is not one name: the parts between
    /// the tokens that split it (the places of a run that turned out not to
    /// be an organisation named after a place, the "and" between people).
    fn pieces(
        &self,
        run: std::ops::Range<usize>,
        segment: &SegmentInfo,
        splits: impl Fn(usize) -> bool,
    ) -> Vec<Resolved> {
        let mut found = Vec::new();
        let mut piece_start = run.start;
        for token_idx in run.start..=run.end {
            let at_split = token_idx < run.end && splits(token_idx);
            if token_idx == run.end || at_split {
                let piece = piece_start..token_idx;
                if !piece.is_empty()
                    && let Some(resolved) = self.mention_of(piece, segment)
                {
                    found.push(resolved);
                }
                piece_start = token_idx + 1;
            }
        }
        found
    }

    /// The run of name words starting at `start` (empty if none starts there).
    fn run_at(&self, start: usize, segment: &SegmentInfo) -> std::ops::Range<usize> {
        if !self.is_name_word(start) {
            return start..start;
        }
        let mut end = start + 1;
        while end < segment.tokens.end {
            if self.is_name_word(end) {
                end += 1;
            } else if self.is_connector(end)
                && end + 1 < segment.tokens.end
                && self.is_name_word(end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        start..end
    }

    fn absorbed(&self, token_idx: usize) -> bool {
        let token = &(token_idx as u32);
        self.place_only.contains(token) || self.agent_only.contains_key(token)
    }

    fn mention_of(&self, run: std::ops::Range<usize>, segment: &SegmentInfo) -> Option<Resolved> {
        let mut run = run;
        while run.start < run.end
            && (self.is_skippable_start(run.start, segment)
                || self.agent_only.contains_key(&(run.start as u32)))
        {
            run.start += 1;
        }
        while run.end > run.start && self.is_skippable_end(run.end - 1) {
            run.end -= 1;
        }
        let after_honorific =
            run.start > segment.tokens.start && self.honorific.contains(&(run.start as u32 - 1));
        let n_words = run.clone().filter(|&t| self.is_name_word(t)).count();
        let n_places = run
            .clone()
            .filter(|&t| self.place_only.contains(&(t as u32)))
            .count();
        let names_organisation = run.clone().any(|t| {
            self.agent_only.contains_key(&(t as u32))
                || (!self.place_only.contains(&(t as u32))
                    && self.kb.has_cue(self.word(t), Cue::OrgHead))
        });
        let n_agents = run
            .clone()
            .filter(|&t| self.agent_only.contains_key(&(t as u32)))
            .count();
        let n_places = n_places + n_agents;
        if n_words == n_places || (n_places > 0 && !names_organisation) {
            return None;
        }
        if n_words < 2 && !(n_words == 1 && after_honorific) {
            return None;
        }
        let tokens = &self.doc.tokens;
        let span = Span {
            start: tokens[run.start].span.start,
            end: tokens[run.end - 1].span.end,
        };
        let guess = self.guess(run.clone(), segment, after_honorific);
        let actor = match guess {
            EntityGuess::Organisation => self.organisation_actor(run.clone(), span),
            _ => None,
        };
        // A person's surname alone refers back to them later ("Usman Khan
        // ... Khan"), not to a known person of that surname.
        let holder_surname =
            (guess == EntityGuess::Person && n_words >= 2).then(|| tokens[run.end - 1].span);
        let resolution = if actor.is_some() {
            Resolution::Agent
        } else {
            Resolution::Unknown
        };
        Some(Resolved {
            mention: Mention {
                span,
                segment: segment.segment,
                tokens: run.start as u32..run.end as u32,
                actor,
                place: None,
                unknown: Some(guess),
                resolution,
            },
            person: None,
            titles: Vec::new(),
            holder_surname,
            agent: None,
        })
    }

    /// An organisation the knowledge base lacks, read from its name: the
    /// role of its head word ("Commission" GOV, "Court" JUD, an agent noun
    /// such as "Police") and the country its name or the words around it
    /// give. Without a role it stays unknown; without a country the
    /// article supplies one later (`nationality`).
    fn organisation_actor(&self, run: std::ops::Range<usize>, span: Span) -> Option<ActorRef> {
        let agent_role = run
            .clone()
            .rev()
            .find_map(|t| self.agent_only.get(&(t as u32)))
            .map(String::as_str);
        let role = agent_role.or_else(|| {
            run.clone()
                .rev()
                .find_map(|t| self.kb.org_role(self.word(t)))
        })?;
        let country = self.organisation_country(run);
        let head = country.as_deref().unwrap_or("---");
        let code = ActorCode::parse(&format!("{head}{role}")).ok()?;
        Some(ActorRef {
            code,
            name: self.doc.text(span).to_string(),
            country,
            role: Some(role.to_string()),
            entity: None,
            kind: ActorKind::Organisation,
        })
    }

    /// The country a place inside the name, a country or place right before
    /// it ("United States Department of Transportation", "Kenya's Electoral
    /// Commission") or after "of" ("Federal Aviation Office of Germany") names.
    fn organisation_country(&self, run: std::ops::Range<usize>) -> Option<String> {
        let inside = run.clone().find_map(|t| self.countries_at.get(&(t as u32)));
        let mut before = run.start.checked_sub(1);
        if let Some(token) = before
            && matches!(self.word(token), "'s" | "’s")
        {
            before = token.checked_sub(1);
        }
        let before = before.and_then(|t| self.countries_at.get(&(t as u32)));
        // "Electoral Commission (EC) of Ghana": an acronym may come first.
        let mut next = run.end;
        if next + 3 < self.doc.tokens.len() && self.word(next) == "(" && self.word(next + 2) == ")"
        {
            next += 3;
        }
        let after = (next + 1 < self.doc.tokens.len()
            && self.kb.has_cue(self.word(next), Cue::Genitive))
        .then(|| self.countries_at.get(&(next as u32 + 1)))
        .flatten();
        inside.or(before).or(after).cloned()
    }

    fn guess(
        &self,
        run: std::ops::Range<usize>,
        segment: &SegmentInfo,
        after_honorific: bool,
    ) -> EntityGuess {
        let words: Vec<&str> = run.clone().map(|t| self.word(t)).collect();
        if after_honorific {
            return EntityGuess::Person;
        }
        let ends_in_agent = run
            .clone()
            .any(|t| self.agent_only.contains_key(&(t as u32)));
        if ends_in_agent || words.iter().any(|w| self.kb.has_cue(w, Cue::OrgHead)) {
            return EntityGuess::Organisation;
        }
        let before = (run.start > segment.tokens.start).then(|| self.word(run.start - 1));
        let place_head = words
            .last()
            .is_some_and(|w| self.kb.has_cue(w, Cue::PlaceHead));
        if place_head || before.is_some_and(|w| self.kb.has_cue(w, Cue::Locative)) {
            return EntityGuess::Place;
        }
        if words.first().is_some_and(|w| self.kb.is_given_name(w)) {
            return EntityGuess::Person;
        }
        if (2..=3).contains(&words.len()) {
            EntityGuess::Person
        } else {
            EntityGuess::Organisation
        }
    }

    fn word(&self, token_idx: usize) -> &str {
        self.doc.text(self.doc.tokens[token_idx].span)
    }

    fn is_name_word(&self, token_idx: usize) -> bool {
        let token = self.doc.tokens[token_idx];
        let free = !self.covered.contains(&(token_idx as u32)) || self.absorbed(token_idx);
        token.kind == TokenKind::Word
            && free
            && self
                .word(token_idx)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    fn is_connector(&self, token_idx: usize) -> bool {
        let word = self.word(token_idx);
        word.chars().next().is_some_and(char::is_lowercase) && self.kb.has_cue(word, Cue::Connector)
    }

    /// Trailing months, days and other common words ("Pay April").
    fn is_skippable_end(&self, token_idx: usize) -> bool {
        let word = self.word(token_idx);
        self.kb.has_cue(word, Cue::Common) || self.kb.has_cue(word, Cue::Connector)
    }

    /// Common words and, at the start of a sentence, words the tagger did not
    /// call proper nouns.
    fn is_skippable_start(&self, token_idx: usize, segment: &SegmentInfo) -> bool {
        let word = self.word(token_idx);
        if self.kb.has_cue(word, Cue::Common) || self.kb.has_cue(word, Cue::Connector) {
            return true;
        }
        let sentence_initial = token_idx == segment.tokens.start;
        let tag = self.doc.tags.get(token_idx);
        sentence_initial && tag.is_some_and(|tag| !tag.is_proper_noun())
    }
}

/// True for headings written in title case ("Trump and Putin Talk Peace").
pub fn is_title_case(doc: &Doc, tokens: std::ops::Range<usize>) -> bool {
    let words: Vec<&str> = tokens
        .map(|t| doc.text(doc.tokens[t].span))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !words.is_empty() && capitalised * 2 >= words.len()
}

/// Unknown names over many articles, most frequent first (then by text), each
/// with its most frequent guess.
pub fn unknown_names<'a>(docs: impl IntoIterator<Item = &'a Doc>) -> Vec<UnknownName> {
    let mut counts: HashMap<String, HashMap<GuessKey, u32>> = HashMap::new();
    for doc in docs {
        for mention in &doc.mentions {
            if let Some(guess) = mention.unknown {
                let text = doc
                    .text(mention.span)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                *counts
                    .entry(text)
                    .or_default()
                    .entry(GuessKey(guess))
                    .or_default() += 1;
            }
        }
    }
    let mut names: Vec<UnknownName> = counts
        .into_iter()
        .map(|(text, guesses)| {
            let count = guesses.values().sum();
            let guess = guesses
                .into_iter()
                .max_by_key(|(key, n)| (*n, key.rank()))
                .map_or(EntityGuess::Person, |(key, _)| key.0);
            UnknownName { text, guess, count }
        })
        .collect();
    names.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
    names
}

/// `EntityGuess` with a fixed order for ties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct GuessKey(EntityGuess);

impl GuessKey {
    fn rank(self) -> u8 {
        match self.0 {
            EntityGuess::Person => 3,
            EntityGuess::Organisation => 2,
            EntityGuess::Place => 1,
        }
    }
}
