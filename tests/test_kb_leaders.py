"""World leaders in the starter knowledge base (``resources/kb/leaders.toml``): the file itself, and
what it changes in the pipeline (names linked across languages, office phrases resolved to the holder
of the day). Sentences are written for these tests."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

import pytest

import newsgraph
from newsgraph.kb import (
    LEADERS_KB,
    STARTER_KB,
    STARTER_KB_FILES,
    KnowledgeBase,
    _day,
    linker_for,
    load_kb,
    read_kb,
)


def leaders():
    return list(read_kb(LEADERS_KB))


def persons_named(record, kb_id: str):
    return [e for e in record.entities if e.kb_id == kb_id]


# -- the file ---------------------------------------------------------------------------------------


def test_leaders_load_with_the_starter_kb_wherever_it_is_named():
    ids = {e.id for e in leaders()}
    assert "kb:per:volodymyr-zelenskyy" in ids
    for kb in (load_kb("starter"), KnowledgeBase.load(), KnowledgeBase.load(STARTER_KB)):
        assert ids <= set(kb.by_id)
        assert "kb:per:joe-biden" in kb.by_id  # starter.toml is still there


def test_every_term_is_a_date_range_of_a_known_office_holder():
    known = {e.id for path in STARTER_KB_FILES for e in read_kb(path)}
    for entity in leaders():
        for term in entity.offices:
            start, end = _day(term.start), _day(term.end)
            assert start is not None, (entity.id, term)
            assert term.end is None or (end is not None and start < end), (entity.id, term)
            assert term.office and term.of, (entity.id, term)
            assert term.of in known or term.of.startswith("iso3166:"), (entity.id, term.of)


def test_no_id_is_given_twice_across_the_starter_files():
    seen: dict[str, str] = {}
    for path in STARTER_KB_FILES:
        for entity in read_kb(path):
            assert entity.id not in seen, f"{entity.id} in {seen.get(entity.id)} and {path.name}"
            seen[entity.id] = path.name


def test_no_two_people_hold_one_office_on_the_same_day():
    terms: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for path in STARTER_KB_FILES:
        for entity in read_kb(path):
            for t in entity.offices:
                if t.office and t.of and t.start:
                    terms[(t.office, t.of)].append((t.start, t.end or "9999", entity.id))
    for key, spans in terms.items():
        spans.sort()
        for (_, end, who), (start, _, other) in pairwise(spans):
            assert who == other or end <= start, f"{key}: {who} until {end}, {other} from {start}"


# -- linking -----------------------------------------------------------------------------------------


def test_german_and_english_spellings_link_to_one_person(nlp_de):
    german = newsgraph.extract("Präsident Selenskyj reiste am Montag nach Warschau und traf dort Studenten.",
                               lang="de", published="2024-03-04", nlp=nlp_de)
    english = newsgraph.extract("Zelenskyy travelled to Warsaw on Monday and met students there.",
                                lang="en", published="2024-03-04")
    assert persons_named(german, "kb:per:volodymyr-zelenskyy")
    assert persons_named(english, "kb:per:volodymyr-zelenskyy")


def test_turkish_spellings_with_and_without_diacritics_are_one_person():
    kb = load_kb("starter")
    found = {tuple(e.id for e in kb.find(name, "PER")) for name in ("Erdoğan", "Erdogan", "Tayyip Erdogan")}
    assert found == {("kb:per:recep-tayyip-erdogan",)}


# -- offices -------------------------------------------------------------------------------------------


def test_office_phrase_goes_to_the_holder_the_text_names(nlp_de):
    text = ("Erdoğan empfing am Dienstag in Ankara eine Delegation aus Schweden. Der türkische Präsident "
            "sprach danach von guten Gesprächen.")
    record = newsgraph.extract(text, lang="de", published="2023-03-14", nlp=nlp_de)
    (erdogan,) = persons_named(record, "kb:per:recep-tayyip-erdogan")
    assert erdogan.mentions
    assert "türkische Präsident" in [r.title for r in erdogan.roles]


def test_office_phrase_goes_to_the_holder_of_the_day(nlp_de):
    text = "Der türkische Präsident eröffnete am Mittwoch in Ankara eine neue Brücke."
    record = newsgraph.extract(text, lang="de", published="2010-06-09", nlp=nlp_de)
    assert persons_named(record, "kb:per:abdullah-gul")
    assert not persons_named(record, "kb:per:recep-tayyip-erdogan")


def test_posts_of_organisations_are_kept_but_read_from_no_office_phrase(nlp_de):
    kb = load_kb("starter")
    assert [e.id for e in kb.holders("2020-05-01", office="secretary_general", of="kb:org:nato")] == [
        "kb:per:jens-stoltenberg"]
    assert [e.id for e in kb.holders("2025-05-01", office="president", of="kb:org:european-commission")] == [
        "kb:per:ursula-von-der-leyen"]
    text = "Der Nato-Generalsekretär sprach am Montag in Brüssel."
    doc = nlp_de(text)
    start = text.index("Nato-Generalsekretär")
    assert linker_for("de").office_of(doc, start, start + len("Nato-Generalsekretär")) is None


@pytest.mark.parametrize(("day", "holder"), [("2019-05-19", "kb:per:petro-poroshenko"),
                                             ("2019-05-20", "kb:per:volodymyr-zelenskyy")])
def test_a_term_starts_on_its_first_day_and_ends_the_day_before_its_end(day, holder):
    kb = load_kb("starter")
    assert [e.id for e in kb.holders(day, office="head_of_state", of="iso3166:UA")] == [holder]
