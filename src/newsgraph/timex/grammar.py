"""A small data-driven grammar for temporal expressions.

Why not spaCy's tokens and Matcher directly: the statistical base pipeline may tokenise dates
differently (``26.12.2005.`` with the sentence's full stop, ``1990er-Jahre`` as one token), and a
time's span must be exact to the character. So the grammar runs on its own light token stream with
character offsets; the spaCy ``Doc`` is used only for sentences and tense.

The grammar has three parts, all read from ``resources/<lang>/times.toml``:

* **classes** of tokens: word/phrase lists (each entry carries fields such as ``month = 5``),
  regular expressions over one token (named groups become fields) and *compounds* generated from
  two classes (``Montag`` + ``abend`` -> ``Montagabend``);
* **patterns**: sequences of class names (``?`` optional, ``~`` context that is not part of the
  span, ``=a|b`` literal words), each naming the normaliser that turns the collected fields into a
  TIMEX3 value;
* the normalisers themselves (``normalise.py``), one per kind of expression.

Matching is longest-first, left to right, without overlaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

#: digits with internal ``.``/``:`` separators, an attached letter suffix (``1990er``, ``24th``),
#: and a trailing full stop (ordinals ``24.``); words; any other single character
TOKEN_RE = re.compile(r"\d+(?:[.:]\d+)*(?:[^\W\d_]+)?\.?|[^\W\d_]+|\S")
#: German writes decimals with a comma (`3,5 Stunden`): one token there, so that a duration keeps its fraction
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}(?![\d,])")
_FULL_NUMERIC_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\.$")
_LONG_NUMBER_DOT = re.compile(r"^\d{3,}\.$")
_TIME_DOT = re.compile(r"^\d{1,2}:\d{2}\.$")


@dataclass(frozen=True, slots=True)
class Token:
    """One grammar token: its text, lowercased text and character offsets into the document."""

    text: str
    start: int
    end: int
    lower: str = ""

    @classmethod
    def make(cls, text: str, start: int, end: int) -> Token:
        return cls(text, start, end, text.lower())


def tokenize(text: str, ordinal_dot: bool = True) -> list[Token]:
    """Split ``text`` into grammar tokens.

    With ``ordinal_dot`` (German) a full stop after a number stays on it (ordinals: ``24.``) except
    where it can only be the end of a sentence: after a full numeric date, a time or a number of
    three or more digits. Without it (English) a full stop never belongs to a number.
    """
    tokens: list[Token] = []
    skip_to = 0
    for m in TOKEN_RE.finditer(text):
        if m.start() < skip_to:
            continue
        tok = m.group()
        if ordinal_dot and tok[0].isdigit() and (d := _DECIMAL_COMMA.match(text, m.start())) is not None:
            tokens.append(Token.make(d.group(), d.start(), d.end()))
            skip_to = d.end()
            continue
        if (
            tok.endswith(".")
            and tok[0].isdigit()
            and (
                not ordinal_dot or _FULL_NUMERIC_DATE.match(tok) or _LONG_NUMBER_DOT.match(tok) or _TIME_DOT.match(tok)
            )
        ):
            tokens.append(Token.make(tok[:-1], m.start(), m.end() - 1))
            tokens.append(Token.make(".", m.end() - 1, m.end()))
        else:
            tokens.append(Token.make(tok, m.start(), m.end()))
    return tokens


@dataclass(slots=True)
class Element:
    """One position of a pattern: a class name or literal words, maybe optional or context-only."""

    names: tuple[str, ...] | None
    literals: frozenset[str] | None
    optional: bool
    context: bool

    @classmethod
    def parse(cls, spec: str) -> Element:
        context = spec.startswith("~")
        spec = spec.lstrip("~")
        optional = spec.endswith("?")
        spec = spec.rstrip("?")
        if spec.startswith("="):
            return cls(None, frozenset(w.lower() for w in spec[1:].split("|")), optional, context)
        return cls(tuple(spec.split("|")), None, optional, context)


@dataclass(slots=True)
class Pattern:
    """A named sequence of elements and the normaliser that values what it matches."""

    name: str
    elements: list[Element]
    norm: str
    type: str = "DATE"
    guard: str | None = None
    fixed: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Match:
    """A pattern matched over ``tokens[start:end]`` (the span without context elements)."""

    pattern: Pattern
    start: int
    end: int
    fields: dict[str, Any]
    context_start: int
    context_end: int
    classes: list[str]


class ClassTable:
    """Token classes: phrase lists, regular expressions and compounds, each yielding fields."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.ordinal_dot = bool(spec.get("tokenizer", {}).get("ordinal_dot", True))
        #: class -> {tuple of lowered token texts -> fields}
        self.phrases: dict[str, dict[tuple[str, ...], dict[str, Any]]] = {}
        #: class -> whether case matters
        self.cased: dict[str, bool] = {}
        self.regexes: dict[str, tuple[re.Pattern[str], dict[str, Any]]] = {}
        self.max_len: dict[str, int] = {}
        for name, cspec in spec.get("class", {}).items():
            self._add_class(name, cspec)
        for name, cspec in spec.get("compound", {}).items():
            self._add_compound(name, cspec)
        #: first token of an entry -> classes with such an entry (a cheap test before matching)
        self.first_token: dict[str, set[str]] = {}
        for name, table in self.phrases.items():
            for key in table:
                self.first_token.setdefault(key[0], set()).add(name)

    def classes_at(self, token: Token) -> set[str]:
        """Classes that might match at ``token`` (phrase classes by first token; regular-expression
        classes, which describe numeric tokens, only where the token starts with a digit)."""
        found = set(self.first_token.get(token.text, ()))
        found.update(self.first_token.get(token.lower, ()))
        if token.text[:1].isdigit():
            for name, (rx, _) in self.regexes.items():
                if rx.match(token.text):
                    found.add(name)
        return found

    def _add_class(self, name: str, cspec: dict[str, Any]) -> None:
        cased = bool(cspec.get("cased", False))
        self.cased[name] = cased
        fieldname = cspec.get("field")
        if "regex" in cspec:
            extra = {k: v for k, v in cspec.get("set", {}).items()}
            self.regexes[name] = (re.compile(cspec["regex"], 0 if cased else re.IGNORECASE), extra)
            return
        table: dict[tuple[str, ...], dict[str, Any]] = {}
        for surface, value in cspec.get("words", {}).items():
            fields = dict(value) if isinstance(value, dict) else {fieldname: value}
            fields.update(cspec.get("set", {}))
            key = tuple(t.text if cased else t.lower for t in tokenize(surface, self.ordinal_dot))
            table[key] = fields
        self.phrases[name] = table
        self.max_len[name] = max((len(k) for k in table), default=0)

    def _add_compound(self, name: str, cspec: dict[str, Any]) -> None:
        """``parts = [A, B]``: every single-token entry of A glued to every one of B (lowercased)."""
        first, second = (self.phrases[p] for p in cspec["parts"])
        table: dict[tuple[str, ...], dict[str, Any]] = {}
        for k1, f1 in first.items():
            if len(k1) != 1:
                continue
            for k2, f2 in second.items():
                if len(k2) != 1:
                    continue
                table[((k1[0] + k2[0]).lower(),)] = {**f1, **f2, **cspec.get("set", {})}
        self.phrases[name] = table
        self.cased[name] = False
        self.max_len[name] = 1

    def match(self, name: str, tokens: list[Token], i: int) -> list[tuple[int, dict[str, Any]]]:
        """The ways class ``name`` can match at token ``i``: (end index, fields), longest first."""
        out: list[tuple[int, dict[str, Any]]] = []
        if name in self.regexes:
            rx, extra = self.regexes[name]
            m = rx.match(tokens[i].text)
            if m:
                fields = {k: v for k, v in m.groupdict().items() if v is not None}
                out.append((i + 1, {**fields, **extra}))
            return out
        table = self.phrases.get(name)
        if table is None:
            raise KeyError(f"unknown token class {name!r}")
        cased = self.cased[name]
        first = tokens[i].text if cased else tokens[i].lower
        if name not in self.first_token.get(first, ()):
            return out
        key: tuple[str, ...] = ()
        for n in range(min(self.max_len[name], len(tokens) - i)):
            key += (tokens[i + n].text if cased else tokens[i + n].lower,)
            fields = table.get(key)
            if fields is not None:
                out.append((i + n + 1, fields))
        out.reverse()  # longest first
        return out


