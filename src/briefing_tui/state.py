"""What the reader remembers between sessions: where you were in each briefing, and your searches.

The state lives in one JSON file outside any briefing (``$BRIEFING_TUI_STATE_DIR``, else
``$XDG_STATE_HOME/briefing-tui``, else ``~/.local/state/briefing-tui``). Every save re-reads
the file and merges into it, so two readers open at once do not undo each other, and
writes go to a temporary file that then replaces the old one, so a crash mid-write leaves
the previous state intact. A file that cannot be parsed is moved aside, never overwritten.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["STATE_DIR_ENV", "ReadingState", "StateError", "StateStore", "default_state_dir"]

STATE_DIR_ENV = "BRIEFING_TUI_STATE_DIR"
"""Environment variable naming the folder the state file lives in."""
HISTORY_LIMIT = 100
POSITIONS_LIMIT = 500
_VERSION = 1


class StateError(Exception):
    """The state file could not be written; the message says where and why."""


@dataclass(frozen=True, slots=True)
class ReadingState:
    """Where the reader was in one briefing."""

    unit: int
    """The unit (heading or paragraph, in reading order) at the top of the view."""
    units: int
    """How many units the briefing had, so a changed file is not restored into."""


def default_state_dir() -> Path:
    """The folder the state file lives in, by the rules in this module's docstring."""
    explicit = os.environ.get(STATE_DIR_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_STATE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "state"
    return base / "briefing-tui"


class StateStore:
    """Reads and atomically writes the state file."""

    def __init__(self, directory: Path | None = None) -> None:
        self.path = (directory or default_state_dir()) / "state.json"
        """The state file."""
        self._known: dict[str, Any] | None = None

    def _read(self) -> dict[str, Any]:
        # Reads come from one snapshot, so opening the reader parses the file once; every
        # write still merges into what is on disk then.
        if self._known is None:
            self._known = self._load()
        return self._known

    def position(self, briefing: Path, units: int) -> int | None:
        """The unit to reopen ``briefing`` at, if it was read before and has not changed shape."""
        entry = self._read().get("positions", {}).get(_key(briefing))
        if not isinstance(entry, dict) or entry.get("units") != units:
            return None
        unit = entry.get("unit")
        return unit if isinstance(unit, int) and 0 <= unit < units else None

    def history(self) -> list[str]:
        """Earlier search queries, oldest first."""
        history = self._read().get("history", [])
        return [query for query in history if isinstance(query, str)][-HISTORY_LIMIT:]

    def set_position(self, briefing: Path, state: ReadingState) -> None:
        """Remember where the reader is in ``briefing``."""

        def change(data: dict[str, Any]) -> None:
            positions = data.setdefault("positions", {})
            positions.pop(_key(briefing), None)
            positions[_key(briefing)] = {"unit": state.unit, "units": state.units}
            for stale in list(positions)[:-POSITIONS_LIMIT]:
                del positions[stale]

        self._update(change)

    def value(self, name: str, briefing: Path | None = None) -> Any:
        """The JSON value saved as ``name`` for ``briefing`` (or for every briefing), else None."""
        if briefing is None:
            return self._read().get("values", {}).get(name)
        return self._read().get("briefings", {}).get(_key(briefing), {}).get(name)

    def set_value(self, name: str, value: Any, briefing: Path | None = None) -> None:
        """Save the JSON value ``value`` as ``name`` for ``briefing`` (or for every briefing)."""

        def change(data: dict[str, Any]) -> None:
            if briefing is None:
                data.setdefault("values", {})[name] = value
                return
            briefings = data.setdefault("briefings", {})
            entry = briefings.pop(_key(briefing), {})
            entry[name] = value
            briefings[_key(briefing)] = entry  # most recent last, so the oldest go first
            for stale in list(briefings)[:-POSITIONS_LIMIT]:
                del briefings[stale]

        self._update(change)

    def set_history(self, history: list[str]) -> None:
        """Remember the search queries, oldest first."""

        def change(data: dict[str, Any]) -> None:
            data["history"] = list(history)[-HISTORY_LIMIT:]

        self._update(change)

    def _load(self) -> dict[str, Any]:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError:
            return {}
        try:
            data = json.loads(raw)
        except ValueError:
            self._move_aside()
            return {}
        if not isinstance(data, dict):
            return {}
        # Someone else's edit may have left any shape: keep only what has the right one.
        if not isinstance(data.get("positions"), dict):
            data.pop("positions", None)
        if not isinstance(data.get("history"), list):
            data.pop("history", None)
        for table in ("values", "briefings"):
            if not isinstance(data.get(table), dict):
                data.pop(table, None)
        briefings = data.get("briefings", {})
        for stale in [key for key, entry in briefings.items() if not isinstance(entry, dict)]:
            del briefings[stale]
        return data

    def _update(self, change: Callable[[dict[str, Any]], None]) -> None:
        data = self._load()
        data["version"] = _VERSION
        change(data)
        self._write(json.dumps(data, indent=1, ensure_ascii=False))
        self._known = data

    def _write(self, text: str) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".state-", suffix=".json", dir=self.path.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(text)
                    stream.flush()
                    os.fsync(stream.fileno())
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            reason = (error.strerror or type(error).__name__).lower()
            raise StateError(f"{self.path}: could not save reading state ({reason})") from None

    def _move_aside(self) -> None:
        # A state file we cannot parse may still matter to someone: keep it, start afresh.
        with contextlib.suppress(OSError):
            os.replace(self.path, self.path.with_suffix(".json.unreadable"))


def _key(briefing: Path) -> str:
    return str(briefing.resolve())
