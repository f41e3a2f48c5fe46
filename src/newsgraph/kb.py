"""The knowledge base: entities with names in several languages, offices with dates, and how an
article is linked to it.

This module is the KB core the per-article pipeline needs (standard library only; no DuckDB, no
``store`` extra). ``newsgraph.store.kb`` re-exports it for the corpus store.

Format (``newsgraph-kb/1``), one JSON object per line (JSON Lines), or the same objects as
``[[entity]]`` tables in a TOML file (the hand-written starter KB, ``resources/kb/starter.toml``)::

    {"id": "kb:per:joe-biden", "type": "PER",
     "names":   {"en": ["Joe Biden"], "de": ["Joe Biden"]},            # canonical names, best first
     "aliases": {"en": ["Biden", "Joseph R. Biden"]},                   # other names (matching only)
     "wikidata": "Q6279",                                               # optional
     "offices": [{"office": "head_of_state", "of": "iso3166:US",         # a role key and a KB id ...
                  "position": null,                                     # ... or a Wikidata position
                  "start": "2021-01-20", "end": "2025-01-20"}]}         # end null = still in office

- ``id``: stable, unique; countries use ``iso3166:XX`` like the entity layer's gazetteer, so records
  and KB agree; other hand-written ids are ``kb:<type>:<slug>``; a KB built from Wikidata uses QIDs.
- ``type``: PER, ORG, LOC, MISC. ``capital`` (LOC countries): the capital's id.
- offices: ``office`` is one of ``head_of_state``, ``head_of_government``, ``foreign_minister``,
  ``national_security_adviser`` with ``of`` the country's id; ``start`` inclusive, ``end``
  exclusive (the day the successor took over), ISO dates (``YYYY``/``YYYY-MM`` when that is all
  that is known). A wrong term of office is worse than a missing one: the starter KB lists only
  terms checked against the official records.

:class:`KnowledgeBase` loads such files, finds entities by name (through the store's
transliteration key, so ``Lawrow`` finds the entry named ``Sergey Lavrov``), and answers
:meth:`KnowledgeBase.holders`: who held an office on a day (``head_of_state`` of ``iso3166:US`` on
2021-05-24 -> Joe Biden). :func:`build_from_wikidata` streams a Wikidata JSON dump
(``latest-all.json.bz2``; also ``.gz`` or plain) line by line into this format, never loading it whole.

Linking an article (:class:`ArticleLinker`, used by the entity and time layers):

- :meth:`ArticleLinker.link_entities`: an entity without a KB id gets one when its canonical name,
  else its mention texts, name exactly one KB entity of its type; ambiguous or unknown -> null.
- :meth:`ArticleLinker.office_of`: an office phrase the entity layer recorded as a Role
  (``US-Präsident``, ``der russische Außenminister``, ``Kremlchef``, ``Außenminister Russlands``)
  read as (KB office key, country id) through ``resources/<lang>/kb_offices.toml``; anything the
  file does not vouch for (``ehemalige``, ``Vize-``, no country) reads as nothing.
- :meth:`ArticleLinker.office_claims`: what the text says about named, linked people's offices, with
  their terms in the KB — evidence for the reference date (see ``timex/reference.py``).
- :meth:`ArticleLinker.resolve_offices`: office phrases naming nobody, resolved to the holder on the
  reference date (see that method for the precedence).
"""

from __future__ import annotations


import bz2
import gzip
import json
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .resources import RESOURCE_DIR
from .store.names import name_key

STARTER_KB = RESOURCE_DIR / "kb" / "starter.toml"
KB_FORMAT = "newsgraph-kb/1"

#: Wikidata classes (P31 values) -> entity type; anything else is left out of a built KB
WIKIDATA_TYPES: dict[str, str] = {
    "Q5": "PER",  # human
    "Q6256": "LOC",  # country
    "Q3624078": "LOC",  # sovereign state
    "Q515": "LOC",  # city
    "Q5119": "LOC",  # capital
    "Q1549591": "LOC",  # big city
    "Q43229": "ORG",  # organisation
    "Q484652": "ORG",  # international organisation
    "Q7210356": "ORG",  # political organisation
    "Q7278": "ORG",  # political party
    "Q192283": "ORG",  # news agency
    "Q1331793": "ORG",  # media company
}


