"""What each section is about, from its paragraphs' kinds.

The paragraphs' kinds come from the model learned from the corpus: every paragraph is read
for its features (`kind_features`), scored by the shipped weights and decoded as one sequence
over the briefing (`kind_model.decode_emitted`, called by `analyse`), so a paragraph that says
little on its own takes the kind its neighbours make likely. A section takes the kind its
author stated, the kind its heading names, or the dominant kind of its paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing_tui.analysis.kind_features import heading_kind
from briefing_tui.analysis.lexicon import KIND_PRIORITY
from briefing_tui.model import KindBasis, Paragraph, Section, SectionKind

__all__ = ["heading_kind", "section_kind"]


def section_kind(section: Section, paragraphs: Sequence[Paragraph]) -> tuple[SectionKind, KindBasis]:
    """A section's kind and why: as stated, as its heading names, or its paragraphs' dominant kind.

    Dominance is measured in characters, so a short list does not outvote the long paragraphs
    around it.
    """
    if section.kind_basis is KindBasis.STATED:
        return section.kind, KindBasis.STATED
    named = heading_kind(section.heading)
    if named is not None:
        return named, KindBasis.HEADING
    if not paragraphs:
        return SectionKind.BACKGROUND, KindBasis.DEFAULT
    weight = dict.fromkeys(KIND_PRIORITY, 0)
    for paragraph in paragraphs:
        weight[paragraph.kind] += len(paragraph.text)
    first_seen = {paragraph.kind: number for number, paragraph in reversed(list(enumerate(paragraphs)))}
    dominant = max(first_seen, key=lambda kind: (weight[kind], -first_seen[kind]))
    return dominant, KindBasis.PARAGRAPHS
