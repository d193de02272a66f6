"""A modal panel of text longer than the screen, scrolled with the keys that scroll the text."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

__all__ = ["ScrollingModal", "scroll_bindings"]


def scroll_bindings(prefix: str) -> list[Binding]:
    """j k Space b g G (and the arrows and paging keys) for a panel, with ids under ``prefix``."""
    return [
        Binding("j,down", "scroll('down')", "Down", show=False, id=f"{prefix}.down"),
        Binding("k,up", "scroll('up')", "Up", show=False, id=f"{prefix}.up"),
        Binding("space,pagedown", "scroll('page_down')", "Page down", show=False, id=f"{prefix}.page_down"),
        Binding("b,pageup", "scroll('page_up')", "Page up", show=False, id=f"{prefix}.page_up"),
        Binding("g,home", "scroll('home')", "Top", show=False, id=f"{prefix}.top"),
        Binding("G,end", "scroll('end')", "Bottom", show=False, id=f"{prefix}.bottom"),
    ]


class ScrollingModal(ModalScreen[None]):
    """A bordered panel over the reader whose one `VerticalScroll` the reader's keys move.

    Subclasses compose the `VerticalScroll`, name their keys with `scroll_bindings` and a
    close binding, and may restyle the panel.
    """

    DEFAULT_CSS = """
    ScrollingModal {
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
    }
    """

    def on_mount(self) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.can_focus = True
        scroll.focus()

    def action_scroll(self, where: str) -> None:
        """Scroll the panel, as the same keys scroll the text."""
        scroll = self.query_one(VerticalScroll)
        moves = {
            "down": scroll.scroll_down,
            "up": scroll.scroll_up,
            "page_down": scroll.scroll_page_down,
            "page_up": scroll.scroll_page_up,
            "home": scroll.scroll_home,
            "end": scroll.scroll_end,
        }
        moves[where](animate=False)
