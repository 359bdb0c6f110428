//! The coding-quality gate: `dateline eval` on the labelled real-news set
//! (Wikinews dev and test) and on the written test sentences must not fall
//! more than [`TOLERANCE`] below the figures recorded in
//! `data/gold/scores.json`.
//!
//! Raising a recorded figure (after a real improvement) or lowering one (a
//! deliberate trade) is a reviewed commit to that file, never a change here.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// How far a figure may fall below its recorded value.
const TOLERANCE: f64 = 0.02;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn recorded() -> Value {
    let path = repo().join("data/gold/scores.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    serde_json::from_str(&text).expect("data/gold/scores.json is JSON")
}

/// `dateline eval --format json` on one gold file.
fn evaluate(gold: &str) -> Value {
    let output = Command::cargo_bin("dateline")
        .unwrap()
        .current_dir(repo())
        .args(["eval", "--format", "json", "--gold", gold])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "dateline eval --gold {gold} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The figures of one gold file that fall too far below their record.
fn drops(gold: &str, figures: &serde_json::Map<String, Value>) -> Vec<String> {
    let report = evaluate(gold);
    let mut drops = Vec::new();
    for (pointer, recorded) in figures {
        let recorded = recorded.as_f64().expect("recorded figures are numbers");
        let Some(now) = report.pointer(pointer).and_then(Value::as_f64) else {
            drops.push(format!("{gold} {pointer}: not in the report"));
            continue;
        };
        eprintln!("{gold} {pointer}: {now:.3} (recorded {recorded:.3})");
        if now < recorded - TOLERANCE {
            drops.push(format!(
                "{gold} {pointer}: {now:.3}, recorded {recorded:.3}"
            ));
        }
    }
    drops
}

#[test]
fn coding_quality_does_not_fall_below_the_recorded_figures() {
    let recorded = recorded();
    let files = recorded.as_object().expect("an object of gold files");
    assert!(
        files.len() >= 3,
        "the gate covers the Wikinews dev and test parts and the written test sentences"
    );
    let mut all_drops = Vec::new();
    for (gold, figures) in files {
        let figures = figures.as_object().expect("an object of JSON pointers");
        all_drops.extend(drops(gold, figures));
    }
    assert!(
        all_drops.is_empty(),
        "coding quality fell more than {TOLERANCE} below data/gold/scores.json:\n{}",
        all_drops.join("\n")
    );
}
