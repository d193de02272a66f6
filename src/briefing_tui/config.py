"""The user's settings file: key remapping by binding id.

``$BRIEFING_TUI_CONFIG_DIR/config.toml`` (else ``$XDG_CONFIG_HOME/briefing-tui/config.toml``,
else ``~/.config/briefing-tui/config.toml``)::

    [keys]
    "app.next_section" = "x"
    "text.down" = "j,down,ctrl+n"

The ids are the ones the help screen (``?``) lists. `check_keymap` names what is wrong
with a keymap (an unknown id, a key bound twice, quit left with no key, a key name written
differently from Textual's) and keeps the rest.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from difflib import get_close_matches
from pathlib import Path

__all__ = [
    "CONFIG_DIR_ENV",
    "QUIT_ID",
    "BindingInfo",
    "Settings",
    "check_keymap",
    "config_path",
    "load_settings",
]

QUIT_ID = "app.quit"
"""The binding that must always keep a key."""

CONFIG_DIR_ENV = "BRIEFING_TUI_CONFIG_DIR"
"""Environment variable naming the folder of ``config.toml``."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What the settings file says, and what was wrong with it."""

    keymap: dict[str, str] = field(default_factory=dict)
    """Keys by binding id."""
    problems: tuple[str, ...] = ()
    """One line for each part of the file that was ignored, for people."""


def config_path() -> Path:
    """Where the settings file is looked for."""
    explicit = os.environ.get(CONFIG_DIR_ENV)
    if explicit:
        return Path(explicit) / "config.toml"
    xdg = os.environ.get("XDG_CONFIG_HOME")
    base = Path(xdg) if xdg else Path.home() / ".config"
    return base / "briefing-tui" / "config.toml"


def load_settings(path: Path | None = None) -> Settings:
    """The settings in ``path`` (default: `config_path`); a missing file means the defaults."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as error:
        return Settings(problems=(f"{path}: ignored, it could not be read ({error})",))
    import tomllib  # only when there is a settings file to read: most start-ups have none

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Settings(problems=(f"{path}: ignored, it could not be read ({error})",))
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        return Settings(problems=(f'{path}: [keys] must be a table of binding id = "keys"',))
    keymap = {name: value for name, value in keys.items() if _is_key_list(value)}
    blank = sorted(name for name, value in keys.items() if isinstance(value, str) and not value.strip())
    ignored = sorted(set(keys) - set(keymap) - set(blank))
    problems = (
        [f"{path}: ignored keys for {', '.join(ignored)} (each must be a string of printable key names)"]
        if ignored
        else []
    )
    for name in blank:
        keeps = "its default keys, so the reader can still be quit" if name == QUIT_ID else "its default keys"
        problems.append(f"{path}: {name} is given no key; it keeps {keeps}")
    return Settings(keymap=keymap, problems=tuple(problems))


def _is_key_list(value: object) -> bool:
    """Whether ``value`` can be a list of key names: a non-blank string with no control character."""
    return isinstance(value, str) and bool(value.strip()) and value.isprintable()


@dataclass(frozen=True, slots=True)
class BindingInfo:
    """What `check_keymap` needs to know of one binding."""

    keys: tuple[str, ...]
    """Its default keys, in Textual's spelling."""
    scope: str
    """Where it works: ``"app"`` for everywhere in the reader, else the widget whose focus it
    needs; ``"screen:NAME"`` for a screen of its own, where only its own bindings work."""


def check_keymap(
    settings: Settings,
    bindings: Mapping[str, BindingInfo],
    canonical: Callable[[str], str | None],
) -> Settings:
    """``settings`` with its keymap checked against ``bindings`` (by id).

    ``canonical`` spells a key as Textual does (``"F1"`` → ``"f1"``), or None when it names
    no key. Unknown ids and unknown keys are dropped; a key a binding shares with another
    (in its scope or everywhere) is kept but named; `QUIT_ID` with no key keeps its default.
    Each problem is one line in `Settings.problems`.
    """
    problems = list(settings.problems)
    keymap: dict[str, str] = {}
    for binding_id, value in settings.keymap.items():
        if binding_id not in bindings:
            near = get_close_matches(binding_id, list(bindings), n=1)
            hint = f"; did you mean {near[0]}?" if near else "; the help screen (?) lists the ids"
            problems.append(f"keys: unknown binding id {binding_id!r} ignored{hint}")
            continue
        keys: list[str] = []
        for written in (part.strip() for part in value.split(",")):
            key = canonical(written) if written else None
            if key is None:
                problems.append(f"keys: {binding_id} = {written!r} is not a key name; ignored")
            else:
                if key != written and len(written) > 1:
                    problems.append(f"keys: {binding_id}: {written!r} read as {key!r}")
                keys.append(key)
        if keys:
            keymap[binding_id] = ",".join(dict.fromkeys(keys))
        elif binding_id == QUIT_ID:
            problems.append(f"keys: {QUIT_ID} has no key; it keeps {','.join(bindings[QUIT_ID].keys)}")
    problems.extend(_clashes(keymap, bindings))
    return replace(settings, keymap=keymap, problems=tuple(problems))


def _clashes(keymap: Mapping[str, str], bindings: Mapping[str, BindingInfo]) -> list[str]:
    """A line for each key a remapped binding shares with one it competes with: one of the
    same scope, or any one when either works everywhere."""
    effective = {
        binding_id: set(keymap[binding_id].split(",")) if binding_id in keymap else set(info.keys)
        for binding_id, info in bindings.items()
    }
    problems: list[str] = []
    for binding_id in keymap:
        scope = bindings[binding_id].scope
        for other, keys in effective.items():
            other_scope = bindings[other].scope
            if other == binding_id or not _compete(scope, other_scope):
                continue
            if other in keymap and other < binding_id:
                continue  # the pair is named once
            for key in sorted(effective[binding_id] & keys):
                problems.append(f"keys: {key!r} is bound to both {binding_id} and {other}")
    if QUIT_ID in keymap and any(QUIT_ID in problem for problem in problems):
        problems.append(f"keys: {QUIT_ID} shares its key; ctrl+q always quits")
    return problems


def _compete(scope: str, other: str) -> bool:
    if scope == other:
        return True
    if scope.startswith("screen:") or other.startswith("screen:"):
        return False
    return "app" in (scope, other)
