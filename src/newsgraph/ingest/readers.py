"""Readers: files, folders and stdin to a stream of :class:`Article` and :class:`IngestError` items.

One generator, :func:`read_inputs`, serves the CLI and the store alike. It reads

- plain text (``.txt``): UTF-8, a byte-order mark is honoured and removed, line ends become ``\\n``;
  a first short line followed by a blank line is taken as the title (it stays in the text);
- HTML (``.html``/``.htm``): the main text and the metadata (title, date, url, site name) via
  trafilatura, imported only when an HTML input turns up because it is slow to import;
- JSON Lines (``.jsonl``): one article per line with ``text`` or ``html`` and optional ``title``,
  ``published``, ``url``, ``id``, ``source``, ``language`` (:data:`JSONL_FIELDS`; the common names other
  tools use, ``date``, ``published_at``, ``datePublished``, ``body``, ``lang``..., are read as these,
  and a field read as none of them is reported once per file);
- folders, recursively and in sorted order, by the extensions above (hidden files are left out; other
  files are reported as skipped warnings, so nothing vanishes unnoticed);
- stdin (``-``), whose format is recognised from its content unless given.

Every input becomes articles or one ``IngestError`` line naming the input (and the JSON Lines line)
and the problem; a bad input never stops the others. Text that is not UTF-8 is an error rather than
something to guess at; the caller may name a fallback encoding, and each use of it is reported as a
warning. Metadata an input brings (JSON Lines fields, HTML metadata) wins over the caller's defaults
(``language``, ``published``), which fill in what an input leaves open.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from ..timex.reference import normalise_published
from .article import Article, IngestError, ProblemKind, is_placeholder_date, text_id
from .language import SUPPORTED_LANGUAGES, detect_language, normalise_language_code

InputFormat = Literal["auto", "text", "html", "jsonl"]
Item = Article | IngestError

#: the file kinds read from folders, by extension
EXTENSIONS: dict[str, InputFormat] = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}

#: the name stdin goes by in articles and error messages
STDIN = "-"

#: signatures of common binary formats people pass by mistake, for a more helpful message
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
)

#: byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)

#: a first line longer than this is a paragraph, not a headline
_MAX_TITLE = 200

#: main text shorter than this from an HTML page is navigation or boilerplate that trafilatura's
#: fallbacks picked up, not an article (plain text has no such floor: its text is what the user gave)
_MIN_HTML_TEXT = 50


@dataclass(frozen=True)
class IngestOptions:
    """What the caller knows about all inputs; an input's own metadata takes precedence.

    ``language``: used instead of detection for articles that do not state theirs.
    ``published``: ISO date for articles that do not state theirs.
    ``input_format``: read every file (and stdin) as this format instead of going by extension/content.
    ``fallback_encoding``: decode text that is not UTF-8 with this (reported as a warning each time)
    instead of failing.
    """

    language: str | None = None
    published: str | None = None
    input_format: InputFormat = "auto"
    fallback_encoding: str | None = None


class _Problem(Exception):
    """Internal: stops reading one input (or line); becomes exactly one :class:`IngestError`."""

    def __init__(self, kind: ProblemKind, message: str) -> None:
        super().__init__(message)
        self.kind: ProblemKind = kind
        self.message = message


def read_inputs(
    inputs: Iterable[str | Path],
    *,
    options: IngestOptions | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Articles and errors from files, folders and ``-`` (stdin), in the order given.

    Never raises for a bad input: each one yields one :class:`IngestError` and reading goes on.
    """
    opts = options or IngestOptions()
    for raw in inputs:
        name = str(raw)
        if name == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guarded(STDIN, lambda s=stream: _read_bytes(s.read(), STDIN, opts))
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_folder(path, opts)
        else:
            yield from _guarded(name, lambda p=path: _read_file(p, opts))


def read_text(text: str, *, input_path: str = "<text>", options: IngestOptions | None = None) -> Item:
    """One article from text already in memory (for the Python API and tests)."""
    opts = options or IngestOptions()
    try:
        return _text_article(_normalise_newlines(text), input_path, None, opts)
    except _Problem as problem:
        return IngestError(input_path=input_path, kind=problem.kind, message=problem.message)


# --- inputs -------------------------------------------------------------------------------------


def _guarded(name: str, read: Any) -> Iterator[Item]:
    """Run one input's reader; anything unexpected becomes one error line instead of a crash."""
    try:
        yield from read()
    except _Problem as problem:
        yield IngestError(input_path=name, kind=problem.kind, message=problem.message)
    except Exception as err:  # a reader bug or a library failure must not end the whole run
        yield IngestError(input_path=name, kind="failed", message=f"could not be read: {type(err).__name__}: {err}")


