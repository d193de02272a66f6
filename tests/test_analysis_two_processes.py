"""A large briefing read by two processes: the same analysis as one gives, and no process left behind."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_tui.analysis import analyse, two_processes
from briefing_tui.analysis.kind_features import placed_paragraphs
from briefing_tui.analysis.paragraph_pass import ParagraphRead, ParagraphWork, read_paragraphs
from briefing_tui.ingest import read_briefing
from briefing_tui.model import Briefing

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from corpus import make_briefing_text, parse_size  # noqa: E402


@pytest.fixture(scope="module")
def briefing(tmp_path_factory: pytest.TempPathFactory) -> Briefing:
    path = tmp_path_factory.mktemp("two") / "briefing.txt"
    path.write_text(make_briefing_text(parse_size("60KB"), "txt"), encoding="utf-8")
    return read_briefing(path)


@pytest.fixture
def always_two(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Two processes from the first character, with every child started recorded."""
    started: list[subprocess.Popen[bytes]] = []
    real = subprocess.Popen

    def recording(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        child: subprocess.Popen[bytes] = real(*args, **kwargs)  # type: ignore[call-overload]
        started.append(child)
        return child

    monkeypatch.setattr(two_processes, "PARALLEL_FROM", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(subprocess, "Popen", recording)
    yield started
    assert all(child.returncode is not None for child in started), "a child process was left running"


def test_two_processes_give_the_analysis_of_one(briefing: Briefing, always_two: list[object]) -> None:
    assert analyse(briefing).model_dump_json() == analyse(briefing, parallel=False).model_dump_json()
    assert len(always_two) == 1


def test_the_child_reads_chunks_from_the_end(
    briefing: Briefing, always_two: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    work = list(placed_paragraphs(briefing.sections))
    monkeypatch.setattr(two_processes, "CHUNK", 4)
    here: list[int] = []

    def slowly(chunk: list[ParagraphWork], outlets: frozenset[str]) -> list[ParagraphRead]:
        here.append(len(chunk))
        time.sleep(0.05)  # a slow parent: the child, once started, catches up from the end
        return read_paragraphs(chunk, outlets)

    monkeypatch.setattr(two_processes, "read_paragraphs", slowly)
    read = two_processes.read_all(work, frozenset())
    # The features matched come in the order a set gives, which differs between processes
    # (string hashes are salted per process); the scores are exact sums, so order-free.
    assert [_ordered(one) for one in read] == [_ordered(one) for one in read_paragraphs(work, frozenset())]
    assert 0 < sum(here) < len(work)


def _ordered(read: ParagraphRead) -> tuple[object, ...]:
    mentions, scores, matched = read
    return mentions, scores, sorted(name for name, _ in matched)


def test_a_child_that_fails_leaves_its_half_to_the_parent(
    briefing: Briefing, always_two: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(two_processes, "_CHILD", "import sys; sys.exit(3)")
    assert analyse(briefing).model_dump_json() == analyse(briefing, parallel=False).model_dump_json()


def test_a_child_that_cannot_read_its_work_sends_nothing_usable(
    briefing: Briefing, always_two: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        two_processes, "_CHILD", two_processes._CHILD.replace("data = sys.stdin.buffer.read()", "data = b'x'")
    )
    assert analyse(briefing).model_dump_json() == analyse(briefing, parallel=False).model_dump_json()


def test_the_parent_reads_on_while_the_child_has_not_taken_its_work(
    always_two: list[subprocess.Popen[bytes]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The work is far more than a pipe holds (64 KiB) and the child never reads it: had the
    # parent written it itself, it would have gone on only once the child had ended.
    path = tmp_path / "briefing.txt"
    path.write_text(make_briefing_text(parse_size("400KB"), "txt"), encoding="utf-8")
    work = list(placed_paragraphs(read_briefing(path).sections))
    monkeypatch.setattr(two_processes, "_CHILD", "import time; time.sleep(5)")
    alive: list[bool] = []
    read = two_processes.read_all(
        work, frozenset(), meanwhile=lambda: alive.append(always_two[0].poll() is None)
    )
    assert alive == [True]
    assert read == read_paragraphs(work, frozenset())


def test_an_error_in_the_parent_ends_the_child(
    briefing: Briefing, always_two: list[subprocess.Popen[bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*_: object) -> list[object]:
        raise KeyboardInterrupt  # as Ctrl-C would, while the child is still reading

    monkeypatch.setattr(two_processes, "read_paragraphs", failing)
    with pytest.raises(KeyboardInterrupt):
        analyse(briefing)
    assert len(always_two) == 1 and always_two[0].returncode is not None


def test_small_briefings_and_one_core_stay_in_one_process(
    briefing: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_: object, **__: object) -> None:
        raise AssertionError("a second process was started")

    monkeypatch.setattr(subprocess, "Popen", refused)
    analyse(briefing)  # far below PARALLEL_FROM
    monkeypatch.setattr(two_processes, "PARALLEL_FROM", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    analyse(briefing)
    analyse(briefing, parallel=False)


def test_the_work_meanwhile_is_done_once_and_only_with_two(
    briefing: Briefing, always_two: list[object]
) -> None:
    work = list(placed_paragraphs(briefing.sections))
    calls: list[int] = []
    two_processes.read_all(work, frozenset(), meanwhile=lambda: calls.append(1))
    two_processes.read_all(work, frozenset(), parallel=False, meanwhile=lambda: calls.append(2))
    assert calls == [1]


def test_the_child_never_imports_from_the_current_folder(
    briefing: Briefing, always_two: list[object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "imported"
    (tmp_path / "pickle.py").write_text(f"open({str(marker)!r}, 'w').close()\nraise ImportError\n")
    monkeypatch.chdir(tmp_path)
    work = list(placed_paragraphs(briefing.sections))
    monkeypatch.setattr(two_processes, "CHUNK", 4)
    here: list[int] = []

    def slowly(chunk: list[ParagraphWork], outlets: frozenset[str]) -> list[ParagraphRead]:
        here.append(len(chunk))
        time.sleep(0.02)  # long enough for the child to reach its imports before the end
        return read_paragraphs(chunk, outlets)

    monkeypatch.setattr(two_processes, "read_paragraphs", slowly)
    two_processes.read_all(work, frozenset())
    assert len(always_two) == 1
    assert not marker.exists()
    assert sum(here) < len(work)  # the child did read, from its own imports
