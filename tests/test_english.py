"""English end-to-end tests: one per phenomenon, on made-up but real-looking English news.

These run the whole default English pipeline (the shipped statistical base plus the rule layers)
through :func:`newsgraph.extract` and check what the record says about quotes, bare surnames and the
events that depend on both; tests/test_english_model.py covers the base itself. German behaviour
is covered by the German tests and the gold evaluation.
"""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.record import Quote, Record

PUBLISHED = "2021-05-21"


def _extract(text: str) -> Record:
    return newsgraph.extract(text, lang="en", published=PUBLISHED)


def _entity_name(record: Record, entity_id: str | None) -> str | None:
    return next((e.name for e in record.entities if e.id == entity_id), None)


def _only_quote(record: Record) -> Quote:
    assert len(record.quotes) == 1, [q.model_dump() for q in record.quotes]
    return record.quotes[0]


def _spans_anchored(text: str, record: Record) -> None:
    for q in record.quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker_span is not None:
            assert text[q.speaker_span.start : q.speaker_span.end] == q.speaker_span.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text


# -- quotes: direct ------------------------------------------------------------------------------


def test_direct_quote_comma_inside_marks_then_subject_and_verb() -> None:
    """`"…," X said`: English puts the comma inside the marks; the quote is a direct one (not a
    fragment), and its speaker is the subject after it, not a word inside the quote."""
    text = 'The talks lasted two hours. "We are ready to work together," Lavrov said after the talks.'
    r = _extract(text)
    q = _only_quote(r)
    assert q.kind == "direct"
    assert q.text == "We are ready to work together,"
    assert q.speaker_text == "Lavrov"
    assert _entity_name(r, q.speaker) == "Lavrov"
    assert q.cue is not None and q.cue.text == "said"
    _spans_anchored(text, r)


def test_direct_quote_inverted_said_subject() -> None:
    """`"…," said X`: the verb comes first, the speaker after it."""
    text = '"We will not give up," said Ukrainian President Volodymyr Zelensky on Monday.'
    r = _extract(text)
    q = _only_quote(r)
    assert q.kind == "direct"
    assert _entity_name(r, q.speaker) == "Volodymyr Zelensky"
    _spans_anchored(text, r)


def test_direct_quote_after_colon() -> None:
    """`X said: "…"`: a colon announces the quote."""
    text = 'German Chancellor Olaf Scholz said: "The sanctions will stay in place."'
    r = _extract(text)
    q = _only_quote(r)
    assert q.kind == "direct"
    assert q.text == "The sanctions will stay in place."
    assert _entity_name(r, q.speaker) == "Olaf Scholz"
    _spans_anchored(text, r)


# -- quotes: indirect ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Blinken said the two sides would meet again next month.", "the two sides would meet again next month"),
        (
            "Prime Minister Boris Johnson said that Britain would send more weapons.",
            "Britain would send more weapons",
        ),
    ],
)
def test_indirect_said_with_and_without_that(text: str, message: str) -> None:
    """`X said (that) <clause>`: English indirect speech needs no Konjunktiv; the clause after the
    verb (without the complementiser) is the message and the subject before it the speaker."""
    r = _extract(text)
    q = _only_quote(r)
    assert q.kind == "indirect"
    assert q.text == message
    assert q.speaker is not None
    _spans_anchored(text, r)


def test_indirect_according_to() -> None:
    """`according to X, <clause>`: a prepositional source names the speaker."""
    text = "According to Foreign Minister Annalena Baerbock, the talks were constructive."
    r = _extract(text)
    q = _only_quote(r)
    assert q.kind == "indirect"
    assert q.text == "the talks were constructive"
    assert _entity_name(r, q.speaker) == "Annalena Baerbock"
    _spans_anchored(text, r)


def test_subject_must_open_the_clause() -> None:
    """A capitalised word earlier in the clause is no speaker: `In Geneva the ministers said …` has
    no named speaker, and the layer says so rather than guessing `Geneva`."""
    text = "In Geneva the ministers said the talks would continue."
    r = _extract(text)
    assert all(q.speaker_text != "Geneva" for q in r.quotes)


# -- quotes: relaying medium ---------------------------------------------------------------------


def test_told_medium_is_via_not_message() -> None:
    """`X told Reuters that …`: the agency relays the statement; it is not part of the message."""
    text = "Russian Foreign Minister Sergey Lavrov told Reuters that Moscow wanted a ceasefire."
    r = _extract(text)
    q = _only_quote(r)
    assert q.kind == "indirect"
    assert q.text == "Moscow wanted a ceasefire"
    assert _entity_name(r, q.speaker) == "Sergey Lavrov"
    assert _entity_name(r, q.via) == "Reuters"


def test_quoted_by_agency() -> None:
    """`"…," X was quoted by TASS as saying`: speaker X, relayed by TASS."""
    text = '"There will be no compromise," Lavrov was quoted by TASS as saying.'
    r = _extract(text)
    q = _only_quote(r)
    assert q.kind == "direct"
    assert q.speaker_text == "Lavrov"
    assert _entity_name(r, q.via) == "TASS"
    _spans_anchored(text, r)


# -- entities: bare surnames known to the KB -----------------------------------------------------


def test_bare_surnames_of_kb_people_are_persons() -> None:
    """English has no NER model: the starter KB's aliases (`Putin`, `Biden`) are the evidence that
    a lone surname names a person, and they link to the KB entity."""
    text = "Putin and Biden spoke by phone on Tuesday."
    r = _extract(text)
    people = {e.name: e for e in r.entities if e.type == "PER"}
    assert set(people) == {"Putin", "Biden"}
    assert people["Putin"].kb_id == "kb:per:vladimir-putin"
    assert people["Biden"].kb_id == "kb:per:joe-biden"
    for e in r.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_unknown_surname_is_not_guessed() -> None:
    """A capitalised word the KB does not know stays unlisted as a person."""
    r = _extract("Smithers and Jones spoke by phone on Tuesday.")
    assert not [e for e in r.entities if e.type == "PER" and e.kb_id is not None]


# -- events: a planned summit between bare surnames ----------------------------------------------


def test_planned_summit_between_surnames() -> None:
    """With both surnames found, the planned summit becomes an event with both participants."""
    text = "A summit between Putin and Biden is planned for June in Geneva."
    r = _extract(text)
    names = {e.id: e.name for e in r.entities}
    summits = [ev for ev in r.events if ev.type == "summit"]
    assert len(summits) == 1
    ev = summits[0]
    assert ev.status == "planned"
    assert {names[p] for p in ev.participants} == {"Putin", "Biden"}
    assert names.get(ev.place) == "Geneva"


def test_kb_alias_does_not_cut_a_longer_name() -> None:
    """A KB alias inside a full name read by other evidence (`Sergei Lavrov`, a spelling the KB
    does not list) leaves the full name whole; the later bare surname joins the same entity."""
    text = "Russian Foreign Minister Sergei Lavrov arrived in Geneva. Lavrov met Blinken on Friday."
    r = _extract(text)
    lavrov = [e for e in r.entities if any(m.text == "Lavrov" for m in e.mentions)]
    assert len(lavrov) == 1
    assert "Sergei Lavrov" in {m.text for m in lavrov[0].mentions}
