"""Tense cues: which way a clause looks from the reference date.

`am Montag` in `Am Montag trafen sich ...` is the Monday before the reference date, in `Am Montag
wird ... reisen` the one after. A sentence yields *cues* (a position and a tense); an expression
takes the tense of the nearest cue in its *clause* (the stretch of its sentence between commas,
colons, semicolons, dashes and quotation marks), else of the nearest cue in its sentence, so
`sagte, er werde am Montag reisen` reads the future from `werde`, not the past from `sagte`, and
`wird ... erwartet, wo es im Mai zu einem Eklat gekommen war` reads the past for `im Mai`. Cues come
from the base pipeline's morphology when it has one (``Tense=Past``; ``Tense=Pres`` counts only
inside the expression's own clause: `Reminding Trump that Friday marks the anniversary, he said`)
and from the language's word lists (``[tense]`` in ``times.toml``).

Three weaker or narrower kinds of cue:

* **attributive** words (``die geplanten Gespräche``) describe a noun, not the clause: they count
  only right next to the expression (``die für Montag geplanten Gespräche``), not across the clause
  (``hat sich am Sonntag auf Einzelheiten der geplanten Reform verständigt`` is past);
* **phrases** of several words (``is due``, ``is set``): a future cue at their last word;
* a **preposition** right before the expression that fixes its direction (``seit Montag``, ``since
  Monday``): it wins over the clause's tense.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Cue(NamedTuple):
    """A tense cue at a character offset: ``tense`` is "past", "future" or "now" (a finite present
    verb: a bare weekday then looks ahead, ``trifft am Montag`` in a Thursday's article is the next
    Monday, as news announce in the present what comes; "present" is what :func:`tense_at` returns
    when the expression has no cue at all, and a bare weekday then takes the nearer side); ``kind`` is
    "verb" (word lists, morphology), "present" (``Tense=Pres`` or the ``present`` word list; only
    inside the clause) or "attributive" (only right next to the expression)."""

    offset: int
    tense: str
    kind: str = "verb"


#: clause boundaries inside a sentence: punctuation followed by space, dashes, quotation marks
CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|\s[–—-]\s|[\"“”„«»()]")
#: how many words may stand between an attributive cue and the expression
ATTRIBUTIVE_REACH = 2


@dataclass(slots=True)
class TenseRules:
    """Word lists for tense cues when no morphological analysis is available."""

    past: frozenset[str]
    future: frozenset[str]
    perfect_aux: frozenset[str]
    participle: re.Pattern[str] | None
    past_form: re.Pattern[str] | None = None  # regular past forms (English `-ed`)
    # the past perfect of a modal takes its infinitive (``hatte reisen wollen``): with one of these
    # auxiliaries in the sentence, such an infinitive is no future cue
    pluperfect_aux: frozenset[str] = frozenset()
    modal_infinitives: frozenset[str] = frozenset()
    # a verb that looks ahead (``kündigte an``, ``versprach``) makes its ``zu``-infinitive a future:
    # ``kündigte an, Trump am Montag zu treffen`` is the coming Monday
    prospective: frozenset[str] = frozenset()
    infinitive_marks: frozenset[str] = frozenset()
    #: future words that describe a noun (``geplanten``): cues only right next to the expression
    attributive: frozenset[str] = frozenset()
    #: several-word future cues (``is due``): lowercased word tuples
    future_phrases: tuple[tuple[str, ...], ...] = ()
    #: a word right before the expression that fixes its direction (``seit`` -> past)
    before: dict[str, str] = field(default_factory=dict)
    #: prepositions that may stand between such a word and the expression (``zuletzt im Mai``)
    before_skip: frozenset[str] = frozenset()
    #: finite present forms (for a base pipeline without morphology): cues only inside the clause,
    #: like ``Tense=Pres`` (``that Friday marks the anniversary``)
    present: frozenset[str] = frozenset()
    #: a regular past form followed by one of these is a passive participle (``talks hosted by``),
    #: not the clause's verb
    past_form_not_before: frozenset[str] = frozenset()
    #: a participle followed by one of these is a passive infinitive (``verbrannt werden darf``),
    #: which tells no past
    participle_not_before: frozenset[str] = frozenset()
    #: take the nearest cue *before* the expression in its clause when there is one (English puts
    #: the verb before its adverbials: `said the board would meet in September and did not rule out`)
    preceding_first: bool = False
    #: forms that no preterite takes (German: ending in ``-t``, or in ``-e`` but not ``-te``): a
    #: morphological ``Tense=Past`` on one of them is a tagger error on an unfamiliar verb (``reist``,
    #: ``erfolgt``, the reported ``komme``), read as present instead
    morph_past_doubt: re.Pattern[str] | None = None
    #: ... except the preterites that do end so (``hielt``, ``trat``, ``beriet``: matched as word endings)
    preterite_endings: tuple[str, ...] = ()
    #: present forms the morphology may read as past although no preterite looks like them (the
    #: plural of verbs whose stem ends in ``t``: ``beraten``, ``leiten``; their preterite is ``-teten``)
    present_not_past: frozenset[str] = frozenset()
    #: strong preterite stems (German ``rief``, ``stieg``): a finite form ending in one, with an
    #: optional plural ``-en``, is past whatever the morphology says, and a plural in ``-en`` the
    #: morphology calls past that is neither one of these nor a weak ``-ten`` is present
    strong_preterite: re.Pattern[str] | None = None
    #: words after which a participle is a passive infinitive, no past (English ``will be held``)
    participle_not_after: frozenset[str] = frozenset()
    #: participles of a state that looks ahead (``eingeladen``, ``invited``): with one of
    #: :attr:`state_aux` in the sentence (``ist im Juni nach Washington eingeladen``, ``has invited Xi
    #: to visit in June``) the invitation stands and its content is to come, a future cue; without
    #: one (``wurde am Montag eingeladen``) or before one of :attr:`state_not_before` (``ist ...
    #: eingeladen worden``) the inviting is told, a past
    prospective_states: frozenset[str] = frozenset()
    state_aux: frozenset[str] = frozenset()
    state_not_before: frozenset[str] = frozenset()
    #: a plan told in the past (``sollte am Montag stattfinden``, ``was scheduled to meet on
    #: Saturday``): the plan was made before, its day may lie either side of the reference date, so
    #: the cue is "present" (the nearer side), not the past of its auxiliary nor a future; single
    #: words and several-word phrases (lower-cased word tuples, the cue at the last word)
    either_way: frozenset[str] = frozenset()
    either_way_phrases: tuple[tuple[str, ...], ...] = ()
    #: ... and a participle of planning in a sentence with a past auxiliary (``war für Montag
    #: geplant``, ``had originally been scheduled for Tuesday``), wherever they stand
    plan_participles: frozenset[str] = frozenset()
    plan_past_aux: frozenset[str] = frozenset()

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> TenseRules:
        rx = spec.get("participle_regex")
        past_rx = spec.get("past_regex")
        return cls(
            past=frozenset(w.lower() for w in spec.get("past", [])),
            future=frozenset(w.lower() for w in spec.get("future", [])),
            perfect_aux=frozenset(w.lower() for w in spec.get("perfect_aux", [])),
            participle=re.compile(rx) if rx else None,
            past_form=re.compile(past_rx) if past_rx else None,
            pluperfect_aux=frozenset(w.lower() for w in spec.get("pluperfect_aux", [])),
            modal_infinitives=frozenset(w.lower() for w in spec.get("modal_infinitives", [])),
            prospective=frozenset(w.lower() for w in spec.get("prospective", [])),
            infinitive_marks=frozenset(w.lower() for w in spec.get("infinitive_marks", [])),
            attributive=frozenset(w.lower() for w in spec.get("future_attributive", [])),
            future_phrases=tuple(tuple(p.lower().split()) for p in spec.get("future_phrases", [])),
            before={w.lower(): t for w, t in spec.get("before", {}).items()},
            before_skip=frozenset(w.lower() for w in spec.get("before_skip", [])),
            past_form_not_before=frozenset(w.lower() for w in spec.get("past_form_not_before", [])),
            participle_not_before=frozenset(w.lower() for w in spec.get("participle_not_before", [])),
            present=frozenset(w.lower() for w in spec.get("present", [])),
            preceding_first=bool(spec.get("preceding_first", False)),
            morph_past_doubt=re.compile(spec["morph_past_doubt_regex"]) if spec.get("morph_past_doubt_regex") else None,
            preterite_endings=tuple(w.lower() for w in spec.get("preterite_endings", [])),
            present_not_past=frozenset(w.lower() for w in spec.get("present_not_past", [])),
            participle_not_after=frozenset(w.lower() for w in spec.get("participle_not_after", [])),
            prospective_states=frozenset(w.lower() for w in spec.get("prospective_states", [])),
            state_aux=frozenset(w.lower() for w in spec.get("state_aux", [])),
            state_not_before=frozenset(w.lower() for w in spec.get("state_not_before", [])),
            either_way=frozenset(w.lower() for w in spec.get("either_way", [])),
            either_way_phrases=tuple(tuple(p.lower().split()) for p in spec.get("either_way_phrases", [])),
            plan_participles=frozenset(w.lower() for w in spec.get("plan_participles", [])),
            plan_past_aux=frozenset(w.lower() for w in spec.get("plan_past_aux", [])),
            strong_preterite=(
                re.compile(
                    r"^\w*("
                    + "|".join(sorted({re.escape(w.lower()) for w in spec["strong_preterites"]}, key=len, reverse=True))
                    + r")(?:en)?$"
                )
                if spec.get("strong_preterites")
                else None
            ),
        )

    def _untagged_preterite(self, low: str) -> bool:
        """Whether a word the morphology gave no tense is a strong preterite all the same: it ends in
        an ablaut stem, and is no participle (``geschlossen``: ``ge`` + stem + ``en``, an adjective
        as often as a perfect: ``bleiben bis zum 1. Juli geschlossen``)."""
        m = self.strong_preterite.match(low) if self.strong_preterite is not None else None
        if m is None:
            return False
        stem_start = m.start(1)
        return not (low.endswith("en") and low[max(0, stem_start - 2) : stem_start] == "ge")

    def morph_tense(self, low: str, morph_tense: str) -> str:
        """The morphological tense of a lower-cased word, with ``Past`` dropped to ``Pres`` where the
        form cannot be a preterite (:attr:`morph_past_doubt`, :attr:`present_not_past`): a statistical
        morphologiser guesses on verbs it has not seen, and a wrong past turns ``beraten am Montag``
        into the Monday before."""
        if morph_tense == "Pres" and self.strong_preterite is not None and self.strong_preterite.match(low):
            return "Past"  # ``riefen am Montag an``: an ablaut preterite the morphology took for a present
        if morph_tense != "Past" or low in self.past:
            return morph_tense
        if low in self.present_not_past:
            return "Pres"
        if (
            self.strong_preterite is not None
            and low.endswith("en")
            and not low.endswith("ten")
            and not self.strong_preterite.match(low)
        ):
            # a German preterite plural is a weak ``-ten`` or a strong stem + ``-en``: ``wählen`` is neither
            return "Pres"
        doubtful = self.morph_past_doubt is not None and self.morph_past_doubt.match(low)
        if doubtful and not any(low.endswith(e) for e in self.preterite_endings):
            return "Pres"
        return morph_tense

    def cues(self, words: Iterable[tuple[int, str, str]]) -> list[Cue]:
        """Cues of one sentence from ``(offset, text, morph tense or "")`` triples."""
        items = list(words)
        has_perfect_aux = any(text.lower() in self.perfect_aux for _, text, _ in items)
        pluperfect = any(text.lower() in self.pluperfect_aux for _, text, _ in items)
        prospective = any(text.lower() in self.prospective for _, text, _ in items)
        out: list[Cue] = []
        lowered = [text.lower() for _, text, _ in items]
        has_state_aux = any(low in self.state_aux for low in lowered)
        past_plan = any(low in self.plan_past_aux for low in lowered)
        for k, (offset, text, morph_tense) in enumerate(items):
            low = lowered[k]
            morph_tense = self.morph_tense(low, morph_tense)
            if not morph_tense and text.islower() and self._untagged_preterite(low):
                morph_tense = "Past"  # ``Am Freitag griffen Drohnen ... an``, the verb read as an adjective
            if (
                has_state_aux
                and low in self.prospective_states
                and not (k + 1 < len(items) and lowered[k + 1] in self.state_not_before)
            ):
                out.append(Cue(offset, "future"))  # ``ist im Juni nach Washington eingeladen``
                continue
            if (
                low in self.either_way
                or (past_plan and low in self.plan_participles)
                or any(
                    len(ph) <= k + 1 and tuple(lowered[k + 1 - len(ph) : k + 1]) == ph for ph in self.either_way_phrases
                )
            ):
                out.append(Cue(offset, "present"))  # ``sollte am Montag``: a past plan, either side
                continue
            if pluperfect and low in self.modal_infinitives:
                continue  # ``hatte im Februar reisen wollen``: a past plan, not a future
            if prospective and low in self.infinitive_marks:
                out.append(Cue(offset, "future"))
                continue
            if any(len(ph) <= k + 1 and tuple(lowered[k + 1 - len(ph) : k + 1]) == ph for ph in self.future_phrases):
                out.append(Cue(offset, "future"))
            elif low in self.attributive:
                out.append(Cue(offset, "future", "attributive"))
            elif low in self.future:
                out.append(Cue(offset, "future"))
            else:
                regular_past = (
                    self.past_form is not None
                    and text.islower()
                    and bool(self.past_form.match(low))
                    and not (k + 1 < len(items) and lowered[k + 1] in self.past_form_not_before)
                )
                perfect = (
                    # the past perfect too (``hatten am 8. Mai telefoniert``: the participle of an
                    # -ieren verb looks like a present form, and the morphology may read it so)
                    (has_perfect_aux or pluperfect)
                    and self.participle is not None
                    and text.islower()
                    and bool(self.participle.match(low))
                )
                passive_infinitive = (
                    self.participle is not None
                    and k + 1 < len(items)
                    and lowered[k + 1] in self.participle_not_before
                    and bool(self.participle.match(low))
                )
                if passive_infinitive or (k > 0 and lowered[k - 1] in self.participle_not_after):
                    continue  # `verheizt werden darf`, `will be held`: a passive infinitive, no past
                if morph_tense == "Past" or low in self.past or regular_past or perfect:
                    out.append(Cue(offset, "past"))
                elif (morph_tense == "Pres" or low in self.present) and low not in self.perfect_aux:
                    out.append(Cue(offset, "now", "present"))
        return out


def clause_of(text: str, sent_start: int, sent_end: int, start: int, end: int) -> tuple[int, int]:
    """The clause of ``[start, end)`` inside its sentence: between the nearest clause breaks."""
    lo, hi = sent_start, sent_end
    for m in CLAUSE_BREAK.finditer(text, sent_start, sent_end):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def _words_between(text: str, a: int, b: int) -> int:
    return len(re.findall(r"\w+", text[a:b])) if a < b else 0


def tense_at(
    cues: list[Cue],
    start: int,
    end: int,
    *,
    text: str | None = None,
    clause: tuple[int, int] | None = None,
    preceding_first: bool = False,
) -> str:
    """The tense for the expression ``[start, end)``: the nearest cue in its clause, else the
    nearest past or future cue in its sentence; "present" when there is none. Attributive cues count
    only within :data:`ATTRIBUTIVE_REACH` words of the expression (``text`` needed), present cues
    only inside the clause."""

    def distance(c: Cue) -> int:
        return start - c.offset if c.offset < start else max(0, c.offset - end)

    usable = []
    for c in cues:
        if c.kind == "attributive":
            if text is None:
                continue
            gap = _words_between(text, c.offset, start) - 1 if c.offset < start else _words_between(text, end, c.offset)
            if gap > ATTRIBUTIVE_REACH:
                continue
        usable.append(c)
    if clause is not None:
        inside = [c for c in usable if clause[0] <= c.offset < clause[1]]
        before = [c for c in inside if c.offset < start]
        if preceding_first and before:
            return max(before, key=lambda c: c.offset).tense
        if inside:
            return min(inside, key=distance).tense
    outside = [c for c in usable if c.kind != "present"]
    return min(outside, key=distance).tense if outside else "present"
