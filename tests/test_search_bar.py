"""The search bar on its own: the messages it posts, its modes, history and counter."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Footer, Input, Static

from briefing_tui.tui.search_bar import HISTORY_LIMIT, SearchBar


class Harness(App[None]):
    """The bar between a pane and a footer, as an app lays it out, with its messages recorded."""

    CSS = "#pane { height: 1fr; }"

    def __init__(self, history: Iterable[str] = (), *, open_bar: bool = True) -> None:
        super().__init__()
        self.history = list(history)
        self.open_bar = open_bar
        self.messages: list[Message] = []

    def compose(self) -> ComposeResult:
        yield Static("The text being searched.", id="pane")
        yield SearchBar(history=self.history)
        yield Footer()

    def on_mount(self) -> None:
        if self.open_bar:
            self.query_one(SearchBar).open()

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        self.messages.append(event)

    def on_search_bar_submitted(self, event: SearchBar.Submitted) -> None:
        self.messages.append(event)

    def on_search_bar_cancelled(self, event: SearchBar.Cancelled) -> None:
        self.messages.append(event)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.messages.append(event)  # should never arrive: the bar stops its input's messages

    @property
    def bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    def changes(self) -> list[tuple[str, bool, bool | None]]:
        return [
            (m.query, m.regex, m.case_sensitive) for m in self.messages if isinstance(m, SearchBar.Changed)
        ]


def text_of(app: Harness, selector: str) -> str:
    return str(app.query_one(selector, Static).visual)


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)
    await pilot.pause()


async def test_typing_posts_changed_with_each_keystrokes_query() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        assert app.bar.display
        assert app.focused is app.bar.input
        await pilot.pause()
        assert app.changes() == [("", False, None)]  # opening asks for a (blank) result
        app.messages.clear()
        await type_text(pilot, "deal")
        assert app.changes() == [
            ("d", False, None),
            ("de", False, None),
            ("dea", False, None),
            ("deal", False, None),
        ]
        await pilot.press("backspace")
        await pilot.pause()
        assert app.changes()[-1] == ("dea", False, None)
        assert all(isinstance(m, SearchBar.Changed) for m in app.messages)
        assert all(m.control is app.bar for m in app.messages if isinstance(m, SearchBar.Changed))


async def test_enter_posts_submitted_and_closes() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await type_text(pilot, "hostages")
        await pilot.press("enter")
        await pilot.pause()
        submitted = app.messages[-1]
        assert isinstance(submitted, SearchBar.Submitted)
        assert (submitted.query, submitted.regex, submitted.case_sensitive) == ("hostages", False, None)
        assert submitted.search_bar is app.bar
        assert not app.bar.display
        assert not app.bar.is_open
        assert app.bar.history == ["hostages"]


async def test_escape_posts_cancelled_and_closes() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await type_text(pilot, "x")
        await pilot.press("escape")
        await pilot.pause()
        cancelled = app.messages[-1]
        assert isinstance(cancelled, SearchBar.Cancelled)
        assert cancelled.control is app.bar
        assert not app.bar.display
        assert app.bar.history == []  # cancelled queries are not remembered


async def test_ctrl_r_toggles_regex_and_posts_changed() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await type_text(pilot, "a.b")
        regex_indicator = app.query_one("#search-regex", Static)
        assert not regex_indicator.has_class("-on")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.bar.regex is True
        assert app.changes()[-1] == ("a.b", True, None)
        assert regex_indicator.has_class("-on")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.changes()[-1] == ("a.b", False, None)
        assert not regex_indicator.has_class("-on")


async def test_ctrl_t_cycles_case_and_posts_changed() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await type_text(pilot, "q")
        assert text_of(app, "#search-case") == "smart"
        seen = []
        for _ in range(3):
            await pilot.press("ctrl+t")
            await pilot.pause()
            seen.append((app.changes()[-1][2], text_of(app, "#search-case")))
        assert seen == [(True, "Aa"), (False, "aa"), (None, "smart")]
        assert app.changes()[-1][0] == "q"


async def test_the_input_stays_focused_through_toggles() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await type_text(pilot, "ab")
        await pilot.press("ctrl+r", "ctrl+t", "c")
        await pilot.pause()
        assert app.changes()[-1] == ("abc", True, True)


async def test_history_up_and_down() -> None:
    app = Harness(history=["first", "second", "third"])
    async with app.run_test() as pilot:
        await type_text(pilot, "dr")
        field = app.bar.input
        recalled = []
        for key in ("up", "up", "up", "up", "down", "down", "down", "down"):
            await pilot.press(key)
            await pilot.pause()
            recalled.append(field.value)
        assert recalled == ["third", "second", "first", "first", "second", "third", "dr", "dr"]
        assert field.cursor_position == 2
        # A recalled query is searched at once.
        assert ("third", False, None) in app.changes()


async def test_submitted_queries_join_history_without_consecutive_repeats() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        for query in ("alpha", "beta", "beta", "", "alpha"):
            app.bar.open()
            await type_text(pilot, query)
            await pilot.press("enter")
            await pilot.pause()
        assert app.bar.history == ["alpha", "beta", "alpha"]
        app.bar.open()
        await pilot.press("up")
        await pilot.pause()
        assert app.bar.input.value == "alpha"
        await pilot.press("up")
        await pilot.pause()
        assert app.bar.input.value == "beta"


async def test_history_is_capped() -> None:
    app = Harness(history=[f"q{n}" for n in range(HISTORY_LIMIT + 20)])
    async with app.run_test():
        assert len(app.bar.history) == HISTORY_LIMIT
        assert app.bar.history[0] == "q20"
        assert app.bar.history[-1] == f"q{HISTORY_LIMIT + 19}"


async def test_up_with_no_history_does_nothing() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await type_text(pilot, "x")
        await pilot.press("up", "down")
        await pilot.pause()
        assert app.bar.input.value == "x"


async def test_show_result_counter() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await type_text(pilot, "deal")
        count = app.query_one("#search-count", Static)
        app.bar.show_result(3, 17)
        assert text_of(app, "#search-count") == "3/17"
        assert not count.has_class("-error")
        app.bar.show_result(None, 17)
        assert text_of(app, "#search-count") == "17 matches"
        app.bar.show_result(None, 1)
        assert text_of(app, "#search-count") == "1 match"
        app.bar.show_result(1_200, 15_000)
        assert text_of(app, "#search-count") == "1,200/15,000"
        app.bar.show_result(None, 0)
        assert text_of(app, "#search-count") == "no matches"


async def test_show_result_error_is_shown_as_an_error() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await type_text(pilot, "[a")
        error = "bad regular expression: unterminated character set at position 0"
        app.bar.show_result(None, 0, error)
        count = app.query_one("#search-count", Static)
        assert text_of(app, "#search-count") == error  # brackets shown as text, not markup
        assert count.has_class("-error")
        app.bar.show_result(1, 2)
        assert not count.has_class("-error")


async def test_counter_is_blank_for_an_empty_query() -> None:
    app = Harness()
    async with app.run_test():
        app.bar.show_result(None, 0)
        assert text_of(app, "#search-count") == ""


async def test_hidden_until_opened_and_open_resets() -> None:
    app = Harness(open_bar=False)
    async with app.run_test(size=(60, 5)) as pilot:
        assert not app.bar.display
        assert app.query_one("#pane").region.height == 4  # takes no room while hidden
        app.bar.open("prefilled")
        await pilot.pause()
        assert app.bar.display
        assert app.bar.input.value == "prefilled"
        assert app.changes() == [("prefilled", False, None)]
        assert app.focused is app.bar.input
        app.bar.show_result(1, 4)
        app.bar.close()
        assert not app.bar.display
        app.bar.open()
        assert text_of(app, "#search-count") == ""


async def test_bindings_have_ids() -> None:
    ids = {binding.id for binding in SearchBar.BINDINGS if isinstance(binding, Binding)}
    assert ids == {
        "search.regex",
        "search.case",
        "search.cancel",
        "search.history_previous",
        "search.history_next",
    }


async def test_looks_deliberate_in_light_and_dark_themes() -> None:
    for theme in ("textual-dark", "textual-light"):
        app = Harness()
        async with app.run_test(size=(60, 3)) as pilot:
            app.theme = theme
            await type_text(pilot, "deal")
            app.bar.show_result(2, 9)
            await pilot.press("ctrl+r")
            await pilot.pause()
            bar = app.bar
            assert bar.region.height == 1
            assert bar.region.y == 1  # at the bottom, just above the footer, not hidden behind it
            assert app.query_one(Footer).region.y == 2
            assert app.query_one("#pane").region.height == 1
            count = app.query_one("#search-count", Static)
            assert count.styles.color != bar.styles.background
            screen_text = app.export_screenshot()
            assert "2/9" in screen_text
            assert ".*" in screen_text


class SearcherHarness(App[None]):
    """The bar given a `Searcher`, which records each query with the input's value at the time."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, bool, bool | None]] = []
        self.messages: list[Message] = []

    def compose(self) -> ComposeResult:
        yield SearchBar(searcher=self.search)

    def on_mount(self) -> None:
        self.query_one(SearchBar).open()

    def search(self, query: str, *, regex: bool, case_sensitive: bool | None) -> None:
        self.calls.append((query, regex, case_sensitive))

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        self.messages.append(event)


async def test_a_searcher_is_called_in_the_keystrokes_own_turn_and_no_message_is_posted() -> None:
    app = SearcherHarness()
    async with app.run_test() as pilot:
        await pilot.pause()
        bar = app.query_one(SearchBar)
        app.calls.clear()
        bar.input.value = "cease"
        # No await between: the query reached the searcher before anything was painted.
        assert app.calls == [("cease", False, None)]
        bar.action_toggle_regex()
        assert app.calls[-1] == ("cease", True, None)
        await pilot.press("s")
        assert app.calls[-1] == ("ceases", True, None)
        await pilot.pause()
        assert app.messages == []


async def test_typing_in_the_bar_does_not_lay_the_screen_out() -> None:
    app = SearcherHarness()
    async with app.run_test() as pilot:
        await pilot.pause()
        bar = app.query_one(SearchBar)
        bar.input.value = "a long query typed into the bar"
        # The input's own virtual size follows its text, quietly: a layout of the whole
        # screen at every key would cost most of the keystroke's frame.
        assert bar.input.virtual_size.width == len(bar.input.value) + 1
        assert not bar.input._layout_required
        await pilot.pause()
        assert bar.input.cursor_position == len(bar.input.value)
