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


def test_report_without_any_date_joins_the_single_compatible_event(store):
    # the Swiss follow-up has no publication date and no date of its own: the one Scholz-Macron
    # meeting in the store is the only candidate
    store.ingest([_pair("https://a.example/1", "2024-05-21", date="2024-05-20")])
    store.ingest([_pair("https://c.example/3", None, date=None)])
    assert _sources(store) == [2]
    reason = store.con.execute("SELECT merge_reason FROM event_sources WHERE article_id = 2").fetchone()[0]
    assert "single compatible" in reason
    (event,) = events(store)
    whys = [s["why"] for s in event_detail(store, event["event_id"])["sources"]]
    assert sorted(w.split(":")[0] for w in whys) == ["meet", "new event"]  # `events --id` shows them


def test_report_without_any_date_stays_apart_when_ambiguous_unless_the_place_decides(store):
    store.ingest([
        _pair("https://a.example/1", "2019-06-29", date="2019-06-28", place="Osaka"),
        _pair("https://b.example/2", "2024-05-21", date="2024-05-20", place="Meseberg"),
    ])
    store.ingest([_pair("https://c.example/3", None, date=None)])  # which one? ambiguous: its own event
    assert _sources(store) == [1, 1, 1]
    store.ingest([_pair("https://d.example/4", None, date=None, place="Meseberg")])  # the place decides
    assert _sources(store) == [1, 1, 2]


def test_undated_report_naming_a_further_participant_is_another_meeting(store):
    # "a meeting with Selenskyj too is possible": not the bilateral meeting of the same days
    store.ingest([_pair("https://a.example/1", "2024-05-21", date="2024-05-20")])
    store.ingest([_pair("https://b.example/2", "2024-05-21", date=None, status="possible",
                        extra="Wolodymyr Selenskyj")])
    assert _sources(store) == [1, 1]


def test_undated_report_with_two_dated_candidates_stays_apart(store):
    store.ingest([
        _pair("https://a.example/1", "2024-05-21", date="2024-05-16", place="Paris"),
        _pair("https://b.example/2", "2024-05-21", date="2024-05-20", place="Berlin"),
    ])
    store.ingest([_pair("https://c.example/3", "2024-05-21", date=None)])
    assert _sources(store) == [1, 1, 1]


def test_planned_date_that_moves_by_days_is_one_event_planned_then_happened(store):
    store.ingest([_pair("https://a.example/1", "2024-05-10", date="2024-05-20", status="planned")])
    store.ingest([_pair("https://b.example/2", "2024-05-18", date="2024-05-17")])  # brought forward 3 days
    (event,) = events(store)
    assert event["sources"] == 2 and event["status"] == "happened"
    detail = event_detail(store, event["event_id"])
    assert [s["status"] for s in detail["sources"]] == ["planned", "happened"]
    assert {c["field"] for c in detail["conflicts"]} == {"date"}  # the disagreement stays visible


def test_two_meetings_of_one_pair_on_consecutive_days_at_different_places_stay_apart(store):
    store.ingest([
        _pair("https://a.example/1", "2024-05-22", date="2024-05-20", place="Paris"),
        _pair("https://b.example/2", "2024-05-22", date="2024-05-21", place="Berlin"),
    ])
    assert _sources(store) == [1, 1]


def test_same_day_different_places_is_still_one_event_with_a_place_conflict(store):
    # the other direction: same pair, same day, two places -> one event, the place disputed
    store.ingest([
        _pair("https://a.example/1", "2024-05-22", date="2024-05-20", place="Paris"),
        _pair("https://b.example/2", "2024-05-22", date="2024-05-20", place="Versailles"),
    ])
    (event,) = events(store)
    assert {c["field"] for c in event_detail(store, event["event_id"])["conflicts"]} == {"place"}


def test_unlinked_venue_and_a_known_region_do_not_block_the_same_participants(store):
    # the gazetteer knows the country, not the venue: it may lie inside, so it neither confirms nor blocks
    store.ingest([
        _pair("https://a.example/1", "2024-05-18", date=None, status="planned", place="Schloss Meseberg"),
        _pair("https://b.example/2", "2024-05-21", date="2024-05-20", place="Deutschland", place_kb="iso3166:DE"),
    ])
    assert _sources(store) == [2]


