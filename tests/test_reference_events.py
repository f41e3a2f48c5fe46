"""Dated summits the text names (``resources/kb/events.toml``, :mod:`newsgraph.timex.named_events`) as
bounds on the reference date of an article without publication date. Fresh sentences."""

from __future__ import annotations

import datetime as dt

import pytest

import newsgraph
from newsgraph.timex import tagger_for
from newsgraph.timex.named_events import find_mentions

from .test_times_context import TODAY, _claim  # the same fictional office holder and day


def _spans(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in tagger_for("de").split_sentences(text)]


def test_summit_of_a_series_is_found_by_its_place() -> None:
    text = "Die Regierungschefin will beim Nato-Gipfel in der litauischen Hauptstadt Vilnius für mehr Hilfe werben."
    (mention,) = find_mentions(text, _spans(text))
    assert mention.event.start == dt.date(2023, 7, 11) and mention.place == "Vilnius"


def test_place_several_summits_share_is_no_evidence() -> None:
    """NATO met in Brussels in 2017, 2018 and 2021; the G7 at Elmau in 2015 and 2022."""
    for text in ("Beim Nato-Gipfel in Brüssel ging es um Geld.", "Der G7-Gipfel auf Schloss Elmau endete."):
        assert find_mentions(text, _spans(text)) == []


def test_sentence_with_another_year_is_a_look_back() -> None:
    text = "Die seit 2015 amtierende Ministerin hatte beim G20-Gipfel in Osaka davor gewarnt."
    assert find_mentions(text, _spans(text)) == []


def test_bilateral_summit_needs_both_leaders_in_the_text() -> None:
    text = "Das Treffen in Genf dauerte drei Stunden."
    assert find_mentions(text, _spans(text)) == []
    text = "Das Treffen von Biden und Putin in Genf dauerte drei Stunden."
    assert [m.event.start for m in find_mentions(text, _spans(text))] == [dt.date(2021, 6, 16)]


def test_summit_to_come_bounds_the_terms_of_office_from_above() -> None:
    """The head of government in office 2021-12 to 2025-05 will attend the G20 summit on Bali
    (15-16 November 2022): the article is from 2021 or 2022, and 2022 holds nearly all those days."""
    text = "Die Regierungschefin wird nächste Woche beim G20-Gipfel auf Bali erwartet."
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2021-12-08", "2025-05-06")])
    assert result.reference.known_year == 2022
    assert "G20-Gipfel" in result.reason and "to come" in result.reason


def test_summit_told_as_past_bounds_from_below() -> None:
    """After the G7 summit at Hiroshima (May 2023) with a term ending in 2024-01: 2023."""
    text = "Beim G7-Gipfel in Hiroshima hatte die Regierungschefin mehr Geld zugesagt."
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2019-03-01", "2024-01-10")])
    assert result.reference.known_year == 2023


def test_look_back_before_a_summit_in_the_past_perfect_gives_nothing() -> None:
    """`Vor dem Gipfel ... hatte sie gewarnt`: told from a later day or not, the text does not say."""
    text = "Vor dem G7-Gipfel in Hiroshima hatte die Regierungschefin gewarnt."
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2019-03-01", "2024-01-10")])
    assert result.source == "none"


def test_a_day_before_a_summit_in_the_perfect_is_the_reports_own_day() -> None:
    """`Einen Tag vor dem Gipfel ... hat ... genannt`: the perfect tells the report's recent past, so
    the article comes before the summit (the term runs from 2022-02 on: only 2022 is left)."""
    text = "Einen Tag vor dem G20-Gipfel auf Bali hat die Regierungschefin ihre Ziele genannt."
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2022-02-01", None)])
    assert result.reference.known_year == 2022


def test_summits_that_contradict_each_other_are_ignored() -> None:
    text = "Beim G20-Gipfel in Osaka hatte sie gesprochen. Beim G7-Gipfel in Biarritz wird sie erwartet."
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2015-01-01", "2020-01-01")])
    assert "Osaka" in result.reason and "Biarritz" in result.reason  # Osaka (June) before Biarritz (August)
    text = "Beim G7-Gipfel in Biarritz hatte sie gesprochen. Beim G20-Gipfel in Osaka wird sie erwartet."
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2015-01-01", "2020-01-01")])
    assert "Osaka" not in result.reason


@pytest.fixture(scope="module")
def nlp_en():
    return newsgraph.load("en", config={"newsgraph_times": {"today": "2026-11-29"}})


