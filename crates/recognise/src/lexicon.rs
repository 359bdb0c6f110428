//! Every name in the knowledge base, folded, in one Aho-Corasick automaton;
//! each name keeps the readings it can have and the case rule of each.

use std::collections::HashMap;

use aho_corasick::MatchKind;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, PatternID};
use dateline_kb::Kb;

use crate::RecogniseError;
use crate::text::fold_key;

/// What a matched name may refer to (indices into the knowledge base's lists).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A country's name ("Ukraine", "the U.S.").
    Country(usize),
    /// A country's demonym or adjective ("Ukrainian", "Russians").
    Demonym(usize),
    /// An actor's full name or alias.
    Actor(usize),
    /// An actor's short name ("Putin"), which needs context.
    Short(usize),
    /// A generic actor noun or title.
    Agent(usize),
    /// A gazetteer place.
    Place(usize),
}

/// How the text must be written for a reading to count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseRule {
    /// As written, letter for letter: acronyms ("US" is not "us").
    Exact(Box<str>),
    /// Words whose bit is set must start with a capital ("Turkey", not "turkey").
    Proper(u64),
    /// Any case: agent nouns and titles ("police", "President").
    Any,
}

impl CaseRule {
    fn of(written: &str) -> CaseRule {
        let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
        let has_lower = letters.iter().any(|c| c.is_lowercase());
        let has_upper = letters.iter().any(|c| c.is_uppercase());
        if !has_upper {
            return CaseRule::Any;
        }
        if !has_lower && letters.len() <= 6 && !written.contains('.') {
            return CaseRule::Exact(
                written
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .into(),
            );
        }
        let mut mask = 0u64;
        for (index, word) in written.split_whitespace().take(64).enumerate() {
            if word
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
            {
                mask |= 1 << index;
            }
        }
        CaseRule::Proper(mask)
    }

    /// True when `surface` is written the way this rule wants. In an all-caps
    /// segment capitalisation says nothing, so proper names pass; acronyms
    /// still need capitals.
    pub fn accepts(&self, surface: &str, all_caps: bool) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Exact(written) => {
                let surface = surface.split_whitespace().collect::<Vec<_>>().join(" ");
                surface == **written
            }
            CaseRule::Proper(_) if all_caps => true,
            CaseRule::Proper(_) if shouted(surface) => false,
            CaseRule::Proper(mask) => surface
                .split_whitespace()
                .enumerate()
                .filter(|(index, _)| *index < 64 && mask & (1 << index) != 0)
                .all(|(_, word)| starts_capitalised(word)),
        }
    }
}

/// A name written in capitals outside an all-caps line ("ICO" is an acronym,
/// not the town of Icó), unless the name itself is written with periods.
fn shouted(surface: &str) -> bool {
    let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !surface.contains('.')
}

fn starts_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// One possible reading of a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub target: Target,
    pub case: CaseRule,
    /// The name is also a common word: the reading needs a cue in context
    /// (for places, a preposition of place before it).
    pub guarded: bool,
}

/// The automaton and, per pattern, its readings.
#[derive(Debug)]
pub struct Lexicon {
    automaton: NFA,
    pub readings: Vec<Vec<Reading>>,
    /// Folded name to pattern index, for exact look-ups (the dateline place).
    pub by_key: HashMap<String, usize>,
}

impl Lexicon {
    /// Every name that starts at byte `start` of `text`, as (pattern, end),
    /// shortest first. Names start only where a token (or a hyphenated
    /// part) does, so the automaton is walked anchored from there: no
    /// matches inside words to find and throw away.
    pub fn names_at(&self, text: &str, start: usize, mut found: impl FnMut(PatternID, usize)) {
        let nfa = &self.automaton;
        let Ok(mut state) = nfa.start_state(Anchored::Yes) else {
            return;
        };
        for (offset, &byte) in text.as_bytes()[start..].iter().enumerate() {
            state = nfa.next_state(Anchored::Yes, state, byte);
            if nfa.is_dead(state) {
                return;
            }
            if nfa.is_match(state) {
                let end = start + offset + 1;
                for index in 0..nfa.match_len(state) {
                    let pattern = nfa.match_pattern(state, index);
                    // A state also holds the names that end here but start
                    // later (suffixes): keep those starting at `start`.
                    if nfa.pattern_len(pattern) == end - start {
                        found(pattern, end);
                    }
                }
            }
        }
    }

