"""Language detection for articles whose language is not given (lingua ships its models).

Lingua's low-accuracy mode (trigram models only) loads in a fraction of a second and is reliable on
texts of article length; its high-accuracy mode loads several seconds of n-gram models but is what
short texts need (a headline alone is often mistaken for Dutch). So the text's length picks the mode.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import Language as LinguaLanguage
from lingua import LanguageDetector, LanguageDetectorBuilder

#: languages newsgraph has pipelines for (the same as ``newsgraph.api.SUPPORTED_LANGUAGES``)
SUPPORTED_LANGUAGES = ("de", "en")

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

#: texts at least this long are detected with lingua's fast low-accuracy mode (its docs: reliable
#: from about 120 characters on)
_LONG_TEXT = 120


@lru_cache(maxsize=2)
def _detector(low_accuracy: bool) -> LanguageDetector:
    builder = LanguageDetectorBuilder.from_languages(*_CANDIDATES)
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or ``"und"`` when it cannot be told."""
    sample = text[:5000]
    if not sample.strip():
        return "und"
    found = _detector(len(sample.strip()) >= _LONG_TEXT).detect_language_of(sample)
    return _CANDIDATES.get(found, "und") if found is not None else "und"


def normalise_language_code(code: str) -> str:
    """``"DE"``, ``"de-DE"``, ``"de_AT"`` → ``"de"``: the primary subtag, lower-cased."""
    return code.strip().replace("_", "-").split("-", 1)[0].lower()
