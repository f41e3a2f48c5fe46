"""Quote rules found by the error analysis on the spkatt development split (issue #21, unseen text):
one test per phenomenon, on fresh sentences.

Like ``test_quotes``, these run without the statistical model: a stand-in entity layer marks the
given names and a stand-in tagger gives the STTS tags a rule reads, so each test fails when its rule
is taken out, whatever the model does.
"""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.language import Language

from newsgraph.pipeline import docext

from .test_quotes import NAMES, find, quotes

TAGS: dict[str, str] = {}  # lower-case word -> STTS tag, set per test


@Language.component("test_stts_tags")
def _stts_tags(doc):
    """Stand-in tagger: the configured STTS tags, nothing else."""
    for tok in doc:
        if tok.lower_ in TAGS:
            tok.tag_ = TAGS[tok.lower_]
    return doc


def tagged_quotes(text: str, names: dict[str, str], tags: dict[str, str]):
    """The quotes of ``text`` with the given names as entities and the given words tagged."""
    docext.register_extensions()
    NAMES.clear()
    NAMES.update(names)
    TAGS.clear()
    TAGS.update(tags)
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_stts_tags")
    nlp.add_pipe("test_names_as_entities")
    nlp.add_pipe("newsgraph_quotes")
    doc = nlp(text)
    for q in doc._.quotes:
        assert text[q.start : q.end] == q.text
    return doc._.quotes, {e.id: e.name for e in doc._.entities or []}


@pytest.mark.parametrize(
    "text, tags, prefix",
    [
        pytest.param(
            "Der Bürgermeister sagte am Montag, die Straße bleibe gesperrt. Ein Sturm hatte in der Nacht "
            "mehrere Bäume entwurzelt. Die Stadtverwaltung bittet die Anwohner um Geduld. Die "
            "Aufräumarbeiten seien erst in zwei Tagen abgeschlossen.",
            {"hatte": "VAFIN", "bittet": "VVFIN"},
            "Die Aufräumarbeiten",
            id="a body named as subject just before, with no entity",
        ),
        pytest.param(
            "Der Minister sagte, der Plan sei bezahlbar. Die Debatte dauerte lange. Die Stadtverwaltung "
            "bittet um Geduld. Die Arbeiten seien bald beendet. Die Straße werde im Mai wieder freigegeben.",
            {"dauerte": "VVFIN", "bittet": "VVFIN"},
            "Die Straße werde",
            id="a free statement with its own speaker is carried on in turn",
        ),
    ],
)
def test_konjunktiv_sentence_carries_the_actor_named_since_the_last_statement(text, tags, prefix):
    qs, _ = tagged_quotes(text, {}, tags)
    assert find(qs, prefix).speaker_text == "Die Stadtverwaltung"


def test_passive_agent_not_subject_is_the_actor_carried_on():
    text = (
        "Der Minister sagte am Montag, der Plan sei bezahlbar. "
        "Im Landtag wurde lange darüber gestritten. "
        "Der Plan wurde vom Bauernverband als unrealistisch eingestuft. "
        "Die Kosten seien viel zu hoch."
    )
    tags = {"wurde": "VAFIN", "eingestuft": "VVPP", "gestritten": "VVPP"}
    qs, names = tagged_quotes(text, {"Bauernverband": "ORG"}, tags)
    q = find(qs, "Die Kosten")
    assert names[q.speaker] == "Bauernverband"


def test_fronted_abstract_noun_is_the_object_and_the_phrase_after_the_verb_speaks():
    text = "Jede Verantwortung für den Unfall wies der Betreiber zurück: „Wir haben alle Vorschriften eingehalten.“"
    qs, _ = tagged_quotes(text, {}, {"wies": "VVFIN"})
    assert find(qs, "Wir haben").speaker_text == "der Betreiber"


def test_zu_infinitive_after_a_cue_is_the_message_up_to_the_infinitive():
    text = "Die Ministerin kündigte an, die Schulen im Herbst zu sanieren, und verließ danach den Saal."
    qs, _ = tagged_quotes(text, {}, {"zu": "PTKZU", "sanieren": "VVINF", "verließ": "VVFIN"})
    q = find(qs, "die Schulen")
    assert q.text == "die Schulen im Herbst zu sanieren" and q.kind == "indirect"


