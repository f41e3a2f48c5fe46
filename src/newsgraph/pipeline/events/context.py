"""Arguments a mention's own frame leaves open, completed from its sentence and the one before.

News prose names the parties of an interaction once and then leans on context. These functions
complete a mention after its frame (:mod:`.args`) has been read, each for one phenomenon:

- :func:`topic_partner`: a meeting named only with its partner (``Bei dem Treffen mit Scholz ...``)
  after a sentence about its other party (``Macron wird am Freitag in Berlin erwartet.``);
- :func:`summit_attendees`: a body's summit that named people attend in the same clause (``Beim
  Gipfel der G7 treffen Merz und Trump erneut aufeinander``): the body and the people;
- :func:`refine_type`: two people negotiating on one day hold talks (``hatte Blinken drei Stunden lang
  mit Wang verhandelt``), a negotiation is a process between states and bodies;
- :func:`infinitive_controller`: an infinitive with ``zu`` has no subject of its own; the subject of
  the clause it depends on meets (``Selenskyj kündigte an, Trump am Montag zu treffen``);
- :func:`session_bodies`: a deliberative multilateral body that decides, votes or elects (``Der
  Sicherheitsrat beschloss am Donnerstag ...``, ``wurde auf der UN-Generalversammlung gewählt``) sat
  in session: a meeting with the body as participant (the gold format's rule for such bodies);
- :func:`states_for_capitals`: a capital acting (``Washington und Peking haben sich geeinigt``) is
  its state's government, the party an analyst records (metonymy); as a place it stays the city;
- :func:`states_of_leaders`: an agreement or negotiation between a person and a state or body
  (``ein Handelsabkommen Trumps mit der EU``) is one between the person's state and that body, where
  the knowledge base knows the person's national office and the text names the state;
- :func:`office_holders`: ``die Staatschefs der Ukraine und der USA``, ``die Außenminister Russlands
  und der USA``: the people of the text who hold that office for those states, by the knowledge base;
- :func:`arranges_event`: an agreement whose object is itself a meeting or visit (``hatten
  gegenseitige Besuche vereinbart``) arranges that event; it is no agreement event of its own;
- :func:`seat_holder`: a visit to a seat of office (``wird im Weißen Haus erwartet``) is a meeting
  with the holder of that office on the day, when the text names them (``resources/kb/seats.toml``);
- :func:`parties_of_the_meeting`: an agreement to be signed at a meeting (``Bei dem Treffen mit Trump
  soll ein Abkommen unterzeichnet werden``) and a meeting of three (``ein Dreiertreffen mit
  Selenskyj``) take the parties of the meeting told just before.

All words come from ``events_frames.toml`` (``[context]``), so a language without them is unchanged.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ...kb import load_kb
from ...record import Time
from ...resources import load_resource
from ..docext import entities_of
from .args import (
    SUBJECT_DEPS,
    Clause,
    DocIndex,
    MentionRef,
    clause_actors,
    office_stem,
    partner_args,
    pronoun_subject,
    word_before_phrase,
)
from .lexicon import Trigger

if TYPE_CHECKING:
    from .mentions import EventMention

#: the event types whose parties an agreement signed there or a meeting of three takes
MEETING_TYPES = frozenset({"meeting", "talks", "summit"})


def topic_partner(index: DocIndex, i: int, participants: list[str], exclude: frozenset[str]) -> str | None:
    """The person a partner-only mention is about: the first person acting in the sentence before.

    Only for a noun trigger whose whole participant list is its ``mit`` partner, and only when the
    previous sentence has a person as actor outside quotes who is not the partner. The trigger's own
    sentence is the frame's business (a subject there that the frame left out was left out on purpose,
    as a speaker acting for her state). Better one honest miss than a guessed party: nothing beyond
    one sentence back.
    """
    partner = {m.id for m in partner_args(index, i)}
    if not partner or set(participants) != partner:
        return None
    seg = index.segment_of(i)
    if seg == 0:
        return None
    others = [m for m in index.segment_mentions(seg) if m.type in {"PER", "ORG"} and m.id not in partner]
    for clause in index.clauses_in_segment(seg - 1) if not others else ():
        # ``kam er mit seinem Amtskollegen Wang Yi zusammen. Ein Treffen mit Xi war nicht geplant``: the
        # pronoun subject before is the one who would meet, not his partner there (only where the
        # sentence names no one else: ``ein Sprecher des Weißen Hauses`` speaks for another party)
        subject = pronoun_subject(index, clause)
        if subject is not None and subject.type == "PER" and subject.id not in partner and subject.id not in exclude:
            return subject.id
        break
    partner_words = index.lex.words("participants", "partner")
    for m in index.segment_mentions(seg - 1):
        if (
            index.segment_of(m.tstart) == seg - 1
            and m.type == "PER"
            and m.role == "actor"
            and not index.in_quote[m.tstart]
            and m.id not in partner
            and m.id not in exclude
            and not any(index.doc[j].lower_ in partner_words for j in range(max(0, m.tstart - 5), m.tstart))
        ):
            return m.id
    return None


def summit_attendees(index: DocIndex, i: int, trig: Trigger, participants: list[str], sideline: bool) -> list[str]:
    """A body's summit (one organisation as participant) with the people its clause has attend it.

    The clause must hold a verb of meeting or taking part (``[context] attendance_verbs``), so that
    ``Merkel lobte den Gipfel der G7`` does not make Merkel a party; the people are the clause's
    person actors outside quotes and outside other triggers' ``mit``/``zwischen`` phrases. A summit on
    whose sidelines (``am Rande des Gipfels``) people meet is only their setting: they stay out.
    """
    if trig.type != "summit" or len(participants) != 1 or sideline:
        return participants
    body = next((m for m in index.mentions if m.id == participants[0]), None)
    if body is None or body.type != "ORG":
        return participants
    clause_id = index.clause_of[i]
    doc, lex = index.doc, index.lex
    verbs = lex.words("context", "attendance_verbs")
    if not verbs or not any(doc[j].text.lower() in verbs for j in index.clauses[clause_id].tokens):
        return participants
    people = [
        m.id
        for m in clause_actors(index, clause_id, exclude_quote=True, trig=i)
        if m.type == "PER" and m.id not in participants
    ]
    return [*participants, *dict.fromkeys(people)]


def refine_type(index: DocIndex, event_type: str, trig: Trigger, parts: list[MentionRef], time: Time | None) -> str:
    """``negotiation`` between people on a given day is ``talks`` (the meeting in which they negotiate).

    A negotiation in the gold sense is a process between states, parties or bodies (accession or
    coalition negotiations); two named people who negotiated on a stated day met for talks.
    """
    retype = index.lex.frames.get("context", {}).get("person_day_retype", {})
    new = retype.get(event_type)
    if not new or trig.is_noun:
        return event_type
    people = [m for m in parts if m.type == "PER"]
    day = bool(time and time.value and len(time.value) >= 10 and time.value[:1].isdigit())
    if len(people) >= 2 or (people and day and all(m.type == "PER" for m in parts)):
        return new
    return event_type


def arranged_events(index: DocIndex, i: int, trig: Trigger) -> list[int]:
    """The event nouns an agreement verb arranges (``vereinbarten gegenseitige Besuche``, ``agreed to a
    meeting``, ``haben sich auf ein Treffen verständigt``): its object, near it.

    The arrangement is the planning of that event, which its own trigger reports; counting it as an
    agreement between the parties would add an event nobody signed. The object is an event noun
    within six words of the verb, directly or after an ``arranged_prepositions`` word; after another
    preposition it is the setting (``einigten sich beim Treffen``, ``at their meeting``).
    """
    if trig.type != "agreement" or trig.is_noun:
        return []
    found = _arranged(index, i)
    # ``agreed to cooperate``: agreeing to a type of ``[context] agreed_not_arranged`` is the agreement
    # itself, not the planning of another event
    kept = index.lex.words("context", "agreed_not_arranged")
    if kept and found:
        found = [j for j in found if not _trigger_types(index, j) & kept]
    return found


def _trigger_types(index: DocIndex, j: int) -> frozenset[str]:
    """The event types the word at ``j`` can trigger (noun or verb readings)."""
    tok = index.doc[j]
    noun = index.lex.noun_trigger(tok)
    return frozenset([noun.type] if noun is not None else [t.type for t in index.lex.verb_triggers(tok)])


def _arranged(index: DocIndex, i: int) -> list[int]:
    """The triggers an agreement verb at ``i`` arranges (see :func:`arranged_events`)."""
    complement = _arranged_complement(index, i)
    if complement:
        return complement
    marks = index.lex.words("context", "arranged_infinitive_marks")
    if marks and i + 2 < len(index.doc) and index.doc[i + 1].text.lower() in marks and i + 2 in index.trigger_set():
        return [i + 2]  # ``agreed to meet in Sochi``: the meeting is what they arranged
    infinitive = _infinitive_complement(index, i)
    if infinitive:
        return infinitive
    objects = index.lex.words("context", "arranged_event_nouns")
    if not objects:
        return []
    doc = index.doc
    clause = index.clauses[index.clause_of[i]]
    preps = index.lex.words("context", "arranged_prepositions")
    case = index.lex.frames.get("context", {}).get("arranged_case", "")
    found = []
    for j in clause.tokens:
        word = doc[j].text.lower()
        if abs(j - i) > 6 or not any(word.endswith(o) for o in objects) or index.lex.noun_trigger(doc[j]) is None:
            continue
        k = word_before_phrase(doc, j)
        # (the tagger may read a preposition as a subordinator: ``after talks mediated by Qatar, ... said``)
        if k >= 0 and doc[k].pos_ in {"ADP", "SCONJ"} and doc[k].text.lower() not in preps:
            continue
        marked = any(case in doc[x].morph.get("Case") for x in range(k + 1, j + 1))
        if case and k >= 0 and doc[k].pos_ == "ADP" and not marked:
            continue  # ``auf einem Treffen`` (dative): where they agreed, not what
        found.append(j)
    return found


def _arranged_complement(index: DocIndex, i: int) -> list[int]:
    """``agreed that their defence ministers would meet next week``: the triggers of the clause an
    agreement verb opens with a word of ``[context] arranged_complement``; the agreement is the
    arrangement of that event."""
    words = index.lex.words("context", "arranged_complement")
    doc = index.doc
    if not words or i + 2 >= len(doc) or doc[i + 1].text.lower() not in words:
        return []
    clause = index.clause_of[i + 2]
    return [t for t in index.triggers_in_clause(clause) if index.clause_of[t] == clause and t > i]


def _infinitive_complement(index: DocIndex, i: int) -> list[int]:
    """``Beide vereinbarten, sich im Mai in Warschau zu treffen``: the ``zu``-infinitive triggers after
    the comma that follows the agreement verb (the infinitive phrase is its object), in its clause or
    in the infinitive clause the comma opens."""
    doc, lex = index.doc, index.lex
    marks = lex.words("context", "infinitive_marks")
    infixes = tuple(lex.frames.get("context", {}).get("infinitive_infixes", []))
    if not marks:
        return []
    clause = index.clause_of[i]
    comma = next((j for j in range(i + 1, min(i + 5, len(doc))) if doc[j].text == ","), None)
    if comma is None or index.clause_of[comma] != clause:
        return []
    found = []
    for c in (clause, clause + 1):
        if c >= len(index.clauses) or index.clauses[c].segment != index.clauses[clause].segment:
            break
        for t in index.triggers_in_clause(c):
            if t <= comma or any(doc[j].text == "," for j in range(comma + 1, t)):
                continue
            word = doc[t].text.lower()
            if (doc[t - 1].text.lower() in marks) or (infixes and any(x in word[2:] for x in infixes)):
                found.append(t)
    return found


def arranges_event(index: DocIndex, i: int, trig: Trigger) -> bool:
    """Whether an agreement verb's object is a meeting, visit or call (see :func:`arranged_events`)."""
    return bool(arranged_events(index, i, trig))


