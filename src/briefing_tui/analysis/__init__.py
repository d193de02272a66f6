"""Briefing analysis: what each paragraph and section is about, who is cited, what is asked.

Deterministic and explainable: paragraph kinds come from a model learned from a labelled
corpus (`kinds`) and keep the features that decided them; sources come from a small grammar
of attributions ("according to X", "X said", "“...,” said X"). Never imports Textual or
Rich, so it runs anywhere the model does.

    >>> from briefing_tui.analysis import analyse
    >>> analysed = analyse(read_briefing("seeds/gaza-ceasefire-talks.txt"))  # doctest: +SKIP
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

from briefing_tui.analysis.kind_features import placed_paragraphs
from briefing_tui.analysis.kind_model import KindVerdict, decode_emitted, shipped_model
from briefing_tui.analysis.kinds import section_kind
from briefing_tui.analysis.mentions import Mention
from briefing_tui.analysis.questions import find_questions
from briefing_tui.analysis.registry import SourceRegistry
from briefing_tui.analysis.source_names import full_names_in
from briefing_tui.analysis.sources import outlet_names, surnames_in
from briefing_tui.analysis.two_processes import read_all
from briefing_tui.model import Briefing, Paragraph, Question, Section

__all__ = ["analyse"]


def analyse(briefing: Briefing, *, parallel: bool = True) -> Briefing:
    """A new briefing with paragraph/section kinds, cues, sources, attributions and questions filled in.

    Everything is recomputed from the text, so analysing an analysed briefing gives the same
    result; only a kind the author stated (``KindBasis.STATED``) is kept as it was. A large
    briefing's paragraphs are read by two processes (`two_processes`) unless ``parallel`` is
    false; the result is the same.
    """
    # The analysis allocates millions of objects that all stay alive until it returns and
    # makes no reference cycles, so the cyclic collector only re-scans a growing heap for
    # nothing: about 0.8 s of 17 at 10 MB (5 full collections). Paused, then set back.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _analysed(briefing, parallel)
    finally:
        if collecting:
            gc.enable()


def _analysed(briefing: Briefing, parallel: bool) -> Briefing:
    def texts() -> Iterator[str]:
        return (paragraph.text for paragraph in briefing.paragraphs())

    registry = SourceRegistry(lambda: surnames_in(texts()), lambda surnames: full_names_in(texts(), surnames))
    questions: list[Question] = []
    outlets = outlet_names(briefing.outlet, briefing.furniture)
    work = list(placed_paragraphs(briefing.sections))
    # With two processes, the registry's scans of the whole text (about 0.2 s at 10 MB) are
    # shared out too: done while the second process works, rather than after.
    read = read_all(work, outlets, parallel=parallel, meanwhile=registry.prepare)
    contexts = [context for _, _, context in work]
    del work
    verdicts = iter(
        decode_emitted(shipped_model(), [(scores, matched) for _, scores, matched in read], contexts)
    )
    mentions = (found for found, _, _ in read)
    sections = tuple(
        _analyse_section(section, registry, questions, verdicts, mentions) for section in briefing.sections
    )
    return briefing.model_copy(
        update={"sections": sections, "sources": registry.sources(), "questions": tuple(questions)}
    )


def _analyse_section(
    section: Section,
    registry: SourceRegistry,
    questions: list[Question],
    verdicts: Iterator[KindVerdict],
    mentions: Iterator[list[Mention]],
) -> Section:
    registry.start_section()
    paragraphs: list[Paragraph] = []
    for paragraph in section.paragraphs:
        questions.extend(find_questions(paragraph.id, paragraph.text))
        verdict = next(verdicts)
        update = {
            "kind": verdict.kind,
            "cues": verdict.cues,
            "kind_confidence": verdict.confidence,
            "alternative_kind": verdict.alternative,
            "attributions": registry.cite(next(mentions)),
        }
        paragraphs.append(paragraph.model_copy(update=update))
    kind, basis = section_kind(section, paragraphs)
    return section.model_copy(update={"kind": kind, "kind_basis": basis, "paragraphs": tuple(paragraphs)})
