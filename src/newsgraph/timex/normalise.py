"""Normalisers: turn the fields a grammar pattern collected into a TIMEX3 value.

One function per kind of expression (``date``, ``weekday``, ``deixis``, ``relative``, ``ago``,
``duration``, ...), chosen by the pattern's ``norm``. Values are built from known parts only: what the
text and the reference date do not determine stays ``X`` (``XXXX-05-24``). A field combination that
names no real day (``31. Februar``, month 13) yields ``None`` and the expression is dropped, never an
invalid value.

Two anchors serve underspecified expressions:

* the **reference date** (publication or inferred): news mode, for deictic expressions (``gestern``,
  ``am Montag``, ``vergangene Woche``) and for dates without a year, chosen by the clause's tense;
* the **narrative anchor**: the last date the text itself mentioned, for anaphoric expressions
  (``am Abend``, ``am selben Tag``, ``zwei Tage später``, ``4:45 Uhr``) and, when ``Context.narrative``
  is set, for dates without a year too. The tagger sets it per expression: for every expression
  under the ``narrative`` override, else for those whose passage is about another year than the
  reference date's (:meth:`newsgraph.timex.tagger.TimeTagger._in_passage`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

Tense = str  # "past" | "future" | "now" (a present verb, see timex.tense.Cue) | "present" (no cue)

_UNIT_DAYS = {"D": 1, "W": 7}


@dataclass(slots=True)
class Partial:
    """A calendar point with possibly unknown parts, before and after resolution."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    era: str | None = None  # "BC" or None
    part: str | None = None  # MO, AF, EV, NI
    season: str | None = None
    hour: int | None = None
    minute: int | None = None

    def as_date(self) -> dt.date | None:
        if self.era == "BC" or None in (self.year, self.month, self.day):
            return None
        try:
            return dt.date(self.year, self.month, self.day)  # type: ignore[arg-type]
        except ValueError:
            return None

    def value(self) -> str:
        """The TIMEX3 value string: the known parts, unknown ones as X."""
        if self.era == "BC":
            text = f"BC{self.year:04d}" if self.year is not None else "BCXXXX"
            if self.season is not None:
                return f"{text}-{self.season}"
            if self.month is not None:
                text += f"-{self.month:02d}"
                if self.day is not None:  # `Am 2. August` of 216 v. Chr.: the day too
                    text += f"-{self.day:02d}"
            return text
        y = f"{self.year:04d}" if self.year is not None else "XXXX"
        if self.season is not None:
            return f"{y}-{self.season}"
        if self.month is None and self.day is None and self.hour is None and self.part is None:
            return y
        m = f"{self.month:02d}" if self.month is not None else "XX"
        if self.day is None and self.hour is None and self.part is None:
            return f"{y}-{m}"
        d = f"{self.day:02d}" if self.day is not None else "XX"
        text = f"{y}-{m}-{d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}:{(self.minute or 0):02d}"
        elif self.part is not None:
            text += f"T{self.part}"
        return text


@dataclass(slots=True)
class Reference:
    """What relative expressions hang on: a day, or only a year, or nothing."""

    date: dt.date | None = None
    year: int | None = None
    #: with ``year`` and no ``date``: the month, when only that much is known (``published="2021-05"``)
    month: int | None = None
    #: ``date`` is a day the text tells in the past (inferred): the article is not older, and may be
    #: a few days younger (see :meth:`newsgraph.timex.tagger.TimeTagger._advance`)
    lower_bound: bool = False

    @property
    def known_year(self) -> int | None:
        return self.date.year if self.date else self.year


@dataclass(slots=True)
class Context:
    """Per-expression context: reference, narrative anchor, tense, mode."""

    reference: Reference
    narrative: bool = False
    tense: Tense = "present"
    anchor_day: dt.date | None = None  # the last fully known day mentioned
    anchor: Partial | None = None  # the last date with a known year mentioned
    sentence_day: dt.date | None = None  # the last full day mentioned in the same sentence
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Valued:
    """A normaliser's result."""

    value: str | None
    type: str
    mod: str | None = None
    point: Partial | None = None  # the calendar point, when the value is one (for anchoring)


# ------------------------------------------------------------------------------------ helpers


def to_int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether ``day`` exists in ``month`` (of ``year``, or of some year when it is unknown)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None or year < 1 or year > 9999:
        return day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    return day <= calendar.monthrange(year, month)[1]


def mod_of(fields: dict[str, Any]) -> str | None:
    mod = fields.get("mod")
    return mod if mod and mod != "_" else None


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1


