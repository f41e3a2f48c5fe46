"""Times on unseen news copy (issue 20, session 12): one test per phenomenon, on fresh sentences
written for these tests (previews, reports, Swiss and Austrian copy, English wire style)."""

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


def _record_values(nlp, text: str, published: str = "2024-01-17") -> dict[str, str | None]:
    import newsgraph

    record = newsgraph.extract(text, lang="de", published=published, nlp=nlp)
    return {t.text: t.value for t in record.times}


# ---------------------------------------------------------------- tense of unfamiliar verbs


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("reist", "now"),  # present, not a preterite (a weak one ends in -te)
        ("erfolgt", "now"),
        ("komme", "now"),  # the reported present (Konjunktiv I)
        ("beraten", "now"),  # plural present of a t-stem verb (its preterite is berieten)
        ("hielt", "past"),  # strong preterites that do end in -t
        ("beriet", "past"),
        ("trat", "past"),
        ("reiste", "past"),
        ("wurde", "past"),
    ],
)
def test_morphological_past_on_a_form_no_preterite_takes_is_present(form: str, expected: str) -> None:
    """The base pipeline's morphology marks some present forms of unfamiliar verbs ``Tense=Past``;
    the tense rules keep the past only on forms a preterite can take."""
    cues = tagger_for("de").tense_rules.cues([(0, form, "Past")])
    assert [c.tense for c in cues] == [expected]


def test_preview_with_an_unfamiliar_present_verb_looks_ahead(nlp_de) -> None:
    """``reist``, ``beraten``, ``erfolgt`` in a preview: the coming days, not the past ones."""
    values = _record_values(
        nlp_de,
        "Die Verteidigungsministerin reist am Freitag nach Vilnius. Die Agrarminister beraten am Montag "
        "in Luxemburg. Nach Angaben des Sprechers erfolgt die Unterzeichnung Ende Februar.",
    )
    assert values["Freitag"] == "2024-01-19"
    assert values["Montag"] == "2024-01-22"
    assert values["Ende Februar"] == "2024-02"


# ---------------------------------------------------------------- anaphors and two-step periods


def test_days_later_counts_from_the_last_day_told_even_weeks_back() -> None:
    """``Drei Tage später`` hangs on the day the text told last (11 December), however far that lies
    from the reference date; it names no other anchor."""
    values = _values(
        "de", "Am 11. Dezember hatten die Tarifparteien verhandelt. Drei Tage später lag ein Ergebnis vor."
    )
    assert values["11. Dezember"] == "2023-12-11"
    assert values["Drei Tage später"] == "2023-12-14"


def test_english_days_after_that_counts_from_the_last_day_told() -> None:
    values = _values(
        "en", "Negotiators first met on November 28. Four days later they agreed. Two days after that it fell apart."
    )
    assert values["Four days later"] == "2023-12-02"
    assert values["Two days after that"] == "2023-12-04"


def test_tags_darauf_is_the_day_after_the_last_day_told() -> None:
    values = _values("de", "Die Delegation landete am Montag in Oslo, tags darauf begannen die Gespräche.")
    assert values["Montag"] == "2024-01-15"
    assert values["tags darauf"] == "2024-01-16"
    values = _values("de", "Die Kommission legte am Dienstag ihren Bericht vor; tags zuvor war er durchgesickert.")
    assert values["tags zuvor"] == "2024-01-15"


def test_two_step_periods() -> None:
    values = _values("de", "Übernächste Woche stimmt der Landtag ab, am übernächsten Montag tagt der Ausschuss.")
    assert values["Übernächste Woche"] == "2024-W05"
    assert values["übernächsten Montag"] == "2024-01-29"
    values = _values("de", "Die Ausstellung hatte vorletzte Woche eröffnet.")
    assert values["vorletzte Woche"] == "2024-W01"
    values = _values("en", "The week after next the assembly votes; the year before last it did not.")
    assert values["The week after next"] == "2024-W05"
    assert values["the year before last"] == "2022"


# ---------------------------------------------------------------- months named relative to now


