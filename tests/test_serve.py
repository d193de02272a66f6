"""`briefing-tui serve`: safe defaults, an offline page, capped and timed sessions, a server that lasts.

A real server runs in a subprocess on a free loopback port, and aiohttp's client stands in
for the browser (the browser itself is tests/test_serve_browser.py).
"""

from __future__ import annotations

import asyncio
import io
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest
from rich.console import Console
from textual.binding import Binding
from textual.widgets import Static

from briefing_tui.cli import main
from briefing_tui.load import load_briefing
from briefing_tui.resources import seed_path
from briefing_tui.serve import exposure_warning, reader_command
from briefing_tui.tui.app import BriefingApp, create_app
from briefing_tui.tui.help_screen import HelpScreen
from briefing_tui.tui.outline import Outline
from briefing_tui.tui.reader import ReaderScreen
from briefing_tui.tui.search_bar import SearchBar
from briefing_tui.tui.sources_pane import SourceList
from briefing_tui.tui.text_view import BriefingText
from briefing_tui.tui.web_keys import BROWSER_KEYS, browser_alternatives

ROOT = Path(__file__).resolve().parents[1]
OUR_BINDINGS = [
    *BriefingApp.BINDINGS,
    *ReaderScreen.BINDINGS,
    *BriefingText.BINDINGS,
    *Outline.BINDINGS,
    *SourceList.BINDINGS,
    *SearchBar.BINDINGS,
    *HelpScreen.BINDINGS,
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Served:
    """A `briefing-tui serve` process and the address it answers on."""

    def __init__(self, *options: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *sys.path])}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "briefing_tui",
                "serve",
                str(seed_path()),
                "--port",
                str(self.port),
                *options,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=environment,
            start_new_session=True,
        )

    def wait_until_listening(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.stderr()
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        raise AssertionError("the server never listened")

    def readers(self) -> list[int]:
        """Process ids of the reader sessions the server started (its descendants)."""
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                children.setdefault(int(fields[1]), []).append(int(entry.name))
        found, todo = [], list(children.get(self.process.pid, []))
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, []))
        return found

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def stderr(self) -> str:
        return self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""


@pytest.fixture
def served(request: pytest.FixtureRequest) -> Iterator[Served]:
    marker = request.node.get_closest_marker("serve_options")
    server = Served(*(marker.args if marker else ()))
    try:
        server.wait_until_listening()
        yield server
    finally:
        server.stop()


@pytest.fixture
async def client() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def first_bytes(socket_: aiohttp.ClientWebSocketResponse) -> bytes:
    """The first terminal output a session sends."""
    async with asyncio.timeout(60):
        async for message in socket_:
            if message.type == aiohttp.WSMsgType.BINARY:
                data: bytes = message.data
                return data
    raise AssertionError("the session closed without drawing anything")


def test_loopback_needs_no_warning_and_anything_else_gets_one() -> None:
    for host in ("127.0.0.1", "127.0.0.2", "localhost", "::1"):
        assert exposure_warning(host) is None
    for host in ("0.0.0.0", "192.0.2.10", "::", "reader.example"):
        warning = exposure_warning(host)
        assert warning is not None and host in warning and "anyone" in warning


