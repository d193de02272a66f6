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
from textual.widgets import Static

from briefing_tui.safe_text import visible
from briefing_tui.tui.scrolling_modal import ScrollingModal, scroll_bindings

__all__ = ["MARKERS", "HelpScreen", "binding_rows"]

KEYS_WIDTH = 22
ACTION_WIDTH = 50

MARKERS: tuple[tuple[str, str], ...] = (
    ("┃", "text: the paragraph you are at (its colour is its kind)"),
    ("▎", "text: a paragraph, coloured by its kind"),
    ("!", "text: the paragraph rests on a single anonymous source"),
    ("underline", "text: the words that name a source"),
    ("── TERMS ──", "text: a section starts, with its kind"),
    ("10¶", "outline: how many paragraphs are of this kind"),
    ("¶", "outline: a paragraph of this kind inside a section of another kind"),
    ("?", "outline: an open question the briefing asks"),
    (" 3 ", "outline: matches of the search in the section"),
    ("●", "sources: the selected source, whose citations n and N walk"),
    ("  2 name", "sources: how often the source is cited"),
    ("[3/17]", "status line: the current match of all; citation 2/5 while walking a source"),
    ("Top 42% END", "status line: where the top of the text is in the briefing"),
)
"""Every marker the reader draws, with what it means (the README lists the same)."""


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


class HelpScreen(ScrollingModal):
    """Every key of every pane, grouped by where it works."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        *scroll_bindings("help"),
    ]

    def __init__(self, groups: list[tuple[str, list[BindingType]]], keymap: Mapping[str, str]) -> None:
        super().__init__()
        self._groups = groups
        self._keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "j k Space b g G scroll · q, Esc or ? closes"
            for title, bindings in self._groups:
                yield Static(self._table(title, bindings))
            yield Static(self._markers())

    def _markers(self) -> Table:
        table = self._new_table("Markers")
        for marker, meaning in MARKERS:
            table.add_row(Text(marker), Text(meaning))
        return table

    def _table(self, title: str, bindings: list[BindingType]) -> Table:
        table = self._new_table(title)
        for keys, description in binding_rows(bindings, self._keymap, self.app.get_key_display):
            # Key names come from the user's settings file: data, shown safely.
            table.add_row(Text(visible(keys)), Text(description))
        return table

    def _new_table(self, title: str) -> Table:
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
        return table
