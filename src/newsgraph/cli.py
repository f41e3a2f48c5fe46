"""The ``newsgraph`` command line (typer + rich).

Commands: ``extract`` (articles to JSON Lines records), ``show`` (records, readably), ``eval`` (scores
against gold files). Exit codes, the same for every command:

- ``0``: every input was processed;
- ``1``: some inputs (files, JSON Lines lines, records, gold files) failed — each one is named on
  stderr in one line, the others were processed;
- ``2``: the command itself could not run (a bad option, an output file that cannot be written).

``extract`` and ``ingest`` (:mod:`newsgraph.store.cli`) share their article options, their per-article loop
and their report of problems (``--errors FILE``): :mod:`newsgraph.cli_run`.

Heavy libraries (spaCy via ``newsgraph.api``, trafilatura) are imported inside the commands, so that
``--help`` and ``--version`` answer quickly. Everything an input brings — article text, titles, file
names — is untrusted: it is printed as plain ``rich.text.Text`` (never parsed as markup) with control
and bidi-override characters replaced, so that an article cannot restyle or rewrite the terminal.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .cli_run import (
    ENCODING_OPTION,
    ERRORS_OPTION,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    FORMAT_OPTION,
    LANG_OPTION,
    MODE_OPTION,
    PUBLISHED_OPTION,
    Extractor,
    InputFormatChoice,
    Lang,
    Mode,
    RunLog,
    check_date,
    extract_records,
    ingest_options,
    read_articles,
    report,
    safe,
)
from .scale.options import CLUSTER_OPTION, WORKERS_OPTION

if TYPE_CHECKING:
    from .record import Record

__all__ = ["EXIT_OK", "EXIT_SOME_FAILED", "EXIT_USAGE", "InputFormatChoice", "Lang", "Mode", "app", "safe"]

app = typer.Typer(
    help="News articles to a verifiable record of who met whom, where, when, and who said what.",
    no_args_is_help=True,
    add_completion=False,
)

#: more documents than this get a progress bar
PROGRESS_MIN = 3

#: highlight styles in ``show``: entities by type, quotes, cues and times
ENTITY_STYLES = {"PER": "bold cyan", "ORG": "bold magenta", "LOC": "bold green", "MISC": "bold yellow"}
QUOTE_STYLE = "italic on grey23"
CUE_STYLE = "underline"
TIME_STYLE = "bold bright_red"


# --- untrusted text ----------------------------------------------------------------------------


def plain(value: object, style: str = "") -> Text:
    """Untrusted text for a table cell or a line: never read as rich markup."""
    return Text(safe(value) if value is not None else "", style=style)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _stdout() -> Console:
    return Console(highlight=False)


_report = report
_check_date = check_date  # the name the tests and older callers use


@contextmanager
def _progress(console: Console, total: int, description: str, *, enabled: bool = True) -> Iterator[Any]:
    """A progress bar on stderr when there are more than a few items and stderr is a terminal."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    show = enabled and total > PROGRESS_MIN and console.is_terminal
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not show,
    ) as progress:
        task = progress.add_task(description, total=total)
        yield lambda *_: progress.advance(task)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """News articles to a verifiable record of who met whom, where, when, and who said what.

    Exit codes: 0 all inputs processed; 1 some inputs failed (each named on stderr); 2 usage error.
    """


# --- extract -----------------------------------------------------------------------------------


@app.command()
def extract(
    inputs: list[str] = typer.Argument(
        ..., metavar="INPUT", help="Files (.txt, .html, .htm, .jsonl), folders (read recursively), or - for stdin."
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write the JSON Lines records here instead of stdout.", dir_okay=False
    ),
    published: str | None = PUBLISHED_OPTION,
    lang: Lang | None = LANG_OPTION,
    mode: Mode = MODE_OPTION,
    input_format: InputFormatChoice = FORMAT_OPTION,
    encoding: str | None = ENCODING_OPTION,
    errors: Path | None = ERRORS_OPTION,
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar, no summary line (errors still)."),
    workers: int | None = WORKERS_OPTION,
    cluster: str | None = CLUSTER_OPTION,
) -> None:
    """Extract a record (JSON Lines, one per article) from each input article.

    Bad inputs are reported on stderr, one line each (and in --errors FILE), and the others are still
    processed; the exit code is 1 when any input failed.
    """
    from .ingest import STDIN

    err = _stderr()
    options = ingest_options(lang, published, input_format, encoding)
    log = RunLog.open(err, errors)
    try:
        sink: IO[str] = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as error:
        _report(err, f"{output}: cannot be written: {error.strerror or error}")
        log.close()
        raise typer.Exit(EXIT_USAGE) from error

    if STDIN in inputs and sys.stdin.isatty():
        err.print(plain("reading an article from the terminal; end it with Ctrl-D", "dim"))
    written = 0
    try:
        articles = list(read_articles(inputs, options, log))
        from .scale import plan_workers

        extractor = Extractor(mode.value, log)
        if cluster is None and plan_workers(workers, len(articles)) == 1:
            extractor.preload(a.language for a in articles)  # workers load their own
        with _progress(err, len(articles), "extracting", enabled=not quiet) as advance:
            for _, record in extract_records(articles, extractor, workers=workers, cluster=cluster):
                if record is not None:
                    _write_line(sink, record.to_json())
                    written += 1
                advance()
    finally:
        log.close()
        if output:
            sink.close()

    if not quiet:
        dest = f" to {output}" if output else ""
        err.print(plain(f"{written} record{'s' * (written != 1)} written{dest}{log.tail()}"))
    raise typer.Exit(EXIT_SOME_FAILED if log.failed else EXIT_OK)


