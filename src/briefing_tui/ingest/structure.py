"""Build a `Briefing` from the blocks a reader found, whatever the file format was."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from briefing_tui.enums import BlockKind, KindBasis, SectionKind
from briefing_tui.ingest.plain import PlainBriefing, PlainParagraph, PlainSection

if TYPE_CHECKING:  # the model is imported when it is built: a first frame drawn from plain blocks needs none
    from pydantic import BaseModel

    from briefing_tui.model import Briefing, Paragraph, Section

__all__ = ["LIST_MARKER", "Draft", "Entry", "Heading", "Item", "block_items", "construct", "slugify"]

_Model = TypeVar("_Model", bound="BaseModel")

LIST_MARKER = re.compile(r"^[ \t]*(?P<marker>\d{1,3}[.)]|[-*+•‣◦▪●–])[ \t]+(?=\S)")
"""A list item's marker at the start of a line: ``1.``, ``2)``, ``-``, ``*``, ``•``..."""

_NON_WORD = re.compile(r"[^\w]+")
_SLUG_LIMIT = 60


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading, with the kind the author stated for it, if any."""

    text: str
    stated_kind: SectionKind | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """A paragraph or list item as the reader found it."""

    text: str
    marker: str | None = None
    block: BlockKind = BlockKind.BODY
    rows: tuple[tuple[str, ...], ...] = ()


Entry = Heading | Item
"""What a reader finds, in reading order: a heading that starts a section, or a block."""


@dataclass
class Draft:
    """Collects headings and paragraphs in reading order, then builds the `Briefing`."""

    title: str
    origin: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    notices: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    _sections: list[tuple[Heading | None, list[Item]]] = field(default_factory=list)

    def heading(self, heading: Heading) -> None:
        """Start a new section under ``heading``."""
        self._sections.append((heading, []))

    def item(self, item: Item) -> None:
        """Add a paragraph to the current section (the untitled lead if none has begun)."""
        if not self._sections:
            self._sections.append((None, []))
        self._sections[-1][1].append(item)

    def plain(self) -> PlainBriefing:
        """The briefing as plain blocks, with the ids `build` gives, for a first frame without the model."""
        sections = [
            PlainSection(
                section_id,
                None if heading is None else heading.text,
                tuple(PlainParagraph(pid, i.text, i.marker, block, i.rows) for pid, i, block in rows),
                SectionKind.BACKGROUND if heading is None else heading.stated_kind or SectionKind.BACKGROUND,
            )
            for section_id, heading, rows in self._numbered()
        ]
        return PlainBriefing(
            title=self.title,
            outlet=self.outlet,
            author=self.author,
            published=self.published,
            dateline=self.dateline,
            origin=self.origin,
            notices=tuple(self.notices),
            furniture=tuple(self.furniture),
            sections=tuple(sections),
        )

    def build(self) -> Briefing:
        """The briefing, with section and paragraph ids assigned in reading order.

        Built without validation (see `construct`): every value comes from our own readers,
        typed and checked here (ids unique and never empty, tuples throughout), so no
        validator need be built before the first frame. Input we did not make (a JSON
        briefing, the library's copy) is always validated.
        """
        from briefing_tui.model import Briefing, Paragraph, Section

        defaults = _defaults(Paragraph)
        sections = [
            _section(
                Section,
                heading,
                tuple(_paragraph(Paragraph, defaults, pid, item, block) for pid, item, block in rows),
                section_id,
            )
            for section_id, heading, rows in self._numbered()
        ]
        return construct(
            Briefing,
            title=self.title,
            origin=self.origin,
            outlet=self.outlet,
            author=self.author,
            published=self.published,
            dateline=self.dateline,
            sections=tuple(sections),
            notices=tuple(self.notices),
            furniture=tuple(self.furniture),
        )

    def _numbered(self) -> Iterator[tuple[str, Heading | None, list[tuple[str, Item, BlockKind]]]]:
        """Each section's unique id and heading with its items' ids and blocks, in reading order:
        the one numbering `plain` and `build` share, so the first frame's ids are the model's."""
        slugs: set[str] = set()
        counter = 0
        for index, (heading, items) in enumerate(self._sections, start=1):
            rows = []
            for item in items:
                counter += 1
                block = BlockKind.LIST_ITEM if item.marker and item.block is BlockKind.BODY else item.block
                rows.append((f"p{counter}", item, block))
            yield _unique(_section_slug(heading, index), slugs), heading, rows


def block_items(lines: list[str], clean: Callable[[str], str] = str.strip) -> Iterator[Item]:
    """A block of lines as one paragraph, or as list items when its first line starts a list.

    Hard-wrapped lines are joined with single spaces, and ``clean`` finishes each text.
    """
    if not LIST_MARKER.match(lines[0]):
        yield Item(clean(_join(lines)))
        return
    marker: str | None = None
    parts: list[str] = []
    for line in lines:
        match = LIST_MARKER.match(line)
        if match:
            if parts:
                yield Item(clean(_join(parts)), marker)
            marker, parts = match["marker"], [line[match.end() :]]
        else:
            parts.append(line)
    yield Item(clean(_join(parts)), marker)


def _join(lines: list[str]) -> str:
    if len(lines) == 1:
        return lines[0].strip()
    return " ".join(line.strip() for line in lines)


def slugify(text: str) -> str:
    """Lowercase words joined by hyphens, at most 60 characters; empty when there are no words."""
    slug = _NON_WORD.sub("-", text.casefold()).strip("-_")
    if len(slug) <= _SLUG_LIMIT:
        return slug
    cut = slug.rfind("-", 0, _SLUG_LIMIT + 1)
    return slug[: cut if cut > 0 else _SLUG_LIMIT].rstrip("-_")


def _section(
    model: type[Section], heading: Heading | None, paragraphs: tuple[Paragraph, ...], section_id: str
) -> Section:
    if heading is None:
        return construct(model, id=section_id, paragraphs=paragraphs)
    if heading.stated_kind is None:
        return construct(model, id=section_id, heading=heading.text, paragraphs=paragraphs)
    return construct(
        model,
        id=section_id,
        heading=heading.text,
        kind=heading.stated_kind,
        kind_basis=KindBasis.STATED,
        paragraphs=paragraphs,
    )


def _section_slug(heading: Heading | None, index: int) -> str:
    if heading is None:
        return "lead"
    return slugify(heading.text) or f"section-{index}"


def _unique(slug: str, taken: set[str]) -> str:
    candidate, suffix = slug, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{slug}-{suffix}"
    taken.add(candidate)
    return candidate


def _paragraph(
    model: type[Paragraph], defaults: dict[str, Any], paragraph_id: str, item: Item, block: BlockKind
) -> Paragraph:
    """``construct(Paragraph, id=..., text=..., marker=..., block=..., rows=...)``, unrolled.

    Called once per paragraph (30,000 times at 10 MB), where passing the values by keyword
    and looking the defaults up cost as much again as setting the instance up.
    """
    fields = defaults.copy()
    fields["id"] = paragraph_id
    fields["text"] = item.text
    fields["marker"] = item.marker
    fields["block"] = block
    fields["rows"] = item.rows
    return _instance(model, fields, set(_PARAGRAPH_FIELDS_SET))


_PARAGRAPH_FIELDS_SET = ("id", "text", "marker", "block", "rows")


def construct(model: type[_Model], **values: Any) -> _Model:
    """``model.model_construct(**values)`` (no validation), for values our own code made.

    Pydantic's ``model_construct`` copies every default it fills in, in Python: for the
    30,000 paragraphs of a 10 MB briefing that costs four times what validating them does.
    Our models' defaults are all immutable (None, enums, numbers, empty tuples), so they
    are shared instead; the instance is set up exactly as ``model_construct`` sets it up,
    its fields in the order the model declares them.
    """
    fields = _defaults(model).copy()
    fields.update(values)  # in place: the fields keep the model's order
    return _instance(model, fields, set(values))


def _instance(model: type[_Model], fields: dict[str, Any], fields_set: set[str]) -> _Model:
    """An instance of ``model`` holding ``fields``, set up as ``model_construct`` sets one up."""
    instance = _new(model)
    _set(instance, "__dict__", fields)
    _set(instance, "__pydantic_fields_set__", fields_set)
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


_set = object.__setattr__  # a frozen model refuses its own __setattr__
_new = object.__new__  # what ``model.__new__`` is (no model defines one), without looking it up


@cache
def _defaults(model: type[BaseModel]) -> dict[str, Any]:
    """Each field of ``model`` in order, with its default (None for a required field)."""
    defaults: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if info.default_factory is not None:
            raise TypeError(f"{model.__name__}.{name} has a default factory: construct cannot share it")
        defaults[name] = None if info.is_required() else info.default
    return defaults
