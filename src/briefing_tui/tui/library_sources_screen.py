"""Sources across the library: each source once, how many briefings cite it, and those briefings."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.library.sources import LibrarySource, sources_matching
from briefing_tui.safe_text import visible
from briefing_tui.tui.library_open import open_in_reader
from briefing_tui.tui.reader_library import Place

__all__ = ["LibrarySourcesScreen"]


class LibrarySourcesScreen(Screen[None]):
    """Every source on the left, most cited first; the briefings citing the highlighted one on the right.

    Enter on a briefing opens it with the source selected, at its first citation; n steps
    through the others. `/` filters the sources as you type, by every word of their names.
    """

    DEFAULT_CSS = """
    LibrarySourcesScreen { layout: vertical; }
    LibrarySourcesScreen #sources-status { height: 1; padding: 0 1; color: $text-muted; }
    LibrarySourcesScreen #sources-filter { border: none; height: 1; padding: 0 1; }
    LibrarySourcesScreen #all-sources { width: 1fr; border: none; }
    LibrarySourcesScreen #citing { width: 1fr; border: none; border-left: solid $foreground 20%; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", id="library_sources.back"),
        Binding("tab", "app.focus_next", "Other list", show=False, id="library_sources.other"),
        Binding("slash", "filter", "Filter", id="library_sources.filter"),
    ]

    SHOWN = 2_000
    """The most sources listed at once; the status line says how many more a filter would reach."""

    def __init__(self, *, database: Path | None = None) -> None:
        super().__init__()
        self.database = database
        """The library database; None for the default one."""
        self.everyone: list[LibrarySource] = []
        """Every source in the library."""
        self.sources: list[LibrarySource] = []
        """The sources the filter lets through, in the list's order."""

    def compose(self) -> ComposeResult:
        yield Static("Reading the sources of every briefing…", id="sources-status")
        yield Input(placeholder="/ to filter by name, alias or kind", id="sources-filter", disabled=True)
        with Horizontal():
            yield OptionList(id="all-sources")
            yield OptionList(id="citing")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Sources across the library"
        self.query_one("#all-sources", OptionList).focus()
        self._load()

    @work(thread=True, exclusive=True, group="sources")
    def _load(self) -> None:
        from briefing_tui.library.sources import library_sources
        from briefing_tui.library.store import Library, LibraryError

        try:
            with Library(self.database) as library:
                sources = library_sources(library)
        except LibraryError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._show, sources)

    def _failed(self, message: str) -> None:
        self.query_one("#sources-status", Static).update(Text(visible(message), style="bold red"))

    def _show(self, sources: list[LibrarySource]) -> None:
        self.everyone = sources
        self.query_one("#sources-filter", Input).disabled = False
        self._list(sources_matching(sources, self.query_one("#sources-filter", Input).value))

    def _list(self, sources: list[LibrarySource]) -> None:
        self.sources = sources[: self.SHOWN]
        self.query_one("#sources-status", Static).update(Text(self._status(len(sources))))
        listing = self.query_one("#all-sources", OptionList)
        listing.clear_options()
        listing.add_options(Option(_source_prompt(each), id=str(i)) for i, each in enumerate(self.sources))
        if self.sources:
            listing.highlighted = 0
        else:
            self.query_one("#citing", OptionList).clear_options()

    def _status(self, matching: int) -> str:
        everyone = len(self.everyone)
        found = f"{everyone} sources" if matching == everyone else f"{matching} of {everyone} sources"
        if matching > len(self.sources):
            found += f", the first {len(self.sources)} shown: type / to narrow"
        return f"{found} · Enter on a briefing opens it at the source's citations"

    @on(Input.Changed, "#sources-filter")
    def _filtered(self, event: Input.Changed) -> None:
        self._list(sources_matching(self.everyone, event.value))

    @on(Input.Submitted, "#sources-filter")
    def _filter_done(self) -> None:
        self.query_one("#all-sources", OptionList).focus()

    def action_filter(self) -> None:
        """Type to narrow the sources."""
        self.query_one("#sources-filter", Input).focus()

    @on(OptionList.OptionHighlighted, "#all-sources")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is None:
            return
        source = self.sources[int(event.option.id)]
        citing = self.query_one("#citing", OptionList)
        citing.clear_options()
        citing.add_options(
            [
                Option(
                    Text.assemble((f"{citation.count:>3}× ", "bold"), visible(citation.title)),
                    id=f"{event.option.id}:{index}",
                )
                for index, citation in enumerate(source.citations)
            ]
        )
        if source.citations:
            citing.highlighted = 0

    @on(OptionList.OptionSelected, "#all-sources")
    def _to_briefings(self) -> None:
        self.query_one("#citing", OptionList).focus()

    @on(OptionList.OptionSelected, "#citing")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        source_index, _, citation_index = event.option.id.partition(":")
        citation = self.sources[int(source_index)].citations[int(citation_index)]
        open_in_reader(self, Path(citation.path), Place(source_id=citation.source_id))

    def action_back(self) -> None:
        """Back to the list of sources (leaving the filter clears it), or from there to the library."""
        typed = self.query_one("#sources-filter", Input)
        if self.focused is self.query_one("#citing", OptionList):
            self.query_one("#all-sources", OptionList).focus()
        elif self.focused is typed:
            typed.value = ""
            self.query_one("#all-sources", OptionList).focus()
        else:
            self.dismiss()


def _source_prompt(source: LibrarySource) -> Text:
    text = Text(visible(source.name), style="bold")
    text.append(f"  {source.kind.replace('_', ' ')}", style="dim")
    plural = "s" if source.briefings != 1 else ""
    text.append(f"\n  {source.briefings} briefing{plural}, {source.total} citations")
    if source.aliases:
        text.append(f" · also {visible(', '.join(source.aliases))}", style="dim italic")
    return text
