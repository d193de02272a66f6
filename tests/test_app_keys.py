"""Every key of the reader, driven through the Pilot and checked against the app's state."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from rich.console import Console
from textual.app import App
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import OptionList, Static
from textual.widgets._toast import Toast

from briefing_tui.cli import main
from briefing_tui.load import load_briefing
from briefing_tui.model import Briefing, Paragraph, Section, SectionKind
from briefing_tui.resources import seed_path
from briefing_tui.state import StateStore
from briefing_tui.tui.app import BriefingApp, ReaderOptions, create_app
from briefing_tui.tui.help_screen import HelpScreen
from briefing_tui.tui.labels import KIND_KEYS, SECTION_KINDS
from briefing_tui.tui.outline import Outline
from briefing_tui.tui.reader import ReaderScreen
from briefing_tui.tui.sources_pane import SourceList, SourcesPane
from briefing_tui.tui.text_view import BriefingText

WIDE = (120, 40)


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return load_briefing(seed_path())


def app_for(briefing: Briefing, **kwargs: object) -> BriefingApp:
    return create_app(briefing, ReaderOptions(**kwargs))  # type: ignore[arg-type]


async def run_palette_command(pilot: Pilot[None], command: str, choice: str) -> None:
    """Open the command palette, run ``command``, then pick ``choice`` from what it lists."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    for typed in (command, choice):
        await pilot.press(*typed)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)


async def test_opens_with_three_filled_panes(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, BriefingText)
        outline = app.query_one(Outline)
        assert outline.display and len(outline.root.children) >= 3
        sources = app.query_one(SourceList)
        assert sources.option_count > 10
        assert app.reader.text_view.text_layout is not None
        assert app.reader.text_view.text_layout.line_count > 60


async def test_tab_and_shift_tab_cycle_the_panes(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("tab")
        assert isinstance(app.focused, SourceList)
        await pilot.press("tab")
        assert isinstance(app.focused, Outline)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, SourceList)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, BriefingText)


@pytest.mark.parametrize(("key", "moved"), [("j", 1), ("down", 1)])
async def test_j_and_down_scroll_one_line(seed: Briefing, key: str, moved: int) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(key, key)
        assert app.reader.text_view.scroll_y == 2 * moved
        await pilot.press("k")
        assert app.reader.text_view.scroll_y == moved
        await pilot.press("up")
        assert app.reader.text_view.scroll_y == 0


@pytest.mark.parametrize(("forward", "back"), [("space", "b"), ("pagedown", "pageup")])
async def test_paging(seed: Briefing, forward: str, back: str) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        view = app.reader.text_view
        page = view.scrollable_content_region.height - 1
        await pilot.press(forward)
        assert view.scroll_y == page
        await pilot.press(back)
        assert view.scroll_y == 0


@pytest.mark.parametrize(("bottom", "top"), [("G", "g"), ("end", "home")])
async def test_bottom_and_top_land_at_once(seed: Briefing, bottom: str, top: str) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        view = app.reader.text_view
        await pilot.press(bottom)
        # No animation: the jump has landed by the time the key is handled.
        assert view.scroll_y == view.max_scroll_y > 0
        await pilot.press(top)
        assert view.scroll_y == 0


async def test_brackets_step_through_sections(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        view = app.reader.text_view
        assert view.current_section() == 0
        await pilot.press("right_square_bracket")
        assert view.current_section() == 1
        assert view.scroll_y == view.text_layout.section_first_line[1]  # type: ignore[union-attr]
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert view.current_section() == 3
        await pilot.press("left_square_bracket")
        assert view.current_section() == 2


def paragraphs_of(app: BriefingApp, kind: SectionKind) -> list[int]:
    """The units of the paragraphs of ``kind``, in reading order."""
    units = app.reader.text_view.units
    return [index for index, unit in enumerate(units) if unit.paragraph and unit.paragraph.kind is kind]


def with_every_kind(briefing: Briefing) -> Briefing:
    """``briefing`` with its paragraphs' kinds dealt in turn, so that every key has a target.

    Which kinds the learned model gives the seed is measured on held-out data, not here.
    """
    kinds = list(KIND_KEYS.values())
    numbers = iter(range(10_000))
    sections = tuple(
        section.model_copy(
            update={
                "paragraphs": tuple(
                    paragraph.model_copy(update={"kind": kinds[next(numbers) % len(kinds)]})
                    for paragraph in section.paragraphs
                )
            }
        )
        for section in briefing.sections
    )
    return briefing.model_copy(update={"sections": sections})


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("1", SectionKind.NEGOTIATIONS),
        ("2", SectionKind.TERMS),
        ("3", SectionKind.IMPLEMENTATION),
        ("4", SectionKind.OPEN_QUESTIONS),
    ],
)
async def test_number_keys_jump_to_a_paragraph_of_their_kind(
    seed: Briefing, key: str, kind: SectionKind
) -> None:
    app = app_for(with_every_kind(seed))
    async with app.run_test(size=WIDE) as pilot:
        targets = paragraphs_of(app, kind)
        assert targets, f"the seed has a {kind.value} paragraph"
        view = app.reader.text_view
        start = view.cursor_unit
        await pilot.press(key)
        assert view.cursor_unit == next((unit for unit in targets if unit > start), targets[0])
        paragraph = view.units[view.cursor_unit].paragraph
        assert paragraph is not None and paragraph.kind is kind
        here = app.query_one("#sources-here", Static).render()
        assert str(here).splitlines()[-1].startswith(SECTION_KINDS[kind])


