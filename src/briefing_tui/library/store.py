"""The library: every briefing the reader has opened or been given, in one SQLite database.

It holds each briefing's path, the digest of its file, its metadata, its parsed and
analysed model (as JSON, written in place a section at a time: `briefing_tui.library.model_json`)
and one row per paragraph with its content anchor, indexed for full-text search with FTS5.
The briefing files themselves are only ever read.

Every write is one transaction (``BEGIN IMMEDIATE``, so two processes adding at once take
turns instead of failing) in a WAL journal, so a process killed mid-write leaves the
database as it was before that write. Nothing here imports Textual.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from briefing_tui.anchors import anchors
from briefing_tui.errors import BriefingError
from briefing_tui.library.files import file_digest
from briefing_tui.library.location import database_path
from briefing_tui.library.migrations import MIGRATIONS, SCHEMA_VERSION
from briefing_tui.library.model_json import Layout, read_model, spooled, write_spooled
from briefing_tui.model import Briefing

__all__ = [
    "PAGE",
    "AddResult",
    "BriefingRow",
    "Library",
    "LibraryError",
    "SortKey",
]

PAGE = 100
"""How many briefings one page of the listing holds: only what is shown is loaded."""
BUSY_SECONDS = 30.0
"""How long a write waits for another process's write to finish."""

SortKey = Literal["title", "outlet", "published", "paragraphs", "sources", "last_read", "updated"]
_SORT_COLUMNS: dict[str, str] = {
    "title": "title COLLATE NOCASE",
    "outlet": "outlet COLLATE NOCASE",
    "published": "published",
    "paragraphs": "paragraphs",
    "sources": "sources",
    "last_read": "last_read",
    "updated": "updated",
}
_MARKS = str.maketrans({"\x02": " ", "\x03": " "})


class LibraryError(BriefingError):
    """The library database cannot be used; the message says which file, why, and what to do."""


@dataclass(frozen=True, slots=True)
class BriefingRow:
    """What the library's table shows of one briefing (its model stays in the database)."""

    id: int
    """The briefing's number in the library."""
    path: str
    """The file it was read from."""
    title: str
    """Its title."""
    outlet: str | None
    """The publication, when known."""
    published: str | None
    """The publication date (ISO), when known."""
    paragraphs: int
    """How many paragraphs it has."""
    sources: int
    """How many distinct sources it cites."""
    last_read: float | None
    """When it was last opened in the reader (seconds since the epoch), if ever."""
    updated: float
    """When its content last changed in the library."""

    @property
    def unread_update(self) -> bool:
        """Whether it changed after it was last read."""
        return self.last_read is not None and self.updated > self.last_read


@dataclass(frozen=True, slots=True)
class AddResult:
    """What adding a file did."""

    briefing_id: int
    """The briefing's number in the library."""
    status: Literal["added", "updated", "unchanged"]
    """Whether it was new, a new version of a file already there, or the same as before."""


