"""Which files a path names for the library: the file itself, or the briefings in a folder."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["BRIEFING_SUFFIXES", "briefing_files", "file_digest", "path_digest"]

BRIEFING_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".json"})
"""The suffixes a folder's files must have to be taken for briefings."""


def briefing_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Each named file, and every briefing file under each named folder, in name order.

    Hidden files and folders (a leading dot) are skipped inside folders; a file named
    explicitly is always taken, whatever its suffix.
    """
    for path in paths:
        if _is_folder(path):
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if any(part.startswith(".") for part in relative):
                    continue
                if child.is_file() and child.suffix.lower() in BRIEFING_SUFFIXES:
                    yield child
        else:
            yield path


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False  # reading it as a file then says what is wrong


def file_digest(data: bytes) -> str:
    """The digest that tells one version of a file from another."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def path_digest(path: Path) -> str:
    """`file_digest` of the file at ``path``, read a block at a time rather than whole (`OSError`)."""
    with path.open("rb") as file:
        return hashlib.file_digest(file, lambda: hashlib.blake2b(digest_size=16)).hexdigest()
