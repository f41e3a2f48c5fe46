"""Step 2 of the event layer: mentions that describe one happening become one event.

A news article describes one meeting in several places; mentions of the same type family whose
participants, place, time and status agree become one event carrying all their evidence. Mentions
that name nobody (``die Gespräche``, ``das Treffen``) join the event they refer back to, or are
dropped: an event with no resolvable participant helps no one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from ...record import Time
from .args import DocIndex
from .mentions import MEETING_LIKE, NOT_YET, EventMention, family_group
from .places import PlaceRelations


@dataclass
class _Summary:
    """What merging asks of an event's mentions, brought up to date when mentions were appended
    (mentions are only ever appended): scoring a mention must not scan an event's every mention."""

    count: int = 0  # the mentions summarised so far
    statuses: set[str] = field(default_factory=set)  # the cued ones (``MergedEvent.statuses``)
    first_tok: int = 0
    last_tok: int = 0
    first_segment: int = 0
    sideline: bool = False
    beside: bool = False  # a mention told as happening on the sidelines of another event


@dataclass
class MergedEvent:
    """An event built from one or more mentions."""

    mentions: list[EventMention] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    weak: bool = True
    precision: int = 0
    body: bool = False
    place: str | None = None
    place_chain: tuple[str, ...] = ()  # the places that contain ``place``
    time: Time | None = None
    type: str = "meeting"
    summary: _Summary = field(default_factory=_Summary, repr=False, compare=False)
    #: a visit's first day that only the visitor's other events tell (see :func:`_begun_by_stops`)
    begun: Time | None = None

    @property
    def family(self) -> str:
        return family_group(self.type)

    @property
    def statuses(self) -> set[str]:
        """The statuses its mentions state (uncued defaults do not count)."""
        return {m.status for m in self.mentions if m.status_cued}


def _summary(ev: MergedEvent) -> _Summary:
    """``ev.summary`` updated with the mentions appended since it was last read."""
    s = ev.summary
    for x in ev.mentions[s.count :]:
        if s.count == 0:
            s.first_tok = s.last_tok = x.tok
            s.first_segment = x.segment
        s.first_tok, s.last_tok = min(s.first_tok, x.tok), max(s.last_tok, x.tok)
        s.first_segment = min(s.first_segment, x.segment)
        s.sideline = s.sideline or x.sideline
        s.beside = s.beside or x.beside
        if x.status_cued:
            s.statuses.add(x.status)
        s.count += 1
    return s


def _places_agree(ev: MergedEvent, m: EventMention) -> bool:
    """Places agree when unknown, equal, or one contains the other.

    ``im Oval Office``, ``in Washington`` and ``in den USA`` describe one event at three levels
    (the gazetteers' containment, carried as each place's chain of containing places).
    """
    if not m.place or not ev.place or m.place == ev.place:
        return True
    if m.place_assumed and not m.participants:
        return True  # ``Das Gespräch dauerte 35 Minuten`` in a lead datelined Rome: the dateline is no place it states
    return m.place in ev.place_chain or ev.place in m.place_chain


def _time_compatible(a: Time | None, b: Time | None) -> bool:
    if a is None or b is None or not a.value or not b.value:
        return True
    n = min(len(a.value), len(b.value))
    return a.value[:n] == b.value[:n]


#: families a talk that names no one (``die Gespräche``) may refer back to besides meetings: the talks of
#: a visit, and negotiations (``haben ... verhandelt. Die Gespräche fanden in der vergangenen Woche statt``)
HOSTS_OF_TALK = frozenset({"visit", "negotiation"})

BACKGROUND_DAYS = 30  # a mention dated this long before the reference date tells an earlier happening


def _period_end(value: str | None) -> dt.date | None:
    """The last day a time value can mean (``2024-09`` -> 2024-09-30, ``2024`` -> 2024-12-31)."""
    if not value or not value[:4].isdigit():
        return None
    try:
        year = int(value[:4])
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return dt.date(year, int(value[5:7]), int(value[8:10]))
        if len(value) >= 8 and value[4:6] == "-W":
            return dt.date.fromisocalendar(year, int(value[6:8]), 7)
        if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
            month = int(value[5:7])
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(year, 12, 31)
    except ValueError:
        return None


def _background(time: Time | None, reference: str | None) -> bool:
    """Whether a time lies well before the reference date (an earlier happening, not the story's).

    ``Trump und Selenskyj hatten sich im September vergangenen Jahres in New York getroffen``, in a
    report of their meeting on Friday: the same two people, another meeting.
    With a reference known only to the month or year (inferred from the text), only a time well
    before its *first* day is certainly earlier: in an article of 2025, a meeting on 15 June 2025 may
    be the story's own.
    """
    end = _period_end(time.value if time else None)
    ref = _period_start(reference[:10] if reference else None)
    return end is not None and ref is not None and (ref - end).days > BACKGROUND_DAYS


def _period_start(value: str | None) -> dt.date | None:
    """The first day a date value can mean (``2024-09`` -> 2024-09-01, ``2024`` -> 2024-01-01)."""
    if not value or not value[:4].isdigit():
        return None
    try:
        if len(value) >= 10:
            return dt.date.fromisoformat(value[:10])
        if len(value) >= 7 and value[5:7].isdigit():
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        return dt.date(int(value[:4]), 1, 1)
    except ValueError:
        return None


