"""dateline.spark in local mode (local[2]) on WARC files written here."""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading

import pyarrow as pa
import pyarrow.dataset as ds
import pytest

import dateline
import dateline.spark


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The executors' Python is this one, with dateline installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("dateline-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    yield session
    session.stop()


def written_events(output) -> pa.Table:
    """The Parquet events a job wrote, date back from the partition path,
    sorted by event id."""
    dataset = ds.dataset(str(output / "events"), format="parquet", partitioning="hive")
    table = dataset.to_table()
    return table.sort_by("event_id")


def test_code_to_parquet_equals_coding_in_python_and_reruns_the_same(
    spark, pipeline, warc_files, tmp_path
):
    output = tmp_path / "out"
    report = dateline.spark.code_to_parquet(spark, warc_files, str(output))
    expected = pipeline.code_files(warc_files, on_error="ignore")

    assert report.files == 3
    assert report.articles == expected.articles == 8
    assert report.events == len(expected)
    # The broken record: counted and reported, naming its file.
    assert report.errors == 1
    assert "news-1.warc.gz: byte" in report.problems[0]
    written = written_events(output)
    coded = pa.table(expected).sort_by("event_id")
    assert written.num_rows == coded.num_rows
    assert written.column("event_id").to_pylist() == coded.column("event_id").to_pylist()
    assert written.column("code").to_pylist() == coded.column("code").to_pylist()
    assert [str(d) for d in written.column("date").to_pylist()] == [
        str(d) for d in coded.column("date").to_pylist()
    ]
    dates = sorted(p.name for p in (output / "events").iterdir() if p.name.startswith("date="))
    assert dates == sorted({f"date={d}" for d in coded.column("date").to_pylist()})
    problems = spark.read.json(str(output / "problems")).collect()
    assert [row.problem for row in problems] == report.problems

    # A rerun (into the same folder) gives the same output.
    again = dateline.spark.code_to_parquet(spark, warc_files, str(output))
    assert again == report
    assert written_events(output).to_pylist() == written.to_pylist()


def test_a_missing_file_is_a_counted_problem(spark, warc_files, tmp_path):
    missing = str(tmp_path / "gone.warc.gz")
    report = dateline.spark.code_to_parquet(spark, [warc_files[0], missing], str(tmp_path / "o"))
    assert report.files == 2
    assert report.errors == 1
    assert "gone.warc.gz" in report.problems[0]
    assert report.articles == 3


def test_files_over_http_are_fetched_by_the_task(spark, warc_dir, warc_files, tmp_path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(warc_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        urls = [base + os.path.basename(path) for path in warc_files] + [base + "absent.warc.gz"]
        report = dateline.spark.code_to_parquet(spark, urls, str(tmp_path / "web"))
    finally:
        server.shutdown()
    assert report.articles == 8
    assert report.errors == 2
    # Problems name the URL, not the task's temporary copy.
    assert any(base + "news-1.warc.gz: byte" in problem for problem in report.problems)
    assert any(base + "absent.warc.gz: cannot fetch it" in problem for problem in report.problems)


def test_ingest_into_postgres_from_two_tasks_equals_one_serial_ingest(
    spark, pipeline, warc_files, postgres
):
    db = postgres.database()
    report = dateline.spark.ingest(spark, warc_files + warc_files[:1], db)
    assert report.files == 4
    assert report.store["new_articles"] == 8
    assert report.store["duplicates"] == 3
    assert report.errors == 1
    serial = postgres.database()
    dateline.Store(serial).ingest(pipeline, warc_files, on_error="ignore")
    assert dateline.Store(db).stats() == dateline.Store(serial).stats()

    def events(url):
        return pa.table(dateline.Store(url).events()).sort_by("event_id").to_pylist()

    assert events(db) == events(serial)
    # Rerunning stores nothing new.
    again = dateline.spark.ingest(spark, warc_files, db)
    assert (again.store["new_articles"], again.store["duplicates"]) == (0, 8)
