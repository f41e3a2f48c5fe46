"""Times in history recaps and past plans inside news (issue 20, session 15): one test per
phenomenon, on fresh sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.timex import tagger_for

TODAY = dt.date(2026, 11, 29)
#: a Wednesday
PUBLISHED = dt.date(2025, 3, 12)


def _values(lang: str, text: str, published: dt.date | None = PUBLISHED) -> dict[str, str | None]:
    result = tagger_for(lang).tag(text, published=published, today=TODAY)
    return {t.text: t.value for t in result.times}


# ---------------------------------------------------------------- a day of the year just told


@pytest.mark.parametrize(
    ("lang", "text", "expr", "expected"),
    [
        (
            "de",
            "Das Abkommen war 1994 unterzeichnet worden. Am 5. Dezember desselben Jahres gaben die Staaten Garantien.",
            "5. Dezember desselben Jahres",
            "1994-12-05",
        ),
        (
            "de",
            "Der Pakt stammt aus dem Jahr 1997. Im Mai jenes Jahres unterzeichneten ihn die Staatschefs.",
            "Mai jenes Jahres",
            "1997-05",
        ),
        (
            "de",
            "Die Union wurde 1993 gegründet. Am 1. November des gleichen Jahres nahm sie die Arbeit auf.",
            "1. November des gleichen Jahres",
            "1993-11-01",
        ),
        (
            "en",
            "The pact was signed in 1994. On December 5 of that year, the states gave guarantees.",
            "December 5 of that year",
            "1994-12-05",
        ),
        (
            "en",
            "The union was founded in 1993. In November of the same year the treaty entered into force.",
            "November of the same year",
            "1993-11",
        ),
        ("en", "The union was founded in 1993. Later that year the first summit was held.", "Later that year", "1993"),
    ],
)
def test_a_date_of_the_year_just_told_takes_that_year(lang: str, text: str, expr: str, expected: str) -> None:
    """``desselben Jahres``, ``jenes Jahres``, ``of that year``: the year the text has just named,
    not the reference year (``des folgenden Jahres`` already counted from it)."""
    assert _values(lang, text)[expr] == expected


def test_next_year_of_the_reference_still_counts_from_the_reference() -> None:
    values = _values("de", "Die Mauer fiel 1989. Im Mai nächsten Jahres soll das Museum eröffnen.")
    assert values["Mai nächsten Jahres"] == "2026-05"


# ---------------------------------------------------------------- a plan told in the past


@pytest.mark.parametrize(
    ("lang", "text", "expr", "expected"),
    [
        # the nearer side: a Monday two days back, a Friday two days ahead, an April a month ahead
        ("de", "Der Gipfel sollte am Montag beginnen, wurde aber abgesagt.", "Montag", "2025-03-10"),
        ("de", "Die Gespräche sollten am Freitag beginnen.", "Freitag", "2025-03-14"),
        ("de", "Der Parteitag sollte ursprünglich am 15. April stattfinden.", "15. April", "2025-04-15"),
        # a participle of planning beside a past auxiliary, wherever it stands, also after `für`/`for`
        ("de", "Die Abstimmung war am Freitag vorgesehen.", "Freitag", "2025-03-14"),
        ("de", "Der Parteitag war für den 15. April geplant.", "15. April", "2025-04-15"),
        ("en", "The vote, which had been scheduled for Tuesday, was moved to next week.", "Tuesday", "2025-03-11"),
        ("en", "The summit had originally been planned for February but was postponed.", "February", "2025-02"),
        ("en", "He was scheduled to meet the king on Saturday.", "Saturday", "2025-03-15"),
        ("en", "She was scheduled to speak on Monday but cancelled.", "Monday", "2025-03-10"),
        ("en", "The two sides were supposed to sign the accord on April 15.", "April 15", "2025-04-15"),
    ],
)
def test_a_plan_told_in_the_past_takes_the_nearer_side(lang: str, text: str, expr: str, expected: str) -> None:
    """``sollte am Montag stattfinden``, ``was scheduled to meet on Saturday``: the plan was made
    before, its day lies on either side of the reference date; neither the past of the auxiliary nor
    a future decides, the nearer such day does."""
    assert _values(lang, text)[expr] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expr", "expected"),
    [
        ("de", "Das Treffen ist für Montag geplant.", "Montag", "2025-03-17"),
        ("en", "The talks are scheduled for Monday.", "Monday", "2025-03-17"),
        ("en", "The summit is planned for February.", "February", "2026-02"),
    ],
)
def test_a_plan_told_in_the_present_still_looks_ahead(lang: str, text: str, expr: str, expected: str) -> None:
    assert _values(lang, text)[expr] == expected


# ---------------------------------------------------------------- a feast told in the present


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Easter 2025 (20 April) was eight weeks back on 12 June: the present tells the next one
        ("Die Ministerin reist zu Ostern nach Rom.", dt.date(2025, 6, 12), "2026-04-05"),
        # ... but a feast a few days back is the one just past
        ("Die Ministerin reist zu Ostern nach Rom.", dt.date(2025, 4, 25), "2025-04-20"),
        ("Die Ministerin war zu Ostern in Rom.", dt.date(2025, 6, 12), "2025-04-20"),
    ],
)
def test_a_movable_feast_told_in_the_present_looks_ahead(nlp_de, text: str, published: dt.date, expected: str) -> None:
    """A present verb with a movable feast reads as with a month (``reist im April``): the next one,
    unless the feast lies at most a month back (the base pipeline's morphology tells the present)."""
    import newsgraph

    record = newsgraph.extract(text, lang="de", published=published.isoformat(), nlp=nlp_de)
    assert {t.text: t.value for t in record.times}["Ostern"] == expected


# ---------------------------------------------------------------- quarters and half years


@pytest.mark.parametrize(
    ("lang", "text", "expr", "expected"),
    [
        # told in the past on 12 March 2025: the latest such part that has begun
        ("de", "Im dritten Quartal wuchs die Wirtschaft um 0,5 Prozent.", "dritten Quartal", "2024-Q3"),
        ("de", "Im ersten Halbjahr stieg die Zahl der Arbeitslosen.", "ersten Halbjahr", "2025-H1"),
        # told ahead: the earliest not yet over
        (
            "de",
            "In der zweiten Jahreshälfte wird die Notenbank die Zinsen senken.",
            "der zweiten Jahreshälfte",
            "2025-H2",
        ),
        ("de", "Im ersten Quartal 2008 sank der Absatz.", "ersten Quartal 2008", "2008-Q1"),
        ("en", "The economy grew 0.5 percent in the third quarter.", "the third quarter", "2024-Q3"),
        ("en", "Profits fell in the first half of 2024.", "the first half of 2024", "2024-H1"),
        ("en", "The bank will cut rates in the second half of the year.", "the second half of the year", "2025-H2"),
    ],
)
def test_an_ordinal_quarter_or_half_is_that_part_of_a_year(lang: str, text: str, expr: str, expected: str) -> None:
    """``im dritten Quartal``, ``the first half of 2024``: TIMEX3 ``YYYY-Qn`` / ``YYYY-Hn``, the year
    given, else by tense around the reference date."""
    assert _values(lang, text)[expr] == expected


def test_the_last_quarter_counts_back_from_the_reference() -> None:
    """``im letzten Quartal`` is the quarter before the reference's, not the fourth."""
    assert _values("de", "Die Zahl der Arbeitslosen stieg im letzten Quartal.")["letzten Quartal"] == "2024-Q4"
    assert (
        _values("de", "Die Zahl der Arbeitslosen stieg im letzten Quartal.", dt.date(2025, 6, 12))["letzten Quartal"]
        == "2025-Q1"
    )


def test_first_half_of_a_match_is_no_time() -> None:
    assert "the first half" not in "".join(_values("en", "He scored in the first half of the match."))


# ---------------------------------------------------------------- an itinerary in one sentence


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Die Ministerin bricht am Donnerstag nach Südamerika auf. Am Freitag trifft sie in Brasília "
            "Präsident Lula, am Sonntag in Buenos Aires Präsident Milei.",
        ),
        (
            "en",
            "The minister leaves on Thursday for South America. On Friday she meets Lula in Brasilia, "
            "on Sunday Milei in Buenos Aires.",
        ),
    ],
)
def test_a_weekday_listed_after_one_told_ahead_follows_it(nlp_de, lang: str, text: str) -> None:
    """On Friday 14 March 2025: the trip starts on the 20th, Friday is the 21st, and the Sunday the
    same sentence lists after it is the 23rd, not the coming 16th (an itinerary is told in order)."""
    import newsgraph

    nlp = nlp_de if lang == "de" else newsgraph.load("en")
    record = newsgraph.extract(text, lang=lang, published="2025-03-14", nlp=nlp)
    values = [t.value for t in record.times]
    assert values[-2:] == ["2025-03-21", "2025-03-23"]


