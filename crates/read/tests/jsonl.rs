//! JSON Lines.

mod common;

use chrono::NaiveDate;
use common::{blocks, errors, fixture, read_default, warnings};
use dateline_model::{BlockKind, Record};
use serde_json::json;

fn jsonl(lines: &[String]) -> Vec<u8> {
    lines.join("\n").into_bytes()
}

#[test]
fn known_fields_become_metadata_and_the_rest_is_kept_in_extra() {
    let line = json!({
        "id": "wire-0042",
        "url": "https://wire.example.com/0042",
        "date": "2024-11-11T23:30:00-05:00",
        "title": "Colombia and ELN rebels extend ceasefire",
        "text": "BOGOTA (Example) - Colombia's government and ELN rebels agreed on Monday to extend a ceasefire by six months.\n\nThe talks were held in Caracas.",
        "source": "Example Wire",
        "author": ["Ana Gómez", "Luis Pardo"],
        "language": "en-US",
        "section": "World",
        "tags": ["Colombia", "ELN"]
    });
    let (docs, report) = read_default("wire.jsonl", line.to_string().as_bytes());
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let meta = &docs[0].meta;
    assert_eq!(meta.id, "wire-0042");
    assert_eq!(meta.url.as_deref(), Some("https://wire.example.com/0042"));
    // The calendar date as written, in the timestamp's own offset (not 12 Nov UTC).
    assert_eq!(meta.date, NaiveDate::from_ymd_opt(2024, 11, 11));
    assert_eq!(meta.datetime.as_deref(), Some("2024-11-11T23:30:00-05:00"));
    assert_eq!(
        meta.title.as_deref(),
        Some("Colombia and ELN rebels extend ceasefire")
    );
    assert_eq!(meta.publisher.as_deref(), Some("Example Wire"));
    assert_eq!(meta.author.as_deref(), Some("Ana Gómez; Luis Pardo"));
    assert_eq!(meta.language.as_deref(), Some("en"));
    assert_eq!(meta.place.as_deref(), Some("BOGOTA"));
    assert_eq!(meta.input.record, Some(Record::Line(1)));
    assert_eq!(meta.extra.get("section"), Some(&json!("World")));
    assert_eq!(meta.extra.get("tags"), Some(&json!(["Colombia", "ELN"])));
    assert_eq!(meta.extra.len(), 2);
    assert_eq!(docs[0].blocks.len(), 2);
}

#[test]
fn a_malformed_line_is_reported_by_number_and_the_others_are_read() {
    let lines = [
        json!({"id": "a", "text": "Ghana's central bank raised its policy rate on Monday."})
            .to_string(),
        String::new(),
        r#"{"id": "b", "text": "unterminated"#.to_string(),
        "[1, 2]".to_string(),
        json!({"id": "c", "text": "Peru's congress approved a new cabinet on Friday."}).to_string(),
    ];
    let (docs, report) = read_default("batch.jsonl", &jsonl(&lines));
    let ids: Vec<&str> = docs.iter().map(|d| d.meta.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(docs[1].meta.input.record, Some(Record::Line(5)));
    let messages: Vec<String> = errors(&report).iter().map(|d| d.to_string()).collect();
    assert_eq!(
        messages,
        [
            "batch.jsonl:3: malformed JSON at column 33: EOF while parsing a string",
            "batch.jsonl:4: expected a JSON object, found an array",
        ]
    );
}

#[test]
fn html_field_goes_through_the_html_extractor() {
    let page = String::from_utf8(fixture("port-closure.html")).unwrap();
    let line = json!({"id": "p1", "html": page, "title": "Given title wins"}).to_string();
    let (docs, report) = read_default("pages.jsonl", line.as_bytes());
    assert!(errors(&report).is_empty());
    let doc = &docs[0];
    assert_eq!(doc.meta.title.as_deref(), Some("Given title wins"));
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2024, 6, 3));
    assert!(
        doc.body()
            .contains("Dock workers at the port of Antwerp walked off the job")
    );
    assert!(!doc.body().contains("Most read"));
}

#[test]
fn a_line_without_text_is_skipped_with_a_warning_and_a_bad_date_is_not_guessed() {
    let lines = [
        json!({"id": "x", "title": "Headline only"}).to_string(),
        json!({"id": "y", "date": "11/03/2024", "text": "Chad's army said on Sunday it had repelled an attack."}).to_string(),
    ];
    let (docs, report) = read_default("b.jsonl", &jsonl(&lines));
    assert_eq!(report.n_skipped, 1);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].meta.date, None);
    let messages: Vec<String> = warnings(&report).iter().map(|d| d.to_string()).collect();
    assert_eq!(
        messages,
        [
            "b.jsonl:1: no 'text' or 'html' field; skipped",
            "b.jsonl:2: date '11/03/2024' is not an ISO 8601 date; date left unknown",
        ]
    );
}

#[test]
fn text_fields_get_the_same_paragraph_rules_as_text_files() {
    let line = json!({
        "id": "z",
        "text": "Talks in Doha\n\nQatar said on Sunday that talks would resume.\n\nRelated: Hostage families rally in Tel Aviv\n\nADVERTISEMENT"
    });
    let (docs, _) = read_default("c.jsonl", line.to_string().as_bytes());
    assert_eq!(
        blocks(&docs[0]),
        [
            (BlockKind::Heading, "Talks in Doha"),
            (
                BlockKind::Paragraph,
                "Qatar said on Sunday that talks would resume."
            ),
        ]
    );
    assert_eq!(
        docs[0].related_links[0].text,
        "Hostage families rally in Tel Aviv"
    );
    assert_eq!(docs[0].dropped[0].text, "ADVERTISEMENT");
}
