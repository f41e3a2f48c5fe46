"""Score records against gold files in the ``newsgraph-gold/1`` format (``shared/gold/README.md``).

The gold is written in canonical English names, independent of any knowledge base. A system entity
*maps* to a gold entity when one of its mention texts equals one of the gold entity's mentions after
normalisation (Unicode NFC, case-folding, surrounding punctuation stripped). Events and quotes are
scored through that mapping, so an evaluation never depends on how the system spells names.

Per layer (micro-averaged over documents):

- entities: P/R/F1 over typed mention classes (normalised mention text + type, once per class);
- events: one-to-one matches on type family, participant set, and date/place where the gold has them;
  status accuracy over matched events (``planned`` and ``possible`` count as one class); beside this
  strict rule a *lenient* count (participants covering the gold's, date not contradicting, place not
  asked; see :func:`match_events`);
- quotes: matches on content (``starts_with`` at the start or within the first 40 characters);
  speaker and ``via`` accuracy over matched quotes;
- times: matches on text overlap with the gold expression's occurrence; value accuracy over matches;
- reference date: whether the inferred/used reference year is the gold's expected year.

Run ``python -m newsgraph.evaluate GOLD...`` (or ``newsgraph eval``) for the table.
"""

from __future__ import annotations

import json
import string
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .record import Event, Record

#: gold event types and the finer system types that count as the same family
EVENT_FAMILIES: dict[str, str] = {
    "meeting": "meeting",
    "summit": "meeting",
    "talks": "meeting",
    "phone_call": "phone_call",
    "video_call": "phone_call",
    "call": "phone_call",
    "visit": "visit",
    "state_visit": "visit",
    "negotiation": "negotiation",
    "agreement": "agreement",
    "statement": "statement",
}

#: statuses that are scored as one class
STATUS_CLASSES: dict[str, str] = {"planned": "not_yet", "possible": "not_yet"}

_PUNCT = string.punctuation + "„“”‚‘’»«–—…"


def normalise(text: str) -> str:
    """NFC, case-folded, surrounding punctuation and whitespace stripped (the gold's rule)."""
    return unicodedata.normalize("NFC", text).casefold().strip().strip(_PUNCT).strip()


def event_family(event_type: str | None) -> str:
    """The family a (possibly finer) event type belongs to."""
    return EVENT_FAMILIES.get(event_type or "", event_type or "")


def status_class(status: str | None) -> str:
    """The scoring class of an event status."""
    return STATUS_CLASSES.get(status or "unknown", status or "unknown")


@dataclass
class Counts:
    """True positives, false positives and false negatives of one layer."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def scores(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": p, "recall": r, "f1": f}


@dataclass
class Accuracy:
    """Correct out of total, for attribution, status and value accuracies."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    def merge(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total

    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass
class DocumentScore:
    """Scores and the misses of one gold document (the misses make the numbers actionable)."""

    gold: str
    entities: Counts = field(default_factory=Counts)
    events: Counts = field(default_factory=Counts)
    events_lenient: Counts = field(default_factory=Counts)
    quotes: Counts = field(default_factory=Counts)
    times: Counts = field(default_factory=Counts)
    event_status: Accuracy = field(default_factory=Accuracy)
    quote_speaker: Accuracy = field(default_factory=Accuracy)
    quote_via: Accuracy = field(default_factory=Accuracy)
    time_value: Accuracy = field(default_factory=Accuracy)
    reference_year: Accuracy = field(default_factory=Accuracy)
    problems: list[str] = field(default_factory=list)


class EntityMap:
    """Maps system entity ids to gold entity names through normalised mention texts."""

    def __init__(self, gold: dict[str, Any], record: Record) -> None:
        by_mention: dict[str, str] = {}
        for g in gold.get("entities", []):
            for m in g.get("mentions", []):
                by_mention.setdefault(normalise(m), g["name"])
        self.gold_of: dict[str, str | None] = {}
        for ent in record.entities:
            names = [by_mention.get(normalise(m.text)) for m in ent.mentions]
            found = [n for n in names if n]
            # the most frequent gold name among the mentions wins
            self.gold_of[ent.id] = max(set(found), key=found.count) if found else None
        self.names = {e.id: e.name for e in record.entities}

    def __call__(self, entity_id: str | None) -> str | None:
        return self.gold_of.get(entity_id) if entity_id else None


