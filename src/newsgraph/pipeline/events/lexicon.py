"""The event layer's language data (``resources/<lang>/events*.toml``) and trigger lookup.

Triggers are looked up by word form, not by a statistical model, because the pipeline must work on a
blank tokenizer as well as on the trained one; where the base pipeline provides lemmas they are used
as a second key. Nouns are found by the *head* of a compound so that ``Krisentreffen`` or
``Staatsbesuch`` need no entry of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from spacy.tokens import Token

from ...resources import has_resource, load_resource


@dataclass(frozen=True)
class TypeInfo:
    """An event type: the gold family it belongs to and its event-data codes."""

    name: str
    family: str
    plover: str | None
    cameo: str | None


@dataclass(frozen=True)
class Trigger:
    """A word that names an interaction, and how to find its arguments."""

    type: str
    frame: str  # reciprocal | transitive | visit | invitation | nominal
    construction: str
    is_noun: bool
    particle: str | None = None
    needs_reflexive: bool = False
    needs_words: frozenset[str] = frozenset()  # one of these must stand in the clause (``sprach mit``)
    blocking_particles: frozenset[str] = frozenset()  # a closing particle makes another verb (``sprach sich ... aus``)
    needs_destination: bool = False
    needs_direction: bool = False  # the destination only as a direction (``kommt nach Berlin``, not ``im Oval Office``)
    # a status the word itself states, before any cue of its clause: an invitation (``lud X nach Y
    # ein``) is a possible visit, whatever tense it is told in
    status: str | None = None
    # the noun's genitive names the host, not the traveller (``einer Einladung des Präsidenten nach X
    # folgen``: the president invites, the clause's subject travels)
    genitive_is_host: bool = False
    object_types: frozenset[str] = frozenset()  # the first actor after the verb must be one (``welcomed Scholz``)
    next_words: frozenset[str] = frozenset()  # the word right after it must be one (``committed to``)
    not_next_words: frozenset[str] = frozenset()  # the word right after it must not be one (``called for``)
    # a thing in its clause that makes it a one-sided act (``unterzeichnete das Gesetz``, ``signed the
    # bill``): German compounds match by their head (``Haushaltsgesetz``), English words whole
    blocking_objects: frozenset[str] = frozenset()
    # an event noun in its clause tells the event (``wird zu einem Treffen in London erwartet``): the verb
    # adds nothing of its own then
    yields_to_nouns: bool = False
    # names after the verb are what is talked about unless a partner word introduces them (``discussed
    # trade and Ukraine with Merz``: Ukraine is a topic, Merz a party)
    object_is_topic: bool = False
    # a departure (``ist aus China abgereist``): the place after an origin preposition
    # (``[places] origins``) is the place visited
    departure: bool = False
    # nouns only: the head must be the whole word, not the end of a compound (``round``, not
    # ``background``), and one of ``needs_before`` must stand in the two words before it
    whole_word: bool = False
    needs_before: frozenset[str] = frozenset()
    # a further session of talks told before (``the previous round, held in Moscow``): without parties
    # of its own it takes the parties of the latest talks told before, and without those it is no event
    earlier_parties: bool = False


@dataclass
class Lexicon:
    """Everything the event layer knows about one language, read from its data files."""

    lang: str
    types: dict[str, TypeInfo]
    verbs: dict[str, list[Trigger]]
    noun_heads: list[tuple[str, Trigger]]  # (head+ending, trigger), longest first
    nouns_excluded: frozenset[str]
    #: word ends that look like a trigger head but are another word (``Verhandlungskreisen``: circles, no
    #: ``Reisen``; ``Energiepreise``: prices)
    excluded_endings: tuple[str, ...]
    support_verbs: frozenset[str]
    light_verb_objects: frozenset[str]
    light_verb_types: frozenset[str]
    frames: dict[str, Any]
    status: dict[str, Any]
    reflexives: frozenset[str] = field(default_factory=frozenset)
    nouns_any_case: bool = False  # German nouns are capitalised, English ones are not
    noun_idioms: dict[str, frozenset[str]] = field(default_factory=dict)  # head -> words that block it
    # head -> words right after it that keep it a trigger despite the idiom (``im Gespräch mit X``)
    noun_idiom_partners: dict[str, frozenset[str]] = field(default_factory=dict)
    implicit_parties: list[dict[str, Any]] = field(default_factory=list)  # see ``[[implicit_parties]]``
    purpose_verbs: frozenset[str] = field(default_factory=frozenset)  # ``reist zu einem Besuch nach X``
    purpose_prepositions: frozenset[str] = field(default_factory=frozenset)
    verb_cues: frozenset[str] = field(default_factory=frozenset)  # ``to visit``, ``will meet``: a verb, not a noun
    verb_cue_gap_tags: frozenset[str] = field(default_factory=frozenset)  # ``will possibly visit``: adverbs between
    # a word the tagger gives one of these tags is a noun even after a verb cue (``invited him to talks``:
    # a plural noun never follows the infinitive ``to``)
    noun_tags_after_cues: frozenset[str] = field(default_factory=frozenset)
    status_codes: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)  # see ``codes()``
    _head_index: dict[str, Trigger] = field(default_factory=dict)

    def words(self, section: str, key: str) -> frozenset[str]:
        """A word list from ``events_frames`` as a set (empty when the language lacks it)."""
        return frozenset(self.frames.get(section, {}).get(key, []))

    def codes(self, event_type: str, status: str) -> tuple[str | None, str | None]:
        """(PLOVER, CAMEO) of an event of ``event_type`` reported with ``status``.

        The type's codes describe the interaction as it happens; ``[status_codes.<status>]`` of
        ``events.toml`` recodes it where the coding standards do so by status: an announced meeting
        or visit is CAMEO 036 "express intent to meet or negotiate", which PLOVER codes as AGREE.
        """
        info = self.types.get(event_type)
        if info is None:
            return None, None
        plover, cameo = info.plover, info.cameo
        override = self.status_codes.get(status, {}).get(plover or "")
        if override:
            plover, cameo = override.get("plover", plover), override.get("cameo", cameo)
        return plover, cameo

    def noun_trigger(self, token: Token) -> Trigger | None:
        """The noun trigger ``token`` is an instance of, matched on its compound head."""
        text = token.text
        if not text or not (text[0].isupper() or (self.nouns_any_case and text[0].isalpha())):
            return None
        lower = text.lower()
        if lower in self.nouns_excluded or (self.excluded_endings and lower.endswith(self.excluded_endings)):
            return None
        if self.verb_cues and token.i > 0 and lower in self.verbs and token.tag_ not in self.noun_tags_after_cues:
            j = token.i - 1
            while j > 0 and token.i - j <= 2 and token.doc[j].tag_ in self.verb_cue_gap_tags:
                j -= 1  # ``would possibly visit``, ``will also meet``: an adverb between
            if token.doc[j].text.lower() in self.verb_cues:
                return None  # English ``plans to visit``, ``will meet``: the form is the verb here
        last = lower.rsplit("-", 1)[-1]
        if not last:
            return None
        if not self._head_index:
            for form, trig in self.noun_heads:  # longest first: the first entry of a form wins
                self._head_index.setdefault(form, trig)
        # the head must be the whole word or the end of a compound, never a mere suffix of a short
        # unrelated word: the remainder is empty or at least 3 letters; the longest head wins
        for rest in [0, *range(3, len(last))]:
            trig = self._head_index.get(last[rest:])
            if trig is not None and trig.whole_word and (rest or last != lower):
                continue  # ``background`` is no ``round``
            if trig is not None and trig.needs_before:
                before = {token.doc[j].text.lower() for j in range(max(0, token.i - 2), token.i)}
                if not before & trig.needs_before:
                    return None  # ``a round``: only ``the previous round`` refers to talks
            if trig is not None:
                blockers = self.noun_idioms.get(lower)
                following = token.doc[token.i + 1].text.lower() if token.i + 1 < len(token.doc) else ""
                if (
                    blockers
                    and token.i > 0
                    and token.doc[token.i - 1].text.lower() in blockers
                    and following not in self.noun_idiom_partners.get(lower, frozenset())
                ):
                    return None
                if trig.not_next_words and following in trig.not_next_words:
                    return None  # ``calls for peace``: no call
                return trig
        return None

    def verb_triggers(self, token: Token) -> list[Trigger]:
        """The verb triggers ``token`` may be (lower-case word, or a capitalised sentence start)."""
        text = token.text
        if not text:
            return []
        if text[0].isupper() and not token.is_sent_start:
            return []
        found = self.verbs.get(text.lower(), [])
        if not found and token.lemma_:
            lemma = token.lemma_.lower()
            if lemma != text.lower():
                found = self.verbs.get(lemma, [])
        return found


def with_spelling_variants(value: Any, variants: dict[str, str]) -> Any:
    """A copy of the data in which every word with a regional spelling also stands in that spelling.

    Swiss German writes ``ss`` for ``ß`` (``Aussenminister``, ``gemäss``, ``schliessen``): each list
    entry and mapping key that contains a variant's letters gets its twin, so that the word lists are
    written once, in the standard spelling (``[morphology] spelling_variants``).
    """
    if not variants:
        return value
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            item = with_spelling_variants(item, variants)
            out[key] = item
            for old, new in variants.items():
                if isinstance(key, str) and old in key:
                    out.setdefault(key.replace(old, new), item)
        return out
    if isinstance(value, list):
        items = [with_spelling_variants(v, variants) for v in value]
        extra = [v.replace(old, new) for v in items if isinstance(v, str) for old, new in variants.items() if old in v]
        return items + [v for v in extra if v not in items]
    return value


@cache
def lexicon_for(lang: str) -> Lexicon | None:
    """The lexicon of ``lang``, or ``None`` when the language has no event data."""
    if not has_resource(lang, "events"):
        return None
    frames = load_resource(lang, "events_frames") if has_resource(lang, "events_frames") else {}
    variants = frames.get("morphology", {}).get("spelling_variants", {})
    frames = with_spelling_variants(frames, variants)
    data = with_spelling_variants(load_resource(lang, "events"), variants)
    status = load_resource(lang, "events_status") if has_resource(lang, "events_status") else {}
    status = with_spelling_variants(status, variants)
    types = {
        name: TypeInfo(name, spec.get("family", name), spec.get("plover"), spec.get("cameo"))
        for name, spec in data.get("types", {}).items()
    }
    verbs: dict[str, list[Trigger]] = {}
    for entry in data.get("verbs", []):
        trig = Trigger(
            type=entry["type"],
            frame=entry.get("frame", "reciprocal"),
            construction=entry.get("construction", ""),
            is_noun=False,
            particle=entry.get("particle"),
            needs_reflexive=entry.get("needs_reflexive", False),
            needs_words=frozenset(w.lower() for w in entry.get("needs_words", [])),
            blocking_particles=frozenset(w.lower() for w in entry.get("blocking_particles", [])),
            needs_destination=entry.get("needs_destination", False),
            needs_direction=entry.get("needs_direction", False),
            status=entry.get("status"),
            object_types=frozenset(entry.get("object_types", [])),
            next_words=frozenset(w.lower() for w in entry.get("next_words", [])),
            not_next_words=frozenset(w.lower() for w in entry.get("not_next_words", [])),
            blocking_objects=frozenset(w.lower() for w in entry.get("blocking_objects", [])),
            yields_to_nouns=entry.get("yields_to_nouns", False),
            object_is_topic=entry.get("object_is_topic", False),
            departure=entry.get("departure", False),
        )
        for form in entry.get("forms", []):
            verbs.setdefault(form.lower(), []).append(trig)
        if trig.particle and frames.get("morphology", {}).get("join_separable_particles"):
            # German verb-final clauses join a separable verb and its particle (``, wo er mit Selenskyj
            # zusammentraf``, ``als sie in Kiew eintraf``): the joined form is the same trigger
            joined = replace(trig, particle=None)
            for form in entry.get("forms", []):
                whole = trig.particle.lower() + form.lower()
                if not any(t.type == trig.type for t in verbs.get(whole, [])):
                    verbs.setdefault(whole, []).append(joined)
    # a particle verb is tried before the plain one (``kam ... zusammen`` before ``kam``)
    for triggers in verbs.values():
        triggers.sort(key=lambda t: t.particle is None)
    noun_heads: list[tuple[str, Trigger]] = []
    for entry in data.get("nouns", []):
        trig = Trigger(
            type=entry["type"],
            frame="nominal",
            construction=entry.get("construction", ""),
            is_noun=True,
            needs_destination=entry.get("needs_destination", False),
            status=entry.get("status"),
            genitive_is_host=entry.get("genitive_is_host", False),
            not_next_words=frozenset(w.lower() for w in entry.get("not_next_words", [])),
            whole_word=entry.get("whole_word", False),
            needs_before=frozenset(w.lower() for w in entry.get("needs_before", [])),
            earlier_parties=entry.get("earlier_parties", False),
        )
        for head in entry.get("heads", []):
            for ending in entry.get("endings", [""]):
                noun_heads.append(((head + ending).lower(), trig))
    noun_heads.sort(key=lambda pair: -len(pair[0]))
    return Lexicon(
        lang=lang,
        types=types,
        verbs=verbs,
        noun_heads=noun_heads,
        nouns_excluded=frozenset(w.lower() for w in data.get("nouns_excluded", {}).get("words", [])),
        excluded_endings=tuple(w.lower() for w in data.get("nouns_excluded", {}).get("endings", [])),
        support_verbs=frozenset(w.lower() for w in data.get("support_verbs", {}).get("forms", [])),
        light_verb_objects=frozenset(w.lower() for w in data.get("light_verb_objects", {}).get("words", [])),
        light_verb_types=frozenset(data.get("light_verb_objects", {}).get("applies_to", [])),
        frames=frames,
        status=status,
        reflexives=frozenset(w.lower() for w in frames.get("participants", {}).get("reflexives", [])),
        nouns_any_case=bool(data.get("nouns_options", {}).get("any_case", False)),
        status_codes={k: dict(v) for k, v in data.get("status_codes", {}).items()},
        verb_cues=frozenset(w.lower() for w in data.get("nouns_options", {}).get("verb_cues", [])),
        verb_cue_gap_tags=frozenset(data.get("nouns_options", {}).get("verb_cue_gap_tags", [])),
        noun_tags_after_cues=frozenset(data.get("nouns_options", {}).get("noun_tags_after_cues", [])),
        noun_idioms={
            k.lower(): frozenset(w.lower() for w in (v["before"] if isinstance(v, dict) else v))
            for k, v in data.get("noun_idioms", {}).items()
        },
        noun_idiom_partners={
            k.lower(): frozenset(w.lower() for w in v.get("unless_next", []))
            for k, v in data.get("noun_idioms", {}).items()
            if isinstance(v, dict)
        },
        purpose_verbs=frozenset(w.lower() for w in data.get("purpose_verbs", {}).get("forms", [])),
        purpose_prepositions=frozenset(w.lower() for w in data.get("purpose_verbs", {}).get("prepositions", [])),
        implicit_parties=[
            {"types": list(e["types"]), "cues": [c.lower() for c in e["cues"]], "bodies": list(e["bodies"])}
            for e in data.get("implicit_parties", [])
        ],
    )
