"""``briefing-tui library ...``: add briefings, list them, search across them, list their sources.

Each command returns its exit code and writes through the ``write`` it is given, so the
command line decides how text reaches the terminal. Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from briefing_tui.errors import BriefingError
from briefing_tui.library.files import briefing_files
from briefing_tui.library.location import DATA_DIR_ENV, database_path
from briefing_tui.library.search import search_library
from briefing_tui.library.sources import library_sources, sources_matching
from briefing_tui.library.store import Library, LibraryError

__all__ = ["add_paths", "run_library"]

Write = Callable[[str], None]
EXIT_OK, EXIT_NO_MATCH, EXIT_ERROR = 0, 1, 2


def run_library(args: list[str], out: Write, err: Write) -> int:
    """Run ``briefing-tui library`` with ``args``; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="briefing-tui library",
        description=(
            "The library of briefings: every briefing opened in the reader or added here, searchable "
            f"across all of them. It lives in {database_path()} (${DATA_DIR_ENV} overrides the folder)."
        ),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add = commands.add_parser("add", help="add briefing files, or every briefing in folders")
    add.add_argument("paths", nargs="+", metavar="PATH")
    commands.add_parser("list", help="list the briefings in the library")
    search = commands.add_parser("search", help="full-text search across the library (FTS5 syntax)")
    search.add_argument("query", help='words, "a phrase", prefix*, AND / OR / NOT, parentheses')
    search.add_argument("--limit", type=int, default=20, help="how many hits to print (default 20)")
    sources = commands.add_parser("sources", help="every source across the library and who cites it")
    sources.add_argument("--json", action="store_true", help="print JSON")
    sources.add_argument(
        "--match", default="", metavar="WORDS", help="only sources whose names hold every one of these words"
    )
    commands.add_parser("path", help="print where the library database is")
    options = parser.parse_args(args)
    if options.command == "path":
        out(f"{database_path()}\n")
        return EXIT_OK
    with Library() as library:
        if options.command == "add":
            return add_paths(library, [Path(path) for path in options.paths], out, err)
        if options.command == "list":
            return _list(library, out)
        if options.command == "search":
            return _search(library, options.query, options.limit, out, err)
        return _sources(library, out, as_json=options.json, match=options.match)


def add_paths(library: Library, paths: list[Path], out: Write, err: Write) -> int:
    """Add every briefing ``paths`` name; a file that cannot be read is one line on ``err``."""
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    failed = 0
    for path in briefing_files(paths):
        try:
            counts[library.add_file(path).status] += 1
        except LibraryError:
            raise  # the database itself is unusable: stop, with its own message
        except BriefingError as error:
            failed += 1
            err(f"briefing-tui: {error}\n")
    summary = ", ".join(f"{count} {status}" for status, count in counts.items())
    out(f"{summary}{f', {failed} not readable' if failed else ''}\n")
    return EXIT_ERROR if failed else EXIT_OK


def _list(library: Library, out: Write) -> int:
    rows = library.briefings(limit=library.count())
    for row in rows:
        read = _when(row.last_read) if row.last_read is not None else "unread"
        flag = "  (updated since read)" if row.unread_update else ""
        paragraphs = f"{row.paragraphs}¶"
        fields = (row.title, row.outlet or "", row.published or "", paragraphs, read + flag, row.path)
        out("\t".join(fields) + "\n")
    return EXIT_OK


def _search(library: Library, query: str, limit: int, out: Write, err: Write) -> int:
    result = search_library(library, query, limit=limit)
    if result.error is not None:
        err(f"briefing-tui: {result.error}\n")
        return EXIT_ERROR
    if not result.ranked:
        err("briefing-tui: too many paragraphs match to rank them all: the newest come first, unranked\n")
    for hit in result.hits:
        section = f" · {hit.section}" if hit.section else ""
        out(f"{hit.path}:{hit.paragraph_id}: {hit.title}{section}\n    {hit.snippet}\n")
    return EXIT_OK if result.hits else EXIT_NO_MATCH


def _sources(library: Library, out: Write, *, as_json: bool, match: str) -> int:
    sources = sources_matching(library_sources(library), match)
    if as_json:
        out(json.dumps([source.as_json() for source in sources], indent=2, ensure_ascii=False) + "\n")
    else:
        for source in sources:
            out(f"{source.name} ({source.kind}): {source.briefings} briefings, {source.total} citations\n")
            for citation in source.citations:
                out(f"    {citation.count:>3}  {citation.title}  ({citation.path})\n")
    # As grep: a filter that matches nothing exits 1.
    return EXIT_OK if sources or not match else EXIT_NO_MATCH


def _when(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds).strftime("%Y-%m-%d %H:%M")
