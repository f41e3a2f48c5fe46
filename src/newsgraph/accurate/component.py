"""Registration of the ``newsgraph_accurate_ner`` factory, kept free of torch.

Why a module of its own: spaCy loads *every* ``spacy_factories`` entry point when it looks up any
factory, so whatever module the entry point names is imported by the fast pipeline too. This one
imports only spaCy; the tagger (and torch) load when the component is actually created.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:  # pragma: no cover
    from .ner import AccurateNER

ACCURATE_NER = "newsgraph_accurate_ner"


@Language.factory(
    ACCURATE_NER,
    default_config={"lang": "de", "batch_size": 16, "threads": 0},
    assigns=["doc.ents"],
)
def make_accurate_ner(nlp: Language, name: str, lang: str, batch_size: int, threads: int) -> AccurateNER:
    """The e5 tagger as a pipeline component; the model loads on first use (``threads`` 0: leave torch's)."""
    from . import require_extra

    require_extra()
    from .ner import AccurateNER

    return AccurateNER(nlp, name, lang, batch_size, threads)
