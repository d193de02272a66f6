"""Readers: a file in, a `Briefing` or a `BriefingError` out. Never imports Textual."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from briefing_tui.ingest.decode import DecodedText, read_text
from briefing_tui.ingest.jsonfile import parse_json
from briefing_tui.ingest.markdown import parse_markdown
from briefing_tui.ingest.plaintext import parse_text
from briefing_tui.model import Briefing

__all__ = ["Document", "Format", "detect_format", "parse", "read_briefing", "read_document"]

Format = Literal["text", "markdown", "json"]
"""The file formats the readers understand."""

_PARSERS: dict[Format, Callable[[Path, DecodedText], Briefing]] = {
    "text": parse_text,
    "markdown": parse_markdown,
    "json": parse_json,
}
_SUFFIXES: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
}


@dataclass(frozen=True, slots=True)
class Document:
    """A briefing as read from its file, with what reading it found out."""

    briefing: Briefing
    """The briefing, with kinds and sources not analysed (unless it is our JSON)."""
    format: Format
    """The format it was read as."""
    characters: int
    """How long its text was."""


def read_briefing(path: Path | str) -> Briefing:
    """Read the briefing at ``path`` in whichever format it is; kinds and sources are not analysed."""
    return read_document(path).briefing


def read_document(path: Path | str) -> Document:
    """Read the file at ``path`` as a briefing, keeping its format and length."""
    path = Path(path)
    decoded = read_text(path)
    fmt = detect_format(path, decoded.text)
    return Document(parse(path, decoded, fmt), fmt, len(decoded.text))


def parse(path: Path, decoded: DecodedText, fmt: Format) -> Briefing:
    """The briefing in ``decoded`` read as ``fmt``; ``path`` names the file in errors."""
    return _PARSERS[fmt](path, decoded)


def detect_format(path: Path, text: str) -> Format:
    """The format named by the suffix, else the one the content looks like."""
    by_suffix = _SUFFIXES.get(path.suffix.lower())
    if by_suffix is not None:
        return by_suffix
    head = text.lstrip()[:4096]
    if head.startswith("{"):
        return "json"
    if text.startswith("---\n") or any(line.startswith(("# ", "## ")) for line in head.split("\n")):
        return "markdown"
    return "text"
