"""Inferring the reference date of an article that does not state its publication date.

Evidence, strongest first:

0. **the page's own date** (:class:`StatedDate`): a date in the article's URL (``/2021/05/24/``; a
   ``/2021/05/`` month is a constraint, like a partial publication date), a byline or time stamp
   line (``12.05.2021, 19:43``, ``Stand: 24.05.2021 18:00 Uhr``, ``Published May 24, 2021``; the
   latest one, since an update or a list of related articles comes after the first version), and a
   dateline opening the report (``GENF, 24. Mai 2021 (dpa) -``; ``GENEVA, May 24 (Reuters) -`` gives
   the day and month, and the year comes from the evidence below, the first such day not before it).
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
2. **explicit full dates** (`am 6. September 2000`) in past-tense clauses of the **passage about the
   present**: a sentence that also holds an expression counted from the reference date (``gestern``,
   ``am Montag``, ``diese Woche``, ``vor zwei Tagen``); the latest one. A date in any other sentence
   is **background** (``Am 17. Februar 2008 hatte das Parlament ...``): a lower bound only, used after
   the terms of office (5.).
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
4. **explicit years** in clauses that are not about the future (a plan, ``im Jahre 2012 Mitglied
   werden``, says the article is older): the latest one of the passage about the present, else the
   latest background full date (5.), else the latest background year (weak: a look back `1980`
   misleads it; the value is the year only and the reason says so).
5. **background full dates**: the latest one, a lower bound ("the article is not older than that").

**Offices put before the article** (``der damalige US-Präsident``, ``ehemalige``, ``former``; claims
whose ``when`` is not ``current``, read by :mod:`newsgraph.timex.offices`) are a lower bound on the
article's day throughout: they drop the weekday-tie years before it (1.), cut the terms of office
(3.), and make a latest year named before it a look back (4.). Inside terms of office of several
years, a year that holds :data:`LIKELY_YEAR_SHARE` of their days is inferred as likely (3.).

The reason says which evidence was used, so that a reader can judge it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .named_events import EventBound
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
    """One date expression as the inference sees it (before resolution). ``present``: its sentence
    also holds an expression counted from the reference date (the passage about the present)."""

    text: str
    partial: Partial | None
    weekday: int | None
    tense: str
    present: bool = False


@dataclass(frozen=True, slots=True)
class StatedDate:
    """A date the page states about itself: ``kind`` is ``url``, ``byline`` or ``dateline``.

    ``year`` may be None (a wire dateline, ``GENEVA, May 24 (Reuters) -``); ``day`` may be None (a
    URL's ``/2021/05/``: a month)."""

    kind: str
    text: str
    year: int | None
    month: int
    day: int | None

    def as_date(self) -> dt.date | None:
        if self.year is None or self.day is None or not valid_day(self.year, self.month, self.day):
            return None
        return dt.date(self.year, self.month, self.day)


_URL_DAY = re.compile(
    r"(?<![\d])((?:19|20)\d{2})([/_.-])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d])"
    r"|(?<=[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")


def dates_in_url(url: str) -> list[StatedDate]:
    """The publication day (or month) an article's URL states: ``/2021/05/24/``, ``2021-05-24``,
    ``/20210524-``; ``/2021/05/`` gives the month only. Dates in the query string are not read (a
    search or a tracking parameter is no publication date)."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    out: list[StatedDate] = []
    for m in _URL_DAY.finditer(path):
        if m.group(1):
            year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
        else:
            year, month, day = int(m.group(5)), int(m.group(6)), int(m.group(7))
        if valid_day(year, month, day):
            out.append(StatedDate("url", m.group(0), year, month, day))
    if not out:
        out = [StatedDate("url", m.group(0), int(m.group(1)), int(m.group(2)), None) for m in _URL_MONTH.finditer(path)]
    return out


@dataclass(frozen=True, slots=True)
class OfficeClaim:
    """The text gives a named person an office, and the knowledge base knows that person's terms.

    ``terms``: ``(start, end)`` days, start inclusive, end exclusive (None: still in office).
    ``office``: a readable label (``head of state of United States``); ``title``: the text's words.
    ``when``: ``current`` (held on the article's day), ``recent`` (held, and the title calls the
    holder new: ``terms`` are then the first months of each term), or a title that puts the term before the
    article (``then``: ``damalige``; ``former``: ``ehemalige``; ``later``: ``spätere``), which makes
    the claim a lower bound only (:meth:`lower_bound`; see :mod:`newsgraph.timex.offices`).
    """

    person: str
    office: str
    title: str
    terms: tuple[tuple[dt.date, dt.date | None], ...]
    when: str = "current"

    def lower_bound(self) -> dt.date | None:
        """The first day the article can have been written on, by a title that puts the term before
        it: the first term's start (``then``, ``later``), or its end (``former``: the person no longer
        held it; the start while the first term has not ended); None for a ``current`` claim."""
        if self.when in ("current", "recent") or not self.terms:
            return None
        terms = sorted(self.terms, key=lambda t: t[0])
        start, end = terms[0]
        for later_start, later_end in terms[1:]:  # a re-election is one stretch in office
            if end is None or later_start > end:
                break
            end = later_end
        return end if self.when == "former" and end is not None else start

    def holds(self, day: dt.date) -> bool:
        """Whether the person held the office on ``day``."""
        return any(start <= day and (end is None or day < end) for start, end in self.terms)

    def describe(self) -> str:
        if self.when == "recent":
            return f"{self.person} was {self.office} ({self.title!r}, new: the first half year of a term)"
        return f"{self.person} was {self.office} ({self.title!r})"


def _describe_claims(claims: list[OfficeClaim]) -> str:
    parts = [c.describe() for c in claims]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _held_together(claims: list[OfficeClaim]) -> str:
    """The claims as one clause about when they held: "at the same time" only when there are several
    (one person is not minister "all at once")."""
    return _describe_claims(claims) + (" at the same time" if len(claims) > 1 else "")


#: why a bare year of the background gives no reference year (see ``month_years`` in :func:`_infer_from_text`)
BARE_YEAR_NOTE = (
    "is a bare year in background (no month, not in a passage about the present): a lower bound only, "
    "as often a look back or a label (`die Wahlen 2009`) as the article's own year"
)

#: the share of the days the terms of office leave that one year must hold to be inferred alone
LIKELY_YEAR_SHARE = 0.9


def _year_shares(stretches: list[tuple[dt.date, dt.date]], after: dt.date | None) -> tuple[int, float] | None:
    """The year holding most of the days of ``stretches`` (end exclusive) from ``after`` on, with its
    share of them; None when no day is left. Every day counts the same (an article is as likely on
    any day the evidence leaves)."""
    days: dict[int, int] = {}
    for a, b in stretches:
        a = max(a, after) if after is not None else a
        while a < b:
            end = min(b, dt.date(a.year + 1, 1, 1))
            days[a.year] = days.get(a.year, 0) + (end - a).days
            a = end
    total = sum(days.values())
    if not total:
        return None
    year = max(days, key=lambda y: days[y])
    return year, days[year] / total


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
    #: told in the past (a loose tie: the day is then a lower bound of the reference)
    past: bool = False


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


def _anniversary_year(
    anniversaries: list[tuple[int, str, bool]], today: dt.date, claims: list[OfficeClaim]
) -> tuple[int, str] | None:
    """(year, reason) from the years the text counts back to exactly (``vor 20 Jahren, im Mai
    2004``), when they agree, do not lie after today, and fall within the terms of office of every
    current claim (a year that does not is a misread count: no evidence)."""
    years = {year for year, _, exact in anniversaries if exact}
    if len(years) != 1:
        return None
    (year,) = years
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if year > today.year or not all(any(s <= last and (e is None or e > first) for s, e in c.terms) for c in claims):
        return None
    said = "; ".join(sorted({words for _, words, exact in anniversaries if exact}))
    return year, f"inferred from a count back from the article's year: {said!r} (year only)"


def _counted_day(events: list[EventBound], today: dt.date, claims: list[OfficeClaim]) -> tuple[dt.date, str] | None:
    """(day, reason) when the text counts its own day from a dated summit (``Drei Tage nach dem
    Gipfel in Alaska``, an ``exact`` bound): every such count agrees, the day is not after today, and
    every current office holder the text names held office then (else the count is misread)."""
    days = {e.day for e in events if e.kind == "exact"}
    if len(days) != 1:
        return None
    (day,) = days
    current = [c for c in claims if c.when in ("current", "recent")]
    if day > today or not all(c.holds(day) for c in current):
        return None
    said = "; ".join(e.describe() for e in events if e.kind == "exact")
    return day, f"inferred from {said}" + (f"; {_held_together(current)} on that day" if current else "")


def _event_window(events: list[EventBound], today: dt.date) -> tuple[dt.date, dt.date, str] | None:
    """(first day, last day, why) the dated summits the text names leave for the article: from the
    latest one told as past to the earliest one told as to come; None when they bound nothing or
    contradict each other (a misread tense, or a look back: better no bound than a wrong one)."""
    after = [e for e in events if e.kind == "after" and e.day <= today]
    before = [e for e in events if e.kind == "before"]
    if not after and not before:
        return None
    lo = max(after, key=lambda e: e.day) if after else None
    hi = min(before, key=lambda e: e.day) if before else None
    if lo is not None and hi is not None and lo.day > hi.day:
        return None
    parts = [e.describe() for e in (lo, hi) if e is not None]
    return (lo.day if lo else dt.date.min, hi.day if hi else today, "; ".join(parts))


def _plan_ceiling(evidence: list[DateEvidence]) -> tuple[dt.date, str] | None:
    """(first day after, its words): the earliest day, month or year the text names with its year in
    a clause about the future (``soll am 15. Juni 2031 unterzeichnet werden``): the article was
    written before its end (an upper bound, as a term of office's end is). A plan told without a
    year says nothing (its year is what is sought)."""
    ends = []
    for e in evidence:
        p = e.partial
        if e.tense != "future" or p is None or p.year is None or p.era is not None:
            continue
        if p.month is None:
            end = dt.date(p.year + 1, 1, 1)
        elif p.day is None or not valid_day(p.year, p.month, p.day):
            end = dt.date(p.year + (p.month == 12), p.month % 12 + 1, 1)
        else:
            end = dt.date(p.year, p.month, p.day) + dt.timedelta(days=1)
        ends.append((end, e.text))
    return min(ends) if ends else None


def infer_reference(
    ties: list[WeekdayTie],
    evidence: list[DateEvidence],
    today: dt.date,
    claims: list[OfficeClaim] | None = None,
    loose: list[list[WeekdayTie]] | None = None,
    stated: list[StatedDate] | None = None,
    events: list[EventBound] | None = None,
    anniversaries: list[tuple[int, str, bool]] | None = None,
) -> tuple[Reference, str, str]:
    """(reference, source, reason) from what the page and the text say; source is "inferred" or "none".

    ``stated``: dates the page states about itself (URL, byline, dateline; see the module docstring).
    ``claims``: offices the text gives named people, with their terms. ``loose``: per sentence, a
    weekday and the yearless days of that sentence (loose ties; used only to decide inside the terms
    of office). ``events``: bounds from dated summits the text names (:mod:`newsgraph.timex.named_events`)."""
    stated = [d for d in stated or [] if d.year is None or d.year <= today.year]

    def from_text() -> tuple[Reference, str, str]:
        return _infer_from_text(ties, evidence, today, claims, loose, events, anniversaries)

    for kind, what in (("url", "the URL"), ("byline", "a byline or time stamp line"), ("dateline", "the dateline")):
        days = [(day, d) for d in stated if d.kind == kind and (day := d.as_date()) is not None and day <= today]
        if days:
            day, d = max(days, key=lambda x: x[0])
            latest = "; the latest such line (an update comes after the first version)" if len(days) > 1 else ""
            return Reference(date=day), "inferred", f"inferred from {what}: {d.text!r}{latest}"
    months = [d for d in stated if d.kind == "url" and d.day is None and d.year is not None]
    if months:
        d = months[0]
        reference, source, reason = from_text()
        first = dt.date(d.year, d.month, 1)  # type: ignore[arg-type]
        last = dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])  # type: ignore[arg-type]
        if source == "inferred" and reference.date is not None and first <= reference.date <= last:
            return reference, source, f"{reason}; within the month the URL gives ({d.text!r})"
        return (
            Reference(year=d.year, month=d.month),
            "inferred",
            f"inferred from the URL: {d.text!r} gives the month only"
            + (f" (the text's evidence lies outside it and is ignored: {reason})" if source == "inferred" else ""),
        )
    datelines = [d for d in stated if d.kind == "dateline" and d.year is None and d.day is not None]
    if datelines:
        d = datelines[0]
        reference, source, reason = from_text()
        shown = f"{d.day} {MONTH_NAMES[d.month - 1]}"
        if source == "inferred" and reference.known_year is not None:
            year = reference.known_year
            named = reference.date
            if named is not None and valid_day(year, d.month, d.day) and dt.date(year, d.month, d.day) < named:  # type: ignore[arg-type]
                year += 1  # the report is not older than a day its text names in the past
            while not valid_day(year, d.month, d.day):  # type: ignore[arg-type]
                year += 1  # 29 February
            day = dt.date(year, d.month, d.day)  # type: ignore[arg-type]
            if day <= today:
                return (
                    Reference(date=day),
                    "inferred",
                    f"inferred from the dateline {d.text!r} ({shown}) and, for the year, the text: {reason}; "
                    f"the first such day not before that",
                )
        return reference, source, f"the dateline {d.text!r} gives {shown} but not the year; {reason}"
    return from_text()


def _infer_from_text(
    ties: list[WeekdayTie],
    evidence: list[DateEvidence],
    today: dt.date,
    claims: list[OfficeClaim] | None = None,
    loose: list[list[WeekdayTie]] | None = None,
    events: list[EventBound] | None = None,
    anniversaries: list[tuple[int, str, bool]] | None = None,
) -> tuple[Reference, str, str]:
    """The text's own evidence (1.-5. of the module docstring)."""
    counted_day = _counted_day(events or [], today, claims or [])
    if counted_day is not None:
        return Reference(date=counted_day[0]), "inferred", counted_day[1]
    window = _event_window(events or [], today)
    # titles that put a term before the article (``damalige``, ``ehemalige``) bound it from below;
    # only the others say who held which office on the article's day
    bounds = [(b, c) for c in claims or [] if (b := c.lower_bound()) is not None and b <= today]
    floor = max(bounds, key=lambda x: x[0]) if bounds else None
    floor_note = (
        f"the text calls {floor[1].person} {floor[1].title!r} ({floor[1].office} from "
        f"{min(t[0] for t in floor[1].terms).isoformat()}): not before {floor[0].isoformat()}"
        if floor is not None
        else ""
    )
    claims = [c for c in claims or [] if c.when in ("current", "recent")]
    loose = [g for g in (loose or []) if g]
    # a year in a clause about the future (``will bis 2012 beitreten``) says the article is older
    with_year = [e for e in evidence if e.partial and e.partial.year and e.partial.era is None]
    dated = [e for e in with_year if e.partial.year <= today.year and e.tense != "future"]  # type: ignore[union-attr,operator]
    explicit_years = sorted({e.partial.year for e in dated})  # type: ignore[union-attr]
    present_years = sorted({e.partial.year for e in dated if e.present})  # type: ignore[union-attr]
    # years named with their month (``im Januar 2006``, ``am 28. Dezember 2012``): a bare year is as
    # often a look back or a label (``seit der Unabhängigkeit 2008``, ``die Bundestagswahlen 2009``)
    # as the article's own time, so outside the passage about the present only these say which year
    # the article is of (:data:`BARE_YEAR_NOTE`)
    month_years = sorted({e.partial.year for e in dated if e.partial.month is not None})  # type: ignore[union-attr]
    if ties:
        candidate_sets = [set(years_matching(t, today)) for t in ties]
        common = set.intersection(*candidate_sets) if candidate_sets else set()
        usable = [(t, c) for t, c in zip(ties, candidate_sets, strict=True) if c]
        if usable:
            years = common or usable[0][1]
            shown = sorted(years)[-4:]
            listed = ("…, " if len(years) > len(shown) else "") + ", ".join(map(str, shown))
            terms_note = ""
            floored = False
            if floor is not None:
                later = {y for y in years if (d := _tied_day(ties, y)) is not None and d >= floor[0]}
                if later and later != years:
                    years, floored = later, True
                    terms_note = f"{floor_note}, so only {', '.join(map(str, sorted(later)))} of these; "
            if window is not None:
                inside = {y for y in years if (d := _tied_day(ties, y)) is not None and window[0] <= d <= window[1]}
                if inside and inside != years:
                    years = inside
                    terms_note += f"{window[2]}, so only {', '.join(map(str, sorted(inside)))} of these; "
            if claims:
                fitting = {y for y in years if (d := _tied_day(ties, y)) and all(c.holds(d) for c in claims)}
                if fitting and fitting != years:
                    years = fitting
                    terms_note += (
                        f"{_describe_claims(claims)} only in {', '.join(map(str, sorted(fitting)))} of these; "
                    )
                elif not fitting:
                    terms_note += f"ignored the terms of office: {_describe_claims(claims)} in none of these; "
            in_text = [y for y in years if y in present_years]
            after_text = [y for y in years if explicit_years and y >= explicit_years[-1]]
            if len(years) == 1 and terms_note and not terms_note.startswith("ignored"):
                what = "the terms of office" if claims and not floored else "the offices the text names"
                year, why = next(iter(years)), f"the only year that fits {what}"
            elif in_text:
                year, why = max(in_text), f"the text also names {max(in_text)} in a passage about the present"
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
            used_terms = bool(terms_note) and "ignored the terms" not in terms_note
            reason = (
                "inferred from weekday/date agreement"
                + (" and terms of office" if used_terms else "")
                + f": {latest.text!r}: {latest.day} {MONTH_NAMES[latest.month - 1]} was a "
                f"{WEEKDAY_NAMES[latest.weekday - 1]} in {listed} (up to today, {today.isoformat()}); "
                f"{terms_note}chose {year}: {why}; reference = that day, the latest the text ties to a weekday"
            )
            # a tied day told in the past is a lower bound: a later bare weekday the report tells in
            # the past moves the reference on (``reiste am Sonntag, 14. April ... traf am Dienstag``)
            return Reference(date=dt.date(year, latest.month, latest.day), lower_bound=latest.past), "inferred", reason
    counted = _anniversary_year(anniversaries or [], today, claims)
    if counted is not None:
        return Reference(year=counted[0]), "inferred", counted[1]
    full_dates = [
        (e.partial.as_date(), e)
        for e in evidence
        if e.partial is not None and e.partial.as_date() is not None and e.partial.as_date() <= today  # type: ignore[operator]
    ]
    past = [(d, e) for d, e in full_dates if e.tense == "past" and e.present]
    if past:
        day, e = max(past, key=lambda x: x[0])  # type: ignore[arg-type,return-value]
        reason = (
            f"inferred from the latest full date in a past-tense clause of the passage about the present "
            f"({e.text!r}); the article is not older than that"
        )
        return Reference(date=day, lower_bound=True), "inferred", reason
    # a date in a sentence that counts nothing from the reference date is background: a lower bound
    background = sorted(((d, e) for d, e in full_dates if e.tense == "past"), key=lambda x: x[0])  # type: ignore[arg-type,return-value]
    if claims:
        stretches = _common_terms(claims, today)
        if floor is not None:  # the terms after the floor, unless none is (a look back, or a KB error)
            clipped = [(max(a, floor[0]), b) for a, b in stretches if b > floor[0]]
            stretches = clipped or stretches
        event_note = ""
        if window is not None:  # the days the dated summits the text names leave (none: they are ignored)
            lo, hi = window[0], window[1] + dt.timedelta(days=1)
            clipped = [(max(a, lo), min(b, hi)) for a, b in stretches if a < hi and b > lo]
            if clipped and clipped != stretches:
                stretches, event_note = clipped, f"; {window[2]}"
        plan_note = ""
        ceiling = _plan_ceiling(with_year)
        if ceiling is not None:  # the article precedes what it announces (none left: a misread tense)
            clipped = [(a, min(b, ceiling[0])) for a, b in stretches if a < ceiling[0]]
            if clipped and clipped != stretches:
                stretches, plan_note = clipped, f"; the text announces {ceiling[1]!r} (written before it)"
                event_note += plan_note
        if stretches:
            first, last = stretches[0][0], stretches[-1][1] - dt.timedelta(days=1)
            # several stretches when a person served twice (``2017-01-20 to 2021-01-19 and 2025-01-20 to ...``)
            span = " and ".join(
                f"from {a.isoformat()} to {(b - dt.timedelta(days=1)).isoformat()}" for a, b in stretches
            )
            # a weekday in a sentence with days of a month (``Friday … Aug 15``) that fits one year of
            # the terms gives the day itself, also when the terms (and summits) leave one year only
            if loose:
                years, fitting = _loose_years(loose, claims, stretches)
                if len(years) == 1 and (not explicit_years or min(years) >= explicit_years[-1]):
                    year = next(iter(years))
                    tie = max((t for _, t in fitting), key=lambda t: (t.month, t.day))
                    reason = (
                        f"inferred from terms of office and a weekday near days of a month: "
                        f"{_held_together(claims)} {span}{event_note}; within that only in {year} does "
                        f"{tie.day} {MONTH_NAMES[tie.month - 1]} fall on the {WEEKDAY_NAMES[tie.weekday - 1]} "
                        f"named in the same sentence ({tie.text!r}); reference = that day"
                    )
                    day = dt.date(year, tie.month, tie.day)
                    return Reference(date=day, lower_bound=tie.past), "inferred", reason
            if first.year == last.year:
                if event_note:
                    what = "a dated summit" if event_note != plan_note else "a plan"
                    reason = (
                        f"inferred from terms of office and {what}: {_held_together(claims)}"
                        f"{event_note}: together only {span}; year only"
                    )
                    return Reference(year=first.year), "inferred", reason
                reason = f"inferred from terms of office: {_held_together(claims)} only {span}; year only"
                return Reference(year=first.year), "inferred", reason
            years_left = sorted({y for a, b in stretches for y in range(a.year, (b - dt.timedelta(days=1)).year + 1)})
            # a year of the passage about the present inside the terms decides; a year before the
            # terms is a look back (``der Vertrag von 1999``), one after them a plan or a mistake
            inside = [y for y in present_years if y in years_left]
            if inside:
                year = inside[-1]
                reason = (
                    f"inferred from the latest year the passage about the present names, {year} (year only), "
                    f"within the terms of office: {_held_together(claims)} {span}"
                )
                return Reference(year=year), "inferred", reason
            # background years and dates are lower bounds: the article is not older than they are
            bound = max((y for y in explicit_years if y <= years_left[-1]), default=None)
            after = [y for y in years_left if bound is None or y >= bound]
            if bound is not None and len(after) == 1:
                reason = (
                    f"inferred from terms of office and a lower bound: {_held_together(claims)} {span}{event_note}; "
                    f"the text names {bound} in the past, so only {after[0]} remains (year only)"
                )
                return Reference(year=after[0]), "inferred", reason
            # the days the terms leave, from the lower bound on: when nearly all of them lie in one
            # year (a foreign minister for seven months across a New Year's day), that year
            share = _year_shares(stretches, dt.date(bound, 1, 1) if bound is not None else None)
            if share is not None and share[1] >= LIKELY_YEAR_SHARE:
                year, part = share
                reason = (
                    f"inferred from terms of office: {_held_together(claims)} {span}{event_note}"
                    + (f", and the text names {bound} in the past (a lower bound)" if bound is not None else "")
                    + f"; {part:.0%} of those days lie in {year} (year only; likely, not certain)"
                )
                return Reference(year=year), "inferred", reason
            if loose:
                narrowed, _ = _loose_years(loose, claims, stretches)
                years_left = sorted(narrowed) or years_left
            years_left = [y for y in years_left if bound is None or y >= bound] or years_left
            reason = (
                f"no single year: the terms of office allow several ({_held_together(claims)} "
                f"{span}{event_note}: {', '.join(map(str, years_left))}); no weekday tie, and no full date or "
                "year in a passage about the present"
                + (", and no weekday in a sentence with days of a month that fits one year only" if loose else "")
                + "; dates without a year fit a reference in any of these years"
                + (f"; the text names {bound} in the past (a lower bound)" if bound is not None else "")
                + (
                    f"; the latest year the text names, {explicit_years[-1]}, lies before these terms (a look back)"
                    if explicit_years and explicit_years[-1] < first.year
                    else ""
                )
            )
            return Reference(), "none", reason
    # without terms of office every year the text names outside plans is a lower bound, and the
    # latest of them is the best guess; a full date of that year gives the day too, unless an office
    # the text puts before the article says that the article is later still (a look back)
    if floor is not None and explicit_years and explicit_years[-1] < floor[0].year:
        return (
            Reference(),
            "none",
            f"no year: {floor_note}, later than every year the text names outside plans "
            f"(the latest, {explicit_years[-1]}, is a look back); no weekday tie or term of office fixes one",
        )
    # an approximate count back (``vor fast 20 Jahren, 2005``) makes the years it counts from look backs
    counted_floor = max((year for year, _, exact in anniversaries or [] if not exact), default=None)
    if counted_floor is not None and explicit_years and explicit_years[-1] < counted_floor:
        said = "; ".join(sorted({words for _, words, exact in anniversaries or [] if not exact}))
        return (
            Reference(),
            "none",
            f"no year: the text counts back from its own year ({said!r}): not before {counted_floor}, later "
            f"than every year it names (the latest, {explicit_years[-1]}, is a look back)",
        )
    if background and background[-1][0].year == explicit_years[-1]:  # type: ignore[union-attr]
        day, e = background[-1]
        reason = (
            f"inferred from the latest full date in a past-tense clause ({e.text!r}), background to the report: "
            "a lower bound (the article is not older than that)"
        )
        return Reference(date=day, lower_bound=True), "inferred", reason  # type: ignore[arg-type]
    if explicit_years and explicit_years[-1] not in present_years and explicit_years[-1] not in month_years:
        return (
            Reference(),
            "none",
            f"no year: the latest year the text names outside clauses about the future, {explicit_years[-1]}, "
            f"{BARE_YEAR_NOTE}",
        )
    if explicit_years:
        year = explicit_years[-1]
        where = (
            "the passage about the present names it"
            if year in present_years
            else "weak: only background names it, and the article may be later"
        )
        reason = (
            f"inferred from explicit years: the latest year the text names outside clauses about the future "
            f"is {year} (a lower bound; {where}; year only)"
        )
        return Reference(year=year), "inferred", reason
    future_years = sorted({e.partial.year for e in with_year if e.tense == "future"})  # type: ignore[union-attr]
    if future_years:
        return (
            Reference(),
            "none",
            f"no year: the text names only years of plans ({', '.join(map(str, future_years))}), which the article "
            "precedes by an unknown stretch; no weekday tie or date of the past",
        )
    return Reference(), "none", "no publication date, and the text ties no weekday to a date and names no year"
