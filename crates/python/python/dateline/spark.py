"""Dateline on Spark: code WARC and JSON Lines files across a cluster.

One Spark task per input file runs Dateline's Rust pipeline on it and yields
Arrow record batches (``mapInArrow``). The events are written as Parquet
partitioned by date (:func:`code_to_parquet`), or every task ingests its file
into one PostgreSQL store (:func:`ingest`; the store takes many writers at
once). Inputs are local paths, ``file://``, ``http(s)://`` URLs (such as
Common Crawl's ``https://data.commoncrawl.org/crawl-data/CC-NEWS/...``) or,
with boto3 installed, ``s3://`` URLs; a task copies a remote file to its
local disk, codes it and deletes the copy.

Nothing is lost silently: every problem (a bad WARC record, an unreadable
file, a failed download) is counted in the returned :class:`JobReport` and
written beside the events (``OUTPUT/problems``), each naming its input and
position. A rerun over the same files gives the same events: every file is
coded the same way, ``mode="overwrite"`` replaces the output, and the store
keeps each article once.

From the command line (``spark-submit``)::

    spark-submit --master yarn --conf spark.task.cpus=1 \\
        "$(python -c 'import dateline.spark as s; print(s.__file__)')" \\
        --paths warc.paths --prefix https://data.commoncrawl.org/ \\
        --output s3a://my-bucket/cc-news-2024-events

``dateline`` (and pyarrow) must be installed on every executor, for example
from a packed virtual environment (``--archives venv.tar.gz#venv`` with
``PYSPARK_PYTHON=./venv/bin/python``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import tempfile
import urllib.parse
import urllib.request
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

# Columns added to the event columns while coding; the output drops them.
_INPUT, _ARTICLES, _PROBLEM = "_input", "_articles", "_problem"

# Pipelines built in this Python worker, by their options: Spark reuses
# workers across tasks, and building one takes about half a second.
_PIPELINES: dict = {}


@dataclasses.dataclass
class JobReport:
    """What a Spark job did: files and articles read, events written (or
    stored), and every problem, each naming its input and position."""

    files: int = 0
    articles: int = 0
    events: int = 0
    errors: int = 0
    warnings: int = 0
    problems: list = dataclasses.field(default_factory=list)
    store: dict = dataclasses.field(default_factory=dict)

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def code_to_parquet(
    spark,
    paths: Sequence[str],
    output: str,
    *,
    pipeline_options: Optional[dict] = None,
    read_options: Optional[dict] = None,
    mode: str = "overwrite",
) -> JobReport:
    """Codes each file in its own task and writes the events as Parquet
    under ``OUTPUT/events``, partitioned by ``date`` (``date=2024-01-01/``;
    undated articles' events under Hive's default partition), with the
    columns of ``dateline events --format parquet``; problems go to
    ``OUTPUT/problems`` (JSON, one per line) and the counts to
    ``OUTPUT/report`` (JSON).

    ``pipeline_options`` are :class:`dateline.Pipeline`'s keyword arguments
    (``jobs`` defaults to ``spark.task.cpus``); ``read_options`` those of
    :meth:`dateline.Pipeline.code_files` (``date``, ``input_format``, ...).
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    options = _options(spark, pipeline_options, read_options)
    files = _files(spark, paths)
    coded = files.mapInArrow(
        _code_files(options), _spark_schema(_coded_schema())
    ).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        events = coded.where(F.col(_ARTICLES).isNull() & F.col(_PROBLEM).isNull()).drop(
            _INPUT, _ARTICLES, _PROBLEM
        )
        events.write.mode(mode).partitionBy("date").parquet(_join(output, "events"))
        report = _report(
            coded.where(F.col(_ARTICLES).isNotNull() | F.col(_PROBLEM).isNotNull())
            .select(_INPUT, _ARTICLES, _PROBLEM)
            .collect()
        )
        report.events = events.count()
    finally:
        coded.unpersist()
    _write_report(spark, report, output, mode)
    return report


def ingest(
    spark,
    paths: Sequence[str],
    db: str,
    *,
    pipeline_options: Optional[dict] = None,
    read_options: Optional[dict] = None,
    batch: int = 256,
) -> JobReport:
    """Codes each file in its own task and ingests it into the store at
    ``db`` (``postgres://...``; a SQLite file only with one executor), all
    tasks at once. Returns the summed ingest counts in ``store`` and every
    problem (input problems and skipped reports)."""
    options = _options(spark, pipeline_options, read_options)
    options["db"] = db
    options["batch"] = batch
    files = _files(spark, paths)
    rows = files.mapInArrow(_ingest_files(options), _spark_schema(_ingest_schema())).collect()
    report = JobReport(files=len(rows))
    for row in rows:
        counts = json.loads(row["counts"])
        problems = counts.pop("problems")
        report.articles += counts["articles"]
        report.events += counts["new_events"]
        for key, value in counts.items():
            report.store[key] = report.store.get(key, 0) + value
        _count_problems(report, problems)
    return report


