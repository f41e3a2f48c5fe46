"""Ingestion: every input kind read right, every bad input named in one line, nothing dropped silently.

Fixtures in ``tests/fixtures/ingest/``: ``good/`` (text, text with BOM and CRLF, English text, HTML with
metadata, JSON Lines with a text and an HTML line) and ``bad/`` (PNG bytes, NUL bytes, empty,
whitespace-only, Latin-1, French, an HTML page without an article, a Markdown file, and a JSON Lines
file with one good line and one bad line per problem).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.ingest import Article, IngestError, IngestOptions, read_inputs, read_text, text_id
from newsgraph.ingest.language import detect_language, normalise_language_code

from .conftest import FIXTURES

INGEST = FIXTURES / "ingest"
GOOD = INGEST / "good"
BAD = INGEST / "bad"


def read(*inputs: str | Path, stdin: bytes | None = None, **options) -> list[Article | IngestError]:
    return list(
        read_inputs(
            [str(i) for i in inputs],
            options=IngestOptions(**options),
            stdin=io.BytesIO(stdin) if stdin is not None else None,
        )
    )


def only(items: list[Article | IngestError]) -> Article | IngestError:
    assert len(items) == 1, items
    return items[0]


def articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def errors(items) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError) and i.severity == "error"]


# --- plain text ---------------------------------------------------------------------------------


def test_text_file_becomes_one_article_with_detected_language_and_headline():
    path = GOOD / "treffen-in-wien.txt"
    article = only(read(path))
    assert isinstance(article, Article)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.language == "de" and article.language_detected
    assert article.title == "Außenminister beraten in Wien über Hilfen für die Ukraine"
    assert article.id == text_id(article.text)
    assert article.input_path == str(path) and article.line is None
    assert article.published is None


def test_english_text_is_detected_as_english():
    article = only(read(GOOD / "london-talks.txt"))
    assert isinstance(article, Article) and article.language == "en"


def test_bom_is_removed_and_crlf_becomes_lf():
    article = only(read(GOOD / "bom-crlf.txt"))
    assert isinstance(article, Article)
    assert not article.text.startswith("\ufeff") and "\r" not in article.text
    assert article.text.startswith("Staatsbesuch in Rom\n\nDer Bundespräsident")
    assert article.title == "Staatsbesuch in Rom"


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(
        "Die Ministerin reiste am Freitag zu Gesprächen nach Warschau und traf dort den Präsidenten.".encode("utf-16")
    )
    article = only(read(path))
    assert isinstance(article, Article) and article.text.startswith("Die Ministerin")


def test_given_language_and_published_fill_in_and_skip_detection():
    article = only(read(GOOD / "treffen-in-wien.txt", language="de", published="2024-02-27"))
    assert isinstance(article, Article)
    assert article.language == "de" and not article.language_detected
    assert article.published == "2024-02-27"


def test_no_headline_when_first_line_is_a_sentence():
    article = read_text(
        "Der Minister ist zurückgetreten.\n\nDas teilte die Regierung mit.", options=IngestOptions(language="de")
    )
    assert isinstance(article, Article) and article.title is None


# --- bad inputs, one kind each --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind", "words"),
    [
        ("binary.txt", "binary", "PNG"),
        ("nul-bytes.txt", "binary", "NUL"),
        ("empty.txt", "empty", "empty file"),
        ("whitespace.html", "empty", "whitespace"),
        ("latin1.txt", "undecodable", "not valid UTF-8 (byte 0xE4 at offset 5)"),
        ("french.txt", "unsupported_language", "'fr' is not supported"),
        ("no-main-text.html", "empty", "no article in the HTML page"),
    ],
)
def test_bad_file_gives_one_error_naming_file_and_problem(name, kind, words):
    error = only(read(BAD / name))
    assert isinstance(error, IngestError)
    assert error.kind == kind and error.severity == "error"
    assert str(error).startswith(f"{BAD / name}: ")
    assert words in error.message
    assert "\n" not in str(error)


def test_nonexistent_path_is_reported():
    error = only(read(BAD / "no-such-file.txt"))
    assert isinstance(error, IngestError) and error.kind == "unreadable"
    assert str(error) == f"{BAD / 'no-such-file.txt'}: no such file or folder"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_reported(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Geheim.", encoding="utf-8")
    path.chmod(0)
    error = only(read(path))
    assert isinstance(error, IngestError) and error.kind == "unreadable"


def test_undecodable_with_fallback_encoding_warns_and_decodes():
    items = read(BAD / "latin1.txt", fallback_encoding="cp1252", language="de")
    warning, article = items
    assert isinstance(warning, IngestError) and warning.severity == "warning" and warning.kind == "undecodable"
    assert "decoded as cp1252" in warning.message
    assert isinstance(article, Article) and article.text.startswith("Gespräch über Grenzschließungen")


def test_wrongly_detected_language_can_be_overridden():
    article = only(read(BAD / "french.txt", language="de"))
    assert isinstance(article, Article) and article.language == "de"


def test_unsupported_language_given_by_caller():
    error = only(read_text_list("Ein kurzer Text über das Treffen der Minister.", language="fr"))
    assert isinstance(error, IngestError) and error.kind == "unsupported_language"


def read_text_list(text: str, **options) -> list[Article | IngestError]:
    return [read_text(text, options=IngestOptions(**options))]


# --- JSON Lines -----------------------------------------------------------------------------------


def test_jsonl_each_bad_line_is_reported_with_its_line_number():
    items = read(BAD / "lines.jsonl")
    by_line = {i.line: i for i in items}
    assert isinstance(by_line[1], Article) and by_line[1].line == 1
    assert 2 not in by_line  # a blank line is not an article
    expected = {
        3: ("malformed_json", "malformed JSON at line 3, column 41"),
        4: ("missing_text", "no 'text' or 'html' field (has: title, url)"),
        5: ("unsupported_language", "detected language 'fr'"),
        6: ("bad_field", "'published' is 'gestern'"),
        7: ("malformed_json", "line 7 is a JSON list, not an object"),
        8: ("empty", "'text' is empty"),
        9: ("unsupported_language", "language 'fr' is not supported"),
    }
    for line, (kind, words) in expected.items():
        error = by_line[line]
        assert isinstance(error, IngestError), line
        assert error.kind == kind, line
        assert words in error.message, line
        assert str(error).startswith(f"{BAD / 'lines.jsonl'}:{line}: ")
    assert len(items) == 8


def test_jsonl_fields_and_html_lines():
    first, second = read(GOOD / "articles.jsonl")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.published, first.source, first.language) == (
        "dpa-0001",
        "Kanzler empfängt Premierminister",
        "2024-05-06",
        "Beispielagentur",
        "de",
    )
    assert first.url == "https://nachrichten.example.org/a/1" and not first.language_detected
    assert second.id == "2"  # an integer id becomes a string
    assert second.title == "Gipfel vertagt"  # from the HTML <title>
    assert second.published == "2023-11-20"  # the date of an ISO date-time
    assert second.text.startswith("Der für Mittwoch geplante Gipfel")
    assert second.line == 2


@pytest.mark.parametrize(
    ("line", "kind", "words"),
    [
        (b'{"text": 5}', "bad_field", "'text' must be a string, not int"),
        (b'{"text": "Ein Text.", "id": [1]}', "bad_field", "'id' must be a string or integer"),
        (b'{"html": "<html><body></body></html>"}', "empty", "no main text"),
        (b'{"text": "Ein Text.", "published": 20240101}', "bad_field", "must be an ISO date string"),
        (b"\xff\xfe{}", "undecodable", "not valid UTF-8"),
    ],
)
def test_jsonl_field_problems(tmp_path, line, kind, words):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"text": "Die Ministerin traf ihren Amtskollegen.", "language": "de"}\n' + line + b"\n")
    good, error = read(path)
    assert isinstance(good, Article)
    assert isinstance(error, IngestError) and error.line == 2 and error.kind == kind
    assert words in error.message


def test_jsonl_of_only_blank_lines_is_empty(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\n", encoding="utf-8")
    error = only(read(path))
    assert isinstance(error, IngestError) and error.kind == "empty"


# --- HTML -----------------------------------------------------------------------------------------


def test_html_main_text_and_metadata():
    article = only(read(GOOD / "bericht.html"))
    assert isinstance(article, Article)
    assert article.title == "Regierungschefs treffen sich in Prag"
    assert article.published == "2024-03-12"
    assert article.url == "https://www.beispielzeitung.de/politik/2024/03/regierungschefs-prag.html"
    assert article.source == "Beispielzeitung"
    assert article.language == "de"
    assert "Die Regierungschefs Tschechiens und der Slowakei sind am Montag in Prag" in article.text
    assert "Bratislava fortsetzen zu wollen." in article.text
    for boilerplate in ("Startseite", "Impressum", "Alle Rechte vorbehalten"):
        assert boilerplate not in article.text


def test_html_date_is_not_taken_from_the_article_text(tmp_path):
    path = tmp_path / "ohne-datum.html"
    body = "<p>Am 3. Februar 2019 trafen sich die Außenminister beider Länder in Wien zu Gesprächen über Handel.</p>"
    path.write_text(f"<html><head><title>Treffen</title></head><body><article>{body * 3}</article></body></html>")
    article = only(read(path))
    assert isinstance(article, Article) and article.published is None


# --- folders and stdin ----------------------------------------------------------------------------


def test_folder_mixed_good_and_bad_nothing_dropped_silently():
    items = read(INGEST)
    good = articles(items)
    bad = errors(items)
    warnings = [i for i in items if isinstance(i, IngestError) and i.severity == "warning"]
    # the good ones are processed
    assert {(Path(a.input_path).name, a.line) for a in good} == {
        ("articles.jsonl", 1),
        ("articles.jsonl", 2),
        ("bericht.html", None),
        ("bom-crlf.txt", None),
        ("london-talks.txt", None),
        ("treffen-in-wien.txt", None),
        ("lines.jsonl", 1),
    }
    # each bad file (and bad line) is reported once; the Markdown file is skipped with a warning
    assert sorted(Path(e.input_path).name for e in bad if e.line is None) == [
        "binary.txt",
        "empty.txt",
        "french.txt",
        "latin1.txt",
        "no-main-text.html",
        "nul-bytes.txt",
        "whitespace.html",
    ]
    assert len([e for e in bad if e.line is not None]) == 7
    assert [Path(w.input_path).name for w in warnings] == ["notes.md"]
    # every file in the folder shows up in the stream
    on_disk = {str(p) for p in INGEST.rglob("*") if p.is_file()}
    assert {i.input_path for i in items} == on_disk
    # sorted, recursively
    paths = [i.input_path for i in items]
    assert paths == sorted(paths)


def test_hidden_files_are_left_out_and_empty_folder_is_an_error(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("nein")
    error = only(read(tmp_path))
    assert isinstance(error, IngestError) and error.kind == "empty" and "no files to read" in error.message


def test_stdin_text_html_and_jsonl_are_recognised():
    text = (GOOD / "treffen-in-wien.txt").read_bytes()
    article = only(read("-", stdin=text))
    assert isinstance(article, Article) and article.input_path == "-" and article.language == "de"
    assert article.text == text.decode("utf-8")

    page = only(read("-", stdin=(GOOD / "bericht.html").read_bytes()))
    assert isinstance(page, Article) and page.title == "Regierungschefs treffen sich in Prag"

    lines = read("-", stdin=(BAD / "lines.jsonl").read_bytes())
    assert [i.line for i in errors(lines)] == [3, 4, 5, 6, 7, 8, 9]
    assert str(errors(lines)[0]).startswith("-:3: malformed JSON at line 3")


def test_stdin_bad_inputs():
    assert only(read("-", stdin=b"")).kind == "empty"
    assert only(read("-", stdin=b"%PDF-1.7\n...")).kind == "binary"
    assert only(read("-", stdin="Grüße".encode("latin-1") * 30)).kind == "undecodable"


def test_format_option_overrides_the_extension(tmp_path):
    path = tmp_path / "artikel.txt"
    path.write_text('{"text": "Die Ministerin traf am Montag ihren Amtskollegen in Paris.", "language": "de"}\n')
    article = only(read(path, input_format="jsonl"))
    assert isinstance(article, Article) and article.line == 1


def test_a_reader_failure_is_one_error_and_the_run_goes_on(monkeypatch):
    from newsgraph.ingest import readers

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(readers, "_text_article", broken)
    items = read(GOOD / "treffen-in-wien.txt", GOOD / "bericht.html")
    assert isinstance(items[0], IngestError) and items[0].kind == "failed" and "RuntimeError: boom" in items[0].message
    assert isinstance(items[1], Article)


# --- language detection and laziness --------------------------------------------------------------


def test_detect_language():
    assert detect_language("Die Bundesregierung hat am Montag neue Gespräche mit der Opposition angekündigt.") == "de"
    assert detect_language("The government announced new talks with the opposition on Monday.") == "en"
    assert detect_language("   ") == "und"
    assert normalise_language_code("de-AT") == "de" and normalise_language_code("EN_gb") == "en"


def test_reading_text_does_not_import_trafilatura():
    code = (
        "import sys; from newsgraph.ingest import read_inputs; "
        f"items = list(read_inputs([{str(GOOD / 'treffen-in-wien.txt')!r}])); "
        "assert len(items) == 1, items; assert 'trafilatura' not in sys.modules, 'trafilatura imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_path_that_cannot_be_read_is_reported(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("kein Ordner", encoding="utf-8")
    error = only(read(blocker / "inside.txt"))
    assert isinstance(error, IngestError) and error.kind == "unreadable"
    assert error.message == "cannot be read: Not a directory"


def test_html_in_its_declared_charset_is_decoded(tmp_path):
    body = "<p>Die Außenminister führten am Donnerstag in Brüssel ein längeres Gespräch über die Lage.</p>" * 3
    head = '<head><meta charset="iso-8859-1"><title>Gespräch</title></head>'
    page = f"<html>{head}<body><article>{body}</article></body></html>"
    path = tmp_path / "latin1.html"
    path.write_bytes(page.encode("latin-1"))
    article = only(read(path))
    assert isinstance(article, Article) and "Außenminister führten" in article.text and article.title == "Gespräch"


# --- JSON Lines field names -------------------------------------------------------------------------


def _jsonl(tmp_path: Path, *rows: dict) -> Path:
    import json

    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_jsonl_field_names_of_other_tools_are_read(tmp_path):
    path = _jsonl(tmp_path, {"body": "Die Ministerin traf am Montag ihren Kollegen in Rom.", "datePublished":
                             "2024-11-04T08:15:00Z", "headline": "Treffen in Rom", "link": "https://x.example/1",
                             "guid": "x-1", "publisher": "Beispielblatt", "lang": "de"})
    article = only(read(path))
    assert isinstance(article, Article), article
    assert (article.published, article.title, article.url, article.id, article.source, article.language) == (
        "2024-11-04", "Treffen in Rom", "https://x.example/1", "x-1", "Beispielblatt", "de")


def test_a_field_beats_its_aliases(tmp_path):
    path = _jsonl(tmp_path, {"text": "Der Kanzler reiste am Dienstag nach Paris.", "published": "2024-01-02",
                             "date": "1999-09-09", "language": "de"})
    assert only(read(path)).published == "2024-01-02"


def test_unknown_fields_are_reported_once_per_file(tmp_path):
    rows = [{"text": f"Die Delegation traf sich am Montag in Wien, Runde {i}.", "language": "de", "tags": ["x"],
             "author": "A"} for i in range(3)]
    items = read(_jsonl(tmp_path, *rows))
    warnings = [i for i in items if isinstance(i, IngestError)]
    assert len([i for i in items if isinstance(i, Article)]) == 3
    (warning,) = warnings
    assert warning.severity == "warning" and warning.line == 1
    assert "'tags', 'author' ignored" in warning.message


def test_placeholder_publication_date_is_read_as_none_with_a_warning(tmp_path):
    items = read(_jsonl(tmp_path, {"text": "Die Ministerin sprach am Freitag in Berlin.", "language": "de",
                                   "published": "0001-01-01T00:00:00Z"}))
    warning, article = items
    assert isinstance(article, Article) and article.published is None
    assert isinstance(warning, IngestError) and warning.severity == "warning" and "placeholder" in warning.message


def test_readme_documents_every_jsonl_field_and_alias():
    from newsgraph.ingest import JSONL_FIELDS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("**JSON Lines articles**", 1)[1].split("\n\n")[1]  # the table after the heading
    rows = {line.split("|")[1].strip(): line for line in section.splitlines() if line.startswith("| `")}
    for field, aliases in JSONL_FIELDS.items():
        row = next((line for key, line in rows.items() if key.startswith(f"`{field}`")
                    or key.endswith(f"`{field}`)")), None)
        assert row is not None, f"README has no row for the JSON Lines field {field!r}"
        for alias in aliases:
            assert f"`{alias}`" in row, f"README's row for {field!r} misses the alias {alias!r}"
