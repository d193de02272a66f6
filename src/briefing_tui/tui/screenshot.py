"""The palette's Screenshot command: save an SVG of the screen and say where, or why not."""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import App

__all__ = ["SCREENSHOT_DIR_ENV", "save_screenshot", "screenshot_dir"]

SCREENSHOT_DIR_ENV = "BRIEFING_TUI_SCREENSHOT_DIR"
"""Environment variable naming the folder screenshots are saved in."""


def screenshot_dir() -> Path:
    """Where screenshots go: `SCREENSHOT_DIR_ENV`, else the Downloads folder, else the current one."""
    explicit = os.environ.get(SCREENSHOT_DIR_ENV)
    if explicit:
        return Path(explicit)
    downloads = Path.home() / "Downloads"
    return downloads if downloads.is_dir() else Path.cwd()


def save_screenshot(app: App[None]) -> None:
    """Save the screen as SVG and notify with the file's path, or with the reason it failed."""
    folder = screenshot_dir()
    try:
        saved = app.save_screenshot(path=str(folder))
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        message = (
            f"Could not save the screenshot in {folder} ({reason}); "
            f"set {SCREENSHOT_DIR_ENV} to a folder you can write to."
        )
        app.notify(message, title="Screenshot", severity="error", markup=False, timeout=10)
        return
    app.notify(f"Saved the screenshot to {saved}", title="Screenshot", markup=False, timeout=8)
