"""Articles and sentences per second for one WARC input through the CLI,
the Python package and Spark local[2].

Builds WARC files (one gzip member per record, as CC-NEWS) from a folder of
real HTML pages (the reference pages beside the repository,
``../shared/html-dev/html``, which stay out of the repository), each page
repeated under distinct URLs, then times, on the same files:

- ``dateline read -j N`` (reading only: WARC, HTML extraction, segmentation),
- ``dateline code -j N`` (reading and coding, events as JSON Lines to a file),
- ``dateline.Pipeline(jobs=N).code_files`` (the same in the Python package,
  events as an Arrow table in memory),
- ``dateline.spark.code_to_parquet`` on Spark ``local[N]`` (one task per
  file, one core per task, events written as Parquet partitioned by date).

Runs are interleaved (each way once, then each way again) so that a change
in the machine's load hits every way alike. Besides wall-clock time it
measures the CPU time each way spent (the CLI process; this Python process
and its threads; the Spark driver, its JVM and the Python workers), so that
figures per core hold on a busy machine. Counts come from ``dateline read``
on the same files; every way is checked to read every article and to give
the same number of events.

    cargo build --release -p dateline
    maturin build --release -m crates/python/Cargo.toml -o target/wheels
    pip install target/wheels/dateline-*.whl pyarrow pyspark
    python crates/python/bench/bench.py --pages ../shared/html-dev/html \\
        --copies 10 --files 4 --cli target/release/dateline

Needs Java 17 or later for Spark (``--no-spark`` leaves Spark out). Use a
release build of both the CLI and the wheel: a debug build is several
times slower.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid


def build_warcs(pages: pathlib.Path, copies: int, n_files: int, out: pathlib.Path) -> list:
    htmls = sorted(pages.glob("*.html"))
    if not htmls:
        raise SystemExit(f"bench: no *.html pages in {pages}")
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
    out = subprocess.run([cli, "read", *paths, "--format", "jsonl"], capture_output=True,
                         check=True)
    sys.stderr.write(out.stderr.decode(errors="replace"))
    articles = sentences = 0
    for line in out.stdout.splitlines():
        articles += 1
        sentences += len(json.loads(line)["sentences"])
    return articles, sentences


# -- CPU time --------------------------------------------------------------


def own_cpu() -> float:
    """CPU seconds of this process (every thread)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def children_cpu() -> float:
    """CPU seconds of this process's finished (waited-for) children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tree_cpu() -> float:
    """CPU seconds of this process, its finished children, and every live
    descendant with the finished children each has waited for (Spark's JVM,
    its Python daemon and workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    kids: dict = {}
    spent: dict = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                data = stat.read()
        except OSError:
            continue
        fields = data[data.rindex(")") + 2:].split()
        pid, ppid = int(entry), int(fields[1])
        kids.setdefault(ppid, []).append(pid)
        spent[pid] = sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    total, todo = 0, list(kids.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        total += spent.get(pid, 0)
        todo.extend(kids.get(pid, []))
    return own_cpu() + children_cpu() + total / ticks


def measure(run, cpu) -> tuple:
    load = os.getloadavg()[0]
    cpu_before, start = cpu(), time.perf_counter()
    run()
    wall = time.perf_counter() - start
    return wall, cpu() - cpu_before, load


# -- main ------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", required=True, type=pathlib.Path)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--cli", default="target/release/dateline")
    parser.add_argument("--jobs", type=int, default=2, help="cores for every way")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--json", type=pathlib.Path, help="write every run's figures here")
    args = parser.parse_args()

    import dateline
    import dateline.spark

    jobs = str(args.jobs)
    work = pathlib.Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    paths = build_warcs(args.pages, args.copies, args.files, work)
    n_articles, n_sentences = counts(args.cli, paths)
    size = sum(os.path.getsize(path) for path in paths)
    print(f"{len(paths)} WARC files, {size / 1e6:.1f} MB gzip ({size / n_articles / 1e3:.1f} kB "
          f"a record), {n_articles} articles, {n_sentences} sentences; "
          f"{os.cpu_count()} cores", file=sys.stderr)

    # Start-up of the CLI (knowledge base, automaton, patterns), paid once per
    # process; the Python and Spark ways build their pipeline before timing.
    tiny = work / "tiny.txt"
    tiny.write_text("The weather was mild on Monday.\n")
    startup = [measure(lambda: subprocess.run([args.cli, "code", str(tiny)], check=True,
                                              stdout=subprocess.DEVNULL), children_cpu)
               for _ in range(args.runs)]

    cli_events = work / "cli-events.jsonl"

    def cli_read():
        subprocess.run([args.cli, "read", "-j", jobs, *paths, "--format", "jsonl"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)

    def cli_code():
        with open(cli_events, "wb") as out:
            subprocess.run([args.cli, "code", "-j", jobs, *paths, "--format", "jsonl"],
                           stdout=out, stderr=subprocess.DEVNULL, check=True)

    pipeline = dateline.Pipeline(jobs=args.jobs)
    python_events = []

    def python():
        table = pipeline.code_files(paths, on_error="ignore")
        assert table.articles == n_articles, (table.articles, n_articles)
        python_events.append(len(table))

    ways = [
        (f"CLI, read only: `dateline read -j {jobs} FILES --format jsonl`", cli_read,
         children_cpu),
        (f"CLI: `dateline code -j {jobs} FILES --format jsonl`", cli_code, children_cpu),
        (f"Python: `dateline.Pipeline(jobs={jobs}).code_files(FILES)`", python, own_cpu),
    ]

    spark = None
    spark_events = []
    if not args.no_spark:
        from pyspark.sql import SparkSession

        os.environ["PYSPARK_PYTHON"] = sys.executable
        spark = (SparkSession.builder.master(f"local[{jobs}]")
                 .config("spark.ui.enabled", "false")
                 .config("spark.ui.showConsoleProgress", "false")
                 .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        # One task per slot, so that every Python worker is started and has
        # built its pipeline before the timed runs.
        dateline.spark.code_to_parquet(spark, paths[:args.jobs], str(work / "warm"))

        def on_spark():
            report = dateline.spark.code_to_parquet(spark, paths, str(work / "spark"))
            assert report.articles == n_articles, (report.articles, n_articles)
            assert report.errors == 0, report.problems
            spark_events.append(report.events)

        ways.append((f"Spark local[{jobs}]: `dateline.spark.code_to_parquet(spark, FILES, OUT)`",
                     on_spark, tree_cpu))

    results: dict = {name: [] for name, _, _ in ways}
    for _ in range(args.runs):
        for name, run, cpu in ways:
            results[name].append(measure(run, cpu))
            print(f"  {name}: {results[name][-1][0]:.1f} s", file=sys.stderr)
    if spark is not None:
        spark.stop()

    cli_n_events = sum(1 for _ in open(cli_events, "rb"))
    events = {"cli": cli_n_events, "python": python_events, "spark": spark_events}
    print(f"events: {json.dumps(events)}", file=sys.stderr)
    assert all(n == cli_n_events for n in python_events + spark_events), events

    def span(values, fmt="{:,.0f}"):
        low, high = min(values), max(values)
        text = fmt.format(low)
        return text if fmt.format(high) == text else f"{text}-{fmt.format(high)}"

    print(f"\n{n_articles} articles, {n_sentences} sentences, {len(paths)} WARC files "
          f"({size / 1e6:.1f} MB), {args.jobs} cores, {args.runs} runs each")
    print(f"CLI start-up (one sentence): {span([w for w, _, _ in startup], '{:.2f}')} s wall")
    print("| way | wall s | articles/s | sentences/s | CPU s | articles per CPU-s "
          "| sentences per CPU-s | load (1 min) |")
    print("|---|---|---|---|---|---|---|---|")
    for name, runs in results.items():
        walls = [wall for wall, _, _ in runs]
        cpus = [cpu for _, cpu, _ in runs]
        print(f"| {name} | {span(walls, '{:.1f}')} | {span([n_articles / w for w in walls])} "
              f"| {span([n_sentences / w for w in walls])} | {span(cpus, '{:.1f}')} "
              f"| {span([n_articles / c for c in cpus])} | {span([n_sentences / c for c in cpus])} "
              f"| {span([load for _, _, load in runs], '{:.1f}')} |")
    if args.json:
        args.json.write_text(json.dumps({
            "articles": n_articles, "sentences": n_sentences, "files": len(paths),
            "bytes": size, "jobs": args.jobs, "events": events,
            "startup": startup, "runs": results,
        }, indent=1))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
