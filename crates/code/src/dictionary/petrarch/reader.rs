//! Reading a PETRARCH/TABARI verb file into synsets and verb blocks, before
//! anything is compiled.

use dateline_kb::petrarch::lines::{CommentMarks, DictLine, dictionary_lines};

use crate::dictionary::{DictionaryError, PatternCode};

/// Everything a verb file defines.
#[derive(Debug, Default)]
pub struct VerbFile {
    pub synsets: Vec<Synset>,
    pub blocks: Vec<VerbBlock>,
    /// Problems that skip a line.
    pub errors: Vec<DictionaryError>,
    /// Lines read with a lenient reading worth a look.
    pub notes: Vec<DictionaryError>,
}

/// `&CURRENCY` and its `+` members.
#[derive(Debug)]
pub struct Synset {
    /// The label with its `&` and without a final `_` (`&CURRENCY`).
    pub name: String,
    pub members: Vec<SynsetMember>,
}

/// One member phrase of a synset: consecutive words.
#[derive(Debug)]
pub struct SynsetMember {
    pub words: Vec<String>,
    /// No inflections: the member or the label ends with `_`.
    pub exact: bool,
}

/// `--- NAME [code] ---`, its verbs and its patterns.
#[derive(Debug)]
pub struct VerbBlock {
    pub name: String,
    pub line: usize,
    pub code: PatternCode,
    pub verbs: Vec<Verb>,
    pub patterns: Vec<PatternLine>,
}

/// One verb of a block: `SAY {SAYS SAID SAYING}`, `+FIGHT_BACK`, `RE_+ADMIT [0871]`.
#[derive(Debug)]
pub struct Verb {
    pub line: usize,
    /// The words in upper case; multi-word verbs have several.
    pub words: Vec<String>,
    /// Which word is the verb proper (the trigger).
    pub trigger: usize,
    pub forms: Forms,
    /// The verb's own code, else the block's.
    pub code: Option<PatternCode>,
}

/// The inflected forms of a verb.
#[derive(Debug, PartialEq, Eq)]
pub enum Forms {
    /// Generated from the verb.
    Regular,
    /// Listed in `{...}` (forms of the trigger word), generated ones too.
    Listed(Vec<String>),
    /// `{}`: the verb is already a form; nothing is generated.
    AsWritten,
}

/// `- $ * WITH + [041]`: the text between `-` and the code.
#[derive(Debug)]
pub struct PatternLine {
    pub line: usize,
    pub text: String,
    pub code: PatternCode,
}

/// Where `+` lines go.
enum Context {
    Nothing,
    Synset,
    Block,
}

/// Reads every line of a verb file.
pub fn read_verb_file(file: &str, text: &str) -> VerbFile {
    let mut reader = Reader {
        file,
        out: VerbFile::default(),
        context: Context::Nothing,
    };
    for line in dictionary_lines(text, CommentMarks::HashAndSemicolon) {
        if let Err(message) = reader.line(line) {
            reader.problem(line.number, message);
        }
    }
    reader.out
}

struct Reader<'a> {
    file: &'a str,
    out: VerbFile,
    context: Context,
}

