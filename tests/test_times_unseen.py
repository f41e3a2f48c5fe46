"""Times on unseen news copy (issue 20, session 14): one test per phenomenon, on fresh sentences
written for these tests (look backs named by month, invitations, holidays, a fronted German verb)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.timex import tagger_for

TODAY = dt.date(2026, 11, 29)
#: a Wednesday
PUBLISHED = dt.date(2024, 1, 17)


def _values(lang: str, text: str, published: dt.date | None = PUBLISHED) -> dict[str, str | None]:
    result = tagger_for(lang).tag(text, published=published, today=TODAY)
    return {t.text: t.value for t in result.times}


def _record_values(nlp, text: str, lang: str = "de", published: str = "2024-01-17") -> dict[str, str | None]:
    import newsgraph

    record = newsgraph.extract(text, lang=lang, published=published, nlp=nlp)
    return {t.text: t.value for t in record.times}


# ---------------------------------------------------------------- a look back named by its month


def test_day_after_a_look_back_named_by_month_continues_it() -> None:
    """``Im Oktober 2019 ... Er traf Putin am 12. Oktober``: the day lies in the look back's month,
    so the next sentence continues that story, not the reference year."""
    values = _values("de", "Im Oktober 2019 war die Kanzlerin zuletzt in Moskau. Sie traf Putin am 12. Oktober.")
    assert values["12. Oktober"] == "2019-10-12"


def test_day_far_from_a_month_look_back_returns_to_the_present() -> None:
    values = _values("de", "Im März 2019 war die Kanzlerin zuletzt in Moskau. Sie traf Macron am 12. Oktober.")
    assert values["12. Oktober"] == "2023-10-12"


@pytest.mark.parametrize(
    ("lang", "text", "expr", "expected"),
    [
        (
            "de",
            "Zuletzt war der Minister im Mai 2018 in Peking. Er hatte dort viel vor. Damals traf er Li am 3. Juli.",
            "3. Juli",
            "2018-07-03",
        ),
        (
            "en",
            "The minister last visited Beijing in May 2018. He had big plans. At the time he met Li on July 3.",
            "July 3",
            "2018-07-03",
        ),
    ],
)
def test_a_sentence_that_points_back_continues_the_look_back(lang: str, text: str, expr: str, expected: str) -> None:
    """``damals``, ``at the time`` tie a date without a year to the look back told before, even
    two sentences on and months later than its date."""
    assert _values(lang, text)[expr] == expected


# ---------------------------------------------------------------- invitations


@pytest.mark.parametrize(
    ("lang", "text", "expr", "expected"),
    [
        ("de", "Die Bundesrätin ist im Juni zu einem Gipfel nach Ottawa eingeladen.", "Juni", "2024-06"),
        ("de", "Die Abstimmung ist im März vorgesehen, teilte das Büro mit.", "März", "2024-03"),
        ("en", "The governor has been invited to address the assembly in June.", "June", "2024-06"),
        ("en", "Ottawa has invited the governor to open the session in March.", "March", "2024-03"),
        # the inviting itself, told in the past: a past date
        ("de", "Die Bundesrätin wurde im Dezember nach Ottawa eingeladen.", "Dezember", "2023-12"),
        ("de", "Die Bundesrätin ist im Dezember nach Ottawa eingeladen worden.", "Dezember", "2023-12"),
        ("en", "The governor was invited in December.", "December", "2023-12"),
    ],
)
def test_a_standing_invitation_looks_ahead(lang: str, text: str, expr: str, expected: str) -> None:
    """``ist ... eingeladen``, ``has invited ... to``: the invitation stands and what it is for lies
    ahead; ``wurde eingeladen``, ``was invited`` tell the inviting, in the past."""
    assert _values(lang, text)[expr] == expected


# ---------------------------------------------------------------- holidays


@pytest.mark.parametrize(
    ("lang", "text", "expr", "expected"),
    [
        ("de", "Am zweiten Weihnachtstag besuchte der Minister die Soldaten.", "zweiten Weihnachtstag", "2023-12-26"),
        ("de", "Am Stephanstag war der Bundespräsident in Graz.", "Stephanstag", "2023-12-26"),
        ("de", "Zu Allerheiligen legte die Präsidentin einen Kranz nieder.", "Allerheiligen", "2023-11-01"),
        ("de", "Am Tag der Arbeit 2022 sprach der Gewerkschaftschef in Kassel.", "Tag der Arbeit 2022", "2022-05-01"),
        ("de", "Zu Mariä Himmelfahrt kamen viele Pilger.", "Mariä Himmelfahrt", "2023-08-15"),
        ("en", "On Boxing Day the prime minister visited troops.", "Boxing Day", "2023-12-26"),
        ("en", "The envoy arrived on Valentine's Day.", "Valentine's Day", "2023-02-14"),
    ],
)
def test_fixed_holidays_are_dates(lang: str, text: str, expr: str, expected: str) -> None:
    assert _values(lang, text)[expr] == expected


# ---------------------------------------------------------------- the German verb second


def test_weak_preterite_after_a_fronted_expression_is_past() -> None:
    """``Am Tag der Arbeit demonstrierten Tausende``: German puts the finite verb right after the
    first constituent; a weak preterite there is past even when no word list knows it."""
    values = _values(
        "de", "Am Tag der Arbeit protestierten Tausende in Kassel. Am Nikolaustag verteilten Helfer Essen."
    )
    assert values["Tag der Arbeit"] == "2023-05-01"
    assert values["Nikolaustag"] == "2023-12-06"


def test_present_after_a_fronted_expression_keeps_looking_ahead() -> None:
    """A present plural in ``-ten`` (``beraten``, ``starten``) and a modal's Konjunktiv II are no preterite."""
    values = _values("de", "Am Tag der Arbeit starten die Proteste in Kassel. Im März könnte die Reform kommen.")
    assert values["Tag der Arbeit"] == "2024-05-01"
    assert values["März"] == "2024-03"


