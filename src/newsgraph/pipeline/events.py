"""``newsgraph_events``: interaction events — who met whom, where, when, and whether it happened.

The layer works in three steps:

1. **Mentions.** Every trigger word (``events.toml``: verbs such as ``trafen sich``, nouns by their
   compound head such as ``Gipfeltreffen``) becomes an event *mention* with participants found by
   its frame (``events_args``), a place, the governing time expression from ``doc._.times`` and a
   status (``events_status``).
2. **Merging.** A news article describes one meeting in several places; mentions of the same type
   family whose participants, place, time and status agree become one event carrying all their
   evidence. Mentions that name nobody (``die Gespräche``, ``das Treffen``) join the event they refer
   back to, or are dropped — an event with no resolvable participant helps no one.
3. **Quotes.** A quote whose sentence (or content) contains an event's evidence is linked to it.

Each event carries its PLOVER type and nearest CAMEO code (from the data file) so users can join the
output with event-data sets. Everything language-specific is in ``resources/<lang>/events*.toml``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from ..record import Event, EventTime, Evidence, Quote, Time
from .entities import place_country
from .events_args import (
    Clause,
    DocIndex,
    MentionRef,
    antecedent_actors,
    between_args,
    build_index,
    char_span,
    clause_actors,
    clause_affiliations,
    compound_args,
    genitive_args,
    group_members,
    partner_args,
    place_of,
    pronoun_subject,
    time_for,
    venue_clause,
)
from .events_lexicon import Lexicon, Trigger, lexicon_for
from .events_status import decide_status, hedged

#: types that describe the same kind of happening and may be merged; the first is the most specific
MEETING_LIKE = ("summit", "meeting", "talks")
NOT_YET = frozenset({"planned", "possible"})


@dataclass
class EventMention:
    """One trigger with its arguments, before merging."""

    type: str
    trigger: Trigger
    tok: int
    clause: int
    participants: list[str]
    weak: bool  # participants only from an affiliation or group fallback
    place: str | None
    time: Time | None
    status: str
    status_cued: bool
    evidence: tuple[int, int]
    quote: bool  # the trigger stands inside quotation marks
    precision: int = 2  # how directly the frame names the participants (3: zwischen/mit ... 0: fallback)
    body: bool = False  # participants only as the body whose office holders meet (``die Außenminister der EU``)
    indefinite: bool = False  # ``ein Treffen``: introduces an event rather than referring back
    hedged: bool = False  # reported as unconfirmed (``nach unbestätigten Berichten``)
    fresh: bool = False  # ``ein weiteres Treffen``: another event, never the one told before
    anaphoric: bool = False  # ``an diesen Gesprächen``: the event told just before, whoever it names
    segment: int = 0  # the sentence it stands in
    sideline: bool = False  # ``am Rande des Gipfels``: the setting of another event, not that event


@dataclass
class MergedEvent:
    """An event built from one or more mentions."""

    mentions: list[EventMention] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    weak: bool = True
    precision: int = 0
    body: bool = False
    place: str | None = None
    time: Time | None = None
    type: str = "meeting"

    @property
    def family(self) -> str:
        return family_group(self.type)

    @property
    def statuses(self) -> set[str]:
        """The statuses its mentions state (uncued defaults do not count)."""
        return {m.status for m in self.mentions if m.status_cued}


def family_group(event_type: str) -> str:
    """Meetings, summits and talks describe the same kind of happening (they merge)."""
    if event_type in MEETING_LIKE:
        return "meeting"
    if event_type == "video_call":
        return "phone_call"
    return event_type


# --- step 1: mentions ---------------------------------------------------------------------------------


def _clause_has(index: DocIndex, clause_id: int, words: frozenset[str], after: int | None = None) -> bool:
    doc = index.doc
    return any(doc[i].text.lower() in words and (after is None or i > after) for i in index.clauses[clause_id].tokens)


def _particle_closes(index: DocIndex, clause_id: int, particle: str, after: int) -> bool:
    """Whether a separable particle (``zusammen``, ``ein``, ``an``) closes the verb's clause.

    ``traf am Abend in Peking ein.``: the particle stands last, or before a comma or a coordinator;
    an article ``ein`` or a preposition ``an`` inside the clause is no particle.
    """
    doc = index.doc
    closers = index.lex.words("participants", "coordinators")
    toks = index.clauses[clause_id].tokens
    for pos, j in enumerate(toks):
        if j <= after or doc[j].text.lower() != particle:
            continue
        rest = [k for k in toks[pos + 1 :] if not doc[k].is_space]
        if not rest or j + 1 >= len(doc) or doc[j + 1].is_punct or doc[j + 1].text.lower() in closers:
            return True
    return False


def _find_triggers(index: DocIndex) -> list[tuple[int, Trigger]]:
    doc, lex = index.doc, index.lex
    found: list[tuple[int, Trigger]] = []
    for tok in doc:
        if tok.is_space or tok.is_punct or index.clause_of[tok.i] < 0:
            continue
        clause_id = index.clause_of[tok.i]
        noun = lex.noun_trigger(tok)
        if noun is not None:
            found.append((tok.i, noun))
            continue
        for trig in lex.verb_triggers(tok):
            if trig.particle and not _particle_closes(index, clause_id, trig.particle, tok.i):
                continue
            if trig.needs_reflexive and not _clause_has(index, clause_id, lex.reflexives):
                continue
            if trig.needs_words and not _clause_has(index, clause_id, trig.needs_words):
                continue  # ``sprach mit Macron`` / ``miteinander gesprochen``, not ``sprach von``
            if any(_particle_closes(index, clause_id, p, tok.i) for p in trig.blocking_particles):
                continue  # ``sprach sich für eine Lösung mit Israel aus``: another verb (aussprechen)
            if (
                not trig.particle
                and trig.type in lex.light_verb_types
                and _clause_has(index, clause_id, lex.light_verb_objects)
                and not _clause_has(index, clause_id, lex.reflexives)
            ):
                continue  # ``eine Entscheidung treffen``
            found.append((tok.i, trig))
            break
    return found


def _local_window(index: DocIndex, i: int, width: int = 3) -> list[int]:
    """The words right before a noun trigger (its modifiers and the noun governing it)."""
    out = []
    j = i - 1
    while j >= 0 and i - j <= width and index.clause_of[j] == index.clause_of[i]:
        if index.doc[j].is_punct and index.doc[j].text not in {'"', "„", "“", "”"}:
            break
        out.append(j)
        j -= 1
    return out


def _unique(refs: list[MentionRef]) -> list[str]:
    seen: list[str] = []
    for r in refs:
        if r.id not in seen:
            seen.append(r.id)
    return seen


def _participants(
    index: DocIndex, i: int, trig: Trigger
) -> tuple[list[MentionRef], bool, MentionRef | None, int, bool]:
    """(participants, weak, place, precision, body) of the trigger at token ``i`` according to its frame."""
    parts, weak, place, precision = _frame_participants(index, i, trig)
    if trig.type == "visit" and parts and not any(m.type in {"PER", "ORG"} for m in parts):
        return [], False, place, 0, False  # a visit needs a visitor (``Besuch des Raumfahrtbahnhofs`` is none)
    body = weak and bool(parts) and all(m.via_office for m in parts)
    doc = index.doc
    if (
        trig.type == "summit"
        and len(parts) == 1
        and parts[0].type == "ORG"
        and not parts[0].inside_token
        and i + 1 < len(doc)
        and doc[i + 1].text.lower() in index.lex.words("participants", "genitive")
    ):
        body = True  # ``der Gipfel der G20``: the body's summit, its members unnamed
    return parts, weak, place, precision, body


def _frame_participants(
    index: DocIndex, i: int, trig: Trigger
) -> tuple[list[MentionRef], bool, MentionRef | None, int]:
    clause = index.clauses[index.clause_of[i]]
    lex = index.lex
    doc = index.doc
    in_quote = index.in_quote[i]
    actors = clause_actors(index, clause.id, exclude_quote=True, trig=i)
    place = place_of(index, clause.id, i)
    weak = False
    if not trig.is_noun:
        owned = _owned_by_nouns(index, clause.id, i)
        parts = [m for m in actors if m.id not in owned]
        if i + 1 < len(doc) and doc[i + 1].text.lower() in lex.words("participants", "coordinators") - {","}:
            # ``haben sich geeinigt und damit Neuwahlen abgewendet``: a second verb phrase follows
            parts = [m for m in parts if m.tstart < i]
        rel = lex.words("clauses", "relative_pronouns")
        if clause.opener in rel:
            parts = antecedent_actors(index, clause) + parts
        pron = pronoun_subject(index, clause)
        if pron is not None and not in_quote:
            parts = [pron, *parts]
        if len(_unique(parts)) < 2:
            members, named = group_members(index, clause.start, clause.end, clause.start)
            if members and named:
                parts = parts + members
            elif len(_unique(parts)) == 0:
                aff = clause_affiliations(index, clause.id)
                if aff:
                    parts, weak = aff, True
                elif members:
                    parts, weak = members, True
        if trig.frame == "visit":
            dest = place_of(index, clause.id, i, destinations=True)
            if trig.needs_destination and dest is None:
                return [], False, None, 0
            hosts = [m for m in parts if m.tstart > i]
            if hosts and not any(m.tstart < i for m in parts) and pron is None and clause.opener not in rel:
                hosts = hosts[1:]  # ``reiste Selenskyj nach Paris``: the first name after the verb is its subject
            if place is None and len(hosts) == 1 and hosts[0].type == "LOC":
                place = hosts[0]  # ``besuchte Kenia``: the visited country is where the visit is
            if dest is not None and not hosts:
                parts = [*parts, dest]
                place = dest
            elif not hosts and not trig.needs_destination:
                return [], False, None, 0  # a visit needs someone or somewhere visited
        return parts, weak, place, (0 if weak else 2)
    # nouns
    if trig.needs_destination:
        # ``einer Einladung nach Osttimor folgen``: only with a destination; the clause's actors travel
        dest = place_of(index, clause.id, i, destinations=True)
        if dest is None:
            return [], False, None, 0
        parts = [m for m in genitive_args(index, i) if m.id != dest.id] or list(actors)  # ``die Reise von X``
        pron = pronoun_subject(index, clause)
        if pron is not None and not in_quote:
            parts = [pron, *parts]
        return ([*parts, dest] if parts else []), False, dest, 1
    parts = between_args(index, i)
    precision = 3
    if not parts:
        # ``zwischen beiden Ländern``: a group after ``zwischen``
        between = lex.words("participants", "between")
        for j in range(i + 1, min(i + 6, len(doc))):
            if index.clause_of[j] != clause.id:
                break
            if doc[j].text.lower() in between:
                members, named = group_members(index, j + 1, min(j + 6, clause.end), i)
                if members:
                    return members, not named, place, (2 if named else 0)
                break
    if not parts:
        partner = partner_args(index, i)
        if partner:
            subject = [m for m in actors if m.tstart < i and m.id not in {p.id for p in partner}]
            pron = pronoun_subject(index, clause)
            if pron is not None and not subject:
                subject = [pron]
            if not subject:
                subject = [m for m in clause_affiliations(index, clause.id) if m.tstart < i]
            if not subject:
                # ``ein Treffen Putins mit Selenskyj``: the genitive after the noun
                subject = [m for m in genitive_args(index, i) if m.id not in {p.id for p in partner}]
            if not subject and clause.opener in lex.words("clauses", "complement_openers"):
                # ``Erdoğan sagte, ein Treffen mit Putin sei möglich``: the speaker is the one who meets
                subject = _speaker(index, clause, {p.id for p in partner})
            fronted = lex.words("participants", "setting") | lex.words("participants", "fronted")
            if not subject and any(doc[j].text.lower() in fronted for j in range(max(0, i - 3), i)):
                # ``Bei einem Telefonat mit Putin forderte Scholz ...``: the PP stands first, the
                # subject after it
                last = max(m.tend for m in partner)
                subject = [m for m in actors if m.tstart >= last and m.id not in {p.id for p in partner}][:1]
            parts = subject + partner
    if not parts:
        precision = 2
        parts = genitive_args(index, i)
        if parts and all(m.role == "affiliation" for m in parts):
            weak = True
    if not parts and i + 1 < clause.end and doc[i + 1].text.lower() in lex.words("participants", "genitive"):
        # ``Treffen der beiden Minister``: a group NP in the genitive, resolved to the two people meant
        members, named = group_members(index, i + 1, min(i + 6, clause.end), i)
        if members and named:
            parts = members
    if not parts:
        parts = compound_args(index, i)
        if parts and all(m.inside_token and m.type != "PER" and len(parts) == 1 for m in parts):
            weak = True
    setting = lex.words("participants", "setting")
    participation = lex.words("participants", "participation")
    possessive = lex.words("participants", "possessives")
    if not parts and (
        _clause_has(index, clause.id, lex.support_verbs)
        or _clause_has(index, clause.id, participation)
        or any(doc[j].text.lower() in setting for j in range(max(0, i - 3), i))
        or any(doc[j].text.lower() in possessive for j in range(max(0, i - 2), i))  # ``sagte seinen Besuch ab``
        or (
            any(doc[j].text.lower() in lex.purpose_prepositions for j in range(max(0, i - 3), i))
            and _clause_has(index, clause.id, lex.purpose_verbs)
        )
    ):
        precision = 1
        parts = list(actors)
        pron = pronoun_subject(index, clause)
        if pron is not None and not in_quote:
            parts = [pron, *parts]
        if not parts:
            parts = clause_affiliations(index, clause.id)
            weak = bool(parts)
    if trig.type == "visit" or family_group(trig.type) == "visit":
        dest = place_of(index, clause.id, i, destinations=True)
        if dest is not None:
            place = dest
            actors = {m.id for m in parts if m.type in {"PER", "ORG"}}
            if parts and len(actors) < 2 and dest.id not in {m.id for m in parts}:
                parts = [*parts, dest]  # visit = visitor + the visited place, when no one else is visited
    return parts, weak, place, (0 if weak else precision)


def _speaker(index: DocIndex, clause: Clause, exclude: set[str]) -> list[MentionRef]:
    """The person or organisation that is the subject of the clause a complement clause depends on.

    None when the speaker speaks for a state (``erklärte die Bereitschaft ihres Landes, in Gespräche
    mit X einzutreten``): the party is then that state, which the text does not name here.
    """
    governing = _governing_clause(index, clause.id)
    doc, lex = index.doc, index.lex
    behalf = lex.words("participants", "on_behalf_nouns")
    possessive = lex.words("participants", "possessives")
    if any(doc[j].text.lower() in behalf and j > 0 and doc[j - 1].text.lower() in possessive for j in governing):
        return []
    tokens = set(governing)
    for m in index.mentions:
        if m.tstart in tokens and m.role == "actor" and m.type in {"PER", "ORG"} and m.id not in exclude:
            if index.media is not None and m.id in index.media:
                continue
            return [m]
    return []


def _owned_by_nouns(index: DocIndex, clause_id: int, verb: int) -> set[str]:
    """Entities named in a noun trigger's ``mit``/``zwischen`` phrase in the clause of a verb trigger.

    ``Nach dem Treffen mit Scholz reiste Selenskyj weiter nach Paris``: Scholz met Selenskyj, he
    does not travel to Paris.
    """
    owned: set[str] = set()
    for t in index.triggers:
        if t == verb or index.clause_of[t] != clause_id or index.lex.noun_trigger(index.doc[t]) is None:
            continue
        owned.update(m.id for m in partner_args(index, t) + between_args(index, t))
    return owned


def _visit_host_country(
    doc: Doc, lang: str, participants: list[str], place: str | None
) -> tuple[list[str], str | None]:
    """(participants, place) of a visit with a visited city replaced by its country, where the text names it.

    Analysts' convention: a visit is visitor + the visited country or person; the city is the place
    (``reiste nach Warschau`` in an article about Poland: host Poland, place Warschau). The city's
    country comes from the gazetteer (``place_country``); when the text names no such country the
    city stays the host — better the place the text names than a country it never mentions.
    """
    entities = {e.id: e for e in (doc._.entities or [])}
    countries = {
        e.kb_id: e.id for e in entities.values() if e.type == "LOC" and e.kb_id and e.kb_id.startswith("iso3166:")
    }
    out: list[str] = []
    for pid in participants:
        ent = entities.get(pid)
        code = place_country(lang, ent.kb_id) if ent is not None and ent.type == "LOC" else None
        country = countries.get(f"iso3166:{code}") if code else None
        if country is None:
            out.append(pid)
            continue
        out.append(country)
        place = place or pid
    return list(dict.fromkeys(out)), place


def _evidence(index: DocIndex, i: int) -> tuple[int, int]:
    """The contiguous part of the trigger's clause around it, as character offsets."""
    doc = index.doc
    clause = index.clauses[index.clause_of[i]]
    toks = clause.tokens
    pos = toks.index(i)
    lo = pos
    while lo > 0 and toks[lo - 1] == toks[lo] - 1 and pos - lo < 25:
        lo -= 1
    hi = pos
    while hi + 1 < len(toks) and toks[hi + 1] == toks[hi] + 1 and hi - pos < 25:
        hi += 1
    start_tok, end_tok = toks[lo], toks[hi]
    while start_tok < i and (doc[start_tok].is_punct or doc[start_tok].is_space):
        start_tok += 1
    while end_tok > i and (doc[end_tok].is_punct or doc[end_tok].is_space):
        end_tok -= 1
    return doc[start_tok].idx, doc[end_tok].idx + len(doc[end_tok].text)


