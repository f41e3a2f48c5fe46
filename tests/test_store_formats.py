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


def _undated_article_reports(summit_status: str) -> list[Record]:
    """A visit reported on 4 June, a G7 summit announced for 15 June, and an article without any date that
    reads the summit as ``summit_status`` and tells the visit without a date."""
    visit = _Article("https://a.example/visit", "2024-06-04")
    visit.entity("e1", "PER", "Olaf Scholz").say(" besuchte die ").entity("e2", "LOC", "USA")
    visit.event("visit", ["e1", "e2"], date="2024-06-03")
    preview = _Article("https://b.example/g7", "2024-06-07")
    preview.entity("e1", "PER", "Olaf Scholz").say(" reist zum Gipfel der ").entity("e2", "ORG", "G7")
    preview.event("summit", ["e1", "e2"], date="2024-06-15", status="planned")
    undated = _Article("https://c.example/rueckblick", None)
    undated.entity("e1", "PER", "Olaf Scholz").say(" beim Gipfel der ").entity("e2", "ORG", "G7")
    undated.event("summit", ["e1", "e2"], date="2024-06-15", status=summit_status)
    undated.say("Zuvor hatte er die ").entity("e3", "LOC", "USA").say(" besucht")
    undated.event("visit", ["e1", "e3"])
    return [visit.record("visit"), preview.record("g7"), undated.record("rueckblick")]


def _visit_sources(store: Store) -> list[int]:
    return sorted(e["sources"] for e in events(store) if e["type"] == "visit")


def test_an_article_without_date_is_not_dated_by_an_event_only_it_reads_as_past(store):
    # the undated article calls the G7 summit past, the dated preview still announces it: the summit's
    # merged status is planned, so it does not date the article after 15 June, and its undated account of
    # the visit is the visit of 3 June
    store.ingest(_undated_article_reports("happened"))
    assert _visit_sources(store) == [2]


def test_an_article_without_date_is_as_late_as_an_event_its_sources_agree_happened(store):
    # when a later report confirms that the summit happened, the article is written after 15 June, and an
    # undated visit it tells in its last week is not the visit of 3 June
    records = _undated_article_reports("happened")
    report = _Article("https://d.example/g7-bericht", "2024-06-16")
    report.entity("e1", "PER", "Olaf Scholz").say(" beim Gipfel der ").entity("e2", "ORG", "G7")
    report.event("summit", ["e1", "e2"], date="2024-06-15")
    store.ingest([*records, report.record("g7-bericht")])
    assert _visit_sources(store) == [1, 1]


def _visit(url: str, published: str, date: str | None, *, status: str = "happened", etype: str = "visit") -> Record:
    """An outlet's account of Scholz's visit to India (or, with ``etype``, of a meeting of the two)."""
    art = _Article(url, published)
    art.entity("e1", "PER", "Olaf Scholz", kb_id=SCHOLZ[1]).say(" in ").entity("e2", "LOC", "Indien")
    art.say(f" ({url})")
    art.event(etype, ["e1", "e2"], date=date, status=status)
    return art.record(url.rsplit("/", 1)[-1])


def test_a_visit_dated_by_its_first_day_and_by_a_meeting_days_later_is_one_visit(store):
    # one outlet dates the visit by the arrival on Sunday, another by the talks on Wednesday
    store.ingest(
        [
            _visit("https://a.example/ankunft", "2024-06-03", "2024-06-02"),
            _visit("https://b.example/gespraeche", "2024-06-06", "2024-06-05"),
        ]
    )
    assert _groups(store) == [2]


def test_two_visits_weeks_apart_are_two_and_a_meeting_lasts_one_day(store):
    store.ingest(
        [
            _visit("https://a.example/juni", "2024-06-03", "2024-06-02"),
            _visit("https://b.example/spaeter", "2024-06-24", "2024-06-23"),
            _visit("https://c.example/treffen-1", "2024-09-03", "2024-09-02", etype="meeting"),
            _visit("https://d.example/treffen-2", "2024-09-06", "2024-09-05", etype="meeting"),
        ]
    )
    assert _groups(store) == [1, 1, 1, 1]


