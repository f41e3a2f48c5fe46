"""Entity linking a user can trust (issue 19): a place name several gazetteer entries answer to goes to
the one news means, people are linked across diacritics and transliterations. Texts are written for
these tests; ``benchmarks/bench_linking.py`` measures linking on the gold entities."""

from __future__ import annotations

import newsgraph


def _kb_ids(record, etype: str) -> dict[str, str | None]:
    return {e.name: e.kb_id for e in record.entities if e.type == etype}


def _place_of(record, surface: str):
    (entity,) = [e for e in record.entities if any(m.text == surface for m in e.mentions)]
    return entity


def test_bali_is_the_island_not_the_indian_town_written_without_diacritics(nlp_de):
    record = newsgraph.extract("Die Staats- und Regierungschefs kamen am Dienstag auf Bali zusammen.",
                               lang="de", published="2022-11-15", nlp=nlp_de)
    assert _place_of(record, "Bali").kb_id == "region:Bali"


def test_new_york_is_the_city_not_the_state(nlp_de):
    record = newsgraph.extract("Die beiden Präsidenten sprachen im Herbst in New York miteinander.",
                               lang="de", published="2024-10-02", nlp=nlp_de)
    assert _place_of(record, "New York").kb_id == "geonames:5128581"


def test_sotschi_is_a_place(nlp_de):
    record = newsgraph.extract("Wladimir Putin empfing den Gast am Montag in Sotschi.",
                               lang="de", published="2023-09-05", nlp=nlp_de)
    place = _place_of(record, "Sotschi")
    assert (place.type, place.kb_id) == ("LOC", "geonames:491422")


def test_erdogan_with_and_without_diacritics_is_one_kb_person(nlp_de):
    german = newsgraph.extract("Der türkische Präsident Recep Tayyip Erdoğan reiste am Montag ab.",
                               lang="de", published="2023-09-05", nlp=nlp_de)
    english = newsgraph.extract("Turkish President Tayyip Erdogan left on Monday.", lang="en",
                                published="2023-09-05")
    ids = {e.kb_id for r in (german, english) for e in r.entities if e.type == "PER"}
    assert ids == {"kb:per:recep-tayyip-erdogan"}
