//! The `dateline` binary end to end, on articles written for these tests.

use std::io::Write;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const ARTICLE: &str = "date 2023-05-14 Nairobi: Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Sunday, according to a statement from his office.

Talks in Nairobi

The two leaders discussed trade and security along their shared border. Ruto said the talks were \"frank and useful\".

Also Read: Floods Displace Thousands in Coastal Kenya

Police arrested 12 protesters outside parliament in Nairobi on Monday, witnesses said.
";

fn dateline() -> Command {
    Command::cargo_bin("dateline").unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, content: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(content)
        .unwrap();
    path
}

fn json_lines(output: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn slice(body: &str, span: &Value) -> String {
    let start = span[0].as_u64().unwrap() as usize;
    let end = span[1].as_u64().unwrap() as usize;
    body[start..end].to_string()
}

#[test]
fn read_prints_metadata_headings_and_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "kenya.txt", ARTICLE.as_bytes());
    let output = dateline()
        .args(["read", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    let articles = json_lines(&output.stdout);
    assert_eq!(articles.len(), 1);
    let article = &articles[0];
    assert_eq!(article["date"], "2023-05-14");
    assert_eq!(article["place"], "Nairobi");
    assert_eq!(article["headings"][0]["text"], "Talks in Nairobi");
    let body = article["body"].as_str().unwrap();
    assert!(!body.contains("Also Read"));
    assert_eq!(
        article["related_links"][0]["text"],
        "Floods Displace Thousands in Coastal Kenya"
    );
    let sentences = article["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 4);
    for sentence in sentences {
        assert_eq!(
            slice(body, &sentence["span"]),
            sentence["text"].as_str().unwrap()
        );
    }
    assert!(
        sentences[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Kenyan President William Ruto met")
    );
}

#[test]
fn code_prints_events_whose_spans_slice_the_body() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "kenya.txt", ARTICLE.as_bytes());
    let read = dateline()
        .args(["read", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    let body = json_lines(&read.stdout)[0]["body"]
        .as_str()
        .unwrap()
        .to_string();
    let output = dateline()
        .args(["code", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let events = json_lines(&output.stdout);
    let meeting = events
        .iter()
        .find(|e| e["source"]["code"] == "KENGOV" && e["target"]["code"] == "ETHGOV")
        .expect("Ruto meets Abiy");
    // In the source's own country: hosting a visit.
    assert_eq!(meeting["code"], "043");
    assert_eq!(meeting["quad_class"], 1);
    assert_eq!(meeting["location"]["name"], "Nairobi");
    for event in &events {
        assert_eq!(
            slice(&body, &event["trigger"]["span"]),
            event["trigger"]["text"].as_str().unwrap()
        );
        assert_eq!(
            slice(&body, &event["source"]["span"]),
            event["source"]["text"].as_str().unwrap()
        );
        assert_eq!(
            slice(&body, &event["sentence"]["span"]),
            event["sentence"]["text"].as_str().unwrap()
        );
    }
}

#[test]
fn gdelt_rows_have_61_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "kenya.txt", ARTICLE.as_bytes());
    let output = dateline()
        .args(["code", "--format", "gdelt"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.is_empty());
    for line in text.lines() {
        assert_eq!(line.split('\t').count(), 61, "{line}");
    }
}

#[test]
fn explain_says_why_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "kenya.txt", ARTICLE.as_bytes());
    dateline()
        .args(["code", "--format", "jsonl", "--explain"])
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains("coded KENGOV -> ETHGOV"));
}

#[test]
fn gzip_and_stdin_inputs_are_read() {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(ARTICLE.as_bytes()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "kenya.txt.gz", &encoder.finish().unwrap());
    let output = dateline()
        .args(["read", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(json_lines(&output.stdout)[0]["place"], "Nairobi");
    let output = dateline()
        .args(["read", "--format", "jsonl", "-"])
        .write_stdin(ARTICLE)
        .output()
        .unwrap();
    assert_eq!(json_lines(&output.stdout)[0]["input"], "-");
}

#[test]
fn failed_inputs_are_named_counted_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(&dir, "kenya.txt", ARTICLE.as_bytes());
    let jsonl = "{\"id\":\"a\",\"date\":\"2024-02-01\",\"text\":\"Kenya and Ethiopia signed a trade pact.\"}\n{not json\n{\"id\":\"c\",\"text\":\"Quiet day.\"}\n";
    let lines = write(&dir, "news.jsonl", jsonl.as_bytes());
    let missing = dir.path().join("missing.txt");
    let output = dateline()
        .args(["read", "--format", "jsonl"])
        .args([&good, &lines, &missing])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("news.jsonl:2:"), "{stderr}");
    assert!(stderr.contains("missing.txt"), "{stderr}");
    assert!(stderr.contains("2 of 3 inputs had errors"), "{stderr}");
    let ids: Vec<String> = json_lines(&output.stdout)
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 3);
    assert_eq!(&ids[1..], ["a", "c"]);
}

