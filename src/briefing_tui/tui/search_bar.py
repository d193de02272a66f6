"""Provides the search bar: a one-line query prompt at the bottom, as ``/`` opens in less."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Protocol

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from briefing_tui.safe_text import visible

__all__ = ["HISTORY_LIMIT", "SearchBar", "Searcher"]

HISTORY_LIMIT = 100
"""How many submitted queries the bar remembers."""

# The case rule cycles smart → match case → ignore case, as ctrl+t presses go.
_CASE_CYCLE: dict[bool | None, bool | None] = {None: True, True: False, False: None}
_CASE_LABELS: dict[bool | None, str] = {None: "smart", True: "Aa", False: "aa"}
_CASE_TOOLTIPS: dict[bool | None, str] = {
    None: "Smart case: match case only when the query has a capital (ctrl+t or alt+c)",
    True: "Match case (ctrl+t or alt+c)",
    False: "Ignore case (ctrl+t or alt+c)",
}


class Searcher(Protocol):
    """Whoever searches for the bar's query: called in the same turn as the keystroke."""

    def __call__(self, query: str, *, regex: bool, case_sensitive: bool | None) -> None:
        """Search for ``query`` (a regular expression if ``regex``; None is smart case)."""
        ...


class _QueryInput(Input):
    """Textual's `Input`, without a layout of the whole screen at every keystroke."""

    def _watch_value(self, value: str) -> None:
        # Input's watcher sets its virtual size, which lays out the whole screen when it
        # changes, and it changes with every character typed: for a one-line input of a
        # fixed width that is most of a keystroke's frame. Set it first, quietly, so that
        # the watcher's own setting changes nothing (the input repaints for its value).
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)


class _QueryMessage(Message):
    """What `SearchBar.Changed` and `SearchBar.Submitted` carry: the query and its modes."""

    def __init__(self, search_bar: SearchBar, query: str, regex: bool, case_sensitive: bool | None) -> None:
        self.search_bar = search_bar
        """The bar that posted the message."""
        self.query = query
        """The query as it stands."""
        self.regex = regex
        """Whether the query is a regular expression."""
        self.case_sensitive = case_sensitive
        """None for smart case, True to match case, False to ignore it."""
        super().__init__()

    @property
    def control(self) -> SearchBar:
        """Alias for `search_bar`."""
        return self.search_bar


