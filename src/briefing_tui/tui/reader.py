"""The reader: outline, full text and sources of one briefing, driven from the keyboard like less."""

from __future__ import annotations

import gc
from collections.abc import Mapping
from pathlib import Path
from time import monotonic
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input
from textual.worker import get_current_worker

from briefing_tui.model import Briefing, SectionKind
from briefing_tui.paragraph_kinds import paragraphs_of_kind
from briefing_tui.safe_text import visible
from briefing_tui.search import SearchResult
from briefing_tui.state import StateStore
from briefing_tui.tui.commands import SectionCommands, SourceCommands
from briefing_tui.tui.help_screen import HelpScreen
from briefing_tui.tui.labels import KIND_KEYS, SECTION_KINDS
from briefing_tui.tui.memory import ReadingMemory
from briefing_tui.tui.outline import Outline
from briefing_tui.tui.search_bar import SearchBar
from briefing_tui.tui.search_session import SearchSession
from briefing_tui.tui.sources_pane import SourceList, SourcesPane
from briefing_tui.tui.stepper import Stepper
from briefing_tui.tui.text_view import BriefingText, Highlights
from briefing_tui.tui.title_bar import TitleBar
from briefing_tui.tui.web_keys import browser_alternatives

__all__ = ["NARROW", "PROGRESS_INTERVAL", "ReaderScreen"]

NARROW = 110
"""Below this many columns the side panes start hidden; a key shows each one."""
PROGRESS_INTERVAL = 0.125
"""Seconds between updates of the analysis progress in the outline."""