def _status_compatible(ev: MergedEvent, m: EventMention, exact: bool) -> bool:
    statuses = _summary(ev).statuses
    hard = {"cancelled", "denied"}
    if m.status == "cancelled" and not m.participants and statuses <= NOT_YET | {"unknown"}:
        return True  # ``Die Reise wurde abgesagt``: the plan told before was called off
    if (
        m.status == "cancelled"
        and m.trigger.is_noun
        and m.participants
        and set(m.participants) < set(ev.participants)
        and statuses <= NOT_YET | {"unknown"}
    ):
        # ``Holm had been expected in Oslo but cancelled his trip``: the noun names only the traveller (a
        # possessive), one of the plan's parties; the plan told before was called off
        return True
    if exact and m.definite and m.trigger.is_noun and statuses & hard and m.status not in hard:
        # ``Der Kreml wies Berichte über ein Telefonat zwischen A und B zurück ... A habe B in dem Telefonat
        # gewarnt``: the definite noun retells the denied call, it is not a second one that happened
        return True
    if (m.status in hard or statuses & hard) and m.status not in statuses:
        # ``Kein Treffen zwischen A und B`` (denied) over ``Das Treffen von A und B wurde abgesagt``
        # (cancelled): of the same parties, both say it did not take place
        return exact and m.status in hard and statuses <= hard
    if not m.status_cued and m.status == "happened" and statuses and len(m.participants) < 2:
        # ``beim Gipfel der G7`` (present tense, no cue of its own) beside ``sehen sich die beiden
        # wieder`` (a plan): an uncued default says nothing against the cued status
        return True
    if not m.status_cued and m.status == "happened" and any(x.clause == m.clause for x in ev.mentions):
        # ``Am Gipfel ... vom 15. bis 17. Juni treffen Merz und Trump aufeinander``: the noun's status is
        # the clause's; the verb's uncued default in the same clause says nothing against it
        return True
    if exact and m.indefinite and m.status_cued and m.status in NOT_YET and "happened" in statuses:
        # ``werde man danach ein Treffen mit Putin ansetzen``: an indefinite plan of the same pair is
        # their next meeting, not the one that happened
        return False
    if exact:
        return True  # the same named parties: a headline's ``Spekulationen`` vs the body's facts
    if m.status in NOT_YET:
        return bool(statuses & NOT_YET) or statuses <= {"unknown"}
    if m.status == "happened":
        return "happened" in statuses or statuses <= {"unknown"}
    return True


def _merge_score(
    ev: MergedEvent,
    m: EventMention,
    reference: str | None = None,
    bodies: frozenset[str] = frozenset(),
    people: frozenset[str] = frozenset(),
) -> float | None:
    """How well a mention fits an event (``None``: it does not); ``bodies`` are the organisations of
    the document (a body's summit is not the meeting of two of its attendees)."""
    fam = family_group(m.type)
    generic = not m.participants
    summary = _summary(ev)
    if m.fresh and summary.first_segment < m.segment:
        return None  # ``ein weiteres Treffen`` does not refer back to the meeting told before
    if m.anaphoric:
        # ``An diesen Gesprächen werden X und Y teilnehmen``: the nearest event of the family before it
        before = [x.tok for x in ev.mentions if x.tok < m.tok]
        if fam != ev.family or not before or not _places_agree(ev, m):
            return None
        return 10.0 - (m.tok - max(before)) / 1000
    if generic and m.conversation and m.definite and ev.family == "phone_call":
        # ``Biden hat mit Netanjahu telefoniert. In dem Gespräch habe Biden ...``: the definite conversation
        # told right after a call is that call
        before = [x for x in ev.mentions if x.tok < m.tok]
        last = max(before, key=lambda x: x.tok) if before else None
        if last is not None and m.segment - last.segment <= 2 and _time_compatible(m.time, ev.time):
            return 5.0 - (m.segment - last.segment)
        return None
    if fam != ev.family and not (generic and fam == "meeting" and ev.family in HOSTS_OF_TALK):
        return None
    if not _places_agree(ev, m):
        # a visit ``in den Kongo`` and the same visit ``in Kinshasa``: the host country contains the city
        host = fam == "visit" and (m.place in ev.participants or ev.place in m.participants)
        if not host:
            return None
    if not _time_compatible(m.time, ev.time):
        return None
    if (
        not generic
        and (ev.time is None) != (m.time is None)
        and _background(m.time or ev.time, reference)
        and not _same_clause_same_parties(ev, m)
    ):
        # an undated report of the story and a dated earlier happening of the same parties: two events
        # (an undated mention that names no one may still refer back to the earlier one)
        return None
    pa, pb = set(m.participants), set(ev.participants)
    exact = bool(pa) and pa == pb
    if generic and m.sideline:
        if summary.sideline or summary.beside:
            return None  # ``am Rande des Treffens`` names the summit, not the meeting beside it
    elif (m.sideline or summary.sideline) and not exact:
        return None  # the meeting on the sidelines of a summit is not the summit
    if generic and summary.beside and m.segment != summary.first_segment:
        # ``Am Rande des Gipfels kam Merz mit Macron zusammen``: the summit's words elsewhere in the
        # article are about the summit, not about the meeting beside it
        return None
    if pa and pb and not exact and _summit_of_attendees(ev, m, pa, pb, bodies):
        # ``Bei ihrem Treffen im Weissen Haus`` and ``Am Gipfel der G7 treffen Merz und Trump erneut
        # aufeinander``: the body's summit is another event than the two attendees' own meeting
        return None
    if pa and pb and not exact and _another_round(ev, m, pa, people):
        # ``Merz ist mit Tusk zusammengekommen. Am Nachmittag kamen Merz und Tusk mit Macron zusammen``:
        # a verb that tells the same people meeting with another person in another sentence is the next meeting
        return None
    if pa and pb and not exact:
        if m.weak or ev.weak:
            if m.weak and ev.weak and not (pa & pb):
                return None
            weak_side = pa if m.weak else pb
            far = min(abs(m.segment - x.segment) for x in ev.mentions) > 1
            if not (pa & pb) and far and weak_side <= bodies:
                # ``Die Außenminister der G7 beraten auf Capri`` and, two sentences on, ``Scholz hat Li Qiang
                # empfangen``: a body named through its members joins other parties only nearby (states
                # named through their officials, ``die Sicherheitsberater Russlands und der USA``, may
                # stand for the two people met anywhere in the article)
                return None
        elif not (pa <= pb or pb <= pa) and not _definite_completion(ev, m, pa, pb):
            return None
    if not _status_compatible(ev, m, exact and not m.weak):
        return None
    score = 0.0
    score += 3 if exact else (1 if pa and pb else 0)
    # a place taken from the dateline is an assumption: it neither confirms nor tells which event
    told = m.place if not m.place_assumed else None
    score += 2 if told and told == ev.place else (1 if told and ev.place else 0)
    if m.time and ev.time and m.time.value == ev.time.value:
        score += 2
    if fam == ev.family:
        # a mention naming no one refers back to an event of its own kind before a visit that merely
        # has a place (``Die Begegnung in der Großen Halle`` after a reception during a visit to China)
        score += 2 if generic else 1
    last = summary.last_tok
    distance = abs(m.tok - last)
    score += 1.0 / (1 + distance / 50)
    if m.tok < last and generic:
        score -= 0.5  # a generic mention refers back rather than forward
    if generic and any(x.segment == m.segment and x.participants for x in ev.mentions):
        # ``Starmer has welcomed Carney to Chequers for talks``: a noun naming no one in the sentence of an
        # event's named mention is that event, before one told further on
        score += 1.5
    if generic and m.indefinite:
        # ``ein Treffen`` introduces an event: it joins one named after it, or one it shares a place/time with
        first = summary.first_tok
        shares = (m.place and m.place == ev.place) or (m.time and ev.time and m.time.value == ev.time.value)
        if not (first > m.tok or shares):
            return None
    return score


