"""Which paragraphs of a briefing are about a kind: what the `1`-`4` keys step through.

A core query, free of the analysis and of the UI, so the reader can use it from its first frame.
"""

from __future__ import annotations

from briefing_tui.model import Briefing, Paragraph, SectionKind

__all__ = ["paragraphs_of_kind"]


def paragraphs_of_kind(briefing: Briefing, kind: SectionKind) -> list[Paragraph]:
    """The paragraphs of ``briefing`` that are about ``kind``, in reading order.

    Open questions include the paragraphs that ask one of the briefing's questions, whatever
    their own kind: the outline lists those questions under *Open questions*, so `4` reaches them.
    """
    asking = (
        {question.paragraph_id for question in briefing.questions}
        if kind is SectionKind.OPEN_QUESTIONS
        else set()
    )
    return [
        paragraph for paragraph in briefing.paragraphs() if paragraph.kind is kind or paragraph.id in asking
    ]
