//! The `dateline` binary with PETRARCH/TABARI dictionaries written for these
//! tests: `--verbs/--actors/--agents`, `--petrarch-config` with its options
//! and overriding flags, `--strict`, discards under `--explain`, issues in
//! the output, and `kb check` / `kb convert`.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const VERBS: &str = "\
&TALKS
+TALKS
+NEGOTIATION

--- CONSULT [040] ---
MEET {MEETS MET MEETING}
- * + FOR &TALKS [046:046]

--- ATTACK [190] ---
ASSAULT
SHELL [195]
- * + WITH ARTILLERY [195]
";

const ACTORS: &str = "\
NORWAY_ [NOR]
+NORWEGIAN_
SWEDEN_ [SWE]
+SWEDISH_
";

const AGENTS: &str = "SOLDIER [~MIL]\nPOLICE {} [~COP]\n";

const DISCARDS: &str = "HANDBALL\n";

const ISSUES: &str = "<ISSUE CATEGORY=\"RESOURCES\">\nn:fishery [FISHERIES]\n</ISSUE>\n";

const ARTICLE: &str = "date 2024-05-02 Oslo: Norway met Sweden for talks in Oslo on Thursday.

Norwegian soldiers assaulted Swedish police near the border over fisheries.

Norway beat Sweden at handball on Sunday.

Norway assaulted the area overnight.
";

fn dateline() -> Command {
    Command::cargo_bin("dateline").unwrap()
}

/// Writes the dictionaries and the article into `dir`.
fn fixtures(dir: &Path) -> PathBuf {
    for (name, text) in [
        ("test.verbs.txt", VERBS),
        ("test.actors.txt", ACTORS),
        ("test.agents.txt", AGENTS),
        ("test.discards.txt", DISCARDS),
        ("test.issues.txt", ISSUES),
        ("article.txt", ARTICLE),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir.join("article.txt")
}

/// `dateline code --no-builtin --format jsonl` with the verbs and actors of
/// the fixtures, `agents` (a file in `dir`), any `extra` flags, on `article`.
fn code_with_fixtures(dir: &Path, agents: &str, extra: &[&str], article: &Path) -> Output {
    let d = |name: &str| dir.join(name);
    dateline()
        .args(["code", "--no-builtin", "--format", "jsonl"])
        .arg("--verbs")
        .arg(d("test.verbs.txt"))
        .arg("--actors")
        .arg(d("test.actors.txt"))
        .arg("--agents")
        .arg(d(agents))
        .args(extra.iter().map(|flag| {
            // Flag values naming fixture files are paths in `dir`.
            if flag.ends_with(".txt") {
                d(flag).into_os_string()
            } else {
                (*flag).into()
            }
        }))
        .arg(article)
        .output()
        .unwrap()
}

fn events(output: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn triples(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| {
            let target = e["target"]["code"].as_str().unwrap_or("-");
            format!(
                "{} {} {}",
                e["source"]["code"].as_str().unwrap(),
                target,
                e["code"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn codes_with_petrarch_dictionaries_only() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixtures(dir.path());
    let output = code_with_fixtures(
        dir.path(),
        "test.agents.txt",
        &[
            "--discards",
            "test.discards.txt",
            "--issues",
            "test.issues.txt",
        ],
        &article,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "no dictionary problems: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let events = events(&output.stdout);
    assert_eq!(
        triples(&events),
        ["NOR SWE 046", "SWE NOR 046", "NORMIL SWECOP 190"],
        "the handball sentence is discarded; the last has no target"
    );
    assert_eq!(events[2]["rule"].as_str().unwrap(), "190:ATTACK ASSAULT");
    let issues: Vec<&str> = events[2]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(issues, ["FISHERIES"]);
}

#[test]
fn a_petrarch_configuration_names_dictionaries_and_options() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixtures(dir.path());
    let ini = "[Dictionaries]\nverbfile_name = test.verbs.txt\nactorfile_list = test.actors.txt\n\
               agentfile_name = test.agents.txt\ndiscardfile_name = test.discards.txt\n\
               [Options]\nrequire_dyad = False\n";
    std::fs::write(dir.path().join("PETR_config.ini"), ini).unwrap();
    let run = |extra: &[&str]| {
        let output = dateline()
            .current_dir("/")
            .args(["code", "--format", "jsonl", "--petrarch-config"])
            .arg(dir.path().join("PETR_config.ini"))
            .args(extra)
            .arg(&article)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        triples(&events(&output.stdout))
    };
    // require_dyad = False keeps the event with no target.
    assert!(run(&[]).contains(&"NOR - 190".to_string()));
    // A flag overrides the file.
    assert!(!run(&["--require-dyad", "TRUE"]).contains(&"NOR - 190".to_string()));
}

#[test]
fn strict_makes_dictionary_errors_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixtures(dir.path());
    let broken = dir.path().join("broken.verbs.txt");
    std::fs::write(&broken, format!("{VERBS}- * + WITH &NOWHERE [195]\n")).unwrap();
    let base = || {
        let mut command = dateline();
        command
            .args(["code", "--no-builtin", "--format", "jsonl", "--verbs"])
            .arg(&broken)
            .arg("--actors")
            .arg(dir.path().join("test.actors.txt"));
        command
    };
    base()
        .arg(&article)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "broken.verbs.txt:13: synset &NOWHERE is not defined",
        ));
    base()
        .arg("--strict")
        .arg(&article)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("dateline: error:")
                .and(predicate::str::contains("broken.verbs.txt:13")),
        );
}

#[test]
fn explain_says_why_a_sentence_was_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixtures(dir.path());
    dateline()
        .args(["code", "--no-builtin", "--format", "jsonl", "--explain"])
        .arg("--verbs")
        .arg(dir.path().join("test.verbs.txt"))
        .arg("--actors")
        .arg(dir.path().join("test.actors.txt"))
        .arg("--discards")
        .arg(dir.path().join("test.discards.txt"))
        .arg(&article)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "discarded: the sentence contains 'HANDBALL'",
        ));
}

