"""Find where a paragraph names the sources of what it reports.

The shapes of attribution are data: `attribution_shapes.SHAPES` lists each with an example,
the anchor it is found by (a reporting verb from `reporting_verbs`, "told", "according to",
a colon before a quotation...) and the side of the anchor the source stands on. One compiled
pattern finds every anchor; at each, the shapes of that anchor are tried in table order and
a small window on the shape's side is parsed (see `phrases`).

Between a subject and its verb the finder skips what `attribution_shapes.GAPS` lists
(auxiliaries, a time, an aside between commas or dashes, a relative clause); after an
inverted "said X" it allows the tails of `attribution_shapes.TAILS`. Whether a verb reports
at all ("announced that" but not "announced the plan") is read by `verb_frames`; what
stands in a quotation or a credit line ("(Reporting by ...)", "X contributed reporting") is
set aside by `excluded_text` and never yields a source.

The work per paragraph is proportional to the number of anchors, and every window is
bounded, so the whole pass stays linear in the size of the briefing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from briefing_tui.analysis.attribution_shapes import SHAPES, TAILS, Anchor, Shape, Side
from briefing_tui.analysis.excluded_text import (
    InsideSpans,
    outside_quotations,
    quoted_spans,
    without_credit_lines,
)
from briefing_tui.analysis.patterns import phrase_alternation
from briefing_tui.analysis.phrases import GIVEN_NAMES, Parsed, Phrase, parse_list, parse_phrase
from briefing_tui.analysis.reporting_verbs import (
    AUXILIARIES,
    BASE_FORMS,
    CHANNEL_PHRASES,
    CUE_PHRASES,
    PARTICIPLES,
    QUOTED_BY_PHRASES,
    VERB_FORMS,
    Frame,
)
from briefing_tui.analysis.tokens import UPPER, Token, TokenType, tokenize
from briefing_tui.analysis.verb_frames import frame_allows, until_punct
from briefing_tui.analysis.vocabulary import (
    ADVERBS,
    CLAUSE_WORDS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    HEAD_KINDS,
    NOT_NAMES,
    ORGANIZATION_WORDS,
    OUTLET_WORDS,
    ROLE_WORDS,
    STOPWORDS,
    TIME_WORDS,
    TITLE_ABBREVIATIONS,
)
from briefing_tui.model import SourceKind

__all__ = ["Mention", "find_mentions", "surnames_in"]

_WINDOW = 400
"""How far from an anchor the naming words (with an aside) may reach, in characters."""
_NEAR = 130
"""How far back a subject right before its verb is looked for, in characters."""
_SUBJECT_TOKENS = 16
"""The most tokens a naming phrase may span; bounds the work per anchor on any input."""
_TOKENS_AFTER = 24
"""How many tokens after an anchor the naming words may take up, commas and all."""
_APPOSITIVE_TOKENS = 40
"""How many tokens back an aside ("X, a former minister, said") may start."""

_TOLD = ("told", "tells", "tell")
_STATEMENT_VERBS = ("released", "issued", "put out", "published", "posted", "sent")
_STATEMENT_KINDS = ("", "joint ", "written ", "brief ", "short ", "separate ", "emailed ", "new ", "formal ")
_ANCHOR_OF: dict[str, Anchor] = {
    **dict.fromkeys((form for form in VERB_FORMS if form not in _TOLD), Anchor.VERB),
    **dict.fromkeys(_TOLD, Anchor.TOLD),
    "quoted": Anchor.QUOTED,
    "cited": Anchor.QUOTED,
    **dict.fromkeys(
        (
            f"{verb} as {word}"
            for verb in ("quoted", "cited")
            for word in ("saying", "telling", "stating", "adding")
        ),
        Anchor.QUOTED_AS,
    ),
    **{
        f"{verb} {article} {kind}statement": Anchor.STATEMENT
        for verb in _STATEMENT_VERBS
        for article in ("a", "an")
        for kind in _STATEMENT_KINDS
    },
    **dict.fromkeys(CUE_PHRASES, Anchor.CUE),
    **dict.fromkeys(CHANNEL_PHRASES, Anchor.CHANNEL),
    **dict.fromkeys(QUOTED_BY_PHRASES, Anchor.QUOTED_BY),
}
"""Every anchor phrase of `SHAPES` (lower case, one space between words) and its `Anchor`."""


def _anchor_pattern() -> str:
    """One trie over every anchor phrase, branching on the first letter.

    Only cue phrases may open with a capital ("According to"): a capital "Said" is a name.
    A single trie keeps the cost per position near that of the longest phrase, however
    many phrases there are.
    """
    lower: dict[str, list[str]] = {}
    upper: dict[str, list[str]] = {}
    for phrase in _ANCHOR_OF:
        lower.setdefault(phrase[0], []).append(phrase[1:])
    for phrase in CUE_PHRASES:
        upper.setdefault(phrase[0].upper(), []).append(phrase[1:])
    branches = [
        re.escape(first) + f"(?:{phrase_alternation(sorted(rests))})"
        for table in (lower, upper)
        for first, rests in sorted(table.items())
    ]
    return "|".join(branches)


_TRIGGER = re.compile(
    rf"\b(?P<word>{_anchor_pattern()})\b"
    r"|(?P<colon>:\s*[“\"](?=\S))"
    rf"|(?P<saying>(?:,|\s[—–])\s+(?:{'|'.join(PARTICIPLES)})\b)"
    r"|(?<=[,.!?…][”\"])(?P<quote_end>[ \t]+(?:[—–][ \t]*)?)(?=[^\W\d_])"
    r"|(?P<bare_colon>:[ \t]+)(?=[“\"‘'(]?[^\W\d_])"
)
"""Every anchor of `SHAPES`: a phrase of `_ANCHOR_OF`, a colon before a quotation, ", saying",
" – claiming"."""
_MARK_ANCHORS = {
    "colon": Anchor.COLON,
    "saying": Anchor.SAYING,
    "quote_end": Anchor.QUOTE_END,
    "bare_colon": Anchor.BARE_COLON,
}
"""The anchors found by a mark rather than a phrase, by the name of their group in `_TRIGGER`."""
_SHAPES_BY_ANCHOR: dict[Anchor, tuple[Shape, ...]] = {
    anchor: tuple(shape for shape in SHAPES if shape.anchor is anchor) for anchor in Anchor
}
_MARK_BEFORE = re.compile(r"[,”\"—–]\s*$")
"""An inverted verb comes right after a comma, a closing quote or a dash: "“...,” said X"."""
_NAME_PAIR = re.compile(rf"(?=\b([{UPPER}][\w’'-]+)\s+([{UPPER}][\w’'-]+)\b)")
"""Two capitalised words in a row, found overlapping ("Donald John Trump" gives both pairs)."""
_PRONOUNS = frozenset({"he", "she", "it", "they"})
"""Pronouns that may stand for an earlier speaker."""
_NEGATIONS = frozenset({"not", "never", "n't"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})


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
    """Who it is; None for a lone capitalised word that only context can tell apart, or a pronoun."""
    description: str | None = None
    """What the text says about a named person, if anything."""
    pronoun: str | None = None
    """The pronoun, lower case, when the words are one ("he"): the registry links it to a speaker."""
    antecedent: Mention | None = None
    """For "he" or "she": the one person named earlier in the paragraph since the last
    attribution, who is nearer than any earlier speaker ("Ana Roe held a photo. “...,” she said")."""


@dataclass(frozen=True, slots=True)
class _Found:
    phrase: Phrase
    description: tuple[int, int] | None = None
    pronoun: str | None = None


def find_mentions(text: str) -> list[Mention]:
    """Every source the paragraph ``text`` names, in order of position, without overlaps."""
    found: list[_Found] = []
    quoted = quoted_spans(text)
    inside = InsideSpans(quoted)
    for match in _TRIGGER.finditer(text):
        if inside(match.start()):
            continue  # words inside a quotation are the speaker's, not the report's
        group = match.lastgroup
        if group == "word":
            words = match.group()
            anchor = _ANCHOR_OF.get(words) or _ANCHOR_OF[" ".join(words.split()).lower()]
        else:
            anchor = _MARK_ANCHORS[group or ""]
        before: tuple[str, bool] | None = None
        passive = False
        if anchor is Anchor.VERB:
            before = _word_before(text, match.start())
            passive = before[0] in _BE
            if not _verb_reports(text, match, passive):
                continue  # "is expected to": a passive names no speaker, unless "by" one
        found.extend(_read_anchor(text, match, anchor, before, passive))
    mentions = outside_quotations(quoted, _mentions(text, found))
    return _with_antecedents(text, without_credit_lines(text, mentions))


def _read_anchor(
    text: str, match: re.Match[str], anchor: Anchor, before: tuple[str, bool] | None, passive: bool
) -> list[_Found]:
    """What the shapes of ``anchor`` find at ``match``, tried in table order."""
    found: list[_Found] = []
    for shape in _SHAPES_BY_ANCHOR[anchor]:
        if (shape.fallback and found) or (shape.follows and not found) or shape.agent != passive:
            continue
        if shape.after_mark and not _MARK_BEFORE.search(text, max(0, match.start() - 3), match.start()):
            continue
        if shape.side is Side.BEFORE and before is None:
            before = _word_before(text, match.start())
        results = _read(text, match, shape, before)
        if shape.kinds is not None:
            results = [item for item in results if _kind_fits(item.phrase.kind, shape.kinds)]
        if shape.named:
            results = [item for item in results if _written_as_name(text, item.phrase)]
        if results and shape.side is Side.BEFORE and _HE_OR_SHE_AFTER.match(text, match.end()):
            results = [_as_person(item) for item in results]  # "Netanyahu said he would"
        found.extend(results)
    return found


_HE_OR_SHE_AFTER = re.compile(r"[ \t]+(?:that[ \t]+)?(?:he|she)\b")
"""A lone name that "said he ..." or "said that she ..." is a person's, not a body's."""


def _as_person(item: _Found) -> _Found:
    if item.phrase.kind is not None or item.pronoun is not None:
        return item
    return replace(item, phrase=replace(item.phrase, kind=SourceKind.NAMED_PERSON))


def _verb_reports(text: str, match: re.Match[str], passive: bool) -> bool:
    """Whether a reporting verb reports here: by what follows it, or, in the passive, when it
    is a verb of speech whose agent may follow ("was confirmed by officials")."""
    if passive:
        return (
            VERB_FORMS[match.group()] in {Frame.SPEECH, Frame.OBJECT}
            and " by " in text[match.end() : match.end() + 40]
        )
    return frame_allows(text, match.group(), match.end())


def _with_antecedents(text: str, mentions: list[Mention]) -> list[Mention]:
    """Pronoun mentions with the person or body named between them and the attribution before."""
    if not mentions or mentions[0].pronoun not in {"he", "she", "it"}:
        return mentions  # a speaker earlier in the paragraph is nearer than any other name
    first = mentions[0]
    if first.pronoun == "it":
        body = _only_body(text, max(0, first.start - _WINDOW), first.start)
        if body is None:
            return mentions
        return [Mention(first.start, first.end, first.name, None, None, first.pronoun, body), *mentions[1:]]
    person = _only_person(text, max(0, first.start - _WINDOW), first.start)
    if person is None:
        return mentions
    linked = Mention(first.start, first.end, first.name, None, None, first.pronoun, person)
    # The person named before the quotation is its speaker too: "Ana Roe held a photo. “...,” she said."
    return [person, linked, *mentions[1:]]


_OPENING_PHRASES = frozenset({"outside", "inside", "amid", "despite"})


def _subject_start(tokens: list[Token], opening: int) -> int | None:
    """Where the subject of the sentence opening at ``opening`` starts, after "In Gaza," or
    "Outside the venue,"."""
    low = tokens[opening].lower
    if low not in _OPENING_PHRASES and low not in _INTRODUCERS and low not in _PREPOSITIONS:
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
        if token.punct or (opening and tokens[opening - 1].text not in _HARD_STOPS):
            continue
        number = _subject_start(tokens, opening)  # "Outside the venue, the Coalition staged ..."
        if number is None:
            continue
        parsed = parse_phrase(tokens, number, len(tokens))
        phrase = parsed.phrases[0] if parsed is not None and len(parsed.phrases) == 1 else None
        if phrase is None or phrase.kind is not SourceKind.ORGANIZATION:
            continue
        mention = Mention(phrase.start, phrase.end, _name(text, phrase), SourceKind.ORGANIZATION)
        found.setdefault(mention.name.casefold().removeprefix("the "), mention)
    return next(iter(found.values())) if len(found) == 1 else None


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
        opens = number == 0 or tokens[number - 1].text in _HARD_STOPS
        if opens and token.lower in _PREPOSITIONS | _INTRODUCERS:
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
                    Mention(phrase.start, phrase.end, _name(text, phrase), SourceKind.NAMED_PERSON, described)
                )
        number = max(parsed.next, number + 1)
    names = {mention.name for mention in found}
    return found[-1] if len(names) == 1 else None


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


def _written_as_name(text: str, phrase: Phrase) -> bool:
    """ "told Harbour Radio", "told Channel 12", "told the Reuters news agency": a capital after
    the opening word; "told state radio" names only a medium."""
    words = [word for word in text[phrase.start : phrase.end].split() if not word.isdigit()]
    if not words:
        return False
    named_inside = phrase.kind is SourceKind.OUTLET and any(word[:1].isupper() for word in words[1:])
    return words[-1][:1].isupper() or named_inside


def _kind_fits(kind: SourceKind | None, kinds: frozenset[SourceKind]) -> bool:
    """A lone capitalised word (kind None) may be the person a shape asks for."""
    return kind in kinds if kind is not None else SourceKind.NAMED_PERSON in kinds


def _word_before(text: str, position: int) -> tuple[str, bool]:
    """The word right before ``position`` (lower case, "" after a quote or a stop), and
    whether a comma stands between: read once per anchor, with string methods for speed."""
    chunk = text[max(0, position - 40) : position].rstrip()
    comma = chunk.endswith(",")
    chunk = chunk.rstrip(" ,\t\n")
    word = chunk[chunk.rfind(" ") + 1 :]
    if not word or not word[-1].isalnum() or (len(word) > 1 and word.isupper()):
        return "", comma  # after a quote or a stop, or an abbreviation ("the US says")
    start = len(word)
    while start and word[start - 1].isalnum():
        start -= 1
    return word[start:].lower(), comma


def _read(text: str, match: re.Match[str], shape: Shape, before: tuple[str, bool] | None) -> list[_Found]:
    """What ``shape`` finds at the anchor ``match``; ``before`` is the word before the anchor."""
    if shape.agent or shape.alone or shape.setting:
        return _read_without_verb_subject(text, match, shape)
    if shape.sentence:
        return _sentence_subject(text, match.start(), shape.conjoined, before or ("", False))
    if shape.side is Side.BEFORE:
        return _subject_before(text, match.start(), shape, before or ("", False))
    if shape.after_mark:
        return _subject_after(text, match.end(), shape.pronoun)
    return _object_after(text, match.end(), shape.then)


def _read_without_verb_subject(text: str, match: re.Match[str], shape: Shape) -> list[_Found]:
    """The shapes whose source is no subject of the anchor: a passive's agent, a speaker alone."""
    if shape.agent:
        return _agent_after(text, match.end())
    if shape.setting:
        return _speaker_with_setting(text, match.start())
    if shape.side is Side.AFTER:
        return _speaker_after_quote(text, match.end())
    return _speaker_opening_paragraph(text, match.start())


