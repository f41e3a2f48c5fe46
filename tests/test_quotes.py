"""Tests of ``newsgraph_quotes``: one per phenomenon, on made-up but real-looking German news.

Detection is tested without entities (the layer must not depend on them); attribution is tested with
a stand-in entity layer that marks given names, so these tests do not depend on the NER model.
"""

from __future__ import annotations

import re
import time

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.pipeline import docext
from newsgraph.pipeline.quotes_lexicon import lexicon_for
from newsgraph.pipeline.quotes_marks import find_quoted_spans
from newsgraph.record import Entity, Mention, Time

from .conftest import SEED_GOLD, needs_shared

NAMES: dict[str, str] = {}  # surface -> type, set per test through make_nlp


@Language.component("test_names_as_entities")
def _names_as_entities(doc):
    """Stand-in entity layer: every occurrence of a configured name becomes a mention."""
    entities: list[Entity] = []
    for n, (name, typ) in enumerate(NAMES.items(), start=1):
        ent = Entity(id=f"e{n}", type=typ, name=name)
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", doc.text):
            ent.mentions.append(Mention(start=m.start(), end=m.end(), text=name))
        if ent.mentions:
            entities.append(ent)
    doc._.entities = entities
    return doc


def make_nlp(names: dict[str, str] | None = None, lang: str = "de") -> Language:
    docext.register_extensions()
    NAMES.clear()
    NAMES.update(names or {})
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_names_as_entities")
    nlp.add_pipe("newsgraph_quotes")
    return nlp


def quotes(text: str, names: dict[str, str] | None = None, lang: str = "de"):
    doc = make_nlp(names, lang)(text)
    by_id = {e.id: e.name for e in doc._.entities or []}
    for q in doc._.quotes:
        assert text[q.start : q.end] == q.text
        if q.cue:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker_span:
            assert text[q.speaker_span.start : q.speaker_span.end] == q.speaker_span.text
    return doc._.quotes, by_id


def find(qs, prefix: str):
    hits = [q for q in qs if q.text.startswith(prefix)]
    assert hits, f"no quote starting with {prefix!r} in {[q.text for q in qs]}"
    return hits[0]


# ---------------------------------------------------------------- quotation marks
@pytest.mark.parametrize(
    "opening, closing",
    [("„", "“"), ('"', '"'), ("»", "«"), ("«", "»"), ("‚", "‘"), ("'", "'"), ("“", "”")],
)
def test_direct_quote_in_every_mark_style(opening, closing):
    text = f"Die Ministerin sagte: {opening}Wir werden die Gespräche fortsetzen.{closing} Danach reiste sie ab."
    qs, _ = quotes(text)
    q = find(qs, "Wir werden")
    assert q.kind == "direct"
    assert q.text == "Wir werden die Gespräche fortsetzen."


def test_apostrophes_are_not_quote_marks():
    spans = find_quoted_spans("Das ist Bush' Sohn und That's it, sagte Jones’ Anwalt.", lexicon_for("de"))
    assert spans == []


def test_nested_quote_keeps_parent():
    text = "Der Sprecher sagte: „Der Minister nannte das ‚einen sehr wichtigen Schritt nach vorn‘ in der Sache.“"
    qs, _ = quotes(text)
    outer = find(qs, "Der Minister nannte")
    inner = find(qs, "einen sehr wichtigen")
    assert inner.nested_in == outer.id


def test_multi_paragraph_quote():
    text = (
        "Der Bürgermeister erklärte:\n\n„Wir haben lange verhandelt.\n\n"
        "„Am Ende stand ein Kompromiss, mit dem alle leben können.“\n\nDie Opposition schwieg."
    )
    qs, _ = quotes(text)
    q = find(qs, "Wir haben lange verhandelt")
    assert "Kompromiss" in q.text and q.kind == "direct"


def test_colon_at_end_of_previous_paragraph_introduces_quote():
    text = (
        "Die Agentur Interfax zitiert Oleg Petrow mit den Worten:\n\n"
        "„Die Verhandlungen waren schwierig, aber fair.“\n\nWeitere Details nannte er nicht."
    )
    qs, names = quotes(text, {"Interfax": "ORG", "Oleg Petrow": "PER"})
    q = find(qs, "Die Verhandlungen")
    assert q.kind == "direct"
    assert names[q.speaker] == "Oleg Petrow"
    assert names[q.via] == "Interfax"
    assert "zitiert" in q.cue.text and "Worten" in q.cue.text


