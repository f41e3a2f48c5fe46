"""Benchmark ``newsgraph_times`` against dateparser on WikiWarsDE (German TIMEX2 gold).

    .venv/bin/python benchmarks/bench_times.py [--data ../shared/datasets/wikiwarsde] [--runs 3]

Figures, for newsgraph and for dateparser's ``search_dates(languages=["de"])`` in the same run on
the same documents:

* detection precision/recall/F1, **strict** (same character span) and **relaxed** (overlap; each
  gold expression matched at most once);
* **value accuracy** over relaxed matches: the system's value equals the gold ``val``. newsgraph
  emits TIMEX3 values and must match exactly. dateparser emits datetimes, so it is judged leniently:
  correct when its datetime agrees with a calendar gold value at the gold's granularity
  (``1939-09`` is matched by any day in September 1939); it cannot express durations, sets, BC years
  or ``PRESENT_REF`` and gets those wrong;
* **expressions per second** (expressions found / wall time of tagging; median of ``--runs`` runs)
  and characters per second.

Reference date: WikiWarsDE sets each document's DCT to the download time (2011-02-16). It is given
as the publication date. newsgraph runs twice: in its **default** mode (what every user gets: each
date without a year takes the year of the passage it stands in when the passage names one, else the
reference date's, see :mod:`newsgraph.timex.tagger`), and with the *narrative* override
(``narrative=True``: every date without a year takes the year of the last date the text mentioned,
as the corpus' annotators and HeidelTime's narrative mode do; the DCT only anchors deictic words).
``--docs 1-11`` scores a range of the corpus' documents (in file order). dateparser gets the DCT as
``RELATIVE_BASE``.

The gold's document-creation TIMEX2 (inside ``<DATETIME>``) is not part of the text and not scored.
Writes ``benchmarks/results/times.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import platform
import re
import statistics
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "wikiwarsde"
RESULTS = ROOT / "benchmarks" / "results" / "times.json"

_TAG = re.compile(r"<TIMEX2([^>]*)>|</TIMEX2>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Gold:
    start: int
    end: int
    text: str
    value: str


@dataclass
class Document:
    name: str
    text: str
    dct: dt.date
    gold: list[Gold]


def load_document(path: Path) -> Document:
    """One ``keyinline`` file: the TEXT element without tags, and the TIMEX2 spans in it."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DATETIME>.*?(\d{4}-\d{2}-\d{2})", raw, re.S)
    dct = dt.date.fromisoformat(dct_match.group(1)) if dct_match else dt.date(2011, 2, 16)
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    stack: list[tuple[int, dict[str, str]]] = []
    gold: list[Gold] = []
    pos = 0
    for m in _TAG.finditer(body):
        piece = body[pos : m.start()]
        out.append(piece)
        length += len(piece)
        pos = m.end()
        if m.group(0).startswith("</"):
            start, attrs = stack.pop()
            gold.append(Gold(start, length, "", attrs.get("val", "")))
        else:
            stack.append((length, dict(_ATTR.findall(m.group(1)))))
    out.append(body[pos:])
    text = "".join(out)
    for g in gold:
        g.text = text[g.start : g.end]
    gold.sort(key=lambda g: (g.start, -g.end))
    return Document(path.name.split(".")[0], text, dct, gold)


def load_corpus(data: Path) -> list[Document]:
    files = sorted(data.glob("**/keyinline/*.xml"))
    return [load_document(f) for f in files]


# ------------------------------------------------------------------------------ scoring


def score(docs: list[Document], predictions: list[list[tuple[int, int, str | None]]], value_ok) -> dict:
    """Strict and relaxed P/R/F1, and value accuracy over relaxed matches."""
    n_gold = sum(len(d.gold) for d in docs)
    n_sys = sum(len(p) for p in predictions)
    strict = relaxed = correct = 0
    for doc, pred in zip(docs, predictions, strict=True):
        exact = {(g.start, g.end) for g in doc.gold}
        strict += sum(1 for s, e, _ in pred if (s, e) in exact)
        used: set[int] = set()
        for s, e, value in pred:
            for k, g in enumerate(doc.gold):
                if k not in used and g.start < e and s < g.end:
                    used.add(k)
                    relaxed += 1
                    correct += bool(value_ok(value, g.value))
                    break

    def prf(hit: int) -> dict:
        p = hit / n_sys if n_sys else 0.0
        r = hit / n_gold if n_gold else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}

    return {
        "gold": n_gold,
        "system": n_sys,
        "strict": prf(strict),
        "relaxed": prf(relaxed),
        "value_accuracy": round(correct / relaxed, 4) if relaxed else 0.0,
        "matched": relaxed,
    }


