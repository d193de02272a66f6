"""Open a briefing of the library in a reader pushed over the library's screens."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from briefing_tui.errors import BriefingError
from briefing_tui.model import Briefing
from briefing_tui.safe_text import visible
from briefing_tui.tui.reader import ReaderScreen
from briefing_tui.tui.reader_library import Place
from briefing_tui.tui.reader_options import ReaderOptions

__all__ = ["LibraryReader", "open_in_reader"]


class LibraryReader(ReaderScreen):
    """A reader opened from the library: Backspace, or Escape with nothing to clear, goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *ReaderScreen.BINDINGS,
        Binding("backspace", "back", "Library", id="app.back"),
    ]

    def action_back(self) -> None:
        """Return to the library."""
        self.dismiss()

    def action_clear(self) -> None:
        """Let go of the source or search; with neither, return to the library."""
        if self._source_id is None and self._search is None:
            self.dismiss()
        else:
            super().action_clear()


def open_in_reader(screen: Screen[None], path: Path, place: Place | None = None) -> None:
    """Read ``path`` in the background, then push a reader for it at ``place``."""

    def load() -> None:
        from briefing_tui.load import load_for_reading

        try:
            briefing, analysed = load_for_reading(path)
        except BriefingError as error:
            screen.app.call_from_thread(_cannot_open, screen, str(error))
            return
        screen.app.call_from_thread(_push, screen, briefing, analysed, path, place)

    screen.run_worker(load, thread=True, group="open", exclusive=True)


def _cannot_open(screen: Screen[None], message: str) -> None:
    screen.app.notify(visible(message), title="Cannot open", severity="error", timeout=8, markup=False)


def _push(screen: Screen[None], briefing: Briefing, analysed: bool, path: Path, place: Place | None) -> None:
    app = screen.app
    # A search hit opens as `briefing-tui +/PATTERN --at ID` would: at its paragraph, the match lit.
    hit = place if place is not None and place.search is not None else None
    options = ReaderOptions(
        analysed=analysed,
        path=path,
        store=getattr(app, "store", None),
        keymap=getattr(app, "keymap", None),
        search=None if hit is None else hit.search,
        at=None if hit is None else hit.paragraph_id,
    )
    reader = LibraryReader(briefing, options)
    reader.library.place = None if hit is not None else place
    app.push_screen(reader)
