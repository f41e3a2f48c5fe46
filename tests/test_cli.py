"""The ``newsgraph`` command line: extract, show, eval, --version; exit codes; untrusted text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsgraph.cli import app, highlighted_text, render_record, safe
from newsgraph.record import Record

from .conftest import FIXTURES, SEED, SEED_GOLD, needs_shared
from .test_evaluate import GOLD as EVAL_GOLD
from .test_evaluate import TEXT as EVAL_TEXT

INGEST = FIXTURES / "ingest"
GOOD = INGEST / "good"
BAD = INGEST / "bad"

runner = CliRunner()


def records_of(text: str) -> list[Record]:
    return [Record.model_validate_json(line) for line in text.splitlines() if line.strip()]


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip().startswith("newsgraph 0.")


# --- extract ------------------------------------------------------------------------------------


def test_extract_one_file_to_stdout_with_metadata():
    result = runner.invoke(app, ["extract", str(GOOD / "treffen-in-wien.txt"), "--published", "2024-02-27"])
    assert result.exit_code == 0, result.stderr
    (record,) = records_of(result.stdout)
    assert record.language == "de"
    assert record.title == "Außenminister beraten in Wien über Hilfen für die Ukraine"
    assert record.published == "2024-02-27"
    assert record.reference_date.value == "2024-02-27"
    assert record.text == (GOOD / "treffen-in-wien.txt").read_text(encoding="utf-8")
    assert record.span_errors() == []
    assert "1 record written, 0 failed" in result.stderr


def break_english_pipeline(monkeypatch):
    """Make the English pipeline fail to load, as a broken layer would."""
    import newsgraph.api

    real = newsgraph.api.pipeline_for

    def pipeline_for(lang, mode="fast"):
        if lang == "en":
            raise RuntimeError("layer exploded")
        return real(lang, mode)

    monkeypatch.setattr(newsgraph.api, "pipeline_for", pipeline_for)


def test_extract_folder_with_good_and_bad_inputs(tmp_path, monkeypatch):
    break_english_pipeline(monkeypatch)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(INGEST), "-o", str(out)])
    assert result.exit_code == 1  # some inputs failed
    records = records_of(out.read_text(encoding="utf-8"))
    assert len(records) == 6  # the seven good articles less the English one, whose pipeline is broken
    for record in records:
        assert record.span_errors() == []
        assert record.language == "de"
    assert len({r.id for r in records}) == 6
    html = next(r for r in records if r.title == "Regierungschefs treffen sich in Prag")
    assert (html.published, html.source) == ("2024-03-12", "Beispielzeitung")
    assert html.url == "https://www.beispielzeitung.de/politik/2024/03/regierungschefs-prag.html"
    lines = result.stderr.strip().splitlines()
    errors = [line for line in lines if line.startswith("error: ")]
    # 7 bad files + 7 bad JSON Lines lines + the English article + one line on the broken pipeline
    assert len(errors) == 16
    assert f"error: {BAD / 'lines.jsonl'}:3: malformed JSON at line 3, column 41: Expecting value" in lines
    assert f"error: {BAD / 'binary.txt'}: binary file (a PNG image), not text" in lines
    assert "error: cannot load the en pipeline: RuntimeError: layer exploded" in lines
    assert any(line.startswith(f"error: {GOOD / 'london-talks.txt'}: not processed: the en pipeline") for line in lines)
    assert any(line.startswith(f"warning: {BAD / 'notes.md'}: skipped") for line in lines)
    assert lines[-1] == f"6 records written to {out}, 15 failed, 1 input skipped"


def test_a_failing_article_is_reported_and_the_others_go_on(monkeypatch):
    import newsgraph.api

    real = newsgraph.api.doc_to_record

    def doc_to_record(doc, **kwargs):  # breaks the batch: it runs again one article at a time
        if "Wien" in doc.text:
            raise ValueError("kaputt")
        return real(doc, **kwargs)

    monkeypatch.setattr(newsgraph.api, "doc_to_record", doc_to_record)
    result = runner.invoke(app, ["extract", str(GOOD / "treffen-in-wien.txt"), str(GOOD / "bom-crlf.txt")])
    assert result.exit_code == 1
    assert len(records_of(result.stdout)) == 1
    assert f"error: {GOOD / 'treffen-in-wien.txt'}: extraction failed: ValueError: kaputt" in result.stderr


def test_extract_from_stdin():
    text = (GOOD / "treffen-in-wien.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["extract", "-", "-q"], input=text)
    assert result.exit_code == 0, result.stderr
    (record,) = records_of(result.stdout)
    assert record.language == "de" and record.text == text and record.span_errors() == []
    assert result.stderr == ""


def test_extract_nonexistent_input_fails_but_others_go_on():
    result = runner.invoke(app, ["extract", "nicht-da.txt", str(GOOD / "treffen-in-wien.txt")])
    assert result.exit_code == 1
    assert len(records_of(result.stdout)) == 1
    assert "error: nicht-da.txt: no such file or folder" in result.stderr


def test_extract_lang_option_overrides_detection():
    result = runner.invoke(app, ["extract", str(BAD / "french.txt"), "--lang", "de"])
    assert result.exit_code == 0, result.stderr
    assert records_of(result.stdout)[0].language == "de"


@pytest.mark.parametrize(
    "args",
    [["--published", "gestern"], ["--lang", "fr"], ["--format", "pdf"], ["--encoding", "klingonisch"]],
)
def test_extract_bad_options_are_usage_errors(args):
    result = runner.invoke(app, ["extract", str(GOOD / "treffen-in-wien.txt"), *args])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_extract_unwritable_output_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["extract", str(GOOD / "treffen-in-wien.txt"), "-o", str(tmp_path / "no" / "x.jsonl")])
    assert result.exit_code == 2
    assert "cannot be written" in result.stderr


# --- extract → show -------------------------------------------------------------------------------


def test_extract_then_show_round_trip(tmp_path):
    out = tmp_path / "r.jsonl"
    done = runner.invoke(app, ["extract", str(GOOD / "bericht.html"), str(GOOD / "articles.jsonl"), "-o", str(out)])
    assert done.exit_code == 0, done.stderr
    shown = runner.invoke(app, ["show", str(out)])
    assert shown.exit_code == 0, shown.stderr
    for record in records_of(out.read_text(encoding="utf-8")):
        assert record.span_errors() == []
        assert record.title and record.title in shown.stdout
        assert record.id in shown.stdout
    assert "Die Regierungschefs Tschechiens und der Slowakei" in shown.stdout
    assert "reference date" in shown.stdout


def test_show_reports_bad_lines_and_shows_the_good_ones(tmp_path):
    good = rich_record().to_json()
    path = tmp_path / "mixed.jsonl"
    path.write_text(good + "\n{not json\n" + json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code == 1
    assert f"error: {path}:2: malformed JSON" in result.stderr
    assert f"error: {path}:3: not a record" in result.stderr
    assert "Lawrow" in result.stdout


def test_show_missing_file():
    result = runner.invoke(app, ["show", "nicht-da.jsonl"])
    assert result.exit_code == 1
    assert "nicht-da.jsonl: cannot be read" in result.stderr


def test_show_reads_a_pretty_printed_json_record_from_stdin():
    result = runner.invoke(app, ["show", "-", "--no-text"], input=rich_record().model_dump_json(indent=2))
    assert result.exit_code == 0, result.stderr
    assert "entities (3)" in result.stdout and "quotes (1)" in result.stdout


# a record with every layer filled, and hostile text: rich markup, an ANSI escape, a bidi override
TEXT = (
    'Am Montag trafen sich Lawrow und Blinken in Genf. "Es war gut [bold red]wirklich[/]", sagte Lawrow '
    "der Agentur TASS.\x1b[2J Ende\u202e."
)


def rich_record() -> Record:
    def span(s: str, nth: int = 0) -> dict:
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(s, start + 1)
        return {"start": start, "end": start + len(s), "text": s}

    lawrow2 = span("Lawrow", 1)
    quote = span("Es war gut [bold red]wirklich[/]")
    cue = span("sagte")
    record = Record.model_validate(
        {
            "id": "t1",
            "language": "de",
            "title": "Treffen [blink]in[/blink] Genf",
            "text": TEXT,
            "reference_date": {"value": "2021-05-26", "source": "published", "reason": "the publication date"},
            "entities": [
                {
                    "id": "e1",
                    "type": "PER",
                    "name": "Sergey Lavrov",
                    "mentions": [span("Lawrow"), lawrow2],
                    "roles": [{"title": "foreign minister", "start": 0, "end": 0}],
                },
                {"id": "e2", "type": "PER", "name": "Antony Blinken", "mentions": [span("Blinken")]},
                {"id": "e3", "type": "LOC", "name": "Geneva", "mentions": [span("Genf")]},
            ],
            "events": [
                {
                    "id": "ev1",
                    "type": "meeting",
                    "participants": ["e1", "e2"],
                    "place": "e3",
                    "status": "happened",
                    "confidence": 0.8,
                    "time": {"value": "2021-05-24", **span("Am Montag")},
                    "evidence": [span("trafen sich Lawrow und Blinken in Genf")],
                }
            ],
            "quotes": [
                {
                    "id": "q1",
                    "kind": "direct",
                    **quote,
                    "speaker": "e1",
                    "speaker_text": "Lawrow",
                    "cue": cue,
                    "via": None,
                }
            ],
            "times": [{**span("Am Montag"), "type": "DATE", "value": "2021-05-24"}],
        }
    )
    assert record.span_errors() == []
    return record


def rendered(record: Record, **kwargs) -> str:
    console = Console(record=True, width=200, force_terminal=True, color_system="truecolor")
    console.print(render_record(record, **kwargs))
    return console.export_text()


def test_show_prints_all_layers_readably():
    out = rendered(rich_record())
    for expected in (
        "Treffen [blink]in[/blink] Genf",  # the title, as written: markup is not interpreted
        "2021-05-26 (published): the publication date",
        "Sergey Lavrov",
        "Lawrow ×2",
        "foreign minister",
        "Sergey Lavrov, Antony Blinken",  # event participants by name
        "Am Montag → 2021-05-24",
        "happened",
        "0.80",
        "trafen sich Lawrow und Blinken in Genf",  # evidence
        "sagte",  # cue
        "DATE",
    ):
        assert expected in out, expected


def test_untrusted_text_cannot_restyle_or_control_the_terminal():
    console = Console(record=True, width=200, force_terminal=True, color_system="truecolor")
    console.print(render_record(rich_record()))
    out = console.export_text()
    assert "[bold red]wirklich[/]" in out  # printed literally
    assert "\x1b[2J" not in console.export_text(styles=True)  # the text's escape is neutralised
    assert "\ufffd[2J" in out and "\u202e" not in out
    assert safe("a\x1bb\u202ec\td") == "a\ufffdb\ufffdc d"


def test_highlighted_text_styles_spans_at_their_offsets():
    record = rich_record()
    text = highlighted_text(record)
    assert text.plain == safe(record.text) and len(text.plain) == len(record.text)
    styled = {(s.start, s.end): str(s.style) for s in text.spans}
    first = record.entities[0].mentions[0]
    assert "cyan" in styled[(first.start, first.end)]  # PER
    genf = record.entities[2].mentions[0]
    assert "green" in styled[(genf.start, genf.end)]  # LOC
    assert "italic" in styled[(record.quotes[0].start, record.quotes[0].end)]
    t = record.times[0]
    assert "red" in styled[(t.start, t.end)]


# --- eval -----------------------------------------------------------------------------------------


def write_gold(folder: Path) -> Path:
    """The evaluator tests' gold (one meeting, one quote, one time) beside its document."""
    (folder / "doc.txt").write_text(EVAL_TEXT, encoding="utf-8")
    gold = {**EVAL_GOLD, "document": "doc.txt"}
    path = folder / "doc.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def test_eval_json_has_every_layer_and_accuracy(tmp_path):
    gold = write_gold(tmp_path)
    result = runner.invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    for layer in ("entities", "events", "quotes", "times"):
        assert {"precision", "recall", "f1", "tp", "fp", "fn"} <= set(data[layer])
    assert "status_accuracy" in data["events"] and "speaker_accuracy" in data["quotes"]
    assert data["entities"]["tp"] + data["entities"]["fn"] == 3  # the gold's three mention classes
    assert len(data["documents"]) == 1


