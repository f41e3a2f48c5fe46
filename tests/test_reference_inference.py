"""Reference-date inference without a publication date: the page's own date (URL, byline, dateline)
and the passage about the present versus background dates and plans. Fresh sentences, one test per
phenomenon (issue 20)."""

from __future__ import annotations

import datetime as dt

from newsgraph.timex import tagger_for
from newsgraph.timex.reference import OfficeClaim, dates_in_url

TODAY = dt.date(2026, 11, 29)


def _infer(lang: str, text: str, **kwargs):
    return tagger_for(lang).tag(text, published=None, today=TODAY, **kwargs)


def test_byline_time_stamp_line_gives_the_day():
    text = "Hafen von Kiel wird erweitert\n\n14.03.2017, 08:15 Uhr\n\nDer Stadtrat hat gestern zugestimmt."
    result = _infer("de", text)
    assert result.reference.date == dt.date(2017, 3, 14)
    assert "byline" in result.reason and "14.03.2017" in result.reason


def test_byline_opening_word_with_author_names():
    text = (
        "Neue Brücke eröffnet\nVon Petra Holm und Jan Berg | Aktualisiert 02.11.2018\n\n"
        "Die Brücke wurde am Montag eröffnet."
    )
    assert _infer("de", text).reference.date == dt.date(2018, 11, 2)


def test_latest_byline_line_wins():
    text = "Wahl in Lummerland\nVeröffentlicht: 03.04.2016\nAktualisiert: 05.04.2016\n\nDie Stimmen wurden gezählt."
    assert _infer("de", text).reference.date == dt.date(2016, 4, 5)


def test_headline_with_a_date_is_no_byline():
    """A headline names an event's date in prose; that is no time stamp of the page."""
    text = "Gipfel am 3. Juni 2030 geplant\n\nDie Regierungen wollen sich im Sommer treffen."
    result = _infer("de", text)
    assert "byline" not in result.reason


def test_english_wire_dateline_gives_day_and_month_and_the_text_the_year():
    text = (
        "Ports reopen after storm\n\nROTTERDAM, Oct 9 (Reuters) - Dock workers returned on Friday after "
        "the storm that hit the coast in September 2019 had closed the harbour."
    )
    result = _infer("en", text)
    assert result.reference.date == dt.date(2019, 10, 9)
    assert "dateline" in result.reason


def test_dateline_without_any_year_leaves_the_year_open():
    result = _infer("en", "Talks resume\n\nOSLO, Feb 3 (AP) - Negotiators met again on Tuesday.")
    assert result.source == "none" and "3 February" in result.reason


def test_german_dateline_with_full_date():
    text = "Streik beendet\n\nLEIPZIG, 21. August 2015 (dpa) - Die Gewerkschaft hat den Streik beendet."
    assert _infer("de", text).reference.date == dt.date(2015, 8, 21)


def test_url_date_gives_the_day():
    result = _infer("de", "Der Rat tagte am Dienstag.", url="https://zeitung.example/politik/2014/06/17/rat-tagt")
    assert result.reference.date == dt.date(2014, 6, 17)
    assert "URL" in result.reason


def test_url_dates_in_the_query_string_are_ignored():
    assert dates_in_url("https://example.org/news/artikel?from=2020-01-01") == []
    assert [d.year for d in dates_in_url("https://example.org/2011/07/berlin-wahl")] == [2011]


def test_url_month_is_a_constraint():
    result = _infer("de", "Der Rat tagte am Dienstag.", url="https://example.org/2011/07/rat")
    assert (result.reference.year, result.reference.month, result.reference.date) == (2011, 7, None)


def test_year_of_a_plan_is_no_evidence_for_the_articles_year():
    """`im Jahre 2031 beitreten` says the article is older than 2031, not that it is of 2031."""
    result = _infer("de", "Das Land will im Jahre 2031 der Union beitreten.")
    assert result.source == "none" and "2031" in result.reason


