"""``newsgraph_entities``: one test per phenomenon, on German news-style sentences.

Most tests run the layer on a blank German pipeline (tokenizer only), so they test the layer's own
knowledge and do not move when the statistical model is retrained; merge behaviour is tested by
setting ``doc.ents`` by hand, as a model would. The gold checks at the end use the full default
pipeline (with the shipped model when present) and the gold files in ../shared.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

import newsgraph.pipeline  # registers the factories (and newsgraph.extract below)
from newsgraph.pipeline.docext import entity_for_span

from .conftest import SEED_GOLD, first_wikinews_gold, needs_shared

OTHER_LAYERS = ["newsgraph_times", "newsgraph_quotes", "newsgraph_events"]


@pytest.fixture(scope="module")
def blank_de():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsgraph_entities")
    return nlp


def run(nlp, text: str, ents: list[tuple[str, str]] | None = None) -> Doc:
    """Run the layer; ``ents`` = (text, label) pairs a statistical model would have predicted."""
    doc = nlp.make_doc(text)
    if ents:
        spans, pos = [], 0
        for surface, label in ents:  # in text order
            start = text.index(surface, pos)
            pos = start + len(surface)
            spans.append(doc.char_span(start, pos, label=label))
        doc.ents = spans
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    for ent in doc._.entities:
        for m in ent.mentions:
            assert text[m.start : m.end] == m.text
        for r in ent.roles:
            assert text[r.start : r.end] == r.title
    return doc


def entity(doc: Doc, mention: str):
    found = [e for e in doc._.entities if any(m.text == mention for m in e.mentions)]
    assert len(found) == 1, f"{mention!r}: {[(e.name, [m.text for m in e.mentions]) for e in doc._.entities]}"
    return found[0]


# --- gazetteers -----------------------------------------------------------------------------


def test_countries_in_the_genitive_are_places_with_iso_ids(blank_de):
    doc = run(blank_de, "Am Montag trafen sich die Sicherheitsberater Russlands und der USA in Genf.")
    russia, usa, geneva = entity(doc, "Russlands"), entity(doc, "USA"), entity(doc, "Genf")
    assert (russia.type, russia.name, russia.kb_id) == ("LOC", "Russia", "iso3166:RU")
    assert (usa.name, usa.kb_id) == ("United States", "iso3166:US")
    assert (geneva.type, geneva.name) == ("LOC", "Geneva")
    assert not any(e.type == "PER" for e in doc._.entities)  # "Sicherheitsberater" names nobody


def test_island_is_iceland_even_when_the_model_says_otherwise(blank_de):
    doc = run(blank_de, "Die beiden Minister hatten sich in Island getroffen.", ents=[("Island", "MISC")])
    iceland = entity(doc, "Island")
    assert (iceland.type, iceland.name, iceland.kb_id) == ("LOC", "Iceland", "iso3166:IS")


def test_inflected_organisation_forms_are_one_entity(blank_de):
    doc = run(
        blank_de,
        "Der UN-Sicherheitsrat tagte. Eine Resolution des UN-Sicherheitsrates scheiterte. "
        "Die Vereinten Nationen und das Weiße Haus äußerten sich; ein Sprecher des Weißen Hauses schwieg.",
    )
    council = entity(doc, "UN-Sicherheitsrat")
    assert council.name == "United Nations Security Council"
    assert {m.text for m in council.mentions} == {"UN-Sicherheitsrat", "UN-Sicherheitsrates"}
    assert entity(doc, "Vereinten Nationen").name == "United Nations"
    assert {m.text for m in entity(doc, "Weiße Haus").mentions} == {"Weiße Haus", "Weißen Hauses"}


def test_news_agencies_are_organisations(blank_de):
    doc = run(blank_de, "Die russische Nachrichtenagentur TASS und die Agentur Interfax meldeten, laut dpa und AFP.")
    for agency in ("TASS", "Interfax", "dpa", "AFP"):
        assert entity(doc, agency).type == "ORG"


def test_government_body_of_a_country_is_one_organisation(blank_de):
    doc = run(blank_de, "Der Sicherheitsrat der Russischen Föderation begrüßte die Gespräche.")
    body = entity(doc, "Sicherheitsrat der Russischen Föderation")
    assert body.type == "ORG"
    assert [e.type for e in doc._.entities] == ["ORG"]  # the country inside is no separate mention


def test_country_prefixed_ministry_compound_is_an_organisation(blank_de):
    doc = run(blank_de, "Das US-Außenministerium und das russische Außenministerium widersprachen.")
    assert entity(doc, "US-Außenministerium").type == "ORG"
    assert entity(doc, "russische Außenministerium").type == "ORG"


def test_compass_compound_of_a_place_is_a_place(blank_de):
    doc = run(blank_de, "Im Nordkosovo kam es zu Protesten.")
    assert entity(doc, "Nordkosovo").type == "LOC"


def test_state_word_before_a_country_names_the_country(blank_de):
    doc = run(blank_de, "Er sprach über die Existenz der Republik Israel und über Israel.")
    israel = entity(doc, "Israel")
    assert {m.text for m in israel.mentions} == {"Republik Israel", "Israel"}


# --- offices and titles ---------------------------------------------------------------------


def test_office_before_a_name_makes_a_person_with_a_role(blank_de):
    doc = run(blank_de, "Ein Treffen zwischen dem US-Präsidenten Joe Biden und Wladimir Putin ist geplant.")
    biden = entity(doc, "Joe Biden")
    assert biden.type == "PER"
    assert [r.title for r in biden.roles] == ["US-Präsidenten"]


def test_office_with_genitive_complement_and_apposition(blank_de):
    text = (
        "Gespräche zwischen Nikolai Patruschew und dem nationalen Sicherheitsberater des US-Präsidenten, "
        "Jake Sullivan."
    )
    doc = run(blank_de, text)
    sullivan = entity(doc, "Jake Sullivan")
    assert [r.title for r in sullivan.roles] == ["nationalen Sicherheitsberater des US-Präsidenten"]
    assert entity(doc, "Nikolai Patruschew").roles == []


def test_compound_offices_are_titles(blank_de):
    doc = run(blank_de, "Kremlsprecher Dmitri Peskow widersprach. Bundeskanzlerin Angela Merkel schwieg.")
    peskov = entity(doc, "Dmitri Peskow")
    assert (peskov.name, [r.title for r in peskov.roles]) == ("Dmitri Peskov", ["Kremlsprecher"])
    assert [r.title for r in entity(doc, "Angela Merkel").roles] == ["Bundeskanzlerin"]


def test_a_bare_or_inflected_office_refers_back_to_the_compound_office_it_shortens(blank_de):
    # ``der Kanzler`` after ``Bundeskanzler``, the genitive ``des Bundeskanzlers``, ``der Ministerin``
    # after ``Innenministerin`` and ``des Papstes`` after ``Papst`` are the person named with the office
    text = (
        "Bundeskanzler Rainer Holm traf Innenministerin Petra Lenz und Papst Clemens. "
        "Der Kanzler lobte die Ministerin. Ein Besuch des Bundeskanzlers und des Papstes ist geplant."
    )
    doc = run(blank_de, text)
    holm, lenz, pope = entity(doc, "Rainer Holm"), entity(doc, "Petra Lenz"), entity(doc, "Clemens")
    assert [r.title for r in holm.roles] == ["Bundeskanzler", "Kanzler", "Bundeskanzlers"]
    assert [r.title for r in lenz.roles] == ["Innenministerin", "Ministerin"]
    assert [r.title for r in pope.roles] == ["Papst", "Papstes"]


def test_plural_office_is_shared_by_coordinated_names(blank_de):
    doc = run(blank_de, "Am 19. Mai hatten sich die beiden Außenminister Antony Blinken und Sergei Lawrow getroffen.")
    assert [r.title for r in entity(doc, "Antony Blinken").roles] == ["Außenminister"]
    assert [r.title for r in entity(doc, "Sergei Lawrow").roles] == ["Außenminister"]


def test_office_after_a_name_in_apposition(blank_de):
    doc = run(blank_de, "Günther Platter, der Verteidigungsminister Österreichs, sagte zum Abschluss etwas.")
    platter = entity(doc, "Günther Platter")
    assert [r.title for r in platter.roles] == ["Verteidigungsminister Österreichs"]
    assert entity(doc, "Österreichs").type == "LOC"


def test_title_only_reference_joins_the_person_as_a_role_not_a_mention(blank_de):
    text = "US-Außenminister Antony Blinken reiste nach Kiew. Dort sagte der US-Außenminister, man stehe bereit."
    doc = run(blank_de, text)
    blinken = entity(doc, "Antony Blinken")
    assert [r.title for r in blinken.roles] == ["US-Außenminister", "US-Außenminister"]
    assert [m.text for m in blinken.mentions] == ["Antony Blinken"]
    later = text.rindex("US-Außenminister")
    assert entity_for_span(doc, later, later + len("US-Außenminister")) is blinken


def test_title_only_reference_with_two_candidates_stays_unresolved(blank_de):
    text = "Außenminister Antony Blinken traf Außenminister Sergei Lawrow. Der Außenminister sagte nichts."
    doc = run(blank_de, text)
    assert [len(e.roles) for e in doc._.entities if e.type == "PER"] == [1, 1]


def test_styled_titles_are_roles_not_part_of_the_name(blank_de):
    doc = run(blank_de, "Hans Küng hat Papst Benedikt XVI. besucht. Benedikt XVI. empfing ihn in Rom.")
    pope = entity(doc, "Benedikt XVI.")
    assert {m.text for m in pope.mentions} == {"Benedikt XVI."}
    assert [r.title for r in pope.roles] == ["Papst"]
    assert entity(doc, "Hans Küng").type == "PER"
    assert entity(doc, "Rom").name == "Rome"


def test_regnal_number_with_its_period_stays_in_the_name(blank_de):
    doc = run(blank_de, "Am Freitag empfing König Harald V. den Gast. Danach sprach Königin Margrethe II. im Schloss.")
    assert [r.title for r in entity(doc, "Harald V.").roles] == ["König"]
    assert entity(doc, "Margrethe II.").type == "PER"


def test_verb_form_before_an_office_is_not_part_of_the_role(blank_de):
    doc = run(blank_de, "Erneut appellierte Außenminister Frank-Walter Steinmeier an beide Seiten.")
    assert [r.title for r in entity(doc, "Frank-Walter Steinmeier").roles] == ["Außenminister"]


def test_plural_noun_after_an_office_is_no_name(blank_de):
    doc = run(blank_de, "Per Dekret ordnete der russische Präsident Maßnahmen zur Unterstützung an.")
    assert not any(e.type == "PER" for e in doc._.entities)


def test_name_particles_and_city_named_surnames(blank_de):
    doc = run(blank_de, "Marine Le Pen kritisierte die Nachfolge von Präsident Alejandro Toledo scharf.")
    assert entity(doc, "Marine Le Pen").type == "PER"
    assert entity(doc, "Alejandro Toledo").type == "PER"


def test_a_persons_genitive_is_not_a_place(blank_de):
    doc = run(blank_de, "François Hollande gewann. Hollandes Anhänger feierten in Paris.")
    assert [m.text for m in entity(doc, "François Hollande").mentions] == ["François Hollande", "Hollandes"]


def test_model_labels_are_made_consistent_within_a_text(blank_de):
    text = "Die Hoover Institution lud ein. Später sprach die Hoover Institution erneut, sagte Reuters."
    doc = run(blank_de, text, ents=[("Hoover Institution", "ORG"), ("Hoover Institution", "PER")])
    assert len([e for e in doc._.entities if e.name == "Hoover Institution"]) == 1


# --- names without a model ------------------------------------------------------------------


def test_given_name_plus_capitalised_word_is_a_person_and_common_nouns_stop_it(blank_de):
    doc = run(blank_de, "Den Bericht hatte Xanana Gusmão Ende Oktober erhalten. Nicolas Sarkozys Staatsbesuch begann.")
    assert entity(doc, "Xanana Gusmão").type == "PER"
    assert entity(doc, "Nicolas Sarkozys").type == "PER"
    assert not any("Ende" in m.text or "Staatsbesuch" in m.text for e in doc._.entities for m in e.mentions)


def test_capitalised_common_nouns_are_not_names(blank_de):
    doc = run(blank_de, "Die Regierung lehnte die Verhandlungen ab. Der Präsident sprach von Fortschritten.")
    assert doc._.entities == []


# --- derivations ----------------------------------------------------------------------------


def test_derived_adjectives_are_not_mentions_but_point_to_the_country(blank_de):
    text = "Von russischer Seite hieß es, die russisch-[US-]amerikanischen Beziehungen seien US-amerikanisch geprägt."
    doc = run(blank_de, text, ents=[("russischer", "MISC")])
    assert doc._.entities == []
    assert list(doc.ents) == []
    derived = {(s.text, s.label_, s.kb_id_) for s in doc.spans["derivations"]}
    assert ("russischer", "Russia", "iso3166:RU") in derived
    assert ("russisch-[US-]amerikanischen", "Russia", "iso3166:RU") in derived
    assert ("russisch-[US-]amerikanischen", "United States", "iso3166:US") in derived
    assert ("US-amerikanisch", "United States", "iso3166:US") in derived


# --- merging with the statistical NER -------------------------------------------------------


def test_model_mistypes_are_overridden_by_stronger_evidence(blank_de):
    text = "Nikolai Patruschew sprach. Später sagte Patruschew, Sullivan sei zufrieden. Jake Sullivan nickte."
    doc = run(blank_de, text, ents=[("Nikolai Patruschew", "LOC"), ("Patruschew", "LOC"), ("Sullivan", "LOC")])
    assert entity(doc, "Patruschew").type == "PER"
    assert entity(doc, "Sullivan").type == "PER"
    assert {e.label_ for e in doc.ents} == {"PER"}


def test_model_span_across_an_office_is_replaced_by_the_name(blank_de):
    text = "Sicherheitsberater Russlands trafen US-Präsident Joe Biden."
    doc = run(blank_de, text, ents=[("Sicherheitsberater Russlands", "PER"), ("US-Präsident Joe Biden", "PER")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Russlands", "LOC"), ("Joe Biden", "PER")]


def test_longer_model_name_around_a_place_wins(blank_de):
    doc = run(blank_de, "Er studierte an der Universität Wien.", ents=[("Universität Wien", "ORG")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Universität Wien", "ORG")]


def test_descriptive_compounds_from_the_model_are_dropped(blank_de):
    text = "Vor dem EU-Gipfel sprach die EU-Kommission über den Putin-Biden-Gipfel von Joe Biden und Wladimir Putin."
    doc = run(blank_de, text, ents=[("EU-Gipfel", "MISC"), ("Putin-Biden-Gipfel", "MISC")])
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("EU-Kommission", "ORG"), ("Joe Biden", "PER"), ("Wladimir Putin", "PER")
    ]


def test_doc_ents_use_only_the_four_labels(blank_de):
    doc = run(blank_de, "Angela Merkel reiste nach Paris.", ents=[("Paris", "GPE")])
    assert {e.label_ for e in doc.ents} <= {"PER", "ORG", "LOC", "MISC"}
    assert entity(doc, "Paris").type == "LOC"


def test_two_surnames_side_by_side_are_two_people(blank_de):
    # verb-second German puts subject and object next to each other; the model reads one name
    text = "Gestern traf Anna Weber den Minister Paul Brandt. Am Abend empfing Weber Brandt im Schloss."
    doc = run(blank_de, text, [("Anna Weber", "PER"), ("Paul Brandt", "PER"), ("Weber Brandt", "PER")])
    assert entity(doc, "Weber").name == "Anna Weber"
    assert entity(doc, "Brandt").name == "Paul Brandt"
    assert not any(e.name == "Weber Brandt" for e in doc._.entities)


def test_a_full_name_with_a_known_surname_stays_one_person(blank_de):
    text = "Gestern traf Anna Weber den Minister Paul Brandt. Am Abend sprach Klara Brandt im Schloss."
    doc = run(blank_de, text, [("Anna Weber", "PER"), ("Paul Brandt", "PER"), ("Klara Brandt", "PER")])
    assert entity(doc, "Klara Brandt").name == "Klara Brandt"


def test_arabic_names_go_on_after_a_hyphenated_particle(blank_de):
    text = "Der irakische Ölminister Karim al-Hamdani traf Abu Salim al-Masri in Basra."
    doc = run(blank_de, text, [("Abu Salim", "PER"), ("Basra", "LOC")])
    assert entity(doc, "Karim al-Hamdani").type == "PER"
    assert entity(doc, "Abu Salim al-Masri").type == "PER"


# --- clustering -----------------------------------------------------------------------------


def test_surname_and_genitive_join_the_full_name(blank_de):
    text = "Nikolai Patruschew reiste nach Genf. Patruschew sprach lange. Patruschews Erklärung folgte."
    doc = run(blank_de, text)
    person = entity(doc, "Nikolai Patruschew")
    assert [m.text for m in person.mentions] == ["Nikolai Patruschew", "Patruschew", "Patruschews"]
    assert person.name == "Nikolai Patrushev"


def test_hyphenated_surname_and_its_genitive_join_the_full_name(blank_de):
    text = (
        "FDP-Europaabgeordnete Silvana Koch-Mehrin klagt. "
        "Ein Sprecher Koch-Mehrins bestätigte, Koch-Mehrin sei zuversichtlich."
    )
    doc = run(blank_de, text)
    person = entity(doc, "Silvana Koch-Mehrin")
    assert [m.text for m in person.mentions] == ["Silvana Koch-Mehrin", "Koch-Mehrins", "Koch-Mehrin"]
    assert [r.title for r in person.roles] == ["FDP-Europaabgeordnete"]  # "Sprecher" is someone else


def test_office_inside_a_complement_heads_its_own_name(blank_de):
    doc = run(blank_de, "Prem Tinsulanonda, einer der Berater von König Bhumibol Adulyadej, schwieg.")
    king = entity(doc, "Bhumibol Adulyadej")
    assert [r.title for r in king.roles] == ["König"]


def test_transliteration_variants_are_one_person(blank_de):
    doc = run(blank_de, "Sergej Lawrow kam an. Später sprach Sergei Lawrow mit der Presse.")
    person = entity(doc, "Sergej Lawrow")
    assert {m.text for m in person.mentions} == {"Sergej Lawrow", "Sergei Lawrow"}
    assert person.name == "Sergey Lavrov"


def test_surnames_inside_compounds_are_mentions_of_the_person(blank_de):
    text = "Vorbereitungen für Putin-Biden-Gipfel. US-Präsident Joe Biden und Wladimir Putin sprechen."
    doc = run(blank_de, text)
    biden, putin = entity(doc, "Joe Biden"), entity(doc, "Wladimir Putin")
    assert [m.text for m in biden.mentions] == ["Biden", "Joe Biden"]
    assert [m.text for m in putin.mentions] == ["Putin", "Wladimir Putin"]
    assert putin.name == "Vladimir Putin"
    assert not any(e.text == "Putin-Biden-Gipfel" for e in doc.ents)


def test_entity_ids_follow_text_order(blank_de):
    doc = run(blank_de, "Joe Biden traf in Genf Wladimir Putin.")
    assert [e.id for e in doc._.entities] == ["e1", "e2", "e3"]
    assert [e.name for e in doc._.entities] == ["Joe Biden", "Geneva", "Vladimir Putin"]


# --- English ----------------------------------------------------------------------------------


def test_english_pipeline_uses_the_english_resources():
    import newsgraph

    nlp = newsgraph.load("en", base=None, exclude=OTHER_LAYERS)
    text = "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Antony Blinken in Iceland."
    doc = nlp(text)
    lavrov = entity(doc, "Sergei Lavrov")
    assert (lavrov.type, lavrov.name) == ("PER", "Sergey Lavrov")
    assert [r.title for r in lavrov.roles] == ["Russian Foreign Minister"]
    assert [r.title for r in entity(doc, "Antony Blinken").roles] == ["U.S. Secretary of State"]
    assert entity(doc, "Iceland").kb_id == "iso3166:IS"


# --- gold checks (full default pipeline) -------------------------------------------------------


def _norm(text: str) -> str:
    import string

    punct = string.punctuation + "„“”‚‘’»«–—…"
    return unicodedata.normalize("NFC", text).casefold().strip().strip(punct).strip()


def _entity_report(gold: dict, entities) -> tuple[list[str], list[str]]:
    """Gold entities not found with their type, and gold entities split over several entities."""
    missing, split = [], []
    for g in gold["entities"]:
        forms = {_norm(m) for m in g["mentions"]}
        hits = {e.id: e for e in entities if any(_norm(m.text) in forms for m in e.mentions)}
        if not any(e.type == g["type"] for e in hits.values()):
            missing.append(f"{g['name']} ({g['type']})")
        if len(hits) > 1:
            split.append(g["name"])
    return missing, split


@pytest.fixture(scope="module")
def nlp_entities_de():
    import newsgraph

    return newsgraph.load("de", exclude=OTHER_LAYERS)


@needs_shared
def test_founding_article_targets(nlp_entities_de, seed_text):
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    doc = nlp_entities_de(seed_text)
    missing, split = _entity_report(gold, doc._.entities)
    assert missing == []
    assert split == []
    for name in ("Jake Sullivan", "Joe Biden", "Antony Blinken", "Sergei Lawrow"):
        assert entity(doc, name).roles, f"no role for {name}"
    assert entity(doc, "Sergei Lawrow").name == "Sergey Lavrov"


@needs_shared
def test_wikinews_gold_entities_found_with_type(nlp_entities_de):
    """Dev measure on 15 WikiNews gold files (measured 174/181 found, 2 split when written)."""
    found = total = splits = 0
    for path in first_wikinews_gold():
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = nlp_entities_de((path.parent / gold["document"]).read_text(encoding="utf-8"))
        missing, split = _entity_report(gold, doc._.entities)
        total += len(gold["entities"])
        found += len(gold["entities"]) - len(missing)
        splits += len(split)
    assert found / total >= 0.92
    assert splits <= 3


def test_layer_output_spans_are_exact(blank_de):
    text = Path(__file__).read_text(encoding="utf-8")[:3000]  # any text: offsets must reproduce it
    doc = run(blank_de, text)
    assert all(text[s.start_char : s.end_char] == s.text for s in doc.ents)


def test_span_objects_keep_kb_ids(blank_de):
    doc = run(blank_de, "Die Türkei und Österreich.")
    kb = {e.text: e.kb_id_ for e in doc.ents}
    assert kb == {"Türkei": "iso3166:TR", "Österreich": "iso3166:AT"}
    assert all(isinstance(e, Span) for e in doc.ents)


def test_place_names_that_are_common_words_are_not_matched(blank_de):
    doc = run(blank_de, "Zum Essen in der Halle kamen viele. Die Welt schaute auf Essen? Nein, auf Bonn.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Bonn", "LOC")]


def test_generated_gazetteers_are_current_and_complete():
    """The committed JSON is what training/build_gazetteers.py writes (rerun it after editing sources)."""
    from newsgraph.resources import load_resource

    for lang in ("de", "en"):
        data = load_resource(lang, "gazetteer_places")
        assert data["generated_by"] == "training/build_gazetteers.py"
        forms = {f for p in data["places"] for f in p["forms"]}
        assert len(data["places"]) > 3000
        assert "Essen" not in forms and "Welt" not in forms
    de_forms: dict[str, set[str]] = {}
    for place in load_resource("de", "gazetteer_places")["places"]:
        for form in place["forms"]:
            de_forms.setdefault(form, set()).add(place["name"])
    assert de_forms["Island"] == {"Iceland"}
    assert "Geneva" in de_forms["Genf"]  # the city; the canton too, the layer prefers the city
    assert de_forms["Moskau"] >= {"Moscow"}


def test_bare_union_is_the_cdu_csu_only_where_the_model_tags_it(blank_de):
    """German political news says "die Union" for the CDU/CSU; as a common word it counts only with
    the model's support, and the EU's and AU's longer names keep winning."""
    text = ("Die Unionsparteien lehnen den Beitritt ab. Im Bundestag stritten SPD und Union. "
            "Die Außenminister der Europäischen Union trafen sich.")
    doc = run(blank_de, text, [("Unionsparteien", "ORG"), ("Union", "ORG")])
    names = {m.text: e.name for e in doc._.entities for m in e.mentions}
    assert names["Union"] == names["Unionsparteien"] == "CDU/CSU"
    assert names["Europäischen Union"] == "European Union"
    untagged = run(blank_de, "Die Union ist ein Zusammenschluss.")
    assert [m.text for e in untagged._.entities for m in e.mentions] == []


