"""The learned kind model: feature weights per kind, transition weights, and decoding.

The weights come from ``kind_weights.json`` in this package, written by the training command
(``python bench/train_kinds.py``, see `kind_learning`). A paragraph's score for a kind is the
sum of the weights of its features; the sequence step adds a weight for each kind following
another (within a section, at a new section, as a list item) and finds the best sequence of
kinds for the whole briefing with the Viterbi algorithm. Forward-backward gives each
paragraph's probability of every kind: its confidence, and the runner-up when that is close.

Pure Python: no numpy, so importing the analysis stays cheap and runs anywhere.
"""

from __future__ import annotations

import functools
import heapq
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from briefing_tui.analysis.kind_features import CONTEXTS, Observation, feature_label
from briefing_tui.model import Cue, SectionKind

__all__ = ["CLOSE_RATIO", "CUES_KEPT", "KindModel", "KindVerdict", "decode", "shipped_model"]

WEIGHTS_FILE = "kind_weights.json"
CUES_KEPT = 6
"""How many of the features that decided a kind a paragraph keeps."""
CLOSE_RATIO = 0.5
"""The runner-up is shown when its probability is at least this share of the winner's."""
_BIAS = "bias"

Vector = list[float]


@dataclass(frozen=True, slots=True)
class KindVerdict:
    """A paragraph's kind, how sure the model is, the close runner-up, and why."""

    kind: SectionKind
    confidence: float
    alternative: SectionKind | None
    cues: tuple[Cue, ...]


@dataclass(frozen=True, slots=True)
class KindModel:
    """Weights per kind (in the order of `kinds`) for signals, words, word pairs and transitions."""

    kinds: tuple[SectionKind, ...]
    signals: dict[str, Vector]
    words: dict[str, Vector]
    pairs: dict[tuple[str, str], Vector]
    start: Vector
    """Weights of each kind opening the briefing."""
    transitions: dict[str, list[Vector]]
    """For each context but ``start``: ``[previous][next]`` weights."""

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> KindModel:
        """The model stored in ``data`` (the JSON the training command writes)."""
        features: dict[str, Vector] = data["features"]
        signals: dict[str, Vector] = {}
        words: dict[str, Vector] = {}
        pairs: dict[tuple[str, str], Vector] = {}
        for name, vector in features.items():
            if name.startswith('word "'):
                words[name[6:-1]] = vector
            elif name.startswith('words "'):
                first, second = name[7:-1].split(" ")
                pairs[(first, second)] = vector
            else:
                signals[name] = vector
        transitions = data["transitions"]
        return cls(
            kinds=tuple(SectionKind(kind) for kind in data["kinds"]),
            signals=signals,
            words=words,
            pairs=pairs,
            start=transitions["start"],
            transitions={context: transitions[context] for context in CONTEXTS if context != "start"},
        )

    def emissions(self, observation: Observation) -> tuple[Vector, list[tuple[str, float, Vector]]]:
        """The score of each kind for ``observation``, and the features that matched."""
        size = len(self.kinds)
        scores = [0.0] * size
        matched: list[tuple[str, float, Vector]] = []
        for name, value in observation.signals.items():
            vector = self.signals.get(name)
            if vector is not None:
                matched.append((name, value, vector))
        words = self.words
        for word in observation.words:
            vector = words.get(word)
            if vector is not None:
                matched.append((f'word "{word}"', 1.0, vector))
        pairs = self.pairs
        for pair in observation.pairs:
            vector = pairs.get(pair)
            if vector is not None:
                matched.append((f'words "{pair[0]} {pair[1]}"', 1.0, vector))
        for _, value, vector in matched:
            for kind in range(size):
                scores[kind] += value * vector[kind]
        return scores, matched


@functools.cache
def shipped_model() -> KindModel:
    """The model trained on the corpus and shipped with the package."""
    text = resources.files("briefing_tui.analysis").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return KindModel.from_data(json.loads(text))


