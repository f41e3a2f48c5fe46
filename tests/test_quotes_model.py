"""Tests of the learned message/cue tagger's plumbing and of how the quote layer combines it with
its rules (``newsgraph.pipeline.quotes_model``, ``QuoteLayer._learned``).

The combination is tested with a stand-in tagger that labels given words, so that each rule of the
combination is checked on its own, without a trained model (none is shipped: see training/quotes/).
"""

from __future__ import annotations

import spacy

from newsgraph.pipeline import docext
from newsgraph.pipeline.quotes import QuoteLayer
from newsgraph.pipeline.quotes_model import label_runs, rule_features, shipped_tagger


class StandInTagger:
    """Labels the words listed in ``labels`` (word → tag), everything else ``O``."""

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = labels
        self.features: list[str] = []

    def usable(self, doc) -> bool:
        return True

    def tags(self, doc, features: list[str]) -> list[str]:
        self.features = features
        return [self.labels.get(t.text, "O") for t in doc]


def run(text: str, labels: dict[str, str]):
    docext.register_extensions()
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    layer = QuoteLayer(nlp, tagger=False)
    layer._tagger = StandInTagger(labels)
    doc = nlp(text)
    doc._.entities = []
    return layer(doc)._.quotes, layer._tagger


def test_label_runs_bridge_punctuation_but_never_start_or_end_on_it():
    tags = ["O", "IM", "IM", "O", "IM", "O", "O", "FM"]
    bridge = [False, False, False, True, False, True, False, False]
    # the comma (3) joins the two message stretches; the trailing punctuation (5) is not kept
    assert label_runs(tags, frozenset({"IM", "FM"}), 0, 8, bridge) == [(1, 5), (7, 8)]


def test_label_runs_stay_inside_the_unit():
    assert label_runs(["IM"] * 4, frozenset({"IM"}), 1, 3, [False] * 4) == [(1, 3)]


def test_rule_features_cues_and_speakers_win_over_messages():
    # tokens start at 0, 4, 10, 15
    feats = rule_features(4, [0, 4, 10, 15], [("I", 10, 20), ("C", 4, 9), ("S", 0, 3), ("I", 0, 3)])
    assert feats == ["I", "C", "I", "I"]


def test_no_tagger_without_a_model_folder(tmp_path):
    assert shipped_tagger(tmp_path) is None


def test_tagger_reads_what_the_rules_said():
    _, tagger = run("Die Ministerin sagte, die Brücke sei marode.", {})
    assert "C" in tagger.features and "I" in tagger.features


def test_indirect_statement_the_tagger_does_not_read_as_speech_is_dropped():
    text = "Die Ministerin sagte, die Brücke sei marode."
    rules, _ = run(text, {w: "IM" for w in ("die", "Brücke", "sei", "marode")})
    assert [q.kind for q in rules] == ["indirect"]
    dropped, _ = run(text, {})
    assert dropped == []


def test_indirect_statement_takes_the_taggers_extent():
    text = "Die Ministerin sagte, die Brücke sei marode und werde gesperrt."
    qs, _ = run(text, {w: "IM" for w in ("die", "Brücke", "sei", "marode")})
    assert [q.text for q in qs] == ["die Brücke sei marode"]


def test_marked_quotes_stay_the_rules():
    qs, _ = run("„Die Brücke ist marode“, sagte die Ministerin.", {})
    assert [(q.kind, q.text) for q in qs] == [("direct", "Die Brücke ist marode")]


def test_message_the_rules_missed_becomes_a_statement_with_the_taggers_source():
    text = "Die Gewerkschaft rechnet mit einem langen Streik in allen Häfen."
    assert run(text, {})[0] == []  # no listed cue: the rules alone find nothing
    labels = {w: "IM" for w in ("mit", "einem", "langen", "Streik", "in", "allen", "Häfen")}
    labels["Gewerkschaft"] = "S"
    qs, _ = run(text, labels)
    assert [(q.kind, q.text, q.speaker_text) for q in qs] == [
        ("indirect", "mit einem langen Streik in allen Häfen", "Gewerkschaft")
    ]


def test_short_message_runs_are_not_added():
    text = "Die Gewerkschaft rechnet mit einem Streik."
    assert run(text, {"Streik": "IM", "einem": "IM", "Gewerkschaft": "S"})[0] == []
