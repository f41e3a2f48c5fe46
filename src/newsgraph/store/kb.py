"""The knowledge base, as the corpus store uses it: a re-export of :mod:`newsgraph.kb`.

The KB core moved to :mod:`newsgraph.kb` so that the per-article pipeline can link entities and
resolve offices without the ``store`` extra (DuckDB); the starter KB now ships as
``newsgraph/resources/kb/starter.toml``. Import from either place.
"""

from __future__ import annotations

from functools import cache

from ..kb import (
    KB_FORMAT,
    STARTER_KB,
    WIKIDATA_TYPES,
    KBEntity,
    KnowledgeBase,
    Office,
    build_from_wikidata,
    iter_wikidata,
    read_kb,
    wikidata_entity,
    write_kb,
)

__all__ = [
    "KB_FORMAT",
    "STARTER_KB",
    "WIKIDATA_TYPES",
    "KBEntity",
    "KnowledgeBase",
    "Office",
    "build_from_wikidata",
    "canonical_kb_id",
    "gazetteer_twin_of",
    "iter_wikidata",
    "read_kb",
    "wikidata_entity",
    "write_kb",
]


@cache
def _gazetteer_twins() -> dict[str, str]:
    """Starter-KB id of a capital -> the gazetteers' id of the same city (``kb:loc:beijing`` ->
    ``geonames:1816670``): the city of the capital's country whose gazetteer name or form is one of the
    KB entity's names. The pipeline links a city by the gazetteer as a rule, and by the KB where the
    gazetteer did not match (a headline's or dateline's form): two ids for one place, which the store
    would otherwise keep as two entities that cannot even contain each other's venues."""
    from ..resources import has_resource, load_resource
    from .names import name_key

    starter = KnowledgeBase.load(STARTER_KB)
    capitals = {
        e.capital: e.id.split(":", 1)[1] for e in starter.by_id.values() if e.capital and e.id.startswith("iso3166:")
    }
    cities: dict[tuple[str, str], str] = {}
    for lang in ("en", "de"):
        if not has_resource(lang, "gazetteer_places"):
            continue
        for place in load_resource(lang, "gazetteer_places")["places"]:
            if place.get("kind") != "city" or not place.get("kb_id") or not place.get("country"):
                continue
            for form in (place["name"], *place.get("forms", ())):
                cities.setdefault((place["country"], name_key(form)), place["kb_id"])
    twins = {}
    for capital, country in capitals.items():
        entity = starter.by_id.get(capital)
        if entity is None:
            continue
        names = [n for forms in (*entity.names.values(), *entity.aliases.values()) for n in forms]
        found = {cities[(country, name_key(n))] for n in names if (country, name_key(n)) in cities}
        if len(found) == 1:  # one gazetteer city of that name in the country: the same place
            twins[capital] = found.pop()
    return twins


def canonical_kb_id(kb_id: str | None) -> str | None:
    """The id the store keeps a linked entity under: the gazetteers' id where the starter KB and the
    gazetteers both know a place (:func:`_gazetteer_twins`), else ``kb_id`` itself."""
    if not kb_id or not kb_id.startswith("kb:loc:"):
        return kb_id
    return _gazetteer_twins().get(kb_id, kb_id)


@cache
def _twins_by_gazetteer() -> dict[str, str]:
    return {gazetteer: kb_id for kb_id, gazetteer in _gazetteer_twins().items()}


def gazetteer_twin_of(gazetteer_id: str) -> str | None:
    """The starter-KB id of a place the store keeps under its gazetteer id (the inverse of
    :func:`canonical_kb_id`), so that it is shown by the KB's name; None for other ids."""
    return _twins_by_gazetteer().get(gazetteer_id)
