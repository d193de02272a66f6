"""Fuzzing the readers, the search core, the JSON contract and `visible` with Hypothesis.

- Any bytes, with any suffix, read as a `Briefing` or raise `BriefingError`: nothing else.
- Any text in UTF-8 (with or without a BOM) or UTF-16 decodes to exactly itself.
- Any text and query: every match lies inside its unit and is what a unit-by-unit search finds.
- Any valid `Briefing` survives the JSON export unchanged, through the model and the reader.
- `visible` keeps the length and leaves nothing unsafe.
"""

from __future__ import annotations

import itertools
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.errors import BriefingError
from briefing_tui.export import export
from briefing_tui.grep import excerpt
from briefing_tui.ingest import read_briefing
from briefing_tui.ingest.decode import read_text
from briefing_tui.load import load_briefing
from briefing_tui.model import (
    Attribution,
    Briefing,
    Cue,
    KindBasis,
    Paragraph,
    Question,
    Section,
    SectionKind,
    Source,
    SourceKind,
)
from briefing_tui.safe_text import UNSAFE, visible
from briefing_tui.search import SearchIndex, compile_query

SUFFIXES = [".txt", ".md", ".json", ".markdown", ".text", ""]
_counter = itertools.count()


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """One folder for every example (Hypothesis runs many examples per test function)."""
    with tempfile.TemporaryDirectory(prefix="fuzz-readers-") as name:
        yield Path(name)


def write(folder: Path, data: bytes, suffix: str) -> Path:
    path = folder / f"case{next(_counter)}{suffix}"
    path.write_bytes(data)
    return path


def check_outcome(path: Path, *, analyse: bool = False) -> Briefing | None:
    """The briefing at ``path``, or None after checking the error is a clean `BriefingError`."""
    error: BriefingError | None = None
    try:
        briefing = load_briefing(path) if analyse else read_briefing(path)
    except BriefingError as caught:
        error = caught
    if error is not None:
        assert str(error).startswith(f"{path}: ")
        assert error.problem
        return None
    assert isinstance(briefing, Briefing)
    assert briefing.origin == path.name
    return briefing


# --- any bytes ------------------------------------------------------------------------------

# Bytes that steer into every branch of decoding: BOMs, NUL, controls, JSON, front matter.
PREFIXES = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"{", b'{"title": ', b"---\n", b"# ", b"\x1b]0;"]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_give_a_briefing_or_a_briefing_error(
    folder: Path, prefix: bytes, data: bytes, suffix: str
) -> None:
    path = write(folder, prefix + data, suffix)
    briefing = check_outcome(path)
    if briefing is not None:
        for fmt in ("json", "markdown", "text"):
            export(briefing, fmt)


@settings(max_examples=100)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ""]))
def test_any_bytes_survive_analysis_too(folder: Path, data: bytes, suffix: str) -> None:
    briefing = check_outcome(write(folder, data, suffix), analyse=True)
    if briefing is not None:
        assert Briefing.model_validate_json(export(briefing, "json")) == briefing


# Bytes that start like each binary or markup format, so the new readers get them whole.
FORMAT_PREFIXES = [
    b"%PDF-1.4\n",
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    b"PK\x03\x04",
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00word/document.xml",
    b"\xd0\xcf\x11\xe0",
    b"<html><body><article><p>",
    b"<!DOCTYPE html><title>T</title><p>",
    b"From: a@example.invalid\nSubject: S\nDate: Sat, 14 Mar 2026 09:30:00 +0000\n\n",
    b"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\nSubject: S\n\n--b\n",
]
FORMAT_SUFFIXES = [".html", ".htm", ".docx", ".pdf", ".eml", ""]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(FORMAT_PREFIXES),
    data=st.binary(max_size=800) | st.text(max_size=400).map(lambda text: text.encode("utf-8")),
    suffix=st.sampled_from(FORMAT_SUFFIXES),
)
def test_any_bytes_to_the_new_readers_give_a_briefing_or_a_briefing_error(
    folder: Path, prefix: bytes, data: bytes, suffix: str
) -> None:
    briefing = check_outcome(write(folder, prefix + data, suffix))
    if briefing is not None:
        assert Briefing.model_validate_json(export(briefing, "json")) == briefing
        export(briefing, "markdown")


@settings(max_examples=100, deadline=None)
@given(
    text=st.lists(
        st.sampled_from([*"[]()*_`#>|-! \n\tab.:—", "___", "\\###", "By A B", "\n\n", "---\n"]), max_size=120
    ).map("".join)
)
def test_markdown_made_of_markup_reads_and_exports(folder: Path, text: str) -> None:
    briefing = check_outcome(write(folder, text.encode("utf-8"), ".md"))
    if briefing is not None:
        assert Briefing.model_validate_json(export(briefing, "json")) == briefing
        export(briefing, "markdown")


# --- any text in several encodings ------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "cp1252", "latin-1"]


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le-bom":
        return ("\ufeff" + text).encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return ("\ufeff" + text).encode("utf-16-be")
    return text.encode(encoding)


