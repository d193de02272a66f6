"""The line at the top: the briefing's title, outlet and date."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from briefing_tui.safe_text import visible
from briefing_tui.shapes import BriefingShape

__all__ = ["TitleBar"]


class TitleBar(Static):
    """One line naming the briefing: its title, then outlet and date, dimmed."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, briefing: BriefingShape) -> None:
        super().__init__(_title_line(briefing), id="title-bar")


def _title_line(briefing: BriefingShape) -> Text:
    details = [briefing.outlet, briefing.published.isoformat() if briefing.published else None]
    line = Text(visible(briefing.title), style="bold")
    suffix = "  ·  ".join(visible(detail) for detail in details if detail)
    if suffix:
        line.append(f"  ·  {suffix}", style="dim")
    return line