def test_rt_alone_is_the_broadcaster_only_where_the_model_tags_it(blank_de):
    """In posts "RT" is the retweet mark (SmartData's tweets); "Russia Today" is always the broadcaster."""
    tweet = run(blank_de, "RT @stadtwerke: Wegen einer Baustelle fährt die Linie 5 heute nicht.")
    assert [m.text for e in tweet._.entities for m in e.mentions] == []
    news = run(blank_de, "Das sagte Lawrow dem Sender RT. Auch Russia Today berichtete.", [("RT", "ORG")])
    names = {m.text: e.name for e in news._.entities for m in e.mentions}
    assert names["RT"] == names["Russia Today"] == "RT"


def test_a_towns_district_is_a_place_not_a_descriptive_compound(blank_de):
    """Traffic news names stations and districts as <town>-<part>: a district head (Nord, Zentrum)
    makes a place; a name after the hyphen does where the model reads the word as a place. Descriptive
    compounds (EU-Gipfel, Russland-Sanktionen) stay out even where the model tags them."""
    text = ("Stau zwischen Potsdam-Nord und Köln-Lövenich. Der EU-Gipfel beriet über die "
            "Russland-Sanktionen.")
    doc = run(blank_de, text, [("Potsdam-Nord", "LOC"), ("Köln-Lövenich", "LOC"), ("EU-Gipfel", "MISC"),
                              ("Russland-Sanktionen", "LOC")])
    mentions = {m.text: e.type for e in doc._.entities for m in e.mentions}
    # (the EU inside its own summit word is a mention of the body, by character offsets)
    assert mentions == {"Potsdam-Nord": "LOC", "Köln-Lövenich": "LOC", "EU": "ORG"}
    # without the model's reading, a town plus an unknown word is not taken on trust
    untagged = run(blank_de, "Stau vor Köln-Lövenich.")
    assert [m.text for e in untagged._.entities for m in e.mentions] == []