def _talks(
    url: str,
    published: str | None,
    date: str,
    written: str,
    *,
    reference: str | None = None,
    place: str | None = "Meseberg",
    people: tuple[tuple[str, str], ...] = (SCHOLZ, MACRON),
) -> Record:
    """An account of talks of ``people`` on ``date`` (written ``written``); ``reference``: the reference date
    the pipeline inferred for an article without publication date."""
    art = _Article(url, published)
    for i, (name, kb_id) in enumerate(people, 1):
        if i > 1:
            art.say(" und ")
        art.entity(f"e{i}", "PER", name, kb_id=kb_id)
    if place:
        art.say(" in ").entity("p", "LOC", place)
    art.say(f" ({url})")
    art.event(
        "talks", [f"e{i}" for i in range(1, len(people) + 1)], place="p" if place else None, date=date, written=written
    )
    record = art.record(url.rsplit("/", 1)[-1])
    if reference:
        record = Record.model_validate(
            {**record.model_dump(), "reference_date": {"value": reference, "source": "inferred"}}
        )
    return record


def test_a_date_whose_year_was_inferred_a_year_off_is_the_same_event_with_a_date_conflict(store):
    # the article without publication date was placed in 2025 by a mention in its text; its "am 2. Juli"
    # is the talks of 2 July 2024 that a dated article reports, same two people at the same place
    store.ingest([_talks("https://a.example/1", "2024-07-03", "2024-07-02", "2. Juli")])
    store.ingest([_talks("https://b.example/2", None, "2025-07-02", "2. Juli", reference="2025-07-10")])
    (event,) = events(store)
    assert event["sources"] == 2 and event["date"] == "2024-07-02"
    conflicts = store.con.execute("SELECT field, value FROM conflicts ORDER BY value").fetchall()
    assert conflicts == [("date", "2024-07-02"), ("date", "2025-07-02")]
    reason = store.con.execute("SELECT merge_reason FROM event_sources WHERE article_id = 2").fetchone()[0]
    assert "a year apart" in reason


def test_the_other_order_gives_the_same_event(store):
    store.ingest([_talks("https://b.example/2", None, "2025-07-02", "2. Juli", reference="2025-07-10")])
    store.ingest([_talks("https://a.example/1", "2024-07-03", "2024-07-02", "2. Juli")])
    assert _groups(store) == [2]


@pytest.mark.parametrize(
    "variant",
    [
        {"written": "2. Juli 2025"},  # the year is written: two talks a year apart
        {"place": "Paris"},  # the year was inferred, but another place
        {"people": (SCHOLZ, MACRON, MELONI)},  # the year was inferred, but a third participant
    ],
)
def test_a_year_apart_stays_two_when_the_year_is_written_or_something_else_differs(store, variant):
    other = {"written": "2. Juli", **variant}
    store.ingest(
        [
            _talks("https://a.example/1", "2024-07-03", "2024-07-02", "2. Juli"),
            _talks("https://b.example/2", None, "2025-07-02", reference="2025-07-10", **other),
        ]
    )
    assert _groups(store) == [1, 1]


G20 = ("G20", "kb:org:g20")
RIO = ("Rio de Janeiro", "geonames:3451190")
BRAZIL = ("Brasilien", "iso3166:BR")


def _body_summit(
    url: str,
    published: str,
    leader: tuple[str, str],
    *,
    date: str | None = "2024-11-18",
    place: tuple[str, str] | None = RIO,
    etype: str = "summit",
    body: tuple[str, str] = G20,
) -> Record:
    """An account of a summit of ``body`` naming one attending leader."""
    art = _Article(url, published)
    art.entity("e1", "ORG", body[0], kb_id=body[1]).say(" mit ").entity("e2", "PER", leader[0], kb_id=leader[1])
    if place:
        art.say(" in ").entity("p", "LOC", place[0], kb_id=place[1])
    art.say(f" ({url})")
    art.event(etype, ["e1", "e2"], place="p" if place else None, date=date)
    return art.record(url.rsplit("/", 1)[-1])


def test_a_bodys_summit_is_one_whichever_attending_leader_an_outlet_names(store):
    store.ingest(
        [
            _body_summit("https://a.example/1", "2024-11-19", SCHOLZ),
            _body_summit("https://b.example/2", "2024-11-19", MACRON, place=BRAZIL),  # the country of the city
            _body_summit("https://c.example/3", "2024-11-20", MELONI, date=None),  # undated, at the same place
        ]
    )
    (event,) = events(store)
    assert event["sources"] == 3
    reasons = [r for (r,) in store.con.execute("SELECT merge_reason FROM event_sources").fetchall()]
    assert any("the same body's summit" in r for r in reasons)


