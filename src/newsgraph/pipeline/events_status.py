"""Did the event happen? Status from cue words (``events_status.toml``), tense and the event's time.

The decision is deliberately conservative about the past: a planned or possible event never gets a
guessed past date (the caller drops a time before the reference date for such events), and an event
whose only evidence is a time after the reference date is *planned*, not happened.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from .events_lexicon import Lexicon


def _cues(lex: Lexicon, words: Iterable[str]) -> set[str]:
    """The statuses cued by ``words``."""
    data = lex.status
    found: set[str] = set()
    words = [w.lower() for w in words]
    for status in ("cancelled", "denied", "possible", "planned", "happened"):
        spec = data.get(status, {})
        vocab = set(spec.get("words", [])) | set(spec.get("past_forms", []))
        prefixes = tuple(spec.get("prefixes", []))
        if any(w in vocab or (prefixes and w.startswith(prefixes)) for w in words):
            found.add(status)
    deny = data.get("denied", {})
    negations = set(deny.get("negations", []))
    partners = set(deny.get("negation_partners", []))
    if any(w in negations for w in words) and any(w in partners for w in words):
        found.add("denied")
    if "planned" in found:
        # ``wurde/werden ... getroffen``: a passive, not a future
        aux_only = {"wird", "werden"} & set(words)
        other_planned = (set(words) & set(data.get("planned", {}).get("words", []))) - aux_only
        if aux_only and not other_planned and set(words) & set(data.get("planned", {}).get("passive_participles", [])):
            found.discard("planned")
    return found


def decide_status(
    lex: Lexicon,
    doc: Doc,
    local: list[int],
    clause: list[int],
    trigger_word: str,
    time_value: str | None,
    reference: str | None,
    is_verb: bool = False,
) -> tuple[str, str]:
    """(status, reason) for one trigger from its local words, its clause and its time."""
    precedence = lex.status.get("precedence", ["cancelled", "denied", "possible", "planned", "happened"])
    local_cues = _cues(lex, [doc[i].text for i in local])
    clause_cues = _cues(lex, [doc[i].text for i in clause])
    own = _cues(lex, [trigger_word])
    for hard in ("cancelled", "denied"):
        # ``das geplante Treffen wurde abgesagt``: a cancellation or denial overrides what was planned
        if hard in local_cues | clause_cues | own:
            return hard, "cue"
    for cues, where in ((local_cues, "modifier"), (clause_cues | own, "clause")):
        for status in precedence:
            if status in cues and status != "happened":
                return status, f"{where} cue"
    happened = "happened" in clause_cues or "happened" in own
    dated = bool(time_value and reference and len(time_value) >= 4 and time_value[:1].isdigit())
    if (
        dated
        and (
            time_value[: len(reference)] > reference[: len(time_value)]  # type: ignore[index]
            or (is_verb and not happened and len(time_value) >= 10 and time_value[:10] >= reference[:10])  # type: ignore[arg-type,index]
        )
    ):
        return "planned", "time after the reference date"
    if happened:
        return "happened", "past tense"
    return "happened", "default (reported as fact)"
