"""Find where a paragraph names the sources of what it reports.

Four shapes of attribution are recognised, each by one compiled pattern over the paragraph,
after which a small window around the match is parsed (see `phrases`):

* a cue before the source: "according to X", "citing X", "a statement from X";
* a speech verb after it: "X said", "X, a former minister, warned", "X declined to comment";
* the inverted form after a quotation: "“...,” said X";
* a speaker introducing a quotation with a colon: "X: “...”".

The work per paragraph is proportional to the number of matches, and every window is bounded,
so the whole pass stays linear in the size of the briefing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from briefing_tui.analysis.patterns import phrase_alternation
from briefing_tui.analysis.phrases import Phrase, parse_list, parse_phrase
from briefing_tui.analysis.tokens import UPPER, Token, tokenize
from briefing_tui.analysis.vocabulary import (
    ADVERBS,
    CLAUSE_WORDS,
    NOT_NAMES,
    ORGANIZATION_WORDS,
    OUTLET_WORDS,
    STOPWORDS,
    TITLE_ABBREVIATIONS,
)
from briefing_tui.model import SourceKind

__all__ = ["Mention", "find_mentions", "surnames_in"]

_WINDOW = 400
"""How far from a trigger the naming words (with an appositive) may reach, in characters."""
_NEAR = 160
"""How far back a subject right before its verb is looked for, in characters."""
_SUBJECT_TOKENS = 16
"""The most tokens a naming phrase may span; bounds the work per trigger on any input."""
_TOKENS_AFTER = 24
"""How many tokens after a cue the naming words may take up, commas and all."""
_APPOSITIVE_COMMAS = 40
"""How many tokens back an appositive ("X, a former minister, said") may start."""

_SPEECH_VERB_LIST = (
    "said says say told tells added adds warned warns warn confirmed confirms confirm emphasized "
    "emphasised emphasizes emphasises clarified clarifies acknowledged acknowledges acknowledge "
    "noted stated stressed stresses explained explains cautioned cautions wrote writes reported "
    "denied denies deny conceded concedes concede predicted predicts estimated argued argues argue "
    "admitted admits revealed disclosed insisted insists insist announced declined"
)
_SPEECH_VERBS = _SPEECH_VERB_LIST.split()
_CUES = ["according to", "citing", "quoting", "cited by", "reported by", "in the words of"]
_CUES += [f"statement {word}" for word in ("from", "by", "issued by", "released by")]
_TRIGGER = re.compile(
    rf"\b(?:(?P<cue>{phrase_alternation([*_CUES, *(cue.capitalize() for cue in _CUES)])})\s"
    rf"|(?P<verb>{phrase_alternation(_SPEECH_VERBS)})\b)"
    r"|(?P<colon>:\s*[“\"](?=\S))"
)
"""What may introduce or follow the words naming a source."""
_VERB_CONDITIONS = {
    # "insisted" speaks unless it means holding out for something: "insisted on a cap".
    "insist": re.compile(r"(?!\s+on\b)"),
    "insists": re.compile(r"(?!\s+on\b)"),
    "insisted": re.compile(r"(?!\s+on\b)"),
    "announced": re.compile(r"\s*(?:that\b|[:,“\"])"),
    "declined": re.compile(
        r"\s+(?:to\s+(?:comment|provide|confirm|deny|say|elaborate|discuss|give|disclose|specify"
        r"|answer|respond|detail|speak|name|release|share)|comment|requests?\s+for\s+comment)"
    ),
}
"""Verbs that speak only in some constructions, and the pattern that must follow them."""
_CLAUSE_STOP = re.compile(r"(?<![A-Z])\.(?=\s)|[;:!?“”\"—–()\[\]]")
"""Marks that end the clause a source must sit in; a full stop after a capital is an initial ("U.S.")."""
_LAST_WORD = re.compile(r"(?P<word>[^\W_]+)(?P<gap>[\s,]*)\Z")
"""The word right before a verb, and the spaces or comma between them."""
_UP_TO_LAST_STOP = re.compile(rf"(?s:.*)(?:{_CLAUSE_STOP.pattern})")
"""Everything up to the last clause stop: greedy, so the engine finds that stop from the end."""
_ABBREVIATION_BEFORE = re.compile(rf"\b(?i:{'|'.join(TITLE_ABBREVIATIONS)})\.$")
_NAME_PAIR = re.compile(rf"(?=\b([{UPPER}][\w’'-]+)\s+([{UPPER}][\w’'-]+)\b)")
"""Two capitalised words in a row, found overlapping ("Donald John Trump" gives both pairs)."""
_INVERSION = re.compile(r"[,”\"]\s*$")
"""A verb right after a comma or closing quote may come before its subject: "“...,” said X"."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a paragraph names a source."""

    start: int
    """Offset of the first naming character in the paragraph text."""
    end: int
    """Offset just past the last naming character."""
    name: str
    """The source as written, with a sentence-opening capital on a common word lowered."""
    kind: SourceKind | None
    """Who it is; None for a lone capitalised word that only context can tell apart."""
    description: str | None = None
    """What the text says about a named person, if anything."""


