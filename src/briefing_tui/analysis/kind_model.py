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
import itertools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from operator import add, itemgetter, mul
from typing import Any

from briefing_tui.analysis.kind_features import CONTEXTS, Observation, feature_label
from briefing_tui.model import Cue, SectionKind

__all__ = [
    "CLOSE_RATIO",
    "CUES_KEPT",
    "KindModel",
    "KindVerdict",
    "Matched",
    "Vector",
    "decode",
    "decode_emitted",
    "shipped_model",
]

WEIGHTS_FILE = "kind_weights.json"
CUES_KEPT = 6
"""How many of the features that decided a kind a paragraph keeps."""
CLOSE_RATIO = 0.5
"""The runner-up is shown when its probability is at least this share of the winner's."""
_BIAS = "bias"

Vector = list[float]
Matched = tuple[str, Vector]
"""A feature that matched: its name and its weights."""
_VECTOR = itemgetter(1)
"""A matched feature's weights."""


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
    signals: dict[str, tuple[str, Vector]]
    """Each signal's name and weights."""
    words: dict[str, tuple[str, Vector]]
    """Each word's feature name ('word "offer"') and weights."""
    pairs: dict[tuple[str, str], tuple[str, Vector]]
    """Each word pair's feature name ('words "the offer"') and weights."""
    start: Vector
    """Weights of each kind opening the briefing."""
    transitions: dict[str, list[Vector]]
    """For each context but ``start``: ``[previous][next]`` weights."""

    _known: tuple[frozenset[str], frozenset[str], frozenset[tuple[str, str]]] = field(init=False, repr=False)
    """The known signals, words and pairs as sets: intersecting two sets walks the smaller one."""
    _by_name: dict[str, Matched] = field(init=False, repr=False)
    """Every feature by its name, for `features_named`."""

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_known", (frozenset(self.signals), frozenset(self.words), frozenset(self.pairs))
        )
        tables = (self.signals, self.words, self.pairs)
        object.__setattr__(
            self, "_by_name", {entry[0]: entry for table in tables for entry in table.values()}
        )

    def features_named(self, names: Iterable[str]) -> list[Matched]:
        """The features called ``names`` (as `emissions` matched them), with their weights: what a
        second process that scored the paragraphs sends back is their names only."""
        return list(map(self._by_name.__getitem__, names))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> KindModel:
        """The model stored in ``data`` (the JSON the training command writes)."""
        features: dict[str, Vector] = data["features"]
        signals: dict[str, tuple[str, Vector]] = {}
        words: dict[str, tuple[str, Vector]] = {}
        pairs: dict[tuple[str, str], tuple[str, Vector]] = {}
        for name, vector in features.items():
            if name.startswith('word "'):
                words[name[6:-1]] = (name, vector)
            elif name.startswith('words "'):
                first, second = name[7:-1].split(" ")
                pairs[(first, second)] = (name, vector)
            else:
                signals[name] = (name, vector)
        transitions = data["transitions"]
        return cls(
            kinds=tuple(SectionKind(kind) for kind in data["kinds"]),
            signals=signals,
            words=words,
            pairs=pairs,
            start=transitions["start"],
            transitions={context: transitions[context] for context in CONTEXTS if context != "start"},
        )

    def emissions(self, observation: Observation) -> tuple[Vector, list[Matched]]:
        """The score of each kind for ``observation``, and the features that matched.

        Every feature has the value 1 (it is present), so a score is a sum of weights; the
        set intersections keep the work proportional to the features the model knows.
        """
        signals, words, pairs = self.signals, self.words, self.pairs
        known = self._known
        # map over the dicts' __getitem__ runs in C, where a list comprehension steps in Python.
        matched: list[Matched] = list(map(signals.__getitem__, observation.signals & known[0]))
        tokens = observation.tokens
        matched += map(words.__getitem__, known[1].intersection(tokens))
        matched += map(pairs.__getitem__, known[2].intersection(itertools.pairwise(tokens)))
        if not matched:
            return [0.0] * len(self.kinds), matched
        # fsum is exact, so the scores do not depend on the order the sets iterate in.
        # map and itemgetter run in C: a generator here costs a Python step per feature.
        return list(map(math.fsum, zip(*map(_VECTOR, matched), strict=True))), matched


@functools.cache
def shipped_model() -> KindModel:
    """The model trained on the corpus and shipped with the package."""
    text = resources.files("briefing_tui.analysis").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return KindModel.from_data(json.loads(text))


def decode(model: KindModel, observations: Iterable[Observation]) -> list[KindVerdict]:
    """The best sequence of kinds for ``observations`` (one briefing, in reading order).

    Each observation is scored as it comes and then let go: only its scores, the features
    that matched (for the cues) and its context are kept for the sequence step.
    """
    emitted: list[tuple[Vector, list[Matched]]] = []
    contexts: list[str] = []
    for observation in observations:
        emitted.append(model.emissions(observation))
        contexts.append(observation.context)
    return decode_emitted(model, emitted, contexts)


