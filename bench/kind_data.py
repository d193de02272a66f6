"""The labelled corpus as the kind learner reads it: each briefing's observations and gold kinds.

Shared by ``bench/train_kinds.py``, ``bench/analysis_quality.py`` and the tests, so that the
weights are trained, evaluated and checked on exactly the same data.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefing_tui.analysis.kind_features import observe
from briefing_tui.analysis.kind_learning import Labelled
from briefing_tui.ingest import read_briefing
from briefing_tui.model import Briefing, SectionKind
from gold import GoldBriefing, align, load_corpus

__all__ = ["WEIGHTS", "labelled", "labelled_part", "read"]

WEIGHTS = Path(__file__).resolve().parent.parent / "src" / "briefing_tui" / "analysis" / "kind_weights.json"
"""The shipped weights file."""


def read(gold: GoldBriefing) -> Briefing:
    """The briefing as the reader reads it (not analysed)."""
    return read_briefing(gold.path)


def labelled(gold: GoldBriefing) -> Labelled:
    """Each paragraph's observation with its gold kind (None where the corpus labels none)."""
    briefing = read(gold)
    kinds: dict[str, SectionKind] = {
        paragraph.id: label.kind for label, paragraph in align(gold, briefing) if paragraph is not None
    }
    observations = observe(briefing.sections)
    return [
        (observation, kinds.get(paragraph.id))
        for observation, paragraph in zip(observations, briefing.paragraphs(), strict=True)
    ]


def labelled_part(part: str) -> tuple[list[GoldBriefing], list[Labelled]]:
    """The gold briefings of ``part`` (train, eval or all) and their labelled sequences."""
    golds: Sequence[GoldBriefing] = load_corpus(part)  # type: ignore[arg-type]
    return list(golds), [labelled(gold) for gold in golds]
