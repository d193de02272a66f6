"""Find where a paragraph names the sources of what it reports.

The shapes of attribution are data: `attribution_shapes.SHAPES` lists each with an example,
the anchor it is found by (a reporting verb from `reporting_verbs`, "told", "according to",
a colon before a quotation...) and the side of the anchor the source stands on. One compiled
pattern finds every anchor; at each, the shapes of that anchor are tried in table order and
a small window on the shape's side is parsed (see `phrases`).

Between a subject and its verb the finder skips what `attribution_shapes.GAPS` lists
(auxiliaries, a time, an aside between commas or dashes, a relative clause); after an
inverted "said X" it allows the tails of `attribution_shapes.TAILS`. Whether a verb reports
at all ("announced that" but not "announced the plan") is read by `verb_frames`, and when the
words before it take the claim away ("once inspectors confirm", "what donors pledged") by
`verb_refusals`; what stands in a quotation or a credit line ("(Reporting by ...)", "X
contributed reporting") is set aside by `excluded_text` and never yields a source.

The parts live by what they do: `source_windows` (the bounded token windows around an
anchor), `noun_phrases` (where a naming phrase before a verb begins), `subjects` (the
subject past the gaps), `appositions` (asides that describe or name a source),
`source_names` (how a source is written and its kind), `antecedents` (a pronoun's
candidate inside the paragraph) and `mentions` (the records). This module holds the
anchors and the readers of the shapes whose source is not a plain subject.

The work per paragraph is proportional to the number of anchors, and every window is
bounded, so the whole pass stays linear in the size of the briefing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from briefing_tui.analysis.affiliations import person_before_affiliation, without_base, without_description
from briefing_tui.analysis.antecedents import with_antecedents
from briefing_tui.analysis.appositions import with_description_after
from briefing_tui.analysis.attribution_shapes import SHAPES, TAILS, Anchor, Shape, Side
from briefing_tui.analysis.bracket_citations import bracketed_outlets
from briefing_tui.analysis.excluded_text import (
    InsideSpans,
    outside_quotations,
    quoted_spans,
    without_credit_lines,
)
from briefing_tui.analysis.mentions import Found, Mention
from briefing_tui.analysis.patterns import phrase_alternation
from briefing_tui.analysis.phrases import Parsed, Phrase, parse_list, parse_phrase
from briefing_tui.analysis.quoted_titles import unquote_titles
from briefing_tui.analysis.reporting_verbs import (
    CHANNEL_PHRASES,
    COLLECTIVE_MODIFIERS,
    COLLECTIVE_VOICES,
    CUE_PHRASES,
    PARTICIPLES,
    QUOTED_BY_PHRASES,
    VERB_FORMS,
    Frame,
)
from briefing_tui.analysis.source_names import (
    clean_spaces,
    display_name,
    kind_fits,
    kind_from_description,
    surnames_in,
    written_as_name,
)
from briefing_tui.analysis.source_windows import (
    BE_FORMS,
    HARD_STOPS,
    SPEAKER_PRONOUNS,
    window_after,
    window_before,
    word_before,
)
from briefing_tui.analysis.subjects import after_introduction, sentence_subject, subject_before
from briefing_tui.analysis.tokens import Token, tokenize
from briefing_tui.analysis.verb_frames import frame_allows, is_act, until_punct
from briefing_tui.analysis.verb_refusals import (
    document_as_object,
    made_to_say,
    on_condition,
    what_was_pledged,
)
from briefing_tui.analysis.vocabulary import (
    DOCUMENT_NOUNS,
    HEAD_KINDS,
    ORGANIZATION_WORDS,
    OUTLET_SYNONYMS,
    OUTLET_WORDS,
    PLACE_NAMES,
    PROGRAMME_NOUNS,
    TITLE_ABBREVIATIONS,
)
from briefing_tui.model import SourceKind

__all__ = ["Mention", "find_mentions", "outlet_names", "surnames_in"]


_TOLD = ("told", "tells", "tell")


_CITING = ("quoting", "citing")
"""Participles that name a source after them: "the agency reported, citing two sources",
"Quoting unnamed officials, it said" (they may open a sentence, so their capital form counts)."""


_STATEMENT_VERBS = ("released", "issued", "put out", "published", "posted", "sent")


_STATEMENT_NOUNS = ("statement", "response", "communique", "communiqué")
"""What a body puts out that speaks for it: "issued a brief response stating ..."."""


_STATEMENT_KINDS = ("", "joint ", "written ", "brief ", "short ", "separate ", "emailed ", "new ", "formal ")


_ANCHOR_OF: dict[str, Anchor] = {
    **dict.fromkeys((form for form in VERB_FORMS if form not in _TOLD), Anchor.VERB),
    **dict.fromkeys(_TOLD, Anchor.TOLD),
    "quoted": Anchor.QUOTED,
    "cited": Anchor.QUOTED,
    **dict.fromkeys(_CITING, Anchor.QUOTED),
    **dict.fromkeys(
        (
            f"{verb} as {word}"
            for verb in ("quoted", "cited")
            for word in ("saying", "telling", "stating", "adding")
        ),
        Anchor.QUOTED_AS,
    ),
    **{
        f"{verb} {article} {kind}{noun}": Anchor.STATEMENT
        for verb in _STATEMENT_VERBS
        for article in ("a", "an")
        for kind in _STATEMENT_KINDS
        for noun in _STATEMENT_NOUNS
    },
    **dict.fromkeys(CUE_PHRASES, Anchor.CUE),
    **dict.fromkeys(CHANNEL_PHRASES, Anchor.CHANNEL),
    **dict.fromkeys(QUOTED_BY_PHRASES, Anchor.QUOTED_BY),
}
"""Every anchor phrase of `SHAPES` (lower case, one space between words) and its `Anchor`."""


def _anchor_pattern() -> str:
    """One trie over every anchor phrase, branching on the first letter.

    Only cue and channel phrases may open with a capital ("According to", "Speaking to
    Harbour Radio, Roe said"): a capital "Said" is a name.
    A single trie keeps the cost per position near that of the longest phrase, however
    many phrases there are.
    """
    lower: dict[str, list[str]] = {}
    upper: dict[str, list[str]] = {}
    for phrase in _ANCHOR_OF:
        lower.setdefault(phrase[0], []).append(phrase[1:])
    for phrase in (*CUE_PHRASES, *_CITING, *CHANNEL_PHRASES):
        upper.setdefault(phrase[0].upper(), []).append(phrase[1:])
    branches = [
        re.escape(first) + f"(?:{phrase_alternation(sorted(rests))})"
        for table in (lower, upper)
        for first, rests in sorted(table.items(), key=_by_word_start)
    ]
    return "|".join(branches)


_WORD_STARTS = "taoswipfcrdebhmnlgyuvkjqxz"
"""Letters by how often English words start with them: the engine tries a trie's branches in
turn, and no two share a first letter, so their order changes only how soon the right one is met."""


def _by_word_start(item: tuple[str, list[str]]) -> tuple[int, str]:
    first = item[0].lower()
    return (_WORD_STARTS.find(first) % (len(_WORD_STARTS) + 1), first)


_TRIGGER_PATTERN = (
    rf"\b(?P<word>{_anchor_pattern()})\b"
    r"|(?P<colon>:\s*[“\"](?=\S))"
    rf"|(?P<saying>(?:,|\s[—–-]|\sby)\s+(?:{'|'.join(PARTICIPLES)})\b)"
    r"|(?<=[,.!?…][”\"])(?P<quote_end>[ \t]+(?:[—–][ \t]*)?)(?=[^\W\d_])"
    r"|(?P<bare_colon>:[ \t]+)(?=[“\"‘'(]?[^\W\d_])"
    rf"|(?P<voice>\b[Tt]he[ \t]+(?:(?:{'|'.join(COLLECTIVE_MODIFIERS)})[ \t]+)?"
    rf"(?:{'|'.join(COLLECTIVE_VOICES)}))"
    r"(?=[ \t]+(?:(?:have|had|also|further|jointly|then)[ \t]+)?[a-z]{3,}ed\b)"
)
"""Every anchor of `SHAPES`: a phrase of `_ANCHOR_OF`, a colon before a quotation, ", saying",
" – claiming", a joint statement's collective voice before a past verb ("The Ministers recalled")."""


def _top_level_branches(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` joined by its top-level "|" (escapes, sets and groups skipped)."""
    branches: list[str] = []
    depth, begun, index, in_set = 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1  # the escaped character is never syntax
        elif in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            index += pattern.startswith("^", index + 1)  # "[^" then a "]" is a member: "[^]...]"
            index += pattern.startswith("]", index + 1)  # "[]...]": a first "]" is a member
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            branches.append(pattern[begun:index])
            begun = index + 1
        index += 1
    return [*branches, pattern[begun:]]


class _SearchFromBefore:
    """A branch searched for from what must stand right before it, a rarer thing to find.

    Alone, a branch that opens with "\\b" or a look behind is still tried at every character.
    ``before`` (``width`` characters: no word character, or a stop and a closing quote) opens a
    pattern the engine skips to in C; the branch's ``body`` is then matched right after it, so
    the match is the branch's own. With ``at_start``, the start of the text counts as "before".
    """

    def __init__(self, body: str, before: str, width: int, at_start: bool) -> None:
        self._at = re.compile(body)
        self._before = re.compile(f"{before}(?:{body})")
        self._width = width
        self._at_start = at_start

    def search(self, text: str, position: int = 0) -> re.Match[str] | None:
        """What the branch's own ``search(text, position)`` finds."""
        if position == 0 and self._at_start:
            found = self._at.match(text)
            if found is not None:
                return found
            position = 1
        before = self._before.search(text, max(0, position - self._width))
        while before is not None:
            found = self._at.match(text, before.start() + self._width)
            if found is not None:
                return found
            before = self._before.search(text, before.start() + 1)
        return None


_FROM_BEFORE = (
    (r"\b(?P<word>", r"(?P<word>", r"\W", 1, True),
    (r"(?<=[,.!?…][”\"])(?P<quote_end>", r"(?P<quote_end>", r"[,.!?…][”\"]", 2, False),
)
"""Openings of `_TRIGGER_PATTERN`'s branches searched from before (see `_SearchFromBefore`): each
with the same opening less its check of what stands before, that check as a pattern of its
own, how wide it is, and whether the start of the text passes it ("\\b" before a letter)."""


class _SearchByOpenings:
    """A branch whose opening is an alternation, searched for by each opening on its own.

    ", saying", " – claiming", " by noting": each opening alone is compiled to start with its
    rarer character (the comma, the dash, the "b" of "by"; the space before them checked after
    it), which the engine skips to in C, where the branch opens with a space or a comma and is
    tried at every one. At one place at most one opening fits, so the leftmost place any opening
    is found, less its ``offset`` (the characters checked before it), is where the branch matches.
    """

    def __init__(self, branch: str, openings: tuple[tuple[str, int], ...]) -> None:
        self._at = re.compile(branch)
        self._openings = tuple((re.compile(opening), offset) for opening, offset in openings)

    def search(self, text: str, position: int = 0) -> re.Match[str] | None:
        """What the branch's own ``search(text, position)`` finds."""
        best = -1
        for opening, offset in self._openings:
            found = opening.search(text, position + offset)
            if found is not None and (best < 0 or found.start() - offset < best):
                best = found.start() - offset
        return None if best < 0 else self._at.match(text, best)


_OPENINGS_APART = (
    (
        r"(?P<saying>(?:,|\s[—–-]|\sby)",
        ((r"(?P<saying>,", 0), (r"(?P<saying>[—–-](?<=\s[—–-])", 1), (r"(?P<saying>by(?<=\sby)", 1)),
    ),
    # "the Ministers": the literal "he" is skipped to in C, where a "t" or "T" (one in ten
    # characters) opened a try of the branch; the look behind checks the "T" and the "\b" before it.
    (r"(?P<voice>\b[Tt]he", ((r"(?P<voice>he(?<=[Tt]he)(?<!\w...)", 1),)),
)
"""Openings of `_TRIGGER_PATTERN`'s branches searched for apart (see `_SearchByOpenings`): each
with its alternatives, each the group's opening with what the rest of the branch follows, and how
many characters before the branch's start it is found."""


def _compiled(branch: str) -> re.Pattern[str] | _SearchFromBefore | _SearchByOpenings:
    for opening, unchecked, before, width, at_start in _FROM_BEFORE:
        if branch.startswith(opening):
            return _SearchFromBefore(unchecked + branch[len(opening) :], before, width, at_start)
    for opening, alternatives in _OPENINGS_APART:
        if branch.startswith(opening):
            rest = branch[len(opening) :]
            return _SearchByOpenings(branch, tuple((first + rest, offset) for first, offset in alternatives))
    return re.compile(branch)


_TRIGGER_BRANCHES = tuple(_compiled(branch) for branch in _top_level_branches(_TRIGGER_PATTERN))
"""`_TRIGGER_PATTERN`'s branches compiled one by one (see `_anchor_matches`)."""


@functools.cache
def _trigger() -> re.Pattern[str]:
    """`_TRIGGER_PATTERN` as one alternation, what `_anchor_matches` must find: compiled only
    to check that (the analysis never compiles it, a 35 ms saving on import)."""
    return re.compile(_TRIGGER_PATTERN)


def _anchor_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``_trigger().finditer(text)`` yields, found branch by branch: about a third faster.

    Alone, most branches start with a set of characters the engine skips to (see
    `_SearchFromBefore`, `_SearchByOpenings`); together, the engine tries every branch at
    every character. The alternation's rule is kept: the leftmost match wins, at one place the
    first branch's, and the next search starts where the last match ended (none is empty).
    """
    branches = _TRIGGER_BRANCHES
    pending = [branch.search(text) for branch in branches]
    position = 0
    while True:
        best: re.Match[str] | None = None
        for number, waiting in enumerate(pending):
            found = waiting
            if found is not None and found.start() < position:  # overlapped: search on from here
                found = pending[number] = branches[number].search(text, position)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        if best is None:
            return
        yield best
        position = best.end()


_MARK_ANCHORS = {
    "colon": Anchor.COLON,
    "saying": Anchor.SAYING,
    "quote_end": Anchor.QUOTE_END,
    "bare_colon": Anchor.BARE_COLON,
    "voice": Anchor.VOICE,
}
"""The anchors found by a mark rather than a phrase, by the name of their group in `_TRIGGER_PATTERN`."""

_WITH_PARTICIPLES = (*PARTICIPLES, "accusing", "reporting")
"""Participles that report for the subject of "with X ...": "with the ministry confirming that"."""

_WITH_SAYING = re.compile(
    r"with(?<![\w]with)[ \t](?:(?!(?:said|says|told)\b)[^,.;:!?“”\"\n]){1,80}?[ \t]"
    rf"(?=(?:{'|'.join(_WITH_PARTICIPLES)})\b)"
)
"""\"with mediators saying": "with", up to 80 characters without a mark or a reporting verb, then a
participle (the anchor ends before it). Kept out of `_TRIGGER`, whose every position it would
slow: it is searched for only in paragraphs that have "with " at all. It opens with the literal
"with" (the check for no word character before it comes after), which the engine finds by a
fast string search instead of trying every position: three times faster."""


_SHAPES_BY_ANCHOR: dict[Anchor, tuple[Shape, ...]] = {
    anchor: tuple(shape for shape in SHAPES if shape.anchor is anchor) for anchor in Anchor
}


_MARK_BEFORE = re.compile(r"(?:[,”\"—–]|\s-)\s*$")
"""An inverted verb comes right after a comma, a closing quote or a dash: "“...,” said X"."""


def find_mentions(text: str, outlets: frozenset[str] = frozenset()) -> list[Mention]:
    """Every source the paragraph ``text`` names, in order of position, without overlaps.

    ``outlets`` are the names (lower case, no leading "the") of the outlet that published the
    briefing, from its byline or dateline: "told NBN" names an outlet when NBN published it."""
    text = unquote_titles(text)  # "told the 'Daily Courier'": a title, not a quotation
    found: list[Found] = []
    quoted = quoted_spans(text)
    inside = InsideSpans(quoted)
    reported_from = -1  # where the clause reported by the last verb that named a speaker begins
    for match in _anchor_matches(text):
        if inside(match.start()):
            continue  # words inside a quotation are the speaker's, not the report's
        group = match.lastgroup
        if group == "word":
            words = match.group()
            anchor = _ANCHOR_OF.get(words) or _ANCHOR_OF[" ".join(words.split()).lower()]
        else:
            anchor = _MARK_ANCHORS[group or ""]
        if _refused_anchor(text, match, anchor):
            continue
        before: tuple[str, bool] | None = None
        passive = False
        if anchor is Anchor.VERB:
            before = word_before(text, match.start())
            if _no_verb_here(before, match.group()) or _reads_no_record(text, match, before):
                continue
            passive = before[0] in BE_FORMS
            if not _verb_reports(text, match, passive):
                continue  # "is expected to": a passive names no speaker, unless "by" one
        results = _read_anchor(text, match, anchor, before, passive, outlets=outlets)
        if results and anchor is Anchor.VERB:
            results = _read_at_verb(text, match, results, found)
        if anchor in _REPORTING_ANCHORS:
            verb = match.group().lower()
            results = [item for item in results if not _inside_report(text, reported_from, item, verb)]
            if results:
                reported_from = match.end()
        found.extend(results)
    if "with " in text:
        found.extend(_with_subjects(text, InsideSpans(quoted)))  # offsets start over
    mentions = outside_quotations(quoted, _with_citations(_mentions(text, found), bracketed_outlets(text)))
    return with_antecedents(text, without_credit_lines(text, mentions))


def _refused_anchor(text: str, match: re.Match[str], anchor: Anchor) -> bool:
    """Whether the words around an anchor take its report away before any shape is read."""
    if anchor is Anchor.CUE:
        return document_as_object(text, match)  # "welcomed the joint statement by Vessa"
    if anchor is Anchor.TOLD:
        # "told the envoys to wait": an order; "will tell reporters": not yet said
        return is_act(text, match.group().lower(), match.end()) or _not_said_yet(text, match)
    return anchor is Anchor.VERB and _not_said_yet(text, match)  # "both sides should say"


def _read_at_verb(text: str, match: re.Match[str], results: list[Found], found: list[Found]) -> list[Found]:
    """What a reporting verb's shapes found, read in the sentence around it: an outlet that
    carried the report, an outlet addressed, and speakers that are only supposed."""
    if _reports_at_the_end(text, match, found):
        results = [_as_outlet(text, item) for item in results]  # "..., Nordpress reported."
    elif _reports_speech(text, match):
        results = [
            _as_reporting_outlet(text, item) for item in results
        ]  # "The Empire reported officials said"
    if " to " in text[match.end() : match.end() + _TO_REACH]:
        results = [*results, *_outlet_addressed(text, match.end())]  # "confirmed it to the Post"
    verb = match.group()
    return [
        item
        for item in results
        if not made_to_say(text, item, verb)
        and not what_was_pledged(text, item, verb)
        and not on_condition(text, item, verb)
    ]


_ARTICLES_AND_POSSESSIVES = frozenset(
    {"a", "an", "the", "its", "their", "his", "her", "our", "my", "your", "these", "those", "each", "every"}
)
"""Words after which a verb form is a noun or an adjective: "a report", "its stated aim"."""


_READ_FORMS = frozenset({"read", "reads"})
_READING_RECORDS = DOCUMENT_NOUNS | frozenset(
    {"statement", "release", "message", "notice", "text", "post", "letter"}
)
"""What "read" reports after: a record ("the union's statement read", "a text message read")."""


def _reads_no_record(text: str, match: re.Match[str], before: tuple[str, bool]) -> bool:
    """Whether "read" here is no report: only a record reads ("a union statement read", "“...,”
    read a press release from X"); a person who "read the text" reads aloud."""
    if match.group().lower() not in _READ_FORMS:
        return False
    return before[0] not in _READING_RECORDS and not _MARK_BEFORE.search(
        text, max(0, match.start() - 3), match.start()
    )


_UNSAID_MODAL = re.compile(r"(?<![\w’'])(?:should|must|will|could|may|might|shall)[ \t]+$")
"""A modal right before a bare reporting verb makes it advice about what to say ("should
say") or a claim not yet made ("will announce the names", "could say as early as Monday");
"would" stays ("would say only that ..." reports), and so does "May", a month, by its capital."""


def _not_said_yet(text: str, match: re.Match[str]) -> bool:
    return _UNSAID_MODAL.search(text, max(0, match.start() - 8), match.start()) is not None


_PARTICIPLES_ONLY = frozenset({"written", "sworn", "shown", "spoken"})
"""Forms that are only past participles: without an auxiliary before them they are adjectives
("written proposals") or passives, never a finite verb with a subject."""
_AUXILIARIES = BE_FORMS | {"has", "have", "had", "having"}


def _no_verb_here(before: tuple[str, bool], verb: str) -> bool:
    """Whether a verb form is no verb where it stands: "a report by", "its stated aim" (a noun or
    an adjective after an article), "raising hopes that" (a participle's object), "handed the
    team written proposals" (a participle without an auxiliary)."""
    if before[0] in _ARTICLES_AND_POSSESSIVES and not before[1]:
        return True
    if _object_of_participle(before, verb):
        return True
    return verb.lower() in _PARTICIPLES_ONLY and before[0] not in _AUXILIARIES


def _object_of_participle(before: tuple[str, bool], verb: str) -> bool:
    """Whether a verb form in "-s" is the plural noun a participle takes: "raising hopes"."""
    word, capitalised = before
    return (
        verb.endswith("s") and " " not in verb and word.endswith("ing") and len(word) > 4 and not capitalised
    )


_REPORTING_ANCHORS = frozenset({Anchor.VERB, Anchor.TOLD})
"""Anchors whose clause after them is what the speaker said."""


_CLAUSE_BREAK = re.compile(
    r"[;:.!?“”\"()]|,\s|\s[—–-]\s|\b(?:and|but)\s+(?!that\b)|\b(?:what|which|who|whom|whose)\b"
)
"""What ends the clause a speaker reports: a stop, a comma, a quotation mark, a dash, a new
coordinated clause ("and the EU said"; "and that" goes on reporting), a relative clause
("welcomed what she called ...")."""


_STANCES = frozenset({"hoped", "hopes", "believed", "believes", "expected", "expects", "feared", "fears"})
"""Verbs of a stance that a reported clause gives its subject: "the ministry said Velmar hoped"."""


_OWNER_PRONOUNS = ("her ", "his ", "their ", "its ")
_HAD_BEFORE = re.compile(r"[ \t]+(?:\w+[ \t]+)?had\b")


def _inside_report(text: str, reported_from: int, item: Found, verb: str) -> bool:
    """Whether ``item``, a pronoun subject of a reporting verb, stands inside the clause an
    earlier verb reports: "Roe said on Thursday he hoped ..." attributes the hope to Roe once,
    by her name (docs/labelling.md, section 8). So does a lone capitalised subject of a stance:
    in "the ministry said Velmar hoped ...", the ministry speaks, not Velmar."""
    stance = item.phrase.kind is None and verb in _STANCES
    owned = text[item.phrase.start : item.phrase.start + 6].lower().startswith(_OWNER_PRONOUNS)
    backshifted = verb.startswith("had ") or _HAD_BEFORE.match(text, item.phrase.end, item.phrase.end + 40)
    nested = owned or bool(backshifted)
    if (
        (item.pronoun is None and not stance and not nested)
        or reported_from < 0
        or item.phrase.start < reported_from
    ):
        return False
    return _clause_break(text, reported_from, item.phrase.start) is None


_MONTH_ABBREVIATIONS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
_NO_STOP_AFTER = TITLE_ABBREVIATIONS | _MONTH_ABBREVIATIONS
"""Words whose full stop ends no clause: "tariffs due on Dec. 15", "talks with Dr. Roe"."""
_WORD_BEFORE_STOP = re.compile(r"([A-Za-z]+)$")


def _clause_break(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first break of a reported clause between ``start`` and ``end``, past the full stops
    of abbreviations (`_NO_STOP_AFTER`)."""
    while (found := _CLAUSE_BREAK.search(text, start, end)) is not None and found.group() == ".":
        word = _WORD_BEFORE_STOP.search(text, max(0, found.start() - 6), found.start())
        if word is None or word.group(1).lower() not in _NO_STOP_AFTER:
            return found
        start = found.end()
    return found


def _read_anchor(
    text: str,
    match: re.Match[str],
    anchor: Anchor,
    before: tuple[str, bool] | None,
    passive: bool,
    *,
    outlets: frozenset[str] = frozenset(),
) -> list[Found]:
    """What the shapes of ``anchor`` find at ``match``, tried in table order."""
    found: list[Found] = []
    for shape in _SHAPES_BY_ANCHOR[anchor]:
        if (shape.fallback and found) or (shape.follows and not found) or shape.agent != passive:
            continue
        if shape.after_mark and not _MARK_BEFORE.search(text, max(0, match.start() - 3), match.start()):
            continue
        if shape.opener and not text[match.end() : match.end() + len(shape.opener) + 2].lstrip().startswith(
            shape.opener + " "
        ):
            continue  # cheap refusal first: most verbs are not followed by the opener ("said on")
        if shape.side is Side.BEFORE and before is None:
            before = word_before(text, match.start())
        results = _read(text, match, shape, before)
        if outlets and shape.kinds == _OUTLET_ONLY:
            results = [_as_known_outlet(text, item, outlets) for item in results]
        if shape.kinds is not None:
            results = [item for item in results if kind_fits(item.phrase.kind, shape.kinds)]
        if shape.named:
            results = [item for item in results if written_as_name(text, item.phrase)]
        if results and shape.side is Side.BEFORE:
            with_participle = anchor is Anchor.WITH_SAYING
            results = [
                item for item in results if not _no_subject_at(text, item.phrase.start, with_participle)
            ]
        if shape.side is Side.BEFORE and _any_bare(results) and _HE_OR_SHE_AFTER.match(text, match.end()):
            results = [_as_person(item) for item in results]  # "Netanyahu said he would"
        results = [_as_person(item) if _person_cue(text, item) else item for item in results]
        found.extend(results)
    return found


_ASKED_OR_COMPARED = re.compile(
    r"(?:(?:^|[.?!:;]\s+)(?:Will|Would|Can|Could|Should|Do|Does|Did|May|Might|Must|Shall)"
    r"|\bthan|\bas[ \t]+\w+[ \t]+as)[ \t]+$"
)
"""What makes a subject no speaker: a question ("Will members say yes?") or a comparison
("as fast as its drafters hoped", "more than officials expected")."""


_OBJECT_PREPOSITIONS = (
    "between",
    "with",
    "among",
    "amongst",
    "against",
    "alongside",
    "versus",
    "without",
    "amid",
)
"""Prepositions whose object stands right before a verb without being its subject: "the
meeting with Mr. Kask said" (the head is before the preposition)."""

_PREPOSITION = rf"\b(?i:{'|'.join(_OBJECT_PREPOSITIONS)})"
_LIST_ITEM = r"(?:the[ \t]+)?[\w.'’-]+(?:[ \t]+[\w.'’-]+){0,3}"
_BETWEEN_LIST = rf"(?<=\w[ \t])between[ \t]+{_LIST_ITEM}(?:,[ \t]+{_LIST_ITEM})*,?[ \t]+and[ \t]+$"
_PLAIN_AFTER_PREPOSITION = rf"{_PREPOSITION}[ \t]+$|{_BETWEEN_LIST}"
"""A preposition right before the subject, or "between" after a noun, before a list whose
last item the subject is ("talks between the port and Ostmark concluded"); after
"with ... and" the subject may open a new clause ("met with Kask and the union said"), and a
sentence may open with "Between sessions, the envoys said", so only "between" after a word
reads a list. What `_after_preposition` finds in the `_PREPOSITION_REACH` characters before a
subject, written plainly (the tests check the two agree)."""
_PREPOSITION_REACH = 80
_PREPOSITION_AT_END = re.compile(rf"{_PREPOSITION}\Z")
_PREPOSITION_LENGTH = max(len(word) for word in _OBJECT_PREPOSITIONS)
_BETWEEN_LIST_AT_END = re.compile(_BETWEEN_LIST)


def _spaced_words_end(text: str, start: int) -> int | None:
    """Where the words before ``start`` end, when spaces or tabs stand between them and
    ``start``, or between them and a newline right before it (what "[ \\t]+$" matches in a
    window that ends at ``start``); None when there are none, so that no such pattern can match.

    The look backs before a subject all end so: searched for as written, each "$" made the
    engine try every character of its window in turn, for every subject found. Their last
    word must end here, a cheap test to make first."""
    low = max(0, start - _PREPOSITION_REACH)
    end = start - 1 if text[start - 1 : start] == "\n" else start
    words_end = low + len(text[low:end].rstrip(" \t"))
    return None if words_end == end else words_end


def _after_preposition(text: str, start: int, words_end: int) -> bool:
    """Whether `_PLAIN_AFTER_PREPOSITION` is found in the `_PREPOSITION_REACH` characters before
    ``start``, whose words end at ``words_end`` (`_spaced_words_end`)."""
    low = max(0, start - _PREPOSITION_REACH)
    if _PREPOSITION_AT_END.search(text, max(low, words_end - _PREPOSITION_LENGTH), words_end):
        return True
    return text.endswith("and", low, words_end) and _BETWEEN_LIST_AT_END.search(text, low, start) is not None


_UNKNOWN_WHAT = re.compile(
    r"\b(?:unclear|not clear|unknown|not known|no word on|not say|not disclose|not reveal|not specify)"
    r"[ \t]+(?:what|whether|how much)[ \t]+$",
    re.IGNORECASE,
)
"""An embedded question before a subject: what someone said is not known, so nothing is reported."""
_WHAT_OPENS = re.compile(r"(?:^|[.!?]\s+)What[ \t]+$")
_UNKNOWN_LATER = re.compile(
    r"[^.!?]{0,160}?\b(?:remains?|is|was|are|were)[ \t]+(?:unclear|unknown|not known|not clear)\b"
)


def _unknown_after_what(text: str, start: int) -> bool:
    """ "What Kask said in private remains unknown": a clause that opens with "What" and is
    said to be unknown reports no words."""
    return _WHAT_OPENS.search(text, max(0, start - 8), start) is not None and (
        _UNKNOWN_LATER.match(text, start) is not None
    )


_ASKING_ENDS: tuple[str, ...] = ("Will", "Would", "Can", "Could", "Should", "Do", "Does", "Did")
_ASKING_ENDS += ("May", "Might", "Must", "Shall", "than", "as")
"""The words `_ASKED_OR_COMPARED` may end with (before its spaces)."""
_UNKNOWN_ENDS = ("what", "whether", "much")
"""The words `_UNKNOWN_WHAT` may end with, in lower case (none of their letters has a second
lower-case form that the engine's ignoring of case would match, as "ı" matches "i")."""


def _no_subject_at(text: str, start: int, with_participle: bool) -> bool:
    """Whether the words before a subject at ``start`` make it no speaker: a question, a
    comparison, "each" or a preposition whose object it is (bounded look backs). A participle keeps
    its subject after "with": "with mediators saying a deal was close"."""
    if word_before(text, start)[0] == "each":
        return True  # "each side accused the other": each apart, no body speaking as one
    words_end = _spaced_words_end(text, start)
    if words_end is None:
        return False  # each pattern below ends with spaces before the subject
    last = text[max(0, words_end - 8) : words_end]  # the last word, tested before any pattern
    if last.endswith(_ASKING_ENDS) and _ASKED_OR_COMPARED.search(text, max(0, start - 24), start):
        return True
    if last.lower().endswith(_UNKNOWN_ENDS) and _UNKNOWN_WHAT.search(text, max(0, start - 40), start):
        return True  # "it is not clear what Kask told the envoys": the words are not reported
    if last.endswith("What") and _unknown_after_what(text, start):
        return True
    return not with_participle and _after_preposition(text, start, words_end)


_OUTLET_ONLY = frozenset({SourceKind.OUTLET})


def _as_known_outlet(text: str, item: Found, outlets: frozenset[str]) -> Found:
    """ "told NBN" in a report NBN published: the publisher, named as the channel, is an outlet."""
    phrase = item.phrase
    words = clean_spaces(text[phrase.start : phrase.end]).casefold()
    if phrase.kind is SourceKind.OUTLET or words.removeprefix("the ") not in outlets:
        return item
    return replace(item, phrase=replace(phrase, kind=SourceKind.OUTLET))


def outlet_names(outlet: str | None, furniture: Iterable[str] = ()) -> frozenset[str]:
    """The names a briefing's own outlet goes by in its text, lower case: "meridian world news",
    for a name whose last word says it is an outlet its first and last words ("meridian",
    "courier" of "The Harbour Courier") and the name without that word ("channel seven" of
    "Channel Seven News", "meridian" of "Meridian Live"), and its other names in
    `OUTLET_SYNONYMS` ("associated press" for "AP"). A furniture line that is nothing but an
    outlet's name ("Channel Seven News" above the headline) names the publisher too, when the
    byline did not."""
    names: set[str] = set()
    for name in (outlet, *(line for line in furniture if _is_outlet_line(line))):
        if name:
            names |= _names_of_outlet(name)
    return frozenset(names)


def _names_of_outlet(outlet: str) -> set[str]:
    words = outlet.casefold().removeprefix("the ").split()
    names = {" ".join(words)}
    if len(words) > 1 and words[-1] in _PUBLISHER_ENDINGS:
        names.add(" ".join(words[:-1]))
        if words[-1] in OUTLET_WORDS:
            names |= {words[0], words[-1]}
    synonym = OUTLET_SYNONYMS.get(" ".join(words))
    if synonym is not None:
        names |= {name for name, short in OUTLET_SYNONYMS.items() if short == synonym}
    return names


_PUBLISHER_ENDINGS = OUTLET_WORDS | frozenset({"live", "online", "today"})
"""Last words a publisher's name may drop in its own text: "Meridian Live" writes "told Meridian"."""
_OUTLET_LINE = re.compile(r"^(?:The )?(?:[A-Z][\w'’-]*|\d+)(?: (?:[A-Z][\w'’-]*|\d+)){0,3}$")


def _is_outlet_line(line: str) -> bool:
    """ "Channel Seven News" alone on a furniture line: a short capitalised name ending in an
    outlet word (a date, a credit or "LIVE" is not)."""
    text = line.strip()
    words = text.casefold().split()
    return (
        _OUTLET_LINE.match(text) is not None
        and len(words) > 1
        and words[-1] in OUTLET_WORDS
        and not text.isupper()
    )


_HE_OR_SHE_AFTER = re.compile(r"[ \t]+(?:[\w'’-]+[ \t]+){0,5}?(?:that[ \t]+)?(?:he|she)\b")
"""A lone name that "said he ...", "said on Monday that she ..." or "told a farm audience last
week he ..." is a person's, not a body's (a few words, no mark, before the pronoun)."""


_TAIL_REPORTS = frozenset({"reported", "reports", "reporting"})
"""Verbs of an outlet that carried what the sentence reports: "..., Ana Roe said, Nordpress reported."."""


_SENTENCE_END = re.compile(r"[ \t]*(?:[.;]|$)")


_STOP = re.compile(r"[.!?][”\"]?\s")


def _reports_at_the_end(text: str, match: re.Match[str], found: list[Found]) -> bool:
    """Whether the anchor is "reported" closing a sentence in which someone already spoke:
    "“...,” Ana Roe said, Nordpress reported." (not "Forty died, Hamas reported.")."""
    if match.group().lower() not in _TAIL_REPORTS or _SENTENCE_END.match(text, match.end()) is None:
        return False
    spoke = found[-1].phrase.end if found else -1
    return spoke >= 0 and _STOP.search(text, spoke, match.start()) is None


def _as_outlet(text: str, item: Found) -> Found:
    """A lone name after a comma that "reported" what came before it is the outlet that carried
    it: ", Nordpress reported." ("the ministry reported" keeps the kind its head noun gives)."""
    phrase = item.phrase
    if phrase.kind is not None or item.pronoun is not None or not text[: phrase.start].rstrip().endswith(","):
        return item
    return replace(item, phrase=replace(phrase, kind=SourceKind.OUTLET))


_SPEECH_AFTER = re.compile(r"[^.;:!?“”\"]{1,60}?\b(?:said|says|told|had said|have said|has said)\b")


def _reports_speech(text: str, match: re.Match[str]) -> bool:
    """Whether "reported" carries someone else's words: "The Empire reported officials said ..."."""
    return match.group().lower() in _TAIL_REPORTS and _SPEECH_AFTER.match(text, match.end()) is not None


def _as_reporting_outlet(text: str, item: Found) -> Found:
    """A capitalised name without a body's word that reports what others said is an outlet:
    "The Juneau Empire reported state officials said" ("the ministry reported" stays a body)."""
    phrase = item.phrase
    if item.pronoun is not None or phrase.kind not in {None, SourceKind.ORGANIZATION}:
        return item
    words = text[phrase.start : phrase.end].split()
    plain = [word.strip("’'").lower() for word in words if word.lower() not in {"the", "a"}]
    if len(plain) < 2 or not all(word[:1].isupper() for word in words if word.lower() not in {"the", "a"}):
        return item  # a lone word ("Kessa reported") may be a country as well as an outlet
    if any(word in ORGANIZATION_WORDS or word in HEAD_KINDS or word in PLACE_NAMES for word in plain):
        return item
    if " ".join(plain) in PLACE_NAMES:
        return item
    return replace(item, phrase=replace(phrase, kind=SourceKind.OUTLET))


_WHO_AFTER = re.compile(r"[ \t]*,[ \t]*who\b")
"""A relative "who" after a lone word makes it a person's name ("said Kask, who leads the
talks"); a body takes "which" ("whose" and "told reporters" go with countries too: "Saran,
whose parliament ratified it", "Kovan told reporters")."""


def _person_cue(text: str, item: Found) -> bool:
    """Whether a lone capitalised source is a person by the relative after it: "Kask, who
    leads the talks, said"."""
    if item.phrase.kind is not None or item.pronoun is not None:
        return False
    return _WHO_AFTER.match(text, item.phrase.end) is not None


def _any_bare(results: list[Found]) -> bool:
    """Whether any result is a source of no kind and no pronoun, the only ones `_as_person`
    changes: tested before the pattern that would make them people."""
    return any(item.phrase.kind is None and item.pronoun is None for item in results)


def _as_person(item: Found) -> Found:
    if item.phrase.kind is not None or item.pronoun is not None:
        return item
    return replace(item, phrase=replace(item.phrase, kind=SourceKind.NAMED_PERSON))


_MADE_PUBLIC = frozenset({"published", "posted", "written"})
"""Passives that make a thing public, not a speaker of it: "the names were published by the
ministry" (an act); "according to a list published by" is read by its cue instead."""


_AFTER_QUOTATION = re.compile(r"(?:[,.!?][”\"]|[”\"],)[ \t]*$")
"""A closing quotation and its comma right before a verb: "“...,” reports"."""


_NAME_TO_THE_END = re.compile(
    r"[ \t]+(?:the[ \t]+)?[A-Z][\w’'.&-]*(?:[ \t]+[A-Z][\w’'.&-]*){0,4}(?:[ \t]+\([A-Z]+\))?[ \t]*(?:[.;]|$)"
)
"""A capitalised name that ends the sentence: "Agence France-Presse (AFP).", "the Vessa Star."."""
_INVERTED_FRAMES = frozenset({Frame.THAT, Frame.CLAUSE})
"""Frames whose verb, right after a quotation, is read as inverted whatever follows it."""


def _verb_reports(text: str, match: re.Match[str], passive: bool) -> bool:
    """Whether a reporting verb reports here: by what follows it, or, in the passive, when it
    is a verb of speech whose agent may follow ("was confirmed by officials")."""
    if passive:
        verb = " ".join(match.group().split())
        return (
            VERB_FORMS[verb] in {Frame.SPEECH, Frame.OBJECT}
            and verb not in _MADE_PUBLIC
            and " by " in text[match.end() : match.end() + 40]
            and not is_act(text, verb, match.end())
        )
    verb = " ".join(match.group().split())  # "pointed  out"
    if VERB_FORMS[verb] in _INVERTED_FRAMES and _AFTER_QUOTATION.search(
        text, max(0, match.start() - 4), match.start()
    ):
        # "“...,” reports the Harbour Gazette", "“...,” added the prime minister": right after
        # a quotation the verb has no subject before it, so the words after it are its subject.
        return True
    after_comma = text[max(0, match.start() - 2) : match.start()].endswith(", ")
    if verb in _TAIL_REPORTS and after_comma and _NAME_TO_THE_END.match(text, match.end()):
        return True  # "..., reports Agence France-Presse (AFP).": an outlet inverted after a comma
    return frame_allows(text, verb, match.end())


def _read(text: str, match: re.Match[str], shape: Shape, before: tuple[str, bool] | None) -> list[Found]:
    """What ``shape`` finds at the anchor ``match``; ``before`` is the word before the anchor."""
    if shape.voice or shape.agent or shape.alone or shape.setting or shape.with_subject:
        return _read_without_verb_subject(text, match, shape)
    if shape.sentence:
        adds = _adds_to_a_report(match, shape, before)
        return [] if adds else sentence_subject(text, match.start(), shape.conjoined, before or ("", False))
    if shape.side is Side.BEFORE:
        return subject_before(text, match.start(), shape, before or ("", False))
    if shape.after_mark:
        return _subject_after(text, match.end(), shape.pronoun)
    if shape.pronoun:  # "According to him, ..."
        return _pronoun_object_after(text, match.end())
    return _object_after(text, match.end(), shape.then, shape.opener)


_TO_REACH = 60
_TO_OUTLET = re.compile(rf"[^.;:!?\"“”]{{0,{_TO_REACH}}}?\bto[ \t]+(?=(?:[Tt]he[ \t]+)?[A-Z])")


def _outlet_addressed(text: str, position: int) -> list[Found]:
    """ "A source confirmed the talks to the Kessa Post": the outlet a speaker addressed is a
    source, as in "told the Kessa Post"; only an outlet named as one counts."""
    match = _TO_OUTLET.match(text, position)
    if match is None:
        return []
    found = _object_after(text, match.end(), "")
    return [
        item for item in found if item.phrase.kind is SourceKind.OUTLET and written_as_name(text, item.phrase)
    ]


_WITH_REACH = 12
"""How many tokens back "with" may stand before its participle."""
_SUBJECT_CLOSERS = frozenset({"both", "all", "each", "also"})
"""Words between the subject of "with X saying" and the participle: "with both sides saying"."""


def _subject_after_with(text: str, participle: int) -> list[Found]:
    """ "..., with mediators and the warring sides both saying ...": the phrases between "with"
    and the participle, which must fill the words up to it; only phrases of a known kind, since
    "with Velmar saying" may name a capital or a place."""
    tokens = window_before(text, participle)
    end = len(tokens)
    while end and tokens[end - 1].lower in _SUBJECT_CLOSERS:
        end -= 1
    start = next(
        (
            n
            for n in range(end - 1, max(-1, end - _WITH_REACH), -1)
            if tokens[n].lower == "with" or tokens[n].punct
        ),
        None,
    )
    if start is None or tokens[start].lower != "with" or start + 1 >= end:
        return []
    parsed = parse_list(tokens, start + 1, end)
    # "with mediators and the warring crowds both saying": a conjunct that names no one
    # ("the warring crowds") leaves the list short of the participle, at its "and".
    if parsed is None or (parsed.next != end and tokens[parsed.next].lower != "and"):
        return []
    return [Found(phrase) for phrase in parsed.phrases if phrase.kind is not None]


_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "it": "it"}
"""A pronoun after "according to", as the speaker pronoun it links like ("him" as "he")."""


def _pronoun_object_after(text: str, position: int) -> list[Found]:
    """ "According to him, the talks will resume": the pronoun names an earlier speaker; it must
    close its phrase ("according to her office" names the office, not her)."""
    tokens = window_after(text, position)
    if not tokens or tokens[0].lower not in _OBJECT_PRONOUNS or (len(tokens) > 1 and not tokens[1].punct):
        return []
    first = tokens[0]
    return [Found(Phrase(first.start, first.end, None), pronoun=_OBJECT_PRONOUNS[first.lower])]


def _with_subjects(text: str, inside: InsideSpans) -> list[Found]:
    """The sources of every "with X saying" outside a quotation."""
    found: list[Found] = []
    for match in _WITH_SAYING.finditer(text):
        if not inside(match.start()):
            found.extend(_read_anchor(text, match, Anchor.WITH_SAYING, None, False))
    return found


def _adds_to_a_report(match: re.Match[str], shape: Shape, before: tuple[str, bool] | None) -> bool:
    """ "..., they said, adding that ...": whoever adds is whoever said, found at "said"; the
    sentence's opening phrase is what they spoke of, not a second speaker."""
    return (
        shape.sentence
        and shape.anchor is Anchor.SAYING
        and match.group().startswith(",")
        and (before or ("", False))[0] in VERB_FORMS
    )


def _read_without_verb_subject(text: str, match: re.Match[str], shape: Shape) -> list[Found]:
    """The shapes whose source is no subject of the anchor: a passive's agent, a speaker alone,
    the subject of "with X saying", a joint statement's collective voice."""
    if shape.voice:  # "The Ministers recalled": the words of the anchor are the source
        return [Found(Phrase(match.start(), match.end(), SourceKind.ORGANIZATION, match.group()[0] == "T"))]
    if shape.with_subject:
        return _subject_after_with(text, match.end())
    if shape.agent:
        return _agent_after(text, match.end())
    if shape.setting:
        return _speaker_with_setting(text, match.start())
    if shape.side is Side.AFTER:
        return _speaker_after_quote(text, match.end())
    return _speaker_opening_paragraph(text, match.start())


def _speaker_with_setting(text: str, colon: int) -> list[Found]:
    """ "US Ambassador Rachel Dunmore, speaking after the vote: “...”": the sentence opens with
    the speaker, then a comma and a participle or a place, then the colon and the quotation."""
    tokens = window_before(text, colon)
    start = after_introduction(tokens)
    if start is None or start >= len(tokens):
        return []
    parsed = parse_phrase(tokens, start, len(tokens))
    after = parsed.next if parsed is not None else len(tokens)
    if parsed is None or after + 1 >= len(tokens) or tokens[after].text != ",":
        return []
    setting = tokens[after + 1]
    participle = setting.lower.endswith("ing") and not setting.capitalised
    if not (participle or setting.lower in _SETTINGS) or any(t.text in HARD_STOPS for t in tokens[after:]):
        return []
    return [Found(phrase) for phrase in parsed.phrases]


def _agent_after(text: str, position: int) -> list[Found]:
    """ "The figures were confirmed to us by officials of three parties": the agent after "by"."""
    tokens = window_after(text, position)
    by = next((n for n, token in enumerate(tokens[:6]) if token.lower == "by"), None)
    if by is None or by + 1 >= len(tokens) or any(token.punct for token in tokens[:by]):
        return []
    parsed = parse_list(tokens, by + 1, len(tokens))
    if parsed is None:
        return []
    return [Found(phrase) for phrase in parsed.phrases if phrase.kind is not None]


def _speaker_after_quote(text: str, position: int) -> list[Found]:
    """ "“We will not give up,” the harbour master.": a speaker, perhaps described, then the end."""
    tokens = window_after(text, position)
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
    return [Found(phrase) for phrase in parsed.phrases]


def _speaker_with_aside(text: str, tokens: list[Token], parsed: Parsed) -> list[Found]:
    """ "“...,” Ivo Marek, a spokesman." or "..., at a conference in London": the aside ends the
    sentence or the paragraph, and either describes the speaker or says where they spoke."""
    after = parsed.next
    closing = next((n for n in range(after + 1, len(tokens)) if tokens[n].punct), len(tokens))
    at_end = closing == len(tokens) and tokens[-1].end >= len(text.rstrip())
    if not at_end and (closing == len(tokens) or tokens[closing].text != "."):
        return []
    if after + 1 < len(tokens) and tokens[after + 1].lower in _SETTINGS:
        return [Found(phrase) for phrase in parsed.phrases]
    described = with_description_after(tokens[: closing + 1], parsed)
    return described if described[0].description is not None else []


_SETTINGS = frozenset({"at", "in", "on", "during", "after", "speaking", "writing", "addressing"})
"""Words that open where or when a speaker alone after a quotation spoke: "..., at a summit"."""


def _speaker_opening_paragraph(text: str, colon: int) -> list[Found]:
    """ "Ana Roe: We will stay.": a speaker alone before a colon at the start of a paragraph."""
    reach = _SPEAKER_LABEL + _TIME_STAMP_REACH
    if colon > reach and "\n" not in text[colon - reach : colon]:
        return []  # bounded look back: the label must open the paragraph or a line
    line = text.rfind("\n", max(0, colon - reach), colon) + 1
    stamp = _TIME_STAMP.match(text, line, colon)
    line = stamp.end() if stamp else line  # "10:42 GMT — Ana Roe: ...": a live blog's time first
    if colon - line > _SPEAKER_LABEL:
        return []
    tokens = tokenize(text, line, colon)
    parsed = parse_phrase(tokens, 0, len(tokens)) if tokens else None
    if parsed is None or parsed.next != len(tokens) or len(parsed.phrases) != 1:
        return []
    phrase = parsed.phrases[0]
    if phrase.kind is None or " " not in text[phrase.start : phrase.end].strip():
        return []  # "Analysis: ...", "Update: ...": one word is a label, not a speaker
    if not _SPOKEN.match(text, colon + 1, min(len(text), colon + 1 + _SPOKEN_REACH)):
        return []  # "New York: Officials met ...": a place or a topic heads reported news
    return [Found(phrase)]


_SPOKEN = re.compile(r"\s*[“\"‘']|[^\n]*?\b(?:I|I'm|I’m|we|We|we're|we’re|our|Our|my|My|me|us|you|You)\b")
"""Words after a speaker's colon that are spoken: a quotation, or the first or second person."""


_SPOKEN_REACH = 200


_SPEAKER_LABEL = 60
"""The longest speaker label before a colon that opens a paragraph, in characters."""
_TIME_STAMP = re.compile(
    r"[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*(?:[ap]\.?m\.?|[A-Z]{2,4}\b))?[ \t]*(?:[—–-]|:(?!\d))[ \t]*"
)
"""A live blog's time stamp before a speaker label: "10:42 GMT — ", "9.15am - ", "16:10: "."""
_TIME_STAMP_REACH = 16


def _object_after(text: str, position: int, then: str, opener: str = "") -> list[Found]:
    """ "according to X", "told AFP", "quoted X as saying", "said on Harbour Radio": the source
    follows the anchor, after the ``opener`` words if there are any."""
    tokens = window_after(text, position)
    skip = len(opener.split())
    opened = bool(tokens) and [token.lower for token in tokens[:skip]] == opener.split()
    owner = (_programme_owner(tokens, skip) or _reporters_outlet(tokens, skip)) if opened else None
    if owner is not None:
        return [Found(owner)]
    parsed = parse_list(tokens, skip, len(tokens)) if opened else None
    if parsed is None:
        return []
    if then:
        words = [token.lower for token in tokens[parsed.next : parsed.next + len(then.split())]]
        if words != then.split():
            return []
    last = tokens[parsed.next - 1]
    if last.possessive and parsed.phrases and parsed.phrases[-1].end == last.end:
        return _record_owner(tokens, parsed)
    if _record_follows(tokens, parsed.next, last):
        return []  # "according to UN figures", "according to media reports": no one speaking
    return [Found(phrase) for phrase in parsed.phrases]


def _record_follows(tokens: list[Token], after: int, last: Token) -> bool:
    """Whether a record with no speaker follows the phrase: "UN figures", "media reports"."""
    if after >= len(tokens):
        return False
    word = tokens[after].lower
    return word in _RECORDS or (word in _UNNAMED_REPORTS and not last.capitalised)


_UNNAMED_REPORTS = frozenset({"reports", "accounts"})
"""Nouns after a common word that leave the channel unnamed: "according to media reports",
"according to local accounts" (but "according to Harbour Radio reports" names the outlet)."""


def _programme_owner(tokens: list[Token], start: int) -> Phrase | None:
    """ "told the BBC's Today programme", "said on Harbour Radio's breakfast show": the owner of
    a programme, named before its "'s", is the outlet (whatever the programme is called)."""
    words = until_punct(tokens[start : start + 8])
    programme = next((n for n, token in enumerate(words) if token.lower in PROGRAMME_NOUNS), None)
    owner = next((n for n, token in enumerate(words[:programme]) if token.possessive), None)
    if owner is None or not words[owner].capitalised:
        return None
    parsed = parse_list(tokens, start, start + owner + 1)
    if parsed is None or len(parsed.phrases) != 1 or parsed.next != start + owner + 1:
        return None
    phrase = parsed.phrases[0]
    if programme is None and (phrase.kind is not SourceKind.OUTLET or owner + 1 < len(words)):
        return None  # "told Harbour TV's “Sunday Desk”": an outlet's own name, then a quoted title
    return replace(phrase, end=words[owner].base_end, kind=SourceKind.OUTLET)


_JOURNALISTS = frozenset(
    {"reporter", "reporters", "correspondent", "correspondents", "journalist", "journalists", "crew"}
)
_JOURNALIST_REACH = 6


def _reporters_outlet(tokens: list[Token], start: int) -> Phrase | None:
    """ "told a Reuters reporter", "confirmed to Harbour TV reporter that": the outlet whose
    journalist was told is the channel (docs/labelling.md, section 2: "told Reuters")."""
    words = until_punct(tokens[start : start + _JOURNALIST_REACH])
    at = next((n for n, token in enumerate(words) if token.lower in _JOURNALISTS), None)
    if not at:
        return None
    first = 1 if words[0].lower in {"a", "an", "the"} else 0
    if first >= at or not all(token.capitalised for token in words[first:at]):
        return None
    parsed = parse_list(tokens, start + first, start + at)
    if parsed is None or len(parsed.phrases) != 1 or parsed.next != start + at:
        return None
    phrase = parsed.phrases[0]
    if phrase.kind is not SourceKind.OUTLET:
        return None  # "told a Vessan reporter": no outlet named
    return replace(phrase, end=words[at - 1].base_end)


def _record_owner(tokens: list[Token], parsed: Parsed) -> list[Found]:
    """ "according to the union's summary": the owner of a record speaks through it, without
    its "'s"; "according to the commission's gauges" names an instrument, and no source."""
    words = until_punct(tokens[parsed.next : parsed.next + 4])
    if not any(token.lower in _RECORDS for token in words):
        return []
    owner = parsed.phrases[-1]
    trimmed = replace(owner, end=tokens[parsed.next - 1].base_end)
    return [Found(phrase) for phrase in (*parsed.phrases[:-1], trimmed)]


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


def _subject_after(text: str, position: int, pronoun: bool) -> list[Found]:
    """ "“...,” said Lena Korhonen, who grows apples": the source follows the verb."""
    tokens = window_after(text, position)
    if not tokens:
        return []
    if pronoun:
        first = tokens[0]
        if first.lower in SPEAKER_PRONOUNS and (len(tokens) == 1 or tokens[1].punct):
            return [Found(Phrase(first.start, first.end, None), pronoun=first.lower)]
        return []
    parsed = parse_list(tokens, 0, len(tokens)) or _partitive_after(tokens)
    if parsed is None:
        return []
    after = parsed.next
    # "said a person briefed on the talks who asked not to be named": a relative clause may close it.
    closing = after < len(tokens) and tokens[after].lower == "who" and parsed.phrases[-1].kind is not None
    if after < len(tokens) and not tokens[after].punct and tokens[after].lower not in TAILS and not closing:
        return []  # "said Hamas would..." reports what Hamas would do; the speaker came earlier
    return with_description_after(tokens, parsed)


_PARTS = frozenset({"one", "two", "three", "some", "several", "another", "each"})


def _partitive_after(tokens: list[Token]) -> Parsed | None:
    """ "said one of the officials": a part of a group, named by the group after "of the"."""
    if len(tokens) < 4 or tokens[0].lower not in _PARTS or tokens[1].lower != "of":
        return None
    parsed = parse_list(tokens, 2, len(tokens))
    if parsed is None or len(parsed.phrases) != 1 or parsed.phrases[0].kind is None:
        return None
    group = parsed.phrases[0]
    return Parsed((replace(group, start=tokens[0].start, name_start=None, common_start=True),), parsed.next)


def _with_citations(mentions: list[Mention], cited: list[Mention]) -> list[Mention]:
    """The mentions with the outlets cited in brackets that none of them overlaps, in order."""
    if not cited:
        return mentions
    kept = [c for c in cited if not any(m.start < c.end and c.start < m.end for m in mentions)]
    return sorted([*mentions, *kept], key=lambda mention: mention.start)


def _mentions(text: str, found: list[Found]) -> list[Mention]:
    """Mentions in order of position; of overlapping ones, the first and longest wins."""
    mentions: list[Mention] = []
    for found_item in found:
        item = without_description(text, without_base(text, person_before_affiliation(text, found_item)))
        phrase = item.phrase
        if phrase.outlet is not None:
            start, end = phrase.outlet
            mentions.append(Mention(start, end, text[start:end], SourceKind.OUTLET))
        described = item.description or phrase.description
        description = clean_spaces(text[described[0] : described[1]]) if described else None
        name = display_name(text, phrase)
        kind = kind_from_description(phrase, description)
        mentions.append(Mention(phrase.start, phrase.end, name, kind, description, item.pronoun))
    mentions.sort(key=lambda mention: (mention.start, -mention.end))
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
