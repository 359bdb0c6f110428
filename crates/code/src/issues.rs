//! Issue coding (PETRARCH's `Phoenix.IssueCoding.txt`): phrases that tag an
//! event with the issues its sentence is about, in the event's optional
//! `issues` field.
//!
//! ```text
//! <ISSUE CATEGORY="TRADE">
//! n:tariff [TARIFFS]           # "tariff" and "tariffs"
//! v:smuggle n:ring [SMUGGLING] # smuggle/smuggles/smuggled/smuggling ring(s)
//! free+trade [FREE_TRADE]      # "free trade" and "free-trade"
//! ~trade winds                 # in a sentence: no issues for it
//! ~~the Silk Road              # in a story: no issues for any of it
//! </ISSUE>
//! ```
//!
//! Phrases match whole words, ignoring case. As in PETRARCH, an exclusion
//! phrase cancels every issue of its sentence (`~`) or story (`~~`), not
//! only those of its section. Each code is listed once per event, in the
//! order first found (PETRARCH also counts how often each matched).

use dateline_kb::petrarch::lines::{CommentMarks, dictionary_lines};
use dateline_model::{Doc, Event, SegmentRef};
use rustc_hash::FxHashMap;

use crate::dictionary::DictionaryError;
use crate::discard::{all_segments, segment_forms};

/// What a phrase does when found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum IssueKind {
    /// Tags the sentence's events with this code (index into `codes`).
    Code(u32),
    /// `~`: no issues for the sentence.
    IgnoreSentence,
    /// `~~`: no issues for the story.
    IgnoreStory,
}

#[derive(Clone, Debug)]
struct IssuePhrase {
    words: Vec<String>,
    kind: IssueKind,
}

/// A loaded issue list, indexed by first word.
#[derive(Clone, Debug, Default)]
pub struct IssueList {
    phrases: Vec<IssuePhrase>,
    by_first_word: FxHashMap<String, Vec<usize>>,
    codes: Vec<String>,
    /// Lines skipped as PETRARCH skips them (phrases with no code).
    notes: Vec<DictionaryError>,
}

/// The issues a sentence carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SentenceIssues {
    Codes(Vec<String>),
    /// A `~` phrase cancels them.
    Ignored,
}

impl IssueList {
    /// Reads an issue list; bad lines are returned and the rest loads.
    pub fn parse(file: &str, text: &str) -> (IssueList, Vec<DictionaryError>) {
        let mut list = IssueList::default();
        let mut errors = Vec::new();
        for line in dictionary_lines(text, CommentMarks::HashOnly) {
            if line.text.starts_with('<') {
                continue; // <ISSUE CATEGORY="..."> section tags.
            }
            if !line.text.starts_with('~') && !line.text.contains('[') {
                list.notes.push(DictionaryError {
                    file: file.to_string(),
                    line: line.number,
                    message: "a phrase with no [CODE]: skipped, as PETRARCH skips it".into(),
                });
                continue;
            }
            if let Err(message) = list.add_line(line.text) {
                errors.push(DictionaryError {
                    file: file.to_string(),
                    line: line.number,
                    message,
                });
            }
        }
        (list, errors)
    }

    fn add_line(&mut self, text: &str) -> Result<(), String> {
        let (kind, phrase) = if let Some(rest) = text.strip_prefix("~~") {
            (IssueKind::IgnoreStory, rest)
        } else if let Some(rest) = text.strip_prefix('~') {
            (IssueKind::IgnoreSentence, rest)
        } else {
            let open = text.find('[').ok_or("an issue phrase needs a [CODE]")?;
            let close = text[open..]
                .find(']')
                .map(|offset| open + offset)
                .ok_or_else(|| format!("unbalanced brackets in {text:?}"))?;
            let code = text[open + 1..close].trim();
            if code.is_empty() || code.contains(char::is_whitespace) {
                return Err(format!(
                    "bad issue code [{code}]: one word such as [LITERACY]"
                ));
            }
            (IssueKind::Code(self.code_index(code)), &text[..open])
        };
        let variants = expand_phrase(phrase.trim())?;
        for words in variants {
            let idx = self.phrases.len();
            self.by_first_word
                .entry(words[0].clone())
                .or_default()
                .push(idx);
            self.phrases.push(IssuePhrase { words, kind });
        }
        Ok(())
    }

