"""Places in the store's merge (issue 19, session 14): a venue name several capitals share, and one article's
accounts of one day at two places apart. Fresh sentences, written for these tests."""

from __future__ import annotations

import pytest

pytest.importorskip("duckdb", reason="the store needs the `store` extra (duckdb)")

from newsgraph.store import Store

from .test_store import _Article

VIENNA, AUSTRIA = "geonames:2761369", "iso3166:AT"
KYIV, UKRAINE = "geonames:703448", "iso3166:UA"
CHANCELLERY = "venue:Federal_Chancellery"  # the gazetteer's Bundeskanzleramt: Berlin's


def _chancellery_preview(url: str, *, dateline: tuple[str, str] | None) -> object:
    """An agency preview: the chancellor receives the Ukrainian minister "im Bundeskanzleramt"."""
    art = _Article(url, "2025-11-19")
    if dateline is not None:
        art.entity("e9", "LOC", dateline[0], kb_id=dateline[1]).say(" (APA) – ")
    art.entity("e1", "PER", "Christian Stocker", kb_id="kb:per:christian-stocker").say(" empfängt ")
    art.entity("e2", "PER", "Andrij Sybiha", kb_id="kb:per:andrii-sybiha").say(" im ")
    art.entity("e3", "LOC", "Bundeskanzleramt", kb_id=CHANCELLERY)
    art.event("meeting", ["e1", "e2"], place="e3", date="2025-11-20", status="planned")
    return art.record(url.rsplit("/", 1)[-1])


def _report(url: str, published: str | None, place: tuple[str, str], date: str | None) -> object:
    art = _Article(url, published)
    art.entity("e1", "PER", "Andriy Sybiha", kb_id="kb:per:andrii-sybiha").say(" traf ")
    art.entity("e2", "PER", "Christian Stocker", kb_id="kb:per:christian-stocker").say(" in ")
    art.entity("e3", "LOC", place[0], kb_id=place[1])
    art.event("meeting", ["e1", "e2"], place="e3", date=date)
    return art.record(url.rsplit("/", 1)[-1])


@pytest.mark.parametrize("preview_first", [True, False])
def test_a_shared_venue_name_lies_in_the_city_its_article_names(tmp_path, preview_first):
    # "Wien (APA) – Stocker empfängt Sybiha im Bundeskanzleramt": the gazetteer's Bundeskanzleramt is Berlin's,
    # the article names Vienna and nothing of Germany, so the venue is Vienna's: an undated Swiss copy "in
    # Österreich" then joins the one meeting (with Berlin's it was a place apart, the copy a second event)
    preview = _chancellery_preview("https://apa.example/1", dateline=("Wien", VIENNA))
    others = [
        _report("https://reuters.example/2", "2025-11-20", ("Vienna", VIENNA), "2025-11-20"),
        _report("https://nzz.example/3", None, ("Österreich", AUSTRIA), None),
    ]
    with Store(tmp_path / "news.duckdb") as store:
        for record in [preview, *others] if preview_first else [*others, preview]:
            store.ingest([record])
        assert store.con.execute("SELECT n_sources, n_conflicts FROM events").fetchall() == [(3, 0)]


def test_a_venue_whose_article_names_no_city_keeps_the_gazetteers_seat(tmp_path):
    # without a city in the article nothing says which chancellery it is: the gazetteer's (Berlin's) stands,
    # and the undated copy "in Österreich" stays apart from it
    preview = _chancellery_preview("https://apa.example/1", dateline=None)
    copy = _report("https://nzz.example/3", None, ("Österreich", AUSTRIA), None)
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest([preview, copy])
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def _two_scenes(url: str) -> object:
    """An English wire: the two met in Vienna on Thursday, 'three days after they met in Kyiv' read with the
    article's day."""
    art = _Article(url, "2025-12-04")
    art.entity("e1", "PER", "Andrii Sybiha", kb_id="kb:per:andrii-sybiha").say(" met ")
    art.entity("e2", "PER", "Johann Wadephul", kb_id="kb:per:johann-wadephul").say(" in ")
    art.entity("e3", "LOC", "Vienna", kb_id=VIENNA)
    art.event("meeting", ["e1", "e2"], place="e3", date="2025-12-04").say(" after they met in ")
    art.entity("e4", "LOC", "Kyiv", kb_id=KYIV)
    art.event("meeting", ["e1", "e2"], place="e4", date="2025-12-04")
    return art.record(url.rsplit("/", 1)[-1])


