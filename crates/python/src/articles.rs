//! Articles as an Arrow record batch: the fields of `dateline read
//! --format jsonl` (`dateline_export::ArticleRecord`), spans as `start` and
//! `end` byte offsets into `body`, and the input's extra fields as JSON text.

use std::sync::Arc;

use arrow_array::builder::{Date32Builder, StringBuilder};
use arrow_array::{ArrayRef, Int64Array, ListArray, RecordBatch, StringArray, StructArray};
use arrow_buffer::{OffsetBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, Fields, Schema};
use dateline_export::{ArticleRecord, SpanText};

use crate::convert::days_since_epoch;

/// One record batch of the articles, in order.
pub fn batch(articles: &[ArticleRecord<'_>]) -> Result<RecordBatch, String> {
    let text = |get: for<'r> fn(&'r ArticleRecord<'_>) -> Option<&'r str>| -> ArrayRef {
        Arc::new(StringArray::from_iter(articles.iter().map(get)))
    };
    let mut dates = Date32Builder::with_capacity(articles.len());
    for article in articles {
        dates.append_option(article.date.as_deref().and_then(days_since_epoch));
    }
    let mut meta = StringBuilder::new();
    for article in articles {
        meta.append_value(serde_json::to_string(article.meta).map_err(|err| err.to_string())?);
    }
    let columns: Vec<(&str, bool, ArrayRef)> = vec![
        ("id", false, text(|a| Some(a.id))),
        ("input", false, text(|a| Some(a.input.as_str()))),
        ("url", true, text(|a| a.url)),
        ("title", true, text(|a| a.title)),
        ("date", true, Arc::new(dates.finish())),
        ("datetime", true, text(|a| a.datetime)),
        ("place", true, text(|a| a.place)),
        ("publisher", true, text(|a| a.publisher)),
        ("author", true, text(|a| a.author)),
        ("language", true, text(|a| a.language)),
        ("body", false, text(|a| Some(a.body))),
        ("headings", false, span_texts(articles, |a| &a.headings)),
        ("sentences", false, span_texts(articles, |a| &a.sentences)),
        (
            "related_links",
            false,
            list_of_structs(
                articles,
                &[("label", false), ("text", false), ("url", true)],
                |a| {
                    a.related_links
                        .iter()
                        .map(|link| vec![Some(link.label), Some(link.text), link.url])
                        .collect()
                },
            ),
        ),
        (
            "dropped",
            false,
            list_of_structs(articles, &[("text", false), ("reason", false)], |a| {
                a.dropped
                    .iter()
                    .map(|dropped| vec![Some(dropped.text), Some(dropped.reason)])
                    .collect()
            }),
        ),
        ("meta", false, Arc::new(meta.finish())),
    ];
    let fields: Vec<Field> = columns
        .iter()
        .map(|(name, nullable, array)| Field::new(*name, array.data_type().clone(), *nullable))
        .collect();
    let arrays = columns.into_iter().map(|(_, _, array)| array).collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(|err| err.to_string())
}

/// `list<struct<text, start, end>>`: sentences or headings with their spans.
fn span_texts<'a>(
    articles: &'a [ArticleRecord<'a>],
    get: impl Fn(&'a ArticleRecord<'a>) -> &'a Vec<SpanText<'a>>,
) -> ArrayRef {
    let mut offsets = vec![0i32];
    let mut texts = Vec::new();
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    for article in articles {
        for segment in get(article) {
            texts.push(segment.text);
            starts.push(i64::from(segment.span.start));
            ends.push(i64::from(segment.span.end));
        }
        offsets.push(texts.len() as i32);
    }
    let fields = Fields::from(vec![
        Field::new("text", DataType::Utf8, false),
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
    ]);
    let values: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from(texts)),
        Arc::new(Int64Array::from(starts)),
        Arc::new(Int64Array::from(ends)),
    ];
    list(fields, values, offsets)
}

/// `list<struct<...>>` of text fields, one `Vec` of values per element.
fn list_of_structs<'a>(
    articles: &'a [ArticleRecord<'a>],
    names: &[(&str, bool)],
    get: impl Fn(&'a ArticleRecord<'a>) -> Vec<Vec<Option<&'a str>>>,
) -> ArrayRef {
    let mut offsets = vec![0i32];
    let mut columns: Vec<Vec<Option<&str>>> = vec![Vec::new(); names.len()];
    for article in articles {
        let elements = get(article);
        for element in &elements {
            for (column, value) in columns.iter_mut().zip(element) {
                column.push(*value);
            }
        }
        let last = offsets.last().copied().unwrap_or(0);
        offsets.push(last + elements.len() as i32);
    }
    let fields = Fields::from(
        names
            .iter()
            .map(|&(name, nullable)| Field::new(name, DataType::Utf8, nullable))
            .collect::<Vec<_>>(),
    );
    let values: Vec<ArrayRef> = columns
        .into_iter()
        .map(|values| Arc::new(StringArray::from(values)) as ArrayRef)
        .collect();
    list(fields, values, offsets)
}

fn list(fields: Fields, values: Vec<ArrayRef>, offsets: Vec<i32>) -> ArrayRef {
    let item = Field::new("item", DataType::Struct(fields.clone()), false);
    let values = StructArray::new(fields, values, None);
    Arc::new(ListArray::new(
        Arc::new(item),
        OffsetBuffer::new(ScalarBuffer::from(offsets)),
        Arc::new(values),
        None,
    ))
}
