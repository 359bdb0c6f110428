"""Dateline: turn news into event data, from Python.

Who did what to whom, when, where and according to whom, as CAMEO/PLOVER
event records with the exact words as evidence, coded by Dateline's Rust
pipeline on every core::

    import dateline

    pipeline = dateline.Pipeline()
    events = pipeline.code_files(["news/2025-06-01.warc.gz"]).to_pandas()
    events.groupby(["source_code", "target_code"]).size()

- :class:`Pipeline` codes texts, records and files into an event table
  (``code``, ``code_files``) or reads articles (``read``).
- :class:`Table` holds the result as Arrow record batches and implements the
  Arrow PyCapsule interface: ``pyarrow.table(t)``, ``polars.DataFrame(t)``
  and DuckDB read it without copying; ``to_pandas()`` and ``to_polars()``.
  Event tables have the columns of ``dateline events --format parquet``.
- :class:`Store` queries (``events``, ``timeline``, ``network``) and fills
  (``ingest``) a SQLite or PostgreSQL event store.
- :mod:`dateline.spark` codes WARC and JSON Lines files on a Spark cluster.

Problems with single inputs never stop a call: each names its input and
position, is kept on the table (``problems``), and is a
:class:`DatelineWarning` (``on_error="warn"``, the default), raised as a
:class:`DatelineError` at the end (``on_error="raise"``) or only kept
(``on_error="ignore"``).
"""

from dateline._dateline import (
    DatelineError,
    DatelineWarning,
    Pipeline,
    Store,
    Table,
    __version__,
    event_schema,
)

__all__ = [
    "DatelineError",
    "DatelineWarning",
    "Pipeline",
    "Store",
    "Table",
    "__version__",
    "event_schema",
]
