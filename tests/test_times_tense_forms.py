"""German verb forms the morphology misreads (issue 20, session 13): strong preterites taken for
present forms, present plurals taken for preterites, and plans announced in the perfect. Fresh
sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.timex import tagger_for


@pytest.fixture(scope="module")
def nlp_en():
    import newsgraph

    return newsgraph.load("en")


@pytest.mark.parametrize(
    ("form", "morph", "expected"),
    [
        ("riefen", "Pres", "past"),  # ablaut stems: past whatever the morphology says
        ("stiegen", "Pres", "past"),
        ("stattfand", "Pres", "past"),  # with a separable particle in a subordinate clause
        ("bekanntgab", "Pres", "past"),
        ("verlor", "Pres", "past"),
        ("wählen", "Past", "now"),  # a plural in -en that is neither -ten nor an ablaut stem
        ("entscheiden", "Past", "now"),
        ("flogen", "Past", "past"),
        ("verhandelten", "Past", "past"),
        ("schließen", "Pres", "now"),  # present forms that end like a preterite stem stay present
        ("schlagen", "Pres", "now"),
        ("tritt", "Pres", "now"),
        ("fliehen", "Pres", "now"),
    ],
)
def test_preterite_forms_decide_over_the_morphology(form: str, morph: str, expected: str) -> None:
    cues = tagger_for("de").tense_rules.cues([(0, form, morph)])
    assert [c.tense for c in cues] == [expected]


def test_weekday_of_a_present_plural_misread_as_past_looks_ahead(nlp_de) -> None:
    """``Am Sonntag wählen die Wallonen``: the morphology calls ``wählen`` past; a Tuesday's preview."""
    import newsgraph

    record = newsgraph.extract(
        "Am Sonntag wählen die Wallonen ein neues Regionalparlament. Am Montag riefen die Parteien zur Teilnahme auf.",
        lang="de",
        published="2031-04-08",
        nlp=nlp_de,
    )
    values = {t.text: t.value for t in record.times}
    assert values["Sonntag"] == "2031-04-13"
    assert values["Montag"] == "2031-04-07"


def test_plan_announced_in_the_perfect_looks_ahead_from_the_reference() -> None:
    """``hatte am Sonntag angekündigt, am Mittwoch ... zu reisen``: the Wednesday after a Tuesday."""
    import datetime as dt

    result = tagger_for("de").tag(
        "Die Ministerin hatte am Sonntag angekündigt, am Mittwoch nach Tallinn zu reisen.",
        published=dt.date(2031, 4, 8),
    )
    values = {t.text: t.value for t in result.times}
    assert values["Sonntag"] == "2031-04-06"
    assert values["Mittwoch"] == "2031-04-09"


# ---------------------------------------------------------------- live tickers


def test_ticker_stamp_opens_an_entry_on_the_tickers_day() -> None:
    """``15.10 Uhr:`` after an entry that told of yesterday: today's entry, and its ``am Abend`` too."""
    import datetime as dt

    text = (
        "Liveticker: Hafenkonferenz in Gdynia\n\n"
        "11.40 Uhr: Die Verkehrsminister sind eingetroffen. Bereits gestern hatten die Experten getagt.\n\n"
        "12.25 Uhr: Der Gastgeber will am Abend eine Erklärung vorlegen.\n"
    )
    result = tagger_for("de").tag(text, published=dt.date(2031, 4, 8))
    values = {t.text: t.value for t in result.times}
    assert values["gestern"] == "2031-04-07"
    assert values["12.25 Uhr"] == "2031-04-08T12:25"
    assert values["Abend"] == "2031-04-08TEV"


def test_ticker_stamps_take_the_day_of_their_heading() -> None:
    import datetime as dt

    text = (
        "Liveblog\n\nMontag, 7. April\n\n20.05 Uhr: Die Fähren fahren wieder.\n\n"
        "Dienstag, 8. April\n\n07.30 Uhr: Der Hafen öffnet.\n"
    )
    result = tagger_for("de").tag(text, published=dt.date(2031, 4, 8))
    values = {t.text: t.value for t in result.times}
    assert values["20.05 Uhr"] == "2031-04-07T20:05"
    assert values["07.30 Uhr"] == "2031-04-08T07:30"


