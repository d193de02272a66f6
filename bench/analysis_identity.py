"""Check that the analysis output stays byte for byte what it was: for speed work.

Run (with ``PYTHONPATH=src``)::

    python bench/analysis_identity.py --save /tmp/speed-baseline    # before the change
    python bench/analysis_identity.py --check /tmp/speed-baseline   # after it

The documents are the seed, every ``tests/corpus/train/*.txt``, the fixtures under
``tests/fixtures/labelled/`` and the 1 MB and 3 MB generated briefings (``bench/.cache/``;
the 3 MB one is read by two processes, see ``analysis.two_processes``). Each is
read, analysed, and its analysed briefing's ``model_dump_json`` is saved (``--save``) or
compared with the saved one (``--check``). The evaluation part of the corpus is never read.
Exits non-zero when a document's output differs or is missing.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from _common import REPO_DIR, document
from briefing_tui.analysis import analyse
from briefing_tui.ingest import read_briefing

TRAIN_DIR = REPO_DIR / "tests" / "corpus" / "train"
FIXTURE_DIR = REPO_DIR / "tests" / "fixtures" / "labelled"
_FIXTURE_SUFFIXES = (".txt", ".md")


def documents() -> list[tuple[str, Path]]:
    """Every checked document and the name its output is saved under."""
    found = [
        ("seed", document("seed", "txt")),
        ("1mb", document("1MB", "txt")),
        ("3mb", document("3MB", "txt")),
    ]
    found += [(f"train-{path.stem}", path) for path in sorted(TRAIN_DIR.glob("*.txt"))]
    found += [
        (f"fixture-{path.name}", path)
        for path in sorted(FIXTURE_DIR.iterdir())
        if path.suffix in _FIXTURE_SUFFIXES
    ]
    return found


def output(path: Path) -> str:
    """The analysed briefing of ``path`` as JSON."""
    return analyse(read_briefing(path)).model_dump_json()


def main(argv: Sequence[str] | None = None) -> int:
    """Save or check every document's output."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, metavar="DIR", help="write the outputs to DIR")
    mode.add_argument("--check", type=Path, metavar="DIR", help="compare the outputs with DIR")
    args = parser.parse_args(argv)
    folder: Path = args.save or args.check
    folder.mkdir(parents=True, exist_ok=True)
    differing: list[str] = []
    for name, path in documents():
        saved = folder / f"{name}.json"
        text = output(path)
        if args.save:
            saved.write_text(text, encoding="utf-8")
        elif not saved.exists() or saved.read_text(encoding="utf-8") != text:
            differing.append(name)
    checked = len(documents())
    if differing:
        print(f"{len(differing)} of {checked} outputs differ: {', '.join(differing)}")
        return 1
    print(f"{checked} outputs {'saved' if args.save else 'identical'} ({folder})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