def score_entities(gold: dict[str, Any], record: Record, doc: DocumentScore) -> None:
    gold_classes = {(normalise(m), g["type"]) for g in gold.get("entities", []) for m in g.get("mentions", [])}
    sys_classes = {(normalise(m.text), e.type) for e in record.entities for m in e.mentions}
    tp = gold_classes & sys_classes
    doc.entities.add(Counts(len(tp), len(sys_classes - gold_classes), len(gold_classes - sys_classes)))
    for text, typ in sorted(gold_classes - sys_classes):
        doc.problems.append(f"entity missed: {text!r} {typ}")
    for text, typ in sorted(sys_classes - gold_classes):
        doc.problems.append(f"entity spurious: {text!r} {typ}")


def _date_agrees(gold_event: dict[str, Any], value: str | None) -> bool:
    want = gold_event.get("date")
    if not want:
        return True
    return bool(value) and str(value).startswith(want)


def _lenient_date_agrees(gold_event: dict[str, Any], value: str | None) -> bool:
    """Dates agree at the coarser precision of the two; a missing date on either side agrees."""
    want = gold_event.get("date")
    if not want or not value or not str(value)[:1].isdigit():
        return True
    n = min(len(want), len(str(value)))
    return str(value)[:n] == want[:n]


def _participants_agree(want: set[str], got: set[str | None], lenient: bool) -> bool:
    if not lenient:
        return got == want
    # lenient: the parties found cover the gold's (all of a two-party event, two of a larger one);
    # further parties the system adds are tolerated
    return len(want & {g for g in got if g}) >= min(2, len(want))


def match_events(
    gold: dict[str, Any], record: Record, emap: EntityMap, lenient: bool = False
) -> tuple[list[tuple[dict[str, Any], Event | None]], list[Event]]:
    """Each gold event with the record's event that matches it (or None), and the unmatched rest.

    A strict match (the gold README's rule) has the same type family, the same participants, the gold
    place (when given) and an agreeing date; each record event matches at most one gold event, in gold
    order. A *lenient* match asks the same type family, participants that cover the gold's (both
    parties of a two-party event, at least two of a larger one; extra parties allowed), and a date
    that does not contradict the gold's at the coarser precision; the place is not asked.
    """
    unused = list(record.events)
    pairs: list[tuple[dict[str, Any], Event | None]] = []
    for g in gold.get("events", []):
        want_parts = set(g.get("participants", []))
        match = None
        for ev in unused:
            if event_family(ev.type) != event_family(g["type"]):
                continue
            if not _participants_agree(want_parts, {emap(p) for p in ev.participants}, lenient):
                continue
            value = ev.time.value if ev.time else None
            if lenient:
                if not _lenient_date_agrees(g, value):
                    continue
            elif (g.get("place") and emap(ev.place) != g["place"]) or not _date_agrees(g, value):
                continue
            match = ev
            break
        if match is not None:
            unused.remove(match)
        pairs.append((g, match))
    return pairs, unused


def score_events(gold: dict[str, Any], record: Record, emap: EntityMap, doc: DocumentScore) -> None:
    pairs, unused = match_events(gold, record, emap)
    for g, match in pairs:
        want_parts = set(g.get("participants", []))
        if match is None:
            doc.events.fn += 1
            doc.problems.append(f"event missed: {g['type']} {sorted(want_parts)} {g.get('place')} {g.get('date')}")
            continue
        doc.events.tp += 1
        ok = status_class(match.status) == status_class(g.get("status"))
        doc.event_status.add(ok)
        if not ok:
            doc.problems.append(f"event status: {g['type']} {sorted(want_parts)} {match.status} != {g.get('status')}")
    doc.events.fp += len(unused)
    for ev in unused:
        parts = [emap(p) or emap.names.get(p) for p in ev.participants]
        doc.problems.append(f"event spurious: {ev.type} {parts} status={ev.status}")
    lenient_pairs, lenient_unused = match_events(gold, record, emap, lenient=True)
    found = sum(1 for _, m in lenient_pairs if m is not None)
    doc.events_lenient.add(Counts(found, len(lenient_unused), len(lenient_pairs) - found))


def _quote_position(starts_with: str, content: str) -> int | None:
    """Where the gold's opening words stand in the content: 0 = at the start; None = no match."""
    want, have = normalise(starts_with), normalise(content)
    index = have.find(want)
    return index if 0 <= index <= 40 else None


