"""Pronouns linked inside one paragraph: "Ana Roe held a photo. “...,” she said."

Only when exactly one candidate of the right kind stands before the pronoun (a person for
"he"/"she", a body opening a sentence for "it"); otherwise the registry links the pronoun
to an earlier speaker, or leaves it alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing_tui.analysis.mentions import Mention
from briefing_tui.analysis.phrases import Phrase, parse_phrase
from briefing_tui.analysis.source_names import display_name
from briefing_tui.analysis.source_windows import HARD_STOPS, INTRODUCERS, PREPOSITIONS, WINDOW
from briefing_tui.analysis.tokens import Token, tokenize
from briefing_tui.analysis.vocabulary import DOCUMENT_NOUNS, GENERIC_BODIES, HEAD_KINDS
from briefing_tui.model import SourceKind

__all__ = ["with_antecedents"]


def with_antecedents(text: str, mentions: list[Mention]) -> list[Mention]:
    """Pronoun mentions with the person or body named between them and the attribution before;
    a definite description of a body ("The forum said") after the sentence that names it
    ("The Hostages' Families Forum held a march.") with that name as a mention before it."""
    mentions = [mention for mention in mentions if not _stands_for_a_record(text, mention)]
    if not mentions:
        return mentions
    if _is_definite_body(mentions[0]):
        return _with_named_body(text, mentions)
    link = _LINKS.get(mentions[0].pronoun or "")
    # Only a pronoun that comes first: a speaker earlier in the paragraph is nearer than any other name.
    return link(text, mentions) if link is not None else mentions


def _with_named_body(text: str, mentions: list[Mention]) -> list[Mention]:
    body = _only_body(text, max(0, mentions[0].start - WINDOW), mentions[0].start)
    return [body, *mentions] if body is not None and _described_by(body, mentions[0]) else mentions


def _with_body(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "The Russian mission abstained. It said ...": "it" is linked to the body."""
    first = mentions[0]
    body = _only_body(text, max(0, first.start - WINDOW), first.start)
    if body is None:
        return mentions
    return [Mention(first.start, first.end, first.name, None, None, first.pronoun, body), *mentions[1:]]


def _with_person(text: str, mentions: list[Mention]) -> list[Mention]:
    """The person named before the quotation is its speaker too: "Ana Roe held a photo. “...,” she said."."""
    return _with_speaker(text, mentions, _only_person)