def test_kita_is_a_daycare_not_the_tokyo_ward(blank_de):
    doc = run(blank_de, "Die Kitas in Berlin bleiben geschlossen, sagte die Senatorin.")
    assert {m.text for e in doc._.entities for m in e.mentions} == {"Berlin"}


def test_names_that_start_lower_case_are_kept_and_derivations_are_not(blank_de):
    """Arabic names (al-Malik), particles (von der Leyen) start lower-case; adjectives do too."""
    text = "Später ernannte er al-Malik al-Aziz. Auch von der Leyen kam. Die russischen Truppen zogen ab."
    doc = run(blank_de, text, [("al-Malik al-Aziz", "PER"), ("von der Leyen", "PER"), ("russischen", "MISC")])
    mentions = {m.text for e in doc._.entities for m in e.mentions}
    assert {"al-Malik al-Aziz", "von der Leyen"} <= mentions
    assert "russischen" not in mentions


def test_a_model_name_around_a_known_given_name_keeps_its_first_word(blank_de):
    """'Paul' is a known given name, 'Elmar' need not be: the model's fuller name wins as one person."""
    text = "Nach einem Entwurf der Architekten Gisberth Hülsmann und Elmar Paul Sommer wurde gebaut."
    doc = run(blank_de, text, [("Gisberth Hülsmann", "PER"), ("Elmar Paul Sommer", "PER")])
    assert {m.text for e in doc._.entities for m in e.mentions} == {"Gisberth Hülsmann", "Elmar Paul Sommer"}