def test_eval_table_and_bad_gold_file(tmp_path):
    gold = write_gold(tmp_path)
    broken = tmp_path / "broken.gold.json"
    broken.write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(tmp_path)])  # a folder: both gold files
    assert result.exit_code == 1
    assert f"error: {broken}: not a usable gold file" in result.stderr
    for word in ("entities", "events", "quotes", "times", "F1", "status", "speaker", "reference year"):
        assert word in result.stdout, word
    assert gold.exists()


def test_eval_without_gold_files(tmp_path):
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 1
    assert "no gold files found" in result.stderr


@needs_shared
def test_seed_extract_and_eval(tmp_path):
    out = tmp_path / "r.jsonl"
    done = runner.invoke(app, ["extract", str(SEED), "-o", str(out)])
    assert done.exit_code == 0, done.stderr
    (record,) = records_of(out.read_text(encoding="utf-8"))
    assert record.span_errors() == [] and record.language == "de"
    result = runner.invoke(app, ["eval", str(SEED_GOLD)])
    assert result.exit_code == 0, result.stderr
    assert "entities" in result.stdout and "F1" in result.stdout


def test_cli_module_imports_no_heavy_libraries():
    """``--help``/``--version`` stay fast: cli.py itself imports neither spaCy nor trafilatura.

    The package ``__init__`` is stubbed out here, because it imports the API (and with it spaCy) on
    purpose; this checks the command module alone.
    """
    import subprocess
    import sys

    src = Path(__file__).resolve().parents[1] / "src" / "newsgraph"
    code = (
        f"import sys, types; m = types.ModuleType('newsgraph'); m.__path__ = [{str(src)!r}]; m.__version__ = '0'; "
        "sys.modules['newsgraph'] = m; import newsgraph.cli; from typer.testing import CliRunner; "
        "assert CliRunner().invoke(newsgraph.cli.app, ['--help']).exit_code == 0; "
        "heavy = [n for n in ('spacy', 'trafilatura', 'lingua') if n in sys.modules]; assert not heavy, heavy"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_progress_bar_only_for_more_than_a_few_documents_on_a_terminal():
    import io

    from newsgraph.cli import PROGRESS_MIN, _progress

    def drawn(total: int, terminal: bool) -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=terminal, width=100)
        with _progress(console, total, "extracting") as advance:
            for _ in range(total):
                advance()
        return buffer.getvalue()

    assert "extracting" in drawn(PROGRESS_MIN + 1, terminal=True)
    assert drawn(PROGRESS_MIN, terminal=True) == ""
    assert drawn(PROGRESS_MIN + 1, terminal=False) == ""


