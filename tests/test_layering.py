"""Ingest, model, analysis and search never import Textual (or Rich): only the TUI renders."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "briefing_tui"
UI_ONLY = ("textual", "rich")
# The package itself and its command line may start the UI, but only lazily, inside a function.
CORE_MODULES = sorted(path for path in PACKAGE.rglob("*.py") if "tui" not in path.relative_to(PACKAGE).parts)


def imported_roots(path: Path, *, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    roots: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
            if node.module.startswith("briefing_tui.tui"):
                roots.add("briefing_tui.tui")
    return roots


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_core_module_imports_no_ui_library(path: Path) -> None:
    everywhere = imported_roots(path, top_level_only=False)
    assert not everywhere & set(UI_ONLY), f"{path.name} imports {everywhere & set(UI_ONLY)}"
    if path.name != "cli.py":
        assert "briefing_tui.tui" not in everywhere, f"{path.name} reaches into the TUI"


def test_core_modules_were_found() -> None:
    names = {path.name for path in CORE_MODULES}
    assert {"model.py", "search.py", "cli.py", "plaintext.py", "store.py", "diff.py", "presenter.py"} <= names


def test_importing_the_core_loads_no_ui_library() -> None:
    code = (
        "import sys\n"
        "import briefing_tui, briefing_tui.model, briefing_tui.ingest, briefing_tui.search\n"
        "import briefing_tui.analysis, briefing_tui.load, briefing_tui.export, briefing_tui.cli\n"
        "import briefing_tui.library.commands, briefing_tui.library.search, briefing_tui.library.sources\n"
        "import briefing_tui.diff, briefing_tui.diff_report, briefing_tui.presenter, briefing_tui.units\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
