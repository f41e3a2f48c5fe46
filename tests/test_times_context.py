"""Times decided by their context: the reference year inside terms of office, the direction of bare
weekdays and months from tense and cue, partial publication dates. Fresh sentences, one test per
phenomenon (issue 20)."""

from __future__ import annotations

import datetime as dt

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
