//! Store benchmarks: articles ingested per second (SQLite and PostgreSQL),
//! and query latency (p50, p99) on a store of at least 1,000,000 generated
//! events for the common filters.
//!
//! ```text
//! cargo bench -p dateline-store --bench store
//! ```
//!
//! The million-event SQLite store is generated on the first run into
//! `target/dateline-bench/` and reused by later runs
//! (`DATELINE_BENCH_REBUILD=1` builds it again). PostgreSQL runs on a
//! throw-away server (`scripts/ci/postgres.sh` installs the binaries);
//! without them that part is reported as skipped.

#[path = "support/generate.rs"]
mod generate;
#[path = "support/million.rs"]
mod million;
#[path = "../tests/support/pg_server.rs"]
mod pg_server;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dateline_store::{ArticleInput, EventQuery, Near, OpenMode, Period, Store};
use generate::{COUNTRIES, Generator, Rng, TOPIC_WORDS};

/// Events the query store must hold (`DATELINE_BENCH_EVENTS` overrides, for trial runs).
fn min_events() -> u64 {
    std::env::var("DATELINE_BENCH_EVENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000)
}
/// Articles per transaction.
const BATCH: usize = 1000;
/// Timed runs of each query kind.
const RUNS: usize = 200;
/// Rows asked for by each events query.
const LIMIT: usize = 100;
/// Bump when the generator or schema changes, to rebuild cached stores.
const STORE_VERSION: u32 = 3;

fn main() {
    // `cargo bench -p dateline-store --bench store -- query` runs only the
    // query part (`ingest` only the ingest part).
    let only: Option<String> = std::env::args().skip(1).find(|arg| !arg.starts_with('-'));
    let wants = |part: &str| only.as_deref().is_none_or(|only| only == part);
    if wants("ingest") {
        ingest_rate("sqlite", &sqlite_location("ingest.db"), 20_000);
        match postgres_location() {
            Ok(url) => ingest_rate("postgres", &url, 2_000),
            Err(reason) => println!("ingest   postgres  skipped: {reason}"),
        }
    }
    if wants("query") {
        let mut store = million_event_store();
        query_latencies(&mut store);
    }
}

fn bench_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("dateline-bench");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn sqlite_location(name: &str) -> String {
    let path = bench_dir().join(name);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path.display().to_string()
}

fn postgres_location() -> Result<String, String> {
    std::panic::catch_unwind(pg_server::fresh_database_url).map_err(|panic| {
        panic
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_else(|| "the test server did not start".into())
    })
}

/// Ingests `n` generated articles into an empty store, timing only the ingest.
fn ingest_rate(backend: &str, location: &str, n: usize) {
    let mut store = Store::open(location, OpenMode::Create).unwrap();
    let mut generator = Generator::new(42);
    let batches: Vec<Vec<ArticleInput>> = (0..n.div_ceil(BATCH))
        .map(|_| (0..BATCH).map(|_| generator.article()).collect())
        .collect();
    let started = Instant::now();
    let mut reports = 0;
    for batch in &batches {
        reports += store.ingest(batch).unwrap().reports;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let stats = store.stats().unwrap();
    assert_eq!(stats.articles as usize, batches.len() * BATCH);
    println!(
        "ingest   {backend:<8}  {} articles, {reports} reports -> {} events in {elapsed:.1} s: \
         {:.0} articles/s, {:.0} reports/s",
        stats.articles,
        stats.events,
        stats.articles as f64 / elapsed,
        reports as f64 / elapsed
    );
}

/// The cached million-event store, built if missing.
fn million_event_store() -> Store {
    let min_events = min_events();
    let path = bench_dir().join(format!("store-{min_events}-v{STORE_VERSION}.db"));
    let complete = path.with_extension("complete");
    let rebuild = std::env::var_os("DATELINE_BENCH_REBUILD").is_some();
    if complete.exists() && !rebuild {
        let mut store = Store::open_sqlite(&path, OpenMode::Existing).unwrap();
        let stats = store.stats().unwrap();
        if stats.events >= min_events {
            println!(
                "store    sqlite    reusing {} ({} articles, {} events)",
                path.display(),
                stats.articles,
                stats.events
            );
            return store;
        }
    }
    let _ = std::fs::remove_file(&complete);
    let (mut store, elapsed) = million::build(&path, min_events);
    let stats = store.stats().unwrap();
    assert!(stats.events >= min_events);
    println!(
        "store    sqlite    built {} in {elapsed:.0} s: {} articles ({:.0}/s), {} reports, {} events",
        path.display(),
        stats.articles,
        stats.articles as f64 / elapsed,
        stats.reports,
        stats.events
    );
    std::fs::write(&complete, b"").unwrap();
    store
}

/// One kind of query: its name and a maker of varied instances.
struct Kind {
    name: &'static str,
    query: fn(&mut Rng) -> Call,
}

/// What a timed call runs.
enum Call {
    Events(EventQuery),
    Timeline(EventQuery, Period),
    Network(EventQuery),
}

fn country(rng: &mut Rng) -> &'static (&'static str, &'static str, &'static str, f64, f64) {
    rng.pick(COUNTRIES)
}

fn day(rng: &mut Rng) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap()
        + chrono::Days::new(rng.below(generate::DAYS as usize) as u64)
}

