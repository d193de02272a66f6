"""The report-shape passes take shortcuts for speed at 10 MB; each must decide exactly as before.

A shortcut that changed what is set aside would show as a paragraph gone or a furniture line
kept, so each is checked against the plain way of deciding it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefing_tui.ingest import read_briefing
from briefing_tui.ingest.wire import (
    _CASE_ODD,
    _FURNITURE_INSIDE,
    _FURNITURE_LINE,
    _INSIDE_WORDS,
    _is_furniture_line,
    _is_time_line,
)

EVERY_CHARACTER = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)


def test_every_character_ignorecase_takes_for_a_letter_of_the_inside_words_lowers_to_it_or_is_odd() -> None:
    # The pre-check looks for the words in the lowered line, and tries any line with an odd
    # letter: a character the regex takes for a letter of the words must be one or the other,
    # or a furniture line would be missed.
    for letter in sorted(set("".join(_INSIDE_WORDS)) - {" "}):
        matching = re.findall(re.escape(letter), EVERY_CHARACTER, re.IGNORECASE)
        assert len(matching) >= 2  # the letter and its capital, at least
        assert [char for char in matching if char.lower() != letter and char not in _CASE_ODD] == []


# Lines near the furniture shapes: their words in any case (and the letters IGNORECASE takes
# for them), with the punctuation and the other text around them that decide a match.
PIECES = st.sampled_from(
    [
        "read in browser",
        "READ IN BROWSER",
        "Read ın browser",
        "forward this email",
        "Forward Thİs newsletter",
        "forward this to a friend",
        "share this article",
        "SHARE THIS STORY",
        "ſhare this page",
        "·",
        "|",
        " ",
        "  ",
        "\n",
        ".",
        "!",
        "?",
        "…",
        ":",
        "View this",
        "x",
        "Updated 14:05 GMT",
        "Share",
        "this",
        "Advertisement",
        "Copyright 2025 All rights reserved",
        "——",
        "word ",
        "a" * 40,
        "é",
    ]
)
LINES = st.lists(PIECES, max_size=8).map("".join)

WHOLE = re.compile(
    _FURNITURE_LINE.pattern.replace(
        ")[\\s?!.:…]*$", "|" + _FURNITURE_INSIDE.pattern[4:].split(")[\\s")[0] + ")[\\s?!.:…]*$", 1
    ),
    re.IGNORECASE | re.VERBOSE,
)


@given(LINES)
def test_the_furniture_line_test_is_the_whole_pattern_tried_on_every_line(line: str) -> None:
    expected = WHOLE.match(line) is not None or _is_time_line(line)
    assert _is_furniture_line(line) is expected


def test_the_whole_pattern_is_every_alternative_once() -> None:
    # The reference above is the pattern as it was, in one piece: both halves inside it.
    for half in (_FURNITURE_LINE, _FURNITURE_INSIDE):
        assert half.pattern[4:].split(")[\\s")[0].strip() in WHOLE.pattern


def test_a_forward_this_line_with_a_dotless_i_is_still_furniture(tmp_path: Path) -> None:
    body = "The ministers met for six hours and agreed to resume the talks next week in the capital."
    path = tmp_path / "report.txt"
    path.write_text(
        f"Border talks resume\n\n{body}\n\nForward thıs email to a friend\n\n{body}\n", encoding="utf-8"
    )
    briefing = read_briefing(path)
    assert briefing.furniture == ("Forward thıs email to a friend",)
