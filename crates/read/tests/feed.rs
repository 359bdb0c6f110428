//! RSS 2.0 and Atom feeds.

mod common;

use chrono::NaiveDate;
use common::{blocks, fixture, read_default};
use dateline_model::{BlockKind, Record};

#[test]
fn rss_items_are_articles_with_full_text_when_the_feed_carries_it() {
    let (docs, report) = read_default("world.rss", &fixture("world.rss"));
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(docs.len(), 2);

    let floods = &docs[0];
    assert_eq!(
        floods.meta.title.as_deref(),
        Some("Floods force thousands from homes in Sindh")
    );
    assert_eq!(
        floods.meta.url.as_deref(),
        Some("https://daily.example.com/world/sindh-floods")
    );
    assert_eq!(
        floods.meta.id,
        "https://daily.example.com/world/sindh-floods"
    );
    assert_eq!(floods.meta.date, NaiveDate::from_ymd_opt(2022, 8, 30));
    assert_eq!(floods.meta.author.as_deref(), Some("Ayesha Khan"));
    assert_eq!(
        floods.meta.publisher.as_deref(),
        Some("Example Daily World")
    );
    assert_eq!(floods.meta.place.as_deref(), Some("KARACHI"));
    assert_eq!(floods.meta.input.record, Some(Record::Item(1)));
    assert_eq!(
        blocks(floods),
        [
            (
                BlockKind::Paragraph,
                "KARACHI (Example) - Floodwaters forced thousands of families from their homes in Sindh province on Tuesday, officials said."
            ),
            (BlockKind::Heading, "Relief camps full"),
            (
                BlockKind::Paragraph,
                "Relief camps in Sukkur were full by midday, the provincial disaster agency said."
            ),
        ]
    );
    assert_eq!(floods.dropped[0].reason, "feed footer");

    let water = &docs[1];
    assert_eq!(water.meta.input.record, Some(Record::Item(2)));
    assert_eq!(
        water.body(),
        "Chile and Argentina signed an accord on Wednesday to share water from three glacier-fed rivers that cross their border."
    );
}

#[test]
fn atom_entries_use_their_summary_when_there_is_no_content() {
    let (docs, report) = read_default("science.atom", &fixture("science.atom"));
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let doc = &docs[0];
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Norway and Iceland agree on capelin quotas")
    );
    assert_eq!(
        doc.meta.url.as_deref(),
        Some("https://science.example.com/capelin")
    );
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2023, 5, 2));
    assert_eq!(doc.meta.author.as_deref(), Some("Ingrid Berg"));
    assert_eq!(
        doc.body(),
        "Norway and Iceland agreed on Tuesday to split this year's capelin quota.\n\nThe agreement follows two years of disputed catches."
    );
}

#[test]
fn a_broken_feed_is_one_error() {
    let (docs, report) = read_default("broken.rss", b"<rss><channel><item><title>Half");
    assert!(docs.is_empty());
    assert_eq!(report.diagnostics.len(), 1);
    assert!(report.failed());
    assert!(
        report.diagnostics[0]
            .to_string()
            .starts_with("broken.rss: not a feed: ")
    );
}
