"""spkatt2023_news *development* split → spaCy DocBins for the learned message/cue tagger.

Why a tagger stacked on the rules: the quote layer's rules find marked quotes well but miss or
over-extend many indirect, free indirect and reported messages (``benchmarks/bench_quotes.py``). A
window CNN on the words alone was tried first and gave message F1 0.551 against the rules' 0.735
on the early-stopping articles (it cannot see that a word 30 tokens into a quote is quoted), so the
tagger reads, beside each word, what the rules said of it (``QuoteLayer._features``) and learns
where they go wrong.

One ``Doc`` per article, tokenised and annotated by the shipped pipeline exactly as at run time
(the article rebuilt as ``spkatt.load_doc`` does); the rules' features are carried in
``Token.lemma_`` (``quotes_model.feature_doc``). Each token's gold tag (``Token.tag_``) comes from
the dataset tokens it overlaps:

- ``DM`` / ``IM`` / ``FM`` / ``RM``: inside the message of a Direct / Indirect / FreeIndirect
  (also ``IndirectFreeIndirect``) / Reported statement;
- ``C``: a cue word, ``S``: a source (speaker) word of a non-nested statement (these win over a
  message tag);
- ``O``: everything else.

Only the development split (``spkatt.load_split("dev")``) is read; its articles are cut again by a
second hash into *train* (about 90 %) and *early-stopping* articles (``early_stopping``). The
validation split, on which ``benchmarks/bench_quotes.py`` measures, is never read here.

Run: ``nice .venv/bin/python training/quotes/make_tagger_data.py [--cache FILE]`` →
``training/corpus/quotes/{train,dev}.spacy`` (git-ignored; ``--cache`` is the upstream-doc pickle
of ``bench_quotes.py --split dev --cache FILE``, a speed-up only)
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from pathlib import Path

from spacy.tokens import Doc, DocBin

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "benchmarks"))

import spkatt  # noqa: E402

import newsgraph  # noqa: E402
from newsgraph.pipeline.quotes_model import feature_doc  # noqa: E402

OUT = ROOT / "training" / "corpus" / "quotes"
FORM_TAG = {"Direct": "DM", "Indirect": "IM", "FreeIndirect": "FM", "IndirectFreeIndirect": "FM", "Reported": "RM"}


def dataset_tags(sd: spkatt.SpkattDoc) -> list[str]:
    """The gold tag of each dataset token."""
    tags = ["O"] * len(sd.tokens)
    for ann in sd.annotations:
        if not ann.nested:
            for t in ann.message:
                tags[t] = FORM_TAG.get(ann.form, "IM")
    for ann in sd.annotations:
        if not ann.nested:
            for t in ann.source:
                tags[t] = "S"
            for t in ann.cue:
                tags[t] = "C"
    return tags


def token_tags(doc: Doc, sd: spkatt.SpkattDoc) -> list[str]:
    """Each pipeline token's gold tag: that of the dataset tokens it overlaps (cue and source
    first, then a message, else ``O``)."""
    gold = dataset_tags(sd)
    out = []
    j = 0
    for tok in doc:
        a, b = tok.idx, tok.idx + len(tok)
        while j < len(sd.tokens) and sd.tokens[j][1] <= a:
            j += 1
        found = [gold[k] for k in range(j, len(sd.tokens)) if sd.tokens[k][0] < b and sd.tokens[k][1] > a]
        k = j
        while k < len(sd.tokens) and sd.tokens[k][0] < b:
            k += 1
        tag = next((t for t in ("C", "S") if t in found), None)
        tag = tag or next((t for t in found if t != "O"), "O")
        out.append(tag)
    return out


def early_stopping(name: str) -> bool:
    """About a tenth of the development articles, chosen by a hash independent of the split's."""
    digest = hashlib.sha1(("es" + spkatt.article_number(name)).encode("utf-8")).hexdigest()
    return int(digest, 16) % 10 == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="upstream-doc pickle of bench_quotes.py (speed-up)")
    args = parser.parse_args()
    if not spkatt.DATASET.exists():
        sys.exit(f"dataset not found: {spkatt.DATASET}")
    from bench_quotes import _prepared

    nlp = newsgraph.load("de", config={"newsgraph_quotes": {"tagger": False}})
    layer = nlp.get_pipe("newsgraph_quotes")
    layer.record_features = True
    cache = pickle.loads(args.cache.read_bytes()) if args.cache and args.cache.exists() else {}
    train, dev = DocBin(), DocBin()
    n_train = n_dev = 0
    for sd in spkatt.load_split("dev"):
        doc = layer(_prepared(sd, nlp, cache))
        example = feature_doc(doc, layer.last_features, tags=token_tags(doc, sd))
        if early_stopping(sd.name):
            dev.add(example)
            n_dev += 1
        else:
            train.add(example)
            n_train += 1
    OUT.mkdir(parents=True, exist_ok=True)
    train.to_disk(OUT / "train.spacy")
    dev.to_disk(OUT / "dev.spacy")
    print(f"train: {n_train} articles, early stopping: {n_dev} articles → {OUT}")


if __name__ == "__main__":
    main()
