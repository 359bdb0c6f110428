//! Assembling an article: blocks pushed in order become the fixed body, with
//! boilerplate and cross-links taken out, then the metadata is completed.

use dateline_model::{Block, BlockKind, Doc, Dropped, Meta, RelatedLink, Span};
use sha2::{Digest, Sha256};

use crate::cues::cues;
use crate::language::detect_language;
use crate::wire_dateline::find_wire_dateline;
use crate::{ReadConfig, ReadError};

/// Paragraphs in the body are separated by exactly one blank line.
pub(crate) const PARAGRAPH_SEPARATOR: &str = "\n\n";

/// Collects an article's blocks and metadata; [`ArticleBuilder::finish`] fixes the body.
#[derive(Debug, Default)]
pub(crate) struct ArticleBuilder {
    pub meta: Meta,
    /// A declared language (HTML `lang`, feed language), used when detection is unsure.
    pub language_hint: Option<String>,
    body: String,
    blocks: Vec<Block>,
    related_links: Vec<RelatedLink>,
    dropped: Vec<Dropped>,
    /// Why there may be no text (e.g. the extractor found no main content).
    no_text_reason: Option<String>,
}

impl ArticleBuilder {
    pub(crate) fn new(meta: Meta) -> ArticleBuilder {
        ArticleBuilder {
            meta,
            ..ArticleBuilder::default()
        }
    }

    /// Adds one block of text. Its ends are trimmed; empty text is ignored,
    /// boilerplate goes to `dropped` and cross-link lines to `related_links`.
    pub(crate) fn push(&mut self, kind: BlockKind, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if let Some(reason) = cues().boilerplate_reason(text) {
            self.drop_text(text, reason);
            return;
        }
        if let Some(link) = cues().cross_link(text) {
            self.related_links.push(RelatedLink {
                label: link.label.to_string(),
                text: link.title.to_string(),
                url: link.url.map(str::to_string),
            });
            return;
        }
        self.push_unchecked(kind, text);
    }

    /// Adds a block that is known to be article text (already checked by the caller).
    pub(crate) fn push_unchecked(&mut self, kind: BlockKind, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let start = if self.body.is_empty() {
            0
        } else {
            self.body.len() + PARAGRAPH_SEPARATOR.len()
        };
        // Spans are u32; an article that would outgrow them keeps what fits.
        if start + text.len() > u32::MAX as usize {
            self.drop_text(text, "article longer than 4 GiB");
            return;
        }
        if !self.body.is_empty() {
            self.body.push_str(PARAGRAPH_SEPARATOR);
        }
        self.body.push_str(text);
        self.blocks.push(Block {
            span: Span::new(start, self.body.len()),
            kind,
        });
    }

    /// Records text removed before the body was fixed.
    pub(crate) fn drop_text(&mut self, text: &str, reason: &str) {
        self.dropped.push(Dropped {
            text: text.to_string(),
            reason: reason.to_string(),
        });
    }

    /// Explains an empty body, should the article end up with no text.
    pub(crate) fn set_no_text_reason(&mut self, reason: String) {
        self.no_text_reason = Some(reason);
    }

    /// The text of the first block when that block is a heading (a title line).
    pub(crate) fn leading_heading(&self) -> Option<&str> {
        let first = self.blocks.first()?;
        (first.kind == BlockKind::Heading).then(|| &self.body[first.span.range()])
    }

    /// Fixes the body and completes the metadata: wire-dateline place and
    /// agency, the configured default date, the id and the language.
    pub(crate) fn finish(mut self, config: &ReadConfig) -> Result<Doc, ReadError> {
        if self.body.is_empty() {
            return Err(ReadError::NoText(self.no_text_reason));
        }
        self.fill_from_wire_dateline();
        if self.meta.date.is_none() {
            self.meta.date = config.default_date;
        }
        if self.meta.id.is_empty() {
            self.meta.id = match &self.meta.url {
                Some(url) => url.clone(),
                None => content_hash(&self.body),
            };
        }
        if self.meta.language.is_none() {
            self.meta.language = detect_language(&self.body).or(self.language_hint.take());
        }
        let mut doc = Doc::new(self.meta, self.body);
        doc.blocks = self.blocks;
        doc.related_links = self.related_links;
        doc.dropped = self.dropped;
        Ok(doc)
    }

