"""The shapes of reports *about* a deal the kind model reads as signals (issue #12), each with a near miss.

Every shape is tested through `observe_paragraph`, as training and analysis see it, on invented
sentences: one that has the shape and one that looks like it but does not.
"""

from __future__ import annotations

import pytest

from briefing_tui.analysis.kind_features import observe_paragraph
from briefing_tui.analysis.kind_reports import REPORT_SIGNALS


def reports(text: str) -> set[str]:
    """The report signals of ``text``."""
    return set(REPORT_SIGNALS) & observe_paragraph(text).signals


@pytest.mark.parametrize(
    ("signal", "has_it", "lacks_it"),
    [
        (
            "a document speaks",
            '"Both sides will reopen the rail link," said the joint statement.',
            '"Both sides will reopen the rail link," said the minister.',
        ),
        (
            "a document speaks",
            "According to the deal, Taska will open two more harbours.",
            "According to the ministry, Taska will open two more harbours.",
        ),
        (
            "a document speaks",
            "The communique said the two sides would meet again in June.",
            "In a statement, the hospital said it was pleased.",
        ),
        (
            "an approval step",
            "The bargaining committee recommended that members accept the agreement.",
            "Analysts recommended that investors sell the bonds.",
        ),
        (
            "an approval step",
            "She will have to sign off on the plan before it is final.",
            "She signed the letter before it was sent off.",
        ),
        (
            "the talks' own timetable",
            "Both delegations are due to fly home on Friday morning.",
            "The first convoy is to leave the border zone early on Friday.",
        ),
        (
            '"under the deal"',
            "Dunmore dropped the duties under a limited interim deal that eases the dispute.",
            "Dunmore dropped the duties under pressure from its farmers, a limited interim deal aside.",
        ),
        (
            "a profile of a party",
            "The union represents about 900 workers at three hospitals.",
            "The union represents the view of most members.",
        ),
        (
            "the markets move",
            "The country's bonds have risen by a third this year.",
            "The country's bonds are held by foreign funds.",
        ),
        (
            "a document quoted",
            '"The two sides agreed to ease tension," the statement said.',
            "The statement said the talks had been held in good faith.",
        ),
        (
            "an agreed text quoted",
            '"Both sides agreed to reopen the rail link," the communique said.',
            'The communique said the talks had been held "in a frank atmosphere".',
        ),
    ],
)
def test_each_shape_is_read_and_its_near_miss_is_not(signal: str, has_it: str, lacks_it: str) -> None:
    assert signal in reports(has_it), reports(has_it)
    assert signal not in reports(lacks_it), reports(lacks_it)


def test_every_signal_of_the_module_is_listed_once() -> None:
    assert len(REPORT_SIGNALS) == len(set(REPORT_SIGNALS))


def test_a_window_stops_at_the_end_of_a_sentence() -> None:
    # the delegation and the verb of travel are in different sentences
    assert "the talks' own timetable" not in reports(
        "The delegation met the minister. Prices will return to normal."
    )
