"""`export --to markdown|text` carries the analysis: kinds, sources as footnotes, a sources
table with counts, the open questions; --paragraphs and --section export a part."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from briefing_tui.cli import main
from briefing_tui.load import load_briefing
from briefing_tui.model import Briefing
from briefing_tui.resources import seed_path


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return load_briefing(seed_path())


def export(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["export", str(seed_path()), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_markdown_names_each_paragraphs_kind(capsys: pytest.CaptureFixture[str], seed: Briefing) -> None:
    code, out, _ = export(capsys, "--to", "markdown")
    assert code == 0
    for paragraph in seed.paragraphs():
        assert f"<sub>{paragraph.id} · {paragraph.kind.value.replace('_', ' ')}</sub>" in out


def test_markdown_cites_sources_as_footnotes(capsys: pytest.CaptureFixture[str], seed: Briefing) -> None:
    _, out, _ = export(capsys, "--to", "markdown")
    notes = dict(re.findall(r"^\[\^(\d+)\]: (.+)$", out, re.MULTILINE))
    assert len(notes) == len({a.source_id for p in seed.paragraphs() for a in p.attributions})
    first = seed.paragraphs()[0]
    cited = re.findall(r"\[\^(\d+)\]", out.split(first.text, 1)[1].split("\n", 1)[0])
    names = [notes[number].split(",")[0] for number in cited]
    assert names == [seed.source(a.source_id).name for a in first.attributions]


def test_markdown_has_a_sources_table_with_counts(capsys: pytest.CaptureFixture[str], seed: Briefing) -> None:
    _, out, _ = export(capsys, "--to", "markdown")
    counts = Counter(a.source_id for p in seed.paragraphs() for a in p.attributions)
    table = out.split("## Sources", 1)[1].split("\n\n## ", 1)[0]
    for source_id, count in counts.items():
        name = seed.source(source_id).name
        assert re.search(rf"^\| {re.escape(name)} \| [a-z ]+ \| {count} \|", table, re.MULTILINE)


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_open_questions_are_listed(capsys: pytest.CaptureFixture[str], seed: Briefing, fmt: str) -> None:
    _, out, _ = export(capsys, "--to", fmt)
    assert seed.questions
    for question in seed.questions:
        assert f"{question.text} ({question.paragraph_id})" in out


def test_text_carries_kinds_notes_and_counts(capsys: pytest.CaptureFixture[str], seed: Briefing) -> None:
    _, out, _ = export(capsys, "--to", "text")
    assert "[p1 · negotiations]" in out
    assert "SOURCES" in out and "NOTES" in out
    assert re.search(r"^\s+2  official\s+senior U\.S\. officials \(p\d+, p\d+\)$", out, re.MULTILINE)


def test_paragraphs_export_a_part(capsys: pytest.CaptureFixture[str], seed: Briefing) -> None:
    code, out, _ = export(capsys, "--to", "markdown", "--paragraphs", "p3,p7")
    assert code == 0
    shown = [p.id for p in seed.paragraphs() if p.text in out]
    assert shown == ["p3", "p7"]
    cited = {a.source_id for p in seed.paragraphs() if p.id in shown for a in p.attributions}
    assert out.count("\n[^") == len(cited)


def test_section_exports_a_part(capsys: pytest.CaptureFixture[str], seed: Briefing) -> None:
    section = seed.sections[-1]
    code, out, _ = export(capsys, "--to", "text", "--section", section.id)
    assert code == 0
    assert [p.id for p in seed.paragraphs() if p.text in out] == [p.id for p in section.paragraphs]


def test_an_unknown_part_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = export(capsys, "--to", "markdown", "--paragraphs", "p3,p99")
    assert code == 2 and err.count("\n") == 1 and "p99" in err


def test_bare_markdown_reads_back_without_the_analysis(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = export(capsys, "--to", "markdown", "--bare")
    assert "[^" not in out and "<sub>" not in out and out.startswith("---\n")
