"""The line the text shows under a briefing's title: who published it, when, from which file, and its notices.

Built from the `BriefingShape` protocol, so that the first frame (a preview, before the
model is built) shows the same line as the analysed briefing. Imports neither Textual nor
pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_tui.safe_text import visible

if TYPE_CHECKING:
    from briefing_tui.shapes import BriefingShape

__all__ = ["meta_line"]

SEPARATOR = "  ·  "


def meta_line(briefing: BriefingShape) -> str:
    """Outlet, author, dateline, date, file name and each notice, safe to show."""
    parts = [
        briefing.outlet,
        briefing.author,
        briefing.dateline,
        briefing.published.isoformat() if briefing.published else None,
        briefing.origin,
        *(f"⚠ {notice}" for notice in briefing.notices),
    ]
    return visible(SEPARATOR.join(part for part in parts if part))
