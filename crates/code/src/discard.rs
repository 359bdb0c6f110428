//! Discard lists (PETRARCH's `Phoenix.discards.txt`): phrases that mark a
//! sentence, or with a leading `+` a whole story, as not worth coding
//! (sports results, film plots, historical anniversaries).
//!
//! ```text
//! +CHESS TOURNAMENT   # the whole story is about a game
//! QUIDDITCH           # a stem: also "Quidditch's"
//! BATTLE OF PELENNOR_ # '_': the word ends here
//! ```
//!
//! Matching ignores case. Every word of a phrase must match a token in turn;
//! the last word is a stem (it matches the start of a token) unless it ends
//! with `_`, as in PETRARCH.

use std::ops::Range;

use dateline_kb::petrarch::lines::{CommentMarks, dictionary_lines};
use dateline_model::{Doc, SegmentRef};
use rustc_hash::FxHashMap;

use crate::dictionary::DictionaryError;
use crate::explain::{Explanation, Verdict};
use crate::forms::lookup_form;

/// What a discard phrase rules out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiscardScope {
    /// The sentence that holds it.
    Sentence,
    /// The whole story (`+` in the file).
    Story,
}

/// One phrase of a discard list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiscardPhrase {
    /// The phrase as written, for explanations.
    pub written: String,
    pub scope: DiscardScope,
    /// Where it is defined.
    pub file: String,
    pub line: usize,
    /// Lower-case words.
    words: Vec<String>,
    /// The last word matches whole tokens only (`_`).
    whole_word: bool,
}

impl DiscardPhrase {
    /// Why a sentence or story was discarded.
    pub fn reason(&self) -> String {
        let scope = match self.scope {
            DiscardScope::Sentence => "sentence",
            DiscardScope::Story => "story",
        };
        format!(
            "discarded: the {scope} contains '{}' ({}:{})",
            self.written, self.file, self.line
        )
    }

    /// True when the phrase starts at token `at` of `forms`; returns its end.
    fn matches_at(&self, forms: &[&str], at: usize) -> Option<usize> {
        let end = at + self.words.len();
        if end > forms.len() {
            return None;
        }
        let (last, init) = self.words.split_last()?;
        let init_matches = init
            .iter()
            .zip(&forms[at..])
            .all(|(word, form)| word == form);
        let last_form = forms[end - 1];
        let last_matches = if self.whole_word {
            last_form == last
        } else {
            last_form.starts_with(last.as_str())
        };
        (init_matches && last_matches).then_some(end)
    }
}

/// A loaded discard list, indexed by first word.
#[derive(Clone, Debug, Default)]
pub struct DiscardList {
    phrases: Vec<DiscardPhrase>,
    /// First word (whole) to the phrases starting with it.
    by_first_word: FxHashMap<String, Vec<usize>>,
    /// One-word stem phrases, matched by token prefix.
    stems: FxHashMap<String, Vec<usize>>,
    longest_stem: usize,
}

impl DiscardList {
    /// Reads a discard list; bad lines are returned and the rest loads.
    pub fn parse(file: &str, text: &str) -> (DiscardList, Vec<DictionaryError>) {
        let mut list = DiscardList::default();
        let mut errors = Vec::new();
        for line in dictionary_lines(text, CommentMarks::HashAndSemicolon) {
            let (scope, phrase) = match line.text.strip_prefix('+') {
                Some(rest) => (DiscardScope::Story, rest.trim()),
                None => (DiscardScope::Sentence, line.text),
            };
            let words: Vec<String> = phrase
                .split_whitespace()
                .map(|word| word.trim_end_matches('_').to_lowercase())
                .filter(|word| !word.is_empty())
                .collect();
            if words.is_empty() {
                errors.push(DictionaryError {
                    file: file.to_string(),
                    line: line.number,
                    message: "a '+' with no phrase after it".into(),
                });
                continue;
            }
            list.push(DiscardPhrase {
                written: phrase.to_string(),
                scope,
                file: file.to_string(),
                line: line.number,
                whole_word: phrase.ends_with('_'),
                words,
            });
        }
        (list, errors)
    }

    /// Adds the phrases of another list (several `--discards` files).
    pub fn extend(&mut self, other: DiscardList) {
        for phrase in other.phrases {
            self.push(phrase);
        }
    }

