"""What the text view reads of a briefing, as protocols: the model has this shape, and so do plain blocks.

The first frame of a plain text is drawn from `briefing_tui.ingest.structure.Plain` blocks,
before the Pydantic model (and Pydantic) is loaded; everything that draws it is typed
against these protocols, which `briefing_tui.model` satisfies as well. Nothing here
imports Pydantic at run time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from briefing_tui.enums import BlockKind, SectionKind

if TYPE_CHECKING:
    from briefing_tui.model import Attribution

__all__ = ["BriefingShape", "ParagraphShape", "SectionShape"]


class ParagraphShape(Protocol):
    """A paragraph as the text view draws it."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> SectionKind: ...
    @property
    def marker(self) -> str | None: ...
    @property
    def block(self) -> BlockKind: ...
    @property
    def rows(self) -> tuple[tuple[str, ...], ...]: ...
    @property
    def attributions(self) -> tuple[Attribution, ...]: ...


class SectionShape(Protocol):
    """A section as the text view draws it."""

    @property
    def id(self) -> str: ...
    @property
    def heading(self) -> str | None: ...
    @property
    def kind(self) -> SectionKind: ...
    @property
    def paragraphs(self) -> Sequence[ParagraphShape]: ...


class BriefingShape(Protocol):
    """A briefing as the text view and the title bar draw it."""

    @property
    def title(self) -> str: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def author(self) -> str | None: ...
    @property
    def published(self) -> dt.date | None: ...
    @property
    def dateline(self) -> str | None: ...
    @property
    def origin(self) -> str | None: ...
    @property
    def notices(self) -> Sequence[str]: ...
    @property
    def furniture(self) -> Sequence[str]: ...
    @property
    def sections(self) -> Sequence[SectionShape]: ...

    def rests_on_one_anonymous_source(self, paragraph: ParagraphShape) -> bool:
        """Whether everything ``paragraph`` attributes comes from a single anonymous source."""
        ...