def decode_emitted(
    model: KindModel, emitted: list[tuple[Vector, list[Matched]]], contexts: list[str]
) -> list[KindVerdict]:
    """The best sequence of kinds from each paragraph's `KindModel.emissions` and context."""
    if not emitted:
        return []
    steps = [_step(model, context) for context in contexts]
    path = _viterbi(model, [scores for scores, _ in emitted], steps)
    marginals = _marginals(model, [scores for scores, _ in emitted], steps)
    verdicts: list[KindVerdict] = []
    others = [
        [other for other in range(len(model.kinds)) if other != kind] for kind in range(len(model.kinds))
    ]
    for index, (kind, shares) in enumerate(zip(path, marginals, strict=True)):
        runner = max(others[kind], key=shares.__getitem__)
        close = shares[runner] >= CLOSE_RATIO * shares[kind]
        previous = path[index - 1] if index else None
        cues = _cues(model, emitted[index][1], steps[index], contexts[index], previous, kind, runner)
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
    """The kinds of the best-scoring sequence: emissions plus transitions, maximised over paths."""
    columns = {id(step): _columns(step) for step in model.transitions.values()}
    best = list(map(add, emissions[0], model.start))
    back: list[list[int]] = []
    for scores, step in zip(emissions[1:], steps[1:], strict=True):
        assert step is not None  # only the first paragraph opens the briefing
        came: list[int] = []
        following: Vector = []
        for kind, column in enumerate(columns[id(step)]):
            totals = list(map(add, best, column))
            top = max(totals)
            came.append(totals.index(top))
            following.append(top + scores[kind])
        back.append(came)
        best = following
    kind = best.index(max(best))
    path = [kind]
    for came in reversed(back):
        kind = came[kind]
        path.append(kind)
    path.reverse()
    return path


def _marginals(model: KindModel, emissions: list[Vector], steps: list[list[Vector] | None]) -> list[Vector]:
    """Each paragraph's probability of each kind (forward-backward, scaled to avoid overflow)."""
    exp_rows = {
        id(step): [[math.exp(weight) for weight in row] for row in step]
        for step in model.transitions.values()
    }
    exp_columns = {key: _columns(rows) for key, rows in exp_rows.items()}
    local = [_exponentials(scores) for scores in emissions]
    forward = [_normalised(list(map(mul, local[0], map(math.exp, model.start))))]
    for index in range(1, len(emissions)):
        before = forward[-1]
        columns = exp_columns[id(steps[index])]
        forward.append(
            _normalised(
                [
                    here * sum(map(mul, before, column))
                    for here, column in zip(local[index], columns, strict=True)
                ]
            )
        )
    backward = [[1.0] * len(model.kinds) for _ in emissions]
    for index in range(len(emissions) - 2, -1, -1):
        ahead = list(map(mul, local[index + 1], backward[index + 1]))
        rows = exp_rows[id(steps[index + 1])]
        backward[index] = _normalised([sum(map(mul, row, ahead)) for row in rows])
    return [
        _normalised(list(map(mul, ahead, behind))) for ahead, behind in zip(forward, backward, strict=True)
    ]


def _columns(rows: list[Vector]) -> list[Vector]:
    return [list(column) for column in zip(*rows, strict=True)]


def _exponentials(scores: Vector) -> Vector:
    top = max(scores)
    return [math.exp(score - top) for score in scores]


def _normalised(values: Vector) -> Vector:
    total = sum(values) or 1.0
    return [value / total for value in values]


def _cues(  # noqa: PLR0917 - one call site, every argument a different part of the decision
    model: KindModel,
    matched: list[Matched],
    step: list[Vector] | None,
    context: str,
    previous: int | None,
    kind: int,
    runner: int,
) -> tuple[Cue, ...]:
    """The features that most favour ``kind`` over the runner-up, largest first."""
    # Only the features in favour are kept, as they are met: most of a paragraph's are not.
    found = [
        (gain, name)
        for name, vector in matched
        if (gain := vector[kind] - vector[runner]) > 0 and name != _BIAS
    ]
    if previous is not None and step is not None:
        row = step[previous]
        if (gain := row[kind] - row[runner]) > 0:
            found.append((gain, _sequence_label(context, model.kinds[previous])))
    elif previous is None and (gain := model.start[kind] - model.start[runner]) > 0:
        found.append((gain, "opens the briefing"))
    top = sorted(found, reverse=True)[:CUES_KEPT]  # what heapq.nlargest gives, sorted in C
    return tuple(_cue(name, round(weight, 3)) for weight, name in top)


_CUES: dict[tuple[str, float], Cue] = {}
_CUES_CACHED = 50_000


def _cue(name: str, contribution: float) -> Cue:
    """The cue for this feature and contribution; the same few recur, and a Cue is immutable."""
    key = (name, contribution)
    cue = _CUES.get(key)
    if cue is None:
        cue = Cue(feature=feature_label(name), contribution=contribution)
        if len(_CUES) < _CUES_CACHED:
            _CUES[key] = cue
    return cue


@functools.cache  # four contexts by a few kinds; made for almost every paragraph
def _sequence_label(context: str, previous: SectionKind) -> str:
    kind = previous.value.replace("_", " ")
    article = "an" if kind[0] in "aeiou" else "a"
    if context == "list":
        return f"list item after {article} {kind} paragraph"
    if context == "section":
        return f"opens a section after {article} {kind} paragraph"
    return f"follows {article} {kind} paragraph"