def _write_line(sink: IO[str], line: str) -> None:
    """Write and flush one record; a reader that went away (``| head``) ends the run quietly."""
    try:
        sink.write(line + "\n")
        sink.flush()
    except BrokenPipeError as error:
        # silence the interpreter's own complaint when it flushes stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_SOME_FAILED) from error


# --- show --------------------------------------------------------------------------------------


def read_records(path: str) -> Iterator[tuple[int, Record | str]]:
    """``(line, record)`` or ``(line, problem)`` for a JSON Lines file, a JSON file, or ``-`` (stdin).

    A file holding one JSON object (or a list of them), pretty-printed or not, is read whole.
    """
    from pydantic import ValidationError

    from .record import Record

    data = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    try:
        whole = json.loads(data)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict | list):
        objects = whole if isinstance(whole, list) else [whole]
        for number, obj in enumerate(objects, start=1):
            try:
                yield number, Record.model_validate(obj)
            except ValidationError as error:
                yield number, _first_error(error)
        return
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, Record.model_validate_json(line)
        except ValidationError as error:
            yield number, _first_error(error)


def _first_error(error: Any) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or "record"
    kind = "malformed JSON" if first.get("type") == "json_invalid" else "not a record"
    return f"{kind}: {where}: {first.get('msg')}"


@app.command()
def show(
    record_file: str = typer.Argument(..., metavar="RECORD_FILE", help="JSON Lines of records (or - for stdin)."),
    text: bool = typer.Option(True, "--text/--no-text", help="Print the article text with highlighted spans."),
) -> None:
    """Print records readably: header, highlighted text, tables of entities, events, quotes and times."""
    err, out = _stderr(), _stdout()
    failed = shown = 0
    try:
        records = list(read_records(record_file))
    except (OSError, UnicodeDecodeError) as error:
        _report(err, f"{record_file}: cannot be read: {getattr(error, 'strerror', None) or error}")
        raise typer.Exit(EXIT_SOME_FAILED) from error
    problems = [(number, record) for number, record in records if isinstance(record, str)]
    if problems and len(problems) == len(records):
        # nothing in the file is a record: one message, with what it seems to be instead
        number, problem = problems[0]
        _report(err, f"{record_file}: holds no records ({len(problems)} item{'s' * (len(problems) != 1)}, none a "
                     f"record; {number}: {problem}); {_show_hint(record_file)}")
        raise typer.Exit(EXIT_SOME_FAILED)
    for number, record in records:
        if isinstance(record, str):
            failed += 1
            if failed <= SHOW_PROBLEMS:
                _report(err, f"{record_file}:{number}: {record}")
            continue
        if shown:
            out.rule()
        out.print(render_record(record, with_text=text))
        shown += 1
    if failed > SHOW_PROBLEMS:
        _report(err, f"{record_file}: {failed - SHOW_PROBLEMS} more items are not records")
    if shown == 0 and failed == 0:
        _report(err, f"{record_file}: holds no records")
        failed = 1
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


#: ``show`` names at most this many items that are not records, then counts the rest
SHOW_PROBLEMS = 5


def _show_hint(record_file: str) -> str:
    """What to run instead, for a file ``show`` cannot read: ``show`` reads what ``extract`` writes."""
    source = "-" if record_file == "-" else record_file
    return (f"`show` reads the records `newsgraph extract` writes; for an article, run "
            f"`newsgraph extract {safe(source)} | newsgraph show -`")