def infinitive_controller(index: DocIndex, clause: Clause, i: int) -> MentionRef | None:
    """The subject of the clause an infinitive verb trigger depends on (``kündigte an, X zu treffen``).

    The trigger must be a ``zu``-infinitive (``zu treffen``, ``zusammenzutreffen``); the controller is
    the first person or organisation acting in the clause before it in the same sentence, outside
    quotes. Object control (``bat ihn, ... zu treffen``) is rarer in news and names its person too.
    """
    doc, lex = index.doc, index.lex
    marks = lex.words("context", "infinitive_marks")
    infixes = tuple(lex.frames.get("context", {}).get("infinitive_infixes", []))
    word = doc[i].text.lower()
    # ``nach Ägypten reisen zu wollen``: the infinitive of a modal's zu-infinitive (``[context] modal_infinitives``)
    modal = (
        i + 2 < len(doc)
        and doc[i + 1].text.lower() in marks
        and doc[i + 2].text.lower() in lex.words("context", "modal_infinitives")
    )
    if not ((i > 0 and doc[i - 1].text.lower() in marks) or modal or (infixes and any(x in word[2:] for x in infixes))):
        return None
    previous = [c for c in index.clauses[: clause.id] if c.segment == clause.segment]
    if not previous:
        return None
    for m in index.clause_mentions(previous[-1].id):
        if m.type in {"PER", "ORG"} and m.role == "actor" and not index.in_quote[m.tstart]:
            return m
    return None