def test_a_weekday_in_the_past_after_one_told_ahead_stays_in_the_past(nlp_de) -> None:
    import newsgraph

    text = "Am Freitag trifft sie Lula, am Sonntag war sie noch in Rom."
    record = newsgraph.extract(text, lang="de", published="2025-03-12", nlp=nlp_de)
    assert [t.value for t in record.times] == ["2025-03-14", "2025-03-09"]


# ---------------------------------------------------------------- the dative of `dieses`


def test_in_diesem_jahr_is_the_current_year_in_news() -> None:
    """``in diesem Jahr``, ``in diesem Monat``: the reference date's year and month (the dative was
    missing among the relative words)."""
    values = _values("de", "In diesem Jahr rechnet die Regierung mit einem Anstieg. In diesem Monat wird gewählt.")
    assert values["diesem Jahr"] == "2025" and values["diesem Monat"] == "2025-03"


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("Die Regierung will bis Jahresende handeln.", "Jahresende", "2025"),
        ("Die Wirtschaft wuchs seit Jahresbeginn um zwei Prozent.", "Jahresbeginn", "2025"),
        ("Die Lieferung kommt am Monatsende.", "Monatsende", "2025-03"),
        ("Die Minister treffen sich zu Wochenbeginn.", "Wochenbeginn", "2025-W11"),
        # in a history, the year its passage is in (as `Ende des Jahres`)
        ("Der Krieg begann im August 1914. Bis Jahresende starben Hunderttausende.", "Jahresende", "1914"),
    ],
)
def test_a_part_of_a_period_in_one_word(text: str, expr: str, expected: str) -> None:
    """``bis Jahresende``, ``zu Jahresbeginn``, ``am Monatsende``: read as ``Ende des Jahres``."""
    assert _values("de", text)[expr] == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The government said it would act by year-end.", "year-end", "2025"),
        ("The deal is expected before year-end 2026.", "year-end 2026", "2026"),
    ],
)
def test_year_end_in_english(text: str, expr: str, expected: str) -> None:
    assert _values("en", text)[expr] == expected


