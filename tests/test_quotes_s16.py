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


# ---------------------------------------------------------------- relaying outlets
@pytest.mark.parametrize(
    "told, outlet",
    [
        ("sagte Huber den Oberösterreichischen Nachrichten", "Oberösterreichischen Nachrichten"),
        ("sagte Huber gegenüber der Nachrichtenagentur Keystone-SDA", "Keystone-SDA"),
        ("sagte Huber den „Vorarlberger Nachrichten“", "Vorarlberger Nachrichten"),
    ],
)
def test_austrian_and_swiss_outlet_inflected_or_unquoted_is_the_medium(nlp_de, told, outlet):
    text = (
        "Der Bürgermeister von Steyrdorf, Anton Huber, hat den Rücktritt abgelehnt. Er habe sich nichts "
        f"vorzuwerfen, {told}."
    )
    qs, names = _quotes(nlp_de, text)
    q = _starting(qs, "Er habe")[0]
    assert names.get(q.speaker) == "Anton Huber"
    assert outlet in (names.get(q.via) or "")


def test_definite_medium_noun_refers_back_to_the_outlet_named_before(nlp_de):
    text = (
        "Wie die „Süddeutsche Zeitung“ berichtet, plant das Verkehrsministerium eine neue Behörde. "
        "Ministerin Petra Lindqvist sagte der Zeitung, sie wolle die Verfahren beschleunigen."
    )
    qs, names = _quotes(nlp_de, text)
    q = _starting(qs, "sie wolle")[0]
    assert names.get(q.speaker) == "Petra Lindqvist"
    assert names.get(q.via) == "Süddeutsche Zeitung"


def test_english_told_the_newspaper_refers_back_to_the_paper_named_before(nlp_en):
    text = (
        "The Financial Times reported on Monday that the bank planned to cut 2,000 jobs. Chief executive "
        'Anna Berglund told the newspaper the cuts were "painful but necessary".'
    )
    qs, names = _quotes(nlp_en, text)
    q = _starting(qs, "painful")[0]
    assert names.get(q.speaker) == "Anna Berglund"
    assert names.get(q.via) == "Financial Times"


def test_medium_noun_without_an_outlet_before_relays_nothing(nlp_de):
    text = "Ein Sprecher der Stadtwerke sagte der Zeitung, die Preise würden im Herbst steigen."
    qs, _ = _quotes(nlp_de, text)
    assert _starting(qs, "die Preise")[0].via is None


# ---------------------------------------------------------------- English descriptions after a quote
@pytest.mark.parametrize(
    "frame, described",
    [
        ('"We are not going anywhere," the 52-year-old said.', "the 52-year-old"),
        ('"We are not going anywhere," the veteran firefighter said.', "the veteran firefighter"),
        ('"We are not going anywhere," said the 52-year-old.', "the 52-year-old"),
    ],
)
def test_english_description_after_a_quote_is_its_speaker(nlp_en, frame, described):
    text = f'"We will rebuild," Mayor Lisa Grant said. Firefighter Tom Reyes lost his house in the fire. {frame}'
    qs, names = _quotes(nlp_en, text)
    q = _starting(qs, "We are not")[0]
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker_text == described
    assert names.get(q.speaker) == "Tom Reyes"


# ---------------------------------------------------------------- quotes over several paragraphs
def test_quote_over_two_paragraphs_closed_without_reopening_is_one_direct_quote(nlp_de):
    text = (
        "„Wir haben alles versucht. Am Ende fehlte uns die Kraft.\n\nJetzt müssen wir nach vorne "
        "schauen“, sagte Trainer Urs Kessler nach dem Spiel."
    )
    qs, names = _quotes(nlp_de, text)
    q = _starting(qs, "Wir haben")[0]
    assert q.kind == "direct"
    assert q.text.endswith("nach vorne schauen")
    assert names.get(q.speaker) == "Urs Kessler"
    assert not any(x.text.startswith("Jetzt") for x in qs)


