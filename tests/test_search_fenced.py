"""Regexes that could cross units, searched in one fenced pass: exactly the unit-by-unit matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.model import BlockKind, Briefing, Paragraph, Section
from briefing_tui.regex_reach import can_match_nul
from briefing_tui.search import SearchIndex, compile_query

TEXTS = [
    "Talks ended. Then they resumed.",
    "A second paragraph. It ends with a full stop.",
    "x = 1\n  y = 2.  z",  # a preformatted block keeps its line breaks
    "3 hostages. 40 prisoners",
    ".",
    "",
    "Ends with spaces.   ",
]


def briefing_of(texts: list[str]) -> Briefing:
    paragraphs = tuple(
        Paragraph(id=f"p{i}", text=text, block=BlockKind.PREFORMATTED if "\n" in text else BlockKind.BODY)
        for i, text in enumerate(texts, start=1)
    )
    section = Section(id="s", heading="Heading. With a stop", paragraphs=paragraphs)
    return Briefing(title="T", sections=(section,))


def unit_by_unit(index: SearchIndex, query: str) -> list[tuple[int, int, int]]:
    """What searching every unit on its own finds: the definition of a correct result."""
    compiled = compile_query(query, regex=True)
    assert compiled.pattern is not None
    found = []
    for unit in range(index.unit_count):
        text = index.unit(unit).text
        found += [(unit, m.start(), m.end()) for m in compiled.pattern.finditer(text) if m.end() > m.start()]
    return found


def searched(index: SearchIndex, query: str) -> list[tuple[int, int, int]]:
    return [(m.unit, m.start, m.end) for m in index.search(query, regex=True)]


QUERIES = [r"\.\s+\w", r"\.\s*", r"\s+", r"\w+\s+\w+", r"\d+\s\w+", r"s\.\s*T", r"(?:\.\s)+", r"\s*\w\s*"]


@pytest.mark.parametrize("query", QUERIES)
def test_a_crossing_regex_finds_what_a_search_unit_by_unit_finds(query: str) -> None:
    index = SearchIndex(briefing_of(TEXTS))
    assert not can_match_nul(query, case_sensitive=False)  # these take the fenced pass
    assert searched(index, query) == unit_by_unit(index, query)


def test_a_regex_crossing_a_boundary_in_the_joined_text_does_not_cross_in_the_result() -> None:
    index = SearchIndex(briefing_of(["It ended.", "Then more."]))
    assert [m.group() for m in re.finditer(r"\.\s+\w", index.text)] == [". W", ".\nT"]  # the trap
    assert searched(index, r"\.\s+\w") == [(0, 7, 10)]  # only "Heading. With", in the heading


def test_a_unit_holding_a_nul_takes_the_general_path_and_is_still_right() -> None:
    index = SearchIndex(briefing_of(["One.\x00 Two.", "Three. Four"]))
    assert searched(index, r"\.\s+\w") == unit_by_unit(index, r"\.\s+\w")


@pytest.mark.parametrize(
    ("query", "can"),
    [(r"\.\s+\w", False), (r"\d+ \w+", False), (r"a.b", True), (r"[^x]", True), (r"\W", True), (r"\S", True)],
)
def test_what_can_match_the_fence_is_known(query: str, can: bool) -> None:
    assert can_match_nul(query, case_sensitive=False) is can


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.text(alphabet="ab .\n\t1", max_size=12), min_size=1, max_size=6),
    st.sampled_from([*QUERIES, r"a\s+b", r"b\.", r"\s\d", r"(a|b)+\s"]),
)
def test_any_text_gives_the_unit_by_unit_result(texts: list[str], query: str) -> None:
    index = SearchIndex(briefing_of(texts))
    assert searched(index, query) == unit_by_unit(index, query)
