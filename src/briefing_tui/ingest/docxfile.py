"""Read a Word document (.docx) with python-docx: headings by style, lists, quotes and tables."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from briefing_tui.errors import BriefingError
from briefing_tui.ingest.decode import max_bytes
from briefing_tui.ingest.plaintext import table_item
from briefing_tui.ingest.structure import Draft, Entry, Heading, Item
from briefing_tui.ingest.wire import build_report
from briefing_tui.model import BlockKind, Briefing

__all__ = ["parse_docx"]

_ADVICE = "open it in Word and save it again as .docx, or export it as PDF or text"
# Authors that are a program's name, not a person's.
_TOOL_AUTHORS = frozenset({"python-docx", "microsoft office user", "user", "admin", "author"})
_HEADING_STYLE = re.compile(r"^heading\s?(?P<level>\d)$", re.IGNORECASE)
_NUMBERED = re.compile(r"number", re.IGNORECASE)


def parse_docx(path: Path, data: bytes) -> Briefing:
    """The briefing in the Word document ``data``, read from ``path``."""
    _check_archive(path, data)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        title, entries = _read(document)
        properties = document.core_properties
        core_title, core_author = properties.title, properties.author
    except BriefingError:
        raise
    except Exception as error:  # python-docx and lxml raise many kinds on a damaged part
        raise BriefingError(path, f"is a damaged Word document ({type(error).__name__}); {_ADVICE}") from None
    title = title or _clean(core_title)
    if not title:
        title, entries = _first_line_as_title(entries)
    if not title:
        raise BriefingError(path, "is a Word document with no text")
    author = _clean(core_author)
    draft = Draft(
        title=title,
        origin=path.name,
        author=author if author and author.casefold() not in _TOOL_AUTHORS else None,
    )
    return build_report(draft, entries).build()


def _check_archive(path: Path, data: bytes) -> None:
    """Refuse what is not a .docx before python-docx tries: old .doc, encrypted, damaged, a zip bomb."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise BriefingError(
            path, "is an encrypted or old-format (.doc) Word file, not a .docx; save it again as .docx"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise BriefingError(path, f"is not a valid .docx (its ZIP archive is damaged); {_ADVICE}") from None
    if "word/document.xml" not in names:
        raise BriefingError(
            path, f"is a ZIP archive but not a Word document (no word/document.xml); {_ADVICE}"
        )
    if unpacked > max_bytes():
        raise BriefingError(path, "unpacks to more than the size limit; it was not opened")


def _read(document: Any) -> tuple[str | None, list[Entry]]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    title: str | None = None
    entries: list[Entry] = []
    counters: dict[int, int] = {}
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            rows = [tuple(cell.text for cell in row.cells) for row in Table(element, document).rows]
            if rows:
                entries.append(table_item(rows))
            continue
        if tag != "p":
            continue
        paragraph = Paragraph(element, document)
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style.casefold() == "title" and title is None and not entries:
            title = text
        elif style.casefold() == "subtitle":
            entries.append(Item(text, block=BlockKind.STANDFIRST))
        elif _HEADING_STYLE.match(style):
            entries.append(Heading(text))
            counters.clear()
        elif "quote" in style.casefold():
            entries.append(Item(text, block=BlockKind.QUOTE))
        elif (marker := _list_marker(paragraph, style, counters)) is not None:
            entries.append(Item(text, marker=marker, block=BlockKind.LIST_ITEM))
        else:
            counters.clear()
            entries.append(Item(text))
    return title, entries


def _list_marker(paragraph: Any, style: str, counters: dict[int, int]) -> str | None:
    """``-`` or ``1.``, ``2.``... for a list paragraph (by style, or by Word's numbering)."""
    properties = paragraph._p.pPr
    numbered_by_word = properties is not None and properties.numPr is not None
    if not style.casefold().startswith("list") and not numbered_by_word:
        return None
    if _NUMBERED.search(style):
        level = 0
        counters[level] = counters.get(level, 0) + 1
        return f"{counters[level]}."
    return "-"


def _first_line_as_title(entries: list[Entry]) -> tuple[str | None, list[Entry]]:
    for index, entry in enumerate(entries):
        if entry.text:
            return entry.text.split("\n", 1)[0], entries[:index] + entries[index + 1 :]
    return None, entries


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
