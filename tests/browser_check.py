"""Open a served reader in headless Chromium and check it as a user would; print the findings as JSON.

Run by tests/test_serve_browser.py, directly and inside a network namespace with no route
out (``unshare --net``), so the same steps prove the page needs nothing from the internet.
It starts ``briefing-tui serve`` on a free local port, drives the system's Chromium through
Playwright (never a downloaded browser), reads the page's terminal by replaying the bytes
the page received into a terminal emulator (pyte), and stops everything it started.

    python tests/browser_check.py BRIEFING QUERY SCREENSHOT
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("BRIEFING_TUI_CHROMIUM", "/usr/bin/chromium"))
"""The system's Chromium (Debian's package `chromium`)."""
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT = 45.0
"""Seconds to wait for any one thing to show; generous, for a loaded two-core machine."""


def free_port() -> int:
    """A port on loopback that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(briefing: Path, port: int) -> subprocess.Popen[bytes]:
    """``briefing-tui serve`` in its own process group, answering once its page loads."""
    server = subprocess.Popen(
        [sys.executable, "-m", "briefing_tui", "serve", str(briefing), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.2)
    stop(server)
    raise RuntimeError(f"the server did not start: {server.stderr.read().decode() if server.stderr else ''}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """End ``process`` and every reader it started."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class Terminal:
    """What the page's terminal shows, rebuilt from the bytes the page was sent."""

    def __init__(self) -> None:
        import pyte

        self._screen = pyte.Screen(80, 24)
        self._stream = pyte.ByteStream(self._screen)

    def resize(self, columns: int, rows: int) -> None:
        """The page told the reader its size."""
        self._screen.resize(rows, columns)

    def feed(self, data: bytes) -> None:
        """Bytes the page received for its terminal."""
        self._stream.feed(data)

    def text(self) -> str:
        """The screen's lines."""
        return "\n".join(line.rstrip() for line in self._screen.display)


def wait_for(what: str, test: Callable[[], bool], pump: Callable[[], None]) -> None:
    """Pump the page until ``test`` holds; raise naming ``what`` when it never does."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        pump()
        if test():
            return
    raise AssertionError(f"timed out waiting for {what}")


def check(briefing: Path, query: str, screenshot: Path) -> dict[str, Any]:
    """Every finding of one browser session against a fresh server."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = start_server(briefing, port)
    terminal = Terminal()
    requests: list[str] = []
    findings: dict[str, Any] = {"port": port}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("request", lambda request: requests.append(request.url))

            def on_socket(socket_: Any) -> None:
                socket_.on("framereceived", lambda data: _received(terminal, data))
                socket_.on("framesent", lambda data: _sent(terminal, data))

            page.on("websocket", on_socket)
            page.goto(f"http://127.0.0.1:{port}/")

            def pump() -> None:
                page.wait_for_timeout(200)

            findings.update(_read(briefing, query, page, terminal, pump=pump, screenshot=screenshot))
            browser.close()
    finally:
        stop(server)
    local = f"127.0.0.1:{port}"
    findings["foreign_requests"] = [
        url for url in requests if local not in url and not url.startswith("data:")
    ]
    findings["server_exit"] = server.returncode
    return findings


def _read(
    briefing: Path, query: str, page: Any, terminal: Terminal, *, pump: Callable[[], None], screenshot: Path
) -> dict[str, Any]:
    from briefing_tui.load import load_briefing

    model = load_briefing(briefing)
    title = model.title[:40]
    opening = model.paragraphs()[0].text[:30]
    wait_for(
        "the title and the first paragraph",
        lambda: title in terminal.text() and opening in terminal.text(),
        pump,
    )
    first_screen = terminal.text()
    page.click("#terminal")
    page.keyboard.press("/")
    page.keyboard.type(query, delay=30)
    count = re.compile(r"\b1/\d+\b")
    wait_for("the match count", lambda: count.search(terminal.text()) is not None, pump)
    page.keyboard.press("Enter")
    wait_for("the view at a match", lambda: query in _text_lines(terminal), pump)
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(screenshot))
    at_match = terminal.text()
    page.keyboard.press("q")
    page.wait_for_selector("body.-closed", state="attached", timeout=WAIT * 1000)
    return {
        "title_shown": title in first_screen,
        "first_paragraph_shown": opening in first_screen,
        "query_off_first_screen": query not in first_screen,
        "moved_to_match": query in at_match,
        "session_ended": True,
        "screen_at_match": at_match,
    }


def _text_lines(terminal: Terminal) -> str:
    # The search bar echoes the query; only the lines above it show the text.
    return "\n".join(terminal.text().split("\n")[:-3])


def _received(terminal: Terminal, data: bytes | str) -> None:
    if isinstance(data, bytes):
        terminal.feed(data)


def _sent(terminal: Terminal, data: bytes | str) -> None:
    if isinstance(data, str) and data.startswith('["resize"'):
        size = json.loads(data)[1]
        terminal.resize(int(size["width"]), int(size["height"]))


def main() -> int:
    briefing, query, screenshot = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    print(json.dumps(check(briefing, query, screenshot)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
