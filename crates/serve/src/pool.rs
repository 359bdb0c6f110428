//! Reader connections: at most N stores in use at once, each query run on
//! a blocking thread under the request's time cap.
//!
//! A store connection is not shared between threads (`Store` takes `&mut
//! self`), so each request borrows one, runs its queries on tokio's
//! blocking pool in one read snapshot (`Store::begin_snapshot`) and gives
//! it back. Connections refuse writes.

use std::sync::Mutex;
use std::time::Duration;

use dateline_store::{OpenMode, Store, StoreError};
use tokio::sync::Semaphore;

use crate::error::ApiError;

pub struct StorePool {
    location: String,
    idle: Mutex<Vec<Store>>,
    permits: Semaphore,
}

impl StorePool {
    /// Opens one connection now (so a missing store is reported at start);
    /// the others open when first needed.
    pub fn open(location: &str, connections: usize) -> Result<StorePool, StoreError> {
        let first = open_reader(location)?;
        Ok(StorePool {
            location: location.to_string(),
            idle: Mutex::new(vec![first]),
            permits: Semaphore::new(connections.max(1)),
        })
    }

    /// Runs `work` on a connection whose queries stop after `limit`.
    pub async fn run<T: Send + 'static>(
        &self,
        limit: Duration,
        work: impl FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| ApiError::unavailable("the server is shutting down"))?;
        let idle = self.idle.lock().expect("pool lock").pop();
        let location = self.location.clone();
        let (reusable, result) = tokio::task::spawn_blocking(move || {
            // Opened here, off the async threads: the PostgreSQL client
            // blocks on a runtime of its own.
            let mut store = match idle {
                Some(store) => store,
                None => match open_reader(&location) {
                    Ok(store) => store,
                    Err(err) => return (None, Err(ApiError::from(err))),
                },
            };
            let result = in_snapshot(&mut store, limit, work);
            // A connection still inside its snapshot would answer later
            // requests from the past: one whose snapshot did not end is closed.
            match store.end_snapshot() {
                Ok(()) => (Some(store), result),
                Err(err) => {
                    tracing::warn!("closing a reader connection: {err}");
                    (None, result)
                }
            }
        })
        .await
        .map_err(|err| {
            tracing::error!("a request's work failed: {err}");
            ApiError::internal("internal error")
        })?;
        if let Some(store) = reusable {
            self.idle.lock().expect("pool lock").push(store);
        }
        result
    }
}

/// Runs `work` under the time cap in one snapshot of the store, so a
/// request's queries (and the generation it reads) see one state.
fn in_snapshot<T>(
    store: &mut Store,
    limit: Duration,
    work: impl FnOnce(&mut Store) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    store.limit_query_time(Some(limit))?;
    store.begin_snapshot()?;
    work(store)
}

fn open_reader(location: &str) -> Result<Store, StoreError> {
    let mut store = Store::open(location, OpenMode::Existing)?;
    store.forbid_writes()?;
    Ok(store)
}

impl Drop for StorePool {
    /// Closes the idle connections on a thread of their own: a PostgreSQL
    /// client blocks on a runtime of its own when dropped, which panics on
    /// one of the server's async threads (where a shut-down server drops
    /// its pool).
    fn drop(&mut self) {
        let idle = std::mem::take(self.idle.get_mut().unwrap_or_else(|err| err.into_inner()));
        if tokio::runtime::Handle::try_current().is_ok() {
            let _ = std::thread::spawn(move || drop(idle)).join();
        }
    }
}

impl std::fmt::Debug for StorePool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StorePool")
            .field("available", &self.permits.available_permits())
            .finish()
    }
}
