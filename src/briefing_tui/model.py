"""The briefing as structured data: sections by kind, paragraphs, sources and who said what.

These models are a public contract: other programs read the JSON they produce, so field
names and meanings only ever change with a schema change (see ``schema/briefing.schema.json``).
Character offsets are Python string indices (Unicode code points) into ``Paragraph.text``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

# The kinds live apart, so that what the first frame needs of them comes without Pydantic.
from briefing_tui.enums import AttributionVia, BlockKind, KindBasis, SectionKind, SourceKind

if TYPE_CHECKING:
    from briefing_tui.shapes import ParagraphShape

__all__ = [
    "Attribution",
    "AttributionVia",
    "BlockKind",
    "Briefing",
    "Cue",
    "KindBasis",
    "Paragraph",
    "Question",
    "Section",
    "SectionKind",
    "Source",
    "SourceKind",
]


# Attribute docstrings are not read at import (parsing this module's source for them costs
# about as much as building the classes): `briefing_tui.schema` adds them to the schema.
# Validators are built on first use, not at import: our own readers construct briefings
# without validating (see `briefing_tui.ingest.structure.Draft.build`), so opening a text
# file builds none before the first frame.
_FROZEN = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Attribution(BaseModel):
    """The words in a paragraph that name the source of what it reports."""

    model_config = _FROZEN

    source_id: str = Field(min_length=1)
    """The `Source.id` these words name."""
    start: int = Field(ge=0)
    """Offset of the first character of the naming words in the paragraph's text."""
    end: int = Field(ge=1)
    """Offset just past the last character of the naming words."""
    via: AttributionVia = AttributionVia.NAME
    """How the words name the source: by name, by alias, or by a resolved pronoun."""


class Cue(BaseModel):
    """One feature of a paragraph that decided its kind, and how much it weighed."""

    model_config = _FROZEN

    feature: str = Field(min_length=1)
    """What the analysis read, in words a reader understands: 'modal "will"', 'heading names terms'."""
    contribution: float
    """How much it favoured the paragraph's kind over the runner-up (in the model's log-odds)."""


class Paragraph(BaseModel):
    """One paragraph, or one item of a list, in reading order."""

    model_config = _FROZEN

    id: str = Field(min_length=1)
    """Identifier unique within the briefing, stable for the same input (``p1``, ``p2``...)."""
    text: str
    """The paragraph's text exactly as written, without any list marker."""
    kind: SectionKind = SectionKind.BACKGROUND
    """What this paragraph is about."""
    marker: str | None = None
    """The list marker as written (``1.``, ``-``, ``•``) when this paragraph is a list item."""
    block: BlockKind = BlockKind.BODY
    """The block's shape: body text, standfirst, quote, list item, preformatted or table."""
    rows: tuple[tuple[str, ...], ...] = ()
    """A table's cells, row by row (the first row is the header); empty for other blocks."""
    attributions: tuple[Attribution, ...] = ()
    """Where the paragraph names its sources, in order of position."""
    cues: tuple[Cue, ...] = ()
    """The features that decided `kind`, strongest first, so a reader can see why."""
    kind_confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    """How sure the analysis is of `kind` (its probability); 0 before any analysis."""
    alternative_kind: SectionKind | None = None
    """The runner-up kind when it came close to `kind`, else None."""

    @model_validator(mode="after")
    def _attributions_inside_text(self) -> Self:
        size = len(self.text)
        for attribution in self.attributions:
            if not attribution.start < attribution.end <= size:
                msg = (
                    f"attribution {attribution.start}..{attribution.end} of paragraph "
                    f"{self.id!r} falls outside its {size} characters"
                )
                raise ValueError(msg)
        return self


class Section(BaseModel):
    """A run of paragraphs under one heading (or under none, for the lead)."""

    model_config = _FROZEN

    id: str = Field(min_length=1)
    """A slug of the heading, unique within the briefing (``lead`` for an untitled lead)."""
    heading: str | None = None
    """The heading as written; null for an untitled lead section."""
    kind: SectionKind = SectionKind.BACKGROUND
    """The section's dominant kind, or the kind its heading names."""
    kind_basis: KindBasis = KindBasis.DEFAULT
    """Why the section has that kind."""
    paragraphs: tuple[Paragraph, ...] = ()
    """The section's paragraphs in reading order."""


