"""Read a plain-text briefing: a title line, short heading lines, paragraphs and lists."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from briefing_tui.errors import BriefingError
from briefing_tui.ingest.decode import DecodedText
from briefing_tui.ingest.structure import LIST_MARKER, Draft, Heading, block_items
from briefing_tui.model import Briefing

__all__ = ["BOILERPLATE", "parse_text"]

BOILERPLATE = re.compile(
    r"""^(?:
        (?:was|is)\ this\ (?:news|article|story|page|report|information|content)\ (?:useful|helpful)
      | did\ you\ (?:find\ this|like\ this)\b.*
      | (?:share|tweet|email|print)(?:\ (?:this|the))?(?:\ (?:article|story|page|post))?
        (?:\ (?:on|via|with)\b.*)?
      | (?:follow|like)\ us\ on\b.*
      | (?:sign\ up|subscribe)\b.*(?:newsletter|updates|alerts)\b.*
      | (?:read|see)\ more(?:\ (?:stories|news|articles))?
      | related(?:\ (?:articles|stories|news))?
      | advertisement
      | rate\ this\ (?:article|story)
    )[\s?!.:…]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""Site furniture that pages append after the story; dropped from the end of a briefing."""

_HEADING_MAX_CHARS = 150
_HEADING_MAX_WORDS = 22
# A line ending like a sentence is prose, not a heading.
_SENTENCE_END = (".", ",", ";", ":", "!", '"', "”", "’", "'", ")", "»")


def parse_text(path: Path, decoded: DecodedText) -> Briefing:
    """The briefing in ``decoded``, read from ``path``, with kinds left at their default."""
    blocks = _drop_trailing_boilerplate(list(_blocks(decoded.text)))
    if not blocks:
        raise BriefingError(path, "has no text besides site boilerplate")
    title, *first_rest = blocks[0]
    draft = Draft(title=title.strip(), origin=path.name, notices=list(decoded.notices))
    rest = ([first_rest] if first_rest else []) + blocks[1:]
    for index, block in enumerate(rest):
        if _is_heading(block) and index < len(rest) - 1:
            draft.heading(Heading(block[0].strip()))
        else:
            for item in block_items(block):
                draft.item(item)
    return draft.build()


def _blocks(text: str) -> Iterator[list[str]]:
    """Runs of non-blank lines; blank lines separate them."""
    block: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _drop_trailing_boilerplate(blocks: list[list[str]]) -> list[list[str]]:
    while blocks and len(blocks) > 1 and all(BOILERPLATE.match(line.strip()) for line in blocks[-1]):
        blocks.pop()
    return blocks


def _is_heading(block: list[str]) -> bool:
    if len(block) != 1:
        return False
    line = block[0].strip()
    if len(line) > _HEADING_MAX_CHARS or line.endswith(_SENTENCE_END) or LIST_MARKER.match(line):
        return False
    return len(line.split()) <= _HEADING_MAX_WORDS
