//! Penn-Treebank-like tokens with byte spans.
//!
//! The scanner walks the text once. A *word* is a run of letters and digits
//! that may hold inner periods ("U.S", "3.5"), digit separators ("1,200",
//! "10:30"), slashes ("June/July"), ampersands ("AT&T") and name apostrophes
//! ("O'Brien"). Around that core it decides, in order:
//!
//! 1. clitics leave the word: "Russia's" -> "Russia" "'s", "didn't" -> "did" "n't";
//! 2. a final period stays on abbreviations ("Mr.", "U.S.", initials "W.");
//! 3. a hyphen splits when a capitalised part meets it ("Trump-Putin",
//!    "U.S.-led", "pro-Russian") and stays inside lower-case compounds,
//!    numbers and single letters ("de-escalate", "F-16", "X-ray");
//! 4. every other mark is a token of its own; "..." and "--" stay whole.

use std::ops::Range;

use dateline_model::{Span, Token, TokenKind};

use crate::abbreviation::{self, AbbreviationKind};

/// Tokenises `text` on its own; spans are byte offsets into `text`.
///
/// ```
/// let text = "Russia's U.S.-led talks didn't start.";
/// let words: Vec<&str> = dateline_segment::tokenize(text).iter().map(|t| &text[t.span]).collect();
/// assert_eq!(words, ["Russia", "'s", "U.S.", "-", "led", "talks", "did", "n't", "start", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, 0..text.len(), &mut tokens);
    tokens
}

/// Appends the tokens of `body[range]` to `tokens`, with spans into `body`.
/// `range` must lie on char boundaries of `body`.
pub(crate) fn tokenize_into(body: &str, range: Range<usize>, tokens: &mut Vec<Token>) {
    let mut scanner = Scanner {
        text: &body[..range.end],
        pos: range.start,
        tokens,
    };
    scanner.run();
}

struct Scanner<'a, 'out> {
    /// The body up to the end of the range; scanning never looks past it.
    text: &'a str,
    pos: usize,
    tokens: &'out mut Vec<Token>,
}

impl Scanner<'_, '_> {
    fn run(&mut self) {
        while let Some(c) = self.peek(self.pos) {
            if c.is_whitespace() {
                self.pos += c.len_utf8();
            } else if let Some(end) = self.url_end(self.pos, c) {
                self.push(self.pos, end, TokenKind::Word);
                self.pos = end;
            } else if c.is_alphanumeric() {
                self.scan_word();
            } else if c == '.' && self.starts_bare_decimal(self.pos) {
                // ".125 dlrs": the period belongs to the number.
                let end = self.word_core_end(self.pos + 1);
                self.push(self.pos, end, TokenKind::Number);
                self.pos = end;
            } else {
                self.scan_mark(c);
            }
        }
    }

    /// Scans a word, its hyphenated continuations and its clitics.
    fn scan_word(&mut self) {
        let mut token_start = self.pos;
        loop {
            let core_end = self.word_core_end(self.pos);
            let mut end = core_end;
            if self.peek(end) == Some('.') && self.period_stays(token_start, core_end) {
                end += 1;
            }
            let Some((hyphen_end, next_core_end)) = self.hyphen_continuation(end) else {
                self.push(token_start, end, kind_of(&self.text[token_start..end]));
                self.pos = end;
                break;
            };
            let left = &self.text[self.pos..end];
            let right = &self.text[hyphen_end..next_core_end];
            if hyphen_splits(left, right) {
                self.push(token_start, end, kind_of(&self.text[token_start..end]));
                self.push(end, hyphen_end, TokenKind::Punct);
                token_start = hyphen_end;
            }
            self.pos = hyphen_end;
        }
        if let Some(clitic_end) = self.clitic_end(self.pos) {
            self.push(self.pos, clitic_end, TokenKind::Word);
            self.pos = clitic_end;
        }
    }

