"""Full-text search across the library: FTS5 query syntax, ranked by bm25, a snippet per hit.

Phrases (``"ceasefire talks"``), prefixes (``negot*``) and boolean queries (``Witkoff AND
Qatar``, ``NOT``, ``OR``, parentheses) are FTS5's own syntax. A malformed query is not an
exception: it comes back as `LibrarySearch.error`, one line for people.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from briefing_tui.library.store import Library

__all__ = ["SNIPPET_CHARS", "LibraryHit", "LibrarySearch", "search_library"]

SNIPPET_CHARS = 140
"""About how long a snippet is."""
_CONTEXT = 50
_START, _END = "\x02", "\x03"


@dataclass(frozen=True, slots=True)
class LibraryHit:
    """One paragraph that matched, with where in it."""

    briefing_id: int
    """The briefing's number in the library."""
    path: str
    """The briefing's file."""
    title: str
    """The briefing's title."""
    section: str | None
    """The heading of the paragraph's section (None for an untitled lead)."""
    paragraph_id: str
    """The paragraph's id in the briefing."""
    position: int
    """The paragraph's position in reading order among the briefing's paragraphs."""
    offset: int
    """Where the first match starts in the paragraph's text."""
    snippet: str
    """Text around the first match (raw briefing text: make it visible before showing it)."""
    spans: tuple[tuple[int, int], ...]
    """``(start, end)`` of each match inside `snippet`."""


@dataclass(frozen=True, slots=True)
class LibrarySearch:
    """The hits of one query, best first, or why the query could not run."""

    query: str
    """The query as typed."""
    hits: tuple[LibraryHit, ...] = ()
    """The best matching paragraphs, best first."""
    error: str | None = None
    """Why the query was rejected, in one line; None when it ran."""


def search_library(library: Library, query: str, *, limit: int = 50) -> LibrarySearch:
    """The ``limit`` best paragraphs for ``query`` across every briefing in ``library``."""
    if not query.strip():
        return LibrarySearch(query)
    db = library.connection
    try:
        # Ranking first, on the full-text table alone, so FTS5 sorts by rank itself and only
        # the paragraphs shown are highlighted and joined.
        ranked = db.execute(
            "SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        ).fetchall()
        if not ranked:
            return LibrarySearch(query)
        rowids = [row[0] for row in ranked]
        marks = ",".join("?" * len(rowids))
        rows = db.execute(
            "SELECT f.rowid, highlight(paragraphs_fts, 0, char(2), char(3)), p.briefing_id, b.path, b.title,"
            " p.heading, p.paragraph_id, p.position"
            " FROM paragraphs_fts f JOIN paragraphs p ON p.id = f.rowid"
            " JOIN briefings b ON b.id = p.briefing_id"
            f" WHERE paragraphs_fts MATCH ? AND f.rowid IN ({marks})",
            (query, *rowids),
        ).fetchall()
    except sqlite3.OperationalError as error:
        return LibrarySearch(query, error=_reason(error))
    by_rowid = {row[0]: row for row in rows}
    hits = []
    for rowid in rowids:
        row = by_rowid.get(rowid)
        if row is None:
            continue
        offset, snippet, spans = snippet_of(row[1])
        hits.append(LibraryHit(row[2], row[3], row[4], row[5], row[6], row[7], offset, snippet, spans))
    return LibrarySearch(query, tuple(hits))


def snippet_of(marked: str) -> tuple[int, str, tuple[tuple[int, int], ...]]:
    """From text with matches between \\x02 and \\x03: the first match's offset, a snippet, its spans."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start = -1
    for index, piece in enumerate(marked.split(_START)):
        if index == 0:
            plain.append(piece)
            length += len(piece)
            continue
        inside, _, after = piece.partition(_END)
        spans.append((length, length + len(inside)))
        plain.append(inside + after)
        length += len(inside) + len(after)
    text = "".join(plain)
    first = spans[0][0] if spans else 0
    start = max(0, first - _CONTEXT)
    if start:
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", max(first, start), end)
        end = space if space > first else end
    lead, tail = ("…" if start else ""), ("…" if end < len(text) else "")
    shift = len(lead) - start
    window = " ".join(text[start:end].split("\n"))
    shown = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return first, f"{lead}{window}{tail}", shown


def _reason(error: sqlite3.Error) -> str:
    message = str(error).splitlines()[0] if str(error) else type(error).__name__
    return f'bad query: {message.removeprefix("fts5: ")} (FTS5 syntax: "a phrase", prefix*, AND, OR, NOT)'
