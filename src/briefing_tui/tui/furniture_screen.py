"""The blocks the reader set aside: site furniture, bylines and credits, shown on request."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing_tui.safe_text import visible

__all__ = ["FurnitureScreen"]


class FurnitureScreen(ModalScreen[None]):
    """Every block set aside while reading the briefing, in the order they stood in the file.

    Nothing the reader recognised as furniture is thrown away: it is listed here, and in
    the JSON export under ``furniture``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,F", "dismiss", "Close", id="furniture.close"),
        Binding("j,down", "scroll('down')", "Down", show=False, id="furniture.down"),
        Binding("k,up", "scroll('up')", "Up", show=False, id="furniture.up"),
    ]

    DEFAULT_CSS = """
    FurnitureScreen {
        align: center middle;
        & > VerticalScroll {
            width: 84;
            max-width: 100%;
            height: auto;
            max-height: 90%;
            border: round $primary;
            border-title-align: center;
            background: $surface;
            padding: 0 1;
        }
        & .furniture--block { margin: 0 0 1 0; }
    }
    """

    def __init__(self, furniture: tuple[str, ...]) -> None:
        super().__init__()
        self.furniture = furniture
        """The blocks to list, as `Briefing.furniture` holds them."""

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = f"Set aside: {len(self.furniture)}"
            scroll.border_subtitle = "Esc closes"
            scroll.can_focus = True
            for block in self.furniture:
                # Briefing text is data: never markup, never escape sequences.
                yield Static(Text(visible(block)), classes="furniture--block")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_scroll(self, direction: str) -> None:
        """Scroll the list a line."""
        scroll = self.query_one(VerticalScroll)
        if direction == "down":
            scroll.scroll_down(animate=False)
        else:
            scroll.scroll_up(animate=False)