    /// True for a period that opens a number (".125") rather than following a word.
    fn starts_bare_decimal(&self, pos: usize) -> bool {
        let after_space = self.text[..pos]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '$'));
        after_space && self.peek(pos + 1).is_some_and(|c| c.is_ascii_digit())
    }

    /// End of the word core starting at `start`: letters and digits with the
    /// inner joiners described in the module doc. Stops before a clitic.
    fn word_core_end(&self, start: usize) -> usize {
        let mut pos = start;
        loop {
            while let Some(c) = self.peek(pos).filter(|c| c.is_alphanumeric()) {
                pos += c.len_utf8();
            }
            let Some(joiner) = self.peek(pos) else {
                return pos;
            };
            let before = self.text[..pos].chars().next_back();
            let after = self.peek(pos + joiner.len_utf8());
            let (Some(before), Some(after)) = (before, after) else {
                return pos;
            };
            if is_apostrophe(joiner) {
                if self.clitic_end(pos).is_some() {
                    return pos;
                }
                if self.negation_clitic_at(pos) {
                    // "didn't": the core ends before the "n".
                    return pos - 1;
                }
                if !after.is_alphabetic() {
                    return pos;
                }
            } else if !joins_inside_word(joiner, before, after) {
                return pos;
            }
            pos += joiner.len_utf8();
        }
    }

    /// True when the period after `text[token_start..core_end]` belongs to an
    /// abbreviation rather than ending the sentence.
    fn period_stays(&self, token_start: usize, core_end: usize) -> bool {
        let core = &self.text[token_start..core_end];
        if core.starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        let with_period = &self.text[token_start..core_end + 1];
        match abbreviation::listed(with_period) {
            Some(AbbreviationKind::Number) => self.digit_follows(core_end + 1),
            Some(_) => true,
            None => abbreviation::is_letter_period_run(core),
        }
    }

    fn digit_follows(&self, pos: usize) -> bool {
        self.text[pos..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    }

    /// When a hyphen at `pos` joins this word to another word, the hyphen's
    /// end and the end of the next word's core.
    fn hyphen_continuation(&self, pos: usize) -> Option<(usize, usize)> {
        let hyphen = self.peek(pos).filter(|&c| is_word_hyphen(c))?;
        let next_start = pos + hyphen.len_utf8();
        self.peek(next_start).filter(|c| c.is_alphanumeric())?;
        Some((next_start, self.word_core_end(next_start)))
    }

    /// End of a clitic ("'s", "'re", "n't", curly apostrophes too) starting
    /// at `pos`, when one starts there right after a word and ends the word.
    fn clitic_end(&self, pos: usize) -> Option<usize> {
        if let Some(end) = self.negation_clitic_end(pos) {
            return Some(end);
        }
        let apostrophe = self.peek(pos).filter(|&c| is_apostrophe(c))?;
        let after_word = self.text[..pos]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '.');
        let letters_start = pos + apostrophe.len_utf8();
        let letters_end = self.alphabetic_run_end(letters_start);
        let letters = &self.text[letters_start..letters_end];
        let is_clitic = ["s", "m", "d", "re", "ve", "ll"]
            .iter()
            .any(|clitic| letters.eq_ignore_ascii_case(clitic));
        (after_word && is_clitic && !self.alphanumeric_at(letters_end)).then_some(letters_end)
    }

    /// True when the apostrophe at `pos` is the one in a word-final "n't".
    fn negation_clitic_at(&self, apostrophe_pos: usize) -> bool {
        apostrophe_pos > 0
            && self.text.is_char_boundary(apostrophe_pos - 1)
            && self.negation_clitic_end(apostrophe_pos - 1).is_some()
            && self.text[..apostrophe_pos - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
    }

    /// End of "n't" starting at `pos` when the word ends with it.
    fn negation_clitic_end(&self, pos: usize) -> Option<usize> {
        let mut chars = self.text[pos..].char_indices();
        let (_, n) = chars.next()?;
        let (_, apostrophe) = chars.next()?;
        let (t_offset, t) = chars.next()?;
        let matches = n.eq_ignore_ascii_case(&'n')
            && is_apostrophe(apostrophe)
            && t.eq_ignore_ascii_case(&'t');
        let end = pos + t_offset + 1;
        (matches && !self.alphanumeric_at(end)).then_some(end)
    }

    /// Scans one punctuation mark or symbol at `self.pos`.
    fn scan_mark(&mut self, c: char) {
        let start = self.pos;
        let end = match c {
            '.' | '-' => self.run_end(start, c),
            _ => start + c.len_utf8(),
        };
        let kind = if is_punctuation(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        self.push(start, end, kind);
        self.pos = end;
    }

    /// End of a URL starting at `pos` ("https://...", "www..."), without the
    /// sentence punctuation that may follow it.
    fn url_end(&self, pos: usize, first: char) -> Option<usize> {
        if !matches!(first, 'h' | 'H' | 'w' | 'W') {
            return None;
        }
        let rest = &self.text[pos..];
        let is_url = ["http://", "https://", "www."].iter().any(|prefix| {
            rest.len() > prefix.len()
                && rest
                    .get(..prefix.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        });
        if !is_url {
            return None;
        }
        let raw_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let trimmed = rest[..raw_len].trim_end_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '\'' | '”' | '’'
            )
        });
        Some(pos + trimmed.len())
    }

    fn run_end(&self, start: usize, c: char) -> usize {
        let run_len = self.text[start..].chars().take_while(|&d| d == c).count();
        start + run_len * c.len_utf8()
    }

    fn alphabetic_run_end(&self, start: usize) -> usize {
        let run: usize = self.text[start..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        start + run
    }

    fn alphanumeric_at(&self, pos: usize) -> bool {
        self.peek(pos).is_some_and(char::is_alphanumeric)
    }

    fn peek(&self, pos: usize) -> Option<char> {
        self.text.get(pos..)?.chars().next()
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        if start < end {
            self.tokens.push(Token {
                span: Span::new(start, end),
                kind,
            });
        }
    }
}