def test_one_articles_accounts_of_one_day_at_two_places_apart_stay_two(tmp_path):
    # the article tells two scenes; merged, the Vienna meeting got a Kyiv place conflict and the recalled
    # Kyiv meeting's account. Another outlet's accounts of one day at two places still make a place conflict.
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest([_two_scenes("https://reuters.example/1")])
        assert store.con.execute("SELECT count(*), sum(n_conflicts) FROM events").fetchone() == (2, 0)
        store.ingest([_report("https://dpa.example/2", "2025-12-04", ("Wien", VIENNA), "2025-12-04")])
        # the dpa report names Stocker, not Wadephul: a meeting of its own; the wire's two scenes stay two
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 3


def test_two_outlets_giving_one_day_two_places_are_still_one_meeting_with_a_conflict(tmp_path):
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest(
            [
                _report("https://a.example/1", "2025-11-20", ("Wien", VIENNA), "2025-11-20"),
                _report("https://b.example/2", "2025-11-20", ("Kiew", KYIV), "2025-11-20"),
            ]
        )
        assert store.con.execute("SELECT n_sources, n_conflicts FROM events").fetchall() == [(2, 1)]


def _body(url: str, name: str) -> object:
    art = _Article(url, "2025-11-20")
    art.say("Ein Sprecher des ").entity("e1", "ORG", name).say(" sagte am Donnerstag, man begrüße das Treffen.")
    return art.record(url.rsplit("/", 1)[-1])


@pytest.mark.parametrize("order", [0, 1])
def test_a_bodys_name_in_two_german_cases_and_swiss_spelling_is_one_body(tmp_path, order):
    # "des japanischen Außenministeriums" (genitive, German ß) and "das japanische Aussenministerium"
    # (nominative, Swiss ss): one body, whichever comes first
    names = ["japanischen Außenministeriums", "japanische Aussenministerium"]
    if order:
        names.reverse()
    with Store(tmp_path / "news.duckdb") as store:
        for i, name in enumerate(names):
            store.ingest([_body(f"https://x{i}.example/{i}", name)])
        assert store.con.execute("SELECT count(*) FROM entities WHERE type = 'ORG'").fetchone()[0] == 1


def test_two_bodies_whose_names_differ_in_more_than_endings_stay_two(tmp_path):
    # the case endings are the only thing folded: the Japanese and the Korean ministries stay two
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest([_body("https://a.example/1", "japanischen Außenministeriums")])
        store.ingest([_body("https://b.example/2", "koreanische Außenministerium")])
        assert store.con.execute("SELECT count(*) FROM entities WHERE type = 'ORG'").fetchone()[0] == 2


def test_two_stored_bodies_of_one_inflection_key_make_a_third_ambiguous(tmp_path):
    # a newcomer that could be either of two stored bodies (stored apart because a KB id told them apart)
    # joins neither by its endings
    with Store(tmp_path / "news.duckdb") as store:
        art = _Article("https://a.example/1", "2025-11-20")
        art.entity("e1", "ORG", "Grünen Partei", kb_id="kb:org:green-party-a").say(" und ")
        art.entity("e2", "ORG", "Grüne Partei", kb_id="kb:org:green-party-b").say(".")
        store.ingest([art.record("1")])
        store.ingest([_body("https://b.example/2", "Grünes Partei")])
        assert store.con.execute("SELECT count(*) FROM entities WHERE type = 'ORG'").fetchone()[0] == 3


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Ahmed al-Scharaa", "Ahmed al-Sharaa"),
        ("Ali Chamenei", "Ali Khamenei"),
        ("Massud Peseschkian", "Masoud Pezeshkian"),
    ],
)
@pytest.mark.parametrize("german_first", [True, False])
def test_an_unlinked_persons_german_and_english_spellings_are_one_person(tmp_path, german, english, german_first):
    # people the KB does not know (these records carry no KB id): dpa's and Reuters' spellings are one person
    records = [_person_record("https://dpa.example/1", german), _person_record("https://reuters.example/2", english)]
    with Store(tmp_path / "news.duckdb") as store:
        for record in records if german_first else records[::-1]:
            store.ingest([record])
        assert store.con.execute("SELECT count(*) FROM entities WHERE type = 'PER'").fetchone()[0] == 1


