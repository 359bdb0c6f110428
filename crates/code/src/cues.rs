//! Cue words for clause structure (`data/verbs/cues.txt`).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::forms::surface_forms;

const CUES_TXT: &str = include_str!("../../../data/verbs/cues.txt");

/// The built-in cue lists, parsed once.
static BUILTIN: LazyLock<Cues> = LazyLock::new(|| {
    Cues::parse(CUES_TXT).unwrap_or_else(|err| panic!("data/verbs/cues.txt: {err}"))
});

/// The month number of a lower-case form in the built-in cue lists
/// ([`Cues::month_number`]).
pub fn month_number(lowercase_form: &str) -> Option<u32> {
    BUILTIN.month_number(lowercase_form)
}

/// Declares [`Cue`] and [`Cue::ALL`] from one list of classes, so that a
/// class's section in the cue file is its name in kebab case (`BeForm` is
/// `[be-form]`) and no section name is written twice.
macro_rules! cue_classes {
    ($($class:ident,)*) => {
        /// The classes of cue words, one per section of the cue file.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Cue {
            $($class,)*
        }

        impl Cue {
            /// Every class, in declaration order.
            pub const ALL: &[Cue] = &[$(Cue::$class,)*];
        }
    };
}

cue_classes! {
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
    BeForm,
    AuxForm,
    ParticipleAuxiliary,
    Day,
    TimePhrase,
    TimeModifier,
    TimeBeforePlace,
    TimeOpener,
    YearPreposition,
    Year,
    Last,
    AmbiguousBackground,
    BeforeComparativeAs,
    AfterComparativeAs,
    Complementiser,
    To,
    Genitive,
    PassiveAgent,
    DatePreposition,
    SubjectJoin,
    RegionPreposition,
    NounPhraseJoiner,
    And,
    ListAnd,
    Both,
    Definite,
    Article,
    TargetPreposition,
    DefiniteOpener,
    Quantity,
    QuantityOf,
    PersonPronoun,
    ThingPronoun,
    PluralPronoun,
    PossessivePronoun,
    GenericQuantity,
    MembersOpener,
    Border,
    PlaceNoun,
    ControlParticiple,
    Reciprocal,
    OwnerPreposition,
    Between,
    ComplementPreposition,
    As,
    ActNoun,
    Pluperfect,
    Realised,
}

impl Cue {
    /// The class as one bit of a cue mask.
    pub fn bit(self) -> u128 {
        1 << (self as u128)
    }

    /// True when the lower-case form belongs to this class in the built-in
    /// cue lists; for words that are no token of a [`crate::sentence::Sentence`]
    /// (use `Sentence::is` for those).
    pub fn matches(self, lowercase_form: &str) -> bool {
        BUILTIN.mask(lowercase_form) & self.bit() != 0
    }

    /// The length of the phrase of this class (`each_other` in the cue file)
    /// whose words `word(0)`, `word(1)`, ... give, if one does.
    pub fn phrase_len<'w>(self, word: impl Fn(usize) -> Option<&'w str>) -> Option<usize> {
        BUILTIN.phrase_len(self, word)
    }

    /// The class's section name in the cue file: `BeForm` is `be-form`.
    pub fn section_name(self) -> String {
        let mut name = String::new();
        for (idx, c) in format!("{self:?}").chars().enumerate() {
            if c.is_ascii_uppercase() && idx > 0 {
                name.push('-');
            }
            name.push(c.to_ascii_lowercase());
        }
        name
    }

    fn from_section(name: &str) -> Option<Cue> {
        Cue::ALL
            .iter()
            .copied()
            .find(|cue| cue.section_name() == name)
    }
}

/// The compiled cue lists: lower-case form -> classes.
#[derive(Debug, Default)]
pub struct Cues {
    classes: FxHashMap<String, u128>,
    /// Phrases of several words (`as_well_as`), as their lower-case words.
    phrases: Vec<(Cue, Vec<String>)>,
    /// "jan" to "dec": a month's number is its place here, from 1.
    month_prefixes: Vec<String>,
    /// Event nouns ("call", "attack") with the CAMEO root they refer back to.
    event_nouns: FxHashMap<String, Vec<String>>,
}

