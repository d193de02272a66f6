"""Standard input as a briefing: read it up to the size limit, then give the keyboard back.

As ``less`` does, the reader takes the document from a pipe and the keys from the
terminal: once the piped bytes are read, ``/dev/tty`` is put on file descriptor 0, where
Textual's driver reads keys.
"""

from __future__ import annotations

import os
import stat
import sys

from briefing_tui.errors import BriefingError
from briefing_tui.ingest.decode import limit_error, max_bytes

__all__ = ["STDIN_NAME", "attach_terminal", "read_stdin", "stdin_is_piped"]

STDIN_NAME = "<stdin>"
"""How standard input is named in messages and as the briefing's origin."""

_CHUNK = 1 << 20


def stdin_is_piped() -> bool:
    """Whether standard input is a pipe or a redirected file (not a terminal, not /dev/null).

    Under another Textual driver (``briefing-tui serve`` runs each reader with the web
    driver), standard input carries that driver's messages, never a briefing.
    """
    if os.environ.get("TEXTUAL_DRIVER"):
        return False
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (AttributeError, OSError, ValueError):
        return False  # no real stdin (closed, or replaced, as under pytest)
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def read_stdin() -> tuple[str, bytes]:
    """``(name, bytes)`` of standard input, refused past the size limit like any file."""
    limit = max_bytes()
    if _is_terminal():
        # As less does: waiting for a briefing typed at the keyboard would look like a hang.
        raise BriefingError(
            STDIN_NAME, "is a terminal, not a pipe; pipe a briefing in (cat report.txt | briefing-tui -)"
        )
    try:
        stream = sys.stdin.buffer
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = stream.read(min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except (AttributeError, OSError, ValueError) as error:
        raise BriefingError(STDIN_NAME, f"cannot be read ({type(error).__name__})") from None
    if size > limit:
        raise limit_error(STDIN_NAME, limit)
    return STDIN_NAME, b"".join(chunks)


def _is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def attach_terminal() -> None:
    """Put the controlling terminal on standard input, so the keyboard works after a pipe."""
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise BriefingError(
            STDIN_NAME,
            "was read, but there is no terminal to take keys from; "
            "use 'briefing-tui export - --to text' to convert it instead",
        ) from None
    try:
        os.dup2(terminal, 0)
    finally:
        os.close(terminal)
