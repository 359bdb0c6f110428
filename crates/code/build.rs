//! Compiles the built-in knowledge of `data/verbs/` into the binary: every
//! `*.txt` pattern file, and the event lexicon (`lexicon/*.tsv`,
//! `lexicon/light-verbs.txt`, `lexicon/private-targets.txt`, `lexicon/private-sources.txt`).

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    let verbs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/verbs");
    let patterns = files_in(&verbs, |name| name.ends_with(".txt") && name != "cues.txt");
    write_table("builtin_verbs.rs", "data/verbs", &patterns);
    let lexicon_dir = verbs.join("lexicon");
    let lexicon = files_in(&lexicon_dir, |name| {
        name.ends_with(".tsv")
            || name == "light-verbs.txt"
            || name == "private-targets.txt"
            || name == "private-sources.txt"
    });
    write_table("builtin_lexicon.rs", "data/verbs/lexicon", &lexicon);
}

/// The files of `dir` whose names pass `keep`, sorted; none when `dir` is missing.
fn files_in(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    println!("cargo::rerun-if-changed={}", dir.display());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| keep(&name.to_string_lossy()))
        })
        .collect();
    files.sort();
    files
}

/// Writes `pub const FILES: [(&str, &str); N]` of (name, contents) to OUT_DIR.
fn write_table(out_name: &str, shown_dir: &str, files: &[PathBuf]) {
    let mut code = String::from("pub const FILES: [(&str, &str); ");
    writeln!(code, "{}] = [", files.len()).unwrap();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy();
        println!("cargo::rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    (\"{shown_dir}/{name}\", include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join(out_name);
    std::fs::write(out, code).unwrap();
}
