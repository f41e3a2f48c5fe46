"""Speaker attribution of ``newsgraph_quotes`` with the shipped German model (tagger and parser).

One test per phenomenon found in the speaker errors on the development split of spkatt2023_news
(``benchmarks/bench_quotes.py --split dev --only speaker``); the sentences are made up. These
rules read the tagger's STTS tags and the parser's subject, so, unlike ``test_quotes.py``, the tests
run the real pipeline up to the quote layer.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def run(nlp_de):
    """Text -> (quotes, entity id -> name), running the pipeline up to the quote layer."""

    def _run(text: str):
        doc = nlp_de.make_doc(text)
        for name, proc in nlp_de.pipeline:
            doc = proc(doc)
            if name == "newsgraph_quotes":
                break
        for q in doc._.quotes:
            assert text[q.start : q.end] == q.text
            if q.speaker_span is not None:
                assert text[q.speaker_span.start : q.speaker_span.end] == q.speaker_span.text
        return doc._.quotes, {e.id: e.name for e in doc._.entities or []}

    return _run


def find(qs, starts: str):
    hits = [q for q in qs if q.text.startswith(starts)]
    assert hits, f"no quote starts with {starts!r}: {[q.text for q in qs]}"
    return hits[0]


def test_fronted_adverbial_is_not_the_speaker(run):
    """`Am Dienstag sagte der 67-jährige …`, `Im Vorfeld hatte das Landesamt betont …`: a fronted
    time or place phrase puts the subject after the finite verb."""
    qs, _ = run(
        "Brand im Stadtwald\n\n"
        "Am Dienstag sagte der 67-jährige in einem Gespräch mit Reportern, dass er das Feuer nicht bemerkt habe.\n"
        "Im Vorfeld hatte das zuständige Landesamt betont, dass die Waldbrandgefahr hoch sei."
    )
    assert find(qs, "dass er das Feuer").speaker_text == "der 67-jährige"
    assert find(qs, "dass die Waldbrandgefahr").speaker_text.startswith("das zuständige Landesamt")


def test_particle_then_subject_not_the_object(run):
    """`Auch die Vorsitzende X äußerte Bedenken und wagte die Prognose, …`: the phrase after the
    particle is the subject; `Bedenken` after the verb is its object."""
    qs, _ = run(
        "Haushalt\n\n"
        "Auch die stellvertretende Vorsitzende Maria Keller äußerte Bedenken und wagte die Prognose, "
        "bei der Abstimmung würden nicht alle Abgeordneten zustimmen."
    )
    assert "Maria Keller" in find(qs, "bei der Abstimmung").speaker_text


def test_verb_after_und_shares_the_first_subject(run):
    """`X unterschrieb … und nannte Merkels Angebot „…“`: a finite verb right after `und` has no
    subject of its own, so the object after it (`Merkels Angebot`) is not the speaker."""
    qs, _ = run(
        "Tarifstreit beendet\n\n"
        "In ihrer Stellungnahme unterschrieb die Gewerkschaftschefin Petra Lange den Vertrag "
        "und nannte Merkels Angebot „einen echten Durchbruch für die Beschäftigten“."
    )
    assert "Petra Lange" in find(qs, "einen echten Durchbruch").speaker_text


def test_apposition_before_the_verb_is_not_an_inverted_cue(run):
    """`Peter Brandt, Sprecher der Feuerwehr, sprach von einer „…“`: the comma before the verb
    closes an apposition, not a statement (`„…“, sagte er`), and `von einer …` is no subject."""
    qs, _ = run(
        "Hochwasser\n\nPeter Brandt, Sprecher der Feuerwehr Cottbus, sprach von einer „Gefahr für die Anwohner“."
    )
    q = find(qs, "Gefahr für die Anwohner")
    assert q.speaker_text is not None and q.speaker_text.startswith("Peter")
    assert not any(q.text.startswith("Peter Brandt") for q in qs)


def test_colon_introduces_the_words_of_the_phrase_before_it(run):
    """`Landrat Thomas Weber: „…“` and `In seiner Mitteilung resümiert X: „…“`: no listed cue,
    but the colon announces the words of the phrase (or the clause's subject) before it."""
    qs, _ = run(
        "Nach dem Sturm\n\n"
        "Die Aufräumarbeiten dauern an.\n"
        "Landrat Thomas Weber: „Wir tun alles, was in unserer Macht steht.“\n"
        "In seiner Mitteilung resümiert der Anwalt Jens Hoffmann: "
        "„Das Verfahren hat meinem Mandanten schwer geschadet.“"
    )
    assert "Thomas Weber" in find(qs, "Wir tun alles").speaker_text
    assert "Jens Hoffmann" in find(qs, "Das Verfahren hat").speaker_text


def test_colon_line_without_cue_leaves_the_quote_its_own_cue(run):
    """`… war Trainer X zufrieden:` + `„…“, sagte er …`: the announcing line has no cue, the quote's
    own `sagte er` names the speaker."""
    qs, names = run(
        "Pokalspiel\n\n"
        "Die Gäste hatten früh geführt.\n"
        "Nach dem Abpfiff war Trainer Klaus Berger zufrieden:\n"
        "„Ein verdienter Sieg“, sagte er dem Sender."
    )
    q = find(qs, "Ein verdienter Sieg")
    assert q.speaker_text == "er"
    assert q.speaker is not None and "Berger" in names[q.speaker]


def test_fragment_in_indicative_sentence_is_its_subjects(run):
    """`Umweltverbände rechnen mit „…“`: a quoted fragment in a sentence without a listed cue and
    without Konjunktiv is the subject's wording, not the previous speaker's."""
    qs, _ = run(
        "Neue Autobahn\n\n"
        "Verkehrsminister Frank Albers sagte, die Strecke werde 2030 fertig.\n"
        "Umweltverbände rechnen dagegen mit „erheblichen Schäden für das Moor“."
    )
    assert find(qs, "erheblichen Schäden").speaker_text == "Umweltverbände"


def test_heisst_es_with_fronted_document(run):
    """`In der Mitteilung des Verbandes heißt es weiter, …`: `weiter` names no source; the fronted
    document does."""
    qs, _ = run(
        "Strompreise\n\nIn der Mitteilung des Verbandes heißt es weiter, die Preise würden im Herbst deutlich steigen."
    )
    assert find(qs, "die Preise würden").speaker_text == "In der Mitteilung des Verbandes"


def test_coordinated_subject_is_one_phrase(run):
    """`Die Regierungen von Spanien und Portugal haben erklärt`: `und` inside the subject does not
    open a new clause (no finite verb before it)."""
    qs, _ = run(
        "Gipfel\n\nDie Regierungen von Spanien und Portugal haben erklärt, dass sie die Mission unterstützen werden."
    )
    assert find(qs, "dass sie die Mission").speaker_text.startswith("Die Regierungen")


def test_source_phrase_inside_the_content_clause(run):
    """`Ein Sprecher sagte, nach ersten Erkenntnissen sei …`: the prepositional source sits in the
    clause the speech verb governs; the spokesman is the speaker."""
    qs, _ = run(
        "Unfall\n\nEin Sprecher der Stadtwerke sagte am Abend, nach ersten Erkenntnissen sei niemand verletzt worden."
    )
    q = find(qs, "nach ersten Erkenntnissen")
    assert q.speaker_text.startswith("Ein Sprecher der Stadtwerke")


def test_free_indirect_after_an_actor_sentence(run):
    """`Die Deutsche Bahn hält daran fest.` + `Die Planung sei …`: a sentence between the last
    statement and a cue-less Konjunktiv sentence names an actor; the Konjunktiv carries that
    actor's position, not the older statement's."""
    qs, _ = run(
        "Streit um Neubau\n\n"
        "Die Bürgerinitiative Grünes Tal sagte, der Neubau zerstöre den Park.\n"
        "Die Planung ist seit Jahren umstritten.\n"
        "Die Deutsche Bahn hält an dem Projekt fest.\n"
        "Die Planung sei mit allen Beteiligten abgestimmt worden."
    )
    q = find(qs, "Die Planung sei")
    assert q.free_indirect
    assert q.speaker_text == "Die Deutsche Bahn"


def test_free_indirect_about_the_actor_keeps_the_earlier_speaker(run):
    """`Obama habe …` right after a sentence about Obama: the person talked about is not the one
    talking, so the earlier speaker carries on."""
    qs, _ = run(
        "Preisverleihung\n\n"
        "Das Komitee in Oslo erklärte, der Preis gehe an Präsident Barack Obama.\n"
        "Die Ehrung kam für viele überraschend.\n"
        "Barack Obama war selbst überrascht.\n"
        "Barack Obama habe ein völlig neues Klima in der Welt geschaffen."
    )
    q = find(qs, "Barack Obama habe")
    assert q.speaker_text == "Das Komitee"


def test_wie_clause_after_a_particle(run):
    """`Denn wie die „Rundschau“ berichtete, …`: the source clause may follow a particle."""
    qs, _ = run(
        "Sänger erkrankt\n\n"
        "Denn wie die „Rundschau“-Zeitung am Freitag berichtete, leidet der Sänger an einer schweren Krankheit."
    )
    assert "Rundschau" in find(qs, "leidet der Sänger").speaker_text


def test_auxiliary_apposition_participle(run):
    """`Vor kurzem hatte ein Rebellenführer, X, erklärt, …`: an apposition between auxiliary and
    participle; the subject stands right after the auxiliary."""
    qs, _ = run(
        "Grenzkonflikt\n\n"
        "Vor kurzem hatte ein Rebellenführer, Ahmad Karimi, erklärt, die Kämpfer würden die Waffen niederlegen."
    )
    assert find(qs, "die Kämpfer würden").speaker_text == "ein Rebellenführer"


def test_agentless_passive_names_the_document(run):
    """`So wird in einer Pressemitteilung des Verbandes gefordert, dass …`: no agent, the document."""
    qs, _ = run(
        "Mieten\n\n"
        "So wird in einer Pressemitteilung des Mieterbundes gefordert, dass die Mietpreisbremse verlängert werde."
    )
    assert find(qs, "dass die Mietpreisbremse").speaker_text == "in einer Pressemitteilung des Mieterbundes"


def test_colon_quote_before_a_later_heisst_es(run):
    """`X schrieb bei Twitter: „…“, weiter hieß es, …`: the `hieß es` after the quote starts the
    next statement; the clause before the colon introduces the quote."""
    qs, _ = run(
        "Anschlag\n\n"
        "Regierungssprecher Klaus Brenner schrieb bei Twitter: „Das sind schreckliche Nachrichten aus Lyon“, "
        "weiter hieß es, dass die Gedanken bei den Familien seien."
    )
    assert "Klaus Brenner" in find(qs, "Das sind schreckliche").speaker_text


def test_cue_verb_in_a_subordinate_clause(run):
    """`…, da sie befürchten, …`, `einen Brief, in dem er forderte, dass …`: a cue verb at the
    end of a subordinate or relative clause has that clause's subject, not the main clause's."""
    qs, _ = run(
        "Tierheim\n\n"
        "Die Leiterinnen des Tierheims haben gegen die Gebühr protestiert, da sie befürchten, "
        "viele Halter könnten ihre Hunde abgeben.\n"
        "Der Unbekannte hinterließ einen Brief, in dem er forderte, dass die Polizei nicht eingeschaltet werde."
    )
    assert find(qs, "viele Halter könnten").speaker_text == "sie"
    assert find(qs, "dass die Polizei").speaker_text == "er"


def test_colon_line_with_relative_clause(run):
    """`Der Ermittler, der als Zeuge gilt, will …:` + `„…“`: the main clause's subject introduces
    the quote, not the relative pronoun of `der … gilt`."""
    qs, _ = run(
        "Prozess\n\n"
        "Der Ermittler, der als wichtiger Zeuge gilt, will nach dem Urteil in den Ruhestand gehen:\n"
        "„Einen größeren Fall wird es für mich nicht mehr geben!“"
    )
    assert find(qs, "Einen größeren Fall").speaker_text == "Der Ermittler"