def test_passive_zitiert_speaker_and_via():
    text = "Der Kanzler wird von der Nachrichtenagentur Reuters mit den Worten zitiert, es sei ein guter Tag gewesen."
    qs, names = quotes(text, {"Kanzler": "PER", "Reuters": "ORG"})
    q = find(qs, "es sei ein guter Tag")
    assert names[q.speaker] == "Kanzler" and names[q.via] == "Reuters"


# ---------------------------------------------------------------- partial quotes
def test_partial_quote_in_reporters_sentence():
    text = "Die Regierung begrüßte in einer Mitteilung die „offenen und ehrlichen Gespräche“ mit dem Nachbarland."
    qs, names = quotes(text, {"Regierung": "ORG"})
    q = find(qs, "offenen und ehrlichen")
    assert q.kind == "partial" and names[q.speaker] == "Regierung"


def test_short_quoted_name_without_cue_is_not_a_quote():
    qs, _ = quotes("Das Schiff „Gorch Fock“ lief am Morgen in Kiel ein.")
    assert qs == []


def test_von_seite_speaker_phrase_and_country_adjective():
    text = (
        "Polen und Litauen verhandeln weiter. "
        "Bei den von polnischer Seite als „konstruktiv“ bezeichneten Treffen ging es um Energie."
    )
    qs, names = quotes(text, {"Polen": "LOC", "Litauen": "LOC"})
    q = find(qs, "konstruktiv")
    assert q.kind == "partial"
    assert q.speaker_text == "von polnischer Seite"
    assert names[q.speaker] == "Polen"


# ---------------------------------------------------------------- indirect speech
def test_dass_clause_after_speech_verb():
    text = "Innenministerin Anna Berg erklärte am Dienstag in Berlin, dass die Grenzkontrollen verlängert werden."
    qs, names = quotes(text, {"Anna Berg": "PER", "Berlin": "LOC"})
    q = find(qs, "dass die Grenzkontrollen")
    assert q.kind == "indirect" and names[q.speaker] == "Anna Berg" and q.cue.text == "erklärte"


def test_konjunktiv_clause_after_comma():
    text = "Müller sagte weiter, der Verein habe keine Schulden."
    qs, names = quotes(text, {"Müller": "PER"})
    q = find(qs, "der Verein habe")
    assert q.kind == "indirect" and names[q.speaker] == "Müller"


def test_inverted_cue_after_clause():
    text = "Die Verhandlungen seien auf einem guten Weg, sagte der Sprecher des Ministeriums."
    qs, _ = quotes(text)
    q = find(qs, "Die Verhandlungen seien")
    assert q.speaker_text == "der Sprecher des Ministeriums" and q.speaker is None


def test_so_x_at_sentence_end():
    text = "Die Lage bleibe angespannt, so Schmidt."
    qs, names = quotes(text, {"Schmidt": "PER"})
    q = find(qs, "Die Lage bleibe")
    assert names[q.speaker] == "Schmidt" and q.cue.text == "so"


@pytest.mark.parametrize(
    "text, message, source",
    [
        ("Laut Polizei wurden drei Menschen verletzt.", "wurden drei Menschen", "Polizei"),
        ("Nach Angaben der Feuerwehr brach das Feuer im Keller aus.", "brach das Feuer", "Angaben der Feuerwehr"),
        ("Nach Polizeiangaben gab es keine Verletzten.", "gab es keine", "Polizeiangaben"),
        ("Dem Bericht zufolge sank die Zahl der Anträge deutlich.", "sank die Zahl", "Dem Bericht"),
    ],
)
def test_prepositional_sources(text, message, source):
    qs, _ = quotes(text)
    q = find(qs, message)
    assert q.kind == "indirect" and q.speaker_text == source


def test_heisst_es_points_back_to_earlier_statement():
    text = (
        "Die Stiftung Nordlicht veröffentlichte am Montag eine Erklärung zu dem Projekt. "
        "Die Arbeiten würden sich verzögern, heißt es in der Erklärung."
    )
    qs, names = quotes(text, {"Stiftung Nordlicht": "ORG"})
    q = find(qs, "Die Arbeiten würden")
    assert q.speaker_text == "in der Erklärung"
    assert q.speaker is None or names[q.speaker] == "Stiftung Nordlicht"


def test_free_indirect_speech_continues_statement():
    text = (
        "Der Trainer sagte am Sonntag, die Mannschaft sei gut vorbereitet. "
        "Die Verletzten könnten bis zum Spiel zurückkehren."
    )
    qs, _ = quotes(text)
    q = find(qs, "Die Verletzten könnten")
    assert q.free_indirect and q.speaker_text == "Der Trainer"


