"""Content anchors name the same paragraph across edits to a briefing."""

from __future__ import annotations

from briefing_tui.anchors import anchor_index, anchors, digest, resolve
from briefing_tui.model import Briefing, Paragraph, Section


def briefing(*texts: str) -> Briefing:
    paragraphs = tuple(Paragraph(id=f"p{i + 1}", text=text) for i, text in enumerate(texts))
    return Briefing(title="T", sections=(Section(id="lead", paragraphs=paragraphs),))


def test_digest_ignores_case_and_spacing_but_not_words() -> None:
    assert digest("Talks  resumed\non Monday") == digest("talks resumed on monday")
    assert digest("Talks resumed on Monday") != digest("Talks resumed on Tuesday")


def test_repeated_text_gets_distinct_anchors() -> None:
    found = anchors(briefing("Same.", "Other.", "Same.").paragraphs())
    assert len(set(found)) == 3
    assert found[0].split(":")[0] == found[2].split(":")[0]


def test_anchor_survives_a_paragraph_added_above() -> None:
    before = briefing("One.", "Two.", "Three.")
    after = briefing("New lead.", "One.", "Two.", "Three.")
    wanted = anchors(before.paragraphs())[2]
    assert resolve([wanted], anchor_index(after)) == 3


def test_a_deleted_paragraph_lands_on_its_nearest_neighbour() -> None:
    before = briefing("One.", "Two.", "Three.")
    after = briefing("One.", "Three.")
    names = anchors(before.paragraphs())
    assert resolve([names[1], names[2], names[0]], anchor_index(after)) == 1
    assert resolve([names[1]], anchor_index(after)) is None
