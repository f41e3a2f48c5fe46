"""Tests of the event layer (``newsgraph_events``), one per construction and status cue.

The unit tests build their input explicitly — a blank German pipeline, ``doc._.entities`` and
``doc._.times`` filled by :func:`run_events` — so that they test the event layer's own logic and not
the entity or time layers, which change independently. The end-to-end tests at the bottom go through
``newsgraph.extract`` and only assert what must hold whatever the other layers do.
"""

from __future__ import annotations

import json
import re

import pytest
import spacy

from newsgraph.pipeline.events import EventLayer
from newsgraph.record import Entity, Event, Mention, Quote, Record, ReferenceDate, Role, Time

from .conftest import SEED_GOLD, needs_shared

_NLP: dict[str, spacy.language.Language] = {}


def _nlp(lang: str) -> spacy.language.Language:
    """A blank pipeline with a sentencizer: tokens and sentences only, as without a trained model."""
    if lang not in _NLP:
        _NLP[lang] = spacy.blank(lang)
        _NLP[lang].add_pipe("sentencizer")
    return _NLP[lang]


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    pattern = r"(?<![\w])" + re.escape(surface) + r"(?![\w])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def run_events(
    text: str,
    entities: dict[str, tuple[str, list[str]]],
    times: dict[str, str] | None = None,
    published: str | None = None,
    roles: dict[str, list[str]] | None = None,
    quotes: list[Quote] | None = None,
    lang: str = "de",
    kb_ids: dict[str, str] | None = None,
) -> tuple[list[Event], dict[str, str], spacy.tokens.Doc]:
    """Run the event layer on ``text`` with the given entities (name -> (type, surfaces)) and times.

    ``kb_ids`` (name -> kb_id) gives entities the gazetteer identity the entity layer would
    (``iso3166:PL``, ``geonames:756135``).

    Returns the events, a map entity id -> name, and the doc.
    """
    nlp = _nlp(lang)
    doc = nlp(text)
    taken: list[tuple[int, int]] = []
    ents: list[Entity] = []
    # longest surfaces first so that ``Joe Biden`` wins over ``Biden``
    spans = sorted(
        (
            (s, e, name)
            for name, (_, surfaces) in entities.items()
            for sf in surfaces
            for s, e in _occurrences(text, sf)
        ),
        key=lambda x: (-(x[1] - x[0]), x[0]),
    )
    by_name: dict[str, list[tuple[int, int]]] = {}
    for s, e, name in spans:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        by_name.setdefault(name, []).append((s, e))
    for n, (name, (etype, _)) in enumerate(entities.items(), start=1):
        mentions = [Mention(start=s, end=e, text=text[s:e]) for s, e in sorted(by_name.get(name, []))]
        ent_roles = [Role(title=r, start=0, end=0) for r in (roles or {}).get(name, [])]
        ents.append(
            Entity(
                id=f"e{n}",
                type=etype,
                name=name,
                mentions=mentions,
                roles=ent_roles,  # type: ignore[arg-type]
                kb_id=(kb_ids or {}).get(name),
            )
        )
    doc._.entities = ents
    doc._.published = published
    doc._.reference_date = ReferenceDate(value=published, source="published" if published else "none")
    found_times = []
    for surface, value in (times or {}).items():
        for s, e in _occurrences(text, surface):
            kind = "DURATION" if value.startswith("P") else "DATE"
            found_times.append(Time(start=s, end=e, text=text[s:e], type=kind, value=value))
    doc._.times = found_times
    doc._.quotes = quotes or []
    layer = EventLayer(nlp, lang=lang)
    doc = layer(doc)
    names = {e.id: e.name for e in ents}
    return doc._.events, names, doc


def summary(events: list[Event], names: dict[str, str]) -> list[tuple[str, frozenset[str], str | None, str]]:
    """(type, participant names, place name, status) of each event."""
    return [(e.type, frozenset(names[p] for p in e.participants), names.get(e.place or ""), e.status) for e in events]


