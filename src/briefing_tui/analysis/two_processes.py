"""The paragraphs of a large briefing read by two processes, meeting in the middle.

Each paragraph's sources and kind scores depend on its own text alone (`paragraph_pass`), so
from `PARALLEL_FROM` characters the paragraphs are cut into chunks: this process reads them
from the first on, a second process from the last back, and they stop where they meet. This
process never waits for the other: between its chunks it takes what the other has sent, so
a second process slowed by a busy machine (or one that failed) only leaves more chunks to
this one, and the results are the same as one process gives.

The second process is a fresh interpreter (never a ``fork``: the app has threads, which a
fork copies in a broken state) started as a plain command rather than by `multiprocessing`,
whose ``spawn`` re-imports the caller's main script in the child (an unguarded script would
run again there). Its work and its results travel as pickles over its standard input and
output. It ignores Ctrl-C, which is this process's to handle, and it is ended before
`read_all` returns, by an error or an interrupt too. It is used only with two cores or more,
on POSIX systems (it reads the child's pipe without blocking).

Starting it costs about 0.3 s of its own time (a fresh interpreter importing the analysis),
during which this process reads on alone: below a few megabytes it would save little.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from briefing_tui.analysis.kind_model import Vector, shipped_model
from briefing_tui.analysis.mentions import Mention
from briefing_tui.analysis.paragraph_pass import ParagraphRead, ParagraphWork, read_paragraphs

__all__ = ["CHUNK", "PARALLEL_FROM", "read_all", "serve"]

PARALLEL_FROM = 2 * 1024**2
"""Characters of paragraph text from which a second process takes part."""
CHUNK = 100
"""Paragraphs in a chunk: a few tens of milliseconds of work, so the two meet closely."""

_Sent = list[tuple[list[Mention], Vector, list[str]]]
"""A chunk's reads as the second process sends them, the features by name (the weights are
this process's own, so they need not travel)."""

_LENGTH = 8
"""Bytes of the length before each pickled chunk the second process sends."""

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
"""The folder holding this ``briefing_tui``: the second process runs this very code."""

# The child reads its whole input before importing the analysis, so the parent's write
# does not wait for the child's imports.
_CHILD = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); data = sys.stdin.buffer.read(); "
    f"sys.path.insert(0, {_PACKAGE_ROOT!r}); "
    "from briefing_tui.analysis.two_processes import serve; serve(data, sys.stdout.buffer)"
)