    fn code_index(&mut self, code: &str) -> u32 {
        let position = self.codes.iter().position(|known| known == code);
        let idx = position.unwrap_or_else(|| {
            self.codes.push(code.to_string());
            self.codes.len() - 1
        });
        idx as u32
    }

    /// Adds the phrases of another list (several `--issues` files).
    pub fn extend(&mut self, other: IssueList) {
        for phrase in other.phrases {
            let kind = match phrase.kind {
                IssueKind::Code(idx) => {
                    IssueKind::Code(self.code_index(&other.codes[idx as usize]))
                }
                kind => kind,
            };
            let idx = self.phrases.len();
            self.by_first_word
                .entry(phrase.words[0].clone())
                .or_default()
                .push(idx);
            self.phrases.push(IssuePhrase {
                words: phrase.words,
                kind,
            });
        }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Lines skipped the way PETRARCH skips them.
    pub fn notes(&self) -> &[DictionaryError] {
        &self.notes
    }

    /// Phrase forms (after expansion) and distinct codes.
    pub fn counts(&self) -> (usize, usize) {
        (self.phrases.len(), self.codes.len())
    }

    /// True when a `~~` phrase occurs in `forms`.
    pub fn ignores_story(&self, forms: &[&str]) -> bool {
        self.found(forms)
            .any(|phrase| phrase.kind == IssueKind::IgnoreStory)
    }

    /// The issue codes of a sentence (lower-case token forms).
    pub fn sentence_issues(&self, forms: &[&str]) -> SentenceIssues {
        let mut codes: Vec<String> = Vec::new();
        for phrase in self.found(forms) {
            match phrase.kind {
                IssueKind::IgnoreSentence => return SentenceIssues::Ignored,
                IssueKind::IgnoreStory => {}
                IssueKind::Code(idx) => {
                    let code = &self.codes[idx as usize];
                    if !codes.contains(code) {
                        codes.push(code.clone());
                    }
                }
            }
        }
        SentenceIssues::Codes(codes)
    }

    /// Every phrase occurrence in `forms`, in text order.
    fn found<'a>(&'a self, forms: &'a [&'a str]) -> impl Iterator<Item = &'a IssuePhrase> + 'a {
        (0..forms.len()).flat_map(move |at| {
            self.by_first_word
                .get(forms[at])
                .into_iter()
                .flatten()
                .map(|&idx| &self.phrases[idx])
                .filter(move |phrase| {
                    let end = at + phrase.words.len();
                    end <= forms.len()
                        && phrase
                            .words
                            .iter()
                            .zip(&forms[at..end])
                            .all(|(w, f)| w == f)
                })
        })
    }
}

impl IssueList {
    /// Fills each event's `issues` with the codes of its sentence, unless a
    /// `~~` phrase anywhere in the story or a `~` phrase in the sentence
    /// cancels them.
    pub(crate) fn tag_events(&self, doc: &Doc, events: &mut [Event]) {
        if self.is_empty() || events.is_empty() {
            return;
        }
        let forms_of = |segment| segment_forms(doc, segment);
        let ignored_story = all_segments(doc).any(|segment| {
            let forms = forms_of(segment);
            self.ignores_story(&forms.iter().map(String::as_str).collect::<Vec<_>>())
        });
        if ignored_story {
            return;
        }
        let mut by_segment: FxHashMap<SegmentRef, Vec<String>> = FxHashMap::default();
        for event in events {
            let codes = by_segment.entry(event.segment).or_insert_with(|| {
                let forms = forms_of(event.segment);
                match self.sentence_issues(&forms.iter().map(String::as_str).collect::<Vec<_>>()) {
                    SentenceIssues::Codes(codes) => codes,
                    SentenceIssues::Ignored => Vec::new(),
                }
            });
            event.issues = codes.clone();
        }
    }
}

