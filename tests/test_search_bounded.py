"""A search never freezes the reader: slow regular expressions run off the event loop, bounded in time."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerState

from briefing_tui.grep import run
from briefing_tui.load import load_briefing
from briefing_tui.model import Briefing, Paragraph, Section
from briefing_tui.resources import seed_path
from briefing_tui.search import TIMED_OUT, SearchIndex
from briefing_tui.tui.app import BriefingApp, create_app
from briefing_tui.tui.search_bar import SearchBar

SIZE = (100, 30)
# Backtracks quadratically on a long run of spaces that does not end the paragraph.
TRAILING_SPACE = r"\s+$"
NESTED = r"(\w+\s?)*$"


def long_spaces() -> Briefing:
    paragraph = Paragraph(id="p1", text="Opening words" + " " * 100_000 + "and the end.")
    return Briefing(
        title="Spaces",
        sections=(Section(id="s1", paragraphs=(Paragraph(id="p0", text="A short paragraph."), paragraph)),),
    )


def counter(app: BriefingApp) -> str:
    return str(app.query_one("#search-count").render())


def search_workers(app: BriefingApp) -> list[WorkerState]:
    return [worker.state for worker in app.workers if worker.group == "search"]


async def regex_query(pilot: Pilot[None], query: str) -> None:
    await pilot.press("slash", "ctrl+r")
    pilot.app.query_one(SearchBar).input.value = query
    await pilot.pause()


def test_a_runaway_regex_gives_up_with_a_reason() -> None:
    index = SearchIndex(long_spaces())
    result = index.search(TRAILING_SPACE, regex=True, timeout=0.2)
    assert result.timed_out
    assert (result.total, result.error) == (0, TIMED_OUT)
    # A later, sane query on the same index is unaffected.
    assert index.search("end", timeout=0.2).total == 1


@pytest.fixture
def roomy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """A limit well past how long the keys below take, however loaded the machine: the search
    must still be running when they arrive (it backtracks far longer than this limit)."""
    monkeypatch.setattr("briefing_tui.tui.search_session.SEARCH_TIMEOUT", 4.0)


@pytest.mark.usefixtures("roomy_timeout")
async def test_the_reader_answers_keys_while_a_slow_search_runs() -> None:
    app = create_app(long_spaces())
    async with app.run_test(size=SIZE) as pilot:
        await regex_query(pilot, TRAILING_SPACE)
        assert search_workers(app) == [WorkerState.RUNNING]
        assert counter(app) == "searching…"
        # While it runs: the bar takes typing, and the case toggle answers.
        await pilot.press("ctrl+t")
        assert str(app.query_one("#search-case").render()) == "Aa"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert counter(app) == TIMED_OUT
        await pilot.press("escape")
        assert not app.query_one(SearchBar).is_open
        await pilot.press("slash")
        assert app.query_one(SearchBar).is_open


@pytest.mark.usefixtures("roomy_timeout")
async def test_escape_drops_a_running_search() -> None:
    app = create_app(long_spaces())
    async with app.run_test(size=SIZE) as pilot:
        await regex_query(pilot, TRAILING_SPACE)
        assert search_workers(app) == [WorkerState.RUNNING]
        await pilot.press("escape")
        assert not app.query_one(SearchBar).is_open
        assert search_workers(app) in ([WorkerState.CANCELLED], [])
        await app.workers.wait_for_complete()
        await pilot.pause()
        # Its result, when the thread gave up, was not delivered.
        assert app.reader.text_view.highlights.search is None
        assert not app.query_one(SearchBar).is_open


@pytest.mark.usefixtures("roomy_timeout")
async def test_the_next_keystroke_replaces_a_running_search() -> None:
    app = create_app(long_spaces())
    async with app.run_test(size=SIZE) as pilot:
        await regex_query(pilot, TRAILING_SPACE)
        first = [worker for worker in app.workers if worker.group == "search"]
        app.query_one(SearchBar).input.value = "end"
        await pilot.pause()
        assert all(worker.is_cancelled for worker in first)
        assert counter(app) == "1/1"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert counter(app) == "1/1"  # the cancelled search's timeout never shows


async def test_a_nested_quantifier_on_the_bundled_briefing_stays_live() -> None:
    app = create_app(load_briefing(seed_path()))
    async with app.run_test(size=SIZE) as pilot:
        await regex_query(pilot, NESTED)
        await pilot.press("ctrl+t")  # answered, whether or not the search is still running
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = counter(app)
        assert text == TIMED_OUT or "/" in text, text
        await pilot.press("escape")
        assert app.is_running


def test_the_command_line_search_is_bounded_too(tmp_path: Path) -> None:
    path = tmp_path / "spaces.txt"
    path.write_text("Title\n\nOpening words" + " " * 30_000 + "and the end.\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = run(TRAILING_SPACE, [str(path)], regex=True, case_sensitive=None, out=out, err=err, color=False)
    assert status == 2
    assert out.getvalue() == ""
    assert err.getvalue().count("\n") == 1
    assert err.getvalue().startswith(f"briefing-tui: {path}: {TIMED_OUT}")


@pytest.mark.parametrize("query", ["end", r"\bend\b"])
def test_ordinary_searches_are_untouched_by_the_bound(query: str) -> None:
    is_regex = query.startswith("\\")
    result = SearchIndex(long_spaces()).search(query, regex=is_regex)
    assert (result.total, result.error, result.timed_out, result.regex) == (1, None, False, is_regex)
