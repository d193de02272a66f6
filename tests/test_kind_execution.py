"""The shapes of a deal being carried out the kind model reads as signals (issue #12), each with a near miss.

Every shape is tested through `observe_paragraph`, as training and analysis see it, on invented
sentences: one that has the shape and one that looks like it but does not.
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis.kind_execution import EXECUTION_SIGNALS
from briefing_tui.analysis.kind_features import observe_paragraph


def execution(text: str) -> set[str]:
    """The execution signals of ``text``."""
    return set(EXECUTION_SIGNALS) & observe_paragraph(text).signals


@pytest.mark.parametrize(
    ("signal", "has_it", "lacks_it"),
    [
        (
            "captives freed",
            "Ostria and Varsh each returned 64 prisoners of war on Saturday.",
            "Under the deal, Ostria would return 64 prisoners of war.",
        ),
        (
            "captives freed",
            '"Forty of our soldiers are being returned home," the ministry said.',
            "The two sides agreed to release 40 soldiers each.",
        ),
        (
            "a deal takes effect",
            "A truce brokered by Arden came into effect at midnight on Friday.",
            "The truce will come into effect at midnight on Friday.",
        ),
        (
            "a deal takes effect",
            "The ceasefire took hold across the valley by dawn.",
            "Fighters took the hill by dawn.",
        ),
        (
            "a compliance finding",
            "The agency said its inspectors had detected traces of uranium at the site.",
            "The agency said its inspectors would be trained in the spring.",
        ),
        (
            "a compliance finding",
            "Kessa accused the army of a breach of the truce.",
            "Kessa accused the army of shelling the town.",
        ),
        (
            "a vote taken",
            "Dock workers voted in a secret ballot on Sunday to accept the contract.",
            "Dock workers spoke at length on Sunday about the contract.",
        ),
        (
            "a vote taken",
            "The contract needed a simple majority to pass.",
            "The majority of the freed men were privates.",
        ),
    ],
)
def test_each_shape_is_read_and_its_near_miss_is_not(signal: str, has_it: str, lacks_it: str) -> None:
    assert signal in execution(has_it), execution(has_it)
    assert signal not in execution(lacks_it), execution(lacks_it)


def test_every_signal_of_the_module_is_listed_once() -> None:
    assert len(EXECUTION_SIGNALS) == len(set(EXECUTION_SIGNALS))


def test_a_window_stops_at_the_end_of_a_sentence() -> None:
    # the prisoners and the verb of returning are in different sentences
    assert "captives freed" not in execution("The prisoners sat in the yard. The guards returned at noon.")


def test_prisoners_of_war_are_captives_not_the_war() -> None:
    observation = observe_paragraph("Ostria and Varsh each returned 64 prisoners of war on Saturday.")
    assert "captives freed" in observation.signals
    assert "war" not in observation.tokens
    assert "history" not in observation.signals  # "war" is a history word
