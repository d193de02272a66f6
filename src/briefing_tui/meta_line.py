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

__all__ = ["meta_line", "set_aside"]

SEPARATOR = "  ·  "


def meta_line(briefing: BriefingShape) -> str:
    """Outlet, author, dateline, date, file name, each notice and what was set aside, safe to show."""
    parts = [
        briefing.outlet,
        briefing.author,
        briefing.dateline,
        briefing.published.isoformat() if briefing.published else None,
        briefing.origin,
        *(f"⚠ {notice}" for notice in briefing.notices),
        set_aside(len(briefing.furniture)),
    ]
    return visible(SEPARATOR.join(part for part in parts if part))


def set_aside(count: int) -> str | None:
    """What the line says of ``count`` blocks set aside (F lists them); None for none.

    Counted from the briefing's furniture, not kept as a notice: it is news of the reading,
    not a problem of the file, so nothing toasts it. Short, so that the line holds it whole
    at 80 columns: the line stays one line, and the text below does not move when the
    model comes with what the end of a long text sets aside.
    """
    if not count:
        return None
    which = "1 block" if count == 1 else f"{count} blocks"
    return f"{which} set aside (F lists {'it' if count == 1 else 'them'})"
