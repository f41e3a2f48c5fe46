"""English interaction events: one test per construction, on sentences written for these tests.

English runs on the shipped statistical base (``models/en_newsgraph``, spaCy's ``en_core_web_sm``: tagger,
parser, NER); the event layer finds its arguments on its clauses, parse and entities, and the English
knowledge is in ``resources/en/events*.toml``. Each test runs the whole pipeline (:func:`newsgraph.extract`) and
checks the event type, the participants by entity name and the status: meetings (``met with``,
``held talks with``, ``talks between``), calls (``spoke by phone``, ``will call``), visits
(``visited``, ``arrived in``, ``travelled to``, ``X's first visit to``), hosts and guests
(``hosted``, ``welcomed``, ``received``, the passive ``was received by``), agreements, summits
(``the G7 summit``, compound headlines ``the Biden-Xi summit``), the English status cues and
``the two leaders`` / ``they``.
"""

from __future__ import annotations

import newsgraph
from newsgraph.record import Event, Record

PUBLISHED = "2024-03-12"  # a Tuesday


def _extract(text: str) -> Record:
    return newsgraph.extract(text, lang="en", published=PUBLISHED)


def _events(record: Record) -> list[tuple[str, frozenset[str], str]]:
    """(type, participant names, status) of each event."""
    names = {e.id: e.name for e in record.entities}
    return [(ev.type, frozenset(names.get(p, p) for p in ev.participants), ev.status) for ev in record.events]


def _only(record: Record) -> Event:
    assert len(record.events) == 1, _events(record)
    return record.events[0]


def _has(record: Record, family: set[str], people: set[str], status: str | None = None) -> None:
    found = [
        (t, p, s) for t, p, s in _events(record) if t in family and people <= p and (status is None or s == status)
    ]
    assert found, _events(record)


MEETING = {"meeting", "talks", "summit"}

# --- calls ------------------------------------------------------------------------------------------


def test_spoke_by_phone_is_a_call_between_the_subjects():
    rec = _extract("Pedro Sanchez and Giorgia Meloni spoke by phone on Sunday about migration.")
    _has(rec, {"phone_call"}, {"Pedro Sanchez", "Giorgia Meloni"}, "happened")
    # speaking is a call only with the medium in the clause
    rec = _extract("Pedro Sanchez spoke to reporters in Madrid on Sunday.")
    assert not [e for e in _events(rec) if e[0] == "phone_call"], _events(rec)


def test_will_call_someone_is_a_planned_call():
    rec = _extract("Keir Starmer said he would call Mark Carney later this week.")
    _has(rec, {"phone_call"}, {"Keir Starmer", "Mark Carney"})
    assert all(s in {"planned", "possible"} for _, _, s in _events(rec))


# --- visits -----------------------------------------------------------------------------------------


def test_visited_last_week_happened():
    rec = _extract("Anthony Albanese visited Indonesia last week.")
    ev = _only(rec)
    assert ev.type == "visit" and ev.status == "happened"
    assert {"Anthony Albanese", "Indonesia"} <= set(_events(rec)[0][1])


def test_arrived_in_a_city_is_a_visit():
    rec = _extract("Ursula von der Leyen arrived in Kyiv on Saturday for talks on reconstruction.")
    _has(rec, {"visit"}, {"Ursula von der Leyen"}, "happened")
    # a motion verb needs a named traveller before it
    rec = _extract("A convoy of aid trucks arrived in Rafah on Monday, United Nations officials said.")
    assert not [e for e in _events(rec) if e[0] == "visit"], _events(rec)


def test_travelled_to_a_city_is_a_visit():
    rec = _extract("Annalena Baerbock travelled to Riyadh on Monday.")
    _has(rec, {"visit"}, {"Annalena Baerbock"}, "happened")


def test_plans_to_visit_is_a_planned_visit():
    rec = _extract("Anthony Albanese plans to visit Portugal later this month.")
    _has(rec, {"visit"}, {"Anthony Albanese"}, "planned")


def test_postponed_his_visit_is_a_cancelled_visit():
    rec = _extract("Pedro Sanchez postponed his visit to Morocco.")
    _has(rec, {"visit"}, {"Pedro Sanchez", "Morocco"}, "cancelled")


def test_who_reports_an_event_noun_of_a_complement_with_its_own_subject_is_no_party():
    # the speaker of ``said`` is no party when the complement's own subject takes part in the event
    rec = _extract("Emma Kerr said Helga Marstrand had cancelled a meeting with Tomas Lindqvist.")
    _has(rec, {"meeting"}, {"Helga Marstrand", "Tomas Lindqvist"}, "cancelled")
    assert all("Emma Kerr" not in p for _, p, _ in _events(rec)), _events(rec)
    rec = _extract("Farida Osei told reporters that Daniel Mwangi had reached an agreement with Amina Salim.")
    _has(rec, {"agreement"}, {"Daniel Mwangi", "Amina Salim"}, "happened")
    assert all("Farida Osei" not in p for _, p, _ in _events(rec)), _events(rec)
    # a complement whose subject is no party leaves the speaker a possible party
    rec = _extract("Helga Marstrand said the summit should open the way to a three-way meeting with Osei and Mwangi.")
    assert any("Helga Marstrand" in p for _, p, _ in _events(rec)), _events(rec)


def test_a_verb_ends_the_names_between_and_a_trailing_source_is_no_party():
    rec = _extract("A meeting between Daniel Mwangi and Amina Salim will take place, the State House said on Friday.")
    ev = _only(rec)
    assert _events(rec)[0][1] == {"Daniel Mwangi", "Amina Salim"}, _events(rec)
    assert ev.status == "planned"


def test_a_negated_planned_meeting_is_called_off():
    # a plan word before the noun and a negation in its clause: the plan is off (cancelled, not denied)
    rec = _extract("A planned meeting between Daniel Mwangi and Amina Salim will not take place.")
    _has(rec, MEETING, {"Daniel Mwangi", "Amina Salim"}, "cancelled")
    rec = _extract("The scheduled summit between Farida Osei and Tomas Lindqvist did not take place.")
    _has(rec, MEETING, {"Farida Osei", "Tomas Lindqvist"}, "cancelled")
    # without a plan, or with a word of denial, the negation denies
    rec = _extract("No meeting between Daniel Mwangi and Amina Salim is planned.")
    _has(rec, MEETING, {"Daniel Mwangi", "Amina Salim"}, "denied")
    rec = _extract("Farida Osei denied that a planned meeting between Daniel Mwangi and Amina Salim would take place.")
    _has(rec, MEETING, {"Daniel Mwangi", "Amina Salim"}, "denied")


def test_a_deadline_of_what_was_agreed_dates_no_event():
    # ``by 2030`` is the target of the agreed action, not the date of the agreement: no time, and no
    # future status from it
    rec = _extract("Farida Osei and Tomas Lindqvist agreed to cut emissions by 2030.")
    ev = _only(rec)
    assert ev.type == "agreement" and ev.status == "happened" and ev.time is None, ev
    rec = _extract("Farida Osei met Tomas Lindqvist in Oslo on Monday, and they agreed to finish the pipeline by 2027.")
    assert [e.time.value if e.time else None for e in rec.events] == ["2024-03-11", "2024-03-11"], _events(rec)
    # a deadline of the event's own verb dates it
    rec = _extract("Farida Osei will meet Tomas Lindqvist by the end of the month.")
    ev = _only(rec)
    assert ev.time is not None and ev.status == "planned", ev


def test_a_purpose_infinitive_of_a_journey_meets_at_its_destination():
    rec = _extract("Farida Osei arrived in Bergen on Monday to meet Tomas Lindqvist.")
    names = {e.id: e.name for e in rec.entities}
    meetings = [e for e in rec.events if e.type in MEETING]
    assert meetings and names.get(meetings[0].place) == "Bergen", _events(rec)
    rec = _extract("Farida Osei will fly to Bergen next week to hold talks with Tomas Lindqvist.")
    names = {e.id: e.name for e in rec.entities}
    talks = [e for e in rec.events if e.type in MEETING]
    assert talks and names.get(talks[0].place) == "Bergen" and talks[0].status == "planned", _events(rec)
    # a purpose infinitive of a verb that is no journey takes no place from it
    rec = _extract("Farida Osei wrote to the mayor of Bergen to meet Tomas Lindqvist.")
    assert all(e.place is None for e in rec.events if e.type in MEETING), _events(rec)


def test_was_to_meet_is_a_plan_told_in_the_past():
    rec = _extract("Farida Osei was to meet Tomas Lindqvist in Bergen.")
    _has(rec, MEETING, {"Farida Osei", "Tomas Lindqvist"}, "planned")
    rec = _extract("Farida Osei was to meet Tomas Lindqvist in Bergen, but the meeting was called off.")
    _has(rec, MEETING, {"Farida Osei", "Tomas Lindqvist"}, "cancelled")
    # ``was in Bergen to meet``: the words are apart, a journey's purpose, no plan cue
    rec = _extract("Farida Osei was in Bergen last week to meet Tomas Lindqvist.")
    _has(rec, MEETING, {"Farida Osei", "Tomas Lindqvist"}, "happened")


def test_his_trip_cancelled_calls_off_the_visit_planned_before():
    # the possessive noun names only the traveller; it cancels the plan of that traveller told before
    rec = _extract("Jens Holm had been expected in Bergen on Monday but cancelled his trip because of a strike.")
    _has(rec, {"visit"}, {"Jens Holm"}, "cancelled")
    assert not [e for e in _events(rec) if e[2] == "planned"], _events(rec)
    rec = _extract("Jens Holm had been expected in Bergen on Monday. He cancelled his trip because of a strike.")
    _has(rec, {"visit"}, {"Jens Holm"}, "cancelled")


def test_present_progressive_with_a_day_is_planned_without_a_publication_date():
    def undated(text: str) -> list[tuple[str, frozenset[str], str]]:
        return _events(newsgraph.extract(text, lang="en"))

    found = undated("Farida Osei is meeting Tomas Lindqvist in Bergen on Thursday.")
    assert [s for t, _, s in found if t in MEETING] == ["planned"], found
    found = undated("Farida Osei and Tomas Lindqvist are holding talks in Bergen on Friday.")
    assert [s for t, _, s in found if t in MEETING] == ["planned"], found
    # ongoing now, or with no time at all: it is happening
    found = undated("Farida Osei and Tomas Lindqvist are holding talks in Bergen today.")
    assert [s for t, _, s in found if t in MEETING] == ["happened"], found
    found = undated("Farida Osei and Tomas Lindqvist are holding talks in Bergen.")
    assert [s for t, _, s in found if t in MEETING] == ["happened"], found


def test_the_purpose_of_a_journey_told_in_the_present_lies_ahead():
    # a headline's or schedule's present journey: the talks or meeting it is for are still to come
    rec = _extract("Farida Osei heads to Bergen for talks with Tomas Lindqvist")
    _has(rec, MEETING, {"Farida Osei", "Tomas Lindqvist"}, "planned")
    rec = _extract("Farida Osei arrives in Bergen to meet Tomas Lindqvist")
    _has(rec, MEETING, {"Farida Osei", "Tomas Lindqvist"}, "planned")
    # told in the past, the journey's purpose is reported with it
    rec = _extract("Farida Osei travelled to Bergen on Monday for talks with Tomas Lindqvist.")
    _has(rec, MEETING, {"Farida Osei", "Tomas Lindqvist"}, "happened")