def test_unlinked_venue_with_other_participants_stays_a_different_place(store):
    store.ingest([
        _pair("https://a.example/1", "2024-06-02", date="2024-06", place="Kananaskis", etype="summit",
              extra="Justin Trudeau"),
        _pair("https://b.example/2", "2024-06-06", date="2024-06-05", place="Deutschland", place_kb="iso3166:DE"),
    ])
    assert _sources(store) == [1, 1]


def test_dated_report_does_not_join_an_event_that_stayed_apart_as_ambiguous(store):
    # whichever arrives first: a report without any date is ambiguous among two dated meetings of the pair,
    # and a dated report that arrives after it does not make that choice for it
    store.ingest([_pair("https://c.example/3", None, date=None)])  # no window at all
    store.ingest([_pair("https://a.example/1", "2019-06-29", date="2019-06-28", place="Osaka")])
    assert _sources(store) == [2]  # the single compatible event, as if the dated report had come first
    store.ingest([_pair("https://b.example/2", "2024-05-21", date="2024-05-20", place="Meseberg")])
    assert _sources(store) == [1, 1, 1]  # now ambiguous: it leaves Osaka


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


def test_article_without_publication_date_is_placed_by_its_inferred_reference_date(store):
    from newsgraph.record import ReferenceDate

    store.ingest([
        _pair("https://a.example/1", "2019-06-29", date="2019-06-28"),
        _pair("https://b.example/2", "2024-05-21", date="2024-05-20"),
    ])
    follow_up = _pair("https://c.example/3", None, date=None)
    follow_up.reference_date = ReferenceDate(value="2024-05-22", source="inferred", reason="weekday and terms")
    store.ingest([follow_up])  # without the reference date: two candidates, ambiguous
    assert _sources(store) == [1, 2]
    anchor = store.con.execute("SELECT anchor_date FROM event_sources WHERE article_id = 3").fetchone()[0]
    assert str(anchor) == "2024-05-22"


def test_article_without_any_date_is_at_least_as_late_as_the_events_it_joined(store):
    store.ingest([
        _pair("https://a.example/1", "2019-06-29", date="2019-06-28", place="Osaka"),
        _pair("https://b.example/2", "2024-05-21", date="2024-05-20", place="Meseberg"),
    ])
    art = _Article("https://c.example/3", None)
    art.entity("e1", "PER", "Olaf Scholz").say(" und ").entity("e2", "PER", "Emmanuel Macron").say(" in ")
    art.entity("e3", "LOC", "Meseberg").event("meeting", ["e1", "e2"], place="e3")  # the place decides
    art.say("Die Gespräche von Scholz und Macron ").event("talks", ["e1", "e2"])  # no place: by the article's time
    store.ingest([art.record("c")])
    assert _sources(store) == [1, 2]  # both accounts of the undated article joined the 2024 meeting
    rows = store.con.execute("SELECT DISTINCT event_id FROM event_sources WHERE article_id IN (2, 3)").fetchall()
    assert len(rows) == 1


def test_two_unlinked_names_of_one_venue_nest(store):
    store.ingest([
        _pair("https://a.example/1", "2024-05-21", date="2024-05-20", place="Deutschland", place_kb="iso3166:DE"),
        _pair("https://b.example/2", "2024-05-21", date="2024-05-20", place="Schloss Meseberg"),
    ])
    store.ingest([_pair("https://c.example/3", "2024-05-19", date=None, status="planned", place="Meseberg")])
    assert _sources(store) == [3]


def test_undated_announcement_joins_the_single_announced_candidate(store):
    store.ingest([
        _pair("https://a.example/1", "2024-05-15", date="2024-05-20", status="planned", place="Paris"),
        _pair("https://b.example/2", "2024-05-22", date="2024-05-19", place="Berlin"),
    ])
    # "Scholz will meet Macron": of the two meetings of those days only the Paris one was announced
    store.ingest([_pair("https://c.example/3", "2024-05-16", date=None, status="planned")])
    assert _sources(store) == [1, 2]
    (paris,) = [e for e in events(store) if e["sources"] == 2]
    assert paris["place"] == "Paris"


