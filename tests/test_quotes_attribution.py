"""Speaker, relaying medium (``via``) and kind of a quote: one test per phenomenon (issue #21).

Written on fresh sentences; the stand-in entity layer of ``test_quotes`` marks the given names, so
attribution is tested apart from the NER model (the agent-less passive needs the real tagger).
"""

from __future__ import annotations

from .test_quotes import find, quotes


def test_dative_medium_after_an_anonymous_speaker_is_via_not_part_of_the_speaker():
    text = (
        "„Wir prüfen den Vorschlag sorgfältig“, sagte eine Sprecherin des Verkehrsministeriums der "
        "Nachrichtenagentur dpa. Die Bahn widersprach. „Das kommt viel zu spät“, sagte Weber."
    )
    qs, names = quotes(text, {"dpa": "ORG", "Weber": "PER"})
    first = find(qs, "Wir prüfen")
    assert first.speaker_text == "eine Sprecherin des Verkehrsministeriums"
    assert names[first.via] == "dpa"
    later = find(qs, "Das kommt")
    assert names[later.speaker] == "Weber" and later.via is None


def test_medium_in_a_zufolge_phrase_beside_a_speech_verb_is_via():
    text = "Schulz sagte der Agentur Reuters zufolge, die Verhandlungen seien weit fortgeschritten."
    qs, names = quotes(text, {"Schulz": "PER", "Reuters": "ORG"})
    q = find(qs, "die Verhandlungen")
    assert names[q.speaker] == "Schulz" and names[q.via] == "Reuters"
    assert "sagte" not in q.text


def test_full_quoted_sentence_in_the_middle_of_a_paragraph_is_direct():
    text = "Die Delegation traf am Abend ein. „Die Lage ist ernst, aber lösbar“, sagte Becker. Dann begann die Sitzung."
    qs, _ = quotes(text, {"Becker": "PER"})
    assert find(qs, "Die Lage ist ernst").kind == "direct"


def test_quoted_fragment_in_the_reporters_sentence_stays_partial():
    text = "Die Delegation traf am Abend ein. Becker nannte die Lage „ernst, aber lösbar“ und reiste ab."
    qs, _ = quotes(text, {"Becker": "PER"})
    assert find(qs, "ernst, aber").kind == "partial"


def test_outlet_named_beside_the_cue_is_via():
    text = "Die Gespräche seien gut verlaufen, sagte Hoffmann am Abend im ZDF. Danach reiste sie ab."
    qs, names = quotes(text, {"Hoffmann": "PER", "ZDF": "ORG"})
    q = find(qs, "Die Gespräche")
    assert names[q.speaker] == "Hoffmann" and names[q.via] == "ZDF"


def test_outlet_of_one_sentence_is_not_via_of_the_next():
    text = (
        "Die Gespräche seien gut verlaufen, sagte Hoffmann im ZDF. "
        "Die Kosten seien aber zu hoch, sagte Hoffmann später auf einem Parteitag."
    )
    qs, _ = quotes(text, {"Hoffmann": "PER", "ZDF": "ORG"})
    assert find(qs, "Die Kosten").via is None


def test_medium_citing_a_source_relays_that_source():
    text = "Zwölf Häuser seien zerstört worden, berichtete der Sender Kanal Sieben unter Berufung auf einen Polizisten."
    qs, names = quotes(text, {"Kanal Sieben": "ORG"})
    q = find(qs, "Zwölf Häuser")
    assert q.speaker_text == "einen Polizisten"
    assert names[q.via] == "Kanal Sieben"


def test_agentless_passive_names_no_speaker(nlp_de):
    doc = nlp_de("Das Konzert wurde abgesagt. Als Ursache wurden technische Probleme genannt.")
    assert all(q.speaker_text != "technische Probleme" for q in doc._.quotes)


# ---------------------------------------------------------------- English
def test_english_anonymous_speaker_is_kept_as_a_phrase_and_the_addressee_is_via():
    text = "A senior diplomat told Reuters that the proposal was dead."
    qs, names = quotes(text, {"Reuters": "ORG"}, lang="en")
    q = find(qs, "the proposal")
    assert q.speaker_text == "A senior diplomat" and names[q.via] == "Reuters"


