//! The verb pattern dictionary: the coder's knowledge of how actions are said.
//!
//! Patterns are data (`data/verbs/*.txt`, see [`syntax`]), compiled into the
//! binary; users add files with `--verbs`, in this syntax or in the
//! PETRARCH/TABARI format. Loading turns every word into a [`LemmaId`] whose
//! surface forms (inflections generated, never listed) sit in one hash
//! table, so matching a sentence costs one lookup per token.
//!
//! Every pattern, whatever file it came from, is described by a
//! [`PatternSpec`] and compiled the same way: the trigger word, the elements
//! before and after it (flattened into [`Variant`]s, one per way the choices
//! can go), and how loosely the words may be spaced ([`Gaps`]).

pub mod petrarch;
pub mod syntax;
mod variant_index;

pub use variant_index::{VariantIndex, VariantRef};

use rustc_hash::FxHashMap;

use dateline_model::EventCode;

use crate::forms::surface_forms;
use syntax::Element;

/// Identifies a pattern word and all its inflected forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LemmaId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PatternId(pub u32);

/// What a matching pattern yields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternCode {
    /// One event code.
    Event(EventCode),
    /// `a:b`: source -> target coded `a`, and target -> source coded `b`.
    Paired(EventCode, EventCode),
    /// `---`: the phrase matches but is no event; it blocks weaker patterns.
    Null,
}

impl std::fmt::Display for PatternCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PatternCode::Event(code) => write!(f, "{code}"),
            PatternCode::Paired(forward, backward) => write!(f, "{forward}:{backward}"),
            PatternCode::Null => f.write_str("---"),
        }
    }
}

impl PatternCode {
    /// Parses `041`, `036:036` or `---`.
    pub fn parse(text: &str) -> Result<PatternCode, String> {
        if text.chars().all(|c| c == '-') && !text.is_empty() {
            return Ok(PatternCode::Null);
        }
        let parse = |code: &str| EventCode::parse(code).map_err(|err| err.to_string());
        match text.split_once(':') {
            Some((forward, backward)) => Ok(PatternCode::Paired(parse(forward)?, parse(backward)?)),
            None => Ok(PatternCode::Event(parse(text)?)),
        }
    }

    /// The code of the forward event, if any.
    pub fn forward(&self) -> Option<&EventCode> {
        match self {
            PatternCode::Event(code) | PatternCode::Paired(code, _) => Some(code),
            PatternCode::Null => None,
        }
    }
}

/// How far apart pattern words may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Gaps {
    /// Only filler words between them (determiners, adjectives, adverbs):
    /// Dateline's own patterns.
    #[default]
    Fillers,
    /// Any words inside the clause, as TABARI and PETRARCH match.
    Any,
}

/// Which slots the engine fills when a pattern leaves them out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Defaults {
    /// No `$`: the source is the clause subject.
    pub source: bool,
    /// No `+`: the target is the first actor after the match.
    pub target: bool,
}

/// A flattened pattern element: choices and optional groups resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flat {
    Source,
    Target,
    Compound,
    /// A word; `true` when it must directly follow the previous element.
    Word(LemmaId, bool),
    Skip,
}

/// One way a pattern part can match, with every choice made.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Variant {
    pub elements: Vec<Flat>,
    /// Every pattern word of the variant, once: a sentence lacking any of
    /// them cannot match, which rules most variants out before matching.
    pub lemmas: Vec<LemmaId>,
}

impl Variant {
    fn new(elements: Vec<Flat>) -> Variant {
        let mut lemmas: Vec<LemmaId> = elements
            .iter()
            .filter_map(|e| match e {
                Flat::Word(lemma, _) => Some(*lemma),
                _ => None,
            })
            .collect();
        lemmas.sort();
        lemmas.dedup();
        Variant { elements, lemmas }
    }

    pub fn has_target(&self) -> bool {
        self.elements.contains(&Flat::Target)
    }

