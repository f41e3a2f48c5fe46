"""The committed OpenAPI document (``schema/openapi.json``), produced from the app itself.

Why commit it: API clients and reviewers read the contract without starting a server, and a test
(``tests/test_web_api.py``) fails when the app and the committed file drift apart. Regenerate with::

    .venv/bin/python -m newsgraph.web.openapi
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OPENAPI_FILE = Path(__file__).resolve().parents[3] / "schema" / "openapi.json"


def openapi_document() -> dict[str, Any]:
    """The app's OpenAPI document (no store needed)."""
    from .app import create_app

    return create_app().openapi()


def render() -> str:
    """The document as committed: sorted keys are left as FastAPI orders them, 2-space indent, final newline."""
    return json.dumps(openapi_document(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else OPENAPI_FILE
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