def _mentions(doc: Doc, index: DocIndex, lex: Lexicon, reference: str | None) -> list[EventMention]:
    triggers = _find_triggers(index)
    index.triggers = [i for i, _ in triggers]
    noun_windows = {i: set(_local_window(index, i)) for i, t in triggers if t.is_noun}
    times: list[Time] = list(doc._.times or [])
    out: list[EventMention] = []
    negated_becomes: dict[str, str] = lex.frames.get("participants", {}).get("negated_becomes", {})
    negations = frozenset(lex.status.get("denied", {}).get("negations", []))
    indefinite = lex.words("participants", "indefinite")
    fresh_words = lex.words("participants", "new_event")
    demonstratives = lex.words("participants", "demonstratives")
    sidelines = lex.words("participants", "sideline")
    media = _media(index)
    for i, trig in triggers:
        parts, weak, place, precision, body = _participants(index, i, trig)
        clause_id = index.clause_of[i]
        event_type = trig.type
        if event_type in negated_becomes and _clause_has(index, clause_id, negations):
            event_type = negated_becomes[event_type]  # ``konnten sich nicht einigen``: failed talks
        venue = venue_clause(index, i) if trig.is_noun else None
        if place is None and venue is not None:
            place = place_of(index, venue, index.clauses[venue].start)
        local = sorted(noun_windows.get(i, set()))
        others = set().union(*(w for j, w in noun_windows.items() if j != i)) if noun_windows else set()
        clause_toks = [t for t in index.clauses[clause_id].tokens if t not in others and t != i]
        time = time_for(index, clause_id, i, times)
        if time is not None and not parts and abs(_tok_of(doc, time.start) - i) > 5:
            time = None  # a mention that names no one only dates its event with a time right beside it
        if venue is not None and (time is None or index.clause_of[_tok_of(doc, time.start)] != clause_id):
            time = time_for(index, venue, index.clauses[venue].start, times) or time
            clause_toks += index.clauses[venue].tokens
        governing = _governing_clause(index, clause_id)
        status, reason = decide_status(
            lex,
            doc,
            local,
            clause_toks,
            doc[i].text,
            time.value if time else None,
            reference,
            not trig.is_noun,
            governing,
        )
        if event_type != trig.type and status == "denied":
            status, reason = "happened", "negated agreement = failed negotiation"
        if _is_past(time, reference) and status in NOT_YET:
            time = None  # a planned event never keeps a past date
        parts = [m for m in parts if m.id not in media]
        participants = [p for p in _unique(parts) if not (place and p == place.id and trig.type != "visit")]
        participants = _implicit_parties(index, i, event_type, participants)
        place_id = place.id if place else None
        if family_group(event_type) == "visit":
            participants, place_id = _visit_host_country(doc, lex.lang, participants, place_id)
        out.append(
            EventMention(
                type=event_type,
                trigger=trig,
                tok=i,
                clause=clause_id,
                participants=participants,
                weak=weak,
                place=place_id,
                time=time,
                status=status,
                status_cued=not reason.startswith("default"),
                evidence=_evidence(index, i),
                quote=index.in_quote[i],
                precision=precision,
                body=body,
                indefinite=any(doc[j].text.lower() in indefinite for j in local[-2:]),
                fresh=any(doc[j].text.lower() in fresh_words for j in local),
                anaphoric=trig.is_noun and any(doc[j].text.lower() in demonstratives for j in local[-2:]),
                sideline=trig.is_noun and any(doc[j].text.lower() in sidelines for j in local),
                hedged=hedged(lex, [doc[j].text for j in index.clauses[clause_id].tokens]),
                segment=index.segment_of(i),
            )
        )
    return out