def assert_sound(events: list[Event], doc: spacy.tokens.Doc) -> None:
    """Every evidence and time span reproduces its text."""
    for ev in events:
        for evi in ev.evidence:
            assert doc.text[evi.start : evi.end] == evi.text
        if ev.time is not None:
            assert doc.text[ev.time.start : ev.time.end] == ev.time.text


# --- constructions ---------------------------------------------------------------------------------


def test_inverted_reciprocal_verb_with_place_and_time():
    text = "Am Dienstag trafen sich Olaf Scholz und Emmanuel Macron in Paris."
    events, names, doc = run_events(
        text,
        {"Scholz": ("PER", ["Olaf Scholz"]), "Macron": ("PER", ["Emmanuel Macron"]), "Paris": ("LOC", ["Paris"])},
        times={"Am Dienstag": "2023-05-02"},
        published="2023-05-03",
    )
    assert summary(events, names) == [("meeting", frozenset({"Scholz", "Macron"}), "Paris", "happened")]
    assert events[0].time is not None and events[0].time.value == "2023-05-02"
    assert_sound(events, doc)


def test_transitive_verb_subject_meets_object():
    text = "Die Kanzlerin Angela Merkel traf gestern den kanadischen Premier Justin Trudeau."
    events, names, _ = run_events(text, {"Merkel": ("PER", ["Angela Merkel"]), "Trudeau": ("PER", ["Justin Trudeau"])})
    assert summary(events, names) == [("meeting", frozenset({"Merkel", "Trudeau"}), None, "happened")]


def test_reflexive_verb_with_partner():
    text = "Gestern traf sich Scholz in Berlin mit dem polnischen Präsidenten Andrzej Duda."
    events, names, _ = run_events(
        text, {"Scholz": ("PER", ["Scholz"]), "Duda": ("PER", ["Andrzej Duda"]), "Berlin": ("LOC", ["Berlin"])}
    )
    assert summary(events, names) == [("meeting", frozenset({"Scholz", "Duda"}), "Berlin", "happened")]


def test_noun_between_a_and_b():
    text = "Das Treffen zwischen dem Außenminister Wang Yi und seinem Amtskollegen Antony Blinken dauerte drei Stunden."
    events, names, _ = run_events(text, {"Wang": ("PER", ["Wang Yi"]), "Blinken": ("PER", ["Antony Blinken"])})
    assert summary(events, names) == [("meeting", frozenset({"Wang", "Blinken"}), None, "happened")]


def test_relative_clause_takes_its_antecedents():
    text = "Es war die erste Begegnung zwischen Rutte und Sánchez, die aber zuvor schon miteinander telefoniert hatten."
    events, names, _ = run_events(text, {"Rutte": ("PER", ["Rutte"]), "Sánchez": ("PER", ["Sánchez"])})
    got = summary(events, names)
    assert ("phone_call", frozenset({"Rutte", "Sánchez"}), None, "happened") in got
    assert ("meeting", frozenset({"Rutte", "Sánchez"}), None, "happened") in got
    call = next(e for e in events if e.type == "phone_call")
    assert (call.plover, call.cameo) == ("CONSULT", "041")


def test_name_compound_summit_is_planned_with_preparation_cue():
    text = (
        "Vorbereitungen für Modi-Xi-Gipfel laufen auf Hochtouren. Modi und Xi Jinping hatten sich lange nicht gesehen."
    )
    events, names, _ = run_events(text, {"Modi": ("PER", ["Modi"]), "Xi": ("PER", ["Xi Jinping", "Xi"])})
    assert summary(events, names) == [("summit", frozenset({"Modi", "Xi"}), None, "planned")]


