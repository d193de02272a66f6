"""What kind of source a naming phrase names, from its head noun, its name and its context.

The parser in `phrases` finds where a phrase begins and ends; this module says who it is:
a head noun decides a common phrase ("officials" are officials, "the ministry" a body), a
capitalised name is an outlet, a body or a person by its words ("Harbour Radio", "NJ
Transit", "Medics Without Walls", "Ana Roe"), and a few words around them change the kind
("Ukraine's General Staff" is a body, "a member of the delegation" an official).
"""

from __future__ import annotations

from briefing_tui.analysis.tokens import Token, TokenType
from briefing_tui.analysis.vocabulary import (
    HEAD_KINDS,
    ORGANIZATION_WORDS,
    OUTLET_NAMES,
    OUTLET_WORDS,
    PLACE_NAMES,
    ROLE_WORDS,
    TITLED_JOINERS,
)
from briefing_tui.model import SourceKind

__all__ = ["head_kind", "kind_in_context", "name_kind"]


_ON_AIR = frozenset({"tv", "television", "radio", "news"})


_MOVEMENTS = frozenset(
    {"rebels", "militants", "insurgents", "separatists", "guerrillas", "guerillas", "jihadists", "insurgency"}
)
"""Members of an armed movement: "the rebels said" is the movement's voice, "two rebels" are people."""


def _movement_voice(tokens: list[Token], index: int, words: list[int]) -> bool:
    """ "the rebels", "the Kessan militants": an armed movement named by its members, with
    "the" and no number, speaks as one body (docs/labelling.md, section 8)."""
    if tokens[words[-1]].base_lower not in _MOVEMENTS or tokens[index].lower != "the" or words[0] == index:
        return False
    return not any(tokens[word].text.isdigit() or tokens[word].lower in _COUNTS for word in words)


_COUNTS = frozenset({"two", "three", "four", "five", "several", "some", "many", "few", "other", "individual"})


def head_kind(tokens: list[Token], index: int, words: list[int]) -> SourceKind:
    """The kind a phrase ending in the head noun ``tokens[words[-1]]`` names."""
    head = tokens[words[-1]]
    if _movement_voice(tokens, index, words):
        return SourceKind.ORGANIZATION
    kind = HEAD_KINDS.get(head.base_lower, SourceKind.ANONYMOUS)
    if head.capitalised and head.lower in ORGANIZATION_WORDS and len(words) > 1:
        kind = SourceKind.ORGANIZATION  # "Ukraine's General Staff" is a body, "staff" are people
    if (
        head.capitalised
        and words[-1] != index
        and head.base_lower.endswith("s")  # "The Ministers"; not the possessive of "Harbour TV's"
        and kind is not SourceKind.ORGANIZATION
    ):
        kind = SourceKind.ORGANIZATION  # "The Ministers", "the Delegations": a joint statement's voice
    if (
        kind is SourceKind.ANONYMOUS
        and head.capitalised
        and len(words) > 2
        and all(
            tokens[word].capitalised or tokens[word].lower in {"of", "the", "for", "and"} for word in words
        )
    ):
        kind = SourceKind.ORGANIZATION  # "Lakes Peace Women", "Mothers of the Missing": a body's name
    if (
        head.lower in {"agency", "service"}
        and len(words) > 1
        and tokens[words[-2]].lower in {"news", "press", "wire"}
    ):
        kind = SourceKind.OUTLET  # "the Tasnim news agency", "Reuters news service"
    if head.lower == "authority" and len(words) > 1 and tokens[words[-2]].lower == "broadcasting":
        kind = SourceKind.OUTLET  # "the Velmar broadcasting authority" is a broadcaster
    if head.lower == "network" and len(words) > 1 and tokens[words[-2]].lower in _ON_AIR:
        kind = SourceKind.OUTLET  # "the Kessa TV network"
    return kind


def kind_in_context(tokens: list[Token], words: list[int], end: int, kind: SourceKind) -> SourceKind:
    """The kind a phrase's other words give it: "the Office of the U.S. Trade Representative"
    is a body, "a member of the delegation" an official."""
    first = tokens[words[0]]
    if (
        first.capitalised
        and first.lower in ORGANIZATION_WORDS
        and len(words) > 1
        and tokens[words[1]].lower in {"of", "for"}
    ):
        return SourceKind.ORGANIZATION
    if tokens[words[-1]].base_lower in {"member", "members"}:
        tail = (HEAD_KINDS.get(token.base_lower) for token in tokens[words[-1] + 1 : end])
        if any(found is SourceKind.ORGANIZATION for found in tail):
            return SourceKind.OFFICIAL
    return kind


_EDITIONS = frozenset(
    {
        *("arabic", "english", "persian", "farsi", "french", "spanish", "turkish", "russian"),
        *("chinese", "hebrew", "urdu", "hindi", "international", "online", "digital"),
    }
)
"""Words after an outlet's own word that name its edition: "Kessa News Arabic"."""


def _outlet_before_tail(lowered: list[str]) -> bool:
    """ "Kessa News Arabic", "The Times of Velmar": an outlet's word before an edition or "of"."""
    if len(lowered) > 1 and lowered[-1] in _EDITIONS and lowered[-2] in OUTLET_WORDS:
        return True
    joint = lowered.index("of") if "of" in lowered[1:] else 0
    return joint > 0 and lowered[joint - 1] in OUTLET_WORDS


