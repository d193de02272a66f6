"""The full-text pane: the whole briefing in reading order, drawn only where it is visible."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, ClassVar, Literal, Protocol

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing_tui.enums import AttributionVia, BlockKind, SectionKind
from briefing_tui.meta_line import meta_line
from briefing_tui.safe_text import visible
from briefing_tui.tui.combining import capped_ranges
from briefing_tui.tui.layout import (
    CELL_GAP,
    GUTTER,
    QUOTE_BAR,
    UNWRAPPED,
    Layout,
    LineRole,
    Unit,
    build_units,
    with_paragraphs,
)

if TYPE_CHECKING:  # the first frame draws plain blocks: the model (and Pydantic) comes after it
    from briefing_tui.model import Briefing
    from briefing_tui.shapes import BriefingShape

__all__ = ["BriefingText", "Change", "Highlights", "UnitMatches"]

LAID_OUT_AT_ONCE = 2_000
"""Up to this many units, the whole text is laid out before the first frame; beyond, the
first screens are, and the rest in steps just after it."""
LAYOUT_STEP = 1_500
"""Units laid out per step after the first frame: a few milliseconds, so keys go on working."""
MEASURE = 92
"""The widest a line of text gets, in cells, however wide the pane: long lines tire the eye."""
CACHE_SIZE = 1024
"""Rendered lines kept: several screens, so that stepping back and forth re-renders nothing."""

Change = Literal["new", "changed"]
"""How a paragraph differs from the version of the briefing read before."""

_CHANGE_MARKS: dict[str, str] = {"new": "+", "changed": "~"}
_PLAIN = Style()
"""No style of its own: Rich's styles are immutable, so one serves every piece."""
# Lines drawn from their pieces directly (`BriefingText._direct_line`): nearly all of them.
_DIRECT_ROLES = frozenset({LineRole.PARAGRAPH, LineRole.HEADING})
_GUTTER_GAP = " " * (GUTTER - 2)


class UnitMatches(Protocol):
    """What the view needs from a search result: the matches on one line of a unit."""

    def matches_in_range(self, unit: int, start: int, end: int) -> list[tuple[int, int]]:
        """``(start, end)`` of each match in the unit's text that overlaps ``start``..``end``."""
        ...


@dataclass(frozen=True, slots=True)
class Highlights:
    """Everything that colours text beyond its own style."""

    search: UnitMatches | None = None
    """The active search, if any."""
    current: tuple[int, int, int] | None = None
    """The current match as ``(unit, start, end)``."""
    source_id: str | None = None
    """The selected source, whose attributions stand out."""
    title: tuple[tuple[int, int], ...] = ()
    """Matches of the search in the briefing's title, as ``(start, end)``."""
    title_current: tuple[int, int] | None = None
    """The current match when it is in the title."""


