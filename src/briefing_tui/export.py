"""Write a `Briefing` back out as JSON, Markdown or plain text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal

from briefing_tui.model import Briefing, KindBasis, Paragraph, Section

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
    """Front matter, ``#`` title, ``##`` sections with their stated kinds, paragraphs and lists."""
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
    front = {
        "title": briefing.title,
        "outlet": briefing.outlet,
        "author": briefing.author,
        "published": briefing.published.isoformat() if briefing.published else None,
    }
    yield "---\n"
    for key, value in front.items():
        if value:
            yield f"{key}: {_quote(value.replace(chr(10), ' '))}\n"
    yield "---\n\n"
    yield f"# {briefing.title}\n"
    for section in briefing.sections:
        if section.heading is not None:
            yield f"\n## {section.heading}{_stated_kind(section)}\n"
        yield from _paragraph_lines(section.paragraphs)


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


def _quote(value: str) -> str:
    # The reader strips one pair of outer quotes and keeps the rest verbatim, so wrapping
    # is enough: nothing inside needs escaping.
    if value != value.strip() or value[:1] in "\"'" or value[-1:] in "\"'":
        return f'"{value}"'
    return value