def _speaker_with_setting(text: str, colon: int) -> list[_Found]:
    """ "US Ambassador Rachel Dunmore, speaking after the vote: “...”": the sentence opens with
    the speaker, then a comma and a participle or a place, then the colon and the quotation."""
    tokens = _window_before(text, colon)
    start = _after_introduction(tokens)
    if start is None or start >= len(tokens):
        return []
    parsed = parse_phrase(tokens, start, len(tokens))
    after = parsed.next if parsed is not None else len(tokens)
    if parsed is None or after + 1 >= len(tokens) or tokens[after].text != ",":
        return []
    setting = tokens[after + 1]
    participle = setting.lower.endswith("ing") and not setting.capitalised
    if not (participle or setting.lower in _SETTINGS) or any(t.text in _HARD_STOPS for t in tokens[after:]):
        return []
    return [_Found(phrase) for phrase in parsed.phrases]


def _agent_after(text: str, position: int) -> list[_Found]:
    """ "The figures were confirmed to us by officials of three parties": the agent after "by"."""
    tokens = _window_after(text, position)
    by = next((n for n, token in enumerate(tokens[:6]) if token.lower == "by"), None)
    if by is None or by + 1 >= len(tokens) or any(token.punct for token in tokens[:by]):
        return []
    parsed = parse_list(tokens, by + 1, len(tokens))
    if parsed is None:
        return []
    return [_Found(phrase) for phrase in parsed.phrases if phrase.kind is not None]


