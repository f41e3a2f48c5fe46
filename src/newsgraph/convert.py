"""Gather what the layers wrote on a ``Doc`` into a :class:`~newsgraph.record.Record`."""

from __future__ import annotations

from spacy.tokens import Doc

from .record import Record, ReferenceDate


def doc_to_record(
    doc: Doc,
    *,
    id: str,
    language: str,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: str | None = None,
) -> Record:
    """The record of one processed document; layers that did not run contribute empty lists."""
    return Record(
        id=id,
        language=language,
        title=title,
        url=url,
        source=source,
        published=published,
        reference_date=doc._.reference_date or ReferenceDate(),
        text=doc.text,
        entities=list(doc._.entities or []),
        events=list(doc._.events or []),
        quotes=list(doc._.quotes or []),
        times=sorted(doc._.times or [], key=lambda t: (t.start, t.end)),
    )