def _read_folder(root: Path, opts: IngestOptions) -> Iterator[Item]:
    """Known file kinds under ``root``, recursively, sorted by path; hidden entries are left out."""
    files: list[Path] = []
    unreadable: list[IngestError] = []

    def on_error(err: OSError) -> None:
        where = err.filename or str(root)
        reason = err.strerror or str(err)
        unreadable.append(IngestError(input_path=str(where), kind="unreadable", message=f"folder unreadable: {reason}"))

    for folder, dirs, names in os.walk(root, onerror=on_error):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(folder) / n for n in names if not n.startswith("."))
    yield from unreadable
    wanted = 0
    for path in sorted(files):
        suffix = path.suffix.lower()
        if opts.input_format == "auto" and suffix not in EXTENSIONS:
            yield IngestError(
                input_path=str(path),
                kind="unsupported_type",
                message=f"skipped: {suffix or 'no extension'} is not read in folders ({', '.join(EXTENSIONS)})",
                severity="warning",
            )
            continue
        wanted += 1
        yield from _guarded(str(path), lambda p=path: _read_file(p, opts))
    if wanted == 0 and not unreadable:
        yield IngestError(
            input_path=str(root),
            kind="empty",
            message=f"folder holds no files to read ({', '.join(EXTENSIONS)})",
        )


def _read_file(path: Path, opts: IngestOptions) -> Iterator[Item]:
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise _Problem("unreadable", "no such file or folder") from err
    except OSError as err:
        raise _Problem("unreadable", f"cannot be read: {err.strerror or err}") from err
    fmt: InputFormat = opts.input_format
    if fmt == "auto":
        fmt = EXTENSIONS.get(path.suffix.lower(), "auto")
    yield from _read_bytes(data, str(path), opts, fmt=fmt)


def _read_bytes(data: bytes, name: str, opts: IngestOptions, *, fmt: InputFormat | None = None) -> Iterator[Item]:
    """One input's bytes, in ``fmt`` (``auto``: recognised from the content)."""
    fmt = fmt or opts.input_format
    if not data.strip():
        raise _Problem("empty", "empty file" if data == b"" else "contains only whitespace")
    _refuse_binary(data)
    if fmt == "auto":
        fmt = _sniff(data)
    if fmt == "jsonl":
        yield from _read_jsonl(data, name, opts)
        return
    text, warning = _decode(data, opts, html=fmt == "html")
    if warning:
        yield IngestError(input_path=name, kind="undecodable", message=warning, severity="warning")
    text = _normalise_newlines(text)
    if not text.strip():
        raise _Problem("empty", "contains only whitespace")
    if fmt == "html":
        yield _html_article(text, name, None, opts, fields={})
    else:
        yield _text_article(text, name, None, opts)


# --- bytes to text ------------------------------------------------------------------------------


def _bom(data: bytes) -> tuple[str | None, int]:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None, 0


def _refuse_binary(data: bytes) -> None:
    """Binary files raise; text in UTF-16/32 (with its byte-order mark) is not binary."""
    if _bom(data)[0] is not None:
        return
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _Problem("binary", f"binary file ({what}), not text")
    if b"\x00" in data[:8192]:
        raise _Problem("binary", "binary file (contains NUL bytes), not text")


def _sniff(data: bytes) -> InputFormat:
    """The format of content that comes without a telling extension (stdin, ``.md``, no suffix)."""
    head = data[_bom(data)[1] :][:2048].lstrip().lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<head" in head:
        return "html"
    return "text"


def _decode(data: bytes, opts: IngestOptions, *, html: bool = False, bom: bool = True) -> tuple[str, str | None]:
    """Text of ``data`` and a warning when a fallback decoding was used; raises when undecodable.

    Order: byte-order mark (unless ``bom`` is false: a line inside a file has none); strict UTF-8; for
    HTML, the charset its ``<meta>`` declares; the caller's fallback encoding. Never replaces bytes
    silently.
    """
    encoding, skip = _bom(data) if bom else (None, 0)
    if encoding is not None:
        try:
            return data[skip:].decode(encoding), None
        except UnicodeDecodeError as err:
            raise _Problem("undecodable", f"not valid {encoding} despite its byte-order mark ({err.reason})") from err
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as err:
        first = err
    if html and (declared := _META_CHARSET.search(data[:4096])):
        charset = declared.group(1).decode("ascii", "replace")
        try:
            return data.decode(charset), None
        except (LookupError, UnicodeDecodeError):
            pass
    where = f"byte 0x{data[first.start]:02X} at offset {first.start}"
    if opts.fallback_encoding:
        try:
            text = data.decode(opts.fallback_encoding)
        except (LookupError, UnicodeDecodeError) as err:
            raise _Problem("undecodable", f"neither UTF-8 ({where}) nor {opts.fallback_encoding} ({err})") from err
        return text, f"not valid UTF-8 ({where}); decoded as {opts.fallback_encoding} as asked"
    raise _Problem("undecodable", f"not valid UTF-8 ({where}); convert it to UTF-8 or pass --encoding (e.g. cp1252)")


