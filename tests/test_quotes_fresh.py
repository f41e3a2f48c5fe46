"""Quote attribution on fresh wire copy written for session 13 (issue #21): descriptions and
anonymous speakers that stand for an organisation the text named, relaying media, English frames.

Like ``test_quotes``, these run without the statistical model (a stand-in entity layer marks the
given names), so each fails when its mechanism is taken out, whatever the model does.
"""

from __future__ import annotations

import pytest

from .test_quotes import find, quotes


def test_spokesperson_of_a_generic_genitive_speaks_for_the_company_named_before():
    text = (
        "Die Reederei Hapag-Lloyd hat ihre Prognose gesenkt. Eine Sprecherin des Konzerns sagte, die "
        "Frachtraten seien deutlich gefallen."
    )
    qs, names = quotes(text, {"Hapag-Lloyd": "ORG"})
    assert names[find(qs, "die Frachtraten").speaker] == "Hapag-Lloyd"


def test_genitive_description_matches_the_noun_before_the_name():
    text = (
        "Der Sozialverband VdK fordert höhere Renten. Auch die Stadt Köln äußerte sich. Nach Angaben "
        "des Verbands sind Millionen Rentner betroffen."
    )
    qs, names = quotes(text, {"VdK": "ORG", "Köln": "ORG"})
    assert names[find(qs, "sind Millionen").speaker] == "VdK"


def test_generic_body_is_not_the_outlet_that_relayed_the_last_statement():
    text = (
        "Die Hilfsorganisation Caritas warnt vor einem harten Winter. Viele Familien könnten ihre "
        "Heizkosten nicht zahlen, sagte ein Vorstand dem Sender ntv. Die Organisation teilte mit, "
        "die Zahl der Hilfesuchenden habe sich verdoppelt."
    )
    qs, names = quotes(text, {"Caritas": "ORG", "ntv": "ORG"})
    assert names[find(qs, "die Zahl").speaker] == "Caritas"


def test_generic_body_prefers_the_organisation_that_spoke_since():
    text = (
        "Die Gewerkschaft Verdi droht mit Streiks. Auch der Mieterbund kritisierte die Stadtwerke. "
        "Nach Angaben der Gewerkschaft sind die Beschäftigten unzufrieden. Die Organisation teilte "
        "mit, es werde Warnstreiks geben."
    )
    qs, names = quotes(text, {"Verdi": "ORG", "Mieterbund": "ORG"})
    assert names[find(qs, "es werde").speaker] == "Verdi"


def test_wie_medium_meldete_before_a_speech_verb_relays_its_subject():
    text = (
        "Der Kreml hat ein Gipfeltreffen ausgeschlossen. Wie die Agentur Interfax meldete, sagte "
        "Uschakow am Abend, ein Treffen sei derzeit nicht geplant."
    )
    qs, names = quotes(text, {"Interfax": "ORG", "Uschakow": "PER", "Kreml": "ORG"})
    q = find(qs, "ein Treffen sei")
    assert names[q.speaker] == "Uschakow"
    assert names[q.via] == "Interfax"


def test_wie_medium_meldete_alone_keeps_the_medium_as_speaker():
    text = "Wie die Agentur Reuters meldete, seien bei dem Angriff drei Soldaten getötet worden."
    qs, names = quotes(text, {"Reuters": "ORG"})
    q = find(qs, "seien bei dem Angriff")
    assert names[q.speaker] == "Reuters"
    assert q.via is None


def test_english_said_in_a_statement_then_a_clause_without_that():
    text = "The European Commission said in a statement it remained committed to the reform."
    qs, names = quotes(text, {"European Commission": "ORG"}, lang="en")
    q = find(qs, "it remained committed")
    assert names[q.speaker] == "European Commission"


def test_english_trailing_agency_frame_is_the_via_not_the_message():
    text = "Lavrov said Russia remained open to dialogue, the state news agency TASS reported."
    qs, names = quotes(text, {"Lavrov": "PER", "TASS": "ORG"}, lang="en")
    q = find(qs, "Russia remained")
    assert q.text == "Russia remained open to dialogue"
    assert names[q.speaker] == "Lavrov"
    assert names[q.via] == "TASS"


def test_english_according_to_an_owners_body():
    text = "According to Ukraine's air force, Russia launched 45 drones overnight."
    qs, _ = quotes(text, {"Ukraine": "LOC"}, lang="en")
    q = find(qs, "Russia launched")
    assert q.speaker_text == "Ukraine's air force"


