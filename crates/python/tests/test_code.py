"""Coding texts, records and files from Python; errors and warnings."""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import threading
import warnings

import pyarrow as pa
import pytest

import dateline
from conftest import REPO, SAMPLES

GEORGIA = (SAMPLES / "georgia-protest.txt").read_text(encoding="utf-8")


def triples(table) -> set:
    frame = table.to_pandas()
    return set(zip(frame.source_code, frame.target_code, frame.code))


def test_a_text_codes_to_the_events_a_careful_coder_finds(pipeline):
    table = pipeline.code([GEORGIA])
    # data/samples/README.md, georgia-protest.txt (checked by hand): the
    # water cannon, both arrests and the accusation.
    assert {
        ("GEOCOP", "GEOOPP", "175"),
        ("GEOCOP", "GEOCVL", "173"),
        ("GEOCOP", "GEOOPP", "173"),
        ("GEOGOV", "IGOEUREEC", "112"),
    } <= triples(table)
    assert table.articles == 1
    assert table.problems == []
    frame = table.to_pandas()
    assert set(frame.date) == {datetime.date(2025, 2, 3)}
    for row in frame.itertuples():
        assert row.trigger_text in row.sentence_text
    # Merge counts belong to stored events.
    assert frame.num_mentions.isna().all()


def test_records_keep_their_id_url_and_date(pipeline):
    records = [
        {
            "id": "wire-1",
            "url": "https://news.example.org/1",
            "date": datetime.date(2025, 2, 3),
            "title": "Protest in Tbilisi",
            "text": "Georgian riot police fired water cannon at demonstrators in Tbilisi on Sunday.",
            "section": "world",
        },
        {"id": "wire-2", "date": "2025-04-14", "text": "No one did anything."},
    ]
    table = pipeline.code(records)
    frame = table.to_pandas()
    assert list(frame.article_id) == ["wire-1"]
    assert list(frame.url) == ["https://news.example.org/1"]
    assert list(frame.code) == ["175"]
    assert list(frame.date) == [datetime.date(2025, 2, 3)]
    assert table.articles == 2


def test_the_table_has_the_columns_of_the_parquet_export(pipeline):
    schema = pa.schema(dateline.event_schema())
    # crates/export/src/parquet.rs SCHEMA, in order.
    assert schema.names[:5] == ["event_id", "article_id", "date", "code", "root_code"]
    assert schema.names[-6:] == [
        "num_mentions", "num_sources", "num_articles", "first_seen", "last_seen", "mentions",
    ]
    assert len(schema) == 42
    assert schema.field("date").type == pa.date32()
    assert schema.field("negated").type == pa.bool_()
    assert schema.field("trigger_start").type == pa.int64()
    mention = schema.field("mentions").type.value_type
    assert [field.name for field in mention] == [
        "article_id", "sentence_index", "sentence_text", "sentence_start", "sentence_end",
        "trigger_start", "trigger_end", "source_start", "source_end", "target_start",
        "target_end", "rule",
    ]
    assert pa.table(pipeline.code([GEORGIA])).schema == schema


def test_files_code_like_the_cli(pipeline, warc_files):
    """The same WARC files give the same events through Python as through
    the `dateline` binary (built by `cargo build -p dateline`)."""
    table = pipeline.code_files(warc_files, on_error="ignore")
    binary = os.environ.get("DATELINE_BIN", str(REPO / "target" / "debug" / "dateline"))
    out = subprocess.run(
        [binary, "code", *warc_files, "--format", "jsonl"], capture_output=True, check=False
    )
    assert out.returncode == 1, out.stderr  # the broken record fails its input
    cli = [json.loads(line) for line in out.stdout.decode().splitlines()]
    frame = table.to_pandas()
    assert list(frame.event_id) == [event["event_id"] for event in cli]
    assert list(frame.code) == [event["code"] for event in cli]
    assert list(frame.sentence_text) == [event["sentence"]["text"] for event in cli]
    assert len(cli) >= 20


