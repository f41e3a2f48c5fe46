"""training/augment.py: gold documents copied with their names swapped for other names of the type."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

from augment import replace_mentions


def _doc(nlp) -> Doc:
    words = ["Außenminister", "Sergej", "Lawrow", "traf", "in", "Genf", "Vertreter", "der", "Nato", "."]
    spaces = [True] * 8 + [False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, 1, 3, "PER"), Span(doc, 5, 6, "LOC"), Span(doc, 8, 9, "ORG")]
    return doc


def test_every_mention_replaced_keeps_its_label_and_the_context() -> None:
    nlp = spacy.blank("de")
    pool = {"PER": [("Kaja", "Kallas", "-", "Nowak")], "LOC": [("Ústí", "nad", "Labem")], "ORG": [("Vossloh",)]}
    new = replace_mentions(_doc(nlp), pool, random.Random(0), prob=1.0)
    assert new is not None
    assert new.text == "Außenminister Kaja Kallas - Nowak traf in Ústí nad Labem Vertreter der Vossloh."
    assert [(e.text, e.label_) for e in new.ents] == [
        ("Kaja Kallas - Nowak", "PER"), ("Ústí nad Labem", "LOC"), ("Vossloh", "ORG")
    ]


def test_a_copy_without_any_replacement_is_not_returned() -> None:
    nlp = spacy.blank("de")
    pool = {"PER": [("Biden",)]}
    assert replace_mentions(_doc(nlp), pool, random.Random(0), prob=0.0) is None
    # a label without names in the pool keeps its mention; the others still change
    new = replace_mentions(_doc(nlp), pool, random.Random(0), prob=1.0)
    assert new is not None
    assert [(e.text, e.label_) for e in new.ents] == [("Biden", "PER"), ("Genf", "LOC"), ("Nato", "ORG")]
