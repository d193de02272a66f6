"""Large and endless files: refused by size before they are read, or read and shown in full.

Everything here is generated at test time. The 10 MB and 200,000-paragraph cases go through
the readers, the layout and the search core directly (the app only where size matters to
it: the end of the text and a search), and are read without analysis, which is measured
in ``bench/``, not here.
"""

from __future__ import annotations

import io
import os
import random
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from briefing_tui.cli import main
from briefing_tui.errors import BriefingError
from briefing_tui.export import export
from briefing_tui.ingest import read_briefing
from briefing_tui.ingest.decode import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, max_bytes
from briefing_tui.model import Briefing, Paragraph, Section
from briefing_tui.search import SearchIndex, SearchResult
from briefing_tui.tui.app import create_app
from briefing_tui.tui.layout import Layout, build_units, wrap
from briefing_tui.tui.search_bar import SearchBar
from briefing_tui.tui.text_view import Highlights

SUFFIXES = [".txt", ".md", ".json", ""]
GB = 10**9  # sizes are decimal: 1 GB is 10^9 bytes, 1 MB 10^6


@dataclass
class Reads:
    """What was opened, and how many bytes each read asked for."""

    opened: list[str] = field(default_factory=list)
    sizes: list[int | None] = field(default_factory=list)


class _SpyHandle:
    """A file handle that records the size of every read."""

    def __init__(self, handle: Any, reads: Reads) -> None:
        self._handle = handle
        self._reads = reads

    def read(self, size: int | None = -1) -> Any:
        self._reads.sizes.append(None if size is None or size < 0 else size)
        return self._handle.read(size)

    def readinto(self, buffer: Any) -> Any:
        self._reads.sizes.append(len(buffer))
        return self._handle.readinto(buffer)

    def __enter__(self) -> _SpyHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def spy_on_reads(monkeypatch: pytest.MonkeyPatch, path: Path) -> Reads:
    """Record every opening of ``path`` and the size of every read from it."""
    reads = Reads()
    real_open = io.open

    def spying(file: Any, *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, *args, **kwargs)
        if isinstance(file, str | os.PathLike) and os.fspath(file) == str(path):
            reads.opened.append(str(path))
            return _SpyHandle(handle, reads)
        return handle

    monkeypatch.setattr(io, "open", spying)
    return reads


def sparse(tmp_path: Path, suffix: str, size: int = GB) -> Path:
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