def test_weak_preterite_read_as_adjective_is_past_in_the_full_pipeline(nlp_de) -> None:
    values = _record_values(nlp_de, "Am Tag der Arbeit demonstrierten Tausende vor dem Rathaus.")
    assert values["Tag der Arbeit"] == "2023-05-01"


# ---------------------------------------------------------------- the start of a state


def test_start_of_a_state_passive_lies_ahead() -> None:
    """``ab dem 1. Juli verboten ist``: ``ist`` + participle of a verb that takes ``haben`` is a state
    that begins then, not a perfect; the date lies ahead of the law's signing."""
    values = _values(
        "de", "Der Landtag hat am 9. Januar ein Gesetz gebilligt, nach dem ab dem 1. Juli das Zelten untersagt ist."
    )
    assert values["9. Januar"] == "2024-01-09"
    assert values["1. Juli"] == "2024-07-01"


def test_state_starting_date_bounds_the_inferred_reference_from_above() -> None:
    """Without a publication date, a law signed on a dated day whose ban starts on a later dated day
    puts the article between them (the start is a plan, an upper bound)."""
    result = tagger_for("de").tag(
        "Der Gouverneur hat am 20. Dezember 2016 ein Gesetz unterzeichnet, nach dem ab dem 1. Februar 2017 "
        "das Fischen im See verboten ist.",
        published=None,
        today=TODAY,
    )
    assert {t.text: t.value for t in result.times}["1. Februar 2017"] == "2017-02-01"
    assert [t.tense for t in result.times if t.text == "1. Februar 2017"] == ["future"]
    assert result.reference.known_year == 2016


# ---------------------------------------------------------------- seasons


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [
        ("de", "Im Frühjahr hatte die Regierung die Steuern gesenkt.", dt.date(2024, 1, 17), "2023-SP"),
        ("de", "Im Herbst soll die Reform folgen.", dt.date(2024, 11, 20), "2024-FA"),
        ("de", "Im Sommer soll die Reform folgen.", dt.date(2024, 11, 20), "2025-SU"),
        ("en", "The government will cut taxes in the spring.", dt.date(2024, 10, 17), "2025-SP"),
        ("en", "In the summer the central bank raised rates.", dt.date(2024, 3, 5), "2023-SU"),
        # a plan a verb that looks ahead announced: the first such season not over
        (
            "en",
            "The premier had invited the president to a summit of Baltic states in Riga in the spring.",
            dt.date(2024, 10, 17),
            "2025-SP",
        ),
    ],
)
def test_a_season_without_a_year_takes_its_tense(lang: str, text: str, published: dt.date, expected: str) -> None:
    result = tagger_for(lang).tag(text, published=published, today=TODAY)
    assert [t.value for t in result.times if t.type == "DATE"] == [expected]


