"""A monkey at the keyboard: thousands of random keys, texts, resizes and palette uses, and nothing breaks.

The keys are the reader's real bindings (every pane's, the search bar's, the help
screen's), plus random text, terminal resizes and the command palette, over the bundled
briefing and a hostile one. The run uses a fixed seed, so a failure replays exactly, and
stops after `STEPS` steps or `TIME_LIMIT` seconds, whichever comes first. It fails on any
exception, on any step that takes longer than `STEP_LIMIT` seconds, and on any control
character drawn on the screen.
"""

from __future__ import annotations

import random
import time

import pytest
from textual.binding import Binding, BindingType
from textual.pilot import Pilot

from briefing_tui.load import load_briefing
from briefing_tui.model import Briefing
from briefing_tui.resources import seed_path
from briefing_tui.safe_text import UNSAFE
from briefing_tui.tui.app import BriefingApp, create_app
from briefing_tui.tui.help_screen import HelpScreen
from briefing_tui.tui.outline import Outline
from briefing_tui.tui.reader import ReaderScreen
from briefing_tui.tui.search_bar import SearchBar
from briefing_tui.tui.sources_pane import SourceList
from briefing_tui.tui.text_view import BriefingText

STEPS = 3_000
TIME_LIMIT = 25.0
"""Seconds per briefing; on a slow, shared machine the run ends here, with fewer steps."""
STEP_LIMIT = 2.0
"""The most processor time one step (a key or a resize) may take, in seconds.

Processor time of the whole process (every thread), not wall time: the suite may share a
machine with other work, and a step that holds up the reader works for as long as it does.
"""
HANG_LIMIT = 15.0
"""The most wall time one step may take: past it the reader is waiting on something, hung."""
MIN_STEPS = 100
"""Fewer steps than this in the time allowed is itself a failure: the reader is too slow."""
SIZES = [(80, 24), (200, 50), (120, 40), (40, 12), (100, 30), (20, 8)]
NEVER = {"q", "ctrl+q", "ctrl+c"}  # quitting would end the run, not test anything (TEXT has no q)
TEXT = "abcdefghijklmnoprstuvwxyz ABCXYZ 0123456789 .*+?()[]{}|^$\\ éü—“”"


def binding_keys(groups: list[list[BindingType]]) -> list[str]:
    keys: set[str] = set()
    for bindings in groups:
        for binding in Binding.make_bindings(bindings):
            keys.update(key.strip() for key in binding.key.split(","))
    return sorted(keys - NEVER)


KEYS = binding_keys(
    [
        ReaderScreen.BINDINGS,
        BriefingText.BINDINGS,
        Outline.BINDINGS,
        SourceList.BINDINGS,
        SearchBar.BINDINGS,
        HelpScreen.BINDINGS,
    ]
)


def hostile() -> Briefing:
    from test_hostile_pty import hostile_briefing

    return hostile_briefing()


def screen_text(app: BriefingApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "".join(segment.text for strip in strips for segment in strip if not segment.control)


def plan(rng: random.Random) -> list[str | tuple[int, int]]:
    """The next few things to do: keys to press, or a terminal size to resize to."""
    roll = rng.random()
    if roll < 0.70:
        return [rng.choice(KEYS)]
    if roll < 0.85:
        return [rng.choice(TEXT) for _ in range(rng.randint(1, 8))]
    if roll < 0.92:
        return [rng.choice(SIZES)]
    command = rng.choice(["Go to section", "Go to source", "Keys"])
    ending = rng.choice(["enter", "escape", "down"])
    return ["ctrl+p", *command, "enter", *rng.choice(["a", "the", "zz", "", "e"]), ending]


async def act(pilot: Pilot[None], action: str | tuple[int, int]) -> None:
    if isinstance(action, tuple):
        await pilot.resize_terminal(*action)
    else:
        await pilot.press(action)


@pytest.mark.parametrize("which", ["seed", "hostile"])
async def test_the_monkey_breaks_nothing(which: str) -> None:
    briefing = load_briefing(seed_path()) if which == "seed" else hostile()
    rng = random.Random(20261201)
    app = create_app(briefing)
    history: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        # The first frame (layout of the whole briefing) is not a step: wait it out.
        await pilot.pause()
        await pilot.press("j")
        began = time.monotonic()
        queue: list[str | tuple[int, int]] = []
        for number in range(STEPS):
            if time.monotonic() - began > TIME_LIMIT:
                break
            if not queue:
                queue = plan(rng)
            action = queue.pop(0)
            what = f"resize {action}" if isinstance(action, tuple) else f"key {action!r}"
            start, start_cpu = time.monotonic(), time.process_time()
            await act(pilot, action)
            took, took_cpu = time.monotonic() - start, time.process_time() - start_cpu
            history.append(what)
            where = f"step {number} ({what}); last steps {history[-8:]}"
            assert took_cpu < STEP_LIMIT, f"{where} worked for {took_cpu:.2f} s"
            assert took < HANG_LIMIT, f"{where} hung for {took:.2f} s"
            assert app.is_running, f"the app stopped at step {number} ({what})"
            if number % 10 == 0:
                drawn = set(screen_text(app)) & UNSAFE
                assert not drawn, f"control characters {drawn!r} on screen after {history[-8:]}"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not set(screen_text(app)) & UNSAFE
    # run_test re-raises what went wrong inside the app; reaching here means nothing did.
    assert len(history) >= MIN_STEPS, f"only {len(history)} steps in {TIME_LIMIT} s"