def infinitive_controllers(index: DocIndex, clause: Clause, i: int) -> list[MentionRef]:
    """The controller of :func:`infinitive_controller` with those coordinated with it (``Scholz und
    Tusk vereinbarten, sich ... zu treffen``: both meet)."""
    first = infinitive_controller(index, clause, i)
    if first is None:
        return []
    doc, lex = index.doc, index.lex
    links = lex.words("participants", "coordinators")
    found = [first]
    for m in index.clause_mentions(first.clause):
        if m.tstart < found[-1].tend or m.type not in {"PER", "ORG"} or m.role != "actor":
            continue
        gap = [doc[j] for j in range(found[-1].tend, m.tstart)]
        if gap and all(t.text.lower() in links or t.text == "," or office_stem(t.text, lex) for t in gap):
            found.append(m)
        else:
            break
    return found


def session_body_ids(index: DocIndex) -> frozenset[str]:
    """The entity ids of the document's deliberative bodies (``[context] session_bodies``)."""
    found = index.memo.get("session_body_ids")  # asked per trigger: found once per document
    if found is None:
        names = {n.casefold() for n in index.lex.frames.get("context", {}).get("session_bodies", [])}
        found = frozenset(m.id for m in index.mentions if m.type == "ORG" and m.entity.name.casefold() in names)
        index.memo["session_body_ids"] = found
    return found


