"""Offices the text gives people the knowledge base knows, as evidence for the reference date when no
publication date is given (``newsgraph.timex.offices``): a title without a country for a KB person,
titles that put the term before the article (lower bounds), and a year that holds nearly all the days
the terms leave. Fresh sentences, one test per phenomenon (issue 20)."""

from __future__ import annotations

import datetime as dt

import pytest

import newsgraph
from newsgraph.timex import tagger_for
from newsgraph.timex.reference import OfficeClaim


@pytest.fixture(scope="module")
def nlp_de():
    return newsgraph.load("de", config={"newsgraph_times": {"today": "2025-12-31"}})


@pytest.fixture(scope="module")
def nlp_en():
    return newsgraph.load("en", config={"newsgraph_times": {"today": "2026-11-29"}})


def test_title_without_a_country_reads_through_the_person(nlp_de):
    """`Bundeskanzler` alone names no country, but Friedrich Merz was head of government of Germany
    only, from 6 May 2025: up to the last day of 2025 that leaves one year."""
    text = "Bundeskanzler Friedrich Merz eröffnete gestern in Leipzig eine neue Fabrikhalle für Batterien."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert record.reference_date.value == "2025"
    assert "Friedrich Merz was head of government of Germany ('Bundeskanzler')" in record.reference_date.reason


def test_english_secretary_of_state_is_an_office(nlp_en):
    """`Secretary of State` is the US foreign minister's title; the person gives the country."""
    text = "Secretary of State Antony Blinken flew to Hanoi on Tuesday to discuss rice exports."
    record = newsgraph.extract(text, lang="en", nlp=nlp_en)
    assert "Antony Blinken was foreign minister of United States" in record.reference_date.reason


def test_former_office_holder_is_a_lower_bound(nlp_de):
    """`Samstag, 13. März` fits 1999, 2004, 2010 and 2021; the renovation year 1995 alone would
    pick 1999, but `ehemalige Bundeskanzler Gerhard Schröder` says the article is later than his
    term (to November 2005)."""
    text = (
        "Das Stadtmuseum öffnete am Samstag, 13. März, wieder seine Türen. Die Renovierung hatte 1995 "
        "begonnen. Zur Feier kam auch der ehemalige Bundeskanzler Gerhard Schröder."
    )
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert record.reference_date.value == "2010-03-13"
    reason = record.reference_date.reason
    assert "Gerhard Schröder" in reason and "not before 2005-11-22" in reason


def test_then_office_holder_is_no_current_term(nlp_de):
    """`damaligen US-Präsidenten Barack Obama` is a look back: it must not intersect with the terms
    of the people who hold office today (Merz and Obama never held office at the same time)."""
    text = (
        "Bundeskanzler Friedrich Merz sprach gestern in Hamburg. Er erinnerte an ein Treffen mit dem "
        "damaligen US-Präsidenten Barack Obama."
    )
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert record.reference_date.value == "2025"


def test_deputy_and_designate_titles_are_not_the_office():
    titles = tagger_for("de").office_titles
    assert titles.read("iranische Vize-Außenminister") is None
    assert titles.read("designierte Bundeskanzler") is None
    assert titles.read("früheren Außenministers") == ("foreign_minister", "former")
    english = tagger_for("en").office_titles
    assert english.read("Vice President") is None
    assert english.read("then-President") == ("head_of_state", "then")


def test_a_reelection_is_one_stretch_for_former():
    """A former president re-elected once left office at the end of the second term, not the first."""
    claim = OfficeClaim(
        person="Erika Beispiel",
        office="head of state of Examplia",
        title="frühere Präsidentin",
        terms=((dt.date(2009, 1, 20), dt.date(2013, 1, 20)), (dt.date(2013, 1, 20), dt.date(2017, 1, 20))),
        when="former",
    )
    assert claim.lower_bound() == dt.date(2017, 1, 20)


def test_year_with_nearly_all_days_of_the_terms_is_inferred():
    """Two people held office together from 30 December 2022 to 24 July 2023: two days in 2022, the
    rest in 2023, so 2023 (year only), and the reason says it is likely, not certain."""
    claims = [
        OfficeClaim("Erika Beispiel", "head of state of Examplia", "Präsidentin", ((dt.date(2019, 1, 1), None),)),
        OfficeClaim(
            "Max Muster",
            "foreign minister of Examplia",
            "Außenminister",
            ((dt.date(2022, 12, 30), dt.date(2023, 7, 25)),),
        ),
    ]
    text = "Präsidentin Erika Beispiel und Außenminister Max Muster reisten gestern nach Lima."
    result = tagger_for("de").tag(text, published=None, today=dt.date(2026, 11, 29), claims=claims)
    assert result.reference.year == 2023 and result.reference.date is None
    assert "likely" in result.reason


