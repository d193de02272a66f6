"""The subject before a reporting verb, past the `attribution_shapes.GAPS` between them.

Auxiliaries, adverbs and times ("had earlier warned", "on Friday told"), an aside or a
relative clause, an anonymity participle ("speaking on condition of anonymity"), a
partitive ("two of the new owners"); and the subject that opens the sentence of a second
verb ("Fitch kept the rating and said").
"""

from __future__ import annotations

from dataclasses import replace

from briefing_tui.analysis.appositions import (
    appositive_subject,
    named_before_role,
    outside_preposition,
    with_appositive,
)
from briefing_tui.analysis.attribution_shapes import Shape
from briefing_tui.analysis.mentions import Found
from briefing_tui.analysis.noun_phrases import (
    after_condition,
    after_preposition,
    before_relative_clause,
    first_offset,
    is_adverb,
    opens_clause,
    phrases_ending_at,
    previous_mark,
)
from briefing_tui.analysis.phrases import Phrase, parse_list, parse_phrase
from briefing_tui.analysis.reporting_verbs import AUXILIARIES, BASE_FORMS, VERB_FORMS, Frame
from briefing_tui.analysis.source_windows import (
    ASIDE_CLOSERS,
    BE_FORMS,
    INTRODUCERS,
    PREPOSITIONS,
    SPEAKER_PRONOUNS,
    is_acronym_aside,
    window_before,
)
from briefing_tui.analysis.tokens import Token, TokenType
from briefing_tui.analysis.vocabulary import ADVERBS, DETERMINERS, DOCUMENT_NOUNS, STOPWORDS, TIME_WORDS
from briefing_tui.model import SourceKind

__all__ = ["after_introduction", "sentence_subject", "subject_before"]

_NEAR = 130
"""How far back a subject right before its verb is looked for, in characters."""


_NEGATIONS = frozenset({"not", "never", "n't"})


_FLOATING = frozenset({"both", "all"})
"""Quantifiers that float between a plural subject and its verb: "Kask and Roe both said"."""
_MAY_PRECEDE_VERB = AUXILIARIES | ADVERBS | SPEAKER_PRONOUNS | TIME_WORDS | _FLOATING | {"which", "who"}


def subject_before(text: str, anchor: int, shape: Shape, before: tuple[str, bool]) -> list[Found]:
    """The source named before an anchor, skipping the `GAPS` between subject and verb."""
    word, comma = before
    refused = word and not comma and word not in _MAY_PRECEDE_VERB and (word in STOPWORDS or shape.pronoun)
    # "who had declined to say": no subject of "say"; "a negotiator we spoke to said" has one.
    verb = text[anchor : anchor + 24].split(" ", 1)[0].lower()
    infinitive = word in {"not", "never"} or (word == "to" and verb in BASE_FORMS)
    clause = text[max(0, anchor - 60) : anchor]  # "members who voted no said", "a man we met said"
    if refused and (shape.pronoun or infinitive or (" who " not in clause and " we " not in clause)):
        return []  # "said said", "declined to say", "Gamma said" for a pronoun: nothing here
    tokens, end = _subject_window(text, anchor, shape)
    if not end:
        return []
    last = tokens[end - 1]
    if shape.pronoun:
        return _pronoun(tokens, end, shape.opens_clause)
    if last.punct or (last.lower in {"which", "who"} and not last.text.isupper()):
        return _subject_before_aside(tokens, end)  # "WHO" is a body, "who" opens a clause
    # "Skarvøy's demand that ...": a possessive owns a noun ("Moody's said" speaks).
    owner = last.possessive and VERB_FORMS.get(text[anchor : anchor + 24].split(" ", 1)[0]) is Frame.THAT
    function_word = last.lower in STOPWORDS and last.lower not in ADVERBS and not last.text.isupper()
    if owner or (function_word and not _ends_who_clause(tokens, end)):
        return []  # "declined to say", "the people who said": no naming phrase ends here
    return _subject_phrases(tokens, end, shape)