def _definite_completion(ev: MergedEvent, m: EventMention, pa: set[str], pb: set[str]) -> bool:
    """Whether a definite noun naming one party completes a one-party event told just before.

    ``Selenskyj hat ein Sicherheitsabkommen unterzeichnet. Das Abkommen mit Regierungschef Sánchez sieht
    ...vor``: the definite noun retells the agreement and names its other party. Only one party on each
    side, of one family, the noun in the same or the next sentence after the event's last mention.
    """
    if not (m.definite and m.trigger.is_noun and len(pa) == 1 and len(pb) == 1):
        return False
    if family_group(m.type) != ev.family:
        return False
    last = max(ev.mentions, key=lambda x: x.tok)
    return last.tok < m.tok and 0 <= m.segment - last.segment <= 1


def _same_clause_same_parties(ev: MergedEvent, m: EventMention) -> bool:
    """Whether the mention stands in the clause of one of the event's mentions with the same parties: a verb
    and the noun of its setting (``A and B last met at the G20 summit in November``), where the time
    after the noun dates the verb's happening too, are one event."""
    return any(x.clause == m.clause and set(x.participants) == set(m.participants) for x in ev.mentions)


def _another_round(ev: MergedEvent, m: EventMention, pa: set[str], people: frozenset[str]) -> bool:
    """Whether a verb mention names a person more or fewer than a verb mention of the event does, in
    another sentence: each verb tells its own meeting (a one-on-one, then the three of them)."""
    if m.weak or ev.weak or m.trigger.is_noun:
        return False
    # a title sums up what the report tells in full: it names fewer, not another meeting
    verbs = [x for x in ev.mentions if not x.trigger.is_noun and x.participants and not x.weak and not x.headline]
    if m.headline:
        return False
    return bool(verbs) and all(
        x.segment != m.segment and len(x.participants) >= 2 and (set(x.participants) ^ pa) & people for x in verbs
    )


def _summit_of_attendees(ev: MergedEvent, m: EventMention, pa: set[str], pb: set[str], bodies: frozenset[str]) -> bool:
    """Whether one side is a summit with a body the other side, a meeting or talks, lacks."""
    if (m.type == "summit") == (ev.type == "summit"):
        return False
    summit, other = (pa, pb) if m.type == "summit" else (pb, pa)
    return bool((summit - other) & bodies) and not other & bodies


def _absorb(ev: MergedEvent, m: EventMention) -> None:
    ev.mentions.append(m)
    ev.body = ev.body or m.body
    if m.anaphoric and ev.participants and m.participants and len(ev.mentions) > 1:
        # the demonstrative refers back: its participants add to the event's
        if ev.weak and not m.weak:
            ev.participants, ev.weak = list(m.participants), False
        elif m.weak == ev.weak:
            ev.participants += [p for p in m.participants if p not in ev.participants]
    elif m.participants:
        if not ev.participants or (ev.weak and not m.weak and len(m.participants) >= 2):
            ev.participants, ev.weak, ev.precision = list(m.participants), m.weak, m.precision
        elif ev.weak and not m.weak:
            # one named person with a body named only as affiliation: both
            ev.participants += [p for p in m.participants if p not in ev.participants]
            ev.weak, ev.precision = False, m.precision
        elif (
            m.weak == ev.weak
            and m.precision > ev.precision
            and not set(m.participants) < set(ev.participants)
            and (len(set(ev.participants)) >= 2 or len(set(m.participants)) >= 2)
        ):
            # a more direct frame names the parties better, unless it names only some of them
            # (``ein Gespräch mit Trump`` after ``wird er von Trump empfangen``)
            ev.participants, ev.precision = list(m.participants), m.precision
        elif m.weak and not ev.weak and len(set(ev.participants)) < 2:
            # ``Platter sagte zum Abschluss des Treffens`` + ``die Minister der EU ... auf einem Treffen``
            ev.participants += [p for p in m.participants if p not in ev.participants]
        elif m.weak == ev.weak and len(set(ev.participants)) < 2:
            # ``Auslandsbesuch Gaucks`` + ``machte Gauck ... in Polen``: complete a one-sided event
            ev.participants += [p for p in m.participants if p not in ev.participants]
    # a verb's clause place is where it happened, even when the verb names no one (``In Kopenhagen sind die
    # Regierungschefs der nordischen Staaten zusammengekommen``)
    brings_place = (bool(m.participants) or m.own_place or not m.trigger.is_noun or not ev.participants) and not (
        m.place_assumed and ev.place
    )
    if m.place and (not ev.place or ev.place in m.place_chain) and brings_place:
        # the most specific place wins; a mention that names no one brings only a place of its own
        # (``die Vereinbarung``, which ``das Parlament in Kiew`` must ratify, was not signed in Kyiv)
        ev.place, ev.place_chain = m.place, m.place_chain
    # the first plan's date (``ursprünglich im Mai``) is not the event's
    first_plan = m.superseded and _held_elsewhere(ev, m)
    if ev.time is None and m.time is not None and not first_plan and _may_date(ev, m):
        ev.time = m.time
    elif (
        not first_plan
        and ev.time is not None
        and m.time is not None
        and m.participants
        and ev.time.value
        and m.time.value
        and ev.time.value[:1].isdigit()
        and len(m.time.value) > len(ev.time.value)
        and m.time.value.startswith(ev.time.value)
    ):
        # ``Ruto to visit China next month`` and ``from April 22 to 26``: the more precise date of the
        # same period wins
        ev.time = m.time
    placed = m.own_place and bool(m.place) and (m.place == ev.place or m.place in ev.place_chain)
    if family_group(m.type) == ev.family and (m.participants or len(ev.mentions) == 1 or placed):
        # a mention naming no one (``nach dem Gipfel``) does not make a meeting a summit, unless it
        # names the meeting's place (``Gipfel in Alaska endet ohne Waffenruhe``)
        ranks = {t: n for n, t in enumerate(MEETING_LIKE)}
        if m.type in ranks and ev.type in ranks and ranks[m.type] < ranks[ev.type]:
            ev.type = m.type


