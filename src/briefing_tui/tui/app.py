"""The app: a shell that holds the screens: the reader (`ReaderScreen`) and the library's."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer

from briefing_tui.errors import EXIT_ERROR, BriefingError
from briefing_tui.ingest.plain import Preview
from briefing_tui.safe_text import visible
from briefing_tui.state import StateStore
from briefing_tui.tui.idle_collector import CHECK_S, IdleCollector
from briefing_tui.tui.reader import ReaderScreen
from briefing_tui.tui.reader_options import ReaderOptions

if TYPE_CHECKING:
    from briefing_tui.model import Briefing

__all__ = ["BriefingApp", "LibraryStart", "ReaderOptions", "create_app", "create_library_app"]


class BriefingApp(App[None]):
    """Open one briefing in a `ReaderScreen`, or the library; keys that work on every screen live here."""

    TITLE = "briefing-tui"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        # Textual's own palette key, plus one that a browser lets through (it prints on Ctrl+P).
        Binding(
            "ctrl+p,alt+p",
            "command_palette",
            "palette",
            show=False,
            priority=True,
            tooltip="Open the command palette",
            id="app.command_palette",
        ),
    ]

    def __init__(
        self,
        briefing: Briefing | Preview | None,
        options: ReaderOptions | None = None,
        *,
        library: LibraryStart | None = None,
    ) -> None:
        super().__init__()
        options = options or ReaderOptions()
        self.keymap = dict(options.keymap or {})
        """Keys by binding id, overriding the defaults (see the help screen for the ids)."""
        self.store = options.store
        """Where reading positions are kept, for every reader this app opens."""
        if self.keymap:
            self.set_keymap(self.keymap)
        self.failure: BriefingError | None = None
        """Why the briefing could not be read after all, if the reader had to stop for it."""
        self._collector = IdleCollector()  # full garbage collections between keystrokes, not in them
        self._idle_checks: Timer | None = None
        self._first: Screen[None]
        if briefing is None:
            # The library is the start screen: it imports SQLite, so only when asked for.
            from briefing_tui.tui.library_screen import LibraryScreen

            start = library or LibraryStart()
            self._first = LibraryScreen(folder=start.folder, database=start.database)
        else:
            self._first = ReaderScreen(briefing, options)
            self.title = visible((briefing.shown if isinstance(briefing, Preview) else briefing).title)

    @property
    def reader(self) -> ReaderScreen:
        """The reader on top of the screen stack (the first one opened, when none is on top)."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReaderScreen):
                return screen
        if not isinstance(self._first, ReaderScreen):
            raise LookupError("no reader is open")
        return self._first

    def on_mount(self) -> None:
        self._collector.start()

    def on_reader_screen_failed(self, message: ReaderScreen.Failed) -> None:
        # Said once the terminal is restored, as the command line says any other bad file.
        self.failure = message.failure
        self.exit(return_code=EXIT_ERROR)

    def on_unmount(self) -> None:
        self._collector.stop()

    def on_reader_screen_panes_mounted(self, event: ReaderScreen.PanesMounted) -> None:
        # Not from mount: the first frames and the panes' mounting come first. From here, a
        # reader left untouched while its analysis runs still gets its full collections.
        self._start_idle_checks()

    def _start_idle_checks(self) -> None:
        if self._idle_checks is None:
            self._idle_checks = self.set_interval(CHECK_S, self._collector.tick)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._start_idle_checks()  # a screen without panes (the library) starts them here
            self._collector.input_arrived()
        if isinstance(event, events.Key):
            # No collection between the key and its frame: one runs just after the paint.
            self._collector.hold()
        if isinstance(event, events.Key) and isinstance(screen := self.screen, ReaderScreen):
            # A reader mounts its side panes just after its first frame: a key pressed
            # before that waits for them (a few milliseconds) instead of missing them.
            await screen.wait_for_panes()
        await super().on_event(event)
        if isinstance(event, events.Key):
            self.screen.call_after_refresh(self._collector.release)

    def get_default_screen(self) -> Screen[None]:
        # The reader is the bottom screen, so the first frame is already the briefing.
        return self._first

    def inform(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
    ) -> None:
        """Notify, treating ``message`` as data: no markup, no control characters."""
        self.notify(visible(message), title=title, severity=severity, timeout=timeout, markup=False)

    def get_key_display(self, binding: Binding) -> str:
        # Keys can be remapped in the settings file, so their names are data like any other.
        return visible(super().get_key_display(binding))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:  # type: ignore[type-arg]
        from briefing_tui.tui.screenshot import save_screenshot  # only once the palette opens

        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":
                # Textual's own says only "Failed to save screenshot" when it fails.
                yield SystemCommand(command.title, command.help, partial(save_screenshot, self))
            else:
                yield command
        if isinstance(screen, ReaderScreen):
            yield SystemCommand(
                "Go to section…", "Jump to a section by its heading", screen.action_go_to_section
            )
            yield SystemCommand(
                "Go to source…", "Select a source and jump to where it is cited", screen.action_go_to_source
            )


@dataclass(frozen=True, slots=True)
class LibraryStart:
    """How to start on the library screen."""

    folder: Path | None = None
    """Show (and first add) the briefings of this folder; None for the whole library."""
    database: Path | None = None
    """The library database; None for the default one."""


def create_app(briefing: Briefing | Preview, options: ReaderOptions | None = None) -> BriefingApp:
    """The reader for ``briefing``, opened as ``options`` say (by default: analysed, nothing remembered).

    A `Preview` is drawn as plain blocks first, its model built just after the first frame.
    """
    return BriefingApp(briefing, options)


def create_library_app(
    library: LibraryStart | None = None,
    *,
    store: StateStore | None = None,
    keymap: Mapping[str, str] | None = None,
) -> BriefingApp:
    """The app starting on the library screen."""
    return BriefingApp(None, ReaderOptions(store=store, keymap=keymap), library=library)
