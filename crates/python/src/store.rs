//! `dateline.Store`: a SQLite file or a PostgreSQL database of merged
//! events, queried into tables and written by `ingest`.

use std::sync::{Arc, Mutex, MutexGuard};

use arrow_array::{ArrayRef, Float64Array, RecordBatch, StringArray, UInt64Array};
use arrow_schema::{DataType, Field, Schema};
use dateline_export::EventRecord;
use dateline_model::Doc;
use dateline_pipeline::Stage;
use dateline_resolve::EventNouns;
use dateline_store::{ArticleInput, EventQuery, IngestReport, Near, OpenMode, Period, StoreError};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::DatelineError;
use crate::convert::{self, type_name};
use crate::pipeline::Pipeline;
use crate::problems::{OnError, Problem};
use crate::run::{Source, each_batch};
use crate::table::Table;

/// An event store: a SQLite file (``"events.db"``, ``"sqlite:PATH"``) or a
/// PostgreSQL database (``"postgres://user@host/db"``), as ``dateline
/// --db`` takes.
///
/// ``mode="existing"`` (the default) needs the store to exist;
/// ``mode="create"`` makes a new SQLite file. Queries take the filters of
/// ``dateline events``: ``actor``, ``source``, ``target`` (a code in
/// capitals matches it and every more specific code, other text part of a
/// name), ``code``, ``quad``, ``country``, ``from_`` and ``to`` (dates),
/// ``near`` (``(lat, lon, km)``), ``text`` (words and "phrases"), ``limit``.
/// Many processes may ingest into one store at once.
#[pyclass(module = "dateline._dateline", frozen)]
#[derive(Debug)]
pub struct Store {
    store: Mutex<dateline_store::Store>,
    location: String,
}

#[pymethods]
impl Store {
    #[new]
    #[pyo3(signature = (location, *, mode="existing"))]
    fn new(py: Python<'_>, location: String, mode: &str) -> PyResult<Store> {
        let mode = match mode {
            "existing" => OpenMode::Existing,
            "create" => OpenMode::Create,
            other => {
                return Err(PyValueError::new_err(format!(
                    "mode must be \"existing\" or \"create\", got {other:?}"
                )));
            }
        };
        let store = py
            .detach(|| dateline_store::Store::open(&location, mode))
            .map_err(store_error)?;
        Ok(Store {
            store: Mutex::new(store),
            location,
        })
    }

