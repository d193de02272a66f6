"""Marks, as in less and vim: ``m`` and a letter sets one, ``'`` and the letter goes back.

The key after ``m`` or ``'`` is read by `KeyPrompt`, a one-line screen at the foot of the
reader, so the letter never runs a binding of its own (``m`` then ``s`` must not toggle
the sources pane).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["KeyPrompt", "is_mark_letter"]


def is_mark_letter(character: str | None) -> bool:
    """Whether ``character`` can name a mark: one ASCII letter, either case."""
    return character is not None and len(character) == 1 and character.isascii() and character.isalpha()


class KeyPrompt(ModalScreen[str | None]):
    """Ask for one letter; dismiss with it, or with None on Escape or any other key."""

    DEFAULT_CSS = """
    KeyPrompt {
        background: transparent;
        align: left bottom;
        & > Static {
            width: 100%;
            height: 1;
            padding: 0 1;
            background: $accent-muted;
            color: $text;
            text-style: bold;
        }
    }
    """

    AUTO_FOCUS: ClassVar[str | None] = None

    def __init__(self, prompt: str) -> None:
        super().__init__()
        self._prompt = prompt

    def compose(self) -> ComposeResult:
        yield Static(self._prompt, markup=False)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss(event.character if is_mark_letter(event.character) else None)
