"""Hostile files: every kind of bad file through every reader, command and the app.

Each case is written with each suffix the readers know (``.txt``, ``.md``, ``.json``) and
with none (sniffed), then read (`read_briefing`, `load_briefing`), exported
(``briefing-tui export --to json|markdown|text``), searched (``briefing-tui search`` and
`SearchIndex`) and opened (``briefing-tui PATH``, and the app through the Pilot for the
files that open). The result is always either a briefing or one clean line naming the file.

The very large cases (10 MB, 200,000 paragraphs, 1 GB) are in ``test_hostile_large.py``.
"""

from __future__ import annotations

import builtins
import io
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.widgets._toast import Toast

from briefing_tui.cli import main
from briefing_tui.errors import BriefingError
from briefing_tui.export import export
from briefing_tui.ingest import parse, read_briefing
from briefing_tui.ingest.decode import DecodedText
from briefing_tui.load import load_briefing
from briefing_tui.model import Briefing
from briefing_tui.safe_text import UNSAFE
from briefing_tui.search import SearchIndex
from briefing_tui.tui.app import ReaderOptions, create_app
from briefing_tui.tui.search_bar import SearchBar
from screen_lines import screen_text

SUFFIXES = [".txt", ".md", ".json", ""]
FORMATS = ["json", "markdown", "text"]

SAMPLE = (
    "Café report from Zürich\n\n"
    "The talks in Zürich resumed on Monday, said a senior official.\n\n"
    "Naïve hopes for a ceasefire faded by the evening.\n"
)
"""A small briefing whose accented letters tell a right decoding from a wrong one."""
QUERY = "Zürich"
"""Found once in the searchable text (the title is not searched, the paragraph is)."""


def sample_json() -> str:
    """The sample as ``briefing-tui export --to json`` writes it."""
    briefing: Briefing = parse(Path("sample.txt"), DecodedText(SAMPLE), "text")
    exported: str = export(briefing, "json")
    return exported


def cut_inside_last(data: bytes, character: str) -> bytes:
    """``data`` cut after the first byte of the last UTF-8 ``character`` in it."""
    return data[: data.rindex(character.encode("utf-8")) + 1]


def random_bytes(size: int, *, nul: bool) -> bytes:
    data = random.Random(6).randbytes(size)
    return data if nul else data.replace(b"\x00", b"\x01")


@dataclass(frozen=True)
class Case:
    """One kind of bad file: how to write it for a suffix, and what reading it must give."""

    name: str
    content: Callable[[str], bytes | None]
    """The bytes to write for a suffix; None when the case makes no sense with it."""
    error: Callable[[str], str | None]
    """A phrase of the expected error for a suffix, or None when the file must open."""

    def __str__(self) -> str:
        return self.name


def always(value: str | None) -> Callable[[str], str | None]:
    return lambda _suffix: value


def same(data: bytes) -> Callable[[str], bytes | None]:
    return lambda _suffix: data


def text_or_json(
    text: Callable[[str], bytes], json: Callable[[str], bytes] | None
) -> Callable[[str], bytes | None]:
    """Bytes of the sample as text for most suffixes, of its JSON export for ``.json``."""

    def content(suffix: str) -> bytes | None:
        if suffix == ".json":
            return None if json is None else json(sample_json())
        return text(SAMPLE)

    return content


def json_error_only(message: str) -> Callable[[str], str | None]:
    return lambda suffix: message if suffix == ".json" else None


NOT_JSON = "is not a briefing-tui JSON export"
NOTICES = {
    "truncated UTF-8": "middle of a UTF-8 character",
    "Latin-1": "not UTF-8",
    "Latin-1 with C1 bytes": "not UTF-8",
    "UTF-16 LE with BOM": "UTF-16",
    "UTF-16 BE with BOM": "UTF-16",
}
"""What the notice of each case that opens says (a JSON export carries its own notices)."""

