"""How the reader looks, at fixed terminal sizes. Update with `pytest --snapshot-update` after a
deliberate change of look, and check the new SVGs in `tests/__snapshots__/` by eye."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from briefing_tui.load import load_briefing
from briefing_tui.model import Briefing
from briefing_tui.resources import seed_path
from briefing_tui.tui.app import BriefingApp, create_app

Compare = Callable[..., bool]


@pytest.fixture
def seed_app() -> BriefingApp:
    return create_app(load_briefing(seed_path()))


def test_main_screen_wide(snap_compare: Compare, seed_app: BriefingApp) -> None:
    assert snap_compare(seed_app, terminal_size=(120, 40))


def test_main_screen_narrow(snap_compare: Compare, seed_app: BriefingApp) -> None:
    assert snap_compare(seed_app, terminal_size=(80, 24))


def test_narrow_with_the_outline_shown(snap_compare: Compare, seed_app: BriefingApp) -> None:
    assert snap_compare(seed_app, terminal_size=(80, 24), press=["o"])


def test_help_screen(snap_compare: Compare, seed_app: BriefingApp) -> None:
    assert snap_compare(seed_app, terminal_size=(120, 40), press=["question_mark"])


def test_selected_source(snap_compare: Compare, seed_app: BriefingApp) -> None:
    briefing: Briefing = seed_app.reader.briefing
    source_id = next(s.id for s in briefing.sources if s.name.lower() == "senior u.s. officials")

    async def select(pilot: Pilot[None]) -> None:
        await pilot.pause()  # laid out first, so the jump to the first citation can land
        seed_app.reader.select_source(source_id)
        await pilot.pause()

    assert snap_compare(seed_app, terminal_size=(120, 40), run_before=select)


def test_search_in_progress(snap_compare: Compare, seed_app: BriefingApp) -> None:
    assert snap_compare(seed_app, terminal_size=(120, 40), press=["slash", *"Witkoff"])


def test_main_screen_very_wide(snap_compare: Compare, seed_app: BriefingApp) -> None:
    assert snap_compare(seed_app, terminal_size=(200, 50))


def test_status_line_after_a_search_and_n(snap_compare: Compare, seed_app: BriefingApp) -> None:
    assert snap_compare(seed_app, terminal_size=(120, 40), press=["slash", *"hamas", "enter", "n"])


def test_status_line_while_walking_a_source_at_80_columns(
    snap_compare: Compare, seed_app: BriefingApp
) -> None:
    async def walk(pilot: Pilot[None]) -> None:
        await pilot.pause()
        seed_app.reader.select_source("senior-u-s-officials")
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(seed_app, terminal_size=(80, 24), run_before=walk)


def test_help_screen_at_80_columns(snap_compare: Compare, seed_app: BriefingApp) -> None:
    assert snap_compare(seed_app, terminal_size=(80, 24), press=["question_mark", "G"])
