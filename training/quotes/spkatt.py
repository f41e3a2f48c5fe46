"""Read ``spkatt2023_news`` (GermEval 2023 SpkAtt, WikiNews part) as newsgraph-style plain text.

The hidden test articles of the project are WikiNews articles rebuilt the same way as the gold files
in ``../shared/gold/wikinews/``: title line, blank line, one sentence per line, tokens detokenised.
This module rebuilds each annotated article the same way and keeps, for every token, its character
offsets, so that annotations (``Message``, ``Source``, ``Cue``) can be compared with the character
spans the quote layer writes.

Split (fixed, documented in the model card and the benchmark): an article belongs to the
*validation* split when ``sha1(article number) % 5 == 0`` (about 20 %); everything else is the
*development* split, which is the only part rules were looked at and lexicons learned from.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

DATASET = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "spkatt2023_news"

_NO_SPACE_BEFORE = set(",.;:!?)]}“”«’%") | {"...", "…"}
_NO_SPACE_AFTER = set("„([{»‚")


@dataclass
class Annotation:
    """One speech annotation with token indices into ``SpkattDoc.tokens``."""

    form: str
    nested: bool
    message: list[int]
    source: list[int]
    cue: list[int]


@dataclass
class SpkattDoc:
    """An article as text plus per-token character offsets and its annotations."""

    name: str
    text: str
    tokens: list[tuple[int, int]] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)


def article_number(name: str) -> str:
    """The WikiNews number at the start of a file name (``12839 - Titel (2005-09-24).json``)."""
    return name.split(" ", 1)[0]


def is_validation(name: str) -> bool:
    """The fixed validation split: ``sha1(article number) % 5 == 0``."""
    digest = hashlib.sha1(article_number(name).encode("utf-8")).hexdigest()
    return int(digest, 16) % 5 == 0


def _title(name: str) -> str:
    stem = name.rsplit(".json", 1)[0]
    stem = stem.split(" - ", 1)[1] if " - " in stem else stem
    return re.sub(r"\s*\(\d{4}-\d{2}-\d{2}\)$", "", stem)


def published(name: str) -> str | None:
    """The publication date carried by the file name, if any."""
    m = re.search(r"\((\d{4}-\d{2}-\d{2})\)", name)
    return m.group(1) if m else None


def detokenise(sentences: list[list[str]], title: str) -> tuple[str, list[list[tuple[int, int]]]]:
    """Join tokens as the gold texts do; returns the text and per-sentence token offsets."""
    parts: list[str] = [title, "\n\n"]
    pos = len(title) + 2
    offsets: list[list[tuple[int, int]]] = []
    for s_index, tokens in enumerate(sentences):
        if s_index:
            parts.append("\n")
            pos += 1
        sent_offsets: list[tuple[int, int]] = []
        straight_open = False
        prev = None
        for tok in tokens:
            space = prev is not None
            if tok == '"':
                closing = straight_open
                straight_open = not straight_open
                if closing:
                    space = False
            if tok in _NO_SPACE_BEFORE:
                space = False
            if prev is not None and (prev in _NO_SPACE_AFTER or (prev == '"' and straight_open and tok != '"')):
                space = False
            if space:
                parts.append(" ")
                pos += 1
            parts.append(tok)
            sent_offsets.append((pos, pos + len(tok)))
            pos += len(tok)
            prev = tok
        offsets.append(sent_offsets)
    return "".join(parts), offsets


def _indices(refs: list[str], base: list[int]) -> list[int]:
    out = []
    for ref in refs:
        s, t = ref.split(":")
        out.append(base[int(s)] + int(t))
    return out


def load_doc(path: Path) -> SpkattDoc:
    """One dataset file as a :class:`SpkattDoc`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    sentences = [s["Tokens"] for s in data["Sentences"]]
    text, offsets = detokenise(sentences, _title(path.name))
    base, flat = [], []
    for sent in offsets:
        base.append(len(flat))
        flat.extend(sent)
    doc = SpkattDoc(name=path.name, text=text, tokens=flat)
    for a in data["Annotations"]:
        doc.annotations.append(
            Annotation(
                form=a["Form"],
                nested=bool(a.get("IsNested")),
                message=_indices(a.get("Message", []), base),
                source=_indices(a.get("Source", []), base),
                cue=_indices(a.get("Cue", []), base),
            )
        )
    return doc


def check_numbers(gold_dir: Path = DATASET.parent.parent / "gold") -> frozenset[str]:
    """WikiNews numbers of the shared gold's ``check`` articles (``splits.json``). Some of them are
    spkatt development articles too: error listings leave them out, since check articles are never
    read while writing rules (their figures still count in every measurement)."""
    path = gold_dir / "splits.json"
    if not path.exists():
        return frozenset()
    names = json.loads(path.read_text(encoding="utf-8")).get("check", {}).get("wikinews", [])
    return frozenset(n.split("-")[1] for n in names if n.startswith("wn-"))


def load_split(split: str, dataset: Path = DATASET) -> list[SpkattDoc]:
    """``dev`` (about 80 %, for development) or ``val`` (about 20 %, measuring only)."""
    files = sorted((dataset / "train" / "task2").glob("*.json"))
    want_val = split == "val"
    return [load_doc(f) for f in files if is_validation(f.name) == want_val]