impl Reader<'_> {
    fn line(&mut self, line: DictLine) -> Result<(), String> {
        let text = line.text;
        if text.starts_with("---") {
            return self.block_header(line.number, text);
        }
        if let Some(pattern) = text.strip_prefix('-') {
            return self.pattern(line.number, pattern);
        }
        if text.starts_with('&') {
            return self.synset_header(text);
        }
        if let Some(member) = text.strip_prefix('+')
            && matches!(self.context, Context::Synset)
        {
            return self.synset_member(member);
        }
        self.verb(line.number, text)
    }

    fn block_header(&mut self, number: usize, text: &str) -> Result<(), String> {
        self.context = Context::Block;
        let inner = text.trim_matches(|c: char| c == '-' || c.is_whitespace());
        // PETRARCH reads the first bracket of a header; a block whose code is
        // bad still starts, so its verbs do not join the block before it.
        let (name, code) = match inner.find('[') {
            Some(open) => {
                let close = inner[open..]
                    .find(']')
                    .map_or(inner.len(), |c| open + c + 1);
                if !inner[close..].trim().is_empty() {
                    self.note(number, format!("only the first code of {inner:?} is read"));
                }
                let code = self.bracketed_code(number, &inner[open..close]);
                let name = inner[..open].trim();
                match code {
                    Ok(code) => (name, code),
                    Err(message) => {
                        self.problem(
                            number,
                            format!("{message}: the block's verbs alone code nothing"),
                        );
                        (name, PatternCode::Null)
                    }
                }
            }
            None => (inner, PatternCode::Null),
        };
        self.out.blocks.push(VerbBlock {
            name: name.to_string(),
            line: number,
            code,
            verbs: Vec::new(),
            patterns: Vec::new(),
        });
        Ok(())
    }

    fn synset_header(&mut self, text: &str) -> Result<(), String> {
        self.context = Context::Synset;
        if text.contains(char::is_whitespace) {
            return Err(format!(
                "bad synset label {text:?}: one word such as &WEAPON"
            ));
        }
        self.out.synsets.push(Synset {
            name: text.to_string(),
            members: Vec::new(),
        });
        Ok(())
    }

    fn synset_member(&mut self, member: &str) -> Result<(), String> {
        let synset = self.out.synsets.last_mut().expect("context is Synset");
        let exact = member.ends_with('_') || synset.name.ends_with('_');
        let words = words_of(member);
        if words.is_empty() {
            return Err(format!("empty member in synset {}", synset.name));
        }
        synset.members.push(SynsetMember { words, exact });
        Ok(())
    }

    fn pattern(&mut self, number: usize, text: &str) -> Result<(), String> {
        if !matches!(self.context, Context::Block) || self.out.blocks.is_empty() {
            return Err("a pattern outside a verb block ('--- NAME [code] ---')".into());
        }
        let open = text
            .rfind('[')
            .ok_or("a pattern needs a code such as [041] at its end")?;
        let pattern_text = text[..open].trim();
        if pattern_text.contains(['[', ']']) {
            return Err(format!("unbalanced brackets in pattern {:?}", text.trim()));
        }
        let code = self.bracketed_code(number, &text[open..])?;
        let block = self.out.blocks.last_mut().expect("checked above");
        block.patterns.push(PatternLine {
            line: number,
            text: pattern_text.to_string(),
            code,
        });
        Ok(())
    }

    /// `VERB {FORMS} [CODE]`, with the braces and the code in either order.
    fn verb(&mut self, number: usize, text: &str) -> Result<(), String> {
        if !matches!(self.context, Context::Block) || self.out.blocks.is_empty() {
            return Err(format!(
                "{text:?} is neither a synset member nor a verb inside a block"
            ));
        }
        let (rest, code_text) = take_delimited(text, '[', ']')?;
        let (phrase, forms_text) = take_delimited(&rest, '{', '}')?;
        let code = match code_text {
            Some(code) => Some(self.bracketed_code(number, &format!("[{code}]"))?),
            None => None,
        };
        let verb = parse_verb(number, phrase.trim(), forms_text.as_deref(), code)?;
        self.out
            .blocks
            .last_mut()
            .expect("checked above")
            .verbs
            .push(verb);
        Ok(())
    }

    /// `[041]`, `[036:036]`, `[---]`; TABARI's `!` after a code is dropped with a note.
    fn bracketed_code(&mut self, number: usize, text: &str) -> Result<PatternCode, String> {
        let inner = text
            .trim()
            .strip_prefix('[')
            .and_then(|rest| rest.strip_suffix(']'))
            .ok_or_else(|| format!("unbalanced brackets in {text:?}"))?
            .trim();
        if inner.contains(['[', ']']) {
            return Err(format!("unbalanced brackets in {text:?}"));
        }
        let code = match inner.strip_suffix('!') {
            Some(code) => {
                self.note(number, format!("the '!' after code [{inner}] is ignored"));
                code
            }
            None => inner,
        };
        PatternCode::parse(code).map_err(|err| format!("[{inner}]: {err}"))
    }

    fn problem(&mut self, line: usize, message: String) {
        self.out.errors.push(DictionaryError {
            file: self.file.to_string(),
            line,
            message,
        });
    }

    fn note(&mut self, line: usize, message: String) {
        self.out.notes.push(DictionaryError {
            file: self.file.to_string(),
            line,
            message,
        });
    }
}

