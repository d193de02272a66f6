"""Standard input: ``briefing-tui -`` and a pipe read the document; the keys still come from the terminal.

It used to be ignored: ``cat report.txt | briefing-tui`` opened the bundled briefing and
``briefing-tui -`` said "no such file".
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from briefing_tui.model import Briefing

ROOT = Path(__file__).resolve().parents[1]
DOC = (
    "Harbour talks stall\n\nBy Dana Ortiz\n\n"
    "PORTSMOUTH (HW) — Talks between the union and the port authority stalled on Friday, two people said.\n"
)


def env(tmp_path: Path) -> dict[str, str]:
    return {
        "PYTHONPATH": str(ROOT / "src"),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "BRIEFING_TUI_STATE_DIR": str(tmp_path / "state"),
        "BRIEFING_TUI_CONFIG_DIR": str(tmp_path / "config"),
        "TERM": "xterm-256color",
    }


def run(tmp_path: Path, *args: str, data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "briefing_tui", *args],
        input=data,
        capture_output=True,
        env=env(tmp_path),
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("args", [("export", "-"), ("export", "-", "--to", "json")])
def test_export_reads_standard_input(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run(tmp_path, *args, data=DOC.encode())
    assert (result.returncode, result.stderr) == (0, b"")
    briefing = Briefing.model_validate_json(result.stdout)
    assert (briefing.title, briefing.author, briefing.dateline) == (
        "Harbour talks stall",
        "Dana Ortiz",
        "PORTSMOUTH",
    )
    assert briefing.origin == "<stdin>"


def test_the_format_of_standard_input_is_sniffed(tmp_path: Path) -> None:
    markdown = b"---\ntitle: From a pipe\n---\n\n## Part\n\nText of the part.\n"
    result = run(tmp_path, "export", "-", data=markdown)
    briefing = Briefing.model_validate_json(result.stdout)
    assert briefing.title == "From a pipe"
    assert [s.heading for s in briefing.sections] == ["Part"]


def test_empty_standard_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run(tmp_path, "export", "-", data=b"")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr == b"briefing-tui: <stdin>: is empty; there is nothing to read\n"


def test_standard_input_over_the_limit_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "export", "-"],
        input=b"Title\n\n" + b"word " * 2000,
        capture_output=True,
        env={**env(tmp_path), "BRIEFING_TUI_MAX_BYTES": "4096"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert b"<stdin>: is over the 4.1 KB limit" in result.stderr


def read_until(master: int, wanted: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
    return seen


@pytest.mark.parametrize("args", [(), ("-",)])
def test_a_pipe_opens_in_the_reader_and_the_keyboard_still_works(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))

    def own_terminal() -> None:  # the child's controlling terminal is the pty, as in a shell
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [sys.executable, "-m", "briefing_tui", *args],
        stdin=subprocess.PIPE,
        stdout=slave,
        stderr=slave,
        env=env(tmp_path),
        preexec_fn=own_terminal,  # noqa: PLW1509 - needed to give the child a controlling terminal
        pass_fds=(slave,),
    )
    os.close(slave)
    try:
        assert process.stdin is not None
        process.stdin.write(DOC.encode())
        process.stdin.close()
        screen = read_until(master, b"Harbour talks stall", 30)
        assert b"Harbour talks stall" in screen
        assert b"Kushner" not in screen  # not the bundled briefing
        time.sleep(0.5)
        os.write(master, b"q")  # read from the terminal, not from the exhausted pipe
        deadline = time.monotonic() + 20
        while process.poll() is None and time.monotonic() < deadline:
            read_until(master, b"\x00never", 0.2)
        assert process.returncode == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)


def test_dash_at_a_terminal_says_to_pipe_something_instead_of_waiting(tmp_path: Path) -> None:
    master, slave = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "briefing_tui", "export", "-"],
            stdin=slave,
            capture_output=True,
            env=env(tmp_path),
            timeout=60,
            check=False,
        )
    finally:
        os.close(slave)
        os.close(master)
    assert (result.returncode, result.stdout) == (2, b"")
    assert b"<stdin>: is a terminal, not a pipe" in result.stderr


def test_stdin_of_a_served_reader_is_the_web_driver_not_a_briefing(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing_tui.ingest.stdin import stdin_is_piped

    read_end, write_end = os.pipe()
    try:
        with os.fdopen(read_end, "rb", closefd=False) as pipe:
            monkeypatch.setattr(sys, "stdin", pipe)
            monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
            assert stdin_is_piped()
            # textual-serve gives each reader the web driver, which talks over stdin.
            monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
            assert not stdin_is_piped()
    finally:
        os.close(read_end)
        os.close(write_end)
