"""One default mode that decides per expression which date a date without a year hangs on: the
passage's own year (a look back in a report, a history) or the reference date. Fresh sentences, one
test per phenomenon (issue 20)."""

from __future__ import annotations

import datetime as dt

import newsgraph
from newsgraph.timex import tagger_for

TODAY = dt.date(2026, 11, 29)


def _value(text: str, phrase: str, published: str, *, narrative: bool = False, nth: int = 0) -> str | None:
    result = tagger_for("de").tag(text, published=dt.date.fromisoformat(published), today=TODAY, narrative=narrative)
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    hits = [t for t in result.times if t.start < start + len(phrase) and start < t.end]
    assert hits, f"{phrase!r} not tagged"
    return hits[0].value


def test_look_back_gives_its_year_to_a_date_of_the_same_sentence():
    text = (
        "Am Montag trafen sich die Minister erneut. Bereits am 19. Mai 2019 hatten sie verhandelt, "
        "und am 24. Mai unterzeichneten sie damals den ersten Vertrag."
    )
    assert _value(text, "24. Mai", "2021-06-01") == "2019-05-24"


def test_report_returns_to_its_present_after_the_look_back():
    text = (
        "Am Dienstag tagte der Rat. Am 17. März 2015 hatte das Parlament die Reform beschlossen. "
        "Die Ministerin sagte, seit der Abstimmung im Dezember habe sich viel getan."
    )
    assert _value(text, "im Dezember", "2021-02-10") == "2020-12"


HISTORY = (
    "Nach den Feldzügen von 1805 und 1809 schloss der Zar 1810 ein Bündnis. Im Frühjahr 1812 sammelte er seine Truppen."
)


def test_history_keeps_the_year_of_its_passage_across_paragraphs():
    text = HISTORY + "\n\nAm 3. September erreichte die Armee den Fluss."
    assert _value(text, "3. September", "2011-02-16") == "1812-09-03"


def test_a_single_look_back_without_day_counting_is_still_a_report():
    """One year far back does not make a short text a history: `am Vormittag` is the report's day."""
    text = "Die Absprachen gehen auf ein Treffen am 3. März 2017 zurück.\n\nAm 9. Mai sprach der Minister in Rom."
    assert _value(text, "9. Mai", "2021-06-01") == "2021-05-09"


def test_plan_after_a_look_back_counts_from_the_reference_date():
    """A past verb in another clause does not make `soll im Oktober` a future seen from 2016."""
    text = "Das letzte Treffen der beiden fand am 2. Mai 2016 statt, ein weiteres soll im Oktober folgen."
    assert _value(text, "im Oktober", "2021-06-01") == "2021-10"


def test_future_seen_from_a_narrated_past_takes_the_passage_year():
    text = HISTORY + " Der General beabsichtigte, im Januar den Gegner zu umgehen."
    assert _value(text, "im Januar", "2011-02-16") == "1812-01"


def test_heute_in_a_history_is_nowadays_and_in_a_report_the_day():
    history = HISTORY + "\n\nDer Tag ist bis heute ein Feiertag."
    assert _value(history, "heute", "2011-02-16") == "PRESENT_REF"
    report = "Gestern sprach der Minister. 1789 stürmte die Menge die Festung; heute ist der Tag ein Feiertag."
    assert _value(report, "heute", "2011-02-16") == "2011-02-16"


def test_part_of_day_after_a_look_back_in_a_report_stays_with_the_report():
    text = (
        "Die Kanzlerin reiste am Donnerstag nach Paris. Ihr erster Besuch dort war am 4. März 2018 "
        "gewesen.\n\nAm Abend traf sie den Präsidenten."
    )
    assert _value(text, "Am Abend", "2021-06-04") == "2021-06-03TEV"


def test_narrative_override_still_takes_the_last_year_everywhere():
    text = "Am Montag tagte der Rat. Am 17. März 2015 hatte das Parlament beschlossen. Im Dezember kam die Wende."
    assert _value(text, "Im Dezember", "2021-02-10") == "2020-12"
    assert _value(text, "Im Dezember", "2021-02-10", narrative=True) == "2015-12"


def test_part_of_day_hangs_on_the_reports_own_day_not_a_date_of_another_event():
    """`am 9. Oktober` two sentences back is an anniversary, not the day of the visit (`am Dienstag`)."""
    text = (
        "Die Präsidentin besuchte am Dienstag die Werft. Sie erinnerte daran, dass sich am 9. Oktober "
        "die Gründung jähre. Danach gab es ein Essen. Die Gäste lobten die Küche. Sie sprach am Abend im Radio."
    )
    assert _value(text, "am Abend", "2024-10-10") == "2024-10-08TEV"


def test_a_weekday_beside_a_yearless_date_names_the_year_whatever_the_tense():
    # ``ist ... eingeladen`` reads as past; the weekday agrees only with the coming 6 March
    record = newsgraph.extract(
        "Zum Sondergipfel am Donnerstag, 6. März, ist auch Selenskyj eingeladen.", published="2025-03-01"
    )
    assert [(t.text, t.value) for t in record.times] == [("Donnerstag, 6. März", "2025-03-06")]


def test_present_tense_preview_with_a_bare_weekday_looks_ahead():
    """News announce in the present what comes: `empfängt am Montag` in an article of Thursday
    27 May 2021 is Monday 31 May, not the Monday before (the nearer one)."""
    text = "Die Bürgermeisterin empfängt am Montag eine Delegation aus Lyon im Rathaus."
    record = newsgraph.extract(text, lang="de", published="2021-05-27")
    assert [(t.text, t.value) for t in record.times] == [("Montag", "2021-05-31")]


def test_present_tense_preview_in_english_looks_ahead():
    text = "The mayor receives a delegation from Lyon on Monday."
    record = newsgraph.extract(text, lang="en", published="2021-05-27")
    assert [(t.text, t.value) for t in record.times] == [("Monday", "2021-05-31")]


def test_a_day_right_after_a_look_back_continues_its_year():
    """`Schon am 3. April 2019 hatten ... Am 9. April folgte ...`: the next sentence narrates the
    look back's sequence (six days later, in 2019), although the report is of 2024."""
    text = (
        "Die Ministerin besucht die Werft. Schon am 3. April 2019 hatten beide Seiten verhandelt. "
        "Am 9. April folgte die Unterschrift."
    )
    record = newsgraph.extract(text, lang="de", published="2024-04-20")
    assert ("9. April", "2019-04-09") in [(t.text, t.value) for t in record.times]


def test_a_month_after_a_look_back_returns_to_the_present():
    """A month alone after the look back (`seit der Entscheidung im Januar`) is the report's own."""
    text = (
        "Schon am 3. April 2019 hatten beide Seiten verhandelt. Der Minister erklärte gestern, was seit "
        "der Entscheidung im Januar geschah."
    )
    record = newsgraph.extract(text, lang="de", published="2024-04-20")
    assert ("Januar", "2024-01") in [(t.text, t.value) for t in record.times]