def score_quotes(gold: dict[str, Any], record: Record, emap: EntityMap, doc: DocumentScore) -> None:
    unused = list(record.quotes)
    for g in gold.get("quotes", []):
        candidates = [
            (pos, i) for i, q in enumerate(unused) if (pos := _quote_position(g["starts_with"], q.text)) is not None
        ]
        match = unused[min(candidates)[1]] if candidates else None
        if match is None:
            doc.quotes.fn += 1
            doc.problems.append(f"quote missed: {g['starts_with']!r}")
            continue
        unused.remove(match)
        doc.quotes.tp += 1
        allowed = g.get("speaker_any_of") or [None]
        speaker = emap(match.speaker)
        ok = speaker in allowed or (match.speaker is None and None in allowed)
        doc.quote_speaker.add(ok)
        if not ok:
            doc.problems.append(
                f"quote speaker: {g['starts_with']!r}: {speaker or emap.names.get(match.speaker or '')} "
                f"({match.speaker_text!r}) not in {allowed}"
            )
        via_ok = emap(match.via) == g.get("via")
        doc.quote_via.add(via_ok)
        if not via_ok:
            doc.problems.append(f"quote via: {g['starts_with']!r}: {emap(match.via)} != {g.get('via')}")
    doc.quotes.fp += len(unused)
    for q in unused:
        doc.problems.append(f"quote spurious: {q.kind} {q.text[:50]!r}")


def _locate(text: str, needle: str, taken: set[tuple[int, int]]) -> tuple[int, int] | None:
    start = text.find(needle)
    while start != -1:
        span = (start, start + len(needle))
        if span not in taken:
            return span
        start = text.find(needle, start + 1)
    return None


def score_times(gold: dict[str, Any], record: Record, doc: DocumentScore) -> None:
    taken: set[tuple[int, int]] = set()
    unused = list(record.times)
    for g in gold.get("times", []):
        span = _locate(record.text, g["text"], taken)
        if span is None:
            doc.problems.append(f"gold time {g['text']!r} not found in the document text")
            doc.times.fn += 1
            continue
        taken.add(span)
        match = next((t for t in unused if t.start < span[1] and span[0] < t.end), None)
        if match is None:
            doc.times.fn += 1
            doc.problems.append(f"time missed: {g['text']!r} ({g['value']})")
            continue
        unused.remove(match)
        doc.times.tp += 1
        ok = match.value == g["value"]
        doc.time_value.add(ok)
        if not ok:
            doc.problems.append(f"time value: {g['text']!r}: {match.value} != {g['value']}")
    doc.times.fp += len(unused)
    for t in unused:
        doc.problems.append(f"time spurious: {t.text!r} ({t.value})")


def score_record(gold: dict[str, Any], record: Record, name: str = "") -> DocumentScore:
    """Score one record against its gold."""
    doc = DocumentScore(gold=name)
    emap = EntityMap(gold, record)
    score_entities(gold, record, doc)
    score_events(gold, record, emap, doc)
    score_quotes(gold, record, emap, doc)
    score_times(gold, record, doc)
    expected = gold.get("expected_reference_year")
    if expected:
        value = record.reference_date.value
        doc.reference_year.add(bool(value) and value[:4] == str(expected))
        if not (value and value[:4] == str(expected)):
            doc.problems.append(f"reference year: {value} != {expected}")
    return doc


