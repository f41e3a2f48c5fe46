"""Cross-article identity end to end: three outlets' reports of one meeting become one stored event.

The founding article plus two short reports written for this test (one German, one English, other
wording, other publication dates) all describe the security advisers' meeting in Geneva on 24 May.
Through extraction and the store they must merge into one event with three sources, while the
founding article's other meeting (Iceland, 19 May) stays apart.
"""

from __future__ import annotations

import pytest

from .conftest import FIXTURES, SEED, needs_shared

duckdb = pytest.importorskip("duckdb", reason="the store extra (duckdb) is not installed")

pytestmark = needs_shared


def test_one_meeting_reported_three_times_is_one_event_with_three_sources(tmp_path):
    import newsgraph
    from newsgraph.ingest import read_inputs
    from newsgraph.ingest.article import Article
    from newsgraph.store import Store, events

    inputs = [SEED, FIXTURES / "merge" / "geneva_de.txt", FIXTURES / "merge" / "geneva_en.jsonl"]
    articles = [item for item in read_inputs(inputs) if isinstance(item, Article)]
    assert len(articles) == 3
    records = [
        newsgraph.extract(a.text, lang=a.language, published=a.published or "2021-05-26", url=a.url, id=a.id)
        for a in articles
    ]
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest(records)
        rows = events(store, types=["meeting"])
    geneva = [e for e in rows if e.get("place") == "Geneva"]
    assert len(geneva) == 1, rows
    assert geneva[0]["sources"] == 3
    assert sorted(geneva[0]["participants"]) == ["Jake Sullivan", "Nikolai Patrushev"]
    iceland = [e for e in rows if e.get("place") == "Iceland"]
    assert len(iceland) == 1 and iceland[0]["sources"] == 1
