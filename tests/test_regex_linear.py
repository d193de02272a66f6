"""Regular expressions proved unable to run away are searched without a timeout; all others keep theirs."""

from __future__ import annotations

import time

import pytest

from briefing_tui.model import Briefing, Paragraph, Section
from briefing_tui.regex_linear import runs_in_linear_time
from briefing_tui.search import SearchIndex, compile_query

ACCEPTED = [
    r"\.\s+\w",
    r"\.\s*\w",
    r"\.\s+?\w",
    r"\d{1,3} \w+",
    r"x\s+y",
    r"hostage",
    r"\bcease\W+fire\b",
    r"[.!?] [A-Z]",
]
REFUSED = [
    r"\s+$",  # an anchor
    r"(\w+\s?)*$",  # nested quantifiers
    r"\s+\w",  # starts with a run: every space of a long run starts it again
    r"\w+\s?",  # the same
    r"a.*b",  # "." shares characters with "b": the run gives back one at a time
    r"\.\s+\s",  # a run next to an atom of its own class
    r"\d+\s\w+",  # starts with a run
    r"\.\s+[a-z]",  # a set beside a run: not proved disjoint, so not accepted
    r"a?b?c?d?e?",  # 32 ways at one place
    r"\w{1,100}",  # a bound too large
    r"\.\s++\w",  # possessive: not in the proof's syntax
    r"(?i)\.\s+\w",  # inline flags
    r"\.\s+\p{L}",  # the regex module's own syntax
    r"(a|b)\s",  # alternation
    r"\.(?=\s)",  # lookahead
    r"(\w)\s+\1",  # back reference
]


@pytest.mark.parametrize("query", ACCEPTED)
def test_a_flat_pattern_whose_runs_are_fenced_is_accepted(query: str) -> None:
    assert runs_in_linear_time(query, case_sensitive=True)
    assert compile_query(query, regex=True, case_sensitive=True).linear


@pytest.mark.parametrize("query", REFUSED)
def test_anything_the_proof_does_not_cover_keeps_the_bounded_engine(query: str) -> None:
    assert not runs_in_linear_time(query, case_sensitive=True)
    assert not compile_query(query, regex=True, case_sensitive=True).linear


def test_what_a_character_shares_with_a_class_is_the_search_engines_answer() -> None:
    # A combining acute accent is a word character to the `regex` module (not to `re`): a
    # run of \w beside it is not fenced in.
    assert not runs_in_linear_time("\u0301\\w+\\.", case_sensitive=True)
    assert runs_in_linear_time("!\\w+\\.", case_sensitive=True)


def test_a_letter_beside_a_run_ignoring_case_needs_a_class_its_case_partners_are_outside() -> None:
    # "k" ignoring case also matches the Kelvin sign, a letter: a run of \s cannot hold it,
    # but only a category that excludes every letter proves that.
    assert runs_in_linear_time(r"k\s+K", case_sensitive=False)
    assert not runs_in_linear_time(r"k[^a-z]+K", case_sensitive=False)


def briefing_of(texts: list[str]) -> Briefing:
    paragraphs = tuple(Paragraph(id=f"p{i}", text=text) for i, text in enumerate(texts, start=1))
    return Briefing(title="T", sections=(Section(id="s", heading="Head. Line", paragraphs=paragraphs),))


def test_a_search_past_its_timeout_still_finishes_when_the_pattern_is_proved_linear() -> None:
    index = SearchIndex(briefing_of(["Talks ended. Then they resumed."] * 50))
    assert index.search(r"\.\s+\w", regex=True, timeout=0.0).total == 51  # and "Head. Line"
    assert index.search(r"\w+\.\s+\w", regex=True, timeout=0.0).timed_out  # not proved: bounded


def cpu_seconds(query: str, text: str) -> float:
    """The least thread CPU time of three searches of ``query`` over a briefing of ``text``."""
    index = SearchIndex(briefing_of([text]))
    times = []
    for _ in range(3):
        index.clear_cache()
        started = time.thread_time()
        index.search(query, regex=True)
        times.append(time.thread_time() - started)
    return min(times)


def test_an_accepted_pattern_grows_linearly_on_text_made_to_make_it_backtrack() -> None:
    # Full stops each followed by a long run of spaces and no word: every run is scanned and
    # given back. Eight times the text must cost about eight times as much, not sixty-four.
    def hostile(runs: int) -> str:
        return (". " + " " * 2_000) * runs

    small, large = cpu_seconds(r"\.\s+\w", hostile(25)), cpu_seconds(r"\.\s+\w", hostile(200))
    assert large < 24 * max(small, 1e-4)
