//! A store seeded as `dateline ingest data/samples` seeds it (read, code,
//! store with the same crates), plus one article whose title, outlet, URL
//! and text carry markup and script, to check that nothing runs it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dateline_pipeline::{Pipeline, PipelineConfig, Stage};
use dateline_read::{ReadConfig, discover, read_bytes, read_input};
use dateline_resolve::EventNouns;
use dateline_serve::{App, ServeConfig};
use dateline_store::{ArticleInput, OpenMode, Store};

/// The article with markup: its one event (043, KENGOV > ETHGOV) quotes
/// the script in its sentence.
pub const HOSTILE_JSONL: &str = r#"{"id":"xss-probe","url":"javascript:pwned=3","date":"2025-06-20","title":"<script>pwned=1</script>Summit <b>report</b>","source":"<b>Evil</b> Wire","text":"Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi <script>pwned=1</script><img src=x onerror=pwned=2> on Friday."}"#;

/// Events the samples give (see data/samples) plus the hostile article's one.
pub const SEEDED_EVENTS: usize = 35;

pub fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/samples")
}

pub fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::build(&PipelineConfig::default()).unwrap().0)
}

/// Reads, codes and stores the samples and the hostile article at `location`.
pub fn seed(location: &str) {
    let mut docs = Vec::new();
    let (inputs, problems) = discover(&[samples_dir()]);
    assert!(problems.is_empty(), "{problems:?}");
    for input in &inputs {
        let report = read_input(input, &ReadConfig::default(), &mut |doc| docs.push(doc));
        assert!(!report.failed(), "{input:?}: {:?}", report.diagnostics);
    }
    read_bytes(
        "hostile.jsonl",
        HOSTILE_JSONL.as_bytes(),
        &ReadConfig::default(),
        &mut |doc| docs.push(doc),
    );
    let articles: Vec<ArticleInput> = docs
        .iter_mut()
        .map(|doc| {
            pipeline().process(doc, Stage::Code);
            ArticleInput::from_doc(doc, EventNouns::builtin())
        })
        .collect();
    let mut store = Store::open(location, OpenMode::Create).unwrap();
    let report = store.ingest(&articles).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(store.stats().unwrap().events as usize, SEEDED_EVENTS);
}

/// One seeded SQLite store per test binary (read-only servers share it).
pub fn seeded_location() -> &'static str {
    static STORE: OnceLock<(tempfile::TempDir, String)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let location = dir.path().join("samples.db").display().to_string();
            seed(&location);
            (dir, location)
        })
        .1
}

/// A read-only server over the seeded store.
pub fn read_only_app() -> App {
    App::open(ServeConfig::new(seeded_location())).unwrap()
}