def test_an_acronym_after_the_hyphen_is_a_name_not_a_descriptive_compound(blank_de):
    """SmartData's police reports open with the press office's code: POL-PPWP is an organisation."""
    text = "POL-PPWP: Einbruch in Gartenhütte. Der EU-Gipfel beriet."
    doc = run(blank_de, text, [("POL-PPWP", "ORG"), ("EU-Gipfel", "MISC")])
    # the body inside its summit word is a mention of the body (character offsets), not the compound
    assert {m.text: e.type for e in doc._.entities for m in e.mentions} == {"POL-PPWP": "ORG", "EU": "ORG"}


def test_inhabitant_nouns_are_derivations_not_places(blank_de):
    """'die Afghanen', 'Israelis': the people of a country (GermEval's LOCderiv), not a mention of it;
    they join the adjectives in doc.spans['derivations'], linked to the country. A surname among the
    generated forms stays a person where the model says so."""
    text = "Er setzt mehr Vertrauen in die Afghanen selber. Die Israelis stimmten zu. Engler sagte das."
    doc = run(blank_de, text, [("Afghanen", "LOC"), ("Israelis", "LOC"), ("Engler", "PER")])
    assert {m.text for e in doc._.entities for m in e.mentions} == {"Engler"}
    assert {(s.text, s.label_) for s in doc.spans["derivations"]} == {
        ("Afghanen", "Afghanistan"), ("Israelis", "Israel")}
    # a form that is a country's name stays the country (Schweden, Polen)
    sweden = run(blank_de, "Die Schweden wählen.", [("Schweden", "LOC")])
    assert [e.name for e in sweden._.entities] == ["Sweden"]


