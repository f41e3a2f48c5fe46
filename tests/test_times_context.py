"""Times decided by their context: the reference year inside terms of office, the direction of bare
weekdays and months from tense and cue, partial publication dates. Fresh sentences, one test per
phenomenon (issue 20)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.timex import tagger_for
from newsgraph.timex.reference import OfficeClaim

TODAY = dt.date(2026, 11, 29)


def _claim(start: str, end: str | None) -> OfficeClaim:
    return OfficeClaim(
        person="Erika Beispiel",
        office="head of government of Examplia",
        title="Regierungschefin",
        terms=((dt.date.fromisoformat(start), dt.date.fromisoformat(end) if end else None),),
    )


# ---------------------------------------------------------------- 1. reference year inside terms


def test_weekday_near_days_decides_year_inside_terms_of_office():
    """12 March fell on a Tuesday in 2019 only, of the years 2019-2022 the office holder served."""
    text = (
        "Die Regierungschefin Erika Beispiel war am 11. und 12. März in Warschau; bei ihrem Treffen am "
        "Dienstag sprach sie über Energiefragen. Danach reiste sie weiter."
    )
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2019-01-01", "2023-01-01")])
    assert result.source == "inferred"
    assert result.reference.date == dt.date(2019, 3, 12)
    assert "Tuesday" in result.reason and "2019" in result.reason


def test_weekday_near_days_that_fits_two_years_leaves_reference_open():
    """12 March was a Tuesday in 2013 and 2019: both inside this term, so no year is chosen."""
    text = "Die Regierungschefin war am 12. März in Warschau; bei ihrem Treffen am Dienstag ging es um Gas."
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2012-01-01", "2020-01-01")])
    assert result.source == "none" and result.reference.year is None
    assert "2013, 2019" in result.reason


def test_weekday_near_days_without_terms_is_no_evidence():
    text = "Die Ministerin war am 12. März in Warschau; bei ihrem Treffen am Dienstag ging es um Gas."
    result = tagger_for("de").tag(text, published=None, today=TODAY)
    assert result.source == "none"


# ---------------------------------------------------------------- 2. direction from tense and cue


def _value(lang: str, text: str, phrase: str, published: str = "2021-05-26") -> str | None:
    """The value of the time overlapping ``phrase``; the tagger's own sentence splitting (a blank
    line ends a sentence there too)."""
    result = tagger_for(lang).tag(text, published=dt.date.fromisoformat(published), today=TODAY)
    start = text.index(phrase)
    found = [t for t in result.times if t.start < start + len(phrase) and start < t.end]
    assert found, f"no time for {phrase!r}"
    return found[0].value


def _value_nlp(lang: str, text: str, phrase: str, published: str = "2021-05-26") -> str | None:
    """The same through the spaCy component (sentences from the sentencizer)."""
    from .test_times import make_nlp, value_of

    return value_of(make_nlp(lang), text, phrase, published)


def test_month_takes_the_tense_of_its_own_clause():
    text = (
        "Am Freitag soll der Rat erneut beraten, nachdem er im April nach stundenlanger Sitzung ohne "
        "jedes Ergebnis auseinandergegangen war."
    )
    assert _value("de", text, "im April") == "2021-04"
    assert _value("de", text, "Am Freitag") == "2021-05-28"


def test_reported_plan_in_konjunktiv_two_is_future():
    text = "Die Ministerinnen würden am Montag zunächst allein sprechen, sagte ein Sprecher am Mittwoch."
    assert _value("de", text, "am Montag") == "2021-05-31"
    assert _value("de", text, "am Mittwoch") == "2021-05-26"


def test_attributive_future_word_counts_only_next_to_the_expression():
    far = "Die Fraktionen haben sich am Dienstag auf Einzelheiten der geplanten Reform verständigt."
    assert _value("de", far, "am Dienstag") == "2021-05-25"
    near = "Die für Montag geplanten Gespräche wurden kurzfristig verschoben."
    assert _value("de", near, "Montag") == "2021-05-31"


def test_since_fixes_the_direction():
    text = "Der Minister, der seit Montag in Genf verhandelt, wird am Abend zurückerwartet."
    assert _value("de", text, "Montag") == "2021-05-24"
    text = "Die Gesandte, die seit dem 3. Mai in Genf verhandelt, soll am Freitag zurückkehren."
    assert _value("de", text, "3. Mai") == "2021-05-03"


def test_date_announced_for_is_future():
    text = "Die Gewerkschaft kündigte für den 3. April einen landesweiten Warnstreik an."
    assert _value("de", text, "3. April") == "2022-04-03"


def test_headline_does_not_take_the_tense_of_the_sentence_below():
    text = "Einigung über den Haushalt bis Freitag möglich\n\nDie Abgeordneten trafen sich gestern zu Beratungen."
    assert _value_nlp("de", text, "Freitag") == "2021-05-28"


def test_english_is_due_is_future_and_passive_participle_is_no_past():
    text = "The envoy is due in Brussels on Friday for talks hosted by the Belgian foreign minister."
    assert _value("en", text, "on Friday") == "2021-05-28"


# ---------------------------------------------------------------- 3. partial publication dates


def test_partial_publication_date_is_a_constraint_through_extract():
    from newsgraph import extract

    text = "Am Dienstag, 11. Mai, berieten die Außenministerinnen in Lissabon über Handelsfragen."
    record = extract(text, lang="de", published="2021-05")
    assert record.published == "2021-05"  # kept as given
    assert (record.reference_date.value, record.reference_date.source) == ("2021-05-11", "inferred")
    assert "2021-05" in record.reference_date.reason


def test_partial_publication_month_without_evidence_is_the_reference_month():
    from .test_times import make_nlp, run

    nlp = make_nlp("de")
    text = "Im Dezember hatte die Regierung den Plan vorgelegt; im März soll das Parlament abstimmen."
    doc = run(nlp, text, published="2021-02")
    ref = doc._.reference_date
    assert (ref.value, ref.source) == ("2021-02", "published")
    values = {t.text: t.value for t in doc._.times}
    assert values["Dezember"] == "2020-12" and values["März"] == "2021-03"


def test_partial_publication_year_overrides_evidence_outside_it():
    from .test_times import make_nlp, run

    doc = run(make_nlp("de"), "Am 6. September 2000 unterzeichneten beide Seiten den Vertrag.", published="2019")
    ref = doc._.reference_date
    assert (ref.value, ref.source) == ("2019", "published")
    assert "ignored" in ref.reason


def test_partial_publication_dates_accepted_by_ingest_and_cli():
    import pytest

    from newsgraph.api import NewsgraphError, _iso_date
    from newsgraph.cli import _check_date
    from newsgraph.ingest import iso_date

    assert iso_date("2021-05") == "2021-05" and iso_date("2021") == "2021"
    assert iso_date("2021-05-24T10:00:00Z") == "2021-05-24"
    assert _check_date("2021-05") == "2021-05" and _iso_date("2021") == "2021"
    with pytest.raises(NewsgraphError):
        _iso_date("2021-13")
    with pytest.raises(Exception, match="ISO date"):
        iso_date("Mai 2021")


def test_weekday_near_days_of_another_tense_is_no_tie():
    """`am Montag` ahead and `am 12. März` behind are different days: no year from their pair."""
    text = "Die Regierungschefin war am 12. März in Warschau; am Dienstag wird sie in Prag erwartet."
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2019-01-01", "2023-01-01")])
    assert result.source == "none"


def test_english_present_clause_is_not_the_past_of_the_main_verb():
    text = "Reminding the minister that Friday marks the start of the holiday, she said the talks would wait."
    assert _value("en", text, "Friday") == "2021-05-28"


def test_year_named_before_the_terms_of_office_is_a_look_back():
    text = "Die Regierungschefin Erika Beispiel erinnerte an den Grenzvertrag von 1999, den beide Staaten schlossen."
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[_claim("2019-01-01", "2023-01-01")])
    assert result.source == "none" and result.reference.year is None
    assert "1999" in result.reason and "look back" in result.reason


def test_terms_of_office_with_a_gap_list_only_the_years_in_office():
    claim = OfficeClaim(
        person="Erika Beispiel",
        office="head of government of Examplia",
        title="Regierungschefin",
        terms=((dt.date(2010, 3, 1), dt.date(2012, 3, 1)), (dt.date(2016, 3, 1), None)),
    )
    text = "Die Regierungschefin Erika Beispiel sprach über den Haushalt."
    result = tagger_for("de").tag(text, published=None, today=TODAY, claims=[claim])
    assert result.source == "none"
    assert "2010, 2011, 2012, 2016" in result.reason and "2013" not in result.reason


def test_heuer_is_this_year():
    text = "Für die Ministerin ist es heuer bereits die dritte Reise nach Wien."
    assert _value("de", text, "heuer") == "2021"


# ---------------------------------------------------------------- 4. the first day of a state


def _values(text: str, published: dt.date | None = dt.date(2026, 11, 25)) -> dict[str, str]:
    result = tagger_for("de").tag(text, published=published, today=TODAY)
    return {t.text: t.value for t in result.times}


def test_ab_keeps_the_past_of_a_past_clause():
    """`ab August 2023 war er Botschafter`: a start told in the past is a day of the past, and so a
    lower bound for the article (it names the latest year here)."""
    result = tagger_for("de").tag(
        "Seit Juli 2021 ist Jan Muster Abgeordneter, ab August 2023 war er zudem Botschafter.",
        published=None,
        today=TODAY,
    )
    assert result.reference.known_year == 2023


def test_a_start_in_force_later_is_no_lower_bound():
    """A law signed on a day of the past that bans something `ab dem 1. Juli 2020`: the article is
    not shown to be later than the ban's start, only than the signing."""
    result = tagger_for("de").tag(
        "Die Präsidentin hat am 3. März 2019 ein Gesetz unterzeichnet, nach dem ab dem 1. Juli 2020 "
        "kein Öl mehr verheizt werden darf.",
        published=None,
        today=TODAY,
    )
    assert result.reference.date == dt.date(2019, 3, 3)


