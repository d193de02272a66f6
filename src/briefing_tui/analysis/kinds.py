"""Decide what each paragraph and section is about, from the weighted cues in `lexicon`.

A paragraph's score for a kind is the sum of the weights of that kind's cues found in its
text (each cue counted at most twice), plus 3 for every direct question it asks, which leans
it towards open questions. The best-scoring kind wins if it reaches `lexicon.MIN_SCORE`;
otherwise the paragraph is background. The cues of the winning kind are kept, in reading
order, so a reader can see why.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing_tui.analysis.lexicon import (
    CUE_PATTERNS,
    CUE_PHRASES,
    HEADING_PATTERNS,
    KIND_PRIORITY,
    MIN_SCORE,
)
from briefing_tui.analysis.patterns import phrase_alternation
from briefing_tui.model import KindBasis, Paragraph, Question, Section, SectionKind

__all__ = ["Verdict", "carry_over", "heading_kind", "inherit", "judge_paragraph", "section_kind"]

QUESTION_WEIGHT = 3
"""What one direct question adds to a paragraph's open-questions score."""
LIST_ITEM_OWN_SCORE = 4
"""A list item needs this score of its own to keep its kind rather than its introducer's."""
HEADING_MAX_WORDS = 8
"""Longer headings are headlines, not labels, and never name a kind."""
_REPEATS_COUNTED = 2  # a word repeated five times is emphasis, not five times the evidence
_SEEN_LIMIT = 100_000  # bounds the match cache even on text with endless distinct matches
_NO_CUE = "background: no cue for another kind"

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Verdict:
    """A paragraph's kind, how strongly its text backs it, and the cues that decided it."""

    kind: SectionKind
    score: int
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: SectionKind
    weight: int


@dataclass(frozen=True, slots=True)
class _Lexicon:
    phrases: re.Pattern[str]
    exact: dict[str, _Cue]
    prefixes: tuple[tuple[str, _Cue], ...]
    patterns: tuple[tuple[re.Pattern[str], _Cue], ...]
    headings: tuple[tuple[re.Pattern[str], SectionKind], ...]
    seen: dict[str, tuple[_Cue, str]]
    """Phrase matches already resolved to a cue and label (a bounded cache)."""


@functools.cache
def _lexicon() -> _Lexicon:
    """The compiled lexicon, built on first use so that importing stays cheap."""
    exact: dict[str, _Cue] = {}
    prefixes: list[tuple[str, _Cue]] = []
    for kind, by_weight in CUE_PHRASES.items():
        for weight, listed in by_weight.items():
            for phrase in (part.strip() for part in listed.split("|")):
                if phrase.endswith("*"):
                    prefixes.append((phrase[:-1], _Cue(kind, weight)))
                else:
                    exact[phrase] = _Cue(kind, weight)
    everything = [*exact, *(f"{prefix}*" for prefix, _ in prefixes)]
    phrases = re.compile(rf"\b(?:{phrase_alternation(everything)})\b")
    patterns = tuple(
        (re.compile(pattern), _Cue(kind, weight))
        for kind, listed in CUE_PATTERNS.items()
        for weight, pattern in listed
    )
    headings = tuple(
        (re.compile(rf"(?:{pattern})", re.IGNORECASE), kind) for kind, pattern in HEADING_PATTERNS.items()
    )
    prefixes.sort(key=lambda item: len(item[0]), reverse=True)
    return _Lexicon(phrases, exact, tuple(prefixes), patterns, headings, {})


def judge_paragraph(text: str, questions: Sequence[Question] = (), ignore: Sequence[Span] = ()) -> Verdict:
    """The kind of a paragraph with this ``text``; cues inside ``ignore`` spans do not count.

    The words that name a source ("people familiar with the negotiations") say who spoke,
    not what the paragraph is about, so callers pass the attribution spans as ``ignore``.
    """
    lexicon = _lexicon()
    lowered = text.lower()
    if ignore and len(lowered) == len(text):  # a few characters lower-case to two; offsets would drift
        lowered = _blank(lowered, ignore)
    tally = _Tally()
    for matched in lexicon.phrases.findall(lowered):
        tally.add(*_phrase_cue(lexicon, matched))
    for pattern, cue in lexicon.patterns:
        for matched in pattern.findall(lowered):
            tally.add(cue, _label(cue, " ".join(matched.split())))
    for question in questions:
        cue = _Cue(SectionKind.OPEN_QUESTIONS, QUESTION_WEIGHT)
        tally.add(cue, _label(cue, question.text, "question "))
    return tally.verdict()


