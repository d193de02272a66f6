"""``briefing-tui search``: print every match in some briefings, one per line, grep-style.

Each line is ``FILE:ID:SECTION: …context MATCH context…``: the id of the match's paragraph
(``p3``; a heading's match gives its section's id), as ``grep -n`` gives a line number, so
``briefing-tui FILE --at ID`` opens there; the section's heading (``(lead)`` for an untitled
one); and about thirty characters of the match's own paragraph or heading on each side,
trimmed to whole words. Exit status follows grep: 0 when anything matched,
1 when nothing did, 2 when a file could not be read, the regular expression is malformed or
its search of a file ran past `search.SEARCH_TIMEOUT`.

Every piece of briefing text, and every file name, goes through `safe_text.visible` before
it is written, so escape sequences hidden in a briefing never reach the terminal raw; with
``color`` the only escape sequences written are the ones that highlight the match.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TextIO

from briefing_tui.errors import BriefingError
from briefing_tui.ingest import read_briefing
from briefing_tui.model import Briefing
from briefing_tui.safe_text import visible
from briefing_tui.search import SEARCH_TIMEOUT, TIMED_OUT, CompiledQuery, SearchIndex, compile_query

__all__ = ["CONTEXT_CHARS", "EXIT_ERROR", "EXIT_MATCH", "EXIT_NO_MATCH", "LEAD_LABEL", "excerpt", "run"]

EXIT_MATCH = 0
"""Something matched in at least one file (and no file failed)."""
EXIT_NO_MATCH = 1
"""Nothing matched anywhere."""
EXIT_ERROR = 2
"""A file could not be read, or the regular expression is malformed."""

CONTEXT_CHARS = 30
"""About how many characters of context to show on each side of a match."""
LEAD_LABEL = "(lead)"
"""What stands for the section name when the section has no heading."""

_PROG = "briefing-tui"
_ELLIPSIS = "…"
_HIGHLIGHT_ON = "\x1b[1;31m"  # bold red, as grep shows matches
_HIGHLIGHT_OFF = "\x1b[0m"


def run(
    query: str,
    paths: Sequence[str],
    *,
    regex: bool,
    case_sensitive: bool | None,
    out: TextIO,
    err: TextIO,
    color: bool,
) -> int:
    """Search every file in ``paths`` for ``query``; print matches to ``out``, problems to ``err``.

    ``case_sensitive=None`` is smart case. Returns the exit status (see `EXIT_MATCH`...).
    A file that cannot be read is reported in one line and the others are still searched.
    """
    compiled = compile_query(query, regex=regex, case_sensitive=case_sensitive)
    if compiled.error is not None:
        err.write(f"{_PROG}: {visible(compiled.error)}\n")
        return EXIT_ERROR
    matched = failed = False
    for path in paths:
        try:
            briefing = read_briefing(path)
        except BriefingError as error:
            err.write(visible(str(error)) + "\n")
            failed = True
            continue
        try:
            for line in match_lines(briefing, compiled, label=path, color=color):
                out.write(line + "\n")
                matched = True
        except TimeoutError:
            err.write(
                f"{_PROG}: {visible(path)}: {TIMED_OUT} (over {SEARCH_TIMEOUT:g} s); "
                "simplify the regular expression\n"
            )
            failed = True
    if failed:
        return EXIT_ERROR
    return EXIT_MATCH if matched else EXIT_NO_MATCH


def match_lines(briefing: Briefing, compiled: CompiledQuery, *, label: str, color: bool) -> Iterator[str]:
    """One safe line per match of ``compiled`` in ``briefing``, prefixed with ``label`` (the file)."""
    headings = {section.id: section.heading for section in briefing.sections}
    index = SearchIndex(briefing)
    result = index.search_compiled(compiled)
    if result.timed_out:
        raise TimeoutError(TIMED_OUT)
    prefix = visible(label)
    unit_number, text = -1, ""
    for match in result:
        if match.unit != unit_number:  # consecutive matches often share a paragraph
            unit_number, text = match.unit, index.unit(match.unit).text
        heading = headings[match.section_id]
        section = LEAD_LABEL if heading is None else visible(heading)
        place = visible(match.paragraph_id or match.section_id)
        yield f"{prefix}:{place}:{section}: {excerpt(text, match.start, match.end, color=color)}"


def excerpt(text: str, start: int, end: int, *, color: bool = False) -> str:
    """``text[start:end]`` with about `CONTEXT_CHARS` of context each side, safe to print.

    Context cut short is trimmed back to a whole word and marked with "…". The match is in
    bold red when ``color`` is set; otherwise the result holds no escape sequence at all.
    """
    found: str = visible(text[start:end])
    if color:
        found = f"{_HIGHLIGHT_ON}{found}{_HIGHLIGHT_OFF}"
    return f"{_before(text, start)}{found}{_after(text, end)}"


def _before(text: str, start: int) -> str:
    """The context left of ``start``, cut at a word boundary, safe to print."""
    cut = start - CONTEXT_CHARS
    if cut <= 0:
        return visible(text[:start])
    piece = text[cut:start]
    if not text[cut - 1].isspace():
        # The cut fell inside a word: drop that partial word, unless it is all there is.
        space = next((i for i, character in enumerate(piece) if character.isspace()), -1)
        if space >= 0:
            piece = piece[space:]
    # Strip on the cut side only, but keep one space when that is all that separates the match.
    return _ELLIPSIS + visible(piece.lstrip() or piece[-1:])


def _after(text: str, end: int) -> str:
    """The context right of ``end``, cut at a word boundary, safe to print."""
    cut = end + CONTEXT_CHARS
    if cut >= len(text):
        return visible(text[end:])
    piece = text[end:cut]
    if not text[cut].isspace():
        space = next((i for i in range(len(piece) - 1, -1, -1) if piece[i].isspace()), -1)
        if space >= 0:
            piece = piece[: space + 1]
    return visible(piece.rstrip() or piece[:1]) + _ELLIPSIS