def session_bodies(index: DocIndex, i: int) -> list[MentionRef]:
    """The deliberative bodies (``[context] session_bodies``) a session verb's clause names.

    The body is an actor of the clause (``Der Sicherheitsrat beschloss``) or stands after a setting
    preposition (``auf der UN-Generalversammlung gewählt``); an organisation in the genitive right
    after it (``der Gouverneursrat der IAEA``) is the body's organisation and takes part too.
    Internal sessions of one party, government or parliament are no interaction: only the bodies
    listed count.
    """
    names = {n.casefold() for n in index.lex.frames.get("context", {}).get("session_bodies", [])}
    if not names:
        return []
    clause_id = index.clause_of[i]
    doc, lex = index.doc, index.lex
    genitive = lex.words("participants", "genitive")
    found: list[MentionRef] = []
    for m in index.clause_mentions(clause_id):
        if m.entity.name.casefold() not in names or index.in_quote[m.tstart] or m.role == "place":
            continue
        found.append(m)
        if m.tend < len(doc) and doc[m.tend].text.lower() in genitive:
            parent = index.starting_at(m.tend + 1)
            if parent is not None and parent.type == "ORG":
                found.append(parent)
    if not found:
        found = _body_by_head_noun(index, i, clause_id, names)
    return list({m.id: m for m in found}.values())


