"""Shared fixtures: paths to the project's own fixtures and, when present, ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = SHARED / "seeds" / "000_3ce0922dc01b3103.txt"
SEED_GOLD = SHARED / "gold" / "000_3ce0922dc01b3103.gold.json"

#: the 15 WikiNews gold articles of the first development round: the thresholds of the per-layer dev
#: tests were measured on these. The 32 added later (tune and check split, shared/gold/splits.json)
#: are measured by the benchmarks, where a layer's figure on them is reported, not asserted.
FIRST_WIKINEWS = (
    "wn-12953-kueng-besucht-papst", "wn-13246-eu-aussenminister-krisentreffen", "wn-18592-indonesien-timor-leste",
    "wn-23333-eu-verteidigungsminister-kongo", "wn-27811-usa-iran-gespraeche", "wn-33184-nasa-chef-besucht-china",
    "wn-49225-sarkozy-staatsbesuch-uk", "wn-50736-obama-clinton-treffen", "wn-6439-eu-gipfel-scheitert",
    "wn-64651-eu-haushalt-verhandlungen", "wn-64872-wulff-peres-gespraech", "wn-71772-serbien-kosovo-einigung",
    "wn-72173-gauck-besucht-polen", "wn-77429-afghanistan-machtteilung", "wn-83502-italien-koalition",
)


def first_wikinews_gold() -> list[Path]:
    """The gold files of :data:`FIRST_WIKINEWS` (empty without ../shared)."""
    folder = SHARED / "gold" / "wikinews"
    return [folder / f"{stem}.gold.json" for stem in FIRST_WIKINEWS if (folder / f"{stem}.gold.json").exists()]


needs_shared = pytest.mark.skipif(
    not SHARED.exists(), reason="../shared (gold files and datasets) is not beside this clone"
)


@pytest.fixture(scope="session")
def nlp_de():
    import newsgraph

    return newsgraph.load("de")


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seeds is not beside this clone")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_record(seed_text):
    import newsgraph

    return newsgraph.extract(seed_text, lang="de")
