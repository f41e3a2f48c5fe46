"""The record contract: schema committed and current, spans reproduce their text."""

from __future__ import annotations

import json

import jsonschema

import newsgraph
from newsgraph.record import json_schema

from .conftest import ROOT


def test_committed_schema_is_current():
    committed = json.loads((ROOT / "schema" / "record.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run `python -m newsgraph.record` to refresh schema/record.schema.json"


def test_example_record_validates_and_spans_are_exact():
    text = (ROOT / "examples" / "gipfel.txt").read_text(encoding="utf-8")
    record = newsgraph.extract(text, lang="de", published="2025-03-04")
    jsonschema.validate(json.loads(record.to_json()), json_schema())
    assert record.span_errors() == []
    assert record.reference_date.source == "published"


def test_seed_record_validates(seed_record):
    jsonschema.validate(json.loads(seed_record.to_json()), json_schema())
    assert seed_record.span_errors() == []


def test_span_errors_catch_a_wrong_offset():
    record = newsgraph.Record(
        id="x",
        language="de",
        text="Putin traf Biden.",
        entities=[{"id": "e1", "type": "PER", "name": "Putin", "mentions": [{"start": 1, "end": 6, "text": "Putin"}]}],
    )
    assert record.span_errors()