    /// How specific the variant is: more pattern words win.
    pub fn n_words(&self) -> usize {
        self.elements
            .iter()
            .filter(|e| matches!(e, Flat::Word(..)))
            .count()
    }
}

/// The most variants one pattern part may expand to. PETRARCH patterns with
/// two synsets of many multi-word members (`&AIRCRAFT FIRING &WEAPON`)
/// reach a few thousand.
const MAX_VARIANTS: usize = 4096;

/// Where the trigger sits: a verb (with its clause subject) or a noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriggerKind {
    Verb,
    Noun,
}

/// A pattern as read from any dictionary format, before compilation.
#[derive(Clone, Debug)]
pub struct PatternSpec {
    pub code: PatternCode,
    /// The pattern as written, for the rule id.
    pub written: String,
    pub elements: Vec<Element>,
    pub gaps: Gaps,
    pub defaults: Defaults,
    /// Forms of the trigger listed in the file ("MET" for "MEET").
    pub trigger_forms: Vec<String>,
    /// Force the trigger's part of speech; `None` infers it.
    pub trigger_kind: Option<TriggerKind>,
    pub origin: Origin,
}

/// One compiled pattern.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// The rule id shown in evidence: the code and the pattern as written.
    pub id: String,
    pub code: PatternCode,
    pub trigger: LemmaId,
    pub trigger_kind: TriggerKind,
    /// The source is the subject of the trigger's clause.
    pub source_is_subject: bool,
    /// Every way the elements before the trigger can match (text order),
    /// empty when nothing but the subject precedes it.
    pub before: Vec<Variant>,
    /// Every way the elements after the trigger can match, most specific first.
    pub variants: Vec<Variant>,
    pub gaps: Gaps,
    pub defaults: Defaults,
    /// The pattern names a target slot, which may be optional.
    pub has_target: bool,
    /// The target slot sits inside an optional group: when it stays empty the
    /// coder may take the target from context.
    pub target_optional: bool,
    /// The pattern has a `%` group: its members act on each other.
    pub compound: bool,
    pub origin: Origin,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

/// A problem in a dictionary file; the rest of the file still loads.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct DictionaryError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// The compiled verb dictionary.
#[derive(Debug, Default)]
pub struct VerbDictionary {
    patterns: Vec<Pattern>,
    by_trigger: FxHashMap<LemmaId, Vec<PatternId>>,
    /// Lower-case surface form to every lemma it inflects.
    forms: FxHashMap<String, Vec<LemmaId>>,
    lemmas: FxHashMap<(String, bool), LemmaId>,
    lemma_texts: Vec<String>,
}

/// The built-in pattern files, compiled in.
const BUILTIN: &[(&str, &str)] = &crate::builtin_verbs::FILES;

impl VerbDictionary {
    /// The dictionary shipped with Dateline.
    pub fn builtin() -> VerbDictionary {
        let mut dictionary = VerbDictionary::default();
        for (name, text) in BUILTIN {
            let errors = dictionary.add_file(name, text);
            debug_assert!(errors.is_empty(), "built-in verb file errors: {errors:?}");
        }
        dictionary
    }

    /// Adds every pattern of a Dateline-format file; returns the lines that failed.
    ///
    /// A line `#! gaps=any defaults=source,target trigger=verb` changes how
    /// the lines after it compile (any words between pattern words; subject
    /// as source and first actor after as target when a pattern names none;
    /// verb triggers only): what a converted PETRARCH file needs.
    pub fn add_file(&mut self, file: &str, text: &str) -> Vec<DictionaryError> {
        let mut errors = Vec::new();
        let mut mode = FileMode::default();
        for (line_idx, line) in text.lines().enumerate() {
            let origin = Origin {
                file: file.to_string(),
                line: line_idx + 1,
            };
            let result = match line.trim_start().strip_prefix("#!") {
                Some(directive) => mode.apply(directive),
                None => self.add_line(line, &origin, &mode),
            };
            if let Err(message) = result {
                errors.push(DictionaryError {
                    file: origin.file,
                    line: origin.line,
                    message,
                });
            }
        }
        errors
    }

