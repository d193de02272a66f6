"""A large briefing searched a part at a time finds exactly what the whole search finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.model import Briefing, Paragraph, Section
from briefing_tui.regex_reach import has_lookahead
from briefing_tui.search import SearchIndex, SearchResult, compile_query
from briefing_tui.search_parts import PartialSearch

WORDS = ["Talks", "ended.", "Then", "they", "resumed", "3", "hostages.", "ceasefire", "Hamas", "é", "ß", "x"]


def briefing_of(sections: list[list[str]]) -> Briefing:
    return Briefing(
        title="T",
        sections=tuple(
            Section(
                id=f"s{s}",
                heading=f"Heading {s}." if s % 2 else None,
                paragraphs=tuple(Paragraph(id=f"p{s}-{i}", text=text) for i, text in enumerate(texts)),
            )
            for s, texts in enumerate(sections)
        ),
    )


def spans(result: SearchResult) -> list[tuple[int, int, int]]:
    return [(m.unit, m.start, m.end) for m in result]


def in_parts(index: SearchIndex, query: str, regex: bool, origin: int, part: int) -> PartialSearch:
    compiled = compile_query(query, regex=regex)
    assert index.can_search_in_parts(compiled)
    return PartialSearch(
        index, compiled, origin, part_chars=part, screen_chars=max(1, part // 3), first_chars=part
    )


texts = st.lists(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join), min_size=1, max_size=6)
QUERIES = [
    ("the", False),
    ("e", False),
    ("ss", False),
    ("T", False),
    (r"\.\s+\w", True),
    (r"\w+\s\w+", True),
    (r"\bt\w*", True),
    (r"(?<=\.)\s*\w", True),
    (r"\d+\s\w+", True),
    (r"\B\w", True),
    (r"[a-z]{2,}", True),
]


@settings(max_examples=150, deadline=None)
@given(
    sections=st.lists(texts, min_size=1, max_size=8),
    query=st.sampled_from(QUERIES),
    origin=st.integers(min_value=0, max_value=60),
    part=st.integers(min_value=1, max_value=200),
)
def test_searched_in_parts_from_anywhere_gives_the_whole_result(
    sections: list[list[str]], query: tuple[str, bool], origin: int, part: int
) -> None:
    index = SearchIndex(briefing_of(sections))
    whole = spans(index.search(query[0], regex=query[1]))
    index.clear_cache()
    origin = min(origin, index.unit_count)
    search = in_parts(index, query[0], query[1], origin, part)
    first = search.first()
    if first.covered is not None:
        # What the first part found is exactly the whole result's matches in those units.
        low, high = first.covered
        assert spans(first) == [m for m in whole if low <= m[0] < high]
    assert spans(search.finish()) == whole
    assert search.result().complete


def test_the_first_part_reaches_a_match_at_or_after_the_place_wanted() -> None:
    sections = [["a word here"] * 50, ["the end"]]
    index = SearchIndex(briefing_of(sections))
    search = PartialSearch(index, compile_query("end"), 3)
    first = search.first()
    assert first.total == 1
    assert first.match(0).paragraph_id == "p1-0"


def test_with_no_match_near_the_place_the_first_part_stops_short_and_the_rest_finds_the_wrap() -> None:
    sections = [["the start"], ["nothing"] * 50]
    index = SearchIndex(briefing_of(sections))
    search = PartialSearch(index, compile_query("start"), 20, part_chars=64, first_chars=64)
    first = search.first()
    assert not first.complete
    assert first.total == 0
    assert search.finish().total == 1


def test_a_small_briefing_is_searched_whole_by_the_first_part() -> None:
    index = SearchIndex(briefing_of([["the start"], ["nothing"] * 5]))
    first = PartialSearch(index, compile_query("start"), 3).first()
    assert first.complete
    assert first.total == 1


@pytest.mark.parametrize(
    ("query", "regex", "parts"),
    [
        ("end", False, True),
        ("line\nbreak", False, False),  # could reach over the separator
        (r"\.\s+\w", True, True),
        (r"^The", True, False),  # anchors need the separator's line breaks
        (r"end(?=\s+The)", True, False),  # a lookahead could see the next part
        (r"[^a]+", True, False),  # matches a NUL: not fenced
        (r"(?<=\.)\s", True, True),  # a lookbehind sees the text before the part
    ],
)
def test_which_queries_are_searched_in_parts(query: str, regex: bool, parts: bool) -> None:
    index = SearchIndex(briefing_of([["The end. The start"]]))
    assert index.can_search_in_parts(compile_query(query, regex=regex)) is parts


@pytest.mark.parametrize(
    ("query", "lookahead"),
    [(r"a(?=b)", True), (r"(x|(?!y)z)+", True), (r"(?<=c)x", False), (r"\w+", False), (r"\p{L}", True)],
)
def test_lookaheads_are_found_and_unknown_syntax_counts_as_one(query: str, lookahead: bool) -> None:
    assert has_lookahead(query, case_sensitive=False) is lookahead


def test_a_part_over_its_own_bound_says_so_and_one_over_the_whole_bound_times_out() -> None:
    index = SearchIndex(briefing_of([["Talks ended. Then they resumed."] * 20]))
    compiled = compile_query(r"\w+\.\s+\w", regex=True)  # not proved linear: it has a bound
    assert not compiled.linear
    with pytest.raises(TimeoutError):  # only the part's bound: the caller searches in a thread
        PartialSearch(index, compiled, 0, part_timeout=0.0).first()
    search = PartialSearch(index, compiled, 0, timeout=0.0)
    result = search.first()
    assert result.timed_out and result.complete and result.total == 0
