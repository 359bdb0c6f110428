//! The page and its files, compiled into the binary: plain HTML, CSS and
//! JavaScript with vendored libraries (`assets/vendor/`, see its README),
//! no build step and nothing fetched at run time.

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::App;
use crate::error::ApiError;

/// One embedded file.
struct Asset {
    path: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

macro_rules! asset {
    ($path:literal, $content_type:literal) => {
        Asset {
            path: $path,
            content_type: $content_type,
            bytes: include_bytes!(concat!("../assets/", $path)),
        }
    };
}

const ASSETS: &[Asset] = &[
    asset!("app.js", "text/javascript; charset=utf-8"),
    asset!("app.css", "text/css; charset=utf-8"),
    asset!("favicon.svg", "image/svg+xml"),
    asset!(
        "vendor/leaflet/leaflet.js",
        "text/javascript; charset=utf-8"
    ),
    asset!("vendor/leaflet/leaflet.css", "text/css; charset=utf-8"),
    asset!(
        "vendor/leaflet.markercluster/leaflet.markercluster.js",
        "text/javascript; charset=utf-8"
    ),
    asset!(
        "vendor/leaflet.markercluster/MarkerCluster.css",
        "text/css; charset=utf-8"
    ),
    asset!(
        "vendor/uplot/uPlot.iife.min.js",
        "text/javascript; charset=utf-8"
    ),
    asset!("vendor/uplot/uPlot.min.css", "text/css; charset=utf-8"),
    asset!(
        "vendor/cytoscape/cytoscape.min.js",
        "text/javascript; charset=utf-8"
    ),
    asset!(
        "vendor/topojson-client/topojson-client.min.js",
        "text/javascript; charset=utf-8"
    ),
    asset!("vendor/world-atlas/countries-110m.json", "application/json"),
];

const INDEX_HTML: &str = include_str!("../assets/index.html");

pub fn router() -> Router<App> {
    Router::new()
        .route("/", get(index))
        .route("/assets/{*path}", get(asset))
}

async fn index() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        INDEX_HTML,
    )
        .into_response()
}

async fn asset(Path(path): Path<String>) -> Result<Response, ApiError> {
    let asset = ASSETS
        .iter()
        .find(|asset| asset.path == path)
        .ok_or_else(|| ApiError::not_found(format!("no asset {path:?}")))?;
    // Vendored files never change within a release; the page's own files
    // are checked again on each load.
    let cache = if path.starts_with("vendor/") {
        "public, max-age=86400"
    } else {
        "no-cache"
    };
    let mut response = asset.bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    Ok(response)
}
