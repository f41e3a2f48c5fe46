"""Quote rules of session 12 (issue #21): what a prepositional source vouches for, Swiss spelling,
long inverted subjects, nouns joined by `und` before a participle, and places inside a source.

Fresh sentences; like ``test_quotes_unseen`` they run on a blank pipeline with stand-in names and
STTS tags, so each test fails when its rule is taken out, whatever the statistical model does.
"""

from __future__ import annotations

import pytest

from newsgraph.pipeline.quotes_lexicon import lexicon_for

from .test_quotes import find, quotes
from .test_quotes_unseen import tagged_quotes


@pytest.mark.parametrize(
    "text, tags, want",
    [
        pytest.param(
            "Die Feuerwehr räumte am Morgen eine Lagerhalle, die nach Angaben der Stadt seit Jahren leer stand.",
            {"räumte": "VVFIN", "die": "PRELS", "stand": "VVFIN"},
            "die nach Angaben der Stadt seit Jahren leer stand",
            id="relative clause",
        ),
        pytest.param(
            "Bei dem Brand wurden neun Menschen verletzt, darunter laut Feuerwehr zwei Kinder.",
            {"wurden": "VAFIN", "darunter": "PROAV"},
            "darunter laut Feuerwehr zwei Kinder",
            id="clause after a comma opened by an adverb",
        ),
        pytest.param(
            "Der Bus hielt zuletzt in Celle (laut Polizei fuhr er danach weiter bis Hannover).",
            {"hielt": "VVFIN", "fuhr": "VVFIN"},
            "laut Polizei fuhr er danach weiter bis Hannover",
            id="bracket",
        ),
    ],
)
def test_prepositional_source_inside_a_clause_vouches_for_that_clause_only(text, tags, want):
    qs, _ = tagged_quotes(text, {}, tags)
    assert [q.text for q in qs] == [want]


def test_prepositional_source_set_off_by_commas_still_covers_the_sentence():
    text = "Der Täter sei, laut Polizei, noch in der Nacht über die Grenze geflohen."
    qs, _ = tagged_quotes(text, {}, {"sei": "VAFIN"})
    assert find(qs, "Der Täter").text.startswith("Der Täter sei, laut Polizei")


def test_swiss_spelling_of_listed_words_is_read_too():
    lex = lexicon_for("de")
    assert "gemäss" in lex.before_source and "gemäß" in lex.before_source
    text = "Gemäss Stadtrat Urs Meier bleibt das Hallenbad bis Ende Mai geschlossen."
    qs, names = tagged_quotes(text, {"Urs Meier": "PER"}, {})
    q = find(qs, "bleibt das Hallenbad")
    assert q.cue.text == "Gemäss" and names[q.speaker] == "Urs Meier"


def test_nouns_joined_by_und_before_a_participle_are_no_clause_of_their_own():
    text = "Maier hatte vor allem die Arbeit der Ärzte und der Pfleger betont: „Sie haben Großes geleistet.“"
    # (the tagger often calls such a participle finite)
    qs, names = tagged_quotes(text, {"Maier": "PER"}, {"hatte": "VAFIN", "betont": "VVFIN"})
    assert names[find(qs, "Sie haben").speaker] == "Maier"


def test_long_inverted_subject_after_an_adverb_before_a_zu_infinitive():
    text = (
        "Am Abend kündigte gestern die Beauftragte des Landkreises Celle Frau Eva Brandt an, "
        "das Museum im Winter zu schließen."
    )
    tags = {"kündigte": "VVFIN", "gestern": "ADV", "an": "PTKVZ", "zu": "PTKZU", "schließen": "VVINF", "am": "APPRART"}
    qs, names = tagged_quotes(text, {"Eva Brandt": "PER"}, tags)
    q = find(qs, "das Museum")
    assert q.text == "das Museum im Winter zu schließen" and q.kind == "indirect"
    assert names[q.speaker] == "Eva Brandt"


def test_place_inside_a_zufolge_source_is_where_the_source_sits():
    text = "Den Behörden in Lyon zufolge wurde bei dem Unfall niemand verletzt."
    qs, _ = tagged_quotes(text, {"Lyon": "LOC"}, {"wurde": "VAFIN"})
    q = find(qs, "wurde bei dem Unfall")
    assert q.speaker is None and q.speaker_text == "Den Behörden in Lyon"


