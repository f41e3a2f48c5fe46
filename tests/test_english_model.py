"""The shipped English base (``models/en_newsgraph``) and what the layers do with its analyses.

One test per phenomenon, on sentences written for these tests. The model is spaCy's en_core_web_sm
3.8.0 (see ``src/newsgraph/models/MODEL_CARD_en.md``); its OntoNotes labels must reach the record as
newsgraph's PER/ORG/LOC/MISC, and the rule layers must read its tags and parse where English needs
them.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import newsgraph
from newsgraph.api import default_base
from newsgraph.ingest import IngestOptions, read_inputs
from newsgraph.record import Record

PUBLISHED = "2024-03-12"


@pytest.fixture(scope="module")
def nlp():
    return newsgraph.load("en")


def _extract(text: str) -> Record:
    return newsgraph.extract(text, lang="en", published=PUBLISHED)


def _mentions(record: Record) -> dict[str, tuple[str, list[str]]]:
    return {e.name: (e.type, [m.text for m in e.mentions]) for e in record.entities}


def test_shipped_base_is_the_default_and_needs_no_torch(nlp) -> None:
    """``load("en")`` uses the package's own model (nothing downloaded): tagger, parser and NER run,
    and the fast pipeline never imports torch."""
    base = default_base("en")
    assert base is not None and base.name == "en_newsgraph"
    meta = json.loads((base / "meta.json").read_text(encoding="utf-8"))
    assert (meta["name"], meta["version"], meta["license"]) == ("newsgraph", "3.8.0", "MIT")
    assert (base / "LICENSE").exists()
    for name in ("tagger", "parser", "ner", "newsgraph_entities", "newsgraph_events"):
        assert nlp.has_pipe(name)
    doc = nlp("Kenyan President Amara Odhiambo flew to Oslo on Tuesday.")
    assert doc.has_annotation("TAG") and doc.has_annotation("DEP")
    # in a fresh interpreter: other tests (accurate mode) import torch into this one
    probe = (
        "import sys, newsgraph; newsgraph.extract('Amara Odhiambo met Jonas Berg in Oslo.', lang='en'); "
        "print('torch' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_model_labels_become_newsgraph_labels(nlp) -> None:
    """OntoNotes PERSON/GPE/ORG reach ``doc.ents`` as PER/LOC/ORG; dates and numbers are no entities."""
    doc = nlp("Amara Odhiambo, the head of Kestrel Mining Corporation, spent 3 days in Norway in May.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Amara Odhiambo") == "PER"
    assert labels.get("Norway") == "LOC"
    assert set(labels.values()) <= {"PER", "ORG", "LOC", "MISC"}
    assert "May" not in labels and "3 days" not in labels


def test_person_unknown_to_the_knowledge_base_is_found() -> None:
    """A person no gazetteer or KB knows (the blank pipeline missed such names) is a PER entity,
    and the bare surname later joins the full name."""
    r = _extract("Tomasz Wierzbicki arrived in Vilnius on Monday. Wierzbicki said the visit was overdue.")
    names = _mentions(r)
    assert names["Tomasz Wierzbicki"] == ("PER", ["Tomasz Wierzbicki", "Wierzbicki"])


def test_family_name_first_alone_joins_the_full_name() -> None:
    """`Wang Yi ... Wang said`: a name whose family name comes first; the model calls the bare
    `Wang` an organisation, but it is the person named in full before, and the quote's speaker."""
    r = _extract("Blinken met Chinese foreign minister Wang Yi in Beijing. Wang said the talks were candid.")
    assert _mentions(r)["Wang Yi"] == ("PER", ["Wang Yi", "Wang"])
    quote = next(q for q in r.quotes if "candid" in q.text)
    wang = next(e for e in r.entities if e.name == "Wang Yi")
    assert quote.speaker == wang.id


def test_title_words_are_no_organisations() -> None:
    """`Secretary of State X`, `Defense Secretary Y`: the model tags `State` and `Defense` as ORG; they
    are words of the office, which becomes the person's role."""
    r = _extract("Secretary of State Antony Blinken and Defense Secretary Lloyd Austin arrived in Manila.")
    names = _mentions(r)
    assert "State" not in names and "Defense" not in names
    roles = {e.name: [x.title for x in e.roles] for e in r.entities}
    assert roles["Antony Blinken"] == ["Secretary of State"]


def test_leading_article_is_no_part_of_the_name() -> None:
    """`The United Nations said`: OntoNotes spans include the article; the mention starts at the name."""
    r = _extract("The United Nations said on Monday that aid convoys had reached the city.")
    assert "United Nations" in _mentions(r)
    assert all(not m.startswith("The ") for _, ms in _mentions(r).values() for m in ms)


def test_possessive_ending_is_no_part_of_the_name() -> None:
    """`the Liberal Alliance's leader`: the possessive `'s` is cut from the mention."""
    text = "Marta Kowalczyk, the Liberal Alliance's leader, met the prime minister on Monday."
    r = _extract(text)
    org = next(e for e in r.entities if e.type == "ORG")
    assert [m.text for m in org.mentions] == ["Liberal Alliance"]
    assert all(text[m.start : m.end] == m.text for m in org.mentions)


def test_nationality_adjective_is_no_entity() -> None:
    """`Bolivian troops`, `Norwegian diplomats`: nationality adjectives (OntoNotes NORP, or an
    adjective the model mistakes for a name) are no mentions."""
    r = _extract("Norwegian diplomats and Bolivian troops arrived in Juba on Friday.")
    names = _mentions(r)
    assert "Norwegian" not in names and "Bolivian" not in names
    assert "Juba" in names


