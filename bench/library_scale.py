"""The library at scale: 10,000 briefings; how fast the library screen opens, a search answers
and a 1 MB briefing is added.

Targets (issue 15): library screen open < 1 s, a search across the library < 100 ms,
adding a 1 MB briefing < 1 s. The briefings are generated (made-up words on the shapes of
wire copy: a lead, headed sections, attributed quotes, 20 paragraphs, 6 sources each) and
stored straight into a library under ``bench/.cache/``; the same count always gives the
same library, which is reused unless ``--rebuild`` is given.

    python bench/library_scale.py                  # 10,000 briefings, 5 runs
    python bench/library_scale.py --count 2000 --runs 3 --no-save
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from _common import CACHE_DIR, command_line, fmt_seconds, machine_info, report_header, write_results
from briefing_tui.library import Library
from briefing_tui.library.search import search_library
from briefing_tui.model import Attribution, Briefing, Paragraph, Section, SectionKind, Source, SourceKind
from corpus import make_briefing_text, parse_size


def _words(text: str) -> list[str]:
    return text.split()


QUERIES = (
    "ceasefire",
    "corridor talks",
    '"harbour levy"',
    "verif*",
    "quota NOT tariff",
    "zeppelin",
    "the",
    '"of the"',
    "t*",
)
"""A topic word, two words, a phrase, a prefix, a boolean query, a word no briefing has, the
commonest word of all (in nearly every paragraph: too many to rank, so the newest come
first), a phrase of two common words, and a one-letter prefix (the worst case: FTS5 merges
the lists of every word that starts with it)."""
_TOPIC = _words(
    "ceasefire talks corridor harbour levy quota tariff envoy ministry delegation schedule draft "
    "clause vote commission pledge deadline border crossing grain river accord budget strike "
    "union wages inspection verification enrichment sanctions relief prisoners exchange aid "
    "convoy monitors timetable phase withdrawal guarantee observers summit mediator proposal"
)
_COMMON = _words("the of and to a in that said on for is with was by as it at from would")


def _vocabulary() -> tuple[list[str], list[float]]:
    """About 3,000 words with Zipf-like weights: common words first, topic words in the middle."""
    rng = random.Random(0)
    syllables = ["ka", "lo", "mer", "ti", "van", "sel", "dor", "ri", "na", "bru", "es", "ol", "tam", "ue"]
    made = sorted({"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(4000)})[:3000]
    words = [*_COMMON, *made[:60], *_TOPIC, *made[60:]]
    return words, [1 / rank for rank in range(1, len(words) + 1)]


_WORDS, _WEIGHTS = _vocabulary()
_PEOPLE = (
    "Ilse Marrow",
    "Tomas Vey",
    "Odile Brask",
    "Henrik Sallow",
    "Marta Quell",
    "Juno Pell",
    "Ardo Fenn",
)
_OUTLETS = ("Northern Wire", "Harbour Post", "Daily Ledger", "Coastal Times", None)


def make_briefing(number: int) -> Briefing:
    """The ``number``-th generated briefing: 20 paragraphs in 4 sections, 6 sources."""
    rng = random.Random(number)
    people = rng.sample(_PEOPLE, 3)
    sources = [
        Source(id=f"s{i}", name=name, kind=SourceKind.NAMED_PERSON, aliases=(name.split()[-1],))
        for i, name in enumerate(people)
    ]
    sources += [
        Source(id="s3", name="two officials familiar with the talks", kind=SourceKind.ANONYMOUS),
        Source(id="s4", name="a senior diplomat", kind=SourceKind.OFFICIAL),
        Source(id="s5", name=rng.choice(_OUTLETS[:-1]), kind=SourceKind.OUTLET),
    ]
    sections = []
    kinds = list(SectionKind)
    for s in range(4):
        paragraphs = []
        for p in range(5):
            source = sources[(s * 5 + p) % len(sources)]
            words = " ".join(rng.choices(_WORDS, weights=_WEIGHTS, k=40))
            text = f"{source.name} said the {words} would be settled by day {number % 97}."
            paragraphs.append(
                Paragraph(
                    id=f"p{s * 5 + p + 1}",
                    text=text,
                    kind=kinds[(s + p) % len(kinds)],
                    attributions=(Attribution(source_id=source.id, start=0, end=len(source.name)),),
                )
            )
        heading = None if s == 0 else f"{rng.choice(_TOPIC).title()} and {rng.choice(_TOPIC)}"
        sections.append(Section(id=f"s{s}", heading=heading, kind=kinds[s], paragraphs=tuple(paragraphs)))
    return Briefing(
        title=f"Briefing {number}: {' '.join(rng.choices(_TOPIC, k=6))}",
        outlet=rng.choice(_OUTLETS),
        sections=tuple(sections),
        sources=tuple(sources),
    )


def build(database: Path, count: int) -> float:
    """Fill ``database`` with ``count`` generated briefings; seconds it took."""
    started = time.perf_counter()
    with Library(database) as library:
        for number in range(library.count(), count):
            path = database.parent / "briefings" / f"briefing-{number:05}.json"
            library.add(path, make_briefing(number), f"generated-{number}")
            if number % 1000 == 999:
                print(f"  {number + 1} briefings stored", file=sys.stderr, flush=True)
    return time.perf_counter() - started


async def screen_open(database: Path) -> float:
    """Seconds from starting the app on the library to its table showing the first page."""
    from textual.widgets import DataTable

    from briefing_tui.tui.app import LibraryStart, create_library_app

    started = time.perf_counter()
    app = create_library_app(LibraryStart(database=database))
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one("#briefings", DataTable)
        while not table.row_count:
            await pilot.pause(0.001)
        await pilot.pause()  # the frame with those rows
        return time.perf_counter() - started


async def textual_start() -> float:
    """Seconds from starting an app with one empty DataTable to its first frame: the floor."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable()

    started = time.perf_counter()
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return time.perf_counter() - started


