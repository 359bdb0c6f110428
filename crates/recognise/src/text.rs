//! The matching view of a segment: its tokens' text lower-cased, with curly
//! apostrophes and dashes folded, joined by one space where the body had a
//! gap, plus the map from every byte of that view back to body offsets.
//!
//! Names in the lexicon are folded the same way ([`fold_key`]), so "TRUMP’S"
//! and "Trump's" both read "trump's", and "Donald\nTrump" reads "donald trump".

use dateline_model::{Doc, Span, Token, TokenKind};

/// Folds one character for matching: lower case, one apostrophe, one dash.
fn fold_char(ch: char, out: &mut String) {
    if ch.is_ascii() {
        out.push(ch.to_ascii_lowercase());
        return;
    }
    match ch {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        _ => out.extend(ch.to_lowercase()),
    }
}

/// The folded form of a dictionary name, whitespace collapsed to single spaces.
pub fn fold_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for ch in word.chars() {
            fold_char(ch, &mut key);
        }
    }
    key
}

/// One segment's matching view.
#[derive(Debug, Default)]
pub struct SegmentText {
    pub text: String,
    /// Body offset of the character each view byte came from.
    src_start: Vec<u32>,
    /// Body offset just past that character.
    src_end: Vec<u32>,
    /// Global token index of each view byte (a gap space belongs to the next token).
    token_of: Vec<u32>,
    /// `starts[i]`: a name may begin at view byte `i`.
    starts: Vec<bool>,
    /// `ends[i]`: a name may end just before view byte `i`.
    ends: Vec<bool>,
    /// Most letters are capitals: a headline or shouted line.
    pub all_caps: bool,
}

impl SegmentText {
    /// One past the last global token index of the segment.
    pub fn end_token(&self) -> u32 {
        self.token_of.last().map_or(0, |&token| token + 1)
    }

    /// Builds the view of tokens `first..first + tokens.len()` of `doc`.
    pub fn new(doc: &Doc, first: usize, tokens: &[Token]) -> SegmentText {
        let body = doc.body();
        let mut view = SegmentText::default();
        let mut n_letters = 0usize;
        let mut n_capitals = 0usize;
        for (offset, token) in tokens.iter().enumerate() {
            let token_idx = (first + offset) as u32;
            if offset > 0 && tokens[offset - 1].span.end < token.span.start {
                view.push_gap(token.span.start, token_idx);
            }
            let token_start = view.text.len();
            view.starts_at(token_start);
            let token_text = &body[token.span];
            for (char_offset, ch) in token_text.char_indices() {
                let source = token.span.start + char_offset as u32;
                let before = view.text.len();
                fold_char(ch, &mut view.text);
                for _ in before..view.text.len() {
                    view.src_start.push(source);
                    view.src_end.push(source + ch.len_utf8() as u32);
                    view.token_of.push(token_idx);
                }
                if ch.is_alphabetic() {
                    n_letters += 1;
                    n_capitals += usize::from(ch.is_uppercase());
                }
            }
            view.mark_inner_boundaries(token_start, token.kind);
            view.ends_at(view.text.len());
        }
        view.all_caps = n_letters >= 6 && n_capitals * 10 >= n_letters * 8;
        view.starts.resize(view.text.len() + 1, false);
        view.ends.resize(view.text.len() + 1, false);
        view
    }

    fn push_gap(&mut self, next_start: u32, token_idx: u32) {
        self.text.push(' ');
        self.src_start.push(next_start);
        self.src_end.push(next_start);
        self.token_of.push(token_idx);
    }

    fn starts_at(&mut self, index: usize) {
        grow_to(&mut self.starts, index);
        self.starts[index] = true;
    }

    fn ends_at(&mut self, index: usize) {
        grow_to(&mut self.ends, index);
        self.ends[index] = true;
    }

