"""Time `SearchIndex.search` against a bare `re.finditer` over the same joined text.

Run: ``python bench/bench_search_core.py [--runs N] [--sizes 1MB,10MB]``

For each size a briefing is generated deterministically by ``bench/corpus.py`` (the seed's
paragraphs repeated into many sections), read with the normal reader, and searched. The
baseline is the loop a caller would write without the core: ``for _ in
pattern.finditer(text): pass`` with the same pattern and flags over `SearchIndex.text`.
Medians of ``--runs`` runs after a warm-up; Markdown on stdout.
"""

from __future__ import annotations

import argparse
import gc
import shlex
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import machine_info, machine_line
from briefing_tui.ingest import read_briefing
from briefing_tui.search import SearchIndex, SearchResult, compile_query
from corpus import make_briefing_text, parse_size  # bench/ is on sys.path when run as a script

# (label, query, regex); case is smart, so lowercase queries are case-insensitive.
QUERIES: list[tuple[str, str, bool]] = [
    ("common word", "the", False),
    ("rare word", "Greenway", False),
    ("case-insensitive", "kushner", False),
    ("regex", r"\b\d+(?:\.\d+)?\b", True),
    ("regex crossing units (repair path)", r"\.\s+\w", True),
]


def paired_seconds(
    core: Callable[[], object], bare: Callable[[], object], runs: int
) -> tuple[float, float, float]:
    """Median CPU times of ``core`` and ``bare``, and the median of their paired ratios.

    The two run in turn, ``runs`` pairs after one warm-up of each, and each pair's ratio is
    taken before the median. Timing all of one and then all of the other lets the machine
    drift in between (another process, the CPU's clock, the cache): on this shared 2-core
    machine that alone moved the ratio of the common word from 1.2x to 2.1x between runs.
    CPU time of this thread (`time.thread_time`), not wall time: a call of a few
    milliseconds is preempted often enough that wall time measures the other processes.
    """
    core()
    bare()
    gc.collect()  # so that no cell pays for the garbage of the one before
    core_times, bare_times = [], []
    for _ in range(runs):
        core_times.append(_thread_seconds(core))
        bare_times.append(_thread_seconds(bare))
    ratios = [c / b for c, b in zip(core_times, bare_times, strict=True) if b > 0]
    ratio = statistics.median(ratios) if ratios else float("nan")
    return statistics.median(core_times), statistics.median(bare_times), ratio


def _thread_seconds(action: Callable[[], object]) -> float:
    """The CPU time of this thread spent in one call of ``action``."""
    started = time.thread_time()
    action()
    return time.thread_time() - started


def time_queries(index: SearchIndex, runs: int) -> list[dict[str, Any]]:
    """For each of `QUERIES`: its matches, the median core and bare times (s) and their paired ratio."""
    rows: list[dict[str, Any]] = []
    for label, query, regex in QUERIES:
        pattern = compile_query(query, regex=regex).pattern
        assert pattern is not None

        def core(query: str = query, regex: bool = regex) -> SearchResult:
            index.clear_cache()
            return index.search(query, regex=regex)

        def bare(pattern: Any = pattern) -> None:  # an re or a regex pattern
            for _ in pattern.finditer(index.text):
                pass

        matches = core().total
        core_s, bare_s, ratio = paired_seconds(core, bare, runs)
        rows.append(
            {
                "label": label,
                "query": query,
                "regex": regex,
                "matches": matches,
                "core_s": core_s,
                "bare_s": bare_s,
                "ratio": ratio,
            }
        )
    return rows


def bench_size(size_bytes: int, runs: int) -> list[str]:
    """Markdown table rows for one corpus size."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "bench.txt"
        path.write_text(make_briefing_text(size_bytes, "txt"), encoding="utf-8")
        briefing = read_briefing(path)
    started = time.perf_counter()
    index = SearchIndex(briefing)
    build = time.perf_counter() - started
    label = f"{size_bytes / 2**20:g} MiB"
    rows = [f"| {label} | index build ({index.unit_count} units) | | {build * 1e3:.1f} | | |"]
    for row in time_queries(index, runs):
        rows.append(
            f"| {label} | {row['label']} `{row['query']}` | {row['matches']:,} | {row['core_s'] * 1e3:.1f} "
            f"| {row['bare_s'] * 1e3:.1f} | {row['ratio']:.2f}x |"
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    """Parse the options, run every size, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per cell (median reported)")
    parser.add_argument(
        "--sizes", default="1MB,10MB", help="corpus sizes, comma-separated (1MB, 10MB, 250000...)"
    )
    options = parser.parse_args(argv)
    print(f"Machine: {machine_line(machine_info())}  ")
    print(f"Command: `{shlex.join(['python', *sys.argv])}`  ")
    print(
        f"Median of {options.runs} paired runs after a warm-up; times in milliseconds; "
        "ratio: the median of the pairs' ratios.\n"
    )
    print("| corpus | query | matches | SearchIndex.search | bare re.finditer | ratio |")
    print("|---|---|---:|---:|---:|---:|")
    for size in (parse_size(part) for part in options.sizes.split(",")):
        for row in bench_size(size, options.runs):
            print(row, flush=True)


if __name__ == "__main__":
    main()
