"""The reader never writes to the briefing it opens; the state file and the library are all it writes.

A briefing is often evidence: opening, searching, scrolling and quitting must leave its bytes
and its modification time exactly as they were. Every write the process attempts while the
app runs is recorded through Python's audit hooks (``open`` for writing, ``os.rename``,
``os.remove``, ``os.utime``, ...), so a write anywhere else fails the test, not only a write
to the briefing itself.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from briefing_tui.cli import main
from briefing_tui.export import export
from briefing_tui.ingest import read_briefing
from briefing_tui.library.location import DATA_DIR_ENV
from briefing_tui.load import load_briefing
from briefing_tui.resources import seed_path
from briefing_tui.state import StateStore
from briefing_tui.tui.app import ReaderOptions, create_app
from briefing_tui.tui.search_bar import SearchBar

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
_WRITING_EVENTS = {
    "os.rename",  # os.rename and os.replace
    "os.remove",  # os.remove and os.unlink
    "os.rmdir",
    "os.mkdir",
    "os.truncate",
    "os.utime",
    "os.chmod",
    "os.chown",
    "os.link",
    "os.symlink",
    "shutil.copyfile",
    "shutil.rmtree",
}


@dataclass
class Writes:
    """Every path the process asked to change while recording."""

    active: bool = False
    paths: list[str] = field(default_factory=list)


_WRITES = Writes()


def _audit(event: str, args: tuple[object, ...]) -> None:
    if not _WRITES.active:
        return
    if event == "open":
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE_FLAGS
        )
        if writing and isinstance(path, str | bytes | os.PathLike):
            _WRITES.paths.append(os.fsdecode(path))
    elif event in _WRITING_EVENTS:
        _WRITES.paths.extend(os.fsdecode(arg) for arg in args if isinstance(arg, str | bytes | os.PathLike))


sys.addaudithook(_audit)  # hooks cannot be removed; this one does nothing unless recording


@contextmanager
def recording_writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[Writes]:
    # Lazy imports during the run would otherwise write bytecode caches: not the reader's doing.
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _WRITES.paths.clear()
    _WRITES.active = True
    try:
        yield _WRITES
    finally:
        _WRITES.active = False


@dataclass(frozen=True)
class Snapshot:
    """What a folder holds: each file's bytes and modification time in nanoseconds."""

    files: dict[str, tuple[bytes, int]]

    @classmethod
    def of(cls, folder: Path) -> Snapshot:
        return cls(
            {
                str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
                for path in sorted(folder.rglob("*"))
                if path.is_file()
            }
        )


def briefing_files(folder: Path) -> dict[str, Path]:
    """The seed as plain text, Markdown and JSON, with a modification time in the past."""
    folder.mkdir()
    text = folder / "briefing.txt"
    shutil.copyfile(seed_path(), text)
    markdown = folder / "briefing.md"
    markdown.write_text(export(read_briefing(text), "markdown"), encoding="utf-8")
    exported = folder / "briefing.json"
    exported.write_text(export(load_briefing(text), "json"), encoding="utf-8")
    plain = folder / "briefing"
    shutil.copyfile(text, plain)
    for path in (text, markdown, exported, plain):
        os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))  # 2001-09-09
    return {".txt": text, ".md": markdown, ".json": exported, "": plain}


@pytest.mark.parametrize("suffix", [".txt", ".md", ".json", ""])
async def test_reading_searching_and_quitting_leave_the_briefing_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    path = briefing_files(tmp_path / "briefings")[suffix]
    state_dir = tmp_path / "state"
    before = Snapshot.of(path.parent)
    briefing = load_briefing(path)
    with recording_writes(monkeypatch) as writes:
        app = create_app(briefing, ReaderOptions(path=path, store=StateStore(state_dir)))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("slash")
            app.query_one(SearchBar).input.value = "ceasefire"
            await pilot.press("enter", "n", "n", "N")
            await pilot.press("j", "j", "space", "G", "g", "]", "]", "tab", "j", "enter")
            await pilot.pause(0.8)  # past the delay before the position is saved
            await pilot.press("escape", "G")
            await pilot.press("q")
        assert app.return_code == 0
    assert Snapshot.of(path.parent) == before  # same bytes, same mtime, nothing added
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before.files[path.name]
    # The state file and the lock its writers share; no temporary file left behind.
    assert sorted(p.name for p in state_dir.iterdir()) == [".state.lock", "state.json"]
    state = json.loads((state_dir / "state.json").read_text(encoding="utf-8"))
    assert state["history"] == ["ceasefire"]
    assert "place" in state["briefings"][str(path.resolve())]
    assert writes.paths, "nothing was recorded: the audit hook is not working"
    # The state file, its temporary sibling and its folder; the library database and its folder.
    allowed = {state_dir.resolve(), Path(os.environ[DATA_DIR_ENV]).resolve()}
    for written in map(Path, writes.paths):
        assert allowed & {written.resolve(), written.resolve().parent}, f"wrote {written}"


@pytest.mark.parametrize(
    "argv", [["export", "{}", "--to", "json"], ["export", "{}", "--to", "text"], ["search", "talks", "{}"]]
)
def test_the_commands_write_nothing_but_their_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    path = briefing_files(tmp_path / "briefings")[".txt"]
    before = Snapshot.of(tmp_path)
    with recording_writes(monkeypatch) as writes:
        assert main([arg.format(path) for arg in argv]) == 0
    assert capsys.readouterr().out
    assert writes.paths == []
    assert Snapshot.of(tmp_path) == before


def test_the_audit_hook_sees_a_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The recorder itself can fail: a write to a briefing is caught."""
    path = tmp_path / "briefing.txt"
    with recording_writes(monkeypatch) as writes:
        path.write_text("x", encoding="utf-8")
        os.utime(path)
    assert writes.paths == [str(path), str(path)]