def test_month_named_relative_to_the_reference_month() -> None:
    """``im vergangenen Dezember`` / ``last November``: the nearest such month before (or after) the
    reference month, strictly (``im vergangenen März`` in March is last year's)."""
    values = _values(
        "de", "Die Ministerin war im vergangenen Dezember in Kiew und will im kommenden März wiederkommen."
    )
    assert values["vergangenen Dezember"] == "2023-12"
    assert values["kommenden März"] == "2024-03"
    values = _values("de", "Im vergangenen Januar hatte der Rat getagt.", published=dt.date(2024, 1, 17))
    assert values["vergangenen Januar"] == "2023-01"
    values = _values("en", "She was in Kyiv last November and plans to return next February.")
    assert values["last November"] == "2023-11"
    assert values["next February"] == "2024-02"


# ---------------------------------------------------------------- plans announced in the past


def test_month_of_an_announced_plan_is_the_nearest_one() -> None:
    """``kündigte einen Besuch im Mai an`` (told in March): the May to come, not last year's; the
    announcement's own weekday stays in the past."""
    values = _values(
        "de",
        "Am Montag kündigte die Präsidentin einen Staatsbesuch im Mai an. Die Delegationen vereinbarten "
        "ein weiteres Treffen im Herbst.",
        published=dt.date(2024, 3, 13),
    )
    assert values["Montag"] == "2024-03-11"
    assert values["Mai"] == "2024-05"
    assert values["Herbst"] == "2024-FA"


def test_month_of_an_announcement_next_to_its_verb_stays_past() -> None:
    values = _values("de", "Die Regierung kündigte im Oktober einen Kurswechsel an.", published=dt.date(2024, 3, 13))
    assert values["Oktober"] == "2023-10"


def test_zuletzt_puts_a_month_in_the_past() -> None:
    """``zuletzt im Mai`` in a preview told in present tense: the last time so far."""
    values = _values(
        "de", "Die Außenminister treffen sich im April in Rom, zuletzt im Mai in Athen.", published=dt.date(2024, 3, 13)
    )
    assert values["April"] == "2024-04"
    assert values["Mai"] == "2023-05"


def test_month_planned_for_is_found() -> None:
    values = _values("de", "Der Besuch war für April geplant.", published=dt.date(2024, 3, 13))
    assert values["April"] == "2024-04"


def test_participle_of_the_past_perfect_is_no_present_cue() -> None:
    """``hatten ... am 8. Mai telefoniert``: the participle of an -ieren verb looks like a present
    form; with ``hatten`` in the sentence it is a past cue."""
    cues = tagger_for("de").tense_rules.cues([(0, "hatten", ""), (20, "telefoniert", "Pres")])
    assert [c.tense for c in cues] == ["past", "past"]


# ---------------------------------------------------------------- reported speech


def test_reported_perfect_is_past() -> None:
    """``sei am Montag eingetroffen``, ``seien ... fortgesetzt worden``: the reported perfect tells
    the past, like ``ist ... eingetroffen``."""
    values = _values(
        "de",
        "Die Gesandte sei am Montag in Riad eingetroffen, hieß es. Die Gespräche seien am Dienstag fortgesetzt worden.",
    )
    assert values["Montag"] == "2024-01-15"
    assert values["Dienstag"] == "2024-01-16"


# ---------------------------------------------------------------- counting back to a year


def test_count_back_to_a_year_gives_the_articles_year() -> None:
    """``Vor 20 Jahren, im Mai 2004``: the article is of 2024 (not of 2004, which the sentence's
    deictic count used to put in the article's present)."""
    result = tagger_for("de").tag(
        "Vor 20 Jahren, im Mai 2004, trat Estland der Union bei. Heute feiert das Land.", published=None, today=TODAY
    )
    assert result.reference.known_year == 2024 and "Vor 20 Jahren" in result.reason
    result = tagger_for("en").tag("Exactly ten years ago, in 2015, the accord was signed.", published=None, today=TODAY)
    assert result.reference.known_year == 2025


def test_approximate_count_back_is_no_evidence_for_the_year() -> None:
    """``Vor fast 20 Jahren, im Mai 2005``: not 2005 (a look back), and no exact year either."""
    result = tagger_for("de").tag(
        "Vor fast 20 Jahren, im Mai 2005, wurde der Vertrag geschlossen.", published=None, today=TODAY
    )
    assert result.reference.known_year is None
    assert "not before 2024" in result.reason


# ---------------------------------------------------------------- English anaphors and weekends


