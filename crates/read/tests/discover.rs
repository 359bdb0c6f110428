//! Expanding paths into inputs.

use std::fs;
use std::path::PathBuf;

use dateline_read::{Input, ReadConfig, Severity, discover, read_input};

#[test]
fn directories_are_walked_recursively_sorted_and_without_hidden_or_unknown_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("b/nested")).unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    for name in [
        "z.txt",
        "a.jsonl.gz",
        "b/nested/page.html",
        "b/feed.xml",
        ".hidden.txt",
        ".git/x.txt",
        "notes.md",
        "image.png",
    ] {
        fs::write(
            root.join(name),
            "Quito (Example) - Ecuador held a referendum.",
        )
        .unwrap();
    }
    let explicit = root.join("notes.md");
    let missing = root.join("missing.txt");
    let (inputs, diagnostics) = discover(&[
        root.to_path_buf(),
        PathBuf::from("-"),
        explicit.clone(),
        missing.clone(),
    ]);
    assert_eq!(
        inputs,
        [
            Input::Path(root.join("a.jsonl.gz")),
            Input::Path(root.join("b/feed.xml")),
            Input::Path(root.join("b/nested/page.html")),
            Input::Path(root.join("z.txt")),
            Input::Stdin,
            Input::Path(explicit),
        ]
    );
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].severity, Severity::Error);
    assert_eq!(diagnostics[0].input, missing.display().to_string());
    assert_eq!(Input::Stdin.name(), "-");
}

#[test]
fn an_unreadable_path_is_an_error_for_that_input() {
    let report = read_input(
        &Input::Path(PathBuf::from("/nonexistent/dateline/a.txt")),
        &ReadConfig::default(),
        &mut |_| {},
    );
    assert!(report.failed());
    assert_eq!(report.diagnostics.len(), 1);
    assert!(
        report.diagnostics[0]
            .to_string()
            .starts_with("/nonexistent/dateline/a.txt: ")
    );
}
