"""Plain blocks: a briefing as frozen dataclasses, to draw the first frame before the model exists.

The first frame of a plain text needs its title, headings and paragraphs and nothing of
what Pydantic gives (validation, JSON, the analysis' fields). These classes have the shape
the text view reads (`briefing_tui.shapes`), the same ids and texts as the model that
`briefing_tui.ingest.structure.Draft.build` makes of the same draft, and no sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing_tui.enums import BlockKind, SectionKind

if TYPE_CHECKING:
    from briefing_tui.model import Attribution, Briefing
    from briefing_tui.shapes import ParagraphShape

__all__ = ["PlainBriefing", "PlainParagraph", "PlainSection", "Preview"]


@dataclass(frozen=True, slots=True)
class PlainParagraph:
    """A paragraph as read, before analysis."""

    id: str
    text: str
    marker: str | None
    block: BlockKind
    rows: tuple[tuple[str, ...], ...]
    kind: SectionKind = SectionKind.BACKGROUND
    attributions: tuple[Attribution, ...] = ()


@dataclass(frozen=True, slots=True)
class PlainSection:
    """A section as read: its heading and paragraphs."""

    id: str
    heading: str | None
    paragraphs: tuple[PlainParagraph, ...]
    kind: SectionKind = SectionKind.BACKGROUND


@dataclass(frozen=True, slots=True)
class PlainBriefing:
    """A briefing as read: metadata, notices and sections; no sources before analysis."""

    title: str
    outlet: str | None
    author: str | None
    published: dt.date | None
    dateline: str | None
    origin: str | None
    notices: tuple[str, ...]
    furniture: tuple[str, ...]
    sections: tuple[PlainSection, ...]

    def rests_on_one_anonymous_source(self, paragraph: ParagraphShape) -> bool:
        """Never: nothing is attributed before analysis."""
        return False


@dataclass(frozen=True, slots=True)
class Preview:
    """What a reader shows of a plain text before its model is built, and how to build the model."""

    shown: PlainBriefing
    """The text as plain blocks: all of it, or the head of a long one (see `complete`)."""
    whole: Callable[[], Briefing]
    """Builds the model of the whole text: the briefing `briefing_tui.ingest.read_document` gives."""
    complete: bool
    """Whether `shown` holds the whole text; if not, it is the head of a long text, with
    nothing set aside and only the decoding's notices (only the whole says what its end sets aside)."""
    path: str
    """The file as the user named it, for a message about it."""
