"""Opening a plain .txt imports nothing its first frame does not need (a fresh interpreter each time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from briefing_tui.resources import seed_path

DENIED = (
    "trafilatura",
    "pypdfium2",
    "docx",
    "sqlite3",
    "_sqlite3",
    "numpy",
    "yaml",
    "markdown_it",
    "mdit_py_plugins",
    "briefing_tui.analysis",
    "briefing_tui.library",
    "briefing_tui.export",
    "briefing_tui.grep",
    "briefing_tui.serve",
    "briefing_tui.diff",
    "textual_serve",
    "tomllib",
    "pydantic",
    "pydantic_core",
    "briefing_tui.model",
    "briefing_tui.tui.help_screen",
    "briefing_tui.tui.commands",
    "briefing_tui.tui.changes_screen",
    "briefing_tui.tui.marks",
    "briefing_tui.tui.keymap_check",
    "briefing_tui.tui.library_screen",
    "briefing_tui.tui.outline",
    "briefing_tui.tui.sources_pane",
    "briefing_tui.tui.search_bar",
    "textual.widgets._footer",
    "briefing_tui.tui.search_session",
    "briefing_tui.search",
    "briefing_tui.search_parts",
    "briefing_tui.title_search",
    "briefing_tui.presenter",
    "regex",
)
"""Readers of other formats, the library's store, the analysis (it runs after the first frame),
the exporters, grep and the server, the settings' TOML parser (no settings file here),
Pydantic and the model (the first frame of a plain text is drawn from plain blocks, the model
built just after it), the screens only a key brings up, the side panes, the search bar and the footer
(mounted just after the first frame) and the search (made at the first one)."""

# Runs the command line as a user does, headless; at the moment the first frame is drawn it
# notes the modules loaded and quits, then prints them.
PROBE = """
import json, sys
from textual.app import App

seen = []
display = App._display

def first_frame(self, screen, renderable):
    display(self, screen, renderable)
    if not seen:
        seen.append(sorted(sys.modules))
        self.exit()

App._display = first_frame
run = App.run
App.run = lambda self, *args, **kwargs: run(self, headless=True, size=(100, 30))
from briefing_tui.cli import main
code = main([sys.argv[1]])
print(json.dumps({"code": code, "modules": seen[0] if seen else []}))
"""


def modules_at_first_frame(path: Path, tmp_path: Path) -> list[str]:
    """The modules loaded when ``briefing-tui PATH`` draws its first frame, in a fresh interpreter."""
    source = str(Path(__file__).resolve().parents[1] / "src")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([source, *filter(None, [os.environ.get("PYTHONPATH")])]),
        "BRIEFING_TUI_STATE_DIR": str(tmp_path / "state"),
        "BRIEFING_TUI_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    command = [sys.executable, "-c", PROBE, str(path)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    modules: list[str] = result["modules"]
    assert "briefing_tui.tui.text_view" in modules  # the probe saw the reader's frame
    return modules


def denied(modules: list[str]) -> list[str]:
    return [name for name in modules if any(name == d or name.startswith(f"{d}.") for d in DENIED)]


def test_opening_a_plain_text_file_imports_nothing_on_the_deny_list(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("A plain title\n\nOne paragraph of text, said an official.\n", encoding="utf-8")
    assert denied(modules_at_first_frame(path, tmp_path)) == []


def test_the_bundled_briefing_paints_before_its_analysis_and_other_readers_load(tmp_path: Path) -> None:
    assert denied(modules_at_first_frame(seed_path(), tmp_path)) == []
