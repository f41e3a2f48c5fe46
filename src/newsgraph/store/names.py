"""The one place that decides when two names are the same name (swap the key function here).

Entities merge across articles by type and :func:`name_key` of their canonical name, and queries find
entities by the key of what the user typed, so ``Lavrov`` finds ``Lawrow``. The key comes from
:func:`newsgraph.transliterate.transliteration_key` (German and English romanisations of Slavic names
fold together); when that module is missing or gives nothing (a name of punctuation only), a plain
Unicode fold (NFKD, accents dropped, case-folded, non-letters as spaces) stands in. The numbers of a
name stay in its key: the transliteration key keeps letters only, and ``G7`` and ``G20`` are two bodies.
``ß`` is ``ss`` (Swiss German writes ``Aussenminister``).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_NUMBER = re.compile(r"\d+")


def fold_key(name: str) -> str:
    """The fallback key: NFKD without combining marks, case-folded, words joined by one space."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", stripped.casefold()).split())


def _load_key_function() -> Callable[[str], str]:
    try:
        from ..transliterate import transliteration_key
    except ImportError:  # pragma: no cover - the module ships with the package today
        return fold_key
    return transliteration_key


_KEY = _load_key_function()


@lru_cache(maxsize=262144)
def name_key(name: str) -> str:
    """The matching key of a name; names with the same key and entity type are one entity.

    Cached: the same names recur across thousands of articles and the key rules are regex-heavy.
    """
    # Swiss and German orthography: Swiss writing has no ß (``Aussenministerium`` = ``Außenministerium``)
    name = name.replace("ß", "ss").replace("ẞ", "SS")
    key = _KEY(name) if name else ""
    if not key:
        return fold_key(name)
    numbers = [n for n in _NUMBER.findall(name) if n not in key.split()]
    return " ".join([key, *numbers]) if numbers else key


#: article-like particles of Arabic and Persian names, which outlets write, join or leave out at will
#: (``al-Sisi`` / ``el-Sisi`` / ``Sisi``, ``bin`` / ``ben``)
_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "an", "ar", "at", "ul", "ud", "bin", "ben", "ibn"})
#: spellings of one sound in German and English romanisations of non-Slavic names, longest first: German
#: ``dsch``/``tsch``/``sch``/``ch`` against English ``j``/``ch``/``sh``/``kh`` (``Dschaischankar`` /
#: ``Jaishankar``, ``Araghtschi`` / ``Araghchi``, ``Chamenei`` / ``Khamenei``), ``q``/``gh``/``g``/``k``
#: (``Araqchi`` / ``Araghchi``, ``Qadhafi`` / ``Gaddafi``), ``dh`` / ``d``, ``ou`` / ``u``
_SOUNDS = (
    ("dsch", "X"), ("tsch", "X"), ("sch", "X"), ("dzh", "X"), ("tch", "X"), ("zh", "X"), ("kh", "X"),
    ("ch", "X"), ("sh", "X"), ("dj", "X"), ("j", "X"), ("gh", "k"), ("q", "k"), ("c", "k"), ("g", "k"),
    ("dh", "d"), ("th", "t"), ("ph", "f"), ("w", "v"), ("z", "s"), ("x", "ks"),
)  # fmt: skip
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=262144)
def name_skeleton(name: str) -> str:
    """A coarse key of a person's full name for the spellings the transliteration key does not fold: the
    consonants of each word, with the letters German and English use for one sound made one (``Abbas
    Araghtschi``, ``Abbas Araghchi`` and ``Abbas Araqchi`` are ``bs rkX``), vowels (``Mahmoud`` /
    ``Mahmud``) and doubled letters dropped, article-like particles left out. Coarse on purpose, so the store
    uses it only where the name key found nothing, for people, and only when exactly one entity has it;
    empty (no use) for a name of fewer than two such words or with a word of fewer than two consonants
    (``Ali Hassan`` would be ``l hsn``, too little to tell people apart)."""
    words = []
    for word in fold_key(name).split():
        if word in _PARTICLES:
            continue
        for spelled, sound in _SOUNDS:
            word = word.replace(spelled, sound)
        word = _REPEATS.sub(r"\1", _VOWELS.sub("", word))
        if len(word) < 2:
            return ""
        words.append(word)
    return " ".join(words) if len(words) >= 2 else ""


#: German case and adjective endings, longest first: ``chinesischen``/``chinesische``, ``Außenministeriums``
_ENDINGS = ("en", "em", "er", "es", "e", "s")


@lru_cache(maxsize=262144)
def inflection_key(name: str) -> str:
    """:func:`name_key` of a name with the German case endings of its words dropped: the genitive or dative
    a German article gives a body's name (``des chinesischen Außenministeriums``) and the nominative of
    another (``das chinesische Aussenministerium``) are one name. An ending is dropped only where four letters
    remain (``Rates`` stays). Coarse, so the store uses it only for unlinked bodies and places whose
    name key found nothing, and only when exactly one stored entity of the type has it."""
    words = []
    for word in name_key(name).split():
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                word = word[: -len(ending)]
                break
        words.append(word)
    return " ".join(words)