def test_his_visit_in_a_phrase_of_the_verb_is_its_subjects():
    # by the parse, the owner of ``his visit`` in a phrase of ``met`` is the subject of ``met``, not its object
    rec = _extract(
        "Daniel Mwangi hosted Tomas Lindqvist in Nairobi on Monday, the two leaders pledging to double trade "
        "by 2028. Lindqvist, on his third visit to Kenya, also met Amina Salim."
    )
    visits = [p for t, p, _ in _events(rec) if t == "visit"]
    assert visits and all("Amina Salim" not in p for p in visits), _events(rec)
    assert any("Tomas Lindqvist" in p for p in visits), _events(rec)


def test_possessive_visit_names_its_visitor():
    rec = _extract("The trip was Cyril Ramaphosa's first visit to Germany since 2019.")
    _has(rec, {"visit"}, {"Cyril Ramaphosa", "Germany"})


# --- hosts and guests -------------------------------------------------------------------------------


def test_welcomed_a_guest_is_a_meeting():
    rec = _extract("Emmanuel Macron welcomed Mark Rutte at the Elysee Palace on Wednesday.")
    _has(rec, {"meeting"}, {"Emmanuel Macron", "Mark Rutte"}, "happened")
    # the guest is a person: welcoming a decision hosts no one
    rec = _extract("Emmanuel Macron welcomed Poland's decision to raise defence spending.")
    assert rec.events == [], _events(rec)


def test_passive_received_by_names_the_host():
    rec = _extract("Mark Rutte was received by Cyril Ramaphosa in Pretoria on Monday.")
    _has(rec, {"meeting"}, {"Mark Rutte", "Cyril Ramaphosa"}, "happened")


def test_passive_support_verb_names_the_signatories():
    rec = _extract("The accord was signed by Keir Starmer and Pedro Sanchez in Madrid on Monday.")
    _has(rec, {"agreement"}, {"Keir Starmer", "Pedro Sanchez"}, "happened")


def test_passive_agent_after_a_place_or_time_names_the_other_party():
    # the parser's agent: ``by`` need not follow the participle (a venue, a city, a day may stand between)
    rec = _extract("Kenyan President Daniel Mwangi was received at State House in Dodoma on Monday by Amina Salim.")
    _has(rec, {"meeting"}, {"Daniel Mwangi", "Amina Salim"}, "happened")
    rec = _extract("The memorandum was signed at the foreign ministry on Friday by Farida Osei and Tomas Lindqvist.")
    _has(rec, {"agreement"}, {"Farida Osei", "Tomas Lindqvist"}, "happened")
    # an agent that is no person hosts no one
    rec = _extract("The report was received in Berlin on Monday by the committee.")
    assert rec.events == [], _events(rec)


def test_call_from_someone_and_talked_to_by_phone():
    rec = _extract("Mark Rutte received a call from Keir Starmer on Tuesday.")
    assert [(t, p) for t, p, _ in _events(rec)] == [("phone_call", {"Mark Rutte", "Keir Starmer"})], _events(rec)
    rec = _extract("Mark Rutte talked to Keir Starmer by phone on Tuesday.")
    _has(rec, {"phone_call"}, {"Mark Rutte", "Keir Starmer"}, "happened")


def test_arrival_is_no_meeting_with_whom_one_meets_next():
    rec = _extract("Mark Rutte arrived in Madrid on Monday and met Pedro Sanchez on Tuesday.")
    visits = [p for t, p, _ in _events(rec) if t == "visit"]
    assert visits and all("Pedro Sanchez" not in p for p in visits), _events(rec)
    _has(rec, MEETING, {"Mark Rutte", "Pedro Sanchez"}, "happened")


# --- agreements -------------------------------------------------------------------------------------


def test_understanding_reached_with_someone_is_an_agreement():
    rec = _extract("Pedro Sanchez defended the understandings he reached with Mark Rutte last year.")
    _has(rec, {"agreement"}, {"Pedro Sanchez", "Mark Rutte"}, "happened")
    rec = _extract("Pedro Sanchez called for a better understanding of Morocco and its concerns.")
    assert rec.events == [], _events(rec)


def test_agreed_on_a_plan_is_a_past_agreement():
    rec = _extract("Spain and Portugal agreed on a plan to share water from the Tagus river.")
    ev = _only(rec)
    assert ev.type == "agreement" and ev.status == "happened"


# --- summits and compound headlines -----------------------------------------------------------------


def test_meeting_at_the_g7_summit_includes_the_body():
    rec = _extract(
        "Mark Carney and Javier Milei met on Friday. They will meet again at the G7 summit in Evian next month."
    )
    _has(rec, MEETING, {"Mark Carney", "Javier Milei", "G7"}, "planned")


def test_two_summits_named_as_settings_are_two_events():
    rec = _extract(
        "Mark Carney and Javier Milei spoke by phone on Friday. They will meet at the G7 summit in Evian "
        "in June, and at the NATO summit in Ankara later in the year."
    )
    _has(rec, MEETING, {"Mark Carney", "Javier Milei", "G7"}, "planned")
    _has(rec, MEETING, {"Mark Carney", "Javier Milei", "NATO"}, "planned")


def test_group_of_seven_is_the_g7():
    rec = _extract("Anthony Albanese and Giorgia Meloni attended the Group of Seven summit in Apulia.")
    _has(rec, MEETING, {"Anthony Albanese", "Giorgia Meloni", "G7"})


def test_hyphenated_names_before_summit_are_its_participants():
    # the surnames alone are names once the article has named the two people
    rec = _extract(
        "Giorgia Meloni thanked Keir Starmer in Rome. The Meloni-Starmer summit produced a pledge on migration."
    )
    _has(rec, MEETING, {"Giorgia Meloni", "Keir Starmer"})


def test_compound_headline_before_a_colon():
    rec = _extract(
        "Sanchez-Milei talks: leaders promise closer trade links\n\nPedro Sanchez praised Javier Milei on Monday."
    )
    _has(rec, MEETING, {"Pedro Sanchez", "Javier Milei"})


def test_place_before_summit_is_no_participant():
    rec = _extract("Mark Carney and Keir Starmer end Ottawa summit without a trade deal")
    _has(rec, MEETING, {"Mark Carney", "Keir Starmer"})
    names = {e.id: e.name for e in rec.entities}
    assert all("Ottawa" not in {names.get(p) for p in ev.participants} for ev in rec.events)


# --- status -----------------------------------------------------------------------------------------


def test_trip_called_off_cancels_the_plan_of_its_sentence():
    rec = _extract("Pedro Sanchez had been due to travel to Rabat in early May, but the trip was called off.")
    ev = _only(rec)
    assert (ev.type, ev.status) == ("visit", "cancelled"), _events(rec)


def test_month_may_is_no_modal():
    rec = _extract("Javier Milei met Giorgia Meloni in Rome after he took office in May.")
    ev = _only(rec)
    assert ev.status == "happened"


def test_paving_the_way_to_a_meeting_is_possible():
    rec = _extract("The truce paves the way to a meeting between Giorgia Meloni and Pedro Sanchez.")
    _has(rec, MEETING, {"Giorgia Meloni", "Pedro Sanchez"}, "possible")


def test_second_verb_phrase_has_its_own_status_and_shares_the_subject():
    rec = _extract(
        "Giorgia Meloni spoke by phone with Keir Starmer on Sunday, her office said, "
        "and will host Mark Rutte in Rome later this month."
    )
    _has(rec, {"phone_call"}, {"Giorgia Meloni", "Keir Starmer"}, "happened")
    _has(rec, {"meeting"}, {"Giorgia Meloni", "Mark Rutte"}, "planned")


def test_will_not_meet_is_denied():
    rec = _extract("Keir Starmer will not meet Javier Milei in London, a spokesman said.")
    _has(rec, MEETING, {"Keir Starmer", "Javier Milei"}, "denied")


def test_rejected_or_declined_is_denied():
    rec = _extract("Javier Milei rejected a proposal for talks with Keir Starmer.")
    _has(rec, MEETING, {"Javier Milei", "Keir Starmer"}, "denied")
    rec = _extract("Spain rejected an agreement with Morocco on fishing quotas.")
    ev = _only(rec)
    assert (ev.type, ev.status, ev.plover) == ("agreement", "denied", "REJECT"), _events(rec)


def test_gerund_after_a_preposition_is_the_verb():
    rec = _extract("Mark Rutte told reporters after meeting Keir Starmer that the mood had been good.")
    _has(rec, MEETING, {"Mark Rutte", "Keir Starmer"}, "happened")


def test_offered_to_negotiate_is_possible():
    rec = _extract("Keir Starmer offered to negotiate with Javier Milei over the islands.")
    _has(rec, {"negotiation"}, {"Keir Starmer", "Javier Milei"}, "possible")


# --- who takes part ---------------------------------------------------------------------------------


def test_reporting_clause_speaker_is_no_party():
    rec = _extract("Spain and Morocco signed a fisheries accord on Monday, the European Commission said.")
    ev = _only(rec)
    assert _events(rec)[0][1] == {"Spain", "Morocco"}, _events(rec)
    assert ev.type == "agreement"


def test_the_two_leaders_are_the_two_people_named():
    rec = _extract(
        "Spain and Portugal signed no new treaty. Pedro Sanchez praised Mark Rutte. The two leaders met in Madrid."
    )
    _has(rec, MEETING, {"Pedro Sanchez", "Mark Rutte"}, "happened")
    assert not [p for t, p, _ in _events(rec) if t in MEETING and "Spain" in p], _events(rec)


def test_pronoun_takes_up_the_subject_of_the_last_sentence():
    rec = _extract("Mark Rutte will travel to Madrid for talks with Pedro Sanchez. He last visited Spain in 2022.")
    _has(rec, {"visit"}, {"Mark Rutte", "Spain"}, "happened")
    assert not [p for t, p, _ in _events(rec) if t == "visit" and "Pedro Sanchez" in p], _events(rec)


def test_relative_clause_antecedent_holds_the_talks():
    rec = _extract("Emmanuel Macron praised Keir Starmer, who held talks with Mark Carney on Thursday.")
    ev = _only(rec)
    assert ev.type == "talks" and _events(rec)[0][1] == {"Keir Starmer", "Mark Carney"}, _events(rec)


def test_country_before_an_office_is_no_second_party():
    rec = _extract("Keir Starmer and Argentine President Javier Milei held talks on trade in London on Friday.")
    rec2 = _extract("Keir Starmer and U.S. President Joe Biden held talks on Ukraine on Friday.")
    for r in (rec, rec2):
        ev = _only(r)
        assert len(set(ev.participants)) == 2, _events(r)
    names = {e.id: e.name for e in rec2.entities}
    assert _only(rec2).place is None or names[_only(rec2).place] != "Ukraine"  # talks on a topic


