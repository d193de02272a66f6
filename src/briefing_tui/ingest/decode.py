"""Turn a file into text, or say in one line why it cannot be read as a briefing."""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from briefing_tui.errors import BriefingError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_ENV",
    "DecodedText",
    "decode",
    "limit_error",
    "max_bytes",
    "read_bytes",
    "read_text",
]

MAX_BYTES_ENV = "BRIEFING_TUI_MAX_BYTES"
"""Environment variable that overrides the largest file the reader accepts, in bytes."""
DEFAULT_MAX_BYTES = 128_000_000
"""Files larger than this (128 MB, in units of 10^6 bytes) are refused before a byte is read."""

# C0 controls other than bell, tab, newline, vertical tab, form feed, carriage return and
# escape: plenty of them means the bytes are not prose. Escape and bell are left out because
# hostile but genuine text carries ANSI and OSC sequences (``ESC ] 0 ; title BEL``), and
# those are shown, not refused.
_BINARY_CONTROLS = re.compile(r"[\x00-\x06\x08\x0e-\x1a\x1c-\x1f]")
_BINARY_SAMPLE = 64 * 1024
_BINARY_RATIO = 0.02
# What to do, for the end of error messages.
_TEXT_HINT = "open a .txt, .md or .json briefing"
_PATH_HINT = "check the path and try again"
_PERMISSION_HINT = "check its permissions (ls -l) or open a copy you can read"


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A file's text with line endings normalised, and what it took to get it."""

    text: str
    """The text with ``\\r\\n`` and lone ``\\r`` turned into ``\\n`` and any BOM removed."""
    notices: tuple[str, ...] = ()
    """What the reader had to do, for people: a fallback encoding, a repaired ending."""


def max_bytes() -> int:
    """The size limit in force: `MAX_BYTES_ENV` when set, else `DEFAULT_MAX_BYTES`.

    A value that is not a positive whole number of bytes is an error naming the variable,
    not a silent fall-back to the default.
    """
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    digits = raw.replace("_", "")
    # isdecimal and isascii, not isdigit: "²" is a digit that int() refuses.
    if digits.isascii() and digits.isdecimal() and int(digits) > 0:
        return int(digits)
    shown = raw if len(raw) <= 30 else raw[:30] + "…"
    raise BriefingError(
        MAX_BYTES_ENV,
        f"is {shown!r}, not a positive whole number of bytes; set it to one (such as 200000000 for "
        "200 MB) or unset it for the 128 MB default",
    )


def read_bytes(path: Path) -> bytes:
    """The file's bytes, after refusing anything that is not a readable, reasonably sized file."""
    limit = max_bytes()
    try:
        info = path.stat()
    except FileNotFoundError:
        raise BriefingError(path, f"no such file; {_PATH_HINT}") from None
    except PermissionError:
        raise BriefingError(path, f"cannot be opened: permission denied; {_PERMISSION_HINT}") from None
    except OSError as error:
        raise BriefingError(path, f"cannot be opened ({_reason(error)}); {_PATH_HINT}") from None
    if stat.S_ISDIR(info.st_mode):
        raise BriefingError(path, "is a directory; name a briefing file inside it") from None
    if not stat.S_ISREG(info.st_mode):
        # A device, pipe or socket may never end (/dev/zero): refuse it before reading a byte.
        raise BriefingError(
            path,
            "is not a regular file (a device, pipe or socket); to read a stream, pipe it to 'briefing-tui -'",
        )
    if info.st_size > limit:
        raise BriefingError(path, f"is {_size(info.st_size)}, over the {_size(limit)} limit; {_raise_hint()}")
    try:
        with path.open("rb") as handle:
            # Read one byte past the limit so a file that grows after stat is caught too.
            data = handle.read(limit + 1)
    except PermissionError:
        raise BriefingError(path, f"cannot be read: permission denied; {_PERMISSION_HINT}") from None
    except OSError as error:
        raise BriefingError(path, f"cannot be read ({_reason(error)}); {_PATH_HINT}") from None
    if len(data) > limit:
        raise limit_error(path, limit)
    return data


def limit_error(path: Path | str, limit: int) -> BriefingError:
    """The error for a stream found to be longer than ``limit`` bytes."""
    return BriefingError(path, f"is over the {_size(limit)} limit; {_raise_hint()}")


def read_text(path: Path) -> DecodedText:
    """Read ``path`` as text in UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252/Latin-1."""
    return decode(path, read_bytes(path))


def decode(path: Path, data: bytes) -> DecodedText:
    """Decode bytes read from ``path``; see `read_text`."""
    if not data:
        raise BriefingError(path, "is empty; there is nothing to read")
    text, notices = _decode_any(path, data)
    if _looks_binary(text):
        raise BriefingError(path, f"looks like binary data, not text; {_TEXT_HINT}")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():  # what ``not text.strip()`` says, without copying 10 MB
        raise BriefingError(path, "contains only whitespace; there is nothing to read")
    return DecodedText(text, notices)


def _decode_any(path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(path, data), ("decoded as UTF-16 (it starts with a UTF-16 byte order mark)",)
    if b"\x00" in data:
        raise BriefingError(path, f"looks like binary data (it contains NUL bytes), not text; {_TEXT_HINT}")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            text = data.decode("utf-8", errors="replace")
            return text, ("the file ends in the middle of a UTF-8 character; it is shown as \ufffd",)
    try:
        return data.decode("cp1252"), ("not UTF-8; decoded as Windows-1252 (cp1252)",)
    except UnicodeDecodeError:
        return data.decode("latin-1"), ("not UTF-8; decoded as Latin-1 (ISO-8859-1)",)


def _decode_utf16(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError:
        raise BriefingError(
            path, "starts like UTF-16 but is not valid UTF-16 text; save it again as UTF-8 and try again"
        ) from None


def _looks_binary(text: str) -> bool:
    sample = text[:_BINARY_SAMPLE]
    if "\x00" in sample:
        return True
    controls = len(_BINARY_CONTROLS.findall(sample))
    return controls > max(2, int(len(sample) * _BINARY_RATIO))


def _size(count: int) -> str:
    # Decimal units, as disks and downloads count them: 1 MB is 10^6 bytes.
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count} bytes"


def _raise_hint() -> str:
    return f"set {MAX_BYTES_ENV} to a larger number of bytes to open it anyway"


def _reason(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()