class Library:
    """One open library database; use as a context manager, or call `close`."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or database_path()
        """The database file."""
        self._connection = self._connect()

    # --- opening ---------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise LibraryError(self.path, f"cannot open the library: {error}") from error
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA foreign_keys=ON")
            connection.execute("PRAGMA synchronous=NORMAL")
            self._migrate(connection)
        except sqlite3.DatabaseError as error:
            connection.close()
            raise self._unusable(error) from error
        return connection

    def _unusable(self, error: sqlite3.Error) -> LibraryError:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return LibraryError(
            self.path,
            f"not a usable library database ({reason}); move it aside and run "
            "'briefing-tui library add FOLDER' to build a new one (the briefings themselves are untouched)",
        )

    def _migrate(self, connection: sqlite3.Connection) -> None:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise LibraryError(
                self.path, f"made by a newer briefing-tui (schema {version}, this one knows {SCHEMA_VERSION})"
            )
        if version == SCHEMA_VERSION:
            return
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            connection.execute(
                "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied REAL NOT NULL)"
            )
            for step in range(version, SCHEMA_VERSION):
                MIGRATIONS[step](connection)
                connection.execute("INSERT OR REPLACE INTO migrations VALUES (?, ?)", (step + 1, time.time()))
                connection.execute(f"PRAGMA user_version = {step + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Close the database."""
        self._connection.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        connection = self._connection
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as error:
            raise self._unusable(error) from error
        try:
            yield connection
            connection.execute("COMMIT")
        except sqlite3.OperationalError as error:
            _rollback(connection)
            # Locked past the busy timeout, disk full, read-only: one line, never a traceback.
            raise LibraryError(self.path, f"cannot write to the library: {error}") from error
        except sqlite3.DatabaseError as error:
            _rollback(connection)
            raise self._unusable(error) from error
        except BaseException:
            _rollback(connection)
            raise

    def _query(self, sql: str, parameters: Iterable[object] = ()) -> list[Any]:
        try:
            return self._connection.execute(sql, tuple(parameters)).fetchall()
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as error:
            raise self._unusable(error) from error

    # --- adding ----------------------------------------------------------------------

    def add_file(self, path: Path) -> AddResult:
        """Read, analyse and store the briefing at ``path``; `BriefingError` if it cannot be read."""
        from briefing_tui.load import load_for_reading

        try:
            data = path.read_bytes()
        except OSError as error:
            raise BriefingError(path, f"cannot read: {error.strerror or error}") from error
        digest = file_digest(data)
        known = self._query("SELECT id, digest FROM briefings WHERE path = ?", (_key(path),))
        if known and known[0][1] == digest:
            return AddResult(int(known[0][0]), "unchanged")
        # As in the reader, a very long briefing is stored as read and analysed once opened.
        briefing, analysed = load_for_reading(path)
        return self.add(path, briefing, digest, analysed=analysed)

    def add(self, path: Path, briefing: Briefing, digest: str, *, analysed: bool = True) -> AddResult:
        """Store ``briefing``, read from ``path`` whose bytes have ``digest``, in one transaction.

        A file already in the library with another digest is a new version: the version
        last read is kept (see `read_version`) so what changed can be shown.
        """
        key = _key(path)
        parts, spool = spooled(briefing, self.path.parent)  # serialised once, outside the transaction
        with spool:
            return self._add(key, briefing, digest, analysed=analysed, parts=parts, spool=spool)

    def _add(  # `add` itself, split off so that the spool is closed however it ends
        self, key: str, briefing: Briefing, digest: str, *, analysed: bool, parts: Layout, spool: IO[bytes]
    ) -> AddResult:
        paragraphs = briefing.paragraphs()
        now = time.time()
        with self._writing() as db:
            row = db.execute(
                "SELECT id, digest, analysed, last_read, updated FROM briefings WHERE path = ?", (key,)
            ).fetchone()
            if row is not None and row[1] == digest and (row[2] or not analysed):
                return AddResult(row[0], "unchanged")
            meta = (
                briefing.title,
                briefing.outlet,
                briefing.published.isoformat() if briefing.published else None,
                len(paragraphs),
                len(briefing.sources),
                int(analysed),
            )
            model_id = db.execute(
                "INSERT INTO models (sections, json) VALUES (?, zeroblob(?))", (parts.to_json(), parts.size)
            ).lastrowid
            assert model_id is not None
            write_spooled(db, model_id, spool)
            if row is None:
                briefing_id = db.execute(
                    "INSERT INTO briefings (path, digest, title, outlet, published, paragraphs, sources,"
                    " analysed, added, updated, model, model_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)",
                    (key, digest, *meta, now, now, model_id),
                ).lastrowid
                status: Literal["added", "updated"] = "added"
            else:
                briefing_id = row[0]
                changed = row[1] != digest
                keep_read = row[3] is not None and row[3] >= row[4] and changed
                # The version last read, if it is the one stored, is kept: only the ids move, and
                # the trigger models_released deletes the model no longer named.
                db.execute(
                    "UPDATE briefings SET digest = ?, title = ?, outlet = ?, published = ?, paragraphs = ?,"
                    " sources = ?, analysed = ?, updated = ?, model_id = ?,"
                    " read_model_id = CASE WHEN ? THEN model_id ELSE read_model_id END WHERE id = ?",
                    (digest, *meta, now if changed else row[4], model_id, keep_read, briefing_id),
                )
                db.execute("DELETE FROM paragraphs WHERE briefing_id = ?", (briefing_id,))
                db.execute("DELETE FROM citations WHERE briefing_id = ?", (briefing_id,))
                status = "updated"
            assert briefing_id is not None
            db.executemany(
                "INSERT INTO paragraphs (briefing_id, position, paragraph_id, anchor, section_id, heading,"
                " text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                _paragraph_rows(briefing_id, briefing),
            )
            db.executemany(
                "INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?)",
                _citation_rows(briefing_id, briefing),
            )
        return AddResult(briefing_id, status)

    # --- reading ---------------------------------------------------------------------

    def count(self, filter_text: str = "", *, under: Path | None = None) -> int:
        """How many briefings there are (under a folder, whose title or outlet contains ``filter_text``)."""
        where, parameters = _filter(filter_text, under)
        return int(self._query(f"SELECT count(*) FROM briefings {where}", parameters)[0][0])

    def briefings(
        self,
        filter_text: str = "",
        *,
        sort: SortKey = "title",
        descending: bool = False,
        limit: int = PAGE,
        offset: int = 0,
        under: Path | None = None,
    ) -> list[BriefingRow]:
        """One page of the listing: only these rows are read, never the models."""
        where, parameters = _filter(filter_text, under)
        order = f"{_SORT_COLUMNS[sort]} {'DESC' if descending else 'ASC'}, id"
        rows = self._query(
            "SELECT id, path, title, outlet, published, paragraphs, sources, last_read, updated"
            f" FROM briefings {where} ORDER BY {order} LIMIT ? OFFSET ?",
            (*parameters, limit, offset),
        )
        return [BriefingRow(*row) for row in rows]

    def find(self, path: Path) -> int | None:
        """The library number of the briefing read from ``path``, if it is there."""
        rows = self._query("SELECT id FROM briefings WHERE path = ?", (_key(path),))
        return int(rows[0][0]) if rows else None

    def row(self, briefing_id: int) -> BriefingRow:
        """The listing row of one briefing; `KeyError` when there is none."""
        rows = self._query(
            "SELECT id, path, title, outlet, published, paragraphs, sources, last_read, updated"
            " FROM briefings WHERE id = ?",
            (briefing_id,),
        )
        if not rows:
            raise KeyError(briefing_id)
        return BriefingRow(*rows[0])

    def briefing(self, briefing_id: int) -> Briefing:
        """The stored model of one briefing; `KeyError` when there is none."""
        rows = self._query("SELECT model_id FROM briefings WHERE id = ?", (briefing_id,))
        if not rows:
            raise KeyError(briefing_id)
        return self._model(rows[0][0])

    def read_version(self, briefing_id: int) -> Briefing | None:
        """The version of the briefing last read, when it has changed since; else None."""
        rows = self._query("SELECT read_model_id FROM briefings WHERE id = ?", (briefing_id,))
        return self._model(rows[0][0]) if rows and rows[0][0] is not None else None

    def _model(self, model_id: int) -> Briefing:
        try:
            return read_model(self._connection, model_id)
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as error:
            raise self._unusable(error) from error

    def mark_read(self, briefing_id: int) -> None:
        """Record that the briefing was read now, as it is now."""
        with self._writing() as db:
            db.execute(
                "UPDATE briefings SET last_read = ?, read_model_id = NULL WHERE id = ?",
                (time.time(), briefing_id),
            )

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, for the queries in `briefing_tui.library.search` and `.sources`."""
        return self._connection


def _rollback(connection: sqlite3.Connection) -> None:
    # A failed COMMIT may or may not have ended the transaction.
    with suppress(sqlite3.Error):
        connection.execute("ROLLBACK")


def _key(path: Path) -> str:
    return str(path.expanduser().resolve())


def _filter(text: str, under: Path | None) -> tuple[str, tuple[object, ...]]:
    clauses: list[str] = []
    parameters: list[object] = []
    if under is not None:
        clauses.append("path LIKE ? ESCAPE '\\'")
        parameters.append(_like(_key(under).rstrip("/") + "/") + "%")
    if text.strip():
        pattern = "%" + _like(text.strip()) + "%"
        clauses.append("(title LIKE ? ESCAPE '\\' OR outlet LIKE ? ESCAPE '\\')")
        parameters.extend((pattern, pattern))
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(parameters)


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _citation_rows(briefing_id: int, briefing: Briefing) -> list[tuple[int, str, str, str, str, int]]:
    """The ``citations`` rows of a briefing, as `citation_rows` gives them from its JSON.

    Read from the model itself: dumping a large briefing to data first would double its memory.
    """
    counts = Counter(a.source_id for paragraph in briefing.paragraphs() for a in paragraph.attributions)
    return [
        (
            briefing_id,
            source.id,
            source.name,
            source.kind.value,
            json.dumps(list(source.aliases)),
            counts[source.id],
        )
        for source in briefing.sources
    ]


def _paragraph_rows(briefing_id: int, briefing: Briefing) -> Iterator[tuple[object, ...]]:
    paragraph_anchors = iter(anchors(briefing.paragraphs()))
    position = 0
    for section in briefing.sections:
        for paragraph in section.paragraphs:
            # The marks that highlight() puts around a match must not occur in the text itself.
            text = paragraph.text
            if "\x02" in text or "\x03" in text:
                text = text.translate(_MARKS)
            anchor = next(paragraph_anchors)
            yield (briefing_id, position, paragraph.id, anchor, section.id, section.heading, text)
            position += 1
