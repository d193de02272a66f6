"""A position among a number of places that wraps around at either end, as n and N do in less."""

from __future__ import annotations

__all__ = ["Stepper"]


class Stepper:
    """The current one of ``count`` places (matches, attributions), in reading order."""

    def __init__(self) -> None:
        self.count = 0
        """How many places there are."""
        self.index = 0
        """The current place, from 0."""

    def set_count(self, count: int) -> None:
        """Start over with ``count`` places, keeping the index inside them."""
        self.count = count
        self.index = min(self.index, max(0, count - 1))

    def step(self, delta: int) -> bool:
        """Move by ``delta`` places; True when that went past an end and wrapped."""
        if not self.count:
            return False
        target = self.index + delta
        self.index = target % self.count
        return not 0 <= target < self.count
