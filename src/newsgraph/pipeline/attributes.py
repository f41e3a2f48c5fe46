"""spaCy's attribute ruler, answered from a table instead of the token matcher.

The attribute ruler of an English base such as ``en_core_web_sm`` maps each fine-grained tag to its
universal POS and morphology, with a few word-specific exceptions (``TAG=DT, LOWER=the`` →
``Definite=Def``; ``TAG=CC, LOWER=but, DEP=advmod`` → ``ADV``) and one two-token rule (``ai n't``).
spaCy runs all 179 rules through its general token ``Matcher`` and then builds a ``Span`` per match,
which cost about 8 % of the whole English pipeline's time (``benchmarks/bench_speed_english.py``),
more than the tagger that predicts the tags. Almost every rule looks at one token and tests only
exact values (or lists of values) of attributes that do not change while the ruler runs, so the
ruler's answer for a token depends only on those attribute values: a dictionary keyed by them gives
it, computed once per distinct key. The few rules that do not fit (several tokens, regular
expressions, negations) still run through a ``Matcher`` of their own. Either way, each token gets
the attributes of every matching rule in the rules' order, as spaCy applies them, so the output is
the same token for token (``tests/test_english_base.py`` compares both on text).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import IDS
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: pattern keys a table rule may test: attributes whose ``Doc.to_array`` value is what the matcher
#: compares (a string's hash, or 0/1 for the flag); not POS (an enum) nor MORPH (compared by features)
_TABLE_KEYS = ("TAG", "LOWER", "DEP", "ORTH", "NORM", "IS_SPACE")
_KEY_ALIASES = {"TEXT": "ORTH"}

#: one attribute's test: ("in" | "not_in", hashes) or ("regex", compiled pattern) or ("is", 0 / 1)
Test = dict[str, tuple[str, Any]]


def _table_test(pattern: list[dict[str, Any]], index: int, strings: Any) -> Test | None:
    """The rule's test per attribute, or None when a table cannot answer it (several tokens, ...)."""
    if len(pattern) != 1 or index not in (0, -1):
        return None
    test: Test = {}
    for key, value in pattern[0].items():
        name = _KEY_ALIASES.get(key.upper(), key.upper())
        if name not in _TABLE_KEYS or name in test:
            return None
        if name == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            test[name] = ("is", int(value))
        elif isinstance(value, str):
            test[name] = ("in", frozenset([strings.add(value)]))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), *_ = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                test[name] = (op.lower(), frozenset(strings.add(v) for v in arg))
            elif op == "REGEX" and isinstance(arg, str):
                test[name] = ("regex", re.compile(arg))
            else:
                return None
        else:
            return None
    return test


def _passes(values: dict[str, int], test: Test, strings: Any) -> bool:
    """Whether a token with these attribute values passes ``test`` (as the matcher would judge it)."""
    for name, (op, arg) in test.items():
        value = values[name]
        if op == "in":
            ok = value in arg
        elif op == "not_in":
            ok = value not in arg
        elif op == "is":
            ok = value == arg
        else:
            ok = arg.search(strings[value]) is not None
        if not ok:
            return False
    return True


class TableAttributeRuler(AttributeRuler):
    """An :class:`AttributeRuler` whose matching of one-token rules is a table lookup.

    :func:`use_attribute_table` turns a loaded ruler into one of these in place, so its name,
    patterns and serialisation stay those of spaCy's component; adding rules rebuilds the table.
    """

    _table: tuple[list[int], list[tuple[int, Test]], Matcher | None] | None = None
    _gates: list[Test]
    _always: bool
    _answers: dict[tuple[int, ...], tuple[tuple[int, ...], dict, bool]]

    def add(self, *args: Any, **kwargs: Any) -> None:  # as spaCy's, and the table is rebuilt
        self._table = None
        super().add(*args, **kwargs)

    def clear(self) -> None:  # as spaCy's, and the table is rebuilt
        self._table = None
        super().clear()

    def _build(self) -> tuple[list[int], list[tuple[int, Test]], Matcher | None]:
        strings = self.vocab.strings
        simple: list[tuple[int, Test]] = []
        rest = Matcher(self.vocab, validate=False)
        has_rest = False
        # a rule the table cannot answer runs through the matcher, but only in a document where some
        # token passes the test of its pattern's first token (when a table can say that), so that
        # rare rules (``ai n't``, ``gon na``) do not cost a matcher pass over every document
        gates: list[Test] | None = []
        for rule in range(len(self.attrs)):
            _, patterns = self.matcher.get(str(rule))
            for pattern in patterns:
                test = _table_test(pattern, self.indices[rule], strings)
                if test is None:
                    rest.add(str(rule), [pattern])
                    has_rest = True
                    gate = _table_test(pattern[:1], 0, strings) if pattern else None
                    if not gate:
                        gates = None
                    elif gates is not None:
                        gates.append(gate)
                else:
                    simple.append((rule, test))
        self._gates = gates or []
        self._always = gates is None
        tested = {k for _, test in simple for k in test} | {k for gate in self._gates for k in gate}
        keys = sorted(tested, key=_TABLE_KEYS.index)
        self._answers = {}
        return [IDS[k] for k in keys], simple, rest if has_rest else None

    def _answer(self, key: tuple[int, ...], names: list[str], simple: list) -> tuple[tuple[int, ...], dict, bool]:
        """For a token with these attribute values: the table rules that match it, their attributes
        merged, and whether it could start a match of the other rules.

        Merging in rule order (a later rule's value wins) is what applying them one by one does.
        """
        strings = self.vocab.strings
        values = dict(zip(names, key, strict=True))
        rules = tuple(rule for rule, test in simple if _passes(values, test, strings))
        merged: dict = {}
        for rule in rules:
            merged.update(self.attrs[rule])
        opens = self._always or any(_passes(values, gate, strings) for gate in self._gates)
        answer = (rules, merged, opens)
        self._answers[key] = answer
        return answer

    def __call__(self, doc: Doc) -> Doc:
        if self._table is None:
            self._table = self._build()
        attr_ids, simple, rest = self._table
        if not len(doc):
            return doc
        names = [name for name in _TABLE_KEYS if IDS.get(name) in attr_ids]
        # every test reads the document as it was before any rule applied, as spaCy's matcher does
        keys = [tuple(row) for row in doc.to_array(attr_ids).tolist()] if attr_ids else [()] * len(doc)
        known = self._answers
        answers = [known.get(key) or self._answer(key, names, simple) for key in keys]
        extra: dict[int, list[int]] = {}
        if rest is not None and any(answer[2] for answer in answers):
            for match_id, start, end in rest(doc, allow_missing=True):
                rule = int(self.vocab.strings[match_id])
                target = (start if self.indices[rule] >= 0 else end) + self.indices[rule]
                extra.setdefault(target, []).append(rule)
        attrs = self.attrs
        for i, answer in enumerate(answers):
            if i in extra:
                token = doc[i]
                for rule in sorted(answer[0] + tuple(extra[i])):
                    set_token_attrs(token, attrs[rule])
            elif answer[1]:
                set_token_attrs(doc[i], answer[1])
        return doc


def use_attribute_table(nlp: Any) -> None:
    """Let every spaCy attribute ruler of ``nlp`` answer one-token rules from a table (same output)."""
    for _, component in nlp.pipeline:
        if type(component) is AttributeRuler:
            component.__class__ = TableAttributeRuler
