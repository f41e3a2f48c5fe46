"""Event-layer phenomena that real diplomatic news shows beyond the basic constructions.

One test per phenomenon, on sentences written for these tests (no article of the gold sets): arrival
constructions, group noun phrases that refer back to two named people, a new event announced with
``weiteres``, implicit parties (an accession negotiation is always with the body one joins),
anaphoric mentions that extend an earlier event's participants, trigger nouns that an earlier layer
wrongly made an entity, and the status cues for planned, cancelled/postponed, denied and reported
(hearsay) events. Like ``test_events``, the input is built explicitly (blank pipeline, given entities
and times) so that only the event layer is tested.
"""

from __future__ import annotations

import pytest

from newsgraph.pipeline.events import EventLayer
from newsgraph.record import Entity, Mention

from .test_events import _nlp, run_events, summary

# --- arrival: ``ist zu einem Besuch in X eingetroffen`` / ``traf in X ein`` ---------------------------


def test_arrival_for_a_visit_is_a_visit():
    text = "Der französische Außenminister Jean-Yves Le Drian ist am Montag zu einem Besuch in Algier eingetroffen."
    events, names, _ = run_events(
        text,
        {"Le Drian": ("PER", ["Jean-Yves Le Drian"]), "Algiers": ("LOC", ["Algier"])},
        times={"am Montag": "2021-12-06"},
        published="2021-12-07",
    )
    assert summary(events, names) == [("visit", frozenset({"Le Drian", "Algiers"}), "Algiers", "happened")]


def test_separable_eintreffen_is_an_arrival_not_a_meeting():
    text = "Bundeskanzler Olaf Scholz traf am Freitagmorgen in Peking ein."
    events, names, _ = run_events(text, {"Scholz": ("PER", ["Olaf Scholz"]), "Beijing": ("LOC", ["Peking"])})
    assert summary(events, names) == [("visit", frozenset({"Scholz", "Beijing"}), "Beijing", "happened")]


def test_arrival_without_a_destination_is_no_event():
    text = "Die Delegation um Ministerin Baerbock ist am Abend eingetroffen."
    events, _, _ = run_events(text, {"Baerbock": ("PER", ["Baerbock"])})
    assert events == []


# --- group NPs that refer back: ``die beiden Minister`` -------------------------------------------------


def test_the_two_ministers_are_the_two_people_named_before():
    text = (
        "Wirtschaftsminister Robert Habeck und sein französischer Amtskollege Bruno Le Maire haben sich am "
        "Montag in Paris getroffen. Habeck sprach danach von einem guten Gespräch. Le Maire äußerte sich "
        "nicht. Ein weiteres Treffen der beiden Minister soll im Oktober in Berlin stattfinden."
    )
    events, names, _ = run_events(
        text,
        {
            "Habeck": ("PER", ["Robert Habeck", "Habeck"]),
            "Le Maire": ("PER", ["Bruno Le Maire", "Le Maire"]),
            "Paris": ("LOC", ["Paris"]),
            "Berlin": ("LOC", ["Berlin"]),
        },
        times={"am Montag": "2023-05-08", "im Oktober": "2023-10"},
        published="2023-05-09",
    )
    got = summary(events, names)
    assert ("meeting", frozenset({"Habeck", "Le Maire"}), "Paris", "happened") in got
    assert ("meeting", frozenset({"Habeck", "Le Maire"}), "Berlin", "planned") in got
    assert len(got) == 2


def test_a_further_meeting_is_a_new_event_even_without_a_place():
    text = (
        "Scholz und Macron trafen sich am Dienstag in Paris. Ein weiteres Treffen der beiden Politiker "
        "ist für den Herbst geplant."
    )
    events, names, _ = run_events(
        text, {"Scholz": ("PER", ["Scholz"]), "Macron": ("PER", ["Macron"]), "Paris": ("LOC", ["Paris"])}
    )
    got = summary(events, names)
    assert ("meeting", frozenset({"Scholz", "Macron"}), "Paris", "happened") in got
    assert ("meeting", frozenset({"Scholz", "Macron"}), None, "planned") in got