def _body_by_head_noun(index: DocIndex, i: int, clause_id: int, names: set[str]) -> list[MentionRef]:
    """``The council last discussed the Sahel in June``: a definite noun that is the last word of a
    session body named before (``[context] session_body_heads``) and the subject of the clause is that
    body."""
    heads = index.lex.words("context", "session_body_heads")
    if not heads:
        return []
    doc = index.doc
    for j in index.clauses[clause_id].tokens:
        tok = doc[j]
        if j >= i or tok.lower_ not in heads or tok.dep_ not in SUBJECT_DEPS:
            continue
        if j == 0 or doc[j - 1].lower_ != "the" or index.covering(j) is not None:
            continue
        for m in index.mentions_ending_by(j):
            name = m.entity.name.casefold()
            if name in names and name.split()[-1] == tok.lower_ and not index.in_quote[m.tstart]:
                return [m]
    return []


@cache
def _capitals() -> dict[str, str]:
    """Capital names (any language of the knowledge base, case-folded) -> the country's kb id."""
    kb = load_kb("starter")
    out: dict[str, str] = {}
    for country in kb.by_id.values():
        capital = kb.by_id.get(country.capital) if country.capital else None
        if capital is None:
            continue
        for names in (*capital.names.values(), *capital.aliases.values()):
            for name in names:
                out.setdefault(name.casefold(), country.id)
                out.setdefault(name.split(",")[0].casefold(), country.id)  # ``Washington, D.C.``
    return out


def states_for_capitals(index: DocIndex, parts: list[MentionRef]) -> list[MentionRef]:
    """Each capital that acts (role ``actor``, not a place) replaced by its country, where the text names it.

    A country the text never names cannot be made up: the capital then stays (an honest surface
    party rather than an entity without evidence).
    """
    capitals = _capitals()
    by_kb = index.by_kb_id()
    out: list[MentionRef] = []
    for m in parts:
        country = None
        if m.type == "LOC" and m.role == "actor":
            text = index.doc[m.tstart : m.tend].text
            code = capitals.get(m.entity.name.casefold()) or capitals.get(text.casefold())
            country = by_kb.get(code) if code else None
        out.append(country if country is not None else m)
    return out


_STATE_OFFICES = ("head_of_state", "head_of_government", "foreign_minister")


def states_of_leaders(index: DocIndex, parts: list[MentionRef], day: str | None) -> list[MentionRef]:
    """People in a mixed party list (a person beside states or bodies) replaced by the state they lead.

    Treaties and trade negotiations are between states and bodies: a leader who speaks for one of
    them stands for the state. Only for a person the knowledge base gives a national office (head of
    state or government, foreign minister) held on ``day`` (the reference date; any term when
    unknown), and only when the text names that state; two people stay people (``Selenskyj und
    Trump unterzeichneten``).
    """
    kinds = {m.type for m in parts}
    if "PER" not in kinds or not (kinds & {"ORG", "LOC"}):
        return parts
    kb = load_kb("starter")
    by_kb = index.by_kb_id()
    out: list[MentionRef] = []
    for m in parts:
        state = None
        person = kb.by_id.get(m.entity.kb_id) if m.type == "PER" and m.entity.kb_id else None
        if person is not None:
            for office in person.offices:
                if office.office in _STATE_OFFICES and office.of and (day is None or office.covers(day[:10])):
                    state = by_kb.get(office.of)
                    if state is not None:
                        break
        out.append(state if state is not None else m)
    return list({m.id: m for m in out}.values())


def without_governments_of_people(parts: list[MentionRef], day: str | None) -> list[MentionRef]:
    """``mit der chinesischen Führung sprechen, darunter mit seinem Amtskollegen Qin Gang``: a state named
    by its government stands for the people who lead it; where one of them is a party by name (the
    knowledge base gives them an office of that state on ``day``), the state is not a party beside them."""
    if not any(m.government for m in parts):
        return parts
    kb = load_kb("starter")
    led: set[str] = set()
    for m in parts:
        person = kb.by_id.get(m.entity.kb_id) if m.type == "PER" and m.entity.kb_id else None
        for office in person.offices if person is not None else ():
            if office.of and (day is None or office.covers(day[:10])):
                led.add(office.of)
    return [m for m in parts if not (m.government and m.entity.kb_id in led)]


