"""The analysis of each paragraph on its own: its sources and its kind scores.

What a paragraph's text alone decides, with where it stands in the briefing: the mentions of
its sources (`sources.find_mentions`) and the kind model's scores of its features
(`kind_model.KindModel.emissions`). Everything that links paragraphs (the registry of
sources, the sequence of kinds) comes after, from these results in reading order, so a
second process may compute them for part of a large briefing (`two_processes`).
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing_tui.analysis.kind_features import observe_paragraph
from briefing_tui.analysis.kind_model import Matched, Vector, shipped_model
from briefing_tui.analysis.mentions import Mention
from briefing_tui.analysis.sources import find_mentions

__all__ = ["ParagraphRead", "ParagraphWork", "read_paragraphs"]

ParagraphWork = tuple[str, set[str], str]
"""A paragraph's text, the signals of where it stands, and its context (`kind_features.CONTEXTS`)."""
ParagraphRead = tuple[list[Mention], Vector, list[Matched]]
"""A paragraph's mentions, its score for each kind, and the features that matched."""


def read_paragraphs(work: Sequence[ParagraphWork], outlets: frozenset[str]) -> list[ParagraphRead]:
    """Each paragraph's mentions and kind scores, in order; ``outlets`` as `find_mentions` takes them."""
    model = shipped_model()
    emitted = [model.emissions(observe_paragraph(text, place, context)) for text, place, context in work]
    return [
        (find_mentions(text, outlets), scores, matched)
        for (text, _, _), (scores, matched) in zip(work, emitted, strict=True)
    ]
