"""The README's shell examples run as written, from a clone of the repository.

Every ```sh block is run as one script (``set -e``) in a temporary copy of the parts of a
clone the examples use (``seeds/``), with ``briefing-tui`` on the PATH running this tree.
Blocks that install the package (``pip install``) are the Quick start: they are not run here,
`.ci/run` runs them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS: list[str] = re.findall(r"^```sh\n(.*?)^```", README, re.MULTILINE | re.DOTALL)
RUNNABLE = [block for block in BLOCKS if "pip install" not in block]


def test_there_are_examples_to_run() -> None:
    assert len(RUNNABLE) >= 2
    assert any("briefings/*.txt" in block for block in RUNNABLE)


@pytest.mark.parametrize("block", RUNNABLE, ids=[block.splitlines()[0][:60] for block in RUNNABLE])
def test_readme_example_runs_as_written(block: str, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    bin_dir = tmp_path / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "briefing-tui"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m briefing_tui "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env["PYTHONPATH"] = f"{ROOT / 'src'}{os.pathsep}{env.get('PYTHONPATH', '')}"
    for line in block.splitlines():
        if not line.strip():
            continue
        command = ["sh", "-ec", line]
        done = subprocess.run(command, check=False, cwd=tmp_path, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"{line!r} exited {done.returncode}: {done.stderr.strip()}"
        assert not done.stderr, f"{line!r} wrote to stderr: {done.stderr.strip()}"
        writes_to_stdout = ">" not in line and not line.startswith(("mkdir", "cp "))
        assert done.stdout.strip() or not writes_to_stdout, f"{line!r} printed nothing"
