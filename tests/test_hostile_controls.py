"""Terminal control sequences in a briefing never reach the terminal raw, and are never lost.

Briefing text is data: ANSI colours, cursor moves, OSC title and clipboard sequences, bells,
backspaces, C1 controls and bidi overrides in it must not act on the terminal. The policy
(see ``safe_text``): on screen and on a terminal each is replaced one character for one;
in a pipe or a file the export keeps the exact text, so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from briefing_tui.cli import main
from briefing_tui.export import export
from briefing_tui.grep import excerpt
from briefing_tui.ingest import read_briefing
from briefing_tui.load import load_briefing
from briefing_tui.model import (
    Attribution,
    Briefing,
    Cue,
    Paragraph,
    Question,
    Section,
    SectionKind,
    Source,
    SourceKind,
)
from briefing_tui.report import report
from briefing_tui.safe_text import UNSAFE, visible
from briefing_tui.search import SearchIndex
from briefing_tui.tui.app import create_app
from briefing_tui.tui.search_bar import SearchBar

CONTROLS = {
    "ansi colour": "\x1b[31m",
    "reset": "\x1b[0m",
    "clear and home": "\x1b[2J\x1b[H",
    "osc title": "\x1b]0;pwned\x07",
    "osc 52 clipboard": "\x1b]52;c;aGVsbG8=\x07",
    "osc title with ST": "\x1b]2;pwned\x1b\\",
    "bell": "\x07",
    "backspace": "\x08",
    "C1 CSI": "\x9b31m",
    "C1 OSC": "\x9d0;pwned\x9c",
    "bidi override": "\u202e",
    "bidi isolate": "\u2066",
    "delete": "\x7f",
    "tab": "\t",
}
EVERY_CONTROL = "".join(CONTROLS.values())
HIGHLIGHT_ON, HIGHLIGHT_OFF = "\x1b[1;31m", "\x1b[0m"
"""The only escape sequences ``briefing-tui search`` writes of its own, and only to a terminal."""


class TtyStringIO(io.StringIO):
    """An in-memory stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def hostile_text() -> str:
    lines = [f"Title {CONTROLS['osc title']}{CONTROLS['ansi colour']}red{CONTROLS['reset']} end", ""]
    lines += [f"Heading {CONTROLS['clear and home']} here", ""]
    for name, control in CONTROLS.items():
        lines += [f"Paragraph on the {name}: before{control}after, said a senior official.", ""]
    lines += [f"Everything at once: {EVERY_CONTROL} done.", ""]
    return "\n".join(lines)


def hostile_briefing() -> Briefing:
    """An analysed briefing with control characters in every field the app shows."""
    text = f"According to Bob{EVERY_CONTROL}Smith, talks {CONTROLS['osc title']} resumed. Why{EVERY_CONTROL}?"
    question = text.index("Why")
    return Briefing(
        title=f"Title {EVERY_CONTROL}",
        outlet=f"Outlet {CONTROLS['osc 52 clipboard']}",
        author=f"Author {CONTROLS['C1 OSC']}",
        published=dt.date(2025, 10, 9),
        origin=f"file{CONTROLS['osc title']}.txt",
        sections=(
            Section(
                id="one",
                heading=f"Heading {EVERY_CONTROL}",
                kind=SectionKind.NEGOTIATIONS,
                paragraphs=(
                    Paragraph(
                        id="p1",
                        text=text,
                        kind=SectionKind.NEGOTIATIONS,
                        marker=f"-{CONTROLS['bell']}",
                        attributions=(
                            Attribution(source_id="bob", start=13, end=13 + len(EVERY_CONTROL) + 8),
                        ),
                        cues=(Cue(feature=f"cue {CONTROLS['bell']}", contribution=1.0),),
                    ),
                ),
            ),
            Section(
                id="two",
                heading=f"Open {CONTROLS['bidi override']}questions",
                kind=SectionKind.OPEN_QUESTIONS,
            ),
        ),
        sources=(
            Source(
                id="bob",
                name=f"Bob{EVERY_CONTROL}Smith",
                kind=SourceKind.NAMED_PERSON,
                description=f"boss {CONTROLS['osc 52 clipboard']}",
            ),
        ),
        questions=(Question(paragraph_id="p1", start=question, end=len(text), text=text[question:]),),
    )


def write_files(tmp_path: Path) -> dict[str, Path]:
    text = hostile_text()
    contents = {
        ".txt": text,
        "": text,
        ".md": "# " + text,
        ".json": export(hostile_briefing(), "json"),
    }
    paths = {}
    for suffix, content in contents.items():
        path = tmp_path / f"controls{suffix}"
        path.write_text(content, encoding="utf-8")
        paths[suffix] = path
    return paths