def test_group_np_resolved_to_office_holders():
    text = (
        "Der brasilianische Präsident Lula da Silva reiste nach Buenos Aires. Dort empfing ihn Präsident "
        "Javier Milei. Am Abend trafen sich die Präsidenten beider Länder in der Casa Rosada."
    )
    events, names, _ = run_events(
        text,
        {
            "Lula": ("PER", ["Lula da Silva"]),
            "Milei": ("PER", ["Javier Milei"]),
            "Buenos Aires": ("LOC", ["Buenos Aires"]),
        },
    )
    got = summary(events, names)
    assert ("meeting", frozenset({"Lula", "Milei"}), "Buenos Aires", "happened") in got


def test_group_np_of_officials_falls_back_to_their_countries():
    text = "Die Handelsminister Japans und Südkoreas trafen sich am Freitag in Tokio."
    events, names, _ = run_events(
        text,
        {"Japan": ("LOC", ["Japans"]), "South Korea": ("LOC", ["Südkoreas"]), "Tokyo": ("LOC", ["Tokio"])},
    )
    assert summary(events, names) == [("meeting", frozenset({"Japan", "South Korea"}), "Tokyo", "happened")]
    assert events[0].confidence < 0.7  # participants only through the officials' countries


def test_body_meeting_uses_the_organisation_and_separable_particle():
    text = "Zu einer Sondersitzung kommen die Innenminister der Europäischen Union am Montag zusammen."
    events, names, _ = run_events(
        text,
        {"European Union": ("ORG", ["Europäischen Union"])},
        times={"am Montag": "2024-03-04"},
        published="2024-03-01",
    )
    assert summary(events, names) == [("meeting", frozenset({"European Union"}), None, "planned")]


def test_visit_verb_visitor_and_host_country():
    text = "Bundespräsident Frank-Walter Steinmeier besuchte am Dienstag Kenia."
    events, names, _ = run_events(
        text,
        {"Steinmeier": ("PER", ["Frank-Walter Steinmeier"]), "Kenya": ("LOC", ["Kenia"])},
        times={"am Dienstag": "2023-10-31"},
        published="2023-11-01",
    )
    assert summary(events, names) == [("visit", frozenset({"Steinmeier", "Kenya"}), "Kenya", "happened")]
    assert (events[0].plover, events[0].cameo) == ("CONSULT", "042")


def test_nominal_visit_genitive_visitor_and_destination():
    text = "Am Montag begann der Staatsbesuch des spanischen Königs Felipe VI. in Deutschland."
    events, names, _ = run_events(text, {"Felipe": ("PER", ["Felipe VI."]), "Germany": ("LOC", ["Deutschland"])})
    assert summary(events, names) == [("visit", frozenset({"Felipe", "Germany"}), "Germany", "happened")]


#: gazetteer identities (``resources/de/gazetteer_places.json``) of the places in the city-visit tests
_PLACE_KB = {"Poland": "iso3166:PL", "Warsaw": "geonames:756135", "Nigeria": "iso3166:NG", "Lagos": "geonames:2332459"}


def test_visit_to_a_city_of_a_mentioned_country_has_the_country_as_host():
    # convention: a visit is visitor + visited country; the city where it happens is its place
    text = (
        "Der niederländische Ministerpräsident Mark Rutte reiste am Montag nach Warschau. "
        "Polen und die Niederlande wollen ihre Zusammenarbeit in der Verteidigung ausbauen."
    )
    events, names, _ = run_events(
        text,
        {
            "Rutte": ("PER", ["Mark Rutte"]),
            "Warsaw": ("LOC", ["Warschau"]),
            "Poland": ("LOC", ["Polen"]),
            "Netherlands": ("LOC", ["Niederlande"]),
        },
        kb_ids={**_PLACE_KB, "Netherlands": "iso3166:NL"},
    )
    assert summary(events, names) == [("visit", frozenset({"Rutte", "Poland"}), "Warsaw", "happened")]


def test_visit_to_a_city_whose_country_is_not_mentioned_keeps_the_city_as_host():
    # no country in the text: the city stays the host rather than a country the article never names
    text = "Bundesentwicklungsminister Gerd Müller reiste am Dienstag nach Lagos."
    events, names, _ = run_events(
        text, {"Müller": ("PER", ["Gerd Müller"]), "Lagos": ("LOC", ["Lagos"])}, kb_ids=_PLACE_KB
    )
    assert summary(events, names) == [("visit", frozenset({"Müller", "Lagos"}), "Lagos", "happened")]


