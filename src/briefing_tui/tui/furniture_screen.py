"""The blocks the reader set aside: site furniture, bylines and credits, shown on request."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing_tui.safe_text import visible
from briefing_tui.tui.scrolling_modal import ScrollingModal, scroll_bindings

__all__ = ["FurnitureScreen"]


class FurnitureScreen(ScrollingModal):
    """Every block set aside while reading the briefing, in the order they stood in the file.

    Nothing the reader recognised as furniture is thrown away: it is listed here, and in
    the JSON export under ``furniture``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,F", "dismiss", "Close", id="furniture.close"),
        *scroll_bindings("furniture"),
    ]

    DEFAULT_CSS = """
    FurnitureScreen .furniture--block { margin: 0 0 1 0; }
    """

    def __init__(self, furniture: tuple[str, ...]) -> None:
        super().__init__()
        self.furniture = furniture
        """The blocks to list, as `Briefing.furniture` holds them."""

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = f"Set aside: {len(self.furniture)}"
            scroll.border_subtitle = "j k Space b g G scroll · Esc closes"
            for block in self.furniture:
                # Briefing text is data: never markup, never escape sequences.
                yield Static(Text(visible(block)), classes="furniture--block")
