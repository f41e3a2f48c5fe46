"""The place of events: venues, the most specific place, containment when merging, datelines.

One test per phenomenon, on sentences written for these tests (no article of the gold sets), through
the whole pipeline, because the place depends on the entity layer (venues, all-capital datelines)
as much as on the event layer.
"""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.record import Record


@pytest.fixture(scope="module")
def nlp_de_place():
    return newsgraph.load("de")


@pytest.fixture(scope="module")
def nlp_en_place():
    return newsgraph.load("en")


def _events(rec: Record) -> list[tuple[str, frozenset[str], str | None]]:
    """(type, participant names, place name) of each event."""
    names = {e.id: e.name for e in rec.entities}
    return [(ev.type, frozenset(names[p] for p in ev.participants), names.get(ev.place or "")) for ev in rec.events]


def _places(rec: Record) -> list[str | None]:
    names = {e.id: e.name for e in rec.entities}
    return [names.get(ev.place or "") for ev in rec.events]


# --- venues ------------------------------------------------------------------------------------


def test_venue_is_the_place_of_the_event(nlp_de_place):
    text = (
        "Bundeskanzler Olaf Scholz hat am Dienstag den spanischen Regierungschef Pedro Sánchez im Kanzleramt empfangen."
    )
    rec = newsgraph.extract(text, lang="de", nlp=nlp_de_place)
    venue = next(e for e in rec.entities if e.name == "Federal Chancellery")
    assert venue.type == "LOC" and venue.kb_id == "venue:Federal_Chancellery"
    assert _places(rec) == ["Federal Chancellery"]


def test_seat_of_government_stands_for_the_government_outside_a_place_phrase(nlp_de_place):
    text = "Der Kreml kündigte an, Putin werde den indischen Premier Narendra Modi am Montag im Kreml empfangen."
    rec = newsgraph.extract(text, lang="de", nlp=nlp_de_place)
    kinds = sorted((e.type, e.name) for e in rec.entities if "Kreml" in {m.text for m in e.mentions})
    assert kinds == [("LOC", "Moscow Kremlin"), ("ORG", "Kremlin")]


def test_venue_in_english(nlp_en_place):
    text = "President Joe Biden hosted Chancellor Olaf Scholz at the White House on Friday."
    rec = newsgraph.extract(text, lang="en", nlp=nlp_en_place)
    assert _places(rec) == ["White House"]


@pytest.mark.parametrize(
    ("text", "venue", "country"),
    [
        (
            "Außenminister Jean-Noël Barrot empfing seinen Amtskollegen Johann Wadephul im Quai d'Orsay.",
            "Quai d'Orsay",
            "FR",
        ),
        (
            "Ministerpräsident Viktor Orbán empfing den Gast im Karmeliterkloster.",
            "Carmelite Monastery of Buda",
            "HU",
        ),
    ],
)
def test_foreign_ministries_and_residences_are_venues_in_their_city(nlp_de_place, text, venue, country):
    """A delegation received at a foreign ministry or a prime minister's seat: the venue, which lies in
    its city (so that an account of the same meeting ``in Paris`` is the same place)."""
    from newsgraph.pipeline.entities import place_parents

    rec = newsgraph.extract(text, lang="de", nlp=nlp_de_place)
    found = next(e for e in rec.entities if e.name == venue)
    assert found.type == "LOC" and (found.kb_id or "").startswith("venue:")
    parents = place_parents("de", found.kb_id)
    # the city first (a gazetteer town), then the country
    assert parents[0].startswith("geonames:") and parents[-1] == f"iso3166:{country}", parents


def test_venue_lies_in_its_city_and_country():
    from newsgraph.pipeline.entities import place_parents

    assert place_parents("de", "venue:Oval_Office")[:1] == ("venue:White_House",)
    assert "iso3166:US" in place_parents("de", "venue:Oval_Office")
    assert place_parents("en", "venue:Meseberg_Palace")[-1] == "iso3166:DE"


# --- the most specific place ---------------------------------------------------------------------


def test_most_specific_place_of_the_clause_wins(nlp_de_place):
    text = (
        "Der britische Premierminister Keir Starmer empfing am Sonntag in London im Lancaster House "
        "den ukrainischen Präsidenten Wolodymyr Selenskyj."
    )
    rec = newsgraph.extract(text, lang="de", nlp=nlp_de_place)
    assert _places(rec) == ["Lancaster House"]


