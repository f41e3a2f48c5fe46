"""training/distill.py: teacher tags on unlabelled text become NER training docs (silver data)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import spacy
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[1]
TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")


def test_silver_docs_keep_sure_entities_and_mark_unsure_ones_missing(tmp_path: Path) -> None:
    text = "Außenminister Sergej Lawrow reiste nach Genf.\nDort traf er Vertreter der Nato."
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    words = [t.text for t in doc]
    tags = ["O"] * len(doc)
    prob = [0.99] * len(doc)
    tags[words.index("Sergej")], tags[words.index("Lawrow")] = "B-PER", "I-PER"
    tags[words.index("Genf")] = "B-LOC"
    prob[words.index("Genf")] = 0.4  # the teacher is unsure: neither taught as LOC nor as O
    tags[words.index(".")] = "I-LOC"  # a stray tag on punctuation: trimmed, never an entity
    tags[words.index("Nato")] = "B-ORG"
    prob[words.index("Vertreter")] = 0.3  # an unsure O word: missing too
    (tmp_path / "texts.jsonl").write_text(json.dumps({"source": "t", "name": "t", "text": text}) + "\n")
    np.savez(
        tmp_path / "tags.npz",
        tags=np.array([TAGS.index(t) for t in tags], dtype=np.uint8),
        prob=np.array(prob, dtype=np.float16),
        owner=np.array([[0, 0, len(doc)]], dtype=np.int64),
    )
    out = tmp_path / "silver.spacy"
    subprocess.run(
        [sys.executable, str(ROOT / "training" / "distill.py"), "--tags", str(tmp_path / "tags.npz"),
         "--texts", str(tmp_path / "texts.jsonl"), "--out", str(out)],
        check=True, capture_output=True,
    )
    (silver,) = DocBin().from_disk(out).get_docs(nlp.vocab)
    assert [(e.text, e.label_) for e in silver.ents] == [("Sergej Lawrow", "PER"), ("Nato", "ORG")]
    by_word = {t.text: t.ent_iob_ for t in silver}
    assert by_word["Genf"] == "" and by_word["Vertreter"] == ""  # missing: no loss either way
    assert by_word["reiste"] == "O"
    stats = json.loads(out.with_suffix(".json").read_text())
    assert stats["entities"] == 2 and stats["entities_missing"] == 1 and stats["o_missing"] == 1


def test_token_files_become_plain_documents_for_the_teacher(tmp_path: Path) -> None:
    """One-token-per-line NER files (ZEFYS, Europeana) are read as text only: tags dropped,
    documents cut at blank lines, ``# file`` headers and, when long, at a sentence end."""
    sys.path.insert(0, str(ROOT / "training" / "accurate"))
    sys.path.insert(0, str(ROOT / "training" / "quotes"))
    from tag_silver import token_file_documents

    lines = ["# file:\tA", "Kaiser B-PER", "Wilhelm I-PER", "reiste O", "nach O", "Wien B-LOC", ". O",
             "Er O", "kam O", "zurück O", ". O", "", "Die\tO", "Börse\tO", "schloß\tO", "fest\tO", ".\tO",
             "# file:\tB", "# url: x", "Berlin B-LOC", ", O", "1. O", "Januar O", "."]
    path = tmp_path / "hist.bio"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = token_file_documents(path, "hist")
    assert [d["text"] for d in docs] == [
        "Kaiser Wilhelm reiste nach Wien.\nEr kam zurück.",
        "Die Börse schloß fest.",
        "Berlin, 1. Januar.",
    ]
    assert {d["source"] for d in docs} == {"hist"}
    short = token_file_documents(path, "hist", doc_words=3)
    assert [d["text"] for d in short][:2] == ["Kaiser Wilhelm reiste nach Wien.", "Er kam zurück."]
