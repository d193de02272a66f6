"""Search a large briefing a part at a time: where the reader is first, the rest after.

A keystroke in the search bar must be painted within a frame, and a one-letter query over
10 MB takes longer than that to search whole. When `SearchIndex.can_search_in_parts` says
runs of whole units searched on their own give exactly the whole search's matches, a
`PartialSearch` searches from the reader's place forward until it has the first match
there and a screenful after it (`first`), which is enough to paint, then the rest in
slices (`advance`): forward to the end, then back from the place to the start, so what
it has searched is always one run of units and its matches are in reading order. Once
finished, its result is exactly what `SearchIndex.search` gives.
Nothing here imports Textual or Rich.
"""

from __future__ import annotations

from array import array
from time import monotonic, thread_time

from briefing_tui.search import SEARCH_TIMEOUT, CompiledQuery, SearchIndex, SearchResult

__all__ = ["FIRST_CHARS", "PART_CHARS", "SCREEN_CHARS", "PartialSearch"]

PART_CHARS = 131_072
"""Characters searched at a time: a millisecond or two of the engine, then the loop is free."""
SCREEN_CHARS = 16_384
"""Characters searched past the first match before painting: more than a screen shows."""
FIRST_CHARS = 65_536
"""Characters searched for a first match before painting without one (a rare word, none).

Four screens' worth, not more: a query that matches nothing (each key after the last
match of "hostage r…") paid for a quarter of a megabyte before its frame, 9-14 ms at 1 MB
on a slower machine; with 64 KiB those keys paint in 4-7 ms (`bench/search_latency.py`)."""


class PartialSearch:
    """One query over one index, searched a run of units at a time.

    ``timeout`` bounds the time spent searching in all, as `SearchIndex.search` bounds
    it; ``part_timeout`` bounds each call of the engine, so that a regular expression
    that turns out slow gives the event loop back: `TimeoutError` says so, and the caller
    searches whole in a thread instead.
    """

    def __init__(
        self,
        index: SearchIndex,
        compiled: CompiledQuery,
        origin: int,
        *,
        timeout: float = SEARCH_TIMEOUT,
        part_timeout: float | None = None,
        part_chars: int | None = None,
        screen_chars: int | None = None,
        first_chars: int | None = None,
    ) -> None:
        assert index.can_search_in_parts(compiled)
        self.index = index
        self.compiled = compiled
        """The query."""
        self._origin = max(0, min(origin, index.unit_count))
        self._first = self._stop = self._origin  # the units searched: first .. stop - 1
        self._before: list[tuple[array[int], array[int]]] = []  # parts before the origin, nearest first
        self._after: list[tuple[array[int], array[int]]] = []  # parts from the origin on, in order
        self._last_start = -1  # where the last match found after the origin starts
        self._left = timeout
        self._part_timeout = part_timeout
        # The sizes default to the module's, read now (so that a test may set them).
        self._part_chars = PART_CHARS if part_chars is None else part_chars
        self._screen_chars = SCREEN_CHARS if screen_chars is None else screen_chars
        self._first_chars = FIRST_CHARS if first_chars is None else first_chars
        self.timed_out = False
        """Whether the search ran past its timeout (then its result is empty and timed out)."""

    @property
    def complete(self) -> bool:
        """Whether every unit has been searched (or the search gave up)."""
        return self.timed_out or (self._first == 0 and self._stop >= self.index.unit_count)

    def first(self, wanted: int | None = None) -> SearchResult:
        """Search from the origin until there is a match in unit ``wanted`` (default: the
        origin) or after it, and a screenful (`SCREEN_CHARS`) after that match.

        Past `FIRST_CHARS` after ``wanted`` without such a match, it stops there: what the
        screen shows has been searched, and where the reader goes (a match further on, or
        the first one, wrapping) is for the rest of the search to say. The result is
        partial unless the search is complete.
        """
        index = self.index
        wanted = self._origin if wanted is None else max(self._origin, wanted)
        position = index.unit_start(wanted)
        give_up = position + self._first_chars
        chars = self._screen_chars
        while (
            self._stop < index.unit_count
            and self._last_start < position
            and index.unit_start(self._stop) < give_up
            and not self.timed_out
        ):
            self._forward(chars)
            chars = min(2 * chars, self._part_chars)  # the first part small: a keystroke waits for it
        if self._last_start >= position and not self.timed_out:
            self._forward(self._screen_chars)
        elif self._stop >= index.unit_count and index.unit_start(self._first) < self._first_chars:
            self.finish()  # none to the end, and little before: the wrap target, now
        return self.result()

    def advance(self, seconds: float) -> bool:
        """Search parts for about ``seconds`` of this thread's time; True once the search is complete.

        Thread time, not wall time: while another thread (the analysis) holds the
        interpreter, a slice still gets its share of searching done before it yields.
        """
        until = thread_time() + seconds
        while not self.complete and thread_time() < until:
            if self._stop < self.index.unit_count:
                self._forward(self._part_chars)
            else:
                self._backward(self._part_chars)
        return self.complete

    def finish(self) -> SearchResult:
        """Search whatever is left, now."""
        while not self.complete:
            self.advance(1.0)
        return self.result()

    def result(self) -> SearchResult:
        """The matches found so far; once complete, exactly `SearchIndex.search`'s."""
        index, compiled = self.index, self.compiled
        if self.timed_out:
            return SearchResult(index, compiled, array("q"), array("q"), timed_out=True)
        starts, ends = array("q"), array("q")
        for part_starts, part_ends in (*reversed(self._before), *self._after):
            starts.extend(part_starts)
            ends.extend(part_ends)
        if not self.complete:
            return SearchResult(index, compiled, starts, ends, covered=(self._first, self._stop))
        limit = index.max_matches
        truncated = len(starts) > limit
        del starts[limit:], ends[limit:]
        result = SearchResult(index, compiled, starts, ends, truncated=truncated)
        index.remember(result)
        return result

    def _forward(self, chars: int) -> None:
        if self._stop >= self.index.unit_count:
            return
        stop = self.index.unit_stop_after(self._stop, chars)
        found = self._search(self._stop, stop)
        if found is not None:
            self._after.append(found)
            if found[0]:
                self._last_start = found[0][-1]
            self._stop = stop

    def _backward(self, chars: int) -> None:
        if self._first <= 0:
            return
        first = self.index.unit_start_before(self._first, chars)
        found = self._search(first, self._first)
        if found is not None:
            self._before.append(found)
            self._first = first

    def _search(self, first: int, stop: int) -> tuple[array[int], array[int]] | None:
        """The matches of units ``first`` .. ``stop - 1``, or None once out of time."""
        bound = self._left if self._part_timeout is None else min(self._left, self._part_timeout)
        started = monotonic()
        try:
            found = self.index.find_in_units(self.compiled, first, stop, timeout=bound)
        except TimeoutError:
            self._left -= monotonic() - started
            if self._left > 0:
                raise  # only this part's bound: too slow for the caller's loop
            self.timed_out = True
            return None
        self._left -= monotonic() - started
        return found
