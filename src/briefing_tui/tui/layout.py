"""Lay a briefing out as display lines for a given width, without rendering any of them.

The full-text view draws only the lines on screen, so what it needs up front is cheap:
for every display line, which text unit it shows and which character range of it. Units
are numbered by `briefing_tui.units.walk`, as `briefing_tui.search.SearchIndex` numbers them:
each section's heading (when it has one), then its paragraphs. Offsets are character
offsets into the unit's text, so attributions and search matches map onto lines directly.

Lines are kept in flat integer arrays: a 10 MB briefing is a few hundred thousand lines
and must not cost a Python object each.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from enum import IntEnum
from itertools import repeat
from typing import TYPE_CHECKING

from rich.cells import cell_len, split_graphemes

from briefing_tui.enums import BlockKind
from briefing_tui.safe_text import SafeText, visible
from briefing_tui.units import walk

if TYPE_CHECKING:
    from briefing_tui.model import Briefing
    from briefing_tui.shapes import BriefingShape, ParagraphShape

__all__ = [
    "CELL_GAP",
    "GUTTER",
    "MIN_WIDTH",
    "QUOTE_BAR",
    "UNWRAPPED",
    "Layout",
    "LineRole",
    "Unit",
    "build_units",
    "with_paragraphs",
    "wrap",
]

GUTTER = 3
"""Cells left of a paragraph: the kind bar, the flag, a space."""
NO_UNIT = -1

# Characters that always take exactly one cell: printable ASCII, Latin, Greek, Cyrillic,
# and general punctuation (curly quotes, dashes, ellipsis). Text made only of these is
# measured by its length, which lets the fast wrap run on most news text, not just ASCII.
_NOT_ONE_CELL = re.compile(
    "[^\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c"
    "\u038e-\u03a1\u03a3-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]"
)


class LineRole(IntEnum):
    """What a display line shows."""

    BLANK = 0
    TITLE = 1
    META = 2
    RULE = 3
    HEADING = 4
    PARAGRAPH = 5
    """A wrapped line of a paragraph (body, standfirst, quote, list item)."""
    PRE = 6
    """One line of a preformatted block, as written: never wrapped, panned sideways."""
    TABLE_ROW = 7
    """One row of a table, its cells aligned in columns."""
    TABLE_RULE = 8
    """The rule under a table's header row."""


UNWRAPPED = frozenset({LineRole.PRE, LineRole.TABLE_ROW, LineRole.TABLE_RULE})
"""Roles of lines drawn as written, wider than the view if need be."""
QUOTE_BAR = "│ "
"""What stands left of every line of a block quote."""
CELL_GAP = " │ "
"""What stands between two cells of a table row."""
MIN_WIDTH = GUTTER + 4
"""The narrowest text column laid out: narrower panes clip rather than wrap letter by letter."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A searchable, highlightable run of text: a heading or a paragraph."""

    section: int
    """Index of the section it belongs to."""
    text: SafeText
    """The text made safe for the terminal (same length as the model's)."""
    paragraph: ParagraphShape | None
    """The paragraph (the model's, or a plain block before the model is built), or None for a heading."""

    @property
    def prefix(self) -> SafeText:
        """What stands before the text on the first line: a list marker and a space."""
        marker = self.paragraph.marker if self.paragraph is not None else None
        # The marker is briefing data like the text: an escape sequence in it is shown, not run.
        return visible(f"{marker} ") if marker else SafeText("")

    @property
    def block(self) -> BlockKind | None:
        """The paragraph's shape, or None for a heading."""
        return None if self.paragraph is None else self.paragraph.block

    @property
    def indent(self) -> str:
        """What stands before the text on every line after the first: wrapped lines keep the indent."""
        bar = QUOTE_BAR if self.block is BlockKind.QUOTE else ""
        return bar + " " * cell_len(self.prefix)

    def table_cells(self) -> tuple[tuple[tuple[int, int], ...], ...] | None:
        """Each row's cells as ``(start, end)`` offsets in `text`, or None when not a table.

        A table whose rows do not spell its text (as the model says they must) is drawn as
        preformatted text instead, so that search offsets always land on what is shown.
        """
        paragraph = self.paragraph
        if paragraph is None or paragraph.block is not BlockKind.TABLE or not paragraph.rows:
            return None
        if "\n".join("\t".join(row) for row in paragraph.rows) != paragraph.text:
            return None
        rows: list[tuple[tuple[int, int], ...]] = []
        position = 0
        for row in paragraph.rows:
            cells: list[tuple[int, int]] = []
            for cell in row:
                cells.append((position, position + len(cell)))
                position += len(cell) + 1
            rows.append(tuple(cells))
        return tuple(rows)


def with_paragraphs(units: list[Unit], briefing: Briefing) -> list[Unit]:
    """``units`` pointing at ``briefing``'s paragraphs, for the same text newly analysed.

    The texts are reused as they are: making them safe again would cost a pass over
    every character for nothing.
    """
    paragraphs = iter(briefing.paragraphs())
    return [
        unit if unit.paragraph is None else Unit(unit.section, unit.text, next(paragraphs)) for unit in units
    ]


