"""Dated summits the text names, as bounds on the reference date (``resources/kb/events.toml``).

A report on ``dem Nato-Gipfel in Vilnius`` told in the past was written after 11 July 2023; a preview
of it (``wird beim Nato-Gipfel in Vilnius erwartet``, ``vor dem Gipfel in Vilnius``) before 12 July
2023. Alone such a bound leaves the article's year open (a report may look back years), but inside
the terms of office of the people the text names it often leaves one year (see
:mod:`newsgraph.timex.reference`).

A mention is read only when it is unambiguous: the series' words (``G20-Gipfel``, ``Gipfel der
Nato``, ``climate summit``) and the place of exactly one summit of that series stand in one sentence
near each other, the sentence names no year other than the summit's (``beim Nato-Gipfel 1999 in
Washington`` is a look back the year says itself), and a bilateral summit's leaders are both named
in the text, near its words when the word is as common for other meetings as ``Treffen`` (``Das
Treffen der Sicherheitsberater in Genf ... eines möglichen Gipfeltreffens zwischen Putin und
Biden``: that ``Treffen`` is another meeting). Which way the
bound points comes from the mention's tense (see :func:`newsgraph.timex.tense.tense_at`) and the
words before it (``vor``, ``nach``; a summit only ``möglich`` or ``geplant`` is never behind the
article); a mention without either (``Der Gipfel in Vilnius beginnt ...``) gives nothing, except in
the headline: a headline in the present tells the news of the article's days, so the article lies
within :data:`HEADLINE_DAYS` of the summit; and a time counted from the article's day right beside
the summit (``the G7 summit in Apulia later this week``) puts it within :data:`NEAR_DAYS`.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

#: the knowledge base of dated summits
EVENTS_FILE = Path(__file__).resolve().parents[1] / "resources" / "kb" / "events.toml"
#: a headline that tells a summit in the present (``Gipfel in Alaska endet ohne Waffenruhe``) is
#: written within this many days of the summit's first and last day (a preview the day before, a
#: report the day after, with a margin for a weekly's copy)
HEADLINE_DAYS = 7
#: a time counted from the article's day right beside a summit (``the G7 summit in Apulia later this
#: week``, ``beim Nato-Gipfel in Vilnius kommende Woche``, ``am Donnerstag``) puts the article within
#: this many days of it (a week told ahead or back, and its margin)
NEAR_DAYS = 14

#: how far (characters) from the series' words the place may stand (``G20-Gipfel im japanischen Osaka``)
PLACE_REACH = 80
_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d\d(?![\d.])")


@dataclass(frozen=True, slots=True)
class NamedEvent:
    """A summit of the knowledge base: its series, how texts name its place, its first and last day."""

    series: str
    places: tuple[str, ...]
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class EventMention:
    """A summit the text names: ``start``/``end`` of the series' words, ``place`` as the text writes it."""

    event: NamedEvent
    start: int
    end: int
    text: str
    place: str


@dataclass(frozen=True, slots=True)
class EventBound:
    """A bound on the reference date from a summit the text names: ``kind`` ``after`` (the article
    is not older than ``day``, the summit's first day: told in the past), ``before`` (not younger
    than ``day``, its last day: told as to come) or ``exact`` (the article's day: ``Drei Tage nach
    dem Gipfel in Alaska richtet sich der Blick ...``). ``near``: what ties the summit to the
    article's own days, a headline that tells it in the present (``Gipfel in Alaska endet ohne
    Waffenruhe``) or a time counted from the article's day right beside it (``the G7 summit in
    Apulia later this week``); the bound then lies ``days`` from the summit (one of a pair)."""

    kind: str
    day: dt.date
    text: str
    near: str = ""
    days: int = 0

    def describe(self) -> str:
        if self.kind == "exact":
            return f"a count from a dated summit in a clause about the present: {self.text!r} = {self.day}"
        if self.near:
            side = "not before" if self.kind == "after" else "not after"
            return (
                f"{self.near} ties {self.text!r} to the article's days: within {self.days} days of it "
                f"({side} {self.day.isoformat()})"
            )
        told, side = ("past", "after it began") if self.kind == "after" else ("to come", "before it ended")
        return f"the text tells of {self.text!r} ({self.day.isoformat()}) as {told}: written {side}"


@dataclass(frozen=True, slots=True)
class _Series:
    patterns: tuple[re.Pattern[str], ...]
    requires: tuple[str, ...]
    #: words as common for other meetings (``Treffen``): read only with the leaders named near them
    near_patterns: tuple[re.Pattern[str], ...] = ()
    #: numbered sessions (``der 49. G7-Gipfel``, ``COP28``): ``(n, year)`` pairs, the n-th session
    #: and every later one a year apart held from ``year`` on (the earliest pair: no session before it)
    ordinal_years: tuple[tuple[int, int], ...] = ()
    #: the number inside the series' own words (``COP ?(\d+)``)
    name_ordinal: re.Pattern[str] | None = None

    def year_of(self, n: int) -> int | None:
        """The year of the n-th session, or None when the series has no numbering for it."""
        steps = [(k, y) for k, y in self.ordinal_years if k <= n]
        if not steps:
            return None
        k, y = max(steps)
        return y + (n - k)


