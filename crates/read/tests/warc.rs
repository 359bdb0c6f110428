//! WARC archives, framed per record and gzipped per record as in CC-NEWS.

mod common;

use common::{errors, gzip, read, read_default};
use dateline_model::Record;
use dateline_read::ReadConfig;

fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-02T03:04:05Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{:012}>\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n",
        block.len(),
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

fn http_response(status: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nServer: test\r\n\r\n{body}")
        .into_bytes()
}

fn news_page(headline: &str, sentence: &str) -> String {
    let paragraph = format!("<p>{sentence}</p>");
    format!(
        "<html><head><title>{headline}</title></head><body><nav><a href=/>Home</a> <a href=/world>World</a></nav>\
         <article><h1>{headline}</h1>{}</article><footer>Contact us</footer></body></html>",
        paragraph.repeat(4)
    )
}

fn response(uri: &str, page: &str) -> Vec<u8> {
    let http = http_response("200 OK", "text/html; charset=utf-8", page);
    record("response", uri, "application/http; msgtype=response", &http)
}

/// warcinfo, request, HTML response, PNG response, redirect, HTML response.
fn sample_records() -> Vec<Vec<u8>> {
    let lagos = news_page(
        "Lagos port reopens",
        "Nigeria's ports authority reopened the Apapa terminal in Lagos on Thursday after a two-day closure caused by flooding, officials said.",
    );
    let quito = news_page(
        "Ecuador declares emergency",
        "Ecuador's president declared a state of emergency in three coastal provinces on Friday after a week of gang violence, the government said.",
    );
    vec![
        record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            "https://lagos.example.com/port",
            "application/http; msgtype=request",
            b"GET /port HTTP/1.1\r\n\r\n",
        ),
        response("https://lagos.example.com/port", &lagos),
        record(
            "response",
            "https://lagos.example.com/logo.png",
            "application/http; msgtype=response",
            &http_response("200 OK", "image/png", "\u{89}PNG"),
        ),
        record(
            "response",
            "https://quito.example.com/old",
            "application/http; msgtype=response",
            &http_response("301 Moved Permanently", "text/html", ""),
        ),
        response("https://quito.example.com/emergency", &quito),
    ]
}

#[test]
fn html_responses_become_articles_and_other_records_are_skipped() {
    let warc: Vec<u8> = sample_records().concat();
    let (docs, report) = read_default("news.warc", &warc);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(report.n_skipped, 4);
    let urls: Vec<&str> = docs.iter().filter_map(|d| d.meta.url.as_deref()).collect();
    assert_eq!(
        urls,
        [
            "https://lagos.example.com/port",
            "https://quito.example.com/emergency"
        ]
    );
    assert_eq!(docs[0].meta.input.record, Some(Record::Item(3)));
    assert_eq!(docs[1].meta.input.record, Some(Record::Item(6)));
    // The crawl date is not the publication date.
    assert_eq!(docs[0].meta.date, None);
    assert_eq!(docs[0].meta.extra["warc_date"], "2024-05-02T03:04:05Z");
    assert!(
        docs[0]
            .body()
            .contains("reopened the Apapa terminal in Lagos on Thursday")
    );
    assert!(!docs[0].body().contains("Contact us"));
}

#[test]
fn cc_news_style_per_record_gzip_reads_the_same() {
    let plain: Vec<u8> = sample_records().concat();
    let per_record: Vec<u8> = sample_records()
        .iter()
        .map(|r| gzip(r))
        .collect::<Vec<_>>()
        .concat();
    let (plain_docs, _) = read_default("news.warc", &plain);
    let (gz_docs, report) = read_default("news.warc.gz", &per_record);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(report.n_skipped, 4);
    let bodies = |docs: &[dateline_model::Doc]| {
        docs.iter()
            .map(|d| d.body().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(bodies(&plain_docs), bodies(&gz_docs));
}

#[test]
fn a_malformed_record_is_reported_by_byte_offset_and_reading_resumes() {
    let records = sample_records();
    let mut warc = records[..3].concat();
    let bad_at = warc.len();
    warc.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n<html>stray payload</html>\r\n\r\n");
    warc.extend_from_slice(b"this line is not a record\r\n");
    warc.extend_from_slice(&records[5]);
    let (docs, report) = read_default("broken.warc", &warc);
    assert_eq!(docs.len(), 2, "{:?}", report.diagnostics);
    let messages: Vec<String> = errors(&report).iter().map(|d| d.to_string()).collect();
    assert_eq!(
        messages,
        [format!(
            "broken.warc: byte {bad_at}: malformed WARC record: Content-Length 'lots' is not a number; skipped to the next record"
        ),]
    );
    // The stray payload and the garbage line after it were skipped by one resync.
    assert_eq!(
        docs[1].meta.url.as_deref(),
        Some("https://quito.example.com/emergency")
    );
    assert_eq!(docs[1].meta.input.record, Some(Record::Item(5)));
}

#[test]
fn garbage_where_a_record_should_start_is_one_error() {
    let records = sample_records();
    let mut warc = records[2].clone();
    let garbage_at = warc.len();
    warc.extend_from_slice(b"GARBAGE LINE\r\nmore garbage\r\n");
    warc.extend_from_slice(&records[5]);
    let (docs, report) = read_default("g.warc", &warc);
    assert_eq!(docs.len(), 2);
    let messages: Vec<String> = errors(&report).iter().map(|d| d.to_string()).collect();
    assert_eq!(
        messages,
        [format!(
            "g.warc: byte {garbage_at}: malformed WARC record: expected a 'WARC/1.x' version line, found 'GARBAGE LINE'; skipped to the next record"
        )]
    );
}

#[test]
fn an_oversized_record_is_refused_and_the_next_is_read() {
    let records = sample_records();
    let big_page = news_page(
        "Big",
        &"Officials in Dakar said the census would be delayed. ".repeat(200),
    );
    let mut warc = response("https://big.example.com/", &big_page);
    warc.extend_from_slice(&records[5]);
    let config = ReadConfig {
        max_article_bytes: 8000,
        ..ReadConfig::default()
    };
    let (docs, report) = read("big.warc", &warc, &config);
    assert_eq!(docs.len(), 1);
    assert_eq!(
        docs[0].meta.url.as_deref(),
        Some("https://quito.example.com/emergency")
    );
    let messages: Vec<String> = errors(&report).iter().map(|d| d.to_string()).collect();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].starts_with("big.warc#1: record at byte 0: ")
            && messages[0].contains("larger than the 8000-byte limit"),
        "{}",
        messages[0]
    );
}