def _speaker_after_quote(text: str, position: int) -> list[_Found]:
    """ "“We will not give up,” the harbour master.": a speaker, perhaps described, then the end."""
    tokens = _window_after(text, position)
    if not tokens:
        return []
    parsed = parse_phrase(tokens, 0, len(tokens))
    if parsed is None or len(parsed.phrases) != 1 or parsed.phrases[0].kind is None:
        return []  # a lone capitalised word after a quotation may start any sentence
    after = parsed.next
    if after < len(tokens) and tokens[after].text == ",":
        return _speaker_with_aside(text, tokens, parsed)
    if after < len(tokens) and tokens[after].text != ".":
        return []
    return [_Found(phrase) for phrase in parsed.phrases]


def _speaker_with_aside(text: str, tokens: list[Token], parsed: Parsed) -> list[_Found]:
    """ "“...,” Ivo Marek, a spokesman." or "..., at a conference in London": the aside ends the
    sentence or the paragraph, and either describes the speaker or says where they spoke."""
    after = parsed.next
    closing = next((n for n in range(after + 1, len(tokens)) if tokens[n].punct), len(tokens))
    at_end = closing == len(tokens) and tokens[-1].end >= len(text.rstrip())
    if not at_end and (closing == len(tokens) or tokens[closing].text != "."):
        return []
    if after + 1 < len(tokens) and tokens[after + 1].lower in _SETTINGS:
        return [_Found(phrase) for phrase in parsed.phrases]
    described = _with_description_after(tokens[: closing + 1], parsed)
    return described if described[0].description is not None else []


