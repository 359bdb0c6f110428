//! `dateline.Pipeline`: the stages built once, then used on texts, records
//! and files, with the GIL released while they run.

use std::path::PathBuf;
use std::sync::Arc;

use dateline_export::{ArticleRecord, EventRecord};
use dateline_model::Doc;
use dateline_pipeline::knowledge::{CodingOptions, KnowledgeOptions};
use dateline_pipeline::{Engine, PipelineError, ProblemPolicy, Stage};
use dateline_read::{Format, ReadConfig, Utf8Policy, discover};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::convert::{self, type_name};
use crate::problems::{OnError, Problem};
use crate::run::{Outcome, Source, each_article};
use crate::table::Table;
use crate::{DatelineError, DatelineWarning};

/// Dateline's pipeline: read, segment, tag, recognise, code.
///
/// Built once (loading the knowledge base takes about half a second) and
/// shared by every call; calls release the GIL and use ``jobs`` threads
/// (default: one per core).
///
/// Knowledge options are the CLI's: ``kb``, ``verbs``, ``actors``,
/// ``agents``, ``discards``, ``issues`` (paths or lists of paths),
/// ``petrarch_config`` (a PETR_config.ini), ``no_builtin``, and PETRARCH's
/// coding options ``require_dyad``, ``new_actor_length``, ``comma_min``,
/// ``comma_max``, ``comma_bmin``, ``comma_bmax``, ``comma_emin``,
/// ``comma_emax``. Problems in user dictionaries are warnings, or with
/// ``strict=True`` a ``DatelineError``.
#[pyclass(module = "dateline._dateline", frozen)]
#[derive(Debug)]
pub struct Pipeline {
    pipeline: Arc<dateline_pipeline::Pipeline>,
    pool: rayon::ThreadPool,
}

/// How to read inputs, from a call's keyword arguments.
struct ReadOptions {
    config: ReadConfig,
    on_error: OnError,
}

impl ReadOptions {
    fn parse(
        date: Option<&Bound<'_, PyAny>>,
        input_format: Option<&str>,
        utf8: &str,
        max_article_bytes: Option<usize>,
        on_error: &str,
    ) -> PyResult<ReadOptions> {
        let format = input_format.map(parse_format).transpose()?;
        let utf8 = match utf8 {
            "lossy" => Utf8Policy::Lossy,
            "strict" => Utf8Policy::Strict,
            other => {
                return Err(PyValueError::new_err(format!(
                    "utf8 must be \"lossy\" or \"strict\", got {other:?}"
                )));
            }
        };
        Ok(ReadOptions {
            config: ReadConfig {
                default_date: convert::opt_date(date, "date")?,
                utf8,
                max_article_bytes: max_article_bytes
                    .unwrap_or(dateline_read::DEFAULT_MAX_ARTICLE_BYTES),
                format,
            },
            on_error: OnError::parse(on_error)?,
        })
    }
}

pub fn parse_format(name: &str) -> PyResult<Format> {
    Ok(match name {
        "dateline" => Format::DatelineText,
        "text" => Format::PlainText,
        "jsonl" => Format::Jsonl,
        "html" => Format::Html,
        "feed" => Format::Feed,
        "warc" => Format::Warc,
        other => {
            return Err(PyValueError::new_err(format!(
                "input_format must be one of dateline, text, jsonl, html, feed, warc; got {other:?}"
            )));
        }
    })
}

