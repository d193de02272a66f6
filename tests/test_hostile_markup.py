"""Text that looks like Rich/Textual markup is briefing text: shown literally, never run.

``[bold red]x[/]``, an unbalanced ``[/]``, ``[link=https://x]y[/link]`` and
``[@click=app.quit]z[/]`` must reach the screen with their brackets wherever the briefing's
words are shown (text, title bar, outline, sources, command palette, notices), must not
crash anything, and clicking them must not run an action.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Static
from textual.widgets._toast import Toast
from textual.widgets.tree import TreeNode

from briefing_tui.export import export
from briefing_tui.load import load_briefing
from briefing_tui.model import (
    Attribution,
    Briefing,
    Paragraph,
    Question,
    Section,
    SectionKind,
    Source,
    SourceKind,
)
from briefing_tui.tui.app import BriefingApp, create_app
from briefing_tui.tui.outline import Outline
from briefing_tui.tui.search_bar import SearchBar
from briefing_tui.tui.sources_pane import SourceList, SourcesPane
from screen_lines import screen_text

STYLE = "[bold red]x[/]"
UNBALANCED = "an unbalanced [/]"
LINK = "[link=https://x]y[/link]"
ACTION = "[@click=app.quit]z[/]"
MARKUP = [STYLE, UNBALANCED, LINK, ACTION]

WIDE = (150, 40)
"""Wide enough for the outline and the sources pane to show."""


def hostile_briefing() -> Briefing:
    """An analysed briefing with markup in every field the app shows."""
    cited = "said [@click=app.quit]Zed[/]"
    talks = f"Talks: {STYLE} was agreed, {cited}."
    start = talks.index("[@click")
    asked = "Will it hold [/]?"
    terms = f"{LINK} is a link that is not one. {asked}"
    closing = f"Closing words: {UNBALANCED}, according to {LINK}."
    return Briefing(
        title=f"{STYLE} and {ACTION}",
        outlet=LINK,
        author=UNBALANCED,
        published=dt.date(2025, 10, 9),
        origin="hostile.txt",
        sections=(
            Section(
                id="action",
                heading=ACTION,
                kind=SectionKind.NEGOTIATIONS,
                paragraphs=(
                    Paragraph(
                        id="p1",
                        text=talks,
                        kind=SectionKind.NEGOTIATIONS,
                        attributions=(Attribution(source_id="zed", start=start, end=len(talks) - 1),),
                    ),
                ),
            ),
            Section(
                id="unbalanced",
                heading=UNBALANCED,
                kind=SectionKind.TERMS,
                paragraphs=(Paragraph(id="p2", text=terms, kind=SectionKind.TERMS),),
            ),
            Section(
                id="link",
                heading=LINK,
                kind=SectionKind.OPEN_QUESTIONS,
                paragraphs=(
                    Paragraph(
                        id="p3",
                        text=closing,
                        kind=SectionKind.OPEN_QUESTIONS,
                        attributions=(
                            Attribution(source_id="link", start=closing.rindex(LINK), end=len(closing) - 1),
                        ),
                    ),
                ),
            ),
        ),
        sources=(
            Source(
                id="zed",
                name="[@click=app.quit]Zed[/]",
                kind=SourceKind.NAMED_PERSON,
                description="[b]boss[/] of [/]",
            ),
            Source(id="link", name=LINK, kind=SourceKind.OUTLET),
        ),
        questions=(Question(paragraph_id="p2", start=terms.index(asked), end=len(terms), text=asked),),
    )


def on_screen(app: Any, text: str) -> bool:
    return any(text in line for line in screen_text(app))


def find_on_screen(app: Any, text: str, *, left: int = 0, right: int = 10_000) -> tuple[int, int]:
    """The (x, y) cell where ``text`` starts on screen between columns ``left`` and ``right``.

    Lines here hold one cell per character, so a string index is a column.
    """
    for y, line in enumerate(screen_text(app)):
        x = line.find(text, left, right)
        if x >= 0:
            return x, y
    raise AssertionError(f"{text!r} is not on screen:\n" + "\n".join(screen_text(app)))


def palette_prompts(app: Any) -> list[str]:
    """The text of every entry the open command palette lists."""
    commands = app.screen.query_one(CommandList)
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


def tree_labels(node: TreeNode[Any]) -> list[str]:
    labels = []
    for child in node.children:
        labels.append(str(child.label))
        labels.extend(tree_labels(child))
    return labels


async def click_text(pilot: Any, app: Any, text: str, *, left: int = 0, right: int = 10_000) -> None:
    """Click the first character of ``text``, then a character inside it."""
    x, y = find_on_screen(app, text, left=left, right=right)
    await pilot.click(offset=(x, y))
    await pilot.click(offset=(x + len(text) // 2, y))
    await pilot.pause()


def still_running(app: BriefingApp) -> bool:
    return app.is_running and app.return_code is None


# --- files with markup, through every reader -------------------------------------------


def hostile_files(tmp_path: Path) -> dict[str, Path]:
    text = (
        f"{STYLE} title\n\n{LINK} heading\n\nA paragraph with {UNBALANCED} tag.\n\n"
        f"Click {ACTION} here, {STYLE} there.\n"
    )
    markdown = (
        f"# {STYLE} title\n\n## {LINK} heading\n\nA paragraph with {UNBALANCED} tag.\n\n"
        f"Click {ACTION} here, {STYLE} there.\n"
    )
    files = {
        ".txt": text,
        "": text,
        ".md": markdown,
        ".json": export(hostile_briefing(), "json"),
    }
    paths = {}
    for suffix, content in files.items():
        path = tmp_path / f"markup{suffix}"
        path.write_text(content, encoding="utf-8")
        paths[suffix] = path
    return paths


@pytest.mark.parametrize("suffix", [".txt", ".md", ".json", ""])
def test_readers_keep_markup_as_text(tmp_path: Path, suffix: str) -> None:
    briefing = load_briefing(hostile_files(tmp_path)[suffix])
    words = " ".join([briefing.title, *(s.heading or "" for s in briefing.sections)])
    words += " ".join(p.text for p in briefing.paragraphs())
    for markup in MARKUP:
        assert markup in words


@pytest.mark.parametrize("suffix", [".txt", ".md", ".json", ""])
async def test_text_view_shows_markup_literally_and_clicks_do_nothing(tmp_path: Path, suffix: str) -> None:
    app = create_app(load_briefing(hostile_files(tmp_path)[suffix]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        shown = "\n".join(view.render_line(y).text for y in range(view.scrollable_content_region.height))
        for markup in MARKUP:
            assert markup in shown
        await click_text(pilot, app, ACTION)
        assert still_running(app)
        await pilot.press("G", "g", "space", "b")
        await click_text(pilot, app, ACTION)
        assert still_running(app)
        await pilot.press("slash")
        app.query_one(SearchBar).input.value = "[/]"
        await pilot.press("enter")
        await pilot.pause()
        for start, end in view.highlights.title:  # the title is searched too, and comes first
            assert app.reader.briefing.title[start:end] == "[/]"
            await pilot.press("n")
        assert view.highlights.current is not None
        unit, start, end = view.highlights.current
        assert view.units[unit].text[start:end] == "[/]"
        assert still_running(app)


# --- every pane, the title bar, the command palette ------------------------------------


async def test_title_bar_shows_markup_literally() -> None:
    app = create_app(hostile_briefing())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        title_bar = screen_text(app)[0]
        assert f"{STYLE} and {ACTION}" in title_bar
        assert LINK in title_bar  # the outlet
        await click_text(pilot, app, ACTION)
        assert still_running(app)


async def test_outline_labels_show_markup_literally() -> None:
    app = create_app(hostile_briefing())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        outline = app.query_one(Outline)
        labels = tree_labels(outline.root)
        for heading in (ACTION, UNBALANCED, LINK):
            assert heading in labels
        assert "? Will it hold [/]?" in labels
        width = outline.region.right
        for heading in (ACTION, UNBALANCED, LINK):
            assert find_on_screen(app, heading, right=width)
            await click_text(pilot, app, heading, right=width)
            assert still_running(app)


async def test_sources_show_markup_literally() -> None:
    app = create_app(hostile_briefing())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert on_screen(app, "[@click=app.quit]Zed[/]")
        assert on_screen(app, "[b]boss[/] of [/]")
        assert on_screen(app, LINK)
        listing = app.query_one(SourceList)
        listing.focus()  # see test_clicking_an_unfocused_source_selects_it
        await pilot.pause()
        x, y = find_on_screen(app, "[@click=app.quit]Zed[/]", left=listing.region.x)
        await pilot.click(offset=(x + 3, y))
        await pilot.pause()
        assert still_running(app)
        assert app.query_one(SourcesPane).selected == "zed"
        here = str(app.query_one("#sources-here", Static).render())
        assert here.startswith("This paragraph: [@click=app.quit]Zed[/]")


async def test_clicking_an_unfocused_source_selects_it() -> None:
    app = create_app(hostile_briefing())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        listing = app.query_one(SourceList)
        x, y = find_on_screen(app, "[@click=app.quit]Zed[/]", left=listing.region.x)
        await pilot.click(offset=(x + 3, y))
        await pilot.pause()
        assert app.query_one(SourcesPane).selected == "zed"


async def test_command_palette_lists_headings_and_sources_literally() -> None:
    app = create_app(hostile_briefing())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.reader.action_go_to_section()
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        prompts = palette_prompts(app)
        for heading in (ACTION, UNBALANCED, LINK):
            assert any(prompt.startswith(heading) for prompt in prompts), prompts
        await pilot.press("escape")
        app.reader.action_go_to_source()
        await pilot.pause(0.3)
        prompts = palette_prompts(app)
        for name in ("[@click=app.quit]Zed[/]", LINK):
            assert any(prompt.startswith(name) for prompt in prompts), prompts


@pytest.mark.parametrize(("query", "heading"), [("unb", UNBALANCED), ("link", LINK), ("cli", ACTION)])
async def test_command_palette_search_results_show_markup_literally(query: str, heading: str) -> None:
    app = create_app(hostile_briefing())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.reader.action_go_to_section()
        await pilot.pause(0.3)
        await pilot.press(*query)
        await pilot.pause(0.5)
        prompts = palette_prompts(app)
        assert any(prompt.startswith(heading) for prompt in prompts), prompts


async def test_clicking_a_palette_result_does_not_run_markup() -> None:
    app = create_app(hostile_briefing())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.reader.action_go_to_section()
        await pilot.pause(0.3)
        await pilot.press(*"cli")
        await pilot.pause(0.5)
        # With the bug the heading shows as a bare "z" that quits the app when clicked.
        for y, line in enumerate(screen_text(app)):
            if line.strip() in ("z", ACTION):
                await pilot.click(offset=(line.index(line.strip()), y))
                break
        await pilot.pause()
        assert still_running(app)
        assert on_screen(app, ACTION)


# --- notices -------------------------------------------------------------------------------


def front_matter_file(tmp_path: Path, published: str) -> Path:
    path = tmp_path / "front.md"
    path.write_text(
        f"---\ntitle: T\npublished: {published}\n---\n\nAccording to Bob Smith, x.\n", encoding="utf-8"
    )
    return path


def test_a_bad_date_in_front_matter_is_kept_as_a_notice(tmp_path: Path) -> None:
    briefing = load_briefing(front_matter_file(tmp_path, ACTION))
    assert briefing.published is None
    assert any(ACTION in notice for notice in briefing.notices)


@pytest.mark.parametrize("published", [UNBALANCED, ACTION, STYLE])
async def test_notice_with_markup_is_shown_literally(tmp_path: Path, published: str) -> None:
    app = create_app(load_briefing(front_matter_file(tmp_path, published)))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.query(Toast)]
        assert any(published in toast for toast in toasts), toasts
        assert still_running(app)


async def test_clicking_a_notice_does_not_run_markup(tmp_path: Path) -> None:
    app = create_app(load_briefing(front_matter_file(tmp_path, "[@click=app.quit]quit-now[/]")))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        toast = app.query_one(Toast).region
        # The meta line of the text view shows the notice too (literally): click the toast's.
        x, y = next(
            (line.index("quit-now"), y)
            for y, line in enumerate(screen_text(app))
            if "quit-now" in line and toast.contains(line.index("quit-now"), y)
        )
        await pilot.click(offset=(x + 1, y))
        await pilot.pause()
        assert still_running(app)