def test_show_warns_about_a_record_whose_spans_are_off():
    record = rich_record()
    record.times[0].end += 1
    assert "span(s) do not match the text" in rendered(record)


# --- one grammar for extract and ingest -----------------------------------------------------------

LATIN = "Die Außenminister Österreichs und Ungarns trafen sich am Dienstag in Sopron zu Gesprächen.\n"


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_extract_and_ingest_take_the_same_options_and_exit_alike(tmp_path, command):
    pytest.importorskip("duckdb", reason="ingest needs the `store` extra")
    (tmp_path / "alt.dat").write_bytes(LATIN.encode("cp1252"))
    errors = tmp_path / "errors.jsonl"
    extra = ["-o", str(tmp_path / "r.jsonl")] if command == "extract" else ["--db", str(tmp_path / "n.duckdb")]
    result = runner.invoke(app, [command, str(tmp_path / "missing.txt"), str(tmp_path / "alt.dat"), "--encoding",
                                 "cp1252", "--format", "text", "--mode", "fast", "--lang", "de", "--errors",
                                 str(errors), *extra])
    assert result.exit_code == 1, result.output  # the missing input failed; the other one was processed
    assert f"error: {tmp_path / 'missing.txt'}: no such file or folder" in result.stderr
    assert "decoded as cp1252 as asked" in result.stderr
    assert "1 warning" in result.stderr and "skipped" not in result.stderr  # nothing was skipped
    rows = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(r["kind"], r["severity"]) for r in rows] == [("unreadable", "error"), ("undecodable", "warning")]
    if command == "extract":
        (record,) = records_of((tmp_path / "r.jsonl").read_text(encoding="utf-8"))
        assert record.text == LATIN
    else:
        assert "1 added" in result.stderr


