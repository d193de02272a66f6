"""A briefing's model in the library: its JSON, written into and read from the database a section at a time.

The bytes are those of ``Briefing.model_dump_json`` (UTF-8), but they never exist whole in
memory: at 10 MB the whole JSON is a 26 MB string (52 MB once Python holds it as UCS-2)
that SQLite copied twice more while binding and storing it. Here the ``models`` row gets a
zero-filled blob of the right size and the JSON is written into it in place, one section at
a time, through SQLite's incremental blob I/O. The row also keeps where each section's JSON
lies, so reading it back validates one section at a time too: validating the whole JSON at
once holds a parsed copy of all of it, about 235 MiB at 10 MB against 127 MiB this way.
The store serialises each section once (`spooled`): into a temporary file while the layout is
counted, then copied into the blob, rather than serialised again to write it (0.2 s CPU a
pass at 10 MB; the file's write and read back cost a tenth of that). Nothing here imports
Textual.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from briefing_tui.model import Briefing, Section

__all__ = ["Layout", "json_chunks", "layout", "read_model", "spooled", "write_model", "write_spooled"]

_SECTIONS = b'"sections":['


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the parts of a briefing's JSON lie, known before a byte of it is written."""

    size: int
    """The whole JSON's length in bytes."""
    sections: list[tuple[int, int]]
    """Each section's JSON as a byte range ``[start, end)``, in order."""

    def to_json(self) -> str:
        """The section ranges as stored in ``models.sections``."""
        return json.dumps(self.sections, separators=(",", ":"))


def _pieces(briefing: Briefing) -> Iterator[tuple[bool, bytes]]:
    """The briefing's JSON in pieces, each saying whether it is a section's."""
    # The briefing without its sections, cut where they go. The first '"sections":[' is the
    # key: inside a JSON string a quote is escaped, and the title and the like come first.
    rest = Briefing.__pydantic_serializer__.to_json(briefing.model_copy(update={"sections": ()}))
    cut = rest.index(_SECTIONS) + len(_SECTIONS)
    yield False, rest[:cut]
    serializer = Section.__pydantic_serializer__
    for number, section in enumerate(briefing.sections):
        if number:
            yield False, b","
        yield True, serializer.to_json(section)
    yield False, rest[cut:]


def json_chunks(briefing: Briefing) -> Iterator[bytes]:
    """The briefing's JSON in pieces: joined, they are ``briefing.model_dump_json()`` encoded."""
    return (piece for _, piece in _pieces(briefing))


def layout(briefing: Briefing) -> Layout:
    """The size of the briefing's JSON and where its sections lie, counted without keeping them."""
    offset = 0
    sections: list[tuple[int, int]] = []
    for is_section, piece in _pieces(briefing):
        if is_section:
            sections.append((offset, offset + len(piece)))
        offset += len(piece)
    return Layout(offset, sections)


_COPY_BLOCK = 1 << 16
"""Bytes copied from the spool into the blob at a time."""


def spooled(briefing: Briefing, directory: Path) -> tuple[Layout, IO[bytes]]:
    """The briefing's `layout` and its JSON in a temporary file, rewound, serialised once.

    The file is made in ``directory`` (the library's own), never in the system's temporary
    folder: the reader writes nowhere but its state and library folders. The caller closes
    it (closing deletes it); `write_spooled` copies it into the blob.
    """
    spool = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 - handed to the caller, who closes it
    try:
        offset = 0
        sections: list[tuple[int, int]] = []
        for is_section, piece in _pieces(briefing):
            if is_section:
                sections.append((offset, offset + len(piece)))
            spool.write(piece)
            offset += len(piece)
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    return Layout(offset, sections), spool


def write_spooled(connection: sqlite3.Connection, row: int, spool: IO[bytes]) -> None:
    """Copy `spooled` JSON into ``models.json`` of ``row``, a zero blob of its layout's size.

    As `write_model`, a size that does not match raises.
    """
    with connection.blobopen("models", "json", row) as blob:
        while chunk := spool.read(_COPY_BLOCK):
            blob.write(chunk)
        if blob.tell() != len(blob):
            raise ValueError(f"model {row} is {blob.tell()} bytes, not {len(blob)}")


def write_model(connection: sqlite3.Connection, row: int, briefing: Briefing) -> None:
    """Write the briefing's JSON into ``models.json`` of ``row``, a zero blob of its `layout` size.

    A size that does not match raises (`ValueError` past the end; checked at the end), so the
    caller's transaction is rolled back rather than a model stored cut short.
    """
    with connection.blobopen("models", "json", row) as blob:
        for chunk in json_chunks(briefing):
            blob.write(chunk)
        if blob.tell() != len(blob):
            raise ValueError(f"model {row} is {blob.tell()} bytes, not {len(blob)}")


def read_model(connection: sqlite3.Connection, row: int) -> Briefing:
    """The briefing in ``models`` row ``row``, validated a section at a time where it can be."""
    (sections,) = connection.execute("SELECT sections FROM models WHERE id = ?", (row,)).fetchone()
    ranges = _ranges(sections)
    if not ranges:  # moved from before schema 4, or a briefing without sections: read whole
        (stored,) = connection.execute("SELECT json FROM models WHERE id = ?", (row,)).fetchone()
        return Briefing.model_validate_json(stored)
    with connection.blobopen("models", "json", row, readonly=True) as blob:
        parts = [_section(blob, start, end) for start, end in ranges]
        blob.seek(0)
        head = blob.read(ranges[0][0])
        blob.seek(ranges[-1][1])
        head += blob.read()
    # Sections already validated are taken as they are; the briefing's own checks (every
    # reference resolves) run over the whole.
    return Briefing.model_validate({**json.loads(head), "sections": parts})


def _ranges(stored: str | None) -> list[tuple[int, int]]:
    if stored is None:
        return []
    return [(int(start), int(end)) for start, end in json.loads(stored)]


def _section(blob: sqlite3.Blob, start: int, end: int) -> Section:
    blob.seek(start)
    return Section.model_validate_json(blob.read(end - start))