@dataclass(frozen=True, slots=True)
class _Found:
    phrase: Phrase
    description: tuple[int, int] | None = None


def find_mentions(text: str) -> list[Mention]:
    """Every source the paragraph ``text`` names, in order of position, without overlaps."""
    found: list[_Found] = []
    for match in _TRIGGER.finditer(text):
        if match.lastgroup == "cue":
            found.extend(_Found(phrase) for phrase in _after_cue(text, match.end()))
        elif match.lastgroup == "verb":
            condition = _VERB_CONDITIONS.get(match.group())
            if condition is None or condition.match(text, match.end()):
                found.extend(_speaker_of_verb(text, match.start(), match.end()))
        else:
            found.extend(_speaker_of_quote(text, match.start()))
    return _mentions(text, found)


def surnames_in(texts: Iterable[str]) -> frozenset[str]:
    """Words used as the second of two capitalised words ("Trump" in "Donald Trump"), case-folded.

    A lone "Trump said" is then known to be a person rather than a body such as "Hamas".
    """
    not_surnames = ORGANIZATION_WORDS | OUTLET_WORDS
    found: set[str] = set()
    for text in texts:
        for match in _NAME_PAIR.finditer(text):
            first, second = match.group(1).casefold(), match.group(2).casefold()
            if first not in NOT_NAMES and second not in not_surnames:
                found.add(second)
    return frozenset(found)


def _window_after(text: str, position: int) -> list[Token]:
    """Tokens from ``position`` to the end of the clause (commas included), at most `_WINDOW` away."""
    high = min(len(text), position + _WINDOW)
    stop = _CLAUSE_STOP.search(text, position, high)
    return tokenize(text, position, stop.end() if stop else high, _TOKENS_AFTER)


def _window_before(text: str, position: int, reach: int) -> list[Token]:
    """Tokens from the start of the clause that ends at ``position``, at most ``reach`` back."""
    low = max(0, position - reach)
    first = low
    end = position
    while (last := _UP_TO_LAST_STOP.match(text, low, end)) is not None:
        if not _ABBREVIATION_BEFORE.search(text, max(low, last.end() - 6), last.end()):
            first = last.end()
            break
        end = last.end() - 1  # "Dr." does not end a sentence: look further back
    tokens = tokenize(text, first, position)
    if first == low > 0 and tokens and tokens[0].start == low:
        del tokens[0]  # the window may have cut this word in two
    return tokens


def _after_cue(text: str, position: int) -> tuple[Phrase, ...]:
    tokens = _window_after(text, position)
    if not tokens:
        return ()
    parsed = parse_list(tokens, 0, len(tokens))
    return parsed.phrases if parsed else ()


def _speaker_of_verb(text: str, start: int, end: int) -> list[_Found]:
    before = _subject_before(text, start)
    if before or not _INVERSION.search(text, max(0, start - 3), start):
        return before
    return _subject_after(text, end)


def _speaker_of_quote(text: str, colon: int) -> list[_Found]:
    """ "Greenway: “The hard part...”": only people and officials introduce quotes this way."""
    people = {SourceKind.NAMED_PERSON, SourceKind.OFFICIAL, SourceKind.ANONYMOUS, None}
    return [found for found in _subject_before(text, colon) if found.phrase.kind in people]


def _subject_before(text: str, verb: int) -> list[_Found]:
    """The source named just before a speech verb, allowing "also" and an appositive between."""
    last = _LAST_WORD.search(text, max(0, verb - 40), verb)
    if last is None:
        return []  # a quote or a stop right before the verb: nothing names a source there
    word = last["word"].lower()
    if "," not in last["gap"] and word in STOPWORDS and word not in ADVERBS:
        return []  # "he said", "declined to say": no naming phrase can end here
    tokens = _window_before(text, verb, _NEAR)
    end = _before_adverbs(tokens)
    if end and tokens[end - 1].text == ",":
        tokens = _window_before(text, verb, _WINDOW)
        return _appositive_subject(tokens, _before_adverbs(tokens) - 1)
    return [_Found(phrase) for phrase in _phrases_ending_at(tokens, end)] if end else []


