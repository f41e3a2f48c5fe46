"""Did the event happen? Status from cue words (``events_status.toml``), tense and the event's time.

The decision is deliberately conservative about the past: a planned or possible event never gets a
guessed past date (the caller drops a time before the reference date for such events), and an event
whose only evidence is a time after the reference date is *planned*, not happened.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from spacy.tokens import Doc

from .args import word_before_phrase
from .lexicon import Lexicon


def _cues(lex: Lexicon, words: Iterable[str]) -> set[str]:
    """The statuses cued by ``words``."""
    data = lex.status
    found: set[str] = set()
    lower_only = set(data.get("lower_case_only", {}).get("words", []))
    # ``in May``: a capitalised word that is a cue only in lower case (the modal ``may``) is no cue
    words = [w.lower() for w in words if not (w[:1].isupper() and w.lower() in lower_only)]
    joined = f" {' '.join(words)} "
    for status in ("cancelled", "denied", "possible", "planned", "happened"):
        spec = data.get(status, {})
        vocab = set(spec.get("words", [])) | set(spec.get("past_forms", []))
        prefixes = tuple(spec.get("prefixes", []))
        phrases = [v for v in vocab if " " in v]  # ``called off``: a cue of several words, in order
        if any(w in vocab or (prefixes and w.startswith(prefixes)) for w in words) or any(
            f" {p} " in joined for p in phrases
        ):
            found.add(status)
    present = set(words)
    for status in ("cancelled", "denied", "possible", "planned"):
        # separable verbs: ``sagte ... ab``, ``wies ... zurück``, ``schlug ... vor`` (both parts in the clause)
        for pair in data.get(status, {}).get("pairs", []):
            if all(w in present for w in pair):
                found.add(status)
    deny = data.get("denied", {})
    negations = set(deny.get("negations", []))
    partners = set(deny.get("negation_partners", []))
    negated = any(w in negations for w in words)
    if negated and set(data.get("cancelled", {}).get("negation_partners", [])) & present:
        found.add("cancelled")  # ``kam nicht zustande``
    if "denied" in found and negated and deny.get("negated_denial"):
        # ``schloss ein Treffen nicht aus``: not ruled out
        found.discard("denied")
        found.add(deny["negated_denial"])
    elif negated and any(w in partners for w in words):
        found.add("denied")
    if "planned" in found:
        # ``wurde/werden ... getroffen``: a passive, not a future
        aux_only = {"wird", "werden"} & set(words)
        other_planned = (set(words) & set(data.get("planned", {}).get("words", []))) - aux_only
        if aux_only and not other_planned and set(words) & set(data.get("planned", {}).get("passive_participles", [])):
            found.discard("planned")
    if "planned" in found and _hearsay(data, words):
        found.discard("planned")
        found.add("happened")
    return found


def _hearsay(data: dict, words: list[str]) -> bool:
    """``soll sich ... getroffen haben``: a modal with a perfect infinitive reports a past event.

    German ``sollen`` + perfect infinitive is the hearsay form (the event reportedly happened), not
    a plan; it counts only when no other planned cue (``geplant``, ``will``) is in the clause.
    """
    spec = data.get("hearsay", {})
    modals = set(spec.get("modals", []))
    auxiliaries = set(spec.get("perfect_auxiliaries", []))
    planned = set(data.get("planned", {}).get("words", []))
    present = set(words)
    if not (present & modals and present & auxiliaries):
        return False
    return not ((present & planned) - modals)


def _before_noun(doc: Doc, local: list[int]) -> tuple[int, int] | None:
    """(preposition, article) positions before a noun trigger: the words right before it, past its
    adjectives, are an article and then a preposition; None when the window holds no such pair."""
    if not local:
        return None
    j = max(local)
    while j >= min(local) and doc[j].pos_ in {"ADJ", "NUM"}:
        j -= 1
    if j - 1 < min(local):
        return None
    return j - 1, j


def _topic_of_talk(lex: Lexicon, doc: Doc, local: list[int]) -> bool:
    """``über ein Dreiertreffen ... gesprochen``, ``talked about a meeting``: a hypothetical event."""
    spec = lex.status.get("topic", {})
    found = _before_noun(doc, local)
    if not spec or found is None:
        return False
    prep, article = found
    return doc[prep].text.lower() in set(spec.get("prepositions", [])) and doc[article].text.lower() in set(
        spec.get("indefinite", [])
    )


#: the tagger's past-tense finite verbs (German STTS has no tense tag: the morphologizer's ``Tense``)
PAST_TAGS = frozenset({"VBD"})
#: past participles (a perfect or a passive: no present-tense report)
PARTICIPLE_TAGS = frozenset({"VVPP", "VAPP", "VMPP", "VBN"})


def _anterior(lex: Lexicon, doc: Doc, local: list[int], clause: list[int]) -> bool:
    """Whether a noun trigger stands in an ``after`` phrase (``[anterior]``) of a past-tense clause.

    ``Nach einem Treffen mit Macron sagte Scholz ...``: the meeting is over when the clause's past
    event takes place. A present or future clause (``Nach dem Treffen wird Scholz ...``) or a past
    modal (``wollte``: a plan in a preview) decides nothing.
    """
    preps = set(lex.status.get("anterior", {}).get("prepositions", []))
    if not preps or not local:
        return False
    j = word_before_phrase(doc, max(local) + 1, min(local))  # the noun follows its window
    if j < min(local) or doc[j].text.lower() not in preps:
        return False  # ``reiste nach Paris zu Gesprächen``: the preposition governs another noun
    # a past modal (``wollte``, ``sollte``) is no such evidence: previews tell plans in it (``Nach dem
    # Treffen wollte Scholz nach Rom weiterreisen``)
    modals = set(lex.status.get("anterior", {}).get("modal_tags", []))
    return any(
        doc[j].tag_ not in modals
        and (doc[j].tag_ in PAST_TAGS or (doc[j].tag_.endswith("FIN") and "Past" in doc[j].morph.get("Tense")))
        for j in clause
    )


def _reported_future(lex: Lexicon, doc: Doc, clause: list[int], governing: list[int] | None) -> bool:
    """``Trump said he would call Zelensky``: a future told in reported speech, shifted back into ``would``.

    ``[planned] reported_future``: when the clause's only possible cue is one of ``modals`` and a
    reporting verb (``reporting``) stands before it in the clause or in the clause it depends on, the
    event is planned, not merely possible. Another possible cue (``could``, ``might``, ``ready``) keeps it possible.
    """
    spec = lex.status.get("planned", {}).get("reported_future", {})
    modals, reporting = set(spec.get("modals", [])), set(spec.get("reporting", []))
    if not modals or not reporting:
        return False
    words = [doc[i].text.lower() for i in clause]
    at = next((n for n, w in enumerate(words) if w in modals), None)
    if at is None or "possible" in _cues(lex, [doc[i].text for n, i in enumerate(clause) if n != at]):
        return False
    return any(w in reporting for w in words[:at]) or any(doc[i].text.lower() in reporting for i in governing or [])


def hedged(lex: Lexicon, words: Iterable[str]) -> bool:
    """Whether the words report the event only as unconfirmed (``nach unbestätigten Berichten``)."""
    vocab = set(lex.status.get("hedges", {}).get("words", []))
    return any(w.lower() in vocab for w in words)


#: the first month of a TIMEX period within a year: a season (winter starts in December of its year, as
#: in the store's intervals), a quarter, a half
_PERIOD_START = {
    "SP": "03",
    "SU": "06",
    "FA": "09",
    "AU": "09",
    "WI": "12",
    "Q1": "01",
    "Q2": "04",
    "Q3": "07",
    "Q4": "10",
    "H1": "01",
    "H2": "07",
}


def _comparable(value: str | None) -> str | None:
    """A TIMEX value as the first day or month it covers, so that it compares with a reference date.

    ``2024-W10`` -> ``2024-03-04`` (its Monday), ``2024-W10-WE`` -> its Saturday, ``2024-SP`` ->
    ``2024-03``. Compared as strings, a week or a season sorts after every date of its year: ``last
    week`` and ``im Frühjahr`` became future times, and a visit reported in the past (``hatte Ankara im
    Frühjahr besucht``) became planned.
    """
    if not value or len(value) < 7 or value[4] != "-":
        return value
    if value[5:7] in _PERIOD_START and len(value) == 7:
        return f"{value[:4]}-{_PERIOD_START[value[5:7]]}"
    if len(value) < 8 or value[5] != "W" or not value[6:8].isdigit():
        return value
    # a week's weekend (``2024-W20-WE``, ``am Wochenende``) starts on its Saturday
    first = 6 if value[8:] == "-WE" else 1
    try:
        return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), first).isoformat()
    except ValueError:
        return value


def _perfect(lex: Lexicon, doc: Doc, clause: list[int], trigger_word: str, is_verb: bool) -> bool:
    """Whether a verb trigger is the participle of a perfect (``hat am Abend mit Selenskyj telefoniert``,
    ``hat gesprochen``): a perfect auxiliary in its clause and a participle form (``[happened] perfect_aux``,
    ``participle_regex``); the present ``telefoniert`` without the auxiliary is no past."""
    spec = lex.status.get("happened", {})
    pattern = spec.get("participle_regex")
    if not is_verb or not pattern or not re.match(pattern, trigger_word.lower()):
        return False
    aux = set(spec.get("perfect_aux", []))
    return any(doc[i].text.lower() in aux for i in clause)


def _without_attributives(lex: Lexicon, doc: Doc, clause: list[int]) -> list[int]:
    """The clause without the cue words that modify an event noun of their own.

    English ``discussed shipping and a planned visit by Jaishankar``: ``planned`` tells the visit's
    status, not the discussion's. A word of ``[attributive] words`` (events_status.toml) counts as the
    noun's when an event noun follows it within ``reach`` words; a language without the list keeps all.
    """
    spec = lex.status.get("attributive", {})
    words = frozenset(spec.get("words", []))
    if not words:
        return clause
    reach = int(spec.get("reach", 2))
    drop = {
        i
        for i in clause
        if doc[i].text.lower() in words
        and any(lex.noun_trigger(doc[j]) is not None for j in range(i + 1, min(i + 1 + reach, len(doc))))
    }
    return [i for i in clause if i not in drop] if drop else clause


def _negated_verb(lex: Lexicon, doc: Doc, i: int) -> bool:
    """Whether a negation stands right before the verb trigger at ``i``, with only auxiliaries and
    adverbs between (English ``have not met``, ``had never visited``, ``did not meet``; ``[denied]
    negated_verb_reach`` words back at most): the verb tells what did not happen."""
    reach = int(lex.status.get("denied", {}).get("negated_verb_reach", 0))
    negations = set(lex.status.get("denied", {}).get("negations", []))
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        if doc[j].text.lower() in negations:
            return True
        if doc[j].pos_ not in {"AUX", "ADV", "PART"}:
            return False
    return False


def decide_status(
    lex: Lexicon,
    doc: Doc,
    local: list[int],
    clause: list[int],
    trigger_word: str,
    time_value: str | None,
    reference: str | None,
    is_verb: bool = False,
    governing: list[int] | None = None,
    trigger_tag: str = "",
    trigger_index: int | None = None,
) -> tuple[str, str]:
    """(status, reason) for one trigger from its local words, its clause and its time.

    ``governing``: the clause a complement clause depends on (``Der Kreml bestritt, dass sich A und
    B getroffen hätten``, ``Ob sich A und B treffen, ist unklar``); its cancel/deny/possible/plan
    cues apply to the trigger, after the trigger's own clause.
    """
    precedence = lex.status.get("precedence", ["cancelled", "denied", "possible", "planned", "happened"])
    if is_verb:
        clause = _without_attributives(lex, doc, clause)
    local_cues = _cues(lex, [doc[i].text for i in local])
    # the trigger word counts with its clause for cues of several words (``plans to visit``) and for
    # a negation's partner (English ``will not meet``)
    clause_cues = _cues(lex, [doc[i].text for i in clause] + [trigger_word])
    if "possible" in clause_cues and _reported_future(lex, doc, clause, governing):
        clause_cues = (clause_cues - {"possible"}) | {"planned"}
    if trigger_tag and trigger_tag in lex.status.get("happened", {}).get("simple_past_tags", []):
        # English ``spoke by phone on Monday ..., ahead of trade talks later this week``: a verb in the
        # simple past (the trigger, or the verb whose object or means a noun trigger is: ``held talks``)
        # tells what happened; a future cue elsewhere in its clause is another event's
        clause_cues = clause_cues - {"planned"}
    own = _cues(lex, [trigger_word])
    outer = _cues(lex, [doc[i].text for i in governing or []]) - {"happened"}
    moved = lex.status.get("planned", {}).get("rescheduled", [])
    joined = f" {' '.join(doc[i].text.lower() for i in [*local, *clause])} " if moved else ""
    if any(f" {phrase} " in joined for phrase in moved):
        # ``was postponed until later this month``: put off to a new date, still to come
        return "planned", "rescheduled"
    if "denied" in clause_cues and not is_verb and any(doc[i].pos_ == "ADP" for i in local):
        # ``wollte sich nach einem Treffen mit Romney nicht festlegen``: the clause's negated verb does not
        # deny an event named in a prepositional phrase, unless a denial word says so
        negations = set(lex.status.get("denied", {}).get("negations", []))
        rest = [doc[i].text for i in clause if doc[i].text.lower() not in negations] + [trigger_word]
        if "denied" not in _cues(lex, rest):
            clause_cues = clause_cues - {"denied"}
    if is_verb and trigger_index is not None and _negated_verb(lex, doc, trigger_index):
        return "denied", "negated verb"
    plans = set(lex.status.get("cancelled", {}).get("negated_plan", []))
    if plans and not is_verb and "denied" in clause_cues and any(doc[i].text.lower() in plans for i in local):
        # English ``A planned meeting between A and B will not take place``: a plan that is negated is
        # called off, unless a word of denial (``denied``, ``ruled out``) says more than the negation
        negations = set(lex.status.get("denied", {}).get("negations", []))
        rest = [doc[i].text for i in clause if doc[i].text.lower() not in negations] + [trigger_word]
        if "denied" not in _cues(lex, rest):
            return "cancelled", "negated plan"
    for hard in ("cancelled", "denied"):
        # ``das geplante Treffen wurde abgesagt``: a cancellation or denial overrides what was planned
        if hard in local_cues | clause_cues | own | outer:
            return hard, "cue"
    attitudes = set(lex.status.get("possible", {}).get("governing_attitudes", []))
    if attitudes and any(doc[i].text.lower() in attitudes for i in governing or []):
        # ``er hoffe, Xi wieder zu treffen``, ``Merz erwartet, dass ein Abkommen stehen werde``: what someone
        # hopes for or expects may come, whatever the complement's own future cues say
        return "possible", "hoped for or expected"
    if not is_verb and not local_cues - {"happened"} and _anterior(lex, doc, local, clause):
        return "happened", "after-phrase in a past clause"
    if not is_verb and not local_cues and _topic_of_talk(lex, doc, local):
        return "possible", "indefinite topic of talk"
    for cues, where in ((local_cues, "modifier"), (clause_cues | own, "clause"), (outer, "governing clause")):
        for status in precedence:
            if status in cues and status != "happened":
                return status, f"{where} cue"
    happened = "happened" in clause_cues or "happened" in own or _perfect(lex, doc, clause, trigger_word, is_verb)
    raw_time = time_value
    time_value = _comparable(time_value)
    dated = bool(time_value and reference and len(time_value) >= 4 and time_value[:1].isdigit())
    if (
        dated
        and (
            time_value[: len(reference)] > reference[: len(time_value)]  # type: ignore[index]
            or (is_verb and not happened and len(time_value) >= 10 and time_value[:10] >= reference[:10])  # type: ignore[arg-type,index]
            # ``Mitte Juni sehen sich die beiden wieder`` on 4 June: a present-tense verb in the period
            # that holds the reference date tells what is still to come
            or (is_verb and not happened and len(time_value) < 10 and reference[: len(time_value)] == time_value)  # type: ignore[index]
        )
    ):
        return "planned", "time after the reference date"
    if (
        dated
        and not happened
        and len(reference or "") == 4
        and len(time_value or "") >= 7
        and time_value[:4] == reference  # type: ignore[index]
        and _present_clause(doc, clause)
    ):
        # ``Am Gipfel der G7 vom 15. bis 17. Juni treffen Merz und Trump erneut aufeinander`` in an article
        # whose date is known only to the year: a report tells the past in the past tense; a dated
        # happening in the present tense is still to come
        return "planned", "present tense with a date, reference known only to the year"
    if (
        is_verb
        and not happened
        and not reference
        and (raw_time or "").startswith("XXXX")
        and _present_clause(doc, clause)
    ):
        # ``Baerbock trifft am Freitag Wang Yi`` with no publication or inferred date: the day cannot be placed,
        # but a report tells what happened in a past tense; a verb in the present with a day is a preview
        return "planned", "present tense with a day, no reference date"
    if happened:
        return "happened", "past tense"
    return "happened", "default (reported as fact)"


def _present_clause(doc: Doc, clause: list[int]) -> bool:
    """Whether nothing in the clause is in a past tense: no past form and no participle (a perfect).

    Tags, not only finite verbs: the tagger takes a present verb of an unusual frame for an adjective
    (``treffen Merz und Trump erneut aufeinander``), and a clause without a past form is present."""
    return not any("Past" in doc[i].morph.get("Tense") or doc[i].tag_ in PAST_TAGS | PARTICIPLE_TAGS for i in clause)
