"""Runs of combining marks are capped wherever they stand, and text without them is left alone."""

from __future__ import annotations

from briefing_tui.tui.combining import MAX_MARKS, capped_ranges


def test_text_in_the_marks_range_but_without_marks_is_drawn_whole() -> None:
    # Cyrillic, Greek, CJK and typographic quotes are all at or above U+0300, where marks are.
    assert capped_ranges("«Переговоры» “καλημέρα” 停火协议 — ’done’") is None


def test_a_long_run_of_marks_among_such_text_is_capped() -> None:
    text = "Пере" + "\u0301" * 9 + "говоры 停火" + "\U000e0100" * (MAX_MARKS + 2)
    ranges = capped_ranges(text)
    assert ranges is not None
    drawn = "".join(text[start:end] for start, end in ranges)
    assert drawn == "Пере" + "\u0301" * MAX_MARKS + "говоры 停火" + "\U000e0100" * MAX_MARKS


def test_a_run_just_at_the_cap_is_drawn_whole() -> None:
    assert capped_ranges("e" + "\u0301" * MAX_MARKS + " “x”") is None
