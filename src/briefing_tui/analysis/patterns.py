"""Compile a list of cue phrases into one regular expression that stays fast as the list grows.

An alternation of hundreds of phrases makes Python's regex engine try every branch at every
position. Sharing prefixes in a trie ("negotiat(?:ions|ors)") means each position costs
about as much as the longest phrase, whatever the number of phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["phrase_alternation"]

_END = ""
_ANY_ENDING = "*"

_Trie = dict[str, "_Trie"]


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A pattern body matching any of ``phrases`` (longest first), for use between ``\\b`` anchors.

    Phrases are lower case; a space matches any run of whitespace and a trailing ``*`` lets
    the last word run on ("negotiat*" matches "negotiators").
    """
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        star = phrase.endswith(_ANY_ENDING)
        for char in phrase.rstrip(_ANY_ENDING):
            node = node.setdefault(char, {})
        node.setdefault(_ANY_ENDING if star else _END, {})
    return _emit(trie)


def _emit(node: _Trie) -> str:
    branches = [
        _atom(char) + _emit(child) for char, child in sorted(node.items()) if char not in (_END, _ANY_ENDING)
    ]
    if _ANY_ENDING in node:
        branches.append(r"\w*")
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy "?" tries the longer phrase first and falls back to the one ending here.
    return f"(?:{body})?" if _END in node else body


def _atom(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)