def _media(index: DocIndex) -> frozenset[str]:
    """The entities that are news media (``[media]`` of the frames data); computed once per document.

    An interview is no diplomatic interaction: ``sagte im Gespräch mit der Süddeutschen Zeitung``.
    """
    if index.media is not None:
        return index.media
    doc, lex = index.doc, index.lex
    nouns = lex.words("media", "nouns")
    names = {n.casefold() for n in lex.frames.get("media", {}).get("names", [])}
    text = doc.text
    found: set[str] = set()
    for m in index.mentions:
        if m.type == "LOC":
            continue
        name = m.entity.name.casefold()
        lasts = {w.replace("-", " ").split()[-1] for w in (name, text[m.start : m.end].casefold()) if w.strip()}
        before = [doc[j].text.lower().strip('„“"') for j in range(max(0, m.tstart - 2), m.tstart)]
        if name in names or lasts & nouns or any(w in nouns for w in before):
            found.add(m.id)
    index.media = frozenset(found)
    return index.media


def _implicit_parties(index: DocIndex, i: int, event_type: str, participants: list[str]) -> list[str]:
    """Add a party the words imply but do not name (``Beitrittsverhandlungen mit X``: the EU).

    Each ``[[implicit_parties]]`` entry of ``events.toml`` gives the event types, cue prefixes (on
    the trigger word or a word of its clause) and the names of the bodies concerned. The body is
    the one named in the clause (``über einen Beitritt zur NATO``), else the first one the document
    names; a document that names none gets nothing added. Only a one-sided event is completed.
    """
    if not participants:
        return participants
    doc = index.doc
    clause = index.clauses[index.clause_of[i]]
    for spec in index.lex.implicit_parties:
        if event_type not in spec["types"]:
            continue
        cues = tuple(spec["cues"])
        trigger_word = doc[i].text.lower()
        clause_words = [doc[j].text.lower() for j in clause.tokens]
        if not (any(c in trigger_word for c in cues) or any(w.startswith(cues) for w in clause_words)):
            continue
        bodies = {b.casefold() for b in spec["bodies"]}
        text = doc.text  # rebuilt from the tokens on each access
        anywhere = [
            m
            for m in index.mentions
            if m.entity.name.casefold() in bodies or text[m.start : m.end].casefold() in bodies
        ]
        in_clause = [m for m in anywhere if m.clause == clause.id]
        body = (in_clause or anywhere or [None])[0]
        if body is None or body.id in participants:
            continue
        if len(participants) == 1:
            return [*participants, body.id]
    return participants


