"""Fixtures for the Python package's tests: the bundled sample articles as
web pages in WARC files written here, a pipeline, and a throw-away
PostgreSQL server (Debian's binaries, as the Rust store tests use)."""

from __future__ import annotations

import gzip
import html
import os
import pathlib
import re
import shutil
import socket
import subprocess
import tempfile
import uuid

import pytest

import dateline

REPO = pathlib.Path(__file__).resolve().parents[3]
SAMPLES = REPO / "data" / "samples"

# The dateline-text samples that become web pages (data/samples/README.md
# says what a careful coder finds in each).
PAGE_SAMPLES = [
    "georgia-protest.txt",
    "india-japan-talks.txt",
    "nigeria-plateau-attack.txt",
    "nigeria-borno-bombing.txt",
    "xi-hanoi-visit-wire.txt",
    "xi-hanoi-visit-daily.txt",
    "eu-sanctions-russia.txt",
    "myanmar-quake-aid.txt",
]


class Page:
    """A news page made from a dateline-text sample."""

    def __init__(self, sample: str):
        self.sample = sample
        text = (SAMPLES / sample).read_text(encoding="utf-8")
        first, rest = text.split("\n", 1)
        match = re.match(r"date (\d{4}-\d{2}-\d{2}) ([^:]+): (.*)", first)
        assert match, first
        self.date, self.place, lead = match.groups()
        self.name = sample.removesuffix(".txt")
        self.url = f"https://news.example.org/{self.date.replace('-', '/')}/{self.name}"
        self.title = self.name.replace("-", " ").capitalize()
        blocks = [lead] + [block.strip() for block in rest.split("\n\n") if block.strip()]
        body = []
        for block in blocks:
            if block.startswith("Also Read:"):
                continue
            # Short lines without final punctuation are headings.
            tag = "h2" if not block.rstrip().endswith((".", '"', "'", "”")) else "p"
            body.append(f"<{tag}>{html.escape(block)}</{tag}>")
        self.html = (
            "<!DOCTYPE html><html><head>"
            f"<title>{html.escape(self.title)} | Example Wire</title>"
            f'<meta property="article:published_time" content="{self.date}T08:00:00Z">'
            '<meta property="og:site_name" content="Example Wire">'
            "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{html.escape(self.title)}</h1>{''.join(body)}</article>"
            "<footer>Copyright Example Wire. All rights reserved.</footer></body></html>"
        )


def warc_record(page: Page) -> bytes:
    """One gzip member holding a WARC response record, as CC-NEWS stores them."""
    payload = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        + page.html.encode("utf-8")
    )
    head = (
        "WARC/1.0\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Target-URI: {page.url}\r\n"
        f"WARC-Date: {page.date}T09:30:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, page.url)}>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    ).encode("ascii")
    return gzip.compress(head + payload + b"\r\n\r\n", mtime=0)


def broken_record() -> bytes:
    """A record whose Content-Length promises more than it holds: the
    reader reports it (naming the file and record) and goes on."""
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://broken.example/\r\n"
        "Content-Length: not-a-number\r\n\r\n"
    ).encode("ascii")
    return gzip.compress(head + b"HTTP/1.1 200 OK\r\n\r\n<html></html>\r\n\r\n", mtime=0)


@pytest.fixture(scope="session")
def pages() -> list:
    return [Page(sample) for sample in PAGE_SAMPLES]


@pytest.fixture(scope="session")
def warc_dir(pages, tmp_path_factory) -> pathlib.Path:
    """Three WARC files of the sample pages; the second has a broken record
    between two good ones."""
    folder = tmp_path_factory.mktemp("warc")
    shares = [pages[0:3], pages[3:6], pages[6:8]]
    for idx, share in enumerate(shares):
        records = [warc_record(page) for page in share]
        if idx == 1:
            records.insert(1, broken_record())
        (folder / f"news-{idx}.warc.gz").write_bytes(b"".join(records))
    return folder


@pytest.fixture(scope="session")
def warc_files(warc_dir) -> list:
    return sorted(str(path) for path in warc_dir.glob("*.warc.gz"))


@pytest.fixture(scope="session")
def pipeline() -> dateline.Pipeline:
    return dateline.Pipeline(jobs=2)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """A throw-away PostgreSQL server on a free local port, run as the
    ``postgres`` user when the tests run as root; each ``database()`` is new."""

    def __init__(self):
        found = sorted(
            pathlib.Path("/usr/lib/postgresql").glob("*/bin/initdb"),
            key=lambda path: int(path.parent.parent.name),
        )
        if not found:
            raise RuntimeError(
                "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin: "
                "run scripts/ci/postgres.sh"
            )
        self.bin = found[-1].parent
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="dateline-pg-py-"))
        self.prefix = []
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "postgres", str(self.dir)], check=True)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        data = self.dir / "data"
        self.run("initdb", "-D", str(data), "-U", "dateline", "--auth=trust",
                 "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        self.port = free_port()
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        self.run("pg_ctl", "-D", str(data), "-l", str(self.dir / "server.log"), "-o", options,
                 "-w", "-t", "60", "start")
        self.data = data
        self.n_databases = 0

    def run(self, program: str, *args: str) -> None:
        subprocess.run(self.prefix + [str(self.bin / program), *args], check=True,
                       stdin=subprocess.DEVNULL, capture_output=True)

    def database(self) -> str:
        self.n_databases += 1
        name = f"dl_py_{os.getpid()}_{self.n_databases}"
        subprocess.run([str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                        "-U", "dateline", name], check=True, capture_output=True)
        return f"postgres://dateline@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres():
    server = PostgresServer()
    yield server
    server.stop()
