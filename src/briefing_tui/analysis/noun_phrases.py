"""Noun-phrase boundaries: where a naming phrase that ends right before a verb begins.

"{A source familiar with the matter} said", "{the UN Office ... (OCHA)} said", "Arab
countries which back the plan said": the phrase keeps its post-modifiers and an acronym in
brackets, and stops at a clause word, a mark or a preposition that governs it.
"""

from __future__ import annotations

from dataclasses import replace

from briefing_tui.analysis.phrases import GIVEN_NAMES, Phrase, parse_list
from briefing_tui.analysis.reporting_verbs import VERB_FORMS, Frame
from briefing_tui.analysis.source_windows import PREPOSITIONS, is_acronym_aside
from briefing_tui.analysis.tokens import Token
from briefing_tui.analysis.vocabulary import ADVERBS, CLAUSE_WORDS, DETERMINERS, STOPWORDS
from briefing_tui.model import SourceKind

__all__ = [
    "APPOSITIVE_TOKENS",
    "after_condition",
    "after_preposition",
    "before_relative_clause",
    "first_offset",
    "is_adverb",
    "opens_clause",
    "phrases_ending_at",
    "previous_mark",
]

_SUBJECT_TOKENS = 16
"""The most tokens a naming phrase may span; bounds the work per anchor on any input."""


APPOSITIVE_TOKENS = 40
"""How many tokens back an aside ("X, a former minister, said") may start."""


def previous_mark(tokens: list[Token], closing: int, marks: set[str]) -> int | None:
    for number in range(closing - 1, max(-1, closing - APPOSITIVE_TOKENS), -1):
        if tokens[number].text in marks:
            return number
    return None


def before_relative_clause(tokens: list[Token], end: int) -> tuple[Phrase, ...]:
    """ "Arab countries which back the plan said": the subject stands before "which";
    "officials we interviewed worry": before the pronoun of a clause without one."""
    for number in range(end - 1, max(-1, end - 10), -1):
        token = tokens[number]
        if token.punct:
            return ()
        if token.lower == "who" and number:
            # "a former fighter who asked not to be named said": the clause is part of the
            # phrase, up to the verb (docs/labelling.md).
            before_who = phrases_ending_at(tokens, number)
            if len(before_who) != 1:
                return before_who
            return (replace(before_who[0], end=tokens[end - 1].end),)
        if token.lower in {"which", "that"} and number:
            return phrases_ending_at(tokens, number)
        if token.lower in {"we", "they", "i", "you"} and number and end - number <= 3:
            # The clause belongs to the phrase, as "who" clauses do: "officials we interviewed".
            found = [p for p in phrases_ending_at(tokens, number) if p.kind is not None]
            return tuple(replace(p, end=tokens[end - 1].end) for p in found[-1:]) if len(found) == 1 else ()
    return ()


def is_adverb(token: Token) -> bool:
    """ "also", "privately": a word that may stand between a subject and its verb; an "-ly"
    noun or adjective ("the assembly said", "the elderly say") heads a phrase instead."""
    low = token.lower
    return low in ADVERBS or (
        low.endswith("ly") and not token.capitalised and low.isalpha() and low not in _LY_NOT_ADVERBS
    )


_LY_NOT_ADVERBS = frozenset(
    {
        *("only", "assembly", "family", "ally", "rally", "supply", "reply", "anomaly", "monopoly"),
        *("elderly", "bully", "jelly", "belly", "holy", "lily", "homily"),
    }
)
"""Words ending in "-ly" that are nouns or adjectives, never adverbs before a verb ("daily" is
left out: "Bild daily reported" names Bild, as a wire writes it)."""


def phrases_ending_at(tokens: list[Token], end: int) -> tuple[Phrase, ...]:
    """The leftmost phrase list that ends exactly at ``end``, within its clause."""
    start = end
    while start > max(0, end - _SUBJECT_TOKENS):
        previous = tokens[start - 1]
        if previous.text == ")" and start >= 3 and is_acronym_aside(tokens, start - 3):
            start -= 3  # "(OCHA)"
            continue
        if previous.punct and previous.text != ",":
            break
        possessive_her = previous.lower == "her" and start < end  # "her office said": her owns it
        if (
            previous.lower in CLAUSE_WORDS
            and previous.text not in GIVEN_NAMES
            and not previous.text.isupper()
            and not possessive_her
        ):
            break  # "he", "said" end the phrase; "US" and "Said" (a name) do not
        start -= 1
    aside = _owner_acronym(tokens, start, end)
    if aside is not None:  # "the U.S. Trade Representative's (USTR) office": read without "(USTR)"
        view = tokens[:aside] + tokens[aside + 3 :]
        found = phrases_ending_at(view, end - 3)
        if found:
            return found
    for first in range(start, end):
        opener = tokens[first]
        if opener.punct or (
            opener.lower in _NO_OPENERS and opener.text not in GIVEN_NAMES and not opener.text.isupper()
        ):
            continue  # no phrase opens with a mark or a function word: skip the parse
        parsed = parse_list(tokens, first, end)
        if parsed is not None and parsed.next == end:
            return _joined_name_list(tokens, parsed.phrases)
    return ()


