"""``briefing-tui search``: grep-style lines, context, colour, safety and exit status."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from briefing_tui.grep import EXIT_ERROR, EXIT_MATCH, EXIT_NO_MATCH, excerpt, run

BRIEFING = """Ceasefire talks

Talks resumed in Cairo on Monday.

Terms of the deal

The deal frees hostages and prisoners in stages.

Hostages are released first; prisoners follow within days.
"""


def grep(
    query: str,
    *paths: Path | str,
    regex: bool = False,
    case_sensitive: bool | None = None,
    color: bool = False,
) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of one search."""
    out, err = io.StringIO(), io.StringIO()
    status = run(
        query,
        [str(path) for path in paths],
        regex=regex,
        case_sensitive=case_sensitive,
        out=out,
        err=err,
        color=color,
    )
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def briefing(tmp_path: Path) -> Path:
    path = tmp_path / "talks.txt"
    path.write_text(BRIEFING, encoding="utf-8")
    return path


def test_one_line_per_match_with_file_and_section(briefing: Path) -> None:
    status, out, err = grep("prisoners", briefing)
    assert (status, err) == (EXIT_MATCH, "")
    assert out.splitlines() == [
        f"{briefing}:p2:Terms of the deal: The deal frees hostages and prisoners in stages.",
        f"{briefing}:p3:Terms of the deal: Hostages are released first; prisoners follow within days.",
    ]


def test_lead_section_is_labelled(briefing: Path) -> None:
    _, out, _ = grep("cairo", briefing)
    assert out == f"{briefing}:p1:(lead): Talks resumed in Cairo on Monday.\n"


def test_heading_matches_are_printed_with_the_heading(briefing: Path) -> None:
    _, out, _ = grep("terms", briefing)
    assert out == f"{briefing}:terms-of-the-deal:Terms of the deal: Terms of the deal\n"


def test_every_match_in_a_paragraph_gets_its_own_line(briefing: Path) -> None:
    _, out, _ = grep("deal", briefing)
    assert len(out.splitlines()) == 2  # the heading, then the paragraph
    _, out, _ = grep("s", briefing, case_sensitive=True)
    assert len(out.splitlines()) == BRIEFING.split("\n", 1)[1].count("s")


def test_files_in_order_and_matches_in_reading_order(tmp_path: Path, briefing: Path) -> None:
    other = tmp_path / "other.md"
    other.write_text("# Other\n\nHostages first.\n\n## Later\n\nMore hostages.\n", encoding="utf-8")
    _, out, _ = grep("hostages", other, briefing)
    lines = out.splitlines()
    assert [line.split(":", 1)[0] for line in lines] == [str(other)] * 2 + [str(briefing)] * 2
    assert lines[1] == f"{other}:p2:Later: More hostages."
    assert lines[2].endswith(": The deal frees hostages and prisoners in stages.")


def test_context_is_trimmed_to_whole_words(tmp_path: Path) -> None:
    words = " ".join(f"word{n:02d}" for n in range(30))
    path = tmp_path / "long.txt"
    path.write_text(f"Title\n\n{words} NEEDLE {words}\n", encoding="utf-8")
    _, out, _ = grep("needle", path)
    context = out.rstrip("\n").split(": ", 1)[1]
    # 30 characters each side end inside "word25" and "word04": those partial words go.
    assert context == "…word26 word27 word28 word29 NEEDLE word00 word01 word02 word03…"


def test_context_without_spaces_is_cut_anyway() -> None:
    text = "x" * 100 + "MATCH" + "y" * 100
    assert excerpt(text, 100, 105) == "…" + "x" * 30 + "MATCH" + "y" * 30 + "…"


def test_context_keeps_the_space_next_to_the_match() -> None:
    text = "a" * 40 + " MATCH " + "b" * 40
    assert excerpt(text, 41, 46) == "… MATCH …"


def test_short_paragraph_has_no_ellipsis(briefing: Path) -> None:
    _, out, _ = grep("monday", briefing)
    assert "…" not in out


