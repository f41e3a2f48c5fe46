"""Store commands for the ``newsgraph`` CLI: ingest, timeline, network, quotes, events, export.

Self-contained: the commands live in the typer app ``store_app`` and can be mounted on the main app in
either of two ways (in ``newsgraph/cli.py``)::

    from newsgraph.store.cli import register
    register(app)             # adds `newsgraph ingest`, `newsgraph timeline`, ... as top-level commands
                              # and the group `newsgraph kb build DUMP -o KB.jsonl`

    # or, as a group:  app.add_typer(store_app, name="store")   ->  `newsgraph store ingest ...`

``register`` imports nothing heavy: DuckDB loads only when a store command runs. The module also
runs on its own: ``python -m newsgraph.store.cli ingest records.jsonl --db news.duckdb``.

Every command takes ``--db FILE`` (default ``$NEWSGRAPH_DB`` or ``newsgraph.duckdb``); query
commands print rich tables, or JSON with ``--json``.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer

from ..cli_run import (
    ENCODING_OPTION,
    ERRORS_OPTION,
    FORMAT_OPTION,
    LANG_OPTION,
    MODE_OPTION,
    PUBLISHED_OPTION,
    InputFormatChoice,
    Lang,
    Mode,
)
from ..scale.options import CLUSTER_OPTION, WORKERS_OPTION

DB_OPTION = typer.Option(Path("newsgraph.duckdb"), "--db", envvar="NEWSGRAPH_DB", help="the store file (DuckDB)")
JSON_OPTION = typer.Option(False, "--json", help="print JSON instead of a table")
SINCE_OPTION = typer.Option(None, "--since", help="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
UNTIL_OPTION = typer.Option(None, "--until", help="up to this date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)")
TYPE_OPTION = typer.Option(None, "--type", metavar="TYPE",
                           help="event type or merge group (meet, call, ...); repeatable")

RECORD_SUFFIXES = (".jsonl", ".ndjson")


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _open(db: Path, *, read_only: bool = True, kb: Any = None) -> Any:
    import duckdb

    from .db import Store

    if read_only and not db.exists():
        _err(f"no store at {db} (create one with `newsgraph ingest INPUT... --db {db}`)")
        raise typer.Exit(2)
    try:
        store = Store(db, read_only=read_only, kb=kb)
    except duckdb.IOException as err:  # another process is writing (DuckDB locks the file)
        _err(f"cannot open {db}: {err}")
        raise typer.Exit(3) from err
    if store.index_problem:
        _err(f"warning: {db}: {store.index_problem}; quote search answers from the store itself (slower)")
    return store


def _is_record_file(path: Path) -> bool:
    """Whether a JSON Lines file holds records (``newsgraph extract`` output) rather than articles."""
    if path.suffix not in RECORD_SUFFIXES or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    try:
                        first = json.loads(line)
                    except json.JSONDecodeError:
                        return False
                    return isinstance(first, dict) and "entities" in first and "schema_version" in first
    except (OSError, UnicodeDecodeError):
        return False  # the article readers report it
    return False


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


#: articles looked up in the store at once before extraction (one query each)
RESUME_CHUNK = 64


@dataclass
class _Run:
    """What the ingest command did before the store saw a record."""

    log: Any
    extract_seconds: float = 0.0
    #: articles found stored before extraction, by what the store would have said: unchanged, duplicate
    found: Counter[str] = field(default_factory=Counter)
    #: inputs found stored: their old problems are forgotten with the next flush
    found_inputs: list[str] = field(default_factory=list)


def _record_lines(path: Path, log: Any) -> Iterator[tuple[Any, str]]:
    """``(record, "path:line")`` for each line of a record file; a line that is no record is logged."""
    from pydantic import ValidationError

    from ..record import Record

    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = Record.model_validate_json(line)
            except ValidationError as error:
                first = error.errors()[0]
                kind = "malformed_json" if first.get("type") == "json_invalid" else "not_a_record"
                where = ".".join(str(p) for p in first.get("loc", ())) or "record"
                log.add(f"{path}:{number}", f"not a record: {where}: {first.get('msg')}", kind=kind, stage="read")
                continue
            problems = record.span_errors()  # offsets that miss the text would mislead every later reader
            if problems:
                log.add(f"{path}:{number}", f"record not stored, {len(problems)} span(s) off: {problems[0]}",
                        kind="span_errors", stage="read", record_id=record.id)
                continue
            yield record, f"{path}:{number}"


def _records(
    store: Any, inputs: list[str], options: Any, mode: str, run: _Run,
    workers: int | None = 1, cluster: str | None = None,
) -> Iterator[tuple[Any, str]]:
    """``(record, where)`` from record files, and from article inputs run through the pipeline (in
    ``workers`` processes or on a Dask ``cluster``: :func:`newsgraph.cli_run.extract_records`).

    Articles the store already holds (same key and text, or the same text under another key) are skipped
    *before* extraction, :data:`RESUME_CHUNK` at a time: a rerun after a crash extracts only what is missing.
    """
    from ..cli_run import Extractor, extract_records, read_articles

    articles = [p for p in inputs if not _is_record_file(Path(p))]
    for name in inputs:
        if name not in articles:
            yield from _record_lines(Path(name), run.log)
    if not articles:
        return
    extractor = Extractor(mode, run.log)

    def missing(chunk: list[Any]) -> Iterator[Any]:
        for article, found in zip(chunk, store.stored([(a.url, a.text) for a in chunk]), strict=True):
            if found is None:
                yield article
            else:
                run.found[found] += 1
                run.found_inputs.append(article.where)

    def todo() -> Iterator[Any]:
        chunk: list[Any] = []
        for article in read_articles(articles, options, run.log):
            chunk.append(article)
            if len(chunk) >= RESUME_CHUNK:
                yield from missing(chunk)
                chunk = []
        yield from missing(chunk)

    try:
        for article, record in extract_records(todo(), extractor, workers=workers, cluster=cluster):
            if record is not None:
                yield record, article.where
    finally:
        run.extract_seconds = extractor.seconds


def ingest_command(
    inputs: list[str] = typer.Argument(
        ..., metavar="INPUT",
        help="Record files (.jsonl from `newsgraph extract`), or articles: files (.txt, .html, .htm, .jsonl), "
        "folders (read recursively), or - for stdin."),
    db: Path = DB_OPTION,
    batch_size: int = typer.Option(500, "--batch-size", help="Records per transaction."),
    lang: Lang | None = LANG_OPTION,
    published: str | None = PUBLISHED_OPTION,
    mode: Mode = MODE_OPTION,
    input_format: InputFormatChoice = FORMAT_OPTION,
    encoding: str | None = ENCODING_OPTION,
    errors: Path | None = ERRORS_OPTION,
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar."),
    log_batches: bool = typer.Option(False, "--log-batches", help="Print one line per committed batch."),
    kb: list[str] = typer.Option(None, "--kb", metavar="FILE",
                                 help="Link entities to this KB file ('starter': the shipped one)."),
    as_json: bool = JSON_OPTION,
    workers: int | None = WORKERS_OPTION,
    cluster: str | None = CLUSTER_OPTION,
) -> None:
    """Store records (or articles, extracted on the way) in the store; safe to rerun and to resume.

    Articles already stored are skipped before extraction. A bad input is reported on stderr (and in
    --errors FILE and the store's errors table) and the others are stored; the exit code is 1 when any
    input failed.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..cli_run import EXIT_SOME_FAILED, RunLog, ingest_options

    console = Console(stderr=True)
    log = RunLog.open(console, errors)
    run = _Run(log)
    paths = [Path(p) for p in inputs if p != "-"]
    total = sum(_count_lines(p) for p in paths) if paths and len(paths) == len(inputs) and all(
        _is_record_file(p) for p in paths) else None
    started = time.perf_counter()
    show = progress and not log_batches
    knowledge = None
    if kb:
        from .kb import STARTER_KB, KnowledgeBase

        knowledge = KnowledgeBase.load(*[STARTER_KB if k == "starter" else Path(k) for k in kb])
    options = ingest_options(lang, published, input_format, encoding)
    with _open(db, read_only=False, kb=knowledge) as store, Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[stored]}"),
        TimeElapsedColumn(), console=console, disable=not show,
    ) as bar:
        task = bar.add_task("ingest", total=total, stored="")
        done = {"records": 0, "added": 0}

        def flush() -> None:
            store.record_errors([r for r in log.drain() if r["stage"] != "store"])
            store.clear_errors(run.found_inputs)
            run.found_inputs.clear()

        def on_batch(stats: Any) -> None:
            flush()
            done["records"] += stats.records
            done["added"] += stats.added + stats.replaced
            bar.update(task, completed=done["records"], stored=f"{done['added']} stored")
            for row in stats.errors:
                log.add(row["input"], row["message"], kind=row["kind"], stage="store", severity=row["severity"],
                        record_id=row["record_id"], article_key=row["article_key"])
            if log_batches:
                print(f"committed {done['records']}", flush=True)

        try:
            stats = store.ingest(_records(store, inputs, options, mode.value, run, workers, cluster),
                                 batch_size=batch_size,
                                 source=" ".join(inputs), on_batch=on_batch)
            flush()
        finally:
            log.close()
    elapsed = time.perf_counter() - started
    stats.records += sum(run.found.values())
    stats.unchanged += run.found["unchanged"]
    stats.duplicates += run.found["duplicate"]
    failed = log.failed
    result = stats.as_dict() | {
        "failed": failed,
        "warnings": log.warnings,
        "skipped_before_extraction": sum(run.found.values()),
        "seconds_total": round(elapsed, 3),
        "seconds_extract": round(run.extract_seconds, 3),
        "seconds_store": round(elapsed - run.extract_seconds, 3),
        "errors": log.rows,
    }
    if as_json:
        _print_json(result)
    else:
        skipped = sum(run.found.values())
        _err(
            f"{stats.records} records: {stats.added} added, {stats.replaced} replaced, {stats.unchanged} unchanged, "
            f"{stats.duplicates} duplicates{log.tail()}"
            + (f" ({skipped} found stored before extraction)" if skipped else "")
            + f"; {elapsed:.1f}s"
            + (f" ({run.extract_seconds:.1f}s extraction)" if run.extract_seconds else "")
        )
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)


