"""Start the clock, then become the program: ``stamp_exec.py STAMP_FILE PROGRAM [ARG...]``.

``first_paint.py`` runs this inside tmux. It writes its process id and the monotonic clock
(``CLOCK_MONOTONIC``, in nanoseconds, the clock ``time.monotonic_ns`` reads in every process)
to ``STAMP_FILE``, then replaces itself with ``PROGRAM`` by ``execvp``: same process id, and
the clock has started the moment before the program's own start-up. Neither tmux's nor this
wrapper's interpreter start-up is counted. Run it with ``python -I -S`` to keep it short.
"""

from __future__ import annotations

import os
import sys
import time


def main() -> None:
    """Write ``<pid> <monotonic ns>`` and exec the program."""
    if len(sys.argv) < 3:
        sys.exit("usage: stamp_exec.py STAMP_FILE PROGRAM [ARG...]")
    stamp, argv = sys.argv[1], sys.argv[2:]
    partial = f"{stamp}.partial"
    with open(partial, "w", encoding="ascii") as out:
        out.write(f"{os.getpid()} {time.monotonic_ns()}\n")
    os.replace(partial, stamp)  # the reader never sees half a line
    os.execvp(argv[0], argv)


if __name__ == "__main__":
    main()