def test_color_highlights_only_the_match(briefing: Path) -> None:
    _, out, _ = grep("cairo", briefing, color=True)
    assert out.endswith(": Talks resumed in \x1b[1;31mCairo\x1b[0m on Monday.\n")
    _, plain, _ = grep("cairo", briefing, color=False)
    assert "\x1b" not in plain


def test_escape_sequences_in_a_briefing_never_reach_the_terminal(tmp_path: Path) -> None:
    hostile = "\x1b]0;owned\x07Evil\x1b[2J heading"
    path = tmp_path / "evil\x1b[31m.txt"
    path.write_text(
        f"Title\n\n{hostile}\n\nThe \x1b[8mhidden\x1b[0m deal\x9b was \u202esigned\u202c.\n\n"
        # Long enough on both sides that the context is cut.
        f"{'x ' * 20}\x1b[1;1H \x1b]52;c;Zm9v\x07 deal \x1b[1;1H \x1b]52;c;Zm9v\x07 {'y ' * 20}\n",
        encoding="utf-8",
    )
    for color in (False, True):
        status, out, _ = grep(r"deal\S*", path, regex=True, color=color)
        assert status == EXIT_MATCH
        without_highlight = out.replace("\x1b[1;31m", "").replace("\x1b[0m", "") if color else out
        assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", without_highlight)
        assert len(out.splitlines()) == 2
        assert "␛[8mhidden␛[0m" in out
        assert "x x ␛[1;1H ␛]52;c;Zm9v␇ deal" in without_highlight
        assert without_highlight.endswith("deal ␛[1;1H ␛]52;c;Zm9v␇ y y y y y…\n")
        assert "evil␛[31m.txt" in out
        assert ":␛]0;owned␇Evil␛[2J heading:" in out


def test_no_match_exits_1(briefing: Path) -> None:
    assert grep("zanzibar", briefing) == (EXIT_NO_MATCH, "", "")


def test_empty_query_matches_nothing(briefing: Path) -> None:
    assert grep("", briefing) == (EXIT_NO_MATCH, "", "")


def test_unreadable_file_is_reported_and_the_rest_still_searched(tmp_path: Path, briefing: Path) -> None:
    missing = tmp_path / "missing.txt"
    status, out, err = grep("cairo", missing, briefing)
    assert status == EXIT_ERROR  # an error wins over a match, as in grep
    assert out == f"{briefing}:p1:(lead): Talks resumed in Cairo on Monday.\n"
    assert err.count("\n") == 1
    assert err.startswith(f"{missing}: ")


def test_file_error_without_matches_still_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    status, out, err = grep("cairo", empty)
    assert (status, out) == (EXIT_ERROR, "")
    assert err.startswith(f"{empty}: ")
    assert err.count("\n") == 1


def test_bad_regex_is_one_line_and_exit_2(briefing: Path) -> None:
    status, out, err = grep("deal[", briefing, regex=True)
    assert (status, out) == (EXIT_ERROR, "")
    assert err == "briefing-tui: bad regular expression: unterminated character set at position 5\n"


def test_literal_mode_takes_regex_syntax_as_text(briefing: Path) -> None:
    assert grep("deal[", briefing)[0] == EXIT_NO_MATCH
    assert grep("first;", briefing)[0] == EXIT_MATCH
    assert grep("first.", briefing)[0] == EXIT_NO_MATCH


def test_regex_mode(briefing: Path) -> None:
    status, out, _ = grep(r"\bh\w+s\b", briefing, regex=True)
    assert status == EXIT_MATCH
    assert len(out.splitlines()) == 2


def test_case_rules(briefing: Path) -> None:
    assert len(grep("hostages", briefing)[1].splitlines()) == 2  # smart: any case
    assert len(grep("Hostages", briefing)[1].splitlines()) == 1  # smart: uppercase matches case
    assert len(grep("Hostages", briefing, case_sensitive=False)[1].splitlines()) == 2
    assert grep("HOSTAGES", briefing, case_sensitive=True)[0] == EXIT_NO_MATCH