# --- a 1 GB sparse file: refused by its size, never read ----------------------------------


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_1_gb_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    path = sparse(tmp_path, suffix)
    reads = spy_on_reads(monkeypatch, path)
    tracemalloc.start()
    try:
        with pytest.raises(BriefingError) as caught:
            read_briefing(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(caught.value) == (
        f"{path}: is 1.0 GB, over the 128.0 MB limit; "
        f"set {MAX_BYTES_ENV} to a larger number of bytes to open it anyway"
    )
    assert reads.opened == []  # refused on its size alone: not a byte was read
    assert peak < 1 << 20


@pytest.mark.parametrize(
    "argv", [["export", "{}"], ["export", "{}", "--to", "text"], ["search", "x", "{}"], ["{}"]]
)
def test_a_1_gb_file_is_one_line_from_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    path = sparse(tmp_path, ".txt")
    reads = spy_on_reads(monkeypatch, path)
    code = main([arg.format(path) for arg in argv])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert f"{path}: is 1.0 GB, over the 128.0 MB limit" in err
    assert reads.opened == []


def test_the_limit_is_the_documented_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ten-kb.txt"
    path.write_text("Title\n\n" + "word " * 2000, encoding="utf-8")
    monkeypatch.setenv(MAX_BYTES_ENV, "4096")
    with pytest.raises(
        BriefingError, match=r"is 10\.0 KB, over the 4\.1 KB limit; set BRIEFING_TUI_MAX_BYTES"
    ):
        read_briefing(path)
    monkeypatch.setenv(MAX_BYTES_ENV, str(path.stat().st_size))
    assert read_briefing(path).title == "Title"


def test_a_file_that_grows_after_stat_is_cut_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose size changes between looking and reading (or a device) is read only to the limit."""
    path = tmp_path / "growing.txt"
    path.write_text("Title\n\n" + "word " * 2000, encoding="utf-8")
    monkeypatch.setenv(MAX_BYTES_ENV, "4096")
    real_stat = Path.stat

    def small_at_first(self: Path, *args: Any, **kwargs: Any) -> os.stat_result:
        info = real_stat(self, *args, **kwargs)
        if str(self) != str(path):
            return info
        fields = list(info)
        fields[6] = 10  # st_size: the file was small when it was looked at
        return os.stat_result(fields)

    monkeypatch.setattr(Path, "stat", small_at_first)
    reads = spy_on_reads(monkeypatch, path)
    with pytest.raises(BriefingError, match=r"is over the 4\.1 KB limit"):
        read_briefing(path)
    assert reads.sizes and None not in reads.sizes
    assert sum(size or 0 for size in reads.sizes) <= 4096 + 1


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero, an endless file")
def test_an_endless_device_is_refused_before_a_byte_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # It used to be read up to the 128 MB limit and then called "too large, raise the limit".
    reads = spy_on_reads(monkeypatch, Path("/dev/zero"))
    with pytest.raises(BriefingError, match=r"^/dev/zero: is not a regular file") as caught:
        read_briefing("/dev/zero")
    assert "briefing-tui -" in str(caught.value)
    assert reads.opened == []


def test_a_named_pipe_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    # Opening a FIFO with no writer would block forever: it must be refused on its type alone.
    fifo = tmp_path / "stream.txt"
    os.mkfifo(fifo)
    with pytest.raises(BriefingError, match="is not a regular file"):
        read_briefing(fifo)


def test_sizes_are_in_decimal_units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A 100,000,000-byte limit used to read "95.4 MB", and a 106 MB file "101.1 MB".
    path = sparse(tmp_path, ".txt", size=106_000_000)
    monkeypatch.setenv(MAX_BYTES_ENV, "100000000")
    with pytest.raises(BriefingError, match=r"is 106\.0 MB, over the 100\.0 MB limit"):
        read_briefing(path)


@pytest.mark.parametrize(("raw", "expected"), [("", DEFAULT_MAX_BYTES), ("4096", 4096), (" 4096 ", 4096)])
def test_the_limit_setting_is_a_whole_number_of_bytes(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: int
) -> None:
    monkeypatch.setenv(MAX_BYTES_ENV, raw)
    assert max_bytes() == expected


@pytest.mark.parametrize("raw", ["0", "-5", "1e9", "lots", "²", "4096 bytes"])
def test_a_bad_limit_setting_is_an_error_naming_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], raw: str
) -> None:
    # "1e9" used to fall back to the default without a word.
    monkeypatch.setenv(MAX_BYTES_ENV, raw)
    with pytest.raises(BriefingError, match=rf"^{MAX_BYTES_ENV}: is .*not a positive whole number of bytes"):
        max_bytes()
    path = tmp_path / "fine.txt"
    path.write_text("Title\n\nBody.\n", encoding="utf-8")
    assert main(["export", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert MAX_BYTES_ENV in err


# --- a 10 MB single line -------------------------------------------------------------------

WORDS = ["talks", "ceasefire", "officials", "said", "the", "mediators", "hostages", "phase"]
TEN_MB = 10 * 1024 * 1024
FIRST, LAST = "aardvark", "zebrafinch"


@pytest.fixture(scope="module")
def long_line() -> str:
    """About 10 MB of words on one line, with a word of its own at each end."""
    rng = random.Random(6)
    words = [FIRST]
    size = len(FIRST)
    while size < TEN_MB:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    words.append(LAST)
    return " ".join(words)


def one_line_file(directory: Path, line: str, suffix: str, *, title: bool) -> Path:
    """A file whose content is ``line`` alone on one line, after a title line when ``title``."""
    path = directory / f"line{'-titled' if title else ''}{suffix}"
    if suffix == ".json":
        section = Section(id="lead", paragraphs=(Paragraph(id="p1", text=line),))
        content = Briefing(
            title="Title" if title else line, sections=(section,) if title else ()
        ).model_dump_json()
        assert "\n" not in content  # a JSON export on a single line too
    elif title:
        content = f"{'# ' if suffix == '.md' else ''}Title\n\n{line}\n"
    else:
        content = line
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("title", [True, False], ids=["paragraph", "title only"])
def test_a_10_mb_line_is_read_whole(tmp_path: Path, long_line: str, suffix: str, title: bool) -> None:
    briefing = read_briefing(one_line_file(tmp_path, long_line, suffix, title=title))
    if title:
        assert briefing.title == "Title"
        assert [p.text for p in briefing.paragraphs()] == [long_line]
    else:
        assert briefing.title == long_line
        assert briefing.paragraphs() == []


@pytest.mark.parametrize("title", [True, False], ids=["paragraph", "title only"])
def test_a_10_mb_line_is_laid_out_without_losing_a_word(tmp_path: Path, long_line: str, title: bool) -> None:
    briefing = read_briefing(one_line_file(tmp_path, long_line, ".txt", title=title))
    units = build_units(briefing)
    layout = Layout(briefing, units, 89)
    if title:
        first = layout.unit_first_line[0]
        count = layout.unit_line_count[0]
        pieces = [long_line[layout.line_start[y] : layout.line_end[y]] for y in range(first, first + count)]
    else:
        pieces = [long_line[start:end] for start, end in wrap(long_line, layout.width)]
        assert layout.line_count == len(pieces) + 1  # the title's lines and the meta line
    assert max(len(piece) for piece in pieces) <= 89
    assert " ".join(pieces) == long_line  # single spaces between words: breaks drop exactly one


def test_a_10_mb_line_is_searched_and_exported_whole(
    tmp_path: Path, long_line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = one_line_file(tmp_path, long_line, ".txt", title=True)
    briefing = read_briefing(path)
    result = SearchIndex(briefing).search(LAST)
    assert result.total == 1
    assert result.match(0).start == len(long_line) - len(LAST)
    assert SearchIndex(briefing).search("officials").total == long_line.count("officials")
    assert main(["search", LAST, str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.count("\n") == 1 and out.rstrip().endswith(LAST)
    assert Briefing.model_validate_json(export(briefing, "json")) == briefing
    assert long_line in export(briefing, "text") and long_line in export(briefing, "markdown")


async def test_app_on_a_10_mb_line_reaches_the_end_and_finds_its_last_word(
    tmp_path: Path, long_line: str
) -> None:
    briefing = read_briefing(one_line_file(tmp_path, long_line, ".txt", title=True))
    app = create_app(briefing)  # as read: analysing 10 MB is the benchmarks' business
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 100_000
        bottom = [view.render_line(y).text for y in range(view.scrollable_content_region.height)]
        assert any(LAST in line for line in bottom)
        await pilot.press("g", "slash")
        app.query_one(SearchBar).input.value = LAST
        await pilot.press("enter")
        assert view.highlights.current == (0, len(long_line) - len(LAST), len(long_line))
        assert view.scroll_y > 100_000
        assert app.is_running


async def test_drawing_a_line_does_not_walk_every_match_of_its_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "said " * 200_000
    briefing = Briefing(
        title="T", sections=(Section(id="lead", paragraphs=(Paragraph(id="p1", text=text),)),)
    )
    fetched: list[int] = []
    real = SearchResult.matches_in_unit

    def counting(self: SearchResult, unit: int) -> list[tuple[int, int]]:
        found = real(self, unit)
        fetched.append(len(found))
        return found

    monkeypatch.setattr(SearchResult, "matches_in_unit", counting)
    result = SearchIndex(briefing).search("said")
    app = create_app(briefing)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        view.set_highlights(Highlights(result, None))
        fetched.clear()
        for y in range(view.scrollable_content_region.height):
            view.render_line(y)
    # A screen shows a few hundred matches; fetching each paragraph's 200,000 per line is the bug.
    assert sum(fetched) < 10_000


# --- 200,000 tiny paragraphs ------------------------------------------------------------------

MANY = 200_000


@pytest.fixture(scope="module")
def many_paragraphs() -> str:
    return "Title\n\n" + "".join(f"P{i}.\n\n" for i in range(1, MANY + 1))


def many_file(directory: Path, text: str, suffix: str) -> Path:
    path = directory / f"many{suffix}"
    if suffix == ".json":
        plain = directory / "many-source.txt"
        plain.write_text(text, encoding="utf-8")
        path.write_text(read_briefing(plain).model_dump_json(), encoding="utf-8")
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_200000_paragraphs_are_read_in_order(tmp_path: Path, many_paragraphs: str, suffix: str) -> None:
    briefing = read_briefing(many_file(tmp_path, many_paragraphs, suffix))
    paragraphs = briefing.paragraphs()
    assert len(paragraphs) == MANY
    assert (paragraphs[0].id, paragraphs[0].text) == ("p1", "P1.")
    assert (paragraphs[-1].id, paragraphs[-1].text) == (f"p{MANY}", f"P{MANY}.")


def test_200000_paragraphs_are_laid_out_searched_and_exported(tmp_path: Path, many_paragraphs: str) -> None:
    briefing = read_briefing(many_file(tmp_path, many_paragraphs, ".txt"))
    layout = Layout(briefing, build_units(briefing), 89)
    # title, meta, then for the lead: a blank and its rule, and a blank and a line per paragraph
    assert layout.line_count == 2 + 2 + 2 * MANY
    assert layout.unit_first_line[MANY - 1] == layout.line_count - 1
    result = SearchIndex(briefing).search(f"P{MANY}.", case_sensitive=True)
    assert result.total == 1 and result.match(0).unit == MANY - 1
    assert export(briefing, "text") == many_paragraphs.rstrip("\n") + "\n"


async def test_app_on_200000_paragraphs_reaches_the_last_one(tmp_path: Path, many_paragraphs: str) -> None:
    briefing = read_briefing(many_file(tmp_path, many_paragraphs, ".txt"))
    app = create_app(briefing)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.reader.text_view
        await pilot.press("G")
        bottom = [view.render_line(y).text for y in range(view.scrollable_content_region.height)]
        assert any(f"P{MANY}." in line for line in bottom)
        await pilot.press("g", "slash")
        app.query_one(SearchBar).input.value = f"P{MANY - 1}."
        await pilot.press("enter")
        assert view.highlights.current == (MANY - 2, 0, len(f"P{MANY - 1}."))
        assert view.text_layout is not None
        top = round(view.scroll_y)
        assert top <= view.text_layout.unit_first_line[MANY - 2] < top + view.scrollable_content_region.height


async def test_closing_the_search_bar_keeps_the_cursor_on_a_match_near_the_end() -> None:
    paragraphs = tuple(Paragraph(id=f"p{i}", text=f"P{i}.") for i in range(1, 101))
    briefing = Briefing(title="T", sections=(Section(id="lead", paragraphs=paragraphs),))
    app = create_app(briefing)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        app.query_one(SearchBar).input.value = "P99."
        await pilot.pause()
        assert app.reader.text_view.cursor_unit == 98
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.text_view.cursor_unit == 98  # the "┃" bar and "This paragraph" follow the cursor
