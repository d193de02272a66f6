"""A modal listing what changed in the briefing: new, changed and removed paragraphs, new sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing_tui.safe_text import visible
from briefing_tui.tui.scrolling_modal import ScrollingModal, scroll_bindings

if TYPE_CHECKING:
    from briefing_tui.diff import BriefingDiff

__all__ = ["ChangesScreen"]

_SIGNS = {
    "new": ("+ new", "bold green"),
    "changed": ("~ changed", "bold yellow"),
    "removed": ("- removed", "bold red"),
}
_SHOWN = 300


class ChangesScreen(ScrollingModal):
    """Every change of the last new version, by section; removed paragraphs are only shown here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,C", "dismiss", "Close", id="changes.close"),
        *scroll_bindings("changes"),
    ]

    DEFAULT_CSS = """
    ChangesScreen > VerticalScroll { width: 90%; max-width: 110; }
    """

    def __init__(self, diff: BriefingDiff) -> None:
        super().__init__()
        self.diff = diff

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "What changed"
            scroll.border_subtitle = "j k Space b g G scroll · Esc closes"
            yield Static(self._text(), id="changes")

    def _text(self) -> Text:
        diff = self.diff
        text = Text(f"What changed: {diff.summary()}\n", style="bold")
        for heading, changes in diff.by_section():
            text.append(f"\n{visible(heading) if heading is not None else 'Lead'}\n", style="bold underline")
            for change in changes:
                label, style = _SIGNS[change.kind]
                text.append(f"{label:<10}", style=style)
                text.append(f"{_short(change.text)}\n")
                if change.was is not None:
                    text.append(f"{'  was':<10}{_short(change.was)}\n", style="dim")
        if diff.new_sources:
            text.append("\nNew sources\n", style="bold underline")
            for source in diff.new_sources:
                text.append("+ ", style="bold green")
                text.append(f"{visible(source.name)}\n")
        return text

    async def action_dismiss(self, result: None = None) -> None:
        """Close the list."""
        self.dismiss(result)


def _short(text: str) -> str:
    flat = visible(" ".join(text.split()))
    return flat if len(flat) <= _SHOWN else flat[: _SHOWN - 1] + "…"