def test_terms_spread_over_two_years_leave_the_year_open():
    """A term from May 2025 to today (November 2026) is split between two years: no year is guessed."""
    claims = [OfficeClaim("Max Muster", "head of government of Examplia", "Kanzler", ((dt.date(2025, 5, 6), None),))]
    text = "Kanzler Max Muster reiste gestern nach Lima."
    result = tagger_for("de").tag(text, published=None, today=dt.date(2026, 11, 29), claims=claims)
    assert result.source == "none"


def test_post_of_an_international_body_is_an_office(nlp_de):
    """`EU-Außenbeauftragte` is the EU's High Representative (Javier Solana: 1999 to 2009); of the
    years in which 7 December was a Wednesday (2005, 2011, 2016, 2022) only 2005 fits his term."""
    text = "Der EU-Außenbeauftragte Javier Solana traf am Mittwoch, 7. Dezember, den Minister in Brüssel."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert record.reference_date.value == "2005-12-07"
    assert "Javier Solana was high representative" in record.reference_date.reason


def test_swiss_spelling_of_a_title_is_the_same_office(nlp_de):
    """Swiss German writes `Aussenminister` for `Außenminister`: the same office, the same evidence
    (Qin Gang and Antony Blinken were foreign ministers together only in 2022-2023, nearly all of it
    in 2023)."""
    text = "Der chinesische Aussenminister Qin Gang empfing am Montag US-Aussenminister Antony Blinken in Peking."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert record.reference_date.value == "2023"
    assert "('chinesische Aussenminister')" in record.reference_date.reason


def test_swiss_president_of_the_confederation_gives_the_year(nlp_de):
    """The Swiss presidency rotates every calendar year: `Bundespräsidentin Karin Keller-Sutter` is
    a report of 2025."""
    text = "Bundespräsidentin Karin Keller-Sutter empfing gestern in Bern den neuen Botschafter Japans."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert record.reference_date.value == "2025"
    assert "Karin Keller-Sutter was head of state of" in record.reference_date.reason


def test_every_term_of_a_person_counts(nlp_de):
    """Donald Tusk was Polish prime minister twice (2007-2014 and since 2023); with Angela Merkel as
    chancellor only the first term fits, not a contradiction."""
    text = "Ministerpräsident Donald Tusk und Bundeskanzlerin Angela Merkel sprachen gestern in Warschau über Gas."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert "from 2007-11-16 to 2014-09-21" in record.reference_date.reason


def test_an_age_and_a_term_of_office_decide_the_year(nlp_de):
    """Angela Merkel (born 17 July 1954) was 67 from 17 July 2021 and chancellor until 7 December
    2021: the chancellor's term of sixteen years alone names no year, with the age only 2021 is left."""
    text = "Die 67-jährige Bundeskanzlerin Angela Merkel besuchte gestern ein Krankenhaus in Stralsund."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert record.reference_date.value == "2021"
    assert "Angela Merkel was 67 years old" in record.reference_date.reason


def test_an_age_alone_leaves_two_years_open(nlp_de):
    """`Wladimir Putin (72)`: born 7 October 1952, so between 7 October 2024 and 6 October 2025; the
    age alone names no year."""
    text = "Wladimir Putin (72) eröffnete gestern in Kasan eine Brücke über die Wolga."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert record.reference_date.source == "none"
    assert "Vladimir Putin was 72 years old" in record.reference_date.reason


def test_an_age_told_then_is_no_evidence(nlp_de):
    """`der damals 62-jährige` is the age at a time the text tells, not on the article's day."""
    text = "Der damals 62-jährige Olaf Scholz hatte in Hamburg eine Rede gehalten."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert "years old" not in record.reference_date.reason


def test_an_age_in_a_sentence_about_another_year_is_no_evidence(nlp_de):
    """`Im Jahr 2014 sagte der 62-jährige Putin`: his age in 2014, not on the article's day."""
    text = "Im Jahr 2014 sagte der 62-jährige Wladimir Putin in Sotschi, er wolle bleiben."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert "years old" not in record.reference_date.reason


def test_a_holder_called_new_is_in_the_first_half_year_of_the_term(nlp_de):
    """Joe Biden was president from 20 January 2021 to 2025; `der neue US-Präsident` is a report of the
    first months, so of 2021."""
    text = "Der neue US-Präsident Joe Biden unterzeichnete gestern im Weißen Haus mehrere Dekrete."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert record.reference_date.value == "2021"
    assert "new: the first half year" in record.reference_date.reason