class BriefingText(ScrollView, can_focus=True):
    """The briefing's full text: headings, kinds, paragraphs with their sources marked.

    Only the lines on screen are rendered (Textual's line API), from a `Layout` that knows
    which text every display line shows, so a 10 MB briefing scrolls like a small one.
    Rendered lines are cached under everything that decides how they look (the line, the
    cursor on it, the matches and the selected source on it, its change mark, the pan, the
    layout and theme), as Textual's `Tree` does, so that moving the cursor or stepping to
    the next match renders only the lines that change.

    Block shapes are drawn as written: preformatted blocks and tables keep their lines and
    columns and are never wrapped; when wider than the pane they are cut at its edge with
    ``›`` (``‹`` on the left once panned) and ``left``/``right`` pan them, as ``less -S`` does.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_lines(1)", "Down", show=False, id="text.down"),
        Binding("k,up", "scroll_lines(-1)", "Up", show=False, id="text.up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="text.page_down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="text.page_up"),
        Binding("g,home", "top", "Top", show=False, id="text.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="text.bottom"),
        Binding("right", "pan(1)", "Pan right", show=False, id="text.pan_right"),
        Binding("left", "pan(-1)", "Pan left", show=False, id="text.pan_left"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "briefing-text--title",
        "briefing-text--meta",
        "briefing-text--notice",
        "briefing-text--rule",
        "briefing-text--heading",
        "briefing-text--standfirst",
        "briefing-text--quote",
        "briefing-text--preformatted",
        "briefing-text--table-header",
        "briefing-text--clipped",
        "briefing-text--attribution",
        "briefing-text--attribution-pronoun",
        "briefing-text--selected-source",
        "briefing-text--match",
        "briefing-text--match-current",
        "briefing-text--flag",
        "briefing-text--current",
        "briefing-text--new",
        "briefing-text--changed",
        *(f"briefing-text--{kind.value}" for kind in SectionKind),
    }

    DEFAULT_CSS = """
    BriefingText {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        &:focus { background-tint: $foreground 3%; }
        & > .briefing-text--title { text-style: bold; color: $text; }
        & > .briefing-text--meta { color: $text-muted; }
        & > .briefing-text--notice { color: $warning; }
        & > .briefing-text--rule { color: $text-muted; }
        & > .briefing-text--heading { text-style: bold; color: $text; }
        & > .briefing-text--standfirst { text-style: bold italic; color: $text; }
        & > .briefing-text--quote { color: $text-muted; }
        & > .briefing-text--preformatted { background: $foreground 6%; }
        & > .briefing-text--table-header { text-style: bold; color: $text; }
        & > .briefing-text--clipped { color: $accent; text-style: bold; }
        & > .briefing-text--attribution { text-style: underline; }
        & > .briefing-text--attribution-pronoun { text-style: italic underline; }
        & > .briefing-text--selected-source { background: $accent 40%; text-style: bold underline; }
        & > .briefing-text--match { background: $warning 35%; }
        & > .briefing-text--match-current { background: $warning; color: $background; text-style: bold; }
        & > .briefing-text--flag { color: $error; text-style: bold; }
        & > .briefing-text--current { text-style: bold; }
        & > .briefing-text--new { color: $success; text-style: bold; }
        & > .briefing-text--changed { color: $warning; text-style: bold; }
        & > .briefing-text--negotiations { color: $primary; }
        & > .briefing-text--terms { color: $success; }
        & > .briefing-text--implementation { color: $accent; }
        & > .briefing-text--open_questions { color: $warning; }
        & > .briefing-text--background { color: $text-muted; }
    }
    """

    cursor_unit: reactive[int] = reactive(-1, layout=False)
    """The unit the reader is at: the one at the top of the view, or the last one jumped to."""
    analysed: reactive[bool] = reactive(True)
    """Whether kinds and sources are known yet; until then none are shown."""
    pan: reactive[int] = reactive(0, layout=False)
    """How many cells preformatted blocks and tables are panned to the left."""

    class PositionChanged(Message):
        """The reader moved to another unit (by scrolling or by a jump)."""

        def __init__(self, view: BriefingText, unit: int) -> None:
            self.view = view
            self.unit = unit
            super().__init__()

        @property
        def control(self) -> BriefingText:
            """The view that moved."""
            return self.view

    def __init__(
        self,
        briefing: BriefingShape,
        *,
        analysed: bool = True,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.briefing = briefing
        self.units: list[Unit] = build_units(briefing)
        self._layout: Layout | None = None
        self._partial_ok = False  # while drawing: the lines laid out so far are enough
        self.highlights = Highlights()
        self._cache: LRUCache[Hashable, Strip] = LRUCache(CACHE_SIZE)
        self._generation = 0  # bumped whenever every line may look different
        self._drawn: dict[int, tuple[int, Hashable]] = {}  # screen row -> the line and key drawn there
        self._styles: dict[str, Style] = {}
        self._frame_width: int | None = None  # the content width, read once per frame
        self._prefetched: tuple[int, int] | None = None  # (top line, generation) last read ahead
        self.cache_prefetched = 0
        """Lines rendered ahead, after a paint, into the strip cache."""
        self.cache_hits = 0
        """Lines served from the strip cache (for benchmarks and tests)."""
        self.cache_misses = 0
        """Lines rendered afresh."""
        self._changes: dict[str, Change] = {}
        self._unit_changes: dict[int, Change] = {}
        self._leads: dict[int, tuple[str, str]] = {}  # unit -> what stands before its first and later lines
        self._marked: dict[int, bool] = {}  # unit -> whether it has combining marks to cap
        self._start_unit: tuple[int, int, int] | None = None
        self._virtual_size_seen: Size | None = None
        self.set_reactive(BriefingText.analysed, analysed)

    # --- the model -------------------------------------------------------------------

    def set_briefing(self, briefing: Briefing, *, analysed: bool = True) -> None:
        """Show ``briefing``, which has the same text as before (its analysis has arrived)."""
        self.briefing = briefing
        self.units = with_paragraphs(self.units, briefing)
        self._leads.clear()
        self._marked.clear()
        self.analysed = analysed
        self._unit_changes = self._changes_by_unit()
        self._invalidate()

    def show_whole(self, briefing: Briefing) -> None:
        """Show ``briefing``, the whole of a text whose head was shown: the lines shown so far stay."""
        self.briefing = briefing
        self.units = build_units(briefing)
        self._unit_changes = self._changes_by_unit()
        head = self._layout
        if head is not None:  # laid out anew to below the screen, from the same top line
            lines = max(400, round(self.scroll_y) + 4 * self.scrollable_content_region.height)
            self.text_layout = layout = Layout(briefing, self.units, head.width, lines=lines)
            self.virtual_size = Size(self.virtual_size.width, layout.estimated_line_count())
            if not layout.complete:
                self.call_after_refresh(self._lay_out_more, layout)
        self._invalidate()

    def set_highlights(self, highlights: Highlights) -> None:
        """Change what stands out in the text; only the lines whose look changes are rendered again."""
        self.highlights = highlights
        self._refresh_changed()

    def set_changes(self, changes: Mapping[str, Change]) -> None:
        """Mark paragraphs, by id, as new or changed since the briefing was last read.

        Each marked paragraph gets a mark in the gutter (``+`` new, ``~`` changed) in a
        colour of its own; ids that name no paragraph are ignored.
        """
        self._changes = dict(changes)
        self._unit_changes = self._changes_by_unit()
        self._refresh_changed()

    def changed_units(self) -> list[int]:
        """The units marked new or changed, in reading order, for stepping through them."""
        return sorted(self._unit_changes)

    def change_of(self, unit: int) -> Change | None:
        """How unit ``unit`` changed, if it is marked."""
        return self._unit_changes.get(unit)

    def _changes_by_unit(self) -> dict[int, Change]:
        if not self._changes:
            return {}
        return {
            index: self._changes[unit.paragraph.id]
            for index, unit in enumerate(self.units)
            if unit.paragraph is not None and unit.paragraph.id in self._changes
        }

    # --- movement --------------------------------------------------------------------

    def start_at(self, unit: int, offset: int = 0, above: int = 0) -> None:
        """Open with character ``offset`` of ``unit`` ``above`` lines below the top (a saved
        position), once the text has been laid out."""
        if self.text_layout is None:
            self._start_unit = (unit, offset, above)
        elif 0 <= unit < len(self.units):
            self._scroll_to_line(self.text_layout.line_of(unit, offset) - above)
            self._set_cursor(unit)

    def go_to_unit(self, unit: int, offset: int = 0, *, context: int = 0) -> None:
        """Bring ``unit`` (at character ``offset``) into view with ``context`` lines above it."""
        if self.text_layout is None or not 0 <= unit < len(self.units):
            return
        y = self.text_layout.line_of(unit, offset)
        if not self._visible(y):
            self._scroll_to_line(y - context)
        self._reveal_column(y, offset)
        self._set_cursor(unit)

    def go_to_section(self, section: int) -> None:
        """Put the start of ``section`` at the top of the view."""
        if self.text_layout is None or not 0 <= section < len(self.briefing.sections):
            return
        self._scroll_to_line(self.text_layout.section_first_line[section])
        self._set_cursor(self._first_unit_of(section))

    def current_section(self) -> int:
        """The section the reader is in."""
        if 0 <= self.cursor_unit < len(self.units):
            return self.units[self.cursor_unit].section
        return self.text_layout.section_at(round(self.scroll_y)) if self.text_layout else 0

    def adjacent_section(self, step: int) -> int | None:
        """The section after (``step`` 1) or before (-1) the current one, if there is one.

        Going back from inside a section first goes to that section's own start, as
        ``[[`` does in vim.
        """
        if self.text_layout is None or not self.briefing.sections:
            return None
        current = self.current_section()
        if step > 0:
            return current + 1 if current + 1 < len(self.briefing.sections) else None
        if round(self.scroll_y) > self.text_layout.section_first_line[current]:
            return current
        return current - 1 if current > 0 else None

    def action_scroll_lines(self, count: int) -> None:
        """Scroll by ``count`` lines, as ``j`` and ``k`` do in less."""
        self._scroll_to_line(round(self.scroll_y) + count)

    def action_page(self, pages: int) -> None:
        """Scroll by whole screens, keeping one line of the last screen for context."""
        self._scroll_to_line(round(self.scroll_y) + pages * max(1, self.scrollable_content_region.height - 1))

    def action_top(self) -> None:
        """Go to the top, at once."""
        self._scroll_to_line(0)

    def action_bottom(self) -> None:
        """Go to the bottom, at once."""
        self._scroll_to_line(self.virtual_size.height)

    def action_pan(self, step: int) -> None:
        """Pan preformatted blocks and tables by half a pane, as the arrow keys do in ``less -S``."""
        if self.text_layout is None:
            return
        room = self.text_layout.width - GUTTER
        furthest = max(0, self.text_layout.widest - room + 1)
        self.pan = max(0, min(self.pan + step * max(1, room // 2), furthest))

    def _reveal_column(self, y: int, offset: int) -> None:
        """Pan so that character ``offset`` on unwrapped line ``y`` (a code or table line) is shown."""
        layout = self.text_layout
        assert layout is not None
        role = LineRole(layout.line_role[y])
        if role not in UNWRAPPED:
            return
        unit_index = layout.line_unit[y]
        text = self.units[unit_index].text
        start = layout.line_start[y]
        column = cell_len(text[start:offset])
        if role is LineRole.TABLE_ROW:
            column = 0
            row = layout.row_cells[y]
            for width, (cell_start, cell_end) in zip(layout.columns[unit_index], row, strict=False):
                if offset <= cell_end:
                    column += cell_len(text[cell_start:offset])
                    break
                column += width + len(CELL_GAP)
        room = layout.width - GUTTER
        if not self.pan + 1 <= column < self.pan + room - 1 and (column >= room - 1 or self.pan > 0):
            self.pan = max(0, column - room // 3)

    def _scroll_to_line(self, y: int) -> None:
        # Past the lines laid out so far, the rest is laid out first: the scroll range is exact.
        layout = self.layout_to(y + self.scrollable_content_region.height)
        if layout is not None and layout.complete:
            y = min(y, layout.line_count)
        self.scroll_to(y=max(0, y), animate=False, immediate=True)

    def _visible(self, y: int) -> bool:
        top = round(self.scroll_y)
        return top <= y < top + self.scrollable_content_region.height

    def _first_unit_of(self, section: int) -> int:
        return next((index for index, unit in enumerate(self.units) if unit.section >= section), -1)

    def _set_cursor(self, unit: int) -> None:
        # Scrolling has already moved the cursor to the top unit; a jump names its own.
        self.cursor_unit = unit

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if old_value > self.max_scroll_y and new_value == self.max_scroll_y:
            return  # the view grew (a bar closed) and Textual clamped: the reader did not move
        y = round(new_value)
        layout = self.layout_to(y + self.scrollable_content_region.height)
        if layout is not None:
            y = min(y, layout.line_count - 1)  # past the estimated end of a text laid out since
            unit = layout.unit_at(y)
            if unit is None:
                unit = layout.unit_at_or_after(y)
            if unit is not None:
                self.cursor_unit = unit

    def watch_cursor_unit(self, old_unit: int, new_unit: int) -> None:
        self._refresh_changed()
        if new_unit >= 0:
            self.post_message(self.PositionChanged(self, new_unit))

    def watch_analysed(self) -> None:
        self._invalidate()

    def watch_pan(self) -> None:
        self._refresh_changed()

    def on_click(self, event: Click) -> None:
        if self.text_layout is None:
            return
        unit = self.text_layout.unit_at(round(self.scroll_y) + event.y)
        if unit is not None:
            self._set_cursor(unit)

    # --- layout ----------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._lay_out()

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # The compositor gives a widget without children its own region as `virtual_size`,
        # never the one a ScrollView sets itself, so after every layout of the screen Textual
        # (ScrollView._size_updated) saw a change and refreshed the scrollbar: a frame more.
        # Pass our own size on unless it changed since last time. This stays private API:
        # there is no public hook between the compositor's layout and `_scroll_update`, and
        # `virtual_size` is the scroll range, which cannot equal the region. Measured: 32 keys
        # (two queries typed, `n` five times after each) draw 53 frames and 37 scrollbar
        # renders with it, 55 and 50 without (Textual 8.2).
        if self.virtual_size == self._virtual_size_seen:
            virtual_size = self.virtual_size
        self._virtual_size_seen = self.virtual_size
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _text_width(self) -> int:
        """Cells from the gutter's start to the end of the text column."""
        return min(MEASURE, self.scrollable_content_region.width - 1)

    @property
    def text_layout(self) -> Layout | None:
        """The display lines, laid out to the end first if only the first screens are yet."""
        layout = self._layout
        if layout is not None and not layout.complete and not self._partial_ok:
            layout.finish()
            self._laid_out(layout)
        return layout

    @text_layout.setter
    def text_layout(self, layout: Layout | None) -> None:
        self._layout = layout

    def layout_to(self, line: int) -> Layout | None:
        """The layout, laid out at least down to display line ``line`` (to the end, if need be)."""
        layout = self._layout
        if layout is not None and not layout.complete and line >= layout.line_count:
            return self.text_layout
        return layout

    @property
    def layout_so_far(self) -> Layout | None:
        """The display lines laid out so far (the first screens, just after the first frame)."""
        return self._layout

    def _lay_out(self) -> None:
        """Lay the text out for the current width, keeping the reader where they were."""
        partial_ok, self._partial_ok = self._partial_ok, True
        try:
            self._lay_out_now()
        finally:
            self._partial_ok = partial_ok

    def _lay_out_now(self) -> None:
        if self.scrollable_content_region.width <= 0:
            return
        width = self._text_width()
        if self._layout is not None and self._layout.width == max(GUTTER + 4, width):
            return
        anchor = self.cursor_unit
        # A long text opened at the top: its first screens now, the rest just after the frame.
        at_top = anchor < 0 and self._start_unit is None and len(self.units) > LAID_OUT_AT_ONCE
        lines = max(400, 4 * self.scrollable_content_region.height) if at_top else None
        self.text_layout = layout = Layout(self.briefing, self.units, width, lines=lines)
        self.virtual_size = Size(self.scrollable_content_region.width, layout.estimated_line_count())
        if not layout.complete:
            self.call_after_refresh(self._lay_out_more, layout)
        self._invalidate()
        if self._start_unit is not None:
            start, self._start_unit = self._start_unit, None
            self.call_after_refresh(self.start_at, *start)
        elif anchor < 0 and self.units:
            self.cursor_unit = 0
        elif anchor >= 0 and round(self.scroll_y) > 0:
            self._scroll_to_line(self.text_layout.unit_first_line[anchor])
            self._set_cursor(anchor)

    def _lay_out_more(self, layout: Layout) -> None:
        """Lay out one more step of ``layout``, then let keys and paints in before the next."""
        if layout is not self._layout or layout.complete:
            return  # laid out again for another width, or finished by a jump
        layout.extend(LAYOUT_STEP)
        if layout.complete:
            self._laid_out(layout)
        else:
            self.set_timer(0.001, lambda: self._lay_out_more(layout))

    def _laid_out(self, layout: Layout) -> None:
        """The whole text is laid out: the scroll range is exact now (the lines drawn are unchanged)."""
        if layout is self._layout:
            self.virtual_size = Size(self.virtual_size.width, layout.line_count)
            if self.cursor_unit >= 0:  # where the reader is, as a share of the whole, is known now
                self.post_message(self.PositionChanged(self, self.cursor_unit))

    def _invalidate(self) -> None:
        self._generation += 1
        self._cache.clear()
        self._styles.clear()
        self.refresh()

    def _refresh_changed(self) -> None:
        """Repaint only the lines on screen whose look has changed since they were drawn."""
        region = self.scrollable_content_region
        top = round(self.scroll_y)
        self.layout_to(top + region.height)
        partial_ok, self._partial_ok = self._partial_ok, True  # the lines on screen are laid out
        try:
            rows = [
                row
                for row in range(region.height)
                if self._drawn.get(row) != (top + row, self._line_key(top + row, region.width))
            ]
        finally:
            self._partial_ok = partial_ok
        if rows:
            self.refresh(*_row_runs(rows, region.width))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._generation += 1
        self._cache.clear()
        self._styles.clear()

    # --- rendering -------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # Once per frame, never per line: the first frame can come before our Resize
        # message, and laying out now lets that frame already show text.
        if self._layout is None or self._layout.width != max(GUTTER + 4, self._text_width()):
            self._lay_out()
        self._frame_width = self.scrollable_content_region.width
        self._partial_ok = True
        try:
            return super().render_lines(crop)
        finally:
            self._frame_width = None
            self._partial_ok = False
            if self._prefetched != (round(self.scroll_y), self._generation):
                self.call_after_refresh(self._read_ahead)

    def _read_ahead(self) -> None:
        """Render the screen below and the one above into the cache, after the paint.

        Stepping to the next match usually scrolls less than a screen, so the lines it
        brings into view are then already rendered: the keystroke only draws them.
        """
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        layout = self._layout  # lines not laid out yet are not read ahead: they are not needed yet
        if layout is None or self._prefetched == (top, self._generation):
            return
        self._prefetched = (top, self._generation)
        width = self.scrollable_content_region.width
        self._partial_ok = True
        try:
            for line in (*range(top + height, top + 2 * height), *range(max(0, top - height), top)):
                if line >= layout.line_count:
                    continue
                key = self._line_key(line, width)
                if key not in self._cache:
                    self._cache[key] = self._render_display_line(line, width)
                    self.cache_prefetched += 1
        finally:
            self._partial_ok = False

    def render_ahead(self, highlights: Highlights, unit: int, offset: int, *, context: int = 2) -> None:
        """Render into the cache the screen `go_to_unit` would show for ``offset`` in ``unit``
        with these highlights (what the next ``n`` will show), without showing it.

        The lines whose look would change (the bar of the paragraph the cursor moves into,
        the current match, the paragraph left behind) are then drawn from the cache when
        the step comes.
        """
        layout = self.text_layout
        if layout is None or not 0 <= unit < len(self.units):
            return
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        y = layout.line_of(unit, offset)
        if not top <= y < top + height:
            top = max(0, min(y - context, round(self.max_scroll_y)))
        shown, cursor = self.highlights, self.cursor_unit
        self.highlights = highlights
        self.set_reactive(BriefingText.cursor_unit, unit)  # no watcher: nothing moves
        try:
            width = self.scrollable_content_region.width
            for line in range(top, min(top + height, layout.line_count)):
                key = self._line_key(line, width)
                if key not in self._cache:
                    self._cache[key] = self._render_display_line(line, width)
                    self.cache_prefetched += 1
        finally:
            self.highlights = shown
            self.set_reactive(BriefingText.cursor_unit, cursor)

    def render_line(self, y: int) -> Strip:
        width = self._frame_width if self._frame_width is not None else self.scrollable_content_region.width
        line = round(self.scroll_y) + y
        key = self._line_key(line, width)
        self._drawn[y] = (line, key)
        cached = self._cache.get(key)
        if cached is None:
            self.cache_misses += 1
            cached = self._render_display_line(line, width)
            self._cache[key] = cached
        else:
            self.cache_hits += 1
        # Drawn as cached, without Textual's `apply_offsets`: that copies the strip with a
        # style per segment carrying its place, for text selection, which takes text only
        # from a widget that implements `get_selection` (this one does not). The copy cost
        # a new screen's frame a fifth of its time and doubled the strips the cache holds
        # for the garbage collector to walk.
        return cached

    def _line_key(self, y: int, width: int) -> Hashable:
        """Everything that decides how display line ``y`` looks, as a cache key."""
        layout = self.text_layout
        if layout is None or not 0 <= y < layout.line_count:
            return (self._generation, width, -1)
        unit = layout.line_unit[y]
        if unit < 0:
            return (self._generation, width, y)
        start, end = layout.line_start[y], layout.line_end[y]
        highlights = self.highlights
        matches: tuple[tuple[int, int], ...] | None = None
        if highlights.search is not None:
            # A line without a match looks as it did with no search: the same key, so the
            # first key of a query re-renders only the lines its matches are on.
            matches = tuple(highlights.search.matches_in_range(unit, start, end)) or None
        current = highlights.current
        if current is not None and not (current[0] == unit and current[1] <= end and current[2] >= start):
            current = None
        source = highlights.source_id
        paragraph = self.units[unit].paragraph
        if source is not None and (
            paragraph is None
            or not any(
                a.source_id == source and a.start < end and a.end > start for a in paragraph.attributions
            )
        ):
            source = None
        pan = self.pan if layout.line_role[y] in UNWRAPPED else 0
        return (
            self._generation,
            width,
            y,
            unit == self.cursor_unit,
            matches,
            current,
            source,
            self._unit_changes.get(unit),
            pan,
        )

    def _render_display_line(self, y: int, width: int) -> Strip:
        base = self._base_style()
        layout = self.text_layout
        if layout is None or y >= layout.line_count:
            return Strip.blank(width, base)
        role = LineRole(layout.line_role[y])
        if role in _DIRECT_ROLES:
            strip = self._direct_line(y, role, width, base)
            if strip is not None:
                return strip
        return self._rich_line(y, role, width, base)

    def _rich_line(self, y: int, role: LineRole, width: int, base: Style) -> Strip:
        """Display line ``y`` through Rich `Text`: every role, and what `_direct_line` leaves."""
        if role in UNWRAPPED:
            strip = self._unwrapped_line(y, role)
        else:
            text = self._line_text(y, role)
            text.style = base
            strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(0, width, base).simplify()

    def _direct_line(self, y: int, role: LineRole, width: int, base: Style) -> Strip | None:
        """A paragraph or heading line as segments built straight from its styled pieces.

        The same styles, piece for piece, as `_rich_line` gives (each piece's style is the
        base plus the styles over it, weakest first), without Rich's `Text`, its sorting of
        span ends and three intermediate strips: most of a keystroke that brings a new
        screen is rendering its lines. None for a line it leaves to `_rich_line`: one whose
        combining marks are capped, or one wider than the pane.
        """
        layout = self._layout  # laid out down to here: `_render_display_line` saw to it
        assert layout is not None
        unit_index, start, end = layout.line_unit[y], layout.line_start[y], layout.line_end[y]
        text = self.units[unit_index].text[start:end]
        if self._has_marks(unit_index) and capped_ranges(text) is not None:
            return None
        if role is LineRole.HEADING:
            pieces: list[tuple[str, Style]] = [(" ", _PLAIN)]
            body_style = self._style("heading")
        else:
            pieces = self._gutter_pieces(y) + self._lead_pieces(y)
            standfirst = self.units[unit_index].block is BlockKind.STANDFIRST
            body_style = self._style("standfirst") if standfirst else _PLAIN
        segments = [Segment(piece, base + style if style else base) for piece, style in pieces if piece]
        body = base + body_style if body_style else base
        segments += self._body_segments(unit_index, start, end, text, body)
        # Measured once for the text, not per segment: a line with matches has many.
        cells = sum(cell_len(piece) for piece, _ in pieces) + cell_len(text)
        if cells > width:
            return None
        if cells < width:
            segments.append(Segment(" " * (width - cells), base))
        return Strip(Segment.simplify(segments), width)

    def _body_segments(self, unit_index: int, start: int, end: int, text: str, style: Style) -> list[Segment]:
        """Characters ``start``..``end`` of a unit as segments, each styled by every span over it."""
        spans = [
            (max(span_start, start) - start, min(span_end, end) - start, span_style)
            for span_start, span_end, span_style in self._spans(unit_index, start, end)
            if span_end > start and span_start < end and span_style
        ]
        if not spans:
            return [Segment(text, style)] if text else []
        cuts = sorted({0, len(text), *(span[0] for span in spans), *(span[1] for span in spans)})
        segments = []
        for left, right in pairwise(cuts):
            piece_style = style
            for span_start, span_end, span_style in spans:  # in order: later spans win
                if span_start <= left and span_end >= right:
                    piece_style = piece_style + span_style
            segments.append(Segment(text[left:right], piece_style))
        return segments

    def _has_marks(self, unit_index: int) -> bool:
        """Whether a unit has a run of combining marks to cap (else none of its lines has)."""
        marked = self._marked.get(unit_index)
        if marked is None:
            marked = self._marked[unit_index] = capped_ranges(self.units[unit_index].text) is not None
        return marked

    def _gutter_pieces(self, y: int) -> list[tuple[str, Style]]:
        """The gutter of paragraph line ``y`` as (text, style) pieces, as `_gutter` draws it."""
        layout = self._layout
        assert layout is not None
        unit_index = layout.line_unit[y]
        paragraph = self.units[unit_index].paragraph
        assert paragraph is not None
        first = y == layout.unit_first_line[unit_index]
        current = unit_index == self.cursor_unit
        bar_style = self._style(paragraph.kind.value) if self.analysed else self._style("rule")
        flagged = first and self.analysed and self.briefing.rests_on_one_anonymous_source(paragraph)
        change = self._unit_changes.get(unit_index)
        mark = _CHANGE_MARKS[change] if change is not None and first else " "
        return [
            (mark, self._style(change) if change is not None else _PLAIN),
            ("┃" if current else "▎", bar_style + self._style("current") if current else bar_style),
            ("!" if flagged else " ", self._style("flag")),
            (_GUTTER_GAP, _PLAIN),
        ]

    def _lead_pieces(self, y: int) -> list[tuple[str, Style]]:
        """What comes between the gutter and the text of paragraph line ``y``: marker, indent, quote bar."""
        layout = self._layout
        assert layout is not None
        unit_index = layout.line_unit[y]
        unit = self.units[unit_index]
        lead = self._leads.get(unit_index)
        if lead is None:  # the marker is made safe to show each time it is read: once per unit
            lead = self._leads[unit_index] = (unit.prefix, unit.indent)
        prefix, indent = lead
        first = y == layout.unit_first_line[unit_index]
        if unit.block is BlockKind.QUOTE:
            return [(QUOTE_BAR, self._style("quote")), (prefix if first else indent[2:], _PLAIN)]
        return [(prefix if first else indent, _PLAIN)]

    def _line_text(self, y: int, role: LineRole) -> Text:
        assert self.text_layout is not None
        if role is LineRole.TITLE:
            start, end = self.text_layout.line_start[y], self.text_layout.line_end[y]
            piece = Text(visible(self.briefing.title)[start:end], self._style("title"), end="")
            for match in (*self.highlights.title, self.highlights.title_current):
                if match is not None and match[1] > start and match[0] < end:
                    name = "match-current" if match == self.highlights.title_current else "match"
                    piece.stylize(self._style(name), max(match[0], start) - start, min(match[1], end) - start)
            return Text.assemble(" ", piece)
        if role is LineRole.META:
            return Text.assemble(" ", (meta_line(self.briefing), self._style("meta")))
        if role is LineRole.RULE:
            return self._rule(self.text_layout.line_section[y])
        if role is LineRole.HEADING:
            return Text.assemble(" ", self._unit_text(y, self._style("heading")))
        if role is LineRole.PARAGRAPH:
            return self._paragraph_line(y)
        return Text()

    def _rule(self, section_index: int) -> Text:
        section = self.briefing.sections[section_index]
        width = self.text_layout.width if self.text_layout else MEASURE
        if not self.analysed:
            return Text(" " + "─" * width, self._style("rule"))
        label = f" {section.kind.value.replace('_', ' ').upper()} "
        kind_style = self._style(section.kind.value) + Style(bold=True)
        return Text.assemble(
            " ── ", (label, kind_style), ("─" * max(0, width - len(label) - 3), self._style("rule"))
        )

    def _gutter(self, y: int) -> Text:
        """The cells left of a paragraph's line: change mark, kind bar, flag, space."""
        return Text.assemble(*self._gutter_pieces(y))

    def _paragraph_line(self, y: int) -> Text:
        assert self.text_layout is not None
        unit = self.units[self.text_layout.line_unit[y]]
        style = self._style("standfirst") if unit.block is BlockKind.STANDFIRST else Style()
        return Text.assemble(self._gutter(y), Text.assemble(*self._lead_pieces(y)), self._unit_text(y, style))

    def _unwrapped_line(self, y: int, role: LineRole) -> Strip:
        """A line of a preformatted block or a table: drawn as written, panned, cut at the pane's edge."""
        assert self.text_layout is not None
        layout = self.text_layout
        console = self.app.console
        base = self._base_style()
        gutter = self._gutter(y)
        gutter.style = base
        room = max(2, layout.width - GUTTER)
        if role is LineRole.TABLE_ROW:
            body = self._table_row(y)
        elif role is LineRole.TABLE_RULE:
            columns = layout.columns[layout.line_unit[y]]
            body = Text("─┼─".join("─" * column for column in columns), self._style("rule"))
        else:
            body = self._unit_text(y, self._style("preformatted"))
        body.style = base
        content = Strip(body.render(console), body.cell_len)
        total = content.cell_length
        pan = min(self.pan, max(0, total - 1))
        shown = content.crop(pan, pan + room)
        marker = self._style("clipped")
        if pan > 0 and total > 0:
            shown = Strip.join([Strip([Segment("‹", base + marker)], 1), shown.crop(1, room)])
        if total - pan > room:
            shown = Strip.join([shown.crop(0, room - 1), Strip([Segment("›", base + marker)], 1)])
        return Strip.join([Strip(gutter.render(console), gutter.cell_len), shown])

    def _table_row(self, y: int) -> Text:
        assert self.text_layout is not None
        layout = self.text_layout
        unit_index = layout.line_unit[y]
        row = layout.row_cells[y]
        header = y == layout.unit_first_line[unit_index] and layout.unit_line_count[unit_index] > 1
        style = self._style("table-header") if header else Style()
        gap = Text(CELL_GAP, self._style("rule"))
        pieces: list[Text] = []
        for column, width in enumerate(layout.columns[unit_index]):
            if column < len(row):
                cell_start, cell_end = row[column]
                piece = self._styled_range(unit_index, cell_start, cell_end, style)
            else:
                piece = Text()
            piece.pad_right(width - piece.cell_len)
            pieces.append(piece)
        return gap.join(pieces)

    def _unit_text(self, y: int, style: Style) -> Text:
        assert self.text_layout is not None
        layout = self.text_layout
        return self._styled_range(layout.line_unit[y], layout.line_start[y], layout.line_end[y], style)

    def _styled_range(self, unit_index: int, start: int, end: int, style: Style) -> Text:
        """Characters ``start``..``end`` of a unit, with its spans, combining marks capped."""
        text = Text(self.units[unit_index].text[start:end], style=style, end="")
        for span_start, span_end, span_style in self._spans(unit_index, start, end):
            if span_end > start and span_start < end:
                text.stylize(span_style, max(span_start, start) - start, min(span_end, end) - start)
        kept = capped_ranges(text.plain)
        if kept is None:
            return text
        return Text("", end="").join(text[a:b] for a, b in kept)

    def _spans(self, unit_index: int, start: int, end: int) -> Iterator[tuple[int, int, Style]]:
        """Styled ranges of a unit that may touch its characters ``start``..``end``, weakest first."""
        unit = self.units[unit_index]
        highlights = self.highlights
        if unit.paragraph is not None and self.analysed:
            for attribution in unit.paragraph.attributions:
                selected = attribution.source_id == highlights.source_id
                # A resolved pronoun ("she said") is set apart from words that name the source.
                plain = "attribution-pronoun" if attribution.via is AttributionVia.PRONOUN else "attribution"
                name = "selected-source" if selected else plain
                yield attribution.start, attribution.end, self._style(name)
        if highlights.search is not None:
            match_style = self._style("match")
            for match_start, match_end in highlights.search.matches_in_range(unit_index, start, end):
                yield match_start, match_end, match_style
        if highlights.current is not None and highlights.current[0] == unit_index:
            yield highlights.current[1], highlights.current[2], self._style("match-current")

    def _base_style(self) -> Style:
        """The widget's own style (background, focus tint), read once per style change."""
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(f"briefing-text--{name}", partial=True)
        return style


def _row_runs(rows: list[int], width: int) -> list[Region]:
    """Ascending screen rows as one region per run of consecutive rows.

    A new query or a jump changes every row: one region instead of one per row spares
    Textual marking and merging dozens of them in the keystroke's frame.
    """
    runs: list[Region] = []
    first = previous = rows[0]
    for row in rows[1:]:
        if row != previous + 1:
            runs.append(Region(0, first, width, previous - first + 1))
            first = row
        previous = row
    runs.append(Region(0, first, width, previous - first + 1))
    return runs