# ---------------------------------------------------------------- tomorrow and its part of the day


def test_capitalised_tomorrow_with_a_part_of_the_day_opening_a_sentence() -> None:
    """``Morgen früh trifft er ...``, ``Morgen Abend gibt er ...``: at a sentence start the capital says
    nothing, and the noun ``Morgen`` takes no part of the day after it; ``Am Morgen`` stays the noun."""
    values = _values(
        "de", "Der Kanzler reist nach Rom. Morgen früh trifft er den Papst. Morgen Abend gibt er ein Interview."
    )
    assert values["Morgen früh"] == "2024-01-18TMO"
    assert values["Morgen Abend"] == "2024-01-18TEV"
    assert _values("de", "Am Morgen traf er den Papst.")["Morgen"] == "2024-01-17TMO"


# ---------------------------------------------------------------- English passive infinitives (guard)


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The decision could be announced on Friday, a spokesman said.", "Friday", "2024-01-19"),
        ("The bill is expected to be passed on Thursday.", "Thursday", "2024-01-18"),
        ("The rules will be tightened in March, the ministry said on Monday.", "March", "2024-03"),
        ("Officials said the talks had been postponed and would be held in April.", "April", "2024-04"),
        ("The summit was to be held on Monday but was postponed.", "Monday", "2024-01-15"),
        ("Zelensky, who was being hosted by Starmer on Saturday, flew to Paris on Sunday.", "Saturday", "2024-01-13"),
    ],
)
def test_english_participle_after_be_takes_the_auxiliarys_tense(text: str, expr: str, expected: str) -> None:
    """Fresh previews and reports for the session-13 rule (a participle after ``be`` is a passive
    infinitive, no past cue): the direction comes from ``will``, ``could``, ``is expected``, ``was``."""
    assert _values("en", text)[expr] == expected


# ---------------------------------------------------------------- a visit's days without a publication date


def test_tied_day_told_in_the_past_moves_on_to_a_later_weekday_told_in_the_past() -> None:
    """``reiste am Sonntag, 14. April ... traf am Dienstag``: the tied day opens the visit, the report
    was written on its latest day told (the Tuesday after), not the Tuesday before the arrival."""
    result = tagger_for("de").tag(
        "Die Ministerin reiste am Sonntag, 14. April, zu einem dreitägigen Besuch nach Hanoi. Am Dienstag "
        "traf sie den Regierungschef.",
        published=None,
        today=TODAY,
    )
    values = {t.text: t.value for t in result.times}
    assert values["Sonntag, 14. April"] == "2024-04-14"
    assert values["Dienstag"] == "2024-04-16"
    assert result.reference.date == dt.date(2024, 4, 16)


def test_tied_day_told_ahead_stays_the_reference() -> None:
    result = tagger_for("de").tag(
        "Die Ministerin reist am Sonntag, 14. April, nach Hanoi. Am Dienstag hatte sie den Botschafter getroffen.",
        published=None,
        today=TODAY,
    )
    assert result.reference.date == dt.date(2024, 4, 14)


# ---------------------------------------------------------------- a month told in the present


@pytest.fixture(scope="module")
def nlp_en():
    import newsgraph

    return newsgraph.load("en")