CASES = [
    Case("empty", same(b""), always("is empty")),
    Case("whitespace only", same(" \n\t\r\n  \n\u00a0\u3000\n".encode()), always("only whitespace")),
    Case("NUL bytes", same(b"\x00" * 4096), always("binary")),
    Case("random binary", same(random_bytes(8192, nul=True)), always("binary")),
    Case("random binary without NUL", same(random_bytes(8192, nul=False)), always("binary")),
    Case("UTF-16 BOM then NULs", same(b"\xff\xfe" + b"\x00" * 64), always("binary")),
    Case("broken UTF-16", same(b"\xff\xfeT\x00i\x00t"), always("not valid UTF-16")),
    Case(
        "truncated UTF-8",
        text_or_json(
            lambda text: (text + "é").encode()[:-1],
            lambda json: cut_inside_last(json.encode(), "é"),
        ),
        json_error_only(NOT_JSON),
    ),
    Case(
        "Latin-1",
        text_or_json(lambda text: text.encode("latin-1"), lambda json: json.encode("latin-1")),
        always(None),
    ),
    Case(
        "Latin-1 with C1 bytes",
        text_or_json(lambda text: text.encode("latin-1") + b"\nOdd bytes \x81\x8d\x9b end.\n", None),
        always(None),
    ),
    Case(
        "UTF-16 LE with BOM",
        text_or_json(
            lambda text: ("\ufeff" + text).encode("utf-16-le"),
            lambda json: ("\ufeff" + json).encode("utf-16-le"),
        ),
        always(None),
    ),
    Case(
        "UTF-16 BE with BOM",
        text_or_json(
            lambda text: ("\ufeff" + text).encode("utf-16-be"),
            lambda json: ("\ufeff" + json).encode("utf-16-be"),
        ),
        always(None),
    ),
    Case(
        "UTF-8 with BOM and CRLF",
        text_or_json(
            lambda text: ("\ufeff" + text.replace("\n", "\r\n")).encode(),
            lambda json: ("\ufeff" + json.replace("\n", "\r\n")).encode(),
        ),
        always(None),
    ),
]


def case_params(*, opens: bool | None = None) -> list[Any]:
    """Every (case, suffix) that makes sense; only those that open (or fail) when ``opens`` says."""
    return [
        pytest.param(case, suffix, id=f"{case.name}-{suffix or 'no suffix'}")
        for case in CASES
        for suffix in SUFFIXES
        if case.content(suffix) is not None and (opens is None or opens == (case.error(suffix) is None))
    ]


CASE_PARAMS = case_params()
OPENING = case_params(opens=True)
FAILING = case_params(opens=False)


def write(tmp_path: Path, case: Case, suffix: str) -> Path:
    data = case.content(suffix)
    assert data is not None
    path = tmp_path / f"hostile{suffix}"
    path.write_bytes(data)
    return path


def assert_clean_error(error: BriefingError, path: Path, phrase: str) -> None:
    message = str(error)
    assert message.startswith(f"{path}: "), message
    assert phrase in message
    assert "\n" not in message
    assert error.path == str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, path: Path, phrase: str, *, prefix: str = "briefing-tui: ") -> None:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith(f"{prefix}{path}: "), err
    assert phrase in err
    assert "Traceback" not in err and "internal error" not in err


# --- path problems: missing, a directory, no permission -------------------------------


def deny_reading(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Make opening ``path`` fail as it would without read permission.

    The suite runs as root, for whom ``chmod 000`` changes nothing, so permission denied
    is simulated: `io.open` (which `Path.open` calls) and the built-in `open` raise it.
    """
    real_open = io.open

    def guarded(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | os.PathLike) and os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", guarded)
    monkeypatch.setattr(builtins, "open", guarded)


def deny_stat(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Make even looking at ``path`` fail, as for a file in a folder without search permission."""
    real_stat = Path.stat

    def guarded(self: Path, *args: Any, **kwargs: Any) -> os.stat_result:
        if str(self) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", guarded)


PATH_PROBLEMS = ["missing", "directory", "unreadable", "unlookable"]
PATH_PHRASES = {
    "missing": "no such file",
    "directory": "is a directory",
    "unreadable": "permission denied",
    "unlookable": "permission denied",
}


def path_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, problem: str, suffix: str) -> Path:
    path = tmp_path / f"briefing{suffix}"
    if problem == "directory":
        path.mkdir()
    elif problem in ("unreadable", "unlookable"):
        path.write_text(SAMPLE, encoding="utf-8")
        (deny_reading if problem == "unreadable" else deny_stat)(monkeypatch, path)
    return path


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("problem", PATH_PROBLEMS)
def test_path_problem_is_one_clean_error_from_every_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, problem: str, suffix: str
) -> None:
    path = path_problem(tmp_path, monkeypatch, problem, suffix)
    for reader in (read_briefing, load_briefing):
        with pytest.raises(BriefingError) as caught:
            reader(path)
        assert_clean_error(caught.value, path, PATH_PHRASES[problem])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("problem", PATH_PROBLEMS)