    fn add_line(&mut self, line: &str, origin: &Origin, mode: &FileMode) -> Result<(), String> {
        let content = line.split('#').next().unwrap_or("").trim();
        if content.is_empty() {
            return Ok(());
        }
        let (code, pattern) = content
            .split_once(char::is_whitespace)
            .ok_or("expected a CAMEO code and a pattern")?;
        let code = PatternCode::parse(code)?;
        let pattern = pattern.trim();
        let elements =
            syntax::parse_pattern(pattern).map_err(|err| format!("{err} in {pattern:?}"))?;
        let names_source = elements
            .iter()
            .any(|e| matches!(e, Element::Source | Element::Compound));
        if !names_source && !mode.defaults.source {
            return Err("pattern has no source '$'".into());
        }
        self.add_spec(PatternSpec {
            code,
            written: pattern.to_string(),
            elements,
            gaps: mode.gaps,
            defaults: mode.defaults,
            trigger_forms: Vec::new(),
            trigger_kind: mode.trigger_kind,
            origin: origin.clone(),
        })
        .map(|_| ())
    }

    /// Compiles one pattern from any format. A choice in trigger position is
    /// expanded into one pattern per alternative so every pattern has a
    /// single trigger word. Returns the ids of the compiled patterns.
    pub fn add_spec(&mut self, spec: PatternSpec) -> Result<Vec<PatternId>, String> {
        expand_trigger_choice(spec.elements.clone())
            .iter()
            .map(|elements| self.add_expanded(&spec, elements))
            .collect()
    }

    /// Lets a compiled pattern fire on one more trigger word: a PETRARCH verb
    /// block's patterns apply to every verb in the block, compiled once.
    pub fn add_trigger(&mut self, lemma: LemmaId, pattern: PatternId) {
        let patterns = self.by_trigger.entry(lemma).or_default();
        if !patterns.contains(&pattern) {
            patterns.push(pattern);
        }
    }

    fn add_expanded(
        &mut self,
        spec: &PatternSpec,
        elements: &[Element],
    ) -> Result<PatternId, String> {
        let trigger_idx = trigger_index(elements).ok_or("pattern has no trigger word")?;
        let before = &elements[..trigger_idx];
        let Element::Word { text, exact, .. } = &elements[trigger_idx] else {
            unreachable!("trigger_index returns a word");
        };
        let trigger = self.lemma(text, *exact);
        for form in &spec.trigger_forms {
            self.add_form(form, trigger);
        }
        let mentions_source = |part: &[Element]| {
            part.iter()
                .any(|e| matches!(e, Element::Source | Element::Compound))
        };
        let after_elements = &elements[trigger_idx + 1..];
        let subject_before = matches!(before, [Element::Source]);
        let source_is_subject = subject_before
            || (spec.defaults.source
                && !mentions_source(before)
                && !mentions_source(after_elements));
        let before: Vec<Elem> = if subject_before {
            Vec::new()
        } else {
            before.iter().map(|e| self.compile(e)).collect()
        };
        let after: Vec<Elem> = after_elements.iter().map(|e| self.compile(e)).collect();
        let has_target = after.iter().chain(&before).any(Elem::holds_target);
        let target_optional = has_target
            && !after
                .iter()
                .chain(&before)
                .any(|e| matches!(e, Elem::Target));
        let compound = after
            .iter()
            .chain(&before)
            .any(|e| matches!(e, Elem::Compound));
        let mut variants = flatten(&after)?;
        variants.sort_by_key(|v| std::cmp::Reverse(v.n_words()));
        let before = if before.is_empty() {
            Vec::new()
        } else {
            flatten(&before)?
        };
        // "talks between $ and +": a noun trigger with its actors after it;
        // anything with an actor before the trigger is a verb.
        let actor_before = source_is_subject || mentions_source(&elements[..trigger_idx]);
        let trigger_kind = spec.trigger_kind.unwrap_or(if actor_before {
            TriggerKind::Verb
        } else {
            TriggerKind::Noun
        });
        let id = PatternId(self.patterns.len() as u32);
        self.patterns.push(Pattern {
            id: format!("{}:{}", spec.code, spec.written),
            code: spec.code.clone(),
            trigger,
            trigger_kind,
            source_is_subject,
            before,
            variants,
            gaps: spec.gaps,
            defaults: spec.defaults,
            has_target,
            target_optional,
            compound,
            origin: spec.origin.clone(),
        });
        self.by_trigger.entry(trigger).or_default().push(id);
        Ok(id)
    }

