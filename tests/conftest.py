"""Shared fixtures: paths to the project's own fixtures and, when present, ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = SHARED / "seeds" / "000_3ce0922dc01b3103.txt"
SEED_GOLD = SHARED / "gold" / "000_3ce0922dc01b3103.gold.json"

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
