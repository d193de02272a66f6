"""The kinds of things a briefing is made of: sections, sources, blocks, how a kind was decided.

Apart from `briefing_tui.model` (which re-exports them), so that a module drawing the first
frame can use them without importing Pydantic.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["AttributionVia", "BlockKind", "KindBasis", "SectionKind", "SourceKind"]


class SectionKind(StrEnum):
    """What a part of a briefing is about."""

    NEGOTIATIONS = "negotiations"
    """Talks, positions, pressure, sticking points, who mediated."""
    TERMS = "terms"
    """What the deal or decision says: clauses, exchanges, concessions, figures."""
    IMPLEMENTATION = "implementation"
    """Schedules, deployments and the steps that put it into effect."""
    OPEN_QUESTIONS = "open_questions"
    """What is unresolved: risks, questions, doubts."""
    BACKGROUND = "background"
    """Context that is none of the above."""


class SourceKind(StrEnum):
    """Who a source is."""

    NAMED_PERSON = "named_person"
    """A person named in the text, such as "Robert Greenway"."""
    OFFICIAL = "official"
    """An unnamed official, such as "a senior U.S. official"."""
    ANONYMOUS = "anonymous"
    """Unnamed people, such as "three sources familiar with the negotiations"."""
    OUTLET = "outlet"
    """A news organisation, such as "Politico"."""
    ORGANIZATION = "organization"
    """Any other body speaking as one, such as "the White House"."""


class KindBasis(StrEnum):
    """Why a section has its kind."""

    DEFAULT = "default"
    """Nothing decided it yet: the kind is the default, `background`."""
    STATED = "stated"
    """The author stated it in the file (Markdown ``{kind=terms}``); analysis keeps it."""
    HEADING = "heading"
    """The heading names the kind, such as "Open questions"."""
    PARAGRAPHS = "paragraphs"
    """Most of the section's paragraphs are of this kind."""


class BlockKind(StrEnum):
    """What shape a block of the text has, so the reader can draw it as written."""

    BODY = "body"
    """An ordinary paragraph, wrapped to the width of the view."""
    STANDFIRST = "standfirst"
    """The summary line under the title."""
    QUOTE = "quote"
    """A block quotation."""
    LIST_ITEM = "list_item"
    """One item of a list; `Paragraph.marker` holds its marker."""
    PREFORMATTED = "preformatted"
    """Text whose line breaks and spacing matter (a code block): drawn unwrapped."""
    TABLE = "table"
    """A table; `Paragraph.rows` holds its cells and the text holds them tab-separated."""


class AttributionVia(StrEnum):
    """How the words of an attribution name their source."""

    NAME = "name"
    """The words are the source's name or description."""
    ALIAS = "alias"
    """A shorter name for a source named in full elsewhere, such as a surname."""
    PRONOUN = "pronoun"
    """A pronoun ("he", "she", "it") resolved to the nearest fitting earlier speaker."""
