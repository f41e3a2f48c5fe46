"""Fresh multi-outlet mini-clusters through the whole pipeline and the store (issue 19, session 13).

``tests/fixtures/store_clusters/<name>/``: three or four short reports of one invented meeting each,
written for these tests (agency preview, newspaper report, a Swiss copy without dates, an English wire),
with the disagreements real coverage has: country vs city vs venue, preview vs report, undated copies,
German and English name forms (``Koscherbajew`` = ``Kosherbayev``, ``Lawrow`` = ``Lavrov``), and the
negative clusters: one pair meeting twice a month apart, two ministers' meetings in one city on one day.
``cluster.json`` lists the meetings each cluster must give, with the articles that report them (and, where
the cluster has two meetings of one pair, their places), and the accounts the pipeline is known to get wrong
(``extraction_gaps``: article, date and place of the wrong account), which must only stay out of the others, and
which meeting an article's accounts without a date tell where their dates cannot say (``undated``: article ->
meeting index).
Session 14 added vienna-chancellery, tehran-transliterated, kyiv-then-vienna and bern-week-then-day; session 15
carney-berlin-three, sochi-residence, sochi-a-year-apart, wadephul-kyiv-twice and modi-france-two-days, and a
test that ingests every cluster into one store (nothing may merge across clusters). Session 16 added
ankara-states-for-leaders, whose meeting gives ``states``: an account naming every one of them (the states named
for the leaders who met) is that meeting's too, paris-twice-in-three-days (an account giving one meeting's very
day is that meeting's), brussels-again-on-thursday and moscow-vice-ministers (a participant the KB does not know
listed by its romanisations, ``|``-separated).

A meeting's accounts (a call's, where the cluster gives the type) are the store's accounts (``event_sources``)
of its merge group whose participants
include every one of the cluster's people (by KB id, else the transliteration key of a name) and whose date
does not contradict the cluster's. They must lie in exactly one store event, which holds no account of
another of the cluster's meetings. What the pipeline does not extract is not asserted here (a Swiss copy
naming the chancellor by his office alone); the store's part is.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

duckdb = pytest.importorskip("duckdb", reason="the store needs the `store` extra (duckdb)")

from newsgraph.api import extract  # noqa: E402
from newsgraph.kb import load_kb  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.store.merge import load_rules, parse_date_value  # noqa: E402
from newsgraph.store.names import name_key  # noqa: E402

from .test_store import _Article  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "store_clusters"
CLUSTERS = sorted(p.name for p in FIXTURES.iterdir() if (p / "cluster.json").exists())


def _cases() -> list[object]:
    """The clusters as test cases; one whose ``cluster.json`` names an ``xfail`` reason (extraction gaps that
    keep its meetings apart whatever the store does) is expected to fail until the pipeline reads it."""
    cases = []
    for name in CLUSTERS:
        reason = json.loads((FIXTURES / name / "cluster.json").read_text(encoding="utf-8")).get("xfail")
        cases.append(pytest.param(name, marks=pytest.mark.xfail(reason=reason, strict=True)) if reason else name)
    return cases


@cache
def _records(name: str) -> tuple[object, ...]:
    """The cluster's articles through the whole pipeline, once per test session (the tests only read them)."""
    folder = FIXTURES / name
    cluster = json.loads((folder / "cluster.json").read_text(encoding="utf-8"))
    return tuple(
        extract((folder / doc).read_text(encoding="utf-8"), lang=meta["language"], published=meta["published"], id=doc)
        for doc, meta in sorted(cluster["articles"].items())
    )


def _ingest(name: str, tmp_path: Path) -> tuple[Store, dict, dict[int, str]]:
    folder = FIXTURES / name
    cluster = json.loads((folder / "cluster.json").read_text(encoding="utf-8"))
    records = list(_records(name))
    store = Store(tmp_path / "news.duckdb")
    store.ingest(records)
    doc_of = {int(a): str(r) for a, r in store.con.execute("SELECT article_id, record_id FROM articles").fetchall()}
    # the same articles one by one, in their order and reversed: the same events (the store's promise that
    # order and batches never decide; an undated copy must find the dated report that came before it)
    for i, batches in enumerate(([[r] for r in records], [[r] for r in reversed(records)])):
        with Store(tmp_path / f"order{i}.duckdb") as other:
            for batch in batches:
                other.ingest(batch)
            assert _partition(other) == _partition(store), f"{name}: the events depend on the ingest order"
    return store, cluster, doc_of