def test_separable_verb_needs_its_particle():
    qs, _ = quotes("Der Konzern teilte den Gewinn unter den Aktionären auf.")
    assert qs == []
    qs, _ = quotes("Der Konzern teilte am Freitag mit, dass der Gewinn gestiegen sei.")
    assert find(qs, "dass der Gewinn").cue.text == "teilte"


# ---------------------------------------------------------------- reported speech
def test_reported_speech_speech_act_verb():
    text = "Der Außenminister nannte das Treffen konstruktiv."
    qs, names = quotes(text, {"Außenminister": "PER"})
    q = find(qs, "Der Außenminister nannte")
    assert q.kind == "reported" and names[q.speaker] == "Außenminister"


# ---------------------------------------------------------------- attribution
def test_pronoun_speaker_resolves_to_latest_person():
    text = (
        "Karl Weber traf am Montag Petra Lang. Karl Weber sagte danach: „Wir sind uns einig.“ "
        "Er sagte, man werde sich wieder treffen."
    )
    qs, names = quotes(text, {"Petra Lang": "PER", "Karl Weber": "PER"})
    q = find(qs, "man werde sich")
    assert q.speaker_text == "Er" and names[q.speaker] == "Karl Weber"


def test_fronted_adverbial_puts_subject_after_verb():
    text = "Am Freitag sagte Bürgermeisterin Eva Kraus, dass die Brücke gesperrt bleibe."
    qs, names = quotes(text, {"Eva Kraus": "PER"})
    q = find(qs, "dass die Brücke")
    assert names[q.speaker] == "Eva Kraus"


def test_medium_of_interview_is_via():
    text = "Der Minister sagte der Zeitung Tagespost, die Reform komme im Herbst."
    qs, names = quotes(text, {"Minister": "PER", "Tagespost": "ORG"})
    q = find(qs, "die Reform komme")
    assert names[q.speaker] == "Minister" and names[q.via] == "Tagespost"


def test_editorial_insertions_are_marked():
    text = "Er sagte: „Das Treffen am Montag [3. März] war gut für die [beiden] Länder.“"
    qs, _ = quotes(text)
    q = find(qs, "Das Treffen")
    assert [i.text for i in q.insertions] == ["[3. März]", "[beiden]"]
    assert all(text[i.start : i.end] == i.text for i in q.insertions)


def test_times_inside_quotes_are_marked():
    nlp = make_nlp()
    text = "Sie sagte: „Am Montag beginnen die Gespräche.“ Am Dienstag reiste sie ab."
    doc = nlp.make_doc(text)
    inside = Time(start=text.index("Montag"), end=text.index("Montag") + 6, text="Montag", type="DATE", value=None)
    outside = Time(
        start=text.index("Dienstag"), end=text.index("Dienstag") + 8, text="Dienstag", type="DATE", value=None
    )
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "test_names_as_entities":
            doc._.times = [inside, outside]
    assert inside.inside_quote and not outside.inside_quote


# ---------------------------------------------------------------- robustness
@pytest.mark.parametrize(
    "text",
    [
        '"' * 10000,
        "„" * 5000 + "“" * 5000,
        "Er sagte: „Das ist ein Zitat ohne Ende. " + "Und es geht weiter. " * 2000,
        "„Ein ganzer Artikel als Zitat. " + "Satz für Satz. " * 3000 + "“",
        "»Falsch« herum «und» ‚gemischt“ ' \" „ “ ” ‚ ‘",
        "",
    ],
)
def test_odd_marks_do_not_crash_and_stay_fast(text):
    """Times the layers, not spaCy's tokenizer (which is itself slow on long runs of marks), so
    the Doc is built from pre-split words."""
    nlp = make_nlp()
    words = re.findall(r"\w+|[^\w\s]|\s+", text)
    doc = Doc(nlp.vocab, words=[w for w in words], spaces=[False] * len(words))
    assert doc.text == text
    t0 = time.perf_counter()
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert time.perf_counter() - t0 < 10
    for q in doc._.quotes:
        assert text[q.start : q.end] == q.text


def test_unbalanced_mark_is_dropped_or_bounded():
    text = "Der Vorstand nannte das „wichtig. Danach folgte die Abstimmung.\n\nEin neuer Absatz ohne Zitat."
    qs, _ = quotes(text)
    assert all("neuer Absatz" not in q.text for q in qs)


