"""Convert UD German (GSD dev+test, PUD test) into spaCy DocBins for morphologizer and parser.

Why: the quote and event layers want morphology (``Mood=Sub`` marks German Konjunktiv I/II, the
mark of indirect speech) and dependencies (the subject of a speech verb). Only GSD dev/test and PUD
test are available (GSD train is missing), ~2,800 sentences. Split:

- train: GSD dev + GSD test, except a fixed hashed 10% of documents-of-10-sentences used as dev
- dev: that 10% (early stopping)
- heldout: PUD test (1,000 sentences), never trained on; the model card reports it.

Run: ``python training/convert_ud.py`` (writes training/corpus/ud_{train,dev,heldout}.spacy).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from convert import CORPUS, DATASETS, sha256_file, split_of

UD_SOURCES = {
    "gsd_dev": "ud_german/UD_German-GSD/de_gsd-ud-dev.conllu",
    "gsd_test": "ud_german/UD_German-GSD/de_gsd-ud-test.conllu",
    "pud_test": "ud_german/UD_German-PUD/de_pud-ud-test.conllu",
}


def read_conllu(path: Path, n_sents: int = 10):
    """spaCy Docs of ``n_sents`` sentences each, with tags, morphs, lemmas, heads and deps."""
    from spacy.training.converters import conllu_to_docs

    text = path.read_text(encoding="utf-8")
    return list(conllu_to_docs(text, n_sents=n_sents, merge_subtokens=True, no_print=True))


def main() -> None:
    from spacy.tokens import DocBin

    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--datasets", type=Path, default=DATASETS)
    ap.add_argument("--out", type=Path, default=CORPUS)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    bins = {"train": DocBin(), "dev": DocBin(), "heldout": DocBin()}
    sizes = {k: {"docs": 0, "tokens": 0} for k in bins}
    for key, rel in UD_SOURCES.items():
        for i, doc in enumerate(read_conllu(args.datasets / rel)):
            in_dev = split_of(f"ud:{key}:{i}", 0, 10) == "dev"
            split = "heldout" if key == "pud_test" else ("dev" if in_dev else "train")
            bins[split].add(doc)
            sizes[split]["docs"] += 1
            sizes[split]["tokens"] += len(doc)
    for split, db in bins.items():
        db.to_disk(args.out / f"ud_{split}.spacy")
    manifest = {"sources": {rel: sha256_file(args.datasets / rel) for rel in UD_SOURCES.values()}, "splits": sizes}
    (args.out / "ud_manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    print(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main()