_SETTINGS = frozenset({"at", "in", "on", "during", "after", "speaking", "writing", "addressing"})
"""Words that open where or when a speaker alone after a quotation spoke: "..., at a summit"."""


def _speaker_opening_paragraph(text: str, colon: int) -> list[_Found]:
    """ "Ana Roe: We will stay.": a speaker alone before a colon at the start of a paragraph."""
    if colon > _SPEAKER_LABEL and "\n" not in text[colon - _SPEAKER_LABEL : colon]:
        return []  # bounded look back: the label must open the paragraph or a line
    line = text.rfind("\n", max(0, colon - _SPEAKER_LABEL), colon) + 1
    tokens = tokenize(text, line, colon)
    parsed = parse_phrase(tokens, 0, len(tokens)) if tokens else None
    if parsed is None or parsed.next != len(tokens) or len(parsed.phrases) != 1:
        return []
    phrase = parsed.phrases[0]
    if phrase.kind is None or " " not in text[phrase.start : phrase.end].strip():
        return []  # "Analysis: ...", "Update: ...": one word is a label, not a speaker
    if not _SPOKEN.match(text, colon + 1, min(len(text), colon + 1 + _SPOKEN_REACH)):
        return []  # "New York: Officials met ...": a place or a topic heads reported news
    return [_Found(phrase)]


_SPOKEN = re.compile(r"\s*[“\"‘']|[^\n]*?\b(?:I|I'm|I’m|we|We|we're|we’re|our|Our|my|My|me|us|you|You)\b")
"""Words after a speaker's colon that are spoken: a quotation, or the first or second person."""
_SPOKEN_REACH = 200


_SPEAKER_LABEL = 60
"""The longest speaker label before a colon that opens a paragraph, in characters."""


def _object_after(text: str, position: int, then: str) -> list[_Found]:
    """ "according to X", "told AFP", "quoted X as saying": the source follows the anchor."""
    tokens = _window_after(text, position)
    if not tokens:
        return []
    parsed = parse_list(tokens, 0, len(tokens))
    if parsed is None:
        return []
    if then:
        words = [token.lower for token in tokens[parsed.next : parsed.next + len(then.split())]]
        if words != then.split():
            return []
    last = tokens[parsed.next - 1]
    if last.possessive and parsed.phrases and parsed.phrases[-1].end == last.end:
        return _record_owner(tokens, parsed)
    if parsed.next < len(tokens) and tokens[parsed.next].lower in _RECORDS:
        return []  # "according to UN figures": a record with no one speaking through it
    return [_Found(phrase) for phrase in parsed.phrases]


def _record_owner(tokens: list[Token], parsed: Parsed) -> list[_Found]:
    """ "according to the union's summary": the owner of a record speaks through it, without
    its "'s"; "according to the commission's gauges" names an instrument, and no source."""
    words = until_punct(tokens[parsed.next : parsed.next + 4])
    if not any(token.lower in _RECORDS for token in words):
        return []
    owner = parsed.phrases[-1]
    trimmed = replace(owner, end=tokens[parsed.next - 1].base_end)
    return [_Found(phrase) for phrase in (*parsed.phrases[:-1], trimmed)]


_RECORDS = DOCUMENT_NOUNS | frozenset(
    {
        "summary",
        "figures",
        "figure",
        "data",
        "tally",
        "estimates",
        "estimate",
        "count",
        "account",
        "records",
        "website",
        "statement",
        "version",
        "draft",
        "timeline",
        "minutes",
        "transcript",
    }
)
"""What a body or person keeps that speaks for them: "according to the ministry's figures"."""


