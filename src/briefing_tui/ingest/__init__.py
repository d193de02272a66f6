"""Readers: a file in, a `Briefing` or a `BriefingError` out. Never imports Textual.

Each format has its own module; third-party parsers (markdown-it-py, PyYAML, trafilatura,
python-docx, pypdfium2) are imported only when a file of their format is opened.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from briefing_tui.errors import BriefingError
from briefing_tui.ingest.decode import DecodedText, decode, read_bytes

if TYPE_CHECKING:
    from briefing_tui.ingest.plain import Preview
    from briefing_tui.model import Briefing

__all__ = [
    "HEAD_FROM",
    "STDIN",
    "Document",
    "Format",
    "detect_format",
    "document_from_bytes",
    "parse",
    "read_briefing",
    "read_document",
    "read_opening",
    "sniff_format",
]

Format = Literal["text", "markdown", "json", "html", "docx", "pdf", "email"]
"""The file formats the readers understand."""

HEAD_FROM = 400_000
"""Plain texts of at least this many characters are previewed from their head (`read_opening`)."""

STDIN = "-"
"""The path that names standard input, as for ``cat`` and ``less``."""

_SUFFIXES: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".eml": "email",
}
_BINARY: frozenset[Format] = frozenset({"docx", "pdf", "email"})
_HTML_START = re.compile(
    r"^\s{0,200}(?:<!doctype\s+html|<html\b|<head\b|<\?xml[^>]{0,200}>\s{0,200}<html\b)", re.I
)
_MAIL_HEADER = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9-]{0,40}):[ \t]", re.MULTILINE)
_MAIL_NAMES = frozenset(
    {"from", "to", "subject", "date", "mime-version", "message-id", "received", "return-path"}
)


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
    """Read the file at ``path`` (``-``: standard input) as a briefing, keeping its format and length."""
    if str(path) == STDIN:
        from briefing_tui.ingest.stdin import read_stdin

        name, data = read_stdin()
        return document_from_bytes(Path(name), data)
    path = Path(path)
    return document_from_bytes(path, read_bytes(path))


def read_opening(path: Path | str) -> Document | Preview:
    """`read_document`, except that a plain text comes as its `Preview`, the model to be built after.

    For the reader, whose first frame needs only the first blocks (see `briefing_tui.ingest.head`).
    """
    if str(path) == STDIN:
        return read_document(path)
    path = Path(path)
    data = read_bytes(path)
    fmt = sniff_format(path, data)
    if fmt in _BINARY:
        return document_from_bytes(path, data)
    decoded = decode(path, data)
    fmt = fmt or detect_format(path, decoded.text)
    if fmt == "text":
        from briefing_tui.ingest.head import text_preview

        return text_preview(path, decoded, HEAD_FROM)
    return Document(parse(path, decoded, fmt), fmt, len(decoded.text))


def document_from_bytes(path: Path, data: bytes) -> Document:
    """The briefing in ``data``, in the format its name or content shows; ``path`` names it."""
    fmt = sniff_format(path, data)
    if fmt in _BINARY:
        briefing = _parse_bytes(path, data, fmt)
        return Document(briefing, fmt, sum(len(p.text) for p in briefing.paragraphs()))
    decoded = decode(path, data)
    if fmt is None:
        fmt = detect_format(path, decoded.text)
    return Document(parse(path, decoded, fmt), fmt, len(decoded.text))


def parse(path: Path, decoded: DecodedText, fmt: Format) -> Briefing:
    """The briefing in ``decoded`` read as ``fmt``; ``path`` names the file in errors."""
    if fmt in _BINARY:
        return _parse_bytes(path, decoded.text.encode("utf-8"), fmt)
    return _text_parser(fmt)(path, decoded)


def sniff_format(path: Path, data: bytes) -> Format | None:
    """The format named by the suffix or shown by the first bytes; None: decide from the text."""
    by_suffix = _SUFFIXES.get(path.suffix.lower())
    if by_suffix is not None:
        return by_suffix
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data:
        return "docx"
    head = data[:4096].decode("latin-1")
    if _looks_like_mail(head):
        return "email"
    return None


def detect_format(path: Path, text: str) -> Format:
    """The format named by the suffix, else the one the content looks like."""
    by_suffix = _SUFFIXES.get(path.suffix.lower())
    if by_suffix is not None:
        return by_suffix
    head = text.lstrip()[:4096]
    if head.startswith("{"):
        return "json"
    if _HTML_START.match(head):
        return "html"
    if _looks_like_mail(head):
        return "email"
    if text.startswith("---\n") or any(line.startswith(("# ", "## ")) for line in head.split("\n")):
        return "markdown"
    return "text"


def _looks_like_mail(head: str) -> bool:
    """A header block first: at least two of From, To, Subject, Date... before the first blank line."""
    block = head.replace("\r\n", "\n").split("\n\n", 1)[0]
    if not _MAIL_HEADER.match(block):
        return False
    names = {match["name"].lower() for match in _MAIL_HEADER.finditer(block)}
    return len(names & _MAIL_NAMES) >= 2 and "\n\n" in head.replace("\r\n", "\n")


def _text_parser(fmt: Format) -> Callable[[Path, DecodedText], Briefing]:
    if fmt == "markdown":
        from briefing_tui.ingest.markdown import parse_markdown

        return parse_markdown
    if fmt == "json":
        from briefing_tui.ingest.jsonfile import parse_json

        return parse_json
    if fmt == "html":
        from briefing_tui.ingest.htmlpage import parse_html

        return parse_html
    from briefing_tui.ingest.plaintext import parse_text

    return parse_text


def _parse_bytes(path: Path, data: bytes, fmt: Format) -> Briefing:
    if fmt == "pdf":
        from briefing_tui.ingest.pdffile import parse_pdf

        return parse_pdf(path, data)
    if fmt == "docx":
        from briefing_tui.ingest.docxfile import parse_docx

        return parse_docx(path, data)
    from briefing_tui.ingest.mail import parse_email

    return parse_email(path, data, _open_attachment)


def _open_attachment(path: Path, data: bytes) -> Briefing:
    if path.suffix.lower() == ".eml":
        raise BriefingError(path, "is an e-mail attached to an e-mail; open it on its own")
    return document_from_bytes(path, data).briefing
