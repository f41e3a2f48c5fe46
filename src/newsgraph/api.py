"""``load`` and ``extract``: the public Python API.

``load`` assembles a spaCy pipeline: a *base* pipeline that provides the tokenizer and the
statistical layers (by default the German model trained by ``training/`` and shipped in
``newsgraph/models/``; any spaCy pipeline with a PER/ORG/LOC/MISC NER, such as ``de_core_news_lg``,
can replace it), followed by the newsgraph layers. Each layer is an ordinary spaCy component, so it
can be disabled, reconfigured or replaced like any other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

# before spaCy: keeps the fast mode torch-free where the accurate extra installed torch
from .accurate import torchless  # noqa: F401

# isort: split
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController

from . import pipeline as _pipeline  # noqa: F401  (registers factories and Doc extensions)
from .convert import doc_to_record
from .ingest.article import text_id
from .ingest.language import SUPPORTED_LANGUAGES
from .pipeline.attributes import use_attribute_table
from .pipeline.tokenizer import GuardedTokenizer, split_year_full_stops
from .record import Record
from .timex.reference import normalise_published

MODEL_DIR = Path(__file__).resolve().parent / "models"

#: the newsgraph layers, in the order they run
LAYERS = ("newsgraph_entities", "newsgraph_times", "newsgraph_quotes", "newsgraph_events")

MODES = ("fast", "accurate")

#: texts up to this many characters run through the pipeline whole (every ordinary article); longer
#: ones are cut into sections of at most this size for the statistical layers (see :func:`process`)
SECTION_CHARS = 100_000

#: where a section may end, best first: after a blank line, a line break, a sentence, any space
_SECTION_BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"(?<=[.!?])\s+"),
    re.compile(r"\s+"),
)

_SURROGATE = re.compile("[\ud800-\udfff]")


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
        numpy_matrix_products(nlp)
        use_attribute_table(nlp)  # the English base's tag → POS/morphology rules, same output, faster
    else:
        nlp = spacy.blank(lang)
    if lang == "de":
        split_year_full_stops(getattr(nlp.tokenizer, "tokenizer", nlp.tokenizer))
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


def numpy_matrix_products(nlp: Language) -> None:
    """Let the statistical layers multiply matrices with numpy's BLAS (OpenBLAS) instead of BLIS.

    thinc's CPU backend sends every ``gemm`` through the BLIS kernels of the ``blis`` package; for the
    small matrices of spaCy's CNN models (a batch of tokens times 96 x 288..1536 weights) numpy's
    OpenBLAS is about three times faster on the machines measured (``benchmarks/bench_speed_english.py``),
    which makes the whole statistical base about 40 % faster. Same arithmetic, another library: the
    records of every gold text are identical (``benchmarks/compare_records.py``). Only plain
    ``NumpyOps`` are replaced (not a GPU's or torch's). :func:`process` keeps numpy's BLAS to one
    thread while it runs, as spaCy's CPU models are meant to run.
    """
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                if type(node.ops) is NumpyOps:
                    node.ops = ops


@lru_cache(maxsize=1)
def _blas_threads() -> ThreadpoolController:
    return ThreadpoolController()


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


def split_sections(text: str, size: int = SECTION_CHARS) -> list[str]:
    """Consecutive pieces of ``text`` of at most ``size`` characters that join back into it.

    A piece ends after the last blank line of its second half, else the last line break, sentence
    end or space there, so that sentences and paragraphs stay whole; only a text with none of these
    (one giant token) is cut blindly.
    """
    if size < 2:
        raise ValueError("a section needs at least two characters")
    sections: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = end
        for pattern in _SECTION_BREAKS:
            last = None
            for last in pattern.finditer(text, start + size // 2, end):  # noqa: B007 (the last one is wanted)
                pass
            if last is not None:
                cut = last.end()
                break
        sections.append(text[start:cut])
        start = cut
    sections.append(text[start:])
    return sections


def process(
    nlp: Language, text: str, *, published: str | None = None, title: str | None = None, url: str | None = None
) -> Doc:
    """Run ``nlp`` over ``text`` with the article's metadata on the ``Doc``; any length.

    A text of up to :data:`SECTION_CHARS` characters goes through the pipeline whole. A longer one is
    cut by :func:`split_sections`; the statistical layers (tokenizer, tok2vec, tagger, parser, NER:
    everything before the first newsgraph layer) run per section, which bounds their memory and
    avoids spaCy's length limit (E088), and the sections are joined into one ``Doc`` of the whole
    text before the newsgraph layers run, so that entity clustering, the reference date, quotes and
    events see the whole article and every offset is relative to the whole text.
    """
    # one BLAS thread: several threads on matrices this small cost more in hand-offs than they
    # save, and on a busy machine they wait for cores (about 20x slower gemm measured at load 8)
    with _blas_threads().limit(limits=1, user_api="blas"):
        return _process(nlp, text, published=published, title=title, url=url)


def _process(nlp: Language, text: str, *, published: str | None, title: str | None, url: str | None) -> Doc:
    if len(text) <= SECTION_CHARS:
        doc = nlp.make_doc(text)
        doc._.published = published
        doc._.title = title
        doc._.url = url
        return nlp(doc)
    names = [name for name, _ in nlp.pipeline]
    first_layer = next((n for n, name in enumerate(names) if name.startswith("newsgraph_")), len(names))
    statistical, layers = nlp.pipeline[:first_layer], nlp.pipeline[first_layer:]
    docs = []
    for section in split_sections(text, SECTION_CHARS):
        part = nlp.make_doc(section)
        for _, component in statistical:
            part = component(part)
        docs.append(part)
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0) != len(text):
        # cannot happen (each section's Doc holds its text exactly), but text must never be lost silently
        raise NewsgraphError("internal error: the sections of the text did not join back into it")
    doc._.published = published
    doc._.title = title
    doc._.url = url
    for _, component in layers:
        doc = component(doc)
    return doc


def _check_text(name: str, value: object, *, optional: bool = True) -> None:
    """A clear error for a metadata or text argument that is not a valid Python/Unicode string."""
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise NewsgraphError(f"{name} must be a str{' or None' if optional else ''}, not {type(value).__name__}")
    bad = _SURROGATE.search(value)
    if bad is not None:
        raise NewsgraphError(
            f"{name} contains a lone surrogate (U+{ord(bad.group()):04X}) at character {bad.start()}, which is not "
            "valid Unicode; decode the input with errors='replace' (or fix its encoding) first"
        )


def _checked_arguments(
    text: str,
    *,
    lang: str | None,
    published: str | dt.date | None,
    title: str | None,
    url: str | None,
    source: str | None,
    id: str | None,
    mode: str,
) -> tuple[str, str | None]:
    """The article's language (detected when not given) and ISO publication date, after checking every
    argument of :func:`extract`; a bad one raises :class:`NewsgraphError` with the reason."""
    _check_text("text", text, optional=False)
    _check_text("mode", mode, optional=False)
    if not text.strip():
        raise NewsgraphError("text is empty or only whitespace: there is nothing to extract")
    for name, value in (("title", title), ("url", url), ("source", source), ("id", id), ("lang", lang)):
        _check_text(name, value)
    if lang is None:
        from .ingest.language import detect_language

        lang = detect_language(text)
        if lang == "und":
            raise NewsgraphError(
                "cannot tell the language of the text (too little of it is words in a known language); "
                f"pass lang= (one of {', '.join(SUPPORTED_LANGUAGES)})"
            )
        if lang not in SUPPORTED_LANGUAGES:
            raise NewsgraphError(
                f"the text looks like language {lang!r}; newsgraph supports {', '.join(SUPPORTED_LANGUAGES)} "
                "(pass lang= to process it anyway as one of these)"
            )
    if published is not None and not isinstance(published, (str, dt.date)):
        raise NewsgraphError(f"published must be an ISO date string or a date, not {type(published).__name__}")
    if isinstance(published, str):
        _check_text("published", published)
    published_iso = _iso_date(published)
    return lang, published_iso


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

    Any length is accepted: texts longer than :data:`SECTION_CHARS` are processed in sections
    (:func:`process`). Bad input raises :class:`NewsgraphError` with the reason: a ``text`` that is
    not a ``str``, is empty or only whitespace (there is nothing to extract, and ingestion treats
    such an article as an error too), or holds lone surrogates; metadata of the wrong type; a
    ``published`` that is not an ISO date; a language that cannot be detected or is not supported.
    """
    lang, published_iso = _checked_arguments(
        text, lang=lang, published=published, title=title, url=url, source=source, id=id, mode=mode
    )
    if nlp is None:
        nlp = pipeline_for(lang, mode)
    doc = process(nlp, text, published=published_iso, title=title, url=url)
    return doc_to_record(
        doc,
        id=id or record_id(text),
        language=lang,
        title=title,
        url=url,
        source=source,
        published=published_iso,
    )


