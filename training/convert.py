"""Convert the shared German NER corpora into spaCy DocBin files with PER/ORG/LOC/MISC labels.

Why this shape: the pipeline runs on raw text tokenised by spaCy's German tokenizer, so every
sentence is first *detokenised* to plain text, entity spans become character offsets, and the text
is re-tokenised by ``spacy.blank("de")``. Training, the held-out benchmark and the running pipeline
therefore all see the same tokenisation, and the benchmark can compare character spans directly.

Label decisions (documented in the model card):

- GermEval 2014 (NoSta-D, nested): only the outer column is used. PER/ORG/LOC/OTH map to
  PER/ORG/LOC/MISC. ``*deriv`` (``russischer``, ``Berliner``) and ``*part`` (``Deutschlandreise``,
  ``EU-Vorsitz``) become O: they are not names of an entity, and the project's gold counts only
  names; the entity layer links derivations to their country from gazetteers instead.
- Europarl (CoNLL IOB1): lowercase-initial spans (``europäischen``, adjectival MISC) become O, the
  same decision as for ``*deriv``.
- DFKI SmartData: person → PER, organization* → ORG, location* → LOC; date, time, number, trigger,
  distance, duration, disaster-type, org-position are dropped (O). Lowercase-initial mentions
  (``dänischen``) become O; a one-token mention that is a plain common noun (``Gruppe`` as an
  anaphor of a company) is marked *missing* so the model is taught neither way.

Splits: our own held-out split of GermEval (20% of source documents by a fixed hash of the source
URL, never trained on) is what the project reports; 10% more is dev for early stopping. SmartData
is split the same way by document id. Europarl keeps its own train/dev/test (test is held out).

Run: ``python training/convert.py`` (writes training/corpus/, prints sizes and sha256 of sources).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
CORPUS = Path(__file__).resolve().parent / "corpus"

LABELS = ("PER", "ORG", "LOC", "MISC")
GERMEVAL_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}
SMARTDATA_MAP = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-stop": "LOC",
    "location-street": "LOC",
    "location-route": "LOC",
}

# relative paths of every source file this script may read
SOURCES = {
    "germeval": "germeval2014_ner/NER-de-test.tsv",
    "europarl_train": "europarl_ner_de_pado/train.tsv",
    "europarl_dev": "europarl_ner_de_pado/dev.tsv",
    "europarl_test": "europarl_ner_de_pado/test.tsv",
    "smartdata": "dfki_smartdata_de/v1_20180119/train.json.gz",
    "zefys_train": "zefys_hist_newspaper_ner_de/train.tsv",
    "zefys_dev": "zefys_hist_newspaper_ner_de/dev.tsv",
}


@dataclass
class Example:
    """One text with gold entity spans as character offsets (``missing``: spans of unknown status)."""

    source: str
    doc_id: str
    text: str
    spans: list[tuple[int, int, str]]
    missing: list[tuple[int, int]] = field(default_factory=list)


def split_of(key: str, heldout_pct: int = 20, dev_pct: int = 10) -> str:
    """A stable split ('heldout', 'dev' or 'train') for a document key, from its sha256."""
    bucket = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < heldout_pct:
        return "heldout"
    if bucket < heldout_pct + dev_pct:
        return "dev"
    return "train"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ---------------------------------------------------------------- detokenisation
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "“", "%", "'", "’", "...", "…"}
_NO_SPACE_AFTER = {"(", "[", "{", "„", "‚"}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Plain text for a list of tokens and each token's character offsets.

    Heuristic, German-newspaper style: no space before closing punctuation, none after opening
    brackets and „; straight double quotes alternate between opening and closing.
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    quote_open = False
    glue_next = True  # no space before the first token
    for tok in tokens:
        closing_quote = tok == '"' and quote_open
        space = not glue_next and tok not in _NO_SPACE_BEFORE and not closing_quote
        if space:
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        glue_next = tok in _NO_SPACE_AFTER
        if tok == '"':
            glue_next = not quote_open  # an opening quote glues to the next token
            quote_open = not quote_open
    return "".join(parts), offsets


def bio_spans(tags: list[str], iob1: bool = False) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end_exclusive, type)`` from BIO (or IOB1 when ``iob1``) tags."""
    spans: list[tuple[int, int, str]] = []
    start, cur = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and (cur != typ or (not iob1 and start is None)))
        if prefix == "O" or begins:
            if start is not None:
                spans.append((start, i, cur))  # type: ignore[arg-type]
            start, cur = (i, typ) if prefix != "O" else (None, None)
    return spans


