"""A large briefing searched a part at a time in the reader: the match on screen at once, the count after."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from briefing_tui.model import Briefing, Paragraph, Section
from briefing_tui.search import CompiledQuery
from briefing_tui.tui.app import BriefingApp, create_app
from briefing_tui.tui.outline import Outline
from briefing_tui.tui.search_session import SearchSession

SIZE = (120, 40)
FILLER = "Negotiators met again in the capital and talked late into the evening. " * 4


def long_briefing(marked: set[int], sections: int = 40, per_section: int = 25) -> Briefing:
    """Sections of filler paragraphs; paragraph ``n`` (from 0) mentions Witkoff when in ``marked``."""
    built = []
    number = 0
    for s in range(sections):
        paragraphs = []
        for _ in range(per_section):
            text = FILLER + (f"Witkoff spoke, number {number}." if number in marked else "")
            paragraphs.append(Paragraph(id=f"p{number}", text=text))
            number += 1
        built.append(Section(id=f"s{s}", heading=f"Round {s}", paragraphs=tuple(paragraphs)))
    return Briefing(title="Talks", sections=tuple(built))


@pytest.fixture
def in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every briefing searched in parts, with parts small enough that one holds a few paragraphs."""
    monkeypatch.setattr("briefing_tui.tui.search_session.PARTS_FROM", 0)
    monkeypatch.setattr("briefing_tui.search_parts.PART_CHARS", 2_000)
    monkeypatch.setattr("briefing_tui.search_parts.SCREEN_CHARS", 1_000)
    monkeypatch.setattr("briefing_tui.search_parts.FIRST_CHARS", 2_000)


@pytest.fixture
def no_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rest of a search never runs in the background: only a step can finish it."""
    monkeypatch.setattr(SearchSession, "_search_the_rest", lambda self, generation: None)


def counter(app: BriefingApp) -> str:
    return str(app.query_one("#search-count").render())


def current_paragraph(app: BriefingApp) -> str | None:
    current = app.reader.text_view.highlights.current
    assert current is not None
    paragraph = app.reader.text_view.units[current[0]].paragraph
    return None if paragraph is None else paragraph.id


async def settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.usefixtures("in_parts")
async def test_the_first_match_shows_at_once_and_the_count_follows() -> None:
    marked = {3, 500, 900}
    app = create_app(long_briefing(marked))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"witkoff")
        assert current_paragraph(app) == "p3"
        await settle(pilot)
        assert counter(app) == "1/3"
        assert not app.reader._searches.pending
        counts = app.query_one(Outline)._counts
        assert sum(counts.values()) == 3
        await pilot.press("enter", "n", "n")
        assert current_paragraph(app) == "p900"


@pytest.mark.usefixtures("in_parts", "no_rest")
async def test_n_before_the_count_goes_to_the_next_match_beyond_what_was_searched() -> None:
    app = create_app(long_briefing({3, 700}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"witkoff")
        await pilot.pause()
        assert current_paragraph(app) == "p3"
        assert counter(app) == "searching…"
        search = app.reader._search
        assert search is not None and not search.complete
        await pilot.press("enter", "n")
        assert current_paragraph(app) == "p700"
        assert counter(app) == "2/2"
        await pilot.press("n")  # wraps, in the whole result
        assert current_paragraph(app) == "p3"


@pytest.mark.usefixtures("in_parts", "no_rest")
async def test_shift_n_before_the_count_goes_back_to_a_match_before_the_place() -> None:
    app = create_app(long_briefing({2, 600, 800}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.reader.text_view.go_to_unit(
            app.reader.text_view.units.index(
                next(
                    u
                    for u in app.reader.text_view.units
                    if u.paragraph is not None and u.paragraph.id == "p590"
                )
            )
        )
        await pilot.pause()
        await pilot.press("slash", *"witkoff")
        await pilot.pause()
        assert current_paragraph(app) == "p600"
        await pilot.press("enter", "N")
        assert current_paragraph(app) == "p2"
        assert counter(app) == "1/3"


@pytest.mark.usefixtures("in_parts")
async def test_a_query_with_no_match_near_the_place_jumps_once_the_rest_is_searched() -> None:
    app = create_app(long_briefing({900}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"witkoff")
        await settle(pilot)
        assert current_paragraph(app) == "p900"
        assert counter(app) == "1/1"
        await pilot.press("backspace", "x")  # "witkofx": nowhere
        await settle(pilot)
        assert counter(app) == "no matches"
        assert app.reader.text_view.highlights.search is None


@pytest.mark.usefixtures("in_parts")
async def test_the_next_key_drops_the_rest_of_the_search_before() -> None:
    app = create_app(long_briefing({3, 500}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "w")
        await pilot.press(*"itkoff")
        await settle(pilot)
        search = app.reader._search
        assert search is not None and search.complete and search.query == "witkoff"
        assert counter(app) == "1/2"
        await pilot.press("escape")
        await settle(pilot)
        assert app.reader.text_view.highlights.search is None


@pytest.mark.usefixtures("in_parts")
async def test_a_regex_too_slow_for_the_loop_is_searched_whole_in_a_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("briefing_tui.tui.search_session.INLINE_BUDGET", 0.0)
    threaded: list[str] = []
    in_thread = SearchSession._in_thread

    def spy(self: SearchSession, compiled: CompiledQuery) -> None:
        threaded.append(compiled.query)
        in_thread(self, compiled)

    monkeypatch.setattr(SearchSession, "_in_thread", spy)
    app = create_app(long_briefing({3, 500}))
    async with app.run_test(size=SIZE) as pilot:
        # A group: not proved linear (`regex_linear`), so it keeps its bound and its thread.
        await pilot.press("slash", "ctrl+r", *"(?:witkoff)\\s")
        await settle(pilot)
        assert threaded and threaded[-1] == "(?:witkoff)\\s"
        assert counter(app) == "1/2"
        assert current_paragraph(app) == "p3"