#: articles per ``nlp.pipe`` batch in :func:`extract_batch`: the statistical layers run about twice as
#: fast on a batch as one document at a time (``benchmarks/bench_speed_english.py``); more than a few
#: dozen articles gain nothing more and only hold more memory
BATCH_SIZE = 64


def extract_batch(
    articles: Sequence[Mapping[str, Any]], *, mode: str = "fast", batch_size: int = BATCH_SIZE
) -> list[Record | Exception]:
    """:func:`extract` over many articles at once, with the statistical layers run in ``nlp.pipe`` batches.

    Each item holds :func:`extract`'s keyword arguments (``text``, and optionally ``lang``, ``published``,
    ``title``, ``url``, ``source``, ``id``). The result has one entry per item, in order: its
    :class:`Record`, exactly as :func:`extract` gives it, or the exception :func:`extract` would have
    raised for it, so that one bad article fails alone (a batch that breaks is run again one article
    at a time). Articles are grouped by language; texts longer than :data:`SECTION_CHARS` go through
    :func:`process` on their own. Why: a CLI run over a folder or a JSON Lines file otherwise pays the
    one-document-at-a-time rate, about half of what the same pipeline does in batches.
    """
    results: list[Record | Exception | None] = [None] * len(articles)
    groups: dict[str, list[tuple[int, str | None]]] = {}
    for n, item in enumerate(articles):
        try:
            text = item["text"]
            lang, published_iso = _checked_arguments(
                text,
                lang=item.get("lang"),
                published=item.get("published"),
                title=item.get("title"),
                url=item.get("url"),
                source=item.get("source"),
                id=item.get("id"),
                mode=mode,
            )
            if len(text) > SECTION_CHARS:
                results[n] = extract(**item, mode=mode)
            else:
                groups.setdefault(lang, []).append((n, published_iso))
        except Exception as error:  # handed back in the article's place
            results[n] = error
    for lang, members in groups.items():
        try:
            nlp = pipeline_for(lang, mode)
        except Exception as error:  # every article of this language fails with it
            for n, _ in members:
                results[n] = error
            continue
        _records_in_batches(nlp, lang, articles, members, results, batch_size)
    return [r if r is not None else NewsgraphError("internal error: no record") for r in results]


