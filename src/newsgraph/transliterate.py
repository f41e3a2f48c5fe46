"""One person, one name: normalise German and English transliterations of Slavic names.

German newsrooms romanise Russian, Ukrainian and Belarusian names by German (Duden) conventions
(``Sergei Lawrow``, ``Nikolai Patruschew``, ``Wolodymyr Selenskyj``, ``Nikita Chruschtschow``);
English ones use English conventions (``Sergey Lavrov``, ``Nikolai Patrushev``, ``Volodymyr
Zelenskyy``, ``Nikita Khrushchev``). Both come from the same Cyrillic letters, so a handful of
*pattern rules* map one to the other; no table of famous names is involved:

==================  ===========  ==========  ==========================================
Cyrillic            German       English     rule here
==================  ===========  ==========  ==========================================
щ                   schtsch      shch        ``schtsch -> shch``
ч                   tsch         ch          ``tsch -> ch``
ш / ж               sch          sh / zh     ``sch -> sh`` (ж and ш merge in the key)
х                   ch           kh          ``ch -> kh`` (only German ``ch`` that is not tsch)
в                   w            v           ``w -> v``
-ов / -ев           -ow / -ew    -ov / -ev   word-final ``ow/ew -> ov/ev`` (also before ``a``)
ё after ш/ч/щ/ж     o            e           ``(sh|ch|shch|zh)ov -> ...ev`` (Gorbatschow)
й / я / ю / е       j, ja, ju    y, ya, yu   ``j -> y``
-ий / -ей / -ый     -ij/-ei/-yj  -iy/-ey/-yy ``ij -> iy``, word-final ``ei -> ey``
с between vowels    ss           s           ``ss -> s`` between vowels
==================  ===========  ==========  ==========================================

Two functions use these rules:

- :func:`canonical_name` gives the *display* name: for a name that looks like a German romanisation
  of a Slavic name it applies the German-to-English rules (``Sergei Lawrow`` -> ``Sergey Lavrov``,
  ``Nikita Chruschtschow`` -> ``Nikita Khrushchev``); any other name is returned unchanged, because
  ``Wolfgang Schäuble`` must not become ``Volfgang Shäuble``. German and Duden use the same letter
  ``s`` for з and с, so ``Selenskyj`` becomes ``Selenskyy``, not ``Zelenskyy``: the display names of
  one person may still differ in such letters across languages.
- :func:`transliteration_key` gives the *matching* key: the canonical form, further folded by lossy
  rules (``w``/``v`` and ``j``/``y`` merge everywhere, ``z``/``s`` and ``zh``/``sh`` merge, final
  ``-ey``/``-ei`` fold to ``-ei`` and ``-iy``/``-yy``/``-y`` to ``-i``, diacritics dropped, lower
  case), so that every spelling above yields one key in German and English texts. It is for
  comparing names, never for showing them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["canonical_name", "is_slavic_romanisation", "transliteration_key"]

# ---------------------------------------------------------------------------------------------
# When is a German-looking name a romanised Slavic one?  Cues per token (any one suffices for the
# whole name, since a given name and a surname travel together: ``Wladimir Putin``).
# ---------------------------------------------------------------------------------------------

#: surname endings of German romanisations (Iwanow, Patruschew, Selenskyj, Janukowitsch, ...)
_SLAVIC_GERMAN_ENDINGS = re.compile(
    r"(?:ow|ew|jew|owa|ewa|jewa|owna|ewna|owitsch|ewitsch|itsch|tschuk|schuk|enko|skij|skyj|zkij|zkyj)s?$"
)
#: letter sequences German words and non-Slavic names practically never contain
_SLAVIC_GERMAN_INFIXES = re.compile(r"^wl|^wj|^wsj|schtsch|^sw[aeiou]|^jew|^tsch[aeiou]")
#: German surname endings that no romanised Russian name has: they overrule an initial ``tsch``
#: (``Tschentscher``, ``Tschirner``; ``Tschernenko`` and ``Tschubais`` keep it)
_GERMAN_SURNAME_ENDINGS = re.compile(r"(?:er|mann|ler|ner)s?$")
#: Polish and Czech spellings: Latin-script names that are written as in their language, not
#: transliterated (Jaruzelski, Wałęsa, Dvořák), so the German-to-English rules must not touch them
_WEST_SLAVIC = re.compile(r"sz|cz|rz|ł|ń|ś|ż|ź|ř|ě|ů|(?:ski|cki|wicz)s?$")

#: the same cues for English romanisations, used to fold given-name spellings in English texts
_SLAVIC_ENGLISH_ENDINGS = re.compile(
    r"(?:ov|ev|yev|ova|eva|yeva|ovich|evich|ovna|evna|enko|chuk|sky|skyy|skiy|skii|iy|yy)s?$"
)


def _fold_accents(text: str) -> str:
    """Drop combining marks (``Gusmão`` -> ``Gusmao``) but keep German umlauts as base letters."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", name) if t]


def is_slavic_romanisation(name: str, lang: str = "de") -> bool:
    """Whether ``name`` looks like a romanised Russian/Ukrainian/Belarusian name in ``lang``'s style.

    Why a guess and not a list: the cues are spelling patterns that only transliteration produces
    (``-ow``, ``-ew``, ``-itsch`` and ``wl-`` in German; ``-ov``, ``-ev``, ``-ovich`` in English).
    """
    if any(_WEST_SLAVIC.search(t.lower()) for t in _tokens(name)):
        return False
    words = [_fold_accents(t).lower() for t in _tokens(name)]
    if lang == "de":
        return any(
            len(w) > 3
            and (
                _SLAVIC_GERMAN_ENDINGS.search(w)
                or (_SLAVIC_GERMAN_INFIXES.search(w) and not _GERMAN_SURNAME_ENDINGS.search(w))
            )
            for w in words
        )
    return any(len(w) > 3 and _SLAVIC_ENGLISH_ENDINGS.search(w) for w in words)


