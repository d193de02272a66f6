"""The token windows an attribution is read in, around an anchor.

Before an anchor, the sentence up to it (a full stop after "U.S." or "Dr." does not end it);
after it, the clause that follows, commas and an acronym in brackets included. Every window
is bounded in characters and tokens, so the work per anchor is bounded on any input. The
small word classes the readers of `sources` share (stops, prepositions, introducers) live
here too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing_tui.analysis.tokens import UPPER, Token, tokenize
from briefing_tui.analysis.vocabulary import TITLE_ABBREVIATIONS

__all__ = [
    "ASIDE_CLOSERS",
    "BE_FORMS",
    "HARD_STOPS",
    "INTRODUCERS",
    "PREPOSITIONS",
    "SPEAKER_PRONOUNS",
    "WINDOW",
    "is_acronym_aside",
    "window_after",
    "window_before",
    "word_before",
]

WINDOW = 400
"""How far from an anchor the naming words (with an aside) may reach, in characters."""


_TOKENS_AFTER = 24
"""How many tokens after an anchor the naming words may take up, commas and all."""


SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they"})
"""Pronouns that may stand for an earlier speaker."""


BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})


def word_before(text: str, position: int) -> tuple[str, bool]:
    """The word right before ``position`` (lower case, "" after a quote or a stop), and
    whether a comma stands between: read once per anchor, with string methods for speed."""
    chunk = text[max(0, position - 40) : position].rstrip()
    comma = chunk.endswith(",")
    chunk = chunk.rstrip(" ,\t\n")
    word = chunk[chunk.rfind(" ") + 1 :]
    if not word or not word[-1].isalnum() or (len(word) > 1 and word.isupper()):
        return "", comma  # after a quote or a stop, or an abbreviation ("the US says")
    start = len(word)
    while start and word[start - 1].isalnum():
        start -= 1
    return word[start:].lower(), comma


def window_after(text: str, position: int) -> list[Token]:
    """Tokens from ``position`` to the end of the clause (commas included), at most `WINDOW` away."""
    tokens = tokenize(text, position, min(len(text), position + WINDOW), _TOKENS_AFTER)
    for number, token in enumerate(tokens):
        if not token.punct or token.text == "," or _is_initial_stop(tokens, number):
            continue
        if token.text == "(" and is_acronym_aside(tokens, number):
            continue
        if token.text == ")" and number >= 2 and tokens[number - 2].text == "(":
            continue
        return tokens[: number + 1]
    return tokens


@lru_cache(maxsize=8)
def window_before(text: str, position: int, reach: int = WINDOW, quotes: bool = True) -> list[Token]:
    """Tokens of the sentence that runs up to ``position``, at most ``reach`` back.

    Cached: the shapes of one anchor read the same window (callers never change the list).

    Commas, dashes and brackets stay in (the asides are read later); a full stop after a
    capital or an abbreviation ("U.S.", "Dr.") does not end the sentence; with ``quotes``
    false, neither does a quotation mark ("reports voting was “orderly” but notes that").
    """
    low = max(0, position - reach)
    first, end = low, position
    stops = _UP_TO_LAST_STOP if quotes else _UP_TO_LAST_PLAIN_STOP
    while (stop := stops.match(text, low, end)) is not None:
        mark = stop.end() - 1
        if not _ends_no_sentence(text, mark, low):
            first = stop.end()
            break
        end = mark  # "U.S.", "Dr." or "1.2" does not end a sentence: look further back
    tokens = tokenize(text, first, position)
    if first == low > 0 and tokens and tokens[0].start == low:
        del tokens[0]  # the window may have cut this word in two
    return tokens


def _ends_no_sentence(text: str, mark: int, low: int) -> bool:
    """Whether the stop at ``mark`` is inside a number ("1.2", "7:10", "No. 10") or follows an
    abbreviation ("U.S.", "Dr."), looked for no further back than ``low``. Only a full stop may
    do all of these, so the patterns are tried on full stops alone."""
    char = text[mark]
    if char not in ".:":
        return False
    if text[mark - 1 : mark].isdigit() and text[mark + 1 : mark + 2].isdigit():
        return True
    return char == "." and (
        _NUMBER_SIGN.match(text, max(0, mark - 3), mark + 4) is not None
        or _ABBREVIATION_BEFORE.search(text, max(low, mark - 5), mark + 1) is not None
    )


_UP_TO_LAST_STOP = re.compile(r"(?s:.*)[.;:!?“”\"]")
"""Everything up to the last sentence stop: greedy, so the engine finds that stop from the end."""


_UP_TO_LAST_PLAIN_STOP = re.compile(r"(?s:.*)[.;:!?]")


_ABBREVIATION_BEFORE = re.compile(
    rf"(?:\b(?i:{'|'.join(sorted(TITLE_ABBREVIATIONS - {'no'}))})|[{UPPER}])\.$"
)
"""A full stop after an abbreviation or a capital ("Dr.", "U.S.", "J.") is not a sentence end."""
_NUMBER_SIGN = re.compile(r"\W(?i:no)\.\s*\d")
"""After "no", only before a number ("No. 10"): in "Labour has not said no. The liberals said"
the sentence ends."""


ASIDE_CLOSERS = frozenset({",", "—", "–", ")"})


HARD_STOPS = frozenset({".", ";", ":", "!", "?", "“", "”", '"'})


def _is_initial_stop(tokens: list[Token], number: int) -> bool:
    """A full stop after a lone capital is an initial ("J. Smith"), not the end of a sentence."""
    if tokens[number].text != "." or number == 0:
        return False
    previous = tokens[number - 1]
    return len(previous.text) == 1 and previous.text.isupper() and previous.end == tokens[number].start


def is_acronym_aside(tokens: list[Token], number: int) -> bool:
    """ "(OCHA)": an acronym in brackets belongs to the name before it."""
    return (
        number + 2 < len(tokens)
        and tokens[number + 2].text == ")"
        and tokens[number + 1].text.replace(".", "").isupper()
        and len(tokens[number + 1].text) >= 2
    )


INTRODUCERS = frozenset(
    [
        "in",
        "on",
        "at",
        "after",
        "before",
        "during",
        "earlier",
        "later",
        "meanwhile",
        "separately",
        "however",
        "still",
        "also",
        "since",
        "while",
        "when",
        "as",
        "by",
        "with",
        "under",
    ]
)
"""Words that open an introductory phrase set off by a comma: "In Washington, ..."."""


PREPOSITIONS = frozenset(
    ["at", "in", "on", "of", "for", "from", "with", "by", "to", "into", "near", "over", "under", "about"]
)
