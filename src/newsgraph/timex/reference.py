"""Inferring the reference date of an article that does not state its publication date.

Evidence, strongest first:

1. **weekday/date agreement**: the text ties a weekday to a day of a month (`Montag, 24. Mai`,
   `am Montag [24. Mai]`). Only some years put that day on that weekday. A year the text names
   explicitly wins; else the first one not before the latest year the text names (an article is not
   older than the years it mentions, and mostly not much younger); else the most recent one up to
   today. The reference is the latest such tied day.
   **Terms of office** narrow the candidate years first: when the text gives named people offices
   (``US-Präsident Joe Biden``) and the knowledge base knows their terms (:class:`OfficeClaim`,
   built by :meth:`newsgraph.kb.ArticleLinker.office_claims`), only the years whose tied day falls
   inside every such term are kept (24 May was a Monday in 2010, 2021, 2027; Biden was president
   only in 2021 of these). If no candidate year fits all the terms, the terms are ignored and the
   reason says so (a look back, ``damals US-Präsident Obama``, must not veto the weekday rule).
2. **explicit full dates** (`am 6. September 2000`) in past-tense clauses: the latest one.
3. **terms of office alone** (no weekday tie, no full date): the days on which every named office
   holder held the office the text gives them. When those days lie in one calendar year, the value
   is that year; when they span several years, there is no value (``source = "none"``, a range is no
   reference date) and the reason gives the range, unless explicit years (4.) give a year not
   before the range, which the reason then checks against it (a year before the range is a look
   back, ``der Vertrag von 1999``, and is no evidence for the article's year).
   Within such a range, **loose weekday ties** may decide: a weekday and days of a month without
   a year in the same sentence (``Blinken war am 18. und 19. Juni in Peking; bei ihrem Treffen am
   Montag ...``). The text does not say the weekday is one of those days, so a loose tie is never
   evidence on its own (it would pick some year in every seven); inside the terms of office it
   decides only when exactly one year puts one of the sentence's days on the weekday while every
   office holder was in office, for every such sentence. Otherwise the reason lists the years that
   remain and the source stays ``none``: yearless dates and month names alone cannot decide inside
   a range longer than a year (``am 28. Februar`` in the past fits a reference in either year).
4. **explicit years**: the latest one the text names, up to today (weak: a plan `bis 2013` or a
   look back `1980` misleads it; the value is the year only and the reason says so).

The reason says which evidence was used, so that a reader can judge it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .normalise import Partial, Reference, valid_day

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: how far back the weekday rule looks for a year
YEARS_BACK = 80

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def normalise_published(value: str) -> str:
    """A publication date as the record keeps it: ``YYYY-MM-DD`` (from an ISO date or date-time),
    or, when a feed or archive gives only that much, ``YYYY-MM`` or ``YYYY`` as given. Raises
    ``ValueError`` for anything else.

    Why partial dates are kept, not rejected or padded: ``2021-05`` is what the source knows; padding
    it to ``2021-05-01`` would invent a day that relative expressions (``gestern``) would then hang
    on. A partial date is a *constraint* on the reference date instead (:func:`published_bounds`)."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    m = _PARTIAL_DATE.match(text)
    if m and int(m.group(1)) >= 1 and (m.group(2) is None or 1 <= int(m.group(2)) <= 12):
        return text
    raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known)")


def published_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a partial publication date (``YYYY-MM``, ``YYYY``) allows; None for a
    full date or anything else."""
    m = _PARTIAL_DATE.match(value.strip())
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2) is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(m.group(2))
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def constrain_reference(
    inferred: tuple[Reference, str, str], published: str, bounds: tuple[dt.date, dt.date]
) -> tuple[Reference, str, str]:
    """Combine the reference inferred from the text with a partial publication date.

    An inferred day inside the bounds is kept (the text is more precise than the feed); an inferred
    year equal to the given year is kept too. Anything else (nothing inferred, or a day or year
    outside the bounds, as a look back would give) yields the partial date itself: its year, and its
    month when given, with ``source="published"``."""
    reference, source, reason = inferred
    first, last = bounds
    monthly = first.month == last.month
    given = "the month" if monthly else "the year"
    if source == "inferred" and reference.date is not None and first <= reference.date <= last:
        return reference, source, f"{reason}; within the partial publication date {published}"
    if source == "inferred" and reference.date is None and reference.year == first.year and not monthly:
        return reference, source, f"{reason}; the partial publication date {published} agrees"
    outside = f"; the text's evidence lies outside it and is ignored ({reason})" if source == "inferred" else ""
    return (
        Reference(year=first.year, month=first.month if monthly else None),
        "published",
        f"the publication date gives only {given} ({published}){outside}",
    )


@dataclass(slots=True)
class DateEvidence:
    """One date expression as the inference sees it (before resolution)."""

    text: str
    partial: Partial | None
    weekday: int | None
    tense: str


@dataclass(frozen=True, slots=True)
class OfficeClaim:
    """The text gives a named person an office, and the knowledge base knows that person's terms.

    ``terms``: ``(start, end)`` days, start inclusive, end exclusive (None: still in office).
    ``office``: a readable label (``head of state of United States``); ``title``: the text's words.
    """

    person: str
    office: str
    title: str
    terms: tuple[tuple[dt.date, dt.date | None], ...]

    def holds(self, day: dt.date) -> bool:
        """Whether the person held the office on ``day``."""
        return any(start <= day and (end is None or day < end) for start, end in self.terms)

    def describe(self) -> str:
        return f"{self.person} was {self.office} ({self.title!r})"


def _describe_claims(claims: list[OfficeClaim]) -> str:
    parts = [c.describe() for c in claims]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _held_together(claims: list[OfficeClaim]) -> str:
    """The claims as one clause about when they held: "at the same time" only when there are several
    (one person is not minister "all at once")."""
    return _describe_claims(claims) + (" at the same time" if len(claims) > 1 else "")


def _common_terms(claims: list[OfficeClaim], today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The stretches of days (start inclusive, end exclusive, at most up to today) in which every
    claim held: the intersection of the unions of their terms."""
    stretches = [(dt.date.min, today + dt.timedelta(days=1))]
    for claim in claims:
        out = []
        for a, b in stretches:
            for start, end in claim.terms:
                lo, hi = max(a, start), min(b, end or b)
                if lo < hi:
                    out.append((lo, hi))
        stretches = out
    merged: list[tuple[dt.date, dt.date]] = []
    for a, b in sorted(stretches):  # consecutive terms (re-election) are one stretch
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