def _governing_clause(index: DocIndex, clause_id: int) -> list[int]:
    """The tokens of the clause a complement clause (``, dass ...``, ``, ob ...``) depends on.

    ``Der Kreml bestritt, dass sich A und B getroffen hätten``: the denial stands outside the
    trigger's clause. Other subordinate clauses (relative, temporal) keep their own status.
    """
    clause = index.clauses[clause_id]
    if clause.depth == 0 or clause.opener not in index.lex.words("clauses", "complement_openers"):
        return []
    for c in reversed(index.clauses[:clause_id]):
        if c.segment != clause.segment:
            break
        if c.depth < clause.depth:
            return c.tokens
    return []


def _is_past(time: Time | None, reference: str | None) -> bool:
    """Whether a dated time lies before the reference date (unknown: no)."""
    if time is None or not reference or not time.value or not time.value[:1].isdigit():
        return False
    value = time.value[:10]
    return value < reference[: len(value)]


def _tok_of(doc: Doc, char: int) -> int:
    span = char_span(doc, char, char + 1)
    return span.start if span is not None else 0


# --- step 2: merging --------------------------------------------------------------------------------


def _time_compatible(a: Time | None, b: Time | None) -> bool:
    if a is None or b is None or not a.value or not b.value:
        return True
    n = min(len(a.value), len(b.value))
    return a.value[:n] == b.value[:n]


