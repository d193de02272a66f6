"""Find the direct questions a paragraph asks: "Will Hamas truly disarm?"."""

from __future__ import annotations

import re

from briefing_tui.model import Question

__all__ = ["find_questions"]

# A question runs from the last sentence boundary (or opening quote) to its question mark.
# A full stop after a capital that follows a full stop ("U.S.") or after a single capital
# ("J. Smith") is an abbreviation, and a stop followed by a lower-case word is not an end;
# a colon or semicolon always opens a new clause ("the question is: will it hold?"), and
# so does a line break (inside a paragraph, only a quoted block or code keeps one).
_MARKS = re.compile(
    r"(?P<stop>(?<!\.[A-Z])(?<!\b[A-Z])[.!…][”’\")\]]*(?:\s+(?![a-z])|$)|[:;]\s+|\n)"
    r"|(?P<open>[“\"‘(])"
    r"|(?P<ask>\?)"
)
_LEADING_SPACE = re.compile(r"\s*")


def find_questions(paragraph_id: str, text: str) -> list[Question]:
    """The direct questions in ``text``, in reading order."""
    if "?" not in text:
        return []
    questions: list[Question] = []
    sentence = 0
    for mark in _MARKS.finditer(text):
        if mark.lastgroup != "ask":
            sentence = mark.end()
            continue
        start = _LEADING_SPACE.match(text, sentence, mark.start())
        first = start.end() if start else sentence
        end = mark.end()
        if any(char.isalpha() for char in text[first:end]):
            questions.append(Question(paragraph_id=paragraph_id, start=first, end=end, text=text[first:end]))
        sentence = end
    return questions
