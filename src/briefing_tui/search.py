"""Find text in a briefing: literal or regular-expression, smart case, counted, in reading order.

The searchable **units** are, for each section in order, its heading (when it has one) and
then the text of each of its paragraphs, as `briefing_tui.units.walk` numbers them. A
unit's index is its position in that sequence, the order in which the reader lays the
text out. Matches never cross from one unit into the next and are never empty.

`SearchIndex` joins every unit once, with ``"\\n"`` between them, so a search is a single
`re.Pattern.finditer` over one string. Match positions are kept as two arrays of global
offsets and turned into `Match` objects (unit, offsets within the unit) only when asked for,
so a query with a million hits costs a few megabytes and no per-hit Python objects.

Regular expressions are compiled with `re.MULTILINE`, so ``^`` and ``$`` anchor at the start
and end of every unit (and of every line inside one). A regular expression that could
reach over the separator (``\\s``, ``[^x]``...) is repaired: the units it touched are searched
again one by one. Lookarounds may still see past the end of a unit into the separator.
Regular expressions are compiled with the `regex` module, not `re`: it takes a timeout and
releases the interpreter lock while it matches. A search is bounded by `SEARCH_TIMEOUT`
seconds in all (``(\\w+\\s?)*$`` backtracks for ever on ordinary prose); past it the result
is empty and its `SearchResult.error` says the search took too long. Literal queries use
`re`, whose escaped patterns never backtrack. A regular expression that
`regex_linear.runs_in_linear_time` proves cannot run away (``\\.\\s+\\w``) needs no bound
and gets none: checking the timeout at every match would cost more than its search.
Nothing here imports Textual or Rich.
"""

from __future__ import annotations

import operator
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, compress, islice
from time import monotonic
from typing import TYPE_CHECKING, Any, TypeAlias

from briefing_tui.model import Briefing
from briefing_tui.regex_linear import runs_in_linear_time
from briefing_tui.regex_reach import can_match_nul, has_lookahead
from briefing_tui.units import walk

if TYPE_CHECKING:
    import regex

__all__ = [
    "MAX_MATCHES",
    "SEARCH_TIMEOUT",
    "TIMED_OUT",
    "CompiledQuery",
    "Match",
    "SearchIndex",
    "SearchResult",
    "Unit",
    "compile_query",
    "is_smart_case_sensitive",
]

MAX_MATCHES = 1_000_000
"""The most matches one search keeps; beyond this `SearchResult.truncated` is True."""

SEARCH_TIMEOUT = 1.0
"""Seconds one regular-expression search may take before it gives up."""
TIMED_OUT = "search took too long"
"""`SearchResult.error` of a search that ran past its timeout."""

Pattern: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"
"""A compiled query: `re` for literal text, `regex` for regular expressions."""

