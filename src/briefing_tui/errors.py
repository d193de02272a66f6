"""The one error type every reader raises."""

from __future__ import annotations

from pathlib import Path

__all__ = ["EXIT_ERROR", "BriefingError", "read_failure"]

EXIT_ERROR = 2
"""The exit code for a file that cannot be read as a briefing."""


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


def read_failure(error: Exception, path: Path | str) -> BriefingError:
    """``error`` as a `BriefingError` of ``path``: itself if it is one, else an internal error
    folded into one line that names the file (the original kept as its cause, for --debug)."""
    if isinstance(error, BriefingError):
        return error
    detail = " ".join(f"{type(error).__name__}: {error}".split())
    failure = BriefingError(path, f"internal error: {detail} (run again with --debug for the traceback)")
    failure.__cause__ = error
    return failure
