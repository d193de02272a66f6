"""Where the library lives: the platform's data folder, unless ``$BRIEFING_TUI_DATA_DIR`` says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DATABASE_NAME", "DATA_DIR_ENV", "database_path", "default_data_dir"]

DATA_DIR_ENV = "BRIEFING_TUI_DATA_DIR"
"""Environment variable naming the folder the library database lives in."""
DATABASE_NAME = "library.sqlite3"
"""The database file's name inside that folder."""


def default_data_dir() -> Path:
    """``$BRIEFING_TUI_DATA_DIR``, else the platform's user data folder for briefing-tui."""
    explicit = os.environ.get(DATA_DIR_ENV)
    if explicit:
        return Path(explicit)
    # Imported here: only a session that uses the library pays for it.
    import platformdirs

    return Path(platformdirs.user_data_dir("briefing-tui", appauthor=False))


def database_path(directory: Path | None = None) -> Path:
    """The library database file in ``directory`` (default: `default_data_dir`)."""
    return (directory or default_data_dir()) / DATABASE_NAME
