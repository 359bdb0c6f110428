//! Events depend on which articles are stored, not on the order they came
//! in: several writers at once (threads with their own connections, as
//! separate `dateline ingest` processes or Spark tasks have) over
//! overlapping inputs leave the same store as one serial ingest, on SQLite
//! and on a real PostgreSQL server (`support/pg_server.rs`).

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/pg_server.rs"]
mod pg_server;

use std::sync::{Arc, Barrier};

use dateline_export::EventRecord;
use dateline_store::{ArticleInput, EventQuery, OpenMode, Stats, Store};
use fixtures::*;

#[derive(Clone, Copy, Debug)]
enum Kind {
    Sqlite,
    Postgres,
}

/// A fresh, not yet opened store; SQLite's directory lives as long as this.
struct Fresh {
    location: String,
    _dir: Option<tempfile::TempDir>,
}

impl Fresh {
    fn new(kind: Kind) -> Fresh {
        match kind {
            Kind::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                Fresh {
                    location: dir.path().join("events.db").display().to_string(),
                    _dir: Some(dir),
                }
            }
            Kind::Postgres => Fresh {
                location: pg_server::fresh_database_url(),
                _dir: None,
            },
        }
    }

    fn open(&self) -> Store {
        Store::open(&self.location, OpenMode::Create).unwrap()
    }
}

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[test] fn $name() { super::$name(super::Kind::Sqlite) })*
        }
        mod postgres {
            $(#[test] fn $name() { super::$name(super::Kind::Postgres) })*
        }
    };
}

on_both_backends!(
    any_arrival_order_gives_the_same_events,
    a_revision_places_its_group_again,
    four_writers_over_overlapping_inputs_equal_one_serial_ingest,
);

/// The crowded articles and the hand-written stories.
fn articles() -> Vec<ArticleInput> {
    let mut articles = crowded(48);
    articles.extend(all_stories());
    articles
}

