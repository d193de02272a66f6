"""Shared helpers for the benchmark scripts: documents, machine description, statistics, results.

Imported by ``first_paint.py``, ``search_latency.py`` and ``scaling.py`` (each script's own
directory, ``bench/``, is on ``sys.path`` when it runs). Generated documents go to
``bench/.cache/`` (gitignored); results to ``bench/results/``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from corpus import SEED_PATH, make_briefing_text, parse_size

__all__ = [
    "BENCH_DIR",
    "CACHE_DIR",
    "REPO_DIR",
    "RESULTS_DIR",
    "SEED_SIZE",
    "command_line",
    "document",
    "first_paragraph_marker",
    "fmt_seconds",
    "machine_info",
    "machine_line",
    "size_label",
    "spread",
    "write_results",
]

BENCH_DIR = Path(__file__).resolve().parent
"""``bench/``."""
REPO_DIR = BENCH_DIR.parent
CACHE_DIR = BENCH_DIR / ".cache"
"""Generated documents and throwaway virtual environments (gitignored)."""
RESULTS_DIR = BENCH_DIR / "results"
"""Small JSON and Markdown results, committed."""
SEED_SIZE = "seed"
"""The size name that stands for the bundled seed briefing itself."""


def size_label(size: str) -> str:
    """A size as typed (``seed``, ``1MB``, ``10mb``) in one canonical spelling."""
    return SEED_SIZE if size.lower() == SEED_SIZE else size.upper().replace("IB", "iB")


def document(size: str, fmt: str) -> Path:
    """The benchmark document of ``size`` (``seed`` or a corpus size) in ``fmt`` (txt or md).

    The seed is ``seeds/gaza-ceasefire-talks.txt``; its Markdown version is written by our own
    exporter (``briefing-tui export ... --to markdown``). Other sizes come from
    ``bench/corpus.py``. Generated files are cached in ``bench/.cache/`` and rebuilt only
    when missing.
    """
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    if size_label(size) == SEED_SIZE:
        if fmt == "txt":
            return SEED_PATH
        path = CACHE_DIR / "seed.md"
        if not path.exists():
            exported = subprocess.run(
                [sys.executable, "-m", "briefing_tui", "export", str(SEED_PATH), "--to", "markdown"],
                check=True,
                capture_output=True,
                text=True,
            )
            _write_atomically(path, exported.stdout)
        return path
    path = CACHE_DIR / f"briefing-{size_label(size).lower()}.{fmt}"
    if not path.exists():
        _write_atomically(path, make_briefing_text(parse_size(size), fmt))
    return path


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def first_paragraph_marker(words: int = 3) -> str:
    """The first words of the seed's first paragraph: on screen once a document's top is.

    Every generated document starts with the seed's first paragraph too. The marker stops
    before the first character that is not ASCII ("Politico’s" gives "Politico"), so that no
    terminal's rendering of a curly quote can hide it.
    """
    from briefing_tui.ingest import read_briefing

    briefing = read_briefing(SEED_PATH)
    text = next(paragraph.text for section in briefing.sections for paragraph in section.paragraphs)
    kept: list[str] = []
    for word in text.split()[:words]:
        ascii_prefix = word[: next((i for i, char in enumerate(word) if not char.isascii()), len(word))]
        if ascii_prefix:
            kept.append(ascii_prefix)
        if ascii_prefix != word:
            break
    return " ".join(kept)


def machine_info() -> dict[str, Any]:
    """CPU model, cores, RAM, OS and Python, for the record of a run."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    ram_gib: float | None = None
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gib = round(int(line.split()[1]) / 1024**2, 1)
                break
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "ram_gib": ram_gib,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "git_commit": _git_commit(),
    }


def _git_commit() -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(REPO_DIR), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    if result.returncode != 0:
        return None
    dirty = subprocess.run(
        ["git", "-C", str(REPO_DIR), "status", "--porcelain", "--untracked-files=no", "src"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return result.stdout.strip() + (" + uncommitted changes in src/" if dirty else "")


def machine_line(info: dict[str, Any]) -> str:
    """``machine_info()`` in one line."""
    return (
        f"{info['cpu']}, {info['cores']} cores, {info['ram_gib']} GiB RAM, {info['os']}, "
        f"Python {info['python']}, commit {info['git_commit']}"
    )


def report_header(title: str, info: dict[str, Any], command: str, *conditions: str) -> str:
    """The Markdown head of a results file: title and date, machine, command, run conditions."""
    lines = [f"# {title}, {time.strftime('%Y-%m-%d %H:%M')}", "", f"- Machine: {machine_line(info)}"]
    lines.append(f"- Command: `{command}`")
    lines.extend(f"- {condition}" for condition in conditions)
    return "\n".join(lines) + "\n"


def command_line(argv: Sequence[str] | None = None) -> str:
    """The command that ran this script, shell-quoted, as it could be typed again."""
    args = list(sys.argv if argv is None else argv)
    script = Path(args[0])
    try:
        shown = str(script.resolve().relative_to(REPO_DIR))
    except ValueError:
        shown = str(script)
    return shlex.join(["python", shown, *args[1:]])


def spread(values: Iterable[float]) -> tuple[float, float, float] | None:
    """``(median, min, max)`` of ``values``, or None when there are none."""
    kept = list(values)
    if not kept:
        return None
    return statistics.median(kept), min(kept), max(kept)


def fmt_seconds(seconds: float) -> str:
    """Seconds with precision that suits their size: 0.004, 0.52, 10.8, 118."""
    if seconds < 0.1:
        return f"{seconds:.3f}"
    if seconds < 10:
        return f"{seconds:.2f}"
    if seconds < 100:
        return f"{seconds:.1f}"
    return f"{seconds:.0f}"


def write_results(name: str, payload: dict[str, Any], markdown: str, suffix: str = "") -> tuple[Path, Path]:
    """Write ``bench/results/<name>-<date>[-<suffix>].json`` and ``.md``; returns both paths."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stem = f"{name}-{dt.date.today().isoformat()}" + (f"-{suffix}" if suffix else "")
    json_path = RESULTS_DIR / f"{stem}.json"
    md_path = RESULTS_DIR / f"{stem}.md"
    json_path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path.write_text(markdown, encoding="utf-8")
    return json_path, md_path