def _subject_phrases(tokens: list[Token], end: int, shape: Shape) -> list[Found]:
    """The naming phrases that end at ``end``, right before the verb, as a subject stands."""
    phrases = phrases_ending_at(tokens, end) or before_relative_clause(tokens, end)
    phrases = tuple(outside_preposition(tokens, phrase) for phrase in phrases)
    if phrases:  # before "of" is read as a preposition; "One of the three officials and a ..."
        phrases = (_with_partitive(tokens, phrases[0]), *phrases[1:])
    phrases = tuple(phrase for phrase in phrases if not after_preposition(tokens, first_offset(phrase)))
    if phrases and _agent_of_a_thing(tokens, first_offset(phrases[0])):
        return []  # "A video released by the presidency showed ...": the video shows, nobody speaks
    if phrases and after_condition(tokens, first_offset(phrases[0])):
        return []  # "if the EU's foreign service reported that ...": nobody has said it
    if len(phrases) > 1 and not opens_clause(tokens, first_offset(phrases[0])):
        phrases = phrases[-1:]  # "who chairs the committee, and two others, Ortiz said": not a list
    if shape.opens_clause:
        phrases = tuple(phrase for phrase in phrases if opens_clause(tokens, first_offset(phrase)))
    named = named_before_role(tokens, phrases[0]) if len(phrases) == 1 else None
    if named is not None:
        return [named]
    return [Found(phrase) for phrase in phrases or _document_owner(tokens, end)]


def _agent_of_a_thing(tokens: list[Token], start: int) -> bool:
    """Whether the phrase at ``start`` is the agent of a participle ("released by", "published
    by") after a thing that is no document: what follows is said of the thing ("A video released
    by X showed", "The names published by X include"), not by X. A document speaks for its
    owner ("A statement released by X said", docs/labelling.md, section 2)."""
    for number, token in enumerate(tokens):
        if token.start == start:
            if number < 3 or tokens[number - 1].lower != "by" or tokens[number - 2].punct:
                return False
            thing = tokens[number - 3]
            return (
                not thing.punct and thing.lower not in DOCUMENT_NOUNS and thing.lower not in _SPEAKING_HEADS
            )
    return False


_SPEAKING_HEADS = frozenset({"summary", "readout", "statement", "statements", "reports", "letter", "notice"})
"""Records that speak for their owner besides `DOCUMENT_NOUNS` (plurals and notices)."""


def _with_partitive(tokens: list[Token], phrase: Phrase) -> Phrase:
    """ "two of the new owners", "One of the diplomats": the part of a group speaks, named with
    the number that picks it out."""
    number = next((n for n, token in enumerate(tokens) if token.start == phrase.start), 0)
    if number < 2 or tokens[number - 1].lower != "of" or tokens[number].lower not in _PARTITIVE_OWNERS:
        return phrase
    part = tokens[number - 2]
    if part.lower not in _PARTS or not opens_clause(tokens, part.start):
        return phrase
    return replace(phrase, start=part.start, common_start=part.capitalised)


_PARTS = frozenset(
    {
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("some", "many", "several", "most", "few", "each", "none", "all", "both", "another"),
    }
)


_PARTITIVE_OWNERS = frozenset({"the", "its", "their", "his", "her", "our", "these", "those"})


def _ends_who_clause(tokens: list[Token], end: int) -> bool:
    """ "two council members who voted no said": a "who" clause, unbroken, runs up to the verb."""
    for number in range(end - 2, max(0, end - 9), -1):
        token = tokens[number]
        if token.punct:
            return False
        if token.lower == "who" or (token.lower == "we" and end - number <= 3):
            return number > 0 and not tokens[number - 1].punct  # "a negotiator we spoke to said"
    return False


def _document_owner(tokens: list[Token], end: int) -> tuple[Phrase, ...]:
    """ "A Government Accountability Office report released in May found": the body speaks
    through its document (a name or a possessive before "report", "statement"...)."""
    for number in range(end - 1, max(0, end - 8), -1):
        token = tokens[number]
        if token.punct or (token.capitalised and token.lower not in TIME_WORDS):
            return ()
        if token.lower in DOCUMENT_NOUNS:
            owner = phrases_ending_at(tokens, number)
            named = [phrase for phrase in owner if phrase.kind in {SourceKind.ORGANIZATION, None}]
            if len(named) != len(owner) or not named:
                return ()
            last = tokens[number - 1]
            if last.possessive and named[-1].end == last.end:  # "the ministry's statement"
                named[-1] = replace(named[-1], end=last.base_end)
            elif len(named) == 1:  # "an army statement": the article is the document's
                named[0] = _without_article(tokens, named[0])  # "the bloc statement": kept, see there
            return tuple(named)
    return ()


