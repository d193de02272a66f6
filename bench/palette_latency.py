"""Keystroke latency of the "Go to section…" and "Go to source…" pickers on briefings with many sections.

Run (from the repository)::

    PYTHONPATH=src python bench/palette_latency.py                     # 8k, 32k, 100k sections
    PYTHONPATH=src python bench/palette_latency.py --sections 100000 --runs 3

For each size a briefing of that many sections (and as many sources) with headings of
about 50 characters is built in memory and opened with `create_app` in a 160x48 headless
terminal. The picker is opened and a query is typed one key at a time. Per keystroke the
clock starts just before ``pilot.press(key)``; the **echo** is the first frame drawn after
it (a frame is a call of ``App._display``, patched: private Textual API), which shows the
typed letter; **hits listed** is when the palette's search worker has finished and the
screen has settled (Textual's palette polls its providers every 100 ms, so this includes up
to 0.1 s of its own waiting); **CPU** is the process time the keystroke took in all.
Opening the picker (its first use builds the name index) is timed apart.

Target (issue 10): every keystroke echoed in under 100 ms at 100,000 sections. Prints Markdown,
writes ``bench/results/palette_latency-<date>.json`` and ``.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from typing import Any

from rich.console import RenderableType
from textual.screen import Screen

from _common import command_line, fmt_seconds, machine_info, report_header, write_results
from briefing_tui.model import Briefing, Paragraph, Section, Source, SourceKind
from briefing_tui.tui.app import create_app

WORDS = (
    "ceasefire",
    "hostage",
    "envoy",
    "talks",
    "border",
    "truce",
    "prisoner",
    "exchange",
    "phase",
    "withdrawal",
    "mediators",
)
QUERIES = {"section": "withdr", "source": "minis"}
TARGET = 0.100


def briefing(count: int) -> Briefing:
    def heading(n: int) -> str:
        return f"{WORDS[n % 11].title()} {WORDS[n * 7 % 11]} and {WORDS[n * 3 % 11]}: update {n}"

    return Briefing(
        title=f"{count} sections",
        sections=tuple(
            Section(id=f"s{n}", heading=heading(n), paragraphs=(Paragraph(id=f"p{n}", text=f"Text {n}."),))
            for n in range(count)
        ),
        sources=tuple(
            Source(id=f"x{n}", name=f"Official {n} of the ministry", kind=SourceKind.NAMED_PERSON)
            for n in range(count)
        ),
    )


async def measure(count: int, which: str) -> tuple[float, list[float], list[float], list[float]]:
    """Seconds to open the picker, then per keystroke: to its echo, to the new hits, and CPU."""
    app = create_app(briefing(count))
    frames: list[float] = []
    original = app._display

    def display(screen: Screen[object], renderable: RenderableType | None) -> None:
        original(screen, renderable)
        frames.append(time.perf_counter())

    app._display = display  # type: ignore[method-assign]
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        if which == "section":
            app.reader.action_go_to_section()
        else:
            app.reader.action_go_to_source()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        opened = time.perf_counter() - start
        echoes, listed, cpu = [], [], []
        for key in QUERIES[which]:
            frames.clear()
            start, start_cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            listed.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            echoes.append(frames[0] - start if frames else float("nan"))
    return opened, echoes, listed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", default="8000,32000,100000", help="comma-separated sizes")
    parser.add_argument("--runs", type=int, default=2)
    options = parser.parse_args()
    rows: list[dict[str, Any]] = []
    for count in (int(size) for size in options.sections.split(",")):
        for which, query in QUERIES.items():
            runs = [asyncio.run(measure(count, which)) for _ in range(options.runs)]
            echoes = [key for _, run_keys, _, _ in runs for key in run_keys]
            listed = [key for _, _, run_keys, _ in runs for key in run_keys]
            cpu = [key for _, _, _, run_keys in runs for key in run_keys]
            rows.append(
                {
                    "sections": count,
                    "picker": which,
                    "query": query,
                    "open_median": statistics.median(run[0] for run in runs),
                    "echo_median": statistics.median(echoes),
                    "echo_max": max(echoes),
                    "listed_median": statistics.median(listed),
                    "cpu_median": statistics.median(cpu),
                    "echoes": echoes,
                    "listed": listed,
                    "cpu": cpu,
                    "under_target": max(echoes) < TARGET,
                }
            )
    info = machine_info()
    lines = [
        report_header(
            "Palette keystroke latency",
            info,
            command_line(),
            "seconds from pressing a key to the settled screen with the new hits listed",
        ),
        "",
        "| sections | picker | query | open | echo median | echo max | hits listed | CPU per key | < 0.1 s |",
        "| --: | :-- | :-- | --: | --: | --: | --: | --: | :-: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['sections']:,} | {row['picker']} | `{row['query']}` | {fmt_seconds(row['open_median'])} "
            f"| {fmt_seconds(row['echo_median'])} | {fmt_seconds(row['echo_max'])} "
            f"| {fmt_seconds(row['listed_median'])} | {fmt_seconds(row['cpu_median'])} "
            f"| {'yes' if row['under_target'] else 'NO'} |"
        )
    report = "\n".join(lines) + "\n"
    print(report)
    write_results("palette_latency", {"machine": info, "rows": rows}, report)


if __name__ == "__main__":
    main()
