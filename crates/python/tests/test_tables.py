"""Tables through the Arrow PyCapsule interface: pyarrow, pandas, polars,
DuckDB, without copies."""

from __future__ import annotations

import pandas as pd
import polars as pl
import pyarrow as pa

import dateline


def test_pyarrow_imports_the_buffers_without_copying(pipeline, warc_files):
    table = pipeline.code_files(warc_files, on_error="ignore")
    first = pa.table(table)
    second = pa.table(table)
    assert first.num_rows == len(table) > 0
    # Two imports point at the same memory: the table's own buffers.
    for name in ["event_id", "goldstein", "trigger_start"]:
        a = first.column(name).chunks[0].buffers()
        b = second.column(name).chunks[0].buffers()
        assert [buf.address for buf in a if buf] == [buf.address for buf in b if buf]


def test_pandas_round_trip(pipeline, warc_files):
    table = pipeline.code_files(warc_files, on_error="ignore")
    arrow = pa.table(table)
    frame = table.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == arrow.schema.names
    back = pa.Table.from_pandas(frame, schema=arrow.schema, preserve_index=False)
    assert back.to_pylist() == arrow.to_pylist()
    # Nested mentions arrive as lists of dicts, nulls as None / NaN.
    assert frame.mentions.isna().all()
    assert frame.target_code.notna().all()


def test_polars_round_trip(pipeline, warc_files):
    table = pipeline.code_files(warc_files, on_error="ignore")
    arrow = pa.table(table)
    frame = table.to_polars()
    assert isinstance(frame, pl.DataFrame)
    assert frame.columns == arrow.schema.names
    assert frame.height == arrow.num_rows
    assert frame["date"].dtype == pl.Date
    assert frame.to_arrow().to_pylist() == arrow.to_pylist()
    assert pl.DataFrame(table).equals(frame)


def test_duckdb_queries_the_table(pipeline, warc_files):
    import duckdb

    events = pipeline.code_files(warc_files, on_error="ignore")
    by_root = duckdb.sql(
        "select root_code, count(*) as n from events group by root_code order by root_code"
    ).fetchall()
    assert sum(n for _, n in by_root) == len(events)
    expected = pa.table(events).group_by("root_code").aggregate([("root_code", "count")])
    assert dict(by_root) == dict(zip(*expected.to_pydict().values()))


def test_an_empty_table_keeps_its_schema(pipeline):
    table = pipeline.code(["Nothing happened today."])
    assert len(table) == 0
    assert pa.table(table).schema == pa.schema(dateline.event_schema())
    assert table.to_pandas().empty
    assert table.to_polars().columns == pa.schema(dateline.event_schema()).names