def choose_year(month: int, day: int | None, ref: dt.date, tense: Tense) -> int:
    """The year for a day/month without one, given the reference date and the clause's tense.

    Past: the latest such date on or before the reference; future: the earliest on or after it;
    a present verb ("now": ``findet im Juni statt``, ``takes place in June``): the earliest one not
    before the reference, unless the date is recent (the current or the previous month, a day at most
    :data:`NOW_BACK_DAYS` back: ``liegt im September bei 2,1 Prozent``), since the present tells what
    comes or what holds, not a past months back; unknown: the nearest one.
    """
    candidates: list[tuple[int, dt.date]] = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if day is None:
            point = dt.date(year, month, 15)
            same = (year, month) == (ref.year, ref.month)
        else:
            if not valid_day(year, month, day):
                continue
            point = dt.date(year, month, day)
            same = point == ref
        candidates.append((year, ref if same else point))
    if tense == "past":
        past = [c for c in candidates if c[1] <= ref]
        if past:
            return max(past, key=lambda c: c[1])[0]
    elif tense == "future":
        future = [c for c in candidates if c[1] >= ref]
        if future:
            return min(future, key=lambda c: c[1])[0]
    elif tense == "now":
        recent = [
            c
            for c in candidates
            if c[1] <= ref
            and (
                (ref.year * 12 + ref.month) - (c[0] * 12 + month) <= 1
                if day is None
                else (ref - c[1]).days <= NOW_BACK_DAYS
            )
        ]
        if recent:
            return max(recent, key=lambda c: c[1])[0]
        future = [c for c in candidates if c[1] >= ref]
        if future:
            return min(future, key=lambda c: c[1])[0]
    return min(candidates, key=lambda c: (abs((c[1] - ref).days), -c[0]))[0]


#: a day told in the present this many days before the reference date or fewer is the recent one
#: (``liegt seit dem 3. Oktober``); earlier, the next one (``findet am 3. Juni statt``)
NOW_BACK_DAYS = 31


#: the months of the seasons that lie inside one calendar year (winter spans New Year and keeps the
#: reference year, as before)
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


def season_year(season: str, ref: dt.date, tense: Tense) -> int:
    """The year of a season without one: told in the past, the latest such season that has begun by
    the reference date (``im Frühjahr hatte ...`` in January is last year's); told ahead, the first
    one that has not ended (``in the spring`` from October is next year's), and so a plan told in the
    past (``planned``, see :meth:`newsgraph.timex.tagger.TimeTagger._planned_month`: ``vereinbarten ein
    Treffen im Herbst`` in March is this autumn); otherwise the reference year."""
    months = SEASON_MONTHS.get(season)
    if months is None:
        return ref.year
    first, last = months
    if tense == "past":
        return ref.year if first <= ref.month else ref.year - 1
    if tense in ("future", "planned"):
        return ref.year if last >= ref.month else ref.year + 1
    return ref.year


def weekday_near(weekday: int, ref: dt.date, tense: Tense, rel: int | None) -> dt.date:
    """The day with ISO ``weekday`` around ``ref``: by explicit direction, else by tense
    (``übernächsten Montag``, ``rel=2``: a week after ``nächsten Montag``)."""
    if rel is not None and abs(rel) > 1:
        step = 1 if rel > 0 else -1
        return weekday_near(weekday, ref, tense, step) + dt.timedelta(days=7 * (rel - step))
    delta = weekday - ref.isoweekday()
    if rel == -1:  # `letzten Samstag`: strictly before
        back = (ref.isoweekday() - weekday) % 7 or 7
        return ref - dt.timedelta(days=back)
    if rel == 1:  # `nächsten Montag`: strictly after
        ahead = delta % 7 or 7
        return ref + dt.timedelta(days=ahead)
    if rel == 0:  # `diesen Montag`: this ISO week
        return ref + dt.timedelta(days=delta)
    if tense == "past":
        return ref - dt.timedelta(days=(ref.isoweekday() - weekday) % 7)
    if tense in ("future", "now"):  # the reference day itself counts: news name the day of publication too
        return ref + dt.timedelta(days=delta % 7)
    back = (ref.isoweekday() - weekday) % 7
    ahead = delta % 7
    return ref - dt.timedelta(days=back) if back <= ahead else ref + dt.timedelta(days=ahead)


def point_of(day: dt.date, part: str | None = None) -> Partial:
    return Partial(day.year, day.month, day.day, part=part)


# ------------------------------------------------------------------------------------ normalisers


