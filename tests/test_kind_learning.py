"""The kind learner: it learns, it is reproducible, and held-out briefings stay above a floor.

The floors are measured on data the model was not trained on: grouped folds of the whole
corpus (each briefing predicted by a model trained without it) and the eval part with the
shipped weights (trained on the train part only). ``python bench/kind_quality.py`` prints
the full figures, with cross-validation grouped by briefing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from briefing_tui.analysis import analyse
from briefing_tui.analysis.kind_features import Observation, observe_paragraph
from briefing_tui.analysis.kind_learning import KINDS, Labelled, Settings, train
from briefing_tui.analysis.kind_model import KindModel, decode
from briefing_tui.model import SectionKind

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from gold import kind_pairs, score_kinds  # noqa: E402
from kind_data import WEIGHTS, labelled_part, read  # noqa: E402
from kind_quality import grouped_folds  # noqa: E402
from train_kinds import trained_text  # noqa: E402

FOLDS = 4
HELD_OUT_FLOOR = 0.78
"""Pooled accuracy of grouped folds over the whole corpus may not fall below this."""
EVAL_FLOOR = 0.78
"""Accuracy of the shipped analysis on the eval part may not fall below this."""

N, T = SectionKind.NEGOTIATIONS, SectionKind.TERMS


def toy(text: str, context: str = "same") -> Observation:
    return observe_paragraph(text, context=context)


def toy_corpus() -> list[Labelled]:
    """Briefings where "offer" means negotiations and "will" means terms, and kinds come in runs."""
    talks = "The union rejected the offer."
    deal = "Pay will rise."
    neutral = "“Fine,” she said."
    return [
        [(toy(talks, "start"), N), (toy(neutral), N), (toy(deal), T), (toy(neutral), T)],
        [(toy(deal, "start"), T), (toy(neutral), T), (toy(talks), N), (toy(neutral), N)],
        [(toy(talks, "start"), N), (toy(talks), N), (toy(deal), T), (toy(neutral), None)],
    ]


def test_the_learner_learns_features_and_transitions() -> None:
    model = KindModel.from_data(train(toy_corpus(), Settings(min_briefings=1)))
    verdicts = decode(model, [toy("The union rejected the offer.", "start"), toy("“Fine,” she said.")])
    assert [verdict.kind for verdict in verdicts] == [N, N]
    verdicts = decode(model, [toy("Pay will rise.", "start"), toy("“Fine,” she said.")])
    assert [verdict.kind for verdict in verdicts] == [T, T]
    same = model.transitions["same"]
    assert same[KINDS.index(N)][KINDS.index(N)] > same[KINDS.index(N)][KINDS.index(T)]


def test_training_is_deterministic_and_independent_of_the_order_of_briefings() -> None:
    corpus = toy_corpus()
    settings = Settings(min_briefings=1, digits=3)  # finer than the file's rounding, to see the optimum
    first = train(corpus, settings)
    assert train(corpus, settings) == first
    shuffled = train(list(reversed(corpus)), settings)
    assert shuffled["features"].keys() == first["features"].keys()
    for name, vector in first["features"].items():
        assert shuffled["features"][name] == pytest.approx(vector, abs=2e-3), name


def test_words_found_in_too_few_briefings_are_not_features() -> None:
    corpus = toy_corpus()
    names = set(train(corpus, Settings(min_briefings=2))["features"])
    assert 'word "rejected"' in names  # in two briefings
    assert 'word "fine"' in names
    rare = [[(toy("Zanzibar cloves.", "start"), N)], *corpus]
    assert 'word "zanzibar"' not in set(train(rare, Settings(min_briefings=2))["features"])


def test_the_shipped_weights_are_what_training_on_the_committed_corpus_gives() -> None:
    assert WEIGHTS.read_text(encoding="utf-8") == trained_text(), "run: python bench/train_kinds.py"


def test_the_shipped_weights_file_is_small_and_well_formed() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    # The vocabulary grows with the corpus (batch 36 took it from 189 to 205 KiB); the bound
    # still catches a file that forgot to prune or round, which would be several times larger.
    assert WEIGHTS.stat().st_size < 240_000
    assert data["kinds"] == [kind.value for kind in KINDS]
    prune = data["settings"]["prune"]
    for name, vector in data["features"].items():
        assert len(vector) == len(KINDS) and max(map(abs, vector)) >= prune, name
    assert set(data["transitions"]) == {"start", "section", "list", "same"}


@pytest.fixture(scope="module")
def corpus() -> list[Labelled]:
    return labelled_part("all")[1]


def test_held_out_briefings_stay_above_the_floor(corpus: list[Labelled]) -> None:
    result = grouped_folds(corpus, Settings(), FOLDS)
    print(f"\n{FOLDS}-fold held-out accuracy: {result.accuracy:.1%} of {result.total}")
    assert result.total >= 1200
    assert result.accuracy >= HELD_OUT_FLOOR, result.report()


def test_the_eval_part_stays_above_the_floor() -> None:
    golds, _ = labelled_part("eval")
    result = score_kinds(pair for gold in golds for pair in kind_pairs(gold, analyse(read(gold))))
    print(f"\neval accuracy: {result.accuracy:.1%} of {result.total}")
    assert result.accuracy >= EVAL_FLOOR, result.report()
