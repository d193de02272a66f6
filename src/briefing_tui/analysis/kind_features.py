"""What the kind model reads in a paragraph: its grammar, figures, dates, questions and place.

Each paragraph becomes an `Observation`: named *signals* that read the sentence (modal verbs,
"is due to", negation, who bargains, what a deal provides, sums and percentages, dates in a
future or a past sentence, questions outside quotation marks, hedges, where the paragraph
stands, the kind its heading names) and its lower-cased words and word pairs. Words are
normalised first so that what is said outweighs who it is about: a capitalised word inside a
sentence (a name) reads as one token, a year as another, any other number as a third; a reader
is shown them in words (`feature_label`: "a name", 'a number, then "days"').

Signal names are what a reader is shown as the reason for a kind ('modal "will"'), so they are
plain words. The same function serves training and analysis, so both see the same features.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from briefing_tui.analysis.kind_clauses import clause_signals, speaker_signals
from briefing_tui.analysis.kind_execution import execution_signals
from briefing_tui.analysis.kind_reports import report_signals
from briefing_tui.analysis.kind_shapes import places, shape_signals
from briefing_tui.analysis.kind_terms import term_signals
from briefing_tui.analysis.lexicon import (
    DEAL_NOUNS,
    HEADING_PATTERNS,
    NEGOTIATION_VERBS,
    PARTY_NOUNS,
    PROVISION_VERBS,
    TIME_UNITS,
    WORD_CLASSES,
)
from briefing_tui.model import BlockKind, Section, SectionKind

__all__ = [
    "CONTEXTS",
    "NAME",
    "NUMBER",
    "YEAR",
    "Observation",
    "feature_label",
    "heading_kind",
    "observations",
    "observe",
    "observe_paragraph",
    "placed_paragraphs",
]

NAME = "zzname"
"""The token a name inside a sentence becomes."""
YEAR = "zzyear"
"""The token a year (1800-2099) becomes."""
NUMBER = "#"
"""The token any other number becomes."""
CONTEXTS = ("start", "section", "list", "same")
"""Where a paragraph stands relative to the one before it, for the sequence step."""
HEADING_MAX_WORDS = 8
"""Longer headings are headlines, not labels, and never name a kind."""
SHORT_WORDS, LONG_WORDS = 15, 70
"""A paragraph of fewer words is short, of more words long."""

_SOURCE_WORDS = re.compile(
    r"\b(?:familiar\s+with|briefed\s+on|close\s+to|involved\s+in|knowledge\s+of|aware\s+of|"
    r"present\s+at|party\s+to)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:talks|negotiations|discussions|"
    r"deal|matter|process|agreement|plan|mediation|meetings?)\b"
)
_SOURCE_HINTS: tuple[str, ...] = ("familiar", "briefed", "close to", "involved in", "knowledge of")
_SOURCE_HINTS += ("aware of", "present at", "party to")
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
_CALENDAR_WORDS = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June"
    "|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)
_CALENDAR = f"(?:{_CALENDAR_WORDS})\\b"
# A capitalised word after a lower-case word or a comma is a name, unless it is a day or a month.
_NAME_WORD = rf"(?!{_CALENDAR})[A-Z][\w'’.-]*"


def _first_name_word() -> str:
    """`_NAME_WORD` after a lower-case word or a comma, opening with its capital letter.

    The same words as ``(?<=[a-z,;] ){_NAME_WORD}``, but a pattern that starts with a set of
    characters lets the engine skip to the capitals in C instead of trying every position (the
    names pass runs twice as fast); the checks before the capital move past it, and the
    calendar words lose their first letter to a look behind ("(?<=M)(?:onday|arch|...)").
    """
    rests: dict[str, list[str]] = {}
    for word in _CALENDAR_WORDS.split("|"):
        rests.setdefault(word[0], []).append(word[1:])
    calendar = "|".join(f"(?<={first})(?:{'|'.join(rest)})" for first, rest in sorted(rests.items()))
    return rf"[A-Z](?<=[a-z,;] [A-Z])(?!(?:{calendar})\b)[\w'’.-]*"


_NAMES = re.compile(rf"{_first_name_word()}(?:\s+(?:(?:of|de|al|bin|van|von)\s+)?{_NAME_WORD})*")
_PLAIN_NAMES = rf"(?<=[a-z,;] ){_NAME_WORD}(?:\s+(?:(?:of|de|al|bin|van|von)\s+)?{_NAME_WORD})*"
"""What `_NAMES` matches, written plainly (the tests check the two agree)."""
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# Possessive ("++", "*+"): nothing after a word ever needs it shorter, so the engine keeps no
# places to back off to; the same tokens, about a sixth faster over a large briefing.
_TOKENS = re.compile(r"[a-z]++(?:'[a-z]++)*+|[#.?!;:%]")
_POWS = re.compile(r"\bprisoners? of war\b")
_PAST_TENSE = re.compile(r"e(?<=[a-z]e)d\b")  # "[a-z]ed\b", opening with the literal the engine finds fast
_SENTENCES = re.compile(r"[^.?!]+")
_CURRENCY = "$€£¥"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DETERMINERS = _words("the this that its their a an new draft final interim")
_AUXILIARIES = _words(
    "has have had also again now repeatedly initially previously not never would will could"
)
_AUXILIARIES |= _words("only then effectively already still formally")
_BE = _words("is are was were be been being")
_DUE = _words("expected due set scheduled slated poised likely unlikely supposed yet going about")
_COUNTS = _words("# a an one two three four five six seven eight nine ten twelve few several")
_DEAL_OR_TERMS = DEAL_NOUNS | {"terms"}
_PARTIES = PARTY_NOUNS | {NAME}
_CLASS_WORDS = frozenset(WORD_CLASSES)
_OPENING_CLASSES = {
    word: tuple(f"opening sentence: {signal}" for signal in signals) for word, signals in WORD_CLASSES.items()
}
_SENTENCE_ENDS = frozenset(".?!")
_TRIGGERS = NEGOTIATION_VERBS | PROVISION_VERBS | _DUE | {"under", "within", NUMBER}


def _grammar(tokens: list[str], signals: set[str]) -> None:
    """Signals that need a word's neighbours: who bargains, what a deal provides, "is due to".

    Only the places of the few words that start such a pattern are visited (found by
    ``list.index``, which runs in C), not every word of the paragraph.
    """
    padded = [*tokens, "", "", ""]  # so that a look ahead never runs off the end
    for token in _TRIGGERS.intersection(tokens):
        for index in places(tokens, token):
            following = padded[index + 1]
            if token in NEGOTIATION_VERBS and _subject(tokens, index) in _PARTIES:
                signals.add("a party bargains")
            if token in PROVISION_VERBS and _subject(tokens, index) in DEAL_NOUNS:
                signals.add("what the deal provides")
            if token in _DUE and index and tokens[index - 1] in _BE and following == "to":
                signals.add(f'"is {token} to"')
            elif token == "under" and following in _DETERMINERS:
                if _DEAL_OR_TERMS.intersection(padded[index + 2 : index + 4]):
                    signals.add('"under the deal"')
            elif token == "within" and following in _COUNTS:
                if TIME_UNITS.intersection(padded[index + 2 : index + 4]):
                    signals.add("within a period")
            elif token == NUMBER and following in TIME_UNITS:
                signals.add("a number of days or months")


def _captives(lowered: str) -> str:
    """ "prisoners of war" as one word, "pows": its war is not what the paragraph is about."""
    return _POWS.sub("pows", lowered) if "of war" in lowered else lowered


def _figure(match: re.Match[str]) -> str:
    """A year (a four-digit 1800-2099 standing alone) or any other number, as its token."""
    start, end = match.span()
    text = match.string
    alone = not (start and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum())
    return YEAR if alone and _YEAR.fullmatch(match.group()) else NUMBER


def _opening_sentence(tokens: list[str]) -> int:
    """How many tokens the first sentence has."""
    return min((tokens.index(mark) for mark in _SENTENCE_ENDS if mark in tokens), default=len(tokens))


def _subject(tokens: list[str], index: int) -> str:
    """The word before ``tokens[index]``, past auxiliaries and adverbs ("the union has also rejected")."""
    before = index - 1
    while before >= 0 and tokens[before] in _AUXILIARIES:
        before -= 1
    return tokens[before] if before >= 0 else ""


_DATE_CLASSES = frozenset({"weekday", "month"})
_DATES = frozenset(word for word, classes in WORD_CLASSES.items() if _DATE_CLASSES.intersection(classes))
_FUTURE_SENTENCE = frozenset(
    _words("will 'll shall expected due scheduled next from starting until tomorrow upcoming planned plans")
    | _words("set later soon")
)
_PAST_SENTENCE = _words("was were had said began started met ended last ago yesterday earlier")
_BLOCK_SIGNALS = {
    BlockKind.QUOTE: "block quotation",
    BlockKind.STANDFIRST: "standfirst",
    BlockKind.TABLE: "table",
    BlockKind.LIST_ITEM: "list item",
}


@dataclass(frozen=True, slots=True)
class Observation:
    """What the kind model reads in one paragraph."""

    signals: frozenset[str]
    """Named features of its grammar, figures, dates, questions and place that are present."""
    tokens: list[str]
    """Its normalised lower-case words and sentence marks, in order."""
    context: str
    """How it follows the paragraph before it: one of `CONTEXTS`."""

    @property
    def words(self) -> frozenset[str]:
        """Its distinct words."""
        return frozenset(self.tokens)

    @property
    def pairs(self) -> frozenset[tuple[str, str]]:
        """Its pairs of adjacent words (the analysis looks up known pairs without making these)."""
        return frozenset(itertools.pairwise(self.tokens))


def observe(sections: Sequence[Section]) -> list[Observation]:
    """An observation of every paragraph of ``sections``, in reading order."""
    return list(observations(sections))


def observations(sections: Sequence[Section]) -> Iterator[Observation]:
    """The observation of each paragraph of ``sections`` in turn (a large briefing need not hold them all)."""
    for text, place, context in placed_paragraphs(sections):
        yield observe_paragraph(text, place, context)


def placed_paragraphs(sections: Sequence[Section]) -> Iterator[tuple[str, set[str], str]]:
    """Each paragraph's text, the signals of where it stands and its context, in reading order:
    what `observe_paragraph` reads besides the text, which only the whole briefing tells."""
    total = sum(len(section.paragraphs) for section in sections)
    index = -1
    for section in sections:
        named = heading_kind(section.heading)
        for number, paragraph in enumerate(section.paragraphs):
            index += 1
            place = _place(index, total, number)
            if named is not None:
                place.add(f"heading names {named.value.replace('_', ' ')}")
            block = _BLOCK_SIGNALS.get(paragraph.block)
            if block is not None or paragraph.marker is not None:
                place.add(block or "list item")
            if index == 0:
                context = "start"
            elif paragraph.marker is not None:
                context = "list"
            elif number == 0:
                context = "section"
            else:
                context = "same"
            yield paragraph.text, place, context


def observe_paragraph(text: str, place: set[str] | None = None, context: str = "same") -> Observation:
    """The observation of one paragraph's ``text``; ``place`` holds the signals of where it stands."""
    signals = set(place or ())
    text = text.replace("’", "'")
    _quotation_signals(text, signals)
    lowered = _NAMES.sub(NAME, text).lower()
    if any(hint in lowered for hint in _SOURCE_HINTS):  # "people familiar with the talks" names a source
        lowered = _SOURCE_WORDS.sub(" ", lowered)
    lowered = _DIGITS.sub(_figure, lowered)
    lowered = _captives(lowered)
    tokens = _TOKENS.findall(lowered)
    for word in _CLASS_WORDS.intersection(tokens):
        signals.update(WORD_CLASSES[word])
    opening = _opening_sentence(tokens)
    if opening < len(tokens):  # the first sentence carries the paragraph's point (the guide's rule)
        for word in _CLASS_WORDS.intersection(tokens[:opening]):
            signals.update(_OPENING_CLASSES[word])
    _grammar(tokens, signals)
    shape_signals(tokens, signals)  # shapes of real copy (issue #12), see kind_shapes
    term_signals(tokens, signals)  # terms told in reported speech and asides, see kind_terms
    report_signals(tokens, signals)  # reports about a deal: documents quoted, approvals, see kind_reports
    execution_signals(tokens, signals)  # a deal carried out: captives freed, votes, see kind_execution
    signals.update(clause_signals(lowered))
    speaker_signals(tokens, signals)
    if "%" in lowered or "percent" in lowered or "per cent" in lowered:
        signals.add("percentage")
    if any(symbol in text for symbol in _CURRENCY):
        signals.add("sum of money")
    if _DATE_CLASSES.intersection(signals):
        _date_signals(lowered, signals)
    if NUMBER in lowered:
        signals.add("a number")
    if YEAR in lowered:
        signals.add("a year")
    if len(_PAST_TENSE.findall(lowered)) >= 2:
        signals.add("past-tense verbs")
    if len(tokens) < SHORT_WORDS:
        signals.add("short paragraph")
    elif len(tokens) > LONG_WORDS:
        signals.add("long paragraph")
    _combinations(signals)
    signals.add("bias")
    return Observation(frozenset(signals), tokens, context)