def _partition(store: Store) -> list[list[tuple[str, str]]]:
    """The store's events as sets of (record id, account id), whatever their ids."""
    events: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for event_id, record_id, local_id in store.con.execute(
        "SELECT s.event_id, a.record_id, s.local_id FROM event_sources s JOIN articles a USING (article_id)"
    ).fetchall():
        events[int(event_id)].add((str(record_id), str(local_id)))
    return sorted(sorted(accounts) for accounts in events.values())


def _people(store: Store, names: list[str], label: str = "PER") -> list[set[int]]:
    """Global entity ids per cluster name: by the KB's link of the name (``label``: its entity type), else by any
    alias's key."""
    kb = load_kb("starter")
    out = []
    for forms in names:
        found: set[int] = set()
        # a participant the KB does not know may be listed by its romanisations, ``|``-separated: one person
        for name in forms.split("|"):
            found |= {
                int(e)
                for (e,) in store.con.execute(
                    "SELECT entity_id FROM entity_aliases WHERE alias_key = ?", [name_key(name)]
                ).fetchall()
            }
            kb_id = kb.link(name, label)
            if kb_id:
                found |= {
                    int(e)
                    for (e,) in store.con.execute("SELECT entity_id FROM entities WHERE kb_id = ?", [kb_id]).fetchall()
                }
        out.append(found)
    return out


def _fits(date: str, value: str | None) -> bool:
    """Whether an account's date does not contradict the cluster's day (a planned day may move by days)."""
    parsed = parse_date_value(value)
    if parsed is None:
        return True
    day = dt.date.fromisoformat(date)
    return parsed[0] - dt.timedelta(days=3) <= day <= parsed[1] + dt.timedelta(days=3)