def test_english_lower_case_body_after_the_clause():
    text = "Most of the drones were shot down, the air force said."
    qs, _ = quotes(text, {}, lang="en")
    q = find(qs, "Most of the drones")
    assert q.speaker_text == "the air force"


def test_agency_dateline_is_not_part_of_the_statement():
    text = (
        "Hamburg (dpa) - Die Hafenbehörde will die Elbe erneut vertiefen. Das kündigte "
        "Senatorin Petra Kühn am Mittwoch an.\n\nHamburg (AFP) – Der Streik sei beendet, sagte "
        "Kühn am Abend."
    )
    qs, names = quotes(text, {"Petra Kühn": "PER", "Kühn": "PER"})
    first = find(qs, "Die Hafenbehörde")
    assert names[first.speaker] in {"Petra Kühn", "Kühn"}
    assert find(qs, "Der Streik sei beendet").text == "Der Streik sei beendet"


def test_a_name_with_a_party_bracket_is_no_dateline():
    text = "Merkel (CDU) sagte am Montag, die Lage sei ernst."
    qs, names = quotes(text, {"Merkel": "PER"})
    assert names[find(qs, "die Lage").speaker] == "Merkel"


def test_bare_surname_tagged_as_adverb_is_the_subject():
    from .test_quotes_unseen import tagged_quotes

    text = (
        "Ministerpräsident Jonas Brenner besuchte am Montag die Werft. Brenner sprach danach von einem "
        "„großen Tag für die ganze Region“. Die Arbeitsplätze seien nun sicher."
    )
    qs, names = tagged_quotes(text, {"Jonas Brenner": "PER"}, {"brenner": "ADV", "sprach": "VVFIN"})
    assert names[find(qs, "großen Tag").speaker] == "Jonas Brenner"
    assert names[find(qs, "Die Arbeitsplätze").speaker] == "Jonas Brenner"


def test_surname_shared_by_two_people_names_neither():
    from .test_quotes_unseen import tagged_quotes

    text = (
        "Jonas Brenner und Maria Brenner eröffneten die Werft. Brenner sprach von einem „großen Tag "
        "für die ganze Region“."
    )
    qs, _ = tagged_quotes(text, {"Jonas Brenner": "PER", "Maria Brenner": "PER"}, {"brenner": "ADV", "sprach": "VVFIN"})
    assert find(qs, "großen Tag").speaker is None


def test_zitierte_ihn_after_the_words_gives_the_person_and_the_medium():
    text = (
        "Der Außenminister Kofi Mensah traf am Dienstag seinen Amtskollegen. Die Grenze bleibe offen, "
        "zitierte ihn der Sender Radio Accra."
    )
    qs, names = quotes(text, {"Kofi Mensah": "PER", "Radio Accra": "ORG"})
    q = find(qs, "Die Grenze bleibe offen")
    assert names[q.speaker] == "Kofi Mensah"
    assert names[q.via] == "Radio Accra"


def test_pronoun_in_a_new_paragraph_means_the_person_that_paragraph_names():
    text = (
        "Die Ministerin Ana Lopes warnte vor neuen Zöllen. Der Handel leide schon jetzt, sagte "
        "Lopes.\n\nAm Abend zog auch Kommissar Piet de Wit eine erste Bilanz. „Wir sind auf einem "
        "guten Weg“, sagte er vor Journalisten."
    )
    qs, names = quotes(text, {"Ana Lopes": "PER", "Lopes": "PER", "Piet de Wit": "PER"})
    assert names[find(qs, "Wir sind auf").speaker] == "Piet de Wit"


def test_pronoun_in_the_same_paragraph_keeps_the_last_speaker():
    text = (
        "Die Ministerin Ana Lopes traf den Kommissar Piet de Wit. Der Handel leide schon jetzt, "
        "sagte Lopes. „Wir sind auf einem guten Weg“, sagte sie danach."
    )
    qs, names = quotes(text, {"Ana Lopes": "PER", "Lopes": "PER", "Piet de Wit": "PER"})
    assert names[find(qs, "Wir sind auf").speaker] in {"Ana Lopes", "Lopes"}