def collect_date(fields: dict[str, Any]) -> Partial | None:
    """The explicit calendar parts of a date expression, checked; None when they name no day."""
    p = Partial(
        year=to_int(fields.get("year")),
        month=to_int(fields.get("month")),
        day=to_int(fields.get("day")),
        era=fields.get("era") if fields.get("era") == "BC" else None,
        part=fields.get("part"),
        season=fields.get("season"),
    )
    raw_year = fields.get("year")
    if isinstance(raw_year, str) and len(raw_year) == 2 and fields.get("month") is not None and fields.get("day"):
        p.year = None  # a two-digit year: the century comes from the context
        p_short = int(raw_year)
        fields["_short_year"] = p_short
    if p.month is not None and not 1 <= p.month <= 12:
        return None
    if p.day is not None and p.month is not None and not valid_day(p.year, p.month, p.day):
        return None
    if p.year is not None and p.era != "BC" and not 1 <= p.year <= 9999:
        return None
    return p


def resolve_date(p: Partial, fields: dict[str, Any], ctx: Context) -> Valued | None:
    """Fill a date's missing year (and month) from the context, then value it."""
    mod = mod_of(fields)
    short = fields.get("_short_year")
    if short is not None:
        base = ctx.anchor.year if ctx.anchor and ctx.anchor.year else ctx.reference.known_year
        if base is not None:
            century = base // 100 * 100
            options = [century - 100 + short, century + short, century + 100 + short]
            p.year = min(options, key=lambda y: abs(y - base))
    if p.year is None and p.era is None:
        ref = ctx.reference
        # `im vergangenen Dezember`: from the reference month; in a narrated passage from its own
        month_ref = (
            (ctx.anchor.year, ctx.anchor.month)
            if ctx.narrative and ctx.anchor is not None and ctx.anchor.year and ctx.anchor.month and not ctx.anchor.era
            else (ref.date.year, ref.date.month)
            if ref.date is not None
            else (ref.year, ref.month)
            if ref.year is not None and ref.month is not None
            else None
        )
        if fields.get("month_from_rel") and p.month is not None:
            rel = to_int(fields.get("rel")) or 0
            if month_ref is not None:
                year, month = month_ref
                if rel < 0:
                    p.year = year if p.month < month else year - 1
                elif rel > 0:
                    p.year = year if p.month > month else year + 1
                else:
                    p.year = year
            elif ref.year is not None and rel == 0:
                p.year = ref.year
        elif fields.get("year_from_rel") or fields.get("season_from_rel"):
            base_year = (ctx.anchor.year if ctx.narrative and ctx.anchor else None) or ref.known_year
            rel = to_int(fields.get("rel")) or 0
            if base_year is not None:
                p.year = base_year + rel
        elif ctx.narrative and ctx.anchor is not None and ctx.anchor.year is not None:
            p.year = ctx.anchor.year
            p.era = ctx.anchor.era
            if p.month is None and p.day is not None:
                p.month = ctx.anchor.month
        elif ctx.narrative:
            pass  # a history text without a date so far: the year stays unknown
        elif ref.date is not None and p.month is not None:
            p.year = choose_year(p.month, p.day, ref.date, ctx.tense)
            weekday = to_int(fields.get("weekday"))
            if weekday is not None and p.day is not None:
                # ``am Donnerstag, 6. März``: the weekday names the year, whatever the tense says
                fits = [
                    y
                    for y in (ref.date.year - 1, ref.date.year, ref.date.year + 1)
                    if valid_day(y, p.month, p.day) and dt.date(y, p.month, p.day).isoweekday() == weekday
                ]
                if fits:
                    p.year = min(fits, key=lambda y: abs((dt.date(y, p.month, p.day) - ref.date).days))
        elif ref.date is not None and p.season is not None:
            p.year = season_year(p.season, ref.date, ctx.tense)
        elif ref.year is not None and ref.month is not None and p.month is not None:
            # only the reference month is known: its own month is that year; other months by tense,
            # which does not depend on the day within the reference month
            same = p.month == ref.month
            p.year = ref.year if same else choose_year(p.month, p.day, dt.date(ref.year, ref.month, 15), ctx.tense)
        elif ref.year is not None and (p.month is not None or p.season is not None):
            p.year = ref.year
    if p.day is not None and p.month is not None and not valid_day(p.year if p.era != "BC" else None, p.month, p.day):
        return None
    return Valued(p.value(), "DATE", mod, p)


def norm_date(fields: dict[str, Any], ctx: Context, partial: Partial | None = None) -> Valued | None:
    p = partial if partial is not None else collect_date(fields)
    if p is None:
        return None
    return resolve_date(p, fields, ctx)


def _base_day(ctx: Context, anaphoric: bool) -> dt.date | None:
    """The day relative expressions count from: the narrative anchor or the reference date."""
    if anaphoric or ctx.narrative:
        return ctx.sentence_day or ctx.anchor_day or (None if ctx.narrative else ctx.reference.date)
    return ctx.reference.date


