//! The start state: every token's first tag, before contextual rules run.
//!
//! Punctuation and symbols get their Penn tags by rule. Words are looked up
//! in the lexicon as written; a segment's first word is also looked up in
//! lower case, a heading's words in lower case first, and a line in
//! capitals in lower case, then title case ("RUSSIA" -> "Russia"). Words
//! the lexicon does not know are names (NNP) when capitalised; otherwise
//! they start as NN and the lexical rules guess from spelling and
//! neighbours.

use std::borrow::Cow;
use std::sync::LazyLock;

use dateline_model::{Pos, Token, TokenKind};
use rustc_hash::FxHashSet;

use crate::lexicon::{LEXICON, Lexicon};
use crate::rules::lexical::{self, UnknownWord};

/// How a segment is written, which decides how capitals are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Casing {
    /// Ordinary prose: capitals mark names and the first word.
    Prose,
    /// A heading in title case: capitals say little.
    TitleCase,
    /// Written in capitals throughout: capitals say nothing.
    Capitals,
}

/// A segment's tokens, with the text they point into.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SegmentView<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub casing: Casing,
}

impl<'a> SegmentView<'a> {
    pub(crate) fn word(&self, token_idx: usize) -> &'a str {
        &self.text[self.tokens[token_idx].span]
    }

    /// The word the rules and the lexicon see: curly apostrophes made
    /// straight ("’s" -> "'s"), and lower case in a segment in capitals.
    pub(crate) fn normalised_word(&self, token_idx: usize) -> Cow<'a, str> {
        let word = self.word(token_idx);
        let straight = if word.contains('’') {
            Cow::Owned(word.replace('’', "'"))
        } else {
            Cow::Borrowed(word)
        };
        match self.casing {
            Casing::Capitals if self.tokens[token_idx].kind == TokenKind::Word => {
                Cow::Owned(straight.to_lowercase())
            }
            _ => straight,
        }
    }
}

/// The casing of a segment: capitals when it has two or more words with
/// letters and none of them has a lower-case letter.
pub(crate) fn casing_of(text: &str, tokens: &[Token], is_heading: bool) -> Casing {
    let mut n_words = 0;
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let word = &text[token.span];
        if word.chars().any(char::is_lowercase) {
            return if is_heading {
                Casing::TitleCase
            } else {
                Casing::Prose
            };
        }
        n_words += usize::from(word.chars().any(char::is_alphabetic));
    }
    match (n_words >= 2, is_heading) {
        (true, _) => Casing::Capitals,
        (false, true) => Casing::TitleCase,
        (false, false) => Casing::Prose,
    }
}

/// A token's start tag and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Start {
    pub tag: Pos,
    pub origin: Origin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// The lexicon's reading of the word as written (or as a name).
    Listed,
    /// The lexicon's reading of the word in lower case: a common word.
    ListedLowerCase,
    /// An unknown capitalised word: a name.
    UnknownName,
    /// Punctuation, numbers and the lexical rules' guesses.
    Guessed,
}

/// The start tag of token `token_idx`.
pub(crate) fn start_tag(segment: &SegmentView<'_>, token_idx: usize) -> Start {
    let token = segment.tokens[token_idx];
    let guessed = |tag| Start {
        tag,
        origin: Origin::Guessed,
    };
    match token.kind {
        TokenKind::Punct => guessed(punctuation_tag(segment, token_idx)),
        TokenKind::Symbol => guessed(symbol_tag(segment.word(token_idx))),
        TokenKind::Number => guessed(number_tag(segment, token_idx)),
        TokenKind::Word => word_tag(segment, token_idx),
    }
}

fn word_tag(segment: &SegmentView<'_>, token_idx: usize) -> Start {
    let lexicon: &Lexicon = &LEXICON;
    let word = segment.word(token_idx);
    let straight = if word.contains('’') {
        Cow::Owned(word.replace('’', "'"))
    } else {
        Cow::Borrowed(word)
    };
    let listed = |tag| Start {
        tag,
        origin: Origin::Listed,
    };
    let listed_lower = |tag| Start {
        tag,
        origin: Origin::ListedLowerCase,
    };
    let exact = lexicon.get(&straight).map(listed);
    let lower = || lexicon.get(&straight.to_lowercase()).map(listed_lower);
    let capitals_matter = segment.casing == Casing::Prose && !opens_segment(segment, token_idx);
    let found = if capitals_matter {
        exact
    } else if is_name_word(&straight) {
        Some(listed(Pos::Nnp))
    } else {
        match segment.casing {
            // "Police said": a listed name may hide a common word at the
            // start of a sentence, unless a singular noun ("Bush said") or
            // the start of a longer name ("North Korea").
            Casing::Prose => match (exact, lower()) {
                (Some(name), Some(common))
                    if name.tag.is_proper_noun()
                        && common.tag != Pos::Nn
                        && !next_is_capitalised_word(segment, token_idx) =>
                {
                    Some(common)
                }
                (exact, lower) => exact.or(lower),
            },
            // Headings capitalise every word, so the common reading comes
            // first, except for acronyms ("US", "UN").
            Casing::TitleCase if is_acronym(&straight) => exact.or_else(lower),
            Casing::TitleCase => lower().or(exact),
            // In capitals only a short listed name ("UN", "NATO") shows itself.
            Casing::Capitals
                if straight.len() <= 4 && exact.is_some_and(|e| e.tag.is_proper_noun()) =>
            {
                exact
            }
            Casing::Capitals => lower()
                .or_else(|| {
                    lexicon
                        .get(&title_case(&straight.to_lowercase()))
                        .map(listed)
                })
                .or(exact),
        }
    };
    found.unwrap_or_else(|| unknown_word_tag(segment, token_idx, &straight))
}