def test_two_unlinked_people_whose_names_differ_in_a_vowel_stay_two(tmp_path):
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest([_person_record("https://a.example/1", "Hans Scholz")])
        store.ingest([_person_record("https://b.example/2", "Hans Schulz")])
        store.ingest([_person_record("https://c.example/3", "Scholz")])  # a surname alone relates nobody
        assert store.con.execute("SELECT count(*) FROM entities WHERE type = 'PER'").fetchone()[0] == 3


def _person_record(url: str, name: str) -> object:
    art = _Article(url, "2025-11-20")
    art.entity("e1", "PER", name).say(" sagte am Donnerstag in einem Interview, man sei zu Gesprächen bereit.")
    return art.record(url.rsplit("/", 1)[-1])


def test_a_venue_of_a_partys_own_country_keeps_the_gazetteers_seat(tmp_path):
    # "Paris (AFP) – Merz empfing Macron im Kanzleramt": the chancellor of Germany is in Germany's chancellery,
    # whatever city the dateline names; a report "in Berlin" confirms it
    art = _Article("https://afp.example/1", "2025-11-19")
    art.entity("e9", "LOC", "Paris", kb_id="geonames:2988507").say(" (AFP) – ")
    art.entity("e1", "PER", "Friedrich Merz", kb_id="kb:per:friedrich-merz").say(" empfing ")
    art.entity("e2", "PER", "Emmanuel Macron", kb_id="kb:per:emmanuel-macron").say(" im ")
    art.entity("e3", "LOC", "Kanzleramt", kb_id=CHANCELLERY)
    art.event("meeting", ["e1", "e2"], place="e3", date="2025-11-19")
    other = _Article("https://dpa.example/2", None)
    other.entity("e1", "PER", "Emmanuel Macron", kb_id="kb:per:emmanuel-macron").say(" traf ")
    other.entity("e2", "PER", "Friedrich Merz", kb_id="kb:per:friedrich-merz").say(" in ")
    other.entity("e3", "LOC", "Berlin", kb_id="geonames:2950159")
    other.event("meeting", ["e1", "e2"], place="e3")
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest([art.record("1"), other.record("2")])
        assert store.con.execute("SELECT n_sources, n_conflicts FROM events").fetchall() == [(2, 0)]


@pytest.mark.parametrize("dated_first", [True, False])
def test_an_undated_visit_to_a_country_joins_the_stored_visit_to_its_capital(tmp_path, dated_first):
    # "Wadephul zu Besuch in Kiew" (dated, the article never names Ukraine), then a copy without any date
    # "Wadephul ist in die Ukraine gereist" (Ukraine first named in its batch): one visit, in either order
    dated = _Article("https://dpa.example/1", "2025-12-01")
    dated.entity("e1", "PER", "Johann Wadephul", kb_id="kb:per:johann-wadephul").say(" besucht ")
    dated.entity("e2", "LOC", "Kiew", kb_id=KYIV)
    dated.event("visit", ["e1", "e2"], place="e2", date="2025-12-01")
    copy = _Article("https://nzz.example/2", None)
    copy.entity("e1", "PER", "Johann Wadephul", kb_id="kb:per:johann-wadephul").say(" ist in die ")
    copy.entity("e2", "LOC", "Ukraine", kb_id=UKRAINE).say(" gereist, in ")
    copy.entity("e3", "LOC", "Kiew", kb_id=KYIV)
    copy.event("visit", ["e1", "e2"], place="e3")
    records = [dated.record("1"), copy.record("2")]
    with Store(tmp_path / "news.duckdb") as store:
        for record in records if dated_first else records[::-1]:
            store.ingest([record])
        assert store.con.execute("SELECT n_sources FROM events").fetchall() == [(2,)]