def norm_weekday(fields: dict[str, Any], ctx: Context) -> Valued | None:
    weekday = to_int(fields.get("weekday"))
    if weekday is None:
        return None
    part = fields.get("part")
    offset = to_int(fields.get("offset"))
    rel = to_int(fields.get("rel"))
    # news: the reference date; a narrative: the last day it named
    base = ctx.anchor_day if ctx.narrative else ctx.reference.date
    if base is None:
        return Valued(f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""), "DATE", None, None)
    # `am gestrigen Sonntag`: the adjective decides, the weekday only confirms
    day = base + dt.timedelta(days=offset) if offset is not None else weekday_near(weekday, base, ctx.tense, rel)
    p = point_of(day, part)
    return Valued(p.value(), "DATE", None, p)


def norm_weekday_of_week(fields: dict[str, Any], ctx: Context) -> Valued | None:
    """``am Freitag vergangener Woche``: the weekday of the ISO week ``rel`` weeks from the reference
    date's (a narrative: from the last day it named)."""
    weekday = to_int(fields.get("weekday"))
    rel = to_int(fields.get("rel"))
    if weekday is None or rel is None:
        return None
    base = ctx.anchor_day if ctx.narrative else ctx.reference.date
    if base is None:
        return Valued(f"XXXX-WXX-{weekday}", "DATE")
    day = base + dt.timedelta(days=7 * rel + weekday - base.isoweekday())
    p = point_of(day)
    return Valued(p.value(), "DATE", None, p)


def norm_night_to(fields: dict[str, Any], ctx: Context) -> Valued | None:
    """``die Nacht zum Freitag``: the night that begins on the day before the weekday (which takes
    its direction as a bare weekday does)."""
    weekday = to_int(fields.get("weekday"))
    day = norm_weekday({**fields, "part": None}, ctx)
    if weekday is None or day is None:
        return None
    point = day.point.as_date() if day.point is not None else None
    if point is None:
        return Valued(f"XXXX-WXX-{(weekday - 2) % 7 + 1}TNI", "DATE")
    p = point_of(point - dt.timedelta(days=1), "NI")
    return Valued(p.value(), "DATE", None, p)


def norm_deixis(fields: dict[str, Any], ctx: Context) -> Valued | None:
    offset = to_int(fields.get("offset")) or 0
    part = fields.get("part")
    if ctx.narrative and offset == 0 and not part:
        return Valued("PRESENT_REF", "DATE")  # history texts: `heute` = nowadays
    base = ctx.reference.date if not ctx.narrative else ctx.anchor_day
    if base is None:
        return Valued("XXXX-XX-XX" + (f"T{part}" if part else ""), "DATE")
    p = point_of(base + dt.timedelta(days=offset), part)
    return Valued(p.value(), "DATE", None, p)


def norm_daypart(fields: dict[str, Any], ctx: Context) -> Valued | None:
    part = fields.get("part")
    rel = to_int(fields.get("rel")) or 0
    base = _base_day(ctx, anaphoric=True)
    if base is None:
        return Valued(f"XXXX-XX-XXT{part}", "DATE")
    p = point_of(base + dt.timedelta(days=rel), part)
    return Valued(p.value(), "DATE", mod_of(fields), p)


def norm_day_anaphor(fields: dict[str, Any], ctx: Context) -> Valued | None:
    base = _base_day(ctx, anaphoric=True)
    if base is None:
        return Valued("XXXX-XX-XX", "DATE")
    p = point_of(base + dt.timedelta(days=to_int(fields.get("offset")) or 0))
    return Valued(p.value(), "DATE", None, p)


def _period(unit: str, base: dt.date, rel: int) -> tuple[str, Partial | None] | None:
    if unit == "D":
        day = base + dt.timedelta(days=rel)
        return day.isoformat(), point_of(day)
    if unit in ("W", "WE"):
        week = iso_week(base + dt.timedelta(days=7 * rel))
        return (week + "-WE" if unit == "WE" else week), None
    if unit == "M":
        y, m = shift_months(base, rel)
        return f"{y:04d}-{m:02d}", Partial(y, m)
    if unit == "Y":
        return f"{base.year + rel:04d}", Partial(base.year + rel)
    if unit == "Q":
        q = (base.month - 1) // 3 + rel
        y = base.year + q // 4
        return f"{y:04d}-Q{q % 4 + 1}", None
    if unit == "DE":
        return f"{(base.year // 10 + rel):03d}", None
    if unit == "CE":
        return f"{(base.year // 100 + rel):02d}", None
    return None


#: from this month on, news call the coming year `das neue Jahr`; before it, the current one
NEW_YEAR_FROM_MONTH = 10


