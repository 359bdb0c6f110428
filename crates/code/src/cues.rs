//! Cue words for clause structure (`data/verbs/cues.txt`).

use rustc_hash::FxHashMap;

use crate::forms::surface_forms;

const CUES_TXT: &str = include_str!("../../../data/verbs/cues.txt");

/// The classes of cue words, one per section of the cue file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    Say,
    Intent,
    IntentBe,
    Refuse,
    Threaten,
    NegateGovernor,
    Future,
    Hypothetical,
    Negation,
    HypotheticalConjunction,
    Subordinator,
    Relative,
    Coordination,
    Locative,
    PlaceVerb,
    According,
    Anonymous,
    Including,
    Background,
    Historical,
    Naming,
    Month,
    FirstPerson,
}

impl Cue {
    /// The class as one bit of a cue mask.
    pub fn bit(self) -> u32 {
        1 << (self as u32)
    }

    fn from_section(name: &str) -> Option<Cue> {
        Some(match name {
            "say" => Cue::Say,
            "intent" => Cue::Intent,
            "intent-be" => Cue::IntentBe,
            "refuse" => Cue::Refuse,
            "threaten" => Cue::Threaten,
            "negate-governor" => Cue::NegateGovernor,
            "future" => Cue::Future,
            "hypothetical" => Cue::Hypothetical,
            "negation" => Cue::Negation,
            "hypothetical-conjunction" => Cue::HypotheticalConjunction,
            "subordinator" => Cue::Subordinator,
            "relative" => Cue::Relative,
            "coordination" => Cue::Coordination,
            "locative" => Cue::Locative,
            "place-verb" => Cue::PlaceVerb,
            "according" => Cue::According,
            "anonymous" => Cue::Anonymous,
            "including" => Cue::Including,
            "background" => Cue::Background,
            "historical" => Cue::Historical,
            "naming" => Cue::Naming,
            "month" => Cue::Month,
            "first-person" => Cue::FirstPerson,
            _ => return None,
        })
    }
}

/// The compiled cue lists: lower-case form -> classes.
#[derive(Debug, Default)]
pub struct Cues {
    classes: FxHashMap<String, u32>,
    /// Event nouns ("call", "attack") with the CAMEO root they refer back to.
    event_nouns: FxHashMap<String, Vec<String>>,
}

impl Cues {
    pub fn builtin() -> Cues {
        Cues::parse(CUES_TXT).unwrap_or_else(|err| panic!("data/verbs/cues.txt: {err}"))
    }

    pub fn parse(text: &str) -> Result<Cues, String> {
        let mut cues = Cues::default();
        let mut section: Option<Section> = None;
        for (line_idx, line) in text.lines().enumerate() {
            let content = line.split('#').next().unwrap_or("").trim();
            if content.is_empty() {
                continue;
            }
            if let Some(name) = content.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                section =
                    Some(Section::parse(name).ok_or_else(|| {
                        format!("line {}: unknown section [{name}]", line_idx + 1)
                    })?);
                continue;
            }
            let section = section
                .as_ref()
                .ok_or_else(|| format!("line {}: words before any [section]", line_idx + 1))?;
            for word in content.split_whitespace() {
                cues.add(section, word);
            }
        }
        Ok(cues)
    }

    fn add(&mut self, section: &Section, word: &str) {
        let forms = match word.strip_prefix('=') {
            Some(exact) => vec![exact.replace('’', "'")],
            None => surface_forms(word),
        };
        for form in forms {
            match section {
                Section::Class(cue) => {
                    *self.classes.entry(form).or_default() |= cue.bit();
                }
                Section::EventNoun(root) => {
                    self.event_nouns.entry(form).or_default().push(root.clone());
                }
            }
        }
    }

    /// True when the lower-case form belongs to the cue class.
    #[cfg(test)]
    pub fn is(&self, cue: Cue, lowercase_form: &str) -> bool {
        self.mask(lowercase_form) & cue.bit() != 0
    }

    /// Every cue class of a lower-case form, as bits ([`Cue::bit`]).
    pub fn mask(&self, lowercase_form: &str) -> u32 {
        self.classes.get(lowercase_form).copied().unwrap_or(0)
    }

    /// The CAMEO roots an event noun can refer back to ("call" -> 04).
    pub fn event_noun_roots(&self, lowercase_form: &str) -> &[String] {
        self.event_nouns
            .get(lowercase_form)
            .map_or(&[], Vec::as_slice)
    }
}

enum Section {
    Class(Cue),
    EventNoun(String),
}

impl Section {
    fn parse(name: &str) -> Option<Section> {
        match name.strip_prefix("event-noun:") {
            Some(root) => Some(Section::EventNoun(root.to_string())),
            None => Cue::from_section(name).map(Section::Class),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_cues_cover_inflections_and_exact_forms() {
        let cues = Cues::builtin();
        assert!(cues.is(Cue::Say, "said"));
        assert!(cues.is(Cue::Say, "tells"));
        assert!(cues.is(Cue::Intent, "plans"));
        assert!(cues.is(Cue::Negation, "n't"));
        assert!(cues.is(Cue::Future, "'ll"));
        assert!(!cues.is(Cue::Say, "attacked"));
        assert_eq!(cues.event_noun_roots("calls"), ["04"]);
    }

    #[test]
    fn unknown_sections_are_errors() {
        assert!(Cues::parse("[sayings]\nsay\n").is_err());
        assert!(Cues::parse("say\n").is_err());
    }
}