def _status_compatible(ev: MergedEvent, m: EventMention, exact: bool) -> bool:
    statuses = ev.statuses
    hard = {"cancelled", "denied"}
    if (m.status in hard or statuses & hard) and m.status not in statuses:
        return False
    if exact:
        return True  # the same named parties: a headline's ``Spekulationen`` vs the body's facts
    if m.status in NOT_YET:
        return bool(statuses & NOT_YET) or statuses <= {"unknown"}
    if m.status == "happened":
        return "happened" in statuses or statuses <= {"unknown"}
    return True


def _merge_score(ev: MergedEvent, m: EventMention) -> float | None:
    """How well a mention fits an event (``None``: it does not)."""
    fam = family_group(m.type)
    generic = not m.participants
    if m.fresh and m.tok > min(x.tok for x in ev.mentions):
        return None  # ``ein weiteres Treffen`` does not refer back to the meeting told before
    if m.anaphoric:
        # ``An diesen Gesprächen werden X und Y teilnehmen``: the nearest event of the family before it
        before = [x.tok for x in ev.mentions if x.tok < m.tok]
        if fam != ev.family or not before or (m.place and ev.place and m.place != ev.place):
            return None
        return 10.0 - (m.tok - max(before)) / 1000
    if fam != ev.family and not (generic and fam == "meeting" and ev.family == "visit"):
        return None
    if m.place and ev.place and m.place != ev.place:
        # a visit ``in den Kongo`` and the same visit ``in Kinshasa``: the host country contains the city
        host = fam == "visit" and (m.place in ev.participants or ev.place in m.participants)
        if not host:
            return None
    if not _time_compatible(m.time, ev.time):
        return None
    pa, pb = set(m.participants), set(ev.participants)
    exact = bool(pa) and pa == pb
    if (m.sideline or any(x.sideline for x in ev.mentions)) and not exact:
        return None  # the meeting on the sidelines of a summit is not the summit
    if pa and pb and not exact:
        if m.weak or ev.weak:
            if m.weak and ev.weak and not (pa & pb):
                return None
        elif not (pa <= pb or pb <= pa):
            return None
    if not _status_compatible(ev, m, exact and not m.weak):
        return None
    score = 0.0
    score += 3 if exact else (1 if pa and pb else 0)
    score += 2 if m.place and m.place == ev.place else 0
    if m.time and ev.time and m.time.value == ev.time.value:
        score += 2
    if fam == ev.family:
        score += 1
    last = max(x.tok for x in ev.mentions)
    distance = abs(m.tok - last)
    score += 1.0 / (1 + distance / 50)
    if m.tok < last and generic:
        score -= 0.5  # a generic mention refers back rather than forward
    if generic and m.indefinite:
        # ``ein Treffen`` introduces an event: it joins one named after it, or one it shares a place/time with
        first = min(x.tok for x in ev.mentions)
        shares = (m.place and m.place == ev.place) or (m.time and ev.time and m.time.value == ev.time.value)
        if not (first > m.tok or shares):
            return None
    return score


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
        elif m.weak == ev.weak and m.precision > ev.precision:
            ev.participants, ev.precision = list(m.participants), m.precision
        elif m.weak and not ev.weak and len(set(ev.participants)) < 2:
            # ``Platter sagte zum Abschluss des Treffens`` + ``die Minister der EU ... auf einem Treffen``
            ev.participants += [p for p in m.participants if p not in ev.participants]
        elif m.weak == ev.weak and len(set(ev.participants)) < 2:
            # ``Auslandsbesuch Gaucks`` + ``machte Gauck ... in Polen``: complete a one-sided event
            ev.participants += [p for p in m.participants if p not in ev.participants]
    ev.place = ev.place or m.place
    if ev.time is None and m.time is not None:
        ev.time = m.time
    if family_group(m.type) == ev.family and (m.participants or len(ev.mentions) == 1):
        # a mention naming no one (``nach dem Gipfel``) does not make a meeting a summit
        ranks = {t: n for n, t in enumerate(MEETING_LIKE)}
        if m.type in ranks and ev.type in ranks and ranks[m.type] < ranks[ev.type]:
            ev.type = m.type


