"""Run the reader's searches without ever holding up the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from textual.dom import DOMNode
from textual.worker import Worker, get_current_worker

from briefing_tui.model import Briefing
from briefing_tui.search import SEARCH_TIMEOUT, SearchIndex, SearchResult

__all__ = ["INLINE_BUDGET", "SearchSession"]

INLINE_BUDGET = 0.05
"""Seconds a search may take on the event loop before it moves to a worker thread."""

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
    """

    def __init__(self, owner: DOMNode, briefing: Callable[[], Briefing], deliver: Deliver) -> None:
        self._owner = owner
        self._briefing = briefing
        self._deliver = deliver
        self._index: SearchIndex | None = None
        self._generation = 0  # bumped by every query and by cancel: older results are dropped
        self._worker: Worker[None] | None = None
        self.pending: bool = False
        """Whether a search is running in the background."""

    @property
    def index(self) -> SearchIndex:
        """The briefing's text prepared for searching, built on first use."""
        if self._index is None:
            self._index = SearchIndex(self._briefing())
        return self._index

    def search(self, query: str, *, regex: bool, case_sensitive: bool | None) -> bool:
        """Search for ``query``; True when the result was delivered at once, False when it will follow."""
        self.cancel()
        result = self.index.search(query, regex=regex, case_sensitive=case_sensitive, timeout=INLINE_BUDGET)
        if not result.timed_out:
            self._deliver(result)
            return True
        generation = self._generation
        self.pending = True
        self._worker = self._owner.run_worker(
            lambda: self._search_in_thread(generation, query, regex, case_sensitive),
            name="search",
            group="search",
            exclusive=True,
            thread=True,
        )
        return False

    def cancel(self) -> None:
        """Drop the search running in the background, if any: its result will not be delivered."""
        self._generation += 1
        self.pending = False
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None

    def _search_in_thread(
        self, generation: int, query: str, regex: bool, case_sensitive: bool | None
    ) -> None:
        result = self.index.search(query, regex=regex, case_sensitive=case_sensitive, timeout=SEARCH_TIMEOUT)
        if not get_current_worker().is_cancelled:
            self._owner.app.call_from_thread(self._arrived, generation, result)

    def _arrived(self, generation: int, result: SearchResult) -> None:
        if generation != self._generation:
            return  # a newer query or Esc came first
        self.pending = False
        self._worker = None
        self._deliver(result)
