"""The tokenizer guard: unchanged tokens on ordinary text, exact text and bounded work on runs."""

from __future__ import annotations

import time

import spacy

import newsgraph
from newsgraph.pipeline.tokenizer import GuardedTokenizer


def test_ordinary_text_is_tokenized_exactly_as_by_spacy():
    nlp = spacy.blank("de")
    text = "Am Montag trafen sich  Lawrow und\nBlinken in Genf. „Es war gut“, sagte er."
    guarded = GuardedTokenizer(nlp.tokenizer)
    assert [t.text_with_ws for t in guarded(text)] == [t.text_with_ws for t in nlp.tokenizer(text)]


def test_a_run_of_ten_thousand_quote_marks_keeps_its_text_and_is_fast():
    nlp = spacy.blank("de")
    text = "Er sagte: " + "„" * 10_000 + "“ Ende. " + "x" * 5_000
    started = time.perf_counter()
    doc = GuardedTokenizer(nlp.tokenizer)(text)
    elapsed = time.perf_counter() - started
    assert doc.text == text
    # unguarded, this takes tens of seconds (quadratic); guarded it is linear
    assert elapsed < 5.0


def test_a_german_sentence_ending_in_a_year_ends_there_and_ordinals_keep_their_dot():
    from newsgraph.api import process

    nlp = newsgraph.load("de")
    text = "Sie ist seit März 2022. Ihr Vorgänger trat am 3. Mai zurück. Es war das 1000. Mal."
    doc = process(nlp, text, published="2024-06-18")
    assert [s.text for s in doc.sents] == [
        "Sie ist seit März 2022.",
        "Ihr Vorgänger trat am 3. Mai zurück.",
        "Es war das 1000. Mal.",
    ]
