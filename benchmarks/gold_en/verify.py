"""Check the project's English gold against its texts: every span's text at its offsets.

The gold format (``newsgraph-gold/1``) names spans by their text; these files also carry
``start`` offsets for times and quotes so that a reader (and this checker) knows which
occurrence is meant. The evaluator takes a time's first unused occurrence in list order, so a
time whose ``start`` differs from that occurrence would be scored on the wrong span: that is an
error here too. Entity mentions and event evidence must occur in the text as whole words.

    python benchmarks/gold_en/verify.py            # verify, exit 1 on any problem
    python benchmarks/gold_en/verify.py --fill     # add missing ``start`` offsets, then verify

Problems are printed as ``file: field[index]: problem`` and every file is checked.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TYPES = {"PER", "ORG", "LOC", "MISC"}
STATUSES = {"happened", "planned", "possible", "cancelled", "denied"}
EVENT_TYPES = {"meeting", "summit", "talks", "phone_call", "visit", "negotiation", "agreement", "statement"}
KINDS = {"direct", "partial", "indirect"}


def whole_word_offsets(text: str, needle: str) -> list[int]:
    """Offsets where ``needle`` occurs with no letter or digit glued to either side."""
    pattern = r"(?<![\w])" + re.escape(needle) + r"(?![\w])"
    return [m.start() for m in re.finditer(pattern, text)]


def dump(gold: dict[str, Any]) -> str:
    """The gold as JSON with one list item per line (the layout these files are written in)."""
    lines = ["{"]
    items = list(gold.items())
    for i, (key, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(value, list):
            if not value:
                lines.append(f'  "{key}": []{comma}')
                continue
            lines.append(f'  "{key}": [')
            rows = [json.dumps(v, ensure_ascii=False) for v in value]
            lines.extend(f"    {row}{',' if j < len(rows) - 1 else ''}" for j, row in enumerate(rows))
            lines.append(f"  ]{comma}")
        else:
            lines.append(f'  "{key}": {json.dumps(value, ensure_ascii=False)}{comma}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def check(path: Path, fill: bool) -> list[str]:
    """The problems of one gold file (after filling offsets when ``fill``)."""
    problems: list[str] = []
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / gold["document"]).read_text(encoding="utf-8")
    if gold.get("format") != "newsgraph-gold/1":
        problems.append(f"format: {gold.get('format')!r}")
    names = {e["name"] for e in gold.get("entities", [])}
    for i, ent in enumerate(gold.get("entities", [])):
        if ent.get("type") not in TYPES:
            problems.append(f"entities[{i}]: type {ent.get('type')!r}")
        for mention in ent.get("mentions", []):
            found = whole_word_offsets(text, mention)
            # a mention must stand on its own somewhere, not only inside a longer mention
            longer = [
                (s, s + len(m))
                for e in gold.get("entities", [])
                for m in e.get("mentions", [])
                if len(m) > len(mention) and mention in m
                for s in whole_word_offsets(text, m)
            ]
            alone = [f for f in found if not any(a <= f and f + len(mention) <= b for a, b in longer)]
            if not alone:
                problems.append(f"entities[{i}]: mention {mention!r} not in the text on its own")
    for i, ev in enumerate(gold.get("events", [])):
        if ev.get("type") not in EVENT_TYPES or ev.get("status") not in STATUSES:
            problems.append(f"events[{i}]: type {ev.get('type')!r} / status {ev.get('status')!r}")
        for name in [*ev.get("participants", []), ev.get("place")]:
            if name is not None and name not in names:
                problems.append(f"events[{i}]: {name!r} is no gold entity")
        for phrase in ev.get("evidence", []):
            if phrase not in text:
                problems.append(f"events[{i}]: evidence {phrase!r} not in the text")
    for i, q in enumerate(gold.get("quotes", [])):
        if q.get("kind") not in KINDS:
            problems.append(f"quotes[{i}]: kind {q.get('kind')!r}")
        for name in [*q.get("speaker_any_of", []), q.get("via")]:
            if name is not None and name not in names:
                problems.append(f"quotes[{i}]: {name!r} is no gold entity")
        found = [m.start() for m in re.finditer(re.escape(q["starts_with"]), text)]
        if fill and "start" not in q and found:
            q["start"] = found[0]
        if q.get("start") not in found:
            problems.append(f"quotes[{i}]: {q['starts_with']!r} not at {q.get('start')} (occurs at {found})")
    taken: set[int] = set()
    for i, t in enumerate(gold.get("times", [])):
        # the evaluator's choice: the first occurrence not taken by an earlier time of the list
        first = next((s for s in (m.start() for m in re.finditer(re.escape(t["text"]), text)) if s not in taken), None)
        if first is None:
            problems.append(f"times[{i}]: {t['text']!r} not in the text (or every occurrence taken)")
            continue
        taken.add(first)
        if fill and "start" not in t:
            t["start"] = first
        if t.get("start") != first or text[first : first + len(t["text"])] != t["text"]:
            problems.append(f"times[{i}]: {t['text']!r} at {t.get('start')}, but the evaluator reads {first}")
    if fill:
        path.write_text(dump(gold), encoding="utf-8")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", action="store_true", help="add missing start offsets before checking")
    parser.add_argument("paths", nargs="*", type=Path, help="gold files (default: all in this folder)")
    args = parser.parse_args()
    paths = args.paths or sorted(HERE.glob("*.gold.json"))
    bad = 0
    for path in paths:
        for problem in check(path, args.fill):
            bad += 1
            print(f"{path.name}: {problem}")
    print(f"{len(paths)} gold files, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