def search_times(database: Path, runs: int) -> dict[str, dict[str, Any]]:
    """Per query: median seconds over ``runs`` (after one warm-up), and how many hits."""
    results: dict[str, dict[str, Any]] = {}
    with Library(database) as library:
        for query in QUERIES:
            search_library(library, query)
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                result = search_library(library, query)
                times.append(time.perf_counter() - started)
            results[query] = {
                "median": statistics.median(times),
                "max": max(times),
                "hits": len(result.hits),
                "ranked": result.ranked,
            }
    return results


def sources_times(database: Path, runs: int) -> dict[str, float]:
    """Median and max seconds to read every source across the library, as its sources view does."""
    from briefing_tui.library.sources import library_sources

    times = []
    with Library(database) as library:
        for _ in range(runs):
            started = time.perf_counter()
            library_sources(library)
            times.append(time.perf_counter() - started)
    return {"median": statistics.median(times), "max": max(times)}


def add_one_megabyte(database: Path, runs: int) -> dict[str, float]:
    """Median seconds to add a 1 MB text briefing, as `Library.add_file` does it and analysed first.

    ``add_file`` reads and stores; a briefing this long is analysed when first opened, as the
    reader does (`briefing_tui.load.EAGER_ANALYSIS_CHARS`). ``analysed`` reads, analyses and
    stores, for comparison; ``store`` is the database write alone.
    """
    from briefing_tui.library.files import file_digest
    from briefing_tui.load import load_briefing

    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path = CACHE_DIR / "library-1mb.txt"
    path.write_text(make_briefing_text(parse_size("1MB")), encoding="utf-8")
    timings: dict[str, list[float]] = {"add_file": [], "analysed": [], "store": []}
    with Library(database) as library:
        for _ in range(runs):
            library.connection.execute("DELETE FROM briefings WHERE path LIKE '%library-1mb.txt'")
            started = time.perf_counter()
            library.add_file(path)
            timings["add_file"].append(time.perf_counter() - started)
            started = time.perf_counter()
            briefing = load_briefing(path)
            read = time.perf_counter()
            library.add(path, briefing, f"{file_digest(path.read_bytes())}-{time.time()}")
            done = time.perf_counter()
            timings["analysed"].append(done - started)
            timings["store"].append(done - read)
    return {name: statistics.median(values) for name, values in timings.items()}


def main() -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--count", type=int, default=10_000, help="briefings in the library (default 10000)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement (default 5)")
    parser.add_argument("--rebuild", action="store_true", help="start from an empty library")
    parser.add_argument("--no-save", action="store_true", help="print only; write nothing to bench/results")
    options = parser.parse_args()
    database = CACHE_DIR / f"library-{options.count}" / "library.sqlite3"
    if options.rebuild and database.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
    database.parent.mkdir(parents=True, exist_ok=True)
    built = build(database, options.count)
    size_mb = sum(p.stat().st_size for p in database.parent.glob("library.sqlite3*")) / 1024**2
    opens = [asyncio.run(screen_open(database)) for _ in range(options.runs)]
    floors = [asyncio.run(textual_start()) for _ in range(options.runs)]
    searches = search_times(database, options.runs)
    sources = sources_times(database, options.runs)
    adds = add_one_megabyte(database, options.runs)
    info = machine_info()
    payload = {
        "machine": info,
        "command": command_line(),
        "briefings": options.count,
        "database_mb": round(size_mb, 1),
        "build_seconds": built,
        "screen_open": {"median": statistics.median(opens), "max": max(opens)},
        "textual_start": {"median": statistics.median(floors), "max": max(floors)},
        "search": searches,
        "sources": sources,
        "add_1mb": adds,
    }
    lines = [
        report_header(
            "Library at scale",
            info,
            command_line(),
            f"{options.count} briefings (20 paragraphs, 6 sources each), database {size_mb:.0f} MB",
            f"median of {options.runs} runs",
        ),
        "| measurement | median s | max s | target |",
        "|---|---|---|---|",
        f"| library screen open (app start to first page painted) | {fmt_seconds(statistics.median(opens))} "
        f"| {fmt_seconds(max(opens))} | < 1 s |",
        f"| of which: a bare Textual app with an empty DataTable, start to first frame "
        f"| {fmt_seconds(statistics.median(floors))} | {fmt_seconds(max(floors))} | |",
    ]
    for query, timing in searches.items():
        order = "" if timing.get("ranked", True) else ", newest"
        lines.append(
            f"| search `{query}` ({timing['hits']} hits shown{order}) "
            f"| {fmt_seconds(timing['median'])} "
            f"| {fmt_seconds(timing['max'])} | < 0.1 s |"
        )
    lines.append(
        f"| sources across the library (the sources view's read, in the background) "
        f"| {fmt_seconds(sources['median'])} | {fmt_seconds(sources['max'])} | |"
    )
    lines.append(
        f"| add a 1 MB briefing (`library add`: read, store) | {fmt_seconds(adds['add_file'])} | | < 1 s |"
    )
    lines.append(f"| add a 1 MB briefing read, analysed and stored | {fmt_seconds(adds['analysed'])} | | |")
    lines.append(f"| add a 1 MB briefing: the database write alone | {fmt_seconds(adds['store'])} | | |")
    markdown = "\n".join(lines) + "\n"
    print(markdown)
    if not options.no_save:
        for path in write_results("library_scale", payload, markdown):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