# --- implicit parties -------------------------------------------------------------------------------


def test_accession_negotiations_have_the_union_as_implicit_party():
    text = (
        "Die Außenminister der Europäischen Union berieten am Montag in Brüssel. "
        "Die Beitrittsverhandlungen mit Montenegro sollen im Juni fortgesetzt werden."
    )
    events, names, _ = run_events(
        text,
        {
            "European Union": ("ORG", ["Europäischen Union"]),
            "Montenegro": ("LOC", ["Montenegro"]),
            "Brussels": ("LOC", ["Brüssel"]),
        },
    )
    assert ("negotiation", frozenset({"European Union", "Montenegro"}), None, "planned") in summary(events, names)


def test_negotiations_about_joining_a_body_named_in_the_clause():
    text = "Die Verhandlungen mit Albanien über einen Beitritt zur Europäischen Union waren ins Stocken geraten."
    events, names, _ = run_events(
        text, {"European Union": ("ORG", ["Europäischen Union"]), "Albania": ("LOC", ["Albanien"])}
    )
    assert summary(events, names) == [("negotiation", frozenset({"European Union", "Albania"}), None, "happened")]


def test_negotiations_without_accession_get_no_implicit_party():
    text = "Die Europäische Union äußerte sich am Montag. Die Verhandlungen mit Marokko über Fischfang dauern an."
    events, _, _ = run_events(text, {"European Union": ("ORG", ["Europäische Union"]), "Morocco": ("LOC", ["Marokko"])})
    assert events == []  # one named party and no accession: no one to negotiate with


def test_a_trigger_noun_made_an_entity_is_no_participant():
    text = "Die Beitrittsverhandlungen mit Serbien kommen nicht voran, sagte die Kommission der EU."
    events, names, _ = run_events(
        text,
        {
            "Beitrittsverhandlungen": ("ORG", ["Beitrittsverhandlungen"]),
            "Serbia": ("LOC", ["Serbien"]),
            "European Union": ("ORG", ["EU"]),
        },
    )
    got = summary(events, names)
    assert all("Beitrittsverhandlungen" not in parts for _, parts, _, _ in got)
    assert ("negotiation", frozenset({"European Union", "Serbia"}), None, "happened") in got


# --- participants given in the next sentences: ``An diesen Gesprächen werden ... teilnehmen`` ---------


def test_anaphoric_mention_and_sent_delegate_extend_a_meeting():
    text = (
        "Für Freitag ist in Genf ein Treffen der Atommächte geplant. "
        "An diesen Beratungen werden die Außenminister Indiens, Pakistans und Frankreichs teilnehmen. "
        "Auch Japan wird einen Vertreter entsenden."
    )
    events, names, _ = run_events(
        text,
        {
            "India": ("LOC", ["Indiens"]),
            "Pakistan": ("LOC", ["Pakistans"]),
            "France": ("LOC", ["Frankreichs"]),
            "Japan": ("LOC", ["Japan"]),
            "Geneva": ("LOC", ["Genf"]),
        },
    )
    assert summary(events, names) == [
        ("meeting", frozenset({"India", "Pakistan", "France", "Japan"}), "Geneva", "planned")
    ]


# --- status ---------------------------------------------------------------------------------------


