"""Command palette providers: go to a section, go to a source."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from briefing_tui.model import Briefing
from briefing_tui.name_index import NAME_CHARS, NameIndex
from briefing_tui.safe_text import SafeText, visible

if TYPE_CHECKING:
    from briefing_tui.tui.reader import ReaderScreen

__all__ = ["HITS_SHOWN", "SectionCommands", "SourceCommands"]


HITS_SHOWN = 40
"""The most entries the palette lists for one query: a screenful, whatever the briefing's size."""


class _BriefingCommands(Provider):
    """Shared matching for providers that list parts of the open briefing.

    The names are indexed once per briefing (`NameIndex`), so a keystroke costs a scan of one
    string in C and at most `HITS_SHOWN` entries, not a Python call for every section.
    """

    PLACEHOLDER: ClassVar[str] = ""
    _indexes: ClassVar[dict[type, tuple[Briefing, list[SafeText], NameIndex]]] = {}

    @classmethod
    def palette(cls) -> CommandPalette:
        """A command palette that offers only this provider's entries."""
        return CommandPalette(providers=[cls], placeholder=cls.PLACEHOLDER)

    @property
    def reader(self) -> ReaderScreen:
        """The reader the palette was opened from."""
        return self.screen  # type: ignore[return-value]

    def names(self, briefing: Briefing) -> list[SafeText]:
        """The name of each entry, in order, safe to show."""
        raise NotImplementedError

    def entry(self, index: int) -> tuple[str, Callable[[], None]]:
        """``(help, callback)`` for entry ``index``."""
        raise NotImplementedError

    def _index(self) -> tuple[list[SafeText], NameIndex]:
        briefing = self.reader.briefing
        cached = _BriefingCommands._indexes.get(type(self))
        if cached is None or cached[0] is not briefing:
            names = self.names(briefing)
            cached = (briefing, names, NameIndex(names))
            # One briefing per provider kind: a reader opened later replaces the entry.
            _BriefingCommands._indexes[type(self)] = cached
        return cached[1], cached[2]

    async def discover(self) -> Hits:
        names, index = self._index()
        for number in index.find("", HITS_SHOWN):
            help_text, callback = self.entry(number)
            yield DiscoveryHit(Content(names[number]), callback, text=names[number], help=help_text)

    async def search(self, query: str) -> Hits:
        names, index = self._index()
        found = index.find(query, HITS_SHOWN)
        matcher = self.matcher(query)
        for rank, number in enumerate(found):
            name = names[number]
            help_text, callback = self.entry(number)
            # The index's rank decides the order; the fuzzy score only breaks ties within it.
            score = (len(found) - rank) / len(found)
            yield Hit(score, _highlight(matcher, name), callback, text=name, help=help_text)


class SectionCommands(_BriefingCommands):
    """Every section, by heading and kind."""

    PLACEHOLDER = "Go to section…"

    def names(self, briefing: Briefing) -> list[SafeText]:
        lead = SafeText("Lead")
        return [_shown(s.heading) if s.heading is not None else lead for s in briefing.sections]

    def entry(self, index: int) -> tuple[str, Callable[[], None]]:
        reader = self.reader
        section = reader.briefing.sections[index]
        return section.kind.value.replace("_", " "), partial(reader.text_view.go_to_section, index)


class SourceCommands(_BriefingCommands):
    """Every source, by name and kind."""

    PLACEHOLDER = "Go to source…"

    def names(self, briefing: Briefing) -> list[SafeText]:
        return [_shown(source.name) for source in briefing.sources]

    def entry(self, index: int) -> tuple[str, Callable[[], None]]:
        reader = self.reader
        source = reader.briefing.sources[index]
        return source.kind.value.replace("_", " "), partial(reader.select_source, source.id)


def _shown(name: str) -> SafeText:
    """``name`` safe to show, cut to what a palette line can hold (a heading may be a whole paragraph)."""
    return visible(name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…")


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