class SearchBar(Widget):
    """A query prompt that says what the user wants found and never looks at the text itself.

    It posts `SearchBar.Changed` on every keystroke and mode toggle, `SearchBar.Submitted`
    on Enter and `SearchBar.Cancelled` on Escape; whoever owns the text searches it and
    reports back through `show_result`. Hidden until `open` is called.

    Given a `Searcher`, the bar calls it instead of posting `Changed`, in the same turn as
    the keystroke that changed the query: a message would reach the owner only after the
    input's echo had been painted, and the result would take a second frame.

    The bar is one line laid out in flow, not docked: Textual stacks widgets docked to the
    same edge on top of each other, so a docked bar composed next to a `Footer` would sit
    hidden behind it. Compose it after the main content (a ``height: 1fr`` pane) and before
    the footer, and it shows just above the footer, taking a line from the pane while open.
    Inside a pane of its own, ``SearchBar { dock: bottom; }`` pins it to that pane's foot.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+r,alt+r", "toggle_regex", "Regex", tooltip="Toggle regular expressions", id="search.regex"
        ),
        Binding(
            "ctrl+t,alt+c",
            "cycle_case",
            "Case",
            tooltip="Cycle smart case, match case, ignore case",
            id="search.case",
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Close and clear the highlights", id="search.cancel"),
        Binding("up", "history_previous", "Previous query", show=False, id="search.history_previous"),
        Binding("down", "history_next", "Next query", show=False, id="search.history_next"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ctrl+r, alt+r | Toggle regular-expression mode. |
    | ctrl+t, alt+c | Cycle the case rule: smart, match case, ignore case. |
    | escape | Close the bar and clear the highlights. |
    | up | Recall the previous submitted query. |
    | down | Recall the next submitted query, then what was being typed. |
    """

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        layout: horizontal;
        display: none;
        background: $panel;
        color: $foreground;

        & > #search-prompt {
            width: auto;
            padding: 0 0 0 1;
            color: $text-accent;
            text-style: bold;
        }
        & > Input, & > Input:focus {
            width: 1fr;
            height: 1;
            border: none;
            padding: 0 1;
            background: $panel;
        }
        & > #search-count {
            /* Fixed, so a new count repaints one cell run instead of laying out the screen. */
            width: 18;
            content-align-horizontal: right;
            padding: 0 1;
            color: $text-muted;
            text-wrap: nowrap;
            text-overflow: ellipsis;
            &.-error {
                width: auto;
                max-width: 75%;
                color: $text-error;
                background: $error-muted;
                text-style: bold;
            }
        }
        & > .search--mode {
            width: auto;
            padding: 0 1;
            color: $text-disabled;
            &.-on {
                color: $text-accent;
                background: $accent-muted;
                text-style: bold;
            }
        }
    }
    """

    regex: reactive[bool] = reactive(False, init=False)
    """Whether the query is a regular expression rather than literal text."""
    case_sensitive: reactive[bool | None] = reactive[bool | None](None, init=False)
    """The case rule: None for smart case, True to match case, False to ignore it."""

    class Changed(_QueryMessage):
        """Posted when the query or a mode changes: search again, incrementally.

        Handle with ``on_search_bar_changed``.
        """

    class Submitted(_QueryMessage):
        """Posted on Enter: the search is settled; the bar has closed, highlights stay.

        Handle with ``on_search_bar_submitted``.
        """

    class Cancelled(Message):
        """Posted on Escape: the bar has closed; clear the highlights.

        Handle with ``on_search_bar_cancelled``.
        """

        def __init__(self, search_bar: SearchBar) -> None:
            self.search_bar = search_bar
            """The bar that was cancelled."""
            super().__init__()

        @property
        def control(self) -> SearchBar:
            """Alias for `search_bar`."""
            return self.search_bar

    def __init__(
        self,
        history: Iterable[str] = (),
        *,
        searcher: Searcher | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Initialise the bar with earlier queries, oldest first (e.g. from saved state), and
        whoever searches for its query (else it posts `Changed`)."""
        super().__init__(name=name, id=id, classes=classes)
        self._searcher = searcher
        self._history: list[str] = []
        for query in history:
            # Saved queries come from the state file: recalled into the input, they are shown.
            self._remember(visible(query))
        self._browsing: int | None = None  # index into the history while Up/Down recall
        self._draft = ""  # what was typed before recalling began

    def compose(self) -> ComposeResult:
        yield Static("/", id="search-prompt")
        yield _QueryInput(placeholder="Search", compact=True, id="search-input")
        yield Static(id="search-count")
        yield Static(Content(".*"), id="search-regex", classes="search--mode")
        yield Static(Content(_CASE_LABELS[self.case_sensitive]), id="search-case", classes="search--mode")

    def on_mount(self) -> None:
        # A watcher runs in the same turn as the keystroke; `Input.Changed` arrives a hop later.
        self.watch(self.input, "value", self._value_changed, init=False)
        self.query_one("#search-regex", Static).tooltip = "Regular expression (ctrl+r)"
        self._show_regex(self.regex)
        self._show_case(self.case_sensitive)

    # --- public API ----------------------------------------------------------------------

    @property
    def input(self) -> Input:
        """The query input."""
        return self.query_one("#search-input", Input)

    @property
    def query_text(self) -> str:
        """The query as it stands in the input."""
        return self.input.value

    @property
    def history(self) -> list[str]:
        """Submitted queries, oldest first, at most `HISTORY_LIMIT` (a copy, to save)."""
        return list(self._history)

    @property
    def is_open(self) -> bool:
        """Whether the bar is showing."""
        return self.display

    def open(self, initial: str = "") -> None:
        """Show the bar with ``initial`` in the input, focus it, and post `Changed` for it."""
        self._browsing = None
        self._clear_count()
        self.display = True
        field = self.input
        if field.value == initial:
            # Setting the same value posts nothing, yet the owner needs a result to show.
            self._post_changed(initial)
        field.value = initial
        field.cursor_position = len(initial)
        # At once, not after the queued keys as `focus()` would: "/source" typed quickly
        # must land in the bar, not run the keys' bindings ("s" toggles the sources pane).
        self.screen.set_focus(field)

    def close(self) -> None:
        """Hide the bar; the owner decides where focus goes next."""
        self._browsing = None
        self.display = False

    def show_result(self, current: int | None, total: int, error: str | None = None) -> None:
        """Show where the search stands: ``3/17``, ``17 matches``, ``no matches`` or an error.

        ``current`` is the 1-based number of the match being shown, or None when no match is
        current. An ``error`` (a malformed regular expression) takes precedence and is styled
        as one. With an empty query the counter is blank.
        """
        count = self.query_one("#search-count", Static)
        resized = count.has_class("-error") != (error is not None)
        count.set_class(error is not None, "-error")
        text = _count_text(current, total, error, has_query=bool(self.input.value))
        count.update(Content(visible(text)), layout=resized)  # an error may quote the query

    def show_searching(self) -> None:
        """Say that a slow search is running; `show_result` replaces it when it ends."""
        count = self.query_one("#search-count", Static)
        resized = count.has_class("-error")
        count.remove_class("-error")
        count.update(Content("searching…"), layout=resized)

    # --- actions -------------------------------------------------------------------------

    def action_toggle_regex(self) -> None:
        """Switch between literal text and regular expressions."""
        self.regex = not self.regex
        self._post_changed()

    def action_cycle_case(self) -> None:
        """Cycle smart case → match case → ignore case."""
        self.case_sensitive = _CASE_CYCLE[self.case_sensitive]
        self._post_changed()

    def action_cancel(self) -> None:
        """Close the bar and ask for the highlights to go."""
        self.close()
        self.post_message(self.Cancelled(self))

    def action_history_previous(self) -> None:
        """Recall the previous submitted query (the most recent first)."""
        if not self._history:
            return
        if self._browsing is None:
            self._draft = self.input.value
            self._browsing = len(self._history) - 1
        elif self._browsing > 0:
            self._browsing -= 1
        else:
            return  # already at the oldest
        self._recall(self._history[self._browsing])

    def action_history_next(self) -> None:
        """Recall the next submitted query; past the newest, what was being typed."""
        if self._browsing is None:
            return
        if self._browsing < len(self._history) - 1:
            self._browsing += 1
            self._recall(self._history[self._browsing])
        else:
            self._browsing = None
            self._recall(self._draft)

    # --- watchers and handlers -----------------------------------------------------------

    def watch_regex(self, regex: bool) -> None:
        self._show_regex(regex)

    def watch_case_sensitive(self, case_sensitive: bool | None) -> None:
        self._show_case(case_sensitive)

    def on_input_changed(self, event: Input.Changed) -> None:
        # The owner listens for the bar's messages, not its parts' (`_value_changed` searches).
        event.stop()

    def _value_changed(self, value: str) -> None:
        if not value.isprintable() and value != visible(value):
            # Pasted text can carry control characters: the input shows their stand-ins,
            # and the query is what is shown (setting the value comes back here).
            self._recall(visible(value))
            return
        self._post_changed(value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._remember(event.value)
        self.close()
        self.post_message(self.Submitted(self, event.value, self.regex, self.case_sensitive))

    # --- internals -----------------------------------------------------------------------

    def _post_changed(self, query: str | None = None) -> None:
        text = self.input.value if query is None else query
        if self._searcher is not None:
            self._searcher(text, regex=self.regex, case_sensitive=self.case_sensitive)
        else:
            self.post_message(self.Changed(self, text, self.regex, self.case_sensitive))

    def _remember(self, query: str) -> None:
        """Add a submitted query to the history, skipping blanks and repeats of the last one."""
        if not query or (self._history and self._history[-1] == query):
            return
        self._history.append(query)
        del self._history[:-HISTORY_LIMIT]

    def _recall(self, query: str) -> None:
        field = self.input
        field.value = query  # `_value_changed` runs, so the owner searches for it at once
        field.cursor_position = len(query)

    def _clear_count(self) -> None:
        count = self.query_one("#search-count", Static)
        resized = count.has_class("-error")
        count.remove_class("-error")
        count.update("", layout=resized)

    def _show_regex(self, regex: bool) -> None:
        self.query_one("#search-regex", Static).set_class(regex, "-on")

    def _show_case(self, case_sensitive: bool | None) -> None:
        indicator = self.query_one("#search-case", Static)
        indicator.update(Content(_CASE_LABELS[case_sensitive]))
        indicator.tooltip = _CASE_TOOLTIPS[case_sensitive]
        indicator.set_class(case_sensitive is not None, "-on")


def _count_text(current: int | None, total: int, error: str | None, *, has_query: bool) -> str:
    """The counter's words for a search result."""
    if error is not None:
        return error
    if not has_query:
        return ""
    if total == 0:
        return "no matches"
    if current is None:
        return "1 match" if total == 1 else f"{total:,} matches"
    return f"{current:,}/{total:,}"
