"""The library's schema as the steps that build it: a database is migrated forward one step at a time.

Each step brings a database from version ``n`` to ``n + 1`` inside the transaction that
records it, so a database is always at one whole version. ``PRAGMA user_version`` holds
the version; the ``migrations`` table keeps when each step ran, for people.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "citation_rows"]

Migration = Callable[[sqlite3.Connection], None]

_VERSION_1 = """
CREATE TABLE briefings (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    digest TEXT NOT NULL,
    title TEXT NOT NULL,
    outlet TEXT,
    published TEXT,
    paragraphs INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    analysed INTEGER NOT NULL,
    added REAL NOT NULL,
    updated REAL NOT NULL,
    model TEXT NOT NULL
);
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    paragraph_id TEXT NOT NULL,
    anchor TEXT NOT NULL,
    section_id TEXT NOT NULL,
    heading TEXT,
    text TEXT NOT NULL
);
CREATE INDEX paragraphs_by_briefing ON paragraphs(briefing_id, position);
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
    text, content='paragraphs', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER paragraphs_indexed AFTER INSERT ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER paragraphs_unindexed AFTER DELETE ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE INDEX briefings_by_title ON briefings(title COLLATE NOCASE);
"""

_VERSION_2 = """
ALTER TABLE briefings ADD COLUMN last_read REAL;
ALTER TABLE briefings ADD COLUMN read_model TEXT;
CREATE TABLE citations (
    briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (briefing_id, source_id)
);
CREATE INDEX briefings_by_updated ON briefings(updated);
"""

# Prefix indexes of one and two letters: without them a query like ``t*`` merges the lists of
# every word that starts with t, about 0.2 s over 10,000 briefings; with them, about 1 ms.
_VERSION_3 = """
DROP TABLE paragraphs_fts;
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
    text, content='paragraphs', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
    prefix='1 2'
);
INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild');
"""

# The models move to a table of their own. In the briefings row, a model of 26 MB (a 10 MB
# briefing) made every small update of the row (marking it read, keeping the version last
# read) load and rewrite the whole model, about 50 MiB at once. A models row is only ever
# inserted (its JSON written in place, see `model_json`) and deleted: the triggers delete a
# model once its briefing no longer names it. ``sections`` says where each section's JSON
# lies in ``json``, which comes last so that SQLite never fills in its zeros in memory. The
# old columns stay, emptied: dropping a column needs SQLite 3.35.
_VERSION_4 = """
CREATE TABLE models (
    id INTEGER PRIMARY KEY,
    sections TEXT,
    json BLOB NOT NULL
);
ALTER TABLE briefings ADD COLUMN model_id INTEGER;
ALTER TABLE briefings ADD COLUMN read_model_id INTEGER;
CREATE TRIGGER models_released AFTER UPDATE OF model_id, read_model_id ON briefings BEGIN
    DELETE FROM models WHERE id IN (old.model_id, old.read_model_id)
        AND id IS NOT new.model_id AND id IS NOT new.read_model_id;
END;
CREATE TRIGGER models_dropped AFTER DELETE ON briefings BEGIN
    DELETE FROM models WHERE id IN (old.model_id, old.read_model_id);
END;
"""


def _version_1(connection: sqlite3.Connection) -> None:
    for statement in _statements(_VERSION_1):
        connection.execute(statement)


def _version_2(connection: sqlite3.Connection) -> None:
    for statement in _statements(_VERSION_2):
        connection.execute(statement)
    # Briefings stored before citations were kept get theirs from the model they carry.
    for briefing_id, model in connection.execute("SELECT id, model FROM briefings").fetchall():
        connection.executemany(
            "INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?)", citation_rows(briefing_id, json.loads(model))
        )


def _version_3(connection: sqlite3.Connection) -> None:
    # The triggers name the table, not its options: they keep working on the rebuilt one.
    for statement in _statements(_VERSION_3):
        connection.execute(statement)


def _version_4(connection: sqlite3.Connection) -> None:
    for statement in _statements(_VERSION_4):
        connection.execute(statement)
    # One briefing at a time: only one model is ever in memory.
    for (briefing_id,) in connection.execute("SELECT id FROM briefings").fetchall():
        ids = [_moved(connection, briefing_id, column) for column in ("model", "read_model")]
        connection.execute(
            "UPDATE briefings SET model_id = ?, read_model_id = ?, model = '', read_model = NULL"
            " WHERE id = ?",
            (*ids, briefing_id),
        )


def _moved(connection: sqlite3.Connection, briefing_id: int, column: str) -> int | None:
    """The id in ``models`` of the briefing's model in ``column``, moved there; None if it has none."""
    row = connection.execute(
        f"INSERT INTO models (json) SELECT CAST({column} AS BLOB) FROM briefings"
        f" WHERE id = ? AND {column} IS NOT NULL",
        (briefing_id,),
    )
    return row.lastrowid if row.rowcount == 1 else None


def citation_rows(briefing_id: int, model: dict[str, object]) -> list[tuple[int, str, str, str, str, int]]:
    """The ``citations`` rows of a briefing, from its model as JSON data."""
    counts: Counter[str] = Counter()
    for section in _dicts(model.get("sections")):
        for paragraph in _dicts(section.get("paragraphs")):
            for attribution in _dicts(paragraph.get("attributions")):
                counts[str(attribution.get("source_id"))] += 1
    return [
        (
            briefing_id,
            str(source["id"]),
            str(source["name"]),
            str(source.get("kind", "")),
            json.dumps(list(source.get("aliases") or [])),  # type: ignore[call-overload]
            counts[str(source["id"])],
        )
        for source in _dicts(model.get("sources"))
    ]


def _dicts(value: object) -> list[dict[str, object]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _statements(script: str) -> list[str]:
    # executescript() would commit first; statements one by one stay in the caller's transaction.
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return statements


MIGRATIONS: list[Migration] = [_version_1, _version_2, _version_3, _version_4]
"""Step ``i`` brings a database from version ``i`` to ``i + 1``."""
SCHEMA_VERSION = len(MIGRATIONS)
"""The version a database has once every step has run."""
