//! `dateline serve`: Dateline's HTTP API and web explorer over the event
//! store, from one binary with no network at run time.
//!
//! # Brief overview
//! - [`ServeConfig`] says which store, how many connections, the caps
//!   (page size, query time, export rows) and whether writes are allowed
//!   ([`WriteAccess`]).
//! - [`App::open`] opens the store and builds the pipeline when writes are
//!   allowed; [`App::router`] gives the axum router: the JSON API under
//!   `/api/`, its OpenAPI 3.1 description at `/openapi.json` (generated from
//!   the handlers by utoipa), and the page with its embedded assets at `/`.
//! - [`serve`] binds an address and runs until Ctrl-C.
//!
//! Every endpoint takes the CLI's filters (`actor`, `source`, `target`,
//! `code`, `quad`, `country`, `from`, `to`, `near`, `text`, plus `bbox` and
//! `min_mentions`), bound as parameters by the store, never written into
//! SQL. Bad parameters, unknown parameters and queries over the time cap
//! are JSON errors `{"error": message}` with a 4xx status.
//!
//! ```no_run
//! use dateline_serve::{App, ServeConfig};
//!
//! let app = App::open(ServeConfig::new("dateline.db")).unwrap();
//! let router: axum::Router = app.router();
//! ```

#![deny(missing_debug_implementations)]

mod api;
mod assets;
mod cache;
mod error;
mod evidence;
mod export;
mod params;
mod pool;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use dateline_pipeline::Pipeline;
use dateline_store::{OpenMode, Store};

pub use error::ApiError;
pub use evidence::{Mark, Piece, pieces};

use cache::{CacheKey, ResponseCache};
use pool::StorePool;

/// Largest page of events a client may ask for.
pub const MAX_PAGE: usize = 500;

/// Whether `POST /api/ingest` is open.
#[derive(Clone, Default)]
pub enum WriteAccess {
    /// Read-only: every write is refused with 403.
    #[default]
    ReadOnly,
    /// Writes need `Authorization: Bearer TOKEN` with this token.
    Token(WriteToken),
}

impl std::fmt::Debug for WriteAccess {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteAccess::ReadOnly => f.write_str("ReadOnly"),
            WriteAccess::Token(token) => write!(f, "Token({token:?})"),
        }
    }
}

impl std::fmt::Debug for WriteToken {
    /// Never the token itself.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

/// A bearer token for writes, compared in constant time.
#[derive(Clone)]
pub struct WriteToken(Arc<Vec<u8>>);

/// Shortest token accepted: guessing one must be hopeless.
pub const MIN_TOKEN_BYTES: usize = 16;

impl WriteToken {
    /// The token is the file's text without surrounding white space.
    pub fn from_file(path: &Path) -> anyhow::Result<WriteToken> {
        let text = std::fs::read_to_string(path)
            .map_err(|err| anyhow::anyhow!("cannot read write token {}: {err}", path.display()))?;
        WriteToken::new(text.trim()).map_err(|err| anyhow::anyhow!("{}: {err}", path.display()))
    }

    pub fn new(token: &str) -> anyhow::Result<WriteToken> {
        if token.len() < MIN_TOKEN_BYTES || token.chars().any(char::is_whitespace) {
            anyhow::bail!(
                "a write token must be at least {MIN_TOKEN_BYTES} characters without spaces"
            );
        }
        Ok(WriteToken(Arc::new(token.as_bytes().to_vec())))
    }

    /// Constant-time comparison: the time taken says nothing about how much
    /// of a guess was right.
    pub fn matches(&self, offered: &[u8]) -> bool {
        use subtle::ConstantTimeEq;
        self.0.as_slice().ct_eq(offered).into()
    }
}

/// How to serve.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    /// The store: a SQLite path, `sqlite:PATH` or `postgres://...`.
    pub location: String,
    /// Database connections for readers (requests beyond wait their turn).
    pub connections: usize,
    /// Longest a request's queries may run.
    pub query_time: Duration,
    /// Most events one export may hold.
    pub max_export: usize,
    pub write: WriteAccess,
    /// Most bytes of answers kept for repeated requests to `/api/events`,
    /// `/api/timeline`, `/api/network` and `/api/places` (0: none kept);
    /// an answer is given again only while the store is unchanged.
    pub cache_bytes: usize,
}

/// Answers kept by default: 64 MiB.
pub const DEFAULT_CACHE_BYTES: usize = 64 << 20;