class Source(BaseModel):
    """Someone or something the briefing cites."""

    model_config = _FROZEN

    id: str = Field(min_length=1)
    """Identifier unique within the briefing, a slug of the name."""
    name: str = Field(min_length=1)
    """The source as written, such as "three sources familiar with the negotiations"."""
    kind: SourceKind
    """Who the source is."""
    description: str | None = None
    """What the text says about a named source, such as "former Senior Director for Middle East Affairs"."""
    aliases: tuple[str, ...] = ()
    """Other names the text uses for the same source, such as a surname or the name without a title."""


class Question(BaseModel):
    """A direct question the briefing leaves open."""

    model_config = _FROZEN

    paragraph_id: str = Field(min_length=1)
    """The paragraph the question stands in."""
    start: int = Field(ge=0)
    """Offset of the question's first character in the paragraph's text."""
    end: int = Field(ge=1)
    """Offset just past the question mark."""
    text: str = Field(min_length=1)
    """The question as written."""


class Briefing(BaseModel):
    """A whole briefing: metadata, sections in reading order, and the sources it cites."""

    model_config = _FROZEN

    title: str
    """The briefing's title (its first line, for plain text)."""
    outlet: str | None = None
    """The publication it comes from, when known."""
    author: str | None = None
    """Who wrote it, when known."""
    published: dt.date | None = None
    """When it was published, when known."""
    dateline: str | None = None
    """Where the report was filed, as its dateline gives it (``BRUSSELS``), when it has one."""
    origin: str | None = None
    """The name of the file it was read from."""
    sections: tuple[Section, ...] = ()
    """The sections in reading order."""
    sources: tuple[Source, ...] = ()
    """Every distinct source cited, in order of first citation."""
    questions: tuple[Question, ...] = ()
    """Direct questions the text leaves open, in reading order."""
    notices: tuple[str, ...] = ()
    """Things the reader had to do to open the file, such as decoding it as cp1252."""
    furniture: tuple[str, ...] = ()
    """Blocks set aside as site furniture or credits ("Reporting by ..."): kept, not shown as text."""

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        source_ids = _unique_ids("source", (source.id for source in self.sources))
        _unique_ids("section", (section.id for section in self.sections))
        paragraphs: dict[str, Paragraph] = {}
        for paragraph in self.paragraphs():
            if paragraph.id in paragraphs:
                raise ValueError(f"duplicate paragraph id {paragraph.id!r}")
            paragraphs[paragraph.id] = paragraph
            for attribution in paragraph.attributions:
                if attribution.source_id not in source_ids:
                    msg = f"paragraph {paragraph.id!r} cites unknown source {attribution.source_id!r}"
                    raise ValueError(msg)
        for question in self.questions:
            host = paragraphs.get(question.paragraph_id)
            if host is None:
                raise ValueError(f"question in unknown paragraph {question.paragraph_id!r}")
            if not question.start < question.end <= len(host.text):
                raise ValueError(f"question {question.start}..{question.end} falls outside {host.id!r}")
        return self

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph of every section, in reading order."""
        return [paragraph for section in self.sections for paragraph in section.paragraphs]

    def rests_on_one_anonymous_source(self, paragraph: ParagraphShape) -> bool:
        """Whether everything ``paragraph`` attributes comes from a single anonymous source."""
        cited = {attribution.source_id for attribution in paragraph.attributions}
        if len(cited) != 1:
            return False
        try:
            return self.source(cited.pop()).kind is SourceKind.ANONYMOUS
        except KeyError:
            return False

    def source(self, source_id: str) -> Source:
        """The source with this id; `KeyError` when there is none."""
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)


def _unique_ids(what: str, ids: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    for identifier in ids:
        if identifier in seen:
            raise ValueError(f"duplicate {what} id {identifier!r}")
        seen.add(identifier)
    return seen
