"""``newsgraph.api.extract_batch``: the batched extraction the CLI runs (``nlp.pipe``) gives the very
records :func:`newsgraph.extract` gives one article at a time, in input order, and a bad article fails
alone. Texts written for these tests."""

from __future__ import annotations

import newsgraph
from newsgraph.api import NewsgraphError, extract_batch

ARTICLES = [
    {
        "text": "The Estonian prime minister met her Finnish counterpart in Tallinn on Monday. "
        '"We agreed on a joint cable project," she told reporters.',
        "lang": "en",
        "published": "2024-03-04",
    },
    {
        "text": "Die Außenministerin traf am Dienstag in Prag ihren tschechischen Amtskollegen.",
        "lang": "de",
        "published": "2024-03-05",
        "title": "Treffen in Prag",
        "id": "prag-1",
    },
    {"text": "   ", "lang": "en"},  # nothing to extract: fails alone
    {
        "text": "Kenya's president will travel to Addis Ababa next week for talks with Ethiopia's prime minister.",
        "lang": "en",
        "published": "2024-05-02",
        "url": "https://example.org/kenya",
        "source": "Example Wire",
    },
    {"text": "The two leaders spoke by phone on Friday, the ministry said.", "lang": "en", "published": "not a date"},
]


def test_batch_records_equal_the_one_at_a_time_records_in_order():
    outcomes = extract_batch(ARTICLES, batch_size=2)
    assert len(outcomes) == len(ARTICLES)
    for article, outcome in zip(ARTICLES, outcomes, strict=True):
        try:
            expected = newsgraph.extract(**article)
        except NewsgraphError as error:
            assert isinstance(outcome, NewsgraphError)
            assert str(outcome) == str(error)
            continue
        assert outcome.to_json() == expected.to_json()


def test_a_failing_layer_fails_only_its_article(monkeypatch):
    import newsgraph.api

    real = newsgraph.api.doc_to_record

    def doc_to_record(doc, **kwargs):
        if "Tallinn" in doc.text:
            raise RuntimeError("broken")
        return real(doc, **kwargs)

    monkeypatch.setattr(newsgraph.api, "doc_to_record", doc_to_record)
    outcomes = extract_batch([ARTICLES[0], ARTICLES[3]])
    assert isinstance(outcomes[0], RuntimeError)
    assert outcomes[1].to_json() == newsgraph.extract(**ARTICLES[3]).to_json()