def office_holders(index: DocIndex, parts: list[MentionRef], day: str | None) -> list[MentionRef]:
    """States named only through an office noun replaced by the person of the text who holds it.

    ``ein Treffen der Staatschefs der Ukraine, der USA und Russlands``: the parties are the three
    heads of state. The office noun maps to knowledge-base office keys (``[context] kb_offices``), and
    a person counts only when the text names them and the knowledge base gives them that office of
    that state (on ``day`` when the reference date is known). A state without such a person stays
    the state.
    """
    mapping: dict[str, list[str]] = index.lex.frames.get("context", {}).get("kb_offices", {})
    if not mapping:
        return parts
    kb = load_kb("starter")

    def held(person: MentionRef) -> list[str]:
        entity = kb.by_id.get(person.entity.kb_id or "")
        return [o.office for o in entity.offices if o.office and (day is None or o.covers(day[:10]))] if entity else []

    # ``der Außenminister Russlands und Deutschlands``: the coordinated states share the office noun;
    # resolved to one holder already (``Lawrow``), the holder's office is the one meant for the others
    shared_keys = [k for m in parts if m.type == "PER" for k in held(m)]
    if not any(m.via_office and m.office_word for m in parts) and not shared_keys:
        return parts
    # each known person of the text once, at their first mention (the holder is the first one named)
    people = index.memo.get("kb_people")
    if people is None:
        first: dict[str, MentionRef] = {}
        for m in index.mentions:
            if m.type == "PER" and m.entity.kb_id in kb.by_id:
                first.setdefault(m.entity.kb_id, m)
        people = index.memo["kb_people"] = list(first.values())
    shared = next((m.office_word for m in parts if m.via_office and m.office_word), None)
    out: list[MentionRef] = []
    for m in parts:
        holder = None
        state = (m.entity.kb_id or "").startswith("iso3166:")
        word = m.office_word or (shared if state else None)
        keys: list[str] = []
        if word:
            stem = office_stem(word, index.lex) or ""
            keys = next((v for k, v in mapping.items() if stem.endswith(k)), [])
        elif state and _genitive_coordinated(index, m):
            keys = shared_keys
        if keys and m.entity.kb_id:
            for person in people:
                offices = kb.by_id[person.entity.kb_id].offices
                if any(
                    o.office in keys and o.of == m.entity.kb_id and (day is None or o.covers(day[:10])) for o in offices
                ):
                    holder = person
                    break
        if holder is None and word and state:
            holder = _text_holder(index, m, office_stem(word, index.lex), own=bool(m.office_word))
        out.append(holder if holder is not None else m)
    return list({m.id: m for m in out}.values())


def _text_holder(index: DocIndex, m: MentionRef, stem: str | None, own: bool = False) -> MentionRef | None:
    """The person the text itself gives the office of state ``m`` (``Norwegens König besucht ...
    Der norwegische König Harald V.``): a role of theirs with the same office noun that names the same
    state, by its nationality adjective or its name. For people the knowledge base does not know.

    ``own``: the office word is the mention's own (``the Brazilian leader``), not one shared with a
    coordinated state; then the state's mark may also stand right before the role (English ``Brazilian
    President Lula``, whose role is the office alone)."""
    if not stem:
        return None
    # English ``the Brazilian leader`` after ``Brazilian President Lula``: a generic office word stands for
    # whatever office the text gave the state's person (``[context] generic_offices``)
    generic = index.lex.words("context", "generic_offices")
    doc = index.doc
    adjectives = [(s.start_char, s.end_char) for s in doc.spans.get("derivations", []) if s.kb_id_ == m.entity.kb_id]
    state_marks = adjectives + [(x.start, x.end) for x in m.entity.mentions]
    for ent in entities_of(doc):
        if ent.type != "PER":
            continue
        for role in ent.roles:
            words = role.title.split()
            if not words or (office_stem(words[-1], index.lex) != stem and stem not in generic):
                continue
            # the state's mark inside the role, or right before it (English ``Brazilian President Lula``,
            # where the role is the office alone)
            if any((role.start <= a and b <= role.end) or (own and 0 <= role.start - b <= 1) for a, b in state_marks):
                return next((x for x in index.mentions if x.id == ent.id), None)
    return None