def render_record(record: Record, *, with_text: bool = True) -> Group:
    """A record as rich renderables: header, highlighted text, then one table per layer."""
    names = {e.id: e.name for e in record.entities}

    def name_of(entity_id: str | None) -> str:
        if entity_id is None:
            return ""
        return names.get(entity_id, f"?{entity_id}")

    parts: list[Any] = [_header(record)]
    problems = record.span_errors()
    if problems:
        parts.append(plain(f"warning: {len(problems)} span(s) do not match the text: {problems[0]}", "bold red"))
    if with_text:
        parts.append(Panel(highlighted_text(record), title="text", title_align="left"))
        parts.append(_legend())
    layers: list[tuple[str, list[Any], Any]] = [
        ("entities", record.entities, lambda: _entities_table(record)),
        ("events", record.events, lambda: _events_table(record, name_of)),
        ("quotes", record.quotes, lambda: _quotes_table(record, name_of)),
        ("times", record.times, lambda: _times_table(record)),
    ]
    for label, items, table in layers:
        parts.append(table() if items else plain(f"{label}: none", "dim"))
    return Group(*parts)


def _header(record: Record) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    ref = record.reference_date
    rows = [
        ("id", record.id),
        ("language", record.language),
        ("published", record.published or "unknown"),
        ("reference date", f"{ref.value or 'none'} ({ref.source}){': ' + ref.reason if ref.reason else ''}"),
    ]
    rows += [(label, value) for label, value in (("source", record.source), ("url", record.url)) if value]
    for label, value in rows:
        grid.add_row(label, plain(value))
    return Panel(grid, title=plain(record.title or "(untitled)", "bold"), title_align="left")


def highlighted_text(record: Record) -> Text:
    """The article text with quotes, cues, times and entity mentions styled at their offsets."""
    text = Text(safe(record.text))
    length = len(record.text)

    def mark(start: int, end: int, style: str) -> None:
        if 0 <= start < end <= length:
            text.stylize(style, start, end)

    for quote in record.quotes:
        mark(quote.start, quote.end, QUOTE_STYLE)
        if quote.cue is not None:
            mark(quote.cue.start, quote.cue.end, CUE_STYLE)
    for time in record.times:
        mark(time.start, time.end, TIME_STYLE)
    for entity in record.entities:
        for mention in entity.mentions:
            mark(mention.start, mention.end, ENTITY_STYLES.get(entity.type, "bold"))
    return text


def _legend() -> Text:
    pieces: list[tuple[str, str] | str] = ["  "]
    for label, style in ENTITY_STYLES.items():
        pieces += [(label, style), "  "]
    pieces += [("quote", QUOTE_STYLE), "  ", ("cue", CUE_STYLE), "  ", ("time", TIME_STYLE)]
    return Text.assemble(*pieces)


def _snippet(value: str, limit: int = 120) -> str:
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _entities_table(record: Record) -> Table:
    table = Table(title=f"entities ({len(record.entities)})", title_justify="left", expand=False)
    for column in ("id", "name", "type", "mentions", "roles"):
        table.add_column(column)
    for entity in record.entities:
        counts = Counter(m.text for m in entity.mentions)
        mentions = ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in counts.items())
        roles = ", ".join(dict.fromkeys(r.title for r in entity.roles))
        table.add_row(
            plain(entity.id),
            plain(entity.name, ENTITY_STYLES.get(entity.type, "")),
            plain(entity.type),
            plain(mentions),
            plain(roles),
        )
    return table


def _events_table(record: Record, name_of: Any) -> Table:
    table = Table(title=f"events ({len(record.events)})", title_justify="left")
    for column in ("id", "type", "participants", "place", "time", "status", "conf.", "evidence"):
        table.add_column(column)
    for event in record.events:
        time = f"{event.time.text} → {event.time.value or '?'}" if event.time else ""
        evidence = "\n".join(_snippet(e.text or record.text[e.start : e.end], 80) for e in event.evidence)
        table.add_row(
            plain(event.id),
            plain(event.type),
            plain(", ".join(name_of(p) for p in event.participants)),
            plain(name_of(event.place)),
            plain(time),
            plain(event.status),
            plain(f"{event.confidence:.2f}"),
            plain(evidence),
        )
    return table


def _quotes_table(record: Record, name_of: Any) -> Table:
    table = Table(title=f"quotes ({len(record.quotes)})", title_justify="left")
    for column in ("id", "kind", "speaker", "via", "cue", "text"):
        table.add_column(column)
    for quote in record.quotes:
        if quote.speaker:
            speaker = plain(name_of(quote.speaker))
        elif quote.speaker_text:
            speaker = plain(f"“{quote.speaker_text}” (unresolved)", "italic")
        else:
            speaker = plain("unattributed", "dim")
        table.add_row(
            plain(quote.id),
            plain(quote.kind),
            speaker,
            plain(name_of(quote.via)),
            plain(quote.cue.text if quote.cue else ""),
            plain(_snippet(quote.text, 160), "italic"),
        )
    return table


