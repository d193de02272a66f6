"""Text taken out of a briefing with its sources: what ``y`` copies and what exports reuse.

A citation is the text as written, then one line naming who the text cites and where it
comes from: the briefing's title, outlet and date. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing_tui.model import Briefing, Paragraph, Section

__all__ = ["cite_paragraph", "cite_section", "credit_line", "paragraph_sources", "provenance"]


def paragraph_sources(briefing: Briefing, paragraphs: Iterable[Paragraph]) -> list[str]:
    """The names of the sources ``paragraphs`` cite, once each, in order of first citation."""
    names: dict[str, str] = {}
    for paragraph in paragraphs:
        for attribution in paragraph.attributions:
            names.setdefault(attribution.source_id, briefing.source(attribution.source_id).name)
    return list(names.values())


def provenance(briefing: Briefing) -> str:
    """Where the text comes from: "“Title”, Outlet, 2025-10-10" (what is known of it)."""
    parts = [f"“{' '.join(briefing.title.split())}”", briefing.outlet]
    parts.append(briefing.published.isoformat() if briefing.published else None)
    return ", ".join(part for part in parts if part)


def credit_line(briefing: Briefing, paragraphs: Iterable[Paragraph]) -> str:
    """The line under a citation: its sources, then the briefing it comes from."""
    names = paragraph_sources(briefing, paragraphs)
    cited = f"Sources: {'; '.join(names)}." if names else "No source named."
    return f"— {cited} From {provenance(briefing)}."


def _body(paragraph: Paragraph) -> str:
    return f"{paragraph.marker} {paragraph.text}" if paragraph.marker else paragraph.text


def cite_paragraph(briefing: Briefing, paragraph: Paragraph) -> str:
    """``paragraph``'s text, a blank line, then its credit line."""
    return f"{_body(paragraph)}\n\n{credit_line(briefing, [paragraph])}\n"


def cite_section(briefing: Briefing, section: Section) -> str:
    """``section``'s heading and paragraphs, a blank line, then one credit line for them all."""
    blocks = [] if section.heading is None else [section.heading]
    blocks.extend(_body(paragraph) for paragraph in section.paragraphs)
    return "\n\n".join([*blocks, credit_line(briefing, section.paragraphs)]) + "\n"