def test_unknown_town_after_english_locative_with_its_country(nlp_en_place):
    text = "The prime ministers of Canada and Japan met on Sunday in Banff, Canada, for two hours of talks."
    rec = newsgraph.extract(text, lang="en", nlp=nlp_en_place)
    town = next(e for e in rec.entities if e.name == "Banff")
    assert town.type == "LOC"


# --- merging by containment ----------------------------------------------------------------------


def test_mentions_at_city_and_venue_level_are_one_event(nlp_de_place):
    text = (
        "US-Präsident Joe Biden hat Bundeskanzler Olaf Scholz am Freitag in Washington empfangen. "
        "Biden und Scholz trafen sich anschließend im Oval Office."
    )
    rec = newsgraph.extract(text, lang="de", nlp=nlp_de_place, published="2024-02-10")
    meetings = [e for e in _events(rec) if e[1] == frozenset({"Joe Biden", "Olaf Scholz"})]
    assert len(meetings) == 1
    assert meetings[0][2] == "Oval Office"


def test_nationality_adjective_puts_an_unknown_place_in_its_country(nlp_de_place):
    from newsgraph.pipeline.events.places import place_relations

    doc = nlp_de_place("Kanada lädt ein: Die Minister treffen sich im kanadischen Kananaskis.")
    relations = place_relations(doc, "de")
    ids = {e.name: e.id for e in doc._.entities}
    assert relations.within(ids["Kananaskis"], ids["Canada"])


# --- datelines -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Gipfel der Nachbarn\n\nAnkara. Der türkische Präsident Recep Tayyip Erdoğan hat am Freitag den "
        "griechischen Regierungschef Kyriakos Mitsotakis empfangen.",
        "Gipfel der Nachbarn\n\nAnkara: Der türkische Präsident Recep Tayyip Erdoğan hat am Freitag den "
        "griechischen Regierungschef Kyriakos Mitsotakis empfangen.",
        "Gipfel der Nachbarn\n\nANKARA (dpa) - Der türkische Präsident Recep Tayyip Erdoğan hat am Freitag den "
        "griechischen Regierungschef Kyriakos Mitsotakis empfangen.",
        "Gipfel der Nachbarn\n\nAnkara – Der türkische Präsident Recep Tayyip Erdoğan hat am Freitag den "
        "griechischen Regierungschef Kyriakos Mitsotakis empfangen.",
    ],
)
def test_german_dateline_is_the_place_of_the_lead_event(nlp_de_place, text):
    rec = newsgraph.extract(text, lang="de", nlp=nlp_de_place, published="2023-12-08")
    assert _places(rec) == ["Ankara"]


def test_english_wire_dateline_in_capitals(nlp_en_place):
    text = (
        "Leaders pledge closer ties\n\nSEOUL, March 4 (Reuters) - South Korean President Yoon Suk Yeol met "
        "Japanese Prime Minister Fumio Kishida on Monday. Officials in Seoul called it a new start."
    )
    rec = newsgraph.extract(text, lang="en", nlp=nlp_en_place, published="2024-03-04")
    seoul = [e for e in rec.entities if e.name == "Seoul"]
    assert len(seoul) == 1 and {m.text for m in seoul[0].mentions} == {"SEOUL", "Seoul"}
    assert _places(rec) == ["Seoul"]


def test_dateline_is_not_the_place_of_events_outside_the_lead(nlp_de_place):
    text = (
        "Gipfel der Nachbarn\n\nAnkara. Der türkische Präsident Recep Tayyip Erdoğan hat am Freitag den "
        "griechischen Regierungschef Kyriakos Mitsotakis empfangen.\n\n"
        "Im März 2019 hatte Erdoğan den bulgarischen Präsidenten Rumen Radew getroffen."
    )
    rec = newsgraph.extract(text, lang="de", nlp=nlp_de_place, published="2023-12-08")
    places = {parts: place for _, parts, place in _events(rec)}
    assert places.get(frozenset({"Recep Tayyip Erdoğan", "Kyriakos Mitsotakis"})) == "Ankara"
    assert places.get(frozenset({"Recep Tayyip Erdoğan", "Rumen Radew"})) is None


def test_dateline_does_not_override_a_place_the_lead_names(nlp_de_place):
    text = (
        "Reise nach Übersee\n\nWashington (dpa) – Der spanische Regierungschef Pedro Sánchez fliegt am Montag "
        "zu seinem Antrittsbesuch in die USA."
    )
    rec = newsgraph.extract(text, lang="de", nlp=nlp_de_place, published="2024-05-12")
    assert [place for kind, _, place in _events(rec) if kind == "visit"] == ["United States"]


