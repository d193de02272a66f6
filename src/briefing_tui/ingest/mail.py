"""Read an e-mail (.eml) with the standard library: a briefing attached to it, or its body.

The subject is the title (without "Fwd:" and "Re:"), the sender the author and the date
the publication date. A forwarded message's own header block gives those instead, and is
set aside with the signature. An HTML-only body goes through the HTML reader.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import re
from collections.abc import Callable
from email.message import EmailMessage, Message
from html.parser import HTMLParser
from pathlib import Path

from briefing_tui.errors import BriefingError
from briefing_tui.ingest.plaintext import text_blocks, text_entries
from briefing_tui.ingest.structure import Draft
from briefing_tui.ingest.wire import build_report
from briefing_tui.model import Briefing

__all__ = ["ATTACHMENT_SUFFIXES", "parse_email"]

ATTACHMENT_SUFFIXES = (".txt", ".md", ".markdown", ".json", ".html", ".htm", ".docx", ".pdf")
"""Attachments that are opened as the briefing itself."""

_REPLY_PREFIX = re.compile(r"^(?:\s*(?:fwd?|fw|re|tr|wg|aw)\s?:\s?)+", re.IGNORECASE)
_FORWARD_MARK = re.compile(
    r"^-{2,}\s?(?:forwarded message|original message|begin forwarded message)\b.{0,20}$", re.I
)
_HEADER_LINE = re.compile(r"^(?P<name>from|sent|date|subject|to|cc):\s?(?P<value>.{0,300})$", re.IGNORECASE)
_SIGNATURE = "-- "
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote"}
)

Opener = Callable[[Path, bytes], Briefing]
"""Reads an attachment's bytes as a briefing (given by the caller, to avoid a cycle)."""


def parse_email(path: Path, data: bytes, open_attachment: Opener) -> Briefing:
    """The briefing in the message ``data``, read from ``path``."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as error:  # the parser is lenient, but header folding can still raise
        raise BriefingError(path, f"is not a readable e-mail ({type(error).__name__})") from None
    if not isinstance(message, EmailMessage) or not (message.keys() or message.get_payload()):
        raise BriefingError(path, "is not an e-mail message (it has no headers)")
    subject = _title(_header(message, "subject"))
    attached = _attachment(message)
    if attached is not None:
        name, payload = attached
        briefing = open_attachment(Path(name), payload)
        note = f"opened {name!r}, attached to the e-mail {subject or path.name!r}"
        return briefing.model_copy(update={"origin": path.name, "notices": (*briefing.notices, note)})
    author = _sender(_header(message, "from"))
    published = _date(_header(message, "date"))
    plain = _part_text(message, "plain")
    if plain is None:
        html = _part_text(message, "html")
        if html is None:
            raise BriefingError(
                path, "is an e-mail with no readable part (no text, no HTML, no attached briefing)"
            )
        from briefing_tui.ingest.htmlpage import read_html

        try:
            briefing = read_html(path, html, title=subject or None)
        except BriefingError:
            # A short message in HTML is no article page: read its text, paragraph by paragraph.
            return _from_text(path, _html_text(html), subject, author, published)
        update = {"author": briefing.author or author, "published": briefing.published or published}
        return briefing.model_copy(update=update)
    return _from_text(path, plain, subject, author, published)


def _from_text(
    path: Path, text: str, subject: str, author: str | None, published: dt.date | None
) -> Briefing:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    set_aside: list[str] = []
    if _SIGNATURE in lines:
        cut = len(lines) - 1 - lines[::-1].index(_SIGNATURE)
        set_aside.extend(line for line in lines[cut:] if line.strip())
        lines = lines[:cut]
    forwarded = _forwarded_headers(lines)
    if forwarded is not None:
        start, end, fields = forwarded
        set_aside[:0] = [line for line in lines[start:end] if line.strip()]
        lines = lines[:start] + lines[end:]
        subject = _title(fields.get("subject", "")) or subject
        author = _sender(fields.get("from", "")) or author
        published = _date(fields.get("date", fields.get("sent", ""))) or published
    blocks = text_blocks("\n".join(lines))
    if not blocks:
        raise BriefingError(path, "is an e-mail whose text part is empty")
    title = subject
    if not title:
        first, *rest = blocks[0]
        title, blocks = first.strip(), ([rest] if rest else []) + blocks[1:]
    draft = Draft(title=title, origin=path.name, author=author, published=published)
    draft.furniture.extend(set_aside)
    return build_report(draft, list(text_entries(blocks))).build()


class _TextOfHtml(HTMLParser):
    """The text of an HTML body, a blank line at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(" ".join(data.split("\n")))


def _html_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def _forwarded_headers(lines: list[str]) -> tuple[int, int, dict[str, str]] | None:
    """Where a forwarded message's "From: / Date: / Subject:" block is, and its fields."""
    for index, line in enumerate(lines[:200]):
        if not _FORWARD_MARK.match(line.strip()):
            continue
        fields: dict[str, str] = {}
        end = index + 1
        while end < len(lines) and (match := _HEADER_LINE.match(lines[end].strip())):
            fields[match["name"].lower()] = match["value"].strip()
            end += 1
        return index, end, fields
    return None


def _attachment(message: EmailMessage) -> tuple[str, bytes] | None:
    for part in message.iter_attachments():
        name = part.get_filename() or ""
        if name.lower().endswith(ATTACHMENT_SUFFIXES):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload:
                return Path(name).name, payload
    return None


def _part_text(message: EmailMessage, subtype: str) -> str | None:
    try:
        part = message.get_body(preferencelist=(subtype,))
        if part is None:
            return None
        content = part.get_content()
    except (LookupError, ValueError, KeyError, AttributeError, UnicodeError):
        content = _fallback_text(part) if "part" in locals() and part is not None else None
    if not isinstance(content, str) or not content.strip():
        return None
    return content


def _fallback_text(part: Message) -> str | None:
    payload = part.get_payload(decode=True)
    return payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else None


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # a malformed header is no reason to lose the body
        return ""
    return " ".join(str(value or "").split())


def _title(subject: str) -> str:
    return _REPLY_PREFIX.sub("", subject).strip()


def _sender(value: str) -> str | None:
    name, address = email.utils.parseaddr(value)
    return (name or address or value).strip() or None


def _date(value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