def test_a_truncated_compound_is_no_mention(blank_de):
    """'EU-Außen- und Verteidigungsminister': the hyphen-final word has its head in the next word."""
    text = "Die Beratungen der EU-Außen- und Europaminister finden am Montag in Brüssel statt."
    doc = run(blank_de, text, [("EU-Außen-", "MISC"), ("Brüssel", "LOC")])
    assert {m.text for e in doc._.entities for m in e.mentions} == {"Brüssel"}


def test_an_apostrophe_split_off_a_surname_stays_in_the_name(blank_de):
    """The tokenizer splits 'O ´ Brien'; the known given name 'Michael' must not cut it to 'Michael O'."""
    text = "Zur Delegation gehören Michael O ´ Brien (externe Beziehungen) und andere."
    doc = run(blank_de, text, [("Michael O ´ Brien", "PER")])
    assert [m.text for e in doc._.entities for m in e.mentions] == ["Michael O ´ Brien"]


def test_a_possessors_genitive_name_before_an_organisation_is_a_person(blank_de):
    """'Matteo Salvinis Lega': where the model runs the person into the party, the party keeps its
    name and the genitive head is still the person."""
    text = "Großer Gewinner einer Neuwahl wäre Matteo Salvinis Lega gewesen."
    doc = run(blank_de, text, [("Matteo Salvinis Lega", "PER")])
    assert {m.text: e.type for e in doc._.entities for m in e.mentions} == {
        "Matteo Salvinis": "PER", "Lega": "ORG"}