def _window_after(text: str, position: int) -> list[Token]:
    """Tokens from ``position`` to the end of the clause (commas included), at most `_WINDOW` away."""
    tokens = tokenize(text, position, min(len(text), position + _WINDOW), _TOKENS_AFTER)
    for number, token in enumerate(tokens):
        if not token.punct or token.text == "," or _is_initial_stop(tokens, number):
            continue
        if token.text == "(" and _is_acronym_aside(tokens, number):
            continue
        if token.text == ")" and number >= 2 and tokens[number - 2].text == "(":
            continue
        return tokens[: number + 1]
    return tokens


@lru_cache(maxsize=8)
def _window_before(text: str, position: int, reach: int = _WINDOW, quotes: bool = True) -> list[Token]:
    """Tokens of the sentence that runs up to ``position``, at most ``reach`` back.

    Cached: the shapes of one anchor read the same window (callers never change the list).

    Commas, dashes and brackets stay in (the asides are read later); a full stop after a
    capital or an abbreviation ("U.S.", "Dr.") does not end the sentence; with ``quotes``
    false, neither does a quotation mark ("reports voting was “orderly” but notes that").
    """
    low = max(0, position - reach)
    first, end = low, position
    stops = _UP_TO_LAST_STOP if quotes else _UP_TO_LAST_PLAIN_STOP
    while (stop := stops.match(text, low, end)) is not None:
        mark = stop.end() - 1
        digits = text[mark - 1 : mark].isdigit() and text[mark + 1 : mark + 2].isdigit()
        in_number = digits and text[mark] in ".:"
        if not in_number and not _ABBREVIATION_BEFORE.search(text, max(low, stop.end() - 6), stop.end()):
            first = stop.end()
            break
        end = mark  # "U.S.", "Dr." or "1.2" does not end a sentence: look further back
    tokens = tokenize(text, first, position)
    if first == low > 0 and tokens and tokens[0].start == low:
        del tokens[0]  # the window may have cut this word in two
    return tokens


_UP_TO_LAST_STOP = re.compile(r"(?s:.*)[.;:!?“”\"]")
"""Everything up to the last sentence stop: greedy, so the engine finds that stop from the end."""
_UP_TO_LAST_PLAIN_STOP = re.compile(r"(?s:.*)[.;:!?]")
_ABBREVIATION_BEFORE = re.compile(rf"(?:\b(?i:{'|'.join(TITLE_ABBREVIATIONS)})|[{UPPER}])\.$")
"""A full stop after an abbreviation or a capital ("Dr.", "U.S.", "J.") is not a sentence end."""
_MAY_PRECEDE_VERB = AUXILIARIES | ADVERBS | _PRONOUNS | TIME_WORDS | {"which", "who"}
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
_ASIDE_CLOSERS = frozenset({",", "—", "–", ")"})
_HARD_STOPS = frozenset({".", ";", ":", "!", "?", "“", "”", '"'})


def _is_initial_stop(tokens: list[Token], number: int) -> bool:
    """A full stop after a lone capital is an initial ("J. Smith"), not the end of a sentence."""
    if tokens[number].text != "." or number == 0:
        return False
    previous = tokens[number - 1]
    return len(previous.text) == 1 and previous.text.isupper() and previous.end == tokens[number].start


def _is_acronym_aside(tokens: list[Token], number: int) -> bool:
    """ "(OCHA)": an acronym in brackets belongs to the name before it."""
    return (
        number + 2 < len(tokens)
        and tokens[number + 2].text == ")"
        and tokens[number + 1].text.replace(".", "").isupper()
        and len(tokens[number + 1].text) >= 2
    )


def _subject_before(text: str, anchor: int, shape: Shape, before: tuple[str, bool]) -> list[_Found]:
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
        return _pronoun(last)
    if last.punct or (last.lower in {"which", "who"} and not last.text.isupper()):
        return _subject_before_aside(tokens, end)  # "WHO" is a body, "who" opens a clause
    # "Skarvøy's demand that ...": a possessive owns a noun ("Moody's said" speaks).
    owner = last.possessive and VERB_FORMS.get(text[anchor : anchor + 24].split(" ", 1)[0]) is Frame.THAT
    function_word = last.lower in STOPWORDS and last.lower not in ADVERBS and not last.text.isupper()
    if owner or (function_word and not _ends_who_clause(tokens, end)):
        return []  # "declined to say", "the people who said": no naming phrase ends here
    return _subject_phrases(tokens, end, shape)


def _subject_phrases(tokens: list[Token], end: int, shape: Shape) -> list[_Found]:
    """The naming phrases that end at ``end``, right before the verb, as a subject stands."""
    phrases = _phrases_ending_at(tokens, end) or _before_relative_clause(tokens, end)
    phrases = tuple(_outside_preposition(tokens, phrase) for phrase in phrases)
    if len(phrases) == 1:
        phrases = (_with_partitive(tokens, phrases[0]),)  # before "of" is read as a preposition
    phrases = tuple(phrase for phrase in phrases if not _after_preposition(tokens, _first_offset(phrase)))
    if phrases and _after_condition(tokens, _first_offset(phrases[0])):
        return []  # "if the EU's foreign service reported that ...": nobody has said it
    if len(phrases) > 1 and not _opens_clause(tokens, _first_offset(phrases[0])):
        phrases = phrases[-1:]  # "who chairs the committee, and two others, Ortiz said": not a list
    if shape.opens_clause:
        phrases = tuple(phrase for phrase in phrases if _opens_clause(tokens, _first_offset(phrase)))
    named = _named_before_role(tokens, phrases[0]) if len(phrases) == 1 else None
    if named is not None:
        return [named]
    return [_Found(phrase) for phrase in phrases or _document_owner(tokens, end)]