_STATUS_ENTITIES = {
    "Putin": ("PER", ["Putin"]),
    "Erdoğan": ("PER", ["Erdoğan"]),
    "Ankara": ("LOC", ["Ankara"]),
    "Kremlin": ("ORG", ["Kreml"]),
}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # planned: modal verbs, ``soll stattfinden``, ``geplant``, ``angesetzt``
        ("Putin und Erdoğan wollen sich im Dezember in Ankara treffen.", "planned"),
        ("Ein Treffen zwischen Putin und Erdoğan in Ankara soll noch vor Jahresende stattfinden.", "planned"),
        ("Für Dezember ist ein Treffen zwischen Putin und Erdoğan in Ankara geplant.", "planned"),
        ("Putin will nach Ankara reisen, um mit Erdoğan über Syrien zu sprechen.", "planned"),
        ("Putin wird am Dienstag zu einem Besuch in Ankara erwartet.", "planned"),
        # cancelled / postponed
        ("Das für Dezember geplante Treffen zwischen Putin und Erdoğan in Ankara ist abgesagt worden.", "cancelled"),
        ("Das Treffen zwischen Putin und Erdoğan in Ankara wurde auf unbestimmte Zeit verschoben.", "cancelled"),
        ("Die Gespräche zwischen Putin und Erdoğan in Ankara wurden vertagt.", "cancelled"),
        ("Putin sagte seinen Besuch in Ankara kurzfristig ab.", "cancelled"),
        # denied
        ("Der Kreml dementierte ein Treffen zwischen Putin und Erdoğan in Ankara.", "denied"),
        ("Der Kreml wies Berichte über ein Treffen zwischen Putin und Erdoğan in Ankara zurück.", "denied"),
        ("Der Kreml bestritt, dass sich Putin und Erdoğan in Ankara getroffen hätten.", "denied"),
        ("Ein Treffen zwischen Putin und Erdoğan in Ankara sei nicht geplant, sagte ein Sprecher.", "denied"),
        # reported as fact, also as hearsay (``soll ... getroffen haben``): it happened, not planned
        ("Nach unbestätigten Berichten trafen sich Putin und Erdoğan in Ankara.", "happened"),
        ("Putin soll sich bereits im Oktober heimlich mit Erdoğan in Ankara getroffen haben.", "happened"),
        ("Putin und Erdoğan haben sich am Montag in Ankara getroffen.", "happened"),
        # possible
        ("Ob sich Putin und Erdoğan in Ankara treffen, ist noch unklar.", "possible"),
    ],
)
def test_status(sentence: str, status: str):
    events, names, _ = run_events(sentence, _STATUS_ENTITIES)
    assert events, sentence
    assert events[0].status == status, sentence
    parts = frozenset(names[p] for p in events[0].participants)
    assert "Putin" in parts and ("Erdoğan" in parts or "Ankara" in parts), sentence


def test_unconfirmed_report_lowers_confidence():
    sure, _, _ = run_events("Putin und Erdoğan trafen sich am Montag in Ankara.", _STATUS_ENTITIES)
    rumour, _, _ = run_events("Nach unbestätigten Berichten trafen sich Putin und Erdoğan in Ankara.", _STATUS_ENTITIES)
    assert rumour[0].confidence < sure[0].confidence


# --- fronted PPs, purpose and travel --------------------------------------------------------------


def test_fronted_pp_with_partner_takes_the_subject_after_it():
    text = "Nach einem Telefonat mit Erdoğan sagte Putin, beide Seiten wollten die Zusammenarbeit ausbauen."
    events, names, _ = run_events(text, _STATUS_ENTITIES)
    assert summary(events, names) == [("phone_call", frozenset({"Putin", "Erdoğan"}), None, "happened")]


def test_travel_to_a_state_visit_is_a_visit():
    text = "Putin reist kommende Woche zu einem Staatsbesuch nach Ankara."
    events, names, _ = run_events(text, _STATUS_ENTITIES)
    assert summary(events, names) == [("visit", frozenset({"Putin", "Ankara"}), "Ankara", "planned")]


def test_invitation_to_talks_is_planned_talks():
    text = "Erdoğan lud Putin zu Gesprächen nach Ankara ein."
    events, names, _ = run_events(text, _STATUS_ENTITIES)
    assert summary(events, names) == [("talks", frozenset({"Putin", "Erdoğan"}), "Ankara", "planned")]


def test_after_the_summit_is_no_purpose_and_does_not_make_a_summit():
    text = "Putin reiste nach dem Gipfel weiter nach Ankara, wo er Erdoğan traf."
    events, names, _ = run_events(text, _STATUS_ENTITIES)
    got = summary(events, names)
    assert ("meeting", frozenset({"Putin", "Erdoğan"}), "Ankara", "happened") in got
    assert all(t != "summit" for t, _, _, _ in got)


