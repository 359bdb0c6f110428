//! A 100 MB article: refused with a clear error while memory stays bounded,
//! and the records after it are still read. Its own test binary, so a counting
//! allocator can measure the peak heap use of reading alone.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

use dateline_read::{Input, ReadConfig, read_input};

struct CountingAllocator;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        unsafe { System.dealloc(pointer, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const MB: usize = 1024 * 1024;
const PARAGRAPH: &str = "<p>Manila's ferries resumed on Tuesday after the storm, the coast guard said in a statement to reporters.</p>";
const HUGE: usize = 100 * MB;

/// Writes `prefix`, then `HUGE` bytes of article text in 1 MiB pieces, then `suffix`.
fn write_huge(path: &std::path::Path, prefix: &[u8], suffix: &[u8]) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    file.write_all(prefix).unwrap();
    let sentence = b"Officials in Manila said the storm had passed. ";
    let piece: Vec<u8> = sentence.iter().copied().cycle().take(MB).collect();
    for _ in 0..HUGE / MB {
        file.write_all(&piece).unwrap();
    }
    file.write_all(suffix).unwrap();
}

/// Reads `path` and returns (articles, error messages, peak heap bytes while reading).
fn read_measured(path: &std::path::Path) -> (Vec<String>, Vec<String>, usize) {
    let baseline = CURRENT.load(Ordering::Relaxed);
    PEAK.store(baseline, Ordering::Relaxed);
    let mut ids = Vec::new();
    let report = read_input(
        &Input::Path(path.to_path_buf()),
        &ReadConfig::default(),
        &mut |doc| ids.push(doc.meta.id.clone()),
    );
    let peak = PEAK.load(Ordering::Relaxed) - baseline;
    let errors = common::errors(&report)
        .iter()
        .map(|d| d.to_string())
        .collect();
    (ids, errors, peak)
}

// One test function, so no other test allocates while the peak is measured.
#[test]
fn a_100_mb_article_is_refused_in_bounded_memory_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    // Warm up the lazily built tables (cue lists, the dateline pattern's and
    // the HTML extractor's automata) so the measurements see only what
    // reading an article costs.
    let warm_up = dir.path().join("warm-up.txt");
    std::fs::write(&warm_up, "MANILA (Example) - The storm passed.\n").unwrap();
    assert_eq!(read_measured(&warm_up).0.len(), 1);
    let warm_up = dir.path().join("warm-up.html");
    std::fs::write(
        &warm_up,
        format!(
            "<html><body><article>{}</article></body></html>",
            PARAGRAPH.repeat(3)
        ),
    )
    .unwrap();
    assert_eq!(read_measured(&warm_up).0.len(), 1);

    // Reading holds at most about 1.5 times the 16 MiB limit (while a buffer
    // grows), never the 100 MB article.
    let bound = 2 * dateline_read::DEFAULT_MAX_ARTICLE_BYTES;

    let text = dir.path().join("huge.txt");
    write_huge(&text, b"MANILA (Example) - ", b"\n");
    let (ids, errors, peak) = read_measured(&text);
    assert!(ids.is_empty());
    assert_eq!(
        errors,
        [format!(
            "{}: article larger than the 16777216-byte limit (max_article_bytes); skipped",
            text.display()
        )]
    );
    assert!(peak < bound, "peak {peak} bytes");

    let jsonl = dir.path().join("huge.jsonl");
    write_huge(
        &jsonl,
        b"{\"id\": \"before\", \"text\": \"Manila's airport reopened on Monday.\"}\n{\"id\": \"huge\", \"text\": \"",
        b"\"}\n{\"id\": \"after\", \"text\": \"Ferries resumed on Tuesday.\"}\n",
    );
    let (ids, errors, peak) = read_measured(&jsonl);
    assert_eq!(ids, ["before", "after"]);
    assert_eq!(
        errors,
        [format!(
            "{}:2: article larger than the 16777216-byte limit (max_article_bytes); skipped",
            jsonl.display()
        )]
    );
    assert!(peak < bound, "peak {peak} bytes");

    let warc = dir.path().join("huge.warc");
    let http_head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>";
    let block_length = http_head.len() + HUGE + 4;
    let header = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://huge.example.com/\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {block_length}\r\n\r\n"
    );
    let mut prefix = header.into_bytes();
    prefix.extend_from_slice(http_head);
    let page = format!(
        "<html><body><article>{}</article></body></html>",
        PARAGRAPH.repeat(3)
    );
    let next_block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{page}");
    let suffix = format!(
        "</p>\r\n\r\nWARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://after.example.com/\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{next_block}\r\n\r\n",
        next_block.len()
    );
    write_huge(&warc, &prefix, suffix.as_bytes());
    let (ids, errors, peak) = read_measured(&warc);
    assert_eq!(ids, ["https://after.example.com/"]);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].contains("#1: record at byte 0: ")
            && errors[0].contains("larger than the 16777216-byte limit"),
        "{}",
        errors[0]
    );
    assert!(peak < bound, "peak {peak} bytes");
}
