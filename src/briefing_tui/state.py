"""What the reader remembers between sessions: where you were in each briefing, and your searches.

The state lives in one JSON file outside any briefing (``$BRIEFING_TUI_STATE_DIR``, else
``$XDG_STATE_HOME/briefing-tui``, else ``~/.local/state/briefing-tui``). The rules, which
any other store of reader state follows too:

- **Never stops the reader.** Whatever is wrong with the file (bad UTF-8, bad JSON, nesting
  deep enough to exhaust the recursion limit, the wrong shape) it is moved aside, never
  overwritten, a notice says so (`StateStore.notices`), and reading starts afresh. A
  briefing path that no longer resolves (a symlink loop, a deleted working directory)
  means its state is neither read nor written, with a `StateError` for writes.
- **Shared by readers open at once.** Every write takes an advisory lock (``fcntl.flock``
  on ``.state.lock`` next to the file), re-reads the file, merges this reader's change into
  it and replaces it atomically. History entries and positions of every reader survive.
- **Crash-safe.** A write goes to a temporary ``.state-*.json`` that then replaces the file,
  so ``kill -9`` mid-write leaves the previous state; a temporary file left by such a kill
  is removed the next time a reader starts.

Besides positions and history, `StateStore.value` and `StateStore.set_value` keep any JSON
value by name, per briefing or for the reader as a whole, so features can remember things
(marks, pane widths, a theme) without a change of format here.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["STATE_DIR_ENV", "ReadingState", "StateError", "StateStore", "default_state_dir"]

STATE_DIR_ENV = "BRIEFING_TUI_STATE_DIR"
"""Environment variable naming the folder the state file lives in."""
HISTORY_LIMIT = 100
POSITIONS_LIMIT = 500
_VERSION = 1
_TEMPORARY_PREFIX, _TEMPORARY_SUFFIX = ".state-", ".json"
# Keys of the JSON object and the shape each must have; anything else is dropped on read.
_SHAPES: dict[str, type] = {"positions": dict, "history": list, "briefings": dict, "values": dict}


class StateError(Exception):
    """The state could not be written; the message says where and why."""


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
    """Reads the state file, and writes it under a lock, merged and atomically."""

    def __init__(self, directory: Path | None = None) -> None:
        self.path = (directory or default_state_dir()) / "state.json"
        """The state file."""
        self.lock_path = self.path.with_name(".state.lock")
        """The file whose advisory lock every writer holds while it writes."""
        self.notices: list[str] = []
        """What was wrong with the state file as found, one line each, for people."""
        self._known: dict[str, Any] | None = None

    def _read(self) -> dict[str, Any]:
        # Reads come from one snapshot, so opening the reader parses the file once; every
        # write still merges into what is on disk then.
        if self._known is None:
            self._remove_orphans()
            self._known = self._load()
        return self._known

    # --- positions and history -------------------------------------------------------

    def position(self, briefing: Path, units: int) -> int | None:
        """The unit to reopen ``briefing`` at, if it was read before and has not changed shape."""
        key = _key(briefing)
        entry = self._read().get("positions", {}).get(key) if key is not None else None
        if not isinstance(entry, dict) or entry.get("units") != units:
            return None
        unit = entry.get("unit")
        return unit if isinstance(unit, int) and not isinstance(unit, bool) and 0 <= unit < units else None

    def history(self) -> list[str]:
        """Earlier search queries, oldest first."""
        history = self._read().get("history", [])
        return [query for query in history if isinstance(query, str)][-HISTORY_LIMIT:]

    def set_position(self, briefing: Path, state: ReadingState) -> None:
        """Remember where the reader is in ``briefing``."""
        key = self._writable_key(briefing)

        def change(data: dict[str, Any]) -> None:
            _put_recent(data.setdefault("positions", {}), key, {"unit": state.unit, "units": state.units})

        self._update(change)

    def set_history(self, history: list[str]) -> None:
        """Remember the search queries, oldest first, merged with other readers' searches.

        The queries in ``history`` that this store had not read from the file are this
        reader's new searches: they are added after whatever is in the file now, so another
        reader's searches made meanwhile are kept.
        """
        seen = Counter(self.history())
        added = []
        for query in history:
            if seen[query]:
                seen[query] -= 1
            else:
                added.append(query)

        def change(data: dict[str, Any]) -> None:
            merged = [query for query in data.get("history", []) if isinstance(query, str)]
            for query in added:
                if not merged or merged[-1] != query:
                    merged.append(query)
            data["history"] = merged[-HISTORY_LIMIT:]

        self._update(change)

    # --- named values ----------------------------------------------------------------

    def value(self, name: str, briefing: Path | None = None) -> Any:
        """The JSON value saved under ``name`` for ``briefing`` (or for every briefing); None if unset."""
        data = self._read()
        if briefing is None:
            return data.get("values", {}).get(name)
        key = _key(briefing)
        record = data.get("briefings", {}).get(key) if key is not None else None
        return record.get(name) if isinstance(record, dict) else None

    def set_value(self, name: str, value: Any, briefing: Path | None = None) -> None:
        """Save the JSON value ``value`` under ``name`` for ``briefing`` (or for every briefing).

        None removes it. Other names, and other readers' values, are kept.
        """
        json.dumps(value)  # refuse what cannot be saved before anything is written
        key = self._writable_key(briefing) if briefing is not None else None

        def change(data: dict[str, Any]) -> None:
            if key is None:
                record = data.setdefault("values", {})
            else:
                briefings = data.setdefault("briefings", {})
                found = briefings.get(key)
                record = dict(found) if isinstance(found, dict) else {}
                _put_recent(briefings, key, record)
            if value is None:
                record.pop(name, None)
            else:
                record[name] = value

        self._update(change)

    # --- the file --------------------------------------------------------------------

    def _load(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except OSError:
            # Missing, or in a folder we cannot reach: nothing to restore, and saving will
            # say what is wrong if it fails too.
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError) as error:
            # UnicodeDecodeError is a ValueError; nesting thousands deep is a RecursionError.
            self._move_aside(f"it is not valid JSON ({type(error).__name__})")
            return {}
        if not isinstance(data, dict):
            self._move_aside("it is not a JSON object")
            return {}
        # Someone else's edit may have left any shape: keep only what has the right one.
        for name, shape in _SHAPES.items():
            if name in data and not isinstance(data[name], shape):
                del data[name]
        return data

    def _update(self, change: Callable[[dict[str, Any]], None]) -> None:
        try:
            with self._locked():
                data = self._load()
                data["version"] = _VERSION
                change(data)
                self._write(json.dumps(data, indent=1, ensure_ascii=False))
        except OSError as error:
            raise StateError(f"{self.path}: could not save reading state ({_reason(error)})") from None
        self._known = data

    @contextlib.contextmanager
    def _locked(self, *, wait: bool = True) -> Iterator[None]:
        """Hold the writers' lock; with ``wait=False``, `BlockingIOError` when it is taken."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            yield
        finally:
            os.close(descriptor)  # closing releases the lock

    def _write(self, text: str) -> None:
        handle, temporary = tempfile.mkstemp(
            prefix=_TEMPORARY_PREFIX, suffix=_TEMPORARY_SUFFIX, dir=self.path.parent
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _remove_orphans(self) -> None:
        # A writer holds the lock from creating its temporary file until it is renamed, so
        # one found while we hold the lock was left by a writer that died (kill -9).
        if not self.path.parent.is_dir():
            return
        with contextlib.suppress(OSError), self._locked(wait=False):
            for orphan in self.path.parent.glob(f"{_TEMPORARY_PREFIX}*{_TEMPORARY_SUFFIX}"):
                orphan.unlink(missing_ok=True)

    def _move_aside(self, why: str) -> None:
        # A state file we cannot parse may still matter to someone: keep it, start afresh.
        aside = self.path.with_suffix(".json.unreadable")
        try:
            os.replace(self.path, aside)
        except OSError:
            self.notices.append(f"{self.path}: reading state ignored, {why}")
        else:
            self.notices.append(f"{self.path}: reading state ignored, {why}; it was moved to {aside.name}")

    def _writable_key(self, briefing: Path) -> str:
        key = _key(briefing)
        if key is None:
            raise StateError(f"{briefing}: could not save reading state (the path no longer resolves)")
        return key


def _key(briefing: Path) -> str | None:
    """The briefing's absolute path, the key its state is kept under; None when it cannot be known."""
    try:
        return str(briefing.resolve())
    except (OSError, RuntimeError):
        # A symlink loop (RuntimeError before Python 3.13), a deleted working directory.
        return None


def _put_recent(mapping: dict[str, Any], key: str, value: Any) -> None:
    """Set ``mapping[key]`` as the most recent entry, dropping the oldest past `POSITIONS_LIMIT`."""
    mapping.pop(key, None)
    mapping[key] = value
    for stale in list(mapping)[:-POSITIONS_LIMIT]:
        del mapping[stale]


def _reason(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()
