"""'briefing-tui library ...' and 'briefing-tui DIR' on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_tui.cli import main
from briefing_tui.library.location import DATA_DIR_ENV
from library_texts import write_folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_folder(tmp_path / "briefings", 5)
    return tmp_path / "briefings"


def test_add_a_folder_then_list_search_and_sources(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["library", "add", str(folder)]) == 0
    assert capsys.readouterr().out == "5 added, 0 updated, 0 unchanged\n"
    assert main(["library", "add", str(folder / "briefing-01.txt")]) == 0
    assert capsys.readouterr().out == "0 added, 0 updated, 1 unchanged\n"
    assert main(["library", "list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert len(listing) == 5 and all("unread" in line for line in listing)
    assert main(["library", "search", '"grain corridor"']) == 0
    found = capsys.readouterr().out
    assert "briefing-01.txt:p1:" in found and "grain corridor" in found
    assert main(["library", "search", "zeppelin"]) == 1
    assert main(["library", "sources", "--json"]) == 0
    sources = json.loads(capsys.readouterr().out)
    officials = next(s for s in sources if s["name"] == "two officials familiar with the talks")
    assert officials["briefings"] == 5
    assert {"path", "title", "source_id", "count"} <= set(officials["cited_in"][0])


def test_sources_can_be_filtered_by_words_of_their_names(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["library", "add", str(folder)])
    capsys.readouterr()
    assert main(["library", "sources", "--match", "MARROW", "--json"]) == 0
    assert [source["name"] for source in json.loads(capsys.readouterr().out)] == ["Ilse Marrow"]
    assert main(["library", "sources", "--match", "talks officials"]) == 0
    assert capsys.readouterr().out.startswith("two officials familiar with the talks (")
    assert main(["library", "sources", "--match", "zeppelin"]) == 1
    assert capsys.readouterr().out == ""


def test_a_malformed_search_is_one_line_and_exit_2(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["library", "add", str(folder)])
    capsys.readouterr()
    assert main(["library", "search", "(river"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefing-tui: bad query") and err.count("\n") == 1


def test_path_names_the_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "here"))
    assert main(["library", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "here" / "library.sqlite3")


def test_a_folder_on_the_command_line_opens_the_library(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui.tui import launch

    opened: list[object] = []

    def remember(what: object) -> int:
        opened.append(what)
        return 0

    monkeypatch.setattr(launch, "launch_library", remember)
    monkeypatch.setattr(launch, "launch", lambda path, **_: remember(("file", path)))
    assert main([str(folder)]) == 0
    assert main([str(folder / "briefing-02.txt")]) == 0
    assert opened == [folder, ("file", folder / "briefing-02.txt")]


def test_no_file_opens_the_library_once_it_has_several_briefings(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui.tui import launch

    opened: list[object] = []

    def remember(what: object) -> int:
        opened.append(what)
        return 0

    monkeypatch.setattr(launch, "launch_library", lambda path: remember(("library", path)))
    monkeypatch.setattr(launch, "launch", lambda path, **_: remember(("file", path.name)))
    assert main([]) == 0
    main(["library", "add", str(folder)])
    assert main([]) == 0
    assert opened == [("file", "gaza-ceasefire-talks.txt"), ("library", None)]
