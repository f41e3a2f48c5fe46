"""Step 1 of the event layer: every trigger word becomes an event *mention* with its arguments.

A trigger (``events.toml``: verbs such as ``trafen sich``, nouns by their compound head such as
``Gipfeltreffen``) gets participants from its frame (:mod:`.args`), a place, the governing time
expression from ``doc._.times`` and a status (:mod:`.status`). Merging the mentions that describe one
happening is the next step (:mod:`.merge`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Doc

from ...record import Time
from ..entities import place_country
from .args import (
    Clause,
    DocIndex,
    MentionRef,
    antecedent,
    antecedent_actors,
    between_args,
    char_span,
    clause_actors,
    clause_affiliations,
    coalition_args,
    compound_args,
    genitive_args,
    group_members,
    hyphen_compound_args,
    names_run,
    office_stem,
    partner_args,
    place_of,
    plural_pronoun_subject,
    pronoun_object,
    pronoun_subject,
    time_for,
    venue_clause,
    word_before_phrase,
)
from .context import (
    arranged_events,
    arranges_event,
    infinitive_controllers,
    office_holders,
    parties_of_the_meeting,
    refine_type,
    seat_holder,
    session_bodies,
    session_body_ids,
    states_for_capitals,
    states_of_leaders,
    summit_attendees,
    three_way,
    topic_partner,
    without_governments_of_people,
)
from .lexicon import Lexicon, Trigger
from .places import untriggered_clauses
from .status import decide_status, hedged

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
    definite: bool = False  # ``bei dem Treffen``, ``beim Treffen``: an event noun the text has told of
    segment: int = 0  # the sentence it stands in
    sideline: bool = False  # ``am Rande des Gipfels``: the setting of another event, not that event
    place_chain: tuple[str, ...] = ()  # the places that contain ``place`` (venue -> city -> country)
    own_place: bool = False  # a noun's place right after it (``Gipfel in Alaska``), not the clause's
    beside: bool = False  # told as happening on the sidelines of another (``Am Rande des Gipfels trafen sich``)
    headline: bool = False  # in the text's first line, which ends without a full stop (a title)
    place_assumed: bool = False  # the place is the dateline's, not the text's for this mention
    superseded: bool = False  # a cancelled first plan (``ursprünglich ... verschoben``) of an event held later
    conversation: bool = False  # a noun any talk is (``das Gespräch``): also a call's, told after it


def family_group(event_type: str) -> str:
    """Meetings, summits and talks describe the same kind of happening (they merge)."""
    if event_type in MEETING_LIKE:
        return "meeting"
    if event_type == "video_call":
        return "phone_call"
    return event_type


def _clause_has(index: DocIndex, clause_id: int, words: frozenset[str], after: int | None = None) -> bool:
    doc = index.doc
    return any(doc[i].text.lower() in words and (after is None or i > after) for i in index.clauses[clause_id].tokens)


def _returns_home(index: DocIndex, clause_id: int, verb: int) -> bool:
    """Whether a word of return (``[places] return_words``: ``zurück``) stands right before a destination
    preposition after the verb (``reiste zurück nach Ankara``); a closing particle (``reiste nach Berlin
    zurück``) is the trigger's ``blocking_particles``."""
    words = index.lex.words("places", "return_words")
    dest = index.lex.words("places", "destinations")
    doc = index.doc
    return bool(words) and any(
        j > verb and doc[j].text.lower() in words and j + 1 < len(doc) and doc[j + 1].text.lower() in dest
        for j in index.clauses[clause_id].tokens
    )


def _particle_closes(index: DocIndex, clause_id: int, particle: str, after: int) -> bool:
    """Whether a separable particle (``zusammen``, ``ein``, ``an``) closes the verb's clause.

    ``traf am Abend in Peking ein.``: the particle stands last, or before a comma or a coordinator;
    an article ``ein`` or a preposition ``an`` inside the clause is no particle.
    """
    doc = index.doc
    # a subordinator right after the particle opens the next clause even without its comma (``bestellte
    # den Premier in den Palast ein um ihn zu drängen``)
    closers = index.lex.words("participants", "coordinators") | index.lex.words("clauses", "comma_free_openers")
    toks = index.clauses[clause_id].tokens
    for pos, j in enumerate(toks):
        if j <= after or doc[j].text.lower() != particle:
            continue
        rest = [k for k in toks[pos + 1 :] if not doc[k].is_space]
        if not rest or j + 1 >= len(doc) or doc[j + 1].is_punct or doc[j + 1].text.lower() in closers:
            return True
    return False


def _undated_day(index: DocIndex, clause_id: int, times: list[Time]) -> str | None:
    """The value of a day in the clause that no reference date places (``am Freitag`` with no publication
    date: ``XXXX-WXX-5``), for the status only: such a day says the event has a day, not which."""
    doc = index.doc
    for t in times:
        undated = t.type == "DATE" and (t.value or "").startswith("XXXX") and not t.inside_quote
        if undated and index.clause_of[_tok_of(doc, t.start)] == clause_id:
            return t.value
    return None


def _circumstance_tokens(index: DocIndex) -> frozenset[int]:
    """The tokens of ``[participants] circumstances`` phrases (``auf Einladung``): they tell why or how
    something happened, so their words neither trigger an event nor cue a status (an invitation one came at
    plans nothing)."""
    found = index.memo.get("circumstances")
    if found is None:
        phrases = [p.lower().split() for p in index.lex.frames.get("participants", {}).get("circumstances", [])]
        words = [t.text.lower() for t in index.doc]
        hits: set[int] = set()
        for k in range(len(words)):
            for p in phrases:
                if p and words[k : k + len(p)] == p:
                    hits.update(range(k, k + len(p)))
        found = index.memo["circumstances"] = frozenset(hits)
    return found


def _find_triggers(index: DocIndex) -> list[tuple[int, Trigger]]:
    doc, lex = index.doc, index.lex
    found: list[tuple[int, Trigger]] = []
    not_after = lex.words("participants", "not_after")
    for tok in doc:
        if tok.is_space or tok.is_punct or index.clause_of[tok.i] < 0:
            continue
        clause_id = index.clause_of[tok.i]
        noun = lex.noun_trigger(tok)
        verb_triggers = lex.verb_triggers(tok) if noun is None else []
        if noun is None and not verb_triggers:
            continue  # no trigger word (most tokens): nothing more to check
        if not_after and _after_without(index, tok.i, noun is not None, not_after):
            continue  # ``ended the talks without agreeing``, ``left without a deal``: what did not happen
        if tok.i in _circumstance_tokens(index):
            continue  # ``war auf Einladung X' nach Wien gekommen``: why someone came, no event of its own
        if (
            noun is not None
            and noun.type in lex.words("participants", "demanded_types")
            and _clause_has(index, clause_id, lex.words("participants", "demand_verbs"))
        ):
            continue  # ``drängte auf eine Waffenruhe``, ``forderte ein Abkommen``: what is asked for, not agreed
        if noun is not None:
            if (
                noun.type in lex.words("participants", "topic_only_types")
                and _after_without(index, tok.i, True, lex.words("participants", "topic_only_after"))
                and not _measure_of(index, tok.i, lex.words("participants", "topic_only_measures"))
            ):
                continue  # ``signed a memorandum on joint patrols``: the patrols are what was agreed
            if _reason_for_praise(index, tok.i):
                continue  # ``thanked Trump for his mediation``: what someone is thanked for, not a new event
            found.append((tok.i, noun))
            continue
        if (
            len(verb_triggers) > 1
            and lex.frames.get("context", {}).get("session_first_with_body")
            and any(t.frame == "session" for t in verb_triggers)
            and session_bodies(index, tok.i)
        ):
            # English ``The council last discussed the Sahel``: a verb of talk whose subject is a
            # deliberative body is the body's session, not talks between parties it does not name
            verb_triggers = sorted(verb_triggers, key=lambda t: t.frame != "session")
        if _purpose_of_meeting(index, tok.i):
            continue  # ``met in Geneva on Monday to discuss Iran's nuclear programme``: the meeting's topic
        for trig in verb_triggers:
            if trig.particle and not _particle_closes(index, clause_id, trig.particle, tok.i):
                continue
            if trig.needs_reflexive and not _clause_has(index, clause_id, lex.reflexives):
                continue
            if trig.needs_words and not _clause_has(index, clause_id, trig.needs_words):
                continue  # ``sprach mit Macron`` / ``miteinander gesprochen``, not ``sprach von``
            if any(_particle_closes(index, clause_id, p, tok.i) for p in trig.blocking_particles):
                continue  # ``sprach sich für eine Lösung mit Israel aus``: another verb (aussprechen)
            if trig.needs_destination and _returns_home(index, clause_id, tok.i):
                continue  # ``reiste am Freitag zurück nach Ankara``: a return home is no visit
            if trig.next_words and (tok.i + 1 >= len(doc) or doc[tok.i + 1].text.lower() not in trig.next_words):
                continue  # ``committed war crimes`` is no ``committed to``
            if trig.not_next_words and tok.i + 1 < len(doc) and doc[tok.i + 1].text.lower() in trig.not_next_words:
                continue  # ``called for a ceasefire``, ``called on Russia`` are no calls
            if trig.blocking_objects and _clause_names_thing(index, clause_id, trig.blocking_objects):
                continue  # ``unterzeichnete das Gesetz``: a law is signed by one side, it is no agreement
            if trig.object_types and not _object_is(index, clause_id, tok.i, trig.object_types):
                continue  # ``welcomed Germany's plans``: hosting needs a guest, not a thing
            if (
                not trig.particle
                and trig.type in lex.light_verb_types
                and _clause_names_thing(index, clause_id, lex.light_verb_objects)  # ``Wahlentscheidung treffen``
                and not _clause_has(index, clause_id, lex.reflexives)
            ):
                continue  # ``eine Entscheidung treffen``
            if trig.frame == "session" and not session_bodies(index, tok.i):
                # ``Die Gespräche sind am Donnerstag vertagt worden``: a verb of deciding without a
                # deliberative body tells no session, and must not take the clause's time from the noun
                continue
            found.append((tok.i, trig))
            break
    noun_clauses = {index.clause_of[i] for i, t in found if t.is_noun}
    return [(i, t) for i, t in found if not (t.yields_to_nouns and index.clause_of[i] in noun_clauses)]


def _purpose_of_meeting(index: DocIndex, i: int) -> bool:
    """Whether the verb at ``i`` is a talk verb in a purpose infinitive of a meeting verb (English, with the
    parser: ``met in Geneva ... to discuss``; ``[participants] purpose_of_meeting`` marks, talk types in
    ``purpose_talk_types``): what they met to discuss is the meeting itself, no event of its own."""
    lex = index.lex
    marks = lex.words("participants", "purpose_of_meeting")
    if not marks or i == 0:
        return False
    doc = index.doc
    tok = doc[i]
    if doc[i - 1].lower_ not in marks or tok.dep_ not in {"advcl", "xcomp"}:
        return False
    if not any(t.type in lex.words("participants", "purpose_talk_types") for t in lex.verb_triggers(tok)):
        return False
    return any(family_group(t.type) in {"meeting", "phone_call"} for t in lex.verb_triggers(tok.head))


def _after_without(index: DocIndex, i: int, noun: bool, words: frozenset[str]) -> bool:
    """Whether a trigger follows one of ``words`` (``[participants] not_after``, ``without``): right before
    a verb (``without agreeing``), or up to three words before a noun, its modifiers between (``without
    a minerals deal``)."""
    if i == 0:
        return False
    doc = index.doc
    for j in range(i - 1, max(-1, i - (4 if noun else 2)), -1):
        if doc[j].is_punct:
            return False
        if doc[j].text.lower() in words:
            return True
    return False


def _purpose_destination(index: DocIndex, clause: Clause, i: int) -> MentionRef | None:
    """English ``travelled to Mexico City on Thursday for talks with Sheinbaum``: the event a journey is
    for takes place at the journey's destination (``[participants] purpose_at_destination``).

    The noun must stand in a purpose phrase (``[purpose_verbs] prepositions``) of a clause with a verb of
    coming (``purpose_verbs``); the destination is the last place before the noun that a destination
    preposition (``[places] destinations``) governs.
    """
    lex = index.lex
    if not lex.frames.get("participants", {}).get("purpose_at_destination"):
        return None
    doc = index.doc
    if _preposition_phrase_start(index, i) not in lex.purpose_prepositions:
        return None
    verbs = [j for j in clause.tokens if j < i and doc[j].text.lower() in lex.purpose_verbs]
    if not verbs:
        return None
    destinations = lex.words("places", "destinations")
    found = [
        m
        for m in index.clause_mentions(clause.id)
        if m.role == "place"
        and verbs[0] < m.tstart < i
        and doc[m.tstart - 1].text.lower() in destinations | lex.words("participants", "determiners")
        and any(doc[j].text.lower() in destinations for j in range(max(verbs[0], m.tstart - 3), m.tstart))
    ]
    return found[-1] if found else None


def _purpose_infinitive_destination(index: DocIndex, i: int, is_noun: bool) -> MentionRef | None:
    """English ``arrived in Oslo on Monday to meet Lindqvist``, ``flew to Oslo to hold talks with him``: the
    event of a purpose infinitive (by the parse, an ``advcl`` or ``xcomp`` with ``to``) of a verb of coming
    (``purpose_verbs``) takes place at the journey's destination (``[participants] purpose_at_destination``):
    the last place before the infinitive that a destination preposition governs."""
    lex, doc = index.lex, index.doc
    if not lex.frames.get("participants", {}).get("purpose_at_destination") or not doc.has_annotation("DEP"):
        return None
    verb = _governing_verb(index, i) if is_noun else i
    if verb is None:
        return None
    tok = doc[verb]
    marks = lex.words("participants", "purpose_of_meeting")
    if tok.dep_ not in {"advcl", "xcomp"} or not any(c.dep_ == "aux" and c.lower_ in marks for c in tok.children):
        return None
    head = tok.head
    if head.lower_ not in lex.purpose_verbs or head.i >= verb:
        return None
    destinations = lex.words("places", "destinations")
    found = [
        m
        for m in index.clause_mentions(index.clause_of[head.i])
        if m.role == "place"
        and head.i < m.tstart < verb
        and any(doc[j].text.lower() in destinations for j in range(max(head.i, m.tstart - 3), m.tstart))
    ]
    return found[-1] if found else None


def _reason_for_praise(index: DocIndex, i: int) -> bool:
    """English ``Aliyev thanked Trump for his mediation``, ``praised Qatar for its hosting of the talks``: an
    event noun in the ``for`` phrase of a verb of thanks or praise (``[participants] praise_verbs``) is
    what the praise is for; its parties are not the clause's (the one thanked took part, the thanker may not)."""
    verbs = index.lex.words("participants", "praise_verbs")
    if not verbs:
        return False
    doc = index.doc
    j = i - 1
    while j >= 0 and i - j <= 5 and doc[j].pos_ in {"ADJ", "ADV", "NUM", "DET", "PRON"}:
        j -= 1  # ``for his mediation``: past the possessive too
    if j < 0 or doc[j].text.lower() != "for":
        return False
    clause = index.clauses[index.clause_of[i]]
    return any(doc[j].text.lower() in verbs for j in clause.tokens if j < i)


def _measure_of(index: DocIndex, i: int, measures: frozenset[str]) -> bool:
    """Whether a noun trigger stands in ``<measure> of`` (``five days of joint patrols``, ``a series of
    joint drills``): how long or how many of the event, not its topic (``talks of joint patrols``)."""
    if not measures:
        return False
    doc = index.doc
    for j in range(i - 1, max(0, i - 4), -1):
        if doc[j].text.lower() == "of":
            return doc[j - 1].text.lower() in measures
    return False


def _object_controller(index: DocIndex, clause: Clause, i: int) -> int | None:
    """The position of a verb of ``[participants] object_control`` (``invited``, ``urged``) whose object
    is the subject of the infinitive trigger at ``i`` (``invited Kim to visit Moscow``), or None."""
    verbs = index.lex.words("participants", "object_control")
    marks = index.lex.words("participants", "verb_partners")
    doc = index.doc
    if not verbs or i == 0 or doc[i - 1].text.lower() not in marks:
        return None
    return next((j for j in reversed(clause.tokens) if j < i - 1 and doc[j].text.lower() in verbs), None)


def _last_pair(index: DocIndex, i: int, told: list[EventMention]) -> list[MentionRef]:
    """``The two leaders last met in June``: the two people of the two-person event told most often before,
    when the sentences just before name no two people (``[groups] pair_from_last_event``).

    Only for a group of two (``[groups] two``) in the trigger's clause without a party noun (``the two
    countries`` are states, resolved by :func:`group_members`).
    """
    lex = index.lex
    if not lex.frames.get("groups", {}).get("pair_from_last_event"):
        return []
    clause = index.clauses[index.clause_of[i]]
    words = {index.doc[j].text.lower() for j in clause.tokens if j < i}
    if not words & lex.words("groups", "two") or words & lex.words("groups", "party_nouns"):
        return []
    pairs = _told_pairs(index, i, told)
    if not pairs:
        return []
    # the pair the text tells of most often (the story's two leaders, not the monarch one of them also
    # met); among pairs told as often, the first (the lead's)
    return max(pairs.values(), key=lambda v: (v[0], -v[1]))[2]


def _told_pairs(
    index: DocIndex, i: int, told: list[EventMention]
) -> dict[frozenset[str], tuple[int, int, list[MentionRef]]]:
    """The two-person events told before ``i`` (outside quotes), by pair: (mentions, first, the people)."""
    refs = {m.id: m for m in index.mentions if m.tstart < i}
    pairs: dict[frozenset[str], tuple[int, int, list[MentionRef]]] = {}
    for n, m in enumerate(told):
        people = [refs[p] for p in dict.fromkeys(m.participants) if p in refs and refs[p].type == "PER"]
        if len(people) == 2 and len(set(m.participants)) == 2 and not m.quote:
            key = frozenset(m.participants)
            count, first, _ = pairs.get(key, (0, n, people))
            pairs[key] = (count + 1, first, people)
    return pairs


