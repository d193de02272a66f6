"""Split a stretch of paragraph text into the words and marks the source finder reasons about."""

from __future__ import annotations

import re
from enum import Enum
from itertools import islice
from typing import NamedTuple

from briefing_tui.analysis.patterns import phrase_alternation
from briefing_tui.analysis.vocabulary import TITLE_ABBREVIATIONS

__all__ = ["CASELESS", "UPPER", "Token", "TokenType", "tokenize"]


def _upper_letters() -> str:
    """Upper-case letters of the Latin, Greek and Cyrillic blocks, as a character-class body.

    Python's ``re`` has no ``\\p{Lu}``; these blocks cover the names briefings carry, and
    computing the set takes microseconds.
    """
    blocks = ((0x00C0, 0x0250), (0x0370, 0x0400), (0x0400, 0x0530), (0x1E00, 0x1F00), (0x1F00, 0x2000))
    letters = (chr(code) for start, stop in blocks for code in range(start, stop))
    return "A-Z" + "".join(letter for letter in letters if letter.isupper())


UPPER = _upper_letters()
"""Character-class body matching an upper-case letter."""
CASELESS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
"""Character-class body for scripts without letter case (CJK, kana, Hangul): names look like any word."""

# Case-sensitive on purpose: an ``(?i:...)`` group here doubles the cost of every token.
_ABBREVIATION_FORMS = [form for word in TITLE_ABBREVIATIONS for form in (word, word.title())]
# Tried at every token: a look at the first letter refuses most words at once ("the", "talks"),
# and a trie tries each first letter once instead of every form in turn. At most one form
# is followed by its full stop, so the trie finds what a plain alternation finds.
_ABBREVIATION_FIRSTS = "".join(sorted({form[0] for form in _ABBREVIATION_FORMS}))
_ABBREVIATIONS = f"(?=[{_ABBREVIATION_FIRSTS}]){phrase_alternation(_ABBREVIATION_FORMS)}"
_OPENERS = r"[ \t](?:The|A|An|It|He|She|They|We|I|This|That|These|Those|But|And|In|On|At|As|If)\b"
"""Words that open the next sentence after a letter that ends one ("Plan B. The talks")."""
_TOKEN_BODY = (
    # "John E. Smith": one initial with its full stop, between a given name and a surname,
    # is part of the name, not the end of a sentence.
    rf"(?P<acronym>(?:[{UPPER}]\.){{2,}}|(?<=[a-z][ \t])[{UPPER}]\.(?=[ \t][{UPPER}][a-z])(?!{_OPENERS}))"
    rf"|(?P<abbrev>(?:{_ABBREVIATIONS})\.)(?=\s)"
    rf"|(?P<caseless>[{CASELESS}]+)"
    # "trade- and tax-focused": a suspended hyphen stays on its word, so the phrase runs on.
    # "the 7:10 train": a clock time is one word, so its colon opens no quotation or list.
    r"|(?P<word>[^\W_]+(?:[-'’][^\W_]+)*(?:(?<=\d):\d\d(?!\d))?"
    r"(?:(?<=s)['’](?!\w)|-(?=[ \t]+(?:and|or)[ \t]))?)"
    r"|(?P<punct>[,;:()\[\]“”\"—–.!?])"
    r"|(?P<dash>(?<=[ \t])-(?=[ \t]))"
)
# The spaces before a token are taken into its match (without backtracking: no token starts
# with a space), so the engine skips them inside one match instead of retrying the whole
# alternation at every space; a token's text and offsets are its group's.
_TOKEN = re.compile(rf"\s*+(?:{_TOKEN_BODY})")
_POSSESSIVE = ("’s", "'s", "s’", "s'")


class TokenType(Enum):
    """What sort of token it is."""

    WORD = "word"
    ACRONYM = "acronym"
    CASELESS = "caseless"
    PUNCT = "punct"


class Token(NamedTuple):
    """A word or mark, with its offsets in the paragraph text.

    A named tuple rather than a frozen dataclass: windows are tokenized by the hundred
    thousand in a large briefing, and tuples are several times cheaper to build.
    """

    text: str
    """The token as written (a hyphen between spaces reads as the dash "–" it stands for)."""
    lower: str
    """Lower-cased, for look-ups."""
    base_lower: str
    """Lower-cased without a possessive ending ("politico" for "Politico’s")."""
    start: int
    """Offset of its first character in the paragraph."""
    end: int
    """Offset just past it."""
    type: TokenType
    """What sort of token it is."""
    capitalised: bool
    """Starts with a capital, or is written in a script without case."""
    possessive: bool
    """Ends in ’s or s’, as in "Politico’s" or "Reuters’"."""
    punct: bool
    """A punctuation mark rather than a word (a field, not a property: it is read on every
    token the source finder walks, and a field is read in C)."""

    @property
    def base_end(self) -> int:
        """Offset just past the word without its possessive ending."""
        return self.start + len(self.base_lower) if self.possessive else self.end


def tokenize(text: str, start: int = 0, end: int | None = None, limit: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` (the first ``limit`` of them), with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [_token(match) for match in islice(_TOKEN.finditer(text, start, stop), limit)]


def _token(match: re.Match[str]) -> Token:
    # Hot path: a large briefing tokenizes hundreds of thousands of words, so plain words
    # take the shortest route (their spellings worked out once per distinct word) and
    # arguments are positional.
    group = match.lastgroup
    word = match.group(group or 0)  # a token's match always names its group
    begin, finish = match.span(group or 0)
    # ``_new(Token, (...))`` is ``Token(...)`` without the named tuple's Python-level __new__.
    if group == "word":
        spelt = _SPELLINGS.get(word) or _spelling(word)
        return _new(Token, (word, spelt[0], spelt[1], begin, finish, _WORD, spelt[2], spelt[3], False))
    if group == "punct":
        return _new(Token, (word, word, word, begin, finish, _PUNCT, False, False, True))
    if group == "dash":  # "Tom Varley - the spokesman - said": a spaced hyphen is a dash
        return Token("–", "–", "–", begin, finish, TokenType.PUNCT, False, False, True)
    if group == "abbrev":  # "Dr." looks up as "dr"
        lower = word[:-1].lower()
        return Token(word, lower, lower, begin, finish, _WORD, True, False, False)
    lower = word.lower()
    return Token(word, lower, lower, begin, finish, _TYPES[group or "word"], True, False, False)


_Spelling = tuple[str, str, bool, bool]
"""A word's lower case, lower case without a possessive ending, capital and possessive flags."""
_SPELLINGS: dict[str, _Spelling] = {}
_SPELLINGS_KEPT = 200_000
"""Distinct words remembered (keyed on the word, never on a paragraph); past this many, a new
word is worked out each time, so memory stays bounded."""


def _spelling(word: str) -> _Spelling:
    lower = word.lower()
    if len(word) > 2 and lower.endswith(_POSSESSIVE):  # "Politico’s", "Reuters’"
        base = lower[:-2] if lower[-2] in "'’" else lower[:-1]
        spelt = (lower, base, word[0].isupper(), True)
    else:
        spelt = (lower, lower, word[0].isupper(), False)
    if len(_SPELLINGS) < _SPELLINGS_KEPT:
        _SPELLINGS[word] = spelt
    return spelt


_WORD = TokenType.WORD
_PUNCT = TokenType.PUNCT
_new = tuple.__new__
_TYPES = {"acronym": TokenType.ACRONYM, "caseless": TokenType.CASELESS, "word": _WORD}
