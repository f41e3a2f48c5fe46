"""Bad input to the Python API: a :class:`NewsgraphError` that says what is wrong, never a raw
exception from Unicode, spaCy or the date parser, and no entity made of punctuation or emoji."""

from __future__ import annotations

import datetime as dt

import pytest

import newsgraph
from newsgraph.api import NewsgraphError

TEXT = "Die Ministerin Clara Hollweg traf am Dienstag in Graz ihren Amtskollegen Piet Saarland."


def test_lone_surrogate_in_text_names_its_position():
    with pytest.raises(NewsgraphError, match=r"lone surrogate \(U\+D800\) at character 4"):
        newsgraph.extract("Abc \ud800 def", lang="de")


def test_lone_surrogate_in_metadata_is_refused():
    with pytest.raises(NewsgraphError, match="title contains a lone surrogate"):
        newsgraph.extract(TEXT, lang="de", title="Gipfel \udfff")


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t "])
def test_empty_or_blank_text_is_a_clear_error(text):
    with pytest.raises(NewsgraphError, match="empty or only whitespace"):
        newsgraph.extract(text, lang="de")


def test_blank_text_without_language_says_empty_not_unsupported_language():
    with pytest.raises(NewsgraphError, match="empty"):
        newsgraph.extract("  \n")


def test_undetectable_language_asks_for_lang():
    with pytest.raises(NewsgraphError, match="pass lang="):
        newsgraph.extract("12345 67890 !!! ???")


@pytest.mark.parametrize("text", [b"bytes", 42, None, ["a list"]])
def test_text_that_is_not_a_str(text):
    with pytest.raises(NewsgraphError, match="text must be a str"):
        newsgraph.extract(text, lang="de")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": 3}, "title must be a str"),
        ({"url": b"http://x"}, "url must be a str"),
        ({"lang": 1}, "lang must be a str"),
        ({"lang": "fr"}, "unsupported language 'fr'"),
        ({"mode": None}, "mode must be a str"),
        ({"mode": "turbo"}, "unknown mode 'turbo'"),
        ({"published": 20210526}, "published must be an ISO date"),
        ({"published": "26.05.2021"}, "not an ISO date"),
        ({"published": "2021-02-30"}, "not an ISO date"),
    ],
)
def test_bad_arguments_are_named(kwargs, message):
    with pytest.raises(NewsgraphError, match=message):
        newsgraph.extract(TEXT, **{"lang": "de", **kwargs})


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_publication_dates_at_the_calendars_limits(published):
    text = "Gestern traf die Ministerin Clara Hollweg in Graz Piet Saarland. Morgen reist sie weiter."
    record = newsgraph.extract(text, lang="de", published=published)
    assert record.reference_date.source == "published"
    for t in record.times:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize("noise", ["{{7*7}}", "${7*7}", "🇩🇪 🇩🇪 🇩🇪", "👍🏽 👍🏽 👍🏽", "€ € €", "<% %> {{ }}"])
def test_no_entity_without_letters(noise):
    record = newsgraph.extract(f"{TEXT} {noise} Danach sprach Hollweg in Graz. {noise}", lang="de")
    assert record.entities, "the names of the sentence are still found"
    for entity in record.entities:
        assert any(ch.isalpha() for ch in entity.name), entity.name


def test_many_emoji_are_no_places():
    record = newsgraph.extract(("🏽 👍🏽 😀 " * 400) + TEXT, lang="de")
    assert all(any(ch.isalpha() for ch in e.name) for e in record.entities)
    assert sum(len(e.mentions) for e in record.entities) < 10


def test_the_error_is_importable_from_the_package():
    import newsgraph
    from newsgraph.api import NewsgraphError

    assert newsgraph.NewsgraphError is NewsgraphError
    with pytest.raises(newsgraph.NewsgraphError):
        newsgraph.extract("   ")
