"""Time reading and analysing a large generated briefing (10 MB by default).

Run: ``python bench/bench_analysis.py [--size 10MB] [--format txt|md|both] [--runs 5]``

The briefing comes from ``bench/corpus.py`` (the seed's paragraphs cycled into numbered
sections), is written to a temporary file, then read with `read_briefing` and analysed with
`analyse` ``--runs`` times after one warm-up. Prints the machine, the Python version, the
command, and a Markdown table of median timings.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import shlex
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from briefing_tui.analysis import analyse
from briefing_tui.ingest import read_briefing
from corpus import make_briefing_text, parse_size

HEADER = (
    "| size | format | sections | paragraphs | sources | read s | analyse s | total s | analyse MB/s |\n"
    "|---|---|---:|---:|---:|---:|---:|---:|---:|"
)


def machine() -> str:
    """One line about the CPU, the core count and the operating system."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def bench(path: Path, size_label: str, fmt: str, runs: int) -> str:
    """A Markdown table row: medians over ``runs`` timed runs, after one warm-up.

    Each run starts from a collected heap with the previous run's objects released, as an
    application holding one briefing at a time would.
    """
    reads: list[float] = []
    analyses: list[float] = []
    counts = (0, 0, 0)
    for run in range(runs + 1):
        gc.collect()
        started = time.perf_counter()
        briefing = read_briefing(path)
        read_done = time.perf_counter()
        analysed = analyse(briefing)
        finished = time.perf_counter()
        counts = (len(briefing.sections), len(briefing.paragraphs()), len(analysed.sources))
        del briefing, analysed
        if run:  # the first run warms caches and compiles the lexicon
            reads.append(read_done - started)
            analyses.append(finished - read_done)
    read_s, analyse_s = statistics.median(reads), statistics.median(analyses)
    megabytes = path.stat().st_size / 1024**2
    sections, paragraphs, sources = counts
    return (
        f"| {size_label} | {fmt} | {sections:,} | {paragraphs:,} | {sources} | {read_s:.2f} "
        f"| {analyse_s:.2f} | {read_s + analyse_s:.2f} | {megabytes / analyse_s:.1f} |"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Generate, time, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="10MB", help="briefing size, e.g. 1MB, 10MB, 50MB")
    parser.add_argument("--format", default="both", choices=["txt", "md", "both"])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per format (median reported)")
    args = parser.parse_args(argv)
    formats = ["txt", "md"] if args.format == "both" else [args.format]
    print(f"machine: {machine()}")
    print(f"python: {platform.python_implementation()} {platform.python_version()}")
    print(f"command: {shlex.join([sys.executable, *sys.argv])}")
    print(f"runs: {args.runs} timed (median) after 1 warm-up\n")
    print(HEADER)
    with tempfile.TemporaryDirectory() as folder:
        for fmt in formats:
            path = Path(folder) / f"briefing.{fmt}"
            path.write_text(make_briefing_text(parse_size(args.size), fmt), encoding="utf-8")
            print(bench(path, args.size, fmt, args.runs), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