/// Names that are also words ("Trump", "May"), from `data/lexicon/name-words.txt`.
fn is_name_word(word: &str) -> bool {
    static NAME_WORDS_TEXT: &str = include_str!("../../../data/lexicon/name-words.txt");
    static NAME_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
        NAME_WORDS_TEXT
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    });
    let mut chars = word.chars();
    let title_cased =
        chars.next().is_some_and(char::is_uppercase) && !chars.any(char::is_uppercase);
    let as_written = if title_cased {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(title_case(&word.to_lowercase()))
    };
    word.starts_with(char::is_uppercase) && NAME_WORDS.contains(as_written.as_ref())
}

/// Two or more letters, all capitals: "US", "NATO", "U.N.".
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

fn next_is_capitalised_word(segment: &SegmentView<'_>, token_idx: usize) -> bool {
    segment.tokens.get(token_idx + 1).is_some_and(|next| {
        next.kind == TokenKind::Word && segment.text[next.span].starts_with(char::is_uppercase)
    })
}

/// True for the first word of a segment, also after opening quotes,
/// brackets and dashes.
fn opens_segment(segment: &SegmentView<'_>, token_idx: usize) -> bool {
    segment.tokens[..token_idx]
        .iter()
        .all(|token| token.kind == TokenKind::Punct)
}

/// Unknown capitalised words are names; other unknown words start as NN
/// and the lexical rules guess from their spelling and neighbours.
fn unknown_word_tag(segment: &SegmentView<'_>, token_idx: usize, word: &str) -> Start {
    if word.starts_with(char::is_uppercase) {
        return Start {
            tag: Pos::Nnp,
            origin: Origin::UnknownName,
        };
    }
    let neighbour = |idx: Option<usize>| {
        idx.and_then(|idx| segment.tokens.get(idx))
            .map(|t| &segment.text[t.span])
    };
    let unknown = UnknownWord {
        word,
        previous: neighbour(token_idx.checked_sub(1)),
        next: neighbour(Some(token_idx + 1)),
    };
    Start {
        tag: lexical::guess_tag(unknown, Pos::Nn, &LEXICON),
        origin: Origin::Guessed,
    }
}

/// Plain numbers ("2", "1,200", "1980s") are CD whatever the lexicon says:
/// its Twitter entries read "2" and "4" as "to" and "for".
fn number_tag(segment: &SegmentView<'_>, token_idx: usize) -> Pos {
    let word = segment.word(token_idx);
    let is_plain_number = word
        .trim_end_matches('s')
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/'));
    if is_plain_number {
        return Pos::Cd;
    }
    LEXICON
        .get(word)
        .unwrap_or_else(|| unknown_word_tag(segment, token_idx, word).tag)
}

fn punctuation_tag(segment: &SegmentView<'_>, token_idx: usize) -> Pos {
    match segment.word(token_idx) {
        "," => Pos::Comma,
        "." | "?" | "!" | "¿" | "¡" => Pos::Period,
        "(" | "[" | "{" => Pos::OpenParen,
        ")" | "]" | "}" => Pos::CloseParen,
        "“" | "‘" | "«" | "„" | "‚" | "‹" | "`" => Pos::OpenQuote,
        "”" | "»" | "›" => Pos::CloseQuote,
        "\"" | "'" | "’" => straight_quote_tag(segment, token_idx),
        "/" | "\\" | "•" | "·" => Pos::Sym,
        _ => Pos::Colon,
    }
}

/// A straight quote opens when a space (or nothing) is before it and a word
/// right after it; an apostrophe right after a word in -s before another
/// word is a possessive ("the ministers' talks").
fn straight_quote_tag(segment: &SegmentView<'_>, token_idx: usize) -> Pos {
    let token = segment.tokens[token_idx];
    let previous = token_idx.checked_sub(1).map(|idx| segment.tokens[idx]);
    let next = segment.tokens.get(token_idx + 1);
    let attached_before = previous.is_some_and(|p| p.span.end == token.span.start);
    let attached_after = next.is_some_and(|n| n.span.start == token.span.end);
    let quote = segment.word(token_idx);
    let after_plural = previous
        .is_some_and(|p| p.kind == TokenKind::Word && segment.text[p.span].ends_with(['s', 'S']));
    let single_quote_open = segment.tokens[..token_idx]
        .iter()
        .any(|t| matches!(&segment.text[t.span], "‘" | "`"));
    if quote != "\""
        && attached_before
        && !attached_after
        && after_plural
        && !single_quote_open
        && next.is_some_and(|n| n.kind == TokenKind::Word)
    {
        return Pos::PossessiveEnding;
    }
    if !attached_before && (attached_after || next.is_none()) || previous.is_none() {
        Pos::OpenQuote
    } else {
        Pos::CloseQuote
    }
}

fn symbol_tag(symbol: &str) -> Pos {
    match symbol {
        "$" | "€" | "£" | "¥" | "₹" | "₽" | "₩" | "₪" | "₺" | "₴" => Pos::Dollar,
        "#" => Pos::Hash,
        "%" => Pos::Nn,
        "&" => Pos::Cc,
        _ => Pos::Sym,
    }
}

fn title_case(lower: &str) -> String {
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