@pytest.mark.parametrize(("key", "kind"), [(key, kind) for key, kind in KIND_KEYS.items()])
async def test_a_number_key_with_no_such_kind_says_so(key: str, kind: SectionKind) -> None:
    sections = (
        Section(id="a", heading="A", paragraphs=(Paragraph(id="p0", text="Only background."),)),
        Section(id="b", heading="B", paragraphs=(Paragraph(id="p1", text="More background."),)),
    )
    app = app_for(Briefing(title="No kinds", sections=sections))
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert app.reader.text_view.current_section() == 0
        toasts = [str(toast.render()) for toast in app.query(Toast)]
        assert any(SECTION_KINDS[kind] in toast for toast in toasts), toasts


async def test_number_key_cycles_through_paragraphs_of_its_kind(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        keys = {SectionKind.NEGOTIATIONS: "1", SectionKind.TERMS: "2", SectionKind.IMPLEMENTATION: "3"}
        kind = next((k for k in keys if len(paragraphs_of(app, k)) >= 2), None)
        assert kind is not None, "the seed has a kind with two paragraphs"
        targets = paragraphs_of(app, kind)
        start = app.reader.text_view.cursor_unit
        first = next((number for number, unit in enumerate(targets) if unit > start), 0)
        visited = []
        for _ in range(len(targets) + 1):
            await pilot.press(keys[kind])
            visited.append(app.reader.text_view.cursor_unit)
        # Each press moves on to the next paragraph of the kind, wrapping after the last.
        order = targets[first:] + targets[:first]
        assert visited == [*order, order[0]]


async def test_a_number_key_without_paragraphs_of_its_kind_says_so() -> None:
    paragraph = Paragraph(id="p1", text="The weather was mild.", kind=SectionKind.BACKGROUND)
    briefing = Briefing(title="T", sections=(Section(id="s", paragraphs=(paragraph,)),))
    app = app_for(briefing, analysed=True)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert app.reader.text_view.cursor_unit in (-1, 0)
        assert any("No paragraph of this kind" in str(n.message) for n in app._notifications)


async def test_outline_follows_the_text(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("G")
        await pilot.pause()
        node = app.query_one(Outline).cursor_node
        assert node is not None and node.data is not None
        assert node.data.section == app.reader.text_view.current_section()


async def test_outline_enter_jumps_to_the_section(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        outline = app.query_one(Outline)
        outline.focus()
        await pilot.pause()
        last_section = len(app.reader.briefing.sections) - 1
        target = next(node for node in outline._section_nodes[last_section])
        outline.move_cursor(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.text_view.current_section() == last_section
        assert isinstance(app.focused, BriefingText)


async def test_selecting_a_source_highlights_and_steps_its_attributions(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        cited: dict[str, list[str]] = {}
        for paragraph in app.reader.briefing.paragraphs():
            for attribution in paragraph.attributions:
                cited.setdefault(attribution.source_id, []).append(paragraph.id)
        source_id = (
            next(sid for sid, places in cited.items() if len(places) >= 2)
            if any(len(places) >= 2 for places in cited.values())
            else next(iter(cited))
        )
        listing = app.query_one(SourceList)
        listing.focus()
        listing.highlighted = listing.get_option_index(source_id)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(SourcesPane).selected == source_id
        assert app.reader.text_view.highlights.source_id == source_id
        unit = app.reader.text_view.units[app.reader.text_view.cursor_unit]
        assert unit.paragraph is not None and unit.paragraph.id == cited[source_id][0]
        await pilot.press("n")
        unit = app.reader.text_view.units[app.reader.text_view.cursor_unit]
        expected = cited[source_id][1] if len(cited[source_id]) > 1 else cited[source_id][0]
        assert unit.paragraph is not None and unit.paragraph.id == expected
        await pilot.press("escape")
        assert app.reader.text_view.highlights.source_id is None


async def test_moving_through_the_text_shows_the_paragraphs_sources(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        here = app.query_one("#sources-here")
        assert "This paragraph" in str(here.render())
        assert "Politico" in str(here.render())


async def test_question_mark_opens_help_and_escape_closes_it(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_narrow_terminal_hides_side_panes_and_keys_toggle_them(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.query_one("#outline").display
        assert not app.query_one("#sources").display
        await pilot.press("o")
        assert app.query_one("#outline").display
        await pilot.press("s")
        assert app.query_one("#sources").display
        await pilot.press("o")
        assert not app.query_one("#outline").display


async def test_command_palette_goes_to_a_section(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        await run_palette_command(pilot, "Go to section", "troops arrive")
        assert app.reader.text_view.current_section() == len(app.reader.briefing.sections) - 1


async def test_reading_position_is_restored(seed: Briefing, tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    path = seed_path()
    app = app_for(seed, path=path, store=store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("G")
        await pilot.pause()
        where = app.reader.text_view.cursor_unit
        line = app.reader.text_view.scroll_y
        assert where > 0
    assert store.value("place", path) is not None
    again = app_for(seed, path=path, store=store)
    async with again.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert again.reader.text_view.cursor_unit == where
        assert again.reader.text_view.scroll_y == line


async def test_keymap_remaps_a_binding_by_id(seed: Briefing) -> None:
    app = app_for(seed, keymap={"app.next_section": "x"})
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("x")
        assert app.reader.text_view.current_section() == 1


async def test_large_briefing_is_analysed_in_the_background(seed: Briefing) -> None:
    from briefing_tui.ingest import read_briefing

    raw = read_briefing(seed_path())
    app = app_for(raw, analysed=False)
    async with app.run_test(size=WIDE) as pilot:
        # The analysis starts after the first refresh: on a loaded machine there may be no
        # worker yet to wait for, so wait for the state (bounded), not for the workers.
        for _ in range(200):
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if app.reader.analysed:
                break
        assert app.reader.analysed
        assert app.reader.briefing.sources
        assert app.query_one(OptionList).option_count > 10


def test_readme_names_every_binding_id() -> None:
    from briefing_tui.tui.search_bar import SearchBar

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    classes = (BriefingApp, ReaderScreen, BriefingText, Outline, SourceList, SearchBar, HelpScreen)
    ids = {b.id for cls in classes for b in Binding.make_bindings(cls.BINDINGS) if b.id}
    assert len(ids) > 30
    assert sorted(i for i in ids if f"`{i}`" not in readme) == []


async def test_help_lists_every_binding_description(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        console = Console(width=120, record=True, file=io.StringIO())
        for static in screen.query(Static):
            console.print(static.content)
        shown = console.export_text()
        for binding in [*BriefingApp.BINDINGS, *ReaderScreen.BINDINGS]:
            assert isinstance(binding, Binding)
            assert binding.description in shown


async def test_command_palette_goes_to_a_source(seed: Briefing) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        await run_palette_command(pilot, "Go to source", "Greenway")
        assert app.query_one(SourcesPane).selected == "robert-greenway"
        unit = app.reader.text_view.units[app.reader.text_view.cursor_unit]
        assert unit.paragraph is not None
        assert any(a.source_id == "robert-greenway" for a in unit.paragraph.attributions)


@pytest.mark.parametrize("theme", ["textual-light", "nord", "gruvbox", "solarized-light"])
async def test_themes_restyle_every_pane(seed: Briefing, theme: str) -> None:
    app = app_for(seed)
    async with app.run_test(size=WIDE) as pilot:
        before = app.reader.text_view.render_line(5)
        app.theme = theme
        await pilot.pause()
        after = app.reader.text_view.render_line(5)
        assert after.text == before.text
        assert list(after) != list(before)  # same words, new colours


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
def test_no_color_is_respected(
    no_color: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Our own colour, not Textual's: `briefing-tui search` on a terminal highlights each
    # match unless NO_COLOR is set.
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["search", "ceasefire", str(seed_path())]) == 0
    out = capsys.readouterr().out
    assert "ceasefire" in out.lower()
    assert ("\x1b[" in out) is not no_color


def test_help_rows_show_remapped_keys_as_textual_does() -> None:
    from briefing_tui.tui.help_screen import binding_rows

    rows = {
        description: keys
        for keys, description in binding_rows(
            BriefingText.BINDINGS, {"text.down": "x,ctrl+n"}, App[None]().get_key_display
        )
        if description in {"Down", "Page down"}
    }
    assert rows == {"Down": "x / ^n", "Page down": "space / pgdn"}
