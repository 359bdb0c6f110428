"""Articles and sentences per second for one WARC input through the CLI,
the Python package and Spark local[2].

Builds WARC files (one gzip member per record, as CC-NEWS) from a folder of
real HTML pages (the reference pages beside the repository,
``../shared/html-dev/html``, which stay out of the repository), each page
repeated under distinct URLs, then codes them three ways and prints a table.
Counts come from ``dateline read`` on the same files.

    python crates/python/bench/bench.py --pages ../shared/html-dev/html \\
        --copies 4 --files 4 --cli target/release/dateline

Needs the package installed (a release wheel for fair figures) and pyspark.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time
import uuid


def build_warcs(pages: pathlib.Path, copies: int, n_files: int, out: pathlib.Path) -> list:
    htmls = sorted(pages.glob("*.html"))
    records = []
    for copy in range(copies):
        for page in htmls:
            url = f"https://bench.example.org/{copy}/{page.stem}"
            payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page.read_bytes()
            head = (
                "WARC/1.0\r\nWARC-Type: response\r\n"
                f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-06-01T00:00:00Z\r\n"
                f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}>\r\n"
                "Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(payload)}\r\n\r\n"
            ).encode()
            records.append(gzip.compress(head + payload + b"\r\n\r\n", mtime=0))
    paths = []
    for idx in range(n_files):
        path = out / f"bench-{idx}.warc.gz"
        path.write_bytes(b"".join(records[idx::n_files]))
        paths.append(str(path))
    return paths


def counts(cli: str, paths: list) -> tuple:
    out = subprocess.run([cli, "read", *paths, "--format", "jsonl"], capture_output=True, check=False)
    articles = sentences = 0
    for line in out.stdout.splitlines():
        articles += 1
        sentences += len(json.loads(line)["sentences"])
    return articles, sentences


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", required=True, type=pathlib.Path)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--cli", default="target/release/dateline")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()

    import dateline
    import dateline.spark
    from pyspark.sql import SparkSession

    work = pathlib.Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    paths = build_warcs(args.pages, args.copies, args.files, work)
    n_articles, n_sentences = counts(args.cli, paths)
    size = sum(os.path.getsize(path) for path in paths)
    print(f"{len(paths)} WARC files, {size / 1e6:.1f} MB gzip, {n_articles} articles, "
          f"{n_sentences} sentences", file=sys.stderr)

    def cli():
        subprocess.run([args.cli, "code", "-j", "2", *paths, "--format", "jsonl"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    pipeline = dateline.Pipeline(jobs=2)

    def python():
        table = pipeline.code_files(paths, on_error="ignore")
        assert table.articles == n_articles

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate())
    dateline.spark.code_to_parquet(spark, paths[:1], str(work / "warm"))  # start workers

    def on_spark():
        report = dateline.spark.code_to_parquet(spark, paths, str(work / "out"))
        assert report.articles == n_articles

    rows = []
    for name, run in [("CLI (dateline code -j 2)", cli), ("Python (Pipeline(jobs=2).code_files)", python),
                      ("Spark local[2] (code_to_parquet)", on_spark)]:
        seconds = min(timed(run) for _ in range(args.runs))
        rows.append((name, seconds))
    spark.stop()
    print("| runner | seconds | articles/s | sentences/s |")
    print("|---|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.1f} | {n_articles / seconds:.0f} | {n_sentences / seconds:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