    fn compile(&mut self, element: &Element) -> Elem {
        match element {
            Element::Source => Elem::Source,
            Element::Target => Elem::Target,
            Element::Compound => Elem::Compound,
            Element::Skip => Elem::Skip,
            Element::Word {
                text,
                exact,
                adjacent,
                ..
            } => Elem::Word(self.lemma(text, *exact), *adjacent),
            Element::Choice {
                alternatives,
                optional,
            } => Elem::Choice {
                alternatives: alternatives
                    .iter()
                    .map(|alternative| alternative.iter().map(|e| self.compile(e)).collect())
                    .collect(),
                optional: *optional,
            },
        }
    }

    /// The id of a pattern word, registering its surface forms on first use.
    pub fn lemma(&mut self, text: &str, exact: bool) -> LemmaId {
        let key = (text.to_string(), exact);
        if let Some(&id) = self.lemmas.get(&key) {
            return id;
        }
        let id = LemmaId(self.lemma_texts.len() as u32);
        self.lemma_texts.push(text.to_string());
        self.lemmas.insert(key, id);
        let forms = if exact {
            vec![text.to_string()]
        } else {
            surface_forms(text)
        };
        for form in forms {
            self.add_form(&form, id);
        }
        id
    }

    /// A named set of single words that matches as one pattern word (a
    /// PETRARCH synset such as `&CURRENCY`): every form of every member is a
    /// form of the set, so a set of a hundred words costs one table entry per
    /// form instead of a hundred pattern variants. Members are `(word, exact)`.
    /// Patterns then name the set as the exact word `name`.
    pub fn add_word_set(&mut self, name: &str, members: &[(String, bool)]) -> LemmaId {
        let key = (name.to_string(), true);
        if let Some(&id) = self.lemmas.get(&key) {
            return id;
        }
        let id = LemmaId(self.lemma_texts.len() as u32);
        self.lemma_texts.push(name.to_string());
        self.lemmas.insert(key, id);
        for (word, exact) in members {
            let forms = if *exact {
                vec![word.clone()]
            } else {
                surface_forms(word)
            };
            for form in forms {
                self.add_form(&form, id);
            }
        }
        id
    }

    /// Registers one more surface form of a lemma (irregulars a file lists).
    pub fn add_form(&mut self, form: &str, lemma: LemmaId) {
        let ids = self.forms.entry(form.to_lowercase()).or_default();
        if !ids.contains(&lemma) {
            ids.push(lemma);
        }
    }

    /// Every lemma a lower-case token form inflects (empty when none).
    pub fn lemmas_of(&self, lowercase_form: &str) -> &[LemmaId] {
        self.forms.get(lowercase_form).map_or(&[], Vec::as_slice)
    }

    pub fn patterns_triggered_by(&self, lemma: LemmaId) -> &[PatternId] {
        self.by_trigger.get(&lemma).map_or(&[], Vec::as_slice)
    }

    pub fn pattern(&self, id: PatternId) -> &Pattern {
        &self.patterns[id.0 as usize]
    }

    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    pub fn lemma_text(&self, id: LemmaId) -> &str {
        &self.lemma_texts[id.0 as usize]
    }
}

