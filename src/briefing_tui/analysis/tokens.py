"""Split a stretch of paragraph text into the words and marks the source finder reasons about."""

from __future__ import annotations

import re
from enum import Enum
from itertools import islice
from typing import NamedTuple

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
_ABBREVIATIONS = "|".join(
    form for word in sorted(TITLE_ABBREVIATIONS, key=len, reverse=True) for form in (word, word.title())
)
# Each branch opens with a character class and names its sort with an empty group at its
# end (read as ``match.lastgroup``): the engine then rejects a branch at a position with one
# comparison, where a group opening the branch costs it a full attempt.
_TOKEN = re.compile(
    rf"[{UPPER}]\.(?:[{UPPER}]\.)+(?P<acronym>)"
    rf"|(?:{_ABBREVIATIONS})\.(?=\s)(?P<abbrev>)"
    rf"|[{CASELESS}]+(?P<caseless>)"
    r"|[^\W_]+(?:[-'’][^\W_]+)*(?:(?<=s)['’](?!\w))?(?P<word>)"
    r"|[,;:()\[\]“”\"—–.!?](?P<punct>)"
)
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
    """The token as written."""
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

    @property
    def punct(self) -> bool:
        """A punctuation mark rather than a word."""
        return self.type is TokenType.PUNCT

    @property
    def base_end(self) -> int:
        """Offset just past the word without its possessive ending."""
        return self.start + len(self.base_lower) if self.possessive else self.end


def tokenize(text: str, start: int = 0, end: int | None = None, limit: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` (the first ``limit`` of them), with offsets into ``text``."""
    stop = len(text) if end is None else end
    matches = _TOKEN.finditer(text, start, stop)
    # Hot path: a large briefing tokenizes hundreds of thousands of words, so the tokens are
    # built inline, as tuples (a named tuple's own constructor is a Python function call),
    # and plain words take the shortest route.
    tokens: list[Token] = []
    append = tokens.append
    for match in matches if limit is None else islice(matches, limit):
        word = match.group()
        group = match.lastgroup
        begin, finish = match.span()
        if group == "word":
            lower = word.lower()
            if len(word) > 2 and lower.endswith(_POSSESSIVE):  # "Politico’s", "Reuters’"
                base = lower[:-2] if lower[-2] in "'’" else lower[:-1]
                append(_new(Token, (word, lower, base, begin, finish, _WORD, word[0].isupper(), True)))
            else:
                append(_new(Token, (word, lower, lower, begin, finish, _WORD, word[0].isupper(), False)))
        elif group == "punct":
            append(_new(Token, (word, word, word, begin, finish, _PUNCT, False, False)))
        elif group == "abbrev":  # "Dr." looks up as "dr"
            lower = word[:-1].lower()
            append(_new(Token, (word, lower, lower, begin, finish, _WORD, True, False)))
        else:
            lower = word.lower()
            append(_new(Token, (word, lower, lower, begin, finish, _TYPES[group or "word"], True, False)))
    return tokens


_new = tuple.__new__
_WORD = TokenType.WORD
_PUNCT = TokenType.PUNCT
_TYPES = {"acronym": TokenType.ACRONYM, "caseless": TokenType.CASELESS, "word": _WORD}