@dataclass(frozen=True)
class Office:
    """A term in an office: ``office``+``of`` (role key and country) or a Wikidata ``position``."""

    start: str | None
    end: str | None
    office: str | None = None
    of: str | None = None
    position: str | None = None

    def covers(self, day: str) -> bool:
        """Whether the term includes ``day`` (ISO; a partial start/end counts from its first day)."""
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day < self.end


@dataclass
class KBEntity:
    """One knowledge-base entity."""

    id: str
    type: str
    names: dict[str, list[str]]
    aliases: dict[str, list[str]] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    wikidata: str | None = None
    capital: str | None = None

    def name(self, lang: str = "en") -> str:
        """The canonical name in ``lang`` (else English, else any)."""
        for candidate in (lang, "en", *self.names):
            if self.names.get(candidate):
                return self.names[candidate][0]
        return self.id

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type, "names": self.names}
        if self.aliases:
            data["aliases"] = self.aliases
        if self.wikidata:
            data["wikidata"] = self.wikidata
        if self.capital:
            data["capital"] = self.capital
        if self.offices:
            data["offices"] = [{k: v for k, v in o.__dict__.items() if v is not None} for o in self.offices]
        return data


def _entity(data: dict[str, Any]) -> KBEntity:
    offices = [Office(start=o.get("start"), end=o.get("end"), office=o.get("office"), of=o.get("of"),
                      position=o.get("position")) for o in data.get("offices", [])]
    return KBEntity(id=data["id"], type=data["type"], names=data.get("names", {}), aliases=data.get("aliases", {}),
                    offices=offices, wikidata=data.get("wikidata"), capital=data.get("capital"))


def read_kb(path: str | Path) -> Iterator[KBEntity]:
    """Entities from a KB file: ``.toml`` (``[[entity]]`` tables) or JSON Lines."""
    path = Path(path)
    if path.suffix == ".toml":
        for data in tomllib.loads(path.read_text(encoding="utf-8")).get("entity", []):
            yield _entity(data)
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield _entity(json.loads(line))


