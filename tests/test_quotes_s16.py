"""Quote attribution on fresh news copy written for session 16 (issue #21): refusals to comment,
relaying outlets, reported speech of a new subject, multi-paragraph quotes, interviews.

These run the shipped German and English pipelines (``nlp_de``, ``nlp_en``) on sentences written for
them; each fails when its mechanism is taken out.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp_en():
    import newsgraph

    return newsgraph.load("en")


def _quotes(nlp, text: str):
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.entities or []}
    for q in doc._.quotes:
        assert text[q.start : q.end] == q.text
    return doc._.quotes, names


def _starting(qs, prefix: str):
    return [q for q in qs if q.text.startswith(prefix)]


# ---------------------------------------------------------------- refusals to comment
@pytest.mark.parametrize(
    "refusal",
    [
        "Zu weiteren Fragen wollte sich Kowalski nicht äußern.",
        "Dazu, wann das Gesetz komme, wollte sie nichts sagen.",
    ],
)
def test_refusal_to_comment_is_no_statement_and_carries_none_on(nlp_de, refusal):
    text = (
        "Die Ministerin Klara Kowalski verteidigte den Plan am Montag. Die Reform sei notwendig, sagte "
        f"sie der Agentur Reuters. {refusal}"
    )
    qs, _ = _quotes(nlp_de, text)
    assert _starting(qs, "Die Reform")
    assert not any(q.start >= text.index(refusal) for q in qs), [q.text for q in qs]


# ---------------------------------------------------------------- bodies with an abstract ending
@pytest.mark.parametrize("body", ["Die Opposition", "Die Koalition", "Die Universität"])
def test_body_whose_name_ends_like_an_abstract_noun_speaks_itself(nlp_de, body):
    text = (
        "Der Bürgermeister von Steyrdorf, Anton Gruber, hat den Rücktritt abgelehnt. Er habe sich nichts "
        f"vorzuwerfen, sagte der SPÖ-Politiker. {body} kritisierte die Entscheidung scharf."
    )
    qs, names = _quotes(nlp_de, text)
    q = _starting(qs, body)
    assert q, [x.text for x in qs]
    assert q[0].speaker_text == body
    assert names.get(q[0].speaker) != "Anton Gruber"