def _owner_acronym(tokens: list[Token], start: int, end: int) -> int | None:
    """Where an acronym in brackets stands right after an owner's "'s" and before the body it
    owns ("Representative's (USTR) office"), if it does."""
    for number in range(max(start, 1), end - 3):
        if tokens[number].text == "(" and tokens[number - 1].possessive and is_acronym_aside(tokens, number):
            return number
    return None


def _joined_name_list(tokens: list[Token], phrases: tuple[Phrase, ...]) -> tuple[Phrase, ...]:
    """ "The Fish, Food and Allied Workers union said": capitalised words and commas before a
    body whose name goes on with "and" are the first items of its name's own list."""
    if len(phrases) != 1 or phrases[0].kind is not SourceKind.ORGANIZATION:
        return phrases
    body = phrases[0]
    at = next((number for number, token in enumerate(tokens) if token.start == body.start), None)
    if at is None or not tokens[at].capitalised or not _and_inside_name(tokens, at, body.end):
        return phrases
    start = at
    while start >= 2 and tokens[start - 1].text == "," and _name_item(tokens[start - 2]):
        start -= 2  # "Fish, " before "Food and Allied Workers union"
    if start == at:
        return phrases
    if start >= 1 and tokens[start - 1].lower == "the":
        start -= 1
    if start and not tokens[start - 1].punct and tokens[start - 1].lower not in CLAUSE_WORDS:
        return phrases  # the words before are no opening: "Vessa, Ostmark and ..." stays a list
    return (replace(body, start=tokens[start].start, common_start=tokens[start].lower == "the"),)


def _name_item(token: Token) -> bool:
    return token.capitalised and not token.punct and token.lower not in STOPWORDS


def _and_inside_name(tokens: list[Token], at: int, end: int) -> bool:
    """Whether "and" joins two capitalised words inside the name from ``tokens[at]``."""
    number = at + 1
    while number + 1 < len(tokens) and tokens[number].start < end:
        if (
            tokens[number].lower == "and"
            and tokens[number - 1].capitalised
            and tokens[number + 1].capitalised
        ):
            return True
        number += 1
    return False


def after_condition(tokens: list[Token], start: int) -> bool:
    """Whether the words at ``start`` follow "if", "unless" or "whether" (a hypothetical
    speaker) or "neither", "no" (nobody: "neither government has asked")."""
    for number, token in enumerate(tokens):
        if token.start == start:
            return number > 0 and tokens[number - 1].lower in _NOBODY_BEFORE
    return False


_NOBODY_BEFORE = frozenset({"if", "unless", "whether", "neither", "no", "nor"})


def after_preposition(tokens: list[Token], start: int) -> bool:
    """ "Seas at Risk North said": words right after a preposition are its object, not a subject."""
    for number, token in enumerate(tokens):
        if token.start == start:
            return number > 0 and tokens[number - 1].lower in PREPOSITIONS
    return False


_NO_OPENERS = STOPWORDS - DETERMINERS
"""Words no naming phrase opens with ("US" and "Said" are names: checked with their capitals)."""


def first_offset(phrase: Phrase) -> int:
    """Where the words of a phrase begin, its description or outlet included ("NPR's Peter ...")."""
    starts = [phrase.start]
    if phrase.description is not None:
        starts.append(phrase.description[0])
    if phrase.outlet is not None:
        starts.append(phrase.outlet[0])
    return min(starts)


_OPEN_A_CLAUSE = frozenset(
    form
    for form, frame in VERB_FORMS.items()
    if frame in {Frame.SPEECH, Frame.CLAUSE} and " " not in form and not form.startswith(("tel", "tol"))
)
"""Reporting verbs after which a clause, and so a subject, may open without "that" ("told" is
followed by whom it was told: "told our reporter: ...")."""


def opens_clause(tokens: list[Token], start: int) -> bool:
    """Whether the phrase starting at offset ``start`` opens a clause, as a subject does.

    In "Moira Sutherland, who runs Sutherland Seafoods, the town's largest processor, said"
    the company follows "runs": it is an object inside the aside, not the subject.
    """
    for number, token in enumerate(tokens):
        if token.start == start:
            if number == 0:
                return True
            # "Both Ostmark and Westmark said": the list opens with "both"
            first = number - 1 if tokens[number - 1].lower in {"both", "either", "neither"} else number
            if first == 0:
                return True
            previous = tokens[first - 1]
            # "Demens says mediators Ana Roe and Ivo Marek told ...": a reported clause opens
            return (
                previous.punct
                or previous.lower in _OPEN_A_CLAUSE
                or previous.lower
                in {
                    "and",
                    "but",
                    "while",
                    "as",
                    "which",
                    "that",
                    "who",
                    "whom",
                }
            )
    return True