def test_a_new_holder_from_december_leaves_two_years_open(nlp_de):
    """Olaf Scholz took office on 8 December 2021: his first half year lies in 2021 and 2022."""
    text = "Der neue Bundeskanzler Olaf Scholz reiste gestern zu seinem ersten Besuch nach Paris."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert record.reference_date.source == "none" and "2021, 2022" in record.reference_date.reason


def test_an_inaugural_visit_is_in_the_first_half_year_of_the_term(nlp_de):
    """`zu ihrem Antrittsbesuch`, told of one person: Annalena Baerbock's first half year as foreign
    minister (from 8 December 2021), which alone still spans 2021 and 2022 (her whole term: 2021-2025)."""
    text = "Außenministerin Annalena Baerbock ist zu ihrem Antrittsbesuch in Paris eingetroffen."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert "Annalena Baerbock was foreign minister of Germany ('Außenministerin', new" in record.reference_date.reason
    assert "2021, 2022" in record.reference_date.reason


def test_an_inaugural_visit_with_two_people_names_no_visitor(nlp_de):
    """`Merz reist zum Antrittsbesuch zu US-Präsident Trump`: whose first visit is it? Nothing read."""
    text = "Bundeskanzler Friedrich Merz reist zum Antrittsbesuch zu US-Präsident Donald Trump."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert "new:" not in record.reference_date.reason


def test_counterpart_holds_the_office_of_the_person_met(nlp_de, nlp_en):
    """`seinem Amtskollegen Qin Gang` beside `US-Außenminister Antony Blinken`: a counterpart holds
    the office another person of the text holds, here the foreign ministry; Qin Gang held China's only
    from 30 December 2022 to July 2023, so the year is 2023 (Blinken alone allows 2021-2025)."""
    text = "US-Außenminister Antony Blinken hat in Peking mit seinem Amtskollegen Qin Gang über Fentanyl gesprochen."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert record.reference_date.value == "2023"
    assert "Qin Gang was foreign minister of China ('Amtskollegen')" in record.reference_date.reason
    text = "Secretary of State Antony Blinken discussed fentanyl with his Chinese counterpart Qin Gang in Beijing."
    record = newsgraph.extract(text, lang="en", nlp=nlp_en)
    assert record.reference_date.value == "2023"


def test_counterpart_with_several_matching_offices_gives_nothing() -> None:
    """A counterpart whose KB offices hold more than one of the text's offices (a president who was
    prime minister before, beside someone who was both) is left out: the text does not say which."""
    from newsgraph.timex.offices import claims_from_roles

    titles = tagger_for("de").office_titles
    offices = {
        "kb:per:a": [("head_of_state", "iso3166:US", "2021-01-20", None)],
        "kb:per:b": [
            ("head_of_state", "iso3166:XX", "2014-01-01", "2020-01-01"),
            ("head_of_government", "iso3166:XX", "2005-01-01", "2010-01-01"),
        ],
    }
    people = [
        ("Anna A", "kb:per:a", ["Präsidentin", "Regierungschefin"]),
        ("Bert B", "kb:per:b", ["Amtskollegen"]),
    ]
    claims = claims_from_roles(people, offices, titles, lambda office, country: f"{office} of {country}")
    assert [c.person for c in claims] == ["Anna A"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Ihre erste Auslandsreise als Außenministerin führte Annalena Baerbock nach Paris, wo sie "
            "Präsident Emmanuel Macron traf.",
        ),
        (
            "en",
            "Her first trip abroad as foreign minister took Annalena Baerbock to Paris, where she met "
            "President Emmanuel Macron.",
        ),
    ],
)
def test_an_inaugural_visit_naming_the_office_apart_from_the_name(lang, text, nlp_de, nlp_en):
    """`erste Auslandsreise als Außenministerin führte Annalena Baerbock`: the title after `als`
    carries no role, yet it says whose first visit it is (the person after it who held that office):
    Baerbock's first half year from 8 December 2021, not her whole term."""
    record = newsgraph.extract(text, lang=lang, nlp=nlp_de if lang == "de" else nlp_en)
    assert "Annalena Baerbock was foreign minister of Germany" in record.reference_date.reason
    assert "new: the first half year" in record.reference_date.reason


def test_an_inaugural_visit_told_as_a_look_back_gives_no_first_months(nlp_de):
    """`Ihre erste Reise als Außenministerin hatte Baerbock nach Paris geführt`: a past perfect,
    told from any later day of the term."""
    text = "Ihre erste Reise als Außenministerin hatte Annalena Baerbock nach Paris geführt."
    record = newsgraph.extract(text, lang="de", nlp=nlp_de)
    assert "new:" not in record.reference_date.reason
