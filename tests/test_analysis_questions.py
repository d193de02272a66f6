"""Direct questions: found where they stand, as written, in reading order."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.analysis import analyse
from briefing_tui.analysis.questions import find_questions
from briefing_tui.ingest import read_briefing

SEED = Path(__file__).resolve().parent.parent / "seeds" / "gaza-ceasefire-talks.txt"


def test_the_seed_asks_two_questions_in_p11() -> None:
    briefing = analyse(read_briefing(SEED))
    assert [(q.paragraph_id, q.text) for q in briefing.questions] == [
        ("p11", "Will Hamas truly disarm?"),
        ("p11", "And who will govern Gaza after the war?"),
    ]
    p11 = next(p for p in briefing.paragraphs() if p.id == "p11")
    for question in briefing.questions:
        assert p11.text[question.start : question.end] == question.text


@pytest.mark.parametrize(
    ("text", "questions"),
    [
        ("No question here.", []),
        ("“Will they comply?” she asked. Nobody knew.", ["Will they comply?"]),
        ("Will U.S. troops stay? Who is J. Smith?", ["Will U.S. troops stay?", "Who is J. Smith?"]),
        ("The open point: what happens in a drought?", ["what happens in a drought?"]),
        ("She asked whether the deal would hold.", []),
        ("Really?! Yes.", ["Really?"]),
        ("???", []),
    ],
)
def test_questions_in_a_paragraph(text: str, questions: list[str]) -> None:
    found = find_questions("p1", text)
    assert [q.text for q in found] == questions
    assert all(text[q.start : q.end] == q.text for q in found)


def test_a_question_never_reaches_back_over_a_line_break() -> None:
    from briefing_tui.analysis.questions import find_questions

    text = "panel: Politico,\n └ ? And who will govern Gaza?"
    assert [question.text for question in find_questions("p1", text)] == ["And who will govern Gaza?"]
