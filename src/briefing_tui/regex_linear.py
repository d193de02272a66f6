"""Prove, from a regular expression's text, that a backtracking engine runs it in linear time.

A search needs a bound on a user's regular expression: ``(\\w+\\s?)*$`` backtracks for ever.
The `regex` module's timeout is that bound, but checking it costs time at every match (more
than the match itself for ``\\.\\s+\\w``). A pattern this module accepts needs no bound.

The proof is deliberately narrow, read straight off the pattern's text (never `re`'s private
parser), and any doubt is a "no". Accepted: a flat sequence of one-character atoms (a
literal, an escaped punctuation mark, ``\\w \\W \\d \\D \\s \\S``, ``.``, or a simple ``[...]``
set), each with an optional greedy or lazy quantifier, and ``\\b`` / ``\\B`` between them.
No groups, alternation, anchors, back references or lookarounds. Then, with ``X`` any atom
with no upper bound (``+``, ``*``, ``{m,}``):

- ``X`` is not the first atom, the atoms either side of it match at least one character,
  and neither shares a character with ``X``. The run of ``X`` then always starts where a
  maximal run of its characters starts, so each run is scanned from one place, and giving
  characters back fails at once: the work is linear in the run.
- Bounded atoms are at most `MAX_BOUND` long and their choices multiply to at most
  `MAX_BRANCHES`: a constant amount of trying per start position.

So ``\\.\\s+\\w`` and ``\\d{1,3} \\w+`` are accepted; ``\\s+$``, ``\\w+\\s?`` and ``a.*b``
are not. Nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MAX_BOUND", "MAX_BRANCHES", "runs_in_linear_time"]

MAX_BOUND = 16
"""The largest repeat count a bounded atom may have."""
MAX_BRANCHES = 16
"""The most ways the bounded atoms together may match at one place."""

_UNBOUNDED = -1
# Escapes that stand for a class of characters; any other letter escape is refused.
_CLASS_ESCAPES = frozenset("wWdDsS")
# Punctuation that may be escaped to stand for itself.
_PUNCTUATION = frozenset(".^$*+?{}[]()|\\/-#&~!\"',:;<=>@%`_ ")
# Inside a set, what the `regex` module might read as set operations (in any version).
_SET_OPERATIONS = ("&&", "--", "||", "~~", "[")
# Categories that share no character with each other (a proof, not a guess: see `_disjoint`).
_DISJOINT_CATEGORIES = frozenset(
    {
        frozenset({"w", "W"}),
        frozenset({"d", "D"}),
        frozenset({"s", "S"}),
        frozenset({"w", "s"}),
        frozenset({"d", "s"}),
        frozenset({"d", "W"}),
    }
)
_QUANTIFIER = re.compile(r"(\*|\+|\?|\{(\d{1,3})(?:(,)(\d{0,3}))?\})(\??)")


@dataclass(frozen=True, slots=True)
class _Atom:
    """One character matcher with its repeat counts (``high`` is `_UNBOUNDED` for no limit)."""

    text: str
    """The atom as written, which the engine can compile on its own."""
    low: int
    high: int


def runs_in_linear_time(query: str, *, case_sensitive: bool) -> bool:
    """Whether ``query`` provably takes time linear in the text on a backtracking engine.

    False whenever the proof does not apply (which says nothing about the pattern itself).
    """
    atoms = _atoms(query)
    if not atoms:
        return False
    flags = 0 if case_sensitive else re.IGNORECASE
    branches = 1
    for position, atom in enumerate(atoms):
        if atom.high == _UNBOUNDED:
            if not _fenced_in(atoms, position, flags):
                return False
        elif atom.high > MAX_BOUND:
            return False
        else:
            branches *= atom.high - atom.low + 1
    return branches <= MAX_BRANCHES


def _fenced_in(atoms: list[_Atom], position: int, flags: int) -> bool:
    """Whether the unbounded atom at ``position`` sits between atoms it shares no character with."""
    if position == 0:
        return False
    neighbours = [atoms[position - 1]] + ([atoms[position + 1]] if position + 1 < len(atoms) else [])
    return all(other.low >= 1 and _disjoint(atoms[position].text, other.text, flags) for other in neighbours)


def _atoms(query: str) -> list[_Atom] | None:
    """The consuming atoms of ``query`` in order (``\\b``/``\\B`` dropped), or None if it is not flat."""
    atoms: list[_Atom] = []
    i = 0
    while i < len(query):
        single = _single(query, i)
        if single is None:
            return None
        text, i = single
        if text in ("\\b", "\\B"):
            continue  # zero-width: tests one place, consumes nothing
        low, high, i = _quantifier(query, i)
        if low < 0:
            return None
        atoms.append(_Atom(text, low, high))
    return atoms


def _single(query: str, i: int) -> tuple[str, int] | None:
    """The one-character atom starting at ``query[i]`` and where it ends, or None."""
    character = query[i]
    if character == "\\":
        escaped = query[i + 1 : i + 2]
        if escaped in _CLASS_ESCAPES or escaped in ("b", "B") or escaped in _PUNCTUATION:
            return query[i : i + 2], i + 2
        return None
    if character == "[":
        end = _set_end(query, i)
        return None if end is None else (query[i:end], end)
    if character in "()|^$*+?{}":
        return None
    return character, i + 1


def _set_end(query: str, start: int) -> int | None:
    """Just past the ``]`` closing a simple set opened at ``start``, or None."""
    i = start + 1
    if query[i : i + 1] == "^":
        i += 1
    if query[i : i + 1] == "]":
        i += 1  # a leading ] is a literal
    while i < len(query):
        if query[i] == "]":
            body = query[start + 1 : i]
            return None if any(operation in body for operation in _SET_OPERATIONS) else i + 1
        if query[i] == "\\":
            escaped = query[i + 1 : i + 2]
            if not (escaped in _CLASS_ESCAPES or escaped in _PUNCTUATION):
                return None
            i += 2
        else:
            i += 1
    return None


def _quantifier(query: str, i: int) -> tuple[int, int, int]:
    """(low, high, end) of the quantifier at ``query[i]`` (1, 1, i if none); low -1 if refused."""
    found = _QUANTIFIER.match(query, i)
    if found is None:
        return 1, 1, i
    symbol, low_text, comma, high_text, _lazy = found.groups()
    end = found.end()
    if query[end : end + 1] in ("+", "*", "?", "{"):
        return -1, 0, end  # possessive or a quantifier on a quantifier
    if symbol in ("*", "+", "?"):
        return {"*": (0, _UNBOUNDED), "+": (1, _UNBOUNDED), "?": (0, 1)}[symbol] + (end,)
    low = int(low_text)
    if comma is None:
        return low, low, end
    high = _UNBOUNDED if not high_text else int(high_text)
    if high != _UNBOUNDED and high < low:
        return -1, 0, end
    return low, high, end


def _disjoint(first: str, second: str, flags: int) -> bool:
    """Whether the atoms ``first`` and ``second`` provably match no character in common."""
    categories = {_category(first), _category(second)}
    if None not in categories:
        return categories in _DISJOINT_CATEGORIES
    for literal, other in ((_literal(first), second), (_literal(second), first)):
        if literal is None:
            continue
        if flags & re.IGNORECASE and literal.lower() + literal.upper() != literal * 2:
            # A letter matches all its case partners, which only the engine knows in full;
            # they are all letters, so no space, digit or non-word character.
            return _category(other) in ("s", "d", "W")
        # One character and nothing else: the engine itself says whether the other atom
        # matches it (`regex`, which searches: its classes are not `re`'s, \w takes marks).
        import regex

        try:
            return regex.fullmatch(other, literal, regex.IGNORECASE if flags & re.IGNORECASE else 0) is None
        except regex.error:
            return False
    return False


def _category(atom: str) -> str | None:
    """The letter of a class escape (``\\s`` gives ``s``), or None for any other atom."""
    return atom[1] if len(atom) == 2 and atom[0] == "\\" and atom[1] in _CLASS_ESCAPES else None


def _literal(atom: str) -> str | None:
    """The one character an atom stands for, or None when it stands for a class."""
    if len(atom) == 1 and atom != ".":
        return atom
    if len(atom) == 2 and atom[0] == "\\" and atom[1] in _PUNCTUATION:
        return atom[1]
    return None