def test_english_statement_carried_by_an_agency():
    text = "In a statement carried by Xinhua, Wang said the visit was useful."
    qs, names = quotes(text, {"Xinhua": "ORG", "Wang": "PER"}, lang="en")
    q = find(qs, "the visit")
    assert names[q.speaker] == "Wang" and names[q.via] == "Xinhua"


def test_english_inverted_cue_after_an_unquoted_clause():
    text = "The proposal was fair, Hale told CNN on Sunday."
    qs, names = quotes(text, {"Hale": "PER", "CNN": "ORG"}, lang="en")
    q = find(qs, "The proposal was fair")
    assert names[q.speaker] == "Hale" and names[q.via] == "CNN"


def test_opening_mark_left_at_a_sentence_end_belongs_to_the_next_quote():
    text = 'Lee said the ties were weak. "We must repair them," Park said.'
    qs, _ = quotes(text, {"Lee": "PER", "Park": "PER"}, lang="en")
    assert find(qs, "the ties were weak").text == "the ties were weak"
    assert find(qs, "We must repair").kind == "direct"


def test_agency_reporting_a_speech_verbs_words_is_via():
    text = "Die Grenze bleibe vorerst offen, sagte Innenminister Koval am Montag, wie die Agentur Ukrinform meldete."
    qs, names = quotes(text, {"Koval": "PER", "Ukrinform": "ORG"})
    q = find(qs, "Die Grenze bleibe")
    assert names[q.speaker] == "Koval" and names[q.via] == "Ukrinform"


def test_agency_as_the_only_source_is_the_speaker():
    text = "Wie die Agentur Ukrinform meldete, bleibt die Grenze vorerst offen."
    qs, names = quotes(text, {"Ukrinform": "ORG"})
    q = find(qs, "bleibt die Grenze")
    assert names[q.speaker] == "Ukrinform" and q.via is None


def test_body_named_after_the_speakers_own_cue_relays_it():
    text = "„Wir sind vorangekommen“, sagte Novak nach Angaben des Außenministeriums."
    qs, names = quotes(text, {"Novak": "PER", "Außenministeriums": "ORG"})
    q = find(qs, "Wir sind vorangekommen")
    assert names[q.speaker] == "Novak" and names[q.via] == "Außenministeriums"


def test_english_according_to_after_the_cue_relays_and_ends_the_message():
    text = "Lin told him that the talks had failed, according to broadcaster Channel Nine."
    qs, names = quotes(text, {"Lin": "PER", "Channel Nine": "ORG"}, lang="en")
    q = find(qs, "the talks had failed")
    assert q.text == "the talks had failed"
    assert names[q.speaker] == "Lin" and names[q.via] == "Channel Nine"


def test_cue_after_a_quote_of_several_sentences_is_not_a_statement_of_its_own():
    text = "„Wir haben verhandelt. Das Ergebnis ist gut“, sagte Novak am Abend."
    qs, _ = quotes(text, {"Novak": "PER"})
    assert [q.kind for q in qs] == ["direct"]


def test_english_coordinated_speech_verb_shares_the_sentence_subject():
    text = 'Okafor called the plan "bold" and said he would defend it in parliament.'
    qs, names = quotes(text, {"Okafor": "PER"}, lang="en")
    q = find(qs, "he would defend it")
    assert names[q.speaker] == "Okafor"


def test_english_participle_saying_takes_the_sentence_subject():
    text = "Okafor rejected the offer on Tuesday, saying the terms had changed overnight."
    qs, names = quotes(text, {"Okafor": "PER"}, lang="en")
    assert names[find(qs, "the terms had changed").speaker] == "Okafor"


def test_english_speech_verb_in_a_subordinate_clause():
    text = "The session ended after Okafor said the vote would be delayed."
    qs, names = quotes(text, {"Okafor": "PER"}, lang="en")
    assert names[find(qs, "the vote would be delayed").speaker] == "Okafor"


