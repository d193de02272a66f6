"""The records of the source finder: a mention of a source, and what a shape found."""

from __future__ import annotations

from dataclasses import dataclass

from briefing_tui.analysis.phrases import Phrase
from briefing_tui.model import SourceKind

__all__ = ["Found", "Mention"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a paragraph names a source."""

    start: int
    """Offset of the first naming character in the paragraph text."""
    end: int
    """Offset just past the last naming character."""
    name: str
    """The source as written, with a sentence-opening capital on a common word lowered."""
    kind: SourceKind | None
    """Who it is; None for a lone capitalised word that only context can tell apart, or a pronoun."""
    description: str | None = None
    """What the text says about a named person, if anything."""
    pronoun: str | None = None
    """The pronoun, lower case, when the words are one ("he"): the registry links it to a speaker."""
    antecedent: Mention | None = None
    """For "he" or "she": the one person named earlier in the paragraph since the last
    attribution, who is nearer than any earlier speaker ("Ana Roe held a photo. “...,” she said")."""


@dataclass(frozen=True, slots=True)
class Found:
    """What a shape found at an anchor: the phrase, and an aside or a pronoun read with it."""

    phrase: Phrase
    description: tuple[int, int] | None = None
    pronoun: str | None = None
