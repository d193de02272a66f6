"""Open a briefing file: read it, then analyse it unless it is already our analysed JSON."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.ingest import Document, read_document, read_opening

if TYPE_CHECKING:
    from briefing_tui.ingest.plain import Preview
    from briefing_tui.model import Briefing

__all__ = ["EAGER_ANALYSIS_CHARS", "load_briefing", "load_for_reading", "open_for_reading"]

EAGER_ANALYSIS_CHARS = 400_000
"""Briefings shorter than this are analysed before the reader opens; longer ones after."""


def load_briefing(path: Path | str, *, analysed: bool = True) -> Briefing:
    """The briefing at ``path``; with ``analysed``, its kinds and sources filled in.

    A JSON export already carries its analysis (possibly curated by hand), so it is
    taken as it is. Raises `BriefingError` for anything that cannot be read.
    """
    briefing, _ = load_for_reading(path, eager_chars=None if analysed else 0)
    return briefing


def load_for_reading(
    path: Path | str, *, eager_chars: int | None = EAGER_ANALYSIS_CHARS
) -> tuple[Briefing, bool]:
    """The briefing at ``path`` and whether it is analysed yet.

    Text shorter than ``eager_chars`` (any text, when None) is analysed now; a longer one
    is returned as read, for the reader to show at once and analyse in the background.
    """
    return _as_read(read_document(path), eager_chars)


def open_for_reading(path: Path | str) -> tuple[Briefing | Preview, bool]:
    """What the reader shows first of ``path``, and whether it is analysed.

    A plain text comes as its `Preview` (plain blocks, of its head if it is long), the
    model to be built after the first frame; anything else as its briefing. Nothing is
    analysed here.
    """
    opened = read_opening(path)
    if isinstance(opened, Document):
        return _as_read(opened, 0)
    return opened, False


def _as_read(document: Document, eager_chars: int | None) -> tuple[Briefing, bool]:
    if document.format == "json":
        return document.briefing, True
    if eager_chars is None or document.characters < eager_chars:
        from briefing_tui.analysis import analyse  # only here: the reader analyses after its first frame

        return analyse(document.briefing), True
    return document.briefing, False
