"""The English base as ``newsgraph.load`` runs it: spaCy's components, some answered faster.

The attribute ruler's tag → POS/morphology rules are looked up in a table
(``newsgraph.pipeline.attributes``); the tokens must come out exactly as spaCy's own ruler leaves
them, on sentences written for these tests that exercise its one-token rules, its word exceptions
and its rules that span two tokens or use regular expressions.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler

import newsgraph
from newsgraph.api import default_base, numpy_matrix_products
from newsgraph.pipeline.attributes import TableAttributeRuler, use_attribute_table

SENTENCES = [
    "The envoy met her counterpart in Oslo on Tuesday, but the talks ended without a deal.",
    "But that was not all: something changed, and nobody said anything about it.",
    "They ain't gonna sign it, y'all know that, and there's nothin' the minister can do.",
    "Let's wait, she told reporters; we'd gotta see whether they're serious.",
    "C'mon,  the  delegates   said\n\nthat they would return later this month.",
    "Those who had hoped for a ceasefire were disappointed; these talks are over.",
    "",
]


@pytest.fixture(scope="module")
def bases() -> tuple[spacy.language.Language, spacy.language.Language]:
    path = default_base("en")
    if path is None:
        pytest.skip("no English base shipped")
    plain = spacy.load(path)
    numpy_matrix_products(plain)
    table = spacy.load(path)
    numpy_matrix_products(table)
    use_attribute_table(table)
    return plain, table


def _analysis(doc: spacy.tokens.Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in doc]


def test_load_answers_the_attribute_rules_from_a_table() -> None:
    """``newsgraph.load("en")`` keeps the component's name but runs the table version."""
    nlp = newsgraph.load("en")
    assert "attribute_ruler" in nlp.pipe_names
    assert type(nlp.get_pipe("attribute_ruler")) is TableAttributeRuler


def test_table_gives_the_same_tokens_as_spacys_ruler(bases) -> None:
    """POS, morphology and lemma of every token equal spaCy's ruler's, rule exceptions included."""
    plain, table = bases
    assert type(plain.get_pipe("attribute_ruler")) is AttributeRuler
    for text in SENTENCES:
        assert _analysis(table(text)) == _analysis(plain(text)), text


def test_two_token_and_regex_rules_still_apply(bases) -> None:
    """Rules the table cannot answer (``ai n't``, ``gon na``, ``nothin'``) still set their attributes."""
    _, table = bases
    doc = table("They ain't gonna stop, and there's nothin' left.")
    lemmas = {t.text.lower(): t.lemma_ for t in doc}
    assert lemmas["ai"] == "be"
    assert lemmas["gon"] == "go"
    assert lemmas["nothin'"] == "nothing"


def test_added_rules_rebuild_the_table(bases) -> None:
    """A rule added after the first document is used for the next one."""
    path = default_base("en")
    nlp = spacy.load(path)
    use_attribute_table(nlp)
    nlp("The talks ended.")
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "talks", "TAG": "NNS"}]], {"LEMMA": "talk-round"})
    assert [t.lemma_ for t in nlp("The talks ended.")][1] == "talk-round"