def test_that_clause_is_no_part_of_the_event():
    rec = _extract("Giorgia Meloni told Keir Starmer during a video call that Albania was a partner.")
    ev = _only(rec)
    assert ev.type in {"video_call", "phone_call"} and _events(rec)[0][1] == {"Giorgia Meloni", "Keir Starmer"}


def test_sat_down_with_is_a_meeting():
    rec = _extract("Mark Rutte sat down with Javier Milei in Buenos Aires on Monday.")
    _has(rec, MEETING, {"Mark Rutte", "Javier Milei"}, "happened")


def test_host_of_a_summit_takes_part():
    rec = _extract("Emmanuel Macron will host the G20 summit in Nice next year.")
    # the event is the summit (with its host), not a meeting with the G20 as the host's guest
    _has(rec, {"summit"}, {"Emmanuel Macron", "G20"}, "planned")


def test_country_after_an_unknown_town_is_a_place():
    rec = _extract("Mark Rutte met Pedro Sanchez in Quillota, Chile, on Monday.")
    ev = _only(rec)
    assert _events(rec)[0][1] == {"Mark Rutte", "Pedro Sanchez"}, _events(rec)
    # the most specific place wins (events/places.py): the town, which lies in Chile
    assert {e.id: e.name for e in rec.entities}.get(ev.place) == "Quillota"


def test_unnamed_officials_state_is_the_visitor():
    rec = _extract("Mexico's foreign minister visited Canada on Monday.")
    _has(rec, {"visit"}, {"Mexico", "Canada"}, "happened")


def test_time_spent_with_someone_is_a_meeting():
    rec = _extract("Earlier on Monday, Mark Rutte spent two hours with Keir Starmer.")
    _has(rec, MEETING, {"Mark Rutte", "Keir Starmer"}, "happened")


def test_mediation_between_two_states():
    rec = _extract("Qatar launched a mediation effort between Ethiopia and Eritrea on Saturday.")
    _has(rec, {"negotiation"}, {"Ethiopia", "Eritrea"})


# --- commitments ------------------------------------------------------------------------------------


def test_offer_to_another_party_is_a_commitment():
    rec = _extract("Norway has offered to send two hundred engineers to Ukraine, the ministry said.")
    ev = _only(rec)
    assert (ev.type, _events(rec)[0][1], ev.plover) == ("commitment", {"Norway", "Ukraine"}, "AGREE"), _events(rec)


def test_committed_needs_to():
    rec = _extract("Spain is committed to closer ties with Morocco.")
    _has(rec, {"commitment"}, {"Spain", "Morocco"}, "planned")
    rec = _extract("Russia committed war crimes in Ukraine, the United Nations said.")
    assert rec.events == [], _events(rec)


def test_negation_after_but_is_not_the_commitments():
    rec = _extract("Javier Milei promised to open markets to Brazil but will not be rushed.")
    ev = _only(rec)
    assert (ev.type, ev.status, ev.plover) == ("commitment", "planned", "AGREE"), _events(rec)


def test_refused_commitment_is_a_rejection():
    rec = _extract("Javier Milei vowed not to hand the islands to Britain.")
    ev = _only(rec)
    assert (ev.type, ev.status, ev.plover) == ("commitment", "denied", "REJECT"), _events(rec)


def test_aid_from_one_party_to_another():
    rec = _extract("Norway will give Ukraine a grant of 50 million euros, the ministry said.")
    ev = _only(rec)
    assert (ev.type, _events(rec)[0][1], ev.status) == ("aid", {"Norway", "Ukraine"}, "planned"), _events(rec)
    assert (ev.plover, ev.cameo) == ("AGREE", "033")  # announced aid: an intent to provide it
    rec = _extract("Norway sent weapons to Ukraine last week.")
    ev = _only(rec)
    assert (ev.type, ev.status, ev.plover, ev.cameo) == ("aid", "happened", "AID", "070"), _events(rec)


# --- event-data codes -------------------------------------------------------------------------------


def test_announced_visit_is_coded_as_intent_to_meet():
    rec = _extract("Mark Rutte will visit Japan next week.")
    ev = _only(rec)
    assert (ev.type, ev.status) == ("visit", "planned")
    assert (ev.plover, ev.cameo) == ("AGREE", "036")
    rec = _extract("Mark Rutte visited Japan last week.")
    assert (_only(rec).plover, _only(rec).cameo) == ("CONSULT", "042")


def test_spoke_with_someone_is_a_conversation_but_not_with_reporters_or_about_someone():
    rec = _extract("Olaf Scholz talked with Narendra Modi about trade on Monday.")
    _has(rec, MEETING, {"Olaf Scholz", "Narendra Modi"}, "happened")
    rec = _extract("Olaf Scholz spoke to reporters about Narendra Modi on Monday.")
    assert not rec.events, _events(rec)


def test_the_partner_of_a_noun_is_no_party_of_the_verb():
    # ``a partnership with Japan``: Japan is the noun's partner, not a third party of the meeting
    rec = _extract("Olaf Scholz met Narendra Modi on Monday to discuss a partnership with Japan.")
    assert _events(rec) == [("meeting", frozenset({"Olaf Scholz", "Narendra Modi"}), "happened")]


def test_signing_a_law_is_no_agreement():
    # a bill, law or decree is signed by one side; a treaty or deal by the parties to it
    assert not _extract("President Olaf Scholz signed the bill into law on Friday.").events
    _has(
        _extract("Olaf Scholz and Narendra Modi signed a trade deal on Friday."),
        {"agreement"},
        {"Olaf Scholz", "Narendra Modi"},
    )


def test_a_three_way_meeting_takes_the_two_who_met_before():
    rec = _extract(
        "Olaf Scholz and Narendra Modi met in Delhi on Friday. "
        "Giorgia Meloni said the talks should open the way to a three-way meeting with Scholz and Modi."
    )
    _has(rec, MEETING, {"Olaf Scholz", "Narendra Modi", "Giorgia Meloni"}, "possible")


def test_a_visit_to_the_white_house_is_a_meeting_with_the_president_of_the_day():
    rec = newsgraph.extract(
        "Donald Trump criticised Kyiv on Thursday. Volodymyr Zelenskyy visited the White House on Friday.",
        lang="en",
        published="2025-03-01",
    )
    _has(rec, MEETING, {"Donald Trump", "Volodymyr Zelenskyy"}, "happened")


def test_discussing_is_talks_between_the_parties_not_with_the_topic():
    rec = _extract("Olaf Scholz and Narendra Modi discussed trade and Ukraine during a long meeting.")
    _has(rec, MEETING, {"Olaf Scholz", "Narendra Modi"}, "happened")
    assert all("Ukraine" not in parts for _, parts, _ in _events(rec))
    rec = _extract("Olaf Scholz discussed Ukraine with Narendra Modi on Monday.")
    assert _events(rec) == [("talks", frozenset({"Olaf Scholz", "Narendra Modi"}), "happened")]
    assert not _extract("The German cabinet discussed the budget on Monday.").events


def test_agreeing_to_a_meeting_plans_it_and_a_meeting_as_setting_keeps_the_agreement():
    rec = _extract("Olaf Scholz and Narendra Modi agreed to a meeting in June.")
    assert _events(rec) == [("meeting", frozenset({"Olaf Scholz", "Narendra Modi"}), "planned")]
    rec = _extract("Olaf Scholz and Narendra Modi agreed on a trade deal at their meeting.")
    _has(rec, {"agreement"}, {"Olaf Scholz", "Narendra Modi"}, "happened")


def test_a_deliberative_body_meeting_alone_sits_in_session():
    rec = _extract("The UN Security Council will hold an emergency meeting on the Sahel on Friday.")
    assert _events(rec) == [("meeting", frozenset({"United Nations Security Council"}), "planned")]
    # a government or alliance meeting alone is no interaction
    assert not _extract("The German government met on Friday.").events


def test_a_seat_of_office_typed_as_organisation_is_a_place_after_a_preposition():
    rec = newsgraph.extract(
        "Donald Trump praised Germany. "
        "Friedrich Merz urged pressure on Russia during his first visit to the White House.",
        lang="en",
        published="2025-06-06",
    )
    _has(rec, MEETING, {"Friedrich Merz", "Donald Trump"}, "happened")


# --- headlines, negation by `without`, reported future (branch enev) --------------------------------


def test_verbless_headline_names_the_visitor():
    rec = _extract("Sanna Marin in first Kyiv visit\n\nFinland's prime minister arrived by train on Tuesday.")
    _has(rec, {"visit"}, {"Sanna Marin"})


def test_headline_infinitive_is_planned():
    rec = _extract("Anthony Albanese to meet Christopher Luxon in Auckland")
    _has(rec, {"meeting"}, {"Anthony Albanese", "Christopher Luxon"}, "planned")
    # a finite verb before the infinitive: the clause tells what was done (a purpose)
    rec = _extract("Antony Blinken travelled to Ankara on Monday to meet Recep Tayyip Erdogan.")
    assert "planned" not in {s for t, _, s in _events(rec) if t == "meeting"}, _events(rec)


def test_reported_would_is_planned_not_possible():
    rec = _extract("Javier Milei said he would visit Brazil next month.")
    _has(rec, {"visit"}, {"Javier Milei"}, "planned")
    # another possible cue keeps it possible
    rec = _extract("Javier Milei said he would possibly visit Brazil next month.")
    _has(rec, {"visit"}, {"Javier Milei"}, "possible")


def test_without_agreeing_is_no_agreement():
    rec = _extract("Olaf Scholz and Li Qiang ended two days of talks in Berlin without agreeing on tariffs.")
    assert not [e for e in _events(rec) if e[0] == "agreement"], _events(rec)
    _has(rec, MEETING, {"Olaf Scholz", "Li Qiang"})
    rec = _extract("Pedro Sanchez leaves Rabat without fisheries deal")
    assert not [e for e in _events(rec) if e[0] == "agreement"], _events(rec)


def test_came_close_to_a_deal_did_not_happen():
    rec = _extract("Peru and Ecuador came close to a deal in 2021, but it collapsed over fishing rights.")
    _has(rec, {"agreement"}, {"Peru", "Ecuador"}, "cancelled")


def test_pact_and_memorandum_are_agreements():
    rec = _extract("Kenya and Ethiopia signed a memorandum of understanding on border trade on Monday.")
    _has(rec, {"agreement"}, {"Kenya", "Ethiopia"}, "happened")
    rec = _extract("Vietnam, Philippines sign coast guard pact")
    _has(rec, {"agreement"}, {"Vietnam", "Philippines"})


def test_called_for_is_no_phone_call():
    rec = _extract("Emmanuel Macron called for a ceasefire after meeting Mahmoud Abbas on Monday.")
    assert not [e for e in _events(rec) if e[0] == "phone_call"], _events(rec)
    rec = _extract("Emmanuel Macron called Mahmoud Abbas on Monday.")
    _has(rec, {"phone_call"}, {"Emmanuel Macron", "Mahmoud Abbas"}, "happened")