/// True when `joiner` between `before` and `after` keeps one word whole:
/// "3.5", "U.S", "1,200", "10:30", "June/July", "AT&T".
fn joins_inside_word(joiner: char, before: char, after: char) -> bool {
    match joiner {
        '.' => before.is_alphanumeric() && after.is_alphanumeric(),
        ',' | ':' => before.is_ascii_digit() && after.is_ascii_digit(),
        '/' => before.is_alphanumeric() && after.is_alphanumeric(),
        '&' => before.is_alphabetic() && after.is_alphabetic(),
        _ => false,
    }
}

/// Decides whether a hyphen between two word parts splits them.
fn hyphen_splits(left: &str, right: &str) -> bool {
    let starts_with_digit = |part: &str| part.starts_with(|c: char| c.is_ascii_digit());
    let is_single_letter = |part: &str| part.chars().count() == 1;
    let is_capitalised = |part: &str| part.starts_with(char::is_uppercase);
    if starts_with_digit(left) || starts_with_digit(right) {
        return false;
    }
    if is_single_letter(left) || is_single_letter(right) || is_arabic_article(left) {
        return false;
    }
    is_capitalised(left) || is_capitalised(right)
}

/// Arabic name articles stay on the name: "al-Assad", "el-Sisi", "Al-Shabaab".
fn is_arabic_article(part: &str) -> bool {
    ["al", "el", "ad", "ash", "as", "at", "az", "ibn", "bin"]
        .iter()
        .any(|article| part.eq_ignore_ascii_case(article))
}