def test_site_visit_is_no_interaction():
    text = "Auf dem Programm steht ein Besuch des Kernkraftwerks Saporischschja."
    events, _, _ = run_events(text, {"Zaporizhzhia": ("LOC", ["Saporischschja"])})
    assert events == []


def test_light_verb_treffen_is_no_meeting():
    text = "Die Regierung Frankreichs hat gestern eine Entscheidung getroffen, sagte Macron."
    events, _, _ = run_events(text, {"France": ("LOC", ["Frankreichs"]), "Macron": ("PER", ["Macron"])})
    assert events == []


def test_negated_agreement_is_a_failed_negotiation():
    text = "Im Vermittlungsausschuss konnten sich der Bundesrat und der Bundestag nicht auf einen Kompromiss einigen."
    events, names, _ = run_events(text, {"Bundesrat": ("ORG", ["Bundesrat"]), "Bundestag": ("ORG", ["Bundestag"])})
    assert summary(events, names) == [("negotiation", frozenset({"Bundesrat", "Bundestag"}), None, "happened")]


def test_agreement_verb_and_codes():
    text = "Die SPD und die Grünen haben sich auf einen Koalitionsvertrag geeinigt."
    events, names, _ = run_events(text, {"SPD": ("ORG", ["SPD"]), "Greens": ("ORG", ["Grünen"])})
    assert summary(events, names) == [("agreement", frozenset({"SPD", "Greens"}), None, "happened")]
    assert (events[0].plover, events[0].cameo) == ("AGREE", "057")


# --- status -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Biden und Xi wollen sich im November in San Francisco treffen.", "planned"),
        ("Ein Treffen zwischen Biden und Xi soll im November in San Francisco stattfinden.", "planned"),
        ("Es wird über ein mögliches Gipfeltreffen zwischen Biden und Xi in San Francisco spekuliert.", "possible"),
        ("Das geplante Treffen zwischen Biden und Xi in San Francisco wurde abgesagt.", "cancelled"),
        ("Das Weiße Haus dementierte ein Treffen zwischen Biden und Xi in San Francisco.", "denied"),
        ("Biden und Xi trafen sich in San Francisco.", "happened"),
    ],
)
def test_status_cues(sentence: str, status: str):
    events, names, _ = run_events(
        sentence,
        {
            "Biden": ("PER", ["Biden"]),
            "Xi": ("PER", ["Xi"]),
            "San Francisco": ("LOC", ["San Francisco"]),
            "White House": ("ORG", ["Weiße Haus"]),
        },
    )
    assert [(e.type, e.status) for e in events][:1] == [(events[0].type, status)]
    assert frozenset(names[p] for p in events[0].participants) == {"Biden", "Xi"}


def test_planned_event_never_keeps_a_past_date():
    text = "Am Montag sollen sich Biden und Xi treffen."
    events, _, _ = run_events(
        text,
        {"Biden": ("PER", ["Biden"]), "Xi": ("PER", ["Xi"])},
        times={"Am Montag": "2023-11-06"},  # a (wrongly) past value for a planned event
        published="2023-11-10",
    )
    assert events[0].status == "planned"
    assert events[0].time is None


def test_future_time_makes_present_tense_planned():
    text = "Am Donnerstag treffen sich die Außenminister Baerbock und Lawrow in Wien."
    events, _, _ = run_events(
        text,
        {"Baerbock": ("PER", ["Baerbock"]), "Lavrov": ("PER", ["Lawrow"]), "Vienna": ("LOC", ["Wien"])},
        times={"Am Donnerstag": "2022-03-10"},
        published="2022-03-07",
    )
    assert events[0].status == "planned"
    assert events[0].time is not None and events[0].time.value == "2022-03-10"


