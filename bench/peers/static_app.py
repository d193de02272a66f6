"""Peer: the least a Textual app can do with a document, one `Static` in a scrolling container.

``python bench/peers/static_app.py PATH`` shows the file's text as it is (no markup), wrapped
to the window. It is the floor any Textual app pays to start and paint, and what laying out
a whole long text as one widget costs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class StaticApp(App[None]):
    """The whole document in one `Static`."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.text, markup=False)


if __name__ == "__main__":
    StaticApp(Path(sys.argv[1]).read_text(encoding="utf-8")).run()
