//! Lexical rules: tags for unknown words from their spelling and neighbours.
//!
//! Each rule of `data/lexicon/morphology-rules.tsv` reads, as in Brill's
//! tagger, `affix command [length] tag` (any current tag) or
//! `from-tag affix fcommand [length] tag` (only words tagged from-tag):
//!
//! | command | the word ... |
//! |---|---|
//! | `hassuf` / `haspref` | ends / starts with the affix |
//! | `deletesuf` / `deletepref` | is a known word once the affix is cut off |
//! | `addsuf` / `addpref` | makes a known word with the affix added |
//! | `char` | contains the affix |
//! | `goodleft` / `goodright` | stands just left / right of the affix word |

use std::sync::LazyLock;

use dateline_model::Pos;

use super::{parse_tag, rule_lines};
use crate::lexicon::Lexicon;

static RULES_TEXT: &str = include_str!("../../../../data/lexicon/morphology-rules.tsv");

/// The compiled-in rules, parsed once. A unit test parses the file, so this
/// cannot fail at run time.
pub(crate) static LEXICAL_RULES: LazyLock<Vec<LexicalRule>> = LazyLock::new(|| {
    parse_rules(RULES_TEXT).unwrap_or_else(|message| panic!("morphology-rules.tsv:{message}"))
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LexicalRule {
    /// Only words currently carrying this tag; `None` for any word.
    from: Option<Pos>,
    test: Test,
    to: Pos,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Test {
    HasSuffix(&'static str),
    HasPrefix(&'static str),
    DeleteSuffix(&'static str),
    DeletePrefix(&'static str),
    AddSuffix(&'static str),
    AddPrefix(&'static str),
    Contains(&'static str),
    LeftOf(&'static str),
    RightOf(&'static str),
}

/// An unknown word and its neighbours' surface forms.
#[derive(Clone, Copy, Debug)]
pub(crate) struct UnknownWord<'a> {
    pub word: &'a str,
    pub previous: Option<&'a str>,
    pub next: Option<&'a str>,
}

/// Runs every rule in order over one unknown word, starting from `tag`.
pub(crate) fn guess_tag(word: UnknownWord<'_>, tag: Pos, lexicon: &Lexicon) -> Pos {
    LEXICAL_RULES.iter().fold(tag, |tag, rule| {
        let applies = rule.from.is_none_or(|from| from == tag) && rule.test.holds(word, lexicon);
        if applies { rule.to } else { tag }
    })
}

impl Test {
    fn holds(self, unknown: UnknownWord<'_>, lexicon: &Lexicon) -> bool {
        let word = unknown.word;
        match self {
            Test::HasSuffix(affix) => word.len() > affix.len() && word.ends_with(affix),
            Test::HasPrefix(affix) => word.len() > affix.len() && word.starts_with(affix),
            Test::DeleteSuffix(affix) => word
                .strip_suffix(affix)
                .is_some_and(|rest| !rest.is_empty() && lexicon.contains(rest)),
            Test::DeletePrefix(affix) => word
                .strip_prefix(affix)
                .is_some_and(|rest| !rest.is_empty() && lexicon.contains(rest)),
            Test::AddSuffix(affix) => with_affix(word, "", affix, lexicon),
            Test::AddPrefix(affix) => with_affix(word, affix, "", lexicon),
            Test::Contains(affix) => word.contains(affix),
            Test::LeftOf(neighbour) => unknown.next == Some(neighbour),
            Test::RightOf(neighbour) => unknown.previous == Some(neighbour),
        }
    }
}

fn with_affix(word: &str, prefix: &str, suffix: &str, lexicon: &Lexicon) -> bool {
    let mut buffer = String::with_capacity(prefix.len() + word.len() + suffix.len());
    buffer.push_str(prefix);
    buffer.push_str(word);
    buffer.push_str(suffix);
    lexicon.contains(&buffer)
}

fn parse_rules(text: &'static str) -> Result<Vec<LexicalRule>, String> {
    rule_lines(text)
        .map(|(line_number, fields)| parse_rule(line_number, &fields))
        .collect()
}

fn parse_rule(line_number: usize, fields: &[&'static str]) -> Result<LexicalRule, String> {
    let filtered = fields.get(2).is_some_and(|command| {
        command.starts_with('f') && command.len() > 1 && command_test(&command[1..], "").is_some()
    });
    let (from, rest) = if filtered {
        (Some(parse_tag(fields[0], line_number)?), &fields[1..])
    } else {
        (None, fields)
    };
    let [affix, command, .., tag] = rest else {
        return Err(format!("{line_number}: too few columns"));
    };
    let command = if filtered { &command[1..] } else { command };
    let test = command_test(command, affix)
        .ok_or_else(|| format!("{line_number}: unknown command {command:?}"))?;
    let expected_len = if matches!(test, Test::Contains(_) | Test::LeftOf(_) | Test::RightOf(_)) {
        3
    } else {
        4
    };
    if rest.len() != expected_len {
        return Err(format!(
            "{line_number}: expected {expected_len} columns after the from-tag, found {}",
            rest.len()
        ));
    }
    Ok(LexicalRule {
        from,
        test,
        to: parse_tag(tag, line_number)?,
    })
}

fn command_test(command: &str, affix: &'static str) -> Option<Test> {
    let test = match command {
        "hassuf" => Test::HasSuffix(affix),
        "haspref" => Test::HasPrefix(affix),
        "deletesuf" => Test::DeleteSuffix(affix),
        "deletepref" => Test::DeletePrefix(affix),
        "addsuf" => Test::AddSuffix(affix),
        "addpref" => Test::AddPrefix(affix),
        "char" => Test::Contains(affix),
        "goodleft" => Test::LeftOf(affix),
        "goodright" => Test::RightOf(affix),
        _ => return None,
    };
    Some(test)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LEXICON;

    fn guess(word: &str, previous: Option<&str>, start: Pos) -> Pos {
        guess_tag(
            UnknownWord {
                word,
                previous,
                next: None,
            },
            start,
            &LEXICON,
        )
    }

    #[test]
    fn compiled_rules_parse() {
        let rules = parse_rules(RULES_TEXT).unwrap();
        assert!(rules.len() > 100);
        assert_eq!(
            rules[0],
            LexicalRule {
                from: Some(Pos::Nn),
                test: Test::HasSuffix("s"),
                to: Pos::Nns
            }
        );
    }

    #[test]
    fn unknown_words_get_tags_from_their_suffixes() {
        assert_eq!(guess("drones", None, Pos::Nn), Pos::Nns);
        assert_eq!(guess("frobnicating", None, Pos::Nn), Pos::Vbg);
        assert_eq!(guess("tweeted", Some("he"), Pos::Nn), Pos::Vbd);
        assert_eq!(guess("hyperlocal", None, Pos::Nn), Pos::Jj);
    }

    #[test]
    fn malformed_rules_name_their_line() {
        assert_eq!(
            parse_rules("NN\ts\tfhassuf\t1\n").unwrap_err(),
            "1: expected 4 columns after the from-tag, found 3"
        );
        assert_eq!(
            parse_rules("ly\thasfoo\t2\tRB\n").unwrap_err(),
            "1: unknown command \"hasfoo\""
        );
    }
}
