"""Gather the mentions of a whole briefing into distinct sources with stable ids.

A source is distinct *as written*: "a senior U.S. official" and "U.S. officials" stay apart,
while the same phrase repeated (ignoring case and a leading "a", "an" or "the") is one source
cited several times. One deliberate exception: a lone surname ("Greenway") after the full
name ("Robert Greenway") is the same person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from briefing_tui.analysis.sources import Mention
from briefing_tui.ingest.structure import slugify
from briefing_tui.model import Attribution, Source, SourceKind

__all__ = ["SourceRegistry", "source_key"]

_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+")


def source_key(name: str) -> str:
    """What makes two names the same source: case, spacing, apostrophes and a leading article aside."""
    folded = " ".join(name.replace("’", "'").casefold().split())
    return _LEADING_ARTICLE.sub("", folded)


@dataclass(slots=True)
class _Entry:
    id: str
    name: str
    kind: SourceKind
    description: str | None


class SourceRegistry:
    """Turns each paragraph's mentions into attributions while collecting the sources."""

    def __init__(self, surnames: Callable[[], frozenset[str]]) -> None:
        """``surnames`` lists words seen as the last word of a personal name; asked for lazily."""
        self._surnames = surnames
        self._known_surnames: frozenset[str] | None = None
        self._keys: dict[str, str] = {}
        """`source_key` of each name seen, as the same names recur paragraph after paragraph."""
        self._by_key: dict[str, _Entry] = {}
        self._by_surname: dict[str, _Entry] = {}
        self._ids: set[str] = set()
        self._order: list[_Entry] = []

    def cite(self, mentions: Iterable[Mention]) -> tuple[Attribution, ...]:
        """Attributions for one paragraph's mentions, registering sources not seen before."""
        return tuple(
            Attribution(source_id=self._entry(mention).id, start=mention.start, end=mention.end)
            for mention in mentions
        )

    def sources(self) -> tuple[Source, ...]:
        """Every source registered so far, in order of first citation."""
        return tuple(
            Source(id=entry.id, name=entry.name, kind=entry.kind, description=entry.description)
            for entry in self._order
        )

    def _entry(self, mention: Mention) -> _Entry:
        key = self._keys.get(mention.name)
        if key is None:
            key = self._keys[mention.name] = source_key(mention.name)
        entry = self._by_key.get(key)
        if entry is None and mention.kind in {None, SourceKind.NAMED_PERSON}:
            entry = self._by_surname.get(key)
        if entry is None:
            entry = self._register(key, mention)
        if entry.description is None and mention.description:
            entry.description = mention.description
        return entry

    def _register(self, key: str, mention: Mention) -> _Entry:
        kind = mention.kind if mention.kind is not None else self._lone_word_kind(key)
        entry = _Entry(self._new_id(key), mention.name, kind, mention.description)
        self._by_key[key] = entry
        self._order.append(entry)
        words = key.split()
        if kind is SourceKind.NAMED_PERSON and len(words) > 1:
            self._by_surname.setdefault(words[-1], entry)
        return entry

    def _lone_word_kind(self, key: str) -> SourceKind:
        """A lone capitalised word is a person when the text uses it as a surname, else a body."""
        if self._known_surnames is None:
            self._known_surnames = self._surnames()
        if key in self._known_surnames:
            return SourceKind.NAMED_PERSON
        return SourceKind.ORGANIZATION

    def _new_id(self, key: str) -> str:
        """A slug of the name without its leading article, made unique with a number."""
        base = slugify(key) or "source"
        candidate, suffix = base, 1
        while candidate in self._ids:
            suffix += 1
            candidate = f"{base}-{suffix}"
        self._ids.add(candidate)
        return candidate
