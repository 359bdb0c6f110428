//! Bad input: each gets one clear diagnostic naming the input and position,
//! the rest is still read, and nothing panics.

mod common;

use common::{errors, gzip, read, read_default, warnings};
use dateline_read::{Format, ReadConfig, Utf8Policy};

fn strict() -> ReadConfig {
    ReadConfig {
        utf8: Utf8Policy::Strict,
        ..ReadConfig::default()
    }
}

fn messages(diagnostics: &[&dateline_read::Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(|d| d.to_string()).collect()
}

#[test]
fn empty_inputs_are_one_error_in_every_format() {
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", b"\n \n\t\n"),
        ("empty.jsonl", b"\n\n"),
        ("empty.html", b""),
        ("empty.warc", b""),
        ("empty.txt.gz", &gzip(b"")[..]),
    ] {
        let (docs, report) = read_default(name, bytes);
        assert!(docs.is_empty(), "{name}");
        assert_eq!(
            messages(&errors(&report)),
            [format!("{name}: empty input")],
            "{name}"
        );
        assert_eq!(report.diagnostics.len(), 1, "{name}");
    }
}

#[test]
fn binary_input_is_an_error_not_an_article() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01";
    let (docs, report) = read_default("logo.txt", png);
    assert!(docs.is_empty());
    assert_eq!(
        messages(&errors(&report)),
        ["logo.txt: binary data, not text (NUL byte at offset 8)"]
    );
    let controls: Vec<u8> = (0..200u8).map(|i| i % 8).collect();
    let (docs, report) = read_default("noise", &controls);
    assert!(docs.is_empty());
    assert_eq!(errors(&report).len(), 1);
    let (docs, report) = read_default("blob.jsonl", b"\x00\x01\x02{}\n{}\n");
    assert!(docs.is_empty());
    assert_eq!(
        messages(&errors(&report)),
        ["blob.jsonl: binary data, not text (NUL byte at offset 0)"]
    );
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning_naming_the_first_bad_byte() {
    let text =
        b"LIMA (Example) - Peru\xE2\x80's congress voted on Friday. Caf\xE9 owners protested.";
    let (docs, report) = read_default("lima.txt", text);
    assert_eq!(
        docs[0].body(),
        "LIMA (Example) - Peru\u{FFFD}'s congress voted on Friday. Caf\u{FFFD} owners protested."
    );
    assert_eq!(
        messages(&warnings(&report)),
        ["lima.txt: invalid UTF-8 at byte 21; bad bytes replaced with U+FFFD"]
    );
    assert!(!report.failed());
}

#[test]
fn strict_utf8_refuses_the_input_or_the_line() {
    let text = b"LIMA (Example) - Peru\xE2\x80's congress voted on Friday.";
    let (docs, report) = read("lima.txt", text, &strict());
    assert!(docs.is_empty());
    assert_eq!(
        messages(&errors(&report)),
        ["lima.txt: invalid UTF-8 at byte 21; refused (strict UTF-8)"]
    );

    let mut jsonl =
        br#"{"id": "ok", "text": "Chile's senate approved the pension reform."}"#.to_vec();
    jsonl.extend_from_slice(b"\n{\"id\": \"bad\", \"text\": \"Caf\xE9\"}\n");
    let (docs, report) = read("mixed.jsonl", &jsonl, &strict());
    assert_eq!(docs.len(), 1);
    let bad_byte = jsonl.iter().position(|&b| b == 0xE9).unwrap();
    assert_eq!(
        messages(&errors(&report)),
        [format!(
            "mixed.jsonl:2: invalid UTF-8 at byte {bad_byte}; refused (strict UTF-8)"
        )]
    );
}