def _merge(mentions: list[EventMention]) -> list[MergedEvent]:
    events: list[MergedEvent] = []
    anaphoric = [m for m in mentions if m.participants and m.anaphoric]
    named = [m for m in mentions if m.participants and not m.anaphoric]
    generic = [m for m in mentions if not m.participants]
    for m in sorted(named, key=lambda x: (x.weak, x.tok)):
        scored = [(s, ev) for ev in events if (s := _merge_score(ev, m)) is not None]
        if scored:
            _absorb(max(scored, key=lambda p: p[0])[1], m)
        else:
            ev = MergedEvent(type=m.type)
            _absorb(ev, m)
            events.append(ev)
    for m in generic:
        scored = [(s, ev) for ev in events if (s := _merge_score(ev, m)) is not None]
        if scored:
            _absorb(max(scored, key=lambda p: p[0])[1], m)
    for m in sorted(anaphoric, key=lambda x: x.tok):
        # ``Für Freitag ist ein Treffen geplant. An diesen Beratungen werden X und Y teilnehmen``: the
        # antecedent is the nearest earlier mention of the family, even one that named no one
        prev = [
            x
            for x in mentions
            if x.tok < m.tok
            and x is not m
            and family_group(x.type) == family_group(m.type)
            and 0 <= m.segment - x.segment <= 2
        ]
        if prev:
            antecedent = max(prev, key=lambda x: x.tok)
            ev = next((e for e in events if any(x is antecedent for x in e.mentions)), None)
            if ev is None:
                ev = MergedEvent(type=antecedent.type)
                _absorb(ev, antecedent)
                events.append(ev)
            if not (m.place and ev.place and m.place != ev.place):
                _absorb(ev, m)
                continue
        ev = MergedEvent(type=m.type)
        _absorb(ev, m)
        events.append(ev)
    return events


