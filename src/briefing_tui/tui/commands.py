"""Command palette providers: go to a section, go to a source."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from briefing_tui.safe_text import visible

if TYPE_CHECKING:
    from briefing_tui.tui.reader import ReaderScreen

__all__ = ["SectionCommands", "SourceCommands"]


class _BriefingCommands(Provider):
    """Shared matching for providers that list parts of the open briefing."""

    PLACEHOLDER: ClassVar[str] = ""

    @classmethod
    def palette(cls) -> CommandPalette:
        """A command palette that offers only this provider's entries."""
        return CommandPalette(providers=[cls], placeholder=cls.PLACEHOLDER)

    @property
    def reader(self) -> ReaderScreen:
        """The reader the palette was opened from."""
        return self.screen  # type: ignore[return-value]

    def entries(self) -> list[tuple[str, str, Callable[[], None]]]:
        """``(name, help, callback)`` for each entry."""
        raise NotImplementedError

    async def discover(self) -> Hits:
        for name, help_text, callback in self.entries():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self.entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback, text=name, help=help_text)


class SectionCommands(_BriefingCommands):
    """Every section, by heading and kind."""

    PLACEHOLDER = "Go to section…"

    def entries(self) -> list[tuple[str, str, Callable[[], None]]]:
        reader = self.reader
        return [
            (
                visible(section.heading) if section.heading is not None else "Lead",
                section.kind.value.replace("_", " "),
                partial(reader.text_view.go_to_section, index),
            )
            for index, section in enumerate(reader.briefing.sections)
        ]


class SourceCommands(_BriefingCommands):
    """Every source, by name and kind."""

    PLACEHOLDER = "Go to source…"

    def entries(self) -> list[tuple[str, str, Callable[[], None]]]:
        reader = self.reader
        return [
            (
                visible(source.name),
                source.kind.value.replace("_", " "),
                partial(reader.select_source, source.id),
            )
            for source in reader.briefing.sources
        ]


def _highlight(matcher: Matcher, name: str) -> Content:
    """``name`` as plain content with the fuzzy-matched letters styled.

    `Matcher.highlight` parses its candidate as markup, and a briefing's headings and
    source names are data, not markup.
    """
    content = Content(name)
    _, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
