"""``load`` and ``extract``: the public Python API.

``load`` assembles a spaCy pipeline: a *base* pipeline that provides the tokenizer and the
statistical layers (by default the German model trained by ``training/`` and shipped in
``newsgraph/models/``; any spaCy pipeline with a PER/ORG/LOC/MISC NER, such as ``de_core_news_lg``,
can replace it), followed by the newsgraph layers. Each layer is an ordinary spaCy component, so it
can be disabled, reconfigured or replaced like any other.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

# before spaCy: keeps the fast mode torch-free where the accurate extra installed torch
from .accurate import torchless  # noqa: F401

# isort: split
import spacy
from spacy.language import Language

from . import pipeline as _pipeline  # noqa: F401  (registers factories and Doc extensions)
from .convert import doc_to_record
from .ingest.article import text_id
from .ingest.language import SUPPORTED_LANGUAGES
from .pipeline.tokenizer import GuardedTokenizer
from .record import Record
from .timex.reference import normalise_published

MODEL_DIR = Path(__file__).resolve().parent / "models"

#: the newsgraph layers, in the order they run
LAYERS = ("newsgraph_entities", "newsgraph_times", "newsgraph_quotes", "newsgraph_events")

MODES = ("fast", "accurate")


class NewsgraphError(Exception):
    """A problem the user can fix (bad input, unsupported language, missing extra)."""


def default_base(lang: str) -> Path | None:
    """The shipped statistical pipeline for ``lang``, if one was trained and committed."""
    path = MODEL_DIR / f"{lang}_newsgraph"
    return path if (path / "config.cfg").exists() else None


def load(
    lang: str = "de",
    *,
    mode: str = "fast",
    base: str | Path | None = None,
    exclude: tuple[str, ...] | list[str] = (),
    config: dict[str, dict[str, Any]] | None = None,
) -> Language:
    """The full newsgraph pipeline for ``lang``.

    ``base`` names a spaCy pipeline (package name or path) to use for tokenisation and the
    statistical layers instead of the shipped one; ``exclude`` leaves out components by name;
    ``config`` maps a newsgraph layer's name to overrides of its factory config.
    ``doc.ents`` of the result are entity mentions labelled PER, ORG, LOC or MISC.
    """
    if lang not in SUPPORTED_LANGUAGES:
        raise NewsgraphError(f"unsupported language {lang!r}; newsgraph supports {', '.join(SUPPORTED_LANGUAGES)}")
    if mode not in MODES:
        raise NewsgraphError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
    if mode == "accurate":
        from .accurate.pipeline import load_accurate

        return load_accurate(lang, base=base, exclude=exclude, config=config)
    base_path = base if base is not None else default_base(lang)
    if base_path is not None:
        nlp = spacy.load(base_path, exclude=[n for n in exclude if n not in LAYERS])
    else:
        nlp = spacy.blank(lang)
    if not isinstance(nlp.tokenizer, GuardedTokenizer):
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
    if not any(nlp.has_pipe(n) for n in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer")
    overrides = config or {}
    for name in LAYERS:
        if name in exclude or nlp.has_pipe(name):
            continue
        nlp.add_pipe(name, config=overrides.get(name, {}))
    return nlp


@lru_cache(maxsize=8)
def pipeline_for(lang: str, mode: str = "fast") -> Language:
    """A cached :func:`load` result, shared by :func:`extract` calls."""
    return load(lang, mode=mode)


def _iso_date(value: str | dt.date | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return normalise_published(str(value))
    except ValueError as err:
        raise NewsgraphError(
            f"published date {value!r} is not an ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known)"
        ) from err


#: a stable id for an article without one (the same rule as ingestion's)
record_id = text_id


def extract(
    text: str,
    *,
    lang: str | None = None,
    published: str | dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    id: str | None = None,
    mode: str = "fast",
    nlp: Language | None = None,
) -> Record:
    """Run the pipeline over one article and return its :class:`Record`.

    ``lang`` is detected when not given; ``published`` (ISO date) anchors relative times. A partial
    publication date (``"2021-05"``, ``"2021"``: a feed or archive that knows only the month or the
    year) is accepted as a constraint on the reference date: the record keeps it as given in
    ``published``, and ``reference_date`` is a day inferred from the text inside it, else the partial
    date itself (see :mod:`newsgraph.pipeline.times`).
    """
    if not isinstance(text, str):
        raise NewsgraphError(f"text must be a str, not {type(text).__name__}")
    if lang is None:
        from .ingest.language import detect_language

        lang = detect_language(text)
    published_iso = _iso_date(published)
    if nlp is None:
        nlp = pipeline_for(lang, mode)
    doc = nlp.make_doc(text)
    doc._.published = published_iso
    doc._.title = title
    doc = nlp(doc)
    return doc_to_record(
        doc,
        id=id or record_id(text),
        language=lang,
        title=title,
        url=url,
        source=source,
        published=published_iso,
    )
