"""Read a plain-text briefing: a title line, short heading lines, paragraphs, lists and tables.

The report's parts around the body (standfirst, byline, dateline, credits, site furniture)
are sorted out by `briefing_tui.ingest.wire`, as for every other format.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.enums import BlockKind
from briefing_tui.errors import BriefingError
from briefing_tui.ingest.decode import DecodedText
from briefing_tui.ingest.structure import LIST_MARKER, Draft, Entry, Heading, Item, block_items
from briefing_tui.ingest.wire import build_report, is_tail_marker

if TYPE_CHECKING:
    from briefing_tui.model import Briefing

__all__ = ["is_run_of_short_lines", "parse_text", "table_item", "text_blocks", "text_draft", "text_entries"]

_HEADING_MAX_CHARS = 150
_HEADING_MAX_WORDS = 22
# A line ending like a sentence is prose, not a heading.
_SENTENCE_END = (".", ",", ";", ":", "!", '"', "”", "’", "'", ")", "»")
_PREFORMATTED_INDENT = "    "
_SHORT_LINE_WORDS = 14
_LIST_HEADING_WORDS = 5


def parse_text(path: Path, decoded: DecodedText) -> Briefing:
    """The briefing in ``decoded``, read from ``path``, with kinds left at their default."""
    return text_draft(path, decoded).build()


def text_draft(path: Path, decoded: DecodedText) -> Draft:
    """The text in ``decoded`` read into a `Draft`, its report's parts sorted out, not built yet."""
    blocks = list(_blocks(decoded.text))
    if not blocks:
        raise BriefingError(path, "has no text")
    title, *first_rest = blocks[0]
    draft = Draft(title=title.strip(), origin=path.name, notices=list(decoded.notices))
    rest = ([first_rest] if first_rest else []) + blocks[1:]
    return build_report(draft, list(text_entries(rest)))


def text_entries(blocks: list[list[str]]) -> Iterator[Entry]:
    """Headings and blocks of plain text, given its runs of non-blank lines."""
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (_is_heading(block) and following is not None) or _introduces_list(block, following):
            yield Heading(block[0].strip())
        elif is_run_of_short_lines(block):
            # Bylines with a time stamp, "Related" teasers, captions: each line is its own block,
            # so that each can be recognised (and set aside) on its own.
            yield Item(block[0].strip())
            rest = block[1:]
            if all(LIST_MARKER.match(line) for line in rest):
                yield from block_items(rest)
            else:
                yield from (Item(line.strip()) for line in rest)
        elif _is_table(block) and (table := _table(block)) is not None:
            yield table
        elif len(block) > 1 and all(line.startswith((_PREFORMATTED_INDENT, "\t")) for line in block):
            yield Item(_dedent(block), block=BlockKind.PREFORMATTED)
        else:
            yield from block_items(block)


def text_blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines; blank lines separate them."""
    return list(_blocks(text))


def _blocks(text: str) -> Iterator[list[str]]:
    block: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _is_heading(block: list[str]) -> bool:
    if len(block) != 1:
        return False
    line = block[0].strip()
    if len(line) > _HEADING_MAX_CHARS or line.endswith(_SENTENCE_END) or LIST_MARKER.match(line):
        return False
    return len(line.split()) <= _HEADING_MAX_WORDS


def _introduces_list(block: list[str], following: list[str] | None) -> bool:
    """A short line ending in a colon ("Key points:") over a list is that list's heading."""
    if len(block) != 1 or following is None or not (line := block[0].strip()).endswith(":"):
        return False
    return (
        LIST_MARKER.match(following[0]) is not None
        and len(line.split()) <= _LIST_HEADING_WORDS
        and not LIST_MARKER.match(line)
    )


def is_run_of_short_lines(block: list[str]) -> bool:
    """Two or more short lines, none ending a sentence: lines that stand apart, not wrapped prose."""
    if len(block) < 2 or LIST_MARKER.match(block[0]):
        return False
    if is_tail_marker(block[0]):
        return True  # "More on this story" and its teasers, whatever their punctuation
    return all(
        len(line.split(maxsplit=_SHORT_LINE_WORDS)) <= _SHORT_LINE_WORDS
        and not line.rstrip().endswith((".", "!", "?", ".”", '."', "?”", "!”", ",", ";"))
        for line in block
    )


def _is_table(block: list[str]) -> bool:
    """Two or more lines each framed by ``|``, as Markdown and many tools write tables."""
    return len(block) >= 2 and all(
        line.strip().startswith("|") and line.strip().endswith("|") and len(line.strip()) > 1
        for line in block
    )


def _table(block: list[str]) -> Item | None:
    rows = []
    for line in block:
        cells = tuple(cell.strip() for cell in line.strip()[1:-1].split("|"))
        if all(cell and set(cell) <= set("-: ") for cell in cells):
            continue  # the |---|---| line under the header
        rows.append(cells)
    return table_item(rows) if rows else None


def table_item(rows: list[tuple[str, ...]]) -> Item:
    """A table block: its text is the rows joined by newlines, cells joined by tabs."""
    rows = [tuple(" ".join(cell.split()) for cell in row) for row in rows]
    return Item("\n".join("\t".join(row) for row in rows), block=BlockKind.TABLE, rows=tuple(rows))


def _dedent(block: list[str]) -> str:
    width = min(len(line) - len(line.lstrip()) for line in block)
    return "\n".join(line[width:].rstrip() for line in block)
