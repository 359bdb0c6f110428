//! The article record printed by `dateline read --format jsonl`.

use dateline_model::{Doc, Record, Segment, Span};
use serde::Serialize;

/// One article, with its body and the segments found in it.
///
/// Spans are `[start, end)` byte offsets into `body`.
#[derive(Debug, Serialize)]
pub struct ArticleRecord<'a> {
    pub id: &'a str,
    /// The input path, with `:LINE` (JSONL) or `#ITEM` (feeds, WARC) when one file holds many articles.
    pub input: String,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    /// `YYYY-MM-DD`, or null when the input gave no date.
    pub date: Option<String>,
    pub datetime: Option<&'a str>,
    pub place: Option<&'a str>,
    pub publisher: Option<&'a str>,
    pub author: Option<&'a str>,
    pub language: Option<&'a str>,
    pub body: &'a str,
    pub headings: Vec<SpanText<'a>>,
    pub sentences: Vec<SpanText<'a>>,
    pub related_links: Vec<RelatedLinkRecord<'a>>,
    pub dropped: Vec<DroppedRecord<'a>>,
    /// Input fields Dateline has no slot for, as they came.
    pub meta: &'a serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct SpanText<'a> {
    pub text: &'a str,
    pub span: Span,
}

#[derive(Debug, Serialize)]
pub struct RelatedLinkRecord<'a> {
    pub label: &'a str,
    pub text: &'a str,
    pub url: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct DroppedRecord<'a> {
    pub text: &'a str,
    pub reason: &'a str,
}

impl<'a> ArticleRecord<'a> {
    pub fn from_doc(doc: &'a Doc) -> ArticleRecord<'a> {
        let meta = &doc.meta;
        let span_texts = |segments: &'a [Segment]| {
            segments
                .iter()
                .map(|segment| SpanText {
                    text: doc.text(segment.span),
                    span: segment.span,
                })
                .collect()
        };
        ArticleRecord {
            id: &meta.id,
            input: input_label(doc),
            url: meta.url.as_deref(),
            title: meta.title.as_deref(),
            date: meta.date.map(|date| date.format("%Y-%m-%d").to_string()),
            datetime: meta.datetime.as_deref(),
            place: meta.place.as_deref(),
            publisher: meta.publisher.as_deref(),
            author: meta.author.as_deref(),
            language: meta.language.as_deref(),
            body: doc.body(),
            headings: span_texts(&doc.headings),
            sentences: span_texts(&doc.sentences),
            related_links: doc
                .related_links
                .iter()
                .map(|link| RelatedLinkRecord {
                    label: &link.label,
                    text: &link.text,
                    url: link.url.as_deref(),
                })
                .collect(),
            dropped: doc
                .dropped
                .iter()
                .map(|dropped| DroppedRecord {
                    text: &dropped.text,
                    reason: &dropped.reason,
                })
                .collect(),
            meta: &meta.extra,
        }
    }
}

/// `path`, `path:LINE` or `path#ITEM`.
fn input_label(doc: &Doc) -> String {
    let input = &doc.meta.input;
    match input.record {
        None => input.path.clone(),
        Some(Record::Line(line)) => format!("{}:{line}", input.path),
        Some(Record::Item(item)) => format!("{}#{item}", input.path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::{Block, BlockKind, InputRef, Meta};

    #[test]
    fn record_names_input_line_and_slices_sentences() {
        let body = "Talks resumed.\n\nBoth sides met in Doha.";
        let mut doc = Doc::new(
            Meta {
                id: "x".into(),
                input: InputRef {
                    path: "news.jsonl".into(),
                    record: Some(Record::Line(7)),
                },
                date: chrono::NaiveDate::from_ymd_opt(2024, 3, 1),
                ..Meta::default()
            },
            body.to_string(),
        );
        doc.blocks.push(Block {
            span: Span::new(0, 14),
            kind: BlockKind::Paragraph,
        });
        doc.sentences.push(Segment {
            span: Span::new(16, 39),
            tokens: 0..0,
            block: 1,
        });
        let json = serde_json::to_value(ArticleRecord::from_doc(&doc)).unwrap();
        assert_eq!(json["input"], "news.jsonl:7");
        assert_eq!(json["date"], "2024-03-01");
        assert_eq!(json["sentences"][0]["text"], "Both sides met in Doha.");
        assert_eq!(json["sentences"][0]["span"], serde_json::json!([16, 39]));
        assert_eq!(json["url"], serde_json::Value::Null);
    }
}
