"""What a regular expression can reach, read from its parsed form: a NUL, text ahead.

The search joins units with a NUL fence for a pattern that cannot match one, so that no
match can run from one unit into the next and a single pass finds what a search unit by
unit would. Such a pattern without a lookahead finds the same in any run of whole units
searched on its own, so a large briefing can be searched a part at a time. The answers
must never be a wrong "no": anything unknown counts as "yes".
"""

from __future__ import annotations

import re

__all__ = ["can_match_nul", "has_lookahead"]

# In `re._parser`'s terms: a set matches NUL when negated, when it names NUL or a range
# from it, or a category NUL belongs to (not a digit, not a space, not a word character).
_SAFE_CATEGORIES = frozenset({"CATEGORY_DIGIT", "CATEGORY_SPACE", "CATEGORY_WORD"})
_CONTAINERS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT", "SUBPATTERN", "ATOMIC_GROUP"})
# Consume nothing (a back reference matches what its group matched, checked there).
_ZERO_WIDTH = frozenset({"ASSERT", "ASSERT_NOT", "AT", "GROUPREF"})


def can_match_nul(query: str, *, case_sensitive: bool) -> bool:
    """Whether the regular expression ``query`` could consume a NUL; True when unsure.

    Lookarounds do not count: they consume nothing (and may see the fence, as they may
    see the separator of the joined text).
    """
    parsed = _parse(query, case_sensitive)
    return parsed is None or _any_matches_nul(parsed)


def has_lookahead(query: str, *, case_sensitive: bool) -> bool:
    """Whether the regular expression ``query`` holds a lookahead, ``(?=...)`` or ``(?!...)``;
    True when unsure.

    A lookahead at the end of a run of units searched on its own cannot see the units
    after it, as the same lookahead in the whole text can. Lookbehinds see the text before
    where a search starts, so they do not count.
    """
    parsed = _parse(query, case_sensitive)
    return parsed is None or _any_looks_ahead(parsed)


def _parse(query: str, case_sensitive: bool) -> object | None:
    """The parsed form of ``query``, or None for a syntax only another engine knows."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        return _parser.parse(query, 0 if case_sensitive else re.IGNORECASE)  # type: ignore[no-any-return]
    except Exception:
        return None


def _any_looks_ahead(items: object) -> bool:
    for opcode, argument in items:  # type: ignore[attr-defined]
        name = str(opcode)
        if name in ("ASSERT", "ASSERT_NOT"):
            direction, body = argument
            if direction > 0 or _any_looks_ahead(body):
                return True
        elif any(_any_looks_ahead(part) for part in _subpatterns(argument)):
            return True
    return False


def _subpatterns(argument: object) -> list[object]:
    """The parsed subpatterns an item holds (a group's body, a branch's alternatives...)."""
    found: list[object] = []
    stack = [argument]
    while stack:
        value = stack.pop()
        if hasattr(value, "data"):
            found.append(value)
        elif isinstance(value, (tuple, list)):
            stack.extend(value)
    return found


def _any_matches_nul(items: object) -> bool:
    return any(_matches_nul(str(opcode), argument) for opcode, argument in items)  # type: ignore[attr-defined]


def _matches_nul(name: str, argument: object) -> bool:
    if name in _ZERO_WIDTH or name == "LITERAL":
        return name == "LITERAL" and argument == 0
    if name == "IN":
        return any(_set_item_matches_nul(str(opcode), value) for opcode, value in argument)  # type: ignore[attr-defined]
    if name in _CONTAINERS:
        parts = argument if isinstance(argument, tuple) else (argument,)
        return any(_any_matches_nul(part) for part in parts if hasattr(part, "data"))
    if name == "BRANCH":
        return any(_any_matches_nul(branch) for branch in argument[1])  # type: ignore[index]
    if name == "GROUPREF_EXISTS":
        return any(_any_matches_nul(part) for part in argument[1:] if part is not None)  # type: ignore[index]
    return True  # ANY, NOT_LITERAL and anything unknown


def _set_item_matches_nul(name: str, value: object) -> bool:
    if name == "NEGATE":
        return True
    if name == "LITERAL":
        return value == 0
    if name == "RANGE":
        return bool(value[0] == 0)  # type: ignore[index]
    if name == "CATEGORY":
        return str(value) not in _SAFE_CATEGORIES
    return True