/// How the patterns of a Dateline file compile, set by `#!` directives.
#[derive(Clone, Copy, Debug, Default)]
struct FileMode {
    gaps: Gaps,
    defaults: Defaults,
    trigger_kind: Option<TriggerKind>,
}

impl FileMode {
    /// Applies `gaps=any|fillers defaults=source,target|none trigger=verb|noun|any`.
    fn apply(&mut self, directive: &str) -> Result<(), String> {
        for setting in directive.split_whitespace() {
            let (key, value) = setting
                .split_once('=')
                .ok_or_else(|| format!("bad directive {setting:?}: write key=value"))?;
            match (key, value) {
                ("gaps", "any") => self.gaps = Gaps::Any,
                ("gaps", "fillers") => self.gaps = Gaps::Fillers,
                ("defaults", slots) => {
                    self.defaults = Defaults::default();
                    for slot in slots.split(',') {
                        match slot {
                            "source" => self.defaults.source = true,
                            "target" => self.defaults.target = true,
                            "none" => {}
                            other => return Err(format!("unknown default slot {other:?}")),
                        }
                    }
                }
                ("trigger", "verb") => self.trigger_kind = Some(TriggerKind::Verb),
                ("trigger", "noun") => self.trigger_kind = Some(TriggerKind::Noun),
                ("trigger", "any") => self.trigger_kind = None,
                _ => return Err(format!("unknown directive {setting:?}")),
            }
        }
        Ok(())
    }
}

/// A compiled pattern element.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Elem {
    Source,
    Target,
    Compound,
    Word(LemmaId, bool),
    Choice {
        alternatives: Vec<Vec<Elem>>,
        optional: bool,
    },
    Skip,
}

impl Elem {
    /// True when this element (or any alternative inside it) is the target slot.
    fn holds_target(&self) -> bool {
        match self {
            Elem::Target => true,
            Elem::Choice { alternatives, .. } => {
                alternatives.iter().flatten().any(Elem::holds_target)
            }
            _ => false,
        }
    }
}

/// Every linear sequence a compiled element list can match.
fn flatten(elements: &[Elem]) -> Result<Vec<Variant>, String> {
    let mut sequences: Vec<Vec<Flat>> = vec![Vec::new()];
    for element in elements {
        let options: Vec<Vec<Flat>> = match element {
            Elem::Source => vec![vec![Flat::Source]],
            Elem::Target => vec![vec![Flat::Target]],
            Elem::Compound => vec![vec![Flat::Compound]],
            Elem::Skip => vec![vec![Flat::Skip]],
            Elem::Word(lemma, adjacent) => vec![vec![Flat::Word(*lemma, *adjacent)]],
            Elem::Choice {
                alternatives,
                optional,
            } => {
                let mut options = Vec::new();
                for alternative in alternatives {
                    options.extend(flatten(alternative)?.into_iter().map(|v| v.elements));
                }
                if *optional {
                    options.push(Vec::new());
                }
                options
            }
        };
        sequences = sequences
            .iter()
            .flat_map(|prefix| {
                options.iter().map(move |option| {
                    let mut sequence = prefix.clone();
                    sequence.extend(option.iter().copied());
                    sequence
                })
            })
            .collect();
        if sequences.len() > MAX_VARIANTS {
            return Err(format!(
                "pattern expands to more than {MAX_VARIANTS} variants"
            ));
        }
    }
    Ok(sequences.into_iter().map(Variant::new).collect())
}

/// The trigger: the word marked `*`, else the first word after `$` (or the
/// first word at all).
fn trigger_index(elements: &[Element]) -> Option<usize> {
    let is_word = |e: &Element| matches!(e, Element::Word { .. });
    elements
        .iter()
        .position(|e| matches!(e, Element::Word { trigger: true, .. }))
        .or_else(|| match elements.first() {
            Some(Element::Source) => elements.get(1).filter(|e| is_word(e)).map(|_| 1),
            _ => elements.iter().position(is_word),
        })
}

