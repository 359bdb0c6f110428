//! The server on a real PostgreSQL store: concurrent requests make the
//! reader pool open more connections than the one it starts with, and a
//! server stopped inside the runtime drops its pool there. The PostgreSQL
//! client blocks on a runtime of its own, so both once panicked on the
//! server's async threads.

#[path = "../../store/tests/support/pg_server.rs"]
mod pg_server;
#[path = "support/seed.rs"]
mod seed;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use dateline_serve::{App, ServeConfig};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

async fn get_json(router: Router, uri: String) -> Value {
    let response = router
        .oneshot(Request::get(&uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    let body = response.into_body().collect().await.unwrap().to_bytes();
    serde_json::from_slice(&body).unwrap()
}

#[test]
fn a_server_on_postgresql_answers_concurrent_requests_and_stops_cleanly() {
    let url = pg_server::fresh_database_url();
    seed::seed(&url);
    let app = App::open(ServeConfig::new(&url)).unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let router = app.router();
        let requests = (0..8).map(|i| {
            let uri = if i % 2 == 0 {
                "/api/events?limit=100".to_string()
            } else {
                "/api/timeline?by=month".to_string()
            };
            tokio::spawn(get_json(router.clone(), uri))
        });
        let answers = futures_util::future::join_all(requests).await;
        for (i, answer) in answers.into_iter().enumerate() {
            let answer = answer.expect("request task");
            if i % 2 == 0 {
                let events = answer["events"].as_array().expect("events");
                assert_eq!(events.len(), seed::SEEDED_EVENTS, "{answer}");
            } else {
                let total: u64 = answer["rows"]
                    .as_array()
                    .expect("rows")
                    .iter()
                    .map(|p| p["events"].as_u64().unwrap())
                    .sum();
                assert_eq!(total as usize, seed::SEEDED_EVENTS, "{answer}");
            }
        }
        // Stopping the server drops its pool on an async thread.
        drop(router);
        drop(app);
    });
}
