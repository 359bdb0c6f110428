//! A table of record batches behind the Arrow PyCapsule interface.
//!
//! `__arrow_c_stream__` hands out an `ArrowArrayStream` over the batches
//! (shared, not copied), so `pyarrow.table(t)`, `polars.DataFrame(t)` and
//! DuckDB import the buffers as they are; `to_pandas()` and `to_polars()`
//! go through them when those packages are installed.

use std::sync::Arc;

use arrow_array::ffi::FFI_ArrowSchema;
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use arrow_schema::SchemaRef;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use crate::DatelineError;
use crate::problems::Problem;

/// A table of events, articles or summaries.
///
/// Implements the Arrow PyCapsule interface: ``pyarrow.table(t)``,
/// ``polars.DataFrame(t)`` and ``duckdb.sql("select * from t")`` read it
/// without copying. ``problems`` lists what could not be read (each naming
/// its input and position); ``articles`` counts the articles read.
#[pyclass(module = "dateline._dateline", frozen)]
#[derive(Debug)]
pub struct Table {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
    problems: Vec<Problem>,
    n_articles: usize,
    n_failed_inputs: usize,
}

impl Table {
    pub fn new(schema: SchemaRef, batches: Vec<RecordBatch>) -> Table {
        Table {
            schema,
            batches,
            problems: Vec::new(),
            n_articles: 0,
            n_failed_inputs: 0,
        }
    }

    /// The table with what reading found.
    pub fn with_reading(
        mut self,
        problems: Vec<Problem>,
        n_articles: usize,
        n_failed_inputs: usize,
    ) -> Table {
        self.problems = problems;
        self.n_articles = n_articles;
        self.n_failed_inputs = n_failed_inputs;
        self
    }

    pub fn problems_found(&self) -> &[Problem] {
        &self.problems
    }
}

#[pymethods]
impl Table {
    /// Exports the table as an ArrowArrayStream PyCapsule (the Arrow
    /// PyCapsule interface). ``requested_schema`` is accepted and ignored:
    /// the table has one schema.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let batches = self.batches.clone().into_iter().map(Ok);
        let reader = RecordBatchIterator::new(batches, Arc::clone(&self.schema));
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// Exports the schema as an ArrowSchema PyCapsule.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = FFI_ArrowSchema::try_from(self.schema.as_ref())
            .map_err(|err| DatelineError::new_err(err.to_string()))?;
        PyCapsule::new_with_value(py, schema, c"arrow_schema")
    }

    fn __len__(&self) -> usize {
        self.num_rows()
    }

    /// Rows in the table.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    /// Column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.schema
            .fields()
            .iter()
            .map(|field| field.name().clone())
            .collect()
    }

    /// Problems with single inputs, records or articles, each
    /// ``"error: INPUT:POSITION: message"`` or ``"warning: ..."``.
    #[getter]
    fn problems(&self) -> Vec<String> {
        self.problems.iter().map(Problem::labelled).collect()
    }

    /// Problems that are errors (a record, article or input not read).
    #[getter]
    fn n_errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|problem| problem.severity == dateline_read::Severity::Error)
            .count()
    }

    /// Articles read (for tables made by ``code``, ``code_files`` or ``read``).
    #[getter]
    fn articles(&self) -> usize {
        self.n_articles
    }

    /// Inputs with at least one error.
    #[getter]
    fn failed_inputs(&self) -> usize {
        self.n_failed_inputs
    }

    /// The table as a ``pyarrow.Table`` (needs pyarrow).
    fn to_pyarrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let pyarrow = import(slf.py(), "pyarrow", "to_pyarrow()")?;
        pyarrow.call_method1("table", (slf,))
    }

    /// The table as a ``pandas.DataFrame`` (needs pandas and pyarrow).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        import(slf.py(), "pandas", "to_pandas()")?;
        Table::to_pyarrow(slf)?.call_method0("to_pandas")
    }

    /// The table as a ``polars.DataFrame`` (needs polars).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let polars = import(slf.py(), "polars", "to_polars()")?;
        polars.call_method1("DataFrame", (slf,))
    }

    fn __repr__(&self) -> String {
        format!(
            "<dateline.Table: {} rows, {} columns, {} problems>",
            self.num_rows(),
            self.schema.fields().len(),
            self.problems.len()
        )
    }
}

/// The schema of event tables (the columns of the Parquet export), as an
/// object with ``__arrow_c_schema__``: ``pyarrow.schema(dateline.event_schema())``.
#[pyfunction]
pub fn event_schema() -> Table {
    Table::new(crate::events::schema(), Vec::new())
}

fn import<'py>(py: Python<'py>, module: &str, what: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|_| {
        PyImportError::new_err(format!(
            "{what} needs the {module} package: pip install {module}"
        ))
    })
}