def test_a_broken_record_is_named_and_the_rest_is_read(pipeline, warc_files, pages):
    broken = r"news-1\.warc\.gz: byte \d+: malformed WARC record"
    with pytest.warns(dateline.DatelineWarning, match=broken):
        table = pipeline.code_files(warc_files)
    assert table.articles == len(pages)
    assert table.n_errors == 1
    assert table.failed_inputs == 1
    assert table.problems[0].startswith("error: ")
    assert re.search(broken, table.problems[0])
    # Every page whose text codes to events has events from its WARC
    # record too, in file order (the earthquake-aid sample codes to none).
    coding = [page for page in pages if len(pipeline.code([(SAMPLES / page.sample).read_text()]))]
    assert len(coding) == len(pages) - 1
    frame = table.to_pandas()
    assert list(dict.fromkeys(frame.url)) == [page.url for page in coding]


def test_on_error_raise_names_the_input(pipeline, warc_files, tmp_path):
    missing = tmp_path / "missing.warc.gz"
    with pytest.raises(dateline.DatelineError, match="missing.warc.gz"):
        pipeline.code_files([str(missing)], on_error="raise")
    with pytest.raises(dateline.DatelineError, match=r"1 input problem\(s\); first: .*news-1"):
        pipeline.code_files(warc_files, on_error="raise")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        quiet = pipeline.code_files(warc_files, on_error="ignore")
    assert quiet.n_errors == 1


def test_bad_arguments_are_python_errors(pipeline, tmp_path):
    with pytest.raises(TypeError, match=r"inputs\[1\]: expected a str .* got int"):
        pipeline.code(["text", 42])
    with pytest.raises(TypeError, match="wrap it in a list"):
        pipeline.code(GEORGIA)
    with pytest.raises(ValueError, match="date: expected YYYY-MM-DD"):
        pipeline.code([GEORGIA], date="yesterday")
    with pytest.raises(ValueError, match="on_error"):
        pipeline.code([GEORGIA], on_error="shout")
    with pytest.raises(ValueError, match="input_format"):
        pipeline.code_files([str(tmp_path)], input_format="pdf")
    with pytest.raises(dateline.DatelineError, match="cannot read .*nowhere.txt"):
        dateline.Pipeline(verbs=[str(tmp_path / "nowhere.txt")])


def test_a_bad_record_is_a_problem_naming_it(pipeline):
    with pytest.warns(dateline.DatelineWarning, match=r"record\[1\]"):
        table = pipeline.code([{"id": "a", "text": GEORGIA}, {"id": "b", "date": "2025-13-45"}])
    assert table.articles >= 1
    assert any("record[1]" in problem for problem in table.problems)


def test_user_dictionary_problems_warn_or_fail_when_strict(tmp_path):
    verbs = tmp_path / "bad.verbs.txt"
    verbs.write_text("this is not a pattern line\n", encoding="utf-8")
    with pytest.warns(dateline.DatelineWarning, match="bad.verbs.txt"):
        dateline.Pipeline(verbs=[str(verbs)], jobs=1)
    with pytest.raises(dateline.DatelineError, match="bad.verbs.txt"):
        dateline.Pipeline(verbs=[str(verbs)], strict=True, jobs=1)


def test_the_gil_is_released_while_coding(pipeline):
    """Another Python thread runs while a call codes."""
    texts = [GEORGIA] * 300
    done = threading.Event()
    result = {}

    def code():
        result["table"] = pipeline.code(texts)
        done.set()

    worker = threading.Thread(target=code)
    ticks = 0
    worker.start()
    while not done.is_set():
        ticks += 1
        done.wait(0.001)
    worker.join()
    assert result["table"].articles == 300
    assert ticks > 20, ticks


def test_read_gives_articles_with_spans_into_the_body(pipeline):
    table = pipeline.read([str(SAMPLES / "xi-hanoi-visit-wire.txt"), str(SAMPLES / "samples.jsonl")])
    rows = table.to_pyarrow().to_pylist()
    assert len(rows) == 5
    xi = rows[0]
    assert xi["date"] == datetime.date(2025, 4, 14)
    assert xi["place"] == "Hanoi"
    assert [heading["text"] for heading in xi["headings"]] == ["Dozens of Agreements"]
    assert xi["related_links"][0]["text"] == "U.S. Tariffs Hit Vietnamese Exporters"
    for row in rows:
        body = row["body"].encode("utf-8")
        for sentence in row["sentences"]:
            assert body[sentence["start"]:sentence["end"]].decode("utf-8") == sentence["text"]
    # samples.jsonl's records carry a `section` Dateline keeps as metadata.
    assert any("section" in json.loads(row["meta"]) for row in rows[1:])