def _story_pair(index: DocIndex, i: int, parts: list[MentionRef], told: list[EventMention]) -> list[MentionRef]:
    """``The two leaders discussed Ukraine`` after a sentence that names another pair in passing (``where he
    met Macron``): the pair the story tells of more often, where the group resolved to two people told
    of less (``[groups] pair_from_last_event``); else ``parts`` unchanged."""
    if len(parts) != 2 or not all(m.type == "PER" for m in parts):
        return parts
    lex = index.lex
    if not lex.frames.get("groups", {}).get("pair_from_last_event"):
        return parts
    clause = index.clauses[index.clause_of[i]]
    words = {index.doc[j].text.lower() for j in clause.tokens if j < i}
    if not words & lex.words("groups", "two") or words & lex.words("groups", "party_nouns"):
        return parts
    if any(m.tstart >= clause.start and m.tstart < i and m.clause == clause.id for m in parts):
        return parts  # the clause names them itself
    pairs = _told_pairs(index, i, told)
    if not pairs:
        return parts
    count, _, best = max(pairs.values(), key=lambda v: (v[0], -v[1]))
    own = pairs.get(frozenset(m.id for m in parts), (0, 0, parts))[0]
    return best if count >= 2 and count > own else parts


def _earlier_parties(index: DocIndex, i: int, trig: Trigger, told: list[EventMention]) -> list[MentionRef]:
    """``The previous round, held in Moscow last month``: the parties of the talks the report is about,
    the first mention of the trigger's type (talks) told before with two parties or more, else of its
    family (a meeting), outside quotes. The first, not the latest: a later sentence adds a mediator or
    the delegates (``with Qatar acting as mediator``, ``their ministers each met Z``), the headline and
    lead name the sides."""
    refs = {m.id: m for m in index.mentions if m.tstart < i}
    for same in (lambda t: t == trig.type, lambda t: family_group(t) == family_group(trig.type)):
        for m in told:
            if m.quote or not same(m.type):
                continue
            parties = [refs[p] for p in dict.fromkeys(m.participants) if p in refs]
            if len(parties) >= 2:
                return parties
    return []


def _indefinite_setting(index: DocIndex, i: int) -> bool:
    """``told Erdogan in a phone call``, ``said in a meeting with Xi``: a preposition of
    ``[participants] indefinite_setting`` with an indefinite article, up to three words before a noun
    trigger, makes it the setting of the clause (``blackmail in the negotiations`` names one told elsewhere)."""
    words = index.lex.words("participants", "indefinite_setting")
    if not words:
        return False
    doc, articles = index.doc, index.lex.words("participants", "indefinite")
    for j in range(i - 2, max(-1, i - 8), -1):  # ``on a three-day state visit``: past the noun's modifiers
        if doc[j + 1].pos_ in {"VERB", "AUX", "ADP"} or (doc[j + 1].is_punct and doc[j + 1].text != "-"):
            return False
        if doc[j].text.lower() in words and doc[j + 1].text.lower() in articles:
            return True
    return False


def _clause_names_thing(index: DocIndex, clause_id: int, things: frozenset[str]) -> bool:
    """Whether a word of the clause is one of ``things``: whole words, and in languages that write
    compounds as one word (nouns capitalised) also by a compound's head (``Haushaltsgesetz``)."""
    compounds = not index.lex.nouns_any_case
    for k in index.clauses[clause_id].tokens:
        low = index.doc[k].text.lower()
        if low in things or (compounds and index.doc[k].text[:1].isupper() and low.endswith(tuple(things))):
            return True
    return False


def _object_is(index: DocIndex, clause_id: int, verb: int, types: frozenset[str]) -> bool:
    """Whether the first name after the verb in its clause (its object or passive agent) has one of ``types``.

    Names that only qualify an office (``U.S. Secretary of State Antony Blinken``) and places are
    skipped: the person after them is the object.
    """
    doc = index.doc
    if _agent_preposition(index, verb) is not None:
        return True  # ``a lunch hosted by X``: a passive, its guest is not after the verb
    if (
        "PER" in types
        and verb + 1 < len(doc)
        and doc[verb + 1].text.lower() in index.lex.words("participants", "pronouns_object")
        and doc[verb + 1].tag_ != "PRP$"  # ``welcomed her plans``: a possessive, no guest
    ):
        return True  # ``Crown Prince Mohammed bin Salman received him``: a person, whom the text named before
    clause = index.clauses[clause_id]
    if clause.opener in index.lex.words("clauses", "object_relatives") and any(
        m.type in types for m in antecedent_actors(index, clause)
    ):
        return True  # ``William Ruto, whom Xi received in Beijing``: the antecedent is the guest
    noun_free = bool(index.lex.frames.get("participants", {}).get("object_noun_free"))
    for m in index.clause_mentions(clause_id):
        if m.tstart < verb and m.type in types and m.role == "actor" and _parsed_object(doc, m, verb):
            # German puts the verb last: ``hat den japanischen Kaiser Naruhito ... begrüßt`` (the parser's object)
            return True
    for m in index.clause_mentions(clause_id):
        if m.tstart > verb and m.role not in {"affiliation", "place"}:
            if noun_free and any(
                doc[j].pos_ == "NOUN" and not office_stem(doc[j].text, index.lex) for j in range(verb + 1, m.tstart)
            ):
                # ``begrüßte in einer Erklärung die Gespräche zwischen Patruschew und Sullivan``: a name
                # behind a noun belongs to that noun; the verb's object is the thing
                return False
            # the direct object, not a name after a preposition (``received a call from Biden``)
            return m.type in types and m.role == "actor"
    return False


def _parsed_object(doc: Doc, m: MentionRef, verb: int) -> bool:
    """Whether a token of the name is the parser's direct object of the verb or of its auxiliary."""
    heads = {verb, *(c.i for c in doc[verb].children if c.dep_ == "aux")}
    return any(doc[j].dep_ in {"obj", "dobj"} and doc[j].head.i in heads for j in range(m.tstart, m.tend))


def _shared_subject(index: DocIndex, clause: Clause) -> MentionRef | None:
    """The subject a coordinated verb phrase shares: the first person or organisation acting in the
    sentence's first main clause (English puts the subject first)."""
    for c in index.clauses[: clause.id]:
        if c.segment != clause.segment or c.depth != 0:
            continue
        for m in index.clause_mentions(c.id):
            if m.role == "actor" and m.type in {"PER", "ORG"}:
                return m
        return None
    return None


def _shared_subjects(index: DocIndex, clause: Clause) -> list[MentionRef]:
    """The whole subject a coordinated verb phrase shares (``Duval and Marchenko met in Kyiv and agreed``:
    both agree; ``China and Russia held talks and signed``): the first person, organisation or state
    acting in the sentence's first main clause and the names coordinated with it (each joined to the
    one before by a coordinator or comma only)."""
    doc = index.doc
    coord = index.lex.words("participants", "coordinators")
    kinds = {"PER", "ORG", "LOC"}
    for c in index.clauses[: clause.id]:
        if c.segment != clause.segment or c.depth != 0:
            continue
        mentions = [m for m in index.clause_mentions(c.id) if m.tstart < clause.start]
        first = next((m for m in mentions if m.role == "actor" and m.type in kinds), None)
        if first is None:
            return []
        out = [first]
        for m in mentions:
            if m.tstart < out[-1].tend:
                continue
            between = [doc[j].text.lower() for j in range(out[-1].tend, m.tstart)]
            if not between or not all(w in coord for w in between) or m.role != "actor" or m.type not in kinds:
                break
            out.append(m)
        return out
    return []


def _reporting_tail(index: DocIndex, clause_id: int, trig: int) -> set[int]:
    """The tokens of a trailing reporting clause (``, the White House announced Tuesday.``), if any.

    Only the part after the clause's last comma, after the trigger, that holds one of
    ``reporting_tail_verbs`` and no trigger; its names relay the event and do not take part.
    """
    verbs = index.lex.words("clauses", "reporting_tail_verbs")
    if not verbs:
        return set()
    doc = index.doc
    toks = index.clauses[clause_id].tokens
    # a comma that ends the clause (``, the State Department said, as Washington pressed ...``: the
    # subordinate clause after it is a clause of its own) opens no tail
    commas = [p for p, j in enumerate(toks) if doc[j].text == "," and j > trig and p + 1 < len(toks)]
    if not commas:
        return set()
    tail = toks[commas[-1] + 1 :]
    if any(j in index.trigger_set() for j in tail) or not any(doc[j].text.lower() in verbs for j in tail):
        tail = []
    found = set(tail)
    inserted = int(index.lex.frames.get("clauses", {}).get("inserted_reporting_max", 0))
    for a, b in pairwise(commas):
        # ``X and Y spoke by video link on Friday, the Kremlin said, days after ...``: a short reporting
        # clause between two commas relays the event as well
        part = toks[a + 1 : b]
        if (
            0 < len(part) <= inserted
            and not any(j in index.trigger_set() for j in part)
            and any(doc[j].text.lower() in verbs for j in part)
        ):
            found.update(part)
    return found


def _setting_body(index: DocIndex, clause_id: int, verb: int) -> MentionRef | None:
    """``will meet at the G7 summit``: the body whose summit is the setting of a verb trigger.

    A name right before a noun trigger of one of ``body_events`` (English writes ``the NATO summit``
    apart) in a setting phrase (``setting`` words up to three words before the name) after the verb
    takes part as the body that meets; the entity layer calls it no actor, being inside a PP.
    """
    lex, doc = index.lex, index.doc
    kinds = lex.words("participants", "body_events")
    if not kinds:
        return None
    setting = lex.words("participants", "setting")
    for t in index.triggers_in_clause(clause_id):
        if t <= verb or index.clause_of[t] != clause_id:
            continue
        noun = lex.noun_trigger(doc[t])
        m = index.ending_at(t)
        if noun is None or noun.type not in kinds or m is None or m.type != "ORG" or m.role == "place":
            continue
        if any(doc[j].text.lower() in setting for j in range(max(0, m.tstart - 3), m.tstart)):
            return m
    return None


def _governing_verb(index: DocIndex, i: int, reach: int = 3) -> int | None:
    """The verb a noun at ``i`` depends on by the parse, as its object or through a preposition or two
    (``cancelled a meeting``, ``held talks``, ``agreed on a deal``); None without the parser or a verb."""
    doc = index.doc
    if not doc.has_annotation("DEP"):
        return None
    tok = doc[i]
    for _ in range(reach):
        if tok.dep_ not in {"dobj", "pobj", "prep", "attr"} or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            return tok.i
    return None


def _purpose_of_present_journey(index: DocIndex, i: int, trig: Trigger) -> bool:
    """English ``Osei heads to Oslo for talks with Lindqvist``, ``Zelenskiy arrives in Washington to meet
    Biden``: the event a journey told in the present (a verb of ``[planned] present_journey_verbs`` with a
    present tag, ``present_journey_tags``; a headline's or a schedule's present) is for lies ahead of it: a
    ``for`` phrase of the clause (``[purpose_verbs] prepositions``) or, by the parse, a ``to`` infinitive of
    the verb. The journey itself is the visit its own trigger reports."""
    spec = index.lex.status.get("planned", {})
    verbs = frozenset(spec.get("present_journey_verbs", []))
    tags = frozenset(spec.get("present_journey_tags", []))
    doc = index.doc
    if not verbs or not tags or family_group(trig.type) == "visit":
        return False

    misread = frozenset(spec.get("present_journey_misread_tags", []))

    def journey(tok_i: int) -> bool:
        tok = doc[tok_i]
        if tok.lower_ not in verbs:
            return False
        # a headline without its full stop: the tagger may read ``heads`` after the name as a plural noun
        return tok.tag_ in tags or (tok.tag_ in misread and tok_i > 0 and doc[tok_i - 1].tag_ == "NNP")

    if trig.is_noun and _preposition_phrase_start(index, i) in index.lex.purpose_prepositions:
        clause = index.clauses[index.clause_of[i]]
        return any(journey(j) for j in clause.tokens if j < i)
    if not doc.has_annotation("DEP"):
        return False
    verb = _governing_verb(index, i) if trig.is_noun else i
    if verb is None or doc[verb].dep_ not in {"advcl", "xcomp"}:
        return False
    marks = index.lex.words("participants", "purpose_of_meeting")
    return any(c.dep_ == "aux" and c.lower_ in marks for c in doc[verb].children) and journey(doc[verb].head.i)


def _governing_subject(index: DocIndex, i: int) -> MentionRef | None:
    """By the parse, the person a noun at ``i`` (in a prepositional phrase) is said of: the subject (``nsubj``)
    of the verb the phrase goes with (``On his visit to Vietnam, Widodo met Pham``), or the person the phrase
    itself modifies (``Widodo, on his third visit to Vietnam, met Pham``); None without one."""
    doc = index.doc
    if not doc.has_annotation("DEP"):
        return None
    people = [m for m in index.mentions if m.type == "PER" and m.role == "actor"]
    tok = doc[i]
    for _ in range(3):
        if tok.dep_ not in {"pobj", "prep"} or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "PROPN":
            return next((m for m in people if m.tstart <= tok.i < m.tend), None)
        if tok.pos_ in {"VERB", "AUX"}:
            subject = {t.i for c in tok.children if c.dep_ == "nsubj" for t in c.subtree}
            return next((m for m in people if m.tstart in subject), None)
    return None


def _progressive_arrangement(index: DocIndex, i: int, trig: Trigger, reference: str | None) -> bool:
    """English ``Osei is meeting Lindqvist in Bergen on Thursday``: a present progressive (``[planned]
    progressive_auxiliaries`` before the ``-ing`` form of the trigger, or of the verb a noun trigger is the
    object of: ``are holding talks on Friday``) with a time in its clause that is no present moment
    (``[planned] progressive_now``) tells an arrangement still to come. Only where no reference date
    dates the time (with one, the time's value decides)."""
    spec = index.lex.status.get("planned", {})
    auxiliaries = frozenset(spec.get("progressive_auxiliaries", []))
    doc = index.doc
    if reference or not auxiliaries or not doc.has_annotation("DEP"):
        return False
    verb = _governing_verb(index, i) if trig.is_noun else i
    if verb is None or doc[verb].tag_ != "VBG":
        return False
    if not any(c.dep_ == "aux" and c.lower_ in auxiliaries for c in doc[verb].children):
        return False
    now = frozenset(spec.get("progressive_now", []))
    clause = index.clause_of[verb]
    times = [
        t
        for t in doc._.times or []
        if index.clause_of[_tok_of(doc, t.start)] == clause and not t.inside_quote and t.type in {"DATE", "TIME"}
    ]
    return bool(times) and not any(w in now for t in times for w in t.text.lower().split())


def _passive_agents(index: DocIndex, verb: int) -> list[MentionRef]:
    """``was received by Xi``, ``was signed by Scholz and Macron``: the agents of a passive verb.

    The entity layer's roles call a name after a preposition no actor; after a passive auxiliary
    (``passive_auxiliaries``, up to two words before the verb) the names right after the agent
    preposition (``passive_agent``) are the other parties.
    """
    doc, lex = index.doc, index.lex
    aux = lex.words("participants", "passive_auxiliaries")
    fronted = lex.words("participants", "passive_agent_before_verb")
    if fronted and aux:
        # German puts the agent before the participle (``wurde am Samstag von Trump empfangen``): in a
        # passive clause, the names after the agent preposition before the verb
        clause = index.clause_of[verb]
        toks = [j for j in index.clauses[clause].tokens if j < verb]
        if any(doc[j].text.lower() in aux for j in toks) and not any(
            doc[j].text.lower() in lex.words("participants", "perfect_auxiliaries") for j in toks
        ):
            for j in toks:
                if doc[j].text.lower() in fronted:
                    return [m for m in _names_after(index, j + 1, clause) if m.tstart < verb]
        return []
    by = _agent_preposition(index, verb)
    if not aux or by is None:
        return []
    if not any(doc[j].text.lower() in aux for j in range(max(0, verb - 2), verb)):
        return []
    return _names_after(index, by + 1, index.clause_of[verb])


def _agent_preposition(index: DocIndex, verb: int) -> int | None:
    """The agent preposition of a passive verb (``passive_agent``): right after it (``hosted by X``),
    or, with the parser, the verb's agent (``passive_agent_deps``) of the same clause past a place or
    time between (``was received at State House by President Hassan``, ``was welcomed in Beijing on
    Tuesday by Li Qiang``)."""
    doc, lex = index.doc, index.lex
    agent = lex.words("participants", "passive_agent")
    if verb + 1 < len(doc) and doc[verb + 1].text.lower() in agent:
        return verb + 1
    deps = lex.words("participants", "passive_agent_deps")
    if not deps or not doc.has_annotation("DEP"):
        return None
    for child in doc[verb].rights:
        if child.dep_ in deps and child.text.lower() in agent and index.clause_of[child.i] == index.clause_of[verb]:
            return child.i
    return None


def _verb_partners(index: DocIndex, verb: int) -> list[MentionRef]:
    """``spoke to Macron``, ``talked to Biden by phone``: the names after a partner word right after the verb.

    The words are ``verb_partners`` (English ``to``); a destination (``travelled to Beijing``) is a
    place, not a partner.
    """
    doc = index.doc
    if verb + 1 >= len(doc) or doc[verb + 1].text.lower() not in index.lex.words("participants", "verb_partners"):
        return []
    return _names_after(index, verb + 2, index.clause_of[verb])


