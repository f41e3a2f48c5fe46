"""``newsgraph serve``: the API and the web page on localhost, over one store file.

Mounted into the main CLI by :func:`register`; FastAPI and uvicorn are imported when the command
runs, so ``newsgraph --help`` does not need the ``web`` extra.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer


def serve(
    db: Annotated[Path, typer.Option("--db", help="the store file (created when missing)", dir_okay=False)],
    token_file: Annotated[
        Path | None,
        typer.Option("--token-file", help="file holding the bearer token that writing endpoints need", exists=True,
                     dir_okay=False, readable=True),
    ] = None,
    host: Annotated[str, typer.Option(help="address to listen on (keep it loopback unless you protect reads)")] = (
        "127.0.0.1"),
    port: Annotated[int, typer.Option(help="port to listen on", min=1, max=65535)] = 8000,
    protect_reads: Annotated[
        bool, typer.Option("--protect-reads", help="reading endpoints need the token too")] = False,
    max_body: Annotated[int, typer.Option(help="largest request body in bytes", min=1024)] = 2 * 1024 * 1024,
    cache: Annotated[int, typer.Option(help="answers of reading endpoints to cache until the next write (0: off)",
                                       min=0)] = 4096,
    read_threads: Annotated[int | None, typer.Option(
        help="threads answering reads (queries and JSON encoding); default: one per core, 2 to 8", min=1,
        max=64)] = None,
) -> None:
    """Serve the HTTP API and the web page for analysts (open http://HOST:PORT/ in a browser)."""
    try:
        import uvicorn

        from .app import Settings, create_app, read_token
    except ImportError as err:  # the web extra is missing
        typer.echo(f"newsgraph serve needs the web extra: pip install 'newsgraph[web]' ({err})", err=True)
        raise typer.Exit(2) from err
    token = None
    if token_file is not None:
        try:
            token = read_token(token_file)
        except (OSError, ValueError, IndexError) as err:
            typer.echo(f"cannot use the token file: {err}", err=True)
            raise typer.Exit(2) from err
    if protect_reads and token is None:
        typer.echo("--protect-reads needs --token-file", err=True)
        raise typer.Exit(2)
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        typer.echo(f"warning: listening on {host}, reachable beyond this machine"
                   + ("" if protect_reads else "; reads are public (use --protect-reads)"), err=True)
    try:  # fail here with a message, not inside the server's start-up (a store locked by an ingest, a bad file)
        from ..store import Store

        Store(db).close()
    except Exception as err:
        typer.echo(f"cannot open the store {db}: {err}", err=True)
        raise typer.Exit(2) from err
    settings = Settings(db=db, token=token, protect_reads=protect_reads, max_body=max_body, cache_entries=cache)
    if read_threads is not None:
        settings.read_threads = read_threads
    typer.echo(f"newsgraph: serving {db} on http://{host}:{port}/ (writing {'enabled' if token else 'disabled'})")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", access_log=False)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to a typer app (the main ``newsgraph`` CLI)."""
    app.command("serve")(serve)