# ---------------------------------------------------------------- readers
def _tsv_sentences(path: Path) -> Iterator[tuple[str | None, list[list[str]]]]:
    """Sentences of a CoNLL-like TSV: (comment line or None, rows of columns)."""
    comment: str | None = None
    rows: list[list[str]] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#\t") or (line.startswith("# ") and not rows):
                comment = line
                continue
            if not line.strip():
                if rows:
                    yield comment, rows
                comment, rows = None, []
                continue
            rows.append(line.split("\t"))
    if rows:
        yield comment, rows


def _mk_example(source: str, doc_id: str, tokens: list[str], spans: Iterable[tuple[int, int, str]]) -> Example:
    text, offs = detokenize(tokens)
    char_spans = [(offs[s][0], offs[e - 1][1], lab) for s, e, lab in spans]
    return Example(source, doc_id, text, char_spans)


def read_germeval(path: Path) -> Iterator[Example]:
    """GermEval 2014: outer column, deriv/part → O, OTH → MISC; doc_id is the source URL."""
    for n, (comment, rows) in enumerate(_tsv_sentences(path)):
        tokens = [r[1] for r in rows]
        tags = []
        for r in rows:
            prefix, _, typ = r[2].partition("-")
            tags.append(f"{prefix}-{GERMEVAL_MAP[typ]}" if typ in GERMEVAL_MAP else "O")
        url = comment.split("\t")[1] if comment and "\t" in comment else f"sent{n}"
        ex = _mk_example("germeval", url, tokens, bio_spans(tags))
        ex.doc_id = f"{url}#{n}"
        yield ex


def germeval_split(ex: Example) -> str:
    """Split by source URL so that sentences of one article stay together."""
    return split_of("germeval:" + ex.doc_id.rsplit("#", 1)[0])


def read_conll(path: Path, source: str, tag_col: int, iob1: bool) -> Iterator[Example]:
    """CoNLL-style TSV with words in column 0; lowercase-initial (adjectival) spans → O."""
    for n, (_, rows) in enumerate(_tsv_sentences(path)):
        rows = [r for r in rows if len(r) > tag_col]
        if not rows:
            continue
        tokens = [r[0] for r in rows]
        tags = [r[tag_col] for r in rows]
        spans = [
            (s, e, lab if lab in LABELS else "MISC")
            for s, e, lab in bio_spans(tags, iob1=iob1)
            if tokens[s][:1].isupper() or tokens[s][:1].isdigit()
        ]
        yield _mk_example(source, f"{path.stem}#{n}", tokens, spans)


