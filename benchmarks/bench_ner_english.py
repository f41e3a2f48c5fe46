"""English entities on a public test set: WNUT-17 (Emerging and Rare Entities), test split, CC BY 4.0.

The data is not part of the repository. ``--fetch`` downloads ``emerging.test.annotated`` from
github.com/leondz/emerging_entities_17 (commit pinned below, file checked against its sha256) into
``benchmarks/output/wnut17/``; ``--data PATH`` uses a copy on disk (checked the same way).

Scoring: every document's tokens are joined with single spaces, the text goes through the system,
and entity spans are compared as exact (start_char, end_char, label) triples, micro-averaged. The
six WNUT types are mapped onto newsgraph's four: person → PER, location → LOC, corporation and
group → ORG, product and creative-work → MISC. Rows: the statistical model alone (its OntoNotes
labels mapped by ``newsgraph.pipeline.entities.LABEL_MAP``), the full default pipeline
(``doc.ents`` after the entity layer), the rule layers on a blank tokenizer (English before the
shipped model), and the same with labels ignored (spans only).

The peer figure is BERTweet's (Nguyen et al., 2020: entity-level F1 56.5 on this test split, all six
types, trained on WNUT-17's training data); newsgraph's model never saw WNUT data or social-media
text, so the comparison shows the cost of the domain shift, not a like-for-like ranking.

    python benchmarks/bench_ner_english.py [--fetch | --data PATH] [--limit N]

Writes ``benchmarks/results/ner_english.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
COMMIT = "e52a2d2a71ac1a051ca2d532eef28653c5c02603"
URL = f"https://raw.githubusercontent.com/leondz/emerging_entities_17/{COMMIT}/emerging.test.annotated"
SHA256 = "2aa79b764e56ec9264a1b30fdd9b70195bd00ff400b62edd8f399d5f13c178f0"
DEFAULT = ROOT / "benchmarks" / "output" / "wnut17" / "emerging.test.annotated"
TYPE_MAP = {
    "person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG",
    "product": "MISC", "creative-work": "MISC",
}
PEER = {"system": "BERTweet (Nguyen et al., 2020), in-domain, six types", "f1": 0.565}

Triple = tuple[int, int, str]


def fetch(dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    with urllib.request.urlopen(URL, timeout=60) as response:
        dest.write_bytes(response.read())


def read_conll(path: Path) -> list[tuple[str, set[Triple]]]:
    """Documents as (text, gold triples); BIO tags over tab-separated token lines."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"{path}: sha256 {digest} is not WNUT-17 test's {SHA256}")
    docs: list[tuple[str, set[Triple]]] = []
    tokens: list[tuple[str, str]] = []

    def close() -> None:
        if not tokens:
            return
        text, gold, pos = "", set(), 0
        current: list[Any] | None = None
        for word, tag in tokens:
            text += ("" if not text else " ") + word
            start = len(text) - len(word)
            pos = len(text)
            if tag.startswith("I-") and current is not None and current[2] == tag[2:]:
                current[1] = pos
                continue
            if current is not None:
                gold.add((current[0], current[1], TYPE_MAP[current[2]]))
                current = None
            if tag.startswith(("B-", "I-")):
                current = [start, pos, tag[2:]]
        if current is not None:
            gold.add((current[0], current[1], TYPE_MAP[current[2]]))
        docs.append((text, gold))
        tokens.clear()

    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            close()
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            print(f"{path}:{n}: expected 'token<TAB>tag', skipped: {line!r}", file=sys.stderr)
            continue
        tokens.append((parts[0], parts[1]))
    close()
    return docs


def prf(gold: list[set[Triple]], pred: list[set[Triple]], labelled: bool) -> dict[str, float]:
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        if not labelled:
            g = {(s, e, "") for s, e, _ in g}
            p = {(s, e, "") for s, e, _ in p}
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    scores = {"precision": precision, "recall": recall, "f1": f1}
    return {**{k: round(v, 4) for k, v in scores.items()}, "tp": tp, "fp": fp, "fn": fn}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--fetch", action="store_true", help=f"download the test file from {URL}")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents (a quick look)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "ner_english.json")
    args = parser.parse_args()
    if args.fetch:
        fetch(args.data)
    if not args.data.exists():
        print(f"no WNUT-17 test file at {args.data}; pass --fetch or --data PATH", file=sys.stderr)
        return 2
    import spacy

    import newsgraph
    from newsgraph.api import default_base
    from newsgraph.pipeline.entities import LABEL_MAP

    docs = read_conll(args.data)
    if args.limit:
        docs = docs[: args.limit]
    texts = [t for t, _ in docs]
    gold = [g for _, g in docs]
    model = spacy.load(default_base("en"))
    full = newsgraph.load("en")
    started = time.perf_counter()
    model_pred = [
        {(e.start_char, e.end_char, LABEL_MAP[e.label_]) for e in d.ents if e.label_ in LABEL_MAP}
        for d in model.pipe(texts)
    ]
    full_pred = [{(e.start_char, e.end_char, e.label_) for e in full(t).ents} for t in texts]
    # before the shipped model: a blank English tokenizer + the rule layers
    blank_dir = ROOT / "benchmarks" / "output" / "blank_en"
    blank_dir.parent.mkdir(parents=True, exist_ok=True)
    spacy.blank("en").to_disk(blank_dir)
    rules = newsgraph.load("en", base=str(blank_dir))
    rules_pred = [{(e.start_char, e.end_char, e.label_) for e in rules(t).ents} for t in texts]
    rows = {
        "before: blank tokenizer + rules (doc.ents)": prf(gold, rules_pred, True),
        "statistical model alone": prf(gold, model_pred, True),
        "full default pipeline (doc.ents)": prf(gold, full_pred, True),
        "statistical model alone, spans only": prf(gold, model_pred, False),
        "full default pipeline, spans only": prf(gold, full_pred, False),
        "before: blank tokenizer + rules, spans only": prf(gold, rules_pred, False),
    }
    for name, row in rows.items():
        print(f"{name:40} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}")
    print(f"peer: {PEER['system']}: F1 {PEER['f1']:.3f}")
    result = {
        "data": f"WNUT-17 test ({len(docs)} documents, {sum(map(len, gold))} entities), {URL}",
        "machine": f"{platform.machine()}, Python {platform.python_version()}, 2 cores, no GPU",
        "seconds": round(time.perf_counter() - started, 1),
        "rows": rows,
        "peer": PEER,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
