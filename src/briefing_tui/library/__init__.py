"""The library of briefings in SQLite: storing, listing, searching across them. Never imports Textual."""

from __future__ import annotations

from briefing_tui.library.location import DATA_DIR_ENV, database_path, default_data_dir
from briefing_tui.library.store import AddResult, BriefingRow, Library, LibraryError

__all__ = [
    "DATA_DIR_ENV",
    "AddResult",
    "BriefingRow",
    "Library",
    "LibraryError",
    "database_path",
    "default_data_dir",
]