def test_linear_time_in_number_of_marks():
    # CPU time, best of three after a warm-up: wall time on a shared machine measures the neighbours
    nlp = make_nlp()
    small, big = '"a" ' * 1000, '"a" ' * 8000
    nlp(small)

    def cost(text: str) -> float:
        runs = []
        for _ in range(3):
            t = time.process_time()
            nlp(text)
            runs.append(time.process_time() - t)
        return min(runs)

    # eight times the marks: linear costs about 8x, quadratic 64x
    assert cost(big) < 30 * max(cost(small), 0.01)


# ---------------------------------------------------------------- English
def test_english_direct_and_indirect():
    text = 'The minister said: "We will continue the talks." Later she said that the deal was close.'
    qs, _ = quotes(text, {"minister": "PER"}, lang="en")
    assert find(qs, "We will continue").kind == "direct"
    assert find(qs, "that the deal").kind == "indirect"


# ---------------------------------------------------------------- founding article
@needs_shared
def test_founding_article_all_gold_quotes_found(seed_text):
    """Detection with the real pipeline: every gold quote is found (gold matching rule)."""
    import json
    import unicodedata

    import newsgraph

    def norm(s: str) -> str:
        return unicodedata.normalize("NFC", s).casefold().strip(" \t\n.,;:!?\"'„“”»«‚‘’()[]")

    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    record = newsgraph.extract(seed_text, lang="de")
    assert record.span_errors() == []
    for g in gold["quotes"]:
        want = norm(g["starts_with"])
        assert any(norm(q.text).startswith(want) or want in norm(q.text)[: 40 + len(want)] for q in record.quotes), g


# ---------------------------------------------------------------- one quote per statement
def test_fragment_at_clause_start_is_the_quote_with_its_clause():
    """`erklärte, dass beide Länder "die Notwendigkeit …"`: the statement is listed once — the
    speaker's quoted words as the quote, the reported clause kept on it as ``clause``."""
    text = 'Der Minister erklärte am Abend, dass beide Seiten "die Lage genau verstanden haben".'
    qs, names = quotes(text, {"Minister": "PER"})
    assert len(qs) == 1
    q = qs[0]
    assert q.kind == "partial" and q.text == "die Lage genau verstanden haben"
    assert q.clause is not None and q.clause.text.startswith("dass beide Seiten")
    assert names[q.speaker] == "Minister" and q.cue.text == "erklärte"


def test_fragment_deep_in_clause_stays_inside_the_clause_quote():
    text = (
        "Die Sprecherin der Behörde teilte mit, dass die Bauarbeiten an der Brücke im Norden der "
        'Stadt wegen des Wetters "erheblich länger dauern" würden.'
    )
    qs, _ = quotes(text)
    assert len(qs) == 1
    q = qs[0]
    assert q.kind == "indirect" and q.text.startswith("dass die Bauarbeiten")
    assert [f.text for f in q.fragments] == ["erheblich länger dauern"]


def test_fragment_of_reported_speech_is_the_quote():
    """Reported speech has a whole sentence as content: the quoted words are what was said."""
    text = 'Der Rat begrüßte nach dem Treffen in Genf die "offenen und konstruktiven Gespräche".'
    qs, names = quotes(text, {"Rat": "ORG"})
    assert [q.text for q in qs] == ["offenen und konstruktiven Gespräche"]
    assert qs[0].clause.text.startswith("Der Rat begrüßte") and names[qs[0].speaker] == "Rat"


def test_quoted_part_of_a_compound_is_a_term_not_the_quote():
    text = "Ein Sprecher schränkte das Angebot ein, dass nicht an eine „Eins zu Eins“-Begegnung gedacht sei."
    qs, _ = quotes(text)
    assert len(qs) == 1 and qs[0].text.startswith("dass nicht an eine")


def test_quoted_name_next_to_a_cue_is_not_a_quote():
    text = "Der Minister sagte im „Deutschlandfunk“, die Truppe sei gut vorbereitet."
    qs, _ = quotes(text)
    assert [q.text for q in qs] == ["die Truppe sei gut vorbereitet"]


# ---------------------------------------------------------------- free indirect with own subject
@Language.component("test_finite_verbs")
def _finite_verbs(doc):
    """Stand-in tagger: STTS finite-verb tags for the verbs these tests use."""
    for tok in doc:
        if tok.lower_ in {"vertritt", "erklarte", "verlautbarte", "ist", "sei", "habe"}:
            tok.tag_ = "VVFIN"
    return doc


