"""What a reader does with the library: remember the briefing, watch its file, mark what changed.

After the first frame (so opening a file never waits for SQLite) the briefing is added to
the library and compared with the version last read there; a briefing analysed in the
background is stored once, when its analysis arrives (or fails), not also as read: at 10 MB
storing it while the analysis runs raised the peak and slowed the analysis. Closed before
then, it is stored the next time it is opened. While it is open its file is watched, as
``less +F`` and toolong do, by a timer comparing its modification time and size; a new
version replaces the old one at the same paragraph, with new and changed paragraphs marked
and `c` stepping through them. The diff itself is the core's (`briefing_tui.diff`); this
module only schedules the work and shows the result.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.anchors import anchors, resolve
from briefing_tui.errors import BriefingError
from briefing_tui.tui.stepper import Stepper
from briefing_tui.units import paragraph_units

if TYPE_CHECKING:
    from textual.timer import Timer

    from briefing_tui.diff import BriefingDiff
    from briefing_tui.model import Briefing
    from briefing_tui.tui.reader import ReaderScreen

__all__ = ["NEIGHBOURS", "WATCH_INTERVAL", "Place", "ReaderLibrary"]

WATCH_INTERVAL = 1.0
"""Seconds between two looks at the open file's modification time and size."""
NEIGHBOURS = 3
"""How many paragraphs either side help find the reading position again after an edit."""
_REMEMBERING = "store the briefing in the library"


@dataclass(frozen=True, slots=True)
class Place:
    """Where a reader opens: at a paragraph (a search hit), or at a source's citations."""

    paragraph_id: str | None = None
    """The paragraph to open at."""
    offset: int = 0
    """A character offset inside it (the match)."""
    source_id: str | None = None
    """A source to select, stepping through its citations with n."""
    search: str | None = None
    """A regular expression to search from the paragraph: its first match there is current."""