def test_english_quote_reopened_after_a_single_line_break_keeps_its_first_paragraph(nlp_en):
    text = (
        "Mayor Karen Holloway spoke to reporters on Friday.\n"
        '"We will rebuild," Holloway said. "Every single home.\n"Every single school."'
    )
    qs, names = _quotes(nlp_en, text)
    q = _starting(qs, "Every single home")
    assert q, [x.text for x in qs]
    assert "Every single school" in q[0].text
    assert names.get(q[0].speaker) == "Karen Holloway"


def test_paragraph_opening_a_new_quote_does_not_continue_an_unclosed_one():
    from newsgraph.pipeline.quotes_lexicon import lexicon_for
    from newsgraph.pipeline.quotes_marks import find_quoted_spans

    text = "Er sprach von einem „historischen Tag.\n\nDie Opposition sprach von „Wortbruch“ und ging."
    spans = find_quoted_spans(text, lexicon_for("de"))
    assert [text[q.start : q.end] for q in spans if q.parent is None][-1] == "Wortbruch"


# ---------------------------------------------------------------- interviews in question-and-answer form
def test_interview_answers_are_the_interviewees_direct_quotes_relayed_by_the_outlet(nlp_de):
    text = (
        "Jonas Kroll verhandelt für die Gewerkschaft. Ein Gespräch über Streiks.\n\n"
        "SPIEGEL: Herr Kroll, wie geht es weiter?\n\n"
        "Kroll: Wir werden die Gespräche fortsetzen. Eine Einigung ist möglich.\n\n"
        "SPIEGEL: Und wenn nicht?\n\n"
        "Kroll: Dann gibt es Streiks, und zwar sofort."
    )
    qs, names = _quotes(nlp_de, text)
    answers = [q for q in qs if q.start > text.index("SPIEGEL:")]
    assert [q.text for q in answers] == [
        "Wir werden die Gespräche fortsetzen. Eine Einigung ist möglich.",
        "Dann gibt es Streiks, und zwar sofort.",
    ]
    assert all(q.kind == "direct" and names.get(q.speaker) == "Jonas Kroll" for q in answers)
    assert all(names.get(q.via) in {"Der Spiegel", "SPIEGEL"} for q in answers)


def test_english_q_and_a_lines_give_the_answers_to_the_labelled_person(nlp_en):
    text = (
        "Union leader Maria Okafor spoke to us about the strike.\n"
        "Q: What comes next?\nOkafor: We keep negotiating.\nQ: And if that fails?\nOkafor: Then we strike."
    )
    qs, names = _quotes(nlp_en, text)
    assert [q.text for q in qs if q.start > text.index("Q:")] == ["We keep negotiating.", "Then we strike."]
    assert all(names.get(q.speaker) == "Maria Okafor" for q in qs if q.start > text.index("Q:"))


def test_place_labels_heading_short_reports_are_no_interview(nlp_de):
    text = (
        "Berlin: Die Polizei hat eine Demonstration aufgelöst.\nHamburg: Der Hafen bleibt gesperrt.\n"
        "Berlin: Die S-Bahn fährt wieder.\nHamburg: Der Senat tagt am Abend."
    )
    qs, _ = _quotes(nlp_de, text)
    assert not any(q.kind == "direct" for q in qs)


# ---------------------------------------------------------------- English frames of wire copy
def test_english_office_of_a_titled_owner_speaks_for_the_owner(nlp_en):
    text = "Prime Minister Alan Whitcombe's office said he would travel to Washington next week."
    qs, names = _quotes(nlp_en, text)
    q = _starting(qs, "he would travel")[0]
    assert q.speaker_text == "Prime Minister Alan Whitcombe's office"
    assert names.get(q.speaker) == "Alan Whitcombe"


@pytest.mark.parametrize(
    "text, content",
    [
        ("The Kremlin said on Monday Putin would travel to Beijing.", "Putin would travel"),
        ("The company said on Tuesday the talks had stalled.", "the talks had stalled"),
        ("Officials said late on Friday the border would reopen.", "the border would reopen"),
    ],
)
def test_english_clause_without_that_after_the_time_of_saying_is_the_message(nlp_en, text, content):
    qs, _ = _quotes(nlp_en, text)
    message = text[text.index(content) : -1]  # to the full stop
    assert [q.text for q in qs if q.cue is not None and q.cue.text == "said"] == [message]