@pytest.mark.parametrize("name", _cases())
def test_each_meeting_of_a_fresh_cluster_is_one_store_event(name, tmp_path):
    store, cluster, doc_of = _ingest(name, tmp_path)
    rules = load_rules()
    rows = store.con.execute(
        "SELECT event_id, article_id, type, participants, date_value, place_entity_id FROM event_sources"
    ).fetchall()
    place_keys: dict[int, set[str]] = defaultdict(set)
    for entity_id, key in store.con.execute("SELECT entity_id, alias_key FROM entity_aliases").fetchall():
        place_keys[int(entity_id)].add(key)
    people = [_people(store, meeting["participants"]) for meeting in cluster["events"]]
    # an outlet may name the states for their leaders ("Polen und die Türkei haben Gespräche geführt"): where the
    # cluster gives a meeting's ``states``, an account naming every one of them is that meeting's too
    states = [_people(store, meeting.get("states", []), "LOC") for meeting in cluster["events"]]
    for meeting, ids in zip(cluster["events"], people, strict=True):
        assert all(ids), f"{name}: a participant of {meeting['participants']} is not in the store"
    for meeting, ids in zip(cluster["events"], states, strict=True):
        assert all(ids), f"{name}: a state of {meeting.get('states')} is not in the store"
    # each account to the one cluster meeting it fits (of those, the one of most people); one that fits two
    # (an undated account of a pair that meets twice) is not asserted on
    accounts: list[list[tuple[int, str]]] = [[] for _ in cluster["events"]]
    # accounts the pipeline gets wrong (``extraction_gaps``: a recalled meeting dated by the article's day) are
    # not asserted to join their meeting, only to stay out of every other meeting's event
    gaps = {(g["article"], g["date"], name_key(g["place"])) for g in cluster.get("extraction_gaps", ())}
    gap_events: set[int] = set()
    for event_id, article, etype, parts, value, place in rows:
        if any((doc_of[int(article)], value, key) in gaps for key in place_keys[place] if place is not None):
            gap_events.add(int(event_id))
            continue
        fits = [
            i
            for i, meeting in enumerate(cluster["events"])
            if rules.group(etype) == rules.group(meeting.get("type", "meeting"))
            and (
                all(ids & {int(p) for p in parts} for ids in people[i])
                or (states[i] and all(ids & {int(p) for p in parts} for ids in states[i]))
            )
            and _fits(meeting["date"], value)
        ]
        # an account naming all three of a meeting of three is that meeting, not the pair's meeting within it
        most = max((len(people[i]) for i in fits), default=0)
        fits = [i for i in fits if len(people[i]) == most]
        # ... and where the cluster gives places, an account naming one is the meeting there
        there = [
            i
            for i in fits
            if place is not None and name_key(cluster["events"][i].get("place", "")) in place_keys[place]
        ]
        fits = there or fits
        # ... and an account giving one meeting's very day is that meeting's (a pair meeting twice in one city
        # two days apart: each account's day fits both within the slack a planned day may move by)
        day = parse_date_value(value)
        exact = [
            i
            for i in fits
            if day is not None and day[0] == day[1] == dt.date.fromisoformat(cluster["events"][i]["date"])
        ]
        fits = exact or fits
        # ... and where the cluster says which meeting an article's accounts without a date tell (``undated``:
        # article -> meeting index), they are that meeting's
        told = cluster.get("undated", {}).get(doc_of[int(article)])
        if value is None and told is not None and told in fits:
            fits = [told]
        if len(fits) == 1:
            accounts[fits[0]].append((int(event_id), doc_of[int(article)]))
    holders: list[set[int]] = []
    for meeting, found in zip(cluster["events"], accounts, strict=True):
        held = {e for e, _ in found}
        assert len(held) == 1, f"{name}: {meeting['participants']} {meeting['date']} split over {found}"
        holders.append(held)
    for i, held in enumerate(holders):
        for j in range(i + 1, len(holders)):
            assert not held & holders[j], f"{name}: meetings {i} and {j} merged"
        assert not held & gap_events, f"{name}: a wrong account of another meeting merged into meeting {i}"


def test_a_capital_linked_by_the_kb_and_by_the_gazetteer_is_one_place(tmp_path):
    # the pipeline links "Peking" in a body by the gazetteer and a headline's "Beijing" by the starter KB:
    # one city, so the undated headline account at it is the dated account at the gazetteer's Beijing
    def report(url: str, place_kb: str, date: str | None) -> object:
        art = _Article(url, "2025-04-09")
        art.entity("e1", "PER", "Sergey Lavrov", kb_id="kb:per:sergey-lavrov").say(" und ")
        art.entity("e2", "PER", "Wang Yi", kb_id="kb:per:wang-yi").say(" in ")
        art.entity("e3", "LOC", "Beijing", kb_id=place_kb)
        art.event("meeting", ["e1", "e2"], place="e3", date=date)
        return art.record(url.rsplit("/", 1)[-1])

    with Store(tmp_path / "news.duckdb") as store:
        store.ingest([report("https://a.example/1", "geonames:1816670", "2025-04-09")])
        store.ingest([report("https://b.example/2", "kb:loc:beijing", None)])
        places = store.con.execute("SELECT entity_id, name, kb_id FROM entities WHERE type = 'LOC'").fetchall()
        assert len(places) == 1
        assert places[0][1] == "Beijing"  # shown by the KB's name
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 1


def test_a_name_that_took_a_line_break_along_is_shown_on_one_line(tmp_path):
    art = _Article("https://a.example/1", "2025-04-09")
    art.entity("e1", "LOC", "Astana\n\n").say(" und ").entity("e2", "LOC", "Astana")
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest([art.record("1")])
        names = [n for (n,) in store.con.execute("SELECT name FROM entities").fetchall()]
        assert names == ["Astana"]


