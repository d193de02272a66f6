"""Full runs of Python's cyclic garbage collector while the reader is idle, never mid-keystroke.

Every screenful the reader renders makes long-lived objects (strips, segments, styles and
the small caches inside each strip), and once enough of them have been promoted to the
oldest generation Python walks that whole generation: at 1 MB some 70,000 objects, 70 to
130 ms, in whichever keystroke happened to allocate last. The young generations stay
automatic (a millisecond or two each); the full collection is left to `IdleCollector`, which
runs it once no key nor mouse event has come for `IDLE_S`.

A key also holds back the young generations until its frame has been painted (`hold`,
`release`): a first key after the search index was built, or one that renders a new
screenful, otherwise pays for a collection of the middle generation (2 to 4 ms at 1 MB)
before its result is on screen; held, that collection runs just after the paint.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from time import monotonic

__all__ = ["CHECK_S", "HOLD_S", "IDLE_S", "IdleCollector"]

IDLE_S = 1.0
"""Seconds without input before a due full collection runs: longer than between two keys typed."""
CHECK_S = 0.5
"""How often the app asks whether a full collection is due."""
HOLD_S = 1.0
"""Seconds after which a hold whose frame never came is let go at the next check."""
_NEVER = 1 << 30
"""A threshold for the oldest generation that Python never reaches on its own."""


class IdleCollector:
    """Holds back Python's automatic full collections and runs them when input has paused.

    A full collection is due when Python would have run one: once the middle generation has
    been collected as often as the oldest one's threshold (10 by default) since the last.
    `start` and `stop` bracket the app's life (they set and restore the thresholds).
    """

    def __init__(
        self, clock: Callable[[], float] = monotonic, collect: Callable[[], object] = gc.collect
    ) -> None:
        self._clock = clock
        self._collect = collect
        self._saved: tuple[int, int, int] | None = None
        self._held_since: float | None = None  # when `hold` held the young generations back
        self.idle_since: float | None = None
        """When the last input came, None before the first."""
        self.collections = 0
        """Full collections run so far."""

    @property
    def due_after(self) -> int:
        """Collections of the middle generation after which a full one is due."""
        return self._saved[2] if self._saved is not None else gc.get_threshold()[2]

    def start(self) -> None:
        """Take the full collection out of Python's hands."""
        if self._saved is None:
            self._saved = gc.get_threshold()
            young, middle, _ = self._saved
            gc.set_threshold(young, middle, _NEVER)

    def stop(self) -> None:
        """Give Python its own thresholds back."""
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None
            self._held_since = None

    @property
    def held(self) -> bool:
        """Whether the young generations are held back (a key's frame is still to come)."""
        return self._held_since is not None

    def hold(self) -> None:
        """A key has come: no collection at all until `release`, once its frame is painted."""
        if self._saved is not None and self._held_since is None:
            self._held_since = self._clock()
            gc.set_threshold(_NEVER, self._saved[1], _NEVER)

    def release(self) -> None:
        """The key's frame is painted: the young generations are automatic again.

        Whatever the key allocated is collected at the next allocation, after the paint.
        """
        if self._saved is not None and self._held_since is not None:
            self._held_since = None
            young, middle, _ = self._saved
            gc.set_threshold(young, middle, _NEVER)

    def input_arrived(self) -> None:
        """A key or a mouse event: the reader is busy, a collection would get in the way."""
        self.idle_since = self._clock()

    def tick(self) -> bool:
        """Run a full collection if one is due and input has paused; whether it ran."""
        if self._saved is None or not gc.isenabled():
            return False  # not started, or someone (loading a file) holds the collector off
        if self._held_since is not None and self._clock() - self._held_since >= HOLD_S:
            self.release()  # a key whose frame never came (it changed nothing on screen)
        if gc.get_count()[2] < self.due_after:
            return False
        if self.idle_since is not None and self._clock() - self.idle_since < IDLE_S:
            return False
        self._collect()
        self.collections += 1
        return True
