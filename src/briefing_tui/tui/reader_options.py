"""How a reader opens a briefing: one record from the command line, through the app, to the screen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from briefing_tui.state import StateStore

__all__ = ["ReaderOptions"]


@dataclass(frozen=True, slots=True)
class ReaderOptions:
    """Everything a `ReaderScreen` is opened with besides the briefing itself."""

    analysed: bool = True
    """Whether the briefing's kinds and sources are known; if not, it is analysed once shown."""
    path: Path | None = None
    """The file it was read from, where the reading position is remembered; None for a pipe."""
    store: StateStore | None = None
    """Where reading positions, marks and history are kept; None keeps nothing."""
    keymap: Mapping[str, str] | None = None
    """Keys by binding id, overriding the defaults (see the help screen for the ids)."""
    search: str | None = None
    """Open at the first match of this regular expression (``+/PATTERN``)."""
    at: str | None = None
    """Open at this paragraph or section id (``--at``)."""