def test_english_earlier_counts_from_the_last_day_told() -> None:
    """``A week earlier`` after ``on Nov. 20``: the week before that day (``two weeks ago`` still
    counts from the reference date)."""
    values = _values(
        "en", "The envoy met the king on Nov. 20. A week earlier she had been in Oman. Two weeks ago she rested."
    )
    assert values["Nov. 20"] == "2023-11-20"
    assert values["A week earlier"] == "2023-W46"
    assert values["Two weeks ago"] == "2024-W01"


def test_english_over_the_weekend_by_tense() -> None:
    values = _values("en", "Negotiators met over the weekend.")
    assert values["the weekend"] == "2024-W02-WE"
    values = _values("en", "Negotiators will meet at the weekend.")
    assert values["the weekend"] == "2024-W03-WE"


# ---------------------------------------------------------------- ages are no times


def test_a_persons_age_is_no_time_but_a_duration_adjective_is() -> None:
    """``die 41-jährige Diplomatin``, ``der 58-jährige Fahrer``, ``die 33-Jährige``, ``den 70-jährigen
    Jan Muster``, ``a 58-year-old driver``: ages; ``der 12-jährigen Bauzeit``, ``ein dreijähriger
    Vertrag Frankreichs``, ``a 20-year lease``: durations."""
    values = _values(
        "de",
        "Die 41-jährige Diplomatin und der 58-jährige Fahrer trafen die 33-Jährige und den 70-jährigen Jan "
        "Muster nach der 12-jährigen Bauzeit; ein dreijähriger Vertrag Frankreichs gilt.",
    )
    assert values == {"12-jährigen": "P12Y", "dreijähriger": "P3Y"}
    values = _values("en", "A 58-year-old driver signed a 20-year lease.")
    assert values == {"20-year": "P20Y"}


def test_vague_references_and_the_dative_without_article() -> None:
    values = _values(
        "de",
        "Seit vorigem Jahr steigen die Preise. Vor einiger Zeit hatte die Bank gewarnt, in absehbarer Zeit "
        "will sie handeln; die Zahlen waren eben erst erschienen.",
    )
    assert values["vorigem Jahr"] == "2023"
    assert values["Vor einiger Zeit"] == "PAST_REF"
    assert values["in absehbarer Zeit"] == "FUTURE_REF"
    assert values["eben erst"] == "PAST_REF"


def test_age_before_a_single_name_is_no_time(nlp_de) -> None:
    """``die 70-jährige Merkel``: the entity layer's person right after the adjective makes it an
    age; ``die 16-jährige Amtszeit`` stays a duration."""
    values = _record_values(nlp_de, "Die 70-jährige Merkel blickte auf die 16-jährige Amtszeit zurück.")
    assert "70-jährige" not in values
    assert values["16-jährige"] == "P16Y"


# ---------------------------------------------------------------- movable feasts


def test_movable_feasts_count_from_easter() -> None:
    """Easter Sunday fell on 31 March 2024 and 20 April 2025: ``Ostermontag`` told in the past in
    May 2024 is 1 April 2024, ``Pfingsten`` to come 19 May 2024, ``Good Friday 2019`` 19 April."""
    values = _values(
        "de",
        "Am Ostermontag hatten die Kirchen gemahnt. Über Pfingsten wird gestreikt.",
        published=dt.date(2024, 5, 10),
    )
    assert values == {"Ostermontag": "2024-04-01", "Pfingsten": "2024-05-19"}
    values = _values("en", "The accord of Good Friday 2019 still holds.", published=dt.date(2024, 5, 10))
    assert values["Good Friday 2019"] == "2019-04-19"


def test_midnight_is_a_clock_time() -> None:
    """``seit Mitternacht``: the start of the day (00:00); ``bis Mitternacht``, ``at midnight``:
    its end (24:00)."""
    values = _values("de", "Seit Mitternacht gilt die Waffenruhe.")
    assert values["Mitternacht"] == "2024-01-17T00:00"
    values = _values("de", "Das Ultimatum läuft am Freitag bis Mitternacht.")
    assert values["Mitternacht"] == "2024-01-19T24:00"
    values = _values("en", "The truce took effect at midnight on Sunday.")
    assert values["midnight"] == "2024-01-14T24:00"