    fn fill_from_wire_dateline(&mut self) {
        if self.meta.place.is_some() && self.meta.publisher.is_some() {
            return;
        }
        let Some(first) = self.blocks.iter().find(|b| b.kind == BlockKind::Paragraph) else {
            return;
        };
        let Some(dateline) = find_wire_dateline(&self.body[first.span.range()]) else {
            return;
        };
        if self.meta.place.is_none() {
            self.meta.place = Some(dateline.place.to_string());
        }
        if self.meta.publisher.is_none() {
            self.meta.publisher = dateline.agency.map(str::to_string);
        }
    }
}

/// A stable id for articles with neither id nor URL: the first 16 hex digits
/// of the SHA-256 of the body.
pub(crate) fn content_hash(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_joined_by_one_blank_line_and_spans_slice_the_body() {
        let mut article = ArticleBuilder::new(Meta::default());
        article.push(BlockKind::Heading, "  Talks resume  ");
        article.push(BlockKind::Paragraph, "ADVERTISEMENT");
        article.push(BlockKind::Paragraph, "Also Read: Floods hit Sindh");
        article.push(
            BlockKind::Paragraph,
            "Both sides met in Doha.\nThey agreed to talk again.",
        );
        let doc = article.finish(&ReadConfig::default()).unwrap();
        assert_eq!(
            doc.body(),
            "Talks resume\n\nBoth sides met in Doha.\nThey agreed to talk again."
        );
        let texts: Vec<&str> = doc.blocks.iter().map(|b| doc.text(b.span)).collect();
        assert_eq!(
            texts,
            [
                "Talks resume",
                "Both sides met in Doha.\nThey agreed to talk again."
            ]
        );
        assert_eq!(doc.dropped[0].text, "ADVERTISEMENT");
        assert_eq!(doc.related_links[0].text, "Floods hit Sindh");
    }

    #[test]
    fn id_falls_back_to_url_then_to_a_stable_hash() {
        let finish = |url: Option<&str>| {
            let meta = Meta {
                url: url.map(str::to_string),
                ..Meta::default()
            };
            let mut article = ArticleBuilder::new(meta);
            article.push(BlockKind::Paragraph, "Both sides met in Doha.");
            article.finish(&ReadConfig::default()).unwrap().meta.id
        };
        assert_eq!(
            finish(Some("https://example.com/a")),
            "https://example.com/a"
        );
        let hash = finish(None);
        assert_eq!(hash.len(), 16);
        assert_eq!(hash, finish(None));
        assert_eq!(hash, content_hash("Both sides met in Doha."));
        // The SHA-256 test vector for "abc" starts ba7816bf8f01cfea.
        assert_eq!(content_hash("abc"), "ba7816bf8f01cfea");
    }

    #[test]
    fn wire_dateline_fills_place_and_publisher_but_stays_in_the_body() {
        let mut article = ArticleBuilder::new(Meta::default());
        article.push(
            BlockKind::Paragraph,
            "KYIV, Ukraine (AP) — Drones struck the capital overnight.",
        );
        let doc = article.finish(&ReadConfig::default()).unwrap();
        assert_eq!(doc.meta.place.as_deref(), Some("KYIV"));
        assert_eq!(doc.meta.publisher.as_deref(), Some("AP"));
        assert!(doc.body().starts_with("KYIV, Ukraine (AP) — "));
    }

    #[test]
    fn an_article_without_text_is_refused() {
        let mut article = ArticleBuilder::new(Meta::default());
        article.push(BlockKind::Paragraph, "Advertisement");
        assert!(matches!(
            article.finish(&ReadConfig::default()),
            Err(ReadError::NoText(None))
        ));
    }
}