def test_english_summit_through_the_pipeline(nlp_en) -> None:
    """Biden and Blinken together 2021-01 to 2025-01; `ahead of the NATO summit in Madrid` (June 2022)
    leaves 2021-2022, with a past mention of the Glasgow climate summit (from 31 October 2021) only
    2021-10-31 to 2022-06-30: 2022 holds most but not 90% of it, so no year is claimed."""
    text = (
        "President Joe Biden will meet Secretary of State Antony Blinken ahead of the NATO summit in Madrid. "
        "At the climate summit in Glasgow, Biden had promised more money."
    )
    record = newsgraph.extract(text, lang="en", nlp=nlp_en)
    assert record.reference_date.value is None
    assert "Madrid" in record.reference_date.reason and "Glasgow" in record.reference_date.reason


def test_count_from_a_summit_in_the_reports_present_gives_the_day() -> None:
    """`Zwei Tage nach dem G7-Gipfel in Hiroshima (19-21 May 2023) beraten ...`: the article's own
    day is 23 May 2023; the weekday told in the past is counted back from it."""
    text = (
        "Zwei Tage nach dem G7-Gipfel in Hiroshima beraten die Minister in Brüssel. Die Regierungschefin "
        "hatte am Sonntag mehr Geld zugesagt."
    )
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2019-03-01", "2024-01-10")])
    assert result.reference.date == dt.date(2023, 5, 23)
    assert {t.text: t.value for t in result.times}["Sonntag"] == "2023-05-21"


def test_count_before_a_summit_in_english() -> None:
    text = "A week before the NATO summit in Vilnius, the alliance's ministers meet in Brussels."
    result = tagger_for("en").tag(text, published=None, today=TODAY, claims=[_claim("2021-01-01", None)])
    assert result.reference.date == dt.date(2023, 7, 4)


def test_count_from_a_summit_told_in_the_past_is_no_day() -> None:
    """`Drei Tage nach dem Gipfel hatte ...`: a look back, told from an unknown later day."""
    text = "Drei Tage nach dem G7-Gipfel in Hiroshima hatte die Regierungschefin Kiew besucht."
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2019-03-01", "2024-01-10")])
    assert result.reference.date is None
    assert result.reference.known_year == 2023  # still: after the summit and within the term


def test_count_from_a_summit_needs_no_office_holder() -> None:
    text = "Drei Tage nach dem G20-Gipfel in Osaka richten sich die Blicke auf Tokio."
    result = tagger_for("de").tag(text, published=None, today=TODAY)
    assert result.reference.date == dt.date(2019, 7, 2)
    assert "Osaka" in result.reason


def test_another_meeting_at_the_summits_place_and_a_possible_summit_give_nothing() -> None:
    """`Das Treffen der Berater ... in Genf` is not the Biden-Putin summit (the leaders are named far
    from it), and `eines möglichen Gipfeltreffens` between them is only possible: no bound."""
    text = (
        "Das Treffen der beiden Berater am Montag in Genf war nach Angaben beider Seiten ein Schritt zur "
        "Vorbereitung eines möglichen Gipfeltreffens zwischen den Präsidenten Joe Biden und Wladimir Putin."
    )
    spans = [(s.start, s.end) for s in tagger_for("de").split_sentences(text)]
    assert "Treffen" not in [m.text for m in find_mentions(text, spans)]
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2021-01-20", "2025-01-20")])
    assert "Genf" not in result.reason


def test_session_number_names_the_summit_whatever_the_place():
    """``der 49. G7-Gipfel`` and ``COP28`` name one summit each by their number (G7 since 1975; COP
    since 1995, none in 2020), without a place."""
    import datetime as dt

    from newsgraph.timex import tagger_for
    from newsgraph.timex.reference import OfficeClaim

    claim = OfficeClaim(
        "Erika Beispiel", "head of government of Examplia", "Regierungschefin", ((dt.date(2022, 3, 1), None),)
    )
    text = "Regierungschefin Erika Beispiel will beim 49. G7-Gipfel über Rohstoffe beraten."
    result = tagger_for("de").tag(text, published=None, today=dt.date(2026, 12, 7), claims=[claim])
    assert "2023-05-21" in result.reason and "as to come" in result.reason
    text = "Prime Minister Erika Beispiel spoke after COP28 ended."
    result = tagger_for("en").tag(text, published=None, today=dt.date(2026, 12, 7), claims=[claim])
    assert "2023-11-30" in result.reason and "as past" in result.reason


