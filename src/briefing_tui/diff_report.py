"""``briefing-tui diff OLD NEW``: what changed between two versions of a briefing, for people or as JSON."""

from __future__ import annotations

import json

from briefing_tui.diff import BriefingDiff

__all__ = ["diff_json", "diff_text"]

_SIGNS = {"new": "+", "changed": "~", "removed": "-"}
_SHOWN = 160


def diff_text(diff: BriefingDiff, old: str, new: str) -> str:
    """The diff structured by section: one line per paragraph, the new sources last."""
    lines = [f"{old} → {new}: {diff.summary()}"]
    if diff.empty:
        return lines[0] + "\n"
    for heading, changes in diff.by_section():
        lines.append("")
        lines.append(f"## {heading}" if heading is not None else "## (lead)")
        for change in changes:
            sign = _SIGNS[change.kind]
            lines.append(f"{sign} {change.kind:<7} {change.paragraph_id:<5} {_short(change.text)}")
            if change.was is not None:
                lines.append(f"  {'was':<13} {_short(change.was)}")
    if diff.new_sources:
        lines.append("")
        lines.append("## New sources")
        lines.extend(f"+ {source.name} ({source.kind.value})" for source in diff.new_sources)
    return "\n".join(lines) + "\n"


def diff_json(diff: BriefingDiff, old: str, new: str) -> str:
    """The diff as JSON: ``{"old", "new", "sections": [...], "new_sources": [...], "counts"}``."""
    return json.dumps({"old": old, "new": new, **diff.as_json()}, indent=2, ensure_ascii=False) + "\n"


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHOWN else flat[: _SHOWN - 1] + "…"
