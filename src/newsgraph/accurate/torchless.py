"""Keep the fast mode torch-free even where the ``accurate`` extra has installed torch.

Why: thinc (spaCy's ML library) probes ``import torch`` when it is first imported, for its optional
PyTorch wrappers, which newsgraph's fast pipeline never uses. With torch installed that probe alone
costs seconds and ~250 MB on every start of the fast mode. Importing this module before spaCy hides
torch from that one probe (thinc then reports ``has_torch = False``) and makes it importable again
right after, so the accurate mode imports it normally. If torch or thinc is already loaded, nothing
is changed.
"""

from __future__ import annotations

import sys


def import_spacy_without_torch() -> None:
    """Import spaCy (and so thinc) while ``import torch`` fails, then undo that."""
    if "thinc" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        import spacy  # noqa: F401
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


import_spacy_without_torch()