def _fold_visit_conversations(events: list[MergedEvent], types: dict[str, str]) -> list[MergedEvent]:
    """A visit to a person and a conversation between the same two people are one event.

    ``Küng hat den Papst besucht ... Der Papst hätte mit Küng keine Glaubensfragen besprochen``: the
    talks are what the visit consisted of. Only where the visit's host is a person (a visit to a
    country contains meetings of its own that analysts record apart), the participant sets are
    equal, and times and statuses agree.
    """
    visits = [
        ev
        for ev in events
        if ev.family == "visit"
        and len(set(ev.participants)) == 2
        and all(types.get(p) == "PER" for p in ev.participants)
    ]
    if not visits:
        return events
    out: list[MergedEvent] = []
    for ev in events:
        host = next(
            (
                v
                for v in visits
                if ev.family == "meeting"
                and set(ev.participants) == set(v.participants)
                and _time_compatible(ev.time, v.time)
                and not (ev.statuses ^ v.statuses) & {"cancelled", "denied"}
            ),
            None,
        )
        if host is None:
            out.append(ev)
            continue
        for m in ev.mentions:
            host.mentions.append(m)
        host.time = host.time or ev.time
    return out


def _fold_call_discussions(events: list[MergedEvent]) -> list[MergedEvent]:
    """What two parties discussed after their call was told is what the call was about.

    ``Otieno and Bekele spoke by phone on Friday. The two leaders discussed the dam dispute``: the
    talks of a verb of discussing (a trigger whose object is the topic) between exactly the call's
    parties, told after the call, with no place (a place says they sat together), a compatible time
    and no cancelled or denied status of their own, are the call, not a second event.
    """
    calls = [ev for ev in events if ev.family == "phone_call" and len(set(ev.participants)) >= 2]
    if not calls:
        return events
    out: list[MergedEvent] = []
    for ev in events:
        call = None
        if ev.family == "meeting" and not ev.place and all(m.trigger.object_is_topic for m in ev.mentions):
            first = min(m.tok for m in ev.mentions)
            call = next(
                (
                    c
                    for c in calls
                    if set(c.participants) == set(ev.participants)
                    and min(m.tok for m in c.mentions) < first
                    and _time_compatible(ev.time, c.time)
                    and not (ev.statuses ^ c.statuses) & {"cancelled", "denied"}
                ),
                None,
            )
        if call is None:
            out.append(ev)
            continue
        call.mentions.extend(ev.mentions)
        call.time = call.time or ev.time
    return out


def _refers_to(anaphor: str, antecedent: str) -> bool:
    """Whether a demonstrative of one family may refer back to an event of another.

    ``bei diesem Gespräch`` after ``ihr erstes Telefonat``: a conversation covers a phone call.
    """
    return anaphor == antecedent or (anaphor == "meeting" and antecedent == "phone_call")


def _may_date(ev: MergedEvent, m: EventMention) -> bool:
    """Whether a mention's time may date the event it joins.

    A mention that names no one and stands in a sentence apart from every mention that does
    (``Trump hatte den Termin am Mittwoch bei der Sitzung seines Kabinetts bestätigt``) may tell
    another happening's date; it dates the event only when it is the event's first mention.
    """
    if m.participants or len(ev.mentions) <= 1 or m.anaphoric:
        return True
    if m.definite and ev.time is None and any(0 < m.segment - x.segment <= 1 and x.participants for x in ev.mentions):
        # ``Erdoğan hat Putin empfangen. Bei dem Treffen am Freitag ging es um ...``: the definite noun
        # right after the report takes up its event
        return True
    if (m.indefinite or not m.trigger.is_noun) and any(
        0 < x.segment - m.segment <= 1 and x.participants and x.definite for x in ev.mentions
    ):
        # ``In Kairo ist am Freitag eine Konferenz zu Ende gegangen. An dem Treffen nahmen Vertreter ... teil``:
        # the event the indefinite noun (or a verb naming no one: ``sind am Donnerstag die Regierungschefs
        # der nordischen Staaten zusammengekommen``) introduces is the one the next sentence's definite noun
        # takes up
        return True
    return any(x.segment == m.segment and x.participants for x in ev.mentions if x is not m)


