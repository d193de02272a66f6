"""The library screen: every briefing in the library, sortable and filtered as you type."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Key
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import get_current_worker

from briefing_tui.library.store import PAGE, BriefingRow, Library, LibraryError, SortKey
from briefing_tui.safe_text import visible
from briefing_tui.tui.library_open import open_in_reader

__all__ = ["COLUMNS", "TITLE_WIDTH", "LibraryScreen"]

COLUMNS: tuple[tuple[SortKey, str], ...] = (
    ("title", "Title"),
    ("outlet", "Outlet"),
    ("published", "Date"),
    ("paragraphs", "¶"),
    ("sources", "Sources"),
    ("last_read", "Last read"),
    ("updated", "Updated"),
)
"""The table's columns: what each sorts by, and its heading."""
TITLE_WIDTH = 56
"""The most cells the title column takes; longer titles end in an ellipsis."""
_OTHER_COLUMNS = 66
_MORE_AT = 20


class LibraryScreen(Screen[None]):
    """The briefings of the library (or of one folder of it) in a table.

    Type to filter by title or outlet; Enter opens the highlighted briefing in a reader,
    and Backspace or Escape there comes back. Only one page of rows is read at a time;
    the next is read as the cursor nears the end.
    """

    DEFAULT_CSS = """
    LibraryScreen { layout: vertical; }
    LibraryScreen > #filter { dock: top; border: none; height: 1; padding: 0 1; background: $panel; }
    LibraryScreen > #status { height: 1; padding: 0 1; color: $text-muted; background: $panel; }
    LibraryScreen > DataTable { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search all", id="library.search", priority=True),
        Binding("S", "sources", "Sources", id="library.sources"),
        Binding("ctrl+s", "sort", "Sort by next", id="library.sort"),
        Binding("ctrl+r", "reverse", "Reverse", id="library.reverse"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear"),
        Binding("question_mark", "help", "Help", id="library.help"),
    ]

    sort: reactive[SortKey] = reactive[SortKey]("title", init=False)
    """The column the rows are sorted by."""
    descending: reactive[bool] = reactive(False, init=False)
    """Whether the sort runs from the largest (or latest) down."""

    def __init__(self, *, folder: Path | None = None, database: Path | None = None) -> None:
        super().__init__()
        self.folder = folder
        """The folder whose briefings are shown (and added on opening); None for the whole library."""
        self.database = database
        """The library database; None for the default one."""
        self._library: Library | None = None
        self._loaded = 0
        self._total = 0
        self._filter = ""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Type to filter by title or outlet", id="filter")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="briefings")
        yield Static(id="status")
        yield Footer()

    @property
    def table(self) -> DataTable[Text]:
        """The table of briefings."""
        return self.query_one("#briefings", DataTable)

    def on_mount(self) -> None:
        self.title = visible(f"Library · {self.folder}" if self.folder else "Library")
        table = self.table
        title_width = _title_width(self.app.size.width)
        for key, label in COLUMNS:
            table.add_column(label, key=key, width=title_width if key == "title" else None)
        try:
            self._library = Library(self.database)
        except LibraryError as error:
            self.query_one("#status", Static).update(Text(visible(str(error)), style="bold red"))
            return
        table.focus()  # first: a change of focus repaints every cell of the table
        self.reload()
        if self.folder is not None:
            self._add_folder(self.folder)

    def on_unmount(self) -> None:
        if self._library is not None:
            self._library.close()

    def on_screen_resume(self) -> None:
        # A briefing just read has a new "last read".
        if self._library is not None and self._loaded:
            self.reload(keep_cursor=True)

    # --- rows ------------------------------------------------------------------------

    def reload(self, *, keep_cursor: bool = False) -> None:
        """Read the first page of rows again, for the current filter and sort."""
        if self._library is None:
            return
        table = self.table
        row = table.cursor_row if keep_cursor else 0
        table.clear()
        self._loaded = 0
        self._total = self._library.count(self._filter, under=self.folder)
        self._load_more(max(PAGE, row + 1))
        if self._loaded and row:
            table.move_cursor(row=min(row, self._loaded - 1), animate=False)
        self._show_status()

    def _load_more(self, count: int = PAGE) -> None:
        assert self._library is not None
        rows = self._library.briefings(
            self._filter,
            sort=self.sort,
            descending=self.descending,
            limit=count,
            offset=self._loaded,
            under=self.folder,
        )
        table = self.table
        for row in rows:
            table.add_row(*_cells(row), key=str(row.id))
        self._loaded += len(rows)

    def _show_status(self) -> None:
        label = dict(COLUMNS)[self.sort]
        direction = "descending" if self.descending else "ascending"
        shown = f"{self._loaded} shown of " if self._loaded < self._total else ""
        text = f"{shown}{self._total} briefings · sorted by {label}, {direction}"
        if not self._total and not self._filter:
            text = "No briefings yet: open one, or add some with 'briefing-tui library add FOLDER'."
        self.query_one("#status", Static).update(Text(text))

    @on(DataTable.RowHighlighted, "#briefings")
    def _near_the_end(self, event: DataTable.RowHighlighted) -> None:
        if self._loaded < self._total and event.cursor_row >= self._loaded - _MORE_AT:
            self._load_more()
            self._show_status()

    @on(DataTable.RowSelected, "#briefings")
    def _open(self, event: DataTable.RowSelected) -> None:
        if self._library is None or event.row_key.value is None:
            return
        row = self._library.row(int(event.row_key.value))
        open_in_reader(self, Path(row.path))

    @on(DataTable.HeaderSelected, "#briefings")
    def _sort_by_header(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        if key == self.sort:
            self.descending = not self.descending
        else:
            self.sort = key  # type: ignore[assignment]

    # --- filter and sort -------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filtered(self, event: Input.Changed) -> None:
        self._filter = event.value
        self.reload()

    @on(Input.Submitted, "#filter")
    def _to_table(self) -> None:
        self.table.focus()

    def on_key(self, event: Key) -> None:
        # Typing in the table filters: the letter goes to the filter line.
        if self.focused is self.table and event.is_printable and event.character:
            if event.character in {"/", "S", "?", "q"}:
                return
            event.stop()
            field = self.query_one("#filter", Input)
            field.focus()
            field.insert_text_at_cursor(event.character)

    def action_clear_filter(self) -> None:
        """Empty the filter and go back to the table."""
        field = self.query_one("#filter", Input)
        if field.value:
            field.value = ""
        self.table.focus()

    def action_sort(self) -> None:
        """Sort by the next column."""
        keys = [key for key, _ in COLUMNS]
        self.sort = keys[(keys.index(self.sort) + 1) % len(keys)]

    def action_reverse(self) -> None:
        """Reverse the order."""
        self.descending = not self.descending

    def watch_sort(self) -> None:
        self.reload()

    def watch_descending(self) -> None:
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search":
            return self.app.screen is self
        return True

    # --- other views -----------------------------------------------------------------

    def action_search(self) -> None:
        """Search across every briefing."""
        from briefing_tui.tui.library_search_screen import LibrarySearchScreen

        self.app.push_screen(LibrarySearchScreen(database=self.database))

    def action_sources(self) -> None:
        """Every source across the library."""
        from briefing_tui.tui.library_sources_screen import LibrarySourcesScreen

        self.app.push_screen(LibrarySourcesScreen(database=self.database))

    def action_help(self) -> None:
        """Show every key of the library's screens."""
        from briefing_tui.tui.help_screen import HelpScreen
        from briefing_tui.tui.library_open import LibraryReader
        from briefing_tui.tui.library_search_screen import LibrarySearchScreen
        from briefing_tui.tui.library_sources_screen import LibrarySourcesScreen

        groups: list[tuple[str, list[BindingType]]] = [
            ("Library (type to filter, Enter opens)", [*self.BINDINGS, *type(self.app).BINDINGS]),
            ("Search all briefings (Enter opens at the match)", LibrarySearchScreen.BINDINGS),
            ("Sources across briefings (Enter opens at the citations)", LibrarySourcesScreen.BINDINGS),
            ("A reader opened from the library", LibraryReader.BINDINGS[-1:]),
        ]
        self.app.push_screen(HelpScreen(groups, getattr(self.app, "keymap", {})))

    # --- adding a folder -------------------------------------------------------------

    @work(thread=True, exclusive=True, group="add")
    def _add_folder(self, folder: Path) -> None:
        from briefing_tui.errors import BriefingError
        from briefing_tui.library.files import briefing_files

        files = list(briefing_files([folder]))
        problems: list[str] = []
        try:
            with Library(self.database) as library:
                for number, path in enumerate(files, 1):
                    if get_current_worker().is_cancelled:
                        return
                    try:
                        library.add_file(path)
                    except LibraryError:
                        raise
                    except BriefingError as error:
                        problems.append(str(error))
                    if number % 10 == 0 or number == len(files):
                        self.app.call_from_thread(self._added, number, len(files))
        except LibraryError as error:
            problems.append(str(error))
        for problem in problems[:5]:
            self.app.call_from_thread(self._problem, problem)

    def _added(self, done: int, total: int) -> None:
        self.reload(keep_cursor=True)
        if done < total:
            self.query_one("#status", Static).update(Text(f"Adding the folder's briefings… {done}/{total}"))

    def _problem(self, message: str) -> None:
        self.notify(visible(message), title="Not added", severity="warning", timeout=8, markup=False)


def _cells(row: BriefingRow) -> list[Text]:
    updated = Text("● changed", style="bold yellow") if row.unread_update else Text(_date(row.updated))
    return [
        Text(visible(row.title), overflow="ellipsis", no_wrap=True),
        Text(visible(row.outlet or "")),
        Text(visible(row.published or "")),
        Text(str(row.paragraphs), justify="right"),
        Text(str(row.sources), justify="right"),
        Text(_date(row.last_read), "") if row.last_read is not None else Text("unread", "dim"),
        updated,
    ]


def _title_width(screen_width: int) -> int:
    # The other columns take about _OTHER_COLUMNS cells; the title has what is left.
    return max(20, min(TITLE_WIDTH, screen_width - _OTHER_COLUMNS))


def _date(seconds: float) -> str:
    """A time as short as it can be and still be read: today's hour, this year's day, or the date."""
    when = dt.datetime.fromtimestamp(seconds)
    now = dt.datetime.now()
    if when.date() == now.date():
        return when.strftime("%H:%M")
    if when.year == now.year:
        return when.strftime("%b %d")
    return when.strftime("%Y-%m-%d")
