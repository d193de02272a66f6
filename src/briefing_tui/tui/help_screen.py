"""The help screen: every key, read from the bindings themselves so it never drifts."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing_tui.safe_text import visible

__all__ = ["HelpScreen", "binding_rows"]

KEYS_WIDTH = 22
ACTION_WIDTH = 50


def binding_rows(
    bindings: list[BindingType], keymap: Mapping[str, str], display: Callable[[Binding], str]
) -> Iterator[tuple[str, str]]:
    """``(keys, description)`` for each action, keys shown by ``display`` and joined with " / ".

    Keys remapped in ``keymap`` (by binding id, several keys comma-separated) replace the
    declared ones, as Textual applies them.
    """
    grouped: dict[str, tuple[list[str], str]] = {}
    for binding in Binding.make_bindings(bindings):
        name = binding.id or binding.action
        keys, _ = grouped.setdefault(name, ([], binding.description))
        remapped = keymap.get(binding.id or "")
        for key in remapped.split(",") if remapped else [binding.key]:
            keys.append(display(replace(binding, key=key.strip())))
    for keys, description in grouped.values():
        yield " / ".join(dict.fromkeys(keys)), description


class HelpScreen(ModalScreen[None]):
    """Every key of every pane, grouped by where it works."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 84;
            max-width: 100%;
            height: auto;
            max-height: 90%;
            border: round $primary;
            border-title-align: center;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    def __init__(self, groups: list[tuple[str, list[BindingType]]], keymap: Mapping[str, str]) -> None:
        super().__init__()
        self._groups = groups
        self._keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "Esc closes"
            for title, bindings in self._groups:
                yield Static(self._table(title, bindings))

    def _table(self, title: str, bindings: list[BindingType]) -> Table:
        table = Table(
            title=Text(title, style="bold"),
            title_justify="left",
            box=None,
            show_header=False,
            expand=False,
            padding=(0, 1),
        )
        table.add_column("keys", style="bold", width=KEYS_WIDTH, no_wrap=True)
        table.add_column("action", width=ACTION_WIDTH)
        for keys, description in binding_rows(bindings, self._keymap, self.app.get_key_display):
            # Key names come from the user's settings file: data, shown safely.
            table.add_row(Text(visible(keys)), Text(description))
        return table
