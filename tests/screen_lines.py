"""What a user sees: the screen's lines as the compositor hands them to the terminal.

Shared by the tests of the app (imported as a top-level module: pytest puts ``tests/`` on
``sys.path`` for modules outside packages).
"""

from __future__ import annotations

from typing import Any

__all__ = ["screen_text"]


def screen_text(app: Any) -> list[str]:
    """Every line of the screen as the compositor hands it to the terminal driver."""
    return [strip.text for strip in app.screen._compositor.render_strips()]