@pytest.mark.parametrize(
    ("lang", "text", "expr", "expected"),
    [
        ("de", "Der Gipfel findet im Juni in Halifax statt.", "Juni", "2025-06"),
        ("de", "Im März beginnt die Konferenz in Graz.", "März", "2025-03"),
        ("en", "The summit takes place in June in Halifax.", "June", "2025-06"),
        # a month just ended, told in the present (statistics, a state): that month
        ("de", "Die Teuerung liegt im September bei 2,1 Prozent.", "September", "2024-09"),
        ("de", "Die Teuerung liegt im Oktober bei 2,1 Prozent.", "Oktober", "2024-10"),
    ],
)
def test_a_month_told_in_the_present_looks_ahead_unless_just_ended(
    nlp_de, nlp_en, lang: str, text: str, expr: str, expected: str
) -> None:
    """``findet im Juni statt`` in October is next June: the present (the morphology's ``Tense=Pres``)
    tells what comes or what holds, not a past months back (it took the nearest June, four months
    back)."""
    nlp = nlp_de if lang == "de" else nlp_en
    assert _record_values(nlp, text, lang=lang, published="2024-10-17")[expr] == expected


# ---------------------------------------------------------------- a weekday's place in its month


@pytest.mark.parametrize(
    ("lang", "text", "expr", "expected"),
    [
        ("de", "Die Wahl wird am ersten Sonntag im Oktober stattfinden.", "ersten Sonntag im Oktober", "2024-10-06"),
        (
            "de",
            "Am letzten Sonntag im September hatten die Tiroler gewählt.",
            "letzten Sonntag im September",
            "2023-09-24",
        ),
        ("en", "The vote will be held on the second Tuesday in March.", "the second Tuesday in March", "2024-03-12"),
        (
            "en",
            "Voters went to the polls on the last Sunday of September 2021.",
            "the last Sunday of September 2021",
            "2021-09-26",
        ),
    ],
)
def test_nth_weekday_of_a_month(lang: str, text: str, expr: str, expected: str) -> None:
    """``am ersten Sonntag im Oktober``, ``the last Sunday of September``: that day of the month, in the
    year its tense picks (it was a weekday of this week and a month apart)."""
    assert _values(lang, text)[expr] == expected


def test_last_weekday_without_a_month_is_still_last_week() -> None:
    assert _values("de", "Am letzten Sonntag hatten die Tiroler gewählt.")["letzten Sonntag"] == "2024-01-14"


# ---------------------------------------------------------------- the day after a night


def test_part_of_the_day_after_a_night_to_a_weekday_is_that_weekdays() -> None:
    """``In der Nacht zum Dienstag ... Am Morgen``: the night begins on Monday, the story goes on into
    Tuesday; the morning after it is Tuesday's, not Monday's."""
    values = _values(
        "de", "In der Nacht zum Dienstag griffen Drohnen die Stadt an. Am Morgen meldete die Armee zwei Tote."
    )
    assert values["der Nacht zum Dienstag"] == "2024-01-15TNI"
    assert values["Morgen"] == "2024-01-16TMO"


# ---------------------------------------------------------------- a day of the current month


@pytest.mark.parametrize(
    ("lang", "text", "expr", "expected"),
    [
        ("de", "Der Präsident wird am 24. des Monats in Wien erwartet.", "24. des Monats", "2024-01-24"),
        ("de", "Die Wahl findet am 3. kommenden Monats statt.", "3. kommenden Monats", "2024-02-03"),
        ("en", "The envoy is expected on the 24th of this month.", "24th of this month", "2024-01-24"),
        ("en", "The vote is set for the 5th of next month.", "5th of next month", "2024-02-05"),
    ],
)
def test_day_of_this_or_next_month(lang: str, text: str, expr: str, expected: str) -> None:
    """``am 24. des Monats``, ``the 5th of next month``: a day of the reference month, or of the one
    its word counts to."""
    assert _values(lang, text)[expr] == expected


# ---------------------------------------------------------------- rescheduling and a week told ahead


