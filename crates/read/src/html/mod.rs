//! Web pages: main-content extraction with the `trafilatura` crate, blocks
//! from the extracted structure, and metadata from the page's markup.
//!
//! `trafilatura` 0.6 with its fallback extraction on and precision favoured
//! was chosen by measurement (see `crates/read/EXTRACTORS.md`). Pages nested
//! too deeply for a tree builder are not given to it: their text is read
//! whole by a linear token walk instead, with a warning.

mod blocks;
mod depth;
mod meta;
mod title;
mod tokens;

use std::io::Read;

use dateline_model::Meta;

use crate::article::ArticleBuilder;
use crate::dates::parse_date;
use crate::document::read_document;
use crate::language::primary_subtag;
use crate::reading::Reading;

pub(crate) use blocks::{Scope, TextBlock, html_blocks};

/// Pages nested deeper than this skip main-content extraction. Browsers cap
/// their parser's tree depth at 512 too; real articles stay far below it.
pub(crate) const MAX_EXTRACTION_DEPTH: usize = 512;

/// Stack for the extractor's thread: its tree walks recurse, and callers'
/// threads (rayon workers) may have small stacks. Only touched pages are
/// committed, so the reservation costs address space, not memory.
const EXTRACTOR_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Reads one web page.
pub(crate) fn read_html(stream: &mut dyn Read, reading: &mut Reading) {
    let Some(html) = read_document(stream, reading) else {
        return;
    };
    let mut article = ArticleBuilder::new(Meta {
        input: reading.input_ref(None),
        ..Meta::default()
    });
    if let Some(warning) = add_page(&mut article, &html) {
        reading.warning(None, warning);
    }
    reading.emit(article, None);
}

/// Extracts a page's main content into `article` and fills the metadata the
/// article does not have yet. Returns a warning when the page was too deeply
/// nested to extract and was read whole.
pub(crate) fn add_page(article: &mut ArticleBuilder, html: &str) -> Option<String> {
    let page_meta = meta::page_meta(html);
    let (blocks, extractor_meta, warning) = if depth::nests_deeper_than(html, MAX_EXTRACTION_DEPTH)
    {
        let warning = format!(
            "HTML nested more than {MAX_EXTRACTION_DEPTH} elements deep; main-content \
             extraction skipped and the whole page's text kept"
        );
        (html_blocks(html, Scope::WholePage), None, Some(warning))
    } else {
        match extract_main_content(html) {
            Ok(result) => (
                html_blocks(&result.content_html, Scope::Content),
                Some(result.metadata),
                None,
            ),
            Err(reason) => {
                article.set_no_text_reason(reason);
                (Vec::new(), None, None)
            }
        }
    };
    fill_meta(&mut article.meta, &page_meta, extractor_meta.as_ref());
    if article.language_hint.is_none() {
        article.language_hint = page_meta.language.as_deref().and_then(primary_subtag);
    }
    push_blocks(article, blocks);
    warning
}

/// Adds an HTML fragment (a feed item's content) block by block. Fragments
/// are already the article's text, so no boilerplate detection runs on them
/// beyond the cue lists.
pub(crate) fn add_fragment(article: &mut ArticleBuilder, html: &str) {
    push_blocks(article, html_blocks(html, Scope::Content));
}

fn push_blocks(article: &mut ArticleBuilder, blocks: Vec<TextBlock>) {
    for (kind, text) in blocks {
        article.push(kind, &text);
    }
}

fn extraction_options() -> trafilatura::Options {
    trafilatura::Options::default()
        .with_fallback(true)
        .with_focus(trafilatura::ExtractionFocus::FavorPrecision)
}

/// Runs the extractor on its own thread with a large stack, turning a panic
/// inside it into an error for this page only.
fn extract_main_content(html: &str) -> Result<trafilatura::ExtractResult, String> {
    let options = extraction_options();
    let outcome = std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("dateline-html-extract".to_string())
            .stack_size(EXTRACTOR_STACK_BYTES)
            .spawn_scoped(scope, || trafilatura::extract(html, &options));
        match worker {
            Ok(handle) => handle
                .join()
                .map_err(|_| "the HTML extractor crashed on this page".to_string()),
            Err(error) => Err(format!("could not start the HTML extractor: {error}")),
        }
    })?;
    outcome.map_err(|error| format!("no main content found ({error})"))
}

/// Fills metadata gaps: the page's own markup first, the extractor's findings
/// after. The page's date is the publication date, read as written.
fn fill_meta(meta: &mut Meta, page: &meta::PageMeta, extracted: Option<&trafilatura::Metadata>) {
    let extracted_text = |field: fn(&trafilatura::Metadata) -> &str| {
        extracted
            .map(field)
            .map(str::trim)
            .filter(|text| !text.is_empty())
            .map(str::to_string)
    };
    if meta.url.is_none() {
        meta.url = page.url.clone().or_else(|| extracted_text(|m| &m.url));
    }
    if meta.title.is_none() {
        let site_name = page
            .site_name
            .clone()
            .or_else(|| extracted_text(|m| &m.sitename));
        meta.title = page
            .title
            .clone()
            .or_else(|| extracted_text(|m| &m.title))
            .map(|title| title::clean_title(&title, site_name.as_deref(), meta.url.as_deref()));
    }
    if meta.author.is_none() {
        meta.author = page
            .author
            .clone()
            .or_else(|| extracted_text(|m| &m.author));
    }
    if meta.publisher.is_none() {
        meta.publisher = page
            .site_name
            .clone()
            .or_else(|| extracted_text(|m| &m.sitename));
    }
    if meta.date.is_none() {
        match page.published.as_deref().and_then(parse_date) {
            Some(written) => {
                meta.date = Some(written.date);
                meta.datetime = written.datetime;
            }
            None => meta.date = extracted.and_then(|m| m.date),
        }
    }
}
