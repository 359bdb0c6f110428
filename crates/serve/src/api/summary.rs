//! Counts over the filtered events: per period and QuadClass, per dyad,
//! per point on the map.

use axum::extract::State;
use axum::response::Response;
use dateline_store::Period;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use crate::App;
use crate::cache::{CacheKey, Endpoint};
use crate::error::{ApiError, ErrorBody};
use crate::params::{FilterDoc, Params};

/// Events per period.
#[derive(Debug, Serialize, ToSchema)]
pub struct Timeline {
    /// `day`, `week` (ISO) or `month`.
    pub by: &'static str,
    /// Oldest period first; periods without events are left out.
    pub rows: Vec<TimelineRow>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineRow {
    /// `2025-04-14`, `2025-W16` or `2025-04`.
    pub period: String,
    pub events: u64,
    pub mentions: u64,
    /// Events of QuadClass 1 (verbal cooperation) to 4 (material conflict).
    pub quad: [u64; 4],
    /// Mean Goldstein score (-10 to 10) of the period's events.
    pub mean_goldstein: Option<f64>,
}

/// Bucket size (documentation for the OpenAPI description).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct TimelineDoc {
    /// `day`, `week` or `month` (default).
    by: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/timeline",
    tag = "summaries",
    params(FilterDoc, TimelineDoc),
    responses(
        (status = 200, description = "Events per period, by QuadClass, with mean Goldstein", body = Timeline),
        (status = 400, description = "A bad or unknown parameter", body = ErrorBody),
        (status = 422, description = "The query ran past the time cap", body = ErrorBody),
    )
)]
pub async fn timeline(State(app): State<App>, mut params: Params) -> Result<Response, ApiError> {
    let query = params.filters()?;
    let period = params.period()?;
    params.finish()?;
    let key = CacheKey::new(Endpoint::Timeline, &(&query, period));
    app.answer(key, move |store| {
        let rows = store.timeline_by_quad(&query, period)?;
        Ok(Timeline {
            by: match period {
                Period::Day => "day",
                Period::Week => "week",
                Period::Month => "month",
            },
            rows: rows
                .into_iter()
                .map(|row| TimelineRow {
                    period: row.period,
                    events: row.events,
                    mentions: row.mentions,
                    quad: row.by_quad,
                    mean_goldstein: row.mean_goldstein,
                })
                .collect(),
        })
    })
    .await
}

/// Who acts on whom.
#[derive(Debug, Serialize, ToSchema)]
pub struct Network {
    /// Most events first.
    pub dyads: Vec<Dyad>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Dyad {
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    pub events: u64,
    pub mentions: u64,
    pub mean_goldstein: Option<f64>,
}

/// How many rows (documentation for the OpenAPI description).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct DyadLimitDoc {
    /// At most this many dyads, 1 to 500 (default 100).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<u32>,
}

#[utoipa::path(
    get,
    path = "/api/network",
    tag = "summaries",
    params(FilterDoc, DyadLimitDoc),
    responses(
        (status = 200, description = "Source-target pairs with counts and mean Goldstein", body = Network),
        (status = 400, description = "A bad or unknown parameter", body = ErrorBody),
        (status = 422, description = "The query ran past the time cap", body = ErrorBody),
    )
)]
pub async fn network(State(app): State<App>, mut params: Params) -> Result<Response, ApiError> {
    let query = params.filters()?;
    let limit = params.limit(100, 500)?;
    params.finish()?;
    let key = CacheKey::new(Endpoint::Network, &(&query, limit));
    app.answer(key, move |store| {
        let dyads = store.network(&query, limit)?;
        Ok(Network {
            dyads: dyads
                .into_iter()
                .map(|dyad| Dyad {
                    source: dyad.source,
                    target: dyad.target,
                    events: dyad.events,
                    mentions: dyad.mentions,
                    mean_goldstein: dyad.mean_goldstein,
                })
                .collect(),
        })
    })
    .await
}

/// Where events happened.
#[derive(Debug, Serialize, ToSchema)]
pub struct Places {
    /// Most events first.
    pub places: Vec<Place>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Place {
    pub lat: f64,
    pub lon: f64,
    pub name: Option<String>,
    /// Three-letter country code.
    pub country: Option<String>,
    pub events: u64,
    pub mean_goldstein: Option<f64>,
}

/// How many points (documentation for the OpenAPI description).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct PlaceLimitDoc {
    /// At most this many points, 1 to 5000 (default 2000).
    #[param(minimum = 1, maximum = 5000)]
    limit: Option<u32>,
}

#[utoipa::path(
    get,
    path = "/api/places",
    tag = "summaries",
    params(FilterDoc, PlaceLimitDoc),
    responses(
        (status = 200, description = "Events per point on the map", body = Places),
        (status = 400, description = "A bad or unknown parameter", body = ErrorBody),
        (status = 422, description = "The query ran past the time cap", body = ErrorBody),
    )
)]
pub async fn places(State(app): State<App>, mut params: Params) -> Result<Response, ApiError> {
    let query = params.filters()?;
    let limit = params.limit(2000, 5000)?;
    params.finish()?;
    let key = CacheKey::new(Endpoint::Places, &(&query, limit));
    app.answer(key, move |store| {
        let places = store.places(&query, limit)?;
        Ok(Places {
            places: places
                .into_iter()
                .map(|place| Place {
                    lat: place.lat,
                    lon: place.lon,
                    name: place.name,
                    country: place.country,
                    events: place.events,
                    mean_goldstein: place.mean_goldstein,
                })
                .collect(),
        })
    })
    .await
}
