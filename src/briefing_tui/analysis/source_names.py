"""How a found source is written and what kind it is, from its words and its description.

Names are kept as written, but a capital that only opens the sentence is lowered ("Senior
officials" -> "senior officials"); a described name takes its kind from the head of the
description ("Petrolera Andina, the only oil company there" is a body).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing_tui.analysis.phrases import Phrase
from briefing_tui.analysis.source_windows import PREPOSITIONS
from briefing_tui.analysis.tokens import UPPER
from briefing_tui.analysis.vocabulary import (
    DETERMINERS,
    HEAD_KINDS,
    NOT_NAMES,
    ORGANIZATION_WORDS,
    OUTLET_WORDS,
    ROLE_WORDS,
)
from briefing_tui.model import SourceKind

__all__ = [
    "clean_spaces",
    "display_name",
    "full_names_in",
    "kind_fits",
    "kind_from_description",
    "surnames_in",
    "written_as_name",
]

_NAME_PAIR = re.compile(rf"[{UPPER}](?<!\w.)(?=([\w’'-]+)\s+([{UPPER}][\w’'-]+)\b)")
"""Two capitalised words in a row, found overlapping ("Donald John Trump" gives both pairs).

The match is the first word's capital, the rest of it and the second word are the groups:
a pattern that opens with a character class lets the engine skip to the next capital, where
one that opens with a look-ahead is tried at every position."""


_NAME_RUN = re.compile(rf"[{UPPER}](?<!\w.)[\w’'-]*(?:[ \t]+[{UPPER}][\w’'-]*)+")
"""Capitalised words in a row on one line: "Minister General Xavier Tembo"."""
_FORMS_OF_ONE_NAME = 4
"""Ways one person's name may be written ("Ana Tembo", "Rosa Ana Tembo", ...) before a surname
counts as shared by several people (and the names are not compared pairwise)."""
_LONGEST_NAME = 4
"""Words a personal name may have, surname included ("Juan Carlos de Vela" is cut to four)."""

_NOT_GIVEN = DETERMINERS | PREPOSITIONS | {"as", "after", "before", "since", "while", "when", "if", "but"}
"""Capitalised words that open a sentence before a possessive, never a given name."""


def surnames_in(texts: Iterable[str]) -> frozenset[str]:
    """Words used as the second of two capitalised words ("Trump" in "Donald Trump"), case-folded.

    A lone "Trump said" is then known to be a person rather than a body such as "Hamas".
    """
    not_surnames = ORGANIZATION_WORDS | OUTLET_WORDS
    found: set[str] = set()
    for text in texts:
        for match in _NAME_PAIR.finditer(text):
            first, second = (match.group() + match.group(1)).casefold(), match.group(2).casefold()
            if first not in _NOT_GIVEN:  # "Donald Trump's warning"; not "In Kashvar's capital"
                second = second.removesuffix("'s").removesuffix("’s")
            word = match.group() + match.group(1)
            acronym_first = len(word) > 1 and word.isupper()  # "10.45am BST Israel": no given name
            if _no_given_name(first):
                continue  # "Two Orvin officials", "Mediators Vessa and Orvin": no person's name
            if (
                first not in NOT_NAMES
                and second not in not_surnames
                and not match.group(2).isupper()
                and not acronym_first
            ):
                found.add(second)  # an acronym is a body's ("Kessa's KIS"), never a surname
    return frozenset(found)


def _no_given_name(first: str) -> bool:
    """A capitalised first word that cannot be a given name: a number or determiner, a plural
    role ("Mediators"), a body's noun ("Ministry"); a singular role ("President Trump") can
    stand before a surname and is kept."""
    plural_role = first.endswith("s") and first[:-1] in ROLE_WORDS
    return first in DETERMINERS or plural_role or (first in HEAD_KINDS and first not in ROLE_WORDS)


def full_names_in(texts: Iterable[str], surnames: frozenset[str]) -> dict[str, str]:
    """Each of ``surnames`` (case-folded) the text writes after a given name, with that name.

    "said Tembo" then names the person "Xavier Tembo" that "signed by junior Minister General
    Xavier Tembo" introduced: the guide's canonical name is the fullest the text uses, cited
    or not. Titles, roles and bodies before the given name are left out ("General", "Office
    of ..."); a surname written with two different given names is left alone.
    """
    found: dict[str, set[str]] = {}
    for text in texts:
        for run in _NAME_RUN.finditer(text):
            name = _name_ending_run(run.group().split())
            if name is not None and name[-1].casefold() in surnames:
                found.setdefault(name[-1].casefold(), set()).add(" ".join(name))
    ones = {surname: _one_name(names) for surname, names in found.items()}
    return {surname: name for surname, name in ones.items() if name is not None}


_NOT_PART_OF_NAME = (
    NOT_NAMES
    | ROLE_WORDS
    | ORGANIZATION_WORDS
    | OUTLET_WORDS
    | _NOT_GIVEN
    | {"mr", "mrs", "ms", "dr", "sir", "dame", "sheikh", "king", "queen", "prince", "emir"}
)
"""Capitalised words that open a title, a role or a body's name before a person's given name."""


def _name_ending_run(words: list[str]) -> list[str] | None:
    """The personal name that ends a run of capitalised words, if it has a given name.

    An acronym is no surname ("Turkey's MIT"), and a possessive ends what stands before a
    name ("Kessa's Anna Tembo").
    """
    words[-1] = words[-1].removesuffix("'s").removesuffix("’s")
    if words[-1].isupper():
        return None
    name: list[str] = []
    for word in reversed(words):
        acronym = len(word) > 1 and word.isupper()  # "BST", "UN": no given name
        if (
            word.casefold() in _NOT_PART_OF_NAME
            or word.endswith(_POSSESSIVE)
            or acronym
            or len(name) == _LONGEST_NAME
        ):
            break
        name.insert(0, word)
    return name if len(name) >= 2 else None


_POSSESSIVE = ("'s", "’s", "s'", "s’")


def _one_name(names: set[str]) -> str | None:
    """The one name not the tail of a longer one ("Ana Tembo" within "Rosa Ana Tembo"), if one."""
    if len(names) > _FORMS_OF_ONE_NAME:  # many given names for one surname: a family, or a hostile text
        return None
    longest = [name for name in names if not any(other.endswith(f" {name}") for other in names)]
    return longest[0] if len(longest) == 1 else None


def written_as_name(text: str, phrase: Phrase) -> bool:
    """ "told Harbour Radio", "told Channel 12", "told the Reuters news agency": a capital after
    the opening word; "told state radio" names only a medium."""
    words = [word for word in text[phrase.start : phrase.end].split() if not word.isdigit()]
    if not words:
        return False
    named_inside = phrase.kind is SourceKind.OUTLET and any(word[:1].isupper() for word in words[1:])
    return words[-1][:1].isupper() or named_inside


def kind_fits(kind: SourceKind | None, kinds: frozenset[SourceKind]) -> bool:
    """A lone capitalised word (kind None) may be the person a shape asks for."""
    return kind in kinds if kind is not None else SourceKind.NAMED_PERSON in kinds


_PLAIN_ADJECTIVES = frozenset(
    [
        "senior",
        "junior",
        "top",
        "former",
        "high-ranking",
        "high-level",
        "mid-level",
        "low-level",
        "local",
        "regional",
        "veteran",
        "independent",
        "anonymous",
        "unnamed",
        "unidentified",
        "further",
        "additional",
        "acting",
        "deputy",
        "chief",
        "lead",
    ]
)
"""Openers that are common words even before a capitalised one: "Senior U.S. officials"."""


_PROPER_ADJECTIVES = frozenset(
    ["arab", "european", "western", "eastern", "gulf", "african", "asian", "nordic", "baltic"]
)


def kind_from_description(phrase: Phrase, description: str | None) -> SourceKind | None:
    """ "Petrolera Andina, the only oil company still operating there": a name described by a
    body's noun is that body; described by a role ("the union's president"), a person.

    The head is read before any preposition: "a senior fellow at the Trade Institute" says
    nothing of a body.
    """
    if (
        description is None
        or phrase.kind not in {None, SourceKind.NAMED_PERSON}
        or phrase.name_start is not None
    ):
        return phrase.kind
    head: SourceKind | None = None
    words = description.casefold().replace("’", "'").split()
    if words[:1] in (["a"], ["an"]) and any(_is_agent_noun(word) for word in words[1:4]):
        return SourceKind.NAMED_PERSON  # "Darnell Price, a crane operator": a person's trade
    for written in words:
        word = written.removesuffix("'s")
        if word in _DESCRIPTION_STOPS:
            break
        if word in ROLE_WORDS:
            return SourceKind.NAMED_PERSON
        if word == written:  # a possessive owner ("the union's") is not the head
            head = HEAD_KINDS.get(word, head)
    if head is None:
        return phrase.kind
    return SourceKind.ORGANIZATION if head is SourceKind.ORGANIZATION else SourceKind.NAMED_PERSON


def _is_agent_noun(word: str) -> bool:
    """A noun for someone who does something ("a farmer", "a historian"); "a carmaker" and "an
    operator" are listed as bodies in `vocabulary.HEAD_KINDS` and stay bodies."""
    agent = len(word) > 4 and word.isalpha() and word.endswith(("er", "or", "ist", "ian"))
    return agent and word != "other" and HEAD_KINDS.get(word) is not SourceKind.ORGANIZATION


_DESCRIPTION_STOPS = frozenset(
    ["of", "at", "in", "for", "from", "near", "with", "on", "who", "which", "that"]
)


_CHANNEL_END = re.compile(r"(?<= News)(?: TV)? channel$|(?<= TV) (?:channel|network)$")
"""The words after an outlet's own name: "Orel News TV channel", "Kessa TV network"."""


def display_name(text: str, phrase: Phrase) -> str:
    """The phrase as written; a capital that only opens the sentence is lowered ("Senior officials")."""
    name = clean_spaces(
        text[phrase.name_start if phrase.name_start is not None else phrase.start : phrase.end]
    )
    if phrase.kind is SourceKind.OUTLET:
        own = _CHANNEL_END.sub("", name)  # "Orel News TV channel" is Orel News, not "the TV"
        name = own if own.lower().removeprefix("the ") not in {"tv", "news"} else name
    if phrase.name_start is not None and phrase.kind is SourceKind.OUTLET:
        return name
    if not phrase.common_start or phrase.name_start is not None:
        return name
    words = name.split(" ", 2)
    if words[0].lower() in _PROPER_ADJECTIVES:
        return name  # "Arab countries", "European parties"
    opener = words[0].lower()
    named = len(words) > 1 and (words[1][:1].isupper() or words[1][:1].isdigit())
    if named and opener not in DETERMINERS | _PLAIN_ADJECTIVES:
        return name  # "State Department", "Channel 12": the capital is the name's own
    return name[:1].lower() + name[1:]


def clean_spaces(text: str) -> str:
    return " ".join(text.split())
