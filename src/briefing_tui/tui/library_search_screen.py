"""Search across every briefing in the library, and open a hit at its match."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefing_tui.library.search import LibraryHit, LibrarySearch
from briefing_tui.safe_text import visible
from briefing_tui.tui.library_open import open_in_reader
from briefing_tui.tui.reader_library import Place

__all__ = ["LibrarySearchScreen"]

_PLACEHOLDER = 'Search all briefings: words, "a phrase", prefix*, AND / OR / NOT'


class LibrarySearchScreen(Screen[None]):
    """A query line over the ranked hits: each hit's briefing, section and snippet.

    The query is FTS5's syntax (phrases, prefixes, AND / OR / NOT); a malformed one is
    said in one line under it. Enter on a hit opens its briefing at the match.
    """

    DEFAULT_CSS = """
    LibrarySearchScreen { layout: vertical; }
    LibrarySearchScreen > #query { border: none; height: 1; padding: 0 1; background: $panel; }
    LibrarySearchScreen > #search-status { height: 1; padding: 0 1; color: $text-muted; }
    LibrarySearchScreen > #hits { height: 1fr; border: none; }
    LibrarySearchScreen .library-search--match { background: $warning 40%; text-style: bold; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"library-search--match"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="library_search.back"),
        Binding("down", "to_hits", "Hits", show=False, id="library_search.to_hits"),
    ]

    def __init__(self, *, database: Path | None = None, query: str = "") -> None:
        super().__init__()
        self.database = database
        """The library database; None for the default one."""
        self._initial = query
        self.result: LibrarySearch | None = None
        """The hits on show."""

    def compose(self) -> ComposeResult:
        yield Input(self._initial, placeholder=_PLACEHOLDER, id="query")
        yield Static(id="search-status")
        yield OptionList(id="hits")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Search the library"
        self.query_one("#query", Input).focus()
        if self._initial:
            self._search(self._initial)

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        self.action_to_hits()

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        # A thread: a broad query over a large library must not hold up typing.
        from briefing_tui.library.search import search_library
        from briefing_tui.library.store import Library, LibraryError

        try:
            with Library(self.database) as library:
                result = search_library(library, query)
        except LibraryError as error:
            result = LibrarySearch(query, error=str(error))
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, result)

    def _show(self, result: LibrarySearch) -> None:
        self.result = result
        status = self.query_one("#search-status", Static)
        hits = self.query_one("#hits", OptionList)
        hits.clear_options()
        if result.error is not None:
            status.update(Text(visible(result.error), style="bold red"))
            return
        if not result.query.strip():
            status.update(Text(""))
            return
        count = len(result.hits)
        status.update(Text(_counted(result)))
        match_style = self.get_component_rich_style("library-search--match", partial=True)
        hits.add_options(
            [Option(_prompt(hit, match_style), id=str(index)) for index, hit in enumerate(result.hits)]
        )
        if count:
            hits.highlighted = 0

    @on(OptionList.OptionSelected, "#hits")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if self.result is None or event.option.id is None:
            return
        hit = self.result.hits[int(event.option.id)]
        open_in_reader(self, Path(hit.path), Place(hit.paragraph_id, hit.offset, search=hit.pattern))

    def action_to_hits(self) -> None:
        """Move to the list of hits."""
        hits = self.query_one("#hits", OptionList)
        if hits.option_count:
            hits.focus()

    def action_back(self) -> None:
        """Back to the query line, or from there to the library."""
        if self.focused is not self.query_one("#query", Input):
            self.query_one("#query", Input).focus()
        else:
            self.dismiss()


def _counted(result: LibrarySearch) -> str:
    count = len(result.hits)
    if not count:
        return "No matches"
    plural = "es" if count != 1 else ""
    if result.ranked:
        return f"{count} best match{plural}"
    return f"{count} newest match{plural}: too many paragraphs match to rank; add a word to narrow it"


def _prompt(hit: LibraryHit, match_style: object) -> Text:
    text = Text(visible(hit.title), style="bold")
    if hit.section:
        text.append(f" · {visible(hit.section)}", style="dim")
    snippet = Text("\n  " + visible(hit.snippet))
    for start, end in hit.spans:
        snippet.stylize(match_style, start + 3, end + 3)  # type: ignore[arg-type]
    text.append_text(snippet)
    return text