def test_help_shows_no_value_type_after_flags():
    for command in ("extract", "ingest", "quotes"):
        result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "120"})
        assert result.exit_code == 0
        assert "<bool>" not in result.stdout and "<list[str]>" not in result.stdout, command
    assert "at most this many quotes" in runner.invoke(app, ["quotes", "--help"], env={"COLUMNS": "120"}).stdout


def test_show_on_an_article_file_says_so_once_with_a_hint(tmp_path):
    article = tmp_path / "artikel.jsonl"
    article.write_text('{"text": "Ein Artikel."}\n{"text": "Noch einer."}\n', encoding="utf-8")
    result = runner.invoke(app, ["show", str(article)])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {article}: holds no records")
    assert f"newsgraph extract {article} | newsgraph show -" in line


def test_the_readme_eval_example_works_without_shared():
    gold = Path(__file__).resolve().parents[1] / "examples" / "gipfel.gold.json"
    assert "newsgraph eval examples/gipfel.gold.json" in (gold.parents[1] / "README.md").read_text(encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["entities"]["tp"] > 0 and scores["quotes"]["tp"] > 0


def test_reference_reason_for_one_office_holder_is_not_all_at_once():
    import newsgraph

    one = newsgraph.extract("Die britische Premierministerin Liz Truss sprach über Energiepreise.", lang="de")
    assert "Liz Truss was" in one.reference_date.reason
    assert "all at once" not in one.reference_date.reason and "at the same time" not in one.reference_date.reason
    two = newsgraph.extract("Die britische Premierministerin Liz Truss und US-Präsident Joe Biden sprachen über "
                            "Energiepreise.", lang="de")
    assert "at the same time" in two.reference_date.reason
