"""Benchmark of ``newsgraph_quotes`` on spkatt2023_news (German WikiNews, speaker attribution).

Usage::

    .venv/bin/python benchmarks/bench_quotes.py            # validation split, writes results/quotes.json
    .venv/bin/python benchmarks/bench_quotes.py --split dev --errors 40   # development split + examples
    .venv/bin/python benchmarks/bench_quotes.py --model training/output/quotes/run/model-best
        # a learned tagger (training/quotes/) combined with the rules, beside the rules alone;
        # writes results/quotes_tagger.json

Split: an article is *validation* when ``sha1(article number) % 5 == 0`` (145 of 700 articles);
rules and lexicons were developed on the other 555 (*dev*) only. Articles are rebuilt as the
project's gold texts are (title, blank line, one detokenised sentence per line).

Figures:
- message detection, token level: a dataset token is *predicted* when a quote's content span
  overlaps it, *gold* when it belongs to any ``Message``; punctuation tokens (quotation marks,
  commas, full stops) are ignored on both sides, because the dataset puts quotation marks inside
  messages while newsgraph's content excludes them. A quote covers its content span, widened to
  its ``clause`` when a fragment stands for its reported clause (one quote per statement; the
  clause's tokens outside the fragment count as Indirect/FreeIndirect). P/R/F1 overall and per Form, where a
  prediction's form is: direct/partial → Direct, indirect with a cue → Indirect, free indirect
  (no cue, carried on) → FreeIndirect, reported → Reported; gold ``IndirectFreeIndirect`` is
  counted with FreeIndirect.
- speaker accuracy on matched messages: a non-nested gold message with a ``Source`` is matched when
  one predicted quote covers at least half of its tokens; its speaker is right when the predicted
  speaker phrase (``speaker_span``) or a mention of the predicted speaker entity covers the head of
  the Source or of an apposition in it (the last capitalised word before the first genitive or
  prepositional link, else its first word that is not punctuation: ``ein Sprecher des Weißen
  Hauses`` → ``Sprecher``, ``er`` → ``er``, ``die US-Delegationsleiterin beim Klimagipfel, Sharon
  Hayes`` → ``US-Delegationsleiterin`` or ``Hayes``). ``speaker_accuracy_first_head`` keeps the
  rule of earlier runs (one head, links without ``beim``/``auf``/…, quotation marks as heads) for
  comparison.
- speed: quotes per second of the quote layer alone, and median milliseconds per article.
"""

from __future__ import annotations

import argparse
import copy
import json
import pickle
import platform
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training" / "quotes"))

import spkatt  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

import newsgraph  # noqa: E402
from newsgraph.pipeline.quotes import QuoteLayer  # noqa: E402
from newsgraph.pipeline.quotes_model import QuoteTagger  # noqa: E402

FORMS = ("Direct", "Indirect", "FreeIndirect", "Reported")
_LINKS = {"der", "des", "von", "vom", "aus", "für", "im", "in", "am", "bei", "(", ",", "zu", "zum", "zur", "gegenüber"}


def predicted_form(quote) -> str:
    if quote.kind in {"direct", "partial"}:
        return "Direct"
    if quote.kind == "reported":
        return "Reported"
    return "FreeIndirect" if quote.free_indirect else "Indirect"


def extent(quote) -> tuple[int, int]:
    """Characters a quote's statement covers: its content, widened to ``clause`` when a quoted
    fragment is listed as the quote of a reported clause (the layer lists each statement once)."""
    if quote.clause is not None:
        return min(quote.start, quote.clause.start), max(quote.end, quote.clause.end)
    return quote.start, quote.end


def gold_form(form: str) -> str:
    return "FreeIndirect" if form in {"FreeIndirect", "IndirectFreeIndirect"} else form


