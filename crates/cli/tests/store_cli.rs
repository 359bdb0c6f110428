//! `dateline ingest`, `events`, `timeline`, `network` and `show` end to end,
//! on articles written for these tests and coded by the real pipeline.

#[path = "../../store/tests/support/pg_server.rs"]
mod pg_server;

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

/// A phone call in the lead, recalled by later paragraphs and a conclusion.
const CALL: &str = "date 2025-02-12 Washington: U.S. President Donald Trump spoke by phone with Russian President Vladimir Putin on Wednesday, the White House said.

The call lasted about ninety minutes, according to officials familiar with it.

Ukraine was not told about the call in advance, a senior Ukrainian official said.

Conclusion

Trump's recent conversation with Putin suggests a new approach to the war.
";

/// Another outlet's report of the same call, a day later.
const CALL_OTHER_OUTLET: &str = r#"{"id": "times-call", "url": "https://www.times.example.com/2025/02/13/call", "date": "2025-02-13", "title": "Trump and Putin talk", "source": "Example Times", "text": "Donald Trump spoke by phone with Vladimir Putin, the Kremlin said on Thursday.\n\nThe two leaders agreed to keep talking."}
"#;

/// Police in two capitals on two days.
const ARRESTS: &str = r#"{"id": "wire-nairobi", "url": "https://news.example.org/2024/06/25/nairobi", "date": "2024-06-25", "title": "Police detain protesters in Nairobi", "source": "Example Wire", "text": "Kenyan police arrested 40 protesters outside parliament in Nairobi on Tuesday, witnesses said."}
{"id": "wire-tbilisi", "url": "https://news.example.org/2025/02/03/tbilisi", "date": "2025-02-03", "title": "Georgian police detain protesters", "source": "Example Wire", "text": "Georgian police detained 23 protesters in Tbilisi on Monday, the interior ministry said."}
"#;

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let fixture = Fixture {
            dir: tempfile::tempdir().unwrap(),
        };
        fixture.write("call.txt", CALL);
        fixture.write("times.jsonl", CALL_OTHER_OUTLET);
        fixture.write("arrests.jsonl", ARRESTS);
        fixture
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn db(&self) -> String {
        self.path("events.db").display().to_string()
    }

    /// `dateline ARGS --db <fixture db>`, run in the fixture's folder.
    fn dateline(&self, args: &[&str]) -> std::process::Output {
        self.dateline_at(&self.db(), args)
    }

    fn dateline_at(&self, db: &str, args: &[&str]) -> std::process::Output {
        Command::cargo_bin("dateline")
            .unwrap()
            .current_dir(self.dir.path())
            .env_remove("DATELINE_DB")
            .args(args)
            .args(["--db", db])
            .output()
            .unwrap()
    }

    fn ingest(&self, inputs: &[&str]) -> String {
        let mut args = vec!["ingest"];
        args.extend(inputs);
        succeed(self.dateline(&args))
    }

    fn events(&self, args: &[&str]) -> Vec<Value> {
        let mut all = vec!["events", "--format", "jsonl"];
        all.extend(args);
        json_lines(&succeed(self.dateline(&all)))
    }
}

fn succeed(output: std::process::Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|err| panic!("{err}: {line}")))
        .collect()
}

