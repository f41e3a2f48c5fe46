"""Inferring the reference date of an article that does not state its publication date.

Evidence, strongest first:

1. **weekday/date agreement**: the text ties a weekday to a day of a month (`Montag, 24. Mai`,
   `am Montag [24. Mai]`). Only some years put that day on that weekday. A year the text names
   explicitly wins; else the first one not before the latest year the text names (an article is not
   older than the years it mentions, and mostly not much younger); else the most recent one up to
   today. The reference is the latest such tied day.
2. **explicit full dates** (`am 6. September 2000`) in past-tense clauses: the latest one.
3. **explicit years**: the latest one the text names, up to today (weak: a plan `bis 2013` or a
   look back `1980` misleads it; the value is the year only and the reason says so).

The reason says which evidence was used, so that a reader can judge it.
"""

from __future__ import annotations

import datetime as dt
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


@dataclass(slots=True)
class DateEvidence:
    """One date expression as the inference sees it (before resolution)."""

    text: str
    partial: Partial | None
    weekday: int | None
    tense: str


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


def infer_reference(ties: list[WeekdayTie], evidence: list[DateEvidence], today: dt.date) -> tuple[Reference, str, str]:
    """(reference, source, reason) from what the text says; source is "inferred" or "none"."""
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
            in_text = [y for y in years if y in explicit_years]
            after_text = [y for y in years if explicit_years and y >= explicit_years[-1]]
            if in_text:
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
            others = sorted(y for y in years if y != year)[-3:]
            reason = (
                f"inferred from weekday/date agreement: {latest.text!r} puts {latest.day} "
                f"{MONTH_NAMES[latest.month - 1]} on a {WEEKDAY_NAMES[latest.weekday - 1]}, true in "
                f"{year}" + (f" (also {', '.join(map(str, others))})" if others else "") + f"; chose {year}: {why}; "
                f"reference = that day, the latest the text ties to a weekday"
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
    if explicit_years:
        year = explicit_years[-1]
        reason = f"inferred from explicit years: the latest year the text names is {year} (a lower bound; year only)"
        return Reference(year=year), "inferred", reason
    return Reference(), "none", "no publication date, and the text ties no weekday to a date and names no year"
