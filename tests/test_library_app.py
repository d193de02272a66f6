"""The library in the app, through the Pilot: a folder opens as a library, search and sources
across briefings open readers where they point, and a briefing that changes is marked."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Static

from briefing_tui.library import Library
from briefing_tui.library.commands import add_paths
from briefing_tui.load import load_briefing
from briefing_tui.model import Briefing
from briefing_tui.tui.app import BriefingApp, LibraryStart, ReaderOptions, create_app, create_library_app
from briefing_tui.tui.changes_screen import ChangesScreen
from briefing_tui.tui.library_screen import LibraryScreen
from briefing_tui.tui.library_search_screen import LibrarySearchScreen
from briefing_tui.tui.library_sources_screen import LibrarySourcesScreen
from briefing_tui.tui.reader import ReaderScreen
from briefing_tui.tui.reader_library import ReaderLibrary
from briefing_tui.tui.sources_pane import SourceList, SourcesPane
from library_texts import briefing_text, write_briefing, write_folder

WIDE = (120, 40)


async def _until(pilot: Pilot[None], condition: object, seconds: float = 10.0) -> None:
    """Pause until ``condition()`` holds (workers and timers finish in their own time)."""
    for _ in range(int(seconds / 0.05)):
        if condition():  # type: ignore[operator]
            return
        await pilot.pause(0.05)
    raise AssertionError("condition never held")


def _rows(app: BriefingApp) -> list[str]:
    table: DataTable[object] = app.screen.query_one("#briefings", DataTable)
    return [str(table.get_row_at(index)[0]) for index in range(table.row_count)]


def _library_of(folder: Path) -> BriefingApp:
    """The library app over every briefing of ``folder``, added before it starts."""
    with Library() as library:
        add_paths(library, [folder], lambda _: None, lambda _: None)
    return create_library_app()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_folder(tmp_path / "briefings", 8)
    return tmp_path / "briefings"


async def test_a_folder_opens_as_the_library_filters_as_you_type_and_opens_a_reader(folder: Path) -> None:
    app = create_library_app(LibraryStart(folder=folder))
    async with app.run_test(size=WIDE) as pilot:
        assert isinstance(app.screen, LibraryScreen)
        await _until(pilot, lambda: len(_rows(app)) == 8)
        assert _rows(app) == sorted(_rows(app), key=str.casefold)
        await pilot.press(*"river")
        await _until(pilot, lambda: len(_rows(app)) == 2)
        assert all("river" in row for row in _rows(app))
        await pilot.press("enter", "enter")
        await _until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert "river accord" in app.reader.briefing.title
        await pilot.press("backspace")
        await _until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        status = app.screen.query_one("#status", Static)
        assert "2 briefings" in str(status.render())
        table: DataTable[object] = app.screen.query_one("#briefings", DataTable)
        await _until(pilot, lambda: str(table.get_row_at(table.cursor_row)[5]) != "unread")


async def test_the_table_sorts_by_column(folder: Path) -> None:
    app = create_library_app(LibraryStart(folder=folder))
    async with app.run_test(size=WIDE) as pilot:
        await _until(pilot, lambda: len(_rows(app)) == 8)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert _rows(app) == sorted(_rows(app), key=str.casefold, reverse=True)
        screen.sort = "paragraphs"
        await pilot.pause()
        assert "sorted by ¶" in str(screen.query_one("#status", Static).render())


async def test_the_library_is_the_start_screen_only_with_more_than_one_briefing(folder: Path) -> None:
    from briefing_tui.tui.launch import library_to_start

    assert not library_to_start()  # no database yet: and none is made
    with Library() as library:
        library.add_file(folder / "briefing-00.txt")
        assert not library_to_start()
        library.add_file(folder / "briefing-01.txt")
    assert library_to_start()


async def test_search_across_briefings_opens_a_hit_at_its_match(folder: Path) -> None:
    app = _library_of(folder)
    async with app.run_test(size=WIDE) as pilot:
        await _until(pilot, lambda: len(_rows(app)) == 8)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, LibrarySearchScreen)
        await pilot.press(*'"draft text number 6"')
        screen = app.screen
        assert isinstance(screen, LibrarySearchScreen)
        await _until(pilot, lambda: screen.result is not None and len(screen.result.hits) == 1)
        hits = screen.query_one("#hits", OptionList)
        assert "number 6" in str(hits.get_option_at_index(0).prompt)
        await pilot.press("enter", "enter")
        await _until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.reader
        view = reader.text_view
        await _until(pilot, lambda: view.cursor_unit > 0)
        unit = view.units[view.cursor_unit]
        assert unit.paragraph is not None
        assert "draft text number 6" in unit.paragraph.text
        # The match is lit where the hit pointed, and n steps on through the briefing's others.
        await _until(pilot, lambda: view.highlights.current is not None)
        current = view.highlights.current
        assert current is not None
        lit_unit, start, end = current
        assert view.units[lit_unit].text[start:end].lower() == "draft text number 6"
        assert reader.status_line.activity.startswith("[")


async def test_a_malformed_query_is_said_in_one_line(folder: Path) -> None:
    with Library() as library:
        add_paths(library, [folder], lambda _: None, lambda _: None)
    app = create_library_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*'"unclosed')
        screen = app.screen
        assert isinstance(screen, LibrarySearchScreen)
        await _until(pilot, lambda: screen.result is not None and screen.result.error is not None)
        status = str(screen.query_one("#search-status", Static).render())
        assert status.startswith("bad query") and "\n" not in status


async def test_sources_across_briefings_open_a_reader_at_the_citations(folder: Path) -> None:
    app = _library_of(folder)
    async with app.run_test(size=WIDE) as pilot:
        await _until(pilot, lambda: len(_rows(app)) == 8)
        await pilot.press("S")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibrarySourcesScreen)
        await _until(pilot, lambda: bool(screen.sources))
        top = screen.sources[0]
        assert top.briefings == 8  # every briefing quotes "two officials familiar with the talks"
        citing = screen.query_one("#citing", OptionList)
        await _until(pilot, lambda: citing.option_count == top.briefings)
        await pilot.press("enter", "enter")
        await _until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.reader
        await _until(pilot, lambda: reader.query_one(SourcesPane).selected == top.citations[0].source_id)
        unit = reader.text_view.units[reader.text_view.cursor_unit]
        assert unit.paragraph is not None
        assert any(a.source_id == top.citations[0].source_id for a in unit.paragraph.attributions)


async def test_sources_across_the_library_filter_as_you_type(folder: Path) -> None:
    app = _library_of(folder)
    async with app.run_test(size=WIDE) as pilot:
        await _until(pilot, lambda: len(_rows(app)) == 8)
        await pilot.press("S")
        screen = app.screen
        assert isinstance(screen, LibrarySourcesScreen)
        await _until(pilot, lambda: bool(screen.sources))
        everyone = len(screen.sources)
        listing = screen.query_one("#all-sources", OptionList)
        await pilot.press("slash", *"vey")
        await _until(pilot, lambda: [source.name for source in screen.sources] == ["Tomas Vey"])
        assert listing.option_count == 1
        status = str(screen.query_one("#sources-status", Static).render())
        assert status.startswith(f"1 of {everyone} sources")
        await pilot.press("enter")
        assert screen.focused is listing
        await pilot.press("slash", "escape")
        await _until(pilot, lambda: len(screen.sources) == everyone)
        assert screen.focused is listing
        await pilot.press("escape")
        await _until(pilot, lambda: isinstance(app.screen, LibraryScreen))


def _touch_later(path: Path) -> None:
    # Some file systems keep whole-second times: make sure the change is seen.
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 2_000_000_000))


async def test_a_file_changed_while_open_is_marked_and_the_position_kept(tmp_path: Path) -> None:
    path = write_briefing(tmp_path / "live.txt", 3)
    app = create_app(load_briefing(path), ReaderOptions(path=path))
    async with app.run_test(size=WIDE) as pilot:
        reader = app.reader
        view = reader.text_view
        last = len(view.units) - 1
        view.go_to_unit(last)
        await pilot.pause()
        here = view.units[view.cursor_unit].paragraph
        assert here is not None
        inserted = "A spokesperson for the ferry operator said sailings would resume at dawn."
        edited = briefing_text(3, extra=inserted).replace("forty pages", "fifty pages")
        path.write_text(edited, encoding="utf-8")
        _touch_later(path)
        await _until(pilot, lambda: reader.library.diff is not None)
        diff = reader.library.diff
        assert diff is not None
        assert {change.kind for change in diff.changes} == {"new", "changed"}
        view = reader.text_view
        await _until(pilot, lambda: view.cursor_unit >= 0)
        marked = [view.units[unit].paragraph for unit in reader.library.change_units]
        assert [p.text for p in marked if p is not None] == [
            inserted,
            next(p.text for p in reader.briefing.paragraphs() if "fifty pages" in p.text),
        ]
        if hasattr(view, "changed_units"):
            assert list(view.changed_units()) == reader.library.change_units
        # The reader is still at the paragraph they were reading.
        now = view.units[view.cursor_unit].paragraph
        assert now is not None and now.text == here.text
        assert view.cursor_unit == last + 1
        sources = reader.query_one(SourceList)
        assert any(
            " new" in _plain(sources.get_option_at_index(i).prompt) for i in range(sources.option_count)
        )
        await pilot.press("c")
        await pilot.pause()
        assert view.cursor_unit == reader.library.change_units[0]
        await pilot.press("c")
        await pilot.pause()
        assert view.cursor_unit == reader.library.change_units[1]
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ChangesScreen)
        assert "1 new, 1 changed" in str(app.screen.query_one("#changes", Static).render())


async def test_a_briefing_reopened_changed_shows_what_changed_since_it_was_read(tmp_path: Path) -> None:
    path = write_briefing(tmp_path / "daily.txt", 4)
    first = create_app(load_briefing(path), ReaderOptions(path=path))
    async with first.run_test(size=WIDE) as pilot:
        await _until(pilot, lambda: _read(path))
    write_briefing(path, 4, extra="By evening the commission had published a revised timetable.")
    again = create_app(load_briefing(path), ReaderOptions(path=path))
    async with again.run_test(size=WIDE) as pilot:
        reader = again.reader
        await _until(pilot, lambda: reader.library.diff is not None)
        assert reader.library.diff is not None
        assert [change.kind for change in reader.library.diff.changes] == ["new"]
        assert len(reader.library.change_units) == 1


def _read(path: Path) -> bool:
    with Library() as library:
        number = library.find(path)
        return number is not None and library.row(number).last_read is not None


async def test_a_reader_without_a_file_never_touches_the_library(tmp_path: Path) -> None:
    briefing = load_briefing(write_briefing(tmp_path / "x.txt", 1))
    app = create_app(briefing)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.reader.library, ReaderLibrary)
    assert not Path(os.environ["BRIEFING_TUI_DATA_DIR"], "library.sqlite3").exists()


async def test_a_file_opens_and_reads_without_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    prefixes = ("sqlite3", "_sqlite3", "briefing_tui.library")
    loaded = [name for name in sys.modules if name.startswith(prefixes)]
    for name in loaded:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "sqlite3", None)  # importing it now raises ImportError
    path = write_briefing(tmp_path / "plain.txt", 2)
    app = create_app(load_briefing(path), ReaderOptions(path=path))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause(0.5)
        assert app.is_running
        assert app.reader.text_view.units
        await pilot.press("j", "c")
        await pilot.pause()
        assert app.is_running


async def test_a_briefing_analysed_after_opening_is_stored_with_its_analysis(tmp_path: Path) -> None:
    from briefing_tui.ingest import read_briefing

    path = write_briefing(tmp_path / "long.txt", 3)
    app = create_app(read_briefing(path), ReaderOptions(analysed=False, path=path))

    def stored_analysed() -> bool:
        with Library() as library:
            rows = library.connection.execute("SELECT analysed, sources FROM briefings").fetchall()
        return rows == [(1, len(load_briefing(path).sources))]

    async with app.run_test(size=WIDE) as pilot:
        await _until(pilot, lambda: app.reader.analysed)
        await _until(pilot, stored_analysed)


def _stored(path: Path) -> list[tuple[int, int]]:
    """Whether the library holds ``path``'s briefing: its (analysed, last read) flags, if it does."""
    with Library() as library:
        rows = library.connection.execute(
            "SELECT analysed, last_read IS NOT NULL FROM briefings WHERE path = ?", (str(path.resolve()),)
        ).fetchall()
    return [(int(analysed), int(read)) for analysed, read in rows]


