//! Kept answers: a repeated request is answered from the cache while the
//! store is unchanged, and never after a write, whether the write came
//! through this server's `POST /api/ingest` or from another process.

#[path = "support/seed.rs"]
mod seed;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dateline_read::{ReadConfig, read_bytes};
use dateline_resolve::EventNouns;
use dateline_serve::{App, ServeConfig, WriteAccess, WriteToken};
use dateline_store::{ArticleInput, OpenMode, Store};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

const TOKEN: &str = "s3cret-token-for-tests-0123456789";

/// Kenya's president meets Ethiopia's prime minister (one event, 040s).
const MEETING: &str = r#"{"id":"meeting","url":"https://news.example.org/meeting","date":"2025-10-02","title":"Talks","source":"Example Wire","text":"Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Thursday."}"#;

/// Kenya's president meets Uganda's president two weeks later.
const SECOND_MEETING: &str = r#"{"id":"second-meeting","url":"https://news.example.org/second","date":"2025-10-16","title":"More talks","source":"Example Daily","text":"Kenyan President William Ruto met Ugandan President Yoweri Museveni in Kampala on Thursday."}"#;

async fn get_body(router: &Router, uri: &str) -> Vec<u8> {
    let response = router
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec()
}

async fn get_json(router: &Router, uri: &str) -> Value {
    serde_json::from_slice(&get_body(router, uri).await).unwrap()
}

fn coded(jsonl: &str) -> Vec<ArticleInput> {
    let mut docs = Vec::new();
    read_bytes(
        "test.jsonl",
        jsonl.as_bytes(),
        &ReadConfig::default(),
        &mut |doc| docs.push(doc),
    );
    docs.iter_mut()
        .map(|doc| {
            seed::pipeline().process(doc, dateline_pipeline::Stage::Code);
            ArticleInput::from_doc(doc, EventNouns::builtin())
        })
        .collect()
}

/// The events of Kenyan actors, their timeline and network, as the page
/// asks for them (parameters in another order the second time).
async fn kenya(router: &Router, order: usize) -> [Value; 3] {
    let uris = [
        [
            "/api/events?actor=KEN&limit=10",
            "/api/events?limit=10&actor=KEN",
        ],
        [
            "/api/timeline?actor=KEN&by=week",
            "/api/timeline?by=week&actor=KEN",
        ],
        ["/api/network?actor=KEN", "/api/network?actor=KEN&"],
    ];
    let mut answers = Vec::new();
    for uri in uris {
        answers.push(get_json(router, uri[order % 2]).await);
    }
    answers.try_into().unwrap()
}

fn counts(answers: &[Value; 3]) -> (usize, usize, usize) {
    let [events, timeline, network] = answers;
    (
        events["events"].as_array().unwrap().len(),
        timeline["rows"].as_array().unwrap().len(),
        network["dyads"].as_array().unwrap().len(),
    )
}

#[tokio::test]
async fn answers_are_kept_until_the_store_changes_by_any_writer() {
    let dir = tempfile::tempdir().unwrap();
    let location = dir.path().join("kept.db").display().to_string();
    let app = App::open(ServeConfig {
        write: WriteAccess::Token(WriteToken::new(TOKEN).unwrap()),
        ..ServeConfig::new(&location)
    })
    .unwrap();
    let router = app.router();
    let empty = kenya(&router, 0).await;
    assert_eq!(counts(&empty), (0, 0, 0));
    assert_eq!(kenya(&router, 1).await, empty);

    // A write through this server.
    let stored = router
        .clone()
        .oneshot(
            Request::post("/api/ingest?format=jsonl")
                .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
                .body(Body::from(MEETING))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(stored.status(), StatusCode::OK);
    let one = kenya(&router, 0).await;
    assert_eq!(counts(&one), (1, 1, 1));
    assert_eq!(kenya(&router, 1).await, one);

    // A write by another process (here another connection): seen at once.
    let mut other = Store::open(&location, OpenMode::Existing).unwrap();
    other.ingest(&coded(SECOND_MEETING)).unwrap();
    let two = kenya(&router, 1).await;
    assert_eq!(counts(&two), (2, 2, 2));
    assert_eq!(kenya(&router, 0).await, two);
}

#[tokio::test]
async fn a_repeated_request_is_answered_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let location = dir.path().join("kept.db").display().to_string();
    Store::open(&location, OpenMode::Create)
        .unwrap()
        .ingest(&coded(MEETING))
        .unwrap();
    let cached = App::open(ServeConfig::new(&location)).unwrap().router();
    let uncached = App::open(ServeConfig {
        cache_bytes: 0,
        ..ServeConfig::new(&location)
    })
    .unwrap()
    .router();
    let before = kenya(&cached, 0).await;
    assert_eq!(counts(&before), (1, 1, 1));
    assert_eq!(kenya(&uncached, 0).await, before);
    // Rows removed behind the store's back (no ingest, so no new
    // generation) show only where nothing is kept: this is what makes a
    // kept answer visible, and why only ingest may write a served store.
    let mut raw = dateline_store::backend::sqlite::SqliteBackend::open(
        std::path::Path::new(&location),
        false,
    )
    .unwrap();
    dateline_store::Backend::execute_script(
        &mut raw,
        "DELETE FROM event_dyads; DELETE FROM event_actors; DELETE FROM actor_periods;",
    )
    .unwrap();
    assert_eq!(counts(&kenya(&uncached, 1).await), (0, 0, 0));
    assert_eq!(kenya(&cached, 1).await, before);
}

#[tokio::test]
async fn list_rows_carry_counts_and_first_evidence_and_the_detail_every_report() {
    let router = seed::read_only_app().router();
    let page = get_json(&router, "/api/events?sort=mentions&limit=3").await;
    let first = &page["events"][0];
    assert!(first["num_mentions"].as_u64().unwrap() >= 2, "{first}");
    for field in ["num_sources", "num_articles", "first_seen", "last_seen"] {
        assert!(first.get(field).is_some(), "{field}");
    }
    assert!(first.get("mentions").is_none(), "{first}");
    assert!(
        first["sentence"]["text"]
            .as_str()
            .unwrap()
            .contains(first["trigger"]["text"].as_str().unwrap())
    );
    let id = first["event_id"].as_str().unwrap();
    let detail = get_json(&router, &format!("/api/events/{id}")).await;
    assert_eq!(
        detail["reports"].as_array().unwrap().len() as u64,
        first["num_mentions"].as_u64().unwrap()
    );
    assert_eq!(
        detail["event"]["mentions"].as_array().unwrap().len() as u64,
        first["num_mentions"].as_u64().unwrap()
    );
    // The row is the detail's event without its mentions.
    let mut event = detail["event"].clone();
    event.as_object_mut().unwrap().remove("mentions");
    assert_eq!(*first, event);
}