@pytest.mark.parametrize(
    ("lang", "text", "expr", "expected"),
    [
        (
            "de",
            "Die Ministerin wollte am Dienstag reisen, verschob die Reise dann aber auf Freitag.",
            "Freitag",
            "2024-01-19",
        ),
        ("de", "Die Abstimmung im Landtag wurde auf den 12. Januar vertagt.", "12. Januar", "2025-01-12"),
        ("en", "The vote was postponed to Friday.", "Friday", "2024-01-19"),
        ("en", "The summit was delayed until January 9.", "January 9", "2025-01-09"),
        # no verb that reschedules: the tense decides
        (
            "de",
            "Mit Blick auf den 7. Oktober sagte der Minister, das Land müsse sich schützen.",
            "7. Oktober",
            "2023-10-07",
        ),
        ("en", "The ministers stayed until Sunday.", "Sunday", "2024-01-14"),
    ],
)
def test_a_new_date_after_rescheduling_lies_ahead(lang: str, text: str, expr: str, expected: str) -> None:
    """``verschob die Reise auf Freitag``, ``postponed to Friday``: the new date lies ahead of the
    rescheduling, although the verb is past (it took the past Friday)."""
    assert _values(lang, text)[expr] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Die Kanzlerin reist kommende Woche nach Ottawa. Am Freitag trifft sie den Premier."),
        ("en", "The chancellor travels to Ottawa next week. On Friday she meets the prime minister."),
    ],
)
def test_a_weekday_after_a_week_told_ahead_falls_in_that_week(lang: str, text: str) -> None:
    """``kommende Woche ... Am Freitag``: the Friday of next week, not this week's (a Wednesday's)."""
    values = _values(lang, text)
    assert values["Freitag" if lang == "de" else "Friday"] == "2024-01-26"


def test_a_weekday_after_a_past_week_keeps_its_nearest_day() -> None:
    """``Vergangene Woche ... Am Dienstag traf er``: in a report as often yesterday's news; unchanged."""
    assert (
        _values("de", "Vergangene Woche war der Kanzler in Paris. Am Dienstag traf er Macron.")["Dienstag"]
        == "2024-01-16"
    )


@pytest.mark.parametrize(
    ("lang", "text", "first", "last"),
    [
        ("en", "The minister will be in Oslo from Tuesday to Thursday.", "2024-01-23", "2024-01-25"),
        ("en", "The fair runs Friday through Sunday.", "2024-01-19", "2024-01-21"),
        ("de", "Die Ministerin war von Freitag bis Montag in Oslo.", "2024-01-12", "2024-01-15"),
    ],
)
def test_the_end_of_a_range_of_weekdays_follows_its_start(lang: str, text: str, first: str, last: str) -> None:
    """``from Tuesday to Thursday`` on a Wednesday: next Tuesday to the Thursday after it, not to
    tomorrow (each end took its own nearest day)."""
    result = tagger_for(lang).tag(text, published=PUBLISHED, today=TODAY)
    assert [t.value for t in result.times] == [first, last]


# ---------------------------------------------------------------- English progressive and `at the time of writing`


def test_english_progressive_takes_its_auxiliarys_tense(nlp_en) -> None:
    """``were continuing on July 3``: the -ing form's ``Tense=Pres`` says nothing, ``were`` is past;
    ``is meeting ... on Friday`` looks ahead."""
    values = _record_values(nlp_en, "Talks were continuing on July 3, officials said.", lang="en")
    assert values["July 3"] == "2023-07-03"
    assert _record_values(nlp_en, "Xi is meeting the prime minister on Friday.", lang="en")["Friday"] == "2024-01-19"


def test_at_the_time_of_writing_is_the_present_and_points_back_to_nothing() -> None:
    values = _values(
        "en", "The minister visited Beijing in May 2018. At the time of writing, talks were continuing on July 3."
    )
    assert values["At the time of writing"] == "PRESENT_REF"
    assert values["July 3"] == "2023-07-03"


# ---------------------------------------------------------------- a history's year


def test_next_year_moves_the_story_on() -> None:
    """``griff erst im nächsten Jahr wieder an. Am 26. Mai ...``: in a history the story is then in the
    year after, as if the text had named it (it went back to the year named most)."""
    text = (
        "Im Juni 1860 zog die Armee nach Norden. Im Juli 1861 erreichte sie den Fluss. Im August 1862 "
        "scheiterte der Angriff, und der General griff erst im nächsten Jahr wieder an.\n\nAm 26. Mai begann "
        "der neue Feldzug."
    )
    values = _values("de", text, published=dt.date(2011, 2, 16))
    assert values["nächsten Jahr"] == "1863"
    assert values["26. Mai"] == "1863-05-26"