def merge_mentions(
    mentions: list[EventMention], types: dict[str, str] | None = None, reference: str | None = None
) -> list[MergedEvent]:
    """Mentions of one happening become one event; ``types`` (entity id -> type) lets visits to a
    person absorb the conversation they consisted of (:func:`_fold_visit_conversations`);
    ``reference`` (the reference date) keeps earlier happenings of the same parties apart."""
    events: list[MergedEvent] = []
    bodies = frozenset(e for e, kind in (types or {}).items() if kind == "ORG")
    people = frozenset(e for e, kind in (types or {}).items() if kind == "PER")
    # an event's family never changes (its type moves only among MEETING_LIKE), and a mention scores
    # only against events of its own family (a generic meeting also against visits): look those up
    by_family: dict[str, list[MergedEvent]] = {}
    anaphoric = [m for m in mentions if m.participants and m.anaphoric]
    named = [m for m in mentions if m.participants and not m.anaphoric]
    generic = [m for m in mentions if not m.participants]
    for m in sorted(named, key=lambda x: (x.weak, x.tok)):
        candidates = by_family.get(family_group(m.type), [])
        scored = [(s, ev) for ev in candidates if (s := _merge_score(ev, m, reference, bodies, people)) is not None]
        if scored:
            _absorb(max(scored, key=lambda p: p[0])[1], m)
        else:
            ev = MergedEvent(type=m.type)
            _absorb(ev, m)
            events.append(ev)
            by_family.setdefault(ev.family, []).append(ev)
    for m in generic:
        fam = family_group(m.type)
        candidates = [
            ev
            for ev in events
            if ev.family == fam
            or (fam == "meeting" and ev.family in HOSTS_OF_TALK)
            or (m.conversation and ev.family == "phone_call")
        ]
        scored = [(s, ev) for ev in candidates if (s := _merge_score(ev, m, reference)) is not None]
        if scored:
            target = max(scored, key=lambda p: p[0])[1]
            _absorb(target, m)
            if (
                len(scored) == 1
                and m.definite
                and target.time is None
                and m.time is not None
                and target.family in HOSTS_OF_TALK
                and not (m.superseded and _held_elsewhere(target, m))
            ):
                # ``Die Gespräche begannen am gestrigen Sonntag``: the definite talks that can only be those of
                # the one visit (or negotiation) the article tells date it, however far back that was told
                target.time = m.time
    for m in sorted(anaphoric, key=lambda x: x.tok):
        # ``Für Freitag ist ein Treffen geplant. An diesen Beratungen werden X und Y teilnehmen``: the
        # antecedent is the nearest earlier mention of the family, even one that named no one
        prev = [
            x
            for x in mentions
            if x.tok < m.tok
            and x is not m
            and _refers_to(family_group(m.type), family_group(x.type))
            and 0 <= m.segment - x.segment <= 2
        ]
        if prev:
            antecedent = max(prev, key=lambda x: x.tok)
            ev = next((e for e in events if any(x is antecedent for x in e.mentions)), None)
            if ev is None:
                ev = MergedEvent(type=antecedent.type)
                _absorb(ev, antecedent)
                events.append(ev)
            if _places_agree(ev, m):
                _absorb(ev, m)
                continue
        ev = MergedEvent(type=m.type)
        _absorb(ev, m)
        events.append(ev)
    if types:
        events = _fold_visit_conversations(events, types)
    return _fold_call_discussions(events)


def date_visits(events: list[MergedEvent]) -> None:
    """An undated visit takes the earliest date of the meetings its visitor held at its destination.

    ``Merz hat seinen Antrittsbesuch in den USA eröffnet`` + ``das Treffen mit Trump im Oval Office am
    Donnerstag``: the visit is dated by what it consisted of. Only meetings with the same status, whose
    place lies within the visit's (the gazetteers' containment) and which share the visitor.
    """
    for visit in events:
        if visit.family != "visit" or visit.time is not None or not visit.place:
            continue
        status = status_of(visit)
        found: list[Time] = []
        for ev in events:
            if ev is visit or ev.family == "visit" or ev.time is None or not ev.time.value[:1].isdigit():
                continue
            inside = ev.place == visit.place or visit.place in ev.place_chain
            shared = set(ev.participants) & (set(visit.participants) - {visit.place})
            if inside and shared and status_of(ev) == status:
                found.append(ev.time)
        if found:
            visit.time = min(found, key=lambda t: t.value)


def visits_to_countries(
    events: list[MergedEvent], places: PlaceRelations, types: dict[str, str], kb_ids: dict[str, str | None]
) -> list[MergedEvent]:
    """A visit is to a country; its legs are one visit, which starts at its first stop.

    ``Macron reiste nach Rom`` in an article that names Italy is Macron's visit to Italy in Rome: the
    visited party is the country containing the destination (the gazetteers' containment, only where
    the article names that country: an entity the text does not state is never added). The legs of
    one trip (``Am Dienstag reist sie nach Tianjin weiter``) join the visit to the same country by the
    same visitor when their dates lie within a few days or, undated, their statuses agree; a trip
    months apart, or a cancelled one beside one that happened, stays apart. The visit is then dated
    and placed by its first stop: the earliest of its own mentions and of the visitor's other events
    of the same status inside the country (``seines Besuchs in China`` + the talks in Beijing on
    Sunday), at the level of the city (a venue, ``im Weißen Haus``, is where a meeting was, not the
    place of the visit).
    """
    visits = [ev for ev in events if ev.family == "visit"]
    if not visits:
        return events
    unknown_in = _unknown_destinations(visits, places, types, kb_ids)
    for ev in visits:
        for n, p in enumerate(ev.participants):
            chain = places.parents.get(p, ()) or unknown_in.get(p, ())
            if types.get(p) != "LOC" or not chain:
                continue
            country = chain[-1]
            if country in ev.participants or places.parents.get(country):
                continue
            ev.participants[n] = country
            if not ev.place or ev.place == country or places.within(p, ev.place):
                ev.place, ev.place_chain = p, chain
    out: list[MergedEvent] = []
    for ev in events:
        trip = next((v for v in out if ev.family == "visit" and _same_trip(v, ev)), None)
        if trip is None:
            out.append(ev)
        else:
            trip.mentions.extend(ev.mentions)
            trip.time = trip.time or ev.time
    for ev in out:
        if ev.family == "visit":
            _begun_by_stops(ev, out, places, types)
            _first_stop(ev, out, places, types, kb_ids)
    _meetings_during_visits(out, types, kb_ids)
    return out