def test_possessor_of_an_apposition_is_no_party() -> None:
    """`X met Y, the Liberal Alliance's chief negotiator`: the party named in the apposition only
    says whose negotiator Y is; the meeting is X's and Y's."""
    r = _extract(
        "Prime Minister Anna Lindqvist met Marta Kowalczyk, the Liberal Alliance's chief negotiator, "
        "in Warsaw on Monday."
    )
    names = {e.id: e.name for e in r.entities}
    meetings = [ev for ev in r.events if ev.type in {"meeting", "talks"}]
    assert meetings
    assert {names[p] for p in meetings[0].participants} == {"Anna Lindqvist", "Marta Kowalczyk"}


def test_relative_clause_cue_stays_in_its_clause() -> None:
    """`X said he would call Y, who was not invited to the summit, to brief him`: the tagger's `who`
    (WP) opens a relative clause, so its `not invited` does not deny the intended call."""
    r = _extract(
        "Harlan said he would call Ukrainian President Petro Hrytsenko, who was not invited to the summit, "
        "to brief him."
    )
    calls = [ev for ev in r.events if ev.type == "phone_call"]
    assert calls and calls[0].status in {"planned", "possible"}


def test_troops_of_a_country_are_no_visitors() -> None:
    """`NATO peacekeeping troops arrived in X`: the troops arrive; the alliance named before them
    pays no visit."""
    r = _extract("A second battalion of NATO peacekeeping troops arrived in Kosovo on Tuesday, officials said.")
    assert not [ev for ev in r.events if ev.type == "visit"]


def test_mixed_feed_detects_each_article_and_lang_wins(tmp_path) -> None:
    """A JSONL feed with German and English articles: each gets its own language; ``--lang``
    (``IngestOptions.language``) applies to every article that does not state its own."""
    feed = tmp_path / "feed.jsonl"
    rows = [
        {
            "text": "Die Außenministerin traf am Montag ihren französischen Amtskollegen in Paris. "
            "Beide sprachen über die Lage im Nahen Osten und die Hilfe für die Ukraine."
        },
        {
            "text": "The foreign minister met her French counterpart in Paris on Monday. "
            "They discussed the situation in the Middle East and support for Ukraine."
        },
    ]
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    detected = list(read_inputs([feed]))
    assert [(a.language, a.language_detected) for a in detected] == [("de", True), ("en", True)]
    forced = list(read_inputs([feed], options=IngestOptions(language="en")))
    assert [(a.language, a.language_detected) for a in forced] == [("en", False), ("en", False)]


def test_month_abbreviation_without_period() -> None:
    """`Feb 28` (wire style, no period) is a date; `Jan` before a surname stays a given name."""
    r = _extract("The two presidents met on Feb 28 in Geneva. Jan Novak, the host, said the talks went well.")
    values = {t.text: t.value for t in r.times}
    assert values.get("Feb 28") == "2024-02-28"
    assert not any(t.text.startswith("Jan") for t in r.times)


def test_a_persons_own_organisation_is_no_second_party() -> None:
    """`X and his Y party agreed to …`: the party the person owns (`his`) is that person's side; one
    side alone makes no agreement between parties."""
    r = _extract("President Amara Odhiambo and his National Renewal Party agreed to hold early elections.")
    assert not [ev for ev in r.events if ev.type == "agreement"]


_MIXED = {
    "1-de.txt": "Bundeskanzler Olaf Brandt hat am Montag in Berlin den polnischen Regierungschef Marek Nowak "
    "empfangen. Beide sprachen über die Lage an der Grenze und die Hilfe für die Ukraine.",
    "2-en.txt": "Danish Prime Minister Ida Sorensen met Estonian Prime Minister Mart Tamm in Tallinn on Monday. "
    "The two leaders discussed Baltic shipping and energy links.",
    "3-de.txt": "Außenministerin Anna Keller reiste am Dienstag nach Wien und traf dort ihren österreichischen "
    "Amtskollegen Lukas Gruber zu Gesprächen über die Migration.",
}


def _cli_records(args: list[str]) -> list[Record]:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["extract", *args, "--published", PUBLISHED, "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    return [Record.model_validate_json(line) for line in result.stdout.splitlines() if line.strip()]


def test_cli_detects_the_language_of_each_article_of_a_mixed_folder_and_feed(tmp_path) -> None:
    """``newsgraph extract`` over a folder and a JSON Lines feed of German and English articles: each
    record has its article's language and that language's events (the batches group articles by
    language and keep the input order); ``--lang`` decides for every article that states none."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, text in _MIXED.items():
        (folder / name).write_text(text, encoding="utf-8")
    records = _cli_records([str(folder)])
    assert [r.language for r in records] == ["de", "en", "de"]
    people = [{e.name for e in r.entities if e.type == "PER"} for r in records]
    assert {"Ida Sorensen", "Mart Tamm"} <= people[1]
    assert all(r.events for r in records), [r.events for r in records]
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": name, "text": text} for name, text in _MIXED.items()]
    rows.append({"id": "4-stated", "text": _MIXED["2-en.txt"], "language": "en"})
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    records = _cli_records([str(feed)])
    assert [(r.id, r.language) for r in records] == [
        ("1-de.txt", "de"),
        ("2-en.txt", "en"),
        ("3-de.txt", "de"),
        ("4-stated", "en"),
    ]
    forced = _cli_records([str(feed), "--lang", "en"])
    assert [r.language for r in forced] == ["en", "en", "en", "en"]