_FIGURES = frozenset({"percentage", "sum of money", "a number", "money"})
_FUTURE = frozenset({'modal "will"', '"is due to"', '"is expected to"', '"is set to"', '"is scheduled to"'})
_FUTURE |= {"date in a future sentence", "future word"}
_DEAL_SAYS = frozenset({"what the deal provides", '"under the deal"'})


def _combinations(signals: set[str]) -> None:
    """Signals that only mean something together, which a linear model cannot add up by itself."""
    figures = not _FIGURES.isdisjoint(signals)
    future = not _FUTURE.isdisjoint(signals)
    if figures and "a position or demand" in signals:
        signals.add("a figure on the table")
    if figures and not _DEAL_SAYS.isdisjoint(signals):
        signals.add("a figure the deal sets")
    if future and "a step being carried out" in signals:
        signals.add("a step yet to come")
    if "a step being carried out" in signals and "date in a past sentence" in signals:
        signals.add("a step taken on a date")
    if "negation" in signals and "an obstacle or gap" in signals:
        signals.add("something not yet settled")
    if "a bystander" in signals and ("quotes someone" in signals or "reporting verb" in signals):
        signals.add("a bystander speaks")


def heading_kind(heading: str | None) -> SectionKind | None:
    """The kind a short heading names ("Terms of the agreement", "Open questions"), if any."""
    if heading is None or len(heading.split()) > HEADING_MAX_WORDS:
        return None
    text = heading.strip()
    for pattern, kind in _heading_patterns():
        if pattern.match(text):
            return kind
    return None