def test_pronoun_after_an_unnamed_spokeswoman_is_hers_not_the_person_named_before():
    text = (
        "Bürgermeister Tom Keller eröffnete die neue Brücke. Eine Sprecherin der Stadtwerke sagte, "
        "die Baukosten seien gestiegen. Sie fügte hinzu, die Brücke werde im Winter gesperrt."
    )
    qs, names = quotes(text, {"Tom Keller": "PER", "Stadtwerke": "ORG"})
    q = find(qs, "die Brücke werde")
    assert q.speaker_text == "Sie"
    assert names.get(q.speaker) == "Stadtwerke"


def test_english_she_after_an_unnamed_spokeswoman():
    text = (
        "Tom Fletcher visited the camp on Monday. Roads were blocked, a WFP spokeswoman told "
        "reporters. She said prices had tripled."
    )
    qs, names = quotes(text, {"Tom Fletcher": "PER", "WFP": "ORG"}, lang="en")
    assert names.get(find(qs, "prices had tripled").speaker) == "WFP"


def test_closing_mark_of_a_name_in_the_source_is_not_the_message():
    text = 'Nach Informationen der "Rheinpfalz" plant die Stadt einen Neubau des Stadions.'
    qs, _ = quotes(text, {})
    q = find(qs, "plant die Stadt")
    assert q.speaker_text == 'Informationen der "Rheinpfalz"'


def test_pronoun_speaker_right_after_keeps_the_relaying_medium():
    text = (
        "Ministerin Eva Roth sagte der Zeitung „Kurier“, die Reform sei gelungen. Sie fügte hinzu: "
        "„Wir machen weiter.“ Später sagte Roth im Parlament, es gebe noch Streit."
    )
    qs, names = quotes(text, {"Eva Roth": "PER", "Roth": "PER", "Kurier": "ORG"})
    assert names[find(qs, "die Reform").via] == "Kurier"
    assert names[find(qs, "Wir machen weiter").via] == "Kurier"
    assert find(qs, "es gebe noch Streit").via is None


def test_unnamed_speaker_with_the_last_word_of_an_organisation_speaks_for_it():
    text = (
        "The European Commission proposed new rules on Monday. A Commission spokesperson said the "
        "draft would be published next week."
    )
    qs, names = quotes(text, {"European Commission": "ORG"}, lang="en")
    assert names[find(qs, "the draft would").speaker] == "European Commission"


def test_unnamed_speaker_with_a_word_two_organisations_share_stays_unresolved():
    text = (
        "The European Commission and the Electoral Commission met on Monday. A Commission "
        "spokesperson said the draft would be published next week."
    )
    qs, _ = quotes(text, {"European Commission": "ORG", "Electoral Commission": "ORG"}, lang="en")
    assert find(qs, "the draft would").speaker is None


def test_capitalised_adjective_before_a_body_compound_is_part_of_its_name():
    text = (
        "Der Bayerische Bauernverband kritisierte die neuen Auflagen. Die Regeln seien praxisfern, "
        "teilte der Verband mit."
    )
    qs, names = quotes(text, {})
    q = find(qs, "Die Regeln seien")
    assert names[q.speaker] == "Bayerische Bauernverband"


# ---------------------------------------------------------------- session 14 (issue #21)
def _tagged(text: str, names: dict[str, str], tags: dict[str, str], lang: str = "de"):
    """Quotes with the given names as entities and the given words tagged (STTS for German,
    Penn for English), as ``test_quotes_unseen.tagged_quotes`` but in either language."""
    import spacy

    from newsgraph.pipeline import docext

    from .test_quotes import NAMES
    from .test_quotes_unseen import TAGS

    docext.register_extensions()
    NAMES.clear()
    NAMES.update(names)
    TAGS.clear()
    TAGS.update(tags)
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_stts_tags")
    nlp.add_pipe("test_names_as_entities")
    nlp.add_pipe("newsgraph_quotes")
    doc = nlp(text)
    for q in doc._.quotes:
        assert text[q.start : q.end] == q.text
    return doc._.quotes, {e.id: e.name for e in doc._.entities or []}


def test_abstract_subject_of_an_agentless_passive_cue_gives_the_actor_before():
    text = (
        "Die Stadtwerke Jena haben die Gaspreise erhöht. Als Begründung wurde angegeben, die "
        "Einkaufskosten seien deutlich gestiegen."
    )
    tags = {"als": "APPR", "begründung": "NN", "wurde": "VAFIN", "haben": "VAFIN", "angegeben": "VVPP"}
    qs, names = _tagged(text, {"Stadtwerke Jena": "ORG"}, tags)
    q = find(qs, "die Einkaufskosten")
    assert names[q.speaker] == "Stadtwerke Jena"
    assert q.speaker_text == "Die Stadtwerke Jena"


