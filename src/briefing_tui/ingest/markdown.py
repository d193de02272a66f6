"""Read a Markdown briefing with markdown-it-py: front matter, title, sections and every block.

Paragraphs, lists, block quotes, code blocks and tables keep their shape (`BlockKind`);
inline markup is reduced to the words a reader sees. A section heading may state its kind
with a trailing attribute, which analysis then keeps::

    ## What the deal says {kind=terms}
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.errors import BriefingError
from briefing_tui.ingest.decode import DecodedText
from briefing_tui.ingest.frontmatter import FrontMatter, read_front_matter, split_front_matter
from briefing_tui.ingest.plaintext import is_run_of_short_lines, table_item
from briefing_tui.ingest.structure import Draft, Entry, Heading, Item
from briefing_tui.ingest.wire import build_report
from briefing_tui.model import BlockKind, Briefing, SectionKind

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["KIND_ATTRIBUTE", "briefing_from_markdown", "inline_text", "markdown_entries", "parse_markdown"]

KIND_ATTRIBUTE = re.compile(r"\s*\{\s*kind\s*=\s*(?P<kind>[a-z_]+)\s*\}\s*$")
"""The ``{kind=...}`` suffix by which a heading states its section's kind."""

_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_LINE_BREAK = re.compile(r" *\n+ *")
_TAG_NAME = re.compile(r"^</?\s*(?P<name>[A-Za-z][A-Za-z0-9]{0,20})")
# Tags that separate words when HTML is written inline, as <br> does.
_BREAKING_TAGS = frozenset(
    {"br", "p", "div", "li", "tr", "td", "th", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_HTML_TAG = re.compile(r"<[^<>\n]{0,500}>")


def parse_markdown(path: Path, decoded: DecodedText) -> Briefing:
    """The briefing in ``decoded``, read from ``path``."""
    source, body, _ = split_front_matter(decoded.text)
    front = read_front_matter(source) if source is not None else FrontMatter()
    front.notices[:0] = decoded.notices
    return briefing_from_markdown(path, body, front)


def briefing_from_markdown(path: Path, body: str, front: FrontMatter) -> Briefing:
    """The briefing in the Markdown ``body``, with the metadata ``front`` already gives.

    A first level-one heading that repeats the given title is dropped; with no title given,
    the first heading (or the first line of the first block) is the title.
    """
    entries = list(markdown_entries(body))
    title = front.title
    if title:
        _drop_repeated_title(entries, title)
    else:
        title = _take_title(entries)
    if not title:
        raise BriefingError(path, "has no title and no text: give it a '# Title' line and some paragraphs")
    draft = Draft(
        title=title,
        origin=path.name,
        outlet=front.outlet,
        author=front.author,
        published=front.published,
        dateline=front.dateline,
        notices=list(front.notices),
        furniture=list(front.furniture),
    )
    return build_report(draft, _settle(entries)).build()


@dataclass(frozen=True, slots=True)
class _Title:
    """A level-one heading, which may be the briefing's title."""

    heading: Heading


@dataclass(frozen=True, slots=True)
class _Opening:
    """The first paragraph, whose first line is the title when nothing else gives one."""

    item: Item
    line: str
    rest: str


def _opening(token: Token, item: Item) -> _Opening:
    children = list(token.children or ())
    cut = next((i for i, child in enumerate(children) if child.type in ("softbreak", "hardbreak")), None)
    if cut is None:
        return _Opening(item, item.text, "")
    head, tail = token.copy(children=children[:cut]), token.copy(children=children[cut + 1 :])
    return _Opening(item, inline_text(head), inline_text(tail))


_Found = Entry | _Title | _Opening


def markdown_entries(text: str) -> Iterator[_Found]:
    """Headings and blocks of a Markdown text, in reading order."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    yield from _Walker().walk(parser.parse(text))


@dataclass
class _Walker:
    """Turns markdown-it's flat token stream into headings and blocks."""

    quote_depth: int = 0
    pending_marker: str | None = None
    rows: list[tuple[str, ...]] = field(default_factory=list)
    row: list[str] = field(default_factory=list)
    emitted: bool = False

    def walk(self, tokens: Sequence[Token]) -> Iterator[_Found]:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                heading = _heading(inline_text(tokens[index + 1]))
                yield _Title(heading) if token.tag == "h1" else heading
                index += 3
                continue
            if kind == "inline" and tokens[index - 1].type in ("th_open", "td_open"):
                self.row.append(inline_text(token))
            elif kind == "inline" and (lines := _short_lines(token)) and self._plain():
                yield from (Item(line) for line in lines)
            elif kind == "inline":
                item = self._paragraph(inline_text(token))
                if item is not None and not self.emitted and item.block is BlockKind.BODY:
                    yield _opening(token, item)
                elif item is not None:
                    yield item
            else:
                yield from self._structure(token)
            self.emitted = self.emitted or kind in ("inline", "fence", "code_block", "html_block", "hr")
            index += 1

    def _structure(self, token: Token) -> Iterator[Item]:
        kind = token.type
        if kind == "blockquote_open":
            self.quote_depth += 1
        elif kind == "blockquote_close":
            self.quote_depth -= 1
        elif kind == "list_item_open":
            markup = token.markup or "-"
            self.pending_marker = f"{token.info}{markup}" if token.info else markup
        elif kind in ("fence", "code_block"):
            yield Item(token.content.rstrip("\n"), block=BlockKind.PREFORMATTED)
        elif kind == "table_open":
            self.rows = []
        elif kind == "tr_open":
            self.row = []
        elif kind == "tr_close":
            self.rows.append(tuple(self.row))
        elif kind == "table_close" and self.rows:
            yield table_item(self.rows)
            self.rows = []
        elif kind == "hr":
            yield Item(token.markup)
        elif kind == "html_block":
            text = _squash(_HTML_TAG.sub(" ", token.content))
            if text:
                yield Item(text)

    def _plain(self) -> bool:
        """Whether the next paragraph is plain body text (not in a list item or a quote)."""
        return self.pending_marker is None and not self.quote_depth

    def _paragraph(self, text: str) -> Item | None:
        marker, self.pending_marker = self.pending_marker, None
        if not text and marker is None:
            return None
        if marker is not None:
            return Item(text, marker=marker, block=BlockKind.LIST_ITEM)
        if self.quote_depth:
            return Item(text, block=BlockKind.QUOTE)
        return Item(text)


def inline_text(token: Token) -> str:
    """An inline token's words, markup removed, with a space wherever a line or tag broke them."""
    parts: list[str] = []
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "code_inline", "text_special"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "image":
            parts.append(child.content or "")
        elif kind == "html_inline":
            name = _TAG_NAME.match(child.content)
            if name and name["name"].lower() in _BREAKING_TAGS:
                parts.append(" ")
    # Only the line breaks become spaces: tabs, runs of spaces and control characters are
    # text, kept as written.
    return _LINE_BREAK.sub(" ", "".join(parts)).strip(" \n")


def _short_lines(token: Token) -> list[str]:
    """The lines of a paragraph that is a run of short lines (a masthead, teasers), else []."""
    children = token.children or ()
    if not any(child.type == "softbreak" for child in children):
        return []
    lines: list[list[Token]] = [[]]
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(child)
    texts = [inline_text(token.copy(children=line)) for line in lines]
    return texts if all(texts) and is_run_of_short_lines(texts) else []


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _heading(raw: str) -> Heading:
    match = KIND_ATTRIBUTE.search(raw)
    if match:
        try:
            kind = SectionKind(match["kind"])
        except ValueError:
            return Heading(raw)
        return Heading(raw[: match.start()].strip(), kind)
    return Heading(raw)


def _drop_repeated_title(entries: list[_Found], title: str) -> None:
    """Remove a first ``# Title`` that only repeats the front matter's title (as our export writes)."""
    if entries and isinstance(entries[0], _Title) and entries[0].heading.text == title:
        del entries[0]


def _take_title(entries: list[_Found]) -> str:
    """Remove and return the first heading, or else the first line of the first paragraph."""
    if not entries:
        return ""
    first = entries[0]
    if isinstance(first, _Title | Heading):
        del entries[0]
        return (first.heading if isinstance(first, _Title) else first).text
    if isinstance(first, _Opening):
        if first.rest:
            entries[0] = Item(first.rest)
        else:
            del entries[0]
        return first.line
    if first.text:
        line, _, rest = first.text.partition("\n")
        if rest:
            entries[0] = replace(first, text=rest, rows=first.rows[1:])
        else:
            del entries[0]
        return line.replace("\t", " ")
    return ""


def _settle(entries: list[_Found]) -> list[Entry]:
    """Level-one headings after the title are sections; the opening paragraph is a paragraph."""
    settled: list[Entry] = []
    for entry in entries:
        if isinstance(entry, _Title):
            settled.append(entry.heading)
        elif isinstance(entry, _Opening):
            settled.append(entry.item)
        else:
            settled.append(entry)
    return settled