fn kind_of(token_text: &str) -> TokenKind {
    if token_text.starts_with(|c: char| c.is_numeric()) {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_word_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Marks tagged as punctuation; every other non-word character is a symbol.
fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '¡'
            | '¿'
            | '"'
            | '\''
            | '`'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '-'
            | '‐'
            | '‑'
            | '–'
            | '—'
            | '―'
            | '…'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '/'
            | '\\'
            | '•'
            | '·'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span]).collect()
    }

    #[test]
    fn clitics_split_with_straight_and_curly_apostrophes() {
        assert_eq!(words("Russia's army"), ["Russia", "'s", "army"]);
        assert_eq!(words("Kyiv’s mayor"), ["Kyiv", "’s", "mayor"]);
        assert_eq!(words("He didn't."), ["He", "did", "n't", "."]);
        assert_eq!(words("They can’t"), ["They", "ca", "n’t"]);
        assert_eq!(words("We're sure I'm"), ["We", "'re", "sure", "I", "'m"]);
        assert_eq!(
            words("the ministers' talks"),
            ["the", "ministers", "'", "talks"]
        );
    }

    #[test]
    fn name_apostrophes_stay_inside_the_word() {
        assert_eq!(words("O'Brien met D’Alema"), ["O'Brien", "met", "D’Alema"]);
    }

    #[test]
    fn abbreviations_keep_their_periods_and_words_do_not() {
        assert_eq!(
            words("Mr. Smith of the U.S. met Gen. Lee at 3 p.m. today."),
            [
                "Mr.", "Smith", "of", "the", "U.S.", "met", "Gen.", "Lee", "at", "3", "p.m.",
                "today", "."
            ]
        );
        assert_eq!(words("George W. Bush"), ["George", "W.", "Bush"]);
        assert_eq!(words("J.R.R. Tolkien"), ["J.R.R.", "Tolkien"]);
        assert_eq!(
            words("Acme Corp. and Beta Inc."),
            ["Acme", "Corp.", "and", "Beta", "Inc."]
        );
    }

    #[test]
    fn number_abbreviation_needs_a_number_after_it() {
        assert_eq!(words("No. 10 Downing"), ["No.", "10", "Downing"]);
        assert_eq!(words("He said No."), ["He", "said", "No", "."]);
    }

    #[test]
    fn numbers_keep_separators_and_money_splits_its_sign() {
        assert_eq!(
            words("$3.5 billion, 1,200 troops, 2.4% at 10:30"),
            [
                "$", "3.5", "billion", ",", "1,200", "troops", ",", "2.4", "%", "at", "10:30"
            ]
        );
        assert_eq!(
            words("a price of .125 dlrs."),
            ["a", "price", "of", ".125", "dlrs", "."]
        );
        let kinds: Vec<TokenKind> = tokenize("$3.5").iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TokenKind::Symbol, TokenKind::Number]);
    }

    #[test]
    fn hyphens_split_at_capitalised_parts_only() {
        assert_eq!(
            words("Trump-Putin summit"),
            ["Trump", "-", "Putin", "summit"]
        );
        assert_eq!(
            words("U.S.-led coalition"),
            ["U.S.", "-", "led", "coalition"]
        );
        assert_eq!(
            words("pro-Russian forces"),
            ["pro", "-", "Russian", "forces"]
        );
        assert_eq!(
            words("de-escalate the follow-up"),
            ["de-escalate", "the", "follow-up"]
        );
        assert_eq!(
            words("F-16 jets, COVID-19, X-ray"),
            ["F-16", "jets", ",", "COVID-19", ",", "X-ray"]
        );
        assert_eq!(
            words("al-Assad and a 5-year-old"),
            ["al-Assad", "and", "a", "5-year-old"]
        );
    }

    #[test]
    fn dashes_quotes_and_ellipses_are_their_own_tokens() {
        assert_eq!(
            words("“We will respond,” he said — later... Talks--now"),
            [
                "“", "We", "will", "respond", ",", "”", "he", "said", "—", "later", "...", "Talks",
                "--", "now"
            ]
        );
        assert_eq!(words("2019–2020"), ["2019", "–", "2020"]);
    }

    #[test]
    fn urls_stay_whole_without_trailing_punctuation() {
        assert_eq!(
            words("See https://example.org/a?b=1. Then"),
            ["See", "https://example.org/a?b=1", ".", "Then"]
        );
    }

    #[test]
    fn spans_slice_multibyte_text() {
        let text = "Zelenskyy’s aide — “no” … €5";
        let tokens = tokenize(text);
        assert_eq!(
            words(text),
            [
                "Zelenskyy",
                "’s",
                "aide",
                "—",
                "“",
                "no",
                "”",
                "…",
                "€",
                "5"
            ]
        );
        for token in tokens {
            assert!(text.is_char_boundary(token.span.start as usize));
            assert!(text.is_char_boundary(token.span.end as usize));
        }
    }

    #[test]
    fn token_kinds() {
        let text = "Kyiv, 1,200 (€)";
        let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(kinds, [Word, Punct, Number, Punct, Symbol, Punct]);
    }
}
