"""The Markdown reader: front matter, title, sections, stated kinds, lists, inline syntax."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing_tui.ingest import detect_format, read_briefing
from briefing_tui.model import KindBasis, SectionKind

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