def _smartdata_docs(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        text = f.read()
    dec = json.JSONDecoder()
    i = 0
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        obj, i = dec.raw_decode(text, i)
        yield obj


_WORDISH = re.compile(r"\w")


def read_smartdata(path: Path) -> Iterator[Example]:
    """DFKI SmartData v1 train: whole documents with fine types mapped onto PER/ORG/LOC."""
    for d in _smartdata_docs(path):
        text = d["text"]["string"]
        spans, missing = [], []
        for cm in (d.get("conceptMentions") or {}).get("array", []):
            lab = SMARTDATA_MAP.get(cm["type"])
            if lab is None:
                continue
            s, e = cm["span"]["start"], cm["span"]["end"]
            surface = text[s:e]
            # trim whitespace/punctuation the annotators included (e.g. 'Kunze:')
            while s < e and not _WORDISH.match(text[s]) and text[s] not in "(„\"":
                s += 1
            while e > s and not _WORDISH.match(text[e - 1]) and text[e - 1] not in ".)":
                e -= 1
            surface = text[s:e]
            if not surface:
                continue
            if not (surface[0].isupper() or surface[0].isdigit()):
                continue  # adjectival derivation → O
            if " " not in surface and lab == "ORG" and surface[1:].islower() and surface.istitle() and (
                surface.endswith(("e", "en", "ung", "er", "ern"))
            ):
                missing.append((s, e))  # common-noun anaphor such as 'Gruppe' → unknown
                continue
            spans.append((s, e, lab))
        yield Example("smartdata", d["id"], text, sorted(set(spans)), missing)


# ---------------------------------------------------------------- spaCy docs
def to_doc(nlp, ex: Example, stats: dict[str, int] | None = None):
    """A spaCy Doc of ``ex.text`` with gold ents; misaligned or overlapping spans become missing."""
    from spacy.tokens import Span

    doc = nlp.make_doc(ex.text)
    ents: list[Span] = []
    missing: list[Span] = []
    taken: set[int] = set()
    for s, e, lab in sorted(ex.spans, key=lambda x: (x[0], -x[1])):
        span = doc.char_span(s, e, label=lab)
        if span is None:
            span = doc.char_span(s, e, alignment_mode="expand")
            if stats is not None:
                stats["misaligned"] = stats.get("misaligned", 0) + 1
            if span is not None and not taken.intersection(range(span.start, span.end)):
                taken.update(range(span.start, span.end))
                missing.append(span)
            continue
        if taken.intersection(range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        ents.append(span)
    for s, e in ex.missing:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and not taken.intersection(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            missing.append(span)
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def load_all(datasets: Path = DATASETS, historical: bool = False) -> dict[str, dict[str, list[Example]]]:
    """All examples by source and split."""
    out: dict[str, dict[str, list[Example]]] = {}
    ge = {"train": [], "dev": [], "heldout": []}
    for ex in read_germeval(datasets / SOURCES["germeval"]):
        ge[germeval_split(ex)].append(ex)
    out["germeval"] = ge
    sd = {"train": [], "dev": [], "heldout": []}
    for ex in read_smartdata(datasets / SOURCES["smartdata"]):
        sd[split_of("smartdata:" + ex.doc_id)].append(ex)
    out["smartdata"] = sd
    out["europarl"] = {
        split: list(read_conll(datasets / SOURCES[f"europarl_{name}"], "europarl", 4, iob1=True))
        for split, name in (("train", "train"), ("dev", "dev"), ("heldout", "test"))
    }
    if historical:
        out["zefys"] = {
            "train": list(read_conll(datasets / SOURCES["zefys_train"], "zefys", 1, iob1=False)),
            "dev": list(read_conll(datasets / SOURCES["zefys_dev"], "zefys", 1, iob1=False)),
            "heldout": [],
        }
    return out


def heldout_examples(datasets: Path = DATASETS) -> dict[str, list[Example]]:
    """The held-out examples per source (what the benchmark measures on; never trained on)."""
    return {src: splits["heldout"] for src, splits in load_all(datasets).items()}


def main() -> None:
    import spacy
    from spacy.tokens import DocBin

    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--datasets", type=Path, default=DATASETS)
    ap.add_argument("--out", type=Path, default=CORPUS)
    ap.add_argument("--historical", action="store_true", help="also train on ZEFYS historical newspapers")
    ap.add_argument(
        "--germeval-weight", type=int, default=2, help="copies of each GermEval train sentence (upsampling)"
    )
    args = ap.parse_args()

    nlp = spacy.blank("de")
    data = load_all(args.datasets, historical=args.historical)
    args.out.mkdir(parents=True, exist_ok=True)
    manifest: dict = {"sources": {}, "splits": {}, "historical": args.historical}
    for key, rel in SOURCES.items():
        if key.startswith("zefys") and not args.historical:
            continue
        manifest["sources"][rel] = sha256_file(args.datasets / rel)
    manifest["germeval_weight"] = args.germeval_weight
    stats: dict[str, int] = {}
    for split in ("train", "dev"):
        db = DocBin(store_user_data=False)
        ge_db = DocBin(store_user_data=False)
        for src, splits in data.items():
            n_words = 0
            copies = args.germeval_weight if (src == "germeval" and split == "train") else 1
            for ex in splits[split]:
                doc = to_doc(nlp, ex, stats)
                n_words += len(doc)
                for _ in range(copies):
                    db.add(doc)
                if src == "germeval":
                    ge_db.add(doc)
            manifest["splits"][f"{src}/{split}"] = {"docs": len(splits[split]), "tokens": n_words}
        db.to_disk(args.out / f"{split}.spacy")
        # GermEval dev alone: the in-domain figure used to choose between training runs
        ge_db.to_disk(args.out / f"{split}_germeval.spacy")
    for src, splits in data.items():
        ents = sum(len(ex.spans) for ex in splits["heldout"])
        manifest["splits"][f"{src}/heldout"] = {"docs": len(splits["heldout"]), "entities": ents}
    manifest["misaligned_spans"] = stats.get("misaligned", 0)
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(manifest, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