fn days_later(date: chrono::NaiveDate, n: u64) -> Option<chrono::NaiveDate> {
    Some(date + chrono::Days::new(n))
}

fn events(query: EventQuery) -> Call {
    Call::Events(EventQuery {
        limit: Some(LIMIT),
        ..query
    })
}

const KINDS: &[Kind] = &[
    Kind {
        name: "actor country code (--actor RUS)",
        query: |rng| {
            events(EventQuery {
                actor: Some(country(rng).0.into()),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "actor code with role (--actor RUSGOV)",
        query: |rng| {
            let role = *rng.pick(&["GOV", "MIL", "COP", "OPP"]);
            events(EventQuery {
                actor: Some(format!("{}{role}", country(rng).0)),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "actor name (--actor petrov)",
        query: |rng| {
            let name = *rng.pick(&["petrov", "sato", "okafor", "moreau", "haddad", "novak"]);
            events(EventQuery {
                actor: Some(name.into()),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "source and target (--source USA --target CHN)",
        query: |rng| {
            let source = country(rng).0.to_string();
            let target = country(rng).0.to_string();
            events(EventQuery {
                source: Some(source),
                target: Some(target),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "code root (--code 19)",
        query: |rng| {
            events(EventQuery {
                code: Some(format!("{:02}", 1 + rng.below(20))),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "full code (--code 0256)",
        query: |rng| {
            let code = *rng.pick(&["0256", "041", "1831", "163", "0871", "112", "057", "173"]);
            events(EventQuery {
                code: Some(code.into()),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "quad class (--quad 4)",
        query: |rng| {
            events(EventQuery {
                quad: Some(1 + rng.below(4) as u8),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "date range, one week (--from --to)",
        query: |rng| {
            let from = day(rng);
            events(EventQuery {
                from: Some(from),
                to: days_later(from, 6),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "country (--country NGA)",
        query: |rng| {
            events(EventQuery {
                country: Some(country(rng).0.into()),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "near a capital, 50 km (--near)",
        query: |rng| {
            let &(_, _, _, lat, lon) = country(rng);
            events(EventQuery {
                near: Some(Near { lat, lon, km: 50.0 }),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "text, one word (--text uranium)",
        query: |rng| {
            events(EventQuery {
                text: Some((*rng.pick(TOPIC_WORDS)).into()),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "text, phrase (--text '\"over cobalt\"')",
        query: |rng| {
            events(EventQuery {
                text: Some(format!("\"over {}\"", rng.pick(TOPIC_WORDS))),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "actor and month (--actor IRN --from --to)",
        query: |rng| {
            let from = day(rng);
            events(EventQuery {
                actor: Some(country(rng).0.into()),
                from: Some(from),
                to: days_later(from, 30),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "code and country (--code 18 --country SOM)",
        query: |rng| {
            events(EventQuery {
                code: Some(format!("{:02}", 1 + rng.below(20))),
                country: Some(country(rng).0.into()),
                ..EventQuery::default()
            })
        },
    },
    Kind {
        name: "timeline by month (--actor UKR)",
        query: |rng| {
            Call::Timeline(
                EventQuery {
                    actor: Some(country(rng).0.into()),
                    ..EventQuery::default()
                },
                Period::Month,
            )
        },
    },
    Kind {
        name: "network, one month (--from --to)",
        query: |rng| {
            let from = day(rng);
            Call::Network(EventQuery {
                from: Some(from),
                to: days_later(from, 30),
                ..EventQuery::default()
            })
        },
    },
];

fn query_latencies(store: &mut Store) {
    println!(
        "query latency over {RUNS} varied runs each, events queries asking for {LIMIT} full records:"
    );
    let mut worst_p99 = Duration::ZERO;
    for kind in KINDS {
        let mut rng = Rng::new(99);
        let mut times = Vec::with_capacity(RUNS);
        let mut rows = 0usize;
        for _ in 0..RUNS {
            let call = (kind.query)(&mut rng);
            let started = Instant::now();
            rows += match &call {
                Call::Events(query) => store.events(query).unwrap().len(),
                Call::Timeline(query, period) => store.timeline(query, *period).unwrap().len(),
                Call::Network(query) => store.network(query, LIMIT).unwrap().len(),
            };
            times.push(started.elapsed());
        }
        times.sort();
        let p50 = times[RUNS / 2];
        let p99 = times[(RUNS * 99).div_ceil(100) - 1];
        worst_p99 = worst_p99.max(p99);
        assert!(rows > 0, "{}: no results at all", kind.name);
        println!(
            "query    {:<46} p50 {:>7.2} ms  p99 {:>7.2} ms  ({:.0} rows per run)",
            kind.name,
            p50.as_secs_f64() * 1e3,
            p99.as_secs_f64() * 1e3,
            rows as f64 / RUNS as f64
        );
    }
    println!(
        "query    worst p99 {:.2} ms (target < 50 ms)",
        worst_p99.as_secs_f64() * 1e3
    );
}
