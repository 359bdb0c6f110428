//! The verb pattern dictionary: the coder's knowledge of how actions are said.
//!
//! Patterns are data (`data/verbs/*.txt`, see [`syntax`]), compiled into the
//! binary; users add files with `--verbs`. Loading turns every word into a
//! [`LemmaId`] whose surface forms (inflections generated, never listed) sit
//! in one hash table, so matching a sentence costs one lookup per token.

pub mod syntax;

use rustc_hash::FxHashMap;

use dateline_model::EventCode;

use crate::forms::surface_forms;
use syntax::Element;

/// Identifies a pattern word and all its inflected forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LemmaId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PatternId(pub u32);

/// A compiled pattern element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    Source,
    Target,
    Word(LemmaId),
    Choice {
        alternatives: Vec<Vec<Elem>>,
        optional: bool,
    },
    Skip,
}

impl Elem {
    /// True when this element (or any alternative inside it) is the target slot.
    pub fn holds_target(&self) -> bool {
        match self {
            Elem::Target => true,
            Elem::Choice { alternatives, .. } => {
                alternatives.iter().flatten().any(Elem::holds_target)
            }
            _ => false,
        }
    }
}

/// A flattened pattern element: choices and optional groups resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flat {
    Source,
    Target,
    Word(LemmaId),
    Skip,
}

/// One way a pattern can match: its elements after the trigger, with every
/// choice made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub elements: Vec<Flat>,
}

impl Variant {
    pub fn has_target(&self) -> bool {
        self.elements.contains(&Flat::Target)
    }

    pub fn has_source(&self) -> bool {
        self.elements.contains(&Flat::Source)
    }
}

/// The most variants one pattern may expand to.
const MAX_VARIANTS: usize = 512;

/// Where the trigger sits: after `$` it must be a verb; elsewhere a noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriggerKind {
    Verb,
    Noun,
}

/// One compiled pattern.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// The rule id shown in evidence: the code and the pattern as written.
    pub id: String,
    pub code: EventCode,
    pub trigger: LemmaId,
    pub trigger_kind: TriggerKind,
    /// True when `$` precedes the trigger: the source is the clause subject.
    pub source_is_subject: bool,
    /// Elements after the trigger, matched left to right.
    pub after: Vec<Elem>,
    /// Every way `after` can match, most specific first.
    pub variants: Vec<Variant>,
    /// The pattern names a target slot, which may be optional.
    pub has_target: bool,
    /// The target slot sits inside an optional group: when it stays empty the
    /// coder may take the target from context.
    pub target_optional: bool,
    /// Where the pattern came from, for diagnostics.
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
    pub fn add_file(&mut self, file: &str, text: &str) -> Vec<DictionaryError> {
        let mut errors = Vec::new();
        for (line_idx, line) in text.lines().enumerate() {
            let origin = Origin {
                file: file.to_string(),
                line: line_idx + 1,
            };
            if let Err(message) = self.add_line(line, &origin) {
                errors.push(DictionaryError {
                    file: origin.file,
                    line: origin.line,
                    message,
                });
            }
        }
        errors
    }

    fn add_line(&mut self, line: &str, origin: &Origin) -> Result<(), String> {
        let content = line.split('#').next().unwrap_or("").trim();
        if content.is_empty() {
            return Ok(());
        }
        let (code, pattern) = content
            .split_once(char::is_whitespace)
            .ok_or("expected a CAMEO code and a pattern")?;
        let code = EventCode::parse(code).map_err(|err| err.to_string())?;
        let pattern = pattern.trim();
        let elements =
            syntax::parse_pattern(pattern).map_err(|err| format!("{err} in {pattern:?}"))?;
        self.add_pattern(&code, pattern, elements, origin)
    }

    /// Adds one parsed pattern; a choice in trigger position is expanded into
    /// one pattern per alternative so every pattern has a single trigger word.
    pub fn add_pattern(
        &mut self,
        code: &EventCode,
        written: &str,
        elements: Vec<Element>,
        origin: &Origin,
    ) -> Result<(), String> {
        for expanded in expand_trigger_choice(elements) {
            self.add_expanded(code, written, &expanded, origin)?;
        }
        Ok(())
    }

    fn add_expanded(
        &mut self,
        code: &EventCode,
        written: &str,
        elements: &[Element],
        origin: &Origin,
    ) -> Result<(), String> {
        let trigger_idx = trigger_index(elements).ok_or("pattern has no trigger word")?;
        let before = &elements[..trigger_idx];
        let source_is_subject = match before {
            [] => false,
            [Element::Source] => true,
            _ => return Err("only '$' may stand before the trigger word".into()),
        };
        let Element::Word { text, exact, .. } = &elements[trigger_idx] else {
            unreachable!("trigger_index returns a word");
        };
        let trigger = self.lemma(text, *exact);
        let after: Vec<Elem> = elements[trigger_idx + 1..]
            .iter()
            .map(|element| self.compile(element))
            .collect();
        let has_source = source_is_subject || after.iter().any(|e| matches!(e, Elem::Source));
        if !has_source {
            return Err("pattern has no source '$'".into());
        }
        let has_target = after.iter().any(Elem::holds_target);
        let target_optional = has_target && !after.iter().any(|e| matches!(e, Elem::Target));
        let mut variants = flatten(&after)?;
        variants.sort_by_key(|v| {
            std::cmp::Reverse(
                v.elements
                    .iter()
                    .filter(|e| matches!(e, Flat::Word(_)))
                    .count(),
            )
        });
        let id = PatternId(self.patterns.len() as u32);
        self.patterns.push(Pattern {
            id: format!("{code}:{written}"),
            code: code.clone(),
            trigger,
            trigger_kind: if source_is_subject {
                TriggerKind::Verb
            } else {
                TriggerKind::Noun
            },
            source_is_subject,
            after,
            variants,
            has_target,
            target_optional,
            origin: origin.clone(),
        });
        self.by_trigger.entry(trigger).or_default().push(id);
        Ok(())
    }

    fn compile(&mut self, element: &Element) -> Elem {
        match element {
            Element::Source => Elem::Source,
            Element::Target => Elem::Target,
            Element::Skip => Elem::Skip,
            Element::Word { text, exact, .. } => Elem::Word(self.lemma(text, *exact)),
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
    fn lemma(&mut self, text: &str, exact: bool) -> LemmaId {
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
            let ids = self.forms.entry(form).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        id
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

    pub fn is_trigger(&self, lemma: LemmaId) -> bool {
        self.by_trigger.contains_key(&lemma)
    }
}

/// Every linear sequence a compiled element list can match.
fn flatten(elements: &[Elem]) -> Result<Vec<Variant>, String> {
    let mut sequences: Vec<Vec<Flat>> = vec![Vec::new()];
    for element in elements {
        let options: Vec<Vec<Flat>> = match element {
            Elem::Source => vec![vec![Flat::Source]],
            Elem::Target => vec![vec![Flat::Target]],
            Elem::Skip => vec![vec![Flat::Skip]],
            Elem::Word(lemma) => vec![vec![Flat::Word(*lemma)]],
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
    Ok(sequences
        .into_iter()
        .map(|elements| Variant { elements })
        .collect())
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

/// `$ (phone|ring up) +` becomes `$ phone +` and `$ ring up +`.
fn expand_trigger_choice(elements: Vec<Element>) -> Vec<Vec<Element>> {
    let choice_at = match elements.as_slice() {
        [
            Element::Source,
            Element::Choice {
                optional: false, ..
            },
            ..,
        ] => 1,
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
        assert_eq!(pattern.code.as_str(), "041");
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
