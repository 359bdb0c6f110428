//! Shared by the fuzz targets: read the input in one format, plain and gzipped
//! is the reader's business; here every article must keep the body invariants.

use dateline_model::Doc;
use dateline_read::{Format, ReadConfig, Utf8Policy, read_bytes};

/// Reads `data` as `format` under both UTF-8 policies and checks every article.
pub fn read_and_check(name: &str, data: &[u8], format: Format) {
    for utf8 in [Utf8Policy::Lossy, Utf8Policy::Strict] {
        let config = ReadConfig {
            format: Some(format),
            utf8,
            // Small enough that the size limit is exercised too.
            max_article_bytes: 64 * 1024,
            ..ReadConfig::default()
        };
        let mut n_docs = 0usize;
        let report = read_bytes(name, data, &config, &mut |doc| {
            check_doc(&doc);
            n_docs += 1;
        });
        assert_eq!(report.n_articles, n_docs);
        for diagnostic in &report.diagnostics {
            assert!(!diagnostic.message.is_empty());
        }
    }
}

fn check_doc(doc: &Doc) {
    let body = doc.body();
    assert!(!body.is_empty());
    let mut previous_end = 0usize;
    let mut pieces = Vec::new();
    for block in &doc.blocks {
        let range = block.span.range();
        assert!(range.start >= previous_end && range.end <= body.len());
        assert!(body.is_char_boundary(range.start) && body.is_char_boundary(range.end));
        let text = &body[range.clone()];
        assert!(!text.is_empty() && text.trim() == text);
        pieces.push(text);
        previous_end = range.end;
    }
    assert_eq!(pieces.join("\n\n"), body);
    assert!(!doc.meta.id.is_empty());
}