def test_reason_phrase_before_heisst_es_is_no_speaker_the_last_one_goes_on():
    text = (
        "Der Mieterbund Sachsen hat die Reform scharf kritisiert. Zur Begründung hieß es, die Mieten "
        "seien schon jetzt zu hoch."
    )
    tags = {"zur": "APPRART", "begründung": "NN", "hieß": "VVFIN", "hat": "VAFIN", "kritisiert": "VVPP"}
    qs, names = _tagged(text, {"Mieterbund Sachsen": "ORG"}, tags)
    q = find(qs, "die Mieten")
    assert names[q.speaker] == "Mieterbund Sachsen"
    assert q.speaker_text == "Der Mieterbund Sachsen"


def test_document_with_a_source_noun_keeps_its_own_phrase():
    text = (
        "Der Mieterbund Sachsen hat die Reform kritisiert. In der Mitteilung hieß es, die Mieten "
        "seien schon jetzt zu hoch."
    )
    tags = {"in": "APPR", "mitteilung": "NN", "hieß": "VVFIN", "hat": "VAFIN"}
    qs, _ = _tagged(text, {"Mieterbund Sachsen": "ORG"}, tags)
    assert find(qs, "die Mieten").speaker_text == "In der Mitteilung"


def test_document_whose_genitive_names_a_body_is_not_the_latest_speakers():
    text = (
        "Außenminister Johann Wadephul reiste am Abend ab. In der Erklärung des Auswärtigen Amtes "
        "hieß es: „Wir verurteilen den Angriff auf das Schärfste.“"
    )
    qs, names = quotes(text, {"Johann Wadephul": "PER"})
    assert names.get(find(qs, "Wir verurteilen").speaker) != "Johann Wadephul"


@pytest.mark.parametrize(
    "frame, outlet",
    [
        ("sagte die CDU-Politikerin der „Rheinischen Post“", "Rheinischen Post"),
        ("sagte die CDU-Politikerin der Stuttgarter Zeitung", "Stuttgarter Zeitung"),
        ("sagte Klöckner der „Süddeutschen Zeitung“", "Süddeutschen Zeitung"),
    ],
)
def test_der_before_an_outlet_after_a_person_is_the_dative_medium(frame, outlet):
    text = f"Julia Klöckner kritisierte die Reform. Sie komme viel zu spät, {frame}."
    qs, names = quotes(text, {"Julia Klöckner": "PER", outlet: "ORG"})
    q = find(qs, "Sie komme")
    assert names[q.speaker] == "Julia Klöckner"
    assert names.get(q.via) == outlet
    assert outlet.split()[0] not in q.speaker_text


def test_der_before_an_outlet_after_its_staff_is_a_genitive():
    text = "Die Auflage sei stabil, sagte der Chefredakteur der „Stuttgarter Zeitung“ am Montag."
    qs, _ = quotes(text, {"Stuttgarter Zeitung": "ORG"})
    assert "Stuttgarter Zeitung" in find(qs, "Die Auflage").speaker_text


def test_english_owner_and_office_before_a_name_are_the_title():
    text = (
        "Russia's foreign ministry spokeswoman Maria Zakharova criticised the plans on Thursday, "
        "calling them dangerous."
    )
    tags = {"foreign": "JJ", "ministry": "NN", "spokeswoman": "NN", "criticised": "VBD"}
    qs, names = _tagged(text, {"Maria Zakharova": "PER", "Russia": "LOC"}, tags, lang="en")
    q = find(qs, "Russia's")
    assert names[q.speaker] == "Maria Zakharova"


def test_english_carried_by_tail_is_the_frame_not_the_message():
    text = "Maria Zakharova said the plans were dangerous, in comments carried by the state news agency TASS."
    qs, names = quotes(text, {"Maria Zakharova": "PER", "TASS": "ORG"}, lang="en")
    q = find(qs, "the plans")
    assert q.text == "the plans were dangerous"
    assert names[q.via] == "TASS"


def test_konjunktiv_clause_after_a_semicolon_goes_on_with_the_statement():
    text = (
        "Die Einladung habe Macron angenommen, sagte Merz am Abend im ZDF; die Teams würden nun "
        "nach einem Termin suchen. Am Freitag kehrte der Kanzler nach Berlin zurück."
    )
    qs, names = quotes(text, {"Merz": "PER", "Macron": "PER", "ZDF": "ORG"})
    q = find(qs, "die Teams")
    assert names[q.speaker] == "Merz"
    assert names[q.via] == "ZDF"


