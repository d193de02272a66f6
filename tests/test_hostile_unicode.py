"""Wide and combining characters, emoji, zero-width joiners and tabs: wrapping and highlights stay aligned.

Offsets in the model are code points; the screen counts cells. The wrap must never cut a
grapheme or overflow the measure, and a search highlight must cover exactly the matched
characters, however wide the characters before it are.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len, split_graphemes
from rich.segment import Segment
from wcwidth import wcswidth

from briefing_tui.load import load_briefing
from briefing_tui.model import Briefing, Paragraph, Section
from briefing_tui.safe_text import visible
from briefing_tui.search import SearchIndex
from briefing_tui.tui.app import create_app
from briefing_tui.tui.layout import GUTTER, Layout, build_units, wrap
from briefing_tui.tui.search_bar import SearchBar
from briefing_tui.tui.text_view import BriefingText, Highlights

PIECES = [
    "Wide 中文字符 text",
    "fullwidth ＡＢＣ letters",
    "emoji 👩\u200d👩\u200d👧\u200d👦 family",
    "flag 🇺🇦 here",
    "thumbs 👍🏽 up",
    "combining e\u0301 and a\u0308 marks",
    "zero\u200bwidth space",
    "joiner a\u200db between",
    "tab\there",
    "Arabic مرحبا and Hebrew שלום",
    "Devanagari नमस्ते",
]
TEXT = " ".join(PIECES) + " target word at the end."
"""One paragraph with every kind of tricky character, long enough to wrap at any width."""


def briefing_of(*texts: str) -> Briefing:
    paragraphs = tuple(Paragraph(id=f"p{i}", text=text) for i, text in enumerate(texts, start=1))
    return Briefing(
        title="Wide 中文 title 👩\u200d👩\u200d👧\u200d👦",
        sections=(Section(id="lead", paragraphs=paragraphs),),
    )


def grapheme_bounds(text: str) -> set[int]:
    spans, _ = split_graphemes(text)
    return {start for start, _, _ in spans} | {len(text)}


def check_wrap(text: str, width: int) -> None:
    """The properties `wrap` promises, for ``text`` as the view shows it."""
    shown = visible(text)
    ranges = wrap(shown, width)
    bounds = grapheme_bounds(shown)
    covered = [0] * len(shown)
    previous_end = 0
    for start, end in ranges:
        assert previous_end <= start <= end <= len(shown)
        previous_end = end
        assert start in bounds and end in bounds, (start, end)  # no grapheme is cut
        piece = shown[start:end]
        if len(split_graphemes(piece)[0]) > 1:
            assert cell_len(piece) <= width, (piece, width)  # only a lone wide grapheme may overflow
        for index in range(start, end):
            covered[index] += 1
    for index, character in enumerate(shown):
        assert covered[index] <= 1
        if not character.isspace():
            assert covered[index] == 1, (index, character)


@pytest.mark.parametrize("width", [*range(1, 30), 40, 60, 89])
def test_wrap_never_cuts_a_grapheme_or_overflows(width: int) -> None:
    check_wrap(TEXT, width)
    for piece in PIECES:
        check_wrap(piece, width)


@given(st.text(max_size=200), st.integers(1, 50))
def test_wrap_properties_hold_for_any_text(text: str, width: int) -> None:
    check_wrap(text, width)


@pytest.mark.parametrize("width", [20, 33, 47, 89])
def test_layout_lines_fit_the_measure(width: int) -> None:
    briefing = briefing_of(TEXT, *PIECES)
    units = build_units(briefing)
    layout = Layout(briefing, units, width)
    for y in range(layout.line_count):
        unit = layout.line_unit[y]
        if unit < 0:
            continue
        piece = units[unit].text[layout.line_start[y] : layout.line_end[y]]
        assert cell_len(piece) <= layout.width - GUTTER or len(split_graphemes(piece)[0]) == 1


# --- in the app: strips are the width of the view and highlights cover the match ----------


def highlighted(view: BriefingText, y: int, name: str = "match-current") -> str:
    """The text of the segments of screen line ``y`` painted in the ``name`` highlight."""
    colour = view.get_component_rich_style(f"briefing-text--{name}", partial=True).bgcolor
    segments: list[Segment] = list(view.render_line(y))
    return "".join(
        segment.text for segment in segments if segment.style is not None and segment.style.bgcolor == colour
    )


def lines_of_unit(view: BriefingText, unit: int) -> range:
    layout = view.text_layout
    assert layout is not None
    first = layout.unit_first_line[unit] - round(view.scroll_y)
    return range(first, first + layout.unit_line_count[unit])


QUERIES = [
    "target",
    "中文字符",
    "ＡＢＣ",
    "👩\u200d👩\u200d👧\u200d👦",
    "e\u0301",
    "a\u0308",
    "שלום",
    "नमस्ते",
    "🇺🇦",
    "👍🏽",
]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "wide.txt"
    path.write_text(f"Wide 中文 title 👩\u200d👩\u200d👧\u200d👦\n\n{text}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [(100, 30), (47, 40), (31, 60)])
async def test_every_strip_is_exactly_as_wide_as_the_view(tmp_path: Path, size: tuple[int, int]) -> None:
    # Measured from outside: every row of the whole screen, as a terminal would count its
    # cells (wcwidth, not Rich's cell_len), is as wide as the terminal, and the text
    # pane's scrollbar stays in one column.
    app = create_app(load_briefing(write(tmp_path, TEXT)))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        rows = [strip.text for strip in app.screen._compositor.render_strips()]
        assert len(rows) == size[1]
        assert [wcswidth(row) for row in rows] == [size[0]] * size[1]
        region = view.content_region
        for y in range(region.y, region.bottom):
            row = rows[y]
            text_part = row[: len(row) - (size[0] - region.right)]
            assert wcswidth(text_part) == region.right, (y, row)
            assert wcswidth(view.render_line(y - region.y).text) == view.scrollable_content_region.width


@pytest.mark.parametrize("size", [(100, 30), (47, 40)])
async def test_search_highlight_covers_exactly_the_match(tmp_path: Path, size: tuple[int, int]) -> None:
    app = create_app(load_briefing(write(tmp_path, TEXT)))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        bar = app.query_one(SearchBar)
        await pilot.press("slash")
        for query in QUERIES:
            bar.input.value = query
            await pilot.pause()
            if view.highlights.title_current is not None:  # the title is searched first
                start, end = view.highlights.title_current
                assert app.reader.briefing.title[start:end] == query
                continue
            assert view.highlights.current is not None, query
            unit = view.highlights.current[0]
            painted = "".join(highlighted(view, y) for y in lines_of_unit(view, unit))
            assert painted == query, (query, painted)


async def test_a_tab_is_one_cell_and_a_match_over_it_stays_aligned(tmp_path: Path) -> None:
    briefing = briefing_of("Before\tafter and a tab\there and\tmore.")
    app = create_app(briefing)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        result = SearchIndex(briefing).search("tab\there")
        match = result.match(0)
        view.set_highlights(Highlights(result, (match.unit, match.start, match.end)))
        await pilot.pause()
        (y,) = lines_of_unit(view, match.unit)
        assert highlighted(view, y) == "tab here"
        line = view.render_line(y).text
        assert "Before after and a tab here and more." in line


async def test_a_match_across_a_line_break_is_painted_on_both_lines(tmp_path: Path) -> None:
    briefing = briefing_of(TEXT)
    app = create_app(briefing)
    async with app.run_test(size=(47, 40)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        layout = view.text_layout
        assert layout is not None
        unit = 0
        first = layout.unit_first_line[unit]
        assert layout.unit_line_count[unit] >= 3
        # From three characters before the end of the second line to three after it.
        end_of_line = layout.line_end[first + 1]
        start = end_of_line - 3
        next_start = layout.line_start[first + 2]
        shown = view.units[unit].text
        query = briefing.paragraphs()[0].text[start : next_start + 3]
        result = SearchIndex(briefing).search(query, case_sensitive=True)
        match = result.match(0)
        assert (match.start, match.end) == (start, next_start + 3)
        view.set_highlights(Highlights(result, (match.unit, match.start, match.end)))
        await pilot.pause()
        top = round(view.scroll_y)
        assert highlighted(view, first + 1 - top) == shown[start:end_of_line]
        assert highlighted(view, first + 2 - top) == shown[next_start : next_start + 3]


def test_search_offsets_are_code_points_of_the_model_text() -> None:
    briefing = briefing_of(TEXT)
    index = SearchIndex(briefing)
    for query in QUERIES:
        result = index.search(query, case_sensitive=True)
        assert result.total == 1, query
        match = result.match(0)
        assert briefing.paragraphs()[0].text[match.start : match.end] == query