impl ServeConfig {
    /// Read-only, 8 connections, 5 s per request, exports of up to 100,000
    /// events, 64 MiB of answers kept.
    pub fn new(location: &str) -> ServeConfig {
        ServeConfig {
            location: location.to_string(),
            connections: 8,
            query_time: Duration::from_secs(5),
            max_export: 100_000,
            write: WriteAccess::ReadOnly,
            cache_bytes: DEFAULT_CACHE_BYTES,
        }
    }
}

/// The server's shared state.
#[derive(Clone)]
pub struct App {
    inner: Arc<AppInner>,
}

struct AppInner {
    config: ServeConfig,
    readers: StorePool,
    /// Answers kept for repeated requests, unless `cache_bytes` is 0.
    cache: Option<Arc<Mutex<ResponseCache>>>,
    /// The writer and the pipeline, when writes are allowed.
    writer: Option<Writer>,
}

pub(crate) struct Writer {
    pub(crate) token: WriteToken,
    pub(crate) store: std::sync::Mutex<Store>,
    pub(crate) pipeline: Pipeline,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("config", &self.inner.config)
            .finish()
    }
}

impl App {
    /// Opens the store (it must exist unless writes are allowed) and, for
    /// writes, builds the coding pipeline once.
    pub fn open(config: ServeConfig) -> anyhow::Result<App> {
        let writer = match &config.write {
            WriteAccess::ReadOnly => None,
            WriteAccess::Token(token) => {
                let store = Store::open(&config.location, OpenMode::Create)?;
                let (pipeline, problems) =
                    Pipeline::build(&dateline_pipeline::PipelineConfig::default())?;
                for problem in problems {
                    tracing::warn!("{problem}");
                }
                Some(Writer {
                    token: token.clone(),
                    store: std::sync::Mutex::new(store),
                    pipeline,
                })
            }
        };
        let readers = StorePool::open(&config.location, config.connections)?;
        let cache = (config.cache_bytes > 0)
            .then(|| Arc::new(Mutex::new(ResponseCache::new(config.cache_bytes))));
        Ok(App {
            inner: Arc::new(AppInner {
                config,
                readers,
                cache,
                writer,
            }),
        })
    }

    pub fn config(&self) -> &ServeConfig {
        &self.inner.config
    }

    /// The API, `/openapi.json` and the page.
    pub fn router(&self) -> axum::Router {
        api::router(self.clone())
    }

    /// The OpenAPI 3.1 description of the API.
    pub fn openapi() -> utoipa::openapi::OpenApi {
        api::openapi()
    }

    pub(crate) fn readers(&self) -> &StorePool {
        &self.inner.readers
    }

    /// The JSON answer to a read-only request: kept from an earlier
    /// identical request while the store's generation is the one this
    /// request's snapshot sees, else computed by `work` (and kept).
    pub(crate) async fn answer<T: serde::Serialize>(
        &self,
        key: CacheKey,
        work: impl FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<axum::response::Response, ApiError> {
        use axum::response::IntoResponse;
        let cache = self.inner.cache.clone();
        let body = self
            .readers()
            .run(self.config().query_time, move |store| {
                let Some(cache) = cache else {
                    return to_json(&work(store)?);
                };
                let generation = store.generation()?;
                if let Some(body) = cache.lock().expect("cache lock").get(&key, generation) {
                    return Ok(body);
                }
                let body = to_json(&work(store)?)?;
                cache
                    .lock()
                    .expect("cache lock")
                    .insert(key, generation, body.clone());
                Ok(body)
            })
            .await?;
        Ok((
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response())
    }

    pub(crate) fn writer(&self) -> Option<&Writer> {
        self.inner.writer.as_ref()
    }

    /// True when `POST /api/ingest` accepts requests bearing the token.
    pub fn writable(&self) -> bool {
        self.inner.writer.is_some()
    }
}

fn to_json(value: &impl serde::Serialize) -> Result<bytes::Bytes, ApiError> {
    serde_json::to_vec(value)
        .map(bytes::Bytes::from)
        .map_err(|err| {
            tracing::error!("an answer did not serialise: {err}");
            ApiError::internal("internal error")
        })
}

/// Serves `app` on `addr` until Ctrl-C; `ready` gets the bound address
/// (port 0 picks a free one).
pub async fn serve(
    app: App,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|err| anyhow::anyhow!("cannot listen on {addr}: {err}"))?;
    ready(listener.local_addr()?);
    axum::serve(listener, app.router())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