def test_background_date_does_not_decide_inside_terms_of_office():
    """A look back (`am 2. März 2020`) in a sentence that counts nothing from the reference date is
    only a lower bound; inside a term of several years no year is chosen."""
    claim = OfficeClaim(
        person="Erika Beispiel",
        office="head of government of Examplia",
        title="Regierungschefin",
        terms=((dt.date(2019, 1, 1), dt.date(2024, 1, 1)),),
    )
    text = "Die Regierungschefin Erika Beispiel reist nach Rom. Ihr erster Besuch dort war am 2. März 2020 gewesen."
    result = _infer("de", text, claims=[claim])
    assert result.source == "none" and "lower bound" in result.reason


def test_date_in_the_passage_about_the_present_decides_inside_terms_of_office():
    claim = OfficeClaim(
        person="Erika Beispiel",
        office="head of government of Examplia",
        title="Regierungschefin",
        terms=((dt.date(2019, 1, 1), dt.date(2024, 1, 1)),),
    )
    text = "Die Regierungschefin Erika Beispiel war gestern in Rom, wie schon am 2. März 2021."
    result = _infer("de", text, claims=[claim])
    assert result.reference.date == dt.date(2021, 3, 2)
    assert "present" in result.reason


def test_extract_passes_the_url_to_the_inference():
    import newsgraph

    record = newsgraph.extract(
        "Der Stadtrat hat am Dienstag den Haushalt beschlossen.",
        lang="de",
        url="https://stadt.example/2013-09-24/haushalt",
    )
    assert record.reference_date.value == "2013-09-24"
    assert record.reference_date.source == "inferred"


def test_english_offices_with_a_capitalised_country_word_are_terms_of_office_evidence():
    """`U.S. President` and `German Chancellor` are read as offices in English too; their terms
    overlap only from 2021-12-08 to 2025-01-19 here, and the wire dateline's 14 June fell on the
    Tuesday of its lead sentence in 2022 only within that stretch."""
    import newsgraph

    text = (
        "Leaders talk trade\n\nBERLIN, June 14 (Reuters) - U.S. President Joe Biden and German Chancellor "
        "Olaf Scholz discussed trade on Tuesday."
    )
    record = newsgraph.extract(text, lang="en")
    assert record.reference_date.value == "2022-06-14"
    assert "Chancellor" in record.reference_date.reason and "dateline" in record.reference_date.reason


def test_english_former_president_is_no_office_evidence():
    import newsgraph

    record = newsgraph.extract("Former President Barack Obama spoke in Chicago on Monday.", lang="en")
    assert record.reference_date.source == "none"
    assert "Obama" not in record.reference_date.reason


def _claim_2019_2023() -> OfficeClaim:
    return OfficeClaim(
        person="Erika Beispiel",
        office="head of government of Examplia",
        title="Regierungschefin",
        terms=((dt.date(2019, 1, 1), dt.date(2024, 1, 1)),),
    )


def test_later_weekdays_told_in_the_past_move_a_lower_bound_forward():
    """`am 11. und 12. März ... am Dienstag` ties 12 March 2019 (a Tuesday) in the past: a lower
    bound; the report's `am Donnerstag` (told in the past) is then the 14th, the reference."""
    text = (
        "Die Opposition forderte am Donnerstag einen Bericht. Die Regierungschefin Erika Beispiel war "
        "am 11. und 12. März in Warschau gewesen; bei ihrem Treffen am Dienstag hatte sie Gas zugesagt."
    )
    result = _infer("de", text, claims=[_claim_2019_2023()])
    assert result.reference.date == dt.date(2019, 3, 14)
    assert "later weekday" in result.reason


def test_a_weekday_put_earlier_does_not_move_the_reference():
    text = (
        "Die Regierungschefin Erika Beispiel war am 11. und 12. März in Warschau gewesen; bei ihrem Treffen "
        "am Dienstag hatte sie Gas zugesagt. Sie hatte bereits am Samstag davon gesprochen."
    )
    result = _infer("de", text, claims=[_claim_2019_2023()])
    assert result.reference.date == dt.date(2019, 3, 12)


def test_date_followed_by_a_clock_time_is_a_time_stamp_even_beside_a_title():
    text = "Gipfel in Genf | 12.05.2021, 19:43\n\nDie Delegationen trafen sich am Nachmittag."
    result = _infer("de", text)
    assert result.reference.date == dt.date(2021, 5, 12) and "byline" in result.reason


