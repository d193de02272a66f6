"""CPU time of the analysis, whole and by stage, on generated briefings of several sizes.

Run (with ``PYTHONPATH=src``)::

    python bench/analysis_stages.py                       # 1MB,10MB, 3 runs each
    python bench/analysis_stages.py --sizes 1MB --runs 5
    python bench/analysis_stages.py --runs 3 --suffix speed   # also writes bench/results/

Each size's ``.txt`` briefing comes from ``bench/corpus.py`` (cached in ``bench/.cache/``) and
is read once. Each run times, in CPU seconds (``time.process_time``, so that other processes
on the machine count less than in wall-clock time), `analyse` as a whole, then its stages
one by one on the same briefing: the kind features of every paragraph (``observations``),
decoding the kinds (``decode``), the sources of every paragraph (``find_mentions``) and its
questions (``find_questions``), each with the cyclic collector paused as `analyse` pauses
it. "analyse" and the stages are of one process (``analyse(parallel=False)``); "other" is
the whole less the stages: the registry, the section kinds and building the analysed model.
"analyse wall" is that whole in wall-clock seconds, for the record: on a shared machine it
counts other processes too. "2 processes wall" is `analyse` as the reader calls it, which
from `two_processes.PARALLEL_FROM` characters reads half the paragraphs in a second process,
and "2 processes CPU" its CPU seconds in both processes together (the child's counted once
it has been waited for): its gain needs a second core that nothing else is using. Prints a Markdown
table of medians, the seconds per MB, and the ratio of each size's whole time to the first
size's; with ``--suffix`` also writes it to ``bench/results/analysis_stages-<date>-<suffix>``.

The generated briefing cycles the seed's paragraphs: a cache keyed on a paragraph's text
would make it look far faster than any real briefing, so the analysis has none.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from _common import command_line, document, machine_info, machine_line, report_header, write_results
from briefing_tui.analysis import analyse
from briefing_tui.analysis.kind_features import Observation, observations
from briefing_tui.analysis.kind_model import decode, shipped_model
from briefing_tui.analysis.questions import find_questions
from briefing_tui.analysis.sources import find_mentions
from briefing_tui.ingest import read_briefing
from briefing_tui.model import Briefing

STAGES = ("analyse", "kind features", "kind decoding", "sources", "questions", "other")
COLUMNS = (*STAGES, "analyse wall", "2 processes wall", "2 processes CPU")


def _cpu(action: Callable[[], Any]) -> tuple[float, Any]:
    """CPU seconds of ``action`` with the cyclic collector paused, as `analyse` pauses it.

    With the collector on, a stage would also pay for full collections that re-scan the heap
    the earlier stages left alive (the briefing, the observations): about 0.4 s of the kind
    decoding at 10 MB, which `analyse` never pays, so the stages summed to more than the whole.
    """
    gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    try:
        started = time.process_time()
        result = action()
        return time.process_time() - started, result
    finally:
        if collecting:
            gc.enable()


def _children_cpu() -> float:
    """CPU seconds of the child processes waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(briefing: Briefing) -> dict[str, float]:
    """CPU seconds of the whole analysis and of each stage, and the whole's wall seconds, for one run."""
    texts = [paragraph.text for paragraph in briefing.paragraphs()]
    seconds: dict[str, float] = {}
    wall = time.perf_counter()
    seconds["analyse"], _ = _cpu(lambda: analyse(briefing, parallel=False))
    seconds["analyse wall"] = time.perf_counter() - wall
    children = _children_cpu()
    wall = time.perf_counter()
    own, _ = _cpu(lambda: analyse(briefing))
    seconds["2 processes wall"] = time.perf_counter() - wall
    seconds["2 processes CPU"] = own + _children_cpu() - children
    seconds["kind features"], observed = _cpu(lambda: list(observations(briefing.sections)))
    kept: list[Observation] = observed
    seconds["kind decoding"], _ = _cpu(lambda: decode(shipped_model(), kept))
    seconds["sources"], _ = _cpu(lambda: [find_mentions(text) for text in texts])
    seconds["questions"], _ = _cpu(lambda: [find_questions("p", text) for text in texts])
    seconds["other"] = seconds["analyse"] - sum(seconds[stage] for stage in STAGES[1:-1])
    return seconds


def main(argv: Sequence[str] | None = None) -> int:
    """Time every size, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1MB,10MB", help="comma-separated sizes, e.g. 1MB,10MB")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per size (median reported)")
    parser.add_argument("--suffix", default="", help="also write analysis_stages-<date>-SUFFIX.md/.json")
    args = parser.parse_args(argv)
    info = machine_info()
    conditions = f"runs: {args.runs} per size (median CPU seconds), after one warm-up on the seed"
    print(f"machine: {machine_line(info)}")
    print(f"command: {command_line()}")
    print(f"{conditions}\n")
    analyse(read_briefing(document("seed", "txt")))  # compiles the patterns, loads the weights
    lines = [
        "| size | " + " | ".join(COLUMNS) + " | analyse s/MB | ratio |",
        "|---|" + "---:|" * (len(COLUMNS) + 2),
    ]
    print("\n".join(lines), flush=True)
    first: float | None = None
    medians: dict[str, dict[str, float]] = {}
    for size in args.sizes.split(","):
        path = document(size, "txt")
        briefing = read_briefing(path)
        runs = [run_once(briefing) for _ in range(args.runs)]
        median = {column: statistics.median(run[column] for run in runs) for column in COLUMNS}
        medians[size] = median
        first = first or median["analyse"]
        megabytes = path.stat().st_size / 1024**2
        cells = " | ".join(f"{median[column]:.2f}" for column in COLUMNS)
        lines.append(
            f"| {size} | {cells} | {median['analyse'] / megabytes:.2f} | {median['analyse'] / first:.1f} |"
        )
        print(lines[-1], flush=True)
    if args.suffix:
        header = report_header("Analysis CPU seconds by stage", info, command_line(), conditions)
        payload = {"machine": info, "runs": args.runs, "medians": medians}
        json_path, md_path = write_results(
            "analysis_stages", payload, header + "\n" + "\n".join(lines) + "\n", args.suffix
        )
        print(f"Wrote {md_path} and {json_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
