"""``newsgraph_entities``: from entity mentions to entities.

First version: clusters ``doc.ents`` by name (a later single-token mention that equals the last word
of an earlier multi-word PER mention joins it) and names each cluster by its longest mention.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..record import Entity, Mention


class EntityLayer:
    """Cluster mentions into entities and write ``doc._.entities``."""

    def __init__(self, nlp: Language, name: str = "newsgraph_entities") -> None:
        self.name = name
        self.lang = nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        entities: list[Entity] = []
        by_key: dict[tuple[str, str], Entity] = {}
        for span in doc.ents:
            if span.label_ not in {"PER", "ORG", "LOC", "MISC"}:
                continue
            key = (span.label_, span.text.casefold())
            ent = by_key.get(key)
            if ent is None and span.label_ == "PER" and len(span) == 1:
                ent = next(
                    (e for e in entities if e.type == "PER" and e.name.split()[-1].casefold() == key[1]),
                    None,
                )
            if ent is None:
                ent = Entity(id=f"e{len(entities) + 1}", type=span.label_, name=span.text)
                entities.append(ent)
            by_key[key] = ent
            ent.mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text))
            if len(span.text) > len(ent.name):
                ent.name = span.text
        doc._.entities = entities
        return doc


@Language.factory("newsgraph_entities")
def make_entity_layer(nlp: Language, name: str) -> EntityLayer:
    return EntityLayer(nlp, name)
