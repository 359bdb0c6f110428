//! The Parquet export (feature `parquet`): written, then read back with the
//! parquet crate's own reader, row by row and column by column.
#![cfg(feature = "parquet")]

use dateline_export::parquet::ParquetWriter;
use dateline_export::{
    EventRecord, LocationRecord, MentionRecord, MergeInfo, ParticipantRecord, SentenceRecord,
    SpanRecord,
};
use dateline_model::Span;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::{Field, Row};

const BODY: &str =
    "Kenya's president telephoned Ethiopia's prime minister on Sunday. The call lasted an hour.";

fn span_of(needle: &str) -> Span {
    let start = BODY.find(needle).unwrap();
    Span::new(start, start + needle.len())
}

/// A stored event as the store exports it: merge counts and two mentions.
fn merged_event() -> EventRecord {
    let first = span_of("Kenya's president telephoned Ethiopia's prime minister on Sunday.");
    let second = span_of("The call lasted an hour.");
    EventRecord {
        article_id: "story-1".into(),
        event_id: "ev-1".into(),
        date: Some("2023-05-14".into()),
        code: "041".into(),
        root_code: "04".into(),
        label: Some("Discuss by telephone".into()),
        quad_class: Some(1),
        goldstein: Some(1.0),
        plover: None,
        source: ParticipantRecord {
            code: "KENGOV".into(),
            country: Some("KEN".into()),
            name: Some("William Ruto".into()),
            text: Some("Kenya's president".into()),
            span: Some(span_of("Kenya's president")),
        },
        target: None,
        negated: false,
        modality: "asserted".into(),
        location: Some(LocationRecord {
            name: "Nairobi".into(),
            country: Some("KEN".into()),
            adm1: None,
            lat: -1.28333,
            lon: 36.81667,
            geonameid: Some(184745),
            basis: "dateline".into(),
            kind: "city".into(),
        }),
        attribution: None,
        sentence: SentenceRecord {
            index: Some(0),
            text: BODY[first.range()].into(),
            span: first,
        },
        trigger: SpanRecord {
            text: "telephoned".into(),
            span: span_of("telephoned"),
        },
        rule: "041 telephone".into(),
        url: None,
        issues: vec![],
        merge: Some(MergeInfo {
            num_mentions: 2,
            num_sources: 1,
            num_articles: 1,
            first_seen: Some("2023-05-14".into()),
            last_seen: Some("2023-05-14".into()),
            mentions: vec![
                MentionRecord {
                    article_id: "story-1".into(),
                    sentence: SentenceRecord {
                        index: Some(0),
                        text: BODY[first.range()].into(),
                        span: first,
                    },
                    trigger: span_of("telephoned"),
                    source_span: Some(span_of("Kenya's president")),
                    target_span: None,
                    rule: "041 telephone".into(),
                },
                MentionRecord {
                    article_id: "story-1".into(),
                    sentence: SentenceRecord {
                        index: Some(1),
                        text: BODY[second.range()].into(),
                        span: second,
                    },
                    trigger: span_of("call"),
                    source_span: None,
                    target_span: None,
                    rule: "reference:call".into(),
                },
            ],
        }),
    }
}

fn write(events: &[EventRecord]) -> Vec<Row> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    let mut writer = ParquetWriter::new(std::fs::File::create(&path).unwrap()).unwrap();
    for event in events {
        writer.write(event).unwrap();
    }
    writer.finish().unwrap();
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!(
        reader.metadata().file_metadata().num_rows(),
        events.len() as i64
    );
    reader
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn field<'a>(row: &'a Row, name: &str) -> &'a Field {
    row.get_column_iter()
        .find(|(column, _)| column.as_str() == name)
        .map(|(_, field)| field)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn flat_columns_read_back() {
    let rows = write(&[merged_event()]);
    let row = &rows[0];
    assert_eq!(field(row, "event_id"), &Field::Str("ev-1".into()));
    // 2023-05-14 is 19491 days after 1970-01-01.
    assert_eq!(field(row, "date"), &Field::Date(19491));
    assert_eq!(field(row, "code"), &Field::Str("041".into()));
    assert_eq!(field(row, "goldstein"), &Field::Double(1.0));
    assert_eq!(field(row, "target_code"), &Field::Null);
    assert_eq!(field(row, "negated"), &Field::Bool(false));
    assert_eq!(field(row, "geonameid"), &Field::Long(184745));
    assert_eq!(field(row, "trigger_start"), &Field::Long(18));
    assert_eq!(field(row, "num_mentions"), &Field::Int(2));
    assert_eq!(field(row, "last_seen"), &Field::Date(19491));
}

#[test]
fn mentions_are_a_list_of_structs() {
    let rows = write(&[merged_event()]);
    let Field::ListInternal(list) = field(&rows[0], "mentions") else {
        panic!("mentions is not a list: {:?}", field(&rows[0], "mentions"));
    };
    let mentions: Vec<&Row> = list
        .elements()
        .iter()
        .map(|element| match element {
            Field::Group(row) => row,
            other => panic!("not a struct: {other:?}"),
        })
        .collect();
    assert_eq!(mentions.len(), 2);
    assert_eq!(field(mentions[0], "source_start"), &Field::Long(0));
    assert_eq!(field(mentions[1], "source_start"), &Field::Null);
    assert_eq!(field(mentions[1], "sentence_index"), &Field::Int(1));
    assert_eq!(
        field(mentions[1], "sentence_text"),
        &Field::Str("The call lasted an hour.".into())
    );
    assert_eq!(
        field(mentions[1], "rule"),
        &Field::Str("reference:call".into())
    );
}

#[test]
fn events_without_merge_information_have_null_counts_and_mentions() {
    let mut coded = merged_event();
    coded.merge = None;
    coded.event_id = "ev-2".into();
    let mut no_mentions = merged_event();
    no_mentions.merge.as_mut().unwrap().mentions.clear();
    no_mentions.event_id = "ev-3".into();
    let rows = write(&[merged_event(), coded, no_mentions]);
    assert_eq!(rows.len(), 3);
    assert_eq!(field(&rows[1], "num_mentions"), &Field::Null);
    assert_eq!(field(&rows[1], "mentions"), &Field::Null);
    let Field::ListInternal(empty) = field(&rows[2], "mentions") else {
        panic!("an empty list expected");
    };
    assert!(empty.elements().is_empty());
    // The first row's list is intact after the others.
    let Field::ListInternal(list) = field(&rows[0], "mentions") else {
        panic!("a list expected");
    };
    assert_eq!(list.elements().len(), 2);
}

#[test]
fn more_rows_than_one_row_group() {
    let events: Vec<EventRecord> = (0..dateline_export::parquet::ROW_GROUP_ROWS + 5)
        .map(|idx| {
            let mut event = merged_event();
            event.event_id = format!("ev-{idx}");
            event
        })
        .collect();
    let rows = write(&events);
    assert_eq!(rows.len(), events.len());
    assert_eq!(
        field(rows.last().unwrap(), "event_id"),
        &Field::Str(format!("ev-{}", events.len() - 1))
    );
}
