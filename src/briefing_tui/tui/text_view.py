"""The full-text pane: the whole briefing in reading order, drawn only where it is visible."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Protocol

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing_tui.model import Briefing, SectionKind
from briefing_tui.safe_text import visible
from briefing_tui.tui.layout import GUTTER, Layout, LineRole, Unit, build_units, with_paragraphs

__all__ = ["BriefingText", "Highlights", "UnitMatches"]

MEASURE = 92
"""The widest a line of text gets, in cells, however wide the pane: long lines tire the eye."""


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
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_lines(1)", "Down", show=False, id="text.down"),
        Binding("k,up", "scroll_lines(-1)", "Up", show=False, id="text.up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="text.page_down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="text.page_up"),
        Binding("g,home", "top", "Top", show=False, id="text.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="text.bottom"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "briefing-text--title",
        "briefing-text--meta",
        "briefing-text--notice",
        "briefing-text--rule",
        "briefing-text--heading",
        "briefing-text--attribution",
        "briefing-text--selected-source",
        "briefing-text--match",
        "briefing-text--match-current",
        "briefing-text--flag",
        "briefing-text--current",
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
        & > .briefing-text--attribution { text-style: underline; }
        & > .briefing-text--selected-source { background: $accent 40%; text-style: bold underline; }
        & > .briefing-text--match { background: $warning 35%; }
        & > .briefing-text--match-current { background: $warning; color: $background; text-style: bold; }
        & > .briefing-text--flag { color: $error; text-style: bold; }
        & > .briefing-text--current { text-style: bold; }
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
        briefing: Briefing,
        *,
        analysed: bool = True,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.briefing = briefing
        self.units: list[Unit] = build_units(briefing)
        self.text_layout: Layout | None = None
        self.highlights = Highlights()
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._start_unit: tuple[int, int, int] | None = None
        self.set_reactive(BriefingText.analysed, analysed)

    # --- the model -------------------------------------------------------------------

    def set_briefing(self, briefing: Briefing, *, analysed: bool = True) -> None:
        """Show ``briefing``, which has the same text as before (its analysis has arrived)."""
        self.briefing = briefing
        self.units = with_paragraphs(self.units, briefing)
        self.analysed = analysed
        self._invalidate()

    def set_highlights(self, highlights: Highlights) -> None:
        """Change what stands out in the text."""
        self.highlights = highlights
        self._invalidate()

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

    def _scroll_to_line(self, y: int) -> None:
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
        if self.text_layout is not None:
            y = round(new_value)
            unit = self.text_layout.unit_at(y)
            if unit is None:
                unit = self.text_layout.unit_at_or_after(y)
            if unit is not None:
                self.cursor_unit = unit

    def watch_cursor_unit(self, old_unit: int, new_unit: int) -> None:
        self._invalidate()
        if new_unit >= 0:
            self.post_message(self.PositionChanged(self, new_unit))

    def watch_analysed(self) -> None:
        self._invalidate()

    def on_click(self, event: Click) -> None:
        if self.text_layout is None:
            return
        unit = self.text_layout.unit_at(round(self.scroll_y) + event.y)
        if unit is not None:
            self._set_cursor(unit)

    # --- layout ----------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        """Lay the text out for the current width, keeping the reader where they were."""
        width = min(MEASURE, self.scrollable_content_region.width - 1)
        if self.text_layout is not None and self.text_layout.width == max(20, width):
            return
        anchor = self.cursor_unit
        self.text_layout = Layout(self.briefing, self.units, width)
        self.virtual_size = Size(self.scrollable_content_region.width, self.text_layout.line_count)
        self._invalidate()
        if self._start_unit is not None:
            start, self._start_unit = self._start_unit, None
            self.call_after_refresh(self.start_at, *start)
        elif anchor < 0 and self.units:
            self.cursor_unit = 0
        elif anchor >= 0 and round(self.scroll_y) > 0:
            self._scroll_to_line(self.text_layout.unit_first_line[anchor])
            self._set_cursor(anchor)

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    # --- rendering -------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self.text_layout is None and width > 0:
            # The first frame can come before our Resize message: lay out now, so that
            # frame already shows text.
            self._lay_out()
        line = round(self.scroll_y) + y
        key = (line, width)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._render_display_line(line, width)
            self._cache[key] = cached
        return cached.apply_offsets(0, line)

    def _render_display_line(self, y: int, width: int) -> Strip:
        base = self.rich_style
        if self.text_layout is None or y >= self.text_layout.line_count:
            return Strip.blank(width, base)
        text = self._line_text(y)
        text.style = base
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(0, width, base).simplify()

    def _line_text(self, y: int) -> Text:
        assert self.text_layout is not None
        role = LineRole(self.text_layout.line_role[y])
        if role is LineRole.TITLE:
            start, end = self.text_layout.line_start[y], self.text_layout.line_end[y]
            piece = Text(visible(self.briefing.title)[start:end], self._style("title"), end="")
            for match in (*self.highlights.title, self.highlights.title_current):
                if match is not None and match[1] > start and match[0] < end:
                    name = "match-current" if match == self.highlights.title_current else "match"
                    piece.stylize(self._style(name), max(match[0], start) - start, min(match[1], end) - start)
            return Text.assemble(" ", piece)
        if role is LineRole.META:
            return Text.assemble(" ", (self._meta(), self._style("meta")))
        if role is LineRole.RULE:
            return self._rule(self.text_layout.line_section[y])
        if role is LineRole.HEADING:
            return Text.assemble(" ", self._unit_text(y, self._style("heading")))
        if role is LineRole.PARAGRAPH:
            return self._paragraph_line(y)
        return Text()

    def _meta(self) -> str:
        briefing = self.briefing
        parts = [
            briefing.outlet,
            briefing.author,
            briefing.published.isoformat() if briefing.published else None,
        ]
        parts.append(briefing.origin)
        parts.extend(f"⚠ {notice}" for notice in briefing.notices)
        return visible("  ·  ".join(part for part in parts if part))

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

    def _paragraph_line(self, y: int) -> Text:
        assert self.text_layout is not None
        unit_index = self.text_layout.line_unit[y]
        unit = self.units[unit_index]
        paragraph = unit.paragraph
        assert paragraph is not None
        first = y == self.text_layout.unit_first_line[unit_index]
        current = unit_index == self.cursor_unit
        bar = "┃" if current else "▎"
        bar_style = self._style(paragraph.kind.value) if self.analysed else self._style("rule")
        flagged = first and self.analysed and self.briefing.rests_on_one_anonymous_source(paragraph)
        flag = "!" if flagged else " "
        prefix = unit.prefix if first else " " * len(unit.prefix)
        return Text.assemble(
            " ",
            (bar, bar_style + (self._style("current") if current else Style())),
            (flag, self._style("flag")),
            " " * (GUTTER - 2),
            prefix,
            self._unit_text(y, Style()),
        )

    def _unit_text(self, y: int, style: Style) -> Text:
        assert self.text_layout is not None
        unit_index = self.text_layout.line_unit[y]
        start, end = self.text_layout.line_start[y], self.text_layout.line_end[y]
        text = Text(self.units[unit_index].text[start:end], style=style, end="")
        for span_start, span_end, span_style in self._spans(unit_index, start, end):
            if span_end > start and span_start < end:
                text.stylize(span_style, max(span_start, start) - start, min(span_end, end) - start)
        return text

    def _spans(self, unit_index: int, start: int, end: int) -> Iterator[tuple[int, int, Style]]:
        """Styled ranges of a unit that may touch its characters ``start``..``end``, weakest first."""
        unit = self.units[unit_index]
        highlights = self.highlights
        if unit.paragraph is not None and self.analysed:
            for attribution in unit.paragraph.attributions:
                selected = attribution.source_id == highlights.source_id
                name = "selected-source" if selected else "attribution"
                yield attribution.start, attribution.end, self._style(name)
        if highlights.search is not None:
            match_style = self._style("match")
            for match_start, match_end in highlights.search.matches_in_range(unit_index, start, end):
                yield match_start, match_end, match_style
        if highlights.current is not None and highlights.current[0] == unit_index:
            yield highlights.current[1], highlights.current[2], self._style("match-current")

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"briefing-text--{name}", partial=True)