SUFFIXES = [".txt", ".md", ".json", ""]


def unsafe_in(text: str, *, keep: str = "") -> set[str]:
    return {character for character in text if character in UNSAFE and character not in keep}


def unsafe_on_screen(app: Any) -> set[str]:
    """Unsafe characters in any segment of the screen, as the driver would write it."""
    found: set[str] = set()
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            found |= unsafe_in(segment.text)
    return found


def screen_text(app: Any) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


# --- reading: every control is kept --------------------------------------------------------


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_readers_keep_every_control_character(tmp_path: Path, suffix: str) -> None:
    briefing = read_briefing(write_files(tmp_path)[suffix])
    words = "\n".join(
        [
            briefing.title,
            *(s.heading or "" for s in briefing.sections),
            *(p.text for p in briefing.paragraphs()),
        ]
    )
    assert EVERY_CONTROL in words
    if suffix != ".json":
        for name, control in CONTROLS.items():
            assert f"before{control}after" in words, name


def test_a_handful_of_controls_in_a_short_file_is_text_not_binary(tmp_path: Path) -> None:
    # An OSC sequence ends in a bell: bells are not counted as signs of binary data.
    path = tmp_path / "short.txt"
    path.write_text(
        f"T\n\nTitle {CONTROLS['osc title']} and {CONTROLS['osc 52 clipboard']} x\x08y.\n", encoding="utf-8"
    )
    assert read_briefing(path).paragraphs()[0].text.endswith("x\x08y.")


# --- the app: nothing unsafe on screen -----------------------------------------------------


@pytest.mark.parametrize("suffix", SUFFIXES)
async def test_app_never_draws_a_control_character(tmp_path: Path, suffix: str) -> None:
    app = create_app(load_briefing(write_files(tmp_path)[suffix]))
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await pilot.pause()
        assert not unsafe_on_screen(app)
        assert any("␛]0;pwned␇" in line for line in screen_text(app))
        for keys in (["G"], ["g"], ["space"], ["tab"], ["tab"], ["tab"]):
            await pilot.press(*keys)
            assert not unsafe_on_screen(app), keys
        await pilot.press("slash")
        app.query_one(SearchBar).input.value = "pwned"
        await pilot.pause()
        assert not unsafe_on_screen(app)
        await pilot.press("enter", "n", "n", "N")
        assert not unsafe_on_screen(app)
        assert app.is_running


async def test_app_never_draws_a_control_character_in_any_pane() -> None:
    app = create_app(hostile_briefing())
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await pilot.pause()
        assert not unsafe_on_screen(app)
        lines = screen_text(app)
        assert "Title ␛[31m␛[0m␛[2J␛[H" in lines[0]  # the title bar
        assert any("Bob␛[31m" in line for line in lines)  # the sources pane
        app.reader.text_view.go_to_unit(1)  # the paragraph, whose sources the pane lists beneath
        await pilot.pause()
        here = str(app.query_one("#sources-here", Static).render())
        assert "Bob␛[31m" in here
        for action in (app.reader.action_go_to_section, app.reader.action_go_to_source):
            action()
            await pilot.pause(0.3)
            assert not unsafe_on_screen(app)
            await pilot.press(*"bob")
            await pilot.pause(0.3)
            assert not unsafe_on_screen(app)
            await pilot.press("escape")
        await pilot.press("question_mark")
        assert not unsafe_on_screen(app)


async def test_a_notice_never_draws_a_control_character(tmp_path: Path) -> None:
    path = tmp_path / "front.md"
    path.write_text(
        "---\ntitle: T\npublished: x \x1b]0;pwned\x1b\\ \x9b31m\n---\n\nText.\n", encoding="utf-8"
    )
    app = create_app(load_briefing(path))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert not unsafe_on_screen(app)


def as_pattern(text: str) -> str:
    """A regular expression for exactly ``text``, written in ASCII escapes (as a user would type it)."""
    return "".join(f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}" for c in text)


