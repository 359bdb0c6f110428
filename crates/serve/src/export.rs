//! Exports of any filtered set: CSV and JSON Lines (the export crate's
//! writers), GeoJSON, and Parquet (with the `parquet` feature).
//!
//! The store is read a chunk at a time on a blocking thread and the file
//! streams to the client through a channel, so memory stays bounded. An
//! error before the first byte (a bad filter, the time cap) is a JSON error
//! with its status; later the stream ends early and the error is logged.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use dateline_export::{EventRecord, EventWriter, ExportError, Format};
use dateline_store::{EventQuery, StoreError};
use serde_json::json;
use tokio::sync::{mpsc, oneshot};
use utoipa::IntoParams;

use crate::App;
use crate::error::{ApiError, ErrorBody};
use crate::params::{FilterDoc, Params};

/// An export's queries may run this many times a page's time cap.
const EXPORT_TIME_FACTOR: u32 = 6;

/// Bytes gathered before a chunk is sent.
const CHUNK_BYTES: usize = 64 * 1024;

/// The file formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ExportKind {
    Csv,
    Jsonl,
    GeoJson,
    Parquet,
}

impl ExportKind {
    fn content_type(self) -> &'static str {
        match self {
            ExportKind::Csv => "text/csv; charset=utf-8",
            ExportKind::Jsonl => "application/x-ndjson",
            ExportKind::GeoJson => "application/geo+json",
            ExportKind::Parquet => "application/vnd.apache.parquet",
        }
    }

    fn file_name(self) -> &'static str {
        match self {
            ExportKind::Csv => "dateline-events.csv",
            ExportKind::Jsonl => "dateline-events.jsonl",
            ExportKind::GeoJson => "dateline-events.geojson",
            ExportKind::Parquet => "dateline-events.parquet",
        }
    }
}

/// How many events (documentation for the OpenAPI description).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ExportDoc {
    /// At most this many events, newest first (default and maximum: the server's `--max-export`, 100,000 unless set).
    #[param(minimum = 1)]
    limit: Option<u32>,
}

#[utoipa::path(
    get,
    path = "/api/events.csv",
    tag = "exports",
    params(FilterDoc, ExportDoc),
    responses(
        (status = 200, description = "Matching events as CSV with a header row (the columns of `dateline events --format csv`)", content_type = "text/csv"),
        (status = 400, description = "A bad or unknown parameter", body = ErrorBody),
        (status = 422, description = "The query ran past the time cap", body = ErrorBody),
    )
)]
pub async fn csv(State(app): State<App>, params: Params) -> Result<Response, ApiError> {
    export(app, params, ExportKind::Csv).await
}

#[utoipa::path(
    get,
    path = "/api/events.jsonl",
    tag = "exports",
    params(FilterDoc, ExportDoc),
    responses(
        (status = 200, description = "Matching events in the public event schema, one JSON object per line", content_type = "application/x-ndjson"),
        (status = 400, description = "A bad or unknown parameter", body = ErrorBody),
        (status = 422, description = "The query ran past the time cap", body = ErrorBody),
    )
)]
pub async fn jsonl(State(app): State<App>, params: Params) -> Result<Response, ApiError> {
    export(app, params, ExportKind::Jsonl).await
}

#[utoipa::path(
    get,
    path = "/api/events.geojson",
    tag = "exports",
    params(FilterDoc, ExportDoc),
    responses(
        (status = 200, description = "Matching events as a GeoJSON FeatureCollection: a Point where the event happened (null when unknown), the event record as properties", content_type = "application/geo+json"),
        (status = 400, description = "A bad or unknown parameter", body = ErrorBody),
        (status = 422, description = "The query ran past the time cap", body = ErrorBody),
    )
)]
pub async fn geojson(State(app): State<App>, params: Params) -> Result<Response, ApiError> {
    export(app, params, ExportKind::GeoJson).await
}

#[utoipa::path(
    get,
    path = "/api/events.parquet",
    tag = "exports",
    params(FilterDoc, ExportDoc),
    responses(
        (status = 200, description = "Matching events as Apache Parquet (the schema of `dateline events --format parquet`)", content_type = "application/vnd.apache.parquet"),
        (status = 400, description = "A bad or unknown parameter", body = ErrorBody),
        (status = 404, description = "This server was built without Parquet support", body = ErrorBody),
        (status = 422, description = "The query ran past the time cap", body = ErrorBody),
    )
)]
pub async fn parquet(State(app): State<App>, params: Params) -> Result<Response, ApiError> {
    if !cfg!(feature = "parquet") {
        return Err(ApiError::not_found(
            "this server was built without Parquet support (build with --features parquet)",
        ));
    }
    export(app, params, ExportKind::Parquet).await
}

