//! Sentence ends inside one region of text, decided on its tokens.
//!
//! A sentence can end after ".", "?", "!", an ellipsis or an abbreviation that
//! carries its period. Closing quotes and brackets that follow go with the
//! sentence (`...peace." The talks` ends after the quote). Whether it really
//! ends depends on the token after that:
//!
//! - after ".", "?" and "!": not before a lower-case word (`"Why?" he asked`)
//!   or a comma, semicolon or colon;
//! - after an ellipsis: only before a capitalised word or an opening quote;
//! - after an abbreviation: by its kind (see `data/lexicon/abbreviations.tsv`);
//!   "U.S."-like ones end only before a sentence-starting word such as "The"
//!   or "He", so "the U.S. Treasury" stays whole and "the U.S. The move" splits.

use dateline_model::{Token, TokenKind};

use crate::abbreviation::{self, AbbreviationKind};
use crate::starter;

/// What kind of mark might end a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Terminator {
    FullStop,
    QuestionOrExclamation,
    Ellipsis,
    Abbreviation(AbbreviationKind),
}

/// Token indices (exclusive ends, relative to `tokens`) where sentences end.
/// The last end is always `tokens.len()`, unless the region holds no word
/// or number at all, when there is no sentence and no end.
pub(crate) fn sentence_ends(body: &str, tokens: &[Token]) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut token_idx = 0;
    // A sentence needs a word or number: `"...` alone never ends one.
    let mut has_content = false;
    while token_idx < tokens.len() {
        let token = &tokens[token_idx];
        let terminator = terminator_of(body, token);
        has_content |= matches!(token.kind, TokenKind::Word | TokenKind::Number);
        let Some(terminator) = terminator.filter(|_| has_content) else {
            token_idx += 1;
            continue;
        };
        let end = end_after_closers(body, tokens, token_idx + 1);
        let quote_closed = tokens[token_idx + 1..end]
            .iter()
            .any(|closer| is_quote(&body[closer.span]));
        if ends_sentence(body, terminator, quote_closed, &tokens[end..]) {
            ends.push(end);
            has_content = false;
        }
        token_idx = end;
    }
    if ends.last() != Some(&tokens.len()) && has_content {
        ends.push(tokens.len());
    } else if let Some(last) = ends.last_mut() {
        // Stray marks after the last sentence (a lone quote) join it.
        *last = tokens.len();
    }
    ends
}

fn terminator_of(body: &str, token: &Token) -> Option<Terminator> {
    let text = &body[token.span];
    match token.kind {
        TokenKind::Punct => match text {
            "." => Some(Terminator::FullStop),
            "?" | "!" => Some(Terminator::QuestionOrExclamation),
            "…" => Some(Terminator::Ellipsis),
            _ if text.len() > 1 && text.bytes().all(|b| b == b'.') => Some(Terminator::Ellipsis),
            _ => None,
        },
        TokenKind::Word => abbreviation::kind_of_token(text).map(Terminator::Abbreviation),
        TokenKind::Number | TokenKind::Symbol => None,
    }
}

/// The index after any further terminators and closing marks from `start`.
fn end_after_closers(body: &str, tokens: &[Token], start: usize) -> usize {
    let mut end = start;
    while let Some(token) = tokens.get(end) {
        let text = &body[token.span];
        let is_more_terminators = token.kind == TokenKind::Punct
            && text.chars().all(|c| matches!(c, '.' | '?' | '!' | '…'));
        let attached_to_previous = tokens[end - 1].span.end == token.span.start;
        let is_closer = match text {
            ")" | "]" | "”" | "’" | "»" | "›" => true,
            "\"" | "'" => attached_to_previous,
            _ => false,
        };
        if !(is_more_terminators || is_closer) {
            break;
        }
        end += 1;
    }
    end
}

fn ends_sentence(body: &str, terminator: Terminator, quote_closed: bool, rest: &[Token]) -> bool {
    let Some(next) = rest.first() else {
        return true;
    };
    let next_text = &body[next.span];
    match terminator {
        Terminator::FullStop | Terminator::QuestionOrExclamation => {
            !starts_lowercase(next_text) && !matches!(next_text, "," | ";" | ":")
        }
        Terminator::Ellipsis => {
            starts_capitalised(next_text) || opens_capitalised_quote(body, rest)
        }
        Terminator::Abbreviation(kind) => match kind {
            AbbreviationKind::Title | AbbreviationKind::Connective | AbbreviationKind::Number => {
                false
            }
            AbbreviationKind::Month if next.kind == TokenKind::Number => false,
            AbbreviationKind::Time => {
                (starts_capitalised(next_text) && !is_time_zone(body, rest))
                    || opens_capitalised_quote(body, rest)
            }
            AbbreviationKind::Month | AbbreviationKind::General => {
                (quote_closed && starts_capitalised(next_text))
                    || (next.kind == TokenKind::Word && starter::is_capitalised_starter(next_text))
                    || opens_capitalised_quote(body, rest)
            }
        },
    }
}

