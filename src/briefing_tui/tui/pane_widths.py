"""How wide the side panes are: a share of the terminal within a minimum and a maximum, or
what the reader chose with ``<`` and ``>``, always leaving the text room to be read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["PANES", "STEP", "TEXT_MIN", "PaneRule", "pane_widths", "resized"]

STEP = 2
"""Cells one press of ``<`` or ``>`` takes or gives."""
TEXT_MIN = 44
"""The fewest cells the text keeps when side panes are shown (they shrink first)."""


@dataclass(frozen=True, slots=True)
class PaneRule:
    """How wide one side pane is by default, and how narrow or wide it may get."""

    share: float
    """Its share of the terminal's width."""
    least: int
    """The narrowest it starts, on a terminal wide enough."""
    most: int
    """The widest it starts, however wide the terminal."""
    floor: int
    """The narrowest it ever gets: on a small terminal, or by ``<``."""


PANES: dict[str, PaneRule] = {
    "outline": PaneRule(share=0.22, least=26, most=48, floor=16),
    "sources": PaneRule(share=0.25, least=30, most=56, floor=18),
}
"""The side panes by id."""


def pane_widths(width: int, shown: Mapping[str, bool], chosen: Mapping[str, int]) -> dict[str, int]:
    """The width of each side pane on a terminal ``width`` cells wide.

    A pane the reader sized (``chosen``) keeps its width; the others take their share,
    within their least and most. Either way the shown panes give way, down to their floors,
    so that the text keeps `TEXT_MIN` cells.
    """
    widths: dict[str, int] = {}
    for pane, rule in PANES.items():
        wanted = chosen.get(pane) or min(rule.most, max(rule.least, round(width * rule.share)))
        widths[pane] = max(rule.floor, wanted)
    spare = width - TEXT_MIN - sum(widths[pane] for pane in PANES if shown.get(pane, False))
    for pane in sorted(PANES, key=lambda p: -widths[p]):  # the widest gives way first
        if spare >= 0:
            break
        if shown.get(pane, False):
            give = min(-spare, widths[pane] - PANES[pane].floor)
            widths[pane] -= give
            spare += give
    return widths


def resized(pane: str, current: int, step: int, width: int, others: int) -> int:
    """``pane``'s width after ``step`` presses (negative narrows), within its floor and the
    room that leaves the text `TEXT_MIN` cells beside ``others`` (the other shown pane)."""
    rule = PANES[pane]
    return max(rule.floor, min(current + step * STEP, width - TEXT_MIN - others))
