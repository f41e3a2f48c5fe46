"""Two days apart is another meeting, and so is a later day announced after a meeting (issue 19, session 16).

A day-precise date is widened by a day (``[tolerance_days] day``) so that outlets dating one meeting a day
apart (time zones, an overnight session, ``gestern`` read against another day) still meet; two such windows
touch when the days are two apart, which merged a pair's dinner in Paris on Monday and their talks in Paris on
Wednesday. A report of what happened on a day further than the tolerance from every day the event's sources
report it happened on is another meeting (``merge._another_day``); an announced day may still move
(``planned_shift``), and a visit's days are its legs, but an announcement written after the event happened, of a
later day, announces the next meeting. Fresh records written for these tests; the end-to-end cases are the fresh
clusters ``paris-twice-in-three-days`` and ``brussels-again-on-thursday`` (``tests/fixtures/store_clusters``).
"""

from __future__ import annotations

import pytest

duckdb = pytest.importorskip("duckdb", reason="the store needs the `store` extra (duckdb)")

from newsgraph.store import Store  # noqa: E402

from .test_store import _Article  # noqa: E402


def _report(url: str, published: str, date: str, *, status: str = "happened", etype: str = "meeting"):
    art = _Article(url, published)
    art.entity("e1", "PER", "Emmanuel Macron", kb_id="kb:per:emmanuel-macron").say(" und ")
    art.entity("e2", "PER", "Friedrich Merz", kb_id="kb:per:friedrich-merz").say(" in ")
    art.entity("e3", "LOC", "Paris", kb_id="geonames:2988507")
    art.event(etype, ["e1", "e2"], place="e3", date=date, status=status)
    return art.record(url.rsplit("/", 1)[-1])


def _count(tmp_path, *records) -> int:
    with Store(tmp_path / "news.duckdb") as store:
        for record in records:
            store.ingest([record])
        return store.con.execute("SELECT count(*) FROM events").fetchone()[0]


def test_two_reports_of_what_happened_two_days_apart_are_two_meetings(tmp_path):
    monday = _report("https://a.example/1", "2026-05-04", "2026-05-04")
    wednesday = _report("https://b.example/2", "2026-05-06", "2026-05-06")
    assert _count(tmp_path, monday, wednesday) == 2


def test_a_day_apart_is_still_one_meeting(tmp_path):
    # "late on Monday" (US time) and "in der Nacht zum Dienstag": one meeting, a date conflict
    assert (
        _count(
            tmp_path,
            _report("https://a.example/1", "2026-05-04", "2026-05-04"),
            _report("https://b.example/2", "2026-05-05", "2026-05-05"),
        )
        == 1
    )


def test_an_announced_day_may_still_move_by_days(tmp_path):
    preview = _report("https://a.example/1", "2026-05-01", "2026-05-04", status="planned")
    report = _report("https://b.example/2", "2026-05-06", "2026-05-06")
    assert _count(tmp_path, preview, report) == 1


def test_the_days_of_a_visit_are_its_legs(tmp_path):
    first = _report("https://a.example/1", "2026-05-04", "2026-05-04", etype="visit")
    third = _report("https://b.example/2", "2026-05-06", "2026-05-06", etype="visit")
    assert _count(tmp_path, first, third) == 1


def test_an_announcement_written_after_the_meeting_of_a_later_day_is_the_next_meeting(tmp_path):
    # "will meet again in Paris on Thursday", written on Tuesday, is not Monday's meeting in Paris
    monday = _report("https://a.example/1", "2026-05-04", "2026-05-04")
    again = _report("https://b.example/2", "2026-05-05", "2026-05-07", status="planned")
    assert _count(tmp_path, monday, again) == 2


def test_a_preview_written_before_the_meeting_may_still_name_a_later_day(tmp_path):
    # the preview said Thursday, the meeting was moved up to Monday: one meeting, planned -> happened
    preview = _report("https://a.example/1", "2026-05-01", "2026-05-07", status="planned")
    monday = _report("https://b.example/2", "2026-05-04", "2026-05-04")
    assert _count(tmp_path, preview, monday) == 1


def test_a_summit_of_several_days_dated_by_two_of_them_is_one_summit(tmp_path):
    # one outlet dates a three-day summit by its opening on Monday, another by its closing on Wednesday
    opening = _report("https://a.example/1", "2026-05-04", "2026-05-04", etype="summit")
    closing = _report("https://b.example/2", "2026-05-06", "2026-05-06", etype="summit")
    assert _count(tmp_path, opening, closing) == 1
