"""The corpus store: ingest, cross-article merging, queries, exports, crash safety.

Records are built here by hand (``_Article``), so these tests check the store, not the NLP layers;
one end-to-end test runs ``newsgraph.extract`` on a short German text written for it.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

duckdb = pytest.importorskip("duckdb", reason="the store needs the `store` extra (duckdb)")

from newsgraph.record import Record  # noqa: E402
from newsgraph.store import (  # noqa: E402
    Store,
    event_detail,
    events,
    export_plover,
    export_records,
    export_tables,
    find_entities,
    network,
    read_records,
    search_quotes,
    summary,
    timeline,
    write_gexf,
    write_graphml,
)
from newsgraph.store.fts import index_path  # noqa: E402
from newsgraph.store.merge import parse_date_value  # noqa: E402
from newsgraph.store.names import name_key  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "benchmarks" / "make_synthetic_records.py"


class _Article:
    """Builds a record sentence by sentence, keeping every span's offsets right."""

    def __init__(self, url: str | None, published: str | None) -> None:
        self.url, self.published = url, published
        self.text = ""
        self.entities: dict[str, dict] = {}
        self.events: list[dict] = []
        self.quotes: list[dict] = []

    def say(self, words: str) -> _Article:
        self.text += words
        return self

    def _span(self, words: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += words
        return start, len(self.text)

    def entity(self, local_id: str, etype: str, name: str, surface: str | None = None, kb_id: str | None = None):
        surface = surface or name
        start, end = self._span(surface)
        ent = self.entities.setdefault(local_id, {"id": local_id, "type": etype, "name": name, "kb_id": kb_id,
                                                  "mentions": []})
        ent["mentions"].append({"start": start, "end": end, "text": surface})
        return self

    def event(self, etype: str, participants: list[str], *, place: str | None = None, date: str | None = None,
              written: str | None = None, status: str = "happened") -> _Article:
        time = None
        if date is not None:
            self.say(" am ")
            start, end = self._span(written or date)
            time = {"value": date, "text": written or date, "start": start, "end": end}
        self.say(". ")
        self.events.append({"id": f"ev{len(self.events) + 1}", "type": etype, "participants": participants,
                            "place": place, "time": time, "status": status})
        return self

    def quote(self, speaker: str | None, content: str) -> _Article:
        self.say("„")
        start, end = self._span(content)
        self.say("“, sagte er. ")
        self.quotes.append({"id": f"q{len(self.quotes) + 1}", "kind": "direct", "start": start, "end": end,
                            "text": content, "speaker": speaker})
        return self

    def record(self, record_id: str) -> Record:
        record = Record(id=record_id, language="de", url=self.url, published=self.published, text=self.text,
                        entities=list(self.entities.values()), events=self.events, quotes=self.quotes)
        assert record.span_errors() == []
        return record


def _meeting(url: str, published: str, *, lavrov: str = "Sergej Lawrow", date: str | None = "2021-05-20",
             status: str = "happened", place: str = "Reykjavík", etype: str = "meeting",
             quote: str | None = None) -> Record:
    """One outlet's report of a Lawrow-Blinken meeting."""
    art = _Article(url, published)
    art.entity("e1", "PER", lavrov, lavrov.split()[-1]).say(" und ").entity("e2", "PER", "Antony Blinken")
    art.say(" treffen sich in ").entity("e3", "LOC", place)
    art.event(etype, ["e1", "e2"], place="e3", date=date, status=status)
    if quote:
        art.quote("e1", quote)
    art.say(f"({url.split('/')[2]})")  # outlets word their reports differently: no two texts are equal
    return art.record(url.rsplit("/", 1)[-1])


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "news.duckdb") as opened:
        yield opened


def _count(store: Store, sql: str, params: list | None = None) -> int:
    return int(store.con.execute(sql, params or []).fetchone()[0])


# -- names and dates ---------------------------------------------------------------------------------