def _with_partitive(tokens: list[Token], phrase: Phrase) -> Phrase:
    """ "two of the new owners", "One of the diplomats": the part of a group speaks, named with
    the number that picks it out."""
    number = next((n for n, token in enumerate(tokens) if token.start == phrase.start), 0)
    if number < 2 or tokens[number - 1].lower != "of" or tokens[number].lower not in _PARTITIVE_OWNERS:
        return phrase
    part = tokens[number - 2]
    if part.lower not in _PARTS or not _opens_clause(tokens, part.start):
        return phrase
    return replace(phrase, start=part.start, common_start=part.capitalised)


_PARTS = frozenset(
    {
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("some", "many", "several", "most", "few", "each", "none", "all", "both", "another"),
    }
)
_PARTITIVE_OWNERS = frozenset({"the", "its", "their", "his", "her", "our", "these", "those"})


def _named_before_role(tokens: list[Token], role: Phrase) -> _Found | None:
    """ "Rear Adm. Dan Hagar, the chief spokesman for the military said": an apposition whose
    closing comma is missing still describes the person named before it."""
    if role.kind is not SourceKind.OFFICIAL:
        return None
    comma = next((n for n, token in enumerate(tokens) if token.start == role.start), 0) - 1
    if comma < 1 or tokens[comma].text != ",":
        return None
    person = _phrases_ending_at(tokens, comma)
    if len(person) != 1 or person[0].kind is not SourceKind.NAMED_PERSON:
        return None
    if not _opens_clause(tokens, _first_offset(person[0])):
        return None
    return _Found(person[0], (role.start, role.end))


def _outside_preposition(tokens: list[Token], phrase: Phrase) -> Phrase:
    """ "Speaking to reporters, Ana Roe said": an object before the comma ("reporters") is no
    description of the name after it."""
    described = phrase.description
    if described is None or described[0] >= phrase.start or not _after_preposition(tokens, described[0]):
        return phrase
    return replace(phrase, description=None)


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
            owner = _phrases_ending_at(tokens, number)
            named = [phrase for phrase in owner if phrase.kind in {SourceKind.ORGANIZATION, None}]
            if len(named) != len(owner) or not named:
                return ()
            last = tokens[number - 1]
            if last.possessive and named[-1].end == last.end:  # "the ministry's statement"
                named[-1] = replace(named[-1], end=last.base_end)
            elif len(named) == 1:  # "an army statement": the article is the document's
                named[0] = _without_article(tokens, named[0])
            return tuple(named)
    return ()


def _without_article(tokens: list[Token], phrase: Phrase) -> Phrase:
    for number, token in enumerate(tokens):
        if token.start == phrase.start:
            if token.lower in {"a", "an", "the"} and number + 1 < len(tokens):
                return replace(phrase, start=tokens[number + 1].start, common_start=False)
            break
    return phrase


def _pronoun(token: Token) -> list[_Found]:
    """ "he said": a pronoun for the registry to link to an earlier speaker."""
    if token.lower in _PRONOUNS and token.type is TokenType.WORD:
        return [_Found(Phrase(token.start, token.end, None), pronoun=token.lower)]
    return []


def _subject_window(text: str, anchor: int, shape: Shape) -> tuple[list[Token], int]:
    """The sentence before an anchor and where its subject ends (0: no subject may end there)."""
    tokens = _window_before(text, anchor, _NEAR)
    end, passive = _skip_auxiliaries(tokens, len(tokens))
    cut = anchor > _NEAR and bool(tokens) and tokens[0].start < anchor - _NEAR + 40
    if end and tokens[end - 1].text in _ASIDE_CLOSERS and cut:
        tokens = _window_before(text, anchor)  # the aside may begin before the near window
        end, passive = _skip_auxiliaries(tokens, len(tokens))
    if passive and not shape.passive:
        return tokens, 0  # "was told", "has been accused": the subject is not the speaker
    if any(token.lower in _NEGATIONS for token in tokens[end:]):
        return tokens, 0  # "would not say": nothing is attributed
    return tokens, _before_anonymity(tokens, end)


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


def _subject_before_aside(tokens: list[Token], end: int) -> list[_Found]:
    """A subject set off from its verb: "X, who ..., said", "X — ... — said", "Russia, which said"."""
    last = tokens[end - 1]
    if last.lower in {"which", "who"}:
        if end < 2 or tokens[end - 2].text != ",":
            return []
        return [_Found(phrase) for phrase in _phrases_ending_at(tokens, end - 2)]
    if last.text == ",":
        return _appositive_subject(tokens, end - 1)
    opening = None
    if last.text in {"—", "–"}:
        opening = _previous_mark(tokens, end - 1, {"—", "–"})
    elif last.text == ")":
        opening = _previous_mark(tokens, end - 1, {"("})
        if opening is not None and _is_acronym_aside(tokens, opening):
            opening = end  # "the UN Office ... (OCHA) said": the acronym is part of the name
    return [_Found(phrase) for phrase in _phrases_ending_at(tokens, opening)] if opening is not None else []


def _sentence_subject(text: str, anchor: int, conjoined: bool, before: tuple[str, bool]) -> list[_Found]:
    """The naming phrase that opens the sentence, when a verb follows it right away."""
    if conjoined and before[0] not in _CONJOINED_GAP:
        return []  # cheap refusal first: most verbs do not follow "and"
    found = _opening_subject(_window_before(text, anchor), conjoined)
    if found or not conjoined:
        return found
    # "The mission reports voting was “orderly” but notes that": the quotation is inside the sentence.
    return _opening_subject(_window_before(text, anchor, quotes=False), conjoined)