impl Cues {
    /// The built-in cue lists (`data/verbs/cues.txt`), parsed once.
    pub fn builtin() -> &'static Cues {
        &BUILTIN
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
        if let (Section::Class(cue), Some(phrase)) = (section, word.strip_prefix('='))
            && phrase.contains('_')
        {
            let words = phrase.split('_').map(|w| w.replace('’', "'")).collect();
            self.phrases.push((*cue, words));
            return;
        }
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
                Section::MonthOrder => self.month_prefixes.push(form),
            }
        }
    }

    /// True when the lower-case form belongs to the cue class.
    #[cfg(test)]
    pub fn is(&self, cue: Cue, lowercase_form: &str) -> bool {
        self.mask(lowercase_form) & cue.bit() != 0
    }

    /// Every cue class of a lower-case form, as bits ([`Cue::bit`]).
    pub fn mask(&self, lowercase_form: &str) -> u128 {
        self.classes.get(lowercase_form).copied().unwrap_or(0)
    }

    /// The length of the first phrase of `cue` whose words `word(0)`,
    /// `word(1)`, ... give.
    pub fn phrase_len<'w>(
        &self,
        cue: Cue,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<usize> {
        self.phrases
            .iter()
            .filter(|(class, _)| *class == cue)
            .find(|(_, words)| {
                words
                    .iter()
                    .enumerate()
                    .all(|(idx, expected)| word(idx) == Some(expected.as_str()))
            })
            .map(|(_, words)| words.len())
    }

    /// 1 for "january" (or "jan."), 12 for "december": the month whose
    /// first letters (`[month-order]`) start the form.
    pub fn month_number(&self, lowercase_form: &str) -> Option<u32> {
        let prefix_len = self.month_prefixes.first()?.len();
        let prefix = lowercase_form.get(..prefix_len)?;
        self.month_prefixes
            .iter()
            .position(|m| m == prefix)
            .map(|i| i as u32 + 1)
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
    /// Month names' first letters, January first.
    MonthOrder,
}

impl Section {
    fn parse(name: &str) -> Option<Section> {
        if name == "month-order" {
            return Some(Section::MonthOrder);
        }
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
    fn every_class_has_a_section_in_the_builtin_file() {
        for cue in Cue::ALL {
            let header = format!("[{}]", cue.section_name());
            assert!(
                CUES_TXT.contains(&header),
                "no {header} in data/verbs/cues.txt"
            );
        }
        assert_eq!(Cue::IntentBe.section_name(), "intent-be");
        assert_eq!(Cue::from_section("be-form"), Some(Cue::BeForm));
    }

    #[test]
    fn new_classes_hold_exact_forms_phrases_and_month_numbers() {
        let cues = Cues::builtin();
        assert!(cues.is(Cue::BeForm, "'s"));
        assert!(!cues.is(Cue::BeForm, "be's"));
        assert!(cues.is(Cue::Day, "saturday"));
        assert!(!cues.is(Cue::TimeBeforePlace, "tomorrow"));
        assert!(Cue::ControlParticiple.matches("held"));
        let words = ["each", "other", "day"];
        assert_eq!(
            Cue::Reciprocal.phrase_len(|idx| words.get(idx).copied()),
            Some(2)
        );
        assert_eq!(
            Cue::Reciprocal.phrase_len(|idx| words.get(idx + 1).copied()),
            None
        );
        let words = ["as", "well", "as"];
        assert_eq!(
            Cue::SubjectJoin.phrase_len(|idx| words.get(idx).copied()),
            Some(3)
        );
        assert_eq!(month_number("jan."), Some(1));
        assert_eq!(month_number("september"), Some(9));
        assert_eq!(month_number("december"), Some(12));
        assert_eq!(month_number("ja"), None);
        assert_eq!(month_number("monday"), None);
    }

    #[test]
    fn unknown_sections_are_errors() {
        assert!(Cues::parse("[sayings]\nsay\n").is_err());
        assert!(Cues::parse("say\n").is_err());
    }
}
