"""The gold scorer: matching rules of shared/gold/README.md, on a record built by hand."""

from __future__ import annotations

from newsgraph.evaluate import normalise, score_record, summarise
from newsgraph.record import Record

TEXT = 'Am Montag trafen sich Lawrow und Blinken in Genf. "Es war gut", sagte Lawrow.'

GOLD = {
    "format": "newsgraph-gold/1",
    "language": "de",
    "published": "2021-05-26",
    "expected_reference_year": 2021,
    "entities": [
        {"name": "Sergey Lavrov", "type": "PER", "mentions": ["Lawrow"]},
        {"name": "Antony Blinken", "type": "PER", "mentions": ["Blinken"]},
        {"name": "Geneva", "type": "LOC", "mentions": ["Genf"]},
    ],
    "events": [
        {
            "type": "meeting",
            "participants": ["Sergey Lavrov", "Antony Blinken"],
            "place": "Geneva",
            "date": "2021-05-24",
            "status": "happened",
        }
    ],
    "quotes": [{"kind": "direct", "starts_with": "Es war gut", "speaker_any_of": ["Sergey Lavrov"], "via": None}],
    "times": [{"text": "Am Montag", "value": "2021-05-24"}],
}


def make_record(**changes) -> Record:
    data = {
        "id": "t",
        "language": "de",
        "text": TEXT,
        "reference_date": {"value": "2021-05-26", "source": "published", "reason": ""},
        "entities": [
            {
                "id": "e1",
                "type": "PER",
                "name": "Sergey Lavrov",
                "mentions": [{"start": 22, "end": 28, "text": "Lawrow"}, {"start": 70, "end": 76, "text": "Lawrow"}],
            },
            {
                "id": "e2",
                "type": "PER",
                "name": "Antony Blinken",
                "mentions": [{"start": 33, "end": 40, "text": "Blinken"}],
            },
            {"id": "e3", "type": "LOC", "name": "Geneva", "mentions": [{"start": 44, "end": 48, "text": "Genf"}]},
        ],
        "events": [
            {
                "id": "ev1",
                "type": "summit",
                "participants": ["e1", "e2"],
                "place": "e3",
                "status": "happened",
                "time": {"value": "2021-05-24", "text": "Am Montag", "start": 0, "end": 9},
            }
        ],
        "quotes": [{"id": "q1", "kind": "direct", "start": 51, "end": 61, "text": "Es war gut", "speaker": "e1"}],
        "times": [{"start": 0, "end": 9, "text": "Am Montag", "type": "DATE", "value": "2021-05-24"}],
    }
    data.update(changes)
    record = Record.model_validate(data)
    assert record.span_errors() == []
    return record


def test_normalise_strips_punctuation_and_case():
    assert normalise(" „Genf“, ") == "genf"


def test_perfect_record_scores_one_and_summit_counts_as_meeting_family():
    result = summarise([score_record(GOLD, make_record())])
    for layer in ("entities", "events", "quotes", "times"):
        assert result[layer]["f1"] == 1.0, layer
    assert result["events"]["status_accuracy"] == 1.0
    assert result["quotes"]["speaker_accuracy"] == 1.0
    assert result["times"]["value_accuracy"] == 1.0
    assert result["reference_year_accuracy"] == 1.0


def test_wrong_participants_wrong_status_wrong_speaker_are_caught():
    record = make_record(
        events=[{"id": "ev1", "type": "meeting", "participants": ["e1"], "place": "e3", "status": "planned"}],
        quotes=[{"id": "q1", "kind": "direct", "start": 51, "end": 61, "text": "Es war gut", "speaker": "e2"}],
        times=[{"start": 0, "end": 9, "text": "Am Montag", "type": "DATE", "value": "2021-05-31"}],
    )
    result = summarise([score_record(GOLD, record)])
    assert result["events"]["tp"] == 0 and result["events"]["fp"] == 1 and result["events"]["fn"] == 1
    assert result["quotes"]["speaker_accuracy"] == 0.0
    assert result["times"]["value_accuracy"] == 0.0


def test_wrong_date_breaks_the_event_match_but_status_is_separate():
    event = {
        "id": "ev1",
        "type": "meeting",
        "participants": ["e1", "e2"],
        "place": "e3",
        "status": "possible",
        "time": {"value": "2021-05-19", "text": "Am Montag", "start": 0, "end": 9},
    }
    assert summarise([score_record(GOLD, make_record(events=[event]))])["events"]["tp"] == 0
    event["time"]["value"] = "2021-05-24"
    result = summarise([score_record(GOLD, make_record(events=[event]))])
    assert result["events"]["tp"] == 1
    assert result["events"]["status_accuracy"] == 0.0


def test_lenient_events_accept_extra_parties_and_a_missing_place_but_not_a_missing_party():
    extra = {
        "id": "ev1",
        "type": "meeting",
        "participants": ["e1", "e2", "e3"],  # a place added beside the two who met
        "place": None,
        "status": "happened",
        "time": {"value": "2021-05", "text": "Am Montag", "start": 0, "end": 9},  # coarser, not contradicting
    }
    result = summarise([score_record(GOLD, make_record(events=[extra]))])
    assert result["events"]["tp"] == 0  # strict: exact participants and the gold place
    assert result["events_lenient"]["tp"] == 1
    one_party = {**extra, "participants": ["e1"]}
    result = summarise([score_record(GOLD, make_record(events=[one_party]))])
    assert result["events_lenient"]["tp"] == 0  # a two-party event counts only with both parties
    wrong_day = {**extra, "time": {"value": "2021-05-19", "text": "Am Montag", "start": 0, "end": 9}}
    assert summarise([score_record(GOLD, make_record(events=[wrong_day]))])["events_lenient"]["tp"] == 0


def test_gold_split_reads_splits_json_beside_the_gold(tmp_path):
    import json

    from newsgraph.evaluate import gold_split

    (tmp_path / "wikinews").mkdir()
    (tmp_path / "clusters" / "summit-2024").mkdir(parents=True)
    (tmp_path / "splits.json").write_text(
        json.dumps({"tune": {"wikinews": ["wn-1-a"], "clusters": []},
                    "check": {"wikinews": ["wn-2-b"], "clusters": ["summit-2024"]}}),
        encoding="utf-8",
    )
    assert gold_split(tmp_path / "wikinews" / "wn-1-a.gold.json") == "tune"
    assert gold_split(tmp_path / "wikinews" / "wn-2-b.gold.json") == "check"
    assert gold_split(tmp_path / "clusters" / "summit-2024" / "summit-2024-a-de.gold.json") == "check"
    assert gold_split(tmp_path / "000_founding.gold.json") == "tune"