def test_island_at_the_end_of_a_foreign_name_is_not_iceland(blank_de):
    """German 'Island' is Iceland, but 'Plunder Island', 'Long Island' end in the English word."""
    text = "Die Szene spielt auf Plunder Island. Später flog er nach Island."
    doc = run(blank_de, text)
    mentions = [(m.text, e.name) for e in doc._.entities for m in e.mentions]
    assert mentions == [("Island", "Iceland")]
    assert doc._.entities[0].mentions[0].start == text.rindex("Island")


def test_a_company_is_named_by_the_words_before_its_legal_form(blank_de):
    """The model keeps 'Logistik GmbH' and the gazetteer reads 'Bern' as the city; the capitalised
    words before the legal form are the company's name. A descriptive noun before it (Autobauer)
    is not, and a longer model name (with 'für') is never cut short."""
    text = ("Die neue Bruns Logistik GmbH übernimmt die Zusteller. Das Inselspital fusioniert mit der "
            "Spital Netz Bern AG. Der Autobauer Volkswagen AG meldet Gewinne. Die Gesellschaft für "
            "Internationale Zusammenarbeit GmbH berät.")
    doc = run(blank_de, text, [("Logistik GmbH", "ORG"), ("Bern AG", "ORG"), ("Volkswagen AG", "ORG"),
                               ("Gesellschaft für Internationale Zusammenarbeit GmbH", "ORG")])
    mentions = {m.text: e.type for e in doc._.entities for m in e.mentions}
    assert mentions == {
        "Bruns Logistik GmbH": "ORG", "Spital Netz Bern AG": "ORG", "Volkswagen AG": "ORG",
        "Gesellschaft für Internationale Zusammenarbeit GmbH": "ORG"}


