//! Compares Rust HTML main-content extractors on the html-dev evaluation pages.
//!
//! The pages and their expectations (`evaldata.en.json`: snippets each page's main text
//! must contain (`with`) and must not contain (`without`), plus the expected title and
//! publication date) live in the reference data folder, never in the repo. Run:
//!
//! ```text
//! cargo run --release --manifest-path crates/read/extractor-eval/Cargo.toml -- ../shared/html-dev
//! ```
//!
//! Every candidate gets the same UTF-8 page text; its main text is compared after
//! collapsing whitespace, as the snippets carry no layout.

mod candidates;
mod html_text;
mod score;

use std::path::{Path, PathBuf};
use std::time::Instant;

use candidates::Candidate;
use score::{Expectation, Tally};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/html-dev"));
    // An optional second argument names one candidate and prints its per-page misses.
    let only: Option<String> = std::env::args().nth(2);
    let pages = match load_pages(&dir) {
        Ok(pages) => pages,
        Err(message) => {
            eprintln!("{}: {message}", dir.display());
            std::process::exit(2);
        }
    };
    eprintln!("{} pages from {}", pages.len(), dir.display());
    println!("{}", Tally::header());
    for candidate in candidates::all() {
        if only.as_deref().is_some_and(|name| name != candidate.name) {
            continue;
        }
        let tally = run(&candidate, &pages);
        println!("{}", tally.row(candidate.name));
    }
}

struct Page {
    html: String,
    expectation: Expectation,
}

fn load_pages(dir: &Path) -> Result<Vec<Page>, String> {
    let index = std::fs::read_to_string(dir.join("evaldata.en.json")).map_err(|e| e.to_string())?;
    let entries: Vec<Expectation> = serde_json::from_str(&index).map_err(|e| e.to_string())?;
    entries
        .into_iter()
        .map(|expectation| {
            let path = dir.join("html").join(&expectation.file);
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let html = String::from_utf8_lossy(&bytes).into_owned();
            Ok(Page { html, expectation })
        })
        .collect()
}

fn run(candidate: &Candidate, pages: &[Page]) -> Tally {
    let mut tally = Tally::default();
    let started = Instant::now();
    for page in pages {
        let output = (candidate.extract)(&page.html);
        if std::env::args().nth(2).is_some() {
            score::print_misses(&page.expectation, &output);
        }
        tally.add(&page.expectation, &output);
    }
    tally.seconds = started.elapsed().as_secs_f64();
    tally
}