def test_name_key_folds_german_and_english_romanisation():
    assert name_key("Sergei Lawrow") == name_key("Sergey Lavrov")
    assert name_key("Lawrow") == name_key("Lavrov")
    assert name_key("Antony Blinken") != name_key("Sergey Lavrov")
    assert name_key("Ёлкин") != ""  # non-Latin names fall back to a Unicode fold, never an empty key


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-05-20", ("2021-05-20", "2021-05-20", "day")),
        ("2021-05-20T15:00", ("2021-05-20", "2021-05-20", "day")),
        ("2021-05", ("2021-05-01", "2021-05-31", "month")),
        ("2021", ("2021-01-01", "2021-12-31", "year")),
        ("2021-W20", ("2021-05-17", "2021-05-23", "week")),
        ("2021-Q2", ("2021-04-01", "2021-06-30", "quarter")),
        ("2021-WI", ("2021-12-01", "2022-02-28", "season")),
    ],
)
def test_date_values_become_day_intervals(value, expected):
    lo, hi, precision = parse_date_value(value)
    assert (lo.isoformat(), hi.isoformat(), precision) == expected


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "P2W", "XXXX-05-20", "2021-02-30"])
def test_values_that_name_no_date_give_none(value):
    assert parse_date_value(value) is None


# -- cross-article events ----------------------------------------------------------------------------


def test_announcement_and_report_become_one_event_with_status_history(store):
    planned = _meeting("https://a.example/1", "2021-05-10", status="planned", quote="Wir sind zu Gesprächen bereit.")
    happened = _meeting("https://b.example/2", "2021-05-21", lavrov="Sergey Lavrov", etype="talks")
    store.ingest([planned, happened])
    assert summary(store)["events"] == 1
    assert summary(store)["entities"] == 3  # Lawrow = Lavrov
    (event,) = events(store)
    assert event["status"] == "happened" and event["sources"] == 2 and event["conflicts"] == 0
    detail = event_detail(store, event["event_id"])
    assert [s["status"] for s in detail["sources"]] == ["planned", "happened"]
    assert [s["url"] for s in detail["sources"]] == ["https://a.example/1", "https://b.example/2"]
    assert detail["conflicts"] == []


def test_date_disagreement_is_a_conflict_not_a_silent_choice(store):
    store.ingest([
        _meeting("https://a.example/1", "2021-05-21", date="2021-05-20"),
        _meeting("https://b.example/2", "2021-05-21", date="2021-05-19"),
        _meeting("https://c.example/3", "2021-05-22", date="2021-05-20"),
        _meeting("https://d.example/4", "2021-05-22", date="2021-05"),  # coarser, agrees with both
    ])
    (event,) = events(store)
    assert event["date"] == "2021-05-20"  # the more frequent day
    conflicts = event_detail(store, event["event_id"])["conflicts"]
    assert {(c["field"], c["value"]): len(c["article_ids"]) for c in conflicts} == {
        ("date", "2021-05-19"): 1,
        ("date", "2021-05-20"): 2,
    }


def test_dates_outside_the_tolerance_are_different_events(store):
    store.ingest([
        _meeting("https://a.example/1", "2021-05-21", date="2021-05-20"),
        _meeting("https://b.example/2", "2021-05-25", date="2021-05-23"),  # three days later: another meeting
        _meeting("https://c.example/3", "2021-06-30", date="2021-06"),
    ])
    assert summary(store)["events"] == 3


def test_different_places_split_unless_everything_else_agrees(store):
    store.ingest([
        _meeting("https://a.example/1", "2021-06-01", date="2021-05", place="Genf"),
        _meeting("https://b.example/2", "2021-06-01", date="2021-05", place="Wien"),
    ])
    assert summary(store)["events"] == 2
    store.ingest([
        _meeting("https://c.example/3", "2021-07-02", date="2021-07-01", place="Genf"),
        _meeting("https://d.example/4", "2021-07-02", date="2021-07-01", place="Lausanne"),
    ])
    assert summary(store)["events"] == 3
    (merged,) = events(store, since="2021-07-01")
    fields = {(c["field"], c["value"]) for c in event_detail(store, merged["event_id"])["conflicts"]}
    assert fields == {("place", "Genf"), ("place", "Lausanne")}


def test_participants_must_overlap(store):
    other = _Article("https://b.example/2", "2021-05-21")
    other.entity("e1", "PER", "Sergej Lawrow").say(" und ").entity("e2", "PER", "Wang Yi").say(" in ")
    other.entity("e3", "LOC", "Reykjavík").event("meeting", ["e1", "e2"], place="e3", date="2021-05-20")
    alone = _Article("https://c.example/3", "2021-05-21")
    alone.entity("e1", "PER", "Antony Blinken").say(" in ").entity("e2", "LOC", "Reykjavík")
    alone.event("visit", ["e1"], place="e2", date="2021-05-20")
    store.ingest([_meeting("https://a.example/1", "2021-05-21"), other.record("b"), alone.record("c")])
    # Lawrow-Blinken and Lawrow-Wang are two meetings; Blinken's visit is reported with the first
    assert sorted(e["sources"] for e in events(store)) == [1, 2]


