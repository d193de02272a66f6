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

__all__ = ["unquote_titles"]


_TITLE_WORDS = r"[A-Z][\w&.-]*(?:[ \t]+(?:[A-Z][\w&.-]*|of|the|and|&)){0,5}"
"""Up to six words in title case: "Daily Courier", "The Times of Velmar"."""

_QUOTED = rf"(?:[\"“]{_TITLE_WORDS}[\"”]|(?<![\w])['‘]{_TITLE_WORDS}(?<!s)['’](?!\w))"
"""A title in double or single quotation marks (a closing "s'" is a plural's possessive)."""

_QUOTED_TITLE = re.compile(
    rf"\b(?:told|tells|with|to|by|on|in)[ \t]+(?:the[ \t]+)?(?P<after>{_QUOTED})"
    rf"|(?P<before>{_QUOTED})(?=[ \t]+(?:newspaper|daily|weekly|magazine|radio|television|channel|website)\b)"
)
"""A quoted title where an outlet stands: after its preposition or before its head noun."""


def unquote_titles(text: str) -> str:
    """``text`` with the quotation marks of outlet titles turned into spaces."""
    if '"' not in text and "“" not in text and "'" not in text and "‘" not in text:
        return text
    spans = [match.span(match.lastgroup or 0) for match in _QUOTED_TITLE.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start] = " "
        chars[end - 1] = " "
    return "".join(chars)
