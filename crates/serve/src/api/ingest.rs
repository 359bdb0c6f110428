//! `POST /api/ingest`: articles in any format `dateline read` takes, coded
//! and stored as `dateline ingest` does. Open only when the server was
//! started with a write token, and only to requests bearing it.

use std::panic::AssertUnwindSafe;

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use dateline_pipeline::Stage;
use dateline_read::{Format, ReadConfig, read_bytes};
use dateline_resolve::EventNouns;
use dateline_store::{ArticleInput, IngestReport};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ErrorBody};
use crate::params::Params;
use crate::{App, Writer};

/// Largest request body accepted.
pub const MAX_INGEST_BYTES: usize = 32 * 1024 * 1024;

/// Articles stored per transaction, as `dateline ingest` does.
const BATCH: usize = 256;

/// What an ingest did.
#[derive(Debug, Serialize, ToSchema)]
pub struct IngestSummary {
    /// Articles read from the body.
    pub articles: usize,
    pub new_articles: usize,
    pub revisions: usize,
    /// Articles already stored (same text).
    pub duplicates: usize,
    pub reports: usize,
    pub new_events: usize,
    /// Problems reading the body or storing articles, naming the record.
    pub problems: Vec<String>,
}

/// The input format (documentation for the OpenAPI description).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct IngestDoc {
    /// `jsonl`, `dateline`, `text`, `html`, `feed` or `warc`; by default told from the content.
    format: Option<String>,
    /// Publication date for articles that give none, `YYYY-MM-DD`.
    date: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/ingest",
    tag = "writes",
    params(IngestDoc),
    request_body(content = String, description = "Articles: JSON Lines (one article per line), dateline text, plain text, HTML, RSS/Atom or WARC", content_type = "application/octet-stream"),
    responses(
        (status = 200, description = "Articles read, coded and stored", body = IngestSummary),
        (status = 400, description = "A bad parameter", body = ErrorBody),
        (status = 403, description = "Writes are off, or the bearer token is missing or wrong", body = ErrorBody),
        (status = 413, description = "The body is over 32 MiB", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn ingest(
    State(app): State<App>,
    headers: HeaderMap,
    mut params: Params,
    body: Body,
) -> Result<Json<IngestSummary>, ApiError> {
    app.authorised_writer(&headers)?;
    let config = ReadConfig {
        format: params.take_with("format", parse_format)?,
        default_date: params.take_with("date", |text| {
            chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map_err(|_| format!("expected YYYY-MM-DD, got {text:?}"))
        })?,
        ..ReadConfig::default()
    };
    params.finish()?;
    let bytes = axum::body::to_bytes(body, MAX_INGEST_BYTES)
        .await
        .map_err(|_| ApiError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            message: format!("the body is over {MAX_INGEST_BYTES} bytes (or was cut off)"),
        })?;
    let app = app.clone();
    let summary = tokio::task::spawn_blocking(move || {
        let writer = app.writer().expect("authorised writer");
        ingest_bytes(writer, &bytes, &config)
    })
    .await
    .map_err(|err| {
        tracing::error!("ingest failed: {err}");
        ApiError::internal("internal error while ingesting")
    })??;
    Ok(Json(summary))
}

fn parse_format(text: &str) -> Result<Format, String> {
    [
        Format::Jsonl,
        Format::DatelineText,
        Format::PlainText,
        Format::Html,
        Format::Feed,
        Format::Warc,
    ]
    .into_iter()
    .find(|format| format.name() == text)
    .ok_or_else(|| format!("expected jsonl, dateline, text, html, feed or warc, got {text:?}"))
}

/// Reads, codes and stores the body's articles, a batch at a time.
fn ingest_bytes(
    writer: &Writer,
    bytes: &[u8],
    config: &ReadConfig,
) -> Result<IngestSummary, ApiError> {
    let mut docs = Vec::new();
    let report = read_bytes("request", bytes, config, &mut |doc| docs.push(doc));
    let mut problems: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    let nouns = EventNouns::builtin();
    let mut articles = Vec::with_capacity(docs.len());
    for mut doc in docs {
        // A bug in a stage costs one article, as in `dateline ingest`.
        let coded = std::panic::catch_unwind(AssertUnwindSafe(|| {
            writer.pipeline.process(&mut doc, Stage::Code);
            ArticleInput::from_doc(&doc, nouns)
        }));
        match coded {
            Ok(article) => articles.push(article),
            Err(_) => problems.push(format!(
                "{}: internal error while coding article {}; it was skipped",
                doc.meta.input, doc.meta.id
            )),
        }
    }
    let mut total = IngestReport::default();
    let mut store = writer
        .store
        .lock()
        .map_err(|_| ApiError::internal("the writer failed earlier"))?;
    for batch in articles.chunks(BATCH) {
        let report = store.ingest(batch)?;
        problems.extend(report.problems.iter().cloned());
        total.add(report);
    }
    Ok(IngestSummary {
        articles: total.articles,
        new_articles: total.new_articles,
        revisions: total.revisions,
        duplicates: total.duplicates,
        reports: total.reports,
        new_events: total.new_events,
        problems,
    })
}

impl App {
    /// The writer, when writes are on and the request bears its token.
    fn authorised_writer(&self, headers: &HeaderMap) -> Result<&Writer, ApiError> {
        let Some(writer) = self.writer() else {
            return Err(ApiError::forbidden(
                "this server is read-only (start it with --write-token FILE to accept writes)",
            ));
        };
        let offered = headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.as_bytes().strip_prefix(b"Bearer "))
            .unwrap_or_default();
        if !writer.token.matches(offered) {
            return Err(ApiError::forbidden("missing or wrong bearer token"));
        }
        Ok(writer)
    }
}
