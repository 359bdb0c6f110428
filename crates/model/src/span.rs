//! Byte spans into an article's body.

use std::fmt;
use std::ops::{Index, Range};

/// A half-open byte range `[start, end)` into an article's body.
///
/// Every layer of a [`crate::Doc`] (blocks, sentences, tokens, mentions, events)
/// points back into the untouched text with spans, never with copies. `u32`
/// keeps layers compact; readers refuse bodies larger than `u32::MAX` bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// Builds a span; `start <= end` is a programming invariant, not an input check.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} after end {end}");
        Span {
            start: u32::try_from(start).expect("span start exceeds u32"),
            end: u32::try_from(end).expect("span end exceeds u32"),
        }
    }

    /// Builds a span checked against `text`: in bounds and on char boundaries.
    pub fn checked(text: &str, start: usize, end: usize) -> Option<Span> {
        let valid = start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
            && end <= u32::MAX as usize;
        valid.then(|| Span::new(start, end))
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl serde::Serialize for Span {
    /// Spans serialise as `[start, end]`, the public wire form.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        let [start, end] = <[u32; 2]>::deserialize(deserializer)?;
        if start > end {
            return Err(serde::de::Error::custom(format!(
                "span start {start} after end {end}"
            )));
        }
        Ok(Span { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_rejects_split_characters_and_out_of_bounds() {
        let text = "Kyiv’s mayor";
        // The apostrophe is three bytes (4..7); a span ending at 5 splits it.
        assert_eq!(Span::checked(text, 0, 5), None);
        assert_eq!(Span::checked(text, 0, 99), None);
        let span = Span::checked(text, 0, 7).unwrap();
        assert_eq!(&text[span], "Kyiv’");
    }

    #[test]
    fn cover_and_overlap() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(Span::new(0, 10).contains(a));
    }

    #[test]
    fn serialises_as_pair() {
        let json = serde_json::to_string(&Span::new(3, 8)).unwrap();
        assert_eq!(json, "[3,8]");
        let back: Span = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Span::new(3, 8));
        assert!(serde_json::from_str::<Span>("[8,3]").is_err());
    }
}
