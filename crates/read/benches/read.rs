//! Reading speed: HTML pages per second (main-content extraction included)
//! and MB/s for dateline text and JSON Lines.
//!
//! Uses the reference data beside the repository when present
//! (`../shared/html-dev/`, `../shared/corpora/reuters21578.jsonl`) and
//! generated input otherwise. Each benchmark checks what it read.
//!
//! ```text
//! cargo bench -p dateline-read --bench read
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_read::{ReadConfig, read_bytes};

fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The html-dev pages, or generated news pages when the reference data is absent.
fn html_pages() -> (Vec<Vec<u8>>, &'static str) {
    let dir = shared_dir().join("html-dev/html");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    if !paths.is_empty() {
        let pages = paths
            .iter()
            .map(|p| std::fs::read(p).expect("readable page"))
            .collect();
        return (pages, "html-dev");
    }
    (generated_pages(180), "generated")
}

fn generated_pages(n_pages: usize) -> Vec<Vec<u8>> {
    (0..n_pages)
        .map(|i| {
            let paragraphs: String = (0..12)
                .map(|p| {
                    format!(
                        "<p>Officials in the port city said on day {i} that convoy {p} had delivered food, \
                         water and medicine to {} families, and that more trucks were expected.</p>",
                        100 + i * p
                    )
                })
                .collect();
            let nav: String = (0..40).map(|l| format!("<li><a href=\"/s/{l}\">Section {l}</a></li>")).collect();
            format!(
                "<!DOCTYPE html><html lang=en><head><title>Convoy {i} reaches port | Example News</title>\
                 <meta property=\"article:published_time\" content=\"2024-03-{:02}T08:00:00Z\"></head>\
                 <body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>Convoy {i} reaches port</h1>\
                 {paragraphs}</article><aside><h3>Most read</h3><ul>{nav}</ul></aside></main>\
                 <footer><p>Copyright 2024 Example News</p></footer></body></html>",
                1 + i % 28
            )
            .into_bytes()
        })
        .collect()
}

/// Reuters-21578 as JSON Lines, or generated lines in the same shape.
fn jsonl_corpus() -> (Vec<u8>, &'static str) {
    match std::fs::read(shared_dir().join("corpora/reuters21578.jsonl")) {
        Ok(bytes) => (bytes, "reuters21578"),
        Err(_) => (generated_jsonl(20_000), "generated"),
    }
}

fn generated_jsonl(n_lines: usize) -> Vec<u8> {
    let mut out = String::new();
    for i in 0..n_lines {
        let text = format!(
            "NAIROBI, March {} - Kenya's central bank held its policy rate at {}.{} pct on Tuesday, \
             citing easing inflation.\\n\\nThe shilling was little changed against the dollar, traders said.",
            1 + i % 28,
            10 + i % 5,
            i % 10
        );
        out.push_str(&format!(
            "{{\"id\": \"g{i}\", \"date\": \"1987-03-{:02}T10:00:00\", \"title\": \"RATE DECISION {i}\", \"text\": \"{text}\"}}\n",
            1 + i % 28
        ));
    }
    out.into_bytes()
}

/// Dateline-text articles: the JSONL corpus's texts with a dateline header.
fn dateline_articles(jsonl: &[u8]) -> Vec<Vec<u8>> {
    let mut articles = Vec::new();
    for line in jsonl.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let Ok(value) = serde_json::from_slice::<serde_json::Value>(line) else {
            continue;
        };
        let (Some(text), Some(date)) = (value["text"].as_str(), value["date"].as_str()) else {
            continue;
        };
        if text.trim().is_empty() || date.len() < 10 {
            continue;
        }
        articles.push(format!("date {} Somewhere: {text}\n", &date[..10]).into_bytes());
    }
    articles
}

fn bench_html(c: &mut Criterion) {
    let (pages, source) = html_pages();
    let config = ReadConfig::default();
    let mut group = c.benchmark_group("html");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function(format!("pages ({source}, {} pages)", pages.len()), |b| {
        b.iter(|| {
            let mut n_articles = 0usize;
            for page in &pages {
                read_bytes("page.html", page, &config, &mut |_| n_articles += 1);
            }
            // Every page but the odd empty one yields an article.
            assert!(
                n_articles * 100 >= pages.len() * 95,
                "{n_articles} of {}",
                pages.len()
            );
            n_articles
        })
    });
    group.finish();
}

fn bench_text(c: &mut Criterion) {
    let (jsonl, source) = jsonl_corpus();
    let n_lines = jsonl
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .count();
    let articles = dateline_articles(&jsonl);
    let n_text_bytes: usize = articles.iter().map(Vec::len).sum();
    let config = ReadConfig::default();
    let mut group = c.benchmark_group("text");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));

    group.throughput(Throughput::Bytes(jsonl.len() as u64));
    group.bench_function(format!("jsonl ({source}, {n_lines} lines)"), |b| {
        b.iter(|| {
            let mut n_articles = 0usize;
            let report = read_bytes("corpus.jsonl", &jsonl, &config, &mut |_| n_articles += 1);
            assert_eq!(
                n_articles + report.n_skipped,
                n_lines,
                "{:?}",
                report.diagnostics.first()
            );
            n_articles
        })
    });

    group.throughput(Throughput::Bytes(n_text_bytes as u64));
    group.bench_function(
        format!("dateline text ({source}, {} articles)", articles.len()),
        |b| {
            b.iter(|| {
                let mut n_articles = 0usize;
                for article in &articles {
                    read_bytes("article.txt", article, &config, &mut |_| n_articles += 1);
                }
                assert_eq!(n_articles, articles.len());
                n_articles
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench_html, bench_text);
criterion_main!(benches);
