"""Search in the reader: incremental, counted, n/N with wrap, Enter keeps, Esc clears."""

from __future__ import annotations

import re

import pytest
from rich.style import Style
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from briefing_tui.load import load_briefing
from briefing_tui.model import Briefing, Paragraph, Section
from briefing_tui.resources import seed_path
from briefing_tui.tui.app import BriefingApp, create_app
from briefing_tui.tui.outline import Outline
from briefing_tui.tui.search_bar import SearchBar
from briefing_tui.tui.text_view import BriefingText

SIZE = (120, 40)


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return load_briefing(seed_path())


def seed_count(
    seed: Briefing, word: str, *, sections: slice = slice(None), flags: int = re.IGNORECASE
) -> int:
    texts = [text for section in seed.sections[sections] for text in section_texts(section)]
    if sections == slice(None):
        texts.append(seed.title)  # the reader searches the title too
    return sum(len(re.findall(re.escape(word), text, flags)) for text in texts)


def section_texts(section: Section) -> list[str]:
    return ([section.heading] if section.heading else []) + [p.text for p in section.paragraphs]


def counter(app: BriefingApp) -> str:
    return str(app.query_one("#search-count").render())


async def type_query(pilot: Pilot[None], query: str) -> None:
    await pilot.press("slash")
    await pilot.press(*query)
    await pilot.pause()


def current_match_text(app: BriefingApp) -> str:
    current = app.reader.text_view.highlights.current
    assert current is not None
    unit, start, end = current
    return app.reader.text_view.units[unit].text[start:end]


async def test_typing_highlights_and_counts(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "hamas")
        total = seed_count(seed, "hamas")
        assert total > 3
        assert counter(app) == f"1/{total}"
        assert current_match_text(app).lower() == "hamas"
        search = app.reader.text_view.highlights.search
        assert search is not None
        # Each keystroke searched again: the view now shows where the first match is.
        unit = app.reader.text_view.highlights.current[0]  # type: ignore[index]
        assert app.reader.text_view.cursor_unit == unit


async def test_each_keystroke_updates_the_count(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "k")
        await pilot.pause()
        first = counter(app)
        await pilot.press(*"ushner")
        await pilot.pause()
        assert first != counter(app)
        assert counter(app).endswith(f"/{seed_count(seed, 'kushner')}")


async def test_no_matches(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "zebra")
        assert counter(app) == "no matches"
        assert app.reader.text_view.highlights.search is None


async def test_n_and_shift_n_move_and_wrap(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "Greenway")
        total = seed_count(seed, "Greenway")
        await pilot.press("enter")
        assert isinstance(app.focused, BriefingText)
        assert app.reader.text_view.highlights.search is not None  # Enter keeps the highlights
        seen = []
        for _ in range(total):
            seen.append(app.reader.text_view.highlights.current)
            await pilot.press("n")
        assert app.reader.text_view.highlights.current == seen[0]  # wrapped round
        assert len(set(seen)) == total
        await pilot.press("N")
        assert app.reader.text_view.highlights.current == seen[-1]
        wrapped = "search wrapped to bottom" if total > 1 else "the only match"
        assert app.reader.status_line.notice == wrapped


async def test_escape_closes_and_clears(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "official")
        assert app.reader.text_view.highlights.search is not None
        await pilot.press("escape")
        assert app.reader.text_view.highlights.search is None
        assert app.reader.text_view.highlights.current is None
        assert not app.query_one(SearchBar).is_open
        assert isinstance(app.focused, BriefingText)


async def test_outline_shows_match_counts_while_searching(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "Witkoff")
        outline = app.query_one(Outline)
        labels = [outline.render_label(n, Style(), Style()).plain for n in outline._section_nodes[0]]
        lead_matches = seed_count(seed, "Witkoff", sections=slice(0, 1))
        assert lead_matches
        assert any(label.endswith(f"  {lead_matches} ") for label in labels)
        await pilot.press("escape")
        labels = [outline.render_label(n, Style(), Style()).plain for n in outline._section_nodes[0]]
        assert not any(label.endswith(f"  {lead_matches} ") for label in labels)


async def test_regex_toggle(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, r"\d+")
        assert counter(app) == "no matches"  # literal backslash-d-plus is not in the text
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert current_match_text(app).isdigit()


async def test_case_toggle(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "the")
        insensitive = counter(app)
        await pilot.press("ctrl+t")  # smart -> match case
        await pilot.pause()
        sensitive = counter(app)
        assert insensitive != sensitive
        assert sensitive.endswith(f"/{seed_count(seed, 'the', flags=0)}")


async def test_smart_case_with_a_capital(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "The")
        assert current_match_text(app) == "The"


async def test_bad_regex_shows_an_error_and_the_app_stays_usable(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "ctrl+r", "(")
        await pilot.pause()
        assert counter(app) == "bad regex"
        assert "regular expression" in app.reader.status_line.notice
        assert app.reader.text_view.highlights.search is None
        await pilot.press("escape", "G")
        assert app.reader.text_view.scroll_y == app.reader.text_view.max_scroll_y


@pytest.mark.parametrize("query", ["[1]", "a*b", "x\\y", "]"])
async def test_literal_mode_matches_special_characters_literally(query: str) -> None:
    text = f"Before {query} after, and {query} again."
    briefing = Briefing(
        title="T", sections=(Section(id="lead", paragraphs=(Paragraph(id="p1", text=text),)),)
    )
    app = create_app(briefing)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, query)
        assert counter(app) == "1/2"
        assert current_match_text(app) == query


async def test_history_recalls_earlier_queries(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "Qatar")
        await pilot.press("enter")
        await type_query(pilot, "Egypt")
        await pilot.press("enter")
        await pilot.press("slash", "up")
        await pilot.pause()
        assert app.query_one(SearchBar).query_text == "Egypt"
        await pilot.press("up")
        await pilot.pause()
        assert app.query_one(SearchBar).query_text == "Qatar"


async def test_keys_typed_straight_after_slash_land_in_the_bar(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        sources_shown = app.reader.sources_visible
        # As a terminal delivers "/source" typed fast: all keys queued before any is handled.
        for key, character in [("slash", "/"), *((c, c) for c in "sour/ce")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert app.query_one(SearchBar).query_text == "sour/ce"
        assert app.reader.sources_visible == sources_shown  # "s" did not toggle the sources pane


async def test_slash_types_itself_in_the_command_palette(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("a", "slash", "b")
        await pilot.pause()
        # Let the palette finish its search before the app closes: Textual's palette worker
        # looks up its own list and fails if its screen is torn down mid-search.
        await app.workers.wait_for_complete()
        assert app.screen.query_one(Input).value == "a/b"
        await pilot.press("escape")
        await pilot.pause()
        assert not app.query_one(SearchBar).is_open