# What a reader is told for each normalised token and sentence mark, in place of the token.
_TOKEN_WORDS: dict[str, str] = {
    NAME: "a name",
    YEAR: "a year",
    NUMBER: "a number",
    "%": "a per cent sign",
    ".": "a full stop",
    "?": "a question mark",
    "!": "an exclamation mark",
    ";": "a semicolon",
    ":": "a colon",
}
_WORD_FEATURE = re.compile(r'^(word|words) "([^"]+)"$')


def feature_label(feature: str) -> str:
    """How a feature is shown to a reader: in plain words, never with an internal token.

    A word feature with no token keeps its wording ('word "offer"', 'words "the offer"');
    one with a token is spelt out: 'word "zzname"' is "a name", 'words "# days"' is
    'a number, then "days"', 'words "# %"' is "a percentage". Signals are plain words already.
    """
    match = _WORD_FEATURE.match(feature)
    if match is None:
        return feature
    words = match.group(2).split(" ")
    if not any(word in _TOKEN_WORDS for word in words):
        return feature
    if words == [NUMBER, "%"]:
        return "a percentage"
    return ", then ".join(_TOKEN_WORDS.get(word, f'"{word}"') for word in words)


def _place(index: int, total: int, number: int) -> set[str]:
    place: set[str] = set()
    if index == 0:
        place.add("first paragraph")
    elif index == 1:
        place.add("second paragraph")
    if index == total - 1 and total > 1:
        place.add("last paragraph")
    # No "late in the briefing": learnt as background, it pulled the terms and talks that real
    # wire copy tells at the end to background (issue #12; a private check on real reports).
    share = index / total if total else 0.0
    if share < 0.25:
        place.add("early in the briefing")
    if number == 0:
        place.add("first in its section")
    return place


