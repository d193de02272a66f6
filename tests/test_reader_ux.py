"""The reader to the standard of less and vim: the status line, keys, marks, copy, memory
that survives edits, opening at a place, and the small things (issue 14)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Input, Static

from briefing_tui.load import load_briefing
from briefing_tui.model import Briefing
from briefing_tui.resources import seed_path
from briefing_tui.state import StateStore
from briefing_tui.tui.app import BriefingApp, ReaderOptions, create_app
from briefing_tui.tui.help_screen import MARKERS, HelpScreen
from briefing_tui.tui.screenshot import SCREENSHOT_DIR_ENV, save_screenshot
from briefing_tui.tui.search_bar import SearchBar
from briefing_tui.tui.sources_pane import SourceList
from briefing_tui.tui.status_line import position_label

WIDE = (120, 40)
NARROW = (80, 24)


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return load_briefing(seed_path())


def top_text(app: BriefingApp) -> str:
    """The words on the top line of the text view."""
    view = app.reader.text_view
    layout = view.text_layout
    assert layout is not None
    y = round(view.scroll_y)
    unit = layout.unit_at(y)
    assert unit is not None, "the top line shows a unit"
    return view.units[unit].text[layout.line_start[y] : layout.line_end[y]]


# --- 1. the status line -----------------------------------------------------------------


async def test_status_line_counts_matches_after_enter_and_follows_n(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        status = app.reader.status_line
        await pilot.press("slash", *"hamas", "enter")
        await pilot.pause()
        assert not app.query_one(SearchBar).is_open
        assert status.activity == "[1/9] /hamas"
        assert status.hint == "n: next match"
        await pilot.press("n", "n")
        assert status.activity == "[3/9] /hamas"
        await pilot.press("N")
        assert status.activity == "[2/9] /hamas"


async def test_wrap_is_named_and_brief(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        status = app.reader.status_line
        await pilot.press("slash", *"hamas", "enter")
        await pilot.press(*"n" * 8)
        assert status.activity == "[9/9] /hamas" and status.notice == ""
        await pilot.press("n")
        assert (status.activity, status.notice) == ("[1/9] /hamas", "search wrapped to top")
        await pilot.press("n")  # a second n does not look wrapped
        assert (status.activity, status.notice) == ("[2/9] /hamas", "")
        await pilot.press("N", "N")
        assert status.notice == "search wrapped to bottom"
        assert not [n for n in app._notifications if "wrapped" in n.message or "hit" in n.message]


async def test_walking_a_source_shows_citation_k_of_n_and_names_its_wrap(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        status = app.reader.status_line
        app.reader.select_source("senior-u-s-officials")
        await pilot.pause()
        assert status.activity == "citation 1/2 · senior U.S. officials"
        assert status.hint == "n: next citation"
        await pilot.press("n")
        assert status.activity == "citation 2/2 · senior U.S. officials"
        await pilot.press("n")
        assert status.activity == "citation 1/2 · senior U.S. officials"
        assert status.notice == "citations of senior U.S. officials wrapped to top"
        app.reader.select_source("felicia-schwartz")
        await pilot.press("n")
        assert status.activity == "citation 1/1 · Felicia Schwartz"
        assert status.notice == "the only citation of Felicia Schwartz"
        assert status.hint == ""


async def test_status_line_shows_position_and_section(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        status = app.reader.status_line
        assert (status.position, status.section) == ("Top", "Lead")
        await pilot.press("space")
        assert re.fullmatch(r"\d+%", status.position)
        await pilot.press("G")
        assert status.position == "END"
        assert status.section == " ".join((seed.sections[-1].heading or "").split())
        shown = str(status.render())
        assert "END" in shown and "U.S. troops arrive" in shown


def test_position_label_is_as_less_gives_it() -> None:
    assert position_label(0, 10, 100) == "Top"
    assert position_label(40, 10, 100) == "50%"
    assert position_label(90, 10, 100) == "END"
    assert position_label(0, 10, 8) == "All"


async def test_status_line_at_80_columns_keeps_the_match_and_position(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"ceasefire", "enter", "n")
        shown = str(app.reader.status_line.render())
        assert shown.startswith("[2/6] /ceasefire")
        assert shown.rstrip().endswith(app.reader.status_line.position)
        assert len(shown) <= 78


# --- 3. keys ----------------------------------------------------------------------------


@pytest.mark.parametrize(("down", "up"), [("d", "u"), ("ctrl+d", "ctrl+u")])
async def test_half_page_keys(seed: Briefing, down: str, up: str) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        view = app.reader.text_view
        half = view.scrollable_content_region.height // 2
        await pilot.press(down)
        assert view.scroll_y == half
        await pilot.press(down, up)
        assert view.scroll_y == half


async def test_ctrl_f_and_ctrl_b_page(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        view = app.reader.text_view
        page = view.scrollable_content_region.height - 1
        await pilot.press("ctrl+f")
        assert view.scroll_y == page
        await pilot.press("ctrl+b")
        assert view.scroll_y == 0


async def test_help_scrolls_with_less_keys_and_closes_with_q_escape_and_question_mark(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=NARROW) as pilot:
        for close in ("q", "escape", "question_mark"):
            await pilot.press("question_mark")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, HelpScreen)
            scroll = screen.query_one("VerticalScroll")
            await pilot.press("j", "j")
            assert scroll.scroll_y == 2
            await pilot.press("k")
            assert scroll.scroll_y == 1
            await pilot.press("G")
            assert scroll.scroll_y == scroll.max_scroll_y > 10
            await pilot.press("g")
            assert scroll.scroll_y == 0
            await pilot.press("space")
            assert scroll.scroll_y > 5
            await pilot.press("b")
            assert scroll.scroll_y == 0
            await pilot.press(close)
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)


async def test_escape_in_the_sources_pane_lets_go_then_clears_the_highlights(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"hamas", "enter")
        app.reader.select_source("politico")
        await pilot.press("tab")
        assert isinstance(app.focused, SourceList)
        await pilot.press("escape")
        assert app.reader.text_view.highlights.source_id is None
        assert app.reader.text_view.highlights.search is not None
        await pilot.press("escape")
        assert app.reader.text_view.highlights.search is None
        assert app.reader.status_line.activity == ""


async def test_escape_closes_the_keys_panel(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        app.action_show_help_panel()
        await pilot.pause()
        assert app.screen.query("HelpPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")


async def test_marks_set_and_go_back_and_are_kept_per_briefing(seed: Briefing, tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    path = seed_path()
    app = create_app(seed, ReaderOptions(path=path, store=store))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("space", "j", "j", "j")
        marked = app.reader.text_view.scroll_y
        await pilot.press("m", "a")
        await pilot.pause()
        assert "mark a set" in app.reader.status_line.notice
        await pilot.press("G", "apostrophe", "a")
        await pilot.pause()
        assert app.reader.text_view.scroll_y == marked
        await pilot.press("apostrophe", "z")
        await pilot.pause()
        assert app.reader.status_line.notice == "no mark z; marks: a"
        await pilot.press("m", "s")  # a letter after m names a mark; it runs no binding
        await pilot.pause()
        assert app.reader.sources_visible
    again = create_app(seed, ReaderOptions(path=path, store=store))
    async with again.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("g", "apostrophe", "a")
        await pilot.pause()
        assert again.reader.text_view.scroll_y == marked


# --- 4. copy with the source ------------------------------------------------------------


async def test_y_copies_the_paragraph_as_a_citation(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("y")
        first = seed.paragraphs()[0]
        assert app.clipboard.startswith(first.text)
        credit = app.clipboard.rstrip().splitlines()[-1]
        assert "Politico" in credit and "Felicia Schwartz" in credit and seed.title in credit
        assert any(n.title == "Copied" and "p1" in n.message for n in app._notifications)


async def test_shift_y_copies_the_section(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.reader.text_view.go_to_section(1)
        await pilot.press("Y")
        section = seed.sections[1]
        assert section.heading is not None and app.clipboard.startswith(section.heading)
        assert all(p.text in app.clipboard for p in section.paragraphs)
        assert app.clipboard.count("Sources:") == 1


# --- 6. memory anchored to content ------------------------------------------------------


def write_briefing(path: Path, lead: str = "") -> None:
    paragraphs = [
        " ".join(f"Paragraph {n} sentence {k} about the talks in Cairo." for k in range(12))
        for n in range(12)
    ]
    path.write_text("Talks\n\n" + lead + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


async def test_position_survives_a_paragraph_added_above_exactly_to_the_line(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    write_briefing(path)
    store = StateStore(tmp_path / "state")
    app = create_app(load_briefing(path), ReaderOptions(path=path, store=store))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("space", "space", "j", "j")
        await pilot.pause()
        words = top_text(app)
        assert words and not words.startswith("Paragraph 0 sentence 0")  # mid-paragraph
    write_briefing(path, lead="A new lead paragraph, added as the story moved on.\n\n")
    again = create_app(load_briefing(path), ReaderOptions(path=path, store=store))
    async with again.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert top_text(again) == words


async def test_a_deleted_paragraph_reopens_beside_where_it_stood(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    names = [f"Paragraph number {n}." for n in range(20)]
    path.write_text("Talks\n\n" + "\n\n".join(names) + "\n", encoding="utf-8")
    store = StateStore(tmp_path / "state")
    app = create_app(load_briefing(path), ReaderOptions(path=path, store=store))
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        app.reader.text_view.start_at(10)
        await pilot.pause()
        assert top_text(app) == "Paragraph number 10."
    names.remove("Paragraph number 10.")
    path.write_text("Talks\n\n" + "\n\n".join(names) + "\n", encoding="utf-8")
    again = create_app(load_briefing(path), ReaderOptions(path=path, store=store))
    async with again.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert top_text(again) == "Paragraph number 11."


async def test_escape_after_a_search_returns_to_the_exact_line(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("space", "j")
        before = app.reader.text_view.scroll_y
        await pilot.press("slash", *"troops")
        await pilot.pause()
        assert app.reader.text_view.scroll_y != before
        await pilot.press("escape")
        await pilot.pause()
        assert app.reader.text_view.scroll_y == before


async def test_the_theme_is_remembered(seed: Briefing, tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    app = create_app(seed, ReaderOptions(path=seed_path(), store=store))
    async with app.run_test(size=WIDE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    again = create_app(seed, ReaderOptions(path=seed_path(), store=store))
    async with again.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


# --- 8. open at a place -----------------------------------------------------------------


async def test_plus_slash_pattern_opens_at_the_first_match_highlighted(seed: Briefing) -> None:
    app = create_app(seed, ReaderOptions(search="Greenway"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.pause()
        view = app.reader.text_view
        current = view.highlights.current
        assert current is not None
        unit, start, end = current
        assert view.units[unit].text[start:end] == "Greenway"
        assert view.text_layout is not None
        line = view.text_layout.line_of(unit, start)
        assert view.scroll_y <= line < view.scroll_y + view.scrollable_content_region.height
        assert app.reader.status_line.activity == "[1/1] /Greenway"


async def test_a_pattern_that_is_not_found_says_so(seed: Briefing) -> None:
    app = create_app(seed, ReaderOptions(search="zebra"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert any("Pattern not found: zebra" in n.message for n in app._notifications)


@pytest.mark.parametrize("target", ["p7", "u-s-troops-arrive-in-israel-to-oversee-ceasefire-a-new-phase"])
async def test_at_opens_at_a_paragraph_or_section(seed: Briefing, target: str) -> None:
    app = create_app(seed, ReaderOptions(at=target))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.pause()
        view = app.reader.text_view
        unit = view.units[view.cursor_unit]
        if unit.paragraph is not None and target.startswith("p"):
            assert unit.paragraph.id == target
        else:
            assert seed.sections[unit.section].id == target


def test_at_an_unknown_id_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    from briefing_tui.cli import main

    assert main([str(seed_path()), "--at", "p999"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no paragraph or section 'p999'" in err


def test_search_prints_ids_that_at_opens(capsys: pytest.CaptureFixture[str], seed: Briefing) -> None:
    from briefing_tui.cli import main

    assert main(["search", "Greenway", str(seed_path())]) == 0
    line = capsys.readouterr().out.strip()
    place = line.split(":")[1]
    assert any(p.id == place and "Greenway" in p.text for p in seed.paragraphs())


# --- 9. the small things ----------------------------------------------------------------


async def test_the_title_is_searched_and_counted(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"ceasefire")
        await pilot.pause()
        assert str(app.query_one("#search-count", Static).render()) == "1/6"
        view = app.reader.text_view
        assert view.highlights.title_current is not None
        start, end = view.highlights.title_current
        assert seed.title[start:end].lower() == "ceasefire"
        assert view.scroll_y == 0
        await pilot.press("enter", "n")
        assert view.highlights.title_current is None and view.highlights.current is not None


async def test_help_explains_every_marker(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        console = Console(width=120, record=True, file=io.StringIO())
        for static in app.screen.query(Static):
            console.print(static.content)
        shown = console.export_text()
        for marker in "┃▎●¶?!":
            assert any(marker in symbol for symbol, _ in MARKERS)
            assert marker in shown
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for symbol, _ in MARKERS:
        assert f"`{symbol.strip()}`" in readme


async def test_screenshot_says_where_it_saved_or_why_it_failed(
    seed: Briefing, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        monkeypatch.setenv(SCREENSHOT_DIR_ENV, str(tmp_path))
        save_screenshot(app)
        await pilot.pause()
        saved = list(tmp_path.glob("*.svg"))
        assert len(saved) == 1
        assert any(str(saved[0]) in n.message for n in app._notifications)
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("x")
        monkeypatch.setenv(SCREENSHOT_DIR_ENV, str(blocker))
        save_screenshot(app)
        await pilot.pause()
        assert any(
            n.severity == "error" and str(blocker) in n.message and SCREENSHOT_DIR_ENV in n.message
            for n in app._notifications
        )


async def test_a_regex_error_at_80_columns_keeps_the_query_in_view(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", "ctrl+r", *"(talks|")
        await pilot.pause()
        field = app.query_one("#search-input", Input)
        assert field.region.width >= 20
        assert "(talks|" in str(field.render_line(0).text)
        assert "regular expression" in app.reader.status_line.notice


def test_debug_is_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    from briefing_tui.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--debug" in out and "--at ID" in out and "+/PATTERN" in out


# --- 2. panes that fit ------------------------------------------------------------------


@pytest.mark.parametrize(("size", "outline", "sources"), [((120, 40), 26, 30), ((200, 50), 44, 50)])
async def test_side_panes_take_a_share_of_wide_terminals(
    seed: Briefing, size: tuple[int, int], outline: int, sources: int
) -> None:
    app = create_app(seed)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.query_one("#outline").outer_size.width == outline
        assert app.query_one("#sources").outer_size.width == sources


async def test_both_panes_at_80_columns_leave_the_text_room(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("o", "s")
        await pilot.pause()
        assert app.reader.text_view.outer_size.width >= 44


async def test_angle_brackets_resize_the_focused_pane_and_it_is_remembered(
    seed: Briefing, tmp_path: Path
) -> None:
    store = StateStore(tmp_path)
    app = create_app(seed, ReaderOptions(path=seed_path(), store=store))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("greater_than_sign")
        assert "Tab to it first" in app.reader.status_line.notice
        await pilot.press("tab", "tab")  # the sources, then the outline
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        assert app.query_one("#outline").outer_size.width == 30
        await pilot.press("shift+tab", "less_than_sign")
        await pilot.pause()
        assert app.query_one("#sources").outer_size.width == 28
    again = create_app(seed, ReaderOptions(path=seed_path(), store=store))
    async with again.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert again.query_one("#outline").outer_size.width == 30
        assert again.query_one("#sources").outer_size.width == 28


async def test_outline_labels_fill_their_width_with_counts_right_aligned(seed: Briefing) -> None:
    from rich.style import Style

    from briefing_tui.tui.outline import Outline

    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"kushner")
        await pilot.pause()
        outline = app.query_one(Outline)
        room = outline.scrollable_content_region.width
        counted = 0
        for nodes in outline._section_nodes.values():
            for node in nodes:
                label = outline.render_label(node, Style(), Style()).plain
                assert len(label) == room - 2 * outline.guide_depth
                if re.search(r" \d+ $", label):
                    counted += 1
                heading = seed.sections[node.data.section].heading if node.data else None
                if heading and len(heading) > len(label):
                    assert "…" in label
        search = app.reader._search
        assert search is not None
        sections_with_matches = len([count for count in search.counts_by_section().values() if count])
        assert counted == sections_with_matches >= 4


async def test_wrapped_source_descriptions_keep_their_indent(seed: Briefing) -> None:
    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        listing = app.query_one(SourceList)
        lines = [listing.render_line(y).text for y in range(listing.size.height)]
        start = next(i for i, line in enumerate(lines) if "Robert Greenway" in line)
        description = lines[start + 1 : start + 4]
        assert all(line.startswith(" " * 5) and line.strip() for line in description)


async def test_the_outline_cursor_is_a_bar_across_the_pane(seed: Briefing) -> None:
    from briefing_tui.tui.outline import Outline

    app = create_app(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        outline = app.query_one(Outline)
        strip = outline.render_line(outline.cursor_line)
        other = outline.render_line(outline.cursor_line + 1)
        label = [segment for segment in strip if segment.text.strip() and "├" not in segment.text]
        padding = [segment for segment in strip if not segment.text.strip()][-2]
        plain = next(segment for segment in other if segment.text.strip() and "├" not in segment.text)
        assert label[0].style is not None and plain.style is not None
        assert label[0].style.bgcolor != plain.style.bgcolor
        assert padding.style is not None and padding.style.bgcolor == label[0].style.bgcolor


async def test_a_large_briefing_makes_its_anchors_after_the_first_paint_and_still_reopens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui.tui import reader

    monkeypatch.setattr(reader, "ANCHORS_AT_ONCE", 0)
    path = tmp_path / "talks.txt"
    write_briefing(path)
    store = StateStore(tmp_path / "state")
    app = create_app(load_briefing(path), ReaderOptions(path=path, store=store))
    assert app.reader._anchors == []  # not before the first frame (the pilot comes after it)
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.reader._anchors
        await pilot.press("space", "space", "j", "j")
        await pilot.pause()
        words = top_text(app)
    again = create_app(load_briefing(path), ReaderOptions(path=path, store=store))
    async with again.run_test(size=WIDE) as pilot:
        await again.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert top_text(again) == words


async def test_dragging_a_pane_border_resizes_it(seed: Briefing, tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    app = create_app(seed, ReaderOptions(path=seed_path(), store=store))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        outline = app.query_one("#outline")
        border = outline.region.right - 1
        await pilot.mouse_down(offset=(border, 10))
        await pilot.hover(offset=(border + 6, 12))
        await pilot.mouse_up(offset=(border + 6, 12))
        await pilot.pause()
        assert outline.outer_size.width == 26 + 6
        sources = app.query_one("#sources")
        border = sources.region.x
        await pilot.mouse_down(offset=(border, 10))
        await pilot.hover(offset=(border + 4, 10))
        await pilot.mouse_up(offset=(border + 4, 10))
        await pilot.pause()
        assert sources.outer_size.width == 30 - 4
    assert store.value("pane_widths") == {"outline": 32, "sources": 26}
