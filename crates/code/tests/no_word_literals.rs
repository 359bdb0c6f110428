//! Knowledge is data (ARCHITECTURE.md): the coder's code names no English
//! words. Auxiliaries, prepositions, days, months, quantity words, place
//! nouns and the like live in `data/verbs/cues.txt`, so this test fails on a
//! lower-case word written as a string literal in `src/` (and its
//! subfolders) outside unit tests.

use std::path::{Path, PathBuf};

/// Literals that are labels, not words the coder reads in text: keywords of
/// Dateline's own data formats, and names the coder writes. Each is allowed
/// only in the file that reads or writes that format, so that "of" in the
/// lexicon's `of=source` flag does not let `form == "of"` pass elsewhere.
const LABELS: &[(&str, &[&str])] = &[
    // Directives of the pattern files (`gaps=any|fillers`,
    // `defaults=source,target|none`, `trigger=verb|noun|any`).
    (
        "dictionary/mod.rs",
        &[
            "gaps", "any", "fillers", "defaults", "source", "target", "none", "trigger", "verb",
            "noun",
        ],
    ),
    // The scope of a PETRARCH discard entry.
    ("discard.rs", &["sentence", "story"]),
    // Columns and flags of the event lexicon (`data/verbs/lexicon/*.tsv`):
    // the kinds `verb`/`noun`, the target slot `obj`, and the flags `recip`,
    // `implicit=government|country`, `of=source`, `frame=appeal|demand|
    // intent|threat|refuse`, `complement=quoted`, `needs=...`.
    (
        "lexicon.rs",
        &[
            "verb",
            "noun",
            "obj",
            "recip",
            "implicit",
            "government",
            "country",
            "of",
            "source",
            "frame",
            "complement",
            "quoted",
            "needs",
            "appeal",
            "demand",
            "intent",
            "threat",
            "refuse",
        ],
    ),
    // The name the coder gives an implied government participant.
    ("participants.rs", &["government"]),
    // Conditions and values of the refinement table (`data/verbs/refine.tsv`:
    // `instrument`, `persons` = `source`/`target`).
    ("refine.rs", &["instrument", "persons", "source", "target"]),
    // A spelling rule (British doubling of a final "l"), not a word.
    ("forms.rs", &["ll"]),
];

#[test]
fn the_coders_code_holds_no_english_words() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for path in rust_files(&src) {
        let text = std::fs::read_to_string(&path).expect("a source file");
        let shown = path.strip_prefix(&src).unwrap_or(&path);
        let file = shown.to_string_lossy().replace('\\', "/");
        let labels = LABELS
            .iter()
            .find(|(labelled, _)| *labelled == file)
            .map_or(&[][..], |(_, labels)| *labels);
        for (line_idx, word) in word_literals(&text) {
            if !labels.contains(&word.as_str()) {
                found.push(format!("src/{file}:{}: \"{word}\"", line_idx + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "English words in the coder's code (move them to data/verbs/cues.txt):\n{}",
        found.join("\n")
    );
}

/// Every `.rs` file under `dir`, its subfolders included, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("a readable folder") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// (line index, literal) of every string literal that is one lower-case
/// word, in code before the unit tests, outside comments.
fn word_literals(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (line_idx, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let code = line.split("//").next().unwrap_or("");
        // Character literals of a quote are no string.
        let code = code.replace("'\"'", "'_'");
        let mut parts = code.split('"');
        parts.next();
        while let Some(literal) = parts.next() {
            let is_word = literal.len() >= 2 && literal.chars().all(|c| c.is_ascii_lowercase());
            if is_word {
                found.push((line_idx, literal.to_string()));
            }
            // Skip the code between this literal and the next.
            parts.next();
        }
    }
    found
}

#[test]
fn the_scan_finds_words_and_skips_comments_and_tests() {
    let text = "let a = \"the\"; // \"of\"\nlet b = ['\"', 'x']; let c = \"'s\";\n#[cfg(test)]\nlet d = \"and\";";
    let words: Vec<String> = word_literals(text).into_iter().map(|(_, w)| w).collect();
    assert_eq!(words, ["the"]);
}