def test_topic_of_talks_between_two_is_a_meeting():
    text = "Die Lage in Syrien soll ein wichtiges Gesprächsthema zwischen Putin und Erdoğan werden."
    events, names, _ = run_events(text, _STATUS_ENTITIES)
    assert summary(events, names) == [("meeting", frozenset({"Putin", "Erdoğan"}), None, "planned")]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Der Kreml schloss ein Treffen zwischen Putin und Erdoğan in Ankara aus.", "denied"),
        ("Der Kreml schloss ein Treffen zwischen Putin und Erdoğan in Ankara nicht aus.", "possible"),
        ("Putin schloss in Ankara mit Erdoğan ein Abkommen über Gaslieferungen.", "happened"),
        ("Putin hofft auf ein baldiges Treffen mit Erdoğan in Ankara.", "possible"),
    ],
)
def test_ruling_out_and_not_ruling_out(sentence: str, status: str):
    events, _, _ = run_events(sentence, _STATUS_ENTITIES)
    assert [e.status for e in events] == [status], sentence


# --- names inside compounds, quotation marks inside words ------------------------------------------------


def test_body_named_only_inside_a_compound_office_noun():
    # the entity layer reports ``EU`` on its own but not inside ``EU-Außen- und Europaminister``
    text = (
        "Die EU verlängerte die Sanktionen. Die Beratungen der EU-Außen- und Europaminister werden "
        "am Montag in Brüssel stattfinden."
    )
    nlp = _nlp("de")
    doc = nlp(text)
    eu, brussels = text.index("EU"), text.index("Brüssel")
    doc._.entities = [
        Entity(id="e1", type="ORG", name="European Union", mentions=[Mention(start=eu, end=eu + 2, text="EU")]),
        Entity(
            id="e2", type="LOC", name="Brussels", mentions=[Mention(start=brussels, end=brussels + 7, text="Brüssel")]
        ),
    ]
    doc._.times = []
    doc._.quotes = []
    doc = EventLayer(nlp, lang="de")(doc)
    got = [(e.type, e.participants, e.place, e.status) for e in doc._.events]
    assert got == [("meeting", ["e1"], "e2", "planned")]


def test_closing_quote_glued_to_a_word_ends_the_quotation():
    text = (
        "Ein Sprecher schloss eine „Eins zu Eins“-Begegnung aus. "
        "Für Freitag ist in Genf ein Treffen geplant. An diesen Beratungen werden Indien und Pakistan teilnehmen. "
        "Auch Japan wird einen Vertreter entsenden."
    )
    events, names, _ = run_events(
        text,
        {
            "India": ("LOC", ["Indien"]),
            "Pakistan": ("LOC", ["Pakistan"]),
            "Japan": ("LOC", ["Japan"]),
            "Geneva": ("LOC", ["Genf"]),
        },
    )
    assert summary(events, names) == [("meeting", frozenset({"India", "Pakistan", "Japan"}), "Geneva", "planned")]
    assert events[0].confidence > 0.5  # not taken for an event told inside a quotation


# --- settings, agents, reported speech ----------------------------------------------------------------


def test_meeting_on_the_sidelines_of_a_summit_is_no_summit():
    text = "Am Rande des Nato-Gipfels trafen sich Putin und Erdoğan zu einem Gespräch."
    events, names, _ = run_events(text, {**_STATUS_ENTITIES, "NATO": ("ORG", ["Nato"])})
    # the meeting is no summit and the body is no party of it; the body's own summit, named by its word
    # (``Nato-Gipfel``), is an event of its own
    assert sorted(summary(events, names)) == [
        ("meeting", frozenset({"Putin", "Erdoğan"}), None, "happened"),
        ("summit", frozenset({"NATO"}), None, "happened"),
    ]