def _names_after(index: DocIndex, start: int, clause_id: int) -> list[MentionRef]:
    """The coordinated names from ``start`` on (after determiners and offices), not places."""
    doc, lex = index.doc, index.lex
    determiners = lex.words("participants", "determiners")
    coordinators = lex.words("participants", "coordinators")
    out: list[MentionRef] = []
    j = start
    while j < len(doc) and index.clause_of[j] == clause_id and j < start + 12:
        m = index.starting_at(j)
        if m is not None:
            if m.type in {"PER", "ORG", "LOC"} and m.role != "place":
                out.append(m)
            j = m.tend
            continue
        low = doc[j].text.lower()
        if low in determiners or low in coordinators or office_stem(doc[j].text, lex):
            j += 1
            continue
        if doc[j].text[:1].isupper() and not out:
            j += 1  # ``by Argentine President X``: a nationality or title before the name
            continue
        break
    return out


def _local_window(index: DocIndex, i: int, width: int = 3) -> list[int]:
    """The words right before a noun trigger (its modifiers and the noun governing it)."""
    out = []
    j = i - 1
    own = index.ending_at(i) if index.lex.frames.get("participants", {}).get("place_modifiers") else None
    if own is not None and own.tstart < i:
        # English writes a name apart before the noun (``the planned APEC summit``): the window reaches past it
        width += i - own.tstart
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


def _support_relative(index: DocIndex, i: int) -> int | None:
    """The relative clause right after a noun trigger whose support verb tells the event itself.

    ``die Gespräche, die Witkoff am 6. August im Kreml mit Putin geführt habe``: who held the talks,
    where, when and whether they happened are said in the relative clause, not in the main clause
    that mentions them (``werde man an die Gespräche anknüpfen``).
    """
    doc, lex = index.doc, index.lex
    comma = i + 1
    while comma < min(i + 4, len(doc)) and doc[comma].text != ",":
        if doc[comma].pos_ not in {"VERB", "AUX", "PART"}:
            return None  # only the clause's final verb may stand between (``an die Gespräche anknüpfen, die``)
        comma += 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    k = index.clause_of[comma + 1]
    if k < 0 or k == index.clause_of[i]:
        return None
    clause = index.clauses[k]
    if clause.opener not in lex.words("clauses", "relative_pronouns") or clause.start != comma + 1:
        return None
    if not any(doc[j].text.lower() in lex.support_verbs for j in clause.tokens):
        return None
    return k


def _host_relative(index: DocIndex, i: int) -> list[MentionRef]:
    """The hosts a relative clause after a noun trigger names (``ein Treffen der Koalition, zu dem Merz
    eingeladen hatte``, ``the summit, which Macron hosted``): the actors of the next clause of the
    sentence when it is relative (opened by a relative pronoun, or a preposition and one) and has a
    host verb (``[participants] host_verbs``), with no other trigger between."""
    doc, lex = index.doc, index.lex
    verbs = lex.words("participants", "host_verbs")
    rel = lex.words("clauses", "relative_pronouns")
    own = index.clause_of[i]
    if not verbs or own < 0 or own + 1 >= len(index.clauses):
        return []
    nxt = index.clauses[own + 1]
    if nxt.segment != index.clauses[own].segment or nxt.start <= i:
        return []
    first = doc[nxt.start]
    second = doc[nxt.start + 1] if nxt.start + 1 < len(doc) else None
    relative = first.text.lower() in rel or (first.pos_ == "ADP" and second is not None and second.text.lower() in rel)
    if not relative or not any(doc[j].text.lower() in verbs for j in nxt.tokens):
        return []
    if any(i < t < nxt.start for t in index.triggers):
        return []
    return [m for m in clause_actors(index, nxt.id, exclude_quote=True, trig=i) if m.type in {"PER", "ORG"}]


def _participants(
    index: DocIndex, i: int, trig: Trigger
) -> tuple[list[MentionRef], bool, MentionRef | None, int, bool]:
    """(participants, weak, place, precision, body) of the trigger at token ``i`` according to its frame."""
    if trig.frame == "session":
        members = session_bodies(index, i)
        return members, False, place_of(index, index.clause_of[i], i), 2, bool(members)
    parts, weak, place, precision = _frame_participants(index, i, trig)
    scope = _adverbial_scope(index, i)
    if scope is not None:
        # ``..., days after Putin held a phone call with Trump``: an adverbial clause with a named subject of
        # its own tells its own event; the names of the clause it depends on take no part in it. A group
        # subject (``three days after the two ministers met in Kyiv``) stands for the people named there:
        # only their body (the sideline's OSCE) takes no part
        start, end, named = scope
        inside = {m.id for m in index.mentions if start <= m.tstart <= end}
        parts = [m for m in parts if m.id in inside or (not named and m.type == "PER")]
    rel = _support_relative(index, i) if trig.is_noun else None
    if rel is not None:
        told = [m for m in clause_actors(index, rel, exclude_quote=True, trig=i)]
        if len(_unique(told)) >= 2:
            parts, weak, precision = told, False, 2
            place = place_of(index, rel, index.clauses[rel].start) or place
    if trig.is_noun:
        # ``an einem Treffen teilgenommen, zu dem Merz eingeladen hatte``: the host takes part
        have = {m.id for m in parts}
        parts = parts + [m for m in _host_relative(index, i) if m.id not in have]
    lone_leg = weak and trig.is_noun and trig.needs_destination and len(parts) == 1  # see _side_trips
    if (
        trig.type == "visit"
        and parts
        and not lone_leg
        and not any(m.type in {"PER", "ORG"} or m.via_office for m in parts)
    ):
        return [], False, place, 0, False  # a visit needs a visitor (``Besuch des Raumfahrtbahnhofs`` is none)
    doc = index.doc
    excluding = index.lex.words("participants", "excluding")
    if excluding:
        # ``mit allen Parteien, außer mit der Linkspartei``: the one left out takes no part
        parts = [m for m in parts if not _left_out(doc, m.tstart, excluding)]
    body = weak and bool(parts) and all(m.via_office for m in parts)
    if (
        trig.type == "summit"
        and len(parts) == 1
        and parts[0].type == "ORG"
        and not parts[0].inside_token
        and i + 1 < len(doc)
        and doc[i + 1].text.lower() in index.lex.words("participants", "genitive")
    ):
        body = True  # ``der Gipfel der G20``: the body's summit, its members unnamed
    if (
        trig.is_noun
        and family_group(trig.type) in {"summit", "meeting"}
        and len(parts) == 1
        and parts[0].type == "ORG"
        and parts[0].inside_token
        and parts[0].tstart == i
    ):
        # ``der EU-Gipfel``, ``das Nato-Außenministertreffen``: the body's own meeting, named by the word
        body, weak, precision = True, False, max(precision, 1)
    return parts, weak, place, precision, body


def _accession_parties(index: DocIndex, i: int, local: list[int], parts: list[MentionRef]) -> list[MentionRef]:
    """``EU-Kommission empfiehlt Beitrittsverhandlungen mit Island``: accession talks are held by the
    union the candidate joins, whichever of its organs recommends or opens them; an organ among the
    parties (``[participants] union_organs``) stands for its union where the text names the union."""
    frames = index.lex.frames.get("participants", {})
    words = tuple(frames.get("accession_words", []))
    organs: dict[str, str] = frames.get("union_organs", {})
    doc = index.doc
    if not words or not organs or not any(w in doc[j].lower_ for j in [i, *local] for w in words):
        return parts
    known = index.by_kb_id()
    out: list[MentionRef] = []
    for m in parts:
        union = known.get(organs.get(m.entity.kb_id or "", ""))
        ref = union if union is not None else m
        if all(ref.id != x.id for x in out):
            out.append(ref)
    return out


def _tense_tag(index: DocIndex, i: int, trig: Trigger) -> str:
    """The tagger's tag of the verb that tells when the trigger at ``i`` happens: the trigger's own for a
    verb; for a noun, the support verb it is the object of (``held talks``, not ``expected a deal``) or the
    verb whose means it names (``spoke by phone``, ``[context] means_prepositions``), else none."""
    tok = index.doc[i]
    if not trig.is_noun:
        return tok.tag_
    head = tok.head
    measures = index.lex.words("participants", "topic_only_measures")
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in measures and head.head.dep_ == "dobj":
        # ``launched ten days of war games``: the measure is the support verb's object, the noun its event
        tok, head = head.head, head.head.head
    if tok.dep_ == "dobj" and head.pos_ == "VERB" and head.lower_ in index.lex.support_verbs:
        return head.tag_
    means = index.lex.words("context", "means_prepositions")
    if tok.dep_ == "pobj" and head.lower_ in means and head.head.pos_ == "VERB":
        return head.head.tag_
    setting = index.lex.words("participants", "setting")
    if tok.dep_ == "pobj" and head.lower_ in setting and head.head.pos_ == "VERB" and head.head.i < head.i:
        # ``pledged to deepen cooperation at a meeting in Harbin``: the setting is told in the tense of the
        # verb it belongs to (the pledge is to come; the meeting it was made at took place); the parser
        # may hang it on the infinitive, whose governing verb tells the tense
        verb = head.head
        while verb.dep_ == "xcomp" and verb.tag_ == "VB" and verb.head.i < verb.i:
            verb = verb.head
        return verb.tag_
    return ""


def _adverbial_scope(index: DocIndex, i: int) -> tuple[int, int, bool] | None:
    """(first, last token, named) of the adverbial clause (parser ``advcl``) that holds the trigger at ``i``
    and has a subject of its own: a proper noun (``days after Putin held a phone call with Trump``, named)
    or a group (``after the two ministers met``, not named); ``None`` for others. English, with the
    parser (``[participants] adverbial_scope``)."""
    if not index.lex.frames.get("participants", {}).get("adverbial_scope"):
        return None
    tok = index.doc[i]
    steps = 0
    while tok.head.i != tok.i and steps < 8:
        if tok.dep_ == "advcl":
            subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
            two = index.lex.words("groups", "two")
            if subjects and subjects[0].pos_ == "PROPN":
                return tok.left_edge.i, tok.right_edge.i, True
            if subjects and any(c.lower_ in two for c in subjects[0].children):
                return tok.left_edge.i, tok.right_edge.i, False
            return None
        tok = tok.head
        steps += 1
    return None


def _in_other_subordinate(index: DocIndex, m: MentionRef, i: int) -> bool:
    """Whether the name ``m`` stands in a subordinate clause of the trigger's sentence that does not hold
    the verb trigger at ``i`` (English, with the parser: ``[participants] subordinate_deps``).

    ``Japan, Philippines agree to deepen defence ties as Marcos visits Tokyo``: Marcos is the visit's,
    not a party of the agreement; the clause splitter needs a comma to see that clause, the parser does not.
    """
    deps = index.lex.words("participants", "subordinate_deps")
    if not deps or m.tstart >= len(index.doc):
        return False
    doc = index.doc
    tok = doc[m.tstart]
    if tok.sent.start != doc[i].sent.start:
        return False  # a name taken up from another sentence (a pronoun's antecedent)
    steps = 0
    while tok.head.i != tok.i and steps < 30:
        if tok.dep_ in deps and not (tok.left_edge.i <= i <= tok.right_edge.i):
            return True
        tok = tok.head
        steps += 1
    return False


def _reporting_speaker(index: DocIndex, i: int) -> frozenset[int]:
    """The tokens of the subject of a reporting verb whose complement holds the verb trigger at ``i``
    and names its own subject (not a pronoun, which may be the speaker: ``Trump said he would meet
    Putin``); empty where there is none. English, with the parser (``[participants]
    reporting_complement_speaker``, the verbs of ``[clauses] reporting_tail_verbs``)."""
    lex = index.lex
    if not lex.frames.get("participants", {}).get("reporting_complement_speaker"):
        return frozenset()
    verbs = lex.words("clauses", "reporting_tail_verbs")
    tok = index.doc[i]
    steps = 0
    while tok.dep_ in {"xcomp", "ccomp", "conj"} and steps < 4:
        if tok.dep_ == "ccomp" and tok.head.lower_ in verbs:
            own = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not own or own[0].pos_ == "PRON":
                return frozenset()
            speakers = [c for c in tok.head.children if c.dep_ == "nsubj" and c.i < tok.head.i]
            return frozenset(t.i for c in speakers for t in c.subtree)
        tok = tok.head
        steps += 1
    return frozenset()


def _complement_subject(index: DocIndex, i: int) -> frozenset[int]:
    """The tokens of the own subject of the reported complement that holds the verb at ``i`` (the way
    :func:`_reporting_speaker` walks up to it); empty where there is none."""
    verbs = index.lex.words("clauses", "reporting_tail_verbs")
    tok = index.doc[i]
    steps = 0
    while tok.dep_ in {"xcomp", "ccomp", "conj"} and steps < 4:
        if tok.dep_ == "ccomp" and tok.head.lower_ in verbs:
            return frozenset(t.i for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree)
        tok = tok.head
        steps += 1
    return frozenset()


def _with_partner(index: DocIndex, i: int) -> list[MentionRef]:
    """The person after a partner word (``with``) that depends on the verb at ``i``, by the parse: the
    preposition's object, or the name in apposition to it (``with Azerbaijan's deputy foreign minister,
    Farid Huseynov``)."""
    doc = index.doc
    partner = index.lex.words("participants", "partner")
    for prep in doc[i].children:
        if prep.lower_ not in partner:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for tok in [obj, *(c for c in obj.children if c.dep_ == "appos")]:
                m = index.covering(tok.i)
                if m is not None and m.type in {"PER", "ORG"} and m.role != "place":
                    return [m]
    return []


def _sideline_span(index: DocIndex, clause: Clause, i: int) -> set[int]:
    """The tokens of a sideline phrase in the clause of the verb at ``i`` (``am Rande eines Treffens der
    SCO``: the sideline word and up to eight words after it, to a verb or punctuation)."""
    words = index.lex.words("participants", "sideline")
    doc = index.doc
    out: set[int] = set()
    for j in clause.tokens:
        if j == i or doc[j].text.lower() not in words:
            continue
        for k in range(j + 1, min(j + 9, clause.end)):
            if k == i or doc[k].is_punct or doc[k].pos_ in {"VERB", "AUX"}:
                break
            out.add(k)
    return out


def _sideline_after(index: DocIndex, clause: Clause, i: int) -> int | None:
    """The position of a sideline word (``sidelines``, ``margins``) after the verb trigger at ``i`` in its
    clause, where the language writes the setting after the verb (``[participants]
    sideline_after_verb``, English), or ``None``."""
    lex = index.lex
    if not lex.frames.get("participants", {}).get("sideline_after_verb"):
        return None
    words = lex.words("participants", "sideline")
    doc = index.doc
    return next((j for j in clause.tokens if j > i and doc[j].text.lower() in words), None)


def _gerund_main_verb(index: DocIndex, clause: Clause, i: int) -> int | None:
    """The finite verb of the clause before a gerund trigger after a time preposition, or ``None``.

    English (``[participants] gerund_openers``): in ``X met Y in Beijing before flying to Moscow`` the
    gerund has no subject of its own; its doer is the main clause's subject, which stands before the
    finite verb (``[clauses] finite_tags``) that comes before the gerund.
    """
    doc, lex = index.doc, index.lex
    openers = lex.words("participants", "gerund_openers")
    if not openers or i == 0 or doc[i].tag_ != "VBG" or doc[i - 1].text.lower() not in openers:
        return None
    finite = lex.words("clauses", "finite_tags")
    verbs = [j for j in clause.tokens if j < i - 1 and doc[j].tag_ in finite]
    return verbs[0] if verbs else None


def _left_out(doc: Doc, start: int, excluding: frozenset[str]) -> bool:
    """Whether an excluding word (``außer``, ``ohne``, ``except``) governs the name at ``start``, with
    at most prepositions and determiners between (``außer mit der Linkspartei``)."""
    for j in range(start - 1, max(-1, start - 4), -1):
        if doc[j].lower_ in excluding:
            return True
        if doc[j].pos_ not in {"ADP", "DET"}:
            return False
    return False


def _topic_span(index: DocIndex, clause: Clause) -> tuple[int, int] | None:
    """The tokens (exclusive bounds) where an impersonal topic clause names its topic (``ging es um das
    Abkommen zwischen der EU und Mercosur``): from its preposition to the next comma or the clause's
    end; the names there were talked about, not present. None for other clauses."""
    lex = index.lex
    subjects, verbs = lex.words("participants", "topic_clause_subject"), lex.words("participants", "topic_clause_verbs")
    preps = lex.words("participants", "topic_clause_preposition")
    if not (subjects and verbs and preps):
        return None
    words = [(j, index.doc[j].text.lower()) for j in clause.tokens]
    if not any(w in subjects for _, w in words) or not any(w in verbs for _, w in words):
        return None
    start = next((j for j, w in words if w in preps), None)
    if start is None:
        return None
    end = next((j for j, w in words if j > start and w == ","), clause.tokens[-1] + 1)
    return start, end