fn sentences_of(event: &Value) -> Vec<String> {
    event["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["sentence"]["text"].as_str().unwrap().to_string())
        .collect()
}

fn the_call(fixture: &Fixture) -> Value {
    let calls = fixture.events(&["--code", "041"]);
    assert_eq!(calls.len(), 1, "one phone call: {calls:#?}");
    calls.into_iter().next().unwrap()
}

#[test]
fn ingesting_twice_stores_once_and_counts_the_call_once_with_every_mention() {
    let fixture = Fixture::new();
    let first = fixture.ingest(&["call.txt"]);
    assert!(first.contains("1 articles: 1 new"), "{first}");
    let events_before = fixture.events(&[]);
    let again = fixture.ingest(&["call.txt"]);
    assert!(
        again.contains("0 new, 0 revised, 1 already stored"),
        "{again}"
    );
    assert!(again.contains("holds 1 articles"), "{again}");
    assert_eq!(fixture.events(&[]), events_before);

    let call = the_call(&fixture);
    assert_eq!(call["source"]["code"], "USAGOV");
    assert_eq!(call["target"]["code"], "RUSGOV");
    assert_eq!(call["num_articles"], 1);
    let sentences = sentences_of(&call);
    assert_eq!(
        call["num_mentions"].as_u64().unwrap() as usize,
        sentences.len()
    );
    assert!(
        sentences[0].starts_with("U.S. President Donald Trump spoke by phone"),
        "{sentences:?}"
    );
    assert!(
        sentences.contains(
            &"Trump's recent conversation with Putin suggests a new approach to the war."
                .to_string()
        ),
        "the conclusion is a mention: {sentences:?}"
    );
    assert!(
        sentences.contains(
            &"The call lasted about ninety minutes, according to officials familiar with it."
                .to_string()
        ),
        "{sentences:?}"
    );
}

#[test]
fn another_outlet_reporting_the_call_next_day_adds_an_article_and_a_source() {
    let fixture = Fixture::new();
    fixture.ingest(&["call.txt", "times.jsonl"]);
    let call = the_call(&fixture);
    assert_eq!(call["num_articles"], 2);
    assert_eq!(call["num_sources"], 2);
    assert_eq!(call["first_seen"], "2025-02-12");
    assert_eq!(call["last_seen"], "2025-02-13");
    assert_eq!(call["date"], "2025-02-12");
}

#[test]
fn filters_and_export_formats() {
    let fixture = Fixture::new();
    fixture.ingest(&["call.txt", "arrests.jsonl"]);
    let arrests = fixture.events(&["--code", "17"]);
    let articles: Vec<&str> = arrests
        .iter()
        .map(|e| e["article_id"].as_str().unwrap())
        .collect();
    assert_eq!(articles, ["wire-tbilisi", "wire-nairobi"], "newest first");
    assert_eq!(fixture.events(&["--actor", "KEN"]).len(), 1);
    assert_eq!(
        fixture.events(&["--actor", "putin"]).len(),
        fixture.events(&["--target", "RUS"]).len()
    );
    assert_eq!(
        fixture.events(&["--country", "GEO", "--code", "17"]).len(),
        1
    );
    assert_eq!(
        fixture
            .events(&["--from", "2025-01-01", "--code", "17"])
            .len(),
        1
    );
    // Within 10 km of wherever the Tbilisi arrests were placed: not Nairobi.
    let tbilisi = &arrests[0]["location"];
    let near = format!("{},{},10", tbilisi["lat"], tbilisi["lon"]);
    let nearby = fixture.events(&["--near", &near, "--code", "17"]);
    assert_eq!(nearby.len(), 1);
    assert_eq!(nearby[0]["article_id"], "wire-tbilisi");
    assert_eq!(fixture.events(&["--text", "interior ministry"]).len(), 1);
    assert_eq!(fixture.events(&["--limit", "1"]).len(), 1);

    let csv = succeed(fixture.dateline(&["events", "--format", "csv", "--code", "041"]));
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row: Vec<String> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let column = |name: &str| &row[header.iter().position(|h| *h == name).unwrap()];
    assert_eq!(column("code"), "041");
    assert!(column("num_mentions").parse::<u32>().unwrap() >= 3);
    assert_eq!(column("num_articles"), "1");

    let gdelt = succeed(fixture.dateline(&["events", "--format", "gdelt", "--code", "041"]));
    let fields: Vec<&str> = gdelt.lines().next().unwrap().split('\t').collect();
    assert_eq!(fields.len(), 61);
    let num_mentions = dateline_export::GDELT_COLUMNS
        .iter()
        .position(|c| *c == "NumMentions")
        .unwrap();
    assert!(fields[num_mentions].parse::<u32>().unwrap() >= 3);
    assert_eq!(fields[num_mentions + 2], "1", "NumArticles");

    let plover = json_lines(&succeed(
        fixture.dateline(&["events", "--format", "plover", "--code", "041"]),
    ));
    assert_eq!(plover[0]["event"][0], "CONSULT");
    assert_eq!(plover[0]["mode"][0], "phone");
}

#[test]
fn show_timeline_and_network() {
    let fixture = Fixture::new();
    fixture.ingest(&["call.txt", "arrests.jsonl"]);
    let call = the_call(&fixture);
    let id = call["event_id"].as_str().unwrap();
    let table = succeed(fixture.dateline(&["show", id, "--format", "table"]));
    assert!(table.contains("041 Discuss by telephone"), "{table}");
    assert!(
        table.contains("Trump's recent conversation with Putin"),
        "{table}"
    );
    let shown = json_lines(&succeed(
        fixture.dateline(&["show", id, "--format", "jsonl"]),
    ));
    assert_eq!(shown[0], call);
    let missing = fixture.dateline(&["show", "no-such-event"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no event \"no-such-event\""));

    let months = json_lines(&succeed(fixture.dateline(&[
        "timeline", "--code", "17", "--by", "month", "--format", "jsonl",
    ])));
    let periods: Vec<(&str, u64, f64)> = months
        .iter()
        .map(|m| {
            (
                m["period"].as_str().unwrap(),
                m["events"].as_u64().unwrap(),
                m["mean_goldstein"].as_f64().unwrap(),
            )
        })
        .collect();
    // Arrests are CAMEO 173, Goldstein -5.
    assert_eq!(periods, [("2024-06", 1, -5.0), ("2025-02", 1, -5.0)]);

    let network = succeed(fixture.dateline(&["network", "--format", "csv", "--actor", "USA"]));
    let mut lines = network.lines();
    assert_eq!(
        lines.next(),
        Some("source,target,events,mentions,mean_goldstein")
    );
    assert!(network.contains("USAGOV,RUSGOV,"), "{network}");
}

#[test]
fn the_store_comes_from_dateline_db_and_a_missing_store_is_an_error() {
    let fixture = Fixture::new();
    let db = fixture.path("from-env.db");
    let ingest = Command::cargo_bin("dateline")
        .unwrap()
        .current_dir(fixture.dir.path())
        .env("DATELINE_DB", &db)
        .args(["ingest", "arrests.jsonl"])
        .output()
        .unwrap();
    succeed(ingest);
    assert!(db.exists());
    let missing = fixture.dateline_at(
        &fixture.path("nothing.db").display().to_string(),
        &["events"],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("no store at"),
        "{}",
        String::from_utf8_lossy(&missing.stderr)
    );
    assert!(
        !fixture.path("nothing.db").exists(),
        "queries never create a store"
    );
}

#[test]
fn parquet_needs_an_output_file_or_the_feature() {
    let fixture = Fixture::new();
    fixture.ingest(&["arrests.jsonl"]);
    let output = fixture.dateline(&["events", "--format", "parquet"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--output FILE") || stderr.contains("without Parquet support"),
        "{stderr}"
    );
}

#[test]
fn postgres_store_answers_like_sqlite() {
    let fixture = Fixture::new();
    let url = pg_server::fresh_database_url();
    for db in [url.as_str(), &fixture.db()] {
        succeed(fixture.dateline_at(db, &["ingest", "call.txt", "times.jsonl", "arrests.jsonl"]));
        succeed(fixture.dateline_at(db, &["ingest", "call.txt"]));
    }
    let export = |db: &str| {
        json_lines(&succeed(
            fixture.dateline_at(db, &["events", "--format", "jsonl"]),
        ))
    };
    assert_eq!(export(&url), export(&fixture.db()));
    assert!(!export(&url).is_empty());
}