async fn export(app: App, mut params: Params, kind: ExportKind) -> Result<Response, ApiError> {
    let max = app.config().max_export;
    let query = EventQuery {
        limit: Some(params.limit(max, max)?),
        ..params.filters()?
    };
    params.finish()?;
    let (chunks, receiver) = mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    let (started, first) = oneshot::channel();
    let time = app.config().query_time * EXPORT_TIME_FACTOR;
    let readers = app.clone();
    let writing = async move {
        readers
            .readers()
            .run(time, move |store| {
                let mut out = ChannelWriter {
                    buffer: Vec::with_capacity(CHUNK_BYTES),
                    chunks,
                    started: Some(started),
                    begun: Arc::new(AtomicBool::new(false)),
                };
                let written = write_events(store, &query, kind, &mut out);
                match written {
                    Ok(()) => {
                        out.begun.store(true, Ordering::Relaxed);
                        let _ = out.flush();
                    }
                    Err(err) => match out.started.take() {
                        Some(started) => {
                            let _ = started.send(Err(ApiError::from(err)));
                        }
                        None => tracing::warn!("an export ended early: {err}"),
                    },
                }
                Ok(())
            })
            .await
    };
    tokio::spawn(writing);
    match first.await {
        Ok(Ok(())) => {}
        Ok(Err(err)) => return Err(err),
        Err(_) => return Err(ApiError::internal("the export stopped before it began")),
    }
    let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
        receiver.recv().await.map(|chunk| (chunk, receiver))
    });
    Ok((
        [
            (header::CONTENT_TYPE, kind.content_type().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", kind.file_name()),
            ),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}

/// Writes every matching event in the format.
fn write_events(
    store: &mut dateline_store::Store,
    query: &EventQuery,
    kind: ExportKind,
    out: &mut ChannelWriter,
) -> Result<(), StoreError> {
    let begun = out.begun.clone();
    let mut sink = Sink::new(kind, out).map_err(export_error)?;
    store.for_each_event(query, |detail| {
        // The events are chosen: from here on errors can only cut the file short.
        begun.store(true, Ordering::Relaxed);
        sink.write(&detail.record).map_err(export_error)
    })?;
    sink.finish().map_err(export_error)
}

fn export_error(err: ExportError) -> StoreError {
    StoreError::Query(format!("export: {err}"))
}

/// One format's writer.
enum Sink<'a> {
    Stream(Box<EventWriter<&'a mut ChannelWriter>>),
    GeoJson(GeoJsonWriter<&'a mut ChannelWriter>),
    #[cfg(feature = "parquet")]
    Parquet(dateline_export::parquet::ParquetWriter<&'a mut ChannelWriter>),
}

impl<'a> Sink<'a> {
    fn new(kind: ExportKind, out: &'a mut ChannelWriter) -> Result<Sink<'a>, ExportError> {
        Ok(match kind {
            ExportKind::Csv => Sink::Stream(Box::new(EventWriter::new(Format::Csv, out)?)),
            ExportKind::Jsonl => Sink::Stream(Box::new(EventWriter::new(Format::Jsonl, out)?)),
            ExportKind::GeoJson => Sink::GeoJson(GeoJsonWriter::new(out)?),
            #[cfg(feature = "parquet")]
            ExportKind::Parquet => {
                Sink::Parquet(dateline_export::parquet::ParquetWriter::new(out)?)
            }
            #[cfg(not(feature = "parquet"))]
            ExportKind::Parquet => unreachable!("the handler refuses Parquet without the feature"),
        })
    }

    fn write(&mut self, record: &EventRecord) -> Result<(), ExportError> {
        match self {
            Sink::Stream(writer) => writer.write(record),
            Sink::GeoJson(writer) => writer.write(record),
            #[cfg(feature = "parquet")]
            Sink::Parquet(writer) => writer.write(record),
        }
    }

    fn finish(self) -> Result<(), ExportError> {
        match self {
            Sink::Stream(writer) => (*writer).finish(),
            Sink::GeoJson(writer) => writer.finish(),
            #[cfg(feature = "parquet")]
            Sink::Parquet(writer) => writer.finish(),
        }
    }
}

/// A GeoJSON FeatureCollection written one feature at a time.
pub struct GeoJsonWriter<W: Write> {
    out: W,
    n_features: usize,
}

impl<W: Write> GeoJsonWriter<W> {
    pub fn new(mut out: W) -> Result<GeoJsonWriter<W>, ExportError> {
        out.write_all(br#"{"type":"FeatureCollection","features":["#)?;
        Ok(GeoJsonWriter { out, n_features: 0 })
    }

    pub fn write(&mut self, record: &EventRecord) -> Result<(), ExportError> {
        let geometry = record
            .location
            .as_ref()
            .map(|location| json!({"type": "Point", "coordinates": [location.lon, location.lat]}));
        let feature = json!({
            "type": "Feature",
            "id": record.event_id,
            "geometry": geometry,
            "properties": record,
        });
        if self.n_features > 0 {
            self.out.write_all(b",")?;
        }
        self.out.write_all(b"\n")?;
        serde_json::to_writer(&mut self.out, &feature).map_err(std::io::Error::from)?;
        self.n_features += 1;
        Ok(())
    }

    pub fn finish(mut self) -> Result<(), ExportError> {
        self.out.write_all(b"\n]}\n")?;
        self.out.flush()?;
        Ok(())
    }
}

/// Bytes to the response body, a chunk at a time. Nothing is sent until
/// the events are chosen (`begun`), so a failing query is still an error
/// answer; the first chunk tells the handler the export has begun. A
/// client gone away is a broken pipe.
struct ChannelWriter {
    buffer: Vec<u8>,
    chunks: mpsc::Sender<Result<Bytes, std::io::Error>>,
    started: Option<oneshot::Sender<Result<(), ApiError>>>,
    begun: Arc<AtomicBool>,
}

impl Write for ChannelWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK_BYTES {
            self.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.begun.load(Ordering::Relaxed) {
            return Ok(());
        }
        if let Some(started) = self.started.take() {
            let _ = started.send(Ok(()));
        }
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(CHUNK_BYTES),
        ));
        self.chunks
            .blocking_send(Ok(chunk))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "client gone"))
    }
}