def _without_article(tokens: list[Token], phrase: Phrase) -> Phrase:
    """The owner of "an army statement" without the document's article; a definite article
    before a common noun is kept, so that "the bloc statement" refers back to the bloc named
    before, as "the bloc" would (`registry`)."""
    for number, token in enumerate(tokens):
        if token.start == phrase.start:
            definite_common = (
                token.lower == "the" and number + 1 < len(tokens) and not tokens[number + 1].capitalised
            )
            if token.lower in {"a", "an", "the"} and number + 1 < len(tokens) and not definite_common:
                return replace(phrase, start=tokens[number + 1].start, common_start=False)
            break
    return phrase


def _pronoun(tokens: list[Token], end: int, opens: bool) -> list[Found]:
    """ "he said": a pronoun for the registry to link to an earlier speaker; with ``opens``,
    only one that opens its sentence ("She: “...”", not "and so did they: “...”")."""
    token = tokens[end - 1]
    if opens and end > 1 and not tokens[end - 2].punct:
        return []
    if token.lower in SPEAKER_PRONOUNS and token.type is TokenType.WORD:
        return [Found(Phrase(token.start, token.end, None), pronoun=token.lower)]
    return []


def _subject_window(text: str, anchor: int, shape: Shape) -> tuple[list[Token], int]:
    """The sentence before an anchor and where its subject ends (0: no subject may end there)."""
    tokens = window_before(text, anchor, _NEAR)
    end, passive = _skip_auxiliaries(tokens, len(tokens))
    cut = anchor > _NEAR and bool(tokens) and tokens[0].start < anchor - _NEAR + 40
    if end and tokens[end - 1].text in ASIDE_CLOSERS and cut:
        tokens = window_before(text, anchor)  # the aside may begin before the near window
        end, passive = _skip_auxiliaries(tokens, len(tokens))
    if passive and not shape.passive:
        return tokens, 0  # "was told", "has been accused": the subject is not the speaker
    if any(token.lower in _NEGATIONS for token in tokens[end:]) or _contracted_negation(tokens, end):
        return tokens, 0  # "would not say", "couldn't say": nothing is attributed
    return tokens, _before_anonymity(tokens, end)


def _contracted_negation(tokens: list[Token], end: int) -> bool:
    """ "he couldn't say", "they didn’t say": a negated auxiliary written as one token."""
    return bool(end) and tokens[end - 1].lower.endswith(("n't", "n’t"))


def _before_anonymity(tokens: list[Token], end: int) -> int:
    """ "An official speaking on condition of anonymity said", "Residents reached by phone
    described": a participle that keeps the speaker unnamed, or says how they were reached,
    stands between subject and verb, unset by commas."""
    if not end:
        return end
    for number in range(end - 2, max(0, end - 9), -1):
        token = tokens[number]
        if token.punct:
            return end
        if token.lower in _UNNAMING_PARTICIPLES and tokens[end - 1].lower in _UNNAMED_ENDS:
            return number
        if token.lower in _CONTACTED and tokens[number + 1].lower == "by" and number:
            return number  # "Residents reached by phone described ...", "officials contacted by AFP said"
    return end


_UNNAMED_ENDS = frozenset(
    {"anonymity", "anonymously", "named", "identified", "reporters", "journalists", "press"}
)


_CONTACTED = frozenset({"reached", "contacted", "interviewed", "approached", "polled", "surveyed", "asked"})
"""Participles of being reached for comment, which stand between a subject and its verb."""


_UNNAMING_PARTICIPLES = frozenset({"speaking", "talking", "requesting", "asking", "declining", "insisting"})


_QUOTATION_CLOSERS = frozenset({'"', "”"})


