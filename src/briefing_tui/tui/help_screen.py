"""The help screen: every key, read from the bindings themselves so it never drifts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["HelpScreen", "binding_rows"]

KEYS_WIDTH = 22
ACTION_WIDTH = 50


def binding_rows(bindings: list[BindingType], keymap: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """``(keys, description)`` for each action, keys joined with " / " and the keymap applied."""
    grouped: dict[str, tuple[list[Binding], str]] = {}
    for declared in Binding.make_bindings(bindings):
        binding = declared
        if declared.id and declared.id in keymap:
            binding = replace(declared, key=keymap[declared.id])
        keys, _ = grouped.setdefault(binding.id or binding.action, ([], binding.description))
        keys.append(binding)
    for keys, description in grouped.values():
        yield " / ".join(dict.fromkeys(_display(binding) for binding in keys)), description


def _display(binding: Binding) -> str:
    names = {"space": "Space", "pagedown": "PgDn", "pageup": "PgUp", "home": "Home", "end": "End"}
    key = binding.key
    if key in names:
        return names[key]
    if key.startswith(("ctrl+", "shift+")):
        modifier, _, rest = key.partition("+")
        return f"{modifier.capitalize()}+{_char(rest)}"
    return _char(key)


def _char(key: str) -> str:
    characters = {
        "slash": "/",
        "question_mark": "?",
        "right_square_bracket": "]",
        "left_square_bracket": "[",
        "escape": "Esc",
        "enter": "Enter",
        "tab": "Tab",
        "up": "↑",
        "down": "↓",
    }
    return characters.get(key, key)


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
        for keys, description in binding_rows(bindings, self._keymap):
            table.add_row(Text(keys), Text(description))
        return table
