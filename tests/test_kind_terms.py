"""The shapes in which wire copy tells a deal's terms (issue #12), each with a near miss.

Every shape is tested through `observe_paragraph`, as training and analysis see it, on invented
sentences: one that has the shape and one that looks like it but does not.
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis.kind_features import observe_paragraph
from briefing_tui.analysis.kind_terms import TERM_SIGNALS


def terms(text: str) -> set[str]:
    """The term signals of ``text``."""
    return set(TERM_SIGNALS) & observe_paragraph(text).signals


@pytest.mark.parametrize(
    ("signal", "has_it", "lacks_it"),
    [
        (
            "the deal says, past an aside",
            "The accord, drafted by the two legal teams, also calls for two new ferries.",
            "The two legal teams drafted the accord. Fishermen call for two new ferries.",
        ),
        (
            "a place in the deal named",
            "As part of the deal, Kestria will reopen the Amla crossing.",
            "Kestria will reopen the Amla crossing, which is part of an old trade route.",
        ),
        (
            "a place in the deal named",
            "According to the agreement, the new bonds mature in 2040.",
            "According to the ministry, the new bonds sold well.",
        ),
        (
            "something given in exchange",
            "Doravia will free 200 detainees in exchange for 60 fishermen.",
            "The fishermen exchanged glances as the boats came in.",
        ),
        (
            "a rate per day or year",
            "Up to 400 aid trucks a day will be allowed through the crossing.",
            "Four aid trucks crossed the border on a cold day in March.",
        ),
        (
            "a span the deal runs",
            "The offer is valid for 120 days.",
            "Negotiators met for six hours on Tuesday.",
        ),
        (
            "a span the deal runs",
            "Drivers will get 14 percent over the three-year contract.",
            "Drivers have waited three years for a raise.",
        ),
        (
            "a count the deal will deliver",
            "A mediator said 31 hostages would be freed in the first phase.",
            "A mediator said 31 hostages were freed on Sunday.",
        ),
        (
            "a step the deal schedules",
            "The first to be released would be the children, under the deal.",
            "The first of them are due to be released on Sunday, under the deal.",
        ),
    ],
)
def test_each_shape_and_its_near_miss(signal: str, has_it: str, lacks_it: str) -> None:
    assert signal in terms(has_it)
    assert signal not in terms(lacks_it)


def test_a_step_with_a_day_is_not_a_step_the_deal_schedules() -> None:
    # a step set to start on a day, as news, is implementation (the guide's rule 2)
    found = terms("Under the truce, the fighters will withdraw from the hills tomorrow morning.")
    assert "a step the deal schedules" not in found


def test_shapes_stop_at_the_end_of_a_sentence() -> None:
    # the deal noun and the verb of providing stand in different sentences
    assert "the deal says, past an aside" not in terms(
        "The deal was signed. Its critics say it gives too much."
    )


def test_every_signal_of_the_module_is_listed_once() -> None:
    assert len(TERM_SIGNALS) == len(set(TERM_SIGNALS))
