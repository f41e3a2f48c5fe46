"""Who is in an event, how long it lasts and which year it is: the merge mechanisms of issue 19 (session 12).

Records are synthetic (``_Article`` from ``test_store``) with fresh sentences, so these tests check the
store's merge model, not extraction; each mechanism is tested in both directions (what must merge and what
must stay apart).
"""

from __future__ import annotations

import pytest

duckdb = pytest.importorskip("duckdb", reason="the store needs the `store` extra (duckdb)")

from newsgraph.record import Record  # noqa: E402
from newsgraph.store import Store, events  # noqa: E402

from .test_store import _Article  # noqa: E402

#: KB people: two heads of government, a head of government of a third country, and an adviser
SCHOLZ = ("Olaf Scholz", "kb:per:olaf-scholz")
MACRON = ("Emmanuel Macron", "kb:per:emmanuel-macron")
MELONI = ("Giorgia Meloni", "kb:per:giorgia-meloni")
SULLIVAN = ("Jake Sullivan", "kb:per:jake-sullivan")


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "news.duckdb") as opened:
        yield opened


def _announcement(
    url: str,
    published: str | None,
    people: list[tuple[str, str]],
    *,
    status: str = "possible",
    date: str | None = None,
    place: str | None = None,
) -> Record:
    """An article announcing a meeting of ``people`` (name, KB id), undated unless ``date``."""
    art = _Article(url, published)
    ids = []
    for i, (name, kb_id) in enumerate(people, 1):
        if i > 1:
            art.say(" und ")
        art.entity(f"e{i}", "PER", name, kb_id=kb_id)
        ids.append(f"e{i}")
    art.say(" wollen sich bald wieder sehen")
    if place:
        art.say(" in ").entity("p", "LOC", place)
    art.say(f" ({url})")
    art.event("meeting", ids, place="p" if place else None, date=date, status=status)
    return art.record(url.rsplit("/", 1)[-1])


def _groups(store: Store) -> list[int]:
    return sorted(e["sources"] for e in events(store))


def test_an_undated_meeting_of_two_is_not_the_undated_meeting_of_three(store):
    # "Scholz and Macron want to meet again" is not the possible meeting of Scholz, Macron and Meloni
    # announced the same week
    store.ingest(
        [
            _announcement("https://a.example/1", "2024-03-04", [SCHOLZ, MACRON, MELONI]),
            _announcement("https://b.example/2", "2024-03-05", [SCHOLZ, MACRON, MELONI]),
            _announcement("https://c.example/3", "2024-03-05", [SCHOLZ, MACRON]),
        ]
    )
    assert _groups(store) == [1, 2]
    reason = store.con.execute("SELECT merge_reason FROM event_sources WHERE article_id = 3").fetchone()[0]
    assert reason.startswith("new event")


def test_the_same_order_the_other_way_round(store):
    # whichever arrives first, one batch or two
    store.ingest([_announcement("https://c.example/3", "2024-03-05", [SCHOLZ, MACRON])])
    store.ingest([_announcement("https://a.example/1", "2024-03-04", [SCHOLZ, MACRON, MELONI])])
    assert _groups(store) == [1, 1]


def test_an_announcement_that_leaves_out_an_adviser_is_the_same_meeting(store):
    # the adviser attends; an outlet that names only the two leaders tells the same meeting
    store.ingest(
        [
            _announcement("https://a.example/1", "2024-03-04", [SCHOLZ, MACRON, SULLIVAN]),
            _announcement("https://c.example/3", "2024-03-05", [SCHOLZ, MACRON]),
        ]
    )
    assert _groups(store) == [2]


def test_a_dated_report_of_the_same_day_may_name_fewer_principals(store):
    # two dated accounts of one day: outlets name different people at one meeting
    store.ingest(
        [
            _announcement(
                "https://a.example/1",
                "2024-03-04",
                [SCHOLZ, MACRON, MELONI],
                status="happened",
                date="2024-03-03",
                place="Paris",
            ),
            _announcement(
                "https://c.example/3",
                "2024-03-05",
                [SCHOLZ, MACRON],
                status="happened",
                date="2024-03-03",
                place="Paris",
            ),
        ]
    )
    assert _groups(store) == [2]


def test_two_undated_announcements_of_the_same_two_are_one(store):
    store.ingest(
        [
            _announcement("https://a.example/1", "2024-03-04", [SCHOLZ, MACRON]),
            _announcement("https://c.example/3", "2024-03-05", [SCHOLZ, MACRON], status="planned"),
        ]
    )
    assert _groups(store) == [2]
