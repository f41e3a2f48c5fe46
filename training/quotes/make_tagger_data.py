"""spkatt2023_news *development* split → spaCy DocBins for the learned message/cue tagger.

Why a token tagger: the quote layer's rules find marked quotes well but miss or over-extend many
indirect, free indirect and reported messages (``benchmarks/bench_quotes.py``); a model trained on
the dataset's annotation can learn where a message starts and stops without a rule per phrase.

One ``Doc`` per article, built from the dataset's own tokens, with a ``"\\n"`` token between
sentences (the pipeline's documents carry a line break there as well). Each token gets one tag
(``Token.tag_``):

- ``DM`` / ``IM`` / ``FM`` / ``RM``: inside the message of a Direct / Indirect / FreeIndirect
  (also ``IndirectFreeIndirect``) / Reported statement;
- ``C``: a cue word, ``S``: a source (speaker) word — of non-nested statements; these win over a
  message tag, so the model learns the frame that sits between cue and message;
- ``O``: everything else.

Only the development split (``spkatt.load_split("dev")``, about 80 % of the articles) is read; its
articles are cut again by the same hash into *train* (about 90 %) and an *early-stopping* part. The
validation split, on which ``benchmarks/bench_quotes.py`` measures, is never read here.

Run: ``.venv/bin/python training/quotes/make_tagger_data.py`` →
``training/corpus/quotes/{train,dev}.spacy`` (git-ignored)
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
import spkatt

OUT = Path(__file__).resolve().parents[1] / "corpus" / "quotes"
FORM_TAG = {"Direct": "DM", "Indirect": "IM", "FreeIndirect": "FM", "IndirectFreeIndirect": "FM", "Reported": "RM"}


def tagged_doc(vocab, sd: spkatt.SpkattDoc) -> tuple[Doc, list[int]]:
    """The article as a Doc of the dataset's tokens, with line breaks between sentences and tags;
    also, for each dataset token, its index in the Doc."""
    tags = ["O"] * len(sd.tokens)
    for ann in sd.annotations:
        if ann.nested:
            continue
        for t in ann.message:
            tags[t] = FORM_TAG.get(ann.form, "IM")
    for ann in sd.annotations:
        if ann.nested:
            continue
        for t in ann.source:
            tags[t] = "S"
        for t in ann.cue:
            tags[t] = "C"
    words: list[str] = []
    spaces: list[bool] = []
    out_tags: list[str] = []
    index: list[int] = []
    for t, (a, b) in enumerate(sd.tokens):
        index.append(len(words))
        nxt = sd.tokens[t + 1][0] if t + 1 < len(sd.tokens) else len(sd.text)
        gap = sd.text[b:nxt]
        words.append(sd.text[a:b])
        out_tags.append(tags[t])
        if "\n" in gap:
            spaces.append(False)
            words.append("\n")
            spaces.append(False)
            out_tags.append("O")
        else:
            spaces.append(bool(gap))
    return Doc(vocab, words=words, spaces=spaces, tags=out_tags), index


def early_stopping(name: str) -> bool:
    """About a tenth of the development articles, chosen by a hash independent of the split's."""
    digest = hashlib.sha1(("es" + spkatt.article_number(name)).encode("utf-8")).hexdigest()
    return int(digest, 16) % 10 == 0


def main() -> None:
    if not spkatt.DATASET.exists():
        sys.exit(f"dataset not found: {spkatt.DATASET}")
    nlp = spacy.blank("de")
    train, dev = DocBin(), DocBin()
    n_train = n_dev = 0
    for sd in spkatt.load_split("dev"):
        doc, _ = tagged_doc(nlp.vocab, sd)
        if early_stopping(sd.name):
            dev.add(doc)
            n_dev += 1
        else:
            train.add(doc)
            n_train += 1
    OUT.mkdir(parents=True, exist_ok=True)
    train.to_disk(OUT / "train.spacy")
    dev.to_disk(OUT / "dev.spacy")
    print(f"train: {n_train} articles, early stopping: {n_dev} articles → {OUT}")


if __name__ == "__main__":
    main()