def test_path_problem_export_is_one_line_and_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *,
    problem: str,
    suffix: str,
    fmt: str,
) -> None:
    path = path_problem(tmp_path, monkeypatch, problem, suffix)
    code, out, err = run(capsys, "export", str(path), "--to", fmt)
    assert (code, out) == (2, "")
    assert_one_line_error(err, path, PATH_PHRASES[problem])


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("problem", PATH_PROBLEMS)
def test_path_problem_search_reports_the_file_and_searches_the_others(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    problem: str,
    suffix: str,
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    path = path_problem(tmp_path, monkeypatch, problem, suffix)
    code, out, err = run(capsys, "search", QUERY, str(path), str(good))
    assert code == 2
    assert_one_line_error(err, path, PATH_PHRASES[problem], prefix="")
    assert out.count("\n") == 1 and out.startswith(f"{good}:")


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("problem", PATH_PROBLEMS)
def test_path_problem_fails_before_any_screen(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    problem: str,
    suffix: str,
) -> None:
    path = path_problem(tmp_path, monkeypatch, problem, suffix)
    forbid_the_app(monkeypatch)
    if problem == "directory":
        # A folder is no error to open: it opens the library on its briefings (issue 15).
        opened: list[Path] = []

        def open_library(folder: Path) -> int:
            opened.append(folder)
            return 0

        monkeypatch.setattr("briefing_tui.tui.launch.launch_library", open_library)
        assert (run(capsys, str(path))[0], opened) == (0, [path])
        return
    code, out, err = run(capsys, str(path))
    assert (code, out) == (2, "")
    assert_one_line_error(err, path, PATH_PHRASES[problem])


def forbid_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail loudly if the reader app is created: bad input must be refused before any screen."""

    def no_app(*args: object, **kwargs: object) -> None:
        raise AssertionError("the app was started on a file that cannot be read")

    monkeypatch.setattr("briefing_tui.tui.launch.create_app", no_app)


# --- bad content: every case, every suffix, every entry point -------------------------


@pytest.mark.parametrize(("case", "suffix"), CASE_PARAMS)
def test_every_reader_gives_a_briefing_or_one_clean_error(tmp_path: Path, case: Case, suffix: str) -> None:
    path = write(tmp_path, case, suffix)
    phrase = case.error(suffix)
    for reader in (read_briefing, load_briefing):
        if phrase is None:
            briefing = reader(path)
            assert isinstance(briefing, Briefing)
        else:
            with pytest.raises(BriefingError) as caught:
                reader(path)
            assert_clean_error(caught.value, path, phrase)


@pytest.mark.parametrize(("case", "suffix"), OPENING)
def test_what_opens_is_decoded_right_and_says_how(tmp_path: Path, case: Case, suffix: str) -> None:
    briefing = read_briefing(write(tmp_path, case, suffix))
    texts = [paragraph.text for paragraph in briefing.paragraphs()]
    assert "Café report from Zürich" in briefing.title
    assert texts[0] == "The talks in Zürich resumed on Monday, said a senior official."
    assert texts[1].startswith("Naïve hopes")
    if suffix == ".json":
        return  # a JSON export carries its own notices: see the encoding test below
    expected = NOTICES.get(case.name)
    if expected is None:
        assert briefing.notices == ()
    else:
        assert [notice for notice in briefing.notices if expected in notice]
    if case.name == "truncated UTF-8":
        assert texts[-1].endswith("\ufffd")
    if case.name == "Latin-1 with C1 bytes":
        assert texts[-1] == "Odd bytes \x81\x8d\x9b end."  # kept as read: the app shows them safely


@pytest.mark.parametrize("case_name", ["Latin-1", "UTF-16 LE with BOM"])
def test_a_json_export_in_another_encoding_opens_with_a_notice(tmp_path: Path, case_name: str) -> None:
    case = next(case for case in CASES if case.name == case_name)
    briefing = read_briefing(write(tmp_path, case, ".json"))
    assert any("UTF-8" in notice or "UTF-16" in notice for notice in briefing.notices)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("case", "suffix"), CASE_PARAMS)
def test_export_gives_the_briefing_or_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: Case, suffix: str, fmt: str
) -> None:
    path = write(tmp_path, case, suffix)
    code, out, err = run(capsys, "export", str(path), "--to", fmt)
    phrase = case.error(suffix)
    if phrase is not None:
        assert (code, out) == (2, "")
        assert_one_line_error(err, path, phrase)
        return
    assert (code, err) == (0, "")
    if fmt == "json":
        assert Briefing.model_validate_json(out) == load_briefing(path)
    else:
        assert "The talks in Zürich resumed on Monday, said a senior official." in out


@pytest.mark.parametrize(("case", "suffix"), CASE_PARAMS)
def test_search_finds_or_reports_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: Case, suffix: str
) -> None:
    path = write(tmp_path, case, suffix)
    code, out, err = run(capsys, "search", QUERY, str(path))
    phrase = case.error(suffix)
    if phrase is not None:
        assert (code, out) == (2, "")
        assert_one_line_error(err, path, phrase, prefix="")
        return
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    assert out.startswith(f"{path}:p1:(lead): The talks in {QUERY} resumed")
    result = SearchIndex(read_briefing(path)).search(QUERY)
    assert result.total == 1
    match = result.match(0)
    assert read_briefing(path).paragraphs()[0].text[match.start : match.end] == QUERY


@pytest.mark.parametrize(("case", "suffix"), FAILING)
def test_opening_a_bad_file_fails_before_any_screen(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: Case,
    suffix: str,
) -> None:
    path = write(tmp_path, case, suffix)
    forbid_the_app(monkeypatch)
    code, out, err = run(capsys, str(path))
    phrase = case.error(suffix)
    assert phrase is not None
    assert (code, out) == (2, "")
    assert_one_line_error(err, path, phrase)


# --- the app, on every file that opens ---------------------------------------------------


def unsafe_on_screen(app: Any) -> set[str]:
    return {
        character
        for strip in app.screen._compositor.render_strips()
        for segment in strip
        for character in segment.text
        if character in UNSAFE
    }


@pytest.mark.parametrize(("case", "suffix"), OPENING)
async def test_app_opens_scrolls_and_searches(tmp_path: Path, case: Case, suffix: str) -> None:
    path = write(tmp_path, case, suffix)
    app = create_app(load_briefing(path), ReaderOptions(path=path))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        assert any("Zürich" in line for line in screen_text(app))
        if suffix != ".json" and case.name in NOTICES:
            toasts = [str(toast.render()) for toast in app.query(Toast)]
            assert any("Opened with a notice" in toast for toast in toasts), toasts
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("slash")
        app.query_one(SearchBar).input.value = "talks"  # as if typed, without a refresh per key
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(SearchBar).display is False
        current = view.highlights.current
        assert current is not None
        unit, start, end = current
        assert view.units[unit].text[start:end] == "talks"
        assert any("talks in Zürich" in line for line in screen_text(app))
        assert not unsafe_on_screen(app)
        await pilot.press("q")
    assert app.return_code == 0


# --- exports read back as they were -------------------------------------------------------------


def test_a_markdown_export_reads_back_with_the_same_sections(tmp_path: Path) -> None:
    path = tmp_path / "sample.txt"
    path.write_text("Title\n\nLead paragraph.\n\nA heading\n\nIts paragraph.\n", encoding="utf-8")
    briefing = read_briefing(path)
    exported = tmp_path / "sample.md"
    exported.write_text(export(briefing, "markdown"), encoding="utf-8")
    again = read_briefing(exported)
    assert again.title == briefing.title
    assert [section.heading for section in again.sections] == [
        section.heading for section in briefing.sections
    ]