pub fn parse_engine(name: &str) -> PyResult<Engine> {
    Ok(match name {
        "patterns" => Engine::Patterns,
        "parse" => Engine::Parse,
        "both" => Engine::Both,
        other => {
            return Err(PyValueError::new_err(format!(
                "engine must be one of patterns, parse, both; got {other:?}"
            )));
        }
    })
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (
        *, kb=None, verbs=None, actors=None, agents=None, discards=None, issues=None,
        petrarch_config=None, no_builtin=false, strict=false, require_dyad=None,
        new_actor_length=None, comma_min=None, comma_max=None, comma_bmin=None,
        comma_bmax=None, comma_emin=None, comma_emax=None, engine=None, jobs=None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        kb: Option<&Bound<'_, PyAny>>,
        verbs: Option<&Bound<'_, PyAny>>,
        actors: Option<&Bound<'_, PyAny>>,
        agents: Option<&Bound<'_, PyAny>>,
        discards: Option<&Bound<'_, PyAny>>,
        issues: Option<&Bound<'_, PyAny>>,
        petrarch_config: Option<PathBuf>,
        no_builtin: bool,
        strict: bool,
        require_dyad: Option<bool>,
        new_actor_length: Option<usize>,
        comma_min: Option<usize>,
        comma_max: Option<usize>,
        comma_bmin: Option<usize>,
        comma_bmax: Option<usize>,
        comma_emin: Option<usize>,
        comma_emax: Option<usize>,
        engine: Option<&str>,
        jobs: Option<usize>,
    ) -> PyResult<Pipeline> {
        let files = |value: Option<&Bound<'_, PyAny>>| -> PyResult<Vec<PathBuf>> {
            value.map_or(Ok(Vec::new()), convert::paths)
        };
        let knowledge = KnowledgeOptions {
            kb_files: files(kb)?,
            verb_files: files(verbs)?,
            no_builtin,
            actor_files: files(actors)?,
            agent_files: files(agents)?,
            discard_files: files(discards)?,
            issue_files: files(issues)?,
            petrarch_config,
            coding: CodingOptions {
                require_dyad,
                new_actor_length,
                comma_min,
                comma_max,
                comma_bmin,
                comma_bmax,
                comma_emin,
                comma_emax,
            },
            engine: engine.map(parse_engine).transpose()?,
        };
        let policy = if strict {
            ProblemPolicy::Fail
        } else {
            ProblemPolicy::Report
        };
        let built = py.detach(|| {
            let config = knowledge.pipeline_config(policy)?;
            dateline_pipeline::Pipeline::build(&config)
        });
        let (pipeline, problems) = built.map_err(pipeline_error)?;
        let category = py.get_type::<DatelineWarning>();
        for problem in problems {
            PyErr::warn(py, &category, &std::ffi::CString::new(problem)?, 1)?;
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.unwrap_or(0))
            .thread_name(|idx| format!("dateline-{idx}"))
            .build()
            .map_err(|err| DatelineError::new_err(format!("cannot start threads: {err}")))?;
        Ok(Pipeline {
            pipeline: Arc::new(pipeline),
            pool,
        })
    }

    /// Codes texts and records; returns the event table.
    ///
    /// Each input is a ``str`` (an article: dateline text, plain text or
    /// HTML, told by its content) or a ``dict`` record with ``text`` or
    /// ``html`` and optionally ``id``, ``url``, ``date``, ``title``,
    /// ``source``, ``author``, ``language`` (other keys are kept as
    /// metadata), as in Dateline's JSON Lines input. ``date`` is the date of
    /// articles that give none. Problems are named ``text[i]`` or
    /// ``record[i]``; ``on_error`` is ``"warn"``, ``"raise"`` or ``"ignore"``.
    #[pyo3(signature = (inputs, *, date=None, on_error="warn"))]
    fn code(
        &self,
        py: Python<'_>,
        inputs: &Bound<'_, PyAny>,
        date: Option<&Bound<'_, PyAny>>,
        on_error: &str,
    ) -> PyResult<Table> {
        let options = ReadOptions::parse(date, None, "lossy", None, on_error)?;
        let sources = memory_sources(inputs)?;
        self.code_sources(py, &sources, Vec::new(), &options)
    }

    /// Reads and codes files and directories (read recursively, in name
    /// order; gzip, WARC, JSON Lines, HTML, feeds, text); returns the event
    /// table. Files are read in parallel.
    ///
    /// ``input_format`` forces one format (``dateline``, ``text``,
    /// ``jsonl``, ``html``, ``feed``, ``warc``); ``utf8`` is ``"lossy"``
    /// (bad bytes replaced, with a warning) or ``"strict"``;
    /// ``max_article_bytes`` refuses larger articles (16 MiB by default).
    #[pyo3(signature = (
        paths, *, date=None, input_format=None, utf8="lossy", max_article_bytes=None,
        on_error="warn"
    ))]
    #[allow(clippy::too_many_arguments)]
    fn code_files(
        &self,
        py: Python<'_>,
        paths: &Bound<'_, PyAny>,
        date: Option<&Bound<'_, PyAny>>,
        input_format: Option<&str>,
        utf8: &str,
        max_article_bytes: Option<usize>,
        on_error: &str,
    ) -> PyResult<Table> {
        let options = ReadOptions::parse(date, input_format, utf8, max_article_bytes, on_error)?;
        let (sources, missing) = file_sources(paths)?;
        self.code_sources(py, &sources, missing, &options)
    }

    /// Reads and segments articles from files and directories (no coding);
    /// returns the article table: the fields of ``dateline read --format
    /// jsonl`` with ``headings`` and ``sentences`` as lists of
    /// ``{text, start, end}`` and ``meta`` as JSON text. Options as for
    /// ``code_files``.
    #[pyo3(signature = (
        paths, *, date=None, input_format=None, utf8="lossy", max_article_bytes=None,
        on_error="warn"
    ))]
    #[allow(clippy::too_many_arguments)]
    fn read(
        &self,
        py: Python<'_>,
        paths: &Bound<'_, PyAny>,
        date: Option<&Bound<'_, PyAny>>,
        input_format: Option<&str>,
        utf8: &str,
        max_article_bytes: Option<usize>,
        on_error: &str,
    ) -> PyResult<Table> {
        let options = ReadOptions::parse(date, input_format, utf8, max_article_bytes, on_error)?;
        let (sources, missing) = file_sources(paths)?;
        let segment = |mut doc: Doc| {
            dateline_segment::segment(&mut doc);
            doc
        };
        let built: Result<(Table, Vec<Problem>), String> = py.detach(|| {
            let outcome = each_article(&self.pool, &sources, &options.config, &segment);
            let records: Vec<ArticleRecord<'_>> = outcome
                .results
                .iter()
                .map(ArticleRecord::from_doc)
                .collect();
            let batch = crate::articles::batch(&records)?;
            let table = Table::new(batch.schema(), vec![batch]);
            Ok(finish(table, outcome, missing))
        });
        let (table, problems) = built.map_err(DatelineError::new_err)?;
        options.on_error.apply(py, &problems)?;
        Ok(table)
    }

    /// The number of worker threads.
    #[getter]
    fn jobs(&self) -> usize {
        self.pool.current_num_threads()
    }

    fn __repr__(&self) -> String {
        format!("<dateline.Pipeline: {} threads>", self.jobs())
    }
}

