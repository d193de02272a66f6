"""The command line: subcommands, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui import __version__
from briefing_tui.cli import main
from briefing_tui.model import Briefing
from briefing_tui.resources import seed_path
from briefing_tui.schema import briefing_schema


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"briefing-tui {__version__}"


def test_help_names_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for word in ("export", "search", "schema", "PATH"):
        assert word.lower() in out.lower()


def test_schema_prints_the_model_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out) == briefing_schema()


def test_export_json_of_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", str(seed_path()), "--to", "json")
    assert (code, err) == (0, "")
    briefing = Briefing.model_validate_json(out)
    assert briefing.title.startswith("Kushner and Witkoff’s Pivotal Role")
    assert len([s for s in briefing.sections if s.heading]) == 4
    assert all("Was this news useful?" not in p.text for p in briefing.paragraphs())
    assert briefing.furniture == ("Was this news useful?",)  # set aside, not lost


def test_export_json_reads_back_equal(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _, out, _ = run(capsys, "export", str(seed_path()), "--to", "json")
    exported = tmp_path / "seed.json"
    exported.write_text(out, encoding="utf-8")
    code, again, _ = run(capsys, "export", str(exported), "--to", "json")
    assert code == 0
    assert Briefing.model_validate_json(again) == Briefing.model_validate_json(out)


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_export_other_formats_keep_every_paragraph(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, _ = run(capsys, "export", str(seed_path()), "--to", fmt)
    assert code == 0
    assert "Robert Greenway, former Senior Director" in out
    assert "  1. Complete disarmament" not in out and "1. Complete disarmament of Hamas" in out


def test_missing_file_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, out, err = run(capsys, "export", str(missing))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert str(missing) in err and "no such file" in err


def test_opening_a_bad_file_fails_before_any_screen(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = run(capsys, str(empty))
    assert code == 2
    assert err == f"briefing-tui: {empty}: is empty; there is nothing to read\n"


def test_a_file_named_like_a_path_is_opened_as_a_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, str(tmp_path / "export"))
    assert code == 2
    assert "no such file" in err


def test_module_entry_point_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "export", "/nonexistent/briefing.txt"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert (
        result.stderr.strip()
        == "briefing-tui: /nonexistent/briefing.txt: no such file; check the path and try again"
    )


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "--debug", "export", str(tmp_path / "x.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Traceback" in result.stderr
