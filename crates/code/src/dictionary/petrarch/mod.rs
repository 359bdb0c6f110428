//! PETRARCH-1 and TABARI verb dictionaries (`CAMEO.verbpatterns.150430.txt`),
//! compiled into the same [`VerbDictionary`] as Dateline's own patterns.
//!
//! ```text
//! &WEAPON
//! +SWORD
//! +BOW_AND_ARROWS_
//!
//! --- ATTACK [190] ---
//! ASSAIL
//! SMITE {SMITES SMOTE SMITTEN SMITING}
//! RIDE [---]
//! +RIDE_AGAINST {+RODE_AGAINST} [190]
//! - * + WITH &WEAPON [195]
//! - $ * % IN_TURN [190:190]
//! - ^ * BORDER_POST OF + [1721]
//! ```
//!
//! - A block `--- NAME [code] ---` lists verbs, then patterns that apply to
//!   every verb of the block; `*` is the verb. A verb alone codes the
//!   block's code or its own `[code]`; `[---]` (or no code) means the verb
//!   alone is no event.
//! - Verb forms: regular ones are generated; `{...}` lists irregular ones;
//!   `{}` means the verb is written as it appears. `+WORD_WORD` is a
//!   multi-word verb whose first word is the verb (`RE_+ADMIT` marks another).
//! - Patterns: `$` source (default: the verb's subject), `+` target (default:
//!   the first actor after the verb), `%` a coordinated group acting on each
//!   other, `^` skips words, `_` joins words that must touch, a final `_`
//!   matches the word as written (else inflections match, as TABARI stems
//!   did), `&NAME` any member of a synset, `[a:b]` paired events, `[---]` a
//!   phrase known to be no event. Any words may stand between pattern words
//!   inside the clause, as TABARI and PETRARCH match.
//! - `#` and `;` start comments.
//!
//! Every block's patterns are compiled once and registered for each one-word
//! verb of the block ([`VerbDictionary::add_trigger`]); multi-word verbs get
//! their own copies. Codes outside CAMEO (WEIS codes such as `174K`, a
//! group's extensions) load and pass through; [`VerbLoad::notes`] lists them.

mod convert;
mod pattern;
mod reader;

pub use convert::to_dateline_syntax;

use std::collections::BTreeMap;

use dateline_kb::petrarch::lines::{CommentMarks, dictionary_lines};

use crate::dictionary::syntax::Element;
use crate::dictionary::{
    Defaults, DictionaryError, Gaps, Origin, PatternCode, PatternId, PatternSpec, TriggerKind,
    VerbDictionary,
};
use pattern::{Part, SynsetTable, parse_pattern, verb_elements, with_verb};
use reader::{Forms, Verb, VerbBlock, read_verb_file};

/// The syntax of a verb pattern file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbFormat {
    /// Dateline's own syntax ([`crate::dictionary::syntax`]).
    Dateline,
    /// PETRARCH-1 / TABARI verb blocks and patterns.
    Petrarch,
}

/// What loading a PETRARCH verb file did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerbLoad {
    /// Lines that could not be used; the rest of the file loaded.
    pub errors: Vec<DictionaryError>,
    /// Lines read leniently, and codes outside CAMEO (loaded, passed through).
    pub notes: Vec<DictionaryError>,
    pub counts: VerbCounts,
}

/// Counts for `dateline kb check`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VerbCounts {
    pub blocks: usize,
    pub verbs: usize,
    pub multi_word_verbs: usize,
    pub synsets: usize,
    pub patterns: usize,
    /// Compiled patterns, after multi-word verbs got their own copies.
    pub compiled: usize,
    /// Distinct codes with no CAMEO codebook entry.
    pub codes_outside_cameo: usize,
}

/// How many meaningful lines format detection reads.
const DETECTION_LINES: usize = 200;

/// Tells Dateline pattern files from PETRARCH/TABARI ones by their lines:
/// Dateline lines start with a code and hold a `$` or `%`; PETRARCH lines
/// are block headers, `-` patterns, `&` synsets and bare verbs.
pub fn detect_format(text: &str) -> VerbFormat {
    let lines = dictionary_lines(text, CommentMarks::HashOnly);
    let (mut dateline, mut petrarch) = (0, 0);
    for line in lines.iter().take(DETECTION_LINES) {
        let (first, rest) = line
            .text
            .split_once(char::is_whitespace)
            .unwrap_or((line.text, ""));
        if PatternCode::parse(first).is_ok() && rest.contains(['$', '%']) {
            dateline += 1;
        } else if line.text.starts_with(['-', '&', '+'])
            || line
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase())
        {
            petrarch += 1;
        }
    }
    if petrarch > dateline {
        VerbFormat::Petrarch
    } else {
        VerbFormat::Dateline
    }
}

