"""The ``newsgraph`` command line (typer + rich)."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(help="News articles to a verifiable record of who met whom, and who said what.")


@app.command()
def extract(
    inputs: list[Path],
    output: Path = typer.Option(None, "-o", "--output", help="write JSON Lines here (default: stdout)"),
    lang: str = typer.Option(None, "--lang", help="language of the input (detected when omitted)"),
    published: str = typer.Option(None, "--published", help="publication date, YYYY-MM-DD"),
) -> None:
    """Extract a record from each input article."""
    from .api import extract as run

    lines = []
    for path in inputs:
        text = path.read_text(encoding="utf-8")
        lines.append(run(text, lang=lang, published=published).to_json())
    if output:
        output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        typer.echo("\n".join(lines))


@app.command()
def show(record_file: Path) -> None:
    """Print records readably."""
    typer.echo(record_file.read_text(encoding="utf-8"))


if __name__ == "__main__":  # pragma: no cover
    app()
