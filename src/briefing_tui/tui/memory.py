"""What the reader keeps between sessions, saved as the reader goes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from textual.timer import Timer

from briefing_tui.place import Place
from briefing_tui.state import StateError, StateStore

__all__ = ["SAVE_DELAY", "ReadingMemory"]

SAVE_DELAY = 0.5
"""Seconds of stillness before the reading position is saved."""

Schedule = Callable[[float, Callable[[], None]], Timer]
Warn = Callable[[str], None]

_PLACE = "place"
_MARKS = "marks"
_THEME = "theme"
_PANE_WIDTHS = "pane_widths"


class ReadingMemory:
    """Remembers where the reader is in one briefing, its marks, the search history, the theme
    and the pane widths.

    Places are named by content (`briefing_tui.place.Place`), so they survive edits to the
    briefing. The position is saved once the reader has been still for `SAVE_DELAY`
    (scrolling writes nothing), and again on `flush` so that quitting straight after a move
    keeps it. A store that cannot be written is reported once through ``warn``, never raised.
    """

    def __init__(self, store: StateStore | None, path: Path | None, schedule: Schedule, warn: Warn) -> None:
        self._store = store
        self._path = path
        self._schedule = schedule
        self._warn = warn
        self._warned = False
        self._timer: Timer | None = None
        self._place: Place | None = None

    def history(self) -> list[str]:
        """Earlier search queries, oldest first."""
        return self._store.history() if self._store is not None else []

    def notices(self) -> list[str]:
        """What was wrong with the saved state as found (it was set aside), one line each."""
        return list(self._store.notices) if self._store is not None else []

    def place(self) -> Place | None:
        """Where the briefing was left, if it was read before."""
        return Place.from_json(self._briefing_value(_PLACE))

    def legacy_position(self, units: int) -> int | None:
        """A position saved by an earlier version (a unit number), if the shape is unchanged."""
        if self._store is None or self._path is None:
            return None
        return self._store.position(self._path, units)

    def moved(self, place: Place) -> None:
        """The reader is now at ``place``; save it after a pause."""
        if self._store is None or self._path is None:
            return
        self._place = place
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._schedule(SAVE_DELAY, self._save_place)

    def marks(self) -> dict[str, Place]:
        """The marks set in this briefing, by letter."""
        saved = self._briefing_value(_MARKS)
        if not isinstance(saved, dict):
            return {}
        marks = {letter: Place.from_json(value) for letter, value in saved.items() if isinstance(letter, str)}
        return {letter: place for letter, place in marks.items() if place is not None}

    def set_marks(self, marks: dict[str, Place]) -> None:
        """Save this briefing's marks now."""
        if self._store is not None and self._path is not None:
            value = {letter: place.to_json() for letter, place in sorted(marks.items())}
            self._saving(partial(self._store.set_value, _MARKS, value, self._path))

    def theme(self) -> str | None:
        """The theme chosen last, in any briefing."""
        theme = self._store.value(_THEME) if self._store is not None else None
        return theme if isinstance(theme, str) else None

    def set_theme(self, theme: str) -> None:
        """Remember the theme for every briefing."""
        if self._store is not None and self.theme() != theme:
            self._saving(partial(self._store.set_value, _THEME, theme))

    def pane_widths(self) -> dict[str, int]:
        """The side panes' widths as last set, by pane id."""
        widths = self._store.value(_PANE_WIDTHS) if self._store is not None else None
        if not isinstance(widths, dict):
            return {}
        return {pane: width for pane, width in widths.items() if isinstance(width, int) and width > 0}

    def set_pane_widths(self, widths: dict[str, int]) -> None:
        """Remember the side panes' widths for every briefing."""
        if self._store is not None:
            self._saving(partial(self._store.set_value, _PANE_WIDTHS, dict(widths)))

    def searched(self, history: list[str]) -> None:
        """Save the search history now."""
        if self._store is not None:
            self._saving(partial(self._store.set_history, history))

    def flush(self) -> None:
        """Save a position still waiting for its pause."""
        if self._timer is not None:
            self._timer.stop()
            self._save_place()

    def _briefing_value(self, name: str) -> Any:
        if self._store is None or self._path is None:
            return None
        return self._store.value(name, self._path)

    def _save_place(self) -> None:
        self._timer = None
        if self._store is not None and self._path is not None and self._place is not None:
            self._saving(partial(self._store.set_value, _PLACE, self._place.to_json(), self._path))

    def _saving(self, save: Callable[[], None]) -> None:
        try:
            save()
        except StateError as error:
            if not self._warned:
                self._warned = True
                self._warn(str(error))
