//! `dateline serve` in a real browser: Debian's headless Chromium driven
//! through chromedriver (WebDriver) from Rust with fantoccini.
//!
//! The store is seeded by `dateline ingest data/samples` (and one article
//! carrying markup and script); the test checks the map markers, the
//! timeline, the network and the table, applies a filter through the form
//! and sees every view follow, opens an event's evidence, and checks that
//! the hostile article's script is shown as text and never runs.
//! Screenshots go to `target/serve-screenshots/`.
//!
//! `scripts/ci/chromium.sh` installs `chromium` and `chromium-driver`.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

const HOSTILE_JSONL: &str = r#"{"id":"xss-probe","url":"javascript:pwned=3","date":"2025-06-20","title":"<script>pwned=1</script>Summit <b>report</b>","source":"<b>Evil</b> Wire","text":"Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi <script>pwned=1</script><img src=x onerror=pwned=2> on Friday."}"#;

/// A child process killed when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn screenshots() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target"));
    let dir = target.join("serve-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn dateline(args: &[&str]) {
    let output = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "dateline {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `dateline serve` on a free port; returns the process and its address.
fn serve(db: &str) -> (Running, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["serve", "--db", db, "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    (Running(child), address)
}

/// chromedriver on a free port, once it answers.
fn chromedriver() -> (Running, String) {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|err| {
            panic!("cannot start chromedriver ({err}): run scripts/ci/chromium.sh to install Debian's chromium and chromium-driver")
        });
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    (Running(child), format!("http://127.0.0.1:{port}"))
}

async fn browser(driver: &str, profile: &Path) -> Client {
    let args = [
        "--headless".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--no-first-run".into(),
        "--window-size=1400,1400".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    let capabilities = json!({"goog:chromeOptions": {"args": args, "binary": "/usr/bin/chromium"}});
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(capabilities.as_object().unwrap().clone())
        .connect(driver)
        .await
        .expect("a WebDriver session with headless Chromium")
}

async fn script(client: &Client, code: &str) -> Value {
    client.execute(code, vec![]).await.unwrap()
}

/// Waits until every view has drawn its latest data.
async fn all_ready(client: &Client) {
    let started = Instant::now();
    loop {
        let ready = script(
            client,
            "return ['map', 'timeline', 'network', 'events'].every(id => document.getElementById(id).dataset.state === 'ready')",
        )
        .await;
        if ready == json!(true) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the views never got ready"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The counts each view shows.
async fn views(client: &Client) -> Value {
    script(
        client,
        "const d = id => document.getElementById(id).dataset;
         return {
           markers: document.querySelectorAll('#map .leaflet-marker-icon').length,
           map_events: +d('map').events,
           periods: +d('timeline').periods,
           timeline_events: +d('timeline').events,
           timeline_canvas: document.querySelectorAll('#timeline canvas').length,
           nodes: +d('network').nodes,
           edges: +d('network').edges,
           rows: +d('events').rows,
         };",
    )
    .await
}

/// What the API says for the same filters, fetched by the page's browser.
async fn api_counts(client: &Client, filters: &str) -> Value {
    let code = format!(
        "const get = path => fetch(path + '{filters}').then(r => r.json());
         return Promise.all([get('/api/events?limit=500&'), get('/api/places?'), get('/api/timeline?'), get('/api/network?limit=60&')])
           .then(([events, places, timeline, network]) => ({{
             events: events.events.length,
             located: places.places.reduce((n, p) => n + p.events, 0),
             periods: timeline.rows.length,
             dyads: network.dyads.length,
             codes: network.dyads.flatMap(d => [d.source, d.target]),
           }}));"
    );
    script(client, &code).await
}

/// Clicks the table's first event and waits for its evidence panel.
async fn open_first_evidence(client: &Client) -> fantoccini::elements::Element {
    client
        .find(Locator::Css("#events tbody tr[data-event]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("#evidence[data-state=ready]"))
        .await
        .unwrap()
}

async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshots().join(name), png).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_explorer_shows_filters_and_explains_events_in_a_real_browser() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("samples.db").display().to_string();
    let samples = repo().join("data/samples").display().to_string();
    dateline(&["ingest", &samples, "--db", &db]);
    let hostile = dir.path().join("hostile.jsonl");
    std::fs::write(&hostile, HOSTILE_JSONL).unwrap();
    dateline(&["ingest", hostile.to_str().unwrap(), "--db", &db]);
    let (_server, address) = serve(&db);
    let (_driver, driver_url) = chromedriver();
    let client = browser(&driver_url, &dir.path().join("chromium-profile")).await;

    // Every view draws the whole store.
    client.goto(&address).await.unwrap();
    all_ready(&client).await;
    let all = views(&client).await;
    let expected = api_counts(&client, "").await;
    // 34 events of the samples, each checked by hand against its sentence,
    // and the hostile article's one.
    assert_eq!(all["rows"], 35, "{all}");
    assert_eq!(all["rows"], expected["events"]);
    assert!(all["markers"].as_u64().unwrap() >= 3, "{all}");
    assert_eq!(all["map_events"], expected["located"]);
    assert_eq!(all["periods"], expected["periods"]);
    assert_eq!(all["timeline_events"], 35);
    assert_eq!(all["timeline_canvas"], 1);
    assert_eq!(all["edges"], expected["dyads"]);
    assert!(all["nodes"].as_u64().unwrap() > 10);
    screenshot(&client, "overview.png").await;

    // A filter typed into the form: every view follows, and the URL keeps it.
    let actor = client
        .find(Locator::Css("input[name=actor]"))
        .await
        .unwrap();
    actor.send_keys("NGA").await.unwrap();
    client
        .find(Locator::Css("#filters button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let started = Instant::now();
    while !client
        .current_url()
        .await
        .unwrap()
        .as_str()
        .contains("actor=NGA")
    {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the URL never took the filter"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    all_ready(&client).await;
    let nigeria = views(&client).await;
    let expected = api_counts(&client, "actor=NGA").await;
    assert!(nigeria["rows"].as_u64().unwrap() >= 3, "{nigeria}");
    assert!(nigeria["rows"].as_u64() < all["rows"].as_u64());
    assert_eq!(nigeria["rows"], expected["events"]);
    assert_eq!(nigeria["map_events"], expected["located"]);
    assert!(nigeria["map_events"].as_u64() < all["map_events"].as_u64());
    assert_eq!(nigeria["timeline_events"], nigeria["rows"]);
    assert_eq!(nigeria["edges"], expected["dyads"]);
    assert!(expected["codes"].as_array().unwrap().chunks(2).all(|pair| {
        pair.iter()
            .any(|code| code.as_str().unwrap().starts_with("NGA"))
    }));
    let chip = client
        .find(Locator::Css(".chip[data-filter=actor]"))
        .await
        .unwrap();
    assert!(chip.text().await.unwrap().contains("NGA"));
    let export = client.find(Locator::Id("export-csv")).await.unwrap();
    assert!(
        export
            .attr("href")
            .await
            .unwrap()
            .unwrap()
            .contains("actor=NGA")
    );
    screenshot(&client, "filtered.png").await;

    // A link reproduces the view (how many cluster icons show depends on
    // the map's zoom animation; the events on the map do not).
    let link = client.current_url().await.unwrap().to_string();
    client.goto(&link).await.unwrap();
    all_ready(&client).await;
    let without_icons = |mut counts: Value| {
        counts.as_object_mut().unwrap().remove("markers");
        counts
    };
    assert_eq!(
        without_icons(views(&client).await),
        without_icons(nigeria.clone())
    );

    // A row opens its evidence: the sentence with trigger, source and target marked.
    let panel = open_first_evidence(&client).await;
    let marks = script(
        &client,
        "return ['trigger', 'source', 'target'].map(m => document.querySelectorAll('#evidence-body .report mark.' + m).length)",
    )
    .await;
    assert!(
        marks
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n.as_u64().unwrap() >= 1),
        "{marks}"
    );
    let text = panel.text().await.unwrap();
    assert!(text.contains("Machine-coded"));
    assert!(
        client
            .current_url()
            .await
            .unwrap()
            .as_str()
            .contains("event=")
    );
    screenshot(&client, "evidence.png").await;

    // The hostile article: its markup is shown as text and nothing runs.
    client.goto(&format!("{address}?text=pwned")).await.unwrap();
    all_ready(&client).await;
    assert_eq!(views(&client).await["rows"], 1);
    let panel = open_first_evidence(&client).await;
    let text = panel.text().await.unwrap();
    assert!(
        text.contains("<script>pwned=1</script><img src=x onerror=pwned=2>"),
        "{text}"
    );
    assert!(
        text.contains("<script>pwned=1</script>Summit <b>report</b>"),
        "{text}"
    );
    let probe = script(
        &client,
        "return {
           pwned: typeof window.pwned,
           scripts: document.querySelectorAll('#evidence script, #events script').length,
           images: document.querySelectorAll('#evidence img, #events img').length,
           links: [...document.querySelectorAll('#evidence a')].map(a => a.getAttribute('href')),
         }",
    )
    .await;
    assert_eq!(
        probe,
        json!({"pwned": "undefined", "scripts": 0, "images": 0, "links": []})
    );
    screenshot(&client, "hostile.png").await;
    client.close().await.unwrap();
}
