"""Peer: the document in Textual's `MarkdownViewer` with its table of contents.

``python bench/peers/markdown_app.py PATH.md``: what rendering a briefing as Markdown widgets
(one widget per block) costs; frogmouth is built on the same widget.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import MarkdownViewer


class MarkdownApp(App[None]):
    """The whole document in a `MarkdownViewer`, table of contents shown."""

    # The table of contents sizes itself to its longest heading; a long one (front matter
    # rendered as a heading, say) would take the whole width and hide the document.
    CSS = "MarkdownTableOfContents { max-width: 40; }"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield MarkdownViewer(self.text, show_table_of_contents=True)


if __name__ == "__main__":
    MarkdownApp(Path(sys.argv[1]).read_text(encoding="utf-8")).run()
