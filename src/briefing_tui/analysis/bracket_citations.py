"""Outlets cited in brackets at the end of a sentence, as think-tank briefs and news digests
write them: "Talks stalled on Monday [Korvath Times].", "The envoy left without a deal.
(Ostel Herald)", "... the text was ready [Brask Courier; Velmar Radio]."

The bracket names where the claim was reported, so each name in it is an outlet source
(docs/labelling.md, section 2: an outlet named as the channel of a claim). A bracket is read as
a citation only where a citation stands: right before the end of its sentence, or right after
it, and never right after a capitalised word, where a bracket spells out or shortens the name
before it ("the Islamic Resistance Movement (Hamas)", "the Kestrel News Agency (KNA)"). Times,
dates, figures, one-letter marks ("(E)") and translators' notes ("[Literal translation: ...]")
are no citations, nor is the credit after a photo caption ("... is seen on May 2. (AFP)").
One regular-expression pass per paragraph: linear in its length.
"""

from __future__ import annotations

import re

from briefing_tui.analysis.mentions import Mention
from briefing_tui.analysis.vocabulary import OUTLET_SYNONYMS, TIME_WORDS
from briefing_tui.model import SourceKind

__all__ = ["bracketed_outlets"]

_NAME = r"(?:[A-Z][\w'’.&-]*|al-[\w'’-]+)(?: (?:[A-Z][\w'’.&-]*|of|the|al|de|el|for|and|al-[\w'’-]+)){0,5}"
_CITATION = re.compile(r"[\[(](?P<names>" + _NAME + r"(?:[;,] ?" + _NAME + r"){0,3})[\])]")
"""A bracket of one to four capitalised names (where it stands is checked after)."""
_AT_END = re.compile(r"[ \t]*(?:[.;!?]|$|\n)")

_SEPARATOR = re.compile(r"[;,] ?")

_CAPTION = re.compile(
    r"\b(?:(?:is|are|was|were) (?:seen|pictured|shown)|pictured|photographed|file photo|poses|gestures)\b",
    re.IGNORECASE,
)
"""What a photo caption says of its picture: "A view of the port is seen on March 3. (AFP)".
The bracket after such a sentence credits the photograph; it is the channel of no claim."""

_NOT_OUTLETS = frozenset(
    [
        "gmt",
        "utc",
        "est",
        "edt",
        "cet",
        "photo",
        "file",
        "video",
        "map",
        "graphic",
        "updated",
        "aka",
        "e",
        "ed",
        "note",
        "translation",
        "sic",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
"""First words of bracketed notes that cite nobody: times, months, editors' marks."""


def bracketed_outlets(text: str) -> list[Mention]:
    """Every outlet ``text`` cites in brackets at a sentence's end, in order."""
    mentions: list[Mention] = []
    for match in _CITATION.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()]
        after_sentence = before.rstrip(" \t")[-1:] in {".", "!", "?", "”", '"'}
        at_end = _AT_END.match(text, match.end()) is not None
        if not (after_sentence or at_end) or (not after_sentence and _after_capitalised(before)):
            continue
        if _CAPTION.search(text, 0, match.start()):
            continue
        start = match.start("names")
        for part in _SEPARATOR.split(match.group("names")):
            offset = text.index(part, start)
            start = offset + len(part)
            if _cites(part):
                mentions.append(Mention(offset, offset + len(part), _name_of(part), SourceKind.OUTLET))
    return mentions


def _after_capitalised(before: str) -> bool:
    """Whether the word right before the bracket is capitalised: the bracket names what it follows."""
    words = before.rstrip().rsplit(None, 1)
    # A capitalised time ("on Monday [Korvath Times]") names nothing the bracket could shorten.
    return bool(words) and words[-1][:1].isupper() and words[-1].lower().strip(".,") not in TIME_WORDS


def _cites(name: str) -> bool:
    """Whether a bracketed name can be an outlet: no note, no figure, no lone initial; an acronym
    only when it is a news agency's ("(AFP)"), since "(UN)" or "(EU)" abbreviate a body."""
    words = name.split()
    if words[0].lower().strip(".") in _NOT_OUTLETS or len(name) < 2 or any(c.isdigit() for c in name):
        return False
    if len(words) == 1 and name.isupper():
        return name.lower() in OUTLET_SYNONYMS
    return True


def _name_of(name: str) -> str:
    return name[4:] if name.startswith("The ") else name
