"""Escape sequences in any field, setting or saved value never reach a real terminal.

These tests run the reader in a pseudo-terminal and look at the bytes it writes, not at
Rich segments: Rich strips a few controls itself (BEL, backspace, CR), so a test on
segments passes for an escape that a terminal would run. The payload here is made of
what Rich does not strip: ESC sequences (OSC title, clear screen), a C1 CSI and newlines.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_tui.cli import main
from briefing_tui.export import export
from briefing_tui.library.location import DATA_DIR_ENV
from briefing_tui.model import (
    Attribution,
    BlockKind,
    Briefing,
    Cue,
    Paragraph,
    Question,
    Section,
    SectionKind,
    Source,
    SourceKind,
)

SRC = str(Path(__file__).resolve().parents[1] / "src")
PAYLOAD = "\x1b]0;PWNED\x07\x1b[2J\x9b7m\n\nX"
"""Retitles the window, clears the screen, starts a C1 CSI, and breaks the line twice."""
SHOWN = "␛]0;PWNED␇"
"""How the start of the payload looks on screen: stand-ins, one for each control."""
SHOWN_WHOLE = "␛]0;PWNED␇␛[2J�7m␤␤X"
"""The whole payload on screen: the newlines too are stand-ins on the same line."""
_CSI = re.compile(r"\x1b\[[0-9;?<>=$]*[A-Za-z~]")
COLUMNS, ROWS = 160, 50


def hostile_briefing() -> Briefing:
    """Every string field of the model carries the payload."""
    text = f"According to Bob{PAYLOAD}Smith, talks resumed. Why{PAYLOAD}?"
    question = text.index("Why")
    return Briefing(
        title=f"Title{PAYLOAD}",
        outlet=f"Outlet{PAYLOAD}",
        author=f"Author{PAYLOAD}",
        published=dt.date(2025, 10, 9),
        dateline=f"Dateline{PAYLOAD}",
        origin=f"origin{PAYLOAD}.txt",
        sections=(
            Section(
                id=f"s1{PAYLOAD}",
                heading=f"Heading{PAYLOAD}",
                kind=SectionKind.NEGOTIATIONS,
                paragraphs=(
                    Paragraph(
                        id=f"p1{PAYLOAD}",
                        text=text,
                        kind=SectionKind.NEGOTIATIONS,
                        marker=f"-{PAYLOAD}",
                        attributions=(Attribution(source_id=f"bob{PAYLOAD}", start=13, end=16),),
                        cues=(Cue(feature=f"said: cue{PAYLOAD}", contribution=1.0),),
                    ),
                    Paragraph(
                        id=f"p2{PAYLOAD}",
                        text=f"cell{PAYLOAD}\tother",
                        block=BlockKind.TABLE,
                        rows=((f"cell{PAYLOAD}", "other"),),
                        marker=PAYLOAD,
                    ),
                ),
            ),
        ),
        sources=(
            Source(
                id=f"bob{PAYLOAD}",
                name=f"Bob{PAYLOAD}",
                kind=SourceKind.NAMED_PERSON,
                description=f"Envoy{PAYLOAD}",
                aliases=(f"Robert{PAYLOAD}",),
            ),
        ),
        questions=(
            Question(paragraph_id=f"p1{PAYLOAD}", start=question, end=len(text), text=text[question:]),
        ),
        notices=(f"Notice{PAYLOAD}",),
        furniture=(f"Furniture{PAYLOAD}",),
    )


def toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string with \u escapes is a TOML basic string


def hostile_home(tmp_path: Path) -> dict[str, str]:
    """A settings file and a state file with the payload in every value."""
    config, state = tmp_path / "config", tmp_path / "state"
    config.mkdir()
    state.mkdir()
    (config / "config.toml").write_text(
        f'[keys]\n"app.next_section" = {toml_string("x" + PAYLOAD)}\n{toml_string("app" + PAYLOAD)} = 5\n',
        encoding="utf-8",
    )
    briefing = str((tmp_path / "hostile.json").resolve())
    (state / "state.json").write_text(
        json.dumps(
            {
                "version": 1,
                "history": [f"query{PAYLOAD}", PAYLOAD],
                "positions": {briefing: {"unit": 0, "units": 4}, PAYLOAD: {"unit": 1, "units": 2}},
                "values": {PAYLOAD: PAYLOAD},
            }
        ),
        encoding="utf-8",
    )
    # The library too: this runs from a module fixture, before the autouse fixture that
    # points every folder at a temporary one, and once wrote to the user's own library.
    data = tmp_path / "data"
    return {
        "BRIEFING_TUI_CONFIG_DIR": str(config),
        "BRIEFING_TUI_STATE_DIR": str(state),
        DATA_DIR_ENV: str(data),
    }


class Terminal:
    """The reader running in a pseudo-terminal, and every byte it has written."""

    def __init__(self, args: list[str], environment: dict[str, str]) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        env = {
            **os.environ,
            **environment,
            "PYTHONPATH": SRC,
            "TERM": "xterm-256color",
            "COLUMNS": "",
            "LINES": "",
        }
        env.pop("COLUMNS")
        env.pop("LINES")
        env.pop("NO_COLOR", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "briefing_tui", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()

    def read(self, seconds: float, *, until: bytes | None = None) -> None:
        """Collect output for ``seconds``, or until ``until`` has appeared."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], min(left, 0.1))
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return  # the child closed the terminal
                if not chunk:
                    return
                self.output += chunk
                if until is not None and until in self.output:
                    return

    def press(self, keys: bytes, settle: float = 0.6) -> None:
        os.write(self.master, keys)
        self.read(settle)

    def close(self) -> None:
        if self.process.poll() is None:
            with_timeout = time.monotonic() + 5
            os.write(self.master, b"q")
            while self.process.poll() is None and time.monotonic() < with_timeout:
                self.read(0.2)
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        os.close(self.master)


