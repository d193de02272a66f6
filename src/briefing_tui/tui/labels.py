"""How kinds are named on screen, in the order the panes list them."""

from __future__ import annotations

from briefing_tui.enums import SectionKind, SourceKind

__all__ = ["KIND_KEYS", "SECTION_KINDS", "SOURCE_KINDS"]

SECTION_KINDS: dict[SectionKind, str] = {
    SectionKind.NEGOTIATIONS: "Negotiations",
    SectionKind.TERMS: "Terms",
    SectionKind.IMPLEMENTATION: "Implementation",
    SectionKind.OPEN_QUESTIONS: "Open questions",
    SectionKind.BACKGROUND: "Background",
}
"""Section kinds in outline order, with their names."""

KIND_KEYS: dict[str, SectionKind] = {
    "1": SectionKind.NEGOTIATIONS,
    "2": SectionKind.TERMS,
    "3": SectionKind.IMPLEMENTATION,
    "4": SectionKind.OPEN_QUESTIONS,
}
"""The number keys that jump to a kind."""

SOURCE_KINDS: dict[SourceKind, str] = {
    SourceKind.NAMED_PERSON: "Named people",
    SourceKind.OFFICIAL: "Officials",
    SourceKind.ANONYMOUS: "Anonymous",
    SourceKind.OUTLET: "Outlets",
    SourceKind.ORGANIZATION: "Organisations",
}
"""Source kinds in the order the sources pane groups them, with their names."""