def source_head(doc: spkatt.SpkattDoc, source: list[int]) -> int | None:
    if not source:
        return None
    toks = sorted(source)
    words = [doc.text[doc.tokens[i][0] : doc.tokens[i][1]] for i in toks]
    head = None
    for i, w in zip(toks, words, strict=True):
        if head is not None and w.lower() in _LINKS:
            break
        if w[:1].isupper():
            head = i
    return head if head is not None else toks[0]


#: words that end a noun phrase's head: articles of a genitive, prepositions, relative words
_HEAD_LINKS = _LINKS | {
    "beim", "auf", "an", "mit", "nach", "über", "unter", "gegen", "seitens", "ohne", "vor", "hinter",
    "die", "das", "dem", "den", "welche", "welcher", "–", "—", ")", "und", "sowie",
}
#: marks that open an apposition (`Matthias Freude, Präsident des Landesumweltamtes`)
_APPOSITION = {",", "–", "—", "("}


def source_heads(doc: spkatt.SpkattDoc, source: list[int]) -> list[int]:
    """The head word of a gold source and of each apposition in it, any of which names the
    speaker: `die US-Delegationsleiterin beim Klimagipfel , Sharon Hayes` → `US-Delegationsleiterin`
    and `Hayes`; `„ tagesschau.de “` → `tagesschau.de`. A part's head is its last capitalised word
    before the first link word (article of a genitive, preposition, conjunction), else its first
    word that is not punctuation."""
    toks = sorted(source)
    parts: list[list[int]] = [[]]
    for i in toks:
        w = doc.text[doc.tokens[i][0] : doc.tokens[i][1]]
        if w in _APPOSITION and parts[-1]:
            parts.append([])
        elif not is_punct(w):
            parts[-1].append(i)
    heads = []
    for part in parts:
        if not part:
            continue
        head = None
        for i in part:
            w = doc.text[doc.tokens[i][0] : doc.tokens[i][1]]
            if head is not None and w.lower() in _HEAD_LINKS:
                break
            if w[:1].isupper():
                head = i
        heads.append(head if head is not None else part[0])
    return heads


def is_punct(word: str) -> bool:
    return not any(ch.isalnum() for ch in word)


def coverage(sd: spkatt.SpkattDoc, quotes) -> list[set[int]]:
    """For each dataset token, the quotes whose extent (:func:`extent`) overlaps it."""
    cover: list[set[int]] = [set() for _ in sd.tokens]
    for qi, q in enumerate(quotes):
        qs, qe = extent(q)
        for t, (a, b) in enumerate(sd.tokens):
            if a < qe and b > qs:
                cover[t].add(qi)
    return cover


def matched_quote(ann: spkatt.Annotation, words: list[str], cover: list[set[int]]) -> int | None:
    """The quote matched with a non-nested gold message that has a source: the one covering most
    of its words, when it covers at least half of them."""
    if ann.nested or not ann.source:
        return None
    toks = [t for t in ann.message if not is_punct(words[t])]
    if not toks:
        return None
    counts: dict[int, int] = defaultdict(int)
    for t in toks:
        for qi in cover[t]:
            counts[qi] += 1
    if not counts:
        return None
    qi, c = max(counts.items(), key=lambda kv: kv[1])
    return qi if c * 2 >= len(toks) else None


def speaker_spans(quote, ents: dict) -> list[tuple[int, int]]:
    """Character spans that stand for a quote's speaker: its phrase and its entity's mentions."""
    spans = []
    if quote.speaker_span is not None:
        spans.append((quote.speaker_span.start, quote.speaker_span.end))
    if quote.speaker in ents:
        spans.extend((m.start, m.end) for m in ents[quote.speaker].mentions)
    return spans


def speaker_right(sd: spkatt.SpkattDoc, ann: spkatt.Annotation, quote, ents: dict, first_head: bool = False) -> bool:
    """Whether a speaker span of the quote covers the head of the gold source or of an apposition
    in it (:func:`source_heads`); with ``first_head`` the rule of earlier runs: the one head of
    :func:`source_head` (which ran past `beim …, Name` and read `„` as the head of `„ Name “`)."""
    heads = [source_head(sd, ann.source)] if first_head else source_heads(sd, ann.source)
    spans = speaker_spans(quote, ents)
    return any(a <= sd.tokens[h][0] and sd.tokens[h][1] <= b for h in heads for a, b in spans)


