"""Language detection for articles whose language is not given (lingua ships its models)."""

from __future__ import annotations

from functools import lru_cache

from lingua import Language as LinguaLanguage
from lingua import LanguageDetectorBuilder

#: the languages newsgraph can process, and a few it is often confused with
_CANDIDATES = {
    LinguaLanguage.GERMAN: "de",
    LinguaLanguage.ENGLISH: "en",
    LinguaLanguage.FRENCH: "fr",
    LinguaLanguage.DUTCH: "nl",
    LinguaLanguage.SPANISH: "es",
    LinguaLanguage.ITALIAN: "it",
    LinguaLanguage.RUSSIAN: "ru",
    LinguaLanguage.POLISH: "pl",
}


@lru_cache(maxsize=1)
def _detector():
    return LanguageDetectorBuilder.from_languages(*_CANDIDATES).build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or ``"und"`` when it cannot be told."""
    sample = text[:5000]
    if not sample.strip():
        return "und"
    found = _detector().detect_language_of(sample)
    return _CANDIDATES.get(found, "und") if found is not None else "und"