def test_an_articles_two_days_of_one_visit_are_one_visit_but_two_days_of_meetings_stay_two(tmp_path):
    # a visit lasts several days: "am Montag in Berlin ... am Dienstag reist er nach München weiter" are legs of
    # one visit to Germany; "met on Monday and again on Tuesday" are two meetings
    def article(url: str, etype: str, second: tuple[str, str | None]) -> object:
        art = _Article(url, "2025-10-18")
        art.entity("e1", "PER", "Narendra Modi", kb_id="kb:per:narendra-modi").say(" besucht ")
        art.entity("e2", "LOC", "Deutschland", kb_id="iso3166:DE")
        art.event(etype, ["e1", "e2"], date="2025-10-20", status="planned").say(". Dann ")
        art.entity("e3", "LOC", second[0], kb_id=second[1])
        art.event(etype, ["e1", "e2"], place="e3", date="2025-10-21", status="planned")
        return art.record(url.rsplit("/", 1)[-1])

    with Store(tmp_path / "news.duckdb") as store:
        store.ingest([article("https://a.example/1", "visit", ("München", "geonames:2867714"))])
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    with Store(tmp_path / "other.duckdb") as store:
        store.ingest([article("https://a.example/2", "meeting", ("München", "geonames:2867714"))])
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def _person(url: str, name: str, kb_id: str | None) -> object:
    art = _Article(url, "2025-09-09")
    art.entity("e1", "PER", name, kb_id=kb_id).say(" sprach in Genf.")
    return art.record(url.rsplit("/", 1)[-1])


@pytest.mark.parametrize("linked_first", [True, False])
def test_a_spelling_the_kb_lacks_is_the_linked_person_whichever_comes_first(tmp_path, linked_first):
    # Reuters writes "Araqchi", the KB lists "Araghchi" (and the German "Araghtschi"): one person, by the
    # name skeleton, in either order, and the unlinked one takes the KB id
    linked = _person("https://a.example/1", "Abbas Araghchi", "kb:per:abbas-araghchi")
    unlinked = _person("https://b.example/2", "Abbas Araqchi", None)
    with Store(tmp_path / "news.duckdb") as store:
        for record in [linked, unlinked] if linked_first else [unlinked, linked]:
            store.ingest([record])
        people = store.con.execute("SELECT kb_id FROM entities WHERE type = 'PER'").fetchall()
        assert people == [("kb:per:abbas-araghchi",)]


def test_two_unlinked_names_of_one_skeleton_stay_two_people(tmp_path):
    # the skeleton drops vowels: "Hans Scholz" and "Hans Schulz" are two people unless the KB says otherwise
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest([_person("https://a.example/1", "Hans Scholz", None)])
        store.ingest([_person("https://b.example/2", "Hans Schulz", None)])
        assert store.con.execute("SELECT count(*) FROM entities WHERE type = 'PER'").fetchone()[0] == 2


def test_an_announcement_written_after_its_day_does_not_undo_what_happened(tmp_path):
    # a preview (Monday for Tuesday), the report that it happened (Wednesday), then a copy of the preview or a
    # past tense read as future, published on Friday without a date of its own: the meeting happened; the
    # late announcement stays in the history
    def report(url: str, published: str, status: str, date: str | None) -> object:
        art = _Article(url, published)
        art.entity("e1", "PER", "Johann Wadephul", kb_id="kb:per:johann-wadephul").say(" und ")
        art.entity("e2", "PER", "Marco Rubio", kb_id="kb:per:marco-rubio").say(f" ({url})")
        art.event("meeting", ["e1", "e2"], date=date, status=status)
        return art.record(url.rsplit("/", 1)[-1])

    with Store(tmp_path / "news.duckdb") as store:
        store.ingest(
            [
                report("https://a.example/1", "2025-09-15", "planned", "2025-09-16"),
                report("https://b.example/2", "2025-09-17", "happened", "2025-09-16"),
                report("https://c.example/3", "2025-09-19", "planned", None),
            ]
        )
        assert store.con.execute("SELECT status, n_sources FROM events").fetchall() == [("happened", 3)]
    with Store(tmp_path / "other.duckdb") as store:
        # without a report that it happened, the latest announcement still decides
        store.ingest(
            [
                report("https://a.example/1", "2025-09-15", "planned", "2025-09-16"),
                report("https://c.example/3", "2025-09-17", "possible", None),
            ]
        )
        assert store.con.execute("SELECT status FROM events").fetchall() == [("possible",)]


