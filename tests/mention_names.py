"""What the source finder names in a sentence, for the tests of attribution shapes."""

from __future__ import annotations

from briefing_tui.analysis.sources import find_mentions


def named(text: str, outlets: frozenset[str] = frozenset()) -> list[str]:
    """The naming words of every mention that is not a pronoun (``outlets``: the briefing's own)."""
    return [text[m.start : m.end] for m in find_mentions(text, outlets) if m.pronoun is None]