def decode(model: KindModel, observations: Sequence[Observation]) -> list[KindVerdict]:
    """The best sequence of kinds for ``observations`` (one briefing, in reading order)."""
    if not observations:
        return []
    emitted = [model.emissions(observation) for observation in observations]
    steps = [_step(model, observation.context) for observation in observations]
    path = _viterbi(model, [scores for scores, _ in emitted], steps)
    marginals = _marginals(model, [scores for scores, _ in emitted], steps)
    verdicts: list[KindVerdict] = []
    for index, (kind, shares) in enumerate(zip(path, marginals, strict=True)):
        runner = max((other for other in range(len(model.kinds)) if other != kind), key=shares.__getitem__)
        close = shares[runner] >= CLOSE_RATIO * shares[kind]
        previous = path[index - 1] if index else None
        cues = _cues(
            model, emitted[index][1], steps[index], observations[index].context, previous, kind, runner
        )
        verdicts.append(
            KindVerdict(
                kind=model.kinds[kind],
                confidence=round(shares[kind], 3),
                alternative=model.kinds[runner] if close else None,
                cues=cues,
            )
        )
    return verdicts


def _step(model: KindModel, context: str) -> list[Vector] | None:
    return None if context == "start" else model.transitions[context]


def _viterbi(model: KindModel, emissions: list[Vector], steps: list[list[Vector] | None]) -> list[int]:
    size = len(model.kinds)
    best = [score + begin for score, begin in zip(emissions[0], model.start, strict=True)]
    back: list[list[int]] = []
    for scores, step in zip(emissions[1:], steps[1:], strict=True):
        moves = step if step is not None else [model.start] * size
        came: list[int] = []
        following: Vector = []
        for kind in range(size):
            origin = max(range(size), key=lambda previous: best[previous] + moves[previous][kind])
            came.append(origin)
            following.append(best[origin] + moves[origin][kind] + scores[kind])
        back.append(came)
        best = following
    kind = max(range(size), key=best.__getitem__)
    path = [kind]
    for came in reversed(back):
        kind = came[kind]
        path.append(kind)
    path.reverse()
    return path


def _marginals(model: KindModel, emissions: list[Vector], steps: list[list[Vector] | None]) -> list[Vector]:
    """Each paragraph's probability of each kind (forward-backward, scaled to avoid overflow)."""
    size = len(model.kinds)
    local = [_exponentials(scores) for scores in emissions]
    moves = [
        [[math.exp(weight) for weight in row] for row in (step or [model.start] * size)] for step in steps
    ]
    first = [value * math.exp(begin) for value, begin in zip(local[0], model.start, strict=True)]
    forward = [_normalised(first)]
    for index in range(1, len(emissions)):
        before, move, here = forward[-1], moves[index], local[index]
        forward.append(
            _normalised(
                [
                    here[kind] * sum(before[prev] * move[prev][kind] for prev in range(size))
                    for kind in range(size)
                ]
            )
        )
    backward = [[1.0] * size for _ in emissions]
    for index in range(len(emissions) - 2, -1, -1):
        after, move, there = backward[index + 1], moves[index + 1], local[index + 1]
        backward[index] = _normalised(
            [sum(move[kind][nxt] * there[nxt] * after[nxt] for nxt in range(size)) for kind in range(size)]
        )
    return [
        _normalised([a * b for a, b in zip(ahead, behind, strict=True)])
        for ahead, behind in zip(forward, backward, strict=True)
    ]


def _exponentials(scores: Vector) -> Vector:
    top = max(scores)
    return [math.exp(score - top) for score in scores]


def _normalised(values: Vector) -> Vector:
    total = sum(values) or 1.0
    return [value / total for value in values]


def _cues(  # noqa: PLR0917 - one call site, every argument a different part of the decision
    model: KindModel,
    matched: list[tuple[str, float, Vector]],
    step: list[Vector] | None,
    context: str,
    previous: int | None,
    kind: int,
    runner: int,
) -> tuple[Cue, ...]:
    """The features that most favour ``kind`` over the runner-up, largest first."""
    found = [
        (value * (vector[kind] - vector[runner]), name) for name, value, vector in matched if name != _BIAS
    ]
    if previous is not None and step is not None:
        row = step[previous]
        found.append((row[kind] - row[runner], _sequence_label(context, model.kinds[previous])))
    elif previous is None:
        found.append((model.start[kind] - model.start[runner], "opens the briefing"))
    top = heapq.nlargest(CUES_KEPT, ((weight, name) for weight, name in found if weight > 0))
    return tuple(Cue(feature=feature_label(name), contribution=round(weight, 3)) for weight, name in top)


def _sequence_label(context: str, previous: SectionKind) -> str:
    kind = previous.value.replace("_", " ")
    article = "an" if kind[0] in "aeiou" else "a"
    if context == "list":
        return f"list item after {article} {kind} paragraph"
    if context == "section":
        return f"opens a section after {article} {kind} paragraph"
    return f"follows {article} {kind} paragraph"
