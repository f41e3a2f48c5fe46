"""Tense cues: which way a clause looks from the reference date.

`am Montag` in `Am Montag trafen sich ...` is the Monday before the reference date, in `Am Montag
wird ... reisen` the one after. A sentence yields *cues* (a position and a tense); an expression
takes the tense of the nearest cue in its sentence, so `sagte, er werde am Montag reisen` reads the
future from `werde`, not the past from `sagte`. Cues come from the base pipeline's morphology when
it has one (``Tense=Past``) and from the language's word lists (``[tense]`` in ``times.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

Cue = tuple[int, str]  # (character offset, "past" | "future")


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
        )

    def cues(self, words: Iterable[tuple[int, str, str]]) -> list[Cue]:
        """Cues of one sentence from ``(offset, text, morph tense or "")`` triples."""
        items = list(words)
        has_perfect_aux = any(text.lower() in self.perfect_aux for _, text, _ in items)
        pluperfect = any(text.lower() in self.pluperfect_aux for _, text, _ in items)
        prospective = any(text.lower() in self.prospective for _, text, _ in items)
        out: list[Cue] = []
        for offset, text, morph_tense in items:
            low = text.lower()
            if pluperfect and low in self.modal_infinitives:
                continue  # ``hatte im Februar reisen wollen``: a past plan, not a future
            if prospective and low in self.infinitive_marks:
                out.append((offset, "future"))
                continue
            if low in self.future:
                out.append((offset, "future"))
            else:
                regular_past = self.past_form is not None and text.islower() and bool(self.past_form.match(low))
                perfect = (
                    has_perfect_aux
                    and self.participle is not None
                    and text.islower()
                    and bool(self.participle.match(low))
                )
                if morph_tense == "Past" or low in self.past or regular_past or perfect:
                    out.append((offset, "past"))
        return out


def tense_at(cues: list[Cue], start: int, end: int) -> str:
    """The tense of the cue nearest to ``[start, end)``; "present" when the sentence has none."""
    best: tuple[int, str] | None = None
    for offset, tense in cues:
        distance = start - offset if offset < start else max(0, offset - end)
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else "present"