def test_the_following_day_in_one_word() -> None:
    """``am Folgetag``: the day after the last day told, as ``am folgenden Tag``."""
    values = _values("de", "Am 3. Mai 2024 traf er in Rom ein. Am Folgetag sprach er mit dem Papst.")
    assert values["Folgetag"] == "2024-05-04"


# ---------------------------------------------------------------- a day `des Monats`


@pytest.mark.parametrize(
    ("lang", "text", "expr", "expected"),
    [
        # the month the text has just told
        (
            "de",
            "Im Februar begannen die Gespräche. Am 24. des Monats hatte die Regierung den Plan vorgestellt.",
            "24. des Monats",
            "2025-02-24",
        ),
        (
            "en",
            "The talks began in February. On the 24th of the month, the government presented its plan.",
            "24th of the month",
            "2025-02-24",
        ),
        # no month told: the tense puts the day on its side of the reference date (12 March)
        ("de", "Am 24. des Monats hatte die Regierung den Plan vorgestellt.", "24. des Monats", "2025-02-24"),
        ("de", "Am 3. des Monats soll abgestimmt werden.", "3. des Monats", "2025-04-03"),
        ("de", "Am 5. des Monats hatte die Regierung den Plan vorgestellt.", "5. des Monats", "2025-03-05"),
        # `dieses Monats` is this month, whatever the tense
        ("de", "Am 24. dieses Monats soll abgestimmt werden.", "24. dieses Monats", "2025-03-24"),
    ],
)
def test_a_day_of_the_month_takes_the_month_told_or_its_tense(lang: str, text: str, expr: str, expected: str) -> None:
    assert _values(lang, text)[expr] == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("Im Tagesverlauf soll eine Entscheidung fallen.", "Tagesverlauf", "2025-03-12"),
        ("Im Wochenverlauf wird mit Regen gerechnet.", "Wochenverlauf", "2025-W11"),
        ("Am Silvesterabend kam es zu Ausschreitungen.", "Silvesterabend", "2024-12-31"),
    ],
)
def test_course_of_a_period_and_new_years_eve(text: str, expr: str, expected: str) -> None:
    """``im Tagesverlauf`` as ``im Laufe des Tages``; ``Silvesterabend`` as ``Silvester``."""
    assert _values("de", text)[expr] == expected


def test_a_part_of_the_same_day_is_one_expression() -> None:
    """``Am Abend desselben Tages``: the evening of the day just told, one expression (not the
    evening and a separate ``desselben Tages``), in a history as ``am selben Abend``."""
    text = (
        "Die Krise hatte 1912 begonnen und sich 1913 verschärft. Am 1. August 1914 erklärte das Reich den "
        "Krieg. Am Abend desselben Tages überschritten Truppen die Grenze."
    )
    values = {t.text: t.value for t in tagger_for("de").tag(text, published=PUBLISHED, today=TODAY).times}
    assert values.get("Abend desselben Tages") == "1914-08-01TEV"
    assert "desselben Tages" not in values
