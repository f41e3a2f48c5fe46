"""Tag more unlabelled German text with the shipped accurate-mode teacher, on the CPU.

Why: the fast CNN learns names from the teacher's tags (``training/distill.py``); the first 360k
words were tagged on a GPU (``train_device.py``). This script does the same with the committed
``accurate_de`` model on any machine (~650 words/s per core), for text that was not in the GPU
pack: WikiWarsDE's Wikipedia articles (modern encyclopaedic German, like GermEval's Wikipedia
half) and the REDEWIEDERGABE corpus (1840–1919 journals, magazines and fiction, in its
normalised modern spelling ``normtok``; many people and places).

Output, in the format ``distill.py`` reads: ``--texts`` JSONL (one document per line) and
``--tags`` npz (per word: tag id, probability of that tag; per encoder input: doc, first word,
word count). None of this text is in a held-out NER split.

The shipped model's extra silver was made in two runs, whose tags are committed
(``training/accurate/runs/silver_extra{,2}_tags.npz``; ``training/train.py`` step ``distill``
rebuilds the texts with ``--texts-only`` and reuses them): ``--sources wikiwars,redewiedergabe`` and
``--sources redewiedergabe-additional,hipe,bundestag-test``. A third run,
``--sources ud,zefys,europeana`` (the text of the UD treebanks and of the ZEFYS and Europeana
historical newspaper NER sets, 583k words; tags in ``training/accurate/runs/silver_extra3_tags.npz``),
was tried and not kept: GermEval-dev did not improve (model card, run table).

Run: ``.venv/bin/python training/accurate/tag_silver.py`` then
``.venv/bin/python training/distill.py --texts training/corpus/silver_extra_texts.jsonl
--tags training/output/silver_extra_tags.npz --out training/corpus/silver_extra.spacy``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training" / "quotes"))


def wikiwars_documents() -> list[dict]:
    docs = []
    for f in sorted((DATASETS / "wikiwarsde" / "WikiWarsDE_20110412" / "in").glob("*.sgm")):
        raw = f.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if m:
            docs.append({"source": "wikiwarsde", "name": f.stem, "text": m.group(1).strip()})
    return docs


def redewiedergabe_documents(part: str = "main") -> list[dict]:
    """Sentences of normalised tokens (``normtok``), joined as the SpkAtt texts are."""
    import spkatt

    docs = []
    for f in sorted((DATASETS / "redewiedergabe" / "data" / part).rglob("rw*.tsv")):
        sentences: list[list[str]] = []
        with f.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                tok = row.get("normtok") or row.get("tok") or ""
                if not tok:
                    continue
                if row.get("sentstart") == "yes" or not sentences:
                    sentences.append([])
                sentences[-1].append(tok)
        text, _ = spkatt.detokenise(sentences, "")
        docs.append({"source": "redewiedergabe", "name": f.stem, "text": text.lstrip()})
    return docs


def hipe_documents() -> list[dict]:
    """HIPE-2022 German newspaper documents (1790–1950, OCR), tokens joined by their spacing flags."""
    docs = []
    for f in sorted((DATASETS / "hipe2022_de" / "data").rglob("*-de.tsv")):
        name, parts = None, []
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.startswith("# hipe2022:document_id"):
                if name and parts:
                    docs.append({"source": "hipe2022", "name": name, "text": "".join(parts).strip()})
                name, parts = line.split("=", 1)[1].strip(), []
                continue
            if not line or line.startswith(("#", "TOKEN\t")):
                continue
            cols = line.split("\t")
            misc = cols[-1]
            if cols[0].endswith("¬") and len(cols[0]) > 1:  # a word hyphenated at the line end
                parts.append(cols[0][:-1])
                continue
            parts.append(cols[0])
            if "EndOfSentence" in misc or "EndOfLine" in misc:
                parts.append("\n" if "EndOfSentence" in misc else " ")
            elif "NoSpaceAfter" not in misc:
                parts.append(" ")
        if name and parts:
            docs.append({"source": "hipe2022", "name": name, "text": "".join(parts).strip()})
    return docs


def bundestag_documents(split: str, source: str = "bundestag") -> list[dict]:
    """SpkAtt-2023 Bundestag speeches of one split folder (``train/task1``, ``eval/task1_test``), as text."""
    import spkatt

    docs = []
    for f in sorted((DATASETS / "spkatt2023" / "data" / split).glob("*.json")):
        sentences = [s["Tokens"] for s in json.loads(f.read_text(encoding="utf-8"))["Sentences"]]
        text, _ = spkatt.detokenise(sentences, "")
        docs.append({"source": source, "name": f.name, "text": text.lstrip()})
    return docs


_SENTENCE_END = {".", "!", "?"}


def token_file_documents(path: Path, source: str, doc_words: int = 400) -> list[dict]:
    """A one-token-per-line NER file (``token<TAB or space>tag``) as plain text; the tags are ignored.

    Blank lines and ``# file`` comment lines start a new document; long stretches are cut into
    documents of about ``doc_words`` words at a sentence end, so that no encoder input is huge.
    """
    import spkatt

    docs: list[dict] = []
    sentences: list[list[str]] = [[]]

    def flush() -> None:
        sents = [s for s in sentences if s]
        if sents:
            text, _ = spkatt.detokenise(sents, "")
            docs.append({"source": source, "name": f"{path.stem}-{len(docs)}", "text": text.lstrip()})
        sentences[:] = [[]]

    n_words = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("# file"):
            flush()
            n_words = 0
            continue
        if line.startswith("#"):
            continue
        tok = re.split(r"[\t ]", line, maxsplit=1)[0]
        if not tok:
            continue
        sentences[-1].append(tok)
        n_words += 1
        if tok in _SENTENCE_END:
            if n_words >= doc_words:
                flush()
                n_words = 0
            else:
                sentences.append([])
    flush()
    return docs


def ud_documents(sentences_per_doc: int = 20) -> list[dict]:
    """The ``# text`` lines of the UD German treebanks in ../shared (GSD dev/test, PUD test)."""
    docs = []
    for f in sorted((DATASETS / "ud_german").rglob("*.conllu")):
        texts = [
            line.split("=", 1)[1].strip()
            for line in f.read_text(encoding="utf-8").splitlines()
            if line.startswith("# text =")
        ]
        for i in range(0, len(texts), sentences_per_doc):
            docs.append({"source": "ud", "name": f"{f.stem}-{i}", "text": "\n".join(texts[i : i + sentences_per_doc])})
    return docs


