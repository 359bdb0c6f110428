//! `dateline parse` end to end: articles to CoNLL-U and JSON Lines,
//! CoNLL-U in and out with its tokens kept, scoring against a treebank,
//! and bad CoNLL-U reported with its line.

use std::io::Write;

use assert_cmd::Command;
use serde_json::Value;

const ARTICLE: &str =
    "date 2024-03-02 Goma: Rebels attacked a convoy near Goma on Friday, the army said.\n";

/// The hand-annotated fixture of the parse crate (written for Dateline).
const GOLD: &str = include_str!("../../parse/tests/fixtures/news.conllu");

fn dateline() -> Command {
    Command::cargo_bin("dateline").unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, content: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(content.as_bytes())
        .unwrap();
    path
}

/// The CoNLL-U word lines of the output, split into columns.
fn word_lines(output: &str) -> Vec<Vec<String>> {
    output
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_digit()))
        .map(|line| line.split('\t').map(String::from).collect())
        .collect()
}

#[test]
fn articles_become_conllu_with_lemmas_and_a_tree() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "goma.txt", ARTICLE);
    let output = dateline().arg("parse").arg(&path).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("# text = Rebels attacked a convoy near Goma on Friday, the army said.\n")
    );
    let words = word_lines(&text);
    let forms: Vec<&str> = words.iter().map(|w| w[1].as_str()).collect();
    assert_eq!(
        forms,
        [
            "Rebels", "attacked", "a", "convoy", "near", "Goma", "on", "Friday", ",", "the",
            "army", "said", "."
        ]
    );
    for word in &words {
        assert_eq!(word.len(), 10);
    }
    // Hand-checked: "attacked" heads the sentence, rebels attack the convoy
    // (lemma "attack"), and "the army said" is reported speech beside it.
    assert_eq!(words[1][2], "attack");
    assert_eq!(words[1][7], "root");
    assert_eq!((words[0][6].as_str(), words[0][7].as_str()), ("2", "nsubj"));
    assert_eq!((words[3][6].as_str(), words[3][7].as_str()), ("2", "obj"));
    assert_eq!(
        (words[10][6].as_str(), words[10][7].as_str()),
        ("12", "nsubj")
    );
    assert_eq!(
        words[7][9], "SpaceAfter=No",
        "Friday is followed by a comma"
    );
}

#[test]
fn jsonl_gives_tokens_with_spans_into_the_body() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "goma.txt", ARTICLE);
    let output = dateline()
        .args(["parse", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    let lines: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    let sentence = &lines[0];
    let text = sentence["text"].as_str().unwrap();
    let tokens = sentence["tokens"].as_array().unwrap();
    let body_start = ARTICLE.find("Rebels").unwrap();
    assert_eq!(tokens[1]["form"], "attacked");
    assert_eq!(tokens[1]["upos"], "VERB");
    assert_eq!(tokens[1]["xpos"], "VBD");
    // Spans are byte offsets into the article body, which starts at "Rebels".
    let span = &tokens[3]["span"];
    let (start, end) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&ARTICLE[body_start + start..body_start + end], "convoy");
    assert!(text.starts_with("Rebels attacked"));
}

#[test]
fn conllu_input_keeps_its_tokens_ids_and_comments() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "gold.conllu", GOLD);
    let output = dateline()
        .args(["parse", "--input-format", "conllu"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(
            "# sent_id = dateline-fixture-2\n# text = The minister didn't sign the deal.\n"
        )
    );
    assert!(
        text.contains("\n3-4\tdidn't\t_"),
        "multiword token line kept"
    );
    let parsed = word_lines(&text);
    let gold = word_lines(GOLD);
    assert_eq!(parsed.len(), gold.len());
    for (parsed, gold) in parsed.iter().zip(&gold) {
        // Ids, forms, lemmas and misc are the input's; tags and tree the model's.
        for column in [0, 1, 2, 5, 9] {
            assert_eq!(parsed[column], gold[column]);
        }
    }
}

#[test]
fn eval_scores_the_model_on_a_treebank() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "gold.conllu", GOLD);
    let output = dateline()
        .arg("parse")
        .arg("--eval")
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("18 sentences, 166 words: UPOS "), "{text}");
    assert!(text.contains("UAS ") && text.contains("LAS "));
}

#[test]
fn bad_conllu_is_reported_with_its_line_and_the_rest_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let text = "1\tOops\n\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";
    let path = write(&dir, "bad.conllu", text);
    let output = dateline()
        .args(["parse", "--input-format", "conllu"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("bad.conllu:1: expected 10 tab-separated columns, found 2"),
        "{stderr}"
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(word_lines(&stdout).len(), 1);
}