def _frame_participants(
    index: DocIndex, i: int, trig: Trigger
) -> tuple[list[MentionRef], bool, MentionRef | None, int]:
    clause = index.clauses[index.clause_of[i]]
    lex = index.lex
    doc = index.doc
    in_quote = index.in_quote[i]
    actors = clause_actors(index, clause.id, exclude_quote=True, trig=i)
    tail = _reporting_tail(index, clause.id, i)
    actors = [m for m in actors if m.tstart not in tail]
    topic = _topic_span(index, clause)
    if topic is not None:
        actors = [m for m in actors if not topic[0] < m.tstart < topic[1]]
    place = place_of(index, clause.id, i, skip=frozenset(tail))
    if place is not None and topic is not None and topic[0] < place.tstart < topic[1]:
        place = None  # ``ging es um die Bahn zwischen Wien und Bratislava``: a topic, not where they met
    if place is not None and place.tstart in tail:
        place = None  # ``..., teilte das Außenministerium in Ankara mit``: where the source spoke, not the event
    if place is None and trig.is_noun and family_group(trig.type) not in {"visit", "phone_call"}:
        place = _purpose_destination(index, clause, i)
    if place is None and family_group(trig.type) not in {"visit", "phone_call"}:
        place = _purpose_infinitive_destination(index, i, trig.is_noun)
    weak = False
    if not trig.is_noun:
        # a commitment's other party is the object's partner (``committed to closer ties with Morocco``), and
        # so is a cooperation's (``shared intelligence with Belgium``)
        owned = _owned_by_nouns(
            index, clause.id, i, noun_partners=trig.frame != "commitment" and trig.type != "cooperation"
        )
        parts = [m for m in actors if m.id not in owned]
        if trig.object_is_topic:
            partner = lex.words("participants", "partner")
            parts = [
                m
                for m in parts
                if m.tstart < i or any(doc[j].text.lower() in partner for j in range(max(i, m.tstart - 3), m.tstart))
            ]
        if i + 1 < len(doc) and doc[i + 1].text.lower() in lex.words("participants", "coordinators") - {","}:
            # ``haben sich geeinigt und damit Neuwahlen abgewendet``: a second verb phrase follows
            parts = [m for m in parts if m.tstart < i]
        rel = lex.words("clauses", "relative_pronouns")
        if clause.opener in rel:
            parts = antecedent_actors(index, clause) + parts
        pron = pronoun_subject(index, clause)
        if pron is not None and not in_quote:
            parts = [pron, *parts]
        if pron is None and not in_quote and trig.frame in {"reciprocal", "transitive"}:
            both = plural_pronoun_subject(index, clause)  # ``hatten sie miteinander gesprochen``
            if both:
                pron = both[0]
                parts = [*both, *(m for m in parts if m.id not in {b.id for b in both})]
        if pron is None and clause.opener in lex.words("clauses", "coordinated_openers"):
            # ``Meloni spoke with Scholz, and will host him``: the second verb phrase shares the subject
            if lex.frames.get("clauses", {}).get("shared_subjects"):
                # English: the whole coordinated subject, states too (``China and Russia held talks and signed``)
                ids = {m.id for m in parts}
                shared_all = [m for m in _shared_subjects(index, clause) if m.id not in ids]
                if shared_all:
                    pron = shared_all[0]
                    parts = [*shared_all, *parts]
            else:
                shared = _shared_subject(index, clause)
                if shared is not None and shared.id not in {m.id for m in parts}:
                    pron = shared
                    parts = [shared, *parts]
        if pron is None and parts and not any(m.tstart < i for m in parts):
            # ``Taiwan's Vice Foreign Minister visited Russia``: an unnamed official's state is the party
            # that acts when no one else stands before the verb
            # (``Die Innenminister Frankreichs und Polens trafen ...``: each state of the coordination)
            states = [m for m in clause_affiliations(index, clause.id) if m.via_office and m.tstart < i]
            parts = [m for n, m in enumerate(states) if n == 0 or not _names_holder(index, m)] + parts
        controller = _object_controller(index, clause, i)
        if controller is not None:
            # ``Putin invited Kim to visit Moscow``: the invitee does what the infinitive tells
            parts = [m for m in parts if m.tstart > controller]
        parts = [m for m in parts if not _in_other_subordinate(index, m, i)]
        if trig.type in lex.words("participants", "partner_only_types"):
            # ``shared evidence with the U.S. about contacts between al Qaeda and ...``: after the verb,
            # only the partner after ``with`` cooperates; the rest is what is shared
            partner_words = lex.words("participants", "partner")
            parts = [
                m
                for m in parts
                if m.tstart < i
                or any(doc[j].text.lower() in partner_words for j in range(max(i, m.tstart - 3), m.tstart))
            ]
        speaker = _reporting_speaker(index, i) if trig.frame != "commitment" else frozenset()
        if speaker:
            # ``Ms Bruce said President Donald Trump hoped to visit Beijing``: who reports is no party of
            # what the complement, with a subject of its own, tells (a commitment is made by saying it:
            # ``the minister said Vietnam is committed to ...`` is the minister's)
            parts = [m for m in parts if m.tstart not in speaker]
        side = _sideline_after(index, clause, i)
        if side is not None:
            # English ``met X in Lima, on the sidelines of a summit of Pacific Rim nations``: the names
            # after the sideline word are the summit's, not the meeting's
            parts = [m for m in parts if m.tstart < side]
        verb = _gerund_main_verb(index, clause, i)
        if verb is not None:
            # ``Erdogan welcomed al-Sharaa to Ankara before travelling on to Doha``: the gerund's doer is
            # the main clause's subject, not its object
            parts = [m for m in parts if m.tstart < verb or m.tstart > i]
        for agent in _passive_agents(index, i) + _verb_partners(index, i):
            if agent.id not in {m.id for m in parts}:
                parts = [*parts, agent]
        if len(_unique(parts)) < 2 and not in_quote:
            # ``, wo ihn Xi empfing``: the object pronoun is the person the sentence before is about
            obj = pronoun_object(index, clause)
            if obj is not None and obj.id not in {m.id for m in parts}:
                parts = [*parts, obj]
        if len(_unique(parts)) < 2 and not in_quote:
            have = {m.id for m in parts}
            parts = [*(m for m in infinitive_controllers(index, clause, i) if m.id not in have), *parts]
        if (
            len(_unique(parts)) < 2
            and trig.frame == "reciprocal"
            and lex.frames.get("participants", {}).get("verb_partner_fallback")
        ):
            # English ``he had spoken by telephone with Azerbaijan's deputy foreign minister, Farid Huseynov``:
            # the office holder named in apposition after ``with`` is the partner
            have = {m.id for m in parts}
            parts = parts + [m for m in _with_partner(index, i) if m.id not in have and m.tstart not in tail]
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
            else:
                # ``Faeser traf die Innenminister Frankreichs und Polens``
                parts = parts + _unnamed_holders_states(index, clause.id, parts)
        if trig.frame == "invitation":
            return _invitation(index, clause, i, parts)
        body = _setting_body(index, clause.id, i)
        if body is not None and body.id not in {m.id for m in parts}:
            parts = [*parts, body]
        if trig.frame == "commitment":
            # ``offered to hand over ... to Great Britain``: the party an offer or promise is made to;
            # the first name after ``to`` counts although the entity layer's roles make it a place (not
            # one that another event noun in between claims: ``pledged ... at a meeting in Harbin``)
            dest = lex.words("places", "destinations")
            after = [
                m
                for m in index.clause_mentions(clause.id)
                if m.tstart > i
                and m.role == "place"
                and m.tstart not in tail
                and any(doc[j].text.lower() in dest for j in range(max(0, m.tstart - 2), m.tstart))
                and index.claims(i, m.tstart)
            ]
            parts = [*parts, *[m for m in after[:1] if m.id not in {p.id for p in parts}]]
            if place is not None and any(m.id == place.id for m in after[:1]):
                place = None  # the party the offer is made to is no place
            if pron is None and clause.opener not in rel and not any(m.tstart < i for m in parts):
                return [], False, None, 0  # the committing party stands before the verb
        if trig.frame == "visit" and trig.departure:
            # ``Kaum ist Blinken aus China abgereist``: leaving a place tells that the visit there took place
            origins = lex.words("places", "origins")
            left = [
                m
                for m in index.clause_mentions(clause.id)
                if m.type == "LOC" and m.tstart > 0 and doc[m.tstart - 1].text.lower() in origins
            ]
            # the traveller is named before the place left (``Am Dienstag reiste Scholz aus Kiew ab``)
            travellers = [m for m in parts if m.type in {"PER", "ORG"} and m.tstart < left[0].tstart] if left else []
            if not left or not travellers:
                return [], False, None, 0
            return [*travellers, left[0]], False, left[0], 2
        if trig.frame == "visit":
            dest = place_of(index, clause.id, i, destinations=True)
            if trig.needs_destination and dest is None:
                return [], False, None, 0
            if trig.needs_direction and (dest is None or not _directional(index, dest, governs=True)):
                return [], False, None, 0  # ``war es im Oval Office zum Streit gekommen``: a location, no direction
            if trig.needs_destination and not any(m.type in {"PER", "ORG"} or m.via_office for m in parts):
                return [], False, None, 0  # ``Mit Spannung wird der Teil im Oval Office erwartet``: no traveller
            if (
                trig.needs_destination
                and lex.frames.get("participants", {}).get("subject_first")
                and pron is None
                and clause.opener not in rel
                and not any(m.tstart < i for m in parts)
            ):
                return [], False, None, 0  # English ``troops arrived in X, officials said``: no named traveller
            if trig.needs_destination and lex.frames.get("participants", {}).get("subject_first"):
                # ``arrived in Washington and met Biden``: a motion verb's parties are its traveller and
                # its destination; names after it belong to what follows
                parts = [m for m in parts if m.tstart < i or m is pron]
            # a body named inside a word (``zu einem Treffen der G7-Außenminister``) is no one visited
            parts = [m for m in parts if not (m.inside_token and m.tstart > i)]
            hosts = [m for m in parts if m.tstart > i]
            if hosts and not any(m.tstart < i for m in parts) and pron is None and clause.opener not in rel:
                hosts = hosts[1:]  # ``reiste Selenskyj nach Paris``: the first name after the verb is its subject
            before = [m for m in parts if m.tstart < i]
            if not hosts and not trig.needs_destination and before and pron is None:
                # a participle at the end (``hat den Hersteller Tesla besucht``, ``hat Paris besucht``):
                # the object stands before the verb, after the subject; a bare place name there is
                # the place visited, not an affiliation
                preps = (
                    lex.words("places", "prepositions")
                    | lex.words("places", "destinations")
                    | lex.words("participants", "non_actor_prepositions")
                )
                coord = lex.words("participants", "coordinators") - {","}
                objects = [
                    m
                    for m in index.clause_mentions(clause.id)
                    if before[0].tend <= m.tstart < i
                    and m.id != before[0].id
                    and (m.role != "affiliation" or m.type == "LOC")
                    and doc[m.tstart - 1].text.lower() not in preps
                    # ``A und sein Kollege B besuchten ...``: a name coordinated with the subject is a
                    # second subject, not the one visited
                    and not any(doc[j].text.lower() in coord for j in range(before[0].tend, m.tstart))
                ]
                if objects:
                    hosts = objects
                    parts = [*parts, *(m for m in objects if m not in parts)]
            if place is None and len(hosts) == 1 and hosts[0].type == "LOC":
                place = hosts[0]  # ``besuchte Kenia``: the visited country is where the visit is
            if dest is None and not hosts and not trig.needs_destination:
                # ``besuchte die in Litauen stationierten Soldaten``: the people visited are where the
                # attribute of the verb's object places them
                dest = _attribute_place(index, clause, i)
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
        if trig.genitive_is_host:
            hosts = {m.id for m in genitive_args(index, i)}
            parts = [m for m in actors if m.id not in hosts and m.id != dest.id]
        else:
            parts = [m for m in genitive_args(index, i) if m.id != dest.id] or list(actors)  # ``die Reise von X``
        pron = pronoun_subject(index, clause)
        if pron is not None and not in_quote:
            parts = [pron, *parts]
        # ``Ein Abstecher nach Beirut wurde abgesagt``: no traveller in the clause; the destination alone,
        # weak, until :func:`_side_trips` gives it the traveller of the journey told before
        return ([*parts, dest] if parts else [dest]), not parts, dest, 1
    parts = between_args(index, i) or hyphen_compound_args(index, i)
    if not parts and trig.type in {"negotiation", "talks"}:
        parts = coalition_args(index, i)
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
        # ``spoke by phone with Wang Yi, the State Department said``: the speaker of a reporting clause
        # after the last comma is no partner coordinated with the name before it
        partner = [m for m in partner_args(index, i) if m.tstart not in tail]
        if partner:
            # ``Der Kreml lehnte ein Treffen Putins mit Selenskyj ab``: a genitive right after the noun
            # is the one who meets, before any subject of the clause
            subject = [m for m in genitive_args(index, i) if m.id not in {p.id for p in partner} and m.type == "PER"]
            if not subject:
                subject = [m for m in actors if m.tstart < i and m.id not in {p.id for p in partner}]
            pron = pronoun_subject(index, clause)
            if pron is not None and not subject:
                subject = [pron]
            if not subject:
                subject = [m for m in clause_affiliations(index, clause.id) if m.tstart < i]
            where = clause.opener in lex.words("participants", "relative_where")
            if not subject and (_is_infinitive_clause(index, clause) or where):
                # ``fassten die Grünen den Beschluss, Gespräche mit der CDU zu führen``: the subject of
                # the clause the infinitive depends on; likewise for ``reist nach Amman, wo ein Treffen
                # mit König Abdullah geplant ist`` (the traveller meets there)
                previous = [c for c in index.clauses[: clause.id] if c.segment == clause.segment]
                subject = [
                    m
                    for m in (index.clause_mentions(previous[-1].id) if previous else [])
                    if m.type in {"PER", "ORG"}
                    and m.role == "actor"
                    and not index.in_quote[m.tstart]
                    and m.id not in {p.id for p in partner}
                ][:1]
            if not subject and clause.opener in lex.words("clauses", "relative_pronouns"):
                # ``hosted by Keir Starmer, who held talks with Trump``: the relative pronoun's antecedent
                subject = [m for m in antecedent_actors(index, clause) if m.id not in {p.id for p in partner}]
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
        elif members and any(office_stem(doc[j].text, lex) for j in range(i + 2, min(i + 4, clause.end))):
            # ``Treffen der Außenminister beider Länder``: unnamed officials stand for their states
            parts, weak = members, True
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
        or _possessed(index, i, possessive)  # ``sagte seinen Besuch ab``
        # ``vereinbarten ein Treffen im Juni``: those who agree meet (``gegenseitige Besuche`` have no one visitor)
        or (family_group(trig.type) in {"meeting", "phone_call"} and _arranged_here(index, clause.id, i))
        or _indefinite_setting(index, i)  # ``told Erdogan in a phone call``
        or _headline(index, i)  # ``Merz in first White House visit``
        or (
            (
                any(doc[j].text.lower() in lex.purpose_prepositions for j in range(max(0, i - 3), i))
                # ``zu einem lange erwarteten Besuch``: past the article, adverbs and adjectives
                or _preposition_phrase_start(index, i) in lex.purpose_prepositions
            )
            and _clause_has(index, clause.id, lex.purpose_verbs)
        )
    ):
        precision = 1
        parts = list(actors)
        if _headline(index, i) and (not parts or family_group(trig.type) == "visit"):
            # ``Merz brings Trump family history, urges pressure on Russia in first White House visit``:
            # the headline's subject, named first, is the visitor (the other names are what it is about)
            start = index.segments[0][0]
            parts = [m for m in index.mentions_from(start, i) if m.role == "actor" and m.type in {"PER", "ORG"}][:1]
        for j in index.clauses[clause.id].tokens:
            if doc[j].text.lower() in lex.support_verbs:
                # ``The deal was signed by Scholz and Macron``: the agents of a passive support verb
                parts += [m for m in _passive_agents(index, j) if m.id not in {p.id for p in parts}]
        pron = pronoun_subject(index, clause)
        if pron is not None and not in_quote:
            parts = [pron, *parts]
        if not parts and clause.opener in lex.words("clauses", "relative_pronouns"):
            # ``Albanese, who is on a three-day state visit to India, ...``: the relative pronoun's
            # antecedent is the one on the visit (or at the talks)
            parts = antecedent_actors(index, clause)[:1]
        if trig.type == "visit" and _possessed(index, i, possessive):
            # ``Zum Abschluss seines Besuchs in China wurde Blinken von Xi empfangen``: the possessor's
            # visit is the subject's; whoever receives him in the clause is not a visitor
            # (the passive's agent, ``von Staats- und Parteichef Xi``, receives: he is no visitor)
            agents = lex.words("participants", "agent_von")
            people = [
                m
                for m in actors
                if m.type == "PER"
                and not any(doc[j].text.lower() in agents for j in range(max(0, m.tstart - 5), m.tstart))
            ]
            subjects = [pron] if pron is not None and not in_quote else people[:1]
            owner_subject = _governing_subject(index, i)
            if pron is None and owner_subject is not None and not in_quote:
                # English ``Widodo, on his third visit to Vietnam, also met Pham Minh Chinh``: by the parse,
                # the subject of the verb the possessed noun's phrase goes with is its owner, not the object
                subjects = [owner_subject]
            if subjects:
                parts = subjects
            elif not parts and not in_quote:
                # ``Es ist ihr erster Besuch in China``: the clause names no one; the possessive refers to
                # the person last named (``ihr`` only to one the text styles as a woman: it is also *their*)
                word = _possessor(index, i, possessive) or ""
                female = word.startswith(tuple(lex.words("participants", "possessives_female")))
                owner = None
                if word not in lex.words("participants", "possessives_plural"):
                    owner = antecedent(index, clause, women_only=female)
                if owner is not None and not female:
                    # ``Erdoğan hat al-Sudani empfangen. Es war sein erster Besuch in Ankara``: the host who
                    # received someone is not the one on a visit; his guest is
                    owner = _guest_of_host(index, owner) or owner
                parts = [owner] if owner is not None else parts
        own = index.ending_at(i)
        if trig.type in lex.words("participants", "body_events") and own is not None and own.type == "ORG":
            # ``They will meet at the G7 summit ..., and at the NATO summit in The Hague``: each summit
            # is its body's, with the people of the clause (or the two just named) taking part
            people = [m for m in parts if m.type == "PER"]
            if len(_unique(people)) < 2:
                members, named = group_members(index, clause.start, clause.end, clause.start)
                people = people + members if named else people
            parts = [*people, own] if people else parts
        if not parts:
            # ``Die beiden Seiten haben eine Einigung erzielt`` / ``The two sides reached agreement``
            members, named = group_members(index, clause.start, clause.end, clause.start)
            parts = members
            weak = bool(members) and not named
        if not parts:
            parts = clause_affiliations(index, clause.id)
            weak = bool(parts)
    governor = _governing_verb(index, i) if trig.is_noun else None
    speaker = _reporting_speaker(index, governor) if governor is not None else frozenset()
    if speaker and any(m.tstart in _complement_subject(index, governor) for m in parts):
        # ``Kerr said Marstrand had cancelled a meeting with Lindqvist``: who reports what a complement tells
        # of an event noun its own subject takes part in is no party of it (as for verb triggers); where the
        # subject is no party (``said the summit should open the way to a three-way meeting with Trump and
        # Putin``), the speaker may be one
        parts = [m for m in parts if m.tstart not in speaker]
    if len(_unique(parts)) == 1 and family_group(trig.type) != "visit":
        # ``führte Gespräche mit Vertretern Deutschlands und Frankreichs``
        parts = parts + _unnamed_holders_states(index, clause.id, parts)
    if (
        trig.is_noun
        and family_group(trig.type) == "visit"
        and not parts
        and lex.frames.get("participants", {}).get("guest_of_host_visits")
    ):
        # English ``King Charles welcomed President Stubb to Windsor at the start of a state visit to
        # Britain``: the visit of a clause whose host verb names the guest is the guest's
        parts = _host_verb_guests(index, clause, i)
    if trig.type == "visit" or family_group(trig.type) == "visit":
        dest = place_of(index, clause.id, i, destinations=True)
        agent = _visit_agent(index, clause, i) if trig.is_noun else None
        if agent is not None:
            # ``signed 14 agreements during a visit to Rabat by Prime Minister Pedro Sanchez``: the noun's
            # agent is the visitor; the clause's other parties are no visitors or hosts of it
            parts = [agent]
            if dest is None:
                # ``a visit by Sanchez to Rabat``, where the tagger took ``to Rabat`` for an infinitive
                destinations = lex.words("places", "destinations")
                dest = next(
                    (
                        m
                        for m in index.clause_mentions(clause.id)
                        if m.type == "LOC"
                        and agent.tend < m.tstart <= agent.tend + 2
                        and doc[m.tstart - 1].text.lower() in destinations
                    ),
                    None,
                )
        if dest is not None:
            place = dest
            actors = {m.id for m in parts if m.type in {"PER", "ORG"}}
            if (
                lex.frames.get("participants", {}).get("subject_first")
                and len(actors) >= 2
                and i < dest.tstart <= i + 8
                and any(m.tstart < i for m in parts)
            ):
                # English ``held talks with Albanese, the first visit by a Chinese premier to Australia``:
                # a visit noun with its own destination is the subject's visit there; the people met
                # are the talks' parties
                parts = [next(m for m in parts if m.tstart < i)]
                actors = {parts[0].id}
            if parts and len(actors) < 2 and dest.id not in {m.id for m in parts}:
                parts = [*parts, dest]  # visit = visitor + the visited place, when no one else is visited
    return parts, weak, place, (0 if weak else precision)