def _add_delegates(index: DocIndex, merged: list[MergedEvent]) -> None:
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


def _keep(ev: MergedEvent, types: dict[str, str]) -> bool:
    """An event needs two parties, or one organisation meeting as a body (an EU council)."""
    if len(set(ev.participants)) >= 2:
        return True
    # only a body's meeting named through its members (``die Außenminister der EU``, weak)
    single = ev.participants[0] if len(ev.participants) == 1 else None
    return single is not None and ev.body and ev.family in {"meeting", "summit"} and types.get(single) == "ORG"


def _status_of(ev: MergedEvent) -> str:
    votes: Counter[str] = Counter()
    for m in ev.mentions:
        votes[m.status] += 2 if m.status_cued else 1
    for hard in ("cancelled", "denied"):
        if votes[hard]:
            return hard
    if not votes:
        return "unknown"
    best = max(votes.values())
    for status in ("happened", "planned", "possible"):
        if votes[status] == best:
            return status
    return "unknown"


# --- step 3: output and quote linking -----------------------------------------------------------------


def _to_events(doc: Doc, merged: list[MergedEvent], lex: Lexicon) -> tuple[list[Event], dict[str, list[int]]]:
    """The kept events as ``Event`` records, and the character offsets of each one's triggers."""
    types = {e.id: e.type for e in (doc._.entities or [])}
    kept = [ev for ev in merged if _keep(ev, types)]
    kept.sort(key=lambda ev: min(m.evidence[0] for m in ev.mentions))
    out: list[Event] = []
    triggers: dict[str, list[int]] = {}
    text = doc.text  # built from the tokens on each access: take it once
    for n, ev in enumerate(kept, start=1):
        info = lex.types.get(ev.type)
        spans = sorted({m.evidence for m in ev.mentions})
        evidence = [Evidence(start=s, end=e, text=text[s:e]) for s, e in spans]
        status = _status_of(ev)
        time = ev.time
        if time is not None and status in NOT_YET:
            ref = doc._.reference_date.value if doc._.reference_date else None
            if ref and time.value and time.value[:1].isdigit() and time.value[:10] < ref[: len(time.value[:10])]:
                time = None
        confidence = 0.5 + 0.1 * min(len(ev.mentions) - 1, 3) + (0.0 if ev.weak else 0.1)
        confidence -= 0.2 if all(m.quote for m in ev.mentions) else 0.0
        confidence -= 0.2 if any(m.hedged for m in ev.mentions) else 0.0
        out.append(
            Event(
                id=f"ev{n}",
                type=ev.type,
                participants=list(dict.fromkeys(ev.participants)),
                place=ev.place,
                time=EventTime(value=time.value, text=time.text, start=time.start, end=time.end) if time else None,
                status=status,  # type: ignore[arg-type]
                evidence=evidence,
                confidence=round(max(0.1, min(confidence, 0.95)), 2),
                plover=info.plover if info else None,
                cameo=info.cameo if info else None,
            )
        )
        triggers[f"ev{n}"] = sorted(doc[m.tok].idx for m in ev.mentions)
    return out, triggers