@dataclass(slots=True)
class WeekdayTie:
    """A weekday and a day of a month that the text says are the same day."""

    weekday: int
    month: int
    day: int
    text: str


def years_matching(tie: WeekdayTie, today: dt.date) -> list[int]:
    """Years (most recent first, not after today) in which the tied day fell on the weekday."""
    years = []
    for year in range(today.year, today.year - YEARS_BACK, -1):
        if not valid_day(year, tie.month, tie.day):
            continue
        day = dt.date(year, tie.month, tie.day)
        if day <= today and day.isoweekday() == tie.weekday:
            years.append(year)
    return years


def _tied_day(ties: list[WeekdayTie], year: int) -> dt.date | None:
    """The latest day in ``year`` that one of the ties puts on its weekday."""
    days = [
        dt.date(year, t.month, t.day)
        for t in ties
        if valid_day(year, t.month, t.day) and dt.date(year, t.month, t.day).isoweekday() == t.weekday
    ]
    return max(days) if days else None


def _loose_years(
    loose: list[list[WeekdayTie]], claims: list[OfficeClaim], stretches: list[tuple[dt.date, dt.date]]
) -> tuple[set[int], list[tuple[int, WeekdayTie]]]:
    """The years in the terms of office in which every loose tie (a weekday and the yearless days of
    its sentence) holds for one of its days, with that day inside every term; and per year the tied
    day that fits (the latest)."""
    years = set(range(stretches[0][0].year, stretches[-1][1].year + 1))
    fitting_days: list[tuple[int, WeekdayTie]] = []
    for group in loose:
        fits: set[int] = set()
        for year in years:
            for tie in group:
                if not valid_day(year, tie.month, tie.day):
                    continue
                day = dt.date(year, tie.month, tie.day)
                in_terms = any(a <= day < b for a, b in stretches) and all(c.holds(day) for c in claims)
                if day.isoweekday() == tie.weekday and in_terms:
                    fits.add(year)
                    fitting_days.append((year, tie))
        years &= fits
    return years, [(y, t) for y, t in fitting_days if y in years]


