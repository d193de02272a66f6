"""Shared test settings: no test touches the real state, settings or library; fuzzing has no deadline."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from briefing_tui.config import CONFIG_DIR_ENV
from briefing_tui.library.location import DATA_DIR_ENV
from briefing_tui.state import STATE_DIR_ENV

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