def build_units(briefing: BriefingShape) -> list[Unit]:
    """Every heading and paragraph in reading order."""
    return [Unit(section, visible(text), paragraph) for section, text, paragraph in walk(briefing)]


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` into ``(start, end)`` ranges of at most ``width`` cells.

    Spaces at a break are dropped; a word longer than the width is cut; a newline always
    breaks. Every non-space character lands in exactly one range.
    """
    width = max(1, width)
    ranges: list[tuple[int, int]] = []
    base = 0
    for piece in text.split("\n"):
        if piece.isascii() or not _NOT_ONE_CELL.search(piece):
            _wrap_narrow(piece, width, base, ranges)
        else:
            _wrap_cells(piece, width, base, ranges)
        base += len(piece) + 1
    return ranges


def _wrap_narrow(text: str, width: int, base: int, out: list[tuple[int, int]]) -> None:
    # One character is one cell here, so str.rfind does the measuring in C.
    size = len(text)
    pos = 0
    emitted = len(out)
    while size - pos > width:
        cut = text.rfind(" ", pos, pos + width + 1)
        if cut <= pos:
            cut = pos + width
            out.append((base + pos, base + cut))
            pos = cut
        else:
            out.append((base + pos, base + len(text[pos:cut].rstrip(" ")) + pos))
            pos = cut + 1
        while pos < size and text[pos] == " ":
            pos += 1
    if pos < size or len(out) == emitted:
        out.append((base + pos, base + size))


def _wrap_cells(text: str, width: int, base: int, out: list[tuple[int, int]]) -> None:
    spans, total = split_graphemes(text)
    if total <= width:
        out.append((base, base + len(text)))
        return
    line_start, cells = 0, 0
    last_space: int | None = None  # index in spans of the last space on the line
    index = 0
    while index < len(spans):
        start, end, size = spans[index]
        if cells + size > width and start > line_start:
            if last_space is not None and spans[last_space][0] > line_start:
                cut = spans[last_space][0]
                out.append((base + line_start, base + len(text[line_start:cut].rstrip(" ")) + line_start))
                index = last_space + 1
            else:
                out.append((base + line_start, base + start))
            while index < len(spans) and text[spans[index][0] : spans[index][1]] == " ":
                index += 1
            line_start = spans[index][0] if index < len(spans) else len(text)
            cells, last_space = 0, None
            continue
        if text[start:end] == " ":
            last_space = index
        cells += size
        index += 1
    if line_start < len(text):
        out.append((base + line_start, base + len(text)))


class Layout:
    """The display lines of a briefing at one text width.

    Laid out from the top: given ``lines``, only until there are that many display lines
    (the first screens, for a first frame that does not wait for 10 MB of text); `extend`
    lays out more and `finish` the rest. Every line laid out so far is final.
    """

    def __init__(
        self, briefing: BriefingShape, units: list[Unit], width: int, *, lines: int | None = None
    ) -> None:
        self.width = max(MIN_WIDTH, width)
        """The measure: cells from the gutter to the end of the longest line."""
        self.line_role = array("b")
        self.line_section = array("i")
        self.line_unit = array("i")
        self.line_start = array("i")
        self.line_end = array("i")
        self.unit_first_line = array("i", [0]) * len(units)
        self.unit_line_count = array("i", [0]) * len(units)
        self.section_first_line = array("i", [0]) * len(briefing.sections)
        self.columns: dict[int, tuple[int, ...]] = {}
        """Each table's column widths in cells, by unit."""
        self.row_cells: dict[int, tuple[tuple[int, int], ...]] = {}
        """The cells shown on each table-row line, as ``(start, end)`` offsets, by display line."""
        self.widest = 0
        """Cells of the widest unwrapped line (preformatted or table), for panning."""
        self._briefing = briefing
        self._units = units
        self._section = 0  # the next section to lay out
        self._paragraph = -1  # the next paragraph of it; -1: its rule and heading come first
        self._unit = 0  # the next unit
        for start, end in wrap(visible(briefing.title), self.width):
            self._add(LineRole.TITLE, 0, NO_UNIT, start, end)
        # The line under the title (`meta_line`) is one line, however long: the preview of a
        # long text has no notice of what its end sets aside, and a notice wrapping onto a
        # second line when the model comes would move the whole text down a line.
        self._add(LineRole.META, 0)
        if lines is None:
            self.finish()
        else:
            while not self.complete and self.line_count < lines:
                self.extend(16)

    @property
    def complete(self) -> bool:
        """Whether every section has been laid out."""
        return self._section >= len(self._briefing.sections)

    @property
    def units_laid_out(self) -> int:
        """How many units have been laid out so far."""
        return self._unit

    def estimated_line_count(self) -> int:
        """The line count, or once laid out only in part, what the whole will about come to."""
        if self.complete or not self._unit:
            return self.line_count
        return max(self.line_count, self.line_count * len(self._units) // self._unit)

    def finish(self) -> None:
        """Lay out everything not laid out yet."""
        while not self.complete:
            self.extend(len(self._units) + 1)

    @property
    def line_count(self) -> int:
        """How many display lines there are."""
        return len(self.line_role)

    def unit_at_or_after(self, y: int) -> int | None:
        """The first unit whose first line is at or after display line ``y``."""
        # Among the units laid out so far: those after have no first line yet.
        index = bisect_right(self.unit_first_line, y - 1, 0, self._unit)
        return index if index < self._unit else None

    def unit_at(self, y: int) -> int | None:
        """The unit shown on display line ``y``, or None for blank, title and rule lines."""
        if not 0 <= y < self.line_count:
            return None
        unit = self.line_unit[y]
        return None if unit == NO_UNIT else unit

    def line_of(self, unit: int, offset: int = 0) -> int:
        """The display line showing character ``offset`` of ``unit``."""
        first = self.unit_first_line[unit]
        last = first + self.unit_line_count[unit]
        return max(first, bisect_right(self.line_start, offset, first, last) - 1)

    def section_at(self, y: int) -> int:
        """The section that display line ``y`` belongs to (0 above the first section)."""
        if not self.line_section:
            return 0
        return self.line_section[min(max(y, 0), self.line_count - 1)]

    def _add(self, role: LineRole, section: int, unit: int = NO_UNIT, start: int = 0, end: int = 0) -> None:
        self.line_role.append(role)
        self.line_section.append(section)
        self.line_unit.append(unit)
        self.line_start.append(start)
        self.line_end.append(end)

    def extend(self, count: int) -> None:
        """Lay out about ``count`` more headings and paragraphs (all that are left, if fewer)."""
        sections, units = self._briefing.sections, self._units
        while count > 0 and self._section < len(sections):
            section_index = self._section
            section = sections[section_index]
            if self._paragraph < 0:
                self._add(LineRole.BLANK, section_index)
                self.section_first_line[section_index] = self.line_count
                self._add(LineRole.RULE, section_index)
                if section.heading is not None:
                    self._add_unit(LineRole.HEADING, units[self._unit], self._unit, self.width)
                    self._unit += 1
                    count -= 1
                self._paragraph = 0
            paragraphs = section.paragraphs
            while count > 0 and self._paragraph < len(paragraphs):
                paragraph = paragraphs[self._paragraph]
                self._add(LineRole.BLANK, section_index)
                unit = units[self._unit]
                if paragraph.block is BlockKind.PREFORMATTED:
                    self._add_preformatted(unit, self._unit, paragraph.text)
                elif paragraph.block is BlockKind.TABLE:
                    self._add_table(unit, self._unit, paragraph.text)
                else:
                    width = self.width - GUTTER - cell_len(unit.indent)
                    self._add_unit(LineRole.PARAGRAPH, unit, self._unit, width)
                self._unit += 1
                self._paragraph += 1
                count -= 1
            if self._paragraph >= len(paragraphs):
                self._section += 1
                self._paragraph = -1

    def _add_unit(self, role: LineRole, unit: Unit, index: int, width: int) -> None:
        # Whole runs of lines are appended at once: per-line appends dominate at 10 MB.
        ranges = wrap(unit.text, width)
        count = len(ranges)
        self.unit_first_line[index] = len(self.line_role)
        self.unit_line_count[index] = count
        self.line_role.frombytes(bytes((role,)) * count)
        self.line_section.extend(repeat(unit.section, count))
        self.line_unit.extend(repeat(index, count))
        self.line_start.extend([start for start, _ in ranges])
        self.line_end.extend([end for _, end in ranges])

    def _add_preformatted(self, unit: Unit, index: int, raw: str) -> None:
        # The unit's text shows a newline as a visible stand-in; the model's text says where
        # the lines break (same length, same offsets).
        self.unit_first_line[index] = self.line_count
        start = 0
        for piece in raw.split("\n"):
            end = start + len(piece)
            self._add(LineRole.PRE, unit.section, index, start, end)
            self.widest = max(self.widest, cell_len(unit.text[start:end]))
            start = end + 1
        self.unit_line_count[index] = self.line_count - self.unit_first_line[index]

    def _add_table(self, unit: Unit, index: int, raw: str) -> None:
        rows = unit.table_cells()
        if rows is None:
            self._add_preformatted(unit, index, raw)
            return
        columns = [0] * max(len(row) for row in rows)
        for row in rows:
            for column, (start, end) in enumerate(row):
                columns[column] = max(columns[column], cell_len(unit.text[start:end]))
        self.columns[index] = tuple(columns)
        self.widest = max(self.widest, sum(columns) + len(CELL_GAP) * (len(columns) - 1))
        self.unit_first_line[index] = self.line_count
        for number, row in enumerate(rows):
            self.row_cells[self.line_count] = row
            self._add(LineRole.TABLE_ROW, unit.section, index, row[0][0], row[-1][1])
            if number == 0 and len(rows) > 1:
                self._add(LineRole.TABLE_RULE, unit.section, index, row[-1][1], row[-1][1])
        self.unit_line_count[index] = self.line_count - self.unit_first_line[index]