def _prepared(sd: spkatt.SpkattDoc, nlp, cache: dict | None):
    """The document after every component before the quote layer; with ``cache`` (a dict, or a
    pickle path's contents) the upstream pipeline runs once per article across iterations."""
    key = sd.name
    if cache is not None and key in cache:
        data, ext = cache[key]
        doc = Doc(nlp.vocab).from_bytes(data, exclude=["user_data"])
        for name, value in ext.items():
            setattr(doc._, name, copy.deepcopy(value))
        return doc
    doc = nlp.make_doc(sd.text)
    doc._.published = spkatt.published(sd.name)
    for name, proc in nlp.pipeline:
        if name == "newsgraph_quotes":
            break
        doc = proc(doc)
    if cache is not None:
        ext = {n: getattr(doc._, n) for n in ("published", "entities", "times", "reference_date")}
        cache[key] = (doc.to_bytes(exclude=["user_data"]), copy.deepcopy(ext))
    return doc


def evaluate(
    docs: list[spkatt.SpkattDoc], nlp, errors: int = 0, cache: dict | None = None, only: str = "", layer=None
) -> dict:
    tp = defaultdict(int)
    fp = defaultdict(int)
    fn = defaultdict(int)
    matched = correct = correct_first_head = 0
    n_quotes = 0
    layer_seconds = 0.0
    per_doc_ms: list[float] = []
    examples: list[str] = []
    hidden = spkatt.check_numbers()  # shared-gold check articles: scored, never listed
    for sd in docs:
        errors_here = 0 if spkatt.article_number(sd.name) in hidden else errors
        doc = _prepared(sd, nlp, cache)
        t0 = time.perf_counter()
        doc = (layer or nlp.get_pipe("newsgraph_quotes"))(doc)
        dt = time.perf_counter() - t0
        layer_seconds += dt
        per_doc_ms.append(dt * 1000)
        quotes = doc._.quotes or []
        n_quotes += len(quotes)
        ents = {e.id: e for e in (doc._.entities or [])}
        words = [sd.text[a:b] for a, b in sd.tokens]
        # token -> predicted forms
        pred: list[set[str]] = [set() for _ in sd.tokens]
        cover: list[set[int]] = [set() for _ in sd.tokens]
        for qi, q in enumerate(quotes):
            form = predicted_form(q)
            clause_form = "FreeIndirect" if q.free_indirect else "Indirect"
            qs, qe = extent(q)
            for t, (a, b) in enumerate(sd.tokens):
                if a < qe and b > qs:
                    pred[t].add(form if a < q.end and b > q.start else clause_form)
                    cover[t].add(qi)
        gold: list[set[str]] = [set() for _ in sd.tokens]
        for ann in sd.annotations:
            for t in ann.message:
                gold[t].add(gold_form(ann.form))
        for t, w in enumerate(words):
            if is_punct(w):
                continue
            p, g = bool(pred[t]), bool(gold[t])
            tp["all"] += p and g
            fp["all"] += p and not g
            fn["all"] += g and not p
            for f in FORMS:
                pf, gf = f in pred[t], f in gold[t]
                tp[f] += pf and gf
                fp[f] += pf and not gf
                fn[f] += gf and not pf
        # speaker accuracy on matched messages
        for ann in sd.annotations:
            qi = matched_quote(ann, words, cover)
            if qi is None:
                continue
            matched += 1
            head = source_head(sd, ann.source)
            q = quotes[qi]
            ok = speaker_right(sd, ann, q, ents)
            correct += ok
            correct_first_head += speaker_right(sd, ann, q, ents, first_head=True)
            if not ok and len(examples) < errors_here and only in {"", "speaker"}:
                src = " ".join(words[t] for t in sorted(ann.source))
                kind = q.kind + (" free" if q.free_indirect else "")
                examples.append(
                    f"SPEAKER {kind} gold={src!r} head={words[head]!r} pred={q.speaker_text!r} | {q.text[:90]!r}"
                )
        if errors_here and len(examples) < errors_here and only in {"", "miss"}:
            for ann in sd.annotations:
                missed = [t for t in ann.message if not pred[t] and not is_punct(words[t])]
                if len(missed) * 2 > len(ann.message) and len(examples) < errors_here:
                    examples.append(f"MISS {ann.form}: {' '.join(words[t] for t in ann.message)[:160]!r}")
        if errors_here and len(examples) < errors_here and only in {"", "false"}:
            for q in quotes:
                g = [t for t, (a, b) in enumerate(sd.tokens) if a < q.end and b > q.start and not is_punct(words[t])]
                if g and sum(1 for t in g if gold[t]) * 2 < len(g) and len(examples) < errors_here:
                    examples.append(f"FALSE {q.kind}{' free' if q.free_indirect else ''}: {q.text[:160]!r}")

    def prf(key: str) -> dict:
        p = tp[key] / (tp[key] + fp[key]) if tp[key] + fp[key] else 0.0
        r = tp[key] / (tp[key] + fn[key]) if tp[key] + fn[key] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}

    return {
        "articles": len(docs),
        "message_tokens": prf("all"),
        "per_form": {f: prf(f) for f in FORMS},
        "speaker_accuracy": round(correct / matched, 3) if matched else 0.0,
        "speaker_accuracy_first_head": round(correct_first_head / matched, 3) if matched else 0.0,
        "matched_messages": matched,
        "quotes": n_quotes,
        "quotes_per_second": round(n_quotes / layer_seconds, 1) if layer_seconds else None,
        "median_ms_per_article": round(statistics.median(per_doc_ms), 2) if per_doc_ms else None,
        "examples": examples,
    }


