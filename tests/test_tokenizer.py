"""The tokenizer guard: unchanged tokens on ordinary text, exact text and bounded work on runs."""

from __future__ import annotations

import time

import spacy

from newsgraph.pipeline.tokenizer import GuardedTokenizer


def test_ordinary_text_is_tokenized_exactly_as_by_spacy():
    nlp = spacy.blank("de")
    text = 'Am Montag trafen sich  Lawrow und\nBlinken in Genf. „Es war gut“, sagte er.'
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
