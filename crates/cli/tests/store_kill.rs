//! `dateline ingest` killed with SIGKILL mid-way and run again loses
//! nothing and duplicates nothing: the store ends exactly as after one
//! uninterrupted run. Readers keep working while the ingest writes.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dateline_store::{EventQuery, OpenMode, Stats, Store};

/// Articles in the generated input: enough that an ingest takes a while.
const N_ARTICLES: usize = 3000;
/// Articles per transaction in these runs.
const BATCH: usize = 20;

const LEADERS: &[(&str, &str)] = &[
    ("Kenyan President William Ruto", "Nairobi"),
    ("Ethiopian Prime Minister Abiy Ahmed", "Addis Ababa"),
    ("Indian Prime Minister Narendra Modi", "New Delhi"),
    ("Japanese Prime Minister Shigeru Ishiba", "Tokyo"),
    ("French President Emmanuel Macron", "Paris"),
    ("German Chancellor Olaf Scholz", "Berlin"),
];

const POLICE: &[(&str, &str)] = &[
    ("Kenyan police", "Nairobi"),
    ("Georgian police", "Tbilisi"),
    ("Serbian police", "Belgrade"),
    ("Turkish police", "Istanbul"),
];

/// Wire-style articles: meetings, phone calls and arrests between a few
/// actors on a few hundred days, so many reports merge into shared events.
fn generated_input(path: &Path) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let base = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    for idx in 0..N_ARTICLES {
        let date = base + chrono::Days::new((idx % 240) as u64);
        let (host, city) = LEADERS[idx % LEADERS.len()];
        let (guest, _) = LEADERS[(idx / LEADERS.len() + 1 + idx) % LEADERS.len()];
        let (police, police_city) = POLICE[idx % POLICE.len()];
        let guest = if guest == host {
            LEADERS[(idx + 1) % LEADERS.len()].0
        } else {
            guest
        };
        let text = match idx % 3 {
            0 => format!(
                "{host} met {guest} in {city} on Tuesday, officials said.\n\n\
                 The meeting focused on trade and security. Report number {idx}."
            ),
            1 => format!(
                "{host} spoke by phone with {guest} on Wednesday, his office said.\n\n\
                 The call lasted an hour. Report number {idx}."
            ),
            _ => format!(
                "{police} arrested {} protesters in {police_city} on Monday, witnesses said.\n\n\
                 Report number {idx}.",
                10 + idx % 50
            ),
        };
        let outlet = ["Example Wire", "Example Times", "Example Daily"][idx % 3];
        let record = serde_json::json!({
            "id": format!("gen-{idx}"),
            "url": format!("https://news.example.org/gen/{idx}"),
            "date": date.format("%Y-%m-%d").to_string(),
            "title": format!("Generated report {idx}"),
            "source": outlet,
            "text": text,
        });
        writeln!(out, "{record}").unwrap();
    }
}

fn ingest(input: &Path, db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dateline"));
    command
        .args(["ingest", "--batch", &BATCH.to_string(), "-j", "2", "--db"])
        .arg(db)
        .arg(input)
        .env_remove("DATELINE_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

fn run_to_end(input: &Path, db: &Path) {
    let output = ingest(input, db).output().unwrap();
    assert!(
        output.status.success(),
        "ingest failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Every event with its counts, in a stable order.
fn all_events(db: &Path) -> Vec<String> {
    let mut store = Store::open_sqlite(db, OpenMode::Existing).unwrap();
    let mut events: Vec<String> = store
        .events(&EventQuery::default())
        .unwrap()
        .into_iter()
        .map(|e| {
            let merge = e.merge.unwrap();
            format!(
                "{} {:?} {} {} {:?} {} {} {} {:?}",
                e.event_id,
                e.date,
                e.code,
                e.source.code,
                e.target.map(|t| t.code),
                merge.num_mentions,
                merge.num_articles,
                merge.num_sources,
                merge.last_seen
            )
        })
        .collect();
    events.sort();
    events
}

fn stats(db: &Path) -> Stats {
    Store::open_sqlite(db, OpenMode::Existing)
        .unwrap()
        .stats()
        .unwrap()
}

#[test]
fn kill_9_mid_ingest_then_restart_loses_nothing_and_duplicates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("generated.jsonl");
    generated_input(&input);

    // The reference: one uninterrupted run.
    let reference_db = dir.path().join("reference.db");
    run_to_end(&input, &reference_db);
    let reference = stats(&reference_db);
    assert_eq!(reference.articles, N_ARTICLES as u64);
    assert!(reference.events > 100, "{reference:?}");
    assert!(
        reference.reports > reference.events,
        "reports merge: {reference:?}"
    );

    // The same run, killed once some batches are in.
    let db = dir.path().join("killed.db");
    let mut child = ingest(&input, &db).spawn().unwrap();
    let started = Instant::now();
    let mut reads_during_ingest = 0;
    let stored_at_kill = loop {
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "no batch committed in 300 s"
        );
        std::thread::sleep(Duration::from_millis(20));
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the ingest ended ({status}) before it could be killed: make N_ARTICLES larger");
        }
        let Ok(mut reader) = Store::open_sqlite(&db, OpenMode::Existing) else {
            continue;
        };
        // Readers work while the ingest writes.
        let Ok(stats) = reader.stats() else { continue };
        reader
            .events(&EventQuery {
                limit: Some(10),
                ..EventQuery::default()
            })
            .unwrap();
        reads_during_ingest += 1;
        if stats.articles >= (5 * BATCH) as u64 {
            child.kill().unwrap(); // SIGKILL
            child.wait().unwrap();
            break stats.articles;
        }
    };
    assert!(reads_during_ingest > 0);
    let after_kill = stats(&db);
    assert!(after_kill.articles >= stored_at_kill, "{after_kill:?}");
    assert!(
        after_kill.articles < N_ARTICLES as u64,
        "killed too late: {after_kill:?}"
    );
    assert_eq!(
        after_kill.articles % BATCH as u64,
        0,
        "only whole batches are stored: {after_kill:?}"
    );

    // Restart: the stored batches are recognised, the rest is stored once.
    run_to_end(&input, &db);
    assert_eq!(stats(&db), reference);
    assert_eq!(all_events(&db), all_events(&reference_db));
}