def _norm(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", text).casefold().strip(" \t\n.,;:!?\"'„“”»«‚‘’()[]–-")


def gold_quotes(nlp, verbose: bool = False) -> dict:
    """The project's gold files (founding article + WikiNews dev): quotes found, speaker and via
    right, with the matching rule of ../shared/gold/README.md."""
    gold_dir = ROOT.parent / "shared" / "gold"
    files = sorted(gold_dir.glob("*.gold.json")) + sorted((gold_dir / "wikinews").glob("*.gold.json"))
    out: dict[str, dict] = {}
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        from newsgraph.evaluate import gold_split

        show = verbose and gold_split(path) == "tune"  # check articles: figures only, never listed
        doc_path = path.parent / gold["document"]
        if not doc_path.exists():
            doc_path = ROOT.parent / "shared" / "seeds" / Path(gold["document"]).name
        text = doc_path.read_text(encoding="utf-8")
        record = newsgraph.extract(text, lang="de", published=gold.get("published"), nlp=nlp)
        mention_to_gold = {}
        for g in gold["entities"]:
            for m in g["mentions"]:
                mention_to_gold[_norm(m)] = g["name"]
        ent_gold = {}
        for e in record.entities:
            for m in e.mentions:
                if _norm(m.text) in mention_to_gold:
                    ent_gold[e.id] = mention_to_gold[_norm(m.text)]
                    break
        found = speaker_ok = via_ok = 0
        for g in gold["quotes"]:
            want = _norm(g["starts_with"])
            match = next(
                (q for q in record.quotes if _norm(q.text).startswith(want) or want in _norm(q.text)[: 40 + len(want)]),
                None,
            )
            if match is None:
                if show:
                    print(f"  {path.name}: MISSING {g['starts_with']!r}")
                continue
            found += 1
            spk = ent_gold.get(match.speaker) if match.speaker else None
            ok = spk in g["speaker_any_of"] if spk else None in g["speaker_any_of"]
            speaker_ok += ok
            via = ent_gold.get(match.via) if match.via else None
            via_ok += via == g.get("via")
            if show and not ok:
                want_any = g["speaker_any_of"]
                print(f"  {path.name}: SPEAKER {g['starts_with']!r} want {want_any} got {spk} [{match.speaker_text}]")
        out[path.name.split(".gold")[0]] = {
            "quotes": len(gold["quotes"]),
            "found": found,
            "speaker_right": speaker_ok,
            "via_right": via_ok,
        }
    total = {k: sum(v[k] for v in out.values()) for k in ("quotes", "found", "speaker_right", "via_right")}
    return {"total": total, "files": out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--split",
        choices=["dev", "val", "es"],
        default="val",
        help="es: the learned tagger's early-stopping articles (part of dev, not trained on)",
    )
    parser.add_argument("--errors", type=int, default=0, help="print this many error examples")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--gold", action="store_true", help="also score the project's gold files")
    parser.add_argument("--gold-only", action="store_true")
    parser.add_argument("--only", choices=["", "speaker", "miss", "false"], default="", help="examples of one kind")
    parser.add_argument(
        "--cache", type=Path, help="pickle of upstream docs (speed-up; delete it when other layers change)"
    )
    parser.add_argument("--no-reported", action="store_true", help="switch reported speech off (ablation)")
    parser.add_argument("--model", type=Path, help="a learned tagger other than the shipped one (training runs)")
    parser.add_argument(
        "--learned", action="append", default=[], metavar="KEY=VALUE", help="override a [learned] setting (quotes.toml)"
    )
    args = parser.parse_args()
    if not spkatt.DATASET.exists():
        sys.exit(f"dataset not found: {spkatt.DATASET}")
    nlp = newsgraph.load("de", config={"newsgraph_quotes": {"reported": not args.no_reported}})
    if args.gold_only:
        print(json.dumps(gold_quotes(nlp, verbose=True), indent=1, ensure_ascii=False))
        return
    docs = spkatt.load_split("dev" if args.split == "es" else args.split)
    if args.split == "es":
        from make_tagger_data import early_stopping

        docs = [d for d in docs if early_stopping(d.name)]
    if args.limit:
        docs = docs[: args.limit]
    cache = None
    if args.cache is not None:
        cache = pickle.loads(args.cache.read_bytes()) if args.cache.exists() else {}
    n_cached = len(cache) if cache is not None else 0
    layer = nlp.get_pipe("newsgraph_quotes")
    if args.model is not None:
        layer._tagger = QuoteTagger.load(args.model)
    for item in args.learned:
        key, _, value = item.partition("=")
        layer.lex.learned[key] = float(value)
    result = evaluate(docs, nlp, errors=args.errors, cache=cache, only=args.only, layer=layer)
    if layer._tagger is not None:
        # the same articles through the rules alone, for the comparison
        rules = evaluate(docs, nlp, cache=cache, layer=QuoteLayer(nlp, tagger=False, reported=not args.no_reported))
        keys = ("message_tokens", "per_form", "speaker_accuracy", "matched_messages")
        result["rules_only"] = {k: rules[k] for k in keys}
    result["tagger"] = str(args.model) if args.model is not None else ("shipped" if layer._tagger else "none")
    if cache is not None and len(cache) != n_cached:
        args.cache.write_bytes(pickle.dumps(cache))
    if args.gold or (args.split == "val" and not args.limit):
        result["gold_files"] = gold_quotes(nlp)["total"]
    examples = result.pop("examples")
    result["split"] = args.split
    result["pipeline"] = nlp.pipe_names
    result["machine"] = f"{platform.machine()}, {platform.python_version()}, 2 shared cores, no GPU"
    print(json.dumps(result, indent=2, ensure_ascii=False))
    for line in examples:
        print(line)
    if args.split == "val" and not args.no_write and not args.limit:
        # a tagger that is not shipped is measured apart from the shipped layer's figures
        out = ROOT / "benchmarks" / "results" / ("quotes_tagger.json" if args.model else "quotes.json")
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
