"""Cue words of the spkatt2023_news development split that the German quote lexicon lacks.

Usage::

    .venv/bin/python training/quotes/mine_cues.py [--min-count 3] [--min-precision 0.5]

For every word form (lower-cased) the script counts how often the dataset annotates it as (part of)
a speech cue and how often it occurs at all in the development articles (the validation split and
shared-gold ``check`` articles are never read). A form is *precise* when most of its occurrences are
cues. Printed: the precise forms that no list of ``resources/de/quotes.toml`` holds, with their
counts, the other words of their cues (a particle such as ``mit`` in ``teilte … mit``) and an
example. Which of them go into the lexicon is decided by hand: a form is added with the
inflections of its verb, not as a one-off (see the comments in ``quotes.toml``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training" / "quotes"))

import spkatt  # noqa: E402

from newsgraph.pipeline.quotes_lexicon import lexicon_for  # noqa: E402


def known_forms() -> set[str]:
    """Every word the German lexicon already lists as a cue of some kind."""
    lex = lexicon_for("de")
    known: set[str] = set()
    for name in (
        "cue_verbs",
        "reported_verbs",
        "before_source",
        "after_source",
        "nach_words",
        "nach_nouns",
        "so_words",
        "heisst",
        "demnach",
        "zitiert",
        "worten",
        "documents",
        "complementisers",
    ):
        known.update(getattr(lex, name))
    return known


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-precision", type=float, default=0.5)
    args = parser.parse_args()
    hidden = spkatt.check_numbers()
    docs = [d for d in spkatt.load_split("dev") if spkatt.article_number(d.name) not in hidden]
    occurrences: Counter[str] = Counter()
    as_cue: Counter[str] = Counter()
    partners: dict[str, Counter[str]] = defaultdict(Counter)
    example: dict[str, str] = {}
    for sd in docs:
        words = [sd.text[a:b].lower() for a, b in sd.tokens]
        occurrences.update(words)
        for ann in sd.annotations:
            cue = sorted(set(ann.cue))
            for t in cue:
                as_cue[words[t]] += 1
                for o in cue:
                    if o != t:
                        partners[words[t]][words[o]] += 1
                if words[t] not in example:
                    a = sd.tokens[cue[0]][0]
                    start = sd.text.rfind("\n", 0, a) + 1
                    end = sd.text.find("\n", a)
                    example[words[t]] = sd.text[start : end if end > 0 else None][:160]
    known = known_forms()
    rows = []
    for form, n in as_cue.items():
        precision = n / occurrences[form]
        if n >= args.min_count and precision >= args.min_precision and form not in known and form.isalpha():
            rows.append((n, precision, form))
    print(f"{len(docs)} development articles; {sum(as_cue.values())} cue words; {len(rows)} precise forms not listed")
    print(f"{'form':18s} {'cue':>4s} {'all':>4s} {'prec':>5s}  partners | example")
    for n, precision, form in sorted(rows, reverse=True):
        with_ = ", ".join(f"{w} {c}" for w, c in partners[form].most_common(3))
        print(f"{form:18s} {n:4d} {occurrences[form]:4d} {precision:5.2f}  {with_} | {example[form]}")


if __name__ == "__main__":
    main()