def _opening_subject(tokens: list[Token], conjoined: bool) -> list[_Found]:
    """The phrase that opens ``tokens`` (one sentence) as the subject of a verb."""
    end, _ = _skip_auxiliaries(tokens, len(tokens))
    if conjoined and not (end and tokens[end - 1].lower in {"and", "but"}):
        return []
    start = _after_introduction(tokens)
    if start is None or start >= len(tokens):
        return []
    parsed = parse_phrase(tokens, start, len(tokens))
    if parsed is None or parsed.next >= len(tokens):
        return []
    after_aside = _after_aside(tokens, parsed.next)
    verb = tokens[_after_gap(tokens, after_aside)]
    function_word = verb.lower in STOPWORDS and verb.lower not in AUXILIARIES and verb.lower not in VERB_FORMS
    if verb.punct or verb.capitalised or function_word:
        return []  # the phrase is not the subject of a verb: "In the talks officials..."
    if after_aside != parsed.next:  # "A smaller union, the Independent Controllers' Union, ... said"
        return _with_appositive(parsed.phrases, tokens, parsed.next + 1, after_aside - 1)
    return [_Found(phrase) for phrase in parsed.phrases]


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
        elif (token.lower in TIME_WORDS or _is_adverb(token)) and not token.capitalised:
            position += 1
        else:
            break
    return position


_GAP_AFTER_OPENER = TIME_WORDS | frozenset({"first", "once", "least"})


def _after_introduction(tokens: list[Token]) -> int | None:
    """Where the subject may start: after "In Washington," or "On Monday,"; None if unclear."""
    if not tokens or (tokens[0].lower not in _INTRODUCERS and tokens[0].lower not in TIME_WORDS):
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
        object_ended = number >= 2 and not previous.capitalised and previous.lower not in _PREPOSITIONS
        if after_time or (token.capitalised and token.lower not in TIME_WORDS and object_ended):
            return number - 1 if previous.lower in DETERMINERS and not after_time else number
    return None


_CONJOINED_GAP = AUXILIARIES | ADVERBS | {"and", "but"}
_INTRODUCERS = frozenset(
    [
        "in",
        "on",
        "at",
        "after",
        "before",
        "during",
        "earlier",
        "later",
        "meanwhile",
        "separately",
        "however",
        "still",
        "also",
        "since",
        "while",
        "when",
        "as",
        "by",
        "with",
        "under",
    ]
)
"""Words that open an introductory phrase set off by a comma: "In Washington, ..."."""


def _skip_auxiliaries(tokens: list[Token], end: int) -> tuple[int, bool]:
    """The index before auxiliaries, adverbs and times in front of a verb, and whether it is passive."""
    passive = False
    while end:
        token = tokens[end - 1]
        low = token.lower
        if low in AUXILIARIES or _is_adverb(token):
            passive = passive or low in _BE
            end -= 1
        elif low in TIME_WORDS and not token.punct:
            end = _time_start(tokens, end)
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


def _previous_mark(tokens: list[Token], closing: int, marks: set[str]) -> int | None:
    for number in range(closing - 1, max(-1, closing - _APPOSITIVE_TOKENS), -1):
        if tokens[number].text in marks:
            return number
    return None


def _before_relative_clause(tokens: list[Token], end: int) -> tuple[Phrase, ...]:
    """ "Arab countries which back the plan said": the subject stands before "which";
    "officials we interviewed worry": before the pronoun of a clause without one."""
    for number in range(end - 1, max(-1, end - 10), -1):
        token = tokens[number]
        if token.punct:
            return ()
        if token.lower == "who" and number:
            # "a former fighter who asked not to be named said": the clause is part of the
            # phrase, up to the verb (docs/labelling.md).
            before_who = _phrases_ending_at(tokens, number)
            if len(before_who) != 1:
                return before_who
            return (replace(before_who[0], end=tokens[end - 1].end),)
        if token.lower in {"which", "that"} and number:
            return _phrases_ending_at(tokens, number)
        if token.lower in {"we", "they", "i", "you"} and number and end - number <= 3:
            # The clause belongs to the phrase, as "who" clauses do: "officials we interviewed".
            found = [p for p in _phrases_ending_at(tokens, number) if p.kind is not None]
            return tuple(replace(p, end=tokens[end - 1].end) for p in found[-1:]) if len(found) == 1 else ()
    return ()


def _is_adverb(token: Token) -> bool:
    low = token.lower
    return low in ADVERBS or (
        low.endswith("ly") and not token.capitalised and low.isalpha() and low != "only"
    )


def _phrases_ending_at(tokens: list[Token], end: int) -> tuple[Phrase, ...]:
    """The leftmost phrase list that ends exactly at ``end``, within its clause."""
    start = end
    while start > max(0, end - _SUBJECT_TOKENS):
        previous = tokens[start - 1]
        if previous.text == ")" and start >= 3 and _is_acronym_aside(tokens, start - 3):
            start -= 3  # "(OCHA)"
            continue
        if previous.punct and previous.text != ",":
            break
        if (
            previous.lower in CLAUSE_WORDS
            and previous.text not in GIVEN_NAMES
            and not previous.text.isupper()
        ):
            break  # "he", "said" end the phrase; "US" and "Said" (a name) do not
        start -= 1
    for first in range(start, end):
        opener = tokens[first]
        if opener.punct or (
            opener.lower in _NO_OPENERS and opener.text not in GIVEN_NAMES and not opener.text.isupper()
        ):
            continue  # no phrase opens with a mark or a function word: skip the parse
        parsed = parse_list(tokens, first, end)
        if parsed is not None and parsed.next == end:
            return parsed.phrases
    return ()