def _visit_agent(index: DocIndex, clause: Clause, i: int, reach: int = 8) -> MentionRef | None:
    """The person or body after the agent preposition of a visit noun (``a visit to Rabat by Prime
    Minister Pedro Sanchez``, ``a visit by Ruto``; ``[participants] agent_von``), in the noun's phrase.

    The phrase ends at a verb or punctuation; up to four words (a title, a nationality adjective) may
    stand between the preposition and the name. Only where ``[participants] visit_agent`` is set (English:
    German ``von`` also measures, ``ein Besuch von drei Tagen``).
    """
    doc, lex = index.doc, index.lex
    agents = lex.words("participants", "agent_von")
    if not agents or not lex.frames.get("participants", {}).get("visit_agent"):
        return None
    for j in range(i + 1, min(i + reach, clause.end)):
        tok = doc[j]
        if tok.is_punct or tok.pos_ in {"VERB", "AUX"}:
            return None
        if tok.text.lower() in agents:
            for m in index.clause_mentions(clause.id):
                if j < m.tstart <= j + 5 and m.type in {"PER", "ORG"} and m.role != "other":
                    return m
            return None
    return None


def _guest_of_host(index: DocIndex, host: MentionRef) -> MentionRef | None:
    """The one person a verb of receiving (``[participants] receiving_verbs``: ``empfing``) has ``host``,
    named before it in its clause, receive; None where ``host`` hosts no one there."""
    doc, lex = index.doc, index.lex
    hosting = lex.words("participants", "receiving_verbs")
    clause = index.clauses[host.clause]
    for j in clause.tokens:
        if j <= host.tstart or doc[j].text.lower() not in hosting:
            continue
        guests = {
            m.id: m
            for m in index.clause_mentions(clause.id)
            if m.type == "PER" and m.role == "actor" and m.id != host.id
        }
        return next(iter(guests.values())) if len(guests) == 1 else None
    return None


def _host_verb_guests(index: DocIndex, clause: Clause, i: int) -> list[MentionRef]:
    """The people a host verb (a transitive meeting verb that takes a person, ``welcomed``, ``received``)
    before the noun at ``i`` in its clause names after itself: its guests."""
    doc, lex = index.doc, index.lex
    verb = next(
        (
            j
            for j in clause.tokens
            if j < i and any(t.frame == "transitive" and "PER" in t.object_types for t in lex.verb_triggers(doc[j]))
        ),
        None,
    )
    if verb is None:
        return []
    return [
        m
        for m in index.clause_mentions(clause.id)
        if verb < m.tstart < i and m.type == "PER" and m.role == "actor" and not index.in_quote[m.tstart]
    ]


def _invitation(
    index: DocIndex, clause: Clause, i: int, parts: list[MentionRef]
) -> tuple[list[MentionRef], bool, MentionRef | None, int]:
    """``lud Trump nach Deutschland ein``: the invitee visits the destination; the host only invites.

    Active clauses name the host first (``Merz lud Trump ...``, ``Bei dieser Gelegenheit lud Merz
    Trump ...``): the invitee is the last party before the destination. In the passive (``wurde nach
    Berlin eingeladen``) the party not introduced by the agent preposition is the invitee.
    """
    dest = place_of(index, clause.id, i, destinations=True)
    doc, lex = index.doc, index.lex
    if dest is not None and not _directional(index, dest):
        # ``hat Scholz am Montag in Paris zu einem Besuch nach Marseille eingeladen``: where the invitation
        # was made is no destination; a direction further on in the clause is
        dest = next(
            (m for m in reversed(index.clause_mentions(clause.id)) if m.role == "place" and _directional(index, m)),
            None,
        )
    if dest is None:
        return [], False, None, 0  # ``zum Gipfel in Brüssel eingeladen``: the place of the event, no destination
    negations = frozenset(lex.status.get("denied", {}).get("negations", []))
    if any(doc[j].text.lower() in negations for j in range(max(clause.start, i - 3), i)):
        return [], False, None, 0  # ``Zelensky, who was not invited to Alaska``: no invitation, no visit
    agents = lex.words("participants", "agent_von")
    parties = [m for m in parts if m.type in {"PER", "ORG"} and m.id != dest.id and m.tstart < dest.tstart]
    passive = _clause_has(index, clause.id, lex.words("participants", "passive_auxiliaries")) and not _clause_has(
        index, clause.id, lex.words("participants", "perfect_auxiliaries")
    )
    if passive:
        # the agent (``von Kanzler Merz``) is the host: ``von`` within the three words before the name
        invitees = [
            m for m in parties if not any(doc[j].text.lower() in agents for j in range(max(0, m.tstart - 3), m.tstart))
        ]
    elif len(parties) > 1:
        invitees = parties[1:]
    else:
        invitees = [m for m in parties if m.tstart > i]  # ``Er lud Trump nach Berlin ein``: the object
    if not invitees:
        return [], False, None, 0
    # ``lud Macron und Merz nach London ein``: the invitees coordinated with the last one travel together
    links = lex.words("participants", "coordinators") | lex.words("participants", "determiners")
    chain = [invitees[-1]]
    for m in reversed(invitees[:-1]):
        gap = [doc[j] for j in range(m.tend, chain[0].tstart)]
        if not gap or not all(t.text.lower() in links or office_stem(t.text, lex) for t in gap):
            break
        chain.insert(0, m)
    return [*chain, dest], False, dest, 2


def _invitation_time(index: DocIndex, clause_id: int, k: int) -> bool:
    """Whether the time at token ``k`` dates the invitation, not the visit it offers.

    ``hat Scholz am Montag zu einem Besuch nach Marseille eingeladen``: a time before the purpose phrase
    (``zu einem Besuch``) is when he was invited; one inside it (``zu einem Besuch im Mai``) is the
    visit's. Without a purpose phrase, a told invitation (``lud ... ein``, ``hat ... eingeladen``) is
    dated by its time, a standing one (``ist im Mai nach Marseille eingeladen``) is not.
    """
    doc = index.doc
    purpose = index.lex.purpose_prepositions
    opens = [j for j in index.clauses[clause_id].tokens if doc[j].text.lower() in purpose]
    if opens:
        return k < opens[0]
    told = index.lex.words("participants", "perfect_auxiliaries") | index.lex.words("participants", "invitation_told")
    return any(
        "Past" in doc[j].morph.get("Tense") or doc[j].tag_ == "VBD" or doc[j].text.lower() in told
        for j in index.clauses[clause_id].tokens
    )


def _directional(index: DocIndex, dest: MentionRef, governs: bool = False) -> bool:
    """Whether a destination is introduced as a direction (``nach Berlin``, ``in die USA``), not a location.

    ``governs``: the direction must be the place's own preposition (``kam ins Krankenhaus in Monaco``
    goes to the hospital, it is in Monaco)."""
    first = max(0, dest.tstart - 3)
    if governs:
        first = max(first, word_before_phrase(index.doc, dest.tstart, first))
    return index.directional_before(dest.tstart, first)


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
    for m in index.mentions_from(min(governing), max(governing) + 1) if governing else ():
        if m.tstart in tokens and m.role == "actor" and m.type in {"PER", "ORG"} and m.id not in exclude:
            if index.media is not None and m.id in index.media:
                continue
            return [m]
    return []


def _owned_by_nouns(index: DocIndex, clause_id: int, verb: int, noun_partners: bool = True) -> set[str]:
    """Entities named in a noun trigger's ``mit``/``zwischen`` phrase in the clause of a verb trigger.

    ``Nach dem Treffen mit Scholz reiste Selenskyj weiter nach Paris``: Scholz met Selenskyj, he
    does not travel to Paris.
    """
    owned: set[str] = set()
    for t in index.triggers_in_clause(clause_id):
        if t == verb or index.clause_of[t] != clause_id or index.lex.noun_trigger(index.doc[t]) is None:
            continue
        owned.update(m.id for m in partner_args(index, t) + between_args(index, t))
        noun = index.lex.noun_trigger(index.doc[t])
        sidelines = index.lex.words("participants", "sideline")
        beside = any(index.doc[j].text.lower() in sidelines for j in _local_window(index, t))
        # English writes the body apart before the noun (``on the sidelines of the APEC summit``)
        own = index.ending_at(t) if index.lex.frames.get("participants", {}).get("place_modifiers") else None
        own = own if own is not None and own.type == "ORG" else None
        if own is not None and not beside:
            beside = any(index.doc[j].text.lower() in sidelines for j in range(max(0, own.tstart - 4), own.tstart))
        if noun is not None and noun.type == "summit" and (beside or _setting_of_bilateral(index, t, noun)):
            # ``trifft Meloni beim Gipfel der NATO``: the body is the summit's, not a party of the verb
            owned.update(m.id for m in genitive_args(index, t) if m.type == "ORG")
            if own is not None:
                owned.add(own.id)
    if noun_partners:
        owned.update(_noun_partners(index, clause_id))
    return owned


def _noun_partners(index: DocIndex, clause_id: int) -> set[str]:
    """Names in the partner phrase of a common noun that is no event (``Zusammenarbeit mit Frankreich``).

    ``Scholz sprach über eine Zusammenarbeit mit Frankreich``: France is the partner of the
    cooperation talked about, not of the talk. The noun stands right before the preposition
    (``noun_partner``), is no time, office or event word, and the parser attaches the name to it.
    """
    doc, lex = index.doc, index.lex
    preps = lex.words("participants", "noun_partner")
    if not preps or not index.annotated("DEP"):
        return set()
    stops = lex.words("participants", "non_actor_prepositions")
    topics = lex.words("participants", "topic_prepositions")
    owned: set[str] = set()
    for k in index.clauses[clause_id].tokens:
        if k == 0 or doc[k].text.lower() not in preps:
            continue
        noun = doc[k - 1]
        if (
            noun.pos_ != "NOUN"
            or noun.i in index.time_tokens
            or index.covering(noun.i) is not None
            or lex.noun_trigger(noun) is not None
            or office_stem(noun.text, lex)
        ):
            continue
        start = noun.i
        while start > 0 and doc[start - 1].pos_ in {"DET", "ADJ", "NUM"}:
            start -= 1
        topic = start > 0 and doc[start - 1].text.lower() in topics
        for m in names_run(index, k + 1, clause_id, stops, early_stop=True):
            if topic or doc[k].head.i == noun.i or any(doc[j].head.i == noun.i for j in range(m.tstart, m.tend)):
                owned.add(m.id)
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


