"""Readers: a file in, a `Briefing` or a `BriefingError` out. Never imports Textual."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from briefing_tui.ingest.decode import DecodedText, read_text
from briefing_tui.ingest.jsonfile import parse_json
from briefing_tui.ingest.markdown import parse_markdown
from briefing_tui.ingest.plaintext import parse_text
from briefing_tui.model import Briefing

__all__ = ["Format", "detect_format", "parse", "read_briefing"]

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


def read_briefing(path: Path | str) -> Briefing:
    """Read the briefing at ``path`` in whichever format it is; kinds and sources are not analysed."""
    path = Path(path)
    decoded = read_text(path)
    return parse(path, decoded, detect_format(path, decoded.text))


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