def test_von_names_the_agent_of_a_noun_trigger():
    text = "Der Besuch von Putin in Ankara war lange geheim gehalten worden."
    events, names, _ = run_events(text, _STATUS_ENTITIES)
    assert summary(events, names) == [("visit", frozenset({"Putin", "Ankara"}), "Ankara", "happened")]
    text = "Ein Treffen von Putin und Erdoğan gilt als wahrscheinlich."
    events, names, _ = run_events(text, _STATUS_ENTITIES)
    assert summary(events, names) == [("meeting", frozenset({"Putin", "Erdoğan"}), None, "possible")]


def test_genitive_agent_with_partner_in_reported_speech():
    text = "Ein Sprecher erklärte, ein Treffen Putins mit Erdoğan sei derzeit nicht geplant."
    events, names, _ = run_events(text, {**_STATUS_ENTITIES, "Putin": ("PER", ["Putin", "Putins"])})
    assert summary(events, names) == [("meeting", frozenset({"Putin", "Erdoğan"}), None, "denied")]


def test_reported_speech_without_dass_keeps_its_own_status():
    text = "Putin sagte, er sei bereit, sich mit Erdoğan zu treffen."
    events, names, _ = run_events(text, _STATUS_ENTITIES)
    assert summary(events, names) == [("meeting", frozenset({"Putin", "Erdoğan"}), None, "possible")]
    text = "Putin sagte am Montag, er habe Erdoğan in Ankara getroffen."
    events, names, _ = run_events(text, _STATUS_ENTITIES)
    assert summary(events, names) == [("meeting", frozenset({"Putin", "Erdoğan"}), "Ankara", "happened")]


def test_a_call_as_the_setting_of_a_request():
    text = "Erdoğan bat Putin in einem Telefonat um eine Waffenruhe."
    events, names, _ = run_events(text, _STATUS_ENTITIES)
    assert summary(events, names) == [("phone_call", frozenset({"Putin", "Erdoğan"}), None, "happened")]


def test_a_planned_call_that_did_not_come_about_is_cancelled():
    text = "Ein für Mittwoch geplantes Telefonat zwischen Putin und Erdoğan kam nicht zustande."
    events, _, _ = run_events(text, _STATUS_ENTITIES)
    assert [(e.type, e.status) for e in events] == [("phone_call", "cancelled")]


def test_an_interview_with_a_medium_is_no_interaction_and_the_speaker_meets():
    entities = {**_STATUS_ENTITIES, "Bild": ("ORG", ["Bild"]), "SZ": ("ORG", ["Süddeutschen Zeitung"])}
    text = "Putin sagte im Gespräch mit der Süddeutschen Zeitung, er wolle Erdoğan treffen."
    events, names, _ = run_events(text, entities)
    assert summary(events, names) == [("meeting", frozenset({"Putin", "Erdoğan"}), None, "planned")]
    text = "Putin sagte in einem Interview mit der Zeitung Bild, ein Treffen mit Erdoğan sei möglich."
    events, names, _ = run_events(text, entities)
    assert summary(events, names) == [("meeting", frozenset({"Putin", "Erdoğan"}), None, "possible")]


def test_a_speaker_acting_for_her_state_is_not_made_the_party():
    text = "Die Außenministerin Rice erklärte die Bereitschaft ihres Landes, in Gespräche mit Erdoğan einzutreten."
    events, _, _ = run_events(text, {**_STATUS_ENTITIES, "Rice": ("PER", ["Rice"])})
    assert events == []  # the party is her state, which this sentence does not name


# --- journeys ------------------------------------------------------------------------------------------


def test_a_journey_with_a_destination_is_a_visit():
    text = "Die Reise von Putin nach Ankara war lange geheim gehalten worden."
    events, names, _ = run_events(text, _STATUS_ENTITIES)
    assert summary(events, names) == [("visit", frozenset({"Putin", "Ankara"}), "Ankara", "happened")]
    text = "Putin fliegt am Sonntag nach Ankara."
    events, names, _ = run_events(text, _STATUS_ENTITIES, times={"am Sonntag": "2024-05-19"}, published="2024-05-15")
    assert summary(events, names) == [("visit", frozenset({"Putin", "Ankara"}), "Ankara", "planned")]
    text = "Nach seiner Rückreise aus Ankara sagte Putin, die Lage sei ernst."
    assert run_events(text, _STATUS_ENTITIES)[0] == []


