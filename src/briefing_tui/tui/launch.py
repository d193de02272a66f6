"""Start the reader on a file from the command line."""

from __future__ import annotations

import gc
from pathlib import Path

from briefing_tui.config import load_settings
from briefing_tui.ingest import STDIN
from briefing_tui.ingest.stdin import attach_terminal
from briefing_tui.load import load_for_reading
from briefing_tui.state import StateStore
from briefing_tui.tui.app import create_app

__all__ = ["launch"]


def launch(path: Path) -> int:
    """Open ``path`` in the reader and return the exit code; raises `BriefingError` before any screen."""
    # Analysed after the first frame, whatever its size: the text is on screen at once.
    briefing, analysed = load_for_reading(path, eager_chars=0)
    if str(path) == STDIN:
        attach_terminal()  # the briefing came down a pipe: the keys come from the terminal, as in less
    # The briefing lives as long as the app: keep the cyclic collector from walking its
    # objects again and again (full collections cost hundreds of ms at 10 MB, mid-keystroke).
    gc.freeze()
    settings = load_settings()
    remembered = None if str(path) == STDIN else path  # a pipe has no place to remember
    app = create_app(briefing, analysed=analysed, path=remembered, store=StateStore(), keymap=settings.keymap)
    for problem in settings.problems:
        app.call_later(app.inform, problem, title="Settings", severity="warning", timeout=10)
    app.run()
    return app.return_code or 0
