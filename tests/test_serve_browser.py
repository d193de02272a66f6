"""The served reader in a real headless Chromium: it shows the briefing, searches, and quits.

The same check runs twice: on this machine as it is, and inside a network namespace that
has nothing but loopback, which proves the page loads and works with no network at all.
Chromium is Debian's package and Playwright drives it by path; `.ci/run` installs both. On a
developer machine without them the tests are skipped; in CI (``CI`` set) they fail instead,
so a missing install step cannot pass unnoticed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from briefing_tui.resources import seed_path

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHECK = ROOT / "tests" / "browser_check.py"
QUERY = "Knesset"
"""A word far down the bundled briefing, so finding it must move the view."""


def _browser_missing() -> str | None:
    try:
        import playwright  # noqa: F401
        import pyte  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed"
    if not Path(os.environ.get("BRIEFING_TUI_CHROMIUM", "/usr/bin/chromium")).exists():
        return "Chromium is not installed (apt-get install chromium)"
    return None


@pytest.fixture
def browser_ready() -> None:
    missing = _browser_missing()
    if missing is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must be able to run the browser test: {missing}")
    pytest.skip(missing)


def run_check(prefix: list[str], screenshot: Path) -> dict[str, Any]:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *sys.path])}
    done = subprocess.run(
        [*prefix, sys.executable, str(CHECK), str(seed_path()), QUERY, str(screenshot)],
        capture_output=True,
        text=True,
        timeout=300,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    findings: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return findings


def assert_read_like_a_user(findings: dict[str, Any]) -> None:
    assert findings["title_shown"], "the title is not on the page's terminal"
    assert findings["first_paragraph_shown"], "the first paragraph is not on the page's terminal"
    assert findings["query_off_first_screen"], "the query was on screen before searching"
    assert findings["moved_to_match"], findings["screen_at_match"]
    assert findings["session_ended"]
    assert findings["foreign_requests"] == [], "the page asked for something off this server"
    assert findings["server_exit"] is not None, "the server was left running"


@pytest.mark.usefixtures("browser_ready")
def test_reader_in_chromium(tmp_path: Path) -> None:
    # The screenshot goes to a temporary folder: a test run leaves the checkout as it was.
    screenshot = tmp_path / "serve-chromium.png"
    assert_read_like_a_user(run_check([], screenshot))
    assert screenshot.stat().st_size > 10_000


@pytest.mark.usefixtures("browser_ready")
def test_reader_in_chromium_with_no_route_out(tmp_path: Path) -> None:
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        pytest.skip("unshare and ip are needed to cut the network")
    cut = [
        "unshare",
        "--net",
        "--",
        "sh",
        "-c",
        'ip link set lo up && [ -z "$(ip route)" ] && exec "$@"',
        "sh",
    ]
    probe = subprocess.run([*cut, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a network namespace here: {probe.stderr.decode(errors='replace')[:200]}")
    assert_read_like_a_user(run_check(cut, tmp_path / "serve-chromium-offline.png"))