def test_linked_entity_is_shown_by_the_knowledge_base_name_with_the_article_forms_as_aliases(store):
    from newsgraph.store import find_entities, timeline

    art = _Article("https://a.example/1", "2021-05-25")
    art.entity("e1", "PER", "Patrushev", kb_id="kb:per:nikolai-patrushev").say(" und ")
    art.entity("e2", "PER", "Jake Sullivan").say(" in ").entity("e3", "LOC", "Genf")
    art.event("meeting", ["e1", "e2"], place="e3", date="2021-05-24")
    store.ingest([art.record("a")])
    (entity,) = [e for e in find_entities(store, "Patrushev") if e["type"] == "PER"]
    assert entity["name"] == "Nikolai Patrushev"
    (event,) = timeline(store, "Nikolai Patrushev")["events"]
    assert "Nikolai Patrushev" in event["participants"]
    (edge,) = network(store)["edges"]
    assert "Nikolai Patrushev" in (edge["source_name"], edge["target_name"])
    aliases = {r[0] for r in store.con.execute("SELECT alias FROM entity_aliases").fetchall()}
    assert {"Patrushev", "Nikolai Patrushev"} <= aliases


def test_timeline_table_fits_an_80_column_terminal(tmp_path):
    from typer.testing import CliRunner

    from newsgraph.store.cli import store_app

    db = tmp_path / "news.duckdb"
    with Store(db) as opened:
        opened.ingest([
            _pair("https://a.example/1", "2024-05-21", date="2024-05-20", place="Schloss Meseberg"),
            _pair("https://b.example/2", "2024-07-01", date=None, status="planned", extra="Giorgia Meloni"),
        ])
    result = CliRunner().invoke(store_app, ["timeline", "Scholz", "--db", str(db)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert any("Emmanuel Macron" in line and "meeting" in line for line in lines)  # one row, not folded apart


def _reception_and_summit(store: Store) -> None:
    """Saturday: Scholz receives Macron at Downing Street; Sunday: the summit of the three at Lancaster House."""
    store.ingest([
        _pair("https://a.example/1", "2024-05-20", date="2024-05-18", place="Downing Street",
              place_kb="venue:10_Downing_Street"),
        _pair("https://b.example/2", "2024-05-20", date="2024-05-19", place="Lancaster House",
              place_kb="venue:Lancaster_House", etype="summit", extra="Keir Starmer"),
    ])


def test_report_whose_date_agrees_joins_that_event_over_one_naming_the_same_pair(store):
    # a preview "Scholz and Macron meet in London on Sunday" is the summit, although it names only the pair
    _reception_and_summit(store)
    store.ingest([_pair("https://c.example/3", "2024-05-17", date="2024-05-19", status="planned", place="London",
                        place_kb="geonames:2643743")])
    assert _sources(store) == [1, 2]
    (summit,) = [e for e in events(store) if e["sources"] == 2]
    assert summit["date"] == "2024-05-19"


def test_report_whose_date_agrees_with_the_pair_meeting_still_joins_it(store):
    # the other direction: a report of the Saturday reception stays with the reception
    _reception_and_summit(store)
    store.ingest([_pair("https://c.example/3", "2024-05-20", date="2024-05-18", place="London",
                        place_kb="geonames:2643743")])
    (reception,) = [e for e in events(store) if e["sources"] == 2]
    assert reception["date"] == "2024-05-18"


def _body_summit(url: str, published: str, *, leaders: bool, status: str) -> Record:
    """A report of the Nato summit in Den Haag, naming only the alliance or also two leaders attending."""
    art = _Article(url, published)
    art.entity("e1", "ORG", "Nato", kb_id="kb:org:nato")
    participants = ["e1"]
    if leaders:
        art.say(" mit ").entity("e2", "PER", "Olaf Scholz").say(" und ").entity("e3", "PER", "Emmanuel Macron")
        participants += ["e2", "e3"]
    art.say(" in ").entity("e4", "LOC", "Den Haag", kb_id="geonames:2747373")
    art.event("summit", participants, place="e4", status=status)
    return art.record(url.rsplit("/", 1)[-1])


def test_undated_summit_of_a_body_takes_the_leaders_another_outlet_names_as_attending(store):
    store.ingest([_body_summit("https://a.example/1", "2024-05-20", leaders=False, status="planned")])
    store.ingest([_body_summit("https://b.example/2", "2024-05-21", leaders=True, status="planned")])
    assert _sources(store) == [2]


def test_undated_report_at_the_events_own_venue_reaches_it_whatever_its_status_says(store):
    # a follow-up calls the coming summit at Kananaskis past: its window points back, the venue decides
    store.ingest([_pair("https://a.example/1", "2024-06-01", date="2024-06-15", status="planned", etype="summit",
                        place="Kananaskis")])
    store.ingest([_pair("https://c.example/3", "2024-06-06", date=None, etype="summit", place="Kananaskis")])
    assert _sources(store) == [2]
    reason = store.con.execute("SELECT merge_reason FROM event_sources WHERE article_id = 2").fetchone()[0]
    assert "own place" in reason


def test_undated_report_naming_only_the_country_does_not_reach_beyond_its_window(store):
    store.ingest([_pair("https://a.example/1", "2024-06-01", date="2024-06-15", status="planned", etype="summit",
                        place="Kanada", place_kb="iso3166:CA")])
    store.ingest([_pair("https://c.example/3", "2024-06-06", date=None, etype="summit", place="Kanada",
                        place_kb="iso3166:CA")])
    assert _sources(store) == [1, 1]


def test_a_source_naming_the_reports_very_place_confirms_it_despite_another_sources_place(store):
    store.ingest([_pair("https://a.example/1", "2024-06-01", date="2024-06", status="planned", etype="summit",
                        place="Kananaskis", extra="Keir Starmer")])
    # one outlet places the summit wrongly (same three people, no date: it joins, the place is disputed)
    store.ingest([_pair("https://b.example/2", "2024-06-05", date=None, etype="summit", place="Weißes Haus",
                        place_kb="venue:White_House", extra="Keir Starmer")])
    assert _sources(store) == [2]
    # a third names two of them at Kananaskis: the first source's place, not "a different place"
    art = _Article("https://c.example/3", "2024-06-05")
    art.entity("e1", "PER", "Olaf Scholz").say(" und ").entity("e2", "PER", "Keir Starmer").say(" in ")
    art.entity("e3", "LOC", "Kananaskis").event("summit", ["e1", "e2"], place="e3")
    store.ingest([art.record("c")])
    assert _sources(store) == [3]


def _two_days_in_one_article() -> Record:
    art = _Article("https://a.example/1", "2024-05-22")
    for day in ("2024-05-20", "2024-05-21"):  # "met on Monday, and again on Tuesday"
        art.entity("e1", "PER", "Olaf Scholz").say(" und ").entity("e2", "PER", "Emmanuel Macron")
        art.event("meeting", ["e1", "e2"], date=day)
    return art.record("a")


def test_one_articles_meetings_of_a_pair_on_two_days_stay_two_events(store):
    store.ingest([_two_days_in_one_article()])
    assert _sources(store) == [1, 1]
    # another outlet's report of the Tuesday meeting joins that one
    store.ingest([_pair("https://b.example/2", "2024-05-22", date="2024-05-21")])
    (tuesday,) = [e for e in events(store) if e["sources"] == 2]
    assert tuesday["date"] == "2024-05-21"


def test_one_articles_two_accounts_of_one_day_are_one_event(store):
    # the other direction: "talks" and "meeting" of the same pair on the same day are one happening
    art = _Article("https://a.example/1", "2024-05-22")
    art.entity("e1", "PER", "Olaf Scholz").say(" und ").entity("e2", "PER", "Emmanuel Macron")
    art.event("meeting", ["e1", "e2"], date="2024-05-20").say("Die Gespräche ").event("talks", ["e1", "e2"],
                                                                                        date="2024-05-20")
    store.ingest([art.record("a")])
    assert _sources(store) == [1]


SOCHI, BLACK_SEA, LONDON = "geonames:491422", "region:Black_Sea", "geonames:2643743"


def _sochi(url: str, published: str, *, date: str | None, town_as_party: bool, place: str = "Sotschi",
           place_kb: str = SOCHI, guest: str = "Recep Tayyip Erdoğan") -> Record:
    """Putin receives a guest; ``town_as_party``: the outlet's extraction reads the town as a third party and
    the region (``the Black Sea resort of Sochi``) as the place."""
    art = _Article(url, published)
    art.entity("e1", "PER", "Wladimir Putin").say(" empfängt ").entity("e2", "PER", guest)
    if town_as_party:
        art.say(" am ").entity("e3", "LOC", "Schwarzen Meer", kb_id=BLACK_SEA)
        art.say(" in ").entity("e4", "LOC", "Sochi", kb_id=SOCHI)
        art.event("meeting", ["e1", "e2", "e4"], place="e3", date=date)
    else:
        art.say(" in ").entity("e3", "LOC", place, kb_id=place_kb)
        art.event("meeting", ["e1", "e2"], place="e3", date=date)
    return art.record(url.rsplit("/", 1)[-1])


def test_a_town_read_as_a_party_is_the_place_another_outlet_names(store):
    store.ingest([_sochi("https://a.example/1", "2024-09-05", date="2024-09-04", town_as_party=False)])
    store.ingest([_sochi("https://b.example/2", "2024-09-04", date="2024-09-04", town_as_party=True)])
    (event,) = events(store)
    assert event["sources"] == 2
    assert sorted(event["participants"]) == ["Recep Tayyip Erdoğan", "Wladimir Putin"]  # Sochi is no party
    assert not event_detail(store, event["event_id"])["conflicts"]


def test_a_visits_destination_town_stays_its_party(store):
    # "Scholz will nach London weiterreisen" (a visit: Scholz and London) is not Scholz's planned meeting
    # with Macron of the same days, although London is the visit's place too
    store.ingest([_pair("https://a.example/1", "2024-05-16", date=None, status="planned")])
    art = _Article("https://b.example/2", "2024-05-16")
    art.entity("e1", "PER", "Olaf Scholz").say(" reist weiter nach ").entity("e2", "LOC", "London", kb_id=LONDON)
    art.event("visit", ["e1", "e2"], place="e2", status="planned")
    store.ingest([art.record("b")])
    assert _sources(store) == [1, 1]


def test_a_region_neither_confirms_nor_rules_out_a_town_for_the_same_people(store):
    # the gazetteers do not say which towns lie on the Black Sea: a day apart, same two people, one event
    store.ingest([_sochi("https://a.example/1", "2024-09-05", date="2024-09-04", town_as_party=False)])
    store.ingest([_sochi("https://b.example/2", "2024-09-06", date="2024-09-05", town_as_party=False,
                         place="Schwarzen Meer", place_kb=BLACK_SEA)])
    assert _sources(store) == [2]


def test_a_region_against_a_town_with_other_people_stays_apart(store):
    store.ingest([_sochi("https://a.example/1", "2024-09-05", date="2024-09-04", town_as_party=False)])
    # Putin with another guest on the Black Sea the next day: other participants, so the place is not given away
    art = _Article("https://b.example/2", "2024-09-06")
    art.entity("e1", "PER", "Wladimir Putin").say(" und ").entity("e2", "PER", "Recep Tayyip Erdoğan")
    art.say(" und ").entity("e5", "PER", "Alexander Lukaschenko")
    art.say(" am ").entity("e3", "LOC", "Schwarzen Meer", kb_id=BLACK_SEA)
    art.event("meeting", ["e1", "e2", "e5"], place="e3", date="2024-09-05")
    store.ingest([art.record("b")])
    assert _sources(store) == [1, 1]


def _report_with_a_further_plan(url: str, published: str | None) -> Record:
    """A report of the Scholz-Macron meeting of 20 May that also says they want to meet again (no date)."""
    art = _Article(url, published)
    art.entity("e1", "PER", "Olaf Scholz").say(" und ").entity("e2", "PER", "Emmanuel Macron")
    art.event("meeting", ["e1", "e2"], date="2024-05-20").say("Sie wollen sich wieder treffen")
    art.event("meeting", ["e1", "e2"], status="planned")
    return art.record(url.rsplit("/", 1)[-1])


def test_an_articles_undated_announcement_is_not_the_meeting_it_reports_as_happened(store):
    store.ingest([_report_with_a_further_plan("https://a.example/1", "2024-05-21")])
    assert _sources(store) == [1, 1]
    reason = store.con.execute("SELECT merge_reason FROM event_sources WHERE local_id = 'ev2'").fetchone()[0]
    assert reason.startswith("new event")


def test_another_articles_undated_announcement_still_joins_the_meeting(store):
    # the other direction: a preview from the days before is the meeting (history planned -> happened)
    store.ingest([_pair("https://a.example/1", "2024-05-18", date=None, status="planned")])
    store.ingest([_pair("https://b.example/2", "2024-05-21", date="2024-05-20")])
    (event,) = events(store)
    assert event["sources"] == 2 and event["status"] == "happened"
    assert [s["status"] for s in event_detail(store, event["event_id"])["sources"]] == ["planned", "happened"]


def test_a_report_that_came_before_its_event_was_known_joins_it(store):
    # the "possible" report of 19 June fits no event of the first report alone (its window looks ahead, the
    # first report's back); the report of 21 June widens the event's window, and then it joins: merged as
    # announcements after reports, whatever the order of the articles
    store.ingest([
        _pair("https://a.example/1", "2024-06-16", date=None, place="Paris", place_kb="geonames:2988507"),
        _pair("https://b.example/2", "2024-06-19", date=None, status="possible"),
        _pair("https://c.example/3", "2024-06-21", date=None, place="Paris", place_kb="geonames:2988507"),
    ])
    assert _sources(store) == [3]


def test_a_second_look_keeps_two_meetings_of_one_pair_apart(store):
    # the other direction, in one batch: a dated meeting elsewhere a week later is still another meeting
    store.ingest([
        _pair("https://a.example/1", "2024-06-16", date="2024-06-14", place="Paris", place_kb="geonames:2988507"),
        _pair("https://b.example/2", "2024-06-22", date="2024-06-21", place="London", place_kb=LONDON),
        _pair("https://c.example/3", "2024-06-22", date=None),
    ])
    assert _sources(store) == [1, 1, 1]


def _met(url: str, published: str, guest: str, *, guest_kb: str | None = None, host: str = "Olaf Scholz") -> Record:
    art = _Article(url, published)
    art.entity("e1", "PER", host).say(" traf ").entity("e2", "PER", guest, kb_id=guest_kb).say(f" ({url})")
    art.event("meeting", ["e1", "e2"], date="2024-05-20")
    return art.record(url.rsplit("/", 1)[-1])


def _shown_everywhere(store: Store, path, name: str) -> None:
    """The name in the CLI's queries (DuckDB) and in the web pages' read model (rebuilt the same)."""
    from newsgraph.store import find_entities, timeline
    from newsgraph.store import readmodel as rm
    from newsgraph.web import access

    assert name in {e["name"] for e in find_entities(store, name)}
    (event,) = timeline(store, name)["events"]
    assert name in event["participants"]
    (edge,) = network(store)["edges"]
    assert name in (edge["source_name"], edge["target_name"])
    db = access.StoreAccess(path)
    try:
        view = db.view()
        (page_event,) = json_events(rm.timeline(view.rm, name)["events"])
        assert name in page_event["participants"]
        (page_edge,) = json_events(access.network(view, actor=None, since=None, until=None, min_count=1,
                                                  limit=10)["edges"])
        assert name in (page_edge["source_name"], page_edge["target_name"])
    finally:
        db.close()


def json_events(raw: str) -> list[dict]:
    import json

    return json.loads(raw)


def test_an_entity_is_shown_by_its_most_complete_form_not_the_first_seen(tmp_path):
    path = tmp_path / "news.duckdb"
    with Store(path) as store:
        store.ingest([_met("https://a.example/1", "2024-05-21", "Recep Tayyip Erdogan")])
        store.ingest([_met("https://b.example/2", "2024-05-21", "Recep Tayyip Erdoğan")])
        _shown_everywhere(store, path, "Recep Tayyip Erdoğan")
        from newsgraph.store import find_entities

        (found,) = find_entities(store, "Recep Tayyip Erdogan")  # the article's own form still finds it
        assert found["name"] == "Recep Tayyip Erdoğan"


def test_a_less_complete_form_read_later_does_not_rename(store):
    store.ingest([_met("https://a.example/1", "2024-05-21", "Recep Tayyip Erdoğan")])
    store.ingest([_met("https://b.example/2", "2024-05-21", "Recep Tayyip Erdogan")])
    names = {r[0] for r in store.con.execute("SELECT name FROM entities WHERE type = 'PER'").fetchall()}
    assert names == {"Olaf Scholz", "Recep Tayyip Erdoğan"}


def test_an_entity_linked_by_a_later_article_is_shown_by_the_knowledge_base_name(tmp_path):
    path = tmp_path / "news.duckdb"
    with Store(path) as store:
        store.ingest([_met("https://a.example/1", "2024-05-21", "Wladimir Putin")])
        store.ingest([_met("https://b.example/2", "2024-05-21", "Wladimir Putin", guest_kb="kb:per:vladimir-putin")])
        _shown_everywhere(store, path, "Vladimir Putin")


def _week_of_reports() -> list[Record]:
    """Five outlets on Scholz and Macron: a preview whose date moves by a day, the report of the meeting, a
    follow-up without any date, a possible meeting of three, and their next meeting months later elsewhere."""
    return [
        _pair("https://a.example/1", "2024-05-10", date="2024-05-20", status="planned", place="Berlin",
              place_kb="geonames:2950159"),
        _pair("https://b.example/2", "2024-05-20", date="2024-05-19", place="Berlin", place_kb="geonames:2950159"),
        _pair("https://c.example/3", None, date=None),
        _pair("https://d.example/4", "2024-05-21", date=None, status="possible", extra="Donald Tusk"),
        _pair("https://e.example/5", "2024-09-04", date="2024-09-03", place="Paris", place_kb="geonames:2988507"),
    ]


def _grouping(store: Store) -> set[tuple[str, frozenset[str]]]:
    """Each event's status and the URLs of its sources: what must not depend on the ingest order."""
    rows = store.con.execute(
        "SELECT e.status, list(a.url ORDER BY a.url) FROM events e JOIN event_sources s USING (event_id) "
        "JOIN articles a USING (article_id) GROUP BY e.event_id, e.status").fetchall()
    return {(status, frozenset(urls)) for status, urls in rows}


@pytest.mark.parametrize("order", [
    "batch", "reversed batch", "one by one", "one by one reversed", "3,1,4,0,2", "undated first", "in two batches"])
def test_the_events_do_not_depend_on_the_order_or_batches_the_articles_came_in(tmp_path, order):
    records = _week_of_reports()
    with Store(tmp_path / "one.duckdb") as reference:
        reference.ingest(records)
        expected = _grouping(reference)
    # the preview and the report are one event, planned -> happened; the follow-up without any date could be
    # either meeting of the pair (May or September) and stays apart; the meeting of three is another one
    assert expected == {("happened", frozenset({"https://a.example/1", "https://b.example/2"})),
                        ("happened", frozenset({"https://c.example/3"})), ("possible", frozenset({"https://d.example/4"})),
                        ("happened", frozenset({"https://e.example/5"}))}
    batches = {
        "batch": [records],
        "reversed batch": [records[::-1]],
        "one by one": [[r] for r in records],
        "one by one reversed": [[r] for r in records[::-1]],
        "3,1,4,0,2": [[records[i]] for i in (3, 1, 4, 0, 2)],
        "undated first": [[records[2]], [records[3]], [records[4]], [records[1]], [records[0]]],
        "in two batches": [records[2:], records[:2]],
    }[order]
    with Store(tmp_path / "two.duckdb") as store:
        for batch in batches:
            store.ingest(batch)
        assert _grouping(store) == expected
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == len(expected)  # none left over


def test_a_quote_follows_its_account_to_the_event_a_later_batch_moves_it_to(tmp_path):
    import sqlite3

    from newsgraph.store.fts import index_path

    from .test_store_readmodel import _tables

    art = _Article("https://c.example/3", None)
    art.entity("e1", "PER", "Olaf Scholz").say(" und ").entity("e2", "PER", "Emmanuel Macron")
    art.event("meeting", ["e1", "e2"]).quote("e1", "Wir haben gut gesprochen")
    follow_up = art.record("c")
    follow_up.quotes[0].event = "ev1"
    path = tmp_path / "news.duckdb"
    with Store(path) as store:
        store.ingest([follow_up])
        store.ingest([_pair("https://a.example/1", "2019-06-29", date="2019-06-28", place="Osaka")])
        assert _sources(store) == [2]
        store.ingest([_pair("https://b.example/2", "2024-05-20", date="2024-05-20", place="Meseberg")])
        assert _sources(store) == [1, 1, 1]  # the follow-up is ambiguous now: it left the Osaka meeting
        (own,) = store.con.execute("SELECT event_id FROM event_sources WHERE article_id = 1").fetchone()
        assert store.con.execute("SELECT event_id FROM quotes").fetchall() == [(own,)]
    with sqlite3.connect(index_path(path)) as sq:
        assert sq.execute("SELECT event_id FROM quote_meta").fetchall() == [(own,)]
    incremental = _tables(path)
    with sqlite3.connect(index_path(path)) as sq:  # an index of an older layout: dropped, rebuilt on open
        sq.execute("UPDATE index_state SET value = 'newsgraph-quotes/1' WHERE key = 'format'")
    Store(path).close()
    assert _tables(path) == incremental


def test_a_neighbourhood_too_large_to_merge_again_takes_the_batch_as_it_comes(tmp_path, monkeypatch):
    # beyond REMERGE_LIMIT stored reports the batch merges into the stored events without moving them
    monkeypatch.setattr(Store, "REMERGE_LIMIT", 1)
    records = _week_of_reports()
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest(records[:2])
        store.ingest(records[2:])
        groups = _grouping(store)
        assert ("happened", frozenset({"https://a.example/1", "https://b.example/2"})) in groups
        assert sum(len(urls) for _, urls in groups) == 5  # every account in exactly one event
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == len(groups)


def test_six_outlets_of_one_meeting_are_one_event_in_any_order(tmp_path):
    # a preview for Tuesday, reports that it happened on Monday (in France, in Paris, at the Élysée, an
    # unlinked venue), an undated follow-up and a copy without any date: one event, whatever comes first
    import random

    records = [
        _pair("https://p.example/1", "2024-03-04", date="2024-03-05", status="planned", place="Paris",
              place_kb="geonames:2988507"),
        _pair("https://a.example/2", "2024-03-05", date="2024-03-04", place="Frankreich", place_kb="iso3166:FR"),
        _pair("https://b.example/3", "2024-03-05", date="2024-03-04", place="Paris", place_kb="geonames:2988507"),
        _pair("https://c.example/4", "2024-03-05", date=None),
        _pair("https://d.example/5", None, date=None, place="Paris", place_kb="geonames:2988507"),
        _pair("https://e.example/6", "2024-03-06", date="2024-03-04", place="Élysée"),
    ]
    shuffle = random.Random(1).shuffle
    for attempt in range(8):
        order = records[:]
        shuffle(order)
        with Store(tmp_path / f"news{attempt}.duckdb") as store:
            for record in order:
                store.ingest([record])
            ((status, urls),) = _grouping(store)
        assert status == "happened" and len(urls) == 6, [r.url for r in order]