def exact_value(value: str | None, gold: str) -> bool:
    return value is not None and value == gold


def lenient_datetime_value(value: str | None, gold: str) -> bool:
    """dateparser's datetime (as ``YYYY-MM-DDTHH:MM``) agrees with a calendar gold value."""
    if value is None or not re.match(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$", gold):
        return False
    return value.startswith(gold)


# ------------------------------------------------------------------------------ systems


def run_newsgraph(
    docs: list[Document], narrative: bool = False
) -> tuple[list[list[tuple[int, int, str | None]]], float]:
    import spacy

    import newsgraph.pipeline  # noqa: F401  (registers the factories and Doc extensions)

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsgraph_times", config={"narrative": narrative})
    out = []
    start = time.perf_counter()
    for d in docs:
        doc = nlp.make_doc(d.text)
        doc._.published = d.dct.isoformat()
        doc = nlp(doc)
        out.append([(t.start, t.end, t.value) for t in doc._.times])
    return out, time.perf_counter() - start


def run_dateparser(docs: list[Document]) -> tuple[list[list[tuple[int, int, str | None]]], float]:
    from dateparser.search import search_dates

    out = []
    start = time.perf_counter()
    for d in docs:
        base = dt.datetime.combine(d.dct, dt.time())
        found: list[tuple[int, int, str | None]] = []
        offset = 0
        # paragraph by paragraph: search_dates slows down sharply on long inputs
        for para in d.text.split("\n"):
            if para.strip():
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    hits = search_dates(para, languages=["de"], settings={"RELATIVE_BASE": base}) or []
                cursor = 0
                for surface, when in hits:
                    i = para.find(surface, cursor)
                    if i < 0:
                        continue
                    cursor = i + len(surface)
                    found.append((offset + i, offset + i + len(surface), when.strftime("%Y-%m-%dT%H:%M")))
            offset += len(para) + 1
        out.append(found)
    return out, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=3, help="timing runs for newsgraph (median)")
    parser.add_argument("--dateparser-runs", type=int, default=1, help="0: without dateparser")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--docs", help="a range of documents in file order, e.g. 1-11 (default: all)")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no WikiWarsDE at {args.data}", file=sys.stderr)
        return 2
    docs = load_corpus(args.data)
    if args.docs:
        first, _, last = args.docs.partition("-")
        docs = docs[int(first) - 1 : int(last or first)]
    chars = sum(len(d.text) for d in docs)
    n_gold = sum(len(d.gold) for d in docs)
    results: dict = {
        "corpus": f"WikiWarsDE ({len(docs)} documents available, {n_gold} TIMEX2, {chars} chars)",
        "machine": f"{platform.processor() or platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, 2 cores shared, no GPU",
        "date": dt.date.today().isoformat(),
        "systems": {},
    }
    for name, runner, runs, judge in (
        ("newsgraph", run_newsgraph, args.runs, exact_value),
        ("newsgraph, narrative override", functools.partial(run_newsgraph, narrative=True), min(1, args.runs),
         exact_value),
        ("dateparser", run_dateparser, args.dateparser_runs, lenient_datetime_value),
    ):
        if runs <= 0:
            continue  # `--dateparser-runs 0`: leave the comparison out
        timings = []
        predictions = None
        for _ in range(max(1, runs)):
            predictions, seconds = runner(docs)
            timings.append(seconds)
        figures = score(docs, predictions, judge)  # type: ignore[arg-type]
        median = statistics.median(timings)
        figures["seconds_median"] = round(median, 3)
        figures["expressions_per_second"] = round(figures["system"] / median, 1)
        figures["chars_per_second"] = round(chars / median)
        figures["runs"] = len(timings)
        results["systems"][name] = figures
    print(f"{results['corpus']}; {results['machine']}")
    header = f"{'system':<30} {'strict P/R/F1':>20} {'relaxed P/R/F1':>20} {'value acc':>9} {'expr/s':>9}"
    print(header)
    for name, f in results["systems"].items():
        s, r = f["strict"], f["relaxed"]
        print(
            f"{name:<30} {s['precision']:.3f}/{s['recall']:.3f}/{s['f1']:.3f} "
            f"{r['precision']:>8.3f}/{r['recall']:.3f}/{r['f1']:.3f} {f['value_accuracy']:>9.3f} "
            f"{f['expressions_per_second']:>9.1f}"
        )
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