# --- merging ----------------------------------------------------------------------------------------


def test_one_meeting_reported_several_times_is_one_event():
    text = (
        "Am Montag trafen sich die Sicherheitsberater Japans und Indiens in Delhi. "
        "Bei den Gesprächen in Delhi ging es um Handel. "
        "Nach dem Treffen am 3. Juni in Delhi lobte Kishida die Gespräche zwischen Akiba und Doval."
    )
    events, names, doc = run_events(
        text,
        {
            "Japan": ("LOC", ["Japans"]),
            "India": ("LOC", ["Indiens"]),
            "Delhi": ("LOC", ["Delhi"]),
            "Akiba": ("PER", ["Akiba"]),
            "Doval": ("PER", ["Doval"]),
            "Kishida": ("PER", ["Kishida"]),
        },
        times={"Am Montag": "2024-06-03", "am 3. Juni": "2024-06-03"},
        published="2024-06-04",
    )
    assert summary(events, names) == [("meeting", frozenset({"Akiba", "Doval"}), "Delhi", "happened")]
    assert len(events[0].evidence) >= 3
    assert_sound(events, doc)


def test_generic_mention_without_an_event_is_dropped():
    text = "Die Gespräche dauerten bis in die Nacht."
    events, _, _ = run_events(text, {})
    assert events == []


def test_different_participants_stay_apart():
    text = "Gestern traf sich Rutte mit Selenskyj in Kiew. Am Abend traf sich Rutte mit Klitschko."
    events, names, _ = run_events(
        text,
        {
            "Rutte": ("PER", ["Rutte"]),
            "Zelensky": ("PER", ["Selenskyj"]),
            "Klitschko": ("PER", ["Klitschko"]),
            "Kyiv": ("LOC", ["Kiew"]),
        },
    )
    assert {frozenset(names[p] for p in e.participants) for e in events} == {
        frozenset({"Rutte", "Zelensky"}),
        frozenset({"Rutte", "Klitschko"}),
    }


def test_pronoun_subject_and_there():
    text = (
        "Seinen ersten Auslandsbesuch machte Bundeskanzler Friedrich Merz in Frankreich. "
        "Er traf sich dort mit Präsident Emmanuel Macron und Premier François Bayrou."
    )
    events, names, _ = run_events(
        text,
        {
            "Merz": ("PER", ["Friedrich Merz"]),
            "France": ("LOC", ["Frankreich"]),
            "Macron": ("PER", ["Emmanuel Macron"]),
            "Bayrou": ("PER", ["François Bayrou"]),
        },
    )
    got = summary(events, names)
    assert ("visit", frozenset({"Merz", "France"}), "France", "happened") in got
    assert ("meeting", frozenset({"Merz", "Macron", "Bayrou"}), "France", "happened") in got


# --- quotes -----------------------------------------------------------------------------------------


def test_quote_about_the_meeting_is_linked():
    text = 'Scholz und Macron trafen sich in Paris. Scholz sagte nach dem Treffen: "Das Treffen in Paris war gut."'
    content = "Das Treffen in Paris war gut."
    start = text.index(content)
    quote = Quote(id="q1", kind="direct", start=start, end=start + len(content), text=content, speaker="e1")
    events, _, doc = run_events(
        text,
        {"Scholz": ("PER", ["Scholz"]), "Macron": ("PER", ["Macron"]), "Paris": ("LOC", ["Paris"])},
        quotes=[quote],
    )
    assert len(events) == 1
    assert doc._.quotes[0].event == events[0].id


def test_quote_unrelated_to_events_stays_unlinked():
    text = 'Scholz und Macron trafen sich in Paris. Später sagte Habeck: "Die Preise sinken."'
    content = "Die Preise sinken."
    start = text.index(content)
    quote = Quote(id="q1", kind="direct", start=start, end=start + len(content), text=content)
    events, _, doc = run_events(
        text,
        {
            "Scholz": ("PER", ["Scholz"]),
            "Macron": ("PER", ["Macron"]),
            "Paris": ("LOC", ["Paris"]),
            "Habeck": ("PER", ["Habeck"]),
        },
        quotes=[quote],
    )
    assert len(events) == 1
    assert doc._.quotes[0].event is None


