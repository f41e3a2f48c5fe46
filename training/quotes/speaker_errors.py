"""Speaker errors of the quote layer on the spkatt2023_news *development* split, by phenomenon.

Usage::

    nice .venv/bin/python training/quotes/speaker_errors.py                 # counts per phenomenon
    nice .venv/bin/python training/quotes/speaker_errors.py --show 15       # and 15 examples each
    nice .venv/bin/python training/quotes/speaker_errors.py --group other_sentence --show 60

Only the development split is read (the validation split stays for measuring,
``benchmarks/bench_quotes.py``), less the articles that are also shared-gold ``check`` articles.
A gold message is matched and scored exactly as the benchmark does
(:func:`bench_quotes.speaker_right`); each wrong speaker is put in the first group whose test holds,
so the counts add up to the errors and the biggest group is the one to fix first:

- ``no_speaker``: the quote has no speaker phrase and no entity;
- ``gold_pronoun``: the dataset's source is a pronoun or relative word (`er`, `die`, `denen`), which
  the scorer asks to be covered itself (an antecedent entity does not count);
- ``gold_elsewhere``: the source stands in another sentence than the message (free indirect speech
  carried on) and ours is not it;
- ``own_sentence_missed``: the message's sentence names the source, ours comes from another sentence;
- ``gold_document``: the source is a document, figure or report noun (`Angaben`, `Bericht`, `Studie`)
  or a medium (`Zeitung`, `„Tagesspiegel“`), ours a person or body in the same sentence;
- ``overlaps_gold``: ours overlaps the source's words but not its head (apposition, long phrase);
- ``wrong_phrase``: another phrase of the same sentence.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training" / "quotes"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import spkatt  # noqa: E402

import bench_quotes  # noqa: E402
import newsgraph  # noqa: E402

PRONOUNS = frozenset(
    {"er", "sie", "es", "ihm", "ihr", "ihn", "man", "der", "die", "das", "dem", "den", "denen", "deren"}
    | {"dessen", "welche", "welcher", "welches", "wer", "wir", "ich", "diese", "dieser", "dieses"}
    | {"letztere", "letzterer", "beide"}
)
DOCUMENT_NOUNS = ("angabe", "bericht", "studie", "urteil", "erklärung", "information", "meldung", "mitteilung")
MEDIUM_WORDS = ("zeitung", "agentur", "sender", "magazin", "portal", "online", "„", "news", "presse", "spiegel")
GROUPS = (
    "no_speaker",
    "gold_pronoun",
    "gold_elsewhere",
    "own_sentence_missed",
    "gold_document",
    "overlaps_gold",
    "wrong_phrase",
)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def classify(sd: spkatt.SpkattDoc, ann: spkatt.Annotation, quote, ents: dict, words: list[str]) -> str:
    """The phenomenon of one wrong speaker (first test that holds, in :data:`GROUPS` order)."""
    source = sorted(ann.source)
    src_words = [words[t].lower() for t in source if not bench_quotes.is_punct(words[t])]
    spans = bench_quotes.speaker_spans(quote, ents)
    if not spans:
        return "no_speaker"
    if src_words and all(w in PRONOUNS for w in src_words):
        return "gold_pronoun"
    msg_line = line_of(sd.text, sd.tokens[min(ann.message)][0])
    src_lines = {line_of(sd.text, sd.tokens[t][0]) for t in source}
    if msg_line not in src_lines:
        return "gold_elsewhere"
    ours = quote.speaker_span
    if ours is None or line_of(sd.text, ours.start) != msg_line:
        return "own_sentence_missed"
    if any(any(w.startswith(n) or n in w for n in DOCUMENT_NOUNS + MEDIUM_WORDS) for w in src_words):
        return "gold_document"
    if any(a < sd.tokens[t][1] and sd.tokens[t][0] < b for t in source for a, b in spans):
        return "overlaps_gold"
    return "wrong_phrase"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="examples per group")
    parser.add_argument("--group", choices=GROUPS, help="only this group")
    parser.add_argument("--kind", help="only quotes of this kind (`indirect free`, `direct`, ...)")
    parser.add_argument("--context", type=int, default=1, help="sentences shown before the message's")
    parser.add_argument("--cache", type=Path, help="pickle of upstream docs, as for bench_quotes.py")
    args = parser.parse_args()
    import pickle

    cache = None
    if args.cache is not None:
        cache = pickle.loads(args.cache.read_bytes()) if args.cache.exists() else {}
    nlp = newsgraph.load("de")
    layer = nlp.get_pipe("newsgraph_quotes")
    groups: dict[str, list[str]] = defaultdict(list)
    matched = 0
    per_kind: Counter[str] = Counter()
    wrong_kind: Counter[str] = Counter()
    hidden = spkatt.check_numbers()
    for sd in spkatt.load_split("dev"):
        if spkatt.article_number(sd.name) in hidden:
            continue  # a shared-gold check article: not read while writing rules
        doc = layer(bench_quotes._prepared(sd, nlp, cache))
        quotes = doc._.quotes or []
        ents = {e.id: e for e in (doc._.entities or [])}
        words = [sd.text[a:b] for a, b in sd.tokens]
        cover = bench_quotes.coverage(sd, quotes)
        for ann in sd.annotations:
            qi = bench_quotes.matched_quote(ann, words, cover)
            if qi is None:
                continue
            matched += 1
            q = quotes[qi]
            kind = q.kind + (" free" if q.free_indirect else "")
            per_kind[kind] += 1
            if bench_quotes.speaker_right(sd, ann, q, ents):
                continue
            wrong_kind[kind] += 1
            if args.kind and kind != args.kind:
                continue
            group = classify(sd, ann, q, ents, words)
            lines = sd.text.split("\n")
            n = line_of(sd.text, sd.tokens[min(ann.message)][0])
            sentence = lines[n]
            before = " / ".join(lines[max(0, n - args.context) : n])
            gold = " ".join(words[t] for t in sorted(ann.source))
            ent = ents.get(q.speaker)
            groups[group].append(
                f"  [{sd.name[:40]}] {q.kind}{' free' if q.free_indirect else ''}\n"
                f"    before: {before[-200 * args.context :]}\n"
                f"    sentence: {sentence[:220]}\n"
                f"    gold: {gold!r}  ours: {q.speaker_text!r} -> {ent.name if ent else None!r}"
            )
    if cache is not None:
        args.cache.write_bytes(pickle.dumps(cache))
    total = sum(len(v) for v in groups.values())
    print(f"matched {matched}, wrong speaker {total} (accuracy {1 - total / matched:.3f})")
    for g in GROUPS:
        print(f"{g:22s} {len(groups[g]):4d}")
    print("by kind of the matched quote (wrong / matched):")
    for kind, n in per_kind.most_common():
        print(f"  {kind:22s} {wrong_kind[kind]:4d} / {n:4d}  accuracy {1 - wrong_kind[kind] / n:.3f}")
    for g in GROUPS:
        if args.group and g != args.group:
            continue
        if args.show:
            print(f"\n== {g} ({len(groups[g])})")
            for line in groups[g][: args.show]:
                print(line)


if __name__ == "__main__":
    main()