def _after_quotation(tokens: list[Token], comma: int) -> list[Found]:
    """ "“...,” envoy Pell Varno, said": a stray comma that real copy sets between the speaker
    and the verb of an inverted quotation; the speaker must open the window (which stops at the
    quotation) or follow the closing quote mark."""
    phrases = phrases_ending_at(tokens, comma)
    if len(phrases) != 1 or phrases[0].kind is None:
        return []  # a lone capitalised word ("Separately, said ...") is no speaker
    start = first_offset(phrases[0])
    first = next((number for number, token in enumerate(tokens) if token.start >= start), 0)
    quoted = first >= 2 and tokens[first - 1].text in _QUOTATION_CLOSERS and tokens[first - 2].text == ","
    if first and not quoted:
        return []
    return [Found(phrases[0])]


def _subject_before_aside(tokens: list[Token], end: int) -> list[Found]:
    """A subject set off from its verb: "X, who ..., said", "X — ... — said", "Russia, which said"."""
    last = tokens[end - 1]
    if last.lower in {"which", "who"}:
        if end < 2 or tokens[end - 2].text != ",":
            return []
        return [Found(phrase) for phrase in phrases_ending_at(tokens, end - 2)]
    if last.text == ",":
        return appositive_subject(tokens, end - 1) or _after_quotation(tokens, end - 1)
    opening = None
    if last.text in {"—", "–"}:
        opening = previous_mark(tokens, end - 1, {"—", "–"})
    elif last.text == ")":
        opening = previous_mark(tokens, end - 1, {"("})
        if opening is not None and is_acronym_aside(tokens, opening):
            opening = end  # "the UN Office ... (OCHA) said": the acronym is part of the name
    if opening is None:
        return []
    phrases = phrases_ending_at(tokens, opening)
    # "Ana Roe, the head of the delegation — a former nurse — said": the role before the dash
    # is an apposition of the person named before its comma, who is the source.
    named = named_before_role(tokens, phrases[0]) if len(phrases) == 1 else None
    return [named] if named is not None else [Found(phrase) for phrase in phrases]


def sentence_subject(text: str, anchor: int, conjoined: bool, before: tuple[str, bool]) -> list[Found]:
    """The naming phrase that opens the sentence, when a verb follows it right away."""
    if conjoined and before[0] not in _CONJOINED_GAP:
        return []  # cheap refusal first: most verbs do not follow "and"
    found = _opening_subject(window_before(text, anchor), conjoined)
    if found or not conjoined:
        return found
    # "The mission reports voting was “orderly” but notes that": the quotation is inside the sentence.
    return _opening_subject(window_before(text, anchor, quotes=False), conjoined)


def _opening_subject(tokens: list[Token], conjoined: bool) -> list[Found]:
    """The phrase that opens ``tokens`` (one sentence) as the subject of a verb."""
    end, _ = _skip_auxiliaries(tokens, len(tokens))
    if conjoined and not (end and tokens[end - 1].lower in {"and", "but"}):
        return []
    start = after_introduction(tokens)
    if start is None or start >= len(tokens):
        return []
    # A second verb after "and" may share a listed subject: "Ostmark and Westmark freed 40
    # prisoners and said ..." (one source per body named, docs/labelling.md section 9).
    parse = parse_list if conjoined else parse_phrase
    parsed = parse(tokens, start, len(tokens))
    if parsed is None or parsed.next >= len(tokens):
        return []
    after_aside = _after_aside(tokens, parsed.next)
    verb = tokens[_after_gap(tokens, after_aside)]
    function_word = verb.lower in STOPWORDS and verb.lower not in AUXILIARIES and verb.lower not in VERB_FORMS
    if verb.punct or verb.capitalised or function_word:
        return []  # the phrase is not the subject of a verb: "In the talks officials..."
    if after_aside != parsed.next:  # "A smaller union, the Independent Controllers' Union, ... said"
        return with_appositive(parsed.phrases, tokens, parsed.next + 1, after_aside - 1)
    return [Found(phrase) for phrase in parsed.phrases]


