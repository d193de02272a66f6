"""Scale: the bench corpus generator, and analysis staying linear on large and hostile input."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_tui.analysis import analyse
from briefing_tui.ingest import read_briefing
from briefing_tui.model import Briefing, Paragraph, Section

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from corpus import make_briefing_text, parse_size  # noqa: E402

# Speed is the benchmarks' business (bench/scaling.py); these compare two sizes of the same
# input in CPU time, so a loaded machine cannot fail them. Ten times the input may take at
# most GROWTH times as long: linear work gives about 10, a quadratic step about 100.
GROWTH = 30.0
FLOOR = 0.02
"""Seconds below which the smaller run is counted as this much: too short to divide by."""


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("4096", 4096),
        ("10KB", 10 * 1024),
        ("1.5 MiB", 3 * 512 * 1024),
        ("10MB", 10 * 1024**2),
        ("2gb", 2 * 1024**3),
    ],
)
def test_sizes_parse(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_a_size_that_is_not_one_is_refused() -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size("ten megabytes")


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_the_corpus_is_deterministic_sized_and_readable(fmt: str, tmp_path: Path) -> None:
    size = parse_size("100KB")
    text = make_briefing_text(size, fmt)
    assert text == make_briefing_text(size, fmt)
    assert size * 0.9 < len(text.encode()) <= size
    path = tmp_path / f"corpus.{fmt}"
    path.write_text(text, encoding="utf-8")
    briefing = read_briefing(path)
    headings = [section.heading or "" for section in briefing.sections]
    assert len(headings) > 30
    assert headings[0].startswith("Section 1: ") and headings[5].startswith("Section 6: ")
    assert any(paragraph.marker == "1." for paragraph in briefing.paragraphs())


def test_the_corpus_accepts_format_aliases_and_refuses_others() -> None:
    assert make_briefing_text(5000, "text") == make_briefing_text(5000, "txt")
    assert make_briefing_text(5000, "markdown") == make_briefing_text(5000, "md")
    with pytest.raises(ValueError, match="unknown format"):
        make_briefing_text(5000, "pdf")


def test_a_tiny_corpus_still_has_a_title_and_a_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text(make_briefing_text(10, "txt"), encoding="utf-8")
    assert read_briefing(path).paragraphs()


def test_analysis_grows_linearly_with_the_briefing(tmp_path: Path) -> None:
    small, large = (_analysis_time(tmp_path, size) for size in ("100KB", "1MB"))
    assert large[0] < GROWTH * max(small[0], FLOOR), f"100 KB: {small[0]:.2f} s, 1 MB: {large[0]:.2f} s"
    analysed = large[1]
    # The seed's sources (a refusal to comment is none), however often repeated.
    assert len(analysed.sources) == 17
    assert len(analysed.questions) == 2 * len([p for p in analysed.paragraphs() if p.text.endswith("war?")])


@pytest.mark.parametrize(
    ("head", "repeated", "tail", "count"),
    [
        ("", "said ", "", 40_000),
        ("", "Alpha Beta Gamma said ", "", 10_000),
        ("", "officials, ", "said", 20_000),
        ("", "officials and ", "diplomats said", 20_000),
        ("", "according to ", "", 20_000),
        ("", "why? ", "", 40_000),
        ("", "x", "", 200_000),
        ("", "Greenway: “", "", 20_000),
        ("Robert Greenway, ", "a, ", "said", 30_000),
        ("", "U.S. ", "officials said", 40_000),
        ("", "Ministry of ", "Health said", 20_000),
    ],
    ids=lambda value: value[:20].strip() if isinstance(value, str) else str(value),
)
def test_hostile_paragraphs_grow_linearly(head: str, repeated: str, tail: str, count: int) -> None:
    def seconds(times: int) -> float:
        text = head + repeated * times + tail
        briefing = Briefing(
            title="t", sections=(Section(id="s", paragraphs=(Paragraph(id="p1", text=text),)),)
        )
        return min(_timed(lambda: analyse(briefing)) for _ in range(2))

    small, large = seconds(count // 10), seconds(count)
    assert large < GROWTH * max(small, FLOOR), f"x{count // 10}: {small:.3f} s, x{count}: {large:.3f} s"


def _analysis_time(tmp_path: Path, size: str) -> tuple[float, Briefing]:
    path = tmp_path / f"{size}.txt"
    path.write_text(make_briefing_text(parse_size(size), "txt"), encoding="utf-8")
    briefing = read_briefing(path)
    started = time.process_time()
    analysed = analyse(briefing)
    return time.process_time() - started, analysed


def _timed(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started
