"""What the reader keeps between sessions, saved as the reader goes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from textual.timer import Timer

from briefing_tui.state import ReadingState, StateError, StateStore

__all__ = ["SAVE_DELAY", "ReadingMemory"]

SAVE_DELAY = 0.5
"""Seconds of stillness before the reading position is saved."""

Schedule = Callable[[float, Callable[[], None]], Timer]
Warn = Callable[[str], None]


class ReadingMemory:
    """Remembers the reading position of one briefing and the search history.

    The position is saved once the reader has been still for `SAVE_DELAY` (scrolling
    writes nothing), and again on `flush` so that quitting straight after a move keeps it.
    A store that cannot be written is reported once through ``warn``, never raised.
    """

    def __init__(self, store: StateStore | None, path: Path | None, schedule: Schedule, warn: Warn) -> None:
        self._store = store
        self._path = path
        self._schedule = schedule
        self._warn = warn
        self._warned = False
        self._timer: Timer | None = None
        self._position: ReadingState | None = None

    def history(self) -> list[str]:
        """Earlier search queries, oldest first."""
        return self._store.history() if self._store is not None else []

    def notices(self) -> list[str]:
        """What was wrong with the saved state as found (it was set aside), one line each."""
        return list(self._store.notices) if self._store is not None else []

    def position(self, units: int) -> int | None:
        """Where to reopen the briefing, if it was read before with the same number of units."""
        if self._store is None or self._path is None:
            return None
        return self._store.position(self._path, units)

    def moved(self, unit: int, units: int) -> None:
        """The reader is now at ``unit`` of ``units``; save it after a pause."""
        if self._store is None or self._path is None:
            return
        self._position = ReadingState(unit, units)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._schedule(SAVE_DELAY, self._save_position)

    def searched(self, history: list[str]) -> None:
        """Save the search history now."""
        if self._store is not None:
            self._saving(partial(self._store.set_history, history))

    def flush(self) -> None:
        """Save a position still waiting for its pause."""
        if self._timer is not None:
            self._timer.stop()
            self._save_position()

    def _save_position(self) -> None:
        self._timer = None
        if self._store is not None and self._path is not None and self._position is not None:
            self._saving(partial(self._store.set_position, self._path, self._position))

    def _saving(self, save: Callable[[], None]) -> None:
        try:
            save()
        except StateError as error:
            if not self._warned:
                self._warned = True
                self._warn(str(error))