# ---------------------------------------------------------------- 5. English parts of the day


def test_english_next_morning_follows_the_last_day_told():
    """`left the next morning` after `on Tuesday evening`: Wednesday morning (27 November 2026 was a
    Friday, so Tuesday was the 24th)."""
    result = tagger_for("en").tag(
        "The envoy arrived in Oslo on Tuesday evening and left the next morning.",
        published=dt.date(2026, 11, 27),
        today=TODAY,
    )
    assert {t.text: t.value for t in result.times}["the next morning"] == "2026-11-25TMO"


def test_english_this_morning_is_the_reference_day():
    result = tagger_for("en").tag(
        "This morning the talks resumed in Geneva.", published=dt.date(2026, 11, 27), today=TODAY
    )
    assert {t.text: t.value for t in result.times}["This morning"] == "2026-11-27TMO"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Bereits in der Vorwoche hatten sich die Minister in Brüssel getroffen.", "Vorwoche", "2021-W20"),
        ("Die Zahl der Anträge stieg gegenüber dem Vormonat deutlich.", "Vormonat", "2021-04"),
        ("Der Vertrag soll im Folgejahr in Kraft treten.", "Folgejahr", "2022"),
        ("Die Gespräche sollen in der Folgewoche weitergehen.", "Folgewoche", "2021-W22"),
    ],
)
def test_one_word_previous_and_following_periods(text: str, phrase: str, expected: str) -> None:
    """``Vorwoche``, ``Vormonat``, ``Folgejahr``: one word, like ``Vorjahr``, for the period before or after."""
    assert _value("de", text, phrase) == expected