def test_capitalised_morgen_opening_a_sentence_is_tomorrow() -> None:
    """``Morgen reist sie weiter``: tomorrow; ``Am Morgen`` and ``Der Morgen`` stay the morning."""
    import datetime as dt

    tag = tagger_for("de").tag
    text = "Die Kommissarin ist in Riga. Morgen reist sie weiter nach Tartu."
    assert {t.text: t.value for t in tag(text, published=dt.date(2031, 4, 8)).times} == {"Morgen": "2031-04-09"}
    text = "Am Morgen reist sie weiter nach Tartu. Der Morgen begann mit Nebel."
    assert {t.text: t.value for t in tag(text, published=dt.date(2031, 4, 8)).times} == {"Morgen": "2031-04-08TMO"}


def test_strong_preterite_the_morphology_reads_as_no_verb_is_past() -> None:
    """``griffen`` tagged as an adjective (no tense): its ablaut stem still makes the clause past."""
    cues = tagger_for("de").tense_rules.cues([(0, "griffen", ""), (10, "möglich", ""), (20, "analog", "")])
    assert [(c.offset, c.tense) for c in cues] == [(0, "past")]


# ---------------------------------------------------------------- `in zwei Wochen`, `nächstes Jahr`


def test_in_two_weeks_ahead_is_a_date_and_told_in_the_past_a_duration() -> None:
    import datetime as dt

    tag = tagger_for("de").tag
    ahead = {
        t.text: (t.value, t.type)
        for t in tag("In zwei Wochen soll der Rat entscheiden.", published=dt.date(2031, 4, 8)).times
    }
    assert ahead == {"In zwei Wochen": ("2031-W17", "DATE")}
    past = {
        t.text: t.value for t in tag("In zwei Wochen hatte der Rat entschieden.", published=dt.date(2031, 4, 8)).times
    }
    assert past == {"zwei Wochen": "P2W"}
    # a participle after `ge` is no preterite: `bis zum 1. Juli geschlossen` is a state ahead
    state = {
        t.text: t.value
        for t in tag("Die Konsulate bleiben bis zum 1. Juli geschlossen.", published=dt.date(2031, 4, 8)).times
    }
    assert state == {"1. Juli": "2031-07-01"}


def test_english_in_ten_days_ahead_is_a_date() -> None:
    import datetime as dt

    tag = tagger_for("en").tag
    values = {
        t.text: t.value for t in tag("The ferry will resume service in 10 days.", published=dt.date(2031, 4, 8)).times
    }
    assert values == {"in 10 days": "2031-04-18"}


def test_neuter_relative_words_name_the_year() -> None:
    import datetime as dt

    tag = tagger_for("de").tag
    text = "Nächstes Jahr wird gewählt. Letztes Jahr war die Wahl verschoben worden."
    values = {t.text: t.value for t in tag(text, published=dt.date(2031, 4, 8)).times}
    assert values == {"Nächstes Jahr": "2032", "Letztes Jahr": "2030"}


def test_english_wire_clock_time_with_its_zone_is_no_year() -> None:
    """``(1700 GMT)`` after ``noon``: a clock time on the sentence's day, not the year 1700."""
    import datetime as dt

    text = "The ministers will meet at noon (1700 GMT) on Friday."
    values = {t.text: t.value for t in tagger_for("en").tag(text, published=dt.date(2031, 4, 8)).times}
    assert values.get("1700 GMT") == "2031-04-11T17:00" and "1700" not in values


def test_preview_that_moved_to_a_later_day_puts_the_reference_weekday_next_week(nlp_de) -> None:
    """On a Wednesday: ``empfängt am Dienstag`` is next Tuesday, and ``Am Mittwoch reist er weiter``
    after it the Wednesday after that, not the reference day; alone it stays the reference day."""
    import newsgraph

    text = (
        "Der Bürgermeister empfängt am Dienstag eine Delegation aus Turku. Am Mittwoch reist die Delegation "
        "weiter nach Bremen."
    )
    values = {t.text: t.value for t in newsgraph.extract(text, lang="de", published="2031-04-09", nlp=nlp_de).times}
    assert values == {"Dienstag": "2031-04-15", "Mittwoch": "2031-04-16"}
    text = "Am Mittwoch reist die Delegation weiter nach Bremen."
    values = {t.text: t.value for t in newsgraph.extract(text, lang="de", published="2031-04-09", nlp=nlp_de).times}
    assert values == {"Mittwoch": "2031-04-09"}


# ---------------------------------------------------------------- `nächsten Jahres`, datelines