def test_a_year_that_names_a_thing_does_not_move_the_story() -> None:
    """``die Deklaration von Paris von 1856``: the year names the treaty; the story stays in 1914."""
    text = (
        "Im August 1912 begann der Krieg. Im Oktober 1913 stockte der Vormarsch. Im Juli 1914 brach die "
        "Marine die Deklaration von Paris von 1856. Vom 5. bis 17. Dezember wurde erneut gekämpft."
    )
    values = _values("de", text, published=dt.date(2011, 2, 16))
    assert values["17. Dezember"] == "1914-12-17"


def test_a_year_heading_a_section_sets_the_story_year() -> None:
    """A year alone on its line heads a section: its dates without a year are of that year, however
    often the section before named a later one (a look ahead)."""
    text = (
        "Im Mai 1914 rüsteten die Staaten auf. Im Juni 1914 fiel der Schuss. Der Krieg endete erst 1918, "
        "1918 kam der Waffenstillstand, und 1918 dankte der Kaiser ab.\n\n1915\n\nAm 7. Mai versenkte ein "
        "U-Boot ein Passagierschiff."
    )
    values = _values("de", text, published=dt.date(2011, 2, 16))
    assert values["7. Mai"] == "1915-05-07"


@pytest.mark.parametrize(
    ("lang", "text", "expr", "expected"),
    [
        (
            "de",
            "Im Juni 1944 landeten sie. In der Nacht vom 16. auf den 17. April 1945 fiel die Stadt.",
            "Nacht",
            "1945-04-16TNI",
        ),
        ("de", "In der Nacht vom 20./21. Juni 1791 gelang die Flucht.", "Nacht", "1791-06-20TNI"),
        ("en", "In the night of 19 to 20 March 2003 the first bombs fell.", "night", "2003-03-19TNI"),
    ],
)
def test_a_night_followed_by_its_dates_is_the_first_dates_night(lang: str, text: str, expr: str, expected: str) -> None:
    """``in der Nacht vom 16. auf den 17. April 1945``: the night told before its dates took the day
    told earlier (or the reference date); it is the night of the first date."""
    assert _values(lang, text, published=dt.date(2011, 2, 16))[expr] == expected


def test_a_bare_year_after_its_sentences_day_is_background() -> None:
    """``Am 28. Oktober 1940 griffen Verbände von dem seit 1939 besetzten Land aus an``: ``1939`` is
    background to the sentence's day; the next sentence's ``3. November`` stays in 1940."""
    text = (
        "Im Mai 1938 begann die Krise. Im Juni 1939 eskalierte sie. Am 28. Oktober 1940 griffen Verbände "
        "von dem seit 1939 besetzten Land aus an. Doch schon am 3. November kam der Gegenangriff."
    )
    values = _values("de", text, published=dt.date(2011, 2, 16))
    assert values["3. November"] == "1940-11-03"


@pytest.mark.parametrize(
    ("text", "published", "expr", "expected"),
    [
        (
            "Im Mai 1939 begann es. Im Juni 1940 kam es. Im Sommer 1941 stockte der Angriff, im Dezember 1941 "
            "scheiterte er.\n\nIn den Schlachten des neuen Jahres wurde am 28. Mai die Stadt erobert.",
            dt.date(2011, 2, 16),
            "28. Mai",
            "1942-05-28",
        ),
        ("Im neuen Jahr will die Regierung sparen.", dt.date(2024, 12, 20), "neuen Jahr", "2025"),
        ("Im neuen Jahr will die Regierung sparen.", dt.date(2024, 1, 5), "neuen Jahr", "2024"),
    ],
)
def test_the_new_year(text: str, published: dt.date, expr: str, expected: str) -> None:
    """``des neuen Jahres``: in a history the year after the story's (and the story moves there);
    in news the coming year from October, else the current one."""
    assert _values("de", text, published=published)[expr] == expected