/// True when `rest` opens with a time zone: a word in capitals ("EST", "GMT")
/// or a word followed by "time" ("Moscow time").
fn is_time_zone(body: &str, rest: &[Token]) -> bool {
    let Some(zone) = rest.first() else {
        return false;
    };
    let zone_text = &body[zone.span];
    let in_capitals = zone_text.chars().count() >= 2 && !zone_text.chars().any(char::is_lowercase);
    let before_time = rest.get(1).is_some_and(|word| &body[word.span] == "time");
    in_capitals || before_time
}

/// True when `rest` opens with a quote followed by a capitalised word:
/// `... the U.S. "We will ...`.
fn opens_capitalised_quote(body: &str, rest: &[Token]) -> bool {
    let [quote, word, ..] = rest else {
        return false;
    };
    let is_opening_quote =
        matches!(&body[quote.span], "“" | "\"" | "‘" | "«") && quote.span.end == word.span.start;
    is_opening_quote && starts_capitalised(&body[word.span])
}

fn is_quote(text: &str) -> bool {
    matches!(text, "\"" | "'" | "”" | "’" | "»" | "›")
}

fn starts_lowercase(text: &str) -> bool {
    text.starts_with(char::is_lowercase)
}

fn starts_capitalised(text: &str) -> bool {
    text.starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        let mut start = 0;
        sentence_ends(text, &tokens)
            .into_iter()
            .map(|end| {
                let span = tokens[start].span.start as usize..tokens[end - 1].span.end as usize;
                start = end;
                &text[span]
            })
            .collect()
    }

    #[test]
    fn us_splits_only_before_a_sentence_starter() {
        assert_eq!(
            sentences("Iran imposed sanctions on the U.S. The move angered Washington."),
            [
                "Iran imposed sanctions on the U.S.",
                "The move angered Washington."
            ]
        );
        assert_eq!(
            sentences("He met U.S. Treasury officials. They agreed."),
            ["He met U.S. Treasury officials.", "They agreed."]
        );
    }

    #[test]
    fn titles_initials_and_months_do_not_end_sentences() {
        for text in [
            "Gen. Mark Milley and Sen. Rand Paul met Mr. Lee on Sept. 3 at No. 10 Downing St. on Monday.",
            "Former President George W. Bush praised J.R.R. Tolkien.",
            "Talks resumed at 9 a.m. on Friday in St. Petersburg.",
        ] {
            assert_eq!(sentences(text), [text]);
        }
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("\"We will respond,\" he said. \"We want peace.\" The talks end."),
            [
                "\"We will respond,\" he said.",
                "\"We want peace.\"",
                "The talks end."
            ]
        );
        assert_eq!(
            sentences("“Will they attack?” he asked. “No!” She left."),
            ["“Will they attack?” he asked.", "“No!”", "She left."]
        );
    }

    #[test]
    fn ellipses_split_only_before_capitals() {
        assert_eq!(
            sentences("The rebels waited... and waited. Then... Silence fell."),
            [
                "The rebels waited... and waited.",
                "Then...",
                "Silence fell."
            ]
        );
    }

    #[test]
    fn company_suffix_can_end_a_sentence() {
        assert_eq!(
            sentences("Shares of Acme Corp. rose. The deal with Beta Inc. He said so."),
            [
                "Shares of Acme Corp. rose.",
                "The deal with Beta Inc.",
                "He said so."
            ]
        );
    }

    #[test]
    fn abbreviation_in_brackets_does_not_end_before_a_name() {
        let text = "Envoys briefed the (U.S.) Treasury on the plan.";
        assert_eq!(sentences(text), [text]);
    }

    #[test]
    fn a_quote_opening_with_an_ellipsis_is_not_a_sentence() {
        assert_eq!(
            sentences(
                "\"It will grow,\" said Lewis. \"...That does not preclude sales,\" he said."
            ),
            [
                "\"It will grow,\" said Lewis.",
                "\"...That does not preclude sales,\" he said."
            ]
        );
    }

    #[test]
    fn marks_alone_make_no_sentence() {
        assert!(sentences("... — \"").is_empty());
        assert_eq!(sentences("He left. \""), ["He left. \""]);
    }

    #[test]
    fn decimals_and_money_do_not_end_sentences() {
        assert_eq!(
            sentences("Exports rose 2.4% to $3.5 billion. Imports fell."),
            ["Exports rose 2.4% to $3.5 billion.", "Imports fell."]
        );
    }
}
