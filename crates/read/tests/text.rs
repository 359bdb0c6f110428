//! Dateline text and plain text.

mod common;

use chrono::NaiveDate;
use common::{blocks, fixture, gzip, read, read_default, warnings};
use dateline_model::{BlockKind, InputRef};
use dateline_read::ReadConfig;

#[test]
fn dateline_text_gives_date_place_headings_links_and_drops_boilerplate() {
    let (docs, report) = read_default("geneva-talks.txt", &fixture("geneva-talks.txt"));
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let doc = &docs[0];
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2025, 3, 14));
    assert_eq!(doc.meta.place.as_deref(), Some("Geneva"));
    assert_eq!(doc.meta.language.as_deref(), Some("en"));
    assert_eq!(
        doc.meta.input,
        InputRef {
            path: "geneva-talks.txt".into(),
            record: None
        }
    );
    assert_eq!(
        blocks(doc),
        [
            (
                BlockKind::Paragraph,
                "Delegations from Armenia and Azerbaijan resumed talks on a peace treaty on Friday, \
                 the Swiss foreign ministry said, after a pause of nearly four months."
            ),
            (BlockKind::Heading, "Talks Resume After Four-Month Pause"),
            (
                BlockKind::Paragraph,
                "Foreign Minister Ararat Mirzoyan met his Azerbaijani counterpart Jeyhun Bayramov at a \
                 lakeside villa outside the city. Officials from both sides described the first session \
                 as \"businesslike\".\nThe ministers agreed to meet again in April, a Swiss spokesperson said."
            ),
            (BlockKind::Heading, "Sticking Points"),
            (
                BlockKind::Paragraph,
                "Azerbaijan has demanded changes to Armenia's constitution before any treaty is signed. \
                 Armenia's government said on Thursday that it would not accept preconditions."
            ),
        ]
    );
    let links: Vec<(&str, &str, Option<&str>)> = doc
        .related_links
        .iter()
        .map(|l| (l.label.as_str(), l.text.as_str(), l.url.as_deref()))
        .collect();
    assert_eq!(
        links,
        [
            (
                "Also Read",
                "Border Guards Exchange Fire Near Tegh, Yerevan Says",
                Some("https://example.org/news/tegh-fire")
            ),
            (
                "Read more",
                "Armenian Parliament Debates Constitutional Reform",
                None
            ),
        ]
    );
    let dropped: Vec<(&str, &str)> = doc
        .dropped
        .iter()
        .map(|d| (d.text.as_str(), d.reason.as_str()))
        .collect();
    assert_eq!(
        dropped,
        [
            ("Advertisement", "advertisement label"),
            (
                "© 2025 Example Wire Service. All rights reserved.",
                "copyright footer"
            ),
        ]
    );
    assert!(!doc.body().contains("Also Read") && !doc.body().contains("Tegh"));
}

#[test]
fn gzip_input_reads_the_same_as_plain_input() {
    let plain = fixture("geneva-talks.txt");
    let (plain_docs, _) = read_default("geneva-talks.txt", &plain);
    let (gz_docs, report) = read_default("geneva-talks.txt.gz", &gzip(&plain));
    assert!(report.diagnostics.is_empty());
    assert_eq!(plain_docs[0].body(), gz_docs[0].body());
    assert_eq!(plain_docs[0].meta.date, gz_docs[0].meta.date);
}

#[test]
fn crlf_line_ends_and_a_byte_order_mark_are_handled() {
    let text = "\u{FEFF}date 2024-02-01 Nairobi: Kenya's parliament passed the budget on Thursday.\r\n\r\nLawmakers voted 180 to 90.\r\n";
    let (docs, report) = read_default("nairobi.txt", text.as_bytes());
    assert!(report.diagnostics.is_empty());
    assert_eq!(docs[0].meta.place.as_deref(), Some("Nairobi"));
    assert_eq!(
        docs[0].body(),
        "Kenya's parliament passed the budget on Thursday.\n\nLawmakers voted 180 to 90."
    );
}

#[test]
fn an_invalid_header_date_is_left_unknown_with_a_warning() {
    let text = "date 2024-02-30 Nairobi: Kenya's parliament passed the budget on Thursday.\n";
    let (docs, report) = read_default("nairobi.txt", text.as_bytes());
    assert_eq!(docs[0].meta.date, None);
    assert_eq!(docs[0].meta.place.as_deref(), Some("Nairobi"));
    let warnings = warnings(&report);
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        warnings[0].to_string(),
        "nairobi.txt:1: '2024-02-30' is not a valid date; date left unknown"
    );
}

#[test]
fn plain_text_takes_place_and_agency_from_a_wire_dateline_and_the_default_date() {
    let text = "Senate passes stopgap spending bill\n\n\
                WASHINGTON (Reuters) - The U.S. Senate on Tuesday passed a stopgap bill to keep the \
                government funded until mid-December, sending it to the president.\n\n\
                The House approved the measure last week.\n";
    let config = ReadConfig {
        default_date: NaiveDate::from_ymd_opt(2024, 9, 24),
        ..ReadConfig::default()
    };
    let (docs, report) = read("senate.txt", text.as_bytes(), &config);
    assert!(report.diagnostics.is_empty());
    let doc = &docs[0];
    assert_eq!(doc.meta.place.as_deref(), Some("WASHINGTON"));
    assert_eq!(doc.meta.publisher.as_deref(), Some("Reuters"));
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2024, 9, 24));
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Senate passes stopgap spending bill")
    );
    // The dateline stays in the body; the segmenter skips it.
    assert_eq!(doc.blocks[1].kind, BlockKind::Paragraph);
    assert!(
        doc.text(doc.blocks[1].span)
            .starts_with("WASHINGTON (Reuters) - The U.S. Senate")
    );
}

#[test]
fn without_a_date_anywhere_the_date_stays_unknown() {
    let text =
        "KYIV, Ukraine (AP) — Russian drones struck the capital overnight, officials said.\n";
    let (docs, _) = read_default("kyiv.txt", text.as_bytes());
    assert_eq!(docs[0].meta.date, None);
    assert_eq!(docs[0].meta.place.as_deref(), Some("KYIV"));
    assert_eq!(docs[0].meta.publisher.as_deref(), Some("AP"));
    assert_eq!(docs[0].meta.id.len(), 16);
}