fn ingest(store: &mut Store, articles: &[ArticleInput], batch: usize) {
    for chunk in articles.chunks(batch) {
        let report = store.ingest(chunk).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
}

/// Every event with its fields, counts and mentions, by public id.
fn events(store: &mut Store) -> Vec<EventRecord> {
    let mut events = store.events(&EventQuery::default()).unwrap();
    events.sort_by(|a, b| a.event_id.cmp(&b.event_id));
    events
}

/// The same events, field by field, with the first difference shown.
fn assert_same_events(found: &[EventRecord], expected: &[EventRecord]) {
    for (found, expected) in found.iter().zip(expected) {
        assert_eq!(found, expected);
    }
    assert_eq!(found.len(), expected.len());
}

fn serial(kind: Kind, articles: &[ArticleInput]) -> (Vec<EventRecord>, Stats) {
    let fresh = Fresh::new(kind);
    let mut store = fresh.open();
    ingest(&mut store, articles, 8);
    (events(&mut store), store.stats().unwrap())
}

fn any_arrival_order_gives_the_same_events(kind: Kind) {
    let articles = articles();
    let (expected, expected_stats) = serial(kind, &articles);
    // The crowd merges: fewer events than reports, several with many mentions.
    assert!(expected_stats.events < expected_stats.reports);
    assert!(
        expected
            .iter()
            .any(|e| e.merge.as_ref().unwrap().num_articles >= 3)
    );
    let reversed: Vec<ArticleInput> = articles.iter().rev().cloned().collect();
    let mut interleaved: Vec<ArticleInput> = articles.iter().step_by(2).cloned().collect();
    interleaved.extend(articles.iter().skip(1).step_by(2).cloned());
    for (order, batch) in [(&reversed, 1), (&interleaved, 5)] {
        let fresh = Fresh::new(kind);
        let mut store = fresh.open();
        ingest(&mut store, order, batch);
        assert_eq!(store.stats().unwrap(), expected_stats);
        assert_same_events(&events(&mut store), &expected);
    }
}

/// The order matters to the greedy rule itself: the crowd's reports
/// placed in reverse merge differently, so the tests above can fail.
#[test]
fn the_order_would_matter_to_a_greedy_merge() {
    use dateline_resolve::{MergeRule, Origin, Report, Resolver, Signature};
    let crowd = crowded(48);
    let merged = |articles: Vec<&ArticleInput>| {
        let mut resolver = Resolver::new(MergeRule::default());
        for article in articles {
            for record in &article.reports {
                resolver.add(Report {
                    signature: Signature::from_record(record).unwrap(),
                    origin: Origin {
                        article_id: record.event_id.clone(),
                        outlet: String::new(),
                        date: article.meta.date,
                    },
                });
            }
        }
        let mut groups: Vec<Vec<String>> = resolver
            .events()
            .iter()
            .map(|event| {
                let mut ids: Vec<String> = event.origins().map(|o| o.article_id.clone()).collect();
                ids.sort();
                ids
            })
            .collect();
        groups.sort();
        groups
    };
    assert_ne!(
        merged(crowd.iter().collect()),
        merged(crowd.iter().rev().collect())
    );
}

fn a_revision_places_its_group_again(kind: Kind) {
    let articles = articles();
    // Story 5's first event, corrected to another code.
    let mut revised = articles[5].clone();
    let first = &mut revised.reports[0];
    first.code = if first.code == "042" { "043" } else { "042" }.into();
    revised.body.push_str(" (Corrected.)");
    let mut corrected = articles.clone();
    corrected[5] = revised.clone();
    let (expected, expected_stats) = serial(kind, &corrected);

    let fresh = Fresh::new(kind);
    let mut store = fresh.open();
    ingest(&mut store, &articles, 8);
    let report = store.ingest(&[revised]).unwrap();
    assert_eq!(report.revisions, 1);
    assert_same_events(&events(&mut store), &expected);
    let stats = store.stats().unwrap();
    assert_eq!(stats.revisions, 1, "the old text is kept");
    assert_eq!(
        Stats {
            revisions: 0,
            ..stats
        },
        expected_stats
    );
}

fn four_writers_over_overlapping_inputs_equal_one_serial_ingest(kind: Kind) {
    let articles = articles();
    let (expected, expected_stats) = serial(kind, &articles);
    // Every article goes to two writers; each writer has its own order and
    // batch size, and all four open the same new store at once (so they
    // also race to create its schema).
    let fresh = Fresh::new(kind);
    let start = Arc::new(Barrier::new(4));
    let writers: Vec<_> = (0..4)
        .map(|writer| {
            let mut share: Vec<ArticleInput> = articles
                .iter()
                .enumerate()
                .filter(|(idx, _)| idx % 4 == writer || idx % 4 == (writer + 1) % 4)
                .map(|(_, article)| article.clone())
                .collect();
            if writer % 2 == 1 {
                share.reverse();
            }
            let location = fresh.location.clone();
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                start.wait();
                let mut store = Store::open(&location, OpenMode::Create).unwrap();
                let mut stored = 0;
                for chunk in share.chunks(1 + 2 * writer) {
                    let report = store.ingest(chunk).unwrap();
                    assert!(report.problems.is_empty(), "{:?}", report.problems);
                    stored += report.new_articles;
                }
                store.optimize().unwrap();
                stored
            })
        })
        .collect();
    let stored: usize = writers.into_iter().map(|w| w.join().unwrap()).sum();
    assert_eq!(
        stored,
        articles.len(),
        "each article stored by exactly one writer"
    );
    let mut store = fresh.open();
    assert_eq!(store.stats().unwrap(), expected_stats);
    assert_same_events(&events(&mut store), &expected);
}

/// Many processes opening one new SQLite file at once all wait their turn:
/// switching a new file to WAL takes a lock, and a connection that meets it
/// before its busy timeout is set fails with "database is locked" at once.
#[test]
fn sqlite_opens_racing_on_a_new_file_all_succeed() {
    for _round in 0..20 {
        let fresh = Fresh::new(Kind::Sqlite);
        let start = Arc::new(Barrier::new(8));
        let openers: Vec<_> = (0..8)
            .map(|_| {
                let location = fresh.location.clone();
                let start = Arc::clone(&start);
                std::thread::spawn(move || {
                    start.wait();
                    Store::open(&location, OpenMode::Create).map(|_| ())
                })
            })
            .collect();
        for opener in openers {
            opener.join().unwrap().unwrap();
        }
    }
}
