//! Person names the knowledge base does not know, told apart from the places,
//! surnames and nouns written like them, before phrases are composed.
//!
//! - A given name (`data/actors/given-names*.tsv`) followed by capitalised
//!   words is a person: "Nancy Pelosi" is not the French city of Nancy,
//!   "Jordan Peterson" not the country, "Amy Berman Jackson" not Jackson,
//!   Mississippi. The place and surname readings inside the name are
//!   dropped, so the name is an unknown person (or the holder of a title
//!   before it).
//! - A known person's surname right after another capitalised name is
//!   someone else's: "Sadiq Khan" is not Imran Khan, "Chris Christie" not
//!   Perry Christie, unless the first name is the known person's own
//!   ("Donald J. Trump").
//! - A capitalised agent noun opening a longer name is part of it: the
//!   "National" of "National Telecommunications Commission" is no citizen,
//!   the "General" of "General Services Administration" no officer.

use std::ops::Range;

use dateline_kb::{AgentClass, Cue, Kb};
use dateline_model::{Doc, TokenKind};

use crate::lexicon::Target;
use crate::scan::Hit;

/// The hits of one segment without those that are parts of names.
pub fn without_name_parts(kb: &Kb, doc: &Doc, tokens: Range<usize>, hits: Vec<Hit>) -> Vec<Hit> {
    if hits.is_empty() {
        return hits;
    }
    let reader = NameReader {
        kb,
        doc,
        tokens,
        hits: &hits,
    };
    let mut dropped = vec![false; hits.len()];
    reader.given_name_runs(&mut dropped);
    reader.other_peoples_surnames(&mut dropped);
    reader.agents_opening_names(&mut dropped);
    hits.into_iter()
        .zip(dropped)
        .filter_map(|(hit, dropped)| (!dropped).then_some(hit))
        .collect()
}

struct NameReader<'a> {
    kb: &'a Kb,
    doc: &'a Doc,
    tokens: Range<usize>,
    hits: &'a [Hit],
}

