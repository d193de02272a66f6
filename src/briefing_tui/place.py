"""Places in a briefing named by content, so a reading position or a mark survives edits.

A place is a unit (a section heading or a paragraph, numbered in reading order as
`briefing_tui.search.SearchIndex` numbers them), a character offset inside it, and how
many display lines above that character the view's top stood. The unit is named by its
content anchor (`briefing_tui.anchors`) followed by its neighbours' anchors, nearest
first, so that a place whose paragraph was deleted lands beside where it stood.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing_tui.anchors import Anchor, digest, resolve

if TYPE_CHECKING:
    from briefing_tui.shapes import BriefingShape

__all__ = ["NEIGHBOURS", "Place", "unit_anchors"]

NEIGHBOURS = 3
"""How many neighbours on each side a place keeps, to fall back on."""

_HEADING = "h"  # a heading's digest is prefixed, so it never names a paragraph of the same words


def unit_anchors(briefing: BriefingShape) -> list[Anchor]:
    """The anchor of every unit in reading order: headings and paragraphs."""
    seen: dict[str, int] = {}
    result: list[Anchor] = []
    for section in briefing.sections:
        texts = [] if section.heading is None else [_HEADING + digest(section.heading)]
        texts.extend(digest(paragraph.text) for paragraph in section.paragraphs)
        for key in texts:
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            result.append(f"{key}:{occurrence}")
    return result


@dataclass(frozen=True, slots=True)
class Place:
    """A place in a briefing, named by content."""

    anchors: tuple[Anchor, ...]
    """The unit's anchor, then its neighbours' (after, before, alternating), nearest first."""
    offset: int = 0
    """The character in the unit whose display line is the place."""
    above: int = 0
    """Display lines between the view's top and that line (blank and rule lines above a unit)."""

    @classmethod
    def at(cls, anchors: list[Anchor], unit: int, offset: int = 0, above: int = 0) -> Place:
        """The place at ``unit`` of a briefing whose units have ``anchors``."""
        wanted = [anchors[unit]]
        for step in range(1, NEIGHBOURS + 1):
            wanted.extend(anchors[index] for index in (unit + step, unit - step) if 0 <= index < len(anchors))
        return cls(tuple(wanted), max(0, offset), max(0, above))

    def find(self, anchors: list[Anchor]) -> tuple[int, int, int] | None:
        """``(unit, offset, above)`` in a briefing whose units have ``anchors``, if any survives.

        The offset and lines above only hold for the same unit: a neighbour is entered at its
        start.
        """
        index = {anchor: position for position, anchor in enumerate(anchors)}
        unit = resolve(self.anchors, index)
        if unit is None:
            return None
        if self.anchors and anchors[unit].partition(":")[0] == self.anchors[0].partition(":")[0]:
            return unit, self.offset, self.above
        return unit, 0, 0

    def to_json(self) -> dict[str, object]:
        """The place as JSON values, for the state file."""
        return {"anchors": list(self.anchors), "offset": self.offset, "above": self.above}

    @classmethod
    def from_json(cls, value: object) -> Place | None:
        """A place read back from the state file; None for anything of the wrong shape."""
        if not isinstance(value, Mapping):
            return None
        wanted, offset, above = value.get("anchors"), value.get("offset", 0), value.get("above", 0)
        if not isinstance(wanted, list) or not wanted or not all(isinstance(a, str) for a in wanted):
            return None
        if not isinstance(offset, int) or not isinstance(above, int):
            return None
        return cls(tuple(wanted), max(0, offset), max(0, above))
