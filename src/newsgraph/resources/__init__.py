"""Language knowledge as data: word lists, gazetteers, cue verbs, patterns, per language.

Files live in ``resources/<lang>/`` as TOML (hand-written, commented) or JSON (generated, large).
Code is shared across languages; only these files differ.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

RESOURCE_DIR = Path(__file__).resolve().parent


class ResourceNotFound(FileNotFoundError):
    """No data file of that name for that language."""


def resource_path(lang: str, name: str) -> Path:
    """The path of ``resources/<lang>/<name>.toml`` or ``.json`` (TOML preferred)."""
    for suffix in (".toml", ".json"):
        path = RESOURCE_DIR / lang / f"{name}{suffix}"
        if path.exists():
            return path
    raise ResourceNotFound(f"no resource {name!r} for language {lang!r} in {RESOURCE_DIR / lang}")


@cache
def load_resource(lang: str, name: str) -> Any:
    """Parse a resource file once and cache it (the data are read-only)."""
    path = resource_path(lang, name)
    if path.suffix == ".toml":
        with path.open("rb") as fh:
            return tomllib.load(fh)
    return json.loads(path.read_text(encoding="utf-8"))


def has_resource(lang: str, name: str) -> bool:
    """Whether a language has a data file of that name."""
    try:
        resource_path(lang, name)
    except ResourceNotFound:
        return False
    return True
