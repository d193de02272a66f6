"""A model that cannot be built after the first frame ends the reader with one line naming the file.

The preview of a plain text is drawn before its model is built; should building it fail,
the reader cannot go on. What the user then sees on the terminal is one plain line, as the
command line gives for any file it cannot read, with exit code 2: never a traceback, and
never the error's text taken for markup or escape sequences.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing_tui.errors import BriefingError, read_failure

# Runs the real command line on ``path``, headless, its model's build replaced by one that raises.
_SCRIPT = textwrap.dedent(
    """
    import dataclasses, sys
    from pathlib import Path
    from briefing_tui import cli
    from briefing_tui.errors import BriefingError
    from briefing_tui.tui import launch
    from briefing_tui.tui.app import BriefingApp

    path, kind = Path(sys.argv[1]), sys.argv[2]
    opened, run = launch.open_for_reading, BriefingApp.run

    def failing(error):
        def whole():
            raise error
        return whole

    def open_failing(where):
        preview, analysed = opened(where)
        error = BriefingError(where, "stops half way") if kind == "briefing" else ValueError(
            "boom \\x1b[31mred\\x07 [bold]markup[/bold]\\nsecond line"
        )
        return dataclasses.replace(preview, whole=failing(error)), analysed

    launch.open_for_reading = open_failing
    BriefingApp.run = lambda app, **_: run(app, headless=True, size=(80, 24))
    sys.exit(cli.main([str(path)]))
    """
)


def _run(path: Path, kind: str, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    environment = {"BRIEFING_TUI_STATE_DIR": str(tmp_path / "state"), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(path), kind],
        capture_output=True,
        timeout=60,
        env={**environment, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")},
        check=False,
    )


@pytest.fixture
def briefing(tmp_path: Path) -> Path:
    path = tmp_path / "[red]talks.txt"
    path.write_text("Talks resume\n\nNegotiators met on Monday, a mediator said.\n", encoding="utf-8")
    return path


def test_a_briefing_error_while_building_is_its_own_line_and_exit_code_2(
    briefing: Path, tmp_path: Path
) -> None:
    done = _run(briefing, "briefing", tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode() == f"briefing-tui: {briefing}: stops half way\n"


def test_any_other_error_is_one_line_naming_the_file_with_no_control_reaching_the_terminal(
    briefing: Path, tmp_path: Path
) -> None:
    done = _run(briefing, "other", tmp_path)
    assert done.returncode == 2
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"briefing-tui: {briefing}: internal error: ValueError: boom ")
    assert "[bold]markup[/bold]" in lines[0]  # shown as written, not taken for markup
    assert "\u241b[31mred\u2407" in lines[0]  # the escape and the bell, as visible stand-ins
    assert b"\x1b" not in done.stderr and b"\x07" not in done.stderr
    assert "Traceback" not in lines[0]


def test_read_failure_keeps_a_briefing_error_and_folds_any_other_into_one_line_naming_the_file() -> None:
    error = BriefingError("a.txt", "has no text")
    assert read_failure(error, "a.txt") is error
    folded = read_failure(RuntimeError("two\nlines"), "b.txt")
    expected = "b.txt: internal error: RuntimeError: two lines (run again with --debug for the traceback)"
    assert str(folded) == expected
    assert isinstance(folded.__cause__, RuntimeError)