def _after_aside(tokens: list[Token], position: int) -> int:
    """The index after an aside between commas that follows a subject ("the fiscal council, an
    independent watchdog, puts ..."), or ``position`` when none does."""
    if tokens[position].text != ",":
        return position
    for number in range(position + 1, min(len(tokens) - 1, position + 10)):
        if tokens[number].text == ",":
            return number + 1
        if tokens[number].punct:
            break
    return position


def _after_gap(tokens: list[Token], position: int) -> int:
    """The index after a time or an adverb that follows a subject: "Kyiv at first condemned",
    "the union on Friday rejected" (the last token if the gap runs to the end)."""
    last = len(tokens) - 1
    while position < last:
        token = tokens[position]
        if token.lower in _TIME_OPENERS and tokens[position + 1].lower in _GAP_AFTER_OPENER:
            position += 2
        elif (token.lower in TIME_WORDS or is_adverb(token)) and not token.capitalised:
            position += 1
        else:
            break
    return position


_GAP_AFTER_OPENER = TIME_WORDS | frozenset({"first", "once", "least"})


def after_introduction(tokens: list[Token]) -> int | None:
    """Where the subject may start: after "In Washington," or "On Monday,"; None if unclear."""
    if not tokens or (tokens[0].lower not in INTRODUCERS and tokens[0].lower not in TIME_WORDS):
        return 0
    comma = next((number for number, token in enumerate(tokens[:8]) if token.text == ","), None)
    if comma is not None:
        return comma + 1
    # "At one point Republicans walked out": a short phrase without a comma, then a name.
    for number in range(1, min(len(tokens), 5)):
        token, previous = tokens[number], tokens[number - 1]
        if token.punct:
            return None
        after_time = previous.lower in TIME_WORDS and token.lower in DETERMINERS  # "On Monday the union"
        object_ended = number >= 2 and not previous.capitalised and previous.lower not in PREPOSITIONS
        if after_time or (token.capitalised and token.lower not in TIME_WORDS and object_ended):
            return number - 1 if previous.lower in DETERMINERS and not after_time else number
    return None


_CONJOINED_GAP = AUXILIARIES | ADVERBS | {"and", "but"}


_PLATFORMS = frozenset(
    {"twitter", "x", "facebook", "telegram", "instagram", "tiktok", "youtube", "television"}
)
"""Where a speaker posts, between subject and verb: "Daglo on Twitter welcomed the statement"."""


def _skip_auxiliaries(tokens: list[Token], end: int) -> tuple[int, bool]:
    """The index before auxiliaries, adverbs and times in front of a verb, and whether it is passive."""
    passive = False
    while end:
        token = tokens[end - 1]
        low = token.lower
        if (
            low.endswith("ly")
            and end >= 3
            and tokens[end - 3].lower == "to"
            and tokens[end - 2].lower.isalpha()
        ):
            break  # "not authorized to speak publicly said": the adverb is the infinitive's
        if low in AUXILIARIES or is_adverb(token):
            passive = passive or low in BE_FORMS
            end -= 1
        elif low in TIME_WORDS and not token.punct:
            end = _time_start(tokens, end)
        elif (
            low in _FLOATING
            and end >= 2
            and not tokens[end - 2].punct
            and (tokens[end - 2].lower not in STOPWORDS or tokens[end - 2].lower in SPEAKER_PRONOUNS)
        ):
            end -= 1  # "the unions all said": the quantifier floats after its subject
        elif low in _PLATFORMS and end >= 2 and tokens[end - 2].lower == "on" and token.capitalised:
            end -= 2  # "Ana Roe on Twitter said": where, not who
        else:
            break
    return end, passive


def _time_start(tokens: list[Token], end: int) -> int:
    """Where a time phrase ending at ``end`` begins: "late on Monday", "on Tuesday night"."""
    while end and (tokens[end - 1].lower in TIME_WORDS or tokens[end - 1].lower.isdigit()):
        end -= 1
    while end and tokens[end - 1].lower in _TIME_OPENERS:
        end -= 1
    return end


_TIME_OPENERS = frozenset(
    ["on", "late", "early", "earlier", "last", "this", "next", "in", "at", "by", "the", "of"]
)
