"""The quote layer's time grows linearly with the text (issue #22): time ratios, not absolute times.

Each test runs the layer on a text and on one four times as long, best of three CPU times, and
requires the ratio to stay well below the sixteen a quadratic layer would show.
"""

from __future__ import annotations

import time

import spacy
from spacy.language import Language

from newsgraph.pipeline import docext
from newsgraph.record import Entity, Mention

#: a linear layer gives about 4 for four times the text, a quadratic one 16
MAX_RATIO = 9.0


@Language.component("test_first_word_as_person")
def _first_word_as_person(doc):
    """Stand-in entity layer: the first word of every line is a person of its own."""
    entities: list[Entity] = []
    start = 0
    for n, line in enumerate(doc.text.split("\n")):
        word = line.split(" ", 1)[0]
        if word:
            mention = Mention(start=start, end=start + len(word), text=word)
            entities.append(Entity(id=f"e{n}", type="PER", name=word, mentions=[mention]))
        start += len(line) + 1
    doc._.entities = entities
    return doc


def _quote_layer_seconds(text: str, entities: bool = False) -> float:
    docext.register_extensions()
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    if entities:
        nlp.add_pipe("test_first_word_as_person")
    layer = nlp.add_pipe("newsgraph_quotes")
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name != "newsgraph_quotes":
            doc = proc(doc)
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        layer(doc)
        best = min(best, time.process_time() - t0)
    return max(best, 1e-3)


def _ratio(make, n: int, **kw) -> float:
    return _quote_layer_seconds(make(4 * n), **kw) / _quote_layer_seconds(make(n), **kw)


def test_sentence_without_end_full_of_cues_and_quotes_is_linear():
    """`sagte „ja“ sagte „ja“ …` without a full stop is one endless sentence: the rules compare its
    words pairwise, so the layer cuts such a unit into bounded pieces."""
    assert _ratio(lambda n: "Er sagte „ja doch“ " * n, 300) < MAX_RATIO


def test_runs_of_spaced_marks_are_linear():
    assert _ratio(lambda n: '" „ “ » « ' * n + "sagte er.", 800) < MAX_RATIO


def test_speaker_lookup_is_indexed_not_a_scan_of_every_mention():
    """A lookup per quote among all mentions would be quadratic in the article's length."""
    from newsgraph.pipeline.quotes_lexicon import lexicon_for
    from newsgraph.pipeline.quotes_speaker import SpeakerResolver

    def seconds(n: int) -> float:
        docext.register_extensions()
        nlp = spacy.blank("de")
        nlp.add_pipe("test_first_word_as_person")
        doc = nlp("\n".join(f"Sprecher{i} sagte das." for i in range(n)))
        resolver = SpeakerResolver(doc, lexicon_for("de"))
        spans = [(m.start, m.end) for e in doc._.entities for m in e.mentions]
        times = []
        for _ in range(3):  # the best of three: a few milliseconds are at the mercy of the machine
            t0 = time.process_time()
            found = [resolver._best_mention(a, b) for a, b in spans]
            times.append(time.process_time() - t0)
        assert [e.id for e in found if e is not None] == [e.id for e in doc._.entities]
        return max(min(times), 1e-3)

    assert seconds(8000) / seconds(2000) < MAX_RATIO