@pytest.mark.parametrize(
    "text",
    [
        "Nach eigenen Angaben hat die Firma Nordbau im Mai 500 Mitarbeiter entlassen.",
        "Die Firma Nordbau hat nach eigenen Angaben im Mai 500 Mitarbeiter entlassen.",
    ],
)
def test_own_statement_is_the_subjects(text):
    qs, names = tagged_quotes(text, {"Nordbau": "ORG"}, {"hat": "VAFIN", "nach": "APPR", "entlassen": "VVPP"})
    (q,) = qs
    assert q.speaker_text == "Angaben"  # the phrase stays the speech noun (what SpkAtt marks as source)
    assert names[q.speaker] == "Nordbau"


def test_pronoun_speaker_is_the_parsed_subject_of_the_sentence_before(nlp_de):
    import newsgraph

    text = (
        "Der Außenminister Jan Kern sprach am Montag in Bonn. „Wir brauchen Geduld“, sagte der Minister. "
        "Am Abend traf Botschafter Paul Weber ein. „Das ist unverantwortlich“, rief er."
    )
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    names = {e.id: e.name for e in record.entities}
    q = next(q for q in record.quotes if q.text.startswith("Das ist"))
    assert names[q.speaker] == "Paul Weber"


@pytest.mark.parametrize(
    "text, tags, want",
    [
        pytest.param(
            "Die Ministerin sagte, die Verhandlungen müssten bald beginnen. "
            "Über Geld könne nur bei einem Treffen der Regierungschefs gesprochen werden.",
            {"sagte": "VVFIN", "könne": "VMFIN", "gesprochen": "VVPP", "werden": "VAINF"},
            ("Über Geld", "Die Ministerin"),
            id="a speech verb in a Konjunktiv sentence with no content of its own",
        ),
        pytest.param(
            "Der Präsident sagte, beide Seiten hätten viel erreicht. "
            "Eine dauerhafte Lösung setze voraus, dass alle mitmachten.",
            {"sagte": "VVFIN", "setze": "VVINF", "voraus": "PTKVZ", "dass": "KOUS"},
            ("Eine dauerhafte Lösung", "Der Präsident"),
            id="a Konjunktiv I form the tagger calls an infinitive",
        ),
    ],
)
def test_konjunktiv_sentence_carries_the_statement_before_on(text, tags, want):
    prefix, speaker = want
    qs, _ = tagged_quotes(text, {}, tags)
    q = find(qs, prefix)
    assert q.free_indirect and q.speaker_text == speaker


def test_second_predicate_after_a_comma_is_no_content_clause():
    text = (
        "Ein Sprecher sagte, die Vorwürfe seien haltlos. "
        "Sie widersprächen den Tatsachen, verletzten jede Regel und seien eine Provokation."
    )
    tags = {"sagte": "VVFIN", "widersprächen": "VVFIN", "verletzten": "VVFIN", "seien": "VAFIN"}
    qs, _ = tagged_quotes(text, {}, tags)
    q = find(qs, "Sie widersprächen")
    assert q.speaker_text == "Ein Sprecher"
    assert not [q for q in qs if q.text.startswith("verletzten")]


def test_inverted_cue_does_not_take_the_reporters_clause_before_a_semicolon():
    text = "Ohne Erfolg blieb sein Wunsch nach neuen Gesprächen; die Regierung sei dazu nicht bereit, räumte Weber ein."
    qs, names = tagged_quotes(text, {"Weber": "PER"}, {"räumte": "VVFIN", "ein": "PTKVZ", "blieb": "VVFIN"})
    q = find(qs, "die Regierung")
    assert q.text == "die Regierung sei dazu nicht bereit" and names[q.speaker] == "Weber"