def test_undated_reports_join_events_reported_around_their_publication(store):
    store.ingest([
        _meeting("https://a.example/1", "2021-05-21", date="2021-05-20"),
        _meeting("https://b.example/2", "2021-05-22", date=None),  # "trafen sich" without a date
        _meeting("https://c.example/3", "2021-07-30", date=None),  # months later: not the same meeting
    ])
    assert sorted(e["sources"] for e in events(store)) == [1, 2]


def test_knowledge_base_ids_merge_names_and_keep_namesakes_apart(store):
    def report(url: str, name: str, kb_id: str) -> Record:
        art = _Article(url, "2021-05-21")
        art.entity("e1", "PER", name, kb_id=kb_id).say(f" sprach ({url}).")
        return art.record(url[-1])

    store.ingest([
        report("https://a.example/1", "Olaf Scholz", "Q61053"),
        report("https://b.example/2", "Bundeskanzler Scholz", "Q61053"),
        report("https://c.example/3", "Olaf Scholz", "Q999"),  # a namesake with another KB id
    ])
    assert _count(store, "SELECT count(*) FROM entities") == 2
    assert {e["kb_id"] for e in find_entities(store, "Olaf Scholz")} == {"Q61053", "Q999"}


# -- idempotence, replacement, crash safety ----------------------------------------------------------


def test_ingest_is_idempotent_and_skips_duplicate_texts(store):
    records = [_meeting("https://a.example/1", "2021-05-21"), _meeting("https://b.example/2", "2021-05-22",
                                                                       date="2021-05-19")]
    first = store.ingest(records)
    before = summary(store)
    again = store.ingest(records)
    copy = records[0].model_copy(update={"url": "https://mirror.example/1", "id": "mirror"})
    dup = store.ingest([copy])
    assert (first.added, again.unchanged, dup.duplicates) == (2, 2, 1)
    assert summary(store) == before


def test_changed_version_replaces_the_old_one_and_its_contributions(store):
    store.ingest([
        _meeting("https://a.example/1", "2021-05-21", date="2021-05-20"),
        _meeting("https://b.example/2", "2021-05-21", date="2021-05", place="Kopenhagen",
                 quote="Die Sanktionen bleiben."),
    ])
    assert summary(store)["events"] == 2  # Kopenhagen vs Reykjavík, and no agreement to the day
    corrected = _meeting("https://b.example/2", "2021-05-22", date="2021-05-20", quote="Der Dialog geht weiter.")
    stats = store.ingest([corrected])
    assert stats.replaced == 1
    counts = summary(store)
    assert counts["articles"] == 2 and counts["events"] == 1 and counts["event_sources"] == 2
    assert find_entities(store, "Kopenhagen") == []  # only the old version named it
    assert search_quotes(store, words="Sanktionen") == []
    assert [q["text"] for q in search_quotes(store, words="Dialog")] == ["Der Dialog geht weiter."]
    (event,) = events(store)
    assert event["conflicts"] == 0 and event["place"] == "Reykjavík"


def test_a_failing_batch_leaves_nothing_behind(store, monkeypatch):
    store.ingest([_meeting("https://a.example/1", "2021-05-21")])
    before = summary(store)

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_write_events", fail)
    stats = store.ingest([_meeting("https://b.example/2", "2021-05-21", quote="Nichts davon bleibt.")])
    assert stats.failed == 1 and "disk full" in stats.errors[0]["message"]  # recorded, not raised
    monkeypatch.undo()
    assert summary(store) == before
    assert search_quotes(store, words="bleibt") == []
    assert store.ingest([_meeting("https://b.example/2", "2021-05-21")]).added == 1  # ids handed out afresh
    assert summary(store)["event_sources"] == 2


def test_quote_index_catches_up_after_a_crash_between_commits(tmp_path):
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        store.ingest([_meeting("https://a.example/1", "2021-05-21", quote="Wir wollen Frieden.")])
    with sqlite3.connect(index_path(db)) as index:  # as if the SQLite commit never happened
        index.execute("DELETE FROM quote_text")
        index.execute("UPDATE index_state SET value = '-1'")
    with Store(db) as store:
        assert [q["text"] for q in search_quotes(store, words="Frieden")] == ["Wir wollen Frieden."]


