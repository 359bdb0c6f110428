//! Every export format on one hand-built article with one event.

use dateline_export::{EventRecord, EventWriter, Format, GDELT_COLUMNS};
use dateline_model::{
    ActorCode, Block, BlockKind, Doc, Event, EventCode, Location, LocationBasis, Meta, Modality,
    Participant, PlaceKind, PlaceRef, Segment, SegmentRef, Span,
};

const BODY: &str = "Kenya's president telephoned Ethiopia's prime minister on Sunday.";

fn span_of(needle: &str) -> Span {
    let start = BODY.find(needle).unwrap();
    Span::new(start, start + needle.len())
}

fn coded_doc() -> Doc {
    let mut doc = Doc::new(
        Meta {
            id: "story-1".into(),
            url: Some("https://news.example/story-1".into()),
            date: chrono::NaiveDate::from_ymd_opt(2023, 5, 14),
            ..Meta::default()
        },
        BODY.to_string(),
    );
    doc.blocks.push(Block {
        span: Span::new(0, BODY.len()),
        kind: BlockKind::Paragraph,
    });
    doc.sentences.push(Segment {
        span: Span::new(0, BODY.len()),
        tokens: 0..0,
        block: 0,
    });
    let participant = |code: &str, country: &str, name: &str, text: &str| Participant {
        code: ActorCode::parse(code).unwrap(),
        name: Some(name.into()),
        country: Some(country.into()),
        span: Some(span_of(text)),
        mention: None,
    };
    doc.events.push(Event {
        segment: SegmentRef::Sentence(0),
        source: participant("KENGOV", "KEN", "Kenya government", "Kenya's president"),
        target: Some(participant(
            "ETHGOV",
            "ETH",
            "Ethiopia government",
            "Ethiopia's prime minister",
        )),
        code: EventCode::parse("041").unwrap(),
        trigger: span_of("telephoned"),
        negated: false,
        modality: Modality::Asserted,
        attribution: None,
        location: Some(Location {
            place: PlaceRef {
                name: "Nairobi".into(),
                geonameid: Some(184745),
                country: Some("KEN".into()),
                adm1: Some("KE.05".into()),
                lat: -1.2833,
                lon: 36.8167,
                kind: PlaceKind::City,
                population: 2_750_547,
            },
            span: None,
            basis: LocationBasis::Dateline,
        }),
        rule: "041:$ telephone +".into(),
        issues: vec![],
    });
    doc
}

fn render(format: Format) -> String {
    let doc = coded_doc();
    let mut out = Vec::new();
    let mut writer = EventWriter::new(format, &mut out).unwrap();
    for record in EventRecord::from_doc(&doc) {
        writer.write(&record).unwrap();
    }
    writer.finish().unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn jsonl_follows_the_public_schema() {
    let line = render(Format::Jsonl);
    let json: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(json["article_id"], "story-1");
    assert_eq!(json["date"], "2023-05-14");
    assert_eq!(json["code"], "041");
    assert_eq!(json["root_code"], "04");
    assert_eq!(json["quad_class"], 1);
    assert_eq!(json["goldstein"], 1.0);
    assert_eq!(json["source"]["code"], "KENGOV");
    assert_eq!(json["source"]["text"], "Kenya's president");
    assert_eq!(json["target"]["country"], "ETH");
    assert_eq!(json["trigger"]["text"], "telephoned");
    assert_eq!(json["modality"], "asserted");
    assert_eq!(json["attribution"], serde_json::Value::Null);
    assert_eq!(json["location"]["name"], "Nairobi");
    assert_eq!(json["sentence"]["index"], 0);
    // Spans slice the body to the quoted text.
    let [start, end] = [0, 1].map(|i| json["trigger"]["span"][i].as_u64().unwrap() as usize);
    assert_eq!(&BODY[start..end], "telephoned");
    assert_eq!(json["event_id"].as_str().unwrap().len(), 16);
}

#[test]
fn gdelt_row_has_61_columns_in_codebook_order() {
    let line = render(Format::Gdelt);
    let fields: Vec<&str> = line.trim_end_matches('\n').split('\t').collect();
    assert_eq!(fields.len(), GDELT_COLUMNS.len());
    let column = |name: &str| fields[GDELT_COLUMNS.iter().position(|c| *c == name).unwrap()];
    assert_eq!(column("SQLDATE"), "20230514");
    assert_eq!(column("MonthYear"), "202305");
    assert_eq!(column("Actor1Code"), "KENGOV");
    assert_eq!(column("Actor1CountryCode"), "KEN");
    assert_eq!(column("Actor1Type1Code"), "GOV");
    assert_eq!(column("Actor2Code"), "ETHGOV");
    assert_eq!(column("EventCode"), "041");
    assert_eq!(column("EventBaseCode"), "041");
    assert_eq!(column("EventRootCode"), "04");
    assert_eq!(column("QuadClass"), "1");
    assert_eq!(column("GoldsteinScale"), "1.0");
    assert_eq!(column("NumMentions"), "1");
    // Kenya's FIPS code is KE; a world city is geo type 4.
    assert_eq!(column("ActionGeo_Type"), "4");
    assert_eq!(column("ActionGeo_CountryCode"), "KE");
    assert_eq!(column("ActionGeo_ADM1Code"), "KE05");
    assert_eq!(column("ActionGeo_FeatureID"), "184745");
    assert_eq!(column("SOURCEURL"), "https://news.example/story-1");
}

#[test]
fn plover_record_uses_type_and_mode() {
    let line = render(Format::Plover);
    let json: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(json["event"][0], "CONSULT");
    assert_eq!(json["source"][0]["code"], "KEN");
    assert_eq!(json["source"][0]["sector"], "GOV");
    assert_eq!(json["recipient"][0]["code"], "ETH");
    assert_eq!(json["event_loc"]["cc3"], "KEN");
}

#[test]
fn csv_has_header_and_one_row() {
    let text = render(Format::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let field = |name: &str| rows[0][headers.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(field("source_code"), "KENGOV");
    assert_eq!(field("trigger_text"), "telephoned");
    assert_eq!(field("location_name"), "Nairobi");
}
