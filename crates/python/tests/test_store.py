"""The event store from Python: ingest, events, timeline, network."""

from __future__ import annotations

import datetime

import pyarrow as pa
import pytest

import dateline
from conftest import SAMPLES


def test_ingest_then_query_sqlite(pipeline, tmp_path):
    store = dateline.Store(str(tmp_path / "events.db"), mode="create")
    samples = [str(SAMPLES / name) for name in ["xi-hanoi-visit-wire.txt", "xi-hanoi-visit-daily.txt", "georgia-protest.txt"]]
    first = store.ingest(pipeline, samples)
    assert first["articles"] == 3 and first["new_articles"] == 3
    assert first["problems"] == []
    again = store.ingest(pipeline, samples)
    assert (again["new_articles"], again["duplicates"], again["reports"]) == (0, 3, 0)

    events = store.events(actor="CHN")
    frame = events.to_pandas()
    assert pa.table(events).schema == pa.schema(dateline.event_schema())
    # The state visit, reported by two outlets, is one event (data/samples/README.md).
    visits = frame[frame.code.str.startswith("04")]
    assert (visits.num_articles == 2).any()
    assert (visits.num_sources == 2).any()
    assert all(len(m) == n for m, n in zip(visits.mentions, visits.num_mentions))
    assert frame.date.max() == datetime.date(2025, 4, 14)

    georgia = store.events(country="GEO", code="17", limit=5).to_pandas()
    assert set(georgia.source_code) == {"GEOCOP"}
    assert len(store.events(from_="2025-03-01", to=datetime.date(2025, 12, 31))) > 0
    assert len(store.events(to="2025-01-01")) == 0

    timeline = store.timeline("month", actor="GEO").to_pyarrow().to_pylist()
    assert [row["period"] for row in timeline] == ["2025-02"]
    assert timeline[0]["events"] == len(store.events(actor="GEO"))
    network = store.network(limit=3).to_pyarrow().to_pylist()
    assert len(network) == 3
    assert network[0]["events"] >= network[-1]["events"]
    assert store.stats()["articles"] == 3


def test_store_errors(tmp_path):
    with pytest.raises(dateline.DatelineError, match="no store at"):
        dateline.Store(str(tmp_path / "none.db"))
    store = dateline.Store(str(tmp_path / "new.db"), mode="create")
    with pytest.raises(TypeError, match='unknown filter "colour"'):
        store.events(colour="red")
    with pytest.raises(TypeError, match='unknown filter "limit"'):
        store.timeline(limit=3)
    with pytest.raises(ValueError, match="by must be"):
        store.timeline("fortnight")
    with pytest.raises(dateline.DatelineError, match="unsupported store location"):
        dateline.Store("mysql://localhost/x")
    assert "postgres" not in repr(store)


def test_postgres_store_answers_like_sqlite(pipeline, postgres, tmp_path):
    url = postgres.database()
    pg = dateline.Store(url)
    assert repr(pg) == "<dateline.Store postgres>"
    sqlite = dateline.Store(str(tmp_path / "events.db"), mode="create")
    for store in (pg, sqlite):
        store.ingest(pipeline, [str(SAMPLES)], on_error="ignore")
    assert pg.stats() == sqlite.stats()
    assert pa.table(pg.events()).to_pylist() == pa.table(sqlite.events()).to_pylist()