def _sochi(url: str, published: str | None, dates: list[str | None]) -> object:
    """One article's accounts of Putin-Lukashenko meetings in Sochi, one per date (None: undated)."""
    art = _Article(url, published)
    art.entity("e1", "PER", "Wladimir Putin", kb_id="kb:per:vladimir-putin").say(" und ")
    art.entity("e2", "PER", "Alexander Lukaschenko", kb_id="kb:per:alexander-lukashenko").say(" in ")
    art.entity("e3", "LOC", "Sotschi", kb_id="geonames:491422")
    for date in dates:
        art.event("meeting", ["e1", "e2"], place="e3", date=date)
    return art.record(url.rsplit("/", 1)[-1])


def test_a_copy_without_any_date_joins_the_meeting_told_as_news_not_the_one_only_recalled(tmp_path):
    # both dated reports tell Monday's meeting and recall the pair's meeting at the same place eleven months
    # before; the copy without any date (no publication date, no reference date) tells Monday's meeting
    records = [
        _sochi("https://a.example/1", "2026-08-04", ["2026-08-03", "2025-09"]),
        _sochi("https://b.example/2", "2026-08-03", ["2026-08-03", "2025-09"]),
        _sochi("https://c.example/3", None, [None]),
    ]
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest(records)
        events = store.con.execute(
            "SELECT s.event_id, e.date_value FROM event_sources s JOIN events e USING (event_id) "
            "JOIN articles a USING (article_id) WHERE a.record_id = '3'"
        ).fetchall()
        assert [date for _, date in events] == ["2026-08-03"]
        reason = store.con.execute("SELECT merge_reason FROM event_sources WHERE event_id = ?", [events[0][0]])
        assert any("told as news" in r for (r,) in reason.fetchall())
    # in any order: the copy first, then the dated reports
    with Store(tmp_path / "order.duckdb") as store:
        for record in reversed(records):
            store.ingest([record])
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_a_copy_without_any_date_stays_apart_when_both_meetings_were_news(tmp_path):
    # each meeting has its own coverage (Trump and Putin in Helsinki and in Anchorage): nothing tells the copy
    # without any date which one it reports, so it stays its own event
    records = [
        _sochi("https://a.example/1", "2025-09-16", ["2025-09-15"]),
        _sochi("https://b.example/2", "2026-08-04", ["2026-08-03"]),
        _sochi("https://c.example/3", None, [None]),
    ]
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest(records)
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 3
        (reason,) = store.con.execute(
            "SELECT merge_reason FROM event_sources s JOIN articles a USING (article_id) WHERE a.record_id = '3'"
        ).fetchone()
        assert "ambiguous" in reason


def _macron_modi(url: str, published: str, place: tuple[str, str | None], date: str | None) -> object:
    """One article's account of a Macron-Modi meeting at a place (name, KB id or None: unlinked)."""
    art = _Article(url, published)
    art.entity("e1", "PER", "Emmanuel Macron", kb_id="kb:per:emmanuel-macron").say(" und ")
    art.entity("e2", "PER", "Narendra Modi", kb_id="kb:per:narendra-modi").say(" in ")
    art.entity("e3", "LOC", place[0], kb_id=place[1])
    art.event("meeting", ["e1", "e2"], place="e3", date=date)
    return art.record(url.rsplit("/", 1)[-1])


