"""Extraction time and memory against article length: does a long article cost what its length says?

    python benchmarks/bench_long.py [--sizes 50000 100000 200000 500000 1000000] [--repeat 1]

Each size is measured in its own subprocess (so that the peak resident memory is that one article's):
the pipeline is loaded and warmed on a short text, then ``newsgraph.extract`` runs once over a German
text of that many characters, built by joining the bundled example and the ``tune`` gold articles of
``../shared/gold`` (when present; never the ``check`` articles) in a seeded shuffled order, paragraph
by paragraph, with the numbers varied so that the repetitions are not identical. Reported: CPU
seconds of the extraction (user + system, one thread) and wall seconds, CPU microseconds per character,
the ratio of that to the smallest size's, the process's peak resident memory (model included) and
the 1-minute load average after the run (the machine may be shared). With
``--repeat N`` each size runs N times and the medians are reported.

Writes ``benchmarks/results/long.json`` (read by ``benchmarks/readme_figures.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (50_000, 100_000, 200_000, 500_000, 1_000_000)


def source_paragraphs(shared: Path) -> list[str]:
    """Paragraphs of the bundled German example and of the German ``tune`` gold articles."""
    texts = [(ROOT / "examples" / "gipfel.txt").read_text(encoding="utf-8")]
    gold = shared / "gold"
    if gold.exists():
        from newsgraph.evaluate import expand_gold_paths, gold_split, load_gold

        paths = [gold / "000_3ce0922dc01b3103.gold.json"]
        paths += expand_gold_paths([gold / "wikinews", gold / "clusters"])
        for path in paths:
            if gold_split(path) != "tune":
                continue
            data, text = load_gold(path)
            if data.get("language", "de") == "de":
                texts.append(text)
    paragraphs: list[str] = []
    for text in texts:
        paragraphs.extend(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())
    return paragraphs


def build_text(size: int, shared: Path, seed: int = 0) -> str:
    """A German text of exactly ``size`` characters made of whole paragraphs (the last one cut at a
    word boundary), each repetition in another order and with other numbers."""
    paragraphs = source_paragraphs(shared)
    rng = random.Random(seed)
    out: list[str] = []
    length = 0
    round_ = 0
    while length < size:
        order = paragraphs[:]
        rng.shuffle(order)
        for p in order:
            if round_:
                p = re.sub(r"\d+", lambda m, k=round_: str((int(m.group()) + k) % (10 ** len(m.group())) or 1), p)
            out.append(p)
            length += len(p) + 2
            if length >= size:
                break
        round_ += 1
    text = "\n\n".join(out)[:size]
    cut = text.rfind(" ")
    return (text[:cut] + "." * (size - cut)) if cut > size - 200 else text


def measure_one(size: int, shared: Path) -> dict[str, float]:
    """Run in the child process: extract one text of ``size`` characters and measure it."""
    import newsgraph

    text = build_text(size, shared)
    newsgraph.extract("Angela Merkel traf am Montag in Berlin Emmanuel Macron.", lang="de", published="2021-05-26")
    cpu0 = time.process_time()
    wall0 = time.perf_counter()
    record = newsgraph.extract(text, lang="de", published="2021-05-26")
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "chars": len(text),
        "cpu_s": cpu,
        "wall_s": wall,
        "peak_rss_mb": peak_kb / 1024,
        "entities": len(record.entities),
        "events": len(record.events),
        "quotes": len(record.quotes),
        "times": len(record.times),
        # the machine is shared: the 1-minute load average after the run says how busy it was
        "load_average_1min": os.getloadavg()[0],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "long.json")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child mode: measure one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one, args.shared)))
        return 0
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    rows = []
    for size in args.sizes:
        runs = []
        for _ in range(args.repeat):
            child = subprocess.run(
                [sys.executable, __file__, "--one", str(size), "--shared", str(args.shared)],
                capture_output=True, text=True, env=env, check=False,
            )
            if child.returncode != 0:
                print(child.stderr, file=sys.stderr)
                return 1
            runs.append(json.loads(child.stdout.strip().splitlines()[-1]))
        row = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        row["size"] = size
        row["us_per_char"] = 1e6 * row["cpu_s"] / row["chars"]
        rows.append(row)
        print(
            f"{size:>9} chars  {row['cpu_s']:7.1f} CPU-s  {row['us_per_char']:6.1f} µs/char  "
            f"{row['peak_rss_mb']:7.0f} MB  ({row['entities']} entities, {row['events']} events)",
            flush=True,
        )
    base = rows[0]["us_per_char"]
    for row in rows:
        row["per_char_ratio"] = row["us_per_char"] / base
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, no GPU, Python {platform.python_version()}, "
        "one thread",
        "text": "German: examples/gipfel.txt and the tune gold articles, shuffled paragraphs, numbers varied",
        "repeat": args.repeat,
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