def _quotation_signals(text: str, signals: set[str]) -> None:
    """Quotation share and questions: a question inside quotation marks is someone's words."""
    if "“" not in text and '"' not in text:
        if "?" in text:
            signals.add("question outside quotes")
        return
    quoted = _QUOTED.findall(text)
    share = sum(len(part) for part in quoted) / max(1, len(text))
    signals.add("quotes someone")
    if share >= 0.5:
        signals.add("mostly quotation")
    if "?" in text:
        if "?" in _QUOTED.sub(" ", text):
            signals.add("question outside quotes")
        if any("?" in part for part in quoted):
            signals.add("question in a quotation")


def _date_signals(lowered: str, signals: set[str]) -> None:
    """Whether a weekday or month stands in a sentence about the future or about the past."""
    for sentence in _SENTENCES.findall(lowered):
        words = set(sentence.split())
        if not words & _DATES:
            continue
        if words & _FUTURE_SENTENCE:
            signals.add("date in a future sentence")
        elif words & _PAST_SENTENCE or any(word.endswith("ed") for word in words):
            signals.add("date in a past sentence")


@functools.cache
def _heading_patterns() -> tuple[tuple[re.Pattern[str], SectionKind], ...]:
    return tuple(
        (re.compile(rf"(?:{pattern})", re.IGNORECASE), kind) for kind, pattern in HEADING_PATTERNS.items()
    )