def find_mentions(doc: Doc, index: DocIndex, lex: Lexicon, reference: str | None) -> list[EventMention]:
    triggers = _find_triggers(index)
    index.triggers = [i for i, _ in triggers]
    by_token = dict(triggers)
    noun_windows = {i: set(_local_window(index, i)) for i, t in triggers if t.is_noun}
    window_count = Counter(t for w in noun_windows.values() for t in w)  # in how many noun windows a token is
    times: list[Time] = list(doc._.times or [])
    out: list[EventMention] = []
    negated_becomes: dict[str, str] = lex.frames.get("participants", {}).get("negated_becomes", {})
    negations = frozenset(lex.status.get("denied", {}).get("negations", []))
    indefinite = lex.words("participants", "indefinite")
    fresh_words = lex.words("participants", "new_event")
    again_words = lex.words("participants", "again")
    demonstratives = lex.words("participants", "demonstratives")
    definites = lex.words("participants", "definites")
    sidelines = lex.words("participants", "sideline")
    edges = lex.words("participants", "setting_edges")
    start_edges = lex.words("participants", "visit_start_edges")
    media = _media(index)
    for i, trig in triggers:
        parts, weak, place, precision, body = _participants(index, i, trig)
        if not parts and not trig.is_noun:
            parts = _last_pair(index, i, out)  # the group is the verb's subject
        elif not trig.is_noun:
            parts = _story_pair(index, i, parts, out)
        if trig.earlier_parties and len(parts) < 2:
            parts = _earlier_parties(index, i, trig, out)
            if not parts:
                continue  # ``the first round`` of an election: no talks told before, no event
        clause_id = index.clause_of[i]
        rel = _support_relative(index, i) if trig.is_noun else None
        if rel is not None and parts and all(index.clause_of[m.tstart] == rel for m in parts):
            clause_id = rel  # its time and status too are the relative clause's
        event_type = trig.type
        if _meets_at_summit(index, i, trig, by_token):
            event_type = "summit"  # ``Am Gipfel der G7 treffen Merz und Trump aufeinander``: they attend it
        if event_type in negated_becomes and _clause_has(index, clause_id, negations):
            event_type = negated_becomes[event_type]  # ``konnten sich nicht einigen``: failed talks
        venue = venue_clause(index, i) if trig.is_noun else None
        if place is None and venue is not None:
            place = place_of(index, venue, index.clauses[venue].start)
        local = sorted(noun_windows.get(i, set()))
        # the clause's words outside every other noun trigger's window
        own = noun_windows.get(i, set())
        clause_toks = [
            t
            for t in index.clauses[clause_id].tokens
            if window_count[t] <= (t in own) and t != i and t not in _circumstance_tokens(index)
        ]
        time = _offset_time(index, i, times) or time_for(index, clause_id, i, times)
        if time is not None and _tok_of(doc, time.start) in _reporting_tail(index, clause_id, i):
            time = None  # ``..., sagte Merz am Abend``: when it was said, not when it happens
        if trig.frame == "invitation" and time and _invitation_time(index, clause_id, _tok_of(doc, time.start)):
            time = None
        if (
            time is not None
            and _since(index, time)
            and (family_group(trig.type) != "visit" or _tok_of(doc, time.start) > i)
        ):
            # ``die ersten Konsultationen seit 2018``, ``haben sich seit 2019 nicht getroffen``: the time
            # a span starts from is not when the event is (a stay ``seit Mittwoch`` in China began then;
            # ``ihr erster Besuch in China seit 2019``, after the visit, is the span before it)
            time = None
        if (
            time is not None
            and not parts
            and abs(_tok_of(doc, time.start) - i) > 5
            and not (
                index.clause_of[_tok_of(doc, time.start)] == clause_id
                and (trig.is_noun or not any(t != i for t in index.triggers_in_clause(clause_id)))
            )
        ):
            # a mention that names no one only dates its event with a time right beside it, or, for a
            # noun, with one of its own clause that no nearer trigger claims (``at the G7 summit in
            # Kananaskis, Canada, from June 15 to 17``), for a verb with its clause's when no other
            # trigger stands there (``In Kopenhagen sind am Donnerstag die Regierungschefs der nordischen
            # Staaten zusammengekommen``: the group names no one, the day is the meeting's)
            time = None
        if (
            time is None
            and trig.is_noun
            and family_group(trig.type) == "visit"
            and any(doc[j].text.lower() in start_edges for j in local)
        ):
            time = _clause_time(index, clause_id, i, times)
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
            time.value if time else (None if reference else _undated_day(index, clause_id, times)),
            reference,
            not trig.is_noun,
            governing,
            _tense_tag(index, i, trig),
            i,
        )
        arranged_ahead = _progressive_arrangement(index, i, trig, reference)
        if status == "happened" and reason.startswith("default") and arranged_ahead:
            status, reason = "planned", "present progressive with a time"
        if status == "happened" and reason.startswith("default") and _purpose_of_present_journey(index, i, trig):
            status, reason = "planned", "purpose of a journey in the present"
        if (
            trig.is_noun
            and family_group(event_type) == "visit"
            and status in {"happened", "planned"}
            and _clause_has(index, clause_id, lex.words("context", "departure_present"))
            and not _clause_has(index, clause_id, frozenset(lex.status.get("happened", {}).get("perfect_aux", [])))
        ):
            # ``bricht am Freitag zu einem Besuch in China auf``: who sets out on a visit has it ahead;
            # the day of the departure is not the day the visit begins (the arrival)
            if status == "happened" and reason.startswith("default"):
                status, reason = "planned", "departure in the present"
            time = None
        if status == "cancelled" and trig.type in {"talks", "negotiation"} and _adjourned(index, clause_toks, local):
            status, reason = "happened", "talks adjourned"
        if trig.is_noun and status not in {"cancelled", "denied"} and _negated_noun(index, i):
            # ``Kein Treffen zwischen A und B``, ``Es gab keine Gespräche``: the event itself is negated
            status, reason = "denied", "negating determiner"
        if status == "happened" and not reason.endswith("cue") and _headline_infinitive(index, i):
            status, reason = "planned", "headline infinitive"
        opener = index.clauses[clause_id].opener
        openers = set(lex.status.get("possible", {}).get("clause_openers", []))
        if status in {"happened", "planned"} and opener in openers:
            # ``Ob sich A und B treffen, ist offen``, ``Ob Blinken auch von Xi empfangen wird``: what a
            # whether-clause tells may or may not happen, whatever its tense
            status, reason = "possible", "whether-clause"
        arranger = next(
            (t for t in index.triggers_in_clause(clause_id) if t != i and i in arranged_events(index, t, by_token[t])),
            None,
        )
        if place is None and arranger is not None:
            # ``vereinbarten, sich in Warschau zu treffen``, ``auf ein Treffen im Juni in Danzig
            # verständigt``: the place between the agreement verb and the event it arranges is the event's
            low, high = min(arranger, i), max(arranger, i)
            between = [m for m in index.clause_mentions(clause_id) if m.role == "place" and low < m.tstart < high]
            place = between[0] if between else None
        if (
            status == "happened"
            and arranger is not None
            and trig.type != "agreement"
            and index.annotated("POS")  # untagged text cannot tell the object from the setting
        ):
            # ``haben sich auf ein Treffen im Juni verständigt``: the agreement is past, the meeting it
            # arranges is still to come
            status, reason = "planned", "arranged by an agreement"
        if (
            status == "happened"
            and not trig.is_noun
            and trig.type in lex.words("context", "agreed_not_arranged")
            and doc[i].dep_ == "xcomp"
            and any(t.type == "agreement" for t in lex.verb_triggers(doc[i].head))
        ):
            # ``agreed to cooperate``: the agreement is past, the cooperation it promises is to come
            status, reason = "planned", "agreed to"
        infinitive = _is_infinitive_clause(index, index.clauses[clause_id])
        if status == "happened" and not reason.endswith("cue") and infinitive:
            # ``fassten den Beschluss, Koalitionsgespräche mit der CDU zu führen``: what a ``zu``-infinitive
            # tells is intended, not done (the decision's own time does not date it either)
            status, reason = "planned", "zu-infinitive"
            if time is not None and index.clause_of[_tok_of(doc, time.start)] != clause_id:
                time = None
        if event_type != trig.type and status == "denied":
            status, reason = "happened", "negated agreement = failed negotiation"
        if trig.status and status not in {"cancelled", "denied"}:
            status, reason = trig.status, "the trigger word states it"
        if (
            doc[i].text.lower() in lex.words("context", "passive_other_sense")
            and _clause_has(index, clause_id, lex.words("context", "werden_forms"))
            and not _clause_has(index, clause_id, lex.reflexives)
        ):
            continue  # ``wurden die Städte A und B getroffen``: hit, not met
        if trig.frame == "session" and not parts:
            continue  # ``beschloss``: a session only where a deliberative body decides
        if family_group(event_type) in {"meeting", "visit"} and _sport(index, i, parts):
            continue  # ``Am Samstag empfing der FC Augsburg den VfL Bochum``: a match
        if arranges_event(index, i, trig):
            continue  # ``vereinbarten ein Treffen``: the meeting's own trigger reports it
        if (
            trig.is_noun
            and family_group(trig.type) == "visit"
            and any(by_token[t].frame == "invitation" for t in index.triggers_in_clause(clause_id) if t != i)
        ):
            continue  # ``lud Meloni zu einem Besuch nach Berlin ein``: the invitation reports the visit
        event_type = refine_type(index, event_type, trig, parts, time)
        if _is_past(time, reference) and status in NOT_YET and not _earlier_plan(index, clause_toks):
            time = None  # a planned event never keeps a past date
        parts = [m for m in parts if m.id not in media]
        if not trig.is_noun:
            setting = _sideline_span(index, index.clauses[clause_id], i)
            own = [m for m in parts if m.tstart not in setting]
            if len({m.id for m in own}) >= 2:
                # ``hatten sich die beiden Minister am Rande eines Treffens der SCO gesehen``: the body whose
                # session is the setting does not take part in the meeting beside it
                parts = own
        if trig.type in {"negotiation", "talks"}:
            parts = _accession_parties(index, i, local, parts)
        if family_group(event_type) != "visit":
            parts = states_for_capitals(index, parts)
        if family_group(event_type) in {"agreement", "negotiation"}:
            parts = states_of_leaders(index, parts, reference)
        elif family_group(event_type) != "visit":
            parts = office_holders(index, parts, reference)
        elif any(m.via_office for m in parts):
            # ``Norwegens König besucht Deutschland``: the visitor is the king the text names
            parts = office_holders(index, parts, reference)
        parts = without_governments_of_people(parts, reference)
        participants = [p for p in _unique(parts) if not (place and p == place.id and trig.type != "visit")]
        participants = _implicit_parties(index, i, event_type, participants)
        sideline = trig.is_noun and (
            any(doc[j].text.lower() in sidelines for j in local)
            # ``Vor Beginn des Treffens kam Scholz mit Rutte zusammen``: the start or end of a meeting
            # is when another event happened (a visit's start dates what happens in it instead)
            or (
                family_group(event_type) != "visit"
                and any(doc[j].text.lower() in edges for j in local)
                and any(j != i for j in index.triggers_in_clause(clause_id))
            )
            or _setting_of_bilateral(index, i, trig)
        )
        participants = summit_attendees(index, i, trig, participants, sideline)
        if (
            trig.is_noun
            and family_group(event_type) == "meeting"
            and parts
            and all(m.type == "ORG" for m in parts)
            and any(doc[j].text.lower() in lex.words("participants", "setting") for j in local)
        ):
            # ``sagte Putin bei einer Sitzung des FSB``: the person of the clause who speaks or acts at a
            # body's session attends it
            people = [
                m.id for m in index.clause_mentions(clause_id) if m.type == "PER" and m.role == "actor" and m.tstart < i
            ]
            participants = [*participants, *(p for p in people[:1] if p not in participants)]
        if sideline:
            # the setting of another event (``am Rande des Gipfels``, ``trifft Modi beim G20-Gipfel``):
            # the people of the clause meet beside it; only the summit's own body is its party
            kinds = {m.id: m.type for m in parts}
            participants = [p for p in participants if kinds.get(p) == "ORG"]
        if (
            len(participants) == 1
            and trig.is_noun
            and family_group(event_type) in {"meeting", "phone_call"}
            and not three_way(index, i)  # its other parties are those who met before (``parties_of_the_meeting``)
        ):
            topic = topic_partner(index, i, participants, media)
            if topic is not None:
                participants = [topic, *participants]
        if not body and family_group(event_type) == "meeting" and len(participants) == 1:
            # ``The Security Council will hold an emergency meeting``, ``kam zu einer Sitzung zusammen``: a
            # deliberative body meeting alone sits in session (the gold format's meeting of the body)
            body = participants[0] in session_body_ids(index)
        place_id = place.id if place else None
        seat = place or next((m for m in parts if m.type in {"LOC", "ORG"} and m.id in participants), None)
        host = seat_holder(index, seat, reference) if seat is not None and family_group(event_type) == "visit" else None
        if host is not None and host.id not in participants and len(participants) == 2 and seat.id in participants:
            # ``wird im Weißen Haus erwartet``, ``visited the White House``: a visit to a seat of office
            # meets its holder, there
            participants, event_type = [p for p in participants if p != seat.id] + [host.id], "meeting"
            place_id = seat.id
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
                indefinite=any(doc[j].text.lower() in indefinite for j in local[-2:])
                or (trig.is_noun and _determiner_in(index, i, indefinite)),
                fresh=any(doc[j].text.lower() in fresh_words for j in local)
                or (not trig.is_noun and _clause_has(index, clause_id, again_words))
                or trig.earlier_parties,  # ``the previous round`` is another session than the one told
                anaphoric=trig.is_noun and any(doc[j].text.lower() in demonstratives for j in local[-2:]),
                definite=trig.is_noun and _determiner_in(index, i, definites),
                sideline=sideline,
                hedged=hedged(lex, [doc[j].text for j in index.clauses[clause_id].tokens]),
                segment=index.segment_of(i),
                place_chain=index.places.parents.get(place_id, ()) if place_id else (),
                own_place=trig.is_noun and place is not None and _place_follows(index, i, place),
                headline=_title_line(index, i),
                superseded=status == "cancelled" and _superseded_plan(index, i),
                conversation=trig.is_noun
                and doc[i].text.lower().startswith(tuple(lex.words("participants", "conversation_nouns"))),
            )
        )
    out = [piece for m in out for piece in _one_visit_per_destination(index, m)]
    out = [piece for m in out for piece in _one_meeting_each(index, m)]
    out = [piece for m in out for piece in _separate_talks(index, m)]
    _return_visits(index, out)
    out = _side_trips(index, out)
    out = _restated_visits(index, out)
    _guests(index, out)
    _joiners(index, out)
    _visited_not_met(index, out)
    _no_venue_hosts(index, out)
    _there(index, out)
    _anaphoric_times(index, out, reference)
    _same_sentence_times(out)
    _colon_quote_places(index, out)
    _sequence_status(index, out)
    _where_clauses(index, out)
    _calls_as_means(index, out)
    parties_of_the_meeting(index, out)
    settings: dict[int, EventMention] = {}  # the first placed sideline noun of each clause
    dated: dict[int, EventMention] = {}  # the first dated sideline noun of each clause
    for x in out:
        if x.sideline and x.place:
            settings.setdefault(x.clause, x)
        if x.sideline and x.time:
            dated.setdefault(x.clause, x)
    beside = {x.clause for x in out if x.sideline}
    for m in out:
        m.beside = m.clause in beside and not m.sideline and bool(m.participants)
    for m in out:
        # a verb, or a noun of talks held beside the summit (``hat am Rande des Gipfels am Montag mehrere
        # Gespräche geführt``)
        told_beside = not m.trigger.is_noun or m.beside
        if m.place is None and told_beside:
            # ``trifft Modi beim G20-Gipfel in Johannesburg``: a meeting at a summit is where the summit is
            setting = settings.get(m.clause)
            if setting is not None:
                m.place, m.place_chain = setting.place, setting.place_chain
        if m.time is None and told_beside and m.clause in dated:
            # ``met Lula on the sidelines of the G20 summit in Rio on Tuesday``: the date after the
            # setting's noun dates the meeting told beside it
            m.time = dated[m.clause].time
    return out


def _attribute_place(index: DocIndex, clause: Clause, verb: int) -> MentionRef | None:
    """The place in an extended attribute right after a visit verb (``besuchte am Donnerstag die in
    Litauen stationierten Soldaten``): the attribute is a clause of its own one level down; a place
    phrase in it says where the visited object is."""
    preps = index.lex.words("places", "prepositions")
    for c in index.clauses_in_segment(clause.segment):
        if c.opener != "attribute" or not (verb < c.start <= verb + 6):
            continue
        for m in index.clause_mentions(c.id):
            if m.type == "LOC" and m.tstart > 0 and index.doc[m.tstart - 1].text.lower() in preps:
                return m
    return None


def _arranged_here(index: DocIndex, clause_id: int, i: int) -> bool:
    """Whether an agreement verb of the clause arranges the event noun at ``i`` (``vereinbarten ein
    Treffen``): the verb's parties are then the event's (see :func:`arranged_events`)."""
    doc = index.doc
    return any(
        i in arranged_events(index, t, trig)
        for t in index.triggers_in_clause(clause_id)
        if t != i
        for trig in index.lex.verb_triggers(doc[t])
        if trig.type == "agreement"
    )


def _possessed(index: DocIndex, i: int, possessive: frozenset[str], reach: int = 6) -> bool:
    """Whether a possessive determiner opens the noun phrase of the noun at ``i`` (``seinen Besuch``,
    ``seinen für Mittwoch geplanten Besuch``): back over adjectives and an attribute's phrase, up to
    a verb, a punctuation mark or another determiner."""
    return _possessor(index, i, possessive, reach) is not None


def _possessor(index: DocIndex, i: int, possessive: frozenset[str], reach: int = 6) -> str | None:
    """The possessive determiner (lower-cased) that opens the noun phrase of the noun at ``i``, if any."""
    doc = index.doc
    for j in range(i - 1, max(-1, i - reach - 1), -1):
        tok = doc[j]
        if tok.text.lower() in possessive:
            return tok.text.lower()
        if tok.is_punct or tok.pos_ in {"VERB", "AUX", "DET", "PRON"}:
            return None
    return None


def _unnamed_holders_states(index: DocIndex, clause_id: int, parts: list[MentionRef]) -> list[MentionRef]:
    """The states of the clause whose office holders the text does not name (``die Innenminister
    Frankreichs und Polens``, ``Vertretern Deutschlands``): they stand for them beside the one party named."""
    have = {p.id for p in parts}
    return [
        m
        for m in clause_affiliations(index, clause_id)
        if m.via_office and m.id not in have and not _names_holder(index, m)
    ]


def _names_holder(index: DocIndex, m: MentionRef, reach: int = 3) -> bool:
    """Whether a state qualifying an office stands next to the holder's name (``Frankreichs Präsident
    Macron``, ``Macron, Präsident Frankreichs``): then it is that person's, not an unnamed holder's."""
    doc = index.doc

    def verbless(a: int, b: int) -> bool:
        # one phrase: no verb or preposition between (``Kolar mit den Innenministern Frankreichs`` is two),
        # except the ``of`` inside an office's name (``US Secretary of State Antony Blinken``)
        return not any(
            doc[j].pos_ in {"VERB", "AUX"}
            or (doc[j].pos_ == "ADP" and not (j > a and office_stem(doc[j - 1].text, index.lex)))
            for j in range(a, b)
        )

    for k in range(m.tend, min(m.tend + reach + 1, len(doc))):
        nxt = index.starting_at(k)
        if nxt is not None and nxt.type == "PER" and verbless(m.tend, k):
            return True
    for k in range(max(0, m.tstart - reach), m.tstart + 1):
        prev = index.ending_at(k)
        if prev is not None and prev.type == "PER" and verbless(k, m.tstart):
            return True
    return False


def _same_sentence_times(mentions: list[EventMention]) -> None:
    """``met Srettha in Hanoi on Monday, and the two leaders agreed to expand trade``: an undated event
    that happened, told after a dated one of the same parties in the same sentence, happened then too."""
    for m in mentions:
        if m.time is not None or m.status != "happened" or len(set(m.participants)) < 2:
            continue
        before = [
            x
            for x in mentions
            if x is not m
            and x.segment == m.segment
            and x.tok < m.tok
            and x.time is not None
            and x.status == "happened"
            and set(x.participants) == set(m.participants)
        ]
        if before:
            m.time = max(before, key=lambda x: x.tok).time


def _anaphoric_times(index: DocIndex, mentions: list[EventMention], reference: str | None = None) -> None:
    """``Cassis hatte Wang im vergangenen Jahr in Genf getroffen. Damals hatten die beiden ... vereinbart``:
    a time that only points back (``[context].anaphoric_times``) is the time of the dated event told in
    the sentence or two before it; an event still to come (after the reference date) is never ``damals``."""
    words = index.lex.words("context", "anaphoric_times")
    if not words:
        return
    doc = index.doc
    for m in mentions:
        if m.time is not None or not any(doc[j].text.lower() in words for j in index.clauses[m.clause].tokens):
            continue
        before = [
            x
            for x in mentions
            if x is not m
            and x.time is not None
            and (x.time.value or "")[:1].isdigit()
            and m.segment - 2 <= x.segment < m.segment
            and not _is_future(x.time, reference)
        ]
        if before:
            m.time = max(before, key=lambda x: (x.segment, x.tok)).time
            continue
        # ``Es ist der erste Staatsbesuch seit 1993. Damals war ...``: with no dated event, the last
        # explicit date of the sentence before (a year or a full date: the period ``damals`` points to)
        s, e = index.segments[m.segment - 1] if m.segment > 0 else (0, 0)
        explicit = [
            t
            for t in doc._.times or []
            if (t.value or "")[:1].isdigit() and s <= _tok_of(doc, t.start) < e and any(ch.isdigit() for ch in t.text)
        ]
        if explicit:
            m.time = explicit[-1]


