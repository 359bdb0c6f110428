//! Load benchmark: `/api/events` and `/api/timeline` over HTTP on a store of
//! at least 1,000,000 generated events, with 50 concurrent clients, each
//! sending its next request as soon as the last one is answered.
//!
//! ```text
//! cargo bench -p dateline-serve --bench load
//! ```
//!
//! The store is the one the store crate's benchmark generates (the same
//! generator, `crates/store/benches/support/generate.rs`, and the same file
//! under `target/dateline-bench/`, built on first use and shared with
//! `cargo bench -p dateline-store`). Server and clients run in this process
//! on the loopback interface and share the machine's cores. Each endpoint
//! is loaded twice with the same requests: on a server without the answer
//! cache, then on a new server whose cache starts empty.
//! `DATELINE_BENCH_EVENTS=N` sizes the store for a trial run.
//!
//! `DATELINE_BENCH_DB=postgres://user@host/db` loads a server on that
//! PostgreSQL database instead: an empty database is filled first with the
//! same generated articles (`DATELINE_BENCH_EVENTS` of them, 1,000,000 by
//! default), a database already holding that many events is used as it is.

#[path = "../../store/benches/support/generate.rs"]
mod generate;
#[path = "../../store/benches/support/million.rs"]
mod million;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use dateline_serve::{App, ServeConfig};
use dateline_store::{OpenMode, Store};
use generate::{COUNTRIES, Rng, TOPIC_WORDS};
use http_body_util::BodyExt;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// The allocator `dateline serve` runs with (the `dateline` binary sets it).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Concurrent clients.
const CLIENTS: usize = 50;
/// Requests each client sends per endpoint.
const REQUESTS_PER_CLIENT: usize = 40;
/// The store bench's cache version (its `STORE_VERSION`), so both share the file.
const STORE_VERSION: u32 = 3;

fn main() {
    let location = match std::env::var("DATELINE_BENCH_DB") {
        Ok(url) => postgres_store(&url),
        Err(_) => million_event_store().display().to_string(),
    };
    let clients = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    // The same requests without the answer cache, then on a new server
    // whose cache starts empty.
    for (label, cache_bytes) in [
        ("no cache", 0),
        ("cache", dateline_serve::DEFAULT_CACHE_BYTES),
    ] {
        let config = ServeConfig {
            cache_bytes,
            ..ServeConfig::new(&location)
        };
        let server = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        server.spawn(dateline_serve::serve(
            App::open(config).unwrap(),
            "127.0.0.1:0".parse().unwrap(),
            move |addr| ready_tx.send(addr).unwrap(),
        ));
        let addr = ready_rx.recv().unwrap();
        for (endpoint, make) in [
            ("/api/events", events_query as fn(&mut Rng) -> String),
            ("/api/timeline", timeline_query),
        ] {
            clients.block_on(load(addr, label, endpoint, make));
        }
        server.shutdown_background();
    }
}

/// A varied events page: the filters an analyst starts from.
fn events_query(rng: &mut Rng) -> String {
    let country = rng.pick(COUNTRIES).0;
    let other = rng.pick(COUNTRIES).0;
    let (from, to) = week(rng);
    match rng.below(8) {
        0 => "limit=50".to_string(),
        1 => format!("actor={country}&limit=50"),
        2 => format!("source={country}&target={other}&limit=50"),
        3 => format!("code={}&limit=50", 14 + rng.below(7)),
        4 => format!("country={country}&quad={}&limit=50", 1 + rng.below(4)),
        5 => format!("from={from}&to={to}&limit=50"),
        6 => format!("text={}&limit=50", rng.pick(TOPIC_WORDS)),
        _ => format!("actor={country}&from={from}&to={to}&sort=oldest&limit=50"),
    }
}