def read_all(
    work: Sequence[ParagraphWork],
    outlets: frozenset[str],
    *,
    parallel: bool = True,
    meanwhile: Callable[[], object] = lambda: None,
) -> list[ParagraphRead]:
    """`read_paragraphs` of every paragraph of ``work``, by two processes when it is large.

    With two, ``meanwhile`` is called once the second process has its work: what is done
    there is shared out between the two (the second reads more chunks), where the same work
    after `read_all` returns would be this process's alone."""
    total = sum(len(text) for text, _, _ in work)
    alone = (os.cpu_count() or 1) < 2 or os.name != "posix" or not sys.executable  # (an embedded interpreter)
    if not parallel or total < PARALLEL_FROM or alone:
        return read_paragraphs(work, outlets)
    chunks = [(start, min(start + CHUNK, len(work))) for start in range(0, len(work), CHUNK)]
    try:
        child = subprocess.Popen(
            # -P: "-c" would put the current folder first on the child's path, where a stray
            # pickle.py or typing.py of the user's would be imported in place of the stdlib's.
            [sys.executable, "-P", "-c", _CHILD],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return read_paragraphs(work, outlets)
    writer: threading.Thread | None = None
    try:
        writer = _send(child, (list(work), outlets, chunks))
        return _meeting(work, outlets, chunks, child, meanwhile)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        if writer is not None:
            writer.join()  # its write has ended: the child took it all, or died and broke the pipe
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()


def _meeting(
    work: Sequence[ParagraphWork],
    outlets: frozenset[str],
    chunks: list[tuple[int, int]],
    child: subprocess.Popen[bytes],
    meanwhile: Callable[[], object],
) -> list[ParagraphRead]:
    """Read chunks from the first on while the child reads from the last back, until they meet."""
    assert child.stdout is not None  # a pipe
    meanwhile()
    frames = _Frames(child.stdout)
    model = shipped_model()
    done: dict[int, list[ParagraphRead]] = {}
    front, back = 0, len(chunks)  # chunks [back, len(chunks)) came from the child
    while front < back:
        for index, sent in frames.ready():
            done[index] = [
                (mentions, scores, model.features_named(names)) for mentions, scores, names in sent
            ]
            back = min(back, index)  # the child sends its chunks from the last down, one by one
        if front < back:
            start, end = chunks[front]
            done[front] = read_paragraphs(work[start:end], outlets)
            front += 1
    return [read for index in range(len(chunks)) for read in done[index]]


def _send(child: subprocess.Popen[bytes], value: object) -> threading.Thread:
    """Start writing the pickled ``value`` to the child's input, and close it, from a thread.

    The child reads nothing until its interpreter has started (some 50 ms), and a pipe holds
    far less than a large briefing: written here, this process would wait for it. The thread
    writes it in one call, which holds no lock meanwhile, so this process reads on at once."""
    assert child.stdin is not None  # a pipe
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    writer = threading.Thread(target=_write, args=(child.stdin, data), name="analysis-work", daemon=True)
    writer.start()
    return writer


def _write(stream: IO[bytes], data: bytes) -> None:
    left = memoryview(data)
    try:
        while left:  # on a blocking pipe one write takes it all, unless a signal cuts it short
            left = left[os.write(stream.fileno(), left) :]
    except OSError:
        pass  # it died already: nothing will come back, and every chunk is read here
    with contextlib.suppress(OSError):
        stream.close()


class _Frames:
    """The chunks the child has sent so far, taken without waiting for more."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._fd = stream.fileno()
        os.set_blocking(self._fd, False)
        with contextlib.suppress(
            ImportError, AttributeError, OSError
        ):  # a larger pipe: the child seldom waits
            import fcntl  # Linux's F_SETPIPE_SZ; elsewhere the pipe keeps its size

            fcntl.fcntl(self._fd, fcntl.F_SETPIPE_SZ, 1 << 20)
        self._buffer = bytearray()
        self._ended = False

    def ready(self) -> Iterator[tuple[int, _Sent]]:
        """Each chunk received whole since the last call: its index and its reads."""
        while not self._ended:
            try:
                data = os.read(self._fd, 1 << 20)
            except BlockingIOError:
                break
            except OSError:
                data = b""
            if not data:
                self._ended = True  # it finished or died: what it sent whole still counts
            self._buffer += data
        while len(self._buffer) >= _LENGTH:
            size = int.from_bytes(self._buffer[:_LENGTH], "big")
            if len(self._buffer) < _LENGTH + size:
                break
            frame = bytes(self._buffer[_LENGTH : _LENGTH + size])
            del self._buffer[: _LENGTH + size]
            try:
                yield pickle.loads(frame)
            except (pickle.UnpicklingError, EOFError, ValueError):
                self._ended = True
                self._buffer.clear()
                return


def serve(data: bytes, out: IO[bytes]) -> None:
    """In the second process: read the chunks of the pickled work in ``data`` from the last one
    back, writing each chunk's reads to ``out`` as it is done, until the parent ends it."""
    # As `analyse` does: the reads make no reference cycles, and the collector would re-scan
    # the growing heap for nothing.
    gc.disable()
    work, outlets, chunks = pickle.loads(data)
    for index in range(len(chunks) - 1, -1, -1):
        start, end = chunks[index]
        sent = [
            (mentions, scores, [name for name, _ in matched])
            for mentions, scores, matched in read_paragraphs(work[start:end], outlets)
        ]
        frame = io.BytesIO()
        pickler = pickle.Pickler(frame, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = _MENTION_BY_FIELDS
        pickler.dump((index, sent))
        out.write(len(frame.getbuffer()).to_bytes(_LENGTH, "big") + frame.getvalue())
        out.flush()


def _mention_fields(mention: Mention) -> tuple[Callable[..., object], tuple[object, ...]]:
    return Mention, (
        mention.start,
        mention.end,
        mention.name,
        mention.kind,
        mention.description,
        mention.pronoun,
        mention.antecedent,
    )


_MENTION_BY_FIELDS: dict[type, Callable[[Any], tuple[Callable[..., object], tuple[object, ...]]]] = {
    Mention: _mention_fields
}
"""A mention pickled as the call that makes it: a frozen dataclass's own way back, field by
field through `dataclasses.fields`, costs the parent about three times as much to unpickle."""
