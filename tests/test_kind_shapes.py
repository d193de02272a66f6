"""The shapes of real wire copy the kind model reads as signals (issue #12), each with a near miss.

Every shape is tested through `observe_paragraph`, as training and analysis see it, on invented
sentences: one that has the shape and one that looks like it but does not.
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis.kind_features import observe_paragraph
from briefing_tui.analysis.kind_shapes import SHAPE_SIGNALS


def shapes(text: str) -> set[str]:
    """The shape signals of ``text``."""
    return set(SHAPE_SIGNALS) & observe_paragraph(text).signals


@pytest.mark.parametrize(
    ("signal", "has_it", "lacks_it"),
    [
        (
            "the talks' next step",
            "Party leaders will carry on negotiating tomorrow, and the talks will go on next week.",
            "Members will vote on the deal next week, and it will take effect in May.",
        ),
        (
            "a deal in sight",
            "Officials said a deal on a new coalition was likely by the end of next week.",
            "Officials said the deal was likely to be signed next week.",
        ),
        (
            "the current talks in retrospect",
            "The agreement came after more than two weeks of bitter negotiations.",
            "The war has lasted two years and displaced millions.",
        ),
        (
            "an earlier round or deal",
            "A previous truce in 2019 collapsed within a month.",
            "The previous speaker said little.",
        ),
        (
            "agreed to act",
            "In return, Kessia has agreed to open its markets for seeds and dairy.",
            "Neither side has agreed to sign the text.",
        ),
        (
            "agreed to keep talking",
            "Both teams agreed to meet again on Thursday.",
            "Both teams agreed to cut the duty by half.",
        ),
        (
            "a gain won at the table",
            "Labour secured free school meals, and the People's Party pushed through a tax rise.",
            "Labour won enough votes to govern.",
        ),
        (
            "the text says",
            "The agreement states that rich countries will take the lead.",
            "The agreement was reached on Sunday.",
        ),
        (
            "a draft says",
            "The final draft is published: the text says rich countries should take the lead.",
            "The final text was adopted on Sunday.",
        ),
        (
            "a gap named",
            "Officials did not specify the size of the purchases, one of the main sticking points.",
            "Officials specified the size of the purchases.",
        ),
        (
            "a gap named",
            "Thorny issues, including the size of the tax cut and how to pay for it, remain.",
            "The delegations remain in Doha.",
        ),
        (
            "a figure changed from one to another",
            "Corporate tax will fall from 40 per cent to 30 per cent.",
            "Delegates from 12 countries attended.",
        ),
        (
            "a span ahead",
            "The pact promises a fund for rail lines over the next five years.",
            "The fighting has gone on for five years.",
        ),
        (
            "the talks or deal named twice or more",
            "The talks resumed on Monday, and a deal could follow.",
            "The fighting resumed on Monday.",
        ),
    ],
)
def test_each_shape_is_read_and_its_near_miss_is_not(signal: str, has_it: str, lacks_it: str) -> None:
    assert signal in shapes(has_it), shapes(has_it)
    assert signal not in shapes(lacks_it), shapes(lacks_it)


def test_agreeing_to_a_noun_names_no_action() -> None:
    found = shapes("The group said it remained committed to the agreement.")
    assert not {"agreed to act", "agreed to keep talking"} & found


def test_a_change_of_figure_is_read_in_either_order() -> None:
    assert "a figure changed from one to another" in shapes("The duty was cut to 6 percent from 12 percent.")


def test_every_signal_of_the_module_is_listed_once() -> None:
    assert len(SHAPE_SIGNALS) == len(set(SHAPE_SIGNALS))


def test_shapes_stop_at_the_end_of_a_sentence() -> None:
    # "will" and "talks" in different sentences do not make a next step of the talks
    assert "the talks' next step" not in shapes("The talks ended. Prices will rise.")