def infer_reference(
    ties: list[WeekdayTie],
    evidence: list[DateEvidence],
    today: dt.date,
    claims: list[OfficeClaim] | None = None,
    loose: list[list[WeekdayTie]] | None = None,
) -> tuple[Reference, str, str]:
    """(reference, source, reason) from what the text says; source is "inferred" or "none".

    ``claims``: offices the text gives named people, with their terms (see module docstring).
    ``loose``: per sentence, a weekday and the yearless days of that sentence (loose ties; used only
    to decide inside the terms of office)."""
    claims = claims or []
    loose = [g for g in (loose or []) if g]
    explicit_years = sorted(
        {
            e.partial.year
            for e in evidence
            if e.partial and e.partial.year and e.partial.era is None and e.partial.year <= today.year
        }
    )
    if ties:
        candidate_sets = [set(years_matching(t, today)) for t in ties]
        common = set.intersection(*candidate_sets) if candidate_sets else set()
        usable = [(t, c) for t, c in zip(ties, candidate_sets, strict=True) if c]
        if usable:
            years = common or usable[0][1]
            shown = sorted(years)[-4:]
            listed = ("…, " if len(years) > len(shown) else "") + ", ".join(map(str, shown))
            terms_note = ""
            if claims:
                fitting = {y for y in years if (d := _tied_day(ties, y)) and all(c.holds(d) for c in claims)}
                if fitting and fitting != years:
                    years = fitting
                    terms_note = (
                        f"{_describe_claims(claims)} only in {', '.join(map(str, sorted(fitting)))} of these; "
                    )
                elif not fitting:
                    terms_note = f"ignored the terms of office: {_describe_claims(claims)} in none of these; "
            in_text = [y for y in years if y in explicit_years]
            after_text = [y for y in years if explicit_years and y >= explicit_years[-1]]
            if len(years) == 1 and terms_note and not terms_note.startswith("ignored"):
                year, why = next(iter(years)), "the only year that fits the terms of office"
            elif in_text:
                year, why = max(in_text), f"the text also names {max(in_text)}"
            elif after_text:
                year = min(after_text)
                why = f"the first such year not before {explicit_years[-1]}, the latest year the text names"
            else:
                year, why = max(years), f"the most recent such year up to today ({today.isoformat()})"
            tied = [
                t
                for t in ties
                if valid_day(year, t.month, t.day) and dt.date(year, t.month, t.day).isoweekday() == t.weekday
            ] or ties[:1]
            latest = max(tied, key=lambda t: (t.month, t.day))
            used_terms = bool(terms_note) and not terms_note.startswith("ignored")
            reason = (
                "inferred from weekday/date agreement"
                + (" and terms of office" if used_terms else "")
                + f": {latest.text!r}: {latest.day} {MONTH_NAMES[latest.month - 1]} was a "
                f"{WEEKDAY_NAMES[latest.weekday - 1]} in {listed} (up to today, {today.isoformat()}); "
                f"{terms_note}chose {year}: {why}; reference = that day, the latest the text ties to a weekday"
            )
            return Reference(date=dt.date(year, latest.month, latest.day)), "inferred", reason
    full_dates = [
        (e.partial.as_date(), e)
        for e in evidence
        if e.partial is not None and e.partial.as_date() is not None and e.partial.as_date() <= today  # type: ignore[operator]
    ]
    past = [(d, e) for d, e in full_dates if e.tense == "past"]
    if past:
        day, e = max(past, key=lambda x: x[0])  # type: ignore[arg-type,return-value]
        reason = (
            f"inferred from the latest full date in a past-tense clause ({e.text!r}); "
            f"the article is not older than that"
        )
        return Reference(date=day), "inferred", reason
    if claims:
        stretches = _common_terms(claims, today)
        if stretches:
            first, last = stretches[0][0], stretches[-1][1] - dt.timedelta(days=1)
            # several stretches when a person served twice (``2017-01-20 to 2021-01-19 and 2025-01-20 to ...``)
            span = " and ".join(
                f"from {a.isoformat()} to {(b - dt.timedelta(days=1)).isoformat()}" for a, b in stretches
            )
            if first.year == last.year:
                reason = (
                    f"inferred from terms of office: {_held_together(claims)} only {span}; "
                    f"year only"
                )
                return Reference(year=first.year), "inferred", reason
            if loose:
                years, fitting = _loose_years(loose, claims, stretches)
                if len(years) == 1 and (not explicit_years or min(years) >= explicit_years[-1]):
                    year = next(iter(years))
                    tie = max((t for _, t in fitting), key=lambda t: (t.month, t.day))
                    reason = (
                        f"inferred from terms of office and a weekday near days of a month: "
                        f"{_held_together(claims)} {span}; within that only in {year} does "
                        f"{tie.day} {MONTH_NAMES[tie.month - 1]} fall on the {WEEKDAY_NAMES[tie.weekday - 1]} "
                        f"named in the same sentence ({tie.text!r}); reference = that day"
                    )
                    return Reference(date=dt.date(year, tie.month, tie.day)), "inferred", reason
            # a year before the terms is a look back (``der Vertrag von 1999``): the article is
            # not that old, since the people it names held their offices only later
            if explicit_years and explicit_years[-1] >= first.year:
                year = explicit_years[-1]
                fits = "within" if year <= last.year else "outside"
                reason = (
                    f"inferred from explicit years: the latest year the text names is {year} (a lower bound; "
                    f"year only); {fits} the terms of office: {_held_together(claims)} {span}"
                )
                return Reference(year=year), "inferred", reason
            years_left = sorted({y for a, b in stretches for y in range(a.year, (b - dt.timedelta(days=1)).year + 1)})
            if loose:
                narrowed, _ = _loose_years(loose, claims, stretches)
                years_left = sorted(narrowed) or years_left
            reason = (
                f"no single year: the terms of office allow several ({_held_together(claims)} "
                f"{span}: {', '.join(map(str, years_left))}); no weekday tie, full date or year in the text"
                + (
                    ", and no weekday in a sentence with days of a month that fits one year only"
                    if loose
                    else ""
                )
                + "; dates without a year fit a reference in any of these years"
                + (
                    f"; the latest year the text names, {explicit_years[-1]}, lies before these terms (a look back)"
                    if explicit_years
                    else ""
                )
            )
            return Reference(), "none", reason
    if explicit_years:
        year = explicit_years[-1]
        reason = f"inferred from explicit years: the latest year the text names is {year} (a lower bound; year only)"
        return Reference(year=year), "inferred", reason
    return Reference(), "none", "no publication date, and the text ties no weekday to a date and names no year"