def test_zu_infinitive_keeps_its_own_content_clause():
    text = "Der Verband forderte die Regierung auf, zu prüfen, ob die alte Brücke noch sicher ist."
    qs, _ = tagged_quotes(text, {}, {"zu": "PTKZU", "prüfen": "VVINF", "ist": "VAFIN"})
    assert find(qs, "zu prüfen").text == "zu prüfen, ob die alte Brücke noch sicher ist"


def test_each_quoted_fragment_takes_the_speaker_of_its_own_clause():
    text = "Weber nannte den Entwurf „mutig und längst fällig“, Krause bezeichnete ihn dagegen als „völlig verfehlt“."
    qs, names = tagged_quotes(text, {"Weber": "PER", "Krause": "PER"}, {"nannte": "VVFIN", "bezeichnete": "VVFIN"})
    assert names[find(qs, "mutig").speaker] == "Weber"
    assert names[find(qs, "völlig verfehlt").speaker] == "Krause"


def test_title_in_marks_without_a_cue_is_not_a_quote():
    text = "Am Abend lief im Kino „Nacht über der Stadt“ vor vollem Saal. Die Kritik war begeistert."
    qs, _ = quotes(text)
    assert qs == []


def test_unlisted_konjunktiv_of_a_full_verb_carries_the_statement_on():
    text = (
        "Ein Sprecher der Bahn sagte, der Zug sei verspätet. Die Bahn bedauere den Ausfall. "
        "Die bestehende Regel gilt weiter."
    )
    qs, _ = tagged_quotes(text, {}, {"bedauere": "VVFIN", "bestehende": "VVFIN", "gilt": "VVFIN"})
    q = find(qs, "Die Bahn bedauere")
    assert q.free_indirect and q.speaker_text == "Ein Sprecher der Bahn"
    assert not any(re.match("Die bestehende", x.text) for x in qs)  # a participle the tagger misread


def test_cue_in_a_relative_clause_governs_what_follows_not_what_precedes():
    text = "Ein neuer Plan kam vom Bezirksamt, das vorschlug, am Fluss einen Radweg anzulegen, und fand Zustimmung."
    tags = {"kam": "VVFIN", "vorschlug": "VVFIN", "anzulegen": "VVINF", "fand": "VVFIN"}
    qs, _ = tagged_quotes(text, {}, tags)
    assert [q.text for q in qs] == ["am Fluss einen Radweg anzulegen"]


def test_relative_pronoun_speaker_is_the_person_named_before_its_comma():
    text = "Schmidt lobte den Plan. Widerspruch kam von Weber, der sagte, die Partei dürfe nicht drängen."
    tags = {"der": "PRELS", "lobte": "VVFIN", "kam": "VVFIN", "sagte": "VVFIN"}
    qs, names = tagged_quotes(text, {"Schmidt": "PER", "Weber": "PER"}, tags)
    q = find(qs, "die Partei")
    assert q.speaker_text == "der" and names[q.speaker] == "Weber"


def test_free_indirect_sentence_ends_before_the_next_quotes_opening_mark():
    """The sentencizer leaves a straight opening mark on the sentence before it; a free indirect
    statement built from that sentence must end at its full stop, not swallow the next quote's mark."""
    text = (
        '"Wir prüfen den Antrag", sagte der Sprecher. Eine Entscheidung solle bis Freitag fallen. '
        '"Mehr können wir nicht sagen", fügte er hinzu.'
    )
    qs, _ = tagged_quotes(text, {}, {})
    carried = find(qs, "Eine Entscheidung")
    assert carried.text == "Eine Entscheidung solle bis Freitag fallen"
    assert find(qs, "Mehr können").kind == "direct"


@pytest.mark.parametrize(
    "text, message, speaker",
    [
        pytest.param(
            "Der Zug nach Hamburg fällt am Wochenende aus. Dies teilte die Bahn Nord am Freitag mit.",
            "Der Zug nach Hamburg fällt am Wochenende aus",
            ("Bahn Nord", "ORG"),
            id="Dies + separable speech verb",
        ),
        pytest.param(
            "Die neue Brücke wird im Herbst eröffnet. Das bestätigte Stadtrat Otto Bremer am Dienstag.",
            "Die neue Brücke wird im Herbst eröffnet",
            ("Otto Bremer", "PER"),
            id="Das + reported-speech verb",
        ),
        pytest.param(
            "Die Schule bleibt bis Mittwoch geschlossen. Das wurde vom Schulamt Kassel am Abend bekannt gegeben.",
            "Die Schule bleibt bis Mittwoch geschlossen",
            ("Schulamt Kassel", "ORG"),
            id="passive with the participle written apart",
        ),
    ],
)
def test_demonstrative_speech_sentence_reports_the_sentence_before(text, message, speaker):
    """`X geschah. Dies teilte Y mit.`: the demonstrative points back; the earlier sentence is
    Y's statement and the pointing sentence is no statement of its own."""
    qs, ents = tagged_quotes(text, dict([speaker]), {"gegeben": "VVPP"})
    q = find(qs, message)
    assert q.text == message
    assert q.kind == "indirect"
    assert ents[q.speaker] == speaker[0]
    assert len(qs) == 1