def _where_clauses(index: DocIndex, mentions: list[EventMention]) -> None:
    """``Danach reist der Kaiser nach Potsdam weiter, wo ihn Ministerpräsident Woidke empfängt``: an event
    told in a ``wo`` clause happens at the place of the clause before it, and, told in the present without
    a cue or time of its own, when and as that clause's event (a leg still to come is a plan)."""
    where = index.lex.words("participants", "relative_where")
    if not where:
        return
    for m in mentions:
        clause = index.clauses[m.clause]
        if clause.opener not in where:
            continue
        before = [x for x in mentions if x.segment == m.segment and x.tok < m.tok and x.clause != m.clause]
        if not before:
            continue
        x = max(before, key=lambda y: y.tok)
        if x.place:
            # ``wo`` stands for that place (a region named in the clause, ``Brandenburgs Ministerpräsident``,
            # says whose office, not where)
            m.place, m.place_chain = x.place, x.place_chain
        if m.time is None and not m.status_cued:
            m.time = x.time
            if x.status_cued and x.status in NOT_YET:
                m.status, m.status_cued = x.status, True


def _joiners(index: DocIndex, mentions: list[EventMention]) -> None:
    """``Macron und Starmer leiteten eine Videokonferenz ... Auch Selenskyj war zugeschaltet``: a clause
    without a trigger whose verb says someone joined (``[participants] join_verbs``) adds its actors to
    the meeting, call or summit told in it or the sentence before."""
    words = index.lex.words("participants", "join_verbs")
    # as written: ``zum Teil`` is no ``teil``
    for clause in untriggered_clauses(index, mentions, words, as_written=True):
        actors = [m for m in clause_actors(index, clause.id, True, clause.start) if m.type in {"PER", "ORG"}]
        before = [
            m
            for m in mentions
            if m.tok < clause.start
            and 0 <= clause.segment - m.segment <= 1
            and family_group(m.type) in {"meeting", "phone_call"}
            and m.participants
            and not m.quote
        ]
        if actors and before:
            target = max(before, key=lambda m: m.tok)
            target.participants = [*target.participants, *(a.id for a in actors if a.id not in target.participants)]
    _joined_talks(index, mentions)


def _joined_talks(index: DocIndex, mentions: list[EventMention]) -> None:
    """``Am Nachmittag kam Lula mit Scholz zusammen. An einem Teil der Gespräche nahm auch von der Leyen
    teil``: the definite talks someone takes part in are the meeting told in that sentence or the one
    before; their people join it (before a later ``Dreiertreffen`` looks for its three), and the noun
    tells no event of its own."""
    participation = index.lex.words("participants", "participation")
    drop: list[int] = []
    for n, m in enumerate(mentions):
        if not (
            m.trigger.is_noun
            and m.definite
            and not m.anaphoric
            and family_group(m.type) == "meeting"
            and m.participants
            and not m.quote
            and _clause_has(index, m.clause, participation)
        ):
            continue
        before = [
            x
            for x in mentions
            if x is not m
            and x.tok < m.tok
            and 0 <= m.segment - x.segment <= 1
            and family_group(x.type) in {"meeting", "phone_call"}
            and len(set(x.participants)) >= 2
            and not x.quote
        ]
        if not before:
            continue
        target = max(before, key=lambda x: x.tok)
        target.participants = [*target.participants, *(p for p in m.participants if p not in target.participants)]
        drop.append(n)
    for n in reversed(drop):
        del mentions[n]


def _guests(index: DocIndex, mentions: list[EventMention]) -> None:
    """``Der König ist zu einem Staatsbesuch eingetroffen. Steinmeier empfing den Monarchen``: a meeting
    with one named party whose clause names the other by a guest noun (``[participants] guest_nouns``:
    Gast, Monarch, ...) is with the visitor of the visit told in the three sentences before."""
    words = index.lex.words("participants", "guest_nouns")
    if not words:
        return
    doc = index.doc
    for n, m in enumerate(mentions):
        if family_group(m.type) != "meeting" or len(set(m.participants)) != 1 or m.quote:
            continue
        if not any(doc[j].text.lower() in words for j in index.clauses[m.clause].tokens):
            continue
        visit = _last_before(
            mentions,
            n,
            lambda x, seg=m.segment: (
                family_group(x.type) == "visit" and len(x.participants) >= 2 and 0 <= seg - x.segment <= 3
            ),
        )
        if visit is not None and visit.participants[0] not in m.participants:
            m.participants = [*m.participants, visit.participants[0]]


def _there(index: DocIndex, mentions: list[EventMention]) -> None:
    """``Fidan wird am Sonntag in Teheran erwartet. Dort will er mit Araghtschi sprechen, teilte das
    Außenministerium in Ankara mit``: an event told without a place in a clause that says ``dort``
    (``[participants] there``) is where the event of the sentence before was (not at the dateline)."""
    there = index.lex.words("participants", "there")
    if not there:
        return
    doc = index.doc
    for n, m in enumerate(mentions):
        if m.place is not None or m.quote or family_group(m.type) == "phone_call":
            continue
        if not any(doc[j].text.lower() in there for j in index.clauses[m.clause].tokens):
            continue
        before = _last_before(mentions, n, lambda x, seg=m.segment: x.place is not None and seg - x.segment == 1)
        if before is not None:
            m.place, m.place_chain = before.place, before.place_chain


def _no_venue_hosts(index: DocIndex, mentions: list[EventMention]) -> None:
    """``Meloni war zu Gast bei Scholz im Kanzleramt``: a venue is where a visit went, not whom it visited,
    when a person hosts it; it leaves the parties (it stays the place)."""
    venues = {ref.id for ref in index.mentions if (ref.entity.kb_id or "").startswith("venue:")}
    if not venues:
        return
    types = {ref.id: ref.type for ref in index.mentions}
    for m in mentions:
        if family_group(m.type) != "visit" or not venues & set(m.participants):
            continue
        rest = [p for p in m.participants if p not in venues]
        if len([p for p in rest if types.get(p) == "PER"]) >= 2:
            m.participants = rest


def _visited_not_met(index: DocIndex, mentions: list[EventMention]) -> None:
    """``hatte die Ukraine besucht und dort Präsident Selenskyj getroffen``, ``hat Deutschland einen
    Staatsbesuch abgestattet und in Berlin Merz getroffen``: two verb phrases of one clause share its
    names. The country the visit goes to is no party of the meeting (when two people remain), and the
    person met is no party of the visit to the country (its visitor and host stay)."""
    types = {ref.id: ref.type for ref in index.mentions}
    visits = [m for m in mentions if family_group(m.type) == "visit" and len(m.participants) >= 2]
    meetings = [m for m in mentions if not m.trigger.is_noun and family_group(m.type) == "meeting"]
    if not visits or not meetings:
        return
    for v in visits:
        hosts = {p for p in v.participants[1:] if types.get(p) == "LOC"}
        for m in meetings:
            if m.clause != v.clause:
                continue
            rest = [p for p in m.participants if p not in hosts]
            if hosts & set(m.participants) and len([p for p in rest if types.get(p) == "PER"]) >= 2:
                m.participants = rest
            met = {p for p in m.participants if types.get(p) == "PER"} - {v.participants[0]}
            if hosts and met & set(v.participants):
                v.participants = [p for p in v.participants if p not in met]


def _side_trips(index: DocIndex, mentions: list[EventMention]) -> list[EventMention]:
    """A journey noun with a destination and no traveller (``Ein geplanter Abstecher nach Beirut wurde
    abgesagt``) is a leg of the journey told in the two sentences before: its traveller's. Without one
    it is dropped (a destination alone is no visit). With a definite article (``der Reise nach San
    Carlos``) it is that journey itself, naming no one, and merging places it."""
    out: list[EventMention] = []
    for m in mentions:
        lone = m.weak and m.trigger.is_noun and family_group(m.type) == "visit" and m.participants == [m.place]
        if not lone:
            out.append(m)
            continue
        if not _determiner_in(index, m.tok, index.lex.words("participants", "indefinite")):
            # ``Hintergrund der Reise nach San Carlos``: the journey told before, which it places
            m.participants, m.weak = [], False
            out.append(m)
            continue
        before = [
            x
            for x in out
            if family_group(x.type) == "visit"
            and not x.weak
            and len(x.participants) >= 2
            and 0 <= m.segment - x.segment <= 2
        ]
        if before:
            m.participants, m.weak = [before[-1].participants[0], *m.participants], False
            out.append(m)
    return out


def _colon_quote_places(index: DocIndex, mentions: list[EventMention]) -> None:
    """``schlug Putin ein weiteres Treffen vor: "Nächstes Mal in Moskau."``: a mention without a place
    whose clause ends in a colon before a quotation takes the place the quotation names (after a place
    preposition), as the quotation spells out what was proposed."""
    doc = index.doc
    for m in mentions:
        if m.place is not None or m.quote:
            continue
        last = index.clauses[m.clause].tokens[-1]
        if doc[last].text != ":":
            last += 1  # the colon closes the clause without belonging to it
        if last + 2 >= len(doc) or doc[last].text != ":" or not index.in_quote[last + 2]:
            continue
        k = last + 1
        while k < len(doc) and k - last <= 8 and (index.in_quote[k] or doc[k].is_punct):
            ref = index.starting_at(k)
            if ref is not None and ref.type == "LOC" and ref.role == "place":
                m.place, m.place_chain = ref.id, index.places.parents.get(ref.id, ())
                break
            k += 1


def _sequence_status(index: DocIndex, mentions: list[EventMention]) -> None:
    """``Wadephul bricht am Mittwoch zu einer Reise auf ... Anschließend reist er nach Amman weiter``: a
    step that a sequence word (``[context] sequence``) ties to the event before it is still to come when
    that one is, though told in the present tense without a date of its own."""
    words = index.lex.words("context", "sequence")
    if not words:
        return
    doc = index.doc
    for n, m in enumerate(mentions):
        if m.status_cued or m.status != "happened" or m.time is not None or m.quote:
            continue
        if not any(doc[j].text.lower() in words for j in index.clauses[m.clause].tokens if j < m.tok):
            continue
        before = _last_before(mentions, n, lambda x, seg=m.segment: not x.quote and 0 <= seg - x.segment <= 2)
        if before is not None and before.status in NOT_YET:
            # the sequence word is the cue: an uncued journey noun told before (``zu seiner Nahost-Reise
            # aufgebrochen``) does not outvote it
            m.status, m.status_cued = "planned", True


def _last_before(mentions: list[EventMention], n: int, fits: Callable[[EventMention], bool]) -> EventMention | None:
    """The last of ``mentions[:n]`` that ``fits``, scanning back from ``n`` (so a long text is not read
    from its start for every mention)."""
    return next((mentions[k] for k in range(n - 1, -1, -1) if fits(mentions[k])), None)


def _restated_visits(index: DocIndex, mentions: list[EventMention]) -> list[EventMention]:
    """``is due to visit Manila next month for his first trip to Southeast Asia``: a visit noun owned by
    a possessive (``[participants] possessives``) after a visit verb of the same clause and visitor
    names that visit again, with a wider destination; it is no second visit."""
    possessive = index.lex.words("participants", "possessives")
    if not possessive:
        return mentions
    doc = index.doc
    verbs = [m for m in mentions if not m.trigger.is_noun and family_group(m.type) == "visit" and m.participants]
    if not verbs:
        return mentions

    def restated(m: EventMention) -> bool:
        if not m.trigger.is_noun or family_group(m.type) != "visit" or not m.participants:
            return False
        if not any(doc[j].text.lower() in possessive for j in range(max(0, m.tok - 4), m.tok)):
            return False
        return any(v.clause == m.clause and v.tok < m.tok and v.participants[0] == m.participants[0] for v in verbs)

    return [m for m in mentions if not restated(m)]


def _calls_as_means(index: DocIndex, mentions: list[EventMention]) -> None:
    """``berieten am Abend in einer Videoschalte``: a talk verb whose means is a call noun is that call.

    The verb and the noun tell one happening; as a meeting and a call they would stay two events (a
    call is no meeting). The verb's mention takes the call's type when the call noun stands in a
    means phrase of its clause (``[context].means_prepositions`` right before its article).
    """
    preps = index.lex.words("context", "means_prepositions")
    if not preps:
        return
    doc = index.doc
    calls = [m for m in mentions if m.trigger.is_noun and family_group(m.type) == "phone_call"]
    for m in mentions:
        if m.trigger.is_noun or family_group(m.type) != "meeting":
            continue
        for call in calls:
            if call.clause != m.clause:
                continue
            j = word_before_phrase(doc, call.tok, max(0, call.tok - 4))
            if j >= 0 and doc[j].text.lower() in preps:
                m.type = call.type
                break


def _sport(index: DocIndex, i: int, parts: list[MentionRef]) -> bool:
    """Whether organisations meeting are clubs playing a match (``[context]`` ``club_words``,
    ``sport_words``): all parties are organisations, and one is named as a club or the sentence
    speaks of the game."""
    orgs = [m for m in parts if m.type == "ORG"]
    if not orgs or len(orgs) != len([m for m in parts if m.type != "LOC"]) or any(m.type == "PER" for m in parts):
        return False
    lex, doc = index.lex, index.doc
    clubs = lex.words("context", "club_words")
    if any(w in clubs for m in orgs for w in doc[m.tstart : m.tend].text.lower().replace(".", " ").split()):
        return True
    sport = lex.words("context", "sport_words")
    s, e = index.segments[index.segment_of(i)]
    german = not lex.nouns_any_case
    return any(
        (low := doc[j].text.lower()) in sport or (german and doc[j].text[:1].isupper() and low.endswith(tuple(sport)))
        for j in range(s, e)
    )


def _one_visit_per_destination(index: DocIndex, m: EventMention) -> list[EventMention]:
    """``reist weiter nach Serbien und Ungarn``, ``besucht auch Serbien und Ungarn``: one visit per
    country or city, each with its own place (two trips, which merge with their own reports).

    The destinations are the visit's place and the places coordinated right after it, or the several
    places among its parties; the travellers (people, bodies) go on each visit.
    """
    if family_group(m.type) != "visit":
        return [m]
    kinds = index.memo.get("kinds")  # entity id -> type, once per document
    if kinds is None:
        kinds = index.memo["kinds"] = {r.id: r.type for r in index.mentions}
    travellers = [p for p in m.participants if kinds.get(p) in {"PER", "ORG"}]
    places = [p for p in m.participants if kinds.get(p) == "LOC"]
    if travellers and m.place is not None:
        coord = index.lex.words("participants", "coordinators")
        ref = next((r for r in index.clause_mentions(m.clause) if r.id == m.place), None)
        while ref is not None:
            j = ref.tend
            while j < len(index.doc) and index.doc[j].text.lower() in coord and index.clause_of[j] == m.clause:
                j += 1
            nxt = index.starting_at(j) if j > ref.tend else None
            if nxt is None or nxt.type != "LOC" or nxt.role != "place" or nxt.id in places:
                break
            places.append(nxt.id)
            ref = nxt
    if not travellers or len(places) < 2:
        return [m]
    out = []
    for n, place in enumerate(places):
        out.append(
            replace(
                m,
                participants=[*travellers, place],
                place=place,
                place_chain=index.places.parents.get(place, ()),
                fresh=m.fresh or n > 0,
            )
        )
    return out


def _one_meeting_each(index: DocIndex, m: EventMention) -> list[EventMention]:
    """``A and B each met X``: two meetings, A with X and B with X, not one of the three.

    Only for a verb of meeting whose clause puts one of ``[participants] distributive`` right before
    it and whose object (the parser's ``dobj``) is a named party; the other parties meet it one by one.
    """
    words = index.lex.words("participants", "distributive")
    if not words or m.trigger.is_noun or family_group(m.type) != "meeting" or len(set(m.participants)) < 3:
        return [m]
    doc = index.doc
    verb = doc[m.tok]
    if not any(doc[j].text.lower() in words for j in range(max(0, m.tok - 2), m.tok)):
        return [m]
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    # the object's own name (``Director-General Ngozi Okonjo-Iweala``), not a name that qualifies it
    target = next((index.covering(o.i) for o in objects if index.covering(o.i) is not None), None)
    if target is None or target.id not in m.participants:
        return [m]
    others = [p for p in dict.fromkeys(m.participants) if p != target.id]
    return [replace(m, participants=[p, target.id], fresh=m.fresh or n > 0) for n, p in enumerate(others)]


def _return_visits(index: DocIndex, mentions: list[EventMention]) -> None:
    """``Ein Gegenbesuch in Bratislava ist für den Herbst vereinbart``: the return visit names no visitor; it
    is the host's of the visit told before, who goes to the guest's side.

    A visit noun of ``[participants] return_visit_nouns`` naming no person or body takes as its visitor the
    one who met the last visitor told before it (the person of the last meeting with that visitor), or the
    host of the last reception (``[participants] receiving_verbs``, the person named before the verb).
    """
    nouns = tuple(index.lex.words("participants", "return_visit_nouns"))
    if not nouns:
        return
    doc = index.doc
    receiving = index.lex.words("participants", "receiving_verbs")
    kinds = {m.id: m.type for m in index.mentions}
    people = {i for i, kind in kinds.items() if kind == "PER"}
    for m in mentions:
        if family_group(m.type) != "visit" or not doc[m.tok].text.lower().startswith(nouns):
            continue
        if any(kinds.get(p) in {"PER", "ORG"} for p in m.participants):
            continue
        before = [x for x in mentions if x.tok < m.tok]
        host = None
        visits = [x for x in before if family_group(x.type) == "visit" and set(x.participants) & people]
        if visits:
            guest = next(p for p in visits[-1].participants if p in people)
            met = [x for x in before if family_group(x.type) == "meeting" and guest in x.participants]
            others = [p for p in (met[-1].participants if met else []) if p in people and p != guest]
            host = others[0] if len(set(others)) == 1 else None
        if host is None:
            received = [x for x in before if doc[x.tok].text.lower() in receiving]
            if received:
                clause = received[-1].clause
                named = [r for r in index.clause_mentions(clause) if r.type == "PER" and r.tstart < received[-1].tok]
                host = named[0].id if named else None
        if host is not None:
            # the destination is the visited party, as for any visit (``in Warschau``)
            place = [m.place] if m.place and m.place not in m.participants else []
            m.participants = [host, *m.participants, *place]


