//! `/api/events` (a page of events behind a cursor) and `/api/events/{id}`
//! (one event with the evidence of every report).

use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::Response;
use dateline_export::EventRecord;
use dateline_store::{Cursor, EventDetail, PageRequest};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use crate::cache::{CacheKey, Endpoint};
use crate::error::{ApiError, ErrorBody};
use crate::evidence::{Mark, Piece, pieces};
use crate::params::{FilterDoc, Params};
use crate::{App, MAX_PAGE};

/// Longest event id looked up (stored ids are 16 hex digits).
const MAX_ID_BYTES: usize = 128;

/// Events per page when `limit` is not given.
const DEFAULT_PAGE: usize = 50;

/// A page of events, newest first unless `sort` says otherwise.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventPage {
    /// Events in the public event schema (see the README) with
    /// `num_mentions`, `num_sources`, `num_articles`, `first_seen` and
    /// `last_seen`, and the evidence of their first report (`sentence`,
    /// `trigger`, the actors' `text`); every report's is at `/api/events/{id}`.
    #[schema(value_type = Vec<Object>)]
    pub events: Vec<ListedEvent>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next: Option<String>,
}

/// An event in a list: the public schema and merge counts without the
/// `mentions`, which would carry every report's sentence on every page.
#[derive(Debug, Serialize)]
pub struct ListedEvent {
    #[serde(flatten)]
    event: EventRecord,
    #[serde(flatten)]
    counts: Option<MergeCounts>,
}

/// `MergeInfo` but its mentions.
#[derive(Debug, Serialize)]
struct MergeCounts {
    num_mentions: u32,
    num_sources: u32,
    num_articles: u32,
    first_seen: Option<String>,
    last_seen: Option<String>,
}

impl ListedEvent {
    fn new(mut event: EventRecord) -> ListedEvent {
        let counts = event.merge.take().map(|merge| MergeCounts {
            num_mentions: merge.num_mentions,
            num_sources: merge.num_sources,
            num_articles: merge.num_articles,
            first_seen: merge.first_seen,
            last_seen: merge.last_seen,
        });
        ListedEvent { event, counts }
    }
}

/// Paging (documentation for the OpenAPI description).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct PageDoc {
    /// Events per page, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<u32>,
    /// `newest` (default; undated last), `oldest`, or `mentions` (most reported first).
    sort: Option<String>,
    /// The `next` value of the previous page.
    cursor: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/events",
    tag = "events",
    params(FilterDoc, PageDoc),
    responses(
        (status = 200, description = "One page of matching events", body = EventPage),
        (status = 400, description = "A bad or unknown parameter", body = ErrorBody),
        (status = 422, description = "The query ran past the time cap", body = ErrorBody),
    )
)]
pub async fn list(State(app): State<App>, mut params: Params) -> Result<Response, ApiError> {
    let query = params.filters()?;
    let size = params.limit(DEFAULT_PAGE, MAX_PAGE)?;
    let sort = params.sort()?;
    let after = params
        .take("cursor")
        .map(|cursor| Cursor::parse(&cursor, sort))
        .transpose()?;
    params.finish()?;
    let request = PageRequest { sort, after, size };
    let key = CacheKey::new(Endpoint::Events, &(&query, &request));
    app.answer(key, move |store| {
        let page = store.events_page(&query, &request)?;
        Ok(EventPage {
            events: page.events.into_iter().map(ListedEvent::new).collect(),
            next: page.next.map(|cursor| cursor.to_string()),
        })
    })
    .await
}

/// One event with the evidence of each report.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventEvidence {
    /// The event in the public schema, as in `/api/events`.
    #[schema(value_type = Object)]
    pub event: EventRecord,
    /// Every report of the event: the first coded one, then the others.
    pub reports: Vec<ReportEvidence>,
}

/// One report: where it was published and the sentence it came from.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportEvidence {
    pub article_id: String,
    /// `coded`, or `reference` for a later sentence naming the event again.
    pub kind: String,
    pub date: Option<String>,
    pub outlet: String,
    pub title: Option<String>,
    /// The article's address; only `http` and `https` addresses are given.
    pub url: Option<String>,
    /// The sentence's index in the article (null for a heading).
    pub sentence_index: Option<u32>,
    pub sentence: String,
    /// The sentence cut at the trigger, source and target spans.
    pub pieces: Vec<Piece>,
    /// The pattern that fired.
    pub rule: String,
}

#[utoipa::path(
    get,
    path = "/api/events/{id}",
    tag = "events",
    params(("id" = String, Path, description = "The event's id, as `/api/events` gives it")),
    responses(
        (status = 200, description = "The event with every report's evidence", body = EventEvidence),
        (status = 404, description = "No such event", body = ErrorBody),
    )
)]
pub async fn detail(
    State(app): State<App>,
    id: Result<Path<String>, PathRejection>,
    params: Params,
) -> Result<Json<EventEvidence>, ApiError> {
    let Path(id) = id.map_err(|err| ApiError::bad_request(format!("event id: {err}")))?;
    params.finish()?;
    if id.len() > MAX_ID_BYTES {
        return Err(ApiError::not_found("no event with so long an id"));
    }
    let wanted = id.clone();
    let limit = app.config().query_time;
    let detail = app
        .readers()
        .run(limit, move |store| Ok(store.event(&wanted)?))
        .await?;
    let detail = detail.ok_or_else(|| ApiError::not_found(format!("no event {id:?}")))?;
    Ok(Json(evidence(detail)))
}

fn evidence(detail: EventDetail) -> EventEvidence {
    let mentions = detail
        .record
        .merge
        .as_ref()
        .map(|merge| merge.mentions.as_slice())
        .unwrap_or_default();
    let reports = mentions
        .iter()
        .zip(&detail.reports)
        .map(|(mention, report)| {
            let sentence = &mention.sentence;
            let marked: Vec<(Mark, dateline_model::Span)> = [
                Some((Mark::Trigger, mention.trigger)),
                mention.source_span.map(|span| (Mark::Source, span)),
                mention.target_span.map(|span| (Mark::Target, span)),
            ]
            .into_iter()
            .flatten()
            .collect();
            ReportEvidence {
                article_id: mention.article_id.clone(),
                kind: report.kind.clone(),
                date: report.date.clone(),
                outlet: report.outlet.clone(),
                title: report.title.clone(),
                url: report.url.clone().filter(|url| is_web_address(url)),
                sentence_index: sentence.index,
                sentence: sentence.text.clone(),
                pieces: pieces(&sentence.text, sentence.span, &marked),
                rule: mention.rule.clone(),
            }
        })
        .collect();
    EventEvidence {
        event: detail.record,
        reports,
    }
}

/// Only web addresses become links (never `javascript:` or `data:`).
fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_links() {
        assert!(is_web_address("https://news.example.org/a"));
        assert!(is_web_address("HTTP://news.example.org/a"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address(" data:text/html,<script>"));
        assert!(!is_web_address("news.example.org/a"));
    }
}