def norm_relative(fields: dict[str, Any], ctx: Context) -> Valued | None:
    unit = fields.get("unit")
    rel = to_int(fields.get("rel"))
    if rel is None and fields.get("by_tense") and ctx.reference.date is not None and not ctx.narrative:
        weekend_started = ctx.reference.date.isoweekday() >= 6
        rel = -1 if ctx.tense == "past" and not weekend_started else 0
    if rel is None:
        rel = 0
    if fields.get("new_year"):
        # `des neuen Jahres`: only a year; in news the year that is new around the turn of the year
        # (from October the coming one, else the current one), in a history the story's next
        if unit != "Y":
            return None
        if not ctx.narrative and ctx.reference.date is not None:
            rel = 1 if ctx.reference.date.month >= NEW_YEAR_FROM_MONTH else 0
    mod = mod_of(fields)
    if ctx.narrative or fields.get("anaphoric"):
        base = ctx.anchor_day or (
            dt.date(ctx.anchor.year, ctx.anchor.month or 1, 1)
            if ctx.anchor and ctx.anchor.year and ctx.anchor.era is None
            else None
        )
        if base is None and not ctx.narrative:
            base = ctx.reference.date  # news naming no date yet: `later in the week` is this week
    else:
        base = ctx.reference.date
    if unit in ("H", "MIN", "S", "HY"):
        return None
    if base is None:
        year = ctx.reference.known_year if not ctx.narrative else (ctx.anchor.year if ctx.anchor else None)
        if unit == "Y" and year is not None and ctx.narrative and ctx.anchor is not None and ctx.anchor.era == "BC":
            # `im gleichen Jahr`, `Mitte des Jahres`, `im nächsten Jahr` in a story before Christ:
            # that era, counting down
            bc = year - rel
            if bc < 1:
                return None
            return Valued(f"BC{bc:04d}", "DATE", mod, Partial(bc, era="BC"))
        if unit == "Y" and year is not None:
            return Valued(f"{year + rel:04d}", "DATE", mod, Partial(year + rel))
        if unit == "M" and year is not None and ctx.reference.month is not None and not ctx.narrative:
            y, m = shift_months(dt.date(year, ctx.reference.month, 1), rel)
            return Valued(f"{y:04d}-{m:02d}", "DATE", mod, Partial(y, m))
        unknown = {
            "D": "XXXX-XX-XX",
            "W": "XXXX-WXX",
            "WE": "XXXX-WXX-WE",
            "M": "XXXX-XX",
            "Y": "XXXX",
            "Q": "XXXX-QX",
            "DE": "XXX",
            "CE": "XX",
        }
        return Valued(unknown.get(str(unit), "XXXX"), "DATE", mod)
    if unit == "WE" and rel == 1 and fields.get("upcoming") and base.isoweekday() <= 5:
        rel = 0  # `am kommenden Wochenende` on a weekday: the weekend that closes this week
    got = _period(str(unit), base, rel)
    if got is None:
        return None
    return Valued(got[0], "DATE", mod, got[1])


def _duration_value(n: Any, unit: str) -> str | None:
    if n == "X":
        amount = "X"
    else:
        try:
            number = float(n)
        except (TypeError, ValueError):
            return None
        if number <= 0 or number > 100000:
            return None
        if unit == "H" and number > 1 and number != int(number):  # `3,5 Stunden` = PT3H30M
            minutes = round((number - int(number)) * 60)
            return f"PT{int(number)}H{minutes}M"
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60)}
        if number != int(number) and unit in smaller:  # `anderthalb Jahre` = P18M, `halbe Stunde` = PT30M
            unit, factor = smaller[unit]
            number *= factor
        amount = str(int(number)) if number == int(number) else str(number)
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    if unit == "Q":
        return f"P{amount}Q"
    return f"P{amount}{unit}"


def norm_duration(fields: dict[str, Any], ctx: Context) -> Valued | None:
    unit = fields.get("unit")
    if unit is None or unit == "HY":
        return None
    n = fields.get("n", 1)
    if isinstance(n, str):
        n = n.replace(",", ".")  # `3,5 Stunden`
    if fields.get("half"):  # `seven and a half hours`
        try:
            n = float(n) + 0.5
        except (TypeError, ValueError):
            return None
    value = _duration_value(n, str(unit))
    return Valued(value, "DURATION", mod_of(fields)) if value else None


def norm_vague(fields: dict[str, Any], ctx: Context) -> Valued | None:
    unit = fields.get("unit")
    if unit is None:
        return None
    return Valued(_duration_value("X", str(unit)), "DURATION")


