"""Peak memory of storing a large briefing in the library, as the reader does when it opens one.

The reader reads the briefing, analyses it (dropping the briefing as read once the analysis
has arrived) and stores the analysed briefing once. This prints, for each step, the
process's resident memory before it and its peak during it, into a throwaway library, so a
change to how the library stores a briefing can be weighed. The last two steps are those of
a briefing whose file changed since it was last read: the new version is stored (the old one
kept as the version last read), then the old one is read back and compared with the new.

The peak of each step alone comes from resetting the kernel's high-water mark (``VmHWM``)
before it (``/proc/self/clear_refs``, Linux); elsewhere the peak is the process's so far.

    python bench/store_memory.py                      # the 10 MB document
    python bench/store_memory.py --size 1MB --no-save
    python bench/store_memory.py --suffix once        # bench/results/store_memory-DATE-10MB-once.*
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from _common import CACHE_DIR, command_line, machine_info, report_header, write_results
from briefing_tui.analysis import analyse
from briefing_tui.diff import diff_briefings
from briefing_tui.library import Library
from briefing_tui.library.files import file_digest
from briefing_tui.load import load_briefing
from corpus import make_briefing_text, parse_size

T = TypeVar("T")
Step = tuple[str, int, int, float]
"""A step's label, resident memory before it and peak during it (MiB), and its seconds."""


def _document(size: str) -> Path:
    path = CACHE_DIR / f"briefing-{size.lower()}.txt"
    if not path.exists():
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(make_briefing_text(parse_size(size)), encoding="utf-8")
    return path


def _status_mib(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")  # 5: reset the peak resident set size to the current one
    except OSError:
        pass  # not Linux: the peak is the process's so far


def _peak_mib() -> int:
    peak = _status_mib("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _step(steps: list[Step], label: str, action: Callable[[], T]) -> T:
    before = _status_mib("VmRSS") or 0
    _reset_peak()
    started = time.perf_counter()
    result = action()
    steps.append((label, before, _peak_mib(), time.perf_counter() - started))
    return result


def _measure(path: Path) -> list[Step]:
    steps: list[Step] = []
    briefing = _step(steps, "read", partial(load_briefing, path, analysed=False))
    analysed = _step(steps, "analysed", partial(analyse, briefing))
    del briefing  # as the reader does once the analysis has arrived
    digest = file_digest(path.read_bytes())
    with tempfile.TemporaryDirectory() as folder, Library(Path(folder) / "library.sqlite3") as library:

        def store_and_read() -> int:
            added = library.add(path, analysed, digest, analysed=True)
            library.mark_read(added.briefing_id)
            return added.briefing_id

        number = _step(steps, "stored (analysed, once) and marked read", store_and_read)
        # Another digest: the file changed since it was read, the stored version is kept as read.
        _step(steps, "a new version stored", lambda: library.add(path, analysed, digest + "-new"))

        def compare() -> None:
            earlier = library.read_version(number)
            assert earlier is not None
            diff_briefings(earlier, analysed)

        _step(steps, "the version last read compared", compare)
    return steps


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", default="10MB", help="document size, as corpus.py names it (default 10MB)")
    parser.add_argument("--no-save", action="store_true", help="print only; write nothing to bench/results")
    parser.add_argument("--suffix", default="", help="added to the results' file names, after the size")
    options = parser.parse_args()
    path = _document(options.size)
    steps = _measure(path)
    lines = [
        report_header(
            "Storing a briefing in the library", machine_info(), command_line(), f"document {path.name}"
        ),
        "| step | RSS before it, MiB | peak RSS during it, MiB | seconds |",
        "|---|---:|---:|---:|",
        *(f"| {label} | {before} | {peak} | {seconds:.2f} |" for label, before, peak, seconds in steps),
    ]
    markdown = "\n".join(lines) + "\n"
    print(markdown)
    if not options.no_save:
        payload = {"machine": machine_info(), "command": command_line(), "steps": steps}
        suffix = "-".join(part for part in (options.size, options.suffix) if part)
        for written in write_results("store_memory", payload, markdown, suffix=suffix):
            print(f"wrote {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