/// A varied timeline: an actor, a dyad, a code, a country, or a month by day.
fn timeline_query(rng: &mut Rng) -> String {
    let country = rng.pick(COUNTRIES).0;
    let other = rng.pick(COUNTRIES).0;
    let (from, _) = week(rng);
    match rng.below(5) {
        0 => format!("actor={country}&by=month"),
        1 => format!("source={country}&target={other}&by=week"),
        2 => format!("actor={country}&code={}&by=month", 14 + rng.below(7)),
        3 => format!("actor={country}&quad=4&by=week"),
        _ => format!("from={from}&to={}&by=day", from + chrono::Days::new(30)),
    }
}

fn week(rng: &mut Rng) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let from = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap()
        + chrono::Days::new(rng.below(generate::DAYS as usize) as u64);
    (from, from + chrono::Days::new(6))
}

/// Runs the clients against one endpoint and prints throughput and latency.
async fn load(addr: SocketAddr, label: &str, endpoint: &'static str, make: fn(&mut Rng) -> String) {
    let client: Arc<Client<_, http_body_util::Empty<bytes::Bytes>>> =
        Arc::new(Client::builder(TokioExecutor::new()).build_http());
    let started = Instant::now();
    let mut tasks = Vec::new();
    for client_idx in 0..CLIENTS {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            let mut rng = Rng::new(7 + client_idx as u64);
            let mut latencies = Vec::with_capacity(REQUESTS_PER_CLIENT);
            for _ in 0..REQUESTS_PER_CLIENT {
                let uri = format!("http://{addr}{endpoint}?{}", make(&mut rng));
                let sent = Instant::now();
                let response = client.get(uri.parse().unwrap()).await.unwrap();
                let status = response.status();
                let body = response.into_body().collect().await.unwrap().to_bytes();
                assert!(
                    status.is_success(),
                    "{uri}: {status} {}",
                    String::from_utf8_lossy(&body)
                );
                assert!(body.starts_with(b"{"), "{uri}");
                latencies.push(sent.elapsed());
            }
            latencies
        }));
    }
    let mut latencies: Vec<Duration> = Vec::new();
    for task in tasks {
        latencies.extend(task.await.unwrap());
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "load  {label:<8} {endpoint:<14} {CLIENTS} clients, {} requests in {elapsed:.1} s: {:.0} requests/s, \
         p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        ms(at(0.50)),
        ms(at(0.99)),
        ms(at(1.0)),
    );
}

fn min_events() -> u64 {
    std::env::var("DATELINE_BENCH_EVENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000)
}

fn bench_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("dateline-bench");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The PostgreSQL store at `url`, filled with the generated articles when
/// it holds fewer than the events asked for (it must then be empty).
fn postgres_store(url: &str) -> String {
    let min_events = min_events();
    let mut store = Store::open(url, OpenMode::Create).unwrap();
    let stats = store.stats().unwrap();
    if stats.events >= min_events {
        println!("store  reusing {url} ({} events)", stats.events);
        return url.to_string();
    }
    assert_eq!(
        stats.articles, 0,
        "{url} holds too few events and is not empty"
    );
    let seconds = million::fill(&mut store, min_events);
    let events = store.stats().unwrap().events;
    println!("store  built {url} in {seconds:.0} s ({events} events)");
    url.to_string()
}

/// The store bench's cached store (same name and completion marker), built
/// here with its generator and seed when missing.
fn million_event_store() -> PathBuf {
    let min_events = min_events();
    let path = bench_dir().join(format!("store-{min_events}-v{STORE_VERSION}.db"));
    let complete = path.with_extension("complete");
    if complete.exists() {
        let stats = Store::open_sqlite(&path, OpenMode::Existing)
            .unwrap()
            .stats()
            .unwrap();
        println!(
            "store  reusing {} ({} events)",
            path.display(),
            stats.events
        );
        return path;
    }
    let (mut store, seconds) = million::build(&path, min_events);
    let events = store.stats().unwrap().events;
    assert!(events >= min_events);
    println!(
        "store  built {} in {seconds:.0} s ({events} events)",
        path.display()
    );
    std::fs::write(&complete, b"").unwrap();
    path
}
