"""What changed between two versions of a briefing: the core diff and 'briefing-tui diff'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_tui.cli import main
from briefing_tui.diff import diff_briefings
from briefing_tui.load import load_briefing
from library_texts import briefing_text


def _versions(tmp_path: Path, old: str, new: str) -> tuple[Path, Path]:
    first, second = tmp_path / "old.txt", tmp_path / "new.txt"
    first.write_text(old, encoding="utf-8")
    second.write_text(new, encoding="utf-8")
    return first, second


def test_the_same_text_has_no_changes(tmp_path: Path) -> None:
    old, new = _versions(tmp_path, briefing_text(1), briefing_text(1))
    assert diff_briefings(load_briefing(old), load_briefing(new)).empty


def test_new_changed_and_removed_paragraphs_and_new_sources(tmp_path: Path) -> None:
    text = briefing_text(1)
    paragraphs = text.split("\n\n")
    changed = paragraphs[1].replace("Tuesday", "Wednesday")
    added = "A spokesperson for the port authority said the levy would be phased in."
    edited = [paragraphs[0], changed, paragraphs[2], added, paragraphs[3], paragraphs[4]]
    old, new = _versions(tmp_path, text, "\n\n".join(edited))
    diff = diff_briefings(load_briefing(old), load_briefing(new))
    kinds = {change.kind: change for change in diff.changes}
    assert set(kinds) == {"new", "changed", "removed"}
    assert kinds["changed"].text.startswith(changed[:20]) and kinds["changed"].was is not None
    assert "Tuesday" in kinds["changed"].was
    assert kinds["new"].text == added
    assert kinds["removed"].text == paragraphs[5].strip()
    assert kinds["removed"].section == "What is still open"
    assert any("spokesperson" in source.name for source in diff.new_sources)
    assert diff.marks() == {kinds["new"].paragraph_id: "new", kinds["changed"].paragraph_id: "changed"}


def test_one_paragraph_in_place_of_another_is_a_rewrite(tmp_path: Path) -> None:
    text = briefing_text(4)
    last = text.strip().split("\n\n")[-1]
    old, new = _versions(tmp_path, text, text.replace(last, "Something else entirely, said nobody."))
    diff = diff_briefings(load_briefing(old), load_briefing(new))
    assert [change.kind for change in diff.changes] == ["changed"]


def test_a_run_of_edits_pairs_rewrites_by_their_words(tmp_path: Path) -> None:
    text = briefing_text(5)
    paragraphs = text.split("\n\n")
    inserted = "An unrelated notice about ferry timetables was posted at noon."
    edited = [paragraphs[0], inserted, paragraphs[1].replace("two weeks", "three weeks"), *paragraphs[2:]]
    old, new = _versions(tmp_path, text, "\n\n".join(edited))
    diff = diff_briefings(load_briefing(old), load_briefing(new))
    assert [(change.kind, change.text[:10]) for change in diff.changes] == [
        ("new", inserted[:10]),
        ("changed", paragraphs[1][:10]),
    ]


def test_a_paragraph_inserted_above_changes_nothing_below(tmp_path: Path) -> None:
    text = briefing_text(2)
    title, rest = text.split("\n\n", 1)
    old, new = _versions(tmp_path, text, f"{title}\n\nAn early paragraph, added at the top.\n\n{rest}")
    diff = diff_briefings(load_briefing(old), load_briefing(new))
    assert [(change.kind, change.paragraph_id) for change in diff.changes] == [("new", "p1")]


def test_the_command_prints_changes_by_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = briefing_text(3)
    old, new = _versions(tmp_path, text, text.replace("forty pages", "fifty pages"))
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "0 new, 1 changed, 0 removed" in out.splitlines()[0]
    assert "## What is still open" in out
    assert "~ changed" in out


def test_the_command_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = briefing_text(3)
    old, new = _versions(tmp_path, text, text + "\nA closing line from the commission.\n")
    assert main(["diff", str(old), str(new), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["new"] + data["counts"]["changed"] >= 1
    assert data["sections"][0]["heading"] == "What is still open"
    assert {"kind", "id", "anchor", "text"} <= set(data["sections"][0]["changes"][0])


def test_a_missing_file_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(tmp_path / "nope.txt"), str(tmp_path / "also.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.txt" in err