def test_english_time_of_saying_alone_states_nothing(nlp_en):
    qs, _ = _quotes(nlp_en, "The ministry said on Tuesday.")
    assert not qs


def test_english_description_with_a_relative_clause_refers_back_to_the_body(nlp_en):
    text = (
        "According to the Syrian Observatory for Human Rights, at least 40 people were killed. The group, "
        "which relies on a network of sources in Syria, said the toll was likely to rise."
    )
    qs, names = _quotes(nlp_en, text)
    q = _starting(qs, "the toll")[0]
    assert q.speaker_text == "The group"
    assert names.get(q.speaker) == "Syrian Observatory for Human Rights"


# ---------------------------------------------------------------- verbs of telling, Swiss radio
@pytest.mark.parametrize(
    "frame, outlet",
    [
        ("erzählte die Bürgermeisterin Sabine Roth der „Rheinischen Post“", "Rheinischen Post"),
        ("bilanzierte die Bürgermeisterin Sabine Roth im Interview mit Radio SRF", "Radio SRF"),
    ],
)
def test_verb_of_telling_after_a_quote_gives_speaker_and_medium(nlp_de, frame, outlet):
    text = f"„So geht das mit dem Verkehr nicht weiter“, {frame}."
    qs, names = _quotes(nlp_de, text)
    q = _starting(qs, "So geht")[0]
    assert q.cue is not None and q.cue.text == frame.split()[0]
    assert names.get(q.speaker) == "Sabine Roth"
    assert outlet in (names.get(q.via) or "")


# ---------------------------------------------------------------- quotes inside quotes
@pytest.mark.parametrize(
    "text, inner, speaker",
    [
        (
            "„Ich habe ihm gesagt: ‚So geht das nicht weiter‘“, sagte die Bürgermeisterin Sabine Roth.",
            "So geht",
            "Sabine Roth",
        ),
        (
            "„Merkel sagte mir damals: ‚Wir schaffen das schon irgendwie‘“, erinnerte sich der frühere "
            "Minister Peter Hahnemann.",
            "Wir schaffen",
            "Merkel",
        ),
    ],
)
def test_quote_inside_a_quote_is_said_by_whom_the_quoting_words_name(nlp_de, text, inner, speaker):
    qs, names = _quotes(nlp_de, text)
    q = _starting(qs, inner)[0]
    assert speaker in (names.get(q.speaker) or "")


def test_quote_inside_a_quote_without_a_speech_verb_keeps_no_speaker(nlp_de):
    text = "„Das Motto ‚Wir schaffen das schon‘ gilt nicht mehr“, sagte die Ministerin Karla Roth."
    qs, _ = _quotes(nlp_de, text)
    assert _starting(qs, "Wir schaffen")[0].speaker is None


def test_english_quote_ending_in_a_nested_quote_and_comma_is_direct(nlp_en):
    text = "\"I told him: 'This cannot go on,'\" Mayor Sabine Rothwell told the Boston Globe."
    qs, names = _quotes(nlp_en, text)
    outer = _starting(qs, "I told him")[0]
    assert outer.kind == "direct"
    inner = _starting(qs, "This cannot")[0]
    assert names.get(inner.speaker) == "Sabine Rothwell"


# ---------------------------------------------------------------- an outlet named by its medium noun
_FAZ = "Laut einem Bericht der „Frankfurter Allgemeinen Zeitung“ will die Regierung sparen. "