def link_quotes(
    doc: Doc, index: DocIndex, events: list[Event], triggers: dict[str, list[int]], quotes: list[Quote]
) -> None:
    """Set ``quote.event`` where the quote's content or the sentence of its cue names an event.

    A quote is linked when one of an event's trigger words stands inside the quote (``"Das Treffen am
    Montag in Genf wurde ..."``) or in the sentence of its cue (``erklärte nach seinen Gesprächen mit
    Blinken``); with several candidates, one the speaker took part in wins, then the trigger nearest
    to the cue.
    """
    if not events:
        return
    by_id = {ev.id: ev for ev in events}
    for q in quotes:
        anchors = [(q.start, q.end)]
        focus = q.start
        if q.cue is not None:
            focus = q.cue.start
            span = char_span(doc, q.cue.start, q.cue.end)
            if span is not None and len(span):
                s, e = index.segments[index.segment_of(span.start)]
                anchors.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)))
        best: tuple[tuple[int, int], str] | None = None
        for event_id, chars in triggers.items():
            ev = by_id[event_id]
            for c in chars:
                if not any(a_start <= c < a_end for a_start, a_end in anchors):
                    continue
                key = (0 if q.speaker and q.speaker in ev.participants else 1, abs(c - focus))
                if best is None or key < best[0]:
                    best = (key, event_id)
        if best is not None:
            q.event = best[1]


class EventLayer:
    """Write ``doc._.events`` and link the quotes in ``doc._.quotes`` to them."""

    def __init__(self, nlp: Language, name: str = "newsgraph_events", lang: str | None = None) -> None:
        self.name = name
        self.lang = lang or nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon_for(self.lang)
        if lex is None or len(doc) == 0:
            doc._.events = []
            return doc
        index = build_index(doc, lex)
        ref = doc._.reference_date.value if doc._.reference_date is not None else None
        reference = ref or doc._.published
        mentions = _mentions(doc, index, lex, reference)
        merged = _merge(mentions)
        _add_delegates(index, merged)
        events, triggers = _to_events(doc, merged, lex)
        doc._.events = events
        link_quotes(doc, index, events, triggers, list(doc._.quotes or []))
        return doc


@Language.factory("newsgraph_events", default_config={"lang": None})
def make_event_layer(nlp: Language, name: str, lang: str | None) -> EventLayer:
    """The event layer; ``lang`` overrides the pipeline's language for the trigger data."""
    return EventLayer(nlp, name, lang)