def _meetings_during_visits(events: list[MergedEvent], types: dict[str, str], kb_ids: dict[str, str | None]) -> None:
    """A meeting of a visitor on a day of the visit, told without a place, is in the visit's city.

    ``Xi ist am Montag zu einem Staatsbesuch in Moskau eingetroffen. Putin empfing ihn noch am Abend``:
    the reception is in Moscow. Only a visit placed in a city (not a country: where in it is unknown),
    a meeting of the same status (or still to come during a visit under way) sharing the visitor, dated
    from the visit's day to a few days after; only on its first day where the text tells the visitor
    elsewhere too (``am Freitag in London``: Saturday's meeting may be there).
    """
    for visit in events:
        if visit.family != "visit" or not visit.place or visit.time is None:
            continue
        if (kb_ids.get(visit.place) or "").startswith((COUNTRY_PREFIX, VENUE_PREFIX)) or types.get(
            visit.place
        ) != "LOC":
            continue
        start = _day(visit.time.value)
        visitors = {p for p in visit.participants if types.get(p) != "LOC"}
        if start is None or not visitors:
            continue
        status = status_of(visit)
        # where the visitor is also told at another place, a later day of the visit may be there
        elsewhere = any(
            ev.place and ev.place != visit.place and ev.family != "visit" and visitors & set(ev.participants)
            for ev in events
        )
        for ev in events:
            # a talk still to come on a later day of a visit under way is there too
            ahead = status == "happened" and status_of(ev) == "planned"
            if ev.family not in {"meeting", "negotiation"} or ev.place or ev.time is None:
                continue
            if status_of(ev) != status and not ahead:
                continue
            day = _day(ev.time.value)
            last = 0 if elsewhere else TRIP_DAYS
            if day is not None and 0 <= (day - start).days <= last and visitors & set(ev.participants):
                ev.place, ev.place_chain = visit.place, visit.place_chain


def _begun_by_stops(
    visit: MergedEvent, events: list[MergedEvent], places: PlaceRelations, types: dict[str, str]
) -> None:
    """Mark a visit told only by its legs still to come as begun where the visitor's other events show it.

    ``Steinmeier hat Ramaphosa am Mittwoch im Schloss Bellevue empfangen`` + ``Für Donnerstag ist ein
    Besuch in Hamburg geplant``: the visit's own mentions are all plans, but the reception in the visited
    country on the day before is its first day, so the trip is under way (see :func:`_under_way`). Only a
    happened event of the same visitor (not a visit) placed inside the one visited country, dated on or
    before the visit's first planned day and within a trip's length of it.
    """
    if visit.begun is not None or any(m.status == "happened" and m.status_cued for m in visit.mentions):
        return
    planned = [
        d for m in visit.mentions if m.status == "planned" and m.status_cued and m.time and (d := _day(m.time.value))
    ]
    countries = [p for p in visit.participants if types.get(p) == "LOC" and not places.parents.get(p)]
    if not planned or len(countries) != 1:
        return
    country, visitors = countries[0], set(visit.participants) - set(countries)
    first = min(planned)
    for other in events:
        if other.family == "visit" or other.time is None or not visitors & set(other.participants):
            continue
        day = _day(other.time.value)
        inside = other.place == country or country in other.place_chain
        if day is None or not inside or status_of(other) != "happened":
            continue
        if 0 <= (first - day).days <= TRIP_DAYS and (visit.begun is None or other.time.value < visit.begun.value):
            visit.begun = other.time


def _unknown_destinations(
    visits: list[MergedEvent], places: PlaceRelations, types: dict[str, str], kb_ids: dict[str, str | None]
) -> dict[str, tuple[str, ...]]:
    """Destinations the gazetteer does not know, placed in the one country the same visitor visits in
    the article: ``Guttenberg besucht Truppen in Afghanistan`` + ``stattete den Truppen in Kunduz einen
    Besuch ab`` (Kunduz unknown): Kunduz lies in Afghanistan, as the report takes for granted."""

    def is_country(p: str) -> bool:
        return types.get(p) == "LOC" and (kb_ids.get(p) or "").startswith(COUNTRY_PREFIX)

    out: dict[str, tuple[str, ...]] = {}
    for ev in visits:
        for p in ev.participants:
            if types.get(p) != "LOC" or kb_ids.get(p) or places.parents.get(p):
                continue
            visitors = set(ev.participants) - {p}
            shared = [other for other in visits if visitors <= set(other.participants)]
            countries = {c for other in shared for c in other.participants if is_country(c)}
            if len(countries) == 1:
                out[p] = (countries.pop(),)
    return out


def _first_stop(
    visit: MergedEvent,
    events: list[MergedEvent],
    places: PlaceRelations,
    types: dict[str, str],
    kb_ids: dict[str, str | None],
) -> None:
    """Date and place a visit to a country by its earliest stop (see :func:`visits_to_countries`)."""
    countries = [p for p in visit.participants if types.get(p) == "LOC" and not places.parents.get(p)]
    if len(countries) != 1:
        return
    country, visitors = countries[0], set(visit.participants) - {countries[0]}
    status = status_of(visit)
    # a visit no mention cues (``Modi reist nach Japan``, a headline in the present) is as its stops are:
    # the preview's meeting on Friday in Tokyo makes it a planned visit starting then
    uncued = not any(m.status_cued for m in visit.mentions)

    def city(place: str | None) -> str | None:
        chain = (place, *places.parents.get(place or "", ()))
        if not place or country not in chain[1:]:
            return None
        found = chain[chain.index(country) - 1]
        return None if (kb_ids.get(found) or "").startswith(VENUE_PREFIX) else found

    if visit.place and (kb_ids.get(visit.place) or "").startswith(VENUE_PREFIX):
        # ``Nach dem Besuch im Weissen Haus``, in an article that names Washington: the city is the visit's place
        inner = city(visit.place)
        if inner is not None:
            visit.place, visit.place_chain = inner, places.parents.get(inner, ())
    stops: list[tuple[Time | None, str]] = [(m.time, c) for m in visit.mentions if (c := city(m.place))]
    for other in events:
        c = city(other.place)
        if other.family == "visit" or c is None or not visitors & set(other.participants):
            continue
        if status_of(other) != status and not (uncued and status_of(other) in {"planned", "happened"}):
            continue
        if other.time is not None and visit.time is not None:
            a, b = _day(other.time.value), _day(visit.time.value)
            if a is None or b is None or abs((a - b).days) > TRIP_DAYS:
                continue
        stops.append((other.time, c))
    dated = sorted(((t, c) for t, c in stops if t is not None and _day(t.value)), key=lambda s: s[0].value)  # type: ignore[union-attr]
    if uncued:
        found = {
            status_of(o) for o in events if o.family != "visit" and city(o.place) and visitors & set(o.participants)
        }
        if found == {"planned"}:
            for m in visit.mentions:
                m.status = "planned"
    if visit.begun is not None and (not dated or visit.begun.value < dated[0][0].value):  # type: ignore[union-attr]
        # begun at a stop whose town the text does not tell (``im Kanzleramt`` without Berlin): the day,
        # in the country
        visit.time, visit.place, visit.place_chain = visit.begun, country, ()
        return
    if dated:
        first, c = dated[0]
        if visit.time is None or first.value < visit.time.value:
            visit.time = first
        visit.place, visit.place_chain = c, places.parents.get(c, ())
    elif len({c for _, c in stops}) == 1 and (not visit.place or visit.place == country):
        c = stops[0][1]
        visit.place, visit.place_chain = c, places.parents.get(c, ())


