"""A person named with the body they belong to: "Orin Dace of the Harrow Centre said"; a body
named with the place it is based in: "Vancouver-based Western Forest Products said".

The name is the person's, so the source is listed under "Orin Dace" and the body after "of",
"from" or "at" is what the text says about them (docs/labelling.md, section 2: a source's name
is the fullest name the text uses, its description what the text says about it). A phrase
whose words before "of" hold a head noun or a role ("the Ministry of ...", "Reserve Bank of
...", "A spokesman of ...") names a body or an office, and is left whole.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing_tui.analysis.mentions import Found
from briefing_tui.analysis.vocabulary import HEAD_KINDS, OUTLET_WORDS, ROLE_WORDS
from briefing_tui.model import SourceKind

__all__ = ["person_before_affiliation", "without_base", "without_description"]

_PERSON_THEN_BODY = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z][\w'’-]+|al|bin|ibn|de|van|von)){1,3})"
    r"[ \t]+(?P<link>of|from|at)[ \t]+"
)
"""Two to four capitalised words (with the particles of names), then "of", "from" or "at"."""


_MAY_HOLD_A_PERSON = frozenset({None, SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION})
"""A phrase's kind comes from its last head ("... of the Harrow Centre" is a body's), so a
person before the affiliation hides in a phrase of either kind."""

_NOT_PEOPLE = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "our",
        "their",
        "its",
        "his",
        "her",
        "republic",
        "kingdom",
        "emirate",
        "emirates",
        "state",
        "states",
        "city",
        "province",
        "region",
        "port",
        "people",
        "friends",
        "sons",
        "daughters",
        "united",
        "islamic",
        "democratic",
        "federal",
        "national",
        "royal",
        "supreme",
        "grand",
        "holy",
        "new",
        "east",
        "west",
        "north",
        "south",
        "central",
        "great",
        "international",
        "european",
        "african",
        "asian",
        "arab",
        "confederation",
    ]
)
"""Words of a place's or a body's name with no head noun ("Islamic Republic of ...", "Port of
..."), and determiners, which open no person's name ("The Confederation of ...")."""


def person_before_affiliation(text: str, item: Found) -> Found:
    """``item`` named by the person alone when its phrase is a name then an affiliation."""
    phrase = item.phrase
    if item.pronoun is not None or phrase.kind not in _MAY_HOLD_A_PERSON:
        return item
    match = _PERSON_THEN_BODY.match(text, phrase.start, phrase.end)
    if match is None or match.end() >= phrase.end:
        return item
    words = [word.lower() for word in match.group("name").split()]
    if any(
        word in HEAD_KINDS or word in ROLE_WORDS or word in OUTLET_WORDS or word in _NOT_PEOPLE
        for word in words
    ):
        return item  # "The Ministry of Foreign Affairs", "Reserve Bank of Ostmark"
    name_end = match.start() + len(match.group("name"))
    person = replace(phrase, end=name_end, kind=SourceKind.NAMED_PERSON)
    described = item.description or (match.start("link"), phrase.end)  # "of the Harrow Centre"
    return replace(item, phrase=person, description=described)


_BASED = re.compile(
    r"(?:[Tt]he[ \t]+)?[A-Z][\w'’.]*-(?:based|backed|led|run|rich|owned|funded|sponsored|controlled"
    r"|linked|allied|aligned|affiliated|supported|dominated)[ \t]+(?=[A-Z])"
)
"""Where a body is based or who backs it, before its name: "Vancouver-based Western Forest
Products", "Iran-backed Hezbollah", "Oil-rich Saudi Arabia" (the name is the body's alone)."""


def without_base(text: str, item: Found) -> Found:
    """``item`` named without the place it is based in ("Vancouver-based Western Forest
    Products" is Western Forest Products); the span keeps the words as written."""
    phrase = item.phrase
    if item.pronoun is not None or phrase.name_start is not None:
        return item
    match = _BASED.match(text, phrase.start, phrase.end)
    if match is None:
        return item
    kind = SourceKind.ORGANIZATION if phrase.kind in (None, SourceKind.NAMED_PERSON) else phrase.kind
    return replace(item, phrase=replace(phrase, name_start=match.end(), kind=kind))


_DESCRIBED_BODY = re.compile(
    r"(?:[Tt]he|[Aa]n?|[A-Z][\w-]*['’]s)[ \t]+(?:[a-z][\w-]*-[\w-]+[ \t]+)+(?=[A-Z])"
)
"""Hyphenated words that say what a body is before its name: "the semi-official Fars news
agency", "the state-run Kessa Radio", "Velmar's state-owned Kessa TV"."""


def without_description(text: str, item: Found) -> Found:
    """An outlet or a body named without the hyphenated words that describe it ("the
    semi-official Fars news agency" is Fars news agency); the span keeps them."""
    phrase = item.phrase
    if item.pronoun is not None or phrase.name_start is not None:
        return item
    if phrase.kind not in (SourceKind.OUTLET, SourceKind.ORGANIZATION):
        return item
    match = _DESCRIBED_BODY.match(text, phrase.start, phrase.end)
    return item if match is None else replace(item, phrase=replace(phrase, name_start=match.end()))
