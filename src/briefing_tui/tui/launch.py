"""Start the app from the command line: the reader on a file, or the library."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.config import Settings, load_settings
from briefing_tui.errors import BriefingError
from briefing_tui.ingest import STDIN
from briefing_tui.ingest.plain import Preview
from briefing_tui.ingest.stdin import attach_terminal
from briefing_tui.load import load_for_reading, open_for_reading

if TYPE_CHECKING:
    from briefing_tui.model import Briefing
from briefing_tui.state import StateStore
from briefing_tui.tui.app import BriefingApp, LibraryStart, ReaderOptions, create_app, create_library_app

__all__ = ["build_app", "launch", "launch_library", "library_to_start"]


def launch(path: Path, *, search: str | None = None, at: str | None = None) -> int:
    """Open ``path`` in the reader and return the exit code; raises `BriefingError` for a file it cannot read.

    ``search`` opens at its first match (``+/PATTERN``), ``at`` at a paragraph or section id.
    """
    app = build_app(path, search=search, at=at)
    app.run()
    if app.failure is not None:  # found only after the first frame, said like one found before it
        raise app.failure
    return app.return_code or 0


def build_app(path: Path, *, search: str | None = None, at: str | None = None) -> BriefingApp:
    """The reader for ``path`` with the user's settings and state, each settings problem
    queued as a notification; raises `BriefingError` for a file or ``at`` it cannot open."""
    # Analysed after the first frame, whatever its size: the text is on screen at once.
    # Every object reading makes lives as long as the app, and the reading makes no cycles
    # to collect: the collector waits (at 10 MB it would walk them all twice, 0.1 s).
    gc.disable()
    try:
        if search is None and at is None:
            # A plain text is shown from plain blocks (of its head, if long), the model built after.
            opened, analysed = open_for_reading(path)
        else:  # the match or the id asked for may be anywhere: the whole model first
            opened, analysed = load_for_reading(path, eager_chars=0)
    finally:
        # Then out of its sight for good (full collections cost hundreds of ms at 10 MB,
        # mid-keystroke).
        gc.freeze()
        gc.enable()
    if at is not None and not isinstance(opened, Preview):
        _check_id(path, opened, at)
    if str(path) == STDIN:
        attach_terminal()  # the briefing came down a pipe: the keys come from the terminal, as in less
    settings = _checked_settings()
    remembered = None if str(path) == STDIN else path  # a pipe has no place to remember
    options = ReaderOptions(
        analysed=analysed,
        path=remembered,
        store=StateStore(),
        keymap=settings.keymap,
        search=search,
        at=at,
    )
    app = create_app(opened, options)
    _queue_problems(app, settings.problems)
    return app


def launch_library(folder: Path | None) -> int:
    """Open the library screen (for the briefings of ``folder``, added first) and return the exit code."""
    from briefing_tui.library import Library

    # Opened once here, so a database that cannot be used is one line before any screen.
    Library().close()
    settings = _checked_settings()
    start = LibraryStart(folder=folder.resolve() if folder is not None else None)
    app = create_library_app(start, store=StateStore(), keymap=settings.keymap)
    _queue_problems(app, settings.problems)
    app.run()
    return app.return_code or 0


def library_to_start() -> bool:
    """Whether, with no file named, the library should open: it exists and holds more than one briefing."""
    from briefing_tui.library.location import database_path

    if not database_path().exists():
        return False  # no SQLite to import for a first run
    from briefing_tui.library import Library

    with Library() as library:
        return library.count() > 1


def _checked_settings() -> Settings:
    """The user's settings, their keymap checked against the bindings when they have one."""
    settings = load_settings()
    if not settings.keymap:
        return settings  # nothing to check, so no table of every binding to build
    from briefing_tui.tui.keymap_check import check_keymap

    return check_keymap(settings)


def _queue_problems(app: BriefingApp, problems: tuple[str, ...]) -> None:
    for problem in problems:
        app.call_later(app.inform, problem, title="Settings", severity="warning", timeout=10)


def _check_id(path: Path, briefing: Briefing, at: str) -> None:
    ids = [paragraph.id for paragraph in briefing.paragraphs()]
    sections = [section.id for section in briefing.sections]
    if at not in ids and at not in sections:
        span = f"{ids[0]}…{ids[-1]}" if ids else "none"
        raise BriefingError(
            path, f"has no paragraph or section '{at}' (paragraphs {span}; sections {', '.join(sections)})"
        )
