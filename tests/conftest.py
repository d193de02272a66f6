"""Shared test settings: no test touches the real state, settings or library; fuzzing has no deadline;
a pilot starts on the reader as a user first sees it, whole."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from textual.pilot import Pilot

from briefing_tui.config import CONFIG_DIR_ENV
from briefing_tui.library.location import DATA_DIR_ENV
from briefing_tui.state import STATE_DIR_ENV
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.reader import ReaderScreen

# Two shared cores make timings noisy; speed is measured in bench/, never asserted here.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")


@pytest.fixture(autouse=True)
def _isolated_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv(STATE_DIR_ENV, str(state))
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return state


@pytest.fixture(autouse=True)
def _pilot_on_the_whole_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """``BriefingApp.run_test`` hands over its pilot once the reader is whole.

    The reader mounts its side panes, search bar and footer just after its first frame; a
    user sees them at once, so a test starts where the user does. (The app itself only holds
    the keys pressed before then.)
    """
    run_test = BriefingApp.run_test

    @asynccontextmanager
    async def whole(self: BriefingApp, *args: Any, **kwargs: Any) -> AsyncIterator[Pilot[None]]:
        async with run_test(self, *args, **kwargs) as pilot:
            if isinstance(screen := self.screen, ReaderScreen):
                await screen.wait_for_panes()
            yield pilot

    monkeypatch.setattr(BriefingApp, "run_test", whole)