#: the knowledge-base prefix of venues (palaces, bases, buildings), which are no visit's place
VENUE_PREFIX = "venue:"
#: the knowledge-base prefix of countries
COUNTRY_PREFIX = "iso3166:"

#: days apart that two legs of one trip may lie
TRIP_DAYS = 4


def _same_trip(a: MergedEvent, b: MergedEvent) -> bool:
    """Whether two visits of one article are legs of one trip: same visitors and visited party, and
    dates a few days apart (or both undated with one status); never a cancelled or denied one beside
    one that was not."""
    if a.family != "visit" or set(a.participants) != set(b.participants) or len(set(a.participants)) < 2:
        return False
    sa, sb = status_of(a), status_of(b)
    if (sa in {"cancelled", "denied"}) != (sb in {"cancelled", "denied"}):
        return False
    if a.time is None or b.time is None:
        return a.time is None and b.time is None and sa == sb
    da, db = _day(a.time.value), _day(b.time.value)
    return da is not None and db is not None and abs((da - db).days) <= TRIP_DAYS


def _day(value: str | None) -> dt.date | None:
    """The day a time value names (``2024-10-08TEV`` → 8 October), or None for coarser values."""
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def inherit_setting(index: DocIndex, events: list[MergedEvent]) -> None:
    """An event told as taking place at another takes that one's place and time where it has none.

    ``Bei dem Treffen mit Trump soll ein Rahmenabkommen unterzeichnet werden``: the agreement is signed
    where and when the meeting is (told in the sentence before: Friday, the White House). The setting
    is an event noun of the same clause after a setting preposition (``[participants] setting``:
    ``bei``, ``während``, ``auf``; English ``at``, ``during``) that belongs to another event. A setting
    without a date takes the date of what happened at it (``vereinbarten am Montag bei einem Treffen``).
    """
    doc = index.doc
    setting = index.lex.words("participants", "setting")
    starts = index.lex.words("context", "start_words")
    edges = index.lex.words("participants", "setting_edges")
    owner = {m.tok: ev for ev in events for m in ev.mentions}
    for ev in events:
        for m in ev.mentions:
            host = None
            place_only = False
            for t in index.triggers_in_clause(m.clause):
                other = owner.get(t)
                if other is None or other is ev or t == m.tok or doc[t].pos_ not in {"NOUN", "PROPN"}:
                    continue
                # a visit lasts days: what happens during it has its own time, except at its start (``Zu
                # Beginn ihres Besuchs traf sie Kuleba``); but it happens where the visit is (``Bei seinem
                # Antrittsbesuch in Warschau traf Merz Tusk``)
                during_visit = other.family == "visit" and not any(
                    doc[j].text.lower() in starts for j in range(max(0, t - 3), t)
                )
                if during_visit and any(doc[j].text.lower() in edges for j in range(max(0, t - 3), t)):
                    continue  # ``Zum Ende seines Besuchs``: the last day, which the visit's own days do not give

                if any(doc[j].text.lower() in setting for j in range(max(0, t - 3), t)) and not (
                    ev.family == other.family and set(ev.participants) == set(other.participants)
                ):
                    host, place_only = other, during_visit
                    break
            if host is None:
                continue
            if place_only:
                if not ev.place and host.place and ev.family not in {"phone_call", "visit"}:
                    ev.place, ev.place_chain = host.place, host.place_chain
                break
            if status_of(host) == status_of(ev):
                # ``vereinbarten am Montag bei einem Treffen in Warschau``: the other way round too
                if ev.time is None and host.time is not None:
                    ev.time = host.time
                elif host.time is None and ev.time is not None:
                    host.time = ev.time
            if not ev.place and host.place and ev.family != "phone_call":
                ev.place, ev.place_chain = host.place, host.place_chain
            break


