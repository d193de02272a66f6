"""What holds a pane's room on the reader's first frame, until the pane itself is mounted."""

from __future__ import annotations

from textual.app import RenderResult
from textual.widget import Widget

__all__ = ["Reserved"]


class Reserved(Widget):
    """An empty stand-in of a pane's size and colour, so that mounting the pane moves nothing.

    The side panes, the search bar and the footer cost the first frame more than the text
    does (their widgets' styles are parsed and applied as they mount), so the reader
    mounts them just after it. A side pane's stand-in takes the width the pane will have,
    so the text is wrapped once, to its final width; the footer's takes its line.
    """

    DEFAULT_CSS = """
    Reserved { height: 1fr; background: $panel; }
    Reserved.-footer { dock: bottom; height: 1; background: $footer-background; }
    """

    def render(self) -> RenderResult:
        return ""
