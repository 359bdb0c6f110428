//! The text syntax of Dateline verb patterns.
//!
//! One pattern a line: a CAMEO code, white space, then the pattern:
//!
//! ```text
//! 041  $ hold (phone|telephone)? (call|conversation) with +
//! 042  $ visit +
//! 036  $ express interest in (talks|discussions) (with +)?
//! ```
//!
//! - `$` is the source actor, `+` the target actor; `%` a coordinated group
//!   whose members act on each other ("Russia and China signed...").
//! - A bare word matches every inflection of it ("hold" matches "held");
//!   `=word` matches that exact form only.
//! - `(a|b c)` is a choice between word sequences; `?` after a word or a
//!   group makes it optional.
//! - `^` skips up to four tokens inside the clause.
//! - `a_b` joins words that must stand next to each other.
//! - The trigger (the word that expresses the action, and the evidence
//!   span) is the first word after `$`, or a word marked `*word`.
//! - `#` starts a comment.

use std::fmt;

/// A parsed element, before words become table ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    Source,
    Target,
    /// `%`: a coordinated group acting on each other.
    Compound,
    /// `adjacent`: must directly follow the previous element (`a_b`).
    Word {
        text: String,
        exact: bool,
        trigger: bool,
        adjacent: bool,
    },
    Choice {
        alternatives: Vec<Vec<Element>>,
        optional: bool,
    },
    Skip,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub column: usize,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

/// Parses the pattern part of a line (after the code) into elements.
pub fn parse_pattern(text: &str) -> Result<Vec<Element>, SyntaxError> {
    let mut parser = Parser {
        text,
        pos: 0,
        joined: false,
    };
    let elements = parser.sequence(false)?;
    if parser.pos < text.len() {
        return Err(parser.error("unexpected ')' or '|'"));
    }
    Ok(elements)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    /// The last word read was `a_b`, returned as a one-alternative group.
    joined: bool,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> SyntaxError {
        SyntaxError {
            column: self.pos + 1,
            message: message.to_string(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    /// Elements up to the end, or up to `|`/`)` inside a group.
    fn sequence(&mut self, in_group: bool) -> Result<Vec<Element>, SyntaxError> {
        let mut elements = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None => return Ok(elements),
                Some('|' | ')') if in_group => return Ok(elements),
                Some('|' | ')') => return Err(self.error("'|' or ')' outside a group")),
                Some(_) => {
                    let element = self.element()?;
                    match element {
                        Element::Choice {
                            alternatives,
                            optional: false,
                        } if alternatives.len() == 1 && self.joined => {
                            elements.extend(alternatives.into_iter().flatten());
                        }
                        element => elements.push(element),
                    }
                    self.joined = false;
                }
            }
        }
    }

    fn element(&mut self) -> Result<Element, SyntaxError> {
        let element = match self.peek() {
            Some('$') => {
                self.pos += 1;
                Element::Source
            }
            Some('+') => {
                self.pos += 1;
                Element::Target
            }
            Some('%') => {
                self.pos += 1;
                Element::Compound
            }
            Some('^') => {
                self.pos += 1;
                Element::Skip
            }
            Some('(') => self.choice()?,
            _ => self.word()?,
        };
        if self.peek() == Some('?') {
            self.pos += 1;
            return match element {
                Element::Choice { alternatives, .. } => Ok(Element::Choice {
                    alternatives,
                    optional: true,
                }),
                Element::Word { .. } => Ok(Element::Choice {
                    alternatives: vec![vec![element]],
                    optional: true,
                }),
                _ => Err(self.error("only words and groups can be optional")),
            };
        }
        Ok(element)
    }

    fn choice(&mut self) -> Result<Element, SyntaxError> {
        self.pos += 1; // '('
        let mut alternatives = vec![self.sequence(true)?];
        while self.peek() == Some('|') {
            self.pos += 1;
            alternatives.push(self.sequence(true)?);
        }
        if self.peek() != Some(')') {
            return Err(self.error("unclosed '('"));
        }
        self.pos += 1;
        if alternatives.iter().any(Vec::is_empty) {
            return Err(self.error("empty alternative in a group"));
        }
        Ok(Element::Choice {
            alternatives,
            optional: false,
        })
    }

    fn word(&mut self) -> Result<Element, SyntaxError> {
        let mut trigger = false;
        let mut exact = false;
        loop {
            match self.peek() {
                Some('*') if !trigger => trigger = true,
                Some('=') if !exact => exact = true,
                _ => break,
            }
            self.pos += 1;
        }
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.' | '&' | '_'))
        {
            self.pos += self.peek().map_or(1, char::len_utf8);
        }
        if start == self.pos {
            return Err(self.error("expected a word, '$', '+', '^' or '('"));
        }
        let text = self.text[start..self.pos].to_lowercase();
        let mut parts = text.split('_').filter(|part| !part.is_empty());
        let first = Element::Word {
            text: parts
                .next()
                .ok_or_else(|| self.error("empty word"))?
                .to_string(),
            exact,
            trigger,
            adjacent: false,
        };
        let rest: Vec<Element> = parts
            .map(|part| Element::Word {
                text: part.to_string(),
                exact,
                trigger: false,
                adjacent: true,
            })
            .collect();
        if rest.is_empty() {
            return Ok(first);
        }
        self.joined = true;
        let mut sequence = vec![first];
        sequence.extend(rest);
        Ok(Element::Choice {
            alternatives: vec![sequence],
            optional: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str) -> Element {
        Element::Word {
            text: text.into(),
            exact: false,
            trigger: false,
            adjacent: false,
        }
    }

    #[test]
    fn parses_slots_words_and_optional_groups() {
        let elements = parse_pattern("$ hold (phone|telephone)? call with +").unwrap();
        assert_eq!(
            elements,
            vec![
                Element::Source,
                word("hold"),
                Element::Choice {
                    alternatives: vec![vec![word("phone")], vec![word("telephone")]],
                    optional: true,
                },
                word("call"),
                word("with"),
                Element::Target,
            ]
        );
    }

    #[test]
    fn parses_multiword_alternatives_markers_and_skips() {
        let elements = parse_pattern("$ =met ^ (by phone|over the phone) with +").unwrap();
        assert_eq!(
            elements[1],
            Element::Word {
                text: "met".into(),
                exact: true,
                trigger: false,
                adjacent: false,
            }
        );
        assert_eq!(elements[2], Element::Skip);
        let Element::Choice { alternatives, .. } = &elements[3] else {
            panic!("expected a choice")
        };
        assert_eq!(
            alternatives[1],
            vec![word("over"), word("the"), word("phone")]
        );
        let trigger = parse_pattern("talks between $ and + *x").unwrap();
        assert!(matches!(&trigger[5], Element::Word { trigger: true, .. }));
    }

    #[test]
    fn joined_words_are_adjacent_and_percent_is_a_compound() {
        let elements = parse_pattern("% *phone_call with +").unwrap();
        assert_eq!(elements[0], Element::Compound);
        assert!(
            matches!(&elements[1], Element::Word { text, trigger: true, .. } if text == "phone")
        );
        assert!(
            matches!(&elements[2], Element::Word { text, adjacent: true, .. } if text == "call")
        );
        assert_eq!(elements[3], word("with"));
    }

    #[test]
    fn reports_errors_with_columns() {
        assert_eq!(parse_pattern("$ meet (with +").unwrap_err().column, 15);
        assert!(parse_pattern("$ meet with + )").is_err());
        assert!(parse_pattern("$ meet (|with) +").is_err());
        assert!(parse_pattern("$? meet").is_err());
    }
}
