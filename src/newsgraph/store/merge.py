"""When are two event reports the same happening, and what does the merged event say?

Pure functions (no database): the store calls them with the reports it has loaded. The thresholds
live in ``merge_rules.toml`` beside this module, so that they can be reviewed and tuned without
reading code; see that file for the rules in prose.

Dates are TIMEX3-style values as the time layer writes them (``2021-05-20``, ``2021-05``, ``2021``,
``2021-W21``, ``2021-Q2``, ``2021-SU``). Each becomes an interval of days plus its precision; the
merge *window* of a report widens that interval by the precision's tolerance, or, for an undated
report, hangs it on the article's publication date (looking back for reports, ahead for
announcements). Two reports can be one event only when their windows overlap.

The merged event never silently resolves a disagreement: :func:`summarise` picks a value to show
(the most precise, then the most frequent, then the latest reported) and returns every incompatible
value as a conflict row with the articles that said it.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..ingest.article import is_placeholder_date

RULES_FILE = Path(__file__).with_name("merge_rules.toml")

#: how fine a precision is; smaller is finer
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4}

#: statuses that contradict a report that the event happened
NEGATIVE_STATUSES = frozenset({"cancelled", "denied"})
#: statuses of an event that has not happened yet
FUTURE_STATUSES = frozenset({"planned", "possible"})

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


@dataclass(frozen=True)
class MergeRules:
    """The thresholds of ``merge_rules.toml``."""

    groups: dict[str, str]
    tolerance_days: dict[str, int]
    reported_before: int
    reported_after: int
    announced_before: int
    announced_after: int
    min_shared: int
    place_conflict_min_participants: int
    planned_shift_days: int = 0
    #: KB offices whose holders are principals of a meeting (a head of state, a foreign minister): a report
    #: that leaves one out announces another format; leaving out an adviser or envoy is a plausible omission
    principal_offices: frozenset[str] = frozenset()
    #: days an event of this type lasts beyond the day it is dated by (a visit: several days, dated by its
    #: first stop in one report and by a meeting during it in another)
    duration_days: dict[str, int] = field(default_factory=dict)
    #: by how many years a year inferred from the text may be off (see :func:`year_uncertain`)
    inferred_year_off: int = 1
    #: event types a body holds (a summit): one of a linked body is told by the body, not by which of the
    #: leaders attending it an outlet names
    body_event_types: frozenset[str] = frozenset()
    #: merge groups whose events join two places (a phone call: each outlet names its own side's city, or
    #: where a spokesperson spoke): their places never tell two events apart
    placeless_groups: frozenset[str] = frozenset()
    #: merge groups in which a report naming only states is the meeting of people holding their principal
    #: offices (``Polen und die Türkei haben Gespräche geführt`` for Erdoğan receiving Tusk)
    state_party_groups: frozenset[str] = frozenset()

    def group(self, event_type: str) -> str:
        """The merge group of an event type (a type not listed is its own group)."""
        return self.groups.get(event_type, event_type)


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> MergeRules:
    """Read the merge rules (cached)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    groups = {t: name for name, types in data["groups"].items() for t in types}
    undated = data["undated"]
    return MergeRules(
        groups=groups,
        tolerance_days={k: int(v) for k, v in data["tolerance_days"].items()},
        reported_before=int(undated["reported_before"]),
        reported_after=int(undated["reported_after"]),
        announced_before=int(undated["announced_before"]),
        announced_after=int(undated["announced_after"]),
        min_shared=int(data["participants"]["min_shared"]),
        place_conflict_min_participants=int(data["place"]["conflict_min_participants"]),
        planned_shift_days=int(data["tolerance_days"].get("planned_shift", 0)),
        principal_offices=frozenset(data["participants"].get("principal_offices", ())),
        duration_days={k: int(v) for k, v in data.get("duration_days", {}).items()},
        inferred_year_off=int(data.get("dates", {}).get("inferred_year_off", 1)),
        body_event_types=frozenset(data["participants"].get("body_event_types", ())),
        placeless_groups=frozenset(data["place"].get("placeless_groups", ())),
        state_party_groups=frozenset(data["participants"].get("state_party_groups", ())),
    )


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def parse_date_value(value: str | None) -> tuple[dt.date, dt.date, str] | None:
    """``(first day, last day, precision)`` of a TIMEX3 date value, or None when it names no date."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day, "day"
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), _month_end(year, month), "month"
        if m := _YEAR.match(value):
            year = int(m[1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6), "week"
        if m := _QUARTER.match(value):
            year, quarter = int(m[1]), int(m[2])
            return dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter), "quarter"
        if m := _SEASON.match(value):
            year = int(m[1])
            first, last = _SEASON_MONTHS[m[2]]
            end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
            return dt.date(year, first, 1), _month_end(end_year, end_month), "season"
    except ValueError:  # 2021-02-30, week 54: not a date
        return None
    return None


def reference_span(published: dt.date | None, reference: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of an article's inferred reference date where it is coarser than a day (a year,
    a month) and the article has no publication date; else None."""
    if published is not None or not reference or parse_published(reference) is not None:
        return None
    parsed = parse_date_value(reference)
    return (parsed[0], parsed[1]) if parsed is not None else None