def encodable(encoding: str) -> st.SearchStrategy[str]:
    if encoding in ("cp1252", "latin-1"):
        return st.text(st.characters(codec=encoding), max_size=300)
    return st.text(max_size=300)


@st.composite
def text_and_encoding(draw: st.DrawFn) -> tuple[str, str]:
    encoding = draw(st.sampled_from(ENCODINGS))
    return draw(encodable(encoding)), encoding


@settings(max_examples=300)
@given(case=text_and_encoding(), suffix=st.sampled_from(SUFFIXES))
def test_any_text_in_any_encoding_gives_a_briefing_or_a_briefing_error(
    folder: Path, case: tuple[str, str], suffix: str
) -> None:
    text, encoding = case
    check_outcome(write(folder, encode(text, encoding), suffix))


@settings(max_examples=300)
@given(text=st.text(max_size=300), encoding=st.sampled_from(ENCODINGS[:5]))
def test_unicode_text_decodes_to_exactly_itself(folder: Path, text: str, encoding: str) -> None:
    path = write(folder, encode(text, encoding), ".txt")
    try:
        decoded = read_text(path)
    except BriefingError:
        return  # empty, blank or binary-looking: refused, which is fine
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    if encoding == "utf-8":
        expected = expected.removeprefix("\ufeff")  # its bytes are the UTF-8 BOM
    assert decoded.text == expected
    assert not any("UTF-8" in notice and "not" in notice for notice in decoded.notices)


# --- the search core --------------------------------------------------------------------------


@st.composite
def briefing_of_texts(draw: st.DrawFn, alphabet: st.SearchStrategy[str]) -> Briefing:
    text = st.text(alphabet, max_size=40)
    sections = []
    number = itertools.count(1)
    for index in range(draw(st.integers(1, 3))):
        paragraphs = tuple(
            Paragraph(id=f"p{next(number)}", text=draw(text)) for _ in range(draw(st.integers(0, 4)))
        )
        heading = draw(st.none() | text)
        sections.append(Section(id=f"s{index}", heading=heading, paragraphs=paragraphs))
    return Briefing(title="T", sections=tuple(sections))


def units_of(briefing: Briefing) -> list[str]:
    """The searchable units, as the search module documents them: headings and paragraphs in order."""
    units: list[str] = []
    for section in briefing.sections:
        if section.heading is not None:
            units.append(section.heading)
        units.extend(paragraph.text for paragraph in section.paragraphs)
    return units


def check_search(briefing: Briefing, query: str, *, regex: bool, case_sensitive: bool | None) -> None:
    compiled = compile_query(query, regex=regex, case_sensitive=case_sensitive)
    result = SearchIndex(briefing).search(query, regex=regex, case_sensitive=case_sensitive)
    if compiled.pattern is None:
        assert result.total == 0
        return
    units = units_of(briefing)
    found = [(match.unit, match.start, match.end) for match in result]
    for unit, start, end in found:
        assert 0 <= start < end <= len(units[unit])
    expected = [
        (unit, m.start(), m.end())
        for unit, text in enumerate(units)
        for m in compiled.pattern.finditer(text)
        if m.end() > m.start()
    ]
    assert found == expected


# A small alphabet makes matches, case differences and separators likely.
SMALL = st.sampled_from(list("aAbB \n.ßẞİi\u0301é\x1b\t"))


@settings(max_examples=300)
@given(
    briefing=briefing_of_texts(SMALL),
    query=st.text(SMALL, min_size=1, max_size=4),
    case_sensitive=st.sampled_from([None, True, False]),
)
def test_literal_matches_are_inside_the_text_and_complete(
    briefing: Briefing, query: str, case_sensitive: bool | None
) -> None:
    check_search(briefing, query, regex=False, case_sensitive=case_sensitive)


@settings(max_examples=200)
@given(briefing=briefing_of_texts(st.characters()), query=st.text(min_size=1, max_size=6))
def test_any_literal_query_on_any_text(briefing: Briefing, query: str) -> None:
    check_search(briefing, query, regex=False, case_sensitive=None)


PATTERNS = [
    "a+",
    "\\s+",
    "[^a]+",
    "b*",
    "^a",
    "a$",
    "^",
    "$",
    ".",
    "\\w+\\s\\w+",
    "(a|b)\\n?",
    "[\\s\\S]{2}",
    "é|e\\u0301",
]


@settings(max_examples=300)
@given(
    briefing=briefing_of_texts(SMALL),
    pattern=st.sampled_from(PATTERNS),
    case_sensitive=st.sampled_from([None, True, False]),
)
def test_regex_matches_never_cross_units(
    briefing: Briefing, pattern: str, case_sensitive: bool | None
) -> None:
    check_search(briefing, pattern, regex=True, case_sensitive=case_sensitive)


@given(query=st.text(max_size=20))
def test_any_regex_compiles_or_says_why(query: str) -> None:
    compiled = compile_query(query, regex=True)
    assert (compiled.pattern is None) == (compiled.error is not None) or query == ""
    if compiled.error is not None:
        assert compiled.error.startswith("bad regular expression: ")
        assert "\n" not in compiled.error


