//! Random and malformed query strings thrown at every endpoint: the server
//! never panics and never answers 5xx; every refusal is a JSON error.

#[path = "support/seed.rs"]
mod seed;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request};
use http_body_util::BodyExt;
use proptest::prelude::*;
use tower::ServiceExt;

const ENDPOINTS: &[(&str, Method)] = &[
    ("/api/events", Method::GET),
    ("/api/events/0f86bf2e6db5ad05", Method::GET),
    ("/api/timeline", Method::GET),
    ("/api/network", Method::GET),
    ("/api/places", Method::GET),
    ("/api/actors", Method::GET),
    ("/api/codes", Method::GET),
    ("/api/stats", Method::GET),
    ("/api/events.csv", Method::GET),
    ("/api/events.jsonl", Method::GET),
    ("/api/events.geojson", Method::GET),
    ("/api/events.parquet", Method::GET),
    ("/api/ingest", Method::POST),
    ("/openapi.json", Method::GET),
    ("/", Method::GET),
];

const KEYS: &[&str] = &[
    "actor",
    "source",
    "target",
    "code",
    "quad",
    "country",
    "from",
    "to",
    "near",
    "text",
    "bbox",
    "min_mentions",
    "limit",
    "sort",
    "cursor",
    "by",
    "q",
    "format",
    "date",
];

/// Values near the valid ones, and junk.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,4}",
        "-?[0-9]{1,3}(\\.[0-9]{1,4})?(,-?[0-9]{1,3}(\\.[0-9]{1,4})?){0,4}",
        "20[0-9]{2}-[0-9]{2}-[0-9]{2}",
        "[A-Z]{2,7}",
        "[a-z \"'%_*()^:-]{0,20}",
        "(newest|oldest|mentions|day|week|month|d2025-04-14_[0-9]{1,3}|m[0-9]_[0-9]|u_[0-9])",
        any::<String>(),
    ]
}

/// A query string: known and unknown keys, repeated keys, bad escapes.
fn query() -> impl Strategy<Value = String> {
    let pair = (
        prop_oneof![
            proptest::sample::select(KEYS).prop_map(str::to_string),
            "[a-z_%]{0,6}"
        ],
        value(),
    );
    (
        proptest::collection::vec(pair, 0..6),
        "(%[0-9A-Fa-fzZ]{0,2})?",
    )
        .prop_map(|(pairs, tail)| {
            let mut query: String = pairs
                .iter()
                .map(|(key, value)| format!("{}={}", escape(key), escape(value)))
                .collect::<Vec<_>>()
                .join("&");
            query.push_str(&tail);
            query
        })
}

/// Characters a URI may hold stay as they are (`%` too, so malformed
/// escapes reach the server); the rest are percent-encoded.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~!$'()*+,;:@/?%".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn router() -> &'static Router {
    static ROUTER: std::sync::OnceLock<Router> = std::sync::OnceLock::new();
    ROUTER.get_or_init(|| seed::read_only_app().router())
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn no_query_string_gets_a_5xx_or_a_panic(endpoint in 0..ENDPOINTS.len(), query in query()) {
        let (path, method) = &ENDPOINTS[endpoint];
        let uri = format!("{path}?{query}");
        let Ok(request) = Request::builder().method(method.clone()).uri(&uri).body(Body::empty()) else {
            // Not a URI at all: no server would receive it.
            return Ok(());
        };
        let (status, content_type, body) = runtime().block_on(async {
            let response = router().clone().oneshot(request).await.unwrap();
            let status = response.status();
            let content_type = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_string());
            let body = response.into_body().collect().await.unwrap().to_bytes();
            (status, content_type, body)
        });
        prop_assert!(!status.is_server_error(), "{uri}: {status} {}", String::from_utf8_lossy(&body));
        if status.is_client_error() {
            prop_assert_eq!(content_type.as_deref(), Some("application/json"), "{}", uri);
            let error: serde_json::Value = serde_json::from_slice(&body).unwrap();
            prop_assert!(error["error"].as_str().is_some_and(|m| !m.is_empty()), "{uri}: {error}");
        }
    }
}
