"""Whether a regular expression can consume a NUL character, read from its parsed form.

The search joins units with a NUL fence for a pattern that cannot match one, so that no
match can run from one unit into the next and a single pass finds what a search unit by
unit would. The answer must never be a wrong "no": anything unknown counts as "yes".
"""

from __future__ import annotations

import re

__all__ = ["can_match_nul"]

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
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(query, 0 if case_sensitive else re.IGNORECASE)
    except Exception:  # a syntax only another engine knows: say yes
        return True
    return _any_matches_nul(parsed)


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