#[test]
fn usage_errors_exit_with_2() {
    dateline().args(["code"]).assert().code(2);
    dateline()
        .args(["read", "--format", "yaml", "x.txt"])
        .assert()
        .code(2);
    dateline()
        .args(["code", "--date", "14/05/2023", "x.txt"])
        .assert()
        .code(2);
}

#[test]
fn eval_scores_a_gold_file() {
    let dir = tempfile::tempdir().unwrap();
    let gold = "\
{\"id\":\"g1\",\"date\":\"2023-05-14\",\"text\":\"Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on Sunday.\",\"events\":[{\"source\":\"KENGOV\",\"target\":\"ETHGOV\",\"code\":\"040\"}]}
{\"id\":\"g2\",\"date\":\"2023-05-14\",\"text\":\"Rain fell across the region on Sunday.\",\"events\":[]}
";
    let path = write(&dir, "gold.jsonl", gold.as_bytes());
    let output = dateline()
        .args(["eval", "--json", "--gold"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let scores = &report["sentences"];
    assert_eq!(scores["records"], 2);
    assert_eq!(scores["exact_matches"], 2);
    assert_eq!(scores["triples"]["true_positives"], 1);
    assert_eq!(scores["triples"]["f1"], 1.0);
    assert!(report.get("articles").is_none());
}

/// A labelled article in the Wikinews set's format, spans computed from the text.
fn gold_article(id: &str, text: &str, sentences: &[&str], events: Value) -> String {
    let sentences: Vec<Value> = sentences
        .iter()
        .enumerate()
        .map(|(index, sentence)| {
            let start = text.find(sentence).unwrap();
            serde_json::json!({"index": index, "span": [start, start + sentence.len()], "text": sentence})
        })
        .collect();
    let record = serde_json::json!({
        "id": id, "date": "2023-05-14", "title": "Ruto meets Abiy", "kind": "political",
        "text": text, "sentences": sentences, "events": events,
    });
    format!("{record}\n")
}

#[test]
fn eval_scores_labelled_articles_by_sentence_and_article() {
    let dir = tempfile::tempdir().unwrap();
    let met = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on Sunday.";
    let rain = "Rain fell across the region on Sunday.";
    let text = format!("{met}\n\n{rain}");
    // The meeting is found; the (deliberately wrong) label on the rain
    // sentence is missed; the optional signing is neither.
    let events = serde_json::json!([
        {"sentence": 0, "source": "KENGOV", "target": "ETHGOV", "code": "040"},
        {"sentence": 0, "source": "KENGOV", "target": "ETHGOV", "code": "057", "optional": true},
        {"sentence": 1, "source": "KEN", "target": "ETH", "code": "190"},
    ]);
    let path = write(
        &dir,
        "articles.jsonl",
        gold_article("a1", &text, &[met, rain], events).as_bytes(),
    );
    let output = dateline()
        .args(["eval", "--format", "json", "--misses", "--gold"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let articles = &report["articles"];
    assert_eq!(articles["articles"], 1);
    assert_eq!(articles["gold_events"], 2);
    assert_eq!(articles["optional_events"], 1);
    assert_eq!(articles["predicted_events"], 1);
    assert_eq!(articles["article_countries_roots"]["true_positives"], 1);
    assert_eq!(articles["article_countries_roots"]["false_negatives"], 1);
    assert_eq!(articles["sentence_triples"]["precision"], 1.0);
    assert_eq!(articles["sentence_triples"]["recall"], 0.5);
    assert_eq!(articles["roots"]["04"]["true_positives"], 1);
    assert_eq!(articles["roots"]["19"]["false_negatives"], 1);
    let miss = &report["misses"][0]["missed"][0];
    assert_eq!(miss["sentence"], 1);
    assert_eq!(miss["text"], rain);
    assert_eq!(miss["code"], "190");
    assert_eq!(miss["why"][0], "no pattern's trigger in the sentence");
    assert_eq!(report["misses"][0]["extra"].as_array().unwrap().len(), 0);

    let text_report = dateline()
        .args(["eval", "--misses", "--gold"])
        .arg(&path)
        .output()
        .unwrap();
    let shown = String::from_utf8(text_report.stdout).unwrap();
    assert!(
        shown.contains("[1] Rain fell across the region on Sunday."),
        "{shown}"
    );
    assert!(shown.contains("missed KEN ETH 190"), "{shown}");
    assert!(
        shown.contains("events per article: gold 2.00, coded 1.00"),
        "{shown}"
    );
}

#[test]
fn eval_reports_an_article_whose_sentences_left_the_body() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on Sunday.";
    let mut line = gold_article("a2", text, &[text], serde_json::json!([]));
    line = line.replace("\"text\":\"Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on Sunday.\",\"title", "\"text\":\"Something else was written here.\",\"title");
    let path = write(&dir, "moved.jsonl", line.as_bytes());
    let output = dateline()
        .args(["eval", "--gold"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("a2: sentence 0 is no longer in the body"),
        "{stderr}"
    );
}