impl VerbDictionary {
    /// Adds a verb file in either syntax, told by [`detect_format`]; returns
    /// the format and the lines that failed (notes are dropped: see
    /// [`VerbDictionary::add_petrarch_file`]).
    pub fn add_file_any_format(
        &mut self,
        file: &str,
        text: &str,
    ) -> (VerbFormat, Vec<DictionaryError>) {
        match detect_format(text) {
            VerbFormat::Dateline => (VerbFormat::Dateline, self.add_file(file, text)),
            VerbFormat::Petrarch => (
                VerbFormat::Petrarch,
                self.add_petrarch_file(file, text).errors,
            ),
        }
    }

    /// Adds every verb and pattern of a PETRARCH/TABARI verb file.
    pub fn add_petrarch_file(&mut self, file: &str, text: &str) -> VerbLoad {
        let parsed = read_verb_file(file, text);
        if let Some(line) = petrarch2_evidence(&parsed) {
            return VerbLoad {
                errors: vec![DictionaryError {
                    file: file.to_string(),
                    line,
                    message: "this is a PETRARCH-2 dictionary (phrase groups in parentheses, \
                              [:code] codes), which Dateline does not read: use the \
                              PETRARCH-1/TABARI format (CAMEO.verbpatterns)"
                        .into(),
                }],
                ..VerbLoad::default()
            };
        }
        let synsets = SynsetTable::new(&parsed.synsets, self);
        let mut load = VerbLoad {
            errors: parsed.errors,
            notes: parsed.notes,
            counts: VerbCounts {
                synsets: synsets.len(),
                ..VerbCounts::default()
            },
        };
        let mut outside_cameo: BTreeMap<String, usize> = BTreeMap::new();
        for block in &parsed.blocks {
            let mut compiler = BlockCompiler {
                dictionary: self,
                file,
                block,
                load: &mut load,
            };
            compiler.compile(&synsets);
            note_codes_outside_cameo(block, &mut outside_cameo);
        }
        load.counts.blocks = parsed.blocks.len();
        load.counts.codes_outside_cameo = outside_cameo.len();
        for (code, line) in outside_cameo {
            load.notes.push(DictionaryError {
                file: file.to_string(),
                line,
                message: format!(
                    "code {code} is not in the CAMEO codebook: loaded and passed through \
                     unchanged, with no Goldstein score"
                ),
            });
        }
        load.notes.sort_by_key(|note| note.line);
        load
    }
}

/// Compiles one verb block into the dictionary.
struct BlockCompiler<'a> {
    dictionary: &'a mut VerbDictionary,
    file: &'a str,
    block: &'a VerbBlock,
    load: &'a mut VerbLoad,
}