def load_gold(path: Path) -> tuple[dict[str, Any], str]:
    """A gold file and the text of the document it annotates."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    if gold.get("format") != "newsgraph-gold/1":
        raise ValueError(f"{path}: not a newsgraph-gold/1 file (format={gold.get('format')!r})")
    text = (path.parent / gold["document"]).read_text(encoding="utf-8")
    return gold, text


@lru_cache(maxsize=4)
def _check_names(splits_file: Path) -> frozenset[str]:
    splits = json.loads(splits_file.read_text(encoding="utf-8"))
    check = splits["check"]
    # the shared gold lists WikiNews stems and cluster folders; a plain gold folder lists ``articles``
    return frozenset(name for key in ("wikinews", "clusters", "articles") for name in check.get(key, []))


def gold_split(path: Path) -> str:
    """``check`` or ``tune``: the split of ``splits.json`` (in the gold folder) a gold file belongs to.

    A WikiNews file is named by its stem, a cluster article by its cluster's folder; a file the
    ``check`` lists do not name (the founding article too) is ``tune`` material. Without a
    ``splits.json`` everything is ``tune``.
    """
    path = Path(path)
    for folder in (path.parent, path.parent.parent, path.parent.parent.parent):
        splits_file = folder / "splits.json"
        if splits_file.exists():
            check = _check_names(splits_file)
            return "check" if path.name.removesuffix(".gold.json") in check or path.parent.name in check else "tune"
    return "tune"


def summarise(docs: Iterable[DocumentScore]) -> dict[str, Any]:
    """Micro-averaged scores over documents, plus each document's own."""
    docs = list(docs)
    totals = {name: Counts() for name in ("entities", "events", "events_lenient", "quotes", "times")}
    accs = {name: Accuracy() for name in ("event_status", "quote_speaker", "quote_via", "time_value", "reference_year")}
    for d in docs:
        for name, c in totals.items():
            c.add(getattr(d, name))
        for name, a in accs.items():
            a.merge(getattr(d, name))
    result: dict[str, Any] = {name: c.scores() for name, c in totals.items()}
    result["events"]["status_accuracy"] = accs["event_status"].value()
    result["quotes"]["speaker_accuracy"] = accs["quote_speaker"].value()
    result["quotes"]["via_accuracy"] = accs["quote_via"].value()
    result["times"]["value_accuracy"] = accs["time_value"].value()
    result["reference_year_accuracy"] = accs["reference_year"].value()
    result["documents"] = [
        {
            "gold": d.gold,
            **{name: getattr(d, name).scores() for name in totals},
            "problems": d.problems,
        }
        for d in docs
    ]
    return result


def evaluate_files(
    paths: Iterable[Path],
    *,
    extract: Callable[..., Record] | None = None,
    progress: Callable[[Path], None] | None = None,
) -> dict[str, Any]:
    """Extract each gold file's document with ``extract`` (default: :func:`newsgraph.extract`) and score it."""
    if extract is None:
        from .api import extract as default_extract

        extract = default_extract
    docs = []
    for path in paths:
        path = Path(path)
        gold, text = load_gold(path)
        record = extract(text, lang=gold.get("language"), published=gold.get("published"))
        docs.append(score_record(gold, record, name=str(path)))
        if progress:
            progress(path)
    return summarise(docs)


def expand_gold_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Gold files named directly, or all ``*.gold.json`` under named folders."""
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.rglob("*.gold.json")) if p.is_dir() else [p])
    return out


def format_table(result: dict[str, Any]) -> str:
    """A plain-text table of the per-layer figures."""

    def pct(x: float | None) -> str:
        return "   -  " if x is None else f"{x:6.3f}"

    extra = {
        "entities": "",
        "events": f"status acc {pct(result['events']['status_accuracy'])}",
        "quotes": f"speaker acc {pct(result['quotes']['speaker_accuracy'])}  "
        f"via acc {pct(result['quotes']['via_accuracy'])}",
        "times": f"value acc {pct(result['times']['value_accuracy'])}",
    }
    lines = [f"{'layer':9} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}  other"]
    for name in ("entities", "events", "quotes", "times"):
        s = result[name]
        lines.append(
            f"{name:9} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
            f"{s['tp']:4d} {s['fp']:4d} {s['fn']:4d}  {extra[name]}"
        )
    lenient = result.get("events_lenient")
    if lenient:
        lines.insert(
            3,
            f"{'events~':9} {lenient['precision']:6.3f} {lenient['recall']:6.3f} {lenient['f1']:6.3f} "
            f"{lenient['tp']:4d} {lenient['fp']:4d} {lenient['fn']:4d}  lenient: participants covering the gold's",
        )
    lines.append(f"reference year accuracy {pct(result['reference_year_accuracy'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m newsgraph.evaluate [--json] [--problems] GOLD...``"""
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args
    show_problems = "--problems" in args
    paths = expand_gold_paths(a for a in args if not a.startswith("--"))
    if not paths:
        print("usage: python -m newsgraph.evaluate [--json] [--problems] GOLD_FILE_OR_DIR...", file=sys.stderr)
        return 2
    result = evaluate_files(paths)
    if as_json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(format_table(result))
    if show_problems:
        for d in result["documents"]:
            print(f"\n# {d['gold']}")
            for p in d["problems"]:
                print(f"  {p}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
