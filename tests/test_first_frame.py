"""The first frame shows the text and no more; the rest comes just after it, in its final place.

The side panes, the search bar and the footer are mounted after the first frame, into room
held for them; a long text is laid out for its first screens before the first frame and the
rest in steps after it. What the reader ends up with must be what it always was, keys
pressed meanwhile must work, and the text must never be wrapped to a width it then leaves.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from briefing_tui.ingest.structure import Draft, Heading, Item
from briefing_tui.load import load_briefing
from briefing_tui.model import BlockKind, Briefing
from briefing_tui.resources import seed_path
from briefing_tui.tui import text_view
from briefing_tui.tui.app import ReaderOptions, create_app
from briefing_tui.tui.layout import Layout, build_units
from briefing_tui.tui.outline import Outline
from briefing_tui.tui.reserved import Reserved
from briefing_tui.tui.search_bar import SearchBar
from briefing_tui.tui.sources_pane import SourceList, SourcesPane
from briefing_tui.tui.status_line import position_label
from briefing_tui.tui.text_view import LAID_OUT_AT_ONCE, BriefingText

LAYOUT_FIELDS = (
    "line_role",
    "line_section",
    "line_unit",
    "line_start",
    "line_end",
    "unit_first_line",
    "unit_line_count",
    "section_first_line",
    "columns",
    "row_cells",
    "widest",
)


def long_briefing(paragraphs: int = LAID_OUT_AT_ONCE + 1_500) -> Briefing:
    """Many short sections of a few paragraphs each, with a table and a code block among them."""
    draft = Draft(title="A long briefing")
    for number in range(paragraphs):
        if number % 7 == 0:
            draft.heading(Heading(f"Section {number // 7}"))
        if number == 40:
            draft.item(
                Item("Year\tOffer\n1\t4%", block=BlockKind.TABLE, rows=(("Year", "Offer"), ("1", "4%")))
            )
        elif number == 41:
            draft.item(Item("clause 7(b)   unchanged\n  indented", block=BlockKind.PREFORMATTED))
        else:
            words = " ".join(f"word{n}" for n in range(number % 40 + 3))
            draft.item(Item(f"Paragraph {number} says that {words}, an official said."))
    return draft.build()


@pytest.mark.parametrize("lines", [0, 1, 50, 400])
@pytest.mark.parametrize("step", [1, 7, 1_000])
def test_a_layout_laid_out_in_steps_is_the_whole_layout(lines: int, step: int) -> None:
    briefing = long_briefing(600)
    units = build_units(briefing)
    whole = Layout(briefing, units, 60)
    part = Layout(briefing, units, 60, lines=lines)
    assert part.line_count >= min(lines, whole.line_count)
    assert part.line_count < whole.line_count
    while not part.complete:
        before = part.units_laid_out
        part.extend(step)
        assert part.units_laid_out > before
    assert {name: getattr(part, name) for name in LAYOUT_FIELDS} == {
        name: getattr(whole, name) for name in LAYOUT_FIELDS
    }


def test_the_lines_laid_out_first_are_final_and_the_estimate_is_close() -> None:
    briefing = long_briefing(3_000)
    units = build_units(briefing)
    whole = Layout(briefing, units, 70)
    part = Layout(briefing, units, 70, lines=300)
    count = part.line_count
    assert list(part.line_start) == list(whole.line_start[:count])
    assert list(part.line_unit) == list(whole.line_unit[:count])
    assert abs(part.estimated_line_count() - whole.line_count) < whole.line_count * 0.2
    part.finish()
    assert part.complete and part.estimated_line_count() == whole.line_count


def test_an_empty_briefing_and_empty_sections_lay_out() -> None:
    draft = Draft(title="Empty sections")
    draft.heading(Heading("One"))
    draft.heading(Heading("Two"))
    briefing = draft.build()
    layout = Layout(briefing, build_units(briefing), 40, lines=1)
    layout.finish()
    assert layout.complete and list(layout.section_first_line) == [3, 6]


async def test_the_first_frame_holds_the_panes_room_and_the_settled_one_fills_it() -> None:
    app = create_app(load_briefing(seed_path()))
    seen: dict[str, object] = {}

    def first_frame() -> None:
        if not seen:
            screen = app.reader
            seen["reserved"] = [widget.id for widget in screen.query(Reserved)]
            seen["outline"] = len(screen.query(Outline))
            seen["text_x"] = screen.text_view.region.x
            seen["text_width"] = screen.text_view.region.width

    display = app._display

    def recording(screen: object, renderable: object) -> None:
        display(screen, renderable)  # type: ignore[arg-type]
        first_frame()

    app._display = recording  # type: ignore[method-assign]
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        reader = app.reader
        assert seen["reserved"] == ["outline-reserved", "sources-reserved", "footer-reserved"]
        assert seen["outline"] == 0
        assert not reader.query(Reserved)
        assert [type(widget) for widget in reader.query("#panes > *")] == [Outline, BriefingText, SourcesPane]
        assert len(reader.query(SearchBar)) == 1
        # The text did not move or rewrap when the panes came.
        assert (reader.text_view.region.x, reader.text_view.region.width) == (
            seen["text_x"],
            seen["text_width"],
        )
        assert reader.query_one(Outline).cursor_node is not None


@pytest.mark.parametrize(("size", "shown"), [((80, 24), False), ((200, 50), True)])
async def test_the_panes_start_shown_or_hidden_as_before(size: tuple[int, int], shown: bool) -> None:
    app = create_app(load_briefing(seed_path()))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.reader.query_one(Outline).display is shown
        assert app.reader.query_one(SourcesPane).display is shown


async def test_keys_pressed_before_the_panes_are_mounted_reach_them() -> None:
    app = create_app(load_briefing(seed_path()))
    async with app.run_test(size=(160, 48)) as pilot:
        # Straight away: the pilot is handed over once the panes are there, and so is a key.
        await pilot.press("tab")
        assert isinstance(app.focused, SourceList)
        await pilot.press("escape", "slash")
        assert app.reader.query_one(SearchBar).display


async def test_a_long_text_is_laid_out_in_steps_after_the_first_frame() -> None:
    briefing = long_briefing()
    app = create_app(briefing, ReaderOptions(analysed=True))
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.text_view
        first = view.layout_so_far
        assert first is not None
        # Laid out little by little (the exact count depends on how fast the machine is).
        counts = [first.units_laid_out]
        for _ in range(200):
            if first.complete:
                break
            await pilot.pause(0.01)
            counts.append(first.units_laid_out)
        assert first.complete
        assert view.text_layout is first  # steps extended the same layout
        assert counts == sorted(counts)
        assert view.virtual_size.height == first.line_count
        whole = Layout(briefing, view.units, first.width)
        assert {name: getattr(first, name) for name in LAYOUT_FIELDS} == {
            name: getattr(whole, name) for name in LAYOUT_FIELDS
        }


async def test_jumping_to_the_end_while_the_text_is_laid_out_lands_on_the_end() -> None:
    briefing = long_briefing()
    app = create_app(briefing, ReaderOptions(analysed=True))
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.text_view
        await pilot.press("G")
        layout = view.layout_so_far
        assert layout is not None and layout.complete
        assert view.scroll_y == view.max_scroll_y > 0
        assert view.cursor_unit > len(view.units) - 40  # one of the last units on screen
        await pilot.press("g")
        assert view.scroll_y == 0


async def test_a_key_during_the_steps_works_and_the_steps_go_on() -> None:
    app = create_app(long_briefing(), ReaderOptions(analysed=True))
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.text_view
        layout = view.layout_so_far
        assert layout is not None
        await pilot.press("j", "j", "j")
        assert view.scroll_y == 3
        assert view.cursor_unit == layout.unit_at_or_after(3) or view.cursor_unit == layout.unit_at(3)
        for _ in range(200):
            if layout.complete:
                break
            await pilot.pause(0.01)
        assert layout.complete and view.scroll_y == 3


def test_lines_laid_out_in_order_never_overlap() -> None:
    briefing = long_briefing(300)
    layout = Layout(briefing, build_units(briefing), 50, lines=10)
    layout.finish()
    firsts = [layout.unit_first_line[index] for index in range(len(build_units(briefing)))]
    assert all(a < b for a, b in pairwise(firsts))


async def test_the_position_shown_is_of_the_whole_text_once_it_is_laid_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(text_view, "LAYOUT_STEP", 10)  # many steps: the key comes in between
    app = create_app(long_briefing(), ReaderOptions(analysed=True))
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.text_view
        layout = view.layout_so_far
        assert layout is not None and not layout.complete  # the key comes during the steps
        await pilot.press("space")
        for _ in range(1_000):
            if layout.complete:
                break
            await pilot.pause(0.01)
        await pilot.pause()
        height = view.scrollable_content_region.height
        expected = position_label(round(view.scroll_y), height, layout.line_count)
        assert app.reader.status_line.position == expected