def test_parties_services_and_movements_are_known_organisations(blank_de):
    """Knowledge ~10k training sentences cannot hold: foreign parties, intelligence services, armed
    movements; the G20 is a body of its own, not the G7."""
    text = ("Peres von der Awoda traf Vertreter der PKK nicht. Der Bundesnachrichtendienst warnte vor "
            "al-Qaida. Beim Gipfel der G20 fehlte die G7-Erklärung; die G7 tagte getrennt.")
    doc = run(blank_de, text)
    names = {m.text: (e.name, e.type) for e in doc._.entities for m in e.mentions}
    assert names["Awoda"] == ("Israeli Labor Party", "ORG")
    assert names["PKK"] == ("Kurdistan Workers' Party", "ORG")
    assert names["Bundesnachrichtendienst"] == ("Federal Intelligence Service", "ORG")
    assert names["al-Qaida"] == ("al-Qaeda", "ORG")
    assert names["G20"][0] == "G20" and names["G7"][0] == "G7"


def test_german_finds_people_the_knowledge_base_knows_where_the_model_misses_them():
    # a bare surname opening a sentence and a foreign name the model never saw (kb_person_names)
    record = newsgraph.extract("Blinken reist nach Peking. Dort trifft er Qin Gang.", published="2023-06-16")
    people = {m.text for e in record.entities if e.type == "PER" for m in e.mentions}
    assert {"Blinken", "Qin Gang"} <= people


