//! JSON Lines: one article per line.
//!
//! Known fields: `id`, `url`, `date` (ISO 8601 date or timestamp), `title`,
//! `text` or `html`, `source` (the publisher), `author`, `language`, `place`.
//! Every other field is kept unchanged in `meta.extra`. A bad line is reported
//! with its line number and the next line is read.

use std::io::BufRead;

use dateline_model::{Meta, Record};
use serde_json::{Map, Value};

use crate::article::ArticleBuilder;
use crate::dates::parse_date;
use crate::decode::{check_not_binary, decode_utf8, lossy_warning};
use crate::language::primary_subtag;
use crate::lines::{LineRead, read_line_limited};
use crate::reading::Reading;
use crate::text::push_paragraphs;
use crate::{Position, ReadError};

/// Reads every line of a JSON Lines input.
pub(crate) fn read_jsonl(stream: &mut dyn BufRead, reading: &mut Reading) {
    let limit = reading.config.article_limit();
    let mut line = Vec::new();
    let mut line_number: u64 = 0;
    let mut offset: u64 = 0;
    let mut n_records = 0usize;
    loop {
        line_number += 1;
        let position = Some(Position::Line(line_number));
        let n_bytes = match read_line_limited(stream, &mut line, limit) {
            Ok(LineRead::End) => break,
            Ok(LineRead::TooLong { n_bytes }) => {
                reading.error(position, ReadError::TooLarge { limit });
                n_records += 1;
                offset += n_bytes;
                continue;
            }
            Ok(LineRead::Line { n_bytes }) => n_bytes,
            Err(error) => {
                reading.error(position, error);
                return;
            }
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            offset += n_bytes;
            continue;
        }
        if n_records == 0
            && let Err(error) = check_not_binary(&line)
        {
            reading.error(None, error);
            return;
        }
        n_records += 1;
        let bytes = std::mem::take(&mut line);
        read_record(bytes, offset, line_number, reading);
        offset += n_bytes;
    }
    if n_records == 0 {
        reading.error(None, ReadError::Empty);
    }
}

fn read_record(bytes: Vec<u8>, offset: u64, line_number: u64, reading: &mut Reading) {
    let position = Some(Position::Line(line_number));
    let decoded = match decode_utf8(bytes, reading.config.utf8, offset) {
        Ok(decoded) => decoded,
        Err(error) => return reading.error(position, error),
    };
    if let Some(bad_byte) = decoded.first_bad_byte {
        reading.warning(position, lossy_warning(bad_byte));
    }
    let object = match serde_json::from_str::<Value>(&decoded.text) {
        Ok(Value::Object(object)) => object,
        Ok(other) => {
            let message = format!("expected a JSON object, found {}", json_type(&other));
            return reading.error(position, message);
        }
        Err(error) => return reading.error(position, json_error_message(&error)),
    };
    let meta = Meta {
        input: reading.input_ref(Some(Record::Line(line_number))),
        ..Meta::default()
    };
    let mut article = ArticleBuilder::new(meta);
    let Some(content) = take_fields(object, &mut article, position, reading) else {
        reading.warning(position, "no 'text' or 'html' field; skipped");
        reading.skipped();
        return;
    };
    match content {
        Content::Text(text) => push_paragraphs(&mut article, &text),
        Content::Html(html) => {
            if let Some(warning) = crate::html::add_page(&mut article, &html) {
                reading.warning(position, warning);
            }
        }
    }
    reading.emit(article, position);
}

enum Content {
    Text(String),
    Html(String),
}

/// Moves the known fields into the article's metadata and the rest into
/// `meta.extra`; returns the article's text or HTML.
fn take_fields(
    object: Map<String, Value>,
    article: &mut ArticleBuilder,
    position: Option<Position>,
    reading: &mut Reading,
) -> Option<Content> {
    let mut text = None;
    let mut html = None;
    for (key, value) in object {
        if value.is_null() {
            continue;
        }
        let meta = &mut article.meta;
        match (key.as_str(), value) {
            ("id", Value::String(id)) => meta.id = id,
            ("id", Value::Number(id)) => meta.id = id.to_string(),
            ("url", Value::String(url)) => meta.url = Some(url),
            ("title", Value::String(title)) => meta.title = Some(title),
            ("source", Value::String(source)) => meta.publisher = Some(source),
            ("place", Value::String(place)) => meta.place = Some(place),
            ("language", Value::String(language)) => meta.language = primary_subtag(&language),
            ("author", Value::String(author)) => meta.author = Some(author),
            ("author", Value::Array(authors)) if authors.iter().all(Value::is_string) => {
                let names: Vec<&str> = authors.iter().filter_map(Value::as_str).collect();
                meta.author = Some(names.join("; "));
            }
            ("date", Value::String(date)) => match parse_date(&date) {
                Some(written) => {
                    meta.date = Some(written.date);
                    meta.datetime = written.datetime;
                }
                None => reading.warning(
                    position,
                    format!("date '{date}' is not an ISO 8601 date; date left unknown"),
                ),
            },
            ("text", Value::String(value)) => text = Some(value),
            ("html", Value::String(value)) => html = Some(value),
            (_, value) => {
                meta.extra.insert(key, value);
            }
        }
    }
    text.filter(|t| !t.trim().is_empty())
        .map(Content::Text)
        .or_else(|| html.filter(|h| !h.trim().is_empty()).map(Content::Html))
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message with its position given as a column: within one JSON
/// line, "line 1" would only mislead.
fn json_error_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(head, _)| head);
    format!("malformed JSON at column {}: {message}", error.column())
}
