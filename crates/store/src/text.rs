//! `--text`: words and "quoted phrases", all of which an article must contain.
//!
//! The query is reduced to lower-case letter-and-digit words before it
//! reaches either database, so no user input is ever read as FTS5 or
//! tsquery syntax, and both databases see the same words.

use crate::StoreError;
use crate::backend::Dialect;

/// Parsed `--text`: each term is a word or a phrase of consecutive words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextQuery {
    terms: Vec<Vec<String>>,
}

impl TextQuery {
    /// Parses words and double-quoted phrases; `Kyiv's "air strike"` gives
    /// the phrase `kyiv s`, and the phrase `air strike`.
    pub fn parse(text: &str) -> Result<TextQuery, StoreError> {
        let mut terms = Vec::new();
        for (idx, part) in text.split('"').enumerate() {
            let inside_quotes = idx % 2 == 1;
            if inside_quotes {
                terms.push(words(part));
            } else {
                terms.extend(part.split_whitespace().map(words));
            }
        }
        terms.retain(|term| !term.is_empty());
        if terms.is_empty() {
            return Err(StoreError::Query(format!(
                "--text {text:?} has no word to search for"
            )));
        }
        Ok(TextQuery { terms })
    }

    /// Every word of every term.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().flatten().map(String::as_str)
    }

    /// The query in the dialect's full-text syntax.
    pub fn to_sql_text(&self, dialect: Dialect) -> String {
        match dialect {
            Dialect::Sqlite => self
                .terms
                .iter()
                .map(|term| format!("\"{}\"", term.join(" ")))
                .collect::<Vec<_>>()
                .join(" AND "),
            Dialect::Postgres => self
                .terms
                .iter()
                .map(|term| format!("({})", term.join(" <-> ")))
                .collect::<Vec<_>>()
                .join(" & "),
        }
    }
}

/// The lower-case runs of letters and digits in `text`.
fn words(text: &str) -> Vec<String> {
    text.split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases_in_both_dialects() {
        let query = TextQuery::parse(r#"Kharkiv "air strike""#).unwrap();
        assert_eq!(
            query.to_sql_text(Dialect::Sqlite),
            r#""kharkiv" AND "air strike""#
        );
        assert_eq!(
            query.to_sql_text(Dialect::Postgres),
            "(kharkiv) & (air <-> strike)"
        );
    }

    #[test]
    fn syntax_characters_never_reach_the_database() {
        let query = TextQuery::parse(r#"NEAR(a b) OR "x* ^y" 'z':*"#).unwrap();
        assert_eq!(
            query.to_sql_text(Dialect::Sqlite),
            r#""near a" AND "b" AND "or" AND "x y" AND "z""#
        );
        assert!(TextQuery::parse(" \"\" !? ").is_err());
    }
}