def _table(title: str, rows: list[dict[str, Any]], columns: list[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column)
            if isinstance(value, list):
                cells.append(", ".join(map(str, value)))
            else:
                cells.append("" if value is None else str(value))
        table.add_row(*cells)
    Console().print(table)


def timeline_command(
    name: str = typer.Argument(..., metavar="NAME", help="the actor, in any spelling (Lawrow, Lavrov)"),
    db: Path = DB_OPTION,
    since: str = SINCE_OPTION,
    until: str = UNTIL_OPTION,
    types: list[str] = TYPE_OPTION,
    limit: int = typer.Option(None, "--limit", help="at most this many events"),
    as_json: bool = JSON_OPTION,
) -> None:
    """An actor's events, earliest first."""
    from .queries import timeline

    with _open(db) as store:
        result = timeline(store, name, since=since, until=until, types=types or None, limit=limit)
    if as_json:
        _print_json(result)
        return
    if not result["entities"]:
        _err(f"no entity named {name!r} in {db}")
        raise typer.Exit(1)
    names = "; ".join(f"{e['name']} ({e['type']}, {e['articles']} articles)" for e in result["entities"])
    # six narrow columns so that the table stays readable in an 80-column terminal: the date as written
    # only when it is coarser than the day, type and status together, conflicts as a mark on the sources
    # an undated event is listed at its first report (marked ~); the actor is in the title, so the
    # participants column lists the others
    actors = {e["name"] for e in result["entities"]}

    def when(e: dict[str, Any]) -> str:
        if not e.get("date"):
            return f"~{e.get('day')}"
        return str(e["day"]) if str(e["date"]) == str(e.get("day")) else str(e["date"])

    rows = [e | {
        "when": when(e),
        "event": f"{e.get('type')} ({e.get('status')})",
        "with": [p for p in e.get("participants") or [] if p not in actors],
        "src": f"{e.get('sources')}" + (f" !{e['conflicts']}" if e.get("conflicts") else ""),
        "id": e.get("event_id"),
    } for e in result["events"]]
    _table(f"Timeline: {names}", rows, ["when", "event", "with", "place", "src", "id"])


def network_command(
    db: Path = DB_OPTION,
    actor: str = typer.Option(None, "--actor", help="only events this actor took part in"),
    since: str = SINCE_OPTION,
    until: str = UNTIL_OPTION,
    types: list[str] = TYPE_OPTION,
    min_count: int = typer.Option(1, "--min-count", help="only pairs with at least this many events"),
    limit: int = typer.Option(None, "--limit", help="at most this many pairs (most events first)"),
    graphml: Path = typer.Option(None, "--graphml", help="write the network as GraphML here"),
    gexf: Path = typer.Option(None, "--gexf", help="write the network as GEXF here"),
    status: list[str] = typer.Option(
        ["happened"], "--status", metavar="STATUS",
        help="count events with this status (repeatable; 'all' for every status, with counts per status)"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Who met whom: pairs of actors with their number of shared events per type (happened ones by default)."""
    from .exports import write_gexf, write_graphml
    from .queries import network

    statuses = None if "all" in status else status
    with _open(db) as store:
        graph = network(store, actor=actor, since=since, until=until, types=types or None, min_count=min_count,
                        limit=limit, status=statuses)
    if graphml:
        write_graphml(graph, graphml)
    if gexf:
        write_gexf(graph, gexf)
    if as_json:
        _print_json(graph)
        return
    rows = [e | {"by type": ", ".join(f"{k} {v}" for k, v in e["by_type"].items()),
                 "by status": ", ".join(f"{k} {v}" for k, v in e["by_status"].items())} for e in graph["edges"]]
    _table(f"Who met whom ({len(graph['nodes'])} actors, {len(graph['edges'])} pairs; status: "
           f"{'all' if statuses is None else ', '.join(statuses)})", rows,
           ["source_name", "target_name", "events", "by type", "by status"])


def quotes_command(
    words: str = typer.Argument(None, metavar="WORDS", help="words the quote must contain (all of them)"),
    db: Path = DB_OPTION,
    speaker: str = typer.Option(None, "--speaker", help="who said it, in any spelling"),
    since: str = SINCE_OPTION,
    until: str = UNTIL_OPTION,
    prefix: bool = typer.Option(False, "--prefix", help="match words as prefixes (Gespräch finds Gespräche)"),
    limit: int = typer.Option(50, "--limit", help="at most this many quotes"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Quotes by words, speaker and date range; newest first."""
    from .queries import search_quotes

    if not words and not speaker:
        _err("give words to search for, --speaker, or both")
        raise typer.Exit(2)
    with _open(db) as store:
        rows = search_quotes(store, words=words, speaker=speaker, since=since, until=until, limit=limit,
                             prefix=prefix)
    if as_json:
        _print_json(rows)
    else:
        _table("Quotes", rows, ["published", "speaker", "text", "via", "source"])


def events_command(
    db: Path = DB_OPTION,
    place: str = typer.Option(None, "--place", help="where (any spelling)"),
    participant: str = typer.Option(None, "--participant", help="who took part (any spelling)"),
    since: str = SINCE_OPTION,
    until: str = UNTIL_OPTION,
    types: list[str] = TYPE_OPTION,
    status: str = typer.Option(None, "--status", help="happened, planned, possible, cancelled, denied, unknown"),
    event_id: int = typer.Option(None, "--id", help="show one event with all its sources and conflicts"),
    limit: int = typer.Option(100, "--limit", help="at most this many events"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Events by place, participant, date, type and status (newest first), or one event in full."""
    from .queries import event_detail, events

    with _open(db) as store:
        if event_id is not None:
            detail = event_detail(store, event_id)
            if detail is None:
                _err(f"no event {event_id}")
                raise typer.Exit(1)
            if as_json:
                _print_json(detail)
                return
            _table(f"Event {event_id}: {detail['type']}, {detail['status']}, {detail['date']}, "
                   f"{', '.join(detail['participants'])}", detail["sources"],
                   ["published", "source", "type", "status", "date", "place", "why"])
            if detail["conflicts"]:
                _table("Conflicts", detail["conflicts"], ["field", "value", "article_ids"])
            return
        rows = events(store, place=place, participant=participant, since=since, until=until, types=types or None,
                      status=status, limit=limit)
    if as_json:
        _print_json(rows)
    else:
        _table("Events", rows, ["day", "date", "type", "status", "participants", "place", "sources", "conflicts",
                                "event_id"])


def export_command(
    db: Path = DB_OPTION,
    records: Path = typer.Option(None, "--records", help="write the stored records as JSON Lines here"),
    tables: Path = typer.Option(None, "--tables", help="write every table into this folder"),
    table_format: str = typer.Option("parquet", "--format", help="table format: parquet or csv"),
    plover: Path = typer.Option(None, "--plover", help="write PLOVER-style events (JSON Lines) here"),
) -> None:
    """Export records, tables (Parquet/CSV) and PLOVER-style events."""
    from .exports import export_plover, export_records, export_tables

    if not (records or tables or plover):
        _err("nothing to export: give --records, --tables and/or --plover")
        raise typer.Exit(2)
    with _open(db) as store:
        if records:
            _err(f"{export_records(store, records)} records -> {records}")
        if tables:
            files = export_tables(store, tables, fmt=table_format)
            _err(f"{len(files)} tables -> {tables}/")
        if plover:
            _err(f"{export_plover(store, plover)} events -> {plover}")


#: command name -> function, in the order they show in ``--help``
COMMANDS: dict[str, Callable[..., None]] = {
    "ingest": ingest_command,
    "timeline": timeline_command,
    "network": network_command,
    "quotes": quotes_command,
    "events": events_command,
    "export": export_command,
}


def kb_build_command(
    dump: Path = typer.Argument(..., help="Wikidata JSON dump (latest-all.json.bz2, .gz or plain)"),
    output: Path = typer.Option(..., "-o", "--output", help="KB file to write (JSON Lines, newsgraph-kb/1)"),
    languages: str = typer.Option("de,en", "--languages", help="label/alias languages to keep"),
) -> None:
    """Stream a Wikidata dump into a KB file (persons, places, organisations; offices with dates)."""
    from .kb import build_from_wikidata

    n = build_from_wikidata(dump, output, tuple(lang.strip() for lang in languages.split(",") if lang.strip()))
    _err(f"{n} entities -> {output}")


kb_app = typer.Typer(help="The knowledge base: build one from a Wikidata dump.")
kb_app.command("build")(kb_build_command)


def register(app: typer.Typer) -> None:
    """Add the store commands to ``app`` as top-level commands, and ``kb build`` as a group."""
    for name, function in COMMANDS.items():
        app.command(name)(function)
    app.add_typer(kb_app, name="kb")


store_app = typer.Typer(help="The corpus store: ingest records, query timelines, networks, quotes, events.")
register(store_app)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(store_app())