# --- English ----------------------------------------------------------------------------------------


def test_english_basic_meeting_and_status():
    text = "Biden met Xi in San Francisco on Wednesday. The two leaders will hold talks with Modi next year."
    events, names, _ = run_events(
        text,
        {
            "Biden": ("PER", ["Biden"]),
            "Xi": ("PER", ["Xi"]),
            "San Francisco": ("LOC", ["San Francisco"]),
            "Modi": ("PER", ["Modi"]),
        },
        lang="en",
    )
    got = summary(events, names)
    assert ("meeting", frozenset({"Biden", "Xi"}), "San Francisco", "happened") in got


# --- founding article (gold entities and times as input) and end to end ----------------------------


@needs_shared
def test_founding_article_with_gold_inputs_has_exactly_the_gold_events(nlp_de):
    import sys
    from pathlib import Path

    from newsgraph.evaluate import load_gold, score_record

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_events import run_oracle  # type: ignore[import-not-found]

    gold, text = load_gold(SEED_GOLD)
    record: Record = run_oracle(nlp_de, text, gold)
    score = score_record(gold, record)
    assert (score.events.tp, score.events.fp, score.events.fn) == (len(gold["events"]), 0, 0), score.problems
    assert score.event_status.value() == 1.0
    assert [e for e in record.span_errors() if e.startswith("event") or "unknown event id" in e] == []


@needs_shared
def test_end_to_end_founding_article_is_sound(seed_record):
    """Through ``newsgraph.extract``: spans sound, codes set, the Geneva meeting found as happened."""
    assert [e for e in seed_record.span_errors() if e.startswith("event") or "unknown event id" in e] == []
    assert seed_record.events, "no event found in the founding article"
    assert len(seed_record.events) <= 6
    for ev in seed_record.events:
        assert ev.plover and ev.cameo and ev.evidence
        assert len(set(ev.participants)) >= 1
    trafen = [ev for ev in seed_record.events if any("trafen sich" in e.text for e in ev.evidence)]
    assert trafen and trafen[0].status == "happened"
    json.loads(seed_record.to_json())


def test_end_to_end_short_article_through_extract(nlp_de):
    import newsgraph

    text = "Der französische Präsident Emmanuel Macron und Bundeskanzler Olaf Scholz trafen sich am Montag in Berlin."
    record = newsgraph.extract(text, lang="de", published="2023-06-06", nlp=nlp_de)
    assert [e for e in record.span_errors() if e.startswith("event") or "unknown event id" in e] == []
    for ev in record.events:
        assert ev.type == "meeting" and ev.status == "happened"
        assert any("trafen sich" in e.text for e in ev.evidence)


# --- further constructions -----------------------------------------------------------------------------


def test_invitation_with_destination_is_a_planned_visit():
    text = "Der Oppositionsführer möchte im Mai einer Einladung der Regierung nach Kuba folgen. Pedro Sánchez bleibt."
    events, names, _ = run_events(
        text.replace("Der Oppositionsführer", "Juan Guaidó"),
        {"Guaidó": ("PER", ["Juan Guaidó"]), "Cuba": ("LOC", ["Kuba"]), "Sánchez": ("PER", ["Pedro Sánchez"])},
        times={"im Mai": "2024-05"},
        published="2024-03-01",
    )
    assert summary(events, names) == [("visit", frozenset({"Guaidó", "Cuba"}), "Cuba", "planned")]


def test_invitation_without_destination_is_no_event():
    text = "Juan Guaidó nahm die Einladung der Regierung an."
    events, _, _ = run_events(text, {"Guaidó": ("PER", ["Juan Guaidó"])})
    assert events == []


