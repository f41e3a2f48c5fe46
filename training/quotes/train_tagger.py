"""Build the quote layer's learned tagger: data → train → ship (``src/newsgraph/models/quotes_de``).

Steps (``--steps``; all by default), niced, one thread, logs in ``training/output/quotes/``:

- ``data``: ``make_tagger_data.py`` (spkatt2023_news development split only);
- ``train``: ``spacy train training/quotes/tagger.cfg`` with the reader of ``reader.py``;
- ``ship``: the best checkpoint without its vector table (the tagger reads the main pipeline's
  vectors at run time) and with the string store cut to its labels, copied to the model folder,
  after checking that the shipped copy scores a test text exactly as the checkpoint does.

Then measure: ``benchmarks/bench_quotes.py`` (rules alone and combined, validation split) and
``benchmarks/bench_quotes_tagger.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUTPUT = ROOT / "training" / "output" / "quotes"
MODEL = ROOT / "src" / "newsgraph" / "models" / "quotes_de"
CHECK_TEXT = (
    "Der Minister sagte am Montag, die Gespräche seien konstruktiv gewesen. Man werde sie fortsetzen. "
    "„Wir sind zufrieden“, sagte eine Sprecherin der Agentur Reuters."
)


def run(cmd: list[str], log: Path) -> None:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    with log.open("w", encoding="utf-8") as fh:
        code = subprocess.call(["nice", "-n", "10", *cmd], cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, env=env)
    if code:
        sys.exit(f"{' '.join(cmd)} failed (exit {code}); see {log}")


def ship(best: Path) -> None:
    import numpy
    import spacy
    from spacy.vectors import Vectors

    import newsgraph
    from newsgraph.pipeline.quotes_model import FEATURES, QuoteTagger

    main = newsgraph.load("de", config={"newsgraph_quotes": {"tagger": False}})
    doc = main(CHECK_TEXT)
    features = ["O"] * len(doc)
    before = QuoteTagger(spacy.load(best)).scores(doc, features)
    nlp = spacy.load(best)
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, shape=(0, 0))
    if MODEL.exists():
        shutil.rmtree(MODEL)
    nlp.to_disk(MODEL)
    keep = sorted(set(nlp.get_pipe("tagger").labels) | set(FEATURES))
    (MODEL / "vocab" / "strings.json").write_text(json.dumps(keep, ensure_ascii=False), encoding="utf-8")
    after = QuoteTagger(spacy.load(MODEL)).scores(doc, features)
    if not numpy.allclose(before, after, atol=1e-5):
        shutil.rmtree(MODEL)
        sys.exit(f"{MODEL}: the shipped copy scores differently from {best}; not shipped")
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    print(f"shipped {best} → {MODEL} ({size / 1e6:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", nargs="*", default=["data", "train", "ship"])
    parser.add_argument("--run", default="run", help="name of the training run folder")
    args = parser.parse_args()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    py = sys.executable
    if "data" in args.steps:
        run([py, "training/quotes/make_tagger_data.py"], OUTPUT / "data.log")
    if "train" in args.steps:
        cmd = [py, "-m", "spacy", "train", "training/quotes/tagger.cfg", "--code", "training/quotes/reader.py"]
        run([*cmd, "--output", str(OUTPUT / args.run)], OUTPUT / f"{args.run}.log")
    if "ship" in args.steps:
        ship(OUTPUT / args.run / "model-best")


if __name__ == "__main__":
    main()