def _separate_talks(index: DocIndex, m: EventMention) -> list[EventMention]:
    """``Nach getrennten Unterredungen mit Selenskyj und Putin``: one meeting with each partner, not one of all.

    A meeting noun after one of ``[participants] separate`` (within two words before it) whose partners
    (the names after its ``mit``) are two or more: each partner meets the mention's other parties alone.
    """
    words = index.lex.words("participants", "separate")
    if not words or not m.trigger.is_noun or family_group(m.type) != "meeting" or len(set(m.participants)) < 3:
        return [m]
    doc = index.doc
    if not any(doc[j].text.lower() in words for j in range(max(0, m.tok - 2), m.tok)):
        return [m]
    partners = [p.id for p in partner_args(index, m.tok) if p.id in m.participants]
    partners = list(dict.fromkeys(partners))
    owners = [p for p in dict.fromkeys(m.participants) if p not in partners]
    if len(partners) < 2 or not owners:
        return [m]
    return [replace(m, participants=[*owners, p], fresh=m.fresh or n > 0) for n, p in enumerate(partners)]


def _media(index: DocIndex) -> frozenset[str]:
    """The entities that are news media (``[media]`` of the frames data); computed once per document.

    An interview is no diplomatic interaction: ``sagte im Gespräch mit der Süddeutschen Zeitung``.
    """
    if index.media is not None:
        return index.media
    doc, lex = index.doc, index.lex
    nouns = lex.words("media", "nouns")
    names = {n.casefold() for n in lex.frames.get("media", {}).get("names", [])}
    found: set[str] = set()
    for m in index.mentions:
        if m.type == "LOC":
            continue
        name = m.entity.name.casefold()
        surface = doc[m.tstart : m.tend].text.casefold()  # ``doc.text`` is rebuilt from the tokens per access
        lasts = {w.replace("-", " ").split()[-1] for w in (name, surface) if w.strip()}
        # the two words before it in its own sentence (``im deutschen Fernsehen. Trumps Großvater`` names no
        # broadcaster Trump)
        sent_start = index.segments[index.segment_of(m.tstart)][0]
        before = [doc[j].text.lower().strip('„“"') for j in range(max(sent_start, m.tstart - 2), m.tstart)]
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
        text = index.text  # ``doc.text`` is rebuilt from the tokens on each access

        def named(m: MentionRef, bodies: set[str] = bodies, text: str = text) -> bool:
            return m.entity.name.casefold() in bodies or text[m.start : m.end].casefold() in bodies

        key = ("implicit_bodies", tuple(spec["bodies"]))  # the same for every trigger: found once
        anywhere = index.memo.get(key)
        if anywhere is None:
            anywhere = index.memo[key] = [m for m in index.mentions if named(m)]
        in_clause = [m for m in index.clause_mentions(clause.id) if named(m)]
        body = (in_clause or anywhere or [None])[0]
        if body is None or body.id in participants:
            continue
        if len(participants) == 1:
            return [*participants, body.id]
    return participants


def _offset_time(index: DocIndex, i: int, times: list[Time]) -> Time | None:
    """The date of an event told in an adverbial clause ``N days after/before ...`` from the date of the
    clause it depends on: ``met on Thursday, three days after the two ministers met in Kyiv`` is Monday.
    English, with the parser (``[context] offset_marks``: after = earlier, before = later); None where the
    duration, the mark or a day-precise date of the main clause is missing."""
    marks = index.lex.frames.get("context", {}).get("offset_marks", {})
    if not marks:
        return None
    doc = index.doc
    tok, steps = doc[i], 0
    while tok.dep_ != "advcl" and tok.head.i != tok.i and steps < 6:
        tok, steps = tok.head, steps + 1
    if tok.dep_ != "advcl":
        return None
    mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in marks), None)
    if mark is None:
        return None
    by_end = {_tok_of(doc, t.end - 1): t for t in times}
    duration = by_end.get(mark.i - 1)
    found = re.fullmatch(r"P(\d+)([DW])", (duration.value or "") if duration else "")
    if duration is None or found is None:
        return None
    main = time_for(index, index.clause_of[tok.head.i], tok.head.i, times)
    day = _day_of(main.value if main else None)
    if day is None:
        return None
    days = int(found.group(1)) * (7 if found.group(2) == "W" else 1) * int(marks[mark.lower_])
    return duration.model_copy(update={"type": "DATE", "value": (day + dt.timedelta(days=days)).isoformat()})


def _day_of(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _adjourned(index: DocIndex, clause: list[int], local: list[int]) -> bool:
    """Whether the only cancellation cue of a talk's clause says it was adjourned after it was held
    (``[cancelled] adjourned`` with one of ``adjourned_held``: ``ohne Ergebnis vertagt``); other
    cancellations (``abgesagt``) and a bare ``vertagt`` stay."""
    lex, doc = index.lex, index.doc
    adjourned = set(lex.status.get("cancelled", {}).get("adjourned", []))
    held = set(lex.status.get("cancelled", {}).get("adjourned_held", []))
    words = {doc[j].text.lower() for j in [*clause, *local]}
    if not words & adjourned or not words & held:
        return False
    others = set(lex.status.get("cancelled", {}).get("words", [])) - adjourned
    return not words & others


def _clause_time(index: DocIndex, clause_id: int, i: int, times: list[Time]) -> Time | None:
    """The time of the clause nearest to token ``i``, whichever trigger claims it (the start of a visit
    is dated by what happened at its start: ``Zum Auftakt seines Besuchs wurde X am Montag empfangen``)."""
    doc = index.doc
    own = [(abs(_tok_of(doc, t.start) - i), t) for t in times if index.clause_of[_tok_of(doc, t.start)] == clause_id]
    own = [(d, t) for d, t in own if t.value and t.value[:1].isdigit()]
    return min(own, key=lambda x: x[0])[1] if own else None


def _governing_clause(index: DocIndex, clause_id: int) -> list[int]:
    """The tokens of the clause a complement clause (``, dass ...``, ``, ob ...``) depends on.

    ``Der Kreml bestritt, dass sich A und B getroffen hätten``: the denial stands outside the
    trigger's clause. Other subordinate clauses (relative, temporal) keep their own status.
    """
    clause = index.clauses[clause_id]
    if _is_infinitive_clause(index, clause):
        # the last clause of the sentence before it: ``kündigte an, X zu treffen``: the announcement
        previous = next(
            (c for c in map(index.clauses.__getitem__, range(clause_id - 1, -1, -1)) if c.segment == clause.segment),
            None,
        )
        return previous.tokens if previous else []
    if clause.depth == 0 or clause.opener not in index.lex.words("clauses", "complement_openers"):
        return []
    for c in reversed(index.clauses[:clause_id]):
        if c.segment != clause.segment:
            break
        if c.depth < clause.depth:
            return c.tokens
    return []


def _setting_of_bilateral(index: DocIndex, i: int, trig: Trigger) -> bool:
    """A summit in a setting phrase of a transitive meeting verb: the summit is where two people met.

    ``Merz trifft Indiens Premier Modi beim G20-Gipfel``: a meeting of two at a summit, not a summit
    of two. A reciprocal verb (``Beim Gipfel der G7 treffen Merz und Trump aufeinander``, ``sehen sich
    ... wieder``) says both attend the summit, which stays their event.
    """
    if trig.type != "summit":
        return False
    doc, lex = index.doc, index.lex
    setting = lex.words("participants", "setting")
    if not any(doc[j].text.lower() in setting for j in range(max(0, i - 3), i)):
        return False
    clause_id = index.clause_of[i]
    reciprocal = lex.reflexives | lex.words("context", "reciprocal_words")
    if _clause_has(index, clause_id, reciprocal):
        return False
    verbs = [
        j
        for j in index.triggers_in_clause(clause_id)
        if index.clause_of[j] == clause_id and any(family_group(t.type) == "meeting" for t in lex.verb_triggers(doc[j]))
    ]
    if not verbs:
        return False
    # transitive: two people who are not one coordinated subject (``Merz trifft Modi``, not ``Merz
    # und Trump treffen``, nor ``They meet``)
    people = [m for m in index.clause_mentions(clause_id) if m.type == "PER" and m.role == "actor"]
    if len({m.id for m in people}) < 2:
        return False
    coordinators = lex.words("participants", "coordinators")
    return not any(
        any(doc[k].text.lower() in coordinators for k in range(a.tend, b.tstart)) for a, b in pairwise(people)
    )


def _meets_at_summit(index: DocIndex, i: int, trig: Trigger, triggers: dict[int, Trigger]) -> bool:
    """A reciprocal meeting verb whose setting is a summit of its clause: the summit is their event.

    ``Am Gipfel der G7 in Kananaskis treffen Merz und Trump erneut aufeinander``: both attend the
    summit; the verb tells no meeting of its own, its mention is one of the summit.
    """
    if trig.is_noun or family_group(trig.type) != "meeting":
        return False
    clause_id = index.clause_of[i]
    for j in index.triggers_in_clause(clause_id):
        other = triggers[j]
        if j != i and other.is_noun and other.type == "summit":
            if _setting_of_bilateral(index, j, other):
                return False  # ``Merz trifft Modi beim G20-Gipfel``: a meeting of two at the summit
            doc, lex = index.doc, index.lex
            start = j
            if lex.frames.get("participants", {}).get("place_modifiers"):
                own = index.ending_at(j)  # English ``on the sidelines of the APEC summit``: past the body's name
                start = own.tstart if own is not None else j
            before = [doc[k].text.lower() for k in range(max(0, start - 3), j)]
            if any(w in lex.words("participants", "sideline") for w in before):
                return False  # ``Am Rande des Gipfels trafen sich A und B``: a meeting of their own
            if any(w in lex.words("participants", "setting") for w in before):
                return True
    return False


def _place_follows(index: DocIndex, i: int, place: MentionRef) -> bool:
    """Whether a noun's place is its own locative phrase (``Gipfel in Alaska``, ``Gipfels im
    kanadischen Kananaskis``), not a place of the clause (``nach dem Gipfel weiter nach Ankara``)."""
    doc = index.doc
    between = range(i + 1, place.tstart)
    if not 0 < len(between) <= 2:
        return False
    locative = index.lex.words("places", "prepositions")
    return doc[i + 1].text.lower() in locative and all(doc[j].pos_ in {"ADJ", "DET", "ADP", ""} for j in between)


def _superseded_plan(index: DocIndex, i: int) -> bool:
    """Whether the sentence of token ``i`` tells a first plan (``[cancelled] superseded``: ``ursprünglich``)."""
    words = set(index.lex.status.get("cancelled", {}).get("superseded", []))
    start, end = index.segments[index.segment_of(i)]
    return bool(words) and any(index.doc[j].text.lower() in words for j in range(start, end))


def _earlier_plan(index: DocIndex, clause: list[int]) -> bool:
    """Whether the clause tells a plan of the past (``hatte im Februar reisen wollen``, ``sollte eigentlich``).

    Such a plan keeps its past date: it is another event than the one that happens now, and what
    became of it (``Die Reise wurde abgesagt``) is told next.
    """
    words = index.lex.status.get("planned", {}).get("earlier_plan", [])
    doc = index.doc
    return any(doc[j].text.lower() in words for j in clause)


def _is_infinitive_clause(index: DocIndex, clause: Clause) -> bool:
    """Whether a clause is a ``zu``-infinitive that depends on the clause before it."""
    marks = index.lex.words("context", "infinitive_marks")
    doc = index.doc
    triggers = index.trigger_set()
    support = index.lex.support_verbs
    # ``X zu treffen``, or a noun trigger's support verb (``Koalitionsgespräche mit der CDU zu führen``)
    return clause.id > 0 and any(
        doc[j].text.lower() in marks
        and j + 1 < len(doc)
        and (
            # a noun after ``zu`` is no infinitive (``ist zu Gast in China``)
            (j + 1 in triggers and doc[j + 1].pos_ not in {"NOUN", "PROPN"})
            or (doc[j + 1].text.lower() in support and triggers & set(clause.tokens))
        )
        for j in clause.tokens
    )


def _finite_before(index: DocIndex, i: int) -> bool | None:
    """Whether a finite verb stands in ``i``'s sentence before it (None: the language's data names no
    finite tags, ``[clauses] finite_tags``, or the text is untagged)."""
    tags = index.lex.words("clauses", "finite_tags")
    if not tags or not index.annotated("TAG"):
        return None
    start = index.segments[index.segment_of(i)][0]
    return any(index.doc[j].tag_ in tags for j in range(start, i))


def _since(index: DocIndex, time: Time, reach: int = 4) -> bool:
    """Whether ``time`` is the start of a span (``seit 2018``, ``since June``): ``[context] since``,
    also past the noun it dates (``seit Starmers Amtsantritt im Juli``), up to a verb or a comma."""
    doc = index.doc
    since = index.lex.words("context", "since")
    k = _tok_of(doc, time.start)
    for j in range(k - 1, max(-1, k - reach - 1), -1):
        if doc[j].text.lower() in since:
            return True
        if doc[j].is_punct or doc[j].pos_ in {"VERB", "AUX"}:
            return False
    return False


def _negated_noun(index: DocIndex, i: int) -> bool:
    """Whether a noun trigger's own determiner negates it (``kein Treffen``, ``keine weiteren Gespräche``);
    ``keinen Zweifel am Treffen`` negates another noun."""
    return _determiner_in(index, i, index.lex.words("participants", "negating_determiners"))


def _preposition_phrase_start(index: DocIndex, i: int) -> str:
    """The preposition that opens the noun phrase of ``i`` (past its article, adverbs and adjectives)."""
    doc = index.doc
    j = i - 1
    while j >= 0 and i - j <= 5 and doc[j].pos_ in {"ADJ", "ADV", "NUM", "DET"}:
        j -= 1
    return doc[j].text.lower() if j >= 0 else ""


def _determiner_in(index: DocIndex, i: int, words: frozenset[str]) -> bool:
    """Whether the noun at ``i`` has its determiner among ``words``, past up to three adjectives and
    adverbs (``ein zunächst ebenfalls vorgesehener Abstecher``)."""
    doc = index.doc
    j = i - 1
    while j >= 0 and i - j <= 4 and doc[j].pos_ in {"ADJ", "ADV", "NUM"} and doc[j].text.lower() not in words:
        j -= 1
    return j >= 0 and doc[j].text.lower() in words


def _headline(index: DocIndex, i: int) -> bool:
    """Whether ``i`` stands in the text's headline (``[participants] headline_actors``): its first line,
    ending without a full stop (segments end at line breaks).

    A headline drops articles and often verbs (``Merz in first White House visit``, ``Xi, Putin in Moscow
    talks``): its names are the parties of its event noun, which no support verb or preposition links.
    """
    if not index.lex.frames.get("participants", {}).get("headline_actors") or index.segment_of(i) != 0:
        return False
    start, end = index.segments[0]
    doc = index.doc
    last = max((j for j in range(start, end) if not doc[j].is_space), default=start)
    return doc[last].text not in {".", "?", "!"}


def _title_line(index: DocIndex, i: int) -> bool:
    """Whether ``i`` stands in a title: the text's first line, ending without a full stop."""
    if index.segment_of(i) != 0:
        return False
    start, end = index.segments[0]
    doc = index.doc
    last = max((j for j in range(start, end) if not doc[j].is_space), default=start)
    return doc[last].text not in {".", "?", "!"}


def _headline_infinitive(index: DocIndex, i: int) -> bool:
    """``Albanese to meet Xi in Beijing``, ``Russia, Kazakhstan to resume talks``: a bare ``to``-infinitive
    with no finite verb before it (the headline future, ``[planned] headline_infinitive``).

    The trigger, or a verb up to three words before a noun trigger, follows the mark; ``travelled to
    Beijing to meet Xi`` has a finite verb first and keeps the status of its clause.
    """
    marks = set(index.lex.status.get("planned", {}).get("headline_infinitive", []))
    if not marks:
        return False
    doc = index.doc
    start = index.segments[index.segment_of(i)][0]
    for j in range(max(start, i - 4), i):
        if doc[j].text.lower() in marks and doc[j + 1].tag_ == "VB":
            return _finite_before(index, j) is False
    return False


def _is_future(time: Time | None, reference: str | None) -> bool:
    """Whether a dated time lies on or after the reference date's day (unknown: no)."""
    if time is None or not reference or not time.value or not time.value[:1].isdigit():
        return False
    value = time.value[:10]
    return value >= reference[: len(value)]


def _is_past(time: Time | None, reference: str | None) -> bool:
    """Whether a dated time lies before the reference date (unknown: no)."""
    if time is None or not reference or not time.value or not time.value[:1].isdigit():
        return False
    value = time.value[:10]
    return value < reference[: len(value)]


def _tok_of(doc: Doc, char: int) -> int:
    span = char_span(doc, char, char + 1)
    return span.start if span is not None else 0
