"""The knowledge base in the per-article pipeline: entity linking, offices resolved by date, and terms
of office as evidence for the reference date. Texts are written for these tests."""

from __future__ import annotations

import subprocess
import sys

import pytest

import newsgraph
from newsgraph.kb import STARTER_KB, ArticleLinker, KnowledgeBase, linker_for, read_kb
from newsgraph.record import Entity, Mention

from .conftest import needs_shared

FUTURE_TODAY = "2028-06-01"  # after 24 May 2027, another Monday


@pytest.fixture(scope="module")
def nlp_future():
    """The full pipeline with "today" in 2028, when the weekday rule alone would pick 2027."""
    return newsgraph.load("de", config={"newsgraph_times": {"today": FUTURE_TODAY}})


def extract(nlp, text: str, published: str | None = None):
    record = newsgraph.extract(text, lang="de", published=published, nlp=nlp)
    for e in record.entities:  # every span must be exact
        for span in [*e.mentions, *e.roles]:
            text_of = span.text if isinstance(span, Mention) else span.title
            assert record.text[span.start : span.end] == text_of
    return record


def by_name(record, name: str) -> list[Entity]:
    return [e for e in record.entities if e.name == name]


# -- the KB core -----------------------------------------------------------------------------------


def test_kb_core_needs_no_store_extra_and_store_reexports_it():
    code = "import sys, newsgraph.kb; newsgraph.kb.load_kb(); assert 'duckdb' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
    import newsgraph.store.kb as store_kb

    assert store_kb.KnowledgeBase is KnowledgeBase
    assert STARTER_KB.parent.name == "kb" and STARTER_KB.parent.parent.name == "resources"
    assert any(e.id == "kb:per:joe-biden" for e in read_kb(STARTER_KB))


# -- 1. entity linking -----------------------------------------------------------------------------


def test_named_people_and_organisations_are_linked(nlp_de):
    record = extract(nlp_de, "Der russische Außenminister Sergei Lawrow telefonierte am Dienstag mit "
                             "Heiko Maas. Das berichtete die Agentur Interfax.", "2020-03-10")
    ids = {e.name: e.kb_id for e in record.entities}
    assert ids["Sergey Lavrov"] == "kb:per:sergey-lavrov"
    assert ids["Heiko Maas"] == "kb:per:heiko-maas"
    assert ids["Interfax"] == "kb:org:interfax"


def test_transliterations_link_to_one_id_and_ambiguity_stays_null(tmp_path):
    linker = linker_for("de")
    german = Entity(id="e1", type="PER", name="Sergei Lawrow")
    english = Entity(id="e2", type="PER", name="Sergey Lavrov")
    place = Entity(id="e3", type="LOC", name="Lawrow")  # a name of the wrong type
    linker.link_entities([german, english, place])
    assert german.kb_id == english.kb_id == "kb:per:sergey-lavrov"
    assert place.kb_id is None

    kb_file = tmp_path / "kb.toml"
    kb_file.write_text(
        '[[entity]]\nid = "kb:per:a"\ntype = "PER"\nnames = { de = ["Peter Müller"] }\n'
        '[[entity]]\nid = "kb:per:b"\ntype = "PER"\nnames = { de = ["Peter Müller"] }\n'
        '[[entity]]\nid = "kb:per:c"\ntype = "PER"\nnames = { de = ["Anna Schmidt"] }\n', encoding="utf-8")
    local = ArticleLinker(KnowledgeBase.load(kb_file), "de")
    two = Entity(id="e1", type="PER", name="Peter Müller")
    known = Entity(id="e2", type="PER", name="A. Schmidt", mentions=[Mention(start=0, end=12, text="Anna Schmidt")])
    kept = Entity(id="e3", type="PER", name="Anna Schmidt", kb_id="other:1")
    local.link_entities([two, known, kept])
    assert two.kb_id is None  # two KB people by that name: no guess
    assert known.kb_id == "kb:per:c"  # found through a mention text
    assert kept.kb_id == "other:1"  # an id the entity layer already gave is kept


