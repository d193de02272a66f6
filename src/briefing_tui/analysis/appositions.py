"""Appositions: an aside between commas that describes a source, or names it.

"Mohamed Nasr, the lead negotiator from Egypt, said": the source is the name, the aside its
description; "One, Finance Minister Ilan Vered, said" and "The state mining company, Minval,
said": the aside is the source's name.
"""

from __future__ import annotations

from dataclasses import replace

from briefing_tui.analysis.mentions import Found
from briefing_tui.analysis.noun_phrases import (
    APPOSITIVE_TOKENS,
    after_preposition,
    first_offset,
    opens_clause,
    phrases_ending_at,
)
from briefing_tui.analysis.phrases import Parsed, Phrase, parse_phrase
from briefing_tui.analysis.source_windows import INTRODUCERS, PREPOSITIONS
from briefing_tui.analysis.tokens import Token
from briefing_tui.analysis.vocabulary import DETERMINERS, HEAD_KINDS, ROLE_WORDS, STOPWORDS
from briefing_tui.model import SourceKind

__all__ = [
    "appositive_subject",
    "named_before_role",
    "outside_preposition",
    "with_appositive",
    "with_description_after",
]


def _singular_trade(tokens: list[Token], role: Phrase) -> bool:
    """ "master of the Sea Lark", "a crane driver": one unnamed person, without office, whose
    words may describe the person named before the comma; "residents" may not."""
    if role.kind is not SourceKind.ANONYMOUS:
        return False
    heads = (token for token in tokens if role.start <= token.start < role.end)
    head = next((token for token in heads if token.lower in HEAD_KINDS or token.lower in ROLE_WORDS), None)
    return head is not None and not head.lower.endswith("s")


def named_before_role(tokens: list[Token], role: Phrase) -> Found | None:
    """ "Rear Adm. Dan Hagar, the chief spokesman for the military said": an apposition whose
    closing comma is missing still describes the person named before it."""
    if role.kind is not SourceKind.OFFICIAL and not _singular_trade(tokens, role):
        return None
    comma = next((n for n, token in enumerate(tokens) if token.start == role.start), 0) - 1
    if comma < 1 or tokens[comma].text != ",":
        return None
    person = phrases_ending_at(tokens, comma)
    if len(person) != 1 or person[0].kind is not SourceKind.NAMED_PERSON:
        return None
    start = first_offset(person[0])
    opener = next((token for token in tokens if token.start == start), None)
    if opener is None or opener.lower in PREPOSITIONS or not opens_clause(tokens, start):
        return None  # "In Tarvel, the mayor said": a place before the role, not a person
    return Found(person[0], (role.start, role.end))


def outside_preposition(tokens: list[Token], phrase: Phrase) -> Phrase:
    """ "Speaking to reporters, Ana Roe said": an object before the comma ("reporters") is no
    description of the name after it."""
    described = phrase.description
    if described is None or described[0] >= phrase.start or not after_preposition(tokens, described[0]):
        return phrase
    return replace(phrase, description=None)


def appositive_subject(tokens: list[Token], closing: int) -> list[Found]:
    """ "Robert Greenway, former Senior Director ..., said": the source sits before the aside."""
    for comma in range(closing - 1, max(-1, closing - APPOSITIVE_TOKENS), -1):
        token = tokens[comma]
        if token.text != ",":
            if token.punct and token.text not in {"(", ")", "—", "–"}:
                break
            continue
        if _is_numbered(tokens, comma):
            return _numbered_apposition(tokens, comma + 1, closing)
        subject = phrases_ending_at(tokens, comma)
        if subject and opens_clause(tokens, first_offset(subject[0])):
            named = _named_before_stacked_role(tokens, subject, closing)
            return named or with_appositive(subject, tokens, comma + 1, closing)
    return []


def _named_before_stacked_role(tokens: list[Token], subject: tuple[Phrase, ...], closing: int) -> list[Found]:
    """ "Ana Roe, the union's president, a former nurse, said": a second aside stacked on a first;
    the role before it describes the person named before both, who is the source."""
    if len(subject) != 1 or subject[0].kind not in {SourceKind.OFFICIAL, SourceKind.ANONYMOUS}:
        return []
    comma = next((n for n, token in enumerate(tokens) if token.start == first_offset(subject[0])), 0) - 1
    if comma < 1 or tokens[comma].text != ",":
        return []
    person = phrases_ending_at(tokens, comma)
    if len(person) != 1 or person[0].kind is not SourceKind.NAMED_PERSON:
        return []
    start = first_offset(person[0])
    opener = next((token for token in tokens if token.start == start), None)
    if opener is None or opener.lower in PREPOSITIONS or not opens_clause(tokens, start):
        return []  # "In Portlow, the union's president, ...": a place, not a person
    return with_appositive(person, tokens, comma + 1, closing)


def _with_the_others(
    tokens: list[Token], subject: tuple[Phrase, ...], named_last: list[Found]
) -> list[Found]:
    """The phrases joined before the one an aside names, unless they are the same person's
    titles: "Velmar's Prime Minister and Foreign Minister, Oskar Brannt, said" names one."""
    one_person = named_last and named_last[0].phrase.kind is SourceKind.NAMED_PERSON
    if one_person and _one_holder_of_titles(tokens, subject):
        return named_last
    return [*(Found(phrase) for phrase in subject[:-1]), *named_last]