def continue_scene(index: DocIndex, events: list[MergedEvent]) -> None:
    """An undated event told right after a dated one of the same people happened on that day.

    ``Selenskyj ist am Donnerstag zum EU-Gipfel nach Brüssel gekommen. Er traf dort von der Leyen und
    Michel``: the report goes on with the same scene; so does a preview (``Macron kommt am Freitag nach
    Berlin. Er trifft Scholz im Kanzleramt``). Only events of the same status (happened or planned), in
    the sentence right after, sharing a party, with a time to the day, in a clause tied to the one
    before (``dort``, a pronoun for its person, ``[context] scene_links``: ``anschließend``); a word that
    moves the story in time (``[context] scene_breaks``: ``zuvor``, ``bereits``, a pluperfect ``hatte``)
    keeps the event undated.
    """
    doc = index.doc
    breaks = index.lex.words("context", "scene_breaks")
    # what ties the sentence to the one before: ``dort``, or a pronoun for the person it was about
    links = (
        index.lex.words("participants", "there")
        | index.lex.words("participants", "pronouns_person")
        | index.lex.words("participants", "pronouns_female")
        | index.lex.words("context", "scene_links")
    )
    if not breaks:
        return
    by_segment: dict[int, list[MergedEvent]] = {}
    for ev in events:
        for m in ev.mentions:
            by_segment.setdefault(m.segment, []).append(ev)
    for ev in events:
        status = status_of(ev)
        if ev.time is not None or ev.family == "visit" or status not in {"happened", "planned"} or not ev.participants:
            continue
        # a headline (``Nehammer trifft Erdogan in Ankara``) announces the scene the body tells
        told = [m for m in ev.mentions if not m.headline] or ev.mentions
        first = min(told, key=lambda m: m.tok)
        words = {doc[j].text.lower() for j in index.clauses[first.clause].tokens}
        if words & breaks or not words & links:
            continue
        # an uncued present (``Er trifft Scholz im Kanzleramt``) tells what the scene it continues tells
        uncued = not any(m.status_cued for m in ev.mentions)
        before = [
            other
            for other in by_segment.get(first.segment - 1, [])
            if other is not ev
            and other.time is not None
            and _day(other.time.value) is not None
            and (status_of(other) == status or (uncued and status_of(other) == "planned"))
            and set(other.participants) & set(ev.participants)
        ]
        days = {other.time.value[:10] for other in before if other.time}
        if len(days) == 1:
            ev.time = before[0].time
            if status_of(before[0]) != status:
                for m in ev.mentions:
                    m.status = status_of(before[0])


def add_delegates(index: DocIndex, merged: list[MergedEvent]) -> None:
    """``Auch China wird einen Vertreter entsenden``: a clause without a trigger that sends someone.

    A main clause with a verb of sending or taking part (``delegate_verbs``) and no trigger of its
    own adds its actors (or the countries of its officials) to the meeting-like event mentioned last
    in the two sentences before it.
    """
    doc, lex = index.doc, index.lex
    verbs = lex.words("participants", "delegate_verbs")
    triggered = {index.clause_of[t] for t in index.triggers}
    for clause in index.clauses:
        if clause.depth != 0 or clause.id in triggered or index.in_quote[clause.start]:
            continue
        if not any(doc[j].text.lower() in verbs for j in clause.tokens):
            continue
        # ``China wird seinen Vize-Außenminister entsenden``: the sender (actor, or whose official goes)
        actors = [m for m in index.clause_mentions(clause.id) if m.role in {"actor", "affiliation"}]
        if not actors:
            continue
        best: tuple[int, MergedEvent] | None = None
        for ev in merged:
            if ev.family != "meeting":
                continue
            for m in ev.mentions:
                gap = clause.segment - index.segment_of(m.tok)
                if 0 < gap <= 2 and (best is None or m.tok > best[0]):
                    best = (m.tok, ev)
        if best is not None:
            ev = best[1]
            ev.participants += [a.id for a in actors if a.id not in ev.participants]


def keep(ev: MergedEvent, types: dict[str, str], kb_ids: dict[str, str | None] | None = None) -> bool:
    """An event needs two parties, or one organisation meeting as a body (an EU council).

    Towns alone are no parties (``die Städte Askalon und Beerscheba wurden getroffen``: hit, not met):
    outside visits, an event whose parties are all cities or venues is dropped; states, bodies and
    people act.
    """
    if kb_ids is not None and ev.family != "visit" and ev.participants:
        towns = [p for p in set(ev.participants) if (kb_ids.get(p) or "").startswith(("geonames:", "venue:"))]
        if len(towns) == len(set(ev.participants)):
            return False
    if len(set(ev.participants)) >= 2:
        return True
    # only a body's meeting named through its members (``die Außenminister der EU``, weak)
    single = ev.participants[0] if len(ev.participants) == 1 else None
    return single is not None and ev.body and ev.family in {"meeting", "summit"} and types.get(single) == "ORG"


def status_of(ev: MergedEvent) -> str:
    """The event's status from its mentions' votes; a mention without a cue votes only when none has one.

    An uncued mention (``Merz reist zum Antrittsbesuch``, a headline in the present) says nothing
    about whether the event happened; one cued mention (``fliegt am Mittwochabend``: a time after the
    reference date) outweighs any number of them.
    """
    votes: Counter[str] = Counter()
    # ``ursprünglich ... verschoben``: the first plan of the event another sentence tells as held says nothing
    mentions = [m for m in ev.mentions if not (m.superseded and _held_elsewhere(ev, m))]
    cued = any(m.status_cued for m in mentions)
    for m in mentions:
        if cued and not m.status_cued:
            continue
        votes[m.status] += 2 if m.status_cued else 1
    for hard in ("cancelled", "denied"):
        if votes[hard]:
            return hard
    if not votes:
        return "unknown"
    if ev.family == "visit" and (votes["happened"] or ev.begun) and votes["planned"] and _under_way(ev):
        return "happened"
    best = max(votes.values())
    for status in ("happened", "planned", "possible"):
        if votes[status] == best:
            return status
    return "unknown"


def _held_elsewhere(ev: MergedEvent, m: EventMention) -> bool:
    """Whether a mention of another sentence tells the event as held (``hat bei einem Besuch in Spanien ...
    unterzeichnet``: a setting noun takes no cue of its own, and still tells a visit held)."""
    return any(x.status == "happened" and not x.superseded and x.segment != m.segment for x in ev.mentions)


def _under_way(visit: MergedEvent) -> bool:
    """Whether a visit began on a day its mentions tell as past and goes on to legs still to come.

    ``Zum Auftakt seines Staatsbesuchs wurde X am Montag empfangen`` + ``Am Dienstag reist er nach Hamburg
    weiter``: one trip under way, which has happened (begun); its later legs do not make it a plan. Only
    where the first past day comes before every planned day, within a trip's length.
    """

    def days(status: str) -> list[dt.date]:
        return [
            d
            for m in visit.mentions
            if m.status == status and m.status_cued and m.time is not None and (d := _day(m.time.value)) is not None
        ]

    begun = _day(visit.begun.value) if visit.begun else None
    past, ahead = days("happened") + ([begun] if begun else []), days("planned")
    return bool(past and ahead) and min(past) <= min(ahead) and (max(ahead) - min(past)).days <= TRIP_DAYS
