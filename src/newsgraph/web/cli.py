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
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", envvar="NEWSGRAPH_ALLOW_HOST", show_default=False, metavar="NAME",
        help="also answer requests for this host name (repeatable; the env variable takes names separated by "
             "spaces); by default only localhost, 127.0.0.1, [::1] and the --host address; '*' turns the check off")
    ] = None,
    extract_workers: Annotated[int, typer.Option(
        help="processes extracting posted articles (~400 MB each)", min=1, max=32)] = 2,
    extract_timeout: Annotated[float, typer.Option(
        help="seconds one posted article may take before its extraction is stopped (503)", min=1)] = 60.0,
) -> None:
    """Serve the HTTP API and the web page for analysts (open http://HOST:PORT/ in a browser)."""
    try:
        import uvicorn

        from .app import Settings, create_app, read_token, server_config
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
                   + ("" if protect_reads else "; reads are public (use --protect-reads)")
                   + "; only requests for the names given with --allow-host are answered", err=True)
    try:  # fail here with a message, not inside the server's start-up (a store locked by an ingest, a bad file)
        from ..store import Store

        Store(db).close()
    except Exception as err:
        typer.echo(f"cannot open the store {db}: {err}", err=True)
        raise typer.Exit(2) from err
    settings = Settings(db=db, token=token, protect_reads=protect_reads, max_body=max_body, cache_entries=cache,
                        allowed_hosts=answered_hosts(host, allow_host), extract_workers=extract_workers,
                        extract_timeout=extract_timeout)
    if read_threads is not None:
        settings.read_threads = read_threads
    app = create_app(settings)
    if token is not None:
        app.state.extract_pool.start()  # the workers load the pipelines while the server starts
    typer.echo(f"newsgraph: serving {db} on http://{host}:{port}/ (writing {'enabled' if token else 'disabled'}; "
               f"answering hosts {', '.join(settings.allowed_hosts)})")
    uvicorn.Server(server_config(app, settings, host=host, port=port)).run()


def answered_hosts(host: str, allowed: list[str] | None) -> tuple[str, ...]:
    """The ``Host`` names served: the loopback names, the address listened on (unless a wildcard), ``--allow-host``."""
    from .app import LOOPBACK_HOSTS

    hosts = list(LOOPBACK_HOSTS)
    if host not in ("0.0.0.0", "::", ""):  # a wildcard address is no name a browser uses
        hosts.append(host)
    hosts.extend(allowed or [])
    return tuple(dict.fromkeys(hosts))


def register(app: typer.Typer) -> None:
    """Add ``serve`` to a typer app (the main ``newsgraph`` CLI)."""
    app.command("serve")(serve)
