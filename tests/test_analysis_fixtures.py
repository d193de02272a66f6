"""Every labelled fixture, scored against its hand-written labels: sources, questions, structure.

The seed's sources must match its labels exactly; the other briefings must reach the
acceptance thresholds: at least 90% of labelled sources and attributions found, at most one
source that the labels do not list. Paragraph kinds are not held to these fixtures: the
kind model is learned, and measured on held-out data (tests/test_kind_learning.py).
Run with ``-s`` to see the figures.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from briefing_tui.ingest import read_briefing
from briefing_tui.model import Briefing
from labelled import SEED_LABELS, Labels, analysed, briefing_file, label_files, load_labels, score

MIN_SOURCE_RECALL = 0.9
MAX_WRONG_SOURCES = 1
OTHER_FIXTURES = [path for path in label_files() if path != SEED_LABELS]


def test_there_are_at_least_three_labelled_briefings_besides_the_seed() -> None:
    assert len(OTHER_FIXTURES) >= 3


def test_the_seed_matches_its_labels_exactly(tmp_path: Path) -> None:
    labels = load_labels(SEED_LABELS)
    result = score(analysed(labels, tmp_path), labels)
    print(f"\n{SEED_LABELS.name}: {result.summary()}")
    assert result.missing_sources == []
    assert result.missing_attributions == []
    assert result.wrong_sources == []


@pytest.mark.parametrize("path", OTHER_FIXTURES, ids=lambda path: path.name.removesuffix(".labels.json"))
def test_a_labelled_briefing_reaches_the_thresholds(path: Path, tmp_path: Path) -> None:
    labels = load_labels(path)
    result = score(analysed(labels, tmp_path), labels)
    print(f"\n{path.name}: {result.summary()}")
    assert result.source_recall >= MIN_SOURCE_RECALL, result.missing_sources
    assert result.attribution_recall >= MIN_SOURCE_RECALL, result.missing_attributions
    assert len(result.wrong_sources) <= MAX_WRONG_SOURCES, result.wrong_sources


@pytest.mark.parametrize("path", label_files(), ids=lambda path: path.name.removesuffix(".labels.json"))
def test_questions_match_the_labels(path: Path, tmp_path: Path) -> None:
    labels = load_labels(path)
    assert [q.text for q in analysed(labels, tmp_path).questions] == labels["questions"]


def test_every_paragraph_of_every_fixture_is_labelled(tmp_path: Path) -> None:
    for path in label_files():
        labels = load_labels(path)
        briefing = read_briefing(briefing_file(labels, tmp_path))
        assert [p.id for p in briefing.paragraphs()] == [label["id"] for label in labels["paragraphs"]], path


def test_the_crlf_fixture_is_read_from_crlf_bytes(tmp_path: Path) -> None:
    crlf = [load_labels(path) for path in label_files() if load_labels(path).get("line_endings") == "crlf"]
    assert crlf, "one fixture must be read with CRLF line endings"
    data = briefing_file(crlf[0], tmp_path).read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") > 10


def test_the_markdown_fixture_has_front_matter_a_stated_kind_and_a_list(tmp_path: Path) -> None:
    labels = load_labels(SEED_LABELS.parent / "harbour-strike.labels.json")
    briefing = analysed(labels, tmp_path)
    metadata = labels["metadata"]
    assert (briefing.title, briefing.outlet, briefing.author, str(briefing.published)) == (
        metadata["title"],
        metadata["outlet"],
        metadata["author"],
        metadata["published"],
    )
    assert any(section.kind_basis.value == "stated" for section in briefing.sections)
    assert any(paragraph.marker for paragraph in briefing.paragraphs())


def test_the_plain_text_fixture_has_no_headings(tmp_path: Path) -> None:
    labels = load_labels(SEED_LABELS.parent / "selva-water-accord.labels.json")
    assert [section.heading for section in analysed(labels, tmp_path).sections] == [None]


def _mislabelled(labels: Labels, briefing: Briefing) -> Labels:
    """``labels`` with every kind as analysed but the first, and one attribution and one source wrong."""
    wrong = copy.deepcopy(labels)
    for label, paragraph in zip(wrong["paragraphs"], briefing.paragraphs(), strict=True):
        label["kind"] = paragraph.kind.value
    first = wrong["paragraphs"][0]
    first["kind"] = "terms" if first["kind"] != "terms" else "background"
    first["attributions"] = [{"text": first["starts"].split()[0]}]
    wrong["sources"] = wrong["sources"][1:]
    return wrong


def test_the_scoring_catches_wrong_labels(tmp_path: Path) -> None:
    labels = load_labels(SEED_LABELS)
    briefing = analysed(labels, tmp_path)
    wrong = _mislabelled(labels, briefing)
    result = score(briefing, wrong)
    assert result.kind_misses == [
        f"p1: {briefing.paragraphs()[0].kind.value}, labelled {wrong['paragraphs'][0]['kind']}"
    ]
    assert result.missing_attributions == ["p1: 'According'"]
    assert result.wrong_sources == ["Politico"]