def parse_published(value: str | None) -> dt.date | None:
    """The date part of an ISO publication date, or None (also for a placeholder such as ``0001-01-01``,
    see :func:`newsgraph.ingest.is_placeholder_date`)."""
    if not value or is_placeholder_date(value):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def shift(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, clamped to the calendar (a window around 9999-12-31 ends there)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


@dataclass
class Report:
    """One article's account of an event, with global entity ids (a row of ``event_sources``)."""

    article_id: int
    local_id: str
    type: str
    status: str
    participants: frozenset[int]
    place: int | None
    date_value: str | None
    published: dt.date | None
    confidence: float = 0.5
    plover: str | None = None
    cameo: str | None = None
    #: filled by :func:`prepare`
    group: str = ""
    date_lo: dt.date | None = None
    date_hi: dt.date | None = None
    precision: str | None = None
    window_lo: dt.date | None = None
    window_hi: dt.date | None = None
    #: global ids of the places that contain ``place`` (the White House: Washington, the US), set by the store
    place_within: frozenset[int] = frozenset()
    #: whether ``place`` is in the gazetteers (has a KB id): only then can "different place" be known
    place_linked: bool = False
    #: the place's name key (``names.name_key``), set by the store: relates two unlinked names
    place_key: str = ""
    #: whether ``place`` is a region of the gazetteers (a sea, an island, a continent: ``the Black Sea``),
    #: whose containment of towns the gazetteers do not give, so it can neither confirm nor rule out a town
    place_region: bool = False
    #: whether ``place`` is a town or venue: a place of the gazetteers inside another (by their containment,
    #: whether or not the store holds the outer place), set by the store; a country is none
    place_town: bool = False
    #: participants that are towns or venues (linked places inside a country), set by the store: one that a
    #: source names as the place is where the event happened, not a party to it (``Putin hosted Erdogan in
    #: the Black Sea resort of Sochi`` read with Sochi as a participant)
    towns: frozenset[int] = frozenset()
    #: participants that are linked people holding none of the principal offices (``principal_offices``:
    #: an adviser, an envoy), set by the store: an account that leaves them out may still tell the same
    #: meeting, one that leaves out a principal tells another format
    aides: frozenset[int] = frozenset()
    #: participants that are bodies the KB knows (``kb:org:``: the G20, NATO, the EU), set by the store: a
    #: summit of one is that body's summit, whichever attending leaders an account names
    bodies: frozenset[int] = frozenset()
    #: participants that are places inside other places (a city: Washington), with the global ids of the
    #: places containing them, set by the store: a visit's destination named as the city by one account is
    #: the country another names
    party_within: dict[int, frozenset[int]] = field(default_factory=dict)
    #: participants that are states (a country of the KB: ``iso3166:PL``), set by the store for the merge groups
    #: of ``state_party_groups``
    states: frozenset[int] = frozenset()
    #: linked people among the participants -> the global ids of the states whose principal offices they held on
    #: the report's day (KB offices), set by the store for those groups: the states a report naming only states
    #: may name for them
    represents: dict[int, frozenset[int]] = field(default_factory=dict)
    #: further ids to look up candidate events by, set by the store: for a report naming only states, the
    #: people holding their principal offices; for one naming people, the states they represent (an event of
    #: the other kind shares no participant with it)
    kin: frozenset[int] = frozenset()
    #: why the store put this report where it did (filled when merging; kept in ``event_sources``)
    merge_reason: str = ""
    #: for an article without publication date, the day its undated reports' window hangs on instead
    #: (its inferred reference date, or the latest day of a happened event its other reports joined);
    #: kept in ``event_sources.anchor_date``
    anchor: dt.date | None = None
    #: whether ``anchor`` is only a lower bound of the article's date (derived from an event it reports)
    anchor_is_bound: bool = False
    #: for an article without publication date whose inferred reference date is coarser than a day (a year,
    #: a month: ``2025``), its first and last day: no window (a year is too wide for one), but it tells
    #: equally good events without a window apart (see :func:`best_match`)
    anchor_span: tuple[dt.date, dt.date] | None = None
    #: where to look for candidates: the window, or for an undated report the days around its article's
    #: date in both directions, which it may reach only at the event's own place (see :func:`match`)
    reach_lo: dt.date | None = None
    reach_hi: dt.date | None = None
    #: whether the date's year is the article's inferred reference year (no publication date, and the date's
    #: text does not spell its year: ``am 5. Juni``), set by the store: it may be a year off, see
    #: :func:`year_uncertain` and :func:`match`
    year_uncertain: bool = False
    #: the article's identity across ingests (``db.article_key``: its URL, else its text's hash), set by the
    #: store: ties between reports are broken by it, not by the order articles arrived in
    article_key: str = ""

    @property
    def anchored(self) -> bool:
        """Whether the report has a merge window (a date, or a publication date to hang one on)."""
        return self.window_lo is not None and self.window_hi is not None


def _tolerance(rules: MergeRules, precision: str | None, future: bool, event_type: str = "") -> int:
    """Days a date of this precision is widened by; a planned date may still move by a few days, and a
    day-precise date of an event that lasts several days (a visit) may be any of its days."""
    days = rules.tolerance_days.get(precision or "", 0)
    if precision != "day":
        return days
    days = max(days, rules.duration_days.get(event_type, 0))
    return max(days, rules.planned_shift_days) if future else days


def prepare(report: Report, rules: MergeRules) -> Report:
    """Fill in the report's merge group, parsed date and merge window."""
    report.group = rules.group(report.type)
    parsed = parse_date_value(report.date_value)
    if parsed is not None:
        lo, hi, precision = parsed
        tolerance = _tolerance(rules, precision, report.status in FUTURE_STATUSES, report.type)
        report.date_lo, report.date_hi, report.precision = lo, hi, precision
        report.window_lo, report.window_hi = shift(lo, -tolerance), shift(hi, tolerance)
    elif (day := report.published or report.anchor) is not None:
        if report.status in FUTURE_STATUSES:
            before, after = rules.announced_before, rules.announced_after
        else:
            before, after = rules.reported_before, rules.reported_after
            if report.published is None and report.anchor_is_bound:
                after = rules.reported_before  # written on or after that day: look both ways
        report.window_lo = shift(day, -before)
        report.window_hi = shift(day, after)
        # the direction of an undated report's window rests on its status, the least certain thing
        # about it ("the G7 summit in Kananaskis" read as past in a preview): its reach looks both ways,
        # for a report that names a place (only its own place lets it use the reach, see match)
        if report.place is not None:
            report.reach_lo = min(report.window_lo, shift(day, -max(rules.reported_before, rules.announced_before)))
            report.reach_hi = max(report.window_hi, shift(day, max(rules.reported_after, rules.announced_after)))
            return report
    report.reach_lo, report.reach_hi = report.window_lo, report.window_hi
    if report.year_uncertain and report.date_lo is not None:
        # the same days a year earlier or later (the inferred year may be off by one): see match
        reach = YEAR_DAYS * rules.inferred_year_off
        report.reach_lo, report.reach_hi = shift(report.window_lo, -reach), shift(report.window_hi, reach)  # type: ignore[arg-type]
    return report


#: days a window is moved by to look at the same days of the year before or after (a leap year's 366)
YEAR_DAYS = 366

_YEAR_WRITTEN = re.compile(r"(?<!\d)\d{4}(?!\d)|'\d{2}\b")


def year_uncertain(
    published: dt.date | None, reference_source: str | None, time_text: str | None, date_value: str | None
) -> bool:
    """Whether a report's date rests on a year the pipeline inferred: its article has no publication date,
    the reference date was inferred from the text (``reference_date.source``), and the date's own words
    do not give the year (``am 5. Juni``, not ``am 5. Juni 2023``). Such a year may be one off (a reference
    year inferred from a "last year" mention)."""
    return (
        published is None
        and reference_source == "inferred"
        and bool(date_value)
        and not _YEAR_WRITTEN.search(time_text or "")
    )


def _a_year_apart(event: EventState, report: Report, rules: MergeRules) -> bool:
    """Whether the report and the event give the same days a year (up to ``inferred_year_off`` years) apart,
    one side's year being inferred (:func:`year_uncertain`): the report's, or that of every dated source of
    the event."""
    if (
        report.date_lo is None
        or event.window_lo is None
        or event.window_hi is None
        or report.window_lo is None
        or report.window_hi is None
    ):
        return False
    if not report.year_uncertain and (
        event.date_lo is None or not all(r.year_uncertain for r in event.reports if r.date_lo is not None)
    ):
        return False
    for years in (y for n in range(1, rules.inferred_year_off + 1) for y in (-n, n)):
        lo, hi = _move_years(report.window_lo, years), _move_years(report.window_hi, years)
        if lo is not None and hi is not None and lo <= event.window_hi and event.window_lo <= hi:
            return True
    return False


def _move_years(day: dt.date, years: int) -> dt.date | None:
    """The same day ``years`` years later (28 February for a 29th), or None past the calendar's end."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        try:
            return day.replace(year=day.year + years, day=28)
        except ValueError:
            return None


@dataclass
class EventState:
    """What the merger needs to know about a global event to match a new report against it."""

    event_id: int
    group: str
    participants: set[int]
    place: int | None
    window_lo: dt.date | None
    window_hi: dt.date | None
    date_lo: dt.date | None = None
    precision: str | None = None
    new: bool = False
    place_within: frozenset[int] = frozenset()
    reports: list[Report] = field(default_factory=list)
    #: the merged view of ``reports`` as of the last refresh
    summary: Summary | None = None


def _center(lo: dt.date | None, hi: dt.date | None) -> int:
    if lo is None or hi is None:
        return 0
    return (lo.toordinal() + hi.toordinal()) // 2


@dataclass(frozen=True)
class Match:
    """A report fitting an event: how well (higher is better) and why, in words kept with the source."""

    score: tuple[int, ...]
    reason: str
    #: matched without a date window (neither a date nor a publication date on one side): acceptable only
    #: when it is the single such candidate, see :func:`best_match`
    unanchored: bool = False
    #: an undated report outside the event's window, at its own place: taken only when the report fits no
    #: event inside its window and this is the single such event
    reached: bool = False
    #: a source of the event names the report's place, or one containing it or inside it (``same``)
    confirmed: bool = False


def place_relation(event: EventState, report: Report) -> str:
    """``same`` (equal or one inside the other), ``unknown`` or ``different``, over every place the event's
    sources name.

    Two places the gazetteers know are *different* unless one contains the other, and so are two
    unlinked names. An unlinked venue (``Elmendorf-Richardson``) may well lie in a known ``Alaska``:
    against the same participants it neither
    confirms nor blocks a merge, but with other participants (a G7 summit at an unlinked resort against
    a bilateral meeting in the Oval Office) it stays a different place. A place equal to or nested with
    the report's counts as confirmation (``im Oval Office`` and ``in Washington``), and so does one source
    naming the report's very place while another names a place apart (a conflict the event already has).
    """
    event_people, report_people = parties(event, report)
    same_people = event_people == report_people
    places = {
        r.place: (r.place_within, r.place_linked, r.place_key, r.place_region)
        for r in event.reports
        if r.place is not None
    }
    if not places and event.place is not None:
        places = {event.place: (event.place_within, True, "", False)}
    # a town that one side reads as a participant and the other names as the place confirms the place
    event_towns = {t for r in event.reports for t in r.towns}
    if (places.keys() & report.towns) or (report.place is not None and report.place in event_towns):
        return "same"
    if report.place is None or not places:
        return "unknown"
    for place, (_, linked, key, _) in places.items():
        # a source that names the report's very place confirms it, whatever another source says (that
        # disagreement stays the event's place conflict)
        if place == report.place or (not linked and not report.place_linked and key and key == report.place_key):
            return "same"
    relation = "same"
    for place, (within, linked, key, region) in places.items():
        if place == report.place or place in report.place_within or report.place in within:
            continue
        if not linked and not report.place_linked and _names_nest(key, report.place_key):
            continue  # "Elmendorf-Richardson" and "Joint Base Elmendorf-Richardson": one unlinked venue
        if (linked == report.place_linked and not (region or report.place_region)) or not same_people:
            # both in the gazetteers and apart, or two unlinked names (Genf, Wien); a region (the Black Sea)
            # against a town is as unknown as an unlinked venue against a region
            return "different"
        relation = "unknown"
    return relation


def parties(event: EventState, report: Report) -> tuple[set[int], set[int]]:
    """The event's and the report's participants without the towns some source names as the place: a
    report that reads ``in the Black Sea resort of Sochi`` with Sochi as a party still names the same two
    people as one that reads it as the place. Only where two parties remain: a visit's destination
    (``Blinken will nach London weiterreisen``) is its other party, and countries always stay."""
    towns = report.towns.union(*(r.towns for r in event.reports))
    if not towns:
        return _fold_states(
            event, report, *_fold_places(event, report, set(event.participants), set(report.participants))
        )
    named = {r.place for r in event.reports if r.place is not None} | {report.place} | ({event.place} - {None})
    drop = towns & named

    def without(people: frozenset[int] | set[int]) -> set[int]:
        kept = set(people) - drop
        return kept if len(kept) >= 2 else set(people)

    return _fold_states(
        event, report, *_fold_places(event, report, without(event.participants), without(report.participants))
    )


def _fold_states(
    event: EventState, report: Report, event_people: set[int], report_people: set[int]
) -> tuple[set[int], set[int]]:
    """The two sides' parties with the people of one side read as the states they represent, where the other
    side names only states: ``Polen und die Türkei haben Gespräche geführt`` and ``Erdogan met Tusk`` name the
    same two sides. Only where that side names two states at least and nothing else, and every party of this
    side is a person holding a principal office of exactly one of them (``Report.represents``), and names no
    state itself: ``Tusk reist in die Türkei`` (a visit to a state) is not the talks of Poland and Türkiye."""
    states = report.states.union(*(r.states for r in event.reports))
    if len(states) < 2:
        return event_people, report_people
    represents: dict[int, frozenset[int]] = {}
    for r in (report, *event.reports):
        for person, of in r.represents.items():
            represents[person] = represents.get(person, frozenset()) | of

    def as_states(people: set[int], sides: set[int]) -> set[int] | None:
        if people & states:
            return None
        found = [represents.get(p, frozenset()) & sides for p in people]
        if not found or any(len(of) != 1 for of in found):
            return None
        return {s for of in found for s in of}

    if len(event_people) >= 2 and event_people <= states and (folded := as_states(report_people, event_people)):
        return event_people, folded
    if len(report_people) >= 2 and report_people <= states and (folded := as_states(event_people, report_people)):
        return folded, report_people
    return event_people, report_people


def _fold_places(
    event: EventState, report: Report, event_people: set[int], report_people: set[int]
) -> tuple[set[int], set[int]]:
    """The two sides' parties with a place that lies inside a place the other side names as a party read
    as that place (``Merz besucht Washington`` and ``Merz visits the US``: one visit of Merz to the US),
    by the gazetteers' containment (``Report.party_within``); a party inside two of the other's stays."""
    inside = [r.party_within for r in (report, *event.reports) if r.party_within]
    if not inside:
        return event_people, report_people
    within = {p: outer for party_within in inside for p, outer in party_within.items()}

    def fold(people: set[int], other: set[int]) -> set[int]:
        folded = set()
        for p in people:
            outer = [q for q in other if q in within.get(p, ())] if p not in other else []
            folded.add(outer[0] if len(outer) == 1 else p)
        return folded

    return fold(event_people, report_people), fold(report_people, event_people)


def _apart_in_one_article(a: Report, b: Report, rules: MergeRules) -> bool:
    """Whether two accounts of one article are two happenings by the article's own word: the event layer
    already joined the mentions of one happening, and what it left apart on two different days ("met on
    Monday and again on Tuesday") stays apart, and so does an undated announcement beside a report of what
    happened. (Not so for a status alone: an article's dated preview sentence and its report of the same
    meeting can come out as two accounts, planned and happened.) The days of an event that lasts several
    days (``[duration_days]``: a visit) are its legs, not two happenings: "am Montag in Berlin ... am
    Dienstag reist Modi nach München weiter" is one visit to Germany."""
    if a.precision == "day" and b.precision == "day" and a.date_lo != b.date_lo:
        lasts = min(rules.duration_days.get(a.type, 0), rules.duration_days.get(b.type, 0))
        if not lasts or abs((a.date_lo - b.date_lo).days) > lasts:  # type: ignore[operator]
            return True
    # the event layer joins an article's mentions of one meeting; two accounts it left apart that name
    # different people on one day are two meetings ("mit Tusk zu einem Vieraugengespräch zusammengekommen.
    # Am Nachmittag kamen Merz und Tusk dann mit Macron zusammen")
    if (
        rules.group(a.type) == rules.group(b.type)
        and len(a.participants) >= 2
        and len(b.participants) >= 2
        and set(a.participants) != set(b.participants)
        and a.date_lo is not None
        and a.date_lo == b.date_lo
    ):
        return True
    # ... and so are two accounts of one day at two places the gazetteers know to lie apart: the article
    # itself tells two scenes ("met in Vienna on Thursday, three days after the two met in Kyiv", the
    # recalled meeting dated by the article's day), not one meeting whose place outlets disagree on
    if (
        a.precision == "day"
        and b.precision == "day"
        and a.date_lo == b.date_lo
        and _places_apart(a, b)
        and not min(rules.duration_days.get(a.type, 0), rules.duration_days.get(b.type, 0))
    ):
        return True
    # an article that tells a meeting as happened and announces one without a date announces another
    # (later) one: "werde man danach ein Treffen mit Putin ansetzen" in the report of the Trump-Putin summit
    return any(
        x.date_lo is None and x.status in FUTURE_STATUSES and y.status == "happened" for x, y in ((a, b), (b, a))
    )


def _places_apart(a: Report, b: Report) -> bool:
    """Whether two reports name places the gazetteers know (no region, whose towns they do not list) of which
    neither is or contains the other."""
    return (
        a.place is not None
        and b.place is not None
        and a.place != b.place
        and a.place_linked
        and b.place_linked
        and not (a.place_region or b.place_region)
        and a.place not in b.place_within
        and b.place not in a.place_within
    )


def _reaches_own_place(event: EventState, report: Report) -> bool:
    """Whether an undated report outside the event's window may still be it: its reach (both directions
    of its article's date) meets the event's window, and it names the very place a source of the event
    names: a venue or town (an unlinked name with the same key, or a linked place inside another), not a
    country, which many events share."""
    if report.date_lo is not None or report.place is None or report.reach_lo is None or report.reach_hi is None:
        return False
    if event.window_lo > report.reach_hi or report.reach_lo > event.window_hi:  # type: ignore[operator]
        return False
    if report.place_linked and not report.place_within:
        return False  # a country (contains, is contained by nothing the store knows)
    for other in event.reports:
        if other.place == report.place:
            return True
        if (
            not other.place_linked
            and not report.place_linked
            and other.place_key
            and other.place_key == report.place_key
        ):
            return True
    return False


def _other_format(event: EventState, report: Report, event_people: set[int], report_people: set[int]) -> bool:
    """Whether an undated announcement names fewer principals than the undated announced event: two
    undated announcements carry no day and place that would show one outlet merely omitting a party, so a
    bilateral meeting left out of a trilateral one is another meeting. Leaving out an aide (an adviser
    who attends, ``Report.aides``) is an omission, not another format. A dated account of the same day and
    place may name a subset (outlets name different people at one meeting): this is for announcements
    without a date on both sides only."""
    if report.date_lo is not None or event.date_lo is not None or report.status not in FUTURE_STATUSES:
        return False
    if len(report_people) < 2 or not report_people < event_people:
        return False
    if any(r.status not in FUTURE_STATUSES for r in event.reports):
        return False
    aides = report.aides.union(*(r.aides for r in event.reports))
    return not (event_people - report_people) <= aides


def _shared_body(event: EventState, report: Report, rules: MergeRules) -> int | None:
    """A body (``Report.bodies``) that the report and the event both name, where both are of a type that
    a body holds (``body_event_types``: a summit), else None: the G20 summit of one outlet naming Scholz
    and of another naming Biden is one summit."""
    if report.type not in rules.body_event_types or not report.bodies:
        return None
    for other in event.reports:
        if other.type in rules.body_event_types and (common := report.bodies & other.bodies):
            return min(common)
    return None


def _names_only_nested(event: EventState, report: Report, event_people: set[int], report_people: set[int]) -> bool:
    """Whether the two sides name places only by names the gazetteers do not know (``am Col du Tourmalet``,
    ``in den Pyrenäen``: nothing says whether one lies in the other) and one side's people are the other's
    with people added (an outlet naming the leaders' wives too), none of them a body (a summit of the G7 is
    not the bilateral meeting beside it): on the same day, then, one meeting whose place the outlets give
    differently, as for identical participants."""
    if report.place_linked or any(r.place_linked for r in event.reports if r.place is not None):
        return False
    if not (event_people < report_people or report_people < event_people):
        return False
    bodies = report.bodies.union(*(r.bodies for r in event.reports))
    return not (event_people ^ report_people) & bodies


def _names_nest(a: str, b: str) -> bool:
    """Whether the words of one name key are all words of the other (the short form of a venue's name)."""
    words_a, words_b = set(a.split()), set(b.split())
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


def match(event: EventState, report: Report, rules: MergeRules) -> Match | None:
    """Whether a report can be the event, how well and why; None when they cannot be one happening."""
    if event.group != report.group or not report.participants or not event.participants:
        return None
    event_anchored = event.window_lo is not None and event.window_hi is not None
    if report.anchored and not event_anchored:
        # the event's only sources had no window and chose to stay apart as ambiguous: a dated report
        # (Osaka, 2019) must not make that choice for them
        return None
    anchored = report.anchored and event_anchored
    reached = year_apart = False
    if anchored and (event.window_lo > report.window_hi or report.window_lo > event.window_hi):  # type: ignore[operator]
        if _reaches_own_place(event, report):
            reached = True
        elif _a_year_apart(event, report, rules):
            reached = year_apart = True
        else:
            return None
    if any(
        other.article_id == report.article_id and _apart_in_one_article(other, report, rules) for other in event.reports
    ):
        return None
    if not reached and _another_day(event, report, rules):
        return None
    event_people, report_people = parties(event, report)
    shared = len(event_people & report_people)
    needed = max(1, min(rules.min_shared, len(event_people), len(report_people)))
    body = _shared_body(event, report, rules)
    # the participant rules below tell meetings of people apart; a body's summit is told by the body, so
    # where only they object, the body decides, given the same day or a confirming place (checked below)
    by_body = False
    if shared < needed:
        if body is None:
            return None
        by_body = True
    if year_apart and event_people != report_people:
        return None  # a year apart is one event only when everything else agrees
    reasons = [f"{event.group}: {shared} shared participant(s)"]
    if report.date_lo is None and len(event_people) > 1 and not report_people <= event_people:
        # an undated report naming someone the event lacks is another (larger) meeting: the possible
        # Trump-Putin-Zelenskyy meeting is not the Trump-Putin summit of that week. An event of one
        # participant (a body's summit: "the NATO summit in The Hague") is not enlarged by the leaders
        # another outlet names as attending it.
        if body is None:
            return None
        by_body = True
    if _other_format(event, report, event_people, report_people):
        # a meeting of three is not a meeting of two: "the next meeting of Trump and Putin" is not the
        # possible meeting of Trump, Putin and Zelenskyy announced beside it
        if body is None:
            return None
        by_body = True
    if (
        report.date_lo is not None
        and event.date_lo is None
        and len(report_people) > 1
        and not event_people <= report_people
    ):
        # the same, seen from the other side: a dated report of two people is not the undated larger meeting
        # that an article read before it announced (whichever of the two arrives first)
        if body is None:
            return None
        by_body = True
    relation = place_relation(event, report)
    if relation == "different" and report.group in rules.placeless_groups:
        # a call between Berlin and Washington: one outlet's place is the other's far end, not another call
        relation = "unknown"
        reasons.append("places differ, as the ends of a call may")
    if by_body:
        if relation != "same" and not _dates_agree(event, report):
            return None  # the body alone, without the same day or a confirming place, is not enough
        reasons.append("the same body's summit: the leaders an account names attend it")
    if relation == "unknown" and _other_day_elsewhere(event, report, rules):
        return None
    place_score = {"same": 2, "unknown": 1, "different": 0}[relation]
    if relation == "different":
        strong = (
            (event_people == report_people or _names_only_nested(event, report, event_people, report_people))
            and len(event_people & report_people) >= rules.place_conflict_min_participants
            and event.precision == "day"
            and report.precision == "day"
            and event.date_lo == report.date_lo
        )
        if not strong:
            return None
        reasons.append("same participants on the same day, places differ (conflict)")
    elif relation == "same":
        reasons.append("place equal or contained")
    # a body's summits are told apart by their dates and places, not by the leaders an account names
    identical = int(event_people == report_people or body is not None)
    if not anchored:
        reasons.append("no date window on one side: the single compatible event")
        return Match((identical, place_score, shared, 0), "; ".join(reasons), unanchored=True)
    if year_apart:
        if relation == "unknown" and not (report.place is None and all(r.place is None for r in event.reports)):
            return None  # a place on one side only, or two that neither confirm nor contradict: not enough
        reasons.append("the same days a year apart, one year inferred from the text (a date conflict)")
    elif reached:
        reasons.append("undated report at the event's own place, in its article's days either way")
    elif report.date_lo is None:
        reasons.append("undated report inside the event's window")
    elif event.date_lo is not None and report.date_lo != event.date_lo:
        reasons.append(
            "dates within tolerance"
            + (
                " (a planned date moved)"
                if report.status in FUTURE_STATUSES or (event.summary and event.summary.status in FUTURE_STATUSES)
                else ""
            )
        )
    else:
        reasons.append("dates agree")
    distance = abs(_center(event.window_lo, event.window_hi) - _center(report.window_lo, report.window_hi))
    # the same day outranks identical participant lists: outlets name different
    # subsets of the people at one meeting, while two meetings of one pair a day apart are two events
    # (Starmer receives Zelenskyy on Saturday, the summit with Starmer and Zelenskyy is on Sunday)
    agrees = int(_dates_agree(event, report))
    return Match(
        (shared, min(place_score, 1), agrees, identical, -distance),
        "; ".join(reasons),
        reached=reached,
        confirmed=relation == "same",
    )


def _other_day_elsewhere(event: EventState, report: Report, rules: MergeRules) -> bool:
    """Whether a report of another day names a place that no source of the event confirms: both sides name
    places, neither confirms the other (an unlinked name against a place of the gazetteers: ``in den
    Pyrenäen`` against ``im Élysée-Palast``; not a region of the gazetteers, ``am Schwarzen Meer``, which
    may well hold the town), and the two give different days. The day's tolerance is for
    outlets dating one meeting differently at one place (``gestern`` read against another day), not for a
    place that may be anywhere: the same pair on consecutive days at two places is two meetings. Not for an
    event that lasts several days (``[duration_days]``: a visit's days are its legs)."""
    if report.place is None or all(r.place is None for r in event.reports) or report.precision != "day":
        return False
    if report.place_region or any(r.place_region for r in event.reports):
        return False  # a region (the Black Sea) holds towns the gazetteers do not list: it may well be there
    if any(rules.duration_days.get(r.type, 0) for r in (report, *event.reports)):
        return False
    days = {r.date_lo for r in event.reports if r.precision == "day"}
    return bool(days) and report.date_lo not in days


def _another_day(event: EventState, report: Report, rules: MergeRules) -> bool:
    """Whether a day-precise report of what happened gives a day further than the day's tolerance from every
    day the event's sources report it happened on: "met in Paris on Wednesday" is not Monday's dinner in Paris,
    although the two days widened by a day each (``[tolerance_days] day``) touch on the Tuesday. The tolerance
    lets outlets date one meeting a day apart (time zones, an overnight session), not two days. Announcements
    (a planned day may move, ``planned_shift``) and events that last several days (``[duration_days]``: a
    visit's days are its legs; a summit or conference, ``body_event_types``, may span days) are not told apart
    so, except an announcement written after the event happened (every day its sources report it happened on
    is before the article's publication day) of a later day: "will meet again in Brussels on Thursday", written
    on Tuesday, is not Monday's meeting in Brussels."""
    if report.precision != "day" or report.date_lo is None:
        return False
    if any(rules.duration_days.get(r.type, 0) or r.type in rules.body_event_types for r in (report, *event.reports)):
        return False  # a visit, or a summit or conference of several days, each outlet dating it by another day
    tolerance = rules.tolerance_days.get("day", 0)
    if report.status in FUTURE_STATUSES:
        happened = [
            r.date_hi
            for r in event.reports
            if r.status == "happened" and r.precision == "day" and r.date_hi is not None and not r.year_uncertain
        ]
        return (
            bool(happened)
            and report.published is not None
            and report.published > max(happened)
            and (report.date_lo - max(happened)).days > tolerance
        )
    days = [
        r.date_lo
        for r in event.reports
        if r.precision == "day" and r.date_lo is not None and r.status not in FUTURE_STATUSES and not r.year_uncertain
    ]
    return bool(days) and all(abs((day - report.date_lo).days) > tolerance for day in days)


def _dates_agree(event: EventState, report: Report) -> bool:
    """Whether the report and the event give the same day. Only day-precise dates count: "in May" lies
    inside every meeting of that month and says nothing about which one it is."""
    summary = event.summary
    return (
        report.precision == "day"
        and summary is not None
        and summary.precision == "day"
        and report.date_lo == summary.date_lo
    )


def match_score(event: EventState, report: Report, rules: MergeRules) -> tuple[int, ...] | None:
    """How well a report fits an event (higher is better), or None; see :func:`match`."""
    found = match(event, report, rules)
    return found.score if found is not None else None


def places_agree(a: int | None, a_within: frozenset[int], b: int | None, b_within: frozenset[int]) -> bool:
    """Unknown, equal, or one inside the other: ``im Oval Office`` and ``in Washington`` are one place."""
    return a is None or b is None or a == b or a in b_within or b in a_within


def _town_or_venue(report: Report) -> bool:
    """Whether the report's place is a town or venue (a place of the gazetteers inside another, or an
    unlinked name), not a country, which many of one pair's meetings share."""
    return not report.place_linked or report.place_town or bool(report.place_within)


def told_as_news(event: EventState, rules: MergeRules) -> bool:
    """Whether a source of the event reports it as the news of its day: dated within the window an undated
    report of its article would get (``[undated]``: a few days before its publication date, or for an
    announcement up to two months after), or undated. An event all of whose sources date it long before they
    were written is only recalled as background ("the two last met in Sochi in September 2025")."""
    for other in event.reports:
        day = other.published or other.anchor
        if day is None:
            continue
        if other.date_lo is None or other.date_hi is None:
            return True
        future = other.status in FUTURE_STATUSES
        lo = shift(day, -(rules.announced_before if future else rules.reported_before))
        hi = shift(day, rules.announced_after if future else max(rules.reported_after, 1))
        if other.date_hi >= lo and other.date_lo <= hi:
            return True
    return False


def best_match(candidates: Iterable[EventState], report: Report, rules: MergeRules) -> EventState | None:
    """The candidate event the report fits best, or None; records the reason on ``report.merge_reason``.

    Matches within a date window compete by score. A match without one (an undated report from an
    article without a publication date, or an event only such reports describe) is taken only when it is
    the single best candidate: same participants and a confirming place rank first, and a tie at the top
    is ambiguous (Trump and Putin met in Helsinki, Osaka and Anchorage), so the report stays apart, unless
    exactly one of the tied events is reported as news by a source (:func:`told_as_news`) and the others are
    only recalled by theirs: a copy without any date tells its own story, not the background.
    """
    windowed: list[tuple[tuple[int, ...], int, EventState, Match]] = []
    unanchored: list[tuple[tuple[int, ...], int, EventState, Match]] = []
    reached: list[tuple[tuple[int, ...], int, EventState, Match]] = []
    for event in candidates:
        found = match(event, report, rules)
        if found is not None:
            kind = unanchored if found.unanchored else reached if found.reached else windowed
            kind.append((found.score, -event.event_id, event, found))
    if report.date_lo is None:
        dated = [w for w in windowed if w[2].date_lo is not None]
        if len(dated) > 1 and report.status in FUTURE_STATUSES:
            # an undated announcement repeats an announcement: if only one candidate was ever announced
            # (the others are known only from reports that they happened), it is that one
            announced = [w for w in dated if any(r.status in FUTURE_STATUSES for r in w[2].reports)]
            if len(announced) == 1:
                report.merge_reason = announced[0][3].reason + "; undated announcement: the single announced event"
                return announced[0][2]
        confirmed = [w for w in dated if w[3].confirmed]
        if len(dated) > 1 and len(confirmed) == 1 and report.place is not None and _town_or_venue(report):
            # of the pair's meetings in its days, the single one at its venue or town: "Macron hat Modi im
            # Élysée-Palast empfangen" is Monday's meeting there, not Tuesday's trip to the Pyrenees
            report.merge_reason = confirmed[0][3].reason + f"; of {len(dated)} dated events the single one at its place"
            return confirmed[0][2]
        if len(dated) > 1 and report.status == "happened" and report.published is not None:
            # a report of what happened cannot tell an event every dated source puts after the day it was
            # written: of the pair's meetings in its days, the single one not yet to come
            past = [w for w in dated if w[2].date_lo is not None and w[2].date_lo <= report.published]
            if len(past) == 1:
                report.merge_reason = past[0][3].reason + f"; of {len(dated)} dated events the single one not after it"
                return past[0][2]
        if len(dated) > 1:  # an undated report joins the single compatible dated event, or none
            report.merge_reason = f"new event: undated, {len(dated)} compatible dated events (ambiguous)"
            return None
    if windowed:
        best = max(windowed, key=lambda x: (x[0], x[1]))
        report.merge_reason = best[3].reason
        return best[2]
    if len(reached) == 1:
        report.merge_reason = reached[0][3].reason
        return reached[0][2]
    if reached:
        report.merge_reason = f"new event: undated, {len(reached)} events at its place outside its window (ambiguous)"
        return None
    if unanchored:
        unanchored.sort(key=lambda x: x[0], reverse=True)
        if len(unanchored) == 1 or unanchored[0][0] > unanchored[1][0]:
            report.merge_reason = unanchored[0][3].reason
            return unanchored[0][2]
        top = [u for u in unanchored if u[0] == unanchored[0][0]]
        if report.anchor_span is not None:
            # the article's inferred year (month) tells the pair's meetings of other years apart
            lo, hi = report.anchor_span
            within = [u for u in top if u[2].date_lo is not None and lo <= u[2].date_lo <= hi]
            if len(within) == 1:
                report.merge_reason = within[0][3].reason.replace(
                    "the single compatible event",
                    f"of {len(top)} equally good events the single one in its article's inferred {lo.year}",
                )
                return within[0][2]
            top = within or top
        news = [u for u in top if told_as_news(u[2], rules)]
        if len(news) == 1:
            # a copy without any date tells its own story: of the same pair's meetings at one place, the one
            # its sources report as the news of their day, not one they only recall ("zuletzt hatten sich die
            # beiden im September vergangenen Jahres ebenfalls in Sotschi getroffen")
            report.merge_reason = news[0][3].reason.replace(
                "the single compatible event", f"of {len(top)} equally good events the single one told as news"
            )
            return news[0][2]
        report.merge_reason = (
            f"new event: {sum(1 for u in unanchored if u[0] == unanchored[0][0])} equally good "
            "events without a date window (ambiguous)"
        )
        return None
    report.merge_reason = "new event: no compatible event"
    return None


@dataclass
class Conflict:
    """One of several incompatible values the sources give for a field of an event."""

    field: str
    value: str
    article_ids: list[int]


@dataclass
class Summary:
    """The merged view of an event over all its reports (a row of ``events`` plus its conflicts)."""

    type: str
    group: str
    status: str
    date_value: str | None
    precision: str | None
    date_lo: dt.date | None
    date_hi: dt.date | None
    window_lo: dt.date | None
    window_hi: dt.date | None
    place: int | None
    participants: set[int]
    first_reported: dt.date | None
    last_reported: dt.date | None
    n_sources: int
    confidence: float
    plover: str | None
    cameo: str | None
    conflicts: list[Conflict]
    place_within: frozenset[int] = frozenset()


#: within one day, what is known later: an announcement, then a report of unknown status, then what happened
_STATUS_ORDER = {"planned": 0, "possible": 0, "unknown": 1}


def _order_key(report: Report) -> tuple[dt.date, int, str, int]:
    """When a report was written, for "the latest report says": its article's date; on one day an
    announcement comes before the report of what happened (a preview and a report of one day), then the
    article's identity, so that the order the articles were ingested in never decides. An article without
    any date of its own counts as the oldest: a bound derived from the events it joined (``anchor_is_bound``)
    says it is no older than them, not that it is newer than the dated reports of that day."""
    day = report.published or (None if report.anchor_is_bound else report.anchor)
    return day or dt.date.min, _STATUS_ORDER.get(report.status, 2), report.article_key, report.article_id


def merge_order(report: Report) -> tuple[object, ...]:
    """The order the store merges a pool of reports in, whatever order their articles arrived in: dated
    reports first (their windows are their own), reports of what happened before announcements (a planned
    date is widened, it may move), undated reports with more participants before those with fewer (a report
    may join an event that names everyone it names, not one that lacks someone); then the article's date
    (publication, else inferred reference date; none last), the article's identity and the event's place in
    it. Merging is greedy, so a fixed order makes the result a function of the set of
    reports (one batch or many, any order), see ``Store._remerge``. A date whose year was only inferred
    comes after the dates whose year is known (its event is found by the same days a year apart)."""
    day = report.published or report.anchor
    undated = report.date_value is None
    return (
        undated,
        report.year_uncertain,
        report.status in FUTURE_STATUSES,
        -len(report.participants) if undated else 0,
        day is None,
        day or dt.date.min,
        report.article_key,
        report.article_id if not report.article_key else 0,
        len(report.local_id),
        report.local_id,
    )


def _pick(values: Sequence[tuple[object, Report]]) -> object:
    """The most frequent value; ties go to the one reported latest (later reports know more)."""
    counts: dict[object, int] = {}
    latest: dict[object, int] = {}
    # ``values`` come in report order (:func:`summarise` sorts the reports once): the last position is the latest
    for i, (v, _) in enumerate(values):
        counts[v] = counts.get(v, 0) + 1
        latest[v] = i
    return max(counts, key=lambda v: (counts[v], latest[v]))


def _conflicts(field_name: str, values: Sequence[tuple[object, Report]], clash: set[object]) -> list[Conflict]:
    by_value: dict[object, list[int]] = {}
    for value, report in values:
        if value in clash:
            by_value.setdefault(value, [])
            if report.article_id not in by_value[value]:
                by_value[value].append(report.article_id)
    return [Conflict(field_name, str(v), ids) for v, ids in sorted(by_value.items(), key=lambda x: str(x[0]))]


def _stale_announcement(report: Report, event_hi: dt.date | None) -> bool:
    """Whether a planned or possible report was written after the last day it announces: its own date's, else
    the event's (a report without any date of its own or of its article is never stale)."""
    if report.status not in FUTURE_STATUSES:
        return False
    written = report.published or (None if report.anchor_is_bound else report.anchor)
    until = report.date_hi or event_hi
    return written is not None and until is not None and written > until


def summarise(reports: Sequence[Report], rules: MergeRules) -> Summary:
    """The merged event: chosen values, the status as of the latest report, and every conflict."""
    ordered = sorted(reports, key=_order_key)
    conflicts: list[Conflict] = []

    event_type = str(_pick([(r.type, r) for r in ordered]))

    # date: the finest precision any report gives, then the most frequent value at it
    dated = [r for r in ordered if r.date_lo is not None]
    date_value = precision = None
    date_lo = date_hi = None
    if dated:
        # a date whose year was only inferred gives way to one whose year is known
        sure = [r for r in dated if not r.year_uncertain] or dated
        finest = min(PRECISION_RANK.get(r.precision or "year", 9) for r in sure)
        at_finest = [(r.date_value, r) for r in sure if PRECISION_RANK.get(r.precision or "", 9) == finest]
        date_value = str(_pick(at_finest))
        chosen = next(r for r in dated if r.date_value == date_value)
        date_lo, date_hi, precision = chosen.date_lo, chosen.date_hi, chosen.precision
        clash = {
            r.date_value
            for r in dated
            if not (r.date_lo <= date_lo and date_hi <= r.date_hi)  # type: ignore[operator]
            and not (date_lo <= r.date_lo and r.date_hi <= date_hi)  # type: ignore[operator]
        }
        if clash:
            conflicts += _conflicts("date", [(r.date_value, r) for r in dated], clash | {date_value})

    # the merge window: the chosen date widened by its tolerance, else the union of undated windows
    if date_lo is not None and date_hi is not None:
        future = all(r.status in FUTURE_STATUSES for r in dated)  # only announced so far: the date may move
        tolerance = _tolerance(rules, precision, future, event_type)
        window_lo, window_hi = shift(date_lo, -tolerance), shift(date_hi, tolerance)
    else:
        los = [r.window_lo for r in ordered if r.window_lo is not None]
        his = [r.window_hi for r in ordered if r.window_hi is not None]
        window_lo, window_hi = (min(los) if los else None), (max(his) if his else None)

    # status: what the latest report with a known status says; a history, not a vote
    known = [r for r in ordered if r.status != "unknown"]
    statuses = {r.status for r in known}
    # ... except an announcement written after the day it announces (its own date, else the event's) of an
    # event another source reports as happened: a copy of an old preview, or a past tense read as future,
    # does not turn a meeting that happened back into a plan (it stays in the history)
    current = [r for r in known if not ("happened" in statuses and _stale_announcement(r, date_hi))] or known
    status = current[-1].status if current else "unknown"
    if "happened" in statuses and statuses & NEGATIVE_STATUSES:
        conflicts += _conflicts("status", [(r.status, r) for r in known], {"happened"} | (statuses & NEGATIVE_STATUSES))

    placed = [(r.place, r) for r in ordered if r.place is not None]
    places = {p for p, _ in placed}
    # a region (the Black Sea) says less than a town and cannot contradict it: the town is shown, no conflict
    shown = [(p, r) for p, r in placed if not r.place_region] or placed
    place = int(_pick(shown)) if shown else None  # type: ignore[call-overload]
    candidates = {p for p, _ in shown}
    within = {r.place: r.place_within for r in ordered if r.place is not None}
    nested = [p for p in candidates if all(q == p or q in within[p] for q in candidates)]
    if nested:
        place = nested[0]  # the places contain one another: the most specific one, no conflict
    elif len(candidates) > 1:
        conflicts += _conflicts("place", shown, candidates)

    participants: set[int] = set()
    for r in ordered:
        participants |= r.participants
    # a town that one source reads as a party and another names as the place is the place
    town_parties = {t for r in ordered for t in r.towns} & places
    if len(participants - town_parties) >= 2:
        participants -= town_parties
    # a party inside another party (Washington beside the US: one account named the city) is that party
    inner = {p for r in ordered for p, outer in r.party_within.items() if p in participants and outer & participants}
    if inner and len(participants - inner) >= 2:
        participants -= inner
    # states that one source names for the people another names (``Polen und die Türkei`` for Tusk and
    # Erdoğan): the people are shown, as the other sources name them
    sides = {s for r in ordered if len(r.participants) >= 2 and r.participants <= r.states for s in r.participants}
    represented = {s for r in ordered for p, of in r.represents.items() if p in participants for s in of}
    if (named_for := sides & represented) and len(participants - named_for) >= 2:
        participants -= named_for
    published = [r.published for r in ordered if r.published is not None]
    plovers = [(r.plover, r) for r in ordered if r.plover]
    cameos = [(r.cameo, r) for r in ordered if r.cameo]
    return Summary(
        type=event_type,
        group=rules.group(event_type),
        status=status,
        date_value=date_value,
        precision=precision,
        date_lo=date_lo,
        date_hi=date_hi,
        window_lo=window_lo,
        window_hi=window_hi,
        place=place,
        participants=participants,
        first_reported=min(published) if published else None,
        last_reported=max(published) if published else None,
        n_sources=len({r.article_id for r in ordered}),
        confidence=max(r.confidence for r in ordered),
        plover=str(_pick(plovers)) if plovers else None,
        cameo=str(_pick(cameos)) if cameos else None,
        conflicts=conflicts,
        place_within=within.get(place, frozenset()) if place is not None else frozenset(),
    )
