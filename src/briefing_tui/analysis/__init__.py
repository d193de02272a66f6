"""Briefing analysis: what each paragraph and section is about, who is cited, what is asked.

Deterministic and explainable: paragraph kinds come from a weighted cue lexicon and keep the
cues that decided them; sources come from a small grammar of attributions ("according to X",
"X said", "“...,” said X"). Never imports Textual or Rich, so it runs anywhere the model does.

    >>> from briefing_tui.analysis import analyse
    >>> analysed = analyse(read_briefing("seeds/gaza-ceasefire-talks.txt"))  # doctest: +SKIP
"""

from __future__ import annotations

from briefing_tui.analysis.kinds import Verdict, carry_over, inherit, judge_paragraph, section_kind
from briefing_tui.analysis.questions import find_questions
from briefing_tui.analysis.registry import SourceRegistry
from briefing_tui.analysis.sources import find_mentions, surnames_in
from briefing_tui.model import Briefing, Paragraph, Question, Section

__all__ = ["analyse"]


def analyse(briefing: Briefing) -> Briefing:
    """A new briefing with paragraph/section kinds, cues, sources, attributions and questions filled in.

    Everything is recomputed from the text, so analysing an analysed briefing gives the same
    result; only a kind the author stated (``KindBasis.STATED``) is kept as it was.
    """
    registry = SourceRegistry(lambda: surnames_in(p.text for p in briefing.paragraphs()))
    questions: list[Question] = []
    sections = tuple(_analyse_section(section, registry, questions) for section in briefing.sections)
    return briefing.model_copy(
        update={"sections": sections, "sources": registry.sources(), "questions": tuple(questions)}
    )


def _analyse_section(section: Section, registry: SourceRegistry, questions: list[Question]) -> Section:
    registry.start_section()
    paragraphs: list[Paragraph] = []
    previous: tuple[str, Verdict] | None = None
    introducer: tuple[str, Verdict] | None = None
    for paragraph in section.paragraphs:
        mentions = find_mentions(paragraph.text)
        asked = find_questions(paragraph.id, paragraph.text)
        questions.extend(asked)
        spans = [(mention.start, mention.end) for mention in mentions]
        verdict = judge_paragraph(paragraph.text, asked, spans)
        if paragraph.marker is not None and introducer is not None:
            verdict = inherit(verdict, *introducer)
        elif previous is not None:
            verdict = carry_over(verdict, *previous)
        if paragraph.marker is None:
            introducer = (paragraph.id, verdict)
        previous = (paragraph.id, verdict)
        update = {"kind": verdict.kind, "cues": verdict.cues, "attributions": registry.cite(mentions)}
        paragraphs.append(paragraph.model_copy(update=update))
    kind, basis = section_kind(section, paragraphs)
    return section.model_copy(update={"kind": kind, "kind_basis": basis, "paragraphs": tuple(paragraphs)})
