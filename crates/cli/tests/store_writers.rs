//! Four `dateline ingest` processes at once into one PostgreSQL store, over
//! overlapping inputs (the bundled sample articles, coded by the real
//! pipeline), leave the store one serial ingest leaves.

#[path = "../../store/tests/support/pg_server.rs"]
mod pg_server;

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn samples() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext != "md"))
        .collect();
    files.sort();
    files
}

fn dateline(db: &str, args: &[&str], inputs: &[PathBuf]) -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("dateline"));
    command
        .env_remove("DATELINE_DB")
        .args(args)
        .args(inputs)
        .args(["--db", db])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn succeed(output: Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}\nstderr: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Every stored event as JSON, one line each, sorted.
fn export(db: &str) -> Vec<String> {
    let out = succeed(
        dateline(db, &["events", "--format", "jsonl"], &[])
            .output()
            .unwrap(),
    );
    let mut lines: Vec<String> = out.lines().map(str::to_string).collect();
    lines.sort();
    lines
}

#[test]
fn four_ingest_processes_at_once_equal_one_serial_ingest() {
    let files = samples();
    assert!(files.len() >= 8, "{files:?}");
    let serial = pg_server::fresh_database_url();
    succeed(dateline(&serial, &["ingest"], &files).output().unwrap());
    let expected = export(&serial);
    assert!(
        expected.len() >= 10,
        "the samples code to events: {expected:?}"
    );

    // Each file goes to two processes; odd processes take theirs in reverse.
    let shared = pg_server::fresh_database_url();
    let processes: Vec<_> = (0..4)
        .map(|writer| {
            let mut share: Vec<PathBuf> = files
                .iter()
                .enumerate()
                .filter(|(idx, _)| idx % 4 == writer || idx % 4 == (writer + 1) % 4)
                .map(|(_, path)| path.clone())
                .collect();
            if writer % 2 == 1 {
                share.reverse();
            }
            dateline(&shared, &["ingest", "--batch", "1"], &share)
                .spawn()
                .unwrap()
        })
        .collect();
    for process in processes {
        succeed(process.wait_with_output().unwrap());
    }
    assert_eq!(export(&shared), expected);
}
