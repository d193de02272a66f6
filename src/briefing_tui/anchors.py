"""Content anchors: name a paragraph by what it says, so a place survives edits to the briefing.

Positional ids (``p12``) shift as soon as a paragraph is added above; an anchor is a digest
of the paragraph's normalised text plus which occurrence of that text it is, so it names
the same words in every version of the file. Reading positions, marks, the library and
"what changed" all use these, so there is one definition of "the same paragraph".
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.model import Briefing, Paragraph

__all__ = ["Anchor", "anchor_index", "anchors", "digest", "resolve"]

Anchor = str
"""``"<digest>:<occurrence>"``: the text's digest and how many paragraphs before had it."""


def digest(text: str) -> str:
    """A short digest of ``text`` that ignores case and runs of white space."""
    normal = " ".join(text.casefold().split())
    return hashlib.blake2b(normal.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def anchors(paragraphs: Iterable[Paragraph]) -> list[Anchor]:
    """The anchor of each paragraph, in order."""
    seen: dict[str, int] = {}
    result: list[Anchor] = []
    for paragraph in paragraphs:
        key = digest(paragraph.text)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        result.append(f"{key}:{occurrence}")
    return result


def anchor_index(briefing: Briefing) -> dict[Anchor, int]:
    """Each anchor's position in ``briefing.paragraphs()``."""
    return {anchor: index for index, anchor in enumerate(anchors(briefing.paragraphs()))}


def resolve(wanted: Sequence[Anchor], index: dict[Anchor, int]) -> int | None:
    """The position of the first of ``wanted`` that still exists, else one with the same text.

    ``wanted`` is the anchor of the paragraph itself followed by its neighbours, nearest
    first, so that a reader whose paragraph was deleted lands next to where it stood.
    """
    for anchor in wanted:
        if anchor in index:
            return index[anchor]
    for anchor in wanted:
        text_digest = anchor.partition(":")[0]
        for candidate, position in index.items():
            if candidate.startswith(text_digest + ":"):
                return position
    return None