@pytest.mark.parametrize(
    "text, tags",
    [
        pytest.param(
            "Das neue Modell, auch „Stadtflitzer“ genannt, kommt im Mai auf den Markt.",
            {"genannt": "VVPP"},
            id="participle aside without auxiliary",
        ),
        pytest.param(
            "Die Mannschaft aus Bremen, welche oft als Favorit bezeichnet wurde, verlor am Sonntag deutlich.",
            {"welche": "PRELS", "bezeichnet": "VVPP"},
            id="relative clause",
        ),
        pytest.param(
            "Der Musiker Kid Bremer, wie er sich selbst gerne nannte, ist im Alter von 80 Jahren gestorben.",
            {"nannte": "VVFIN"},
            id="wie-clause",
        ),
    ],
)
def test_naming_verb_outside_the_main_clause_is_no_reported_speech(text, tags):
    """`nennen`/`bezeichnen` in an aside mean "called": the sentence reports no speech act."""
    qs, _ = tagged_quotes(text, {"Kid Bremer": "PER"}, tags)
    assert not [q for q in qs if q.kind == "reported"]


def test_naming_verb_of_the_main_clause_is_still_reported_speech():
    text = "Die Ministerin Eva Brandt nannte den Plan der Opposition am Montag einen Fehler."
    qs, ents = tagged_quotes(text, {"Eva Brandt": "PER"}, {"nannte": "VVFIN"})
    q = find(qs, "Die Ministerin")
    assert q.kind == "reported"
    assert ents[q.speaker] == "Eva Brandt"


@pytest.mark.parametrize(
    "text, org",
    [
        pytest.param(
            "Die Volksfront besetzte am Morgen das Rathaus. Ein Volksfrontsprecher sagte, man bleibe bis Freitag.",
            "Volksfront",
            id="joined compound",
        ),
        pytest.param(
            "Die Nordallianz meldete neue Gefechte. Ein Nordallianz-Sprecher erklärte, die Lage sei ruhig.",
            "Nordallianz",
            id="hyphenated compound",
        ),
    ],
)
def test_spokesperson_compound_speaks_for_the_organisation_it_names(text, org):
    """`ein Hamas-Sprecher`: the compound's first part names the organisation that speaks."""
    qs, ents = tagged_quotes(text, {org: "ORG"}, {})
    q = next(q for q in qs if q.kind == "indirect" and q.cue is not None)
    assert ents[q.speaker] == org


def test_spokesperson_compound_of_an_unnamed_body_stays_unresolved():
    text = "Die Volksfront besetzte das Rathaus. Ein Regierungssprecher sagte, man sei nicht bereit."
    qs, _ = tagged_quotes(text, {"Volksfront": "ORG"}, {})
    q = find(qs, "man sei")
    assert q.speaker is None
    assert q.speaker_text == "Ein Regierungssprecher"


def test_pluperfect_reported_speech_is_background_not_a_statement():
    """`X hatte … kritisiert` recalls an earlier speech act; `X kritisierte …` reports one."""
    tags = {"kritisiert": "VVPP", "kritisierte": "VVFIN", "hatte": "VAFIN"}
    names = {"Eva Brandt": "PER"}
    qs, _ = tagged_quotes("Eva Brandt hatte zuvor die Pläne des Senats scharf kritisiert.", names, tags)
    assert not [q for q in qs if q.kind == "reported"]
    qs, _ = tagged_quotes("Eva Brandt kritisierte am Montag die Pläne des Senats.", names, tags)
    assert [q for q in qs if q.kind == "reported"]


def test_agentless_passive_of_a_speech_verb_reports_no_statement():
    """`Als Ursache wurden technische Probleme genannt.`: nobody is said to speak; the sentence is no
    statement (and leaves the speaker of the sentences after it alone)."""
    text = "Das Konzert in Kassel wurde abgesagt. Als Ursache wurden technische Probleme genannt."
    qs, _ = tagged_quotes(text, {}, {"genannt": "VVPP", "wurden": "VAFIN"})
    assert qs == []