def test_name_in_the_genitive_before_a_speech_noun_is_the_source():
    text = "Der Delegation gehören nach Kerners Angaben drei Minister an."
    qs, _ = tagged_quotes(text, {}, {"kerners": "NE", "gehören": "VVFIN"})
    (q,) = qs
    assert q.speaker_text == "Kerners Angaben" and q.text.startswith("Der Delegation")


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Die Lage sei ernst, sagte Ministerin Eva Roth dem Sender ntv.", "ntv"),
        ("Die Lage sei ernst, sagte Ministerin Eva Roth der „Bild“-Zeitung.", "Bild"),
        ("Die Lage sei ernst, sagte Ministerin Eva Roth im ZDF-Interview.", "ZDF"),
        ("Die Lage sei ernst, sagte Ministerin Eva Roth in den ARD-Tagesthemen.", "ARD"),
    ],
)
def test_outlet_the_entity_layer_missed_is_the_via(text, outlet):
    qs, names = tagged_quotes(text, {"Eva Roth": "PER"}, {"sagte": "VVFIN", "sei": "VAFIN"})
    q = find(qs, "Die Lage")
    assert names[q.speaker] == "Eva Roth" and names[q.via] == outlet


@pytest.mark.parametrize(
    "text",
    [
        "Ministerin Eva Roth sagte, in der Welt gebe es zu wenig Frieden.",
        "Die Lage sei ernst, sagte Ministerin Eva Roth zur Zeit der Krise.",
    ],
)
def test_outlet_name_that_is_an_ordinary_word_needs_a_marker(text):
    qs, names = tagged_quotes(text, {"Eva Roth": "PER"}, {"sagte": "VVFIN"})
    assert all(q.via is None for q in qs) and set(names.values()) == {"Eva Roth"}


def test_outlet_name_in_marks_is_no_partial_quote():
    text = "Ministerin Eva Roth sagte im Interview mit der „Neuen Zürcher Zeitung“, die Lage sei ernst."
    qs, _ = tagged_quotes(text, {"Eva Roth": "PER"}, {"sagte": "VVFIN"})
    assert [q.kind for q in qs] == ["indirect"]


def test_und_with_a_second_speech_verb_hands_back_to_the_speaker():
    text = "Der Bürgermeister sagte, die Stadt brauche mehr Geld und fügte hinzu: „Wer soll das bezahlen?“"
    tags = {"sagte": "VVFIN", "brauche": "VVFIN", "fügte": "VVFIN", "hinzu": "PTKVZ"}
    qs, _ = tagged_quotes(text, {}, tags)
    assert find(qs, "die Stadt").text == "die Stadt brauche mehr Geld"
    q = find(qs, "Wer soll")
    assert q.speaker_text == "Der Bürgermeister" and q.cue.text == "fügte"


def test_und_between_participles_of_the_reported_clause_stays_inside_it():
    text = "Der Minister sagte, die Polizei habe den Mann gefasst und erklärt, er sei geflohen."
    tags = {"sagte": "VVFIN", "habe": "VAFIN", "erklärt": "VVFIN", "sei": "VAFIN"}
    qs, _ = tagged_quotes(text, {}, tags)
    assert find(qs, "die Polizei").text == "die Polizei habe den Mann gefasst und erklärt, er sei geflohen"


def test_name_in_commas_after_a_description_and_a_place_is_the_speaker():
    text = "Vor kurzem hatte ein Rebellenführer auf kolumbianischer Seite, Pablo Ruiz, erklärt, der Kampf gehe weiter."
    tags = {"hatte": "VAFIN", "auf": "APPR", "erklärt": "VVPP", "gehe": "VVFIN", "vor": "APPR"}
    qs, names = tagged_quotes(text, {"Pablo Ruiz": "PER"}, tags)
    q = find(qs, "der Kampf")
    assert names[q.speaker] == "Pablo Ruiz"


@pytest.mark.parametrize(
    "text, body",
    [
        ("Das Verkehrsministerium teilte mit, dass die Brücke im Mai gesperrt werde.", "Verkehrsministerium"),
        ("Der Verband deutscher Bäcker erklärte, die Preise würden steigen.", "Verband deutscher Bäcker"),
    ],
)
def test_organisation_named_by_its_compound_head_becomes_the_speaker(text, body):
    qs, names = tagged_quotes(text, {}, {"teilte": "VVFIN", "mit": "PTKVZ", "erklärte": "VVFIN"})
    (q,) = qs
    assert names[q.speaker] == body


