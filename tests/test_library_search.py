"""Search across the library (FTS5 syntax, ranked, snippets) and sources across briefings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing_tui.library import Library
from briefing_tui.library.commands import add_paths
from briefing_tui.library.files import file_digest
from briefing_tui.library.search import reader_pattern, search_library, snippet_of
from briefing_tui.library.sources import library_sources, sources_matching
from briefing_tui.model import Attribution, Briefing, Paragraph, Section, Source, SourceKind
from briefing_tui.search import is_smart_case_sensitive
from library_texts import write_briefing, write_folder


@pytest.fixture
def library(tmp_path: Path) -> Library:
    write_folder(tmp_path / "folder", 10)
    opened = Library(tmp_path / "library.sqlite3")
    add_paths(opened, [tmp_path / "folder"], lambda _: None, lambda _: None)
    return opened


def test_a_word_finds_every_briefing_that_has_it_with_its_section_and_match(library: Library) -> None:
    result = search_library(library, "forty")
    assert result.error is None
    assert len(result.hits) == 10
    hit = result.hits[0]
    assert hit.section == "What is still open"
    text = library.briefing(hit.briefing_id).paragraphs()[hit.position].text
    assert text[hit.offset : hit.offset + 5] == "forty"
    (start, end) = hit.spans[0]
    assert hit.snippet[start:end] == "forty"


def test_phrase_prefix_and_boolean_queries_follow_fts5(library: Library) -> None:
    assert len({hit.briefing_id for hit in search_library(library, '"river accord"').hits}) == 2
    assert len(search_library(library, '"accord river"').hits) == 0
    assert len(search_library(library, "negotiat*").hits) >= 10
    both = search_library(library, "harbour AND Marrow").hits
    assert both and all("harbour" in hit.title for hit in both)
    assert not search_library(library, "harbour NOT levy").hits


def test_a_malformed_query_is_an_error_value_of_one_line(library: Library) -> None:
    for query in ('"unclosed', "AND", "(river"):
        result = search_library(library, query)
        assert result.hits == ()
        assert result.error is not None
        assert "\n" not in result.error
        assert result.error.startswith("bad query")


def test_the_best_match_comes_first(library: Library, tmp_path: Path) -> None:
    extra = "Quota quota quota: the quota is all anyone discussed."
    dense = write_briefing(tmp_path / "dense.txt", 50, extra=extra)
    library.add_file(dense)
    hits = search_library(library, "quota").hits
    assert hits[0].path == str(dense.resolve())


def test_a_snippet_keeps_the_match_and_marks_every_occurrence() -> None:
    marked = "word " * 40 + "\x02match\x03 and \x02match\x03 again " + "tail " * 40
    offset, snippet, spans = snippet_of(marked)
    assert offset == 200
    assert snippet.startswith("…") and snippet.endswith("…")
    assert [snippet[start:end] for start, end in spans] == ["match", "match"]


def _briefing(title: str, sources: list[Source]) -> Briefing:
    paragraphs = tuple(
        Paragraph(
            id=f"p{index + 1}",
            text=f"{source.name} said the talks went on.",
            attributions=(Attribution(source_id=source.id, start=0, end=len(source.name)),),
        )
        for index, source in enumerate(sources)
    )
    lead = Section(id="lead", paragraphs=paragraphs)
    return Briefing(title=title, sections=(lead,), sources=tuple(sources))


def test_a_query_too_broad_to_rank_in_time_gives_the_newest_matches(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    ranked = search_library(library, "the", limit=5)
    assert ranked.ranked and len(ranked.hits) == 5
    monkeypatch.setattr("briefing_tui.library.search.RANK_SECONDS", -1.0)
    monkeypatch.setattr("briefing_tui.library.search._STEPS_PER_CALL", 1)
    newest = search_library(library, "the", limit=5)
    assert not newest.ranked
    rows = [
        library.connection.execute(
            "SELECT id FROM paragraphs WHERE briefing_id = ? AND paragraph_id = ?",
            (hit.briefing_id, hit.paragraph_id),
        ).fetchone()[0]
        for hit in newest.hits
    ]
    assert len(rows) == 5 and rows == sorted(rows, reverse=True)
    assert all("the" in hit.terms for hit in newest.hits)
    bad = search_library(library, '"unclosed')
    assert bad.error is not None and bad.error.startswith("bad query")


def test_a_hit_carries_what_matched_so_the_reader_can_light_it(library: Library) -> None:
    (hit, *_) = search_library(library, "negotiat*").hits
    assert hit.terms and all(term.startswith("negotiat") for term in hit.terms)
    assert hit.pattern is not None
    text = library.briefing(hit.briefing_id).paragraphs()[hit.position].text
    first = re.search(hit.pattern, text)
    assert first is not None and first.start() == hit.offset
    (phrase, *_) = search_library(library, '"river accord"').hits
    assert phrase.terms == ("river accord",)


def test_the_reader_pattern_reads_words_as_the_tokenizer_does() -> None:
    pattern = reader_pattern(("draft text", "a.b", "Grüße"))
    assert pattern is not None
    assert not is_smart_case_sensitive(pattern, regex=True)  # the reader ignores case, as FTS5
    assert re.search(pattern, "the DRAFT-text was read", re.IGNORECASE)
    assert not re.search(pattern, "a draft textbook", re.IGNORECASE)
    assert re.search(pattern, "see a b here") and not re.search(pattern, "axb")
    assert re.search(pattern, "viele grüße")
    assert reader_pattern(("witkoff",)) == r"\bwitkoff\b"
    assert reader_pattern(()) is None
    assert reader_pattern(("--",)) is None


def test_sources_are_merged_across_briefings_by_name_and_alias(tmp_path: Path) -> None:
    full = Source(id="ilse-marrow", name="Ilse Marrow", kind=SourceKind.NAMED_PERSON, aliases=("Marrow",))
    surname = Source(id="marrow", name="Marrow", kind=SourceKind.NAMED_PERSON)
    other = Source(id="tomas-vey", name="Tomas Vey", kind=SourceKind.NAMED_PERSON, aliases=("Vey",))
    same_name = Source(id="ilse-marrow", name="ilse  marrow", kind=SourceKind.NAMED_PERSON)
    with Library(tmp_path / "library.sqlite3") as library:
        for number, sources in enumerate([[full, other], [surname], [same_name]]):
            path = tmp_path / f"{number}.json"
            library.add(path, _briefing(f"Briefing {number}", sources), file_digest(str(number).encode()))
        merged = {source.name: source for source in library_sources(library)}
    assert set(merged) == {"Ilse Marrow", "Tomas Vey"}
    marrow = merged["Ilse Marrow"]
    assert (marrow.briefings, marrow.total) == (3, 3)
    assert sorted(c.source_id for c in marrow.citations) == ["ilse-marrow", "ilse-marrow", "marrow"]
    assert marrow.as_json()["briefings"] == 3


def test_an_alias_two_people_share_joins_neither(tmp_path: Path) -> None:
    anna = Source(id="anna-brask", name="Anna Brask", kind=SourceKind.NAMED_PERSON, aliases=("Brask",))
    odile = Source(id="odile-brask", name="Odile Brask", kind=SourceKind.NAMED_PERSON, aliases=("Brask",))
    bare = Source(id="brask", name="Brask", kind=SourceKind.NAMED_PERSON)
    with Library(tmp_path / "library.sqlite3") as library:
        for number, sources in enumerate([[anna], [odile], [bare]]):
            library.add(tmp_path / f"{number}.json", _briefing(f"B{number}", sources), str(number))
        names = sorted(source.name for source in library_sources(library))
    assert names == ["Anna Brask", "Brask", "Odile Brask"]


def test_a_filter_keeps_the_sources_holding_every_word_in_a_name_an_alias_or_the_kind(tmp_path: Path) -> None:
    marrow = Source(id="ilse-marrow", name="Ilse Marrow", kind=SourceKind.NAMED_PERSON, aliases=("Marrow",))
    officials = Source(
        id="officials", name="two officials familiar with the talks", kind=SourceKind.ANONYMOUS
    )
    outlet = Source(id="wire", name="The Harbour Wire", kind=SourceKind.OUTLET)
    with Library(tmp_path / "library.sqlite3") as library:
        library.add(tmp_path / "a.json", _briefing("A", [marrow, officials, outlet]), "a")
        everyone = library_sources(library)
    names = [source.name for source in everyone]

    def kept(query: str) -> list[str]:
        return [source.name for source in sources_matching(everyone, query)]

    assert kept("") == kept("   ") == names
    assert kept("marr") == ["Ilse Marrow"]
    assert kept("TALKS two") == ["two officials familiar with the talks"]
    assert kept("outlet") == ["The Harbour Wire"]
    assert kept("named person ilse") == ["Ilse Marrow"]
    assert kept("marrow talks") == []