def test_weak_konjunktiv_after_a_quote_of_several_sentences_carries_it_on():
    text = (
        "Macron zeigte sich zufrieden. „Wir haben Fortschritte gemacht. Das ist sehr gut“, sagte er "
        "am Abend. Verhandlungen zwischen Partnern müssten stets auf Vertrauen beruhen."
    )
    qs, names = quotes(text, {"Macron": "PER"})
    assert names[find(qs, "Verhandlungen zwischen").speaker] == "Macron"


def test_statement_whose_subject_names_no_actor_is_not_carried_on():
    text = (
        "Die Agentur Xinhua meldete neue Unruhen in der Stadt. Dabei seien drei Menschen getötet "
        "worden. Die Zahl der zerstörten Geschäfte wurde mit 120 angegeben. Außerdem seien 40 Autos "
        "in Brand gesteckt worden."
    )
    tags = {"zahl": "NN", "geschäfte": "NN", "wurde": "VAFIN", "angegeben": "VVPP", "meldete": "VVFIN"}
    qs, names = _tagged(text, {"Xinhua": "ORG"}, tags)
    assert names[find(qs, "Außerdem seien").speaker] == "Xinhua"


def test_place_named_by_its_administration_is_the_actor_an_impersonal_cue_refers_to():
    text = (
        "So hat die Stadt Gera ihre Abwassergebühren erhöht. Als Begründung wurde angegeben, die "
        "Fixkosten seien gestiegen."
    )
    tags = {"so": "ADV", "hat": "VAFIN", "als": "KOKOM", "begründung": "NN", "wurde": "VAFIN", "angegeben": "VVPP"}
    qs, names = _tagged(text, {"Gera": "LOC"}, tags)
    q = find(qs, "die Fixkosten")
    assert names[q.speaker] == "Gera"


def test_fronted_abstract_object_opening_the_sentence_with_its_article_is_no_speaker(nlp_de):
    # (the model's tags: `Die` opening the sentence is an article, not the phrase's head)
    text = "Die grundsätzliche Berechtigung der Klage wies der Anwalt Jens Müller zurück: „Das ist absurd.“"
    doc = nlp_de(text)
    names = {e.id: e.name for e in doc._.entities}
    q = next(q for q in doc._.quotes if q.text.startswith("Das ist"))
    assert names.get(q.speaker) == "Jens Müller"


def test_outlet_right_after_the_speech_verb_is_the_medium_told(nlp_de):
    text = "Ein Sprecher der Stadtverwaltung sagte Spiegel Online, man habe erst am Montag davon erfahren."
    doc = nlp_de(text)
    names = {e.id: e.name for e in doc._.entities}
    q = next(q for q in doc._.quotes if q.text.startswith("man habe"))
    assert names.get(q.via) in {"Der Spiegel", "Spiegel Online"}
    assert q.speaker_span.text == "Ein Sprecher der Stadtverwaltung"


def test_heisst_es_darin_gives_the_actor_of_the_narrated_sentence_before():
    text = (
        "Wie ein Sprecher des Ministers sagte, werde man die Kritik prüfen. Der Rechnungsdienst des "
        "Landtags kommt in seiner Analyse zu einem anderen Ergebnis. Die Einsparungen seien zu gering, "
        "heißt es darin."
    )
    tags = {"darin": "PROAV", "kommt": "VVFIN", "heißt": "VVFIN", "der": "ART", "rechnungsdienst": "NN"}
    qs, _ = _tagged(text, {}, tags)
    assert find(qs, "Die Einsparungen").speaker_text == "Der Rechnungsdienst des Landtags"


def test_economist_description_refers_back_to_the_person_named():
    text = (
        "Ifo-Präsident Clemens Fuest warnte vor zu großem Optimismus. Man dürfe sich keine Illusionen "
        "machen, sagte der Ökonom."
    )
    qs, names = quotes(text, {"Clemens Fuest": "PER"})
    assert names.get(find(qs, "Man dürfe").speaker) == "Clemens Fuest"


def test_wie_clause_with_a_medium_told_separates_speaker_and_via():
    text = "Wie ein Sprecher des Ministeriums gegenüber der Agentur Reuters sagte, werde man die Kritik prüfen."
    qs, names = quotes(text, {"Reuters": "ORG"})
    q = find(qs, "werde man")
    assert q.speaker_text == "ein Sprecher des Ministeriums"
    assert names.get(q.via) == "Reuters"