def cc_news_paths(listing: str, prefix: str = "https://data.commoncrawl.org/") -> list:
    """The WARC URLs of a Common Crawl ``warc.paths`` listing (plain or
    gzip), each with ``prefix``."""
    import gzip

    opener = gzip.open if listing.endswith(".gz") else open
    with opener(listing, "rt", encoding="utf-8") as lines:
        return [prefix + line.strip() for line in lines if line.strip()]


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``spark-submit dateline/spark.py --paths LIST --output DIR`` (or ``--db URL``)."""
    parser = argparse.ArgumentParser(prog="dateline.spark", description=main.__doc__)
    parser.add_argument("inputs", nargs="*", help="input files or URLs")
    parser.add_argument("--paths", help="a file listing inputs, one per line (warc.paths)")
    parser.add_argument("--prefix", default="", help="prepended to each listed path")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--output", help="write Parquet events under this folder")
    target.add_argument("--db", help="ingest into this store (postgres://...)")
    parser.add_argument("--petrarch-config", help="code with a PETRARCH configuration")
    parser.add_argument("--kb", action="append", default=[], help="extra knowledge-base file")
    parser.add_argument("--verbs", action="append", default=[], help="extra verb patterns")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    paths = list(args.inputs)
    if args.paths:
        paths += cc_news_paths(args.paths, args.prefix)
    pipeline_options = {"kb": args.kb, "verbs": args.verbs}
    if args.petrarch_config:
        pipeline_options["petrarch_config"] = args.petrarch_config
    spark = SparkSession.builder.appName("dateline").getOrCreate()
    if args.output:
        report = code_to_parquet(spark, paths, args.output, pipeline_options=pipeline_options)
    else:
        report = ingest(spark, paths, args.db, pipeline_options=pipeline_options)
    print(json.dumps(report.as_dict(), indent=2))
    return 1 if report.errors else 0


# -- on the executors ------------------------------------------------------


def _code_files(options: dict) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """The ``mapInArrow`` function: each path in, its events and a summary
    (articles read, problems) out."""

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        schema = _coded_schema()
        pipeline = _pipeline(options["pipeline"])
        for batch in batches:
            for path in batch.column("path").to_pylist():
                with _local_copy(path) as (local, problem):
                    if problem is not None:
                        yield _summary(schema, path, 0, [problem])
                        continue
                    table = pipeline.code_files(local, on_error="ignore", **options["read"])
                    for events in pa.table(table).to_batches():
                        yield _with_input(schema, events, path)
                    yield _summary(
                        schema, path, table.articles, _renamed(table.problems, local, path)
                    )

    return run


def _ingest_files(options: dict) -> Callable[[Iterator[Any]], Iterator[Any]]:
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        import dateline

        pipeline = _pipeline(options["pipeline"])
        store = dateline.Store(options["db"], mode="create")
        for batch in batches:
            for path in batch.column("path").to_pylist():
                with _local_copy(path) as (local, problem):
                    if problem is not None:
                        counts = _empty_counts([problem])
                    else:
                        counts = store.ingest(
                            pipeline,
                            local,
                            batch=options["batch"],
                            on_error="ignore",
                            **options["read"],
                        )
                        counts["problems"] = _renamed(counts["problems"], local, path)
                yield pa.RecordBatch.from_pylist(
                    [{"path": path, "counts": json.dumps(counts)}], schema=_ingest_schema()
                )

    return run


def _pipeline(pipeline_options: dict):
    import dateline

    key = json.dumps(pipeline_options, sort_keys=True)
    if key not in _PIPELINES:
        _PIPELINES[key] = dateline.Pipeline(**pipeline_options)
    return _PIPELINES[key]


class _local_copy:
    """A local path for an input: the path itself, or a temporary copy of a
    remote file (deleted afterwards). Yields ``(path, None)``, or
    ``(None, problem)`` when the copy failed."""

    def __init__(self, path: str):
        self.path = path
        self.folder: Optional[str] = None

    def __enter__(self):
        parsed = urllib.parse.urlparse(self.path)
        if parsed.scheme in ("", "file"):
            return (parsed.path if parsed.scheme == "file" else self.path), None
        self.folder = tempfile.mkdtemp(prefix="dateline-")
        local = os.path.join(self.folder, os.path.basename(parsed.path) or "input")
        try:
            if parsed.scheme in ("http", "https"):
                with urllib.request.urlopen(self.path, timeout=600) as response, open(
                    local, "wb"
                ) as out:
                    shutil.copyfileobj(response, out, 1 << 20)
            elif parsed.scheme in ("s3", "s3a"):
                import boto3

                boto3.client("s3").download_file(parsed.netloc, parsed.path.lstrip("/"), local)
            else:
                return None, f"error: {self.path}: unsupported URL scheme {parsed.scheme!r}"
        except Exception as err:  # noqa: BLE001 - any failure is this input's problem
            return None, f"error: {self.path}: cannot fetch it: {err}"
        return local, None

    def __exit__(self, *exc_info):
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        return False


def _renamed(problems: Iterable[str], local: str, path: str) -> list:
    """Problems naming the remote input rather than its temporary copy."""
    return [problem.replace(local, path) if local != path else problem for problem in problems]


def _with_input(schema, events, path: str):
    import pyarrow as pa

    n_rows = events.num_rows
    columns = list(events.columns) + [
        pa.array([path] * n_rows, pa.string()),
        pa.nulls(n_rows, pa.int64()),
        pa.nulls(n_rows, pa.string()),
    ]
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def _summary(schema, path: str, articles: int, problems: list):
    import pyarrow as pa

    rows = [{_INPUT: path, _PROBLEM: problem} for problem in problems]
    rows.append({_INPUT: path, _ARTICLES: articles})
    return pa.RecordBatch.from_pylist(rows, schema=schema)


def _empty_counts(problems: list) -> dict:
    counts = {
        key: 0
        for key in (
            "articles",
            "new_articles",
            "revisions",
            "duplicates",
            "reports",
            "references",
            "new_events",
            "failed_inputs",
        )
    }
    counts["failed_inputs"] = 1
    counts["problems"] = problems
    return counts


# -- on the driver ---------------------------------------------------------


def _options(spark, pipeline_options: Optional[dict], read_options: Optional[dict]) -> dict:
    pipeline_options = dict(pipeline_options or {})
    task_cpus = int(spark.conf.get("spark.task.cpus", "1"))
    pipeline_options.setdefault("jobs", task_cpus)
    return {"pipeline": pipeline_options, "read": dict(read_options or {})}


def _files(spark, paths: Sequence[str]):
    """One partition per input, so each file is one task."""
    paths = [str(path) for path in paths]
    if not paths:
        raise ValueError("no inputs given")
    rdd = spark.sparkContext.parallelize([(path,) for path in paths], len(paths))
    return spark.createDataFrame(rdd, "path string")


def _coded_schema():
    """The event columns, all nullable (summary rows leave them empty), and
    the input, article count and problem columns."""
    import pyarrow as pa

    import dateline

    events = pa.schema(dateline.event_schema())
    fields = [field.with_nullable(True) for field in events]
    fields += [
        pa.field(_INPUT, pa.string()),
        pa.field(_ARTICLES, pa.int64()),
        pa.field(_PROBLEM, pa.string()),
    ]
    return pa.schema(fields)


def _ingest_schema():
    import pyarrow as pa

    return pa.schema([pa.field("path", pa.string()), pa.field("counts", pa.string())])


def _spark_schema(arrow_schema):
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(arrow_schema)


def _report(rows) -> JobReport:
    report = JobReport()
    for row in rows:
        if row[_ARTICLES] is not None:
            report.files += 1
            report.articles += row[_ARTICLES]
        if row[_PROBLEM] is not None:
            _count_problems(report, [row[_PROBLEM]])
    report.problems.sort()
    return report


def _count_problems(report: JobReport, problems: Iterable[str]) -> None:
    for problem in problems:
        if problem.startswith("error:"):
            report.errors += 1
        else:
            report.warnings += 1
        report.problems.append(problem)


def _write_report(spark, report: JobReport, output: str, mode: str) -> None:
    problems = [(problem,) for problem in report.problems]
    spark.createDataFrame(problems, "problem string").coalesce(1).write.mode(mode).json(
        _join(output, "problems")
    )
    summary = {key: value for key, value in report.as_dict().items() if key != "problems"}
    spark.createDataFrame([(json.dumps(summary, sort_keys=True),)], "report string").coalesce(
        1
    ).write.mode(mode).text(_join(output, "report"))


def _join(folder: str, name: str) -> str:
    return folder.rstrip("/") + "/" + name


if __name__ == "__main__":
    raise SystemExit(main())
