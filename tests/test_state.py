"""The reading state: remembered per briefing, merged between readers, written atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefing_tui.state import ReadingState, StateError, StateStore, default_state_dir


def test_position_round_trip(tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    briefing = tmp_path / "brief.txt"
    store.set_position(briefing, ReadingState(unit=7, units=20))
    assert StateStore(tmp_path).position(briefing, 20) == 7


def test_position_of_a_changed_briefing_is_not_restored(tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    briefing = tmp_path / "brief.txt"
    store.set_position(briefing, ReadingState(unit=7, units=20))
    assert store.position(briefing, 21) is None
    assert store.position(tmp_path / "other.txt", 20) is None


def test_two_readers_do_not_undo_each_other(tmp_path: Path) -> None:
    first, second = StateStore(tmp_path), StateStore(tmp_path)
    first.set_position(tmp_path / "a.txt", ReadingState(1, 5))
    second.set_history(["ceasefire"])
    second.set_position(tmp_path / "b.txt", ReadingState(2, 5))
    again = StateStore(tmp_path)
    assert again.position(tmp_path / "a.txt", 5) == 1
    assert again.position(tmp_path / "b.txt", 5) == 2
    assert again.history() == ["ceasefire"]


def test_unreadable_state_is_moved_aside_not_lost(tmp_path: Path) -> None:
    (tmp_path / "state.json").write_text("{not json", encoding="utf-8")
    store = StateStore(tmp_path)
    assert store.history() == []
    assert (tmp_path / "state.json.unreadable").read_text(encoding="utf-8") == "{not json"
    store.set_history(["x"])
    assert json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))["history"] == ["x"]


def test_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    for unit in range(5):
        store.set_position(tmp_path / "a.txt", ReadingState(unit, 9))
    assert sorted(path.name for path in tmp_path.iterdir() if path.name != ".state.lock") == ["state.json"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_state_is_a_clear_error(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(StateError, match="could not save"):
            StateStore(tmp_path / "sub").set_history(["x"])
    finally:
        tmp_path.chmod(0o700)


def test_state_under_a_file_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(StateError, match="could not save"):
        StateStore(blocker / "sub").set_history(["x"])


def test_history_is_capped(tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    store.set_history([str(n) for n in range(250)])
    assert store.history() == [str(n) for n in range(150, 250)]


def test_state_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("BRIEFING_TUI_STATE_DIR", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert default_state_dir() == tmp_path / "briefing-tui"
    monkeypatch.setenv("BRIEFING_TUI_STATE_DIR", str(tmp_path / "x"))
    assert default_state_dir() == tmp_path / "x"