/// `text` without its one `open...close` group, and the group's inside.
fn take_delimited(text: &str, open: char, close: char) -> Result<(String, Option<String>), String> {
    let unbalanced = || format!("unbalanced '{open}{close}' in {text:?}");
    let Some(start) = text.find(open) else {
        return match text.contains(close) {
            true => Err(unbalanced()),
            false => Ok((text.to_string(), None)),
        };
    };
    let end = text[start..]
        .find(close)
        .map(|offset| start + offset)
        .ok_or_else(unbalanced)?;
    let inside = &text[start + open.len_utf8()..end];
    let rest = format!("{} {}", &text[..start], &text[end + close.len_utf8()..]);
    if inside.contains(open) || rest.contains([open, close]) {
        return Err(unbalanced());
    }
    Ok((rest, Some(inside.to_string())))
}

/// A verb phrase: `+` marks the verb proper inside a multi-word verb
/// (`RE_+ADMIT`); a leading `+` or none means the first word.
fn parse_verb(
    line: usize,
    phrase: &str,
    forms_text: Option<&str>,
    code: Option<PatternCode>,
) -> Result<Verb, String> {
    let mut words = Vec::new();
    let mut trigger = None;
    for part in phrase.split(['_', ' ']).filter(|part| !part.is_empty()) {
        if part.starts_with('+') && !words.is_empty() {
            trigger = Some(words.len());
        }
        let word = part.trim_matches('+').to_uppercase();
        if !word.is_empty() {
            words.push(word);
        }
    }
    if words.is_empty() {
        return Err(format!("verb line {phrase:?} holds no word"));
    }
    let trigger = trigger.unwrap_or(0);
    let forms = match forms_text {
        None => Forms::Regular,
        Some(listed) => {
            let forms: Vec<String> = listed
                .split_whitespace()
                .filter_map(|form| {
                    let form_words = words_of(form);
                    form_words.get(trigger).or(form_words.first()).cloned()
                })
                .collect();
            if forms.is_empty() {
                Forms::AsWritten
            } else {
                Forms::Listed(forms)
            }
        }
    };
    Ok(Verb {
        line,
        words,
        trigger,
        forms,
        code,
    })
}

/// Upper-case words of a phrase joined by `_` or spaces; `+` marks dropped.
fn words_of(phrase: &str) -> Vec<String> {
    phrase
        .split(['_', ' '])
        .map(|word| word.trim_matches('+'))
        .filter(|word| !word.is_empty())
        .map(str::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_with_forms_codes_and_marked_words() {
        let verb = parse_verb(1, "+FIGHT_BACK", Some("+FOUGHT_BACK +FIGHTS_BACK"), None).unwrap();
        assert_eq!(
            (verb.words.as_slice(), verb.trigger),
            (&["FIGHT".to_string(), "BACK".to_string()][..], 0)
        );
        assert_eq!(
            verb.forms,
            Forms::Listed(vec!["FOUGHT".into(), "FIGHTS".into()])
        );
        let marked = parse_verb(2, "RE_+ADMIT", None, None).unwrap();
        assert_eq!(marked.trigger, 1);
        let frozen = parse_verb(3, "+STRUCK_AND_WOUNDED", Some(""), None).unwrap();
        assert_eq!(frozen.forms, Forms::AsWritten);
    }
}