#: spellings of one sound that the transliteration key leaves apart in names it does not take for Slavic:
#: German ``sch`` / English ``sh`` (``al-Scharaa`` / ``al-Sharaa``, ``Paschinjan`` / ``Pashinyan``), German
#: ``ch`` / English ``kh`` (``Chamenei`` / ``Khamenei``), ``ou`` / ``u`` (``Mahmoud`` / ``Mahmud``)
_PERSON_FOLDS = (("sch", "sh"), ("kh", "h"), ("ch", "h"), ("ou", "u"))
#: the Russian ``е`` after a consonant in the surname and patronymic ending ``-ев`` (``-ew``/``-ev``), which German
#: writes ``jew`` (``Lebedjew``; the name key reads ``j`` as ``i`` and ``w`` as ``v``) or ``ew`` (``Lebedew``) and
#: English ``ev`` (``Lebedev``): ``iev`` after a consonant is ``ev``. Both sides of a comparison are folded alike,
#: so ``Dmitrijew`` and ``Dmitriev`` still meet; only before ``v``, so that German ``Riedel`` and ``Redel`` stay two
_SOFT_E = re.compile(r"(?<=[b-df-hj-np-tv-z])ie(?=v)")
#: the second half of a diphthong, which German writes ``i`` or ``j`` (``Tolstoi``, ``Mychajlo``, ``Schoigu``; the name
#: key reads ``j`` as ``y`` there) and English ``y`` or ``i`` (``Tolstoy``, ``Mykhailo``, ``Shoygu``): ``y`` after a
#: vowel and before a consonant or the word's end is ``i``. Not between vowels, where it is a consonant (``Mayer``)
_GLIDE_Y = re.compile(r"(?<=[aeiou])y(?![aeiou])")


@lru_cache(maxsize=262144)
def person_key(name: str) -> str:
    """A finer fold than :func:`name_skeleton` for people whom neither the KB nor the name key relates: the
    name key with the article-like particles left out (``al-Sisi`` / ``el-Sisi``), the German and English
    spellings of ``sch``/``sh``, ``ch``/``kh`` and ``ou``/``u`` made one, ``iev`` after a consonant read as
    ``ev`` (``Lebedjew`` / ``Lebedev``), a ``y`` closing a diphthong as ``i`` (``Tolstoi`` / ``Tolstoy``) and
    doubled letters single. Vowels
    stay, so ``Hans Scholz`` and ``Hans Schulz`` stay two; empty for a name of fewer than two words (a
    surname alone relates nobody)."""
    words = []
    for word in name_key(name).split():
        if word in _PARTICLES:
            continue
        for spelled, sound in _PERSON_FOLDS:
            word = word.replace(spelled, sound)
        word = _GLIDE_Y.sub("i", _SOFT_E.sub("e", word))
        words.append(_REPEATS.sub(r"\1", word))
    return " ".join(words) if len(words) >= 2 else ""


#: the bodies' lexicon (kinds of a state's bodies in German and English, see the file)
BODY_NAMES_FILE = Path(__file__).with_name("body_names.toml")


@lru_cache(maxsize=1)
def _body_lexicon() -> tuple[dict[str, str], dict[tuple[str, ...], str], frozenset[str]]:
    """(country adjective's inflection key -> ISO code, kind's words -> kind, leading articles), all folded by
    :func:`inflection_key` as the names they are compared with."""
    from ..resources import has_resource, load_resource

    data = tomllib.loads(BODY_NAMES_FILE.read_text(encoding="utf-8"))
    countries: dict[str, str] = {}
    for lang in ("de", "en"):
        if not has_resource(lang, "derivations"):
            continue
        for stem, code in load_resource(lang, "derivations").get("stems", {}).items():
            if len(code) == 2 and code.isupper():  # a country (an organisation's adjective is no state's body)
                countries[inflection_key(stem)] = code
    countries.update({inflection_key(k): v for k, v in data.get("countries", {}).items()})
    kinds = {tuple(inflection_key(form).split()): kind for kind, forms in data["kinds"].items() for form in forms}
    articles = frozenset(inflection_key(a) for a in data.get("articles", []))
    return countries, kinds, articles


@lru_cache(maxsize=262144)
def body_key(name: str) -> str:
    """The key of a state's body named by a country adjective and its kind, whatever the language:
    ``des chinesischen Außenministeriums`` and ``the Chinese foreign ministry`` are both ``body:CN:
    foreign_ministry`` (``body_names.toml``); empty for any other name. Coarse, so the store uses it like
    :func:`inflection_key`: for unlinked bodies whose name key found nothing, where exactly one stored body
    has the key."""
    countries, kinds, articles = _body_lexicon()
    words = inflection_key(name).split()
    while words and words[0] in articles:
        words = words[1:]
    for n in (2, 1):  # "u s" (U.S.), then one word
        code = countries.get(" ".join(words[:n])) if len(words) > n else None
        if code and (kind := kinds.get(tuple(words[n:]))):
            return f"body:{code}:{kind}"
    return ""
