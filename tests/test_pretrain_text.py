"""training/pretrain_text.py: raw text for ``spacy pretrain`` cut at paragraph and sentence ends."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

from pretrain_text import chunks


def test_long_paragraphs_are_cut_between_sentences_and_no_word_is_lost() -> None:
    sentence = "Außenminister Lawrow traf in Genf den US-Gesandten Sullivan."
    para = " ".join([sentence] * 10)
    text = f"Titel der Meldung\n\n{para}\n\n„Wir haben offen gesprochen“, sagte er. Danach reiste er ab."
    out = chunks(text, max_words=20)
    assert out[0] == "Titel der Meldung"
    # 8 words per sentence, at most 20 per chunk: two sentences each, never half a sentence
    assert all(c == f"{sentence} {sentence}" for c in out[1:6])
    assert out[6] == "„Wir haben offen gesprochen“, sagte er. Danach reiste er ab."
    assert " ".join(out).split() == text.split()


def test_a_sentence_longer_than_the_limit_stays_whole() -> None:
    long = " ".join(["Wort"] * 30) + "."
    assert chunks(long, max_words=10) == [long]
