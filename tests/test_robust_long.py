"""Long texts: cut into sections for the statistical layers, one record for the whole text.

The section size is lowered here so that short texts written for the tests take the long-text
path; what is checked is that the result is the same as processing the text whole, that offsets
stay relative to the whole text, and that spaCy's length limit (E088) no longer applies.
"""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph import api
from newsgraph.api import split_sections

PARAGRAPHS = [
    "Außenministerin Clara Hollweg traf am Dienstag in Graz ihren Amtskollegen Piet Saarland.",
    "„Wir haben viel erreicht“, sagte Hollweg nach dem Treffen. Saarland sprach von einem guten Tag.",
    "Am Mittwoch reist Hollweg nach Linz weiter, wo sie den Bürgermeister Otto Fennek treffen will.",
    "Die Ministerin sagte, die Gespräche in Graz seien offen gewesen.",
]
TEXT = "Gespräche in Graz\n\n" + "\n\n".join(PARAGRAPHS * 3) + "\n"


@pytest.mark.parametrize(
    "text",
    [TEXT, "a" * 1000, ("Satz eins. Satz zwei! " * 60), ("Zeile\n" * 200), "x" * 7 + " " * 500 + "y", ""],
)
def test_sections_join_back_and_respect_the_size(text):
    sections = split_sections(text, 120)
    assert "".join(sections) == text
    assert all(len(s) <= 120 for s in sections)


def test_sections_end_at_a_blank_line_when_there_is_one():
    sections = split_sections(TEXT, 300)
    assert len(sections) > 1
    assert all(s.endswith("\n\n") for s in sections[:-1])


def test_sections_end_at_a_sentence_without_line_breaks():
    text = "Das ist ein Satz. " * 40
    assert all(s.endswith(". ") for s in split_sections(text, 100)[:-1])


def test_sectioned_record_equals_the_whole_one(monkeypatch):
    whole = newsgraph.extract(TEXT, lang="de", published="2025-03-05")
    monkeypatch.setattr(api, "SECTION_CHARS", 250)
    assert len(split_sections(TEXT, api.SECTION_CHARS)) > 3
    sectioned = newsgraph.extract(TEXT, lang="de", published="2025-03-05")
    assert sectioned.to_json() == whole.to_json()
    # the person of the first section is the speaker of a quote in a later one: one entity across sections
    hollweg = [e for e in sectioned.entities if e.name.endswith("Hollweg")]
    assert len(hollweg) == 1 and hollweg[0].mentions[-1].start > 3 * api.SECTION_CHARS


def test_longer_than_spacys_limit(monkeypatch):
    nlp = newsgraph.pipeline_for("de")
    monkeypatch.setattr(nlp, "max_length", 600)
    monkeypatch.setattr(api, "SECTION_CHARS", 500)
    record = newsgraph.extract(TEXT, lang="de", published="2025-03-05")
    assert record.text == TEXT
    assert {e.name for e in record.entities} >= {"Clara Hollweg", "Graz", "Linz"}
    for entity in record.entities:
        for m in entity.mentions:
            assert TEXT[m.start : m.end] == m.text
    for t in record.times:
        assert TEXT[t.start : t.end] == t.text
    assert record.times[-1].start > api.SECTION_CHARS  # a time of the last section, offset in the whole text


def test_one_giant_token_is_cut_blindly():
    assert [len(s) for s in split_sections("z" * 250, 100)] == [100, 100, 50]
