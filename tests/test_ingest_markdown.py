"""The Markdown reader: front matter, title, sections, stated kinds, lists, inline syntax."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing_tui.export import export
from briefing_tui.ingest import detect_format, read_briefing
from briefing_tui.model import BlockKind, KindBasis, SectionKind

DOC = """---
title: "Port strike: where the talks stand"
outlet: Harbour Weekly
author: Dana Ortiz
published: 2026-03-14
---

# Ignored because the front matter names the title

A lead paragraph that sets the scene,
wrapped over two lines.

## Where the talks stand

The union said on **Tuesday** that [talks](https://example.invalid/x) had *stalled*.

## What the offer says {kind=terms}

- a 4% raise in the first year
- two more years at 3%
  with a review clause
1. numbered item

## Unknown kind stays a heading {kind=gossip}

> A quoted paragraph.

```
code line one
code line two
```
"""


def read(tmp_path: Path, text: str, name: str = "doc.md") -> object:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_briefing(path)


def test_front_matter_fills_metadata(tmp_path: Path) -> None:
    briefing = read(tmp_path, DOC)
    assert briefing.title == "Port strike: where the talks stand"  # type: ignore[attr-defined]
    assert briefing.outlet == "Harbour Weekly"  # type: ignore[attr-defined]
    assert briefing.author == "Dana Ortiz"  # type: ignore[attr-defined]
    assert briefing.published == dt.date(2026, 3, 14)  # type: ignore[attr-defined]


def test_sections_paragraphs_and_lists(tmp_path: Path) -> None:
    briefing = read(tmp_path, DOC)
    sections = briefing.sections  # type: ignore[attr-defined]
    # With a title in the front matter, a level-one heading is kept as a section, not lost.
    assert [s.heading for s in sections] == [
        "Ignored because the front matter names the title",
        "Where the talks stand",
        "What the offer says",
        "Unknown kind stays a heading {kind=gossip}",
    ]
    assert sections[0].paragraphs[0].text == "A lead paragraph that sets the scene, wrapped over two lines."
    assert sections[1].paragraphs[0].text == "The union said on Tuesday that talks had stalled."
    items = [(p.marker, p.text) for p in sections[2].paragraphs]
    assert items == [
        ("-", "a 4% raise in the first year"),
        ("-", "two more years at 3% with a review clause"),
        ("1.", "numbered item"),
    ]
    assert [p.text for p in sections[3].paragraphs] == ["A quoted paragraph.", "code line one\ncode line two"]


def test_stated_kind_is_kept_with_its_basis(tmp_path: Path) -> None:
    sections = read(tmp_path, DOC).sections  # type: ignore[attr-defined]
    assert sections[2].kind is SectionKind.TERMS
    assert sections[2].kind_basis is KindBasis.STATED
    assert sections[3].kind_basis is KindBasis.DEFAULT


def test_title_from_first_heading_without_front_matter(tmp_path: Path) -> None:
    briefing = read(tmp_path, "# The title\n\nBody.\n\n## Part\n\nMore.\n")
    assert briefing.title == "The title"  # type: ignore[attr-defined]
    assert [s.heading for s in briefing.sections] == [None, "Part"]  # type: ignore[attr-defined]


def test_bad_published_date_is_a_notice(tmp_path: Path) -> None:
    briefing = read(tmp_path, "---\ntitle: T\npublished: last week\n---\nBody.\n")
    assert briefing.published is None  # type: ignore[attr-defined]
    assert any("published" in notice for notice in briefing.notices)  # type: ignore[attr-defined]


def test_format_sniffing_without_suffix() -> None:
    assert detect_format(Path("brief"), "---\ntitle: x\n---\n") == "markdown"
    assert detect_format(Path("brief"), '  {"title": "x"}') == "json"
    assert detect_format(Path("brief"), "# Title\n\ntext") == "markdown"
    assert detect_format(Path("brief"), "Title\n\ntext") == "text"
    assert detect_format(Path("brief.TXT"), "# looks like markdown") == "text"


def test_a_title_heading_repeating_the_front_matter_is_not_a_section(tmp_path: Path) -> None:
    briefing = read(tmp_path, "---\ntitle: Same\n---\n\n# Same\n\nBody.\n\n## Part\n\nMore.\n")
    assert [s.heading for s in briefing.sections] == [None, "Part"]  # type: ignore[attr-defined]


# --- regressions: what the hand-written regexes got wrong ---------------------------------------


def test_a_title_escaped_in_the_front_matter_is_shown_unescaped(tmp_path: Path) -> None:
    # Site exporters write Markdown escapes into YAML: the title used to keep the backslash.
    briefing = read(tmp_path, "---\ntitle: Talks with the United\\_States\n---\n\nBody text.\n")
    assert briefing.title == "Talks with the United_States"  # type: ignore[attr-defined]


def test_a_line_that_only_starts_with_dashes_does_not_close_the_front_matter(tmp_path: Path) -> None:
    text = "---\ntitle: Kept\nnote: |\n  ----not a close\nauthor: Dana Ortiz\n---\n\nBody text.\n"
    briefing = read(tmp_path, text)
    assert briefing.title == "Kept"  # type: ignore[attr-defined]
    assert briefing.author == "Dana Ortiz"  # type: ignore[attr-defined]
    assert [p.text for p in briefing.paragraphs()] == ["Body text."]  # type: ignore[attr-defined]


def test_an_empty_block_scalar_is_no_value_not_a_pipe(tmp_path: Path) -> None:
    briefing = read(tmp_path, "---\ntitle: T\noutlet: |\nauthor: >\n---\n\nBody text.\n")
    assert briefing.outlet is None  # type: ignore[attr-defined]
    assert briefing.author is None  # type: ignore[attr-defined]


def test_front_matter_that_is_not_yaml_is_read_as_plain_fields(tmp_path: Path) -> None:
    # "[Draft] ..." starts a YAML list that never closes; to its writer it is a title.
    briefing = read(tmp_path, "---\ntitle: [Draft] Talks stall\nauthor: 'Dana Ortiz'\n---\n\nBody text.\n")
    assert briefing.title == "[Draft] Talks stall"  # type: ignore[attr-defined]
    assert briefing.author == "Dana Ortiz"  # type: ignore[attr-defined]
    nothing = read(tmp_path, "---\n[unclosed\n---\n\n# Heading title\n\nBody text.\n")
    assert nothing.title == "Heading title"  # type: ignore[attr-defined]
    assert any("not valid YAML" in notice for notice in nothing.notices)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Agency **News**'Fidel Ortiz said so.", "Agency News'Fidel Ortiz said so."),
        (
            "The panel had Ana Shalvey,\nSomayeh Rahimi and others.",
            "The panel had Ana Shalvey, Somayeh Rahimi and others.",
        ),
        ("The panel had Ana Shalvey,<br>Somayeh Rahimi.", "The panel had Ana Shalvey, Somayeh Rahimi."),
        ("Line one ends here  \nand line two follows.", "Line one ends here and line two follows."),
        ("A [linked phrase](https://example.invalid/x) and more.", "A linked phrase and more."),
        (
            "*Emphasis*, then `code`, snake_case_words and more.",
            "Emphasis, then code, snake_case_words and more.",
        ),
    ],
)
def test_inline_markup_is_removed_without_gluing_words(tmp_path: Path, markdown: str, expected: str) -> None:
    briefing = read(tmp_path, f"# Title\n\n{markdown}\n")
    assert [p.text for p in briefing.paragraphs()] == [expected]  # type: ignore[attr-defined]


def test_code_blocks_tables_and_quotes_keep_their_shape(tmp_path: Path) -> None:
    text = (
        "# Title\n\n```\nTimeline (draft)\nD+0  signature\nD+3  first exchange\n```\n\n"
        "| key | does |\n|---|---|\n| `n` | next match |\n| `N` | previous |\n\n"
        "> A quoted line\n> that goes on.\n\n    indented code\n      keeps its indent\n"
    )
    paragraphs = read(tmp_path, text).paragraphs()  # type: ignore[attr-defined]
    assert [(p.block, p.text) for p in paragraphs] == [
        (BlockKind.PREFORMATTED, "Timeline (draft)\nD+0  signature\nD+3  first exchange"),
        (BlockKind.TABLE, "key\tdoes\nn\tnext match\nN\tprevious"),
        (BlockKind.QUOTE, "A quoted line that goes on."),
        (BlockKind.PREFORMATTED, "indented code\n  keeps its indent"),
    ]
    assert paragraphs[1].rows == (("key", "does"), ("n", "next match"), ("N", "previous"))


def test_export_to_markdown_writes_fences_tables_and_quotes_back(tmp_path: Path) -> None:
    text = (
        "# Title\n\n````\ncode with ``` inside\n  and spaces\n````\n\n"
        "| a | b \\| c |\n|---|---|\n| 1 | 2 |\n\n> Quoted words.\n\n- item\n"
    )
    briefing = read(tmp_path, text)
    markdown = export(briefing, "markdown")  # type: ignore[arg-type]
    assert "`````\ncode with ``` inside\n  and spaces\n`````" in markdown or "````\ncode with" in markdown
    assert "| a | b \\| c |\n|---|---|\n| 1 | 2 |" in markdown
    assert "\n> Quoted words.\n" in markdown
    again = read(tmp_path, markdown, "again.md")
    assert again == briefing.model_copy(update={"origin": "again.md"})  # type: ignore[attr-defined]


def test_a_markdown_file_with_no_title_opens_with_its_first_line_as_title(tmp_path: Path) -> None:
    # The README used to say such a file is refused; it opens, and this is how.
    briefing = read(tmp_path, "Just a first line\nand a second one.\n\nA paragraph.\n")
    assert briefing.title == "Just a first line"  # type: ignore[attr-defined]
    assert [p.text for p in briefing.paragraphs()] == ["and a second one.", "A paragraph."]  # type: ignore[attr-defined]
    assert read(tmp_path, "## A section first\n\nText.\n").title == "A section first"  # type: ignore[attr-defined]
