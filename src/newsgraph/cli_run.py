"""What ``newsgraph extract`` and ``newsgraph ingest`` share: one grammar, one per-article loop, one report.

Both commands read the same inputs (:func:`newsgraph.ingest.read_inputs`), take the same article options
(:data:`LANG_OPTION`, :data:`PUBLISHED_OPTION`, :data:`MODE_OPTION`, :data:`FORMAT_OPTION`,
:data:`ENCODING_OPTION`, :data:`ERRORS_OPTION`), and run every article through :func:`extract_records`,
which isolates it: an article that cannot be read or extracted is reported on stderr (one line), written
to ``--errors FILE`` (:class:`RunLog`) and counted, and the run goes on. The exit code is the same in
both (:data:`EXIT_SOME_FAILED` when anything failed). Keeping this in one module is what keeps the two
commands from drifting apart again; a parallel ``--workers`` belongs in :func:`extract_records` too.

Only typer and rich are imported here; spaCy (``newsgraph.api``) loads when the first article arrives.
"""

from __future__ import annotations

import codecs
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from .ingest import Article, IngestError, IngestOptions
    from .record import Record

#: exit codes, the same for every command: all processed / some inputs failed / the command could not run
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

#: articles the in-process loop of :func:`extract_records` hands to :meth:`Extractor.batch` at once (one
#: ``nlp.pipe`` run; records are written as each such batch is done)
BATCH_ARTICLES = 64


class Lang(StrEnum):
    de = "de"
    en = "en"


class Mode(StrEnum):
    fast = "fast"
    accurate = "accurate"


