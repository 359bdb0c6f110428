//! How inputs are read: the reader's configuration and the input formats.

use chrono::NaiveDate;

/// Settings for reading inputs. `ReadConfig::default()` suits most uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadConfig {
    /// Publication date for articles whose input gives none (`--date`).
    pub default_date: Option<NaiveDate>,
    /// What to do with bytes that are not UTF-8.
    pub utf8: Utf8Policy,
    /// Largest article accepted, in bytes: one text or HTML file, one JSON line,
    /// one WARC record payload, or one whole feed document. Larger ones are
    /// refused with an error and reading goes on with the next record.
    pub max_article_bytes: usize,
    /// Read every input in this format instead of choosing by extension and content.
    pub format: Option<Format>,
}

/// The default largest article: 16 MiB.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

impl Default for ReadConfig {
    fn default() -> ReadConfig {
        ReadConfig {
            default_date: None,
            utf8: Utf8Policy::Lossy,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            format: None,
        }
    }
}

impl ReadConfig {
    /// The article size limit actually enforced: spans are `u32`, so bodies
    /// stay below 4 GiB whatever the configuration says.
    pub(crate) fn article_limit(&self) -> usize {
        self.max_article_bytes.min(u32::MAX as usize - 1)
    }
}

/// Handling of input that is not valid UTF-8.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Utf8Policy {
    /// Replace bad bytes with U+FFFD and warn, naming the first bad byte.
    #[default]
    Lossy,
    /// Refuse the article (or the whole single-article input) with an error.
    Strict,
}

/// An input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// First line `date YYYY-MM-DD Place: ...`, then paragraphs split by blank lines.
    DatelineText,
    /// Paragraphs split by blank lines, no metadata line.
    PlainText,
    /// One JSON object per line.
    Jsonl,
    /// One web page.
    Html,
    /// An RSS 2.0 or Atom feed; each item is an article.
    Feed,
    /// A WARC file (web archive); HTML responses are articles.
    Warc,
}

impl Format {
    /// The name used on the command line and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::DatelineText => "dateline",
            Format::PlainText => "text",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
            Format::Feed => "feed",
            Format::Warc => "warc",
        }
    }

    /// Every format, in the order of [`Format::name`]'s documentation.
    pub const ALL: [Format; 6] = [
        Format::DatelineText,
        Format::PlainText,
        Format::Jsonl,
        Format::Html,
        Format::Feed,
        Format::Warc,
    ];
}

impl std::str::FromStr for Format {
    type Err = crate::ReadError;

    fn from_str(name: &str) -> Result<Format, crate::ReadError> {
        Format::ALL
            .into_iter()
            .find(|format| format.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| crate::ReadError::UnknownFormat(name.to_string()))
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
