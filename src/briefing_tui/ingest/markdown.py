"""Read a Markdown briefing: front matter, a ``#`` title, ``##`` sections, paragraphs and lists.

A section heading may state its kind with a trailing attribute, which analysis then keeps::

    ## What the deal says {kind=terms}
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from briefing_tui.errors import BriefingError
from briefing_tui.ingest.decode import DecodedText
from briefing_tui.ingest.plaintext import BOILERPLATE
from briefing_tui.ingest.structure import LIST_MARKER, Draft, Heading, Item, block_items
from briefing_tui.model import Briefing, SectionKind

__all__ = ["KIND_ATTRIBUTE", "parse_markdown"]

KIND_ATTRIBUTE = re.compile(r"\s*\{\s*kind\s*=\s*(?P<kind>[a-z_]+)\s*\}\s*$")
"""The ``{kind=...}`` suffix by which a heading states its section's kind."""

_ATX = re.compile(r"^ {0,3}(?P<level>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_FRONT_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_LINK = re.compile(r"!?\[(?P<text>[^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(?P<text>.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(?P<text>[^*_\n]+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`(?P<text>[^`\n]+)`")
_QUOTE = re.compile(r"^ {0,3}> ?")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FRONT_FIELDS = ("title", "outlet", "author", "published")


def parse_markdown(path: Path, decoded: DecodedText) -> Briefing:
    """The briefing in ``decoded``, read from ``path``."""
    front, body = _split_front_matter(decoded.text)
    notices = list(decoded.notices)
    published = _published(front.get("published"), notices)
    lines = body.split("\n")
    title = front.get("title")
    if title:
        _drop_repeated_title(lines, title)
    else:
        title = _take_title(lines)
    if not title:
        raise BriefingError(path, "has no title: give it a '# Title' line or a 'title:' in its front matter")
    draft = Draft(
        title=title,
        origin=path.name,
        outlet=front.get("outlet") or None,
        author=front.get("author") or None,
        published=published,
        notices=notices,
    )
    for entry in _drop_trailing_boilerplate(list(_entries(lines))):
        if isinstance(entry, Heading):
            draft.heading(entry)
        else:
            draft.item(entry)
    return draft.build()


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    fields: dict[str, str] = {}
    for line in text[4:end].split("\n"):
        match = _FRONT_KEY.match(line.strip())
        if match and match["key"].lower() in _FRONT_FIELDS:
            fields[match["key"].lower()] = _unquote(match["value"].strip())
    after = text.find("\n", end + 4)
    return fields, "" if after < 0 else text[after + 1 :]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _published(value: str | None, notices: list[str]) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        notices.append(f"front matter 'published: {value}' is not a YYYY-MM-DD date; it was ignored")
        return None


def _drop_repeated_title(lines: list[str], title: str) -> None:
    """Remove a first ``# Title`` that only repeats the front matter's title (as our export writes)."""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _ATX.match(line)
        if match and len(match["level"]) == 1 and _inline(match["text"] or "") == title:
            del lines[index]
        return


def _take_title(lines: list[str]) -> str:
    """Remove and return the first level-one heading, or else the first non-empty line."""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _ATX.match(line)
        if match and len(match["level"]) == 1:
            del lines[index]
            return _inline(match["text"] or "")
        if match:
            return ""
        del lines[index]
        return _inline(line.strip())
    return ""


def _entries(lines: list[str]) -> Iterator[Heading | Item]:
    """Headings and items in reading order."""
    paragraph: list[str] = []
    fence: str | None = None
    for line in lines:
        if fence is not None:
            if line.strip().startswith(fence):
                yield Item("\n".join(paragraph))
                paragraph, fence = [], None
            else:
                paragraph.append(line)
            continue
        stripped = _QUOTE.sub("", line)
        heading = _ATX.match(stripped)
        opening = _FENCE.match(stripped)
        if heading or opening or not stripped.strip() or _RULE.match(stripped):
            yield from _flush(paragraph)
            paragraph = []
            if heading and heading["text"]:
                yield _heading(heading["text"])
            elif opening:
                fence = opening["fence"]
            continue
        if LIST_MARKER.match(stripped) and paragraph and not LIST_MARKER.match(paragraph[0]):
            yield from _flush(paragraph)
            paragraph = []
        paragraph.append(stripped)
    if fence is not None and paragraph:
        yield Item("\n".join(paragraph))
    else:
        yield from _flush(paragraph)


def _heading(raw: str) -> Heading:
    match = KIND_ATTRIBUTE.search(raw)
    if match:
        try:
            kind = SectionKind(match["kind"])
        except ValueError:
            return Heading(_inline(raw))
        return Heading(_inline(raw[: match.start()]), kind)
    return Heading(_inline(raw))


def _flush(lines: list[str]) -> Iterator[Item]:
    return block_items(lines, _inline) if lines else iter(())


def _inline(text: str) -> str:
    """Markdown inline syntax reduced to the words a reader sees."""
    if not any(mark in text for mark in "[*_`"):
        return text.strip()
    text = _LINK.sub(r"\g<text>", text)
    text = _CODE.sub(r"\g<text>", text)
    text = _STRONG.sub(r"\g<text>", text)
    return _EMPHASIS.sub(r"\g<text>", text).strip()


def _drop_trailing_boilerplate(entries: list[Heading | Item]) -> list[Heading | Item]:
    while entries and isinstance(entries[-1], Item) and BOILERPLATE.match(entries[-1].text):
        entries.pop()
    return entries
