"""The core's answers to the views' questions, and the one numbering of units they share."""

from __future__ import annotations

import pytest

from briefing_tui.load import load_briefing
from briefing_tui.model import Briefing, SectionKind
from briefing_tui.presenter import (
    attribution_places,
    citation_counts,
    kind_counts,
    question_units,
    stray_units,
)
from briefing_tui.resources import seed_path
from briefing_tui.search import SearchIndex
from briefing_tui.tui.layout import build_units
from briefing_tui.units import paragraph_units, unit_count, walk


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return load_briefing(seed_path())


def test_layout_and_search_number_units_alike(seed: Briefing) -> None:
    units = build_units(seed)
    index = SearchIndex(seed)
    assert len(units) == index.unit_count == unit_count(seed) == len(list(walk(seed)))
    for number, unit in enumerate(units):
        assert index.unit(number).text == (
            unit.paragraph.text if unit.paragraph else seed.sections[unit.section].heading
        )
    assert [units[u].paragraph for u in paragraph_units(seed)] == seed.paragraphs()


def test_citation_counts_and_places_agree(seed: Briefing) -> None:
    counts = citation_counts(seed)
    assert sum(counts.values()) == sum(len(p.attributions) for p in seed.paragraphs())
    units = build_units(seed)
    for source in seed.sources:
        places = attribution_places(seed, source.id)
        assert len(places) == counts[source.id]
        for unit, start, end in places:
            paragraph = units[unit].paragraph
            assert paragraph is not None
            assert any(
                a.source_id == source.id and (a.start, a.end) == (start, end) for a in paragraph.attributions
            )
    assert attribution_places(seed, None) == []


def test_kinds_strays_and_questions(seed: Briefing) -> None:
    counts = kind_counts(seed)
    assert sum(counts.values()) == len(seed.paragraphs())
    units = build_units(seed)
    for kind in SectionKind:
        for section, unit in stray_units(seed, kind):
            paragraph = units[unit].paragraph
            assert paragraph is not None and paragraph.kind is kind
            assert seed.sections[section].kind is not kind
    for question, unit in zip(seed.questions, question_units(seed), strict=True):
        paragraph = units[unit].paragraph
        assert paragraph is not None and paragraph.id == question.paragraph_id