    /// Inside a word token a name may also start after a hyphen ("Trump-Putin"),
    /// and end before a hyphen or a possessive ("Putin's" when the tokenizer
    /// keeps it whole).
    fn mark_inner_boundaries(&mut self, token_start: usize, kind: TokenKind) {
        if kind != TokenKind::Word {
            return;
        }
        let token_end = self.text.len();
        let hyphens: Vec<usize> = self.text.as_bytes()[token_start + 1..token_end]
            .iter()
            .enumerate()
            .filter(|(_, byte)| **byte == b'-')
            .map(|(offset, _)| token_start + 1 + offset)
            .collect();
        for index in hyphens {
            self.ends_at(index);
            self.starts_at(index + 1);
        }
        let token = &self.text[token_start..token_end];
        if token.ends_with("'s") && token.len() > 2 {
            self.ends_at(token_end - 2);
        } else if token.ends_with('\'') && token.len() > 1 {
            self.ends_at(token_end - 1);
        }
    }

    pub fn can_start(&self, index: usize) -> bool {
        self.starts.get(index).copied().unwrap_or(false)
    }

    pub fn can_end(&self, index: usize) -> bool {
        self.ends.get(index).copied().unwrap_or(false)
    }

    /// The body span of view bytes `start..end` (end exclusive, non-empty).
    pub fn body_span(&self, start: usize, end: usize) -> Span {
        Span {
            start: self.src_start[start],
            end: self.src_end[end - 1],
        }
    }

    /// Global token indices covered by view bytes `start..end`.
    pub fn tokens(&self, start: usize, end: usize) -> std::ops::Range<u32> {
        self.token_of[start]..self.token_of[end - 1] + 1
    }

    /// The view text between two view positions, trimmed ("'s", " of ").
    pub fn between(&self, end: usize, start: usize) -> &str {
        if end >= start {
            return "";
        }
        self.text[end..start].trim()
    }

    /// The word just before view byte `index` ("in" before "in moscow").
    pub fn word_before(&self, index: usize) -> &str {
        let head = self.text[..index].trim_end();
        let from = head.rfind([' ', '(', '"', '\'']).map_or(0, |i| i + 1);
        &head[from..]
    }
}

fn grow_to(flags: &mut Vec<bool>, index: usize) {
    if flags.len() <= index {
        flags.resize(index + 1, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::{Meta, Token, TokenKind};

    fn doc_with_tokens(body: &str, pieces: &[(usize, usize, TokenKind)]) -> Doc {
        let mut doc = Doc::new(Meta::default(), body.to_string());
        doc.tokens = pieces
            .iter()
            .map(|&(start, end, kind)| Token {
                span: Span::new(start, end),
                kind,
            })
            .collect();
        doc
    }

    #[test]
    fn folds_case_apostrophes_and_gaps() {
        let body = "TRUMP’S call\nwith Putin";
        let doc = doc_with_tokens(
            body,
            &[
                (0, 5, TokenKind::Word),
                (5, 9, TokenKind::Word),
                (10, 14, TokenKind::Word),
                (15, 19, TokenKind::Word),
                (20, 25, TokenKind::Word),
            ],
        );
        let view = SegmentText::new(&doc, 0, &doc.tokens);
        assert_eq!(view.text, "trump's call with putin");
        assert!(view.can_start(0) && view.can_end(5) && view.can_end(7));
        assert!(!view.can_end(3));
        assert_eq!(&body[view.body_span(0, 5)], "TRUMP");
        assert_eq!(&body[view.body_span(18, 23)], "Putin");
        assert_eq!(view.tokens(8, 17), 2..4);
        assert_eq!(view.word_before(18), "with");
        assert!(!view.all_caps);
    }

    #[test]
    fn hyphenated_words_split_for_names() {
        let body = "the Trump-Putin call";
        let doc = doc_with_tokens(
            body,
            &[
                (0, 3, TokenKind::Word),
                (4, 15, TokenKind::Word),
                (16, 20, TokenKind::Word),
            ],
        );
        let view = SegmentText::new(&doc, 0, &doc.tokens);
        assert!(view.can_end(9) && view.can_start(10) && view.can_end(15));
        assert_eq!(&body[view.body_span(10, 15)], "Putin");
        assert_eq!(fold_key("  Côte   d’Ivoire "), "côte d'ivoire");
    }
}
