"""Deterministic large briefings built from the seed, for benchmarks and scale tests.

The output cycles through the seed's sections and paragraphs (``seeds/gaza-ceasefire-talks.txt``),
numbering each section heading ("Section 12: <seed heading>"; the untitled lead gets the seed's
title), so that our readers parse it into many sections of realistic prose, lists included.
The same arguments always give the same text, byte for byte.

Command line::

    python bench/corpus.py --size 10MB --format txt --out /tmp/briefing-10mb.txt
    python bench/corpus.py --size 512KiB --format md --out /tmp/briefing.md

From Python, with ``bench/`` on ``sys.path``::

    from corpus import make_briefing_text, parse_size
    text = make_briefing_text(parse_size("1MB"), "md")

Sizes are in bytes of UTF-8; ``KB``/``MB``/``GB`` are powers of 1024 (``KiB``... are accepted
too). The text is as close to the size as whole blocks allow, never over it, except that
it always holds at least the title and one paragraph.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FORMATS", "SEED_PATH", "SeedSection", "load_seed", "make_briefing_text", "parse_size"]

SEED_PATH = Path(__file__).resolve().parent.parent / "seeds" / "gaza-ceasefire-talks.txt"
"""The seed briefing whose paragraphs the corpus repeats."""
FORMATS = ("txt", "md")
"""Output formats: plain text or Markdown with front matter."""

_FORMAT_ALIASES = {"txt": "txt", "text": "txt", "md": "md", "markdown": "md"}
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
_SIZE = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[kmg]?)(?:i?b)?\s*$", re.IGNORECASE)
_FRONT_MATTER = (
    "---\ntitle: {title}\noutlet: briefing-tui bench corpus\nauthor: bench/corpus.py\n"
    "published: 2025-01-01\n---"
)


@dataclass(frozen=True, slots=True)
class SeedSection:
    """One section of the seed: its heading and its paragraphs as (list marker or None, text)."""

    heading: str
    paragraphs: tuple[tuple[str | None, str], ...]


def parse_size(text: str) -> int:
    """Bytes in a size such as ``10MB``, ``1.5 MiB``, ``100KB`` or ``4096``."""
    match = _SIZE.match(text)
    if match is None:
        raise ValueError(f"not a size: {text!r} (try 10KB, 1MB, 50MB)")
    return int(float(match["number"]) * _UNITS[match["unit"].lower()])


def load_seed(path: Path = SEED_PATH) -> tuple[str, tuple[SeedSection, ...]]:
    """The seed's title and sections, read with the project's own reader."""
    from briefing_tui.ingest import read_briefing  # imported here so that `--help` stays fast

    briefing = read_briefing(path)
    sections = tuple(
        SeedSection(
            heading=section.heading or briefing.title,
            paragraphs=tuple((paragraph.marker, paragraph.text) for paragraph in section.paragraphs),
        )
        for section in briefing.sections
        if section.paragraphs
    )
    return briefing.title, sections


def make_briefing_text(size_bytes: int, fmt: str = "txt", seed: Path = SEED_PATH) -> str:
    """A briefing of at most ``size_bytes`` UTF-8 bytes in format ``fmt`` ("txt" or "md").

    "text" and "markdown" are accepted as aliases of "txt" and "md".
    """
    form = _FORMAT_ALIASES.get(fmt.lower())
    if form is None:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    title, sections = load_seed(seed)
    header = _FRONT_MATTER.format(title=title) if form == "md" else title
    blocks = [header]
    budget = size_bytes - len(header.encode())
    last_was_heading = False
    for block, is_heading in _blocks(sections, form):
        cost = len(block.encode()) + 2  # the blank line before it
        if cost > budget and len(blocks) > 2:
            break
        blocks.append(block)
        budget -= cost
        last_was_heading = is_heading
    if last_was_heading and len(blocks) > 2:
        blocks.pop()  # a heading with nothing under it would read as a paragraph
    return "\n\n".join(blocks) + "\n"


def _blocks(sections: Sequence[SeedSection], form: str) -> Iterator[tuple[str, bool]]:
    """Endless (block, is_heading) pairs: numbered headings, paragraphs, and lists as one block."""
    number = 0
    while True:
        for section in sections:
            number += 1
            heading = f"Section {number}: {section.heading}"
            yield (f"## {heading}" if form == "md" else heading), True
            yield from ((block, False) for block in _section_blocks(section))


def _section_blocks(section: SeedSection) -> Iterator[str]:
    items: list[str] = []
    for marker, text in section.paragraphs:
        if marker is not None:
            items.append(f"{marker} {text}")
            continue
        if items:
            yield "\n".join(items)
            items = []
        yield text
    if items:
        yield "\n".join(items)


def main(argv: Sequence[str] | None = None) -> int:
    """Write a generated briefing to ``--out`` (or standard output)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="1MB", help="target size, e.g. 10KB, 1MB, 10MB, 50MB")
    parser.add_argument("--format", default="txt", choices=[*FORMATS, "text", "markdown"])
    parser.add_argument("--out", type=Path, help="file to write; standard output when omitted")
    args = parser.parse_args(argv)
    text = make_briefing_text(parse_size(args.size), args.format)
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {len(text.encode()):,} bytes to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
