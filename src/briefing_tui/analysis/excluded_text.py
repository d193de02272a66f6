"""Words of a paragraph that are not the report's own: quotations and credit lines.

Inside a quotation the words are the speaker's ("“They told me...”"), and a credit line or
byline ("(Reporting by ...)", "X contributed reporting") names who wrote the report, not a
source of it. `sources` finds every anchor, then drops what falls in these spans; each pass
is linear in the paragraph.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

__all__ = ["InsideSpans", "outside_quotations", "quoted_spans", "without_credit_lines"]


class _Placed(Protocol):
    @property
    def start(self) -> int: ...


_T = TypeVar("_T", bound=_Placed)


_CREDIT_LINE = re.compile(
    r"\((?:[A-Z][a-z]+\s+)?(?:Reporting|Writing|Editing|Compiled|Edited|Written|Additional)\b[^)]{0,600}\)"
    r"|^[ \t]*(?:Reporting by|Writing by|Editing by|Edited by)[ \t][^\n]{0,300}$"
    r"|^[ \t]*By[ \t][^\n]{0,100}$(?<![.!?”\"])"  # a byline, not "By Thursday, ... said."
    r"|\b(?:contributed|contributing)\s+(?:reporting|to\s+(?:this|the)\s+(?:report|story))"
    r"|\b(?:reported|reporting)\s+from\s+(?=[A-Z])",
    re.MULTILINE,
)
"""Credit lines and bylines: who wrote the report is not a source of what it reports."""


_QUOTED = re.compile(r"“[^“”]{0,2000}”|\"[^\"]{0,2000}?''(?!')|\"[^\"]{0,2000}\"")
"""A closed quotation: what the speaker said, not who the report cites. Some wire copy
closes a straight quotation with two apostrophes ("...,'' the diplomat said")."""


class InsideSpans:
    """Whether offsets, asked in increasing order, fall inside one of sorted ``spans``."""

    __slots__ = ("_index", "_spans")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = spans
        self._index = 0

    def __call__(self, offset: int) -> bool:
        spans = self._spans
        while self._index < len(spans) and spans[self._index][1] <= offset:
            self._index += 1
        return self._index < len(spans) and spans[self._index][0] < offset


def quoted_spans(text: str) -> list[tuple[int, int]]:
    if "“" not in text and '"' not in text:
        return []
    return [match.span() for match in _QUOTED.finditer(text)]


def outside_quotations(spans: list[tuple[int, int]], mentions: list[_T]) -> list[_T]:
    """Mentions that do not stand inside a quotation ("“They told me...”")."""
    if not spans:
        return mentions
    return _outside_spans(spans, mentions, inclusive=False)


def without_credit_lines(text: str, mentions: list[_T]) -> list[_T]:
    """Mentions outside credit lines and bylines."""
    if not mentions:
        return mentions
    if not any(word in text for word in _CREDIT_WORDS):
        return mentions
    credits = [_credit_span(text, match) for match in _CREDIT_LINE.finditer(text)]
    if not credits:
        return mentions
    return _outside_spans(credits, mentions, inclusive=True)


_CREDIT_WORDS = (
    "reported from",
    "reporting from",
    "Reporting",
    "Writing",
    "Editing",
    "Compiled",
    "Edited",
    "Written",
    "Additional",
    "contribut",
    "By ",
)


def _credit_span(text: str, match: re.Match[str]) -> tuple[int, int]:
    """A credit line's span; "X contributed reporting" reaches back to the start of its sentence."""
    start, end = match.span()
    if match.group().startswith(("contribut", "report")):
        start = max(
            text.rfind(".", max(0, start - 200), start), text.rfind("\n", max(0, start - 200), start), 0
        )
    return start, end


def _outside_spans(spans: list[tuple[int, int]], mentions: list[_T], inclusive: bool) -> list[_T]:
    """Mentions that start inside none of ``spans`` (sorted, not overlapping); linear in both."""
    kept: list[_T] = []
    index = 0
    for mention in mentions:  # mentions are in order of position
        while index < len(spans) and spans[index][1] <= mention.start:
            index += 1
        if index < len(spans):
            start, end = spans[index]
            inside = start <= mention.start < end if inclusive else start < mention.start < end
            if inside:
                continue
        kept.append(mention)
    return kept