def test_in_a_phone_call_is_the_setting_of_the_clause():
    rec = _extract("Vladimir Putin told Recep Tayyip Erdogan in a phone call on Friday that the corridor stays open.")
    _has(rec, {"phone_call"}, {"Vladimir Putin", "Recep Tayyip Erdogan"}, "happened")


def test_news_agency_is_no_party():
    rec = _extract("Armenia and Azerbaijan could sign the treaty in the spring, the Interfax news agency reported.")
    ev = [e for e in _events(rec) if e[0] == "agreement"]
    assert ev and all("Interfax" not in p for _, p, _ in ev), _events(rec)


def test_wish_for_a_deal_is_possible():
    rec = _extract("Canada and Mexico are interested in a deal with Mercosur.")
    assert all(s == "possible" for t, _, s in _events(rec) if t == "agreement"), _events(rec)
    rec = _extract("Sergei Lavrov said Moscow was not interested in talks with Chisinau.")
    assert all(s != "happened" for _, _, s in _events(rec)), _events(rec)


def test_purpose_for_a_summit_makes_the_subject_attend():
    rec = _extract("Narendra Modi flew to Kazan on Tuesday for a summit with Xi Jinping.")
    _has(rec, MEETING, {"Narendra Modi", "Xi Jinping"})
    rec = _extract("Leaders of the African Union gathered in Addis Ababa on Sunday for their annual summit.")
    _has(rec, MEETING, {"African Union"}, "happened")


def test_resumed_talks_happened():
    rec = _extract("Serbia and Kosovo resumed talks in Brussels on Monday, officials said.")
    _has(rec, MEETING, {"Serbia", "Kosovo"}, "happened")


def test_the_two_leaders_far_from_their_names_are_the_last_pair():
    rec = _extract(
        "Gabriel Boric spoke by phone on Monday with Luis Arce about lithium.\n\n"
        "The call lasted an hour. Boric later told reporters the talks were useful.\n\n"
        "Chile's foreign ministry said the talks covered the border. The opposition criticised it.\n\n"
        "Officials said a joint commission would follow.\n\n"
        "The two leaders last met in person in March in Santiago."
    )
    _has(rec, {"meeting"}, {"Gabriel Boric", "Luis Arce"}, "happened")


def test_agreed_that_others_would_meet_is_no_agreement():
    rec = _extract("Mette Frederiksen and Jonas Gahr Store agreed that their finance ministers would meet next week.")
    assert not [e for e in _events(rec) if e[0] == "agreement"], _events(rec)
    rec = _extract("Mette Frederiksen and Jonas Gahr Store agreed that the ferry link would stay open.")
    _has(rec, {"agreement"}, {"Mette Frederiksen", "Jonas Gahr Store"})


def test_place_named_by_a_place_noun_is_the_place_not_a_party():
    rec = _extract("Narendra Modi met Vladimir Putin in the Black Sea resort of Sochi on Monday.")
    ev = _only(rec)
    names = {e.id: e.name for e in rec.entities}
    assert {names[p] for p in ev.participants} == {"Narendra Modi", "Vladimir Putin"}
    assert names.get(ev.place) == "Sochi"


def test_the_body_of_a_sideline_summit_is_no_party():
    rec = _extract(
        "Joe Biden met Fumio Kishida on the sidelines of the Asia-Pacific Economic Cooperation summit on Monday."
    )
    assert ("meeting", frozenset({"Joe Biden", "Fumio Kishida"}), "happened") in _events(rec), _events(rec)


def test_invited_someone_to_visit_is_the_invitees_possible_visit():
    rec = _extract("Xi Jinping invited Luiz Inacio Lula da Silva to visit Beijing, the foreign ministry said.")
    ev = [e for e in _events(rec) if e[0] == "visit"]
    assert ev and all("Xi Jinping" not in p and s == "possible" for _, p, s in ev), _events(rec)


def test_visit_noun_with_its_own_destination_is_the_subjects_visit():
    rec = _extract(
        "Mark Carney held talks with Claudia Sheinbaum in Mexico City on Thursday, "
        "his first visit to Mexico as prime minister."
    )
    _has(rec, {"visit"}, {"Mark Carney", "Mexico"})
    assert not [p for t, p, _ in _events(rec) if t == "visit" and "Claudia Sheinbaum" in p], _events(rec)


def test_on_a_state_visit_is_the_subjects_visit():
    rec = _extract("Pedro Sanchez, who spoke to students on Tuesday, is on a three-day state visit to Japan.")
    _has(rec, {"visit"}, {"Pedro Sanchez", "Japan"})


def test_postponed_until_a_new_date_stays_planned():
    rec = _extract("The summit between Ghana and Togo has been postponed until later this month.")
    _has(rec, {"summit"}, {"Ghana", "Togo"}, "planned")
    rec = _extract("The summit between Ghana and Togo was postponed indefinitely.")
    _has(rec, {"summit"}, {"Ghana", "Togo"}, "cancelled")


def test_sealed_and_inked_deals_are_agreements():
    rec = _extract("Indonesia and Vietnam sealed a deal on maritime borders on Friday.")
    _has(rec, {"agreement"}, {"Indonesia", "Vietnam"}, "happened")
    rec = _extract("Indonesia and Vietnam inked a maritime pact on Friday.")
    _has(rec, {"agreement"}, {"Indonesia", "Vietnam"}, "happened")


def test_conferred_is_talks_and_by_telephone_a_call():
    rec = _extract("The foreign ministers of Chile and Peru conferred in Lima on Monday.")
    _has(rec, MEETING, {"Chile", "Peru"}, "happened")
    rec = _extract("Helmut Kohl and Francois Mitterrand conferred by telephone on Sunday.")
    _has(rec, {"phone_call"}, {"Helmut Kohl", "Francois Mitterrand"}, "happened")


def test_receiving_a_thing_from_someone_is_no_meeting():
    rec = _extract("Shehbaz Sharif received a letter from Indian Prime Minister Narendra Modi on Sunday.")
    assert not [e for e in _events(rec) if e[0] in MEETING], _events(rec)
    rec = _extract("Shehbaz Sharif received Narendra Modi in Lahore on Sunday.")
    _has(rec, {"meeting"}, {"Shehbaz Sharif", "Narendra Modi"}, "happened")


def test_lands_in_and_heads_to_are_journeys():
    rec = _extract("Kaja Kallas lands in Tbilisi for talks")
    _has(rec, {"visit"}, {"Kaja Kallas", "Tbilisi"})
    rec = _extract("Share prices headed higher in London on Monday.")
    assert not rec.events, _events(rec)


# --- groups that refer back ----------------------------------------------------------------------


def test_the_two_countries_are_the_pair_named_together_not_the_mediator():
    """``the two countries`` is the pair a report introduced (``Peru and Ecuador``), not the last two
    states named (the mediator Brazil was named after the pair)."""
    rec = _extract(
        "Peru and Ecuador reopened border talks in Lima on Monday, with Brazil acting as mediator. "
        "Ecuador's delegation was led by its deputy foreign minister. "
        "The two countries came close to an agreement in 2016, but it collapsed over fishing rights."
    )
    agreements = [(p, s) for t, p, s in _events(rec) if t == "agreement"]
    assert agreements == [(frozenset({"Peru", "Ecuador"}), "cancelled")], _events(rec)


def test_a_river_or_lake_named_in_the_clause_is_no_party():
    """``the waters of the Karnali river``: the name before a feature noun is what the agreement is
    about, not a side of it, whatever type the model gives the name."""
    for river in ("Karnali", "Narmada", "Kosi"):
        rec = _extract(
            f"Nepal and Bhutan signed an accord on Friday to share the waters of the {river} river, "
            "ending years of negotiations."
        )
        parties = {p for t, p, _ in _events(rec) if t in {"agreement", "negotiation"}}
        assert parties == {frozenset({"Nepal", "Bhutan"})}, _events(rec)


def test_a_headline_naming_two_states_with_a_comma_is_no_dateline():
    """``Chile, Peru sign fishing-rights deal``: the hyphen inside a word is no dateline dash, so the
    first state is a party, not the place of the agreement."""
    rec = _extract(
        "Chile, Peru sign fishing-rights deal\n\n"
        "LIMA - Chile and Peru signed a ten-year agreement on fishing rights in Lima on Monday."
    )
    names = {e.id: e.name for e in rec.entities}
    agreements = [ev for ev in rec.events if ev.type == "agreement"]
    assert [names.get(ev.place) for ev in agreements] == ["Lima"], _events(rec)


def test_the_previous_round_is_an_earlier_session_of_the_same_talks():
    """``the previous round, held in Oslo in March``: talks of the parties of the talks reported,
    with their own place and date, kept apart from the session reported; ``the first round`` of an
    election, with no talks told before, is no event."""
    rec = _extract(
        "Armenia and Azerbaijan resumed peace talks in Vienna on Monday. "
        "Officials said the previous round, held in Oslo in January, had narrowed the gaps."
    )
    names = {e.id: e.name for e in rec.entities}
    talks = sorted(
        (names.get(ev.place), frozenset(names[p] for p in ev.participants), ev.status)
        for ev in rec.events
        if ev.type == "talks"
    )
    assert talks == [
        ("Oslo", frozenset({"Armenia", "Azerbaijan"}), "happened"),
        ("Vienna", frozenset({"Armenia", "Azerbaijan"}), "happened"),
    ], _events(rec)
    rec = _extract("Lena Park won the first round of the vote. In the second round, she faces Tomas Berg.")
    assert not rec.events, _events(rec)


# --- invitations --------------------------------------------------------------------------------


def test_an_invitation_to_a_place_is_a_possible_visit_of_the_invitee():
    """``invited X to Lisbon``: X may visit; the one who invites does not travel."""
    rec = _extract("Luis Pereira invited Mette Frederiksen to Lisbon for next month.")
    visits = [(p, s) for t, p, s in _events(rec) if t == "visit"]
    assert len(visits) == 1, _events(rec)
    assert "Mette Frederiksen" in visits[0][0] and "Luis Pereira" not in visits[0][0], _events(rec)
    assert visits[0][1] == "possible", _events(rec)


def test_who_was_not_invited_visits_nowhere():
    rec = _extract("Ulf Kristersson, who was not invited to Reykjavik, said he would call Bjarni Benediktsson.")
    assert not [e for e in _events(rec) if e[0] == "visit"], _events(rec)


def test_an_invitation_to_talks_makes_both_sides_parties():
    """``invited X to talks in Y``: the talks of the host and the guest, possible; ``to talks`` is the
    noun (a plural noun never follows the infinitive ``to``)."""
    rec = _extract("Luis Pereira invited Mette Frederiksen to talks in Lisbon next month.")
    _has(rec, {"talks"}, {"Luis Pereira", "Mette Frederiksen"}, "possible")
    rec = _extract("Armenia returned to talks with Azerbaijan in Vienna on Monday.")
    _has(rec, {"talks"}, {"Armenia", "Azerbaijan"}, "happened")


# --- several parties, one by one -------------------------------------------------------------------