def _with_group(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Gulf states pledged $3bn. They said ...": the group is named as the speaker too."""
    return _with_speaker(text, mentions, _only_group_outside_report)


def _only_group_outside_report(text: str, start: int, end: int) -> Mention | None:
    """The group of `_only_group`, unless it opens the very sentence that "..., they said"
    reports: in "The parties have agreed on a truce, they said" the parties are what the
    speakers (named earlier) said something about, not the speakers."""
    group = _only_group(text, start, end)
    if group is None or not text[:end].rstrip().endswith(","):
        return group
    between = text[group.end : end]
    return None if not any(mark in between for mark in (".", "!", "?", "\n")) else group


def _with_speaker(
    text: str, mentions: list[Mention], only: Callable[[str, int, int], Mention | None]
) -> list[Mention]:
    # The one candidate ``only`` finds before the pronoun becomes a mention and its antecedent.
    first = mentions[0]
    speaker = only(text, max(0, first.start - WINDOW), first.start)
    if speaker is None:
        return mentions
    return [
        speaker,
        Mention(first.start, first.end, first.name, None, None, first.pronoun, speaker),
        *mentions[1:],
    ]


_RECORDS_WITHOUT_OWNER = DOCUMENT_NOUNS | frozenset(
    {"declaration", "text", "deal", "agreement", "accord", "document"}
)
_RECORD_SPOKE = re.compile(
    r"\b(?:the|this|that)[ \t]+(?:([a-z][\w-]*)[ \t]+){0,2}?("
    + "|".join(sorted(_RECORDS_WITHOUT_OWNER))
    + r")[ \t]+(?:said|says|stated|states|reads|read|added|adds)\b[^.!?]*[.!?][”\"]?\s+$"
)
"""A record with no owner named before it speaking in the sentence just before: "..., the
statement said. It also named March ..." ("it" is the statement, which has no speaker)."""
_RECORD_REACH = 240


def _stands_for_a_record(text: str, mention: Mention) -> bool:
    """Whether "it" opens a sentence right after one in which a record without an owner spoke:
    it stands for the record, and names no source (docs/labelling.md: documents without a
    speaker have no source)."""
    if mention.pronoun != "it":
        return False
    found = _RECORD_SPOKE.search(text, max(0, mention.start - _RECORD_REACH), mention.start)
    return found is not None and all(word is None or word not in HEAD_KINDS for word in found.groups()[:1])


_LINKS = {"he": _with_person, "she": _with_person, "it": _with_body, "they": _with_group}
"""How each pronoun that opens a paragraph's mentions finds its candidate in the paragraph."""


def _is_definite_body(mention: Mention) -> bool:
    """ "The forum", "the umbrella group": a body named by "the" and common words only."""
    words = mention.name.split()
    return (
        mention.pronoun is None
        and mention.kind is SourceKind.ORGANIZATION
        and 2 <= len(words) <= 3
        and words[0].casefold() == "the"
        and all(word.islower() for word in words[1:])
    )


def _described_by(body: Mention, description: Mention) -> bool:
    """Whether the head of ``description`` names ``body``, a body written as a name: a word of
    its name ("the forum" for the Hostages' Families Forum) or a noun any body answers to
    ("the group")."""
    words = body.name.split()
    if not any(word[:1].isupper() for word in words[1:]):
        return False  # "The civil aviation authority", "The union": no name to mention
    head = description.name.split()[-1].casefold()
    named = {word.casefold().removesuffix("'s").removesuffix("’s") for word in words}
    return head in named or head in GENERIC_BODIES


_OPENING_PHRASES = frozenset({"outside", "inside", "amid", "despite"})


def _subject_start(tokens: list[Token], opening: int) -> int | None:
    """Where the subject of the sentence opening at ``opening`` starts, after "In Gaza," or
    "Outside the venue,"."""
    low = tokens[opening].lower
    if low not in _OPENING_PHRASES and low not in INTRODUCERS and low not in PREPOSITIONS:
        return opening
    for number in range(opening + 1, min(len(tokens) - 1, opening + 8)):
        if tokens[number].text == ",":
            return number + 1
        if tokens[number].punct:
            return None
    return None


def _only_body(text: str, start: int, end: int) -> Mention | None:
    """The one body that opens a sentence in ``text[start:end]``, if exactly one: "The Russian
    mission abstained. It said ..." (a body only acting is still what "it" stands for)."""
    tokens = tokenize(text, start, end)
    found: dict[str, Mention] = {}
    for opening, token in enumerate(tokens):
        if token.punct or (opening and tokens[opening - 1].text not in HARD_STOPS):
            continue
        number = _subject_start(tokens, opening)  # "Outside the venue, the Coalition staged ..."
        if number is None:
            continue
        parsed = parse_phrase(tokens, number, len(tokens))
        phrase = parsed.phrases[0] if parsed is not None and len(parsed.phrases) == 1 else None
        if phrase is None or phrase.kind is not SourceKind.ORGANIZATION or _plural_head(tokens, phrase):
            continue  # "The two sides also agreed ..., it said": "it" is never a plural body
        mention = Mention(phrase.start, phrase.end, display_name(text, phrase), SourceKind.ORGANIZATION)
        found.setdefault(mention.name.casefold().removeprefix("the "), mention)
    return next(iter(found.values())) if len(found) == 1 else None


def _only_group(text: str, start: int, end: int) -> Mention | None:
    """The one group named in the plural that opens a sentence in ``text[start:end]``, if
    exactly one: "Gulf states, new contributors, pledged $3bn. They said ..."."""
    tokens = tokenize(text, start, end)
    found: dict[str, Mention] = {}
    for opening, token in enumerate(tokens):
        if token.punct or (opening and tokens[opening - 1].text not in HARD_STOPS):
            continue
        number = _subject_start(tokens, opening)
        parsed = parse_phrase(tokens, number, len(tokens)) if number is not None else None
        phrase = parsed.phrases[0] if parsed is not None and len(parsed.phrases) == 1 else None
        if phrase is None or phrase.kind in {None, SourceKind.NAMED_PERSON, SourceKind.OUTLET}:
            continue
        if not _plural_head(tokens, phrase):
            continue
        mention = Mention(phrase.start, phrase.end, display_name(text, phrase), phrase.kind)
        found.setdefault(mention.name.casefold().removeprefix("the "), mention)
    return next(iter(found.values())) if len(found) == 1 else None


def _plural_head(tokens: list[Token], phrase: Phrase) -> bool:
    """Whether the phrase's head noun (its last word before any tail) is a common plural:
    "Gulf states", "the four parties", "Neighbours" (not "the union", "the Velmar Mothers Network")."""
    words = [token for token in tokens if phrase.start <= token.start < phrase.end and not token.punct]
    tail = next(
        (number for number, token in enumerate(words) if number and token.lower in _TAIL_STARTS), None
    )
    head = words[(tail or len(words)) - 1]
    low = head.base_lower
    common = not head.capitalised or head is words[0]  # a capital that only opens the sentence
    return common and low.endswith("s") and not low.endswith("ss")


_TAIL_STARTS = frozenset({"of", "for", "from", "in", "at", "on", "with", "who", "familiar", "close"})


def _who_follows(tokens: list[Token], number: int) -> bool:
    return (
        number + 1 < len(tokens)
        and tokens[number].text == ","
        and tokens[number + 1].lower in {"who", "whose"}
    )


def _only_person(text: str, start: int, end: int) -> Mention | None:
    """The one personal name (two capitalised words or more) in ``text[start:end]``, if exactly one."""
    tokens = tokenize(text, start, end)
    found: list[Mention] = []
    number = 0
    while number < len(tokens):
        token = tokens[number]
        opens = number == 0 or tokens[number - 1].text in HARD_STOPS
        if opens and token.lower in PREPOSITIONS | INTRODUCERS:
            number += 1  # "Near Khulna, Nasreen Akter ...": the opening preposition names nobody
            continue
        parsed = parse_phrase(tokens, number, len(tokens)) if token.capitalised and not token.punct else None
        if parsed is None:
            number += 1
            continue
        for phrase in parsed.phrases:
            # A lone capital that opens a sentence says nothing; "Ana Roe held..." does.
            who = _who_follows(tokens, parsed.next)  # "Olena, whose son ..., she said"
            lone = opens and phrase.name_start is None and phrase.description is None
            lone = lone and " " not in text[phrase.start : phrase.end] and not who
            if (phrase.kind is SourceKind.NAMED_PERSON or (phrase.kind is None and who)) and not lone:
                described = (
                    text[phrase.description[0] : phrase.description[1]] if phrase.description else None
                )
                found.append(
                    Mention(
                        phrase.start,
                        phrase.end,
                        display_name(text, phrase),
                        SourceKind.NAMED_PERSON,
                        described,
                    )
                )
        number = max(parsed.next, number + 1)
    names = {mention.name for mention in found}
    return found[-1] if len(names) == 1 else None
