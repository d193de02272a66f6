"""Write a `Briefing` back out as JSON, Markdown or plain text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Literal

from briefing_tui.model import BlockKind, Briefing, KindBasis, Paragraph, Section

__all__ = ["EXPORTERS", "ExportFormat", "export"]

ExportFormat = Literal["json", "markdown", "text"]
"""The formats `export` writes."""


def export(briefing: Briefing, fmt: ExportFormat) -> str:
    """The briefing in ``fmt``; JSON and Markdown read back into an equal briefing."""
    return EXPORTERS[fmt](briefing)


def to_json(briefing: Briefing) -> str:
    """The model as indented JSON, exactly as the schema describes it."""
    return briefing.model_dump_json(indent=2) + "\n"


def to_markdown(briefing: Briefing) -> str:
    """Front matter, ``#`` title, ``##`` sections with their stated kinds, and every block as
    Markdown writes it: lists, ``>`` quotes, fenced code and pipe tables."""
    return "".join(_markdown_lines(briefing))


def to_text(briefing: Briefing) -> str:
    """The briefing as plain text, laid out the way the plain-text reader reads it."""
    return "".join(_text_lines(briefing))


EXPORTERS: dict[ExportFormat, Callable[[Briefing], str]] = {
    "json": to_json,
    "markdown": to_markdown,
    "text": to_text,
}


def _markdown_lines(briefing: Briefing) -> Iterator[str]:
    yield from _front_matter(briefing)
    yield f"# {briefing.title}\n"
    for section in briefing.sections:
        if section.heading is not None:
            yield f"\n## {section.heading}{_stated_kind(section)}\n"
        for paragraph in section.paragraphs:
            yield f"\n{_markdown_block(paragraph)}\n"


def _front_matter(briefing: Briefing) -> Iterator[str]:
    import yaml

    fields: dict[str, object] = {
        "title": briefing.title,
        "outlet": briefing.outlet,
        "author": briefing.author,
        "published": briefing.published,
        "dateline": briefing.dateline,
    }
    # The reader undoes Markdown escapes in front-matter text, so backslashes are doubled.
    front: dict[str, object] = {
        key: _escaped(value) if isinstance(value, str) else value for key, value in fields.items() if value
    }
    if briefing.furniture:
        front["furniture"] = [_escaped(text) for text in briefing.furniture]
    yield "---\n"
    yield yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1 << 30, default_flow_style=False)
    yield "---\n\n"


def _escaped(value: str) -> str:
    return value.replace("\\", "\\\\")


def _markdown_block(paragraph: Paragraph) -> str:
    text = paragraph.text
    if paragraph.block is BlockKind.PREFORMATTED:
        fence = "`" * max(3, _longest_run(text, "`") + 1)
        return f"{fence}\n{text}\n{fence}"
    if paragraph.block is BlockKind.TABLE and paragraph.rows:
        return _markdown_table(paragraph.rows)
    if paragraph.block is BlockKind.QUOTE:
        return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))
    prefix = f"{paragraph.marker} " if paragraph.marker else ""
    return f"{prefix}{text}"


def _markdown_table(rows: tuple[tuple[str, ...], ...]) -> str:
    width = max(len(row) for row in rows)
    lines = []
    for index, row in enumerate(rows):
        cells = [_cell(cell) for cell in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)


def _cell(text: str) -> str:
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def _longest_run(text: str, char: str) -> int:
    longest = current = 0
    for found in re.finditer(re.escape(char) + "+", text):
        current = found.end() - found.start()
        longest = max(longest, current)
    return longest


def _text_lines(briefing: Briefing) -> Iterator[str]:
    yield f"{briefing.title}\n"
    for section in briefing.sections:
        if section.heading is not None:
            yield f"\n{section.heading}\n"
        yield from _paragraph_lines(section.paragraphs)


def _paragraph_lines(paragraphs: tuple[Paragraph, ...]) -> Iterator[str]:
    for paragraph in paragraphs:
        prefix = f"{paragraph.marker} " if paragraph.marker else ""
        yield f"\n{prefix}{paragraph.text}\n"


def _stated_kind(section: Section) -> str:
    # Only a kind the author stated is written back: analysed kinds are recomputed on reading.
    return f" {{kind={section.kind.value}}}" if section.kind_basis is KindBasis.STATED else ""
