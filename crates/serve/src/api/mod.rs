//! The router: JSON API under `/api/`, `/openapi.json`, and the page.
//!
//! Handlers are registered through utoipa-axum's `routes!`, which reads
//! each handler's `#[utoipa::path]` so the OpenAPI description is generated
//! from the same declarations that route requests.

mod events;
mod ingest;
mod lookup;
mod summary;

use std::sync::{Arc, LazyLock};

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::App;
use crate::error::ApiError;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Dateline",
        description = "Events coded from news (CAMEO/PLOVER) with their evidence: who did what to whom, when, where and according to whom. Every list, summary and export takes the same filters; errors are `{\"error\": message}` with a 4xx status.",
        license(name = "MIT OR Apache-2.0")
    ),
    tags(
        (name = "events", description = "Merged events and their evidence"),
        (name = "summaries", description = "Counts over the filtered events"),
        (name = "lookups", description = "Actors and codes for filter forms"),
        (name = "exports", description = "The filtered events as files"),
        (name = "writes", description = "Ingest articles (only with --write-token)"),
    )
)]
struct ApiDoc;

/// The API's routes and their OpenAPI description.
fn api_parts() -> (Router<App>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(events::list))
        .routes(routes!(events::detail))
        .routes(routes!(summary::timeline))
        .routes(routes!(summary::network))
        .routes(routes!(summary::places))
        .routes(routes!(lookup::actors))
        .routes(routes!(lookup::codes))
        .routes(routes!(lookup::stats))
        .routes(routes!(crate::export::csv))
        .routes(routes!(crate::export::jsonl))
        .routes(routes!(crate::export::geojson))
        .routes(routes!(crate::export::parquet))
        .routes(routes!(ingest::ingest))
        .split_for_parts()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    api_parts().1
}

/// The description, serialised once.
static OPENAPI_JSON: LazyLock<Arc<str>> = LazyLock::new(|| {
    openapi()
        .to_json()
        .expect("the OpenAPI description serialises")
        .into()
});

pub fn router(app: App) -> Router {
    let (api, _) = api_parts();
    api.route("/openapi.json", get(openapi_json))
        .merge(crate::assets::router())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(app)
}

async fn openapi_json() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        OPENAPI_JSON.to_string(),
    )
        .into_response()
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such page or endpoint (see /openapi.json)")
}

async fn method_not_allowed() -> ApiError {
    ApiError {
        status: axum::http::StatusCode::METHOD_NOT_ALLOWED,
        message: "method not allowed here (see /openapi.json)".into(),
    }
}

/// The page runs only its own scripts (no inline script, no other origin),
/// so even text that slipped past escaping could not run; nothing is framed
/// or sniffed.
async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data:; connect-src 'self'; object-src 'none'; \
             base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}
