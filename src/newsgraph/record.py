"""The per-article record: the public output contract of newsgraph.

Every layer of the pipeline writes objects of these types onto the spaCy ``Doc``; ``Record`` gathers
them with the article's metadata. The shape is a contract with our users: fields may be added, never
removed or renamed. ``schema/record.schema.json`` is exported from these models
(``python -m newsgraph.record``) and a test checks that the committed file is current.

Every span is a pair of character offsets into ``Record.text``; ``Record.span_errors()`` lists any
span whose stored text is not ``text[start:end]``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
EventStatus = Literal["happened", "planned", "possible", "cancelled", "denied", "unknown"]
QuoteKind = Literal["direct", "partial", "indirect", "reported"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
ReferenceSource = Literal["published", "inferred", "none"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class TextSpan(_Model):
    """A stretch of the article text: ``text == record.text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Mention(TextSpan):
    """One occurrence of an entity in the text."""


class Role(_Model):
    """An office or title the text gives an entity (``US-Präsident``), with its offsets."""

    title: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Entity(_Model):
    """One real-world actor or place: all its mentions in the article, clustered."""

    id: str
    type: EntityType
    name: str = Field(description="best canonical name (transliteration-normalised)")
    kb_id: str | None = None
    mentions: list[Mention] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)


class EventTime(_Model):
    """The time an event happened or is planned for, as written and normalised (TIMEX3 value)."""

    value: str | None
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Evidence(_Model):
    """A stretch of text that states (part of) an event."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = ""


class Event(_Model):
    """An interaction between actors: who met whom, where, when, and whether it happened."""

    id: str
    type: str = Field(description="meeting, summit, talks, negotiation, phone_call, visit, agreement, statement, ...")
    participants: list[str] = Field(default_factory=list, description="entity ids")
    place: str | None = Field(default=None, description="entity id of the place")
    time: EventTime | None = None
    status: EventStatus = "unknown"
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    plover: str | None = Field(default=None, description="PLOVER event type (e.g. CONSULT)")
    cameo: str | None = Field(default=None, description="nearest CAMEO code (e.g. 040)")


class Cue(TextSpan):
    """The words that introduce a quote (``sagte``, ``zitiert X mit den Worten``)."""


class Quote(_Model):
    """A statement attributed to a source; ``start``/``end``/``text`` are its content."""

    id: str
    kind: QuoteKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    speaker: str | None = Field(default=None, description="entity id of the speaker")
    speaker_text: str | None = Field(default=None, description="the phrase naming the speaker")
    cue: Cue | None = None
    via: str | None = Field(default=None, description="entity id of the relaying medium")
    event: str | None = Field(default=None, description="event id the quote was said at or about")
    speaker_span: TextSpan | None = Field(default=None, description="where speaker_text stands in the text")
    insertions: list[TextSpan] = Field(
        default_factory=list, description="editorial insertions in brackets inside the quote ([24. Mai])"
    )
    nested_in: str | None = Field(default=None, description="id of the quote this one is quoted inside")
    free_indirect: bool = Field(
        default=False, description="indirect speech without a cue of its own, carrying on an earlier statement"
    )
    clause: TextSpan | None = Field(
        default=None,
        description="the reported clause or sentence a quoted fragment stands in (the statement's full extent)",
    )
    fragments: list[TextSpan] = Field(
        default_factory=list, description="quoted fragments inside an indirect statement listed once as a whole"
    )


class Time(_Model):
    """A temporal expression and its TIMEX3-style value (``2021-05-24``, ``P2W``, ``PXY``)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    type: TimeType
    value: str | None
    inside_quote: bool = False
    mod: str | None = Field(default=None, description="TIMEX3 modifier: START, MID, END, APPROX, LESS_THAN, ...")


class ReferenceDate(_Model):
    """The date relative expressions hang on, and where it came from."""

    value: str | None = None
    source: ReferenceSource = "none"
    reason: str = ""


class Record(_Model):
    """Everything newsgraph states about one article, each item anchored in ``text``."""

    schema_version: str = SCHEMA_VERSION
    id: str
    language: str
    title: str | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="the outlet or site")
    published: str | None = Field(default=None, description="ISO date")
    reference_date: ReferenceDate = Field(default_factory=ReferenceDate)
    text: str
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)

    def to_json(self, **kwargs: object) -> str:
        """The record as JSON (the same as ``model_dump(mode="json")``, serialised)."""
        return self.model_dump_json(**kwargs)  # type: ignore[arg-type]

    def span_errors(self) -> list[str]:
        """Spans whose offsets do not reproduce their text; empty for a sound record."""
        text = self.text
        problems: list[str] = []

        def check(where: str, start: int, end: int, expected: str | None) -> None:
            if not 0 <= start <= end <= len(text):
                problems.append(f"{where}: offsets {start}-{end} outside text of length {len(text)}")
            elif expected is not None and text[start:end] != expected:
                problems.append(f"{where}: text[{start}:{end}]={text[start:end]!r} != {expected!r}")

        for ent in self.entities:
            for m in ent.mentions:
                check(f"entity {ent.id} mention", m.start, m.end, m.text)
            for r in ent.roles:
                check(f"entity {ent.id} role", r.start, r.end, None)
        for ev in self.events:
            if ev.time is not None:
                check(f"event {ev.id} time", ev.time.start, ev.time.end, ev.time.text)
            for e in ev.evidence:
                check(f"event {ev.id} evidence", e.start, e.end, e.text or None)
        for q in self.quotes:
            check(f"quote {q.id}", q.start, q.end, q.text)
            if q.cue is not None:
                check(f"quote {q.id} cue", q.cue.start, q.cue.end, q.cue.text)
            if q.speaker_span is not None:
                check(f"quote {q.id} speaker", q.speaker_span.start, q.speaker_span.end, q.speaker_span.text)
            for ins in q.insertions:
                check(f"quote {q.id} insertion", ins.start, ins.end, ins.text)
        for t in self.times:
            check("time", t.start, t.end, t.text)
        ids = {e.id for e in self.entities}
        event_ids = {e.id for e in self.events}
        for ev in self.events:
            for p in [*ev.participants, *([ev.place] if ev.place else [])]:
                if p not in ids:
                    problems.append(f"event {ev.id}: unknown entity id {p}")
        for q in self.quotes:
            for ref in (q.speaker, q.via):
                if ref is not None and ref not in ids:
                    problems.append(f"quote {q.id}: unknown entity id {ref}")
            if q.event is not None and q.event not in event_ids:
                problems.append(f"quote {q.id}: unknown event id {q.event}")
        return problems


def json_schema() -> dict:
    """The JSON Schema of ``Record``, as committed in ``schema/record.schema.json``."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://newsgraph.invalid/schema/record.schema.json"
    return schema


def write_schema(path: Path) -> None:
    """Write the schema file (run ``python -m newsgraph.record`` after changing the models)."""
    path.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    write_schema(Path(__file__).resolve().parents[2] / "schema" / "record.schema.json")
