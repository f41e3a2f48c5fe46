"""The ``--workers`` and ``--cluster`` options, shared by ``newsgraph extract`` and ``newsgraph ingest``."""

from __future__ import annotations

import typer

WORKERS_OPTION = typer.Option(
    None,
    "--workers",
    envvar="NEWSGRAPH_WORKERS",
    min=1,
    help="Extract in this many processes (default: all cores; 1: in this process). Small runs use fewer.",
)
CLUSTER_OPTION = typer.Option(
    None,
    "--cluster",
    envvar="NEWSGRAPH_CLUSTER",
    metavar="ADDRESS",
    help="Extract on this Dask scheduler (tcp://host:8786; 'dask-config': Dask's scheduler-address setting). "
    "Needs the 'cluster' extra.",
)