def test_a_bare_year_of_the_background_gives_no_year():
    """`bei den Landtagswahlen 2024` names a year without its month, in a clause that is no plan by
    its words: a label or a look back as often as the article's time, so no year is inferred."""
    result = _infer("de", "Die Partei könne bei den Landtagswahlen 2024 deutlich zulegen, hieß es aus der Fraktion.")
    assert result.source == "none" and "bare year" in result.reason


def test_a_year_with_its_month_is_still_the_weak_guess():
    """`im Februar 2022` in the background: the article is not older, and most likely of that year."""
    result = _infer("de", "Die Stadt hatte im Februar 2022 einen neuen Hafenmeister ernannt.")
    assert result.source == "inferred" and result.reference.year == 2022


def test_day_and_month_in_figures_tie_a_weekday() -> None:
    """`Montag, 24.5.` and `Mittwoch (12.6.)`: a day and month written in figures, without a year,
    tie the weekday as a written-out date does (24 May fell on a Monday in 2021, 12 June on a
    Wednesday in 2024); a section number (`Kapitel 3.2.`) is no date."""
    import datetime as dt

    from newsgraph.timex import tagger_for

    today = dt.date(2026, 11, 29)
    result = tagger_for("de").tag("Am Montag, 24.5., trat der Ausschuss zusammen.", published=None, today=today)
    assert result.reference.date == dt.date(2021, 5, 24)
    result = tagger_for("de").tag("Die Anhörung am Mittwoch (12.6.) fiel aus.", published=None, today=today)
    assert result.reference.date == dt.date(2024, 6, 12)
    assert tagger_for("de").tag("Siehe Kapitel 3.2. und 4.1.", published=None, today=today).times == []


def test_weekday_in_apposition_to_a_date_is_a_tie() -> None:
    import datetime as dt

    from newsgraph.timex import tagger_for

    today = dt.date(2026, 11, 29)
    result = tagger_for("de").tag("Die Kammer stimmte am 24. Mai, einem Montag, ab.", published=None, today=today)
    assert result.reference.date == dt.date(2021, 5, 24)
    result = tagger_for("en").tag("The chamber voted on May 24, a Monday.", published=None, today=today)
    assert result.reference.date == dt.date(2021, 5, 24)
    result = tagger_for("de").tag(
        "Die Kammer stimmte am 24. Mai ab, am Montag reiste sie.", published=None, today=today
    )
    assert result.reference.date is None


def test_announced_date_bounds_the_terms_of_office_from_above():
    """A plan with its year (``soll im Juni 2021 unterzeichnet werden``) says the article is older:
    with a look back of the same year as lower bound, one year of the terms remains."""
    claim = OfficeClaim(
        person="Erika Beispiel",
        office="head of government of Examplia",
        title="Regierungschefin",
        terms=((dt.date(2019, 1, 1), dt.date(2024, 1, 1)),),
    )
    text = (
        "Die Regierungschefin Erika Beispiel reist nach Rom. Am 2. März 2021 war sie in Paris gewesen. "
        "Der Hafenvertrag soll im Juni 2021 unterzeichnet werden."
    )
    result = _infer("de", text, claims=[claim])
    assert result.reference.year == 2021 and result.source == "inferred"
    assert "announces" in result.reason
    # without the plan the terms leave several years
    result = _infer("de", text.rsplit(" Der Hafenvertrag", 1)[0], claims=[claim])
    assert result.source == "none"


def test_ordinal_anniversary_with_its_year_gives_the_articles_year():
    """``zum 40. Jahrestag ... 1981`` in one sentence: the article is of 2021 (a sentence with two
    years gives nothing)."""
    text = "Zum 40. Jahrestag der Städtepartnerschaft von 1981 kam der Bürgermeister am Montag nach Lübeck."
    result = _infer("de", text)
    assert result.reference.year == 2021 and "Jahrestag" in result.reason
    text = "Zum 40. Jahrestag der 1991 geschlossenen und 1995 erneuerten Partnerschaft kam er nach Lübeck."
    assert _infer("de", text).source == "none"
    result = _infer("en", "The mayor arrived for the 40th anniversary of the 1981 twinning agreement.")
    assert result.reference.year == 2021