def test_english_pronoun_subject_after_a_fronted_phrase():
    text = "Okafor left early. In an interview later that day, he said the talks had stalled."
    qs, names = quotes(text, {"Okafor": "PER"}, lang="en")
    q = find(qs, "the talks had stalled")
    assert q.speaker_text == "he" and names[q.speaker] == "Okafor"


def test_unlisted_verb_in_inverted_order_after_a_quote_names_the_speaker(nlp_de):
    # `poltern` is no listed cue; the verb-subject order right after the quote is the frame
    doc = nlp_de("„Diese Reform kommt zu spät“, polterte Kramer am Rande der Sitzung.")
    q = next(q for q in doc._.quotes if q.text.startswith("Diese Reform"))
    assert q.speaker_text == "Kramer" and q.cue is not None and q.cue.text == "polterte"


def test_inverted_order_after_a_quote_needs_a_subject_phrase(nlp_de):
    # `stand auf einem Plakat`: a place follows the verb, not a speaker
    doc = nlp_de("„Wir kommen wieder“, stand auf einem Plakat am Werkstor.")
    q = next(q for q in doc._.quotes if q.text.startswith("Wir kommen"))
    assert q.speaker_text is None


def test_fronted_possessive_object_is_not_the_speaker():
    # `Ihren` is never nominative: the subject follows the verb
    text = "Ihren Amtsvorgänger Krause forderte Bauer auf, die Akten sofort herauszugeben."
    qs, names = quotes(text, {"Bauer": "PER", "Krause": "PER"})
    assert names[find(qs, "die Akten").speaker] == "Bauer"


def test_inverted_frame_after_a_question_cut_off_by_the_sentence_splitter(nlp_de):
    doc = nlp_de("Am Hafen ist die Stimmung gereizt. „Wer soll das alles bezahlen?“ fragen sich viele Anwohner.")
    q = next(q for q in doc._.quotes if q.text.startswith("Wer soll"))
    assert q.speaker_text == "viele Anwohner"


def test_heisst_es_in_a_known_document_is_the_latest_speakers_statement():
    text = "Bauer sprach am Abend vor dem Parlament. „Wir werden sparen müssen“, hieß es in der Rede."
    qs, names = quotes(text, {"Bauer": "PER"})
    assert names[find(qs, "Wir werden").speaker] == "Bauer"


def test_heisst_es_in_a_new_document_names_no_earlier_speaker():
    text = (
        "Bauer sprach am Abend vor dem Parlament. "
        "„Wir werden sparen müssen“, hieß es in einer Erklärung der Opposition."
    )
    qs, _ = quotes(text, {"Bauer": "PER"})
    assert find(qs, "Wir werden").speaker is None


def test_office_holder_named_in_an_apposition_is_the_speaker_not_the_place_in_the_office():
    text = "Wie die Regierungschefin von Queensland, Anna Bligh, erklärte, sei die Hilfe unterwegs."
    qs, names = quotes(text, {"Queensland": "LOC", "Anna Bligh": "PER"})
    assert names[find(qs, "sei die Hilfe").speaker] == "Anna Bligh"


def test_pronoun_after_a_new_sentence_subject_refers_to_that_person_not_the_last_speaker():
    text = (
        "„Wir wollen Frieden“, sagte Bauer am Morgen. Krause dankte am Abend den Helfern. "
        "Die Lage bleibe schwierig, schrieb er."
    )
    qs, names = quotes(text, {"Bauer": "PER", "Krause": "PER"})
    assert names[find(qs, "Die Lage").speaker] == "Krause"


def test_pronoun_right_after_a_statement_refers_to_its_speaker():
    text = "„Wir wollen Frieden“, sagte Bauer mit Blick auf Krause. Die Lage bleibe schwierig, fügte er hinzu."
    qs, names = quotes(text, {"Bauer": "PER", "Krause": "PER"})
    assert names[find(qs, "Die Lage").speaker] == "Bauer"