class ReaderLibrary:
    """The library side of one `ReaderScreen`: remembering, watching and marking changes."""

    def __init__(self, screen: ReaderScreen, path: Path | None) -> None:
        self.screen = screen
        self.path = path
        """The briefing's file; None when it was not read from one."""
        self.place: Place | None = None
        """Where to open, set by whoever pushes the reader (the library screen)."""
        self.diff: BriefingDiff | None = None
        """What changed, the last time the briefing changed; None until it does."""
        self._stamp: tuple[int, int] | None = None
        self._timer: Timer | None = None
        self._remembered = False
        self._units: list[int] = []
        self._step = Stepper()

    # --- opening ---------------------------------------------------------------------

    def start(self) -> None:
        """Go to `place`, then remember the briefing in the library and watch its file."""
        if self.place is not None:
            self._go_to_place(self.place)
        if self.path is None:
            return
        self._stamp = _stamp(self.path)
        # Kept: Textual holds timers weakly, and a collected timer stops watching.
        self._timer = self.screen.set_interval(WATCH_INTERVAL, self.check)
        if self.screen.analysed:
            self._run_remembering(announce=True)

    def _go_to_place(self, place: Place) -> None:
        if place.source_id is not None:
            self.screen.select_source(place.source_id)
            return
        ids = [paragraph.id for paragraph in self.screen.briefing.paragraphs()]
        if place.paragraph_id in ids:
            unit = paragraph_units(self.screen.briefing)[ids.index(place.paragraph_id)]
            self.screen.text_view.go_to_unit(unit, place.offset, context=2)

    def _run_remembering(self, *, announce: bool) -> None:
        self._remembered = True
        # The briefing and whether it is analysed are read together, here on the app's thread.
        work = partial(self._remember, self.screen.briefing, self.screen.analysed, announce=announce)
        # Described: Textual's default description is repr(work), the repr of the whole briefing
        # (at 10 MB, 7 s of CPU and a string of over 100 MiB).
        self.screen.run_worker(work, thread=True, group="library", description=_REMEMBERING)

    def _remember(self, briefing: Briefing, analysed: bool, *, announce: bool) -> None:
        """Add the briefing to the library; with ``announce``, show what changed since it was last read.

        Runs in a thread.
        """
        from briefing_tui.diff import diff_briefings

        try:
            from briefing_tui.library import Library, LibraryError
            from briefing_tui.library.files import path_digest
        except ImportError:
            return  # a Python built without sqlite3: the reader works, without a library
        assert self.path is not None
        try:
            digest = path_digest(self.path)
            with Library() as library:
                added = library.add(self.path, briefing, digest, analysed=analysed)
                earlier = library.read_version(added.briefing_id)
                library.mark_read(added.briefing_id)
        except LibraryError as error:
            self.screen.app.call_from_thread(self._warn, str(error))
            return
        except OSError:
            return  # the file went away after it was read: nothing to remember
        if earlier is not None and announce:
            diff = diff_briefings(earlier, briefing)
            if not diff.empty:
                self.screen.app.call_from_thread(self.show_diff, diff, "Changed since you last read it")

    def analysis_arrived(self) -> None:
        """The briefing has just been analysed (or its analysis failed): store it in the library.

        What changed since it was last read is shown now, unless a store already showed it
        (a new version of the file arrived first).
        """
        if self.path is not None and self._stamp is not None:
            self._run_remembering(announce=not self._remembered)

    def _warn(self, message: str) -> None:
        self.screen.inform(message, title="Library not available", severity="warning", timeout=10)

    # --- watching --------------------------------------------------------------------

    def check(self) -> None:
        """Look at the file; when it changed, read the new version in the background."""
        if self.path is None:
            return
        stamp = _stamp(self.path)
        if stamp is None or stamp == self._stamp:
            return
        self._stamp = stamp
        self.screen.run_worker(self._reload, thread=True, group="reload", exclusive=True)

    def _reload(self) -> None:
        from briefing_tui.diff import diff_briefings
        from briefing_tui.load import load_briefing

        assert self.path is not None
        try:
            new = load_briefing(self.path)
        except BriefingError as error:
            message = f"The file changed but cannot be read now: {error}"
            self.screen.app.call_from_thread(self.screen.inform, message, severity="warning", timeout=8)
            return
        diff = diff_briefings(self.screen.briefing, new)
        if not diff.empty:
            self.screen.app.call_from_thread(self._arrived, new, diff)

    def _arrived(self, new: Briefing, diff: BriefingDiff) -> None:
        self.screen.call_later(self._show_version, new, diff)

    async def _show_version(self, new: Briefing, diff: BriefingDiff) -> None:
        unit = self._same_place(self.screen.briefing, new)
        await self.screen.show_version(new, unit)
        self.show_diff(diff, "The file changed")
        if self.path is not None:
            # The library keeps the new version; it is being read now, so nothing to announce later.
            self._run_remembering(announce=False)

    def _same_place(self, old: Briefing, new: Briefing) -> int | None:
        """The unit of ``new`` where the reader of ``old`` was: the same paragraph, or a neighbour."""
        view = self.screen.text_view
        if not 0 <= view.cursor_unit < len(view.units):
            return None
        old_units = paragraph_units(old)
        here = next((i for i, unit in enumerate(old_units) if unit >= view.cursor_unit), None)
        if here is None:
            return None
        old_anchors = anchors(old.paragraphs())
        wanted = [old_anchors[here]]
        for distance in range(1, NEIGHBOURS + 1):
            near = (here - distance, here + distance)
            wanted.extend(old_anchors[i] for i in near if 0 <= i < len(old_anchors))
        index = {anchor: i for i, anchor in enumerate(anchors(new.paragraphs()))}
        position = resolve(wanted, index)
        return None if position is None else paragraph_units(new)[position]

    # --- showing changes -------------------------------------------------------------

    def show_diff(self, diff: BriefingDiff, title: str) -> None:
        """Mark ``diff``'s new and changed paragraphs and sources, and say what changed."""
        self.diff = diff
        marks = diff.marks()
        view = self.screen.text_view
        set_changes = getattr(view, "set_changes", None)
        if set_changes is not None:
            set_changes(marks)
        ids = [paragraph.id for paragraph in self.screen.briefing.paragraphs()]
        units = paragraph_units(self.screen.briefing)
        self._units = [units[i] for i, paragraph_id in enumerate(ids) if paragraph_id in marks]
        self._step.set_count(len(self._units))
        self._step.index = -1
        self.screen.flag_new_sources({source.id for source in diff.new_sources})
        hint = "c steps through the changes, C lists them." if self._units else "C lists the changes."
        self.screen.inform(f"{diff.summary()}. {hint}", title=title, timeout=8)

    @property
    def change_units(self) -> list[int]:
        """The units of the new and changed paragraphs, in reading order."""
        return list(self._units)

    def step(self) -> None:
        """Go to the next new or changed paragraph after the reader, wrapping at the end."""
        if not self._units:
            self.screen.inform("No changes to step through.", timeout=3)
            return
        here = self.screen.text_view.cursor_unit
        later = [i for i, unit in enumerate(self._units) if unit > here]
        wrapped = not later
        self._step.index = later[0] if later else 0
        self.screen.text_view.go_to_unit(self._units[self._step.index], context=2)
        if wrapped and len(self._units) > 1:
            self.screen.inform("Last change: continuing at the first.", timeout=2)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size