# -- 2. offices ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Der US-Präsident reiste nach Genf.", "US-Präsident", ("head_of_state", "iso3166:US")),
        ("Der russische Außenminister sprach in Moskau.", "russische Außenminister",
         ("foreign_minister", "iso3166:RU")),
        ("Der Kremlchef äußerte sich nicht.", "Kremlchef", ("head_of_state", "iso3166:RU")),
        ("Der Außenminister Frankreichs kam später.", "Außenminister Frankreichs", ("foreign_minister", "iso3166:FR")),
        ("Die britische Premierministerin sagte ab.", "britische Premierministerin",
         ("head_of_government", "iso3166:GB")),
        ("Der ehemalige US-Präsident sprach.", "ehemalige US-Präsident", None),  # not the holder
        ("Der Ex-Präsident sprach.", "Ex-Präsident", None),
        ("Der US-Vizepräsident sprach.", "US-Vizepräsident", None),
        ("Der Präsident sprach.", "Präsident", None),  # which country?
    ],
)
def test_office_phrases_read_as_kb_offices(nlp_de, text, phrase, expected):
    doc = nlp_de(text)
    start = text.index(phrase)
    assert linker_for("de").office_of(doc, start, start + len(phrase)) == expected


def test_office_without_a_name_is_resolved_by_the_reference_date(nlp_de):
    text = "Der US-Präsident kündigte am Donnerstag in Washington neue Sanktionen an."
    (biden,) = by_name(extract(nlp_de, text, "2021-05-20"), "Joe Biden")
    assert biden.kb_id == "kb:per:joe-biden" and biden.mentions == []
    assert [(r.title, r.start) for r in biden.roles] == [("US-Präsident", 4)]
    assert by_name(extract(nlp_de, text, "2018-03-01"), "Donald Trump")

    (lavrov,) = by_name(extract(nlp_de, "Der russische Außenminister warnte am Mittwoch vor einer "
                                        "Eskalation.", "2021-04-14"), "Sergey Lavrov")
    assert lavrov.roles[0].title == "russische Außenminister"


def test_office_holder_named_in_the_text_gets_the_role(nlp_de):
    text = "Joe Biden landete am Mittwoch in Genf. Der US-Präsident will dort Wladimir Putin treffen."
    record = extract(nlp_de, text, "2021-06-16")
    (biden,) = by_name(record, "Joe Biden")
    assert biden.mentions and [r.title for r in biden.roles] == ["US-Präsident"]


def test_the_texts_own_naming_wins_over_the_kb(nlp_de):
    text = ("US-Präsident Barack Obama traf am Montag in Berlin Angela Merkel. Der US-Präsident lobte "
            "die Zusammenarbeit.")
    record = extract(nlp_de, text, "2021-05-24")  # Biden's term: the text talks of Obama
    assert not by_name(record, "Joe Biden")
    (obama,) = by_name(record, "Barack Obama")
    assert len(obama.roles) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Clinton bewirbt sich um das Amt des US-Präsidenten.",  # the office, not its holder
        "Die Außenminister der USA und Russlands trafen sich in Genf.",  # several people
        "Die Sicherheitsberater Russlands und der USA berieten lange.",
        "Der ehemalige US-Präsident hielt eine Rede.",
        "Der Präsident hielt eine Rede.",
    ],
)
def test_office_phrases_that_name_no_one_holder_stay_unresolved(nlp_de, text):
    before = len(extract(nlp_de, text, None).entities)
    record = extract(nlp_de, text, "2021-05-24")
    assert len(record.entities) == before
    assert not any(e.kb_id and e.kb_id.startswith("kb:per:") and not e.mentions for e in record.entities)


def test_no_reference_day_no_resolution(nlp_de):
    record = extract(nlp_de, "Der US-Präsident schwieg zu den Vorwürfen.")
    assert record.reference_date.value is None
    assert record.entities == [] or all(e.mentions for e in record.entities)


# -- 3. terms of office as evidence for the reference date ------------------------------------------