impl Pipeline {
    /// The shared pipeline, for `Store.ingest`.
    pub fn stages(&self) -> &dateline_pipeline::Pipeline {
        &self.pipeline
    }

    pub fn pool(&self) -> &rayon::ThreadPool {
        &self.pool
    }

    fn code_sources(
        &self,
        py: Python<'_>,
        sources: &[Source],
        missing: Vec<Problem>,
        options: &ReadOptions,
    ) -> PyResult<Table> {
        let pipeline = &self.pipeline;
        let code = |mut doc: Doc| {
            pipeline.process(&mut doc, Stage::Code);
            EventRecord::from_doc(&doc)
        };
        let built: Result<(Table, Vec<Problem>), String> = py.detach(|| {
            let mut outcome: Outcome<Vec<EventRecord>> =
                each_article(&self.pool, sources, &options.config, &code);
            let events: Vec<EventRecord> = std::mem::take(&mut outcome.results)
                .into_iter()
                .flatten()
                .collect();
            let batches = self.pool.install(|| crate::events::batches(&events))?;
            let table = Table::new(crate::events::schema(), batches);
            Ok(finish(table, outcome, missing))
        });
        let (table, problems) = built.map_err(DatelineError::new_err)?;
        options.on_error.apply(py, &problems)?;
        Ok(table)
    }
}

/// The table with reading's problems, those of paths that could not be
/// found first; returns the problems too, for `on_error`.
fn finish<T>(table: Table, outcome: Outcome<T>, missing: Vec<Problem>) -> (Table, Vec<Problem>) {
    let n_failed = outcome.n_failed_inputs + missing.len();
    let mut all = missing;
    all.extend(outcome.problems);
    (
        table.with_reading(all.clone(), outcome.n_articles, n_failed),
        all,
    )
}

/// Texts and records given from Python, as named sources.
fn memory_sources(inputs: &Bound<'_, PyAny>) -> PyResult<Vec<Source>> {
    if inputs.is_instance_of::<PyString>() || inputs.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(
            "inputs: expected a list (or other iterable) of texts and records, got a single one; wrap it in a list",
        ));
    }
    let mut sources = Vec::new();
    for (idx, item) in inputs.try_iter()?.enumerate() {
        let item = item?;
        let source = if let Ok(text) = item.cast::<PyString>() {
            Source::Memory {
                name: format!("text[{idx}]"),
                bytes: text.to_cow()?.as_bytes().to_vec(),
                format: None,
            }
        } else if item.is_instance_of::<PyDict>() {
            let name = format!("record[{idx}]");
            let record = convert::json_record(&item, &name)?;
            Source::Memory {
                name,
                bytes: record.to_string().into_bytes(),
                format: Some(Format::Jsonl),
            }
        } else {
            return Err(PyTypeError::new_err(format!(
                "inputs[{idx}]: expected a str (an article) or a dict (a record), got {}",
                type_name(&item)
            )));
        };
        sources.push(source);
    }
    Ok(sources)
}

/// Files found under the paths, and problems for paths that could not be read.
fn file_sources(paths: &Bound<'_, PyAny>) -> PyResult<(Vec<Source>, Vec<Problem>)> {
    let paths = convert::paths(paths)?;
    let (inputs, problems) = discover(&paths);
    Ok((
        inputs.into_iter().map(Source::Input).collect(),
        problems.iter().map(Problem::of).collect(),
    ))
}

fn pipeline_error(err: PipelineError) -> PyErr {
    DatelineError::new_err(err.to_string())
}
