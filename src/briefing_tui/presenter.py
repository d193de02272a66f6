"""Questions the views ask of a briefing, answered once in the core: how often each source is
cited, where, how many paragraphs each kind has, and which paragraphs stand outside sections
of their kind.

Places are unit numbers as `briefing_tui.units.walk` numbers them, so the reader's panes,
the library and any export agree on them. Nothing here imports Textual.
"""

from __future__ import annotations

from collections import Counter

from briefing_tui.model import Briefing, SectionKind
from briefing_tui.units import walk

__all__ = ["attribution_places", "citation_counts", "kind_counts", "question_units", "stray_units"]

Place = tuple[int, int, int]
"""``(unit, start, end)``: a range of characters in one unit."""


def citation_counts(briefing: Briefing) -> Counter[str]:
    """How many times each source (by id) is cited."""
    return Counter(
        attribution.source_id for paragraph in briefing.paragraphs() for attribution in paragraph.attributions
    )


def attribution_places(briefing: Briefing, source_id: str | None) -> list[Place]:
    """Every place the source is cited, in reading order (none for None)."""
    if source_id is None:
        return []
    return [
        (unit, attribution.start, attribution.end)
        for unit, (_, _, paragraph) in enumerate(walk(briefing))
        if paragraph is not None
        for attribution in paragraph.attributions
        if attribution.source_id == source_id
    ]


def kind_counts(briefing: Briefing) -> Counter[SectionKind]:
    """How many paragraphs there are of each kind."""
    return Counter(paragraph.kind for paragraph in briefing.paragraphs())


def stray_units(briefing: Briefing, kind: SectionKind) -> list[tuple[int, int]]:
    """``(section, unit)`` of each paragraph of ``kind`` that stands in a section of another kind."""
    sections = briefing.sections
    return [
        (section, unit)
        for unit, (section, _, paragraph) in enumerate(walk(briefing))
        if paragraph is not None and paragraph.kind is kind and sections[section].kind is not kind
    ]


def question_units(briefing: Briefing) -> list[int]:
    """The unit of each of the briefing's questions, in order."""
    units = {
        paragraph.id: unit for unit, (_, _, paragraph) in enumerate(walk(briefing)) if paragraph is not None
    }
    return [units[question.paragraph_id] for question in briefing.questions]