def test_terms_of_office_choose_among_weekday_years(nlp_future):
    text = "Am Montag, 24. Mai, trafen sich US-Präsident Joe Biden und Kanzlerin Angela Merkel in Brüssel."
    ref = extract(nlp_future, text).reference_date
    assert (ref.value, ref.source) == ("2021-05-24", "inferred")
    assert "2027" in ref.reason and "Joe Biden" in ref.reason and "only in 2021" in ref.reason
    assert "weekday" in ref.reason and "terms of office" in ref.reason


def test_weekday_rule_alone_prefers_the_latest_year(nlp_future):
    ref = extract(nlp_future, "Am Montag, 24. Mai, trafen sich die Delegationen in Brüssel.").reference_date
    assert ref.value == "2027-05-24"
    assert "terms of office" not in ref.reason


def test_conflicting_terms_are_ignored_and_said_so(nlp_future):
    text = "Am Montag, 24. Mai, trafen sich US-Präsident Joe Biden und US-Außenminister Rex Tillerson."
    ref = extract(nlp_future, text).reference_date
    assert ref.value == "2027-05-24"
    assert "ignored the terms of office" in ref.reason


def test_terms_alone_give_a_year_when_they_overlap_in_one(nlp_future):
    text = "Die britische Premierministerin Liz Truss und US-Präsident Joe Biden sprachen über Energiepreise."
    ref = extract(nlp_future, text).reference_date
    assert (ref.value, ref.source) == ("2022", "inferred")
    assert "Liz Truss" in ref.reason and "2022-09-06" in ref.reason


def test_terms_alone_spanning_years_give_no_value_but_the_range(nlp_future):
    text = "US-Präsident Donald Trump und US-Außenminister Rex Tillerson sprachen über Nordkorea."
    ref = extract(nlp_future, text).reference_date
    assert (ref.value, ref.source) == (None, "none")
    assert "from 2017-02-01 to 2018-03-30" in ref.reason


def test_published_date_is_not_overridden(nlp_future):
    text = "Am Montag, 24. Mai, trafen sich US-Präsident Joe Biden und Kanzlerin Angela Merkel in Brüssel."
    ref = extract(nlp_future, text, "2027-05-25").reference_date
    assert (ref.value, ref.source) == ("2027-05-25", "published")


@needs_shared
def test_founding_article_infers_2021_by_the_combined_rule_even_in_2028(nlp_future, seed_text):
    ref = extract(nlp_future, seed_text).reference_date
    assert ref.value == "2021-05-24"
    assert "weekday" in ref.reason and "terms of office" in ref.reason and "2027" in ref.reason


def test_diacritics_and_german_transliteration_link_one_person():
    kb = KnowledgeBase.load()
    forms = ["Recep Tayyip Erdoğan", "Tayyip Erdogan", "Erdogan", "Wolodymyr Selenskyj", "Volodymyr Zelensky"]
    ids = {form: kb.link(form, "PER") for form in forms}
    assert ids["Recep Tayyip Erdoğan"] == ids["Tayyip Erdogan"] == ids["Erdogan"] is not None
    assert ids["Wolodymyr Selenskyj"] == ids["Volodymyr Zelensky"] is not None


def test_numbers_are_part_of_a_name():
    # the transliteration key keeps letters only; "G7" and "G20" must not become one name "g"
    from newsgraph.store.names import name_key

    assert name_key("G7") != name_key("G20")
    assert name_key("G-7") == name_key("G7")
    kb = KnowledgeBase.load()
    assert (kb.link("G7", "ORG"), kb.link("G20", "ORG")) == ("kb:org:g7", "kb:org:g20")


def test_a_full_name_with_another_given_name_is_not_the_kb_person_of_that_surname():
    linker = linker_for("de")
    mentions = [Mention(start=0, end=15, text="Eurico Guterres"), Mention(start=20, end=28, text="Guterres")]
    other = Entity(id="e1", type="PER", name="Eurico Guterres", mentions=mentions)
    same = Entity(id="e2", type="PER", name="Guterres", mentions=[Mention(start=30, end=38, text="Guterres")])
    linker.link_entities([other, same])
    assert other.kb_id is None
    assert same.kb_id == "kb:per:antonio-guterres"
