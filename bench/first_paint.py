"""Time to first paint, time to idle and peak memory of briefing-tui and its peers, in a real terminal.

Run (from the repository, with the project's virtual environment)::

    python bench/first_paint.py                       # every program, seed + 1MB + 10MB, 5 runs
    python bench/first_paint.py --sizes seed,1MB --programs briefing-tui,static,less --runs 3

Each run starts the program in a detached tmux session of 160x48 cells (status line off, a
tmux server of our own on a private socket) through ``peers/stamp_exec.py``, which writes the
monotonic clock and then ``exec``s the program: the clock starts as the program is exec'd,
tmux's and any shell's start-up are not counted. The screen is then read every few
milliseconds (``capture-pane -p`` through one tmux control-mode client, so polling costs no
process spawns) until a marker is on it:

* **first paint**: the first words of the document's first paragraph are on screen (for
  toolong, which opens at the end of a file, the last line of the file that occurs only once);
* **idle**: the moment the process's CPU time (``utime + stime`` in ``/proc/PID/stat``, all
  threads) stops increasing: at most one 10 ms tick in the next ``--quiet`` ms (300). For
  briefing-tui on a large file this is when the background analysis has finished;
* **peak RSS**: ``VmHWM`` from ``/proc/PID/status``, read just before the process is killed.

Runs alternate between programs (the order rotates every run). A run that shows no marker
within ``--timeout`` seconds counts as "> TIMEOUT" and that program is not run again at that
size; one slower than ``--slow`` seconds is repeated only ``--slow-runs`` times in all.
frogmouth 0.9.2 and toolong 1.5.0 pin old Textual releases, so each is installed with pip
into its own virtual environment under ``bench/.cache/venvs/`` on first use; one that cannot
be installed is reported as unavailable. Every program gets fresh, empty XDG and
briefing-tui state directories, so no saved position or history changes what it shows.

Prints Markdown tables (medians, min–max) and the targets met or missed, and writes
``bench/results/first_paint-<date>.json`` and ``.md``. Exits non-zero only on a crash of
the benchmark itself, never on a missed target.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from _common import (
    BENCH_DIR,
    CACHE_DIR,
    REPO_DIR,
    SEED_SIZE,
    command_line,
    document,
    first_paragraph_marker,
    fmt_seconds,
    machine_info,
    report_header,
    size_label,
    spread,
    write_results,
)

WIDTH, HEIGHT = 160, 48
STAMP_EXEC = BENCH_DIR / "peers" / "stamp_exec.py"
VENVS_DIR = CACHE_DIR / "venvs"
CLK_TCK = os.sysconf("SC_CLK_TCK")
NS = 1_000_000_000


@dataclass(frozen=True, slots=True)
class Program:
    """One program under test and how to start it on a document."""

    name: str
    fmt: str
    """The document format it is given: ``txt`` or ``md``."""
    marker: str
    """``first`` (first paragraph on screen) or ``last`` (last screen, for toolong)."""
    about: str
    argv: Callable[[Path], list[str]] | None
    """The command for a document; None when the program is unavailable."""
    unavailable: str = ""


@dataclass(frozen=True, slots=True)
class PipPeer:
    """A peer installed from PyPI into its own virtual environment."""

    requirement: str
    executable: str


PIP_PEERS = {
    "frogmouth": PipPeer("frogmouth==0.9.2", "frogmouth"),
    "toolong": PipPeer("toolong==1.5.0", "tl"),
}
PROGRAM_NAMES = ("briefing-tui", "static", "textarea", "markdown-viewer", "frogmouth", "toolong", "less")


@dataclass(slots=True)
class Run:
    """What one run of one program on one document measured."""

    program: str
    size: str
    run: int
    status: str
    """``ok``, ``timeout`` (no marker in time) or ``error`` (the program exited or failed)."""
    paint_s: float | None = None
    idle_s: float | None = None
    peak_rss_mb: float | None = None
    cpu_s: float | None = None
    """CPU time used up to the end of the run (idle, or the timeout)."""
    paint_cpu_s: float | None = None
    """CPU time (all threads, 10 ms ticks) when the marker was seen: what the first paint cost
    the machine, which a loaded machine inflates far less than the wall-clock time."""
    detail: str = ""


@dataclass(slots=True)
class Settings:
    """The options of this invocation."""

    sizes: list[str]
    programs: list[str]
    runs: int
    timeout: float
    slow: float
    slow_runs: int
    poll_ms: float
    quiet_ms: float
    markers: dict[str, str] = field(default_factory=dict)


# --- the programs ------------------------------------------------------------------------


def install_pip_peer(name: str, peer: PipPeer) -> tuple[Path | None, str]:
    """The peer's executable in ``bench/.cache/venvs/<name>``, installing it there if needed."""
    venv = VENVS_DIR / name
    executable = venv / "bin" / peer.executable
    marker = venv / ".installed"
    if executable.exists() and marker.exists() and marker.read_text().strip() == peer.requirement:
        return executable, ""
    print(f"installing {peer.requirement} into {venv} ...", file=sys.stderr, flush=True)
    shutil.rmtree(venv, ignore_errors=True)
    log = VENVS_DIR / f"{name}.log"
    VENVS_DIR.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        steps = [
            [sys.executable, "-m", "venv", str(venv)],
            [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", peer.requirement],
        ]
        for step in steps:
            if subprocess.run(step, stdout=out, stderr=subprocess.STDOUT, check=False).returncode != 0:
                tail = log.read_text(errors="replace").strip().splitlines()[-1:] or ["(no output)"]
                return None, f"pip install {peer.requirement} failed: {tail[0]} (see {log})"
    if not executable.exists():
        return None, f"{peer.requirement} installed no {peer.executable} executable"
    marker.write_text(peer.requirement + "\n")
    return executable, ""


def make_programs(names: Sequence[str]) -> list[Program]:
    """The programs to run, in the order asked, peers installed as needed."""
    python = sys.executable
    # Always this checkout's code (``PYTHONPATH`` is set to its ``src/`` in `run_once`), never
    # whatever an installed ``briefing-tui`` script points at.
    ours_argv = [python, "-m", "briefing_tui"]
    peers = BENCH_DIR / "peers"
    programs: list[Program] = []
    for name in names:
        if name == "briefing-tui":
            programs.append(Program(name, "txt", "first", "ours", lambda doc: [*ours_argv, str(doc)]))
        elif name == "static":
            argv = [python, str(peers / "static_app.py")]
            programs.append(Program(name, "txt", "first", "minimal Textual app (`Static`)", _with(argv)))
        elif name == "textarea":
            argv = [python, str(peers / "textarea_app.py")]
            programs.append(Program(name, "txt", "first", "Textual `TextArea`, read-only", _with(argv)))
        elif name == "markdown-viewer":
            argv = [python, str(peers / "markdown_app.py")]
            programs.append(Program(name, "md", "first", "Textual `MarkdownViewer` + TOC", _with(argv)))
        elif name in PIP_PEERS:
            peer = PIP_PEERS[name]
            executable, why = install_pip_peer(name, peer)
            fmt, marker = ("md", "first") if name == "frogmouth" else ("txt", "last")
            argv_of = None if executable is None else _with([str(executable)])
            programs.append(Program(name, fmt, marker, peer.requirement.replace("==", " "), argv_of, why))
        elif name == "less":
            less = shutil.which("less")
            why = "" if less else "less is not installed"
            programs.append(
                Program(name, "txt", "first", "less", None if less is None else _with([less]), why)
            )
        else:
            raise SystemExit(f"unknown program {name!r}; choose from {', '.join(PROGRAM_NAMES)}")
    return programs


def _with(prefix: list[str]) -> Callable[[Path], list[str]]:
    return lambda doc: [*prefix, str(doc)]


def last_unique_line(path: Path, width: int = 40) -> str:
    """The start of the last line that occurs once in ``path``: on the last screen only."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    counts = collections.Counter(lines)
    for line in reversed(lines):
        if line and counts[line] == 1:
            return line[:width].rstrip()
    raise ValueError(f"{path} has no line that occurs only once")


# --- tmux ----------------------------------------------------------------------------


class Tmux:
    """A private tmux server, and one control-mode client to read panes without spawning."""

    def __init__(self) -> None:
        if shutil.which("tmux") is None:
            raise SystemExit("tmux is not installed (apt-get install tmux)")
        self.socket = f"briefing-bench-{os.getpid()}"
        self._cli(
            "-f", "/dev/null", "new-session", "-d", "-s", "base", "-x", "80", "-y", "24", "cat",
            ";", "set", "-g", "status", "off",
            ";", "set", "-g", "remain-on-exit", "on",
            ";", "set", "-g", "history-limit", "0",
        )  # fmt: skip
        self._control = subprocess.Popen(
            ["tmux", "-L", self.socket, "-C", "attach-session", "-t", "base"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._sync()
        self._socket_path = self.command("display-message", "-p", "#{socket_path}").strip()

    def _cli(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def command(self, *words: str) -> str:
        """Run a tmux command through the control client; its output."""
        stdin = self._control.stdin
        assert stdin is not None
        stdin.write((" ".join(map(_tmux_quote, words)) + "\n").encode())
        stdin.flush()
        ok, text = self._reply()
        if not ok:
            raise RuntimeError(f"tmux {' '.join(words)}: {text.strip()}")
        return text

    def _reply(self) -> tuple[bool, str]:
        """The next reply to one of our commands: whether it succeeded, its text.

        A reply is a ``%begin`` ... ``%end`` (or ``%error``) block whose flags are 1; blocks
        with flags 0 answer commands that tmux ran by itself, and are skipped.
        """
        stdout = self._control.stdout
        assert stdout is not None
        lines: list[bytes] = []
        inside = False
        while True:
            line = stdout.readline()
            if not line:
                raise RuntimeError("the tmux control client went away")
            if not inside:
                inside = line.startswith(b"%begin") and line.split()[-1] == b"1"
                continue
            if line.startswith((b"%end", b"%error")):
                return line.startswith(b"%end"), b"".join(lines).decode("utf-8", errors="replace")
            lines.append(line)

    def _sync(self) -> None:
        """Skip every reply before this one (attaching prints one of its own)."""
        token = f"sync-{os.getpid()}"
        stdin = self._control.stdin
        assert stdin is not None
        stdin.write(f"display-message -p {token}\n".encode())
        stdin.flush()
        while self._reply()[1].strip() != token:
            pass

    def start(self, name: str, argv: Sequence[str], env: dict[str, str]) -> None:
        """A detached session ``name`` of WIDTHxHEIGHT running ``argv`` (exec'd, no shell)."""
        env_args = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
        self._cli(
            "new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), *env_args, "--", *argv
        )
        size = self.command("display-message", "-p", "-t", name, "#{pane_width}x#{pane_height}").strip()
        if size != f"{WIDTH}x{HEIGHT}":
            raise RuntimeError(f"tmux pane is {size}, not {WIDTH}x{HEIGHT}")

    def capture(self, name: str) -> str:
        """The text on the pane's screen now."""
        return self.command("capture-pane", "-p", "-t", name)

    def kill(self, name: str) -> None:
        """End session ``name`` (gone already is fine)."""
        subprocess.run(
            ["tmux", "-L", self.socket, "kill-session", "-t", name], capture_output=True, check=False
        )

    def close(self) -> None:
        """Stop the control client and this private server."""
        if self._control.stdin is not None:
            self._control.stdin.close()
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)
        self._control.wait(timeout=10)
        if self._socket_path:
            Path(self._socket_path).unlink(missing_ok=True)  # tmux leaves its socket file behind


def _tmux_quote(word: str) -> str:
    """``word`` as one word of tmux's command language (where ``#`` starts a comment)."""
    if word and all(char.isalnum() or char in "-_./:=" for char in word):
        return word
    if "'" in word:
        raise ValueError(f"cannot quote {word!r} for tmux")
    return f"'{word}'"


# --- /proc ---------------------------------------------------------------------------


def cpu_ticks(pid: int) -> int | None:
    """User plus system CPU time of the whole process in clock ticks; None once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    if fields[0] in ("Z", "X"):
        return None
    return int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15 of stat(5)


def peak_rss_mb(pid: int) -> float | None:
    """``VmHWM`` of the process in MiB, or None once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def wait_for_stamp(stamp: Path, timeout: float) -> tuple[int, int]:
    """The process id and start time (monotonic ns) that ``stamp_exec.py`` wrote."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if stamp.exists():
            pid, started = stamp.read_text().split()
            return int(pid), int(started)
        time.sleep(0.001)
    raise RuntimeError(f"the wrapper never wrote {stamp}")


# --- one run -------------------------------------------------------------------------


def run_once(tmux: Tmux, program: Program, doc: Path, *, marker: str, settings: Settings, number: int) -> Run:
    """Start ``program`` on ``doc``, wait for the marker and for idle, read its peak memory, kill it."""
    assert program.argv is not None
    result = Run(program.name, "", number, "ok")
    name = f"run{number}-{program.name}"
    with tempfile.TemporaryDirectory(prefix="first-paint-") as scratch:
        home = Path(scratch)
        stamp = home / "stamp"
        env = {
            "BRIEFING_TUI_STATE_DIR": str(home / "briefing-tui"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "LESS": "",
            "LESSHISTFILE": "-",
            "PYTHONPATH": str(REPO_DIR / "src"),
            # Bytecode cached as an installed package has it, in a cache of the benchmark's own
            # (a machine-wide PYTHONDONTWRITEBYTECODE would make every run compile our modules).
            "PYTHONDONTWRITEBYTECODE": "",
            "PYTHONPYCACHEPREFIX": str(CACHE_DIR / "pycache"),
        }
        argv = [sys.executable, "-I", "-S", str(STAMP_EXEC), str(stamp), *program.argv(doc)]
        tmux.start(name, argv, env)
        pid = -1
        try:
            pid, started = wait_for_stamp(stamp, 10)
            _watch(tmux, name, pid, started=started, marker=marker, settings=settings, result=result)
            result.peak_rss_mb = peak_rss_mb(pid)
        finally:
            if pid > 0 and cpu_ticks(pid) is not None:
                os.kill(pid, signal.SIGKILL)
            tmux.kill(name)
    return result


def _watch(
    tmux: Tmux, name: str, pid: int, *, started: int, marker: str, settings: Settings, result: Run
) -> None:
    deadline = started + int(settings.timeout * NS)
    quiet = int(settings.quiet_ms * 1e6)
    samples: collections.deque[tuple[int, int]] = collections.deque()
    painted: int | None = None
    while True:
        ticks = cpu_ticks(pid)
        now = time.monotonic_ns()
        if ticks is None:
            screen = tmux.capture(name).strip().splitlines()
            result.status = "error"
            result.detail = "exited: " + " / ".join(screen[-3:])[:300]
            return
        result.cpu_s = ticks / CLK_TCK
        if painted is None:
            if marker in tmux.capture(name):
                painted = time.monotonic_ns()
                result.paint_s = (painted - started) / NS
                result.paint_cpu_s = ticks / CLK_TCK
            elif now > deadline:
                result.status = "timeout"
                return
            time.sleep(settings.poll_ms / 1000)
            continue
        samples.append((now, ticks))
        # Idle: the earliest sample after which CPU time grows by at most a tick for `quiet` ns.
        while len(samples) > 1 and samples[-1][0] - samples[0][0] >= quiet:
            if samples[-1][1] - samples[0][1] <= 1:
                result.idle_s = (max(samples[0][0], painted) - started) / NS
                return
            samples.popleft()
        if now > deadline:
            result.detail = "never idle before the timeout"
            return
        time.sleep(0.01)


# --- the whole benchmark -------------------------------------------------------------


def run_all(programs: list[Program], settings: Settings) -> list[Run]:
    """Every size, every run, the programs in rotating order; prints progress on stderr."""
    runs: list[Run] = []
    tmux = Tmux()
    try:
        counter = 0
        # One untimed run of each program first, so that every timed run finds its bytecode cached.
        for program in programs:
            if program.argv is not None:
                doc = document(settings.sizes[0], program.fmt)
                marker = settings.markers[f"{settings.sizes[0]}:{program.name}"]
                run_once(tmux, program, doc, marker=marker, settings=settings, number=0)
        for size in settings.sizes:
            active = [program for program in programs if program.argv is not None]
            done: dict[str, int] = dict.fromkeys((program.name for program in active), 0)
            limit: dict[str, int] = dict.fromkeys(done, settings.runs)
            for round_ in range(settings.runs):
                shift = round_ % len(active) if active else 0
                for program in active[shift:] + active[:shift]:
                    if done[program.name] >= limit[program.name]:
                        continue
                    doc = document(size, program.fmt)
                    marker = settings.markers[f"{size}:{program.name}"]
                    counter += 1
                    result = run_once(tmux, program, doc, marker=marker, settings=settings, number=counter)
                    result.size = size
                    result.run = round_ + 1
                    runs.append(result)
                    done[program.name] += 1
                    if result.status == "timeout":
                        limit[program.name] = 0
                    elif result.status == "ok" and (result.paint_s or 0) >= settings.slow:
                        limit[program.name] = min(limit[program.name], settings.slow_runs)
                    print(_progress(result), file=sys.stderr, flush=True)
    finally:
        tmux.close()
    return runs


def _progress(run: Run) -> str:
    paint = "-" if run.paint_s is None else f"{run.paint_s:.3f}s"
    idle = "-" if run.idle_s is None else f"{run.idle_s:.3f}s"
    rss = "-" if run.peak_rss_mb is None else f"{run.peak_rss_mb:.0f}MB"
    return (
        f"{run.size:>5} run {run.run} {run.program:<16} {run.status:<7} paint {paint:>9} idle {idle:>9} "
        f"rss {rss:>7} {run.detail}"
    )


# --- reporting -----------------------------------------------------------------------


def summarise(programs: list[Program], runs: list[Run], settings: Settings) -> dict[str, Any]:
    """Per program and size: runs, medians and ranges of paint, idle and peak RSS."""
    summary: dict[str, Any] = {}
    for program in programs:
        by_size: dict[str, Any] = {}
        for size in settings.sizes:
            mine = [run for run in runs if run.program == program.name and run.size == size]
            if program.argv is None:
                by_size[size] = {"status": "unavailable", "detail": program.unavailable}
                continue
            ok = [run for run in mine if run.status == "ok"]
            status = "ok" if ok else ("timeout" if any(r.status == "timeout" for r in mine) else "error")
            by_size[size] = {
                "status": status,
                "runs": len(mine),
                "ok_runs": len(ok),
                "paint_s": spread(run.paint_s for run in ok if run.paint_s is not None),
                "paint_cpu_s": spread(run.paint_cpu_s for run in ok if run.paint_cpu_s is not None),
                "idle_s": spread(run.idle_s for run in ok if run.idle_s is not None),
                "peak_rss_mb": spread(run.peak_rss_mb for run in mine if run.peak_rss_mb is not None),
                "detail": "; ".join(sorted({run.detail for run in mine if run.detail})),
            }
        summary[program.name] = by_size
    return summary


def _cell(entry: dict[str, Any], key: str, settings: Settings, unit: str = "s") -> str:
    if entry["status"] == "unavailable":
        return "unavailable"
    if entry["status"] == "timeout" and key != "peak_rss_mb":
        return f"> {settings.timeout:g} s"
    value = entry.get(key)
    if value is None:
        return "error" if entry["status"] == "error" else "n/a"
    median, low, high = value
    show = fmt_seconds if unit == "s" else (lambda v: f"{v:.0f}")
    low_text, high_text = show(low), show(high)
    text = show(median) if low_text == high_text else f"{show(median)} ({low_text}–{high_text})"
    if entry["ok_runs"] < entry["runs"] or entry["runs"] < settings.runs:
        text += f" n={entry['ok_runs']}"
    return text


def tables(programs: list[Program], summary: dict[str, Any], settings: Settings) -> str:
    """The three Markdown tables: first paint, idle, peak RSS."""
    head = "| program | document | " + " | ".join(settings.sizes) + " |\n"
    rule = "|---|---|" + "---:|" * len(settings.sizes) + "\n"
    parts: list[str] = []
    for title, key, unit in (
        ("First paint, seconds: median (min–max)", "paint_s", "s"),
        ("CPU time at first paint (all threads), seconds", "paint_cpu_s", "s"),
        ("Idle (CPU quiet: background work done), seconds", "idle_s", "s"),
        ("Peak RSS (VmHWM), MiB", "peak_rss_mb", "MiB"),
    ):
        body = "".join(
            f"| {program.name} ({program.about}) | .{program.fmt}"
            + (" (last screen)" if program.marker == "last" else "")
            + " | "
            + " | ".join(_cell(summary[program.name][size], key, settings, unit) for size in settings.sizes)
            + " |\n"
            for program in programs
        )
        parts.append(f"**{title}**\n\n{head}{rule}{body}")
    unavailable = [f"- {p.name}: {p.unavailable}" for p in programs if p.argv is None]
    if unavailable:
        parts.append("Unavailable:\n" + "\n".join(unavailable) + "\n")
    return "\n".join(parts)


def _median(summary: dict[str, Any], program: str, size: str, key: str) -> float | None:
    entry = summary.get(program, {}).get(size)
    if entry is None or entry.get(key) is None:
        return None
    value: float = entry[key][0]
    return value


def targets(summary: dict[str, Any], settings: Settings) -> list[dict[str, Any]]:
    """The issue's targets, each met, missed or not measured, with the numbers."""
    checks: list[dict[str, Any]] = []

    def check(name: str, size: str, ours: float | None, bound: float | None, basis: str) -> None:
        if size not in settings.sizes or ours is None or bound is None:
            entry = summary.get("briefing-tui", {}).get(size, {})
            verdict = "missed" if entry.get("status") == "timeout" else "not measured"
            checks.append({"target": name, "verdict": verdict, "ours": ours, "bound": bound, "basis": basis})
            return
        verdict = "met" if ours <= bound else "missed"
        checks.append({"target": name, "verdict": verdict, "ours": ours, "bound": bound, "basis": basis})

    static = _median(summary, "static", SEED_SIZE, "paint_s")
    check(
        "seed first paint ≤ 1.3x the minimal Textual app",
        SEED_SIZE,
        _median(summary, "briefing-tui", SEED_SIZE, "paint_s"),
        None if static is None else 1.3 * static,
        "" if static is None else f"static: {static:.3g} s",
    )
    static_cpu = _median(summary, "static", SEED_SIZE, "paint_cpu_s")
    check(
        "seed CPU time at first paint ≤ 1.3x the minimal Textual app's",
        SEED_SIZE,
        _median(summary, "briefing-tui", SEED_SIZE, "paint_cpu_s"),
        None if static_cpu is None else 1.3 * static_cpu,
        "" if static_cpu is None else f"static: {static_cpu:.3g} s",
    )
    textarea = _median(summary, "textarea", "1MB", "paint_s")
    check(
        "1 MB first paint ≤ the TextArea app's",
        "1MB",
        _median(summary, "briefing-tui", "1MB", "paint_s"),
        textarea,
        "" if textarea is None else f"textarea: {textarea:.3g} s",
    )
    toolong = _median(summary, "toolong", "10MB", "paint_s")
    check(
        "10 MB first paint ≤ toolong's",
        "10MB",
        _median(summary, "briefing-tui", "10MB", "paint_s"),
        toolong,
        "" if toolong is None else f"toolong: {toolong:.3g} s (its last screen)",
    )
    check(
        "10 MB idle (analysis done) within 5 s",
        "10MB",
        _median(summary, "briefing-tui", "10MB", "idle_s"),
        5.0,
        "",
    )
    check(
        "10 MB peak RSS < 300 MB",
        "10MB",
        _median(summary, "briefing-tui", "10MB", "peak_rss_mb"),
        300 * 1e6 / 2**20,
        "300 MB = 286 MiB",
    )
    return checks


def targets_text(checks: list[dict[str, Any]]) -> str:
    """The targets as a Markdown list."""
    lines = []
    for entry in checks:
        numbers = ""
        if entry["ours"] is not None and entry["bound"] is not None:
            numbers = f": ours {entry['ours']:.3g}, bound {entry['bound']:.3g}"
        basis = f" ({entry['basis']})" if entry["basis"] else ""
        lines.append(f"- **{entry['verdict']}** — {entry['target']}{numbers}{basis}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options, run everything, print and save the results."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="seed,1MB,10MB", help="comma-separated: seed and/or corpus sizes")
    parser.add_argument(
        "--programs", default=",".join(PROGRAM_NAMES), help="comma-separated, from: %(default)s"
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per program and size (default 5)")
    parser.add_argument("--timeout", type=float, default=180, help="seconds before a run counts as too slow")
    parser.add_argument("--slow", type=float, default=30, help="a run slower than this many seconds ...")
    parser.add_argument(
        "--slow-runs", type=int, default=2, help="... is repeated only this many times in all"
    )
    parser.add_argument("--poll-ms", type=float, default=5, help="screen polling interval")
    parser.add_argument("--quiet-ms", type=float, default=300, help="CPU-quiet window that counts as idle")
    parser.add_argument("--no-save", action="store_true", help="print only; write nothing to bench/results/")
    parser.add_argument("--suffix", default="", help="results go to first_paint-<date>-<suffix>.json/.md")
    options = parser.parse_args(argv)
    settings = Settings(
        sizes=[size_label(size.strip()) for size in options.sizes.split(",") if size.strip()],
        programs=[name.strip() for name in options.programs.split(",") if name.strip()],
        runs=options.runs,
        timeout=options.timeout,
        slow=options.slow,
        slow_runs=options.slow_runs,
        poll_ms=options.poll_ms,
        quiet_ms=options.quiet_ms,
    )
    programs = make_programs(settings.programs)
    first = first_paragraph_marker()
    documents: dict[str, dict[str, Any]] = {}
    for size in settings.sizes:
        for program in programs:
            doc = document(size, program.fmt)
            documents.setdefault(size, {})[program.fmt] = {"path": str(doc), "bytes": doc.stat().st_size}
            settings.markers[f"{size}:{program.name}"] = (
                first if program.marker == "first" else last_unique_line(doc)
            )
    info = machine_info()
    command = command_line(None if argv is None else [sys.argv[0], *argv])
    header = report_header(
        "First paint",
        info,
        command,
        f"tmux {WIDTH}x{HEIGHT}, TERM inside tmux as tmux sets it; {settings.runs} runs per cell unless n= "
        f"says otherwise (timeout {settings.timeout:g} s; runs slower than {settings.slow:g} s repeated "
        f"{settings.slow_runs}x); clock from exec to marker on screen "
        f"(polled every {settings.poll_ms:g} ms).",
        f"Marker: `{first}` (first paragraph); toolong: last line of the file that occurs once.",
    )
    print(header, flush=True)
    runs = run_all(programs, settings)
    summary = summarise(programs, runs, settings)
    checks = targets(summary, settings)
    markdown = f"{header}\n{tables(programs, summary, settings)}\n**Targets**\n\n{targets_text(checks)}"
    print(tables(programs, summary, settings))
    print("**Targets**\n\n" + targets_text(checks))
    if not options.no_save:
        payload = {
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "machine": info,
            "command": command,
            "settings": asdict(settings),
            "terminal": {"width": WIDTH, "height": HEIGHT},
            "documents": documents,
            "summary": summary,
            "targets": checks,
            "runs": [asdict(run) for run in runs],
        }
        json_path, md_path = write_results("first_paint", payload, markdown, options.suffix)
        print(f"wrote {json_path} and {md_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