def _genitive_coordinated(index: DocIndex, m: MentionRef) -> bool:
    """``(der Außenminister Russlands) und Deutschlands``: a state in the genitive after a coordinator."""
    doc, lex = index.doc, index.lex
    text = doc[m.tstart : m.tend].text
    before = doc[m.tstart - 1].text.lower() if m.tstart > 0 else ""
    return text.endswith("s") and before in lex.words("participants", "coordinators") - {","}


def three_way(index: DocIndex, tok: int) -> bool:
    """``Dreiertreffen``, ``ein trilaterales Treffen``, ``a three-way meeting``: a meeting of three."""
    lex = index.lex
    word = index.doc[tok].text.lower()
    if any(word.startswith(p) and len(word) > len(p) + 3 for p in lex.words("context", "three_way_prefixes")):
        return True
    words = lex.words("context", "three_way_words")
    return any(index.doc[j].text.lower() in words for j in range(max(0, tok - 3), tok))


def parties_of_the_meeting(index: DocIndex, mentions: list[EventMention]) -> None:
    """Complete, in place, two kinds of mention from the meeting told just before them.

    - An agreement with fewer than two parties whose clause speaks of signing (``signing_words``):
      ``Bei dem Treffen mit Trump soll ein Rahmenabkommen unterzeichnet werden``, ``Eigentlich sollte
      am Freitag ein Abkommen unterzeichnet werden``: those who meet sign it; likewise an agreement
      whose subject stands for those who met (``collective_subjects``: ``man habe sich geeinigt``).
    - A meeting of three that names fewer than three (``über ein Dreiertreffen mit Selenskyj``): the
      two who met, or will meet, before it are the other two.
    - Another meeting (``schlug Putin ein weiteres Treffen vor``) that names fewer than two: those who
      met before it (it stays an event of its own).

    The meeting is the nearest one with two or more parties in the same sentence or the two before
    (for another meeting, ``[context].another_meeting_reach`` sentences before), never in a
    quotation's other sentences; a mention that finds none stays as it is (and the event
    layer drops what has too few parties).
    """
    signing = index.lex.words("context", "signing_words")
    collective = index.lex.words("context", "collective_subjects")
    attendees = index.lex.words("context", "participant_nouns")
    relative = index.lex.words("clauses", "relative_pronouns")
    # ``Im Juni ist ein weiteres Treffen geplant`` may close a report whose meeting was told a paragraph
    # earlier, with what was said at it in between
    reach_another = int(index.lex.frames.get("context", {}).get("another_meeting_reach", 2))
    for m in mentions:
        agreement = m.type in {"agreement", "negotiation"} and len(m.participants) < 2
        words = {index.doc[j].text.lower() for j in index.clauses[m.clause].tokens} if agreement else set()
        # ``man habe sich geeinigt``: only the meeting of this sentence or the one before (``Die Teilnehmer``:
        # the two before), and one that took place; signing words only for an agreement
        signed = m.type == "agreement" and bool(words & signing)
        by_collective = agreement and not signed and bool(words & (collective | attendees))
        reach_collective = 2 if words & attendees else 1
        if agreement and not (signed or by_collective):
            continue
        if agreement and any(
            x is not m and x.clause == m.clause and x.type == "agreement" and len(set(x.participants)) >= 2
            for x in mentions
        ):
            continue  # ``he is expected to sign a defence pact with the Philippines``: the pact names its parties
        three = m.type in MEETING_TYPES and m.trigger.is_noun and len(m.participants) < 3 and three_way(index, m.tok)
        # ``schlug Putin ein weiteres Treffen vor``, ``Das nächste Treffen soll im Herbst stattfinden``: another
        # meeting of those who just met
        another = (
            m.type in MEETING_TYPES
            and m.fresh
            and (m.indefinite or (m.definite and _new_word_before(index, m.tok)))
            and len(m.participants) < 2
            and not three
        )
        if not (agreement or three or another):
            continue
        before = [
            x
            for x in mentions
            if x is not m
            and x.type in MEETING_TYPES
            and len(x.participants) >= 2
            and m.segment - (reach_another if another else 2) <= x.segment <= m.segment
            and (x.segment < m.segment or x.tok < m.tok or agreement)
            and (not another or x.tok < m.tok)
            and not (three and three_way(index, x.tok))
            # ``The agreement was signed by Mitsotakis, who met Erdogan in Athens last year``: a meeting told
            # after the agreement in a relative clause on one of its parties is background, not its signing
            and not (agreement and x.tok > m.tok and index.clauses[x.clause].opener in relative)
            and not (
                by_collective and (m.segment - x.segment > reach_collective or x.status in {"cancelled", "denied"})
            )
        ]
        if not before and another:
            # ``Zum Abschied schlug Putin ein weiteres Treffen vor``, paragraphs after the summit: the last
            # meeting of someone acting in the clause, however far back
            actors = {a.id for a in index.clause_mentions(m.clause) if a.type in {"PER", "ORG"} and a.role != "place"}
            before = [
                x
                for x in mentions
                if x.tok < m.tok
                and x.type in MEETING_TYPES
                and len(x.participants) >= 2
                and actors & set(x.participants)
                and not index.in_quote[x.tok]
            ][-1:]
        if not before:
            continue
        meeting = min(before, key=lambda x: (m.segment - x.segment, abs(m.tok - x.tok)))
        had_three = len(set(meeting.participants)) >= 3
        m.participants = list(dict.fromkeys([*m.participants, *meeting.participants]))
        if agreement and m.place is None and m.time is None:
            # signed at that meeting: where and when it takes place
            m.place, m.place_chain, m.time = meeting.place, meeting.place_chain, meeting.time
        if three and not had_three:
            # a meeting of three is never the meeting of two it takes its parties from (one of three
            # already, ``Bei dem Dreiertreffen`` after someone joined the talks, it is that meeting)
            m.fresh = True


