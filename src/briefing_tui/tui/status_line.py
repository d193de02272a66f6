"""The status line: where the reader is, what is current, and what ``n`` does next.

In the manner of less and vim: on the left what is being stepped through (``[3/17]
/ceasefire`` or ``citation 2/5 · Felicia Schwartz``) with a one-off notice such as
"search wrapped to top"; on the right what ``n`` will do, the current section and the
position (``Top``, ``42%``, ``END``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from briefing_tui.safe_text import visible

__all__ = ["StatusLine", "position_label"]

_GAP = "  "
MIN_SECTION = 8
"""The fewest cells worth giving the section's heading."""


def position_label(top: int, height: int, lines: int) -> str:
    """Where a view of ``height`` lines from ``top`` stands in ``lines``, as less shows it."""
    if lines <= height:
        return "All"
    if top <= 0:
        return "Top"
    if top + height >= lines:
        return "END"
    return f"{100 * (top + height) // lines}%"


class StatusLine(Widget):
    """One line under the text saying where the reader is and what is current."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "status-line--activity",
        "status-line--notice",
        "status-line--error",
        "status-line--hint",
        "status-line--section",
        "status-line--position",
    }

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
        & > .status-line--activity { color: $text; text-style: bold; }
        & > .status-line--notice { color: $text-warning; }
        & > .status-line--error { color: $text-error; text-style: bold; }
        & > .status-line--hint { color: $text-muted; }
        & > .status-line--section { color: $text-muted; text-style: italic; }
        & > .status-line--position { color: $text; text-style: bold; }
    }
    """

    activity: reactive[str] = reactive("")
    """What ``n`` steps through and where in it the reader is: ``[3/17] /ceasefire``."""
    notice: reactive[str] = reactive("")
    """A one-off notice (a wrap, a mark set), replaced by the next movement."""
    error: reactive[bool] = reactive(False)
    """Whether the notice is a problem (a bad regular expression) rather than news."""
    hint: reactive[str] = reactive("")
    """What ``n`` will do next: ``n: next match``."""
    section: reactive[str] = reactive("")
    """The heading of the section the reader is in."""
    position: reactive[str] = reactive("Top")
    """The position in the briefing: ``Top``, a percentage, ``END`` or ``All``."""

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._styles: dict[str, Style] = {}

    def say(self, notice: str, *, error: bool = False) -> None:
        """Show a one-off notice until the next one (or `quiet`)."""
        self.error = error
        self.notice = notice

    def quiet(self) -> None:
        """Take the one-off notice away."""
        self.notice = ""
        self.error = False

    def render(self) -> Text:
        width = self.content_region.width
        left = Text(no_wrap=True, end="")
        if self.activity:
            left.append(visible(self.activity), self._style("activity"))
        if self.notice:
            left.append(" · " if self.activity else "")
            left.append(visible(self.notice), self._style("error" if self.error else "notice"))
        # The position always shows, then what is current, then the hint; the section takes
        # what room is left, cut short with an ellipsis.
        right = [(part, name) for part, name in ((self.hint, "hint"), (self.position, "position")) if part]
        if len(right) > 1 and _width(right) + left.cell_len + len(_GAP) > width:
            right.pop(0)
        room = min(width // 3, width - _width(right) - left.cell_len - 2 * len(_GAP))
        if self.section and room >= MIN_SECTION:
            section = Text(visible(self.section), self._style("section"), no_wrap=True, end="")
            section.truncate(room, overflow="ellipsis")
            right.insert(len(right) - 1, (section.plain, "section"))
        room = max(0, width - _width(right) - len(_GAP))
        if left.cell_len > room:
            left.truncate(room, overflow="ellipsis")
        line = Text(no_wrap=True, end="")
        line.append_text(left)
        line.append(" " * max(len(_GAP), width - left.cell_len - _width(right)))
        for number, (part, name) in enumerate(right):
            line.append(_GAP if number else "")
            line.append(visible(part), self._style(name))
        return line

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def _style(self, name: str) -> Style:
        # Read once per style change: looking a component style up costs more than the render.
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(f"status-line--{name}", partial=True)
        return style


def _width(parts: list[tuple[str, str]]) -> int:
    return sum(cell_len(part) for part, _ in parts) + len(_GAP) * max(0, len(parts) - 1)
