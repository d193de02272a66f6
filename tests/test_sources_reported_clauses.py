"""Shapes met in wire copy studied for issue #13 (round 4): what a speaker's reported clause
holds, outlets named after the words they carried, outlets and speakers known by a role.

The sentences are invented, in the shapes of real reports (docs/labelling.md, section 8).
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis.sources import find_mentions


def spans(text: str) -> list[str]:
    """The naming words of every mention, pronouns included."""
    return [text[m.start : m.end] for m in find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A pronoun opening the clause a speaker reports is what they said, not a second report.
        ("Ana Roe said on Thursday he hoped the sides would sign.", ["Ana Roe"]),
        ("But she said she expected a vote by Friday.", ["she"]),
        ("The envoy told reporters that he believed the gap was narrow.", ["The envoy"]),
    ],
)
def test_a_pronoun_inside_a_reported_clause_is_no_new_attribution(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A new clause, a relative clause or a new sentence reports again.
        ("Ana Roe said the gap was wide, and she warned it could grow.", ["Ana Roe", "she"]),
        ("Ana Roe welcomed what she called “a sensible deal”.", ["Ana Roe", "she"]),
        ("Ana Roe said the gap was wide. She warned it could grow.", ["Ana Roe", "She"]),
    ],
)
def test_a_pronoun_after_the_reported_clause_still_reports(text: str, expected: list[str]) -> None:
    assert spans(text) == expected