def test_a_visit_to_a_country_and_to_its_capital_is_one_visit():
    text = (
        "Putin will nach Ankara reisen, um mit der Regierung zu sprechen. "
        "Beobachter halten die Reise von Putin in die Türkei für ein Signal."
    )
    events, names, _ = run_events(
        text,
        {**_STATUS_ENTITIES, "Turkey": ("LOC", ["Türkei"])},
        kb_ids={"Turkey": "iso3166:TR", "Ankara": "geonames:323786"},
    )
    visits = [s for s in summary(events, names) if s[0] == "visit"]
    assert visits == [("visit", frozenset({"Putin", "Turkey"}), "Ankara", "planned")]


# --- English: the same layer on the English data --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The planned meeting between Biden and Putin was called off.", ("meeting", "cancelled")),
        ("Biden spoke by phone with Putin on Monday.", ("phone_call", "happened")),
        ("Biden and Putin will meet in Geneva next week.", ("meeting", "planned")),
    ],
)
def test_english_phrases_and_phone(sentence: str, expected: tuple[str, str]):
    events, names, _ = run_events(
        sentence, {"Biden": ("PER", ["Biden"]), "Putin": ("PER", ["Putin"]), "Geneva": ("LOC", ["Geneva"])}, lang="en"
    )
    assert [(e.type, e.status) for e in events] == [expected]
    assert {names[p] for p in events[0].participants} == {"Biden", "Putin"}


# --- conversations, arrivals after a purpose noun, inverted subjects ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Putin und Erdoğan hatten zuvor in Ankara miteinander gesprochen.", [("meeting", "happened")]),
        ("Putin sprach am Montag mit Erdoğan über den Krieg.", [("meeting", "happened")]),
        ("Putin sprach sich für eine Lösung mit Erdoğan aus.", []),  # sich aussprechen
        ("Putin sprach von einem guten Tag für Erdoğan.", []),
    ],
)
def test_speaking_with_someone_is_a_conversation(sentence: str, expected: list[tuple[str, str]]):
    events, _, _ = run_events(sentence, _STATUS_ENTITIES)
    assert [(e.type, e.status) for e in events] == expected


def test_arrival_for_talks_and_an_inverted_traveller():
    events, names, _ = run_events("Putin ist zu Gesprächen in Ankara eingetroffen.", _STATUS_ENTITIES)
    assert summary(events, names) == [("visit", frozenset({"Putin", "Ankara"}), "Ankara", "happened")]
    text = "Nach dem Treffen mit Putin reiste Erdoğan weiter nach Ankara."
    events, names, _ = run_events(text, _STATUS_ENTITIES)
    assert set(summary(events, names)) == {
        ("meeting", frozenset({"Putin", "Erdoğan"}), None, "happened"),
        ("visit", frozenset({"Erdoğan", "Ankara"}), "Ankara", "happened"),
    }


def test_summit_of_a_body_in_the_genitive_is_the_body_s_event():
    text = "Beim Gipfel der G20 in Rom ging es um das Klima. Putin kritisierte die Nato."
    events, names, _ = run_events(
        text,
        {"G20": ("ORG", ["G20"]), "Rome": ("LOC", ["Rom"]), "Putin": ("PER", ["Putin"]), "NATO": ("ORG", ["Nato"])},
    )
    assert summary(events, names) == [("summit", frozenset({"G20"}), "Rome", "happened")]
    events, _, _ = run_events("Die Sitzung der CDU dauerte lange.", {"CDU": ("ORG", ["CDU"])})
    assert events == []  # a meeting of one organisation stays no interaction
