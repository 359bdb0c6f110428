//! Actor and event codes are typed values (ARCHITECTURE.md, invariants):
//! outside this crate no code reads their text by position or length, or
//! builds one by pasting segments ("USA" + "GOV"). `ActorCode` and
//! `EventCode` have a method for each such question (`head`, `roles`,
//! `government`, `is_within`, ...); this test fails on the string forms.

use std::path::{Path, PathBuf};

/// What slicing or pasting a code's text looks like.
const FORBIDDEN: &[&str] = &[
    ".as_str()[",
    ".as_str().len()",
    ".as_str().starts_with(",
    ".as_str().ends_with(",
    "}GOV\"",
    "}MIL\"",
];

#[test]
fn no_crate_slices_or_pastes_code_text() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    for file in rust_files_outside_the_model(&crates) {
        let text = std::fs::read_to_string(&file).expect("a readable source file");
        for (index, line) in text.lines().enumerate() {
            let about_codes = line.contains("code");
            if about_codes && FORBIDDEN.iter().any(|form| line.contains(form)) {
                found.push(format!("{}:{}: {}", file.display(), index + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "code text sliced or pasted outside dateline-model (add a method to ActorCode or EventCode):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_every_crate() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let files = rust_files_outside_the_model(&crates);
    for stage in ["code", "recognise", "resolve", "store", "export"] {
        assert!(
            files.iter().any(|f| f.starts_with(crates.join(stage))),
            "no source files found for {stage}"
        );
    }
}

/// Every `.rs` file under `crates/*/src` except the model's own.
fn rust_files_outside_the_model(crates: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(crates)
        .expect("crates/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| !path.ends_with("model"))
        .map(|path| path.join("src"))
        .filter(|path| path.is_dir())
        .collect();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("a readable directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}
