"""One real-world event reported by many outlets: the merge mechanisms of issue 19, one test each.

Records are synthetic (``_Article`` from ``test_store``), so these tests check the store's merge model,
not extraction: undated reports from articles without a publication date, announcements whose date
moves, places a gazetteer cannot relate, and the cases that must stay apart (two meetings of one pair).
``benchmarks/bench_clusters.py`` measures the same mechanisms on the gold clusters.
"""

from __future__ import annotations

import pytest

duckdb = pytest.importorskip("duckdb", reason="the store needs the `store` extra (duckdb)")

from newsgraph.record import Record  # noqa: E402
from newsgraph.store import Store, event_detail, events, network, summary  # noqa: E402

from .test_store import _Article  # noqa: E402


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "news.duckdb") as opened:
        yield opened


def _pair(url: str | None, published: str | None, *, date: str | None, status: str = "happened",
          place: str | None = None, place_kb: str | None = None, etype: str = "meeting",
          extra: str | None = None) -> Record:
    """A report of a Scholz-Macron meeting (plus ``extra`` as a third participant)."""
    art = _Article(url, published)
    art.entity("e1", "PER", "Olaf Scholz").say(" und ").entity("e2", "PER", "Emmanuel Macron")
    participants = ["e1", "e2"]
    if extra:
        art.say(" und ").entity("e4", "PER", extra)
        participants.append("e4")
    if place:
        art.say(" in ").entity("e3", "LOC", place, kb_id=place_kb)
    art.say(f" ({url or published or 'ohne Datum'})")
    art.event(etype, participants, place="e3" if place else None, date=date, status=status)
    return art.record((url or "none").rsplit("/", 1)[-1] or "r")


def _sources(store: Store) -> list[int]:
    return sorted(e["sources"] for e in events(store))


def test_network_counts_happened_meetings_unless_asked(store):
    store.ingest([
        _pair("https://a.example/1", "2024-05-21", date="2024-05-20"),
        _pair("https://b.example/2", "2024-07-01", date="2024-09-20", status="planned"),
        _pair("https://c.example/3", "2024-07-01", date="2024-11-20", status="cancelled"),
    ])
    assert summary(store)["events"] == 3
    (edge,) = network(store)["edges"]
    assert edge["events"] == 1
    (edge,) = network(store, status=None)["edges"]
    assert edge["events"] == 3
    assert edge["by_status"] == {"cancelled": 1, "happened": 1, "planned": 1}
    (edge,) = network(store, status=["planned"])["edges"]
    assert edge["events"] == 1
