//! PETRARCH's comma options: comma-delimited clauses of a given length are
//! taken out of a sentence before it is coded, so an aside such as ", a
//! senior official said on Saturday" or ", the state's fiercest foe," does
//! not supply a verb or an actor.
//!
//! Lengths count words (punctuation excluded). A clause at the beginning
//! (before the first comma) goes when its length lies in
//! `begin_min..=begin_max`, one between two commas in `min..=max`, one at the
//! end (after the last comma, up to the final punctuation) in
//! `end_min..=end_max`; a maximum of zero turns that kind off. The commas
//! around a removed clause go with it, and a comma that closed a removed
//! aside starts no end clause.

use dateline_model::{Pos, TokenKind};

use crate::sentence::Sentence;

/// Which comma-delimited clauses to hide, by length in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct CommaRules {
    pub min: usize,
    pub max: usize,
    pub begin_min: usize,
    pub begin_max: usize,
    pub end_min: usize,
    pub end_max: usize,
}

impl CommaRules {
    /// No clause is hidden (Dateline's own clause analysis handles asides).
    pub const OFF: CommaRules = CommaRules {
        min: 0,
        max: 0,
        begin_min: 0,
        begin_max: 0,
        end_min: 0,
        end_max: 0,
    };

    /// PETRARCH's defaults, from TABARI: middle 2-8, beginning off, end 2-8.
    pub const PETRARCH: CommaRules = CommaRules {
        min: 2,
        max: 8,
        begin_min: 0,
        begin_max: 0,
        end_min: 2,
        end_max: 8,
    };

    pub fn is_off(&self) -> bool {
        self.max == 0 && self.begin_max == 0 && self.end_max == 0
    }
}

/// What the comma rules need to know of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClauseToken<'a> {
    pub text: &'a str,
    pub kind: TokenKind,
    /// Tagged as a verb.
    pub verb: bool,
    /// Tagged as a verb with tense (VBD, VBZ, VBP).
    pub finite: bool,
}

/// The tokens of a sentence the rules hide (`true` = hidden). Asides go
/// first, then the opening and closing clauses; a clause stays when hiding
/// it would leave the sentence without a verb ("On Monday, Arnor attacked
/// Gondor" keeps its main clause), and a closing clause that starts with a
/// finite verb is the sentence's predicate, not an aside.
pub fn hidden_tokens(tokens: &[ClauseToken], rules: &CommaRules) -> Vec<bool> {
    let mut hidden = vec![false; tokens.len()];
    if rules.is_off() {
        return hidden;
    }
    let commas: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].text == ",")
        .collect();
    let (Some(&first), Some(&last)) = (commas.first(), commas.last()) else {
        return hidden;
    };
    let words = |range: std::ops::Range<usize>| {
        tokens[range]
            .iter()
            .filter(|token| matches!(token.kind, TokenKind::Word | TokenKind::Number))
            .count()
    };
    let within = |n: usize, min: usize, max: usize| max > 0 && (min..=max).contains(&n);
    for pair in commas.windows(2) {
        if within(words(pair[0] + 1..pair[1]), rules.min, rules.max) {
            hide(tokens, &mut hidden, pair[0]..pair[1] + 1);
        }
    }
    if within(words(0..first), rules.begin_min, rules.begin_max) && !hidden[first] {
        hide(tokens, &mut hidden, 0..first + 1);
    }
    // A last comma that closed an aside starts no end clause: "Arnor, the
    // old kingdom, attacked Gondor" keeps its predicate, which follows the
    // comma with a finite verb.
    let end = final_punctuation_start(tokens);
    let predicate_follows = tokens.get(last + 1).is_some_and(|token| token.finite);
    if end > last
        && !hidden[last]
        && !predicate_follows
        && within(words(last + 1..end), rules.end_min, rules.end_max)
    {
        hide(tokens, &mut hidden, last..end);
    }
    hidden
}