def test_a_look_ahead_inside_a_year_section_does_not_move_its_story() -> None:
    """Under the heading ``1915`` a sentence that looks ahead to 1917 (twice) does not take the
    section's later dates without a year with it."""
    text = (
        "1914\n\nIm August 1914 begann der Krieg. Im Dezember 1914 erstarrte die Front.\n\n1915\n\n"
        "Am 7. Mai versenkte ein U-Boot ein Passagierschiff. Die Wiederaufnahme des U-Boot-Kriegs 1917 war "
        "ein Grund für die Kriegserklärung im April 1917.\n\nAm 23. Mai erklärte Italien den Krieg."
    )
    values = _values("de", text, published=dt.date(2011, 2, 16))
    assert values["7. Mai"] == "1915-05-07"
    assert values["23. Mai"] == "1915-05-23"


def test_a_historys_present_or_plan_stays_in_its_story() -> None:
    """``Bereits am 8. November wird ... übernommen`` (historical present), ``beraumte für den 23.
    Juni an`` in a history of 1789: not the reference date's future."""
    text = (
        "Im Mai 1787 begann die Krise. Im Juni 1788 verschärfte sie sich. Im Mai 1789 traten die Stände "
        "zusammen. Der König beraumte für den 23. Juni eine Sitzung an. Bereits am 8. Juli wird die "
        "Versammlung aufgelöst."
    )
    values = _values("de", text, published=dt.date(2011, 2, 16))
    assert values["23. Juni"] == "1789-06-23"
    assert values["8. Juli"] == "1789-07-08"


def test_the_preceding_year_counts_from_the_story() -> None:
    """``am Ende des vorangegangenen Jahres`` in a history: the year before the story's, not before
    the reference date's."""
    text = (
        "Im Mai 1860 begann es. Im Juni 1861 kam es. Im Juli 1863 zogen Truppen aus. Die Gegner hatten am "
        "Ende des vorangegangenen Jahres Überfälle verübt."
    )
    assert _values("de", text, published=dt.date(2011, 2, 16))["Ende des vorangegangenen Jahres"] == "1862"


def test_relative_years_in_a_story_before_christ_keep_its_era() -> None:
    """``im gleichen Jahr``, ``Mitte des Jahres``, ``im nächsten Jahr`` after ``146 v. Chr.``: BC years,
    counting down (they lost the era: ``0146``)."""
    text = (
        "Im Jahr 264 v. Chr. begann der Krieg. Im Jahr 218 v. Chr. zog das Heer los. Das Kommando wurde "
        "für das Jahr 146 v. Chr. verlängert, und im gleichen Jahr fiel die Stadt. Im nächsten Jahr "
        "herrschte Ruhe."
    )
    values = _values("de", text, published=dt.date(2011, 2, 16))
    assert values["gleichen Jahr"] == "BC0146"
    assert values["nächsten Jahr"] == "BC0145"


def test_a_month_later_counts_from_a_month_told_after_the_last_day() -> None:
    """``wurde Anfang Mai ernannt und ging einen Monat später ...`` after ``am 12. August 1861``: from
    May, the month told last (it counted from the August day)."""
    text = (
        "Im Juni 1859 begann es. Im Juli 1860 kam es. Am 12. August 1861 siegte der Süden. Ein General wurde "
        "Anfang Mai zum Befehlshaber ernannt und ging einen Monat später gegen die Verbände vor."
    )
    assert _values("de", text, published=dt.date(2011, 2, 16))["einen Monat später"] == "1861-06"


def test_a_day_before_christ_keeps_its_day() -> None:
    """``Am 2. August`` in a story of 216 v. Chr.: ``BC0216-08-02`` (the day was dropped)."""
    text = (
        "Im Jahr 264 v. Chr. begann der Krieg. Im Jahr 218 v. Chr. zog das Heer los. Im Jahr 216 v. Chr. "
        "drängte der Konsul. Am 2. August kam es zur Schlacht."
    )
    assert _values("de", text, published=dt.date(2011, 2, 16))["2. August"] == "BC0216-08-02"


def test_a_season_right_before_a_year_before_christ_is_of_that_year() -> None:
    """``Im Frühjahr 479 v. Chr.``: the season of 479 BC, not of the year told before."""
    text = "Im Jahr 490 v. Chr. begann es. Im Herbst 480 v. Chr. siegten sie. Im Frühjahr 479 v. Chr. wurde gekämpft."
    assert _values("de", text, published=dt.date(2011, 2, 16))["Frühjahr"] == "BC0479-SP"