def test_the_same_pair_a_day_later_at_a_place_nobody_confirms_is_another_meeting(tmp_path):
    # Monday at the Élysée, Tuesday in the Pyrenees (unlinked): the day's tolerance is for outlets dating one
    # meeting differently, not for a place that may be anywhere
    elysee, pyrenees = ("Élysée-Palast", "venue:Élysée_Palace"), ("Pyrenäen", None)
    records = [
        _macron_modi("https://a.example/1", "2026-05-12", elysee, "2026-05-11"),
        _macron_modi("https://b.example/2", "2026-05-13", pyrenees, "2026-05-12"),
        # the copy of Tuesday without a date names the Élysée: Monday's meeting, the single one at its place
        _macron_modi("https://c.example/3", "2026-05-12", elysee, None),
    ]
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest(records)
        partition = _partition(store)
        assert partition == [[("1", "ev1"), ("3", "ev1")], [("2", "ev1")]]
        (reason,) = store.con.execute(
            "SELECT merge_reason FROM event_sources s JOIN articles a USING (article_id) WHERE a.record_id = '3'"
        ).fetchone()
        assert "the single one at its place" in reason
    with Store(tmp_path / "order.duckdb") as store:
        for record in reversed(records):
            store.ingest([record])
        assert _partition(store) == partition
    # an outlet dating Monday's meeting at the Élysée a day off is still that meeting (the day's tolerance)
    with Store(tmp_path / "off.duckdb") as store:
        store.ingest([records[0], _macron_modi("https://d.example/4", "2026-05-12", elysee, "2026-05-12")])
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 1


def test_an_undated_copy_naming_only_the_country_stays_ambiguous_between_two_meetings_in_it(tmp_path):
    # a country is the place of both meetings: it tells neither
    records = [
        _macron_modi("https://a.example/1", "2026-05-12", ("Élysée-Palast", "venue:Élysée_Palace"), "2026-05-11"),
        _macron_modi("https://b.example/2", "2026-05-13", ("Pyrenäen", None), "2026-05-12"),
        _macron_modi("https://c.example/3", "2026-05-12", ("Frankreich", "iso3166:FR"), None),
    ]
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest(records)
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 3


def test_all_fresh_clusters_in_one_store_merge_nothing_across_clusters(tmp_path):
    # a store holds every outlet's coverage of many stories: the clusters' meetings must not run into each
    # other's (Merz meets Modi, Meloni and Carney; Putin meets Lukashenko twice in Sochi; Wadephul and Sybiha
    # meet in Kyiv in two clusters). Each cluster's events are as when it is ingested alone, except that a copy
    # without any date may become ambiguous between two clusters' meetings of one pair at one place (it then
    # stays apart: nothing tells which one it reports)
    def records_of(name: str) -> list[object]:
        out = []
        for record in _records(name):
            copy = record.model_copy(deep=True)
            copy.id = f"{name}/{record.id}"
            copy.url = None
            out.append(copy)
        return out

    undated = set()
    alone: dict[str, list[list[tuple[str, str]]]] = {}
    for name in CLUSTERS:
        records = records_of(name)
        undated |= {str(r.id) for r in records if r.published is None}
        with Store(tmp_path / f"{name}.duckdb") as store:
            store.ingest(records)
            alone[name] = _partition(store)
    with Store(tmp_path / "all.duckdb") as store:
        store.ingest([r for name in CLUSTERS for r in records_of(name)])
        together = _partition(store)
    for accounts in together:
        clusters = {record.split("/", 1)[0] for record, _ in accounts}
        assert len(clusters) == 1, f"one store event holds accounts of {sorted(clusters)}: {accounts}"

    def dated(partition: list[list[tuple[str, str]]]) -> list[list[tuple[str, str]]]:
        return sorted(kept for accounts in partition if (kept := [a for a in accounts if a[0] not in undated]))

    for name in CLUSTERS:
        mine = [accounts for accounts in together if accounts[0][0].startswith(name + "/")]
        assert dated(mine) == dated(alone[name]), f"{name}: its events change beside the other clusters"