    /// Matching events, newest first, with merge counts and every mention:
    /// the event table (the columns of the Parquet export).
    #[pyo3(signature = (**filters))]
    fn events(&self, py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Table> {
        let query = query(filters, &["limit"])?;
        let built: Result<Table, String> = py.detach(|| {
            let events: Vec<EventRecord> =
                self.lock()?.events(&query).map_err(|e| e.to_string())?;
            let batches = crate::events::batches(&events)?;
            Ok(Table::new(crate::events::schema(), batches))
        });
        built.map_err(DatelineError::new_err)
    }

    /// Events per ``by`` (``"day"``, ``"week"`` or ``"month"``) with
    /// mentions and mean Goldstein score: columns ``period``, ``events``,
    /// ``mentions``, ``mean_goldstein``.
    #[pyo3(signature = (by="month", **filters))]
    fn timeline(
        &self,
        py: Python<'_>,
        by: &str,
        filters: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Table> {
        let period = match by {
            "day" => Period::Day,
            "week" => Period::Week,
            "month" => Period::Month,
            other => {
                return Err(PyValueError::new_err(format!(
                    "by must be \"day\", \"week\" or \"month\", got {other:?}"
                )));
            }
        };
        let query = query(filters, &[])?;
        let rows = py
            .detach(|| {
                self.lock()?
                    .timeline(&query, period)
                    .map_err(|e| e.to_string())
            })
            .map_err(DatelineError::new_err)?;
        summary_table(vec![
            text_column("period", rows.iter().map(|row| row.period.as_str())),
            count_column("events", rows.iter().map(|row| row.events)),
            count_column("mentions", rows.iter().map(|row| row.mentions)),
            mean_column("mean_goldstein", rows.iter().map(|row| row.mean_goldstein)),
        ])
    }

    /// Who acts on whom: the ``limit`` busiest source-target pairs with
    /// columns ``source``, ``target``, ``events``, ``mentions``,
    /// ``mean_goldstein``.
    #[pyo3(signature = (limit=100, **filters))]
    fn network(
        &self,
        py: Python<'_>,
        limit: usize,
        filters: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Table> {
        let query = query(filters, &[])?;
        let rows = py
            .detach(|| {
                self.lock()?
                    .network(&query, limit)
                    .map_err(|e| e.to_string())
            })
            .map_err(DatelineError::new_err)?;
        summary_table(vec![
            text_column("source", rows.iter().map(|row| row.source.as_str())),
            text_column("target", rows.iter().map(|row| row.target.as_str())),
            count_column("events", rows.iter().map(|row| row.events)),
            count_column("mentions", rows.iter().map(|row| row.mentions)),
            mean_column("mean_goldstein", rows.iter().map(|row| row.mean_goldstein)),
        ])
    }

    /// Reads, codes and stores files (as ``dateline ingest``): each article
    /// once, reports merged into events, ``batch`` articles per
    /// transaction. Returns counts: ``articles``, ``new_articles``,
    /// ``revisions``, ``duplicates``, ``reports``, ``references``,
    /// ``new_events``, ``failed_inputs``, and ``problems`` (input problems
    /// and skipped reports, each naming where). Safe to run again, and from
    /// several processes at once.
    #[pyo3(signature = (
        pipeline, paths, *, batch=256, date=None, input_format=None, on_error="warn"
    ))]
    #[allow(clippy::too_many_arguments)]
    fn ingest<'py>(
        &self,
        py: Python<'py>,
        pipeline: &Pipeline,
        paths: &Bound<'py, PyAny>,
        batch: usize,
        date: Option<&Bound<'py, PyAny>>,
        input_format: Option<&str>,
        on_error: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let on_error = OnError::parse(on_error)?;
        let config = dateline_read::ReadConfig {
            default_date: convert::opt_date(date, "date")?,
            format: input_format
                .map(crate::pipeline::parse_format)
                .transpose()?,
            ..dateline_read::ReadConfig::default()
        };
        let paths = convert::paths(paths)?;
        let (inputs, missing) = dateline_read::discover(&paths);
        let sources: Vec<Source> = inputs.into_iter().map(Source::Input).collect();
        let writer = Writer {
            store: &self.store,
            batch_size: batch.max(1),
            state: Mutex::new(WriterState::default()),
        };
        let stages = pipeline.stages();
        let nouns = EventNouns::builtin();
        let code = |mut doc: Doc| {
            stages.process(&mut doc, Stage::Code);
            ArticleInput::from_doc(&doc, nouns)
        };
        let outcome = py.detach(|| {
            let outcome = each_batch(pipeline.pool(), &sources, &config, &code, &|articles| {
                writer.add(articles);
            });
            writer.finish();
            outcome
        });
        let state = writer.state.into_inner().unwrap_or_else(|e| e.into_inner());
        if let Some(err) = state.error {
            return Err(DatelineError::new_err(err));
        }
        let mut problems: Vec<Problem> = missing.iter().map(Problem::of).collect();
        problems.extend(outcome.problems);
        let report = state.report;
        problems.extend(report.problems.iter().map(|p| Problem {
            severity: dateline_read::Severity::Warning,
            text: p.clone(),
        }));
        on_error.apply(py, &problems)?;
        let counts = PyDict::new(py);
        counts.set_item("articles", report.articles)?;
        counts.set_item("new_articles", report.new_articles)?;
        counts.set_item("revisions", report.revisions)?;
        counts.set_item("duplicates", report.duplicates)?;
        counts.set_item("reports", report.reports)?;
        counts.set_item("references", report.references)?;
        counts.set_item("new_events", report.new_events)?;
        counts.set_item("failed_inputs", outcome.n_failed_inputs + missing.len())?;
        counts.set_item(
            "problems",
            problems.iter().map(Problem::labelled).collect::<Vec<_>>(),
        )?;
        Ok(counts)
    }

    /// Row counts: ``articles``, ``revisions``, ``sentences``, ``mentions``,
    /// ``reports``, ``events``.
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let stats = py
            .detach(|| self.lock()?.stats().map_err(|e| e.to_string()))
            .map_err(DatelineError::new_err)?;
        let counts = PyDict::new(py);
        counts.set_item("articles", stats.articles)?;
        counts.set_item("revisions", stats.revisions)?;
        counts.set_item("sentences", stats.sentences)?;
        counts.set_item("mentions", stats.mentions)?;
        counts.set_item("reports", stats.reports)?;
        counts.set_item("events", stats.events)?;
        Ok(counts)
    }

    fn __repr__(&self) -> String {
        format!("<dateline.Store {}>", describe(&self.location))
    }
}

impl Store {
    fn lock(&self) -> Result<MutexGuard<'_, dateline_store::Store>, String> {
        self.store
            .lock()
            .map_err(|_| "the store's connection was poisoned by an earlier panic".to_string())
    }
}

/// Writes ingested articles in batches of `batch_size`, from any thread,
/// one batch at a time.
struct Writer<'a> {
    store: &'a Mutex<dateline_store::Store>,
    batch_size: usize,
    state: Mutex<WriterState>,
}