class InputFormatChoice(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"


# --- untrusted text ----------------------------------------------------------------------------

#: control characters (except newline and tab) and bidi embeddings/overrides/isolates: one-for-one
#: replacements keep every character offset valid for highlighting
_UNSAFE = {
    **{c: "\ufffd" for c in range(32) if c not in (9, 10)},
    9: " ",
    127: "\ufffd",
    **{c: "\ufffd" for c in range(0x80, 0xA0)},
    **{c: "\ufffd" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}


def safe(value: object) -> str:
    """``value`` as a string that cannot control the terminal; same length as ``str(value)``."""
    return str(value).translate(_UNSAFE)


def report(console: Console, item: IngestError | str, *, warning: bool = False) -> None:
    """One line on stderr: ``error: <where>: <problem>`` (or ``warning: ...``)."""
    label, style = ("warning: ", "yellow") if warning else ("error: ", "bold red")
    console.print(Text.assemble((label, style), safe(item)), soft_wrap=True)


# --- options -----------------------------------------------------------------------------------


def check_date(value: str | None) -> str | None:
    """``--published``: an ISO date, or a partial one (``YYYY-MM``, ``YYYY``)."""
    if value is None:
        return None
    from .timex.reference import normalise_published

    try:
        return normalise_published(value)
    except ValueError as err:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD (or YYYY-MM, YYYY)") from err


def check_encoding(value: str | None) -> str | None:
    """``--encoding``: a codec Python knows, by its canonical name."""
    if value is None:
        return None
    try:
        return codecs.lookup(value).name
    except LookupError as err:
        raise typer.BadParameter(f"unknown encoding {value!r}") from err


LANG_OPTION: Any = typer.Option(
    None, "--lang", help="Language of articles that do not state theirs (instead of detecting it)."
)
PUBLISHED_OPTION: Any = typer.Option(
    None,
    "--published",
    callback=check_date,
    help="Publication date (YYYY-MM-DD; YYYY-MM or YYYY when only that is known) for articles that do not "
    "state their own.",
)
MODE_OPTION: Any = typer.Option(Mode.fast, "--mode", help="Pipeline mode: fast, or accurate (the transformer).")
FORMAT_OPTION: Any = typer.Option(
    InputFormatChoice.auto, "--format", help="Read every input as this format (auto: by extension and content)."
)
ENCODING_OPTION: Any = typer.Option(
    None,
    "--encoding",
    callback=check_encoding,
    help="Decode text that is not UTF-8 with this encoding (e.g. cp1252; each use is reported) instead of "
    "failing.",
)
ERRORS_OPTION: Any = typer.Option(
    None,
    "--errors",
    dir_okay=False,
    help="Also write every problem (failed and skipped inputs, warnings) to this file, as JSON Lines.",
)


def ingest_options(lang: Lang | str | None, published: str | None, input_format: InputFormatChoice | str,
                   encoding: str | None) -> IngestOptions:
    """The readers' options from the shared command-line options."""
    from .ingest import IngestOptions

    return IngestOptions(
        language=str(lang.value if isinstance(lang, Lang) else lang) if lang else None,
        published=published,
        input_format=str(getattr(input_format, "value", input_format)),  # type: ignore[arg-type]
        fallback_encoding=encoding,
    )


# --- the run's problems ------------------------------------------------------------------------


@dataclass
class RunLog:
    """Every problem of a run: one line on stderr each, one JSON object per line in ``--errors FILE``, and
    the counts the summary and the exit code come from.

    ``failed``: inputs (or articles) that produced no record; ``skipped``: inputs deliberately not read
    (a file of a foreign kind in a folder); ``warnings``: anything else worth saying (a fallback decoding,
    an unknown JSON Lines field, a placeholder date). ``pending`` keeps the rows not yet handed to a store.
    """

    console: Console
    sink: IO[str] | None = None
    failed: int = 0
    skipped: int = 0
    warnings: int = 0
    pending: list[dict[str, Any]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def open(cls, console: Console, path: Path | None) -> RunLog:
        """A log writing to ``path`` too (exit code 2 when it cannot be written)."""
        if path is None:
            return cls(console)
        try:
            return cls(console, path.open("w", encoding="utf-8"))
        except OSError as error:
            report(console, f"{path}: cannot be written: {error.strerror or error}")
            raise typer.Exit(EXIT_USAGE) from error

    def close(self) -> None:
        if self.sink is not None:
            self.sink.close()
            self.sink = None

    def add(self, where: str, message: str, *, kind: str, stage: str, severity: str = "error",
            record_id: str | None = None, article_key: str | None = None, echo: bool = True) -> None:
        """Report one problem (``where``: ``path`` or ``path:line``)."""
        if severity == "warning":
            if kind == "unsupported_type":
                self.skipped += 1
            else:
                self.warnings += 1
        else:
            self.failed += 1
        if echo:
            report(self.console, f"{where}: {message}", warning=severity == "warning")
        row = {"input": where, "article_key": article_key, "record_id": record_id, "stage": stage, "kind": kind,
               "severity": severity, "message": message}
        self.pending.append(row)
        self.rows.append(row)
        if self.sink is not None:
            self.sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            self.sink.flush()

    def add_input_error(self, item: IngestError) -> None:
        """A problem the readers found (stage ``read``)."""
        self.add(item.where, item.message, kind=item.kind, stage="read", severity=item.severity)

    def drain(self) -> list[dict[str, Any]]:
        """The rows added since the last call (for a store's errors table)."""
        rows, self.pending = self.pending, []
        return rows

    def tail(self) -> str:
        """The summary's end: ``, 1 failed, 2 inputs skipped, 3 warnings`` (only what happened)."""
        parts = [f", {self.failed} failed"]
        if self.skipped:
            parts.append(f", {self.skipped} input{'s' * (self.skipped != 1)} skipped")
        if self.warnings:
            parts.append(f", {self.warnings} warning{'s' * (self.warnings != 1)}")
        return "".join(parts)


# --- the per-article loop ----------------------------------------------------------------------


def read_articles(inputs: Iterable[str | Path], options: IngestOptions, log: RunLog) -> Iterator[Article]:
    """The articles of ``inputs``; every input problem goes to ``log`` and reading goes on."""
    from .ingest import Article, read_inputs

    for item in read_inputs(inputs, options=options):
        if isinstance(item, Article):
            yield item
        else:
            log.add_input_error(item)


class Extractor:
    """Runs the pipeline on one article at a time; a failure is logged and gives None, never an exception.

    Pipelines load on first use per language (or up front with :meth:`preload`). A problem the user can fix
    for the whole run (an unavailable mode) ends the run with exit code 2; a pipeline that fails to load for
    one language fails that language's articles only.
    """

    def __init__(self, mode: str, log: RunLog) -> None:
        self.mode = mode
        self.log = log
        self.broken: dict[str, str] = {}
        self.loaded: set[str] = set()
        #: seconds spent extracting (pipelines loading included)
        self.seconds = 0.0

    def preload(self, languages: Iterable[str]) -> None:
        for lang in sorted(set(languages)):
            with self.log.console.status(f"loading the {lang} pipeline"):
                self._load(lang)

    def _load(self, lang: str) -> None:
        from .api import NewsgraphError, pipeline_for

        if lang in self.loaded or lang in self.broken:
            return
        try:
            pipeline_for(lang, self.mode)
        except NewsgraphError as error:
            report(self.log.console, error)
            raise typer.Exit(EXIT_USAGE) from error
        except Exception as error:  # a broken layer for one language must not stop the others
            self.broken[lang] = f"the {lang} pipeline could not be loaded ({type(error).__name__}: {error})"
            report(self.log.console, f"cannot load the {lang} pipeline: {type(error).__name__}: {error}")
            return
        self.loaded.add(lang)

    def __call__(self, article: Article) -> Record | None:
        """The record of ``article``, or None after logging why there is none."""
        start = time.perf_counter()
        try:
            return self._extract(article)
        finally:
            self.seconds += time.perf_counter() - start

    def _extract(self, article: Article) -> Record | None:
        from .scale.worker import record_of

        self._load(article.language)
        if article.language in self.broken:
            self.log.add(article.where, f"not processed: {self.broken[article.language]}", kind="pipeline",
                         stage="extract", record_id=article.id)
            return None
        try:
            record = record_of(article, self.mode)
        except typer.Exit:
            raise
        except Exception as error:  # one article's failure must not end the run
            self.log.add(article.where, f"extraction failed: {type(error).__name__}: {error}",
                         kind=type(error).__name__, stage="extract", record_id=article.id)
            return None
        return self._checked(article, record)

    def _checked(self, article: Article, record: Record) -> Record | None:
        problems = record.span_errors()
        if problems:
            self.log.add(article.where, f"record not written, {len(problems)} span(s) off: {problems[0]}",
                         kind="span_errors", stage="extract", record_id=article.id)
            return None
        return record

    def batch(self, articles: list[Article]) -> list[Record | None]:
        """The records of ``articles`` (None for each that failed, logged), with the statistical layers run
        in ``nlp.pipe`` batches (:func:`newsgraph.api.extract_batch`): the same records as one at a time,
        about twice as fast on a folder or a JSON Lines file of articles."""
        from .api import extract_batch

        start = time.perf_counter()
        try:
            for lang in {article.language for article in articles}:
                self._load(lang)
            todo = [a for a in articles if a.language not in self.broken]
            outcomes = iter(extract_batch([_arguments(a) for a in todo], mode=self.mode)) if todo else iter(())
            records: list[Record | None] = []
            for article in articles:
                if article.language in self.broken:
                    self.log.add(article.where, f"not processed: {self.broken[article.language]}",
                                 kind="pipeline", stage="extract", record_id=article.id)
                    records.append(None)
                    continue
                outcome = next(outcomes)
                if isinstance(outcome, Exception):
                    self.log.add(article.where, f"extraction failed: {type(outcome).__name__}: {outcome}",
                                 kind=type(outcome).__name__, stage="extract", record_id=article.id)
                    records.append(None)
                else:
                    records.append(self._checked(article, outcome))
            return records
        finally:
            self.seconds += time.perf_counter() - start


def _arguments(article: Article) -> dict[str, Any]:
    """:func:`newsgraph.extract`'s keyword arguments for an article as the readers give it (as
    :func:`newsgraph.scale.worker.record_of` maps them)."""
    return {"text": article.text, "lang": article.language, "published": article.published,
            "title": article.title, "url": article.url, "source": article.source, "id": article.id}


def extract_records(
    articles: Iterable[Article], extractor: Extractor, *, workers: int | None = 1, cluster: str | None = None
) -> Iterator[tuple[Article, Record | None]]:
    """``(article, record)`` for every article, in input order; the record is None for an article that
    failed (logged with its reason). The one loop both commands run over articles.

    ``workers`` processes (``None``: all cores) or a Dask ``cluster`` extract through
    :func:`newsgraph.scale.extract_many`; a run that would use one worker (``--workers 1``, or too few
    articles for more) runs here, in this process, with ``extractor``.
    """
    import itertools

    from .scale import MIN_ARTICLES_PER_WORKER, Failure, extract_many, plan_workers

    iterator = iter(articles)
    head: list[Article] = []
    if cluster is None:
        wanted = plan_workers(workers, 1 << 62)
        head = list(itertools.islice(iterator, wanted * MIN_ARTICLES_PER_WORKER))
        if plan_workers(wanted, len(head)) == 1:
            rest = itertools.chain(head, iterator)
            while chunk := list(itertools.islice(rest, BATCH_ARTICLES)):
                yield from zip(chunk, extractor.batch(chunk), strict=True)
            return
    from .api import NewsgraphError

    start = time.perf_counter()
    try:
        for article, outcome in extract_many(
            itertools.chain(head, iterator), mode=extractor.mode, workers=workers, cluster=cluster
        ):
            extractor.seconds = time.perf_counter() - start
            if isinstance(outcome, Failure):
                extractor.log.add(article.where, outcome.message, kind=outcome.kind, stage="extract",
                                  record_id=article.id)
                yield article, None
            else:
                yield article, outcome
    except NewsgraphError as error:  # the whole run's problem (an unreachable cluster, a missing extra)
        report(extractor.log.console, error)
        raise typer.Exit(EXIT_USAGE) from error


# --- help texts --------------------------------------------------------------------------------


def _tidy_help() -> None:
    """Help without value types where no value is taken: typer 0.2x prints ``--json <bool>`` (as if the flag
    took a value) and ``INPUT <list[str]>`` beside an argument whose metavar already says what it is."""
    from typer.core import TyperArgument, TyperOption

    if getattr(TyperOption.display_type_rich, "_newsgraph", False):
        return
    option_type, argument_type = TyperOption.display_type_rich, TyperArgument.display_type_rich

    def option(self: Any, ctx: Any) -> str | None:
        return None if self.is_flag else option_type(self, ctx)

    def argument(self: Any, ctx: Any) -> str | None:
        return None if self.metavar is not None else argument_type(self, ctx)

    option._newsgraph = argument._newsgraph = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = option  # type: ignore[method-assign]
    TyperArgument.display_type_rich = argument  # type: ignore[method-assign]


_tidy_help()
