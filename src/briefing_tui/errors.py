"""The one error type every reader raises."""

from __future__ import annotations

from pathlib import Path

__all__ = ["BriefingError"]


class BriefingError(Exception):
    """A file could not be read as a briefing.

    Its message is one line for people: the file, then what is wrong with it and, where
    it helps, what to do about it.
    """

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        """The file as the user named it."""
        self.problem = problem
        """What is wrong, as a sentence fragment without the file name."""
        super().__init__(f"{self.path}: {problem}")
