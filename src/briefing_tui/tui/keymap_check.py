"""Check the settings' keymap against the reader's bindings, with Textual's key names."""

from __future__ import annotations

import unicodedata

from textual.binding import Binding
from textual.keys import KEY_TO_UNICODE_NAME, Keys, _character_to_key
from textual.widget import Widget

from briefing_tui import config
from briefing_tui.config import BindingInfo, Settings

__all__ = ["binding_table", "canonical_key", "check_keymap"]

_MODIFIERS = {"control": "ctrl", **{name: name for name in ("ctrl", "shift", "alt", "meta", "super")}}
_ALIASES = {
    "esc": "escape",
    "return": "enter",
    "del": "delete",
    "pgup": "pageup",
    "pgdn": "pagedown",
    "page_up": "pageup",
    "page_down": "pagedown",
    "ins": "insert",
    "bs": "backspace",
    "spacebar": "space",
}
_NAMED = {key.value for key in Keys} | {"space", "tab", "enter", "escape", "backspace"}


def canonical_key(written: str) -> str | None:
    """``written`` as Textual names the key (``"F1"`` → ``"f1"``, ``"?"`` → ``"question_mark"``)."""
    *modifiers, key = written.strip().split("+") if written.strip() != "+" else ["+"]
    mods = [_MODIFIERS.get(modifier.strip().lower()) for modifier in modifiers]
    if None in mods or not key:
        return None
    if len(key) == 1:
        name = key.lower() if mods else _character_to_key(key)
    else:
        name = _ALIASES.get(key.lower(), key.lower())
        if name not in _NAMED and not _is_character_name(name):
            return None
    return "+".join([*(mod for mod in mods if mod), name])


def _is_character_name(name: str) -> bool:
    try:
        unicodedata.lookup(KEY_TO_UNICODE_NAME.get(name, name.replace("_", " ").upper()))
    except KeyError:
        return False
    return True


def binding_table() -> dict[str, BindingInfo]:
    """Every binding of the reader by id, with its default keys and where it works."""
    from briefing_tui.tui.app import BriefingApp
    from briefing_tui.tui.help_screen import HelpScreen
    from briefing_tui.tui.outline import Outline
    from briefing_tui.tui.reader import ReaderScreen
    from briefing_tui.tui.search_bar import SearchBar
    from briefing_tui.tui.sources_pane import SourceList
    from briefing_tui.tui.text_view import BriefingText

    scopes: dict[str, list[type[BriefingApp | ReaderScreen | Widget]]] = {
        "app": [BriefingApp, ReaderScreen],
        "text": [BriefingText],
        "outline": [Outline],
        "sources": [SourceList],
        "search": [SearchBar],
        "screen:help": [HelpScreen],
    }
    table: dict[str, BindingInfo] = {}
    for scope, classes in scopes.items():
        for cls in classes:
            for binding in Binding.make_bindings(cls.BINDINGS):
                if binding.id:
                    known = table.get(binding.id)
                    keys = (*known.keys, binding.key) if known else (binding.key,)
                    table[binding.id] = BindingInfo(keys, scope)
    return table


def check_keymap(settings: Settings) -> Settings:
    """``settings`` with its keymap checked against the reader's bindings."""
    return config.check_keymap(settings, binding_table(), canonical_key)
