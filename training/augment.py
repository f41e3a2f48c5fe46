"""Mention replacement: copies of the gold NER documents with their names swapped for other names.

Why: the CNN's misses on held-out text are the long tail — names it never saw (issue #3, error
analysis in the model card). A model that has seen ``Vossloh`` only as ORG learns the string, not the
context; replacing each gold mention, with some probability, by another mention of the same type
(drawn uniformly from the *distinct* names of the training gold and the teacher's silver) makes the
context carry the decision (Dai & Adel 2020, "An Analysis of Simple Data Augmentation for NER").
Only fully annotated gold documents are copied: silver documents have *missing* words, and their
names are already many.

Never reads the dev or held-out splits: the pool comes from ``train.spacy`` and the silver files.

Run: ``.venv/bin/python training/augment.py`` → ``training/corpus/train_aug.spacy`` + ``train_aug.json``.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
#: silver files whose entity strings join the pool (the teacher's names: many, and from modern text)
POOL_SILVER = ("silver.spacy", "silver_extra.spacy", "silver_extra2.spacy")


def name_pool(nlp, paths: list[Path], max_tokens: int = 6) -> dict[str, list[tuple[str, ...]]]:
    """Distinct entity token sequences by label; uniform over *distinct* names favours the long tail."""
    from spacy.tokens import DocBin

    pool: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for path in paths:
        if not path.exists():
            print(f"warning: {path} missing; not in the name pool")
            continue
        for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
            for ent in doc.ents:
                words = tuple(t.text for t in ent)
                if len(words) <= max_tokens and all(w.strip() for w in words):
                    pool[ent.label_].add(words)
    return {label: sorted(names) for label, names in pool.items()}


def replace_mentions(doc, pool: dict[str, list[tuple[str, ...]]], rng: random.Random, prob: float):
    """A new Doc: each entity of ``doc`` replaced with probability ``prob`` by a pool name of its label.

    Returns None when no mention was replaced (a plain copy would only re-weight the gold).
    """
    from spacy.tokens import Doc, Span

    words: list[str] = []
    spaces: list[bool] = []
    ents: list[tuple[int, int, str]] = []
    replaced = 0
    i = 0
    starts = {ent.start: ent for ent in doc.ents}
    while i < len(doc):
        ent = starts.get(i)
        if ent is None:
            words.append(doc[i].text)
            spaces.append(bool(doc[i].whitespace_))
            i += 1
            continue
        names = pool.get(ent.label_)
        new = list(rng.choice(names)) if names and rng.random() < prob else [t.text for t in ent]
        replaced += new != [t.text for t in ent]
        start = len(words)
        words.extend(new)
        spaces.extend([True] * (len(new) - 1) + [bool(ent[-1].whitespace_)])
        ents.append((start, len(words), ent.label_))
        i = ent.end
    if not replaced:
        return None
    out = Doc(doc.vocab, words=words, spaces=spaces)
    out.ents = [Span(out, s, e, label=lab) for s, e, lab in ents]
    return out


def main() -> None:
    import spacy
    from spacy.tokens import DocBin

    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--gold", type=Path, default=CORPUS / "train.spacy")
    ap.add_argument("--copies", type=int, default=2, help="augmented copies per gold document")
    ap.add_argument("--prob", type=float, default=0.7, help="chance that a mention is replaced")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=CORPUS / "train_aug.spacy")
    args = ap.parse_args()

    nlp = spacy.blank("de")
    pool = name_pool(nlp, [args.gold, *(CORPUS / n for n in POOL_SILVER)])
    rng = random.Random(args.seed)
    out = DocBin(store_user_data=False)
    n_docs = n_words = 0
    for doc in DocBin().from_disk(args.gold).get_docs(nlp.vocab):
        for _ in range(args.copies):
            new = replace_mentions(doc, pool, rng, args.prob)
            if new is not None:
                out.add(new)
                n_docs += 1
                n_words += len(new)
    out.to_disk(args.out)
    stats = {
        "gold": str(args.gold.name), "copies": args.copies, "prob": args.prob, "seed": args.seed,
        "pool_names": {label: len(names) for label, names in sorted(pool.items())},
        "docs": n_docs, "words": n_words,
    }
    args.out.with_suffix(".json").write_text(json.dumps(stats, indent=2) + "\n")
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
