"""The library store: adding, listing, migrating, surviving crashes, concurrency and corruption."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefing_tui.anchors import anchors
from briefing_tui.library import Library, LibraryError
from briefing_tui.library.commands import add_paths
from briefing_tui.library.location import DATA_DIR_ENV, database_path, default_data_dir
from briefing_tui.library.migrations import MIGRATIONS, SCHEMA_VERSION, citation_rows
from briefing_tui.library.search import search_library
from briefing_tui.load import load_briefing
from library_texts import briefing_text, write_briefing, write_folder

SRC = Path(__file__).resolve().parents[1] / "src"


def _library(tmp_path: Path) -> Library:
    return Library(tmp_path / "db" / "library.sqlite3")


def _child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}


def test_the_location_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert default_data_dir() == tmp_path
    assert database_path() == tmp_path / "library.sqlite3"
    monkeypatch.delenv(DATA_DIR_ENV)
    assert default_data_dir().name == "briefing-tui"


def test_a_briefing_added_is_listed_with_its_metadata_model_and_anchors(tmp_path: Path) -> None:
    path = write_briefing(tmp_path / "one.txt", 1)
    with _library(tmp_path) as library:
        added = library.add_file(path)
        assert added.status == "added"
        (row,) = library.briefings()
        assert row.title == "Briefing 1: the grain corridor talks"
        assert (row.paragraphs, row.last_read, row.unread_update) == (4, None, False)
        assert row.sources >= 2
        assert library.briefing(added.briefing_id) == load_briefing(path)
        stored = [a for (a,) in library.connection.execute("SELECT anchor FROM paragraphs ORDER BY position")]
        assert stored == anchors(load_briefing(path).paragraphs())
        assert library.find(path) == added.briefing_id


def test_adding_an_unchanged_file_again_changes_nothing_and_never_writes_it(tmp_path: Path) -> None:
    path = write_briefing(tmp_path / "one.txt", 1)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with _library(tmp_path) as library:
        first = library.add_file(path)
        again = library.add_file(path)
        assert again.status == "unchanged"
        assert again.briefing_id == first.briefing_id
        assert library.count() == 1
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_new_version_keeps_the_version_last_read(tmp_path: Path) -> None:
    path = write_briefing(tmp_path / "one.txt", 1)
    with _library(tmp_path) as library:
        number = library.add_file(path).briefing_id
        first = library.briefing(number)
        library.mark_read(number)
        time.sleep(0.01)
        write_briefing(path, 1, extra="A new paragraph about the harbour arrived in the afternoon.")
        assert library.add_file(path).status == "updated"
        assert library.row(number).unread_update
        assert library.read_version(number) == first
        assert library.count() == 1
        library.mark_read(number)
        assert library.read_version(number) is None
        assert not library.row(number).unread_update


def test_listing_is_filtered_sorted_and_paged(tmp_path: Path) -> None:
    write_folder(tmp_path / "folder", 12)
    with _library(tmp_path) as library:
        add_paths(library, [tmp_path / "folder"], lambda _: None, lambda _: None)
        assert library.count() == 12
        assert library.count("river") == len([n for n in range(12) if n % 5 == 2])
        titles = [row.title for row in library.briefings(sort="title", descending=True)]
        assert titles == sorted(titles, reverse=True)
        page = library.briefings(limit=5, offset=10)
        assert len(page) == 2
        assert library.count(under=tmp_path / "folder") == 12
        assert library.count(under=tmp_path / "elsewhere") == 0
        assert library.count("100%_") == 0  # LIKE wildcards are taken literally


def test_an_empty_database_file_is_migrated_to_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"")
    with Library(path) as library:
        version = library.connection.execute("PRAGMA user_version").fetchone()[0]
        steps = [v for (v,) in library.connection.execute("SELECT version FROM migrations ORDER BY version")]
        assert library.count() == 0
    assert version == SCHEMA_VERSION
    assert steps == list(range(1, SCHEMA_VERSION + 1))


def test_an_older_schema_is_migrated_forward_keeping_its_briefings(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    source = write_briefing(tmp_path / "old.txt", 2)
    briefing = load_briefing(source)
    old = sqlite3.connect(path, isolation_level=None)
    old.execute("BEGIN")
    MIGRATIONS[0](old)
    old.execute(
        "INSERT INTO briefings (path, digest, title, paragraphs, sources, analysed, added, updated, model)"
        " VALUES (?, 'x', ?, 4, ?, 1, 0, 0, ?)",
        (str(source.resolve()), briefing.title, len(briefing.sources), briefing.model_dump_json()),
    )
    old.execute("PRAGMA user_version = 1")
    old.execute("COMMIT")
    old.close()
    with Library(path) as library:
        (row,) = library.briefings()
        assert row.title == briefing.title
        assert row.last_read is None
        cited = library.connection.execute("SELECT count(*) FROM citations").fetchone()[0]
        assert cited == len(briefing.sources)  # version 2 filled in the citations from the model
        assert library.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def _version_2_database(path: Path, source: Path, *, read_version: Path | None = None) -> None:
    """A library as version 2 left it, holding the briefing at ``source`` (and a version last read)."""
    from briefing_tui.library.store import _paragraph_rows

    briefing = load_briefing(source)
    old = sqlite3.connect(path, isolation_level=None)
    old.execute("BEGIN")
    MIGRATIONS[0](old)
    MIGRATIONS[1](old)
    earlier = load_briefing(read_version).model_dump_json() if read_version is not None else None
    old.execute(
        "INSERT INTO briefings (id, path, digest, title, paragraphs, sources, analysed, added, updated,"
        " model, read_model, last_read) VALUES (1, ?, 'x', ?, ?, ?, 1, 0, 1, ?, ?, 0)",
        (
            str(source.resolve()),
            briefing.title,
            len(briefing.paragraphs()),
            len(briefing.sources),
            briefing.model_dump_json(),
            earlier,
        ),
    )
    old.executemany(
        "INSERT INTO paragraphs (briefing_id, position, paragraph_id, anchor, section_id, heading, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        _paragraph_rows(1, briefing),
    )
    old.execute("PRAGMA user_version = 2")
    old.execute("COMMIT")
    old.close()


def test_a_version_2_index_is_rebuilt_with_prefix_indexes_and_still_finds_everything(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    source = write_briefing(tmp_path / "one.txt", 1)
    _version_2_database(path, source)
    expected = {p.id for p in load_briefing(source).paragraphs() if re.search(r"\bnegotiat", p.text, re.I)}
    with Library(path) as library:
        assert library.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        table = library.connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'paragraphs_fts'"
        ).fetchone()
        assert "prefix='1 2'" in table[0]
        found = {hit.paragraph_id for hit in search_library(library, "negotiat*").hits}
        assert expected and found == expected
        assert search_library(library, "n*").hits
        library.add_file(write_briefing(tmp_path / "two.txt", 2))  # the triggers feed the new table
        assert len({hit.briefing_id for hit in search_library(library, "negotiat*").hits}) == 2


def test_version_4_moves_the_models_out_of_the_briefings_rows_keeping_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    source = write_briefing(tmp_path / "now.txt", 3)
    earlier = write_briefing(tmp_path / "earlier.txt", 4)
    _version_2_database(path, source, read_version=earlier)
    with Library(path) as library:
        assert library.briefing(1) == load_briefing(source)
        assert library.read_version(1) == load_briefing(earlier)
        left = library.connection.execute("SELECT model, read_model FROM briefings").fetchone()
        assert left == ("", None)  # emptied, not kept twice
        library.mark_read(1)
        assert library.read_version(1) is None
        assert library.connection.execute("SELECT count(*) FROM models").fetchone()[0] == 1


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library(path):
        pass
    newer = sqlite3.connect(path)
    newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newer.close()
    with pytest.raises(LibraryError, match="newer briefing-tui"):
        Library(path)


def test_a_corrupt_database_is_one_clear_line_and_the_briefings_are_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    briefings = write_folder(tmp_path / "folder", 2)
    before = [file.read_bytes() for file in briefings]
    path.write_bytes(b"this is not a database at all, just some bytes " * 100)
    with pytest.raises(LibraryError) as raised, Library(path) as library:
        add_paths(library, [tmp_path / "folder"], lambda _: None, lambda _: None)
    message = str(raised.value)
    assert "\n" not in message
    assert str(path) in message
    assert "move it aside" in message
    assert [file.read_bytes() for file in briefings] == before


def test_the_command_line_reports_a_corrupt_database_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "library.sqlite3").write_bytes(b"\x00garbage" * 500)
    result = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "library", "list"],
        capture_output=True,
        text=True,
        env={**_child_env(), DATA_DIR_ENV: str(tmp_path)},
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "not a usable library database" in result.stderr
    assert "Traceback" not in result.stderr


_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from briefing_tui.library import Library
    from briefing_tui.library.files import file_digest
    from briefing_tui.load import load_briefing

    database, folder = Path(sys.argv[1]), Path(sys.argv[2])
    files = sorted(folder.glob("*.txt"))
    briefings = [(path, load_briefing(path), file_digest(path.read_bytes())) for path in files]
    with Library(database) as library:
        for round in range(1000):
            for path, briefing, digest in briefings:
                library.add(path, briefing, f"{digest}-{round}")
                print(f"stored {path.name} {round}", flush=True)
    """
)


