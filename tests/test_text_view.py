"""The full-text view on hand-built briefings: block shapes, rewrapping, change marks, the strip cache."""

from __future__ import annotations

import pytest
from rich.style import Style

from briefing_tui.load import load_briefing
from briefing_tui.model import BlockKind, Briefing, Paragraph, Section
from briefing_tui.resources import seed_path
from briefing_tui.search import SearchIndex
from briefing_tui.tui.app import create_app
from briefing_tui.tui.combining import MAX_MARKS
from briefing_tui.tui.layout import LineRole
from briefing_tui.tui.text_view import BriefingText, Highlights, _row_runs

ROWS = (("Party", "Seats", "Share"), ("Alpha", "120", "40.1%"), ("Beta Gamma Delta", "7", "2.3%"))
CODE = (
    "def tally(votes):\n"
    "    total = 0\n"
    "\n"
    "    for vote in votes:  # every ballot counted once, in the order they came in\n"
    "        total += vote"
)
BODY = "An ordinary body paragraph that goes on long enough to wrap at the width of a narrow pane."
QUOTE = "We will not sign anything that leaves the crossings closed, the negotiator said to reporters."
STANDFIRST = "Talks resume on Monday after a week of shuttle diplomacy between the two capitals."
ITEM = "the first item of a list, long enough that it has to wrap onto a second line here"


def blocks() -> Briefing:
    return Briefing(
        title="Blocks",
        sections=(
            Section(
                id="lead",
                paragraphs=(
                    Paragraph(id="p1", text=STANDFIRST, block=BlockKind.STANDFIRST),
                    Paragraph(id="p2", text=BODY),
                    Paragraph(id="p3", text=QUOTE, block=BlockKind.QUOTE),
                    Paragraph(id="p4", text=CODE, block=BlockKind.PREFORMATTED),
                    Paragraph(
                        id="p5",
                        text="\n".join("\t".join(row) for row in ROWS),
                        rows=ROWS,
                        block=BlockKind.TABLE,
                    ),
                    Paragraph(id="p6", text=ITEM, block=BlockKind.LIST_ITEM, marker="1."),
                ),
            ),
        ),
    )


def unit_lines(view: BriefingText, paragraph_id: str) -> list[str]:
    """The screen text of every line of a paragraph, gutter included (the view is at the top)."""
    layout = view.text_layout
    assert layout is not None
    unit = next(i for i, u in enumerate(view.units) if u.paragraph and u.paragraph.id == paragraph_id)
    first = layout.unit_first_line[unit] - round(view.scroll_y)
    return [view.render_line(y).text for y in range(first, first + layout.unit_line_count[unit])]


def body_of(line: str) -> str:
    """A paragraph line without its four gutter cells."""
    return line[4:]


async def test_preformatted_lines_keep_their_breaks_and_spacing_and_are_never_wrapped() -> None:
    app = create_app(blocks())
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        lines = [body_of(line).rstrip() for line in unit_lines(view, "p4")]
        assert len(lines) == CODE.count("\n") + 1
        assert lines[:3] == ["def tally(votes):", "    total = 0", ""]
        assert lines[3].startswith("    for vote in votes:")
        assert lines[3].endswith("›")  # cut at the pane's edge, and says so
        assert lines[4] == "        total += vote"


async def test_left_and_right_pan_a_wide_block_as_less_s_does() -> None:
    app = create_app(blocks())
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        hidden = "in the order they came in"
        assert all(hidden not in line for line in unit_lines(view, "p4"))
        await pilot.press("right")
        await pilot.pause()
        assert view.pan > 0
        panned = unit_lines(view, "p4")
        assert any(hidden in line for line in panned)
        assert body_of(panned[3]).startswith("‹")
        assert body_of(panned[2]).strip() == ""  # an empty line has nothing hidden to its left
        # Wrapped text never pans.
        assert any(BODY.split(maxsplit=1)[0] in line for line in unit_lines(view, "p2"))
        await pilot.press("left")
        await pilot.pause()
        assert view.pan == 0
        assert body_of(unit_lines(view, "p4")[0]).startswith("def tally")


async def test_a_table_is_aligned_in_columns_under_a_styled_header() -> None:
    app = create_app(blocks())
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        lines = [body_of(line).rstrip() for line in unit_lines(view, "p5")]
        assert len(lines) == len(ROWS) + 1  # the rows and a rule under the header
        header, rule, *rows = lines
        assert set(rule) <= {"─", "┼"}
        bars = [index for index, char in enumerate(header) if char == "│"]
        assert len(bars) == 2
        for row, cells in zip(rows, ROWS[1:], strict=True):
            assert [index for index, char in enumerate(row) if char == "│"] == bars
            assert [cell.strip() for cell in row.split("│")] == list(cells)
        assert [index for index, char in enumerate(rule) if char == "┼"] == bars
        layout = view.text_layout
        assert layout is not None
        header_y = next(y for y in range(layout.line_count) if layout.line_role[y] == LineRole.TABLE_ROW)
        header_strip = view.render_line(header_y - round(view.scroll_y))
        party = next(segment for segment in header_strip if "Party" in segment.text)
        alpha_strip = view.render_line(header_y + 2 - round(view.scroll_y))
        alpha = next(segment for segment in alpha_strip if "Alpha" in segment.text)
        assert party.style is not None and party.style.bold
        assert alpha.style is None or not alpha.style.bold