@pytest.mark.parametrize("order", [0, 1])
@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("japanischen Außenministeriums", "Japanese foreign ministry"),
        ("indischen Verteidigungsministerium", "Indian Defence Ministry"),
        ("der mexikanischen Regierung", "the Mexican government"),
    ],
)
def test_a_state_bodys_german_and_english_names_are_one_body(tmp_path, german, english, order):
    # "des japanischen Außenministeriums" (dpa) and "the Japanese foreign ministry" (Reuters): the country
    # and the kind of body, whichever comes first, in one batch or two
    names = [german, english] if order else [english, german]
    with Store(tmp_path / "news.duckdb") as store:
        for i, name in enumerate(names):
            store.ingest([_body(f"https://x{i}.example/{i}", name)])
        assert store.con.execute("SELECT count(*) FROM entities WHERE type = 'ORG'").fetchone()[0] == 1
    with Store(tmp_path / "batch.duckdb") as store:
        store.ingest([_body(f"https://x{i}.example/{i}", name) for i, name in enumerate(names)])
        assert store.con.execute("SELECT count(*) FROM entities WHERE type = 'ORG'").fetchone()[0] == 1


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("japanischen Außenministeriums", "Korean foreign ministry"),  # another country
        ("japanischen Außenministeriums", "Japanese defence ministry"),  # another body
        ("staatlichen japanischen Nachrichtenagentur", "Japanese news agency"),  # more than country and kind
        ("Kommunistischen Partei", "Communist Party"),  # no country: nothing says which party
    ],
)
def test_state_bodies_of_other_countries_kinds_or_names_stay_two(tmp_path, german, english):
    with Store(tmp_path / "news.duckdb") as store:
        store.ingest([_body("https://a.example/1", german)])
        store.ingest([_body("https://b.example/2", english)])
        assert store.con.execute("SELECT count(*) FROM entities WHERE type = 'ORG'").fetchone()[0] == 2


def _place(url: str, name: str) -> object:
    art = _Article(url, "2025-11-20")
    art.say("Das Treffen findet in ").entity("e1", "LOC", name).say(" statt.")
    return art.record(url.rsplit("/", 1)[-1])


@pytest.mark.parametrize("order", [0, 1])
def test_an_unlinked_venues_short_and_full_names_are_one_place(tmp_path, order):
    # "auf dem Stützpunkt Elmendorf-Richardson" (dpa) and "at Joint Base Elmendorf-Richardson" (Reuters): the
    # gazetteers know neither, the merge reads them as one place, and so does the store's identity
    names = ["Elmendorf-Richardson", "Joint Base Elmendorf-Richardson"]
    if order:
        names.reverse()
    with Store(tmp_path / "news.duckdb") as store:
        for i, name in enumerate(names):
            store.ingest([_place(f"https://x{i}.example/{i}", name)])
        assert store.con.execute("SELECT count(*) FROM entities WHERE type = 'LOC'").fetchone()[0] == 1


@pytest.mark.parametrize(
    "names",
    [
        ["Lake Placid", "Placid"],  # the shorter name is one word: too common a part of places' names
        ["Camp Kilmer", "Fort Kilmer"],  # neither name holds the other
        ["Port Elena", "Elena Bay", "Port Elena Bay"],  # the third fits two stored places: ambiguous, stays apart
    ],
)
def test_unlinked_places_that_do_not_nest_or_nest_ambiguously_stay_apart(tmp_path, names):
    with Store(tmp_path / "news.duckdb") as store:
        for i, name in enumerate(names):
            store.ingest([_place(f"https://x{i}.example/{i}", name)])
        assert store.con.execute("SELECT count(*) FROM entities WHERE type = 'LOC'").fetchone()[0] == len(names)
