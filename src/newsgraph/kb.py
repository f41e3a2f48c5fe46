"""The knowledge base: entities with names in several languages, offices with dates, and how an
article is linked to it.

This module is the KB core the per-article pipeline needs (standard library only; no DuckDB, no
``store`` extra). ``newsgraph.store.kb`` re-exports it for the corpus store.

Format (``newsgraph-kb/1``), one JSON object per line (JSON Lines), or the same objects as
``[[entity]]`` tables in a TOML file (the hand-written starter KB, ``resources/kb/starter.toml`` and
``resources/kb/leaders.toml``)::

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
  ``national_security_adviser`` with ``of`` the country's id, or a post of an organisation with
  ``of`` its KB id (``president`` of ``kb:org:european-commission``, ``secretary_general`` of
  ``kb:org:nato``: kept and answered by :meth:`KnowledgeBase.holders`, read by no office phrase
  of ``kb_offices.toml``); ``start`` inclusive, ``end``
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
import datetime as dt
import gzip
import json
import os
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .record import Entity, Role
from .resources import RESOURCE_DIR, has_resource, load_resource
from .store.names import name_key
from .timex.reference import OfficeClaim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

STARTER_KB = RESOURCE_DIR / "kb" / "starter.toml"
#: world leaders beyond starter.toml's six countries; part of the starter KB wherever it is loaded
LEADERS_KB = RESOURCE_DIR / "kb" / "leaders.toml"
#: the files of the starter KB: naming :data:`STARTER_KB` (or ``"starter"``) loads them all
STARTER_KB_FILES = (STARTER_KB, LEADERS_KB)
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
        """A KB from files; with no paths, the starter KB shipped with the package (all of
        :data:`STARTER_KB_FILES`, also where :data:`STARTER_KB` is one of the paths)."""
        kb = cls()
        for path in paths or (STARTER_KB,):
            for file in STARTER_KB_FILES if Path(path) == STARTER_KB else (path,):
                for entity in read_kb(file):
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


# -- linking an article to the KB ------------------------------------------------------------------


@lru_cache(maxsize=8)
def load_kb(spec: str = "starter") -> KnowledgeBase:
    """A KB by a config value, loaded once per process: ``"starter"`` (the shipped starter KB) or
    paths separated by ``os.pathsep`` (``"starter"`` may be one of them)."""
    paths = [STARTER_KB if p == "starter" else Path(p) for p in spec.split(os.pathsep) if p]
    return KnowledgeBase.load(*paths)


def _day(value: str | None) -> dt.date | None:
    """An ISO date, ``YYYY-MM`` or ``YYYY`` as its first day."""
    if not value:
        return None
    parts = [*value.split("-"), "01", "01"]
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


class ArticleLinker:
    """Links one language's articles to a KB: entity ids, offices read from roles, office holders.

    Built once per pipeline (the KB's name index and the office vocabulary of
    ``resources/<lang>/kb_offices.toml``); per article it touches only the entities and the office
    phrases, never every token.
    """

    def __init__(self, kb: KnowledgeBase, lang: str) -> None:
        self.kb = kb
        conf: dict[str, Any] = load_resource(lang, "kb_offices") if has_resource(lang, "kb_offices") else {}
        self.titles: dict[str, str] = dict(conf.get("titles", {}))
        self.implied: dict[str, tuple[str, str]] = {k: (v[0], v[1]) for k, v in conf.get("implied", {}).items()}
        self.prefixes: dict[str, str] = dict(conf.get("prefixes", {}))
        modifiers = conf.get("modifiers", {})
        self.modifiers: set[str] = set(modifiers.get("words", []))
        self.complement_starters: set[str] = set(modifiers.get("complement_starters", []))
        self.endings: tuple[str, ...] = tuple(sorted(conf.get("endings", []), key=len, reverse=True))
        self.labels: dict[str, str] = dict(conf.get("labels", {}))
        ref = conf.get("reference", {})
        self.ref_determiners: set[str] = set(ref.get("determiners", []))
        self.plural_determiners: set[str] = set(ref.get("plural_determiners", []))
        self.feminine_endings: tuple[str, ...] = tuple(ref.get("feminine_endings", []))
        self.office_nouns: set[str] = set(ref.get("office_nouns", []))
        self.coordinators: set[str] = set(ref.get("coordinators", []))

    # -- entity ids -----------------------------------------------------------------------------

    def link_entities(self, entities: list[Entity]) -> None:
        """Give entities without a KB id the id of the one KB entity of their type that goes by their
        canonical name (else by their mention texts); several or none -> left null (no guessing)."""
        for entity in entities:
            if entity.kb_id:
                continue
            found = {e.id for e in self.kb.find(entity.name, entity.type)}
            if not found:
                for text in {m.text for m in entity.mentions}:
                    found |= {e.id for e in self.kb.find(text, entity.type) if not _other_given_name(entity.name, e)}
            if len(found) == 1:
                entity.kb_id = next(iter(found))

    # -- offices --------------------------------------------------------------------------------

    def _title(self, word: str) -> tuple[str, str | None] | None:
        """(office, implied country or None) of a lower-cased title word, endings stripped."""
        stripped = (word[: -len(e)] for e in self.endings if word.endswith(e) and len(word) > len(e) + 3)
        for candidate in (word, *stripped):
            if candidate in self.implied:
                return self.implied[candidate]
            if candidate in self.titles:
                return self.titles[candidate], None
        return None

    @staticmethod
    def country_derivations(doc: Doc) -> dict[int, set[str]]:
        """Token index -> country ids of the ``derivations`` spans starting there (``deutsche``,
        ``Russlands``); built once per document so that each office phrase looks up its own tokens
        instead of scanning every derivation of a long text."""
        derived: dict[int, set[str]] = {}
        if "derivations" in doc.spans:
            for d in doc.spans["derivations"]:
                if d.kb_id_.startswith("iso3166:"):
                    derived.setdefault(d.start, set()).add(d.kb_id_)
        return derived

    def office_of(
        self, doc: Doc, start_char: int, end_char: int, derivations: dict[int, set[str]] | None = None
    ) -> tuple[str, str] | None:
        """(office key, country id) of the office phrase at ``[start_char, end_char)``, or None.

        Read left to right: allowed modifiers and country adjectives, the title word (with an
        optional country prefix, ``US-``), then an optional genitive complement naming the country
        (``des US-Präsidenten``, ``Russlands``). Anything else -> None. ``derivations`` is
        :meth:`country_derivations` of ``doc`` when the caller reads many phrases of one document.
        """
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None or not len(span):
            return None
        if derivations is None:
            derivations = self.country_derivations(doc)
        derived = {i: derivations[i] for i in range(span.start, span.end) if i in derivations}
        countries: set[str] = set()
        office: str | None = None
        for tok in span:
            text = tok.text
            if office is None:
                country = tok.ent_kb_id_ if tok.ent_type_ == "LOC" and tok.ent_kb_id_.startswith("iso3166:") else ""
                if country and tok.i == span.start:
                    countries.add(country)  # ``Japans Regierungschefin``: the country in the genitive before it
                    continue
                if text[:1].isupper() and (tok.i in derived or text in self.prefixes):
                    # a capitalised country word of its own before the title (English: "German
                    # Chancellor", "U.S. President")
                    countries |= derived.get(tok.i) or {self.prefixes[text]}
                    continue
                if not text[:1].isupper():
                    if tok.i in derived:
                        countries |= derived[tok.i]
                    elif text.lower() not in self.modifiers:
                        return None  # ehemalige, frühere, stellvertretende ...: not the holder today
                    continue
                *prefixes, head = text.split("-")
                for prefix in prefixes:
                    if prefix not in self.prefixes:
                        return None  # Ex-, Vize-, EU-
                    countries.add(self.prefixes[prefix])
                found = self._title(head.lower())
                if found is None:
                    return None
                office = found[0]
                if found[1]:
                    countries.add(found[1])
                continue
            # the genitive complement: only its country matters
            if tok.i in derived:
                countries |= derived[tok.i]
            elif tok.ent_type_ == "LOC" and tok.ent_kb_id_.startswith("iso3166:"):
                countries.add(tok.ent_kb_id_)
            elif "-" in text and text.split("-")[0] in self.prefixes:
                countries.add(self.prefixes[text.split("-")[0]])
        if office is None or len(countries) != 1:
            return None
        return office, next(iter(countries))

    def _names_one_holder(self, doc: Doc, span: Span) -> bool:
        """Whether an office phrase naming nobody refers to one present holder (see ``[reference]``
        in ``kb_offices.toml``): a definite article that is not genitive ``des``, no plural ``die
        Außenminister``, no office noun before it (``das Amt der Kanzlerin``), no enumeration of
        countries after it (``die Sicherheitsberater Russlands und der USA``)."""
        first = doc[span.start]
        if first.ent_type_ == "LOC" and first.ent_kb_id_.startswith("iso3166:") and first.text.endswith("s"):
            # ``Japans Regierungschefin``: the country in the genitive stands where the article would
            return any(t.text[:1].isupper() for t in span[1:])
        if span.start == 0:
            return False
        det = doc[span.start - 1]
        if det.lower_ not in self.ref_determiners:
            return False
        if span.start >= 2 and doc[span.start - 2].text in self.office_nouns:
            return False
        if det.lower_ in self.plural_determiners:
            heads = [t.text for t in span if t.text[:1].isupper()]
            if not heads or not heads[0].endswith(self.feminine_endings):
                return False
        k = span.end
        if k < len(doc) and doc[k].text in self.coordinators:
            for tok in doc[k + 1 : k + 4]:
                if (tok.ent_type_ == "LOC" and tok.ent_kb_id_.startswith("iso3166:")) or (
                    "-" in tok.text and tok.text.split("-")[0] in self.prefixes
                ):
                    return False
        return True

    def office_label(self, office: str, of: str) -> str:
        country = self.kb.by_id.get(of)
        where = country.name("en") if country is not None else of
        return f"{self.labels.get(office, office.replace('_', ' '))} of {where}"

    def office_claims(self, doc: Doc) -> list[OfficeClaim]:
        """Offices the text gives named people that the KB knows terms of (reference-date evidence).

        A person with a KB id whose role reads as an office they held at some time in the KB; an
        office the KB does not list for them is no evidence either way (the KB is incomplete).
        """
        claims: dict[tuple[str, str, str], OfficeClaim] = {}
        derivations = self.country_derivations(doc)
        for entity in doc._.entities or []:
            known = self.kb.by_id.get(entity.kb_id or "")
            if entity.type != "PER" or known is None:
                continue
            for role in entity.roles:
                parsed = self.office_of(doc, role.start, role.end, derivations)
                if parsed is None or (known.id, *parsed) in claims:
                    continue
                terms = tuple(
                    (start, _day(t.end))
                    for t in known.offices
                    if (t.office, t.of) == parsed and (start := _day(t.start)) is not None
                )
                if terms:
                    claims[(known.id, *parsed)] = OfficeClaim(
                        person=entity.name, office=self.office_label(*parsed), title=role.title, terms=terms
                    )
        return list(claims.values())

    def resolve_offices(self, doc: Doc, day: dt.date) -> None:
        """Office phrases that name nobody (``der US-Präsident``) -> the holder on ``day``, as a Role.

        Precedence, so that a wrong person is rarer than none:

        1. the text's own naming: the entity layer already joined the phrase to the person named in
           an apposition or given that office earlier; those phrases never reach this method;
        2. the phrase must read as one KB office of one country (:meth:`office_of`), on a day the KB
           knows exactly one holder of;
        2b. the phrase must refer to one present holder: not a genitive ``des`` (``das Amt des
           US-Präsidenten`` is the office), no plural, no enumeration (:meth:`_names_one_holder`);
        3. if the text gives the same office to a named person other than that holder, nothing (the
           text talks of another time, or the KB is wrong);
        4. else the holder: the entity the text names (same KB id) gets the Role; when the text does
           not name the holder, a new entity (no mentions, only the Role) is added at the end.
        """
        phrases = doc.spans.get("offices_unnamed", [])
        if not len(phrases):
            return
        entities: list[Entity] = doc._.entities if doc._.entities is not None else []
        iso = day.isoformat()
        offices: dict[tuple[int, int], tuple[str, str] | None] = {}
        derivations = self.country_derivations(doc)

        def office_at(start: int, end: int) -> tuple[str, str] | None:
            # each phrase checks every person's roles: read each span once (a long text has thousands)
            if (start, end) not in offices:
                offices[start, end] = self.office_of(doc, start, end, derivations)
            return offices[start, end]

        # the offices the text gives named people (rule 3), and each entity's role starts, read once and
        # kept up to date: asking every person's roles for every phrase grows with the square of the text
        claimed: dict[tuple[str, str], list[str | None]] = {}
        for e in entities:
            if e.type == "PER":
                for r in e.roles:
                    parsed_role = office_at(r.start, r.end)
                    if parsed_role is not None:
                        claimed.setdefault(parsed_role, []).append(e.kb_id)
        starts: dict[str, set[int]] = {}
        touched: dict[str, Entity] = {}
        for span in phrases:
            if not self._names_one_holder(doc, span):
                continue
            parsed = office_at(span.start_char, span.end_char)
            if parsed is None:
                continue
            holders = self.kb.holders(iso, office=parsed[0], of=parsed[1])
            if len(holders) != 1:
                continue
            holder = holders[0]
            if any(kb_id != holder.id for kb_id in claimed.get(parsed, ())):
                continue
            target = next((e for e in entities if e.kb_id == holder.id), None)
            if target is None:
                target = Entity(id=f"e{len(entities) + 1}", type="PER", name=holder.name("en"), kb_id=holder.id)
                entities.append(target)
            own = starts.setdefault(target.id, {r.start for r in target.roles})
            if span.start_char not in own:
                own.add(span.start_char)
                target.roles.append(Role(title=span.text, start=span.start_char, end=span.end_char))
                touched[target.id] = target
                claimed.setdefault(parsed, []).append(target.kb_id)
        for target in touched.values():
            target.roles.sort(key=lambda r: r.start)
        doc._.entities = entities


def _other_given_name(name: str, candidate: KBEntity) -> bool:
    """Whether a full name differs from every full name of a KB person in its first word: ``Eurico
    Guterres``, mentioned as ``Guterres``, is not ``António Guterres``, whom the KB knows by that surname."""
    words = name_key(name).split()
    if candidate.type != "PER" or len(words) < 2:
        return False
    full = [name_key(n).split() for group in (candidate.names, candidate.aliases) for ns in group.values() for n in ns]
    full = [w for w in full if len(w) >= 2]
    first = words[0]
    # an initial ("A. Schmidt") agrees with every given name it begins
    return bool(full) and all(w[0] != first and not (len(first) == 1 and w[0].startswith(first)) for w in full)


@lru_cache(maxsize=8)
def linker_for(lang: str, spec: str = "starter") -> ArticleLinker:
    """The linker of a language and KB (see :func:`load_kb`), built once per process."""
    return ArticleLinker(load_kb(spec), lang)
