"""Make briefing text safe to show on a terminal, one character for one character.

Briefing text is data. Control characters in it (ANSI escapes, title and clipboard
sequences, bells, backspaces, C1 controls) and bidirectional overrides would act on the
terminal or reorder what is shown, so every one of them is replaced by a visible stand-in
of exactly one character. Because the replacement never changes the length, offsets into
the model (attributions, search matches) stay valid for what is on screen.

- C0 controls and DEL become their Unicode "control picture" (``ESC`` shows as ``␛``).
- Tab becomes a single space (its width would otherwise depend on the column).
- C1 controls (U+0080..U+009F) and bidi controls (U+202A..U+202E, U+2066..U+2069,
  U+200E, U+200F, U+061C) become ``�``.

`visible` returns a `SafeText`, a type only it produces (mypy --strict checks it): the
interface's drawing code takes `SafeText` where briefing, state, settings or command-line
text is shown, so a raw string cannot reach the screen by accident.
"""

from __future__ import annotations

from typing import NewType

__all__ = ["UNSAFE", "SafeText", "visible"]

SafeText = NewType("SafeText", str)
"""Text that `visible` has made safe to show: no control, C1 or bidi character in it."""

_C1_AND_BIDI = [*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]

_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE[0x09] = " "
_TABLE[0x0A] = "\u2424"  # a newline inside a line of display text: show it as ␤
_TABLE[0x7F] = "\u2421"
_TABLE.update(dict.fromkeys(_C1_AND_BIDI, "�"))

UNSAFE = frozenset(chr(code) for code in _TABLE)
"""Every character `visible` replaces."""


def visible(text: str) -> SafeText:
    """``text`` with each unsafe character replaced by one visible character; same length."""
    if text.isprintable():
        # isprintable() is False for every character in UNSAFE, so printable text is safe
        # as it is, and this check runs in C.
        return SafeText(text)
    return SafeText(text.translate(_TABLE))
