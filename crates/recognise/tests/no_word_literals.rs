//! Knowledge is data (ARCHITECTURE.md): the recogniser's code names no
//! English words. Function words, titles, months and the like live in
//! `data/actors/` (cue words, agents), so this test fails on a lower-case
//! word written as a string literal in `src/` outside unit tests.

use std::path::Path;

/// Literals that are labels the recogniser prints, not words it reads.
const LABELS: &[&str] = &["name", "metonym", "demonym", "agent", "unknown"];

#[test]
fn the_recognisers_code_holds_no_english_words() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&src)
        .expect("src/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a source file");
        for (line_idx, word) in word_literals(&text) {
            if !LABELS.contains(&word.as_str()) {
                found.push(format!("{}:{}: \"{word}\"", path.display(), line_idx + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "English words in the recogniser's code (move them to data/):\n{}",
        found.join("\n")
    );
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
