//! HTML pages.

mod common;

use chrono::NaiveDate;
use common::{blocks, fixture, read_default, warnings};
use dateline_model::BlockKind;

#[test]
fn main_content_blocks_and_metadata_from_a_news_page() {
    let (docs, report) = read_default("port-closure.html", &fixture("port-closure.html"));
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let doc = &docs[0];
    let meta = &doc.meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("Strike closes Antwerp container terminals")
    );
    // JSON-LD's datePublished, as written in its own offset: 3 June, not 4 June UTC.
    assert_eq!(meta.date, NaiveDate::from_ymd_opt(2024, 6, 3));
    assert_eq!(meta.datetime.as_deref(), Some("2024-06-03T21:15:00-04:00"));
    assert_eq!(meta.author.as_deref(), Some("Lotte Peeters"));
    assert_eq!(meta.publisher.as_deref(), Some("Example Harbour News"));
    assert_eq!(
        meta.url.as_deref(),
        Some("https://news.example.com/2024/06/antwerp-strike")
    );
    assert_eq!(meta.id, "https://news.example.com/2024/06/antwerp-strike");
    assert_eq!(meta.place.as_deref(), Some("ANTWERP"));
    assert_eq!(meta.language.as_deref(), Some("en"));

    let blocks = blocks(doc);
    assert!(
        blocks.contains(&(BlockKind::Heading, "Unions reject offer")),
        "{blocks:?}"
    );
    assert!(blocks.contains(&(
        BlockKind::ListItem,
        "Rail freight from the port to Germany was suspended."
    )));
    assert!(blocks.contains(&(
        BlockKind::Paragraph,
        "The strike, the first at the port in more than a decade, left about 40 ships waiting at \
         anchor in the Scheldt estuary by the evening, the port authority said in a statement."
    )));
    let body = doc.body();
    assert!(body.contains("Belgium's economy minister said the government was ready to step in"));
    for boilerplate in [
        "Home",
        "Most read",
        "Ten beaches",
        "Privacy policy",
        "font-family",
        "schema.org",
    ] {
        assert!(!body.contains(boilerplate), "{boilerplate} in body");
    }
}

#[test]
fn html_nested_100000_deep_is_read_whole_without_overflow() {
    let mut page = String::from("<html><head><title>Deep</title></head><body>");
    page.push_str(&"<div>".repeat(100_000));
    page.push_str("<p>Mali's junta extended the transition by five years on Friday.</p>");
    page.push_str(&"</div>".repeat(100_000));
    page.push_str("</body></html>");
    let started = std::time::Instant::now();
    let (docs, report) = read_default("deep.html", page.as_bytes());
    // Linear work on 1.1 MB; a quadratic tree build would take minutes.
    assert!(started.elapsed().as_secs() < 30);
    assert_eq!(
        docs[0].body(),
        "Mali's junta extended the transition by five years on Friday."
    );
    assert_eq!(docs[0].meta.title.as_deref(), Some("Deep"));
    let warnings: Vec<String> = warnings(&report).iter().map(|d| d.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "deep.html: HTML nested more than 512 elements deep; main-content extraction skipped and the whole page's text kept"
        ]
    );
}

#[test]
fn extraction_runs_on_its_own_stack_so_small_caller_stacks_are_safe() {
    let paragraph = "<p>Kenya's shilling weakened against the dollar on Tuesday as importers bought \
                     hard currency ahead of the holiday, traders said.</p>";
    let mut page = String::from("<html><body>");
    page.push_str(&"<div>".repeat(400));
    page.push_str(&paragraph.repeat(6));
    page.push_str(&"</div>".repeat(400));
    page.push_str("</body></html>");
    let worker = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || read_default("nested.html", page.as_bytes()).0.len())
        .unwrap();
    assert_eq!(worker.join().unwrap(), 1);
}

#[test]
fn a_page_without_main_text_is_skipped_with_the_reason() {
    let page =
        "<html><head><title>Menu</title></head><body><nav><a href=/>Home</a></nav></body></html>";
    let (docs, report) = read_default("menu.html", page.as_bytes());
    assert!(docs.is_empty());
    assert_eq!(report.n_skipped, 1);
    let warnings = warnings(&report);
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0]
            .to_string()
            .starts_with("menu.html: no article text: no main content found"),
        "{}",
        warnings[0]
    );
}
