//! Dateline for Python: the Rust pipeline behind `import dateline`.
//!
//! The native module `dateline._dateline` holds three classes; the Python
//! package `dateline` re-exports them with `dateline.spark` beside them.
//!
//! - [`pipeline::Pipeline`]: built once with the CLI's knowledge options;
//!   `code` and `code_files` read and code articles on all cores with the
//!   GIL released and return an event table, `read` an article table.
//! - [`table::Table`]: record batches behind the Arrow C stream interface
//!   (`__arrow_c_stream__`), so pyarrow, polars and DuckDB read them
//!   without a copy; events have the columns of the Parquet export.
//! - [`store::Store`]: a SQLite or PostgreSQL store: `events`, `timeline`,
//!   `network` as tables, and `ingest`.
//!
//! Bad input never raises in the middle of a run: each problem names its
//! input and position and is kept on the table (`problems`), and warned
//! about or raised at the end as the caller asks (`on_error`). Errors that
//! stop a call (a missing dictionary, a bad store URL) are `DatelineError`s.

mod articles;
mod convert;
mod events;
mod pipeline;
mod problems;
mod run;
mod store;
mod table;

use pyo3::prelude::*;

// The allocator the CLI uses: a fifth faster on the pipeline's many small
// allocations. It serves Rust's allocations only, not Python's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

pyo3::create_exception!(
    _dateline,
    DatelineError,
    pyo3::exceptions::PyException,
    "An error that stops a Dateline call: a missing or bad dictionary, a bad store URL, a bad filter, or input problems under on_error=\"raise\"."
);
pyo3::create_exception!(
    _dateline,
    DatelineWarning,
    pyo3::exceptions::PyUserWarning,
    "A problem with one input, record or article (named with its position); the rest was read."
);

#[pymodule]
fn _dateline(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("DatelineError", py.get_type::<DatelineError>())?;
    module.add("DatelineWarning", py.get_type::<DatelineWarning>())?;
    module.add_class::<pipeline::Pipeline>()?;
    module.add_class::<table::Table>()?;
    module.add_class::<store::Store>()?;
    module.add_function(wrap_pyfunction!(table::event_schema, module)?)?;
    Ok(())
}
