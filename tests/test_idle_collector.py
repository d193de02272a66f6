"""Full garbage collections wait for a pause in the input: none mid-typing, one once idle."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from briefing_tui.load import load_briefing
from briefing_tui.resources import seed_path
from briefing_tui.tui.app import create_app
from briefing_tui.tui.idle_collector import HOLD_S, IDLE_S, IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    """Python's thresholds as the test found them, put back whatever it does."""
    saved = gc.get_threshold()
    yield saved
    gc.set_threshold(*saved)


def due(collector: IdleCollector) -> None:
    """Make a full collection due, as a run of keystrokes' allocations would."""
    while gc.get_count()[2] < collector.due_after:
        gc.collect(1)


def test_python_never_starts_a_full_collection_itself_while_started(thresholds: tuple[int, int, int]) -> None:
    collector = IdleCollector()
    collector.start()
    young, middle, oldest = gc.get_threshold()
    assert (young, middle) == thresholds[:2]
    assert oldest > 1_000_000
    collector.stop()
    assert gc.get_threshold() == thresholds


def test_a_due_collection_waits_while_keys_keep_coming_then_runs_once_idle(
    thresholds: tuple[int, int, int],
) -> None:
    clock, runs = Clock(), []
    collector = IdleCollector(clock, lambda: runs.append(clock.now))
    collector.start()
    try:
        due(collector)
        for _ in range(10):  # a key every 200 ms: typing
            collector.input_arrived()
            clock.now += 0.2
            assert not collector.tick()
        clock.now += IDLE_S
        assert collector.tick()
        assert runs == [clock.now]
    finally:
        collector.stop()


def test_an_idle_reader_with_nothing_to_collect_is_left_alone(thresholds: tuple[int, int, int]) -> None:
    clock, runs = Clock(), []
    collector = IdleCollector(clock, lambda: runs.append(clock.now))
    collector.start()
    try:
        gc.collect()  # nothing promoted since
        clock.now += 10 * IDLE_S
        assert not collector.tick()
        assert runs == []
    finally:
        collector.stop()


def test_a_collector_held_off_by_a_loader_does_not_collect(thresholds: tuple[int, int, int]) -> None:
    clock, runs = Clock(), []
    collector = IdleCollector(clock, lambda: runs.append(clock.now))
    collector.start()
    gc.disable()
    try:
        due(collector)
        clock.now += 10 * IDLE_S
        assert not collector.tick()
    finally:
        gc.enable()
        collector.stop()
    assert runs == []


async def test_the_app_holds_full_collections_while_it_runs_and_gives_them_back(
    thresholds: tuple[int, int, int],
) -> None:
    app = create_app(load_briefing(seed_path()))
    async with app.run_test() as pilot:
        await pilot.press("j")
        assert gc.get_threshold()[2] > 1_000_000
    assert gc.get_threshold() == thresholds


def test_a_key_holds_every_collection_until_its_frame_then_lets_go(thresholds: tuple[int, int, int]) -> None:
    clock = Clock()
    collector = IdleCollector(clock)
    collector.start()
    try:
        collector.hold()
        young, middle, oldest = gc.get_threshold()
        assert young > 1_000_000 and middle == thresholds[1] and oldest > 1_000_000
        collector.release()
        assert gc.get_threshold()[:2] == thresholds[:2]
        assert not collector.held
    finally:
        collector.stop()
    assert gc.get_threshold() == thresholds


def test_a_hold_whose_frame_never_comes_is_let_go_at_a_check(thresholds: tuple[int, int, int]) -> None:
    clock = Clock()
    collector = IdleCollector(clock, lambda: None)
    collector.start()
    try:
        collector.hold()
        clock.now += HOLD_S / 2
        collector.tick()
        assert collector.held
        clock.now += HOLD_S
        collector.tick()
        assert not collector.held
        assert gc.get_threshold()[:2] == thresholds[:2]
    finally:
        collector.stop()


def test_holding_before_start_or_after_stop_changes_nothing(thresholds: tuple[int, int, int]) -> None:
    collector = IdleCollector()
    collector.hold()
    assert gc.get_threshold() == thresholds
    collector.start()
    collector.hold()
    collector.stop()
    assert gc.get_threshold() == thresholds
    collector.release()
    assert gc.get_threshold() == thresholds


async def test_a_key_in_the_app_is_let_go_once_painted(thresholds: tuple[int, int, int]) -> None:
    app = create_app(load_briefing(seed_path()))
    async with app.run_test() as pilot:
        await pilot.press("j", "slash", "w")
        await pilot.pause()
        assert not app._collector.held
        assert gc.get_threshold()[:2] == thresholds[:2]


async def test_a_reader_left_untouched_collects_once_its_panes_are_mounted(
    thresholds: tuple[int, int, int],
) -> None:
    # No key, no mouse: the checks start with the panes, not at the first input, so a reader
    # that only watches its analysis run still gets its full collections.
    app = create_app(load_briefing(seed_path()))
    runs: list[int] = []
    async with app.run_test() as pilot:
        collector = app._collector
        collector._collect = lambda: runs.append(gc.collect())
        due(collector)
        for _ in range(200):  # a bound, not a timing: the check comes every CHECK_S
            if runs:
                break
            await pilot.pause(0.05)
        assert collector.idle_since is None  # no input came
        assert runs and collector.collections == 1
