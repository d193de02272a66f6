"""Matches of a query in a briefing's title, which the reader shows above the first section.

`briefing_tui.search.SearchIndex` searches headings and paragraphs only (its units are
what the reader and the command line number); the title is searched here, with the same
compiled query, so that the reader counts every match it shows.
"""

from __future__ import annotations

from briefing_tui.search import CompiledQuery

__all__ = ["title_matches"]


def title_matches(title: str, compiled: CompiledQuery) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of each non-empty match of ``compiled`` in ``title``."""
    if compiled.pattern is None:
        return ()
    return tuple(match.span() for match in compiled.pattern.finditer(title) if match.end() > match.start())