@pytest.mark.parametrize(
    "sentence, content",
    [
        ("Der Minister wolle die Reform noch im Herbst durchsetzen, schreibt das Blatt.", "Der Minister wolle"),
        (
            "Der Minister habe dies in einer internen Runde angekündigt, schreibt das Blatt.",
            "Der Minister habe dies in einer internen Runde angekündigt",
        ),
    ],
)
def test_medium_noun_as_subject_of_a_closing_frame_is_the_outlet_speaking(nlp_de, sentence, content):
    qs, names = _quotes(nlp_de, _FAZ + sentence)
    q = _starting(qs, "Der Minister")[0]
    assert q.text.startswith(content) and "schreibt" not in q.text
    assert q.cue is not None and q.cue.text == "schreibt"
    assert names.get(q.speaker) == "Frankfurter Allgemeine Zeitung"
    assert q.via is None


# ---------------------------------------------------------------- English frames around the message
def test_english_trailing_generic_media_frame_is_cut_from_the_message(nlp_en):
    text = (
        "Chinese Foreign Minister Wang Yi met his US counterpart on Friday. Wang told him that Beijing "
        "opposed new tariffs, Chinese state media reported."
    )
    qs, names = _quotes(nlp_en, text)
    q = _starting(qs, "Beijing opposed")[0]
    assert q.text == "Beijing opposed new tariffs"
    assert names.get(q.speaker) == "Wang Yi"
    assert names.get(q.via) is None


def test_english_subject_with_a_long_relative_clause_before_said(nlp_en):
    text = (
        "The minister, who spoke on condition of anonymity because he was not authorised to speak "
        "publicly, said the plan had been shelved."
    )
    qs, _ = _quotes(nlp_en, text)
    q = _starting(qs, "the plan")[0]
    assert q.speaker_text == "The minister"


@pytest.mark.parametrize(
    "refusal",
    [
        "Kremlin spokesman Dmitry Peskov declined to say whether Putin would attend.",
        "Kremlin spokesman Dmitry Peskov would not say whether Putin would attend.",
    ],
)
def test_english_refusal_to_comment_is_no_statement(nlp_en, refusal):
    text = f"Moscow denied that its troops had crossed the border. {refusal}"
    qs, _ = _quotes(nlp_en, text)
    assert _starting(qs, "its troops")
    assert not any(q.start >= text.index(refusal) for q in qs), [q.text for q in qs]


# ---------------------------------------------------------------- answers to a question
def test_question_put_to_the_speaker_is_no_statement_and_a_one_word_answer_is_direct(nlp_de):
    text = "Auf die Frage, ob er zurücktreten werde, antwortete der Minister Karl Obermann: „Nein.“"
    qs, names = _quotes(nlp_de, text)
    assert not _starting(qs, "Auf die Frage")
    q = _starting(qs, "Nein")[0]
    assert q.kind == "direct"
    assert names.get(q.speaker) == "Karl Obermann"


def test_pronoun_after_a_refusal_refers_to_who_refused_not_to_the_topic(nlp_de):
    text = (
        "Ob Putin an dem Gipfel teilnehme, wollte Peskow nicht sagen. Der Zeitplan sei „noch nicht "
        "endgültig“, sagte er lediglich."
    )
    qs, names = _quotes(nlp_de, text)
    q = _starting(qs, "noch nicht")[0]
    assert names.get(q.speaker) in {"Peskow", "Peskov", "Dmitri Peskow", "Dmitry Peskov"}


# ---------------------------------------------------------------- outlets in compounds and with a place in their name
def test_outlet_of_a_request_compound_relays_the_answer(nlp_de):
    qs, names = _quotes(nlp_de, "„Wir prüfen das“, teilte das Umweltministerium auf dpa-Anfrage mit.")
    q = _starting(qs, "Wir prüfen")[0]
    assert (names.get(q.via) or "").casefold() in {"dpa", "deutsche presse-agentur"}


def test_outlet_whose_name_holds_a_place_is_the_medium(nlp_de):
    text = (
        "Die Preise würden weiter steigen, sagte Verbandschefin Ramona Pohl dem Redaktionsnetzwerk Deutschland (RND)."
    )
    qs, names = _quotes(nlp_de, text)
    q = _starting(qs, "Die Preise")[0]
    assert names.get(q.speaker) == "Ramona Pohl"
    assert names.get(q.via) in {"Redaktionsnetzwerk Deutschland", "RND"}