/// Every word sequence a phrase stands for: `n:` adds the plural, `v:` the
/// verb forms, `a+b` gives "a b" and "a-b".
fn expand_phrase(phrase: &str) -> Result<Vec<Vec<String>>, String> {
    if phrase.is_empty() {
        return Err("an issue line with no phrase".into());
    }
    let mut sequences: Vec<Vec<String>> = vec![Vec::new()];
    for token in phrase.split_whitespace() {
        let options = expand_token(&token.to_lowercase())?;
        sequences = sequences
            .iter()
            .flat_map(|prefix| {
                options.iter().map(move |option| {
                    let mut sequence = prefix.clone();
                    sequence.extend(option.iter().cloned());
                    sequence
                })
            })
            .collect();
    }
    Ok(sequences)
}

/// The word sequences one whitespace-free token stands for.
fn expand_token(token: &str) -> Result<Vec<Vec<String>>, String> {
    let mut options: Vec<Vec<String>> = vec![Vec::new()];
    // A stray '+' at either end ("eu+") joins nothing.
    let parts = token.split('+').filter(|part| !part.is_empty());
    for (idx, part) in parts.enumerate() {
        let forms = word_forms(part)?;
        options = options
            .iter()
            .flat_map(|prefix| {
                forms.iter().flat_map(move |form| {
                    let spaced = {
                        let mut words = prefix.clone();
                        words.push(form.clone());
                        words
                    };
                    let hyphened = (idx > 0).then(|| {
                        let mut words = prefix.clone();
                        let last = words.pop().unwrap_or_default();
                        words.push(format!("{last}-{form}"));
                        words
                    });
                    std::iter::once(spaced).chain(hyphened)
                })
            })
            .collect();
    }
    Ok(options)
}

/// `n:crime` gives crime, crimes; `v:purge` gives purge, purges, purged, purging.
fn word_forms(part: &str) -> Result<Vec<String>, String> {
    if let Some(noun) = part.strip_prefix("n:") {
        let plural = match noun.strip_suffix('y') {
            Some(stem) => format!("{stem}ies"),
            None => format!("{noun}s"),
        };
        return non_empty(noun).map(|noun| vec![noun.to_string(), plural]);
    }
    if let Some(verb) = part.strip_prefix("v:") {
        let verb = non_empty(verb)?;
        let (past, gerund) = match verb.strip_suffix('e') {
            Some(stem) => (format!("{verb}d"), format!("{stem}ing")),
            None => (format!("{verb}ed"), format!("{verb}ing")),
        };
        return Ok(vec![verb.to_string(), format!("{verb}s"), past, gerund]);
    }
    non_empty(part).map(|word| vec![word.to_string()])
}

fn non_empty(word: &str) -> Result<&str, String> {
    if word.is_empty() {
        Err("an empty word in an issue phrase".into())
    } else {
        Ok(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<String> {
        expand_phrase(text)
            .unwrap()
            .into_iter()
            .map(|words| words.join(" "))
            .collect()
    }

    #[test]
    fn expansions_of_nouns_verbs_and_joins() {
        assert_eq!(phrases("n:treaty"), ["treaty", "treaties"]);
        assert_eq!(phrases("v:purge"), ["purge", "purges", "purged", "purging"]);
        assert_eq!(
            phrases("free+trade zone"),
            ["free trade zone", "free-trade zone"]
        );
        assert_eq!(
            phrases("pre+n:school"),
            ["pre school", "pre-school", "pre schools", "pre-schools"]
        );
    }
}
