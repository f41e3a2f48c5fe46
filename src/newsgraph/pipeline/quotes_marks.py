"""Pair quotation marks in raw text: one linear pass with a small, bounded stack.

Why not a regex: marks come in many styles („…“ "…" »…« «…» ‚…‘ '…'), straight marks close
themselves, apostrophes look like single quotes, quotes nest, run over several paragraphs (each
paragraph re-opening the mark), mix styles (`„…"`, `"…“`: the pairs in ``quotes.toml`` accept
them) and are sometimes never closed (kept, at a paragraph's start or after a colon, only to the
end of their first sentence). A single left-to-right scan that
decides for each mark whether it opens or closes, from its neighbours and the open stack, handles
all of these in time linear in the text, whatever the input (10,000 marks in a row included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quotes_lexicon import QuoteLexicon

#: deeper nesting than this is ignored (bounded work and memory on hostile input)
MAX_DEPTH = 4


@dataclass
class QuotedSpan:
    """A quoted stretch: the marks and the content between them."""

    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (== content end when unclosed)
    start: int  # content start (after the opening mark, spaces stripped)
    end: int  # content end (before the closing mark, spaces stripped)
    depth: int
    parent: int | None  # index of the enclosing QuotedSpan in the result list
    closed: bool = True
    paragraphs: int = 1


@dataclass
class _Open:
    mark: str
    pos: int
    index: int  # reserved index in the output
    parent: int | None = None  # output index of the enclosing open quote
    paragraphs: int = 1


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _paragraph_break(text: str, i: int) -> int:
    """If a blank line starts at ``i`` (a newline), the offset of the next paragraph's first char."""
    j = i + 1
    n = len(text)
    while j < n and text[j] in " \t\r":
        j += 1
    if j < n and text[j] == "\n":
        while j < n and text[j] in " \t\r\n":
            j += 1
        return j
    return -1


def _line_reopens(text: str, i: int, mark: str) -> int:
    """If the single line break at ``i`` ends a finished sentence (`.`, `!`, `?`, `…`) and the next
    line opens with ``mark`` followed by a letter, the offset of that mark; else -1."""
    before = text[:i].rstrip(" \t\r")
    if not before or before[-1] not in ".!?…":
        return -1
    j = i + 1
    while j < len(text) and text[j] in " \t\r":
        j += 1
    if j + 1 < len(text) and text[j] == mark and text[j + 1].isalnum():
        return j
    return -1


def _closes_in_paragraph(text: str, start: int, mark: str, closers_of: dict[str, set[str]]) -> bool:
    """Whether the paragraph at ``start`` closes a quote opened by ``mark`` in the paragraph before
    without re-opening it: its first quotation mark of that pair is a closer standing where a
    quote closes (after a non-space, before a space or punctuation), not an opener."""
    closers = closers_of.get(mark, set())
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    for j in range(start, end):
        ch = text[j]
        if ch != mark and ch not in closers:
            continue
        prev = text[j - 1] if j > start else " "
        after = text[j + 1] if j + 1 < len(text) else " "
        return ch in closers and not prev.isspace() and not after.isalnum()
    return False