def test_each_met_is_one_meeting_per_subject_and_a_possessor_of_an_office_is_no_party():
    """``A and Peru's trade minister, B, each met C``: two meetings (A with C, B with C); Peru only says
    whose minister B is. Beyond the lead, a meeting dated the day of a datelined report took place at
    the dateline."""
    rec = _extract(
        "Chile and Peru open trade talks\n\n"
        "SANTIAGO, March 12 (AFP) - Chile and Peru opened trade talks in Santiago on Tuesday.\n\n"
        "Chilean Trade Minister Ana Rojas and Peru's trade minister, Hugo Salas, each met World Trade "
        "Organization Director-General Ngozi Okonjo-Iweala in the morning."
    )
    names = {e.id: e.name for e in rec.entities}
    meetings = sorted(
        (sorted(names[p] for p in ev.participants), names.get(ev.place)) for ev in rec.events if ev.type == "meeting"
    )
    assert meetings == [
        (["Ana Rojas", "Ngozi Okonjo-Iweala"], "Santiago"),
        (["Hugo Salas", "Ngozi Okonjo-Iweala"], "Santiago"),
    ], _events(rec)


def test_a_council_named_before_that_discusses_sits_in_session():
    """``The council last discussed the Sahel in June``: the council named before (a deliberative body)
    meets in session, a meeting of its own apart from the one announced; ``discussed ... with`` between
    two people stays talks."""
    rec = _extract(
        "The UN Security Council will hold an emergency meeting on Friday on Sudan. "
        "The council last discussed Sudan in January, when members failed to agree on a statement."
    )
    meetings = sorted(((ev.time.value if ev.time else None), ev.status) for ev in rec.events if ev.type == "meeting")
    assert ("2024-01", "happened") in meetings and len(meetings) == 2, _events(rec)
    rec = _extract("Olaf Scholz discussed migration with Emmanuel Macron in Paris on Monday.")
    _has(rec, {"talks"}, {"Olaf Scholz", "Emmanuel Macron"}, "happened")


def test_agreeing_to_meet_arranges_a_planned_meeting_not_an_agreement():
    """``agreed to meet``: the meeting is what the two arranged (planned), as ``agreed to a meeting``."""
    rec = _extract("Olaf Scholz and Emmanuel Macron agreed to meet in Lyon in the coming weeks.")
    assert [(t, s) for t, _, s in _events(rec)] == [("meeting", "planned")], _events(rec)
    rec = _extract("Olaf Scholz and Emmanuel Macron agreed to cooperate on energy.")
    _has(rec, {"agreement"}, {"Olaf Scholz", "Emmanuel Macron"}, "happened")


def test_a_given_name_that_is_a_city_after_an_office_is_the_person():
    rec = _extract("Canadian Prime Minister Liam Fraser met Mexican President Sofia Ramos in Ottawa on Friday.")
    _has(rec, {"meeting"}, {"Liam Fraser", "Sofia Ramos"}, "happened")


def test_a_given_name_that_is_a_city_is_the_person_the_model_reads():
    rec = _extract("Sofia Ramos and Liam Fraser held talks in Ottawa on Friday.")
    _has(rec, {"meeting", "talks"}, {"Liam Fraser", "Sofia Ramos"}, "happened")


def test_a_country_before_an_office_of_several_words_is_no_second_party():
    rec = _extract(
        "Talks between Serbian President Milan Jovic and Kosovo Prime Minister Arben Krasniqi were held in "
        "Brussels on Friday."
    )
    _has(rec, {"talks"}, {"Milan Jovic", "Arben Krasniqi"}, "happened")
    assert all("Kosovo" not in p for _, p, _ in _events(rec)), _events(rec)


def test_a_second_finite_verb_after_and_has_objects_of_its_own():
    rec = _extract("Chilean President Rosa Lagos visited Lima on Saturday and met Peruvian President Jorge Castillo.")
    _has(rec, {"visit"}, {"Rosa Lagos"}, "happened")
    _has(rec, {"meeting"}, {"Rosa Lagos", "Jorge Castillo"}, "happened")
    assert not [p for t, p, _ in _events(rec) if t == "visit" and "Jorge Castillo" in p], _events(rec)
    # a bare verb after ``and`` goes on with the plan before it
    rec = _extract("Rosa Lagos is expected to travel to Lima and meet Jorge Castillo, officials said.")
    assert all(s in {"planned", "possible"} for _, _, s in _events(rec)), _events(rec)


def test_the_second_verb_phrase_shares_the_whole_coordinated_subject():
    rec = _extract("Rosa Ibarra and Jorge Castillo met in Arica on Monday and agreed to share river water.")
    _has(rec, {"meeting"}, {"Rosa Ibarra", "Jorge Castillo"}, "happened")
    _has(rec, {"agreement"}, {"Rosa Ibarra", "Jorge Castillo"}, "happened")


def test_what_the_callers_discussed_is_the_call_not_second_talks():
    rec = _extract(
        "Ghanaian President Kofi Mensah and Ivorian President Yao Kouassi spoke by phone on Sunday. "
        "The two leaders discussed cocoa prices and border security."
    )
    assert [(t, p) for t, p, _ in _events(rec)] == [("phone_call", frozenset({"Kofi Mensah", "Yao Kouassi"}))], _events(
        rec
    )


def test_the_second_verb_phrase_happens_where_the_first_did():
    rec = _extract("Chilean President Rosa Lagos visited Lima on Saturday and met Peruvian President Jorge Castillo.")
    names = {e.id: e.name for e in rec.entities}
    meeting = next(ev for ev in rec.events if ev.type == "meeting")
    assert names.get(meeting.place) == "Lima"
    # states that are the shared subject are no place of what they do next
    rec = _extract("Chile and Peru met in Arica on Monday and agreed on a plan to share river water.")
    _has(rec, {"agreement"}, {"Chile", "Peru"}, "happened")


def test_a_state_before_an_office_of_title_heads_only_says_whose_office():
    rec = _extract("Karen Lowell, the US trade representative, will travel to Tokyo next week.")
    _has(rec, {"visit"}, {"Karen Lowell"}, "planned")
    assert all("US" not in p and "United States" not in p for _, p, _ in _events(rec)), _events(rec)


def _dated(record: Record, family: set[str]) -> list[str | None]:
    """The time values of the events of ``family``."""
    return [ev.time.value if ev.time else None for ev in record.events if ev.type in family]


def test_a_second_main_clause_after_comma_and_keeps_its_cues_to_itself():
    # the pledge (a planned cue) of the second clause does not make the hosting a plan
    rec = _extract(
        "Danish Prime Minister Ida Sorensen hosted Estonian Prime Minister Mart Tamm in Copenhagen on "
        "Friday, and the two leaders pledged closer cooperation on Baltic shipping."
    )
    _has(rec, {"meeting"}, {"Ida Sorensen", "Mart Tamm"}, "happened")
    assert _dated(rec, MEETING) == ["2024-03-08"], _events(rec)
    # a list of names before the verb stays one subject (no verb before the comma)
    rec = _extract("Ida Sorensen, Mart Tamm, and Olaf Berg met in Riga on Friday.")
    _has(rec, {"meeting"}, {"Ida Sorensen", "Mart Tamm", "Olaf Berg"}, "happened")


def test_a_meeting_on_the_sidelines_takes_the_date_given_after_the_summit():
    rec = _extract(
        "Nigerian President Bola Adeyemi met Ghanaian President Kofi Mensah on the sidelines of the "
        "African Union summit in Addis Ababa on Sunday."
    )
    _has(rec, {"meeting"}, {"Bola Adeyemi", "Kofi Mensah"}, "happened")
    meeting = next(ev for ev in rec.events if ev.type == "meeting")
    assert meeting.time is not None and meeting.time.value == "2024-03-10", _events(rec)


def test_a_reporting_tail_before_a_subordinate_clause_relays_and_takes_no_part():
    rec = _extract(
        "Foreign Minister Lena Haugen met Chilean Foreign Minister Tomas Rojas in Oslo on Monday, the "
        "Norwegian Foreign Ministry said, as Oslo sought new copper suppliers."
    )
    meeting = next(p for t, p, _ in _events(rec) if t in MEETING)
    assert meeting == frozenset({"Lena Haugen", "Tomas Rojas"}), _events(rec)


def test_leaders_who_gathered_somewhere_met():
    rec = _extract("Leaders of Ghana, Togo and Benin gathered in Lome on Saturday.")
    _has(rec, MEETING, {"Ghana", "Togo", "Benin"}, "happened")
    # whose people gather says nothing of a meeting of those named
    for text in (
        "Supporters of Kofi Mensah and Yao Kouassi gathered in Accra on Saturday.",
        "Residents of Ghana and Togo gathered at the border on Saturday.",
    ):
        rec = _extract(text)
        assert not [e for e in _events(rec) if e[0] in MEETING], _events(rec)


def test_the_people_of_named_sides_are_no_parties():
    for text in (
        "Supporters of Kofi Mensah and Yao Kouassi met in Accra on Saturday.",
        "Relatives of Kofi Mensah and Yao Kouassi met in Lome on Saturday.",
    ):
        rec = _extract(text)
        assert not [e for e in _events(rec) if e[0] in MEETING], _events(rec)


def test_what_was_discussed_in_a_sea_is_the_call_not_talks_there():
    rec = _extract(
        "Greek Foreign Minister Nikos Pappas spoke by phone with Egyptian Foreign Minister Sameh Adel on "
        "Monday. Pappas and Adel discussed shipping in the Red Sea."
    )
    assert [(t, p) for t, p, _ in _events(rec)] == [("phone_call", frozenset({"Nikos Pappas", "Sameh Adel"}))], _events(
        rec
    )
    # a waterway is no venue, even for talks told alone
    rec = _extract(
        "Greek Foreign Minister Nikos Pappas held talks with Egyptian Foreign Minister Sameh Adel on patrols "
        "in the Strait of Otranto on Monday."
    )
    talks = next(ev for ev in rec.events if ev.type in MEETING)
    assert talks.place is None, _events(rec)


def test_a_planned_event_noun_keeps_its_cue_and_its_agent_after_by():
    rec = _extract(
        "Greek Foreign Minister Nikos Pappas and Egyptian Foreign Minister Sameh Adel discussed port fees "
        "and a planned visit by Adel to Athens."
    )
    _has(rec, MEETING, {"Nikos Pappas", "Sameh Adel"}, "happened")
    _has(rec, {"visit"}, {"Sameh Adel"}, "planned")


def test_the_antecedent_of_who_is_on_a_visit_is_the_visitor():
    rec = _extract(
        "Kenyan President Amos Kiprono, who is on a three-day state visit to Ghana, met Ghanaian "
        "President Kofi Mensah in Accra on Monday."
    )
    _has(rec, {"visit"}, {"Amos Kiprono", "Ghana"})
    _has(rec, MEETING, {"Amos Kiprono", "Kofi Mensah"}, "happened")


def test_his_first_trip_after_a_visit_verb_is_the_same_visit():
    rec = _extract(
        "Kenyan President Amos Kiprono is due to visit Accra next month for his first trip to West Africa since "
        "taking office."
    )
    visits = [p for t, p, _ in _events(rec) if t == "visit"]
    assert len(visits) == 1 and "Amos Kiprono" in visits[0], _events(rec)


