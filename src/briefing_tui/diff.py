"""What changed between two versions of a briefing, paragraph by paragraph, by content anchors.

Paragraphs are matched by their anchors (`briefing_tui.anchors`), in order. A paragraph
of the new version with no match is **changed** when it stands where an unmatched old one
stood (between the same matched neighbours) and, unless it is the only one there, shares
most of its words; it is **new** otherwise. An old paragraph left unmatched is
**removed**. A source is new when neither its name nor any of its aliases names a source
of the old version. Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from briefing_tui.anchors import Anchor, anchors
from briefing_tui.model import Briefing, Paragraph, Source

__all__ = ["SIMILAR", "BriefingDiff", "ChangeKind", "ParagraphChange", "diff_briefings"]

ChangeKind = Literal["new", "changed", "removed"]

SIMILAR = 0.5
"""How much of its words a paragraph must share with an old one to count as that one rewritten."""


@dataclass(frozen=True, slots=True)
class ParagraphChange:
    """One paragraph that is new, changed or gone."""

    kind: ChangeKind
    """What happened to it."""
    paragraph_id: str
    """Its id in the new version (in the old one, when it was removed)."""
    anchor: Anchor
    """Its content anchor in that version."""
    section: str | None
    """The heading of its section in that version (None for an untitled lead)."""
    text: str
    """Its text in that version."""
    was: str | None = None
    """For a changed paragraph, the text it replaced."""

    def as_json(self) -> dict[str, object]:
        """The change as JSON data."""
        data: dict[str, object] = {"kind": self.kind, "id": self.paragraph_id, "anchor": self.anchor}
        data["text"] = self.text
        if self.was is not None:
            data["was"] = self.was
        return data


@dataclass(frozen=True, slots=True)
class BriefingDiff:
    """Everything that changed, in reading order of the version each change belongs to."""

    changes: tuple[ParagraphChange, ...]
    """New and changed paragraphs (in the new version's order), then removed ones (old order)."""
    new_sources: tuple[Source, ...]
    """Sources the new version cites that the old one did not."""

    @property
    def empty(self) -> bool:
        """Whether nothing changed."""
        return not self.changes and not self.new_sources

    def of_kind(self, kind: ChangeKind) -> list[ParagraphChange]:
        """The changes of one kind, in order."""
        return [change for change in self.changes if change.kind == kind]

    def marks(self) -> dict[str, Literal["new", "changed"]]:
        """For each new or changed paragraph of the new version, by id, which it is."""
        marks: dict[str, Literal["new", "changed"]] = {}
        for change in self.changes:
            if change.kind != "removed":
                marks[change.paragraph_id] = change.kind
        return marks

    def by_section(self) -> list[tuple[str | None, list[ParagraphChange]]]:
        """The changes grouped under their section headings, sections in order of first change."""
        groups: dict[str | None, list[ParagraphChange]] = {}
        for change in self.changes:
            groups.setdefault(change.section, []).append(change)
        return list(groups.items())

    def as_json(self) -> dict[str, object]:
        """The whole diff as JSON data, structured by section."""
        return {
            "sections": [
                {"heading": heading, "changes": [change.as_json() for change in changes]}
                for heading, changes in self.by_section()
            ],
            "new_sources": [
                {"id": source.id, "name": source.name, "kind": source.kind.value}
                for source in self.new_sources
            ],
            "counts": {kind: len(self.of_kind(kind)) for kind in ("new", "changed", "removed")},
        }

    def summary(self) -> str:
        """One line for people: how many of each."""
        parts = [f"{len(self.of_kind(kind))} {kind}" for kind in ("new", "changed", "removed")]
        if self.new_sources:
            parts.append(f"{len(self.new_sources)} new source{'s' if len(self.new_sources) != 1 else ''}")
        return ", ".join(parts)


def diff_briefings(old: Briefing, new: Briefing) -> BriefingDiff:
    """What changed from ``old`` to ``new``."""
    old_places = _placed(old)
    new_places = _placed(new)
    old_anchors = [anchor for anchor, _, _ in old_places]
    new_anchors = [anchor for anchor, _, _ in new_places]
    added: list[ParagraphChange] = []
    removed: list[ParagraphChange] = []
    matcher = SequenceMatcher(None, old_anchors, new_anchors, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        replaced = old_places[old_start:old_end]
        fresh = new_places[new_start:new_end]
        pairs = _pairs([p.text for _, _, p in replaced], [p.text for _, _, p in fresh])
        for index, (anchor, heading, paragraph) in enumerate(fresh):
            was = replaced[pairs[index]][2].text if index in pairs else None
            kind: ChangeKind = "changed" if was is not None else "new"
            added.append(ParagraphChange(kind, paragraph.id, anchor, heading, paragraph.text, was))
        kept = set(pairs.values())
        for index, (anchor, heading, paragraph) in enumerate(replaced):
            if index not in kept:
                removed.append(ParagraphChange("removed", paragraph.id, anchor, heading, paragraph.text))
    return BriefingDiff((*added, *removed), _new_sources(old, new))


def _pairs(old: list[str], new: list[str]) -> dict[int, int]:
    """Which old paragraph each new one rewrites, in a run of paragraphs that differ.

    One paragraph in place of one is a rewrite whatever it says; in a longer run a new
    paragraph rewrites the next old one that shares most of its words, so an insertion
    next to an edit is not mistaken for two rewrites.
    """
    if not old or not new:
        return {}
    if len(old) == len(new) == 1:
        return {0: 0}
    pairs: dict[int, int] = {}
    start = 0
    for index, text in enumerate(new):
        for candidate in range(start, len(old)):
            if _similar(old[candidate], text):
                pairs[index] = candidate
                start = candidate + 1
                break
    return pairs


def _similar(old: str, new: str) -> bool:
    return SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio() >= SIMILAR


def _placed(briefing: Briefing) -> list[tuple[Anchor, str | None, Paragraph]]:
    paragraphs = briefing.paragraphs()
    headings = [section.heading for section in briefing.sections for _ in section.paragraphs]
    return list(zip(anchors(paragraphs), headings, paragraphs, strict=True))


def _new_sources(old: Briefing, new: Briefing) -> tuple[Source, ...]:
    known = {_normal(name) for source in old.sources for name in (source.name, *source.aliases)}
    return tuple(
        source
        for source in new.sources
        if not any(_normal(name) in known for name in (source.name, *source.aliases))
    )


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())