def _generate(path: Path, n: int, seed: int = 7) -> None:
    subprocess.run([sys.executable, str(GENERATOR), "-n", str(n), "--seed", str(seed), "-o", str(path)], check=True)


def _ingest_command(records: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "newsgraph.store.cli", "ingest", str(records), "--db", str(db),
            "--batch-size", "200", "--log-batches"]


def _kill_after(command: list[str], stop: int) -> int:
    """Run an ingest with ``--log-batches`` and SIGKILL it once ``stop`` records are committed; how many were."""
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    committed = 0
    for line in proc.stdout:
        committed = int(line.split()[-1])
        if committed >= stop:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return committed


def test_sigkill_during_ingest_loses_and_duplicates_nothing(tmp_path):
    records = tmp_path / "records.jsonl"
    n = 2000
    _generate(records, n)
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    committed = _kill_after(_ingest_command(records, killed_db), 600)
    assert 600 <= committed < n, "the ingest finished before it could be killed"
    _finish_and_compare(records, killed_db, clean_db, n)


def _finish_and_compare(records: Path, killed_db: Path, clean_db: Path, n: int) -> None:
    """Rerun the killed ingest to its end, ingest the same records cleanly, and check that the two stores
    (and their quote indexes and read models) are the same: nothing lost, nothing stored twice."""
    subprocess.run(_ingest_command(records, killed_db), check=True, capture_output=True)
    subprocess.run(_ingest_command(records, clean_db), check=True, capture_output=True)
    with Store(killed_db, read_only=True) as killed, Store(clean_db, read_only=True) as clean:
        assert _count(killed, "SELECT count(*) FROM articles") == n
        assert _count(killed, "SELECT count(DISTINCT article_key) FROM articles") == n
        assert summary(killed) == summary(clean)
        event_rows = "SELECT type, status, date_value, n_sources FROM events ORDER BY event_id"
        assert killed.con.execute(event_rows).fetchall() == clean.con.execute(event_rows).fetchall()
        assert killed.errors() == []
        n_quotes = summary(killed)["quotes"]
    with sqlite3.connect(index_path(killed_db)) as index:
        assert index.execute("SELECT count(*) FROM quote_text").fetchone()[0] == n_quotes
    # the read model beside the store (derived, rebuilt when it lags) ends as after a clean ingest
    with sqlite3.connect(index_path(killed_db)) as killed_index, sqlite3.connect(index_path(clean_db)) as clean_index:
        for table in ("r_docs", "r_entities", "r_events", "r_event_sources", "r_pair_totals", "r_ego", "quote_meta"):
            rows = f"SELECT * FROM {table} ORDER BY 1, 2, 3"
            assert killed_index.execute(rows).fetchall() == clean_index.execute(rows).fetchall(), table


# -- queries -----------------------------------------------------------------------------------------


@pytest.fixture()
def corpus(store):
    """Three happenings in five articles: a planned+held meeting, a phone call, a meeting in Genf."""
    call = _Article("https://c.example/3", "2021-06-02")
    call.entity("e1", "PER", "Sergej Lawrow").say(" telefonierte mit ").entity("e2", "PER", "Wang Yi")
    call.event("phone_call", ["e1", "e2"], date="2021-06-01").quote("e2", "Wir vertiefen die Partnerschaft.")
    geneva = _Article("https://d.example/4", "2021-06-17")
    geneva.entity("e1", "PER", "Joe Biden").say(" traf ").entity("e2", "PER", "Wladimir Putin").say(" in ")
    geneva.entity("e3", "LOC", "Genf").event("summit", ["e1", "e2"], place="e3", date="2021-06-16")
    geneva.quote("e2", "Es gab keine Feindseligkeit.")
    store.ingest([
        _meeting("https://a.example/1", "2021-05-10", status="planned", quote="Wir erwarten offene Gespräche."),
        _meeting("https://b.example/2", "2021-05-21", lavrov="Sergey Lavrov", quote="Die Gespräche waren offen."),
        call.record("c"),
        geneva.record("d"),
        _meeting("https://e.example/5", "2021-06-17", date="2021-06-16", place="Genf", lavrov="Sergej Lawrow",
                 etype="talks"),
    ])
    return store