def test_an_agreement_told_after_a_dated_meeting_in_the_same_sentence_takes_its_date():
    rec = _extract(
        "Danish Prime Minister Ida Sorensen met Estonian Prime Minister Mart Tamm in Tallinn on Monday, and the "
        "two leaders agreed to build a new power cable."
    )
    agreement = next(ev for ev in rec.events if ev.type == "agreement")
    assert agreement.time is not None and agreement.time.value == "2024-03-11", _events(rec)


def test_talks_between_two_titled_people_take_the_place_after_their_verb():
    # the place stands 17 words after the noun; the dateline's city is not where the talks were
    rec = _extract(
        "ISLAMABAD (Reuters) - Talks between Pakistani Foreign Minister Hamid Qureshi and his Afghan counterpart "
        "Amir Khan Wardak ended in Kabul on Saturday without agreement on border crossings, officials said."
    )
    names = {e.id: e.name for e in rec.entities}
    talks = next(ev for ev in rec.events if ev.type in MEETING)
    assert names.get(talks.place) == "Kabul", _events(rec)


def test_the_three_countries_are_the_three_states_named_before():
    # a list of three
    rec = _extract(
        "Ghana, Togo and Benin share a long coastline. Last year, the three countries signed a memorandum on "
        "joint patrols in Lome."
    )
    _has(rec, {"agreement"}, {"Ghana", "Togo", "Benin"}, "happened")
    # named one by one
    rec = _extract(
        "Ghana's navy reported new piracy. Togo's president asked for help. Benin's foreign ministry agreed. "
        "Last year, the three countries' defence ministers signed a memorandum on joint patrols in Lome."
    )
    _has(rec, {"agreement"}, {"Ghana", "Togo", "Benin"}, "happened")
    # four states named one by one and no list of three: no guess
    rec = _extract(
        "Ghana's navy reported new piracy. Togo's president asked for help. Benin and Nigeria agreed. "
        "Last year, the three countries' defence ministers signed a memorandum on joint patrols in Lome."
    )
    assert not [e for e in _events(rec) if e[0] == "agreement" and len(e[1]) == 3 and "Ghana" in e[1]], _events(rec)


def test_a_witness_of_a_signing_is_no_party():
    rec = _extract(
        "Trade Minister Lena Haugen and Trade Minister Tomas Rojas signed the accord in Oslo on Monday in the "
        "presence of Prime Minister Olaf Berg."
    )
    agreement = next(p for t, p, _ in _events(rec) if t == "agreement")
    assert agreement == frozenset({"Lena Haugen", "Tomas Rojas"}), _events(rec)


def test_a_pact_that_names_its_parties_is_not_signed_by_the_meeting_before():
    rec = _extract(
        "Danish Prime Minister Ida Sorensen met Estonian Prime Minister Mart Tamm in Tallinn on Monday. "
        "Sorensen will then travel to Vilnius, where she is expected to sign a defence pact with Lithuania."
    )
    agreements = [p for t, p, _ in _events(rec) if t == "agreement"]
    assert agreements == [frozenset({"Ida Sorensen", "Lithuania"})], _events(rec)


def test_the_state_of_a_several_word_office_with_of_is_no_party():
    record = newsgraph.extract(
        "U.S. Secretary of State Antony Blinken arrived in Cairo on Wednesday for talks on a Gaza ceasefire.",
        lang="en",
        published="2025-03-06",
    )
    names = {e.id: e.name for e in record.entities}
    assert all("United States" not in {names[p] for p in ev.participants} for ev in record.events)


def test_a_passive_subject_pronoun_chains_to_the_person_it_continues():
    record = newsgraph.extract(
        "Foreign Minister Penny Wong arrived in Jakarta on Wednesday. She is scheduled to meet President "
        "Prabowo Subianto on Thursday. In Manila she will then hold talks with Foreign Secretary Enrique Manalo.",
        lang="en",
        published="2025-03-05",
    )
    names = {e.id: e.name for e in record.entities}
    talks = [{names[p] for p in ev.participants} for ev in record.events if ev.type in {"talks", "meeting"}]
    assert all("Prabowo Subianto" not in parts or "Penny Wong" in parts for parts in talks)
    assert any(parts == {"Penny Wong", "Enrique Manalo"} for parts in talks)


# --- session 14: fresh wire sentences ---------------------------------------------------------------


def test_met_at_a_dated_summit_is_one_event() -> None:
    # the verb and the noun of its setting in one clause: the time after the noun dates both, one event
    rec = _extract("Luiz Lula da Silva and Cyril Ramaphosa last met at the BRICS summit in Kazan in October.")
    assert len(rec.events) == 1, _events(rec)
    assert rec.events[0].time is not None and rec.events[0].time.value == "2023-10"


def test_a_gerund_after_the_main_verb_is_done_by_the_subject_only() -> None:
    # `before travelling on to X`: the host travels, not the guest he welcomed
    rec = _extract(
        "Kazakh President Kassym-Jomart Tokayev received Uzbek President Shavkat Mirziyoyev in Astana on "
        "Friday before flying on to Baku."
    )
    _has(rec, MEETING, {"Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"}, "happened")
    visits = [p for t, p, _ in _events(rec) if t == "visit"]
    assert visits and all("Shavkat Mirziyoyev" not in p for p in visits), _events(rec)
    assert any("Kassym-Jomart Tokayev" in p for p in visits), _events(rec)


def test_the_two_leaders_are_the_pair_told_most_often() -> None:
    # the pair of the story, not the monarch one of them met later (the sentence before names three people)
    rec = _extract(
        "Chilean President Gabriel Boric and Argentine President Javier Milei held talks in Santiago on Monday. "
        "Boric and Milei later signed a lithium accord. Milei also met King Felipe of Spain, Boric's office said. "
        "The two leaders last met in Lima in November."
    )
    found = [p for t, p, _ in _events(rec) if t in MEETING and "Lima" not in p and len(p) == 2]
    lima = [ev for ev in rec.events if ev.place and _names_of(rec, [ev.place]) == {"Lima"}]
    assert lima and _names_of(rec, lima[0].participants) == {"Gabriel Boric", "Javier Milei"}, _events(rec)
    assert found


def test_a_party_noun_elsewhere_in_the_clause_does_not_make_the_two_leaders_states() -> None:
    # `nations` belongs to the summit, not to `the two leaders`
    rec = _extract(
        "Chile and Argentina signed a lithium accord on Monday. Chilean President Gabriel Boric hosted "
        "Argentine President Javier Milei in Santiago. The two leaders last met in Lima in November, on the "
        "sidelines of a summit of South American nations."
    )
    lima = [ev for ev in rec.events if ev.place and _names_of(rec, [ev.place]) == {"Lima"}]
    assert lima and _names_of(rec, lima[0].participants) == {"Gabriel Boric", "Javier Milei"}, _events(rec)


def _names_of(record: Record, ids: list[str]) -> set[str]:
    names = {e.id: e.name for e in record.entities}
    return {names.get(i, i) for i in ids}


def test_names_after_the_sidelines_belong_to_the_summit_not_the_meeting() -> None:
    rec = _extract(
        "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Nairobi on Friday, on "
        "the sidelines of a summit of Horn of Africa nations."
    )
    meetings = [p for t, p, _ in _events(rec) if t in MEETING]
    assert meetings == [frozenset({"William Ruto", "Samia Suluhu Hassan"})], _events(rec)


def test_the_speaker_of_a_reporting_tail_is_no_partner_of_a_call() -> None:
    rec = _extract(
        "Dutch Foreign Minister Caspar Veldkamp spoke by phone on Monday with his Belgian counterpart "
        "Maxime Prevot, the European Commission said."
    )
    calls = [p for t, p, _ in _events(rec) if t == "phone_call"]
    assert calls == [frozenset({"Caspar Veldkamp", "Maxime Prevot"})], _events(rec)


def test_a_simple_past_verb_happened_whatever_future_cue_its_clause_has() -> None:
    # `later this week` dates the talks ahead, not the call that took place
    rec = _extract(
        "Dutch Foreign Minister Caspar Veldkamp spoke by phone on Monday with Belgian Foreign Minister Maxime "
        "Prevot, ahead of Benelux talks in Luxembourg "
        "later this week."
    )
    _has(rec, {"phone_call"}, {"Caspar Veldkamp", "Maxime Prevot"}, "happened")
    rec = _extract(
        "Dutch Foreign Minister Caspar Veldkamp held talks with Belgian Foreign Minister Maxime Prevot on Monday, "
        "ahead of a Benelux summit next week."
    )
    _has(rec, MEETING, {"Caspar Veldkamp", "Maxime Prevot"}, "happened")


def test_a_negated_perfect_denies_and_leaves_the_planned_meeting_planned() -> None:
    rec = _extract(
        "Portuguese Finance Minister Joaquim Miranda Sarmento is due to meet Spanish Economy Minister "
        "Carlos Cuerpo in Lisbon on Friday. The two men have not met in person before."
    )
    statuses = sorted(s for t, p, s in _events(rec) if t in MEETING)
    # the planned meeting stays planned; the sentence that they have not met tells no meeting that happened
    assert statuses in (["planned"], ["denied", "planned"]), _events(rec)


def test_who_reports_is_no_party_of_what_the_complement_tells() -> None:
    rec = _extract("Ms Faeser said Chancellor Friedrich Merz hoped to visit Vilnius in May.")
    visits = [p for t, p, _ in _events(rec) if t == "visit"]
    assert visits and all("Faeser" not in p for p in visits), _events(rec)
    # a pronoun subject may be the speaker himself
    rec = _extract("Friedrich Merz said he would visit Vilnius in May.")
    _has(rec, {"visit"}, {"Friedrich Merz"})


def test_a_name_in_a_subordinate_clause_without_comma_is_no_party() -> None:
    rec = _extract("Peru, Ecuador agree to reopen border crossings as Boluarte visits Quito")
    agreements = [p for t, p, _ in _events(rec) if t == "agreement"]
    assert agreements and all(not any("Boluarte" in n for n in p) for p in agreements), _events(rec)


# --- cooperation (PLOVER COOPERATE) -------------------------------------------------------------------


def test_cooperation_between_two_named_parties() -> None:
    rec = _extract("Chile and Peru cooperated closely on the rescue, officials said.")
    coop = [ev for ev in rec.events if ev.type == "cooperation"]
    assert len(coop) == 1 and coop[0].plover == "COOPERATE" and coop[0].status == "happened", _events(rec)
    # announced cooperation is an intent to cooperate (CAMEO 030, PLOVER AGREE)
    rec = _extract("Chile will cooperate with Peru on fisheries control, the minister said.")
    coop = [ev for ev in rec.events if ev.type == "cooperation"]
    assert len(coop) == 1 and coop[0].plover == "AGREE" and coop[0].status == "planned", _events(rec)


def test_shared_intelligence_with_is_cooperation_with_that_partner_only() -> None:
    rec = _extract(
        "Estonia has shared intelligence with Finland about contacts between Russia and Belarus, officials said."
    )
    coop = [p for t, p, _ in _events(rec) if t == "cooperation"]
    assert coop == [frozenset({"Estonia", "Finland"})], _events(rec)
    rec = _extract("The singer shared a stage with Madonna in Lisbon.")
    assert not [t for t, _, _ in _events(rec) if t == "cooperation"], _events(rec)