def test_a_process_killed_during_writes_leaves_every_briefing_readable(tmp_path: Path) -> None:
    database = tmp_path / "library.sqlite3"
    folder = tmp_path / "folder"
    write_folder(folder, 6)
    # A long briefing makes each write long enough that the kill lands inside one.
    write_briefing(folder / "long.txt", 9, extra=" ".join(["The river commission met again."] * 4000))
    child = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(database), str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        env=_child_env(),
    )
    assert child.stdout is not None
    stored = {child.stdout.readline().split()[1] for _ in range(10)}
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with Library(database) as library:
        assert library.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        listed = {Path(row.path).name for row in library.briefings()}
        assert stored <= listed
        assert listed == {path.name for path in folder.glob("*.txt")}
        for row in library.briefings():
            paragraphs = library.briefing(row.id).paragraphs()
            indexed = library.connection.execute(
                "SELECT count(*) FROM paragraphs WHERE briefing_id = ?", (row.id,)
            ).fetchone()[0]
            assert indexed == len(paragraphs) == row.paragraphs
        # Raises when the full-text index disagrees with the paragraphs it indexes.
        library.connection.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('integrity-check')")


_ADDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from briefing_tui.library import Library
    with Library(Path(sys.argv[1])) as library:
        for path in sorted(Path(sys.argv[2]).glob("*.txt")):
            library.add_file(path)
    """
)


def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    database = tmp_path / "library.sqlite3"
    with Library(database):
        pass  # both children find the schema in place and race only on their adds
    folders = [tmp_path / "a", tmp_path / "b"]
    for index, folder in enumerate(folders):
        folder.mkdir()
        for number in range(8):
            (folder / f"{number}.txt").write_text(briefing_text(index * 100 + number), encoding="utf-8")
    children = [
        subprocess.Popen([sys.executable, "-c", _ADDER, str(database), str(folder)], env=_child_env())
        for folder in folders
    ]
    assert [child.wait(timeout=120) for child in children] == [0, 0]
    with Library(database) as library:
        assert library.count() == 16
        assert library.connection.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 16 * 4


def test_adding_a_folder_reports_unreadable_files_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    write_folder(folder, 3)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / ".hidden.txt").write_text(briefing_text(7), encoding="utf-8")
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    out: list[str] = []
    err: list[str] = []
    with _library(tmp_path) as library:
        code = add_paths(library, [folder], out.append, err.append)
        assert library.count() == 3
    assert code == 2
    assert out == ["3 added, 0 updated, 0 unchanged, 1 not readable\n"]
    assert len(err) == 1
    assert "empty.txt" in err[0]


def test_stored_models_are_json_of_the_briefing(tmp_path: Path) -> None:
    path = write_briefing(tmp_path / "one.txt", 4)
    with _library(tmp_path) as library:
        library.add_file(path)
        (model,) = library.connection.execute("SELECT json FROM models").fetchone()
    assert json.loads(model)["title"] == load_briefing(path).title
    assert model == load_briefing(path).model_dump_json().encode()


def test_citations_read_from_the_model_are_those_its_json_gives(tmp_path: Path) -> None:
    from briefing_tui.analysis import analyse
    from briefing_tui.library.store import _citation_rows

    briefing = analyse(load_briefing(write_briefing(tmp_path / "cited.txt", 3)))
    assert briefing.sources
    assert _citation_rows(7, briefing) == citation_rows(7, briefing.model_dump(mode="json"))


def test_a_model_written_a_section_at_a_time_is_its_json_and_reads_back_whatever_its_title(
    tmp_path: Path,
) -> None:
    from briefing_tui.library.model_json import json_chunks, layout

    briefing = load_briefing(write_briefing(tmp_path / "one.txt", 5))
    tricky = briefing.model_copy(update={"title": 'On "sections":[ and “quotes”', "outlet": '"sections":[]'})
    empty = briefing.model_copy(update={"sections": (), "questions": ()})
    for number, model in enumerate((briefing, tricky, empty)):
        whole = model.model_dump_json().encode()
        assert b"".join(json_chunks(model)) == whole
        parts = layout(model)
        assert parts.size == len(whole)
        assert [whole[start:end] for start, end in parts.sections] == [
            section.model_dump_json().encode() for section in model.sections
        ]
        with _library(tmp_path) as library:
            added = library.add(tmp_path / f"{number}.txt", model, "d1")
            assert library.briefing(added.briefing_id) == model


def test_a_model_no_longer_named_is_deleted_with_its_version(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    versions = [load_briefing(write_briefing(path, number)) for number in (1, 2, 3)]

    def models() -> int:
        return int(library.connection.execute("SELECT count(*) FROM models").fetchone()[0])

    with _library(tmp_path) as library:
        number = library.add(path, versions[0], "v1").briefing_id
        library.mark_read(number)
        library.add(path, versions[1], "v2")
        assert (models(), library.read_version(number)) == (2, versions[0])
        library.add(path, versions[2], "v3")  # not read since: the version last read stays v1
        assert (models(), library.read_version(number)) == (2, versions[0])
        assert library.briefing(number) == versions[2]
        library.mark_read(number)
        assert (models(), library.read_version(number)) == (1, None)
        library.connection.execute("DELETE FROM briefings")
        assert models() == 0


def test_storing_a_briefing_never_holds_its_whole_json(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(briefing_text(number) for number in range(60)), encoding="utf-8")
    briefing = load_briefing(path)
    size = len(briefing.model_dump_json().encode())
    assert len(briefing.sections) > 100
    with _library(tmp_path) as library:
        tracemalloc.start()
        try:
            library.add(path, briefing, "digest")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert library.briefing(1) == briefing
    # Written a section at a time: the Python side never holds the whole JSON (it held six times it).
    assert peak < size


def test_a_file_read_a_block_at_a_time_has_the_digest_of_its_bytes(tmp_path: Path) -> None:
    from briefing_tui.library.files import file_digest, path_digest

    path = tmp_path / "big.txt"
    path.write_bytes(briefing_text(1).encode() * 2000)  # several of hashlib's blocks
    assert path_digest(path) == file_digest(path.read_bytes())
    assert path_digest(path) != file_digest(path.read_bytes()[:-1])


def test_storing_a_briefing_serialises_each_section_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui.library import model_json

    briefing = load_briefing(write_briefing(tmp_path / "once.txt", 5))
    passes: list[int] = []
    pieces = model_json._pieces

    def counted(model: object) -> object:
        passes.append(1)
        return pieces(model)  # type: ignore[arg-type]

    monkeypatch.setattr(model_json, "_pieces", counted)
    with _library(tmp_path) as library:
        added = library.add(tmp_path / "once.txt", briefing, "d1")
        assert len(passes) == 1
        (stored,) = library.connection.execute("SELECT json FROM models").fetchone()
        assert stored == briefing.model_dump_json().encode()
        assert library.briefing(added.briefing_id) == briefing
