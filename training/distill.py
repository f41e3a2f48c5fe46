"""Silver NER training data for the fast CNN, labelled by the accurate-mode teacher (distillation).

Why: the CNN learns from ~270k gold words and lacks recall (issue #3); the e5 teacher
(``training/accurate/train_device.py``) is ~0.25 F1 better. Its tags on 360k words of unlabelled
modern German (SpkAtt WikiNews articles and Bundestag speeches, packed by
``training/accurate/device_pack.py``) give the CNN many more names in context to learn from. Words
the teacher is unsure of are marked *missing* (the CNN is taught neither way): a whole entity if any
of its words has a probability below ``--min-prob``, a single ``O`` word likewise.

Inputs: ``training/corpus/silver_texts.jsonl`` (the texts, written by ``device_pack.py``) and the
teacher's ``silver_tags.npz``. The texts are re-tokenised by ``spacy.blank("de")`` + sentencizer, the
very tokenisation the tags were made on. Output: ``training/corpus/silver.spacy`` + its stats.

Run: ``.venv/bin/python training/distill.py --tags training/output/accurate/gpu/run1/silver_tags.npz``
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")


def main() -> None:
    import spacy
    from spacy.tokens import DocBin, Span

    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--tags", type=Path, required=True, help="silver_tags.npz from train_device.py")
    ap.add_argument("--texts", type=Path, default=CORPUS / "silver_texts.jsonl")
    ap.add_argument("--min-prob", type=float, default=0.6)
    ap.add_argument("--out", type=Path, default=CORPUS / "silver.spacy")
    args = ap.parse_args()

    docs_meta = [json.loads(line) for line in args.texts.read_text(encoding="utf-8").splitlines()]
    z = np.load(args.tags)
    tags, prob, owner = z["tags"], z["prob"].astype(np.float32), z["owner"]
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    docs = list(nlp.pipe(d["text"] for d in docs_meta))
    word_tag = [np.full(len(d), -1, dtype=np.int16) for d in docs]
    word_prob = [np.zeros(len(d), dtype=np.float32) for d in docs]
    k = 0
    for di, start, n in owner:
        word_tag[di][start : start + n] = tags[k : k + n]
        word_prob[di][start : start + n] = prob[k : k + n]
        k += n
    if k != len(tags):
        raise SystemExit(f"{args.tags}: {len(tags)} tags but the owners cover {k} words — pack and tags differ")

    stats = {"docs": len(docs), "words": 0, "entities": 0, "entities_missing": 0, "o_missing": 0, "untagged": 0}
    db = DocBin(store_user_data=False)
    for doc, wt, wp in zip(docs, word_tag, word_prob, strict=True):
        ents, missing = [], []
        i = 0
        while i < len(doc):
            t = int(wt[i])
            if t < 0:
                stats["untagged"] += 1
                missing.append(Span(doc, i, i + 1))
                i += 1
                continue
            tag = TAGS[t]
            if tag == "O":
                if wp[i] < args.min_prob:
                    stats["o_missing"] += 1
                    missing.append(Span(doc, i, i + 1))
                i += 1
                continue
            label = tag[2:]
            j = i + 1
            while j < len(doc) and wt[j] >= 0 and TAGS[int(wt[j])] == f"I-{label}" and not doc[j].is_space:
                j += 1
            # spaCy's NER cannot learn spans that start or end in whitespace or punctuation
            a, b = i, j
            while a < b and (doc[a].is_space or doc[a].is_punct):
                a += 1
            while b > a and (doc[b - 1].is_space or doc[b - 1].is_punct):
                b -= 1
            if a == b:
                i = j
                continue
            if a > i or b < j:
                stats["entities_trimmed"] = stats.get("entities_trimmed", 0) + 1
                i, j = a, b
            if wp[i:j].min() < args.min_prob:
                stats["entities_missing"] += 1
                missing.append(Span(doc, i, j))
            else:
                stats["entities"] += 1
                ents.append(Span(doc, i, j, label=label))
            i = j
        doc.set_ents(ents, missing=missing, default="outside")
        stats["words"] += len(doc)
        db.add(doc)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(args.out)
    stats["teacher"] = [str(t) for t in z["teacher"]] if "teacher" in z.files else []
    stats["min_prob"] = args.min_prob
    args.out.with_suffix(".json").write_text(json.dumps(stats, indent=2) + "\n")
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
