"""How well the learned paragraph kinds hold on data they were not trained on.

    python bench/kind_quality.py               # eval part (shipped weights) and cross-validation
    python bench/kind_quality.py --part train  # cross-validation on the training part only
    python bench/kind_quality.py --tune        # choose settings by cross-validation on train only

Two figures, never mixed up:

* **eval part, shipped weights**: the analysis as a user runs it (`analyse`, with the weights in
  the package, trained on ``tests/corpus/train/`` only), scored on ``tests/corpus/eval/``;
* **cross-validation grouped by briefing** on the whole corpus: the briefings are dealt into
  `CV_FOLDS` folds; each fold is labelled by a model trained on the other folds, and the
  held-out predictions are pooled. (With 100 briefings, one model per briefing took too long
  to rerun; a briefing is never split across folds, so its style cannot leak.)

Features and settings are chosen with ``--part train`` (the same folds over the training part
only), never by the eval figure.

``bench/analysis_quality.py`` prints these alongside the other analysis scores.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Sequence
from dataclasses import replace

from briefing_tui.analysis import analyse
from briefing_tui.analysis.kind_learning import Labelled, Settings, train
from briefing_tui.analysis.kind_model import KindModel, decode
from briefing_tui.model import SectionKind
from gold import KindScore, kind_pairs, score_kinds
from kind_data import labelled_part, read

__all__ = ["cross_validated", "eval_score", "kinds_report"]

Pairs = list[tuple[SectionKind, SectionKind]]


CV_FOLDS = 10
"""How many folds the cross-validation deals the briefings into."""


def cross_validated(data: Sequence[Labelled], settings: Settings | None = None) -> KindScore:
    """Kinds cross-validated in `CV_FOLDS` folds grouped by briefing, pooled over every briefing."""
    return grouped_folds(data, settings or Settings(), CV_FOLDS)


def eval_score() -> KindScore:
    """The shipped analysis scored on the eval part."""
    golds, _ = labelled_part("eval")
    return score_kinds(pair for gold in golds for pair in kind_pairs(gold, analyse(read(gold))))


def kinds_report(part: str = "all") -> str:
    """The eval figure (unless ``part`` is train) and the cross-validation over ``part``, as Markdown."""
    started = time.perf_counter()
    _, everything = labelled_part(part)
    lines: list[str] = []
    if part != "train":
        lines += ["### Paragraph kinds: eval part, shipped weights (trained on train only)", ""]
        lines.append(eval_score().report())
    lines += [
        f"### Paragraph kinds: {CV_FOLDS}-fold cross-validation grouped by briefing, "
        f"{part} part ({len(everything)} briefings)",
        "",
    ]
    lines.append(cross_validated(everything).report())
    lines.append(f"_(kinds: {time.perf_counter() - started:.0f} s)_\n")
    return "\n".join(lines)


GRID = {
    "l2_signals": (0.25, 0.5, 1.0, 2.0),
    "l2_words": (0.05, 0.1, 0.2, 0.3, 0.6),
    "min_briefings": (2, 3),
}
"""The settings searched; ``l2_pairs`` follows ``l2_words``."""
TUNING_FOLDS = 8


def grouped_folds(data: Sequence[Labelled], settings: Settings, folds: int = TUNING_FOLDS) -> KindScore:
    """Cross-validated kinds with briefings split into ``folds`` groups (faster than one per briefing)."""
    pairs: Pairs = []
    for fold in range(folds):
        model = KindModel.from_data(train([b for i, b in enumerate(data) if i % folds != fold], settings))
        for briefing in (b for i, b in enumerate(data) if i % folds == fold):
            verdicts = decode(model, [observation for observation, _ in briefing])
            pairs += [(kind, v.kind) for (_, kind), v in zip(briefing, verdicts, strict=True) if kind]
    return score_kinds(pairs)


def tune() -> None:
    """Grouped cross-validated accuracy on the training part for each combination of `GRID`."""
    _, data = labelled_part("train")
    print("| " + " | ".join(GRID) + f" | {TUNING_FOLDS}-fold CV accuracy (train part) |")
    print("|" + "---|" * (len(GRID) + 1))
    for values in itertools.product(*GRID.values()):
        changes: dict[str, float] = dict(zip(GRID, values, strict=True))
        changes["l2_pairs"] = changes["l2_words"]
        score = grouped_folds(data, replace(Settings(), **changes))  # type: ignore[arg-type]
        cells = " | ".join(str(value) for value in values)
        print(f"| {cells} | {score.accuracy:.1%} |", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tune", action="store_true", help="grid search by CV on the train part")
    parser.add_argument("--part", choices=("train", "all"), default="all", help="cross-validate this part")
    args = parser.parse_args(argv)
    if args.tune:
        tune()
    else:
        print(kinds_report(args.part))
    return 0


if __name__ == "__main__":
    sys.exit(main())