_OUTLET_OPENERS = frozenset({"radio", "television", "tv", "channel", "daily", "weekly"})
"""First words that make a name an outlet when no body's word follows: "Radio Vessa", "Daily
Sentinel" (but "Radio Workers Union" is a union)."""


_OUTLET_CLOSERS = frozenset({"today", "tonight", "now", "live"})
"""Last words of a broadcaster's or programme's title: "Valley Today", "Harbour Tonight"."""


def _outlet_opening(lowered: list[str]) -> bool:
    """ "Radio Vessa", "Daily Sentinel", "Valley Today": a name an outlet's word opens or a
    title's time word closes."""
    if len(lowered) > 1 and lowered[-1] in _OUTLET_CLOSERS:
        return True
    return (
        len(lowered) > 1
        and lowered[0] in _OUTLET_OPENERS
        and not any(word in ORGANIZATION_WORDS for word in lowered[1:])
    )


def _outlet_name(plain: str, lowered: list[str]) -> bool:
    """Whether a name's words name an outlet: "Harbour Gazette", "Radio Vessa", "Valley Today";
    not "the Ministry of Irrigation and Broadcasting", a body that ends in an outlet's word."""
    if len(lowered) > 2 and lowered[0] in ORGANIZATION_WORDS and lowered[1] in {"of", "for"}:
        return False
    known = plain.replace("-", " ")
    before_last = " ".join(lowered[:-1]).replace("-", " ")
    return (
        known in OUTLET_NAMES
        or plain in OUTLET_NAMES  # "Agence France-Presse" is listed with its hyphen
        or before_last in OUTLET_NAMES  # "al-Jazeera Kessan", "BBC Vessan": a known outlet's edition
        or lowered[-1] in OUTLET_WORDS
        or _outlet_before_tail(lowered)
        or _outlet_opening(lowered)
        or _outlet_compound(lowered)
    )


_OUTLET_SUFFIXES = ("press", "news", "post", "times", "wire", "media", "radio", "fax", "gazette", "herald")
"""Outlet words that close a one-word outlet's name: "Nordpress", "Vestnews", "Tallpost"."""
_STEM_LETTERS = 3


def _outlet_compound(lowered: list[str]) -> bool:
    """ "told Nordpress": one word made of a stem and an outlet's word is an outlet's name; a
    word no longer than the outlet's word and a short stem ("Cypress") is not."""
    if len(lowered) != 1:
        return False
    word = lowered[0]
    return any(
        word.endswith(suffix) and len(word) >= len(suffix) + _STEM_LETTERS for suffix in _OUTLET_SUFFIXES
    )


def _initial(token: Token) -> bool:
    """ "K." in "Ana K. Roe", "H.L." in "H.L. Dattu": a person's initials, not a body's letters
    ("U.N.", "U.S." stay a body's)."""
    letters = token.text.replace(".", "")
    dotted = token.text.endswith(".") and len(token.text) == 2 * len(letters)
    return dotted and len(letters) <= 2 and token.lower not in _BODY_INITIALS


_BODY_INITIALS = frozenset({"u.s.", "u.n.", "u.k.", "e.u.", "d.c."})


def name_kind(names: list[Token], determiner: Token | None) -> tuple[SourceKind | None, bool]:
    """The kind a run of capitalised words names (None: a lone word only context can tell),
    and whether its opening capital may be a sentence's rather than the name's own."""
    lowered = [token.lower for token in names[:-1]] + [names[-1].base_lower]  # "Harbour TV's"
    if len(lowered) > 1 and lowered[-1].isdigit():
        lowered = lowered[:-1]  # "Channel 12" is named by its first word
    plain = " ".join(lowered)
    if _outlet_name(plain, lowered):
        return SourceKind.OUTLET, True
    if plain in PLACE_NAMES or names[-1].text.isdigit() or any(token.text.isdigit() for token in names[1:-1]):
        return SourceKind.ORGANIZATION, False  # "Saudi Arabia said", "Local 44"
    if len(lowered) > 2 and lowered[0] in ROLE_WORDS and lowered[1] in {"of", "for"}:
        return SourceKind.OFFICIAL, True  # "the Minister of Finance"
    acronym = len(names) == 1 and names[0].type is TokenType.ACRONYM
    # "H.L. Dattu", "J. Frederick Motz": initials open a person's name.
    initialled = (
        len(names) > 1 and _initial(names[0]) and all(name.type is TokenType.WORD for name in names[1:])
    )
    # "NJ Transit", "UN Office": a word in capitals makes a name a body, not a person.
    # A middle initial ("Ana K. Roe") is no word in capitals.
    capitals = len(names) > 1 and any(
        len(t.text) >= 2 and t.text.isupper() and t.lower not in ROLE_WORDS and not _initial(t) for t in names
    )
    organised = any(word in ORGANIZATION_WORDS or word in TITLED_JOINERS for word in lowered)
    if not initialled and (determiner is not None or acronym or capitals or organised):
        return SourceKind.ORGANIZATION, True
    if len(names) == 1 and names[0].type is not TokenType.CASELESS:
        return None, False
    return SourceKind.NAMED_PERSON, False