# ---------------------------------------------------------------------------------------------
# German romanisation -> English romanisation, one rule per Cyrillic pattern (ordered: the longer
# German letter groups first, so that ``schtsch`` is not read as ``sch`` + ``tsch``).
# ---------------------------------------------------------------------------------------------

#: German letter groups for hushing and velar sounds, read longest first in one left-to-right pass
_GERMAN_CLUSTERS = re.compile(r"schtsch|tsch|sch|ch")
_CLUSTER_TO_ENGLISH = {"schtsch": "shch", "tsch": "ch", "sch": "sh", "ch": "kh"}  # щ, ч, ш/ж, х

_GERMAN_TO_ENGLISH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[oe])w(?=a?s?$)"), "v"),  # -ов / -ев / -ова written -ow / -ew / -owa
    (re.compile(r"w"), "v"),  # в
    (re.compile(r"(?<=[aeiou])ss(?=[aeiou])"), "s"),  # с between vowels (Wassili)
    (re.compile(r"ij(?=s?$)"), "iy"),  # -ий (Dmitrij)
    (re.compile(r"yj(?=s?$)"), "yy"),  # -ый (Selenskyj)
    (re.compile(r"(?<=[aeiou])j(?=s?$)"), "y"),  # -ей / -ай written -ej / -aj (Sergej)
    (re.compile(r"(?<=e)i(?=s?$)"), "y"),  # -ей written -ei (Sergei)
    (re.compile(r"j"), "y"),  # й / я / ю / е (Jewgeni, Juri, Jakowlew)
    (re.compile(r"(?<=sh|ch|zh)ov(?=a?s?$)"), "ev"),  # ё after hushers (Gorbatschow)
)


def _german_word_to_english(word: str) -> str:
    """Apply the German-to-English rules to one word, keeping its capitalisation."""
    lower = _GERMAN_CLUSTERS.sub(lambda m: _CLUSTER_TO_ENGLISH[m.group()], word.lower())
    for pattern, replacement in _GERMAN_TO_ENGLISH:
        lower = pattern.sub(replacement, lower)
    if word[:1].isupper():
        return lower[:1].upper() + lower[1:]
    return lower


@lru_cache(maxsize=65536)
def canonical_name(name: str, lang: str = "de") -> str:
    """The display name: English-style romanisation for Slavic names, otherwise ``name`` unchanged.

    >>> canonical_name("Sergei Lawrow")
    'Sergey Lavrov'
    >>> canonical_name("Angela Merkel")
    'Angela Merkel'
    """
    name = " ".join(name.split())
    if lang != "de" or not is_slavic_romanisation(name, "de"):
        if lang == "en" and is_slavic_romanisation(name, "en"):
            # fold English variants of final -й to one form (Sergei/Sergey -> Sergey)
            return re.sub(r"(?<=e)i\b", "y", name)
        return name
    parts = re.split(r"([\s\-]+)", name)
    return "".join(p if not p or p.isspace() or p.startswith("-") else _german_word_to_english(p) for p in parts)


#: lossy folds applied after the canonical form, for matching only
_KEY_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"w"), "v"),  # в, also where no Slavic cue was seen (Witali / Vitali)
    (re.compile(r"j"), "y"),  # й / я / ю, likewise (Nebensja / Nebenzya)
    (re.compile(r"zh"), "sh"),  # ж: German writes sch, English zh
    (re.compile(r"kh"), "h"),  # х: English kh, some German texts h
    (re.compile(r"ks"), "x"),  # Alexej / Aleksey
    (re.compile(r"ts|tz"), "z"),  # ц
    (re.compile(r"z"), "s"),  # з and с share German s
    (re.compile(r"ss"), "s"),
    (re.compile(r"iya"), "ia"),  # -ия: Julija / Yulia / Yuliya
    (re.compile(r"^ye|(?<=[aeiou])ye"), "e"),  # initial or post-vowel е: Jewgeni / Yevgeny / Evgeny
    (re.compile(r"(?:ey|ei)$"), "ei"),  # -ей: Sergei / Sergej / Sergey
    (re.compile(r"(?:ay|ai)$"), "ai"),  # -ай: Nikolai / Nikolay
    (re.compile(r"(?:iy|yy|ii)$"), "i"),  # -ий / -ый: Dmitrij / Dmitriy, Selenskyj / Zelenskyy
    (re.compile(r"(?<=[bcdfghklmnpqrstvxz])y"), "i"),  # ы / и written y after a consonant: Dmitry, Zelensky
)


@lru_cache(maxsize=65536)
def transliteration_key(name: str, lang: str | None = None) -> str:
    """A matching key that is the same for German and English spellings of one name.

    ``lang`` is the convention the name is written in; ``None`` guesses German when the name shows
    German romanisation cues. Tokens are keyed separately and joined by one space, so a surname
    alone (``Lawrow``) keys to the last word of the full name's key (``sergei lavrov``).
    """
    if lang is None:
        lang = "de" if is_slavic_romanisation(name, "de") else "en"
    canonical = canonical_name(name, lang) if lang == "de" else name
    words = []
    for word in _tokens(_fold_accents(canonical).lower()):
        word = re.sub(r"[^a-zäöüß]", "", word)
        for pattern, replacement in _KEY_FOLDS:
            word = pattern.sub(replacement, word)
        if word:
            words.append(word)
    return " ".join(words)
