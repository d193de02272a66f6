"""The search core: units in reading order, literal and regex search, case rules, locations."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
import regex as regex_module
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.model import Briefing, Paragraph, Section
from briefing_tui.search import Match, SearchIndex, compile_query, is_smart_case_sensitive


def make_briefing(*sections: tuple[str | None, Sequence[str]]) -> Briefing:
    """A briefing from (heading, paragraph texts) pairs; ids are s1.. and p1.. in order."""
    built, counter = [], 0
    for number, (heading, texts) in enumerate(sections, start=1):
        paragraphs = []
        for text in texts:
            counter += 1
            paragraphs.append(Paragraph(id=f"p{counter}", text=text))
        built.append(Section(id=f"s{number}", heading=heading, paragraphs=tuple(paragraphs)))
    return Briefing(title="Test", sections=tuple(built))


def found(index: SearchIndex, query: str, **options: bool | None) -> list[tuple[int, str]]:
    """(unit, matched text) for every match, in order."""
    result = index.search(query, **options)  # type: ignore[arg-type]
    return [(m.unit, index.unit(m.unit).text[m.start : m.end]) for m in result]


@pytest.fixture
def index() -> SearchIndex:
    return SearchIndex(
        make_briefing(
            (None, ["Talks resumed in Cairo.", "The deal was struck."]),
            ("Terms of the deal", ["Hostages released; prisoners freed.", "deal"]),
            ("Open questions", []),
        )
    )


# Units -------------------------------------------------------------------------------


def test_units_are_headings_then_paragraphs_in_reading_order(index: SearchIndex) -> None:
    units = [index.unit(u) for u in range(index.unit_count)]
    assert [(u.section_id, u.paragraph_id, u.text) for u in units] == [
        ("s1", "p1", "Talks resumed in Cairo."),
        ("s1", "p2", "The deal was struck."),
        ("s2", None, "Terms of the deal"),
        ("s2", "p3", "Hostages released; prisoners freed."),
        ("s2", "p4", "deal"),
        ("s3", None, "Open questions"),
    ]
    assert index.unit_of_paragraph("p3") == 3
    assert index.section_units("s2") == range(2, 5)


def test_a_briefing_without_sections_has_no_units() -> None:
    empty = SearchIndex(Briefing(title="Nothing"))
    assert empty.unit_count == 0
    assert empty.search("a").total == 0
    assert empty.search(r"\s", regex=True).total == 0


def test_unit_out_of_range_is_an_index_error(index: SearchIndex) -> None:
    with pytest.raises(IndexError):
        index.unit(index.unit_count)
    with pytest.raises(IndexError):
        index.unit(-1)


# Literal search ----------------------------------------------------------------------


def test_matches_at_paragraph_start_and_end(index: SearchIndex) -> None:
    result = index.search("talks")
    assert result.match(0) == Match(unit=0, section_id="s1", paragraph_id="p1", start=0, end=5)
    result = index.search("cairo.")
    assert result.match(0) == Match(unit=0, section_id="s1", paragraph_id="p1", start=17, end=23)
    # A whole unit is a match too.
    assert index.search("deal").matches_in_unit(4) == [(0, 4)]


def test_headings_are_searched(index: SearchIndex) -> None:
    result = index.search("terms")
    assert result.total == 1
    assert result.match(0) == Match(unit=2, section_id="s2", paragraph_id=None, start=0, end=5)
    assert index.search("questions").match(0).paragraph_id is None


def test_every_occurrence_in_reading_order(index: SearchIndex) -> None:
    assert found(index, "deal") == [(1, "deal"), (2, "deal"), (4, "deal")]


def test_literal_never_crosses_units(index: SearchIndex) -> None:
    # "struck." ends unit 1 and "Terms" starts unit 2; the joining separator is not text.
    assert index.search("struck.\nTerms").total == 0
    assert index.search("struck. Terms").total == 0
    assert index.search("struck.Terms").total == 0


def test_literal_query_with_newline_matches_inside_a_unit_only() -> None:
    index = SearchIndex(make_briefing((None, ["one\ntwo", "three"])))
    assert found(index, "one\ntwo") == [(0, "one\ntwo")]
    assert index.search("two\nthree").total == 0


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        ("[", "a [1] b", "["),
        ("]", "a [1] b", "]"),
        ("[1]", "a [1] 1 b", "[1]"),
        ("\\", r"C:\path", "\\"),
        ("*", "a * b", "*"),
        ("a*", "aaa a* b", "a*"),
        ("(", "f(x)", "("),
        (".", "no dot here. x", "."),
        ("+?", "a+? b", "+?"),
        ("$^|{2}", "x $^|{2} y", "$^|{2}"),
    ],
)
def test_literal_mode_treats_regex_syntax_as_text(query: str, text: str, expected: str) -> None:
    index = SearchIndex(make_briefing((None, [text])))
    assert found(index, query) == [(0, expected)]


def test_overlapping_occurrences_are_counted_left_to_right_without_overlap() -> None:
    index = SearchIndex(make_briefing((None, ["aaaa"])))
    assert index.search("aa").matches_in_unit(0) == [(0, 2), (2, 4)]


# Case --------------------------------------------------------------------------------


def test_default_is_case_insensitive(index: SearchIndex) -> None:
    assert index.search("TERMS", case_sensitive=False).total == 1
    result = index.search("the deal")
    assert result.case_sensitive is False
    assert found(index, "the deal") == [(1, "The deal"), (2, "the deal")]


def test_smart_case_matches_case_when_query_has_uppercase(index: SearchIndex) -> None:
    result = index.search("The")
    assert result.case_sensitive is True
    assert found(index, "The") == [(1, "The")]
    assert index.search("the").total == 2


def test_explicit_case_overrides_smart_case(index: SearchIndex) -> None:
    assert index.search("the", case_sensitive=True).total == 1
    assert index.search("The", case_sensitive=False).total == 2


def test_smart_case_ignores_regex_escapes() -> None:
    assert is_smart_case_sensitive(r"\Wdeal\S", regex=True) is False
    assert is_smart_case_sensitive(r"\WDeal", regex=True) is True
    # In literal mode every letter is text.
    assert is_smart_case_sensitive(r"\W", regex=False) is True


# Regular expressions -----------------------------------------------------------------


def test_regex_mode(index: SearchIndex) -> None:
    assert found(index, r"\bp\w+", regex=True) == [(3, "prisoners")]
    assert found(index, r"de.l", regex=True) == [(1, "deal"), (2, "deal"), (4, "deal")]
    assert index.search("de.l").total == 0  # literal mode: the dot is a dot


def test_regex_anchors_match_at_every_unit(index: SearchIndex) -> None:
    assert [u for u, _ in found(index, r"^\w+", regex=True)] == [0, 1, 2, 3, 4, 5]
    assert found(index, r"\w+\.$", regex=True) == [(0, "Cairo."), (1, "struck."), (3, "freed.")]


def test_regex_never_crosses_units(index: SearchIndex) -> None:
    # Whitespace classes match the joining newline; such matches are searched again per unit.
    assert found(index, r"struck\.\s+Terms", regex=True) == []
    assert found(index, r"\.\s*\w+", regex=True) == []
    words = found(index, r"[^;]+", regex=True)
    assert [text for _, text in words] == [
        "Talks resumed in Cairo.",
        "The deal was struck.",
        "Terms of the deal",
        "Hostages released",
        " prisoners freed.",
        "deal",
        "Open questions",
    ]


def test_regex_repair_keeps_matches_after_a_crossing_one() -> None:
    # Globally "b\nc" would swallow the start of the second unit; per unit, "c d" is found.
    index = SearchIndex(make_briefing((None, ["ab", "c d", "e f"])))
    assert found(index, r"\w\s\w", regex=True) == [(1, "c d"), (2, "e f")]


def test_regex_matching_only_empty_strings_finds_nothing(index: SearchIndex) -> None:
    for pattern in (r"x*", r"\b", r"^", r"(?=deal)"):
        result = index.search(pattern, regex=True)
        assert (result.total, result.error) == (0, None), pattern


def test_regex_empty_matches_are_dropped_and_real_ones_kept(index: SearchIndex) -> None:
    assert [text for _, text in found(index, r"e*", regex=True)][:2] == ["e", "e"]
    assert all(text for _, text in found(index, r"a*", regex=True))


def test_bad_regex_is_an_error_value_not_an_exception(index: SearchIndex) -> None:
    result = index.search("de[al", regex=True)
    assert result.total == 0
    assert result.error == "bad regular expression: unterminated character set at position 5"
    assert index.search("(", regex=True).error == "bad regular expression: missing ) at position 1"
    assert index.search("a{1,2}{3}", regex=True).error is not None
    # The same text is fine as a literal.
    assert index.search("de[al").error is None


def test_absurd_regex_is_an_error_value(index: SearchIndex) -> None:
    huge = index.search("a{99999999999}", regex=True)
    assert (huge.total, huge.error) == (0, "bad regular expression: repeat count too big at position 2")
    deep = index.search("(" * 2000 + "a" + ")" * 2000, regex=True)
    # Nesting this deep exhausts the compiler's recursion: one line saying so, not a crash
    # and not a silent empty result.
    assert deep.total == 0
    assert deep.error is not None and deep.error.startswith("bad regular expression: maximum recursion")
    assert "\n" not in deep.error


def test_compile_query_resolves_smart_case_once() -> None:
    compiled = compile_query("Deal", regex=False, case_sensitive=None)
    assert compiled.case_sensitive is True
    assert compiled.pattern is not None
    assert compiled.pattern.flags & re.IGNORECASE == 0


# Unicode -----------------------------------------------------------------------------


def test_accents(index: SearchIndex) -> None:
    index = SearchIndex(make_briefing((None, ["Le café. CAFÉ! Cafe"])))
    assert [t for _, t in found(index, "café")] == ["café", "CAFÉ"]
    assert [t for _, t in found(index, "Café")] == []  # smart case: uppercase → match case


def test_cjk() -> None:
    index = SearchIndex(make_briefing(("停火协议", ["双方签署了停火协议。", "协议"])))
    assert found(index, "停火协议") == [(0, "停火协议"), (1, "停火协议")]
    assert index.search("协议").matches_in_unit(1) == [(7, 9)]


def test_emoji_with_variation_selector() -> None:
    text = "Peace 🕊️ at last 🕊️"
    index = SearchIndex(make_briefing((None, [text])))
    result = index.search("🕊️")
    assert result.total == 2
    assert [text[s:e] for s, e in result.matches_in_unit(0)] == ["🕊️", "🕊️"]
    assert result.match(1).start == text.rindex("🕊️")


def test_turkish_dotted_capital_i_keeps_offsets_exact() -> None:
    # "İ".lower() is two code points long; offsets must still index the original text.
    text = "İİİstanbul talks in İzmir"
    index = SearchIndex(make_briefing((None, [text])))
    result = index.search("talks")
    assert result.matches_in_unit(0) == [(text.index("talks"), text.index("talks") + 5)]
    spans = index.search("izmir", case_sensitive=False).matches_in_unit(0)
    assert [text[s:e] for s, e in spans] == ["İzmir"]


# Counts and navigation ---------------------------------------------------------------


def test_counts_by_section(index: SearchIndex) -> None:
    assert index.search("deal").counts_by_section() == {"s1": 1, "s2": 2}
    assert index.search("e").counts_by_section() == {"s1": 4, "s2": 11, "s3": 2}
    assert index.search("zzz").counts_by_section() == {}


def test_counts_skip_empty_sections() -> None:
    index = SearchIndex(make_briefing(("A deal", []), (None, []), ("B", ["deal"])))
    assert index.search("deal").counts_by_section() == {"s1": 1, "s3": 1}


def test_index_at_or_after(index: SearchIndex) -> None:
    result = index.search("deal")  # units 1, 2, 4
    assert result.index_at_or_after(0, 0) == 0
    assert result.index_at_or_after(1, 4) == 0  # "The deal": the match starts at offset 4
    assert result.index_at_or_after(1, 5) == 1  # past its start: the next one, in the heading
    assert result.index_at_or_after(3, 0) == 2
    assert result.index_at_or_after(4, 0) == 2
    assert result.index_at_or_after(4, 1) is None  # nothing after: the caller wraps
    assert result.index_at_or_after(5, 0) is None


def test_index_before(index: SearchIndex) -> None:
    result = index.search("deal")
    assert result.index_before(0, 0) is None
    assert result.index_before(4, 0) == 1
    assert result.index_before(4, 1) == 2


def test_match_index_out_of_range(index: SearchIndex) -> None:
    result = index.search("deal")
    with pytest.raises(IndexError):
        result.match(3)
    with pytest.raises(IndexError):
        result.match(-1)


def test_match_range_in_unit(index: SearchIndex) -> None:
    result = index.search("e")
    assert list(result.match_range_in_unit(0)) == [0, 1]
    assert [result.match(j).unit for j in result.match_range_in_unit(3)] == [3] * 7
    assert list(index.search("freed").match_range_in_unit(0)) == []


def test_results_are_cached_for_the_same_query(index: SearchIndex) -> None:
    first = index.search("deal")
    assert index.search("deal") is first
    assert index.search("deal", case_sensitive=True) is not first


def test_cap_on_stored_matches() -> None:
    index = SearchIndex(make_briefing((None, ["a" * 50, "a" * 50])), max_matches=30)
    result = index.search("a")
    assert (result.total, result.truncated) == (30, True)
    assert result.match(29).unit == 0
    assert index.search("aaaa").truncated is False  # 24 fit
    regex = index.search(r"a\s*", regex=True)  # goes through the per-unit repair
    assert (regex.total, regex.truncated) == (30, True)


def test_large_result_batches_are_joined_in_order() -> None:
    texts = ["x y " * 40_000, "y x " * 40_000]  # 160k matches of "x": several batches
    index = SearchIndex(make_briefing((None, texts)))
    result = index.search("x")
    assert result.total == 80_000
    assert result.match(39_999) == Match(
        unit=0, section_id="s1", paragraph_id="p1", start=159_996, end=159_997
    )
    assert result.match(40_000) == Match(unit=1, section_id="s1", paragraph_id="p2", start=2, end=3)
    assert result.counts_by_section() == {"s1": 80_000}


# Properties --------------------------------------------------------------------------

_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
_FOLD_ALPHABET = st.sampled_from("aAbBİiIıßẞéÉ 停火\n.*[\\")


def _case_variants(character: str) -> set[str]:
    """Characters reachable from ``character`` by one-character lower/upper/casefold steps."""
    seen, todo = {character}, [character]
    while todo:
        for other in (todo[0].lower(), todo[0].upper(), todo[0].casefold()):
            for candidate in {other, other[:1]}:
                if len(candidate) == 1 and candidate not in seen:
                    seen.add(candidate)
                    todo.append(candidate)
        todo.pop(0)
    return seen


def _equal_ignoring_case(left: str, right: str) -> bool:
    return len(left) == len(right) and all(
        _case_variants(a) & _case_variants(b) for a, b in zip(left, right, strict=True)
    )


@st.composite
def briefing_and_query(draw: st.DrawFn) -> tuple[Briefing, str]:
    alphabet = st.one_of(_TEXT, st.text(alphabet=_FOLD_ALPHABET, max_size=30))
    sections = draw(
        st.lists(
            st.tuples(st.one_of(st.none(), alphabet), st.lists(alphabet, max_size=4)),
            max_size=4,
        )
    )
    briefing = make_briefing(*sections)
    texts = [t for heading, paragraphs in sections for t in ([heading] if heading else []) + list(paragraphs)]
    # Mostly take the query from the text (with its case swapped) so that matches happen.
    source = draw(st.sampled_from(texts)) if texts else ""
    start = draw(st.integers(0, len(source)))
    taken = source[start : start + draw(st.integers(0, 6))]
    query = draw(st.one_of(st.just(taken), st.just(taken.swapcase()), alphabet))
    return briefing, query


@settings(max_examples=300, deadline=None)
@given(briefing_and_query())
def test_literal_matches_lie_inside_their_unit_and_equal_the_query(case: tuple[Briefing, str]) -> None:
    briefing, query = case
    index = SearchIndex(briefing)
    result = index.search(query, case_sensitive=False)
    assert result.error is None
    for match in result:
        text = index.unit(match.unit).text
        assert 0 <= match.start < match.end <= len(text)
        assert _equal_ignoring_case(text[match.start : match.end], query)
    # And it finds exactly what searching every unit on its own finds.
    pattern = re.compile(re.escape(query), re.IGNORECASE) if query else None
    expected = [
        (u, m.span())
        for u in range(index.unit_count)
        for m in (pattern.finditer(index.unit(u).text) if pattern else ())
    ]
    assert [(m.unit, (m.start, m.end)) for m in result] == expected


@settings(max_examples=200, deadline=None)
@given(
    briefing_and_query(),
    st.sampled_from([r"\s+", r"\w+\s*", r"[^a]+", r".", r"\S*", r"(?s).{1,3}", r"$|\n", r"i?", r"\W\w"]),
)
def test_regex_matches_equal_a_per_unit_search(case: tuple[Briefing, str], regex: str) -> None:
    briefing, _ = case
    index = SearchIndex(briefing)
    result = index.search(regex, regex=True, case_sensitive=True)
    # The same engine, unit by unit (`regex` and `re` differ on \s for U+001C..U+001F).
    pattern = regex_module.compile(regex, regex_module.MULTILINE)
    expected = [
        (u, m.span())
        for u in range(index.unit_count)
        for m in pattern.finditer(index.unit(u).text)
        if m.end() > m.start()
    ]
    assert [(m.unit, (m.start, m.end)) for m in result] == expected


@pytest.mark.parametrize("pattern", [r"\.\s+\w", r"\s", r"[^x]y", r"\w+\s*\n?\s*\w+"])
def test_a_regex_crossing_many_boundaries_equals_a_search_of_each_unit(pattern: str) -> None:
    # Hundreds of boundary-crossing matches take the unit-by-unit path instead of repair.
    paragraphs = [f"Item {n} ends here. y" if n % 3 else f"Next {n}." for n in range(900)]
    briefing = make_briefing(("Heading", paragraphs[:450]), (None, paragraphs[450:]))
    result = SearchIndex(briefing).search(pattern, regex=True)
    units = ["Heading", *paragraphs]
    expected = [
        (unit, found.start(), found.end())
        for unit, text in enumerate(units)
        for found in re.finditer(pattern, text, re.MULTILINE | re.IGNORECASE)
        if found.end() > found.start()
    ]
    got = [(m.unit, m.start, m.end) for m in map(result.match, range(result.total))]
    assert got == expected
