"""Full-text search across the library: FTS5 query syntax, ranked by bm25, a snippet per hit.

Phrases (``"ceasefire talks"``), prefixes (``negot*``) and boolean queries (``Witkoff AND
Qatar``, ``NOT``, ``OR``, parentheses) are FTS5's own syntax. A malformed query is not an
exception: it comes back as `LibrarySearch.error`, one line for people.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from time import perf_counter

from briefing_tui.library.store import Library

__all__ = [
    "RANK_SECONDS",
    "SNIPPET_CHARS",
    "LibraryHit",
    "LibrarySearch",
    "matched_terms",
    "reader_pattern",
    "search_library",
]

SNIPPET_CHARS = 140
"""About how long a snippet is."""
RANK_SECONDS = 0.04
"""How long a query may spend ranking its matches (ranking a word in all 200,000 paragraphs of
10,000 briefings takes about 0.3 s on a 2-core machine of 2026)."""
_STEPS_PER_CALL = 1000
_MARKED = "SELECT rowid, highlight(paragraphs_fts, 0, char(2), char(3)) FROM paragraphs_fts"
_RANKED = f"{_MARKED} WHERE paragraphs_fts MATCH ? ORDER BY rank LIMIT ?"
_NEWEST = f"{_MARKED} WHERE paragraphs_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
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
    terms: tuple[str, ...] = ()
    """What the query matched in the paragraph, each distinct text once, in reading order."""

    @property
    def pattern(self) -> str | None:
        """A reader's regular expression for what matched here, ignoring case; None if nothing did.

        The reader opens at the hit with these words highlighted, and ``n`` steps through them
        in the rest of the briefing, as ``less +/pattern`` would.
        """
        return reader_pattern(self.terms)


@dataclass(frozen=True, slots=True)
class LibrarySearch:
    """The hits of one query, best first, or why the query could not run."""

    query: str
    """The query as typed."""
    hits: tuple[LibraryHit, ...] = ()
    """The best matching paragraphs, best first."""
    error: str | None = None
    """Why the query was rejected, in one line; None when it ran."""
    ranked: bool = True
    """False when so many paragraphs matched that ranking them all would keep the reader
    waiting: the hits are then the newest matches, unranked."""


def search_library(library: Library, query: str, *, limit: int = 50) -> LibrarySearch:
    """The ``limit`` best paragraphs for ``query`` across every briefing in ``library``."""
    if not query.strip():
        return LibrarySearch(query)
    db = library.connection
    try:
        marked, ranked = _best(db, query, limit)
        if not marked:
            return LibrarySearch(query)
        rowids = [rowid for rowid, _ in marked]
        places = ",".join("?" * len(rowids))
        rows = db.execute(
            "SELECT p.id, p.briefing_id, b.path, b.title, p.heading, p.paragraph_id, p.position"
            f" FROM paragraphs p JOIN briefings b ON b.id = p.briefing_id WHERE p.id IN ({places})",
            rowids,
        ).fetchall()
    except sqlite3.OperationalError as error:
        return LibrarySearch(query, error=_reason(error))
    by_rowid = {row[0]: row for row in rows}
    hits = []
    for rowid, text in marked:
        row = by_rowid.get(rowid)
        if row is None:
            continue
        offset, snippet, spans = snippet_of(text)
        briefing_id, path, title, heading, paragraph_id, position = row[1:]
        terms = matched_terms(text)
        hits.append(
            LibraryHit(
                briefing_id, path, title, heading, paragraph_id, position, offset, snippet, spans, terms
            )
        )
    return LibrarySearch(query, tuple(hits), ranked=ranked)


def _best(db: sqlite3.Connection, query: str, limit: int) -> tuple[list[tuple[int, str]], bool]:
    """The ``limit`` best matches as (rowid, text with the matches marked), and whether ranked.

    bm25 must score every matching row before the first can be known: a word in every paragraph
    ("the") scores the whole library. Ranking gets `RANK_SECONDS`; past them, FTS5 streams the
    matches newest first and stops at ``limit``, which costs next to nothing.
    """
    deadline = perf_counter() + RANK_SECONDS
    late = False

    def spend() -> int:
        nonlocal late
        late = perf_counter() > deadline
        return int(late)

    # On the full-text table alone, so FTS5 sorts by rank itself and marks only the rows it
    # returns; looking a prefix query up again by rowid would expand the prefix once per row.
    db.set_progress_handler(spend, _STEPS_PER_CALL)
    try:
        return db.execute(_RANKED, (query, limit)).fetchall(), True
    except sqlite3.OperationalError:
        if not late:
            raise
    finally:
        db.set_progress_handler(None, 0)
    return db.execute(_NEWEST, (query, limit)).fetchall(), False


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


def matched_terms(marked: str) -> tuple[str, ...]:
    """The distinct texts between \\x02 and \\x03 in ``marked``, lower-cased, in order."""
    seen: dict[str, None] = {}
    for piece in marked.split(_START)[1:]:
        inside = " ".join(piece.partition(_END)[0].split())
        if inside:
            seen.setdefault(inside.lower(), None)
    return tuple(seen)


def reader_pattern(terms: tuple[str, ...]) -> str | None:
    """A regular expression for any of ``terms`` as whole words; None for no terms.

    The terms are lower case, so the reader's smart case ignores case, as FTS5 does. Between
    the words of a phrase anything that is not a word may stand, as FTS5's tokenizer reads it
    ("draft text" matches "Draft-text").
    """
    words = [r"\W+".join(re.escape(word) for word in re.findall(r"\w+", term.lower())) for term in terms]
    alternatives = sorted({word for word in words if word}, key=len, reverse=True)
    if not alternatives:
        return None
    either = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return rf"\b{either}\b"


def _reason(error: sqlite3.Error) -> str:
    message = str(error).splitlines()[0] if str(error) else type(error).__name__
    return f'bad query: {message.removeprefix("fts5: ")} (FTS5 syntax: "a phrase", prefix*, AND, OR, NOT)'
