"""What the source finder names in a sentence, and briefings to find them in, for the tests of sources."""

from __future__ import annotations

from briefing_tui.analysis.sources import find_mentions
from briefing_tui.model import Briefing, Paragraph, Section


def named(text: str, outlets: frozenset[str] = frozenset()) -> list[str]:
    """The naming words of every mention that is not a pronoun (``outlets``: the briefing's own)."""
    return [text[m.start : m.end] for m in find_mentions(text, outlets) if m.pronoun is None]


def briefing_of(*texts: str) -> Briefing:
    """A briefing of one section, without a heading, with one paragraph per text."""
    paragraphs = tuple(Paragraph(id=f"p{number}", text=text) for number, text in enumerate(texts, start=1))
    return Briefing(title="Test", sections=(Section(id="s1", paragraphs=paragraphs),))


def cited_via(briefing: Briefing) -> list[tuple[str, str, str]]:
    """(words as written, source name, via) for every attribution, in reading order."""
    sources = {source.id: source for source in briefing.sources}
    return [
        (paragraph.text[a.start : a.end], sources[a.source_id].name, a.via.value)
        for paragraph in briefing.paragraphs()
        for a in paragraph.attributions
    ]
