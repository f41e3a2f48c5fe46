"""What a rerun of ``newsgraph ingest`` costs after the first run was killed at 90 %.

    nice .venv/bin/python benchmarks/bench_resume.py            # 400 articles, 1 repeat
    nice .venv/bin/python benchmarks/bench_resume.py -n 100 --repeats 3

Each repeat writes ``n`` synthetic German articles (about 2,500 characters each, a news article's length,
built from sentence templates with a seeded random generator, so that every text differs), then

1. times a full ``newsgraph ingest`` of them into an empty store;
2. starts the same ingest on another empty store and SIGKILLs it once 90 % of the articles are
   committed (``--log-batches`` says so after each batch);
3. times the rerun of the killed ingest, which must skip the stored articles before extracting them,
   and checks that the two stores hold the same articles, none twice;
4. times one more rerun, with everything stored: the fixed cost of a run that extracts nothing.

Times are wall clock and CPU seconds (user + system of the child process), medians over the repeats;
they include starting Python and loading the pipeline (about 3 CPU-s), which the rerun pays too: the
share falls as the corpus grows. Writes ``benchmarks/results/bench_resume.json`` (``--output`` names another
file there). Target (issue #22): the rerun costs at most 15 % of a full run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"

PEOPLE = ["Außenministerin Maria Keller", "Verteidigungsminister Jonas Brandt", "Kanzler Peter Hahn",
          "Präsidentin Ana Silva", "Premierminister Tomas Novak", "Außenminister Luca Romano",
          "Regierungschefin Eva Lindqvist", "Minister Karel Dvorak", "Präsident Jean Martin"]
PLACES = ["Wien", "Prag", "Rom", "Warschau", "Paris", "Madrid", "Lissabon", "Brüssel", "Kopenhagen", "Athen"]
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]
TOPICS = ["die Energieversorgung", "den Handel", "die Migration", "die Verteidigung", "das Klima",
          "die Landwirtschaft", "die Digitalisierung", "den Wiederaufbau"]
SENTENCES = [
    "{a} hat sich am {day} in {place} mit {b} getroffen.",
    "Bei dem Gespräch ging es vor allem um {topic}.",
    "„Wir haben heute gute Fortschritte gemacht“, sagte {a_short} nach dem Treffen.",
    "{b_short} erklärte, man wolle {topic2} gemeinsam voranbringen.",
    "Ein weiteres Treffen soll im Herbst in {place2} stattfinden.",
    "Beobachter werteten die Begegnung als Zeichen der Annäherung.",
    "Die Delegationen berieten zudem über {topic3}.",
    "Nach Angaben aus Regierungskreisen dauerte das Treffen rund {hours} Stunden.",
    "Ein für {month} geplanter Besuch in {place3} war dagegen abgesagt worden.",
    "Kritiker forderten mehr Tempo, was {topic} angehe.",
]
MONTHS = ["März", "April", "Mai", "Juni", "Juli"]


def article(rng: random.Random, number: int) -> str:
    """One synthetic article: a headline and four paragraphs of ten sentences, each about a meeting."""
    paragraphs = []
    for _ in range(4):
        a, b = rng.sample(PEOPLE, 2)
        place, place2, place3 = rng.sample(PLACES, 3)
        topic, topic2, topic3 = rng.sample(TOPICS, 3)
        values = {"a": a, "b": b, "a_short": a.split()[-1], "b_short": b.split()[-1], "place": place,
                  "place2": place2, "place3": place3, "topic": topic, "topic2": topic2, "topic3": topic3,
                  "day": rng.choice(DAYS), "hours": rng.randint(2, 5), "month": rng.choice(MONTHS)}
        paragraphs.append(" ".join(s.format(**values) for s in SENTENCES))
    return f"Treffen in {rng.choice(PLACES)} ({number})\n\n" + "\n\n".join(paragraphs) + "\n"


def write_articles(folder: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"a{i:05d}.txt").write_text(article(rng, i), encoding="utf-8")


def command(folder: Path, db: Path, batch_size: int) -> list[str]:
    return [str(Path(sys.executable).with_name("newsgraph")), "ingest", str(folder), "--db", str(db), "--lang", "de",
            "--published", "2025-05-07", "--batch-size", str(batch_size), "--log-batches"]


def timed(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a child process run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def kill_at(args: list[str], stop: int) -> int:
    """Run ``args`` and SIGKILL it once ``stop`` articles are committed; returns how many were."""
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    committed = 0
    for line in proc.stdout:
        committed = int(line.split()[-1])
        if committed >= stop:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return committed


def stored(db: Path) -> tuple[int, int]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*), count(DISTINCT article_key) FROM articles").fetchone()  # type: ignore[return-value]
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=400, help="articles per repeat")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=10)
    parser.add_argument("--kill-at", type=float, default=0.9, help="share of articles committed before the kill")
    parser.add_argument("--output", default="bench_resume.json", help="result file name in benchmarks/results/")
    args = parser.parse_args()
    runs = []
    for repeat in range(args.repeats):
        with tempfile.TemporaryDirectory(prefix="bench-resume-") as tmp:
            folder = Path(tmp) / "articles"
            write_articles(folder, args.n, seed=repeat)
            full_db, killed_db = Path(tmp) / "full.duckdb", Path(tmp) / "killed.duckdb"
            full_wall, full_cpu = timed(command(folder, full_db, args.batch_size))
            committed = kill_at(command(folder, killed_db, args.batch_size), round(args.kill_at * args.n))
            rerun_wall, rerun_cpu = timed(command(folder, killed_db, args.batch_size))
            assert stored(killed_db) == stored(full_db) == (args.n, args.n), (stored(killed_db), stored(full_db))
            noop_wall, noop_cpu = timed(command(folder, killed_db, args.batch_size))
            run = {"full_wall": full_wall, "full_cpu": full_cpu, "committed_at_kill": committed,
                   "rerun_wall": rerun_wall, "rerun_cpu": rerun_cpu, "noop_wall": noop_wall, "noop_cpu": noop_cpu,
                   "rerun_share_wall": rerun_wall / full_wall, "rerun_share_cpu": rerun_cpu / full_cpu}
            runs.append(run)
            print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in run.items()}), flush=True)

    def median(key: str) -> float:
        return round(statistics.median(r[key] for r in runs), 3)

    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} shared cores, no GPU, Python {platform.python_version()}",
        "articles": args.n, "repeats": args.repeats, "batch_size": args.batch_size, "kill_at": args.kill_at,
        "full_wall_s": median("full_wall"), "full_cpu_s": median("full_cpu"),
        "rerun_wall_s": median("rerun_wall"), "rerun_cpu_s": median("rerun_cpu"),
        "noop_wall_s": median("noop_wall"), "noop_cpu_s": median("noop_cpu"),
        "rerun_share_wall": median("rerun_share_wall"), "rerun_share_cpu": median("rerun_share_cpu"),
        "runs": runs,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / args.output).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "runs"}, indent=2))


if __name__ == "__main__":
    main()
