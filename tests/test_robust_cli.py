"""Faults in a run over many articles: a poisoned batch, kills and resumes, dates at the calendar's limits,
a quote index that lags the store.

Every article here is written for these tests. The store-level tests build records by hand
(``test_store._meeting``), so they check the store, not the NLP layers; the CLI tests run the real
pipeline on a few short texts.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

duckdb = pytest.importorskip("duckdb", reason="the store needs the `store` extra (duckdb)")

from typer.testing import CliRunner  # noqa: E402

from newsgraph.cli import app  # noqa: E402
from newsgraph.store import Store, search_quotes  # noqa: E402
from newsgraph.store.fts import QuoteIndex, index_path  # noqa: E402
from newsgraph.store.merge import Report, load_rules, prepare  # noqa: E402

from .test_store import (  # noqa: E402
    _count,
    _finish_and_compare,
    _generate,
    _ingest_command,
    _kill_after,
    _meeting,
)

runner = CliRunner()

#: short German articles, one happening each (written for these tests)
GOOD = {
    "rom.txt": "Wadephul in Rom\n\nAußenminister Johann Wadephul ist am Dienstag in Rom mit seinem italienischen "
               "Amtskollegen Antonio Tajani zusammengetroffen. Beide sprachen über die Lage im Nahen Osten.\n",
    "prag.txt": "Treffen in Prag\n\nDie Regierungschefs Tschechiens und der Slowakei haben sich am Freitag in Prag "
                "getroffen. Sie vereinbarten eine engere Zusammenarbeit bei der Energieversorgung.\n",
}
#: JSON Lines articles: good ones, one with a placeholder date, one at the calendar's end
FEED = [
    {"url": "https://example.org/1", "date": "2025-06-03", "lang": "de",
     "body": "Die Ministerin Katherina Reiche reiste am Freitag nach Washington zu Gesprächen mit Howard Lutnick."},
    {"url": "https://example.org/2", "published": "0001-01-01", "language": "de",
     "text": "Präsident Frank-Walter Steinmeier empfing am Montag in Berlin den finnischen Präsidenten."},
    {"url": "https://example.org/3", "published": "9999-12-31", "language": "de",
     "text": "Der Bürgermeister von Wien traf am Mittwoch Vertreter der Stadt Bratislava zu Gesprächen."},
]


def _poisoned_folder(root: Path, *, huge: int) -> Path:
    """Good articles with bad ones among them: a huge one, binary, latin-1, a bad JSON Lines line."""
    folder = root / "in"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    lines = [json.dumps(row, ensure_ascii=False).encode() for row in FEED]
    lines.insert(1, '{"url": "https://example.org/bad", "text": "Gr\xfc\xdfe aus M\xfcnchen"}'.encode("latin-1"))
    huge_text = "Ein langer Bericht über die Verhandlungen in Brüssel. " * (huge // 54 + 1)
    lines.append(json.dumps({"url": "https://example.org/huge", "language": "de", "text": huge_text}).encode())
    (folder / "feed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (folder / "bild.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "alt.txt").write_bytes("Die Außenminister trafen sich in Genf zu Gesprächen.".encode("latin-1"))
    return folder


@pytest.fixture()
def small_pipeline(monkeypatch):
    """The German pipeline refusing texts over 5,000 characters, as it refuses them over 1,000,000 (E088):
    a "huge" article without the cost of a real one."""
    from newsgraph.api import pipeline_for

    monkeypatch.setattr(pipeline_for("de", "fast"), "max_length", 5000)


def _ingest(folder: Path, db: Path, errors: Path, *extra: str):
    return runner.invoke(app, ["ingest", str(folder), str(folder / "missing.txt"), "--db", str(db),
                               "--errors", str(errors), "--no-progress", "--json", *extra])


def test_poisoned_batch_stores_every_good_article_and_lists_every_bad_one(tmp_path, small_pipeline):
    folder = _poisoned_folder(tmp_path, huge=6000)
    db, errors = tmp_path / "news.duckdb", tmp_path / "errors.jsonl"
    result = _ingest(folder, db, errors)
    assert result.exit_code == 1, result.output
    listed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    failed = {row["input"]: row for row in listed if row["severity"] == "error"}
    assert failed[str(folder / "bild.txt")]["kind"] == "binary"
    assert failed[str(folder / "alt.txt")]["kind"] == "undecodable"
    assert failed[f"{folder / 'feed.jsonl'}:2"]["kind"] == "undecodable"
    assert failed[str(folder / "missing.txt")]["kind"] == "unreadable"
    warned = {row["input"]: row["message"] for row in listed if row["severity"] == "warning"}
    assert "placeholder" in warned[f"{folder / 'feed.jsonl'}:3"]
    with Store(db, read_only=True) as store:
        stored = dict(store.con.execute("SELECT coalesce(url, title), published FROM articles").fetchall())
        in_table = {row["input"] for row in store.errors(severity="error")}
    # every good article, the placeholder-dated one without a date and the last day of the calendar kept
    assert {"Wadephul in Rom", "Treffen in Prag", *(row["url"] for row in FEED)} <= set(stored)
    assert stored["https://example.org/2"] is None
    assert stored["https://example.org/3"] == dt.date(9999, 12, 31)
    huge = f"{folder / 'feed.jsonl'}:5"
    assert "https://example.org/huge" in stored or "E088" in failed[huge]["message"]  # never lost
    assert set(failed) <= in_table | {huge} and in_table <= set(failed)

    again = _ingest(folder, db, errors)  # the rerun goes past every bad article and loses none
    assert again.exit_code == 1, again.output
    relisted = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert {r["input"] for r in relisted if r["severity"] == "error"} == set(failed)
    assert json.loads(again.stdout)["added"] == 0
    with Store(db, read_only=True) as store:
        assert _count(store, "SELECT count(*) FROM articles") == len(stored)
        assert {row["input"] for row in store.errors(severity="error")} == in_table


def test_resume_skips_stored_articles_before_extraction(tmp_path, monkeypatch):
    import newsgraph.api

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "news.duckdb"
    assert runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-progress"]).exit_code == 0
    (folder / "neu.txt").write_text("Neues Treffen\n\nDer Kanzler traf am Donnerstag in Warschau den polnischen "
                                    "Regierungschef.\n", encoding="utf-8")
    real, seen = newsgraph.api.extract_batch, []

    def counting(articles, **kwargs):  # the CLI extracts in batches (nlp.pipe)
        seen.extend(article["text"] for article in articles)
        return real(articles, **kwargs)

    monkeypatch.setattr(newsgraph.api, "extract_batch", counting)
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-progress", "--json"])
    assert result.exit_code == 0, result.output
    assert [text.splitlines()[0] for text in seen] == ["Neues Treffen"]  # the stored two were not extracted
    stats = json.loads(result.stdout)
    assert (stats["added"], stats["unchanged"], stats["skipped_before_extraction"]) == (1, 2, 2)


def test_killed_again_and_again_then_resumed_loses_and_duplicates_nothing(tmp_path):
    records = tmp_path / "records.jsonl"
    n = 1500
    _generate(records, n, seed=11)
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    stops = (300, 700, 1100)  # each run resumes the last one's work and is killed further on
    reached = [_kill_after(_ingest_command(records, killed_db), stop) for stop in stops]
    assert all(stop <= got < n for stop, got in zip(stops, reached, strict=True)), reached
    _finish_and_compare(records, killed_db, clean_db, n)


def test_a_poisoned_record_file_stores_the_good_records(tmp_path):
    good = _meeting("https://a.example/1", "2021-05-21")
    off = _meeting("https://b.example/2", "2021-05-21").model_dump(mode="json")
    off["entities"][0]["mentions"][0]["end"] += 3  # offsets that miss the text
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join([good.to_json(), '{"id": "x", "entities": [', json.dumps(off)]) + "\n",
                       encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(records), "--db", str(tmp_path / "n.duckdb"), "--no-progress",
                                 "--json"])
    assert result.exit_code == 1, result.output
    answer = json.loads(result.stdout)
    assert answer["added"] == 1
    assert [(e["input"], e["kind"]) for e in answer["errors"]] == [
        (f"{records}:2", "malformed_json"), (f"{records}:3", "span_errors")]


# -- the store alone --------------------------------------------------------------------------------


def test_a_record_that_fails_in_the_store_costs_only_itself(tmp_path, monkeypatch):
    import newsgraph.store.db as db_module

    real = db_module.prepare

    def prepare_or_fail(report, rules):
        if report.type == "explosion":
            raise OverflowError("date value out of range")
        return real(report, rules)

    monkeypatch.setattr(db_module, "prepare", prepare_or_fail)
    good = [_meeting(f"https://{c}.example/{c}", "2021-05-21") for c in "ab"]
    bad = _meeting("https://c.example/bad", "2021-05-21", etype="explosion")
    with Store(tmp_path / "news.duckdb") as store:
        stats = store.ingest([good[0], (bad, "feed.jsonl:2"), good[1]])
        assert (stats.added, stats.failed) == (2, 1)
        (row,) = store.errors()
        assert (row["input"], row["stage"], row["kind"]) == ("feed.jsonl:2", "store", "OverflowError")
        assert _count(store, "SELECT count(*) FROM articles WHERE url = 'https://c.example/bad'") == 0
        again = store.ingest([good[0], (bad, "feed.jsonl:2"), good[1]])  # a rerun goes past it again
        assert (again.unchanged, again.failed, len(store.errors())) == (2, 1, 1)
        monkeypatch.undo()
        assert store.ingest([(bad, "feed.jsonl:2")]).added == 1  # once it can be stored, its error is gone
        assert store.errors() == []


def test_dates_at_the_calendar_limits_are_stored_not_crashed_on(tmp_path):
    first = _meeting("https://a.example/1", "0001-01-01", date="9999-12-31")
    last = _meeting("https://b.example/2", "9999-12-31", date=None)
    earliest = _meeting("https://c.example/3", "2021-05-21", date="0001-01-01")
    with Store(tmp_path / "news.duckdb") as store:
        stats = store.ingest([first, last, earliest])
        assert (stats.added, stats.failed, stats.warnings) == (3, 0, 1)
        published = dict(store.con.execute("SELECT url, published FROM articles").fetchall())
        assert published["https://a.example/1"] is None  # the placeholder means "no date"
        assert published["https://b.example/2"] == dt.date(9999, 12, 31)
        (warning,) = store.errors(severity="warning")
        assert warning["input"] == first.id and "placeholder" in warning["message"]


def test_merge_windows_are_clamped_to_the_calendar():
    rules = load_rules()
    last = prepare(Report(1, "ev1", "meeting", "happened", frozenset({1}), None, "9999-12-31", None), rules)
    assert last.window_hi == dt.date.max and last.window_lo < dt.date.max
    undated = prepare(Report(2, "ev1", "meeting", "planned", frozenset({1}), None, None, dt.date(9999, 12, 30)), rules)
    assert undated.window_hi == dt.date.max
    first = prepare(Report(3, "ev1", "meeting", "happened", frozenset({1}), None, "0001-01-02", None), rules)
    assert first.window_lo == dt.date.min


# -- the quote index against the store ---------------------------------------------------------------


def _lagging_index(db: Path, how: str = "missed commit") -> None:
    """A store whose quote index lags it: it missed its last commit (as after a kill between the two
    commits), has an older layout, or is gone."""
    with Store(db) as store:
        store.ingest([_meeting("https://a.example/1", "2021-05-21", quote="Wir wollen Frieden.")])
    if how == "deleted":
        index_path(db).unlink()
        return
    with sqlite3.connect(index_path(db)) as index:
        if how == "older layout":
            index.execute("UPDATE index_state SET value = 'newsgraph-quotes/1' WHERE key = 'format'")
            return
        index.execute("DELETE FROM quote_text")
        index.execute("DELETE FROM quote_meta")
        index.execute("UPDATE index_state SET value = '-1' WHERE key = 'last_batch'")


@pytest.mark.parametrize("how", ["missed commit", "older layout", "deleted"])
def test_a_read_only_open_repairs_a_lagging_quote_index(tmp_path, how):
    db = tmp_path / "news.duckdb"
    _lagging_index(db, how)
    with Store(db, read_only=True) as store:
        assert store.index_problem is None
        assert [q["text"] for q in search_quotes(store, words="Frieden")] == ["Wir wollen Frieden."]
    with sqlite3.connect(index_path(db)) as index:  # repaired in the file, not just answered around
        assert index.execute("SELECT count(*) FROM quote_meta").fetchone()[0] == 1


def test_an_index_in_step_is_not_rebuilt_on_open(tmp_path, monkeypatch):
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        store.ingest([_meeting("https://a.example/1", "2021-05-21", quote="Wir wollen Frieden.")])
        store.ingest([_meeting("https://a.example/1", "2021-05-22", quote="Wir wollen Ruhe.")])  # a new version
        store.ingest([_meeting("https://b.example/2", "2021-05-22", quote="Wir wollen Ruhe.")])
        assert store.quote_index.count() == _count(store, "SELECT count(*) FROM quotes") == 2

    def refuse(self, *args, **kwargs):
        raise AssertionError("an index in step with the store was rebuilt")

    monkeypatch.setattr(QuoteIndex, "rebuild", refuse)
    for read_only in (True, False):
        with Store(db, read_only=read_only) as store:
            assert store.index_problem is None


def test_a_quote_index_that_cannot_be_repaired_is_flagged_and_bypassed(tmp_path, monkeypatch):
    db = tmp_path / "news.duckdb"
    _lagging_index(db)

    def refuse(self, *args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(QuoteIndex, "rebuild", refuse)
    with Store(db, read_only=True) as store:
        assert "cannot be rebuilt" in (store.index_problem or "")
        assert [q["text"] for q in search_quotes(store, words="frieden")] == ["Wir wollen Frieden."]
        assert search_quotes(store, words="Frie") == []  # whole words, as the index matches them
    result = runner.invoke(app, ["quotes", "Frieden", "--db", str(db), "--json"])
    assert result.exit_code == 0
    assert "quote search answers from the store itself" in result.stderr
    assert [q["text"] for q in json.loads(result.stdout)] == ["Wir wollen Frieden."]


# -- the HTTP API's ingest ---------------------------------------------------------------------------


def test_api_ingest_keeps_the_good_articles_of_a_poisoned_request(tmp_path):
    pytest.importorskip("fastapi", reason="the web API needs the `web` extra")
    from fastapi.testclient import TestClient

    from newsgraph.web import Settings, create_app

    # the server extracts in worker processes: the poisoned article is one the pipeline itself refuses
    # (no language can be told from digits alone)
    token = "robust-token-0123456789abcdef"
    last_day = _meeting("https://a.example/last", "9999-12-31")
    body = {
        "articles": [{"text": GOOD["rom.txt"], "published": "2025-06-03"},
                     {"text": "1234 5678 90 + 17"}],
        "records": [last_day.model_dump(mode="json")],
    }
    app = create_app(Settings(db=tmp_path / "web.duckdb", token=token, extract_workers=1))
    with TestClient(app, base_url="http://localhost") as client:
        response = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200, response.text
        answer = response.json()
        assert (answer["added"], answer["failed"]) == (2, 1)
        (problem,) = answer["errors"]
        assert problem["input"] == "articles.1" and "language" in problem["message"]
        assert client.get("/api/health").json()["store"]["articles"] == 2
