//! The tagger's lexicon: each known word's most frequent Penn tag.
//!
//! Brill's lexicon (`data/lexicon/lexicon.tsv`, generated) is read first and
//! Dateline's news additions (`data/lexicon/news-lexicon.tsv`, written by
//! hand) override it, so "US" is a country and "Kyiv" a name.

use std::sync::LazyLock;

use dateline_model::Pos;
use rustc_hash::FxHashMap;

static BRILL_TEXT: &str = include_str!("../../../data/lexicon/lexicon.tsv");
static NEWS_TEXT: &str = include_str!("../../../data/lexicon/news-lexicon.tsv");

/// The compiled-in lexicon; parsed once. A unit test parses both files, so
/// this cannot fail at run time.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon::default();
    lexicon
        .add_entries("lexicon.tsv", BRILL_TEXT)
        .and_then(|()| lexicon.add_entries("news-lexicon.tsv", NEWS_TEXT))
        .unwrap_or_else(|message| panic!("{message}"));
    lexicon
});

#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    words: FxHashMap<&'static str, Pos>,
}

impl Lexicon {
    /// The tag of `word` exactly as written.
    pub(crate) fn get(&self, word: &str) -> Option<Pos> {
        self.words.get(word).copied()
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }

    /// Adds `word<TAB>TAG` lines; later entries override earlier ones.
    fn add_entries(&mut self, file_name: &str, text: &'static str) -> Result<(), String> {
        self.words.reserve(text.len() / 12);
        for (line_idx, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let line_number = line_idx + 1;
            let (word, tag) = line
                .split_once('\t')
                .ok_or_else(|| format!("{file_name}:{line_number}: expected `word<TAB>tag`"))?;
            let pos = tag
                .parse::<Pos>()
                .map_err(|message| format!("{file_name}:{line_number}: {message}"))?;
            self.words.insert(word, pos);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_lexicon_parses_with_news_overrides() {
        assert!(LEXICON.words.len() > 80_000);
        assert_eq!(LEXICON.get("said"), Some(Pos::Vbd));
        assert_eq!(LEXICON.get("US"), Some(Pos::Nnp));
        assert_eq!(LEXICON.get("Kyiv"), Some(Pos::Nnp));
        assert!(LEXICON.contains("talks"));
        assert_eq!(LEXICON.get("Zzyzx-unknown"), None);
    }

    #[test]
    fn malformed_entries_name_file_and_line() {
        let mut lexicon = Lexicon::default();
        assert_eq!(
            lexicon.add_entries("x.tsv", "# c\nword NN\n").unwrap_err(),
            "x.tsv:2: expected `word<TAB>tag`"
        );
        assert_eq!(
            lexicon.add_entries("x.tsv", "word\tXX\n").unwrap_err(),
            "x.tsv:1: unknown part-of-speech tag \"XX\""
        );
    }
}