def test_timeline_finds_an_actor_in_any_spelling(corpus):
    for spelling in ("Sergei Lawrow", "Lavrov", "Sergey Lavrov", "lawrow"):
        result = timeline(corpus, spelling)
        assert [e["type"] for e in result["events"]] == ["meeting", "phone_call", "talks"], spelling
    result = timeline(corpus, "Lawrow", since="2021-06", until="2021-06-10")
    assert [e["type"] for e in result["events"]] == ["phone_call"]
    assert timeline(corpus, "Lawrow", types=["call"])["events"][0]["participants"] == ["Sergej Lawrow", "Wang Yi"]
    assert timeline(corpus, "Nobody Known")["events"] == []


def test_network_counts_pairs_per_event_type(corpus, tmp_path):
    graph = network(corpus)
    pairs = {(e["source_name"], e["target_name"]): e["by_type"] for e in graph["edges"]}
    assert pairs[("Sergej Lawrow", "Antony Blinken")] == {"meeting": 1, "talks": 1}
    assert pairs[("Joe Biden", "Wladimir Putin")] == {"summit": 1}
    ego = network(corpus, actor="Lavrov", min_count=2)
    assert [(e["source_name"], e["target_name"], e["events"]) for e in ego["edges"]] == [
        ("Sergej Lawrow", "Antony Blinken", 2)
    ]
    write_graphml(graph, tmp_path / "g.graphml")
    write_gexf(graph, tmp_path / "g.gexf")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(tmp_path / "g.graphml").getroot()
    assert len(root.findall(".//g:node", ns)) == len(graph["nodes"]) == 5
    assert len(root.findall(".//g:edge", ns)) == len(graph["edges"]) == 3
    assert len(ET.parse(tmp_path / "g.gexf").getroot().findall(".//{http://gexf.net/1.3}edge")) == 3


def test_quote_search_by_words_speaker_and_dates(corpus):
    assert [q["text"] for q in search_quotes(corpus, words="gesprache offen")] == ["Die Gespräche waren offen."]
    assert len(search_quotes(corpus, words="Gespräche")) == 2
    assert search_quotes(corpus, words="Gespräch") == []
    assert len(search_quotes(corpus, words="Gespräch offen", prefix=True)) == 2
    by_lavrov = search_quotes(corpus, words="Gespräche", speaker="Lavrov")
    assert [q["speaker"] for q in by_lavrov] == ["Sergey Lavrov", "Sergej Lawrow"]  # as each article names him
    assert len({q["speaker_id"] for q in by_lavrov}) == 1
    assert search_quotes(corpus, words="Gespräche", speaker="Wang Yi") == []
    in_may = search_quotes(corpus, speaker="Lawrow", since="2021-05-15", until="2021-05-31")
    assert [q["text"] for q in in_may] == ["Die Gespräche waren offen."]
    assert [q["text"] for q in search_quotes(corpus, words="Feindseligkeit", until="2021")] == [
        "Es gab keine Feindseligkeit."
    ]
    assert search_quotes(corpus, words="Feindseligkeit", since="2022") == []


def test_events_by_place_date_type_and_status(corpus):
    assert [e["type"] for e in events(corpus, place="Genf")] == ["talks", "summit"]
    assert [e["type"] for e in events(corpus, types=["meet"], since="2021-06")] == ["talks", "summit"]
    assert [e["date"] for e in events(corpus, types=["phone_call"])] == ["2021-06-01"]
    assert len(events(corpus, status="happened")) == 4
    assert events(corpus, participant="Putin")[0]["place"] == "Genf"


# -- exports and CLI ---------------------------------------------------------------------------------


def test_exports_round_trip_records_and_write_tables_and_plover(corpus, tmp_path):
    assert export_records(corpus, tmp_path / "records.jsonl") == 5
    exported = list(read_records(tmp_path / "records.jsonl"))
    assert {r.url for r in exported} == {f"https://{c}.example/{i}" for i, c in enumerate("abcde", start=1)}
    assert all(r.span_errors() == [] and r.text for r in exported)
    for fmt in ("parquet", "csv"):
        files = export_tables(corpus, tmp_path / fmt, fmt=fmt)
        events_file = next(f for f in files if f.stem == "events")
        reader = "read_parquet" if fmt == "parquet" else "read_csv"
        assert duckdb.sql(f"SELECT count(*) FROM {reader}('{events_file}')").fetchall() == [(4,)]
    assert export_plover(corpus, tmp_path / "events.jsonl") == 4
    plover = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    summit = next(e for e in plover if e["newsgraph_type"] == "summit")
    assert (summit["event"], summit["date"], summit["location"]["name"]) == ("CONSULT", "2021-06-16", "Genf")
    assert {summit["actor"], summit["recipient"]} == {"Joe Biden", "Wladimir Putin"}
    met = next(e for e in plover if len(e["sources"]) == 2)
    assert [s["status"] for s in met["sources"]] == ["planned", "happened"]


