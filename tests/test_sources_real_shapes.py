"""Shapes from the fifth study of real reports (issue #13): each read, and its near miss refused.

Every sentence is invented; only the shape is taken from real copy.
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis.registry import SourceRegistry
from briefing_tui.analysis.sources import find_mentions, outlet_names
from mention_names import named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:42 GMT - Mayor Ivo Marek: We will stay until the end.", ["Mayor Ivo Marek"]),
        ("9.15am - Ana Roe: We are close.", ["Ana Roe"]),
        ("The Ministry of Ports informs that the quay will reopen.", ["The Ministry of Ports"]),
        (
            "Velmar and Tor swapped 30 prisoners, and said in a statement that more would follow.",
            ["Velmar", "Tor"],
        ),
        ("Both Velmar and Tor said the talks were useful.", ["Velmar", "Tor"]),
        ("A statement released by the port authority said the quay was shut.", ["the port authority"]),
    ],
)
def test_real_shapes_it_reads(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "10:42 GMT - New York: Officials met on Monday.",  # a place heads the entry
        "The ministry informed the parties of the decision.",  # an act, no clause reported
        "A video released by the port authority showed the empty quay.",  # a video shows
        "The names were published by the justice ministry on Friday.",  # making public is an act
    ],
)
def test_real_shapes_it_refuses(text: str) -> None:
    assert named(text) == []


def test_a_publisher_known_from_a_furniture_line_or_without_its_last_word() -> None:
    # "Kessa Seven" has no outlet's word ("Channel Seven" would be an outlet by its own first word).
    text = "Ana Roe told Kessa Seven the offer was low."
    assert named(text, outlet_names(None, ["Kessa Seven News"])) == ["Ana Roe", "Kessa Seven"]
    assert named(text, outlet_names(None, ["3 November 2026, 14:20", "LIVE"])) == ["Ana Roe"]
    assert "meridian" in outlet_names("Meridian Live")
    assert "associated press" in outlet_names("AP")


def test_one_outlet_under_its_name_and_its_initials() -> None:
    registry = SourceRegistry(frozenset)
    for text in (
        "A guard told The Associated Press the buses left.",
        "AP journalists saw the buses.",
        "Speaking to AP, Ana Roe said the buses left.",
    ):
        registry.cite(find_mentions(text, outlet_names("AP")))
    outlets = [s for s in registry.sources() if s.kind.value == "outlet"]
    assert len(outlets) == 1


def test_initials_of_another_outlet_stay_apart() -> None:
    registry = SourceRegistry(frozenset)
    registry.cite(find_mentions("A guard told The Associated Press the buses left."))
    registry.cite(find_mentions("A guard told Harbour Radio the buses left."))
    assert len([s for s in registry.sources() if s.kind.value == "outlet"]) == 2