/// `$ (phone|ring up) +` becomes `$ phone +` and `$ ring up +`; likewise a
/// joined trigger `$ *phone_call`.
fn expand_trigger_choice(elements: Vec<Element>) -> Vec<Vec<Element>> {
    let choice_at = elements.iter().position(|e| {
        matches!(e, Element::Choice { optional: false, alternatives }
            if alternatives.iter().all(|alt| matches!(alt.first(), Some(Element::Word { .. }))))
    });
    // A group marked as the trigger wins over an earlier group of words
    // ("(plane|jet) firing (*fire|*shoot)").
    let marked = elements.iter().position(marks_trigger);
    let choice_at = match (marked.or(choice_at), elements.first()) {
        (Some(idx), _) if marked == Some(idx) => idx,
        (Some(1), Some(Element::Source)) => 1,
        (Some(idx), _)
            if trigger_index(&elements).is_none_or(|t| t > idx)
                && marks_trigger(&elements[idx]) =>
        {
            idx
        }
        _ => return vec![elements],
    };
    let Element::Choice { alternatives, .. } = &elements[choice_at] else {
        unreachable!()
    };
    alternatives
        .iter()
        .map(|alternative| {
            let mut expanded = elements[..choice_at].to_vec();
            expanded.extend(alternative.iter().cloned());
            expanded.extend(elements[choice_at + 1..].iter().cloned());
            expanded
        })
        .collect()
}

/// A group whose first word carries the `*` trigger mark.
fn marks_trigger(element: &Element) -> bool {
    matches!(element, Element::Choice { alternatives, .. }
        if alternatives.iter().any(|alt| matches!(alt.first(), Some(Element::Word { trigger: true, .. }))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dictionary(text: &str) -> (VerbDictionary, Vec<DictionaryError>) {
        let mut dictionary = VerbDictionary::default();
        let errors = dictionary.add_file("test.txt", text);
        (dictionary, errors)
    }

    #[test]
    fn inflected_forms_find_their_trigger() {
        let (dict, errors) = dictionary("041  $ hold (phone|telephone)? call with +\n");
        assert!(errors.is_empty());
        let held = dict.lemmas_of("held");
        assert_eq!(held.len(), 1);
        let patterns = dict.patterns_triggered_by(held[0]);
        assert_eq!(patterns.len(), 1);
        let pattern = dict.pattern(patterns[0]);
        assert_eq!(pattern.code, PatternCode::parse("041").unwrap());
        assert_eq!(pattern.id, "041:$ hold (phone|telephone)? call with +");
        assert!(pattern.source_is_subject && pattern.has_target && !pattern.target_optional);
        assert_eq!(pattern.trigger_kind, TriggerKind::Verb);
    }

    #[test]
    fn trigger_choices_expand_and_optional_targets_are_flagged() {
        let (dict, errors) = dictionary("036  $ (seek|propose) talks (with +)?\n");
        assert!(errors.is_empty());
        assert_eq!(dict.patterns().len(), 2);
        assert!(dict.patterns().iter().all(|p| p.target_optional));
        assert!(!dict.lemmas_of("sought").is_empty());
    }

    #[test]
    fn null_and_paired_codes() {
        let (dict, errors) = dictionary("---  $ abandon plan\n036:036  % meet\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(dict.patterns()[0].code, PatternCode::Null);
        assert!(matches!(dict.patterns()[1].code, PatternCode::Paired(..)));
        assert!(dict.patterns()[1].compound);
    }

    #[test]
    fn bad_lines_are_reported_and_the_rest_loads() {
        let text =
            "# consult\n040  $ meet with +\n4x  $ meet +\n040  $ meet (with +\n040 meet with +\n";
        let (dict, errors) = dictionary(text);
        assert_eq!(dict.patterns().len(), 1);
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert!(
            errors[0]
                .to_string()
                .starts_with("test.txt:3: invalid event code")
        );
    }
}