#[test]
fn kb_check_counts_and_reports_problems_with_lines() {
    let dir = tempfile::tempdir().unwrap();
    fixtures(dir.path());
    let bad = dir.path().join("bad.actors.txt");
    std::fs::write(
        &bad,
        "NORWAY_ [NOR]\nARNE_BERG_\n\t[NORGOV 20201301-20211231]\n",
    )
    .unwrap();
    let codes = dir.path().join("weis.verbs.txt");
    std::fs::write(&codes, "--- SEIZE [174K] ---\nSEIZE\n").unwrap();
    dateline()
        .args(["kb", "check", "-v"])
        .arg(dir.path().join("test.verbs.txt"))
        .arg(dir.path().join("test.agents.txt"))
        .arg(&codes)
        .assert()
        .success()
        .stdout(
            predicate::str::contains(
                "PETRARCH verbs - 2 blocks, 3 verbs (0 multi-word), 1 synsets, 2 patterns",
            )
            .and(predicate::str::contains("PETRARCH agents - 2 agents"))
            .and(
                predicate::str::contains("note: ").and(predicate::str::contains(
                    "code 174K is not in the CAMEO codebook",
                )),
            ),
        );
    dateline()
        .args(["kb", "check"])
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "bad.actors.txt:3: [NORGOV 20201301-20211231]: bad date",
        ));
}

#[test]
fn kb_convert_writes_dateline_files_that_code_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixtures(dir.path());
    let out = dir.path().join("converted");
    dateline()
        .args(["kb", "convert", "-o"])
        .arg(&out)
        .arg(dir.path().join("test.verbs.txt"))
        .arg(dir.path().join("test.actors.txt"))
        .arg(dir.path().join("test.agents.txt"))
        .assert()
        .success();
    let converted = |name: &str| out.join(name);
    let output = dateline()
        .args(["code", "--no-builtin", "--format", "jsonl"])
        .arg("--verbs")
        .arg(converted("test.verbs.verbs.txt"))
        .arg("--kb")
        .arg(converted("test.actors.countries.tsv"))
        .arg("--kb")
        .arg(converted("test.agents.agents.tsv"))
        .arg(&article)
        .output()
        .unwrap();
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        triples(&events(&output.stdout)),
        ["NOR SWE 046", "SWE NOR 046", "NORMIL SWECOP 190"]
    );
}

#[test]
fn a_person_the_dictionaries_lack_is_known_by_the_title_before_the_name() {
    // As with Phoenix, which has no entry for Donald Trump: the agent noun
    // before the name says who he is, and the surname alone later refers back.
    let dir = tempfile::tempdir().unwrap();
    fixtures(dir.path());
    let d = |name: &str| dir.path().join(name);
    std::fs::write(d("agents.txt"), "PRESIDENT [~GOV]\n").unwrap();
    std::fs::write(
        d("visit.txt"),
        "date 2024-05-02 Oslo: Norwegian President-elect Lars Eriksen arrived on Thursday.\n\n\
         Eriksen met Sweden for talks on fisheries.\n",
    )
    .unwrap();
    let output = code_with_fixtures(dir.path(), "agents.txt", &[], &d("visit.txt"));
    assert!(output.status.success());
    let events = events(&output.stdout);
    // The pattern's paired code [046:046] codes the talks both ways.
    assert_eq!(triples(&events), ["NORGOV SWE 046", "SWE NORGOV 046"]);
    assert_eq!(events[0]["source"]["text"].as_str().unwrap(), "Eriksen");
}