def write_kb(entities: Iterable[KBEntity], path: str | Path) -> int:
    """Write entities as KB JSON Lines; returns how many."""
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for entity in entities:
            out.write(json.dumps(entity.as_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


class KnowledgeBase:
    """Entities by id and by name key, and office holders by date."""

    def __init__(self, entities: Iterable[KBEntity] = ()) -> None:
        self.by_id: dict[str, KBEntity] = {}
        self._by_key: dict[tuple[str, str], set[str]] = defaultdict(set)
        #: (office, of) -> ids of the entities with a term in it, so holders() needs no full scan
        self._by_office: dict[tuple[str, str], list[str]] = defaultdict(list)
        for entity in entities:
            self.add(entity)

    @classmethod
    def load(cls, *paths: str | Path) -> KnowledgeBase:
        """A KB from files; with no paths, the starter KB shipped with the package."""
        kb = cls()
        for path in paths or (STARTER_KB,):
            for entity in read_kb(path):
                kb.add(entity)
        return kb

    def add(self, entity: KBEntity) -> None:
        self.by_id[entity.id] = entity
        for group in (entity.names, entity.aliases):
            for names in group.values():
                for name in names:
                    self._by_key[(entity.type, name_key(name))].add(entity.id)
        for key in dict.fromkeys((o.office, o.of) for o in entity.offices if o.office and o.of):
            if entity.id not in self._by_office[key]:  # type: ignore[index]
                self._by_office[key].append(entity.id)  # type: ignore[index]

    def __len__(self) -> int:
        return len(self.by_id)

    def find(self, name: str, entity_type: str | None = None) -> list[KBEntity]:
        """Entities one of whose names or aliases has the key of ``name`` (of ``entity_type`` if given)."""
        key = name_key(name)
        types = [entity_type] if entity_type else ["PER", "ORG", "LOC", "MISC"]
        ids = sorted({i for t in types for i in self._by_key.get((t, key), ())})
        return [self.by_id[i] for i in ids]

    def link(self, name: str, entity_type: str) -> str | None:
        """The KB id for a name when exactly one entity of that type goes by it; else None (no guessing)."""
        found = self.find(name, entity_type)
        return found[0].id if len(found) == 1 else None

    def holders(self, day: str, *, office: str | None = None, of: str | None = None,
                position: str | None = None) -> list[KBEntity]:
        """Who held the office on ``day`` (ISO date): by role key + country, or by Wikidata position."""
        found = []
        pool: Iterable[KBEntity] = self.by_id.values()
        if office is not None and of is not None and position is None:
            pool = [self.by_id[i] for i in self._by_office.get((office, of), ())]
        for entity in pool:
            for term in entity.offices:
                if position is not None and term.position != position:
                    continue
                if office is not None and (term.office != office or (of is not None and term.of != of)):
                    continue
                if term.covers(day):
                    found.append(entity)
                    break
        return found


# -- Wikidata dumps --------------------------------------------------------------------------------


def _open_dump(path: str | Path) -> IO[str]:
    name = str(path)
    if name.endswith(".bz2"):
        return bz2.open(name, "rt", encoding="utf-8")
    if name.endswith(".gz"):
        return gzip.open(name, "rt", encoding="utf-8")
    return open(name, encoding="utf-8")


def _wikidata_date(snak: dict[str, Any]) -> str | None:
    """A Wikidata time value as an ISO date cut to its precision (11 day, 10 month, 9 year)."""
    value = (snak.get("datavalue") or {}).get("value") or {}
    time, precision = value.get("time"), value.get("precision", 11)
    if not time or not time.startswith("+"):
        return None  # BCE or missing
    date = time[1:11]
    return date if precision >= 11 else date[:7] if precision == 10 else date[:4]


def _claim_ids(claims: dict[str, Any], prop: str) -> list[str]:
    out = []
    for claim in claims.get(prop, []):
        value = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if isinstance(value, dict) and "id" in value:
            out.append(value["id"])
    return out


def wikidata_entity(item: dict[str, Any], languages: tuple[str, ...] = ("de", "en")) -> KBEntity | None:
    """One Wikidata item as a KB entity, or None when it is not a kind of entity the KB keeps."""
    claims = item.get("claims", {})
    etype = next((WIKIDATA_TYPES[c] for c in _claim_ids(claims, "P31") if c in WIKIDATA_TYPES), None)
    if etype is None:
        return None
    names = {lang: [item["labels"][lang]["value"]] for lang in languages if lang in item.get("labels", {})}
    if not names:
        return None
    aliases = {lang: [a["value"] for a in item.get("aliases", {}).get(lang, [])]
               for lang in languages if item.get("aliases", {}).get(lang)}
    offices = []
    for claim in claims.get("P39", []):  # position held, with start (P580) and end (P582) qualifiers
        value = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if not isinstance(value, dict) or "id" not in value:
            continue
        qualifiers = claim.get("qualifiers", {})
        start = next((d for d in map(_wikidata_date, qualifiers.get("P580", [])) if d), None)
        end = next((d for d in map(_wikidata_date, qualifiers.get("P582", [])) if d), None)
        offices.append(Office(start=start, end=end, position=value["id"]))
    capital = next(iter(_claim_ids(claims, "P36")), None)
    return KBEntity(id=item["id"], type=etype, names=names, aliases=aliases, offices=offices, wikidata=item["id"],
                    capital=capital if etype == "LOC" else None)


def iter_wikidata(path: str | Path, languages: tuple[str, ...] = ("de", "en")) -> Iterator[KBEntity]:
    """KB entities from a Wikidata JSON dump, streamed one line (one item) at a time."""
    with _open_dump(path) as handle:
        for line in handle:
            line = line.strip().rstrip(",")
            if not line or line in ("[", "]"):
                continue
            entity = wikidata_entity(json.loads(line), languages)
            if entity is not None:
                yield entity


def build_from_wikidata(dump: str | Path, output: str | Path, languages: tuple[str, ...] = ("de", "en")) -> int:
    """Stream a Wikidata dump into a KB JSON Lines file; returns the number of entities written."""
    return write_kb(iter_wikidata(dump, languages), output)