SOURCES = {
    "wikiwars": wikiwars_documents,
    "redewiedergabe": redewiedergabe_documents,
    "redewiedergabe-additional": lambda: redewiedergabe_documents("additional"),
    "hipe": hipe_documents,
    # the blind test split: text only, no benchmark here uses it
    "bundestag-test": lambda: bundestag_documents("eval/task1_test", "bundestag-test"),
    # historical newspapers whose gold tags (PER/LOC/ORG, no MISC) the modern model does not train on
    "zefys": lambda: [
        d
        for split in ("train", "dev", "test")
        for d in token_file_documents(DATASETS / "zefys_hist_newspaper_ner_de" / f"{split}.tsv", "zefys")
    ],
    "europeana": lambda: [
        d
        for f in sorted((DATASETS / "europeana_newspapers_ner_de").glob("*/*.bio"))
        for d in token_file_documents(f, "europeana")
    ],
    # modern news and Wikipedia sentences; the UD components are not trained from this silver
    "ud": ud_documents,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sources", default=",".join(SOURCES), help=f"comma-separated, of {', '.join(SOURCES)}")
    ap.add_argument("--texts", type=Path, default=ROOT / "training" / "corpus" / "silver_extra_texts.jsonl")
    ap.add_argument("--tags", type=Path, default=ROOT / "training" / "output" / "silver_extra_tags.npz")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--texts-only", action="store_true", help="write the texts, tag nothing (tags already made)")
    args = ap.parse_args()

    import spacy
    import torch

    from newsgraph.accurate.ner import (
        Tagger,
        allowed_transitions,
        chunk_words,
        model_dir,
        predict_chunks,
        sentence_groups,
        viterbi_bio,
        word_spans,
    )
    from newsgraph.accurate.tokenizer import UnigramTokenizer

    torch.set_num_threads(args.threads)
    docs = [d for name in args.sources.split(",") for d in SOURCES[name]()]
    args.texts.parent.mkdir(parents=True, exist_ok=True)
    with args.texts.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    if args.texts_only:
        print(f"{len(docs)} docs -> {args.texts}")
        return
    model = Tagger.from_delta(model_dir("de"))
    tok = UnigramTokenizer.bundled()
    ok = allowed_transitions(model.cfg.tags)
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    tags_out, prob_out, owners = [], [], []
    t0, n_words = time.time(), 0
    for di, doc in enumerate(nlp.pipe(d["text"] for d in docs)):
        chunks, starts = [], []
        for s, e in sentence_groups(doc):
            for ch in chunk_words(tok, doc.text, word_spans(doc, s, e), model.cfg.max_subwords):
                chunks.append(ch)
                starts.append(s)
        for ch, s, lp in zip(chunks, starts, predict_chunks(model, chunks, batch_size=16), strict=True):
            path = viterbi_bio(lp, ok, model.cfg.tags)
            tags_out.append(np.array(path, dtype=np.uint8))
            prob_out.append(np.exp(lp[np.arange(len(path)), path]).astype(np.float16))
            owners.append((di, s + ch.words[0], len(ch.words)))
            n_words += len(ch.words)
        if di % 25 == 0:
            rate = n_words / (time.time() - t0)
            print(f"  {di + 1}/{len(docs)} docs, {n_words:,} words, {rate:.0f} words/s", flush=True)
    args.tags.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.tags,
        tags=np.concatenate(tags_out),
        prob=np.concatenate(prob_out),
        owner=np.array(owners, dtype=np.int64),
        teacher=np.array(["accurate_de (shipped), CPU"]),
    )
    print(f"{len(docs)} docs, {n_words:,} words tagged in {time.time() - t0:.0f} s -> {args.tags}")


if __name__ == "__main__":
    main()
