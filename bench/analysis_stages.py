"""CPU time of the analysis, whole and by stage, on generated briefings of several sizes.

Run (with ``PYTHONPATH=src``)::

    python bench/analysis_stages.py                       # 1MB,10MB, 3 runs each
    python bench/analysis_stages.py --sizes 1MB --runs 5

Each size's ``.txt`` briefing comes from ``bench/corpus.py`` (cached in ``bench/.cache/``) and
is read once. Each run times, in CPU seconds (``time.process_time``, so that other processes
on the machine count less than in wall-clock time), `analyse` as a whole, then its stages
one by one on the same briefing: the kind features of every paragraph (``observations``),
decoding the kinds (``decode``), the sources of every paragraph (``find_mentions``) and its
questions (``find_questions``). "other" is the whole less the stages: the registry, the
section kinds and building the analysed model. Prints a Markdown table of medians, the
seconds per MB, and the ratio of each size's whole time to the first size's.

The generated briefing cycles the seed's paragraphs: a cache keyed on a paragraph's text
would make it look far faster than any real briefing, so the analysis has none.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from _common import command_line, document, machine_info, machine_line
from briefing_tui.analysis import analyse
from briefing_tui.analysis.kind_features import Observation, observations
from briefing_tui.analysis.kind_model import decode, shipped_model
from briefing_tui.analysis.questions import find_questions
from briefing_tui.analysis.sources import find_mentions
from briefing_tui.ingest import read_briefing
from briefing_tui.model import Briefing

STAGES = ("analyse", "kind features", "kind decoding", "sources", "questions", "other")


def _cpu(action: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    started = time.process_time()
    result = action()
    return time.process_time() - started, result


def run_once(briefing: Briefing) -> dict[str, float]:
    """CPU seconds of the whole analysis and of each stage, for one run."""
    texts = [paragraph.text for paragraph in briefing.paragraphs()]
    seconds: dict[str, float] = {}
    seconds["analyse"], _ = _cpu(lambda: analyse(briefing))
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
    args = parser.parse_args(argv)
    print(f"machine: {machine_line(machine_info())}")
    print(f"command: {command_line()}")
    print(f"runs: {args.runs} per size (median CPU seconds), after one warm-up on the seed\n")
    analyse(read_briefing(document("seed", "txt")))  # compiles the patterns, loads the weights
    print("| size | " + " | ".join(STAGES) + " | analyse s/MB | ratio |")
    print("|---|" + "---:|" * (len(STAGES) + 2))
    first: float | None = None
    for size in args.sizes.split(","):
        path = document(size, "txt")
        briefing = read_briefing(path)
        runs = [run_once(briefing) for _ in range(args.runs)]
        median = {stage: statistics.median(run[stage] for run in runs) for stage in STAGES}
        first = first or median["analyse"]
        megabytes = path.stat().st_size / 1024**2
        cells = " | ".join(f"{median[stage]:.2f}" for stage in STAGES)
        print(f"| {size} | {cells} | {median['analyse'] / megabytes:.2f} | {median['analyse'] / first:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
