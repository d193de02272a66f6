"""Every reader takes time linear in its input, however hostile the text.

The old Markdown regexes were quadratic: 100 KB of ``[`` took 37 s, ``**a `` floods 17 s and
a heading of 100,000 spaces 63 s. Here each reader reads adversarial inputs of 50 KB and
500 KB, and the test fails when the larger time is more than `MAX_RATIO` times the smaller
(linear growth gives about 10; quadratic about 100). No absolute time is asserted.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_tui.errors import BriefingError
from briefing_tui.ingest import read_briefing

SMALL, LARGE = 50_000, 500_000
MAX_RATIO = 30.0
"""Ten times the input may take at most this many times as long."""
_MIN_SECONDS = 0.2

FLOODS: dict[str, Callable[[int], str]] = {
    "brackets": lambda size: "[" * size,
    "link openings": lambda size: "[a](" * (size // 4),
    "emphasis": lambda size: "**a " * (size // 4),
    "heading of spaces": lambda size: "## " + " " * size + "x",
    "run of spaces": lambda size: "Title\n\nword" + " " * size + "word",
    "backticks": lambda size: "`" * size,
    "dateline-like capitals": lambda size: "Title\n\n" + "A" * size + " (AP) — text",
    "front matter never closed": lambda size: "---\n" + "key: value\n" * (size // 11),
    "end marks between paragraphs": lambda size: (
        "Title\n\n" + ("Read more\n\n" + "word " * 45 + "end.\n\n") * (size // 250)
    ),
}

WRAPPERS: dict[str, Callable[[str], str]] = {
    ".txt": lambda text: text,
    ".md": lambda text: text,
    ".html": lambda text: f"<html><body><article><p>{text}</p></article></body></html>",
    ".eml": lambda text: (
        f"From: a@example.invalid\nSubject: Flood\nDate: Sat, 14 Mar 2026 09:30:00 +0000\n\n{text}"
    ),
}
# The HTML reader's text goes through the Markdown reader, which the floods above cover; here
# it gets what is hostile to an HTML parser.
HTML_FLOODS: dict[str, Callable[[int], str]] = {
    "run of spaces": lambda size: "word" + " " * size + "word",
    "angle brackets": lambda size: "<" * size,
}


def seconds_to_read(path: Path) -> float:
    """Seconds per reading of ``path``, repeating quick readings so timer noise does not count."""
    runs, start = 0, time.process_time()  # CPU time: another busy process cannot inflate it
    while True:
        with contextlib.suppress(BriefingError):  # refusing a flood cleanly is fine
            read_briefing(path)
        runs += 1
        elapsed = time.process_time() - start
        if elapsed >= _MIN_SECONDS:
            return elapsed / runs


def cases() -> list[tuple[str, str]]:
    found = []
    for suffix in WRAPPERS:
        for flood in HTML_FLOODS if suffix == ".html" else FLOODS:
            found.append((suffix, flood))
    return found


@pytest.mark.parametrize(("suffix", "flood"), cases())
def test_reading_time_grows_linearly(tmp_path: Path, suffix: str, flood: str) -> None:
    times = []
    for size in (SMALL, LARGE):
        path = tmp_path / f"flood-{size}{suffix}"
        make = HTML_FLOODS[flood] if suffix == ".html" else FLOODS[flood]
        path.write_text(WRAPPERS[suffix](make(size)), encoding="utf-8")
        times.append(seconds_to_read(path))
    ratio = times[1] / times[0]
    assert ratio < MAX_RATIO, f"{flood} in {suffix}: 500 KB took {ratio:.1f}x the time of 50 KB"


def test_a_word_document_of_floods_reads_in_linear_time(tmp_path: Path) -> None:
    import docx

    times = []
    for size in (SMALL, LARGE):
        document = docx.Document()
        for _ in range(10):
            document.add_paragraph("[" * (size // 20) + " " * (size // 20))
        path = tmp_path / f"flood-{size}.docx"
        document.save(str(path))
        times.append(seconds_to_read(path))
    assert times[1] / times[0] < MAX_RATIO
