//! Word forms as the models see them: normalised, hashed once per token.
//!
//! News text and the treebank write the same word differently (curly and
//! straight quotes, long and short dashes, digits of any value), and the
//! segmenter keeps lower-case hyphenated compounds whole ("Kremlin-backed"
//! splits, "de-escalate" does not) where the treebank splits at every
//! hyphen. Features therefore read a normalised form, and a compound also
//! offers its last part ("backed"), which carries its grammar.

use crate::hash::{hash_str, mix};

/// One token's precomputed feature atoms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordAtoms {
    /// The normalised lower-case form.
    pub form: u64,
    /// The form as written (case kept), normalised.
    pub cased: u64,
    pub suffix: [u64; 4],
    pub prefix: [u64; 3],
    /// Spelling shape ("Xxx", "dd-dd", "X.X.").
    pub shape: u64,
    /// The part after the last inner hyphen, or 0 when there is none.
    pub last_part: u64,
    /// Coarse class: capitalised, all caps, digits, punctuation.
    pub class: u64,
}

/// Hash of the padding word before the sentence and of the parser's root.
pub(crate) const START: u64 = 0x5354_4152_545f_5f5f;
pub(crate) const ROOT: u64 = 0x524f_4f54_5f5f_5f5f;

impl WordAtoms {
    pub fn new(text: &str) -> WordAtoms {
        let mut normal = String::with_capacity(text.len());
        let mut cased = String::with_capacity(text.len());
        for c in text.chars() {
            let c = normalise_char(c);
            cased.push(c);
            normal.extend(c.to_lowercase());
        }
        let chars: Vec<char> = normal.chars().collect();
        let mut suffix = [0; 4];
        let mut prefix = [0; 3];
        for (len, slot) in suffix.iter_mut().enumerate() {
            let start = chars.len().saturating_sub(len + 1);
            *slot = mix(0x5355 + len as u64, hash_chars(&chars[start..]));
        }
        for (len, slot) in prefix.iter_mut().enumerate() {
            let end = chars.len().min(len + 1);
            *slot = mix(0x5052 + len as u64, hash_chars(&chars[..end]));
        }
        let last_part = normal
            .rsplit_once('-')
            .filter(|(head, tail)| !head.is_empty() && !tail.is_empty())
            .map_or(0, |(_, tail)| hash_str(tail));
        WordAtoms {
            form: hash_str(&normal),
            cased: hash_str(&cased),
            suffix,
            prefix,
            shape: hash_str(&shape(text)),
            last_part,
            class: class_of(text),
        }
    }

    /// Whether the word is punctuation (starts with neither a letter nor a
    /// digit).
    pub fn is_punctuation(&self) -> bool {
        self.class == mix(0x434c, 5)
    }
}

/// Quotes, apostrophes, dashes and digits as the treebank mostly writes them.
fn normalise_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{2212}' => '-',
        '0'..='9' => '0',
        _ => c,
    }
}

fn hash_chars(chars: &[char]) -> u64 {
    chars
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, &c| mix(h, c as u64))
}

/// "Obama" -> "Xx", "U.S." -> "X.X.", "1,200" -> "d,d", "de-escalate" -> "x-x":
/// letters and digits by class, runs longer than two collapsed.
fn shape(text: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    let mut run = 0;
    for c in text.chars().take(40) {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            normalise_char(c)
        };
        run = if Some(class) == last { run + 1 } else { 1 };
        last = Some(class);
        if run <= 2 {
            out.push(class);
        }
    }
    out
}

fn class_of(text: &str) -> u64 {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    let has_lower = text.chars().any(char::is_lowercase);
    let has_digit = text.chars().any(|c| c.is_ascii_digit());
    let class = if first.is_uppercase() && !has_lower && text.chars().count() > 1 {
        1
    } else if first.is_uppercase() {
        2
    } else if has_digit {
        3
    } else if first.is_alphabetic() {
        4
    } else {
        5
    };
    mix(0x434c, class)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Obama"), "Xxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1,200"), "d,dd");
        assert_eq!(shape("de-escalate"), "xx-xx");
    }

    #[test]
    fn curly_and_straight_quotes_are_one_word() {
        assert_eq!(WordAtoms::new("’s"), WordAtoms::new("'s"));
        assert_eq!(WordAtoms::new("Don’t").form, WordAtoms::new("don't").form);
        assert_eq!(WordAtoms::new("2024").form, WordAtoms::new("1999").form);
    }

    #[test]
    fn compounds_offer_their_last_part() {
        assert_eq!(
            WordAtoms::new("Kremlin-backed").last_part,
            hash_str("backed")
        );
        assert_eq!(WordAtoms::new("backed").last_part, 0);
        assert_eq!(WordAtoms::new("-").last_part, 0);
    }
}