def test_next_year_counts_from_the_reference_and_the_following_year_from_the_year_told() -> None:
    import datetime as dt

    tag = tagger_for("de").tag
    text = "Die Marine ist seit 2024 vor Ort; das Parlament muss im März nächsten Jahres entscheiden."
    assert {t.text: t.value for t in tag(text, published=dt.date(2031, 4, 8)).times}[
        "März nächsten Jahres"
    ] == "2032-03"
    text = "Im Mai 2024 begann der Einsatz. Im Juni des folgenden Jahres wurde er ausgeweitet."
    values = {t.text: t.value for t in tag(text, published=dt.date(2031, 4, 8)).times}
    assert values["Juni des folgenden Jahres"] == "2025-06"


def test_wikinews_dateline_with_the_country_in_brackets_gives_the_day() -> None:
    import datetime as dt

    text = (
        "Fährlinie eingestellt\n\nTurku (Finnland), 14.03.2029 – Die Reederei hat am Mittwoch den Betrieb eingestellt."
    )
    result = tagger_for("de").tag(text, published=None, today=dt.date(2031, 4, 8))
    assert result.reference.date == dt.date(2029, 3, 14) and "dateline" in result.reason
    assert result.times[0].text == "14.03.2029"  # no leading comma in the span


def test_next_stop_of_a_visit_follows_the_day_told_before(nlp_de) -> None:
    """On a Monday: ``trifft am Sonntag ein ... Am Dienstag reist sie weiter`` is the Tuesday after that
    Sunday; an unrelated ``Am Dienstag berät das Kabinett`` stays tomorrow."""
    import newsgraph

    text = (
        "Die Premierministerin trifft am Sonntag in Oslo ein. Am Montag empfängt sie der König. "
        "Am Dienstag reist sie weiter nach Bergen."
    )
    values = {t.text: t.value for t in newsgraph.extract(text, lang="de", published="2031-04-07", nlp=nlp_de).times}
    assert values == {"Sonntag": "2031-04-13", "Montag": "2031-04-14", "Dienstag": "2031-04-15"}
    text = "Am Sonntag wird in Norwegen gewählt. Am Dienstag berät das Kabinett."
    values = {t.text: t.value for t in newsgraph.extract(text, lang="de", published="2031-04-07", nlp=nlp_de).times}
    assert values == {"Sonntag": "2031-04-13", "Dienstag": "2031-04-08"}


def test_english_before_a_noun_is_a_duration_and_at_the_clause_end_counts_back() -> None:
    import datetime as dt

    tag = tagger_for("en").tag
    text = (
        "The envoys talked for about 40 minutes before lunch. The treaty was signed on May 3. "
        "Two days before, talks had stalled."
    )
    values = {t.text: t.value for t in tag(text, published=dt.date(2031, 5, 8)).times}
    assert values["about 40 minutes"] == "PT40M"
    assert values["Two days before"] == "2031-05-01"


def test_austrian_feber_is_february() -> None:
    import datetime as dt

    text = "Im Feber hatte der Landtag getagt; die Wahl am 3. Feber 2030 war knapp."
    values = {t.text: t.value for t in tagger_for("de").tag(text, published=dt.date(2031, 4, 8)).times}
    assert values == {"Feber": "2031-02", "3. Feber 2030": "2030-02-03"}


def test_vague_some_time_takes_its_direction_from_the_tense() -> None:
    import datetime as dt

    de = tagger_for("de").tag(
        "Sie werde irgendwann zurücktreten. Eines Tages war er fort.", published=dt.date(2031, 4, 8)
    )
    assert {t.text: t.value for t in de.times} == {"irgendwann": "FUTURE_REF", "Eines Tages": "PAST_REF"}
    en = tagger_for("en").tag("Shortly before the vote, the mayor had resigned.", published=dt.date(2031, 4, 8))
    assert {t.text: t.value for t in en.times} == {"Shortly": "PAST_REF"}


def test_todays_adjective_alone_is_the_reference_day() -> None:
    import datetime as dt

    text = "Bei der heutigen Abstimmung fehlten zwei Abgeordnete; der gestrige Beschluss bleibt gültig."
    values = {t.text: t.value for t in tagger_for("de").tag(text, published=dt.date(2031, 4, 8)).times}
    assert values == {"heutigen": "2031-04-08", "gestrige": "2031-04-07"}