class Grammar:
    """Patterns over token classes; :meth:`find` returns non-overlapping longest matches."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.ordinal_dot = bool(spec.get("tokenizer", {}).get("ordinal_dot", True))
        self.classes = ClassTable(spec)
        self.patterns = [
            Pattern(
                name=p["name"],
                elements=[Element.parse(e) for e in p["seq"]],
                norm=p["norm"],
                type=p.get("type", "DATE"),
                guard=p.get("guard"),
                fixed=dict(p.get("set", {})),
            )
            for p in spec.get("pattern", [])
        ]
        #: per pattern: the elements that must match (anchors), each with how many tokens the
        #: elements before it can cover at most; matching starts only near the rarest anchor
        self._anchors: list[list[tuple[Element, int]]] = []
        for p in self.patterns:
            required = [k for k, e in enumerate(p.elements) if not e.optional and not e.context]
            if not required:
                required = [next(k for k, e in enumerate(p.elements) if not e.optional)]
            self._anchors.append([(p.elements[k], sum(self._width(e) for e in p.elements[:k])) for k in required])
        self._anchor_literals = frozenset(w for anchors in self._anchors for a, _ in anchors for w in a.literals or ())
        for p in self.patterns:
            for e in p.elements:
                for name in e.names or ():
                    if name not in self.classes.phrases and name not in self.classes.regexes:
                        raise KeyError(f"pattern {p.name!r} uses unknown class {name!r}")

    def _width(self, element: Element) -> int:
        if element.literals is not None:
            return 1
        return max(self.classes.max_len.get(n, 1) for n in element.names or ())

    def _match_at(
        self, pattern: Pattern, tokens: list[Token], i: int, cache: dict[tuple[str, int], Any]
    ) -> Match | None:
        """The longest way ``pattern`` matches from token ``i`` (bounded backtracking)."""
        best: Match | None = None
        elements = pattern.elements

        def walk(k: int, pos: int, fields: dict[str, Any], span: list[int], classes: list[str]) -> None:
            nonlocal best
            if k == len(elements):
                if span[0] is None or span[1] is None:
                    return
                if best is None or pos > best.context_end:
                    best = Match(pattern, span[0], span[1], dict(fields), i, pos, list(classes))
                return
            el = elements[k]
            if pos < len(tokens):
                options: list[tuple[int, dict[str, Any]]]
                if el.literals is not None:
                    options = [(pos + 1, {})] if tokens[pos].lower in el.literals else []
                else:
                    options = []
                    for name in el.names or ():
                        key = (name, pos)
                        found = cache.get(key)
                        if found is None:
                            found = cache[key] = self.classes.match(name, tokens, pos)
                        options.extend(found)
                for end, f in options:
                    new_span = list(span)
                    if not el.context:
                        if new_span[0] is None:
                            new_span[0] = pos
                        new_span[1] = end
                    elif new_span[0] is not None and any(not e.context for e in elements[k + 1 :]):
                        continue  # context elements only at the edges
                    merged = fields if el.context else {**fields, **f}  # context adds no fields
                    walk(k + 1, end, merged, new_span, [*classes, *(el.names or ())])
            if el.optional:
                walk(k + 1, pos, fields, span, classes)

        walk(0, i, {}, [None, None], [])
        return best

    def find(self, tokens: list[Token]) -> list[Match]:
        """All non-overlapping matches in text order: the longest span wins (then the earliest,
        then the earlier pattern), like ``spacy.util.filter_spans``."""
        cache: dict[tuple[str, int], Any] = {}
        candidates: list[tuple[int, int, int, Match]] = []
        by_class: dict[str, list[int]] = {}
        by_word: dict[str, list[int]] = {}
        literals = self._anchor_literals
        for j, tok in enumerate(tokens):
            for name in self.classes.classes_at(tok):
                if name in self.classes.regexes or self.classes.max_len.get(name, 1) == 1:
                    by_class.setdefault(name, []).append(j)
                else:  # a phrase class: only where a whole phrase matches (`in den letzten`)
                    found = cache[(name, j)] = self.classes.match(name, tokens, j)
                    if found:
                        by_class.setdefault(name, []).append(j)
            if tok.lower in literals:
                by_word.setdefault(tok.lower, []).append(j)
        for rank, pattern in enumerate(self.patterns):
            best_positions: set[int] | None = None
            lead = 0
            for anchor, anchor_lead in self._anchors[rank]:
                positions: set[int] = set()
                for key in anchor.literals or anchor.names or ():
                    positions.update((by_word if anchor.literals is not None else by_class).get(key, ()))
                if best_positions is None or len(positions) < len(best_positions):
                    best_positions, lead = positions, anchor_lead
                if not positions:
                    break
            starts: set[int] = set()
            for j in best_positions or ():
                starts.update(range(max(0, j - lead), j + 1))
            for i in sorted(starts):
                m = self._match_at(pattern, tokens, i, cache)
                if m is not None and m.end > m.start:
                    candidates.append((-(m.end - m.start), m.start, rank, m))
        candidates.sort(key=lambda c: c[:3])
        taken = [False] * len(tokens)
        chosen: list[Match] = []
        for _, _, _, m in candidates:
            if any(taken[m.start : m.end]):
                continue
            for k in range(m.start, m.end):
                taken[k] = True
            chosen.append(m)
        chosen.sort(key=lambda m: m.start)
        return chosen