def _before_adverbs(tokens: list[Token]) -> int:
    """The index just past the last token that is not an adverb ("officials also said")."""
    end = len(tokens)
    while end and _is_adverb(tokens[end - 1]):
        end -= 1
    return end


def _is_adverb(token: Token) -> bool:
    low = token.lower
    return low in ADVERBS or (low.endswith("ly") and not token.capitalised and low.isalpha())


def _phrases_ending_at(tokens: list[Token], end: int) -> tuple[Phrase, ...]:
    """The leftmost phrase list that ends exactly at ``end``, within its clause."""
    start = end
    while start > max(0, end - _SUBJECT_TOKENS):
        previous = tokens[start - 1]
        if previous.punct or previous.lower in CLAUSE_WORDS:
            break
        start -= 1
    for first in range(start, end):
        parsed = parse_list(tokens, first, end)
        if parsed is not None and parsed.next == end:
            return parsed.phrases
    return ()


def _appositive_subject(tokens: list[Token], closing: int) -> list[_Found]:
    """ "Robert Greenway, former Senior Director ..., said": the source sits before the appositive."""
    for comma in range(closing - 1, max(-1, closing - _APPOSITIVE_COMMAS), -1):
        token = tokens[comma]
        if token.text != ",":
            if token.punct:
                break
            continue
        subject = _phrases_ending_at(tokens, comma)
        if subject:
            return _with_appositive(subject, tokens, comma + 1, closing)
    return []


def _with_appositive(subject: tuple[Phrase, ...], tokens: list[Token], first: int, stop: int) -> list[_Found]:
    if len(subject) != 1 or first >= stop:
        return [_Found(phrase) for phrase in subject]
    (phrase,) = subject
    if phrase.kind in {SourceKind.OFFICIAL, SourceKind.ANONYMOUS}:
        named = parse_phrase(tokens, first, stop)
        if named is not None and named.next == stop and len(named.phrases) == 1:
            person = named.phrases[0]
            if person.kind in {SourceKind.NAMED_PERSON, None} and person.description is None:
                described = Phrase(
                    person.start, person.end, SourceKind.NAMED_PERSON, False, (phrase.start, phrase.end)
                )
                return [_Found(described)]
        return [_Found(phrase)]
    return [_Found(phrase, _description(phrase, tokens, first, stop))]


def _description(phrase: Phrase, tokens: list[Token], first: int, stop: int) -> tuple[int, int] | None:
    """An appositive describes a named person unless it is a clause ("who...", "speaking...")."""
    if phrase.kind not in {SourceKind.NAMED_PERSON, None} or phrase.description is not None:
        return None
    if tokens[first].lower in STOPWORDS or tokens[first].punct:
        return None
    return tokens[first].start, tokens[stop - 1].end


def _subject_after(text: str, position: int) -> list[_Found]:
    """ "“...,” said Lena Korhonen, who grows apples": the source follows the verb."""
    tokens = _window_after(text, position)
    if not tokens:
        return []
    parsed = parse_list(tokens, 0, len(tokens))
    if parsed is None:
        return []
    after = parsed.next
    if after < len(tokens) and not tokens[after].punct:
        return []  # "said Hamas would..." reports what Hamas would do; the speaker came earlier
    if len(parsed.phrases) != 1 or after >= len(tokens) or tokens[after].text != ",":
        return [_Found(phrase) for phrase in parsed.phrases]
    stop = after + 1
    while stop < len(tokens) and not tokens[stop].punct:
        stop += 1
    (phrase,) = parsed.phrases
    if stop == after + 1:
        return [_Found(phrase)]
    return [_Found(phrase, _description(phrase, tokens, after + 1, stop))]


def _mentions(text: str, found: list[_Found]) -> list[Mention]:
    """Mentions in order of position; of overlapping ones, the first and longest wins."""
    mentions: list[Mention] = []
    for item in found:
        phrase = item.phrase
        if phrase.outlet is not None:
            start, end = phrase.outlet
            mentions.append(Mention(start, end, text[start:end], SourceKind.OUTLET))
        described = item.description or phrase.description
        description = _clean(text[described[0] : described[1]]) if described else None
        mentions.append(Mention(phrase.start, phrase.end, _name(text, phrase), phrase.kind, description))
    mentions.sort(key=lambda mention: (mention.start, -mention.end))
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _name(text: str, phrase: Phrase) -> str:
    name = _clean(text[phrase.start : phrase.end])
    if phrase.common_start:
        return name[:1].lower() + name[1:]
    return name


def _clean(text: str) -> str:
    return " ".join(text.split())
