"""The reading state never stops the reader, and readers open at once share it without loss."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.widgets._toast import Toast

from briefing_tui.ingest import read_briefing
from briefing_tui.state import ReadingState, StateError, StateStore
from briefing_tui.tui.app import ReaderOptions, create_app

SRC = str(Path(__file__).resolve().parents[1] / "src")

# --- corrupt files ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe\x00garbage",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"positions": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        b'"a string"',
        b"null",
    ],
    ids=["bad utf-8", "deep nesting", "deep value", "string", "null"],
)
def test_a_corrupt_state_file_is_set_aside_with_a_notice(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "state.json").write_bytes(content)
    store = StateStore(tmp_path)
    assert store.history() == []
    assert store.position(tmp_path / "a.txt", 3) is None
    assert len(store.notices) == 1 and "reading state ignored" in store.notices[0]
    assert (tmp_path / "state.json.unreadable").read_bytes() == content
    store.set_history(["after"])
    assert StateStore(tmp_path).history() == ["after"]


async def test_the_reader_opens_over_a_corrupt_state_and_says_so(tmp_path: Path) -> None:
    briefing_path = tmp_path / "b.txt"
    briefing_path.write_text("Title\n\nOne paragraph of text.\n", encoding="utf-8")
    folder = tmp_path / "state"
    folder.mkdir()
    (folder / "state.json").write_bytes(b"\xff\xfe\x00garbage")
    app = create_app(
        read_briefing(briefing_path), ReaderOptions(path=briefing_path, store=StateStore(folder))
    )
    async with app.run_test(size=(100, 20), notifications=True) as pilot:
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.query(Toast)]
        assert any("Reading state set aside" in toast and "moved to" in toast for toast in toasts), toasts
        await pilot.press("j")
        assert app.is_running


def test_a_record_of_the_wrong_shape_is_not_restored(tmp_path: Path) -> None:
    briefing = tmp_path / "a.txt"
    briefing.write_text("x", encoding="utf-8")
    key = str(briefing.resolve())
    state = {"positions": {key: {"unit": True, "units": 3}}, "briefings": [], "values": "v"}
    (tmp_path / "state.json").write_text(json.dumps(state), encoding="utf-8")
    store = StateStore(tmp_path)
    assert store.position(briefing, 3) is None
    assert store.value("theme") is None
    assert store.value("marks", briefing) is None


# --- paths that stop resolving ---------------------------------------------------------


def test_a_symlink_loop_is_not_a_crash(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    store = StateStore(tmp_path / "state")
    assert store.position(loop, 4) is None
    with pytest.raises(StateError, match="no longer resolves"):
        store.set_position(loop, ReadingState(1, 4))


def test_a_deleted_working_directory_is_not_a_crash(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    here = Path.cwd()
    os.chdir(gone)
    try:
        gone.rmdir()
        store = StateStore(tmp_path / "state")
        assert store.position(Path("relative.txt"), 4) is None
        with pytest.raises(StateError):
            store.set_position(Path("relative.txt"), ReadingState(1, 4))
    finally:
        os.chdir(here)


# --- two readers -----------------------------------------------------------------------


def test_searches_of_two_readers_both_survive(tmp_path: Path) -> None:
    first, second = StateStore(tmp_path), StateStore(tmp_path)
    assert first.history() == second.history() == []
    first.set_history(["ceasefire"])
    second.set_history(["sanctions"])  # second never saw "ceasefire": it must not drop it
    first.set_history(["ceasefire", "envoy"])
    assert StateStore(tmp_path).history() == ["ceasefire", "sanctions", "envoy"]


def test_named_values_per_briefing_and_global(tmp_path: Path) -> None:
    first, second = StateStore(tmp_path), StateStore(tmp_path)
    briefing = tmp_path / "a.txt"
    first.set_value("marks", {"a": "p3"}, briefing)
    second.set_value("widths", [30, 32], briefing)
    second.set_value("theme", "nord")
    again = StateStore(tmp_path)
    assert again.value("marks", briefing) == {"a": "p3"}
    assert again.value("widths", briefing) == [30, 32]
    assert again.value("theme") == "nord"
    assert again.value("theme", briefing) is None
    again.set_value("marks", None, briefing)
    assert StateStore(tmp_path).value("marks", briefing) is None
    with pytest.raises(TypeError):
        again.set_value("bad", object())


def _write_positions(folder: str, name: str, count: int) -> None:
    store = StateStore(Path(folder))
    for unit in range(count):
        store.set_position(Path(folder) / f"{name}-{unit}.txt", ReadingState(unit, count))
        store.set_history([*store.history(), f"{name}-{unit}"])


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    count = 150
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_write_positions, args=(str(tmp_path), name, count)) for name in ("a", "b")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    store = StateStore(tmp_path)
    for name in ("a", "b"):
        for unit in range(count):
            assert store.position(tmp_path / f"{name}-{unit}.txt", count) == unit, (name, unit)
    history = store.history()
    # Capped at the newest 100: both readers' latest searches are there, none twice.
    assert len(history) == len(set(history)) == 100
    assert {f"a-{count - 1}", f"b-{count - 1}"} <= set(history)


# --- crashes ---------------------------------------------------------------------------

_SAVER = """
import sys
from pathlib import Path
from briefing_tui.state import ReadingState, StateStore
store = StateStore(Path(sys.argv[1]))
print("ready", flush=True)
unit = 0
while True:
    store.set_position(Path(sys.argv[1]) / f"{unit % 700}.txt", ReadingState(unit, 10**9))
    unit += 1
"""


def test_kill_9_during_saves_leaves_a_readable_state_and_no_orphans(tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": SRC}
    for _ in range(3):
        saver = subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(tmp_path)], stdout=subprocess.PIPE, env=environment
        )
        assert saver.stdout is not None
        assert saver.stdout.readline() == b"ready\n"
        time.sleep(0.4)
        saver.send_signal(signal.SIGKILL)
        saver.wait()
    # Plant the kind of file a kill between creating and renaming leaves behind.
    (tmp_path / ".state-orphan.json").write_text('{"half', encoding="utf-8")
    store = StateStore(tmp_path)
    assert store.history() == []
    assert store.notices == []
    assert json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))["positions"]
    assert not list(tmp_path.glob(".state-*.json"))


def test_orphans_are_left_alone_while_another_reader_writes(tmp_path: Path) -> None:
    writer = StateStore(tmp_path)
    with writer._locked():
        (tmp_path / ".state-inflight.json").write_text("{}", encoding="utf-8")
        StateStore(tmp_path).history()
        assert (tmp_path / ".state-inflight.json").exists()
