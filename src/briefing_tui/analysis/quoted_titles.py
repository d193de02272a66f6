"""Outlet names set in quotation marks instead of italics: "told the 'Daily Courier'".

Copy without italics often quotes a newspaper's or programme's title. Read as a quotation, the
title would be the speaker's words and the outlet would be lost; read with its marks, the name
would keep a stray quote. `unquote_titles` blanks the marks of such a title (offsets stay the
same), so the source finder reads the words as the name they are. A quoted title is short, in
title case, without a stop inside, and stands where an outlet does: after "told", "with",
"to", "by", "on" or "in" (and an optional "the"), or before an outlet's word ("newspaper").
"""

from __future__ import annotations

import re

__all__ = ["quoted_title_spans", "unquote_titles"]


_TITLE_WORDS = r"[A-Z][\w&.-]*(?:[ \t]+(?:[A-Z][\w&.-]*|of|the|and|&)){0,5}"
"""Up to six words in title case: "Daily Courier", "The Times of Velmar"."""

_QUOTED = rf"(?:[\"“]{_TITLE_WORDS}[\"”]|(?<![\w])['‘]{_TITLE_WORDS}(?<!s)['’](?!\w))"
"""A title in double or single quotation marks (a closing "s'" is a plural's possessive)."""

_OPENERS = ("told", "tells", "with", "to", "by", "on", "in")
_AFTER_OPENER = rf"\b(?:{'|'.join(_OPENERS)})[ \t]+(?:the[ \t]+)?(?P<after>{_QUOTED})"
_BEFORE_NOUN = (
    rf"(?P<before>{_QUOTED})(?=[ \t]+(?:newspaper|daily|weekly|magazine|radio|television|channel|website)\b)"
)
_QUOTED_TITLE = re.compile(rf"{_AFTER_OPENER}|{_BEFORE_NOUN}")
"""A quoted title where an outlet stands: after its preposition or before its head noun."""


def unquote_titles(text: str) -> str:
    """``text`` with the quotation marks of outlet titles turned into spaces."""
    if '"' not in text and "“" not in text and "'" not in text and "‘" not in text:
        return text
    spans = quoted_title_spans(text)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start] = " "
        chars[end - 1] = " "
    return "".join(chars)


_OPENING_QUOTE = re.compile(r"[\"“'‘](?=[A-Z])")
"""Where a quoted title may open: every title opens with a quotation mark, then a capital."""
_AT_OPENER = re.compile(_AFTER_OPENER)
_AT_QUOTE = re.compile(_BEFORE_NOUN)
_OPENER_WORDS = frozenset(_OPENERS)


def quoted_title_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the quoted titles, what ``_QUOTED_TITLE.finditer(text)`` finds: from each
    opening mark, not from every character (the engine tries the alternation at each one).

    A title's words hold no opener and the words before it no quotation mark, so the matches
    come in the order of their opening marks; at a mark, the only place a match "after an
    opener" may start is the opener right before it (`_opener_before`), tried first as the
    alternation does, since it starts earlier than the match that opens at the mark.
    """
    spans: list[tuple[int, int]] = []
    end = 0
    for mark in _OPENING_QUOTE.finditer(text):
        quote = mark.start()
        if quote < end:
            continue  # inside the last title (its closing mark before a capital)
        opener = _opener_before(text, quote)
        found = _AT_OPENER.match(text, opener) if opener >= 0 else None
        found = found or _AT_QUOTE.match(text, quote)
        if found is not None:
            spans.append(found.span(found.lastgroup or 0))
            end = found.end()
    return spans


def _opener_before(text: str, quote: int) -> int:
    """Where the opener word ("told", "to the") before the mark at ``quote`` begins, or -1."""
    word_end = _before_blanks(text, quote)
    if word_end == quote:
        return -1
    word_start = _word_start(text, word_end)
    if text[word_start:word_end] == "the":
        word_end = _before_blanks(text, word_start)
        if word_end == word_start:
            return -1
        word_start = _word_start(text, word_end)
    return word_start if text[word_start:word_end] in _OPENER_WORDS else -1


def _before_blanks(text: str, position: int) -> int:
    while position and text[position - 1] in " \t":
        position -= 1
    return position


def _word_start(text: str, position: int) -> int:
    """The start of the run of word characters ("\\w": letters, digits, "_") ending at ``position``."""
    while position and (text[position - 1].isalnum() or text[position - 1] == "_"):
        position -= 1
    return position
