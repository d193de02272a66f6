"""Peak memory of storing a large briefing in the library, as the reader does when it opens one.

The reader stores the briefing as read, then again once analysed. This prints the process's
peak resident memory (``ru_maxrss``) after reading, after analysing, and after each store,
into a throwaway library, so a change to how the library stores a briefing can be weighed.

    python bench/store_memory.py                      # the 10 MB document
    python bench/store_memory.py --size 1MB --no-save
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from _common import CACHE_DIR, command_line, machine_info, report_header, write_results
from briefing_tui.analysis import analyse
from briefing_tui.library import Library
from briefing_tui.library.files import file_digest
from briefing_tui.load import load_briefing
from corpus import make_briefing_text, parse_size


def _document(size: str) -> Path:
    path = CACHE_DIR / f"briefing-{size.lower()}.txt"
    if not path.exists():
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(make_briefing_text(parse_size(size)), encoding="utf-8")
    return path


def _peak_mib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", default="10MB", help="document size, as corpus.py names it (default 10MB)")
    parser.add_argument("--no-save", action="store_true", help="print only; write nothing to bench/results")
    options = parser.parse_args()
    path = _document(options.size)
    steps: list[tuple[str, int, float]] = []
    started = time.perf_counter()
    briefing = load_briefing(path, analysed=False)
    steps.append(("read", _peak_mib(), time.perf_counter() - started))
    started = time.perf_counter()
    analysed = analyse(briefing)
    steps.append(("analysed", _peak_mib(), time.perf_counter() - started))
    digest = file_digest(path.read_bytes())
    with tempfile.TemporaryDirectory() as folder, Library(Path(folder) / "library.sqlite3") as library:
        for label, model, done in (("stored as read", briefing, False), ("stored analysed", analysed, True)):
            started = time.perf_counter()
            library.add(path, model, digest, analysed=done)
            steps.append((label, _peak_mib(), time.perf_counter() - started))
    lines = [
        report_header(
            "Storing a briefing in the library", machine_info(), command_line(), f"document {path.name}"
        ),
        "| step | peak RSS after it, MiB | seconds |",
        "|---|---:|---:|",
        *(f"| {label} | {peak} | {seconds:.2f} |" for label, peak, seconds in steps),
    ]
    markdown = "\n".join(lines) + "\n"
    print(markdown)
    if not options.no_save:
        payload = {"machine": machine_info(), "command": command_line(), "steps": steps}
        for written in write_results("store_memory", payload, markdown, suffix=options.size):
            print(f"wrote {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