def test_joint_exercises_are_cooperation_unless_they_are_a_topic() -> None:
    rec = _extract("India and France launched joint military drills in Rajasthan on Monday.")
    _has(rec, {"cooperation"}, {"India", "France"}, "happened")
    rec = _extract("Chile and Peru signed a memorandum on joint patrols in Lima on Monday.")
    assert not [t for t, _, _ in _events(rec) if t == "cooperation"], _events(rec)
    _has(rec, {"agreement"}, {"Chile", "Peru"})


def test_agreeing_to_cooperate_is_an_agreement_and_a_planned_cooperation() -> None:
    rec = _extract("Chile and Peru agreed on Monday to cooperate on fisheries control.")
    _has(rec, {"agreement"}, {"Chile", "Peru"}, "happened")
    _has(rec, {"cooperation"}, {"Chile", "Peru"}, "planned")


def test_what_an_event_happens_ahead_of_takes_no_part() -> None:
    rec = _extract("Sanchez hosts Costa in Madrid ahead of NATO summit")
    meetings = [p for t, p, _ in _events(rec) if t in MEETING]
    assert meetings and all("NATO" not in p for p in meetings), _events(rec)


def test_the_two_leaders_after_a_pair_named_in_passing_are_the_story_pair() -> None:
    # the sentence before names Costa and Macron (a meeting in passing); the story is Sanchez and Costa
    rec = _extract(
        "Spanish Prime Minister Pedro Sanchez has welcomed Portuguese Prime Minister Luis Pereira to "
        "Madrid for talks on energy. Sanchez and Pereira signed a grid accord. Mr Pereira flew in on "
        "Sunday after visiting Paris, where he met French President Emmanuel Macron. The two leaders "
        "discussed migration."
    )
    talks = [ev for ev in rec.events if ev.type in MEETING and "Emmanuel Macron" in _names_of(rec, ev.participants)]
    assert all(len(ev.evidence) == 1 for ev in talks), _events(rec)
    _has(rec, MEETING, {"Pedro Sanchez", "Luis Pereira"}, "happened")


def test_whose_minister_travels_is_no_traveller() -> None:
    rec = _extract(
        "Kenyan President William Ruto will visit China in April. Ruto's finance minister, John Mbadi, "
        "travelled to Beijing last week to prepare the visit."
    )
    visits = [p for t, p, _ in _events(rec) if t == "visit"]
    mbadi = [p for p in visits if "John Mbadi" in p]
    assert mbadi and all("William Ruto" not in p for p in mbadi), _events(rec)


def test_the_more_precise_date_of_the_same_period_dates_the_event() -> None:
    rec = newsgraph.extract(
        "Ruto to visit China next month\n\nKenyan President William Ruto will pay a state visit to China from "
        "April 22 to 26, the Chinese foreign ministry said.",
        lang="en",
        published="2025-03-03",
    )
    visits = [ev for ev in rec.events if ev.type == "visit"]
    assert len(visits) == 1 and visits[0].time is not None and visits[0].time.value == "2025-04-22", _events(rec)


def test_a_host_verb_receives_a_pronoun_guest() -> None:
    rec = _extract(
        "Qatari Emir Sheikh Tamim bin Hamad Al Thani landed in Ankara on Monday. Turkish President Recep "
        "Tayyip Erdogan received him at the presidential palace."
    )
    _has(rec, MEETING, {"Tamim bin Hamad Al Thani", "Recep Tayyip Erdogan"}, "happened")
    rec = _extract("Recep Tayyip Erdogan welcomed her proposals for a ceasefire.")
    assert not [t for t, _, _ in _events(rec) if t in MEETING], _events(rec)


def test_due_in_a_place_is_a_planned_visit_unless_an_event_brings_them() -> None:
    rec = _extract("Ghanaian President John Mahama is due in Abuja on Thursday.")
    _has(rec, {"visit"}, {"John Mahama", "Abuja"}, "planned")
    rec = _extract("A ruling is expected in March.")
    assert not rec.events, _events(rec)
    rec = _extract("John Mahama is due in Abuja on Thursday for talks with Bola Tinubu.")
    assert not [t for t, _, _ in _events(rec) if t == "visit"], _events(rec)
    _has(rec, MEETING, {"John Mahama", "Bola Tinubu"}, "planned")


def test_a_visit_in_the_clause_of_a_host_verb_is_the_guests() -> None:
    rec = _extract(
        "King Harald welcomed Icelandic President Halla Tomasdottir to the Royal Palace in Oslo on Tuesday at "
        "the start of a three-day state visit to Norway."
    )
    visits = [p for t, p, _ in _events(rec) if t == "visit"]
    assert visits and all("Halla Tomasdottir" in p and not any("Harald" in n for n in p) for p in visits), _events(rec)


def test_a_meeting_in_a_relative_clause_on_the_signer_is_background_to_the_agreement() -> None:
    rec = _extract(
        "The accord was signed by Croatian Prime Minister Andrej Plenkovic, who met Slovenian Prime Minister "
        "Robert Golob in Zagreb last year."
    )
    agreements = [p for t, p, _ in _events(rec) if t == "agreement"]
    assert all("Robert Golob" not in p for p in agreements), _events(rec)
    _has(rec, MEETING, {"Andrej Plenkovic", "Robert Golob"}, "happened")


def test_whom_a_host_received_is_the_guest() -> None:
    rec = _extract(
        "Slovenian Prime Minister Robert Golob, whom Andrej Plenkovic received in Zagreb on Monday, "
        "said ties were good."
    )
    _has(rec, MEETING, {"Andrej Plenkovic", "Robert Golob"}, "happened")


def test_an_adverbial_clause_with_its_own_subject_tells_its_own_call() -> None:
    rec = _extract(
        "Polish President Andrzej Duda and Lithuanian President Gitanas Nauseda spoke by video link on Monday, "
        "the Lithuanian presidency said, days after Duda held a phone call with Ukrainian President "
        "Volodymyr Zelensky."
    )
    calls = sorted(sorted(p) for t, p, _ in _events(rec) if t in {"phone_call", "video_call"})
    assert calls == [["Andrzej Duda", "Gitanas Nauseda"], ["Andrzej Duda", "Volodymyr Zelensky"]], _events(rec)


def test_a_country_possessing_a_named_leader_is_no_party() -> None:
    rec = _extract("Mozambique's President Daniel Chapo met Zimbabwe's Emmerson Mnangagwa in Maputo on Saturday.")
    meetings = [p for t, p, _ in _events(rec) if t in MEETING]
    assert meetings and all("Zimbabwe" not in p for p in meetings), _events(rec)


def test_calls_off_is_no_call() -> None:
    rec = _extract("Thailand's foreign minister calls off Phnom Penh trip amid border row")
    assert not [t for t, _, _ in _events(rec) if t == "phone_call"], _events(rec)


def test_calls_off_cancels() -> None:
    rec = _extract("Pedro Sanchez calls off talks with Luis Pereira in Madrid.")
    assert [s for t, _, s in _events(rec) if t in MEETING] == ["cancelled"], _events(rec)


def test_an_unnamed_holder_of_a_persons_office_acts_not_the_person() -> None:
    rec = _extract("Ursula von der Leyen's deputy arrived in Vilnius on Wednesday.")
    assert not [p for t, p, _ in _events(rec) if t == "visit" and "Ursula von der Leyen" in p], _events(rec)
    rec = _extract("Vladimir Putin's special envoy arrived in Riyadh on Monday.")
    assert not [p for t, p, _ in _events(rec) if t == "visit" and "Vladimir Putin" in p], _events(rec)
    rec = _extract("Vladimir Putin's visit to Beijing ended on Friday.")
    _has(rec, {"visit"}, {"Vladimir Putin"})


def test_he_in_a_reported_clause_is_the_speaker_and_with_takes_the_apposed_holder() -> None:
    rec = _extract(
        "Romanian Foreign Minister Emil Hurezeanu met reporters in Bucharest. A spokesman for Moldova's "
        "foreign ministry, Ion Rusu, confirmed the dates. Hurezeanu also said he had spoken by telephone on "
        "Monday with Hungary's deputy foreign minister, Levente Magyar."
    )
    calls = [p for t, p, _ in _events(rec) if t == "phone_call"]
    assert calls == [frozenset({"Emil Hurezeanu", "Levente Magyar"})], _events(rec)


def test_what_they_met_to_discuss_is_the_meeting() -> None:
    rec = newsgraph.extract(
        "OSLO, Sept 9 (Reuters) - Norwegian Foreign Minister Espen Barth Eide and Swedish Foreign Minister "
        "Maria Malmer Stenergard met in Oslo late on Monday, a day earlier than planned, to discuss Arctic "
        "security, diplomats said.",
        lang="en",
        published="2025-09-09",
    )
    meetings = [(p, s) for t, p, s in _events(rec) if t in MEETING]
    assert meetings == [(frozenset({"Espen Barth Eide", "Maria Malmer Stenergard"}), "happened")], _events(rec)


def test_n_days_after_dates_the_earlier_meeting_from_the_later_one():
    # ``three days after the two ministers met in Oslo``: the group subject of its own keeps the sideline's
    # body out, and the meeting lies three days before Tuesday
    record = _extract(
        "BERLIN, March 12 (Reuters) - Finnish Foreign Minister Elina Valtonen met Canadian Foreign Minister Anita "
        "Anand on the sidelines of the NATO ministerial in Brussels on Tuesday, three days after the two "
        "ministers met in Oslo."
    )
    names = {e.id: e.name for e in record.entities}
    got = {
        (names.get(ev.place or ""), ev.time.value if ev.time else None, frozenset(names[p] for p in ev.participants))
        for ev in record.events
    }
    pair = frozenset({"Elina Valtonen", "Anita Anand"})
    assert ("Oslo", "2024-03-09", pair) in got


# --- states named only by their nationality adjective -------------------------------------------------


def test_coordinated_nationality_adjectives_before_officials_are_the_states() -> None:
    """`Senior Bolivian and Paraguayan officials agreed`: wire copy names the parties by adjective only;
    coders record the states, so each adjective sharing the noun is its state."""
    record = _extract(
        "Senior Bolivian and Paraguayan officials agreed on Friday to reopen the border crossing at Pozo Hondo."
    )
    _has(record, {"agreement"}, {"Bolivia", "Paraguay"})


def test_nationality_adjective_with_modifier_is_a_cooperating_state() -> None:
    """`Danish intelligence officials shared information with Finland`: one modifier (`intelligence`)
    may stand between the adjective and the noun for the state's agents."""
    record = _extract("Danish intelligence officials have shared information with Finland about a sabotage plot.")
    _has(record, {"cooperation"}, {"Denmark", "Finland"})


def test_unnamed_state_is_no_entity_without_an_event() -> None:
    """A state named only by an adjective becomes an entity only where an event takes it as a party."""
    record = _extract("Kenyan officials said the harvest would be late this year because of the drought.")
    assert not record.events
    assert "Kenya" not in {e.name for e in record.entities}