# --- the JSON contract --------------------------------------------------------------------------

ids = st.text(min_size=1, max_size=8)


@st.composite
def briefings(draw: st.DrawFn) -> Briefing:
    """Any valid briefing: sections, paragraphs and sources with valid attribution offsets."""
    text = st.text(max_size=30)
    source_ids = draw(st.lists(ids, max_size=4, unique=True))
    sources = tuple(
        Source(
            id=source_id,
            name=draw(st.text(min_size=1, max_size=20)),
            kind=draw(st.sampled_from(SourceKind)),
            description=draw(st.none() | text),
        )
        for source_id in source_ids
    )
    section_ids = draw(st.lists(ids, max_size=4, unique=True))
    paragraph_ids = iter(draw(st.lists(ids, min_size=16, max_size=16, unique=True)))
    sections = []
    paragraphs: list[Paragraph] = []
    for section_id in section_ids:
        own = []
        for _ in range(draw(st.integers(0, 4))):
            body = draw(text)
            attributions: tuple[Attribution, ...] = ()
            if body and sources:
                attributions = tuple(
                    Attribution(source_id=draw(st.sampled_from(source_ids)), start=start, end=end)
                    for start, end in draw(st.lists(spans(len(body)), max_size=3))
                )
            paragraph = Paragraph(
                id=next(paragraph_ids),
                text=body,
                kind=draw(st.sampled_from(SectionKind)),
                marker=draw(st.none() | st.sampled_from(["1.", "-", "•", "*"])),
                attributions=attributions,
                cues=tuple(
                    Cue(feature=f"f{feature}", contribution=1.0)
                    for feature in draw(st.lists(text, max_size=2))
                ),
            )
            own.append(paragraph)
        paragraphs.extend(own)
        sections.append(
            Section(
                id=section_id,
                heading=draw(st.none() | text),
                kind=draw(st.sampled_from(SectionKind)),
                kind_basis=draw(st.sampled_from(KindBasis)),
                paragraphs=tuple(own),
            )
        )
    questions = []
    for paragraph in paragraphs:
        if paragraph.text and draw(st.booleans()):
            start, end = draw(spans(len(paragraph.text)))
            questions.append(
                Question(paragraph_id=paragraph.id, start=start, end=end, text=paragraph.text[start:end])
            )
    return Briefing(
        title=draw(text),
        outlet=draw(st.none() | text),
        author=draw(st.none() | text),
        published=draw(st.none() | st.dates()),
        origin=draw(st.none() | text),
        sections=tuple(sections),
        sources=sources,
        questions=tuple(questions),
        notices=tuple(draw(st.lists(text, max_size=2))),
    )


def spans(size: int) -> st.SearchStrategy[tuple[int, int]]:
    """A non-empty ``(start, end)`` inside a text of ``size`` characters."""
    return st.integers(0, size - 1).flatmap(
        lambda start: st.tuples(st.just(start), st.integers(start + 1, size))
    )


@settings(max_examples=300)
@given(briefing=briefings())
def test_any_briefing_survives_the_json_round_trip(briefing: Briefing) -> None:
    again = Briefing.model_validate_json(export(briefing, "json"))
    assert again == briefing
    assert again.model_dump() == briefing.model_dump()


@settings(max_examples=100)
@given(briefing=briefings())
def test_any_briefing_survives_the_json_round_trip_through_the_reader(
    folder: Path, briefing: Briefing
) -> None:
    path = write(folder, export(briefing, "json").encode("utf-8"), ".json")
    assert read_briefing(path) == briefing


@settings(max_examples=100)
@given(briefing=briefings())
def test_any_briefing_exports_to_every_format(briefing: Briefing) -> None:
    for fmt in ("markdown", "text"):
        exported = export(briefing, fmt)
        for paragraph in briefing.paragraphs():
            assert paragraph.text in exported  # nothing lost in a plain export


# --- visible and excerpt ------------------------------------------------------------------------

UNSAFE_HEAVY = st.text(st.sampled_from(sorted(UNSAFE)) | st.characters(), max_size=200)


@given(text=UNSAFE_HEAVY)
def test_visible_keeps_length_and_leaves_nothing_unsafe(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)
    assert not UNSAFE.intersection(shown)
    for before, after in zip(text, shown, strict=True):
        assert after == before or before in UNSAFE
    assert visible(shown) == shown


@given(text=UNSAFE_HEAVY, data=st.data(), color=st.booleans())
def test_excerpt_leaves_nothing_unsafe(text: str, data: st.DataObject, color: bool) -> None:
    if not text:
        return
    start, end = data.draw(spans(len(text)))
    line = excerpt(text, start, end, color=color)
    if color:
        line = re.sub(r"\x1b\[(?:1;31|0)m", "", line)
    assert not UNSAFE.intersection(line)
    assert visible(text[start:end]) in line
