"""Reading the offices (and ages) the text gives people the knowledge base knows, as reference-date
evidence.

An **age** (``der 62-jährige Ban Ki-moon``, ``Putin (72)``) of a person whose birth date the KB knows
(``resources/kb/births.toml``) is read the same way as a term of office: the article's day lies
between that birthday and the next (:func:`age_claims`).

:meth:`newsgraph.kb.ArticleLinker.office_claims` reads an office phrase only when the phrase itself
names one country (``US-Präsident``, ``russische Außenminister``): it must also resolve phrases that
name nobody, where a wrong holder is worse than none. For the reference date the person is already
known (the entity is linked to a KB id), so the country need not be in the phrase: ``Bundeskanzler
Friedrich Merz`` and ``Außenminister Sergej Lawrow`` say as much about the date as ``US-Präsident Joe
Biden`` when the KB has held that kind of office for that person in one country only.

A title may also say *when* the person held the office, relative to the article (word lists in
``[reference.offices]`` of ``resources/<lang>/times.toml``):

* ``current`` (no marker): the person held it on the article's day; intersected with the others;
* ``then`` (``damalige``, ``then-``): held it at a time the text tells, and the article is written
  later: the article is not older than the start of the person's first term in it;
* ``former`` (``ehemalige``, ``frühere``, ``Ex-``, ``former``): no longer holds it: the article is not
  older than the end of the first term;
* ``later`` (``spätere``, ``later``): took it after the time told: not older than the first start.

Titles that are not the office (``Vize-``, ``stellvertretende``, ``designierte``, ``President-elect``)
give nothing. Why a lower bound is worth reading: an obituary or a look back ties weekdays to days
(``Samstag, den 6. Februar``) that fit a year every few years, and ``der damalige US-Präsident Donald
Trump`` rules out every such year before 2017.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .reference import OfficeClaim

_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?", re.UNICODE)


#: the auxiliaries of a past perfect: an inaugural visit told in it is a look back of unknown length
_PLUPERFECT = frozenset({"hatte", "hatten", "had"})

#: a title word after ``als``/``as``, with its hyphens (``US-Präsident``)
_TITLE_WORD = re.compile(r"[^\W\d_][\w-]*", re.UNICODE)


def _fold(word: str) -> str:
    """A title word as the vocabulary is matched: lower case, ``ß`` as ``ss`` (Swiss German writes
    ``Aussenminister`` for ``Außenminister``, and a Swiss report names the same offices)."""
    return word.lower().replace("ß", "ss")


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10] if len(value) >= 10 else f"{value[:7]}-01")
    except ValueError:
        return None


@dataclass(slots=True)
class OfficeTitles:
    """The office vocabulary of one language for reference-date evidence (see the module docstring)."""

    #: title (one or more lower-case words) -> KB office key
    titles: dict[str, str]
    #: endings stripped from a title word (German inflection: ``Präsidenten``, ``Außenministerin``)
    endings: list[str] = field(default_factory=list)
    then: set[str] = field(default_factory=set)
    former: set[str] = field(default_factory=set)
    later: set[str] = field(default_factory=set)
    #: the title calls the holder new (``der neue US-Präsident``): the term began shortly before the
    #: article (:data:`RECENT_DAYS`)
    recent: set[str] = field(default_factory=set)
    #: phrases of an inaugural visit (:func:`inaugural_claims`), lower case
    inaugural: set[str] = field(default_factory=set)
    #: words that make the title something else than the office (deputy, designate, candidate)
    block: set[str] = field(default_factory=set)
    #: a title that gives the person the office of someone else in the text (``Amtskollege``,
    #: ``counterpart``), lower case, matched as a word (or, with German inflection, a word's start)
    counterpart: set[str] = field(default_factory=set)

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> OfficeTitles:
        return cls(
            titles={_fold(str(k)): str(v) for k, v in spec.get("titles", {}).items()},
            endings=sorted(spec.get("endings", []), key=len, reverse=True),
            then={_fold(w) for w in spec.get("then", [])},
            former={_fold(w) for w in spec.get("former", [])},
            later={_fold(w) for w in spec.get("later", [])},
            recent={_fold(w) for w in spec.get("recent", [])},
            inaugural={w.lower() for w in spec.get("inaugural", [])},
            block={_fold(w) for w in spec.get("block", [])},
            counterpart={_fold(w) for w in spec.get("counterpart", [])},
        )

    def is_counterpart(self, title: str) -> bool:
        """Whether the title calls the person someone's counterpart (``seinem chinesischen
        Amtskollegen``, ``his Chinese counterpart``), without a deputy's or a former holder's word."""
        words = [_fold(w).rstrip(".") for w in _WORD.findall(title.replace("-", " "))]
        forms = [set(self._forms(w)) for w in words if w]
        if any(f & (self.block | self.former | self.then | self.later) for f in forms):
            return False
        return any(f & self.counterpart for f in forms)

    def _forms(self, word: str) -> list[str]:
        """The word and its forms without an inflection ending."""
        return [word, *(word[: -len(e)] for e in self.endings if word.endswith(e) and len(word) > len(e) + 3)]

    def read(self, title: str) -> tuple[str, str] | None:
        """(office key, when) of a title as the text gives it (``damaligen US-Präsidenten`` ->
        ``("head_of_state", "then")``), or None when it names no office of the vocabulary or names
        something else (a deputy, a designate)."""
        words = [_fold(w).rstrip(".") for w in _WORD.findall(title.replace("-", " "))]
        words = [w for w in words if w]
        if not words:
            return None
        forms = [set(self._forms(w)) for w in words]
        if any(f & self.block for f in forms):
            return None
        office = None
        # the longest title the words end in (``secretary of state``), else the last title word
        for n in (4, 3, 2, 1):
            for i in range(len(words) - n, -1, -1):
                key = " ".join(words[i : i + n])
                found = self.titles.get(key)
                if found is None and n == 1:
                    found = next((self.titles[f] for f in self._forms(words[i]) if f in self.titles), None)
                if found is not None:
                    office = found
                    break
            if office is not None:
                break
        if office is None:
            return None
        when = "current"
        for kind, markers in (
            ("former", self.former),
            ("then", self.then),
            ("later", self.later),
            ("recent", self.recent),
        ):
            if any(f & markers for f in forms):
                when = kind
                break
        return office, when


#: how long a holder is called new (``der neue Bundeskanzler``): about the first half year of a term
RECENT_DAYS = 183


def first_months(terms: tuple[tuple[dt.date, dt.date | None], ...]) -> tuple[tuple[dt.date, dt.date | None], ...]:
    """The first :data:`RECENT_DAYS` of each term (a re-election starts a term that is new too)."""
    return tuple(
        (s, min(e, s + dt.timedelta(days=RECENT_DAYS)) if e else s + dt.timedelta(days=RECENT_DAYS)) for s, e in terms
    )


def inaugural_claims(
    claims: list[OfficeClaim], sentences: list[tuple[str, set[str]]], cues: set[str]
) -> list[OfficeClaim]:
    """An inaugural visit (``zu seinem Antrittsbesuch``, ``zu seinem ersten Besuch als
    Regierungschef``, ``inaugural visit``) is made in the first months of a term: the offices the
    text gives its visitor (``claims``, current ones) as ``recent`` claims (:func:`first_months`).

    ``sentences``: (lower-cased text, names of the people it mentions). The visitor is the one
    person a sentence with a cue mentions; with two (``Merz reist zum Antrittsbesuch zu Trump``) the
    text does not say whose visit it is, and nothing is read."""
    out: dict[tuple[str, str], OfficeClaim] = {}
    for text, people in sentences:
        if len(people) != 1 or not any(cue in text for cue in cues):
            continue
        (name,) = people
        for c in claims:
            if c.person == name and c.when == "current" and (name, c.office) not in out:
                out[(name, c.office)] = OfficeClaim(
                    person=c.person, office=c.office, title=c.title, terms=first_months(c.terms), when="recent"
                )
    return list(out.values())


def inaugural_title_claims(
    sentences: list[tuple[int, int]],
    text: str,
    people: list[tuple[str, str, list[tuple[int, int]]]],
    offices_of: dict[str, list[tuple[str | None, str | None, str | None, str | None]]],
    titles: OfficeTitles,
    label: Callable[[str, str], str],
) -> list[OfficeClaim]:
    """An inaugural visit whose cue names the office after ``als``/``as`` (``Seinen ersten
    Auslandsbesuch als Bundespräsident machte Joachim Gauck in Polen``, ``his first trip abroad as
    chancellor``): the title stands apart from the name, so no role carries it. The visitor is the
    person named nearest after the cue in its sentence whose KB terms include that office (in one
    country only); the claim is the first months of those terms (``recent``), as for a title that
    calls its holder new.

    ``sentences``: character spans; ``people``: (name in the text, KB id, mention spans)."""
    cues = [c for c in titles.inaugural if c.endswith((" als", " as"))]
    out: dict[tuple[str, str], OfficeClaim] = {}
    lowered = text.lower()
    for start, end in sentences:
        if any(w.lower() in _PLUPERFECT for w in _WORD.findall(text, start, end)):
            continue  # `Ihren ersten Besuch als Kanzlerin hatte sie in Paris gemacht`: a look back
        for cue in cues:
            at = lowered.find(cue, start, end)
            if at < 0:
                continue
            words = list(_TITLE_WORD.finditer(text, at + len(cue), end))[:3]
            if not words:
                continue
            # a title of several words (`as foreign minister`), else the first word (`als Bundespräsident`)
            after = next(
                (
                    words[n - 1]
                    for n in (3, 2)
                    if len(words) >= n and _fold(" ".join(w.group(0) for w in words[:n])) in titles.titles
                ),
                words[0],
            )
            read = titles.read(text[words[0].start() : after.end()])
            if read is None or read[1] != "current":
                continue
            office = read[0]
            nearest: tuple[int, str, str] | None = None
            for name, kb_id, spans in people:
                for m_start, _ in spans:
                    if (
                        after.end() <= m_start < end
                        and (nearest is None or m_start < nearest[0])
                        and any(key == office for key, _, _, _ in offices_of.get(kb_id, []))
                    ):
                        nearest = (m_start, name, kb_id)
            if nearest is None:
                continue
            _, name, kb_id = nearest
            held = [(of, st, en) for key, of, st, en in offices_of.get(kb_id, []) if key == office]
            countries = {of for of, _, _ in held}
            terms = tuple(
                sorted(((d, _day(en)) for _, st, en in held if (d := _day(st)) is not None), key=lambda t: t[0])
            )
            if len(countries) != 1 or not terms or (name, office) in out:
                continue
            out[(name, office)] = OfficeClaim(
                person=name,
                office=label(office, next(iter(countries)) or ""),
                title=text[words[0].start() : after.end()],
                terms=first_months(terms),
                when="recent",
            )
    return list(out.values())


def claims_from_roles(
    people: list[tuple[str, str, list[str]]],
    offices_of: dict[str, list[tuple[str | None, str | None, str | None, str | None]]],
    titles: OfficeTitles,
    label: Callable[[str, str], str],
) -> list[OfficeClaim]:
    """Office claims from the titles the text gives KB-linked people.

    ``people``: (name in the text, KB id, titles). ``offices_of``: per KB id, its terms as (office
    key, country id, start, end). ``label``: a readable name of an office of a country. A title whose office the person
    held in more than one country (or never, by the KB) gives nothing: the KB is incomplete, and a
    missing term is no evidence either way."""
    out: dict[tuple[str, str, str], OfficeClaim] = {}
    # the offices the text gives people now: what a counterpart (``Amtskollege``) holds too
    current = {r[0] for _, _, ts in people for t in ts if (r := titles.read(t)) is not None and r[1] == "current"}
    for name, kb_id, person_titles in people:
        for title in person_titles:
            read = titles.read(title)
            if read is None and titles.is_counterpart(title):
                # a counterpart held one of the offices the text gives others: the one the KB has
                # for this person (none or several: nothing, a wrong office is worse than none)
                keys = {key for key, _, _, _ in offices_of.get(kb_id, []) if key in current}
                read = (next(iter(keys)), "current") if len(keys) == 1 else None
            if read is None:
                continue
            office, when = read
            held = [(of, start, end) for key, of, start, end in offices_of.get(kb_id, []) if key == office]
            countries = {of for of, _, _ in held}
            if len(countries) != 1:
                continue
            terms = tuple(
                sorted(
                    ((s, _day(end)) for _, start, end in held if (s := _day(start)) is not None),
                    key=lambda term: term[0],  # an open end (None) does not compare with a day
                )
            )
            if when == "recent":  # the first months of a term (of any of them: a re-election is new too)
                terms = first_months(terms)
            key = (kb_id, office, when)
            if terms and key not in out:
                out[key] = OfficeClaim(
                    person=name,
                    office=label(office, next(iter(countries)) or ""),
                    title=title,
                    terms=terms,
                    when=when,
                )
    return list(out.values())


# ---------------------------------------------------------------------------------------- ages

#: a year of the Common Era as a text writes it (an age in its sentence is a look back)
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")

#: birth dates of KB people (``resources/kb/births.toml``)
BIRTHS_FILE = Path(__file__).resolve().parents[1] / "resources" / "kb" / "births.toml"


@lru_cache(maxsize=1)
def birth_dates() -> dict[str, dt.date]:
    """KB id -> birth date, from :data:`BIRTHS_FILE` (empty when the file is missing)."""
    if not BIRTHS_FILE.exists():
        return {}
    with BIRTHS_FILE.open("rb") as f:
        born = tomllib.load(f).get("born", {})
    return {kb_id: dt.date.fromisoformat(day) for kb_id, day in born.items()}


def _birthday(born: dt.date, year: int) -> dt.date:
    """The day a person born on ``born`` turns a year older in ``year`` (29 February: 1 March)."""
    try:
        return born.replace(year=year)
    except ValueError:
        return dt.date(year, 3, 1)


@dataclass(slots=True)
class AgePhrases:
    """How a text gives a person's age (``[reference.ages]`` of ``times.toml``): ``before`` patterns
    end right before a mention (``der 62-jährige ``), ``after`` patterns start right after it
    (`` (62)``, ``, 62,``); group 1 is the age. ``then`` words before the age put it at a time the
    text tells (``der damals 62-jährige``): no evidence for the article's day."""

    before: list[re.Pattern[str]] = field(default_factory=list)
    after: list[re.Pattern[str]] = field(default_factory=list)
    then: set[str] = field(default_factory=set)

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> AgePhrases:
        return cls(
            before=[re.compile(p + r"$") for p in spec.get("before", [])],
            after=[re.compile("^" + p) for p in spec.get("after", [])],
            then={w.lower() for w in spec.get("then", [])},
        )

    def age_at(self, text: str, start: int, end: int) -> tuple[int, str] | None:
        """(age, its words) the text gives the mention ``text[start:end]``, or None. An age in a
        sentence that names a year (``Im Jahr 2014 sagte der 62-jährige Putin``) is the age then,
        not on the article's day: None."""
        sentence_start = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
        ends = [i for c in ".!?\n" if (i := text.find(c, end)) != -1]
        if _YEAR.search(text, sentence_start, min(ends) if ends else len(text)):
            return None
        left = text[max(0, start - 80) : start]
        for pattern in self.before:
            m = pattern.search(left)
            if m:
                words = _WORD.findall(left[: m.start()].lower())
                if words and words[-1] in self.then:
                    return None
                return int(m.group(1)), m.group(0).strip()
        right = text[end : end + 20]
        for pattern in self.after:
            m = pattern.match(right)
            if m:
                return int(m.group(1)), m.group(0).strip()
        return None


def age_claims(
    people: list[tuple[str, str, list[tuple[int, int]]]],
    text: str,
    phrases: AgePhrases,
    born: dict[str, dt.date],
) -> list[OfficeClaim]:
    """Ages the text gives KB people with a known birth date, as claims on the article's day.

    ``people``: (name, KB id, mention spans). A person aged N on the article's day was born N years
    and less than N + 1 years before it: the claim's one term runs from the N-th birthday to the
    next (an interval of one year that mostly spans two calendar years, so it decides a year only
    together with other evidence: terms of office, weekday ties, the share of days). Two different
    ages for one person (a look back, ``mit 35 Jahren``, is not read) give nothing."""
    out: list[OfficeClaim] = []
    for name, kb_id, spans in people:
        birth = born.get(kb_id)
        if birth is None:
            continue
        ages = {age for s, e in spans if (age := phrases.age_at(text, s, e)) is not None}
        if len({a for a, _ in ages}) != 1 or not 0 < next(iter(ages))[0] < 120:
            continue
        age, words = next(iter(ages))
        start = _birthday(birth, birth.year + age)
        end = _birthday(birth, birth.year + age + 1)
        out.append(OfficeClaim(person=name, office=f"{age} years old", title=words, terms=((start, end),)))
    return out
