"""Quotation-mark pairing (issue #21, item 3): mixed styles, lone marks, paragraphs."""

from __future__ import annotations

from newsgraph.pipeline.quotes_lexicon import lexicon_for
from newsgraph.pipeline.quotes_marks import find_quoted_spans


def _contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_spans(text, lexicon_for("de"))]


def test_low_german_opener_closed_by_a_straight_mark():
    assert _contents('Die Ärztin sagte: „Wir sind am Limit." Danach schwieg sie.') == ["Wir sind am Limit."]


def test_straight_opener_closed_by_a_typographic_mark():
    assert _contents('Der Trainer sagte: "Wir spielen auf Sieg“. Das Stadion jubelte.') == ["Wir spielen auf Sieg"]


def test_lone_mark_at_a_paragraph_start_does_not_swallow_the_next_sentence():
    text = "„Die Pläne liegen vor. Die Stadt prüft sie noch.\n\nDer Rat tagt am Montag."
    assert _contents(text) == ["Die Pläne liegen vor."]


def test_quote_reopened_in_the_next_paragraph_spans_both():
    text = "Sie erklärte:\n\n„Wir haben gewartet.\n\n„Jetzt handeln wir.“\n\nDer Rat tagt am Montag."
    (content,) = _contents(text)
    assert content.startswith("Wir haben gewartet.") and content.endswith("Jetzt handeln wir.")