@pytest.mark.parametrize("name", list(CONTROLS))
async def test_a_match_on_a_control_character_highlights_its_stand_in(tmp_path: Path, name: str) -> None:
    path = tmp_path / "one.txt"
    path.write_text(f"Title\n\nBefore{CONTROLS[name]}after.\n", encoding="utf-8")
    app = create_app(load_briefing(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        app.query_one(SearchBar).input.value = as_pattern(CONTROLS[name])
        await pilot.press("ctrl+r", "enter")
        view = app.reader.text_view
        assert view.highlights.current is not None
        unit, start, end = view.highlights.current
        assert (start, end) == (6, 6 + len(CONTROLS[name]))
        assert view.units[unit].text[start:end] == visible(CONTROLS[name])


# --- export: exact in a pipe, safe on a terminal -------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def exported(briefing: Briefing, fmt: str) -> str:
    """What ``export --to fmt`` writes: the model as JSON, else the report with its analysis."""
    if fmt == "json":
        return export(briefing, "json")
    return report(briefing, "markdown" if fmt == "markdown" else "text")


def run_on_tty(monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str]:
    stdout = TtyStringIO()
    monkeypatch.setattr(sys, "stdout", stdout)
    code = main(list(argv))
    return code, stdout.getvalue()


@pytest.mark.parametrize("fmt", ["json", "markdown", "text"])
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_piped_export_keeps_the_exact_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, fmt: str
) -> None:
    path = write_files(tmp_path)[suffix]
    code, out, err = run(capsys, "export", str(path), "--to", fmt)
    assert (code, err) == (0, "")
    briefing = load_briefing(path)
    assert out == exported(briefing, fmt)
    if fmt == "json":
        assert briefing.model_validate_json(out) == briefing
    else:
        for paragraph in briefing.paragraphs():
            assert paragraph.text in out
        assert EVERY_CONTROL in out


@pytest.mark.parametrize("fmt", ["json", "markdown", "text"])
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_export_to_a_terminal_writes_no_control_character(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, fmt: str
) -> None:
    path = write_files(tmp_path)[suffix]
    code, out = run_on_tty(monkeypatch, "export", str(path), "--to", fmt)
    assert code == 0
    assert not unsafe_in(out, keep="\n")
    exact = exported(load_briefing(path), fmt)
    # One character for one: the lines are those of the exact export, each as long.
    assert [len(line) for line in out.split("\n")] == [len(line) for line in exact.split("\n")]
    assert "␛]0;pwned␇" in out or fmt == "json"


# --- search: safe everywhere, coloured only on a terminal ----------------------------------


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_search_in_a_pipe_writes_no_control_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    path = write_files(tmp_path)[suffix]
    code, out, err = run(capsys, "search", "pwned", str(path))
    assert (code, err) == (0, "")
    assert out.count("\n") >= 2
    assert not unsafe_in(out, keep="\n")


@pytest.mark.parametrize("no_color", [False, True])
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_search_on_a_terminal_writes_only_its_own_highlight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    path = write_files(tmp_path)[suffix]
    code, out = run_on_tty(monkeypatch, "search", "pwned", str(path))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) >= 2
    for line in lines:
        if no_color:
            assert HIGHLIGHT_ON not in line
        else:
            assert f"{HIGHLIGHT_ON}pwned{HIGHLIGHT_OFF}" in line
        assert not unsafe_in(line.replace(HIGHLIGHT_ON, "").replace(HIGHLIGHT_OFF, ""))


def test_search_keeps_file_names_safe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / f"evil{CONTROLS['osc title']}name.txt"
    good.write_text("Title\n\nThe talks resumed.\n", encoding="utf-8")
    missing = tmp_path / f"gone{CONTROLS['clear and home']}.txt"
    code, out, err = run(capsys, "search", "talks", str(good), str(missing))
    assert code == 2
    assert not unsafe_in(out + err, keep="\n")
    assert "evil␛]0;pwned␇name.txt:" in out
    assert "gone␛[2J␛[H.txt: no such file" in err


@pytest.mark.parametrize("command", [["export"], ["search", "x"], []])
def test_errors_name_the_file_safely(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    missing = tmp_path / f"gone{EVERY_CONTROL}.txt"
    code, out, err = run(capsys, *command, str(missing))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert not unsafe_in(err, keep="\n")
    assert visible(str(missing)) in err


@pytest.mark.parametrize("name", list(CONTROLS))
@pytest.mark.parametrize("color", [False, True])
def test_excerpt_is_safe_around_every_control(name: str, color: bool) -> None:
    text = f"{'word ' * 10}{CONTROLS[name]}match{CONTROLS[name]}{' word' * 10}"
    start = text.index("match")
    line = excerpt(text, start, start + 5, color=color)
    assert not unsafe_in(line.replace(HIGHLIGHT_ON, "").replace(HIGHLIGHT_OFF, ""))
    assert visible(CONTROLS[name]) in line


def test_search_index_finds_control_characters_exactly(tmp_path: Path) -> None:
    briefing = read_briefing(write_files(tmp_path)[".txt"])
    index = SearchIndex(briefing)
    result = index.search("\x1b]0;pwned\x07")
    assert result.total >= 2
    for match in result:
        assert index.unit(match.unit).text[match.start : match.end] == "\x1b]0;pwned\x07"