def test_bare_body_noun_is_no_organisation_of_its_own():
    qs, names = tagged_quotes("Das Ministerium teilte mit, dass die Brücke gesperrt werde.", {}, {"teilte": "VVFIN"})
    assert qs and qs[0].speaker is None and names == {}


def test_name_with_a_lower_case_article_prefix_is_a_source():
    text = "Dem Sender al-Dschasira zufolge wird das Schiff in den Hafen gebracht."
    qs, _ = tagged_quotes(text, {}, {"wird": "VAFIN"})
    (q,) = qs
    assert q.speaker_text == "Dem Sender al-Dschasira" and q.text.startswith("wird das Schiff")


def test_quoted_words_before_the_frame_are_not_its_subject():
    text = "„Wir helfen dem Land“, ließ ein Sprecher der Bank kurz verlauten."
    qs, _ = tagged_quotes(text, {}, {"ließ": "VVFIN", "verlauten": "VVINF", "kurz": "ADJD"})
    assert find(qs, "Wir helfen").speaker_text == "ein Sprecher der Bank"


@pytest.mark.parametrize(
    "text, source",
    [
        ("Paul Weber wies die Darstellung zurück, die Helfer seien vertrieben worden.", "die Darstellung"),
        (
            "Das Institut bestätigte die Befunde des Landesamts, wonach zehn Rinder erkrankt seien.",
            "die Befunde des Landesamts",
        ),
    ],
)
def test_clause_of_a_claim_that_is_answered_is_the_claims(text, source):
    tags = {"wies": "VVFIN", "zurück": "PTKVZ", "bestätigte": "VVFIN", "seien": "VAFIN", "wonach": "PWAV"}
    qs, _ = tagged_quotes(text, {"Paul Weber": "PER"}, tags)
    (q,) = qs
    assert q.speaker_text == source


@pytest.mark.parametrize(
    "text, first, second",
    [
        (
            "The minister said the talks had failed, adding that new sanctions were likely.",
            "the talks had failed",
            "new sanctions were likely",
        ),
        (
            '"We will not give up," the mayor said, noting that the bridge would reopen in May.',
            "We will not give up",
            "the bridge would reopen in May",
        ),
    ],
)
def test_english_participle_after_a_comma_opens_a_second_statement_of_the_speaker(text, first, second):
    qs, _ = quotes(text, {}, lang="en")
    a, b = find(qs, first), find(qs, second)
    assert a.text.rstrip(",") == first and b.text == second
    assert a.speaker_text == b.speaker_text and b.kind == "indirect" and b.cue.text in {"adding", "noting"}


def test_past_modal_sentence_right_after_a_statement_carries_it_on():
    text = (
        "Der Premier sagte, Europa stehe an einem Scheideweg. "
        "Die beiden Länder wollten gemeinsam einen Plan für den Frieden ausarbeiten."
    )
    qs, _ = tagged_quotes(text, {}, {"sagte": "VVFIN", "stehe": "VVFIN", "wollten": "VMFIN"})
    q = find(qs, "Die beiden Länder")
    assert q.free_indirect and q.speaker_text == "Der Premier"


@pytest.mark.parametrize(
    "text, lang, outlet",
    [
        (
            "Minister Paul Weber sagte dem Deutschlandfunk, die Truppe sei bereit. "
            "Im gleichen Interview sagte der Minister, dass Europa ein Interesse an Frieden habe.",
            "de",
            "Deutschlandfunk",
        ),
        (
            "Minister Paul Weber told Reuters the army was ready. "
            "In the same interview, Weber said Europe wanted peace.",
            "en",
            "Reuters",
        ),
    ],
)
def test_same_interview_keeps_the_earlier_statements_medium(text, lang, outlet):
    names = {"Paul Weber": "PER", "Weber": "PER", outlet: "ORG"}
    qs, by_id = quotes(text, names, lang=lang) if lang == "en" else tagged_quotes(text, names, {"sagte": "VVFIN"})
    q = qs[-1]
    assert by_id[q.via] == outlet
