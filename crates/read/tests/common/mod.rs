//! Helpers shared by the integration tests.

#![allow(dead_code)]

use dateline_model::{BlockKind, Doc};
use dateline_read::{Diagnostic, InputReport, ReadConfig, Severity, read_bytes};

/// Reads `bytes` named `name` and returns the articles and the report, after
/// checking the body invariants of every article.
pub fn read(name: &str, bytes: &[u8], config: &ReadConfig) -> (Vec<Doc>, InputReport) {
    let mut docs = Vec::new();
    let report = read_bytes(name, bytes, config, &mut |doc| docs.push(doc));
    for doc in &docs {
        assert_body_invariants(doc);
    }
    assert_eq!(report.n_articles, docs.len());
    (docs, report)
}

pub fn read_default(name: &str, bytes: &[u8]) -> (Vec<Doc>, InputReport) {
    read(name, bytes, &ReadConfig::default())
}

/// Every block slices the body exactly, blocks are in order and do not
/// overlap, and the body is the blocks joined by one blank line.
pub fn assert_body_invariants(doc: &Doc) {
    let body = doc.body();
    let mut previous_end = 0usize;
    let mut joined = Vec::new();
    for block in &doc.blocks {
        let range = block.span.range();
        assert!(
            range.start >= previous_end,
            "blocks overlap or are out of order"
        );
        assert!(body.is_char_boundary(range.start) && body.is_char_boundary(range.end));
        let text = &body[range.clone()];
        assert_eq!(text, text.trim(), "block text has untrimmed ends");
        assert!(!text.is_empty());
        joined.push(text);
        previous_end = range.end;
    }
    assert_eq!(
        joined.join("\n\n"),
        body,
        "body is not its blocks joined by blank lines"
    );
}

/// The kinds and texts of a document's blocks.
pub fn blocks(doc: &Doc) -> Vec<(BlockKind, &str)> {
    doc.blocks
        .iter()
        .map(|block| (block.kind, doc.text(block.span)))
        .collect()
}

pub fn errors(report: &InputReport) -> Vec<&Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

pub fn warnings(report: &InputReport) -> Vec<&Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect()
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