def test_speech_verb_without_a_clause_gives_its_speaker_to_the_konjunktiv_after_it():
    """`Radio Nord berichtete von schweren Schäden.` states nothing itself; the Konjunktiv sentence
    after it carries the station's account."""
    text = "Der Sender Radio Nord berichtete am Abend von schweren Schäden. Mehrere Häuser seien eingestürzt."
    qs, ents = tagged_quotes(text, {"Radio Nord": "ORG"}, {"berichtete": "VVFIN"})
    q = find(qs, "Mehrere Häuser")
    assert ents[q.speaker] == "Radio Nord"
    assert len(qs) == 1


def test_speech_verb_without_a_clause_carries_no_weak_konjunktiv():
    """Only an unambiguous Konjunktiv I carries the account on: `könnte` may be the reporter's own."""
    text = "Der Sender Radio Nord berichtete am Abend von schweren Schäden. Der Wiederaufbau könnte Jahre dauern."
    qs, _ = tagged_quotes(text, {"Radio Nord": "ORG"}, {"berichtete": "VVFIN"})
    assert qs == []


def test_office_of_an_organisation_with_its_holder_in_apposition_is_the_holder():
    """`die Fraktionschefin der Grünen, Renate Künast,`: the party is an attribute of the office;
    the person the apposition names speaks."""
    text = "Die Fraktionschefin der Linken, Eva Brandt, erklärte, das Gesetz sei verfassungswidrig."
    qs, ents = tagged_quotes(text, {"Linken": "ORG", "Eva Brandt": "PER"}, {})
    assert ents[find(qs, "das Gesetz").speaker] == "Eva Brandt"


def test_spokesperson_of_an_organisation_without_apposition_keeps_the_organisation():
    text = "Ein Sprecher der Linken erklärte, das Gesetz sei verfassungswidrig."
    qs, ents = tagged_quotes(text, {"Linken": "ORG"}, {})
    assert ents[find(qs, "das Gesetz").speaker] == "Linken"


def test_person_description_refers_back_to_the_person_before_its_sentence():
    """`sagte die SPD-Politikerin`: a description by party refers back like a pronoun, to the
    person named before the sentence, not to the one named in what was said."""
    text = (
        "Eva Brandt ist aus Paris zurückgekehrt. Bei dem Treffen mit Otto Bremer habe man Fortschritte "
        "gemacht, sagte die SPD-Politikerin."
    )
    qs, ents = tagged_quotes(text, {"Eva Brandt": "PER", "Otto Bremer": "PER"}, {})
    q = find(qs, "Bei dem Treffen")
    assert q.speaker_text == "die SPD-Politikerin"
    assert ents[q.speaker] == "Eva Brandt"


def test_indefinite_person_description_stays_unresolved():
    text = "Eva Brandt ist aus Paris zurückgekehrt. Die Lage sei ernst, sagte ein SPD-Politiker."
    qs, _ = tagged_quotes(text, {"Eva Brandt": "PER"}, {})
    assert find(qs, "Die Lage").speaker is None


def test_accusation_with_a_clause_reports_the_clause():
    """`X warf Y vor, …`: the accusation's content is the reported clause, X its speaker (before,
    the whole sentence was reported speech)."""
    text = "Die Bürgerliste warf dem Senat am Montag vor, er habe die Wähler getäuscht."
    qs, ents = tagged_quotes(text, {"Bürgerliste": "ORG", "Senat": "ORG"}, {"warf": "VVFIN"})
    q = find(qs, "er habe")
    assert q.kind == "indirect"
    assert q.text == "er habe die Wähler getäuscht"
    assert ents[q.speaker] == "Bürgerliste"


@pytest.mark.parametrize(
    "pronoun, person",
    [pytest.param("er", "Otto Bremer", id="er"), pytest.param("sie", "Eva Brandt", id="sie")],
)
def test_pronoun_speaker_agrees_in_gender_with_its_antecedent(pronoun, person):
    """`sagte er` after a woman and a man: the man, whoever was named last (and `sie` the woman)."""
    names = {"Otto Bremer": "PER", "Eva Brandt": "PER"}
    first, second = (
        ("Frau Eva Brandt", "Herrn Otto Bremer") if pronoun == "sie" else ("Herr Otto Bremer", "Frau Eva Brandt")
    )
    text = f"{first} traf am Montag {second} in Kassel. Die Gespräche seien gut gewesen, sagte {pronoun}."
    qs, ents = tagged_quotes(text, names, {})
    assert ents[find(qs, "Die Gespräche").speaker] == person


