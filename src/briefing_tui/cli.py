"""The ``briefing-tui`` command line.

As with ``bat``, a first word that names a subcommand runs it; anything else is a path to
open. Bad input is one line on stderr and exit code 2; ``--debug`` (or the environment
variable ``BRIEFING_TUI_DEBUG=1``) shows the traceback instead, for bug reports.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

from briefing_tui import __version__
from briefing_tui.errors import EXIT_ERROR, BriefingError
from briefing_tui.safe_text import visible

if TYPE_CHECKING:
    from briefing_tui.model import Briefing

__all__ = ["DEBUG_ENV", "main"]

PROG = "briefing-tui"
DEBUG_ENV = "BRIEFING_TUI_DEBUG"
"""Set to 1 to see tracebacks instead of one-line errors."""

EXIT_OK, EXIT_NO_MATCH = 0, 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or os.environ.get(DEBUG_ENV, "") not in ("", "0")
    # Stripped here, so every subcommand takes it; the reader's --help lists it.
    args = [arg for arg in args if arg != "--debug"]
    command = _COMMANDS.get(args[0]) if args else None
    try:
        if command is not None:
            return command(args[1:])
        return _open(args)
    except BriefingError as error:
        if debug:
            raise
        _fail(str(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``): nothing more to say.
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:
        if debug:
            raise
        _fail(f"internal error: {type(error).__name__}: {error} (run again with --debug for the traceback)")
        return EXIT_ERROR


def _open(args: list[str]) -> int:
    parser = _parser(
        PROG,
        "Read a news or intelligence briefing in the terminal: outline by kind, full text, sources.\n"
        "'+/PATTERN' after PATH opens at the first match of PATTERN (a regular expression), as in less.",
        epilog=(
            "subcommands:\n"
            "  export PATH --to json|markdown|text   write the briefing to stdout; markdown and text\n"
            "        [--paragraphs p3,p7 | --section ID] [--bare]\n"
            "                                        carry its analysis (kinds, sources, questions)\n"
            "  search QUERY PATH... [--regex] [--case-sensitive | --ignore-case]\n"
            "                                        print matches grep-style, with paragraph ids\n"
            "  schema                                print the JSON Schema of the briefing model\n"
            "  library add|list|search|sources|path  the library of briefings (see 'library --help')\n"
            "  diff OLD NEW [--json]                 what changed between two versions of a briefing\n"
            "  serve [PATH] [--host H] [--port N]    serve the reader to web browsers\n\n"
            "Run 'briefing-tui SUBCOMMAND --help' for details."
        ),
    )
    parser.add_argument(
        "path",
        nargs="?",
        help=(
            "the briefing to open (.txt, .md, .json, .html, .docx, .pdf, .eml; '-': standard input), "
            "or a folder of them to open as a library; default: standard input when it is a pipe, "
            "else the library when it holds more than one briefing, else the bundled seed"
        ),
    )
    parser.add_argument(
        "--at", metavar="ID", help="open at a paragraph (p7) or section id, as 'search' prints them"
    )
    parser.add_argument(
        "--debug", action="store_true", help=f"show tracebacks instead of one-line errors (or {DEBUG_ENV}=1)"
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    # "+/PATTERN", as less takes it: open at the first match of PATTERN, highlighted.
    pattern = next((arg[2:] for arg in args if arg.startswith("+/")), None)
    options = parser.parse_args([arg for arg in args if not arg.startswith("+/")])
    from briefing_tui.ingest.stdin import stdin_is_piped
    from briefing_tui.resources import seed_path
    from briefing_tui.tui.launch import launch, launch_library, library_to_start

    if options.path and _is_folder(Path(options.path)):
        return launch_library(Path(options.path))
    # No path and a pipe on stdin reads the pipe, as less does; no path and a terminal: the
    # library when it holds more than one briefing, else the seed.
    piped = Path("-") if stdin_is_piped() else None
    if not options.path and piped is None and library_to_start():
        return launch_library(None)
    path = Path(options.path) if options.path else piped or seed_path()
    return launch(path, search=pattern or None, at=options.at)


def _export(args: list[str]) -> int:
    parser = _parser(f"{PROG} export", "Write the parsed briefing to stdout.")
    parser.add_argument("path", help="the briefing to read ('-': standard input)")
    parser.add_argument("--to", choices=("json", "markdown", "text"), default="json", help="output format")
    _report_options(parser)
    options = parser.parse_args(args)
    from briefing_tui.export import export
    from briefing_tui.load import load_briefing

    briefing = load_briefing(options.path if options.path == "-" else Path(options.path))
    if options.to == "json" or options.bare:
        if options.paragraphs or options.section:
            parser.error("--paragraphs and --section choose a part of a markdown or text report")
        _write(sys.stdout, export(briefing, options.to))
        return EXIT_OK
    _write(sys.stdout, _report(briefing, options))
    return EXIT_OK


def _report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bare", action="store_true", help="markdown or text without the analysis, to read back in"
    )
    part = parser.add_mutually_exclusive_group()
    part.add_argument("--paragraphs", metavar="IDS", help="only these paragraphs, comma-separated: p3,p7")
    part.add_argument("--section", metavar="ID", help="only this section (ids as 'search' prints them)")


def _report(briefing: Briefing, options: argparse.Namespace) -> str:
    from briefing_tui.report import report, select_part

    wanted = [pid.strip() for pid in (options.paragraphs or "").split(",") if pid.strip()]
    part = select_part(briefing, paragraphs=wanted, section=options.section, origin=options.path)
    return report(briefing, options.to, part)


def _schema(args: list[str]) -> int:
    parser = _parser(f"{PROG} schema", "Print the JSON Schema of the briefing model.")
    parser.parse_args(args)
    from briefing_tui.schema import briefing_schema

    sys.stdout.write(json.dumps(briefing_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _search(args: list[str]) -> int:
    parser = _parser(
        f"{PROG} search",
        "Print every match grep-style. Exit 0 when something matched, 1 when nothing did, 2 on error.",
    )
    parser.add_argument("query", help="the text (or, with --regex, the pattern) to find")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="briefings to search")
    parser.add_argument("--regex", "-E", action="store_true", help="treat QUERY as a regular expression")
    case = parser.add_mutually_exclusive_group()
    case.add_argument("--case-sensitive", "-s", dest="case", action="store_true", default=None)
    case.add_argument("--ignore-case", "-i", dest="case", action="store_false")
    options = parser.parse_args(args)
    from briefing_tui.grep import run

    return run(
        options.query,
        options.paths,
        regex=options.regex,
        case_sensitive=options.case,
        out=sys.stdout,
        err=sys.stderr,
        color=sys.stdout.isatty() and "NO_COLOR" not in os.environ,
    )


def _is_folder(path: Path) -> bool:
    # A path that cannot even be looked at (too long a name) is for the reader to report.
    try:
        return path.is_dir()
    except OSError:
        return False


def _library(args: list[str]) -> int:
    from briefing_tui.library.commands import run_library

    return run_library(args, lambda text: _write(sys.stdout, text), lambda text: _write(sys.stderr, text))


def _diff(args: list[str]) -> int:
    parser = _parser(f"{PROG} diff", "Print what changed between two versions of a briefing, by section.")
    parser.add_argument("old", help="the earlier version")
    parser.add_argument("new", help="the later version")
    parser.add_argument("--json", action="store_true", help="print JSON")
    options = parser.parse_args(args)
    from briefing_tui.diff import diff_briefings
    from briefing_tui.diff_report import diff_json, diff_text
    from briefing_tui.load import load_briefing

    changes = diff_briefings(load_briefing(Path(options.old)), load_briefing(Path(options.new)))
    report = diff_json if options.json else diff_text
    _write(sys.stdout, report(changes, options.old, options.new))
    return EXIT_OK


def _serve(args: list[str]) -> int:
    from briefing_tui import serve

    parser = _parser(
        f"{PROG} serve",
        "Serve the reader to web browsers: each tab gets its own reader. Listens on this machine only "
        "unless --host names another address.",
    )
    parser.add_argument("path", nargs="?", help="the briefing or folder to serve; default: the bundled seed")
    parser.add_argument(
        "--host", default=serve.DEFAULT_HOST, help="address to listen on (default %(default)s)"
    )
    parser.add_argument("--port", type=int, default=serve.DEFAULT_PORT, help="port (default %(default)s)")
    parser.add_argument(
        "--max-sessions",
        type=_positive,
        default=serve.DEFAULT_MAX_SESSIONS,
        help="readers open at once (default %(default)s)",
    )
    parser.add_argument(
        "--idle-timeout",
        type=float,
        default=serve.DEFAULT_IDLE_TIMEOUT,
        help="seconds before an idle session ends (default %(default)s)",
    )
    options = parser.parse_args(args)
    target = Path(options.path) if options.path else None
    if target is not None and not target.exists():
        raise BriefingError(target, "no such file or folder")
    warning = serve.exposure_warning(options.host)
    if warning is not None:
        _fail(warning)
    return serve.serve(
        target,
        host=options.host,
        port=options.port,
        max_sessions=options.max_sessions,
        idle_timeout=options.idle_timeout,
    )


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


_COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "diff": _diff,
    "export": _export,
    "library": _library,
    "schema": _schema,
    "search": _search,
    "serve": _serve,
}


class _Parser(argparse.ArgumentParser):
    """An argument parser whose every message (usage, errors naming files, help) is safe to print."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse quotes the offending argument in its errors: a file name is data.
        super()._print_message(visible_lines(message), file)

    def error(self, message: str) -> NoReturn:
        # One line, whatever newlines the offending argument holds.
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {visible(message)}\n")


def _parser(prog: str, description: str, epilog: str | None = None) -> argparse.ArgumentParser:
    return _Parser(
        prog=prog,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _write(stream: TextIO, text: str) -> None:
    # Briefing text is data: on a terminal it must not act as escape sequences. A pipe or
    # a file gets the exact text, so nothing is lost in an export.
    stream.write(visible_lines(text) if stream.isatty() else text)
    stream.flush()


def visible_lines(text: str) -> str:
    """``text`` made safe for a terminal line by line, keeping its newlines."""
    return "\n".join(visible(line) for line in text.split("\n"))


def _fail(message: str) -> None:
    sys.stderr.write(f"{PROG}: {visible(message)}\n")
