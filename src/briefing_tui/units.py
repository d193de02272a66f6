"""The one numbering of a briefing's text units, shared by the reader's layout and search.

A **unit** is a run of text the reader lays out and search looks through: for each
section in order, its heading (when it has one), then each of its paragraphs. A unit's
number is its position in that sequence. `briefing_tui.tui.layout` and
`briefing_tui.search.SearchIndex` both walk the briefing through `walk`, so a match's unit
is the unit the view shows. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:  # the text view walks plain blocks too, before the model (and Pydantic) is loaded
    from briefing_tui.model import Briefing, Paragraph
    from briefing_tui.shapes import BriefingShape, ParagraphShape

__all__ = ["paragraph_units", "unit_count", "walk"]


@overload
def walk(briefing: Briefing) -> Iterator[tuple[int, str, Paragraph | None]]: ...
@overload
def walk(briefing: BriefingShape) -> Iterator[tuple[int, str, ParagraphShape | None]]: ...
def walk(briefing: BriefingShape) -> Iterator[tuple[int, str, ParagraphShape | None]]:
    """``(section index, text, paragraph)`` of every unit in order; the paragraph is None for a heading."""
    for index, section in enumerate(briefing.sections):
        if section.heading is not None:
            yield index, section.heading, None
        for paragraph in section.paragraphs:
            yield index, paragraph.text, paragraph


def paragraph_units(briefing: Briefing) -> list[int]:
    """The unit number of each paragraph, in the order of `Briefing.paragraphs`."""
    return [number for number, (_, _, paragraph) in enumerate(walk(briefing)) if paragraph is not None]


def unit_count(briefing: Briefing) -> int:
    """How many units the briefing has."""
    return sum(len(section.paragraphs) + (section.heading is not None) for section in briefing.sections)
