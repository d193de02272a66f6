"""Run the reader's searches without ever holding up the keyboard."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.dom import DOMNode
from textual.worker import Worker, get_current_worker

from briefing_tui.model import Briefing
from briefing_tui.search import SEARCH_TIMEOUT, CompiledQuery, SearchIndex, SearchResult, compile_query
from briefing_tui.search_parts import PartialSearch

__all__ = ["INLINE_BUDGET", "PARTS_FROM", "SLICE", "SearchSession"]

INLINE_BUDGET = 0.05
"""Seconds a search may take on the event loop before it moves to a worker thread."""
PARTS_FROM = 200_000
"""Characters of text from which a search is done a part at a time: below, a whole search
of even a one-letter query takes a millisecond or two, and one frame shows it all."""
SLICE = 0.008
"""Seconds of searching between two turns of the event loop, once the first part is shown."""

Deliver = Callable[[SearchResult], None]


class SearchSession:
    """The searches of one reader: each keystroke's query, bounded in time, the newest one winning.

    A search is first tried on the event loop with a budget of `INLINE_BUDGET`, short enough
    that a key is never held up by it: literal text and most regular expressions finish
    within it, and their result is delivered at once. A search that does not is run again in
    an exclusive worker thread, bounded by `SEARCH_TIMEOUT` (the `regex` module releases the
    interpreter lock while it matches, so the interface stays live meanwhile). The next
    query, or `cancel` (Esc), cancels that worker and its result is never delivered; past the
    timeout the delivered result's error says the search took too long.

    In a large briefing (`PARTS_FROM`) a query that can be searched a part at a time is
    searched first from where the reader is until its first match there and a screenful
    after it: that partial result (`SearchResult.complete` is False) is delivered at once,
    so the keystroke paints what the reader sees; after the paint, the rest is searched in
    slices of `SLICE` on the event loop, between keystrokes, and the finished result goes to
    ``finished`` (the next query cancels it). `finish_now` completes it at once, for a step
    to a match outside what has been searched.
    """

    def __init__(
        self,
        owner: DOMNode,
        briefing: Callable[[], Briefing],
        deliver: Deliver,
        finished: Deliver | None = None,
    ) -> None:
        self._owner = owner
        self._briefing = briefing
        self._deliver = deliver
        self._finished = deliver if finished is None else finished
        self._index: SearchIndex | None = None
        self._generation = 0  # bumped by every query and by cancel: older results are dropped
        self._worker: Worker[None] | None = None
        self._parts: PartialSearch | None = None
        self._partial = False  # whether this query's partial result has been delivered
        self.pending: bool = False
        """Whether a search is running in the background."""

    @property
    def index(self) -> SearchIndex:
        """The briefing's text prepared for searching, built on first use."""
        if self._index is None:
            self._index = SearchIndex(self._briefing())
        return self._index

    def prepare(self) -> None:
        """Build the index now (the bar has just opened), so that the first key does not wait for it."""
        _ = self.index

    def search(
        self,
        query: str,
        *,
        regex: bool,
        case_sensitive: bool | None,
        origin: int = 0,
        wanted: int | None = None,
    ) -> bool:
        """Search for ``query``; True when a result was delivered at once, False when it will follow.

        A search done in parts starts at unit ``origin`` (the top of the screen) and reaches
        at least the first match in unit ``wanted`` or after it (where the reader will go).
        """
        self.cancel()
        compiled = compile_query(query, regex=regex, case_sensitive=case_sensitive)
        index = self.index
        large = len(index.text) >= PARTS_FROM
        if large and index.cached(compiled) is None and index.can_search_in_parts(compiled):
            parts = PartialSearch(index, compiled, origin, part_timeout=INLINE_BUDGET)
            try:
                first = parts.first(wanted)
            except TimeoutError:
                pass  # a regular expression too slow for the loop: in a thread, below
            else:
                self._deliver(first)
                if not first.complete:
                    self._parts = parts
                    self._partial = True
                    self.pending = True
                    # After the paint: the first part's frame must not wait for the rest.
                    self._owner.call_after_refresh(self._search_the_rest, self._generation)
                return True
        result = index.search_compiled(compiled, timeout=INLINE_BUDGET)
        if not result.timed_out:
            self._deliver(result)
            return True
        self._in_thread(compiled)
        return False

    def finish_now(self) -> None:
        """Search what a search done in parts has left, now, and deliver it as finished."""
        parts = self._parts
        if parts is None:
            return
        generation = self._generation
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
        try:
            result = parts.finish()
        except TimeoutError:
            self._in_thread(parts.compiled)
            return
        self._arrived(generation, result)

    def cancel(self) -> None:
        """Drop the search running in the background, if any: its result will not be delivered."""
        self._generation += 1
        self.pending = False
        self._parts = None
        self._partial = False
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None

    def _search_the_rest(self, generation: int) -> None:
        if generation == self._generation and self._parts is not None:
            self._worker = self._owner.run_worker(
                self._the_rest(generation, self._parts), name="search", group="search", exclusive=True
            )

    async def _the_rest(self, generation: int, parts: PartialSearch) -> None:
        try:
            while not parts.advance(SLICE):
                await asyncio.sleep(0)  # keys and frames go first
                if generation != self._generation:
                    return
        except TimeoutError:
            if generation == self._generation:
                self._in_thread(parts.compiled)
            return
        self._arrived(generation, parts.result())

    def _in_thread(self, compiled: CompiledQuery) -> None:
        """Search whole in an exclusive worker thread, bounded by `SEARCH_TIMEOUT`."""
        generation = self._generation
        self.pending = True
        self._parts = None
        self._worker = self._owner.run_worker(
            lambda: self._search_in_thread(generation, compiled),
            name="search",
            group="search",
            exclusive=True,
            thread=True,
        )

    def _search_in_thread(self, generation: int, compiled: CompiledQuery) -> None:
        result = self.index.search_compiled(compiled, timeout=SEARCH_TIMEOUT)
        if not get_current_worker().is_cancelled:
            self._owner.app.call_from_thread(self._arrived, generation, result)

    def _arrived(self, generation: int, result: SearchResult) -> None:
        if generation != self._generation:
            return  # a newer query or Esc came first
        self.pending = False
        self._worker = None
        self._parts = None
        # The rest of a search shown in part refines what is shown; a whole one is new.
        (self._finished if self._partial else self._deliver)(result)
        self._partial = False
