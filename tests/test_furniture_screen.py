"""F shows the blocks set aside while reading: furniture, bylines and credits are never lost."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static
from textual.widgets._toast import Toast

from briefing_tui.ingest.plain import Preview
from briefing_tui.load import open_for_reading
from briefing_tui.model import Briefing, Paragraph, Section
from briefing_tui.resources import seed_path
from briefing_tui.tui.app import create_app
from briefing_tui.tui.furniture_screen import FurnitureScreen
from briefing_tui.tui.help_screen import HelpScreen, binding_rows
from briefing_tui.tui.reader_options import ReaderOptions
from screen_lines import screen_text

FURNITURE = ("By Jane Roe", "You May Also Like", "\x1b]0;PWNED\x07Ferry fares \x1b[2Jto rise")


def briefing(furniture: tuple[str, ...]) -> Briefing:
    paragraph = Paragraph(id="p1", text="Ministers met for six hours and agreed to talk again.")
    return Briefing(
        title="Talks", sections=(Section(id="lead", paragraphs=(paragraph,)),), furniture=furniture
    )


def shown(screen: FurnitureScreen) -> list[str]:
    return [str(static.render()) for static in screen.query(Static)]


async def test_f_lists_what_was_set_aside_and_escape_closes_it() -> None:
    app = create_app(briefing(FURNITURE))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("F")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FurnitureScreen)
        lines = shown(screen)
        assert lines[:2] == ["By Jane Roe", "You May Also Like"]
        # Briefing text is data: the escape sequences are not passed to the terminal.
        assert "\x1b" not in lines[2] and "\x07" not in lines[2]
        assert "Ferry fares" in lines[2]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, FurnitureScreen)


async def test_f_with_nothing_set_aside_says_so() -> None:
    app = create_app(briefing(()))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("F")
        await pilot.pause()
        assert not isinstance(app.screen, FurnitureScreen)
        assert any("Nothing was set aside" in str(toast.render()) for toast in app.query(Toast))


async def test_the_key_is_in_the_help() -> None:
    app = create_app(briefing(FURNITURE))
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = {
            description: keys
            for _, bindings in app.screen._groups
            for keys, description in binding_rows(bindings, {}, app.get_key_display)
        }
        assert "Set-aside text" in rows


async def test_a_long_list_scrolls_with_the_keys_that_scroll_the_text() -> None:
    many = tuple(f"Credit line number {n}: photo desk, graphics desk and the night editor" for n in range(60))
    app = create_app(briefing(many))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("F")
        await pilot.pause()
        scroll = app.screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y > 0 and scroll.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("b")
        await pilot.pause()
        assert 0 < scroll.scroll_y < scroll.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert scroll.scroll_y == 0
        await pilot.press("j", "j")
        await pilot.pause()
        assert scroll.scroll_y == 2


async def test_the_notice_of_what_was_set_aside_is_read_under_the_title_not_in_a_toast() -> None:
    # A toast on opening would cover the first paragraphs of an 80x24 screen for seconds;
    # the notice is short enough to be read whole on the line under the title instead.
    decoding = "the file is not UTF-8; it was read as Windows-1252"
    app = create_app(briefing(FURNITURE).model_copy(update={"notices": (decoding,)}))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.query(Toast)]
        assert any(decoding in toast for toast in toasts), toasts  # a problem with the file is told
        assert not any("set aside" in toast for toast in toasts), toasts
        screen = " ".join(line.strip() for line in screen_text(app))
        assert "3 blocks set aside" in screen  # after the decoding notice, cut at 80 columns
        assert "Ministers met for six hours" in screen


async def test_the_bundled_briefing_opens_at_80_columns_with_no_toast_over_its_text() -> None:
    preview, _ = open_for_reading(seed_path())  # as the command line opens it: a preview first
    assert isinstance(preview, Preview)
    app = create_app(preview, ReaderOptions(path=seed_path()))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.reader.wait_for_panes()
        await pilot.pause()
        assert not list(app.query(Toast))
        screen = " ".join(line.strip() for line in screen_text(app))
        assert "1 block set aside (F lists it)" in screen