def _new_word_before(index: DocIndex, i: int) -> bool:
    """Whether a word of ``[participants] next_event`` modifies the definite noun at ``i`` itself (``das
    nächste Treffen``, ``die nächsten direkten Gespräche``), not another noun before it (``Ein weiteres
    Thema des Treffens``). An ordinal is no such word: ``das zweite Treffen mit Trump`` is the meeting the
    article reports, counted."""
    words = index.lex.words("participants", "next_event")
    doc = index.doc
    for j in range(i - 1, max(-1, i - 3), -1):
        if doc[j].text.lower() in words:
            return True
        if not doc[j].text[:1].islower():
            return False
    return False


def seat_holder(index: DocIndex, place: MentionRef, day: str | None) -> MentionRef | None:
    """The person the text names who held the office seated at ``place`` on ``day``.

    ``Selenskyj wird am Freitag im Weißen Haus erwartet`` (the article names Trump elsewhere): the
    visit is a meeting with the US president of the day. The seats are data
    (``resources/kb/seats.toml``); the office holders come from the knowledge base; without a day
    any holder of that office the text names counts, and two such people mean no answer.
    """
    seats = load_resource("kb", "seats").get("seats", {})
    # by the venue's id, or by its name where a model typed it an organisation (English ``the White House``)
    seat = seats.get(place.entity.kb_id or "") or seats.get("venue:" + place.entity.name.replace(" ", "_"))
    if not seat:
        return None
    kb = load_kb("starter")
    by_kb = index.by_kb_id()
    found = []
    for person in kb.by_id.values():
        if person.id not in by_kb:
            continue
        for term in person.offices:
            if term.office == seat["office"] and term.of == seat["of"] and (day is None or term.covers(day[:10])):
                found.append(by_kb[person.id])
                break
    return found[0] if len(found) == 1 else None
