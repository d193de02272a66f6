"""Errors for people: one sentence naming the file and what to do, never a traceback by accident.

On the command line every problem with a file is one line on stderr, ``briefing-tui: PATH:
problem; what to do``, with exit code 2; ``--debug`` or ``BRIEFING_TUI_DEBUG=1`` shows the
traceback instead. In the app an error is shown where it happened (the search bar, a
notification) and the reader stays usable.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static
from textual.widgets._toast import Toast

from briefing_tui.cli import DEBUG_ENV, main
from briefing_tui.errors import BriefingError
from briefing_tui.export import EXPORTERS
from briefing_tui.ingest import read_briefing
from briefing_tui.ingest.decode import MAX_BYTES_ENV
from briefing_tui.load import load_briefing
from briefing_tui.model import Briefing
from briefing_tui.state import StateStore
from briefing_tui.tui.app import ReaderOptions, create_app
from briefing_tui.tui.search_bar import SearchBar

SAMPLE = (
    "Talks in Geneva\n\nThe talks resumed on Monday, said a senior official.\n\nMore talks follow.\n"
    + "".join(f"\nFiller paragraph number {number}.\n" for number in range(1, 21))
)
ADVICE = re.compile(r"[;:] (check|open|name|set|save|give|rename|export|there is nothing)\b")
"""Where the advice starts: after the problem, an imperative (or, for an empty file, why there is none)."""


def _raise(error: BaseException) -> Any:
    raise error


def failing_read(monkeypatch: pytest.MonkeyPatch, path: Path, error: OSError) -> None:
    """Make reading ``path`` fail with ``error`` once it is open (as a disk error would)."""
    real_open = io.open

    class Failing:
        def __init__(self, handle: Any) -> None:
            self._handle = handle

        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()

        def read(self, *args: object) -> bytes:
            raise error

    def opening(file: Any, *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, *args, **kwargs)
        if isinstance(file, str | os.PathLike) and os.fspath(file) == str(path):
            return Failing(handle)
        return handle

    monkeypatch.setattr(io, "open", opening)


def setup_missing(tmp_path: Path, _: pytest.MonkeyPatch) -> Path:
    return tmp_path / "absent.txt"


def setup_directory(tmp_path: Path, _: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "folder.md"
    path.mkdir()
    return path


def setup_name_too_long(tmp_path: Path, _: pytest.MonkeyPatch) -> Path:
    return tmp_path / ("n" * 300 + ".txt")


def setup_symlink_loop(tmp_path: Path, _: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "loop.txt"
    path.symlink_to(path)
    return path


def setup_no_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Simulated: the suite runs as root, for whom chmod 000 changes nothing.
    path = written(tmp_path, "locked.txt", SAMPLE.encode())
    failing_read(monkeypatch, path, PermissionError(13, "Permission denied"))
    return path


def setup_disk_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = written(tmp_path, "bad-sector.txt", SAMPLE.encode())
    failing_read(monkeypatch, path, OSError(5, "Input/output error"))
    return path


def setup_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(MAX_BYTES_ENV, "64")
    return written(tmp_path, "large.txt", SAMPLE.encode())


def written(directory: Path, name: str, data: bytes) -> Path:
    path = directory / name
    path.write_bytes(data)
    return path


def content(name: str, data: bytes) -> Callable[[Path, pytest.MonkeyPatch], Path]:
    return lambda tmp_path, _: written(tmp_path, name, data)


READER_ERRORS: dict[str, Callable[[Path, pytest.MonkeyPatch], Path]] = {
    "missing": setup_missing,
    "directory": setup_directory,
    "name too long": setup_name_too_long,
    "symlink loop": setup_symlink_loop,
    "no permission": setup_no_permission,
    "disk error": setup_disk_error,
    "too large": setup_too_large,
    "empty": content("empty.txt", b""),
    "whitespace": content("blank.txt", b"  \n\n\t\n"),
    "NUL bytes": content("nul.txt", b"Title\x00\n\nText"),
    "control bytes": content("controls.txt", bytes(range(1, 9)) * 20),
    "broken UTF-16": content("utf16.txt", b"\xff\xfeT\x00i"),
    # A Markdown file without a title opens (its first heading or line is the title); one
    # with nothing but front matter has neither title nor text.
    "Markdown with nothing in it": content("untitled.md", b"---\nauthor: Someone\n---\n"),
}
JSON_ERRORS: dict[str, Callable[[Path, pytest.MonkeyPatch], Path]] = {
    "not JSON": content("plain.json", SAMPLE.encode()),
    "JSON, not a briefing": content("list.json", b"[1, 2, 3]"),
    "a wrong field": content("field.json", b'{"title": 7}'),
    "a bad attribution": content(
        "offsets.json",
        json.dumps(
            {
                "title": "T",
                "sections": [
                    {
                        "id": "lead",
                        "paragraphs": [
                            {
                                "id": "p1",
                                "text": "ab",
                                "attributions": [{"source_id": "x", "start": 0, "end": 9}],
                            }
                        ],
                    }
                ],
                "sources": [{"id": "x", "name": "X", "kind": "outlet"}],
            }
        ).encode(),
    ),
    "truncated JSON": content("cut.json", b'{"title": "T", "sections": ['),
}


def problem_of(error: BriefingError, path: Path) -> str:
    message = str(error)
    assert message.startswith(f"{path}: "), message
    assert message == f"{error.path}: {error.problem}"
    return error.problem


def assert_for_people(problem: str) -> None:
    """One line: what is wrong, then what to do about it."""
    assert "\n" not in problem
    assert "Traceback" not in problem and "Errno" not in problem
    advice = ADVICE.search(problem)
    assert advice is not None and advice.start() > 0, f"no advice in {problem!r}"


@pytest.mark.parametrize("case", list(READER_ERRORS))
def test_reader_errors_say_what_is_wrong_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    path = READER_ERRORS[case](tmp_path, monkeypatch)
    with pytest.raises(BriefingError) as caught:
        read_briefing(path)
    assert_for_people(problem_of(caught.value, path))


@pytest.mark.parametrize("case", list(JSON_ERRORS))
def test_json_errors_say_what_is_wrong(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    path = JSON_ERRORS[case](tmp_path, monkeypatch)
    with pytest.raises(BriefingError) as caught:
        read_briefing(path)
    problem = problem_of(caught.value, path)
    assert problem.startswith("is not a briefing-tui JSON export")
    assert "\n" not in problem


@pytest.mark.parametrize("case", list(JSON_ERRORS))
def test_json_errors_say_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    path = JSON_ERRORS[case](tmp_path, monkeypatch)
    with pytest.raises(BriefingError) as caught:
        read_briefing(path)
    assert_for_people(problem_of(caught.value, path))


def test_a_json_error_is_one_line_whatever_the_keys(tmp_path: Path) -> None:
    path = written(tmp_path, "keys.json", b'{"title": "T", "bad\\nkey\\u001b]0;x\\u0007": 1}')
    with pytest.raises(BriefingError) as caught:
        read_briefing(path)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("case", [*READER_ERRORS, *JSON_ERRORS])
@pytest.mark.parametrize("command", ["open", "export", "search"])
def test_the_command_line_prints_one_line_and_exits_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    command: str,
) -> None:
    path = {**READER_ERRORS, **JSON_ERRORS}[case](tmp_path, monkeypatch)
    with pytest.raises(BriefingError) as caught:
        load_briefing(path)
    if command == "open" and case == "directory":
        # A folder is no error to open: it opens the library on its briefings (issue 15).
        from briefing_tui.tui import launch

        opened: list[Path] = []

        def open_library(folder: Path) -> int:
            opened.append(folder)
            return 0

        monkeypatch.setattr(launch, "launch_library", open_library)
        assert (main([str(path)]), opened) == (0, [path])
        return
    argv = {"open": [str(path)], "export": ["export", str(path)], "search": ["search", "talks", str(path)]}[
        command
    ]
    code = main(argv)
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    prefix = "" if command == "search" else "briefing-tui: "  # search prints file problems as grep does
    assert err == f"{prefix}{caught.value}\n"


# --- --debug and BRIEFING_TUI_DEBUG -----------------------------------------------------------


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_debug_lets_the_error_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    argv = ["export", str(tmp_path / "absent.txt")]
    if how == "flag":
        argv.insert(0, "--debug")
    else:
        monkeypatch.setenv(DEBUG_ENV, "1")
    with pytest.raises(BriefingError, match="no such file"):
        main(argv)


def test_debug_0_means_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(DEBUG_ENV, "0")
    assert main(["export", str(tmp_path / "absent.txt")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_debug_environment_prints_the_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "export", str(tmp_path / "absent.txt")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, DEBUG_ENV: "1"},
    )
    assert result.returncode != 0
    assert "Traceback (most recent call last)" in result.stderr
    assert "BriefingError" in result.stderr and "no such file" in result.stderr


def test_an_internal_error_is_one_line_that_points_to_debug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written(tmp_path, "fine.txt", SAMPLE.encode())
    monkeypatch.setitem(EXPORTERS, "text", lambda _: _raise(RuntimeError("exporter \x1b]0;broke\x07")))
    assert main(["export", str(path), "--to", "text", "--bare"]) == 2  # --bare: through EXPORTERS
    err = capsys.readouterr().err
    assert err == (
        "briefing-tui: internal error: RuntimeError: exporter ␛]0;broke␇ "
        "(run again with --debug for the traceback)\n"
    )
    with pytest.raises(RuntimeError):
        main(["--debug", "export", str(path), "--to", "text", "--bare"])


# --- in the app ----------------------------------------------------------------------------


def sample(tmp_path: Path) -> Path:
    return written(tmp_path, "sample.txt", SAMPLE.encode())


async def test_a_bad_regular_expression_is_shown_and_the_app_stays_usable(tmp_path: Path) -> None:
    app = create_app(load_briefing(sample(tmp_path)))
    async with app.run_test(size=(100, 12)) as pilot:
        await pilot.pause()
        bar = app.query_one(SearchBar)
        count = app.query_one("#search-count", Static)
        await pilot.press("slash", "ctrl+r")
        for bad in ["(", "[a-", "a{99999999999}", "(" * 500 + "a" + ")" * 499, "\\"]:
            bar.input.value = bad
            await pilot.pause()
            assert count.has_class("-error"), bad
            assert str(count.render()) == "bad regex", bad  # in short: the status line has room for it
            assert app.reader.status_line.notice.startswith("bad regular expression: "), bad
            assert app.reader.text_view.highlights.search is None
        bar.input.value = "talks?"
        await pilot.pause()
        assert not count.has_class("-error")
        assert str(count.render()) == "1/3"  # the title, then two paragraphs
        await pilot.press("enter", "n")
        assert app.reader.text_view.highlights.current is not None
        await pilot.press("G", "g", "j")
        assert app.reader.text_view.scroll_y == 1
        await pilot.press("q")
    assert app.return_code == 0


def fail_analysis(monkeypatch: pytest.MonkeyPatch, message: str) -> None:
    def analyse(briefing: Briefing) -> Briefing:
        raise RuntimeError(message)

    monkeypatch.setattr("briefing_tui.analysis.analyse", analyse)


async def test_a_failed_analysis_is_a_notification_and_the_text_stays_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_analysis(monkeypatch, "the lexicon is missing")
    app = create_app(read_briefing(sample(tmp_path)), ReaderOptions(analysed=False))
    async with app.run_test(size=(100, 12), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        toasts = list(app.query(Toast))
        assert len(toasts) == 1
        assert str(toasts[0].render()).startswith("Analysis failed")
        assert "the lexicon is missing" in str(toasts[0].render())
        assert toasts[0].has_class("-error")
        assert app.reader.analysed is False
        await pilot.press("j")
        assert app.reader.text_view.scroll_y == 1
        await pilot.press("slash")
        app.query_one(SearchBar).input.value = "talks"
        await pilot.press("enter", "n")
        assert app.reader.text_view.highlights.current is not None
        await pilot.press("1")  # a kind key says why it cannot go anywhere yet
        assert app.is_running


async def test_a_failed_analysis_with_brackets_in_its_message_is_shown_literally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_analysis(monkeypatch, "unexpected '[/]' in paragraph p3")
    app = create_app(read_briefing(sample(tmp_path)), ReaderOptions(analysed=False))
    async with app.run_test(size=(100, 12), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.query(Toast)]
        assert any("unexpected '[/]' in paragraph p3" in toast for toast in toasts), toasts


async def test_a_state_file_that_cannot_be_written_is_a_notification(tmp_path: Path) -> None:
    path = sample(tmp_path)
    blocker = written(tmp_path, "not-a-folder", b"")
    app = create_app(load_briefing(path), ReaderOptions(path=path, store=StateStore(blocker / "state")))
    async with app.run_test(size=(100, 12), notifications=True) as pilot:
        await pilot.press("j", "j")
        await pilot.pause(0.8)  # past the save delay
        await pilot.press("slash")
        app.query_one(SearchBar).input.value = "talks"
        await pilot.press("enter")  # saving the history fails too: still one notice
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.query(Toast)]
        assert len(toasts) == 1
        assert toasts[0].startswith("Reading position not saved\n")
        assert "could not save reading state" in toasts[0]
        await pilot.press("G")
        assert app.is_running


@pytest.mark.parametrize(
    "state",
    [
        {"positions": []},
        {"positions": "p", "history": "abc"},
        {"briefings": [], "values": "x"},
        {"briefings": {"x": 1}, "values": {"theme": 7, "pane_widths": {"outline": "wide"}}},
    ],
    ids=["list", "strings", "tables", "values"],
)
async def test_a_state_file_of_the_wrong_shape_is_ignored(tmp_path: Path, state: object) -> None:
    path = sample(tmp_path)
    folder = tmp_path / "state"
    folder.mkdir()
    (folder / "state.json").write_text(json.dumps(state), encoding="utf-8")
    store = StateStore(folder)
    assert store.history() == []
    app = create_app(load_briefing(path), ReaderOptions(path=path, store=store))
    async with app.run_test(size=(100, 12)) as pilot:
        await pilot.press("j")
        await pilot.pause(0.8)
        assert app.is_running
    assert store.value("place", path) is not None