def norm_ago(fields: dict[str, Any], ctx: Context) -> Valued | None:
    """`vor zwei Wochen` (from the reference), `drei Tage später` (from the last date mentioned)."""
    direction = to_int(fields.get("dir")) or -1
    unit = str(fields.get("unit"))
    n = fields.get("n", 1)
    anaphoric = "AFTER_WORD" in fields.get("_classes", ())
    base = _base_day(ctx, anaphoric=anaphoric)
    if n == "X":
        return Valued("PAST_REF" if direction < 0 else "FUTURE_REF", "DATE")
    try:
        amount = float(n)
    except (TypeError, ValueError):
        return None
    if amount != int(amount) or not 0 < amount < 10000:
        return Valued(None, "DATE")
    # `drei Monate später` after `Juni 1861`: the month (or the year) is enough for these units
    anchor = ctx.anchor
    usable = anchor is not None and anchor.era is None and anchor.year is not None and 1 <= anchor.year <= 9999
    if base is None and usable and (unit in ("Y", "DE") or (unit == "M" and anchor.month is not None)):  # type: ignore[union-attr]
        base = dt.date(anchor.year, anchor.month or 1, 1)  # type: ignore[union-attr,arg-type]
    elif (
        anaphoric
        and base is not None
        and usable
        and unit in ("M", "Y")
        and anchor.month is not None  # type: ignore[union-attr]
        and anchor.day is None  # type: ignore[union-attr]
        and anchor.season is None  # type: ignore[union-attr]
        and (anchor.year, anchor.month) != (base.year, base.month)  # type: ignore[union-attr]
    ):
        # `wurde Anfang Mai ernannt und ging einen Monat später ...`: a month told after the last day
        # named is the later anchor (a day would have become the anchor itself)
        base = dt.date(anchor.year, anchor.month, 1)  # type: ignore[union-attr,arg-type]
    if base is None:
        return Valued(None, "DATE")
    k = int(amount) * direction
    try:
        if unit == "D":
            day = base + dt.timedelta(days=k)
            return Valued(day.isoformat(), "DATE", mod_of(fields), point_of(day))
        if unit == "W":
            return Valued(iso_week(base + dt.timedelta(days=7 * k)), "DATE", mod_of(fields))
        if unit == "M":
            y, m = shift_months(base, k)
            return Valued(f"{y:04d}-{m:02d}", "DATE", mod_of(fields), Partial(y, m))
        if unit == "Y":
            return Valued(f"{base.year + k:04d}", "DATE", mod_of(fields), Partial(base.year + k))
        if unit == "DE":
            return Valued(f"{(base.year + 10 * k) // 10:03d}", "DATE", mod_of(fields))
    except (OverflowError, ValueError):
        return None
    return Valued(None, "DATE")


def norm_fixed(fields: dict[str, Any], ctx: Context) -> Valued | None:
    value = fields.get("value")
    if value is None:
        return None
    if value == "TENSE_REF":  # `irgendwann`, `someday`: some time ahead, or back in a past clause
        value = "PAST_REF" if ctx.tense == "past" else "FUTURE_REF"
    kind = "DATE" if str(value).endswith("_REF") else ctx.extra.get("type", "DURATION")
    return Valued(str(value), kind)


def norm_set(fields: dict[str, Any], ctx: Context) -> Valued | None:
    weekday = to_int(fields.get("weekday"))
    if weekday is not None:
        return Valued(f"XXXX-WXX-{weekday}", "SET")
    unit = fields.get("unit")
    if unit is None:
        return None
    value = _duration_value(fields.get("n", 1), str(unit))
    return Valued(value, "SET") if value else None


def norm_decade(fields: dict[str, Any], ctx: Context) -> Valued | None:
    digits = str(fields.get("decade", ""))
    if len(digits) == 3:
        return Valued(digits, "DATE", mod_of(fields))
    if len(digits) == 1:
        base = (ctx.anchor.year if ctx.narrative and ctx.anchor else None) or ctx.reference.known_year
        if base is None:
            return Valued(f"XX{digits}", "DATE", mod_of(fields))
        century = base // 100
        decade = century * 10 + int(digits)
        if decade * 10 > base:
            decade -= 10
        return Valued(f"{decade:03d}", "DATE", mod_of(fields))
    return None


def norm_century(fields: dict[str, Any], ctx: Context) -> Valued | None:
    n = to_int(fields.get("n"))
    if n is None or not 1 <= n <= 21:
        return None
    prefix = "BC" if fields.get("era") == "BC" else ""
    return Valued(f"{prefix}{n - 1:02d}", "DATE", mod_of(fields))


def norm_clock(fields: dict[str, Any], ctx: Context) -> Valued | None:
    hour = to_int(fields.get("hour"))
    minute = to_int(fields.get("minute")) or 0
    ampm = fields.get("ampm")
    if hour is not None and ampm in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour is None or not (0 <= hour <= 24 and 0 <= minute < 60) or (hour == 24 and minute):
        return None
    # the day named in the same sentence; in a narrative the last day named; else unknown
    day = ctx.sentence_day or (ctx.anchor_day if ctx.narrative else None)
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return Valued(f"{prefix}T{hour:02d}:{minute:02d}", "TIME", mod_of(fields))