def test_the_body_alone_does_not_make_one_summit_or_one_meeting(store):
    store.ingest(
        [
            # another day and no place to confirm it: the body alone is not enough
            _body_summit("https://a.example/1", "2024-11-19", SCHOLZ, date="2024-11-18", place=None),
            _body_summit("https://b.example/2", "2024-11-20", MACRON, date="2024-11-19", place=None),
            # meetings with a body's officials are told by who met
            _body_summit(
                "https://c.example/3",
                "2024-12-03",
                SCHOLZ,
                date="2024-12-02",
                etype="meeting",
                body=("Nato", "kb:org:nato"),
            ),
            _body_summit(
                "https://d.example/4",
                "2024-12-03",
                MACRON,
                date="2024-12-02",
                etype="meeting",
                body=("Nato", "kb:org:nato"),
            ),
        ]
    )
    assert _groups(store) == [1, 1, 1, 1]


def test_a_bodys_summit_comes_out_the_same_one_article_at_a_time_in_reverse(store):
    for record in reversed(
        [
            _body_summit("https://a.example/1", "2024-11-19", SCHOLZ),
            _body_summit("https://b.example/2", "2024-11-19", MACRON, place=BRAZIL),
            _body_summit("https://c.example/3", "2024-11-20", MELONI, date=None),
        ]
    ):
        store.ingest([record])
    assert _groups(store) == [3]


USA = ("USA", "iso3166:US")
WASHINGTON = ("Washington", "geonames:4140963")
OTTAWA = ("Ottawa", "geonames:6094817")


def _trip(url: str, published: str, destination: tuple[str, str], date: str | None) -> Record:
    """An account of Scholz's visit to ``destination`` (a country or a city), as a party of the visit."""
    art = _Article(url, published)
    art.entity("e1", "PER", SCHOLZ[0], kb_id=SCHOLZ[1]).say(" besucht ")
    art.entity("e2", "LOC", destination[0], kb_id=destination[1]).say(f" ({url})")
    art.event("visit", ["e1", "e2"], date=date)
    return art.record(url.rsplit("/", 1)[-1])


def test_a_visit_to_the_city_is_the_visit_to_its_country(store):
    store.ingest(
        [
            _trip("https://a.example/1", "2024-02-09", USA, "2024-02-08"),
            _trip("https://b.example/2", "2024-02-09", WASHINGTON, "2024-02-09"),
            _trip("https://c.example/3", "2024-02-10", WASHINGTON, None),
        ]
    )
    assert _groups(store) == [3]


def test_a_visit_to_a_city_of_another_country_or_weeks_later_is_another_visit(store):
    store.ingest(
        [
            _trip("https://a.example/1", "2024-02-09", USA, "2024-02-08"),
            _trip("https://b.example/2", "2024-02-10", OTTAWA, "2024-02-09"),
            _trip("https://c.example/3", "2024-03-09", WASHINGTON, "2024-03-08"),
        ]
    )
    assert _groups(store) == [1, 1, 1]


def _without_any_date(record: Record) -> Record:
    """The same account from an article without publication date or reference date (no window at all)."""
    return Record.model_validate({**record.model_dump(), "published": None, "url": record.url + "-undatiert"})


@pytest.mark.parametrize("first", ["dated", "without date"])
def test_an_account_without_any_date_finds_the_summit_or_visit_in_either_order(store, first):
    # the G20 summit named with another leader, the visit to the US named as a visit to Washington: one
    # article at a time, whichever comes first
    pairs = [
        (
            _body_summit("https://a.example/1", "2024-11-19", SCHOLZ),
            _without_any_date(_body_summit("https://b.example/2", "2024-11-19", MELONI, date=None)),
        ),
        (
            _trip("https://c.example/3", "2024-02-09", USA, "2024-02-08"),
            _without_any_date(_trip("https://d.example/4", "2024-02-09", WASHINGTON, None)),
        ),
    ]
    for dated, undated in pairs:
        for record in (dated, undated) if first == "dated" else (undated, dated):
            store.ingest([record])
    assert _groups(store) == [2, 2]