def test_the_two_named_in_the_sentence():
    text = (
        "Am Sonntag unterzeichneten die beiden Kandidaten einen Vertrag, der Ruto das Amt und Odinga einen Posten gibt."
    )
    events, names, _ = run_events(text, {"Ruto": ("PER", ["Ruto"]), "Odinga": ("PER", ["Odinga"])})
    assert summary(events, names) == [("agreement", frozenset({"Ruto", "Odinga"}), None, "happened")]


def test_place_and_date_belong_to_the_nearest_trigger():
    text = (
        "Das Treffen am Montag in Genf war ein Schritt zu einem möglichen Gipfeltreffen zwischen Biden und Xi. "
        "Am Montag hatten sich Sullivan und Wang in Genf getroffen."
    )
    events, names, _ = run_events(
        text,
        {
            "Biden": ("PER", ["Biden"]),
            "Xi": ("PER", ["Xi"]),
            "Sullivan": ("PER", ["Sullivan"]),
            "Wang": ("PER", ["Wang"]),
            "Geneva": ("LOC", ["Genf"]),
        },
        times={"am Montag": "2024-01-08", "Am Montag": "2024-01-08"},
        published="2024-01-09",
    )
    summit = next(e for e in events if e.type == "summit")
    assert summit.place is None and summit.time is None and summit.status == "possible"
    meeting = next(e for e in events if e.type == "meeting")
    assert {names[p] for p in meeting.participants} == {"Sullivan", "Wang"}
    assert names[meeting.place or ""] == "Geneva" and meeting.time is not None


def test_gloss_in_brackets_is_no_participant():
    text = "Bundespräsident Christian Wulff (CDU) hat in einem Gespräch mit Schimon Peres (Awoda) Israel gelobt."
    events, names, _ = run_events(
        text,
        {
            "Wulff": ("PER", ["Christian Wulff"]),
            "CDU": ("ORG", ["CDU"]),
            "Peres": ("PER", ["Schimon Peres"]),
            "Labor": ("ORG", ["Awoda"]),
            "Israel": ("LOC", ["Israel"]),
        },
    )
    assert summary(events, names) == [("meeting", frozenset({"Wulff", "Peres"}), None, "happened")]


def test_person_at_a_body_meeting_joins_the_body():
    text = (
        "Die Agrarminister der Europäischen Union haben sich auf einem Treffen in Brüssel heute nicht geeinigt. "
        "Minister Cem Özdemir sagte zum Abschluss des Treffens, man sei nah dran."
    )
    events, names, _ = run_events(
        text,
        {
            "European Union": ("ORG", ["Europäischen Union"]),
            "Brussels": ("LOC", ["Brüssel"]),
            "Özdemir": ("PER", ["Cem Özdemir"]),
        },
        times={"heute": "2024-01-22"},
        published="2024-01-22",
    )
    assert ("meeting", frozenset({"European Union", "Özdemir"}), "Brussels", "happened") in summary(events, names)


def test_robust_on_empty_and_unsegmented_input():
    events, _, _ = run_events("", {})
    assert events == []
    nlp = spacy.blank("de")  # no sentencizer: the layer treats the text as one sentence
    doc = nlp("Scholz traf Macron in Paris")
    doc._.entities = [
        Entity(id="e1", type="PER", name="Scholz", mentions=[Mention(start=0, end=6, text="Scholz")]),
        Entity(id="e2", type="PER", name="Macron", mentions=[Mention(start=12, end=18, text="Macron")]),
    ]
    doc = EventLayer(nlp, lang="de")(doc)
    assert [e.type for e in doc._.events] == ["meeting"]


def test_language_without_event_data_gives_no_events():
    nlp = _nlp("de")
    doc = EventLayer(nlp, lang="fr")(nlp("Macron a rencontré Scholz à Paris."))
    assert doc._.events == []