def test_cli_ingest_query_and_export(tmp_path):
    from typer.testing import CliRunner

    from newsgraph.store.cli import store_app

    records = tmp_path / "records.jsonl"
    records.write_text("\n".join(
        _meeting(f"https://{c}.example/{i}", "2021-05-21", quote="Wir reden weiter.").to_json()
        for i, c in enumerate("ab")) + "\n", encoding="utf-8")
    db = str(tmp_path / "news.duckdb")
    runner = CliRunner()
    result = runner.invoke(store_app, ["ingest", str(records), "--db", db, "--json", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == 2
    result = runner.invoke(store_app, ["timeline", "Lavrov", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["events"][0]["sources"] == 2
    result = runner.invoke(store_app, ["quotes", "reden", "--speaker", "Lawrow", "--db", db, "--json"])
    assert len(json.loads(result.stdout)) == 2
    result = runner.invoke(store_app, ["network", "--db", db, "--graphml", str(tmp_path / "n.graphml")])
    assert result.exit_code == 0 and (tmp_path / "n.graphml").exists()
    result = runner.invoke(store_app, ["events", "--db", db, "--place", "Reykjavik", "--json"])
    assert result.exit_code == 0 and [e["type"] for e in json.loads(result.stdout)] == ["meeting"]
    result = runner.invoke(store_app, ["events", "--db", db, "--place", "Reykjavik"])
    assert result.exit_code == 0 and "Events" in result.stdout
    result = runner.invoke(store_app, ["export", "--db", db, "--tables", str(tmp_path / "t"), "--format", "csv"])
    assert result.exit_code == 0 and (tmp_path / "t" / "quotes.csv").exists()
    result = runner.invoke(store_app, ["timeline", "Lavrov", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2


GERMAN_ARTICLE = """Merz trifft Macron in Paris

Bundeskanzler Friedrich Merz ist am Mittwoch in Paris mit dem französischen Präsidenten Emmanuel Macron
zusammengekommen. „Wir stehen an der Seite der Ukraine“, sagte Merz nach dem Treffen im Élysée-Palast.
Macron kündigte an, die beiden Regierungen wollten sich im Herbst erneut in Berlin treffen.
"""


def test_end_to_end_through_extract(tmp_path):
    import newsgraph

    record = newsgraph.extract(GERMAN_ARTICLE, lang="de", published="2025-05-07", url="https://e.example/merz")
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        assert store.ingest([record]).added == 1
        counts = summary(store)
        assert counts["articles"] == 1
        assert counts["mentions"] == sum(len(e.mentions) for e in record.entities)
        assert counts["event_sources"] == len(record.events)
        assert counts["quotes"] == len(record.quotes)
        assert counts["times"] == len(record.times)
        export_records(store, tmp_path / "out.jsonl")
    (back,) = read_records(tmp_path / "out.jsonl")
    assert back == record
    # the same article through the CLI's article path (extraction on the way) is recognised as stored
    from typer.testing import CliRunner

    from newsgraph.store.cli import store_app

    article = tmp_path / "merz.jsonl"
    article.write_text(json.dumps({"text": GERMAN_ARTICLE, "url": "https://e.example/merz",
                                   "published": "2025-05-07", "language": "de"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(store_app, ["ingest", str(article), "--db", str(db), "--json", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["unchanged"] == 1


# -- knowledge base ----------------------------------------------------------------------------------


def test_starter_kb_resolves_offices_by_date():
    from newsgraph.store.kb import KnowledgeBase

    kb = KnowledgeBase.load()

    def holder(day: str, office: str, country: str) -> list[str]:
        return [e.name() for e in kb.holders(day, office=office, of=f"iso3166:{country}")]

    assert holder("2021-05-24", "head_of_state", "US") == ["Joe Biden"]
    assert holder("2021-01-20", "head_of_state", "US") == ["Joe Biden"]  # the day of the handover
    assert holder("2021-01-19", "head_of_state", "US") == ["Donald Trump"]
    assert holder("2025-06-01", "head_of_state", "US") == ["Donald Trump"]
    assert holder("2021-05-24", "foreign_minister", "DE") == ["Heiko Maas"]
    assert holder("2010-01-01", "head_of_state", "RU") == ["Dmitry Medvedev"]
    assert holder("2017-02-15", "foreign_minister", "US") == ["Rex Tillerson"]
    assert holder("2017-01-25", "foreign_minister", "US") == []  # an acting official: honestly nobody
    assert kb.link("Lawrow", "PER") == kb.link("Sergey Lavrov", "PER") == "kb:per:sergey-lavrov"
    assert kb.link("Moskau", "LOC") == "kb:loc:moscow"
    assert kb.link("Lawrow", "LOC") is None
    assert kb.by_id["iso3166:DE"].capital == "kb:loc:berlin"


def _wikidata_item(qid: str, p31: str, de: str, en: str, claims: dict | None = None) -> dict:
    def item_value(target: str) -> dict:
        return {"mainsnak": {"datavalue": {"value": {"id": target}}}}

    return {
        "id": qid, "type": "item",
        "labels": {"de": {"language": "de", "value": de}, "en": {"language": "en", "value": en},
                   "fr": {"language": "fr", "value": en}},
        "aliases": {"en": [{"language": "en", "value": en.split()[-1]}]},
        "claims": {"P31": [item_value(p31)], **(claims or {})},
    }


def test_kb_build_streams_a_wikidata_dump(tmp_path):
    import bz2

    from typer.testing import CliRunner

    from newsgraph.store.cli import store_app
    from newsgraph.store.kb import KnowledgeBase, read_kb

    def time(value: str, precision: int = 11) -> list[dict]:
        return [{"datavalue": {"value": {"time": value, "precision": precision}}}]

    term = {"mainsnak": {"datavalue": {"value": {"id": "Q11696"}}},
            "qualifiers": {"P580": time("+2021-01-20T00:00:00Z"), "P582": time("+2025-01-20T00:00:00Z")}}
    items = [
        _wikidata_item("Q6279", "Q5", "Joe Biden", "Joe Biden", {"P39": [term]}),
        _wikidata_item("Q30", "Q6256", "Vereinigte Staaten", "United States",
                       {"P36": [{"mainsnak": {"datavalue": {"value": {"id": "Q61"}}}}]}),
        _wikidata_item("Q146", "Q729", "Hauskatze", "house cat"),  # not a kind of entity the KB keeps
    ]
    dump = tmp_path / "latest-all.json.bz2"
    with bz2.open(dump, "wt", encoding="utf-8") as out:  # the dump's shape: a JSON array, one item a line
        out.write("[\n" + ",\n".join(json.dumps(i) for i in items) + "\n]\n")
    result = CliRunner().invoke(store_app, ["kb", "build", str(dump), "-o", str(tmp_path / "kb.jsonl")])
    assert result.exit_code == 0, result.output
    entities = list(read_kb(tmp_path / "kb.jsonl"))
    assert [(e.id, e.type) for e in entities] == [("Q6279", "PER"), ("Q30", "LOC")]
    assert entities[0].names == {"de": ["Joe Biden"], "en": ["Joe Biden"]}  # only the languages asked for
    assert entities[1].capital == "Q61"
    kb = KnowledgeBase.load(tmp_path / "kb.jsonl")
    assert [e.id for e in kb.holders("2022-03-01", position="Q11696")] == ["Q6279"]
    assert kb.holders("2025-03-01", position="Q11696") == []


def test_kb_linking_merges_names_the_transliteration_key_cannot(tmp_path):
    from newsgraph.store.kb import KnowledgeBase

    def report(url: str, name: str) -> Record:
        art = _Article(url, "2021-05-21")
        art.entity("e1", "PER", name).say(f" sprach in Moskau ({url}).")
        return art.record(url[-1])

    with Store(tmp_path / "news.duckdb", kb=KnowledgeBase.load()) as store:
        store.ingest([report("https://a.example/1", "Wladimir Putin"), report("https://b.example/2", "Putin"),
                      report("https://c.example/3", "Wladimir Klitschko")])
        (putin,) = find_entities(store, "Putin")
        assert (putin["kb_id"], putin["articles"]) == ("kb:per:vladimir-putin", 2)
        assert find_entities(store, "Wladimir Klitschko")[0]["kb_id"] is None  # not in the KB: no guess
