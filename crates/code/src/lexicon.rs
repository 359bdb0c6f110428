//! The event lexicon: the words news uses for each CAMEO code, with where
//! their target stands (`data/verbs/lexicon/*.tsv`, format in that folder's
//! README), and the light verbs that assert an event noun ("launched an
//! attack", "held talks").
//!
//! A word's code is a default: it applies whenever the word's arguments are
//! actors; classes of objects and instruments refine it later
//! (`data/verbs/refine.tsv`), and frames (appeals, intentions, threats,
//! refusals) recode the act they embed (`data/verbs/modality.tsv`).

use std::fmt;

use dateline_model::EventCode;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::cues::Cue;

include!(concat!(env!("OUT_DIR"), "/builtin_lexicon.rs"));

/// A verb or an event noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordKind {
    Verb,
    Noun,
}

/// Where an entry's target stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TargetSlot {
    /// The direct object (for a noun: the patient of "of").
    pub object: bool,
    /// Obliques (or a noun's modifiers) introduced by these prepositions.
    pub prepositions: Vec<String>,
}

impl TargetSlot {
    pub fn is_none(&self) -> bool {
        !self.object && self.prepositions.is_empty()
    }

    pub fn takes_preposition(&self, preposition: &str) -> bool {
        self.prepositions.iter().any(|p| p == preposition)
    }
}

/// Whom an event with no target addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImplicitTarget {
    /// The source's own government (protests, strikes, riots).
    Government,
    /// The source's own country (curfews, states of emergency).
    Country,
}

/// A word that frames the act it embeds ("urged X to release",
/// "plans to visit", "threatened to strike", "refused to meet").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FrameFamily {
    Appeal,
    Demand,
    Intent,
    Threat,
    Refuse,
}

/// What an entry says beyond its code and target.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// A plural or coordinated subject acts on each other when no target.
    pub reciprocal: bool,
    pub implicit: Option<ImplicitTarget>,
    /// For nouns: "of X" is the agent ("the visit of the president").
    pub of_is_source: bool,
    pub frame: Option<FrameFamily>,
    /// The word codes only with one of these words among its dependents.
    pub needs: Vec<String>,
    /// The word codes only with a complement of this kind ("called the
    /// plan \"a sham\"").
    pub complement: Option<Complement>,
}

/// A kind of complement a naming verb needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Complement {
    /// In quotation marks: the speaker's own charged words.
    Quoted,
}

/// One row of the lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub code: EventCode,
    /// The words as written: the head lemma first for verbs ("carry out"),
    /// the phrase for multi-word nouns ("state of emergency").
    pub words: Vec<String>,
    pub kind: WordKind,
    pub target: TargetSlot,
    pub flags: Flags,
    /// `file:line`, shown by `--explain`.
    pub origin: String,
}

impl Entry {
    /// The word looked up: a verb's head lemma, a noun phrase's head noun
    /// (the last word of "air strike", the first of "state of emergency").
    pub fn head(&self) -> &str {
        match self.kind {
            WordKind::Verb => &self.words[0],
            WordKind::Noun => {
                let of = self.words.iter().position(|w| Cue::Genitive.matches(w));
                match of {
                    Some(idx) if idx > 0 => &self.words[idx - 1],
                    _ => self.words.last().map_or("", String::as_str),
                }
            }
        }
    }
}