_SEPARATOR = "\n"
# How many matches are pulled from the regex engine per batch: large enough that the
# per-batch Python overhead vanishes, small enough that an empty-matching pattern
# (``x*`` finds an empty match at every position) never holds millions of spans at once.
_BATCH = 65_536
# Matches held at once while their offsets are read: under the collector's first threshold.
_CHUNK = 512
# Past this many matches over a unit boundary, a regex is searched again unit by unit.
_REPAIR_LIMIT = 256
# What stands between units for a pattern that cannot match it, so that no match crosses.
_FENCE = "\x00"
# Anchors that need the separator's line break: such a pattern is never searched fenced.
_ANCHOR = re.compile(r"[\^$]|\\[AZ]")
# A backslash escape in a regular expression (``\W``, ``\S``): its letter is syntax, not text.
_ESCAPE = re.compile(r"\\.", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Match:
    """One match, located in its unit."""

    unit: int
    """Index of the unit in reading order."""
    section_id: str
    """The section the unit belongs to."""
    paragraph_id: str | None
    """The paragraph, or None when the match is in the section heading."""
    start: int
    """Offset of the first matched character in the unit's text."""
    end: int
    """Offset just past the last matched character in the unit's text."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One searchable piece of text: a section heading or a paragraph."""

    index: int
    """Position in reading order."""
    section_id: str
    """The section it belongs to."""
    paragraph_id: str | None
    """The paragraph, or None for the section heading."""
    text: str
    """The text exactly as in the model."""


@dataclass(frozen=True, slots=True)
class CompiledQuery:
    """A query turned into a pattern, or the reason it could not be."""

    query: str
    """The query as typed."""
    regex: bool
    """Whether the query is a regular expression."""
    case_sensitive: bool
    """The case rule in force after smart case was resolved."""
    pattern: Pattern | None
    """The compiled pattern; None for an empty query or a malformed regular expression."""
    error: str | None
    """Why a regular expression was rejected, for people; None when it was accepted."""
    linear: bool = False
    """A regular expression proved to take time linear in the text (`runs_in_linear_time`):
    it is searched without the timeout, whose check at every match costs more than it does."""


def is_smart_case_sensitive(query: str, *, regex: bool) -> bool:
    """Smart case: match case only when the query has an uppercase letter.

    In a regular expression the letter of an escape (``\\W``, ``\\S``, ``\\B``) is syntax
    and does not count.
    """
    if regex:
        query = _ESCAPE.sub("", query)
    return any(character.isupper() for character in query)


def compile_query(query: str, *, regex: bool = False, case_sensitive: bool | None = None) -> CompiledQuery:
    """Compile ``query`` once; ``case_sensitive=None`` means smart case.

    A malformed regular expression is reported in `CompiledQuery.error`, never raised.
    """
    if case_sensitive is None:
        case_sensitive = is_smart_case_sensitive(query, regex=regex)
    if not query:
        return CompiledQuery(query, regex, case_sensitive, None, None)
    flags = 0 if case_sensitive else re.IGNORECASE
    if not regex:
        return CompiledQuery(query, regex, case_sensitive, re.compile(re.escape(query), flags), None)
    import regex as engine  # not `regex`: that name is the argument

    try:
        pattern = engine.compile(query, flags | engine.MULTILINE)
    except (engine.error, OverflowError, RecursionError, ValueError) as error:
        # OverflowError and RecursionError come from absurd repeat counts and nesting depth.
        message = f"bad regular expression: {error}".splitlines()[0]
        return CompiledQuery(query, regex, case_sensitive, None, message)
    linear = runs_in_linear_time(query, case_sensitive=case_sensitive)
    return CompiledQuery(query, regex, case_sensitive, pattern, None, linear)


class SearchIndex:
    """A briefing's text prepared for repeated searches.

    Build one per briefing (the cost is one string join) and call `search` on every
    keystroke; the last result is cached, so asking again for the same query is free.
    """

    __slots__ = (
        "_fenced",
        "_last",
        "_max_matches",
        "_paragraph_ids",
        "_section_ids",
        "_section_spans",
        "_section_units",
        "_text",
        "_unit_by_paragraph",
        "_unit_section",
        "_unit_starts",
    )

    def __init__(self, briefing: Briefing, *, max_matches: int = MAX_MATCHES) -> None:
        texts: list[str] = []
        self._section_ids: list[str] = []
        # For each section, the range of its unit indices (possibly empty).
        self._section_units: list[range] = []
        self._unit_section = array("l")
        self._paragraph_ids: list[str | None] = []
        for section_number, text, paragraph in walk(briefing):
            texts.append(text)
            self._paragraph_ids.append(paragraph.id if paragraph is not None else None)
            self._unit_section.append(section_number)
        for section_number, section in enumerate(briefing.sections):
            self._section_ids.append(section.id)
            self._section_units.append(
                range(
                    bisect_left(self._unit_section, section_number),
                    bisect_right(self._unit_section, section_number),
                )
            )
        self._text = _SEPARATOR.join(texts)
        # Global offset where each unit starts, plus one sentinel just past the end so
        # that unit ``u`` always spans ``starts[u] .. starts[u + 1] - 1``.
        self._unit_starts = array("q", [0])
        for text in texts:
            self._unit_starts.append(self._unit_starts[-1] + len(text) + len(_SEPARATOR))
        self._unit_by_paragraph = {pid: u for u, pid in enumerate(self._paragraph_ids) if pid is not None}
        self._max_matches = max_matches
        self._last: SearchResult | None = None
        self._fenced: str | None = None
        self._section_spans: list[tuple[str, int, int]] | None = None

    @property
    def max_matches(self) -> int:
        """The most matches one search keeps."""
        return self._max_matches

    @property
    def unit_count(self) -> int:
        """How many units there are."""
        return len(self._paragraph_ids)

    @property
    def text(self) -> str:
        """Every unit joined with ``"\\n"``: what `search` runs over."""
        return self._text

    def unit(self, index: int) -> Unit:
        """The unit at ``index`` in reading order; `IndexError` when there is none."""
        start, end = self.unit_span(index)
        section_id = self._section_ids[self._unit_section[index]]
        return Unit(index, section_id, self._paragraph_ids[index], self._text[start:end])

    def unit_span(self, index: int) -> tuple[int, int]:
        """Where unit ``index`` lies in `text`, as (start, end) global offsets."""
        if not 0 <= index < self.unit_count:
            raise IndexError(f"unit {index} out of range; there are {self.unit_count}")
        return self._unit_starts[index], self._unit_starts[index + 1] - len(_SEPARATOR)

    def unit_of_offset(self, offset: int) -> int:
        """The unit holding global offset ``offset`` of `text` (a separator counts as its left unit's)."""
        return bisect_right(self._unit_starts, offset) - 1

    def unit_of_paragraph(self, paragraph_id: str) -> int:
        """The unit of the paragraph with this id; `KeyError` when there is none."""
        return self._unit_by_paragraph[paragraph_id]

    def section_units(self, section_id: str) -> range:
        """The unit indices of one section (its heading first, if it has one)."""
        return self._section_units[self._section_ids.index(section_id)]

    def section_of_unit(self, index: int) -> str:
        """The id of the section unit ``index`` belongs to."""
        return self._section_ids[self._unit_section[index]]

    def paragraph_of_unit(self, index: int) -> str | None:
        """The paragraph id of unit ``index``; None for a heading."""
        return self._paragraph_ids[index]

    @property
    def section_spans(self) -> list[tuple[str, int, int]]:
        """Each section that has units, with where its text starts and ends in `text`."""
        if self._section_spans is None:
            self._section_spans = [
                (section_id, self.unit_span(units[0])[0], self.unit_span(units[-1])[1])
                for section_id, units in self.sections_with_units()
                if units
            ]
        return self._section_spans

    def sections_with_units(self) -> Iterator[tuple[str, range]]:
        """Each section's id and unit range, in reading order."""
        return zip(self._section_ids, self._section_units, strict=True)

    def clear_cache(self) -> None:
        """Forget the last result, so the next `search` runs again (for benchmarks)."""
        self._last = None

    def cached(self, compiled: CompiledQuery) -> SearchResult | None:
        """The result of the last search, if it was for ``compiled``."""
        last = self._last
        return last if last is not None and last.compiled == compiled else None

    def remember(self, result: SearchResult) -> None:
        """Keep ``result`` (a search finished a part at a time) as the last one."""
        self._last = result

    def can_search_in_parts(self, compiled: CompiledQuery) -> bool:
        """Whether `find_in_units` over runs of units, joined, gives exactly what `search` gives.

        True for literal text without a line break, and for a regular expression that takes
        the fenced pass (it cannot match a NUL and has no ``^``, ``$``, ``\\A``, ``\\Z``)
        and has no lookahead: no match can run over the end of a run of units, and nothing
        in the pattern looks past it, while lookbehinds see the text before it as in the
        whole text.
        """
        if compiled.pattern is None:
            return False
        if not compiled.regex:
            return _SEPARATOR not in compiled.query
        return (
            self._fenceable(compiled)
            and not has_lookahead(compiled.query, case_sensitive=compiled.case_sensitive)
            and self._fenced_text() is not None
        )

    def find_in_units(
        self, compiled: CompiledQuery, first: int, stop: int, *, timeout: float | None = SEARCH_TIMEOUT
    ) -> tuple[array[int], array[int]]:
        """Global (starts, ends) of the matches in units ``first`` .. ``stop - 1``, which are
        those of `search` there when `can_search_in_parts`; `TimeoutError` past ``timeout``.

        At most `max_matches` of them.
        """
        pattern = compiled.pattern
        assert pattern is not None
        text = self._fenced_text() if compiled.regex else self._text
        assert text is not None
        finder = _Finder(text, _deadline(compiled, timeout))
        starts, ends = array("q"), array("q")
        if first < stop:
            span_end = self._unit_starts[stop] - len(_SEPARATOR)
            found = finder.finditer(pattern, self._unit_starts[first], span_end)
            self._collect(found, starts, ends, drop_empty=compiled.regex)
        return starts, ends

    def unit_start(self, unit: int) -> int:
        """The global offset where unit ``unit`` starts; for `unit_count`, just past the end."""
        return self._unit_starts[unit]

    def unit_stop_after(self, unit: int, chars: int) -> int:
        """The unit after a run from ``unit`` that holds at least ``chars`` characters (or the end)."""
        limit = self._unit_starts[unit] + max(1, chars)
        return max(unit + 1, min(self.unit_count, bisect_left(self._unit_starts, limit)))

    def unit_start_before(self, unit: int, chars: int) -> int:
        """The first unit of a run ending before ``unit`` that holds at least ``chars`` characters (or 0)."""
        limit = self._unit_starts[unit] - max(1, chars)
        return min(unit - 1, max(0, bisect_right(self._unit_starts, limit) - 1))

    def search(
        self,
        query: str,
        *,
        regex: bool = False,
        case_sensitive: bool | None = None,
        timeout: float | None = SEARCH_TIMEOUT,
    ) -> SearchResult:
        """Every match of ``query``, literal unless ``regex``; ``case_sensitive=None`` is smart case.

        A regular expression gives up after ``timeout`` seconds (None: never).
        """
        compiled = compile_query(query, regex=regex, case_sensitive=case_sensitive)
        return self.search_compiled(compiled, timeout=timeout)

    def search_compiled(
        self, compiled: CompiledQuery, *, timeout: float | None = SEARCH_TIMEOUT
    ) -> SearchResult:
        """Like `search`, for a query compiled once with `compile_query` (the command line does this)."""
        last = self.cached(compiled)
        if last is not None:
            return last
        finder = _Finder(self._text, _deadline(compiled, timeout))
        try:
            starts, ends, truncated = self._find(compiled, finder)
        except TimeoutError:
            return SearchResult(self, compiled, array("q"), array("q"), timed_out=True)
        result = SearchResult(self, compiled, starts, ends, truncated=truncated)
        self._last = result
        return result

    def _find(self, compiled: CompiledQuery, finder: _Finder) -> tuple[array[int], array[int], bool]:
        """Global (starts, ends) of every match, and whether the cap cut them short."""
        starts, ends = array("q"), array("q")
        pattern = compiled.pattern
        if pattern is None:
            return starts, ends, False
        # A literal query is never empty, and reaches over a separator only if it holds one.
        could_be_empty = compiled.regex
        could_span = compiled.regex or _SEPARATOR in compiled.query
        if compiled.regex:
            fenced = self._find_fenced(compiled, finder)
            if fenced is not None:
                return fenced
        found = finder.finditer(pattern, 0, len(self._text))
        truncated = self._collect(found, starts, ends, drop_empty=could_be_empty)
        if could_span:
            spanning = self._spanning(starts, ends)
            if len(spanning) > _REPAIR_LIMIT:
                # Repairing match by match is Python work per match; past a few hundred,
                # searching every unit on its own (the loop in C) is the faster way.
                return self._find_per_unit(pattern, finder, drop_empty=could_be_empty)
            if spanning:
                starts, ends, repaired_truncated = self._repair(pattern, finder, starts, ends, spanning)
                truncated = truncated or repaired_truncated
        return starts, ends, truncated

    def _find_fenced(
        self, compiled: CompiledQuery, finder: _Finder
    ) -> tuple[array[int], array[int], bool] | None:
        """Every match, found in one pass over the units joined by a NUL fence, or None.

        A pattern that can cross from one unit into the next must then match the fence
        itself. When the pattern cannot match a NUL at all (most can't: ``\\.\\s+\\w``,
        ``\\d+ \\w+``), its matches over the fenced text are exactly those a search unit by
        unit finds, in a single pass with the loop in C; the fence is one character, like the
        separator, so the offsets are the same. Otherwise, or when a unit holds a NUL, None:
        the caller takes the general path. Patterns with ``^``, ``$``, ``\\A`` or ``\\Z``
        never come here: they must anchor at the separator's line breaks.
        """
        pattern = compiled.pattern
        if pattern is None or not self._fenceable(compiled):
            return None
        fenced = self._fenced_text()
        if fenced is None:
            return None
        starts, ends = array("q"), array("q")
        found = finder.over(fenced).finditer(pattern, 0, len(fenced))
        truncated = self._collect(found, starts, ends, drop_empty=True)
        return starts, ends, truncated

    def _fenceable(self, compiled: CompiledQuery) -> bool:
        """Whether a regular expression may take the fenced pass: no anchors, cannot match a NUL."""
        return not _ANCHOR.search(compiled.query) and not can_match_nul(
            compiled.query, case_sensitive=compiled.case_sensitive
        )

    def _fenced_text(self) -> str | None:
        """The units joined by NULs (made once), or None when a unit holds a NUL itself."""
        if self._fenced is None:
            if _FENCE in self._text:
                return None
            text, unit_starts = self._text, self._unit_starts
            unit_ends = [start - len(_SEPARATOR) for start in unit_starts[1:]]
            self._fenced = _FENCE.join(map(text.__getitem__, map(slice, unit_starts[:-1], unit_ends)))
        return self._fenced

    def _find_per_unit(
        self, pattern: Pattern, finder: _Finder, *, drop_empty: bool
    ) -> tuple[array[int], array[int], bool]:
        """Every match found unit by unit, so none can run over a separator."""
        starts, ends = array("q"), array("q")
        unit_starts = self._unit_starts
        unit_ends = [start - len(_SEPARATOR) for start in unit_starts[1:]]
        spans = zip(unit_starts[:-1], unit_ends, strict=True)
        found = chain.from_iterable(finder.finditer(pattern, start, end) for start, end in spans)
        truncated = self._collect(found, starts, ends, drop_empty=drop_empty)
        return starts, ends, truncated

    def _collect(
        self, found: Iterator[Any], starts: array[int], ends: array[int], *, drop_empty: bool
    ) -> bool:
        """Append the spans of ``found`` to the arrays, in batches; True when capped."""
        while len(starts) <= self._max_matches:
            batch_starts, batch_ends = _spans_of(found)
            if not batch_starts:
                return False
            if drop_empty and any(map(operator.eq, batch_starts, batch_ends)):
                keep = list(map(operator.ne, batch_starts, batch_ends))
                batch_starts = array("q", compress(batch_starts, keep))
                batch_ends = array("q", compress(batch_ends, keep))
            starts.extend(batch_starts)
            ends.extend(batch_ends)
        del starts[self._max_matches :], ends[self._max_matches :]
        return True

    def _spanning(self, starts: array[int], ends: array[int]) -> list[int]:
        """Indices of the matches that run over a unit boundary."""
        unit_starts = self._unit_starts
        boundaries = len(unit_starts) - 2  # separators sit between units
        if len(starts) <= boundaries:
            # Few matches: check each against the end of its own unit.
            return [
                j
                for j, (start, end) in enumerate(zip(starts, ends, strict=True))
                if end > unit_starts[bisect_right(unit_starts, start)] - len(_SEPARATOR)
            ]
        # Many matches: for each separator only the last match starting at or before it
        # can cover it, since matches are ordered and never overlap.
        spanning: list[int] = []
        for u in range(1, boundaries + 1):
            separator = unit_starts[u] - len(_SEPARATOR)
            j = bisect_right(starts, separator) - 1
            if j >= 0 and ends[j] > separator and (not spanning or spanning[-1] != j):
                spanning.append(j)
        return spanning

    def _repair(
        self, pattern: Pattern, finder: _Finder, starts: array[int], ends: array[int], spanning: list[int]
    ) -> tuple[array[int], array[int], bool]:
        """The matches with every spanning one replaced by what searching unit by unit finds there.

        Returns the new (starts, ends) and whether the cap cut them short.
        """
        new_starts, new_ends = array("q"), array("q")
        copied = 0  # matches before this index are copied or superseded
        for j in spanning:
            if j < copied:
                continue  # inside a stretch already searched again
            new_starts.extend(starts[copied:j])
            new_ends.extend(ends[copied:j])
            copied = self._search_units_from(
                pattern, finder, starts, ends, j, new_starts=new_starts, new_ends=new_ends
            )
        new_starts.extend(starts[copied:])
        new_ends.extend(ends[copied:])
        truncated = len(new_starts) > self._max_matches
        del new_starts[self._max_matches :], new_ends[self._max_matches :]
        return new_starts, new_ends, truncated

    def _search_units_from(
        self,
        pattern: Pattern,
        finder: _Finder,
        starts: array[int],
        ends: array[int],
        j: int,
        *,
        new_starts: array[int],
        new_ends: array[int],
    ) -> int:
        """Search unit by unit from spanning match ``j`` until the joined-text search is right again.

        Appends what it finds to ``new_starts``/``new_ends`` and returns the index of the first
        joined-text match that still holds. Up to match ``j`` the joined search saw exactly what
        a per-unit one would. It is right again either once both produce the same match (from
        there they resume at the same place in the same state) or from the start of a unit that
        no joined-text match reached into. So the work is a short stretch per spanning match,
        not a second search of the whole text.
        """
        unit_starts = self._unit_starts  # a local: this runs once per spanning match
        position = starts[j]
        unit = bisect_right(unit_starts, position) - 1
        while True:
            unit_end = unit_starts[unit + 1] - len(_SEPARATOR)
            for found in finder.finditer(pattern, position, unit_end):
                start, end = found.span()
                if start == end:
                    continue
                k = bisect_left(starts, start, lo=j + 1)
                if k < len(starts) and starts[k] == start and ends[k] == end:
                    return k
                new_starts.append(start)
                new_ends.append(end)
            # Whatever the joined search found inside this unit after ``position`` is superseded.
            last = bisect_right(starts, unit_end, lo=j) - 1
            if ends[last] <= unit_end:
                return last + 1
            unit += 1
            position = unit_starts[unit]


def _spans_of(found: Iterator[Any]) -> tuple[array[int], array[int]]:
    """The starts and ends of up to `_BATCH` more matches of ``found`` (none once it is spent).

    list/map/array keep the per-match work in C, so a search stays close to a bare
    ``finditer``: the match type's own unbound ``start`` and ``end`` cost less than a span
    tuple per match. The matches are held `_CHUNK` at a time: `re` matches are tracked by the
    cyclic collector, and holding thousands would set off collections of the whole heap.
    """
    starts, ends = array("q"), array("q")
    while len(starts) < _BATCH:
        chunk = list(islice(found, _CHUNK))
        if not chunk:
            break
        kind = type(chunk[0])  # `re.Match` or the `regex` module's
        starts.extend(map(kind.start, chunk))
        ends.extend(map(kind.end, chunk))
    return starts, ends


def _deadline(compiled: CompiledQuery, timeout: float | None) -> float | None:
    """When a search of ``compiled`` must give up: never for a pattern proved linear."""
    return None if timeout is None or compiled.linear else monotonic() + timeout


class _Finder:
    """Runs a pattern over the joined text, every run sharing one deadline."""

    __slots__ = ("_deadline", "_text")

    def __init__(self, text: str, deadline: float | None) -> None:
        self._text = text
        self._deadline = deadline

    def over(self, text: str) -> _Finder:
        """A finder over ``text`` that shares this one's deadline."""
        return _Finder(text, self._deadline)

    def finditer(self, pattern: Pattern, start: int, end: int) -> Iterator[Any]:
        """``pattern.finditer`` over ``text[start:end]``; `TimeoutError` once the deadline passes."""
        if isinstance(pattern, re.Pattern):
            return pattern.finditer(self._text, start, end)
        if self._deadline is None:
            return pattern.finditer(self._text, start, end, concurrent=True)
        remaining = self._deadline - monotonic()
        if remaining <= 0:
            raise TimeoutError
        return pattern.finditer(self._text, start, end, concurrent=True, timeout=remaining)


class SearchResult:
    """The matches of one query, in reading order, located lazily."""

    __slots__ = ("_ends", "_index", "_starts", "compiled", "covered", "timed_out", "truncated")

    def __init__(
        self,
        index: SearchIndex,
        compiled: CompiledQuery,
        starts: array[int],
        ends: array[int],
        *,
        truncated: bool = False,
        timed_out: bool = False,
        covered: tuple[int, int] | None = None,
    ) -> None:
        self._index = index
        self.compiled = compiled
        """The query as compiled, with the case rule resolved."""
        self._starts = starts
        self._ends = ends
        self.truncated = truncated
        """True when there were more than `MAX_MATCHES` matches and only the first were kept."""
        self.timed_out = timed_out
        """True when the search ran past its timeout and gave up (then `total` is 0)."""
        self.covered = covered
        """For a search not finished yet, the units ``(first, stop)`` searched so far, whose
        matches these are (exactly the finished search's there); None once it is finished."""

    @property
    def complete(self) -> bool:
        """Whether every unit has been searched."""
        return self.covered is None

    def __repr__(self) -> str:
        return (
            f"SearchResult(query={self.query!r}, regex={self.regex}, case_sensitive={self.case_sensitive}, "
            f"total={self.total}, error={self.error!r}, truncated={self.truncated}, covered={self.covered})"
        )

    @property
    def query(self) -> str:
        """The query as typed."""
        return self.compiled.query

    @property
    def regex(self) -> bool:
        """Whether the query was a regular expression."""
        return self.compiled.regex

    @property
    def case_sensitive(self) -> bool:
        """The case rule that was applied (smart case resolved)."""
        return self.compiled.case_sensitive

    @property
    def error(self) -> str | None:
        """Why the search found nothing to show: a rejected regular expression or `TIMED_OUT`; else None."""
        return TIMED_OUT if self.timed_out else self.compiled.error

    @property
    def total(self) -> int:
        """How many matches were found (at most `MAX_MATCHES`)."""
        return len(self._starts)

    def match(self, i: int) -> Match:
        """The ``i``-th match in reading order; `IndexError` outside ``0 .. total - 1``."""
        if not 0 <= i < len(self._starts):
            raise IndexError(f"match {i} out of range; there are {len(self._starts)}")
        start, end = self._starts[i], self._ends[i]
        index = self._index
        unit = index.unit_of_offset(start)
        unit_start = index.unit_span(unit)[0]
        return Match(
            unit,
            index.section_of_unit(unit),
            index.paragraph_of_unit(unit),
            start - unit_start,
            end - unit_start,
        )

    def __iter__(self) -> Iterator[Match]:
        """Every match in reading order, located one at a time."""
        return (self.match(i) for i in range(len(self._starts)))

    def match_range_in_unit(self, unit: int) -> range:
        """The indices (as for `match`) of the matches inside ``unit``, in order."""
        unit_start, unit_end = self._index.unit_span(unit)
        first = bisect_left(self._starts, unit_start)
        # A non-empty match that starts in the unit starts before its end.
        return range(first, bisect_left(self._starts, unit_end, lo=first))

    def matches_in_unit(self, unit: int) -> list[tuple[int, int]]:
        """(start, end) offsets within ``unit``'s text of each match in it, for highlighting."""
        unit_start = self._index.unit_span(unit)[0]
        found = self.match_range_in_unit(unit)
        return [(self._starts[j] - unit_start, self._ends[j] - unit_start) for j in found]

    def matches_in_range(self, unit: int, start: int, end: int) -> list[tuple[int, int]]:
        """The matches in ``unit`` that overlap its characters ``start``..``end``, as in `matches_in_unit`.

        Matches never overlap one another, so their ends are as ordered as their starts and
        both bounds are binary searches: one screen line of a 10 MB paragraph costs as
        little as one line of a short one.
        """
        unit_start = self._index.unit_span(unit)[0]
        first = bisect_right(self._ends, unit_start + start)
        last = bisect_left(self._starts, unit_start + end, lo=first)
        return [(self._starts[j] - unit_start, self._ends[j] - unit_start) for j in range(first, last)]

    def counts_by_section(self) -> dict[str, int]:
        """Section id to number of matches, for the sections that have any, in reading order."""
        counts: dict[str, int] = {}
        starts = self._starts
        first = 0
        for section_id, section_start, section_end in self._index.section_spans:
            first = bisect_left(starts, section_start, lo=first)
            last = bisect_left(starts, section_end, lo=first)
            if last > first:
                counts[section_id] = last - first
            first = last
        return counts

    def index_at_or_after(self, unit: int, offset: int) -> int | None:
        """The first match starting at or after ``offset`` in ``unit``; None when none does (wrap then)."""
        position = self._index.unit_span(unit)[0] + offset
        found = bisect_left(self._starts, position)
        return found if found < len(self._starts) else None

    def index_before(self, unit: int, offset: int) -> int | None:
        """The last match starting before ``offset`` in ``unit``; None when none does (wrap then)."""
        position = self._index.unit_span(unit)[0] + offset
        found = bisect_left(self._starts, position) - 1
        return found if found >= 0 else None