def test_the_reader_command_quotes_the_path(tmp_path: Path) -> None:
    odd = tmp_path / "brief $HOME; rm -rf x.txt"
    # The shell textual-serve runs it with must see the path as one word, with nothing expanded.
    words = subprocess.run(
        ["sh", "-c", "printf '%s\\n' " + reader_command(odd)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert words == [sys.executable, "-m", "briefing_tui", str(odd.resolve())]


def test_a_missing_path_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "/no/such/briefing.txt"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "/no/such/briefing.txt" in error


def test_a_busy_port_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "cannot listen" in error[0], error


async def test_the_page_loads_nothing_from_elsewhere(served: Served, client: aiohttp.ClientSession) -> None:
    async with client.get(served.url + "/") as response:
        assert response.status == 200
        page = await response.text()
    assert re.search(r"https?://", page) is None, "the page names another host"
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"|url\("(/static/[^"]+)"\)', page)
    paths = sorted({path for pair in assets for path in pair if path})
    assert any(path.endswith(".js") for path in paths) and any(path.endswith(".ttf") for path in paths)
    for path in paths:
        async with client.get(served.url + path) as response:
            assert response.status == 200, path
            assert len(await response.read()) > 100, path


async def test_each_tab_gets_its_own_reader(served: Served, client: aiohttp.ClientSession) -> None:
    async with client.ws_connect(served.url + "/ws?width=100&height=30") as first:
        assert b"Kushner" in await first_bytes(first) or await first_bytes(first)
        async with client.ws_connect(served.url + "/ws?width=100&height=30") as second:
            await first_bytes(second)
            assert len([pid for pid in served.readers() if _is_reader(pid)]) >= 2


@pytest.mark.serve_options("--max-sessions", "1")
async def test_sessions_past_the_cap_are_turned_away(served: Served, client: aiohttp.ClientSession) -> None:
    async with client.ws_connect(served.url + "/ws") as first:
        await first_bytes(first)
        async with client.get(served.url + "/") as response:
            assert response.status == 503
            assert "in use" in await response.text()
        async with client.ws_connect(served.url + "/ws") as second:
            message = await second.receive(timeout=30)
            assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            assert second.close_code == 1013
    assert await eventually_status(client, served.url + "/", 200), (
        "a closed session still counts against the cap"
    )


@pytest.mark.serve_options("--idle-timeout", "2")
async def test_an_idle_session_is_ended(served: Served, client: aiohttp.ClientSession) -> None:
    async with client.ws_connect(served.url + "/ws") as idle:
        await first_bytes(idle)
        async with asyncio.timeout(60):
            async for message in idle:
                if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    break
        assert idle.closed


async def test_a_crashed_or_garbled_session_leaves_the_server_up(
    served: Served, client: aiohttp.ClientSession
) -> None:
    async with client.ws_connect(served.url + "/ws") as doomed:
        await first_bytes(doomed)
        await doomed.send_str("not json")
        await doomed.send_str('["stdin"]')
        await doomed.send_str('["resize", {"width": "wide", "height": -3}]')
        for pid in served.readers():
            os.kill(pid, signal.SIGKILL)
        async with asyncio.timeout(60):
            async for message in doomed:
                if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    break
    assert served.process.poll() is None
    async with client.ws_connect(served.url + "/ws") as fresh:
        assert await first_bytes(fresh)


async def eventually_status(client: aiohttp.ClientSession, url: str, status: int) -> bool:
    """Whether ``url`` answers ``status`` within a minute (a closed tab's reader takes a moment to end)."""
    for _ in range(300):
        async with client.get(url) as response:
            if response.status == status:
                return True
        await asyncio.sleep(0.2)
    return False


def help_text(app: BriefingApp) -> str:
    console = Console(width=120, record=True, file=io.StringIO())
    for static in app.screen.query(Static):
        console.print(static.content)
    return console.export_text()


def _is_reader(pid: int) -> bool:
    try:
        return b"briefing_tui" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def test_every_browser_key_has_a_second_key() -> None:
    stranded = [
        binding.id or binding.action
        for binding in Binding.make_bindings(OUR_BINDINGS)
        if binding.key in BROWSER_KEYS
        and not any(
            other.key not in BROWSER_KEYS and (other.id or other.action) == (binding.id or binding.action)
            for other in Binding.make_bindings(OUR_BINDINGS)
        )
    ]
    assert stranded == []
    listed = {binding.id for binding in browser_alternatives(OUR_BINDINGS) if isinstance(binding, Binding)}
    assert {"search.regex", "search.case", "app.command_palette"} <= listed


async def test_help_lists_the_web_keys_in_a_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BriefingApp, "is_web", property(lambda self: True))
    app = create_app(load_briefing(seed_path()))
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = help_text(app)
    assert "In a browser" in shown
    assert "alt+r" in shown.lower() and "instead of ctrl+r" in shown.lower()


async def test_help_in_a_terminal_has_no_web_group() -> None:
    app = create_app(load_briefing(seed_path()))
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        shown = help_text(app)
    assert "Search bar" in shown
    assert "In a browser" not in shown