def _one_holder_of_titles(tokens: list[Token], subject: tuple[Phrase, ...]) -> bool:
    """Whether offices joined by "and" are one person's: every one an office written as a title,
    every word capitalised ("Velmar's Prime Minister and Foreign Minister"), not a second person
    ("the minister and his deputy", "Ivo Marek and his counterpart", "The envoy and ...")."""
    if any(phrase.kind is not SourceKind.OFFICIAL for phrase in subject):
        return False
    start, end = first_offset(subject[0]), subject[-1].end
    words = [
        t for t in tokens if start <= t.start < end and not t.punct and t.lower not in {"and", "'s", "’s"}
    ]
    return bool(words) and all(t.capitalised and t.lower not in DETERMINERS for t in words)


def _is_numbered(tokens: list[Token], comma: int) -> bool:
    """ "One, Finance Minister Ilan Vered, said": a bare "one" before the aside."""
    return (
        comma >= 1
        and tokens[comma - 1].lower in {"one", "another"}
        and (comma == 1 or tokens[comma - 2].punct or tokens[comma - 2].lower in {"and", "but"})
    )


def _numbered_apposition(tokens: list[Token], first: int, stop: int) -> list[Found]:
    parsed = parse_phrase(tokens, first, stop)
    if parsed is None or parsed.next != stop:
        return []
    return [Found(phrase) for phrase in parsed.phrases]


def with_appositive(subject: tuple[Phrase, ...], tokens: list[Token], first: int, stop: int) -> list[Found]:
    if len(subject) > 1 and first < stop and subject[-1].kind in {SourceKind.OFFICIAL, SourceKind.ANONYMOUS}:
        # "Ivo Marek and his Velmari counterpart, Ana Roe, said": the aside names the last one.
        named_last = with_appositive(subject[-1:], tokens, first, stop)
        return _with_the_others(tokens, subject, named_last)
    if len(subject) != 1 or first >= stop:
        return [Found(phrase) for phrase in subject]
    (phrase,) = subject
    if phrase.kind in {SourceKind.OFFICIAL, SourceKind.ANONYMOUS}:
        named = parse_phrase(tokens, first, stop)
        if named is not None and named.next == stop and len(named.phrases) == 1:
            person = named.phrases[0]
            # A title of the name's own ("the envoy, former President Ana Roe,") is part of
            # its words, as the span keeps it; the role before the comma describes her.
            titled = person.name_start is not None
            if person.kind in {SourceKind.NAMED_PERSON, None} and (person.description is None or titled):
                described = Phrase(
                    person.start,
                    person.end,
                    SourceKind.NAMED_PERSON,
                    False,
                    (phrase.start, phrase.end),
                    name_start=person.name_start,
                )
                return [Found(described)]
        return [Found(phrase)]
    body = _named_body_aside(tokens, phrase, first, stop) if phrase.kind is SourceKind.ORGANIZATION else None
    if body is not None:
        return [Found(body)]
    return [Found(phrase, _description(phrase, tokens, first, stop))]


def _last_word_capitalised_in(tokens: list[Token], phrase: Phrase) -> bool:
    return any(token.end == phrase.end and token.capitalised for token in tokens)


def _named_body_aside(tokens: list[Token], phrase: Phrase, first: int, stop: int) -> Phrase | None:
    """ "The state mining company, Minval, said": a body described by common words, then named."""
    last = next((token for token in tokens if token.end == phrase.end), None)
    if last is None or last.capitalised:
        return None  # "Velmar Ports, a shipping firm, said": the name came first
    named = parse_phrase(tokens, first, stop)
    if named is None or named.next != stop or len(named.phrases) != 1:
        return None
    body = named.phrases[0]
    if body.kind not in {SourceKind.ORGANIZATION, SourceKind.OUTLET, None} or body.description is not None:
        return None
    if not _last_word_capitalised_in(tokens, body):
        return None  # "the farm lobby, a powerful force in the party,": a description, not a name
    kind = body.kind or SourceKind.ORGANIZATION  # "Their employer, the Nordic Press Agency, says"
    return Phrase(body.start, body.end, kind, False, (phrase.start, phrase.end))


def _description(phrase: Phrase, tokens: list[Token], first: int, stop: int) -> tuple[int, int] | None:
    """An aside describes a named source unless it is a clause ("who...", "speaking...")."""
    if phrase.kind not in {SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION, None}:
        return None
    if tokens[first].text.isdigit() and first + 2 < stop and tokens[first + 1].text == ",":
        first += 2  # "Ana Roe, 54, a teacher": the age is not the description
    opener = tokens[first]
    refused = (
        phrase.description is not None
        or all(token.text.isdigit() for token in tokens[first:stop])  # "Tal, 74, said": an age
        or opener.punct
        or (opener.lower in STOPWORDS and opener.lower not in DETERMINERS)
        or opener.lower in INTRODUCERS  # "The ministry, in a statement, said": an adjunct
        or (opener.lower.endswith("ing") and not opener.capitalised)  # "speaking on condition ..."
    )
    return None if refused else (tokens[first].start, tokens[stop - 1].end)


def with_description_after(tokens: list[Token], parsed: Parsed) -> list[Found]:
    """ "said Lena Korhonen, a grower": the aside after an inverted subject describes it."""
    after = parsed.next
    if len(parsed.phrases) != 1 or after >= len(tokens) or tokens[after].text != ",":
        return [Found(phrase) for phrase in parsed.phrases]
    stop = after + 1
    while stop < len(tokens) and not tokens[stop].punct:
        stop += 1
    (phrase,) = parsed.phrases
    if stop == after + 1:
        return [Found(phrase)]
    if phrase.kind in {SourceKind.OFFICIAL, SourceKind.ANONYMOUS}:
        # "said the envoy, former President Ana Roe.": the aside names the speaker.
        return with_appositive(parsed.phrases, tokens, after + 1, stop)
    return [Found(phrase, _description(phrase, tokens, after + 1, stop))]
