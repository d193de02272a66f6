"""The section and source pickers search an index and list a screenful, however large the briefing."""

from __future__ import annotations

import time

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from briefing_tui.model import Briefing, Paragraph, Section, Source, SourceKind
from briefing_tui.name_index import NAME_CHARS, NameIndex
from briefing_tui.tui import commands
from briefing_tui.tui.app import BriefingApp, create_app
from briefing_tui.tui.commands import HITS_SHOWN

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
)


def heading(number: int) -> str:
    return f"{WORDS[number % len(WORDS)].title()} {WORDS[number * 7 % len(WORDS)]} update {number}"


def many_sections(count: int) -> Briefing:
    sections = tuple(
        Section(id=f"s{n}", heading=heading(n), paragraphs=(Paragraph(id=f"p{n}", text=f"Text {n}."),))
        for n in range(count)
    )
    sources = tuple(
        Source(id=f"src{n}", name=f"Official {n} of the ministry", kind=SourceKind.NAMED_PERSON)
        for n in range(count)
    )
    return Briefing(title="Many", sections=sections, sources=sources)


# --- the index -------------------------------------------------------------------------


def test_names_are_ranked_start_then_word_then_anywhere_then_in_order() -> None:
    index = NameIndex(["The talks", "Talks resume", "Stalks", "T-a-l-k-s here", "Unrelated"])
    assert index.find("talks", 10) == [1, 0, 2, 3]
    assert index.find("TALKS", 2) == [1, 0]
    assert index.find("", 3) == [0, 1, 2]
    assert index.find("zebra", 10) == []


def test_odd_queries_are_text() -> None:
    index = NameIndex(["a]b (c)", "x\\y", "new\nline"])
    assert index.find("]b (", 5) == [0]
    assert index.find("\\", 5) == [1]
    assert index.find("w l", 5) == [2]
    assert index.find("a.b", 5) == []


def test_a_huge_name_is_searched_by_its_start_only() -> None:
    index = NameIndex(["x" * 1_000_000 + "needle", "needle"])
    assert index.find("needle", 5) == [1]
    assert index.find("x" * NAME_CHARS, 5) == [0]


def best_time(index: NameIndex, query: str) -> float:
    # CPU time, not wall time: the machine may be shared.
    times = []
    for _ in range(5):
        start = time.process_time()
        index.find(query, HITS_SHOWN)
        times.append(time.process_time() - start)
    return min(times)


@pytest.mark.parametrize("query", ["qz", "12345x", "a]b", "ceasefire hostage envoy x"])
def test_a_lookup_grows_linearly_with_the_names(query: str) -> None:
    small = NameIndex(heading(n) for n in range(10_000))
    large = NameIndex(heading(n) for n in range(100_000))
    # Ten times the names: linear is about 10x; a backtracking scan would be far more.
    assert best_time(large, query) / best_time(small, query) < 30


# --- the palette -----------------------------------------------------------------------


async def open_picker(pilot: Pilot[None], app: BriefingApp, which: str) -> None:
    if which == "section":
        app.reader.action_go_to_section()
    else:
        app.reader.action_go_to_source()
    await pilot.pause()


async def listed(pilot: Pilot[None], app: BriefingApp) -> list[str]:
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    await pilot.pause(0.1)
    await app.workers.wait_for_complete()
    await pilot.pause()
    options = palette.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]


@pytest.mark.parametrize("which", ["section", "source"])
async def test_a_picker_lists_at_most_a_screenful(which: str) -> None:
    app = create_app(many_sections(3_000))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_picker(pilot, app, which)
        assert len(await listed(pilot, app)) <= HITS_SHOWN
        await pilot.press("e")
        shown = await listed(pilot, app)
        assert 0 < len(shown) <= HITS_SHOWN


async def test_the_best_hits_come_first_and_lead_to_their_section() -> None:
    app = create_app(many_sections(3_000))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_picker(pilot, app, "section")
        await pilot.press(*"update 2999")
        shown = await listed(pilot, app)
        assert shown[0] == heading(2999)
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.text_view.current_section() == 2999


async def test_the_index_is_built_once_per_briefing(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    real = NameIndex

    def counting(names: list[str]) -> NameIndex:
        built.append(len(names))
        return real(names)

    monkeypatch.setattr(commands, "NameIndex", counting)
    app = create_app(many_sections(500))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(2):
            await open_picker(pilot, app, "section")
            await pilot.press("t", "a", "l")
            await listed(pilot, app)
            await pilot.press("escape")
            await pilot.pause()
    assert built == [500]