def _times_table(record: Record) -> Table:
    table = Table(title=f"times ({len(record.times)})", title_justify="left")
    for column in ("text", "type", "value", "in quote"):
        table.add_column(column)
    for time in record.times:
        table.add_row(
            plain(time.text), plain(time.type), plain(time.value or "?"), plain("yes" if time.inside_quote else "")
        )
    return table


# --- eval --------------------------------------------------------------------------------------


@app.command("eval")
def evaluate(
    gold: list[Path] = typer.Argument(..., metavar="GOLD", help="Gold files (*.gold.json) or folders of them."),
    as_json: bool = typer.Option(False, "--json", help="Print the full result as JSON (for machines)."),
    problems: bool = typer.Option(False, "--problems", help="List each document's misses and spurious items."),
    mode: Mode = typer.Option(Mode.fast, "--mode", help="Pipeline mode."),
) -> None:
    """Run extraction on each gold file's document and print P/R/F1 per layer and the accuracies."""
    from .evaluate import evaluate_files, expand_gold_paths, load_gold

    err = _stderr()
    paths = expand_gold_paths(gold)
    usable: list[Path] = []
    failed = 0
    for path in paths:
        try:
            load_gold(path)
        except (OSError, ValueError, KeyError, TypeError) as error:  # json errors are ValueErrors
            failed += 1
            reason = getattr(error, "strerror", None) or error
            _report(err, f"{path}: not a usable gold file: {type(error).__name__}: {reason}")
            continue
        usable.append(path)
    if not usable:
        _report(err, "no usable gold files" if paths else "no gold files found")
        raise typer.Exit(EXIT_SOME_FAILED)

    from .api import NewsgraphError
    from .api import extract as run

    def extract_with_mode(text: str, **kwargs: Any) -> Record:
        return run(text, mode=mode.value, **kwargs)

    try:
        with _progress(err, len(usable), "evaluating") as advance:
            result = evaluate_files(usable, extract=extract_with_mode, progress=advance)
    except NewsgraphError as error:
        _report(err, error)
        raise typer.Exit(EXIT_USAGE) from error

    if as_json:
        sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    else:
        out = _stdout()
        out.print(scores_table(result))
        out.print(accuracy_table(result))
        if len(result.get("documents", [])) > 1:
            out.print(documents_table(result))
        if problems:
            for doc in result.get("documents", []):
                out.print(plain(f"\n# {doc.get('gold')}", "bold"))
                for problem in doc.get("problems", []):
                    out.print(plain(f"  {problem}"))
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _layers(result: dict[str, Any]) -> list[str]:
    """The scored layers of an evaluation result: the entries that carry P/R/F1."""
    return [k for k, v in result.items() if isinstance(v, dict) and {"precision", "recall", "f1"} <= set(v)]


def _fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def scores_table(result: dict[str, Any]) -> Table:
    """P/R/F1 and counts per layer, micro-averaged over the documents."""
    n = len(result.get("documents", []))
    table = Table(title=f"scores over {n} document{'s' * (n != 1)}", title_justify="left")
    table.add_column("layer")
    for column in ("P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right")
    for layer in _layers(result):
        s = result[layer]
        table.add_row(layer, *(_fmt(s.get(k)) for k in ("precision", "recall", "f1", "tp", "fp", "fn")))
    return table


def accuracy_table(result: dict[str, Any]) -> Table:
    """Attribution, via, status, value and reference-year accuracies (over matched items)."""
    table = Table(title="accuracies (over matched items)", min_width=40, title_justify="left")
    table.add_column("measure")
    table.add_column("accuracy", justify="right")
    for layer in _layers(result):
        for key, value in result[layer].items():
            if key.endswith("_accuracy"):
                table.add_row(f"{layer}: {key.removesuffix('_accuracy').replace('_', ' ')}", _fmt(value))
    for key, value in result.items():
        if key.endswith("_accuracy") and not isinstance(value, dict):
            table.add_row(key.removesuffix("_accuracy").replace("_", " "), _fmt(value))
    return table


def documents_table(result: dict[str, Any]) -> Table:
    """F1 per layer for each document, to find the articles that pull the figures down."""
    docs = result.get("documents", [])
    layers = [k for k in _layers(result) if docs and isinstance(docs[0].get(k), dict)]
    table = Table(title="F1 per document", title_justify="left")
    table.add_column("gold")
    for layer in layers:
        table.add_column(layer, justify="right")
    for doc in docs:
        table.add_row(plain(Path(str(doc.get("gold"))).name), *(_fmt(doc[layer].get("f1")) for layer in layers))
    return table


from .store.cli import register as _register_store  # noqa: E402  (ingest, timeline, network, quotes, events, export, kb)
from .web.cli import register as _register_web  # noqa: E402  (the serve command; web extra needed to run it)

_register_store(app)
_register_web(app)


if __name__ == "__main__":  # pragma: no cover
    app()
