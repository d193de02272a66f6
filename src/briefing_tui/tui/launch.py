"""Start the reader on a file from the command line."""

from __future__ import annotations

import gc
from pathlib import Path

from briefing_tui.config import load_settings
from briefing_tui.load import load_for_reading
from briefing_tui.state import StateStore
from briefing_tui.tui.app import create_app

__all__ = ["launch"]


def launch(path: Path) -> int:
    """Open ``path`` in the reader and return the exit code; raises `BriefingError` before any screen."""
    # Analysed after the first frame, whatever its size: the text is on screen at once.
    briefing, analysed = load_for_reading(path, eager_chars=0)
    # The briefing lives as long as the app: keep the cyclic collector from walking its
    # objects again and again (full collections cost hundreds of ms at 10 MB, mid-keystroke).
    gc.freeze()
    settings = load_settings()
    app = create_app(briefing, analysed=analysed, path=path, store=StateStore(), keymap=settings.keymap)
    for problem in settings.problems:
        app.call_later(app.inform, problem, title="Settings", severity="warning", timeout=10)
    app.run()
    return app.return_code or 0
