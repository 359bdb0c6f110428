//! The benchmarks' large query store: generated articles ingested through
//! the store's own API, in date order.
//!
//! The generator dates its articles at random over ten years. Ingested in
//! that order, every batch changes every merge group from its first year
//! to its last, and placing (`placement.rs`) reads each group's stored
//! reports over that whole span: a batch costs as much as the store holds,
//! and the millionth event came at a few thousand events a minute. The
//! store's events depend only on which articles it holds, never on the
//! order they came in, so the same articles sorted by date (as a news feed
//! delivers them) build the same events, and each batch reads only the few
//! days it covers.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use dateline_store::{ArticleInput, OpenMode, Store};

use crate::generate::Generator;

/// Articles per ingest transaction.
const BATCH: usize = 5000;
/// Events a generated article adds, about (3.90 on the first 113,000):
/// four reports, one article in ten leading with a known event.
const EVENTS_PER_ARTICLE: f64 = 3.85;

/// Creates the store at `path` from seed 1 until it holds at least
/// `min_events` events, analyses it, and returns it with its build time.
pub fn build(path: &Path, min_events: u64) -> (Store, f64) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let mut store = Store::open_sqlite(path, OpenMode::Create).unwrap();
    let seconds = fill(&mut store, min_events);
    (store, seconds)
}

/// Ingests the generated articles from seed 1 into an empty `store` (of
/// either database) until it holds at least `min_events` events, analyses
/// it, and returns the seconds taken.
pub fn fill(store: &mut Store, min_events: u64) -> f64 {
    let mut generator = Generator::new(1);
    let started = Instant::now();
    let mut events = 0;
    // Usually one round; a short first round tops up with a few more
    // articles (dated anywhere, so their batches cost more).
    while events < min_events {
        let wanted = ((min_events - events) as f64 / EVENTS_PER_ARTICLE).ceil() as usize;
        let articles = in_date_order(&mut generator, wanted.max(1));
        events += ingest_in_batches(store, &articles, events, min_events);
    }
    store.optimize().unwrap();
    if std::io::stderr().is_terminal() {
        eprintln!();
    }
    started.elapsed().as_secs_f64()
}

/// The generator's next `n` articles, sorted by date (generation order
/// within a day).
fn in_date_order(generator: &mut Generator, n: usize) -> Vec<ArticleInput> {
    let mut articles: Vec<ArticleInput> = (0..n).map(|_| generator.article()).collect();
    articles.sort_by_key(|article| article.meta.date);
    articles
}

/// Ingests `articles` in batches and returns the events they added.
fn ingest_in_batches(
    store: &mut Store,
    articles: &[ArticleInput],
    events_before: u64,
    min_events: u64,
) -> u64 {
    let terminal = std::io::stderr().is_terminal();
    let mut added = 0;
    for batch in articles.chunks(BATCH) {
        added += store.ingest(batch).unwrap().new_events as u64;
        if terminal {
            eprint!(
                "\rstore  building: {} of {min_events} events",
                events_before + added
            );
        }
    }
    added
}