@cache
def load_events(path: Path = EVENTS_FILE) -> tuple[dict[str, _Series], tuple[NamedEvent, ...]]:
    """The series and summits of the knowledge base (empty when the file is missing)."""
    if not path.exists():
        return {}, ()
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    series = {
        key: _Series(
            tuple(re.compile(p, re.IGNORECASE) for p in spec.get("patterns", [])),
            tuple(spec.get("requires", [])),
            tuple(re.compile(p) for p in spec.get("near_patterns", [])),
            tuple((int(n), int(y)) for n, y in spec.get("ordinal_years", [])),
            re.compile(spec["name_ordinal"], re.IGNORECASE) if spec.get("name_ordinal") else None,
        )
        for key, spec in data.get("series", {}).items()
    }
    events = tuple(
        NamedEvent(e["series"], tuple(e["places"]), dt.date.fromisoformat(e["start"]), dt.date.fromisoformat(e["end"]))
        for e in data.get("event", [])
        if e.get("series") in series
    )
    return series, events


def _word_at(text: str, word: str, lo: int, hi: int) -> int:
    """The offset of the first ``word`` as a whole word in ``text[lo:hi]``, or -1."""
    m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text[lo:hi])
    return lo + m.start() if m else -1


def _words_at(text: str, word: str, lo: int, hi: int) -> list[int]:
    """The offsets of every ``word`` as a whole word in ``text[lo:hi]``."""
    return [lo + m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text[lo:hi])]


#: an ordinal right before the series' words: `der 49. G7-Gipfel`, `the 49th G7 summit`
_ORDINAL_BEFORE = re.compile(r"(?<![\d.])(\d{1,3})(?:\.|st|nd|rd|th)\s*$")


def _numbered(text: str, m: re.Match[str], spec: _Series, members: list[NamedEvent]) -> NamedEvent | None:
    """The summit a session number names (before the series' words, or inside them: ``COP28``),
    when the series is numbered and the knowledge base has exactly one summit of that year."""
    if not spec.ordinal_years:
        return None
    inside = spec.name_ordinal.search(m.group(0)) if spec.name_ordinal is not None else None
    before = _ORDINAL_BEFORE.search(text, max(0, m.start() - 12), m.start())
    number = inside or before
    if number is None:
        return None
    year = spec.year_of(int(number.group(1)))
    held = [e for e in members if e.start.year == year]
    return held[0] if len(held) == 1 else None


def find_mentions(text: str, sentences: list[tuple[int, int]]) -> list[EventMention]:
    """The summits of the knowledge base the text names unambiguously (see the module docstring), one
    per sentence and summit, in text order. ``sentences``: character spans."""
    series, events = load_events()
    out: list[EventMention] = []
    seen: set[tuple[NamedEvent, int]] = set()
    for key, spec in series.items():
        if any(_word_at(text, name, 0, len(text)) < 0 for name in spec.requires):
            continue
        members = [e for e in events if e.series == key]
        for pattern in (*spec.patterns, *spec.near_patterns):
            near = pattern in spec.near_patterns
            for m in pattern.finditer(text):
                sentence = next((s for s in sentences if s[0] <= m.start() < s[1]), (0, len(text)))
                lo, hi = max(sentence[0], m.start() - PLACE_REACH), min(sentence[1], m.end() + PLACE_REACH)
                if near and any(_word_at(text, name, lo, hi) < 0 for name in spec.requires):
                    continue  # `Treffen`: the leaders stand near it, or it is another meeting
                numbered = _numbered(text, m, spec, members)
                if numbered is not None:  # `der 49. G7-Gipfel`, `COP28`: the session its number names
                    if (numbered, sentence[0]) not in seen:
                        seen.add((numbered, sentence[0]))
                        out.append(EventMention(numbered, m.start(), m.end(), m.group(0), ""))
                    continue
                # the place nearest to the series' words (`vor dem Nato-Gipfel in Vilnius treffen sich
                # die Minister in Brüssel`: Vilnius), and the summits of the series held there
                found = [
                    (abs(at - m.start()), place, e)
                    for e in members
                    for place in e.places
                    for at in _words_at(text, place, lo, hi)
                ]
                if not found:
                    continue
                nearest = min(d for d, _, _ in found)
                matched = {e for d, _, e in found if d == nearest}
                if len(matched) != 1:
                    continue  # a place that several summits of the series share
                event = next(iter(matched))
                years = {int(y) for y in _YEAR.findall(text, sentence[0], sentence[1])}
                if years - {event.start.year, event.end.year}:
                    continue  # the sentence dates it another way (a look back that says its year)
                if (event, sentence[0]) in seen:
                    continue
                seen.add((event, sentence[0]))
                place = max((p for d, p, _ in found if d == nearest), key=len)
                out.append(EventMention(event, m.start(), m.end(), m.group(0), place))
    return sorted(out, key=lambda x: x.start)
