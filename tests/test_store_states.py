"""A state named for the people who meet for it (issue 19, session 16).

An outlet may report a meeting by the states whose leaders held it: "Polen und die Türkei haben am Dienstag in
Ankara Gespräche geführt" (APA) is the meeting at which Erdoğan received Tusk (Reuters). The store reads a report
naming only states and one naming only people, each holding a principal office of one of those states on the
day (the KB's offices), as naming the same sides (``merge._fold_states``), in the merge groups of
``state_party_groups``; the merged event shows the people. Fresh records written for these tests; the
end-to-end case is the fresh cluster ``tests/fixtures/store_clusters/ankara-states-for-leaders``.
"""

from __future__ import annotations

import pytest

duckdb = pytest.importorskip("duckdb", reason="the store needs the `store` extra (duckdb)")

from newsgraph.store import Store, events  # noqa: E402

from .test_store import _Article  # noqa: E402

PEOPLE = {
    "erdogan": ("Recep Tayyip Erdoğan", "kb:per:recep-tayyip-erdogan"),
    "tusk": ("Donald Tusk", "kb:per:donald-tusk"),
    "macron": ("Emmanuel Macron", "kb:per:emmanuel-macron"),
    "biden": ("Joe Biden", "kb:per:joe-biden"),
    "xi": ("Xi Jinping", "kb:per:xi-jinping"),
}
STATES = {
    "PL": "Polen",
    "TR": "Türkei",
    "US": "USA",
    "CN": "China",
}


def _report(
    url: str, published: str | None, etype: str, parties: list[str], date: str | None, place: str | None = "Ankara"
):
    """One outlet's account: ``parties`` are keys of PEOPLE or ISO codes of STATES."""
    art = _Article(url, published)
    ids = []
    for i, party in enumerate(parties, 1):
        if i > 1:
            art.say(" und ")
        if party in PEOPLE:
            name, kb_id = PEOPLE[party]
            art.entity(f"e{i}", "PER", name, kb_id=kb_id)
        else:
            art.entity(f"e{i}", "LOC", STATES[party], kb_id=f"iso3166:{party}")
        ids.append(f"e{i}")
    if place is not None:
        art.say(" in ").entity("p", "LOC", place)
    art.event(etype, ids, place="p" if place is not None else None, date=date)
    return art.record(url.rsplit("/", 1)[-1])


def _events_of(tmp_path, name: str, batches: list[list]) -> list[dict]:
    with Store(tmp_path / name) as store:
        for batch in batches:
            store.ingest(batch)
        return events(store, types=["meet"])


@pytest.mark.parametrize("reverse", [False, True])
def test_talks_of_two_states_are_the_meeting_of_their_leaders(tmp_path, reverse):
    talks = _report("https://apa.example/1", "2026-03-17", "talks", ["PL", "TR"], "2026-03-17")
    meeting = _report("https://reuters.example/2", "2026-03-17", "meeting", ["erdogan", "tusk"], "2026-03-17")
    batches = [[meeting], [talks]] if reverse else [[talks], [meeting]]
    rows = _events_of(tmp_path, "news.duckdb", batches)
    assert len(rows) == 1, rows
    assert rows[0]["sources"] == 2
    # the merged event shows the people the other outlet names, not the states named for them
    assert sorted(rows[0]["participants"]) == ["Donald Tusk", "Recep Tayyip Erdoğan"]


def test_states_and_a_leader_of_another_state_stay_apart(tmp_path):
    # Macron holds no office of Poland: Erdoğan meeting Macron is not the talks of Poland and Türkiye
    talks = _report("https://apa.example/1", "2026-03-17", "talks", ["PL", "TR"], "2026-03-17")
    meeting = _report("https://reuters.example/2", "2026-03-17", "meeting", ["erdogan", "macron"], "2026-03-17")
    assert len(_events_of(tmp_path, "news.duckdb", [[talks], [meeting]])) == 2


def test_a_person_out_of_the_states_office_on_the_day_does_not_stand_for_it(tmp_path):
    # in May 2016 Tusk was the European Council's president, not Poland's prime minister
    talks = _report("https://apa.example/1", "2016-05-10", "talks", ["PL", "TR"], "2016-05-10")
    meeting = _report("https://reuters.example/2", "2016-05-10", "meeting", ["erdogan", "tusk"], "2016-05-10")
    assert len(_events_of(tmp_path, "news.duckdb", [[talks], [meeting]])) == 2


def test_a_visit_to_a_state_is_not_the_talks_of_two_states(tmp_path):
    # "Tusk reist in die Türkei" names a state itself: the visit is another event than the states' talks
    talks = _report("https://apa.example/1", "2026-03-17", "talks", ["PL", "TR"], "2026-03-17")
    visit = _report("https://dpa.example/2", "2026-03-16", "visit", ["tusk", "TR"], "2026-03-17")
    assert len(_events_of(tmp_path, "news.duckdb", [[talks], [visit]])) == 2


def test_an_agreement_of_two_states_is_not_read_as_their_leaders(tmp_path):
    # agreements are not in state_party_groups: a treaty of two states is not any accord their leaders reached
    deal = _report("https://a.example/1", "2023-06-20", "agreement", ["US", "CN"], None, place=None)
    accord = _report("https://b.example/2", "2023-06-20", "agreement", ["biden", "xi"], None, place=None)
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest([deal])
        store.ingest([accord])
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 2


@pytest.mark.parametrize("reverse", [False, True])
def test_a_copy_without_any_date_naming_the_states_joins_their_leaders_meeting(tmp_path, reverse):
    # a Swiss copy without date or publication date: "Polen und die Türkei haben in Ankara Gespräche geführt"
    copy = _report("https://nzz.example/3", None, "talks", ["PL", "TR"], None)
    meeting = _report("https://reuters.example/2", "2026-03-17", "meeting", ["erdogan", "tusk"], "2026-03-17")
    batches = [[meeting], [copy]] if not reverse else [[copy], [meeting]]
    rows = _events_of(tmp_path, "news.duckdb", batches)
    assert len(rows) == 1, rows
    assert rows[0]["sources"] == 2