impl BlockCompiler<'_> {
    fn compile(&mut self, synsets: &SynsetTable) {
        let block = self.block;
        self.load.counts.verbs += block.verbs.len();
        self.load.counts.patterns += block.patterns.len();
        let (single, multi): (Vec<&Verb>, Vec<&Verb>) =
            block.verbs.iter().partition(|verb| verb.words.len() == 1);
        self.load.counts.multi_word_verbs += multi.len();
        for line in &block.patterns {
            let parts = match parse_pattern(&line.text, synsets) {
                Ok(parts) => parts,
                Err(message) => {
                    self.error(line.line, message);
                    continue;
                }
            };
            let compiled = self.add_shared(&parts, line, &single);
            if compiled.is_err() && !single.is_empty() {
                continue; // Reported once; the copies would fail the same way.
            }
            for verb in &multi {
                if let Err(message) =
                    self.add_pattern(&parts, line.line, &line.text, &line.code, verb)
                {
                    self.error(line.line, message);
                    break;
                }
            }
        }
        // Verbs alone come last: on a tie the block's patterns win.
        for verb in &block.verbs {
            self.add_verb_alone(verb);
        }
    }

    /// The verb alone: its own code or the block's.
    fn add_verb_alone(&mut self, verb: &Verb) {
        let code = verb.code.clone().unwrap_or_else(|| self.block.code.clone());
        let elements = verb_elements(verb, verb.forms == Forms::AsWritten);
        let written = verb.words.join("_");
        if let Err(message) = self.add(elements, verb, verb.line, &written, &code) {
            self.error(verb.line, message);
        }
    }

    /// Compiles a pattern once for the first one-word verb and registers it
    /// for the others.
    fn add_shared(
        &mut self,
        parts: &[Part],
        line: &reader::PatternLine,
        single: &[&Verb],
    ) -> Result<(), ()> {
        let Some((first, others)) = single.split_first() else {
            return Ok(());
        };
        let ids = match self.add_pattern(parts, line.line, &line.text, &line.code, first) {
            Ok(ids) => ids,
            Err(message) => {
                self.error(line.line, message);
                return Err(());
            }
        };
        for verb in others {
            let lemma = self.trigger_lemma(verb);
            for &id in &ids {
                self.dictionary.add_trigger(lemma, id);
            }
        }
        Ok(())
    }

    fn add_pattern(
        &mut self,
        parts: &[Part],
        line: usize,
        text: &str,
        code: &PatternCode,
        verb: &Verb,
    ) -> Result<Vec<PatternId>, String> {
        let elements = with_verb(parts, &verb_elements(verb, verb.forms == Forms::AsWritten));
        self.add(elements, verb, line, &format!("- {text}"), code)
    }

    fn add(
        &mut self,
        elements: Vec<Element>,
        verb: &Verb,
        line: usize,
        written: &str,
        code: &PatternCode,
    ) -> Result<Vec<PatternId>, String> {
        let trigger_forms = match &verb.forms {
            Forms::Listed(forms) => forms.iter().map(|form| form.to_lowercase()).collect(),
            Forms::Regular | Forms::AsWritten => Vec::new(),
        };
        let ids = self.dictionary.add_spec(PatternSpec {
            code: code.clone(),
            written: format!("{} {written}", self.block.name),
            elements,
            gaps: Gaps::Any,
            defaults: Defaults {
                source: true,
                target: true,
            },
            trigger_forms,
            trigger_kind: Some(TriggerKind::Verb),
            origin: Origin {
                file: self.file.to_string(),
                line,
            },
        })?;
        self.load.counts.compiled += ids.len();
        Ok(ids)
    }

    /// The lemma of a verb's trigger word, with its listed forms registered.
    fn trigger_lemma(&mut self, verb: &Verb) -> crate::dictionary::LemmaId {
        let word = verb.words[verb.trigger].to_lowercase();
        let lemma = self.dictionary.lemma(&word, verb.forms == Forms::AsWritten);
        if let Forms::Listed(forms) = &verb.forms {
            for form in forms {
                self.dictionary.add_form(form, lemma);
            }
        }
        lemma
    }

    fn error(&mut self, line: usize, message: String) {
        self.load.errors.push(DictionaryError {
            file: self.file.to_string(),
            line,
            message,
        });
    }
}

/// The first pattern line of a PETRARCH-2 file: such files group phrases
/// in parentheses in most patterns (`- * (BEFORE COURT) [:173]`).
fn petrarch2_evidence(file: &reader::VerbFile) -> Option<usize> {
    let patterns = file.blocks.iter().flat_map(|block| &block.patterns);
    let grouped: Vec<usize> = patterns
        .clone()
        .filter(|p| p.text.contains('('))
        .map(|p| p.line)
        .collect();
    let total = patterns.count();
    (total > 0 && grouped.len() * 5 > total).then(|| grouped[0])
}

/// Remembers the first line of every code with no codebook entry.
fn note_codes_outside_cameo(block: &VerbBlock, outside: &mut BTreeMap<String, usize>) {
    let verb_codes = block
        .verbs
        .iter()
        .filter_map(|verb| verb.code.as_ref().map(|code| (code, verb.line)));
    let pattern_codes = block.patterns.iter().map(|p| (&p.code, p.line));
    let all = std::iter::once((&block.code, block.line))
        .chain(verb_codes)
        .chain(pattern_codes);
    for (code, line) in all {
        let codes = match code {
            PatternCode::Event(code) => vec![code],
            PatternCode::Paired(forward, backward) => vec![forward, backward],
            PatternCode::Null => Vec::new(),
        };
        for code in codes.into_iter().filter(|code| code.info().is_none()) {
            outside.entry(code.as_str().to_string()).or_insert(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(
            detect_format("040  $ meet +\n---  $ abandon plan\n"),
            VerbFormat::Dateline
        );
        assert_eq!(
            detect_format("&WEAPON\n+SWORD\n--- ATTACK [190] ---\nASSAIL\n- * + [190]\n"),
            VerbFormat::Petrarch
        );
    }
}