impl NameReader<'_> {
    /// "Nancy Pelosi", "John R. Bolton": drops the place and surname hits of
    /// a given name and the capitalised words after it.
    fn given_name_runs(&self, dropped: &mut [bool]) {
        let mut token = self.tokens.start;
        while token < self.tokens.end {
            let end = self.given_name_run(token);
            if end > token {
                for index in self.hits_in(token..end) {
                    dropped[index] = true;
                }
                token = end;
            } else {
                token += 1;
            }
        }
    }

    /// The end of the person's name that starts at `start` with a given
    /// name (`start` when there is none).
    fn given_name_run(&self, start: usize) -> usize {
        let word = self.word(start);
        let first_ok = self.is_capitalised(start)
            && self.kb.is_given_name(word)
            && !self.kb.has_cue(word, Cue::Common)
            && self.proper_noun_or_untagged(start)
            && self.only_name_readings(start, true);
        if !first_ok {
            return start;
        }
        let mut end = start + 1;
        let mut n_surnames = 0;
        while end < self.tokens.end && end - start <= 4 {
            if self.is_initial(end) {
                end += 1;
            } else if self.is_surname_word(end) {
                n_surnames += 1;
                end += 1;
            } else {
                break;
            }
        }
        let last = self.word(end - 1);
        let names_a_place_or_body =
            self.kb.has_cue(last, Cue::OrgHead) || self.kb.has_cue(last, Cue::PlaceHead);
        if n_surnames == 0 || names_a_place_or_body || self.names_known_person(start, end) {
            return start;
        }
        end
    }

    /// A capitalised word that may be a surname: no dictionary entry claims
    /// it but as a place or another person's surname.
    fn is_surname_word(&self, token: usize) -> bool {
        let word = self.word(token);
        self.is_capitalised(token)
            && !self.kb.has_cue(word, Cue::Common)
            && !self.kb.has_cue(word, Cue::OrgHead)
            && self.only_name_readings(token, false)
    }

    /// "R." in "John R. Bolton".
    fn is_initial(&self, token: usize) -> bool {
        let word = self.word(token);
        let mut chars = word.chars();
        matches!(
            (chars.next(), chars.next(), chars.next()),
            (Some(letter), Some('.'), None) if letter.is_uppercase()
        )
    }

    /// True when a surname in `start..end` is that of a known person whose
    /// first name is the given name at `start` ("Donald J. Trump").
    fn names_known_person(&self, start: usize, end: usize) -> bool {
        let given = self.word(start);
        self.hits_in(start + 1..end).any(|index| {
            self.hits[index]
                .readings
                .iter()
                .any(|reading| match reading.target {
                    Target::Short(actor) => self.kb.actors()[actor]
                        .name
                        .split_whitespace()
                        .next()
                        .is_some_and(|first| first == given),
                    _ => false,
                })
        })
    }

    /// "Sadiq Khan", "Kino Gabriel": a known person's surname right after a
    /// capitalised word that no entry claims is someone else's.
    fn other_peoples_surnames(&self, dropped: &mut [bool]) {
        for (index, hit) in self.hits.iter().enumerate() {
            let start = hit.tokens.start as usize;
            let only_short = hit
                .readings
                .iter()
                .all(|reading| matches!(reading.target, Target::Short(_)));
            if dropped[index] || !only_short || start <= self.tokens.start {
                continue;
            }
            let before = start - 1;
            let word = self.word(before);
            let free_name = self.is_capitalised(before)
                && self.hit_covering(before).is_none()
                && !self.kb.has_cue(word, Cue::Common)
                && (self.kb.is_given_name(word) || self.is_proper_noun(before, self.tokens.start));
            if free_name && !self.names_known_person(before, start + 1) {
                dropped[index] = true;
            }
        }
    }

    /// "National Telecommunications Commission", "General Services
    /// Administration", "General Motors": a capitalised agent noun (not a
    /// title before a name) followed by free capitalised words that end an
    /// organisation's name.
    fn agents_opening_names(&self, dropped: &mut [bool]) {
        for (index, hit) in self.hits.iter().enumerate() {
            let start = hit.tokens.start as usize;
            let agent_class = hit
                .readings
                .iter()
                .find_map(|reading| match reading.target {
                    Target::Agent(agent) => Some(self.kb.agents()[agent].class),
                    _ => None,
                });
            let Some(class) = agent_class else {
                continue;
            };
            if dropped[index]
                || hit.tokens.len() != 1
                || class == AgentClass::Honorific
                || !self.is_capitalised(start)
            {
                continue;
            }
            let mut end = start + 1;
            while end < self.tokens.end
                && self.is_capitalised(end)
                && self.hit_covering(end).is_none()
                && !self.kb.has_cue(self.word(end), Cue::Common)
            {
                end += 1;
            }
            if end == start + 1 {
                continue;
            }
            let ends_a_body = self.kb.has_cue(self.word(end - 1), Cue::OrgHead)
                || self
                    .hit_covering(end)
                    .is_some_and(|next| self.is_capitalised(end) && self.is_group_agent(next));
            if ends_a_body {
                dropped[index] = true;
            }
        }
    }

    fn is_group_agent(&self, index: usize) -> bool {
        self.hits[index]
            .readings
            .iter()
            .any(|reading| match reading.target {
                Target::Agent(agent) => self.kb.agents()[agent].class == AgentClass::Group,
                _ => false,
            })
    }

    /// True when the token is free or its one-token hit reads only as a
    /// place or a surname (or, for a first name, a country: "Jordan").
    fn only_name_readings(&self, token: usize, first_name: bool) -> bool {
        let Some(index) = self.hit_covering(token) else {
            return true;
        };
        let hit = &self.hits[index];
        hit.tokens.len() == 1
            && hit.readings.iter().all(|reading| match reading.target {
                Target::Place(_) | Target::Short(_) => true,
                Target::Country(_) => first_name,
                _ => false,
            })
    }

    fn hit_covering(&self, token: usize) -> Option<usize> {
        let token = token as u32;
        let index = self.hits.partition_point(|hit| hit.tokens.end <= token);
        (index < self.hits.len() && self.hits[index].tokens.contains(&token)).then_some(index)
    }

    fn hits_in(&self, tokens: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let (start, end) = (tokens.start as u32, tokens.end as u32);
        self.hits
            .iter()
            .enumerate()
            .filter(move |(_, hit)| hit.tokens.start >= start && hit.tokens.end <= end)
            .map(|(index, _)| index)
    }

    fn word(&self, token: usize) -> &str {
        self.doc.text(self.doc.tokens[token].span)
    }

    fn is_capitalised(&self, token: usize) -> bool {
        self.doc.tokens[token].kind == TokenKind::Word
            && self
                .word(token)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// Tagged a proper noun; in untagged text, capitalised inside the
    /// segment (not its first word).
    fn is_proper_noun(&self, token: usize, segment_start: usize) -> bool {
        match self.doc.tags.get(token) {
            Some(tag) => tag.is_proper_noun(),
            None => self.doc.tags.is_empty() && token > segment_start,
        }
    }

    /// Tagged a proper noun, or not tagged at all (tags are optional).
    fn proper_noun_or_untagged(&self, token: usize) -> bool {
        self.doc
            .tags
            .get(token)
            .is_none_or(|tag| tag.is_proper_noun())
    }
}