# --- a place that belongs to another noun ----------------------------------------------------------


def test_place_of_a_war_or_ceasefire_is_not_the_place_of_the_talks(nlp_de_place, nlp_en_place):
    de = "US-Präsident Joe Biden hat mit Bundeskanzler Olaf Scholz am Freitag über den Krieg in der Ukraine gesprochen."
    en = "President Joe Biden and Chancellor Olaf Scholz held talks on Friday about a ceasefire in Gaza."
    assert _places(newsgraph.extract(de, lang="de", nlp=nlp_de_place)) == [None]
    assert _places(newsgraph.extract(en, lang="en", nlp=nlp_en_place)) == [None]


def test_no_place_from_a_german_noun_before_a_country(nlp_de_place):
    rec = newsgraph.extract("Er sagte im Interview, Russland werde verhandeln.", lang="de", nlp=nlp_de_place)
    assert "Interview" not in {e.name for e in rec.entities}


# --- across articles: the store merges by containment too ---------------------------------------


def test_store_merges_reports_at_venue_and_city_level(tmp_path, nlp_de_place):
    pytest.importorskip("duckdb", reason="the store extra (duckdb) is not installed")
    from newsgraph.store import Store, events

    texts = [
        (
            "Ministerpräsident Mark Rutte hat Präsident Emmanuel Macron am Dienstag im Élysée-Palast getroffen.",
            "2023-04-12",
        ),
        (
            "Der niederländische Regierungschef Mark Rutte und Präsident Emmanuel Macron haben sich am Dienstag "
            "in Paris getroffen.",
            "2023-04-13",
        ),
    ]
    records = [
        newsgraph.extract(text, lang="de", nlp=nlp_de_place, published=day, id=f"r{n}")
        for n, (text, day) in enumerate(texts)
    ]
    assert sorted(_places(records[0]) + _places(records[1])) == ["Paris", "Élysée Palace"]
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest(records)
        rows = events(store, types=["meeting"])
    assert len(rows) == 1, rows
    assert rows[0]["sources"] == 2 and rows[0]["place"] == "Élysée Palace"


def test_city_lies_in_its_state(nlp_de_place):
    text = (
        "US-Präsident Donald Trump und Kremlchef Wladimir Putin haben sich am Freitag in Alaska getroffen. "
        "Das Treffen von Trump und Putin in Anchorage dauerte knapp drei Stunden."
    )
    rec = newsgraph.extract(text, lang="de", nlp=nlp_de_place, published="2025-08-16")
    assert _places(rec) == ["Anchorage"]


# --- a clause that names the venue: ``Tagungsort ist ...`` -----------------------------------------


def test_venue_statement_gives_the_place_of_the_event_before(nlp_de_place):
    text = (
        "Bundeskanzler Olaf Scholz und Italiens Regierungschefin Giorgia Meloni treffen sich am Montag in "
        "Brandenburg. Tagungsort ist Schloss Meseberg."
    )
    rec = newsgraph.extract(text, lang="de", nlp=nlp_de_place, published="2023-11-19")
    assert _places(rec) == ["Meseberg Palace"]


# --- venues by their descriptor noun -----------------------------------------------------------------


def test_unknown_venue_after_a_descriptor_noun(nlp_de_place, nlp_en_place):
    de = "Der Verteidigungsminister besuchte am Montag den Luftwaffenstützpunkt Spangdahlem in der Eifel."
    en = "The two leaders met at Joint Base Pearl Harbor-Hickam on Tuesday."
    de_names = {e.name: e.type for e in newsgraph.extract(de, lang="de", nlp=nlp_de_place).entities}
    en_names = {e.name: e.type for e in newsgraph.extract(en, lang="en", nlp=nlp_en_place).entities}
    assert de_names.get("Spangdahlem") == "LOC"
    assert en_names.get("Joint Base Pearl Harbor-Hickam") == "LOC"


def test_genitive_after_a_descriptor_noun_is_an_owner_not_a_venue(nlp_de_place):
    text = "Putin empfing den Gast in seiner Sommerresidenz. Die Sommerresidenz Putins liegt am Schwarzen Meer."
    rec = newsgraph.extract(text, lang="de", nlp=nlp_de_place)
    assert all(not (e.type == "LOC" and e.name.startswith("Putin")) for e in rec.entities)