#[derive(Default)]
struct WriterState {
    pending: Vec<ArticleInput>,
    report: IngestReport,
    /// The first store error; later batches are not written.
    error: Option<String>,
}

impl Writer<'_> {
    fn add(&self, articles: Vec<ArticleInput>) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.pending.extend(articles);
        if state.pending.len() >= self.batch_size {
            self.write(&mut state);
        }
    }

    fn finish(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        self.write(&mut state);
    }

    fn write(&self, state: &mut WriterState) {
        let pending = std::mem::take(&mut state.pending);
        if pending.is_empty() || state.error.is_some() {
            return;
        }
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        for chunk in pending.chunks(self.batch_size) {
            match store.ingest(chunk) {
                Ok(report) => state.report.add(report),
                Err(err) => {
                    state.error = Some(err.to_string());
                    return;
                }
            }
        }
    }
}

/// An `EventQuery` from keyword arguments; `allowed` names the keywords
/// beyond the filters that this call takes.
fn query(filters: Option<&Bound<'_, PyDict>>, allowed: &[&str]) -> PyResult<EventQuery> {
    let mut query = EventQuery::default();
    let Some(filters) = filters else {
        return Ok(query);
    };
    for (key, value) in filters.iter() {
        let key: String = key.extract()?;
        if value.is_none() {
            continue;
        }
        let text = || -> PyResult<String> {
            value.extract::<String>().map_err(|_| {
                PyTypeError::new_err(format!("{key}: expected a str, got {}", type_name(&value)))
            })
        };
        match key.as_str() {
            "actor" => query.actor = Some(text()?),
            "source" => query.source = Some(text()?),
            "target" => query.target = Some(text()?),
            "code" => query.code = Some(text()?),
            "country" => query.country = Some(text()?),
            "text" => query.text = Some(text()?),
            "quad" => query.quad = Some(value.extract()?),
            "from_" => query.from = Some(convert::date(&value, "from_")?),
            "to" => query.to = Some(convert::date(&value, "to")?),
            "near" => query.near = Some(near(&value)?),
            "limit" if allowed.contains(&"limit") => query.limit = Some(value.extract()?),
            other => {
                return Err(PyTypeError::new_err(format!(
                    "unknown filter {other:?}: expected actor, source, target, code, quad, country, from_, to, near, text{}",
                    if allowed.contains(&"limit") {
                        ", limit"
                    } else {
                        ""
                    }
                )));
            }
        }
    }
    Ok(query)
}

/// `(lat, lon, km)` or `"LAT,LON,KM"`.
fn near(value: &Bound<'_, PyAny>) -> PyResult<Near> {
    if let Ok(text) = value.extract::<String>() {
        return Near::parse(&text).map_err(PyValueError::new_err);
    }
    let (lat, lon, km): (f64, f64, f64) = value
        .extract()
        .map_err(|_| PyTypeError::new_err("near: expected (lat, lon, km) or \"LAT,LON,KM\""))?;
    Ok(Near { lat, lon, km })
}

fn text_column<'a>(name: &str, values: impl Iterator<Item = &'a str>) -> (Field, ArrayRef) {
    (
        Field::new(name, DataType::Utf8, false),
        Arc::new(StringArray::from_iter_values(values)),
    )
}

fn count_column(name: &str, values: impl Iterator<Item = u64>) -> (Field, ArrayRef) {
    (
        Field::new(name, DataType::UInt64, false),
        Arc::new(values.collect::<UInt64Array>()),
    )
}

fn mean_column(name: &str, values: impl Iterator<Item = Option<f64>>) -> (Field, ArrayRef) {
    (
        Field::new(name, DataType::Float64, true),
        Arc::new(values.collect::<Float64Array>()),
    )
}

fn summary_table(columns: Vec<(Field, ArrayRef)>) -> PyResult<Table> {
    let (fields, arrays): (Vec<Field>, Vec<ArrayRef>) = columns.into_iter().unzip();
    let schema = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(Arc::clone(&schema), arrays)
        .map_err(|err| DatelineError::new_err(err.to_string()))?;
    Ok(Table::new(schema, vec![batch]))
}

fn store_error(err: StoreError) -> PyErr {
    DatelineError::new_err(err.to_string())
}

/// Where the store is, without a PostgreSQL URL (it may hold a password).
fn describe(location: &str) -> String {
    match dateline_store::Location::parse(location) {
        Ok(dateline_store::Location::Sqlite(path)) => format!("sqlite:{}", path.display()),
        Ok(dateline_store::Location::Postgres(_)) => "postgres".to_string(),
        Err(_) => "?".to_string(),
    }
}