def _records_in_batches(
    nlp: Language,
    lang: str,
    articles: Sequence[Mapping[str, Any]],
    members: list[tuple[int, str | None]],
    results: list[Record | Exception | None],
    batch_size: int,
) -> None:
    """Fill ``results`` for the ``members`` (index, ISO date) of one language through ``nlp.pipe``."""

    def doc_of(n: int, published_iso: str | None) -> Doc:
        item = articles[n]
        doc = nlp.make_doc(item["text"])
        doc._.published = published_iso
        doc._.title = item.get("title")
        doc._.url = item.get("url")
        return doc

    def record_of(n: int, published_iso: str | None, doc: Doc) -> Record:
        item = articles[n]
        return doc_to_record(
            doc,
            id=item.get("id") or record_id(item["text"]),
            language=lang,
            title=item.get("title"),
            url=item.get("url"),
            source=item.get("source"),
            published=published_iso,
        )

    try:
        with _blas_threads().limit(limits=1, user_api="blas"):
            docs = nlp.pipe((doc_of(n, p) for n, p in members), batch_size=batch_size)
            for (n, published_iso), doc in zip(members, docs, strict=True):
                results[n] = record_of(n, published_iso, doc)
    except Exception:  # one article broke the batch: the rest run alone, so only it fails
        for n, _ in members:
            if results[n] is None:
                try:
                    results[n] = extract(**{**articles[n], "lang": lang}, nlp=nlp)
                except Exception as error:
                    results[n] = error