def _appositive_subject(tokens: list[Token], closing: int) -> list[_Found]:
    """ "Robert Greenway, former Senior Director ..., said": the source sits before the aside."""
    for comma in range(closing - 1, max(-1, closing - _APPOSITIVE_TOKENS), -1):
        token = tokens[comma]
        if token.text != ",":
            if token.punct and token.text not in {"(", ")", "—", "–"}:
                break
            continue
        if _is_numbered(tokens, comma):
            return _numbered_apposition(tokens, comma + 1, closing)
        subject = _phrases_ending_at(tokens, comma)
        if subject and _opens_clause(tokens, _first_offset(subject[0])):
            return _with_appositive(subject, tokens, comma + 1, closing)
    return []


def _after_condition(tokens: list[Token], start: int) -> bool:
    """Whether the words at ``start`` follow "if", "unless" or "whether": a hypothetical speaker."""
    for number, token in enumerate(tokens):
        if token.start == start:
            return number > 0 and tokens[number - 1].lower in {"if", "unless", "whether"}
    return False


def _after_preposition(tokens: list[Token], start: int) -> bool:
    """ "Seas at Risk North said": words right after a preposition are its object, not a subject."""
    for number, token in enumerate(tokens):
        if token.start == start:
            return number > 0 and tokens[number - 1].lower in _PREPOSITIONS
    return False


_NO_OPENERS = STOPWORDS - DETERMINERS
"""Words no naming phrase opens with ("US" and "Said" are names: checked with their capitals)."""
_PREPOSITIONS = frozenset(
    ["at", "in", "on", "of", "for", "from", "with", "by", "to", "into", "near", "over", "under", "about"]
)


def _first_offset(phrase: Phrase) -> int:
    """Where the words of a phrase begin, its description or outlet included ("NPR's Peter ...")."""
    starts = [phrase.start]
    if phrase.description is not None:
        starts.append(phrase.description[0])
    if phrase.outlet is not None:
        starts.append(phrase.outlet[0])
    return min(starts)


def _opens_clause(tokens: list[Token], start: int) -> bool:
    """Whether the phrase starting at offset ``start`` opens a clause, as a subject does.

    In "Moira Sutherland, who runs Sutherland Seafoods, the town's largest processor, said"
    the company follows "runs": it is an object inside the aside, not the subject.
    """
    for number, token in enumerate(tokens):
        if token.start == start:
            if number == 0:
                return True
            previous = tokens[number - 1]
            return previous.punct or previous.lower in {
                "and",
                "but",
                "while",
                "as",
                "which",
                "that",
                "who",
                "whom",
            }
    return True


def _is_numbered(tokens: list[Token], comma: int) -> bool:
    """ "One, Finance Minister Ilan Vered, said": a bare "one" before the aside."""
    return (
        comma >= 1
        and tokens[comma - 1].lower in {"one", "another"}
        and (comma == 1 or tokens[comma - 2].punct or tokens[comma - 2].lower in {"and", "but"})
    )


def _numbered_apposition(tokens: list[Token], first: int, stop: int) -> list[_Found]:
    parsed = parse_phrase(tokens, first, stop)
    if parsed is None or parsed.next != stop:
        return []
    return [_Found(phrase) for phrase in parsed.phrases]


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
    body = _named_body_aside(tokens, phrase, first, stop) if phrase.kind is SourceKind.ORGANIZATION else None
    if body is not None:
        return [_Found(body)]
    return [_Found(phrase, _description(phrase, tokens, first, stop))]


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
        or opener.lower in _INTRODUCERS  # "The ministry, in a statement, said": an adjunct
        or (opener.lower.endswith("ing") and not opener.capitalised)  # "speaking on condition ..."
    )
    return None if refused else (tokens[first].start, tokens[stop - 1].end)


def _subject_after(text: str, position: int, pronoun: bool) -> list[_Found]:
    """ "“...,” said Lena Korhonen, who grows apples": the source follows the verb."""
    tokens = _window_after(text, position)
    if not tokens:
        return []
    if pronoun:
        first = tokens[0]
        if first.lower in _PRONOUNS and (len(tokens) == 1 or tokens[1].punct):
            return [_Found(Phrase(first.start, first.end, None), pronoun=first.lower)]
        return []
    parsed = parse_list(tokens, 0, len(tokens))
    if parsed is None:
        return []
    after = parsed.next
    if after < len(tokens) and not tokens[after].punct and tokens[after].lower not in TAILS:
        return []  # "said Hamas would..." reports what Hamas would do; the speaker came earlier
    return _with_description_after(tokens, parsed)


def _with_description_after(tokens: list[Token], parsed: Parsed) -> list[_Found]:
    """ "said Lena Korhonen, a grower": the aside after an inverted subject describes it."""
    after = parsed.next
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
        name = _name(text, phrase)
        kind = _kind_from_description(phrase, description)
        mentions.append(Mention(phrase.start, phrase.end, name, kind, description, item.pronoun))
    mentions.sort(key=lambda mention: (mention.start, -mention.end))
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _kind_from_description(phrase: Phrase, description: str | None) -> SourceKind | None:
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


def _name(text: str, phrase: Phrase) -> str:
    """The phrase as written; a capital that only opens the sentence is lowered ("Senior officials")."""
    name = _clean(text[phrase.name_start if phrase.name_start is not None else phrase.start : phrase.end])
    if not phrase.common_start or phrase.name_start is not None:
        return name
    words = name.split(" ", 2)
    if words[0].lower() in _PROPER_ADJECTIVES:
        return name  # "Arab countries", "European parties"
    opener = words[0].lower()
    if len(words) > 1 and words[1][:1].isupper() and opener not in DETERMINERS | _PLAIN_ADJECTIVES:
        return name  # "State Department", "Health Ministry": the capital is the name's own
    return name[:1].lower() + name[1:]


def _clean(text: str) -> str:
    return " ".join(text.split())