def test_an_acronym_after_a_noun_for_an_armed_group_is_that_group():
    record = newsgraph.extract(
        "Die Regierung und die Rebellenmiliz M23 einigten sich in Doha. Die Kurdenmiliz YPG zog ab. "
        "Die Arbeitsgruppe Verkehr tagte.",
        published="2025-06-04",
    )
    orgs = sorted(e.name for e in record.entities if e.type == "ORG")
    assert orgs == ["M23", "YPG"]


def test_a_genitive_name_is_the_person_the_text_or_the_knowledge_base_names_in_the_nominative():
    # a two-letter surname in the genitive joins the full name; a full name written only in the genitive
    # is the person the knowledge base knows by its base form
    record = newsgraph.extract(
        "Xi Jinping traf Lula. Es war Xis erste Reise. Emmanuel Macrons Staatsbesuch beginnt am Sonntag.",
        published="2024-04-12",
    )
    people = {e.name: [m.text for m in e.mentions] for e in record.entities if e.type == "PER"}
    assert people["Xi Jinping"] == ["Xi Jinping", "Xis"]
    assert people["Emmanuel Macron"] == ["Emmanuel Macrons"]


def test_an_epithet_for_a_country_the_text_named_is_that_country():
    record = newsgraph.extract(
        "Die Ministerin will im April nach China reisen. Es wäre ihr erster Besuch in der Volksrepublik.",
        published="2023-03-07",
    )
    places = {e.name: [m.text for m in e.mentions] for e in record.entities if e.type == "LOC"}
    assert places == {"China": ["China", "Volksrepublik"]}


def test_a_short_form_that_is_not_the_last_name_joins_the_full_name_by_its_kb_id():
    # ``Lula`` is a middle word of ``Luiz Inácio Lula da Silva``: the knowledge base links both to one person
    record = newsgraph.extract(
        "Lula empfängt Sánchez\n\nDer brasilianische Präsident Luiz Inácio Lula da Silva hat am Freitag den "
        "spanischen Regierungschef empfangen. Lula sprach von einem guten Gespräch.",
        published="2024-03-08",
    )
    people = {e.name: [m.text for m in e.mentions] for e in record.entities if e.type == "PER"}
    assert people["Luiz Inácio Lula da Silva"] == ["Lula", "Luiz Inácio Lula da Silva", "Lula"]


def test_a_group_name_of_several_words_after_a_group_noun_is_one_organisation():
    names = {
        text: [(e.name, e.type) for e in newsgraph.extract(text, published="2011-05-06").entities]
        for text in (
            "Die Regierung verhandelt mit der Rebellengruppe Union islamischer Gerichte.",
            "Die Terrormiliz Islamischer Staat bekannte sich zu dem Anschlag.",
            "Die Miliz Hisbollah feuerte Raketen ab.",
            "Die Arbeitsgruppe Verkehr tagt am Montag.",
        )
    }
    assert list(names.values()) == [
        [("Union islamischer Gerichte", "ORG")],
        [("Islamischer Staat", "ORG")],
        [("Hezbollah", "ORG")],
        [],
    ]


def test_a_styled_title_is_followed_by_a_name_and_an_agents_von_is_no_part_of_it():
    record = newsgraph.extract(
        "Steinmeier hat den japanischen Kaiser Naruhito begrüßt. Damals war Naruhitos Vater Akihito von "
        "Bundespräsident Richard von Weizsäcker empfangen worden.",
        published="2025-05-13",
    )
    people = {e.name: e.type for e in record.entities}
    assert people["Naruhito"] == "PER"
    assert "Akihito" in people and "Akihito von" not in people
