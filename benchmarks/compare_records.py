"""Dump the records of every gold text, then compare two dumps: proof that a speed change changed no output.

    python benchmarks/compare_records.py dump before.json [--shared ../shared] [--long 1000000]
    python benchmarks/compare_records.py dump after.json --batch   # the batched API the CLI uses
    python benchmarks/compare_records.py compare before.json after.json

``dump`` runs ``newsgraph.extract`` (as the gold benchmarks call it: the gold's language and
publication date) over the founding article, every WikiNews and cluster gold article (German and
English), the English development gold of ``benchmarks/gold_en/`` and the PLOVER development
sentences, plus, with ``--long N``, the German long-article text of ``bench_long.py`` of N characters
(sections and all). The records of ``tune`` and other open texts are kept whole so that a difference
can be shown; of a ``check`` article only a SHA-256 of its record is kept, and ``compare`` reports
those only as a count, so that nobody reads check output while tuning. ``compare`` exits 1 on any
difference.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _texts(shared: Path) -> list[tuple[str, str, str, str | None, str | None]]:
    """(name, split, text, language, published) of every text to compare."""
    from newsgraph.evaluate import expand_gold_paths, gold_split, load_gold

    out: list[tuple[str, str, str, str | None, str | None]] = []
    gold = shared / "gold"
    paths = [gold / "000_3ce0922dc01b3103.gold.json"] if gold.exists() else []
    paths += expand_gold_paths([p for p in (gold / "wikinews", gold / "clusters") if p.exists()])
    paths += expand_gold_paths([ROOT / "benchmarks" / "gold_en"])
    for path in paths:
        split = gold_split(path)  # the project's English gold has its own check split (its splits.json)
        data, text = load_gold(path)
        out.append((str(path.relative_to(path.parents[1])), split, text, data.get("language"), data.get("published")))
    plover = shared / "datasets" / "plover_gsr_en" / "dev_half.json"
    if plover.exists():
        for n, row in enumerate(json.loads(plover.read_text(encoding="utf-8"))):
            if row.get("text"):
                out.append((f"plover-dev/{n}", "tune", row["text"], "en", None))
    return out


def dump(args: argparse.Namespace) -> int:
    import newsgraph

    records: dict[str, Any] = {}
    texts = _texts(args.shared)
    if args.long:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from bench_long import build_text

        texts.append((f"long-{args.long}", "tune", build_text(args.long, args.shared), "de", "2024-06-11"))
    if args.batch:  # the batched API the CLI runs (nlp.pipe), in input order
        from newsgraph.api import extract_batch

        outcomes = extract_batch([{"text": t, "lang": lang, "published": p} for _, _, t, lang, p in texts])
    for n, (name, split, text, lang, published) in enumerate(texts):
        if args.batch:
            if isinstance(outcomes[n], Exception):
                raise outcomes[n]
            record = outcomes[n].to_json()
        else:
            record = newsgraph.extract(text, lang=lang, published=published).to_json()
        if split == "check":
            records[name] = {"split": "check", "sha256": hashlib.sha256(record.encode()).hexdigest()}
        else:
            records[name] = {"split": split, "record": json.loads(record)}
    args.file.write_text(json.dumps(records, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(records)} records written to {args.file}")
    return 0


def _first_difference(a: Any, b: Any, where: str = "") -> str:
    if type(a) is not type(b):
        return f"{where}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                return _first_difference(a.get(key), b.get(key), f"{where}.{key}")
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items != {len(b)}"
        for n, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{where}[{n}]")
    return f"{where}: {str(a)[:200]!r} != {str(b)[:200]!r}"


def compare(args: argparse.Namespace) -> int:
    before = json.loads(args.before.read_text(encoding="utf-8"))
    after = json.loads(args.after.read_text(encoding="utf-8"))
    summary = {"tune": [0, 0], "check": [0, 0]}
    for name in sorted(set(before) | set(after)):
        a, b = before.get(name), after.get(name)
        split = (a or b)["split"]
        same = a == b
        summary[split][0 if same else 1] += 1
        if not same and split != "check":
            print(f"differs: {name}: {_first_difference(a, b)}")
    for split, (same, differ) in summary.items():
        print(f"{split}: {same} identical, {differ} different")
    return 0 if not (summary["tune"][1] or summary["check"][1]) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("file", type=Path)
    d.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    d.add_argument("--long", type=int, default=0, help="also the bench_long.py text of this many characters")
    d.add_argument("--batch", action="store_true", help="through newsgraph.api.extract_batch (nlp.pipe batches)")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    return dump(args) if args.command == "dump" else compare(args)


if __name__ == "__main__":
    raise SystemExit(main())
