"""The indexed overlap query of ``entity_for_span`` answers what a scan of every mention would.

The index exists for long documents (a scan per quote speaker was quadratic); its answer, ties
included (the first entity in order wins), must be the scan's.
"""

from __future__ import annotations

from newsgraph.pipeline.docext import entities_of, entity_for_span
from newsgraph.record import Entity, Role

TEXT = (
    "Bundeskanzlerin Greta Solms empfing am Montag in Kassel den Präsidenten Moldawiens, Ion Dabija. "
    "Solms und Dabija sprachen über Energie. Der Präsident sagte, Kassel sei ein guter Ort. "
    "Später traf Solms in Fulda den Bürgermeister Udo Kern; Kern begleitete Dabija zum Flughafen."
)


def scan(doc, start: int, end: int) -> Entity | None:
    """The reference: every mention, then every role, in order; the widest overlap wins."""
    best = None
    for group in ("mentions", "roles"):
        for ent in entities_of(doc):
            for m in getattr(ent, group):
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > 0 and (best is None or overlap > best[0]):
                    best = (overlap, ent)
        if best is not None:
            return best[1]
    return None


def test_indexed_query_equals_the_scan(nlp_de):
    doc = nlp_de(TEXT)
    assert len(entities_of(doc)) >= 4
    bounds = sorted({t.idx for t in doc} | {t.idx + len(t) for t in doc})
    for i, start in enumerate(bounds):
        for end in bounds[i + 1 : i + 12]:
            assert entity_for_span(doc, start, end) is scan(doc, start, end), (start, end, TEXT[start:end])


def test_index_sees_roles_added_later(nlp_de):
    doc = nlp_de(TEXT)
    kern = next(e for e in entities_of(doc) if e.name == "Udo Kern")
    position = TEXT.index("Flughafen")
    assert entity_for_span(doc, position, position + 9) is None  # builds the index
    kern.roles.append(Role(title="Flughafen", start=position, end=position + 9))
    assert entity_for_span(doc, position, position + 9) is kern
