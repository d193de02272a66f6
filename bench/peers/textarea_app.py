"""Peer: the document in a read-only `TextArea`, Textual's own widget for long text.

``python bench/peers/textarea_app.py PATH``: the file's text, soft-wrapped (the default), not
editable. `TextArea` renders only the visible lines but wraps the whole document up front.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TextArea


class TextAreaApp(App[None]):
    """The whole document in a read-only `TextArea`."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield TextArea(self.text, read_only=True)


if __name__ == "__main__":
    TextAreaApp(Path(sys.argv[1]).read_text(encoding="utf-8")).run()