def run_session(tmp_path: Path) -> str:
    path = tmp_path / "hostile.json"
    path.write_text(export(hostile_briefing(), "json"), encoding="utf-8")
    terminal = Terminal([str(path)], hostile_home(tmp_path))
    try:
        terminal.read(60, until=b"Heading")
        terminal.read(1.0)
        terminal.press(b"?", 1.0)  # help: every key, remapped ones too
        terminal.press(b"\x1b", 0.6)
        terminal.press(b"/", 0.4)  # search, then recall both saved queries
        terminal.press(b"\x1b[A", 0.4)
        terminal.press(b"\x1b[A", 0.6)
        terminal.press(b"\r", 0.6)
        terminal.press(b"s", 0.4)  # sources pane (it is wide enough already: toggles it)
        terminal.press(b"s", 0.4)
        terminal.press(b"\x10", 0.8)  # ctrl+p: the command palette
        terminal.press(b"Go to section", 0.8)
        terminal.press(b"\r", 0.8)
        terminal.press(b"H", 0.8)
        terminal.press(b"\x1b", 0.6)
        terminal.press(b"\x10", 0.8)
        terminal.press(b"Go to source", 0.8)
        terminal.press(b"\r", 0.8)
        terminal.press(b"B", 0.8)
        terminal.press(b"\r", 0.6)
    finally:
        terminal.close()
    return terminal.output.decode("utf-8")  # strict: a stray C1 byte would not decode


@pytest.fixture(scope="module")
def screen_bytes(tmp_path_factory: pytest.TempPathFactory) -> str:
    return run_session(tmp_path_factory.mktemp("pty"))


def osc_sequences(output: str) -> Iterator[str]:
    yield from re.findall(r"\x1b\](.*?)(?:\x07|\x1b\\)", output, re.DOTALL)


def test_no_injected_escape_reaches_the_terminal(screen_bytes: str) -> None:
    assert "\x1b]0;PWNED" not in screen_bytes
    assert not [osc for osc in osc_sequences(screen_bytes) if "PWNED" in osc]
    assert not re.search("[\x80-\x9f]", screen_bytes), "a C1 control was written"


def shown(output: str) -> str:
    """The text the terminal shows, without the reader's own colour and cursor sequences."""
    return _CSI.sub("", output)


@pytest.mark.parametrize(
    "where", ["Title", "Outlet", "Heading", "According to Bob", "Bob", "Envoy", "Notice", "query", "-"]
)
def test_injected_text_shows_as_stand_ins(screen_bytes: str, where: str) -> None:
    assert f"{where}{SHOWN}" in shown(screen_bytes)


@pytest.mark.parametrize("where", ["Title", "According to Bob", "Bob", "Notice"])
def test_injected_newlines_show_as_stand_ins_on_the_same_line(screen_bytes: str, where: str) -> None:
    assert f"{where}{SHOWN_WHOLE}" in shown(screen_bytes)


def test_a_bad_key_in_the_settings_is_named_safely(screen_bytes: str) -> None:
    assert f"ignored keys for app{SHOWN}" in shown(screen_bytes)


def test_the_session_reached_every_screen(screen_bytes: str) -> None:
    assert "Keys" in screen_bytes  # the help screen
    assert "Go to section" in screen_bytes
    assert "Go to source" in screen_bytes


def test_argparse_errors_show_file_names_safely(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["one.txt", f"two{PAYLOAD}.txt"])
    assert exit_info.value.code == 2
    err = capfd.readouterr().err
    assert "\x1b" not in err and "\x9b" not in err
    assert f"two{SHOWN}" in err
    assert err.count("\n") == 2  # the usage line and the error line: the name's newlines are shown


def test_argparse_choice_errors_are_safe_too(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "x.json", "--to", PAYLOAD])
    err = capfd.readouterr().err
    assert "\x1b" not in err and "\x9b" not in err
    assert "invalid choice" in err


@pytest.mark.parametrize(
    "marker", ["\x1b]0;PWNED\x07\x1b[2J-", "\x9b7m+", "-\n\n\nX"], ids=["osc", "c1", "newlines"]
)
def test_a_list_marker_is_drawn_as_stand_ins(marker: str) -> None:
    from briefing_tui.safe_text import UNSAFE
    from briefing_tui.tui.layout import build_units

    paragraph = Paragraph(id="p1", text="Item text.", marker=marker, block=BlockKind.LIST_ITEM)
    units = build_units(Briefing(title="T", sections=(Section(id="s", paragraphs=(paragraph,)),)))
    prefix = units[0].prefix
    assert len(prefix) == len(marker) + 1  # one stand-in per character, then the space
    assert not set(prefix) & UNSAFE