def find_quoted_spans(text: str, lexicon: QuoteLexicon) -> list[QuotedSpan]:
    """All quoted spans in ``text`` (outermost and nested), in order of their opening marks."""
    pairs = lexicon.pairs
    marks = lexicon.marks
    closers_of = {opener: set(closers) for opener, closers in pairs.items()}
    out: list[QuotedSpan | None] = []
    stack: list[_Open] = []
    n = len(text)
    continuation: set[int] = set()  # offsets of re-opening marks of multi-paragraph quotes
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n" and stack:
            nxt = _paragraph_break(text, i)
            if nxt < 0 and len(stack) == 1:
                line = _line_reopens(text, i, stack[0].mark)
                if line >= 0:
                    # `"Every single home.⏎"Every single school."`: paragraphs set off by a single
                    # line break, the quote re-opened after a finished sentence, go on as one
                    stack[0].paragraphs += 1
                    continuation.add(line)
                    i = line
                    continue
            if nxt >= 0:
                # a paragraph ends with quotes open: continue them when the next paragraph re-opens
                # the outermost mark, or closes it without re-opening it (`„… Kraft.⏎⏎Jetzt müssen
                # wir …“, sagte er`); otherwise close them here as unbalanced
                if nxt < n and text[nxt] == stack[0].mark and len(stack) == 1:
                    stack[0].paragraphs += 1
                    continuation.add(nxt)
                elif len(stack) == 1 and _closes_in_paragraph(text, nxt, stack[0].mark, closers_of):
                    stack[0].paragraphs += 1
                else:
                    _close_unbalanced(text, stack, out, i)
                    stack.clear()
                i = nxt if nxt > i else i + 1
                continue
            if stack and i - stack[0].pos > lexicon.max_length:
                stack.clear()
        if ch not in marks:
            i += 1
            continue
        if i in continuation:
            i += 1
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt_ch = text[i + 1] if i + 1 < n else " "
        if ch in "'’" and _is_letter(prev) and _is_letter(nxt_ch):
            i += 1  # apostrophe inside a word (That's, Bush’s)
            continue
        can_close = not prev.isspace()
        can_open = not nxt_ch.isspace()
        # close the innermost open quote this mark can close (drop unclosed inner ones)
        closed = False
        for level in range(len(stack) - 1, -1, -1):
            entry = stack[level]
            if ch in closers_of.get(entry.mark, ()) and (can_close or not can_open):
                if ch == entry.mark and can_open and not can_close:
                    break  # a straight mark before a word opens rather than closes
                del stack[level + 1 :]
                stack.pop()
                out[entry.index] = _span(text, entry, i, len(stack), out)
                closed = True
                break
        if closed:
            i += 1
            continue
        if ch in pairs and can_open and len(stack) < MAX_DEPTH:
            if ch in "'‘’" and _is_letter(prev):
                i += 1  # genitive apostrophe (Jones' Buch), not an opening mark
                continue
            parent = stack[-1].index if stack else None
            stack.append(_Open(mark=ch, pos=i, index=len(out), parent=parent))
            out.append(None)
        i += 1
    _close_unbalanced(text, stack, out, n)
    spans = [s for s in out if s is not None]
    # re-index parents after dropping unmatched openers
    index_map: dict[int, int] = {}
    k = 0
    for j, s in enumerate(out):
        if s is not None:
            index_map[j] = k
            k += 1
    for s in spans:
        s.parent = index_map.get(s.parent) if s.parent is not None else None
    return spans


def _span(text: str, entry: _Open, close: int, depth: int, out: list) -> QuotedSpan:
    start, end = entry.pos + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(
        open=entry.pos,
        close=close,
        start=start,
        end=end,
        depth=depth,
        parent=entry.parent,
        paragraphs=entry.paragraphs,
    )


#: the end of a sentence inside an unclosed quote: a full stop (or ! ? …) before a capital
_SENTENCE_END = re.compile(r"[.!?…](?=\s+[\"„»«‚A-ZÄÖÜ])")


def _close_unbalanced(text: str, stack: list[_Open], out: list, limit: int) -> None:
    """An opening mark never closed: keep it only when it opens a paragraph or follows a colon,
    where a quote is expected, and then only to the end of its first sentence (a lone mark must
    not swallow the sentences after it; a quote re-opened over several paragraphs keeps them all);
    otherwise it is a stray mark."""
    if not stack:
        return
    entry = stack[0]
    before = text[max(0, entry.pos - 200) : entry.pos].rstrip(" \t")
    if before == "" or before.endswith(("\n", ":")):
        if entry.paragraphs == 1:
            end = _SENTENCE_END.search(text, entry.pos + 1, limit)
            limit = end.end() if end is not None else limit
        span = _span(text, entry, limit, 0, out)
        span.closed = False
        span.parent = None
        out[entry.index] = span