@pytest.mark.parametrize(
    "text, prefix",
    [
        ("Die Anwohner wurden von den Behörden angewiesen, sich in geschützten Räumen aufzuhalten.", "sich in"),
        ("Die Miliz wurde von der Regierung beschuldigt, die Anschläge verübt zu haben.", "die Anschläge"),
    ],
)
def test_directive_and_accusation_with_a_zu_infinitive_state_its_content(text, prefix):
    qs, _ = quotes(text, {})
    assert find(qs, prefix).kind == "indirect"


def test_english_post_on_an_outlet_and_an_agency_of_the_lexicon_are_the_medium():
    qs, names = quotes(
        "Macron wrote in a post on X that Europe must act. The ministry said in a statement carried by "
        "the state news agency KCNA that the drills were provocative.",
        {},
        lang="en",
    )
    assert names.get(find(qs, "Europe must").via) == "X"
    assert names.get(find(qs, "the drills").via) == "KCNA"


def test_nominative_relative_pronoun_is_the_subject_not_the_object_after_it(nlp_de):
    doc = nlp_de("Im Studio saß der Unternehmer Klaus Wendt, der alle Zuschauer aufforderte, nicht mehr zu spenden.")
    names = {e.id: e.name for e in doc._.entities}
    q = next(q for q in doc._.quotes if q.text.startswith("nicht mehr"))
    assert q.speaker_span.text == "der"
    assert names.get(q.speaker) == "Klaus Wendt"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Die Reform sei überfällig, hatte Anna Berg damals gesagt. Später änderte sie ihre Meinung.", "Anna Berg"),
        ("Man werde den Antrag prüfen, hat Jonas Weber am Montag erklärt.", "Jonas Weber"),
    ],
)
def test_inverted_cue_with_an_auxiliary_after_the_clause_states_it(text, speaker):
    qs, names = quotes(text, {speaker: "PER"})
    q = qs[0]
    assert q.kind == "indirect" and names[q.speaker] == speaker
    assert q.text in {"Die Reform sei überfällig", "Man werde den Antrag prüfen"}


def test_quoted_full_sentence_closing_the_sentence_after_its_cue_is_direct():
    text = "Merz reiste am Montag nach Paris. Er sagte dort „Wir stehen fest an der Seite Frankreichs.“"
    qs, _ = quotes(text, {"Merz": "PER"})
    assert find(qs, "Wir stehen").kind == "direct"
    qs, _ = quotes("Sie sprach von einem „Tag der Freude“.", {})
    assert find(qs, "Tag der").kind == "partial"


def test_outlet_of_several_words_in_marks_is_no_partial_quote():
    text = "„Wir bleiben dabei“, sagte der Minister im Interview mit der „Welt am Sonntag“."
    qs, _ = quotes(text, {})
    assert not [q for q in qs if q.text.startswith("Welt am")]


def test_platform_noun_before_an_outlet_makes_it_the_medium():
    text = "Markus Söder schrieb auf der Plattform X, das Gesetz sei ein Angriff auf das Eigentum."
    qs, names = quotes(text, {"Markus Söder": "PER"})
    assert names.get(find(qs, "das Gesetz").via) == "X"


def test_hearsay_modal_with_a_perfect_infinitive_is_a_claim_reported(nlp_de):
    doc = nlp_de(
        "Eine Kampagne soll den Schaden nun begrenzen. Die Polizei durchsuchte am Morgen das Gelände. "
        "Dabei sollen bereits 15 Verdächtige festgenommen worden sein."
    )
    texts = [q.text for q in doc._.quotes]
    assert any(t.startswith("Dabei sollen") for t in texts)
    assert not any(t.startswith("Eine Kampagne") for t in texts)


def test_bare_spokesperson_speaks_for_the_organisation_named_just_before(nlp_de):
    doc = nlp_de(
        "Die Deutsche Bahn hat die Kritik der Gewerkschaft zurückgewiesen. Ein Sprecher sagte, das "
        "Angebot liege seit Wochen vor."
    )
    names = {e.id: e.name for e in doc._.entities}
    q = next(q for q in doc._.quotes if q.text.startswith("das Angebot"))
    assert names.get(q.speaker) == "Deutsche Bahn"
    assert q.speaker_span.text == "Ein Sprecher"
