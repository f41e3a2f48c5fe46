"""What ingestion yields: an :class:`Article` ready for the pipeline, or an :class:`IngestError`.

The readers never raise for a bad input and never drop one silently: every input becomes either
articles or exactly one ``IngestError`` that names the input (file, and line for JSON Lines) and the
problem, so a run over many inputs can go on and still tell the user what it skipped.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: what can be wrong with an input; the CLI and the store can branch on these
ProblemKind = Literal[
    "unreadable",  # the path does not exist or cannot be read
    "binary",  # not text at all (NUL bytes, a PDF, an image, an archive)
    "undecodable",  # text in an encoding other than UTF-8 (and no declared charset that works)
    "empty",  # nothing but whitespace, or no main text in an HTML page
    "malformed_json",  # a JSON Lines line that does not parse, or is not an object
    "missing_text",  # a JSON Lines object without a usable ``text`` or ``html`` field
    "bad_field",  # a field of the wrong type or form (``published`` not an ISO date, ...)
    "unsupported_language",  # given or detected language newsgraph cannot process
    "unsupported_type",  # a file whose kind newsgraph does not read
    "failed",  # anything unexpected while reading; the message says what
]


#: publication dates that content systems write for "no date" (the calendar's first day): read as no date,
#: with a warning, by the readers and the store alike
PLACEHOLDER_DATES = frozenset({"0001-01-01"})


def is_placeholder_date(value: object) -> bool:
    """Whether ``value`` (an ISO date or date-time) is a placeholder that means "no date"."""
    return isinstance(value, str) and value[:10] in PLACEHOLDER_DATES


def text_id(text: str) -> str:
    """A stable id for an article that brings none: the first 16 hex digits of its text's SHA-256.

    The same rule as :func:`newsgraph.api.record_id`, so ``extract`` on the same text gives the same id
    whether it came through ingestion or the Python API.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Article(BaseModel):
    """One article's text and metadata, and where it came from (for error messages and the store)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="the outlet or site")
    published: str | None = Field(
        default=None, description="ISO date (YYYY-MM-DD; YYYY-MM or YYYY when only that is known)"
    )
    language: str
    language_detected: bool = Field(default=False, description="True when the language was detected, not given")
    input_path: str = Field(description="the file the article was read from; '-' for stdin")
    line: int | None = Field(default=None, description="1-based line number for JSON Lines inputs")

    @property
    def where(self) -> str:
        """``path`` or ``path:line``, the way error messages and logs name the article's origin."""
        return f"{self.input_path}:{self.line}" if self.line is not None else self.input_path


class IngestError(BaseModel):
    """One input (or one JSON Lines line) that could not become an article, and why.

    ``severity="warning"`` marks an input that was deliberately left out but is not a failure (a file
    with a foreign extension inside a folder); the CLI prints it but does not count it as failed.
    """

    model_config = ConfigDict(extra="forbid")

    input_path: str
    line: int | None = None
    kind: ProblemKind
    message: str
    severity: Literal["error", "warning"] = "error"

    @property
    def where(self) -> str:
        return f"{self.input_path}:{self.line}" if self.line is not None else self.input_path

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