@pytest.mark.parametrize(
    "headline",
    [
        "G20-Gipfel in Rio beginnt mit Streit über die Ukraine",  # a present verb
        "Streit über die Ukraine überschattet G20-Gipfel in Rio",
        "G20-Gipfel in Rio: Streit über die Ukraine",  # no verb at all
    ],
)
def test_headline_in_the_present_dates_the_article_near_the_summit(headline: str) -> None:
    """A headline tells the news of the article's days: with the G20 summit at Rio (18-19 November
    2024) in a present headline and a term from 2021-12 to 2025-05, the article is from 2024."""
    text = f"{headline}\n\nDie Regierungschefin hat am Montag mit ihren Kollegen über Hilfen für Kiew gesprochen."
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2021-12-08", "2025-05-06")])
    assert result.reference.known_year == 2024
    assert "headline" in result.reason


@pytest.mark.parametrize(
    "text",
    [
        # the same words in the body: `beginnt` may be a look at the next day or a present of history
        "Die Regierungschefin hat am Montag gesprochen. Der G20-Gipfel in Rio gilt als Wendepunkt.",
        # the headline counts from the summit: a look back of unknown length
        "Zwei Jahre nach dem G20-Gipfel in Rio\n\nDie Regierungschefin hat am Montag gesprochen.",
    ],
)
def test_summit_without_tense_outside_a_plain_headline_gives_no_year(text: str) -> None:
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2021-12-08", "2025-05-06")])
    assert result.reference.known_year is None


def test_brics_summit_by_its_number_or_its_place() -> None:
    """`zum 16. BRICS-Gipfel` names Kazan 2024 whatever the place; Johannesburg hosted two (2018,
    2023) and alone names neither."""
    for text, expected in (
        ("Putin empfängt die Staatschefs zum 16. BRICS-Gipfel.", [dt.date(2024, 10, 22)]),
        ("At the BRICS summit in Kazan, Modi met Xi.", [dt.date(2024, 10, 22)]),
        ("Beim Brics-Gipfel in Johannesburg hatte er gesprochen.", []),
    ):
        assert [m.event.start for m in find_mentions(text, _spans(text))] == expected
    text = "Die Regierungschefin wird beim 16. BRICS-Gipfel erwartet."
    # a term from 2024 to mid-2025 and a summit to come in October 2024: 2024
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2024-01-01", "2025-06-01")])
    assert result.reference.known_year == 2024 and "BRICS" in result.reason


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Die Regierungschefin wird beim Nato-Gipfel in Vilnius am Dienstag erwartet."),
        ("de", "Die Regierungschefin reist kommende Woche zum Nato-Gipfel in Vilnius."),
        ("en", "The prime minister will attend the NATO summit in Vilnius later this week."),
    ],
)
def test_a_time_of_the_articles_days_beside_a_summit_dates_the_article(lang: str, text: str) -> None:
    """`beim Nato-Gipfel in Vilnius am Dienstag` (11-12 July 2023): the summit lies in the article's
    own days, so the article is within two weeks of it; with a term from 2022-10 to 2025-06 (which
    alone, with the summit to come, leaves 2022 and 2023): 2023."""
    result = tagger_for(lang).tag(text, published=None, today=TODAY, claims=[_claim("2022-10-01", "2025-06-01")])
    assert result.reference.known_year == 2023
    assert "to the article's days" in result.reason


def test_a_time_of_another_happening_before_a_summit_gives_no_window() -> None:
    """`sprach am Montag über den Nato-Gipfel in Vilnius`: the Monday dates the talking."""
    text = "Die Regierungschefin sprach am Montag über den Nato-Gipfel in Vilnius."
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2022-10-01", "2025-06-01")])
    assert "to the article's days" not in result.reason


def test_a_weekday_tie_gives_the_day_when_a_summit_leaves_one_year() -> None:
    """`G20 summit in Rio ends` in the headline leaves only November 2024 in the term; the dateline
    `RIO DE JANEIRO, Nov 19` with `on Tuesday` in its sentence then gives the day, not the year alone."""
    text = (
        "G20 summit in Rio ends with a call for a ceasefire\n\n"
        "RIO DE JANEIRO, Nov 19 - The prime minister said on Tuesday that the talks had been useful."
    )
    result = tagger_for("en").tag(text, published=None, today=TODAY, claims=[_claim("2021-12-08", "2025-05-06")])
    assert result.reference.date == dt.date(2024, 11, 19)
