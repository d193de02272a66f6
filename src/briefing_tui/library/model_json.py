"""A briefing's model in the library: its JSON, written into the database a section at a time.

The bytes are those of ``Briefing.model_dump_json`` (UTF-8), but they never exist whole in
memory: at 10 MB the whole JSON is a 26 MB string (52 MB once Python holds it as UCS-2)
that SQLite copied twice more while binding and storing it. Here the row gets a zero-filled
blob of the right size and the JSON is written into it in place, one section at a time,
through SQLite's incremental blob I/O. Nothing here imports Textual.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from briefing_tui.model import Briefing, Section

__all__ = ["json_chunks", "json_size", "read_model", "write_model"]

_SECTIONS = b'"sections":['


def json_chunks(briefing: Briefing) -> Iterator[bytes]:
    """The briefing's JSON in pieces: joined, they are ``briefing.model_dump_json()`` encoded."""
    # The briefing without its sections, cut where they go. The first '"sections":[' is the
    # key: inside a JSON string a quote is escaped, and the title and the like come first.
    rest = Briefing.__pydantic_serializer__.to_json(briefing.model_copy(update={"sections": ()}))
    cut = rest.index(_SECTIONS) + len(_SECTIONS)
    yield rest[:cut]
    serializer = Section.__pydantic_serializer__
    for number, section in enumerate(briefing.sections):
        if number:
            yield b","
        yield serializer.to_json(section)
    yield rest[cut:]


def json_size(briefing: Briefing) -> int:
    """How many bytes `json_chunks` gives, counted without keeping them."""
    return sum(len(chunk) for chunk in json_chunks(briefing))


def write_model(connection: sqlite3.Connection, row: int, briefing: Briefing) -> None:
    """Write the briefing's JSON into ``models.json`` of ``row``, a zero blob of `json_size`.

    A size that does not match raises (`ValueError` past the end; checked at the end), so the
    caller's transaction is rolled back rather than a model stored cut short.
    """
    with connection.blobopen("models", "json", row) as blob:
        for chunk in json_chunks(briefing):
            blob.write(chunk)
        if blob.tell() != len(blob):
            raise ValueError(f"model {row} is {blob.tell()} bytes, not {len(blob)}")


def read_model(stored: str | bytes) -> Briefing:
    """The briefing a stored model holds: a blob as written here (text, as stored before, reads too)."""
    return Briefing.model_validate_json(stored)
