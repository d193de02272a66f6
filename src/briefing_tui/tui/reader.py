"""The reader: outline, full text and sources of one briefing, driven from the keyboard like less."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Mapping
from contextlib import suppress
from time import monotonic
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.events import MouseDown, MouseMove, MouseUp, Resize
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input
from textual.worker import get_current_worker

from briefing_tui.enums import SectionKind
from briefing_tui.errors import BriefingError, read_failure
from briefing_tui.ingest.plain import Preview
from briefing_tui.place import Place, unit_anchors
from briefing_tui.safe_text import visible
from briefing_tui.tui.labels import KIND_KEYS, SECTION_KINDS
from briefing_tui.tui.memory import ReadingMemory
from briefing_tui.tui.pane_widths import STEP, pane_widths, resized
from briefing_tui.tui.reader_library import ReaderLibrary
from briefing_tui.tui.reader_options import ReaderOptions
from briefing_tui.tui.reserved import Reserved
from briefing_tui.tui.status_line import StatusLine, position_label
from briefing_tui.tui.stepper import Stepper
from briefing_tui.tui.text_view import BriefingText, Highlights
from briefing_tui.tui.title_bar import TitleBar

if TYPE_CHECKING:
    from briefing_tui.model import Briefing, Paragraph
    from briefing_tui.search import SearchResult
    from briefing_tui.tui.outline import Outline
    from briefing_tui.tui.search_bar import SearchBar
    from briefing_tui.tui.search_session import SearchSession
    from briefing_tui.tui.sources_pane import SourcesPane

# Screens and helpers only a key brings up (help, marks, palette, copy, changes) are
# imported where they are used, and so are the side panes, the search bar, the footer and
# the search (mounted or made after the first frame): the first frame needs none of them.

__all__ = ["ANCHORS_AT_ONCE", "FRAME_WRITE_PAUSE", "NARROW", "PROGRESS_INTERVAL", "ReaderScreen"]

NARROW = 110
"""Below this many columns the side panes start hidden; a key shows each one."""
PROGRESS_INTERVAL = 0.125
"""Seconds between updates of the analysis progress in the outline."""
ANCHORS_AT_ONCE = 2_000
"""Up to this many headings and paragraphs, content anchors are made before the first frame."""
FRAME_WRITE_PAUSE = 0.03
"""Seconds between the first frame and building the model of a preview. Textual's writer
thread sends the frame to the terminal; started at once, the build (Pydantic's import first)
holds the interpreter and the frame reached the screen later: seed first paint 1.37x and
1.34x the minimal app's, 1.21x and 1.25x with this pause (runs alternated, load 0.5)."""

_Pane = TypeVar("_Pane", bound=Widget)


class ReaderScreen(Screen[None]):
    """Read one briefing: outline by kind on the left, text in the middle, sources on the right.

    A screen, so that the app, a library of briefings or a web session can push a reader
    and pop back to where they were.
    """

    class PanesMounted(Message):
        """Posted once the side panes, the search bar and the footer are mounted and laid out."""

    class Failed(Message):
        """The briefing's model could not be built after its first frame: the reader cannot go on."""

        def __init__(self, failure: BriefingError) -> None:
            super().__init__()
            self.failure = failure
            """Why, naming the file."""

    DEFAULT_CSS = """
    ReaderScreen { layout: vertical; }
    #panes { height: 1fr; }
    /* Each child by its id: a `:focus-within` rule ending in `*` would mark every widget as
       styled by focus, and each focus change (the first one too) would restyle the screen. */
    #outline, #sources, #sources-list, #sources-here { background: $panel; }
    #outline:focus, #sources:focus-within,
    #sources:focus-within > #sources-list, #sources:focus-within > #sources-here {
        background: $panel-lighten-1;
    }
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
        Binding("less_than_sign", "resize_pane(-1)", "Narrow the pane", show=False, id="app.narrow_pane"),
        Binding("greater_than_sign", "resize_pane(1)", "Widen the pane", show=False, id="app.widen_pane"),
        Binding("s", "toggle_pane('sources')", "Sources", id="app.toggle_sources"),
        Binding("c", "next_change", "Next change", show=False, id="app.next_change"),
        Binding("C", "show_changes", "List changes", show=False, id="app.show_changes"),
        Binding("escape", "clear", "Clear", show=False, id="app.clear"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("d,ctrl+d", "half_page(1)", "Half a page down", show=False, id="app.half_page_down"),
        Binding("u,ctrl+u", "half_page(-1)", "Half a page up", show=False, id="app.half_page_up"),
        Binding("f,ctrl+f", "page(1)", "Page down", show=False, id="app.page_forward"),
        Binding("ctrl+b", "page(-1)", "Page up", show=False, id="app.page_back"),
        Binding("m", "mark", "Set a mark (then a letter)", show=False, id="app.mark"),
        Binding("apostrophe", "go_to_mark", "Go to a mark (then a letter)", show=False, id="app.go_to_mark"),
        Binding("y", "copy('paragraph')", "Copy the paragraph, cited", show=False, id="app.copy_paragraph"),
        Binding("Y", "copy('section')", "Copy the section, cited", show=False, id="app.copy_section"),
        Binding("F", "furniture", "Set-aside text", show=False, id="app.furniture"),
    ]

    outline_visible: reactive[bool] = reactive(True)
    """Whether the outline pane is shown."""
    sources_visible: reactive[bool] = reactive(True)
    """Whether the sources pane is shown."""
    analysed: reactive[bool] = reactive(True)
    """Whether the briefing's kinds and sources are known yet."""

    def __init__(self, briefing: Briefing | Preview, options: ReaderOptions | None = None) -> None:
        """Read ``briefing``; a `Preview` is drawn as plain blocks, its model built after the first frame."""
        super().__init__()
        options = options or ReaderOptions()
        path, store, analysed = options.path, options.store, options.analysed
        self.keymap = dict(options.keymap or {})
        """Keys by binding id as the app remaps them, for the help screen."""
        self._read: Briefing | Preview = briefing
        """The briefing's model or, until it is built just after the first frame, its preview."""
        shown = self._shown = briefing.shown if isinstance(briefing, Preview) else briefing
        self.set_reactive(ReaderScreen.analysed, analysed)
        self._session: SearchSession | None = None
        self._search: SearchResult | None = None
        self._match = Stepper()
        self._attributions = Stepper()
        self._source_id: str | None = None
        self._search_origin = -1
        self._search_origin_place: Place | None = None
        self._title_hits: tuple[tuple[int, int], ...] = ()
        self._open_search = options.search
        self._open_at = options.at
        units = sum(len(section.paragraphs) + (section.heading is not None) for section in shown.sections)
        # Anchors digest every paragraph: a large briefing has them made after the first paint
        # (and the head of a long text once the whole is read).
        at_once = units <= ANCHORS_AT_ONCE and (self._preview is None or self._preview.complete)
        self._anchors = unit_anchors(shown) if at_once else []
        self._chosen_widths: dict[str, int] = {}
        self._dragging: str | None = None
        self._panes_chosen = False
        self._places: list[tuple[int, int, int]] = []
        self._told: set[str] = set()
        """Notices of the briefing already shown, so each is shown once."""
        self.memory = ReadingMemory(store, path, self.set_timer, self._warn_unsaved)
        """Where the reader was, and the search history, kept between sessions."""
        self.library = ReaderLibrary(self, path)
        """The briefing in the library: its file watched, what changed marked."""
        self.marks: dict[str, Place] = self.memory.marks()
        """Places marked with ``m`` and a letter, by letter."""
        self._chosen_widths = self.memory.pane_widths()
        self._started = monotonic()
        self._progress: Timer | None = None
        self._outline: Outline | None = None
        self._sources: SourcesPane | None = None
        self._bar: SearchBar | None = None
        """The side panes and the search bar, once mounted (just after the first frame)."""
        self._panes_mounted = asyncio.Event()
        self._modelled = asyncio.Event()
        """Set once the model is there (at once, unless a preview was given)."""
        if self._preview is None:
            self._modelled.set()
        self.title = visible(shown.title)
        self.sub_title = ""

    @property
    def briefing(self) -> Briefing:
        """The briefing's model; a preview's is built just after the first frame, and no key acts before."""
        if isinstance(self._read, Preview):
            raise LookupError("the briefing's model is not built yet")
        return self._read

    @property
    def _preview(self) -> Preview | None:
        """The preview on screen while its model is being built, if there is one."""
        return self._read if isinstance(self._read, Preview) else None

    # --- composition -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The first frame is the text: the other panes' room is held, they come just after it.
        yield TitleBar(self._shown)
        with Horizontal(id="panes"):
            yield Reserved(id="outline-reserved")
            yield BriefingText(self._shown, analysed=self.analysed, id="text")
            yield Reserved(id="sources-reserved")
        yield StatusLine(id="status")
        yield Reserved(id="footer-reserved", classes="-footer")

    async def _mount_panes(self) -> None:
        """Mount the side panes, the search bar and the footer in the room held for them."""
        from textual.widgets import Footer

        from briefing_tui.tui.outline import Outline
        from briefing_tui.tui.search_bar import SearchBar
        from briefing_tui.tui.sources_pane import SourcesPane

        outline, sources = Outline(id="outline"), SourcesPane(id="sources")
        outline.display, sources.display = self.outline_visible, self.sources_visible
        panes = self.query_one("#panes", Horizontal)
        with self.app.batch_update():
            await panes.mount(outline, before="#outline-reserved")
            await panes.mount(sources, after="#sources-reserved")
            bar = SearchBar(history=self.memory.history(), searcher=self._run_search)
            await self.mount(bar, after="#status")
            await self.mount(Footer())
            self.refresh_bindings()  # a footer mounted after the focus moved learns the keys from this
            self._outline, self._sources, self._bar = outline, sources, bar
            await self.query(Reserved).remove()
            self._fit_panes()
            self._show_analysis()
        # Once laid out: the outline finds an entry's line, the focus order (Tab) follows
        # where the panes are on screen.
        self.call_after_refresh(self._panes_laid_out)

    def _panes_laid_out(self) -> None:
        if self.text_view.cursor_unit >= 0:
            self._show_place_in_panes(self.text_view.cursor_unit)
        self._panes_mounted.set()
        self.post_message(self.PanesMounted())

    async def wait_for_panes(self, timeout: float = 1.0) -> None:
        """Return once the side panes, search bar and footer are mounted (at most ``timeout`` s).

        The app holds keys pressed before then, so that Tab, ``/`` and the rest find them.
        A preview first waits for its model, however long building it takes (at 10 MB,
        reading the whole text): no key acts on plain blocks, nor on the head of a text
        alone (``G`` would go to the head's end).
        """
        await self._modelled.wait()
        if not self._panes_mounted.is_set():
            with suppress(TimeoutError):  # a key is never held for long, whatever went wrong
                await asyncio.wait_for(self._panes_mounted.wait(), timeout)

    def on_mount(self) -> None:
        if self._preview is None:
            self._open()
        else:  # the rest of the opening waits for the model, and the model for the frame's bytes
            self.set_timer(FRAME_WRITE_PAUSE, self._build_model)
        if self._anchors and self._open_search is None and self._open_at is None:
            self._restore_position()
        self._fit_to(self.app.size.width)  # the first frame may come before the Resize event
        self._show_analysis()
        self._restore_theme()
        self.watch(self.text_view, "scroll_y", self._scrolled, init=False)
        self.watch(self.app, "theme", self.memory.set_theme, init=False)
        for notice in self.memory.notices():
            self.inform(notice, title="Reading state set aside", severity="warning", timeout=10)
        self.text_view.focus()

    def _open(self) -> None:
        """Queue what comes after the first frame: panes, anchors, the place asked for, analysis."""
        # First of the callbacks after the first frame: those below may use the panes.
        self.call_after_refresh(self._mount_panes)
        if not self._anchors and self.briefing.sections:
            self.call_after_refresh(self._make_anchors)
        if self._open_search is not None or self._open_at is not None:
            self.call_after_refresh(self._open_at_place)
        self.call_after_refresh(self.library.start)
        if not self.analysed:
            # After the first paint: the analysis thread competes for the interpreter.
            self.call_after_refresh(self._analyse)
            self._progress = self.set_interval(PROGRESS_INTERVAL, self._show_progress)

    @work(thread=True, exclusive=True, group="model")
    def _build_model(self) -> None:
        preview = self._preview
        assert preview is not None
        # As for the preview (see `briefing_tui.tui.launch.build_app`): reading makes no cycles.
        gc.disable()
        try:
            briefing = preview.whole()
        except Exception as error:  # the preview stays on screen: say what went wrong, and quit
            self.app.call_from_thread(self._model_failed, read_failure(error, preview.path))
            return
        finally:
            gc.freeze()
            gc.enable()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._model_built, briefing)

    def _model_built(self, briefing: Briefing) -> None:
        """The model is there: shown in place of the preview, from the same line, then opened."""
        assert self._preview is not None
        complete, self._read = self._preview.complete, briefing
        if complete:  # the same text: only the paragraphs the units point at change
            self.text_view.set_briefing(briefing, analysed=self.analysed)
        else:
            self.text_view.show_whole(briefing)
        self._show_analysis()  # what the end of a long text set aside is known now
        self._open()
        self._modelled.set()

    def _model_failed(self, failure: BriefingError) -> None:
        # The preview was read from the same text, so only a bug or a reader's own limit
        # gets here, and the reader cannot go on without its model: one line, as the
        # command line gives for any file it cannot read.
        self.post_message(self.Failed(failure))

    @property
    def text_view(self) -> BriefingText:
        """The full-text pane."""
        return self.query_one(BriefingText)

    @property
    def _searches(self) -> SearchSession:
        """The reader's searches, made at the first one (the first frame needs no search)."""
        if self._session is None:
            from briefing_tui.tui.search_session import SearchSession

            session = SearchSession(self, lambda: self.briefing, self._show_search, self._search_finished)
            self._session = session
        return self._session

    @property
    def search_bar(self) -> SearchBar:
        """The search bar; `NoMatches` before it is mounted (just after the first frame)."""
        return self._pane(self._bar, "search bar")

    @staticmethod
    def _pane(pane: _Pane | None, name: str) -> _Pane:
        if pane is None:
            raise NoMatches(f"the {name} is not mounted yet")
        return pane

    @property
    def status_line(self) -> StatusLine:
        """The line under the text: position, section, current match or citation."""
        return self.query_one(StatusLine)

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

    @work(thread=True, exclusive=True, group="anchors")
    def _make_anchors(self) -> None:
        anchors = unit_anchors(self.briefing)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._anchors_made, anchors)

    def _anchors_made(self, anchors: list[str]) -> None:
        self._anchors = anchors
        # Restored only if the reader has not moved meanwhile, nor asked for a place.
        if self._open_search is None and self._open_at is None and self.text_view.scroll_y == 0:
            self._restore_position()

    def _analysis_failed(self, error: Exception) -> None:
        self._stop_progress()
        self._pane(self._outline, "outline").show_failure(f"{type(error).__name__}: {error}")
        message = (
            f"Analysis failed ({type(error).__name__}: {error}); the text is shown without kinds and sources."
        )
        self.inform(message, title="Analysis failed", severity="error", timeout=15)
        self.library.analysis_arrived()  # stored as read, as it is shown

    def _show_progress(self) -> None:
        if self._outline is not None:
            self._outline.show_progress(monotonic() - self._started)

    def _stop_progress(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def _analysis_done(self, briefing: Briefing) -> None:
        self._stop_progress()
        gc.freeze()  # the analysed briefing is as long-lived as the one it replaces
        self._read = briefing
        self.analysed = True
        self.text_view.set_briefing(briefing)
        self._show_analysis()
        self.library.analysis_arrived()

    def _show_analysis(self) -> None:
        if self._outline is not None and self._sources is not None:
            self._outline.show_briefing(self.briefing, self.text_view.units, analysed=self.analysed)
            self._sources.show_briefing(self.briefing, analysed=self.analysed)
        for notice in self.text_view.briefing.notices:  # the preview's, before the model
            if notice not in self._told:  # the analysed briefing carries the same notices again
                self._told.add(notice)
                self.inform(notice, title="Opened with a notice", timeout=8)
        if self._search is not None:
            self._show_match_counts(self._search.counts_by_section())

    # --- panes -----------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._fit_to(event.size.width)

    def _fit_to(self, width: int) -> None:
        """Show the side panes or not, and size them, for a screen ``width`` cells wide."""
        if not self._panes_chosen:
            wide = width >= NARROW
            self.outline_visible = wide
            self.sources_visible = wide
        self._fit_panes()

    def _fit_panes(self) -> None:
        shown = {"outline": self.outline_visible, "sources": self.sources_visible}
        # Before the first layout the screen has no size yet: the terminal's is what it will get.
        screen_width = self.size.width or self.app.size.width
        for pane, width in pane_widths(screen_width, shown, self._chosen_widths).items():
            self._side_pane(pane).styles.width = width

    def _side_pane(self, pane: str) -> Widget:
        """The side pane ``pane`` (outline or sources), or what holds its room until it is mounted."""
        mounted = self._outline if pane == "outline" else self._sources
        return mounted if mounted is not None else self.query_one(f"#{pane}-reserved")

    def action_resize_pane(self, step: int) -> None:
        """Narrow (-1) or widen (1) the focused side pane; the width is remembered."""
        focused = self.app.focused
        pane = next(
            (name for name in ("outline", "sources") if focused is not None and self._inside(focused, name)),
            None,
        )
        if pane is None:
            self.status_line.say("< and > resize a side pane: Tab to it first")
            return
        self._set_width(pane, self._side_pane(pane).outer_size.width + step * STEP)
        self.memory.set_pane_widths(self._chosen_widths)
        self.status_line.say(f"{pane} pane: {self._chosen_widths[pane]} columns")

    def _set_width(self, pane: str, width: int) -> None:
        other = self._side_pane("sources" if pane == "outline" else "outline")
        others = other.outer_size.width if other.display else 0
        self._chosen_widths[pane] = resized(pane, width, 0, self.size.width, others)
        self._fit_panes()

    def on_mouse_down(self, event: MouseDown) -> None:
        self._dragging = self._border_at(event.screen_x)
        if self._dragging is not None:
            self.capture_mouse()

    def on_mouse_move(self, event: MouseMove) -> None:
        if self._dragging is not None:
            region = self._side_pane(self._dragging).region
            if self._dragging == "outline":
                self._set_width("outline", event.screen_x - region.x + 1)
            else:
                self._set_width("sources", region.right - event.screen_x)

    def on_mouse_up(self, event: MouseUp) -> None:
        if self._dragging is not None:
            self._dragging = None
            self.release_mouse()
            self.memory.set_pane_widths(self._chosen_widths)

    def _border_at(self, x: int) -> str | None:
        """The side pane whose border with the text is at column ``x``, if any."""
        outline, sources = self._side_pane("outline"), self._side_pane("sources")
        text = self.text_view.region
        if outline.display and x in (outline.region.right - 1, text.x):
            return "outline"
        if sources.display and x == sources.region.x:
            return "sources"
        return None

    def _inside(self, widget: Widget, pane: str) -> bool:
        return any(node.id == pane for node in widget.ancestors_with_self)

    def action_toggle_pane(self, pane: str) -> None:
        """Show or hide a side pane."""
        self._panes_chosen = True
        if pane == "outline":
            self.outline_visible = not self.outline_visible
        else:
            self.sources_visible = not self.sources_visible

    def watch_outline_visible(self, visible: bool) -> None:
        self._side_pane("outline").display = visible
        self._fit_panes()

    def watch_sources_visible(self, visible: bool) -> None:
        self._side_pane("sources").display = visible
        self._fit_panes()

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
        from briefing_tui.paragraph_kinds import paragraphs_of_kind

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
        self._show_place_in_panes(event.unit)
        self._show_position()

    def _show_place_in_panes(self, index: int) -> None:
        if self._outline is not None and self._sources is not None:
            unit = self.text_view.units[index]
            self._outline.show_position(unit.section, index)
            self._sources.show_paragraph(self._paragraph_at(index), analysed=self.analysed)

    def _paragraph_at(self, unit: int) -> Paragraph | None:
        """The model's paragraph of text unit ``unit``; None for a heading."""
        from briefing_tui.model import Paragraph  # loaded by now: the panes and keys wait for the model

        paragraph = self.text_view.units[unit].paragraph
        return paragraph if isinstance(paragraph, Paragraph) else None

    # --- search ----------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search bar."""
        if self._outline is None:
            self.call_after_refresh(self.action_search)  # pressed before the bar was mounted
            return
        self._search_origin = self.text_view.cursor_unit
        self._search_origin_place = self._place_here()
        self.search_bar.open()
        self.call_after_refresh(self._searches.prepare)  # after the bar is painted, before the first key

    def _run_search(self, query: str, *, regex: bool, case_sensitive: bool | None) -> None:
        # A large briefing is searched from the top of the screen first (the rest follows).
        wanted = max(self._search_origin, 0)
        layout = self.text_view.text_layout
        top = layout.unit_at_or_after(round(self.text_view.scroll_y)) if layout is not None else None
        origin = wanted if top is None else min(top, wanted)
        if not self._searches.search(
            query, regex=regex, case_sensitive=case_sensitive, origin=origin, wanted=wanted
        ):
            self.search_bar.show_searching()

    def _show_search(self, result: SearchResult) -> None:
        from briefing_tui.search import TIMED_OUT
        from briefing_tui.title_search import title_matches

        self._title_hits = title_matches(self.briefing.title, result.compiled)
        origin = max(self._search_origin, 0)
        waiting = not result.complete and (origin > 0 or not self._title_hits)
        if waiting and result.index_at_or_after(origin, 0) is None:
            # Nothing to go to in the part searched yet: the rest of the search says where.
            self._search = None
            self._match.set_count(0)
            self._refresh_highlights()
            self.search_bar.show_searching()
            self._show_activity()
            return
        total = len(self._title_hits) + result.total
        self._search = result if total else None
        self._match.set_count(total)
        bar = self.search_bar
        if result.error is not None or not total:
            # The bar says it briefly; the status line has room for the whole reason.
            brief = None if result.error is None else TIMED_OUT if result.timed_out else "bad regex"
            bar.show_result(None, 0, brief)
            self._refresh_highlights()
            self._show_match_counts({})
            self._show_activity()
            if result.error is not None:
                self.status_line.say(result.error, error=True)
            return
        self.status_line.quiet()
        start = result.index_at_or_after(origin, 0) if result.total else None
        if (origin == 0 and self._title_hits) or start is None:
            self._match.index = 0  # from the top the title comes first; past the last match, wrap
        else:
            self._match.index = len(self._title_hits) + start
        self._go_to_match()
        if result.complete:
            self._show_match_counts(result.counts_by_section())

    def _show_match_counts(self, counts: Mapping[str, int]) -> None:
        if self._outline is not None:  # the outline comes after the first frame
            self._outline.show_match_counts(counts)

    def _search_finished(self, result: SearchResult) -> None:
        """The rest of a search shown in part: the same matches, and the ones beyond, counted."""
        if self._search is None or self._search.compiled != result.compiled or not result.total:
            self._show_search(result)
            return
        unit, start, _ = self._match_at(self._match.index)
        titled = len(self._title_hits)
        self._search = result
        self._match.set_count(titled + result.total)
        if unit >= 0:  # the current match, where it is in the whole list
            self._match.index = titled + (result.index_at_or_after(unit, start) or 0)
        self._refresh_highlights()
        self.search_bar.show_result(self._match.index + 1, self._match.count)
        self._show_activity()
        self._show_match_counts(result.counts_by_section())

    def on_search_bar_submitted(self, event: SearchBar.Submitted) -> None:
        self.text_view.focus()
        self.memory.searched(self.search_bar.history)
        # After the frame that shows the text focused: its new style empties the cache.
        self.call_after_refresh(self.call_after_refresh, self._render_next_steps)

    def on_search_bar_cancelled(self, event: SearchBar.Cancelled) -> None:
        self._clear_search()
        self._go_to_place(self._search_origin_place)
        self.text_view.focus()

    def action_step(self, step: int) -> None:
        """Go to the next (1) or previous (-1) match, or attribution when a source is selected."""
        walking = self._source_id is not None
        stepper = self._attributions if walking else self._match
        if not stepper.count:
            self.status_line.say("nothing to step through: search with / or select a source")
            return
        if not walking and self._search is not None and not self._search.complete:
            self._reach(step)
        wrapped = stepper.step(step)
        if walking:
            self._go_to_attribution()
        else:
            self._go_to_match()
        if stepper.count == 1:
            only = f"the only citation of {self._source_name()}" if walking else "the only match"
            self.status_line.say(only)
        elif wrapped:
            edge = "top" if step > 0 else "bottom"
            what = f"citations of {self._source_name()}" if walking else "search"
            self.status_line.say(f"{what} wrapped to {edge}")

    def _reach(self, step: int) -> None:
        """Finish a search shown in part if the step leaves what it has searched."""
        assert self._search is not None
        titled = len(self._title_hits)
        if not titled <= self._match.index + step < titled + self._search.total:
            self._searches.finish_now()

    def _match_at(self, index: int) -> tuple[int, int, int]:
        """``(unit, start, end)`` of match ``index``; unit -1 is the title."""
        titled = len(self._title_hits)
        if index < titled:
            start, end = self._title_hits[index]
            return -1, start, end
        assert self._search is not None
        match = self._search.match(index - titled)
        return match.unit, match.start, match.end

    def _go_to_match(self) -> None:
        assert self._search is not None
        unit, start, _ = self._match_at(self._match.index)
        if unit < 0:
            self.text_view.action_top()
        else:
            self.text_view.go_to_unit(unit, start, context=2)
        if self.text_view.cursor_unit >= 0:
            # Now, not when the view's PositionChanged arrives: the panes change in the same frame.
            self._show_place_in_panes(self.text_view.cursor_unit)
        self._refresh_highlights()
        if self._search.complete:
            self.search_bar.show_result(self._match.index + 1, self._match.count)
        else:
            self.search_bar.show_searching()  # the count follows
        self.status_line.quiet()
        self._show_activity()
        self.call_after_refresh(self._render_next_steps)

    def _render_next_steps(self) -> None:
        """After the paint: render what the next ``n`` and ``N`` will show, into the text's cache."""
        search = self._search
        count = self._match.count
        if search is None or not count or self._source_id is not None or self.search_bar.is_open:
            return  # while typing, the next key changes what n would show
        titled = len(self._title_hits)
        for step in (1, -1):
            index = (self._match.index + step) % count
            if not search.complete and not titled <= index < titled + search.total:
                continue  # not searched yet: that step finishes the search first
            unit, start, end = self._match_at(index)
            if unit >= 0:
                highlights = Highlights(search, (unit, start, end), None, self._title_hits, None)
                self.text_view.render_ahead(highlights, unit, start, context=2)

    def _clear_search(self) -> None:
        self._searches.cancel()
        self._search = None
        self._title_hits = ()
        self._match.set_count(0)
        self._show_match_counts({})
        self._refresh_highlights()
        self._show_activity()

    # --- sources ---------------------------------------------------------------------

    def on_sources_pane_selected(self, event: SourcesPane.Selected) -> None:
        if event.source_id is None and self._source_id is None:
            self.action_clear()  # Esc in the sources pane with nothing selected: the highlights go
            return
        self.select_source(event.source_id)

    def select_source(self, source_id: str | None) -> None:
        """Highlight where ``source_id`` is cited and step through it with n/N (None lets go)."""
        from briefing_tui.presenter import attribution_places

        self._source_id = source_id
        self._pane(self._sources, "sources pane").selected = source_id
        places = attribution_places(self.briefing, source_id)
        self._attributions.set_count(len(places))
        self._places = places
        self.status_line.quiet()
        if places:
            here = self.text_view.cursor_unit
            self._attributions.index = next((i for i, (unit, _, _) in enumerate(places) if unit >= here), 0)
            self._go_to_attribution()
        self._refresh_highlights()
        self._show_activity()

    def _go_to_attribution(self) -> None:
        unit, start, _ = self._places[self._attributions.index]
        self.text_view.go_to_unit(unit, start, context=2)
        self.status_line.quiet()
        self._show_activity()

    def _source_name(self) -> str:
        return self.briefing.source(self._source_id).name if self._source_id is not None else ""

    def action_clear(self) -> None:
        """Close the Keys panel, else let go of the selected source, else of the search highlights."""
        if self.query("HelpPanel"):
            self.app.action_hide_help_panel()
        elif self._source_id is not None:
            self.select_source(None)
        else:
            self._clear_search()
        self.status_line.quiet()

    # --- the status line -------------------------------------------------------------

    def _show_activity(self) -> None:
        """Say what n steps through, where in it the reader is, and what n does next."""
        status = self.status_line
        if self._source_id is not None:
            count = self._attributions.count
            where = f"{self._attributions.index + 1}/{count}" if count else "0"
            status.activity = f"citation {where} · {self._source_name()}"
            status.hint = "n: next citation" if count > 1 else ""
        elif self._search is not None and not self._search.complete:
            status.activity = f"[counting…] /{self._search.query}"
            status.hint = "n: next match"
        elif self._search is not None:
            status.activity = f"[{self._match.index + 1:,}/{self._match.count:,}] /{self._search.query}"
            status.hint = "n: next match" if self._match.count > 1 else ""
        else:
            status.activity = ""
            status.hint = ""

    def _show_position(self) -> None:
        view = self.text_view
        layout = view.layout_so_far  # a position to show needs no more than the lines on screen
        if layout is None:
            return
        status = self.status_line
        height = view.scrollable_content_region.height
        status.position = position_label(round(view.scroll_y), height, layout.line_count)
        if view.briefing.sections:  # the preview's, before the model
            heading = view.briefing.sections[view.current_section()].heading
            status.section = "Lead" if heading is None else " ".join(heading.split())

    def _scrolled(self) -> None:
        self._show_position()
        place = self._place_here()
        if place is not None:
            self.memory.moved(place)

    # --- places: memory, marks, Esc after a search -----------------------------------

    def _place_here(self) -> Place | None:
        """The place at the top of the text view, named by content."""
        view = self.text_view
        top = round(view.scroll_y)
        layout = view.layout_to(top + view.scrollable_content_region.height)
        if layout is None or not self._anchors:
            return None
        unit = layout.unit_at(top)
        if unit is not None:
            return Place.at(self._anchors, unit, layout.line_start[top])
        unit = layout.unit_at_or_after(top)
        if unit is None:
            return Place.at(self._anchors, len(self._anchors) - 1)
        return Place.at(self._anchors, unit, 0, layout.unit_first_line[unit] - top)

    def _go_to_place(self, place: Place | None) -> bool:
        found = place.find(self._anchors) if place is not None else None
        if found is None:
            return False
        self.text_view.start_at(*found)
        return True

    def action_mark(self) -> None:
        """Set a mark: the next letter names the place at the top of the text."""
        from briefing_tui.tui.marks import KeyPrompt

        def set_mark(letter: str | None) -> None:
            place = self._place_here()
            if letter is None or place is None:
                self.status_line.say("no mark set")
                return
            self.marks[letter] = place
            self.memory.set_marks(self.marks)
            self.status_line.say(f"mark {letter} set: ' then {letter} comes back here")

        self.app.push_screen(KeyPrompt("mark: type a letter to name this place (Esc cancels)"), set_mark)

    def action_go_to_mark(self) -> None:
        """Go back to a mark: the next letter names it."""
        from briefing_tui.tui.marks import KeyPrompt

        def jump(letter: str | None) -> None:
            if letter is None:
                return
            if letter not in self.marks:
                known = ", ".join(sorted(self.marks)) or "none yet (m and a letter sets one)"
                self.status_line.say(f"no mark {letter}; marks: {known}")
            elif self._go_to_place(self.marks[letter]):
                self.status_line.say(f"at mark {letter}")
            else:
                self.status_line.say(f"mark {letter}: its text is no longer in the briefing")

        self.app.push_screen(KeyPrompt("go to mark: type its letter (Esc cancels)"), jump)

    # --- paging ----------------------------------------------------------------------

    def action_half_page(self, step: int) -> None:
        """Scroll the text by half a screen, as d and u do in less and vim."""
        view = self.text_view
        view.action_scroll_lines(step * max(1, view.scrollable_content_region.height // 2))

    def action_page(self, step: int) -> None:
        """Scroll the text by a screen, as ctrl+f and ctrl+b do in vim."""
        self.text_view.action_page(step)

    # --- copy ------------------------------------------------------------------------

    def action_copy(self, what: str) -> None:
        """Copy the current paragraph (or section) with a line naming its sources (OSC 52)."""
        from briefing_tui.citation import cite_paragraph, cite_section

        units = self.text_view.units
        if not units:
            self.inform("Nothing to copy: the briefing is empty.", timeout=3)
            return
        index = max(0, self.text_view.cursor_unit)
        unit = units[index]
        section = self.briefing.sections[unit.section]
        if what == "section":
            text = cite_section(self.briefing, section)
            name = "the section " + ("Lead" if section.heading is None else f"“{section.heading}”")
        else:
            paragraph = self._paragraph_at(index) or (section.paragraphs[0] if section.paragraphs else None)
            if paragraph is None:
                self.inform("Nothing to copy here: this section has no paragraphs.", timeout=3)
                return
            text = cite_paragraph(self.briefing, paragraph)
            name = f"paragraph {paragraph.id}"
        self.app.copy_to_clipboard(text)
        self.inform(
            f"Copied {name} with its sources ({len(text):,} characters). If nothing arrives, "
            "the terminal does not pass OSC 52 on: briefing-tui export does the same from the shell.",
            title="Copied",
            timeout=4,
        )

    # --- highlights ------------------------------------------------------------------

    def _refresh_highlights(self) -> None:
        current = title_current = None
        if self._search is not None and self._match.count:
            unit, start, end = self._match_at(self._match.index)
            if unit < 0:
                title_current = (start, end)
            else:
                current = (unit, start, end)
        search = self._search if self._search is not None and self._search.total else None
        self.text_view.set_highlights(
            Highlights(search, current, self._source_id, self._title_hits, title_current)
        )

    # --- new versions ----------------------------------------------------------------

    def action_next_change(self) -> None:
        """Go to the next new or changed paragraph."""
        self.library.step()

    def action_show_changes(self) -> None:
        """List what changed, removed paragraphs included."""
        from briefing_tui.tui.changes_screen import ChangesScreen

        if self.library.diff is None:
            self.inform("Nothing has changed since the briefing was opened.", timeout=3)
            return
        self.app.push_screen(ChangesScreen(self.library.diff))

    async def show_version(self, briefing: Briefing, unit: int | None) -> None:
        """Show a new version of the briefing (its file changed), with ``unit`` at the top."""
        self.action_clear()
        self._clear_search()
        self._searches.cancel()
        self._session = None  # a new session at the next search: the old one's index is of the old text
        self._read = briefing
        old = self.text_view
        focused = old.has_focus
        view = BriefingText(briefing, analysed=True, id="text")
        if unit is not None:
            view.start_at(unit)
        await old.remove()
        await self.query_one("#panes", Horizontal).mount(view, after="#outline")
        if focused:
            view.focus()
        self.analysed = True
        self._show_analysis()

    def flag_new_sources(self, source_ids: set[str]) -> None:
        """Mark these sources as new in the sources pane."""
        self._pane(self._sources, "sources pane").flag_new(source_ids)

    # --- commands and help -----------------------------------------------------------

    def action_go_to_section(self) -> None:
        """Pick a section by its heading in the command palette."""
        from briefing_tui.tui.commands import SectionCommands

        self.app.push_screen(SectionCommands.palette())

    def action_go_to_source(self) -> None:
        """Pick a source by name in the command palette."""
        from briefing_tui.tui.commands import SourceCommands

        self.app.push_screen(SourceCommands.palette())

    def action_help(self) -> None:
        """Show every key."""
        from briefing_tui.tui.help_screen import HelpScreen
        from briefing_tui.tui.outline import Outline
        from briefing_tui.tui.search_bar import SearchBar
        from briefing_tui.tui.sources_pane import SourceList
        from briefing_tui.tui.web_keys import browser_alternatives

        groups: list[tuple[str, list[BindingType]]] = [
            ("Everywhere", [*self.BINDINGS, *type(self.app).BINDINGS]),
            ("Full text", BriefingText.BINDINGS),
            ("Outline (Enter jumps)", Outline.BINDINGS),
            ("Sources (Enter selects, again lets go)", SourceList.BINDINGS),
            ("Search bar", SearchBar.BINDINGS),
            ("This help", HelpScreen.BINDINGS),
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
        if self._go_to_place(self.memory.place()):
            return
        unit = self.memory.legacy_position(len(self.text_view.units))
        if unit is not None:
            self.text_view.start_at(unit)

    def _restore_theme(self) -> None:
        theme = self.memory.theme()
        if theme is not None and theme in self.app.available_themes and theme != self.app.theme:
            self.app.theme = theme

    def _open_at_place(self, tries: int = 20) -> None:
        """Open where the command line asked: at ``--at ID``, then at the first ``+/PATTERN`` match."""
        if self.text_view.text_layout is None:
            if tries:
                self.call_after_refresh(self._open_at_place, tries - 1)
            return
        if self._open_at is not None:
            self._go_to_id(self._open_at)
        if self._open_search is not None:
            self._search_origin = max(0, self.text_view.cursor_unit) if self._open_at is not None else 0
            self._run_search(self._open_search, regex=True, case_sensitive=None)
            if self._search is None and not self._searches.pending:  # pending: the rest may find it
                error = self.status_line.notice if self.status_line.error else None
                self.inform(error or f"Pattern not found: {self._open_search}", title="+/", timeout=6)

    def _go_to_id(self, target: str) -> None:
        """Go to the paragraph or section whose id is ``target``."""
        for index, unit in enumerate(self.text_view.units):
            if unit.paragraph is not None and unit.paragraph.id == target:
                self.text_view.start_at(index)
                return
        for index, section in enumerate(self.briefing.sections):
            if section.id == target:
                self.text_view.go_to_section(index)
                return
        self.inform(f"--at {target}: no paragraph or section has this id.", severity="warning", timeout=6)

    def _warn_unsaved(self, message: str) -> None:
        self.inform(message, title="Reading position not saved", severity="warning", timeout=8)

    def on_unmount(self) -> None:
        self.memory.flush()
