"""``newsgraph.load(lang, mode="accurate")``: the fast pipeline with its NER swapped for the e5 tagger."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language

from . import AccurateModeUnavailable, require_extra


def load_accurate(
    lang: str,
    *,
    base: str | Path | None = None,
    exclude: tuple[str, ...] | list[str] = (),
    config: dict[str, dict[str, Any]] | None = None,
) -> Language:
    """The newsgraph pipeline whose entity mentions come from the fine-tuned e5 encoder.

    Everything else (tokeniser, sentence splitting, lemmas, the newsgraph layers) is the fast
    pipeline's, so the two modes differ only in NER and can be compared on equal terms.
    """
    from ..api import NewsgraphError, load

    try:
        require_extra()
    except AccurateModeUnavailable as err:
        raise NewsgraphError(str(err)) from err
    from .component import ACCURATE_NER
    from .ner import available_languages

    if lang not in available_languages():
        raise NewsgraphError(
            f"the accurate mode has no trained NER for {lang!r} yet (available: {', '.join(available_languages())})"
        )
    nlp = load(lang, mode="fast", base=base, exclude=exclude, config=config)
    ner_config = {"lang": lang, **(config or {}).get(ACCURATE_NER, {})}
    if nlp.has_pipe("ner"):
        nlp.remove_pipe("ner")
    # after sentence splitting (the tagger encodes whole sentences), before the newsgraph layers
    first_layer = next((n for n in nlp.pipe_names if n.startswith("newsgraph_")), None)
    nlp.add_pipe(ACCURATE_NER, name="ner", config=ner_config, before=first_layer)
    # a shared tok2vec that only the statistical NER listened to is now dead weight
    if nlp.has_pipe("tok2vec") and not any(nlp.get_pipe("tok2vec").listener_map.values()):
        nlp.remove_pipe("tok2vec")
    return nlp