#[test]
fn truncated_gzip_keeps_the_articles_before_the_cut_then_one_error() {
    let lines: Vec<String> = (0..400)
        .map(|i| {
            format!(
                r#"{{"id": "n{i}", "text": "Officials in Accra said on Monday that {i} new classrooms had opened, the ministry said in a statement on its website."}}"#
            )
        })
        .collect();
    let compressed = gzip(lines.join("\n").as_bytes());
    let cut = &compressed[..compressed.len() * 2 / 3];
    let (docs, report) = read_default("accra.jsonl.gz", cut);
    assert!(docs.len() > 50 && docs.len() < 400, "{}", docs.len());
    // The articles kept are exactly the first ones, in order.
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(doc.meta.id, format!("n{i}"));
    }
    let errors = messages(&errors(&report));
    assert_eq!(errors.len(), 1);
    let expected_prefix = format!(
        "accra.jsonl.gz:{}: gzip data ends early: truncated at compressed byte {}",
        docs.len() + 1,
        cut.len()
    );
    assert!(errors[0].starts_with(&expected_prefix), "{}", errors[0]);

    // A truncated single-article input has no complete article: one error.
    let text =
        "date 2024-01-02 Accra: Ghana's parliament approved the budget on Tuesday. ".repeat(200);
    let compressed = gzip(text.as_bytes());
    let (docs, report) = read_default("accra.txt.gz", &compressed[..compressed.len() / 2]);
    assert!(docs.is_empty());
    assert_eq!(report.diagnostics.len(), 1);
    assert!(
        report.diagnostics[0]
            .to_string()
            .starts_with("accra.txt.gz: gzip data ends early")
    );
}

#[test]
fn an_oversized_article_is_refused_with_the_limit_named() {
    let config = ReadConfig {
        max_article_bytes: 1000,
        ..ReadConfig::default()
    };
    let text = "Officials in Hanoi said the typhoon had weakened. ".repeat(100);
    let (docs, report) = read("hanoi.txt", text.as_bytes(), &config);
    assert!(docs.is_empty());
    assert_eq!(
        messages(&errors(&report)),
        ["hanoi.txt: article larger than the 1000-byte limit (max_article_bytes); skipped"]
    );

    let long_line = format!(r#"{{"id": "long", "text": "{text}"}}"#);
    let jsonl = format!(
        "{}\n{long_line}\n{}\n",
        r#"{"id": "a", "text": "Hanoi reopened its airport."}"#,
        r#"{"id": "b", "text": "Flights resumed on Sunday."}"#
    );
    let (docs, report) = read("hanoi.jsonl", jsonl.as_bytes(), &config);
    let ids: Vec<&str> = docs.iter().map(|d| d.meta.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(
        messages(&errors(&report)),
        ["hanoi.jsonl:2: article larger than the 1000-byte limit (max_article_bytes); skipped"]
    );
}

#[test]
fn forcing_a_format_overrides_the_extension() {
    let config = ReadConfig {
        format: Some(Format::PlainText),
        ..ReadConfig::default()
    };
    let (docs, report) = read(
        "notes.jsonl",
        b"{ this is prose in braces, not JSON }",
        &config,
    );
    assert!(report.diagnostics.is_empty());
    assert_eq!(docs[0].body(), "{ this is prose in braces, not JSON }");
    assert_eq!("warc".parse::<Format>().unwrap(), Format::Warc);
    assert!("pdf".parse::<Format>().is_err());
}

#[test]
fn hostile_text_never_panics() {
    let inputs: [&[u8]; 8] = [
        b"date ",
        b"date 2024-01-0",
        b"date 2024-01-01",
        b"date 2024-01-01 :",
        b"date 9999-99-99 X: y",
        "date 2024-01-01 Zürich\u{2028}: ü".as_bytes(),
        b"\xEF\xBB\xBF",
        b"Also Read: \n\n:\n\n\xC3",
    ];
    for bytes in inputs {
        for format in Format::ALL {
            let config = ReadConfig {
                format: Some(format),
                ..ReadConfig::default()
            };
            let _ = read("fuzz", bytes, &config);
        }
    }
}