    pub fn build(kb: &Kb) -> Result<Lexicon, RecogniseError> {
        let mut builder = LexiconBuilder::default();
        for (index, country) in kb.countries().iter().enumerate() {
            for name in country.all_names() {
                builder.add(name, Target::Country(index));
            }
            for demonym in country.demonym_forms() {
                builder.add(&demonym, Target::Demonym(index));
            }
        }
        for (index, actor) in kb.actors().iter().enumerate() {
            for name in actor.all_names() {
                builder.add(name, Target::Actor(index));
            }
            for short in &actor.short {
                builder.add(short, Target::Short(index));
            }
        }
        for (index, agent) in kb.agents().iter().enumerate() {
            for form in agent.forms() {
                builder.add(form, Target::Agent(index));
            }
        }
        for (index, place) in kb.places().iter().enumerate() {
            for name in place.all_names() {
                let guarded = place.common_names.iter().any(|common| common == name);
                builder.add_guarded(name, Target::Place(index), guarded);
            }
        }
        builder.finish()
    }

    /// Readings of a name looked up whole ("Washington" for a dateline).
    pub fn lookup(&self, name: &str) -> &[Reading] {
        self.by_key
            .get(&fold_key(name))
            .map_or(&[], |&pattern| self.readings[pattern].as_slice())
    }
}

#[derive(Default)]
struct LexiconBuilder {
    keys: Vec<String>,
    readings: Vec<Vec<Reading>>,
    by_key: HashMap<String, usize>,
}

impl LexiconBuilder {
    /// Adds a written name; names ending in a period also match without it,
    /// since a sentence-final "U.S." may lose its period to the full stop.
    fn add(&mut self, written: &str, target: Target) {
        self.add_guarded(written, target, false);
    }

    fn add_guarded(&mut self, written: &str, target: Target, guarded: bool) {
        let key = fold_key(written);
        if key.is_empty() {
            return;
        }
        let case = CaseRule::of(written);
        if let Some(stripped) = key.strip_suffix('.').filter(|k| k.contains('.')) {
            let stripped = stripped.to_string();
            self.add_key(
                stripped,
                Reading {
                    target,
                    case: case.clone(),
                    guarded,
                },
            );
        }
        self.add_key(
            key,
            Reading {
                target,
                case,
                guarded,
            },
        );
    }

    fn add_key(&mut self, key: String, reading: Reading) {
        let pattern = match self.by_key.get(&key) {
            Some(&pattern) => pattern,
            None => {
                self.keys.push(key.clone());
                self.readings.push(Vec::new());
                self.by_key.insert(key, self.keys.len() - 1);
                self.keys.len() - 1
            }
        };
        if !self.readings[pattern].contains(&reading) {
            self.readings[pattern].push(reading);
        }
    }

    fn finish(self) -> Result<Lexicon, RecogniseError> {
        let automaton = aho_corasick::nfa::contiguous::Builder::new()
            .match_kind(MatchKind::Standard)
            .build(&self.keys)
            .map_err(|err| RecogniseError::Automaton(err.to_string()))?;
        Ok(Lexicon {
            automaton,
            readings: self.readings,
            by_key: self.by_key,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rules_from_how_names_are_written() {
        assert_eq!(CaseRule::of("US"), CaseRule::Exact("US".into()));
        assert_eq!(CaseRule::of("police"), CaseRule::Any);
        let turkey = CaseRule::of("Turkey");
        assert!(turkey.accepts("Turkey", false));
        assert!(!turkey.accepts("turkey", false));
        assert!(turkey.accepts("TURKEY", true));
        let us = CaseRule::of("US");
        assert!(us.accepts("US", false));
        assert!(!us.accepts("us", false));
        assert!(!us.accepts("Us", true));
        let kremlin = CaseRule::of("the Kremlin");
        assert!(kremlin.accepts("The Kremlin", false));
        assert!(kremlin.accepts("the Kremlin", false));
        assert!(!kremlin.accepts("the kremlin", false));
        assert!(CaseRule::of("U.S.").accepts("U.S.", false));
        assert!(!CaseRule::of("Icó").accepts("ICO", false));
        assert!(CaseRule::of("Icó").accepts("ICO", true));
    }
}