def norm_short_year(fields: dict[str, Any], ctx: Context) -> Valued | None:
    """`13` in `1912/13`: the next year with these last two digits after the year just named."""
    short = to_int(fields.get("year"))
    if short is None or ctx.anchor is None or ctx.anchor.year is None or ctx.anchor.era is not None:
        return None
    year = ctx.anchor.year // 100 * 100 + short
    if year <= ctx.anchor.year:
        year += 100
    if year - ctx.anchor.year > 10:
        return None
    return Valued(f"{year:04d}", "DATE", None, Partial(year))


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month = (h + m - 7 * n + 114) // 31
    day = (h + m - 7 * n + 114) % 31 + 1
    return dt.date(year, month, day)


def norm_feast(fields: dict[str, Any], ctx: Context) -> Valued | None:
    """A movable feast, ``easter`` days after Easter Sunday (``Ostermontag`` 1, ``Karfreitag`` -2,
    ``Pfingsten`` 49): in the year given, else the passage's year in a narrative, else the one the
    tense picks around the reference date (past: the latest on or before it; future: the earliest
    on or after it; otherwise the nearest)."""
    offset = to_int(fields.get("easter"))
    if offset is None:
        return None
    year = _given_or_story_year(fields, ctx)
    ref = ctx.reference.date
    if year is None and ref is not None:
        days = [easter_sunday(y) + dt.timedelta(days=offset) for y in (ref.year - 1, ref.year, ref.year + 1)]
        day = _by_tense(days, ref, ctx.tense, ("future",))
        return Valued(day.isoformat(), "DATE", None, point_of(day))
    year = year if year is not None else ctx.reference.known_year
    if year is None or not 1583 <= year <= 9999:
        return Valued("XXXX-XX-XX", "DATE")
    day = easter_sunday(year) + dt.timedelta(days=offset)
    return Valued(day.isoformat(), "DATE", None, point_of(day))


def _given_or_story_year(fields: dict[str, Any], ctx: Context) -> int | None:
    """The year a yearly day's expression gives, else in a narrative the passage's year (of our era)."""
    year = to_int(fields.get("year"))
    if year is None and ctx.narrative and ctx.anchor is not None and ctx.anchor.year and ctx.anchor.era is None:
        year = ctx.anchor.year
    return year


def _by_tense(days: list[dt.date], ref: dt.date, tense: Tense, ahead: tuple[str, ...]) -> dt.date:
    """Of a yearly day's candidates around the reference date, the one the tense picks: past, the latest
    on or before it; a tense of ``ahead``, the earliest on or after it; a present verb otherwise
    (``reist zu Ostern nach Rom``) as :func:`choose_year` reads it: one at most :data:`NOW_BACK_DAYS`
    back, else the earliest ahead (the present tells what comes, not a feast months back); otherwise
    the nearest."""
    past, future = [d for d in days if d <= ref], [d for d in days if d >= ref]
    if tense == "past" and past:
        return max(past)
    if tense in ahead and future:
        return min(future)
    if tense == "now":
        recent = [d for d in past if (ref - d).days <= NOW_BACK_DAYS]
        if recent:
            return max(recent)
        if future:
            return min(future)
    return min(days, key=lambda d: (abs((d - ref).days), d))


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The ``nth`` ISO ``weekday`` of a month (``nth`` -1: the last one); None when there is none."""
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
        return day if day.month == month else None
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def norm_weekday_of_month(fields: dict[str, Any], ctx: Context) -> Valued | None:
    """``am ersten Sonntag im Oktober``, ``the last Friday of June``: that weekday of the month, in
    the year given, else the passage's year in a narrative, else the one the tense picks around the
    reference date (as a movable feast's, :func:`norm_feast`; a present verb looks ahead)."""
    weekday, nth, month = to_int(fields.get("weekday")), to_int(fields.get("nth")), to_int(fields.get("month"))
    if weekday is None or nth is None or month is None:
        return None
    year = _given_or_story_year(fields, ctx)
    ref = ctx.reference.date
    if year is None and ref is not None:
        days = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := nth_weekday(y, month, weekday, nth))]
        if not days:
            return None
        day = _by_tense(days, ref, ctx.tense, ("future", "now"))
        return Valued(day.isoformat(), "DATE", None, point_of(day))
    year = year if year is not None else ctx.reference.known_year
    if year is None or not 1 <= year <= 9999:
        return Valued(f"XXXX-{month:02d}", "DATE")
    found = nth_weekday(year, month, weekday, nth)
    if found is None:
        return None
    return Valued(found.isoformat(), "DATE", None, point_of(found))


