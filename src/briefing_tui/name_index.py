"""Find names (section headings, source names) as the user types, in time that does not grow with typing.

A `NameIndex` keeps every name, case-folded and cut to `NAME_CHARS`, in one string with a
newline before each, so a lookup is one or two regular-expression scans in C rather than a
Python call per name. `NameIndex.find` ranks the names that hold every character of the
query in order (as fuzzy pickers do) and stops at ``limit``:

1. names that start with the query;
2. names with the query after a space (at the start of a word);
3. names with it as one run of text anywhere;
4. names with its characters in order, with gaps.

Within a rank names keep their order. Each character of the query is matched at its first
place after the previous one by a possessive run of other characters, so a scan never
backtracks: it is linear in the length of the names. Nothing here imports Textual.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator

__all__ = ["NAME_CHARS", "NameIndex"]

NAME_CHARS = 200
"""How much of a name is searched: more than any picker shows of it."""


class NameIndex:
    """Names prepared for repeated lookups by what a user types."""

    __slots__ = ("_count", "_starts", "_text")

    def __init__(self, names: Iterable[str]) -> None:
        pieces = [name[:NAME_CHARS].replace("\n", " ").casefold() for name in names]
        self._count = len(pieces)
        # Each name follows a newline, so "starts the name" is the literal "\n" + query.
        self._text = "".join(f"\n{piece}" for piece in pieces) + "\n"
        self._starts = array("q", [0])
        for piece in pieces:
            self._starts.append(self._starts[-1] + len(piece) + 1)

    def __len__(self) -> int:
        return self._count

    def find(self, query: str, limit: int) -> list[int]:
        """The indices of up to ``limit`` names that match ``query``, best first (see the module)."""
        needle = query.strip().casefold().replace("\n", " ")
        if not needle:
            return list(range(min(limit, self._count)))
        scans: list[re.Pattern[str]] = []
        if needle in self._text:
            # Literal scans run at memory speed; the word-start ranks are a subset of the
            # run-anywhere one, so none of them is needed when the query is nowhere.
            run = re.escape(needle)
            scans += [re.compile("\n" + run), re.compile(" " + run), re.compile(run)]
        if len(needle) > 1:
            # From the start of each name only: one pass over each name, however common
            # the first character is.
            scans.append(re.compile("\n" + "".join(_then(char) for char in needle)))
        found: dict[int, None] = {}
        for scan in scans:
            for name in self._names_of(scan.finditer(self._text)):
                found.setdefault(name)
                if len(found) >= limit:
                    return list(found)
        return list(found)

    def _names_of(self, matches: Iterator[re.Match[str]]) -> Iterator[int]:
        starts = self._starts
        last = -1
        for match in matches:
            # A match may begin at the newline before its name: count it from its next character.
            name = bisect_right(starts, match.start()) - 1
            if name != last:
                last = name
                yield name


def _then(char: str) -> str:
    """A pattern for: anything but ``char`` on this line, never given back, then ``char``."""
    escaped = re.escape(char)
    return f"[^\\n{escaped}]*+{escaped}"
