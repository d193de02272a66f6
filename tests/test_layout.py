"""Word wrap and display-line layout: every character shown once, no line too wide."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from briefing_tui.ingest import read_briefing
from briefing_tui.resources import seed_path
from briefing_tui.tui.layout import GUTTER, Layout, LineRole, build_units, wrap

WORDS = st.text(alphabet=st.sampled_from("ab çé 停火 🕊 \u0301\u200d"), max_size=60)


def covered(text: str, ranges: list[tuple[int, int]]) -> str:
    return "".join(text[start:end] for start, end in ranges)


@given(text=WORDS, width=st.integers(1, 30))
def test_wrap_keeps_every_visible_character_in_order(text: str, width: int) -> None:
    ranges = wrap(text, width)
    assert covered(text, ranges).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    assert all(start <= end for start, end in ranges)
    assert all(a[1] <= b[0] for a, b in pairwise(ranges))


@given(text=st.text(alphabet=st.sampled_from("abc 停火"), max_size=80), width=st.integers(2, 30))
def test_wrapped_lines_fit_the_width(text: str, width: int) -> None:
    for start, end in wrap(text, width):
        assert cell_len(text[start:end]) <= width


def test_wrap_breaks_at_spaces() -> None:
    text = "The quick brown fox jumps over the lazy dog"
    assert [text[a:b] for a, b in wrap(text, 10)] == [
        "The quick",
        "brown fox",
        "jumps over",
        "the lazy",
        "dog",
    ]


def test_wrap_cuts_a_word_longer_than_the_line() -> None:
    assert [("abcdefghij")[a:b] for a, b in wrap("abcdefghij", 4)] == ["abcd", "efgh", "ij"]


def test_wrap_counts_wide_characters_as_two_cells() -> None:
    text = "停火协议 停火协议"
    assert [text[a:b] for a, b in wrap(text, 8)] == ["停火协议", "停火协议"]


def test_wrap_breaks_at_newlines_and_keeps_empty_lines() -> None:
    text = "one\n\ntwo"
    assert [text[a:b] for a, b in wrap(text, 20)] == ["one", "", "two"]


def test_layout_of_the_seed_maps_lines_to_units() -> None:
    briefing = read_briefing(seed_path())
    units = build_units(briefing)
    layout = Layout(briefing, units, 60)
    assert len(units) == 4 + len(briefing.paragraphs())
    for index, unit in enumerate(units):
        first = layout.unit_first_line[index]
        assert layout.line_unit[first] == index
        width = 60 - (GUTTER + len(unit.prefix) if unit.paragraph else 0)
        shown = "".join(
            unit.text[layout.line_start[y] : layout.line_end[y]]
            for y in range(first, first + layout.unit_line_count[index])
        )
        assert shown.replace(" ", "") == unit.text.replace(" ", "")
        assert all(
            cell_len(unit.text[layout.line_start[y] : layout.line_end[y]]) <= width
            for y in range(first, first + layout.unit_line_count[index])
        )
    rules = [y for y in range(layout.line_count) if layout.line_role[y] == LineRole.RULE]
    assert rules == list(layout.section_first_line)


def test_line_of_finds_the_line_holding_an_offset() -> None:
    briefing = read_briefing(seed_path())
    units = build_units(briefing)
    layout = Layout(briefing, units, 40)
    unit = 0  # the lead paragraph: the lead has no heading
    text = units[unit].text
    offset = text.index("Citing")
    y = layout.line_of(unit, offset)
    assert layout.line_start[y] <= offset < layout.line_end[y]
    assert layout.unit_at(y) == unit


def test_every_character_the_fast_wrap_trusts_is_one_cell() -> None:
    from briefing_tui.tui.layout import _NOT_ONE_CELL

    trusted = [chr(code) for code in range(0x20, 0x2100) if not _NOT_ONE_CELL.match(chr(code))]
    assert len(trusted) > 1000
    assert [char for char in trusted if cell_len(char) != 1] == []