def inherit(own: Verdict, introducer_id: str, introducer: Verdict) -> Verdict:
    """A list item's verdict: its own if strong enough, else that of the paragraph introducing the list."""
    if own.score >= LIST_ITEM_OWN_SCORE or own.kind is introducer.kind:
        return own
    cue = f"{introducer.kind.value}: list introduced by {introducer_id}"
    return Verdict(introducer.kind, own.score, (cue,))


def carry_over(own: Verdict, previous_id: str, previous: Verdict) -> Verdict:
    """A paragraph that no cue decides continues the topic of the one before it in its section.

    Only a paragraph left as background for want of any cue (not one with background cues)
    carries over, and only from a paragraph of another kind. A bare quotation ("“We listened,
    we moved,” said Novak.") says nothing about its kind on its own; read in order, it
    belongs with the paragraph it follows.
    """
    if own.cues != (_NO_CUE,) or previous.kind is SectionKind.BACKGROUND:
        return own
    return Verdict(
        previous.kind, own.score, (f"{previous.kind.value}: no cue of its own, follows {previous_id}",)
    )


def heading_kind(heading: str | None) -> SectionKind | None:
    """The kind a short heading names ("Terms of the agreement", "Open questions"), if any."""
    if heading is None or len(heading.split()) > HEADING_MAX_WORDS:
        return None
    text = heading.strip()
    for pattern, kind in _lexicon().headings:
        if pattern.match(text):
            return kind
    return None


def section_kind(section: Section, paragraphs: Sequence[Paragraph]) -> tuple[SectionKind, KindBasis]:
    """A section's kind and why: as stated, as its heading names, or its paragraphs' dominant kind.

    Dominance is measured in characters, so a short list does not outvote the long paragraphs
    around it.
    """
    if section.kind_basis is KindBasis.STATED:
        return section.kind, KindBasis.STATED
    named = heading_kind(section.heading)
    if named is not None:
        return named, KindBasis.HEADING
    if not paragraphs:
        return SectionKind.BACKGROUND, KindBasis.DEFAULT
    weight = dict.fromkeys(KIND_PRIORITY, 0)
    for paragraph in paragraphs:
        weight[paragraph.kind] += len(paragraph.text)
    first_seen = {paragraph.kind: number for number, paragraph in reversed(list(enumerate(paragraphs)))}
    dominant = max(first_seen, key=lambda kind: (weight[kind], -first_seen[kind]))
    return dominant, KindBasis.PARAGRAPHS


def _phrase_cue(lexicon: _Lexicon, matched: str) -> tuple[_Cue, str]:
    """The cue a phrase match stands for, and its label; remembered, as the same words recur."""
    known = lexicon.seen.get(matched)
    if known is not None:
        return known
    words = " ".join(matched.split())
    cue = lexicon.exact.get(words)
    if cue is None:
        cue = next(candidate for prefix, candidate in lexicon.prefixes if words.startswith(prefix))
    if len(lexicon.seen) < _SEEN_LIMIT:
        lexicon.seen[matched] = (cue, _label(cue, words))
    return cue, _label(cue, words)


def _label(cue: _Cue, words: str, what: str = "") -> str:
    return f"{cue.kind.value}: {what}'{words}'"


def _blank(text: str, spans: Sequence[Span]) -> str:
    """``text`` with the characters inside ``spans`` replaced by spaces, offsets unchanged."""
    pieces = []
    done = 0
    for start, end in sorted(spans):
        if start >= done:
            pieces += [text[done:start], " " * (end - start)]
            done = end
    pieces.append(text[done:])
    return "".join(pieces)


class _Tally:
    """Scores and cues per kind for one paragraph."""

    __slots__ = ("counts", "scores")

    def __init__(self) -> None:
        self.scores: dict[SectionKind, int] = dict.fromkeys(KIND_PRIORITY, 0)
        self.counts: dict[str, tuple[SectionKind, int]] = {}
        """Each cue label seen, in reading order, with its kind and how often it occurred."""

    def add(self, cue: _Cue, label: str) -> None:
        seen = self.counts.get(label)
        count = 0 if seen is None else seen[1]
        self.counts[label] = (cue.kind, count + 1)
        if count < _REPEATS_COUNTED:
            self.scores[cue.kind] += cue.weight

    def verdict(self) -> Verdict:
        scores = self.scores
        best = max(KIND_PRIORITY, key=lambda kind: (scores[kind], -KIND_PRIORITY.index(kind)))
        if best is not SectionKind.BACKGROUND and scores[best] < MIN_SCORE:
            best = SectionKind.BACKGROUND
        cues = tuple(label for label, (kind, _) in self.counts.items() if kind is best)
        return Verdict(best, scores[best], cues or (_NO_CUE,))
