//! What filter forms need: actor suggestions, the CAMEO codebook, and the
//! store's size.

use axum::Json;
use axum::extract::State;
use dateline_store::ActorSuggestion;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use crate::App;
use crate::error::{ApiError, ErrorBody};
use crate::params::Params;

/// Actors for a few typed letters.
#[derive(Debug, Serialize, ToSchema)]
pub struct Actors {
    /// Codes starting with the text first, then names containing it.
    pub actors: Vec<Actor>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Actor {
    pub kind: ActorKind,
    /// What to pass as `actor`, `source` or `target`.
    pub value: String,
    /// What to show.
    pub label: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Code,
    Name,
}

/// Autocomplete (documentation for the OpenAPI description).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ActorsDoc {
    /// The letters typed so far.
    q: Option<String>,
    /// At most this many actors, 1 to 50 (default 12).
    #[param(minimum = 1, maximum = 50)]
    limit: Option<u32>,
}

#[utoipa::path(
    get,
    path = "/api/actors",
    tag = "lookups",
    params(ActorsDoc),
    responses(
        (status = 200, description = "Stored actor codes and names matching the text", body = Actors),
        (status = 400, description = "A bad or unknown parameter", body = ErrorBody),
    )
)]
pub async fn actors(State(app): State<App>, mut params: Params) -> Result<Json<Actors>, ApiError> {
    let typed = params.take("q").unwrap_or_default();
    let limit = params.limit(12, 50)?;
    params.finish()?;
    let time = app.config().query_time;
    let suggestions = app
        .readers()
        .run(time, move |store| {
            Ok(store.actor_suggestions(&typed, limit)?)
        })
        .await?;
    Ok(Json(Actors {
        actors: suggestions
            .into_iter()
            .map(|suggestion| match suggestion {
                ActorSuggestion::Code(code) => Actor {
                    kind: ActorKind::Code,
                    label: code.clone(),
                    value: code,
                },
                ActorSuggestion::Name { key, name } => Actor {
                    kind: ActorKind::Name,
                    value: key,
                    label: name,
                },
            })
            .collect(),
    }))
}

/// The CAMEO codebook.
#[derive(Debug, Serialize, ToSchema)]
pub struct Codes {
    /// Every code, sorted.
    pub codes: Vec<Code>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Code {
    /// `0256`.
    pub code: String,
    /// `19`.
    pub root: String,
    pub name: String,
    pub goldstein: f32,
    pub quad_class: u8,
    /// PLOVER event type, null for CAMEO 01 and 02.
    pub plover_type: Option<String>,
    pub plover_mode: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/codes",
    tag = "lookups",
    responses(
        (status = 200, description = "Every CAMEO code with its name, Goldstein score, QuadClass and PLOVER type", body = Codes),
        (status = 400, description = "An unknown parameter", body = ErrorBody),
    )
)]
pub async fn codes(params: Params) -> Result<Json<Codes>, ApiError> {
    params.finish()?;
    let codes = dateline_model::cameo::all_codes()
        .into_iter()
        .map(|info| Code {
            code: info.code.to_string(),
            root: info.code.root().to_string(),
            name: info.name.clone(),
            goldstein: info.goldstein,
            quad_class: info.quad_class.number(),
            plover_type: info
                .plover
                .as_ref()
                .map(|category| category.event_type.name().to_string()),
            plover_mode: info
                .plover
                .as_ref()
                .and_then(|category| category.mode.clone()),
        })
        .collect();
    Ok(Json(Codes { codes }))
}

/// What the store holds, and what this server allows.
#[derive(Debug, Serialize, ToSchema)]
pub struct Stats {
    pub articles: u64,
    pub events: u64,
    pub reports: u64,
    /// True when `POST /api/ingest` is open (with a token).
    pub writable: bool,
}

#[utoipa::path(
    get,
    path = "/api/stats",
    tag = "lookups",
    responses(
        (status = 200, description = "Row counts of the store", body = Stats),
        (status = 400, description = "An unknown parameter", body = ErrorBody),
    )
)]
pub async fn stats(State(app): State<App>, params: Params) -> Result<Json<Stats>, ApiError> {
    params.finish()?;
    let writable = app.writable();
    let time = app.config().query_time;
    let stats = app
        .readers()
        .run(time, move |store| Ok(store.stats()?))
        .await?;
    Ok(Json(Stats {
        articles: stats.articles,
        events: stats.events,
        reports: stats.reports,
        writable,
    }))
}