    fn push(&mut self, phrase: DiscardPhrase) {
        let idx = self.phrases.len();
        if phrase.words.len() == 1 && !phrase.whole_word {
            self.longest_stem = self.longest_stem.max(phrase.words[0].len());
            self.stems
                .entry(phrase.words[0].clone())
                .or_default()
                .push(idx);
        } else {
            self.by_first_word
                .entry(phrase.words[0].clone())
                .or_default()
                .push(idx);
        }
        self.phrases.push(phrase);
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Counts of sentence-level and story-level phrases.
    pub fn counts(&self) -> (usize, usize) {
        let story = self
            .phrases
            .iter()
            .filter(|p| p.scope == DiscardScope::Story)
            .count();
        (self.phrases.len() - story, story)
    }

    /// The first phrase of `scope` found in `forms` (lower-case tokens), with
    /// the token range it covers.
    pub fn find(
        &self,
        forms: &[&str],
        scope: DiscardScope,
    ) -> Option<(&DiscardPhrase, Range<usize>)> {
        for at in 0..forms.len() {
            let form = forms[at];
            let whole = self.by_first_word.get(form).into_iter().flatten();
            let stems = stem_prefixes(form, self.longest_stem)
                .filter_map(|prefix| self.stems.get(prefix))
                .flatten();
            for &idx in whole.chain(stems) {
                let phrase = &self.phrases[idx];
                if phrase.scope != scope {
                    continue;
                }
                if let Some(end) = phrase.matches_at(forms, at) {
                    return Some((phrase, at..end));
                }
            }
        }
        None
    }
}

impl DiscardList {
    /// Why the whole story is discarded, if a `+` phrase occurs in it.
    pub(crate) fn story_discard(&self, doc: &Doc) -> Option<Explanation> {
        if self.is_empty() {
            return None;
        }
        all_segments(doc).find_map(|segment| self.explain(doc, segment, DiscardScope::Story))
    }

    /// Why one sentence or heading is discarded, if it is.
    pub(crate) fn sentence_discard(&self, doc: &Doc, segment: SegmentRef) -> Option<Explanation> {
        if self.is_empty() {
            return None;
        }
        self.explain(doc, segment, DiscardScope::Sentence)
    }

    fn explain(&self, doc: &Doc, segment: SegmentRef, scope: DiscardScope) -> Option<Explanation> {
        let forms = segment_forms(doc, segment);
        let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
        let (phrase, range) = self.find(&forms, scope)?;
        let tokens = &doc.tokens[segment_tokens(doc, segment)];
        let trigger = tokens[range.start].span.cover(tokens[range.end - 1].span);
        Some(Explanation {
            segment,
            trigger,
            rule: format!("discard:{}", phrase.written),
            verdict: Verdict::Rejected(phrase.reason()),
        })
    }
}

/// Every sentence and heading of a document.
pub(crate) fn all_segments(doc: &Doc) -> impl Iterator<Item = SegmentRef> + '_ {
    (0..doc.sentences.len())
        .map(|idx| SegmentRef::Sentence(idx as u32))
        .chain((0..doc.headings.len()).map(|idx| SegmentRef::Heading(idx as u32)))
}

fn segment_tokens(doc: &Doc, segment: SegmentRef) -> Range<usize> {
    match segment {
        SegmentRef::Sentence(idx) => doc.sentences[idx as usize].token_range(),
        SegmentRef::Heading(idx) => doc.headings[idx as usize].token_range(),
    }
}

/// The lower-case lookup forms of a segment's tokens.
pub(crate) fn segment_forms(doc: &Doc, segment: SegmentRef) -> Vec<String> {
    let mut buffer = String::new();
    doc.tokens[segment_tokens(doc, segment)]
        .iter()
        .map(|token| {
            lookup_form(doc.text(token.span), &mut buffer);
            buffer.clone()
        })
        .collect()
}

/// Every prefix of `form` up to `longest` bytes, on character boundaries.
fn stem_prefixes(form: &str, longest: usize) -> impl Iterator<Item = &str> {
    form.char_indices()
        .map(|(idx, c)| idx + c.len_utf8())
        .take_while(move |&end| end <= longest)
        .map(move |end| &form[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str) -> DiscardList {
        let (list, errors) = DiscardList::parse("discards.txt", text);
        assert!(errors.is_empty(), "{errors:?}");
        list
    }

    #[test]
    fn stems_whole_words_and_scopes() {
        let list = list("+CHESS TOURNAMENT\nQUIDDITCH # sport\nBATTLE OF PELENNOR_\n");
        let forms = ["the", "quidditch's", "final"];
        let (phrase, range) = list.find(&forms, DiscardScope::Sentence).unwrap();
        assert_eq!((phrase.written.as_str(), range), ("QUIDDITCH", 1..2));
        assert!(list.find(&forms, DiscardScope::Story).is_none());
        let story = ["a", "chess", "tournaments", "opened"];
        assert_eq!(list.find(&story, DiscardScope::Story).unwrap().1, 1..3);
        assert!(
            list.find(&["battle", "of", "pelennors"], DiscardScope::Sentence)
                .is_none()
        );
        assert!(
            list.find(&["battle", "of", "pelennor"], DiscardScope::Sentence)
                .is_some()
        );
        assert_eq!(list.counts(), (2, 1));
    }
}
