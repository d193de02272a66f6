"""Sources across the library: each source once, however many briefings cite it and by whichever name.

A source is the same across briefings when its name, ignoring case and spacing, is the
same, or when its name is an alias (a surname, say) that a fuller name in the library
carries: "Witkoff" in one briefing joins "Steve Witkoff" of another. Two full names are
never joined through a shared alias, so two people called Smith stay two.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from briefing_tui.library.store import Library

__all__ = ["Citations", "LibrarySource", "library_sources", "sources_matching"]


@dataclass(frozen=True, slots=True)
class Citations:
    """How one briefing cites one source."""

    briefing_id: int
    """The briefing's number in the library."""
    path: str
    """The briefing's file."""
    title: str
    """The briefing's title."""
    source_id: str
    """The source's id in that briefing."""
    count: int
    """How many times that briefing cites it."""


@dataclass(frozen=True, slots=True)
class LibrarySource:
    """One source across the library."""

    name: str
    """Its fullest name."""
    kind: str
    """Its kind, as the briefing citing it most decided."""
    aliases: tuple[str, ...]
    """Every other name it goes by in the library."""
    citations: tuple[Citations, ...]
    """Each briefing that cites it, most citations first."""

    @property
    def briefings(self) -> int:
        """How many briefings cite it."""
        return len(self.citations)

    @property
    def total(self) -> int:
        """How many times the library cites it in all."""
        return sum(citation.count for citation in self.citations)

    def matches(self, words: tuple[str, ...]) -> bool:
        """Whether every one of ``words`` (case-folded) is in one of its names or its kind."""
        names = " ".join((self.name, *self.aliases, self.kind.replace("_", " "))).casefold()
        return all(word in names for word in words)

    def as_json(self) -> dict[str, object]:
        """The source as JSON data, for ``briefing-tui library sources --json``."""
        return {
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "briefings": self.briefings,
            "citations": self.total,
            "cited_in": [
                {"path": c.path, "title": c.title, "source_id": c.source_id, "count": c.count}
                for c in self.citations
            ],
        }


def library_sources(library: Library) -> list[LibrarySource]:
    """Every source in the library, cited by the most briefings first."""
    rows = library.connection.execute(
        "SELECT c.briefing_id, b.path, b.title, c.source_id, c.name, c.kind, c.aliases, c.count"
        " FROM citations c JOIN briefings b ON b.id = c.briefing_id ORDER BY c.briefing_id, c.source_id"
    ).fetchall()
    names: dict[str, list[tuple[object, ...]]] = {}
    for row in rows:
        names.setdefault(_normal(str(row[4])), []).append(row)
    # Which full name each alias belongs to; an alias two full names share belongs to neither.
    owners: dict[str, str | None] = {}
    for key, group in names.items():
        for row in group:
            if row[6] == "[]":
                continue
            for alias in json.loads(str(row[6])):
                alias_key = _normal(alias)
                if alias_key != key:
                    owners[alias_key] = key if owners.get(alias_key, key) == key else None
    merged: dict[str, list[tuple[object, ...]]] = {}
    for key, group in names.items():
        owner = owners.get(key)
        target = owner if owner is not None and owner in names else key
        merged.setdefault(target, []).extend(group)
    sources = [_source(key, group) for key, group in merged.items()]
    sources.sort(key=lambda source: (-source.briefings, -source.total, source.name.casefold()))
    return sources


def sources_matching(sources: list[LibrarySource], query: str) -> list[LibrarySource]:
    """The ``sources`` whose names hold every word of ``query``, ignoring case, in their order.

    "wit" finds Steve Witkoff; "us official" finds "a US official" and "US officials"; the
    kind counts as a name, so "outlet" lists the outlets.
    """
    words = tuple(query.casefold().split())
    if not words:
        return sources
    return [source for source in sources if source.matches(words)]


def _source(key: str, rows: list[tuple[object, ...]]) -> LibrarySource:
    per_briefing: dict[int, Citations] = {}
    names: dict[str, int] = {}
    kinds: dict[str, int] = {}
    for briefing_id, path, title, source_id, name, kind, _, count in rows:
        number = int(briefing_id)  # type: ignore[call-overload]
        cited = int(count)  # type: ignore[call-overload]
        names[str(name)] = names.get(str(name), 0) + cited
        kinds[str(kind)] = kinds.get(str(kind), 0) + cited
        known = per_briefing.get(number)
        if known is None or known.count < cited:
            # One briefing naming the source two ways counts once, by its more cited name.
            total = cited + (known.count if known else 0)
            per_briefing[number] = Citations(number, str(path), str(title), str(source_id), total)
        else:
            per_briefing[number] = Citations(
                number, known.path, known.title, known.source_id, known.count + cited
            )
    full = next((name for name in names if _normal(name) == key), max(names, key=len))
    citations = sorted(per_briefing.values(), key=lambda c: (-c.count, c.title.casefold()))
    return LibrarySource(
        full,
        max(kinds, key=lambda kind: kinds[kind]),
        tuple(sorted(name for name in names if name != full)),
        tuple(citations),
    )


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())
