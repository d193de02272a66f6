"""Scale: the bench corpus generator, and analysis staying linear on large and hostile input."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from briefing_tui.analysis import analyse
from briefing_tui.ingest import read_briefing
from briefing_tui.model import Briefing, Paragraph, Section

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from corpus import make_briefing_text, parse_size  # noqa: E402

# Generous bounds: the 10 MB bench runs in about 2.5 s on a 2-core machine, so these only
# catch an accidental quadratic step, not ordinary noise from a busy CI machine.
SECONDS_PER_MB = 2.0


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


def test_a_megabyte_of_the_seed_analyses_quickly(tmp_path: Path) -> None:
    path = tmp_path / "one-mb.txt"
    path.write_text(make_briefing_text(parse_size("1MB"), "txt"), encoding="utf-8")
    briefing = read_briefing(path)
    started = time.perf_counter()
    analysed = analyse(briefing)
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS_PER_MB, f"1 MB took {elapsed:.2f} s"
    assert (
        len(analysed.sources) == 17
    )  # the seed's sources (a refusal to comment is none), however often repeated
    assert len(analysed.questions) == 2 * len([p for p in analysed.paragraphs() if p.text.endswith("war?")])


@pytest.mark.parametrize(
    "text",
    [
        "said " * 40_000,
        "Alpha Beta Gamma said " * 10_000,
        "officials, " * 20_000 + "said",
        "officials and " * 20_000 + "diplomats said",
        "according to " * 20_000,
        "why? " * 40_000,
        "x" * 200_000,
        "Greenway: “" * 20_000,
        "Robert Greenway, " + "a, " * 30_000 + "said",
        "U.S. " * 40_000 + "officials said",
        "Ministry of " * 20_000 + "Health said",
    ],
    ids=lambda text: text[:20].strip(),
)
def test_hostile_paragraphs_stay_fast(text: str) -> None:
    briefing = Briefing(title="t", sections=(Section(id="s", paragraphs=(Paragraph(id="p1", text=text),)),))
    started = time.perf_counter()
    analyse(briefing)
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS_PER_MB, f"{len(text):,} characters took {elapsed:.2f} s"
