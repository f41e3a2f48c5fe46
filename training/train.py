"""Rebuild newsgraph's German statistical pipeline from ../shared/datasets, end to end.

Steps (each can be run alone with ``--steps``):

1. ``convert``   NER corpora → training/corpus/{train,dev}.spacy (+ manifest.json with sha256)
2. ``ud``        UD German → training/corpus/ud_{train,dev,heldout}.spacy
3. ``distill``   the accurate-mode teacher's tags on unlabelled news text → corpus/silver.spacy
                 (``training/distill.py``; needs the teacher's ``silver_tags.npz``, made on a GPU by
                 ``training/accurate/train_device.py`` from ``devpack/``, see training/README.md;
                 skipped with a message when it is absent), and on 1.1M more words tagged on a
                 CPU (``accurate/tag_silver.py``; Wikipedia, 1798–1950 journals and newspapers,
                 Bundestag speeches) → corpus/silver_extra{,2}.spacy
4. ``vectors``   static vectors distilled from the same teacher: every vocabulary word alone through
                 the e5 tagger, PCA, fitted as a floret n-gram table (``training/vectors.py``;
                 needs the ``accurate`` extra) → training/output/vectors_de
5. ``train-ner`` ``spacy train training/ner.cfg`` on gold + silver (corpus/ner_train/), with the
                 static vectors → training/output/ner/model-best
6. ``train-ud``  ``spacy train training/ud.cfg``  → training/output/ud/model-best
7. ``assemble``  NER pipeline + the UD components (sourced, each with its own tok2vec) →
                 src/newsgraph/models/de_newsgraph (what ``newsgraph.load("de")`` picks up)

Training runs on one CPU thread on purpose (the project's machine is shared), niced; the logs go to
training/output/*.log. Usage: ``.venv/bin/python training/train.py`` (all steps), or e.g.
``.venv/bin/python training/train.py --steps assemble``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUTPUT = HERE / "output"
MODEL_DIR = ROOT / "src" / "newsgraph" / "models" / "de_newsgraph"
STEPS = ("convert", "ud", "distill", "vectors", "train-ner", "train-ud", "assemble")
SILVER_TAGS = HERE / "accurate" / "runs" / "silver_tags.npz"
#: more silver, tagged on a CPU by accurate/tag_silver.py: (name, its --sources); tags in runs/<name>_tags.npz
EXTRA_SILVER = (
    ("silver_extra", "wikiwars,redewiedergabe"),
    ("silver_extra2", "redewiedergabe-additional,hipe,bundestag-test"),
)

ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _run(cmd: list[str], log: Path | None = None) -> float:
    """Run ``cmd`` niced on one thread from the repo root; return its wall time in seconds."""
    env = {**os.environ, **ONE_THREAD}
    t0 = time.time()
    full = ["nice", "-n", "5", *cmd]
    print("$", " ".join(full), flush=True)
    if log is None:
        subprocess.run(full, cwd=ROOT, env=env, check=True)
    else:
        with log.open("w") as f:
            subprocess.run(full, cwd=ROOT, env=env, check=True, stdout=f, stderr=subprocess.STDOUT)
    return time.time() - t0


def assemble(ner_dir: Path, ud_dir: Path | None, out: Path = MODEL_DIR) -> None:
    """Write the shipped pipeline: NER model plus (when trained) tagger/morphologizer/parser.

    Pipe order ``tok2vec, ner, tok2vec_ud, tagger, morphologizer, sentencizer, parser``: the UD
    components listen to ``tok2vec_ud`` by name and the NER to ``tok2vec``, each its own.

    A rule-based sentencizer runs before the parser: the parser, trained on only ~25k tokens,
    respects preset sentence starts, and punctuation-based sentences are more reliable for the
    quote layer than its guesses.

    Only the saved and reloaded pipeline is measured: in memory, the sourced morphologizer's feature
    strings still live in the UD pipeline's vocabulary, so ``token.morph`` comes out empty until the
    pipeline is written and loaded again (every other annotation is identical; checked on the founding
    article). spaCy's warning W113 (sourced components, different vectors) is harmless here: the UD
    tok2vec uses no static vectors (``ud.cfg`` ``include_static_vectors = false``).
    """
    import spacy

    nlp = spacy.load(ner_dir)
    if ud_dir is not None and ud_dir.exists():
        ud = spacy.load(ud_dir)
        for name in ("tok2vec_ud", "tagger", "morphologizer"):
            nlp.add_pipe(name, source=ud)
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("parser", source=ud)
        nlp.meta["newsgraph_ud_dev_performance"] = ud.meta.get("performance", {})
    nlp.meta["name"] = "newsgraph"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = "newsgraph German pipeline trained by training/train.py; see MODEL_CARD_de.md"
    nlp.meta["license"] = "CC BY-SA 4.0 (derived from CC BY/BY-SA training data; research use)"
    nlp.meta["sources"] = []
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    prune_strings(nlp, out)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"wrote {out} ({size / 1e6:.1f} MB): {nlp.pipe_names}")


#: checked around pruning: the reloaded pipeline must annotate this exactly as it did before
_PRUNE_CHECK = (
    "US-Präsident Joe Biden traf am Dienstag in Genf den russischen Außenminister Sergej Lawrow. "
    "„Wir haben offen gesprochen“, sagte Lawrow der Agentur Interfax. Die Nato und die EU begrüßten das."
)


def _essential_strings(nlp) -> set[str]:
    """The strings a loaded pipeline needs that it does not add itself: the components' labels.

    Token texts are added to the string store as text is tokenised, and hash embeddings and the
    floret vectors hash text directly, so the ~250k training words spaCy would otherwise save
    (4.5 MB) are not needed at run time.
    """
    keep: set[str] = set()
    for _, pipe in nlp.pipeline:
        keep.update(getattr(pipe, "labels", ()) or ())
        cfg = getattr(pipe, "cfg", {}) or {}
        for key in ("labels_morph", "labels_pos"):
            for morph in cfg.get(key) or {}:
                keep.add(morph)
                for feat in morph.split("|"):
                    keep.add(feat)
                    keep.update(feat.split("=", 1))
    return keep


def prune_strings(nlp, out: Path) -> None:
    """Keep only the essential strings in ``out/vocab/strings.json``; fail if the reloaded pipeline's
    annotations change."""
    import spacy

    def annotations() -> list[tuple]:
        doc = spacy.load(out)(_PRUNE_CHECK)
        return [(t.ent_iob_, t.ent_type_, t.tag_, t.pos_, str(t.morph), t.dep_, t.head.i) for t in doc]

    before = annotations()
    path = out / "vocab" / "strings.json"
    path.write_text(json.dumps(sorted(_essential_strings(nlp)), ensure_ascii=False), encoding="utf-8")
    if annotations() != before:
        raise SystemExit(f"{path}: pruning the string store changed the annotations; not shipped")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--steps", nargs="+", choices=STEPS, default=list(STEPS))
    ap.add_argument("--historical", action="store_true", help="also train the NER on ZEFYS")
    ap.add_argument("--silver-tags", type=Path, default=SILVER_TAGS, help="the teacher's silver_tags.npz")
    args = ap.parse_args()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    py = sys.executable
    times: dict[str, float] = {}
    if "convert" in args.steps:
        times["convert"] = _run([py, str(HERE / "convert.py"), *(["--historical"] if args.historical else [])])
    if "ud" in args.steps:
        times["ud"] = _run([py, str(HERE / "convert_ud.py")])
    if "distill" in args.steps:
        if args.silver_tags.exists():
            times["distill"] = _run([py, str(HERE / "distill.py"), "--tags", str(args.silver_tags)])
        else:
            print(f"distill: no teacher tags at {args.silver_tags}; training on gold only", flush=True)
        for name, sources in EXTRA_SILVER:
            tags = HERE / "accurate" / "runs" / f"{name}_tags.npz"
            texts = HERE / "corpus" / f"{name}_texts.jsonl"
            tag_cmd = [py, str(HERE / "accurate" / "tag_silver.py"), "--sources", sources, "--texts", str(texts),
                       "--tags", str(tags)]
            # committed tags: only rebuild the texts; without them the teacher tags on this CPU (~25 min)
            _run([*tag_cmd, *(["--texts-only"] if tags.exists() else [])], OUTPUT / f"tag_{name}.log")
            times[f"distill-{name}"] = _run([py, str(HERE / "distill.py"), "--texts", str(texts), "--tags", str(tags),
                                             "--out", str(HERE / "corpus" / f"{name}.spacy")])
    if "vectors" in args.steps:
        times["vectors"] = _run([py, str(HERE / "vectors.py")], OUTPUT / "vectors.log")
    if "train-ner" in args.steps:
        # spaCy's corpus reader takes every .spacy file of a folder: gold, and silver when there
        train_dir = HERE / "corpus" / "ner_train"
        train_dir.mkdir(parents=True, exist_ok=True)
        for name in ("train.spacy", "silver.spacy", *(f"{n}.spacy" for n, _ in EXTRA_SILVER)):
            target = train_dir / name
            target.unlink(missing_ok=True)
            if (HERE / "corpus" / name).exists():
                os.link(HERE / "corpus" / name, target)
        cmd = [py, "-m", "spacy", "train", str(HERE / "ner.cfg"), "--output", str(OUTPUT / "ner"),
               "--paths.train", str(train_dir)]
        times["train-ner"] = _run(cmd, OUTPUT / "ner.log")
    if "train-ud" in args.steps:
        cmd = [py, "-m", "spacy", "train", str(HERE / "ud.cfg"), "--output", str(OUTPUT / "ud")]
        times["train-ud"] = _run(cmd, OUTPUT / "ud.log")
    if "assemble" in args.steps:
        assemble(OUTPUT / "ner" / "model-best", OUTPUT / "ud" / "model-best")
    if times:
        (OUTPUT / "times.json").write_text(json.dumps(times, indent=2))
        print(json.dumps(times, indent=2))


if __name__ == "__main__":
    main()