def norm_day_of_month(fields: dict[str, Any], ctx: Context) -> Valued | None:
    """``am 24. des Monats``, ``am 3. kommenden Monats``, ``on the 24th of this month``: that day of
    the reference month (``rel`` months on; in a narrative, of the passage's month). ``des Monats``
    without ``dieses`` (no ``rel``) is the month the text told in its sentence or the one before
    (``Im Februar ... Am 24. des Monats``), else the reference month, unless the tense puts the day on
    the other side of the reference date (``hatte am 24. des Monats`` on the 12th: the month before)."""
    day = to_int(fields.get("day"))
    bare = fields.get("rel") is None
    rel = to_int(fields.get("rel")) or 0
    if day is None:
        return None
    anchor = ctx.anchor
    told = ctx.extra.get("month_told")
    ref = ctx.reference.date
    if ctx.narrative and anchor is not None and anchor.year and anchor.month and anchor.era is None:
        year, month = anchor.year, anchor.month
    elif bare and told is not None:
        year, month = told
    elif ref is not None:
        year, month = ref.year, ref.month
        if bare and ctx.tense == "past" and day > ref.day:
            rel = -1
        elif bare and ctx.tense == "future" and day < ref.day:
            rel = 1
    elif ctx.reference.year is not None and ctx.reference.month is not None:
        year, month = ctx.reference.year, ctx.reference.month
    else:
        return Valued(f"XXXX-XX-{day:02d}", "DATE")
    index = year * 12 + month - 1 + rel
    year, month = divmod(index, 12)
    month += 1
    if not valid_day(year, month, day):
        return None
    p = Partial(year, month, day)
    return Valued(p.value(), "DATE", None, p)


def norm_ahead(fields: dict[str, Any], ctx: Context) -> Valued | None:
    """``in zwei Wochen``, ``in two weeks``: told about what comes, the point that long after the
    reference date; in a past clause (``in zwei Wochen hatte er ... geschafft``), or one with no tense
    cue at all, a stretch of time."""
    if ctx.tense not in ("future", "now"):
        return norm_duration(fields, ctx)
    return norm_ago({**fields, "dir": 1}, ctx)


#: the parts of a year an ordinal names (``im dritten Quartal``, ``the first half of 2024``): how many
#: there are and how many months each spans
YEAR_PARTS = {"Q": (4, 3), "H": (2, 6)}


def norm_year_part(fields: dict[str, Any], ctx: Context) -> Valued | None:
    """``im dritten Quartal``, ``im ersten Halbjahr 2008``, ``the first half of the year``: a quarter
    (``2008-Q3``) or a half year (``2008-H1``) in the year given, else the passage's year in a
    narrative, else the one the tense picks around the reference date (past: the latest that has
    begun, ``wuchs im dritten Quartal`` in June is the last year's; future: the earliest not yet
    over; otherwise the reference year's). ``of the year`` (``this_year``) names the reference year."""
    unit, nth = fields.get("part_unit"), to_int(fields.get("nth"))
    if unit not in YEAR_PARTS or nth is None:
        return None
    count, months = YEAR_PARTS[unit]
    n = count if nth == -1 else nth
    if not 1 <= n <= count:
        return None
    year = _given_or_story_year(fields, ctx)
    ref = ctx.reference.date
    if year is None and fields.get("this_year"):
        year = ctx.reference.known_year
    if year is None and ref is not None:
        first_month = (n - 1) * months + 1

        def begins(y: int) -> dt.date:
            return dt.date(y, first_month, 1)

        def ends(y: int) -> dt.date:  # the first day after the part
            return dt.date(y + 1, 1, 1) if n == count else dt.date(y, first_month + months, 1)

        years = (ref.year - 1, ref.year, ref.year + 1)
        if ctx.tense == "past":
            year = max(y for y in years if begins(y) <= ref)
        elif ctx.tense == "future":
            year = min(y for y in years if ends(y) > ref)
        else:
            year = ref.year
    year = year if year is not None else ctx.reference.known_year
    if year is None:
        return Valued(f"XXXX-{unit}{n}", "DATE")
    return Valued(f"{year:04d}-{unit}{n}", "DATE")


NORMALISERS = {
    "ahead": norm_ahead,
    "year_part": norm_year_part,
    "night_to": norm_night_to,
    "weekday_of_week": norm_weekday_of_week,
    "feast": norm_feast,
    "weekday_of_month": norm_weekday_of_month,
    "day_of_month": norm_day_of_month,
    "short_year": norm_short_year,
    "weekday": norm_weekday,
    "deixis": norm_deixis,
    "daypart": norm_daypart,
    "day_anaphor": norm_day_anaphor,
    "relative": norm_relative,
    "duration": norm_duration,
    "vague": norm_vague,
    "ago": norm_ago,
    "fixed": norm_fixed,
    "set": norm_set,
    "decade": norm_decade,
    "century": norm_century,
    "clock": norm_clock,
}