def test_an_undated_report_of_what_happened_is_not_the_meeting_still_to_come(tmp_path):
    # Monday's meeting at the Élysée has happened; Wednesday's trip to the Pyrenees is announced. A report
    # published on Tuesday that the two "have met", without date or place, tells Monday's meeting
    records = [
        _macron_modi("https://a.example/1", "2026-05-12", ("Élysée-Palast", "venue:Élysée_Palace"), "2026-05-11"),
        _macron_modi("https://b.example/2", "2026-05-12", ("Pyrenäen", None), "2026-05-13"),
    ]
    records[1].events[0].status = "planned"
    art = _Article("https://c.example/3", "2026-05-12")
    art.entity("e1", "PER", "Emmanuel Macron", kb_id="kb:per:emmanuel-macron").say(" und ")
    art.entity("e2", "PER", "Narendra Modi", kb_id="kb:per:narendra-modi").say(" haben sich getroffen")
    art.event("meeting", ["e1", "e2"])
    records.append(art.record("3"))
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest(records)
        assert _partition(store) == [[("1", "ev1"), ("3", "ev1")], [("2", "ev1")]]
    # ... while one that announces a meeting tells the one still to come (the single one ever announced)
    records[2].events[0].status = "planned"
    with Store(tmp_path / "planned.duckdb") as store:
        store.ingest(records)
        assert _partition(store) == [[("1", "ev1")], [("2", "ev1"), ("3", "ev1")]]


def test_one_days_accounts_at_two_unknown_names_naming_more_people_are_one_meeting_with_a_conflict(tmp_path):
    # "am Col du Tourmalet" (one outlet, the two leaders) and "in den Pyrenäen" (another, the leaders and
    # Brigitte Macron), the same day: the gazetteers know neither place, one outlet names more people
    def trip(url: str, place: str, wife: bool) -> object:
        art = _Article(url, "2026-05-13")
        art.entity("e1", "PER", "Emmanuel Macron", kb_id="kb:per:emmanuel-macron").say(" und ")
        art.entity("e2", "PER", "Narendra Modi", kb_id="kb:per:narendra-modi").say(" ")
        parties = ["e1", "e2"]
        if wife:
            art.say("mit ").entity("e4", "PER", "Brigitte Macron").say(" ")
            parties.append("e4")
        art.say("in ").entity("e3", "LOC", place)
        art.event("meeting", parties, place="e3", date="2026-05-12")
        return art.record(url.rsplit("/", 1)[-1])

    with Store(tmp_path / "news.duckdb") as store:
        store.ingest(
            [trip("https://a.example/1", "Col du Tourmalet", False), trip("https://b.example/2", "Pyrenäen", True)]
        )
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 1
        # the place conflict: one row per place said, with the article that said it
        assert store.con.execute("SELECT count(*) FROM conflicts WHERE field = 'place'").fetchone()[0] == 2
    # ... but not a day apart, nor when another person is named instead of more people
    with Store(tmp_path / "other.duckdb") as store:
        other = trip("https://b.example/2", "Pyrenäen", True)
        other.events[0].participants = ["e1", "e4"]
        store.ingest([trip("https://a.example/1", "Col du Tourmalet", False), other])
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_a_copy_without_any_date_joins_the_meeting_of_its_articles_inferred_year(tmp_path):
    # the pair met in Sochi in 2025 and in 2026, each with its own coverage; a copy without publication date
    # whose year the pipeline inferred from the terms of office (2026, no day) tells the meeting of that year
    from newsgraph.record import ReferenceDate

    copy = _sochi("https://c.example/3", None, [None])
    copy.reference_date = ReferenceDate(value="2026", source="inferred", reason="terms of office")
    records = [
        _sochi("https://a.example/1", "2025-09-16", ["2025-09-15"]),
        _sochi("https://b.example/2", "2026-08-04", ["2026-08-03"]),
        copy,
    ]
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest(records)
        assert _partition(store) == [[("1", "ev1")], [("2", "ev1"), ("3", "ev1")]]
    with Store(tmp_path / "order.duckdb") as store:
        for record in reversed(records):
            store.ingest([record])
        assert _partition(store) == [[("1", "ev1")], [("2", "ev1"), ("3", "ev1")]]
    # a year both meetings lie outside of tells nothing: the copy stays apart
    copy.reference_date = ReferenceDate(value="2024", source="inferred", reason="terms of office")
    with Store(tmp_path / "other.duckdb") as store:
        store.ingest(records)
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 3