def _normalise_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` become ``\\n`` so that offsets do not depend on the writer's platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- articles -----------------------------------------------------------------------------------


def _headline(text: str) -> str | None:
    """The first line when it stands alone above a blank line and is short: a headline, by layout."""
    first, newline, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not newline or not rest.startswith("\n") or not rest.strip():
        return None
    if not first or len(first) > _MAX_TITLE or first.endswith("."):
        return None
    return first


def _language(text: str, given: str | None, opts: IngestOptions) -> tuple[str, bool]:
    """The article's language (given, the caller's default, or detected) and whether it was detected."""
    choice = given or opts.language
    if choice:
        code = normalise_language_code(choice)
        if code not in SUPPORTED_LANGUAGES:
            raise _Problem(
                "unsupported_language",
                f"language {choice!r} is not supported (newsgraph reads {', '.join(SUPPORTED_LANGUAGES)})",
            )
        return code, False
    code = detect_language(text)
    if code == "und":
        raise _Problem("unsupported_language", "could not tell the language of the text; pass --lang")
    if code not in SUPPORTED_LANGUAGES:
        raise _Problem(
            "unsupported_language",
            f"detected language {code!r} is not supported (newsgraph reads {', '.join(SUPPORTED_LANGUAGES)}); "
            "pass --lang if the detection is wrong",
        )
    return code, True


def iso_date(value: object, field: str = "published") -> str | None:
    """An ISO date (``YYYY-MM-DD``) from an ISO date or date-time string, or a partial one as given
    (``YYYY-MM``, ``YYYY``: a feed that knows only the month; the time layer takes it as a constraint
    on the reference date); raises for anything else."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _Problem("bad_field", f"{field!r} must be an ISO date string, not {type(value).__name__}")
    try:
        return normalise_published(value)
    except ValueError as err:
        raise _Problem(
            "bad_field", f"{field!r} is {value!r}, not an ISO date (YYYY-MM-DD, or YYYY-MM / YYYY)"
        ) from err


def _text_article(text: str, name: str, line: int | None, opts: IngestOptions) -> Article:
    if not text.strip():
        raise _Problem("empty", "contains only whitespace")
    language, detected = _language(text, None, opts)
    return Article(
        id=text_id(text),
        text=text,
        title=_headline(text),
        published=iso_date(opts.published),
        language=language,
        language_detected=detected,
        input_path=name,
        line=line,
    )


def _html_article(html: str, name: str, line: int | None, opts: IngestOptions, *, fields: dict[str, Any]) -> Article:
    """Main text and metadata of a page; ``fields`` (from JSON Lines) win over what the page says."""
    from trafilatura import bare_extraction  # slow to import: only when HTML turns up

    today = dt.date.today().isoformat()
    found = bare_extraction(
        html,
        url=fields.get("url"),
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # publication metadata only: the extensive search also takes dates out of the article's text,
        # which would make an event date look like the publication date
        date_extraction_params={"original_date": True, "extensive_search": False, "max_date": today},
    )
    text = _normalise_newlines(found.text or "") if found is not None else ""
    if not text.strip():
        raise _Problem("empty", "no main text found in the HTML page")
    if len(text.strip()) < _MIN_HTML_TEXT:
        raise _Problem("empty", f"no article in the HTML page (main text is only {len(text.strip())} characters)")
    language, detected = _language(text, fields.get("language"), opts)
    published = fields.get("published") or iso_date(found.date, "date") or iso_date(opts.published)
    return Article(
        id=fields.get("id") or text_id(text),
        text=text,
        title=fields.get("title") or found.title or None,
        url=fields.get("url") or found.url or None,
        source=fields.get("source") or found.sitename or found.hostname or None,
        published=published,
        language=language,
        language_detected=detected,
        input_path=name,
        line=line,
    )


# --- JSON Lines ---------------------------------------------------------------------------------

#: the JSON Lines fields of an article, each with the other names it is read under (first found wins;
#: the field's own name beats every alias). Documented in the README ("Input"); keep the two in step.
JSONL_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("body", "articleBody", "maintext", "content", "article_text"),
    "html": ("raw_html", "rawHtml", "html_content"),
    "title": ("headline", "name"),
    "published": ("date", "published_at", "publishedAt", "datePublished", "date_publish", "pubDate", "pub_date",
                  "publication_date", "published_date", "publish_date"),
    "url": ("link", "uri", "canonical_url", "canonicalUrl"),
    "id": ("guid", "uuid", "article_id", "doc_id", "_id"),
    "source": ("outlet", "publisher", "site", "site_name", "sitename", "source_domain", "domain"),
    "language": ("lang", "inLanguage", "language_code"),
}
_ALIAS_OF = {alias: name for name, aliases in JSONL_FIELDS.items() for alias in aliases}

_STRING_FIELDS = ("title", "url", "source", "language", "html", "text")


def _canonical_fields(obj: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """``obj`` with aliases renamed to their field (the field's own name wins, then the first alias found),
    and the keys that are neither a field nor an alias."""
    fields = {name: obj[name] for name in JSONL_FIELDS if name in obj}
    unknown: list[str] = []
    for key, value in obj.items():
        name = _ALIAS_OF.get(key)
        if name is None:
            if key not in JSONL_FIELDS:
                unknown.append(key)
        elif name not in fields:
            fields[name] = value
    return fields, unknown


def _read_jsonl(data: bytes, name: str, opts: IngestOptions) -> Iterator[Item]:
    """One article (or one error) per non-blank line; lines are decoded one by one."""
    encoding, skip = _bom(data)
    if encoding not in (None, "utf-8"):
        raise _Problem("undecodable", f"JSON Lines must be UTF-8, not {encoding}")
    seen = 0
    reported: set[str] = set()  # unknown fields already reported for this file
    for number, raw in enumerate(data[skip:].split(b"\n"), start=1):
        if not raw.strip():
            continue
        seen += 1
        try:
            line_text, warning = _decode(raw, opts, bom=False)
            if warning:
                yield IngestError(input_path=name, line=number, kind="undecodable", message=warning, severity="warning")
            notes: list[str] = []
            article = _jsonl_article(line_text, name, number, opts, notes=notes, reported=reported)
            for note in notes:
                yield IngestError(input_path=name, line=number, kind="bad_field", message=note, severity="warning")
            yield article
        except _Problem as problem:
            yield IngestError(input_path=name, line=number, kind=problem.kind, message=problem.message)
        except Exception as err:
            yield IngestError(
                input_path=name, line=number, kind="failed", message=f"could not be read: {type(err).__name__}: {err}"
            )
    if seen == 0:
        raise _Problem("empty", "contains only blank lines")


def _jsonl_article(line_text: str, name: str, number: int, opts: IngestOptions, *, notes: list[str],
                   reported: set[str]) -> Article:
    """The article of one JSON Lines line; ``notes`` gets the warnings about it (unknown fields, the first
    time a file has them, as ``reported`` remembers; a placeholder publication date)."""
    try:
        raw = json.loads(line_text)
    except json.JSONDecodeError as err:
        raise _Problem("malformed_json", f"malformed JSON at line {number}, column {err.colno}: {err.msg}") from err
    if not isinstance(raw, dict):
        raise _Problem("malformed_json", f"line {number} is a JSON {type(raw).__name__}, not an object")
    obj, unknown = _canonical_fields(raw)
    new = [key for key in unknown if key not in reported]
    if new:
        reported.update(new)
        notes.append(f"field{'s' * (len(new) > 1)} {', '.join(map(repr, new))} ignored: not an article field "
                     f"({', '.join(JSONL_FIELDS)}, or a name they go by; see the README); said once per file")
    if is_placeholder_date(obj.get("published")):
        notes.append(f"publication date {obj['published']!r} is a placeholder for 'no date': read as none")
        obj["published"] = None
    for key in _STRING_FIELDS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise _Problem("bad_field", f"{key!r} must be a string, not {type(obj[key]).__name__}")
    raw_id = obj.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        raise _Problem("bad_field", f"'id' must be a string or integer, not {type(raw_id).__name__}")
    fields: dict[str, Any] = {
        "id": str(raw_id) if raw_id not in (None, "") else None,
        "title": obj.get("title") or None,
        "url": obj.get("url") or None,
        "source": obj.get("source") or None,
        "language": obj.get("language") or None,
        "published": iso_date(obj.get("published")),
    }
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        has = ", ".join(sorted(raw)) or "no fields"
        raise _Problem("missing_text", f"no 'text' or 'html' field (has: {has})")
    if text is not None:
        if not text.strip():
            raise _Problem("empty", "'text' is empty")
        language, detected = _language(text, fields["language"], opts)
        return Article(
            id=fields["id"] or text_id(text),
            text=text,
            title=fields["title"],
            url=fields["url"],
            source=fields["source"],
            published=fields["published"] or iso_date(opts.published),
            language=language,
            language_detected=detected,
            input_path=name,
            line=number,
        )
    if not html.strip():
        raise _Problem("empty", "'html' is empty")
    return _html_article(html, name, number, opts, fields=fields)