def test_night_to_a_weekday_is_the_night_that_begins_the_day_before() -> None:
    import datetime as dt

    tag = tagger_for("de").tag
    past = tag("In der Nacht zum Freitag griffen Unbekannte das Rathaus an.", published=dt.date(2031, 4, 9))
    assert {t.text: t.value for t in past.times} == {"der Nacht zum Freitag": "2031-04-03TNI"}
    ahead = tag("In der Nacht auf Samstag soll der Hafen schließen.", published=dt.date(2031, 4, 9))
    assert {t.text: t.value for t in ahead.times} == {"der Nacht auf Samstag": "2031-04-11TNI"}


def test_english_passive_infinitive_is_no_past(nlp_en) -> None:
    """``will be held on Saturday``: the participle after ``be`` takes its tense from ``will``."""
    import newsgraph

    record = newsgraph.extract("The summit will be held on Saturday.", lang="en", published="2031-04-09", nlp=nlp_en)
    assert {t.text: t.value for t in record.times} == {"Saturday": "2031-04-12"}


def test_coming_weekend_on_a_weekday_is_this_weeks() -> None:
    import datetime as dt

    text = "Am kommenden Wochenende wird gestreikt. Am vergangenen Wochenende war es ruhig."
    wednesday = {t.text: t.value for t in tagger_for("de").tag(text, published=dt.date(2031, 4, 9)).times}
    assert wednesday == {"kommenden Wochenende": "2031-W15-WE", "vergangenen Wochenende": "2031-W14-WE"}
    saturday = {t.text: t.value for t in tagger_for("de").tag(text, published=dt.date(2031, 4, 12)).times}
    assert saturday["kommenden Wochenende"] == "2031-W16-WE"


def test_english_ahead_of_a_weekday_lies_ahead(nlp_en) -> None:
    import newsgraph

    text = "Ahead of Sunday's referendum, the mayor held a rally."
    record = newsgraph.extract(text, lang="en", published="2031-04-09", nlp=nlp_en)
    assert {t.text: t.value for t in record.times} == {"Sunday": "2031-04-13"}


def test_weekday_of_a_named_week_is_one_expression() -> None:
    import datetime as dt

    text = "Am Freitag vergangener Woche tagte der Rat. Am Dienstag kommender Woche soll abgestimmt werden."
    values = {t.text: t.value for t in tagger_for("de").tag(text, published=dt.date(2031, 4, 9)).times}
    assert values == {"Freitag vergangener Woche": "2031-04-04", "Dienstag kommender Woche": "2031-04-15"}


def test_history_counts_next_year_and_the_year_before_from_the_story() -> None:
    """In a history (many years, nothing counted from the reference date) ``im nächsten Jahr`` and
    ``im Vorjahr`` in a later sentence count from the story's year; ``im vergangenen Jahr`` from the
    reference date. ``Im nächsten Jahr fiel die Stadt`` moves the story on to 1813 (session 14), so the
    year before it is 1812."""
    import datetime as dt

    text = (
        "Die Festung wurde 1701 gebaut und 1744 erweitert. Im Sommer 1812 belagerten fremde Truppen die Stadt. "
        "Die Verteidiger hielten lange stand. Im nächsten Jahr fiel die Stadt. Im Vorjahr war die Ernte "
        "ausgefallen. Im vergangenen Jahr wurde die Festung restauriert."
    )
    values = {t.text: t.value for t in tagger_for("de").tag(text, published=dt.date(2031, 4, 8)).times}
    assert values["nächsten Jahr"] == "1813"
    assert values["Vorjahr"] == "1812"
    assert values["vergangenen Jahr"] == "2030"


def test_part_of_a_weekday_in_the_genitive_and_midnight_told_in_the_past() -> None:
    import datetime as dt

    tag = tagger_for("de").tag
    text = "In den frühen Morgenstunden des Sonntags griffen Unbekannte das Depot an."
    values = {t.text: t.value for t in tag(text, published=dt.date(2031, 4, 9)).times}
    assert values == {"den frühen Morgenstunden des Sonntags": "2031-04-06TMO"}
    text = "Das Fahrverbot trat um Mitternacht in Kraft. Das nächste soll um Mitternacht beginnen."
    values = [t.value for t in tag(text, published=dt.date(2031, 4, 9)).times]
    assert values == ["2031-04-09T00:00", "2031-04-09T24:00"]


def test_english_the_week_before_counts_from_the_last_date_told() -> None:
    import datetime as dt

    text = "The strike began on March 3, 2030. The week before, talks had failed. A month later it ended."
    values = {t.text: t.value for t in tagger_for("en").tag(text, published=dt.date(2031, 4, 9)).times}
    assert values["The week before"] == "2030-W08"