def test_konjunktiv_clause_after_unlisted_verb_takes_that_subject():
    """`Der Anwalt vertritt die Ansicht, …` names its own speaker: a Konjunktiv clause after an
    unlisted verb is not carried on from the earlier speaker."""
    docext.register_extensions()
    NAMES.clear()
    NAMES.update({"Müller": "PER", "Schmidt": "PER"})
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_finite_verbs")
    nlp.add_pipe("test_names_as_entities")
    nlp.add_pipe("newsgraph_quotes")
    text = (
        "Müller sagte am Montag, das Verfahren sei fehlerhaft. "
        "Sein Anwalt Schmidt vertritt die Ansicht, das Urteil habe keinen Bestand. "
        "Die Zeugen seien nicht glaubwürdig."
    )
    doc = nlp(text)
    by_id = {e.id: e.name for e in doc._.entities}
    q = find(doc._.quotes, "das Urteil habe")
    assert by_id[q.speaker] == "Schmidt" and q.cue.text == "vertritt" and not q.free_indirect
    # the next cue-less Konjunktiv sentence carries the new speaker on
    assert by_id[find(doc._.quotes, "Die Zeugen seien").speaker] == "Schmidt"


@needs_shared
def test_founding_article_lists_each_statement_once(seed_record):
    """Gold convention: a statement with embedded quoted fragments is one quote, so every gold
    quote matches exactly one quote of the record (no clause listed beside its fragment)."""
    import json
    import unicodedata

    def norm(s: str) -> str:
        return unicodedata.normalize("NFC", s).casefold().strip(" \t\n.,;:!?\"'„“”»«‚‘’()[]")

    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    unused = [q for q in seed_record.quotes if q.nested_in is None]
    for g in gold["quotes"]:  # the scorer's rule: the quote where the opening words stand earliest
        want = norm(g["starts_with"])
        hits = [(pos, i) for i, q in enumerate(unused) if 0 <= (pos := norm(q.text).find(want)) <= 40]
        assert hits, g["starts_with"]
        unused.pop(min(hits)[1])
    assert [q.text[:40] for q in unused] == []


def test_unlisted_inverted_verb_names_the_speaker():
    """`…, verlautbarte Peter Sharp, der Direktor …`: a finite verb after a Konjunktiv statement,
    followed by a named subject, is an inverted cue even when the verb is not in the lexicon."""
    docext.register_extensions()
    NAMES.clear()
    NAMES.update({"Peter Sharp": "PER"})
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_finite_verbs")
    nlp.add_pipe("test_names_as_entities")
    nlp.add_pipe("newsgraph_quotes")
    doc = nlp("Die Ursache des Unglücks sei noch unklar, verlautbarte Peter Sharp, der Direktor der Reederei.")
    q = find(doc._.quotes, "Die Ursache des Unglücks sei noch unklar")
    assert q.speaker_text == "Peter Sharp" and q.cue.text == "verlautbarte" and q.end == doc.text.index(",")


def test_quoted_sentence_standing_alone_is_the_latest_persons():
    text = (
        "Der Kanzler Gerhard Schröder stellte am Montag in Berlin seinen Plan für den Arbeitsmarkt vor.\n"
        "„Ich rechne damit, dass es uns gelingt, die Arbeitslosigkeit deutlich zu senken.“"
    )
    qs, names = quotes(text, {"Gerhard Schröder": "PER"})
    q = find(qs, "Ich rechne damit")
    assert q.kind == "direct" and names[q.speaker] == "Gerhard Schröder"


def test_inverted_speaker_with_neuter_article():
    """`„…“, begründet das Gericht seine Entscheidung`: `das` is the article of the speaker here,
    and the quoted words never name their own speaker."""
    text = "„Eine Beihilfe zu einem Delikt ist selbst ein Delikt“, begründet das Gericht seine Entscheidung."
    qs, names = quotes(text, {"Gericht": "ORG"})
    q = find(qs, "Eine Beihilfe")
    assert q.speaker_text == "das Gericht" and names[q.speaker] == "Gericht"


def test_subject_with_named_apposition_beats_named_object():
    """`Der Parteichef, Edmund Stoiber, warf der SPD … vor`: the name in the apposition makes the
    fronted phrase the subject; the named dative object after the verb is not the speaker."""
    text = "Der bayerische Parteichef, Edmund Stoiber, warf der SPD eine schreckliche Fehlentwicklung vor."
    qs, _ = quotes(text, {"Edmund Stoiber": "PER", "SPD": "ORG"})
    assert len(qs) == 1 and qs[0].speaker_text == "Der bayerische Parteichef"