/// The tokens of a prepared sentence the rules hide.
pub(crate) fn hidden_in(sentence: &Sentence, rules: &CommaRules) -> Vec<bool> {
    let tokens: Vec<ClauseToken> = (0..sentence.len())
        .map(|idx| {
            let pos = sentence.pos(idx);
            ClauseToken {
                text: sentence.form(idx),
                kind: sentence.doc.tokens[sentence.doc_token(idx)].kind,
                verb: pos.is_some_and(Pos::is_verb),
                finite: matches!(pos, Some(Pos::Vbd | Pos::Vbz | Pos::Vbp)),
            }
        })
        .collect();
    hidden_tokens(&tokens, rules)
}

/// Hides `range` unless no verb would be left visible outside it.
fn hide(tokens: &[ClauseToken], hidden: &mut [bool], range: std::ops::Range<usize>) {
    let verb_left =
        (0..tokens.len()).any(|idx| !range.contains(&idx) && !hidden[idx] && tokens[idx].verb);
    if verb_left {
        hidden[range].fill(true);
    }
}

/// Where the sentence's closing punctuation starts (its length if none).
fn final_punctuation_start(tokens: &[ClauseToken]) -> usize {
    let mut end = tokens.len();
    while end > 0 && tokens[end - 1].kind == TokenKind::Punct && tokens[end - 1].text != "," {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Verbs of the test sentences (all finite).
    const VERBS: &[&str] = &["attacked", "said", "left", "rode"];

    /// Splits a sentence written with spaces around punctuation.
    fn tokens(text: &str) -> Vec<ClauseToken<'_>> {
        text.split(' ')
            .map(|t| {
                let kind = if t.chars().all(|c| c.is_ascii_punctuation()) {
                    TokenKind::Punct
                } else {
                    TokenKind::Word
                };
                ClauseToken {
                    text: t,
                    kind,
                    verb: VERBS.contains(&t),
                    finite: VERBS.contains(&t),
                }
            })
            .collect()
    }

    fn kept(text: &str, rules: &CommaRules) -> String {
        let tokens = tokens(text);
        let hidden = hidden_tokens(&tokens, rules);
        tokens
            .iter()
            .zip(hidden)
            .filter(|(_, hidden)| !hidden)
            .map(|(t, _)| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn petrarch_defaults_drop_asides_and_trailing_attribution() {
        let rules = CommaRules::PETRARCH;
        assert_eq!(
            kept(
                "Arnor , the old northern kingdom , attacked Gondor .",
                &rules
            ),
            "Arnor attacked Gondor ."
        );
        assert_eq!(
            kept("Arnor attacked Gondor , a senior official said .", &rules),
            "Arnor attacked Gondor ."
        );
        assert_eq!(
            kept("On Monday , Arnor attacked Gondor .", &rules),
            "On Monday , Arnor attacked Gondor ."
        );
    }

    #[test]
    fn lengths_bound_each_kind_and_zero_turns_it_off() {
        let rules = CommaRules {
            begin_min: 1,
            begin_max: 3,
            ..CommaRules::PETRARCH
        };
        assert_eq!(
            kept("On Monday , Arnor attacked Gondor .", &rules),
            "Arnor attacked Gondor ."
        );
        let long_aside = "Arnor , whose riders left the far north last winter to find new lands , attacked Gondor .";
        assert_eq!(
            kept(long_aside, &CommaRules::PETRARCH),
            long_aside,
            "an aside of more than eight words stays"
        );
        let aside = "Arnor , the old kingdom , attacked Gondor .";
        assert_eq!(kept(aside, &CommaRules::OFF), aside);
    }

    #[test]
    fn a_clause_holding_the_only_verb_stays() {
        assert_eq!(
            kept(
                "In the spring of that year , Arnor attacked Gondor .",
                &CommaRules::PETRARCH
            ),
            "In the spring of that year , Arnor attacked Gondor ."
        );
    }
}