class ReaderScreen(Screen[None]):
    """Read one briefing: outline by kind on the left, text in the middle, sources on the right.

    A screen, so that the app, a library of briefings or a web session can push a reader
    and pop back to where they were.
    """

    DEFAULT_CSS = """
    ReaderScreen { layout: vertical; }
    #panes { height: 1fr; }
    #outline { width: 30; }
    #sources { width: 32; }
    #outline, #sources, #outline > *, #sources > * { background: $panel; }
    #outline:focus, #sources:focus-within, #sources:focus-within > * { background: $panel-lighten-1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.focus_next", "Next pane", show=False, id="app.next_pane"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="app.previous_pane"),
        # Priority, so the bar has focus before the keys typed right after "/" are routed.
        Binding("slash", "search", "Search", id="app.search", priority=True),
        Binding("n", "step(1)", "Next", id="app.next"),
        Binding("N", "step(-1)", "Previous", show=False, id="app.previous"),
        Binding("right_square_bracket", "section(1)", "Section", id="app.next_section"),
        Binding(
            "left_square_bracket", "section(-1)", "Previous section", show=False, id="app.previous_section"
        ),
        *(
            Binding(
                key, f"kind('{kind.value}')", SECTION_KINDS[kind], show=False, id=f"app.kind_{kind.value}"
            )
            for key, kind in KIND_KEYS.items()
        ),
        Binding("o", "toggle_pane('outline')", "Outline", id="app.toggle_outline"),
        Binding("s", "toggle_pane('sources')", "Sources", id="app.toggle_sources"),
        Binding("escape", "clear", "Clear", show=False, id="app.clear"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("F", "furniture", "Set-aside text", show=False, id="app.furniture"),
    ]

    outline_visible: reactive[bool] = reactive(True)
    """Whether the outline pane is shown."""
    sources_visible: reactive[bool] = reactive(True)
    """Whether the sources pane is shown."""
    analysed: reactive[bool] = reactive(True)
    """Whether the briefing's kinds and sources are known yet."""

    def __init__(
        self,
        briefing: Briefing,
        *,
        analysed: bool = True,
        path: Path | None = None,
        store: StateStore | None = None,
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.keymap = dict(keymap or {})
        """Keys by binding id as the app remaps them, for the help screen."""
        self.briefing = briefing
        self.set_reactive(ReaderScreen.analysed, analysed)
        self._searches = SearchSession(self, lambda: self.briefing, self._show_search)
        self._search: SearchResult | None = None
        self._match = Stepper()
        self._attributions = Stepper()
        self._source_id: str | None = None
        self._search_origin = -1
        self._panes_chosen = False
        self._places: list[tuple[int, int, int]] = []
        self.memory = ReadingMemory(store, path, self.set_timer, self._warn_unsaved)
        """Where the reader was, and the search history, kept between sessions."""
        self._started = monotonic()
        self._progress: Timer | None = None
        self.title = visible(briefing.title)
        self.sub_title = ""

    # --- composition -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar(self.briefing)
        with Horizontal(id="panes"):
            yield Outline(id="outline")
            yield BriefingText(self.briefing, analysed=self.analysed, id="text")
            yield SourcesPane(id="sources")
        yield SearchBar(history=self.memory.history())
        yield Footer()

    def on_mount(self) -> None:
        self._show_analysis()
        self._restore_position()
        for notice in self.memory.notices():
            self.inform(notice, title="Reading state set aside", severity="warning", timeout=10)
        self.text_view.focus()
        if not self.analysed:
            # After the first paint: the analysis thread competes for the interpreter.
            self.call_after_refresh(self._analyse)
            self._progress = self.set_interval(PROGRESS_INTERVAL, self._show_progress)

    @property
    def text_view(self) -> BriefingText:
        """The full-text pane."""
        return self.query_one(BriefingText)

    def inform(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
    ) -> None:
        """Notify, treating ``message`` as data: no markup, no control characters."""
        self.notify(visible(message), title=title, severity=severity, timeout=timeout, markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search":
            # "/" types itself in the search bar and in other screens' inputs (the palette).
            return not self.app.screen.is_modal and not isinstance(self.app.focused, Input)
        return True

    # --- analysis --------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="analysis")
    def _analyse(self) -> None:
        from briefing_tui.analysis import analyse

        try:
            result = analyse(self.briefing)
        except Exception as error:  # analysis must never take the reader down with it
            self.app.call_from_thread(self._analysis_failed, error)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._analysis_done, result)

    def _analysis_failed(self, error: Exception) -> None:
        self._stop_progress()
        self.query_one(Outline).show_failure(f"{type(error).__name__}: {error}")
        message = (
            f"Analysis failed ({type(error).__name__}: {error}); the text is shown without kinds and sources."
        )
        self.inform(message, title="Analysis failed", severity="error", timeout=15)

    def _show_progress(self) -> None:
        self.query_one(Outline).show_progress(monotonic() - self._started)

    def _stop_progress(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def _analysis_done(self, briefing: Briefing) -> None:
        self._stop_progress()
        gc.freeze()  # the analysed briefing is as long-lived as the one it replaces
        self.briefing = briefing
        self.analysed = True
        self.text_view.set_briefing(briefing)
        self._show_analysis()

    def _show_analysis(self) -> None:
        view = self.text_view
        self.query_one(Outline).show_briefing(self.briefing, view.units, analysed=self.analysed)
        self.query_one(SourcesPane).show_briefing(self.briefing, analysed=self.analysed)
        for notice in self.briefing.notices:
            self.inform(notice, title="Opened with a notice", severity="warning", timeout=8)
        if self._search is not None:
            self.query_one(Outline).show_match_counts(self._search.counts_by_section())

    # --- panes -----------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        if not self._panes_chosen:
            wide = event.size.width >= NARROW
            self.outline_visible = wide
            self.sources_visible = wide

    def action_toggle_pane(self, pane: str) -> None:
        """Show or hide a side pane."""
        self._panes_chosen = True
        if pane == "outline":
            self.outline_visible = not self.outline_visible
        else:
            self.sources_visible = not self.sources_visible

    def watch_outline_visible(self, visible: bool) -> None:
        self.query_one("#outline").display = visible

    def watch_sources_visible(self, visible: bool) -> None:
        self.query_one("#sources").display = visible

    # --- moving around ---------------------------------------------------------------

    def action_section(self, step: int) -> None:
        """Go to the next (1) or previous (-1) section."""
        section = self.text_view.adjacent_section(step)
        if section is None:
            self.inform("No more sections this way.", timeout=2)
            return
        self.text_view.go_to_section(section)

    def action_kind(self, kind_value: str) -> None:
        """Go to the next paragraph of a kind after the cursor, cycling through them."""
        kind = SectionKind(kind_value)
        ids = {paragraph.id for paragraph in paragraphs_of_kind(self.briefing, kind)}
        if not self.analysed or not ids:
            what = (
                "The briefing is still being analysed." if not self.analysed else "No paragraph of this kind."
            )
            self.inform(f"{SECTION_KINDS[kind]}: {what}", timeout=3)
            return
        units = self.text_view.units
        targets = [index for index, unit in enumerate(units) if unit.paragraph and unit.paragraph.id in ids]
        later = [index for index in targets if index > self.text_view.cursor_unit]
        self.text_view.go_to_unit(later[0] if later else targets[0], context=2)

    def on_outline_jump(self, event: Outline.Jump) -> None:
        target = event.target
        if target.unit is None:
            self.text_view.go_to_section(target.section)
        else:
            self.text_view.go_to_unit(target.unit, target.offset, context=2)
        self.text_view.focus()

    def on_briefing_text_position_changed(self, event: BriefingText.PositionChanged) -> None:
        unit = self.text_view.units[event.unit]
        self.query_one(Outline).show_position(unit.section, event.unit)
        self.query_one(SourcesPane).show_paragraph(unit.paragraph, analysed=self.analysed)
        self.memory.moved(event.unit, len(self.text_view.units))

    # --- search ----------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search bar."""
        self._search_origin = self.text_view.cursor_unit
        self.query_one(SearchBar).open()

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        if not self._searches.search(event.query, regex=event.regex, case_sensitive=event.case_sensitive):
            self.query_one(SearchBar).show_searching()

    def _show_search(self, result: SearchResult) -> None:
        self._search = result if result.total else None
        self._match.set_count(result.total)
        bar = self.query_one(SearchBar)
        if result.error is not None or not result.total:
            bar.show_result(None, 0, result.error)
            self._refresh_highlights()
            self.query_one(Outline).show_match_counts({})
            return
        start = result.index_at_or_after(max(self._search_origin, 0), 0)
        self._match.index = 0 if start is None else start
        self._go_to_match()
        self.query_one(Outline).show_match_counts(result.counts_by_section())

    def on_search_bar_submitted(self, event: SearchBar.Submitted) -> None:
        self.text_view.focus()
        self.memory.searched(self.query_one(SearchBar).history)

    def on_search_bar_cancelled(self, event: SearchBar.Cancelled) -> None:
        self._clear_search()
        if self._search_origin >= 0:
            self.text_view.go_to_unit(self._search_origin)
        self.text_view.focus()

    def action_step(self, step: int) -> None:
        """Go to the next (1) or previous (-1) match, or attribution when a source is selected."""
        stepper = self._attributions if self._source_id is not None else self._match
        if not stepper.count:
            self.inform("Nothing to step through: search with / or select a source.", timeout=3)
            return
        if stepper.step(step):
            edge = "bottom, continuing at the top" if step > 0 else "top, continuing at the bottom"
            self.inform(f"Search hit {edge}.", timeout=2)
        if self._source_id is not None:
            self._go_to_attribution()
        else:
            self._go_to_match()

    def _go_to_match(self) -> None:
        assert self._search is not None
        match = self._search.match(self._match.index)
        self.text_view.go_to_unit(match.unit, match.start, context=2)
        self._refresh_highlights()
        self.query_one(SearchBar).show_result(self._match.index + 1, self._search.total)

    def _clear_search(self) -> None:
        self._searches.cancel()
        self._search = None
        self._match.set_count(0)
        self.query_one(Outline).show_match_counts({})
        self._refresh_highlights()

    # --- sources ---------------------------------------------------------------------

    def on_sources_pane_selected(self, event: SourcesPane.Selected) -> None:
        self.select_source(event.source_id)

    def select_source(self, source_id: str | None) -> None:
        """Highlight where ``source_id`` is cited and step through it with n/N (None lets go)."""
        self._source_id = source_id
        self.query_one(SourcesPane).selected = source_id
        places = self._attribution_places(source_id)
        self._attributions.set_count(len(places))
        self._places = places
        if places:
            here = self.text_view.cursor_unit
            self._attributions.index = next((i for i, (unit, _, _) in enumerate(places) if unit >= here), 0)
            self._go_to_attribution()
        self._refresh_highlights()

    def _attribution_places(self, source_id: str | None) -> list[tuple[int, int, int]]:
        if source_id is None:
            return []
        return [
            (index, attribution.start, attribution.end)
            for index, unit in enumerate(self.text_view.units)
            if unit.paragraph is not None
            for attribution in unit.paragraph.attributions
            if attribution.source_id == source_id
        ]

    def _go_to_attribution(self) -> None:
        unit, start, _ = self._places[self._attributions.index]
        self.text_view.go_to_unit(unit, start, context=2)

    def action_clear(self) -> None:
        """Let go of the selected source and the search highlights."""
        if self._source_id is not None:
            self.select_source(None)
        else:
            self._clear_search()

    # --- highlights ------------------------------------------------------------------

    def _refresh_highlights(self) -> None:
        current = None
        if self._search is not None and self._match.count:
            match = self._search.match(self._match.index)
            current = (match.unit, match.start, match.end)
        self.text_view.set_highlights(Highlights(self._search, current, self._source_id))

    # --- commands and help -----------------------------------------------------------

    def action_go_to_section(self) -> None:
        """Pick a section by its heading in the command palette."""
        self.app.push_screen(SectionCommands.palette())

    def action_go_to_source(self) -> None:
        """Pick a source by name in the command palette."""
        self.app.push_screen(SourceCommands.palette())

    def action_help(self) -> None:
        """Show every key."""
        groups: list[tuple[str, list[BindingType]]] = [
            ("Everywhere", [*self.BINDINGS, *type(self.app).BINDINGS]),
            ("Full text", BriefingText.BINDINGS),
            ("Outline (Enter jumps)", Outline.BINDINGS),
            ("Sources (Enter selects, again lets go)", SourceList.BINDINGS),
            ("Search bar", SearchBar.BINDINGS),
        ]
        if self.app.is_web:
            everything = [binding for _, bindings in groups for binding in bindings]
            groups.append(
                ("In a browser, which keeps some keys for itself", browser_alternatives(everything))
            )
        self.app.push_screen(HelpScreen(groups, self.keymap))

    def action_furniture(self) -> None:
        """Show the blocks set aside as site furniture, bylines and credits."""
        from briefing_tui.tui.furniture_screen import FurnitureScreen

        if not self.briefing.furniture:
            self.inform("Nothing was set aside: every block of the file is in the text.", timeout=4)
            return
        self.app.push_screen(FurnitureScreen(self.briefing.furniture))

    # --- saved state -----------------------------------------------------------------

    def _restore_position(self) -> None:
        unit = self.memory.position(len(self.text_view.units))
        if unit is not None:
            self.text_view.start_at(unit)

    def _warn_unsaved(self, message: str) -> None:
        self.inform(message, title="Reading position not saved", severity="warning", timeout=8)

    def on_unmount(self) -> None:
        self.memory.flush()