def test_indicative_sentence_of_a_named_actor_is_not_carried_from_the_earlier_speaker():
    """A Konjunktiv in a clause of `X bezweifelte …` belongs to X's sentence: it does not carry the
    previous speaker's statement on."""
    text = (
        "Der Minister Hans Weber sagte, die Lage sei ernst. Der Abgeordnete Jörg Tauss bezweifelte die "
        "Vereinbarkeit des Plans mit dem Grundgesetz, das eine Unschuldsvermutung vorsehe."
    )
    tags = {"sagte": "VVFIN", "bezweifelte": "VVFIN", "sei": "VAFIN", "vorsehe": "VVFIN"}
    qs, ents = tagged_quotes(text, {"Hans Weber": "PER", "Jörg Tauss": "PER"}, tags)
    carried = [q for q in qs if "Vereinbarkeit" in q.text]
    assert carried and all(ents.get(q.speaker) != "Hans Weber" for q in carried)


def test_danach_in_past_tense_narration_means_afterwards():
    """`Danach reiste er nach Paris.`: in a sentence told in the past tense `Danach` narrates what
    happened next; it is no pointer to the statement before."""
    docext.register_extensions()
    NAMES.clear()
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_names_as_entities")
    layer = nlp.add_pipe("newsgraph_quotes")
    text = "Die Ministerin sagte, die Lage sei ernst. Danach reiste sie nach Paris weiter."
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "newsgraph_quotes":
            break
        doc = proc(doc)
    for tok in doc:
        if tok.text == "reiste":
            tok.tag_ = "VVFIN"
            tok.set_morph("Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin")
    doc = layer(doc)
    assert not [q for q in doc._.quotes if q.text.startswith(("Danach", "reiste"))]


def test_headline_sums_up_and_reports_no_speech_of_its_own():
    """`Kassel nennt Ausbau der Bahnstrecke dringend` above the report is a summary, no statement;
    the same sentence in the body is reported speech."""
    title = "Der Bürgermeister nennt den Ausbau der Bahnstrecke dringend"
    tags = {"nennt": "VVFIN"}
    qs, _ = tagged_quotes(f"{title}\n\nKassel – Die Stadt will bis 2030 bauen.", {}, tags)
    assert not [q for q in qs if q.kind == "reported"]
    qs, _ = tagged_quotes(f"Kassel – Die Stadt will bis 2030 bauen. {title}.", {}, tags)
    assert [q for q in qs if q.kind == "reported"]


def test_reported_verb_coordinated_with_a_clause_cue_yields_the_clause():
    """`X nannte die Idee gut und sagte, er könne …`: the clause of the later speech verb is the
    statement, not the whole sentence as reported speech of the first verb."""
    text = "Die Ministerin Eva Brandt nannte den Plan mutig und sagte, sie könne sich eine Einigung vorstellen."
    qs, ents = tagged_quotes(text, {"Eva Brandt": "PER"}, {"nannte": "VVFIN", "sagte": "VVFIN"})
    q = find(qs, "sie könne")
    assert q.kind == "indirect"
    assert ents[q.speaker] == "Eva Brandt"
    assert not [x for x in qs if x.kind == "reported"]


def test_pronoun_speaker_prefers_the_subject_of_the_sentence_before():
    """`Bremer traf Weber. Er sagte, …`: with no speaker before, `er` is the subject of the sentence
    just before, not the person named last."""
    text = "Otto Bremer traf am Montag Hans Weber in Kassel. Er sagte, die Gespräche seien offen gewesen."
    qs, ents = tagged_quotes(text, {"Otto Bremer": "PER", "Hans Weber": "PER"}, {})
    assert ents[find(qs, "die Gespräche").speaker] == "Otto Bremer"


def test_admonition_verb_introduces_a_reported_clause():
    text = "Die Ministerin Eva Brandt mahnte, die Länder müssten sich bis Freitag einigen."
    qs, ents = tagged_quotes(text, {"Eva Brandt": "PER"}, {})
    q = find(qs, "die Länder")
    assert q.kind == "indirect" and ents[q.speaker] == "Eva Brandt"