fn is_code_prefix(text: &str) -> bool {
    (2..=4).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

fn is_role(text: &str) -> bool {
    text.len() == 3 && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// A problem in a lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    pub origin: String,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// Every entry, filed by head lemma and kind.
#[derive(Debug, Default)]
pub struct EventLexicon {
    entries: Vec<Entry>,
    by_head: FxHashMap<(String, WordKind), Vec<u32>>,
    light_verbs: FxHashSet<String>,
    /// Code prefixes and the role they give a private person on one side
    /// of the act.
    private_roles: Vec<PrivateRole>,
}

/// Which side of an act a private person is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Who acts ("Jane Doe stabbed three people": UAF).
    Source,
    /// Who is acted on ("arrested Jane Doe": CRM).
    Target,
}

#[derive(Clone, Debug)]
struct PrivateRole {
    side: Side,
    prefix: String,
    role: String,
}

impl EventLexicon {
    /// The built-in lexicon, with the problems of its files (none: a test
    /// holds them to that; a bad row is skipped).
    pub fn builtin() -> (EventLexicon, Vec<LexiconError>) {
        let mut lexicon = EventLexicon::default();
        let mut errors = Vec::new();
        for (name, text) in FILES {
            if name.ends_with("light-verbs.txt") {
                lexicon.add_light_verbs(text);
            } else if name.ends_with("private-targets.txt") {
                errors.extend(lexicon.add_private_roles(name, text, Side::Target));
            } else if name.ends_with("private-sources.txt") {
                errors.extend(lexicon.add_private_roles(name, text, Side::Source));
            } else {
                errors.extend(lexicon.add_file(name, text));
            }
        }
        (lexicon, errors)
    }

    /// Adds one TSV file's rows; bad rows are returned, the rest kept.
    pub fn add_file(&mut self, name: &str, text: &str) -> Vec<LexiconError> {
        let mut errors = Vec::new();
        for (idx, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') || line.starts_with("code\t") {
                continue;
            }
            let origin = format!("{name}:{}", idx + 1);
            match parse_row(line, &origin) {
                Ok(entry) => self.push(entry),
                Err(message) => errors.push(LexiconError { origin, message }),
            }
        }
        errors
    }

    /// Adds light verbs, one a line.
    pub fn add_light_verbs(&mut self, text: &str) {
        for line in text.lines() {
            let word = line.split('#').next().unwrap_or("").trim();
            if !word.is_empty() {
                self.light_verbs.insert(word.to_lowercase());
            }
        }
    }

    /// Adds `code role` lines: the role of an unknown private person on
    /// `side` of an act of that code.
    pub fn add_private_roles(&mut self, name: &str, text: &str, side: Side) -> Vec<LexiconError> {
        let mut errors = Vec::new();
        for (idx, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line
                .split('#')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect();
            match fields.as_slice() {
                [] => {}
                [code, role] if is_code_prefix(code) && is_role(role) => {
                    self.private_roles.push(PrivateRole {
                        side,
                        prefix: code.to_string(),
                        role: role.to_string(),
                    })
                }
                _ => errors.push(LexiconError {
                    origin: format!("{name}:{}", idx + 1),
                    message: "expected a CAMEO code prefix and a three-letter role".into(),
                }),
            }
        }
        errors
    }

    /// The role of an unknown private person on `side` of an act of
    /// `code` ("arrested Jane Doe": CRM; "Jane Doe stabbed": UAF), by the
    /// longest matching code prefix.
    pub fn private_role(&self, code: &EventCode, side: Side) -> Option<&str> {
        self.private_roles
            .iter()
            .filter(|row| row.side == side && code.is_within(&row.prefix))
            .max_by_key(|row| row.prefix.len())
            .map(|row| row.role.as_str())
    }

    fn push(&mut self, entry: Entry) {
        let key = (entry.head().to_string(), entry.kind);
        self.by_head
            .entry(key)
            .or_default()
            .push(self.entries.len() as u32);
        self.entries.push(entry);
    }

    /// Entries whose head is `lemma`, for that kind of word.
    pub fn entries(&self, lemma: &str, kind: WordKind) -> impl Iterator<Item = &Entry> {
        self.by_head
            .get(&(lemma.to_string(), kind))
            .into_iter()
            .flatten()
            .map(|&idx| &self.entries[idx as usize])
    }

    /// True for verbs that assert the event noun they take as object
    /// ("launch" an attack, "hold" talks); `lemma` may be a phrasal verb.
    pub fn is_light_verb(&self, lemma: &str) -> bool {
        self.light_verbs.contains(lemma)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn parse_row(line: &str, origin: &str) -> Result<Entry, String> {
    let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
    if fields.len() < 4 {
        return Err(format!(
            "expected code, word, kind, target[, flags[, note]], found {} fields",
            fields.len()
        ));
    }
    let code = EventCode::parse(fields[0]).map_err(|err| err.to_string())?;
    let words: Vec<String> = fields[1]
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Err("empty word".into());
    }
    let kind = match fields[2] {
        "verb" => WordKind::Verb,
        "noun" => WordKind::Noun,
        other => return Err(format!("kind must be verb or noun, not {other:?}")),
    };
    let target = parse_target(fields[3])?;
    let flags = match fields.get(4) {
        Some(text) => parse_flags(text)?,
        None => Flags::default(),
    };
    Ok(Entry {
        code,
        words,
        kind,
        target,
        flags,
        origin: origin.to_string(),
    })
}

fn parse_target(text: &str) -> Result<TargetSlot, String> {
    let mut slot = TargetSlot::default();
    if text == "-" {
        return Ok(slot);
    }
    for part in text.split('|') {
        match part {
            "obj" => slot.object = true,
            "" => return Err(format!("empty alternative in target {text:?}")),
            prep if prep.chars().all(|c| c.is_ascii_lowercase() || c == ' ') => {
                slot.prepositions.push(prep.to_string())
            }
            other => return Err(format!("target {other:?} is not obj or a preposition")),
        }
    }
    Ok(slot)
}

fn parse_flags(text: &str) -> Result<Flags, String> {
    let mut flags = Flags::default();
    if text == "-" || text.is_empty() {
        return Ok(flags);
    }
    for flag in text.split(',').map(str::trim) {
        match flag.split_once('=') {
            None if flag == "recip" => flags.reciprocal = true,
            Some(("implicit", "government")) => flags.implicit = Some(ImplicitTarget::Government),
            Some(("implicit", "country")) => flags.implicit = Some(ImplicitTarget::Country),
            Some(("of", "source")) => flags.of_is_source = true,
            Some(("frame", family)) => flags.frame = Some(parse_family(family)?),
            Some(("complement", "quoted")) => flags.complement = Some(Complement::Quoted),
            Some(("needs", words)) => {
                flags.needs = words.split('|').map(|w| w.trim().to_lowercase()).collect()
            }
            _ => return Err(format!("unknown flag {flag:?}")),
        }
    }
    Ok(flags)
}

fn parse_family(text: &str) -> Result<FrameFamily, String> {
    Ok(match text {
        "appeal" => FrameFamily::Appeal,
        "demand" => FrameFamily::Demand,
        "intent" => FrameFamily::Intent,
        "threat" => FrameFamily::Threat,
        "refuse" => FrameFamily::Refuse,
        other => return Err(format!("unknown frame family {other:?}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_parse_with_their_slots_and_flags() {
        let mut lexicon = EventLexicon::default();
        let text = "# comment\n\
                    111\tcriticize\tverb\tobj\t-\n\
                    1724\tstate of emergency\tnoun\t-\timplicit=country\n\
                    020\tcall\tverb\ton\tframe=appeal\tcalled on X\n\
                    141\tprotest\tverb\tagainst|over\timplicit=government,recip\n\
                    bad\tword\tverb\tobj\n\
                    111\tslam\tadjective\tobj\n";
        let errors = lexicon.add_file("test.tsv", text);
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].origin, "test.tsv:6");
        assert!(errors[1].message.contains("kind"), "{}", errors[1]);
        let emergency: Vec<_> = lexicon.entries("state", WordKind::Noun).collect();
        assert_eq!(emergency[0].code.as_str(), "1724");
        assert_eq!(emergency[0].flags.implicit, Some(ImplicitTarget::Country));
        let call = lexicon.entries("call", WordKind::Verb).next().unwrap();
        assert_eq!(call.flags.frame, Some(FrameFamily::Appeal));
        assert!(call.target.takes_preposition("on") && !call.target.object);
        let protest = lexicon.entries("protest", WordKind::Verb).next().unwrap();
        assert!(protest.flags.reciprocal);
        assert_eq!(protest.target.prepositions, ["against", "over"]);
        assert_eq!(lexicon.entries("criticize", WordKind::Noun).count(), 0);
    }

    #[test]
    fn the_builtin_lexicon_has_no_bad_rows() {
        let (lexicon, errors) = EventLexicon::builtin();
        assert!(errors.is_empty(), "{errors:?}");
        assert!(lexicon.len() > 1_000, "{} rows", lexicon.len());
        assert!(lexicon.is_light_verb("launch"));
        assert!(
            lexicon
                .entries("condemn", WordKind::Verb)
                .any(|e| e.code.as_str() == "111")
        );
    }

    #[test]
    fn light_verbs_take_comments() {
        let mut lexicon = EventLexicon::default();
        lexicon.add_light_verbs("# why\nlaunch\ncarry out  # an operation\n");
        assert!(lexicon.is_light_verb("launch") && lexicon.is_light_verb("carry out"));
        assert!(!lexicon.is_light_verb("condemn"));
    }

    #[test]
    fn private_roles_take_the_longest_code_prefix() {
        let mut lexicon = EventLexicon::default();
        let errors = lexicon.add_private_roles(
            "t.txt",
            "# why\n17 CVL\n173 CRM  # arrests\n17x CRM\n",
            Side::Target,
        );
        lexicon.add_private_roles("s.txt", "18 UAF\n", Side::Source);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].origin, "t.txt:4");
        let role = |code: &str| {
            lexicon
                .private_role(&EventCode::parse(code).unwrap(), Side::Target)
                .map(str::to_string)
        };
        assert_eq!(role("1731").as_deref(), Some("CRM"));
        assert_eq!(role("172").as_deref(), Some("CVL"));
        assert_eq!(role("111"), None);
        // Each side has its own rows.
        assert_eq!(role("180"), None);
        let code = EventCode::parse("180").unwrap();
        assert_eq!(lexicon.private_role(&code, Side::Source), Some("UAF"));
    }
}