async def test_a_briefing_analysed_after_opening_is_stored_once_when_the_analysis_arrives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from briefing_tui import analysis
    from briefing_tui.ingest import read_briefing

    release = threading.Event()
    real = analysis.analyse

    def held(briefing: Briefing) -> Briefing:
        release.wait(30)
        return real(briefing)

    path = write_briefing(tmp_path / "long.txt", 5)
    # Read before, then changed: what changed is still announced, once the analysis is in.
    with Library() as library:
        library.mark_read(library.add_file(path).briefing_id)
    write_briefing(path, 5, extra="Late on Friday the envoys agreed a second round of talks.")
    # Held only from here: adding the file above analyses it too, and would wait out the hold.
    monkeypatch.setattr("briefing_tui.analysis.analyse", held)
    app = create_app(read_briefing(path), ReaderOptions(analysed=False, path=path))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause(1.0)
        assert app.reader.library.diff is None
        assert _stored(path) == [(1, 1)]  # still the version read before, not stored as read
        release.set()
        await _until(pilot, lambda: app.reader.library.diff is not None)
        assert app.reader.library.diff is not None
        assert [change.kind for change in app.reader.library.diff.changes] == ["new"]
        await _until(pilot, lambda: _stored(path) == [(1, 1)] and _read_version_gone(path))


def _read_version_gone(path: Path) -> bool:
    with Library() as library:
        number = library.find(path)
        return number is not None and library.read_version(number) is None


async def test_a_briefing_whose_analysis_failed_is_stored_as_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui.ingest import read_briefing

    def failing(briefing: Briefing) -> Briefing:
        raise RuntimeError("no lexicon")

    monkeypatch.setattr("briefing_tui.analysis.analyse", failing)
    path = write_briefing(tmp_path / "long.txt", 6)
    app = create_app(read_briefing(path), ReaderOptions(analysed=False, path=path))
    async with app.run_test(size=WIDE) as pilot:
        await _until(pilot, lambda: _stored(path) == [(0, 1)])


def _plain(renderable: object) -> str:
    """What a list entry reads as on screen (entries are Rich tables, not strings)."""
    console = Console(width=60, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()