# --- things that are no interaction, and arguments that belong elsewhere ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Innerhalb der CDU trafen die Äußerungen auf einhellige Ablehnung.",  # auf Ablehnung treffen
        "Dort nahmen ihn Angestellte des Außenministeriums der Niederlande in Empfang.",  # in Empfang nehmen
        "Der Parteitag der CDU tagte am Samstag in Hannover. Die Sitzung der CDU dauerte lange.",  # one party alone
    ],
)
def test_idioms_and_lone_organisations_are_no_events(text: str):
    events, _, _ = run_events(
        text,
        {"CDU": ("ORG", ["CDU"]), "Netherlands": ("LOC", ["Niederlande"]), "Hannover": ("LOC", ["Hannover"])},
    )
    assert events == []


def test_venue_clause_gives_place_and_date():
    text = (
        "Das Thema wird auf dem nächsten Gipfeltreffen der EU-Regierungschefs eine Rolle spielen, "
        "das am 16. Dezember in Brüssel stattfindet."
    )
    events, names, _ = run_events(
        text,
        {"European Union": ("ORG", ["EU"]), "Brussels": ("LOC", ["Brüssel"])},
        times={"am 16. Dezember": "2010-12-16"},
        published="2010-11-16",
    )
    assert summary(events, names) == [("summit", frozenset({"European Union"}), "Brussels", "planned")]
    assert events[0].time is not None and events[0].time.value == "2010-12-16"


def test_time_of_a_relative_clause_does_not_date_the_event():
    text = "Am Sonntag trafen sich Lula und Milei auf der Insel Nias, auf der im März ein Beben war."
    events, names, _ = run_events(
        text,
        {"Lula": ("PER", ["Lula"]), "Milei": ("PER", ["Milei"]), "Nias": ("LOC", ["Nias"])},
        times={"im März": "2005-03"},  # the time layer missed ``Am Sonntag``
        published="2005-12-29",
    )
    assert summary(events, names) == [("meeting", frozenset({"Lula", "Milei"}), "Nias", "happened")]
    assert events[0].time is None


def test_reference_words_do_not_date_an_event():
    text = "Scholz traf Macron in Paris, der zur Zeit die Präsidentschaft innehat."
    events, _, _ = run_events(
        text,
        {"Scholz": ("PER", ["Scholz"]), "Macron": ("PER", ["Macron"]), "Paris": ("LOC", ["Paris"])},
        times={"zur Zeit": "PRESENT_REF"},
    )
    assert len(events) == 1 and events[0].time is None


def test_participant_list_ends_at_a_comma_and_at_a_second_verb_phrase():
    text = "Merz will Gespräche mit allen Parteien führen, außer mit der AfD."
    events, _, _ = run_events(text, {"Merz": ("PER", ["Merz"]), "AfD": ("ORG", ["AfD"])})
    assert events == []
    text = "Die SPD und die Grünen haben sich geeinigt und damit die Linke überrascht."
    events, names, _ = run_events(
        text, {"SPD": ("ORG", ["SPD"]), "Greens": ("ORG", ["Grünen"]), "Left": ("ORG", ["Linke"])}
    )
    assert summary(events, names) == [("agreement", frozenset({"SPD", "Greens"}), None, "happened")]


def test_bad_offsets_from_an_earlier_layer_are_ignored():
    text = "Scholz traf Macron in Paris."
    bad_time = Time(start=40, end=30, text="x", type="DATE", value="2024-01-01")
    nlp = _nlp("de")
    doc = nlp(text)
    doc._.entities = [
        Entity(id="e1", type="PER", name="Scholz", mentions=[Mention(start=0, end=6, text="Scholz")]),
        Entity(id="e2", type="PER", name="Macron", mentions=[Mention(start=12, end=18, text="Macron")]),
        Entity(id="e3", type="PER", name="Ghost", mentions=[Mention(start=90, end=95, text="Ghost")]),
    ]
    doc._.times = [bad_time]
    doc = EventLayer(nlp, lang="de")(doc)
    assert [(e.type, e.time) for e in doc._.events] == [("meeting", None)]