def test_named_state_keeps_its_entity_for_its_government() -> None:
    """`the Polish government` in a text that names Poland is that entity, not a second one."""
    record = _extract(
        "Poland has closed two border crossings. On Monday Lithuania held talks with the Polish government in Vilnius."
    )
    _has(record, {"talks"}, {"Lithuania", "Poland"})
    assert [e.name for e in record.entities].count("Poland") == 1


def test_war_games_of_two_navies_are_cooperation() -> None:
    """`launched a week of war games`: military exercises by another name; `a week of` is how long they
    last, not their topic (`talks about joint drills` stays a topic)."""
    record = _extract("Thai and Cambodian warships on Sunday launched a week of war games in the Gulf of Thailand.")
    _has(record, {"cooperation"}, {"Thailand", "Cambodia"}, "happened")


def test_days_of_joint_patrols_are_the_clauses_event() -> None:
    """`began ten days of joint patrols`: the measure (`ten days of`) does not make the patrols a topic."""
    record = _extract("Chile and Peru began ten days of joint patrols along their desert border on Monday.")
    _has(record, {"cooperation"}, {"Chile", "Peru"}, "happened")
    record = _extract("Chile and Peru held talks about joint patrols along their desert border on Monday.")
    assert not [e for e in _events(record) if e[0] == "cooperation"], _events(record)


def test_plural_office_after_coordinated_adjectives_is_the_states() -> None:
    """`the Uruguayan and Bolivian foreign ministers met`: plural offices name no one person, so the states
    are the parties; the singular before a name is a title (`Bolivian Foreign Minister X` is X)."""
    record = _extract("The Uruguayan and Bolivian foreign ministers met in Montevideo on Thursday.")
    _has(record, {"meeting"}, {"Uruguay", "Bolivia"}, "happened")
    record = _extract("Bolivian Foreign Minister Celinda Sosa met Paolo Rossi in Montevideo on Thursday.")
    assert all("Bolivia" not in p for _, p, _ in _events(record)), _events(record)


def test_state_in_a_source_phrase_is_no_place() -> None:
    """`According to Kenyan officials, X will visit Y`: the officials are a source, never the place."""
    record = _extract("According to Kenyan officials, Abiy Ahmed will visit Nairobi in May.")
    names = {e.id: e.name for e in record.entities}
    assert record.events and all(names.get(ev.place) != "Kenya" for ev in record.events), _events(record)


def test_ministers_of_a_body_meet_as_the_body() -> None:
    """`Defence ministers of the African Union met`: English writes the office in lower case; the
    ministers of a body meeting is a session of the body (a state's unnamed president stays the state)."""
    record = _extract("Defence ministers of the African Union met in Addis Ababa on Monday.")
    _has(record, {"meeting"}, {"African Union"}, "happened")


def test_talks_a_journey_is_for_are_at_its_destination() -> None:
    """`flew to Lusaka on Monday for talks with Hichilema`: the talks take place where the journey goes."""
    record = _extract("Malawian President Peter Mutharika flew to Lusaka on Monday for talks with Hakainde Hichilema.")
    names = {e.id: e.name for e in record.entities}
    talks = [ev for ev in record.events if ev.type == "talks"]
    assert talks and names.get(talks[0].place) == "Lusaka", _events(record)


def test_visit_by_an_agent_is_the_agents_visit_not_the_signatories() -> None:
    """`Ghana and Togo signed two accords during a visit to Lome by Ghanaian President John Mahama`: the
    noun's `by` agent visits the destination; the states that sign are no visitors or visited places."""
    record = _extract(
        "Ghana and Togo signed two accords during a visit to Lome by Ghanaian President John Mahama on Friday."
    )
    visits = [(t, p) for t, p, _ in _events(record) if t == "visit"]
    assert visits and all("John Mahama" in p and "Ghana" not in p for _, p in visits), _events(record)


def test_office_of_a_reporting_tail_is_no_affiliation_of_the_name_before() -> None:
    """`... a border deal with Tajikistan, President Sadyr Japarov said`: the title after the comma is the
    reporter's, so Tajikistan stays a party (not the office's state)."""
    record = _extract(
        "Kyrgyzstan is ready to sign a border deal with Tajikistan, President Sadyr Japarov said on Monday."
    )
    _has(record, {"agreement", "commitment"}, {"Kyrgyzstan", "Tajikistan"})


def test_prepared_to_with_a_partner_is_a_commitment() -> None:
    """`said it was prepared to resume gas deliveries to Moldova`: an offer to another party (PLOVER AGREE);
    `prepared a draft` or `ready for the final` commits to no one."""
    record = _extract("Romania said on Tuesday it was prepared to resume gas deliveries to Moldova.")
    _has(record, {"commitment"}, {"Romania", "Moldova"})
    record = _extract("The Romanian team is ready to play the final in Chisinau on Sunday.")
    assert not record.events, _events(record)


def test_possessive_her_is_no_object_pronoun() -> None:
    """`talks with her Japanese counterpart`: `her` is the possessive here, not an object that would bring
    the person named in the sentence before into the event."""
    record = _extract(
        "Paul Okafor said Manila was building a coalition. "
        "Ms Santos will travel to Tokyo next week for talks with her Japanese counterpart, Kenji Arakawa."
    )
    assert record.events and all("Paul Okafor" not in p for _, p, _ in _events(record)), _events(record)


def test_nationality_and_office_after_the_refer_back_to_the_holder() -> None:
    """`Chilean President Tomas Ibarra arrived in Lima ... The Chilean leader will meet ...`: `the` + adjective
    + singular office (no name after it) is the person the text gave that state's office, not the state."""
    record = _extract(
        "Chilean President Tomas Ibarra arrived in Lima on Sunday. "
        "The Chilean leader will meet Peruvian Prime Minister Rosa Quispe on Monday."
    )
    _has(record, {"meeting"}, {"Tomas Ibarra", "Rosa Quispe"})
    assert "Chile" not in {e.name for e in record.entities}


def test_nationality_and_office_without_a_named_holder_is_the_state() -> None:
    """`The Estonian president will visit Vilnius`: with no Estonian office holder named, the state is meant."""
    record = _extract("The Estonian president will host Marta Kowalczyk in Tallinn next week.")
    _has(record, {"meeting"}, {"Estonia", "Marta Kowalczyk"})


def test_lower_case_royal_titles_refer_back_to_the_named_holder() -> None:
    """`The crown prince met ...`, `received the emir`: royal and Gulf titles in lower case refer back to the
    person the text styled so (`Crown Prince X`; `Emir Sheikh Y`, whose two heads are one role)."""
    record = _extract(
        "Bahraini Crown Prince Salman bin Hamad arrived in Muscat on Monday. "
        "The crown prince met Omani Foreign Minister Badr Albusaidi."
    )
    _has(record, {"meeting"}, {"Salman bin Hamad", "Badr Albusaidi"})
    record = _extract(
        "Kuwaiti Emir Sheikh Mishal Al-Ahmad arrived in Amman on Monday. "
        "King Abdullah II received the emir at the palace."
    )
    _has(record, {"meeting"}, {"Abdullah II", "Mishal Al-Ahmad"})


def test_greeted_a_person_is_a_meeting_and_outside_a_place_is_no_party() -> None:
    """`greeted the president outside Government House`: greeting a guest hosts them; where it happened is
    no party."""
    record = _extract(
        "Kenyan President Samuel Otieno travelled to Wellington on Saturday. "
        "Prime Minister Aroha Tane greeted the president outside Parliament House."
    )
    _has(record, {"meeting"}, {"Aroha Tane", "Samuel Otieno"})
    assert all("Parliament House" not in p for _, p, _ in _events(record)), _events(record)


def test_returning_for_talks_makes_the_travellers_its_parties() -> None:
    """`Serbian and Kosovar negotiators return to Brussels for talks`: returning is a verb of coming, so the
    talks it is for are the travellers' (a nationality adjective coordinated with a named state counts too)."""
    record = _extract("Norwegian and Swedish negotiators returned to Geneva on Monday for talks on fishing quotas.")
    _has(record, {"talks"}, {"Norway", "Sweden"})


def test_pledge_made_at_a_meeting_promises_the_meeting_place_nothing() -> None:
    """`pledged to deepen cooperation at a meeting in Harbin`: the city is where the meeting took place (in the
    tense of the verb the setting belongs to), not a party the pledge is made to."""
    record = _extract("Kazakh and Uzbek officials pledged to expand rail links at a meeting in Shymkent.")
    assert all("Shymkent" not in p for _, p, _ in _events(record)), _events(record)
    _has(record, {"meeting"}, {"Kazakhstan", "Uzbekistan"}, "happened")


def test_place_before_island_or_coast_is_no_party() -> None:
    """`the divided Aegean island of Lesbos`: a name before a feature noun (`island`, `coast`) or after `island
    of` names where, not a side of the agreement."""
    record = _extract(
        "The Turkish and Greek sides of the divided Aegean island of Lesbos agreed to share data on migrants."
    )
    _has(record, {"agreement"}, {"Türkiye", "Greece"})
    assert all(len(p) == 2 for t, p, _ in _events(record) if t == "agreement"), _events(record)


def test_agreement_after_mediated_talks_is_no_arrangement_of_them() -> None:
    """`agreed to a truce after talks mediated by Norway`: talks after `after` (read as a subordinator, or
    behind a participle) are what came before the agreement, not what the agreement arranges."""
    record = _extract(
        "Sudan and South Sudan agreed to a truce after talks mediated by Norway and Kenya in Nairobi, "
        "the Kenyan foreign ministry said on Sunday."
    )
    _has(record, {"agreement"}, {"Sudan", "South Sudan"}, "happened")
    _has(record, {"talks"}, {"Sudan", "South Sudan"}, "happened")
    record = _extract("Sudan and South Sudan agreed to a truce after mediated talks in Nairobi.")
    _has(record, {"agreement"}, {"Sudan", "South Sudan"}, "happened")


def test_shaking_hands_is_a_meeting_and_praise_for_an_event_is_none() -> None:
    """`shook hands with X`: a meeting (`shook off the criticism` is none); `thanked X for his mediation`:
    what someone is thanked for is no event between the thanker and the thanked."""
    record = _extract("Prime Minister Lars Holm shook hands with President Ana Petrovic in Oslo on Friday.")
    _has(record, {"meeting"}, {"Lars Holm", "Ana Petrovic"}, "happened")
    record = _extract("Prime Minister Lars Holm thanked President Ana Petrovic for her mediation.")
    assert not record.events, _events(record)


def test_video_conference_written_apart_is_a_video_call() -> None:
    rec = _extract("Olaf Scholz held a video conference with Emmanuel Macron on Monday about energy prices.")
    _has(rec, {"video_call"}, {"Olaf Scholz", "Emmanuel Macron"}, "happened")
    # a press conference is no call
    rec = _extract("Olaf Scholz held a press conference with Emmanuel Macron on Monday in Paris.")
    assert not [e for e in _events(rec) if e[0] == "video_call"], _events(rec)