async def test_a_search_match_in_a_table_cell_is_painted_on_that_cell() -> None:
    briefing = blocks()
    app = create_app(briefing)
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        result = SearchIndex(briefing).search("Gamma")
        match = result.match(0)
        view.set_highlights(Highlights(result, (match.unit, match.start, match.end)))
        await pilot.pause()
        colour = view.get_component_rich_style("briefing-text--match-current", partial=True).bgcolor
        row = unit_lines(view, "p5")[3]
        layout = view.text_layout
        assert layout is not None
        y = layout.unit_first_line[match.unit] + 3 - round(view.scroll_y)
        painted = "".join(
            s.text for s in view.render_line(y) if s.style is not None and s.style.bgcolor == colour
        )
        assert painted == "Gamma"
        assert "Beta Gamma Delta" in row


async def test_quotes_have_a_bar_on_every_line_and_list_items_keep_their_indent() -> None:
    app = create_app(blocks())
    async with app.run_test(size=(50, 40)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        quote = [body_of(line) for line in unit_lines(view, "p3")]
        assert len(quote) >= 2
        assert all(line.startswith("│ ") for line in quote)
        assert " ".join(line[2:].strip() for line in quote) == QUOTE
        item = [body_of(line) for line in unit_lines(view, "p6")]
        assert len(item) >= 2
        assert item[0].startswith("1. ")
        assert all(line.startswith("   ") and line[3] != " " for line in item[1:])


async def test_the_standfirst_stands_out_from_body_text() -> None:
    app = create_app(blocks())
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        layout = view.text_layout
        assert layout is not None

        def word_style(paragraph_id: str, word: str) -> Style | None:
            unit = next(i for i, u in enumerate(view.units) if u.paragraph and u.paragraph.id == paragraph_id)
            strip = view.render_line(layout.unit_first_line[unit] - round(view.scroll_y))
            return next(segment.style for segment in strip if word in segment.text)

        standfirst, body = word_style("p1", "Talks"), word_style("p2", "ordinary")
        assert standfirst is not None and standfirst.italic
        assert body is None or not body.italic


@pytest.mark.parametrize("size", [(80, 24), (90, 30), (100, 40)])
async def test_the_text_column_rewraps_to_its_width_with_both_panes_open(size: tuple[int, int]) -> None:
    app = create_app(blocks())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        reader = app.reader
        reader.outline_visible = reader.sources_visible = True
        await pilot.pause()
        width = view.scrollable_content_region.width
        assert width <= size[0] - 30  # both panes take their share
        for paragraph_id, text in (("p2", BODY), ("p3", QUOTE)):
            lines = [body_of(line).removeprefix("│ ").strip() for line in unit_lines(view, paragraph_id)]
            assert " ".join(lines) == text  # every word whole: rewrapped, never clipped


async def test_change_marks_are_drawn_in_the_gutter_and_listed_for_stepping() -> None:
    app = create_app(blocks())
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        assert view.changed_units() == []
        view.set_changes({"p2": "new", "p5": "changed", "nope": "new"})
        await pilot.pause()
        units = {u.paragraph.id: i for i, u in enumerate(view.units) if u.paragraph}
        assert view.changed_units() == [units["p2"], units["p5"]]
        assert unit_lines(view, "p2")[0][0] == "+"
        assert unit_lines(view, "p5")[0][0] == "~"
        assert all(line[0] == " " for line in unit_lines(view, "p3"))
        assert all(line[0] == " " for line in unit_lines(view, "p2")[1:])  # marked once, on the first line
        layout = view.text_layout
        assert layout is not None
        strip = view.render_line(layout.unit_first_line[units["p2"]] - round(view.scroll_y))
        mark = next(segment for segment in strip if segment.text.startswith("+"))
        new_colour = view.get_component_rich_style("briefing-text--new", partial=True).color
        assert mark.style is not None and mark.style.color == new_colour
        view.set_changes({})
        await pilot.pause()
        assert view.changed_units() == []
        assert unit_lines(view, "p2")[0][0] == " "


async def test_a_million_combining_marks_draw_as_a_few() -> None:
    zalgo = "x" + "\u0301" * 1_000_000
    text = f"Before {zalgo} after."
    briefing = Briefing(
        title="Marks", sections=(Section(id="lead", paragraphs=(Paragraph(id="p1", text=text),)),)
    )
    app = create_app(briefing)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        assert view.units[0].text == text  # the model and the units keep every mark
        shown = "".join(unit_lines(view, "p1"))
        assert "Before x" + "\u0301" * MAX_MARKS + " after." in shown
        assert shown.count("\u0301") == MAX_MARKS


async def test_stepping_to_a_match_draws_lines_rendered_ahead() -> None:
    paragraphs = tuple(
        Paragraph(id=f"p{i}", text=f"Paragraph {i} mentions the ceasefire once.") for i in range(12)
    )
    briefing = Briefing(title="Steps", sections=(Section(id="lead", paragraphs=paragraphs),))
    app = create_app(briefing)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        await pilot.press("slash", *"ceasefire", "enter")
        await pilot.pause()
        view.cache_hits = view.cache_misses = 0
        ahead = view.cache_prefetched
        assert ahead > 0  # what the first n and N will show, rendered after the paint
        for _ in range(8):
            await pilot.press("n")
            await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        # The lines whose look a step changes (the current match's, the cursor bar's, the
        # line left behind) were all rendered ahead: the steps drew from the cache.
        assert view.cache_misses == 0
        assert view.cache_hits > 0
        # One new line a step (the match after the next one), and the way back is cached.
        assert view.cache_prefetched - ahead <= 8 * 2
        assert app.reader.text_view.highlights.current == (7, 25, 34)  # 8 on, 1 back


async def test_a_theme_change_renders_every_line_again() -> None:
    app = create_app(blocks())
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        before = [list(view.render_line(y)) for y in range(8)]
        app.theme = "textual-light"
        await pilot.pause()
        after = [list(view.render_line(y)) for y in range(8)]
        assert [s.text for line in after for s in line] == [s.text for line in before for s in line]
        assert after != before


async def test_a_match_beyond_the_edge_of_a_code_block_pans_into_view() -> None:
    briefing = blocks()
    app = create_app(briefing)
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        await pilot.press("slash", *"came in", "enter")
        await pilot.pause()
        assert view.pan > 0
        assert any("came in" in line for line in unit_lines(view, "p4"))
        await pilot.press("slash", *"tally", "enter")  # at the block's left edge: panned back
        await pilot.pause()
        assert view.pan == 0
        assert body_of(unit_lines(view, "p4")[0]).startswith("def tally")


async def test_the_next_screen_is_rendered_ahead_so_paging_draws_from_the_cache() -> None:
    paragraphs = tuple(Paragraph(id=f"p{i}", text=f"Paragraph {i} of a long report.") for i in range(80))
    briefing = Briefing(title="Pages", sections=(Section(id="lead", paragraphs=paragraphs),))
    app = create_app(briefing)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        await pilot.pause()
        assert view.cache_prefetched >= view.scrollable_content_region.height - 1
        misses = view.cache_misses
        await pilot.press("space")
        await pilot.pause()
        # The page brought into view was rendered ahead: at most the cursor's paragraph
        # (whose bar changed) is rendered afresh.
        assert view.cache_misses - misses <= 2


async def test_lines_drawn_from_their_pieces_look_exactly_as_rich_text_draws_them() -> None:
    # Paragraph and heading lines are built as segments directly (the keystroke that brings a
    # new screen renders every line): each must equal Rich's rendering of the same line, with
    # attributions, a selected source, matches, the current match, change marks and the cursor.
    briefing = load_briefing(seed_path())
    app = create_app(briefing)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        index = SearchIndex(briefing)
        result = index.search("the")
        first = result.match(3)
        source = next(a.source_id for u in view.units if u.paragraph for a in u.paragraph.attributions)
        view.set_highlights(Highlights(result, (first.unit, first.start, first.end), source))
        view.set_changes({u.paragraph.id: "changed" for u in view.units[2:6] if u.paragraph})
        view.go_to_unit(first.unit, first.start)
        await pilot.pause()
        layout = view.text_layout
        assert layout is not None
        width = view.scrollable_content_region.width
        base = view.rich_style
        roles = set()
        for y in range(layout.line_count):
            role = LineRole(layout.line_role[y])
            if role in (LineRole.PARAGRAPH, LineRole.HEADING):
                direct = view._direct_line(y, role, width, base)
                assert direct is not None
                assert list(direct) == list(view._rich_line(y, role, width, base)), y
                roles.add(role)
        assert roles == {LineRole.PARAGRAPH, LineRole.HEADING}


def test_changed_rows_are_repainted_as_runs_of_consecutive_rows() -> None:
    runs = _row_runs([0, 1, 2, 5, 7, 8], 80)
    assert [(r.y, r.height, r.width) for r in runs] == [(0, 3, 80), (5, 1, 80), (7, 2, 80)]
    assert [(r.y, r.height) for r in _row_runs(list(range(44)), 80)] == [(0, 44)]


async def test_a_one_letter_query_highlights_every_line_it_matches_on_screen() -> None:
    paragraphs = tuple(
        Paragraph(id=f"p{i}", text=f"Paragraph {i} has the letter h here and there.") for i in range(12)
    )
    briefing = Briefing(title="Letters", sections=(Section(id="lead", paragraphs=paragraphs),))
    app = create_app(briefing)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "h")
        await pilot.pause()
        view = app.reader.text_view
        match = view._style("match")
        layout = view.text_layout
        assert layout is not None
        highlighted = {
            layout.line_unit[round(view.scroll_y) + row]
            for row in range(view.scrollable_content_region.height)
            if any(
                segment.style is not None and segment.style.bgcolor == match.bgcolor
                for segment in view.render_line(row)
            )
        }
        assert highlighted == set(range(12))  # every paragraph's line, in one repaint
