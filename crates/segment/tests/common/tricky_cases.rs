//! Reads `tests/data/tricky-sentences.txt`: paragraphs with their expected
//! sentences. Shared by the `tricky` test and the `compare_sentencex` example.

#![allow(dead_code)]

/// One paragraph of the tricky set.
#[derive(Debug)]
pub struct TrickyCase {
    /// 1-based line number of the case's first line in the data file.
    pub line: usize,
    pub paragraph: String,
    /// Marked `? known miss`: Dateline's rules are known to split it wrongly.
    pub known_miss: bool,
    /// The expected sentences, in order.
    pub sentences: Vec<String>,
}

impl TrickyCase {
    /// Byte offsets in `paragraph` where the expected sentences end.
    pub fn expected_ends(&self) -> Vec<usize> {
        let mut ends = Vec::new();
        let mut search_from = 0;
        for sentence in &self.sentences {
            let start = search_from
                + self.paragraph[search_from..]
                    .find(sentence.as_str())
                    .unwrap();
            search_from = start + sentence.len();
            ends.push(search_from);
        }
        ends
    }
}

pub const TRICKY_TEXT: &str = include_str!("../data/tricky-sentences.txt");

pub fn tricky_cases() -> Vec<TrickyCase> {
    let mut cases = Vec::new();
    let mut current: Option<TrickyCase> = None;
    for (line_idx, line) in TRICKY_TEXT.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            cases.extend(current.take());
            continue;
        }
        let case = current.get_or_insert_with(|| TrickyCase {
            line: line_idx + 1,
            paragraph: String::new(),
            known_miss: false,
            sentences: Vec::new(),
        });
        if line == "? known miss" {
            case.known_miss = true;
            continue;
        }
        if let Some(prefix) = line.strip_prefix("> ") {
            case.paragraph.push_str(prefix);
            continue;
        }
        if !case.paragraph.is_empty() {
            case.paragraph.push(' ');
        }
        case.paragraph.push_str(line);
        case.sentences.push(line.to_string());
    }
    cases.extend(current.take());
    cases
}
