"""Raw text for ``spacy pretrain``: the unlabelled training text cut into chunks of a few sentences.

Why a script: spaCy's JSONL reader skips documents longer than ``max_length`` tokens, and the silver
texts are whole articles and books; cutting them at paragraph and sentence ends keeps all of it.
The text is what the NER already trains on (the teacher's silver texts and the gold training docs),
never a dev or held-out split: the UD/ZEFYS/Europeana text of ``silver_extra3`` is left out because
it holds UD sentences.

Run: ``.venv/bin/python training/pretrain_text.py`` → ``training/corpus/pretrain.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
TEXTS = ("silver_texts.jsonl", "silver_extra_texts.jsonl", "silver_extra2_texts.jsonl")
_SENTENCE_END = re.compile(r"(?<=[.!?“\"])\s+(?=[A-ZÄÖÜ„\"])")


def chunks(text: str, max_words: int) -> list[str]:
    """Paragraphs, and within a long paragraph runs of whole sentences of at most ``max_words``."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        if not para:
            continue
        current: list[str] = []
        n = 0
        for sentence in _SENTENCE_END.split(para):
            words = len(sentence.split())
            if current and n + words > max_words:
                out.append(" ".join(current))
                current, n = [], 0
            current.append(sentence)
            n += words
        if current:
            out.append(" ".join(current))
    return out


def main() -> None:
    import spacy
    from spacy.tokens import DocBin

    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--max-words", type=int, default=150)
    ap.add_argument("--out", type=Path, default=CORPUS / "pretrain.jsonl")
    args = ap.parse_args()
    n_chunks = n_words = 0
    with args.out.open("w", encoding="utf-8") as f:
        def write(text: str) -> None:
            nonlocal n_chunks, n_words
            for chunk in chunks(text, args.max_words):
                f.write(json.dumps({"text": chunk}, ensure_ascii=False) + "\n")
                n_chunks += 1
                n_words += len(chunk.split())

        for name in TEXTS:
            path = CORPUS / name
            if not path.exists():
                print(f"warning: {path} missing (run training/train.py --steps distill); skipped")
                continue
            for line in path.open(encoding="utf-8"):
                write(json.loads(line)["text"])
        nlp = spacy.blank("de")
        for doc in DocBin().from_disk(CORPUS / "train.spacy").get_docs(nlp.vocab):
            write(doc.text)
    print(json.dumps({"chunks": n_chunks, "words": n_words, "out": str(args.out)}))


if __name__ == "__main__":
    main()
