//! RSS 2.0 and Atom feeds (parsed by `feed-rs`): every item is an article.
//!
//! An item's text is its full content (`content:encoded`, Atom `content`) when
//! the feed carries it, else its summary. HTML in either is read block by block
//! (feed content is already the article, so no main-content extraction runs).
//! `feed-rs` gives dates in UTC, so an item's date is its UTC calendar day.

use std::io::Read;

use dateline_model::{Meta, Record};
use feed_rs::model::{Entry, Feed, Text};

use crate::article::ArticleBuilder;
use crate::document::read_document;
use crate::language::primary_subtag;
use crate::reading::Reading;
use crate::text::push_paragraphs;
use crate::{Position, ReadError};

/// Reads every item of a feed.
pub(crate) fn read_feed(stream: &mut dyn Read, reading: &mut Reading) {
    let Some(xml) = read_document(stream, reading) else {
        return;
    };
    let feed = match feed_rs::parser::parse(xml.as_bytes()) {
        Ok(feed) => feed,
        Err(error) => return reading.error(None, ReadError::Feed(error.to_string())),
    };
    drop(xml);
    if feed.entries.is_empty() {
        reading.warning(None, "feed has no items");
    }
    let feed_language = feed.language.as_deref().and_then(primary_subtag);
    let publisher = feed.title.as_ref().map(plain_text);
    for (index, entry) in feed.entries.iter().enumerate() {
        let item = index as u64 + 1;
        let mut article = entry_article(entry, &feed, reading, item);
        if article.meta.publisher.is_none() {
            article.meta.publisher = publisher.clone();
        }
        article.language_hint = feed_language.clone();
        reading.emit(article, Some(Position::Item(item)));
    }
}

fn entry_article(entry: &Entry, feed: &Feed, reading: &Reading, item: u64) -> ArticleBuilder {
    let link = entry
        .links
        .iter()
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .map(|link| link.href.clone());
    let published = entry.published.or(entry.updated);
    let authors: Vec<&str> = entry
        .authors
        .iter()
        .filter_map(|person| person.name.as_deref())
        .collect();
    let meta = Meta {
        id: link.clone().unwrap_or_default(),
        input: reading.input_ref(Some(Record::Item(item))),
        url: link,
        title: entry.title.as_ref().map(plain_text),
        date: published.map(|datetime| datetime.date_naive()),
        datetime: published.map(|datetime| datetime.to_rfc3339()),
        author: (!authors.is_empty()).then(|| authors.join("; ")),
        language: entry.language.as_deref().and_then(primary_subtag),
        ..Meta::default()
    };
    let mut article = ArticleBuilder::new(meta);
    if !entry.id.is_empty() {
        article
            .meta
            .extra
            .insert("feed_item_id".to_string(), entry.id.clone().into());
    }
    if let Some(feed_title) = &feed.title {
        article
            .meta
            .extra
            .insert("feed_title".to_string(), plain_text(feed_title).into());
    }
    let full_text = entry
        .content
        .as_ref()
        .and_then(|content| Some((content.body.as_deref()?, content.content_type.as_str())));
    let summary = entry
        .summary
        .as_ref()
        .map(|summary| (summary.content.as_str(), summary.content_type.as_str()));
    match full_text
        .filter(|(text, _)| !text.trim().is_empty())
        .or(summary)
    {
        Some((text, media_type)) if is_html(media_type) => {
            crate::html::add_fragment(&mut article, text);
        }
        Some((text, _)) => push_paragraphs(&mut article, text),
        None => article.set_no_text_reason("the item has neither content nor summary".to_string()),
    }
    article
}

fn is_html(media_type: &str) -> bool {
    media_type.contains("html")
}

/// A feed text field as plain text (titles may carry HTML markup).
fn plain_text(text: &Text) -> String {
    if !is_html(text.content_type.as_str()) {
        return text.content.trim().to_string();
    }
    crate::html::html_blocks(&text.content, crate::html::Scope::Content)
        .into_iter()
        .map(|(_, block)| block)
        .collect::<Vec<_>>()
        .join(" ")
}
